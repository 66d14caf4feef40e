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
//! they take, as one weight (`EntryWeight`).
//!
//! **What stays** is quick_cache's choice (a Clock-PRO variant close to S3-FIFO): a user new to
//! the cache enters a small probationary part and is the first to go unless looked up again; a
//! user looked up again, or evicted recently and back (it remembers recently evicted keys),
//! enters the main part, which a stream of new users cannot flush. Under a load larger than the
//! cache, least-recently-used order meets a round-robin of users and evicts each just before it
//! comes back (no hits, and every miss pays a fill and an eviction); here a stable part of the
//! load stays and is hit. In front of it, TinyLFU's doorkeeper (`Doorkeeper`): while the
//! cache is full, a read of a user it does not hold gets in on its second miss soon after the
//! first, so a load of users who do not come back in time costs no fills and no evictions at
//! all, and no write lock. quick_cache holds only the entries: the token and session-id indexes
//! are ours, kept true through the entries it hands back when it evicts (`CollectEvicted`).

use std::hash::BuildHasher;
use std::sync::{Arc, Mutex, RwLock, RwLockReadGuard, RwLockWriteGuard};

use async_trait::async_trait;
use hashbrown::HashMap;

use super::{
    ChangeSource, Maintenance, MfaState, MfaStore, MfaWrite, RolesSet, SessionStore, StoreResult, Stores, TokenStore,
    UserStore, WithSessions,
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
    /// Read-locked for lookups (a hit only marks the entry used), write-locked for changes.
    entries: RwLock<Entries>,
    /// Apart from the entries, so that a miss turned away never takes their write lock.
    doorkeeper: Mutex<Doorkeeper>,
    metrics: Arc<Metrics>,
}

/// TinyLFU's doorkeeper: the reads that missed once, while the cache was full, of users it does
/// not hold, by a hash of the user and the read (see [`Entries::admits_freely`]).
///
/// Per read, not per user: a `GET /users/me/sessions` that misses reads the session by token,
/// the user and the list, three misses of one user in one request. Counted per user, the second
/// of them would admit the user on its first request, and under a load larger than the cache
/// every request would fill and evict as if there were no doorkeeper.
#[derive(Default)]
struct Doorkeeper {
    seen: hashbrown::HashSet<u64>,
    hasher: hashbrown::DefaultHashBuilder,
}

impl Doorkeeper {
    /// Whether this read of `user_id` missed before, within the window (then it gets in);
    /// otherwise it is remembered. The window is about `users` users' worth of reads: when the
    /// doorkeeper holds that many, it starts over.
    fn missed_before(&mut self, user_id: &Id, read: CacheLookup, users: usize) -> bool {
        let key = self.hasher.hash_one((user_id, read as u8));
        if self.seen.remove(&key) {
            return true;
        }
        if self.seen.len() >= (users * CacheLookup::ALL.len()).max(16) {
            self.seen.clear();
        }
        self.seen.insert(key);
        false
    }
}

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

    /// Whether it holds nothing at all: only while being filled, or taken out to be changed.
    /// (An empty session list is something: a user known to have no sessions.)
    fn is_empty(&self) -> bool {
        self.user.is_none() && self.list.is_none() && self.by_token.is_empty()
    }

    /// Nothing for an empty entry. Anything held weighs at least the entry itself: quick_cache
    /// never evicts an item of weight 0.
    fn bytes(&self) -> usize {
        if self.is_empty() {
            return 0;
        }
        std::mem::size_of::<Self>() + self.user_bytes + self.list_bytes + self.token_bytes
    }
}

/// The users held, in quick_cache's S3-FIFO-like order (see the module docs), weighed by
/// [`EntryWeight`], with evicted entries handed back through [`Evicted`].
type Users = quick_cache::unsync::Cache<Id, UserEntry, EntryWeight, quick_cache::DefaultHashBuilder, CollectEvicted>;

/// An entry's weight against the cache's one capacity (the byte limit): the larger of its
/// estimated bytes and its sessions at the limit's bytes per session, so that a full cache is
/// within both limits.
#[derive(Clone)]
struct EntryWeight {
    bytes_per_session: u64,
}

impl quick_cache::Weighter<Id, UserEntry> for EntryWeight {
    fn weight(&self, _: &Id, entry: &UserEntry) -> u64 {
        (entry.weight() as u64 * self.bytes_per_session).max(entry.bytes() as u64)
    }
}

/// Entries quick_cache evicts (or replaces) during one insert, to be unindexed and dropped
/// by the caller.
type Evicted = Vec<(Id, UserEntry)>;

#[derive(Clone)]
struct CollectEvicted;

impl quick_cache::Lifecycle<Id, UserEntry> for CollectEvicted {
    type RequestState = Evicted;
    fn on_evict(&self, evicted: &mut Evicted, key: Id, entry: UserEntry) {
        evicted.push((key, entry));
    }
}

fn new_users(limits: &CacheLimits) -> Users {
    let bytes_per_session = (limits.bytes.get() / limits.entries.get()).max(1) as u64;
    let options = quick_cache::OptionsBuilder::new()
        // A guess at the users held (a user row and a few sessions each); the table grows if
        // it is low. It also sizes the memory of recently evicted users (half as many).
        .estimated_items_capacity((limits.entries.get() / 4).max(1))
        .weight_capacity(limits.bytes.get() as u64)
        .build()
        .expect("a weight capacity is set");
    Users::with_options(
        options,
        EntryWeight { bytes_per_session },
        quick_cache::DefaultHashBuilder::default(),
        CollectEvicted,
    )
}

struct Entries {
    users: Users,
    limits: CacheLimits,
    /// Token hash → the user whose entry holds that session.
    tokens: HashMap<TokenHash, Id>,
    /// Session id → the user whose entry holds it (for writes that name only a session).
    sessions: HashMap<SessionId, Id>,
    /// Moves on every forgetting: a read that began before it must not fill.
    generation: u64,
    /// The sessions (and user rows) held, and their estimated bytes.
    weight: usize,
    bytes: usize,
}

/// What a fill adds to a user's entry, with its estimated size (made only once admitted).
enum Fill {
    User(Option<User>, usize),
    List(Arc<[Session]>, usize),
    Token(Session, usize),
}

impl Entries {
    fn new(limits: CacheLimits) -> Self {
        Entries {
            users: new_users(&limits),
            limits,
            tokens: HashMap::new(),
            sessions: HashMap::new(),
            generation: 0,
            weight: 0,
            bytes: 0,
        }
    }

    /// Whether a fill for `user_id` gets in without the doorkeeper: while the cache has room,
    /// or holds the user already. Otherwise (TinyLFU's doorkeeper, [`Doorkeeper`]) a read gets
    /// in on its second miss within a window of about as many users as the cache holds, not its
    /// first: under a load larger than the cache, a user seen once is most likely gone again
    /// before it comes back, and filling it would cost a copy of its sessions, their index
    /// entries and the eviction of someone else for nothing. Admission only: what is held stays
    /// exact either way.
    fn admits_freely(&self, user_id: &Id) -> bool {
        let full = self.users.weight() * 20 >= self.users.capacity() * 19;
        !full || self.users.contains_key(user_id)
    }

    /// Forgets one user's entry; it is dropped by the caller, after the lock.
    fn forget_user(&mut self, user_id: &Id) -> Option<UserEntry> {
        self.generation += 1;
        let (_, entry) = self.users.remove(user_id)?;
        self.unindex(&entry);
        Some(entry)
    }

    /// Forgets everything.
    fn forget_all(&mut self) -> Users {
        self.generation += 1;
        self.tokens.clear();
        self.sessions.clear();
        self.weight = 0;
        self.bytes = 0;
        std::mem::replace(&mut self.users, new_users(&self.limits))
    }

    fn index(&mut self, entry: &UserEntry) {
        for session in entry.sessions() {
            self.tokens.insert(session.token_hash, session.user_id.clone());
            self.sessions.insert(session.id.clone(), session.user_id.clone());
        }
        self.weight += entry.weight();
        self.bytes += entry.bytes();
    }

    fn unindex(&mut self, entry: &UserEntry) {
        for session in entry.sessions() {
            self.tokens.remove(&session.token_hash);
            self.sessions.remove(&session.id);
        }
        self.weight -= entry.weight();
        self.bytes -= entry.bytes();
    }

    /// Adds to one user's entry (created if missing), keeping the indexes and sizes true.
    /// quick_cache decides what stays: a user new to the cache enters its probationary part and
    /// is evicted first unless looked up again; a user evicted recently and back enters the
    /// main part. What it evicts is returned, unindexed, to be dropped after the lock.
    fn fill(&mut self, user_id: &Id, fill: Fill) -> Evicted {
        // Taken out (a peek: it does not count as a use), changed, and put back in its place.
        let mut entry = match self.users.peek_mut(user_id) {
            Some(mut held) => std::mem::take(&mut *held),
            None => UserEntry::default(),
        };
        self.unindex(&entry);
        match fill {
            Fill::User(user, bytes) => (entry.user, entry.user_bytes) = (Some(user), bytes),
            Fill::List(list, bytes) => {
                // The list holds every session of the user: those found by token are in it.
                entry.by_token.clear();
                (entry.list, entry.list_bytes, entry.token_bytes) = (Some(list), bytes, 0);
            }
            Fill::Token(session, bytes) => {
                // In the list already, or found by two misses at once: held once.
                if entry.list.is_none() && !entry.by_token.iter().any(|s| s.id == session.id) {
                    entry.by_token.push(session);
                    entry.token_bytes += bytes;
                }
            }
        }
        self.index(&entry);
        // The insert may evict others, the emptied entry it replaces, and even this entry (a
        // new user that does not fit): all of them leave the indexes. Users' sessions are
        // disjoint, so unindexing one never touches another's.
        let mut evicted = Evicted::new();
        self.users.insert_with_lifecycle(user_id.clone(), entry, &mut evicted);
        for (_, entry) in &evicted {
            self.unindex(entry);
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
/// (ids are inline), its strings, its packed props (one block, with the `Arc`'s two counts), and
/// its two index entries (hash tables at their 7/8 load).
fn session_bytes(s: &Session) -> usize {
    const INDEX_ENTRIES: usize = (std::mem::size_of::<TokenHash>() + 3 * std::mem::size_of::<Id>() + 16) * 8 / 7;
    let props = if s.props.is_empty() { 0 } else { heap(s.props.buffer_len() + 16) };
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
        CachedStore {
            users: inner.users.clone(),
            sessions: inner.sessions.clone(),
            tokens: inner.tokens.clone(),
            mfa: inner.mfa.clone(),
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
    /// forgotten since (its data may be older than that write).
    /// The fill is made (sessions copied, sizes estimated) only if it gets in, and before the
    /// write lock: the lock is held for the insertion alone.
    fn fill(&self, generation: u64, user_id: &Id, read: CacheLookup, fill: impl FnOnce() -> Fill) {
        {
            let entries = self.lookup();
            if entries.generation != generation {
                return;
            }
            if !entries.admits_freely(user_id) {
                let users = entries.users.len();
                drop(entries);
                let mut doorkeeper = self.doorkeeper.lock().unwrap_or_else(|e| e.into_inner());
                if !doorkeeper.missed_before(user_id, read, users) {
                    return;
                }
            }
        }
        let fill = fill();
        let mut entries = self.entries();
        // Checked again: a write may have been forgotten between the two locks.
        if entries.generation != generation {
            return;
        }
        let evicted = entries.fill(user_id, fill);
        let (weight, bytes) = (entries.weight, entries.bytes);
        drop(entries);
        // The entry the fill replaced (same user, emptied) is not an eviction.
        let evictions = evicted.iter().filter(|(id, e)| id != user_id || !e.is_empty()).count();
        self.metrics.cache_size(weight, bytes, evictions as u64);
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
    async fn by_token(&self, hash: &TokenHash, along: Along) -> StoreResult<Option<WithSessions>> {
        let generation = {
            let entries = self.lookup();
            let found = entries.tokens.get(hash).and_then(|user_id| {
                let entry = entries.users.get(user_id)?;
                let session = entry.sessions().find(|s| s.token_hash == *hash)?.clone();
                let user = entry.user.clone().flatten().filter(|_| along >= Along::User);
                // Shared: copied after the lock is released.
                let list = entry.list.clone().filter(|_| along == Along::UserAndSessions);
                Some((session, user, list))
            });
            if let Some((session, user, list)) = found {
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
                return Ok(Some((session, user, list)));
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
        self.fill(generation, user_id, CacheLookup::Session, || Fill::Token(session.clone(), session_bytes(&session)));
        if let Some(user) = &user {
            self.fill(generation, user_id, CacheLookup::User, || Fill::User(Some(user.clone()), user_bytes(user)));
        }
        if let Some(list) = &list {
            let fill = || Fill::List(list.as_slice().into(), list.iter().map(session_bytes).sum());
            self.fill(generation, user_id, CacheLookup::Sessions, fill);
        }
        Ok(Some((session, user, list)))
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

#[async_trait]
impl UserStore for CachedStore {
    async fn create_user(&self, user: &User) -> StoreResult<()> {
        // A "no such user" may be cached under this id.
        write_then!(self.users.create_user(user); self.forget_user(&user.id))
    }
    async fn user_by_id(&self, id: &Id) -> StoreResult<Option<User>> {
        let generation = {
            let entries = self.lookup();
            if let Some(user) = entries.users.get(id).and_then(|e| e.user.clone()) {
                drop(entries);
                self.metrics.cache_lookup(CacheLookup::User, true);
                return Ok(user);
            }
            entries.generation
        };
        self.metrics.cache_lookup(CacheLookup::User, false);
        let user = self.users.user_by_id(id).await?;
        self.fill(generation, id, CacheLookup::User, || Fill::User(user.clone(), user.as_ref().map_or(0, user_bytes)));
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
        Ok(self.by_token(hash, Along::Nothing).await?.map(|(session, _, _)| session))
    }
    async fn session_and_user_by_token(&self, hash: &TokenHash) -> StoreResult<Option<(Session, Option<User>)>> {
        Ok(self.by_token(hash, Along::User).await?.map(|(session, user, _)| (session, user)))
    }
    async fn session_user_and_sessions_by_token(&self, hash: &TokenHash) -> StoreResult<Option<WithSessions>> {
        self.by_token(hash, Along::UserAndSessions).await
    }
    async fn session_by_id(&self, id: &SessionId) -> StoreResult<Option<Session>> {
        self.sessions.session_by_id(id).await
    }
    async fn sessions_for_user(&self, user_id: &Id) -> StoreResult<Vec<Session>> {
        let generation = {
            let entries = self.lookup();
            if let Some(list) = entries.users.get(user_id).and_then(|e| e.list.clone()) {
                drop(entries);
                self.metrics.cache_lookup(CacheLookup::Sessions, true);
                return Ok(list.to_vec());
            }
            entries.generation
        };
        self.metrics.cache_lookup(CacheLookup::Sessions, false);
        let list = self.sessions.sessions_for_user(user_id).await?;
        self.fill(generation, user_id, CacheLookup::Sessions, || {
            Fill::List(list.as_slice().into(), list.iter().map(session_bytes).sum())
        });
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
    use crate::store::OutsideWrites;

    /// Nobody else writes to a memory store.
    struct NoOneElse;

    #[async_trait]
    impl ChangeSource for NoOneElse {
        async fn outside_writes(&self) -> StoreResult<Option<OutsideWrites>> {
            Ok(None)
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

    /// The users whose list the cache holds.
    fn held(store: &CachedStore, users: &[User]) -> Vec<usize> {
        let entries = store.entries();
        (0..users.len()).filter(|&i| entries.users.peek(&users[i].id).is_some_and(|e| e.list.is_some())).collect()
    }

    fn assert_indexes_match(store: &CachedStore) {
        let entries = store.entries();
        let held: usize = entries.users.iter().map(|(_, e)| e.sessions().count()).sum();
        assert_eq!(entries.tokens.len(), held, "the indexes hold only what the entries hold");
        assert_eq!(entries.sessions.len(), held);
        let weight: usize = entries.users.iter().map(|(_, e)| e.weight()).sum();
        assert_eq!(entries.weight, weight, "the count of sessions held is true");
    }

    #[tokio::test]
    async fn the_cache_stays_within_its_entries_and_keeps_a_stable_part_of_a_larger_load() {
        let limits =
            CacheLimits { entries: NonZeroUsize::new(60).unwrap(), bytes: NonZeroUsize::new(1 << 20).unwrap() };
        let memory = Arc::new(MemoryStore::new());
        let store = cached(&memory, limits);
        let mut users = Vec::new();
        for i in 0..40 {
            users.push(user_with_sessions(&store, &format!("user{i}"), 5).await);
        }
        // A round-robin over 40 users of six entries each, four times what the cache holds.
        for user in &users {
            assert_eq!(store.sessions_for_user(&user.id).await.unwrap().len(), 5);
            store.user_by_id(&user.id).await.unwrap();
        }
        let first = held(&store, &users);
        assert!(store.entries().weight <= 60, "{} entries held", store.entries().weight);
        assert!(first.len() >= 5, "the cache is used: {first:?}");
        assert_indexes_match(&store);

        // Least-recently-used order would evict each user just before it comes back: the
        // second round would replace everything held. Here most of what is held stays, and
        // is hit.
        for user in &users {
            store.sessions_for_user(&user.id).await.unwrap();
            store.user_by_id(&user.id).await.unwrap();
        }
        let second = held(&store, &users);
        let kept = first.iter().filter(|i| second.contains(i)).count();
        assert!(kept * 2 >= first.len(), "kept {kept} of {first:?}, now {second:?}");
        assert!(store.entries().weight <= 60, "{} entries held", store.entries().weight);
        assert_indexes_match(&store);

        // Forgetting a user takes it out of the indexes too.
        store.delete_sessions_for_user(&users[first[0]].id, None).await.unwrap();
        assert!(!held(&store, &users).contains(&first[0]));
        assert_indexes_match(&store);
    }

    #[test]
    fn a_web_login_session_is_small_enough_for_35_000_in_the_default_bytes() {
        let user = NewUser { username: "alice".into(), email: "alice@example.com".into(), roles: vec![] }
            .validate(Id::generate(), 1)
            .unwrap();
        // A login's props (src/service/login.rs) from Chrome on Linux.
        let props = BTreeMap::from(
            [
                ("platform", "Linux"),
                ("os", "Linux"),
                ("browser", "Chrome/120.0.0.0"),
                ("csrf", Id::generate().as_str()),
                ("isMobile", "false"),
                ("is_guest", "false"),
                ("isSaml", "false"),
                ("isOAuthUser", "false"),
            ]
            .map(|(k, v)| (k.to_owned(), v.to_owned())),
        );
        let (_, session) = Session::issue(&user, 1, 1, String::new(), props);
        let bytes = session_bytes(&session);
        // Props as a map of strings took about 1,400 (20,000 sessions in the default's bytes).
        let limits = CacheLimits::default();
        assert_eq!(limits.entries.get(), 35_000, "Mattermost's size");
        assert!(bytes * 35_000 <= limits.bytes.get(), "{bytes} bytes a session");
        assert!(bytes * 35_000 <= 20_000 * 1_400, "35,000 in what 20,000 took: {bytes} bytes a session");
    }

    /// A cache of 60 sessions filled with the lists of 12 of 20 users of 5 sessions each (and
    /// which it holds): full, user 19 not among them.
    async fn full_cache() -> (Arc<MemoryStore>, CachedStore, Vec<User>, Vec<usize>) {
        let limits =
            CacheLimits { entries: NonZeroUsize::new(60).unwrap(), bytes: NonZeroUsize::new(1 << 20).unwrap() };
        let memory = Arc::new(MemoryStore::new());
        let store = cached(&memory, limits);
        let mut users = Vec::new();
        for i in 0..20 {
            users.push(user_with_sessions(&store, &format!("user{i}"), 5).await);
        }
        for user in &users[..12] {
            store.sessions_for_user(&user.id).await.unwrap();
        }
        let before = held(&store, &users);
        assert!(before.len() >= 9 && !before.contains(&19), "full: {before:?}");
        (memory, store, users, before)
    }

    #[tokio::test]
    async fn a_full_cache_admits_a_user_on_a_second_miss_soon_after_the_first() {
        let (_, store, users, before) = full_cache().await;
        // Seen once while full: turned away, nothing evicted.
        store.sessions_for_user(&users[19].id).await.unwrap();
        assert_eq!(held(&store, &users), before);
        // Back soon after: in.
        store.sessions_for_user(&users[19].id).await.unwrap();
        assert!(held(&store, &users).contains(&19));
        assert!(store.entries().weight <= 60);
        assert_indexes_match(&store);
    }

    /// A request that misses reads up to three things of one user (the session by token, the
    /// user, the list): they are one sighting, not three, so the user gets in on its next
    /// request, not on this one.
    #[tokio::test]
    async fn one_request_reading_a_user_three_ways_is_one_sighting() {
        let (memory, store, users, before) = full_cache().await;
        let newcomer = &users[19];
        let hash = memory.sessions_for_user(&newcomer.id).await.unwrap()[0].token_hash;
        let request = || async {
            assert!(store.session_by_token(&hash).await.unwrap().is_some());
            assert!(store.user_by_id(&newcomer.id).await.unwrap().is_some());
            assert_eq!(store.sessions_for_user(&newcomer.id).await.unwrap().len(), 5);
        };
        request().await;
        assert!(store.entries().users.peek(&newcomer.id).is_none(), "turned away: nothing filled");
        assert_eq!(held(&store, &users), before, "and nothing evicted");
        request().await;
        let entries = store.entries();
        let entry = entries.users.peek(&newcomer.id).expect("in on its second request");
        assert!(entry.list.is_some() && entry.user.is_some());
        drop(entries);
        assert!(store.entries().weight <= 60);
        assert_indexes_match(&store);
    }

    /// A hit by token brings what the entry holds of the user and the list with the session,
    /// from one entry: as fresh as each other, and gone with it on a revocation.
    #[tokio::test]
    async fn a_hit_by_token_brings_the_user_and_the_list_the_entry_holds() {
        let memory = Arc::new(MemoryStore::new());
        let store = cached(&memory, CacheLimits::default());
        let alice = user_with_sessions(&store, "alice", 3).await;
        let listed = memory.sessions_for_user(&alice.id).await.unwrap();
        let hash = listed[0].token_hash;
        // Nothing held yet: the session alone (the memory store reads nothing along).
        let (session, user, list) = store.session_user_and_sessions_by_token(&hash).await.unwrap().unwrap();
        assert_eq!((session.id.clone(), user, list), (listed[0].id.clone(), None, None));
        // The token only: the user and the list are read where needed.
        assert_eq!(store.session_and_user_by_token(&hash).await.unwrap().unwrap().1, None);
        store.user_by_id(&alice.id).await.unwrap();
        store.sessions_for_user(&alice.id).await.unwrap();
        memory.delete_user_session(&alice.id, &listed[2].id).await.unwrap();
        let (_, user, list) = store.session_user_and_sessions_by_token(&hash).await.unwrap().unwrap();
        assert_eq!(user, Some(alice.clone()));
        assert_eq!(list.unwrap(), listed, "held: the list as it was read (the write went round the cache)");
        assert_eq!(store.session_and_user_by_token(&hash).await.unwrap().unwrap().1, Some(alice.clone()));
        // A revocation through the cache forgets the entry: the next lookup reads afresh.
        store.delete_user_session(&alice.id, &listed[1].id).await.unwrap();
        let (_, user, list) = store.session_user_and_sessions_by_token(&hash).await.unwrap().unwrap();
        assert_eq!((user, list), (None, None));
        assert_eq!(store.sessions_for_user(&alice.id).await.unwrap(), listed[..1]);
    }

    /// Users without sessions are remembered as such, and evicted like anyone else: a list of
    /// them cannot grow the cache past its bytes.
    #[tokio::test]
    async fn empty_session_lists_count_against_the_bytes() {
        let bytes = NonZeroUsize::new(20 * std::mem::size_of::<UserEntry>()).unwrap();
        let memory = Arc::new(MemoryStore::new());
        let store = cached(&memory, CacheLimits { entries: NonZeroUsize::new(1000).unwrap(), bytes });
        let mut users = Vec::new();
        for i in 0..100 {
            users.push(user_with_sessions(&store, &format!("user{i}"), 0).await);
        }
        // Twice each, so that the doorkeeper lets them in.
        for user in users.iter().chain(&users) {
            assert!(store.sessions_for_user(&user.id).await.unwrap().is_empty());
        }
        let entries = store.entries();
        assert!(entries.users.len() <= 20, "{} users held in room for 20", entries.users.len());
        assert!(entries.bytes <= bytes.get(), "{} bytes held, {bytes} allowed", entries.bytes);
        assert!(!entries.users.is_empty(), "empty lists are cached too");
    }

    #[tokio::test]
    async fn the_cache_stays_within_its_bytes() {
        let memory = Arc::new(MemoryStore::new());
        let plain = cached(&memory, CacheLimits::default());
        let mut users = Vec::new();
        for i in 0..10 {
            users.push(user_with_sessions(&plain, &format!("user{i}"), 5).await);
        }
        let one_list: usize = plain.sessions_for_user(&users[0].id).await.unwrap().iter().map(session_bytes).sum();

        // Room for about three users' lists by bytes, far more by entries.
        let bytes = NonZeroUsize::new(one_list * 3 + one_list / 2).unwrap();
        let store = cached(&memory, CacheLimits { entries: NonZeroUsize::new(1000).unwrap(), bytes });
        for user in &users {
            store.sessions_for_user(&user.id).await.unwrap();
        }
        let entries = store.entries();
        assert!(entries.bytes <= bytes.get(), "{} bytes held, {bytes} allowed", entries.bytes);
        assert!(!entries.users.is_empty(), "a few users' lists fit");
    }
}
