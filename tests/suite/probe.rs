//! What the hostile probes found, each with the test that failed before its fix: unknown body
//! keys forging or flooding the log, a login's device id leaving the device's old sessions
//! alive, a cookie logout without the CSRF header, unbounded device ids, refused logins and
//! unknown forward-auth names flooding the log. (The spec saying less than the server requires
//! is `contract::what_a_body_must_hold_the_spec_says`; the login budgets, which told whether a
//! username and an email are one account and let anyone lock an account's owner out, are
//! `login_budgets`.)

use serde_json::{json, Map, Value};

use crate::helpers::*;
use crate::process::{cli, Node};

const PASSWORD: &str = "correct horse battery";

/// A folder holding a SQLite database with the user alice (made by the admin CLI), its path,
/// and a path for a server's log in the same folder.
fn database_with_alice() -> (tempfile::TempDir, String, std::path::PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("s.db").to_str().unwrap().to_owned();
    cli(&db, &["user", "create", "--username", "alice", "--email", "alice@example.com", "--password", PASSWORD]);
    let log = dir.path().join("server.log");
    (dir, db, log)
}

/// Unknown JSON keys reach the log only at debug, escaped and bounded, once per request, never
/// as the generated layer's raw WARN line per key, whatever RUST_LOG says; nor as a response
/// header.
#[tokio::test]
async fn unknown_body_keys_neither_forge_nor_flood_the_log() {
    let (_dir, db, log) = database_with_alice();
    let db = db.as_str();
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
    // Again: the account's budget of one is spent (answered as a wrong password); the same care.
    let second = login(body).await.unwrap();
    assert_eq!(second.status(), 401);
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

on_every_backend!(a_login_with_a_device_id_ends_that_devices_earlier_sessions, device_ids_are_bounded);

/// Refused logins flood neither the log nor the metrics' blind spot: 3,000 of them, from one
/// address at the default budgets and log level (the probe's 3,000 POSTs wrote 3,296 lines),
/// write fewer than 50 lines, and every one is counted.
#[tokio::test]
async fn three_thousand_refused_logins_write_few_lines_and_are_all_counted() {
    let (_dir, db, log) = database_with_alice();
    let db = db.as_str();
    let node = Node::with(db)
        .log(&log)
        .env("RUST_LOG", "info")
        .env("MM_SESSIONS_LOGIN_RATE_IP", "60")
        .env("MM_SESSIONS_LOGIN_RATE_ACCOUNT", "20")
        .start()
        .await;
    let mut senders = tokio::task::JoinSet::new();
    for sender in 0..6 {
        let (client, url) = (node.client.clone(), format!("{}/users/login", node.base));
        senders.spawn(async move {
            let mut statuses = Vec::new();
            for i in 0..500 {
                let login_id = if i % 2 == 0 { "alice".to_owned() } else { format!("nobody{sender}-{i}") };
                let body = json!({"login_id": login_id, "password": "guess guess"});
                statuses.push(client.post(&url).json(&body).send().await.unwrap().status().as_u16());
            }
            statuses
        });
    }
    let statuses: Vec<u16> = senders.join_all().await.into_iter().flatten().collect();
    assert_eq!(statuses.len(), 3000);
    assert!(statuses.iter().all(|s| [401, 429].contains(s)), "only refusals");
    let metrics = node.client.get(format!("http://{}/metrics", node.addr())).send().await.unwrap();
    let metrics = metrics.text().await.unwrap();
    let count = |outcome: &str| -> u64 {
        let line = format!("mm_sessions_logins_total{{outcome=\"{outcome}\"}} ");
        metrics.lines().find_map(|l| l.strip_prefix(line.as_str())).map_or(0, |n| n.parse().unwrap())
    };
    assert_eq!(count("invalid_credentials") + count("rate_limited"), 3000, "{metrics}");
    node.stop();
    let text = std::fs::read_to_string(&log).unwrap();
    let lines = text.lines().count();
    assert!(lines < 50, "{lines} lines:\n{text}");
}

/// A signed-in user asking the forward-auth check for 150 unknown roles, three times over,
/// cannot make every check write a line: each of the first 64 names is logged once, the rest a
/// few a window (the probe: a WARN on every call past 64 names).
#[tokio::test]
async fn unknown_forward_auth_names_do_not_flood_the_log() {
    let (_dir, db, log) = database_with_alice();
    let db = db.as_str();
    let node = Node::with(db).log(&log).env("RUST_LOG", "info").start().await;
    let token = node.login("alice", PASSWORD).await;
    let started = std::time::Instant::now();
    for _ in 0..3 {
        for i in 0..150 {
            let url = format!("{}/auth/check?role=r{i}", node.base);
            let status = node.client.get(url).bearer_auth(&token).send().await.unwrap().status();
            assert_eq!(status, 403, "an unknown role refuses everyone");
        }
    }
    let metrics = node.client.get(format!("http://{}/metrics", node.addr())).send().await.unwrap();
    let metrics = metrics.text().await.unwrap();
    assert!(metrics.contains(r#"mm_sessions_forward_auth_unknown_requirements_total{kind="role"} 450"#), "{metrics}");
    node.stop();
    let text = std::fs::read_to_string(&log).unwrap();
    let warned = text.lines().filter(|l| l.contains("asks for an unknown role")).count();
    // Five lines a 10-second window beyond the 64 names remembered, whatever this machine's pace.
    let windows = started.elapsed().as_secs() as usize / 10 + 1;
    assert!((64..=64 + 5 * windows).contains(&warned), "{warned} lines for 450 checks in {windows} windows");
}
