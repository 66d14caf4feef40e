//! Errors clients can cause, including those the generated layer would answer on its own, all
//! as AppError JSON; and the shapes real clients send (bodies on GET, none on revoke/all,
//! cookies, query tokens, odd scheme spellings).

use serde_json::json;

use crate::helpers::*;

async fn app_with_alice(backend: Backend) -> (TestApp, String, String) {
    let app = spawn_app(backend).await;
    let alice = app.user("alice", &[]).await;
    let (token, _) = app.issue_session(&alice).await;
    (app, alice.id.into_string(), token)
}

#[tokio::test]
async fn unknown_routes_and_methods_are_app_errors() {
    let (app, _, token) = app_with_alice(Backend::Memory).await;
    app.get("/nope").token(&token).await.assert_app_error(404, "api.context.404.app_error");
    app.get("/users/me/sessions/extra").await.assert_app_error(404, "api.context.404.app_error");
    let outside = app.send(app.client.get(app.base.replace("/api/v4", "/favicon.ico"))).await;
    outside.assert_app_error(404, "api.context.404.app_error");
    let reply = app.send(app.client.delete(app.url("/users/me/sessions")).bearer_auth(&token)).await;
    reply.assert_app_error(405, "api.context.405.app_error");
    assert_eq!(reply.headers.get("allow").and_then(|v| v.to_str().ok()), Some("GET"));
    let reply = app.get("/users/me/sessions/revoke").token(&token).await;
    reply.assert_app_error(405, "api.context.405.app_error");
    assert_eq!(reply.headers.get("allow").and_then(|v| v.to_str().ok()), Some("POST"));
    // A literal path beside a parameter one: the methods of both (GET is
    // `/users/tokens/{token_id}`'s, as on Mattermost's router).
    let reply = app.put("/users/tokens/disable").token(&token).await;
    reply.assert_app_error(405, "api.context.405.app_error");
    assert_eq!(reply.headers.get("allow").and_then(|v| v.to_str().ok()), Some("GET, POST"));
    let reply = app.put("/users/me/tokens").token(&token).await;
    assert_eq!(reply.headers.get("allow").and_then(|v| v.to_str().ok()), Some("GET, POST"));
}

async fn bad_revoke_bodies_are_400_invalid_body_param(backend: Backend) {
    let (app, _, token) = app_with_alice(backend).await;
    let url = app.url("/users/me/sessions/revoke");
    for body in [
        "",
        "not json",
        "[]",
        "{\"session_id\": 5}",
        "{\"session_id\": null}",
        "{\"other\": \"x\"}",
        "{\"session_id\":",
    ] {
        let reply = app
            .send(app.client.post(&url).bearer_auth(&token).header("content-type", "application/json").body(body))
            .await;
        reply.assert_app_error(400, INVALID_BODY_PARAM);
    }
    assert!(app.token_works(&token).await);
}

#[tokio::test]
async fn authentication_is_checked_before_the_body() {
    let (app, alice_id, _) = app_with_alice(Backend::Memory).await;
    let reply =
        app.send(app.client.post(app.url(&format!("/users/{alice_id}/sessions/revoke"))).body("not json")).await;
    reply.assert_app_error(401, SESSION_EXPIRED);
    app.post("/users/bad/sessions/revoke/all").await.assert_app_error(401, SESSION_EXPIRED);
}

#[tokio::test]
async fn oversized_bodies_are_413() {
    let (app, _, token) = app_with_alice(Backend::Memory).await;
    let big = format!("{{\"session_id\": \"{}\"}}", "a".repeat(200 * 1024));
    let reply = app.send(app.client.post(app.url("/users/me/sessions/revoke")).bearer_auth(&token).body(big)).await;
    reply.assert_app_error(413, "api.context.body_too_large.app_error");
    // Streamed without a Content-Length, the limit still holds.
    let chunks = futures_util::stream::iter((0..300).map(|_| Ok::<_, std::io::Error>(vec![b' '; 1024])));
    let reply = app
        .send(
            app.client
                .post(app.url("/users/me/sessions/revoke"))
                .bearer_auth(&token)
                .body(reqwest::Body::wrap_stream(chunks)),
        )
        .await;
    reply.assert_app_error(413, "api.context.body_too_large.app_error");
    assert!(app.token_works(&token).await);
}

#[tokio::test]
async fn what_real_clients_send_is_accepted() {
    let (app, _, token) = app_with_alice(Backend::Sqlite).await;
    // mattermostdriver: a `{}` body with Content-Type on every GET.
    let reply = app.send(app.client.get(app.url("/users/me/sessions")).bearer_auth(&token).json(&json!({}))).await;
    assert_eq!(reply.status, 200, "{}", reply.text);
    // The JS client's scheme spelling, and `Token`.
    for header in [format!("BEARER {token}"), format!("token {token}")] {
        let reply = app.get("/users/me/sessions").header("Authorization", &header).await;
        assert_eq!(reply.status, 200, "{}", reply.text);
    }
    // A session token in the access_token query parameter is refused, as Mattermost refuses it
    // for every non-OAuth session; an invalid one is just no session.
    for path in ["/users/me/sessions", "/system/ping", "/users/me"] {
        let reply = app.get(&format!("{path}?access_token={token}")).await;
        reply.assert_app_error(401, "api.context.token_provided.app_error");
    }
    let reply = app.get("/users/me/sessions?access_token=abcdefghijklmnopqrstuvwxyz").await;
    reply.assert_app_error(401, SESSION_EXPIRED);
    // mattermostdriver's revoke-all: `{}`; the JS client's: no body, no Content-Type.
    let other = app.service.find_user("alice").await.unwrap();
    let (second, _) = app.issue_session(&other).await;
    app.post("/users/me/sessions/revoke/all").token(&token).json(json!({})).await.assert_ok_status();
    let reply = app.post("/users/me/sessions/revoke/all").token(&second).await;
    // `second` was revoked by the first call: the request is refused, not misparsed.
    reply.assert_app_error(401, SESSION_EXPIRED);
    let (third, _) = app.issue_session(&other).await;
    let reply = app.post("/users/me/sessions/revoke/all").token(&third).await;
    reply.assert_ok_status();
}

#[tokio::test]
async fn cookie_sessions_need_csrf_proof_for_writes() {
    let (app, _, token) = app_with_alice(Backend::Memory).await;
    let cookie = format!("MMAUTHTOKEN={token}");
    let reply = app.get("/users/me/sessions").cookie(&cookie).await;
    assert_eq!(reply.status, 200, "a cookie authenticates reads");
    let reply = app.post("/users/me/sessions/revoke/all").cookie(&cookie).await;
    reply.assert_app_error(401, SESSION_EXPIRED);
    assert!(app.token_works(&token).await, "the forged write changed nothing");
    let reply = app
        .send(
            app.client
                .post(app.url("/users/me/sessions/revoke/all"))
                .header("Cookie", &cookie)
                .header("X-Requested-With", "XMLHttpRequest"),
        )
        .await;
    reply.assert_ok_status();
    assert!(!app.token_works(&token).await);
}

#[tokio::test]
async fn the_sessions_page_is_served_at_the_root() {
    let (app, _, _) = app_with_alice(Backend::Memory).await;
    let root = app.base.replace("/api/v4", "");
    for (path, kind) in [("/", "text/html"), ("/app.js", "text/javascript"), ("/style.css", "text/css")] {
        let response = app.client.get(format!("{root}{path}")).send().await.unwrap();
        assert_eq!(response.status(), 200, "{path}");
        let headers = response.headers().clone();
        assert!(headers["content-type"].to_str().unwrap().starts_with(kind), "{path}");
        assert!(headers["content-security-policy"].to_str().unwrap().contains("default-src 'self'"));
        assert_eq!(headers["referrer-policy"], "no-referrer", "{path}");
        assert_eq!(headers["x-content-type-options"], "nosniff", "{path}");
        let id = headers.get("x-request-id").and_then(|v| v.to_str().ok()).unwrap_or_default();
        assert!(mm_sessions::domain::Id::parse(id).is_some(), "{path}: X-Request-Id {id:?}");
        assert!(!response.text().await.unwrap().is_empty());
    }
    // Counted like any request (the metrics answer carries an id too).
    let metrics = app.client.get(format!("{root}/metrics")).send().await.unwrap();
    assert!(metrics.headers().get("x-request-id").is_some());
    let text = metrics.text().await.unwrap();
    assert!(text.contains(r#"mm_sessions_http_requests_total{operation="Page",status="200"} 3"#), "{text}");
}

on_every_backend!(bad_revoke_bodies_are_400_invalid_body_param);

#[tokio::test]
async fn api_answers_are_never_cached_nor_sniffed() {
    let (app, _, token) = app_with_alice(Backend::Memory).await;
    for reply in [
        app.get("/users/me/sessions").token(&token).await,
        app.get("/users/me/sessions").await,
        app.get("/system/ping").await,
        app.get("/no/such/route").await,
    ] {
        assert_eq!(reply.headers["cache-control"], "no-store", "{}", reply.text);
        assert_eq!(reply.headers["x-content-type-options"], "nosniff", "{}", reply.text);
    }
}
