//! The per-request context the generated router hands to every `Api` method.
//!
//! The generated code needs `Has<XSpanIdString>` (the request id, echoed in `x-span-id`) and
//! `Has<Option<Authorization>>` (its own "is this request authenticated" check for operations with
//! `security`). We add the caller's session, which is what the handlers actually use.

use std::sync::{Arc, Mutex};

use bytes::Bytes;
use swagger::auth::Authorization;
use swagger::{Has, XSpanIdString};

use crate::domain::Session;

/// What a handler knows about its request, and the cookies it wants set.
#[derive(Clone, Debug)]
pub struct RequestContext {
    request_id: XSpanIdString,
    authorization: Option<Authorization>,
    caller: Option<Session>,
    /// Request details the generated signatures do not carry.
    pub request: RequestDetails,
    /// `Set-Cookie` values for the response. Swagger 2.0 cannot declare several `Set-Cookie`
    /// headers, so handlers leave them here and the middleware adds them.
    set_cookies: Arc<Mutex<Vec<String>>>,
}

/// The parts of the request some handlers need beyond their parameters.
#[derive(Clone, Debug, Default)]
pub struct RequestDetails {
    pub user_agent: String,
    /// `X-Requested-With: XMLHttpRequest` (a browser's script): login then sets cookies.
    pub xhr: bool,
    /// The raw body, for fields the generated model cannot carry (the JS client's `deviceId`).
    pub body: Bytes,
    /// The TCP peer's address.
    pub client: Option<std::net::IpAddr>,
}

impl RequestContext {
    /// A context for a request with this id, authenticated as `caller` (if any).
    pub fn new(request_id: String, caller: Option<Session>, request: RequestDetails) -> Self {
        let authorization = caller.as_ref().map(|s| Authorization {
            subject: s.user_id.clone(),
            scopes: swagger::auth::Scopes::Some(s.role_names().map(str::to_owned).collect()),
            issuer: None,
        });
        RequestContext {
            request_id: XSpanIdString(request_id),
            authorization,
            caller,
            request,
            set_cookies: Arc::default(),
        }
    }

    /// Asks for a `Set-Cookie` header on the response.
    pub fn set_cookie(&self, cookie: String) {
        self.set_cookies.lock().unwrap_or_else(|e| e.into_inner()).push(cookie);
    }

    /// The cookies handlers asked for.
    pub fn take_cookies(&self) -> Vec<String> {
        std::mem::take(&mut *self.set_cookies.lock().unwrap_or_else(|e| e.into_inner()))
    }

    /// The request's id (also its `X-Request-Id` and the AppError's `request_id`).
    pub fn request_id(&self) -> &str {
        &self.request_id.0
    }

    /// The authenticated caller's session.
    pub fn caller(&self) -> Option<&Session> {
        self.caller.as_ref()
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
