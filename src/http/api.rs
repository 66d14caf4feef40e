//! The generated `Api` trait, implemented thinly over [`SessionService`]: unpack the request,
//! call the service, map its result onto the operation's response enum.

use async_trait::async_trait;
use mm_sessions_api::{
    models, Api, AttachDeviceResponse, GetMeResponse, GetSessionsResponse, GetUserAuditsResponse,
    GetUserByUsernameResponse, LoginResponse, LogoutResponse, PingResponse, RevokeAllSessionsResponse,
    RevokeSessionResponse, RevokeSessionsForAllUsersResponse, UpdateUserActiveResponse, UpdateUserPasswordResponse,
};
use swagger::ApiError;

use super::context::RequestContext;
use super::cookies;
use crate::domain::{Audit, Session, User};
use crate::error::AppError;
use crate::service::{LoginAttempt, PasswordChange, SessionService};

/// The handlers.
#[derive(Clone)]
pub struct Handlers {
    service: SessionService,
}

impl Handlers {
    /// Handlers over `service`.
    pub fn new(service: SessionService) -> Self {
        Handlers { service }
    }
}

/// Maps an [`AppError`] onto the operation's declared error variants. A status the operation does
/// not declare (an internal failure) goes to [`RequestContext::fail`]: the pipeline renders and
/// logs it, in the one place every such error is (`super::response::render_error`).
macro_rules! declared_error {
    ($response:ident, $error:expr, $ctx:expr, { $($status:literal => $variant:ident),* $(,)? }) => {{
        let error: AppError = $error;
        match error.status() {
            $($status => Ok($response::$variant(error.to_model($ctx.request_id()))),)*
            _ => Err($ctx.fail(error)),
        }
    }};
}

/// The sanitized JSON form of a session: never a token.
fn to_model(session: Session) -> models::Session {
    models::Session::new(
        session.id.into_string(),
        String::new(),
        session.create_at,
        session.expires_at,
        session.last_activity_at,
        session.user_id.into_string(),
        session.device_id,
        session.roles,
        session.is_oauth,
        session.expired_notify,
        session.local,
        session.props.iter().map(|(k, v)| (k.clone(), v.clone())).collect(),
        // Teams are not this service's concern; Mattermost sends `[]` for a user without teams.
        Vec::new(),
    )
}

/// An audit record's JSON form.
fn audit_model(audit: Audit) -> models::Audit {
    models::Audit::new(
        audit.id.into_string(),
        audit.create_at,
        audit.user_id,
        audit.action,
        audit.extra_info,
        audit.ip_address,
        audit.session_id,
    )
}

/// The sanitized JSON form of a user: never its password hash.
fn user_model(user: &User) -> models::User {
    models::User::new(
        user.id.to_string(),
        user.create_at,
        user.update_at,
        user.delete_at,
        user.username.clone(),
        user.email.clone(),
        String::new(),
        String::new(),
        String::new(),
        user.roles.clone(),
        "en".into(),
        String::new(),
    )
}

/// The JS client's `deviceId`, read from the raw body (see the LoginRequest definition).
fn camel_case_device_id(ctx: &RequestContext) -> Option<String> {
    let body: serde_json::Value = serde_json::from_slice(&ctx.request.body).ok()?;
    body.get("deviceId")?.as_str().filter(|d| !d.is_empty()).map(str::to_owned)
}

/// `Retry-After` in whole seconds, rounded up: never an invitation to retry too early.
fn retry_after(wait: std::time::Duration) -> i32 {
    i32::try_from(wait.as_secs() + u64::from(wait.subsec_nanos() > 0)).unwrap_or(i32::MAX).max(1)
}

fn ok_status() -> models::StatusOk {
    models::StatusOk::new(models::StatusOkStatus::Ok)
}

#[async_trait]
impl Api<RequestContext> for Handlers {
    async fn get_sessions(&self, user_id: String, ctx: &RequestContext) -> Result<GetSessionsResponse, ApiError> {
        let result = async { self.service.list_sessions(ctx.actor()?, &user_id).await }.await;
        match result {
            Ok(sessions) => Ok(GetSessionsResponse::Sessions(sessions.into_iter().map(to_model).collect())),
            Err(e) => declared_error!(GetSessionsResponse, e, ctx, {
                400 => BadRequest, 401 => Unauthorized, 403 => Forbidden, 404 => NotFound,
            }),
        }
    }

    async fn revoke_session(
        &self,
        user_id: String,
        body: models::RevokeSessionRequest,
        ctx: &RequestContext,
    ) -> Result<RevokeSessionResponse, ApiError> {
        let result = async { self.service.revoke_session(ctx.actor()?, &user_id, &body.session_id).await }.await;
        match result {
            Ok(()) => Ok(RevokeSessionResponse::Revoked(ok_status())),
            Err(e) => declared_error!(RevokeSessionResponse, e, ctx, {
                400 => BadRequest, 401 => Unauthorized, 403 => Forbidden, 404 => NotFound, 413 => PayloadTooLarge,
            }),
        }
    }

    async fn revoke_all_sessions(
        &self,
        user_id: String,
        ctx: &RequestContext,
    ) -> Result<RevokeAllSessionsResponse, ApiError> {
        let result = async { self.service.revoke_all_sessions(ctx.actor()?, &user_id).await }.await;
        match result {
            Ok(_) => Ok(RevokeAllSessionsResponse::Revoked(ok_status())),
            Err(e) => declared_error!(RevokeAllSessionsResponse, e, ctx, {
                400 => BadRequest, 401 => Unauthorized, 403 => Forbidden, 404 => NotFound, 413 => PayloadTooLarge,
            }),
        }
    }

    async fn login(&self, body: models::LoginRequest, ctx: &RequestContext) -> Result<LoginResponse, ApiError> {
        let device_id =
            body.device_id.filter(|d| !d.is_empty()).or_else(|| camel_case_device_id(ctx)).unwrap_or_default();
        let attempt = LoginAttempt {
            login_id: body.login_id,
            password: body.password,
            device_id,
            ldap_only: body.ldap_only.as_deref() == Some("true"),
            user_agent: ctx.request.user_agent.clone(),
            origin: ctx.origin().clone(),
        };
        match self.service.login(attempt).await {
            Ok((user, token, session)) => {
                if ctx.request.xhr {
                    let now = self.service.clock().now_millis();
                    for cookie in cookies::for_session(token.expose(), &session, now, ctx.request.secure) {
                        ctx.set_cookie(cookie);
                    }
                }
                Ok(LoginResponse::LoggedIn { body: user_model(&user), token: Some(token.expose().to_owned()) })
            }
            Err(AppError::RateLimited(wait)) => Ok(LoginResponse::TooManyRequests {
                body: AppError::RateLimited(wait).to_model(ctx.request_id()),
                retry_after: Some(retry_after(wait)),
            }),
            Err(e) => declared_error!(LoginResponse, e, ctx, {
                400 => BadRequest, 401 => InvalidCredentials, 404 => NotFound, 413 => PayloadTooLarge,
            }),
        }
    }

    async fn logout(&self, ctx: &RequestContext) -> Result<LogoutResponse, ApiError> {
        match self.service.logout(ctx.caller()).await {
            Ok(()) => {
                for cookie in cookies::cleared(ctx.request.secure) {
                    ctx.set_cookie(cookie);
                }
                Ok(LogoutResponse::LoggedOut(ok_status()))
            }
            Err(e) => declared_error!(LogoutResponse, e, ctx, { 404 => NotFound, 413 => PayloadTooLarge }),
        }
    }

    async fn get_me(&self, ctx: &RequestContext) -> Result<GetMeResponse, ApiError> {
        let result = async { self.service.me(ctx.require_caller()?).await }.await;
        match result {
            Ok(user) => {
                let e_tag = Some(format!("{}.{}", user.id, user.update_at));
                Ok(GetMeResponse::Me { body: user_model(&user), e_tag })
            }
            Err(e) => declared_error!(GetMeResponse, e, ctx, { 401 => Unauthorized, 404 => NotFound }),
        }
    }

    async fn get_user_by_username(
        &self,
        username: String,
        ctx: &RequestContext,
    ) -> Result<GetUserByUsernameResponse, ApiError> {
        let result = async {
            ctx.require_caller()?;
            self.service.user_by_username(&username).await
        }
        .await;
        match result {
            Ok(user) => Ok(GetUserByUsernameResponse::User(user_model(&user))),
            Err(e) => declared_error!(GetUserByUsernameResponse, e, ctx, {
                400 => BadRequest, 401 => Unauthorized, 404 => UserNotFound,
            }),
        }
    }

    async fn update_user_password(
        &self,
        user_id: String,
        body: models::UpdatePasswordRequest,
        ctx: &RequestContext,
    ) -> Result<UpdateUserPasswordResponse, ApiError> {
        let change = PasswordChange {
            current_password: body.current_password.unwrap_or_default(),
            new_password: body.new_password.unwrap_or_default(),
        };
        let result = async { self.service.update_password(ctx.actor()?, &user_id, change).await }.await;
        match result {
            Ok(_) => Ok(UpdateUserPasswordResponse::Updated(ok_status())),
            Err(AppError::RateLimited(wait)) => Ok(UpdateUserPasswordResponse::TooManyRequests {
                body: AppError::RateLimited(wait).to_model(ctx.request_id()),
                retry_after: Some(retry_after(wait)),
            }),
            Err(e) => declared_error!(UpdateUserPasswordResponse, e, ctx, {
                400 => BadRequest, 401 => Unauthorized, 403 => Forbidden, 404 => NotFound,
            }),
        }
    }

    async fn get_user_audits(
        &self,
        user_id: String,
        page: Option<i32>,
        per_page: Option<i32>,
        ctx: &RequestContext,
    ) -> Result<GetUserAuditsResponse, ApiError> {
        // Mattermost's paging (`web/params.go`): nonsense or negative means the first page and
        // 60 a page; more than 200 a page means 200.
        let page = page.and_then(|p| u32::try_from(p).ok()).unwrap_or(0);
        let per_page = per_page.and_then(|p| u32::try_from(p).ok()).unwrap_or(60).min(200);
        let result = async { self.service.audits(ctx.actor()?, &user_id, page, per_page).await }.await;
        match result {
            Ok(audits) => Ok(GetUserAuditsResponse::Audits(audits.into_iter().map(audit_model).collect())),
            Err(e) => declared_error!(GetUserAuditsResponse, e, ctx, {
                400 => BadRequest, 401 => Unauthorized, 403 => Forbidden, 404 => NotFound,
            }),
        }
    }

    async fn update_user_active(
        &self,
        user_id: String,
        body: models::UpdateUserActiveRequest,
        ctx: &RequestContext,
    ) -> Result<UpdateUserActiveResponse, ApiError> {
        let result = async { self.service.update_active(ctx.actor()?, &user_id, body.active).await }.await;
        match result {
            Ok(_) => Ok(UpdateUserActiveResponse::Updated(ok_status())),
            Err(e) => declared_error!(UpdateUserActiveResponse, e, ctx, {
                400 => BadRequest, 401 => Unauthorized, 403 => Forbidden, 404 => UserNotFound,
            }),
        }
    }

    async fn revoke_sessions_for_all_users(
        &self,
        ctx: &RequestContext,
    ) -> Result<RevokeSessionsForAllUsersResponse, ApiError> {
        let result = async { self.service.revoke_everyone(ctx.require_caller()?).await }.await;
        match result {
            Ok(_) => Ok(RevokeSessionsForAllUsersResponse::Revoked(ok_status())),
            Err(e) => declared_error!(RevokeSessionsForAllUsersResponse, e, ctx, {
                401 => Unauthorized, 403 => Forbidden, 404 => NotFound,
            }),
        }
    }

    async fn attach_device(
        &self,
        body: models::AttachDeviceRequest,
        ctx: &RequestContext,
    ) -> Result<AttachDeviceResponse, ApiError> {
        let device_id = body.device_id.unwrap_or_default();
        let result = async { self.service.attach_device(ctx.require_caller()?, &device_id).await }.await;
        match result {
            Ok(()) => Ok(AttachDeviceResponse::Attached(ok_status())),
            Err(e) => declared_error!(AttachDeviceResponse, e, ctx, {
                400 => BadRequest, 401 => Unauthorized, 404 => NotFound,
            }),
        }
    }

    async fn ping(&self, ctx: &RequestContext) -> Result<PingResponse, ApiError> {
        match self.service.ping().await {
            Ok(()) => Ok(PingResponse::Pong(ok_status())),
            Err(e) => {
                tracing::error!(request_id = %ctx.request_id(), error = %e, "health check failed");
                Ok(PingResponse::Unhealthy(e.to_model(ctx.request_id())))
            }
        }
    }
}
