//! `ceiling-generated RESPONSES [ADDR]`: the generated-transport ceiling. The generated crate's
//! own stack (its `AddContext` middleware, swagger's allow-all authenticator, the generated
//! router, which parses paths and bodies and writes the answers) around an `Api` whose every
//! method returns a pre-built answer: what the generated layer alone costs. Since #40 the
//! generated crate takes a body as a model or as JSON serialised earlier (`Json<T>`, our template
//! for the generator); the answers here are the latter, serialised once at start by the models'
//! own serializers, so no model is cloned, dropped or serialised per request.

use std::sync::Arc;

use async_trait::async_trait;
use mm_sessions_api::context::AddContext;
use mm_sessions_api::models;
use mm_sessions_api::server::Service as GeneratedRouter;
use mm_sessions_api::{
    Api, AttachDeviceResponse, AuthCheckResponse, GetMeResponse, GetSessionsResponse, GetUserAuditsResponse,
    GetUserByUsernameResponse, Json, LoginResponse, LogoutResponse, PingResponse, RevokeAllSessionsResponse,
    RevokeSessionResponse, RevokeSessionsForAllUsersResponse, Serialized, UpdateUserActiveResponse,
    UpdateUserAuthResponse, UpdateUserPasswordResponse,
};
use swagger::auth::{AllowAllAuthenticator, AuthData, Authorization};
use swagger::{ApiError, ContextBuilder, EmptyContext, XSpanIdString};

/// The context the generated stack builds: span id, raw auth data, then the authorization.
type Context = ContextBuilder<
    Option<Authorization>,
    ContextBuilder<Option<AuthData>, ContextBuilder<XSpanIdString, EmptyContext>>,
>;

/// Every answer decoded once from the captured responses into its model and serialised again
/// by the model's serializer, shared: the generated router clones its `Api` for every request,
/// so the answers sit behind one `Arc` and each call clones only the bytes of the answer it
/// returns. Before 2026-12-02 every model was cloned for every request (10-15% of the ceiling's
/// samples); until #40's `Json<T>` the one answered was cloned, dropped and serialised.
#[derive(Clone)]
struct Fixed(Arc<Answers>);

impl std::ops::Deref for Fixed {
    type Target = Answers;

    fn deref(&self) -> &Answers {
        &self.0
    }
}

struct Answers {
    sessions: Serialized<Vec<models::Session>>,
    revoked: Serialized<models::StatusOk>,
    revoked_all: Serialized<models::StatusOk>,
    user: Serialized<models::User>,
    me: Serialized<models::User>,
    me_etag: Option<String>,
    token: Option<String>,
    checked: Serialized<models::StatusOk>,
    /// The check's identity headers, by lower-case name.
    identity: std::collections::HashMap<String, String>,
}

fn not_benchmarked() -> ApiError {
    ApiError("not benchmarked".into())
}

#[async_trait]
impl<C: Send + Sync> Api<C> for Fixed {
    async fn get_sessions(&self, _user_id: String, _context: &C) -> Result<GetSessionsResponse, ApiError> {
        Ok(GetSessionsResponse::Sessions(Json::Serialized(self.sessions.clone())))
    }

    async fn revoke_all_sessions(&self, _user_id: String, _context: &C) -> Result<RevokeAllSessionsResponse, ApiError> {
        Ok(RevokeAllSessionsResponse::Revoked(Json::Serialized(self.revoked_all.clone())))
    }

    async fn revoke_session(
        &self,
        _user_id: String,
        _body: models::RevokeSessionRequest,
        _context: &C,
    ) -> Result<RevokeSessionResponse, ApiError> {
        Ok(RevokeSessionResponse::Revoked(Json::Serialized(self.revoked.clone())))
    }

    async fn ping(
        &self,
        _get_server_status: Option<String>,
        _device_id: Option<String>,
        _use_rest_semantics: Option<String>,
        _context: &C,
    ) -> Result<PingResponse, ApiError> {
        Err(not_benchmarked())
    }

    async fn get_me(&self, _context: &C) -> Result<GetMeResponse, ApiError> {
        Ok(GetMeResponse::Me { body: Json::Serialized(self.me.clone()), e_tag: self.me_etag.clone() })
    }

    async fn login(&self, _body: models::LoginRequest, _context: &C) -> Result<LoginResponse, ApiError> {
        Ok(LoginResponse::LoggedIn { body: Json::Serialized(self.user.clone()), token: self.token.clone() })
    }

    async fn update_user_roles(
        &self,
        _user_id: String,
        _body: models::UpdateRolesRequest,
        _context: &C,
    ) -> Result<mm_sessions_api::UpdateUserRolesResponse, ApiError> {
        Err(not_benchmarked())
    }

    async fn create_user_access_token(
        &self,
        _user_id: String,
        _body: models::CreateUserAccessTokenRequest,
        _context: &C,
    ) -> Result<mm_sessions_api::CreateUserAccessTokenResponse, ApiError> {
        Err(not_benchmarked())
    }

    async fn get_user_access_tokens_for_user(
        &self,
        _user_id: String,
        _page: Option<i32>,
        _per_page: Option<i32>,
        _context: &C,
    ) -> Result<mm_sessions_api::GetUserAccessTokensForUserResponse, ApiError> {
        Err(not_benchmarked())
    }

    async fn get_user_access_tokens(
        &self,
        _page: Option<i32>,
        _per_page: Option<i32>,
        _context: &C,
    ) -> Result<mm_sessions_api::GetUserAccessTokensResponse, ApiError> {
        Err(not_benchmarked())
    }

    async fn search_user_access_tokens(
        &self,
        _body: models::UserAccessTokenSearch,
        _context: &C,
    ) -> Result<mm_sessions_api::SearchUserAccessTokensResponse, ApiError> {
        Err(not_benchmarked())
    }

    async fn get_user_access_token(
        &self,
        _token_id: String,
        _context: &C,
    ) -> Result<mm_sessions_api::GetUserAccessTokenResponse, ApiError> {
        Err(not_benchmarked())
    }

    async fn generate_mfa_secret(
        &self,
        _user_id: String,
        _context: &C,
    ) -> Result<mm_sessions_api::GenerateMfaSecretResponse, ApiError> {
        Err(not_benchmarked())
    }

    async fn update_user_mfa(
        &self,
        _user_id: String,
        _body: models::UpdateUserMfaRequest,
        _context: &C,
    ) -> Result<mm_sessions_api::UpdateUserMfaResponse, ApiError> {
        Err(not_benchmarked())
    }

    async fn revoke_user_access_token(
        &self,
        _body: models::TokenIdRequest,
        _context: &C,
    ) -> Result<mm_sessions_api::RevokeUserAccessTokenResponse, ApiError> {
        Err(not_benchmarked())
    }

    async fn disable_user_access_token(
        &self,
        _body: models::TokenIdRequest,
        _context: &C,
    ) -> Result<mm_sessions_api::DisableUserAccessTokenResponse, ApiError> {
        Err(not_benchmarked())
    }

    async fn enable_user_access_token(
        &self,
        _body: models::TokenIdRequest,
        _context: &C,
    ) -> Result<mm_sessions_api::EnableUserAccessTokenResponse, ApiError> {
        Err(not_benchmarked())
    }

    async fn auth_check(
        &self,
        _role: Option<String>,
        _permission: Option<String>,
        _redirect: Option<String>,
        _context: &C,
    ) -> Result<AuthCheckResponse, ApiError> {
        let header = |name: &str| self.identity.get(name).cloned();
        Ok(AuthCheckResponse::Allowed {
            body: Json::Serialized(self.checked.clone()),
            x_mattermost_roles: header("x-mattermost-roles"),
            x_mattermost_username: header("x-mattermost-username"),
            x_mattermost_session_id: header("x-mattermost-session-id"),
            x_mattermost_user_id: header("x-mattermost-user-id"),
        })
    }

    async fn logout(&self, _context: &C) -> Result<LogoutResponse, ApiError> {
        Err(not_benchmarked())
    }

    async fn get_user_by_username(
        &self,
        _username: String,
        _context: &C,
    ) -> Result<GetUserByUsernameResponse, ApiError> {
        Err(not_benchmarked())
    }

    async fn update_user_password(
        &self,
        _user_id: String,
        _body: models::UpdatePasswordRequest,
        _context: &C,
    ) -> Result<UpdateUserPasswordResponse, ApiError> {
        Err(not_benchmarked())
    }

    async fn get_user_audits(
        &self,
        _user_id: String,
        _page: Option<i32>,
        _per_page: Option<i32>,
        _context: &C,
    ) -> Result<GetUserAuditsResponse, ApiError> {
        Err(not_benchmarked())
    }

    async fn update_user_active(
        &self,
        _user_id: String,
        _body: models::UpdateUserActiveRequest,
        _context: &C,
    ) -> Result<UpdateUserActiveResponse, ApiError> {
        Err(not_benchmarked())
    }

    async fn update_user_auth(
        &self,
        _user_id: String,
        _body: models::UserAuth,
        _context: &C,
    ) -> Result<UpdateUserAuthResponse, ApiError> {
        Err(not_benchmarked())
    }

    async fn revoke_sessions_for_all_users(&self, _context: &C) -> Result<RevokeSessionsForAllUsersResponse, ApiError> {
        Err(not_benchmarked())
    }

    async fn attach_device(
        &self,
        _body: models::AttachDeviceRequest,
        _context: &C,
    ) -> Result<AttachDeviceResponse, ApiError> {
        Err(not_benchmarked())
    }
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let path = std::env::args().nth(1).ok_or_else(|| anyhow::anyhow!("usage: ceiling-generated RESPONSES [ADDR]"))?;
    let responses = mm_sessions_bench::read_responses(&path)?;
    let body = |op: &str| responses[op].body.as_str();
    fn serialized<T: serde::Serialize + serde::de::DeserializeOwned>(json: &str) -> anyhow::Result<Serialized<T>> {
        Ok(Serialized::new(&serde_json::from_str::<T>(json)?)?)
    }
    let fixed = Fixed(Arc::new(Answers {
        sessions: serialized(body("GetSessions"))?,
        revoked: serialized(body("RevokeSession"))?,
        revoked_all: serialized(body("RevokeAllSessions"))?,
        user: serialized(body("Login"))?,
        me: serialized(body("GetMe"))?,
        me_etag: responses["GetMe"]
            .headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case("etag"))
            .map(|(_, v)| v.clone()),
        token: responses["Login"].headers.iter().find(|(n, _)| n.eq_ignore_ascii_case("token")).map(|(_, v)| v.clone()),
        checked: serialized(body("AuthCheck"))?,
        identity: responses["AuthCheck"]
            .headers
            .iter()
            .filter(|(n, _)| n.to_ascii_lowercase().starts_with("x-mattermost-"))
            .map(|(n, v)| (n.to_ascii_lowercase(), v.clone()))
            .collect(),
    }));
    let router: GeneratedRouter<Fixed, Context> = GeneratedRouter::new(fixed, false);
    let service = AddContext::<_, EmptyContext>::new(AllowAllAuthenticator::new(router, "bench"));
    mm_sessions_bench::serve(mm_sessions_bench::listen_arg(2)?, service).await
}
