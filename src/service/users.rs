//! Users: looking them up, creating them, their roles, and (de)activation.

use std::borrow::Cow;

use super::{Actor, Caller, SessionService, Whose};
use crate::domain::event::reason;
use crate::domain::user::{roles_are_well_formed, unknown_role, KNOWN_ROLES, MAX_ROLES_BYTES};
use crate::domain::{Id, NewUser, RevokeReason, Session, User};
use crate::error::AppError;
use crate::permissions::{Permission, SYSTEM_ADMIN};
use crate::store::{RolesSet, StoreError};

impl SessionService {
    /// `GET /users/me`: the caller's user. A session whose user is gone is no session.
    pub async fn me(&self, caller: Caller<'_>) -> Result<User, AppError> {
        self.caller_user(caller).await
    }

    /// The caller's user: as authentication read it with the session, or from the store.
    pub(super) async fn caller_user(&self, caller: Caller<'_>) -> Result<User, AppError> {
        self.session_user(caller.session, caller.user).await.map(Cow::into_owned)
    }

    /// `session`'s user: `read` if authentication read it with the session, else from the store.
    /// A session whose user is gone is no session.
    pub(super) async fn session_user<'a>(
        &self,
        session: &Session,
        read: Option<&'a User>,
    ) -> Result<Cow<'a, User>, AppError> {
        if let Some(user) = read {
            return Ok(Cow::Borrowed(user));
        }
        let user = self.stores.users.user_by_id(&session.user_id).await?.ok_or(AppError::SessionExpired)?;
        Ok(Cow::Owned(user))
    }

    /// `GET /users/username/{username}`: any signed-in caller may look a user up, by a
    /// username as Mattermost's `IsValidUsername` takes it (`RequireUsername`: 400 otherwise,
    /// with the body-parameter error Mattermost gives). Not lower-cased: `ALICE` is invalid.
    pub async fn user_by_username(&self, username: &str) -> Result<User, AppError> {
        if !crate::domain::user::is_valid_username(username) {
            return Err(AppError::InvalidBodyParam("username"));
        }
        self.stores.users.user_by_username(username).await?.ok_or(AppError::UserNotFound)
    }

    /// Looks a user up by username, or by id (the admin CLI's `--user`).
    pub async fn find_user(&self, username_or_id: &str) -> Result<User, AppError> {
        let by_name = self.stores.users.user_by_username(&username_or_id.to_lowercase()).await?;
        let found = match (by_name, Id::parse(username_or_id)) {
            (Some(user), _) => Some(user),
            (None, Some(id)) => self.stores.users.user_by_id(&id).await?,
            (None, None) => None,
        };
        found.ok_or_else(|| AppError::NoUserNamed(username_or_id.to_owned()))
    }

    /// Every user, by username (the admin CLI).
    pub async fn list_users(&self) -> Result<Vec<User>, AppError> {
        Ok(self.stores.users.list_users().await?)
    }

    /// Creates a user (the admin CLI), with Mattermost's limit on the roles (its `User.IsValid`).
    pub async fn create_user(&self, new: NewUser) -> Result<User, AppError> {
        let user = new.validate(Id::generate(), self.now()).map_err(AppError::InvalidUser)?;
        if user.roles.len() > MAX_ROLES_BYTES {
            return Err(AppError::RolesTooLong(user.roles.len()));
        }
        match self.stores.users.create_user(&user).await {
            Ok(()) => Ok(user),
            Err(StoreError::Conflict(field)) => Err(AppError::UserExists(field)),
            Err(e) => Err(e.into()),
        }
    }

    /// `PUT /users/{user_id}/roles` (and `user set-roles`), in Mattermost's order: the roles'
    /// form, `manage_roles`, the user (400 when missing, as Mattermost answers), that every role
    /// exists, Mattermost's 256-byte limit on the string as given (its `User.IsValid`, which it
    /// reaches after the last-admin count: here before it, since that rule is checked in the
    /// store), and the last-admin rule (checked in the store, in the same transaction as the
    /// change). The user **and every session of theirs** take the new roles in one write: a
    /// demoted administrator's open sessions lose the power on their very next request, on
    /// every node.
    pub async fn update_roles(&self, actor: Actor<'_>, user_id: &str, roles: &str) -> Result<(), AppError> {
        let user_id = self.resolve_user_id(actor, user_id)?;
        if !roles_are_well_formed(roles) {
            return Err(AppError::InvalidBodyParam("roles"));
        }
        if !self.may(actor, Permission::ManageRoles) {
            return Err(AppError::Forbidden);
        }
        self.stores.users.user_by_id(&user_id).await?.ok_or(AppError::NoUserToUpdate)?;
        if let Some(role) = unknown_role(roles) {
            let known = KNOWN_ROLES.join(", ");
            return Err(AppError::UnknownRole(format!("unknown role {role:?} (known: {known})")));
        }
        if roles.len() > MAX_ROLES_BYTES {
            return Err(AppError::RolesTooLong(roles.len()));
        }
        let roles = roles.split_whitespace().collect::<Vec<_>>().join(" ");
        let cause = actor.cause(&user_id, reason::ROLES_CHANGED, self.now());
        let sessions = match self.stores.users.set_roles(&user_id, &roles, self.now(), &cause).await? {
            RolesSet::Set(sessions) => sessions,
            RolesSet::NoSuchUser => return Err(AppError::NoUserToUpdate),
            RolesSet::LastAdmin => return Err(AppError::LastAdmin),
        };
        self.wake_webhooks();
        tracing::info!(user_id = %user_id, roles = %roles, sessions, by = actor.name(), "roles updated");
        let record = format!("user={user_id} roles={roles}");
        self.audit(actor, Some(&user_id), record.clone(), || record).await;
        Ok(())
    }

    /// `PUT /users/{user_id}/active` (and `user activate`/`user deactivate`), in Mattermost's
    /// order: deactivating oneself needs `EnableUserDeactivation`; anything else
    /// `sysconsole_write_user_management_users`, and a system admin target `manage_system` too.
    /// Deactivation ends every session of the user at once; reactivation lets them log in again
    /// (their old sessions stay gone). Returns how many sessions ended.
    pub async fn update_active(&self, actor: Actor<'_>, user_id: &str, active: bool) -> Result<u64, AppError> {
        let user_id = self.resolve_user_id(actor, user_id)?;
        let self_deactivation = !active && actor.caller().is_some_and(|c| c.session.user_id == user_id);
        if !self_deactivation && !self.may(actor, Permission::SysconsoleWriteUserManagementUsers) {
            return Err(AppError::ActivationForbidden);
        }
        if self_deactivation && !self.policy.enable_user_deactivation {
            return Err(AppError::DeactivationNotEnabled);
        }
        let user = self.stores.users.user_by_id(&user_id).await?.ok_or(AppError::NoSuchUser)?;
        if user.has_role(SYSTEM_ADMIN) && !self.may(actor, Permission::ManageSystem) {
            return Err(AppError::Forbidden);
        }
        let ended = self.set_active(&user, active, actor).await?;
        let record = format!("user_id={} active={active}", user.id);
        self.audit(actor, Some(&user.id), record.clone(), || record).await;
        Ok(ended)
    }

    async fn set_active(&self, user: &User, active: bool, actor: Actor<'_>) -> Result<u64, AppError> {
        let by = actor.name();
        if active {
            self.stores.users.reactivate_user(&user.id, self.now()).await?;
            tracing::info!(user_id = %user.id, by, "user reactivated");
            return Ok(0);
        }
        if !user.is_active() {
            return Ok(0);
        }
        let cause = actor.cause(&user.id, RevokeReason::Deactivation.event_reason(), self.now());
        let ended = self.stores.users.deactivate_user(&user.id, self.now(), &cause).await?.unwrap_or(0);
        self.ended(RevokeReason::Deactivation, ended, Whose::User(&user.id), by);
        tracing::info!(user_id = %user.id, by, "user deactivated");
        Ok(ended)
    }
}
