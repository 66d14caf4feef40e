//! `GET /metrics`: Prometheus text with requests, latency, logins, revocations and active
//! sessions, served on the main listener or only on its own address.

use serde_json::json;

use crate::helpers::*;

fn value(text: &str, series: &str) -> f64 {
    text.lines()
        .find_map(|line| line.strip_prefix(series).and_then(|rest| rest.trim().parse().ok()))
        .unwrap_or_else(|| panic!("no series {series} in:\n{text}"))
}

#[tokio::test]
async fn metrics_count_what_happened() {
    let app = spawn_app(Backend::Sqlite).await;
    let alice = app.user_with_password("alice", &[], "alice password").await;
    let ok = app.post("/users/login").json(json!({"login_id": "alice", "password": "alice password"})).await;
    assert_eq!(ok.status, 200);
    let token = ok.headers["token"].to_str().unwrap().to_owned();
    app.post("/users/login").json(json!({"login_id": "alice", "password": "nope nope"})).await;
    let (_, other) = app.issue_session(&alice).await;
    app.get("/users/me/sessions").token(&token).await;
    app.post("/users/me/sessions/revoke").token(&token).json(json!({"session_id": other.id.as_str()})).await;
    app.expired_token(&alice).await;

    let response = app.client.get(app.base.replace("/api/v4", "/metrics")).send().await.unwrap();
    assert_eq!(response.status(), 200);
    assert!(response.headers()["content-type"].to_str().unwrap().starts_with("application/openmetrics-text"));
    let text = response.text().await.unwrap();
    assert_eq!(value(&text, r#"mm_sessions_http_requests_total{operation="GetSessions",status="200"}"#), 1.0);
    assert_eq!(value(&text, r#"mm_sessions_http_requests_total{operation="Login",status="401"}"#), 1.0);
    assert_eq!(
        value(&text, r#"mm_sessions_http_request_duration_seconds_count{operation="RevokeSession",status="200"}"#),
        1.0
    );
    assert_eq!(value(&text, r#"mm_sessions_logins_total{outcome="success"}"#), 1.0);
    assert_eq!(value(&text, r#"mm_sessions_logins_total{outcome="invalid_credentials"}"#), 1.0);
    assert_eq!(value(&text, r#"mm_sessions_sessions_revoked_total{reason="revoke"}"#), 1.0);
    // alice's login session; the revoked one is gone and the expired one does not count.
    assert_eq!(value(&text, "mm_sessions_active_sessions"), 1.0);
    assert!(!text.contains(&token), "no token in the metrics");
}

#[tokio::test]
async fn a_taken_username_is_no_store_failure() {
    let app = spawn_app(Backend::Sqlite).await;
    app.user("alice", &[]).await;
    let again = app
        .service
        .create_user(mm_sessions::domain::NewUser {
            username: "alice".into(),
            email: "other@example.com".into(),
            roles: vec![],
        })
        .await;
    assert!(again.unwrap_err().to_string().contains("a user with that username already exists"));
    let text = app.metrics().await;
    assert!(!text.contains("mm_sessions_store_errors_total{"), "a conflict counted as a store failure:\n{text}");
}

#[tokio::test]
async fn metrics_can_live_on_their_own_address() {
    let app = spawn_app_with(Backend::Memory, |c| c.metrics_listen = Some("127.0.0.1:0".parse().unwrap())).await;
    let metrics = app.metrics_base.clone().expect("a metrics listener");
    let text = app.client.get(format!("{metrics}/metrics")).send().await.unwrap().text().await.unwrap();
    assert!(text.contains("mm_sessions_active_sessions"), "{text}");
    // Not on the public listener then, and nothing but /metrics on the metrics one.
    let public = app.client.get(app.base.replace("/api/v4", "/metrics")).send().await.unwrap();
    assert_eq!(public.status(), 404);
    let other = app.client.get(format!("{metrics}/api/v4/system/ping")).send().await.unwrap();
    assert_eq!(other.status(), 404);
    assert!(other.headers().get("x-request-id").is_some(), "an AppError like any other");
}
