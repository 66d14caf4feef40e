//! The session cache never answers from stale data. Each test is a loop of [`TRIES`] attempts
//! with zero stale answers allowed: a session is put in the cache (its token used, its user's
//! list read), ended by one revocation path, and its token used again at once; or a session is
//! created and the user's (cached) list read at once. In the process on every backend here;
//! from the admin CLI, an outside SQLite connection and other nodes in `cache_across_processes.rs`.

use std::collections::BTreeMap;
use std::future::Future;
use std::time::Duration;

use serde_json::json;

use mm_sessions::domain::{Session, User};

use crate::helpers::*;

/// Attempts per path; every one must be answered from fresh data.
pub const TRIES: usize = 100;
const PASSWORD: &str = "alice password";
const MINUTE: i64 = 60 * 1000;

/// Runs `attempt` [`TRIES`] times; each returns whether its answer was stale.
pub async fn never_stale<F, Fut>(path: &str, mut attempt: F)
where
    F: FnMut(usize) -> Fut,
    Fut: Future<Output = bool>,
{
    let mut stale = 0;
    for i in 0..TRIES {
        if attempt(i).await {
            stale += 1;
        }
    }
    assert_eq!(stale, 0, "{path}: {stale} of {TRIES} answers came from a stale cache");
}

/// A session for `user` whose token and user's list are in the cache: (token, session).
async fn cached_session(app: &TestApp, user: &User) -> (String, Session) {
    let (token, session) = app.issue_session(user).await;
    warm(app, &token).await;
    (token, session)
}

/// Uses `token` (its session) and reads its user's list and user: all three now cached, and
/// (read twice: a miss that read what an answer is made from keeps it, else the first hit does)
/// both answers kept as bytes, so
/// that the read after a write would be served from them if they were not forgotten with it.
async fn warm(app: &TestApp, token: &str) {
    for _ in 0..2 {
        assert_eq!(app.get("/users/me/sessions").token(token).await.status, 200);
        assert_eq!(app.get("/users/me").token(token).await.status, 200);
        assert_eq!(app.get("/auth/check").token(token).await.status, 200);
    }
}

/// The session ids of `token`'s user, as the list answers.
async fn listed_ids(app: &TestApp, token: &str) -> Vec<String> {
    let reply = app.get("/users/me/sessions").token(token).await;
    assert_eq!(reply.status, 200, "{}", reply.text);
    reply.json().as_array().unwrap().iter().map(|s| s["id"].as_str().unwrap().to_owned()).collect()
}

async fn revocations_by_request_are_seen_at_once(backend: Backend) {
    let app = spawn_app(backend).await;
    let app = &app;
    let alice = &app.user("alice", &[]).await;
    let admin = &app.user("admin", &["system_user", "system_admin"]).await;
    let (admin_token, _) = app.issue_session(admin).await;
    let (keeper, _) = cached_session(app, alice).await;

    never_stale("revoke", |_| async {
        let (token, session) = cached_session(app, alice).await;
        app.post("/users/me/sessions/revoke")
            .token(&keeper)
            .json(json!({"session_id": session.id.as_str()}))
            .await
            .assert_ok_status();
        app.token_works(&token).await || listed_ids(app, &keeper).await.contains(&session.id.to_string())
    })
    .await;
    never_stale("revoke all", |_| async {
        let (token, _) = cached_session(app, alice).await;
        app.post(&format!("/users/{}/sessions/revoke/all", alice.id)).token(&admin_token).await.assert_ok_status();
        app.token_works(&token).await
    })
    .await;
    never_stale("logout", |_| async {
        let (token, _) = cached_session(app, alice).await;
        app.post("/users/logout").token(&token).await.assert_ok_status();
        app.token_works(&token).await
    })
    .await;
}

async fn lifecycle_revocations_are_seen_at_once(backend: Backend) {
    let app = spawn_app_with(backend, |c| c.policy.mobile_length = mm_sessions::config::hours(100)).await;
    let app = &app;
    let alice = &app.user_with_password("alice", &[], PASSWORD).await;
    let admin = &app.user("admin", &["system_user", "system_admin"]).await;

    never_stale("password change", |i| async move {
        let (old, _) = cached_session(app, alice).await;
        let (changer, _) = cached_session(app, alice).await;
        let (current, new) = if i % 2 == 0 { (PASSWORD, "another password") } else { ("another password", PASSWORD) };
        app.put("/users/me/password")
            .token(&changer)
            .json(json!({"current_password": current, "new_password": new}))
            .await
            .assert_ok_status();
        let stale = app.token_works(&old).await;
        app.post("/users/logout").token(&changer).await.assert_ok_status();
        stale
    })
    .await;
    never_stale("deactivation", |_| async {
        let (token, _) = cached_session(app, alice).await;
        let (admin_token, _) = app.issue_session(admin).await;
        let active = format!("/users/{}/active", alice.id);
        app.put(&active).token(&admin_token).json(json!({"active": false})).await.assert_ok_status();
        let stale = app.token_works(&token).await;
        app.put(&active).token(&admin_token).json(json!({"active": true})).await.assert_ok_status();
        stale
    })
    .await;
    never_stale("revoke everyone", |_| async {
        let (token, _) = cached_session(app, alice).await;
        let (admin_token, _) = cached_session(app, admin).await;
        app.post("/users/sessions/revoke/all").token(&admin_token).await.assert_ok_status();
        app.token_works(&token).await || app.token_works(&admin_token).await
    })
    .await;
    never_stale("device attach", |i| async move {
        let device = format!("android_rn:phone-{i}");
        let (old, _) = cached_session(app, alice).await;
        app.put("/users/sessions/device").token(&old).json(json!({"device_id": device})).await.assert_ok_status();
        let (new, _) = cached_session(app, alice).await;
        app.put("/users/sessions/device").token(&new).json(json!({"device_id": device})).await.assert_ok_status();
        let stale = app.token_works(&old).await;
        app.post("/users/logout").token(&new).await.assert_ok_status();
        stale
    })
    .await;
}

async fn revocations_the_server_makes_are_seen_at_once(backend: Backend) {
    let app = spawn_app_with(backend, |c| {
        c.policy.max_per_user = std::num::NonZeroUsize::new(3).unwrap();
        c.policy.extend_with_activity = false;
        c.policy.idle_timeout = Some(Duration::from_secs(30 * 60));
    })
    .await;
    let app = &app;
    let alice = &app.user("alice", &[]).await;

    never_stale("the per-user cap", |_| async {
        let (oldest, session) = cached_session(app, alice).await;
        // Two more fill the cap; the third pushes out the least recently used: `oldest`.
        app.service.clock().advance(1);
        let (_, _) = app.issue_session(alice).await;
        app.service.clock().advance(1);
        let (_, _) = app.issue_session(alice).await;
        app.service.clock().advance(1);
        let (newest, _) = app.issue_session(alice).await;
        app.token_works(&oldest).await || listed_ids(app, &newest).await.contains(&session.id.to_string())
    })
    .await;
    never_stale("the idle timeout", |_| async {
        let (idle, _) = cached_session(app, alice).await;
        app.service.clock().advance(31 * MINUTE);
        app.token_works(&idle).await
    })
    .await;
    never_stale("expiry and the purge", |_| async {
        let (keeper, _) = app.service.issue_session(alice, 0, String::new(), BTreeMap::new()).await.unwrap();
        let keeper = keeper.expose().to_string();
        let (short, session) = app.service.issue_session(alice, MINUTE, String::new(), BTreeMap::new()).await.unwrap();
        warm(app, short.expose()).await;
        warm(app, &keeper).await;
        app.service.clock().advance(2 * MINUTE);
        app.service.purge_expired(100).await.unwrap();
        let stale =
            app.token_works(short.expose()).await || listed_ids(app, &keeper).await.contains(&session.id.to_string());
        app.post("/users/logout").token(&keeper).await.assert_ok_status();
        stale
    })
    .await;
}

async fn a_new_session_is_listed_at_once(backend: Backend) {
    let app = spawn_app(backend).await;
    let app = &app;
    let alice = &app.user_with_password("alice", &[], PASSWORD).await;
    let (keeper, _) = app.service.issue_session(alice, 0, String::new(), BTreeMap::new()).await.unwrap();
    let keeper = keeper.expose().to_string();

    never_stale("a session issued by the service (as the CLI's session create)", |_| async {
        warm(app, &keeper).await;
        let (_, session) = app.issue_session(alice).await;
        !listed_ids(app, &keeper).await.contains(&session.id.to_string())
    })
    .await;
    never_stale("a password login", |_| async {
        warm(app, &keeper).await;
        let reply = app.post("/users/login").json(json!({"login_id": "alice", "password": PASSWORD})).await;
        assert_eq!(reply.status, 200, "{}", reply.text);
        let token = reply.headers["token"].to_str().unwrap().to_owned();
        let id = app.service.authenticate(&token).await.unwrap().session.id.to_string();
        let stale = !listed_ids(app, &keeper).await.contains(&id);
        app.post("/users/logout").token(&token).await.assert_ok_status();
        stale
    })
    .await;
}

async fn activity_extension_and_role_changes_are_seen_at_once(backend: Backend) {
    let app = spawn_app(backend).await;
    let app = &app;
    let alice = &app.user("alice", &[]).await;
    let (token, session) = cached_session(app, alice).await;
    let token = &token;

    never_stale("activity and extension writes", |_| async {
        warm(app, token).await;
        // Past the activity interval and the extension threshold (1% of 30 days, 7.2 hours).
        app.service.clock().advance(8 * 60 * MINUTE);
        let now = app.service.clock().now_millis();
        assert_eq!(app.get("/users/me").token(token).await.status, 200);
        let listed = app.get("/users/me/sessions").token(token).await.json();
        let own = listed.as_array().unwrap().iter().find(|s| s["id"] == session.id.as_str()).cloned().unwrap();
        // The service's clock moves on by itself too: at least `now`, not exactly.
        own["last_activity_at"].as_i64().unwrap() < now
            || own["expires_at"].as_i64().unwrap() < now + THIRTY_DAYS_MS - MINUTE
    })
    .await;
    // The list request itself writes the activity and the extension (on PostgreSQL the list
    // is read with the session, before those writes): its own session shows them.
    never_stale("activity and extension written by the listing request", |_| async {
        warm(app, token).await;
        app.service.clock().advance(8 * 60 * MINUTE);
        let now = app.service.clock().now_millis();
        let listed = app.get("/users/me/sessions").token(token).await.json();
        let listed = listed.as_array().unwrap();
        let own = listed.iter().find(|s| s["id"] == session.id.as_str()).cloned().unwrap();
        let newest_first =
            listed.windows(2).all(|w| w[0]["last_activity_at"].as_i64() >= w[1]["last_activity_at"].as_i64());
        own["last_activity_at"].as_i64().unwrap() < now
            || own["expires_at"].as_i64().unwrap() < now + THIRTY_DAYS_MS - MINUTE
            || !newest_first
    })
    .await;
    never_stale("role changes", |i| async move {
        warm(app, token).await;
        let required = "/auth/check?role=system_user_manager";
        for _ in 0..2 {
            app.get(required).token(token).await;
        }
        let roles = if i % 2 == 0 { "system_user system_user_manager" } else { "system_user" };
        app.set_roles(alice, roles).await;
        let checked = app.get("/auth/check").token(token).await;
        let allowed = app.get(required).token(token).await.status == 200;
        app.get("/users/me").token(token).await.json()["roles"] != roles
            || checked.headers["x-mattermost-roles"] != roles
            || allowed != (i % 2 == 0)
    })
    .await;
}

on_every_backend!(
    revocations_by_request_are_seen_at_once,
    lifecycle_revocations_are_seen_at_once,
    revocations_the_server_makes_are_seen_at_once,
    a_new_session_is_listed_at_once,
    activity_extension_and_role_changes_are_seen_at_once,
);

/// The cache's lookups and forgettings are in `/metrics`; PostgreSQL has no cache.
#[tokio::test]
async fn the_cache_reports_hits_misses_and_invalidations() {
    let app = spawn_app(Backend::Sqlite).await;
    let alice = &app.user("alice", &[]).await;
    let (token, session) = cached_session(&app, alice).await;
    for _ in 0..5 {
        warm(&app, &token).await;
    }
    app.post("/users/me/sessions/revoke")
        .token(&token)
        .json(json!({"session_id": session.id.as_str()}))
        .await
        .assert_ok_status();
    let metrics = app.metrics().await;
    let value = |name: &str| -> f64 {
        metrics
            .lines()
            .find(|l| l.starts_with(name))
            .and_then(|l| l.rsplit(' ').next()?.parse().ok())
            .unwrap_or_else(|| panic!("{name} missing from /metrics:\n{metrics}"))
    };
    assert!(value(r#"mm_sessions_session_cache_lookups_total{lookup="session",result="hit"}"#) >= 10.0);
    // The first list request misses and reads the list with the session (SQLite, one statement),
    // and that miss keeps its answer at once: the list itself is never looked up again.
    assert!(value(r#"mm_sessions_session_cache_lookups_total{lookup="sessions",result="miss"}"#) >= 1.0);
    assert_eq!(value(r#"mm_sessions_session_cache_lookups_total{lookup="sessions",result="hit"}"#), 0.0);
    assert!(value(r#"mm_sessions_session_cache_answers_total{outcome="kept"}"#) >= 2.0);
    assert!(value(r#"mm_sessions_session_cache_answers_total{outcome="served"}"#) >= 8.0);
    assert!(value(r#"mm_sessions_session_cache_lookups_total{lookup="session",result="miss"}"#) >= 1.0);
    assert!(value(r#"mm_sessions_session_cache_invalidations_total{scope="user"}"#) >= 1.0);
    assert!(value("mm_sessions_session_cache_entries") >= 0.0);
}

/// A kept answer is the handler's answer, byte for byte, with each request's own id; it answers
/// only the request it was made for (the caller's own list, by `me` or by id), never another
/// user's list read by the same caller.
#[tokio::test]
async fn kept_answers_are_the_handlers_bytes_with_each_requests_own_id() {
    let app = spawn_app(Backend::Sqlite).await;
    let alice = &app.user("alice", &[]).await;
    let admin = &app.user("admin", &["system_user", "system_admin"]).await;
    let (token, _) = app.issue_session(alice).await;
    app.issue_session(alice).await;
    let (admin_token, _) = app.issue_session(admin).await;
    let served_before = served(&app).await;
    let own_by_id = format!("/users/{}/sessions", alice.id);
    for path in ["/users/me", "/users/me/sessions", own_by_id.as_str(), "/auth/check", "/auth/check?redirect=true"] {
        // Answered by the handler until the answer is kept (by a miss that read what it is made
        // from, else by the first hit), then from the kept bytes.
        let replies = [
            app.get(path).token(&token).await,
            app.get(path).token(&token).await,
            app.get(path).token(&token).await,
            app.get(path).token(&token).await,
        ];
        let first = &replies[0];
        assert_eq!(first.status, 200, "{path}: {}", first.text);
        let mut ids = std::collections::BTreeSet::new();
        for reply in &replies {
            assert_eq!((reply.status, &reply.text), (200, &first.text), "{path}: the same answer");
            for header in [
                "content-type",
                "etag",
                "cache-control",
                "x-content-type-options",
                "x-mattermost-user-id",
                "x-mattermost-username",
                "x-mattermost-roles",
                "x-mattermost-session-id",
            ] {
                assert_eq!(reply.headers.get(header), first.headers.get(header), "{path}: {header}");
            }
            let id = reply.headers["x-request-id"].to_str().unwrap().to_owned();
            assert_eq!(reply.headers["x-span-id"].to_str().unwrap(), id, "{path}: the request's own id");
            ids.insert(id);
        }
        assert_eq!(ids.len(), replies.len(), "{path}: every request has its own id");
        assert_eq!(first.headers["content-type"], "application/json");
    }
    assert_eq!(listed_ids(&app, &token).await.len(), 2);
    assert!(app.get("/users/me").token(&token).await.headers.contains_key("etag"));
    // Four requests per path, at most the first two answered by the handler: at least two served each
    // (the list by `me` and by id share one kept answer; the check is kept per query).
    assert!(served(&app).await - served_before >= 10.0, "answers were served from the cache");

    // The check is kept per session and query: a requirement the session does not meet is
    // refused whatever was kept for another query, and another session has its own answer.
    for _ in 0..3 {
        app.get("/auth/check?role=system_admin").token(&token).await.assert_app_error(403, PERMISSIONS);
    }
    let (second, second_session) = app.issue_session(alice).await;
    for _ in 0..3 {
        let reply = app.get("/auth/check").token(&second).await;
        assert_eq!(reply.headers["x-mattermost-session-id"], second_session.id.as_str());
    }

    // The administrator's own list is kept; reading Alice's list is answered by the handler.
    for _ in 0..3 {
        let own = app.get("/users/me/sessions").token(&admin_token).await.json();
        assert_eq!(own.as_array().unwrap().len(), 1);
    }
    let alices = app.get(&own_by_id).token(&admin_token).await;
    assert_eq!(alices.status, 200, "{}", alices.text);
    let alices = alices.json();
    let users: Vec<&str> = alices.as_array().unwrap().iter().map(|s| s["user_id"].as_str().unwrap()).collect();
    assert_eq!(users, [alice.id.as_str(); 3], "Alice's three, not the administrator's one");
}

/// Requests answered from kept bytes, as `/metrics` counts them.
async fn served(app: &TestApp) -> f64 {
    let metrics = app.metrics().await;
    let line = metrics.lines().find(|l| l.starts_with(r#"mm_sessions_session_cache_answers_total{outcome="served"}"#));
    line.and_then(|l| l.rsplit(' ').next()?.parse().ok()).unwrap_or(0.0)
}
