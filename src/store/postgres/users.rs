//! The PostgreSQL backend's users: looking them up, creating them, their roles and passwords,
//! deactivation ([`crate::store::UserStore`]).

use async_trait::async_trait;
use deadpool_postgres::GenericClient;
use tokio_postgres::types::ToSql;

use super::super::rows::{self, USER_COLUMNS};
use super::super::{RolesSet, StoreResult, UserStore};
use super::events::{change_sessions, end_sessions, record_user};
use super::{classify, execute, user_row, PostgresStore};
use crate::domain::event::kind;
use crate::domain::{Cause, Id, User};

#[async_trait]
impl UserStore for PostgresStore {
    async fn create_user(&self, u: &User) -> StoreResult<()> {
        let sql = format!(
            "INSERT INTO users ({USER_COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)"
        );
        let (id, profile) = (u.id.as_str(), rows::profile_text(u));
        let row = super::user_values(u, &id, &profile);
        self.execute(&sql, &row).await.map(drop)
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
        self.query(&format!("SELECT {USER_COLUMNS} FROM users ORDER BY username"), &[], user_row).await
    }

    async fn set_password_hash(&self, user_id: &Id, hash: &str, update_at: i64) -> StoreResult<bool> {
        let sql = "UPDATE users SET credentials_from_import = FALSE, password_hash = $2, update_at = $3, last_password_update = $3, \
                   mfa_failed_attempts = 0 WHERE id = $1";
        Ok(self.execute(sql, &[&user_id.as_str(), &hash, &update_at]).await? > 0)
    }

    async fn upgrade_password_hash(&self, user_id: &Id, old: &str, new: &str) -> StoreResult<bool> {
        let sql =
            "UPDATE users SET credentials_from_import = FALSE, password_hash = $3 WHERE id = $1 AND password_hash = $2";
        Ok(self.execute(sql, &[&user_id.as_str(), &old, &new]).await? > 0)
    }

    async fn set_roles(&self, user_id: &Id, roles: &str, update_at: i64, cause: &Cause) -> StoreResult<RolesSet> {
        // Demoting a system admin may demote the last one: then every active admin's row is
        // locked (in id order, so two demotions at once queue instead of deadlocking; the user's
        // is among them) and the count holds until this commits. Any other change locks the
        // user's row only. Either way the user's row is locked, which orders this against
        // logins racing on other nodes (they copy the roles from the locked row). Which case
        // it is was read before the locks: if the row changed in between, the other case runs.
        // `demotes_last_admin(current, roles, 1)`: an admin losing the role, were they the last.
        let sql = "SELECT roles FROM users WHERE id = $1";
        let current = self.query_opt(sql, &[&user_id.as_str()], |r| Ok(r.try_get::<_, String>(0)?)).await?;
        let Some(mut demoting_an_admin) = current.map(|r| rows::demotes_last_admin(&r, roles, 1)) else {
            return Ok(RolesSet::NoSuchUser);
        };
        loop {
            let outcome = self
                .transaction(async |tx| {
                    let mut admins = i64::MAX;
                    if demoting_an_admin {
                        let sql = format!("SELECT id FROM users WHERE {} ORDER BY id FOR UPDATE", rows::ACTIVE_ADMIN);
                        admins = tx.query(&sql, &[]).await.map_err(classify)?.len() as i64;
                    }
                    let sql = "SELECT roles FROM users WHERE id = $1 FOR UPDATE";
                    let current = tx.query_opt(sql, &[&user_id.as_str()]).await.map_err(classify)?;
                    let Some(current) = current else { return Ok(Some(RolesSet::NoSuchUser)) };
                    let current: String = current.get(0);
                    if !demoting_an_admin && rows::demotes_last_admin(&current, roles, 1) {
                        // Made an admin since it was read: lock as for an admin.
                        return Ok(None);
                    }
                    if rows::demotes_last_admin(&current, roles, admins) {
                        return Ok(Some(RolesSet::LastAdmin));
                    }
                    let sql = "UPDATE users SET roles = $2, update_at = $3 WHERE id = $1";
                    execute(tx, sql, &[&user_id.as_str(), &roles, &update_at]).await?;
                    let sql = "UPDATE sessions SET roles = $2 WHERE user_id = $1";
                    let params: [&(dyn ToSql + Sync); 2] = [&user_id.as_str(), &roles];
                    let rewritten = if current == roles {
                        execute(tx, sql, &params).await?
                    } else {
                        change_sessions(tx, kind::SESSION_REVOKED, cause, sql, &params).await?
                    };
                    Ok(Some(RolesSet::Set(rewritten)))
                })
                .await?;
            match outcome {
                Some(outcome) => return Ok(outcome),
                None => demoting_an_admin = true,
            }
        }
    }

    async fn deactivate_user(&self, user_id: &Id, delete_at: i64, cause: &Cause) -> StoreResult<Option<u64>> {
        // Under the user-row lock, which orders it against logins racing on other nodes.
        self.locking_user(user_id, async |tx| {
            let sql = "UPDATE users SET delete_at = $2, update_at = $2 WHERE id = $1";
            execute(tx, sql, &[&user_id.as_str(), &delete_at]).await?;
            record_user(tx, kind::USER_DEACTIVATED, user_id.as_str(), cause).await?;
            end_sessions(tx, cause, "user_id = $1", &[&user_id.as_str()]).await
        })
        .await
    }

    async fn reactivate_user(&self, user_id: &Id, update_at: i64) -> StoreResult<bool> {
        let sql = "UPDATE users SET delete_at = 0, update_at = $2 WHERE id = $1";
        Ok(self.execute(sql, &[&user_id.as_str(), &update_at]).await? > 0)
    }

    async fn user_by_auth(&self, auth_service: &str, auth_data: &str) -> StoreResult<Option<User>> {
        let sql = format!("SELECT {USER_COLUMNS} FROM users WHERE auth_service = $1 AND auth_data = $2");
        self.query_opt(&sql, &[&auth_service, &auth_data], super::user_row).await
    }

    async fn set_auth(
        &self,
        user_id: &Id,
        auth_service: &str,
        auth_data: Option<&str>,
        update_at: i64,
        cause: &Cause,
    ) -> StoreResult<Option<u64>> {
        // Under the user-row lock, which orders it against logins racing on other nodes: a
        // session opened by the old method either ends here or is refused.
        self.locking_user(user_id, async |tx| {
            let sql = "UPDATE users SET credentials_from_import = FALSE, auth_service = $2, auth_data = $3, update_at = $4, mfa_failed_attempts = 0, \
                       password_hash = CASE WHEN $2 = '' THEN password_hash ELSE NULL END WHERE id = $1";
            execute(tx, sql, &[&user_id.as_str(), &auth_service, &auth_data, &update_at]).await?;
            end_sessions(tx, cause, "user_id = $1", &[&user_id.as_str()]).await
        })
        .await
    }
}
