//! Role changes reach every session of the user at once, as Mattermost's `UpdateUserRoles`
//! rewrites them: a demoted administrator's open sessions lose the power on their very next
//! request (the session cache included); a promoted user's gain it. Across processes and nodes
//! in `cache_across_processes.rs`.

use serde_json::json;

use crate::helpers::*;

async fn a_demoted_admin_loses_admin_power_on_open_sessions(backend: Backend) {
    let app = spawn_app(backend).await;
    let admin = app.user("root", &["system_user", "system_admin"]).await;
    let bob = app.user("bob", &[]).await;
    let (token, _) = app.issue_session(&admin).await;
    let bobs = format!("/users/{}/sessions", bob.id);
    // The session, its user and lists are cached (on SQLite) before the change.
    assert_eq!(app.get(&bobs).token(&token).await.status, 200);
    assert_eq!(app.get("/users/me/sessions").token(&token).await.status, 200);

    app.service.set_roles(&admin, vec!["system_user".into()]).await.unwrap();

    app.get(&bobs).token(&token).await.assert_app_error(403, PERMISSIONS);
    let password = json!({"new_password": "a new password"});
    let changed = app.put(&format!("/users/{}/password", bob.id)).token(&token).json(password).await;
    changed.assert_app_error(403, "api.user.update_password.context.app_error");
    let active = app.put(&format!("/users/{}/active", bob.id)).token(&token).json(json!({"active": false})).await;
    active.assert_app_error(403, "api.user.update_active.permissions.app_error");
    app.post("/users/sessions/revoke/all").token(&token).await.assert_app_error(403, PERMISSIONS);
    let own = app.get("/users/me/sessions").token(&token).await.json();
    assert_eq!(own[0]["roles"], "system_user", "the session itself carries the new roles");
    assert!(app.service.find_user("bob").await.unwrap().is_active(), "nothing was done to bob");

    // And back: promoted, the same session may act at once.
    app.service.set_roles(&admin, vec!["system_user".into(), "system_admin".into()]).await.unwrap();
    assert_eq!(app.get(&bobs).token(&token).await.status, 200);
}

on_every_backend!(a_demoted_admin_loses_admin_power_on_open_sessions);
