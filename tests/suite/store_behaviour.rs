//! One behaviour suite for every store backend: the same calls, the same answers.
//! A new backend joins with a constructor below and a `suite_for!` line.

use std::collections::BTreeMap;
use std::sync::Arc;

use crate::helpers::{cause, Backend};

use mm_sessions::domain::{now_millis, AccessToken, Id, NewUser, Session, SessionId, Token, User};
use mm_sessions::store::{
    memory::MemoryStore, postgres::PostgresStore, sqlite::SqliteStore, Maintenance, RolesSet, SessionStore, StoreError,
    Stores, Unique, UserStore,
};

fn user(name: &str) -> User {
    NewUser { username: name.into(), email: format!("{name}@example.com"), roles: vec![] }
        .validate(Id::generate(), now_millis())
        .unwrap()
}

fn session(user: &User, last_activity_at: i64) -> (Token, Session) {
    let token = Token::generate();
    let session = Session {
        id: SessionId::generate(),
        token_hash: token.hash(),
        user_id: user.id.clone(),
        create_at: 1,
        expires_at: 0,
        last_activity_at,
        device_id: "device".into(),
        roles: "system_user".into(),
        is_oauth: false,
        expired_notify: true,
        local: false,
        props: BTreeMap::from([("os".to_string(), "Linux".to_string())]).into(),
    };
    (token, session)
}

async fn users_are_unique_and_found(store: Stores) {
    let alice = user("alice");
    store.users.create_user(&alice).await.unwrap();
    assert_eq!(store.users.user_by_id(&alice.id).await.unwrap(), Some(alice.clone()));
    assert_eq!(store.users.user_by_username("alice").await.unwrap(), Some(alice.clone()));
    assert_eq!(store.users.user_by_username("bob").await.unwrap(), None);
    let mut same_name = user("alice");
    same_name.email = "other@example.com".into();
    // Every backend names the same field for the same clash.
    assert!(matches!(store.users.create_user(&same_name).await, Err(StoreError::Conflict(Unique::Username))));
    let mut same_email = user("other");
    same_email.email = alice.email.clone();
    assert!(matches!(store.users.create_user(&same_email).await, Err(StoreError::Conflict(Unique::Email))));
    let mut same_id = user("carol");
    same_id.id = alice.id.clone();
    assert!(matches!(store.users.create_user(&same_id).await, Err(StoreError::Conflict(Unique::UserId))));
    store.users.create_user(&user("bob")).await.unwrap();
    let names: Vec<String> = store.users.list_users().await.unwrap().into_iter().map(|u| u.username).collect();
    assert_eq!(names, ["alice", "bob"]);
}

async fn sessions_round_trip(store: Stores) {
    let alice = user("alice");
    store.users.create_user(&alice).await.unwrap();
    let (token, s) = session(&alice, 10);
    store.sessions.create_session(&s, 500, &cause()).await.unwrap();
    assert_eq!(store.sessions.session_by_token(&token.hash()).await.unwrap(), Some(s.clone()));
    assert_eq!(store.sessions.session_by_id(&s.id).await.unwrap(), Some(s.clone()));
    assert_eq!(store.sessions.session_by_token(&Token::generate().hash()).await.unwrap(), None);
    assert_eq!(
        store.sessions.session_by_id(&SessionId::parse("nosuchsessionnosuchsession").unwrap()).await.unwrap(),
        None
    );
    store.sessions.touch_session(&s.id, 99).await.unwrap();
    assert_eq!(store.sessions.session_by_id(&s.id).await.unwrap().unwrap().last_activity_at, 99);
    store.sessions.touch_session(&SessionId::parse("nosuchsessionnosuchsession").unwrap(), 5).await.unwrap();
    let same_id = session(&alice, 1).1;
    let same_id = Session { id: s.id.clone(), ..same_id };
    assert!(matches!(
        store.sessions.create_session(&same_id, 500, &cause()).await,
        Err(StoreError::Conflict(Unique::SessionId))
    ));
    let same_token = Session { id: SessionId::generate(), ..s.clone() };
    assert!(matches!(
        store.sessions.create_session(&same_token, 500, &cause()).await,
        Err(StoreError::Conflict(Unique::TokenHash))
    ));
}

/// The session and its user read together (PostgreSQL: one statement) are the ones read apart,
/// the user's current row included: a role change shows in both at once. Returns the user the
/// store read with the session, if it did.
async fn session_with_its_current_user(store: &Stores) -> Option<User> {
    let alice = user("alice");
    store.users.create_user(&alice).await.unwrap();
    let (token, s) = session(&alice, 10);
    store.sessions.create_session(&s, 500, &cause()).await.unwrap();
    store.users.set_roles(&alice.id, "system_user system_admin", 20, &cause()).await.unwrap();
    let (found, with) = store.sessions.session_and_user_by_token(&token.hash()).await.unwrap().unwrap();
    assert_eq!(Some(found), store.sessions.session_by_token(&token.hash()).await.unwrap());
    if let Some(with) = &with {
        assert_eq!(Some(with.clone()), store.users.user_by_id(&alice.id).await.unwrap());
        assert_eq!(with.roles, "system_user system_admin");
    }
    assert_eq!(store.sessions.session_and_user_by_token(&Token::generate().hash()).await.unwrap(), None);
    with
}

async fn a_session_comes_with_its_current_user(store: Stores) {
    session_with_its_current_user(&store).await;
}

/// On SQLite too, in one statement; and through the session cache in front of it (its hits:
/// `src/store/cached/`).
#[tokio::test]
async fn sqlite_and_its_cache_read_the_session_and_its_user_together() {
    let dir = tempfile::tempdir().unwrap();
    let backend = Stores::of(Arc::new(SqliteStore::open(&dir.path().join("s.db")).unwrap()));
    assert!(session_with_its_current_user(&backend).await.is_some(), "SQLite reads the user with the session");
    let dir = tempfile::tempdir().unwrap();
    let backend = Stores::of(Arc::new(SqliteStore::open(&dir.path().join("s.db")).unwrap()));
    let cached = backend.cached(Default::default(), Arc::new(mm_sessions::metrics::Metrics::default()));
    assert!(session_with_its_current_user(&cached).await.is_some(), "a miss reads the user with the session");
}

/// On PostgreSQL the user really comes with the session (one statement), also through the
/// metered stores the server runs on.
#[tokio::test]
async fn postgres_reads_the_session_and_its_user_together() {
    let schema = crate::pg::schema().await;
    let backend = Stores::of(Arc::new(PostgresStore::connect(&schema.url).await.expect("PostgreSQL store connects")));
    let store = backend.metered(Arc::new(mm_sessions::metrics::Metrics::default()));
    assert!(session_with_its_current_user(&store).await.is_some(), "PostgreSQL reads the user with the session");
}

/// The session with its user and their sessions (PostgreSQL: one statement) are the ones read
/// apart: the list as `sessions_for_user` gives it, another user's sessions left out. Returns
/// whether the store read the list with the session.
async fn session_with_its_users_sessions(store: &Stores) -> bool {
    let (alice, bob) = (user("alice"), user("bob"));
    store.users.create_user(&alice).await.unwrap();
    store.users.create_user(&bob).await.unwrap();
    let (token, s) = session(&alice, 10);
    store.sessions.create_session(&s, 500, &cause()).await.unwrap();
    for at in [5, 30, 30] {
        store.sessions.create_session(&session(&alice, at).1, 500, &cause()).await.unwrap();
    }
    store.sessions.create_session(&session(&bob, 100).1, 500, &cause()).await.unwrap();
    store.users.set_roles(&alice.id, "system_user system_admin", 20, &cause()).await.unwrap();
    let (found, with, list) = store.sessions.session_user_and_sessions_by_token(&token.hash()).await.unwrap().unwrap();
    assert_eq!(Some(found), store.sessions.session_by_token(&token.hash()).await.unwrap());
    if let Some(with) = &with {
        assert_eq!(Some(with.clone()), store.users.user_by_id(&alice.id).await.unwrap());
    }
    if let Some(list) = &list {
        assert_eq!(*list, store.sessions.sessions_for_user(&alice.id).await.unwrap(), "the same list, in its order");
        assert_eq!(list.len(), 4);
    }
    assert_eq!(store.sessions.session_user_and_sessions_by_token(&Token::generate().hash()).await.unwrap(), None);
    list.is_some()
}

async fn a_session_comes_with_its_users_sessions(store: Stores) {
    session_with_its_users_sessions(&store).await;
}

/// On SQLite `GET /users/me/sessions` needs one statement too; through the session cache, one
/// lookup on a hit.
#[tokio::test]
async fn sqlite_and_its_cache_read_the_session_its_user_and_their_sessions_together() {
    let dir = tempfile::tempdir().unwrap();
    let backend = Stores::of(Arc::new(SqliteStore::open(&dir.path().join("s.db")).unwrap()));
    assert!(session_with_its_users_sessions(&backend).await, "SQLite reads the list with the session");
    let dir = tempfile::tempdir().unwrap();
    let backend = Stores::of(Arc::new(SqliteStore::open(&dir.path().join("s.db")).unwrap()));
    let cached = backend.cached(Default::default(), Arc::new(mm_sessions::metrics::Metrics::default()));
    assert!(session_with_its_users_sessions(&cached).await, "a miss reads the list with the session");
}

/// On PostgreSQL `GET /users/me/sessions` needs one statement, also through the metered stores.
#[tokio::test]
async fn postgres_reads_the_session_its_user_and_their_sessions_together() {
    let schema = crate::pg::schema().await;
    let backend = Stores::of(Arc::new(PostgresStore::connect(&schema.url).await.expect("PostgreSQL store connects")));
    let store = backend.metered(Arc::new(mm_sessions::metrics::Metrics::default()));
    assert!(session_with_its_users_sessions(&store).await, "PostgreSQL reads the list with the session");
}

async fn listing_is_per_user_newest_first(store: Stores) {
    let (alice, bob) = (user("alice"), user("bob"));
    store.users.create_user(&alice).await.unwrap();
    store.users.create_user(&bob).await.unwrap();
    for at in [5, 30, 10] {
        store.sessions.create_session(&session(&alice, at).1, 500, &cause()).await.unwrap();
    }
    store.sessions.create_session(&session(&bob, 100).1, 500, &cause()).await.unwrap();
    let order: Vec<i64> =
        store.sessions.sessions_for_user(&alice.id).await.unwrap().iter().map(|s| s.last_activity_at).collect();
    assert_eq!(order, [30, 10, 5]);
    assert!(store
        .sessions
        .sessions_for_user(&Id::parse("nobodynobodynobodynobodyno").unwrap())
        .await
        .unwrap()
        .is_empty());
}

async fn deletes_remove_exactly_what_they_name(store: Stores) {
    let (alice, bob) = (user("alice"), user("bob"));
    store.users.create_user(&alice).await.unwrap();
    store.users.create_user(&bob).await.unwrap();
    let (t1, s1) = session(&alice, 1);
    let (_, s2) = session(&alice, 2);
    let (tb, sb) = session(&bob, 3);
    for s in [&s1, &s2, &sb] {
        store.sessions.create_session(s, 500, &cause()).await.unwrap();
    }
    // Deleting as another user's session finds nothing and leaves it; as its user, deletes it.
    assert!(!store.sessions.delete_user_session(&bob.id, &s1.id, &cause()).await.unwrap());
    assert!(store.sessions.session_by_id(&s1.id).await.unwrap().is_some());
    assert!(store.sessions.delete_user_session(&alice.id, &s1.id, &cause()).await.unwrap());
    assert!(store.sessions.session_by_id(&s1.id).await.unwrap().is_none());
    store.sessions.create_session(&s1, 500, &cause()).await.unwrap();
    assert!(store.sessions.delete_session(&s1.id, &cause()).await.unwrap());
    assert!(!store.sessions.delete_session(&s1.id, &cause()).await.unwrap(), "second delete finds nothing");
    assert_eq!(store.sessions.session_by_token(&t1.hash()).await.unwrap(), None, "the token no longer resolves");
    store.sessions.create_session(&session(&alice, 4).1, 500, &cause()).await.unwrap();
    assert_eq!(store.sessions.delete_sessions_for_user(&alice.id, None, &cause()).await.unwrap(), 2);
    assert!(store.sessions.sessions_for_user(&alice.id).await.unwrap().is_empty());
    assert_eq!(store.sessions.session_by_token(&tb.hash()).await.unwrap(), Some(sb), "bob untouched");
    assert_eq!(store.sessions.delete_sessions_for_user(&alice.id, None, &cause()).await.unwrap(), 0);
}

async fn a_session_needs_its_user_and_a_unique_token(store: Stores) {
    let alice = user("alice");
    assert!(store.sessions.create_session(&session(&alice, 1).1, 500, &cause()).await.is_err(), "no such user yet");
    store.users.create_user(&alice).await.unwrap();
    let (_, s) = session(&alice, 1);
    store.sessions.create_session(&s, 500, &cause()).await.unwrap();
    let mut same_token = session(&alice, 2).1;
    same_token.token_hash = s.token_hash;
    assert!(store.sessions.create_session(&same_token, 500, &cause()).await.is_err());
}

async fn the_cap_evicts_the_least_recently_used_others(store: Stores) {
    let alice = user("alice");
    let bob = user("bob");
    store.users.create_user(&alice).await.unwrap();
    store.users.create_user(&bob).await.unwrap();
    store.sessions.create_session(&session(&bob, 1).1, 3, &cause()).await.unwrap();
    let mut ids = Vec::new();
    for at in [50, 10, 40] {
        let (_, s) = session(&alice, at);
        assert_eq!(store.sessions.create_session(&s, 3, &cause()).await.unwrap(), 0, "under the cap");
        ids.push(s.id);
    }
    // A fourth session: the one used least recently (at=10) goes, even though the new one is
    // listed as older (at=5): the new session is never the one evicted.
    let (token, newest) = session(&alice, 5);
    assert_eq!(store.sessions.create_session(&newest, 3, &cause()).await.unwrap(), 1);
    let left: Vec<i64> =
        store.sessions.sessions_for_user(&alice.id).await.unwrap().iter().map(|s| s.last_activity_at).collect();
    assert_eq!(left, [50, 40, 5]);
    assert!(store.sessions.session_by_id(&ids[1]).await.unwrap().is_none());
    assert!(store.sessions.session_by_token(&token.hash()).await.unwrap().is_some());
    assert_eq!(store.sessions.sessions_for_user(&bob.id).await.unwrap().len(), 1, "other users are not counted");
}

async fn expired_sessions_are_purged_in_bounded_batches(store: Stores) {
    let alice = user("alice");
    store.users.create_user(&alice).await.unwrap();
    let now = now_millis();
    for i in 0..5 {
        let (_, mut s) = session(&alice, i);
        s.expires_at = now - 1000 - i;
        store.sessions.create_session(&s, 500, &cause()).await.unwrap();
    }
    let (_, mut live) = session(&alice, 9);
    live.expires_at = now + 60_000;
    store.sessions.create_session(&live, 500, &cause()).await.unwrap();
    let (_, forever) = session(&alice, 8); // expires_at 0: never expires
    store.sessions.create_session(&forever, 500, &cause()).await.unwrap();
    assert_eq!(store.sessions.delete_expired(now, 2).await.unwrap(), 2, "a batch never exceeds its limit");
    assert_eq!(store.sessions.delete_expired(now, 100).await.unwrap(), 3);
    assert_eq!(store.sessions.delete_expired(now, 100).await.unwrap(), 0);
    let left: Vec<_> = store.sessions.sessions_for_user(&alice.id).await.unwrap().into_iter().map(|s| s.id).collect();
    assert_eq!(left, [live.id, forever.id]);
}

async fn users_are_found_by_email_and_updated(store: Stores) {
    let mut alice = user("alice");
    store.users.create_user(&alice).await.unwrap();
    assert_eq!(store.users.user_by_email("alice@example.com").await.unwrap(), Some(alice.clone()));
    alice.password_hash = Some("$argon2id$stub".into());
    alice.update_at += 5;
    alice.last_password_update = alice.update_at;
    assert!(store.users.set_password_hash(&alice.id, "$argon2id$stub", alice.update_at).await.unwrap());
    assert_eq!(store.users.user_by_id(&alice.id).await.unwrap(), Some(alice.clone()));
    alice.roles = "system_user system_admin".into();
    alice.update_at += 5;
    assert_eq!(
        store.users.set_roles(&alice.id, &alice.roles, alice.update_at, &cause()).await.unwrap(),
        RolesSet::Set(0)
    );
    assert_eq!(store.users.user_by_id(&alice.id).await.unwrap(), Some(alice));
    let ghost = user("ghost");
    assert!(!store.users.set_password_hash(&ghost.id, "$argon2id$stub", 1).await.unwrap());
    assert_eq!(store.users.set_roles(&ghost.id, "system_user", 1, &cause()).await.unwrap(), RolesSet::NoSuchUser);
    store.maintenance.ping().await.unwrap();
}

async fn roles_reach_every_session_of_the_user(store: Stores) {
    let (alice, bob) = (user("alice"), user("bob"));
    store.users.create_user(&alice).await.unwrap();
    store.users.create_user(&bob).await.unwrap();
    let (alice_token, first) = session(&alice, 1);
    for s in [&first, &session(&alice, 2).1, &session(&bob, 3).1] {
        store.sessions.create_session(s, 500, &cause()).await.unwrap();
    }
    assert_eq!(
        store.users.set_roles(&alice.id, "system_user system_admin", 9, &cause()).await.unwrap(),
        RolesSet::Set(2)
    );
    for s in store.sessions.sessions_for_user(&alice.id).await.unwrap() {
        assert_eq!(s.roles, "system_user system_admin", "every session of alice");
    }
    let by_token = store.sessions.session_by_token(&alice_token.hash()).await.unwrap().unwrap();
    assert_eq!(by_token.roles, "system_user system_admin");
    assert_eq!(store.sessions.sessions_for_user(&bob.id).await.unwrap()[0].roles, "system_user", "only alice's");
    assert_eq!(store.users.user_by_id(&alice.id).await.unwrap().unwrap().roles, "system_user system_admin");
}

async fn deactivation_takes_every_session_and_bars_new_ones(store: Stores) {
    let (alice, bob) = (user("alice"), user("bob"));
    store.users.create_user(&alice).await.unwrap();
    store.users.create_user(&bob).await.unwrap();
    for at in [1, 2] {
        store.sessions.create_session(&session(&alice, at).1, 500, &cause()).await.unwrap();
    }
    store.sessions.create_session(&session(&bob, 3).1, 500, &cause()).await.unwrap();
    assert_eq!(store.users.deactivate_user(&alice.id, 77, &cause()).await.unwrap(), Some(2));
    assert!(store.sessions.sessions_for_user(&alice.id).await.unwrap().is_empty());
    assert_eq!(store.sessions.sessions_for_user(&bob.id).await.unwrap().len(), 1, "only alice's");
    assert_eq!(store.users.user_by_id(&alice.id).await.unwrap().unwrap().delete_at, 77);
    assert!(matches!(
        store.sessions.create_session(&session(&alice, 4).1, 500, &cause()).await,
        Err(StoreError::UserInactive)
    ));
    // A password saved later (from a copy read before) does not undo the deactivation.
    assert!(store.users.set_password_hash(&alice.id, "$argon2id$stub", 80).await.unwrap());
    assert_eq!(store.users.user_by_id(&alice.id).await.unwrap().unwrap().delete_at, 77);
    assert!(store.users.reactivate_user(&alice.id, 78).await.unwrap());
    assert_eq!(store.users.user_by_id(&alice.id).await.unwrap().unwrap().delete_at, 0);
    store.sessions.create_session(&session(&alice, 5).1, 500, &cause()).await.unwrap();
    assert_eq!(store.users.deactivate_user(&user("ghost").id, 1, &cause()).await.unwrap(), None);
    assert!(!store.users.reactivate_user(&user("ghost").id, 1).await.unwrap());
}

async fn lifecycle_writes_touch_only_what_they_name(store: Stores) {
    let (alice, bob) = (user("alice"), user("bob"));
    store.users.create_user(&alice).await.unwrap();
    store.users.create_user(&bob).await.unwrap();
    let (_, keep) = session(&alice, 1);
    let (_, other) = session(&alice, 2);
    let (_, bobs) = session(&bob, 3);
    for s in [&keep, &other, &bobs] {
        store.sessions.create_session(s, 500, &cause()).await.unwrap();
    }
    // The fixture's sessions all have device "device".
    assert_eq!(store.sessions.delete_device_sessions(&alice.id, "device", Some(&keep.id), &cause()).await.unwrap(), 1);
    assert_eq!(
        store.sessions.delete_device_sessions(&alice.id, "other-device", Some(&keep.id), &cause()).await.unwrap(),
        0
    );
    store.sessions.attach_device(&keep.id, "phone", 999).await.unwrap();
    store.sessions.set_session_expiry(&bobs.id, 555).await.unwrap();
    let kept = store.sessions.session_by_id(&keep.id).await.unwrap().unwrap();
    assert_eq!((kept.device_id.as_str(), kept.expires_at), ("phone", 999));
    assert_eq!(store.sessions.session_by_id(&bobs.id).await.unwrap().unwrap().expires_at, 555);
    store.sessions.create_session(&session(&alice, 4).1, 500, &cause()).await.unwrap();
    assert_eq!(store.sessions.delete_sessions_for_user(&alice.id, Some(&keep.id), &cause()).await.unwrap(), 1);
    assert_eq!(store.sessions.sessions_for_user(&alice.id).await.unwrap().len(), 1);
    assert_eq!(store.sessions.delete_all_sessions(&cause()).await.unwrap(), 2);
    assert_eq!(store.sessions.count_active_sessions(0).await.unwrap(), 0);
}

async fn import_is_all_or_nothing(store: Stores) {
    let (alice, bob) = (user("alice"), user("bob"));
    let (alice_token, a1) = session(&alice, 10);
    let (_, a2) = session(&alice, 20);
    let (bob_token, b1) = session(&bob, 30);
    store.maintenance.import(&[alice.clone(), bob.clone()], &[a1.clone(), a2.clone(), b1.clone()]).await.unwrap();
    assert_eq!(store.users.user_by_username("bob").await.unwrap(), Some(bob.clone()));
    assert_eq!(store.sessions.session_by_token(&alice_token.hash()).await.unwrap(), Some(a1.clone()));
    assert_eq!(store.sessions.session_by_token(&bob_token.hash()).await.unwrap(), Some(b1.clone()));
    let listed: Vec<_> = store.sessions.sessions_for_user(&alice.id).await.unwrap().into_iter().map(|s| s.id).collect();
    assert_eq!(listed, [a2.id.clone(), a1.id.clone()]);

    // A batch with one conflicting session (a1 again) stores none of it, not even the new user.
    let carol = user("carol");
    let (carol_token, c1) = session(&carol, 40);
    assert!(store.maintenance.import(std::slice::from_ref(&carol), &[c1, a1]).await.is_err());
    assert_eq!(store.users.user_by_id(&carol.id).await.unwrap(), None);
    assert_eq!(store.sessions.session_by_token(&carol_token.hash()).await.unwrap(), None);
    assert_eq!(store.sessions.sessions_for_user(&alice.id).await.unwrap().len(), 2);
    // So does a batch with a taken username.
    assert!(matches!(store.maintenance.import(&[user("bob")], &[]).await, Err(StoreError::Conflict(_))));
    assert_eq!(store.users.list_users().await.unwrap().len(), 2);
}

async fn concurrent_writes_fail_alone(store: Stores) {
    let alice = user("alice");
    store.users.create_user(&alice).await.unwrap();
    let (_, taken) = session(&alice, 1);
    store.sessions.create_session(&taken, 500, &cause()).await.unwrap();
    // Forty new sessions and one reusing a taken id, all at once: on SQLite they share commits,
    // and the one that fails must take nothing else down with it.
    let mut writes = tokio::task::JoinSet::new();
    let mut fresh = Vec::new();
    for i in 0..40 {
        let (_, s) = session(&alice, 100 + i);
        fresh.push(s.id.clone());
        let store = store.clone();
        writes.spawn(async move { (true, store.sessions.create_session(&s, 500, &cause()).await) });
    }
    let (_, mut clash) = session(&alice, 5);
    clash.id = taken.id.clone();
    let clash_store = store.clone();
    writes.spawn(async move { (false, clash_store.sessions.create_session(&clash, 500, &cause()).await) });
    while let Some(joined) = writes.join_next().await {
        match joined.unwrap() {
            (true, result) => assert_eq!(result.unwrap(), 0),
            (false, result) => assert!(matches!(result, Err(StoreError::Conflict(_))), "{result:?}"),
        }
    }
    let stored: Vec<_> = store.sessions.sessions_for_user(&alice.id).await.unwrap().into_iter().map(|s| s.id).collect();
    assert_eq!(stored.len(), 41);
    assert!(fresh.iter().all(|id| stored.contains(id)));
    assert_eq!(store.sessions.session_by_id(&taken.id).await.unwrap().map(|s| s.last_activity_at), Some(1));
}

/// Runs a suite function on a fresh store of `backend`, kept alive (its folder or schema) until
/// the function returns.
async fn on_store<F, Fut>(backend: Backend, test: F)
where
    F: FnOnce(Stores) -> Fut,
    Fut: std::future::Future<Output = ()>,
{
    match backend {
        Backend::Memory => test(Stores::of(Arc::new(MemoryStore::new()))).await,
        Backend::Sqlite => {
            let dir = tempfile::tempdir().unwrap();
            test(Stores::of(Arc::new(SqliteStore::open(&dir.path().join("s.db")).unwrap()))).await;
        }
        Backend::Postgres => {
            let schema = crate::pg::schema().await;
            test(Stores::of(Arc::new(PostgresStore::connect(&schema.url).await.expect("PostgreSQL store connects"))))
                .await;
        }
    }
}

async fn tokens_round_trip_and_take_their_sessions_with_them(store: Stores) {
    let (alice, bob) = (user("alice"), user("bob"));
    store.users.create_user(&alice).await.unwrap();
    store.users.create_user(&bob).await.unwrap();
    let (secret, token) = AccessToken::issue(alice.id.clone(), "ci".into(), 0);
    store.tokens.create_token(&token).await.unwrap();
    let (_, bobs) = AccessToken::issue(bob.id.clone(), "bob's".into(), 77);
    store.tokens.create_token(&bobs).await.unwrap();
    let (_, same_id) = AccessToken::issue(alice.id.clone(), "again".into(), 0);
    let same_id = AccessToken { id: token.id.clone(), ..same_id };
    assert!(matches!(store.tokens.create_token(&same_id).await, Err(StoreError::Conflict(Unique::AccessTokenId))));
    let same_secret = AccessToken { id: mm_sessions::domain::TokenId::generate(), ..token.clone() };
    assert!(matches!(
        store.tokens.create_token(&same_secret).await,
        Err(StoreError::Conflict(Unique::AccessTokenHash))
    ));
    assert_eq!(store.tokens.token_by_id(&token.id).await.unwrap(), Some(token.clone()));
    assert_eq!(store.tokens.token_by_hash(&secret.hash()).await.unwrap(), Some(token.clone()));
    assert_eq!(store.tokens.tokens_for_user(&alice.id, 0, 10).await.unwrap(), std::slice::from_ref(&token));
    assert_eq!(store.tokens.all_tokens(0, 10).await.unwrap().len(), 2);
    assert_eq!(store.tokens.all_tokens(1, 10).await.unwrap().len(), 1);
    assert_eq!(store.tokens.search_tokens("bob").await.unwrap(), std::slice::from_ref(&bobs));
    assert_eq!(store.tokens.search_tokens(alice.id.as_str()).await.unwrap(), std::slice::from_ref(&token));
    assert_eq!(store.tokens.search_tokens(token.id.as_str()).await.unwrap(), std::slice::from_ref(&token));
    assert!(store.tokens.search_tokens("bo").await.unwrap().is_empty());

    // The session it opens carries its hash; one only.
    let opened = Session::for_access_token(&alice, &token, 5);
    assert_eq!(store.tokens.create_token_session(&token, &opened, 500, &cause()).await.unwrap(), Some(0));
    let again = Session::for_access_token(&alice, &token, 6);
    assert!(matches!(
        store.tokens.create_token_session(&token, &again, 500, &cause()).await,
        Err(StoreError::Conflict(Unique::TokenHash))
    ));
    assert_eq!(store.sessions.session_by_token(&secret.hash()).await.unwrap().map(|s| s.id), Some(opened.id.clone()));
    // Disabled: its session goes, and none opens until it is enabled.
    assert_eq!(store.tokens.set_token_active(&token, false, &cause()).await.unwrap(), Some(1));
    assert!(store.sessions.session_by_token(&secret.hash()).await.unwrap().is_none());
    assert!(!store.tokens.token_by_id(&token.id).await.unwrap().unwrap().is_active);
    assert_eq!(store.tokens.create_token_session(&token, &again, 500, &cause()).await.unwrap(), None);
    assert_eq!(store.tokens.set_token_active(&token, true, &cause()).await.unwrap(), Some(0));
    assert_eq!(store.tokens.create_token_session(&token, &again, 500, &cause()).await.unwrap(), Some(0));
    // Deleted: with its session.
    assert_eq!(store.tokens.delete_token(&token, &cause()).await.unwrap(), Some(1));
    assert!(store.sessions.session_by_token(&secret.hash()).await.unwrap().is_none());
    assert_eq!(store.tokens.delete_token(&token, &cause()).await.unwrap(), None);
    assert_eq!(store.tokens.set_token_active(&token, true, &cause()).await.unwrap(), None);
    assert_eq!(
        store
            .tokens
            .create_token_session(&token, &Session::for_access_token(&alice, &token, 7), 500, &cause())
            .await
            .unwrap(),
        None
    );
    assert_eq!(store.tokens.token_by_id(&bobs.id).await.unwrap(), Some(bobs), "only alice's went");
}

async fn the_last_active_admin_keeps_the_role(store: Stores) {
    let mut admin = user("admin");
    admin.roles = "system_user system_admin".into();
    let mut deactivated = user("gone");
    deactivated.roles = "system_user system_admin".into();
    store.users.create_user(&admin).await.unwrap();
    store.users.create_user(&deactivated).await.unwrap();
    store.users.deactivate_user(&deactivated.id, 5, &cause()).await.unwrap();
    // A deactivated admin does not count.
    assert_eq!(store.users.set_roles(&admin.id, "system_user", 9, &cause()).await.unwrap(), RolesSet::LastAdmin);
    assert_eq!(store.users.user_by_id(&admin.id).await.unwrap().unwrap().roles, "system_user system_admin");
    assert_eq!(
        store.users.set_roles(&admin.id, "system_admin system_user", 9, &cause()).await.unwrap(),
        RolesSet::Set(0)
    );
    let mut other = user("other");
    other.roles = "system_user system_admin".into();
    store.users.create_user(&other).await.unwrap();
    assert_eq!(store.users.set_roles(&admin.id, "system_user", 9, &cause()).await.unwrap(), RolesSet::Set(0));
    assert_eq!(store.users.set_roles(&other.id, "", 9, &cause()).await.unwrap(), RolesSet::LastAdmin);
}

/// The second factor's writes: a secret only while MFA is off, a step accepted once, the
/// activation only with the secret it was checked against, and off forgets the secret.
async fn mfa_steps_are_accepted_once_and_secrets_change_only_while_off(store: Stores) {
    use mm_sessions::store::{MfaState, MfaWrite};

    let alice = user("alice");
    let nobody = Id::generate();
    store.users.create_user(&alice).await.unwrap();
    let state =
        |active: bool, secret: &str, failed_attempts: u32| MfaState { active, secret: secret.into(), failed_attempts };
    assert_eq!(store.mfa.mfa_state(&alice.id).await.unwrap(), Some(state(false, "", 0)));
    assert_eq!(store.mfa.mfa_state(&nobody).await.unwrap(), None);
    assert_eq!(store.mfa.set_mfa_secret(&nobody, "S", 2).await.unwrap(), MfaWrite::NoSuchUser);
    assert_eq!(store.mfa.set_mfa_secret(&alice.id, "OLD", 2).await.unwrap(), MfaWrite::Done);
    assert_eq!(store.mfa.set_mfa_secret(&alice.id, "NEW", 3).await.unwrap(), MfaWrite::Done);
    // A code checked against the old secret does not activate the new one.
    assert_eq!(store.mfa.activate_mfa(&alice.id, "OLD", 100, 99, 4, &cause()).await.unwrap(), MfaWrite::SecretChanged);
    assert_eq!(store.mfa.activate_mfa(&alice.id, "NEW", 100, 99, 4, &cause()).await.unwrap(), MfaWrite::Done);
    let stored = store.users.user_by_id(&alice.id).await.unwrap().unwrap();
    assert!(stored.mfa_active && stored.update_at == 4, "{stored:?}");
    assert_eq!(store.mfa.set_mfa_secret(&alice.id, "OTHER", 5).await.unwrap(), MfaWrite::Active);
    // Wrong codes count, atomically; a right one, or a new password, sets the count back.
    assert_eq!(store.mfa.record_failed_code(&alice.id).await.unwrap(), Some(1));
    assert_eq!(store.mfa.record_failed_code(&alice.id).await.unwrap(), Some(2));
    assert_eq!(store.mfa.record_failed_code(&nobody).await.unwrap(), None);
    assert_eq!(store.mfa.mfa_state(&alice.id).await.unwrap(), Some(state(true, "NEW", 2)));
    assert!(store.users.set_password_hash(&alice.id, "hash", 5).await.unwrap());
    assert_eq!(store.mfa.mfa_state(&alice.id).await.unwrap().unwrap().failed_attempts, 0);
    store.mfa.record_failed_code(&alice.id).await.unwrap();
    // Each step once; older steps forgotten as newer go in.
    assert_eq!(store.mfa.use_mfa_step(&alice.id, 100, 99).await.unwrap(), MfaWrite::Replayed);
    assert_eq!(store.mfa.use_mfa_step(&alice.id, 101, 99).await.unwrap(), MfaWrite::Done);
    assert_eq!(store.mfa.mfa_state(&alice.id).await.unwrap().unwrap().failed_attempts, 0, "a right code");
    assert_eq!(store.mfa.use_mfa_step(&alice.id, 101, 100).await.unwrap(), MfaWrite::Replayed);
    assert_eq!(
        store.mfa.use_mfa_step(&alice.id, 99, 101).await.unwrap(),
        MfaWrite::Done,
        "99 was forgotten: the caller keeps the window"
    );
    assert_eq!(store.mfa.use_mfa_step(&nobody, 1, 0).await.unwrap(), MfaWrite::NoSuchUser);
    // A turn-off that proved no code does nothing while MFA is active.
    assert_eq!(store.mfa.deactivate_mfa(&alice.id, 6, true, &cause()).await.unwrap(), MfaWrite::Active);
    assert!(store.users.user_by_id(&alice.id).await.unwrap().unwrap().mfa_active);
    store.mfa.record_failed_code(&alice.id).await.unwrap();
    assert_eq!(store.mfa.deactivate_mfa(&alice.id, 6, false, &cause()).await.unwrap(), MfaWrite::Done);
    assert_eq!(store.mfa.mfa_state(&alice.id).await.unwrap(), Some(state(false, "", 0)));
    assert_eq!(store.mfa.deactivate_mfa(&alice.id, 7, true, &cause()).await.unwrap(), MfaWrite::Done, "off already");
    assert!(!store.users.user_by_id(&alice.id).await.unwrap().unwrap().mfa_active);
    assert_eq!(store.mfa.deactivate_mfa(&nobody, 6, false, &cause()).await.unwrap(), MfaWrite::NoSuchUser);
    assert_eq!(store.mfa.deactivate_mfa(&nobody, 6, true, &cause()).await.unwrap(), MfaWrite::NoSuchUser);
    // The steps outlive the secret, as Mattermost's do.
    assert_eq!(store.mfa.use_mfa_step(&alice.id, 101, 99).await.unwrap(), MfaWrite::Replayed);
}

async fn sso_identities_are_unique_and_a_switch_ends_every_session(store: Stores) {
    let mut ada = user("ada");
    ada.auth_service = "openid".into();
    ada.auth_data = Some("sub-1".into());
    store.users.create_user(&ada).await.unwrap();
    assert_eq!(store.users.user_by_auth("openid", "sub-1").await.unwrap(), Some(ada.clone()));
    assert_eq!(store.users.user_by_auth("gitlab", "sub-1").await.unwrap(), None);
    let mut twin = user("twin");
    twin.auth_service = "openid".into();
    twin.auth_data = Some("sub-1".into());
    assert!(matches!(store.users.create_user(&twin).await, Err(StoreError::Conflict(Unique::SsoIdentity))));
    // Password users hold no identity: many of them, no clash.
    store.users.create_user(&user("p1")).await.unwrap();
    store.users.create_user(&user("p2")).await.unwrap();

    let mut grace = user("grace");
    grace.password_hash = Some("hash".into());
    store.users.create_user(&grace).await.unwrap();
    for last_activity_at in [1, 2] {
        store.sessions.create_session(&session(&grace, last_activity_at).1, 500, &cause()).await.unwrap();
    }
    let ada_session = session(&ada, 1).1;
    store.sessions.create_session(&ada_session, 500, &cause()).await.unwrap();
    assert!(matches!(
        store.users.set_auth(&grace.id, "openid", Some("sub-1"), 5, &cause()).await,
        Err(StoreError::Conflict(Unique::SsoIdentity))
    ));
    assert_eq!(store.sessions.sessions_for_user(&grace.id).await.unwrap().len(), 2, "a refused switch ends nothing");
    assert_eq!(store.users.set_auth(&grace.id, "gitlab", Some("42"), 5, &cause()).await.unwrap(), Some(2));
    let switched = store.users.user_by_id(&grace.id).await.unwrap().unwrap();
    assert_eq!((switched.auth_service.as_str(), switched.auth_data.as_deref()), ("gitlab", Some("42")));
    assert_eq!(switched.password_hash, None, "the old password signs in nowhere");
    assert_eq!(switched.update_at, 5);
    assert!(store.sessions.sessions_for_user(&grace.id).await.unwrap().is_empty());
    assert_eq!(store.sessions.session_by_id(&ada_session.id).await.unwrap(), Some(ada_session), "others untouched");
    // Back to a password.
    assert_eq!(store.users.set_auth(&grace.id, "", None, 6, &cause()).await.unwrap(), Some(0));
    assert_eq!(store.users.user_by_auth("gitlab", "42").await.unwrap(), None);
    assert_eq!(store.users.set_auth(&Id::generate(), "gitlab", Some("43"), 6, &cause()).await.unwrap(), None);
}

async fn sso_states_are_taken_once_and_expire(store: Stores) {
    let (a, b, c) = (Token::generate().hash(), Token::generate().hash(), Token::generate().hash());
    store.sso_states.put_sso_state(&a, 100, "{\"a\":1}").await.unwrap();
    store.sso_states.put_sso_state(&b, 100, "b").await.unwrap();
    store.sso_states.put_sso_state(&c, 50, "c").await.unwrap();
    assert_eq!(store.sso_states.take_sso_state(&a, 100).await.unwrap().as_deref(), Some("{\"a\":1}"));
    assert_eq!(store.sso_states.take_sso_state(&a, 100).await.unwrap(), None, "taken once");
    // Expired: nothing, and gone.
    assert_eq!(store.sso_states.take_sso_state(&c, 51).await.unwrap(), None);
    assert_eq!(store.sso_states.delete_expired_sso_states(101).await.unwrap(), 1, "b only: c went when taken");
    assert_eq!(store.sso_states.take_sso_state(&b, 0).await.unwrap(), None);
    // Two takers at once (two nodes): one gets it.
    store.sso_states.put_sso_state(&a, 100, "again").await.unwrap();
    let (x, y) = tokio::join!(store.sso_states.take_sso_state(&a, 1), store.sso_states.take_sso_state(&a, 1));
    assert_eq!([x.unwrap(), y.unwrap()].iter().flatten().count(), 1);
}

/// An endpoint for the outbox tests, wanting `types` (none: every type).
fn endpoint(types: &[&str]) -> mm_sessions::domain::Endpoint {
    let (endpoint, _) = mm_sessions::webhooks::endpoint::new_endpoint(
        &format!("https://hooks.example.com/{}", mm_sessions::domain::Id::generate().as_str()),
        types.iter().map(|t| t.to_string()).collect(),
        None,
        now_millis(),
    )
    .unwrap();
    endpoint
}

async fn events_fan_out_to_the_endpoints_that_want_them_in_the_writes_transaction(store: Stores) {
    let (every, revoked_only) = (endpoint(&[]), endpoint(&["session.revoked"]));
    store.webhooks.add_endpoint(&every).await.unwrap();
    store.webhooks.add_endpoint(&revoked_only).await.unwrap();
    let alice = user("alice");
    store.users.create_user(&alice).await.unwrap();
    let (_, s) = session(&alice, 10);
    store.sessions.create_session(&s, 500, &cause()).await.unwrap();
    assert!(store.sessions.delete_session(&s.id, &cause()).await.unwrap());
    let events = store.webhooks.events_since(0, 100).await.unwrap();
    let kinds: Vec<&str> = events.iter().map(|e| e.kind.as_str()).collect();
    assert_eq!(kinds, ["session.created", "session.revoked"]);
    assert_eq!(events[1].session_id, s.id.as_str());
    assert_eq!((events[1].device_id.as_str(), events[1].reason.as_str()), ("device", "test"));
    let pending = store.webhooks.pending_deliveries().await.unwrap();
    let count = |e: &mm_sessions::domain::Endpoint| pending.iter().find(|p| p.0 == e.id).map_or(0, |p| p.1);
    assert_eq!((count(&every), count(&revoked_only)), (2, 1));
    // A refused write (a session for a deactivated user) records nothing.
    store.users.deactivate_user(&alice.id, now_millis(), &cause()).await.unwrap();
    let before = store.webhooks.events_since(0, 100).await.unwrap().len();
    let (_, late) = session(&alice, 20);
    assert!(matches!(store.sessions.create_session(&late, 500, &cause()).await, Err(StoreError::UserInactive)));
    assert_eq!(store.webhooks.events_since(0, 100).await.unwrap().len(), before);
    // Deleting nothing records nothing.
    assert!(!store.sessions.delete_session(&s.id, &cause()).await.unwrap());
    assert_eq!(store.webhooks.events_since(0, 100).await.unwrap().len(), before);
}

async fn deliveries_are_claimed_once_oldest_first_per_user_and_settled(store: Stores) {
    let hook = endpoint(&[]);
    store.webhooks.add_endpoint(&hook).await.unwrap();
    let (alice, bob) = (user("alice"), user("bob"));
    store.users.create_user(&alice).await.unwrap();
    store.users.create_user(&bob).await.unwrap();
    for (who, at) in [(&alice, 1), (&bob, 2), (&alice, 3)] {
        let (_, s) = session(who, at);
        store.sessions.create_session(&s, 500, &cause()).await.unwrap();
    }
    let now = now_millis() + 1000;
    // One per user: alice's second waits for her first.
    let claimed = store.webhooks.claim_deliveries(now, now + 60_000, 10).await.unwrap();
    let users: Vec<&str> = claimed.iter().map(|d| d.event.user_id.as_str()).collect();
    assert_eq!(users, [alice.id.as_str(), bob.id.as_str()]);
    assert_eq!(claimed[0].endpoint.id, hook.id);
    assert_eq!(claimed[0].attempts, 0);
    // Leased: nobody else gets them, and alice's next is still not due.
    assert!(store.webhooks.claim_deliveries(now, now + 60_000, 10).await.unwrap().is_empty());
    // Bob's fails: tried again later, with the attempt counted and the endpoint failing.
    store.webhooks.delivery_failed(&hook.id, claimed[1].event.seq, now + 60_000, now, now + 5_000).await.unwrap();
    assert!(store.webhooks.claim_deliveries(now, now + 60_000, 10).await.unwrap().is_empty());
    let later = store.webhooks.claim_deliveries(now + 5_000, now + 65_000, 10).await.unwrap();
    assert_eq!((later.len(), later[0].attempts), (1, 1));
    // A worker that stalled past its lease cannot settle what another claimed since.
    store.webhooks.delivery_done(&hook.id, later[0].event.seq, now + 60_000).await.unwrap();
    assert_eq!(store.webhooks.pending_deliveries().await.unwrap()[0].1, 3, "still pending");
    assert_ne!(later[0].endpoint.failing_since, 0);
    // Alice's first delivered: her second is next, and the endpoint is well again.
    store.webhooks.delivery_done(&hook.id, claimed[0].event.seq, now + 60_000).await.unwrap();
    let next = store.webhooks.claim_deliveries(now, now + 60_000, 10).await.unwrap();
    assert_eq!(next.len(), 1);
    assert_eq!(next[0].event.user_id, alice.id.as_str());
    assert!(next[0].event.seq > claimed[0].event.seq);
    assert_eq!(next[0].endpoint.failing_since, 0);
    // A lease that ran out (a node that died mid-delivery) frees the delivery.
    let claimed_again = store.webhooks.claim_deliveries(now + 61_000, now + 120_000, 10).await.unwrap();
    assert_eq!(claimed_again.len(), 1, "alice's: its lease ran out; bob's is leased until now + 65 s");
}

async fn endpoints_disable_rotate_test_and_replay(store: Stores) {
    let hook = endpoint(&[]);
    store.webhooks.add_endpoint(&hook).await.unwrap();
    let alice = user("alice");
    store.users.create_user(&alice).await.unwrap();
    let (_, s) = session(&alice, 1);
    store.sessions.create_session(&s, 500, &cause()).await.unwrap();
    let now = now_millis() + 1000;
    // Disabled: nothing is claimed, the backlog is kept; enabled: it goes at once.
    assert!(store.webhooks.set_endpoint_enabled(&hook.id, false, "by a test").await.unwrap());
    let listed = store.webhooks.endpoints().await.unwrap();
    assert_eq!((listed[0].enabled, listed[0].state_reason.as_str()), (false, "by a test"));
    assert!(store.webhooks.claim_deliveries(now, now + 1, 10).await.unwrap().is_empty());
    assert!(store.webhooks.set_endpoint_enabled(&hook.id, true, "").await.unwrap());
    let claimed = store.webhooks.claim_deliveries(now, now + 1, 10).await.unwrap();
    assert_eq!(claimed.len(), 1);
    store.webhooks.delivery_done(&hook.id, claimed[0].event.seq, now + 1).await.unwrap();
    // A rotation keeps the previous secret for the overlap.
    assert!(store.webhooks.rotate_endpoint_secret(&hook.id, "whsec_new", now + 10).await.unwrap());
    let rotated = &store.webhooks.endpoints().await.unwrap()[0];
    assert_eq!((rotated.secret.as_str(), rotated.previous_secret.as_str()), ("whsec_new", hook.secret.as_str()));
    // A test event goes to that endpoint alone, whatever types it wants.
    let other = endpoint(&["session.revoked"]);
    store.webhooks.add_endpoint(&other).await.unwrap();
    assert!(store.webhooks.queue_test_event(&other.id, now).await.unwrap());
    let to_other = store.webhooks.claim_deliveries(now + 1, now + 2, 10).await.unwrap();
    assert_eq!((to_other.len(), &to_other[0].endpoint.id), (1, &other.id));
    store.webhooks.delivery_done(&other.id, to_other[0].event.seq, now + 2).await.unwrap();
    assert!(store.webhooks.queue_test_event(&hook.id, now).await.unwrap());
    assert!(!store.webhooks.queue_test_event(&mm_sessions::domain::Id::generate(), now).await.unwrap());
    let claimed = store.webhooks.claim_deliveries(now + 1, now + 2, 10).await.unwrap();
    assert_eq!(claimed.len(), 1);
    assert_eq!((claimed[0].event.kind.as_str(), &claimed[0].endpoint.id), ("webhook.test", &hook.id));
    store.webhooks.delivery_done(&hook.id, claimed[0].event.seq, now + 2).await.unwrap();
    // One URL, one endpoint.
    let twin = mm_sessions::domain::Endpoint { id: mm_sessions::domain::Id::generate(), ..hook.clone() };
    assert!(matches!(store.webhooks.add_endpoint(&twin).await, Err(StoreError::Conflict(Unique::EndpointUrl))));
    // Replay: the stored session events since a time, again, once each.
    assert_eq!(store.webhooks.replay_events(&hook.id, 0, now).await.unwrap(), 1);
    assert_eq!(store.webhooks.replay_events(&hook.id, 0, now).await.unwrap(), 0, "already pending");
    // The retention: old events go, with their pending deliveries.
    assert_eq!(store.webhooks.delete_events_before(now_millis() + 60_000, 1).await.unwrap(), 1, "one batch");
    assert_eq!(store.webhooks.delete_events_before(now_millis() + 60_000, 10).await.unwrap(), 2, "the two test events");
    assert!(store.webhooks.pending_deliveries().await.unwrap().is_empty());
}

async fn mfa_changes_and_sign_in_method_switches_record_their_events(store: Stores) {
    use mm_sessions::store::MfaWrite;
    let alice = user("alice");
    store.users.create_user(&alice).await.unwrap();
    let (_, s) = session(&alice, 1);
    store.sessions.create_session(&s, 500, &cause()).await.unwrap();
    let since = store.webhooks.events_since(0, 100).await.unwrap().last().unwrap().seq;
    assert_eq!(store.mfa.set_mfa_secret(&alice.id, "SECRET", 1).await.unwrap(), MfaWrite::Done);
    // Turning off a secret never activated changes nothing a receiver knows of.
    assert_eq!(store.mfa.deactivate_mfa(&alice.id, 2, false, &cause()).await.unwrap(), MfaWrite::Done);
    assert!(store.webhooks.events_since(since, 100).await.unwrap().is_empty());
    store.mfa.set_mfa_secret(&alice.id, "SECRET", 3).await.unwrap();
    assert_eq!(store.mfa.activate_mfa(&alice.id, "SECRET", 10, 9, 4, &cause()).await.unwrap(), MfaWrite::Done);
    assert_eq!(store.mfa.deactivate_mfa(&alice.id, 5, false, &cause()).await.unwrap(), MfaWrite::Done);
    store.users.set_auth(&alice.id, "gitlab", Some("42"), 6, &cause()).await.unwrap();
    let kinds: Vec<String> =
        store.webhooks.events_since(since, 100).await.unwrap().into_iter().map(|e| e.kind).collect();
    assert_eq!(kinds, ["user.mfa_changed", "user.mfa_changed", "session.revoked"]);
}

on_every_backend!(via on_store;
    events_fan_out_to_the_endpoints_that_want_them_in_the_writes_transaction,
    deliveries_are_claimed_once_oldest_first_per_user_and_settled,
    endpoints_disable_rotate_test_and_replay,
    mfa_changes_and_sign_in_method_switches_record_their_events,
    sso_identities_are_unique_and_a_switch_ends_every_session,
    sso_states_are_taken_once_and_expire,
    mfa_steps_are_accepted_once_and_secrets_change_only_while_off,
    users_are_unique_and_found,
    sessions_round_trip,
    a_session_comes_with_its_current_user,
    a_session_comes_with_its_users_sessions,
    listing_is_per_user_newest_first,
    deletes_remove_exactly_what_they_name,
    a_session_needs_its_user_and_a_unique_token,
    the_cap_evicts_the_least_recently_used_others,
    expired_sessions_are_purged_in_bounded_batches,
    users_are_found_by_email_and_updated,
    roles_reach_every_session_of_the_user,
    tokens_round_trip_and_take_their_sessions_with_them,
    the_last_active_admin_keeps_the_role,
    import_is_all_or_nothing,
    deactivation_takes_every_session_and_bars_new_ones,
    lifecycle_writes_touch_only_what_they_name,
    concurrent_writes_fail_alone,
);

#[tokio::test]
async fn sqlite_keeps_everything_across_reopen_and_migrates_once() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("s.db");
    let alice = user("alice");
    let (token, s) = session(&alice, 7);
    {
        let store = SqliteStore::open(&path).unwrap();
        store.create_user(&alice).await.unwrap();
        store.create_session(&s, 500, &cause()).await.unwrap();
    }
    let store = SqliteStore::open(&path).unwrap();
    assert_eq!(store.session_by_token(&token.hash()).await.unwrap(), Some(s));
    assert_eq!(store.user_by_id(&alice.id).await.unwrap(), Some(alice));
}

#[tokio::test]
async fn sqlite_closed_leaves_no_wal_behind() {
    // A store dropped after a large write has checkpointed and removed its WAL by the time the
    // drop returns: the next open must not start by reading through a big WAL.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("s.db");
    let users: Vec<User> = (0..2000).map(|i| user(&format!("user{i}"))).collect();
    let sessions: Vec<Session> = users.iter().flat_map(|u| (0..5).map(|i| session(u, i).1)).collect();
    let store = SqliteStore::open(&path).unwrap();
    store.import(&users, &sessions).await.unwrap();
    assert!(dir.path().join("s.db-wal").exists(), "the import went through the WAL");
    drop(store);
    assert!(!dir.path().join("s.db-wal").exists(), "WAL left behind after the store was dropped");
    let store = SqliteStore::open(&path).unwrap();
    assert_eq!(store.sessions_for_user(&users[1999].id).await.unwrap().len(), 5);
}

#[tokio::test]
async fn postgres_nodes_starting_at_once_migrate_exactly_once() {
    let schema = crate::pg::schema().await;
    let starts = (0..4).map(|_| PostgresStore::connect(&schema.url));
    let stores = futures_util::future::join_all(starts).await;
    assert!(stores.iter().all(Result::is_ok), "every node starts");
    let alice = user("alice");
    let store = stores.into_iter().next().unwrap().unwrap();
    store.create_user(&alice).await.unwrap();
    // A later start finds the schema current and keeps the data.
    let again = PostgresStore::connect(&schema.url).await.unwrap();
    assert_eq!(again.user_by_id(&alice.id).await.unwrap(), Some(alice));
}

/// A SQLite database as the previous release wrote it: its two migrations, a user, a session.
fn write_previous_release_sqlite(path: &std::path::Path, alice: &User, token_hash: &[u8]) {
    let c = rusqlite::Connection::open(path).unwrap();
    c.execute_batch(include_str!("../../src/store/sqlite/migrations/0001_users_and_sessions.sql")).unwrap();
    c.execute_batch(include_str!("../../src/store/sqlite/migrations/0002_user_passwords.sql")).unwrap();
    c.pragma_update(None, "user_version", 2).unwrap();
    c.execute(
        "INSERT INTO users (id, username, email, roles, create_at, update_at, password_hash) VALUES (?1, 'alice', 'alice@example.com', 'system_user', 1, 1, 'hash')",
        [alice.id.as_str()],
    )
    .unwrap();
    c.execute(
        "INSERT INTO sessions (id, token_hash, user_id, create_at, expires_at, last_activity_at, device_id, roles, is_oauth, expired_notify, local, props) VALUES (?1, ?2, ?3, 1, 0, 1, '', 'system_user', 0, 0, 0, '{}')",
        rusqlite::params![Id::generate().as_str(), token_hash, alice.id.as_str()],
    )
    .unwrap();
}

#[tokio::test]
async fn sqlite_written_by_the_previous_release_opens_with_everything_in_it() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("old.db");
    let alice = user("alice");
    let token = Token::generate();
    write_previous_release_sqlite(&path, &alice, &token.hash().0);
    let store = SqliteStore::open(&path).unwrap();
    let found = store.user_by_id(&alice.id).await.unwrap().expect("the user is still there");
    assert_eq!((found.username.as_str(), found.delete_at), ("alice", 0));
    assert!(store.session_by_token(&token.hash()).await.unwrap().is_some(), "the session is still there");
}

#[tokio::test]
async fn sqlite_newer_than_this_binary_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("new.db");
    drop(SqliteStore::open(&path).unwrap());
    rusqlite::Connection::open(&path).unwrap().pragma_update(None, "user_version", 99).unwrap();
    let error = SqliteStore::open(&path).err().expect("refused").to_string();
    assert!(error.contains("newer than this mm-sessions knows"), "{error}");
}

#[tokio::test]
async fn postgres_written_by_the_previous_release_opens_with_everything_in_it() {
    let schema = crate::pg::schema().await;
    let (client, connection) = tokio_postgres::connect(&schema.url, tokio_postgres::NoTls).await.unwrap();
    tokio::spawn(connection);
    let alice = user("alice");
    let token = Token::generate();
    client
        .batch_execute(&format!(
            "CREATE TABLE mm_sessions_migrations (version INTEGER PRIMARY KEY, applied_at TIMESTAMPTZ NOT NULL DEFAULT now()); \
             INSERT INTO mm_sessions_migrations (version) VALUES (1); {}",
            include_str!("../../src/store/postgres/migrations/0001_users_and_sessions.sql")
        ))
        .await
        .unwrap();
    client
        .execute(
            "INSERT INTO users (id, username, email, roles, create_at, update_at, password_hash) VALUES ($1, 'alice', 'alice@example.com', 'system_user', 1, 1, 'hash')",
            &[&alice.id.as_str()],
        )
        .await
        .unwrap();
    client
        .execute(
            "INSERT INTO sessions (id, token_hash, user_id, create_at, expires_at, last_activity_at, device_id, roles, is_oauth, expired_notify, local, props) VALUES ($1, $2, $3, 1, 0, 1, '', 'system_user', false, false, false, '{}')",
            &[&Id::generate().as_str(), &&token.hash().0[..], &alice.id.as_str()],
        )
        .await
        .unwrap();
    let store = PostgresStore::connect(&schema.url).await.unwrap();
    assert_eq!(store.user_by_id(&alice.id).await.unwrap().unwrap().delete_at, 0);
    assert!(store.session_by_token(&token.hash()).await.unwrap().is_some());
    // A node that does not know the schema's version refuses it.
    client.execute("INSERT INTO mm_sessions_migrations (version) VALUES (99)", &[]).await.unwrap();
    let error = PostgresStore::connect(&schema.url).await.err().expect("refused").to_string();
    assert!(error.contains("newer than this mm-sessions knows"), "{error}");
}

/// A script session as the admin CLI issued them before personal access tokens existed: its
/// type said `UserAccessToken`, with no token behind it.
const SCRIPT_PROPS: &str = r#"{"type":"UserAccessToken"}"#;

/// A SQLite database as the release before personal access tokens wrote it (migrations 1 to 5),
/// with a user and a CLI script session.
fn write_release_before_tokens(path: &std::path::Path, alice: &User, token_hash: &[u8]) {
    let c = rusqlite::Connection::open(path).unwrap();
    let migrations = [
        include_str!("../../src/store/sqlite/migrations/0001_users_and_sessions.sql"),
        include_str!("../../src/store/sqlite/migrations/0002_user_passwords.sql"),
        include_str!("../../src/store/sqlite/migrations/0003_user_deactivation.sql"),
        include_str!("../../src/store/sqlite/migrations/0004_audits.sql"),
        include_str!("../../src/store/sqlite/migrations/0005_change_counter.sql"),
    ];
    for sql in migrations {
        c.execute_batch(sql).unwrap();
    }
    c.pragma_update(None, "user_version", migrations.len() as i64).unwrap();
    c.execute(
        "INSERT INTO users (id, username, email, roles, create_at, update_at, password_hash, delete_at) \
         VALUES (?1, 'alice', 'alice@example.com', 'system_user', 1, 1, 'hash', 0)",
        [alice.id.as_str()],
    )
    .unwrap();
    c.execute(
        "INSERT INTO sessions (id, token_hash, user_id, create_at, expires_at, last_activity_at, device_id, roles, \
         is_oauth, expired_notify, local, props) VALUES (?1, ?2, ?3, 1, 0, 1, '', 'system_user', 0, 0, 0, ?4)",
        rusqlite::params![Id::generate().as_str(), token_hash, alice.id.as_str(), SCRIPT_PROPS],
    )
    .unwrap();
}

/// After the upgrade a CLI script session is an ordinary session: still there, still working
/// (with personal access tokens off, as by default), no longer claiming to be a token's.
async fn the_script_session_survives_the_upgrade(stores: Stores, token: &Token) {
    let session = stores.sessions.session_by_token(&token.hash()).await.unwrap().expect("the session is still there");
    assert!(!session.is_access_token(), "{:?}", session.props);
    let mfa = stores.mfa.mfa_state(&session.user_id).await.unwrap().expect("the user is still there");
    assert!(!mfa.active && mfa.secret.is_empty() && mfa.failed_attempts == 0, "out of the upgrade without MFA");
    let app = mm_sessions::app::build_service(
        stores,
        None,
        &[],
        &mm_sessions::config::SessionPolicy::default(),
        None,
        mm_sessions::domain::Clock::system(),
    );
    assert!(app.authenticate(token.expose()).await.is_ok(), "the script's token still authenticates");
}

#[tokio::test]
async fn sqlite_script_sessions_of_the_release_before_tokens_keep_working() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("old.db");
    let alice = user("alice");
    let token = Token::generate();
    write_release_before_tokens(&path, &alice, &token.hash().0);
    let store = Arc::new(SqliteStore::open(&path).unwrap());
    the_script_session_survives_the_upgrade(Stores::of(store), &token).await;
}

#[tokio::test]
async fn postgres_script_sessions_of_the_release_before_tokens_keep_working() {
    let schema = crate::pg::schema().await;
    let (client, connection) = tokio_postgres::connect(&schema.url, tokio_postgres::NoTls).await.unwrap();
    tokio::spawn(connection);
    let migrations = [
        include_str!("../../src/store/postgres/migrations/0001_users_and_sessions.sql"),
        include_str!("../../src/store/postgres/migrations/0002_user_deactivation.sql"),
        include_str!("../../src/store/postgres/migrations/0003_audits.sql"),
    ];
    client
        .batch_execute(
            "CREATE TABLE mm_sessions_migrations (version INTEGER PRIMARY KEY, applied_at TIMESTAMPTZ NOT NULL DEFAULT now()); \
             INSERT INTO mm_sessions_migrations (version) VALUES (1), (2), (3);",
        )
        .await
        .unwrap();
    for sql in migrations {
        client.batch_execute(sql).await.unwrap();
    }
    let alice = user("alice");
    let token = Token::generate();
    client
        .execute(
            "INSERT INTO users (id, username, email, roles, create_at, update_at, password_hash) \
             VALUES ($1, 'alice', 'alice@example.com', 'system_user', 1, 1, 'hash')",
            &[&alice.id.as_str()],
        )
        .await
        .unwrap();
    let props: serde_json::Value = serde_json::from_str(SCRIPT_PROPS).unwrap();
    client
        .execute(
            "INSERT INTO sessions (id, token_hash, user_id, create_at, expires_at, last_activity_at, device_id, roles, \
             is_oauth, expired_notify, local, props) VALUES ($1, $2, $3, 1, 0, 1, '', 'system_user', false, false, false, $4)",
            &[&Id::generate().as_str(), &&token.hash().0[..], &alice.id.as_str(), &props],
        )
        .await
        .unwrap();
    let store = Arc::new(PostgresStore::connect(&schema.url).await.unwrap());
    the_script_session_survives_the_upgrade(Stores::of(store), &token).await;
}
