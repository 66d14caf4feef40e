//! The SQLite backend's multi-factor authentication: secrets, used steps, wrong codes
//! ([`crate::store::MfaStore`]).

use async_trait::async_trait;
use rusqlite::{params, Connection, OptionalExtension};

use super::super::{MfaState, MfaStore, MfaWrite, StoreResult};
use super::events::record_user;
use super::{execute, owned, SqliteStore};
use crate::domain::event::kind;
use crate::domain::{Cause, Id};

/// Accepts `step` for `user_id` once (the primary key refuses a second row), forgetting steps
/// before `keep_from`; in the caller's write.
pub(super) fn use_mfa_step(c: &Connection, user_id: &str, step: i64, keep_from: i64) -> rusqlite::Result<MfaWrite> {
    execute(c, "DELETE FROM mfa_used_steps WHERE user_id = ?1 AND step < ?2", params![user_id, keep_from])?;
    let sql = "INSERT INTO mfa_used_steps (user_id, step) VALUES (?1, ?2) ON CONFLICT DO NOTHING";
    if execute(c, sql, params![user_id, step])? == 0 {
        return Ok(MfaWrite::Replayed);
    }
    execute(c, "UPDATE users SET mfa_failed_attempts = 0 WHERE id = ?1", [user_id])?;
    Ok(MfaWrite::Done)
}

/// Whether the user exists, in the caller's write.
pub(super) fn user_exists(c: &Connection, user_id: &str) -> rusqlite::Result<bool> {
    c.prepare_cached("SELECT 1 FROM users WHERE id = ?1")?.exists([user_id])
}

#[async_trait]
impl MfaStore for SqliteStore {
    async fn mfa_state(&self, user_id: &Id) -> StoreResult<Option<MfaState>> {
        let user_id = owned(user_id);
        self.read(move |c| {
            c.prepare_cached("SELECT mfa_active, mfa_secret, mfa_failed_attempts FROM users WHERE id = ?1")?
                .query_row([user_id], |r| {
                    Ok(MfaState { active: r.get(0)?, secret: r.get(1)?, failed_attempts: r.get(2)? })
                })
                .optional()
        })
        .await
    }

    async fn record_failed_code(&self, user_id: &Id) -> StoreResult<Option<u32>> {
        let user_id = owned(user_id);
        self.write(move |c| {
            c.prepare_cached(
                "UPDATE users SET mfa_failed_attempts = mfa_failed_attempts + 1 WHERE id = ?1 \
                 RETURNING mfa_failed_attempts",
            )?
            .query_row([user_id], |r| r.get(0))
            .optional()
        })
        .await
    }

    async fn set_mfa_secret(&self, user_id: &Id, secret: &str, update_at: i64) -> StoreResult<MfaWrite> {
        let (user_id, secret) = (owned(user_id), owned(secret));
        self.write(move |c| {
            let sql = "UPDATE users SET credentials_from_import = 0, mfa_secret = ?2, update_at = ?3 WHERE id = ?1 AND mfa_active = 0";
            if execute(c, sql, params![user_id, secret, update_at])? == 1 {
                return Ok(MfaWrite::Done);
            }
            Ok(if user_exists(c, &user_id)? { MfaWrite::Active } else { MfaWrite::NoSuchUser })
        })
        .await
    }

    async fn use_mfa_step(&self, user_id: &Id, step: i64, keep_from: i64) -> StoreResult<MfaWrite> {
        let user_id = owned(user_id);
        self.write(move |c| {
            if !user_exists(c, &user_id)? {
                return Ok(MfaWrite::NoSuchUser);
            }
            use_mfa_step(c, &user_id, step, keep_from)
        })
        .await
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
        let (user_id, secret, cause) = (owned(user_id), owned(secret), cause.clone());
        // One write (a savepoint of the writer's batch): the step is taken only with the
        // activation, and the activation only with the secret the code was checked against.
        self.write(move |c| {
            let stored: Option<String> = c
                .prepare_cached("SELECT mfa_secret FROM users WHERE id = ?1")?
                .query_row([&user_id], |r| r.get(0))
                .optional()?;
            match stored {
                None => return Ok(MfaWrite::NoSuchUser),
                Some(stored) if stored != secret => return Ok(MfaWrite::SecretChanged),
                Some(_) => {}
            }
            let used = use_mfa_step(c, &user_id, step, keep_from)?;
            if used == MfaWrite::Done {
                execute(
                    c,
                    "UPDATE users SET credentials_from_import = 0, mfa_active = 1, update_at = ?2 WHERE id = ?1",
                    params![user_id, update_at],
                )?;
                record_user(c, kind::USER_MFA_CHANGED, &user_id, &cause)?;
            }
            Ok(used)
        })
        .await
    }

    async fn deactivate_mfa(
        &self,
        user_id: &Id,
        update_at: i64,
        only_while_off: bool,
        cause: &Cause,
    ) -> StoreResult<MfaWrite> {
        let (user_id, cause) = (owned(user_id), cause.clone());
        self.write(move |c| {
            let was_active = c
                .prepare_cached("SELECT mfa_active FROM users WHERE id = ?1")?
                .query_row([&user_id], |r| r.get::<_, bool>(0))
                .optional()?
                .unwrap_or(false);
            let sql = "UPDATE users SET credentials_from_import = 0, mfa_active = 0, mfa_secret = '', mfa_failed_attempts = 0, update_at = ?2 \
                       WHERE id = ?1 AND (mfa_active = 0 OR NOT ?3)";
            if execute(c, sql, params![user_id, update_at, only_while_off])? == 1 {
                if was_active {
                    record_user(c, kind::USER_MFA_CHANGED, &user_id, &cause)?;
                }
                return Ok(MfaWrite::Done);
            }
            Ok(if user_exists(c, &user_id)? { MfaWrite::Active } else { MfaWrite::NoSuchUser })
        })
        .await
    }
}
