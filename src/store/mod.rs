//! Where users, sessions and audit records live: one small trait per capability, one folder per
//! backend with one file per capability, and the two wrappers that go around them.
//!
//! # The shape
//!
//! - **Capabilities**: [`UserStore`], [`SessionStore`], [`TokenStore`] (personal access
//!   tokens), [`MfaStore`] (the second factor), [`SsoStateStore`] (single sign-ons in flight),
//!   [`WebhookStore`] (webhook endpoints and the outbox of session events),
//!   [`AuditStore`] and [`Maintenance`] (the store as
//!   a whole: health checks, bulk loads). A new capability is a new trait here, implemented by
//!   every backend. Each trait is written once, as a list of its methods (`capabilities!`),
//!   which also gives the wrappers that list: a method's signature is written here and in each
//!   backend, and nowhere else.
//! - **Backends** implement every capability: [`memory`], [`sqlite`], [`postgres`], each a folder
//!   (lldap's shape): `mod.rs` opens the backend and holds what its capabilities share, then a
//!   file per capability (`users.rs`, `sessions.rs`, `access_tokens.rs`, `mfa.rs`, `sso_states.rs`, `webhooks.rs`, `audits.rs`,
//!   `maintenance.rs`), and its `migrations/`. A new backend is such a folder, plus a line in
//!   `app::open_store`; `tests/suite/store_behaviour.rs`
//!   runs one suite against each, so they all answer alike.
//! - **Holding them**: [`Stores`] holds one `Arc<dyn …>` per capability, all pointing at the same
//!   backend when it is opened ([`Stores::of`]). A wrapper replaces only the capabilities it
//!   changes: the session cache ([`cached`]) takes `users`, `sessions`, `tokens` (whose writes
//!   end sessions), `mfa` (whose writes change users) and `maintenance` (a bulk import), not
//!   `audits`, and names each of their methods once with what it does for it (a method it does
//!   not name is a build error); the metrics wrapper ([`metered`]) counts the failures of every
//!   call, so it takes them all, generated from the lists.
//! - **Caching is a fact of the backend's type**: a backend that can tell writes made by anyone
//!   else (another process on the same file) hands [`Stores::watching`] its [`ChangeSource`];
//!   only then can [`Stores::cached`] put a cache in front of it. PostgreSQL, where other nodes
//!   write and nothing tells this one at once, and memory, which is memory already, hand none.
//!
//! The stores are deliberately dumb (no permissions, no expiry rules): those live in
//! [`crate::service`], so that a new backend cannot get them wrong. Nothing here reads settings.

use std::sync::Arc;

use async_trait::async_trait;

use crate::domain::{AccessToken, Audit, Cause, Endpoint, Event, Id, Session, SessionId, TokenHash, TokenId, User};
pub use cached::answers::{Answer, AnswerKind, Ticket};
pub use imports::{ImportBatch, ImportKind, Imported};
/// The one statement an uncached request of `GET /users/me` (and the check) and of
/// `GET /users/{id}/sessions` runs on a backend that reads them together; the benchmark's
/// `pgbench-script` runs these very statements for PostgreSQL's own ceiling.
pub use rows::{session_and_user_by_token_sql, with_sessions_by_token_sql};

pub mod cached;
pub mod imports;
pub mod memory;
pub mod metered;
pub mod postgres;
mod rows;
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
    /// A provider identity (auth_service, auth_data) already held by another user.
    SsoIdentity,
    SessionId,
    TokenHash,
    AccessTokenId,
    AccessTokenHash,
    /// A webhook endpoint's URL (one endpoint per URL).
    EndpointUrl,
}

impl Unique {
    /// The field's name, as a person reads it.
    pub fn as_str(self) -> &'static str {
        match self {
            Unique::UserId => "user id",
            Unique::Username => "username",
            Unique::Email => "email",
            Unique::SsoIdentity => "single sign-on identity",
            Unique::SessionId => "session id",
            Unique::TokenHash => "session token",
            Unique::AccessTokenId => "personal access token id",
            Unique::AccessTokenHash => "personal access token",
            Unique::EndpointUrl => "webhook endpoint URL",
        }
    }

    /// The field a `table.column` pair names (SQLite's messages, PostgreSQL's constraints).
    pub fn of_column(table: &str, column: &str) -> Option<Self> {
        Some(match (table, column) {
            ("users", "id") => Unique::UserId,
            ("users", "username") => Unique::Username,
            ("users", "email") => Unique::Email,
            ("users", "auth_service") => Unique::SsoIdentity,
            ("sessions", "id") => Unique::SessionId,
            ("sessions", "token_hash") => Unique::TokenHash,
            ("user_access_tokens", "id") => Unique::AccessTokenId,
            ("user_access_tokens", "token_hash") => Unique::AccessTokenHash,
            ("webhook_endpoints", "url") => Unique::EndpointUrl,
            _ => return None,
        })
    }
}

/// A result of a store call.
pub type StoreResult<T> = Result<T, StoreError>;

/// A session, its user and the user's sessions, each `None` where the backend did not read it
/// with the session ([`SessionStore::session_user_and_sessions_by_token`]).
pub type WithSessions = (Session, Option<User>, Option<Vec<Session>>);

/// What [`UserStore::set_roles`] did.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RolesSet {
    /// The user and this many sessions of theirs have the new roles.
    Set(u64),
    /// There is no such user.
    NoSuchUser,
    /// Refused: the user is a system admin, the new roles are not, and no other active system
    /// admin would be left (Mattermost's last-admin rule).
    LastAdmin,
}

/// A delivery claimed: the event, the endpoint it goes to and the secrets that sign it.
#[derive(Clone, Debug)]
pub struct Delivery {
    pub event: Event,
    pub endpoint: Endpoint,
    /// Attempts before this one.
    pub attempts: u32,
}

/// What an MFA write did, or why it did nothing.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MfaWrite {
    Done,
    NoSuchUser,
    /// Refused: MFA is active (a new secret is not taken while one is in use).
    Active,
    /// Refused: this step's code was accepted before.
    Replayed,
    /// Refused: the stored secret is no longer the one the code was checked against.
    SecretChanged,
}

/// A user's second factor as stored.
#[derive(Clone, PartialEq, Eq)]
pub struct MfaState {
    pub active: bool,
    /// As stored: sealed or in clear ([`crate::mfa::seal`]); "" for none.
    pub secret: String,
    /// Wrong codes since the last right one (or the last password change, or MFA turned off).
    pub failed_attempts: u32,
}

/// Without the secret.
impl std::fmt::Debug for MfaState {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("MfaState")
            .field("active", &self.active)
            .field("secret", &if self.secret.is_empty() { "" } else { ".." })
            .field("failed_attempts", &self.failed_attempts)
            .finish()
    }
}

/// Defines each capability trait from one list of its methods, and, for each, a macro that
/// hands that same list to a wrapper's implementation (`metered!`, the session cache's
/// `cached!`): a method's signature is written once here and once in each backend, never again
/// in a wrapper. (`$d` is a `$` passed in, so that the generated macros can have metavariables.)
macro_rules! capabilities {
    ($d:tt $(
        $(#[$trait_meta:meta])*
        pub trait $trait:ident in $field:ident, listed by $list:ident {
            $( $(#[$meta:meta])* async fn $method:ident(&self $(, $arg:ident: $ty:ty)* $(,)?) -> $ret:ty; )*
        }
    )*) => {
        $(
            $(#[$trait_meta])*
            #[async_trait]
            pub trait $trait: Send + Sync + 'static {
                $( $(#[$meta])* async fn $method(&self $(, $arg: $ty)*) -> $ret; )*
            }

            #[doc = concat!("Hands `callback!` the methods of [`", stringify!($trait), "`] and the field of [`Stores`] that holds it.")]
            macro_rules! $list {
                ($d callback:ident) => {
                    $d callback! { $trait, $field, { $( fn $method(&self $(, $arg: $ty)*) -> $ret; )* } }
                };
            }
            #[allow(unused_imports)]
            pub(crate) use $list;
        )*
    };
}

capabilities! { $

/// Users. Every write is durable once the call returns.
pub trait UserStore in users, listed by user_store_methods {
    /// Adds a user; `Conflict` when the id, username or email is taken.
    async fn create_user(&self, user: &User) -> StoreResult<()>;
    /// The user with this id.
    async fn user_by_id(&self, id: &Id) -> StoreResult<Option<User>>;
    /// The user with this (lower-case) username.
    async fn user_by_username(&self, username: &str) -> StoreResult<Option<User>>;
    /// The user with this (lower-case) email.
    async fn user_by_email(&self, email: &str) -> StoreResult<Option<User>>;
    /// Every user, by username.
    async fn list_users(&self) -> StoreResult<Vec<User>>;
    /// Saves a user's password hash and update time, and forgets their failed MFA codes (a new
    /// password ends a lockout an attacker with the old one caused); `false` when there is no
    /// such user. Only those columns: a copy of the user read before a role change or a
    /// deactivation must not undo it.
    async fn set_password_hash(&self, user_id: &Id, hash: &str, update_at: i64) -> StoreResult<bool>;
    /// Replaces the password hash `old` by `new`, the same password hashed this server's way
    /// (an imported hash, verified at a login): nothing else changes, since the password did
    /// not. `false` when the stored hash is no longer `old` (the password changed meanwhile).
    async fn upgrade_password_hash(&self, user_id: &Id, old: &str, new: &str) -> StoreResult<bool>;
    /// Gives a user and **every session of theirs** these roles, in one transaction (Mattermost's
    /// `UpdateUserRoles` rewrites the sessions' roles too): a demoted user keeps no power on a
    /// session opened before. Mattermost's last-admin rule is checked in the same transaction,
    /// so two admins demoting each other at once cannot leave none.
    /// Each session rewritten records a `session.revoked` event with `cause` (`roles_changed`).
    async fn set_roles(&self, user_id: &Id, roles: &str, update_at: i64, cause: &Cause) -> StoreResult<RolesSet>;
    /// Deactivates a user and deletes every session of theirs in one transaction, so that no
    /// session outlives the deactivation; `None` when there is no such user, else how many
    /// sessions went.
    /// Records `user.deactivated` and a `session.revoked` per session with `cause`.
    async fn deactivate_user(&self, user_id: &Id, delete_at: i64, cause: &Cause) -> StoreResult<Option<u64>>;
    /// Marks a deactivated user active again; `false` when there is no such user.
    async fn reactivate_user(&self, user_id: &Id, update_at: i64) -> StoreResult<bool>;
    /// The user a single sign-on identity belongs to: (auth_service, auth_data).
    async fn user_by_auth(&self, auth_service: &str, auth_data: &str) -> StoreResult<Option<User>>;
    /// Switches a user's sign-in method and deletes **every session of theirs**, in one
    /// transaction (Mattermost's `UpdateAuthData`, and the revocation it does since 2026): to a
    /// single sign-on service (the password hash is cleared, so the old password signs in
    /// nowhere), or back to a password (`auth_service` "", `auth_data` `None`: the user must be
    /// given a password). `None` when there is no such user, else how many sessions ended;
    /// `Conflict(SsoIdentity)` when another user holds the identity.
    async fn set_auth(&self, user_id: &Id, auth_service: &str, auth_data: Option<&str>, update_at: i64, cause: &Cause)
        -> StoreResult<Option<u64>>;
}

/// Sessions, found by token hash, by id or by user. Every write is durable once the call
/// returns; writes naming a session that is gone do nothing. Every write that adds or deletes
/// sessions takes a [`Cause`] and records one event per session with it, in its transaction
/// (`session.created`, `session.revoked`; [`crate::domain::event`]).
pub trait SessionStore in sessions, listed by session_store_methods {
    /// Adds a session (its user must exist and be active: `UserInactive` otherwise, checked in
    /// the same transaction, so a login racing a deactivation cannot outlive it). If the user
    /// then holds more than `max_per_user` sessions, the least recently used others are deleted
    /// in the same transaction; returns how many.
    /// Records `session.created` with `cause`, and `session.revoked` (`session_limit`, by the
    /// system) for each session evicted.
    async fn create_session(&self, session: &Session, max_per_user: usize, cause: &Cause) -> StoreResult<u64>;
    /// The session whose token hashes to `hash`, expired or not.
    async fn session_by_token(&self, hash: &TokenHash) -> StoreResult<Option<Session>>;
    /// The same session, with its user where the backend reads both in one statement
    /// (PostgreSQL: one round trip instead of two for every request that needs the caller's
    /// user; SQLite: one statement and one connection instead of two; the session cache: what
    /// the session's entry holds); `None` for the user means "not read here": read it as usual. Read together, the
    /// user is exactly as fresh as the session.
    async fn session_and_user_by_token(&self, hash: &TokenHash) -> StoreResult<Option<(Session, Option<User>)>>;
    /// The same, with all the user's sessions (as [`Self::sessions_for_user`] lists them) where
    /// the backend reads the three in one statement (`GET /users/me/sessions` in one round trip
    /// on PostgreSQL, one statement on SQLite, one lookup in the session cache); `None` for the
    /// list means "not read here": list them as usual.
    async fn session_user_and_sessions_by_token(&self, hash: &TokenHash) -> StoreResult<Option<WithSessions>>;
    /// The session with this id.
    async fn session_by_id(&self, id: &SessionId) -> StoreResult<Option<Session>>;
    /// A user's sessions, most recent activity first, expired ones included.
    async fn sessions_for_user(&self, user_id: &Id) -> StoreResult<Vec<Session>>;
    /// How many sessions have not expired at `now` (the active-sessions metric).
    async fn count_active_sessions(&self, now: i64) -> StoreResult<u64>;
    /// Records activity on a session.
    async fn touch_session(&self, id: &SessionId, last_activity_at: i64) -> StoreResult<()>;
    /// Sets a session's expiry (an extension).
    async fn set_session_expiry(&self, id: &SessionId, expires_at: i64) -> StoreResult<()>;
    /// Gives a session a device id and a new expiry (a mobile app attaching its device).
    async fn attach_device(&self, id: &SessionId, device_id: &str, expires_at: i64) -> StoreResult<()>;
    /// Deletes a session; `false` when there was none.
    async fn delete_session(&self, id: &SessionId, cause: &Cause) -> StoreResult<bool>;
    /// Deletes the session with this id if it belongs to `user_id`; `false` when there was none
    /// (or it is another user's). One write, where a lookup and a delete would be two calls.
    async fn delete_user_session(&self, user_id: &Id, id: &SessionId, cause: &Cause) -> StoreResult<bool>;
    /// Deletes every session of a user but `keep`, if given; returns how many.
    async fn delete_sessions_for_user(&self, user_id: &Id, keep: Option<&SessionId>, cause: &Cause)
        -> StoreResult<u64>;
    /// Deletes the user's sessions with this device id but `keep`, if given; returns how many.
    async fn delete_device_sessions(&self, user_id: &Id, device_id: &str, keep: Option<&SessionId>, cause: &Cause)
        -> StoreResult<u64>;
    /// Deletes every session of every user; returns how many.
    async fn delete_all_sessions(&self, cause: &Cause) -> StoreResult<u64>;
    /// Deletes at most `limit` sessions that expired before `now`, each with its event
    /// (`expired`, by the system, at `now`); returns how many.
    async fn delete_expired(&self, now: i64, limit: usize) -> StoreResult<u64>;
}

/// Personal access tokens, and the sessions they open. A token's session carries the token's
/// hash as its own token hash, so the session a token opened is found, and deleted, by it.
pub trait TokenStore in tokens, listed by token_store_methods {
    /// Adds a token; `Conflict` when its id or hash is taken.
    async fn create_token(&self, token: &AccessToken) -> StoreResult<()>;
    /// The token with this id.
    async fn token_by_id(&self, id: &TokenId) -> StoreResult<Option<AccessToken>>;
    /// The token whose secret hashes to `hash`.
    async fn token_by_hash(&self, hash: &TokenHash) -> StoreResult<Option<AccessToken>>;
    /// A user's tokens, by id, skipping `offset`, at most `limit`.
    async fn tokens_for_user(&self, user_id: &Id, offset: usize, limit: usize) -> StoreResult<Vec<AccessToken>>;
    /// Every token, by id, skipping `offset`, at most `limit`.
    async fn all_tokens(&self, offset: usize, limit: usize) -> StoreResult<Vec<AccessToken>>;
    /// The tokens whose id, user id or user's username equals `term`, by id.
    async fn search_tokens(&self, term: &str) -> StoreResult<Vec<AccessToken>>;
    /// Deletes `token` and every session it opened, in one transaction; `None` when it was
    /// gone, else how many sessions ended.
    async fn delete_token(&self, token: &AccessToken, cause: &Cause) -> StoreResult<Option<u64>>;
    /// Enables or disables `token`; disabling deletes every session it opened in the same
    /// transaction. `None` when it was gone, else how many sessions ended.
    async fn set_token_active(&self, token: &AccessToken, active: bool, cause: &Cause) -> StoreResult<Option<u64>>;
    /// Adds the session `token` opens (as [`SessionStore::create_session`], the cap included)
    /// if the token is still there and active, checked in the same transaction as the insert:
    /// a revoke or disable racing it on another node wins. `None` when the token is gone or
    /// disabled, else how many sessions the cap evicted. `Conflict(TokenHash)` when the token's
    /// session exists already (another request made it first).
    async fn create_token_session(
        &self,
        token: &AccessToken,
        session: &Session,
        max_per_user: usize,
        cause: &Cause,
    ) -> StoreResult<Option<u64>>;
}

/// Users' second factor: the secret (as stored: sealed or in clear, [`crate::mfa::seal`]),
/// whether it is active, and the time steps whose codes were accepted. Kept apart from
/// [`UserStore`] so that the secret is read only where a code is checked. Each write is one
/// atomic step, so that two nodes cannot both accept one code, nor activate a secret another
/// request just replaced.
pub trait MfaStore in mfa, listed by mfa_store_methods {
    /// The user's second factor; `None`: no such user.
    async fn mfa_state(&self, user_id: &Id) -> StoreResult<Option<MfaState>>;
    /// Stores a new (pending) secret, only while MFA is off: `Done`, `Active` or `NoSuchUser`.
    async fn set_mfa_secret(&self, user_id: &Id, secret: &str, update_at: i64) -> StoreResult<MfaWrite>;
    /// Accepts `step`'s code, once: `Done` (and the failed-code count back to 0, in the same
    /// write), or `Replayed` when it was accepted before. Steps before `keep_from` are
    /// forgotten (no code of theirs is accepted any more).
    async fn use_mfa_step(&self, user_id: &Id, step: i64, keep_from: i64) -> StoreResult<MfaWrite>;
    /// Counts a wrong code (one atomic increment, seen by every node); the new count, `None`
    /// for no such user.
    async fn record_failed_code(&self, user_id: &Id) -> StoreResult<Option<u32>>;
    /// Turns MFA on, if `secret` is still the stored one (`SecretChanged` otherwise), accepting
    /// `step` as [`Self::use_mfa_step`] does, in one transaction; records `user.mfa_changed`.
    async fn activate_mfa(
        &self,
        user_id: &Id,
        secret: &str,
        step: i64,
        keep_from: i64,
        update_at: i64,
        cause: &Cause,
    ) -> StoreResult<MfaWrite>;
    /// Turns MFA off, forgets the secret and the failed-code count (the accepted steps stay, as
    /// Mattermost's do): `Done` or `NoSuchUser`. With `only_while_off`, only if MFA is not
    /// active (`Active` otherwise): a turn-off that proved no code must not race an activation.
    /// Records `user.mfa_changed` when it turned MFA off.
    async fn deactivate_mfa(&self, user_id: &Id, update_at: i64, only_while_off: bool, cause: &Cause)
        -> StoreResult<MfaWrite>;
}

/// Single sign-on sign-ins in flight (Mattermost's `Tokens` rows of type `oauth`): what a
/// sign-in started on one node needs when the provider sends the browser back, to any node.
/// Found by the hash of the state's token (a copy of the table gives no usable state).
pub trait SsoStateStore in sso_states, listed by sso_state_store_methods {
    /// Keeps a sign-in's data (opaque here) until `expires_at`.
    async fn put_sso_state(&self, token_hash: &TokenHash, expires_at: i64, data: &str) -> StoreResult<()>;
    /// Takes a sign-in's data: deleted in the same statement as it is read, so that two returns
    /// with one state (a replay, on any node) cannot both have it. `None` when there is none, or
    /// it expired before `now` (deleted all the same).
    async fn take_sso_state(&self, token_hash: &TokenHash, now: i64) -> StoreResult<Option<String>>;
    /// Deletes sign-ins that expired before `now`; returns how many.
    async fn delete_expired_sso_states(&self, now: i64) -> StoreResult<u64>;
}

/// Webhook endpoints and the outbox: the events the other capabilities record, and their
/// deliveries, one per (endpoint, event), each claimed by one worker at a time (a lease, so
/// that a node that dies mid-delivery leaves it to the others).
pub trait WebhookStore in webhooks, listed by webhook_store_methods {
    /// Adds an endpoint; `Conflict` is not expected (its id is new).
    async fn add_endpoint(&self, endpoint: &Endpoint) -> StoreResult<()>;
    /// Every endpoint, oldest first.
    async fn endpoints(&self) -> StoreResult<Vec<Endpoint>>;
    /// Gives an endpoint the event types and secret of `endpoint` (the settings file changed);
    /// `false` when there is no such endpoint.
    async fn update_endpoint(&self, endpoint: &Endpoint) -> StoreResult<bool>;
    /// Enables or disables an endpoint, saying why (disabled) and forgetting its failures
    /// (enabled); `false` when there is no such endpoint.
    async fn set_endpoint_enabled(&self, id: &Id, enabled: bool, reason: &str) -> StoreResult<bool>;
    /// Gives an endpoint a new secret; the old one signs too until `previous_until`.
    async fn rotate_endpoint_secret(&self, id: &Id, secret: &str, previous_until: i64) -> StoreResult<bool>;
    /// Records a `webhook.test` event for this endpoint alone; `false` when there is none.
    async fn queue_test_event(&self, id: &Id, at: i64) -> StoreResult<bool>;
    /// Queues again, for this endpoint, every stored event since `since` that it wants and
    /// does not have pending; how many.
    async fn replay_events(&self, id: &Id, since: i64, now: i64) -> StoreResult<u64>;
    /// Claims at most `limit` deliveries due at `now` to enabled endpoints, leasing each until
    /// `lease_until`: only the oldest pending one of each (endpoint, user), so that a user's
    /// events reach an endpoint in order, and none leased by anyone else.
    async fn claim_deliveries(&self, now: i64, lease_until: i64, limit: usize) -> StoreResult<Vec<Delivery>>;
    /// A delivery succeeded: it is gone, and its endpoint is no longer failing. Only while the
    /// caller still holds its claim (`lease`, the `lease_until` it claimed with): a worker that
    /// stalled past its lease cannot settle what another has claimed since.
    async fn delivery_done(&self, endpoint_id: &Id, seq: i64, lease: i64) -> StoreResult<()>;
    /// A delivery failed at `now`: tried again at `next_attempt_at`; its endpoint is failing
    /// since its first failure. Only while the caller holds its claim, as above (a stale claim's
    /// failure changes nothing, the endpoint's state included).
    async fn delivery_failed(&self, endpoint_id: &Id, seq: i64, lease: i64, now: i64, next_attempt_at: i64)
        -> StoreResult<()>;
    /// Deletes at most `limit` of the oldest events that occurred before `before`, with their
    /// pending deliveries (an endpoint disabled that long loses them); how many events. In
    /// batches, so that a purge never holds the writer for long.
    async fn delete_events_before(&self, before: i64, limit: usize) -> StoreResult<u64>;
    /// The pending deliveries of each endpoint that has some: (endpoint id, how many, when the
    /// oldest one's event occurred).
    async fn pending_deliveries(&self) -> StoreResult<Vec<(Id, u64, i64)>>;
    /// The events recorded since `since` (a sequence number), oldest first, at most `limit`:
    /// for tests and inspection.
    async fn events_since(&self, since: i64, limit: usize) -> StoreResult<Vec<Event>>;
}

/// What imports from Mattermost wrote (the import ledger), and their writes
/// ([`crate::import`]): one batch at a time, each in one transaction, so that an import stopped
/// half-way leaves whole batches and a second run finishes it.
pub trait ImportStore in imports, listed by import_store_methods {
    /// Of these ids of `kind`, the rows an earlier import wrote.
    async fn imported(&self, kind: ImportKind, ids: &[String]) -> StoreResult<Vec<Imported>>;
    /// Writes one batch as [`ImportBatch`] says, in one transaction; returns the rows refused
    /// (a clash with a row made here, a missing or deactivated user). Records no
    /// `session.created` events (an imported session is not a sign-in); the revocations an
    /// update causes (a deactivation, a disabled token) record theirs.
    async fn apply_import(&self, batch: &ImportBatch) -> StoreResult<Vec<(ImportKind, String)>>;
}

/// Audit records (Mattermost's `Audits` table).
pub trait AuditStore in audits, listed by audit_store_methods {
    /// Adds an audit record.
    async fn add_audit(&self, audit: &Audit) -> StoreResult<()>;
    /// A user's audit records (`None`: those naming no user, such as failed logins of unknown
    /// login ids), newest first, skipping `offset`, at most `limit`.
    async fn audits_for_user(&self, user_id: Option<&Id>, offset: usize, limit: usize) -> StoreResult<Vec<Audit>>;
    /// Deletes at most `limit` audit records created before `before`; returns how many.
    async fn delete_audits_before(&self, before: i64, limit: usize) -> StoreResult<u64>;
}

/// The store as a whole.
pub trait Maintenance in maintenance, listed by maintenance_methods {
    /// Answers when the store can serve reads (health checks).
    async fn ping(&self) -> StoreResult<()>;
    /// Answers when the store takes a write (the deeper health check; a real one, as
    /// Mattermost's `DBHealthCheckWrite`): on SQLite through the writer's thread and lock, as
    /// every write goes.
    async fn check_writes(&self) -> StoreResult<()>;
    /// Adds users and sessions in one transaction, all or nothing, without the per-user cap:
    /// for bulk loads (the benchmark's seeding, imports), never for serving requests.
    async fn import(&self, users: &[User], sessions: &[Session]) -> StoreResult<()>;
}
}

/// What a backend can tell of writes made by anyone but itself (another process on the same
/// file): what the session cache asks before each request.
#[async_trait]
pub trait ChangeSource: Send + Sync + 'static {
    /// What anyone but this store object may have changed in users or sessions and is not
    /// accounted for yet. Never `None` when someone did: until the finding is accounted for,
    /// every call finds it.
    async fn outside_writes(&self) -> StoreResult<Option<OutsideWrites>>;
}

/// Writes by someone else that a [`ChangeSource`] found; [`Self::accounted`] once everything
/// they may have changed is forgotten (dropped unaccounted, they are found again).
pub struct OutsideWrites(Box<dyn FnOnce() + Send + Sync>);

impl OutsideWrites {
    pub fn new(accounted: impl FnOnce() + Send + Sync + 'static) -> Self {
        OutsideWrites(Box::new(accounted))
    }

    pub fn accounted(self) {
        (self.0)()
    }
}

/// Every capability of one backend, as the service holds them: one `Arc<dyn …>` each.
#[derive(Clone)]
pub struct Stores {
    pub users: Arc<dyn UserStore>,
    pub sessions: Arc<dyn SessionStore>,
    pub tokens: Arc<dyn TokenStore>,
    pub mfa: Arc<dyn MfaStore>,
    pub sso_states: Arc<dyn SsoStateStore>,
    pub webhooks: Arc<dyn WebhookStore>,
    pub imports: Arc<dyn ImportStore>,
    pub audits: Arc<dyn AuditStore>,
    pub maintenance: Arc<dyn Maintenance>,
    /// Set by [`Self::watching`]: what a cache in front of this backend would ask.
    changes: Option<Arc<dyn ChangeSource>>,
    /// Set by [`Self::cached`]: the cache in front of `users` and `sessions`.
    cache: Option<Arc<cached::CachedStore>>,
    /// Set by [`Self::metered`]: where [`Self::begin_request`]'s failures are counted too.
    metrics: Option<Arc<crate::metrics::Metrics>>,
}

impl Stores {
    /// Every capability of `backend`, with nothing in front.
    pub fn of<B>(backend: Arc<B>) -> Self
    where
        B: UserStore
            + SessionStore
            + TokenStore
            + MfaStore
            + SsoStateStore
            + WebhookStore
            + ImportStore
            + AuditStore
            + Maintenance,
    {
        Stores {
            users: backend.clone(),
            sessions: backend.clone(),
            tokens: backend.clone(),
            mfa: backend.clone(),
            sso_states: backend.clone(),
            webhooks: backend.clone(),
            imports: backend.clone(),
            audits: backend.clone(),
            maintenance: backend,
            changes: None,
            cache: None,
            metrics: None,
        }
    }

    /// These stores, whose backend tells outside writes through `changes`: a cache may go in
    /// front of them.
    pub fn watching(mut self, changes: Arc<dyn ChangeSource>) -> Self {
        self.changes = Some(changes);
        self
    }

    /// Whether [`Self::cached`] would put a cache in front (the backend hands a change source).
    pub fn can_cache(&self) -> bool {
        self.changes.is_some()
    }

    /// These stores with the session cache in front of everything but `audits`, if the backend
    /// can tell outside writes; as they are otherwise.
    pub fn cached(mut self, limits: crate::config::CacheLimits, metrics: Arc<crate::metrics::Metrics>) -> Self {
        let Some(changes) = self.changes.clone() else { return self };
        let cache = Arc::new(cached::CachedStore::new(&self, changes, limits, metrics));
        self.users = cache.clone();
        self.sessions = cache.clone();
        self.tokens = cache.clone();
        self.mfa = cache.clone();
        self.imports = cache.clone();
        self.maintenance = cache.clone();
        self.cache = Some(cache);
        self
    }

    /// These stores with every call's failure counted in `metrics`.
    pub fn metered(self, metrics: Arc<crate::metrics::Metrics>) -> Self {
        let wrap = metered::Metered::new(self.clone(), metrics.clone());
        Stores { cache: self.cache, changes: self.changes, metrics: Some(metrics), ..Stores::of(Arc::new(wrap)) }
    }

    /// Called once per request before its reads: the cache, if any, forgets what others may have
    /// written since the previous request.
    pub async fn begin_request(&self) -> StoreResult<()> {
        let Some(cache) = &self.cache else { return Ok(()) };
        let result = cache.begin_request().await;
        if let (Err(StoreError::Backend(_)), Some(metrics)) = (&result, &self.metrics) {
            metrics.store_error("begin_request");
        }
        result
    }

    /// The session a token stands for and its user, and with `sessions` the user's sessions,
    /// each where the backend reads it with the session
    /// ([`SessionStore::session_user_and_sessions_by_token`]). For a request whose answer the
    /// session cache may keep (`keeps`, with the request's query; [`cached::answers`]), a cache
    /// hit hands its [`Ticket`]
    /// too; without a cache there is none.
    pub async fn session_by_token_keeping(
        &self,
        hash: &TokenHash,
        sessions: bool,
        keeps: Option<(AnswerKind, &str)>,
    ) -> StoreResult<Option<(WithSessions, Option<Ticket>)>> {
        if let (Some(cache), Some((keeps, query))) = (&self.cache, keeps) {
            let result = cache.by_token_keeping(hash, sessions, keeps, query).await;
            // Past the metered wrapper: its failures are counted here, under the same name.
            if let (Err(StoreError::Backend(_)), Some(metrics)) = (&result, &self.metrics) {
                metrics.store_error(if sessions {
                    "session_user_and_sessions_by_token"
                } else {
                    "session_and_user_by_token"
                });
            }
            return result;
        }
        let found = if sessions {
            self.sessions.session_user_and_sessions_by_token(hash).await?
        } else {
            self.sessions.session_and_user_by_token(hash).await?.map(|(session, user)| (session, user, None))
        };
        Ok(found.map(|found| (found, None)))
    }

    /// Keeps `answer` in the session cache with the data `ticket` came with
    /// ([`cached::CachedStore::keep_answer`]).
    pub fn keep_answer(&self, ticket: &Ticket, answer: Answer) {
        if let Some(cache) = &self.cache {
            cache.keep_answer(ticket, answer);
        }
    }
}

/// An id read back from a backend; one that is not an id means the data is damaged.
fn stored_id(text: String) -> anyhow::Result<Id> {
    Id::parse(&text).ok_or_else(|| anyhow::anyhow!("stored id {text:?} is not an id"))
}
