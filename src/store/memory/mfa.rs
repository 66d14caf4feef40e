//! The in-memory backend's multi-factor authentication: secrets, used steps, wrong codes
//! ([`crate::store::MfaStore`]).

use async_trait::async_trait;

use super::super::{MfaState, MfaStore, MfaWrite, StoreResult};
use super::MemoryStore;
use crate::domain::event::kind;
use crate::domain::{Cause, Id};

#[async_trait]
impl MfaStore for MemoryStore {
    async fn mfa_state(&self, user_id: &Id) -> StoreResult<Option<MfaState>> {
        let inner = self.read();
        Ok(inner.users.get(user_id).map(|u| MfaState {
            active: u.mfa_active,
            secret: inner.mfa_secrets.get(user_id).cloned().unwrap_or_default(),
            failed_attempts: inner.mfa_failed.get(user_id).copied().unwrap_or(0),
        }))
    }

    async fn record_failed_code(&self, user_id: &Id) -> StoreResult<Option<u32>> {
        let mut inner = self.write();
        if !inner.users.contains_key(user_id) {
            return Ok(None);
        }
        let count = inner.mfa_failed.entry(user_id.clone()).or_insert(0);
        *count = count.saturating_add(1);
        Ok(Some(*count))
    }

    async fn set_mfa_secret(&self, user_id: &Id, secret: &str, update_at: i64) -> StoreResult<MfaWrite> {
        let mut inner = self.write();
        let Some(user) = inner.users.get_mut(user_id) else { return Ok(MfaWrite::NoSuchUser) };
        if user.mfa_active {
            return Ok(MfaWrite::Active);
        }
        user.update_at = update_at;
        inner.mfa_secrets.insert(user_id.clone(), secret.to_owned());
        inner.credentials_from_import.remove(user_id);
        Ok(MfaWrite::Done)
    }

    async fn use_mfa_step(&self, user_id: &Id, step: i64, keep_from: i64) -> StoreResult<MfaWrite> {
        let mut inner = self.write();
        if !inner.users.contains_key(user_id) {
            return Ok(MfaWrite::NoSuchUser);
        }
        Ok(inner.use_mfa_step(user_id, step, keep_from))
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
        let mut inner = self.write();
        if !inner.users.contains_key(user_id) {
            return Ok(MfaWrite::NoSuchUser);
        }
        if inner.mfa_secrets.get(user_id).map(String::as_str) != Some(secret) {
            return Ok(MfaWrite::SecretChanged);
        }
        let used = inner.use_mfa_step(user_id, step, keep_from);
        if used == MfaWrite::Done {
            let user = inner.users.get_mut(user_id).expect("checked above, under the same lock");
            user.mfa_active = true;
            user.update_at = update_at;
            inner.credentials_from_import.remove(user_id);
            inner.record_user(kind::USER_MFA_CHANGED, user_id, cause);
        }
        Ok(used)
    }

    async fn deactivate_mfa(
        &self,
        user_id: &Id,
        update_at: i64,
        only_while_off: bool,
        cause: &Cause,
    ) -> StoreResult<MfaWrite> {
        let mut inner = self.write();
        let Some(user) = inner.users.get_mut(user_id) else { return Ok(MfaWrite::NoSuchUser) };
        if only_while_off && user.mfa_active {
            return Ok(MfaWrite::Active);
        }
        let was_active = std::mem::replace(&mut user.mfa_active, false);
        if was_active {
            inner.record_user(kind::USER_MFA_CHANGED, user_id, cause);
        }
        let Some(user) = inner.users.get_mut(user_id) else { return Ok(MfaWrite::NoSuchUser) };
        user.update_at = update_at;
        inner.mfa_secrets.remove(user_id);
        inner.mfa_failed.remove(user_id);
        inner.credentials_from_import.remove(user_id);
        Ok(MfaWrite::Done)
    }
}
