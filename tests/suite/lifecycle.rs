//! The life of a session between the seed's calls, as Mattermost runs it: idle timeout,
//! extension with activity, password change, revoke everyone, device attach. Time is moved with
//! the service's clock, never slept through.

use std::time::Duration;

use serde_json::{json, Value};

use mm_sessions::domain::now_millis;
use mm_sessions::permissions::Grant;

use crate::helpers::*;

const PASSWORD: &str = "alice password";
const MINUTE: i64 = 60 * 1000;
const HOUR: i64 = 60 * MINUTE;

/// The caller's own session, as the list shows it.
async fn own_session(app: &TestApp, token: &str) -> Value {
    let sessions = app.get("/users/me/sessions").token(token).await.json();
    let stored = app.service.authenticate(token).await.expect("a live token").session;
    sessions.as_array().unwrap().iter().find(|s| s["id"] == stored.id.as_str()).cloned().unwrap()
}

async fn idle_web_sessions_end_only_where_mattermost_applies_the_timeout(backend: Backend) {
    let app = spawn_app_with(backend, |c| {
        c.policy.extend_with_activity = false;
        c.policy.idle_timeout = Some(Duration::from_secs(30 * 60));
        c.policy.enable_user_access_tokens = true;
    })
    .await;
    let alice = app.user_with_password("alice", &[], PASSWORD).await;
    let web = app.login_token("alice", PASSWORD).await;
    let kept_busy = app.login_token("alice", PASSWORD).await;
    let mobile = app
        .login_with(json!({"login_id": "alice", "password": PASSWORD, "device_id": "android_rn:dev1"}))
        .await
        .token();
    let script = app.access_token(&alice, 0).await;
    assert!(app.token_works(&script).await, "its first use opens its session");

    // Used every 20 minutes, a session stays; idle for 31 minutes, it is refused and gone.
    app.service.clock().advance(20 * MINUTE);
    assert!(app.token_works(&kept_busy).await);
    app.service.clock().advance(11 * MINUTE);
    assert!(app.token_works(&kept_busy).await, "used 11 minutes ago");
    app.get("/users/me").token(&web).await.assert_app_error(401, SESSION_EXPIRED);
    assert!(app
        .service
        .stores()
        .sessions
        .session_by_token(&mm_sessions::domain::TokenHash::of(&web))
        .await
        .unwrap()
        .is_none());
    // Mobile sessions and access tokens are never idle-timed-out.
    assert!(app.token_works(&mobile).await);
    assert!(app.token_works(&script).await);
}

async fn with_extension_on_there_is_no_idle_timeout_and_used_sessions_never_expire(backend: Backend) {
    let app = spawn_app_with(backend, |c| {
        c.policy.idle_timeout = Some(Duration::from_secs(30 * 60));
        c.policy.enable_user_access_tokens = true;
    })
    .await;
    let alice = app.user_with_password("alice", &[], PASSWORD).await;
    let token = app.login_token("alice", PASSWORD).await;
    let first = own_session(&app, &token).await["expires_at"].as_i64().unwrap();
    // 720 hours: the threshold is 1% of it (7.2 h). Within it, nothing moves.
    app.service.clock().advance(2 * HOUR);
    assert_eq!(own_session(&app, &token).await["expires_at"].as_i64().unwrap(), first, "not extended yet");
    // Past it, the expiry moves to now + 720 h (idle 2 h > 30 min: no timeout while extending).
    app.service.clock().advance(6 * HOUR);
    let now = app.service.clock().now_millis();
    let extended = own_session(&app, &token).await["expires_at"].as_i64().unwrap();
    assert!((extended - (now + 720 * HOUR)).abs() < MINUTE, "extended to now + 720 h: {extended} vs {now}");
    // 800 hours of use, 8 hours apart: the session never expires.
    for _ in 0..100 {
        app.service.clock().advance(8 * HOUR);
        assert!(app.token_works(&token).await);
    }
    // Personal access token sessions are not extended: they live as long as their token.
    let day_from_now = app.service.clock().now_millis() + 24 * HOUR;
    let script = app.access_token(&alice, day_from_now).await;
    let session = app.service.authenticate(&script).await.unwrap().session;
    assert_eq!(session.expires_at, day_from_now, "the session ends when its token does");
    app.service.clock().advance(12 * HOUR);
    assert!(app.token_works(&script).await);
    let stored = app.service.stores().sessions.session_by_id(&session.id).await.unwrap().unwrap();
    assert_eq!(stored.expires_at, session.expires_at, "an access token keeps its expiry");
    let forever = app.access_token(&alice, 0).await;
    let session = app.service.authenticate(&forever).await.unwrap().session;
    app.service.clock().advance(12 * HOUR);
    assert!(app.token_works(&forever).await);
    let stored = app.service.stores().sessions.session_by_id(&session.id).await.unwrap().unwrap();
    assert_eq!(stored.expires_at, session.expires_at, "one that never expires keeps its 100 years");
}

#[tokio::test]
async fn an_extended_cookie_session_gets_its_cookies_again() {
    let app = spawn_app(Backend::Memory).await;
    app.user_with_password("alice", &[], PASSWORD).await;
    let reply = app.browser_login("alice", PASSWORD).await;
    let token = reply.headers["token"].to_str().unwrap().to_owned();
    let cookies = |reply: &Reply| -> Vec<String> {
        reply.headers.get_all("set-cookie").iter().map(|v| v.to_str().unwrap().to_owned()).collect()
    };
    // All three, as the browser sends them (without the companions they would come back).
    let cookie: Vec<String> = cookies(&reply).iter().map(|c| c.split(';').next().unwrap().to_owned()).collect();
    let cookie = cookie.join("; ");
    let early = app.get("/users/me").cookie(&cookie).await;
    assert_eq!(early.status, 200);
    assert!(cookies(&early).is_empty(), "nothing extended, nothing sent");
    app.service.clock().advance(8 * HOUR);
    let late = app.get("/users/me").cookie(&cookie).await;
    assert_eq!(late.status, 200);
    let sent = cookies(&late);
    let auth = sent.iter().find(|c| c.starts_with("MMAUTHTOKEN=")).expect("the token cookie again");
    assert!(auth.contains(&token) && auth.contains("HttpOnly"), "{auth}");
    let max_age: i64 = auth.split("Max-Age=").nth(1).unwrap().split(';').next().unwrap().parse().unwrap();
    assert!((max_age - 720 * 3600).abs() < 120, "the new lifetime: {max_age}");
    assert!(sent.iter().any(|c| c.starts_with("MMCSRF=")) && sent.iter().any(|c| c.starts_with("MMUSERID=")));
    // A header-authenticated request gets no cookies.
    app.service.clock().advance(8 * HOUR);
    assert!(cookies(&app.get("/users/me").token(&token).await).is_empty());
}

async fn changing_ones_own_password_ends_the_other_sessions(backend: Backend) {
    let app = spawn_app_with(backend, |c| c.policy.login_rate_account = std::num::NonZeroU32::new(4).unwrap()).await;
    let alice = app.user_with_password("alice", &[], PASSWORD).await;
    let mine = app.login_token("alice", PASSWORD).await;
    let other = app.login_token("alice", PASSWORD).await;
    let path = "/users/me/password";
    app.put(path)
        .token(&mine)
        .json(json!({"new_password": "a new password"}))
        .await
        .assert_app_error(400, INVALID_BODY_PARAM);
    app.put(path)
        .token(&mine)
        .json(json!({"current_password": "wrong one", "new_password": "a new password"}))
        .await
        .assert_app_error(400, "api.user.update_password.incorrect.app_error");
    app.put(path)
        .token(&mine)
        .json(json!({"current_password": PASSWORD, "new_password": "short"}))
        .await
        .assert_app_error(400, "model.user.is_valid.pwd_min_length.app_error");
    assert!(app.token_works(&other).await, "nothing changed yet");
    let change = json!({"current_password": PASSWORD, "new_password": "a new password"});
    app.put(&format!("/users/{}/password", alice.id)).token(&mine).json(change).await.assert_ok_status();
    assert!(app.token_works(&mine).await, "the caller's session stays");
    assert!(!app.token_works(&other).await, "the other session ended");
    assert_eq!(app.post("/users/login").json(json!({"login_id": "alice", "password": PASSWORD})).await.status, 401);
    app.login_token("alice", "a new password").await;
    // Guessing the current password spends from the session's budget (4 a minute: 3 checks
    // above), not the account's (which the 4 logins above spent).
    let guess = json!({"current_password": "guess", "new_password": "another password"});
    app.put(path)
        .token(&mine)
        .json(guess.clone())
        .await
        .assert_app_error(400, "api.user.update_password.incorrect.app_error");
    let limited = app.put(path).token(&mine).json(guess).await;
    limited.assert_app_error(429, "api.user.login.rate_limited.app_error");
    assert!(limited.headers.contains_key("retry-after"));
}

/// alice, bob, an admin, and a manager whose role is granted
/// `sysconsole_write_user_management_users` (each with a password, see `login` above).
async fn app_with_a_user_manager(backend: Backend) -> (TestApp, mm_sessions::domain::User, mm_sessions::domain::User) {
    let grant = Grant {
        role: "system_user_manager".into(),
        permission: "sysconsole_write_user_management_users".parse().unwrap(),
    };
    let app = spawn_app_with(backend, |c| c.grants = vec![grant]).await;
    let alice = app.user_with_password("alice", &[], PASSWORD).await;
    let admin = app.user_with_password("admin", &["system_user", "system_admin"], "admin password").await;
    app.user_with_password("manager", &["system_user", "system_user_manager"], "manager pw!").await;
    app.user_with_password("bob", &[], "bob password").await;
    (app, alice, admin)
}

async fn others_passwords_need_mattermosts_permissions(backend: Backend) {
    let (app, alice, admin) = app_with_a_user_manager(backend).await;
    let alice_token = app.login_token("alice", PASSWORD).await;
    let bob = app.login_token("bob", "bob password").await;
    let manager_token = app.login_token("manager", "manager pw!").await;
    let admin_token = app.login_token("admin", "admin password").await;
    let set = |to: &str| json!({"new_password": to});
    let alice_path = format!("/users/{}/password", alice.id);
    app.put(&alice_path)
        .token(&bob)
        .json(set("by bob!!"))
        .await
        .assert_app_error(403, "api.user.update_password.context.app_error");
    let admin_path = format!("/users/{}/password", admin.id);
    app.put(&admin_path)
        .token(&manager_token)
        .json(set("by manager"))
        .await
        .assert_app_error(403, "api.user.update_password.context.app_error");
    app.put(&alice_path).token(&manager_token).json(set("by manager")).await.assert_ok_status();
    assert!(!app.token_works(&alice_token).await, "every session of alice ended");
    assert!(app.token_works(&manager_token).await);
    app.login_token("alice", "by manager").await;
    app.put(&alice_path).token(&admin_token).json(set("by the admin")).await.assert_ok_status();
    app.login_token("alice", "by the admin").await;
    app.put("/users/notanid/password")
        .token(&admin_token)
        .json(set("whatever1"))
        .await
        .assert_app_error(400, INVALID_URL_PARAM);
}

#[tokio::test]
async fn with_terminate_off_a_password_change_ends_nothing() {
    let app = spawn_app_with(Backend::Memory, |c| c.policy.terminate_on_password_change = false).await;
    app.user_with_password("alice", &[], PASSWORD).await;
    let mine = app.login_token("alice", PASSWORD).await;
    let other = app.login_token("alice", PASSWORD).await;
    app.put("/users/me/password")
        .token(&mine)
        .json(json!({"current_password": PASSWORD, "new_password": "a new password"}))
        .await
        .assert_ok_status();
    assert!(app.token_works(&other).await);
}

async fn an_admin_can_sign_everyone_out(backend: Backend) {
    let app = spawn_app(backend).await;
    app.user_with_password("alice", &[], PASSWORD).await;
    app.user_with_password("admin", &["system_user", "system_admin"], "admin password").await;
    let alice = app.login_token("alice", PASSWORD).await;
    let admin = app.login_token("admin", "admin password").await;
    let everyone = "/users/sessions/revoke/all";
    app.post(everyone).token(&alice).await.assert_app_error(403, PERMISSIONS);
    assert!(app.token_works(&alice).await);
    app.post(everyone).token(&admin).await.assert_ok_status();
    assert!(!app.token_works(&alice).await);
    assert!(!app.token_works(&admin).await, "the caller's session too");
    assert_eq!(app.service.stores().sessions.count_active_sessions(now_millis()).await.unwrap(), 0);
}

async fn attaching_a_device_makes_a_mobile_session_and_ends_its_other_sessions(backend: Backend) {
    let app = spawn_app_with(backend, |c| c.policy.mobile_length = mm_sessions::config::hours(100)).await;
    app.user_with_password("alice", &[], PASSWORD).await;
    let old = app.login_token("alice", PASSWORD).await;
    let new = app.login_token("alice", PASSWORD).await;
    let unrelated = app.login_token("alice", PASSWORD).await;
    app.put("/users/sessions/device")
        .token(&old)
        .json(json!({"device_id": ""}))
        .await
        .assert_app_error(400, INVALID_BODY_PARAM);
    app.put("/users/sessions/device")
        .token(&old)
        .json(json!({"device_id": "apple_rnbeta:phone"}))
        .await
        .assert_ok_status();
    // The app logs in again on the same phone and attaches: the old session of that device ends.
    app.put("/users/sessions/device")
        .token(&new)
        .json(json!({"device_id": "apple_rnbeta:phone"}))
        .await
        .assert_ok_status();
    assert!(!app.token_works(&old).await);
    assert!(app.token_works(&unrelated).await, "sessions of other devices stay");
    let session = own_session(&app, &new).await;
    assert_eq!(session["device_id"], "apple_rnbeta:phone");
    let expected = app.service.clock().now_millis() + 100 * HOUR;
    assert!((session["expires_at"].as_i64().unwrap() - expected).abs() < MINUTE, "the mobile length: {session}");
}

on_every_backend!(
    idle_web_sessions_end_only_where_mattermost_applies_the_timeout,
    with_extension_on_there_is_no_idle_timeout_and_used_sessions_never_expire,
    changing_ones_own_password_ends_the_other_sessions,
    others_passwords_need_mattermosts_permissions,
    an_admin_can_sign_everyone_out,
    attaching_a_device_makes_a_mobile_session_and_ends_its_other_sessions,
);

async fn deactivation_ends_every_session_and_blocks_logins_until_reactivation(backend: Backend) {
    let (app, alice, admin) = app_with_a_user_manager(backend).await;
    let alice_token = app.login_token("alice", PASSWORD).await;
    let alice_mobile =
        app.login_with(json!({"login_id": "alice", "password": PASSWORD, "device_id": "android_rn:dev"})).await.token();
    let bob = app.login_token("bob", "bob password").await;
    let manager = app.login_token("manager", "manager pw!").await;
    let admin_token = app.login_token("admin", "admin password").await;
    let active = |id: &str| format!("/users/{id}/active");

    app.put(&active(&alice.id))
        .token(&bob)
        .json(json!({"active": false}))
        .await
        .assert_app_error(403, "api.user.update_active.permissions.app_error");
    app.put("/users/me/active")
        .token(&alice_token)
        .json(json!({"active": false}))
        .await
        .assert_app_error(401, "api.user.update_active.not_enable.app_error");
    app.put(&active(&admin.id)).token(&manager).json(json!({"active": false})).await.assert_app_error(403, PERMISSIONS);
    app.put(&active(&alice.id)).token(&manager).json(json!({})).await.assert_app_error(400, INVALID_BODY_PARAM);
    app.put(&active(&alice.id))
        .token(&manager)
        .json(json!({"active": "no"}))
        .await
        .assert_app_error(400, INVALID_BODY_PARAM);
    app.put(&active("abcdefghijklmnopqrstuvwxyz"))
        .token(&admin_token)
        .json(json!({"active": false}))
        .await
        .assert_app_error(404, "app.user.missing_account.const");
    assert!(app.token_works(&alice_token).await, "nothing happened yet");

    app.put(&active(&alice.id)).token(&manager).json(json!({"active": false})).await.assert_ok_status();
    assert!(!app.token_works(&alice_token).await && !app.token_works(&alice_mobile).await, "every session ended");
    for password in [PASSWORD, "wrong password"] {
        app.post("/users/login")
            .json(json!({"login_id": "alice", "password": password}))
            .await
            .assert_app_error(401, "api.user.login.inactive.app_error");
    }
    let shown = app.get("/users/username/alice").token(&admin_token).await.json();
    assert!(shown["delete_at"].as_i64().unwrap() > 0, "{shown}");
    // Even a session issued straight through the store after the deactivation is refused.
    let stored = app.service.find_user("alice").await.unwrap();
    let issued = app.service.issue_session(&stored, HOUR, String::new(), Default::default()).await;
    assert!(issued.is_err(), "no session for a deactivated user");

    app.put(&active(&alice.id)).token(&admin_token).json(json!({"active": true})).await.assert_ok_status();
    let again = app.login_token("alice", PASSWORD).await;
    assert!(app.token_works(&again).await);
    assert!(!app.token_works(&alice_token).await, "old sessions stay gone");
    assert_eq!(app.get("/users/username/alice").token(&admin_token).await.json()["delete_at"], 0);
}

#[tokio::test]
async fn users_may_deactivate_themselves_when_the_setting_allows_it() {
    let app = spawn_app_with(Backend::Sqlite, |c| c.policy.enable_user_deactivation = true).await;
    app.user_with_password("alice", &[], PASSWORD).await;
    let token = app.login_token("alice", PASSWORD).await;
    // Reactivating oneself is never the user's own call.
    app.put("/users/me/active")
        .token(&token)
        .json(json!({"active": true}))
        .await
        .assert_app_error(403, "api.user.update_active.permissions.app_error");
    app.put("/users/me/active").token(&token).json(json!({"active": false})).await.assert_ok_status();
    assert!(!app.token_works(&token).await);
    app.post("/users/login")
        .json(json!({"login_id": "alice", "password": PASSWORD}))
        .await
        .assert_app_error(401, "api.user.login.inactive.app_error");
}

on_every_backend!(deactivation_ends_every_session_and_blocks_logins_until_reactivation);
