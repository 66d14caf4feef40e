//! The per-request context the generated router hands to every `Api` method.
//!
//! The generated code needs `Has<XSpanIdString>` (the request id, echoed in `x-span-id`) and
//! `Has<Option<Authorization>>` (its own "is this request authenticated" check for operations with
//! `security`). We add the caller's session, which is what the handlers actually use.

use swagger::auth::Authorization;
use swagger::{Has, XSpanIdString};

use crate::domain::Session;

/// What a handler knows about its request.
#[derive(Clone, Debug)]
pub struct RequestContext {
    request_id: XSpanIdString,
    authorization: Option<Authorization>,
    caller: Option<Session>,
}

impl RequestContext {
    /// A context for a request with this id, authenticated as `caller` (if any).
    pub fn new(request_id: String, caller: Option<Session>) -> Self {
        let authorization = caller.as_ref().map(|s| Authorization {
            subject: s.user_id.clone(),
            scopes: swagger::auth::Scopes::Some(s.role_names().map(str::to_owned).collect()),
            issuer: None,
        });
        RequestContext { request_id: XSpanIdString(request_id), authorization, caller }
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
