//! The generated `Api` trait, implemented thinly over [`SessionService`]: unpack the request,
//! call the service, map its result onto the operation's response enum.

use async_trait::async_trait;
use mm_sessions_api::{models, Api, GetSessionsResponse, RevokeAllSessionsResponse, RevokeSessionResponse};
use swagger::ApiError;

use super::context::RequestContext;
use crate::domain::Session;
use crate::error::AppError;
use crate::service::SessionService;

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
/// not declare (an internal failure) becomes `Err`, which the generated layer answers 500 and
/// [`super::middleware`] turns into an AppError; the cause is logged here, with the request id.
macro_rules! error_response {
    ($response:ident, $error:expr, $ctx:expr, { $($status:literal => $variant:ident),* $(,)? }) => {{
        let error: AppError = $error;
        match error.status() {
            $($status => Ok($response::$variant(error.to_model($ctx.request_id()))),)*
            _ => {
                tracing::error!(request_id = %$ctx.request_id(), error = %error, "request failed");
                Err(ApiError(error.to_string()))
            }
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
        session.user_id,
        session.device_id,
        session.roles,
        session.is_oauth,
        session.expired_notify,
        session.local,
        session.props.into_iter().collect(),
        // Teams are not this service's concern; Mattermost sends `[]` for a user without teams.
        Vec::new(),
    )
}

fn ok_status() -> models::StatusOk {
    models::StatusOk::new(models::StatusOkStatus::Ok)
}

#[async_trait]
impl Api<RequestContext> for Handlers {
    async fn get_sessions(&self, user_id: String, ctx: &RequestContext) -> Result<GetSessionsResponse, ApiError> {
        let result = match ctx.caller() {
            Some(caller) => self.service.list_sessions(caller, &user_id).await,
            None => Err(AppError::SessionExpired),
        };
        match result {
            Ok(sessions) => Ok(GetSessionsResponse::Sessions(sessions.into_iter().map(to_model).collect())),
            Err(e) => error_response!(GetSessionsResponse, e, ctx, {
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
        let result = match ctx.caller() {
            Some(caller) => self.service.revoke_session(caller, &user_id, &body.session_id).await,
            None => Err(AppError::SessionExpired),
        };
        match result {
            Ok(()) => Ok(RevokeSessionResponse::Revoked(ok_status())),
            Err(e) => error_response!(RevokeSessionResponse, e, ctx, {
                400 => BadRequest, 401 => Unauthorized, 403 => Forbidden, 404 => NotFound, 413 => PayloadTooLarge,
            }),
        }
    }

    async fn revoke_all_sessions(
        &self,
        user_id: String,
        ctx: &RequestContext,
    ) -> Result<RevokeAllSessionsResponse, ApiError> {
        let result = match ctx.caller() {
            Some(caller) => self.service.revoke_all_sessions(caller, &user_id).await,
            None => Err(AppError::SessionExpired),
        };
        match result {
            Ok(_) => Ok(RevokeAllSessionsResponse::Revoked(ok_status())),
            Err(e) => error_response!(RevokeAllSessionsResponse, e, ctx, {
                400 => BadRequest, 401 => Unauthorized, 403 => Forbidden, 404 => NotFound, 413 => PayloadTooLarge,
            }),
        }
    }
}
