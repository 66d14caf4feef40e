//! Where sessions and users live: the [`SessionStore`] trait and one module per backend.
//!
//! Every backend behaves the same; `tests/suite/store_behaviour.rs` runs one suite against each.
//! The store is deliberately dumb (no permissions, no expiry rules): those live in
//! [`crate::service`], so that a new backend cannot get them wrong. Opening a store from the
//! configuration is [`crate::app`]'s job: nothing here knows about settings.

use async_trait::async_trait;

use crate::domain::{Audit, Id, Session, TokenHash, User};

pub mod cached;
pub mod memory;
pub mod metered;
pub mod postgres;
pub mod sqlite;

/// What can go wrong in a store.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// A unique field is taken; every backend names the same field for the same clash.
    #[error("a {} that already exists", .0.as_str())]
    Conflict(Unique),
    /// A session for a deactivated user: a login that raced its deactivation lost.
    #[error("the user is deactivated")]
    UserInactive,
    /// The backend failed (I/O, corruption, a bug). Logged, never shown to clients.
    #[error("store backend failed: {0}")]
    Backend(#[from] anyhow::Error),
}

/// The unique fields of users and sessions.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Unique {
    UserId,
    Username,
    Email,
    SessionId,
    TokenHash,
}

impl Unique {
    /// The field's name, as a person reads it.
    pub fn as_str(self) -> &'static str {
        match self {
            Unique::UserId => "user id",
            Unique::Username => "username",
            Unique::Email => "email",
            Unique::SessionId => "session id",
            Unique::TokenHash => "session token",
        }
    }

    /// The field a `table.column` pair names (SQLite's messages, PostgreSQL's constraints).
    pub fn of_column(table: &str, column: &str) -> Option<Self> {
        Some(match (table, column) {
            ("users", "id") => Unique::UserId,
            ("users", "username") => Unique::Username,
            ("users", "email") => Unique::Email,
            ("sessions", "id") => Unique::SessionId,
            ("sessions", "token_hash") => Unique::TokenHash,
            _ => return None,
        })
    }
}

/// A result of a store call.
pub type StoreResult<T> = Result<T, StoreError>;

/// What a backend can tell of writes made by anyone but itself: another process on the same
/// file, another node on the same database.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OutsideWrites {
    /// Nobody else has written since the previous question.
    None,
    /// Someone else may have.
    Possible,
    /// This backend cannot tell: nothing may be cached in front of it.
    Untracked,
}

/// Persistent sessions and users. Every write is durable once the call returns.
#[async_trait]
pub trait SessionStore: Send + Sync + 'static {
    /// Adds a user; `Conflict` when the id, username or email is taken.
    async fn create_user(&self, user: &User) -> StoreResult<()>;
    /// The user with this id.
    async fn user_by_id(&self, id: &Id) -> StoreResult<Option<User>>;
    /// The user with this (lower-case) username.
    async fn user_by_username(&self, username: &str) -> StoreResult<Option<User>>;
    /// The user with this (lower-case) email.
    async fn user_by_email(&self, email: &str) -> StoreResult<Option<User>>;
    /// Saves a user's password hash and update time; `false` when there is no such user. Only
    /// those columns: a copy of the user read before a role change or a deactivation must not
    /// undo it.
    async fn set_password_hash(&self, user_id: &Id, hash: &str, update_at: i64) -> StoreResult<bool>;
    /// Gives a user and **every session of theirs** these roles, in one transaction (Mattermost's
    /// `UpdateUserRoles` rewrites the sessions' roles too): a demoted user keeps no power on a
    /// session opened before. `None` when there is no such user, else how many sessions changed.
    async fn set_roles(&self, user_id: &Id, roles: &str, update_at: i64) -> StoreResult<Option<u64>>;
    /// Deactivates a user and deletes every session of theirs in one transaction, so that no
    /// session outlives the deactivation; `None` when there is no such user, else how many
    /// sessions went.
    async fn deactivate_user(&self, user_id: &Id, delete_at: i64) -> StoreResult<Option<u64>>;
    /// Marks a deactivated user active again; `false` when there is no such user.
    async fn reactivate_user(&self, user_id: &Id, update_at: i64) -> StoreResult<bool>;
    /// Every user, by username.
    async fn list_users(&self) -> StoreResult<Vec<User>>;

    /// Adds a session (its user must exist and be active: `UserInactive` otherwise, checked in
    /// the same transaction, so a login racing a deactivation cannot outlive it). If the user
    /// then holds more than `max_per_user`
    /// sessions, the least recently used others are deleted in the same transaction; returns
    /// how many.
    async fn create_session(&self, session: &Session, max_per_user: usize) -> StoreResult<u64>;
    /// The session whose token hashes to `hash`, expired or not.
    async fn session_by_token(&self, hash: &TokenHash) -> StoreResult<Option<Session>>;
    /// The session with this id.
    async fn session_by_id(&self, id: &str) -> StoreResult<Option<Session>>;
    /// A user's sessions, most recent activity first, expired ones included.
    async fn sessions_for_user(&self, user_id: &Id) -> StoreResult<Vec<Session>>;
    /// Records activity on a session; no-op when it is gone.
    async fn touch_session(&self, id: &str, last_activity_at: i64) -> StoreResult<()>;
    /// Deletes a session; `false` when there was none.
    async fn delete_session(&self, id: &str) -> StoreResult<bool>;
    /// Deletes the session with this id if it belongs to `user_id`; `false` when there was none
    /// (or it is another user's). One write, where a lookup and a delete would be two calls.
    async fn delete_user_session(&self, user_id: &Id, id: &str) -> StoreResult<bool>;
    /// Deletes every session of a user; returns how many.
    async fn delete_sessions_for_user(&self, user_id: &Id) -> StoreResult<u64>;
    /// Deletes every session of a user but `keep` (a session id); returns how many.
    async fn delete_other_sessions(&self, user_id: &Id, keep: &str) -> StoreResult<u64>;
    /// Deletes the user's sessions with this device id but `keep`; returns how many.
    async fn delete_device_sessions(&self, user_id: &Id, device_id: &str, keep: &str) -> StoreResult<u64>;
    /// Deletes every session of every user; returns how many.
    async fn delete_all_sessions(&self) -> StoreResult<u64>;
    /// Sets a session's expiry (an extension); no-op when it is gone.
    async fn set_session_expiry(&self, id: &str, expires_at: i64) -> StoreResult<()>;
    /// Gives a session a device id and a new expiry (a mobile app attaching its device).
    async fn attach_device(&self, id: &str, device_id: &str, expires_at: i64) -> StoreResult<()>;
    /// Deletes at most `limit` sessions that expired before `now`; returns how many.
    async fn delete_expired(&self, now: i64, limit: usize) -> StoreResult<u64>;
    /// How many sessions have not expired at `now` (the active-sessions metric).
    async fn count_active_sessions(&self, now: i64) -> StoreResult<u64>;
    /// Adds users and sessions in one transaction, all or nothing, without the per-user cap:
    /// for bulk loads (the benchmark's seeding, imports), never for serving requests.
    async fn import(&self, users: &[User], sessions: &[Session]) -> StoreResult<()>;
    /// Adds an audit record.
    async fn add_audit(&self, audit: &Audit) -> StoreResult<()>;
    /// A user's audit records, newest first, skipping `offset`, at most `limit`.
    async fn audits_for_user(&self, user_id: &str, offset: usize, limit: usize) -> StoreResult<Vec<Audit>>;
    /// Deletes at most `limit` audit records created before `before`; returns how many.
    async fn delete_audits_before(&self, before: i64, limit: usize) -> StoreResult<u64>;
    /// Answers when the store can serve (health checks).
    async fn ping(&self) -> StoreResult<()>;

    /// Whether anyone but this store object has changed users or sessions since the previous
    /// call (what [`cached::CachedStore`] asks before each request).
    async fn outside_writes(&self) -> StoreResult<OutsideWrites> {
        Ok(OutsideWrites::Untracked)
    }
    /// Called once per request before its reads: a cache in front of the store forgets what
    /// others may have changed. Nothing to do for a store without one.
    async fn begin_request(&self) -> StoreResult<()> {
        Ok(())
    }
}

/// An id read back from a backend; one that is not an id means the data is damaged.
fn stored_id(text: String) -> anyhow::Result<Id> {
    Id::parse(&text).ok_or_else(|| anyhow::anyhow!("stored id {text:?} is not an id"))
}
