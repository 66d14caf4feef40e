//! The in-memory backend's single sign-ons in flight ([`crate::store::SsoStateStore`]).

use async_trait::async_trait;

use super::super::{SsoStateStore, StoreResult};
use super::MemoryStore;
use crate::domain::TokenHash;

#[async_trait]
impl SsoStateStore for MemoryStore {
    async fn put_sso_state(&self, token_hash: &TokenHash, expires_at: i64, data: &str) -> StoreResult<()> {
        self.write().sso_states.insert(*token_hash, (expires_at, data.to_owned()));
        Ok(())
    }

    async fn take_sso_state(&self, token_hash: &TokenHash, now: i64) -> StoreResult<Option<String>> {
        let taken = self.write().sso_states.remove(token_hash);
        Ok(taken.filter(|(expires_at, _)| *expires_at >= now).map(|(_, data)| data))
    }

    async fn delete_expired_sso_states(&self, now: i64) -> StoreResult<u64> {
        let mut inner = self.write();
        let before = inner.sso_states.len();
        inner.sso_states.retain(|_, (expires_at, _)| *expires_at >= now);
        Ok((before - inner.sso_states.len()) as u64)
    }
}
