//! Personal access tokens, as Mattermost runs them: each operation's permissions and errors in
//! Mattermost's order, the secret shown once and stored only as a hash, the session a token
//! opens on first use, and every lifecycle event's effect on it (revoke, disable, enable,
//! deactivation, password change, revoke-all, expiry, the setting turned off).

use serde_json::{json, Value};

use mm_sessions::domain::{now_millis, TokenHash};

use crate::helpers::*;

const DISABLED: &str = "app.user_access_token.disabled";
const NOT_FOUND: &str = "app.user_access_token.get_by_user.app_error";
const DAY: i64 = 24 * 3600 * 1000;

/// A server with tokens on, alice (who may make tokens: `system_user_access_token`), bob (who
/// may not), and an admin; their session tokens.
struct Setup {
    app: TestApp,
    alice: mm_sessions::domain::User,
    bob: mm_sessions::domain::User,
    admin: mm_sessions::domain::User,
    alice_token: String,
    bob_token: String,
    admin_token: String,
}

async fn setup(backend: Backend) -> Setup {
    let app = spawn_app_with(backend, |c| c.policy.enable_user_access_tokens = true).await;
    let alice = app.user("alice", &["system_user", "system_user_access_token"]).await;
    let bob = app.user("bob", &[]).await;
    let admin = app.user("admin", &["system_user", "system_admin"]).await;
    let (alice_token, _) = app.issue_session(&alice).await;
    let (bob_token, _) = app.issue_session(&bob).await;
    let (admin_token, _) = app.issue_session(&admin).await;
    Setup { app, alice, bob, admin, alice_token, bob_token, admin_token }
}

/// `POST /users/{user_id}/tokens` as `token`.
async fn create(app: &TestApp, token: &str, user_id: &str, body: Value) -> Reply {
    app.post(&format!("/users/{user_id}/tokens")).token(token).json(body).await
}

/// A new token of alice's, made by herself: (its id, its secret).
async fn alices_token(s: &Setup) -> (String, String) {
    let reply = create(&s.app, &s.alice_token, "me", json!({"description": "ci"})).await;
    assert_eq!(reply.status, 200, "{}", reply.text);
    let body = reply.json();
    (body["id"].as_str().unwrap().to_owned(), body["token"].as_str().unwrap().to_owned())
}

async fn creating_a_token_checks_what_mattermost_checks_in_its_order(backend: Backend) {
    let s = setup(backend).await;
    let app = &s.app;
    // The user first (a missing one is 404 before any permission), then the body.
    create(app, &s.bob_token, "abcdefghijklmnopqrstuvwxyz", json!({"description": "x"}))
        .await
        .assert_app_error(404, "app.user.missing_account.const");
    create(app, &s.alice_token, "me", json!({"description": ""})).await.assert_app_error(400, INVALID_BODY_PARAM);
    // bob lacks create_user_access_token; alice may not act on bob, nor on an admin.
    create(app, &s.bob_token, "me", json!({"description": "x"})).await.assert_app_error(403, PERMISSIONS);
    create(app, &s.alice_token, &s.bob.id, json!({"description": "x"})).await.assert_app_error(403, PERMISSIONS);
    create(app, &s.alice_token, &s.admin.id, json!({"description": "x"})).await.assert_app_error(403, PERMISSIONS);
    let long = "é".repeat(128);
    create(app, &s.alice_token, "me", json!({"description": long}))
        .await
        .assert_app_error(400, "model.user_access_token.is_valid.description.app_error");
    create(app, &s.alice_token, "me", json!({"description": "x", "expires_at": now_millis() - 1}))
        .await
        .assert_app_error(400, "app.user_access_token.expires_at_in_past.app_error");

    // 200 (not 201), the secret this once.
    let reply = create(app, &s.alice_token, "me", json!({"description": "nightly build"})).await;
    assert_eq!(reply.status, 200, "{}", reply.text);
    let made = reply.json();
    assert_eq!(made["user_id"], s.alice.id.as_str());
    assert_eq!(
        (made["description"].as_str(), made["is_active"].as_bool(), made["expires_at"].as_i64()),
        (Some("nightly build"), Some(true), Some(0))
    );
    let secret = made["token"].as_str().unwrap();
    assert_eq!(secret.len(), 26);
    // An admin may make one for anyone.
    assert_eq!(create(app, &s.admin_token, &s.bob.id, json!({"description": "for bob"})).await.status, 200);
    // Never shown again: not by id, not in a list.
    let by_id = app.get(&format!("/users/tokens/{}", made["id"].as_str().unwrap())).token(&s.alice_token).await;
    assert_eq!(by_id.status, 200, "{}", by_id.text);
    assert!(by_id.json().get("token").is_none() && !by_id.text.contains(secret));
    let listed = app.get("/users/me/tokens").token(&s.alice_token).await;
    assert!(
        !listed.text.contains(secret) && listed.json().as_array().unwrap().iter().all(|t| t.get("token").is_none())
    );
    // Stored only as its hash.
    let stored = app.service.stores().tokens.token_by_hash(&TokenHash::of(secret)).await.unwrap().unwrap();
    assert_eq!(stored.id.as_str(), made["id"]);
}

async fn tokens_are_off_by_default_and_off_refuses_their_sessions_too(backend: Backend) {
    let app = spawn_app(backend).await;
    let alice = app.user("alice", &["system_user", "system_user_access_token"]).await;
    let (session_token, _) = app.issue_session(&alice).await;
    create(&app, &session_token, "me", json!({"description": "x"})).await.assert_app_error(501, DISABLED);
    // A token made while they were on (by another node: `tokens_across_processes.rs`) is
    // refused, and opens no session.
    let (secret, token) = mm_sessions::domain::AccessToken::issue(alice.id.clone(), "old".into(), 0);
    app.service.stores().tokens.create_token(&token).await.unwrap();
    assert!(!app.token_works(secret.expose()).await);
    let sessions = app.service.stores().sessions.sessions_for_user(&alice.id).await.unwrap();
    assert_eq!(sessions.len(), 1, "only the session issued above");
}

async fn a_token_opens_a_listed_session_that_lives_as_long_as_it(backend: Backend) {
    let s = setup(backend).await;
    let app = &s.app;
    let (id, secret) = alices_token(&s).await;
    let me = app.get("/users/me").token(&secret).await;
    assert_eq!(me.json()["id"], s.alice.id.as_str());
    // Mattermost's `Token` scheme too.
    let reply = app.get("/users/me").header("Authorization", &format!("Token {secret}")).await;
    assert_eq!(reply.status, 200);
    // Its session is in alice's list, said to be a token's.
    let sessions = app.get("/users/me/sessions").token(&s.alice_token).await.json();
    let session = sessions.as_array().unwrap().iter().find(|x| x["props"]["type"] == "UserAccessToken").cloned();
    let session = session.expect("the token's session is listed");
    assert_eq!(session["props"]["user_access_token_id"], id.as_str());
    assert_eq!(session["props"]["is_guest"], "false");
    assert_eq!(session["roles"], "system_user system_user_access_token");
    assert!(session["expires_at"].as_i64().unwrap() > now_millis() + 99 * 365 * DAY, "100 years");
    // One session per token, however often it is used.
    for _ in 0..3 {
        assert!(app.token_works(&secret).await);
    }
    let again = app.get("/users/me/sessions").token(&s.alice_token).await.json();
    assert_eq!(again.as_array().unwrap().iter().filter(|x| x["props"]["type"] == "UserAccessToken").count(), 1);
    // A query-string token is refused, a token's like a session's.
    let reply = app.get(&format!("/users/me?access_token={secret}")).await;
    reply.assert_app_error(401, "api.context.token_provided.app_error");

    // A token with an expiry: its session ends then; after it, the token is refused and that
    // is recorded.
    let soon = now_millis() + DAY;
    let reply = create(app, &s.alice_token, "me", json!({"description": "a day", "expires_at": soon})).await;
    let dated = reply.json()["token"].as_str().unwrap().to_owned();
    assert!(app.token_works(&dated).await);
    let session = app.service.authenticate(&dated).await.unwrap().session;
    assert_eq!(session.expires_at, soon);
    app.service.clock().advance(DAY + 1);
    assert!(!app.token_works(&dated).await, "expired");
    app.service.stores().sessions.delete_session(&session.id, &cause()).await.unwrap();
    assert!(!app.token_works(&dated).await, "an expired token opens no new session");
    let audits = app.service.stores().audits.audits_for_user(Some(&s.alice.id), 0, 50).await.unwrap();
    assert!(audits.iter().any(|a| a.action == "mm-sessions: expired personal access token"), "{audits:?}");
}

async fn revoke_disable_and_enable_end_and_restore_it_at_once(backend: Backend) {
    let s = setup(backend).await;
    let app = &s.app;
    let (id, secret) = alices_token(&s).await;
    assert!(app.token_works(&secret).await);
    let body = json!({"token_id": id});

    // bob may not touch it (no permission), nor may alice act on a token she cannot see.
    app.post("/users/tokens/disable").token(&s.bob_token).json(body.clone()).await.assert_app_error(403, PERMISSIONS);
    // An empty or unknown id is 404, as on Mattermost (its check for it does not stop the request).
    app.post("/users/tokens/disable")
        .token(&s.alice_token)
        .json(json!({"token_id": ""}))
        .await
        .assert_app_error(404, NOT_FOUND);
    app.post("/users/tokens/disable").token(&s.alice_token).json(json!({})).await.assert_app_error(404, NOT_FOUND);
    app.post("/users/tokens/disable")
        .token(&s.alice_token)
        .json(json!({"token_id": 5}))
        .await
        .assert_app_error(404, NOT_FOUND);
    app.post("/users/tokens/disable").token(&s.alice_token).json(body.clone()).await.assert_ok_status();
    assert!(!app.token_works(&secret).await, "disabled: refused on the very next request");
    let got = app.get(&format!("/users/tokens/{id}")).token(&s.alice_token).await.json();
    assert_eq!(got["is_active"], false);

    app.post("/users/tokens/enable").token(&s.alice_token).json(body.clone()).await.assert_ok_status();
    assert!(app.token_works(&secret).await, "enabled: a new session on its next use");

    app.post("/users/tokens/revoke").token(&s.alice_token).json(body.clone()).await.assert_ok_status();
    assert!(!app.token_works(&secret).await, "revoked");
    app.get(&format!("/users/tokens/{id}")).token(&s.alice_token).await.assert_app_error(404, NOT_FOUND);
    app.post("/users/tokens/revoke").token(&s.alice_token).json(body).await.assert_app_error(404, NOT_FOUND);
    let sessions = app.get("/users/me/sessions").token(&s.alice_token).await.json();
    assert!(
        sessions.as_array().unwrap().iter().all(|x| x["props"]["type"] != "UserAccessToken"),
        "its session is gone"
    );
    // Audited under the acting user.
    let audits = app.get("/users/me/audits").token(&s.alice_token).await.json();
    let token_records =
        audits.as_array().unwrap().iter().filter(|a| a["extra_info"] == format!("token_id={id}")).count();
    assert_eq!(token_records, 4, "create, disable, enable, revoke: {audits}");
}

async fn the_user_lifecycle_reaches_tokens_as_in_mattermost(backend: Backend) {
    let s = setup(backend).await;
    let app = &s.app;
    let (_, secret) = alices_token(&s).await;
    assert!(app.token_works(&secret).await);
    // Revoke-all ends the token's session, not the token: it opens a new one.
    app.post("/users/me/sessions/revoke/all").token(&s.alice_token).await.assert_ok_status();
    assert!(app.token_works(&secret).await, "a revoke-all leaves the token working");
    // Deactivation: refused while deactivated, back after reactivation.
    app.put(&format!("/users/{}/active", s.alice.id))
        .token(&s.admin_token)
        .json(json!({"active": false}))
        .await
        .assert_ok_status();
    assert!(!app.token_works(&secret).await, "a deactivated user's token is refused");
    app.put(&format!("/users/{}/active", s.alice.id))
        .token(&s.admin_token)
        .json(json!({"active": true}))
        .await
        .assert_ok_status();
    assert!(app.token_works(&secret).await, "and works again after reactivation");
    // A password change ends its session, and the next use opens another.
    let change = json!({"new_password": "a new password"});
    app.put(&format!("/users/{}/password", s.alice.id)).token(&s.admin_token).json(change).await.assert_ok_status();
    assert!(app.token_works(&secret).await, "a password change leaves the token working");
    // A role change reaches the token's session.
    app.set_roles(&s.alice, "system_user").await;
    let me = app.get("/users/me/sessions").token(&secret).await.json();
    let own = me.as_array().unwrap().iter().find(|x| x["props"]["type"] == "UserAccessToken").cloned().unwrap();
    assert_eq!(own["roles"], "system_user");
}

async fn listing_and_searching_tokens_follow_mattermosts_rules(backend: Backend) {
    let s = setup(backend).await;
    let app = &s.app;
    for i in 0..3 {
        create(app, &s.alice_token, "me", json!({"description": format!("t{i}")})).await;
    }
    create(app, &s.admin_token, &s.bob.id, json!({"description": "bob's"})).await;
    let count = |v: &Value| v.as_array().unwrap().len();
    assert_eq!(count(&app.get("/users/me/tokens").token(&s.alice_token).await.json()), 3);
    assert_eq!(count(&app.get("/users/me/tokens?per_page=2").token(&s.alice_token).await.json()), 2);
    assert_eq!(count(&app.get("/users/me/tokens?page=1&per_page=2").token(&s.alice_token).await.json()), 1);
    assert_eq!(count(&app.get("/users/me/tokens?per_page=0").token(&s.alice_token).await.json()), 0);
    assert_eq!(count(&app.get("/users/me/tokens?per_page=-1").token(&s.alice_token).await.json()), 3, "60 a page");
    // Another user's: edit_other_users is needed (alice lacks it), read_user_access_token too.
    app.get(&format!("/users/{}/tokens", s.bob.id)).token(&s.alice_token).await.assert_app_error(403, PERMISSIONS);
    app.get("/users/me/tokens").token(&s.bob_token).await.assert_app_error(403, PERMISSIONS);
    assert_eq!(count(&app.get(&format!("/users/{}/tokens", s.alice.id)).token(&s.admin_token).await.json()), 3);
    // Every token: manage_system only.
    app.get("/users/tokens").token(&s.alice_token).await.assert_app_error(403, PERMISSIONS);
    assert_eq!(count(&app.get("/users/tokens").token(&s.admin_token).await.json()), 4);
    // Search: manage_system, a term, exact matches of id, user id or username.
    let search = |token: &str, body: Value| app.post("/users/tokens/search").token(token).json(body);
    search(&s.alice_token, json!({"term": "alice"})).await.assert_app_error(403, PERMISSIONS);
    search(&s.admin_token, json!({"term": ""})).await.assert_app_error(400, INVALID_BODY_PARAM);
    assert_eq!(count(&search(&s.admin_token, json!({"term": "alice"})).await.json()), 3);
    assert_eq!(count(&search(&s.admin_token, json!({"term": "ali"})).await.json()), 0, "no wildcards");
    assert_eq!(count(&search(&s.admin_token, json!({"term": s.bob.id.as_str()})).await.json()), 1);
    // One by id: a malformed id is 400, before the permission; then 403, then 404.
    app.get("/users/tokens/notanid").token(&s.bob_token).await.assert_app_error(400, INVALID_URL_PARAM);
    app.get("/users/tokens/abcdefghijklmnopqrstuvwxyz").token(&s.bob_token).await.assert_app_error(403, PERMISSIONS);
    app.get("/users/tokens/abcdefghijklmnopqrstuvwxyz").token(&s.alice_token).await.assert_app_error(404, NOT_FOUND);
    let bobs = search(&s.admin_token, json!({"term": "bob"})).await.json()[0]["id"].as_str().unwrap().to_owned();
    app.get(&format!("/users/tokens/{bobs}")).token(&s.alice_token).await.assert_app_error(403, PERMISSIONS);
}

/// Two requests making a token's first session at once both succeed with one session between
/// them: the token hash is unique, and the loser reads the winner's session.
async fn a_tokens_first_use_twice_at_once_makes_one_session(backend: Backend) {
    let s = setup(backend).await;
    for _ in 0..10 {
        let (_, secret) = alices_token(&s).await;
        let (a, b) = tokio::join!(s.app.service.authenticate(&secret), s.app.service.authenticate(&secret));
        let (a, b) = (a.expect("the first use works"), b.expect("and the second at once"));
        assert_eq!(a.session.id, b.session.id, "one session");
    }
}

on_every_backend!(
    creating_a_token_checks_what_mattermost_checks_in_its_order,
    tokens_are_off_by_default_and_off_refuses_their_sessions_too,
    a_token_opens_a_listed_session_that_lives_as_long_as_it,
    revoke_disable_and_enable_end_and_restore_it_at_once,
    the_user_lifecycle_reaches_tokens_as_in_mattermost,
    listing_and_searching_tokens_follow_mattermosts_rules,
    a_tokens_first_use_twice_at_once_makes_one_session,
);

#[tokio::test]
async fn the_lifetime_setting_requires_and_bounds_an_expiry() {
    let app = spawn_app_with(Backend::Memory, |c| {
        c.policy.enable_user_access_tokens = true;
        c.policy.max_token_lifetime_days = std::num::NonZeroU32::new(30);
    })
    .await;
    let alice = app.user("alice", &["system_user", "system_user_access_token"]).await;
    let (token, _) = app.issue_session(&alice).await;
    create(&app, &token, "me", json!({"description": "x"}))
        .await
        .assert_app_error(400, "app.user_access_token.expires_at_required.app_error");
    let reply = create(&app, &token, "me", json!({"description": "x", "expires_at": now_millis() + 31 * DAY})).await;
    reply.assert_app_error(400, "app.user_access_token.expires_at_too_far.app_error");
    assert!(reply.json()["message"].as_str().unwrap().contains("30 days"), "{}", reply.text);
    assert_eq!(
        create(&app, &token, "me", json!({"description": "x", "expires_at": now_millis() + 29 * DAY})).await.status,
        200
    );
}
