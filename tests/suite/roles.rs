//! Role changes reach every session of the user at once, as Mattermost's `UpdateUserRoles`
//! rewrites them: a demoted administrator's open sessions lose the power on their very next
//! request (the session cache included); a promoted user's gain it. Across processes and nodes
//! in `cache_across_processes.rs`.

use serde_json::json;

use crate::helpers::*;

async fn a_demoted_admin_loses_admin_power_on_open_sessions(backend: Backend) {
    let app = spawn_app_with(backend, |c| c.policy.enable_user_access_tokens = true).await;
    let admin = app.user("root", &["system_user", "system_admin"]).await;
    let bob = app.user("bob", &[]).await;
    let (token, _) = app.issue_session(&admin).await;
    let script = app.access_token(&admin, 0).await;
    let bobs = format!("/users/{}/sessions", bob.id);
    // The sessions (a personal access token's too), their user and lists are cached (on SQLite)
    // before the change.
    assert_eq!(app.get(&bobs).token(&token).await.status, 200);
    assert_eq!(app.get(&bobs).token(&script).await.status, 200);
    assert_eq!(app.get("/users/me/sessions").token(&token).await.status, 200);

    // Another admin stays: this is not the last one.
    app.user("root2", &["system_user", "system_admin"]).await;
    app.set_roles(&admin, "system_user").await;

    app.get(&bobs).token(&token).await.assert_app_error(403, PERMISSIONS);
    let password = json!({"new_password": "a new password"});
    let changed = app.put(&format!("/users/{}/password", bob.id)).token(&token).json(password).await;
    changed.assert_app_error(403, "api.user.update_password.context.app_error");
    let active = app.put(&format!("/users/{}/active", bob.id)).token(&token).json(json!({"active": false})).await;
    active.assert_app_error(403, "api.user.update_active.permissions.app_error");
    app.post("/users/sessions/revoke/all").token(&token).await.assert_app_error(403, PERMISSIONS);
    // The token's session too: no admin operation through it.
    app.get(&bobs).token(&script).await.assert_app_error(403, PERMISSIONS);
    app.get("/users/tokens").token(&script).await.assert_app_error(403, PERMISSIONS);
    app.post("/users/sessions/revoke/all").token(&script).await.assert_app_error(403, PERMISSIONS);
    let own = app.get("/users/me/sessions").token(&token).await.json();
    assert!(own.as_array().unwrap().iter().all(|s| s["roles"] == "system_user"), "every session carries the new roles");
    assert!(app.service.find_user("bob").await.unwrap().is_active(), "nothing was done to bob");

    // And back: promoted, the same session may act at once.
    app.set_roles(&admin, "system_user system_admin").await;
    assert_eq!(app.get(&bobs).token(&token).await.status, 200);
}

on_every_backend!(a_demoted_admin_loses_admin_power_on_open_sessions);

/// `PUT /users/{user_id}/roles`, with Mattermost's checks in its order.
async fn updating_roles_checks_what_mattermost_checks_in_its_order(backend: Backend) {
    let app = spawn_app_with(backend, |c| c.policy.enable_user_access_tokens = true).await;
    let admin = app.user("root", &["system_user", "system_admin"]).await;
    let alice = app.user("alice", &[]).await;
    let (admin_token, _) = app.issue_session(&admin).await;
    let (alice_token, _) = app.issue_session(&alice).await;
    let put = |token: &str, user: &str, roles: serde_json::Value| {
        app.put(&format!("/users/{user}/roles")).token(token).json(json!({"roles": roles}))
    };
    let alice_id = alice.id.as_str();
    // The roles' form first: before the permission, so even an admin gets 400.
    for bad in ["system_admin", "System_user", "system-user"] {
        put(&admin_token, alice_id, json!(bad)).await.assert_app_error(400, INVALID_BODY_PARAM);
    }
    // Then manage_roles: a non-admin sending an unknown (well-formed) role gets 403.
    put(&alice_token, alice_id, json!("superuser")).await.assert_app_error(403, PERMISSIONS);
    put(&alice_token, "me", json!("system_user system_admin")).await.assert_app_error(403, PERMISSIONS);
    // Then the user (400, as Mattermost forces), then that every role exists.
    put(&admin_token, "abcdefghijklmnopqrstuvwxyz", json!("system_user"))
        .await
        .assert_app_error(400, "app.user.missing_account.const");
    put(&admin_token, alice_id, json!("system_user superuser"))
        .await
        .assert_app_error(400, "app.role.check_roles_exist.role_not_found");
    put(&admin_token, "notanid", json!("system_user")).await.assert_app_error(400, INVALID_URL_PARAM);
    // Then the last admin.
    put(&admin_token, "me", json!("system_user")).await.assert_app_error(400, "app.user.update.lastAdmin.app_error");

    // Every session of the user, a token's included, takes the new roles at once.
    let (alice_other, _) = app.issue_session(&alice).await;
    put(&admin_token, alice_id, json!("system_user system_user_access_token")).await.assert_ok_status();
    let secret = app.access_token(&alice, 0).await;
    assert!(app.token_works(&secret).await);
    put(&admin_token, alice_id, json!("system_user  system_admin")).await.assert_ok_status();
    let listed = app.get("/users/me/sessions").token(&alice_other).await.json();
    let roles: Vec<&str> = listed.as_array().unwrap().iter().map(|s| s["roles"].as_str().unwrap()).collect();
    assert_eq!(roles.len(), 3, "{listed}");
    assert!(roles.iter().all(|r| *r == "system_user system_admin"), "{roles:?}");
    assert_eq!(app.get("/users/me").token(&alice_token).await.json()["roles"], "system_user system_admin");
    // Now two admins: either may be demoted.
    put(&alice_token, "me", json!("system_user")).await.assert_ok_status();
    assert!(!app.token_works_for(&alice_token, &format!("/users/{}/sessions", admin.id)).await, "demoted at once");

    // A value that is not a string reads as "", as Mattermost's map-of-strings body: no roles.
    put(&admin_token, alice_id, json!(false)).await.assert_ok_status();
    assert_eq!(app.get("/users/me").token(&alice_token).await.json()["roles"], "");
    // Audited, under the acting admin.
    let audits = app.get("/users/me/audits").token(&admin_token).await.json();
    let changed = audits.as_array().unwrap().iter().filter(|a| {
        a["action"] == format!("/api/v4/users/{alice_id}/roles")
            && a["extra_info"].as_str().unwrap().starts_with("user=")
    });
    assert_eq!(changed.count(), 3, "{audits}");
}

on_every_backend!(updating_roles_checks_what_mattermost_checks_in_its_order);

/// Mattermost's `User.IsValid` limit: roles of more than 256 bytes, as sent, are 400
/// `model.user.is_valid.roles_limit.app_error` (every session copies them, and the forward-auth
/// check sends them in a header), and nothing changes, on the user or their sessions.
async fn roles_longer_than_mattermosts_limit_are_refused(backend: Backend) {
    let app = spawn_app(backend).await;
    let admin = app.user("root", &["system_user", "system_admin"]).await;
    let alice = app.user("alice", &[]).await;
    let (admin_token, _) = app.issue_session(&admin).await;
    let (alice_token, _) = app.issue_session(&alice).await;
    let path = format!("/users/{}/roles", alice.id);
    let put = |roles: String| app.put(&path).token(&admin_token).json(json!({ "roles": roles }));

    let roles = "system_user ".repeat(25);
    assert_eq!(roles.len(), 300);
    let refused = put(roles).await;
    refused.assert_app_error(400, "model.user.is_valid.roles_limit.app_error");
    assert_eq!(refused.json()["message"], "Invalid user roles longer than 256 characters.");
    assert_eq!(app.service.find_user("alice").await.unwrap().roles, "system_user", "the user's roles unchanged");
    let sessions = app.get(&format!("/users/{}/sessions", alice.id)).token(&admin_token).await.json();
    assert!(sessions.as_array().unwrap().iter().all(|s| s["roles"] == "system_user"), "{sessions}");
    assert!(app.token_works(&alice_token).await);

    // The bound is the string as sent, as Mattermost measures it: 256 bytes pass, 257 do not.
    let at_limit = format!("{}    ", "system_user ".repeat(21));
    assert_eq!(at_limit.len(), 256);
    put(format!("{at_limit} ")).await.assert_app_error(400, "model.user.is_valid.roles_limit.app_error");
    put(at_limit).await.assert_ok_status();
    assert!(app.service.find_user("alice").await.unwrap().roles.len() < 256, "stored with single spaces");
}

on_every_backend!(roles_longer_than_mattermosts_limit_are_refused);

/// Two admins demoting each other at once leave one admin, not none.
#[tokio::test]
async fn two_admins_demoting_each_other_at_once_leave_one() {
    for backend in [Backend::Memory, Backend::Sqlite] {
        let app = spawn_app(backend).await;
        let a = app.user("a", &["system_user", "system_admin"]).await;
        let b = app.user("b", &["system_user", "system_admin"]).await;
        let cli = mm_sessions::service::Actor::AdminCli { command: "test" };
        let (x, y) = tokio::join!(
            app.service.update_roles(cli, &a.id, "system_user"),
            app.service.update_roles(cli, &b.id, "system_user")
        );
        assert!(x.is_ok() != y.is_ok(), "{backend:?}: exactly one demotion: {x:?} {y:?}");
    }
}

#[tokio::test]
async fn two_admins_demoting_each_other_at_once_leave_one_on_postgres() {
    for _ in 0..5 {
        let app = spawn_app(Backend::Postgres).await;
        let a = app.user("a", &["system_user", "system_admin"]).await;
        let b = app.user("b", &["system_user", "system_admin"]).await;
        let cli = mm_sessions::service::Actor::AdminCli { command: "test" };
        let (x, y) = tokio::join!(
            app.service.update_roles(cli, &a.id, "system_user"),
            app.service.update_roles(cli, &b.id, "system_user")
        );
        assert!(x.is_ok() != y.is_ok(), "exactly one demotion: {x:?} {y:?}");
    }
}
