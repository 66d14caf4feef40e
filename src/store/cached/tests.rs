//! The session cache's own tests: bounds, eviction, admission, racing fills.

use std::collections::BTreeMap;
use std::num::NonZeroUsize;

use async_trait::async_trait;

use super::entries::UserEntry;
use super::*;
use crate::domain::NewUser;
use crate::domain::{Session, User};
use crate::store::memory::MemoryStore;
use crate::store::OutsideWrites;
use crate::store::{SessionStore, UserStore};

/// A cause for the writes these tests make.
fn cause() -> crate::domain::Cause {
    crate::domain::Cause::system("test", 0)
}

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

/// A cache over a SQLite file in `dir`: unlike the memory store, SQLite reads a token's user
/// (and, asked, its list) along with the session.
fn cached_sqlite(dir: &tempfile::TempDir, limits: CacheLimits) -> CachedStore {
    let sqlite = Arc::new(crate::store::sqlite::SqliteStore::open(&dir.path().join("sessions.db")).unwrap());
    CachedStore::new(&Stores::of(sqlite), Arc::new(NoOneElse), limits, Arc::new(Metrics::default()))
}

async fn user_with_sessions(store: &CachedStore, name: &str, sessions: usize) -> User {
    let new = NewUser { username: name.into(), email: format!("{name}@example.com"), roles: vec![] };
    let user = new.validate(Id::generate(), 1).unwrap();
    store.create_user(&user).await.unwrap();
    for _ in 0..sessions {
        let (_, session) = Session::issue(&user, 1, 0, String::new(), BTreeMap::new());
        store.create_session(&session, 500, &cause()).await.unwrap();
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
    let bytes: usize = entries.users.iter().map(|(_, e)| e.bytes()).sum();
    assert_eq!(entries.bytes, bytes, "the bytes held are their entries' (kept answers included)");
    for (hash, (user_id, at)) in &entries.tokens {
        let entry = entries.users.peek(user_id).expect("an indexed token's user is held");
        let found = entry.session_at(*at).map(|s| s.token_hash);
        assert_eq!(found, Some(*hash), "each token is indexed where its entry holds its session");
    }
    let answers: usize = entries.users.iter().map(|(_, e)| e.kept.bytes).sum();
    assert_eq!(entries.answer_bytes, answers, "the kept answers' bytes are true");
    assert!(
        answers <= entries.limits.answer_bytes(),
        "{answers} bytes of answers, {} allowed",
        entries.limits.answer_bytes()
    );
}

#[tokio::test]
async fn the_cache_stays_within_its_entries_and_keeps_a_stable_part_of_a_larger_load() {
    let limits = CacheLimits { entries: NonZeroUsize::new(60).unwrap(), bytes: NonZeroUsize::new(1 << 20).unwrap() };
    let memory = Arc::new(MemoryStore::new());
    let store = cached(&memory, limits);
    let mut users = Vec::new();
    for i in 0..40 {
        users.push(user_with_sessions(&store, &format!("user{i}"), 5).await);
    }
    // A round-robin over 40 users of five sessions each (and their rows, not counted as
    // sessions), more than three times what the cache holds.
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
    store.delete_sessions_for_user(&users[first[0]].id, None, &cause()).await.unwrap();
    assert!(!held(&store, &users).contains(&first[0]));
    assert_indexes_match(&store);
}

/// A cache of 100 sessions (1 MiB) filled with the lists of 24 users of four and one of two,
/// each on first sight: room for two sessions is left. The users, in order.
async fn fill_leaving_room_for_two(store: &CachedStore) -> Vec<User> {
    let mut users = Vec::new();
    for i in 0..25 {
        users.push(user_with_sessions(store, &format!("user{i}"), if i == 24 { 2 } else { 4 }).await);
    }
    for user in &users {
        store.sessions_for_user(&user.id).await.unwrap();
    }
    assert_eq!(held(store, &users), (0..25).collect::<Vec<_>>());
    assert_eq!(store.entries().weight, 98);
    users
}

fn room_for_100_sessions() -> CacheLimits {
    CacheLimits { entries: NonZeroUsize::new(100).unwrap(), bytes: NonZeroUsize::new(1 << 20).unwrap() }
}

#[tokio::test]
async fn a_cache_of_n_sessions_holds_n_sessions_with_their_users_admitted_on_first_sight() {
    // 100 sessions: 25 users of 4, each read as a request does (list and user row).
    let memory = Arc::new(MemoryStore::new());
    let store = cached(&memory, room_for_100_sessions());
    let mut users = Vec::new();
    for i in 0..25 {
        users.push(user_with_sessions(&store, &format!("user{i}"), 4).await);
    }
    for user in &users {
        store.sessions_for_user(&user.id).await.unwrap();
        store.user_by_id(&user.id).await.unwrap();
    }
    // Every one of them, on their first request: a user row is not counted as a session, and
    // the doorkeeper turns nobody away while what they bring fits (the last came at 96 %).
    assert_eq!(held(&store, &users), (0..25).collect::<Vec<_>>());
    assert!(users.iter().all(|u| store.entries().users.peek(&u.id).is_some_and(|e| matches!(e.user, Some(Some(_))))));
    assert_eq!(store.entries().weight, 100, "the sessions held");
    assert_indexes_match(&store);

    // Now full (76 bytes left): a newcomer is turned away on first sight, evicting nobody.
    let newcomer = user_with_sessions(&store, "newcomer", 4).await;
    store.sessions_for_user(&newcomer.id).await.unwrap();
    assert_eq!(held(&store, &users), (0..25).collect::<Vec<_>>());
    assert_eq!(store.entries().weight, 100);
}

#[tokio::test]
async fn a_newcomer_that_does_not_fit_whole_waits_for_the_doorkeeper_even_with_room_left() {
    let memory = Arc::new(MemoryStore::new());
    let store = cached(&memory, room_for_100_sessions());
    let users = fill_leaving_room_for_two(&store).await;
    // A newcomer of four does not fit whole: on first sight it is turned away, and nobody is
    // evicted for it. (Admitted because one session still fits, it would evict someone to make
    // room; with users of one size that leaves the same room, and every newcomer after it would
    // get in as freely: no doorkeeper at all.)
    for i in 0..3 {
        let newcomer = user_with_sessions(&store, &format!("newcomer{i}"), 4).await;
        store.sessions_for_user(&newcomer.id).await.unwrap();
        assert_eq!(held(&store, &users), (0..25).collect::<Vec<_>>(), "newcomer {i}");
        assert_eq!(store.entries().weight, 98);
    }
    // One of two sessions fits whole, and gets in at once.
    let small = user_with_sessions(&store, "small", 2).await;
    store.sessions_for_user(&small.id).await.unwrap();
    assert_eq!(store.entries().weight, 100);
    assert_eq!(held(&store, &users), (0..25).collect::<Vec<_>>());
    assert_indexes_match(&store);
}

#[tokio::test]
async fn a_token_read_that_brings_a_list_is_weighed_whole_before_any_of_it_gets_in() {
    // Room for two sessions, as above, on SQLite: it reads a token's user and list along (the
    // memory store reads nothing along).
    let dir = tempfile::tempdir().unwrap();
    let store = cached_sqlite(&dir, room_for_100_sessions());
    let users = fill_leaving_room_for_two(&store).await;
    // A newcomer of four, found by token with its user and list (`GET /users/me/sessions`):
    // the token's one session would fit, the read does not. Its session first, then its user
    // and list as a held user's, would evict to make room.
    let newcomer = NewUser { username: "newcomer".into(), email: "newcomer@example.com".into(), roles: vec![] }
        .validate(Id::generate(), 1)
        .unwrap();
    store.create_user(&newcomer).await.unwrap();
    let mut tokens = Vec::new();
    for _ in 0..4 {
        let (token, session) = Session::issue(&newcomer, 1, 0, String::new(), BTreeMap::new());
        store.create_session(&session, 500, &cause()).await.unwrap();
        tokens.push(token);
    }
    let found = store.session_user_and_sessions_by_token(&tokens[0].hash()).await.unwrap();
    let (_, user, list) = found.expect("the session is there");
    assert!(user.is_some() && list.is_some_and(|l| l.len() == 4), "read whole");
    assert!(store.entries().users.peek(&newcomer.id).is_none(), "turned away on first sight");
    assert_eq!(held(&store, &users), (0..25).collect::<Vec<_>>(), "nobody evicted");
    assert_eq!(store.entries().weight, 98);
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
    let memory = Arc::new(MemoryStore::new());
    let store = cached(&memory, room_for_60_sessions());
    let (users, before) = fill_full(&store).await;
    (memory, store, users, before)
}

fn room_for_60_sessions() -> CacheLimits {
    CacheLimits { entries: NonZeroUsize::new(60).unwrap(), bytes: NonZeroUsize::new(1 << 20).unwrap() }
}

/// [`full_cache`]'s users and lists, in `store` (a cache of [`room_for_60_sessions`]).
async fn fill_full(store: &CachedStore) -> (Vec<User>, Vec<usize>) {
    let mut users = Vec::new();
    for i in 0..20 {
        users.push(user_with_sessions(store, &format!("user{i}"), 5).await);
    }
    for user in &users[..12] {
        store.sessions_for_user(&user.id).await.unwrap();
    }
    let before = held(store, &users);
    assert!(before.len() >= 9 && !before.contains(&19), "full: {before:?}");
    (users, before)
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
    memory.delete_user_session(&alice.id, &listed[2].id, &cause()).await.unwrap();
    let (_, user, list) = store.session_user_and_sessions_by_token(&hash).await.unwrap().unwrap();
    assert_eq!(user, Some(alice.clone()));
    assert_eq!(list.unwrap(), listed, "held: the list as it was read (the write went round the cache)");
    assert_eq!(store.session_and_user_by_token(&hash).await.unwrap().unwrap().1, Some(alice.clone()));
    // A revocation through the cache forgets the entry: the next lookup reads afresh.
    store.delete_user_session(&alice.id, &listed[1].id, &cause()).await.unwrap();
    let (_, user, list) = store.session_user_and_sessions_by_token(&hash).await.unwrap().unwrap();
    assert_eq!((user, list), (None, None));
    assert_eq!(store.sessions_for_user(&alice.id).await.unwrap(), listed[..1]);
}

/// A hit reads its session where the token index says the entry holds it: found by token one
/// by one, then in the list that replaces them (in another order), each token brings its own
/// session from the cache.
#[tokio::test]
async fn each_token_finds_its_own_session_wherever_the_entry_holds_it() {
    let memory = Arc::new(MemoryStore::new());
    let store = cached(&memory, CacheLimits::default());
    let alice = user_with_sessions(&store, "alice", 4).await;
    let mut listed = memory.sessions_for_user(&alice.id).await.unwrap();
    // Found by token in the opposite of the list's order.
    listed.reverse();
    for session in &listed {
        store.session_by_token(&session.token_hash).await.unwrap().unwrap();
    }
    // Written round the cache: a hit still brings the session as it was held.
    for session in &listed {
        memory.touch_session(&session.id, 1_000).await.unwrap();
    }
    for session in &listed {
        let found = store.session_by_token(&session.token_hash).await.unwrap().unwrap();
        assert_eq!((&found.id, found.last_activity_at), (&session.id, session.last_activity_at), "a hit, its own");
    }
    // The list replaces the sessions found by token, in its own order.
    let list = store.sessions_for_user(&alice.id).await.unwrap();
    assert!(list.iter().all(|s| s.last_activity_at == 1_000), "the list was read afresh");
    for session in &listed {
        memory.touch_session(&session.id, 2_000).await.unwrap();
    }
    for session in &listed {
        let found = store.session_by_token(&session.token_hash).await.unwrap().unwrap();
        assert_eq!((&found.id, found.last_activity_at), (&session.id, 1_000), "a hit from the list, its own");
    }
    assert_indexes_match(&store);
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

/// A user row weighs its entry (where the row is inline) and its strings: its struct is not
/// counted a second time, which would make room for fewer users than the bytes allow.
#[tokio::test]
async fn a_user_row_is_weighed_once() {
    let memory = Arc::new(MemoryStore::new());
    let store = cached(&memory, CacheLimits::default());
    let alice = user_with_sessions(&store, "alice", 0).await;
    let heap = super::entries::heap;
    let strings = heap(alice.username.len())
        + heap(alice.email.len())
        + heap(alice.roles.len())
        + alice.password_hash.as_ref().map_or(0, |h| heap(h.len()));
    let row = super::entries::user_bytes(&alice);
    assert_eq!(row, strings);
    let entry = UserEntry { user: Some(Some(alice)), user_bytes: row, ..Default::default() };
    assert_eq!(entry.bytes(), std::mem::size_of::<UserEntry>() + strings);
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

fn answer(body: &'static str) -> Answer {
    Answer { status: hyper::StatusCode::OK, headers: Box::new([]), body: bytes::Bytes::from_static(body.as_bytes()) }
}

/// A hit hands the entry's version; an answer kept for it comes with the next hit (and the list
/// it answers is no longer copied), counts in the cache's bytes, and goes with every write and
/// every new version of the entry. An answer made from an older version is never kept.
#[tokio::test]
async fn kept_answers_belong_to_one_version_of_an_entry() {
    let memory = Arc::new(MemoryStore::new());
    let store = cached(&memory, CacheLimits::default());
    let alice = user_with_sessions(&store, "alice", 3).await;
    let listed = memory.sessions_for_user(&alice.id).await.unwrap();
    let hash = listed[0].token_hash;
    let keeping = |kind| store.by_token_keeping(&hash, kind == AnswerKind::Sessions, kind, "");
    assert!(
        keeping(AnswerKind::Sessions).await.unwrap().unwrap().1.is_none(),
        "a miss that read no list (the memory store reads nothing along) hands no ticket"
    );
    // A hit on an entry without the list: a write naming another session would not forget it.
    assert!(keeping(AnswerKind::Sessions).await.unwrap().unwrap().1.is_none(), "no list held, no ticket");
    assert!(keeping(AnswerKind::User).await.unwrap().unwrap().1.is_none(), "no user held, no ticket");
    store.sessions_for_user(&alice.id).await.unwrap();
    let ((_, _, list), ticket) = keeping(AnswerKind::Sessions).await.unwrap().unwrap();
    let ticket = ticket.expect("a hit hands a ticket");
    assert!(ticket.kept.is_none() && list.is_some());
    let bytes_before = store.entries().bytes;
    store.keep_answer(&ticket, answer("[the list]"));
    assert!(store.entries().bytes > bytes_before, "a kept answer counts in the bytes");
    let ((_, _, list), kept) = keeping(AnswerKind::Sessions).await.unwrap().unwrap();
    assert_eq!(kept.unwrap().kept.unwrap().body, "[the list]");
    assert_eq!(list, None, "the list a kept answer stands for is not copied");
    store.user_by_id(&alice.id).await.unwrap();
    let ticket = keeping(AnswerKind::User).await.unwrap().unwrap().1.unwrap();
    store.keep_answer(&ticket, answer("{the user}"));
    let ((_, user, _), kept) = keeping(AnswerKind::User).await.unwrap().unwrap();
    assert_eq!((user, kept.unwrap().kept.unwrap().body.clone()), (None, "{the user}".into()), "nor the user");
    let ticket = keeping(AnswerKind::Sessions).await.unwrap().unwrap().1.unwrap();
    store.keep_answer(&ticket, answer("[the list]"));
    // A second answer for the same version is not kept over the first.
    store.keep_answer(&ticket, answer("[another]"));
    assert_eq!(keeping(AnswerKind::Sessions).await.unwrap().unwrap().1.unwrap().kept.unwrap().body, "[the list]");

    // A write forgets the entry and its answers.
    store.delete_user_session(&alice.id, &listed[2].id, &cause()).await.unwrap();
    store.sessions_for_user(&alice.id).await.unwrap();
    store.session_by_token(&hash).await.unwrap();
    let fresh = keeping(AnswerKind::Sessions).await.unwrap().unwrap().1.unwrap();
    assert!(fresh.kept.is_none(), "forgotten with the write");
    // The old ticket's answer (made from the list before the write) is refused.
    store.keep_answer(&ticket, answer("[stale]"));
    assert!(keeping(AnswerKind::Sessions).await.unwrap().unwrap().1.unwrap().kept.is_none());
    // A new version of the entry (the user row filled in) drops answers kept for the old one.
    store.keep_answer(&fresh, answer("[fresh]"));
    assert!(keeping(AnswerKind::Sessions).await.unwrap().unwrap().1.unwrap().kept.is_some());
    store.user_by_id(&alice.id).await.unwrap();
    assert!(keeping(AnswerKind::Sessions).await.unwrap().unwrap().1.unwrap().kept.is_none(), "a new version");
    store.keep_answer(&fresh, answer("[older version]"));
    assert!(keeping(AnswerKind::Sessions).await.unwrap().unwrap().1.unwrap().kept.is_none());
    assert_indexes_match(&store);
}

/// A miss whose fills brought what an answer is made from (SQLite reads the user, and for a
/// list request the list, with the session) hands a ticket too: the handler's answer is kept
/// at once, and is refused like a hit's if the entry changed since.
#[tokio::test]
async fn a_miss_that_brought_what_an_answer_is_made_from_keeps_it_at_once() {
    let dir = tempfile::tempdir().unwrap();
    let store = cached_sqlite(&dir, CacheLimits::default());
    let alice = user_with_sessions(&store, "alice", 3).await;
    let listed = store.sessions_for_user(&alice.id).await.unwrap();
    store.forget_user(&alice.id);
    let (first, second) = (listed[0].token_hash, listed[1].token_hash);
    let keeping = |hash, kind| store.by_token_keeping(hash, kind == AnswerKind::Sessions, kind, "");

    // GET me's miss: the user came with the session.
    let ((_, user, _), ticket) = keeping(&first, AnswerKind::User).await.unwrap().unwrap();
    assert_eq!(user.as_ref(), Some(&alice));
    let ticket = ticket.expect("a miss that read the user hands a ticket");
    assert!(ticket.kept.is_none());
    store.keep_answer(&ticket, answer("{the user}"));
    let (_, kept) = keeping(&first, AnswerKind::User).await.unwrap().unwrap();
    assert_eq!(kept.unwrap().kept.unwrap().body, "{the user}", "kept by the miss, served by the next hit");

    // GET sessions' miss: the list came too.
    store.forget_user(&alice.id);
    let (_, ticket) = keeping(&second, AnswerKind::Sessions).await.unwrap().unwrap();
    store.keep_answer(&ticket.expect("a miss that read the list hands a ticket"), answer("[the list]"));
    let (_, kept) = keeping(&second, AnswerKind::Sessions).await.unwrap().unwrap();
    assert_eq!(kept.unwrap().kept.unwrap().body, "[the list]");

    // The miss's ticket names the entry's version: after a newer one (another session found
    // by token), its answer is refused, as a hit's is.
    store.forget_user(&alice.id);
    let (_, ticket) = keeping(&first, AnswerKind::User).await.unwrap().unwrap();
    store.session_by_token(&listed[2].token_hash).await.unwrap();
    store.keep_answer(&ticket.unwrap(), answer("{older version}"));
    let (_, hit) = keeping(&first, AnswerKind::User).await.unwrap().unwrap();
    assert!(hit.unwrap().kept.is_none(), "an answer for an older version is never kept");
    assert_indexes_match(&store);
}

/// A miss whose read was turned away (a full cache, a user seen once) hands no ticket: nothing
/// it read is held, so no answer of it is kept. Its second miss gets in and hands one.
#[tokio::test]
async fn a_miss_turned_away_hands_no_ticket() {
    // SQLite: a token's miss reads the user along, which a GET me ticket needs.
    let dir = tempfile::tempdir().unwrap();
    let store = cached_sqlite(&dir, room_for_60_sessions());
    let (users, before) = fill_full(&store).await;
    let newcomer = &users[19];
    let listed = store.sessions_for_user(&newcomer.id).await.unwrap();
    assert_eq!(held(&store, &users), before, "listing it was its first sighting, by another read");
    let hash = listed[0].token_hash;
    let (_, ticket) = store.by_token_keeping(&hash, false, AnswerKind::User, "").await.unwrap().unwrap();
    assert!(ticket.is_none(), "turned away: no ticket");
    assert_eq!(held(&store, &users), before);
    let (_, ticket) = store.by_token_keeping(&hash, false, AnswerKind::User, "").await.unwrap().unwrap();
    store.keep_answer(&ticket.expect("in on its second miss"), answer("{the newcomer}"));
    let (_, hit) = store.by_token_keeping(&hash, false, AnswerKind::User, "").await.unwrap().unwrap();
    assert_eq!(hit.unwrap().kept.unwrap().body, "{the newcomer}");
    assert_indexes_match(&store);
}

/// A check's answer is kept only where a hit can find it: for a session the entry holds. An
/// entry holding the user row alone refuses it (it would take the answers' budget unreached).
#[tokio::test]
async fn a_check_answer_for_a_session_the_entry_does_not_hold_is_refused() {
    let memory = Arc::new(MemoryStore::new());
    let store = cached(&memory, CacheLimits::default());
    let alice = user_with_sessions(&store, "alice", 1).await;
    let session = memory.sessions_for_user(&alice.id).await.unwrap().remove(0);
    store.user_by_id(&alice.id).await.unwrap();
    let stamp = store.entries().users.peek(&alice.id).expect("the user row is held").stamp;
    let ticket = Ticket::of(stamp, &session, AnswerKind::Session, "", || None).unwrap();
    store.keep_answer(&ticket, answer("unreachable"));
    assert_eq!(store.entries().answer_bytes, 0, "refused: the entry does not hold the session");
    // Found by its token, the session is held, and the same check's answer is kept.
    store.session_by_token(&session.token_hash).await.unwrap();
    store.keep_answer(&check_ticket(&store, &session.token_hash, "").await, answer("reachable"));
    assert_eq!(check_ticket(&store, &session.token_hash, "").await.kept.unwrap().body, "reachable");
    assert_indexes_match(&store);
}

/// Kept answers have a budget of their own, a quarter of the sessions' bytes: past it an answer
/// is refused, never evicted for, so answers do not push sessions out; an answer that leaves
/// with its entry makes room for another.
#[tokio::test]
async fn kept_answers_have_their_own_budget_and_never_push_sessions_out() {
    let memory = Arc::new(MemoryStore::new());
    let limits = CacheLimits { entries: NonZeroUsize::new(100).unwrap(), bytes: NonZeroUsize::new(100 * 800).unwrap() };
    assert_eq!(limits.answer_bytes(), 20_000);
    let store = cached(&memory, limits);
    let mut users = Vec::new();
    for i in 0..5 {
        users.push(user_with_sessions(&store, &format!("user{i}"), 3).await);
    }
    let mut tickets = Vec::new();
    for user in &users {
        let listed = store.sessions_for_user(&user.id).await.unwrap();
        let (_, ticket) =
            store.by_token_keeping(&listed[0].token_hash, true, AnswerKind::Sessions, "").await.unwrap().unwrap();
        tickets.push((listed[0].token_hash, ticket.expect("a hit on a held list hands a ticket")));
    }
    let weight = store.entries().weight;
    // 6,000 bytes of JSON each (with its headers and struct, a little more): three fit in 20,000.
    let big =
        || Answer { status: hyper::StatusCode::OK, headers: Box::new([]), body: bytes::Bytes::from(vec![b'x'; 6_000]) };
    for (_, ticket) in &tickets {
        store.keep_answer(ticket, big());
    }
    let kept = |store: &CachedStore| {
        let entries = store.entries();
        entries.users.iter().filter(|(_, e)| e.kept.bytes > 0).count()
    };
    assert_eq!(kept(&store), 3, "past the budget, answers are refused");
    assert_eq!(store.entries().weight, weight, "every session is still held: answers evicted none");
    assert_eq!(store.entries().users.len(), 5);
    assert_indexes_match(&store);

    // A write forgets a kept answer with its entry: there is room for one more.
    let (first, _) = &tickets[0];
    let first_session = memory.session_by_token(first).await.unwrap().unwrap();
    store.delete_user_session(&users[0].id, &first_session.id, &cause()).await.unwrap();
    let (hash, _) = &tickets[4];
    let (_, ticket) = store.by_token_keeping(hash, true, AnswerKind::Sessions, "").await.unwrap().unwrap();
    store.keep_answer(&ticket.unwrap(), big());
    assert_eq!(kept(&store), 3);
    let (_, again) = store.by_token_keeping(hash, true, AnswerKind::Sessions, "").await.unwrap().unwrap();
    assert!(again.unwrap().kept.is_some(), "the fifth user's answer is kept now");
    assert_indexes_match(&store);
}

/// A ticket for the check's answer of the session `hash` stands for, and `query`.
async fn check_ticket(store: &CachedStore, hash: &TokenHash, query: &str) -> Ticket {
    store.by_token_keeping(hash, false, AnswerKind::Session, query).await.unwrap().unwrap().1.unwrap()
}

/// The check's answers are kept per session and per query, and only so many per entry (anyone
/// can send a new query each time).
#[tokio::test]
async fn session_answers_are_kept_per_session_and_query_and_bounded() {
    let memory = Arc::new(MemoryStore::new());
    let store = cached(&memory, CacheLimits::default());
    let alice = user_with_sessions(&store, "alice", 2).await;
    let listed = memory.sessions_for_user(&alice.id).await.unwrap();
    let (first, second) = (listed[0].token_hash, listed[1].token_hash);
    store.session_by_token(&first).await.unwrap();
    store.session_by_token(&second).await.unwrap();
    store.user_by_id(&alice.id).await.unwrap();
    store.keep_answer(&check_ticket(&store, &first, "").await, answer("first"));
    assert_eq!(check_ticket(&store, &first, "").await.kept.unwrap().body, "first");
    assert!(check_ticket(&store, &first, "role=system_admin").await.kept.is_none(), "another query");
    assert!(check_ticket(&store, &second, "").await.kept.is_none(), "another session");
    for i in 0..20 {
        store.keep_answer(&check_ticket(&store, &first, &format!("q={i}")).await, answer("more"));
    }
    let mut held = 0;
    for i in 0..20 {
        held += usize::from(check_ticket(&store, &first, &format!("q={i}")).await.kept.is_some());
    }
    assert_eq!(held, 7, "eight in all, the first one included");
    let bytes = store.entries().bytes;
    store.keep_answer(&check_ticket(&store, &first, "q=99").await, answer("refused"));
    assert_eq!(store.entries().bytes, bytes, "a refused answer changes nothing");
    // A long query, or one carrying a token, keys nothing.
    let long = "q=".repeat(200);
    assert!(store.by_token_keeping(&second, false, AnswerKind::Session, &long).await.unwrap().unwrap().1.is_none());
    let token = "access_token=abc";
    assert!(store.by_token_keeping(&second, false, AnswerKind::Session, token).await.unwrap().unwrap().1.is_none());
    assert_indexes_match(&store);
}

/// A kept answer is the response's status, headers and body as sent, with the body and the
/// values laid out in one block (a cold hit's copies of them touch one count).
#[test]
fn an_answer_keeps_what_was_sent_in_one_block() {
    use hyper::header::{HeaderMap, HeaderValue, CONTENT_TYPE, ETAG};
    let mut sent = HeaderMap::new();
    sent.insert(ETAG, HeaderValue::from_str("\"abc123\"").unwrap());
    sent.insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
    let mut secret = HeaderValue::from_static("s3cret");
    secret.set_sensitive(true);
    sent.insert("x-kept-secret", secret);
    sent.append("x-kept-twice", HeaderValue::from_static("one"));
    sent.append("x-kept-twice", HeaderValue::from_static("two"));
    let answer = Answer::new(hyper::StatusCode::OK, &sent, b"{\"id\":\"x\"}");
    assert_eq!(answer.status, hyper::StatusCode::OK);
    assert_eq!(&answer.body[..], b"{\"id\":\"x\"}");
    let kept: Vec<_> =
        answer.headers.iter().map(|(n, v)| (n.as_str(), v.to_str().unwrap(), v.is_sensitive())).collect();
    assert_eq!(
        kept,
        [
            ("etag", "\"abc123\"", false),
            ("content-type", "application/json", false),
            ("x-kept-secret", "s3cret", true),
            ("x-kept-twice", "one", false),
            ("x-kept-twice", "two", false)
        ]
    );
    // One block: the values follow the body.
    let mut at = answer.body.as_ptr() as usize + answer.body.len();
    for (_, value) in &*answer.headers {
        assert_eq!(value.as_bytes().as_ptr() as usize, at, "each value follows the one before");
        at += value.len();
    }
}
