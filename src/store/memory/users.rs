//! The in-memory backend's users: looking them up, creating them, their roles and passwords,
//! deactivation ([`crate::store::UserStore`]).

use async_trait::async_trait;

use super::super::{RolesSet, StoreError, StoreResult, Unique, UserStore};
use super::MemoryStore;
use crate::domain::event::kind;
use crate::domain::{Cause, Id, SessionId, User};

#[async_trait]
impl UserStore for MemoryStore {
    async fn create_user(&self, user: &User) -> StoreResult<()> {
        let mut inner = self.write();
        if let Some(taken) = inner.users.values().find_map(|u| {
            if u.id == user.id {
                Some(Unique::UserId)
            } else if u.username == user.username {
                Some(Unique::Username)
            } else if u.email == user.email {
                Some(Unique::Email)
            } else if user.auth_data.is_some()
                && (&u.auth_service, &u.auth_data) == (&user.auth_service, &user.auth_data)
            {
                Some(Unique::SsoIdentity)
            } else {
                None
            }
        }) {
            return Err(StoreError::Conflict(taken));
        }
        inner.users.insert(user.id.clone(), user.clone());
        Ok(())
    }

    async fn user_by_id(&self, id: &Id) -> StoreResult<Option<User>> {
        Ok(self.read().users.get(id).cloned())
    }

    async fn user_by_username(&self, username: &str) -> StoreResult<Option<User>> {
        Ok(self.read().users.values().find(|u| u.username == username).cloned())
    }

    async fn user_by_email(&self, email: &str) -> StoreResult<Option<User>> {
        Ok(self.read().users.values().find(|u| u.email == email).cloned())
    }

    async fn list_users(&self) -> StoreResult<Vec<User>> {
        let mut users: Vec<User> = self.read().users.values().cloned().collect();
        users.sort_by(|a, b| a.username.cmp(&b.username));
        Ok(users)
    }

    async fn set_password_hash(&self, user_id: &Id, hash: &str, update_at: i64) -> StoreResult<bool> {
        let mut inner = self.write();
        let Some(stored) = inner.users.get_mut(user_id) else { return Ok(false) };
        stored.password_hash = Some(hash.to_owned());
        stored.update_at = update_at;
        stored.last_password_update = update_at;
        inner.mfa_failed.remove(user_id);
        inner.credentials_from_import.remove(user_id);
        Ok(true)
    }

    async fn upgrade_password_hash(&self, user_id: &Id, old: &str, new: &str) -> StoreResult<bool> {
        let mut inner = self.write();
        let Some(stored) = inner.users.get_mut(user_id).filter(|u| u.password_hash.as_deref() == Some(old)) else {
            return Ok(false);
        };
        stored.password_hash = Some(new.to_owned());
        inner.credentials_from_import.remove(user_id);
        Ok(true)
    }

    async fn set_roles(&self, user_id: &Id, roles: &str, update_at: i64, cause: &Cause) -> StoreResult<RolesSet> {
        let mut inner = self.write();
        let Some(current) = inner.users.get(user_id).map(|u| u.roles.clone()) else { return Ok(RolesSet::NoSuchUser) };
        let admins =
            inner.users.values().filter(|u| u.is_active() && u.has_role(crate::permissions::SYSTEM_ADMIN)).count();
        if super::super::rows::demotes_last_admin(&current, roles, admins as i64) {
            return Ok(RolesSet::LastAdmin);
        }
        if let Some(user) = inner.users.get_mut(user_id) {
            user.roles = roles.to_owned();
            user.update_at = update_at;
        }
        let ids: Vec<SessionId> = inner.by_user.get(user_id).into_iter().flatten().cloned().collect();
        for id in &ids {
            let Some(session) = inner.sessions.get_mut(id) else { continue };
            session.roles = roles.to_owned();
            if current != roles {
                let session = session.clone();
                inner.record_session(kind::SESSION_REVOKED, &session, cause);
            }
        }
        Ok(RolesSet::Set(ids.len() as u64))
    }

    async fn deactivate_user(&self, user_id: &Id, delete_at: i64, cause: &Cause) -> StoreResult<Option<u64>> {
        let mut inner = self.write();
        let Some(user) = inner.users.get_mut(user_id) else { return Ok(None) };
        user.delete_at = delete_at;
        user.update_at = delete_at;
        inner.record_user(kind::USER_DEACTIVATED, user_id, cause);
        Ok(Some(inner.remove_user_sessions(user_id, |_| true, cause)))
    }

    async fn reactivate_user(&self, user_id: &Id, update_at: i64) -> StoreResult<bool> {
        Ok(match self.write().users.get_mut(user_id) {
            Some(user) => {
                user.delete_at = 0;
                user.update_at = update_at;
                true
            }
            None => false,
        })
    }

    async fn user_by_auth(&self, auth_service: &str, auth_data: &str) -> StoreResult<Option<User>> {
        let inner = self.read();
        let found =
            inner.users.values().find(|u| u.auth_service == auth_service && u.auth_data.as_deref() == Some(auth_data));
        Ok(found.cloned())
    }

    async fn set_auth(
        &self,
        user_id: &Id,
        auth_service: &str,
        auth_data: Option<&str>,
        update_at: i64,
        cause: &Cause,
    ) -> StoreResult<Option<u64>> {
        let mut inner = self.write();
        let taken = auth_data.is_some()
            && inner
                .users
                .values()
                .any(|u| u.id != *user_id && u.auth_service == auth_service && u.auth_data.as_deref() == auth_data);
        if taken {
            return Err(StoreError::Conflict(Unique::SsoIdentity));
        }
        let Some(user) = inner.users.get_mut(user_id) else { return Ok(None) };
        user.auth_service = auth_service.to_owned();
        user.auth_data = auth_data.map(str::to_owned);
        user.update_at = update_at;
        if !auth_service.is_empty() {
            user.password_hash = None;
        }
        inner.mfa_failed.remove(user_id);
        inner.credentials_from_import.remove(user_id);
        Ok(Some(inner.remove_user_sessions(user_id, |_| true, cause)))
    }
}
