//! The three endpoints' semantics beyond the auth matrix: sanitizing, ordering, `me`, the
//! 400s Mattermost gives where one might expect 404s, revoke-all ending the caller's own session,
//! the permission rule's corners, and activity tracking.

use serde_json::json;

use mm_sessions::domain::now_millis;
use mm_sessions::permissions::Grant;

use crate::helpers::*;

async fn list_is_sanitized_complete_and_newest_activity_first(backend: Backend) {
    let app = spawn_app(backend).await;
    let alice = app.user("alice", &[]).await;
    let mut tokens = Vec::new();
    for offset in [3_000_000, 1_000_000, 2_000_000] {
        let (token, session) = app.issue_session(&alice).await;
        app.service.stores().sessions.touch_session(&session.id, now_millis() - offset).await.unwrap();
        tokens.push(token);
    }
    // Authenticating with the first token refreshes its (old) activity: it becomes newest.
    let reply = app.get(&format!("/users/{}/sessions", alice.id)).token(&tokens[0]).await;
    assert_eq!(reply.status, 200, "{}", reply.text);
    for token in &tokens {
        assert!(!reply.text.contains(token.as_str()), "{backend:?}: a token leaked into the list");
    }
    let list = reply.json();
    let list = list.as_array().unwrap();
    assert_eq!(list.len(), 3);
    let activity: Vec<i64> = list.iter().map(|s| s["last_activity_at"].as_i64().unwrap()).collect();
    assert!(activity.windows(2).all(|w| w[0] >= w[1]), "{backend:?}: newest first: {activity:?}");
    for session in list {
        assert_eq!(session["token"], "", "token key kept, value blanked");
        assert_eq!(session["user_id"], alice.id.as_str());
        assert_eq!(session["team_members"], json!([]));
        for key in
            ["id", "create_at", "expires_at", "device_id", "roles", "is_oauth", "expired_notify", "local", "props"]
        {
            assert!(session.get(key).is_some(), "{key} missing in {session}");
        }
    }
    // `me` is the caller's own id.
    let me = app.get("/users/me/sessions").token(&tokens[0]).await.json();
    assert_eq!(me.as_array().unwrap().len(), 3);
}

async fn a_user_without_sessions_gets_an_empty_list_from_an_admin(backend: Backend) {
    let app = spawn_app(backend).await;
    let admin = app.user("root", &["system_admin"]).await;
    let carol = app.user("carol", &[]).await;
    let (token, _) = app.issue_session(&admin).await;
    let reply = app.get(&format!("/users/{}/sessions", carol.id)).token(&token).await;
    assert_eq!((reply.status, reply.json()), (200, json!([])));
    // A valid id that names nobody: [] for an admin, 403 for anyone else (never 404).
    let nobody = "abcdefghijklmnopqrstuvwxyz";
    assert_eq!(app.get(&format!("/users/{nobody}/sessions")).token(&token).await.json(), json!([]));
    let (carol_token, _) = app.issue_session(&carol).await;
    app.get(&format!("/users/{nobody}/sessions")).token(&carol_token).await.assert_app_error(403, PERMISSIONS);
}

async fn invalid_user_ids_are_400_on_every_endpoint(backend: Backend) {
    let app = spawn_app(backend).await;
    let alice = app.user("alice", &[]).await;
    let (token, session) = app.issue_session(&alice).await;
    // Letters and digits that are not an id: 400; anything else matches no route of
    // Mattermost's (`{user_id:[A-Za-z0-9]+}`): 404.
    let shapes = [
        ("short", 400, INVALID_URL_PARAM),
        ("abcdefghijklmnopqrstuvwxyz1", 400, INVALID_URL_PARAM),
        ("abcdefghijklmnopqrstuvwxy-", 404, "api.context.404.app_error"),
        ("a%2Fb", 404, "api.context.404.app_error"),
        ("%C3%A9%C3%A9%C3%A9", 404, "api.context.404.app_error"),
    ];
    for (bad, status, id) in shapes {
        let base = format!("/users/{bad}/sessions");
        app.get(&base).token(&token).await.assert_app_error(status, id);
        app.post(&format!("{base}/revoke"))
            .token(&token)
            .json(json!({"session_id": session.id.as_str()}))
            .await
            .assert_app_error(status, id);
        app.post(&format!("{base}/revoke/all")).token(&token).await.assert_app_error(status, id);
    }
    assert!(app.token_works(&token).await, "nothing was revoked");
}

async fn revoke_checks_the_session_and_its_owner(backend: Backend) {
    let app = spawn_app(backend).await;
    let alice = app.user("alice", &[]).await;
    let bob = app.user("bob", &[]).await;
    let admin = app.user("root", &["system_admin"]).await;
    let (alice_token, alice_session) = app.issue_session(&alice).await;
    let (bob_token, bob_session) = app.issue_session(&bob).await;
    let (admin_token, _) = app.issue_session(&admin).await;
    let revoke = |user: &str| format!("/users/{user}/sessions/revoke");

    // Unknown session: 400 app.session.get (Mattermost's server, not 404).
    app.post(&revoke(&alice.id))
        .token(&alice_token)
        .json(json!({"session_id": "abcdefghijklmnopqrstuvwxyz"}))
        .await
        .assert_app_error(400, SESSION_GET);
    // Empty or missing session_id: 400 invalid_body_param.
    app.post(&revoke(&alice.id))
        .token(&alice_token)
        .json(json!({"session_id": ""}))
        .await
        .assert_app_error(400, INVALID_BODY_PARAM);
    app.post(&revoke(&alice.id)).token(&alice_token).json(json!({})).await.assert_app_error(400, INVALID_BODY_PARAM);
    // Bob's session under alice's id: 400 invalid_url_param, even for an admin; bob keeps it.
    app.post(&revoke(&alice.id))
        .token(&admin_token)
        .json(json!({"session_id": bob_session.id.as_str()}))
        .await
        .assert_app_error(400, INVALID_URL_PARAM);
    assert!(app.token_works(&bob_token).await);
    // Bob may not revoke alice's session at all.
    app.post(&revoke(&alice.id))
        .token(&bob_token)
        .json(json!({"session_id": alice_session.id.as_str()}))
        .await
        .assert_app_error(403, PERMISSIONS);
    assert!(app.token_works(&alice_token).await);
    // Revoking one's own current session is allowed; the token then fails.
    app.post(&revoke("me"))
        .token(&alice_token)
        .json(json!({"session_id": alice_session.id.as_str()}))
        .await
        .assert_ok_status();
    assert!(!app.token_works(&alice_token).await);
    // The admin revokes bob's session under bob's id.
    app.post(&revoke(&bob.id))
        .token(&admin_token)
        .json(json!({"session_id": bob_session.id.as_str()}))
        .await
        .assert_ok_status();
    assert!(!app.token_works(&bob_token).await);
}

async fn revoke_all_ends_every_session_of_the_user_and_only_those(backend: Backend) {
    let app = spawn_app(backend).await;
    let alice = app.user("alice", &[]).await;
    let bob = app.user("bob", &[]).await;
    let (a1, _) = app.issue_session(&alice).await;
    let (a2, _) = app.issue_session(&alice).await;
    let (b1, _) = app.issue_session(&bob).await;
    app.post("/users/me/sessions/revoke/all").token(&a1).await.assert_ok_status();
    assert!(!app.token_works(&a1).await, "the caller's own session ends too");
    assert!(!app.token_works(&a2).await);
    assert!(app.token_works(&b1).await, "other users are untouched");
    assert!(app.service.stores().sessions.sessions_for_user(&alice.id).await.unwrap().is_empty());
}

async fn edit_other_users_can_be_granted_but_never_reaches_admins_or_missing_users(backend: Backend) {
    let grant: Grant = "system_user_manager=edit_other_users".parse().unwrap();
    let app = spawn_app_with(backend, |c| c.grants = vec![grant]).await;
    let manager = app.user("manager", &["system_user", "system_user_manager"]).await;
    let alice = app.user("alice", &[]).await;
    let admin = app.user("root", &["system_admin"]).await;
    let (token, _) = app.issue_session(&manager).await;
    app.issue_session(&alice).await;
    let (admin_token, _) = app.issue_session(&admin).await;

    let reply = app.get(&format!("/users/{}/sessions", alice.id)).token(&token).await;
    assert_eq!(reply.status, 200, "{}", reply.text);
    assert_eq!(reply.json().as_array().unwrap().len(), 1);
    app.get(&format!("/users/{}/sessions", admin.id)).token(&token).await.assert_app_error(403, PERMISSIONS);
    app.post(&format!("/users/{}/sessions/revoke/all", admin.id))
        .token(&token)
        .await
        .assert_app_error(403, PERMISSIONS);
    assert!(app.token_works(&admin_token).await);
    app.get("/users/abcdefghijklmnopqrstuvwxyz/sessions").token(&token).await.assert_app_error(403, PERMISSIONS);
    app.post(&format!("/users/{}/sessions/revoke/all", alice.id)).token(&token).await.assert_ok_status();

    // Without the grant the same role is an ordinary user.
    let plain = spawn_app(backend).await;
    let manager = plain.user("manager", &["system_user", "system_user_manager"]).await;
    let alice = plain.user("alice", &[]).await;
    let (token, _) = plain.issue_session(&manager).await;
    plain.get(&format!("/users/{}/sessions", alice.id)).token(&token).await.assert_app_error(403, PERMISSIONS);
}

async fn activity_is_written_at_most_once_per_interval(backend: Backend) {
    let app = spawn_app(backend).await;
    let alice = app.user("alice", &[]).await;
    let (fresh_token, fresh) = app.issue_session(&alice).await;
    let (stale_token, stale) = app.issue_session(&alice).await;
    let long_ago = now_millis() - 6 * 60 * 1000;
    app.service.stores().sessions.touch_session(&stale.id, long_ago).await.unwrap();
    tokio::time::sleep(std::time::Duration::from_millis(5)).await;

    assert!(app.token_works(&fresh_token).await);
    assert!(app.token_works(&stale_token).await);
    let store = &app.service.stores().sessions;
    let fresh_after = store.session_by_id(&fresh.id).await.unwrap().unwrap();
    let stale_after = store.session_by_id(&stale.id).await.unwrap().unwrap();
    assert_eq!(fresh_after.last_activity_at, fresh.last_activity_at, "{backend:?}: a recent session is not rewritten");
    assert!(stale_after.last_activity_at > long_ago + 5 * 60 * 1000, "{backend:?}: a stale one is refreshed");
}

on_every_backend!(
    list_is_sanitized_complete_and_newest_activity_first,
    a_user_without_sessions_gets_an_empty_list_from_an_admin,
    invalid_user_ids_are_400_on_every_endpoint,
    revoke_checks_the_session_and_its_owner,
    revoke_all_ends_every_session_of_the_user_and_only_those,
    edit_other_users_can_be_granted_but_never_reaches_admins_or_missing_users,
    activity_is_written_at_most_once_per_interval
);
