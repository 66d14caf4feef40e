//! The SQLite backend's users: looking them up, creating them, their roles and passwords,
//! deactivation ([`crate::store::UserStore`]).

use async_trait::async_trait;
use rusqlite::{params, OptionalExtension};

use super::super::rows::{self, USER_COLUMNS};
use super::super::{RolesSet, StoreResult, UserStore};
use super::events::{end_sessions, record_sessions, record_user};
use super::{execute, insert_user, mapped, owned, SqliteStore};
use crate::domain::event::kind;
use crate::domain::{Cause, Id, User};

#[async_trait]
impl UserStore for SqliteStore {
    async fn create_user(&self, user: &User) -> StoreResult<()> {
        let u = user.clone();
        self.write(move |c| insert_user(c, &u)).await
    }

    async fn user_by_id(&self, id: &Id) -> StoreResult<Option<User>> {
        self.user_where("id", id.as_str()).await
    }

    async fn user_by_username(&self, username: &str) -> StoreResult<Option<User>> {
        self.user_where("username", username).await
    }

    async fn user_by_email(&self, email: &str) -> StoreResult<Option<User>> {
        self.user_where("email", email).await
    }

    async fn list_users(&self) -> StoreResult<Vec<User>> {
        self.read(|c| {
            c.prepare_cached(&format!("SELECT {USER_COLUMNS} FROM users ORDER BY username"))?
                .query_map([], |r| mapped(r, rows::user))?
                .collect()
        })
        .await
    }

    async fn set_password_hash(&self, user_id: &Id, hash: &str, update_at: i64) -> StoreResult<bool> {
        let sql = "UPDATE users SET credentials_from_import = 0, password_hash = ?2, update_at = ?3, last_password_update = ?3, \
                   mfa_failed_attempts = 0 WHERE id = ?1";
        Ok(self.execute(sql, (owned(user_id), owned(hash), update_at)).await? > 0)
    }

    async fn upgrade_password_hash(&self, user_id: &Id, old: &str, new: &str) -> StoreResult<bool> {
        let sql =
            "UPDATE users SET credentials_from_import = 0, password_hash = ?3 WHERE id = ?1 AND password_hash = ?2";
        Ok(self.execute(sql, (owned(user_id), owned(old), owned(new))).await? > 0)
    }

    async fn set_roles(&self, user_id: &Id, roles: &str, update_at: i64, cause: &Cause) -> StoreResult<RolesSet> {
        let cause = cause.clone();
        let (user_id, roles) = (owned(user_id), owned(roles));
        // One write: the writer runs it in a savepoint of its batch, all or nothing; being the
        // only writer, nothing changes between the last-admin check and the update.
        self.write(move |c| {
            let current: Option<String> = c
                .prepare_cached("SELECT roles FROM users WHERE id = ?1")?
                .query_row([&user_id], |r| r.get(0))
                .optional()?;
            let Some(current) = current else { return Ok(RolesSet::NoSuchUser) };
            let admins: i64 = c
                .prepare_cached(&format!("SELECT count(*) FROM users WHERE {}", rows::ACTIVE_ADMIN))?
                .query_row([], |r| r.get(0))?;
            if rows::demotes_last_admin(&current, &roles, admins) {
                return Ok(RolesSet::LastAdmin);
            }
            execute(
                c,
                "UPDATE users SET roles = ?2, update_at = ?3 WHERE id = ?1",
                params![user_id, roles, update_at],
            )?;
            if current != roles {
                record_sessions(c, kind::SESSION_REVOKED, &cause, "user_id = ?1", &[&user_id])?;
            }
            execute(c, "UPDATE sessions SET roles = ?2 WHERE user_id = ?1", params![user_id, roles]).map(RolesSet::Set)
        })
        .await
    }

    async fn deactivate_user(&self, user_id: &Id, delete_at: i64, cause: &Cause) -> StoreResult<Option<u64>> {
        let (user_id, cause) = (owned(user_id), cause.clone());
        // One write: the writer runs it in a savepoint of its batch, all or nothing.
        self.write(move |c| {
            let sql = "UPDATE users SET delete_at = ?2, update_at = ?2 WHERE id = ?1";
            if execute(c, sql, params![user_id, delete_at])? == 0 {
                return Ok(None);
            }
            record_user(c, kind::USER_DEACTIVATED, &user_id, &cause)?;
            end_sessions(c, &cause, "user_id = ?1", &[&user_id]).map(Some)
        })
        .await
    }

    async fn reactivate_user(&self, user_id: &Id, update_at: i64) -> StoreResult<bool> {
        let sql = "UPDATE users SET delete_at = 0, update_at = ?2 WHERE id = ?1";
        Ok(self.execute(sql, (owned(user_id), update_at)).await? > 0)
    }

    async fn user_by_auth(&self, auth_service: &str, auth_data: &str) -> StoreResult<Option<User>> {
        let (service, data) = (owned(auth_service), owned(auth_data));
        self.read(move |c| {
            c.prepare_cached(&format!("SELECT {USER_COLUMNS} FROM users WHERE auth_service = ?1 AND auth_data = ?2"))?
                .query_row([service, data], |r| mapped(r, rows::user))
                .optional()
        })
        .await
    }

    async fn set_auth(
        &self,
        user_id: &Id,
        auth_service: &str,
        auth_data: Option<&str>,
        update_at: i64,
        cause: &Cause,
    ) -> StoreResult<Option<u64>> {
        let (user_id, service, data) = (owned(user_id), owned(auth_service), auth_data.map(owned));
        let cause = cause.clone();
        // One write: the writer runs it in a savepoint of its batch, all or nothing.
        self.write(move |c| {
            let sql = "UPDATE users SET credentials_from_import = 0, auth_service = ?2, auth_data = ?3, update_at = ?4, mfa_failed_attempts = 0, \
                       password_hash = CASE WHEN ?2 = '' THEN password_hash ELSE NULL END WHERE id = ?1";
            if execute(c, sql, params![user_id, service, data, update_at])? == 0 {
                return Ok(None);
            }
            end_sessions(c, &cause, "user_id = ?1", &[&user_id]).map(Some)
        })
        .await
    }
}
