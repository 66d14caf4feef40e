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
//! sessions held (20,000 by default; Mattermost holds 35,000) and by an estimate of the bytes
//! they take. Full, it admits one miss in `ADMIT_WHEN_FULL` (16), evicting the least recently
//! used user (see `fill`).

use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, MutexGuard};

use async_trait::async_trait;
use hashbrown::HashMap;
use lru::LruCache;

use super::{
    ChangeSource, Maintenance, MfaState, MfaStore, MfaWrite, RolesSet, SessionStore, StoreResult, Stores, TokenStore,
    UserStore,
};
use crate::config::CacheLimits;
use crate::domain::{AccessToken, Id, Session, SessionId, TokenHash, TokenId, User};
use crate::metrics::{CacheLookup, Metrics};

/// A backend's `users`, `sessions` and `tokens` (and `maintenance`, for bulk imports), with the
/// hot reads cached.
pub struct CachedStore {
    users: Arc<dyn UserStore>,
    sessions: Arc<dyn SessionStore>,
    tokens: Arc<dyn TokenStore>,
    mfa: Arc<dyn MfaStore>,
    maintenance: Arc<dyn Maintenance>,
    /// The backend's word on writes made by anyone else.
    changes: Arc<dyn ChangeSource>,
    entries: Mutex<Entries>,
    limits: CacheLimits,
    metrics: Arc<Metrics>,
    /// Fills that found the cache full (see `fill`).
    misses_when_full: AtomicU64,
}

/// When full, one fill in this many is admitted (evicting the least recently used).
const ADMIT_WHEN_FULL: u64 = 16;

/// What one user's entry holds.
#[derive(Default)]
struct UserEntry {
    /// The user row as loaded (`Some(None)`: there is no such user).
    user: Option<Option<User>>,
    /// The user's sessions, as `sessions_for_user` answers; shared, so that a hit copies it
    /// after the lock is released.
    list: Option<Arc<[Session]>>,
    /// Sessions found by token while the list was not loaded.
    by_token: Vec<Session>,
    /// The estimated bytes of the user row, the list and the sessions found by token.
    user_bytes: usize,
    list_bytes: usize,
    token_bytes: usize,
}

impl UserEntry {
    fn sessions(&self) -> impl Iterator<Item = &Session> {
        self.list.iter().flat_map(|list| list.iter()).chain(&self.by_token)
    }

    /// Sessions (and the user row) held.
    fn weight(&self) -> usize {
        usize::from(self.user.is_some()) + self.list.as_ref().map_or(0, |l| l.len()) + self.by_token.len()
    }

    fn bytes(&self) -> usize {
        std::mem::size_of::<Self>() + self.user_bytes + self.list_bytes + self.token_bytes
    }
}

struct Entries {
    users: LruCache<Id, UserEntry>,
    /// Token hash → the user whose entry holds that session.
    tokens: HashMap<TokenHash, Id>,
    /// Session id → the user whose entry holds it (for writes that name only a session).
    sessions: HashMap<SessionId, Id>,
    /// Moves on every forgetting: a read that began before it must not fill.
    generation: u64,
    weight: usize,
    bytes: usize,
}

/// What a fill adds to a user's entry (its size estimated before the lock is taken).
enum Fill {
    User(Option<User>, usize),
    List(Arc<[Session]>, usize),
    Token(Session, usize),
}

impl Fill {
    /// The sessions (or user rows) and the estimated bytes it adds.
    fn size(&self) -> (usize, usize) {
        match self {
            Fill::User(_, bytes) | Fill::Token(_, bytes) => (1, *bytes),
            Fill::List(list, bytes) => (list.len(), *bytes),
        }
    }
}

impl Entries {
    /// Forgets one user's entry; it is dropped by the caller, after the lock.
    fn forget_user(&mut self, user_id: &Id) -> Option<UserEntry> {
        self.generation += 1;
        let entry = self.users.pop(user_id)?;
        self.unindex(&entry);
        Some(entry)
    }

    /// Forgets everything.
    fn forget_all(&mut self) -> LruCache<Id, UserEntry> {
        self.generation += 1;
        self.tokens.clear();
        self.sessions.clear();
        self.weight = 0;
        self.bytes = 0;
        std::mem::replace(&mut self.users, LruCache::unbounded())
    }

    fn unindex(&mut self, entry: &UserEntry) {
        for session in entry.sessions() {
            self.tokens.remove(&session.token_hash);
            self.sessions.remove(&session.id);
        }
        self.weight -= entry.weight();
        self.bytes -= entry.bytes();
    }

    /// Adds to one user's entry (created if missing), keeping the indexes and sizes true and
    /// making it the most recently used.
    fn fill(&mut self, user_id: &Id, fill: Fill) {
        let mut entry = match self.users.pop(user_id) {
            Some(entry) => {
                self.unindex(&entry);
                entry
            }
            None => UserEntry::default(),
        };
        match fill {
            Fill::User(user, bytes) => (entry.user, entry.user_bytes) = (Some(user), bytes),
            Fill::List(list, bytes) => {
                // The list holds every session of the user: those found by token are in it.
                entry.by_token.clear();
                (entry.list, entry.list_bytes, entry.token_bytes) = (Some(list), bytes, 0);
            }
            Fill::Token(session, bytes) => {
                if entry.list.is_none() {
                    entry.by_token.push(session);
                    entry.token_bytes += bytes;
                }
            }
        }
        for session in entry.sessions() {
            self.tokens.insert(session.token_hash, session.user_id.clone());
            self.sessions.insert(session.id.clone(), session.user_id.clone());
        }
        self.weight += entry.weight();
        self.bytes += entry.bytes();
        self.users.put(user_id.clone(), entry);
    }

    /// Evicts the least recently used users until within `limits`; they are dropped by the
    /// caller, after the lock.
    fn shrink(&mut self, limits: &CacheLimits) -> Vec<UserEntry> {
        let mut evicted = Vec::new();
        while self.weight > limits.entries.get() || self.bytes > limits.bytes.get() {
            let Some((_, entry)) = self.users.pop_lru() else { break };
            self.unindex(&entry);
            evicted.push(entry);
        }
        evicted
    }
}

/// What the allocator takes for `len` bytes on the heap (glibc: 16-byte chunks with an 8-byte
/// header, 32 at least; nothing for an empty string).
fn heap(len: usize) -> usize {
    if len == 0 {
        0
    } else {
        (len + 8).next_multiple_of(16).max(32)
    }
}

/// An estimate of what a cached session takes, allocator overheads included (checked against
/// the resident memory of a server holding 100,000 sessions: docs/performance.md): the struct
/// (ids are inline), its strings, its props map (a B-tree node per 11 entries, two strings per
/// entry), and its two index entries (hash tables at their 7/8 load).
fn session_bytes(s: &Session) -> usize {
    const BTREE_NODE: usize = 560;
    const INDEX_ENTRIES: usize = (std::mem::size_of::<TokenHash>() + 3 * std::mem::size_of::<Id>() + 16) * 8 / 7;
    let props = s.props.len().div_ceil(11) * BTREE_NODE
        + s.props.iter().map(|(k, v)| heap(k.len()) + heap(v.len())).sum::<usize>()
        + heap(16);
    std::mem::size_of::<Session>() + heap(s.device_id.len()) + heap(s.roles.len()) + props + INDEX_ENTRIES
}

fn user_bytes(u: &User) -> usize {
    std::mem::size_of::<User>()
        + heap(u.username.len())
        + heap(u.email.len())
        + heap(u.roles.len())
        + u.password_hash.as_ref().map_or(0, |h| heap(h.len()))
}

impl CachedStore {
    /// `inner`'s stores with a cache of at most `limits`, forgetting everything when `changes`
    /// reports a write by anyone else; hits, misses and forgettings go to `metrics`.
    pub fn new(inner: &Stores, changes: Arc<dyn ChangeSource>, limits: CacheLimits, metrics: Arc<Metrics>) -> Self {
        let entries = Entries {
            users: LruCache::unbounded(),
            tokens: HashMap::new(),
            sessions: HashMap::new(),
            generation: 0,
            weight: 0,
            bytes: 0,
        };
        CachedStore {
            users: inner.users.clone(),
            sessions: inner.sessions.clone(),
            tokens: inner.tokens.clone(),
            mfa: inner.mfa.clone(),
            maintenance: inner.maintenance.clone(),
            changes,
            entries: Mutex::new(entries),
            limits,
            metrics,
            misses_when_full: AtomicU64::new(0),
        }
    }

    fn entries(&self) -> MutexGuard<'_, Entries> {
        // The maps stay consistent between statements: a panic elsewhere leaves them usable.
        self.entries.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Fills the cache with what a read that began at `generation` found, unless a write was
    /// forgotten since (its data may be older than that write).
    fn fill(&self, generation: u64, user_id: &Id, fill: Fill) {
        let (weight, bytes) = fill.size();
        let mut entries = self.entries();
        if entries.generation != generation {
            return;
        }
        let full =
            entries.weight + weight > self.limits.entries.get() || entries.bytes + bytes > self.limits.bytes.get();
        // When the users in use do not fit, admitting every miss would evict a user who comes
        // back as soon as any other (least-recently-used order meets a round-robin of users):
        // every lookup misses and pays for the fill and the eviction. Admitting one miss in
        // ADMIT_WHEN_FULL keeps most of what is held, so the hits stay, and still lets a new
        // set of active users move in.
        if full && self.misses_when_full.fetch_add(1, Ordering::Relaxed) % ADMIT_WHEN_FULL != 0 {
            return;
        }
        entries.fill(user_id, fill);
        let evicted = entries.shrink(&self.limits);
        let (weight, bytes) = (entries.weight, entries.bytes);
        drop(entries);
        self.metrics.cache_size(weight, bytes, evicted.len() as u64);
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

/// Runs a write on the inner store, then forgets what it changed: whether it succeeded or not
/// (a failed write may have changed something before it failed).
macro_rules! write_then {
    ($self:ident . $inner:ident . $method:ident ( $($arg:expr),* ) ; $forget:expr) => {{
        let result = $self.$inner.$method($($arg),*).await;
        $forget;
        result
    }};
}

impl CachedStore {
    /// Before a request's reads: if anyone else may have written since the previous request,
    /// everything is forgotten.
    pub async fn begin_request(&self) -> StoreResult<()> {
        if self.changes.outside_writes().await? {
            tracing::debug!("another process wrote to the store: the session cache starts over");
            self.forget_all();
        }
        Ok(())
    }
}

#[async_trait]
impl UserStore for CachedStore {
    async fn create_user(&self, user: &User) -> StoreResult<()> {
        // A "no such user" may be cached under this id.
        write_then!(self.users.create_user(user); self.forget_user(&user.id))
    }
    async fn user_by_id(&self, id: &Id) -> StoreResult<Option<User>> {
        let generation = {
            let mut entries = self.entries();
            if let Some(user) = entries.users.get(id).and_then(|e| e.user.clone()) {
                drop(entries);
                self.metrics.cache_lookup(CacheLookup::User, true);
                return Ok(user);
            }
            entries.generation
        };
        self.metrics.cache_lookup(CacheLookup::User, false);
        let user = self.users.user_by_id(id).await?;
        let bytes = user.as_ref().map_or(0, user_bytes);
        self.fill(generation, id, Fill::User(user.clone(), bytes));
        Ok(user)
    }
    async fn user_by_username(&self, username: &str) -> StoreResult<Option<User>> {
        self.users.user_by_username(username).await
    }
    async fn user_by_email(&self, email: &str) -> StoreResult<Option<User>> {
        self.users.user_by_email(email).await
    }
    async fn list_users(&self) -> StoreResult<Vec<User>> {
        self.users.list_users().await
    }
    async fn set_password_hash(&self, user_id: &Id, hash: &str, update_at: i64) -> StoreResult<bool> {
        write_then!(self.users.set_password_hash(user_id, hash, update_at); self.forget_user(user_id))
    }
    async fn set_roles(&self, user_id: &Id, roles: &str, update_at: i64) -> StoreResult<RolesSet> {
        // The user row and every session of the user changed.
        write_then!(self.users.set_roles(user_id, roles, update_at); self.forget_user(user_id))
    }
    async fn deactivate_user(&self, user_id: &Id, delete_at: i64) -> StoreResult<Option<u64>> {
        write_then!(self.users.deactivate_user(user_id, delete_at); self.forget_user(user_id))
    }
    async fn reactivate_user(&self, user_id: &Id, update_at: i64) -> StoreResult<bool> {
        write_then!(self.users.reactivate_user(user_id, update_at); self.forget_user(user_id))
    }
}

#[async_trait]
impl SessionStore for CachedStore {
    async fn create_session(&self, session: &Session, max_per_user: usize) -> StoreResult<u64> {
        // The new session joins the user's list; the cap may have ended others of theirs.
        write_then!(self.sessions.create_session(session, max_per_user); self.forget_user(&session.user_id))
    }
    async fn session_by_token(&self, hash: &TokenHash) -> StoreResult<Option<Session>> {
        let generation = {
            let mut entries = self.entries();
            let found = entries.tokens.get(hash).cloned().and_then(|user_id| {
                let entry = entries.users.get(&user_id)?;
                entry.sessions().find(|s| s.token_hash == *hash).cloned()
            });
            if let Some(session) = found {
                drop(entries);
                self.metrics.cache_lookup(CacheLookup::Session, true);
                return Ok(Some(session));
            }
            entries.generation
        };
        self.metrics.cache_lookup(CacheLookup::Session, false);
        // Unknown tokens are not remembered: anyone can send a new one each time.
        let Some(session) = self.sessions.session_by_token(hash).await? else { return Ok(None) };
        let bytes = session_bytes(&session);
        self.fill(generation, &session.user_id.clone(), Fill::Token(session.clone(), bytes));
        Ok(Some(session))
    }
    async fn session_by_id(&self, id: &SessionId) -> StoreResult<Option<Session>> {
        self.sessions.session_by_id(id).await
    }
    async fn sessions_for_user(&self, user_id: &Id) -> StoreResult<Vec<Session>> {
        let generation = {
            let mut entries = self.entries();
            if let Some(list) = entries.users.get(user_id).and_then(|e| e.list.clone()) {
                drop(entries);
                self.metrics.cache_lookup(CacheLookup::Sessions, true);
                return Ok(list.to_vec());
            }
            entries.generation
        };
        self.metrics.cache_lookup(CacheLookup::Sessions, false);
        let list = self.sessions.sessions_for_user(user_id).await?;
        let bytes = list.iter().map(session_bytes).sum();
        self.fill(generation, user_id, Fill::List(list.as_slice().into(), bytes));
        Ok(list)
    }
    async fn count_active_sessions(&self, now: i64) -> StoreResult<u64> {
        self.sessions.count_active_sessions(now).await
    }
    async fn touch_session(&self, id: &SessionId, last_activity_at: i64) -> StoreResult<()> {
        write_then!(self.sessions.touch_session(id, last_activity_at); self.forget_session(id))
    }
    async fn set_session_expiry(&self, id: &SessionId, expires_at: i64) -> StoreResult<()> {
        write_then!(self.sessions.set_session_expiry(id, expires_at); self.forget_session(id))
    }
    async fn attach_device(&self, id: &SessionId, device_id: &str, expires_at: i64) -> StoreResult<()> {
        write_then!(self.sessions.attach_device(id, device_id, expires_at); self.forget_session(id))
    }
    async fn delete_session(&self, id: &SessionId) -> StoreResult<bool> {
        write_then!(self.sessions.delete_session(id); self.forget_session(id))
    }
    async fn delete_user_session(&self, user_id: &Id, id: &SessionId) -> StoreResult<bool> {
        write_then!(self.sessions.delete_user_session(user_id, id); self.forget_user(user_id))
    }
    async fn delete_sessions_for_user(&self, user_id: &Id, keep: Option<&SessionId>) -> StoreResult<u64> {
        write_then!(self.sessions.delete_sessions_for_user(user_id, keep); self.forget_user(user_id))
    }
    async fn delete_device_sessions(
        &self,
        user_id: &Id,
        device_id: &str,
        keep: Option<&SessionId>,
    ) -> StoreResult<u64> {
        write_then!(self.sessions.delete_device_sessions(user_id, device_id, keep); self.forget_user(user_id))
    }
    async fn delete_all_sessions(&self) -> StoreResult<u64> {
        write_then!(self.sessions.delete_all_sessions(); self.forget_all())
    }
    async fn delete_expired(&self, now: i64, limit: usize) -> StoreResult<u64> {
        let result = self.sessions.delete_expired(now, limit).await;
        // Which sessions went is not returned: any at all, and every list may have changed.
        if !matches!(result, Ok(0)) {
            self.forget_all();
        }
        result
    }
}

/// MFA writes change the user row (`mfa_active`, `update_at`): the user is forgotten. The secret
/// and the accepted steps are never cached.
#[async_trait]
impl MfaStore for CachedStore {
    async fn mfa_state(&self, user_id: &Id) -> StoreResult<Option<MfaState>> {
        self.mfa.mfa_state(user_id).await
    }
    async fn record_failed_code(&self, user_id: &Id) -> StoreResult<Option<u32>> {
        self.mfa.record_failed_code(user_id).await
    }
    async fn set_mfa_secret(&self, user_id: &Id, secret: &str, update_at: i64) -> StoreResult<MfaWrite> {
        write_then!(self.mfa.set_mfa_secret(user_id, secret, update_at); self.forget_user(user_id))
    }
    async fn use_mfa_step(&self, user_id: &Id, step: i64, keep_from: i64) -> StoreResult<MfaWrite> {
        self.mfa.use_mfa_step(user_id, step, keep_from).await
    }
    async fn activate_mfa(
        &self,
        user_id: &Id,
        secret: &str,
        step: i64,
        keep_from: i64,
        update_at: i64,
    ) -> StoreResult<MfaWrite> {
        write_then!(self.mfa.activate_mfa(user_id, secret, step, keep_from, update_at); self.forget_user(user_id))
    }
    async fn deactivate_mfa(&self, user_id: &Id, update_at: i64, only_while_off: bool) -> StoreResult<MfaWrite> {
        write_then!(self.mfa.deactivate_mfa(user_id, update_at, only_while_off); self.forget_user(user_id))
    }
}

#[async_trait]
impl TokenStore for CachedStore {
    async fn create_token(&self, token: &AccessToken) -> StoreResult<()> {
        self.tokens.create_token(token).await
    }
    async fn token_by_id(&self, id: &TokenId) -> StoreResult<Option<AccessToken>> {
        self.tokens.token_by_id(id).await
    }
    async fn token_by_hash(&self, hash: &TokenHash) -> StoreResult<Option<AccessToken>> {
        self.tokens.token_by_hash(hash).await
    }
    async fn tokens_for_user(&self, user_id: &Id, offset: usize, limit: usize) -> StoreResult<Vec<AccessToken>> {
        self.tokens.tokens_for_user(user_id, offset, limit).await
    }
    async fn all_tokens(&self, offset: usize, limit: usize) -> StoreResult<Vec<AccessToken>> {
        self.tokens.all_tokens(offset, limit).await
    }
    async fn search_tokens(&self, term: &str) -> StoreResult<Vec<AccessToken>> {
        self.tokens.search_tokens(term).await
    }
    async fn delete_token(&self, token: &AccessToken) -> StoreResult<Option<u64>> {
        // The token's sessions are its user's.
        write_then!(self.tokens.delete_token(token); self.forget_user(&token.user_id))
    }
    async fn set_token_active(&self, token: &AccessToken, active: bool) -> StoreResult<Option<u64>> {
        write_then!(self.tokens.set_token_active(token, active); self.forget_user(&token.user_id))
    }
    async fn create_token_session(
        &self,
        token: &AccessToken,
        session: &Session,
        max_per_user: usize,
    ) -> StoreResult<Option<u64>> {
        write_then!(self.tokens.create_token_session(token, session, max_per_user); self.forget_user(&session.user_id))
    }
}

#[async_trait]
impl Maintenance for CachedStore {
    async fn ping(&self) -> StoreResult<()> {
        self.maintenance.ping().await
    }
    async fn check_writes(&self) -> StoreResult<()> {
        self.maintenance.check_writes().await
    }
    async fn import(&self, users: &[User], sessions: &[Session]) -> StoreResult<()> {
        write_then!(self.maintenance.import(users, sessions); self.forget_all())
    }
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use std::num::NonZeroUsize;

    use super::*;
    use crate::domain::NewUser;
    use crate::store::memory::MemoryStore;

    /// Nobody else writes to a memory store.
    struct NoOneElse;

    #[async_trait]
    impl ChangeSource for NoOneElse {
        async fn outside_writes(&self) -> StoreResult<bool> {
            Ok(false)
        }
    }

    fn cached(inner: &Arc<MemoryStore>, limits: CacheLimits) -> CachedStore {
        CachedStore::new(&Stores::of(inner.clone()), Arc::new(NoOneElse), limits, Arc::new(Metrics::default()))
    }

    async fn user_with_sessions(store: &CachedStore, name: &str, sessions: usize) -> User {
        let new = NewUser { username: name.into(), email: format!("{name}@example.com"), roles: vec![] };
        let user = new.validate(Id::generate(), 1).unwrap();
        store.create_user(&user).await.unwrap();
        for _ in 0..sessions {
            let (_, session) = Session::issue(&user, 1, 0, String::new(), BTreeMap::new());
            store.create_session(&session, 500).await.unwrap();
        }
        user
    }

    #[tokio::test]
    async fn the_cache_stays_within_its_entries_and_bytes() {
        let limits =
            CacheLimits { entries: NonZeroUsize::new(25).unwrap(), bytes: NonZeroUsize::new(1 << 20).unwrap() };
        let memory = Arc::new(MemoryStore::new());
        let store = cached(&memory, limits);
        let mut users = Vec::new();
        for i in 0..10 {
            users.push(user_with_sessions(&store, &format!("user{i}"), 5).await);
        }
        for user in &users {
            assert_eq!(store.sessions_for_user(&user.id).await.unwrap().len(), 5);
            store.user_by_id(&user.id).await.unwrap();
        }
        {
            let entries = store.entries();
            assert!(entries.weight <= 25, "{} entries held", entries.weight);
            // Four users (five sessions and the user row each) fill it. Full, it admits one miss
            // in 16 (the fifth user's list, evicting the first user), not every one.
            assert!(entries.users.contains(&users[1].id) && !entries.users.contains(&users[0].id));
            assert!((1..=4).all(|i| entries.users.peek(&users[i].id).is_some_and(|e| e.list.is_some())));
            assert!(!entries.users.contains(&users[9].id), "not every miss evicts a user");
            let held: usize = entries.users.iter().map(|(_, e)| e.sessions().count()).sum();
            assert_eq!(entries.tokens.len(), held, "the indexes hold only what the entries hold");
            assert_eq!(entries.sessions.len(), held);
        }

        let tight = CacheLimits { entries: NonZeroUsize::new(1000).unwrap(), bytes: NonZeroUsize::new(4000).unwrap() };
        let store = cached(&memory, tight);
        for user in &users {
            store.sessions_for_user(&user.id).await.unwrap();
        }
        let entries = store.entries();
        assert!(entries.bytes <= 4000, "{} bytes held", entries.bytes);
        assert!(!entries.users.is_empty(), "a few users' lists fit in 4,000 bytes");
    }
}
