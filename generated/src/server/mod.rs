use bytes::Bytes;
use futures::{future, future::BoxFuture, Stream, stream, future::FutureExt, stream::TryStreamExt};
use http_body_util::{combinators::BoxBody, Full};
use hyper::{body::{Body, Incoming}, HeaderMap, Request, Response, StatusCode};
use hyper::header::{HeaderName, HeaderValue, CONTENT_TYPE};
use log::warn;
#[cfg(feature = "validate")]
use serde_valid::Validate;
#[allow(unused_imports)]
use std::convert::{TryFrom, TryInto};
use std::{convert::Infallible, error::Error};
use std::future::Future;
use std::marker::PhantomData;
use std::task::{Context, Poll};
use swagger::{ApiError, BodyExt, Has, RequestParser, XSpanIdString};
pub use swagger::auth::Authorization;
use swagger::auth::Scopes;
use url::form_urlencoded;

#[allow(unused_imports)]
use crate::{models, header, AuthenticationApi};

pub use crate::context;

type ServiceFuture = BoxFuture<'static, Result<Response<BoxBody<Bytes, Infallible>>, crate::ServiceError>>;

use crate::{Api,
     AuthCheckResponse,
     GenerateMfaSecretResponse,
     UpdateUserMfaResponse,
     AttachDeviceResponse,
     RevokeSessionsForAllUsersResponse,
     GetSessionsResponse,
     RevokeAllSessionsResponse,
     RevokeSessionResponse,
     PingResponse,
     DisableUserAccessTokenResponse,
     EnableUserAccessTokenResponse,
     GetUserAccessTokensResponse,
     RevokeUserAccessTokenResponse,
     SearchUserAccessTokensResponse,
     CreateUserAccessTokenResponse,
     GetUserAccessTokenResponse,
     GetUserAccessTokensForUserResponse,
     GetMeResponse,
     LoginResponse,
     LogoutResponse,
     GetUserAuditsResponse,
     GetUserByUsernameResponse,
     UpdateUserActiveResponse,
     UpdateUserAuthResponse,
     UpdateUserPasswordResponse,
     UpdateUserRolesResponse
};

mod server_auth;

/// The spec's paths as a segment table, and a request path's one match against it.
///
/// Each template (the base path, then the spec's path) is split into its segments once, at
/// compile time, and each fixed segment numbered among the distinct fixed segments templates
/// have at its position. A request path is split once, by its `/`s; each of its segments is
/// compared with the fixed segments of its position (by length, then bytes) to find its number;
/// then each template of as many segments is compared by numbers: a fixed segment must have
/// the same, a parameter takes any segment without `?` or `#` (the generator's `[^/?#]*`). The
/// result, [`Matched`], is every template the path matches, with the path's segments: the
/// router picks its operation from it and the handlers read their path parameters from it, so
/// a request is matched once. A caller that matched already hands its match to
/// [`super::Service::call_matched`].
pub mod paths {
    /// The spec's path templates, base path included, in the order of their ids.
    pub const TEMPLATES: &[&str] = &[
        "/api/v4/auth/check",
        "/api/v4/system/ping",
        "/api/v4/users/login",
        "/api/v4/users/logout",
        "/api/v4/users/me",
        "/api/v4/users/sessions/device",
        "/api/v4/users/sessions/revoke/all",
        "/api/v4/users/tokens",
        "/api/v4/users/tokens/disable",
        "/api/v4/users/tokens/enable",
        "/api/v4/users/tokens/revoke",
        "/api/v4/users/tokens/search",
        "/api/v4/users/tokens/{token_id}",
        "/api/v4/users/username/{username}",
        "/api/v4/users/{user_id}/active",
        "/api/v4/users/{user_id}/audits",
        "/api/v4/users/{user_id}/auth",
        "/api/v4/users/{user_id}/mfa",
        "/api/v4/users/{user_id}/mfa/generate",
        "/api/v4/users/{user_id}/password",
        "/api/v4/users/{user_id}/roles",
        "/api/v4/users/{user_id}/sessions",
        "/api/v4/users/{user_id}/sessions/revoke",
        "/api/v4/users/{user_id}/sessions/revoke/all",
        "/api/v4/users/{user_id}/tokens",
    ];
    pub(crate) const ID_AUTH_CHECK: usize = 0;
    pub(crate) const ID_SYSTEM_PING: usize = 1;
    pub(crate) const ID_USERS_LOGIN: usize = 2;
    pub(crate) const ID_USERS_LOGOUT: usize = 3;
    pub(crate) const ID_USERS_ME: usize = 4;
    pub(crate) const ID_USERS_SESSIONS_DEVICE: usize = 5;
    pub(crate) const ID_USERS_SESSIONS_REVOKE_ALL: usize = 6;
    pub(crate) const ID_USERS_TOKENS: usize = 7;
    pub(crate) const ID_USERS_TOKENS_DISABLE: usize = 8;
    pub(crate) const ID_USERS_TOKENS_ENABLE: usize = 9;
    pub(crate) const ID_USERS_TOKENS_REVOKE: usize = 10;
    pub(crate) const ID_USERS_TOKENS_SEARCH: usize = 11;
    pub(crate) const ID_USERS_TOKENS_TOKEN_ID: usize = 12;
    pub(crate) const ID_USERS_USERNAME_USERNAME: usize = 13;
    pub(crate) const ID_USERS_USER_ID_ACTIVE: usize = 14;
    pub(crate) const ID_USERS_USER_ID_AUDITS: usize = 15;
    pub(crate) const ID_USERS_USER_ID_AUTH: usize = 16;
    pub(crate) const ID_USERS_USER_ID_MFA: usize = 17;
    pub(crate) const ID_USERS_USER_ID_MFA_GENERATE: usize = 18;
    pub(crate) const ID_USERS_USER_ID_PASSWORD: usize = 19;
    pub(crate) const ID_USERS_USER_ID_ROLES: usize = 20;
    pub(crate) const ID_USERS_USER_ID_SESSIONS: usize = 21;
    pub(crate) const ID_USERS_USER_ID_SESSIONS_REVOKE: usize = 22;
    pub(crate) const ID_USERS_USER_ID_SESSIONS_REVOKE_ALL: usize = 23;
    pub(crate) const ID_USERS_USER_ID_TOKENS: usize = 24;

    /// The most segments a template has: a longer path matches none.
    pub const MAX_SEGMENTS: usize = max_segments(TEMPLATES);

    /// Words of the match's set, one bit per template.
    const WORDS: usize = TEMPLATES.len().div_ceil(64);

    /// A number no fixed segment has: a parameter's, or a path segment equal to none.
    const NOT_FIXED: u16 = u16::MAX;
    const _: () = assert!(TEMPLATES.len() < NOT_FIXED as usize, "fixed segments are numbered in u16");

    /// One segment of a template: a parameter (its name, a range of the template's text,
    /// without braces), or a fixed segment, by its number among those of its position.
    #[derive(Clone, Copy)]
    struct Part {
        name: (u16, u16),
        fixed: u16,
    }

    /// A template split into its segments.
    #[derive(Clone, Copy)]
    struct Template {
        parts: [Part; MAX_SEGMENTS],
        count: usize,
    }

    /// The distinct fixed segments templates have at each position, numbered in order.
    struct Fixed {
        at: [[&'static [u8]; TEMPLATES.len()]; MAX_SEGMENTS],
        count: [usize; MAX_SEGMENTS],
    }

    const NO_PART: Part = Part { name: (0, 0), fixed: NOT_FIXED };
    const NO_TEMPLATE: Template = Template { parts: [NO_PART; MAX_SEGMENTS], count: 0 };

    /// Every template split, and the fixed segments numbered (at compile time).
    const BUILT: ([Template; TEMPLATES.len()], Fixed) = build();
    static TABLE: [Template; TEMPLATES.len()] = BUILT.0;
    static FIXED: Fixed = BUILT.1;

    /// How many leading segments every template has, fixed and the same (the base path's):
    /// a path's are checked once, not once per template.
    const COMMON: usize = common(&BUILT.0);

    const fn common(table: &[Template; TEMPLATES.len()]) -> usize {
        let mut at = 0;
        while at < MAX_SEGMENTS {
            let mut id = 0;
            while id < table.len() {
                // The same fixed segment has number 0 wherever every template has it.
                if table[id].count <= at || table[id].parts[at].fixed != 0 {
                    return at;
                }
                id += 1;
            }
            at += 1;
        }
        at
    }

    const fn max_segments(templates: &[&str]) -> usize {
        let mut most = 0;
        let mut i = 0;
        while i < templates.len() {
            let bytes = templates[i].as_bytes();
            let mut count = 0;
            let mut j = 0;
            while j < bytes.len() {
                if bytes[j] == b'/' {
                    count += 1;
                }
                j += 1;
            }
            if count > most {
                most = count;
            }
            i += 1;
        }
        most
    }

    const fn same(a: &[u8], b: &[u8]) -> bool {
        if a.len() != b.len() {
            return false;
        }
        let mut i = 0;
        while i < a.len() {
            if a[i] != b[i] {
                return false;
            }
            i += 1;
        }
        true
    }

    /// `bytes[start..end]`, in a constant.
    const fn range(bytes: &'static [u8], start: usize, end: usize) -> &'static [u8] {
        bytes.split_at(end).0.split_at(start).1
    }

    /// Each template split after its leading `/` at each `/` (`{name}` is a parameter), and
    /// each fixed segment numbered.
    const fn build() -> ([Template; TEMPLATES.len()], Fixed) {
        let mut table = [NO_TEMPLATE; TEMPLATES.len()];
        let mut fixed = Fixed { at: [[&[]; TEMPLATES.len()]; MAX_SEGMENTS], count: [0; MAX_SEGMENTS] };
        let mut id = 0;
        while id < TEMPLATES.len() {
            let bytes = TEMPLATES[id].as_bytes();
            let mut template = NO_TEMPLATE;
            let mut start = 1;
            let mut i = 1;
            while i <= bytes.len() {
                if i == bytes.len() || bytes[i] == b'/' {
                    let at = template.count;
                    // A template is far shorter than 64 KiB (the parts' ranges are `u16`).
                    if bytes.len() > u16::MAX as usize {
                        panic!("a path template longer than 64 KiB");
                    }
                    if i >= start + 2 && bytes[start] == b'{' && bytes[i - 1] == b'}' {
                        template.parts[at] = Part { name: ((start + 1) as u16, (i - 1) as u16), fixed: NOT_FIXED };
                    } else {
                        let text = range(bytes, start, i);
                        // The generator also takes a parameter inside a segment (`v{n}`, `{a}.{b}`);
                        // this table does not, so such a spec stops the build here.
                        let mut j = 0;
                        while j < text.len() {
                            if text[j] == b'{' || text[j] == b'}' {
                                panic!("a path parameter that is not a whole segment");
                            }
                            j += 1;
                        }
                        let mut number = 0;
                        while number < fixed.count[at] && !same(fixed.at[at][number], text) {
                            number += 1;
                        }
                        if number == fixed.count[at] {
                            fixed.at[at][number] = text;
                            fixed.count[at] += 1;
                        }
                        template.parts[at] = Part { name: (0, 0), fixed: number as u16 };
                    }
                    template.count += 1;
                    start = i + 1;
                }
                i += 1;
            }
            table[id] = template;
            id += 1;
        }
        (table, fixed)
    }

    /// The templates a request path matches (by id), and the path's segments.
    #[derive(Clone, Copy, Debug, PartialEq, Eq)]
    pub struct Matched {
        set: [u64; WORDS],
        /// Each segment's range in the path.
        segments: [(u32, u32); MAX_SEGMENTS],
        count: usize,
    }

    /// Every template `path` (a request's path, without its query) matches.
    pub fn matches(path: &str) -> Matched {
        let mut found = Matched::NONE;
        let bytes = path.as_bytes();
        if bytes.first() != Some(&b'/') || bytes.len() > u32::MAX as usize {
            return found;
        }
        // Each segment's number among the fixed segments of its position.
        let mut numbers = [NOT_FIXED; MAX_SEGMENTS];
        let mut start = 1;
        loop {
            let end = bytes[start..].iter().position(|&b| b == b'/').map_or(bytes.len(), |i| start + i);
            if found.count == MAX_SEGMENTS {
                return Matched::NONE;
            }
            let segment = &bytes[start..end];
            let at = found.count;
            let candidates = &FIXED.at[at][..FIXED.count[at]];
            // By hand, not `==`: these are a few bytes long, shorter than a call to `memcmp`.
            let equal = |text: &&[u8]| text.len() == segment.len() && text.iter().zip(segment).all(|(a, b)| a == b);
            if let Some(number) = candidates.iter().position(equal) {
                numbers[at] = number as u16;
            }
            // Both fit: the path's length does.
            found.segments[at] = (start as u32, end as u32);
            found.count += 1;
            if end == bytes.len() {
                break;
            }
            start = end + 1;
        }
        let count = found.count;
        if count < COMMON || numbers[..COMMON].iter().any(|&number| number != 0) {
            return Matched::NONE;
        }
        for (id, template) in TABLE.iter().enumerate() {
            if template.count == count && fits(template, &numbers, bytes, &found.segments) {
                found.set[id / 64] |= 1 << (id % 64);
            }
        }
        found
    }

    /// Whether `template` (of as many segments as the path) fits the path's segments past the
    /// common ones: its fixed segments first, then its parameters' bytes (a rare refusal).
    fn fits(template: &Template, numbers: &[u16; MAX_SEGMENTS], path: &[u8], segments: &[(u32, u32)]) -> bool {
        for at in COMMON..template.count {
            let fixed = template.parts[at].fixed;
            if fixed != NOT_FIXED && fixed != numbers[at] {
                return false;
            }
        }
        (COMMON..template.count).all(|at| {
            let (start, end) = segments[at];
            template.parts[at].fixed != NOT_FIXED || !path[start as usize..end as usize].iter().any(|&b| b == b'?' || b == b'#')
        })
    }

    impl Matched {
        /// A path no template matches.
        pub const NONE: Matched = Matched { set: [0; WORDS], segments: [(0, 0); MAX_SEGMENTS], count: 0 };

        /// Whether template `id` is one the path matches.
        pub fn matched(&self, id: usize) -> bool {
            id < TEMPLATES.len() && self.set[id / 64] & (1 << (id % 64)) != 0
        }

        /// The ids of the templates the path matches, in order.
        pub fn ids(&self) -> impl Iterator<Item = usize> {
            let set = self.set;
            (0..WORDS).flat_map(move |word| {
                let mut bits = set[word];
                std::iter::from_fn(move || {
                    let bit = bits.trailing_zeros() as usize;
                    (bits != 0).then(|| {
                        bits &= bits - 1;
                        word * 64 + bit
                    })
                })
            })
        }

        /// Whether the path matches no template.
        pub fn is_empty(&self) -> bool {
            self.set.iter().all(|&word| word == 0)
        }

        /// Template `id` no longer counts as matched (a caller's own rules refuse it).
        pub fn remove(&mut self, id: usize) {
            if id < TEMPLATES.len() {
                self.set[id / 64] &= !(1 << (id % 64));
            }
        }

        /// The path parameters of `path` (the path this match was made of) under template
        /// `id`: each name, and its segment as sent (not decoded).
        pub fn params<'m, 'a>(&'m self, id: usize, path: &'a str) -> Params<'m, 'a> {
            let parts = match TABLE.get(id) {
                Some(template) if self.matched(id) => &template.parts[..template.count],
                _ => &[],
            };
            Params { parts, text: TEMPLATES.get(id).copied().unwrap_or(""), segments: &self.segments, path }
        }
    }

    /// A match's path parameters under one template ([`Matched::params`]): indexed by name, as
    /// the handlers read them, or in order.
    pub struct Params<'m, 'a> {
        /// The template's parts; none if the path does not match it.
        parts: &'static [Part],
        text: &'static str,
        segments: &'m [(u32, u32); MAX_SEGMENTS],
        path: &'a str,
    }

    impl<'m, 'a: 'm> Params<'m, 'a> {
        /// Each parameter's name and value, in the template's order.
        pub fn iter(&self) -> impl Iterator<Item = (&'static str, &'a str)> + 'm {
            let (text, path) = (self.text, self.path);
            let params = self.parts.iter().zip(self.segments).filter(|(part, _)| part.fixed == NOT_FIXED);
            params.map(move |(part, &(start, end))| {
                (&text[part.name.0 as usize..part.name.1 as usize], path.get(start as usize..end as usize).unwrap_or(""))
            })
        }

        /// The value of parameter `name`, if the template has it.
        pub fn get(&self, name: &str) -> Option<&'a str> {
            self.iter().find(|(n, _)| *n == name).map(|(_, value)| value)
        }
    }

    impl std::ops::Index<&str> for Params<'_, '_> {
        type Output = str;

        /// The value of parameter `name`; "" if the template has none of that name.
        fn index(&self, name: &str) -> &str {
            self.get(name).unwrap_or("")
        }
    }
}


pub struct MakeService<T, C>
where
    T: Api<C> + Clone + Send + 'static,
    C: Has<XSpanIdString> + Has<Option<Authorization>> + Send + Sync + 'static
{
    api_impl: T,
    marker: PhantomData<C>,
    validation: bool
}

impl<T, C> MakeService<T, C>
where
    T: Api<C> + Clone + Send + 'static,
    C: Has<XSpanIdString> + Has<Option<Authorization>> + Send + Sync + 'static
{
    pub fn new(api_impl: T) -> Self {
        MakeService {
            api_impl,
            marker: PhantomData,
            validation: false
        }
    }

    // Turn on/off validation for the service being made.
    #[cfg(feature = "validate")]
    pub fn set_validation(&mut self, validation: bool) {
        self.validation = validation;
    }
}

impl<T, C> Clone for MakeService<T, C>
where
    T: Api<C> + Clone + Send + 'static,
    C: Has<XSpanIdString>  + Has<Option<Authorization>> + Send + Sync + 'static
{
    fn clone(&self) -> Self {
        Self {
            api_impl: self.api_impl.clone(),
            marker: PhantomData,
            validation: self.validation
        }
    }
}

impl<T, C, Target> hyper::service::Service<Target> for MakeService<T, C>
where
    T: Api<C> + Clone + Send + 'static,
    C: Has<XSpanIdString> + Has<Option<Authorization>> + Send + Sync + 'static
{
    type Response = Service<T, C>;
    type Error = crate::ServiceError;
    type Future = future::Ready<Result<Self::Response, Self::Error>>;

    fn call(&self, target: Target) -> Self::Future {
        let service = Service::new(self.api_impl.clone(), self.validation);

        future::ok(service)
    }
}

fn method_not_allowed() -> Result<Response<BoxBody<Bytes, Infallible>>, crate::ServiceError> {
    Ok(
        Response::builder().status(StatusCode::METHOD_NOT_ALLOWED)
            .body(BoxBody::new(http_body_util::Empty::new()))
            .expect("Unable to create Method Not Allowed response")
    )
}

#[allow(unused_macros)]
#[cfg(not(feature = "validate"))]
macro_rules! run_validation {
    ($parameter:tt, $base_name:tt, $validation:tt) => ();
}

#[allow(unused_macros)]
#[cfg(feature = "validate")]
macro_rules! run_validation {
    ($parameter:tt, $base_name:tt, $validation:tt) => {
        let $parameter = if $validation {
            match $parameter.validate() {
            Ok(()) => $parameter,
            Err(e) => return Ok(Response::builder()
                                    .status(StatusCode::BAD_REQUEST)
                                    .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                                    .body(BoxBody::new(format!("Invalid value in body parameter {}: {}", $base_name, e)))
                                    .expect(&format!("Unable to create Bad Request response for invalid value in body parameter {}", $base_name))),
            }
        } else {
            $parameter
        };
    }
}

pub struct Service<T, C> where
    T: Api<C> + Clone + Send + 'static,
    C: Has<XSpanIdString> + Has<Option<Authorization>> + Send + Sync + 'static
{
    api_impl: T,
    marker: PhantomData<C>,
    // Enable regex pattern validation of received JSON models
    validation: bool,
}

impl<T, C> Service<T, C> where
    T: Api<C> + Clone + Send + 'static,
    C: Has<XSpanIdString> + Has<Option<Authorization>> + Send + Sync + 'static
{
    pub fn new(api_impl: T, validation: bool) -> Self {
        Service {
            api_impl,
            marker: PhantomData,
            validation,
        }
    }
    #[cfg(feature = "validate")]
    pub fn set_validation(&mut self, validation: bool) {
        self.validation = validation
    }

}

impl<T, C> Clone for Service<T, C> where
    T: Api<C> + Clone + Send + 'static,
    C: Has<XSpanIdString> + Has<Option<Authorization>> + Send + Sync + 'static
{
    fn clone(&self) -> Self {
        Service {
            api_impl: self.api_impl.clone(),
            marker: self.marker,
            validation: self.validation,
        }
    }
}

#[allow(dead_code)]
fn body_from_string(s: String) -> BoxBody<Bytes, Infallible> {
    BoxBody::new(Full::new(Bytes::from(s)))
}

fn body_from_str(s: &str) -> BoxBody<Bytes, Infallible> {
    BoxBody::new(Full::new(Bytes::copy_from_slice(s.as_bytes())))
}

impl<T, C, ReqBody> hyper::service::Service<(Request<ReqBody>, C)> for Service<T, C> where
    T: Api<C> + Clone + Send + Sync + 'static,
    C: Has<XSpanIdString> + Has<Option<Authorization>> + Send + Sync + 'static,
    ReqBody: Body + Send + 'static,
    ReqBody::Error: Into<Box<dyn Error + Send + Sync>> + Send,
    ReqBody::Data: Send,
{
    type Response = Response<BoxBody<Bytes, Infallible>>;
    type Error = crate::ServiceError;
    type Future = ServiceFuture;

    fn call(&self, req: (Request<ReqBody>, C)) -> Self::Future {
        let path = paths::matches(req.0.uri().path());
        self.call_matched(req, path)
    }
}

impl<T, C> Service<T, C> where
    T: Api<C> + Clone + Send + Sync + 'static,
    C: Has<XSpanIdString> + Has<Option<Authorization>> + Send + Sync + 'static,
{
    /// `call`, with the request's route match made already: [`paths::matches`] of this
    /// request's path, with any template the caller's own rules refuse removed. The request is
    /// routed by it, and its path parameters read from it; it is not matched again.
    pub fn call_matched<ReqBody>(&self, req: (Request<ReqBody>, C), path: paths::Matched) -> ServiceFuture where
        ReqBody: Body + Send + 'static,
        ReqBody::Error: Into<Box<dyn Error + Send + Sync>> + Send,
        ReqBody::Data: Send,
    {
        async fn run<T, C, ReqBody>(
            mut api_impl: T,
            req: (Request<ReqBody>, C),
            validation: bool,
            path: paths::Matched,
        ) -> Result<Response<BoxBody<Bytes, Infallible>>, crate::ServiceError>
        where
            T: Api<C> + Clone + Send + 'static,
            C: Has<XSpanIdString> + Has<Option<Authorization>> + Send + Sync + 'static,
            ReqBody: Body + Send + 'static,
            ReqBody::Error: Into<Box<dyn Error + Send + Sync>> + Send,
            ReqBody::Data: Send,
        {
            let (request, context) = req;
            let (parts, body) = request.into_parts();
            let (method, uri, headers) = (parts.method, parts.uri, parts.headers);

            match method {

            // AuthCheck - GET /auth/check
            hyper::Method::GET if path.matched(paths::ID_AUTH_CHECK) => {
                handle_auth_check(api_impl, uri, headers, body, context, validation, path).await
            },

            // GenerateMfaSecret - POST /users/{user_id}/mfa/generate
            hyper::Method::POST if path.matched(paths::ID_USERS_USER_ID_MFA_GENERATE) => {
                handle_generate_mfa_secret(api_impl, uri, headers, body, context, validation, path).await
            },

            // UpdateUserMfa - PUT /users/{user_id}/mfa
            hyper::Method::PUT if path.matched(paths::ID_USERS_USER_ID_MFA) => {
                handle_update_user_mfa(api_impl, uri, headers, body, context, validation, path).await
            },

            // AttachDevice - PUT /users/sessions/device
            hyper::Method::PUT if path.matched(paths::ID_USERS_SESSIONS_DEVICE) => {
                handle_attach_device(api_impl, uri, headers, body, context, validation, path).await
            },

            // RevokeSessionsForAllUsers - POST /users/sessions/revoke/all
            hyper::Method::POST if path.matched(paths::ID_USERS_SESSIONS_REVOKE_ALL) => {
                handle_revoke_sessions_for_all_users(api_impl, uri, headers, body, context, validation, path).await
            },

            // GetSessions - GET /users/{user_id}/sessions
            hyper::Method::GET if path.matched(paths::ID_USERS_USER_ID_SESSIONS) => {
                handle_get_sessions(api_impl, uri, headers, body, context, validation, path).await
            },

            // RevokeAllSessions - POST /users/{user_id}/sessions/revoke/all
            hyper::Method::POST if path.matched(paths::ID_USERS_USER_ID_SESSIONS_REVOKE_ALL) => {
                handle_revoke_all_sessions(api_impl, uri, headers, body, context, validation, path).await
            },

            // RevokeSession - POST /users/{user_id}/sessions/revoke
            hyper::Method::POST if path.matched(paths::ID_USERS_USER_ID_SESSIONS_REVOKE) => {
                handle_revoke_session(api_impl, uri, headers, body, context, validation, path).await
            },

            // Ping - GET /system/ping
            hyper::Method::GET if path.matched(paths::ID_SYSTEM_PING) => {
                handle_ping(api_impl, uri, headers, body, context, validation, path).await
            },

            // DisableUserAccessToken - POST /users/tokens/disable
            hyper::Method::POST if path.matched(paths::ID_USERS_TOKENS_DISABLE) => {
                handle_disable_user_access_token(api_impl, uri, headers, body, context, validation, path).await
            },

            // EnableUserAccessToken - POST /users/tokens/enable
            hyper::Method::POST if path.matched(paths::ID_USERS_TOKENS_ENABLE) => {
                handle_enable_user_access_token(api_impl, uri, headers, body, context, validation, path).await
            },

            // GetUserAccessTokens - GET /users/tokens
            hyper::Method::GET if path.matched(paths::ID_USERS_TOKENS) => {
                handle_get_user_access_tokens(api_impl, uri, headers, body, context, validation, path).await
            },

            // RevokeUserAccessToken - POST /users/tokens/revoke
            hyper::Method::POST if path.matched(paths::ID_USERS_TOKENS_REVOKE) => {
                handle_revoke_user_access_token(api_impl, uri, headers, body, context, validation, path).await
            },

            // SearchUserAccessTokens - POST /users/tokens/search
            hyper::Method::POST if path.matched(paths::ID_USERS_TOKENS_SEARCH) => {
                handle_search_user_access_tokens(api_impl, uri, headers, body, context, validation, path).await
            },

            // CreateUserAccessToken - POST /users/{user_id}/tokens
            hyper::Method::POST if path.matched(paths::ID_USERS_USER_ID_TOKENS) => {
                handle_create_user_access_token(api_impl, uri, headers, body, context, validation, path).await
            },

            // GetUserAccessToken - GET /users/tokens/{token_id}
            hyper::Method::GET if path.matched(paths::ID_USERS_TOKENS_TOKEN_ID) => {
                handle_get_user_access_token(api_impl, uri, headers, body, context, validation, path).await
            },

            // GetUserAccessTokensForUser - GET /users/{user_id}/tokens
            hyper::Method::GET if path.matched(paths::ID_USERS_USER_ID_TOKENS) => {
                handle_get_user_access_tokens_for_user(api_impl, uri, headers, body, context, validation, path).await
            },

            // GetMe - GET /users/me
            hyper::Method::GET if path.matched(paths::ID_USERS_ME) => {
                handle_get_me(api_impl, uri, headers, body, context, validation, path).await
            },

            // Login - POST /users/login
            hyper::Method::POST if path.matched(paths::ID_USERS_LOGIN) => {
                handle_login(api_impl, uri, headers, body, context, validation, path).await
            },

            // Logout - POST /users/logout
            hyper::Method::POST if path.matched(paths::ID_USERS_LOGOUT) => {
                handle_logout(api_impl, uri, headers, body, context, validation, path).await
            },

            // GetUserAudits - GET /users/{user_id}/audits
            hyper::Method::GET if path.matched(paths::ID_USERS_USER_ID_AUDITS) => {
                handle_get_user_audits(api_impl, uri, headers, body, context, validation, path).await
            },

            // GetUserByUsername - GET /users/username/{username}
            hyper::Method::GET if path.matched(paths::ID_USERS_USERNAME_USERNAME) => {
                handle_get_user_by_username(api_impl, uri, headers, body, context, validation, path).await
            },

            // UpdateUserActive - PUT /users/{user_id}/active
            hyper::Method::PUT if path.matched(paths::ID_USERS_USER_ID_ACTIVE) => {
                handle_update_user_active(api_impl, uri, headers, body, context, validation, path).await
            },

            // UpdateUserAuth - PUT /users/{user_id}/auth
            hyper::Method::PUT if path.matched(paths::ID_USERS_USER_ID_AUTH) => {
                handle_update_user_auth(api_impl, uri, headers, body, context, validation, path).await
            },

            // UpdateUserPassword - PUT /users/{user_id}/password
            hyper::Method::PUT if path.matched(paths::ID_USERS_USER_ID_PASSWORD) => {
                handle_update_user_password(api_impl, uri, headers, body, context, validation, path).await
            },

            // UpdateUserRoles - PUT /users/{user_id}/roles
            hyper::Method::PUT if path.matched(paths::ID_USERS_USER_ID_ROLES) => {
                handle_update_user_roles(api_impl, uri, headers, body, context, validation, path).await
            },

            _ if path.matched(paths::ID_AUTH_CHECK) => method_not_allowed(),
            _ if path.matched(paths::ID_SYSTEM_PING) => method_not_allowed(),
            _ if path.matched(paths::ID_USERS_LOGIN) => method_not_allowed(),
            _ if path.matched(paths::ID_USERS_LOGOUT) => method_not_allowed(),
            _ if path.matched(paths::ID_USERS_ME) => method_not_allowed(),
            _ if path.matched(paths::ID_USERS_SESSIONS_DEVICE) => method_not_allowed(),
            _ if path.matched(paths::ID_USERS_SESSIONS_REVOKE_ALL) => method_not_allowed(),
            _ if path.matched(paths::ID_USERS_TOKENS) => method_not_allowed(),
            _ if path.matched(paths::ID_USERS_TOKENS_DISABLE) => method_not_allowed(),
            _ if path.matched(paths::ID_USERS_TOKENS_ENABLE) => method_not_allowed(),
            _ if path.matched(paths::ID_USERS_TOKENS_REVOKE) => method_not_allowed(),
            _ if path.matched(paths::ID_USERS_TOKENS_SEARCH) => method_not_allowed(),
            _ if path.matched(paths::ID_USERS_TOKENS_TOKEN_ID) => method_not_allowed(),
            _ if path.matched(paths::ID_USERS_USERNAME_USERNAME) => method_not_allowed(),
            _ if path.matched(paths::ID_USERS_USER_ID_ACTIVE) => method_not_allowed(),
            _ if path.matched(paths::ID_USERS_USER_ID_AUDITS) => method_not_allowed(),
            _ if path.matched(paths::ID_USERS_USER_ID_AUTH) => method_not_allowed(),
            _ if path.matched(paths::ID_USERS_USER_ID_MFA) => method_not_allowed(),
            _ if path.matched(paths::ID_USERS_USER_ID_MFA_GENERATE) => method_not_allowed(),
            _ if path.matched(paths::ID_USERS_USER_ID_PASSWORD) => method_not_allowed(),
            _ if path.matched(paths::ID_USERS_USER_ID_ROLES) => method_not_allowed(),
            _ if path.matched(paths::ID_USERS_USER_ID_SESSIONS) => method_not_allowed(),
            _ if path.matched(paths::ID_USERS_USER_ID_SESSIONS_REVOKE) => method_not_allowed(),
            _ if path.matched(paths::ID_USERS_USER_ID_SESSIONS_REVOKE_ALL) => method_not_allowed(),
            _ if path.matched(paths::ID_USERS_USER_ID_TOKENS) => method_not_allowed(),
                _ => Ok(Response::builder().status(StatusCode::NOT_FOUND)
                        .body(BoxBody::new(http_body_util::Empty::new()))
                        .expect("Unable to create Not Found response"))
            }
        }
        Box::pin(run(
            self.api_impl.clone(),
            req,
            self.validation,
            path,
        ))
    }
}

#[allow(unused_variables)]
async fn handle_auth_check<T, C, ReqBody>(
    mut api_impl: T,
    uri: hyper::Uri,
    headers: HeaderMap,
    body: ReqBody,
    context: C,
    validation: bool,
    path_match: paths::Matched,
) -> Result<Response<BoxBody<Bytes, Infallible>>, crate::ServiceError>
where
    T: Api<C> + Clone + Send + 'static,
    C: Has<XSpanIdString>  + Send + Sync + 'static,
    ReqBody: Body + Send + 'static,
    ReqBody::Error: Into<Box<dyn Error + Send + Sync>> + Send,
    ReqBody::Data: Send,
{
                // Query parameters (note that non-required or collection query parameters will ignore garbage values, rather than causing a 400 response)
                let query_params = form_urlencoded::parse(uri.query().unwrap_or_default().as_bytes()).collect::<Vec<_>>();
                let param_role = query_params.iter().filter(|e| e.0 == "role").map(|e| e.1.clone())
                    .next();
                let param_role = match param_role {
                    Some(param_role) => {
                        let param_role =
                            <String as std::str::FromStr>::from_str
                                (&param_role);
                        match param_role {
                            Ok(param_role) => Some(param_role),
                            Err(e) => return Ok(Response::builder()
                                .status(StatusCode::BAD_REQUEST)
                                .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                                .body(body_from_string(format!("Couldn't parse query parameter role - doesn't match schema: {e}")))
                                .expect("Unable to create Bad Request response for invalid query parameter role")),
                        }
                    },
                    None => None,
                };
                let param_permission = query_params.iter().filter(|e| e.0 == "permission").map(|e| e.1.clone())
                    .next();
                let param_permission = match param_permission {
                    Some(param_permission) => {
                        let param_permission =
                            <String as std::str::FromStr>::from_str
                                (&param_permission);
                        match param_permission {
                            Ok(param_permission) => Some(param_permission),
                            Err(e) => return Ok(Response::builder()
                                .status(StatusCode::BAD_REQUEST)
                                .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                                .body(body_from_string(format!("Couldn't parse query parameter permission - doesn't match schema: {e}")))
                                .expect("Unable to create Bad Request response for invalid query parameter permission")),
                        }
                    },
                    None => None,
                };
                let param_redirect = query_params.iter().filter(|e| e.0 == "redirect").map(|e| e.1.clone())
                    .next();
                let param_redirect = match param_redirect {
                    Some(param_redirect) => {
                        let param_redirect =
                            <String as std::str::FromStr>::from_str
                                (&param_redirect);
                        match param_redirect {
                            Ok(param_redirect) => Some(param_redirect),
                            Err(e) => return Ok(Response::builder()
                                .status(StatusCode::BAD_REQUEST)
                                .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                                .body(body_from_string(format!("Couldn't parse query parameter redirect - doesn't match schema: {e}")))
                                .expect("Unable to create Bad Request response for invalid query parameter redirect")),
                        }
                    },
                    None => None,
                };

                                let result = api_impl.auth_check(
                                            param_role,
                                            param_permission,
                                            param_redirect,
                                        &context
                                    ).await;
                                let mut response = Response::new(BoxBody::new(http_body_util::Empty::new()));
                                response.headers_mut().insert(
                                            HeaderName::from_static("x-span-id"),
                                            HeaderValue::from_str((&context as &dyn Has<XSpanIdString>).get().0.as_str())
                                                .expect("Unable to create X-Span-ID header value"));

                                        match result {
                                            Ok(rsp) => match rsp {
                                                AuthCheckResponse::Allowed
                                                    {
                                                        body,
                                                        x_mattermost_roles,
                                                        x_mattermost_username,
                                                        x_mattermost_session_id,
                                                        x_mattermost_user_id
                                                    }
                                                => {
                                                    *response.status_mut() = StatusCode::from_u16(200).expect("Unable to turn 200 into a StatusCode");

                                                    if let Some(x_mattermost_roles) = x_mattermost_roles {
                                                    let x_mattermost_roles = match header::IntoHeaderValue(x_mattermost_roles).try_into() {
                                                        Ok(val) => val,
                                                        Err(e) => {
                                                            return Ok(Response::builder()
                                                                    .status(StatusCode::INTERNAL_SERVER_ERROR)
                                                                    .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                                                                    .body(body_from_string(format!("An internal server error occurred handling x_mattermost_roles header - {e}")))
                                                                    .expect("Unable to create Internal Server Error for invalid response header"))
                                                        }
                                                    };

                                                    response.headers_mut().insert(
                                                        HeaderName::from_static("x-mattermost-roles"),
                                                        x_mattermost_roles
                                                    );
                                                    }

                                                    if let Some(x_mattermost_username) = x_mattermost_username {
                                                    let x_mattermost_username = match header::IntoHeaderValue(x_mattermost_username).try_into() {
                                                        Ok(val) => val,
                                                        Err(e) => {
                                                            return Ok(Response::builder()
                                                                    .status(StatusCode::INTERNAL_SERVER_ERROR)
                                                                    .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                                                                    .body(body_from_string(format!("An internal server error occurred handling x_mattermost_username header - {e}")))
                                                                    .expect("Unable to create Internal Server Error for invalid response header"))
                                                        }
                                                    };

                                                    response.headers_mut().insert(
                                                        HeaderName::from_static("x-mattermost-username"),
                                                        x_mattermost_username
                                                    );
                                                    }

                                                    if let Some(x_mattermost_session_id) = x_mattermost_session_id {
                                                    let x_mattermost_session_id = match header::IntoHeaderValue(x_mattermost_session_id).try_into() {
                                                        Ok(val) => val,
                                                        Err(e) => {
                                                            return Ok(Response::builder()
                                                                    .status(StatusCode::INTERNAL_SERVER_ERROR)
                                                                    .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                                                                    .body(body_from_string(format!("An internal server error occurred handling x_mattermost_session_id header - {e}")))
                                                                    .expect("Unable to create Internal Server Error for invalid response header"))
                                                        }
                                                    };

                                                    response.headers_mut().insert(
                                                        HeaderName::from_static("x-mattermost-session-id"),
                                                        x_mattermost_session_id
                                                    );
                                                    }

                                                    if let Some(x_mattermost_user_id) = x_mattermost_user_id {
                                                    let x_mattermost_user_id = match header::IntoHeaderValue(x_mattermost_user_id).try_into() {
                                                        Ok(val) => val,
                                                        Err(e) => {
                                                            return Ok(Response::builder()
                                                                    .status(StatusCode::INTERNAL_SERVER_ERROR)
                                                                    .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                                                                    .body(body_from_string(format!("An internal server error occurred handling x_mattermost_user_id header - {e}")))
                                                                    .expect("Unable to create Internal Server Error for invalid response header"))
                                                        }
                                                    };

                                                    response.headers_mut().insert(
                                                        HeaderName::from_static("x-mattermost-user-id"),
                                                        x_mattermost_user_id
                                                    );
                                                    }
                                                    response.headers_mut().insert(
                                                        CONTENT_TYPE,
                                                        HeaderValue::from_static("application/json"));
                                                    // JSON Body: a model serialised straight into bytes, or bytes serialised earlier
                                                    *response.body_mut() = BoxBody::new(Full::new(body.into_bytes().expect("impossible to fail to serialize")));

                                                },
                                                AuthCheckResponse::SignIn
                                                    {
                                                        location
                                                    }
                                                => {
                                                    *response.status_mut() = StatusCode::from_u16(302).expect("Unable to turn 302 into a StatusCode");

                                                    if let Some(location) = location {
                                                    let location = match header::IntoHeaderValue(location).try_into() {
                                                        Ok(val) => val,
                                                        Err(e) => {
                                                            return Ok(Response::builder()
                                                                    .status(StatusCode::INTERNAL_SERVER_ERROR)
                                                                    .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                                                                    .body(body_from_string(format!("An internal server error occurred handling location header - {e}")))
                                                                    .expect("Unable to create Internal Server Error for invalid response header"))
                                                        }
                                                    };

                                                    response.headers_mut().insert(
                                                        HeaderName::from_static("location"),
                                                        location
                                                    );
                                                    }

                                                },
                                                AuthCheckResponse::Unauthorized
                                                    (body)
                                                => {
                                                    *response.status_mut() = StatusCode::from_u16(401).expect("Unable to turn 401 into a StatusCode");
                                                    response.headers_mut().insert(
                                                        CONTENT_TYPE,
                                                        HeaderValue::from_static("application/json"));
                                                    // JSON Body: a model serialised straight into bytes, or bytes serialised earlier
                                                    *response.body_mut() = BoxBody::new(Full::new(body.into_bytes().expect("impossible to fail to serialize")));

                                                },
                                                AuthCheckResponse::Forbidden
                                                    (body)
                                                => {
                                                    *response.status_mut() = StatusCode::from_u16(403).expect("Unable to turn 403 into a StatusCode");
                                                    response.headers_mut().insert(
                                                        CONTENT_TYPE,
                                                        HeaderValue::from_static("application/json"));
                                                    // JSON Body: a model serialised straight into bytes, or bytes serialised earlier
                                                    *response.body_mut() = BoxBody::new(Full::new(body.into_bytes().expect("impossible to fail to serialize")));

                                                },
                                                AuthCheckResponse::NotFound
                                                    (body)
                                                => {
                                                    *response.status_mut() = StatusCode::from_u16(404).expect("Unable to turn 404 into a StatusCode");
                                                    response.headers_mut().insert(
                                                        CONTENT_TYPE,
                                                        HeaderValue::from_static("application/json"));
                                                    // JSON Body: a model serialised straight into bytes, or bytes serialised earlier
                                                    *response.body_mut() = BoxBody::new(Full::new(body.into_bytes().expect("impossible to fail to serialize")));

                                                },
                                                AuthCheckResponse::RequestTimeout
                                                    (body)
                                                => {
                                                    *response.status_mut() = StatusCode::from_u16(408).expect("Unable to turn 408 into a StatusCode");
                                                    response.headers_mut().insert(
                                                        CONTENT_TYPE,
                                                        HeaderValue::from_static("application/json"));
                                                    // JSON Body: a model serialised straight into bytes, or bytes serialised earlier
                                                    *response.body_mut() = BoxBody::new(Full::new(body.into_bytes().expect("impossible to fail to serialize")));

                                                },
                                                AuthCheckResponse::PayloadTooLarge
                                                    (body)
                                                => {
                                                    *response.status_mut() = StatusCode::from_u16(413).expect("Unable to turn 413 into a StatusCode");
                                                    response.headers_mut().insert(
                                                        CONTENT_TYPE,
                                                        HeaderValue::from_static("application/json"));
                                                    // JSON Body: a model serialised straight into bytes, or bytes serialised earlier
                                                    *response.body_mut() = BoxBody::new(Full::new(body.into_bytes().expect("impossible to fail to serialize")));

                                                },
                                            },
                                            Err(_) => {
                                                // Application code returned an error. This should not happen, as the implementation should
                                                // return a valid response.
                                                *response.status_mut() = StatusCode::INTERNAL_SERVER_ERROR;
                                                response.headers_mut().insert(
                                                    CONTENT_TYPE,
                                                    HeaderValue::from_static("text/plain"),
                                                );
                                                *response.body_mut() = body_from_str("An internal error occurred");
                                            },
                                        }

                                        Ok(response)
}

#[allow(unused_variables)]
async fn handle_generate_mfa_secret<T, C, ReqBody>(
    mut api_impl: T,
    uri: hyper::Uri,
    headers: HeaderMap,
    body: ReqBody,
    context: C,
    validation: bool,
    path_match: paths::Matched,
) -> Result<Response<BoxBody<Bytes, Infallible>>, crate::ServiceError>
where
    T: Api<C> + Clone + Send + 'static,
    C: Has<XSpanIdString> + Has<Option<Authorization>> + Send + Sync + 'static,
    ReqBody: Body + Send + 'static,
    ReqBody::Error: Into<Box<dyn Error + Send + Sync>> + Send,
    ReqBody::Data: Send,
{
                {
                    let authorization = match *(&context as &dyn Has<Option<Authorization>>).get() {
                        Some(ref authorization) => authorization,
                        None => return Ok(Response::builder()
                                                .status(StatusCode::FORBIDDEN)
                                                .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                                                .body(body_from_str("Unauthenticated"))
                                                .expect("Unable to create Authentication Forbidden response")),
                    };
                }

                // Path parameters, from the request's one route match
                let path_params = path_match.params(paths::ID_USERS_USER_ID_MFA_GENERATE, uri.path());

                let param_user_id = match percent_encoding::percent_decode(path_params["user_id"].as_bytes()).decode_utf8() {
                    Ok(param_user_id) => match param_user_id.parse::<String>() {
                        Ok(param_user_id) => param_user_id,
                        Err(e) => return Ok(Response::builder()
                                        .status(StatusCode::BAD_REQUEST)
                                        .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                                        .body(body_from_string(format!("Couldn't parse path parameter user_id: {e}")))
                                        .expect("Unable to create Bad Request response for invalid path parameter")),
                    },
                    Err(_) => return Ok(Response::builder()
                                        .status(StatusCode::BAD_REQUEST)
                                        .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                                        .body(body_from_string(format!("Couldn't percent-decode path parameter as UTF-8: {}", &path_params["user_id"])))
                                        .expect("Unable to create Bad Request response for invalid percent decode"))
                };

                                let result = api_impl.generate_mfa_secret(
                                            param_user_id,
                                        &context
                                    ).await;
                                let mut response = Response::new(BoxBody::new(http_body_util::Empty::new()));
                                response.headers_mut().insert(
                                            HeaderName::from_static("x-span-id"),
                                            HeaderValue::from_str((&context as &dyn Has<XSpanIdString>).get().0.as_str())
                                                .expect("Unable to create X-Span-ID header value"));

                                        match result {
                                            Ok(rsp) => match rsp {
                                                GenerateMfaSecretResponse::Secret
                                                    {
                                                        body,
                                                        pragma,
                                                        expires
                                                    }
                                                => {
                                                    *response.status_mut() = StatusCode::from_u16(200).expect("Unable to turn 200 into a StatusCode");

                                                    if let Some(pragma) = pragma {
                                                    let pragma = match header::IntoHeaderValue(pragma).try_into() {
                                                        Ok(val) => val,
                                                        Err(e) => {
                                                            return Ok(Response::builder()
                                                                    .status(StatusCode::INTERNAL_SERVER_ERROR)
                                                                    .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                                                                    .body(body_from_string(format!("An internal server error occurred handling pragma header - {e}")))
                                                                    .expect("Unable to create Internal Server Error for invalid response header"))
                                                        }
                                                    };

                                                    response.headers_mut().insert(
                                                        HeaderName::from_static("pragma"),
                                                        pragma
                                                    );
                                                    }

                                                    if let Some(expires) = expires {
                                                    let expires = match header::IntoHeaderValue(expires).try_into() {
                                                        Ok(val) => val,
                                                        Err(e) => {
                                                            return Ok(Response::builder()
                                                                    .status(StatusCode::INTERNAL_SERVER_ERROR)
                                                                    .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                                                                    .body(body_from_string(format!("An internal server error occurred handling expires header - {e}")))
                                                                    .expect("Unable to create Internal Server Error for invalid response header"))
                                                        }
                                                    };

                                                    response.headers_mut().insert(
                                                        HeaderName::from_static("expires"),
                                                        expires
                                                    );
                                                    }
                                                    response.headers_mut().insert(
                                                        CONTENT_TYPE,
                                                        HeaderValue::from_static("application/json"));
                                                    // JSON Body: a model serialised straight into bytes, or bytes serialised earlier
                                                    *response.body_mut() = BoxBody::new(Full::new(body.into_bytes().expect("impossible to fail to serialize")));

                                                },
                                                GenerateMfaSecretResponse::BadRequest
                                                    (body)
                                                => {
                                                    *response.status_mut() = StatusCode::from_u16(400).expect("Unable to turn 400 into a StatusCode");
                                                    response.headers_mut().insert(
                                                        CONTENT_TYPE,
                                                        HeaderValue::from_static("application/json"));
                                                    // JSON Body: a model serialised straight into bytes, or bytes serialised earlier
                                                    *response.body_mut() = BoxBody::new(Full::new(body.into_bytes().expect("impossible to fail to serialize")));

                                                },
                                                GenerateMfaSecretResponse::Unauthorized
                                                    (body)
                                                => {
                                                    *response.status_mut() = StatusCode::from_u16(401).expect("Unable to turn 401 into a StatusCode");
                                                    response.headers_mut().insert(
                                                        CONTENT_TYPE,
                                                        HeaderValue::from_static("application/json"));
                                                    // JSON Body: a model serialised straight into bytes, or bytes serialised earlier
                                                    *response.body_mut() = BoxBody::new(Full::new(body.into_bytes().expect("impossible to fail to serialize")));

                                                },
                                                GenerateMfaSecretResponse::Forbidden
                                                    (body)
                                                => {
                                                    *response.status_mut() = StatusCode::from_u16(403).expect("Unable to turn 403 into a StatusCode");
                                                    response.headers_mut().insert(
                                                        CONTENT_TYPE,
                                                        HeaderValue::from_static("application/json"));
                                                    // JSON Body: a model serialised straight into bytes, or bytes serialised earlier
                                                    *response.body_mut() = BoxBody::new(Full::new(body.into_bytes().expect("impossible to fail to serialize")));

                                                },
                                                GenerateMfaSecretResponse::UserNotFound
                                                    (body)
                                                => {
                                                    *response.status_mut() = StatusCode::from_u16(404).expect("Unable to turn 404 into a StatusCode");
                                                    response.headers_mut().insert(
                                                        CONTENT_TYPE,
                                                        HeaderValue::from_static("application/json"));
                                                    // JSON Body: a model serialised straight into bytes, or bytes serialised earlier
                                                    *response.body_mut() = BoxBody::new(Full::new(body.into_bytes().expect("impossible to fail to serialize")));

                                                },
                                                GenerateMfaSecretResponse::RequestTimeout
                                                    (body)
                                                => {
                                                    *response.status_mut() = StatusCode::from_u16(408).expect("Unable to turn 408 into a StatusCode");
                                                    response.headers_mut().insert(
                                                        CONTENT_TYPE,
                                                        HeaderValue::from_static("application/json"));
                                                    // JSON Body: a model serialised straight into bytes, or bytes serialised earlier
                                                    *response.body_mut() = BoxBody::new(Full::new(body.into_bytes().expect("impossible to fail to serialize")));

                                                },
                                                GenerateMfaSecretResponse::PayloadTooLarge
                                                    (body)
                                                => {
                                                    *response.status_mut() = StatusCode::from_u16(413).expect("Unable to turn 413 into a StatusCode");
                                                    response.headers_mut().insert(
                                                        CONTENT_TYPE,
                                                        HeaderValue::from_static("application/json"));
                                                    // JSON Body: a model serialised straight into bytes, or bytes serialised earlier
                                                    *response.body_mut() = BoxBody::new(Full::new(body.into_bytes().expect("impossible to fail to serialize")));

                                                },
                                                GenerateMfaSecretResponse::Disabled
                                                    (body)
                                                => {
                                                    *response.status_mut() = StatusCode::from_u16(501).expect("Unable to turn 501 into a StatusCode");
                                                    response.headers_mut().insert(
                                                        CONTENT_TYPE,
                                                        HeaderValue::from_static("application/json"));
                                                    // JSON Body: a model serialised straight into bytes, or bytes serialised earlier
                                                    *response.body_mut() = BoxBody::new(Full::new(body.into_bytes().expect("impossible to fail to serialize")));

                                                },
                                            },
                                            Err(_) => {
                                                // Application code returned an error. This should not happen, as the implementation should
                                                // return a valid response.
                                                *response.status_mut() = StatusCode::INTERNAL_SERVER_ERROR;
                                                response.headers_mut().insert(
                                                    CONTENT_TYPE,
                                                    HeaderValue::from_static("text/plain"),
                                                );
                                                *response.body_mut() = body_from_str("An internal error occurred");
                                            },
                                        }

                                        Ok(response)
}

#[allow(unused_variables)]
async fn handle_update_user_mfa<T, C, ReqBody>(
    mut api_impl: T,
    uri: hyper::Uri,
    headers: HeaderMap,
    body: ReqBody,
    context: C,
    validation: bool,
    path_match: paths::Matched,
) -> Result<Response<BoxBody<Bytes, Infallible>>, crate::ServiceError>
where
    T: Api<C> + Clone + Send + 'static,
    C: Has<XSpanIdString> + Has<Option<Authorization>> + Send + Sync + 'static,
    ReqBody: Body + Send + 'static,
    ReqBody::Error: Into<Box<dyn Error + Send + Sync>> + Send,
    ReqBody::Data: Send,
{
                {
                    let authorization = match *(&context as &dyn Has<Option<Authorization>>).get() {
                        Some(ref authorization) => authorization,
                        None => return Ok(Response::builder()
                                                .status(StatusCode::FORBIDDEN)
                                                .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                                                .body(body_from_str("Unauthenticated"))
                                                .expect("Unable to create Authentication Forbidden response")),
                    };
                }

                // Path parameters, from the request's one route match
                let path_params = path_match.params(paths::ID_USERS_USER_ID_MFA, uri.path());

                let param_user_id = match percent_encoding::percent_decode(path_params["user_id"].as_bytes()).decode_utf8() {
                    Ok(param_user_id) => match param_user_id.parse::<String>() {
                        Ok(param_user_id) => param_user_id,
                        Err(e) => return Ok(Response::builder()
                                        .status(StatusCode::BAD_REQUEST)
                                        .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                                        .body(body_from_string(format!("Couldn't parse path parameter user_id: {e}")))
                                        .expect("Unable to create Bad Request response for invalid path parameter")),
                    },
                    Err(_) => return Ok(Response::builder()
                                        .status(StatusCode::BAD_REQUEST)
                                        .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                                        .body(body_from_string(format!("Couldn't percent-decode path parameter as UTF-8: {}", &path_params["user_id"])))
                                        .expect("Unable to create Bad Request response for invalid percent decode"))
                };

                // Handle body parameters (note that non-required body parameters will ignore garbage
                // values, rather than causing a 400 response). Produce warning header and logs for
                // any unused fields.
                let result = http_body_util::BodyExt::collect(body).await.map(|f| f.to_bytes().to_vec());
                match result {
                     Ok(body) => {
                                let mut unused_elements : Vec<String> = vec![];
                                let param_body: Option<models::UpdateUserMfaRequest> = if !body.is_empty() {
                                    let deserializer = &mut serde_json::Deserializer::from_slice(&body);
                                    match serde_ignored::deserialize(deserializer, |path| {
                                            warn!("Ignoring unknown field in body: {path}");
                                            unused_elements.push(path.to_string());
                                    }) {
                                        Ok(param_body) => param_body,
                                        Err(e) => return Ok(Response::builder()
                                                        .status(StatusCode::BAD_REQUEST)
                                                        .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                                                        .body(BoxBody::new(format!("Couldn't parse body parameter body - doesn't match schema: {e}")))
                                                        .expect("Unable to create Bad Request response for invalid body parameter body due to schema")),
                                    }

                                } else {
                                    None
                                };
                                let param_body = match param_body {
                                    Some(param_body) => param_body,
                                    None => return Ok(Response::builder()
                                                        .status(StatusCode::BAD_REQUEST)
                                                        .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                                                        .body(BoxBody::new("Missing required body parameter body".to_string()))
                                                        .expect("Unable to create Bad Request response for missing body parameter body")),
                                };
        #[cfg(not(feature = "validate"))]
                                run_validation!(param_body, "body", validation);

                                let result = api_impl.update_user_mfa(
                                            param_user_id,
                                            param_body,
                                        &context
                                    ).await;
                                let mut response = Response::new(BoxBody::new(http_body_util::Empty::new()));
                                response.headers_mut().insert(
                                            HeaderName::from_static("x-span-id"),
                                            HeaderValue::from_str((&context as &dyn Has<XSpanIdString>).get().0.as_str())
                                                .expect("Unable to create X-Span-ID header value"));

                                        if !unused_elements.is_empty() {
                                            response.headers_mut().insert(
                                                HeaderName::from_static("warning"),
                                                HeaderValue::from_str(format!("Ignoring unknown fields in body: {unused_elements:?}").as_str())
                                                    .expect("Unable to create Warning header value"));
                                        }
                                        match result {
                                            Ok(rsp) => match rsp {
                                                UpdateUserMfaResponse::Updated
                                                    (body)
                                                => {
                                                    *response.status_mut() = StatusCode::from_u16(200).expect("Unable to turn 200 into a StatusCode");
                                                    response.headers_mut().insert(
                                                        CONTENT_TYPE,
                                                        HeaderValue::from_static("application/json"));
                                                    // JSON Body: a model serialised straight into bytes, or bytes serialised earlier
                                                    *response.body_mut() = BoxBody::new(Full::new(body.into_bytes().expect("impossible to fail to serialize")));

                                                },
                                                UpdateUserMfaResponse::BadRequest
                                                    (body)
                                                => {
                                                    *response.status_mut() = StatusCode::from_u16(400).expect("Unable to turn 400 into a StatusCode");
                                                    response.headers_mut().insert(
                                                        CONTENT_TYPE,
                                                        HeaderValue::from_static("application/json"));
                                                    // JSON Body: a model serialised straight into bytes, or bytes serialised earlier
                                                    *response.body_mut() = BoxBody::new(Full::new(body.into_bytes().expect("impossible to fail to serialize")));

                                                },
                                                UpdateUserMfaResponse::Unauthorized
                                                    (body)
                                                => {
                                                    *response.status_mut() = StatusCode::from_u16(401).expect("Unable to turn 401 into a StatusCode");
                                                    response.headers_mut().insert(
                                                        CONTENT_TYPE,
                                                        HeaderValue::from_static("application/json"));
                                                    // JSON Body: a model serialised straight into bytes, or bytes serialised earlier
                                                    *response.body_mut() = BoxBody::new(Full::new(body.into_bytes().expect("impossible to fail to serialize")));

                                                },
                                                UpdateUserMfaResponse::Forbidden
                                                    (body)
                                                => {
                                                    *response.status_mut() = StatusCode::from_u16(403).expect("Unable to turn 403 into a StatusCode");
                                                    response.headers_mut().insert(
                                                        CONTENT_TYPE,
                                                        HeaderValue::from_static("application/json"));
                                                    // JSON Body: a model serialised straight into bytes, or bytes serialised earlier
                                                    *response.body_mut() = BoxBody::new(Full::new(body.into_bytes().expect("impossible to fail to serialize")));

                                                },
                                                UpdateUserMfaResponse::UserNotFound
                                                    (body)
                                                => {
                                                    *response.status_mut() = StatusCode::from_u16(404).expect("Unable to turn 404 into a StatusCode");
                                                    response.headers_mut().insert(
                                                        CONTENT_TYPE,
                                                        HeaderValue::from_static("application/json"));
                                                    // JSON Body: a model serialised straight into bytes, or bytes serialised earlier
                                                    *response.body_mut() = BoxBody::new(Full::new(body.into_bytes().expect("impossible to fail to serialize")));

                                                },
                                                UpdateUserMfaResponse::RequestTimeout
                                                    (body)
                                                => {
                                                    *response.status_mut() = StatusCode::from_u16(408).expect("Unable to turn 408 into a StatusCode");
                                                    response.headers_mut().insert(
                                                        CONTENT_TYPE,
                                                        HeaderValue::from_static("application/json"));
                                                    // JSON Body: a model serialised straight into bytes, or bytes serialised earlier
                                                    *response.body_mut() = BoxBody::new(Full::new(body.into_bytes().expect("impossible to fail to serialize")));

                                                },
                                                UpdateUserMfaResponse::PayloadTooLarge
                                                    (body)
                                                => {
                                                    *response.status_mut() = StatusCode::from_u16(413).expect("Unable to turn 413 into a StatusCode");
                                                    response.headers_mut().insert(
                                                        CONTENT_TYPE,
                                                        HeaderValue::from_static("application/json"));
                                                    // JSON Body: a model serialised straight into bytes, or bytes serialised earlier
                                                    *response.body_mut() = BoxBody::new(Full::new(body.into_bytes().expect("impossible to fail to serialize")));

                                                },
                                                UpdateUserMfaResponse::TooManyRequests
                                                    {
                                                        body,
                                                        retry_after
                                                    }
                                                => {
                                                    *response.status_mut() = StatusCode::from_u16(429).expect("Unable to turn 429 into a StatusCode");

                                                    if let Some(retry_after) = retry_after {
                                                    let retry_after = match header::IntoHeaderValue(retry_after).try_into() {
                                                        Ok(val) => val,
                                                        Err(e) => {
                                                            return Ok(Response::builder()
                                                                    .status(StatusCode::INTERNAL_SERVER_ERROR)
                                                                    .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                                                                    .body(body_from_string(format!("An internal server error occurred handling retry_after header - {e}")))
                                                                    .expect("Unable to create Internal Server Error for invalid response header"))
                                                        }
                                                    };

                                                    response.headers_mut().insert(
                                                        HeaderName::from_static("retry-after"),
                                                        retry_after
                                                    );
                                                    }
                                                    response.headers_mut().insert(
                                                        CONTENT_TYPE,
                                                        HeaderValue::from_static("application/json"));
                                                    // JSON Body: a model serialised straight into bytes, or bytes serialised earlier
                                                    *response.body_mut() = BoxBody::new(Full::new(body.into_bytes().expect("impossible to fail to serialize")));

                                                },
                                                UpdateUserMfaResponse::Disabled
                                                    (body)
                                                => {
                                                    *response.status_mut() = StatusCode::from_u16(501).expect("Unable to turn 501 into a StatusCode");
                                                    response.headers_mut().insert(
                                                        CONTENT_TYPE,
                                                        HeaderValue::from_static("application/json"));
                                                    // JSON Body: a model serialised straight into bytes, or bytes serialised earlier
                                                    *response.body_mut() = BoxBody::new(Full::new(body.into_bytes().expect("impossible to fail to serialize")));

                                                },
                                            },
                                            Err(_) => {
                                                // Application code returned an error. This should not happen, as the implementation should
                                                // return a valid response.
                                                *response.status_mut() = StatusCode::INTERNAL_SERVER_ERROR;
                                                response.headers_mut().insert(
                                                    CONTENT_TYPE,
                                                    HeaderValue::from_static("text/plain"),
                                                );
                                                *response.body_mut() = body_from_str("An internal error occurred");
                                            },
                                        }

                                        Ok(response)
                            },
                            Err(e) => Ok(Response::builder()
                                                .status(StatusCode::BAD_REQUEST)
                                                .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                                                .body(body_from_string(format!("Unable to read body: {}", e.into())))
                                                .expect("Unable to create Bad Request response due to unable to read body")),
                        }
}

#[allow(unused_variables)]
async fn handle_attach_device<T, C, ReqBody>(
    mut api_impl: T,
    uri: hyper::Uri,
    headers: HeaderMap,
    body: ReqBody,
    context: C,
    validation: bool,
    path_match: paths::Matched,
) -> Result<Response<BoxBody<Bytes, Infallible>>, crate::ServiceError>
where
    T: Api<C> + Clone + Send + 'static,
    C: Has<XSpanIdString> + Has<Option<Authorization>> + Send + Sync + 'static,
    ReqBody: Body + Send + 'static,
    ReqBody::Error: Into<Box<dyn Error + Send + Sync>> + Send,
    ReqBody::Data: Send,
{
                {
                    let authorization = match *(&context as &dyn Has<Option<Authorization>>).get() {
                        Some(ref authorization) => authorization,
                        None => return Ok(Response::builder()
                                                .status(StatusCode::FORBIDDEN)
                                                .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                                                .body(body_from_str("Unauthenticated"))
                                                .expect("Unable to create Authentication Forbidden response")),
                    };
                }

                // Handle body parameters (note that non-required body parameters will ignore garbage
                // values, rather than causing a 400 response). Produce warning header and logs for
                // any unused fields.
                let result = http_body_util::BodyExt::collect(body).await.map(|f| f.to_bytes().to_vec());
                match result {
                     Ok(body) => {
                                let mut unused_elements : Vec<String> = vec![];
                                let param_body: Option<models::AttachDeviceRequest> = if !body.is_empty() {
                                    let deserializer = &mut serde_json::Deserializer::from_slice(&body);
                                    match serde_ignored::deserialize(deserializer, |path| {
                                            warn!("Ignoring unknown field in body: {path}");
                                            unused_elements.push(path.to_string());
                                    }) {
                                        Ok(param_body) => param_body,
                                        Err(e) => return Ok(Response::builder()
                                                        .status(StatusCode::BAD_REQUEST)
                                                        .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                                                        .body(BoxBody::new(format!("Couldn't parse body parameter body - doesn't match schema: {e}")))
                                                        .expect("Unable to create Bad Request response for invalid body parameter body due to schema")),
                                    }

                                } else {
                                    None
                                };
                                let param_body = match param_body {
                                    Some(param_body) => param_body,
                                    None => return Ok(Response::builder()
                                                        .status(StatusCode::BAD_REQUEST)
                                                        .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                                                        .body(BoxBody::new("Missing required body parameter body".to_string()))
                                                        .expect("Unable to create Bad Request response for missing body parameter body")),
                                };
        #[cfg(not(feature = "validate"))]
                                run_validation!(param_body, "body", validation);

                                let result = api_impl.attach_device(
                                            param_body,
                                        &context
                                    ).await;
                                let mut response = Response::new(BoxBody::new(http_body_util::Empty::new()));
                                response.headers_mut().insert(
                                            HeaderName::from_static("x-span-id"),
                                            HeaderValue::from_str((&context as &dyn Has<XSpanIdString>).get().0.as_str())
                                                .expect("Unable to create X-Span-ID header value"));

                                        if !unused_elements.is_empty() {
                                            response.headers_mut().insert(
                                                HeaderName::from_static("warning"),
                                                HeaderValue::from_str(format!("Ignoring unknown fields in body: {unused_elements:?}").as_str())
                                                    .expect("Unable to create Warning header value"));
                                        }
                                        match result {
                                            Ok(rsp) => match rsp {
                                                AttachDeviceResponse::Attached
                                                    (body)
                                                => {
                                                    *response.status_mut() = StatusCode::from_u16(200).expect("Unable to turn 200 into a StatusCode");
                                                    response.headers_mut().insert(
                                                        CONTENT_TYPE,
                                                        HeaderValue::from_static("application/json"));
                                                    // JSON Body: a model serialised straight into bytes, or bytes serialised earlier
                                                    *response.body_mut() = BoxBody::new(Full::new(body.into_bytes().expect("impossible to fail to serialize")));

                                                },
                                                AttachDeviceResponse::BadRequest
                                                    (body)
                                                => {
                                                    *response.status_mut() = StatusCode::from_u16(400).expect("Unable to turn 400 into a StatusCode");
                                                    response.headers_mut().insert(
                                                        CONTENT_TYPE,
                                                        HeaderValue::from_static("application/json"));
                                                    // JSON Body: a model serialised straight into bytes, or bytes serialised earlier
                                                    *response.body_mut() = BoxBody::new(Full::new(body.into_bytes().expect("impossible to fail to serialize")));

                                                },
                                                AttachDeviceResponse::Unauthorized
                                                    (body)
                                                => {
                                                    *response.status_mut() = StatusCode::from_u16(401).expect("Unable to turn 401 into a StatusCode");
                                                    response.headers_mut().insert(
                                                        CONTENT_TYPE,
                                                        HeaderValue::from_static("application/json"));
                                                    // JSON Body: a model serialised straight into bytes, or bytes serialised earlier
                                                    *response.body_mut() = BoxBody::new(Full::new(body.into_bytes().expect("impossible to fail to serialize")));

                                                },
                                                AttachDeviceResponse::Forbidden
                                                    (body)
                                                => {
                                                    *response.status_mut() = StatusCode::from_u16(403).expect("Unable to turn 403 into a StatusCode");
                                                    response.headers_mut().insert(
                                                        CONTENT_TYPE,
                                                        HeaderValue::from_static("application/json"));
                                                    // JSON Body: a model serialised straight into bytes, or bytes serialised earlier
                                                    *response.body_mut() = BoxBody::new(Full::new(body.into_bytes().expect("impossible to fail to serialize")));

                                                },
                                                AttachDeviceResponse::NotFound
                                                    (body)
                                                => {
                                                    *response.status_mut() = StatusCode::from_u16(404).expect("Unable to turn 404 into a StatusCode");
                                                    response.headers_mut().insert(
                                                        CONTENT_TYPE,
                                                        HeaderValue::from_static("application/json"));
                                                    // JSON Body: a model serialised straight into bytes, or bytes serialised earlier
                                                    *response.body_mut() = BoxBody::new(Full::new(body.into_bytes().expect("impossible to fail to serialize")));

                                                },
                                                AttachDeviceResponse::RequestTimeout
                                                    (body)
                                                => {
                                                    *response.status_mut() = StatusCode::from_u16(408).expect("Unable to turn 408 into a StatusCode");
                                                    response.headers_mut().insert(
                                                        CONTENT_TYPE,
                                                        HeaderValue::from_static("application/json"));
                                                    // JSON Body: a model serialised straight into bytes, or bytes serialised earlier
                                                    *response.body_mut() = BoxBody::new(Full::new(body.into_bytes().expect("impossible to fail to serialize")));

                                                },
                                                AttachDeviceResponse::PayloadTooLarge
                                                    (body)
                                                => {
                                                    *response.status_mut() = StatusCode::from_u16(413).expect("Unable to turn 413 into a StatusCode");
                                                    response.headers_mut().insert(
                                                        CONTENT_TYPE,
                                                        HeaderValue::from_static("application/json"));
                                                    // JSON Body: a model serialised straight into bytes, or bytes serialised earlier
                                                    *response.body_mut() = BoxBody::new(Full::new(body.into_bytes().expect("impossible to fail to serialize")));

                                                },
                                            },
                                            Err(_) => {
                                                // Application code returned an error. This should not happen, as the implementation should
                                                // return a valid response.
                                                *response.status_mut() = StatusCode::INTERNAL_SERVER_ERROR;
                                                response.headers_mut().insert(
                                                    CONTENT_TYPE,
                                                    HeaderValue::from_static("text/plain"),
                                                );
                                                *response.body_mut() = body_from_str("An internal error occurred");
                                            },
                                        }

                                        Ok(response)
                            },
                            Err(e) => Ok(Response::builder()
                                                .status(StatusCode::BAD_REQUEST)
                                                .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                                                .body(body_from_string(format!("Unable to read body: {}", e.into())))
                                                .expect("Unable to create Bad Request response due to unable to read body")),
                        }
}

#[allow(unused_variables)]
async fn handle_revoke_sessions_for_all_users<T, C, ReqBody>(
    mut api_impl: T,
    uri: hyper::Uri,
    headers: HeaderMap,
    body: ReqBody,
    context: C,
    validation: bool,
    path_match: paths::Matched,
) -> Result<Response<BoxBody<Bytes, Infallible>>, crate::ServiceError>
where
    T: Api<C> + Clone + Send + 'static,
    C: Has<XSpanIdString> + Has<Option<Authorization>> + Send + Sync + 'static,
    ReqBody: Body + Send + 'static,
    ReqBody::Error: Into<Box<dyn Error + Send + Sync>> + Send,
    ReqBody::Data: Send,
{
                {
                    let authorization = match *(&context as &dyn Has<Option<Authorization>>).get() {
                        Some(ref authorization) => authorization,
                        None => return Ok(Response::builder()
                                                .status(StatusCode::FORBIDDEN)
                                                .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                                                .body(body_from_str("Unauthenticated"))
                                                .expect("Unable to create Authentication Forbidden response")),
                    };
                }

                                let result = api_impl.revoke_sessions_for_all_users(
                                        &context
                                    ).await;
                                let mut response = Response::new(BoxBody::new(http_body_util::Empty::new()));
                                response.headers_mut().insert(
                                            HeaderName::from_static("x-span-id"),
                                            HeaderValue::from_str((&context as &dyn Has<XSpanIdString>).get().0.as_str())
                                                .expect("Unable to create X-Span-ID header value"));

                                        match result {
                                            Ok(rsp) => match rsp {
                                                RevokeSessionsForAllUsersResponse::Revoked
                                                    (body)
                                                => {
                                                    *response.status_mut() = StatusCode::from_u16(200).expect("Unable to turn 200 into a StatusCode");
                                                    response.headers_mut().insert(
                                                        CONTENT_TYPE,
                                                        HeaderValue::from_static("application/json"));
                                                    // JSON Body: a model serialised straight into bytes, or bytes serialised earlier
                                                    *response.body_mut() = BoxBody::new(Full::new(body.into_bytes().expect("impossible to fail to serialize")));

                                                },
                                                RevokeSessionsForAllUsersResponse::Unauthorized
                                                    (body)
                                                => {
                                                    *response.status_mut() = StatusCode::from_u16(401).expect("Unable to turn 401 into a StatusCode");
                                                    response.headers_mut().insert(
                                                        CONTENT_TYPE,
                                                        HeaderValue::from_static("application/json"));
                                                    // JSON Body: a model serialised straight into bytes, or bytes serialised earlier
                                                    *response.body_mut() = BoxBody::new(Full::new(body.into_bytes().expect("impossible to fail to serialize")));

                                                },
                                                RevokeSessionsForAllUsersResponse::Forbidden
                                                    (body)
                                                => {
                                                    *response.status_mut() = StatusCode::from_u16(403).expect("Unable to turn 403 into a StatusCode");
                                                    response.headers_mut().insert(
                                                        CONTENT_TYPE,
                                                        HeaderValue::from_static("application/json"));
                                                    // JSON Body: a model serialised straight into bytes, or bytes serialised earlier
                                                    *response.body_mut() = BoxBody::new(Full::new(body.into_bytes().expect("impossible to fail to serialize")));

                                                },
                                                RevokeSessionsForAllUsersResponse::NotFound
                                                    (body)
                                                => {
                                                    *response.status_mut() = StatusCode::from_u16(404).expect("Unable to turn 404 into a StatusCode");
                                                    response.headers_mut().insert(
                                                        CONTENT_TYPE,
                                                        HeaderValue::from_static("application/json"));
                                                    // JSON Body: a model serialised straight into bytes, or bytes serialised earlier
                                                    *response.body_mut() = BoxBody::new(Full::new(body.into_bytes().expect("impossible to fail to serialize")));

                                                },
                                                RevokeSessionsForAllUsersResponse::RequestTimeout
                                                    (body)
                                                => {
                                                    *response.status_mut() = StatusCode::from_u16(408).expect("Unable to turn 408 into a StatusCode");
                                                    response.headers_mut().insert(
                                                        CONTENT_TYPE,
                                                        HeaderValue::from_static("application/json"));
                                                    // JSON Body: a model serialised straight into bytes, or bytes serialised earlier
                                                    *response.body_mut() = BoxBody::new(Full::new(body.into_bytes().expect("impossible to fail to serialize")));

                                                },
                                                RevokeSessionsForAllUsersResponse::PayloadTooLarge
                                                    (body)
                                                => {
                                                    *response.status_mut() = StatusCode::from_u16(413).expect("Unable to turn 413 into a StatusCode");
                                                    response.headers_mut().insert(
                                                        CONTENT_TYPE,
                                                        HeaderValue::from_static("application/json"));
                                                    // JSON Body: a model serialised straight into bytes, or bytes serialised earlier
                                                    *response.body_mut() = BoxBody::new(Full::new(body.into_bytes().expect("impossible to fail to serialize")));

                                                },
                                            },
                                            Err(_) => {
                                                // Application code returned an error. This should not happen, as the implementation should
                                                // return a valid response.
                                                *response.status_mut() = StatusCode::INTERNAL_SERVER_ERROR;
                                                response.headers_mut().insert(
                                                    CONTENT_TYPE,
                                                    HeaderValue::from_static("text/plain"),
                                                );
                                                *response.body_mut() = body_from_str("An internal error occurred");
                                            },
                                        }

                                        Ok(response)
}

#[allow(unused_variables)]
async fn handle_get_sessions<T, C, ReqBody>(
    mut api_impl: T,
    uri: hyper::Uri,
    headers: HeaderMap,
    body: ReqBody,
    context: C,
    validation: bool,
    path_match: paths::Matched,
) -> Result<Response<BoxBody<Bytes, Infallible>>, crate::ServiceError>
where
    T: Api<C> + Clone + Send + 'static,
    C: Has<XSpanIdString> + Has<Option<Authorization>> + Send + Sync + 'static,
    ReqBody: Body + Send + 'static,
    ReqBody::Error: Into<Box<dyn Error + Send + Sync>> + Send,
    ReqBody::Data: Send,
{
                {
                    let authorization = match *(&context as &dyn Has<Option<Authorization>>).get() {
                        Some(ref authorization) => authorization,
                        None => return Ok(Response::builder()
                                                .status(StatusCode::FORBIDDEN)
                                                .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                                                .body(body_from_str("Unauthenticated"))
                                                .expect("Unable to create Authentication Forbidden response")),
                    };
                }

                // Path parameters, from the request's one route match
                let path_params = path_match.params(paths::ID_USERS_USER_ID_SESSIONS, uri.path());

                let param_user_id = match percent_encoding::percent_decode(path_params["user_id"].as_bytes()).decode_utf8() {
                    Ok(param_user_id) => match param_user_id.parse::<String>() {
                        Ok(param_user_id) => param_user_id,
                        Err(e) => return Ok(Response::builder()
                                        .status(StatusCode::BAD_REQUEST)
                                        .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                                        .body(body_from_string(format!("Couldn't parse path parameter user_id: {e}")))
                                        .expect("Unable to create Bad Request response for invalid path parameter")),
                    },
                    Err(_) => return Ok(Response::builder()
                                        .status(StatusCode::BAD_REQUEST)
                                        .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                                        .body(body_from_string(format!("Couldn't percent-decode path parameter as UTF-8: {}", &path_params["user_id"])))
                                        .expect("Unable to create Bad Request response for invalid percent decode"))
                };

                                let result = api_impl.get_sessions(
                                            param_user_id,
                                        &context
                                    ).await;
                                let mut response = Response::new(BoxBody::new(http_body_util::Empty::new()));
                                response.headers_mut().insert(
                                            HeaderName::from_static("x-span-id"),
                                            HeaderValue::from_str((&context as &dyn Has<XSpanIdString>).get().0.as_str())
                                                .expect("Unable to create X-Span-ID header value"));

                                        match result {
                                            Ok(rsp) => match rsp {
                                                GetSessionsResponse::Sessions
                                                    (body)
                                                => {
                                                    *response.status_mut() = StatusCode::from_u16(200).expect("Unable to turn 200 into a StatusCode");
                                                    response.headers_mut().insert(
                                                        CONTENT_TYPE,
                                                        HeaderValue::from_static("application/json"));
                                                    // JSON Body: a model serialised straight into bytes, or bytes serialised earlier
                                                    *response.body_mut() = BoxBody::new(Full::new(body.into_bytes().expect("impossible to fail to serialize")));

                                                },
                                                GetSessionsResponse::BadRequest
                                                    (body)
                                                => {
                                                    *response.status_mut() = StatusCode::from_u16(400).expect("Unable to turn 400 into a StatusCode");
                                                    response.headers_mut().insert(
                                                        CONTENT_TYPE,
                                                        HeaderValue::from_static("application/json"));
                                                    // JSON Body: a model serialised straight into bytes, or bytes serialised earlier
                                                    *response.body_mut() = BoxBody::new(Full::new(body.into_bytes().expect("impossible to fail to serialize")));

                                                },
                                                GetSessionsResponse::Unauthorized
                                                    (body)
                                                => {
                                                    *response.status_mut() = StatusCode::from_u16(401).expect("Unable to turn 401 into a StatusCode");
                                                    response.headers_mut().insert(
                                                        CONTENT_TYPE,
                                                        HeaderValue::from_static("application/json"));
                                                    // JSON Body: a model serialised straight into bytes, or bytes serialised earlier
                                                    *response.body_mut() = BoxBody::new(Full::new(body.into_bytes().expect("impossible to fail to serialize")));

                                                },
                                                GetSessionsResponse::Forbidden
                                                    (body)
                                                => {
                                                    *response.status_mut() = StatusCode::from_u16(403).expect("Unable to turn 403 into a StatusCode");
                                                    response.headers_mut().insert(
                                                        CONTENT_TYPE,
                                                        HeaderValue::from_static("application/json"));
                                                    // JSON Body: a model serialised straight into bytes, or bytes serialised earlier
                                                    *response.body_mut() = BoxBody::new(Full::new(body.into_bytes().expect("impossible to fail to serialize")));

                                                },
                                                GetSessionsResponse::NotFound
                                                    (body)
                                                => {
                                                    *response.status_mut() = StatusCode::from_u16(404).expect("Unable to turn 404 into a StatusCode");
                                                    response.headers_mut().insert(
                                                        CONTENT_TYPE,
                                                        HeaderValue::from_static("application/json"));
                                                    // JSON Body: a model serialised straight into bytes, or bytes serialised earlier
                                                    *response.body_mut() = BoxBody::new(Full::new(body.into_bytes().expect("impossible to fail to serialize")));

                                                },
                                                GetSessionsResponse::RequestTimeout
                                                    (body)
                                                => {
                                                    *response.status_mut() = StatusCode::from_u16(408).expect("Unable to turn 408 into a StatusCode");
                                                    response.headers_mut().insert(
                                                        CONTENT_TYPE,
                                                        HeaderValue::from_static("application/json"));
                                                    // JSON Body: a model serialised straight into bytes, or bytes serialised earlier
                                                    *response.body_mut() = BoxBody::new(Full::new(body.into_bytes().expect("impossible to fail to serialize")));

                                                },
                                                GetSessionsResponse::PayloadTooLarge
                                                    (body)
                                                => {
                                                    *response.status_mut() = StatusCode::from_u16(413).expect("Unable to turn 413 into a StatusCode");
                                                    response.headers_mut().insert(
                                                        CONTENT_TYPE,
                                                        HeaderValue::from_static("application/json"));
                                                    // JSON Body: a model serialised straight into bytes, or bytes serialised earlier
                                                    *response.body_mut() = BoxBody::new(Full::new(body.into_bytes().expect("impossible to fail to serialize")));

                                                },
                                            },
                                            Err(_) => {
                                                // Application code returned an error. This should not happen, as the implementation should
                                                // return a valid response.
                                                *response.status_mut() = StatusCode::INTERNAL_SERVER_ERROR;
                                                response.headers_mut().insert(
                                                    CONTENT_TYPE,
                                                    HeaderValue::from_static("text/plain"),
                                                );
                                                *response.body_mut() = body_from_str("An internal error occurred");
                                            },
                                        }

                                        Ok(response)
}

#[allow(unused_variables)]
async fn handle_revoke_all_sessions<T, C, ReqBody>(
    mut api_impl: T,
    uri: hyper::Uri,
    headers: HeaderMap,
    body: ReqBody,
    context: C,
    validation: bool,
    path_match: paths::Matched,
) -> Result<Response<BoxBody<Bytes, Infallible>>, crate::ServiceError>
where
    T: Api<C> + Clone + Send + 'static,
    C: Has<XSpanIdString> + Has<Option<Authorization>> + Send + Sync + 'static,
    ReqBody: Body + Send + 'static,
    ReqBody::Error: Into<Box<dyn Error + Send + Sync>> + Send,
    ReqBody::Data: Send,
{
                {
                    let authorization = match *(&context as &dyn Has<Option<Authorization>>).get() {
                        Some(ref authorization) => authorization,
                        None => return Ok(Response::builder()
                                                .status(StatusCode::FORBIDDEN)
                                                .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                                                .body(body_from_str("Unauthenticated"))
                                                .expect("Unable to create Authentication Forbidden response")),
                    };
                }

                // Path parameters, from the request's one route match
                let path_params = path_match.params(paths::ID_USERS_USER_ID_SESSIONS_REVOKE_ALL, uri.path());

                let param_user_id = match percent_encoding::percent_decode(path_params["user_id"].as_bytes()).decode_utf8() {
                    Ok(param_user_id) => match param_user_id.parse::<String>() {
                        Ok(param_user_id) => param_user_id,
                        Err(e) => return Ok(Response::builder()
                                        .status(StatusCode::BAD_REQUEST)
                                        .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                                        .body(body_from_string(format!("Couldn't parse path parameter user_id: {e}")))
                                        .expect("Unable to create Bad Request response for invalid path parameter")),
                    },
                    Err(_) => return Ok(Response::builder()
                                        .status(StatusCode::BAD_REQUEST)
                                        .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                                        .body(body_from_string(format!("Couldn't percent-decode path parameter as UTF-8: {}", &path_params["user_id"])))
                                        .expect("Unable to create Bad Request response for invalid percent decode"))
                };

                                let result = api_impl.revoke_all_sessions(
                                            param_user_id,
                                        &context
                                    ).await;
                                let mut response = Response::new(BoxBody::new(http_body_util::Empty::new()));
                                response.headers_mut().insert(
                                            HeaderName::from_static("x-span-id"),
                                            HeaderValue::from_str((&context as &dyn Has<XSpanIdString>).get().0.as_str())
                                                .expect("Unable to create X-Span-ID header value"));

                                        match result {
                                            Ok(rsp) => match rsp {
                                                RevokeAllSessionsResponse::Revoked
                                                    (body)
                                                => {
                                                    *response.status_mut() = StatusCode::from_u16(200).expect("Unable to turn 200 into a StatusCode");
                                                    response.headers_mut().insert(
                                                        CONTENT_TYPE,
                                                        HeaderValue::from_static("application/json"));
                                                    // JSON Body: a model serialised straight into bytes, or bytes serialised earlier
                                                    *response.body_mut() = BoxBody::new(Full::new(body.into_bytes().expect("impossible to fail to serialize")));

                                                },
                                                RevokeAllSessionsResponse::BadRequest
                                                    (body)
                                                => {
                                                    *response.status_mut() = StatusCode::from_u16(400).expect("Unable to turn 400 into a StatusCode");
                                                    response.headers_mut().insert(
                                                        CONTENT_TYPE,
                                                        HeaderValue::from_static("application/json"));
                                                    // JSON Body: a model serialised straight into bytes, or bytes serialised earlier
                                                    *response.body_mut() = BoxBody::new(Full::new(body.into_bytes().expect("impossible to fail to serialize")));

                                                },
                                                RevokeAllSessionsResponse::Unauthorized
                                                    (body)
                                                => {
                                                    *response.status_mut() = StatusCode::from_u16(401).expect("Unable to turn 401 into a StatusCode");
                                                    response.headers_mut().insert(
                                                        CONTENT_TYPE,
                                                        HeaderValue::from_static("application/json"));
                                                    // JSON Body: a model serialised straight into bytes, or bytes serialised earlier
                                                    *response.body_mut() = BoxBody::new(Full::new(body.into_bytes().expect("impossible to fail to serialize")));

                                                },
                                                RevokeAllSessionsResponse::Forbidden
                                                    (body)
                                                => {
                                                    *response.status_mut() = StatusCode::from_u16(403).expect("Unable to turn 403 into a StatusCode");
                                                    response.headers_mut().insert(
                                                        CONTENT_TYPE,
                                                        HeaderValue::from_static("application/json"));
                                                    // JSON Body: a model serialised straight into bytes, or bytes serialised earlier
                                                    *response.body_mut() = BoxBody::new(Full::new(body.into_bytes().expect("impossible to fail to serialize")));

                                                },
                                                RevokeAllSessionsResponse::NotFound
                                                    (body)
                                                => {
                                                    *response.status_mut() = StatusCode::from_u16(404).expect("Unable to turn 404 into a StatusCode");
                                                    response.headers_mut().insert(
                                                        CONTENT_TYPE,
                                                        HeaderValue::from_static("application/json"));
                                                    // JSON Body: a model serialised straight into bytes, or bytes serialised earlier
                                                    *response.body_mut() = BoxBody::new(Full::new(body.into_bytes().expect("impossible to fail to serialize")));

                                                },
                                                RevokeAllSessionsResponse::RequestTimeout
                                                    (body)
                                                => {
                                                    *response.status_mut() = StatusCode::from_u16(408).expect("Unable to turn 408 into a StatusCode");
                                                    response.headers_mut().insert(
                                                        CONTENT_TYPE,
                                                        HeaderValue::from_static("application/json"));
                                                    // JSON Body: a model serialised straight into bytes, or bytes serialised earlier
                                                    *response.body_mut() = BoxBody::new(Full::new(body.into_bytes().expect("impossible to fail to serialize")));

                                                },
                                                RevokeAllSessionsResponse::PayloadTooLarge
                                                    (body)
                                                => {
                                                    *response.status_mut() = StatusCode::from_u16(413).expect("Unable to turn 413 into a StatusCode");
                                                    response.headers_mut().insert(
                                                        CONTENT_TYPE,
                                                        HeaderValue::from_static("application/json"));
                                                    // JSON Body: a model serialised straight into bytes, or bytes serialised earlier
                                                    *response.body_mut() = BoxBody::new(Full::new(body.into_bytes().expect("impossible to fail to serialize")));

                                                },
                                            },
                                            Err(_) => {
                                                // Application code returned an error. This should not happen, as the implementation should
                                                // return a valid response.
                                                *response.status_mut() = StatusCode::INTERNAL_SERVER_ERROR;
                                                response.headers_mut().insert(
                                                    CONTENT_TYPE,
                                                    HeaderValue::from_static("text/plain"),
                                                );
                                                *response.body_mut() = body_from_str("An internal error occurred");
                                            },
                                        }

                                        Ok(response)
}

#[allow(unused_variables)]
async fn handle_revoke_session<T, C, ReqBody>(
    mut api_impl: T,
    uri: hyper::Uri,
    headers: HeaderMap,
    body: ReqBody,
    context: C,
    validation: bool,
    path_match: paths::Matched,
) -> Result<Response<BoxBody<Bytes, Infallible>>, crate::ServiceError>
where
    T: Api<C> + Clone + Send + 'static,
    C: Has<XSpanIdString> + Has<Option<Authorization>> + Send + Sync + 'static,
    ReqBody: Body + Send + 'static,
    ReqBody::Error: Into<Box<dyn Error + Send + Sync>> + Send,
    ReqBody::Data: Send,
{
                {
                    let authorization = match *(&context as &dyn Has<Option<Authorization>>).get() {
                        Some(ref authorization) => authorization,
                        None => return Ok(Response::builder()
                                                .status(StatusCode::FORBIDDEN)
                                                .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                                                .body(body_from_str("Unauthenticated"))
                                                .expect("Unable to create Authentication Forbidden response")),
                    };
                }

                // Path parameters, from the request's one route match
                let path_params = path_match.params(paths::ID_USERS_USER_ID_SESSIONS_REVOKE, uri.path());

                let param_user_id = match percent_encoding::percent_decode(path_params["user_id"].as_bytes()).decode_utf8() {
                    Ok(param_user_id) => match param_user_id.parse::<String>() {
                        Ok(param_user_id) => param_user_id,
                        Err(e) => return Ok(Response::builder()
                                        .status(StatusCode::BAD_REQUEST)
                                        .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                                        .body(body_from_string(format!("Couldn't parse path parameter user_id: {e}")))
                                        .expect("Unable to create Bad Request response for invalid path parameter")),
                    },
                    Err(_) => return Ok(Response::builder()
                                        .status(StatusCode::BAD_REQUEST)
                                        .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                                        .body(body_from_string(format!("Couldn't percent-decode path parameter as UTF-8: {}", &path_params["user_id"])))
                                        .expect("Unable to create Bad Request response for invalid percent decode"))
                };

                // Handle body parameters (note that non-required body parameters will ignore garbage
                // values, rather than causing a 400 response). Produce warning header and logs for
                // any unused fields.
                let result = http_body_util::BodyExt::collect(body).await.map(|f| f.to_bytes().to_vec());
                match result {
                     Ok(body) => {
                                let mut unused_elements : Vec<String> = vec![];
                                let param_body: Option<models::RevokeSessionRequest> = if !body.is_empty() {
                                    let deserializer = &mut serde_json::Deserializer::from_slice(&body);
                                    match serde_ignored::deserialize(deserializer, |path| {
                                            warn!("Ignoring unknown field in body: {path}");
                                            unused_elements.push(path.to_string());
                                    }) {
                                        Ok(param_body) => param_body,
                                        Err(e) => return Ok(Response::builder()
                                                        .status(StatusCode::BAD_REQUEST)
                                                        .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                                                        .body(BoxBody::new(format!("Couldn't parse body parameter body - doesn't match schema: {e}")))
                                                        .expect("Unable to create Bad Request response for invalid body parameter body due to schema")),
                                    }

                                } else {
                                    None
                                };
                                let param_body = match param_body {
                                    Some(param_body) => param_body,
                                    None => return Ok(Response::builder()
                                                        .status(StatusCode::BAD_REQUEST)
                                                        .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                                                        .body(BoxBody::new("Missing required body parameter body".to_string()))
                                                        .expect("Unable to create Bad Request response for missing body parameter body")),
                                };
        #[cfg(not(feature = "validate"))]
                                run_validation!(param_body, "body", validation);

                                let result = api_impl.revoke_session(
                                            param_user_id,
                                            param_body,
                                        &context
                                    ).await;
                                let mut response = Response::new(BoxBody::new(http_body_util::Empty::new()));
                                response.headers_mut().insert(
                                            HeaderName::from_static("x-span-id"),
                                            HeaderValue::from_str((&context as &dyn Has<XSpanIdString>).get().0.as_str())
                                                .expect("Unable to create X-Span-ID header value"));

                                        if !unused_elements.is_empty() {
                                            response.headers_mut().insert(
                                                HeaderName::from_static("warning"),
                                                HeaderValue::from_str(format!("Ignoring unknown fields in body: {unused_elements:?}").as_str())
                                                    .expect("Unable to create Warning header value"));
                                        }
                                        match result {
                                            Ok(rsp) => match rsp {
                                                RevokeSessionResponse::Revoked
                                                    (body)
                                                => {
                                                    *response.status_mut() = StatusCode::from_u16(200).expect("Unable to turn 200 into a StatusCode");
                                                    response.headers_mut().insert(
                                                        CONTENT_TYPE,
                                                        HeaderValue::from_static("application/json"));
                                                    // JSON Body: a model serialised straight into bytes, or bytes serialised earlier
                                                    *response.body_mut() = BoxBody::new(Full::new(body.into_bytes().expect("impossible to fail to serialize")));

                                                },
                                                RevokeSessionResponse::BadRequest
                                                    (body)
                                                => {
                                                    *response.status_mut() = StatusCode::from_u16(400).expect("Unable to turn 400 into a StatusCode");
                                                    response.headers_mut().insert(
                                                        CONTENT_TYPE,
                                                        HeaderValue::from_static("application/json"));
                                                    // JSON Body: a model serialised straight into bytes, or bytes serialised earlier
                                                    *response.body_mut() = BoxBody::new(Full::new(body.into_bytes().expect("impossible to fail to serialize")));

                                                },
                                                RevokeSessionResponse::Unauthorized
                                                    (body)
                                                => {
                                                    *response.status_mut() = StatusCode::from_u16(401).expect("Unable to turn 401 into a StatusCode");
                                                    response.headers_mut().insert(
                                                        CONTENT_TYPE,
                                                        HeaderValue::from_static("application/json"));
                                                    // JSON Body: a model serialised straight into bytes, or bytes serialised earlier
                                                    *response.body_mut() = BoxBody::new(Full::new(body.into_bytes().expect("impossible to fail to serialize")));

                                                },
                                                RevokeSessionResponse::Forbidden
                                                    (body)
                                                => {
                                                    *response.status_mut() = StatusCode::from_u16(403).expect("Unable to turn 403 into a StatusCode");
                                                    response.headers_mut().insert(
                                                        CONTENT_TYPE,
                                                        HeaderValue::from_static("application/json"));
                                                    // JSON Body: a model serialised straight into bytes, or bytes serialised earlier
                                                    *response.body_mut() = BoxBody::new(Full::new(body.into_bytes().expect("impossible to fail to serialize")));

                                                },
                                                RevokeSessionResponse::NotFound
                                                    (body)
                                                => {
                                                    *response.status_mut() = StatusCode::from_u16(404).expect("Unable to turn 404 into a StatusCode");
                                                    response.headers_mut().insert(
                                                        CONTENT_TYPE,
                                                        HeaderValue::from_static("application/json"));
                                                    // JSON Body: a model serialised straight into bytes, or bytes serialised earlier
                                                    *response.body_mut() = BoxBody::new(Full::new(body.into_bytes().expect("impossible to fail to serialize")));

                                                },
                                                RevokeSessionResponse::RequestTimeout
                                                    (body)
                                                => {
                                                    *response.status_mut() = StatusCode::from_u16(408).expect("Unable to turn 408 into a StatusCode");
                                                    response.headers_mut().insert(
                                                        CONTENT_TYPE,
                                                        HeaderValue::from_static("application/json"));
                                                    // JSON Body: a model serialised straight into bytes, or bytes serialised earlier
                                                    *response.body_mut() = BoxBody::new(Full::new(body.into_bytes().expect("impossible to fail to serialize")));

                                                },
                                                RevokeSessionResponse::PayloadTooLarge
                                                    (body)
                                                => {
                                                    *response.status_mut() = StatusCode::from_u16(413).expect("Unable to turn 413 into a StatusCode");
                                                    response.headers_mut().insert(
                                                        CONTENT_TYPE,
                                                        HeaderValue::from_static("application/json"));
                                                    // JSON Body: a model serialised straight into bytes, or bytes serialised earlier
                                                    *response.body_mut() = BoxBody::new(Full::new(body.into_bytes().expect("impossible to fail to serialize")));

                                                },
                                            },
                                            Err(_) => {
                                                // Application code returned an error. This should not happen, as the implementation should
                                                // return a valid response.
                                                *response.status_mut() = StatusCode::INTERNAL_SERVER_ERROR;
                                                response.headers_mut().insert(
                                                    CONTENT_TYPE,
                                                    HeaderValue::from_static("text/plain"),
                                                );
                                                *response.body_mut() = body_from_str("An internal error occurred");
                                            },
                                        }

                                        Ok(response)
                            },
                            Err(e) => Ok(Response::builder()
                                                .status(StatusCode::BAD_REQUEST)
                                                .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                                                .body(body_from_string(format!("Unable to read body: {}", e.into())))
                                                .expect("Unable to create Bad Request response due to unable to read body")),
                        }
}

#[allow(unused_variables)]
async fn handle_ping<T, C, ReqBody>(
    mut api_impl: T,
    uri: hyper::Uri,
    headers: HeaderMap,
    body: ReqBody,
    context: C,
    validation: bool,
    path_match: paths::Matched,
) -> Result<Response<BoxBody<Bytes, Infallible>>, crate::ServiceError>
where
    T: Api<C> + Clone + Send + 'static,
    C: Has<XSpanIdString>  + Send + Sync + 'static,
    ReqBody: Body + Send + 'static,
    ReqBody::Error: Into<Box<dyn Error + Send + Sync>> + Send,
    ReqBody::Data: Send,
{
                // Query parameters (note that non-required or collection query parameters will ignore garbage values, rather than causing a 400 response)
                let query_params = form_urlencoded::parse(uri.query().unwrap_or_default().as_bytes()).collect::<Vec<_>>();
                let param_get_server_status = query_params.iter().filter(|e| e.0 == "get_server_status").map(|e| e.1.clone())
                    .next();
                let param_get_server_status = match param_get_server_status {
                    Some(param_get_server_status) => {
                        let param_get_server_status =
                            <String as std::str::FromStr>::from_str
                                (&param_get_server_status);
                        match param_get_server_status {
                            Ok(param_get_server_status) => Some(param_get_server_status),
                            Err(e) => return Ok(Response::builder()
                                .status(StatusCode::BAD_REQUEST)
                                .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                                .body(body_from_string(format!("Couldn't parse query parameter get_server_status - doesn't match schema: {e}")))
                                .expect("Unable to create Bad Request response for invalid query parameter get_server_status")),
                        }
                    },
                    None => None,
                };
                let param_device_id = query_params.iter().filter(|e| e.0 == "device_id").map(|e| e.1.clone())
                    .next();
                let param_device_id = match param_device_id {
                    Some(param_device_id) => {
                        let param_device_id =
                            <String as std::str::FromStr>::from_str
                                (&param_device_id);
                        match param_device_id {
                            Ok(param_device_id) => Some(param_device_id),
                            Err(e) => return Ok(Response::builder()
                                .status(StatusCode::BAD_REQUEST)
                                .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                                .body(body_from_string(format!("Couldn't parse query parameter device_id - doesn't match schema: {e}")))
                                .expect("Unable to create Bad Request response for invalid query parameter device_id")),
                        }
                    },
                    None => None,
                };
                let param_use_rest_semantics = query_params.iter().filter(|e| e.0 == "use_rest_semantics").map(|e| e.1.clone())
                    .next();
                let param_use_rest_semantics = match param_use_rest_semantics {
                    Some(param_use_rest_semantics) => {
                        let param_use_rest_semantics =
                            <String as std::str::FromStr>::from_str
                                (&param_use_rest_semantics);
                        match param_use_rest_semantics {
                            Ok(param_use_rest_semantics) => Some(param_use_rest_semantics),
                            Err(e) => return Ok(Response::builder()
                                .status(StatusCode::BAD_REQUEST)
                                .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                                .body(body_from_string(format!("Couldn't parse query parameter use_rest_semantics - doesn't match schema: {e}")))
                                .expect("Unable to create Bad Request response for invalid query parameter use_rest_semantics")),
                        }
                    },
                    None => None,
                };

                                let result = api_impl.ping(
                                            param_get_server_status,
                                            param_device_id,
                                            param_use_rest_semantics,
                                        &context
                                    ).await;
                                let mut response = Response::new(BoxBody::new(http_body_util::Empty::new()));
                                response.headers_mut().insert(
                                            HeaderName::from_static("x-span-id"),
                                            HeaderValue::from_str((&context as &dyn Has<XSpanIdString>).get().0.as_str())
                                                .expect("Unable to create X-Span-ID header value"));

                                        match result {
                                            Ok(rsp) => match rsp {
                                                PingResponse::Pong
                                                    {
                                                        body,
                                                        database_status,
                                                        status,
                                                        filestore_status
                                                    }
                                                => {
                                                    *response.status_mut() = StatusCode::from_u16(200).expect("Unable to turn 200 into a StatusCode");

                                                    if let Some(database_status) = database_status {
                                                    let database_status = match header::IntoHeaderValue(database_status).try_into() {
                                                        Ok(val) => val,
                                                        Err(e) => {
                                                            return Ok(Response::builder()
                                                                    .status(StatusCode::INTERNAL_SERVER_ERROR)
                                                                    .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                                                                    .body(body_from_string(format!("An internal server error occurred handling database_status header - {e}")))
                                                                    .expect("Unable to create Internal Server Error for invalid response header"))
                                                        }
                                                    };

                                                    response.headers_mut().insert(
                                                        HeaderName::from_static("database_status"),
                                                        database_status
                                                    );
                                                    }

                                                    if let Some(status) = status {
                                                    let status = match header::IntoHeaderValue(status).try_into() {
                                                        Ok(val) => val,
                                                        Err(e) => {
                                                            return Ok(Response::builder()
                                                                    .status(StatusCode::INTERNAL_SERVER_ERROR)
                                                                    .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                                                                    .body(body_from_string(format!("An internal server error occurred handling status header - {e}")))
                                                                    .expect("Unable to create Internal Server Error for invalid response header"))
                                                        }
                                                    };

                                                    response.headers_mut().insert(
                                                        HeaderName::from_static("status"),
                                                        status
                                                    );
                                                    }

                                                    if let Some(filestore_status) = filestore_status {
                                                    let filestore_status = match header::IntoHeaderValue(filestore_status).try_into() {
                                                        Ok(val) => val,
                                                        Err(e) => {
                                                            return Ok(Response::builder()
                                                                    .status(StatusCode::INTERNAL_SERVER_ERROR)
                                                                    .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                                                                    .body(body_from_string(format!("An internal server error occurred handling filestore_status header - {e}")))
                                                                    .expect("Unable to create Internal Server Error for invalid response header"))
                                                        }
                                                    };

                                                    response.headers_mut().insert(
                                                        HeaderName::from_static("filestore_status"),
                                                        filestore_status
                                                    );
                                                    }
                                                    response.headers_mut().insert(
                                                        CONTENT_TYPE,
                                                        HeaderValue::from_static("application/json"));
                                                    // JSON Body: a model serialised straight into bytes, or bytes serialised earlier
                                                    *response.body_mut() = BoxBody::new(Full::new(body.into_bytes().expect("impossible to fail to serialize")));

                                                },
                                                PingResponse::Unauthorized
                                                    (body)
                                                => {
                                                    *response.status_mut() = StatusCode::from_u16(401).expect("Unable to turn 401 into a StatusCode");
                                                    response.headers_mut().insert(
                                                        CONTENT_TYPE,
                                                        HeaderValue::from_static("application/json"));
                                                    // JSON Body: a model serialised straight into bytes, or bytes serialised earlier
                                                    *response.body_mut() = BoxBody::new(Full::new(body.into_bytes().expect("impossible to fail to serialize")));

                                                },
                                                PingResponse::NotFound
                                                    (body)
                                                => {
                                                    *response.status_mut() = StatusCode::from_u16(404).expect("Unable to turn 404 into a StatusCode");
                                                    response.headers_mut().insert(
                                                        CONTENT_TYPE,
                                                        HeaderValue::from_static("application/json"));
                                                    // JSON Body: a model serialised straight into bytes, or bytes serialised earlier
                                                    *response.body_mut() = BoxBody::new(Full::new(body.into_bytes().expect("impossible to fail to serialize")));

                                                },
                                                PingResponse::RequestTimeout
                                                    (body)
                                                => {
                                                    *response.status_mut() = StatusCode::from_u16(408).expect("Unable to turn 408 into a StatusCode");
                                                    response.headers_mut().insert(
                                                        CONTENT_TYPE,
                                                        HeaderValue::from_static("application/json"));
                                                    // JSON Body: a model serialised straight into bytes, or bytes serialised earlier
                                                    *response.body_mut() = BoxBody::new(Full::new(body.into_bytes().expect("impossible to fail to serialize")));

                                                },
                                                PingResponse::PayloadTooLarge
                                                    (body)
                                                => {
                                                    *response.status_mut() = StatusCode::from_u16(413).expect("Unable to turn 413 into a StatusCode");
                                                    response.headers_mut().insert(
                                                        CONTENT_TYPE,
                                                        HeaderValue::from_static("application/json"));
                                                    // JSON Body: a model serialised straight into bytes, or bytes serialised earlier
                                                    *response.body_mut() = BoxBody::new(Full::new(body.into_bytes().expect("impossible to fail to serialize")));

                                                },
                                                PingResponse::Unhealthy
                                                    {
                                                        body,
                                                        database_status,
                                                        status,
                                                        filestore_status
                                                    }
                                                => {
                                                    *response.status_mut() = StatusCode::from_u16(500).expect("Unable to turn 500 into a StatusCode");

                                                    if let Some(database_status) = database_status {
                                                    let database_status = match header::IntoHeaderValue(database_status).try_into() {
                                                        Ok(val) => val,
                                                        Err(e) => {
                                                            return Ok(Response::builder()
                                                                    .status(StatusCode::INTERNAL_SERVER_ERROR)
                                                                    .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                                                                    .body(body_from_string(format!("An internal server error occurred handling database_status header - {e}")))
                                                                    .expect("Unable to create Internal Server Error for invalid response header"))
                                                        }
                                                    };

                                                    response.headers_mut().insert(
                                                        HeaderName::from_static("database_status"),
                                                        database_status
                                                    );
                                                    }

                                                    if let Some(status) = status {
                                                    let status = match header::IntoHeaderValue(status).try_into() {
                                                        Ok(val) => val,
                                                        Err(e) => {
                                                            return Ok(Response::builder()
                                                                    .status(StatusCode::INTERNAL_SERVER_ERROR)
                                                                    .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                                                                    .body(body_from_string(format!("An internal server error occurred handling status header - {e}")))
                                                                    .expect("Unable to create Internal Server Error for invalid response header"))
                                                        }
                                                    };

                                                    response.headers_mut().insert(
                                                        HeaderName::from_static("status"),
                                                        status
                                                    );
                                                    }

                                                    if let Some(filestore_status) = filestore_status {
                                                    let filestore_status = match header::IntoHeaderValue(filestore_status).try_into() {
                                                        Ok(val) => val,
                                                        Err(e) => {
                                                            return Ok(Response::builder()
                                                                    .status(StatusCode::INTERNAL_SERVER_ERROR)
                                                                    .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                                                                    .body(body_from_string(format!("An internal server error occurred handling filestore_status header - {e}")))
                                                                    .expect("Unable to create Internal Server Error for invalid response header"))
                                                        }
                                                    };

                                                    response.headers_mut().insert(
                                                        HeaderName::from_static("filestore_status"),
                                                        filestore_status
                                                    );
                                                    }
                                                    response.headers_mut().insert(
                                                        CONTENT_TYPE,
                                                        HeaderValue::from_static("application/json"));
                                                    // JSON Body: a model serialised straight into bytes, or bytes serialised earlier
                                                    *response.body_mut() = BoxBody::new(Full::new(body.into_bytes().expect("impossible to fail to serialize")));

                                                },
                                            },
                                            Err(_) => {
                                                // Application code returned an error. This should not happen, as the implementation should
                                                // return a valid response.
                                                *response.status_mut() = StatusCode::INTERNAL_SERVER_ERROR;
                                                response.headers_mut().insert(
                                                    CONTENT_TYPE,
                                                    HeaderValue::from_static("text/plain"),
                                                );
                                                *response.body_mut() = body_from_str("An internal error occurred");
                                            },
                                        }

                                        Ok(response)
}

#[allow(unused_variables)]
async fn handle_disable_user_access_token<T, C, ReqBody>(
    mut api_impl: T,
    uri: hyper::Uri,
    headers: HeaderMap,
    body: ReqBody,
    context: C,
    validation: bool,
    path_match: paths::Matched,
) -> Result<Response<BoxBody<Bytes, Infallible>>, crate::ServiceError>
where
    T: Api<C> + Clone + Send + 'static,
    C: Has<XSpanIdString> + Has<Option<Authorization>> + Send + Sync + 'static,
    ReqBody: Body + Send + 'static,
    ReqBody::Error: Into<Box<dyn Error + Send + Sync>> + Send,
    ReqBody::Data: Send,
{
                {
                    let authorization = match *(&context as &dyn Has<Option<Authorization>>).get() {
                        Some(ref authorization) => authorization,
                        None => return Ok(Response::builder()
                                                .status(StatusCode::FORBIDDEN)
                                                .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                                                .body(body_from_str("Unauthenticated"))
                                                .expect("Unable to create Authentication Forbidden response")),
                    };
                }

                // Handle body parameters (note that non-required body parameters will ignore garbage
                // values, rather than causing a 400 response). Produce warning header and logs for
                // any unused fields.
                let result = http_body_util::BodyExt::collect(body).await.map(|f| f.to_bytes().to_vec());
                match result {
                     Ok(body) => {
                                let mut unused_elements : Vec<String> = vec![];
                                let param_body: Option<models::TokenIdRequest> = if !body.is_empty() {
                                    let deserializer = &mut serde_json::Deserializer::from_slice(&body);
                                    match serde_ignored::deserialize(deserializer, |path| {
                                            warn!("Ignoring unknown field in body: {path}");
                                            unused_elements.push(path.to_string());
                                    }) {
                                        Ok(param_body) => param_body,
                                        Err(e) => return Ok(Response::builder()
                                                        .status(StatusCode::BAD_REQUEST)
                                                        .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                                                        .body(BoxBody::new(format!("Couldn't parse body parameter body - doesn't match schema: {e}")))
                                                        .expect("Unable to create Bad Request response for invalid body parameter body due to schema")),
                                    }

                                } else {
                                    None
                                };
                                let param_body = match param_body {
                                    Some(param_body) => param_body,
                                    None => return Ok(Response::builder()
                                                        .status(StatusCode::BAD_REQUEST)
                                                        .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                                                        .body(BoxBody::new("Missing required body parameter body".to_string()))
                                                        .expect("Unable to create Bad Request response for missing body parameter body")),
                                };
        #[cfg(not(feature = "validate"))]
                                run_validation!(param_body, "body", validation);

                                let result = api_impl.disable_user_access_token(
                                            param_body,
                                        &context
                                    ).await;
                                let mut response = Response::new(BoxBody::new(http_body_util::Empty::new()));
                                response.headers_mut().insert(
                                            HeaderName::from_static("x-span-id"),
                                            HeaderValue::from_str((&context as &dyn Has<XSpanIdString>).get().0.as_str())
                                                .expect("Unable to create X-Span-ID header value"));

                                        if !unused_elements.is_empty() {
                                            response.headers_mut().insert(
                                                HeaderName::from_static("warning"),
                                                HeaderValue::from_str(format!("Ignoring unknown fields in body: {unused_elements:?}").as_str())
                                                    .expect("Unable to create Warning header value"));
                                        }
                                        match result {
                                            Ok(rsp) => match rsp {
                                                DisableUserAccessTokenResponse::Disabled
                                                    (body)
                                                => {
                                                    *response.status_mut() = StatusCode::from_u16(200).expect("Unable to turn 200 into a StatusCode");
                                                    response.headers_mut().insert(
                                                        CONTENT_TYPE,
                                                        HeaderValue::from_static("application/json"));
                                                    // JSON Body: a model serialised straight into bytes, or bytes serialised earlier
                                                    *response.body_mut() = BoxBody::new(Full::new(body.into_bytes().expect("impossible to fail to serialize")));

                                                },
                                                DisableUserAccessTokenResponse::BadRequest
                                                    (body)
                                                => {
                                                    *response.status_mut() = StatusCode::from_u16(400).expect("Unable to turn 400 into a StatusCode");
                                                    response.headers_mut().insert(
                                                        CONTENT_TYPE,
                                                        HeaderValue::from_static("application/json"));
                                                    // JSON Body: a model serialised straight into bytes, or bytes serialised earlier
                                                    *response.body_mut() = BoxBody::new(Full::new(body.into_bytes().expect("impossible to fail to serialize")));

                                                },
                                                DisableUserAccessTokenResponse::Unauthorized
                                                    (body)
                                                => {
                                                    *response.status_mut() = StatusCode::from_u16(401).expect("Unable to turn 401 into a StatusCode");
                                                    response.headers_mut().insert(
                                                        CONTENT_TYPE,
                                                        HeaderValue::from_static("application/json"));
                                                    // JSON Body: a model serialised straight into bytes, or bytes serialised earlier
                                                    *response.body_mut() = BoxBody::new(Full::new(body.into_bytes().expect("impossible to fail to serialize")));

                                                },
                                                DisableUserAccessTokenResponse::Forbidden
                                                    (body)
                                                => {
                                                    *response.status_mut() = StatusCode::from_u16(403).expect("Unable to turn 403 into a StatusCode");
                                                    response.headers_mut().insert(
                                                        CONTENT_TYPE,
                                                        HeaderValue::from_static("application/json"));
                                                    // JSON Body: a model serialised straight into bytes, or bytes serialised earlier
                                                    *response.body_mut() = BoxBody::new(Full::new(body.into_bytes().expect("impossible to fail to serialize")));

                                                },
                                                DisableUserAccessTokenResponse::NotFound
                                                    (body)
                                                => {
                                                    *response.status_mut() = StatusCode::from_u16(404).expect("Unable to turn 404 into a StatusCode");
                                                    response.headers_mut().insert(
                                                        CONTENT_TYPE,
                                                        HeaderValue::from_static("application/json"));
                                                    // JSON Body: a model serialised straight into bytes, or bytes serialised earlier
                                                    *response.body_mut() = BoxBody::new(Full::new(body.into_bytes().expect("impossible to fail to serialize")));

                                                },
                                                DisableUserAccessTokenResponse::RequestTimeout
                                                    (body)
                                                => {
                                                    *response.status_mut() = StatusCode::from_u16(408).expect("Unable to turn 408 into a StatusCode");
                                                    response.headers_mut().insert(
                                                        CONTENT_TYPE,
                                                        HeaderValue::from_static("application/json"));
                                                    // JSON Body: a model serialised straight into bytes, or bytes serialised earlier
                                                    *response.body_mut() = BoxBody::new(Full::new(body.into_bytes().expect("impossible to fail to serialize")));

                                                },
                                                DisableUserAccessTokenResponse::PayloadTooLarge
                                                    (body)
                                                => {
                                                    *response.status_mut() = StatusCode::from_u16(413).expect("Unable to turn 413 into a StatusCode");
                                                    response.headers_mut().insert(
                                                        CONTENT_TYPE,
                                                        HeaderValue::from_static("application/json"));
                                                    // JSON Body: a model serialised straight into bytes, or bytes serialised earlier
                                                    *response.body_mut() = BoxBody::new(Full::new(body.into_bytes().expect("impossible to fail to serialize")));

                                                },
                                            },
                                            Err(_) => {
                                                // Application code returned an error. This should not happen, as the implementation should
                                                // return a valid response.
                                                *response.status_mut() = StatusCode::INTERNAL_SERVER_ERROR;
                                                response.headers_mut().insert(
                                                    CONTENT_TYPE,
                                                    HeaderValue::from_static("text/plain"),
                                                );
                                                *response.body_mut() = body_from_str("An internal error occurred");
                                            },
                                        }

                                        Ok(response)
                            },
                            Err(e) => Ok(Response::builder()
                                                .status(StatusCode::BAD_REQUEST)
                                                .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                                                .body(body_from_string(format!("Unable to read body: {}", e.into())))
                                                .expect("Unable to create Bad Request response due to unable to read body")),
                        }
}

#[allow(unused_variables)]
async fn handle_enable_user_access_token<T, C, ReqBody>(
    mut api_impl: T,
    uri: hyper::Uri,
    headers: HeaderMap,
    body: ReqBody,
    context: C,
    validation: bool,
    path_match: paths::Matched,
) -> Result<Response<BoxBody<Bytes, Infallible>>, crate::ServiceError>
where
    T: Api<C> + Clone + Send + 'static,
    C: Has<XSpanIdString> + Has<Option<Authorization>> + Send + Sync + 'static,
    ReqBody: Body + Send + 'static,
    ReqBody::Error: Into<Box<dyn Error + Send + Sync>> + Send,
    ReqBody::Data: Send,
{
                {
                    let authorization = match *(&context as &dyn Has<Option<Authorization>>).get() {
                        Some(ref authorization) => authorization,
                        None => return Ok(Response::builder()
                                                .status(StatusCode::FORBIDDEN)
                                                .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                                                .body(body_from_str("Unauthenticated"))
                                                .expect("Unable to create Authentication Forbidden response")),
                    };
                }

                // Handle body parameters (note that non-required body parameters will ignore garbage
                // values, rather than causing a 400 response). Produce warning header and logs for
                // any unused fields.
                let result = http_body_util::BodyExt::collect(body).await.map(|f| f.to_bytes().to_vec());
                match result {
                     Ok(body) => {
                                let mut unused_elements : Vec<String> = vec![];
                                let param_body: Option<models::TokenIdRequest> = if !body.is_empty() {
                                    let deserializer = &mut serde_json::Deserializer::from_slice(&body);
                                    match serde_ignored::deserialize(deserializer, |path| {
                                            warn!("Ignoring unknown field in body: {path}");
                                            unused_elements.push(path.to_string());
                                    }) {
                                        Ok(param_body) => param_body,
                                        Err(e) => return Ok(Response::builder()
                                                        .status(StatusCode::BAD_REQUEST)
                                                        .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                                                        .body(BoxBody::new(format!("Couldn't parse body parameter body - doesn't match schema: {e}")))
                                                        .expect("Unable to create Bad Request response for invalid body parameter body due to schema")),
                                    }

                                } else {
                                    None
                                };
                                let param_body = match param_body {
                                    Some(param_body) => param_body,
                                    None => return Ok(Response::builder()
                                                        .status(StatusCode::BAD_REQUEST)
                                                        .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                                                        .body(BoxBody::new("Missing required body parameter body".to_string()))
                                                        .expect("Unable to create Bad Request response for missing body parameter body")),
                                };
        #[cfg(not(feature = "validate"))]
                                run_validation!(param_body, "body", validation);

                                let result = api_impl.enable_user_access_token(
                                            param_body,
                                        &context
                                    ).await;
                                let mut response = Response::new(BoxBody::new(http_body_util::Empty::new()));
                                response.headers_mut().insert(
                                            HeaderName::from_static("x-span-id"),
                                            HeaderValue::from_str((&context as &dyn Has<XSpanIdString>).get().0.as_str())
                                                .expect("Unable to create X-Span-ID header value"));

                                        if !unused_elements.is_empty() {
                                            response.headers_mut().insert(
                                                HeaderName::from_static("warning"),
                                                HeaderValue::from_str(format!("Ignoring unknown fields in body: {unused_elements:?}").as_str())
                                                    .expect("Unable to create Warning header value"));
                                        }
                                        match result {
                                            Ok(rsp) => match rsp {
                                                EnableUserAccessTokenResponse::Enabled
                                                    (body)
                                                => {
                                                    *response.status_mut() = StatusCode::from_u16(200).expect("Unable to turn 200 into a StatusCode");
                                                    response.headers_mut().insert(
                                                        CONTENT_TYPE,
                                                        HeaderValue::from_static("application/json"));
                                                    // JSON Body: a model serialised straight into bytes, or bytes serialised earlier
                                                    *response.body_mut() = BoxBody::new(Full::new(body.into_bytes().expect("impossible to fail to serialize")));

                                                },
                                                EnableUserAccessTokenResponse::BadRequest
                                                    (body)
                                                => {
                                                    *response.status_mut() = StatusCode::from_u16(400).expect("Unable to turn 400 into a StatusCode");
                                                    response.headers_mut().insert(
                                                        CONTENT_TYPE,
                                                        HeaderValue::from_static("application/json"));
                                                    // JSON Body: a model serialised straight into bytes, or bytes serialised earlier
                                                    *response.body_mut() = BoxBody::new(Full::new(body.into_bytes().expect("impossible to fail to serialize")));

                                                },
                                                EnableUserAccessTokenResponse::Unauthorized
                                                    (body)
                                                => {
                                                    *response.status_mut() = StatusCode::from_u16(401).expect("Unable to turn 401 into a StatusCode");
                                                    response.headers_mut().insert(
                                                        CONTENT_TYPE,
                                                        HeaderValue::from_static("application/json"));
                                                    // JSON Body: a model serialised straight into bytes, or bytes serialised earlier
                                                    *response.body_mut() = BoxBody::new(Full::new(body.into_bytes().expect("impossible to fail to serialize")));

                                                },
                                                EnableUserAccessTokenResponse::Forbidden
                                                    (body)
                                                => {
                                                    *response.status_mut() = StatusCode::from_u16(403).expect("Unable to turn 403 into a StatusCode");
                                                    response.headers_mut().insert(
                                                        CONTENT_TYPE,
                                                        HeaderValue::from_static("application/json"));
                                                    // JSON Body: a model serialised straight into bytes, or bytes serialised earlier
                                                    *response.body_mut() = BoxBody::new(Full::new(body.into_bytes().expect("impossible to fail to serialize")));

                                                },
                                                EnableUserAccessTokenResponse::NotFound
                                                    (body)
                                                => {
                                                    *response.status_mut() = StatusCode::from_u16(404).expect("Unable to turn 404 into a StatusCode");
                                                    response.headers_mut().insert(
                                                        CONTENT_TYPE,
                                                        HeaderValue::from_static("application/json"));
                                                    // JSON Body: a model serialised straight into bytes, or bytes serialised earlier
                                                    *response.body_mut() = BoxBody::new(Full::new(body.into_bytes().expect("impossible to fail to serialize")));

                                                },
                                                EnableUserAccessTokenResponse::RequestTimeout
                                                    (body)
                                                => {
                                                    *response.status_mut() = StatusCode::from_u16(408).expect("Unable to turn 408 into a StatusCode");
                                                    response.headers_mut().insert(
                                                        CONTENT_TYPE,
                                                        HeaderValue::from_static("application/json"));
                                                    // JSON Body: a model serialised straight into bytes, or bytes serialised earlier
                                                    *response.body_mut() = BoxBody::new(Full::new(body.into_bytes().expect("impossible to fail to serialize")));

                                                },
                                                EnableUserAccessTokenResponse::PayloadTooLarge
                                                    (body)
                                                => {
                                                    *response.status_mut() = StatusCode::from_u16(413).expect("Unable to turn 413 into a StatusCode");
                                                    response.headers_mut().insert(
                                                        CONTENT_TYPE,
                                                        HeaderValue::from_static("application/json"));
                                                    // JSON Body: a model serialised straight into bytes, or bytes serialised earlier
                                                    *response.body_mut() = BoxBody::new(Full::new(body.into_bytes().expect("impossible to fail to serialize")));

                                                },
                                            },
                                            Err(_) => {
                                                // Application code returned an error. This should not happen, as the implementation should
                                                // return a valid response.
                                                *response.status_mut() = StatusCode::INTERNAL_SERVER_ERROR;
                                                response.headers_mut().insert(
                                                    CONTENT_TYPE,
                                                    HeaderValue::from_static("text/plain"),
                                                );
                                                *response.body_mut() = body_from_str("An internal error occurred");
                                            },
                                        }

                                        Ok(response)
                            },
                            Err(e) => Ok(Response::builder()
                                                .status(StatusCode::BAD_REQUEST)
                                                .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                                                .body(body_from_string(format!("Unable to read body: {}", e.into())))
                                                .expect("Unable to create Bad Request response due to unable to read body")),
                        }
}

#[allow(unused_variables)]
async fn handle_get_user_access_tokens<T, C, ReqBody>(
    mut api_impl: T,
    uri: hyper::Uri,
    headers: HeaderMap,
    body: ReqBody,
    context: C,
    validation: bool,
    path_match: paths::Matched,
) -> Result<Response<BoxBody<Bytes, Infallible>>, crate::ServiceError>
where
    T: Api<C> + Clone + Send + 'static,
    C: Has<XSpanIdString> + Has<Option<Authorization>> + Send + Sync + 'static,
    ReqBody: Body + Send + 'static,
    ReqBody::Error: Into<Box<dyn Error + Send + Sync>> + Send,
    ReqBody::Data: Send,
{
                {
                    let authorization = match *(&context as &dyn Has<Option<Authorization>>).get() {
                        Some(ref authorization) => authorization,
                        None => return Ok(Response::builder()
                                                .status(StatusCode::FORBIDDEN)
                                                .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                                                .body(body_from_str("Unauthenticated"))
                                                .expect("Unable to create Authentication Forbidden response")),
                    };
                }

                // Query parameters (note that non-required or collection query parameters will ignore garbage values, rather than causing a 400 response)
                let query_params = form_urlencoded::parse(uri.query().unwrap_or_default().as_bytes()).collect::<Vec<_>>();
                let param_page = query_params.iter().filter(|e| e.0 == "page").map(|e| e.1.clone())
                    .next();
                let param_page = match param_page {
                    Some(param_page) => {
                        let param_page =
                            <i32 as std::str::FromStr>::from_str
                                (&param_page);
                        match param_page {
                            Ok(param_page) => Some(param_page),
                            Err(e) => return Ok(Response::builder()
                                .status(StatusCode::BAD_REQUEST)
                                .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                                .body(body_from_string(format!("Couldn't parse query parameter page - doesn't match schema: {e}")))
                                .expect("Unable to create Bad Request response for invalid query parameter page")),
                        }
                    },
                    None => None,
                };
                let param_per_page = query_params.iter().filter(|e| e.0 == "per_page").map(|e| e.1.clone())
                    .next();
                let param_per_page = match param_per_page {
                    Some(param_per_page) => {
                        let param_per_page =
                            <i32 as std::str::FromStr>::from_str
                                (&param_per_page);
                        match param_per_page {
                            Ok(param_per_page) => Some(param_per_page),
                            Err(e) => return Ok(Response::builder()
                                .status(StatusCode::BAD_REQUEST)
                                .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                                .body(body_from_string(format!("Couldn't parse query parameter per_page - doesn't match schema: {e}")))
                                .expect("Unable to create Bad Request response for invalid query parameter per_page")),
                        }
                    },
                    None => None,
                };

                                let result = api_impl.get_user_access_tokens(
                                            param_page,
                                            param_per_page,
                                        &context
                                    ).await;
                                let mut response = Response::new(BoxBody::new(http_body_util::Empty::new()));
                                response.headers_mut().insert(
                                            HeaderName::from_static("x-span-id"),
                                            HeaderValue::from_str((&context as &dyn Has<XSpanIdString>).get().0.as_str())
                                                .expect("Unable to create X-Span-ID header value"));

                                        match result {
                                            Ok(rsp) => match rsp {
                                                GetUserAccessTokensResponse::Tokens
                                                    (body)
                                                => {
                                                    *response.status_mut() = StatusCode::from_u16(200).expect("Unable to turn 200 into a StatusCode");
                                                    response.headers_mut().insert(
                                                        CONTENT_TYPE,
                                                        HeaderValue::from_static("application/json"));
                                                    // JSON Body: a model serialised straight into bytes, or bytes serialised earlier
                                                    *response.body_mut() = BoxBody::new(Full::new(body.into_bytes().expect("impossible to fail to serialize")));

                                                },
                                                GetUserAccessTokensResponse::BadRequest
                                                    (body)
                                                => {
                                                    *response.status_mut() = StatusCode::from_u16(400).expect("Unable to turn 400 into a StatusCode");
                                                    response.headers_mut().insert(
                                                        CONTENT_TYPE,
                                                        HeaderValue::from_static("application/json"));
                                                    // JSON Body: a model serialised straight into bytes, or bytes serialised earlier
                                                    *response.body_mut() = BoxBody::new(Full::new(body.into_bytes().expect("impossible to fail to serialize")));

                                                },
                                                GetUserAccessTokensResponse::Unauthorized
                                                    (body)
                                                => {
                                                    *response.status_mut() = StatusCode::from_u16(401).expect("Unable to turn 401 into a StatusCode");
                                                    response.headers_mut().insert(
                                                        CONTENT_TYPE,
                                                        HeaderValue::from_static("application/json"));
                                                    // JSON Body: a model serialised straight into bytes, or bytes serialised earlier
                                                    *response.body_mut() = BoxBody::new(Full::new(body.into_bytes().expect("impossible to fail to serialize")));

                                                },
                                                GetUserAccessTokensResponse::Forbidden
                                                    (body)
                                                => {
                                                    *response.status_mut() = StatusCode::from_u16(403).expect("Unable to turn 403 into a StatusCode");
                                                    response.headers_mut().insert(
                                                        CONTENT_TYPE,
                                                        HeaderValue::from_static("application/json"));
                                                    // JSON Body: a model serialised straight into bytes, or bytes serialised earlier
                                                    *response.body_mut() = BoxBody::new(Full::new(body.into_bytes().expect("impossible to fail to serialize")));

                                                },
                                                GetUserAccessTokensResponse::NotFound
                                                    (body)
                                                => {
                                                    *response.status_mut() = StatusCode::from_u16(404).expect("Unable to turn 404 into a StatusCode");
                                                    response.headers_mut().insert(
                                                        CONTENT_TYPE,
                                                        HeaderValue::from_static("application/json"));
                                                    // JSON Body: a model serialised straight into bytes, or bytes serialised earlier
                                                    *response.body_mut() = BoxBody::new(Full::new(body.into_bytes().expect("impossible to fail to serialize")));

                                                },
                                                GetUserAccessTokensResponse::RequestTimeout
                                                    (body)
                                                => {
                                                    *response.status_mut() = StatusCode::from_u16(408).expect("Unable to turn 408 into a StatusCode");
                                                    response.headers_mut().insert(
                                                        CONTENT_TYPE,
                                                        HeaderValue::from_static("application/json"));
                                                    // JSON Body: a model serialised straight into bytes, or bytes serialised earlier
                                                    *response.body_mut() = BoxBody::new(Full::new(body.into_bytes().expect("impossible to fail to serialize")));

                                                },
                                                GetUserAccessTokensResponse::PayloadTooLarge
                                                    (body)
                                                => {
                                                    *response.status_mut() = StatusCode::from_u16(413).expect("Unable to turn 413 into a StatusCode");
                                                    response.headers_mut().insert(
                                                        CONTENT_TYPE,
                                                        HeaderValue::from_static("application/json"));
                                                    // JSON Body: a model serialised straight into bytes, or bytes serialised earlier
                                                    *response.body_mut() = BoxBody::new(Full::new(body.into_bytes().expect("impossible to fail to serialize")));

                                                },
                                            },
                                            Err(_) => {
                                                // Application code returned an error. This should not happen, as the implementation should
                                                // return a valid response.
                                                *response.status_mut() = StatusCode::INTERNAL_SERVER_ERROR;
                                                response.headers_mut().insert(
                                                    CONTENT_TYPE,
                                                    HeaderValue::from_static("text/plain"),
                                                );
                                                *response.body_mut() = body_from_str("An internal error occurred");
                                            },
                                        }

                                        Ok(response)
}

#[allow(unused_variables)]
async fn handle_revoke_user_access_token<T, C, ReqBody>(
    mut api_impl: T,
    uri: hyper::Uri,
    headers: HeaderMap,
    body: ReqBody,
    context: C,
    validation: bool,
    path_match: paths::Matched,
) -> Result<Response<BoxBody<Bytes, Infallible>>, crate::ServiceError>
where
    T: Api<C> + Clone + Send + 'static,
    C: Has<XSpanIdString> + Has<Option<Authorization>> + Send + Sync + 'static,
    ReqBody: Body + Send + 'static,
    ReqBody::Error: Into<Box<dyn Error + Send + Sync>> + Send,
    ReqBody::Data: Send,
{
                {
                    let authorization = match *(&context as &dyn Has<Option<Authorization>>).get() {
                        Some(ref authorization) => authorization,
                        None => return Ok(Response::builder()
                                                .status(StatusCode::FORBIDDEN)
                                                .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                                                .body(body_from_str("Unauthenticated"))
                                                .expect("Unable to create Authentication Forbidden response")),
                    };
                }

                // Handle body parameters (note that non-required body parameters will ignore garbage
                // values, rather than causing a 400 response). Produce warning header and logs for
                // any unused fields.
                let result = http_body_util::BodyExt::collect(body).await.map(|f| f.to_bytes().to_vec());
                match result {
                     Ok(body) => {
                                let mut unused_elements : Vec<String> = vec![];
                                let param_body: Option<models::TokenIdRequest> = if !body.is_empty() {
                                    let deserializer = &mut serde_json::Deserializer::from_slice(&body);
                                    match serde_ignored::deserialize(deserializer, |path| {
                                            warn!("Ignoring unknown field in body: {path}");
                                            unused_elements.push(path.to_string());
                                    }) {
                                        Ok(param_body) => param_body,
                                        Err(e) => return Ok(Response::builder()
                                                        .status(StatusCode::BAD_REQUEST)
                                                        .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                                                        .body(BoxBody::new(format!("Couldn't parse body parameter body - doesn't match schema: {e}")))
                                                        .expect("Unable to create Bad Request response for invalid body parameter body due to schema")),
                                    }

                                } else {
                                    None
                                };
                                let param_body = match param_body {
                                    Some(param_body) => param_body,
                                    None => return Ok(Response::builder()
                                                        .status(StatusCode::BAD_REQUEST)
                                                        .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                                                        .body(BoxBody::new("Missing required body parameter body".to_string()))
                                                        .expect("Unable to create Bad Request response for missing body parameter body")),
                                };
        #[cfg(not(feature = "validate"))]
                                run_validation!(param_body, "body", validation);

                                let result = api_impl.revoke_user_access_token(
                                            param_body,
                                        &context
                                    ).await;
                                let mut response = Response::new(BoxBody::new(http_body_util::Empty::new()));
                                response.headers_mut().insert(
                                            HeaderName::from_static("x-span-id"),
                                            HeaderValue::from_str((&context as &dyn Has<XSpanIdString>).get().0.as_str())
                                                .expect("Unable to create X-Span-ID header value"));

                                        if !unused_elements.is_empty() {
                                            response.headers_mut().insert(
                                                HeaderName::from_static("warning"),
                                                HeaderValue::from_str(format!("Ignoring unknown fields in body: {unused_elements:?}").as_str())
                                                    .expect("Unable to create Warning header value"));
                                        }
                                        match result {
                                            Ok(rsp) => match rsp {
                                                RevokeUserAccessTokenResponse::Revoked
                                                    (body)
                                                => {
                                                    *response.status_mut() = StatusCode::from_u16(200).expect("Unable to turn 200 into a StatusCode");
                                                    response.headers_mut().insert(
                                                        CONTENT_TYPE,
                                                        HeaderValue::from_static("application/json"));
                                                    // JSON Body: a model serialised straight into bytes, or bytes serialised earlier
                                                    *response.body_mut() = BoxBody::new(Full::new(body.into_bytes().expect("impossible to fail to serialize")));

                                                },
                                                RevokeUserAccessTokenResponse::BadRequest
                                                    (body)
                                                => {
                                                    *response.status_mut() = StatusCode::from_u16(400).expect("Unable to turn 400 into a StatusCode");
                                                    response.headers_mut().insert(
                                                        CONTENT_TYPE,
                                                        HeaderValue::from_static("application/json"));
                                                    // JSON Body: a model serialised straight into bytes, or bytes serialised earlier
                                                    *response.body_mut() = BoxBody::new(Full::new(body.into_bytes().expect("impossible to fail to serialize")));

                                                },
                                                RevokeUserAccessTokenResponse::Unauthorized
                                                    (body)
                                                => {
                                                    *response.status_mut() = StatusCode::from_u16(401).expect("Unable to turn 401 into a StatusCode");
                                                    response.headers_mut().insert(
                                                        CONTENT_TYPE,
                                                        HeaderValue::from_static("application/json"));
                                                    // JSON Body: a model serialised straight into bytes, or bytes serialised earlier
                                                    *response.body_mut() = BoxBody::new(Full::new(body.into_bytes().expect("impossible to fail to serialize")));

                                                },
                                                RevokeUserAccessTokenResponse::Forbidden
                                                    (body)
                                                => {
                                                    *response.status_mut() = StatusCode::from_u16(403).expect("Unable to turn 403 into a StatusCode");
                                                    response.headers_mut().insert(
                                                        CONTENT_TYPE,
                                                        HeaderValue::from_static("application/json"));
                                                    // JSON Body: a model serialised straight into bytes, or bytes serialised earlier
                                                    *response.body_mut() = BoxBody::new(Full::new(body.into_bytes().expect("impossible to fail to serialize")));

                                                },
                                                RevokeUserAccessTokenResponse::NotFound
                                                    (body)
                                                => {
                                                    *response.status_mut() = StatusCode::from_u16(404).expect("Unable to turn 404 into a StatusCode");
                                                    response.headers_mut().insert(
                                                        CONTENT_TYPE,
                                                        HeaderValue::from_static("application/json"));
                                                    // JSON Body: a model serialised straight into bytes, or bytes serialised earlier
                                                    *response.body_mut() = BoxBody::new(Full::new(body.into_bytes().expect("impossible to fail to serialize")));

                                                },
                                                RevokeUserAccessTokenResponse::RequestTimeout
                                                    (body)
                                                => {
                                                    *response.status_mut() = StatusCode::from_u16(408).expect("Unable to turn 408 into a StatusCode");
                                                    response.headers_mut().insert(
                                                        CONTENT_TYPE,
                                                        HeaderValue::from_static("application/json"));
                                                    // JSON Body: a model serialised straight into bytes, or bytes serialised earlier
                                                    *response.body_mut() = BoxBody::new(Full::new(body.into_bytes().expect("impossible to fail to serialize")));

                                                },
                                                RevokeUserAccessTokenResponse::PayloadTooLarge
                                                    (body)
                                                => {
                                                    *response.status_mut() = StatusCode::from_u16(413).expect("Unable to turn 413 into a StatusCode");
                                                    response.headers_mut().insert(
                                                        CONTENT_TYPE,
                                                        HeaderValue::from_static("application/json"));
                                                    // JSON Body: a model serialised straight into bytes, or bytes serialised earlier
                                                    *response.body_mut() = BoxBody::new(Full::new(body.into_bytes().expect("impossible to fail to serialize")));

                                                },
                                            },
                                            Err(_) => {
                                                // Application code returned an error. This should not happen, as the implementation should
                                                // return a valid response.
                                                *response.status_mut() = StatusCode::INTERNAL_SERVER_ERROR;
                                                response.headers_mut().insert(
                                                    CONTENT_TYPE,
                                                    HeaderValue::from_static("text/plain"),
                                                );
                                                *response.body_mut() = body_from_str("An internal error occurred");
                                            },
                                        }

                                        Ok(response)
                            },
                            Err(e) => Ok(Response::builder()
                                                .status(StatusCode::BAD_REQUEST)
                                                .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                                                .body(body_from_string(format!("Unable to read body: {}", e.into())))
                                                .expect("Unable to create Bad Request response due to unable to read body")),
                        }
}

#[allow(unused_variables)]
async fn handle_search_user_access_tokens<T, C, ReqBody>(
    mut api_impl: T,
    uri: hyper::Uri,
    headers: HeaderMap,
    body: ReqBody,
    context: C,
    validation: bool,
    path_match: paths::Matched,
) -> Result<Response<BoxBody<Bytes, Infallible>>, crate::ServiceError>
where
    T: Api<C> + Clone + Send + 'static,
    C: Has<XSpanIdString> + Has<Option<Authorization>> + Send + Sync + 'static,
    ReqBody: Body + Send + 'static,
    ReqBody::Error: Into<Box<dyn Error + Send + Sync>> + Send,
    ReqBody::Data: Send,
{
                {
                    let authorization = match *(&context as &dyn Has<Option<Authorization>>).get() {
                        Some(ref authorization) => authorization,
                        None => return Ok(Response::builder()
                                                .status(StatusCode::FORBIDDEN)
                                                .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                                                .body(body_from_str("Unauthenticated"))
                                                .expect("Unable to create Authentication Forbidden response")),
                    };
                }

                // Handle body parameters (note that non-required body parameters will ignore garbage
                // values, rather than causing a 400 response). Produce warning header and logs for
                // any unused fields.
                let result = http_body_util::BodyExt::collect(body).await.map(|f| f.to_bytes().to_vec());
                match result {
                     Ok(body) => {
                                let mut unused_elements : Vec<String> = vec![];
                                let param_body: Option<models::UserAccessTokenSearch> = if !body.is_empty() {
                                    let deserializer = &mut serde_json::Deserializer::from_slice(&body);
                                    match serde_ignored::deserialize(deserializer, |path| {
                                            warn!("Ignoring unknown field in body: {path}");
                                            unused_elements.push(path.to_string());
                                    }) {
                                        Ok(param_body) => param_body,
                                        Err(e) => return Ok(Response::builder()
                                                        .status(StatusCode::BAD_REQUEST)
                                                        .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                                                        .body(BoxBody::new(format!("Couldn't parse body parameter body - doesn't match schema: {e}")))
                                                        .expect("Unable to create Bad Request response for invalid body parameter body due to schema")),
                                    }

                                } else {
                                    None
                                };
                                let param_body = match param_body {
                                    Some(param_body) => param_body,
                                    None => return Ok(Response::builder()
                                                        .status(StatusCode::BAD_REQUEST)
                                                        .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                                                        .body(BoxBody::new("Missing required body parameter body".to_string()))
                                                        .expect("Unable to create Bad Request response for missing body parameter body")),
                                };
        #[cfg(not(feature = "validate"))]
                                run_validation!(param_body, "body", validation);

                                let result = api_impl.search_user_access_tokens(
                                            param_body,
                                        &context
                                    ).await;
                                let mut response = Response::new(BoxBody::new(http_body_util::Empty::new()));
                                response.headers_mut().insert(
                                            HeaderName::from_static("x-span-id"),
                                            HeaderValue::from_str((&context as &dyn Has<XSpanIdString>).get().0.as_str())
                                                .expect("Unable to create X-Span-ID header value"));

                                        if !unused_elements.is_empty() {
                                            response.headers_mut().insert(
                                                HeaderName::from_static("warning"),
                                                HeaderValue::from_str(format!("Ignoring unknown fields in body: {unused_elements:?}").as_str())
                                                    .expect("Unable to create Warning header value"));
                                        }
                                        match result {
                                            Ok(rsp) => match rsp {
                                                SearchUserAccessTokensResponse::Tokens
                                                    (body)
                                                => {
                                                    *response.status_mut() = StatusCode::from_u16(200).expect("Unable to turn 200 into a StatusCode");
                                                    response.headers_mut().insert(
                                                        CONTENT_TYPE,
                                                        HeaderValue::from_static("application/json"));
                                                    // JSON Body: a model serialised straight into bytes, or bytes serialised earlier
                                                    *response.body_mut() = BoxBody::new(Full::new(body.into_bytes().expect("impossible to fail to serialize")));

                                                },
                                                SearchUserAccessTokensResponse::BadRequest
                                                    (body)
                                                => {
                                                    *response.status_mut() = StatusCode::from_u16(400).expect("Unable to turn 400 into a StatusCode");
                                                    response.headers_mut().insert(
                                                        CONTENT_TYPE,
                                                        HeaderValue::from_static("application/json"));
                                                    // JSON Body: a model serialised straight into bytes, or bytes serialised earlier
                                                    *response.body_mut() = BoxBody::new(Full::new(body.into_bytes().expect("impossible to fail to serialize")));

                                                },
                                                SearchUserAccessTokensResponse::Unauthorized
                                                    (body)
                                                => {
                                                    *response.status_mut() = StatusCode::from_u16(401).expect("Unable to turn 401 into a StatusCode");
                                                    response.headers_mut().insert(
                                                        CONTENT_TYPE,
                                                        HeaderValue::from_static("application/json"));
                                                    // JSON Body: a model serialised straight into bytes, or bytes serialised earlier
                                                    *response.body_mut() = BoxBody::new(Full::new(body.into_bytes().expect("impossible to fail to serialize")));

                                                },
                                                SearchUserAccessTokensResponse::Forbidden
                                                    (body)
                                                => {
                                                    *response.status_mut() = StatusCode::from_u16(403).expect("Unable to turn 403 into a StatusCode");
                                                    response.headers_mut().insert(
                                                        CONTENT_TYPE,
                                                        HeaderValue::from_static("application/json"));
                                                    // JSON Body: a model serialised straight into bytes, or bytes serialised earlier
                                                    *response.body_mut() = BoxBody::new(Full::new(body.into_bytes().expect("impossible to fail to serialize")));

                                                },
                                                SearchUserAccessTokensResponse::NotFound
                                                    (body)
                                                => {
                                                    *response.status_mut() = StatusCode::from_u16(404).expect("Unable to turn 404 into a StatusCode");
                                                    response.headers_mut().insert(
                                                        CONTENT_TYPE,
                                                        HeaderValue::from_static("application/json"));
                                                    // JSON Body: a model serialised straight into bytes, or bytes serialised earlier
                                                    *response.body_mut() = BoxBody::new(Full::new(body.into_bytes().expect("impossible to fail to serialize")));

                                                },
                                                SearchUserAccessTokensResponse::RequestTimeout
                                                    (body)
                                                => {
                                                    *response.status_mut() = StatusCode::from_u16(408).expect("Unable to turn 408 into a StatusCode");
                                                    response.headers_mut().insert(
                                                        CONTENT_TYPE,
                                                        HeaderValue::from_static("application/json"));
                                                    // JSON Body: a model serialised straight into bytes, or bytes serialised earlier
                                                    *response.body_mut() = BoxBody::new(Full::new(body.into_bytes().expect("impossible to fail to serialize")));

                                                },
                                                SearchUserAccessTokensResponse::PayloadTooLarge
                                                    (body)
                                                => {
                                                    *response.status_mut() = StatusCode::from_u16(413).expect("Unable to turn 413 into a StatusCode");
                                                    response.headers_mut().insert(
                                                        CONTENT_TYPE,
                                                        HeaderValue::from_static("application/json"));
                                                    // JSON Body: a model serialised straight into bytes, or bytes serialised earlier
                                                    *response.body_mut() = BoxBody::new(Full::new(body.into_bytes().expect("impossible to fail to serialize")));

                                                },
                                            },
                                            Err(_) => {
                                                // Application code returned an error. This should not happen, as the implementation should
                                                // return a valid response.
                                                *response.status_mut() = StatusCode::INTERNAL_SERVER_ERROR;
                                                response.headers_mut().insert(
                                                    CONTENT_TYPE,
                                                    HeaderValue::from_static("text/plain"),
                                                );
                                                *response.body_mut() = body_from_str("An internal error occurred");
                                            },
                                        }

                                        Ok(response)
                            },
                            Err(e) => Ok(Response::builder()
                                                .status(StatusCode::BAD_REQUEST)
                                                .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                                                .body(body_from_string(format!("Unable to read body: {}", e.into())))
                                                .expect("Unable to create Bad Request response due to unable to read body")),
                        }
}

#[allow(unused_variables)]
async fn handle_create_user_access_token<T, C, ReqBody>(
    mut api_impl: T,
    uri: hyper::Uri,
    headers: HeaderMap,
    body: ReqBody,
    context: C,
    validation: bool,
    path_match: paths::Matched,
) -> Result<Response<BoxBody<Bytes, Infallible>>, crate::ServiceError>
where
    T: Api<C> + Clone + Send + 'static,
    C: Has<XSpanIdString> + Has<Option<Authorization>> + Send + Sync + 'static,
    ReqBody: Body + Send + 'static,
    ReqBody::Error: Into<Box<dyn Error + Send + Sync>> + Send,
    ReqBody::Data: Send,
{
                {
                    let authorization = match *(&context as &dyn Has<Option<Authorization>>).get() {
                        Some(ref authorization) => authorization,
                        None => return Ok(Response::builder()
                                                .status(StatusCode::FORBIDDEN)
                                                .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                                                .body(body_from_str("Unauthenticated"))
                                                .expect("Unable to create Authentication Forbidden response")),
                    };
                }

                // Path parameters, from the request's one route match
                let path_params = path_match.params(paths::ID_USERS_USER_ID_TOKENS, uri.path());

                let param_user_id = match percent_encoding::percent_decode(path_params["user_id"].as_bytes()).decode_utf8() {
                    Ok(param_user_id) => match param_user_id.parse::<String>() {
                        Ok(param_user_id) => param_user_id,
                        Err(e) => return Ok(Response::builder()
                                        .status(StatusCode::BAD_REQUEST)
                                        .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                                        .body(body_from_string(format!("Couldn't parse path parameter user_id: {e}")))
                                        .expect("Unable to create Bad Request response for invalid path parameter")),
                    },
                    Err(_) => return Ok(Response::builder()
                                        .status(StatusCode::BAD_REQUEST)
                                        .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                                        .body(body_from_string(format!("Couldn't percent-decode path parameter as UTF-8: {}", &path_params["user_id"])))
                                        .expect("Unable to create Bad Request response for invalid percent decode"))
                };

                // Handle body parameters (note that non-required body parameters will ignore garbage
                // values, rather than causing a 400 response). Produce warning header and logs for
                // any unused fields.
                let result = http_body_util::BodyExt::collect(body).await.map(|f| f.to_bytes().to_vec());
                match result {
                     Ok(body) => {
                                let mut unused_elements : Vec<String> = vec![];
                                let param_body: Option<models::CreateUserAccessTokenRequest> = if !body.is_empty() {
                                    let deserializer = &mut serde_json::Deserializer::from_slice(&body);
                                    match serde_ignored::deserialize(deserializer, |path| {
                                            warn!("Ignoring unknown field in body: {path}");
                                            unused_elements.push(path.to_string());
                                    }) {
                                        Ok(param_body) => param_body,
                                        Err(e) => return Ok(Response::builder()
                                                        .status(StatusCode::BAD_REQUEST)
                                                        .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                                                        .body(BoxBody::new(format!("Couldn't parse body parameter body - doesn't match schema: {e}")))
                                                        .expect("Unable to create Bad Request response for invalid body parameter body due to schema")),
                                    }

                                } else {
                                    None
                                };
                                let param_body = match param_body {
                                    Some(param_body) => param_body,
                                    None => return Ok(Response::builder()
                                                        .status(StatusCode::BAD_REQUEST)
                                                        .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                                                        .body(BoxBody::new("Missing required body parameter body".to_string()))
                                                        .expect("Unable to create Bad Request response for missing body parameter body")),
                                };
        #[cfg(not(feature = "validate"))]
                                run_validation!(param_body, "body", validation);

                                let result = api_impl.create_user_access_token(
                                            param_user_id,
                                            param_body,
                                        &context
                                    ).await;
                                let mut response = Response::new(BoxBody::new(http_body_util::Empty::new()));
                                response.headers_mut().insert(
                                            HeaderName::from_static("x-span-id"),
                                            HeaderValue::from_str((&context as &dyn Has<XSpanIdString>).get().0.as_str())
                                                .expect("Unable to create X-Span-ID header value"));

                                        if !unused_elements.is_empty() {
                                            response.headers_mut().insert(
                                                HeaderName::from_static("warning"),
                                                HeaderValue::from_str(format!("Ignoring unknown fields in body: {unused_elements:?}").as_str())
                                                    .expect("Unable to create Warning header value"));
                                        }
                                        match result {
                                            Ok(rsp) => match rsp {
                                                CreateUserAccessTokenResponse::Created
                                                    (body)
                                                => {
                                                    *response.status_mut() = StatusCode::from_u16(200).expect("Unable to turn 200 into a StatusCode");
                                                    response.headers_mut().insert(
                                                        CONTENT_TYPE,
                                                        HeaderValue::from_static("application/json"));
                                                    // JSON Body: a model serialised straight into bytes, or bytes serialised earlier
                                                    *response.body_mut() = BoxBody::new(Full::new(body.into_bytes().expect("impossible to fail to serialize")));

                                                },
                                                CreateUserAccessTokenResponse::BadRequest
                                                    (body)
                                                => {
                                                    *response.status_mut() = StatusCode::from_u16(400).expect("Unable to turn 400 into a StatusCode");
                                                    response.headers_mut().insert(
                                                        CONTENT_TYPE,
                                                        HeaderValue::from_static("application/json"));
                                                    // JSON Body: a model serialised straight into bytes, or bytes serialised earlier
                                                    *response.body_mut() = BoxBody::new(Full::new(body.into_bytes().expect("impossible to fail to serialize")));

                                                },
                                                CreateUserAccessTokenResponse::Unauthorized
                                                    (body)
                                                => {
                                                    *response.status_mut() = StatusCode::from_u16(401).expect("Unable to turn 401 into a StatusCode");
                                                    response.headers_mut().insert(
                                                        CONTENT_TYPE,
                                                        HeaderValue::from_static("application/json"));
                                                    // JSON Body: a model serialised straight into bytes, or bytes serialised earlier
                                                    *response.body_mut() = BoxBody::new(Full::new(body.into_bytes().expect("impossible to fail to serialize")));

                                                },
                                                CreateUserAccessTokenResponse::Forbidden
                                                    (body)
                                                => {
                                                    *response.status_mut() = StatusCode::from_u16(403).expect("Unable to turn 403 into a StatusCode");
                                                    response.headers_mut().insert(
                                                        CONTENT_TYPE,
                                                        HeaderValue::from_static("application/json"));
                                                    // JSON Body: a model serialised straight into bytes, or bytes serialised earlier
                                                    *response.body_mut() = BoxBody::new(Full::new(body.into_bytes().expect("impossible to fail to serialize")));

                                                },
                                                CreateUserAccessTokenResponse::UserNotFound
                                                    (body)
                                                => {
                                                    *response.status_mut() = StatusCode::from_u16(404).expect("Unable to turn 404 into a StatusCode");
                                                    response.headers_mut().insert(
                                                        CONTENT_TYPE,
                                                        HeaderValue::from_static("application/json"));
                                                    // JSON Body: a model serialised straight into bytes, or bytes serialised earlier
                                                    *response.body_mut() = BoxBody::new(Full::new(body.into_bytes().expect("impossible to fail to serialize")));

                                                },
                                                CreateUserAccessTokenResponse::RequestTimeout
                                                    (body)
                                                => {
                                                    *response.status_mut() = StatusCode::from_u16(408).expect("Unable to turn 408 into a StatusCode");
                                                    response.headers_mut().insert(
                                                        CONTENT_TYPE,
                                                        HeaderValue::from_static("application/json"));
                                                    // JSON Body: a model serialised straight into bytes, or bytes serialised earlier
                                                    *response.body_mut() = BoxBody::new(Full::new(body.into_bytes().expect("impossible to fail to serialize")));

                                                },
                                                CreateUserAccessTokenResponse::PayloadTooLarge
                                                    (body)
                                                => {
                                                    *response.status_mut() = StatusCode::from_u16(413).expect("Unable to turn 413 into a StatusCode");
                                                    response.headers_mut().insert(
                                                        CONTENT_TYPE,
                                                        HeaderValue::from_static("application/json"));
                                                    // JSON Body: a model serialised straight into bytes, or bytes serialised earlier
                                                    *response.body_mut() = BoxBody::new(Full::new(body.into_bytes().expect("impossible to fail to serialize")));

                                                },
                                                CreateUserAccessTokenResponse::Disabled
                                                    (body)
                                                => {
                                                    *response.status_mut() = StatusCode::from_u16(501).expect("Unable to turn 501 into a StatusCode");
                                                    response.headers_mut().insert(
                                                        CONTENT_TYPE,
                                                        HeaderValue::from_static("application/json"));
                                                    // JSON Body: a model serialised straight into bytes, or bytes serialised earlier
                                                    *response.body_mut() = BoxBody::new(Full::new(body.into_bytes().expect("impossible to fail to serialize")));

                                                },
                                            },
                                            Err(_) => {
                                                // Application code returned an error. This should not happen, as the implementation should
                                                // return a valid response.
                                                *response.status_mut() = StatusCode::INTERNAL_SERVER_ERROR;
                                                response.headers_mut().insert(
                                                    CONTENT_TYPE,
                                                    HeaderValue::from_static("text/plain"),
                                                );
                                                *response.body_mut() = body_from_str("An internal error occurred");
                                            },
                                        }

                                        Ok(response)
                            },
                            Err(e) => Ok(Response::builder()
                                                .status(StatusCode::BAD_REQUEST)
                                                .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                                                .body(body_from_string(format!("Unable to read body: {}", e.into())))
                                                .expect("Unable to create Bad Request response due to unable to read body")),
                        }
}

#[allow(unused_variables)]
async fn handle_get_user_access_token<T, C, ReqBody>(
    mut api_impl: T,
    uri: hyper::Uri,
    headers: HeaderMap,
    body: ReqBody,
    context: C,
    validation: bool,
    path_match: paths::Matched,
) -> Result<Response<BoxBody<Bytes, Infallible>>, crate::ServiceError>
where
    T: Api<C> + Clone + Send + 'static,
    C: Has<XSpanIdString> + Has<Option<Authorization>> + Send + Sync + 'static,
    ReqBody: Body + Send + 'static,
    ReqBody::Error: Into<Box<dyn Error + Send + Sync>> + Send,
    ReqBody::Data: Send,
{
                {
                    let authorization = match *(&context as &dyn Has<Option<Authorization>>).get() {
                        Some(ref authorization) => authorization,
                        None => return Ok(Response::builder()
                                                .status(StatusCode::FORBIDDEN)
                                                .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                                                .body(body_from_str("Unauthenticated"))
                                                .expect("Unable to create Authentication Forbidden response")),
                    };
                }

                // Path parameters, from the request's one route match
                let path_params = path_match.params(paths::ID_USERS_TOKENS_TOKEN_ID, uri.path());

                let param_token_id = match percent_encoding::percent_decode(path_params["token_id"].as_bytes()).decode_utf8() {
                    Ok(param_token_id) => match param_token_id.parse::<String>() {
                        Ok(param_token_id) => param_token_id,
                        Err(e) => return Ok(Response::builder()
                                        .status(StatusCode::BAD_REQUEST)
                                        .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                                        .body(body_from_string(format!("Couldn't parse path parameter token_id: {e}")))
                                        .expect("Unable to create Bad Request response for invalid path parameter")),
                    },
                    Err(_) => return Ok(Response::builder()
                                        .status(StatusCode::BAD_REQUEST)
                                        .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                                        .body(body_from_string(format!("Couldn't percent-decode path parameter as UTF-8: {}", &path_params["token_id"])))
                                        .expect("Unable to create Bad Request response for invalid percent decode"))
                };

                                let result = api_impl.get_user_access_token(
                                            param_token_id,
                                        &context
                                    ).await;
                                let mut response = Response::new(BoxBody::new(http_body_util::Empty::new()));
                                response.headers_mut().insert(
                                            HeaderName::from_static("x-span-id"),
                                            HeaderValue::from_str((&context as &dyn Has<XSpanIdString>).get().0.as_str())
                                                .expect("Unable to create X-Span-ID header value"));

                                        match result {
                                            Ok(rsp) => match rsp {
                                                GetUserAccessTokenResponse::Token
                                                    (body)
                                                => {
                                                    *response.status_mut() = StatusCode::from_u16(200).expect("Unable to turn 200 into a StatusCode");
                                                    response.headers_mut().insert(
                                                        CONTENT_TYPE,
                                                        HeaderValue::from_static("application/json"));
                                                    // JSON Body: a model serialised straight into bytes, or bytes serialised earlier
                                                    *response.body_mut() = BoxBody::new(Full::new(body.into_bytes().expect("impossible to fail to serialize")));

                                                },
                                                GetUserAccessTokenResponse::BadRequest
                                                    (body)
                                                => {
                                                    *response.status_mut() = StatusCode::from_u16(400).expect("Unable to turn 400 into a StatusCode");
                                                    response.headers_mut().insert(
                                                        CONTENT_TYPE,
                                                        HeaderValue::from_static("application/json"));
                                                    // JSON Body: a model serialised straight into bytes, or bytes serialised earlier
                                                    *response.body_mut() = BoxBody::new(Full::new(body.into_bytes().expect("impossible to fail to serialize")));

                                                },
                                                GetUserAccessTokenResponse::Unauthorized
                                                    (body)
                                                => {
                                                    *response.status_mut() = StatusCode::from_u16(401).expect("Unable to turn 401 into a StatusCode");
                                                    response.headers_mut().insert(
                                                        CONTENT_TYPE,
                                                        HeaderValue::from_static("application/json"));
                                                    // JSON Body: a model serialised straight into bytes, or bytes serialised earlier
                                                    *response.body_mut() = BoxBody::new(Full::new(body.into_bytes().expect("impossible to fail to serialize")));

                                                },
                                                GetUserAccessTokenResponse::Forbidden
                                                    (body)
                                                => {
                                                    *response.status_mut() = StatusCode::from_u16(403).expect("Unable to turn 403 into a StatusCode");
                                                    response.headers_mut().insert(
                                                        CONTENT_TYPE,
                                                        HeaderValue::from_static("application/json"));
                                                    // JSON Body: a model serialised straight into bytes, or bytes serialised earlier
                                                    *response.body_mut() = BoxBody::new(Full::new(body.into_bytes().expect("impossible to fail to serialize")));

                                                },
                                                GetUserAccessTokenResponse::NotFound
                                                    (body)
                                                => {
                                                    *response.status_mut() = StatusCode::from_u16(404).expect("Unable to turn 404 into a StatusCode");
                                                    response.headers_mut().insert(
                                                        CONTENT_TYPE,
                                                        HeaderValue::from_static("application/json"));
                                                    // JSON Body: a model serialised straight into bytes, or bytes serialised earlier
                                                    *response.body_mut() = BoxBody::new(Full::new(body.into_bytes().expect("impossible to fail to serialize")));

                                                },
                                                GetUserAccessTokenResponse::RequestTimeout
                                                    (body)
                                                => {
                                                    *response.status_mut() = StatusCode::from_u16(408).expect("Unable to turn 408 into a StatusCode");
                                                    response.headers_mut().insert(
                                                        CONTENT_TYPE,
                                                        HeaderValue::from_static("application/json"));
                                                    // JSON Body: a model serialised straight into bytes, or bytes serialised earlier
                                                    *response.body_mut() = BoxBody::new(Full::new(body.into_bytes().expect("impossible to fail to serialize")));

                                                },
                                                GetUserAccessTokenResponse::PayloadTooLarge
                                                    (body)
                                                => {
                                                    *response.status_mut() = StatusCode::from_u16(413).expect("Unable to turn 413 into a StatusCode");
                                                    response.headers_mut().insert(
                                                        CONTENT_TYPE,
                                                        HeaderValue::from_static("application/json"));
                                                    // JSON Body: a model serialised straight into bytes, or bytes serialised earlier
                                                    *response.body_mut() = BoxBody::new(Full::new(body.into_bytes().expect("impossible to fail to serialize")));

                                                },
                                            },
                                            Err(_) => {
                                                // Application code returned an error. This should not happen, as the implementation should
                                                // return a valid response.
                                                *response.status_mut() = StatusCode::INTERNAL_SERVER_ERROR;
                                                response.headers_mut().insert(
                                                    CONTENT_TYPE,
                                                    HeaderValue::from_static("text/plain"),
                                                );
                                                *response.body_mut() = body_from_str("An internal error occurred");
                                            },
                                        }

                                        Ok(response)
}

#[allow(unused_variables)]
async fn handle_get_user_access_tokens_for_user<T, C, ReqBody>(
    mut api_impl: T,
    uri: hyper::Uri,
    headers: HeaderMap,
    body: ReqBody,
    context: C,
    validation: bool,
    path_match: paths::Matched,
) -> Result<Response<BoxBody<Bytes, Infallible>>, crate::ServiceError>
where
    T: Api<C> + Clone + Send + 'static,
    C: Has<XSpanIdString> + Has<Option<Authorization>> + Send + Sync + 'static,
    ReqBody: Body + Send + 'static,
    ReqBody::Error: Into<Box<dyn Error + Send + Sync>> + Send,
    ReqBody::Data: Send,
{
                {
                    let authorization = match *(&context as &dyn Has<Option<Authorization>>).get() {
                        Some(ref authorization) => authorization,
                        None => return Ok(Response::builder()
                                                .status(StatusCode::FORBIDDEN)
                                                .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                                                .body(body_from_str("Unauthenticated"))
                                                .expect("Unable to create Authentication Forbidden response")),
                    };
                }

                // Path parameters, from the request's one route match
                let path_params = path_match.params(paths::ID_USERS_USER_ID_TOKENS, uri.path());

                let param_user_id = match percent_encoding::percent_decode(path_params["user_id"].as_bytes()).decode_utf8() {
                    Ok(param_user_id) => match param_user_id.parse::<String>() {
                        Ok(param_user_id) => param_user_id,
                        Err(e) => return Ok(Response::builder()
                                        .status(StatusCode::BAD_REQUEST)
                                        .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                                        .body(body_from_string(format!("Couldn't parse path parameter user_id: {e}")))
                                        .expect("Unable to create Bad Request response for invalid path parameter")),
                    },
                    Err(_) => return Ok(Response::builder()
                                        .status(StatusCode::BAD_REQUEST)
                                        .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                                        .body(body_from_string(format!("Couldn't percent-decode path parameter as UTF-8: {}", &path_params["user_id"])))
                                        .expect("Unable to create Bad Request response for invalid percent decode"))
                };

                // Query parameters (note that non-required or collection query parameters will ignore garbage values, rather than causing a 400 response)
                let query_params = form_urlencoded::parse(uri.query().unwrap_or_default().as_bytes()).collect::<Vec<_>>();
                let param_page = query_params.iter().filter(|e| e.0 == "page").map(|e| e.1.clone())
                    .next();
                let param_page = match param_page {
                    Some(param_page) => {
                        let param_page =
                            <i32 as std::str::FromStr>::from_str
                                (&param_page);
                        match param_page {
                            Ok(param_page) => Some(param_page),
                            Err(e) => return Ok(Response::builder()
                                .status(StatusCode::BAD_REQUEST)
                                .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                                .body(body_from_string(format!("Couldn't parse query parameter page - doesn't match schema: {e}")))
                                .expect("Unable to create Bad Request response for invalid query parameter page")),
                        }
                    },
                    None => None,
                };
                let param_per_page = query_params.iter().filter(|e| e.0 == "per_page").map(|e| e.1.clone())
                    .next();
                let param_per_page = match param_per_page {
                    Some(param_per_page) => {
                        let param_per_page =
                            <i32 as std::str::FromStr>::from_str
                                (&param_per_page);
                        match param_per_page {
                            Ok(param_per_page) => Some(param_per_page),
                            Err(e) => return Ok(Response::builder()
                                .status(StatusCode::BAD_REQUEST)
                                .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                                .body(body_from_string(format!("Couldn't parse query parameter per_page - doesn't match schema: {e}")))
                                .expect("Unable to create Bad Request response for invalid query parameter per_page")),
                        }
                    },
                    None => None,
                };

                                let result = api_impl.get_user_access_tokens_for_user(
                                            param_user_id,
                                            param_page,
                                            param_per_page,
                                        &context
                                    ).await;
                                let mut response = Response::new(BoxBody::new(http_body_util::Empty::new()));
                                response.headers_mut().insert(
                                            HeaderName::from_static("x-span-id"),
                                            HeaderValue::from_str((&context as &dyn Has<XSpanIdString>).get().0.as_str())
                                                .expect("Unable to create X-Span-ID header value"));

                                        match result {
                                            Ok(rsp) => match rsp {
                                                GetUserAccessTokensForUserResponse::Tokens
                                                    (body)
                                                => {
                                                    *response.status_mut() = StatusCode::from_u16(200).expect("Unable to turn 200 into a StatusCode");
                                                    response.headers_mut().insert(
                                                        CONTENT_TYPE,
                                                        HeaderValue::from_static("application/json"));
                                                    // JSON Body: a model serialised straight into bytes, or bytes serialised earlier
                                                    *response.body_mut() = BoxBody::new(Full::new(body.into_bytes().expect("impossible to fail to serialize")));

                                                },
                                                GetUserAccessTokensForUserResponse::BadRequest
                                                    (body)
                                                => {
                                                    *response.status_mut() = StatusCode::from_u16(400).expect("Unable to turn 400 into a StatusCode");
                                                    response.headers_mut().insert(
                                                        CONTENT_TYPE,
                                                        HeaderValue::from_static("application/json"));
                                                    // JSON Body: a model serialised straight into bytes, or bytes serialised earlier
                                                    *response.body_mut() = BoxBody::new(Full::new(body.into_bytes().expect("impossible to fail to serialize")));

                                                },
                                                GetUserAccessTokensForUserResponse::Unauthorized
                                                    (body)
                                                => {
                                                    *response.status_mut() = StatusCode::from_u16(401).expect("Unable to turn 401 into a StatusCode");
                                                    response.headers_mut().insert(
                                                        CONTENT_TYPE,
                                                        HeaderValue::from_static("application/json"));
                                                    // JSON Body: a model serialised straight into bytes, or bytes serialised earlier
                                                    *response.body_mut() = BoxBody::new(Full::new(body.into_bytes().expect("impossible to fail to serialize")));

                                                },
                                                GetUserAccessTokensForUserResponse::Forbidden
                                                    (body)
                                                => {
                                                    *response.status_mut() = StatusCode::from_u16(403).expect("Unable to turn 403 into a StatusCode");
                                                    response.headers_mut().insert(
                                                        CONTENT_TYPE,
                                                        HeaderValue::from_static("application/json"));
                                                    // JSON Body: a model serialised straight into bytes, or bytes serialised earlier
                                                    *response.body_mut() = BoxBody::new(Full::new(body.into_bytes().expect("impossible to fail to serialize")));

                                                },
                                                GetUserAccessTokensForUserResponse::NotFound
                                                    (body)
                                                => {
                                                    *response.status_mut() = StatusCode::from_u16(404).expect("Unable to turn 404 into a StatusCode");
                                                    response.headers_mut().insert(
                                                        CONTENT_TYPE,
                                                        HeaderValue::from_static("application/json"));
                                                    // JSON Body: a model serialised straight into bytes, or bytes serialised earlier
                                                    *response.body_mut() = BoxBody::new(Full::new(body.into_bytes().expect("impossible to fail to serialize")));

                                                },
                                                GetUserAccessTokensForUserResponse::RequestTimeout
                                                    (body)
                                                => {
                                                    *response.status_mut() = StatusCode::from_u16(408).expect("Unable to turn 408 into a StatusCode");
                                                    response.headers_mut().insert(
                                                        CONTENT_TYPE,
                                                        HeaderValue::from_static("application/json"));
                                                    // JSON Body: a model serialised straight into bytes, or bytes serialised earlier
                                                    *response.body_mut() = BoxBody::new(Full::new(body.into_bytes().expect("impossible to fail to serialize")));

                                                },
                                                GetUserAccessTokensForUserResponse::PayloadTooLarge
                                                    (body)
                                                => {
                                                    *response.status_mut() = StatusCode::from_u16(413).expect("Unable to turn 413 into a StatusCode");
                                                    response.headers_mut().insert(
                                                        CONTENT_TYPE,
                                                        HeaderValue::from_static("application/json"));
                                                    // JSON Body: a model serialised straight into bytes, or bytes serialised earlier
                                                    *response.body_mut() = BoxBody::new(Full::new(body.into_bytes().expect("impossible to fail to serialize")));

                                                },
                                            },
                                            Err(_) => {
                                                // Application code returned an error. This should not happen, as the implementation should
                                                // return a valid response.
                                                *response.status_mut() = StatusCode::INTERNAL_SERVER_ERROR;
                                                response.headers_mut().insert(
                                                    CONTENT_TYPE,
                                                    HeaderValue::from_static("text/plain"),
                                                );
                                                *response.body_mut() = body_from_str("An internal error occurred");
                                            },
                                        }

                                        Ok(response)
}

#[allow(unused_variables)]
async fn handle_get_me<T, C, ReqBody>(
    mut api_impl: T,
    uri: hyper::Uri,
    headers: HeaderMap,
    body: ReqBody,
    context: C,
    validation: bool,
    path_match: paths::Matched,
) -> Result<Response<BoxBody<Bytes, Infallible>>, crate::ServiceError>
where
    T: Api<C> + Clone + Send + 'static,
    C: Has<XSpanIdString> + Has<Option<Authorization>> + Send + Sync + 'static,
    ReqBody: Body + Send + 'static,
    ReqBody::Error: Into<Box<dyn Error + Send + Sync>> + Send,
    ReqBody::Data: Send,
{
                {
                    let authorization = match *(&context as &dyn Has<Option<Authorization>>).get() {
                        Some(ref authorization) => authorization,
                        None => return Ok(Response::builder()
                                                .status(StatusCode::FORBIDDEN)
                                                .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                                                .body(body_from_str("Unauthenticated"))
                                                .expect("Unable to create Authentication Forbidden response")),
                    };
                }

                                let result = api_impl.get_me(
                                        &context
                                    ).await;
                                let mut response = Response::new(BoxBody::new(http_body_util::Empty::new()));
                                response.headers_mut().insert(
                                            HeaderName::from_static("x-span-id"),
                                            HeaderValue::from_str((&context as &dyn Has<XSpanIdString>).get().0.as_str())
                                                .expect("Unable to create X-Span-ID header value"));

                                        match result {
                                            Ok(rsp) => match rsp {
                                                GetMeResponse::Me
                                                    {
                                                        body,
                                                        e_tag
                                                    }
                                                => {
                                                    *response.status_mut() = StatusCode::from_u16(200).expect("Unable to turn 200 into a StatusCode");

                                                    if let Some(e_tag) = e_tag {
                                                    let e_tag = match header::IntoHeaderValue(e_tag).try_into() {
                                                        Ok(val) => val,
                                                        Err(e) => {
                                                            return Ok(Response::builder()
                                                                    .status(StatusCode::INTERNAL_SERVER_ERROR)
                                                                    .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                                                                    .body(body_from_string(format!("An internal server error occurred handling e_tag header - {e}")))
                                                                    .expect("Unable to create Internal Server Error for invalid response header"))
                                                        }
                                                    };

                                                    response.headers_mut().insert(
                                                        HeaderName::from_static("etag"),
                                                        e_tag
                                                    );
                                                    }
                                                    response.headers_mut().insert(
                                                        CONTENT_TYPE,
                                                        HeaderValue::from_static("application/json"));
                                                    // JSON Body: a model serialised straight into bytes, or bytes serialised earlier
                                                    *response.body_mut() = BoxBody::new(Full::new(body.into_bytes().expect("impossible to fail to serialize")));

                                                },
                                                GetMeResponse::Unauthorized
                                                    (body)
                                                => {
                                                    *response.status_mut() = StatusCode::from_u16(401).expect("Unable to turn 401 into a StatusCode");
                                                    response.headers_mut().insert(
                                                        CONTENT_TYPE,
                                                        HeaderValue::from_static("application/json"));
                                                    // JSON Body: a model serialised straight into bytes, or bytes serialised earlier
                                                    *response.body_mut() = BoxBody::new(Full::new(body.into_bytes().expect("impossible to fail to serialize")));

                                                },
                                                GetMeResponse::NotFound
                                                    (body)
                                                => {
                                                    *response.status_mut() = StatusCode::from_u16(404).expect("Unable to turn 404 into a StatusCode");
                                                    response.headers_mut().insert(
                                                        CONTENT_TYPE,
                                                        HeaderValue::from_static("application/json"));
                                                    // JSON Body: a model serialised straight into bytes, or bytes serialised earlier
                                                    *response.body_mut() = BoxBody::new(Full::new(body.into_bytes().expect("impossible to fail to serialize")));

                                                },
                                                GetMeResponse::RequestTimeout
                                                    (body)
                                                => {
                                                    *response.status_mut() = StatusCode::from_u16(408).expect("Unable to turn 408 into a StatusCode");
                                                    response.headers_mut().insert(
                                                        CONTENT_TYPE,
                                                        HeaderValue::from_static("application/json"));
                                                    // JSON Body: a model serialised straight into bytes, or bytes serialised earlier
                                                    *response.body_mut() = BoxBody::new(Full::new(body.into_bytes().expect("impossible to fail to serialize")));

                                                },
                                                GetMeResponse::PayloadTooLarge
                                                    (body)
                                                => {
                                                    *response.status_mut() = StatusCode::from_u16(413).expect("Unable to turn 413 into a StatusCode");
                                                    response.headers_mut().insert(
                                                        CONTENT_TYPE,
                                                        HeaderValue::from_static("application/json"));
                                                    // JSON Body: a model serialised straight into bytes, or bytes serialised earlier
                                                    *response.body_mut() = BoxBody::new(Full::new(body.into_bytes().expect("impossible to fail to serialize")));

                                                },
                                            },
                                            Err(_) => {
                                                // Application code returned an error. This should not happen, as the implementation should
                                                // return a valid response.
                                                *response.status_mut() = StatusCode::INTERNAL_SERVER_ERROR;
                                                response.headers_mut().insert(
                                                    CONTENT_TYPE,
                                                    HeaderValue::from_static("text/plain"),
                                                );
                                                *response.body_mut() = body_from_str("An internal error occurred");
                                            },
                                        }

                                        Ok(response)
}

#[allow(unused_variables)]
async fn handle_login<T, C, ReqBody>(
    mut api_impl: T,
    uri: hyper::Uri,
    headers: HeaderMap,
    body: ReqBody,
    context: C,
    validation: bool,
    path_match: paths::Matched,
) -> Result<Response<BoxBody<Bytes, Infallible>>, crate::ServiceError>
where
    T: Api<C> + Clone + Send + 'static,
    C: Has<XSpanIdString>  + Send + Sync + 'static,
    ReqBody: Body + Send + 'static,
    ReqBody::Error: Into<Box<dyn Error + Send + Sync>> + Send,
    ReqBody::Data: Send,
{
                // Handle body parameters (note that non-required body parameters will ignore garbage
                // values, rather than causing a 400 response). Produce warning header and logs for
                // any unused fields.
                let result = http_body_util::BodyExt::collect(body).await.map(|f| f.to_bytes().to_vec());
                match result {
                     Ok(body) => {
                                let mut unused_elements : Vec<String> = vec![];
                                let param_body: Option<models::LoginRequest> = if !body.is_empty() {
                                    let deserializer = &mut serde_json::Deserializer::from_slice(&body);
                                    match serde_ignored::deserialize(deserializer, |path| {
                                            warn!("Ignoring unknown field in body: {path}");
                                            unused_elements.push(path.to_string());
                                    }) {
                                        Ok(param_body) => param_body,
                                        Err(e) => return Ok(Response::builder()
                                                        .status(StatusCode::BAD_REQUEST)
                                                        .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                                                        .body(BoxBody::new(format!("Couldn't parse body parameter body - doesn't match schema: {e}")))
                                                        .expect("Unable to create Bad Request response for invalid body parameter body due to schema")),
                                    }

                                } else {
                                    None
                                };
                                let param_body = match param_body {
                                    Some(param_body) => param_body,
                                    None => return Ok(Response::builder()
                                                        .status(StatusCode::BAD_REQUEST)
                                                        .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                                                        .body(BoxBody::new("Missing required body parameter body".to_string()))
                                                        .expect("Unable to create Bad Request response for missing body parameter body")),
                                };
        #[cfg(not(feature = "validate"))]
                                run_validation!(param_body, "body", validation);

                                let result = api_impl.login(
                                            param_body,
                                        &context
                                    ).await;
                                let mut response = Response::new(BoxBody::new(http_body_util::Empty::new()));
                                response.headers_mut().insert(
                                            HeaderName::from_static("x-span-id"),
                                            HeaderValue::from_str((&context as &dyn Has<XSpanIdString>).get().0.as_str())
                                                .expect("Unable to create X-Span-ID header value"));

                                        if !unused_elements.is_empty() {
                                            response.headers_mut().insert(
                                                HeaderName::from_static("warning"),
                                                HeaderValue::from_str(format!("Ignoring unknown fields in body: {unused_elements:?}").as_str())
                                                    .expect("Unable to create Warning header value"));
                                        }
                                        match result {
                                            Ok(rsp) => match rsp {
                                                LoginResponse::LoggedIn
                                                    {
                                                        body,
                                                        token
                                                    }
                                                => {
                                                    *response.status_mut() = StatusCode::from_u16(200).expect("Unable to turn 200 into a StatusCode");

                                                    if let Some(token) = token {
                                                    let token = match header::IntoHeaderValue(token).try_into() {
                                                        Ok(val) => val,
                                                        Err(e) => {
                                                            return Ok(Response::builder()
                                                                    .status(StatusCode::INTERNAL_SERVER_ERROR)
                                                                    .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                                                                    .body(body_from_string(format!("An internal server error occurred handling token header - {e}")))
                                                                    .expect("Unable to create Internal Server Error for invalid response header"))
                                                        }
                                                    };

                                                    response.headers_mut().insert(
                                                        HeaderName::from_static("token"),
                                                        token
                                                    );
                                                    }
                                                    response.headers_mut().insert(
                                                        CONTENT_TYPE,
                                                        HeaderValue::from_static("application/json"));
                                                    // JSON Body: a model serialised straight into bytes, or bytes serialised earlier
                                                    *response.body_mut() = BoxBody::new(Full::new(body.into_bytes().expect("impossible to fail to serialize")));

                                                },
                                                LoginResponse::BadRequest
                                                    (body)
                                                => {
                                                    *response.status_mut() = StatusCode::from_u16(400).expect("Unable to turn 400 into a StatusCode");
                                                    response.headers_mut().insert(
                                                        CONTENT_TYPE,
                                                        HeaderValue::from_static("application/json"));
                                                    // JSON Body: a model serialised straight into bytes, or bytes serialised earlier
                                                    *response.body_mut() = BoxBody::new(Full::new(body.into_bytes().expect("impossible to fail to serialize")));

                                                },
                                                LoginResponse::InvalidCredentials
                                                    (body)
                                                => {
                                                    *response.status_mut() = StatusCode::from_u16(401).expect("Unable to turn 401 into a StatusCode");
                                                    response.headers_mut().insert(
                                                        CONTENT_TYPE,
                                                        HeaderValue::from_static("application/json"));
                                                    // JSON Body: a model serialised straight into bytes, or bytes serialised earlier
                                                    *response.body_mut() = BoxBody::new(Full::new(body.into_bytes().expect("impossible to fail to serialize")));

                                                },
                                                LoginResponse::NotFound
                                                    (body)
                                                => {
                                                    *response.status_mut() = StatusCode::from_u16(404).expect("Unable to turn 404 into a StatusCode");
                                                    response.headers_mut().insert(
                                                        CONTENT_TYPE,
                                                        HeaderValue::from_static("application/json"));
                                                    // JSON Body: a model serialised straight into bytes, or bytes serialised earlier
                                                    *response.body_mut() = BoxBody::new(Full::new(body.into_bytes().expect("impossible to fail to serialize")));

                                                },
                                                LoginResponse::RequestTimeout
                                                    (body)
                                                => {
                                                    *response.status_mut() = StatusCode::from_u16(408).expect("Unable to turn 408 into a StatusCode");
                                                    response.headers_mut().insert(
                                                        CONTENT_TYPE,
                                                        HeaderValue::from_static("application/json"));
                                                    // JSON Body: a model serialised straight into bytes, or bytes serialised earlier
                                                    *response.body_mut() = BoxBody::new(Full::new(body.into_bytes().expect("impossible to fail to serialize")));

                                                },
                                                LoginResponse::PayloadTooLarge
                                                    (body)
                                                => {
                                                    *response.status_mut() = StatusCode::from_u16(413).expect("Unable to turn 413 into a StatusCode");
                                                    response.headers_mut().insert(
                                                        CONTENT_TYPE,
                                                        HeaderValue::from_static("application/json"));
                                                    // JSON Body: a model serialised straight into bytes, or bytes serialised earlier
                                                    *response.body_mut() = BoxBody::new(Full::new(body.into_bytes().expect("impossible to fail to serialize")));

                                                },
                                                LoginResponse::TooManyRequests
                                                    {
                                                        body,
                                                        retry_after
                                                    }
                                                => {
                                                    *response.status_mut() = StatusCode::from_u16(429).expect("Unable to turn 429 into a StatusCode");

                                                    if let Some(retry_after) = retry_after {
                                                    let retry_after = match header::IntoHeaderValue(retry_after).try_into() {
                                                        Ok(val) => val,
                                                        Err(e) => {
                                                            return Ok(Response::builder()
                                                                    .status(StatusCode::INTERNAL_SERVER_ERROR)
                                                                    .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                                                                    .body(body_from_string(format!("An internal server error occurred handling retry_after header - {e}")))
                                                                    .expect("Unable to create Internal Server Error for invalid response header"))
                                                        }
                                                    };

                                                    response.headers_mut().insert(
                                                        HeaderName::from_static("retry-after"),
                                                        retry_after
                                                    );
                                                    }
                                                    response.headers_mut().insert(
                                                        CONTENT_TYPE,
                                                        HeaderValue::from_static("application/json"));
                                                    // JSON Body: a model serialised straight into bytes, or bytes serialised earlier
                                                    *response.body_mut() = BoxBody::new(Full::new(body.into_bytes().expect("impossible to fail to serialize")));

                                                },
                                            },
                                            Err(_) => {
                                                // Application code returned an error. This should not happen, as the implementation should
                                                // return a valid response.
                                                *response.status_mut() = StatusCode::INTERNAL_SERVER_ERROR;
                                                response.headers_mut().insert(
                                                    CONTENT_TYPE,
                                                    HeaderValue::from_static("text/plain"),
                                                );
                                                *response.body_mut() = body_from_str("An internal error occurred");
                                            },
                                        }

                                        Ok(response)
                            },
                            Err(e) => Ok(Response::builder()
                                                .status(StatusCode::BAD_REQUEST)
                                                .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                                                .body(body_from_string(format!("Unable to read body: {}", e.into())))
                                                .expect("Unable to create Bad Request response due to unable to read body")),
                        }
}

#[allow(unused_variables)]
async fn handle_logout<T, C, ReqBody>(
    mut api_impl: T,
    uri: hyper::Uri,
    headers: HeaderMap,
    body: ReqBody,
    context: C,
    validation: bool,
    path_match: paths::Matched,
) -> Result<Response<BoxBody<Bytes, Infallible>>, crate::ServiceError>
where
    T: Api<C> + Clone + Send + 'static,
    C: Has<XSpanIdString>  + Send + Sync + 'static,
    ReqBody: Body + Send + 'static,
    ReqBody::Error: Into<Box<dyn Error + Send + Sync>> + Send,
    ReqBody::Data: Send,
{
                                let result = api_impl.logout(
                                        &context
                                    ).await;
                                let mut response = Response::new(BoxBody::new(http_body_util::Empty::new()));
                                response.headers_mut().insert(
                                            HeaderName::from_static("x-span-id"),
                                            HeaderValue::from_str((&context as &dyn Has<XSpanIdString>).get().0.as_str())
                                                .expect("Unable to create X-Span-ID header value"));

                                        match result {
                                            Ok(rsp) => match rsp {
                                                LogoutResponse::LoggedOut
                                                    (body)
                                                => {
                                                    *response.status_mut() = StatusCode::from_u16(200).expect("Unable to turn 200 into a StatusCode");
                                                    response.headers_mut().insert(
                                                        CONTENT_TYPE,
                                                        HeaderValue::from_static("application/json"));
                                                    // JSON Body: a model serialised straight into bytes, or bytes serialised earlier
                                                    *response.body_mut() = BoxBody::new(Full::new(body.into_bytes().expect("impossible to fail to serialize")));

                                                },
                                                LogoutResponse::Unauthorized
                                                    (body)
                                                => {
                                                    *response.status_mut() = StatusCode::from_u16(401).expect("Unable to turn 401 into a StatusCode");
                                                    response.headers_mut().insert(
                                                        CONTENT_TYPE,
                                                        HeaderValue::from_static("application/json"));
                                                    // JSON Body: a model serialised straight into bytes, or bytes serialised earlier
                                                    *response.body_mut() = BoxBody::new(Full::new(body.into_bytes().expect("impossible to fail to serialize")));

                                                },
                                                LogoutResponse::NotFound
                                                    (body)
                                                => {
                                                    *response.status_mut() = StatusCode::from_u16(404).expect("Unable to turn 404 into a StatusCode");
                                                    response.headers_mut().insert(
                                                        CONTENT_TYPE,
                                                        HeaderValue::from_static("application/json"));
                                                    // JSON Body: a model serialised straight into bytes, or bytes serialised earlier
                                                    *response.body_mut() = BoxBody::new(Full::new(body.into_bytes().expect("impossible to fail to serialize")));

                                                },
                                                LogoutResponse::RequestTimeout
                                                    (body)
                                                => {
                                                    *response.status_mut() = StatusCode::from_u16(408).expect("Unable to turn 408 into a StatusCode");
                                                    response.headers_mut().insert(
                                                        CONTENT_TYPE,
                                                        HeaderValue::from_static("application/json"));
                                                    // JSON Body: a model serialised straight into bytes, or bytes serialised earlier
                                                    *response.body_mut() = BoxBody::new(Full::new(body.into_bytes().expect("impossible to fail to serialize")));

                                                },
                                                LogoutResponse::PayloadTooLarge
                                                    (body)
                                                => {
                                                    *response.status_mut() = StatusCode::from_u16(413).expect("Unable to turn 413 into a StatusCode");
                                                    response.headers_mut().insert(
                                                        CONTENT_TYPE,
                                                        HeaderValue::from_static("application/json"));
                                                    // JSON Body: a model serialised straight into bytes, or bytes serialised earlier
                                                    *response.body_mut() = BoxBody::new(Full::new(body.into_bytes().expect("impossible to fail to serialize")));

                                                },
                                            },
                                            Err(_) => {
                                                // Application code returned an error. This should not happen, as the implementation should
                                                // return a valid response.
                                                *response.status_mut() = StatusCode::INTERNAL_SERVER_ERROR;
                                                response.headers_mut().insert(
                                                    CONTENT_TYPE,
                                                    HeaderValue::from_static("text/plain"),
                                                );
                                                *response.body_mut() = body_from_str("An internal error occurred");
                                            },
                                        }

                                        Ok(response)
}

#[allow(unused_variables)]
async fn handle_get_user_audits<T, C, ReqBody>(
    mut api_impl: T,
    uri: hyper::Uri,
    headers: HeaderMap,
    body: ReqBody,
    context: C,
    validation: bool,
    path_match: paths::Matched,
) -> Result<Response<BoxBody<Bytes, Infallible>>, crate::ServiceError>
where
    T: Api<C> + Clone + Send + 'static,
    C: Has<XSpanIdString> + Has<Option<Authorization>> + Send + Sync + 'static,
    ReqBody: Body + Send + 'static,
    ReqBody::Error: Into<Box<dyn Error + Send + Sync>> + Send,
    ReqBody::Data: Send,
{
                {
                    let authorization = match *(&context as &dyn Has<Option<Authorization>>).get() {
                        Some(ref authorization) => authorization,
                        None => return Ok(Response::builder()
                                                .status(StatusCode::FORBIDDEN)
                                                .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                                                .body(body_from_str("Unauthenticated"))
                                                .expect("Unable to create Authentication Forbidden response")),
                    };
                }

                // Path parameters, from the request's one route match
                let path_params = path_match.params(paths::ID_USERS_USER_ID_AUDITS, uri.path());

                let param_user_id = match percent_encoding::percent_decode(path_params["user_id"].as_bytes()).decode_utf8() {
                    Ok(param_user_id) => match param_user_id.parse::<String>() {
                        Ok(param_user_id) => param_user_id,
                        Err(e) => return Ok(Response::builder()
                                        .status(StatusCode::BAD_REQUEST)
                                        .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                                        .body(body_from_string(format!("Couldn't parse path parameter user_id: {e}")))
                                        .expect("Unable to create Bad Request response for invalid path parameter")),
                    },
                    Err(_) => return Ok(Response::builder()
                                        .status(StatusCode::BAD_REQUEST)
                                        .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                                        .body(body_from_string(format!("Couldn't percent-decode path parameter as UTF-8: {}", &path_params["user_id"])))
                                        .expect("Unable to create Bad Request response for invalid percent decode"))
                };

                // Query parameters (note that non-required or collection query parameters will ignore garbage values, rather than causing a 400 response)
                let query_params = form_urlencoded::parse(uri.query().unwrap_or_default().as_bytes()).collect::<Vec<_>>();
                let param_page = query_params.iter().filter(|e| e.0 == "page").map(|e| e.1.clone())
                    .next();
                let param_page = match param_page {
                    Some(param_page) => {
                        let param_page =
                            <i32 as std::str::FromStr>::from_str
                                (&param_page);
                        match param_page {
                            Ok(param_page) => Some(param_page),
                            Err(e) => return Ok(Response::builder()
                                .status(StatusCode::BAD_REQUEST)
                                .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                                .body(body_from_string(format!("Couldn't parse query parameter page - doesn't match schema: {e}")))
                                .expect("Unable to create Bad Request response for invalid query parameter page")),
                        }
                    },
                    None => None,
                };
                let param_per_page = query_params.iter().filter(|e| e.0 == "per_page").map(|e| e.1.clone())
                    .next();
                let param_per_page = match param_per_page {
                    Some(param_per_page) => {
                        let param_per_page =
                            <i32 as std::str::FromStr>::from_str
                                (&param_per_page);
                        match param_per_page {
                            Ok(param_per_page) => Some(param_per_page),
                            Err(e) => return Ok(Response::builder()
                                .status(StatusCode::BAD_REQUEST)
                                .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                                .body(body_from_string(format!("Couldn't parse query parameter per_page - doesn't match schema: {e}")))
                                .expect("Unable to create Bad Request response for invalid query parameter per_page")),
                        }
                    },
                    None => None,
                };

                                let result = api_impl.get_user_audits(
                                            param_user_id,
                                            param_page,
                                            param_per_page,
                                        &context
                                    ).await;
                                let mut response = Response::new(BoxBody::new(http_body_util::Empty::new()));
                                response.headers_mut().insert(
                                            HeaderName::from_static("x-span-id"),
                                            HeaderValue::from_str((&context as &dyn Has<XSpanIdString>).get().0.as_str())
                                                .expect("Unable to create X-Span-ID header value"));

                                        match result {
                                            Ok(rsp) => match rsp {
                                                GetUserAuditsResponse::Audits
                                                    (body)
                                                => {
                                                    *response.status_mut() = StatusCode::from_u16(200).expect("Unable to turn 200 into a StatusCode");
                                                    response.headers_mut().insert(
                                                        CONTENT_TYPE,
                                                        HeaderValue::from_static("application/json"));
                                                    // JSON Body: a model serialised straight into bytes, or bytes serialised earlier
                                                    *response.body_mut() = BoxBody::new(Full::new(body.into_bytes().expect("impossible to fail to serialize")));

                                                },
                                                GetUserAuditsResponse::BadRequest
                                                    (body)
                                                => {
                                                    *response.status_mut() = StatusCode::from_u16(400).expect("Unable to turn 400 into a StatusCode");
                                                    response.headers_mut().insert(
                                                        CONTENT_TYPE,
                                                        HeaderValue::from_static("application/json"));
                                                    // JSON Body: a model serialised straight into bytes, or bytes serialised earlier
                                                    *response.body_mut() = BoxBody::new(Full::new(body.into_bytes().expect("impossible to fail to serialize")));

                                                },
                                                GetUserAuditsResponse::Unauthorized
                                                    (body)
                                                => {
                                                    *response.status_mut() = StatusCode::from_u16(401).expect("Unable to turn 401 into a StatusCode");
                                                    response.headers_mut().insert(
                                                        CONTENT_TYPE,
                                                        HeaderValue::from_static("application/json"));
                                                    // JSON Body: a model serialised straight into bytes, or bytes serialised earlier
                                                    *response.body_mut() = BoxBody::new(Full::new(body.into_bytes().expect("impossible to fail to serialize")));

                                                },
                                                GetUserAuditsResponse::Forbidden
                                                    (body)
                                                => {
                                                    *response.status_mut() = StatusCode::from_u16(403).expect("Unable to turn 403 into a StatusCode");
                                                    response.headers_mut().insert(
                                                        CONTENT_TYPE,
                                                        HeaderValue::from_static("application/json"));
                                                    // JSON Body: a model serialised straight into bytes, or bytes serialised earlier
                                                    *response.body_mut() = BoxBody::new(Full::new(body.into_bytes().expect("impossible to fail to serialize")));

                                                },
                                                GetUserAuditsResponse::NotFound
                                                    (body)
                                                => {
                                                    *response.status_mut() = StatusCode::from_u16(404).expect("Unable to turn 404 into a StatusCode");
                                                    response.headers_mut().insert(
                                                        CONTENT_TYPE,
                                                        HeaderValue::from_static("application/json"));
                                                    // JSON Body: a model serialised straight into bytes, or bytes serialised earlier
                                                    *response.body_mut() = BoxBody::new(Full::new(body.into_bytes().expect("impossible to fail to serialize")));

                                                },
                                                GetUserAuditsResponse::RequestTimeout
                                                    (body)
                                                => {
                                                    *response.status_mut() = StatusCode::from_u16(408).expect("Unable to turn 408 into a StatusCode");
                                                    response.headers_mut().insert(
                                                        CONTENT_TYPE,
                                                        HeaderValue::from_static("application/json"));
                                                    // JSON Body: a model serialised straight into bytes, or bytes serialised earlier
                                                    *response.body_mut() = BoxBody::new(Full::new(body.into_bytes().expect("impossible to fail to serialize")));

                                                },
                                                GetUserAuditsResponse::PayloadTooLarge
                                                    (body)
                                                => {
                                                    *response.status_mut() = StatusCode::from_u16(413).expect("Unable to turn 413 into a StatusCode");
                                                    response.headers_mut().insert(
                                                        CONTENT_TYPE,
                                                        HeaderValue::from_static("application/json"));
                                                    // JSON Body: a model serialised straight into bytes, or bytes serialised earlier
                                                    *response.body_mut() = BoxBody::new(Full::new(body.into_bytes().expect("impossible to fail to serialize")));

                                                },
                                            },
                                            Err(_) => {
                                                // Application code returned an error. This should not happen, as the implementation should
                                                // return a valid response.
                                                *response.status_mut() = StatusCode::INTERNAL_SERVER_ERROR;
                                                response.headers_mut().insert(
                                                    CONTENT_TYPE,
                                                    HeaderValue::from_static("text/plain"),
                                                );
                                                *response.body_mut() = body_from_str("An internal error occurred");
                                            },
                                        }

                                        Ok(response)
}

#[allow(unused_variables)]
async fn handle_get_user_by_username<T, C, ReqBody>(
    mut api_impl: T,
    uri: hyper::Uri,
    headers: HeaderMap,
    body: ReqBody,
    context: C,
    validation: bool,
    path_match: paths::Matched,
) -> Result<Response<BoxBody<Bytes, Infallible>>, crate::ServiceError>
where
    T: Api<C> + Clone + Send + 'static,
    C: Has<XSpanIdString> + Has<Option<Authorization>> + Send + Sync + 'static,
    ReqBody: Body + Send + 'static,
    ReqBody::Error: Into<Box<dyn Error + Send + Sync>> + Send,
    ReqBody::Data: Send,
{
                {
                    let authorization = match *(&context as &dyn Has<Option<Authorization>>).get() {
                        Some(ref authorization) => authorization,
                        None => return Ok(Response::builder()
                                                .status(StatusCode::FORBIDDEN)
                                                .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                                                .body(body_from_str("Unauthenticated"))
                                                .expect("Unable to create Authentication Forbidden response")),
                    };
                }

                // Path parameters, from the request's one route match
                let path_params = path_match.params(paths::ID_USERS_USERNAME_USERNAME, uri.path());

                let param_username = match percent_encoding::percent_decode(path_params["username"].as_bytes()).decode_utf8() {
                    Ok(param_username) => match param_username.parse::<String>() {
                        Ok(param_username) => param_username,
                        Err(e) => return Ok(Response::builder()
                                        .status(StatusCode::BAD_REQUEST)
                                        .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                                        .body(body_from_string(format!("Couldn't parse path parameter username: {e}")))
                                        .expect("Unable to create Bad Request response for invalid path parameter")),
                    },
                    Err(_) => return Ok(Response::builder()
                                        .status(StatusCode::BAD_REQUEST)
                                        .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                                        .body(body_from_string(format!("Couldn't percent-decode path parameter as UTF-8: {}", &path_params["username"])))
                                        .expect("Unable to create Bad Request response for invalid percent decode"))
                };

                                let result = api_impl.get_user_by_username(
                                            param_username,
                                        &context
                                    ).await;
                                let mut response = Response::new(BoxBody::new(http_body_util::Empty::new()));
                                response.headers_mut().insert(
                                            HeaderName::from_static("x-span-id"),
                                            HeaderValue::from_str((&context as &dyn Has<XSpanIdString>).get().0.as_str())
                                                .expect("Unable to create X-Span-ID header value"));

                                        match result {
                                            Ok(rsp) => match rsp {
                                                GetUserByUsernameResponse::User
                                                    (body)
                                                => {
                                                    *response.status_mut() = StatusCode::from_u16(200).expect("Unable to turn 200 into a StatusCode");
                                                    response.headers_mut().insert(
                                                        CONTENT_TYPE,
                                                        HeaderValue::from_static("application/json"));
                                                    // JSON Body: a model serialised straight into bytes, or bytes serialised earlier
                                                    *response.body_mut() = BoxBody::new(Full::new(body.into_bytes().expect("impossible to fail to serialize")));

                                                },
                                                GetUserByUsernameResponse::BadRequest
                                                    (body)
                                                => {
                                                    *response.status_mut() = StatusCode::from_u16(400).expect("Unable to turn 400 into a StatusCode");
                                                    response.headers_mut().insert(
                                                        CONTENT_TYPE,
                                                        HeaderValue::from_static("application/json"));
                                                    // JSON Body: a model serialised straight into bytes, or bytes serialised earlier
                                                    *response.body_mut() = BoxBody::new(Full::new(body.into_bytes().expect("impossible to fail to serialize")));

                                                },
                                                GetUserByUsernameResponse::Unauthorized
                                                    (body)
                                                => {
                                                    *response.status_mut() = StatusCode::from_u16(401).expect("Unable to turn 401 into a StatusCode");
                                                    response.headers_mut().insert(
                                                        CONTENT_TYPE,
                                                        HeaderValue::from_static("application/json"));
                                                    // JSON Body: a model serialised straight into bytes, or bytes serialised earlier
                                                    *response.body_mut() = BoxBody::new(Full::new(body.into_bytes().expect("impossible to fail to serialize")));

                                                },
                                                GetUserByUsernameResponse::Forbidden
                                                    (body)
                                                => {
                                                    *response.status_mut() = StatusCode::from_u16(403).expect("Unable to turn 403 into a StatusCode");
                                                    response.headers_mut().insert(
                                                        CONTENT_TYPE,
                                                        HeaderValue::from_static("application/json"));
                                                    // JSON Body: a model serialised straight into bytes, or bytes serialised earlier
                                                    *response.body_mut() = BoxBody::new(Full::new(body.into_bytes().expect("impossible to fail to serialize")));

                                                },
                                                GetUserByUsernameResponse::UserNotFound
                                                    (body)
                                                => {
                                                    *response.status_mut() = StatusCode::from_u16(404).expect("Unable to turn 404 into a StatusCode");
                                                    response.headers_mut().insert(
                                                        CONTENT_TYPE,
                                                        HeaderValue::from_static("application/json"));
                                                    // JSON Body: a model serialised straight into bytes, or bytes serialised earlier
                                                    *response.body_mut() = BoxBody::new(Full::new(body.into_bytes().expect("impossible to fail to serialize")));

                                                },
                                                GetUserByUsernameResponse::RequestTimeout
                                                    (body)
                                                => {
                                                    *response.status_mut() = StatusCode::from_u16(408).expect("Unable to turn 408 into a StatusCode");
                                                    response.headers_mut().insert(
                                                        CONTENT_TYPE,
                                                        HeaderValue::from_static("application/json"));
                                                    // JSON Body: a model serialised straight into bytes, or bytes serialised earlier
                                                    *response.body_mut() = BoxBody::new(Full::new(body.into_bytes().expect("impossible to fail to serialize")));

                                                },
                                                GetUserByUsernameResponse::PayloadTooLarge
                                                    (body)
                                                => {
                                                    *response.status_mut() = StatusCode::from_u16(413).expect("Unable to turn 413 into a StatusCode");
                                                    response.headers_mut().insert(
                                                        CONTENT_TYPE,
                                                        HeaderValue::from_static("application/json"));
                                                    // JSON Body: a model serialised straight into bytes, or bytes serialised earlier
                                                    *response.body_mut() = BoxBody::new(Full::new(body.into_bytes().expect("impossible to fail to serialize")));

                                                },
                                            },
                                            Err(_) => {
                                                // Application code returned an error. This should not happen, as the implementation should
                                                // return a valid response.
                                                *response.status_mut() = StatusCode::INTERNAL_SERVER_ERROR;
                                                response.headers_mut().insert(
                                                    CONTENT_TYPE,
                                                    HeaderValue::from_static("text/plain"),
                                                );
                                                *response.body_mut() = body_from_str("An internal error occurred");
                                            },
                                        }

                                        Ok(response)
}

#[allow(unused_variables)]
async fn handle_update_user_active<T, C, ReqBody>(
    mut api_impl: T,
    uri: hyper::Uri,
    headers: HeaderMap,
    body: ReqBody,
    context: C,
    validation: bool,
    path_match: paths::Matched,
) -> Result<Response<BoxBody<Bytes, Infallible>>, crate::ServiceError>
where
    T: Api<C> + Clone + Send + 'static,
    C: Has<XSpanIdString> + Has<Option<Authorization>> + Send + Sync + 'static,
    ReqBody: Body + Send + 'static,
    ReqBody::Error: Into<Box<dyn Error + Send + Sync>> + Send,
    ReqBody::Data: Send,
{
                {
                    let authorization = match *(&context as &dyn Has<Option<Authorization>>).get() {
                        Some(ref authorization) => authorization,
                        None => return Ok(Response::builder()
                                                .status(StatusCode::FORBIDDEN)
                                                .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                                                .body(body_from_str("Unauthenticated"))
                                                .expect("Unable to create Authentication Forbidden response")),
                    };
                }

                // Path parameters, from the request's one route match
                let path_params = path_match.params(paths::ID_USERS_USER_ID_ACTIVE, uri.path());

                let param_user_id = match percent_encoding::percent_decode(path_params["user_id"].as_bytes()).decode_utf8() {
                    Ok(param_user_id) => match param_user_id.parse::<String>() {
                        Ok(param_user_id) => param_user_id,
                        Err(e) => return Ok(Response::builder()
                                        .status(StatusCode::BAD_REQUEST)
                                        .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                                        .body(body_from_string(format!("Couldn't parse path parameter user_id: {e}")))
                                        .expect("Unable to create Bad Request response for invalid path parameter")),
                    },
                    Err(_) => return Ok(Response::builder()
                                        .status(StatusCode::BAD_REQUEST)
                                        .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                                        .body(body_from_string(format!("Couldn't percent-decode path parameter as UTF-8: {}", &path_params["user_id"])))
                                        .expect("Unable to create Bad Request response for invalid percent decode"))
                };

                // Handle body parameters (note that non-required body parameters will ignore garbage
                // values, rather than causing a 400 response). Produce warning header and logs for
                // any unused fields.
                let result = http_body_util::BodyExt::collect(body).await.map(|f| f.to_bytes().to_vec());
                match result {
                     Ok(body) => {
                                let mut unused_elements : Vec<String> = vec![];
                                let param_body: Option<models::UpdateUserActiveRequest> = if !body.is_empty() {
                                    let deserializer = &mut serde_json::Deserializer::from_slice(&body);
                                    match serde_ignored::deserialize(deserializer, |path| {
                                            warn!("Ignoring unknown field in body: {path}");
                                            unused_elements.push(path.to_string());
                                    }) {
                                        Ok(param_body) => param_body,
                                        Err(e) => return Ok(Response::builder()
                                                        .status(StatusCode::BAD_REQUEST)
                                                        .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                                                        .body(BoxBody::new(format!("Couldn't parse body parameter body - doesn't match schema: {e}")))
                                                        .expect("Unable to create Bad Request response for invalid body parameter body due to schema")),
                                    }

                                } else {
                                    None
                                };
                                let param_body = match param_body {
                                    Some(param_body) => param_body,
                                    None => return Ok(Response::builder()
                                                        .status(StatusCode::BAD_REQUEST)
                                                        .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                                                        .body(BoxBody::new("Missing required body parameter body".to_string()))
                                                        .expect("Unable to create Bad Request response for missing body parameter body")),
                                };
        #[cfg(not(feature = "validate"))]
                                run_validation!(param_body, "body", validation);

                                let result = api_impl.update_user_active(
                                            param_user_id,
                                            param_body,
                                        &context
                                    ).await;
                                let mut response = Response::new(BoxBody::new(http_body_util::Empty::new()));
                                response.headers_mut().insert(
                                            HeaderName::from_static("x-span-id"),
                                            HeaderValue::from_str((&context as &dyn Has<XSpanIdString>).get().0.as_str())
                                                .expect("Unable to create X-Span-ID header value"));

                                        if !unused_elements.is_empty() {
                                            response.headers_mut().insert(
                                                HeaderName::from_static("warning"),
                                                HeaderValue::from_str(format!("Ignoring unknown fields in body: {unused_elements:?}").as_str())
                                                    .expect("Unable to create Warning header value"));
                                        }
                                        match result {
                                            Ok(rsp) => match rsp {
                                                UpdateUserActiveResponse::Updated
                                                    (body)
                                                => {
                                                    *response.status_mut() = StatusCode::from_u16(200).expect("Unable to turn 200 into a StatusCode");
                                                    response.headers_mut().insert(
                                                        CONTENT_TYPE,
                                                        HeaderValue::from_static("application/json"));
                                                    // JSON Body: a model serialised straight into bytes, or bytes serialised earlier
                                                    *response.body_mut() = BoxBody::new(Full::new(body.into_bytes().expect("impossible to fail to serialize")));

                                                },
                                                UpdateUserActiveResponse::BadRequest
                                                    (body)
                                                => {
                                                    *response.status_mut() = StatusCode::from_u16(400).expect("Unable to turn 400 into a StatusCode");
                                                    response.headers_mut().insert(
                                                        CONTENT_TYPE,
                                                        HeaderValue::from_static("application/json"));
                                                    // JSON Body: a model serialised straight into bytes, or bytes serialised earlier
                                                    *response.body_mut() = BoxBody::new(Full::new(body.into_bytes().expect("impossible to fail to serialize")));

                                                },
                                                UpdateUserActiveResponse::Unauthorized
                                                    (body)
                                                => {
                                                    *response.status_mut() = StatusCode::from_u16(401).expect("Unable to turn 401 into a StatusCode");
                                                    response.headers_mut().insert(
                                                        CONTENT_TYPE,
                                                        HeaderValue::from_static("application/json"));
                                                    // JSON Body: a model serialised straight into bytes, or bytes serialised earlier
                                                    *response.body_mut() = BoxBody::new(Full::new(body.into_bytes().expect("impossible to fail to serialize")));

                                                },
                                                UpdateUserActiveResponse::Forbidden
                                                    (body)
                                                => {
                                                    *response.status_mut() = StatusCode::from_u16(403).expect("Unable to turn 403 into a StatusCode");
                                                    response.headers_mut().insert(
                                                        CONTENT_TYPE,
                                                        HeaderValue::from_static("application/json"));
                                                    // JSON Body: a model serialised straight into bytes, or bytes serialised earlier
                                                    *response.body_mut() = BoxBody::new(Full::new(body.into_bytes().expect("impossible to fail to serialize")));

                                                },
                                                UpdateUserActiveResponse::UserNotFound
                                                    (body)
                                                => {
                                                    *response.status_mut() = StatusCode::from_u16(404).expect("Unable to turn 404 into a StatusCode");
                                                    response.headers_mut().insert(
                                                        CONTENT_TYPE,
                                                        HeaderValue::from_static("application/json"));
                                                    // JSON Body: a model serialised straight into bytes, or bytes serialised earlier
                                                    *response.body_mut() = BoxBody::new(Full::new(body.into_bytes().expect("impossible to fail to serialize")));

                                                },
                                                UpdateUserActiveResponse::RequestTimeout
                                                    (body)
                                                => {
                                                    *response.status_mut() = StatusCode::from_u16(408).expect("Unable to turn 408 into a StatusCode");
                                                    response.headers_mut().insert(
                                                        CONTENT_TYPE,
                                                        HeaderValue::from_static("application/json"));
                                                    // JSON Body: a model serialised straight into bytes, or bytes serialised earlier
                                                    *response.body_mut() = BoxBody::new(Full::new(body.into_bytes().expect("impossible to fail to serialize")));

                                                },
                                                UpdateUserActiveResponse::PayloadTooLarge
                                                    (body)
                                                => {
                                                    *response.status_mut() = StatusCode::from_u16(413).expect("Unable to turn 413 into a StatusCode");
                                                    response.headers_mut().insert(
                                                        CONTENT_TYPE,
                                                        HeaderValue::from_static("application/json"));
                                                    // JSON Body: a model serialised straight into bytes, or bytes serialised earlier
                                                    *response.body_mut() = BoxBody::new(Full::new(body.into_bytes().expect("impossible to fail to serialize")));

                                                },
                                            },
                                            Err(_) => {
                                                // Application code returned an error. This should not happen, as the implementation should
                                                // return a valid response.
                                                *response.status_mut() = StatusCode::INTERNAL_SERVER_ERROR;
                                                response.headers_mut().insert(
                                                    CONTENT_TYPE,
                                                    HeaderValue::from_static("text/plain"),
                                                );
                                                *response.body_mut() = body_from_str("An internal error occurred");
                                            },
                                        }

                                        Ok(response)
                            },
                            Err(e) => Ok(Response::builder()
                                                .status(StatusCode::BAD_REQUEST)
                                                .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                                                .body(body_from_string(format!("Unable to read body: {}", e.into())))
                                                .expect("Unable to create Bad Request response due to unable to read body")),
                        }
}

#[allow(unused_variables)]
async fn handle_update_user_auth<T, C, ReqBody>(
    mut api_impl: T,
    uri: hyper::Uri,
    headers: HeaderMap,
    body: ReqBody,
    context: C,
    validation: bool,
    path_match: paths::Matched,
) -> Result<Response<BoxBody<Bytes, Infallible>>, crate::ServiceError>
where
    T: Api<C> + Clone + Send + 'static,
    C: Has<XSpanIdString> + Has<Option<Authorization>> + Send + Sync + 'static,
    ReqBody: Body + Send + 'static,
    ReqBody::Error: Into<Box<dyn Error + Send + Sync>> + Send,
    ReqBody::Data: Send,
{
                {
                    let authorization = match *(&context as &dyn Has<Option<Authorization>>).get() {
                        Some(ref authorization) => authorization,
                        None => return Ok(Response::builder()
                                                .status(StatusCode::FORBIDDEN)
                                                .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                                                .body(body_from_str("Unauthenticated"))
                                                .expect("Unable to create Authentication Forbidden response")),
                    };
                }

                // Path parameters, from the request's one route match
                let path_params = path_match.params(paths::ID_USERS_USER_ID_AUTH, uri.path());

                let param_user_id = match percent_encoding::percent_decode(path_params["user_id"].as_bytes()).decode_utf8() {
                    Ok(param_user_id) => match param_user_id.parse::<String>() {
                        Ok(param_user_id) => param_user_id,
                        Err(e) => return Ok(Response::builder()
                                        .status(StatusCode::BAD_REQUEST)
                                        .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                                        .body(body_from_string(format!("Couldn't parse path parameter user_id: {e}")))
                                        .expect("Unable to create Bad Request response for invalid path parameter")),
                    },
                    Err(_) => return Ok(Response::builder()
                                        .status(StatusCode::BAD_REQUEST)
                                        .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                                        .body(body_from_string(format!("Couldn't percent-decode path parameter as UTF-8: {}", &path_params["user_id"])))
                                        .expect("Unable to create Bad Request response for invalid percent decode"))
                };

                // Handle body parameters (note that non-required body parameters will ignore garbage
                // values, rather than causing a 400 response). Produce warning header and logs for
                // any unused fields.
                let result = http_body_util::BodyExt::collect(body).await.map(|f| f.to_bytes().to_vec());
                match result {
                     Ok(body) => {
                                let mut unused_elements : Vec<String> = vec![];
                                let param_body: Option<models::UserAuth> = if !body.is_empty() {
                                    let deserializer = &mut serde_json::Deserializer::from_slice(&body);
                                    match serde_ignored::deserialize(deserializer, |path| {
                                            warn!("Ignoring unknown field in body: {path}");
                                            unused_elements.push(path.to_string());
                                    }) {
                                        Ok(param_body) => param_body,
                                        Err(e) => return Ok(Response::builder()
                                                        .status(StatusCode::BAD_REQUEST)
                                                        .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                                                        .body(BoxBody::new(format!("Couldn't parse body parameter body - doesn't match schema: {e}")))
                                                        .expect("Unable to create Bad Request response for invalid body parameter body due to schema")),
                                    }

                                } else {
                                    None
                                };
                                let param_body = match param_body {
                                    Some(param_body) => param_body,
                                    None => return Ok(Response::builder()
                                                        .status(StatusCode::BAD_REQUEST)
                                                        .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                                                        .body(BoxBody::new("Missing required body parameter body".to_string()))
                                                        .expect("Unable to create Bad Request response for missing body parameter body")),
                                };
        #[cfg(not(feature = "validate"))]
                                run_validation!(param_body, "body", validation);

                                let result = api_impl.update_user_auth(
                                            param_user_id,
                                            param_body,
                                        &context
                                    ).await;
                                let mut response = Response::new(BoxBody::new(http_body_util::Empty::new()));
                                response.headers_mut().insert(
                                            HeaderName::from_static("x-span-id"),
                                            HeaderValue::from_str((&context as &dyn Has<XSpanIdString>).get().0.as_str())
                                                .expect("Unable to create X-Span-ID header value"));

                                        if !unused_elements.is_empty() {
                                            response.headers_mut().insert(
                                                HeaderName::from_static("warning"),
                                                HeaderValue::from_str(format!("Ignoring unknown fields in body: {unused_elements:?}").as_str())
                                                    .expect("Unable to create Warning header value"));
                                        }
                                        match result {
                                            Ok(rsp) => match rsp {
                                                UpdateUserAuthResponse::Updated
                                                    (body)
                                                => {
                                                    *response.status_mut() = StatusCode::from_u16(200).expect("Unable to turn 200 into a StatusCode");
                                                    response.headers_mut().insert(
                                                        CONTENT_TYPE,
                                                        HeaderValue::from_static("application/json"));
                                                    // JSON Body: a model serialised straight into bytes, or bytes serialised earlier
                                                    *response.body_mut() = BoxBody::new(Full::new(body.into_bytes().expect("impossible to fail to serialize")));

                                                },
                                                UpdateUserAuthResponse::BadRequest
                                                    (body)
                                                => {
                                                    *response.status_mut() = StatusCode::from_u16(400).expect("Unable to turn 400 into a StatusCode");
                                                    response.headers_mut().insert(
                                                        CONTENT_TYPE,
                                                        HeaderValue::from_static("application/json"));
                                                    // JSON Body: a model serialised straight into bytes, or bytes serialised earlier
                                                    *response.body_mut() = BoxBody::new(Full::new(body.into_bytes().expect("impossible to fail to serialize")));

                                                },
                                                UpdateUserAuthResponse::Unauthorized
                                                    (body)
                                                => {
                                                    *response.status_mut() = StatusCode::from_u16(401).expect("Unable to turn 401 into a StatusCode");
                                                    response.headers_mut().insert(
                                                        CONTENT_TYPE,
                                                        HeaderValue::from_static("application/json"));
                                                    // JSON Body: a model serialised straight into bytes, or bytes serialised earlier
                                                    *response.body_mut() = BoxBody::new(Full::new(body.into_bytes().expect("impossible to fail to serialize")));

                                                },
                                                UpdateUserAuthResponse::Forbidden
                                                    (body)
                                                => {
                                                    *response.status_mut() = StatusCode::from_u16(403).expect("Unable to turn 403 into a StatusCode");
                                                    response.headers_mut().insert(
                                                        CONTENT_TYPE,
                                                        HeaderValue::from_static("application/json"));
                                                    // JSON Body: a model serialised straight into bytes, or bytes serialised earlier
                                                    *response.body_mut() = BoxBody::new(Full::new(body.into_bytes().expect("impossible to fail to serialize")));

                                                },
                                                UpdateUserAuthResponse::UserNotFound
                                                    (body)
                                                => {
                                                    *response.status_mut() = StatusCode::from_u16(404).expect("Unable to turn 404 into a StatusCode");
                                                    response.headers_mut().insert(
                                                        CONTENT_TYPE,
                                                        HeaderValue::from_static("application/json"));
                                                    // JSON Body: a model serialised straight into bytes, or bytes serialised earlier
                                                    *response.body_mut() = BoxBody::new(Full::new(body.into_bytes().expect("impossible to fail to serialize")));

                                                },
                                                UpdateUserAuthResponse::RequestTimeout
                                                    (body)
                                                => {
                                                    *response.status_mut() = StatusCode::from_u16(408).expect("Unable to turn 408 into a StatusCode");
                                                    response.headers_mut().insert(
                                                        CONTENT_TYPE,
                                                        HeaderValue::from_static("application/json"));
                                                    // JSON Body: a model serialised straight into bytes, or bytes serialised earlier
                                                    *response.body_mut() = BoxBody::new(Full::new(body.into_bytes().expect("impossible to fail to serialize")));

                                                },
                                                UpdateUserAuthResponse::PayloadTooLarge
                                                    (body)
                                                => {
                                                    *response.status_mut() = StatusCode::from_u16(413).expect("Unable to turn 413 into a StatusCode");
                                                    response.headers_mut().insert(
                                                        CONTENT_TYPE,
                                                        HeaderValue::from_static("application/json"));
                                                    // JSON Body: a model serialised straight into bytes, or bytes serialised earlier
                                                    *response.body_mut() = BoxBody::new(Full::new(body.into_bytes().expect("impossible to fail to serialize")));

                                                },
                                            },
                                            Err(_) => {
                                                // Application code returned an error. This should not happen, as the implementation should
                                                // return a valid response.
                                                *response.status_mut() = StatusCode::INTERNAL_SERVER_ERROR;
                                                response.headers_mut().insert(
                                                    CONTENT_TYPE,
                                                    HeaderValue::from_static("text/plain"),
                                                );
                                                *response.body_mut() = body_from_str("An internal error occurred");
                                            },
                                        }

                                        Ok(response)
                            },
                            Err(e) => Ok(Response::builder()
                                                .status(StatusCode::BAD_REQUEST)
                                                .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                                                .body(body_from_string(format!("Unable to read body: {}", e.into())))
                                                .expect("Unable to create Bad Request response due to unable to read body")),
                        }
}

#[allow(unused_variables)]
async fn handle_update_user_password<T, C, ReqBody>(
    mut api_impl: T,
    uri: hyper::Uri,
    headers: HeaderMap,
    body: ReqBody,
    context: C,
    validation: bool,
    path_match: paths::Matched,
) -> Result<Response<BoxBody<Bytes, Infallible>>, crate::ServiceError>
where
    T: Api<C> + Clone + Send + 'static,
    C: Has<XSpanIdString> + Has<Option<Authorization>> + Send + Sync + 'static,
    ReqBody: Body + Send + 'static,
    ReqBody::Error: Into<Box<dyn Error + Send + Sync>> + Send,
    ReqBody::Data: Send,
{
                {
                    let authorization = match *(&context as &dyn Has<Option<Authorization>>).get() {
                        Some(ref authorization) => authorization,
                        None => return Ok(Response::builder()
                                                .status(StatusCode::FORBIDDEN)
                                                .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                                                .body(body_from_str("Unauthenticated"))
                                                .expect("Unable to create Authentication Forbidden response")),
                    };
                }

                // Path parameters, from the request's one route match
                let path_params = path_match.params(paths::ID_USERS_USER_ID_PASSWORD, uri.path());

                let param_user_id = match percent_encoding::percent_decode(path_params["user_id"].as_bytes()).decode_utf8() {
                    Ok(param_user_id) => match param_user_id.parse::<String>() {
                        Ok(param_user_id) => param_user_id,
                        Err(e) => return Ok(Response::builder()
                                        .status(StatusCode::BAD_REQUEST)
                                        .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                                        .body(body_from_string(format!("Couldn't parse path parameter user_id: {e}")))
                                        .expect("Unable to create Bad Request response for invalid path parameter")),
                    },
                    Err(_) => return Ok(Response::builder()
                                        .status(StatusCode::BAD_REQUEST)
                                        .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                                        .body(body_from_string(format!("Couldn't percent-decode path parameter as UTF-8: {}", &path_params["user_id"])))
                                        .expect("Unable to create Bad Request response for invalid percent decode"))
                };

                // Handle body parameters (note that non-required body parameters will ignore garbage
                // values, rather than causing a 400 response). Produce warning header and logs for
                // any unused fields.
                let result = http_body_util::BodyExt::collect(body).await.map(|f| f.to_bytes().to_vec());
                match result {
                     Ok(body) => {
                                let mut unused_elements : Vec<String> = vec![];
                                let param_body: Option<models::UpdatePasswordRequest> = if !body.is_empty() {
                                    let deserializer = &mut serde_json::Deserializer::from_slice(&body);
                                    match serde_ignored::deserialize(deserializer, |path| {
                                            warn!("Ignoring unknown field in body: {path}");
                                            unused_elements.push(path.to_string());
                                    }) {
                                        Ok(param_body) => param_body,
                                        Err(e) => return Ok(Response::builder()
                                                        .status(StatusCode::BAD_REQUEST)
                                                        .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                                                        .body(BoxBody::new(format!("Couldn't parse body parameter body - doesn't match schema: {e}")))
                                                        .expect("Unable to create Bad Request response for invalid body parameter body due to schema")),
                                    }

                                } else {
                                    None
                                };
                                let param_body = match param_body {
                                    Some(param_body) => param_body,
                                    None => return Ok(Response::builder()
                                                        .status(StatusCode::BAD_REQUEST)
                                                        .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                                                        .body(BoxBody::new("Missing required body parameter body".to_string()))
                                                        .expect("Unable to create Bad Request response for missing body parameter body")),
                                };
        #[cfg(not(feature = "validate"))]
                                run_validation!(param_body, "body", validation);

                                let result = api_impl.update_user_password(
                                            param_user_id,
                                            param_body,
                                        &context
                                    ).await;
                                let mut response = Response::new(BoxBody::new(http_body_util::Empty::new()));
                                response.headers_mut().insert(
                                            HeaderName::from_static("x-span-id"),
                                            HeaderValue::from_str((&context as &dyn Has<XSpanIdString>).get().0.as_str())
                                                .expect("Unable to create X-Span-ID header value"));

                                        if !unused_elements.is_empty() {
                                            response.headers_mut().insert(
                                                HeaderName::from_static("warning"),
                                                HeaderValue::from_str(format!("Ignoring unknown fields in body: {unused_elements:?}").as_str())
                                                    .expect("Unable to create Warning header value"));
                                        }
                                        match result {
                                            Ok(rsp) => match rsp {
                                                UpdateUserPasswordResponse::Updated
                                                    (body)
                                                => {
                                                    *response.status_mut() = StatusCode::from_u16(200).expect("Unable to turn 200 into a StatusCode");
                                                    response.headers_mut().insert(
                                                        CONTENT_TYPE,
                                                        HeaderValue::from_static("application/json"));
                                                    // JSON Body: a model serialised straight into bytes, or bytes serialised earlier
                                                    *response.body_mut() = BoxBody::new(Full::new(body.into_bytes().expect("impossible to fail to serialize")));

                                                },
                                                UpdateUserPasswordResponse::BadRequest
                                                    (body)
                                                => {
                                                    *response.status_mut() = StatusCode::from_u16(400).expect("Unable to turn 400 into a StatusCode");
                                                    response.headers_mut().insert(
                                                        CONTENT_TYPE,
                                                        HeaderValue::from_static("application/json"));
                                                    // JSON Body: a model serialised straight into bytes, or bytes serialised earlier
                                                    *response.body_mut() = BoxBody::new(Full::new(body.into_bytes().expect("impossible to fail to serialize")));

                                                },
                                                UpdateUserPasswordResponse::Unauthorized
                                                    (body)
                                                => {
                                                    *response.status_mut() = StatusCode::from_u16(401).expect("Unable to turn 401 into a StatusCode");
                                                    response.headers_mut().insert(
                                                        CONTENT_TYPE,
                                                        HeaderValue::from_static("application/json"));
                                                    // JSON Body: a model serialised straight into bytes, or bytes serialised earlier
                                                    *response.body_mut() = BoxBody::new(Full::new(body.into_bytes().expect("impossible to fail to serialize")));

                                                },
                                                UpdateUserPasswordResponse::Forbidden
                                                    (body)
                                                => {
                                                    *response.status_mut() = StatusCode::from_u16(403).expect("Unable to turn 403 into a StatusCode");
                                                    response.headers_mut().insert(
                                                        CONTENT_TYPE,
                                                        HeaderValue::from_static("application/json"));
                                                    // JSON Body: a model serialised straight into bytes, or bytes serialised earlier
                                                    *response.body_mut() = BoxBody::new(Full::new(body.into_bytes().expect("impossible to fail to serialize")));

                                                },
                                                UpdateUserPasswordResponse::NotFound
                                                    (body)
                                                => {
                                                    *response.status_mut() = StatusCode::from_u16(404).expect("Unable to turn 404 into a StatusCode");
                                                    response.headers_mut().insert(
                                                        CONTENT_TYPE,
                                                        HeaderValue::from_static("application/json"));
                                                    // JSON Body: a model serialised straight into bytes, or bytes serialised earlier
                                                    *response.body_mut() = BoxBody::new(Full::new(body.into_bytes().expect("impossible to fail to serialize")));

                                                },
                                                UpdateUserPasswordResponse::RequestTimeout
                                                    (body)
                                                => {
                                                    *response.status_mut() = StatusCode::from_u16(408).expect("Unable to turn 408 into a StatusCode");
                                                    response.headers_mut().insert(
                                                        CONTENT_TYPE,
                                                        HeaderValue::from_static("application/json"));
                                                    // JSON Body: a model serialised straight into bytes, or bytes serialised earlier
                                                    *response.body_mut() = BoxBody::new(Full::new(body.into_bytes().expect("impossible to fail to serialize")));

                                                },
                                                UpdateUserPasswordResponse::PayloadTooLarge
                                                    (body)
                                                => {
                                                    *response.status_mut() = StatusCode::from_u16(413).expect("Unable to turn 413 into a StatusCode");
                                                    response.headers_mut().insert(
                                                        CONTENT_TYPE,
                                                        HeaderValue::from_static("application/json"));
                                                    // JSON Body: a model serialised straight into bytes, or bytes serialised earlier
                                                    *response.body_mut() = BoxBody::new(Full::new(body.into_bytes().expect("impossible to fail to serialize")));

                                                },
                                                UpdateUserPasswordResponse::TooManyRequests
                                                    {
                                                        body,
                                                        retry_after
                                                    }
                                                => {
                                                    *response.status_mut() = StatusCode::from_u16(429).expect("Unable to turn 429 into a StatusCode");

                                                    if let Some(retry_after) = retry_after {
                                                    let retry_after = match header::IntoHeaderValue(retry_after).try_into() {
                                                        Ok(val) => val,
                                                        Err(e) => {
                                                            return Ok(Response::builder()
                                                                    .status(StatusCode::INTERNAL_SERVER_ERROR)
                                                                    .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                                                                    .body(body_from_string(format!("An internal server error occurred handling retry_after header - {e}")))
                                                                    .expect("Unable to create Internal Server Error for invalid response header"))
                                                        }
                                                    };

                                                    response.headers_mut().insert(
                                                        HeaderName::from_static("retry-after"),
                                                        retry_after
                                                    );
                                                    }
                                                    response.headers_mut().insert(
                                                        CONTENT_TYPE,
                                                        HeaderValue::from_static("application/json"));
                                                    // JSON Body: a model serialised straight into bytes, or bytes serialised earlier
                                                    *response.body_mut() = BoxBody::new(Full::new(body.into_bytes().expect("impossible to fail to serialize")));

                                                },
                                            },
                                            Err(_) => {
                                                // Application code returned an error. This should not happen, as the implementation should
                                                // return a valid response.
                                                *response.status_mut() = StatusCode::INTERNAL_SERVER_ERROR;
                                                response.headers_mut().insert(
                                                    CONTENT_TYPE,
                                                    HeaderValue::from_static("text/plain"),
                                                );
                                                *response.body_mut() = body_from_str("An internal error occurred");
                                            },
                                        }

                                        Ok(response)
                            },
                            Err(e) => Ok(Response::builder()
                                                .status(StatusCode::BAD_REQUEST)
                                                .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                                                .body(body_from_string(format!("Unable to read body: {}", e.into())))
                                                .expect("Unable to create Bad Request response due to unable to read body")),
                        }
}

#[allow(unused_variables)]
async fn handle_update_user_roles<T, C, ReqBody>(
    mut api_impl: T,
    uri: hyper::Uri,
    headers: HeaderMap,
    body: ReqBody,
    context: C,
    validation: bool,
    path_match: paths::Matched,
) -> Result<Response<BoxBody<Bytes, Infallible>>, crate::ServiceError>
where
    T: Api<C> + Clone + Send + 'static,
    C: Has<XSpanIdString> + Has<Option<Authorization>> + Send + Sync + 'static,
    ReqBody: Body + Send + 'static,
    ReqBody::Error: Into<Box<dyn Error + Send + Sync>> + Send,
    ReqBody::Data: Send,
{
                {
                    let authorization = match *(&context as &dyn Has<Option<Authorization>>).get() {
                        Some(ref authorization) => authorization,
                        None => return Ok(Response::builder()
                                                .status(StatusCode::FORBIDDEN)
                                                .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                                                .body(body_from_str("Unauthenticated"))
                                                .expect("Unable to create Authentication Forbidden response")),
                    };
                }

                // Path parameters, from the request's one route match
                let path_params = path_match.params(paths::ID_USERS_USER_ID_ROLES, uri.path());

                let param_user_id = match percent_encoding::percent_decode(path_params["user_id"].as_bytes()).decode_utf8() {
                    Ok(param_user_id) => match param_user_id.parse::<String>() {
                        Ok(param_user_id) => param_user_id,
                        Err(e) => return Ok(Response::builder()
                                        .status(StatusCode::BAD_REQUEST)
                                        .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                                        .body(body_from_string(format!("Couldn't parse path parameter user_id: {e}")))
                                        .expect("Unable to create Bad Request response for invalid path parameter")),
                    },
                    Err(_) => return Ok(Response::builder()
                                        .status(StatusCode::BAD_REQUEST)
                                        .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                                        .body(body_from_string(format!("Couldn't percent-decode path parameter as UTF-8: {}", &path_params["user_id"])))
                                        .expect("Unable to create Bad Request response for invalid percent decode"))
                };

                // Handle body parameters (note that non-required body parameters will ignore garbage
                // values, rather than causing a 400 response). Produce warning header and logs for
                // any unused fields.
                let result = http_body_util::BodyExt::collect(body).await.map(|f| f.to_bytes().to_vec());
                match result {
                     Ok(body) => {
                                let mut unused_elements : Vec<String> = vec![];
                                let param_body: Option<models::UpdateRolesRequest> = if !body.is_empty() {
                                    let deserializer = &mut serde_json::Deserializer::from_slice(&body);
                                    match serde_ignored::deserialize(deserializer, |path| {
                                            warn!("Ignoring unknown field in body: {path}");
                                            unused_elements.push(path.to_string());
                                    }) {
                                        Ok(param_body) => param_body,
                                        Err(e) => return Ok(Response::builder()
                                                        .status(StatusCode::BAD_REQUEST)
                                                        .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                                                        .body(BoxBody::new(format!("Couldn't parse body parameter body - doesn't match schema: {e}")))
                                                        .expect("Unable to create Bad Request response for invalid body parameter body due to schema")),
                                    }

                                } else {
                                    None
                                };
                                let param_body = match param_body {
                                    Some(param_body) => param_body,
                                    None => return Ok(Response::builder()
                                                        .status(StatusCode::BAD_REQUEST)
                                                        .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                                                        .body(BoxBody::new("Missing required body parameter body".to_string()))
                                                        .expect("Unable to create Bad Request response for missing body parameter body")),
                                };
        #[cfg(not(feature = "validate"))]
                                run_validation!(param_body, "body", validation);

                                let result = api_impl.update_user_roles(
                                            param_user_id,
                                            param_body,
                                        &context
                                    ).await;
                                let mut response = Response::new(BoxBody::new(http_body_util::Empty::new()));
                                response.headers_mut().insert(
                                            HeaderName::from_static("x-span-id"),
                                            HeaderValue::from_str((&context as &dyn Has<XSpanIdString>).get().0.as_str())
                                                .expect("Unable to create X-Span-ID header value"));

                                        if !unused_elements.is_empty() {
                                            response.headers_mut().insert(
                                                HeaderName::from_static("warning"),
                                                HeaderValue::from_str(format!("Ignoring unknown fields in body: {unused_elements:?}").as_str())
                                                    .expect("Unable to create Warning header value"));
                                        }
                                        match result {
                                            Ok(rsp) => match rsp {
                                                UpdateUserRolesResponse::Updated
                                                    (body)
                                                => {
                                                    *response.status_mut() = StatusCode::from_u16(200).expect("Unable to turn 200 into a StatusCode");
                                                    response.headers_mut().insert(
                                                        CONTENT_TYPE,
                                                        HeaderValue::from_static("application/json"));
                                                    // JSON Body: a model serialised straight into bytes, or bytes serialised earlier
                                                    *response.body_mut() = BoxBody::new(Full::new(body.into_bytes().expect("impossible to fail to serialize")));

                                                },
                                                UpdateUserRolesResponse::BadRequest
                                                    (body)
                                                => {
                                                    *response.status_mut() = StatusCode::from_u16(400).expect("Unable to turn 400 into a StatusCode");
                                                    response.headers_mut().insert(
                                                        CONTENT_TYPE,
                                                        HeaderValue::from_static("application/json"));
                                                    // JSON Body: a model serialised straight into bytes, or bytes serialised earlier
                                                    *response.body_mut() = BoxBody::new(Full::new(body.into_bytes().expect("impossible to fail to serialize")));

                                                },
                                                UpdateUserRolesResponse::Unauthorized
                                                    (body)
                                                => {
                                                    *response.status_mut() = StatusCode::from_u16(401).expect("Unable to turn 401 into a StatusCode");
                                                    response.headers_mut().insert(
                                                        CONTENT_TYPE,
                                                        HeaderValue::from_static("application/json"));
                                                    // JSON Body: a model serialised straight into bytes, or bytes serialised earlier
                                                    *response.body_mut() = BoxBody::new(Full::new(body.into_bytes().expect("impossible to fail to serialize")));

                                                },
                                                UpdateUserRolesResponse::Forbidden
                                                    (body)
                                                => {
                                                    *response.status_mut() = StatusCode::from_u16(403).expect("Unable to turn 403 into a StatusCode");
                                                    response.headers_mut().insert(
                                                        CONTENT_TYPE,
                                                        HeaderValue::from_static("application/json"));
                                                    // JSON Body: a model serialised straight into bytes, or bytes serialised earlier
                                                    *response.body_mut() = BoxBody::new(Full::new(body.into_bytes().expect("impossible to fail to serialize")));

                                                },
                                                UpdateUserRolesResponse::NotFound
                                                    (body)
                                                => {
                                                    *response.status_mut() = StatusCode::from_u16(404).expect("Unable to turn 404 into a StatusCode");
                                                    response.headers_mut().insert(
                                                        CONTENT_TYPE,
                                                        HeaderValue::from_static("application/json"));
                                                    // JSON Body: a model serialised straight into bytes, or bytes serialised earlier
                                                    *response.body_mut() = BoxBody::new(Full::new(body.into_bytes().expect("impossible to fail to serialize")));

                                                },
                                                UpdateUserRolesResponse::RequestTimeout
                                                    (body)
                                                => {
                                                    *response.status_mut() = StatusCode::from_u16(408).expect("Unable to turn 408 into a StatusCode");
                                                    response.headers_mut().insert(
                                                        CONTENT_TYPE,
                                                        HeaderValue::from_static("application/json"));
                                                    // JSON Body: a model serialised straight into bytes, or bytes serialised earlier
                                                    *response.body_mut() = BoxBody::new(Full::new(body.into_bytes().expect("impossible to fail to serialize")));

                                                },
                                                UpdateUserRolesResponse::PayloadTooLarge
                                                    (body)
                                                => {
                                                    *response.status_mut() = StatusCode::from_u16(413).expect("Unable to turn 413 into a StatusCode");
                                                    response.headers_mut().insert(
                                                        CONTENT_TYPE,
                                                        HeaderValue::from_static("application/json"));
                                                    // JSON Body: a model serialised straight into bytes, or bytes serialised earlier
                                                    *response.body_mut() = BoxBody::new(Full::new(body.into_bytes().expect("impossible to fail to serialize")));

                                                },
                                            },
                                            Err(_) => {
                                                // Application code returned an error. This should not happen, as the implementation should
                                                // return a valid response.
                                                *response.status_mut() = StatusCode::INTERNAL_SERVER_ERROR;
                                                response.headers_mut().insert(
                                                    CONTENT_TYPE,
                                                    HeaderValue::from_static("text/plain"),
                                                );
                                                *response.body_mut() = body_from_str("An internal error occurred");
                                            },
                                        }

                                        Ok(response)
                            },
                            Err(e) => Ok(Response::builder()
                                                .status(StatusCode::BAD_REQUEST)
                                                .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                                                .body(body_from_string(format!("Unable to read body: {}", e.into())))
                                                .expect("Unable to create Bad Request response due to unable to read body")),
                        }
}

/// The operation `method` runs on a path matched as `path`, and the id of the template it runs
/// under: the choice `Service::call_matched` makes.
pub fn operation_of(method: &hyper::Method, path: &paths::Matched) -> Option<(usize, &'static str)> {
    match *method {
        // AuthCheck - GET /auth/check
        hyper::Method::GET if path.matched(paths::ID_AUTH_CHECK) => Some((paths::ID_AUTH_CHECK, "AuthCheck")),
        // GenerateMfaSecret - POST /users/{user_id}/mfa/generate
        hyper::Method::POST if path.matched(paths::ID_USERS_USER_ID_MFA_GENERATE) => Some((paths::ID_USERS_USER_ID_MFA_GENERATE, "GenerateMfaSecret")),
        // UpdateUserMfa - PUT /users/{user_id}/mfa
        hyper::Method::PUT if path.matched(paths::ID_USERS_USER_ID_MFA) => Some((paths::ID_USERS_USER_ID_MFA, "UpdateUserMfa")),
        // AttachDevice - PUT /users/sessions/device
        hyper::Method::PUT if path.matched(paths::ID_USERS_SESSIONS_DEVICE) => Some((paths::ID_USERS_SESSIONS_DEVICE, "AttachDevice")),
        // RevokeSessionsForAllUsers - POST /users/sessions/revoke/all
        hyper::Method::POST if path.matched(paths::ID_USERS_SESSIONS_REVOKE_ALL) => Some((paths::ID_USERS_SESSIONS_REVOKE_ALL, "RevokeSessionsForAllUsers")),
        // GetSessions - GET /users/{user_id}/sessions
        hyper::Method::GET if path.matched(paths::ID_USERS_USER_ID_SESSIONS) => Some((paths::ID_USERS_USER_ID_SESSIONS, "GetSessions")),
        // RevokeAllSessions - POST /users/{user_id}/sessions/revoke/all
        hyper::Method::POST if path.matched(paths::ID_USERS_USER_ID_SESSIONS_REVOKE_ALL) => Some((paths::ID_USERS_USER_ID_SESSIONS_REVOKE_ALL, "RevokeAllSessions")),
        // RevokeSession - POST /users/{user_id}/sessions/revoke
        hyper::Method::POST if path.matched(paths::ID_USERS_USER_ID_SESSIONS_REVOKE) => Some((paths::ID_USERS_USER_ID_SESSIONS_REVOKE, "RevokeSession")),
        // Ping - GET /system/ping
        hyper::Method::GET if path.matched(paths::ID_SYSTEM_PING) => Some((paths::ID_SYSTEM_PING, "Ping")),
        // DisableUserAccessToken - POST /users/tokens/disable
        hyper::Method::POST if path.matched(paths::ID_USERS_TOKENS_DISABLE) => Some((paths::ID_USERS_TOKENS_DISABLE, "DisableUserAccessToken")),
        // EnableUserAccessToken - POST /users/tokens/enable
        hyper::Method::POST if path.matched(paths::ID_USERS_TOKENS_ENABLE) => Some((paths::ID_USERS_TOKENS_ENABLE, "EnableUserAccessToken")),
        // GetUserAccessTokens - GET /users/tokens
        hyper::Method::GET if path.matched(paths::ID_USERS_TOKENS) => Some((paths::ID_USERS_TOKENS, "GetUserAccessTokens")),
        // RevokeUserAccessToken - POST /users/tokens/revoke
        hyper::Method::POST if path.matched(paths::ID_USERS_TOKENS_REVOKE) => Some((paths::ID_USERS_TOKENS_REVOKE, "RevokeUserAccessToken")),
        // SearchUserAccessTokens - POST /users/tokens/search
        hyper::Method::POST if path.matched(paths::ID_USERS_TOKENS_SEARCH) => Some((paths::ID_USERS_TOKENS_SEARCH, "SearchUserAccessTokens")),
        // CreateUserAccessToken - POST /users/{user_id}/tokens
        hyper::Method::POST if path.matched(paths::ID_USERS_USER_ID_TOKENS) => Some((paths::ID_USERS_USER_ID_TOKENS, "CreateUserAccessToken")),
        // GetUserAccessToken - GET /users/tokens/{token_id}
        hyper::Method::GET if path.matched(paths::ID_USERS_TOKENS_TOKEN_ID) => Some((paths::ID_USERS_TOKENS_TOKEN_ID, "GetUserAccessToken")),
        // GetUserAccessTokensForUser - GET /users/{user_id}/tokens
        hyper::Method::GET if path.matched(paths::ID_USERS_USER_ID_TOKENS) => Some((paths::ID_USERS_USER_ID_TOKENS, "GetUserAccessTokensForUser")),
        // GetMe - GET /users/me
        hyper::Method::GET if path.matched(paths::ID_USERS_ME) => Some((paths::ID_USERS_ME, "GetMe")),
        // Login - POST /users/login
        hyper::Method::POST if path.matched(paths::ID_USERS_LOGIN) => Some((paths::ID_USERS_LOGIN, "Login")),
        // Logout - POST /users/logout
        hyper::Method::POST if path.matched(paths::ID_USERS_LOGOUT) => Some((paths::ID_USERS_LOGOUT, "Logout")),
        // GetUserAudits - GET /users/{user_id}/audits
        hyper::Method::GET if path.matched(paths::ID_USERS_USER_ID_AUDITS) => Some((paths::ID_USERS_USER_ID_AUDITS, "GetUserAudits")),
        // GetUserByUsername - GET /users/username/{username}
        hyper::Method::GET if path.matched(paths::ID_USERS_USERNAME_USERNAME) => Some((paths::ID_USERS_USERNAME_USERNAME, "GetUserByUsername")),
        // UpdateUserActive - PUT /users/{user_id}/active
        hyper::Method::PUT if path.matched(paths::ID_USERS_USER_ID_ACTIVE) => Some((paths::ID_USERS_USER_ID_ACTIVE, "UpdateUserActive")),
        // UpdateUserAuth - PUT /users/{user_id}/auth
        hyper::Method::PUT if path.matched(paths::ID_USERS_USER_ID_AUTH) => Some((paths::ID_USERS_USER_ID_AUTH, "UpdateUserAuth")),
        // UpdateUserPassword - PUT /users/{user_id}/password
        hyper::Method::PUT if path.matched(paths::ID_USERS_USER_ID_PASSWORD) => Some((paths::ID_USERS_USER_ID_PASSWORD, "UpdateUserPassword")),
        // UpdateUserRoles - PUT /users/{user_id}/roles
        hyper::Method::PUT if path.matched(paths::ID_USERS_USER_ID_ROLES) => Some((paths::ID_USERS_USER_ID_ROLES, "UpdateUserRoles")),
        _ => None,
    }
}

/// Request parser for `Api`.
pub struct ApiRequestParser;
impl<T> RequestParser<T> for ApiRequestParser {
    fn parse_operation_id(request: &Request<T>) -> Option<&'static str> {
        operation_of(request.method(), &paths::matches(request.uri().path())).map(|(_, id)| id)
    }
}
