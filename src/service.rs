//! The session service: authentication, the permission rules and the three operations, in
//! Mattermost's order of checks. HTTP-free: the `Api` impl and the CLI both drive it.

use std::collections::BTreeMap;
use std::sync::Arc;

use crate::domain::{now_millis, Id, NewUser, Session, Token, TokenHash, User};
use crate::error::AppError;
use crate::permissions::{target_is_editable, Access, RolePermissions};
use crate::store::{SessionStore, StoreError};

/// `last_activity_at` is written at most this often per session (Mattermost: 5 minutes), so
/// that authenticated reads do not each become a write.
pub const ACTIVITY_WRITE_INTERVAL_MS: i64 = 5 * 60 * 1000;

/// The default lifetime of a session: Mattermost's web session length, 30 days.
pub const DEFAULT_SESSION_DAYS: i64 = 30;

/// The literal that stands for the caller's own user id in URLs.
pub const ME: &str = "me";

/// Sessions and users over a store.
#[derive(Clone)]
pub struct SessionService {
    store: Arc<dyn SessionStore>,
    roles: Arc<RolePermissions>,
}

impl SessionService {
    /// A service over `store` with the given role table.
    pub fn new(store: Arc<dyn SessionStore>, roles: RolePermissions) -> Self {
        SessionService { store, roles: Arc::new(roles) }
    }

    /// The store underneath (for the CLI's listings).
    pub fn store(&self) -> &Arc<dyn SessionStore> {
        &self.store
    }

    /// The session a presented token stands for. Unknown, revoked and expired tokens are all
    /// `SessionExpired`, as in Mattermost; expired ones are refused whether or not they were
    /// purged yet. Refreshes `last_activity_at` when it is older than the write interval.
    pub async fn authenticate(&self, presented: &str) -> Result<Session, AppError> {
        let mut session =
            self.store.session_by_token(&TokenHash::of(presented)).await?.ok_or(AppError::SessionExpired)?;
        let now = now_millis();
        if session.is_expired(now) {
            return Err(AppError::SessionExpired);
        }
        if now - session.last_activity_at >= ACTIVITY_WRITE_INTERVAL_MS {
            // Losing an activity timestamp is not worth failing the request for.
            match self.store.touch_session(session.id.as_str(), now).await {
                Ok(()) => session.last_activity_at = now,
                Err(e) => tracing::warn!(session_id = %session.id, error = %e, "could not record session activity"),
            }
        }
        Ok(session)
    }

    /// `GET /users/{user_id}/sessions`: the user's sessions, newest activity first.
    pub async fn list_sessions(&self, caller: &Session, user_id: &str) -> Result<Vec<Session>, AppError> {
        let user_id = self.authorize(caller, user_id).await?;
        Ok(self.store.sessions_for_user(&user_id).await?)
    }

    /// `POST /users/{user_id}/sessions/revoke`.
    pub async fn revoke_session(&self, caller: &Session, user_id: &str, session_id: &str) -> Result<(), AppError> {
        let user_id = self.authorize(caller, user_id).await?;
        if session_id.is_empty() {
            return Err(AppError::InvalidBodyParam("session_id"));
        }
        let session = self.store.session_by_id(session_id).await?.ok_or(AppError::SessionNotFound)?;
        if session.user_id != user_id {
            return Err(AppError::InvalidUrlParam("user_id"));
        }
        // Gone in between (a concurrent revoke) is the same outcome: it is revoked.
        self.store.delete_session(session.id.as_str()).await?;
        tracing::info!(session_id = %session.id, user_id = %user_id, by = %caller.user_id, "session revoked");
        Ok(())
    }

    /// `POST /users/{user_id}/sessions/revoke/all`, the caller's own session included.
    pub async fn revoke_all_sessions(&self, caller: &Session, user_id: &str) -> Result<u64, AppError> {
        let user_id = self.authorize(caller, user_id).await?;
        let revoked = self.store.delete_sessions_for_user(&user_id).await?;
        tracing::info!(user_id = %user_id, revoked, by = %caller.user_id, "all sessions revoked");
        Ok(revoked)
    }

    /// Resolves `me`, validates the id, and applies Mattermost's permission rule.
    async fn authorize(&self, caller: &Session, user_id: &str) -> Result<String, AppError> {
        let user_id = if user_id == ME {
            caller.user_id.clone()
        } else {
            Id::parse(user_id).ok_or(AppError::InvalidUrlParam("user_id"))?.into_string()
        };
        let allowed = match self.roles.check_user_access(caller, &user_id) {
            Access::Allowed => true,
            Access::Denied => false,
            Access::IfTargetIsEditable => target_is_editable(self.store.user_by_id(&user_id).await?.as_ref()),
        };
        if allowed {
            Ok(user_id)
        } else {
            Err(AppError::Forbidden)
        }
    }

    /// Creates a user (the admin CLI).
    pub async fn create_user(&self, new: NewUser) -> anyhow::Result<User> {
        let user = new.validate(Id::generate().into_string(), now_millis()).map_err(anyhow::Error::msg)?;
        match self.store.create_user(&user).await {
            Ok(()) => Ok(user),
            Err(StoreError::Conflict(field)) => anyhow::bail!("a user with that {field} already exists"),
            Err(e) => Err(e.into()),
        }
    }

    /// Looks a user up by username, or by id.
    pub async fn find_user(&self, username_or_id: &str) -> anyhow::Result<User> {
        let by_name = self.store.user_by_username(&username_or_id.to_lowercase()).await?;
        let found = match by_name {
            Some(user) => Some(user),
            None => self.store.user_by_id(username_or_id).await?,
        };
        found.ok_or_else(|| anyhow::anyhow!("no user {username_or_id:?}"))
    }

    /// Issues a session for `user`, valid for `days` (0: never expires). The token is returned
    /// once and never stored.
    pub async fn issue_session(
        &self,
        user: &User,
        days: i64,
        device_id: String,
        props: BTreeMap<String, String>,
    ) -> anyhow::Result<(Token, Session)> {
        let token = Token::generate();
        let now = now_millis();
        let session = Session {
            id: Id::generate(),
            token_hash: token.hash(),
            user_id: user.id.clone(),
            create_at: now,
            expires_at: if days > 0 { now.saturating_add(days.saturating_mul(24 * 3600 * 1000)) } else { 0 },
            last_activity_at: now,
            device_id,
            roles: user.roles.clone(),
            is_oauth: false,
            expired_notify: false,
            local: false,
            props,
        };
        self.store.create_session(&session).await?;
        Ok((token, session))
    }
}
