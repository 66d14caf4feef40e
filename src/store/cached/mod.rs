//! The session cache: a bounded cache in front of a store, exact after every write.
//!
//! Every Mattermost API request authenticates a token, and most of them then read the caller's
//! user or a session list: those three reads (`session_by_token`, `sessions_for_user`,
//! `user_by_id`) are answered from here once loaded. Mattermost keeps such a cache too (35,000
//! sessions, cleared per user on every revocation); this one keeps the guarantee the server
//! makes without it — a revoked token is refused on its next request:
//!
//! - **Writes through this store** (every write the server makes: logins, revocations, the cap,
//!   the purge, activity and extension, password, role and lifecycle changes, personal access
//!   tokens revoked, disabled or opening a session, bulk imports) forget the affected user's
//!   entries (or everything) once the write is durable and before it returns to the caller.
//!   A write naming only a session id forgets the user whose entry holds that session.
//! - **Writes by anyone else** (the admin CLI on the same SQLite file, an `sqlite3` shell, a
//!   second server on the file): before each request the server calls
//!   [`CachedStore::begin_request`], which asks the backend's [`ChangeSource`] and forgets
//!   everything if someone else may have written. A backend that cannot tell (PostgreSQL, where
//!   other nodes write) hands no change source, and gets no cache (`Stores::cached`).
//! - **Reads racing writes**: a read that began before a write may finish after it, holding the
//!   old data. Each entry is filled only if no write was forgotten since the read began (the
//!   `generation`), so old data never lands after the write that replaced it.
//!
//! Entries are per user: the user row, the session list, and sessions found by token. A token
//! is found in the list too, so `GET /users/{me}/sessions` costs one load for both. Bounded by
//! sessions held (35,000 by default, as Mattermost; a user row is not counted as one) and by an
//! estimate of the bytes they take, as one weight (`EntryWeight`).
//!
//! **What stays** is quick_cache's choice (a Clock-PRO variant close to S3-FIFO): a user new to
//! the cache enters a small probationary part and is the first to go unless looked up again; a
//! user looked up again, or evicted recently and back (it remembers recently evicted keys),
//! enters the main part, which a stream of new users cannot flush. Under a load larger than the
//! cache, least-recently-used order meets a round-robin of users and evicts each just before it
//! comes back (no hits, and every miss pays a fill and an eviction); here a stable part of the
//! load stays and is hit. In front of it, TinyLFU's doorkeeper (`Doorkeeper`): while what a
//! read brings does not fit without evicting, a read of a user it does not hold gets in on its
//! second miss soon after the first, so a load of users who do not come back in time costs no fills and no evictions at
//! all, and no write lock. quick_cache holds only the entries: the token and session-id indexes
//! are ours, kept true through the entries it hands back when it evicts (`CollectEvicted`).
//!
//! Its parts: `entries` is the bounded structure (entries per user, weights, the doorkeeper);
//! this file the read path (a miss reads the backend and fills, a hit answers); `stores` the
//! store traits over both (the hot reads through the cache, every write to the backend, then
//! forgetting what it changed).

use std::sync::{Arc, Mutex, RwLock, RwLockReadGuard, RwLockWriteGuard};

use super::{
    ChangeSource, ImportStore, Maintenance, MfaStore, SessionStore, StoreResult, Stores, TokenStore, UserStore,
    WithSessions,
};
use crate::config::CacheLimits;
use crate::domain::{Id, Session, SessionId, TokenHash};
use crate::metrics::{CacheLookup, Metrics};

pub mod answers;
mod entries;
mod stores;
#[cfg(test)]
mod tests;

use answers::{Answer, AnswerKind, Ticket};
use entries::{session_bytes, user_bytes, Brings, Doorkeeper, Entries, Fill};

/// A backend's `users`, `sessions` and `tokens` (and `maintenance`, for bulk imports), with the
/// hot reads cached.
pub struct CachedStore {
    users: Arc<dyn UserStore>,
    sessions: Arc<dyn SessionStore>,
    tokens: Arc<dyn TokenStore>,
    mfa: Arc<dyn MfaStore>,
    imports: Arc<dyn ImportStore>,
    maintenance: Arc<dyn Maintenance>,
    /// The backend's word on writes made by anyone else.
    changes: Arc<dyn ChangeSource>,
    /// Read-locked for lookups (a hit only marks the entry used), write-locked for changes.
    entries: RwLock<Entries>,
    /// Apart from the entries, so that a miss turned away never takes their write lock.
    doorkeeper: Mutex<Doorkeeper>,
    metrics: Arc<Metrics>,
}

impl CachedStore {
    /// `inner`'s stores with a cache of at most `limits`, forgetting everything when `changes`
    /// reports a write by anyone else; hits, misses and forgettings go to `metrics`.
    pub fn new(inner: &Stores, changes: Arc<dyn ChangeSource>, limits: CacheLimits, metrics: Arc<Metrics>) -> Self {
        CachedStore {
            users: inner.users.clone(),
            sessions: inner.sessions.clone(),
            tokens: inner.tokens.clone(),
            mfa: inner.mfa.clone(),
            imports: inner.imports.clone(),
            maintenance: inner.maintenance.clone(),
            changes,
            entries: RwLock::new(Entries::new(limits)),
            doorkeeper: Mutex::default(),
            metrics,
        }
    }

    fn entries(&self) -> RwLockWriteGuard<'_, Entries> {
        // The maps stay consistent between statements: a panic elsewhere leaves them usable.
        self.entries.write().unwrap_or_else(|e| e.into_inner())
    }

    fn lookup(&self) -> RwLockReadGuard<'_, Entries> {
        self.entries.read().unwrap_or_else(|e| e.into_inner())
    }

    /// Fills the cache with what a read that began at `generation` found, unless a write was
    /// forgotten since (its data may be older than that write). `brings` is all that read
    /// brings, which the doorkeeper weighs ([`Entries::admits_freely`]).
    /// The fill is made (sessions copied, sizes estimated) only if it gets in, and before the
    /// write lock: the lock is held for the insertion alone. Made, it is the entry's version
    /// (its stamp) that holds it; `None`: not made.
    fn fill(
        &self,
        generation: u64,
        user_id: &Id,
        read: CacheLookup,
        brings: Brings,
        fill: impl FnOnce() -> Fill,
    ) -> Option<u64> {
        {
            let entries = self.lookup();
            if entries.generation != generation {
                return None;
            }
            if !entries.admits_freely(user_id, brings) {
                let users = entries.users.len();
                drop(entries);
                let mut doorkeeper = self.doorkeeper.lock().unwrap_or_else(|e| e.into_inner());
                if !doorkeeper.missed_before(user_id, read, users) {
                    return None;
                }
            }
        }
        let fill = fill();
        let mut entries = self.entries();
        // Checked again: a write may have been forgotten between the two locks.
        if entries.generation != generation {
            return None;
        }
        let (evicted, stamp) = entries.fill(user_id, fill);
        let (weight, bytes) = (entries.weight, entries.bytes);
        drop(entries);
        // The entry the fill replaced (same user, emptied) is not an eviction.
        let evictions = evicted.iter().filter(|(id, e)| id != user_id || !e.is_empty()).count();
        self.metrics.cache_size(weight, bytes, evictions as u64);
        Some(stamp)
    }

    fn forget_user(&self, user_id: &Id) {
        let forgotten = self.entries().forget_user(user_id);
        drop(forgotten);
        self.metrics.cache_forgot(false);
    }

    /// Forgets the user whose entry holds session `id`. A session no entry holds needs nothing
    /// forgotten, but the generation still moves: a read of it may be under way.
    fn forget_session(&self, id: &SessionId) {
        let mut entries = self.entries();
        let forgotten = match entries.sessions.get(id).cloned() {
            Some(user_id) => entries.forget_user(&user_id),
            None => {
                entries.generation += 1;
                None
            }
        };
        drop(entries);
        drop(forgotten);
        self.metrics.cache_forgot(false);
    }

    fn forget_all(&self) {
        let forgotten = self.entries().forget_all();
        drop(forgotten);
        self.metrics.cache_forgot(true);
    }
}

/// What a read by token brings along with the session, where it can.
#[derive(Clone, Copy, PartialEq, PartialOrd)]
enum Along {
    Nothing,
    User,
    UserAndSessions,
}

impl CachedStore {
    /// The session a token stands for, with what `along` asks for where it is held (or the
    /// backend reads it with the session): a hit is one lookup under one read lock, however
    /// much it brings, and what it brings is as fresh as the session (one entry). A miss asks
    /// the backend the same question and fills with all it answered.
    ///
    /// With `keeps`, a hit also hands the entry's version and the answer of that kind kept
    /// there ([`Ticket`]); the user and the list a kept answer stands for are then not copied.
    /// A miss whose fills brought what that answer is made from hands the version they made
    /// ([`Self::miss_ticket`]).
    async fn by_token(
        &self,
        hash: &TokenHash,
        along: Along,
        keeps: Option<(AnswerKind, &str)>,
    ) -> StoreResult<Option<(WithSessions, Option<Ticket>)>> {
        let generation = {
            let entries = self.lookup();
            let found = entries.tokens.get(hash).and_then(|(user_id, at)| {
                let entry = entries.users.get(user_id)?;
                let session = entry.session_at(*at).filter(|s| s.token_hash == *hash);
                // The index follows every change of an entry (`Entries::change`). Were it ever
                // out of step, the read would be a miss: the store answers, never another session.
                debug_assert!(session.is_some(), "the token index is out of step with its entry");
                let session = session?.clone();
                // Only where the entry holds what the answer is made from: an entry without it
                // is not forgotten by every write that would change it (a write naming a
                // session the entry does not index moves only the generation).
                let ticket = keeps.filter(|&(kind, _)| entry.holds(kind)).and_then(|(kind, query)| {
                    Ticket::of(entry.stamp, &session, kind, query, || entry.kept.find(kind, &session.id, query))
                });
                // A kept answer stands for what it was made from: that is not copied (whatever
                // else needs the user or the list looks it up).
                let answered = ticket.as_ref().is_some_and(|t| t.kept.is_some());
                // Decided before anything is copied.
                let user = entry.user.as_ref().filter(|_| along >= Along::User && !answered).and_then(Clone::clone);
                // Shared: copied after the lock is released.
                let list = entry.list.as_ref().filter(|_| along == Along::UserAndSessions && !answered).cloned();
                Some((session, user, list, ticket))
            });
            if let Some((session, user, list, ticket)) = found {
                drop(entries);
                let list = list.as_deref().map(<[Session]>::to_vec);
                self.metrics.cache_lookup(CacheLookup::Session, true);
                // What was not held is looked up (and counted) where it is needed.
                if user.is_some() {
                    self.metrics.cache_lookup(CacheLookup::User, true);
                }
                if list.is_some() {
                    self.metrics.cache_lookup(CacheLookup::Sessions, true);
                }
                return Ok(Some(((session, user, list), ticket)));
            }
            entries.generation
        };
        self.metrics.cache_lookup(CacheLookup::Session, false);
        // Unknown tokens are not remembered: anyone can send a new one each time.
        let found = match along {
            Along::Nothing => self.sessions.session_by_token(hash).await?.map(|s| (s, None, None)),
            Along::User => self.sessions.session_and_user_by_token(hash).await?.map(|(s, u)| (s, u, None)),
            Along::UserAndSessions => self.sessions.session_user_and_sessions_by_token(hash).await?,
        };
        let Some((session, user, list)) = found else { return Ok(None) };
        // What the backend read along is a miss of its own; what it did not is looked up (and
        // counted) where it is needed.
        if user.is_some() {
            self.metrics.cache_lookup(CacheLookup::User, false);
        }
        if list.is_some() {
            self.metrics.cache_lookup(CacheLookup::Sessions, false);
        }
        let user_id = &session.user_id;
        // Weighed whole by each fill: the first admitted makes the user held, and the rest follow.
        let brings = Brings::of(list.as_deref().unwrap_or(std::slice::from_ref(&session)), user.as_ref());
        let mut stamp = self.fill(generation, user_id, CacheLookup::Session, brings, || {
            Fill::Token(session.clone(), session_bytes(&session))
        });
        if let Some(user) = &user {
            let filled = self.fill(generation, user_id, CacheLookup::User, brings, || {
                Fill::User(Some(user.clone()), user_bytes(user))
            });
            stamp = stamp.and(filled);
        }
        if let Some(list) = &list {
            let fill = || Fill::List(list.as_slice().into(), list.iter().map(session_bytes).sum());
            stamp = stamp.and(self.fill(generation, user_id, CacheLookup::Sessions, brings, fill));
        }
        let ticket = stamp.and_then(|stamp| Self::miss_ticket(stamp, &session, user.is_some(), list.is_some(), keeps));
        Ok(Some(((session, user, list), ticket)))
    }

    /// The ticket of a miss whose every fill was made (`stamp`: the last one's version), for an
    /// answer of `keeps` made from what it read: the handler's answer is then kept at once, not
    /// made again by the next hit. Exact as a hit's: every fill was of data read at the same
    /// generation (no write forgotten in between), so the entry at `stamp` holds what this
    /// request read; any change after it gives the entry a new version, and the answer is
    /// refused. Only where the fills brought what the answer is made from: the user row (and
    /// the session, which the token fill indexed) or the whole list.
    fn miss_ticket(
        stamp: u64,
        session: &Session,
        read_user: bool,
        read_list: bool,
        keeps: Option<(AnswerKind, &str)>,
    ) -> Option<Ticket> {
        let (kind, query) = keeps?;
        let brought = match kind {
            AnswerKind::User | AnswerKind::Session => read_user,
            AnswerKind::Sessions => read_list,
        };
        brought.then(|| Ticket::of(stamp, session, kind, query, || None)).flatten()
    }

    /// [`SessionStore::session_and_user_by_token`] (or, with `sessions`,
    /// [`SessionStore::session_user_and_sessions_by_token`]) for a request whose answer the
    /// cache may keep as `keeps` ([`answers`]; `query`: the request's, which a
    /// [`AnswerKind::Session`] answer is kept for): a hit hands its [`Ticket`] too.
    pub async fn by_token_keeping(
        &self,
        hash: &TokenHash,
        sessions: bool,
        keeps: AnswerKind,
        query: &str,
    ) -> StoreResult<Option<(WithSessions, Option<Ticket>)>> {
        let along = if sessions { Along::UserAndSessions } else { Along::User };
        self.by_token(hash, along, Some((keeps, query))).await
    }

    /// Keeps `answer`, made from the data `ticket` came with, in that user's entry, if the
    /// entry still holds that version of it; otherwise it is dropped (the next request makes
    /// its own).
    pub fn keep_answer(&self, ticket: &Ticket, answer: Answer) {
        let mut entries = self.entries();
        if !entries.keep_answer(ticket, Arc::new(answer)) {
            return;
        }
        let (weight, bytes) = (entries.weight, entries.bytes);
        drop(entries);
        self.metrics.cache_answer(false);
        self.metrics.cache_size(weight, bytes, 0);
    }
}

impl CachedStore {
    /// Before a request's reads: if anyone else may have written since the previous request,
    /// everything is forgotten.
    pub async fn begin_request(&self) -> StoreResult<()> {
        if let Some(outside) = self.changes.outside_writes().await? {
            tracing::debug!("another process wrote to the store: the session cache starts over");
            self.forget_all();
            // Only now: until here every other request finds these writes too, and none trusts
            // what the cache held before them.
            outside.accounted();
        }
        Ok(())
    }
}
