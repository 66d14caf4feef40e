//! The session cache's bounded structure: entries per user, their weights, what quick_cache
//! evicts, and the doorkeeper in front (the read path that fills it is `super`).

use std::hash::BuildHasher;
use std::sync::Arc;

use hashbrown::HashMap;

use super::answers::{Answer, AnswerKind, Kept, Ticket};
use crate::config::CacheLimits;
use crate::domain::{Id, Session, SessionId, TokenHash, User};
use crate::metrics::CacheLookup;

/// TinyLFU's doorkeeper: the reads that missed once, while what they brought did not fit, of
/// users the cache does not hold, by a hash of the user and the read (see [`Entries::admits_freely`]).
///
/// Per read, not per user: a `GET /users/me/sessions` that misses reads the session by token,
/// the user and the list, three misses of one user in one request. Counted per user, the second
/// of them would admit the user on its first request, and under a load larger than the cache
/// every request would fill and evict as if there were no doorkeeper.
#[derive(Default)]
pub(super) struct Doorkeeper {
    pub(super) seen: hashbrown::HashSet<u64>,
    pub(super) hasher: hashbrown::DefaultHashBuilder,
}

impl Doorkeeper {
    /// Whether this read of `user_id` missed before, within the window (then it gets in);
    /// otherwise it is remembered. The window is about `users` users' worth of reads: when the
    /// doorkeeper holds that many, it starts over.
    pub(super) fn missed_before(&mut self, user_id: &Id, read: CacheLookup, users: usize) -> bool {
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
pub(super) struct UserEntry {
    /// The user row as loaded (`Some(None)`: there is no such user).
    pub(super) user: Option<Option<User>>,
    /// The user's sessions, as `sessions_for_user` answers; shared, so that a hit copies it
    /// after the lock is released.
    pub(super) list: Option<Arc<[Session]>>,
    /// Sessions found by token while the list was not loaded.
    pub(super) by_token: Vec<Session>,
    /// The estimated bytes of the user row, the list and the sessions found by token.
    pub(super) user_bytes: usize,
    pub(super) list_bytes: usize,
    pub(super) token_bytes: usize,
    /// This version of the entry's data: every fill gives a new one (see [`super::answers`]).
    pub(super) stamp: u64,
    /// Answers made from this version, as sent.
    pub(super) kept: Kept,
}

impl UserEntry {
    pub(super) fn sessions(&self) -> impl Iterator<Item = &Session> {
        self.list.iter().flat_map(|list| list.iter()).chain(&self.by_token)
    }

    /// The `at`-th of [`Self::sessions`], found without reading those before it.
    pub(super) fn session_at(&self, at: u32) -> Option<&Session> {
        let at = usize::try_from(at).ok()?;
        let listed = self.list.as_deref().unwrap_or_default();
        match at.checked_sub(listed.len()) {
            None => listed.get(at),
            Some(found_by_token) => self.by_token.get(found_by_token),
        }
    }

    /// Whether it holds what an answer of `kind` is made from: the user row, or the whole list
    /// (then every session of the user is indexed, and every write to any of them forgets it).
    pub(super) fn holds(&self, kind: AnswerKind) -> bool {
        match kind {
            // The session is held by whoever found the entry by its token.
            AnswerKind::User | AnswerKind::Session => matches!(self.user, Some(Some(_))),
            AnswerKind::Sessions => self.list.is_some(),
        }
    }

    /// Sessions held. The user row is not one: it weighs by its bytes alone ([`EntryWeight`]),
    /// within the bytes its sessions are allowed, so a cache of 35,000 holds 35,000 sessions of
    /// users whose entries hold several (as Mattermost's holds 35,000 sessions beside its
    /// users); an entry of one session and its user row weighs more than one session.
    pub(super) fn weight(&self) -> usize {
        self.list.as_ref().map_or(0, |l| l.len()) + self.by_token.len()
    }

    /// Whether it holds nothing at all: only while being filled, or taken out to be changed.
    /// (An empty session list is something: a user known to have no sessions.)
    pub(super) fn is_empty(&self) -> bool {
        self.user.is_none() && self.list.is_none() && self.by_token.is_empty()
    }

    /// Nothing for an empty entry. Anything held weighs at least the entry itself: quick_cache
    /// never evicts an item of weight 0.
    pub(super) fn bytes(&self) -> usize {
        self.data_bytes() + self.kept.bytes
    }

    /// [`Self::bytes`] without the kept answers, which have a budget of their own
    /// ([`CacheLimits::answer_bytes`]): what the entry weighs against the cache's capacity.
    fn data_bytes(&self) -> usize {
        if self.is_empty() {
            return 0;
        }
        std::mem::size_of::<Self>() + self.user_bytes + self.list_bytes + self.token_bytes
    }
}

/// The users held, in quick_cache's S3-FIFO-like order (see the module docs), weighed by
/// [`EntryWeight`], with evicted entries handed back through [`Evicted`].
pub(super) type Users =
    quick_cache::unsync::Cache<Id, UserEntry, EntryWeight, quick_cache::DefaultHashBuilder, CollectEvicted>;

/// An entry's weight against the cache's one capacity (the byte limit): the larger of its
/// estimated bytes and its sessions at the limit's bytes per session, so that a full cache is
/// within both limits. A user row's bytes fit in the room its sessions' estimate leaves (about
/// 600 of 800 bytes a session are used); a row held with few or no sessions weighs its bytes.
#[derive(Clone)]
pub(super) struct EntryWeight {
    pub(super) bytes_per_session: u64,
}

impl EntryWeight {
    pub(super) fn new(limits: &CacheLimits) -> Self {
        EntryWeight { bytes_per_session: (limits.bytes.get() / limits.entries.get()).max(1) as u64 }
    }

    /// The one weighing, of an entry held and of what a read would bring to a new one
    /// ([`Entries::admits_freely`]): `sessions` at the bytes each is allowed, or `data_bytes`.
    pub(super) fn of(&self, sessions: usize, data_bytes: usize) -> u64 {
        (sessions as u64 * self.bytes_per_session).max(data_bytes as u64)
    }
}

impl quick_cache::Weighter<Id, UserEntry> for EntryWeight {
    fn weight(&self, _: &Id, entry: &UserEntry) -> u64 {
        self.of(entry.weight(), entry.data_bytes())
    }
}

/// Entries quick_cache evicts (or replaces) during one insert, to be unindexed and dropped
/// by the caller.
pub(super) type Evicted = Vec<(Id, UserEntry)>;

#[derive(Clone)]
pub(super) struct CollectEvicted;

impl quick_cache::Lifecycle<Id, UserEntry> for CollectEvicted {
    type RequestState = Evicted;
    fn on_evict(&self, evicted: &mut Evicted, key: Id, entry: UserEntry) {
        evicted.push((key, entry));
    }
}

pub(super) fn new_users(limits: &CacheLimits) -> Users {
    let options = quick_cache::OptionsBuilder::new()
        // A guess at the users held (a user row and a few sessions each); the table grows if
        // it is low. It also sizes the memory of recently evicted users (half as many).
        .estimated_items_capacity((limits.entries.get() / 4).max(1))
        .weight_capacity(limits.bytes.get() as u64)
        .build()
        .expect("a weight capacity is set");
    Users::with_options(options, EntryWeight::new(limits), quick_cache::DefaultHashBuilder::default(), CollectEvicted)
}

pub(super) struct Entries {
    pub(super) users: Users,
    pub(super) limits: CacheLimits,
    /// Token hash → the user whose entry holds that session, and where in the entry
    /// ([`UserEntry::session_at`]): a hit reads its own session, not every one held before it
    /// (each a cache line or two, cold when hits spread over many users).
    pub(super) tokens: HashMap<TokenHash, (Id, u32)>,
    /// Session id → the user whose entry holds it (for writes that name only a session).
    pub(super) sessions: HashMap<SessionId, Id>,
    /// Moves on every forgetting: a read that began before it must not fill.
    pub(super) generation: u64,
    /// The sessions held, and the estimated bytes of everything held.
    pub(super) weight: usize,
    pub(super) bytes: usize,
    /// Of `bytes`, the kept answers': at most [`CacheLimits::answer_bytes`].
    pub(super) answer_bytes: usize,
    /// The last stamp an entry was given (never reused, not even after forgetting everything).
    pub(super) stamps: u64,
}

/// What a read that missed brings to a user's entry in all (its sessions, and the estimated
/// bytes of those and of the user row), for the doorkeeper to weigh before any copy is made.
#[derive(Clone, Copy, Debug, Default)]
pub(super) struct Brings {
    pub(super) sessions: usize,
    pub(super) bytes: usize,
}

impl Brings {
    /// What `sessions` (and `user`, when read along) bring.
    pub(super) fn of(sessions: &[Session], user: Option<&User>) -> Self {
        Brings {
            sessions: sessions.len(),
            bytes: sessions.iter().map(session_bytes).sum::<usize>() + user.map_or(0, user_bytes),
        }
    }
}

/// What a fill adds to a user's entry, with its estimated size (made only once admitted).
pub(super) enum Fill {
    User(Option<User>, usize),
    List(Arc<[Session]>, usize),
    Token(Session, usize),
}

impl Entries {
    pub(super) fn new(limits: CacheLimits) -> Self {
        Entries {
            users: new_users(&limits),
            limits,
            tokens: HashMap::new(),
            sessions: HashMap::new(),
            generation: 0,
            weight: 0,
            bytes: 0,
            answer_bytes: 0,
            stamps: 0,
        }
    }

    /// Whether a read that brings `brings` for `user_id` gets in without the doorkeeper: while
    /// it fits whole without evicting anyone (weighed as [`EntryWeight`] weighs an entry), or
    /// the cache holds the user already. Otherwise (TinyLFU's doorkeeper, [`Doorkeeper`]) a
    /// read gets in on its second miss within a window of about as many users as the cache
    /// holds, not its first: under a load larger than the cache, a user seen once is most
    /// likely gone again before it comes back, and filling it would cost a copy of its
    /// sessions, their index entries and the eviction of someone else for nothing. Admission
    /// only: what is held stays exact either way.
    ///
    /// Measured against all the read brings, not one session: with room for one session but
    /// not the read, the insert would evict as much as it brings, leave the same room behind,
    /// and admit the next newcomer as freely, so the doorkeeper would never act. A read that
    /// fills several parts of an entry (a token's session, the user, the list) is weighed
    /// whole by each of its fills: once the first is in, the rest belong to a held user.
    /// (Before #40 the doorkeeper started at 95 % full, which left 5 % of the cache empty
    /// under a larger load.)
    pub(super) fn admits_freely(&self, user_id: &Id, brings: Brings) -> bool {
        let room = self.users.capacity().saturating_sub(self.users.weight());
        // As a new entry's `data_bytes` counts them: the entry itself and what it holds.
        let weight =
            EntryWeight::new(&self.limits).of(brings.sessions, std::mem::size_of::<UserEntry>() + brings.bytes);
        weight <= room || self.users.contains_key(user_id)
    }

    /// Forgets one user's entry; it is dropped by the caller, after the lock.
    pub(super) fn forget_user(&mut self, user_id: &Id) -> Option<UserEntry> {
        self.generation += 1;
        let (_, entry) = self.users.remove(user_id)?;
        self.unindex(&entry);
        Some(entry)
    }

    /// Forgets everything.
    pub(super) fn forget_all(&mut self) -> Users {
        self.generation += 1;
        self.tokens.clear();
        self.sessions.clear();
        self.weight = 0;
        self.bytes = 0;
        self.answer_bytes = 0;
        std::mem::replace(&mut self.users, new_users(&self.limits))
    }

    /// Indexes `entry` as it is put in the cache: every change of an entry unindexes it first
    /// and indexes it again after ([`Self::change`]), so the positions in `tokens` are always
    /// those of the entry held.
    pub(super) fn index(&mut self, entry: &UserEntry) {
        for (at, session) in entry.sessions().enumerate() {
            // Past u32::MAX (never: an entry is one user's sessions) a position finds nothing,
            // and the read is a miss.
            let at = u32::try_from(at).unwrap_or(u32::MAX);
            self.tokens.insert(session.token_hash, (session.user_id.clone(), at));
            self.sessions.insert(session.id.clone(), session.user_id.clone());
        }
        self.weight += entry.weight();
        self.bytes += entry.bytes();
        self.answer_bytes += entry.kept.bytes;
    }

    pub(super) fn unindex(&mut self, entry: &UserEntry) {
        for session in entry.sessions() {
            self.tokens.remove(&session.token_hash);
            self.sessions.remove(&session.id);
        }
        self.weight -= entry.weight();
        self.bytes -= entry.bytes();
        self.answer_bytes -= entry.kept.bytes;
    }

    /// Adds to one user's entry (created if missing), as a new version of it ([`Self::change`]).
    /// What it evicts is returned, with the entry's new version.
    pub(super) fn fill(&mut self, user_id: &Id, fill: Fill) -> (Evicted, u64) {
        self.stamps += 1;
        let stamp = self.stamps;
        let evicted = self.change(user_id, |entry| {
            // New data, a new version: answers made from the old one go.
            (entry.stamp, entry.kept) = (stamp, Kept::default());
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
        });
        (evicted, stamp)
    }

    /// Keeps `answer`, made from the data `ticket` was handed with, if the entry still holds
    /// that version of it (and no answer of the kind yet; for the check's answer, the session
    /// it is for) and the answers' budget has room for it; whether it was kept. Past the budget
    /// an answer is refused, never evicted for: the sessions held do not shrink to make room
    /// for answers, and answers leave with their entries (a write, a fill, an eviction). Kept in
    /// place: answers weigh nothing against the cache's capacity and change no index, so nothing
    /// is re-indexed, re-inserted or evicted (a miss keeps its answer too, and under a load
    /// larger than the cache most entries are new: re-inserting each cost about 4,000
    /// instructions).
    pub(super) fn keep_answer(&mut self, ticket: &Ticket, answer: Arc<Answer>) -> bool {
        let cost = super::answers::cost(ticket, &answer);
        // A check's answer only where a hit can find it: its session held in this entry (the
        // entry's user row alone is not enough, and an answer nobody can reach would take the
        // answers' budget until the entry goes).
        if let Some((session, _)) = &ticket.key {
            if self.sessions.get(session) != Some(&ticket.user_id) {
                return false;
            }
        }
        let Some(mut held) = self.users.peek_mut(&ticket.user_id) else { return false };
        if held.stamp != ticket.stamp || !held.holds(ticket.kind) || held.kept.refuses(ticket) {
            return false;
        }
        if self.answer_bytes + cost > self.limits.answer_bytes() {
            return false;
        }
        held.kept.keep(ticket, answer);
        drop(held);
        self.bytes += cost;
        self.answer_bytes += cost;
        true
    }

    /// Changes one user's entry (created if missing) by `change`, keeping the indexes and sizes
    /// true. quick_cache decides what stays: a user new to the cache enters its probationary
    /// part and is evicted first unless looked up again; a user evicted recently and back enters
    /// the main part. What it evicts is returned, unindexed, to be dropped after the lock.
    fn change(&mut self, user_id: &Id, change: impl FnOnce(&mut UserEntry)) -> Evicted {
        // Taken out (a peek: it does not count as a use), changed, and put back in its place.
        let mut entry = match self.users.peek_mut(user_id) {
            Some(mut held) => std::mem::take(&mut *held),
            None => UserEntry::default(),
        };
        self.unindex(&entry);
        change(&mut entry);
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
pub(super) fn heap(len: usize) -> usize {
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
pub(super) fn session_bytes(s: &Session) -> usize {
    const INDEX_ENTRIES: usize =
        (std::mem::size_of::<(TokenHash, (Id, u32))>() + 2 * std::mem::size_of::<Id>() + 16) * 8 / 7;
    let props = if s.props.is_empty() { 0 } else { heap(s.props.buffer_len() + 16) };
    std::mem::size_of::<Session>() + heap(s.device_id.len()) + heap(s.roles.len()) + props + INDEX_ENTRIES
}

/// An estimate of what a cached user row takes beyond its entry: its strings and profile. The
/// row itself is inline in its [`UserEntry`], whose size every entry's weight counts already.
pub(super) fn user_bytes(u: &User) -> usize {
    heap(u.username.len())
        + heap(u.email.len())
        + heap(u.roles.len())
        + u.password_hash.as_ref().map_or(0, |h| heap(h.len()))
        + u.profile.as_deref().map_or(0, profile_bytes)
}

/// An imported user's profile (counted with each copy of the user that shares it: an upper
/// bound). A map entry: its two strings and the B-tree's share of a node.
fn profile_bytes(p: &crate::domain::Profile) -> usize {
    let map = |m: &std::collections::BTreeMap<String, String>| {
        m.iter().map(|(k, v)| 2 * std::mem::size_of::<String>() + heap(k.len()) + heap(v.len()) + 16).sum::<usize>()
    };
    std::mem::size_of::<crate::domain::Profile>()
        + [&p.nickname, &p.first_name, &p.last_name, &p.position, &p.locale]
            .iter()
            .map(|s| heap(s.len()))
            .sum::<usize>()
        + map(&p.timezone)
        + map(&p.notify_props)
}
