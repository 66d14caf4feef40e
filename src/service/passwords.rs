//! Changing a password: a user their own (with the current one, each check spending from the
//! user's in-session budget, so a stolen session guesses at a bounded rate), an administrator anyone's,
//! the admin CLI anyone's; and, with `TerminateSessionsOnPasswordChange`, the end of the user's
//! other sessions.

use super::audit::Subject;
use super::login::SessionCheck;
use super::{Actor, SessionService, Whose};
use crate::domain::{Id, RevokeReason, User};
use crate::error::AppError;
use crate::password_hash;
use crate::permissions::{Permission, SYSTEM_ADMIN};

/// What `PUT /users/{user_id}/password` carries.
#[derive(Clone, Debug, Default)]
pub struct PasswordChange {
    pub current_password: String,
    pub new_password: String,
}

impl SessionService {
    /// `PUT /users/{user_id}/password` (and `user set-password`), in Mattermost's order: the
    /// user themself must give the current password; anyone else needs `manage_system` for a
    /// system admin, else `sysconsole_write_user_management_users`. With
    /// `TerminateSessionsOnPasswordChange` the user's sessions end, all but the caller's.
    /// Returns how many ended.
    pub async fn update_password(
        &self,
        actor: Actor<'_>,
        user_id: &str,
        change: PasswordChange,
    ) -> Result<u64, AppError> {
        let user_id = self.resolve_user_id(actor, user_id)?;
        // Mattermost's records of a request: attempted, then completed or failed. The CLI's
        // record says what it did.
        if let Some(caller) = actor.caller() {
            self.record(caller.origin, Subject::session(caller.session), "attempted").await;
        }
        let changed = self.change_password(actor, &user_id, change).await;
        if changed.is_ok() || actor.caller().is_some() {
            let outcome = if changed.is_ok() { "completed" } else { "failed" };
            self.audit(actor, Some(&user_id), outcome, || outcome.to_owned()).await;
        }
        changed
    }

    async fn change_password(&self, actor: Actor<'_>, user_id: &Id, change: PasswordChange) -> Result<u64, AppError> {
        let target = self.stores.users.user_by_id(user_id).await?;
        // Mattermost's rule (`UpdatePasswordAsUser`: for oneself, before the current password is
        // checked; for another, once the permission is): a user who signs in through single
        // sign-on has no password here.
        let own = actor.caller().is_some_and(|caller| *user_id == caller.session.user_id);
        if own && target.as_ref().is_some_and(User::is_sso) {
            return Err(AppError::SsoUserPassword);
        }
        let target = match actor {
            Actor::Request(caller) if *user_id == caller.session.user_id => {
                if change.current_password.is_empty() {
                    return Err(AppError::InvalidBodyParam("current_password"));
                }
                let user = target.ok_or(AppError::SessionExpired)?;
                // A password guess: a stolen session must not get to try many.
                self.spend_session_check(caller, SessionCheck::Password)?;
                if !password_hash::verify(change.current_password, user.password_hash.clone()).await {
                    tracing::info!(user_id = %user.id, "password change refused: wrong current password");
                    return Err(AppError::IncorrectPassword);
                }
                user
            }
            Actor::Request(_) => {
                let needed = match &target {
                    Some(user) if user.has_role(SYSTEM_ADMIN) => Permission::ManageSystem,
                    _ => Permission::SysconsoleWriteUserManagementUsers,
                };
                match target {
                    Some(user) if self.may(actor, needed) => user,
                    _ => return Err(AppError::PasswordChangeForbidden),
                }
            }
            Actor::AdminCli { .. } => target.ok_or(AppError::NoSuchUser)?,
        };
        if target.is_sso() {
            return Err(AppError::SsoUserPassword);
        }
        password_hash::check_length(&change.new_password)
            .map_err(|too_short| AppError::InvalidPassword { too_short })?;
        self.store_password(&target, &change.new_password).await?;
        if let Some(caller) = actor.caller() {
            tracing::info!(user_id = %target.id, by = %caller.session.user_id, "password changed");
        }
        if !self.policy.terminate_on_password_change {
            return Ok(0);
        }
        let keep = actor.caller().map(|caller| &caller.session.id);
        let cause = actor.cause(&target.id, RevokeReason::PasswordChange.event_reason(), self.now());
        let ended = self.stores.sessions.delete_sessions_for_user(&target.id, keep, &cause).await?;
        self.ended(RevokeReason::PasswordChange, ended, Whose::User(&target.id), actor.name());
        Ok(ended)
    }

    async fn store_password(&self, user: &User, new_password: &str) -> Result<(), AppError> {
        let hash = password_hash::hash(new_password.to_owned()).await.map_err(AppError::Internal)?;
        if self.stores.users.set_password_hash(&user.id, &hash, self.now()).await? {
            Ok(())
        } else {
            // Deleted since it was read: nothing a caller did wrong.
            Err(AppError::Internal(anyhow::anyhow!("no user {}", user.id)))
        }
    }
}
