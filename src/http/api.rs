//! The generated `Api` trait, implemented thinly over [`SessionService`]: unpack the request,
//! call the service, map its success onto the operation's response enum. An error is handed to
//! [`RequestContext::fail`] whatever it is: the pipeline renders it, in the one place every
//! error is rendered (`super::response::render_error`), with its status, Mattermost's id and
//! message, and `Retry-After` on a 429. (The spec still declares each operation's error
//! statuses, for clients; the suite checks every answer against them, `tests/suite/contract.rs`.)

use std::sync::Arc;

use async_trait::async_trait;
use mm_sessions_api::{
    models, Api, AttachDeviceResponse, AuthCheckResponse, CreateUserAccessTokenResponse,
    DisableUserAccessTokenResponse, EnableUserAccessTokenResponse, GenerateMfaSecretResponse, GetMeResponse,
    GetSessionsResponse, GetUserAccessTokenResponse, GetUserAccessTokensForUserResponse, GetUserAccessTokensResponse,
    GetUserAuditsResponse, GetUserByUsernameResponse, LoginResponse, LogoutResponse, PingResponse,
    RevokeAllSessionsResponse, RevokeSessionResponse, RevokeSessionsForAllUsersResponse, RevokeUserAccessTokenResponse,
    SearchUserAccessTokensResponse, UpdateUserActiveResponse, UpdateUserAuthResponse, UpdateUserMfaResponse,
    UpdateUserPasswordResponse, UpdateUserRolesResponse,
};
use swagger::ApiError;

use super::context::RequestContext;
use super::cookies;
use super::json::{
    audit_model, camel_case_device_id, map_string, ok_status, paging, session_model, token_model, user_model, Viewer,
};
use crate::config::AllowedHosts;
use crate::config::ClientRequirements;
use crate::error::AppError;
use crate::service::{LoggedIn, LoginAttempt, NewToken, PasswordChange, Requirement, SessionService};

/// The handlers. The generated router clones its `Api` for every request, so their state sits
/// behind one `Arc`: a request costs one reference count, not a copy of the service's.
#[derive(Clone)]
pub struct Handlers(Arc<HandlerState>);

/// What the handlers work with.
pub struct HandlerState {
    service: SessionService,
    client_requirements: ClientRequirements,
    allowed_redirect_hosts: AllowedHosts,
}

impl std::ops::Deref for Handlers {
    type Target = HandlerState;

    fn deref(&self) -> &HandlerState {
        &self.0
    }
}

impl Handlers {
    /// Handlers over `service`; `GET /system/ping` reports `client_requirements`; the
    /// forward-auth check sends people back only to `allowed_redirect_hosts`.
    pub fn new(
        service: SessionService,
        client_requirements: ClientRequirements,
        allowed_redirect_hosts: AllowedHosts,
    ) -> Self {
        Handlers(Arc::new(HandlerState { service, client_requirements, allowed_redirect_hosts }))
    }

    /// The sign-in page, with `redirect_to` the URL the proxy forwarded if it may go there.
    fn sign_in_page(&self, ctx: &RequestContext) -> String {
        let page = format!("{}/", self.service.policy().site_url.trim().trim_end_matches('/'));
        let back = ctx
            .request
            .forwarded_url
            .as_deref()
            .and_then(|url| super::redirect::safe_target(url, &self.allowed_redirect_hosts));
        match back {
            Some(back) => format!(
                "{page}?redirect_to={}",
                url::form_urlencoded::byte_serialize(back.as_bytes()).collect::<String>()
            ),
            None => page,
        }
    }
}

#[async_trait]
impl Api<RequestContext> for Handlers {
    async fn get_sessions(&self, user_id: String, ctx: &RequestContext) -> Result<GetSessionsResponse, ApiError> {
        let result = async { self.service.list_sessions(ctx.actor()?, &user_id).await }.await;
        match result {
            Ok(sessions) => Ok(GetSessionsResponse::Sessions(sessions.iter().map(session_model).collect())),
            Err(e) => Err(ctx.fail(e)),
        }
    }

    async fn revoke_session(
        &self,
        user_id: String,
        body: models::RevokeSessionRequest,
        ctx: &RequestContext,
    ) -> Result<RevokeSessionResponse, ApiError> {
        let result =
            async { self.service.revoke_session(ctx.actor()?, &user_id, &map_string(body.session_id)).await }.await;
        match result {
            Ok(()) => Ok(RevokeSessionResponse::Revoked(ok_status())),
            Err(e) => Err(ctx.fail(e)),
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
            Err(e) => Err(ctx.fail(e)),
        }
    }

    async fn login(&self, body: models::LoginRequest, ctx: &RequestContext) -> Result<LoginResponse, ApiError> {
        // Read as Mattermost reads it, a map of strings: a value that is not a string is "".
        let mut device_id = map_string(body.device_id);
        if device_id.is_empty() {
            device_id = camel_case_device_id(&ctx.request.body).unwrap_or_default();
        }
        let attempt = LoginAttempt {
            id: map_string(body.id),
            login_id: map_string(body.login_id),
            password: map_string(body.password),
            mfa_code: map_string(body.token),
            device_id,
            user_agent: ctx.request.user_agent.clone(),
            device_cookies: ctx.request.device_cookies.clone(),
            origin: ctx.origin().clone(),
        };
        match self.service.login(attempt).await {
            Ok(LoggedIn { user, token, session, device_cookie }) => {
                if ctx.request.xhr {
                    let now = self.service.clock().now_millis();
                    for cookie in cookies::for_session(token.expose(), &session, now, &ctx.request.cookies) {
                        ctx.set_cookie(cookie);
                    }
                }
                // Every client that keeps cookies gets one, browser or not: its owner can sign
                // in from it while someone else spends the account's login budget.
                if let Some(device) = device_cookie {
                    let site_url = &self.service.policy().site_url;
                    ctx.set_cookie(cookies::device(user.id.as_str(), device, &ctx.request.cookies, site_url));
                }
                Ok(LoginResponse::LoggedIn {
                    body: user_model(user, Viewer::Themself).into(),
                    token: Some(token.expose().to_owned()),
                })
            }
            Err(e) => Err(ctx.fail(e)),
        }
    }

    async fn generate_mfa_secret(
        &self,
        user_id: String,
        ctx: &RequestContext,
    ) -> Result<GenerateMfaSecretResponse, ApiError> {
        let result = async { self.service.generate_mfa_secret(ctx.actor()?, &user_id).await }.await;
        match result {
            Ok(new) => Ok(GenerateMfaSecretResponse::Secret {
                body: models::MfaSecret::new(new.secret, data_encoding::BASE64.encode(&new.qr_png)).into(),
                // With the pipeline's `Cache-Control: no-store`: as Mattermost answers it.
                pragma: Some("no-cache".into()),
                expires: Some("0".into()),
            }),
            Err(e) => Err(ctx.fail(e)),
        }
    }

    async fn update_user_mfa(
        &self,
        user_id: String,
        body: models::UpdateUserMfaRequest,
        ctx: &RequestContext,
    ) -> Result<UpdateUserMfaResponse, ApiError> {
        // Read as Mattermost reads it (`StringInterfaceFromJSON`): `activate` must be a boolean,
        // `code` a string.
        let activate = body.activate.as_bool();
        let code = map_string(body.code);
        let result = async { self.service.update_mfa(ctx.actor()?, &user_id, activate, &code).await }.await;
        match result {
            Ok(()) => Ok(UpdateUserMfaResponse::Updated(ok_status())),
            Err(e) => Err(ctx.fail(e)),
        }
    }

    async fn logout(&self, ctx: &RequestContext) -> Result<LogoutResponse, ApiError> {
        match self.service.logout(ctx.caller()).await {
            Ok(()) => {
                for cookie in cookies::cleared(&ctx.request.cookies) {
                    ctx.set_cookie(cookie);
                }
                Ok(LogoutResponse::LoggedOut(ok_status()))
            }
            Err(e) => Err(ctx.fail(e)),
        }
    }

    async fn get_me(&self, ctx: &RequestContext) -> Result<GetMeResponse, ApiError> {
        let result = async { self.service.me(ctx.require_caller()?).await }.await;
        match result {
            Ok(user) => {
                let e_tag = Some(format!("{}.{}", user.id, user.update_at));
                Ok(GetMeResponse::Me { body: user_model(user, Viewer::Themself).into(), e_tag })
            }
            Err(e) => Err(ctx.fail(e)),
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
            Ok(user) => {
                let viewer = match ctx.caller() {
                    Some(caller) if caller.session.user_id == user.id => Viewer::Themself,
                    _ => Viewer::Other,
                };
                Ok(GetUserByUsernameResponse::User(user_model(user, viewer).into()))
            }
            Err(e) => Err(ctx.fail(e)),
        }
    }

    async fn update_user_password(
        &self,
        user_id: String,
        body: models::UpdatePasswordRequest,
        ctx: &RequestContext,
    ) -> Result<UpdateUserPasswordResponse, ApiError> {
        let change = PasswordChange {
            current_password: map_string(body.current_password),
            new_password: map_string(body.new_password),
        };
        let result = async { self.service.update_password(ctx.actor()?, &user_id, change).await }.await;
        match result {
            Ok(_) => Ok(UpdateUserPasswordResponse::Updated(ok_status())),
            Err(e) => Err(ctx.fail(e)),
        }
    }

    async fn get_user_audits(
        &self,
        user_id: String,
        page: Option<i32>,
        per_page: Option<i32>,
        ctx: &RequestContext,
    ) -> Result<GetUserAuditsResponse, ApiError> {
        let (page, per_page) = paging(page, per_page);
        let result = async { self.service.audits(ctx.actor()?, &user_id, page, per_page).await }.await;
        match result {
            Ok(audits) => Ok(GetUserAuditsResponse::Audits(audits.into_iter().map(audit_model).collect())),
            Err(e) => Err(ctx.fail(e)),
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
            Err(e) => Err(ctx.fail(e)),
        }
    }

    async fn update_user_auth(
        &self,
        user_id: String,
        body: models::UserAuth,
        ctx: &RequestContext,
    ) -> Result<UpdateUserAuthResponse, ApiError> {
        let (service, data) = (body.auth_service, body.auth_data);
        let result =
            async { self.service.set_sign_in_method(ctx.actor()?, &user_id, &service, Some(&data)).await }.await;
        match result {
            Ok((auth_service, auth_data)) => {
                Ok(UpdateUserAuthResponse::Updated(models::UserAuth { auth_service, auth_data }.into()))
            }
            Err(e) => Err(ctx.fail(e)),
        }
    }

    async fn revoke_sessions_for_all_users(
        &self,
        ctx: &RequestContext,
    ) -> Result<RevokeSessionsForAllUsersResponse, ApiError> {
        let result = async { self.service.revoke_everyone(ctx.require_caller()?).await }.await;
        match result {
            Ok(_) => Ok(RevokeSessionsForAllUsersResponse::Revoked(ok_status())),
            Err(e) => Err(ctx.fail(e)),
        }
    }

    async fn attach_device(
        &self,
        body: models::AttachDeviceRequest,
        ctx: &RequestContext,
    ) -> Result<AttachDeviceResponse, ApiError> {
        let device_id = body.device_id;
        let result = async { self.service.attach_device(ctx.require_caller()?, device_id).await }.await;
        match result {
            Ok(()) => Ok(AttachDeviceResponse::Attached(ok_status())),
            Err(e) => Err(ctx.fail(e)),
        }
    }

    async fn auth_check(
        &self,
        role: Option<String>,
        permission: Option<String>,
        redirect: Option<String>,
        ctx: &RequestContext,
    ) -> Result<AuthCheckResponse, ApiError> {
        let requirement = Requirement { role: role.as_deref(), permission: permission.as_deref() };
        match self.service.check_forward_auth(ctx.caller(), requirement).await {
            // Always all four: a proxy that copies them must overwrite whatever a client sent.
            Ok(user) => {
                let session = ctx.caller().map(|c| c.session.clone());
                Ok(AuthCheckResponse::Allowed {
                    body: ok_status(),
                    x_mattermost_user_id: Some(user.id.to_string()),
                    x_mattermost_username: Some(user.username),
                    x_mattermost_roles: Some(session.as_ref().map(|s| s.roles.clone()).unwrap_or_default()),
                    x_mattermost_session_id: Some(session.map(|s| s.id.to_string()).unwrap_or_default()),
                })
            }
            // Without a SiteURL the sign-in page has no address the app's host can reach (a
            // relative one would send the browser back to the protected page, forever).
            Err(AppError::SessionExpired)
                if redirect.as_deref() == Some("true") && !self.service.policy().site_url.trim().is_empty() =>
            {
                Ok(AuthCheckResponse::SignIn { location: Some(self.sign_in_page(ctx)) })
            }
            Err(e) => Err(ctx.fail(e)),
        }
    }

    async fn ping(
        &self,
        get_server_status: Option<String>,
        device_id: Option<String>,
        use_rest_semantics: Option<String>,
        ctx: &RequestContext,
    ) -> Result<PingResponse, ApiError> {
        use models::SystemStatusStatus as Status;
        let requirements = &self.client_requirements;
        let mut answer = models::SystemStatus::new(
            Status::Ok,
            requirements.android_latest_version.clone(),
            requirements.android_min_version.clone(),
            requirements.ios_latest_version.clone(),
            requirements.ios_min_version.clone(),
            "database".into(),
        );
        let check_store = get_server_status.as_deref() == Some("true");
        // Without get_server_status, Mattermost checks nothing but that it answers; here the
        // store too (what a health check relies on), without a write.
        let healthy = match self.service.health(check_store).await {
            Ok(()) => true,
            Err(e) => {
                tracing::error!(request_id = %ctx.request_id(), error = %e, "health check failed");
                false
            }
        };
        let checked = if healthy { Status::Ok } else { Status::Unhealthy };
        answer.status = checked;
        let mut headers = (None, None, None);
        if check_store {
            answer.database_status = Some(checked);
            // No file store here: nothing there can fail.
            answer.filestore_status = Some(Status::Ok);
            headers = (Some(checked.to_string()), Some(checked.to_string()), Some(Status::Ok.to_string()));
        }
        if device_id.is_some_and(|d| !d.is_empty()) {
            // As Mattermost answers with push notifications off: this server sends none.
            answer.can_receive_notifications = Some(models::SystemStatusCanReceiveNotifications::False);
        }
        let (status, database_status, filestore_status) = headers;
        if healthy || use_rest_semantics.as_deref() == Some("true") {
            Ok(PingResponse::Pong { body: answer.into(), status, database_status, filestore_status })
        } else {
            Ok(PingResponse::Unhealthy { body: answer.into(), status, database_status, filestore_status })
        }
    }

    async fn update_user_roles(
        &self,
        user_id: String,
        body: models::UpdateRolesRequest,
        ctx: &RequestContext,
    ) -> Result<UpdateUserRolesResponse, ApiError> {
        let roles = map_string(body.roles);
        let result = async { self.service.update_roles(ctx.actor()?, &user_id, &roles).await }.await;
        match result {
            Ok(()) => Ok(UpdateUserRolesResponse::Updated(ok_status())),
            Err(e) => Err(ctx.fail(e)),
        }
    }

    async fn create_user_access_token(
        &self,
        user_id: String,
        body: models::CreateUserAccessTokenRequest,
        ctx: &RequestContext,
    ) -> Result<CreateUserAccessTokenResponse, ApiError> {
        // Absent, null (which Go decodes as nothing) or 0: never expires.
        let expires_at = match body.expires_at {
            Some(swagger::Nullable::Present(at)) => at,
            _ => 0,
        };
        let new = NewToken { description: body.description, expires_at };
        let result = async { self.service.create_token(ctx.actor()?, &user_id, new).await }.await;
        match result {
            Ok((secret, token)) => {
                let mut model = token_model(token);
                // Shown this once: it is stored only as a hash.
                model.token = Some(secret.expose().to_owned());
                Ok(CreateUserAccessTokenResponse::Created(model.into()))
            }
            Err(e) => Err(ctx.fail(e)),
        }
    }

    async fn get_user_access_tokens_for_user(
        &self,
        user_id: String,
        page: Option<i32>,
        per_page: Option<i32>,
        ctx: &RequestContext,
    ) -> Result<GetUserAccessTokensForUserResponse, ApiError> {
        let (page, per_page) = paging(page, per_page);
        let result = async { self.service.tokens_of(ctx.actor()?, &user_id, page, per_page).await }.await;
        match result {
            Ok(tokens) => Ok(GetUserAccessTokensForUserResponse::Tokens(tokens.into_iter().map(token_model).collect())),
            Err(e) => Err(ctx.fail(e)),
        }
    }

    async fn get_user_access_tokens(
        &self,
        page: Option<i32>,
        per_page: Option<i32>,
        ctx: &RequestContext,
    ) -> Result<GetUserAccessTokensResponse, ApiError> {
        let (page, per_page) = paging(page, per_page);
        let result = async { self.service.all_tokens(ctx.require_caller()?, page, per_page).await }.await;
        match result {
            Ok(tokens) => Ok(GetUserAccessTokensResponse::Tokens(tokens.into_iter().map(token_model).collect())),
            Err(e) => Err(ctx.fail(e)),
        }
    }

    async fn search_user_access_tokens(
        &self,
        body: models::UserAccessTokenSearch,
        ctx: &RequestContext,
    ) -> Result<SearchUserAccessTokensResponse, ApiError> {
        let term = body.term;
        let result = async { self.service.search_tokens(ctx.require_caller()?, &term).await }.await;
        match result {
            Ok(tokens) => Ok(SearchUserAccessTokensResponse::Tokens(tokens.into_iter().map(token_model).collect())),
            Err(e) => Err(ctx.fail(e)),
        }
    }

    async fn get_user_access_token(
        &self,
        token_id: String,
        ctx: &RequestContext,
    ) -> Result<GetUserAccessTokenResponse, ApiError> {
        let result = async { self.service.token(ctx.actor()?, &token_id).await }.await;
        match result {
            Ok(token) => Ok(GetUserAccessTokenResponse::Token(token_model(token).into())),
            Err(e) => Err(ctx.fail(e)),
        }
    }

    async fn revoke_user_access_token(
        &self,
        body: models::TokenIdRequest,
        ctx: &RequestContext,
    ) -> Result<RevokeUserAccessTokenResponse, ApiError> {
        let token_id = map_string(body.token_id);
        let result = async { self.service.revoke_token(ctx.actor()?, &token_id).await }.await;
        match result {
            Ok(()) => Ok(RevokeUserAccessTokenResponse::Revoked(ok_status())),
            Err(e) => Err(ctx.fail(e)),
        }
    }

    async fn disable_user_access_token(
        &self,
        body: models::TokenIdRequest,
        ctx: &RequestContext,
    ) -> Result<DisableUserAccessTokenResponse, ApiError> {
        let token_id = map_string(body.token_id);
        let result = async { self.service.set_token_active(ctx.actor()?, &token_id, false).await }.await;
        match result {
            Ok(()) => Ok(DisableUserAccessTokenResponse::Disabled(ok_status())),
            Err(e) => Err(ctx.fail(e)),
        }
    }

    async fn enable_user_access_token(
        &self,
        body: models::TokenIdRequest,
        ctx: &RequestContext,
    ) -> Result<EnableUserAccessTokenResponse, ApiError> {
        let token_id = map_string(body.token_id);
        let result = async { self.service.set_token_active(ctx.actor()?, &token_id, true).await }.await;
        match result {
            Ok(()) => Ok(EnableUserAccessTokenResponse::Enabled(ok_status())),
            Err(e) => Err(ctx.fail(e)),
        }
    }
}
