//! The service hyper runs: everything around the generated router.
//!
//! For each request, whatever it asks for (the API, the page, `/metrics`), it
//! 1. gives it an id (`X-Request-Id` on the response, `request_id` in any AppError, the log line);
//! 2. for the API: reads the body up to the size limit (413 AppError beyond it, before anything
//!    else), authenticates the presented token, if any (see [`super::credentials`]), and calls
//!    the generated router with a [`RequestContext`];
//! 3. turns every error into Mattermost's AppError JSON in one place, [`error_response`], which
//!    also logs internal failures, once, with their cause: a handler's undeclared error, and
//!    what the generated layer produces on its own (plain-text 400s for bad bodies, 403
//!    "Unauthenticated", empty 404/405, 500);
//! 4. counts it in the metrics and logs one line at debug: method, path (never the query, which
//!    may hold `access_token`), operation, status, latency, request id.

use std::convert::Infallible;
use std::net::SocketAddr;
use std::sync::Arc;
use std::time::{Duration, Instant};

use bytes::{Bytes, BytesMut};
use futures_util::future::BoxFuture;
use http_body_util::{combinators::BoxBody, BodyExt, Full};
use hyper::body::Incoming;
use hyper::header::{HeaderValue, CACHE_CONTROL, CONNECTION, CONTENT_LENGTH, CONTENT_TYPE, SET_COOKIE, USER_AGENT};
use hyper::{Method, Request, Response, StatusCode};
use mm_sessions_api::server::{ApiRequestParser, Service as GeneratedRouter};
use swagger::RequestParser;

use super::api::Handlers;
use super::connections::Connection;
use super::context::{RequestContext, RequestDetails};
use super::credentials::{self, Location};
use crate::config::{ProxySettings, RequestLimits};
use crate::domain::{Id, Session};
use crate::error::AppError;
use crate::service::SessionService;

/// A response as hyper sends it.
pub type HttpResponse = Response<BoxBody<Bytes, Infallible>>;

/// The JSON content type, exactly as the real clients compare it (no charset).
const JSON: HeaderValue = HeaderValue::from_static("application/json");

/// The outermost service, cheap to clone (one per connection).
#[derive(Clone)]
pub struct HttpService {
    inner: Arc<Inner>,
    peer: Option<Peer>,
}

/// The connection a request came on.
#[derive(Clone)]
struct Peer {
    addr: SocketAddr,
    /// Its place in the listener's table: waiting for a request, or being answered.
    connection: Arc<Connection>,
}

struct Inner {
    router: GeneratedRouter<Handlers, RequestContext>,
    service: SessionService,
    limits: RequestLimits,
    proxies: ProxySettings,
    /// Answer `GET /metrics`.
    serve_metrics: bool,
    /// Answer the API and the page (off on the metrics-only listener).
    serve_api: bool,
}

impl HttpService {
    /// The HTTP service over `service`; with `serve_metrics` it also answers `GET /metrics`.
    pub fn new(service: SessionService, limits: RequestLimits, proxies: ProxySettings, serve_metrics: bool) -> Self {
        let router = GeneratedRouter::new(Handlers::new(service.clone()), false);
        let inner = Inner { router, service, limits, proxies, serve_metrics, serve_api: true };
        HttpService { inner: Arc::new(inner), peer: None }
    }

    /// The same service answering only `GET /metrics` (the `--metrics-listen` listener).
    pub fn metrics_only(&self) -> Self {
        let inner = Inner {
            router: GeneratedRouter::new(Handlers::new(self.inner.service.clone()), false),
            service: self.inner.service.clone(),
            limits: self.inner.limits.clone(),
            proxies: self.inner.proxies.clone(),
            serve_metrics: true,
            serve_api: false,
        };
        HttpService { inner: Arc::new(inner), peer: None }
    }

    /// The service for one connection from `addr`.
    pub fn for_connection(&self, addr: SocketAddr, connection: Arc<Connection>) -> Self {
        HttpService { inner: self.inner.clone(), peer: Some(Peer { addr, connection }) }
    }

    /// The process's metrics.
    pub fn metrics(&self) -> Arc<crate::metrics::Metrics> {
        self.inner.service.metrics().clone()
    }
}

/// A cookie session's token and session, when its cookies must go out again.
type Refresh = Option<(String, Session)>;

/// The path metrics are served at, outside the API's base path.
const METRICS_PATH: &str = "/metrics";

/// `GET /metrics` as Prometheus (OpenMetrics) text.
async fn metrics_response(service: &SessionService) -> HttpResponse {
    let mut response = Response::new(BoxBody::new(Full::new(Bytes::from(service.render_metrics().await))));
    response
        .headers_mut()
        .insert(CONTENT_TYPE, HeaderValue::from_static("application/openmetrics-text; version=1.0.0; charset=utf-8"));
    response
}

impl hyper::service::Service<Request<Incoming>> for HttpService {
    type Response = HttpResponse;
    type Error = Infallible;
    type Future = BoxFuture<'static, Result<HttpResponse, Infallible>>;

    fn call(&self, request: Request<Incoming>) -> Self::Future {
        let inner = self.inner.clone();
        let peer = self.peer.clone();
        Box::pin(async move {
            let response = inner.handle(request, peer.as_ref()).await;
            if let Some(peer) = &peer {
                peer.connection.waiting();
            }
            Ok(response)
        })
    }
}

impl Inner {
    async fn handle(&self, request: Request<Incoming>, peer: Option<&Peer>) -> HttpResponse {
        let started = Instant::now();
        let request_id = Id::generate().into_string();
        let method = request.method().clone();
        let uri = request.uri().clone();

        let (operation, mut response) = self.dispatch(request, &request_id, peer).await;
        if let Ok(value) = HeaderValue::from_str(&request_id) {
            response.headers_mut().insert("x-request-id", value);
        }
        if response.status() == StatusCode::METHOD_NOT_ALLOWED {
            // RFC 9110: a 405 lists the methods the resource has.
            if let Ok(value) = HeaderValue::from_str(&allowed_methods(&uri)) {
                response.headers_mut().insert(hyper::header::ALLOW, value);
            }
        }
        if response.status() == StatusCode::REQUEST_TIMEOUT {
            // The rest of the body may never come: hyper closes the connection after this.
            response.headers_mut().insert(CONNECTION, HeaderValue::from_static("close"));
            self.service.metrics().connection_closed("request_timeout", 1);
        }
        if response.headers().get(CONTENT_TYPE) == Some(&JSON) {
            // A session list must not sit in a shared cache, nor be sniffed into something else.
            response.headers_mut().insert(CACHE_CONTROL, HeaderValue::from_static("no-store"));
            response.headers_mut().insert("x-content-type-options", HeaderValue::from_static("nosniff"));
        }
        let elapsed = started.elapsed();
        self.service.metrics().request(operation, response.status().as_u16(), elapsed.as_secs_f64());
        // At debug, as Mattermost logs each request ("Received HTTP request"): at info, one line
        // per request cost the hot path a fifth of its time (formatting, and waking the log
        // writer's thread). Failures, logins and revocations have info lines of their own.
        tracing::debug!(
            request_id = %request_id,
            method = %method,
            path = %uri.path(),
            operation,
            status = response.status().as_u16(),
            latency_us = elapsed.as_micros() as u64,
            "request"
        );
        response
    }

    /// What answers the request, and its name in the metrics and the log line.
    async fn dispatch(
        &self,
        request: Request<Incoming>,
        request_id: &str,
        peer: Option<&Peer>,
    ) -> (&'static str, HttpResponse) {
        // The metrics, the page and a 404 off the API read no body: their answer starts at once.
        // An API request is `answering` once `route` has read its body.
        let answering = || {
            if let Some(peer) = peer {
                peer.connection.answering();
            }
        };
        if self.serve_metrics && request.uri().path() == METRICS_PATH && request.method() == Method::GET {
            answering();
            return ("Metrics", metrics_response(&self.service).await);
        }
        if !self.serve_api {
            answering();
            return ("unknown", error_response(&AppError::NotFound, request_id));
        }
        if let Some(page) = super::web::asset(request.method(), request.uri().path()) {
            answering();
            return ("Page", page);
        }
        let operation = ApiRequestParser::parse_operation_id(&request).unwrap_or("unknown");
        let response = match self.route(request, request_id, operation, peer).await {
            Ok(response) => response,
            Err(error) => error_response(&error, request_id),
        };
        (operation, response)
    }

    async fn route(
        &self,
        request: Request<Incoming>,
        request_id: &str,
        operation: &str,
        peer: Option<&Peer>,
    ) -> Result<HttpResponse, AppError> {
        let (parts, body) = request.into_parts();

        let declared = parts.headers.get(CONTENT_LENGTH).and_then(|v| v.to_str().ok()?.parse::<u64>().ok());
        if declared.is_some_and(|len| len > self.limits.max_body as u64) {
            return Err(AppError::BodyTooLarge);
        }
        let body = read_body(body, &self.limits).await?;
        if let Some(peer) = peer {
            peer.connection.answering();
        }

        let (caller, refreshed_cookies) = self.authenticate(&parts).await?;
        let header = |name| parts.headers.get(name).and_then(|v: &HeaderValue| v.to_str().ok());
        let details = RequestDetails {
            user_agent: header(USER_AGENT).unwrap_or_default().to_owned(),
            xhr: header(hyper::header::HeaderName::from_static("x-requested-with")) == Some("XMLHttpRequest"),
            body: body.clone(),
            client: peer.map(|p| super::client::client_address(p.addr.ip(), &parts.headers, &self.proxies)),
            path: parts.uri.path().to_owned(),
            secure: peer.is_some_and(|p| super::client::secure_cookies(p.addr.ip(), &parts.headers, &self.proxies)),
        };
        let secure = details.secure;
        let context = RequestContext::new(request_id.to_owned(), caller, details);
        if let Some((token, session)) = refreshed_cookies {
            // An extended cookie session: its cookies go out again with the new lifetime.
            let now = self.service.clock().now_millis();
            for cookie in super::cookies::for_session(&token, &session, now, secure) {
                context.set_cookie(cookie);
            }
        }
        let response =
            hyper::service::Service::call(&self.router, (Request::from_parts(parts, Full::new(body)), context.clone()))
                .await
                .map_err(|e| AppError::Internal(anyhow::anyhow!("generated router: {e}")))?;
        let mut response = normalize(response, &context, operation).await?;
        for cookie in context.take_cookies() {
            match HeaderValue::from_str(&cookie) {
                Ok(value) => {
                    response.headers_mut().append(SET_COOKIE, value);
                }
                Err(e) => return Err(AppError::Internal(anyhow::anyhow!("unencodable cookie: {e}"))),
            }
        }
        Ok(response)
    }

    /// The caller's session, `None` when no valid credentials came (the generated layer then
    /// refuses operations that need them), and, when a cookie session was extended, its token
    /// and session for the refreshed cookies. A token in the query string, and a store
    /// failure, are errors.
    async fn authenticate(&self, parts: &hyper::http::request::Parts) -> Result<(Option<Session>, Refresh), AppError> {
        let Some((token, location)) = credentials::presented_token(parts) else {
            return Ok((None, None));
        };
        let (session, extended) = match self.service.authenticate(&token).await {
            Ok(found) => (found.session, found.extended),
            Err(AppError::SessionExpired) => return Ok((None, None)),
            Err(other) => return Err(other),
        };
        // Mattermost takes a token from the URL only for OAuth sessions, which we never issue:
        // a URL ends up in proxy logs and browser history.
        if location == Location::Query && !session.is_oauth {
            return Err(AppError::TokenInQuery);
        }
        // Browsers send cookies on their own: a cookie alone does not authorise a write.
        if location == Location::Cookie
            && parts.method != Method::GET
            && !credentials::passes_csrf(parts, session.props.get("csrf").map(String::as_str))
        {
            tracing::warn!(session_id = %session.id, "cookie-authenticated write without CSRF header refused");
            return Ok((None, None));
        }
        let refresh = (extended && location == Location::Cookie).then(|| (token, session.clone()));
        Ok((Some(session), refresh))
    }
}

/// Reads the whole body: at most `max_body` bytes (413 beyond), arriving within the read
/// timeout and, after the grace, at the minimum rate (408 otherwise): each byte received moves
/// the deadline by 1/rate seconds, so a client sending a byte now and then runs out of time.
async fn read_body(mut body: Incoming, limits: &RequestLimits) -> Result<Bytes, AppError> {
    let started = tokio::time::Instant::now();
    let hard_deadline = started + limits.read_timeout;
    let per_byte = 1.0 / f64::from(limits.min_body_rate.get());
    let mut received = BytesMut::new();
    loop {
        let earned = Duration::from_secs_f64(received.len() as f64 * per_byte);
        let deadline = (started + limits.body_grace + earned).min(hard_deadline);
        let frame = match tokio::time::timeout_at(deadline, body.frame()).await {
            Err(_) => return Err(AppError::RequestTimeout),
            Ok(None) => return Ok(received.freeze()),
            Ok(Some(Err(_))) => return Err(AppError::InvalidBodyParam("body")),
            Ok(Some(Ok(frame))) => frame,
        };
        if let Ok(data) = frame.into_data() {
            if received.len() + data.len() > limits.max_body {
                return Err(AppError::BodyTooLarge);
            }
            received.extend_from_slice(&data);
        }
    }
}

/// A generated-layer error (anything 4xx/5xx that is not already JSON) as the AppError it means:
/// the error the handler left in the context, or what the generated layer's own answer says.
async fn normalize(
    response: HttpResponse,
    context: &RequestContext,
    operation: &str,
) -> Result<HttpResponse, AppError> {
    let status = response.status();
    if !(status.is_client_error() || status.is_server_error()) || response.headers().get(CONTENT_TYPE) == Some(&JSON) {
        return Ok(response);
    }
    if let Some(failure) = context.take_failure() {
        return Err(failure);
    }
    let request_id = context.request_id();
    let text = match response.into_body().collect().await {
        Ok(body) => String::from_utf8_lossy(&body.to_bytes()).into_owned(),
        Err(never) => match never {},
    };
    tracing::debug!(request_id, operation, status = status.as_u16(), generated = %text, "rewriting a generated error");
    Err(match status {
        // The generated check for operations with `security`: no valid credentials.
        StatusCode::FORBIDDEN => AppError::SessionExpired,
        StatusCode::BAD_REQUEST if text.contains("path parameter") => AppError::InvalidUrlParam(path_field(operation)),
        StatusCode::BAD_REQUEST if text.contains("query parameter per_page") => AppError::InvalidUrlParam("per_page"),
        StatusCode::BAD_REQUEST if text.contains("query parameter page") => AppError::InvalidUrlParam("page"),
        StatusCode::BAD_REQUEST => AppError::InvalidBodyParam(body_field(operation)),
        StatusCode::NOT_FOUND => AppError::NotFound,
        StatusCode::METHOD_NOT_ALLOWED => AppError::MethodNotAllowed,
        StatusCode::PAYLOAD_TOO_LARGE => AppError::BodyTooLarge,
        _ => AppError::Internal(anyhow::anyhow!("generated layer answered {status}: {text}")),
    })
}

/// The methods the generated router has an operation for at `uri`, e.g. `GET` or `POST`.
fn allowed_methods(uri: &hyper::Uri) -> String {
    [Method::GET, Method::POST, Method::PUT, Method::PATCH, Method::DELETE]
        .into_iter()
        .filter(|method| {
            Request::builder()
                .method(method.clone())
                .uri(uri.clone())
                .body(())
                .is_ok_and(|probe| ApiRequestParser::parse_operation_id(&probe).is_some())
        })
        .map(|method| method.to_string())
        .collect::<Vec<_>>()
        .join(", ")
}

/// The path parameter an operation has.
fn path_field(operation: &str) -> &'static str {
    match operation {
        "GetUserByUsername" => "username",
        _ => "user_id",
    }
}

/// The field Mattermost names when an operation's body is unusable.
fn body_field(operation: &str) -> &'static str {
    match operation {
        "RevokeSession" => "session_id",
        "UpdateUserPassword" => "new_password",
        "AttachDevice" => "device_id",
        "UpdateUserActive" => "active",
        _ => "body",
    }
}

/// An AppError as a complete response: the one place errors are rendered, and internal ones
/// logged (with their cause; the client sees a generic message).
pub fn error_response(error: &AppError, request_id: &str) -> HttpResponse {
    if let AppError::Internal(cause) = error {
        tracing::error!(request_id, error = %format!("{cause:#}"), "request failed");
    }
    let mut response = Response::new(BoxBody::new(Full::new(Bytes::from(error.to_json(request_id)))));
    *response.status_mut() = StatusCode::from_u16(error.status()).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
    response.headers_mut().insert(CONTENT_TYPE, JSON);
    response
}
