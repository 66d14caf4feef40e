//! Login, logout, me and ping, as Mattermost's server answers them, and the session rules that
//! come with logins: props from the User-Agent, mobile lifetimes, cookies with CSRF, the
//! 500-session cap, the purge of expired sessions.

use std::time::{Duration, Instant};

use serde_json::json;

use mm_sessions::domain::now_millis;

use crate::helpers::*;

const PASSWORD: &str = "correct horse battery";
const CHROME: &str =
    "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36";

/// A login from Chrome on Linux (the session's props come from the User-Agent).
async fn chrome_login(app: &TestApp, body: serde_json::Value) -> Reply {
    app.post("/users/login").header("User-Agent", CHROME).json(body).await
}

async fn login_by_username_or_email_returns_the_user_and_a_working_token(backend: Backend) {
    let app = spawn_app(backend).await;
    let alice = app.user_with_password("alice", &[], PASSWORD).await;
    for login_id in ["alice", "ALICE", "alice@example.com", "Alice@Example.com"] {
        let reply = chrome_login(&app, json!({"login_id": login_id, "password": PASSWORD, "token": null})).await;
        assert_eq!(reply.status, 200, "{login_id}: {}", reply.text);
        let user = reply.json();
        assert_eq!(user["id"], alice.id.as_str());
        assert_eq!(user["username"], "alice");
        assert!(user.get("password").is_none() && !reply.text.contains("argon2"), "no password in {user}");
        let token = reply.token();
        assert!(app.token_works(&token).await);
    }
    // The session records what the browser is.
    let reply = chrome_login(&app, json!({"login_id": "alice", "password": PASSWORD})).await;
    let token = reply.token();
    let sessions = app.get("/users/me/sessions").token(&token).await.json();
    let newest = sessions.as_array().unwrap().iter().find(|s| s["props"]["browser"] == "Chrome/120.0.0.0");
    let newest = newest.unwrap_or_else(|| panic!("no Chrome session in {sessions}"));
    assert_eq!(newest["props"]["os"], "Linux");
    assert_eq!(newest["props"]["isMobile"], "false");
    assert_eq!(newest["roles"], "system_user");
    assert!(!newest["props"]["csrf"].as_str().unwrap().is_empty());
    // Go's encoding/json writes a map's keys sorted: so do we, in the props (every session here
    // has the same keys, so the first of each is the first session's) and the user's maps.
    let listed = app.get("/users/me/sessions").token(&token).await.text;
    assert_sorted_keys(&listed, &["browser", "csrf", "isMobile", "isSaml", "os", "platform"]);
    let me = app.get("/users/me").token(&token).await.text;
    assert_sorted_keys(&me, &["automaticTimezone", "manualTimezone", "useAutomaticTimezone"]);
    assert_sorted_keys(
        &me,
        &["channel", "comments", "desktop_sound", "desktop_threads", "mention_keys", "push_status", "push_threads"],
    );
    let days = (newest["expires_at"].as_i64().unwrap() - now_millis()) as f64 / 86_400_000.0;
    assert!((29.9..=30.0).contains(&days), "a web session lasts 30 days, got {days}");
}

/// `keys` (sorted) appear in `json` in that order (each key's first occurrence).
fn assert_sorted_keys(json: &str, keys: &[&str]) {
    let at: Vec<usize> =
        keys.iter().map(|k| json.find(&format!("\"{k}\":")).unwrap_or_else(|| panic!("no {k} in {json}"))).collect();
    assert!(at.is_sorted(), "keys {keys:?} out of order in {json}");
}

#[tokio::test]
async fn wrong_credentials_are_401_with_mattermosts_ids() {
    let app = spawn_app(Backend::Sqlite).await;
    app.user_with_password("alice", &[], PASSWORD).await;
    let invalid = "api.user.login.invalid_credentials_email_username";
    chrome_login(&app, json!({"login_id": "alice", "password": "wrong password"})).await.assert_app_error(401, invalid);
    chrome_login(&app, json!({"login_id": "nobody", "password": PASSWORD})).await.assert_app_error(401, invalid);
    chrome_login(&app, json!({"login_id": "", "password": PASSWORD})).await.assert_app_error(401, invalid);
    // What Mattermost's map-of-strings body makes of these is in `answers.rs`.
    chrome_login(&app, json!({"login_id": 5, "password": PASSWORD})).await.assert_app_error(401, invalid);
    // A user without a password cannot log in at all.
    app.user("nopass", &[]).await;
    chrome_login(&app, json!({"login_id": "nopass", "password": PASSWORD})).await.assert_app_error(401, invalid);
}

#[tokio::test]
async fn an_unknown_user_costs_as_much_time_as_a_wrong_password() {
    let app = spawn_app(Backend::Memory).await;
    app.user_with_password("alice", &[], PASSWORD).await;
    let median = |mut v: Vec<Duration>| {
        v.sort();
        v[v.len() / 2]
    };
    let mut wrong = Vec::new();
    let mut unknown = Vec::new();
    for _ in 0..5 {
        let started = Instant::now();
        assert_eq!(chrome_login(&app, json!({"login_id": "alice", "password": "wrong password"})).await.status, 401);
        wrong.push(started.elapsed());
        let started = Instant::now();
        assert_eq!(chrome_login(&app, json!({"login_id": "nobody", "password": "wrong password"})).await.status, 401);
        unknown.push(started.elapsed());
    }
    let (wrong, unknown) = (median(wrong), median(unknown));
    // Without the dummy hash an unknown user answers in microseconds, a wrong password in
    // tens of milliseconds; with it they are of one order.
    assert!(unknown * 3 > wrong, "unknown user {unknown:?} vs wrong password {wrong:?}");
}

#[tokio::test]
async fn a_device_id_makes_a_mobile_session_in_either_spelling() {
    // Mobile and web lengths differ here, to tell which one a login got.
    let app = spawn_app_with(Backend::Memory, |c| c.policy.mobile_length = mm_sessions::config::hours(100)).await;
    let alice = app.user_with_password("alice", &[], PASSWORD).await;
    for (key, device) in [("device_id", "android-1"), ("deviceId", "ios-2")] {
        let reply =
            chrome_login(&app, json!({"login_id": "alice", "password": PASSWORD, "token": "", key: device})).await;
        assert_eq!(reply.status, 200, "{}", reply.text);
    }
    let sessions = app.service.stores().sessions.sessions_for_user(&alice.id).await.unwrap();
    let mut devices: Vec<&str> = sessions.iter().map(|s| s.device_id.as_str()).collect();
    devices.sort();
    assert_eq!(devices, ["android-1", "ios-2"]);
    for s in &sessions {
        assert_eq!(s.props.get("isMobile"), Some("true"));
        let hours = (s.expires_at - now_millis()) as f64 / 3_600_000.0;
        assert!((99.9..=100.0).contains(&hours), "a mobile session lasts the mobile length, got {hours} h");
    }
}

#[tokio::test]
async fn browser_logins_get_cookies_and_cookie_writes_need_the_csrf_token() {
    let app = spawn_app(Backend::Memory).await;
    let alice = app.user_with_password("alice", &[], PASSWORD).await;
    let reply = app.browser_login("alice", PASSWORD).await;
    assert_eq!(reply.status, 200);
    let cookies: Vec<String> =
        reply.headers.get_all("set-cookie").iter().map(|v| v.to_str().unwrap().to_owned()).collect();
    let find = |name: &str| cookies.iter().find(|c| c.starts_with(&format!("{name}="))).cloned().unwrap_or_default();
    let (auth, user, csrf) = (find("MMAUTHTOKEN"), find("MMUSERID"), find("MMCSRF"));
    assert!(auth.contains("HttpOnly") && auth.contains("SameSite=Lax") && auth.contains("Path=/"), "{auth}");
    assert!(!user.contains("HttpOnly") && user.contains(alice.id.as_str()), "{user}");
    let value = |c: &str| c.split(';').next().unwrap().split_once('=').unwrap().1.to_owned();
    assert_eq!(value(&auth), reply.token(), "the cookie carries the session token");
    let csrf = value(&csrf);
    let session = app.service.authenticate(&reply.token()).await.unwrap();
    assert_eq!(session.session.props.get("csrf"), Some(csrf.as_str()));

    let cookie = format!("MMAUTHTOKEN={}", value(&auth));
    // Without XHR or the CSRF token: refused. With the CSRF token: allowed.
    let url = app.url("/users/me/sessions/revoke/all");
    app.send(app.client.post(&url).header("Cookie", &cookie)).await.assert_app_error(401, SESSION_EXPIRED);
    app.send(app.client.post(&url).header("Cookie", &cookie).header("X-CSRF-Token", "wrong"))
        .await
        .assert_app_error(401, SESSION_EXPIRED);
    app.send(app.client.post(&url).header("Cookie", &cookie).header("X-CSRF-Token", &csrf)).await.assert_ok_status();

    // A login without XHR sets none of the session's cookies (only the device cookie, which
    // every login sets: `login_budgets.rs`).
    let reply = chrome_login(&app, json!({"login_id": "alice", "password": PASSWORD})).await;
    let set: Vec<&str> = reply.headers.get_all("set-cookie").iter().map(|v| v.to_str().unwrap()).collect();
    assert!(set.len() == 1 && set[0].starts_with("MMDEVICE_"), "{set:?}");
}

async fn logout_ends_the_calling_session_and_always_answers_ok(backend: Backend) {
    let app = spawn_app(backend).await;
    app.user_with_password("alice", &[], PASSWORD).await;
    let first = chrome_login(&app, json!({"login_id": "alice", "password": PASSWORD})).await.token();
    let second = chrome_login(&app, json!({"login_id": "alice", "password": PASSWORD})).await.token();
    let reply = app.post("/users/logout").token(&first).await;
    reply.assert_ok_status();
    let cleared: Vec<&str> = reply.headers.get_all("set-cookie").iter().map(|v| v.to_str().unwrap()).collect();
    assert!(cleared.iter().any(|c| c.starts_with("MMAUTHTOKEN=;") && c.contains("Max-Age=0")), "{cleared:?}");
    assert!(!app.token_works(&first).await);
    assert!(app.token_works(&second).await, "only the calling session ends");
    app.post("/users/logout").await.assert_ok_status();
    app.post("/users/logout").token("garbage").await.assert_ok_status();
    app.post("/users/logout").token(&first).await.assert_ok_status();
}

#[tokio::test]
async fn me_and_ping() {
    let app = spawn_app(Backend::Sqlite).await;
    let alice = app.user_with_password("alice", &["system_user", "system_admin"], PASSWORD).await;
    let token = chrome_login(&app, json!({"login_id": "alice", "password": PASSWORD})).await.token();
    let reply = app.get("/users/me").token(&token).await;
    assert_eq!(reply.status, 200);
    let me = reply.json();
    assert_eq!((me["id"].as_str(), me["username"].as_str()), (Some(alice.id.as_str()), Some("alice")));
    assert_eq!(me["roles"], "system_user system_admin");
    assert!(reply.headers.get("etag").is_some_and(|v| v.to_str().unwrap().starts_with(alice.id.as_str())));
    app.get("/users/me").await.assert_app_error(401, SESSION_EXPIRED);
    app.get("/users/me").token("garbage").await.assert_app_error(401, SESSION_EXPIRED);

    // Its fields are in `answers.rs`.
    let reply = app.get("/system/ping").await;
    assert_eq!((reply.status, &reply.json()["status"]), (200, &json!("OK")));
}

#[tokio::test]
async fn the_501st_login_revokes_the_least_recently_used_session() {
    let app = spawn_app(Backend::Sqlite).await;
    let alice = app.user_with_password("alice", &[], PASSWORD).await;
    assert_eq!(app.service.policy().max_per_user.get(), 500, "Mattermost's cap is the default");
    // 500 sessions; the one created first is made the least recently used.
    let (oldest, oldest_session) = app.issue_session(&alice).await;
    app.service.stores().sessions.touch_session(&oldest_session.id, 1).await.unwrap();
    let mut others = Vec::new();
    for _ in 1..500 {
        others.push(app.issue_session(&alice).await.0);
    }
    assert_eq!(app.service.stores().sessions.sessions_for_user(&alice.id).await.unwrap().len(), 500);
    let newest = chrome_login(&app, json!({"login_id": "alice", "password": PASSWORD})).await.token();
    let sessions = app.service.stores().sessions.sessions_for_user(&alice.id).await.unwrap();
    assert_eq!(sessions.len(), 500, "still at the cap");
    assert!(sessions.iter().all(|s| s.id != oldest_session.id));
    assert!(!app.token_works(&oldest).await, "the least recently used session is revoked");
    assert!(app.token_works(&newest).await);
    assert!(app.token_works(&others[0]).await && app.token_works(&others[498]).await);
}

async fn expired_sessions_are_purged_in_the_background(backend: Backend) {
    let app = spawn_app_with(backend, |c| c.purge_interval = Duration::from_millis(50)).await;
    let alice = app.user("alice", &[]).await;
    let (live, _) = app.issue_session(&alice).await;
    for _ in 0..3 {
        app.expired_token(&alice).await;
    }
    let deadline = Instant::now() + Duration::from_secs(10);
    while app.service.stores().sessions.sessions_for_user(&alice.id).await.unwrap().len() > 1 {
        assert!(Instant::now() < deadline, "{backend:?}: expired sessions still there");
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    assert!(app.token_works(&live).await, "live sessions stay");
}

#[tokio::test]
async fn users_are_found_by_username_by_anyone_signed_in() {
    let app = spawn_app(Backend::Memory).await;
    let alice = app.user("alice", &[]).await;
    let bob = app.user("bob", &[]).await;
    let (token, _) = app.issue_session(&bob).await;
    let reply = app.get("/users/username/alice").token(&token).await;
    assert_eq!(reply.status, 200, "{}", reply.text);
    assert_eq!(reply.json()["id"], alice.id.as_str());
    app.get("/users/username/nobody").token(&token).await.assert_app_error(404, "app.user.get_by_username.app_error");
    // Which names are refused, and how, is in `answers.rs`.
    app.get("/users/username/alice").await.assert_app_error(401, SESSION_EXPIRED);
}

/// The budgets a login spends: the account's (shared by its names; docs/security.md) and the
/// client address's, which answers 429 with how long to wait.
#[tokio::test]
async fn logins_are_rate_limited_per_account_and_per_address() {
    let app = spawn_app_with(Backend::Memory, |c| {
        c.policy.login_rate_account = std::num::NonZeroU32::new(3).unwrap();
        c.policy.login_rate_ip = std::num::NonZeroU32::new(5).unwrap();
        c.clock = mm_sessions::domain::Clock::frozen();
    })
    .await;
    app.user_with_password("alice", &[], PASSWORD).await;
    app.user_with_password("bob", &[], PASSWORD).await;
    let wrong = "api.user.login.invalid_credentials_email_username";
    for _ in 0..3 {
        chrome_login(&app, json!({"login_id": "alice", "password": "guess guess"})).await.assert_app_error(401, wrong);
    }
    // The account's budget is spent: from a device it never signed in on, even the right
    // password is answered as a wrong one (a 429 would tell that `ALICE` is that account).
    chrome_login(&app, json!({"login_id": "ALICE", "password": PASSWORD})).await.assert_app_error(401, wrong);
    // The address's budget (5): the fifth login from this address gets in, the sixth waits.
    assert_eq!(chrome_login(&app, json!({"login_id": "bob", "password": PASSWORD})).await.status, 200);
    let limited = chrome_login(&app, json!({"login_id": "bob", "password": PASSWORD})).await;
    limited.assert_app_error(429, "api.user.login.rate_limited.app_error");
    let retry: u64 = limited.headers["retry-after"].to_str().unwrap().parse().unwrap();
    assert_eq!(retry, 12, "one login back every 60/5 seconds");
}

on_every_backend!(
    login_by_username_or_email_returns_the_user_and_a_working_token,
    logout_ends_the_calling_session_and_always_answers_ok,
    expired_sessions_are_purged_in_the_background
);
