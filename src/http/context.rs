//! The per-request context the generated router hands to every `Api` method.
//!
//! The generated code needs `Has<XSpanIdString>` (the request id, echoed in `x-span-id`) and
//! `Has<Option<Authorization>>` (its own "is this request authenticated" check for operations with
//! `security`). We add the caller's session, which is what the handlers actually use.

use std::sync::{Arc, Mutex};

use bytes::Bytes;
use swagger::auth::Authorization;
use swagger::{Has, XSpanIdString};

use crate::error::AppError;
use crate::service::{Actor, Authenticated, Caller, Origin};

/// What a handler knows about its request, and the cookies it wants set. Cheap to clone (the
/// generated router takes a clone for every request): beyond the two values the generated layer
/// may set, it is two shared `Arc`s.
#[derive(Clone, Debug)]
pub struct RequestContext {
    request_id: XSpanIdString,
    authorization: Option<Authorization>,
    /// Request details the generated signatures do not carry.
    pub request: Arc<RequestDetails>,
    shared: Arc<Shared>,
}

/// The parts of a [`RequestContext`] every clone shares.
#[derive(Debug)]
struct Shared {
    /// The caller, as authentication found it (with what it read along).
    caller: Option<Authenticated>,
    /// Where the request came from, for the service's audit records and budgets.
    origin: Origin,
    /// `Set-Cookie` values for the response. Swagger 2.0 cannot declare several `Set-Cookie`
    /// headers, so handlers leave them here and the pipeline adds them.
    set_cookies: Mutex<Vec<String>>,
    /// An error the operation's responses cannot express (an internal failure), left here for
    /// the pipeline to render and log, with its cause.
    failure: Mutex<Option<AppError>>,
}

/// The parts of the request some handlers need beyond their parameters.
#[derive(Clone, Debug, Default)]
pub struct RequestDetails {
    pub user_agent: String,
    /// `X-Requested-With: XMLHttpRequest` (a browser's script): login then sets cookies.
    pub xhr: bool,
    /// The raw body, for fields the generated model cannot carry (the JS client's `deviceId`).
    pub body: Bytes,
    /// The client's address: the TCP peer, or who a trusted proxy says it is.
    pub client: Option<std::net::IpAddr>,
    /// The request's path (an audit record's `action`).
    pub path: String,
    /// Where cookies set on the answer go: `Secure` ([`super::forwarded::secure_cookies`]), and
    /// their domain.
    pub cookies: super::cookies::Scope,
    /// The URL a trusted proxy says the request it holds was for (`X-Forwarded-Proto`,
    /// `-Host`, `-Uri`): where the forward-auth check sends people back to after signing in.
    pub forwarded_url: Option<String>,
    /// The device cookies the client sent ([`crate::known_device`]).
    pub device_cookies: Vec<String>,
}

impl RequestContext {
    /// A context for a request with this id, authenticated as `caller` (if any).
    pub fn new(request_id: String, caller: Option<Authenticated>, request: RequestDetails) -> Self {
        // The generated layer only asks whether there is one (no operation has OAuth scopes);
        // the handlers ask `caller`. So it names nothing (nothing to allocate, nor to copy with
        // each clone of the context), and grants no scope: an OAuth scope check, if the spec
        // ever had one, would fail closed.
        let authorization = caller.as_ref().map(|_| Authorization {
            subject: String::new(),
            scopes: swagger::auth::Scopes::Some(Default::default()),
            issuer: None,
        });
        let origin = Origin { action: request.path.clone(), client: request.client };
        let shared = Shared { caller, origin, set_cookies: Mutex::default(), failure: Mutex::default() };
        RequestContext {
            request_id: XSpanIdString(request_id),
            authorization,
            request: Arc::new(request),
            shared: Arc::new(shared),
        }
    }

    /// The caller, or the 401 every operation with `security` answers without one. (The
    /// generated router already refuses such operations without credentials; this keeps the
    /// handlers total without an unreachable arm each.)
    pub fn require_caller(&self) -> Result<Caller<'_>, AppError> {
        self.caller().ok_or(AppError::SessionExpired)
    }

    /// The caller, as the actor of an operation.
    pub fn actor(&self) -> Result<Actor<'_>, AppError> {
        self.require_caller().map(Actor::Request)
    }

    /// Leaves `error` for the pipeline and gives the generated layer the `Err` that makes it
    /// answer 500, which the pipeline then replaces with `error`'s AppError.
    pub fn fail(&self, error: AppError) -> swagger::ApiError {
        let summary = swagger::ApiError(error.id().to_owned());
        *self.shared.failure.lock().unwrap_or_else(|e| e.into_inner()) = Some(error);
        summary
    }

    /// The error a handler left with [`Self::fail`], if any.
    pub fn take_failure(&self) -> Option<AppError> {
        self.shared.failure.lock().unwrap_or_else(|e| e.into_inner()).take()
    }

    /// Asks for a `Set-Cookie` header on the response.
    pub fn set_cookie(&self, cookie: String) {
        self.shared.set_cookies.lock().unwrap_or_else(|e| e.into_inner()).push(cookie);
    }

    /// The cookies handlers asked for.
    pub fn take_cookies(&self) -> Vec<String> {
        std::mem::take(&mut *self.shared.set_cookies.lock().unwrap_or_else(|e| e.into_inner()))
    }

    /// The request's id (also its `X-Request-Id` and the AppError's `request_id`).
    pub fn request_id(&self) -> &str {
        &self.request_id.0
    }

    /// Where the request came from, for the service's audit records and budgets.
    pub fn origin(&self) -> &Origin {
        &self.shared.origin
    }

    /// The authenticated caller, if any (logout works without one).
    pub fn caller(&self) -> Option<Caller<'_>> {
        let shared = &*self.shared;
        shared.caller.as_ref().map(|found| Caller {
            session: &found.session,
            origin: &shared.origin,
            user: found.user.as_ref(),
            own_sessions: found.own_sessions.as_deref(),
        })
    }
}

impl Has<XSpanIdString> for RequestContext {
    fn get(&self) -> &XSpanIdString {
        &self.request_id
    }
    fn get_mut(&mut self) -> &mut XSpanIdString {
        &mut self.request_id
    }
    fn set(&mut self, value: XSpanIdString) {
        self.request_id = value;
    }
}

impl Has<Option<Authorization>> for RequestContext {
    fn get(&self) -> &Option<Authorization> {
        &self.authorization
    }
    fn get_mut(&mut self) -> &mut Option<Authorization> {
        &mut self.authorization
    }
    fn set(&mut self, value: Option<Authorization>) {
        self.authorization = value;
    }
}
