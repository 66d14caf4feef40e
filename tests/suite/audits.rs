//! `GET /users/{user_id}/audits` and the records behind it: written the way Mattermost writes
//! them for the same calls (the request path as `action`, the acting user), newest first,
//! paged, never a secret, purged after the retention.

use serde_json::{json, Value};

use crate::helpers::*;

const PASSWORD: &str = "alice password";

fn actions(audits: &Value) -> Vec<(String, String)> {
    audits
        .as_array()
        .unwrap()
        .iter()
        .map(|a| (a["action"].as_str().unwrap().to_owned(), a["extra_info"].as_str().unwrap().to_owned()))
        .collect()
}

async fn what_happens_is_recorded_newest_first_without_secrets(backend: Backend) {
    let app = spawn_app(backend).await;
    let alice = app.user_with_password("alice", &[], PASSWORD).await;
    app.user_with_password("bob", &[], "bob password").await;
    assert_eq!(app.login("alice", "wrong password").await.status, 401);
    let first = app.login("alice", PASSWORD).await;
    let token = first.headers["token"].to_str().unwrap().to_owned();
    let second = app.login("ALICE@example.com", PASSWORD).await.token();
    // A third session, revoked by id from the first.
    let third = app.login("alice", PASSWORD).await.token();
    let third_id = app.service.authenticate(&third).await.unwrap().session.id;
    // Records of the same millisecond come in no particular order (Mattermost orders by
    // CreateAt alone), and a fast request can share one with the previous: a step each.
    let step = || app.service.clock().advance(1);
    step();
    app.post("/users/me/sessions/revoke")
        .token(&token)
        .json(json!({"session_id": third_id.as_str()}))
        .await
        .assert_ok_status();
    step();
    app.post("/users/logout").token(&second).await.assert_ok_status();
    step();
    let change = json!({"current_password": PASSWORD, "new_password": "a new password"});
    app.put("/users/me/password").token(&token).json(change).await.assert_ok_status();

    let reply = app.get(&format!("/users/{}/audits", alice.id)).token(&token).await;
    assert_eq!(reply.status, 200, "{}", reply.text);
    let audits = reply.json();
    let got = actions(&audits);
    let revoke = "/api/v4/users/me/sessions/revoke".to_string();
    let expected = [
        ("/api/v4/users/me/password", "completed"),
        ("/api/v4/users/me/password", "attempted"),
        ("/api/v4/users/logout", ""),
        (revoke.as_str(), ""),
        ("/api/v4/users/login", "success"),
        ("/api/v4/users/login", "success"),
        ("/api/v4/users/login", "success"),
        ("/api/v4/users/login", "failure - login_id=\"alice\""),
        ("mm-sessions user set-password", "completed"),
    ];
    let got_ref: Vec<(&str, &str)> = got.iter().map(|(a, e)| (a.as_str(), e.as_str())).collect();
    assert_eq!(got_ref, expected, "newest first");
    for audit in audits.as_array().unwrap() {
        assert_eq!(audit["user_id"], alice.id.as_str(), "{audit}");
        if audit["action"].as_str().unwrap().starts_with("/api/v4") {
            assert_eq!(audit["ip_address"], "127.0.0.1", "{audit}");
        }
        assert!(mm_sessions::domain::Id::parse(audit["id"].as_str().unwrap()).is_some());
    }
    for secret in [PASSWORD, "a new password", "wrong password", token.as_str(), second.as_str()] {
        assert!(!reply.text.contains(secret), "a secret in the audits: {secret}");
    }
    // Paged: 3 a page.
    let page = |n: u32| format!("/users/me/audits?page={n}&per_page=3");
    assert_eq!(actions(&app.get(&page(0)).token(&token).await.json()), got[..3]);
    assert_eq!(actions(&app.get(&page(2)).token(&token).await.json()), got[6..9]);
    // Mattermost's paging: negative means the defaults, past 200 means 200. (Not a number at all
    // is refused by the generated layer, where Mattermost takes the default.)
    assert_eq!(actions(&app.get("/users/me/audits?page=-1&per_page=-5").token(&token).await.json()), got);
    app.get("/users/me/audits?per_page=x").token(&token).await.assert_app_error(400, INVALID_URL_PARAM);
    assert_eq!(app.get("/users/me/audits?per_page=0").token(&token).await.json(), json!([]));
    assert_eq!(actions(&app.get("/users/me/audits?per_page=100000").token(&token).await.json()), got);
}

async fn audits_follow_the_sessions_permission_rule(backend: Backend) {
    let app = spawn_app(backend).await;
    let alice = app.user_with_password("alice", &[], PASSWORD).await;
    app.user_with_password("bob", &[], "bob password").await;
    app.user_with_password("admin", &["system_user", "system_admin"], "admin password").await;
    let bob = app.login("bob", "bob password").await.token();
    let admin = app.login("admin", "admin password").await.token();
    let path = format!("/users/{}/audits", alice.id);
    app.get(&path).token(&bob).await.assert_app_error(403, PERMISSIONS);
    assert_eq!(app.get(&path).token(&admin).await.status, 200);
    app.get(&path).await.assert_app_error(401, SESSION_EXPIRED);
    // A failed login naming nobody is recorded with no user, its login id escaped and cut.
    let forged = format!("nobody\n{}", "x".repeat(500));
    assert_eq!(app.login(&forged, "whatever").await.status, 401);
    let stored = app.service.stores().audits.audits_for_user(None, 0, 10).await.unwrap();
    let record = &stored[0].extra_info;
    assert!(record.starts_with("failure - login_id=\"nobody\\n") && record.len() < 120, "{record}");
}

async fn server_side_revocations_are_recorded_and_old_records_purged(backend: Backend) {
    let app = spawn_app_with(backend, |c| {
        c.policy.extend_with_activity = false;
        c.policy.idle_timeout = Some(std::time::Duration::from_secs(60));
        c.policy.max_per_user = std::num::NonZeroUsize::new(1).unwrap();
    })
    .await;
    let alice = app.user_with_password("alice", &[], PASSWORD).await;
    app.login("alice", PASSWORD).await;
    let token = app.login("alice", PASSWORD).await.token();
    app.service.clock().advance(2 * 60 * 1000);
    app.get("/users/me").token(&token).await.assert_app_error(401, SESSION_EXPIRED);
    let stored = app.service.stores().audits.audits_for_user(Some(&alice.id), 0, 10).await.unwrap();
    let actions: Vec<&str> = stored.iter().map(|a| a.action.as_str()).collect();
    assert!(
        actions.contains(&"mm-sessions: idle timeout") && actions.contains(&"mm-sessions: session cap"),
        "{actions:?}"
    );
    // Past the retention (30 days), the purge takes them.
    app.service.clock().advance(31 * 24 * 3600 * 1000);
    assert!(app.service.purge_old_audits(2).await.unwrap() >= stored.len() as u64);
    assert!(app.service.stores().audits.audits_for_user(Some(&alice.id), 0, 10).await.unwrap().is_empty());
}

on_every_backend!(
    what_happens_is_recorded_newest_first_without_secrets,
    audits_follow_the_sessions_permission_rule,
    server_side_revocations_are_recorded_and_old_records_purged,
);
