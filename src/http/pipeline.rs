//! The service hyper runs on the API listener: every request, whatever it asks for (the API, the
//! page, `/metrics`), goes through these steps, in this order, each a named function below:
//!
//! 1. [`Inner::handle`] gives it an id (`X-Request-Id` on the response, `request_id` in any
//!    AppError, the log line);
//! 2. [`Inner::serve_static`]: `/metrics` (when it is served here), the page and single sign-on's
//!    browser routes ([`Inner::serve_sso`]) answer at once, reading no body;
//! 3. [`super::routes::route`]: the request's one route match (the generated segment table's,
//!    with Mattermost's patterns for ids and names), which names its operation (its facts, its
//!    metrics and log name); an API path no route of the spec matches is 404, a method its route
//!    lacks 405, before anything is read;
//! 4. [`super::body::read`]: the API reads the body up to the size limit (413 beyond it, before
//!    anything else) and under its deadline (408), then
//!    [`super::around_router::as_mattermost_reads`] reads a string-map body as Mattermost does;
//! 5. [`Inner::authenticate`]: the presented credentials ([`super::credentials`]) → the caller's
//!    session, or none;
//! 6. [`Inner::check_csrf`]: a cookie-authenticated write without Mattermost's CSRF header is
//!    refused (401), whatever it asks for; [`Inner::check_mfa`]: where MFA is enforced, a user
//!    without it may only set it up (403);
//! 7. [`Inner::dispatch`]: the generated router, handed the route match and a
//!    [`RequestContext`], calls the handler ([`super::api`]);
//! 8. [`super::around_router::quiet_unknown_fields`] takes the generated layer's `Warning` header
//!    about body fields it does not model off the answer (logged once, at debug); then
//!    [`super::around_router::translate`]: the error a handler left in the context, and the generated
//!    layer's own plain-text errors, become the AppErrors they mean;
//! 9. [`Inner::set_cookies`]: the cookies the handler asked for, and those of a cookie session
//!    this request extended;
//! 10. [`super::response::render_error`]: every error as Mattermost's AppError JSON, internal ones
//!     logged once with their cause;
//! 11. [`super::response::finish_headers`]: the request id, `Allow`, `Connection: close` after a
//!     408, `no-store` and `nosniff` on JSON;
//! 12. [`super::response::log_and_count`]: the metrics, and one line at debug: method, path
//!     (never the query, which may hold `access_token`), operation, status, latency, request id.

use std::convert::Infallible;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::Instant;

use futures_util::future::BoxFuture;
use http_body_util::Full;
use hyper::body::Incoming;
use hyper::header::{HeaderValue, CONTENT_LENGTH, SET_COOKIE, USER_AGENT};
use hyper::{Method, Request};
use mm_sessions_api::server::Service as GeneratedRouter;

use super::api::Handlers;
use super::context::{RequestContext, RequestDetails};
use super::credentials::{self, Location};
use super::listener::{ConnectionService, Peer};
use super::metrics_endpoint::{self, METRICS_PATH};
use super::operations::{self, Operation};
use super::response::{self, HttpResponse};
use super::routes::{Found, Routed};
use crate::config::{ClientRequirements, ProxySettings, RequestLimits};
use crate::domain::Id;
use crate::error::AppError;
use crate::metrics::Metrics;
use crate::service::{Authenticated, Reads, SessionService};
use crate::store::Ticket;

/// The API listener's service, cheap to clone (one per connection).
#[derive(Clone)]
pub struct HttpService {
    inner: Arc<Inner>,
    peer: Option<Peer>,
}

struct Inner {
    router: GeneratedRouter<Handlers, RequestContext>,
    service: SessionService,
    limits: RequestLimits,
    proxies: ProxySettings,
    /// The cookies' `Domain` (`AllowCookiesForSubdomains`).
    cookie_domain: Option<String>,
    /// Answer `GET /metrics` here (no metrics listener of its own).
    serve_metrics: bool,
    /// Single sign-on's services, when any is enabled.
    sso: Option<crate::sso::SingleSignOn>,
}

/// Refused cookie writes without the CSRF header: a page on another site can cause one per
/// request, so a few lines a window (the metrics count each 401).
static CSRF_REFUSALS_LOG: crate::telemetry::Throttle =
    crate::telemetry::Throttle::new(std::time::Duration::from_secs(10), 5);

/// Whether a cookie check without a trusted original method has been warned about (once per
/// process: the misconfiguration is the operator's, not the request's).
static NO_ORIGINAL_METHOD: AtomicBool = AtomicBool::new(false);

/// What authentication found ([`Authenticated`]: the caller), and how its token came.
struct Credentials {
    token: String,
    location: Location,
    /// A cookie session whose browser lacks `MMUSERID` or `MMCSRF`: they go out again.
    companions_missing: bool,
    caller: Authenticated,
}

/// What the cookie step needs of [`Credentials`] once the session is in the request context.
struct CookieState {
    token: String,
    location: Location,
    extended: bool,
    companions_missing: bool,
}

impl CookieState {
    /// Whether the session's cookies go out again with the answer: a cookie session this
    /// request extended, or (but from the forward-auth check, which sends the token cookie
    /// alone, and only when extended) whose browser lost the companions.
    fn goes_out(&self, forward_auth: bool) -> bool {
        self.location == Location::Cookie && (self.extended || (!forward_auth && self.companions_missing))
    }
}

impl Credentials {
    /// The cookie step's part, and the caller the request context holds (moved, not copied).
    fn split(self) -> (CookieState, Authenticated) {
        let Credentials { token, location, companions_missing, caller } = self;
        (CookieState { token, location, extended: caller.extended, companions_missing }, caller)
    }
}

impl HttpService {
    /// The HTTP service over `service`; with `serve_metrics` it also answers `GET /metrics`;
    /// with `sso`, single sign-on's browser routes.
    pub fn new(
        service: SessionService,
        limits: RequestLimits,
        proxies: ProxySettings,
        client_requirements: ClientRequirements,
        serve_metrics: bool,
        sso: Option<crate::sso::SingleSignOn>,
    ) -> Self {
        let handlers = Handlers::new(service.clone(), client_requirements, proxies.allowed_redirect_hosts.clone());
        let router = GeneratedRouter::new(handlers, false);
        let cookie_domain =
            crate::config::cookie_domain(proxies.allow_cookies_for_subdomains, &service.policy().site_url);
        let inner = Inner { router, service, limits, proxies, cookie_domain, serve_metrics, sso };
        HttpService { inner: Arc::new(inner), peer: None }
    }
}

impl ConnectionService for HttpService {
    fn for_connection(&self, peer: Peer) -> Self {
        HttpService { inner: self.inner.clone(), peer: Some(peer) }
    }

    fn metrics(&self) -> Arc<Metrics> {
        self.inner.service.metrics().clone()
    }
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
                peer.waiting();
            }
            Ok(response)
        })
    }
}

impl Inner {
    /// Step 1, and the frame of the others: the request's id, its answer, the final headers, the
    /// count and the log line.
    async fn handle(&self, request: Request<Incoming>, peer: Option<&Peer>) -> HttpResponse {
        let started = Instant::now();
        let request_id = Id::generate().into_string();
        let method = request.method().clone();
        let uri = request.uri().clone();
        let (operation, mut response) = match self.serve_static(&request, peer, &request_id).await {
            Some(answered) => answered,
            None => {
                // Step 3: the one route match (the operation, or why there is none).
                let routed = super::routes::route(request.method(), request.uri().path());
                let operation = match routed {
                    Routed::Found(found) => found.operation,
                    Routed::NoRoute | Routed::WrongMethod => &operations::UNKNOWN,
                };
                let response = match self.serve_api(request, &request_id, routed, peer).await {
                    Ok(response) => response,
                    Err(error) => response::render_error(&error, &request_id),
                };
                (operation, response)
            }
        };
        response::finish_headers(&mut response, &request_id, || super::routes::allowed(uri.path()));
        let id = operation.id;
        response::log_and_count(self.service.metrics(), &request_id, &method, &uri, id, &response, started);
        response
    }

    /// Step 2: what answers without reading a body (its answer starts at once): `/metrics`
    /// when served here, the page. `None`: the API's.
    async fn serve_static(
        &self,
        request: &Request<Incoming>,
        peer: Option<&Peer>,
        request_id: &str,
    ) -> Option<(&'static Operation, HttpResponse)> {
        let path = request.uri().path();
        let metrics = self.serve_metrics && path == METRICS_PATH && request.method() == Method::GET;
        if path == super::web::RETURN_PATH && request.method() == Method::GET {
            if let Some(peer) = peer {
                peer.answering();
            }
            let query = request.uri().query();
            return Some((&operations::RETURN, super::web::return_to(query, &self.proxies.allowed_redirect_hosts)));
        }
        // API paths (the hot ones) are never single sign-on's nor the page's list.
        if request.method() == Method::GET && !path.starts_with("/api/") {
            if let Some(route) = super::sso::route(path) {
                if let Some(peer) = peer {
                    peer.answering();
                }
                return Some((&operations::SSO, self.serve_sso(route, request, peer, request_id).await));
            }
            if path == super::web::SIGN_IN_SERVICES_PATH {
                return Some((&operations::PAGE, super::web::sign_in_services(self.sso.as_ref())));
            }
        }
        let page = if metrics { None } else { Some(super::web::asset(request.method(), path)?) };
        // Answering from here on (rendering the metrics counts the sessions in the store).
        if let Some(peer) = peer {
            peer.answering();
        }
        Some(match page {
            Some(page) => (&operations::PAGE, page),
            None => (&operations::METRICS, metrics_endpoint::answer(&self.service).await),
        })
    }

    /// Single sign-on's browser routes ([`super::sso`]): answered at once (no body is read);
    /// a refusal is a page, not JSON.
    async fn serve_sso(
        &self,
        route: super::sso::Route<'_>,
        request: &Request<Incoming>,
        peer: Option<&Peer>,
        request_id: &str,
    ) -> HttpResponse {
        let headers = request.headers();
        let client = peer.map(|p| super::forwarded::client_address(p.addr.ip(), headers, &self.proxies));
        let secure = peer.is_some_and(|p| super::forwarded::secure_cookies(p.addr.ip(), headers, &self.proxies));
        let scope = super::cookies::Scope { secure, domain: self.cookie_domain.clone() };
        let allowed_hosts = &self.proxies.allowed_redirect_hosts;
        let sso_request = super::sso::Request { uri: request.uri(), headers, client, scope, allowed_hosts };
        // The cache forgets what other processes wrote (a user, an account this sign-in finds).
        let answered = match self.service.stores().begin_request().await {
            Ok(()) => super::sso::answer(route, sso_request, self.sso.as_ref(), &self.service).await,
            Err(error) => Err(AppError::from(error)),
        };
        answered.unwrap_or_else(|error| response::render_error_page(&error, request_id))
    }

    /// Steps 3 to 9 for an API request, routed to `routed`.
    async fn serve_api(
        &self,
        request: Request<Incoming>,
        request_id: &str,
        routed: Routed,
        peer: Option<&Peer>,
    ) -> Result<HttpResponse, AppError> {
        // Step 3, as a router does, before anything else: no route, or not this method.
        let route = match routed {
            Routed::Found(found) => found,
            Routed::NoRoute => return Err(AppError::NotFound),
            Routed::WrongMethod => return Err(AppError::MethodNotAllowed),
        };
        let operation = route.operation;
        let (parts, body) = request.into_parts();
        let declared = parts.headers.get(CONTENT_LENGTH).and_then(|v| v.to_str().ok()?.parse::<u64>().ok());
        let body = super::body::read(body, declared, &self.limits).await?;
        // The request is in (hyper has nothing of it left to drain): it is being answered from
        // here on.
        if let Some(peer) = peer {
            peer.body_read();
            peer.answering();
        }
        let body = super::around_router::as_mattermost_reads(operation, body);
        let credentials = self.authenticate(&parts, operation).await?;
        if let Some(found) = &credentials {
            self.check_csrf(&parts, operation, peer, found)?;
            self.check_mfa(operation, found).await?;
        }
        // The session and user move into the context; the cookie step keeps the rest.
        let (cookie_state, mut caller) = credentials.map(Credentials::split).unzip();
        let ticket = self.answer_ticket(&parts, &route, caller.as_mut(), cookie_state.as_ref());
        if let Some(kept) = ticket.as_ref().and_then(|t| t.kept.as_deref()) {
            self.service.metrics().cache_answer(true);
            return Ok(super::answers::respond(kept, request_id));
        }
        let context = self.context(&parts, request_id, body.clone(), caller, peer);
        let mut response = self.dispatch(Request::from_parts(parts, Full::new(body)), &context, &route).await?;
        // Before the translation, which replaces an error's answer (and its `Warning` header).
        super::around_router::quiet_unknown_fields(&mut response, request_id, operation.id);
        let mut response = super::around_router::translate(response, &context, operation).await?;
        if let Some(ticket) = &ticket {
            response = self.keep_answer(response, ticket).await;
        }
        self.set_cookies(&mut response, &context, operation, cookie_state)?;
        Ok(response)
    }

    /// Step 6½, for an operation whose answer the session cache keeps (`x-mm-answer-kept`):
    /// the ticket authentication brought, when that answer is this request's and nothing else
    /// goes out with it (no cookie of the session's). With an answer kept in it, that answer
    /// is sent as it is (no context, no generated router, no handler); without, the handler's
    /// answer may be kept ([`Self::keep_answer`]).
    fn answer_ticket(
        &self,
        parts: &hyper::http::request::Parts,
        route: &Found,
        caller: Option<&mut Authenticated>,
        cookie_state: Option<&CookieState>,
    ) -> Option<Ticket> {
        let operation = route.operation;
        let kind = operation.answer_kept?;
        let caller = caller?;
        if cookie_state.is_some_and(|c| c.goes_out(operation.forward_auth)) {
            return None;
        }
        let ticket = caller.answer.take()?;
        super::answers::applies(kind, route, parts.uri.path(), &caller.session).then_some(ticket)
    }

    /// Step 8½: a 200 the handler made from the data `ticket` came with is kept as its bytes
    /// (the cache refuses it if that data has changed since).
    async fn keep_answer(&self, response: HttpResponse, ticket: &Ticket) -> HttpResponse {
        let (response, answer) = super::answers::capture(response).await;
        if let Some(answer) = answer {
            self.service.stores().keep_answer(ticket, answer);
        }
        response
    }

    /// Step 5: the session the presented token stands for; `None` when no valid credentials
    /// came (the generated layer then refuses operations that need them). A token in the query
    /// string, and a store failure, are errors. For an operation that lists the caller's own
    /// sessions (`x-mm-reads-own-sessions`) the store may read them in the same round trip (the
    /// handler uses them if it lists those).
    async fn authenticate(
        &self,
        parts: &hyper::http::request::Parts,
        operation: &Operation,
    ) -> Result<Option<Credentials>, AppError> {
        let Some((token, location)) = credentials::presented_token(parts) else { return Ok(None) };
        let reads = if operation.reads_own_sessions { Reads::OwnSessionsToo } else { Reads::Session };
        let keeps = operation.answer_kept.map(|kind| (kind, parts.uri.query().unwrap_or_default()));
        let found = match self.service.authenticate_reading(&token, reads, keeps).await {
            Ok(found) => found,
            Err(AppError::SessionExpired) => return Ok(None),
            Err(other) => return Err(other),
        };
        // Mattermost takes a token from the URL only for OAuth sessions, which we never issue:
        // a URL ends up in proxy logs and browser history.
        if location == Location::Query && !found.session.is_oauth {
            return Err(AppError::TokenInQuery);
        }
        let companions_missing = location == Location::Cookie && !credentials::has_companion_cookies(parts);
        Ok(Some(Credentials { token, location, companions_missing, caller: found }))
    }

    /// Step 6: browsers send cookies on their own, so a cookie alone does not authorise a write.
    /// As Mattermost's `checkCSRFToken`: a cookie-authenticated request other than a GET without
    /// the CSRF header is 401 `api.context.session_expired.app_error` and changes nothing,
    /// whatever it asks for (a logout, a login, a revocation).
    ///
    /// At the forward-auth check the method that counts is the original request's, which a
    /// trusted proxy names in `X-Forwarded-Method` (GET, HEAD and OPTIONS are safe there); the
    /// rule is the operator's to turn off there (`--forward-auth-csrf false`) for apps that
    /// protect themselves.
    fn check_csrf(
        &self,
        parts: &hyper::http::request::Parts,
        operation: &Operation,
        peer: Option<&Peer>,
        credentials: &Credentials,
    ) -> Result<(), AppError> {
        if credentials.location != Location::Cookie {
            return Ok(());
        }
        if operation.forward_auth {
            let original =
                peer.and_then(|p| super::forwarded::forwarded_method(p.addr.ip(), &parts.headers, &self.proxies));
            if original.is_none() && self.proxies.forward_auth_csrf && !NO_ORIGINAL_METHOD.swap(true, Ordering::Relaxed)
            {
                // The check's own GET then counts: say once that the rule cannot see the method.
                tracing::warn!(
                    "a forward-auth check with a session cookie came without a trusted X-Forwarded-Method: the CSRF \
                     rule cannot see the original method (add the proxy to --trusted-proxies and send the header)"
                );
            }
            let method = original.unwrap_or_else(|| parts.method.as_str().to_owned());
            if !self.proxies.forward_auth_csrf || matches!(method.as_str(), "GET" | "HEAD" | "OPTIONS") {
                return Ok(());
            }
        } else if parts.method == Method::GET {
            return Ok(());
        }
        if credentials::passes_csrf(parts, credentials.caller.session.props.get("csrf")) {
            return Ok(());
        }
        if let Some(unlogged) = CSRF_REFUSALS_LOG.admit() {
            let session_id = credentials.caller.session.id.as_str();
            tracing::warn!(session_id, unlogged, "cookie-authenticated write without CSRF header refused");
        }
        Err(AppError::SessionExpired)
    }

    /// Step 6 too: with `EnforceMultifactorAuthentication`, a session whose user has not set
    /// up MFA may only set it up (403 `api.context.mfa_required.app_error` otherwise). Which
    /// operations are exempt (`x-mm-mfa-exempt`) is Mattermost's, by handler kind:
    /// `APISessionRequiredMfa` (the two MFA operations), `APIHandler` (login, logout, ping: no
    /// session needed), and the exact path `/api/v4/users/me` (`GetMe`), which the web app reads
    /// to find out where it stands.
    async fn check_mfa(&self, operation: &Operation, credentials: &Credentials) -> Result<(), AppError> {
        if operation.mfa_exempt {
            return Ok(());
        }
        self.service.check_mfa_enforced(&credentials.caller.session, credentials.caller.user.as_ref()).await
    }

    /// The context the handlers see: the caller, and what the generated signatures do not carry.
    fn context(
        &self,
        parts: &hyper::http::request::Parts,
        request_id: &str,
        body: bytes::Bytes,
        caller: Option<Authenticated>,
        peer: Option<&Peer>,
    ) -> RequestContext {
        let header = |name| parts.headers.get(name).and_then(|v: &HeaderValue| v.to_str().ok());
        let details = RequestDetails {
            user_agent: header(USER_AGENT).unwrap_or_default().to_owned(),
            xhr: header(hyper::header::HeaderName::from_static("x-requested-with")) == Some("XMLHttpRequest"),
            body,
            client: peer.map(|p| super::forwarded::client_address(p.addr.ip(), &parts.headers, &self.proxies)),
            path: parts.uri.path().to_owned(),
            cookies: super::cookies::Scope {
                secure: peer
                    .is_some_and(|p| super::forwarded::secure_cookies(p.addr.ip(), &parts.headers, &self.proxies)),
                domain: self.cookie_domain.clone(),
            },
            forwarded_url: peer
                .and_then(|p| super::forwarded::forwarded_url(p.addr.ip(), &parts.headers, &self.proxies)),
            device_cookies: credentials::cookies_starting(
                parts,
                super::cookies::COOKIE_DEVICE_PREFIX,
                crate::known_device::MAX_COOKIES_TRIED,
            ),
        };
        RequestContext::new(request_id.to_owned(), caller, details)
    }

    /// Step 7: the generated router and the handler it calls, handed the request's route match
    /// (it routes by it and reads the path parameters from it, matching nothing again).
    async fn dispatch(
        &self,
        request: Request<Full<bytes::Bytes>>,
        context: &RequestContext,
        route: &Found,
    ) -> Result<HttpResponse, AppError> {
        self.router
            .call_matched((request, context.clone()), route.matched)
            .await
            .map_err(|e| AppError::Internal(anyhow::anyhow!("generated router: {e}")))
    }

    /// Step 9: the cookies of a cookie session this request extended (they go out again with the
    /// new lifetime; from the forward-auth check, the token cookie alone) or whose browser lost
    /// the companions, then those the handler asked for.
    fn set_cookies(
        &self,
        response: &mut HttpResponse,
        context: &RequestContext,
        operation: &Operation,
        cookie_state: Option<CookieState>,
    ) -> Result<(), AppError> {
        // A handler that set cookies (login, logout) decides them alone.
        let mut cookies = context.take_cookies();
        let state = cookie_state.filter(|c| c.location == Location::Cookie && cookies.is_empty());
        // Both come from one split of the credentials ([`Credentials::split`]): a cookie state
        // without a caller in the context cannot happen.
        debug_assert!(state.is_none() || context.caller().is_some(), "a cookie state without its session");
        if let (Some(state), Some(caller)) = (state.filter(|s| s.goes_out(operation.forward_auth)), context.caller()) {
            let now = self.service.clock().now_millis();
            let scope = &context.request.cookies;
            if operation.forward_auth {
                cookies.push(super::cookies::token_only(&state.token, caller.session, now, scope));
            } else {
                cookies.extend(super::cookies::for_session(&state.token, caller.session, now, scope));
            }
        }
        for cookie in cookies {
            let value = HeaderValue::from_str(&cookie)
                .map_err(|e| AppError::Internal(anyhow::anyhow!("unencodable cookie: {e}")))?;
            response.headers_mut().append(SET_COOKIE, value);
        }
        Ok(())
    }
}
