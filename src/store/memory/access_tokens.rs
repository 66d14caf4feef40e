//! The in-memory backend's personal access tokens and the sessions they open
//! ([`crate::store::TokenStore`]).

use async_trait::async_trait;

use super::super::{StoreError, StoreResult, TokenStore, Unique};
use super::MemoryStore;
use crate::domain::{AccessToken, Cause, Id, Session, TokenHash, TokenId};

#[async_trait]
impl TokenStore for MemoryStore {
    async fn create_token(&self, token: &AccessToken) -> StoreResult<()> {
        let mut inner = self.write();
        if inner.tokens.contains_key(&token.id) {
            return Err(StoreError::Conflict(Unique::AccessTokenId));
        }
        if inner.tokens.values().any(|t| t.token_hash == token.token_hash) {
            return Err(StoreError::Conflict(Unique::AccessTokenHash));
        }
        if !inner.users.contains_key(&token.user_id) {
            return Err(StoreError::Backend(anyhow::anyhow!("no user {} for the new token", token.user_id)));
        }
        inner.tokens.insert(token.id.clone(), token.clone());
        Ok(())
    }

    async fn token_by_id(&self, id: &TokenId) -> StoreResult<Option<AccessToken>> {
        Ok(self.read().tokens.get(id).cloned())
    }

    async fn token_by_hash(&self, hash: &TokenHash) -> StoreResult<Option<AccessToken>> {
        Ok(self.read().tokens.values().find(|t| t.token_hash == *hash).cloned())
    }

    async fn tokens_for_user(&self, user_id: &Id, offset: usize, limit: usize) -> StoreResult<Vec<AccessToken>> {
        Ok(self.read().tokens_where(|t| t.user_id == *user_id).into_iter().skip(offset).take(limit).collect())
    }

    async fn all_tokens(&self, offset: usize, limit: usize) -> StoreResult<Vec<AccessToken>> {
        Ok(self.read().tokens_where(|_| true).into_iter().skip(offset).take(limit).collect())
    }

    async fn search_tokens(&self, term: &str) -> StoreResult<Vec<AccessToken>> {
        let inner = self.read();
        let username = |t: &AccessToken| inner.users.get(&t.user_id).map(|u| u.username.as_str());
        Ok(inner.tokens_where(|t| t.id.as_str() == term || t.user_id.as_str() == term || username(t) == Some(term)))
    }

    async fn delete_token(&self, token: &AccessToken, cause: &Cause) -> StoreResult<Option<u64>> {
        let mut inner = self.write();
        if inner.tokens.remove(&token.id).is_none() {
            return Ok(None);
        }
        Ok(Some(inner.remove_user_sessions(&token.user_id, |s| s.token_hash == token.token_hash, cause)))
    }

    async fn set_token_active(&self, token: &AccessToken, active: bool, cause: &Cause) -> StoreResult<Option<u64>> {
        let mut inner = self.write();
        let Some(stored) = inner.tokens.get_mut(&token.id) else { return Ok(None) };
        stored.is_active = active;
        if active {
            return Ok(Some(0));
        }
        Ok(Some(inner.remove_user_sessions(&token.user_id, |s| s.token_hash == token.token_hash, cause)))
    }

    async fn create_token_session(
        &self,
        token: &AccessToken,
        session: &Session,
        max_per_user: usize,
        cause: &Cause,
    ) -> StoreResult<Option<u64>> {
        let mut inner = self.write();
        if !inner.tokens.get(&token.id).is_some_and(|t| t.is_active) {
            return Ok(None);
        }
        inner.insert_capped(session, max_per_user, cause).map(Some)
    }
}
