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

mod paths {
    use lazy_static::lazy_static;

    lazy_static! {
        pub static ref GLOBAL_REGEX_SET: regex::RegexSet = regex::RegexSet::new(vec![
            r"^/api/v4/auth/check$",
            r"^/api/v4/system/ping$",
            r"^/api/v4/users/login$",
            r"^/api/v4/users/logout$",
            r"^/api/v4/users/me$",
            r"^/api/v4/users/sessions/device$",
            r"^/api/v4/users/sessions/revoke/all$",
            r"^/api/v4/users/tokens$",
            r"^/api/v4/users/tokens/disable$",
            r"^/api/v4/users/tokens/enable$",
            r"^/api/v4/users/tokens/revoke$",
            r"^/api/v4/users/tokens/search$",
            r"^/api/v4/users/tokens/(?P<token_id>[^/?#]*)$",
            r"^/api/v4/users/username/(?P<username>[^/?#]*)$",
            r"^/api/v4/users/(?P<user_id>[^/?#]*)/active$",
            r"^/api/v4/users/(?P<user_id>[^/?#]*)/audits$",
            r"^/api/v4/users/(?P<user_id>[^/?#]*)/auth$",
            r"^/api/v4/users/(?P<user_id>[^/?#]*)/mfa$",
            r"^/api/v4/users/(?P<user_id>[^/?#]*)/mfa/generate$",
            r"^/api/v4/users/(?P<user_id>[^/?#]*)/password$",
            r"^/api/v4/users/(?P<user_id>[^/?#]*)/roles$",
            r"^/api/v4/users/(?P<user_id>[^/?#]*)/sessions$",
            r"^/api/v4/users/(?P<user_id>[^/?#]*)/sessions/revoke$",
            r"^/api/v4/users/(?P<user_id>[^/?#]*)/sessions/revoke/all$",
            r"^/api/v4/users/(?P<user_id>[^/?#]*)/tokens$"
        ])
        .expect("Unable to create global regex set");
    }
    pub(crate) static ID_AUTH_CHECK: usize = 0;
    pub(crate) static ID_SYSTEM_PING: usize = 1;
    pub(crate) static ID_USERS_LOGIN: usize = 2;
    pub(crate) static ID_USERS_LOGOUT: usize = 3;
    pub(crate) static ID_USERS_ME: usize = 4;
    pub(crate) static ID_USERS_SESSIONS_DEVICE: usize = 5;
    pub(crate) static ID_USERS_SESSIONS_REVOKE_ALL: usize = 6;
    pub(crate) static ID_USERS_TOKENS: usize = 7;
    pub(crate) static ID_USERS_TOKENS_DISABLE: usize = 8;
    pub(crate) static ID_USERS_TOKENS_ENABLE: usize = 9;
    pub(crate) static ID_USERS_TOKENS_REVOKE: usize = 10;
    pub(crate) static ID_USERS_TOKENS_SEARCH: usize = 11;
    pub(crate) static ID_USERS_TOKENS_TOKEN_ID: usize = 12;
    lazy_static! {
        pub static ref REGEX_USERS_TOKENS_TOKEN_ID: regex::Regex =
            #[allow(clippy::invalid_regex)]
            regex::Regex::new(r"^/api/v4/users/tokens/(?P<token_id>[^/?#]*)$")
                .expect("Unable to create regex for USERS_TOKENS_TOKEN_ID");
    }
    pub(crate) static ID_USERS_USERNAME_USERNAME: usize = 13;
    lazy_static! {
        pub static ref REGEX_USERS_USERNAME_USERNAME: regex::Regex =
            #[allow(clippy::invalid_regex)]
            regex::Regex::new(r"^/api/v4/users/username/(?P<username>[^/?#]*)$")
                .expect("Unable to create regex for USERS_USERNAME_USERNAME");
    }
    pub(crate) static ID_USERS_USER_ID_ACTIVE: usize = 14;
    lazy_static! {
        pub static ref REGEX_USERS_USER_ID_ACTIVE: regex::Regex =
            #[allow(clippy::invalid_regex)]
            regex::Regex::new(r"^/api/v4/users/(?P<user_id>[^/?#]*)/active$")
                .expect("Unable to create regex for USERS_USER_ID_ACTIVE");
    }
    pub(crate) static ID_USERS_USER_ID_AUDITS: usize = 15;
    lazy_static! {
        pub static ref REGEX_USERS_USER_ID_AUDITS: regex::Regex =
            #[allow(clippy::invalid_regex)]
            regex::Regex::new(r"^/api/v4/users/(?P<user_id>[^/?#]*)/audits$")
                .expect("Unable to create regex for USERS_USER_ID_AUDITS");
    }
    pub(crate) static ID_USERS_USER_ID_AUTH: usize = 16;
    lazy_static! {
        pub static ref REGEX_USERS_USER_ID_AUTH: regex::Regex =
            #[allow(clippy::invalid_regex)]
            regex::Regex::new(r"^/api/v4/users/(?P<user_id>[^/?#]*)/auth$")
                .expect("Unable to create regex for USERS_USER_ID_AUTH");
    }
    pub(crate) static ID_USERS_USER_ID_MFA: usize = 17;
    lazy_static! {
        pub static ref REGEX_USERS_USER_ID_MFA: regex::Regex =
            #[allow(clippy::invalid_regex)]
            regex::Regex::new(r"^/api/v4/users/(?P<user_id>[^/?#]*)/mfa$")
                .expect("Unable to create regex for USERS_USER_ID_MFA");
    }
    pub(crate) static ID_USERS_USER_ID_MFA_GENERATE: usize = 18;
    lazy_static! {
        pub static ref REGEX_USERS_USER_ID_MFA_GENERATE: regex::Regex =
            #[allow(clippy::invalid_regex)]
            regex::Regex::new(r"^/api/v4/users/(?P<user_id>[^/?#]*)/mfa/generate$")
                .expect("Unable to create regex for USERS_USER_ID_MFA_GENERATE");
    }
    pub(crate) static ID_USERS_USER_ID_PASSWORD: usize = 19;
    lazy_static! {
        pub static ref REGEX_USERS_USER_ID_PASSWORD: regex::Regex =
            #[allow(clippy::invalid_regex)]
            regex::Regex::new(r"^/api/v4/users/(?P<user_id>[^/?#]*)/password$")
                .expect("Unable to create regex for USERS_USER_ID_PASSWORD");
    }
    pub(crate) static ID_USERS_USER_ID_ROLES: usize = 20;
    lazy_static! {
        pub static ref REGEX_USERS_USER_ID_ROLES: regex::Regex =
            #[allow(clippy::invalid_regex)]
            regex::Regex::new(r"^/api/v4/users/(?P<user_id>[^/?#]*)/roles$")
                .expect("Unable to create regex for USERS_USER_ID_ROLES");
    }
    pub(crate) static ID_USERS_USER_ID_SESSIONS: usize = 21;
    lazy_static! {
        pub static ref REGEX_USERS_USER_ID_SESSIONS: regex::Regex =
            #[allow(clippy::invalid_regex)]
            regex::Regex::new(r"^/api/v4/users/(?P<user_id>[^/?#]*)/sessions$")
                .expect("Unable to create regex for USERS_USER_ID_SESSIONS");
    }
    pub(crate) static ID_USERS_USER_ID_SESSIONS_REVOKE: usize = 22;
    lazy_static! {
        pub static ref REGEX_USERS_USER_ID_SESSIONS_REVOKE: regex::Regex =
            #[allow(clippy::invalid_regex)]
            regex::Regex::new(r"^/api/v4/users/(?P<user_id>[^/?#]*)/sessions/revoke$")
                .expect("Unable to create regex for USERS_USER_ID_SESSIONS_REVOKE");
    }
    pub(crate) static ID_USERS_USER_ID_SESSIONS_REVOKE_ALL: usize = 23;
    lazy_static! {
        pub static ref REGEX_USERS_USER_ID_SESSIONS_REVOKE_ALL: regex::Regex =
            #[allow(clippy::invalid_regex)]
            regex::Regex::new(r"^/api/v4/users/(?P<user_id>[^/?#]*)/sessions/revoke/all$")
                .expect("Unable to create regex for USERS_USER_ID_SESSIONS_REVOKE_ALL");
    }
    pub(crate) static ID_USERS_USER_ID_TOKENS: usize = 24;
    lazy_static! {
        pub static ref REGEX_USERS_USER_ID_TOKENS: regex::Regex =
            #[allow(clippy::invalid_regex)]
            regex::Regex::new(r"^/api/v4/users/(?P<user_id>[^/?#]*)/tokens$")
                .expect("Unable to create regex for USERS_USER_ID_TOKENS");
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
        async fn run<T, C, ReqBody>(
            mut api_impl: T,
            req: (Request<ReqBody>, C),
            validation: bool,
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
            let path = paths::GLOBAL_REGEX_SET.matches(uri.path());

            match method {

            // AuthCheck - GET /auth/check
            hyper::Method::GET if path.matched(paths::ID_AUTH_CHECK) => {
                handle_auth_check(api_impl, uri, headers, body, context, validation).await
            },

            // GenerateMfaSecret - POST /users/{user_id}/mfa/generate
            hyper::Method::POST if path.matched(paths::ID_USERS_USER_ID_MFA_GENERATE) => {
                handle_generate_mfa_secret(api_impl, uri, headers, body, context, validation).await
            },

            // UpdateUserMfa - PUT /users/{user_id}/mfa
            hyper::Method::PUT if path.matched(paths::ID_USERS_USER_ID_MFA) => {
                handle_update_user_mfa(api_impl, uri, headers, body, context, validation).await
            },

            // AttachDevice - PUT /users/sessions/device
            hyper::Method::PUT if path.matched(paths::ID_USERS_SESSIONS_DEVICE) => {
                handle_attach_device(api_impl, uri, headers, body, context, validation).await
            },

            // RevokeSessionsForAllUsers - POST /users/sessions/revoke/all
            hyper::Method::POST if path.matched(paths::ID_USERS_SESSIONS_REVOKE_ALL) => {
                handle_revoke_sessions_for_all_users(api_impl, uri, headers, body, context, validation).await
            },

            // GetSessions - GET /users/{user_id}/sessions
            hyper::Method::GET if path.matched(paths::ID_USERS_USER_ID_SESSIONS) => {
                handle_get_sessions(api_impl, uri, headers, body, context, validation).await
            },

            // RevokeAllSessions - POST /users/{user_id}/sessions/revoke/all
            hyper::Method::POST if path.matched(paths::ID_USERS_USER_ID_SESSIONS_REVOKE_ALL) => {
                handle_revoke_all_sessions(api_impl, uri, headers, body, context, validation).await
            },

            // RevokeSession - POST /users/{user_id}/sessions/revoke
            hyper::Method::POST if path.matched(paths::ID_USERS_USER_ID_SESSIONS_REVOKE) => {
                handle_revoke_session(api_impl, uri, headers, body, context, validation).await
            },

            // Ping - GET /system/ping
            hyper::Method::GET if path.matched(paths::ID_SYSTEM_PING) => {
                handle_ping(api_impl, uri, headers, body, context, validation).await
            },

            // DisableUserAccessToken - POST /users/tokens/disable
            hyper::Method::POST if path.matched(paths::ID_USERS_TOKENS_DISABLE) => {
                handle_disable_user_access_token(api_impl, uri, headers, body, context, validation).await
            },

            // EnableUserAccessToken - POST /users/tokens/enable
            hyper::Method::POST if path.matched(paths::ID_USERS_TOKENS_ENABLE) => {
                handle_enable_user_access_token(api_impl, uri, headers, body, context, validation).await
            },

            // GetUserAccessTokens - GET /users/tokens
            hyper::Method::GET if path.matched(paths::ID_USERS_TOKENS) => {
                handle_get_user_access_tokens(api_impl, uri, headers, body, context, validation).await
            },

            // RevokeUserAccessToken - POST /users/tokens/revoke
            hyper::Method::POST if path.matched(paths::ID_USERS_TOKENS_REVOKE) => {
                handle_revoke_user_access_token(api_impl, uri, headers, body, context, validation).await
            },

            // SearchUserAccessTokens - POST /users/tokens/search
            hyper::Method::POST if path.matched(paths::ID_USERS_TOKENS_SEARCH) => {
                handle_search_user_access_tokens(api_impl, uri, headers, body, context, validation).await
            },

            // CreateUserAccessToken - POST /users/{user_id}/tokens
            hyper::Method::POST if path.matched(paths::ID_USERS_USER_ID_TOKENS) => {
                handle_create_user_access_token(api_impl, uri, headers, body, context, validation).await
            },

            // GetUserAccessToken - GET /users/tokens/{token_id}
            hyper::Method::GET if path.matched(paths::ID_USERS_TOKENS_TOKEN_ID) => {
                handle_get_user_access_token(api_impl, uri, headers, body, context, validation).await
            },

            // GetUserAccessTokensForUser - GET /users/{user_id}/tokens
            hyper::Method::GET if path.matched(paths::ID_USERS_USER_ID_TOKENS) => {
                handle_get_user_access_tokens_for_user(api_impl, uri, headers, body, context, validation).await
            },

            // GetMe - GET /users/me
            hyper::Method::GET if path.matched(paths::ID_USERS_ME) => {
                handle_get_me(api_impl, uri, headers, body, context, validation).await
            },

            // Login - POST /users/login
            hyper::Method::POST if path.matched(paths::ID_USERS_LOGIN) => {
                handle_login(api_impl, uri, headers, body, context, validation).await
            },

            // Logout - POST /users/logout
            hyper::Method::POST if path.matched(paths::ID_USERS_LOGOUT) => {
                handle_logout(api_impl, uri, headers, body, context, validation).await
            },

            // GetUserAudits - GET /users/{user_id}/audits
            hyper::Method::GET if path.matched(paths::ID_USERS_USER_ID_AUDITS) => {
                handle_get_user_audits(api_impl, uri, headers, body, context, validation).await
            },

            // GetUserByUsername - GET /users/username/{username}
            hyper::Method::GET if path.matched(paths::ID_USERS_USERNAME_USERNAME) => {
                handle_get_user_by_username(api_impl, uri, headers, body, context, validation).await
            },

            // UpdateUserActive - PUT /users/{user_id}/active
            hyper::Method::PUT if path.matched(paths::ID_USERS_USER_ID_ACTIVE) => {
                handle_update_user_active(api_impl, uri, headers, body, context, validation).await
            },

            // UpdateUserAuth - PUT /users/{user_id}/auth
            hyper::Method::PUT if path.matched(paths::ID_USERS_USER_ID_AUTH) => {
                handle_update_user_auth(api_impl, uri, headers, body, context, validation).await
            },

            // UpdateUserPassword - PUT /users/{user_id}/password
            hyper::Method::PUT if path.matched(paths::ID_USERS_USER_ID_PASSWORD) => {
                handle_update_user_password(api_impl, uri, headers, body, context, validation).await
            },

            // UpdateUserRoles - PUT /users/{user_id}/roles
            hyper::Method::PUT if path.matched(paths::ID_USERS_USER_ID_ROLES) => {
                handle_update_user_roles(api_impl, uri, headers, body, context, validation).await
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
            self.validation
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
                                            HeaderValue::from_str((&context as &dyn Has<XSpanIdString>).get().0.clone().as_str())
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

                // Path parameters
                let path: &str = uri.path();
                let path_params =
                    paths::REGEX_USERS_USER_ID_MFA_GENERATE
                    .captures(path)
                    .unwrap_or_else(||
                        panic!("Path {} matched RE USERS_USER_ID_MFA_GENERATE in set but failed match against \"{}\"", path, paths::REGEX_USERS_USER_ID_MFA_GENERATE.as_str())
                    );

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
                                            HeaderValue::from_str((&context as &dyn Has<XSpanIdString>).get().0.clone().as_str())
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

                // Path parameters
                let path: &str = uri.path();
                let path_params =
                    paths::REGEX_USERS_USER_ID_MFA
                    .captures(path)
                    .unwrap_or_else(||
                        panic!("Path {} matched RE USERS_USER_ID_MFA in set but failed match against \"{}\"", path, paths::REGEX_USERS_USER_ID_MFA.as_str())
                    );

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
                                            HeaderValue::from_str((&context as &dyn Has<XSpanIdString>).get().0.clone().as_str())
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
                                            HeaderValue::from_str((&context as &dyn Has<XSpanIdString>).get().0.clone().as_str())
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
                                            HeaderValue::from_str((&context as &dyn Has<XSpanIdString>).get().0.clone().as_str())
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

                // Path parameters
                let path: &str = uri.path();
                let path_params =
                    paths::REGEX_USERS_USER_ID_SESSIONS
                    .captures(path)
                    .unwrap_or_else(||
                        panic!("Path {} matched RE USERS_USER_ID_SESSIONS in set but failed match against \"{}\"", path, paths::REGEX_USERS_USER_ID_SESSIONS.as_str())
                    );

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
                                            HeaderValue::from_str((&context as &dyn Has<XSpanIdString>).get().0.clone().as_str())
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

                // Path parameters
                let path: &str = uri.path();
                let path_params =
                    paths::REGEX_USERS_USER_ID_SESSIONS_REVOKE_ALL
                    .captures(path)
                    .unwrap_or_else(||
                        panic!("Path {} matched RE USERS_USER_ID_SESSIONS_REVOKE_ALL in set but failed match against \"{}\"", path, paths::REGEX_USERS_USER_ID_SESSIONS_REVOKE_ALL.as_str())
                    );

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
                                            HeaderValue::from_str((&context as &dyn Has<XSpanIdString>).get().0.clone().as_str())
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

                // Path parameters
                let path: &str = uri.path();
                let path_params =
                    paths::REGEX_USERS_USER_ID_SESSIONS_REVOKE
                    .captures(path)
                    .unwrap_or_else(||
                        panic!("Path {} matched RE USERS_USER_ID_SESSIONS_REVOKE in set but failed match against \"{}\"", path, paths::REGEX_USERS_USER_ID_SESSIONS_REVOKE.as_str())
                    );

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
                                            HeaderValue::from_str((&context as &dyn Has<XSpanIdString>).get().0.clone().as_str())
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
                                            HeaderValue::from_str((&context as &dyn Has<XSpanIdString>).get().0.clone().as_str())
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
                                            HeaderValue::from_str((&context as &dyn Has<XSpanIdString>).get().0.clone().as_str())
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
                                            HeaderValue::from_str((&context as &dyn Has<XSpanIdString>).get().0.clone().as_str())
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
                                            HeaderValue::from_str((&context as &dyn Has<XSpanIdString>).get().0.clone().as_str())
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
                                            HeaderValue::from_str((&context as &dyn Has<XSpanIdString>).get().0.clone().as_str())
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
                                            HeaderValue::from_str((&context as &dyn Has<XSpanIdString>).get().0.clone().as_str())
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

                // Path parameters
                let path: &str = uri.path();
                let path_params =
                    paths::REGEX_USERS_USER_ID_TOKENS
                    .captures(path)
                    .unwrap_or_else(||
                        panic!("Path {} matched RE USERS_USER_ID_TOKENS in set but failed match against \"{}\"", path, paths::REGEX_USERS_USER_ID_TOKENS.as_str())
                    );

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
                                            HeaderValue::from_str((&context as &dyn Has<XSpanIdString>).get().0.clone().as_str())
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

                // Path parameters
                let path: &str = uri.path();
                let path_params =
                    paths::REGEX_USERS_TOKENS_TOKEN_ID
                    .captures(path)
                    .unwrap_or_else(||
                        panic!("Path {} matched RE USERS_TOKENS_TOKEN_ID in set but failed match against \"{}\"", path, paths::REGEX_USERS_TOKENS_TOKEN_ID.as_str())
                    );

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
                                            HeaderValue::from_str((&context as &dyn Has<XSpanIdString>).get().0.clone().as_str())
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

                // Path parameters
                let path: &str = uri.path();
                let path_params =
                    paths::REGEX_USERS_USER_ID_TOKENS
                    .captures(path)
                    .unwrap_or_else(||
                        panic!("Path {} matched RE USERS_USER_ID_TOKENS in set but failed match against \"{}\"", path, paths::REGEX_USERS_USER_ID_TOKENS.as_str())
                    );

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
                                            HeaderValue::from_str((&context as &dyn Has<XSpanIdString>).get().0.clone().as_str())
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
                                            HeaderValue::from_str((&context as &dyn Has<XSpanIdString>).get().0.clone().as_str())
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
                                            HeaderValue::from_str((&context as &dyn Has<XSpanIdString>).get().0.clone().as_str())
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
                                            HeaderValue::from_str((&context as &dyn Has<XSpanIdString>).get().0.clone().as_str())
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

                // Path parameters
                let path: &str = uri.path();
                let path_params =
                    paths::REGEX_USERS_USER_ID_AUDITS
                    .captures(path)
                    .unwrap_or_else(||
                        panic!("Path {} matched RE USERS_USER_ID_AUDITS in set but failed match against \"{}\"", path, paths::REGEX_USERS_USER_ID_AUDITS.as_str())
                    );

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
                                            HeaderValue::from_str((&context as &dyn Has<XSpanIdString>).get().0.clone().as_str())
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

                // Path parameters
                let path: &str = uri.path();
                let path_params =
                    paths::REGEX_USERS_USERNAME_USERNAME
                    .captures(path)
                    .unwrap_or_else(||
                        panic!("Path {} matched RE USERS_USERNAME_USERNAME in set but failed match against \"{}\"", path, paths::REGEX_USERS_USERNAME_USERNAME.as_str())
                    );

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
                                            HeaderValue::from_str((&context as &dyn Has<XSpanIdString>).get().0.clone().as_str())
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

                // Path parameters
                let path: &str = uri.path();
                let path_params =
                    paths::REGEX_USERS_USER_ID_ACTIVE
                    .captures(path)
                    .unwrap_or_else(||
                        panic!("Path {} matched RE USERS_USER_ID_ACTIVE in set but failed match against \"{}\"", path, paths::REGEX_USERS_USER_ID_ACTIVE.as_str())
                    );

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
                                            HeaderValue::from_str((&context as &dyn Has<XSpanIdString>).get().0.clone().as_str())
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

                // Path parameters
                let path: &str = uri.path();
                let path_params =
                    paths::REGEX_USERS_USER_ID_AUTH
                    .captures(path)
                    .unwrap_or_else(||
                        panic!("Path {} matched RE USERS_USER_ID_AUTH in set but failed match against \"{}\"", path, paths::REGEX_USERS_USER_ID_AUTH.as_str())
                    );

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
                                            HeaderValue::from_str((&context as &dyn Has<XSpanIdString>).get().0.clone().as_str())
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

                // Path parameters
                let path: &str = uri.path();
                let path_params =
                    paths::REGEX_USERS_USER_ID_PASSWORD
                    .captures(path)
                    .unwrap_or_else(||
                        panic!("Path {} matched RE USERS_USER_ID_PASSWORD in set but failed match against \"{}\"", path, paths::REGEX_USERS_USER_ID_PASSWORD.as_str())
                    );

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
                                            HeaderValue::from_str((&context as &dyn Has<XSpanIdString>).get().0.clone().as_str())
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

                // Path parameters
                let path: &str = uri.path();
                let path_params =
                    paths::REGEX_USERS_USER_ID_ROLES
                    .captures(path)
                    .unwrap_or_else(||
                        panic!("Path {} matched RE USERS_USER_ID_ROLES in set but failed match against \"{}\"", path, paths::REGEX_USERS_USER_ID_ROLES.as_str())
                    );

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
                                            HeaderValue::from_str((&context as &dyn Has<XSpanIdString>).get().0.clone().as_str())
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

/// Request parser for `Api`.
pub struct ApiRequestParser;
impl<T> RequestParser<T> for ApiRequestParser {
    fn parse_operation_id(request: &Request<T>) -> Option<&'static str> {
        let path = paths::GLOBAL_REGEX_SET.matches(request.uri().path());
        match *request.method() {
            // AuthCheck - GET /auth/check
            hyper::Method::GET if path.matched(paths::ID_AUTH_CHECK) => Some("AuthCheck"),
            // GenerateMfaSecret - POST /users/{user_id}/mfa/generate
            hyper::Method::POST if path.matched(paths::ID_USERS_USER_ID_MFA_GENERATE) => Some("GenerateMfaSecret"),
            // UpdateUserMfa - PUT /users/{user_id}/mfa
            hyper::Method::PUT if path.matched(paths::ID_USERS_USER_ID_MFA) => Some("UpdateUserMfa"),
            // AttachDevice - PUT /users/sessions/device
            hyper::Method::PUT if path.matched(paths::ID_USERS_SESSIONS_DEVICE) => Some("AttachDevice"),
            // RevokeSessionsForAllUsers - POST /users/sessions/revoke/all
            hyper::Method::POST if path.matched(paths::ID_USERS_SESSIONS_REVOKE_ALL) => Some("RevokeSessionsForAllUsers"),
            // GetSessions - GET /users/{user_id}/sessions
            hyper::Method::GET if path.matched(paths::ID_USERS_USER_ID_SESSIONS) => Some("GetSessions"),
            // RevokeAllSessions - POST /users/{user_id}/sessions/revoke/all
            hyper::Method::POST if path.matched(paths::ID_USERS_USER_ID_SESSIONS_REVOKE_ALL) => Some("RevokeAllSessions"),
            // RevokeSession - POST /users/{user_id}/sessions/revoke
            hyper::Method::POST if path.matched(paths::ID_USERS_USER_ID_SESSIONS_REVOKE) => Some("RevokeSession"),
            // Ping - GET /system/ping
            hyper::Method::GET if path.matched(paths::ID_SYSTEM_PING) => Some("Ping"),
            // DisableUserAccessToken - POST /users/tokens/disable
            hyper::Method::POST if path.matched(paths::ID_USERS_TOKENS_DISABLE) => Some("DisableUserAccessToken"),
            // EnableUserAccessToken - POST /users/tokens/enable
            hyper::Method::POST if path.matched(paths::ID_USERS_TOKENS_ENABLE) => Some("EnableUserAccessToken"),
            // GetUserAccessTokens - GET /users/tokens
            hyper::Method::GET if path.matched(paths::ID_USERS_TOKENS) => Some("GetUserAccessTokens"),
            // RevokeUserAccessToken - POST /users/tokens/revoke
            hyper::Method::POST if path.matched(paths::ID_USERS_TOKENS_REVOKE) => Some("RevokeUserAccessToken"),
            // SearchUserAccessTokens - POST /users/tokens/search
            hyper::Method::POST if path.matched(paths::ID_USERS_TOKENS_SEARCH) => Some("SearchUserAccessTokens"),
            // CreateUserAccessToken - POST /users/{user_id}/tokens
            hyper::Method::POST if path.matched(paths::ID_USERS_USER_ID_TOKENS) => Some("CreateUserAccessToken"),
            // GetUserAccessToken - GET /users/tokens/{token_id}
            hyper::Method::GET if path.matched(paths::ID_USERS_TOKENS_TOKEN_ID) => Some("GetUserAccessToken"),
            // GetUserAccessTokensForUser - GET /users/{user_id}/tokens
            hyper::Method::GET if path.matched(paths::ID_USERS_USER_ID_TOKENS) => Some("GetUserAccessTokensForUser"),
            // GetMe - GET /users/me
            hyper::Method::GET if path.matched(paths::ID_USERS_ME) => Some("GetMe"),
            // Login - POST /users/login
            hyper::Method::POST if path.matched(paths::ID_USERS_LOGIN) => Some("Login"),
            // Logout - POST /users/logout
            hyper::Method::POST if path.matched(paths::ID_USERS_LOGOUT) => Some("Logout"),
            // GetUserAudits - GET /users/{user_id}/audits
            hyper::Method::GET if path.matched(paths::ID_USERS_USER_ID_AUDITS) => Some("GetUserAudits"),
            // GetUserByUsername - GET /users/username/{username}
            hyper::Method::GET if path.matched(paths::ID_USERS_USERNAME_USERNAME) => Some("GetUserByUsername"),
            // UpdateUserActive - PUT /users/{user_id}/active
            hyper::Method::PUT if path.matched(paths::ID_USERS_USER_ID_ACTIVE) => Some("UpdateUserActive"),
            // UpdateUserAuth - PUT /users/{user_id}/auth
            hyper::Method::PUT if path.matched(paths::ID_USERS_USER_ID_AUTH) => Some("UpdateUserAuth"),
            // UpdateUserPassword - PUT /users/{user_id}/password
            hyper::Method::PUT if path.matched(paths::ID_USERS_USER_ID_PASSWORD) => Some("UpdateUserPassword"),
            // UpdateUserRoles - PUT /users/{user_id}/roles
            hyper::Method::PUT if path.matched(paths::ID_USERS_USER_ID_ROLES) => Some("UpdateUserRoles"),
            _ => None,
        }
    }
}
