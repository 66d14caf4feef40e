#![allow(missing_docs, trivial_casts, unused_variables, unused_mut, unused_imports, unused_extern_crates, unused_attributes, non_camel_case_types)]
#![allow(clippy::derive_partial_eq_without_eq, clippy::disallowed_names)]

use async_trait::async_trait;
use futures::Stream;
#[cfg(feature = "mock")]
use mockall::automock;
use std::error::Error;
use std::collections::BTreeSet;
use std::task::{Poll, Context};
use swagger::{ApiError, ContextWrapper, auth::Authorization};
use serde::{Serialize, Deserialize};

#[cfg(any(feature = "client", feature = "server"))]
type ServiceError = Box<dyn Error + Send + Sync + 'static>;

pub const BASE_PATH: &str = "/api/v4";
pub const API_VERSION: &str = "4.0.0";

mod auth;
pub use auth::{AuthenticationApi, Claims};


#[derive(Debug, PartialEq, Serialize, Deserialize)]
#[must_use]
pub enum AuthCheckResponse {
    /// Signed in, and allowed.
    Allowed
    {
        body: crate::Json<models::StatusOk>,
        x_mattermost_roles:
        Option<
        String
        >
        ,
        x_mattermost_username:
        Option<
        String
        >
        ,
        x_mattermost_session_id:
        Option<
        String
        >
        ,
        x_mattermost_user_id:
        Option<
        String
        >
    }
    ,
    /// Not signed in, with `redirect=true`; to the sign-in page.
    SignIn
    {
        location:
        Option<
        String
        >
    }
    ,
    /// No valid session (`api.context.session_expired.app_error`), or a session token in the `access_token` query parameter (`api.context.token_provided.app_error`).
    Unauthorized
    (crate::Json<models::AppError>)
    ,
    /// The caller is neither the user nor allowed to edit other users (`api.context.permissions.app_error`); or, with `EnforceMultifactorAuthentication`, the caller's user has not set up MFA (`api.context.mfa_required.app_error`; every operation that needs a session but `GET /users/me` and the two MFA operations).
    Forbidden
    (crate::Json<models::AppError>)
    ,
    /// Only for a path that matches no route (`api.context.404.app_error`), e.g. a user_id holding a `/`. Mattermost's server never answers 404 on these operations themselves: an unknown user is 403 (or `[]` for an admin) and an unknown session is 400.
    NotFound
    (crate::Json<models::AppError>)
    ,
    /// The request (head and body) did not arrive in time (`api.context.request_timeout.app_error`); the server closes the connection after this answer. Any operation can answer it, since any request may carry a body.
    RequestTimeout
    (crate::Json<models::AppError>)
    ,
    /// The request body exceeds the server's limit (`api.context.body_too_large.app_error`).
    PayloadTooLarge
    (crate::Json<models::AppError>)
}

#[derive(Debug, PartialEq, Serialize, Deserialize)]
#[must_use]
pub enum GenerateMfaSecretResponse {
    /// The new secret, and its QR code.
    Secret
    {
        body: crate::Json<models::MfaSecret>,
        pragma:
        Option<
        String
        >
        ,
        expires:
        Option<
        String
        >
    }
    ,
    /// Invalid or missing parameter: `api.context.invalid_url_param.app_error` (user_id), `api.context.invalid_body_param.app_error` (body), `app.session.get.app_error` (no such session).
    BadRequest
    (crate::Json<models::AppError>)
    ,
    /// No valid session (`api.context.session_expired.app_error`), or a session token in the `access_token` query parameter (`api.context.token_provided.app_error`).
    Unauthorized
    (crate::Json<models::AppError>)
    ,
    /// The caller is neither the user nor allowed to edit other users (`api.context.permissions.app_error`); or, with `EnforceMultifactorAuthentication`, the caller's user has not set up MFA (`api.context.mfa_required.app_error`; every operation that needs a session but `GET /users/me` and the two MFA operations).
    Forbidden
    (crate::Json<models::AppError>)
    ,
    /// No such user (`app.user.missing_account.const`), or the path matches no route (`api.context.404.app_error`).
    UserNotFound
    (crate::Json<models::AppError>)
    ,
    /// The request (head and body) did not arrive in time (`api.context.request_timeout.app_error`); the server closes the connection after this answer. Any operation can answer it, since any request may carry a body.
    RequestTimeout
    (crate::Json<models::AppError>)
    ,
    /// The request body exceeds the server's limit (`api.context.body_too_large.app_error`).
    PayloadTooLarge
    (crate::Json<models::AppError>)
    ,
    /// MFA is off (`EnableMultifactorAuthentication`; `mfa.mfa_disabled.app_error`).
    Disabled
    (crate::Json<models::AppError>)
}

#[derive(Debug, PartialEq, Serialize, Deserialize)]
#[must_use]
pub enum UpdateUserMfaResponse {
    /// MFA is on, or off.
    Updated
    (crate::Json<models::StatusOk>)
    ,
    /// Invalid or missing parameter: `api.context.invalid_url_param.app_error` (user_id), `api.context.invalid_body_param.app_error` (body), `app.session.get.app_error` (no such session).
    BadRequest
    (crate::Json<models::AppError>)
    ,
    /// No valid session (`api.context.session_expired.app_error`), or a wrong or used code (`mfa.activate.bad_token.app_error`).
    Unauthorized
    (crate::Json<models::AppError>)
    ,
    /// The caller is neither the user nor allowed to edit other users (`api.context.permissions.app_error`); or, with `EnforceMultifactorAuthentication`, the caller's user has not set up MFA (`api.context.mfa_required.app_error`; every operation that needs a session but `GET /users/me` and the two MFA operations).
    Forbidden
    (crate::Json<models::AppError>)
    ,
    /// No such user (`app.user.missing_account.const`), or the path matches no route (`api.context.404.app_error`).
    UserNotFound
    (crate::Json<models::AppError>)
    ,
    /// The request (head and body) did not arrive in time (`api.context.request_timeout.app_error`); the server closes the connection after this answer. Any operation can answer it, since any request may carry a body.
    RequestTimeout
    (crate::Json<models::AppError>)
    ,
    /// The request body exceeds the server's limit (`api.context.body_too_large.app_error`).
    PayloadTooLarge
    (crate::Json<models::AppError>)
    ,
    /// Too many code checks for this account or from this client address (`api.user.login.rate_limited.app_error`); try again after `Retry-After` seconds.
    TooManyRequests
    {
        body: crate::Json<models::AppError>,
        retry_after:
        Option<
        i32
        >
    }
    ,
    /// MFA is off (`EnableMultifactorAuthentication`; `mfa.mfa_disabled.app_error`).
    Disabled
    (crate::Json<models::AppError>)
}

#[derive(Debug, PartialEq, Serialize, Deserialize)]
#[must_use]
pub enum AttachDeviceResponse {
    /// The device is attached to the calling session.
    Attached
    (crate::Json<models::StatusOk>)
    ,
    /// Invalid or missing parameter: `api.context.invalid_url_param.app_error` (user_id), `api.context.invalid_body_param.app_error` (body), `app.session.get.app_error` (no such session).
    BadRequest
    (crate::Json<models::AppError>)
    ,
    /// No valid session (`api.context.session_expired.app_error`), or a session token in the `access_token` query parameter (`api.context.token_provided.app_error`).
    Unauthorized
    (crate::Json<models::AppError>)
    ,
    /// The caller is neither the user nor allowed to edit other users (`api.context.permissions.app_error`); or, with `EnforceMultifactorAuthentication`, the caller's user has not set up MFA (`api.context.mfa_required.app_error`; every operation that needs a session but `GET /users/me` and the two MFA operations).
    Forbidden
    (crate::Json<models::AppError>)
    ,
    /// Only for a path that matches no route (`api.context.404.app_error`), e.g. a user_id holding a `/`. Mattermost's server never answers 404 on these operations themselves: an unknown user is 403 (or `[]` for an admin) and an unknown session is 400.
    NotFound
    (crate::Json<models::AppError>)
    ,
    /// The request (head and body) did not arrive in time (`api.context.request_timeout.app_error`); the server closes the connection after this answer. Any operation can answer it, since any request may carry a body.
    RequestTimeout
    (crate::Json<models::AppError>)
    ,
    /// The request body exceeds the server's limit (`api.context.body_too_large.app_error`).
    PayloadTooLarge
    (crate::Json<models::AppError>)
}

#[derive(Debug, PartialEq, Serialize, Deserialize)]
#[must_use]
pub enum RevokeSessionsForAllUsersResponse {
    /// Every session of every user is revoked, the caller's included.
    Revoked
    (crate::Json<models::StatusOk>)
    ,
    /// No valid session (`api.context.session_expired.app_error`), or a session token in the `access_token` query parameter (`api.context.token_provided.app_error`).
    Unauthorized
    (crate::Json<models::AppError>)
    ,
    /// The caller is neither the user nor allowed to edit other users (`api.context.permissions.app_error`); or, with `EnforceMultifactorAuthentication`, the caller's user has not set up MFA (`api.context.mfa_required.app_error`; every operation that needs a session but `GET /users/me` and the two MFA operations).
    Forbidden
    (crate::Json<models::AppError>)
    ,
    /// Only for a path that matches no route (`api.context.404.app_error`), e.g. a user_id holding a `/`. Mattermost's server never answers 404 on these operations themselves: an unknown user is 403 (or `[]` for an admin) and an unknown session is 400.
    NotFound
    (crate::Json<models::AppError>)
    ,
    /// The request (head and body) did not arrive in time (`api.context.request_timeout.app_error`); the server closes the connection after this answer. Any operation can answer it, since any request may carry a body.
    RequestTimeout
    (crate::Json<models::AppError>)
    ,
    /// The request body exceeds the server's limit (`api.context.body_too_large.app_error`).
    PayloadTooLarge
    (crate::Json<models::AppError>)
}

#[derive(Debug, PartialEq, Serialize, Deserialize)]
#[must_use]
pub enum GetSessionsResponse {
    /// The user's sessions, sanitized.
    Sessions
    (crate::Json<Vec<models::Session>>)
    ,
    /// Invalid or missing parameter: `api.context.invalid_url_param.app_error` (user_id), `api.context.invalid_body_param.app_error` (body), `app.session.get.app_error` (no such session).
    BadRequest
    (crate::Json<models::AppError>)
    ,
    /// No valid session (`api.context.session_expired.app_error`), or a session token in the `access_token` query parameter (`api.context.token_provided.app_error`).
    Unauthorized
    (crate::Json<models::AppError>)
    ,
    /// The caller is neither the user nor allowed to edit other users (`api.context.permissions.app_error`); or, with `EnforceMultifactorAuthentication`, the caller's user has not set up MFA (`api.context.mfa_required.app_error`; every operation that needs a session but `GET /users/me` and the two MFA operations).
    Forbidden
    (crate::Json<models::AppError>)
    ,
    /// Only for a path that matches no route (`api.context.404.app_error`), e.g. a user_id holding a `/`. Mattermost's server never answers 404 on these operations themselves: an unknown user is 403 (or `[]` for an admin) and an unknown session is 400.
    NotFound
    (crate::Json<models::AppError>)
    ,
    /// The request (head and body) did not arrive in time (`api.context.request_timeout.app_error`); the server closes the connection after this answer. Any operation can answer it, since any request may carry a body.
    RequestTimeout
    (crate::Json<models::AppError>)
    ,
    /// The request body exceeds the server's limit (`api.context.body_too_large.app_error`).
    PayloadTooLarge
    (crate::Json<models::AppError>)
}

#[derive(Debug, PartialEq, Serialize, Deserialize)]
#[must_use]
pub enum RevokeAllSessionsResponse {
    /// Every session of the user is revoked.
    Revoked
    (crate::Json<models::StatusOk>)
    ,
    /// Invalid or missing parameter: `api.context.invalid_url_param.app_error` (user_id), `api.context.invalid_body_param.app_error` (body), `app.session.get.app_error` (no such session).
    BadRequest
    (crate::Json<models::AppError>)
    ,
    /// No valid session (`api.context.session_expired.app_error`), or a session token in the `access_token` query parameter (`api.context.token_provided.app_error`).
    Unauthorized
    (crate::Json<models::AppError>)
    ,
    /// The caller is neither the user nor allowed to edit other users (`api.context.permissions.app_error`); or, with `EnforceMultifactorAuthentication`, the caller's user has not set up MFA (`api.context.mfa_required.app_error`; every operation that needs a session but `GET /users/me` and the two MFA operations).
    Forbidden
    (crate::Json<models::AppError>)
    ,
    /// Only for a path that matches no route (`api.context.404.app_error`), e.g. a user_id holding a `/`. Mattermost's server never answers 404 on these operations themselves: an unknown user is 403 (or `[]` for an admin) and an unknown session is 400.
    NotFound
    (crate::Json<models::AppError>)
    ,
    /// The request (head and body) did not arrive in time (`api.context.request_timeout.app_error`); the server closes the connection after this answer. Any operation can answer it, since any request may carry a body.
    RequestTimeout
    (crate::Json<models::AppError>)
    ,
    /// The request body exceeds the server's limit (`api.context.body_too_large.app_error`).
    PayloadTooLarge
    (crate::Json<models::AppError>)
}

#[derive(Debug, PartialEq, Serialize, Deserialize)]
#[must_use]
pub enum RevokeSessionResponse {
    /// The session is revoked.
    Revoked
    (crate::Json<models::StatusOk>)
    ,
    /// Invalid or missing parameter: `api.context.invalid_url_param.app_error` (user_id), `api.context.invalid_body_param.app_error` (body), `app.session.get.app_error` (no such session).
    BadRequest
    (crate::Json<models::AppError>)
    ,
    /// No valid session (`api.context.session_expired.app_error`), or a session token in the `access_token` query parameter (`api.context.token_provided.app_error`).
    Unauthorized
    (crate::Json<models::AppError>)
    ,
    /// The caller is neither the user nor allowed to edit other users (`api.context.permissions.app_error`); or, with `EnforceMultifactorAuthentication`, the caller's user has not set up MFA (`api.context.mfa_required.app_error`; every operation that needs a session but `GET /users/me` and the two MFA operations).
    Forbidden
    (crate::Json<models::AppError>)
    ,
    /// Only for a path that matches no route (`api.context.404.app_error`), e.g. a user_id holding a `/`. Mattermost's server never answers 404 on these operations themselves: an unknown user is 403 (or `[]` for an admin) and an unknown session is 400.
    NotFound
    (crate::Json<models::AppError>)
    ,
    /// The request (head and body) did not arrive in time (`api.context.request_timeout.app_error`); the server closes the connection after this answer. Any operation can answer it, since any request may carry a body.
    RequestTimeout
    (crate::Json<models::AppError>)
    ,
    /// The request body exceeds the server's limit (`api.context.body_too_large.app_error`).
    PayloadTooLarge
    (crate::Json<models::AppError>)
}

#[derive(Debug, PartialEq, Serialize, Deserialize)]
#[must_use]
pub enum PingResponse {
    /// The server's status.
    Pong
    {
        body: crate::Json<models::SystemStatus>,
        database_status:
        Option<
        String
        >
        ,
        status:
        Option<
        String
        >
        ,
        filestore_status:
        Option<
        String
        >
    }
    ,
    /// No valid session (`api.context.session_expired.app_error`), or a session token in the `access_token` query parameter (`api.context.token_provided.app_error`).
    Unauthorized
    (crate::Json<models::AppError>)
    ,
    /// Only for a path that matches no route (`api.context.404.app_error`), e.g. a user_id holding a `/`. Mattermost's server never answers 404 on these operations themselves: an unknown user is 403 (or `[]` for an admin) and an unknown session is 400.
    NotFound
    (crate::Json<models::AppError>)
    ,
    /// The request (head and body) did not arrive in time (`api.context.request_timeout.app_error`); the server closes the connection after this answer. Any operation can answer it, since any request may carry a body.
    RequestTimeout
    (crate::Json<models::AppError>)
    ,
    /// The request body exceeds the server's limit (`api.context.body_too_large.app_error`).
    PayloadTooLarge
    (crate::Json<models::AppError>)
    ,
    /// A check failed (`status` is `UNHEALTHY`), and `use_rest_semantics` is not \"true\".
    Unhealthy
    {
        body: crate::Json<models::SystemStatus>,
        database_status:
        Option<
        String
        >
        ,
        status:
        Option<
        String
        >
        ,
        filestore_status:
        Option<
        String
        >
    }
}

#[derive(Debug, PartialEq, Serialize, Deserialize)]
#[must_use]
pub enum DisableUserAccessTokenResponse {
    /// The token is disabled and its sessions are gone.
    Disabled
    (crate::Json<models::StatusOk>)
    ,
    /// Invalid or missing parameter: `api.context.invalid_url_param.app_error` (user_id), `api.context.invalid_body_param.app_error` (body), `app.session.get.app_error` (no such session).
    BadRequest
    (crate::Json<models::AppError>)
    ,
    /// No valid session (`api.context.session_expired.app_error`), or a session token in the `access_token` query parameter (`api.context.token_provided.app_error`).
    Unauthorized
    (crate::Json<models::AppError>)
    ,
    /// The caller is neither the user nor allowed to edit other users (`api.context.permissions.app_error`); or, with `EnforceMultifactorAuthentication`, the caller's user has not set up MFA (`api.context.mfa_required.app_error`; every operation that needs a session but `GET /users/me` and the two MFA operations).
    Forbidden
    (crate::Json<models::AppError>)
    ,
    /// No personal access token has this id (`app.user_access_token.get_by_user.app_error`), or the path matches no route (`api.context.404.app_error`).
    NotFound
    (crate::Json<models::AppError>)
    ,
    /// The request (head and body) did not arrive in time (`api.context.request_timeout.app_error`); the server closes the connection after this answer. Any operation can answer it, since any request may carry a body.
    RequestTimeout
    (crate::Json<models::AppError>)
    ,
    /// The request body exceeds the server's limit (`api.context.body_too_large.app_error`).
    PayloadTooLarge
    (crate::Json<models::AppError>)
}

#[derive(Debug, PartialEq, Serialize, Deserialize)]
#[must_use]
pub enum EnableUserAccessTokenResponse {
    /// The token is enabled.
    Enabled
    (crate::Json<models::StatusOk>)
    ,
    /// Invalid or missing parameter: `api.context.invalid_url_param.app_error` (user_id), `api.context.invalid_body_param.app_error` (body), `app.session.get.app_error` (no such session).
    BadRequest
    (crate::Json<models::AppError>)
    ,
    /// No valid session (`api.context.session_expired.app_error`), or a session token in the `access_token` query parameter (`api.context.token_provided.app_error`).
    Unauthorized
    (crate::Json<models::AppError>)
    ,
    /// The caller is neither the user nor allowed to edit other users (`api.context.permissions.app_error`); or, with `EnforceMultifactorAuthentication`, the caller's user has not set up MFA (`api.context.mfa_required.app_error`; every operation that needs a session but `GET /users/me` and the two MFA operations).
    Forbidden
    (crate::Json<models::AppError>)
    ,
    /// No personal access token has this id (`app.user_access_token.get_by_user.app_error`), or the path matches no route (`api.context.404.app_error`).
    NotFound
    (crate::Json<models::AppError>)
    ,
    /// The request (head and body) did not arrive in time (`api.context.request_timeout.app_error`); the server closes the connection after this answer. Any operation can answer it, since any request may carry a body.
    RequestTimeout
    (crate::Json<models::AppError>)
    ,
    /// The request body exceeds the server's limit (`api.context.body_too_large.app_error`).
    PayloadTooLarge
    (crate::Json<models::AppError>)
}

#[derive(Debug, PartialEq, Serialize, Deserialize)]
#[must_use]
pub enum GetUserAccessTokensResponse {
    /// Tokens, sanitized.
    Tokens
    (crate::Json<Vec<models::UserAccessToken>>)
    ,
    /// Invalid or missing parameter: `api.context.invalid_url_param.app_error` (user_id), `api.context.invalid_body_param.app_error` (body), `app.session.get.app_error` (no such session).
    BadRequest
    (crate::Json<models::AppError>)
    ,
    /// No valid session (`api.context.session_expired.app_error`), or a session token in the `access_token` query parameter (`api.context.token_provided.app_error`).
    Unauthorized
    (crate::Json<models::AppError>)
    ,
    /// The caller is neither the user nor allowed to edit other users (`api.context.permissions.app_error`); or, with `EnforceMultifactorAuthentication`, the caller's user has not set up MFA (`api.context.mfa_required.app_error`; every operation that needs a session but `GET /users/me` and the two MFA operations).
    Forbidden
    (crate::Json<models::AppError>)
    ,
    /// Only for a path that matches no route (`api.context.404.app_error`), e.g. a user_id holding a `/`. Mattermost's server never answers 404 on these operations themselves: an unknown user is 403 (or `[]` for an admin) and an unknown session is 400.
    NotFound
    (crate::Json<models::AppError>)
    ,
    /// The request (head and body) did not arrive in time (`api.context.request_timeout.app_error`); the server closes the connection after this answer. Any operation can answer it, since any request may carry a body.
    RequestTimeout
    (crate::Json<models::AppError>)
    ,
    /// The request body exceeds the server's limit (`api.context.body_too_large.app_error`).
    PayloadTooLarge
    (crate::Json<models::AppError>)
}

#[derive(Debug, PartialEq, Serialize, Deserialize)]
#[must_use]
pub enum RevokeUserAccessTokenResponse {
    /// The token is gone, and its sessions.
    Revoked
    (crate::Json<models::StatusOk>)
    ,
    /// Invalid or missing parameter: `api.context.invalid_url_param.app_error` (user_id), `api.context.invalid_body_param.app_error` (body), `app.session.get.app_error` (no such session).
    BadRequest
    (crate::Json<models::AppError>)
    ,
    /// No valid session (`api.context.session_expired.app_error`), or a session token in the `access_token` query parameter (`api.context.token_provided.app_error`).
    Unauthorized
    (crate::Json<models::AppError>)
    ,
    /// The caller is neither the user nor allowed to edit other users (`api.context.permissions.app_error`); or, with `EnforceMultifactorAuthentication`, the caller's user has not set up MFA (`api.context.mfa_required.app_error`; every operation that needs a session but `GET /users/me` and the two MFA operations).
    Forbidden
    (crate::Json<models::AppError>)
    ,
    /// No personal access token has this id (`app.user_access_token.get_by_user.app_error`), or the path matches no route (`api.context.404.app_error`).
    NotFound
    (crate::Json<models::AppError>)
    ,
    /// The request (head and body) did not arrive in time (`api.context.request_timeout.app_error`); the server closes the connection after this answer. Any operation can answer it, since any request may carry a body.
    RequestTimeout
    (crate::Json<models::AppError>)
    ,
    /// The request body exceeds the server's limit (`api.context.body_too_large.app_error`).
    PayloadTooLarge
    (crate::Json<models::AppError>)
}

#[derive(Debug, PartialEq, Serialize, Deserialize)]
#[must_use]
pub enum SearchUserAccessTokensResponse {
    /// The matching tokens, sanitized.
    Tokens
    (crate::Json<Vec<models::UserAccessToken>>)
    ,
    /// Invalid or missing parameter: `api.context.invalid_url_param.app_error` (user_id), `api.context.invalid_body_param.app_error` (body), `app.session.get.app_error` (no such session).
    BadRequest
    (crate::Json<models::AppError>)
    ,
    /// No valid session (`api.context.session_expired.app_error`), or a session token in the `access_token` query parameter (`api.context.token_provided.app_error`).
    Unauthorized
    (crate::Json<models::AppError>)
    ,
    /// The caller is neither the user nor allowed to edit other users (`api.context.permissions.app_error`); or, with `EnforceMultifactorAuthentication`, the caller's user has not set up MFA (`api.context.mfa_required.app_error`; every operation that needs a session but `GET /users/me` and the two MFA operations).
    Forbidden
    (crate::Json<models::AppError>)
    ,
    /// Only for a path that matches no route (`api.context.404.app_error`), e.g. a user_id holding a `/`. Mattermost's server never answers 404 on these operations themselves: an unknown user is 403 (or `[]` for an admin) and an unknown session is 400.
    NotFound
    (crate::Json<models::AppError>)
    ,
    /// The request (head and body) did not arrive in time (`api.context.request_timeout.app_error`); the server closes the connection after this answer. Any operation can answer it, since any request may carry a body.
    RequestTimeout
    (crate::Json<models::AppError>)
    ,
    /// The request body exceeds the server's limit (`api.context.body_too_large.app_error`).
    PayloadTooLarge
    (crate::Json<models::AppError>)
}

#[derive(Debug, PartialEq, Serialize, Deserialize)]
#[must_use]
pub enum CreateUserAccessTokenResponse {
    /// The new token, with its secret (shown once).
    Created
    (crate::Json<models::UserAccessToken>)
    ,
    /// Invalid or missing parameter: `api.context.invalid_url_param.app_error` (user_id), `api.context.invalid_body_param.app_error` (body), `app.session.get.app_error` (no such session).
    BadRequest
    (crate::Json<models::AppError>)
    ,
    /// No valid session (`api.context.session_expired.app_error`), or a session token in the `access_token` query parameter (`api.context.token_provided.app_error`).
    Unauthorized
    (crate::Json<models::AppError>)
    ,
    /// The caller is neither the user nor allowed to edit other users (`api.context.permissions.app_error`); or, with `EnforceMultifactorAuthentication`, the caller's user has not set up MFA (`api.context.mfa_required.app_error`; every operation that needs a session but `GET /users/me` and the two MFA operations).
    Forbidden
    (crate::Json<models::AppError>)
    ,
    /// No such user (`app.user.missing_account.const`), or the path matches no route (`api.context.404.app_error`).
    UserNotFound
    (crate::Json<models::AppError>)
    ,
    /// The request (head and body) did not arrive in time (`api.context.request_timeout.app_error`); the server closes the connection after this answer. Any operation can answer it, since any request may carry a body.
    RequestTimeout
    (crate::Json<models::AppError>)
    ,
    /// The request body exceeds the server's limit (`api.context.body_too_large.app_error`).
    PayloadTooLarge
    (crate::Json<models::AppError>)
    ,
    /// Personal access tokens are off (`EnableUserAccessTokens`; `app.user_access_token.disabled`).
    Disabled
    (crate::Json<models::AppError>)
}

#[derive(Debug, PartialEq, Serialize, Deserialize)]
#[must_use]
pub enum GetUserAccessTokenResponse {
    /// The token, sanitized.
    Token
    (crate::Json<models::UserAccessToken>)
    ,
    /// Invalid or missing parameter: `api.context.invalid_url_param.app_error` (user_id), `api.context.invalid_body_param.app_error` (body), `app.session.get.app_error` (no such session).
    BadRequest
    (crate::Json<models::AppError>)
    ,
    /// No valid session (`api.context.session_expired.app_error`), or a session token in the `access_token` query parameter (`api.context.token_provided.app_error`).
    Unauthorized
    (crate::Json<models::AppError>)
    ,
    /// The caller is neither the user nor allowed to edit other users (`api.context.permissions.app_error`); or, with `EnforceMultifactorAuthentication`, the caller's user has not set up MFA (`api.context.mfa_required.app_error`; every operation that needs a session but `GET /users/me` and the two MFA operations).
    Forbidden
    (crate::Json<models::AppError>)
    ,
    /// No personal access token has this id (`app.user_access_token.get_by_user.app_error`), or the path matches no route (`api.context.404.app_error`).
    NotFound
    (crate::Json<models::AppError>)
    ,
    /// The request (head and body) did not arrive in time (`api.context.request_timeout.app_error`); the server closes the connection after this answer. Any operation can answer it, since any request may carry a body.
    RequestTimeout
    (crate::Json<models::AppError>)
    ,
    /// The request body exceeds the server's limit (`api.context.body_too_large.app_error`).
    PayloadTooLarge
    (crate::Json<models::AppError>)
}

#[derive(Debug, PartialEq, Serialize, Deserialize)]
#[must_use]
pub enum GetUserAccessTokensForUserResponse {
    /// The user's tokens, sanitized.
    Tokens
    (crate::Json<Vec<models::UserAccessToken>>)
    ,
    /// Invalid or missing parameter: `api.context.invalid_url_param.app_error` (user_id), `api.context.invalid_body_param.app_error` (body), `app.session.get.app_error` (no such session).
    BadRequest
    (crate::Json<models::AppError>)
    ,
    /// No valid session (`api.context.session_expired.app_error`), or a session token in the `access_token` query parameter (`api.context.token_provided.app_error`).
    Unauthorized
    (crate::Json<models::AppError>)
    ,
    /// The caller is neither the user nor allowed to edit other users (`api.context.permissions.app_error`); or, with `EnforceMultifactorAuthentication`, the caller's user has not set up MFA (`api.context.mfa_required.app_error`; every operation that needs a session but `GET /users/me` and the two MFA operations).
    Forbidden
    (crate::Json<models::AppError>)
    ,
    /// Only for a path that matches no route (`api.context.404.app_error`), e.g. a user_id holding a `/`. Mattermost's server never answers 404 on these operations themselves: an unknown user is 403 (or `[]` for an admin) and an unknown session is 400.
    NotFound
    (crate::Json<models::AppError>)
    ,
    /// The request (head and body) did not arrive in time (`api.context.request_timeout.app_error`); the server closes the connection after this answer. Any operation can answer it, since any request may carry a body.
    RequestTimeout
    (crate::Json<models::AppError>)
    ,
    /// The request body exceeds the server's limit (`api.context.body_too_large.app_error`).
    PayloadTooLarge
    (crate::Json<models::AppError>)
}

#[derive(Debug, PartialEq, Serialize, Deserialize)]
#[must_use]
pub enum GetMeResponse {
    /// The caller's user.
    Me
    {
        body: crate::Json<models::User>,
        e_tag:
        Option<
        String
        >
    }
    ,
    /// No valid session (`api.context.session_expired.app_error`), or a session token in the `access_token` query parameter (`api.context.token_provided.app_error`).
    Unauthorized
    (crate::Json<models::AppError>)
    ,
    /// Only for a path that matches no route (`api.context.404.app_error`), e.g. a user_id holding a `/`. Mattermost's server never answers 404 on these operations themselves: an unknown user is 403 (or `[]` for an admin) and an unknown session is 400.
    NotFound
    (crate::Json<models::AppError>)
    ,
    /// The request (head and body) did not arrive in time (`api.context.request_timeout.app_error`); the server closes the connection after this answer. Any operation can answer it, since any request may carry a body.
    RequestTimeout
    (crate::Json<models::AppError>)
    ,
    /// The request body exceeds the server's limit (`api.context.body_too_large.app_error`).
    PayloadTooLarge
    (crate::Json<models::AppError>)
}

#[derive(Debug, PartialEq, Serialize, Deserialize)]
#[must_use]
pub enum LoginResponse {
    /// The logged-in user; the session token is in the `Token` header.
    LoggedIn
    {
        body: crate::Json<models::User>,
        token:
        Option<
        String
        >
    }
    ,
    /// Invalid or missing parameter: `api.context.invalid_url_param.app_error` (user_id), `api.context.invalid_body_param.app_error` (body), `app.session.get.app_error` (no such session).
    BadRequest
    (crate::Json<models::AppError>)
    ,
    /// Wrong login id (or `id`) or password (`api.user.login.invalid_credentials_email_username`), a deactivated user, whatever the password (`api.user.login.inactive.app_error`), or, for a user with MFA, a missing (`mfa.validate_token.authenticate.app_error`) or wrong or used (`api.user.check_user_mfa.bad_code.app_error`) code.
    InvalidCredentials
    (crate::Json<models::AppError>)
    ,
    /// Only for a path that matches no route (`api.context.404.app_error`), e.g. a user_id holding a `/`. Mattermost's server never answers 404 on these operations themselves: an unknown user is 403 (or `[]` for an admin) and an unknown session is 400.
    NotFound
    (crate::Json<models::AppError>)
    ,
    /// The request (head and body) did not arrive in time (`api.context.request_timeout.app_error`); the server closes the connection after this answer. Any operation can answer it, since any request may carry a body.
    RequestTimeout
    (crate::Json<models::AppError>)
    ,
    /// The request body exceeds the server's limit (`api.context.body_too_large.app_error`).
    PayloadTooLarge
    (crate::Json<models::AppError>)
    ,
    /// Too many login attempts from this client address or for this account (`api.user.login.rate_limited.app_error`); try again after `Retry-After` seconds.
    TooManyRequests
    {
        body: crate::Json<models::AppError>,
        retry_after:
        Option<
        i32
        >
    }
}

#[derive(Debug, PartialEq, Serialize, Deserialize)]
#[must_use]
pub enum LogoutResponse {
    /// Logged out (or there was nothing to log out).
    LoggedOut
    (crate::Json<models::StatusOk>)
    ,
    /// No valid session (`api.context.session_expired.app_error`), or a session token in the `access_token` query parameter (`api.context.token_provided.app_error`).
    Unauthorized
    (crate::Json<models::AppError>)
    ,
    /// Only for a path that matches no route (`api.context.404.app_error`), e.g. a user_id holding a `/`. Mattermost's server never answers 404 on these operations themselves: an unknown user is 403 (or `[]` for an admin) and an unknown session is 400.
    NotFound
    (crate::Json<models::AppError>)
    ,
    /// The request (head and body) did not arrive in time (`api.context.request_timeout.app_error`); the server closes the connection after this answer. Any operation can answer it, since any request may carry a body.
    RequestTimeout
    (crate::Json<models::AppError>)
    ,
    /// The request body exceeds the server's limit (`api.context.body_too_large.app_error`).
    PayloadTooLarge
    (crate::Json<models::AppError>)
}

#[derive(Debug, PartialEq, Serialize, Deserialize)]
#[must_use]
pub enum GetUserAuditsResponse {
    /// The user's audit records, newest first.
    Audits
    (crate::Json<Vec<models::Audit>>)
    ,
    /// Invalid or missing parameter: `api.context.invalid_url_param.app_error` (user_id), `api.context.invalid_body_param.app_error` (body), `app.session.get.app_error` (no such session).
    BadRequest
    (crate::Json<models::AppError>)
    ,
    /// No valid session (`api.context.session_expired.app_error`), or a session token in the `access_token` query parameter (`api.context.token_provided.app_error`).
    Unauthorized
    (crate::Json<models::AppError>)
    ,
    /// The caller is neither the user nor allowed to edit other users (`api.context.permissions.app_error`); or, with `EnforceMultifactorAuthentication`, the caller's user has not set up MFA (`api.context.mfa_required.app_error`; every operation that needs a session but `GET /users/me` and the two MFA operations).
    Forbidden
    (crate::Json<models::AppError>)
    ,
    /// Only for a path that matches no route (`api.context.404.app_error`), e.g. a user_id holding a `/`. Mattermost's server never answers 404 on these operations themselves: an unknown user is 403 (or `[]` for an admin) and an unknown session is 400.
    NotFound
    (crate::Json<models::AppError>)
    ,
    /// The request (head and body) did not arrive in time (`api.context.request_timeout.app_error`); the server closes the connection after this answer. Any operation can answer it, since any request may carry a body.
    RequestTimeout
    (crate::Json<models::AppError>)
    ,
    /// The request body exceeds the server's limit (`api.context.body_too_large.app_error`).
    PayloadTooLarge
    (crate::Json<models::AppError>)
}

#[derive(Debug, PartialEq, Serialize, Deserialize)]
#[must_use]
pub enum GetUserByUsernameResponse {
    /// The user.
    User
    (crate::Json<models::User>)
    ,
    /// Invalid or missing parameter: `api.context.invalid_url_param.app_error` (user_id), `api.context.invalid_body_param.app_error` (body), `app.session.get.app_error` (no such session).
    BadRequest
    (crate::Json<models::AppError>)
    ,
    /// No valid session (`api.context.session_expired.app_error`), or a session token in the `access_token` query parameter (`api.context.token_provided.app_error`).
    Unauthorized
    (crate::Json<models::AppError>)
    ,
    /// The caller is neither the user nor allowed to edit other users (`api.context.permissions.app_error`); or, with `EnforceMultifactorAuthentication`, the caller's user has not set up MFA (`api.context.mfa_required.app_error`; every operation that needs a session but `GET /users/me` and the two MFA operations).
    Forbidden
    (crate::Json<models::AppError>)
    ,
    /// No user has this username (`app.user.get_by_username.app_error`), or the path matches no route (`api.context.404.app_error`).
    UserNotFound
    (crate::Json<models::AppError>)
    ,
    /// The request (head and body) did not arrive in time (`api.context.request_timeout.app_error`); the server closes the connection after this answer. Any operation can answer it, since any request may carry a body.
    RequestTimeout
    (crate::Json<models::AppError>)
    ,
    /// The request body exceeds the server's limit (`api.context.body_too_large.app_error`).
    PayloadTooLarge
    (crate::Json<models::AppError>)
}

#[derive(Debug, PartialEq, Serialize, Deserialize)]
#[must_use]
pub enum UpdateUserActiveResponse {
    /// The user's active status is set.
    Updated
    (crate::Json<models::StatusOk>)
    ,
    /// Invalid or missing parameter: `api.context.invalid_url_param.app_error` (user_id), `api.context.invalid_body_param.app_error` (body), `app.session.get.app_error` (no such session).
    BadRequest
    (crate::Json<models::AppError>)
    ,
    /// No valid session (`api.context.session_expired.app_error`), or a session token in the `access_token` query parameter (`api.context.token_provided.app_error`).
    Unauthorized
    (crate::Json<models::AppError>)
    ,
    /// The caller is neither the user nor allowed to edit other users (`api.context.permissions.app_error`); or, with `EnforceMultifactorAuthentication`, the caller's user has not set up MFA (`api.context.mfa_required.app_error`; every operation that needs a session but `GET /users/me` and the two MFA operations).
    Forbidden
    (crate::Json<models::AppError>)
    ,
    /// No such user (`app.user.missing_account.const`), or the path matches no route (`api.context.404.app_error`).
    UserNotFound
    (crate::Json<models::AppError>)
    ,
    /// The request (head and body) did not arrive in time (`api.context.request_timeout.app_error`); the server closes the connection after this answer. Any operation can answer it, since any request may carry a body.
    RequestTimeout
    (crate::Json<models::AppError>)
    ,
    /// The request body exceeds the server's limit (`api.context.body_too_large.app_error`).
    PayloadTooLarge
    (crate::Json<models::AppError>)
}

#[derive(Debug, PartialEq, Serialize, Deserialize)]
#[must_use]
pub enum UpdateUserAuthResponse {
    /// The user's new sign-in method (`auth_data` as set).
    Updated
    (crate::Json<models::UserAuth>)
    ,
    /// Invalid or missing parameter: `api.context.invalid_url_param.app_error` (user_id), `api.context.invalid_body_param.app_error` (body), `app.session.get.app_error` (no such session).
    BadRequest
    (crate::Json<models::AppError>)
    ,
    /// No valid session (`api.context.session_expired.app_error`), or a session token in the `access_token` query parameter (`api.context.token_provided.app_error`).
    Unauthorized
    (crate::Json<models::AppError>)
    ,
    /// The caller is neither the user nor allowed to edit other users (`api.context.permissions.app_error`); or, with `EnforceMultifactorAuthentication`, the caller's user has not set up MFA (`api.context.mfa_required.app_error`; every operation that needs a session but `GET /users/me` and the two MFA operations).
    Forbidden
    (crate::Json<models::AppError>)
    ,
    /// No such user (`app.user.missing_account.const`), or the path matches no route (`api.context.404.app_error`).
    UserNotFound
    (crate::Json<models::AppError>)
    ,
    /// The request (head and body) did not arrive in time (`api.context.request_timeout.app_error`); the server closes the connection after this answer. Any operation can answer it, since any request may carry a body.
    RequestTimeout
    (crate::Json<models::AppError>)
    ,
    /// The request body exceeds the server's limit (`api.context.body_too_large.app_error`).
    PayloadTooLarge
    (crate::Json<models::AppError>)
}

#[derive(Debug, PartialEq, Serialize, Deserialize)]
#[must_use]
pub enum UpdateUserPasswordResponse {
    /// The password is changed.
    Updated
    (crate::Json<models::StatusOk>)
    ,
    /// Invalid or missing parameter: `api.context.invalid_url_param.app_error` (user_id), `api.context.invalid_body_param.app_error` (body), `app.session.get.app_error` (no such session).
    BadRequest
    (crate::Json<models::AppError>)
    ,
    /// No valid session (`api.context.session_expired.app_error`), or a session token in the `access_token` query parameter (`api.context.token_provided.app_error`).
    Unauthorized
    (crate::Json<models::AppError>)
    ,
    /// The caller is neither the user nor allowed to edit other users (`api.context.permissions.app_error`); or, with `EnforceMultifactorAuthentication`, the caller's user has not set up MFA (`api.context.mfa_required.app_error`; every operation that needs a session but `GET /users/me` and the two MFA operations).
    Forbidden
    (crate::Json<models::AppError>)
    ,
    /// Only for a path that matches no route (`api.context.404.app_error`), e.g. a user_id holding a `/`. Mattermost's server never answers 404 on these operations themselves: an unknown user is 403 (or `[]` for an admin) and an unknown session is 400.
    NotFound
    (crate::Json<models::AppError>)
    ,
    /// The request (head and body) did not arrive in time (`api.context.request_timeout.app_error`); the server closes the connection after this answer. Any operation can answer it, since any request may carry a body.
    RequestTimeout
    (crate::Json<models::AppError>)
    ,
    /// The request body exceeds the server's limit (`api.context.body_too_large.app_error`).
    PayloadTooLarge
    (crate::Json<models::AppError>)
    ,
    /// Too many password checks for this account or from this client address (`api.user.login.rate_limited.app_error`); try again after `Retry-After` seconds.
    TooManyRequests
    {
        body: crate::Json<models::AppError>,
        retry_after:
        Option<
        i32
        >
    }
}

#[derive(Debug, PartialEq, Serialize, Deserialize)]
#[must_use]
pub enum UpdateUserRolesResponse {
    /// The roles are set.
    Updated
    (crate::Json<models::StatusOk>)
    ,
    /// Invalid or missing parameter: `api.context.invalid_url_param.app_error` (user_id), `api.context.invalid_body_param.app_error` (body), `app.session.get.app_error` (no such session).
    BadRequest
    (crate::Json<models::AppError>)
    ,
    /// No valid session (`api.context.session_expired.app_error`), or a session token in the `access_token` query parameter (`api.context.token_provided.app_error`).
    Unauthorized
    (crate::Json<models::AppError>)
    ,
    /// The caller is neither the user nor allowed to edit other users (`api.context.permissions.app_error`); or, with `EnforceMultifactorAuthentication`, the caller's user has not set up MFA (`api.context.mfa_required.app_error`; every operation that needs a session but `GET /users/me` and the two MFA operations).
    Forbidden
    (crate::Json<models::AppError>)
    ,
    /// Only for a path that matches no route (`api.context.404.app_error`), e.g. a user_id holding a `/`. Mattermost's server never answers 404 on these operations themselves: an unknown user is 403 (or `[]` for an admin) and an unknown session is 400.
    NotFound
    (crate::Json<models::AppError>)
    ,
    /// The request (head and body) did not arrive in time (`api.context.request_timeout.app_error`); the server closes the connection after this answer. Any operation can answer it, since any request may carry a body.
    RequestTimeout
    (crate::Json<models::AppError>)
    ,
    /// The request body exceeds the server's limit (`api.context.body_too_large.app_error`).
    PayloadTooLarge
    (crate::Json<models::AppError>)
}

/// API
#[cfg_attr(feature = "mock", automock)]
#[async_trait]
#[allow(clippy::too_many_arguments, clippy::ptr_arg)]
pub trait Api<C: Send + Sync> {
    /// Forward-auth check (mm-sessions; not in Mattermost's API)
    async fn auth_check(
        &self,
        role: Option<String>,
        permission: Option<String>,
        redirect: Option<String>,
        context: &C) -> Result<AuthCheckResponse, ApiError>;

    /// Generate MFA secret
    async fn generate_mfa_secret(
        &self,
        user_id: String,
        context: &C) -> Result<GenerateMfaSecretResponse, ApiError>;

    /// Update a user's MFA
    async fn update_user_mfa(
        &self,
        user_id: String,
        body: models::UpdateUserMfaRequest,
        context: &C) -> Result<UpdateUserMfaResponse, ApiError>;

    /// Attach mobile device
    async fn attach_device(
        &self,
        body: models::AttachDeviceRequest,
        context: &C) -> Result<AttachDeviceResponse, ApiError>;

    /// Revoke all sessions from all users.
    async fn revoke_sessions_for_all_users(
        &self,
        context: &C) -> Result<RevokeSessionsForAllUsersResponse, ApiError>;

    /// Get user's sessions
    async fn get_sessions(
        &self,
        user_id: String,
        context: &C) -> Result<GetSessionsResponse, ApiError>;

    /// Revoke all active sessions for a user
    async fn revoke_all_sessions(
        &self,
        user_id: String,
        context: &C) -> Result<RevokeAllSessionsResponse, ApiError>;

    /// Revoke a user session
    async fn revoke_session(
        &self,
        user_id: String,
        body: models::RevokeSessionRequest,
        context: &C) -> Result<RevokeSessionResponse, ApiError>;

    /// Check system health
    async fn ping(
        &self,
        get_server_status: Option<String>,
        device_id: Option<String>,
        use_rest_semantics: Option<String>,
        context: &C) -> Result<PingResponse, ApiError>;

    /// Disable personal access token
    async fn disable_user_access_token(
        &self,
        body: models::TokenIdRequest,
        context: &C) -> Result<DisableUserAccessTokenResponse, ApiError>;

    /// Enable personal access token
    async fn enable_user_access_token(
        &self,
        body: models::TokenIdRequest,
        context: &C) -> Result<EnableUserAccessTokenResponse, ApiError>;

    /// Get user access tokens
    async fn get_user_access_tokens(
        &self,
        page: Option<i32>,
        per_page: Option<i32>,
        context: &C) -> Result<GetUserAccessTokensResponse, ApiError>;

    /// Revoke a user access token
    async fn revoke_user_access_token(
        &self,
        body: models::TokenIdRequest,
        context: &C) -> Result<RevokeUserAccessTokenResponse, ApiError>;

    /// Search tokens
    async fn search_user_access_tokens(
        &self,
        body: models::UserAccessTokenSearch,
        context: &C) -> Result<SearchUserAccessTokensResponse, ApiError>;

    /// Create a user access token
    async fn create_user_access_token(
        &self,
        user_id: String,
        body: models::CreateUserAccessTokenRequest,
        context: &C) -> Result<CreateUserAccessTokenResponse, ApiError>;

    /// Get a user access token
    async fn get_user_access_token(
        &self,
        token_id: String,
        context: &C) -> Result<GetUserAccessTokenResponse, ApiError>;

    /// Get user access tokens
    async fn get_user_access_tokens_for_user(
        &self,
        user_id: String,
        page: Option<i32>,
        per_page: Option<i32>,
        context: &C) -> Result<GetUserAccessTokensForUserResponse, ApiError>;

    /// Get the caller's user
    async fn get_me(
        &self,
        context: &C) -> Result<GetMeResponse, ApiError>;

    /// Login to Mattermost server
    async fn login(
        &self,
        body: models::LoginRequest,
        context: &C) -> Result<LoginResponse, ApiError>;

    /// Logout from the Mattermost server
    async fn logout(
        &self,
        context: &C) -> Result<LogoutResponse, ApiError>;

    /// Get user's audits
    async fn get_user_audits(
        &self,
        user_id: String,
        page: Option<i32>,
        per_page: Option<i32>,
        context: &C) -> Result<GetUserAuditsResponse, ApiError>;

    /// Get a user by username
    async fn get_user_by_username(
        &self,
        username: String,
        context: &C) -> Result<GetUserByUsernameResponse, ApiError>;

    /// Update user active status
    async fn update_user_active(
        &self,
        user_id: String,
        body: models::UpdateUserActiveRequest,
        context: &C) -> Result<UpdateUserActiveResponse, ApiError>;

    /// Update a user's authentication method
    async fn update_user_auth(
        &self,
        user_id: String,
        body: models::UserAuth,
        context: &C) -> Result<UpdateUserAuthResponse, ApiError>;

    /// Update a user's password
    async fn update_user_password(
        &self,
        user_id: String,
        body: models::UpdatePasswordRequest,
        context: &C) -> Result<UpdateUserPasswordResponse, ApiError>;

    /// Update a user's roles
    async fn update_user_roles(
        &self,
        user_id: String,
        body: models::UpdateRolesRequest,
        context: &C) -> Result<UpdateUserRolesResponse, ApiError>;

}

/// API where `Context` isn't passed on every API call
#[cfg_attr(feature = "mock", automock)]
#[async_trait]
#[allow(clippy::too_many_arguments, clippy::ptr_arg)]
pub trait ApiNoContext<C: Send + Sync> {
    // The std::task::Context struct houses a reference to std::task::Waker with the lifetime <'a>.
    // Adding an anonymous lifetime `'a` to allow mockall to create a mock object with the right lifetimes.
    // This is needed because the compiler is unable to determine the lifetimes on F's trait bound
    // where F is the closure created by mockall. We use higher-rank trait bounds here to get around this.

    fn context(&self) -> &C;

    /// Forward-auth check (mm-sessions; not in Mattermost's API)
    async fn auth_check(
        &self,
        role: Option<String>,
        permission: Option<String>,
        redirect: Option<String>,
        ) -> Result<AuthCheckResponse, ApiError>;

    /// Generate MFA secret
    async fn generate_mfa_secret(
        &self,
        user_id: String,
        ) -> Result<GenerateMfaSecretResponse, ApiError>;

    /// Update a user's MFA
    async fn update_user_mfa(
        &self,
        user_id: String,
        body: models::UpdateUserMfaRequest,
        ) -> Result<UpdateUserMfaResponse, ApiError>;

    /// Attach mobile device
    async fn attach_device(
        &self,
        body: models::AttachDeviceRequest,
        ) -> Result<AttachDeviceResponse, ApiError>;

    /// Revoke all sessions from all users.
    async fn revoke_sessions_for_all_users(
        &self,
        ) -> Result<RevokeSessionsForAllUsersResponse, ApiError>;

    /// Get user's sessions
    async fn get_sessions(
        &self,
        user_id: String,
        ) -> Result<GetSessionsResponse, ApiError>;

    /// Revoke all active sessions for a user
    async fn revoke_all_sessions(
        &self,
        user_id: String,
        ) -> Result<RevokeAllSessionsResponse, ApiError>;

    /// Revoke a user session
    async fn revoke_session(
        &self,
        user_id: String,
        body: models::RevokeSessionRequest,
        ) -> Result<RevokeSessionResponse, ApiError>;

    /// Check system health
    async fn ping(
        &self,
        get_server_status: Option<String>,
        device_id: Option<String>,
        use_rest_semantics: Option<String>,
        ) -> Result<PingResponse, ApiError>;

    /// Disable personal access token
    async fn disable_user_access_token(
        &self,
        body: models::TokenIdRequest,
        ) -> Result<DisableUserAccessTokenResponse, ApiError>;

    /// Enable personal access token
    async fn enable_user_access_token(
        &self,
        body: models::TokenIdRequest,
        ) -> Result<EnableUserAccessTokenResponse, ApiError>;

    /// Get user access tokens
    async fn get_user_access_tokens(
        &self,
        page: Option<i32>,
        per_page: Option<i32>,
        ) -> Result<GetUserAccessTokensResponse, ApiError>;

    /// Revoke a user access token
    async fn revoke_user_access_token(
        &self,
        body: models::TokenIdRequest,
        ) -> Result<RevokeUserAccessTokenResponse, ApiError>;

    /// Search tokens
    async fn search_user_access_tokens(
        &self,
        body: models::UserAccessTokenSearch,
        ) -> Result<SearchUserAccessTokensResponse, ApiError>;

    /// Create a user access token
    async fn create_user_access_token(
        &self,
        user_id: String,
        body: models::CreateUserAccessTokenRequest,
        ) -> Result<CreateUserAccessTokenResponse, ApiError>;

    /// Get a user access token
    async fn get_user_access_token(
        &self,
        token_id: String,
        ) -> Result<GetUserAccessTokenResponse, ApiError>;

    /// Get user access tokens
    async fn get_user_access_tokens_for_user(
        &self,
        user_id: String,
        page: Option<i32>,
        per_page: Option<i32>,
        ) -> Result<GetUserAccessTokensForUserResponse, ApiError>;

    /// Get the caller's user
    async fn get_me(
        &self,
        ) -> Result<GetMeResponse, ApiError>;

    /// Login to Mattermost server
    async fn login(
        &self,
        body: models::LoginRequest,
        ) -> Result<LoginResponse, ApiError>;

    /// Logout from the Mattermost server
    async fn logout(
        &self,
        ) -> Result<LogoutResponse, ApiError>;

    /// Get user's audits
    async fn get_user_audits(
        &self,
        user_id: String,
        page: Option<i32>,
        per_page: Option<i32>,
        ) -> Result<GetUserAuditsResponse, ApiError>;

    /// Get a user by username
    async fn get_user_by_username(
        &self,
        username: String,
        ) -> Result<GetUserByUsernameResponse, ApiError>;

    /// Update user active status
    async fn update_user_active(
        &self,
        user_id: String,
        body: models::UpdateUserActiveRequest,
        ) -> Result<UpdateUserActiveResponse, ApiError>;

    /// Update a user's authentication method
    async fn update_user_auth(
        &self,
        user_id: String,
        body: models::UserAuth,
        ) -> Result<UpdateUserAuthResponse, ApiError>;

    /// Update a user's password
    async fn update_user_password(
        &self,
        user_id: String,
        body: models::UpdatePasswordRequest,
        ) -> Result<UpdateUserPasswordResponse, ApiError>;

    /// Update a user's roles
    async fn update_user_roles(
        &self,
        user_id: String,
        body: models::UpdateRolesRequest,
        ) -> Result<UpdateUserRolesResponse, ApiError>;

}

/// Trait to extend an API to make it easy to bind it to a context.
pub trait ContextWrapperExt<C: Send + Sync> where Self: Sized
{
    /// Binds this API to a context.
    fn with_context(self, context: C) -> ContextWrapper<Self, C>;
}

impl<T: Api<C> + Send + Sync, C: Clone + Send + Sync> ContextWrapperExt<C> for T {
    fn with_context(self: T, context: C) -> ContextWrapper<T, C> {
         ContextWrapper::<T, C>::new(self, context)
    }
}

#[async_trait]
impl<T: Api<C> + Send + Sync, C: Clone + Send + Sync> ApiNoContext<C> for ContextWrapper<T, C> {
    fn context(&self) -> &C {
        ContextWrapper::context(self)
    }

    /// Forward-auth check (mm-sessions; not in Mattermost's API)
    async fn auth_check(
        &self,
        role: Option<String>,
        permission: Option<String>,
        redirect: Option<String>,
        ) -> Result<AuthCheckResponse, ApiError>
    {
        let context = self.context().clone();
        self.api().auth_check(role, permission, redirect, &context).await
    }

    /// Generate MFA secret
    async fn generate_mfa_secret(
        &self,
        user_id: String,
        ) -> Result<GenerateMfaSecretResponse, ApiError>
    {
        let context = self.context().clone();
        self.api().generate_mfa_secret(user_id, &context).await
    }

    /// Update a user's MFA
    async fn update_user_mfa(
        &self,
        user_id: String,
        body: models::UpdateUserMfaRequest,
        ) -> Result<UpdateUserMfaResponse, ApiError>
    {
        let context = self.context().clone();
        self.api().update_user_mfa(user_id, body, &context).await
    }

    /// Attach mobile device
    async fn attach_device(
        &self,
        body: models::AttachDeviceRequest,
        ) -> Result<AttachDeviceResponse, ApiError>
    {
        let context = self.context().clone();
        self.api().attach_device(body, &context).await
    }

    /// Revoke all sessions from all users.
    async fn revoke_sessions_for_all_users(
        &self,
        ) -> Result<RevokeSessionsForAllUsersResponse, ApiError>
    {
        let context = self.context().clone();
        self.api().revoke_sessions_for_all_users(&context).await
    }

    /// Get user's sessions
    async fn get_sessions(
        &self,
        user_id: String,
        ) -> Result<GetSessionsResponse, ApiError>
    {
        let context = self.context().clone();
        self.api().get_sessions(user_id, &context).await
    }

    /// Revoke all active sessions for a user
    async fn revoke_all_sessions(
        &self,
        user_id: String,
        ) -> Result<RevokeAllSessionsResponse, ApiError>
    {
        let context = self.context().clone();
        self.api().revoke_all_sessions(user_id, &context).await
    }

    /// Revoke a user session
    async fn revoke_session(
        &self,
        user_id: String,
        body: models::RevokeSessionRequest,
        ) -> Result<RevokeSessionResponse, ApiError>
    {
        let context = self.context().clone();
        self.api().revoke_session(user_id, body, &context).await
    }

    /// Check system health
    async fn ping(
        &self,
        get_server_status: Option<String>,
        device_id: Option<String>,
        use_rest_semantics: Option<String>,
        ) -> Result<PingResponse, ApiError>
    {
        let context = self.context().clone();
        self.api().ping(get_server_status, device_id, use_rest_semantics, &context).await
    }

    /// Disable personal access token
    async fn disable_user_access_token(
        &self,
        body: models::TokenIdRequest,
        ) -> Result<DisableUserAccessTokenResponse, ApiError>
    {
        let context = self.context().clone();
        self.api().disable_user_access_token(body, &context).await
    }

    /// Enable personal access token
    async fn enable_user_access_token(
        &self,
        body: models::TokenIdRequest,
        ) -> Result<EnableUserAccessTokenResponse, ApiError>
    {
        let context = self.context().clone();
        self.api().enable_user_access_token(body, &context).await
    }

    /// Get user access tokens
    async fn get_user_access_tokens(
        &self,
        page: Option<i32>,
        per_page: Option<i32>,
        ) -> Result<GetUserAccessTokensResponse, ApiError>
    {
        let context = self.context().clone();
        self.api().get_user_access_tokens(page, per_page, &context).await
    }

    /// Revoke a user access token
    async fn revoke_user_access_token(
        &self,
        body: models::TokenIdRequest,
        ) -> Result<RevokeUserAccessTokenResponse, ApiError>
    {
        let context = self.context().clone();
        self.api().revoke_user_access_token(body, &context).await
    }

    /// Search tokens
    async fn search_user_access_tokens(
        &self,
        body: models::UserAccessTokenSearch,
        ) -> Result<SearchUserAccessTokensResponse, ApiError>
    {
        let context = self.context().clone();
        self.api().search_user_access_tokens(body, &context).await
    }

    /// Create a user access token
    async fn create_user_access_token(
        &self,
        user_id: String,
        body: models::CreateUserAccessTokenRequest,
        ) -> Result<CreateUserAccessTokenResponse, ApiError>
    {
        let context = self.context().clone();
        self.api().create_user_access_token(user_id, body, &context).await
    }

    /// Get a user access token
    async fn get_user_access_token(
        &self,
        token_id: String,
        ) -> Result<GetUserAccessTokenResponse, ApiError>
    {
        let context = self.context().clone();
        self.api().get_user_access_token(token_id, &context).await
    }

    /// Get user access tokens
    async fn get_user_access_tokens_for_user(
        &self,
        user_id: String,
        page: Option<i32>,
        per_page: Option<i32>,
        ) -> Result<GetUserAccessTokensForUserResponse, ApiError>
    {
        let context = self.context().clone();
        self.api().get_user_access_tokens_for_user(user_id, page, per_page, &context).await
    }

    /// Get the caller's user
    async fn get_me(
        &self,
        ) -> Result<GetMeResponse, ApiError>
    {
        let context = self.context().clone();
        self.api().get_me(&context).await
    }

    /// Login to Mattermost server
    async fn login(
        &self,
        body: models::LoginRequest,
        ) -> Result<LoginResponse, ApiError>
    {
        let context = self.context().clone();
        self.api().login(body, &context).await
    }

    /// Logout from the Mattermost server
    async fn logout(
        &self,
        ) -> Result<LogoutResponse, ApiError>
    {
        let context = self.context().clone();
        self.api().logout(&context).await
    }

    /// Get user's audits
    async fn get_user_audits(
        &self,
        user_id: String,
        page: Option<i32>,
        per_page: Option<i32>,
        ) -> Result<GetUserAuditsResponse, ApiError>
    {
        let context = self.context().clone();
        self.api().get_user_audits(user_id, page, per_page, &context).await
    }

    /// Get a user by username
    async fn get_user_by_username(
        &self,
        username: String,
        ) -> Result<GetUserByUsernameResponse, ApiError>
    {
        let context = self.context().clone();
        self.api().get_user_by_username(username, &context).await
    }

    /// Update user active status
    async fn update_user_active(
        &self,
        user_id: String,
        body: models::UpdateUserActiveRequest,
        ) -> Result<UpdateUserActiveResponse, ApiError>
    {
        let context = self.context().clone();
        self.api().update_user_active(user_id, body, &context).await
    }

    /// Update a user's authentication method
    async fn update_user_auth(
        &self,
        user_id: String,
        body: models::UserAuth,
        ) -> Result<UpdateUserAuthResponse, ApiError>
    {
        let context = self.context().clone();
        self.api().update_user_auth(user_id, body, &context).await
    }

    /// Update a user's password
    async fn update_user_password(
        &self,
        user_id: String,
        body: models::UpdatePasswordRequest,
        ) -> Result<UpdateUserPasswordResponse, ApiError>
    {
        let context = self.context().clone();
        self.api().update_user_password(user_id, body, &context).await
    }

    /// Update a user's roles
    async fn update_user_roles(
        &self,
        user_id: String,
        body: models::UpdateRolesRequest,
        ) -> Result<UpdateUserRolesResponse, ApiError>
    {
        let context = self.context().clone();
        self.api().update_user_roles(user_id, body, &context).await
    }

}


#[cfg(feature = "client")]
pub mod client;

// Re-export Client as a top-level name
#[cfg(feature = "client")]
pub use client::Client;

#[cfg(feature = "server")]
pub mod server;

// Re-export router() as a top-level name
#[cfg(feature = "server")]
pub use self::server::Service;

#[cfg(feature = "server")]
pub mod context;

pub mod models;

pub mod json;
pub use json::{Json, Map, Serialized, SharedMap};

#[cfg(any(feature = "client", feature = "server"))]
pub(crate) mod header;
