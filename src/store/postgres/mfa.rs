//! The PostgreSQL backend's multi-factor authentication: secrets, used steps, wrong codes
//! ([`crate::store::MfaStore`]).

use async_trait::async_trait;
use deadpool_postgres::GenericClient;

use super::super::{MfaState, MfaStore, MfaWrite, StoreResult};
use super::events::record_user;
use super::{classify, execute, PostgresStore};
use crate::domain::event::kind;
use crate::domain::{Cause, Id};

/// Accepts `step` for `user_id` once, forgetting steps before `keep_from`, in the caller's
/// transaction. The primary key decides: of two nodes inserting the same step at once, the
/// second waits for the first to commit and then inserts nothing.
async fn use_mfa_step(
    tx: &deadpool_postgres::Transaction<'_>,
    user_id: &Id,
    step: i64,
    keep_from: i64,
) -> StoreResult<MfaWrite> {
    let sql = "DELETE FROM mfa_used_steps WHERE user_id = $1 AND step < $2";
    execute(tx, sql, &[&user_id.as_str(), &keep_from]).await?;
    let sql = "INSERT INTO mfa_used_steps (user_id, step) VALUES ($1, $2) ON CONFLICT DO NOTHING";
    if execute(tx, sql, &[&user_id.as_str(), &step]).await? == 0 {
        return Ok(MfaWrite::Replayed);
    }
    execute(tx, "UPDATE users SET mfa_failed_attempts = 0 WHERE id = $1", &[&user_id.as_str()]).await?;
    Ok(MfaWrite::Done)
}

#[async_trait]
impl MfaStore for PostgresStore {
    async fn mfa_state(&self, user_id: &Id) -> StoreResult<Option<MfaState>> {
        let sql = "SELECT mfa_active, mfa_secret, mfa_failed_attempts FROM users WHERE id = $1";
        self.query_opt(sql, &[&user_id.as_str()], |r| {
            let failed: i32 = r.try_get(2)?;
            Ok(MfaState { active: r.try_get(0)?, secret: r.try_get(1)?, failed_attempts: failed.max(0).unsigned_abs() })
        })
        .await
    }

    async fn record_failed_code(&self, user_id: &Id) -> StoreResult<Option<u32>> {
        let sql = "UPDATE users SET mfa_failed_attempts = mfa_failed_attempts + 1 WHERE id = $1 \
                   RETURNING mfa_failed_attempts";
        let count = self.query_opt(sql, &[&user_id.as_str()], |r| Ok(r.try_get::<_, i32>(0)?)).await?;
        Ok(count.map(|n| n.max(0).unsigned_abs()))
    }

    async fn set_mfa_secret(&self, user_id: &Id, secret: &str, update_at: i64) -> StoreResult<MfaWrite> {
        let written = self
            .locking_user(user_id, async |tx| {
                let sql = "UPDATE users SET credentials_from_import = FALSE, mfa_secret = $2, update_at = $3 WHERE id = $1 AND NOT mfa_active";
                execute(tx, sql, &[&user_id.as_str(), &secret, &update_at]).await
            })
            .await?;
        Ok(match written {
            None => MfaWrite::NoSuchUser,
            Some(0) => MfaWrite::Active,
            Some(_) => MfaWrite::Done,
        })
    }

    async fn use_mfa_step(&self, user_id: &Id, step: i64, keep_from: i64) -> StoreResult<MfaWrite> {
        let used = self.transaction(async |tx| {
            let user =
                tx.query_opt("SELECT 1 FROM users WHERE id = $1", &[&user_id.as_str()]).await.map_err(classify)?;
            match user {
                None => Ok(MfaWrite::NoSuchUser),
                Some(_) => use_mfa_step(tx, user_id, step, keep_from).await,
            }
        });
        used.await
    }

    async fn activate_mfa(
        &self,
        user_id: &Id,
        secret: &str,
        step: i64,
        keep_from: i64,
        update_at: i64,
        cause: &Cause,
    ) -> StoreResult<MfaWrite> {
        // Under the user-row lock: the secret compared is the one activated, whatever another
        // node generates meanwhile; the step is taken only with the activation.
        let written = self
            .locking_user(user_id, async |tx| {
                let sql = "SELECT mfa_secret FROM users WHERE id = $1";
                let stored: String = tx.query_one(sql, &[&user_id.as_str()]).await.map_err(classify)?.get(0);
                if stored != secret {
                    return Ok(MfaWrite::SecretChanged);
                }
                let used = use_mfa_step(tx, user_id, step, keep_from).await?;
                if used == MfaWrite::Done {
                    let sql = "UPDATE users SET credentials_from_import = FALSE, mfa_active = TRUE, update_at = $2 WHERE id = $1";
                    execute(tx, sql, &[&user_id.as_str(), &update_at]).await?;
                    record_user(tx, kind::USER_MFA_CHANGED, user_id.as_str(), cause).await?;
                }
                Ok(used)
            })
            .await?;
        Ok(written.unwrap_or(MfaWrite::NoSuchUser))
    }

    async fn deactivate_mfa(
        &self,
        user_id: &Id,
        update_at: i64,
        only_while_off: bool,
        cause: &Cause,
    ) -> StoreResult<MfaWrite> {
        // Under the user-row lock: whether MFA was on (and so whether it changed) is read with
        // the write.
        let done = self
            .locking_user(user_id, async |tx| {
                let sql = "SELECT mfa_active FROM users WHERE id = $1";
                let was_active: bool = tx.query_one(sql, &[&user_id.as_str()]).await.map_err(classify)?.get(0);
                if was_active && only_while_off {
                    return Ok(false);
                }
                let sql = "UPDATE users SET credentials_from_import = FALSE, mfa_active = FALSE, mfa_secret = '', mfa_failed_attempts = 0, \
                           update_at = $2 WHERE id = $1";
                execute(tx, sql, &[&user_id.as_str(), &update_at]).await?;
                if was_active {
                    record_user(tx, kind::USER_MFA_CHANGED, user_id.as_str(), cause).await?;
                }
                Ok(true)
            })
            .await?;
        match done {
            Some(true) => Ok(MfaWrite::Done),
            Some(false) => Ok(MfaWrite::Active),
            None => Ok(MfaWrite::NoSuchUser),
        }
    }
}
