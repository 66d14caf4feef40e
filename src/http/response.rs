//! Responses: the type hyper sends, the one renderer of errors as Mattermost's AppError JSON, the
//! headers every answer leaves with, and its count and log line.

use std::convert::Infallible;
use std::time::Instant;

use bytes::Bytes;
use http_body_util::{combinators::BoxBody, Full};
use hyper::header::{HeaderName, HeaderValue, ALLOW, CACHE_CONTROL, CONNECTION, CONTENT_TYPE, RETRY_AFTER};
use hyper::{Method, Response, StatusCode};

use crate::error::AppError;
use crate::metrics::Metrics;

/// A response as hyper sends it.
pub type HttpResponse = Response<BoxBody<Bytes, Infallible>>;

/// The JSON content type, exactly as the real clients compare it (no charset).
pub const JSON: HeaderValue = HeaderValue::from_static("application/json");

/// Headers every answer may carry, named once: a name given as a string is parsed on each
/// insert (about 500 instructions a request each, on the hot path).
const X_REQUEST_ID: HeaderName = HeaderName::from_static("x-request-id");
const X_CONTENT_TYPE_OPTIONS: HeaderName = HeaderName::from_static("x-content-type-options");

/// A response with this body.
pub fn with_body(body: impl Into<Bytes>) -> HttpResponse {
    Response::new(BoxBody::new(Full::new(body.into())))
}

/// An AppError as a complete response: the one place errors are rendered (its status, and
/// `Retry-After` on a 429), and internal ones logged (with their cause; the client sees a
/// generic message).
pub fn render_error(error: &AppError, request_id: &str) -> HttpResponse {
    if let AppError::Internal(cause) = error {
        tracing::error!(request_id, error = %format!("{cause:#}"), "request failed");
    }
    let mut response = with_body(error.to_json(request_id));
    *response.status_mut() = StatusCode::from_u16(error.status()).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
    response.headers_mut().insert(CONTENT_TYPE, JSON);
    if let AppError::RateLimited(wait) = error {
        response.headers_mut().insert(RETRY_AFTER, HeaderValue::from(retry_after(*wait)));
    }
    response
}

/// Single sign-on's failures that anyone can cause, logged a few lines a window.
static SSO_FAILURES_LOG: crate::telemetry::Throttle =
    crate::telemetry::Throttle::new(std::time::Duration::from_secs(10), 5);

/// An AppError as a page, for the browser routes of single sign-on (Mattermost shows its web
/// app's error page there): the error's status, its message and Mattermost's id, a link back
/// to the sign-in page. Logged as [`render_error`] logs, and the provider's failures too (the
/// operator must hear of them; their cause never reaches the page).
pub fn render_error_page(error: &AppError, request_id: &str) -> HttpResponse {
    match error {
        AppError::Internal(cause) => tracing::error!(request_id, error = %format!("{cause:#}"), "request failed"),
        // Anyone can cause these (a crafted return, a provider that is down for every sign-in):
        // a few lines a window, with how many were left out.
        AppError::SsoProviderFailed(_)
        | AppError::SsoInvalidIdToken(_)
        | AppError::SsoTokenRefused(_)
        | AppError::SsoProviderError(_) => {
            if let Some(unlogged) = SSO_FAILURES_LOG.admit() {
                tracing::warn!(request_id, unlogged, "single sign-on failed: {error}")
            }
        }
        _ => {}
    }
    let answer = error.answer();
    let escape = super::sso::escape_html;
    let html = format!(
        "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>Sign-in failed</title></head><body>\
         <h1>Sign-in failed</h1><p id=\"message\">{}</p><p><code id=\"error-id\">{}</code></p>\
         <p><a href=\"/\">Back to sign in</a></p></body></html>",
        escape(&answer.message),
        escape(answer.id)
    );
    let mut response = with_body(html);
    *response.status_mut() = StatusCode::from_u16(answer.status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
    let headers = response.headers_mut();
    headers.insert(CONTENT_TYPE, HeaderValue::from_static("text/html; charset=utf-8"));
    headers.insert(CACHE_CONTROL, HeaderValue::from_static("no-store"));
    headers.insert(X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff"));
    headers.insert("referrer-policy", HeaderValue::from_static("no-referrer"));
    headers.insert("content-security-policy", HeaderValue::from_static("default-src 'none'; frame-ancestors 'none'"));
    if let Ok(id) = HeaderValue::from_str(answer.id) {
        headers.insert("x-mm-error-id", id);
    }
    response
}

/// `Retry-After` in whole seconds, rounded up: never an invitation to retry too early.
fn retry_after(wait: std::time::Duration) -> u64 {
    (wait.as_secs() + u64::from(wait.subsec_nanos() > 0)).max(1)
}

/// The headers every answer leaves with: its request id; on a 405 the methods the path has
/// (`allowed`, RFC 9110); on a 408 `Connection: close` (the rest of the body may never come);
/// on JSON `no-store` (a session list must not sit in a shared cache) and `nosniff`.
pub fn finish_headers(response: &mut HttpResponse, request_id: &str, allowed: impl FnOnce() -> String) {
    let status = response.status();
    let headers = response.headers_mut();
    if let Ok(value) = HeaderValue::from_str(request_id) {
        headers.insert(X_REQUEST_ID, value);
    }
    if status == StatusCode::METHOD_NOT_ALLOWED {
        if let Ok(value) = HeaderValue::from_str(&allowed()) {
            headers.insert(ALLOW, value);
        }
    }
    if status == StatusCode::REQUEST_TIMEOUT {
        headers.insert(CONNECTION, HeaderValue::from_static("close"));
    }
    if headers.get(CONTENT_TYPE) == Some(&JSON) {
        headers.insert(CACHE_CONTROL, HeaderValue::from_static("no-store"));
        headers.insert(X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff"));
    }
}

/// Counts an answer in the metrics and logs its line at debug — as Mattermost logs each request
/// ("Received HTTP request"): at info, one line per request cost the hot path a fifth of its time
/// (formatting, and waking the log writer's thread). Failures, logins and revocations have info
/// lines of their own. The path is logged, never the query (it may hold `access_token`).
pub fn log_and_count(
    metrics: &Metrics,
    request_id: &str,
    method: &Method,
    uri: &hyper::Uri,
    operation: &'static str,
    response: &HttpResponse,
    started: Instant,
) {
    let elapsed = started.elapsed();
    if response.status() == StatusCode::REQUEST_TIMEOUT {
        // hyper closes the connection after this answer (see `finish_headers`).
        metrics.connection_closed("request_timeout", 1);
    }
    metrics.request(operation, response.status().as_u16(), elapsed.as_secs_f64());
    tracing::debug!(
        request_id = %request_id,
        method = %method,
        path = %uri.path(),
        operation,
        status = response.status().as_u16(),
        latency_us = elapsed.as_micros() as u64,
        "request"
    );
}
