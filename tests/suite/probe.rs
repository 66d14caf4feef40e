//! What a hostile probe found, each with the test that failed before its fix: unknown body keys
//! forging or flooding the log, a login's device id leaving the device's old sessions alive, a
//! cookie logout without the CSRF header, unbounded device ids, and a login budget that told
//! whether a username and an email are one account. (The sixth, the spec saying less than the
//! server requires, is `contract::what_a_body_must_hold_the_spec_says`.)

use serde_json::{json, Map, Value};

use crate::helpers::*;
use crate::process::{cli, Node};

const PASSWORD: &str = "correct horse battery";

/// Unknown JSON keys reach the log only at debug, escaped and bounded, once per request, never
/// as the generated layer's raw WARN line per key, whatever RUST_LOG says; nor as a response
/// header.
#[tokio::test]
async fn unknown_body_keys_neither_forge_nor_flood_the_log() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("s.db");
    let db = db.to_str().unwrap();
    cli(db, &["user", "create", "--username", "alice", "--email", "alice@example.com", "--password", PASSWORD]);
    let log = dir.path().join("server.log");
    let node = Node::with(db).log(&log).env("MM_SESSIONS_LOGIN_RATE_ACCOUNT", "1").start().await;
    let forged = "x\n2026-12-01T00:00:00.000000Z  INFO logged in user_id=\"admin\"";
    let mut body = Map::new();
    body.insert("login_id".into(), json!("alice"));
    body.insert("password".into(), json!(PASSWORD));
    // String values: the login body is read as a map of strings, which drops any other value
    // before the generated layer sees (and names) its key.
    body.insert(forged.into(), json!(""));
    // About 50 KB of keys: under the body limit (64 KiB).
    for i in 0..4000 {
        body.insert(format!("k{i}"), json!(""));
    }
    let login = |body: Map<String, Value>| {
        node.client.post(format!("{}/users/login", node.base)).json(&Value::Object(body)).send()
    };
    let first = login(body.clone()).await.unwrap();
    assert_eq!(first.status(), 200);
    assert!(first.headers().get("warning").is_none(), "no client text in a response header");
    // Again: the account's budget of one is spent, 429; the same care.
    let second = login(body).await.unwrap();
    assert_eq!(second.status(), 429);
    node.stop();
    let text = std::fs::read_to_string(&log).unwrap();
    assert!(!text.contains("Ignoring unknown field"), "the generated layer's raw lines are kept out");
    assert!(!text.lines().any(|l| l.starts_with("2026-12-01T00:00:00.000000Z  INFO logged in")), "a forged line");
    let mentions = text.lines().filter(|l| l.contains("body fields ignored")).count();
    assert_eq!(mentions, 2, "once per request");
    assert!(text.lines().all(|l| l.len() < 2000), "bounded");
    assert!(text.lines().count() < 100, "{} lines for two requests", text.lines().count());
}

/// A login with a device id ends the user's earlier sessions with that device id (Mattermost's
/// `DoLogin`), as attaching a device does; only those.
async fn a_login_with_a_device_id_ends_that_devices_earlier_sessions(backend: Backend) {
    let app = spawn_app(backend).await;
    app.user_with_password("alice", &[], PASSWORD).await;
    app.user_with_password("bob", &[], PASSWORD).await;
    let phone =
        |who: &str, device: &str| app.login_with(json!({"login_id": who, "password": PASSWORD, "device_id": device}));
    let old = phone("alice", "android_rn:phone").await.token();
    let tablet = phone("alice", "android_rn:tablet").await.token();
    let web = app.login_token("alice", PASSWORD).await;
    let bobs = phone("bob", "android_rn:phone").await.token();
    let new = phone("alice", "android_rn:phone").await.token();
    assert!(!app.token_works(&old).await, "the device's earlier session ended");
    for (token, what) in [(&new, "the new one"), (&tablet, "another device"), (&web, "a web one"), (&bobs, "bob's")] {
        assert!(app.token_works(token).await, "{what} stays");
    }
}

/// A cookie-authenticated logout (or any write) without the CSRF header is 401 and changes
/// nothing: the session stays, no cookie is cleared (Mattermost's `checkCSRFToken`).
#[tokio::test]
async fn a_cookie_logout_without_the_csrf_header_changes_nothing() {
    let app = spawn_app(Backend::Memory).await;
    app.user_with_password("alice", &[], PASSWORD).await;
    let reply = app.browser_login("alice", PASSWORD).await;
    let token = reply.token();
    let cookie = format!("MMAUTHTOKEN={token}");
    for path in ["/users/logout", "/users/login"] {
        let refused = app.post(path).cookie(&cookie).json(json!({"login_id": "alice", "password": PASSWORD})).await;
        refused.assert_app_error(401, SESSION_EXPIRED);
        assert!(refused.headers.get("set-cookie").is_none(), "{path}: no cookie cleared or set");
        assert!(app.token_works(&token).await, "{path}: the session is alive");
    }
    // With the header, the logout goes through.
    let csrf = app.service.authenticate(&token).await.unwrap().session.props.get("csrf").unwrap().to_owned();
    app.post("/users/logout").cookie(&cookie).header("X-CSRF-Token", &csrf).await.assert_ok_status();
    assert!(!app.token_works(&token).await);
}

/// A device id is at most 512 characters, at login and at attach (our rule: Mattermost's column
/// is `varchar(512)`, and a longer one fails its insert).
async fn device_ids_are_bounded(backend: Backend) {
    let app = spawn_app(backend).await;
    app.user_with_password("alice", &[], PASSWORD).await;
    let long = "d".repeat(513);
    app.login_with(json!({"login_id": "alice", "password": PASSWORD, "device_id": long}))
        .await
        .assert_app_error(400, INVALID_BODY_PARAM);
    app.login_with(json!({"login_id": "alice", "password": PASSWORD, "deviceId": long}))
        .await
        .assert_app_error(400, INVALID_BODY_PARAM);
    let token =
        app.login_with(json!({"login_id": "alice", "password": PASSWORD, "device_id": "é".repeat(512)})).await.token();
    app.put("/users/sessions/device")
        .token(&token)
        .json(json!({"device_id": long}))
        .await
        .assert_app_error(400, INVALID_BODY_PARAM);
    app.put("/users/sessions/device")
        .token(&token)
        .json(json!({"device_id": "x".repeat(512)}))
        .await
        .assert_ok_status();
    let listed = app.get("/users/me/sessions").token(&token).await.json();
    assert!(listed.as_array().unwrap().iter().all(|s| s["device_id"].as_str().unwrap().chars().count() <= 512));
}

/// The per-account login budget answers alike whether or not a login id names an account, and
/// whether or not two login ids are one account: it is keyed by what was typed.
#[tokio::test]
async fn the_account_budget_tells_nothing_about_accounts() {
    let app =
        spawn_app_with(Backend::Sqlite, |c| c.policy.login_rate_account = std::num::NonZeroU32::new(4).unwrap()).await;
    app.user_with_password("carol", &[], PASSWORD).await;
    let wrong = "api.user.login.invalid_credentials_email_username";
    let limited = "api.user.login.rate_limited.app_error";
    for (name, email) in [("Carol", "carol@example.com"), ("Zed", "zed@example.com")] {
        for padded in [name.to_string(), name.to_uppercase(), format!(" {name} "), name.to_lowercase()] {
            app.login(&padded, "guess guess").await.assert_app_error(401, wrong);
        }
        app.login(name, "guess guess").await.assert_app_error(429, limited);
        // The other login id of the same account (or of none) has its own budget.
        app.login(email, "guess guess").await.assert_app_error(401, wrong);
    }
    // The right password under the spent login id waits too; under the other, it logs in.
    app.login("carol", PASSWORD).await.assert_app_error(429, limited);
    assert_eq!(app.login("carol@example.com", PASSWORD).await.status, 200);
    let metrics = app.metrics().await;
    assert!(metrics.contains(r#"mm_sessions_login_rejections_total{budget="account"} 3"#), "{metrics}");
}

on_every_backend!(a_login_with_a_device_id_ends_that_devices_earlier_sessions, device_ids_are_bounded);
