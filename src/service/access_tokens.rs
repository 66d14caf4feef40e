//! Personal access tokens, as Mattermost runs them (`api4/user.go`, `app/session.go`): made,
//! listed, searched, read, revoked, disabled and enabled, each with Mattermost's permissions in
//! its order; and the session a token opens on first use ([`SessionService::open_token_session`]).
//!
//! The secret is shown once, at creation, and stored only as its hash. Revoking or disabling a
//! token ends its session at once, on every node (the session carries the token's hash, and the
//! store deletes both in one transaction). A deactivated user's tokens are refused until they
//! are reactivated; a password change or a revoke-all ends the token's session but not the
//! token, which opens a new one on its next use — all as in Mattermost.

use super::audit::Subject;
use super::{Actor, Caller, SessionService, Whose};
use crate::domain::access_token::MAX_DESCRIPTION_BYTES;
use crate::domain::event::reason;
use crate::domain::{AccessToken, Cause, Id, RevokeReason, Session, Token, TokenHash, TokenId, User};
use crate::error::AppError;
use crate::permissions::{target_is_editable, Access, Permission, SYSTEM_ADMIN};
use crate::store::{StoreError, Unique};

/// What `POST /users/{user_id}/tokens` carries.
#[derive(Clone, Debug, Default)]
pub struct NewToken {
    pub description: String,
    /// Milliseconds since the epoch; 0: never.
    pub expires_at: i64,
}

/// A day, in milliseconds.
const DAY_MS: i64 = 24 * 3600 * 1000;

impl SessionService {
    /// `POST /users/{user_id}/tokens` (and `token create`): a new token, its secret returned
    /// this once.
    pub async fn create_token(
        &self,
        actor: Actor<'_>,
        user_id: &str,
        new: NewToken,
    ) -> Result<(Token, AccessToken), AppError> {
        let user_id = self.resolve_user_id(actor, user_id)?;
        let user = self.stores.users.user_by_id(&user_id).await?.ok_or(AppError::NoSuchUser)?;
        // An OAuth app may not make tokens (none here: this server issues no OAuth sessions).
        if actor.caller().is_some_and(|c| c.session.is_oauth) {
            return Err(AppError::Forbidden);
        }
        if new.description.is_empty() {
            return Err(AppError::InvalidBodyParam("description"));
        }
        if !self.may(actor, Permission::CreateUserAccessToken) || !self.may_act_on(actor, &user) {
            return Err(AppError::Forbidden);
        }
        if user.has_role(SYSTEM_ADMIN) && !self.may(actor, Permission::ManageSystem) {
            return Err(AppError::Forbidden);
        }
        if !self.policy.enable_user_access_tokens {
            return Err(AppError::TokensDisabled);
        }
        self.check_expiry(new.expires_at)?;
        if new.description.len() > MAX_DESCRIPTION_BYTES {
            return Err(AppError::TokenDescriptionTooLong);
        }
        let (secret, token) = AccessToken::issue(user.id.clone(), new.description, new.expires_at);
        self.stores.tokens.create_token(&token).await?;
        tracing::info!(user_id = %user.id, token_id = %token.id, by = actor.name(), "personal access token created");
        self.audit_token(actor, &token).await;
        Ok((secret, token))
    }

    /// Mattermost's `validateUserAccessTokenExpiry`: in the future, and within
    /// `MaximumPersonalAccessTokenLifetimeDays` when that is set (which then requires one).
    fn check_expiry(&self, expires_at: i64) -> Result<(), AppError> {
        let now = self.now();
        if expires_at == 0 {
            return match self.policy.max_token_lifetime_days {
                Some(_) => Err(AppError::TokenExpiryRequired),
                None => Ok(()),
            };
        }
        if expires_at <= now {
            return Err(AppError::TokenExpiryInPast);
        }
        match self.policy.max_token_lifetime_days {
            Some(days) if expires_at > now.saturating_add(i64::from(days.get()) * DAY_MS) => {
                Err(AppError::TokenExpiryTooFar { days: days.get() })
            }
            _ => Ok(()),
        }
    }

    /// `GET /users/{user_id}/tokens` (and `token list`): a user's tokens, a page of them.
    pub async fn tokens_of(
        &self,
        actor: Actor<'_>,
        user_id: &str,
        page: u32,
        per_page: u32,
    ) -> Result<Vec<AccessToken>, AppError> {
        let user_id = self.resolve_user_id(actor, user_id)?;
        if !self.may(actor, Permission::ReadUserAccessToken) {
            return Err(AppError::Forbidden);
        }
        self.may_act_on_id(actor, &user_id).await?;
        let (offset, limit) = (page as usize * per_page as usize, per_page as usize);
        Ok(self.stores.tokens.tokens_for_user(&user_id, offset, limit).await?)
    }

    /// `GET /users/tokens`: every user's tokens, a page of them (`manage_system`).
    pub async fn all_tokens(&self, caller: Caller<'_>, page: u32, per_page: u32) -> Result<Vec<AccessToken>, AppError> {
        if !self.may(Actor::Request(caller), Permission::ManageSystem) {
            return Err(AppError::Forbidden);
        }
        let (offset, limit) = (page as usize * per_page as usize, per_page as usize);
        Ok(self.stores.tokens.all_tokens(offset, limit).await?)
    }

    /// `POST /users/tokens/search`: the tokens whose id, user id or username is `term`
    /// (`manage_system`).
    pub async fn search_tokens(&self, caller: Caller<'_>, term: &str) -> Result<Vec<AccessToken>, AppError> {
        if !self.may(Actor::Request(caller), Permission::ManageSystem) {
            return Err(AppError::Forbidden);
        }
        if term.is_empty() {
            return Err(AppError::InvalidBodyParam("term"));
        }
        Ok(self.stores.tokens.search_tokens(term).await?)
    }

    /// `GET /users/tokens/{token_id}`: one token, in Mattermost's order: the id, the
    /// permission, the token, then whether the caller may act on its owner.
    pub async fn token(&self, actor: Actor<'_>, token_id: &str) -> Result<AccessToken, AppError> {
        let id = TokenId::parse(token_id).ok_or(AppError::InvalidUrlParam("token_id"))?;
        if !self.may(actor, Permission::ReadUserAccessToken) {
            return Err(AppError::Forbidden);
        }
        let token = self.stores.tokens.token_by_id(&id).await?.ok_or(AppError::TokenNotFound)?;
        self.may_act_on_id(actor, &token.user_id).await?;
        Ok(token)
    }

    /// `POST /users/tokens/revoke` (and `token revoke`): the token and its session end.
    pub async fn revoke_token(&self, actor: Actor<'_>, token_id: &str) -> Result<(), AppError> {
        let token = self.token_to_change(actor, token_id, Permission::RevokeUserAccessToken).await?;
        let cause = actor.cause(&token.user_id, RevokeReason::TokenRevoked.event_reason(), self.now());
        let ended = self.stores.tokens.delete_token(&token, &cause).await?.ok_or(AppError::TokenNotFound)?;
        self.ended(RevokeReason::TokenRevoked, ended, Whose::User(&token.user_id), actor.name());
        tracing::info!(user_id = %token.user_id, token_id = %token.id, by = actor.name(), "personal access token revoked");
        self.audit_token(actor, &token).await;
        Ok(())
    }

    /// `POST /users/tokens/disable` and `…/enable` (and `token disable`, `token enable`):
    /// disabling ends the token's session and refuses the token until it is enabled again.
    pub async fn set_token_active(&self, actor: Actor<'_>, token_id: &str, active: bool) -> Result<(), AppError> {
        // Mattermost checks `create_user_access_token` to enable, `revoke_…` to disable.
        let needed = if active { Permission::CreateUserAccessToken } else { Permission::RevokeUserAccessToken };
        let token = self.token_to_change(actor, token_id, needed).await?;
        let cause = actor.cause(&token.user_id, RevokeReason::TokenDisabled.event_reason(), self.now());
        let ended =
            self.stores.tokens.set_token_active(&token, active, &cause).await?.ok_or(AppError::TokenNotFound)?;
        self.ended(RevokeReason::TokenDisabled, ended, Whose::User(&token.user_id), actor.name());
        let what = if active { "personal access token enabled" } else { "personal access token disabled" };
        tracing::info!(user_id = %token.user_id, token_id = %token.id, by = actor.name(), "{what}");
        self.audit_token(actor, &token).await;
        Ok(())
    }

    /// The checks of revoke, disable and enable, in Mattermost's order: the permission, the
    /// token (an empty or malformed id is no token: 404, as Mattermost's check for it does not
    /// stop the request), whether the caller may act on its owner.
    async fn token_to_change(
        &self,
        actor: Actor<'_>,
        token_id: &str,
        needed: Permission,
    ) -> Result<AccessToken, AppError> {
        if !self.may(actor, needed) {
            return Err(AppError::Forbidden);
        }
        let id = TokenId::parse(token_id).ok_or(AppError::TokenNotFound)?;
        let token = self.stores.tokens.token_by_id(&id).await?.ok_or(AppError::TokenNotFound)?;
        self.may_act_on_id(actor, &token.user_id).await?;
        Ok(token)
    }

    /// Mattermost's `SessionHasPermissionToUser` (every user is a person here: no bots).
    fn may_act_on(&self, actor: Actor<'_>, target: &User) -> bool {
        let Actor::Request(caller) = actor else { return true };
        match self.roles.check_user_access(caller.session, &target.id) {
            Access::Allowed => true,
            Access::Denied => false,
            Access::IfTargetIsEditable => target_is_editable(Some(target)),
        }
    }

    /// [`Self::may_act_on`] the user with this id; 403 otherwise (a missing owner too).
    async fn may_act_on_id(&self, actor: Actor<'_>, user_id: &Id) -> Result<(), AppError> {
        let Actor::Request(caller) = actor else { return Ok(()) };
        let allowed = match self.roles.check_user_access(caller.session, user_id) {
            Access::Allowed => true,
            Access::Denied => false,
            Access::IfTargetIsEditable => target_is_editable(self.stores.users.user_by_id(user_id).await?.as_ref()),
        };
        if allowed {
            Ok(())
        } else {
            Err(AppError::Forbidden)
        }
    }

    /// The record of a change to a token: `token_id=…`, under the acting user (a request) or
    /// the token's owner (the admin CLI).
    async fn audit_token(&self, actor: Actor<'_>, token: &AccessToken) {
        let record = format!("token_id={}", token.id);
        self.audit(actor, Some(&token.user_id), record.clone(), || record).await;
    }

    /// The session a personal access token opens on its first use (Mattermost's
    /// `createSessionForUserAccessToken`), in its order: the token must exist and be active,
    /// its user exist, tokens be enabled, the token not have expired (recorded when it has),
    /// its user be active. Anything refused is no session. Two requests making the same token's
    /// first session at once (on two nodes) both get it: the one that loses the insert reads
    /// the winner's.
    pub(super) async fn open_token_session(&self, hash: &TokenHash) -> Result<Session, AppError> {
        let token = self.stores.tokens.token_by_hash(hash).await?;
        let token = token.filter(|t| t.is_active).ok_or(AppError::SessionExpired)?;
        let user = self.stores.users.user_by_id(&token.user_id).await?.ok_or(AppError::SessionExpired)?;
        if !self.policy.enable_user_access_tokens {
            return Err(AppError::SessionExpired);
        }
        let now = self.now();
        if token.is_expired(now) {
            tracing::info!(user_id = %user.id, token_id = %token.id, "expired personal access token refused");
            let origin = super::audit::server_origin("expired personal access token");
            self.record(&origin, Subject::user(&user.id), format!("token_id={}", token.id)).await;
            return Err(AppError::SessionExpired);
        }
        if !user.is_active() {
            return Err(AppError::SessionExpired);
        }
        let session = Session::for_access_token(&user, &token, now);
        let max = self.policy.max_per_user.get();
        let cause = Cause::by_user(reason::ACCESS_TOKEN, user.id.as_str(), now);
        match self.stores.tokens.create_token_session(&token, &session, max, &cause).await {
            Ok(Some(evicted)) => {
                self.capped(&user, &session, evicted).await;
                tracing::info!(user_id = %user.id, token_id = %token.id, session_id = %session.id, "personal access token opened a session");
                // As stored: its roles are the user's as the insert found them, not as read above.
                self.stores.sessions.session_by_token(hash).await?.ok_or(AppError::SessionExpired)
            }
            // Revoked or disabled since it was read.
            Ok(None) | Err(StoreError::UserInactive) => Err(AppError::SessionExpired),
            Err(StoreError::Conflict(Unique::TokenHash)) => {
                self.stores.sessions.session_by_token(hash).await?.ok_or(AppError::SessionExpired)
            }
            Err(other) => Err(other.into()),
        }
    }
}
