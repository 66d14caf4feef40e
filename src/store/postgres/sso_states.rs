//! The PostgreSQL backend's single sign-ons in flight ([`crate::store::SsoStateStore`]): one
//! table every node reads, so that a sign-in started on one node completes on another.

use async_trait::async_trait;

use super::super::{SsoStateStore, StoreResult};
use super::PostgresStore;
use crate::domain::TokenHash;

#[async_trait]
impl SsoStateStore for PostgresStore {
    async fn put_sso_state(&self, token_hash: &TokenHash, expires_at: i64, data: &str) -> StoreResult<()> {
        let sql = "INSERT INTO sso_states (token_hash, expires_at, data) VALUES ($1, $2, $3)";
        self.execute(sql, &[&token_hash.0.as_slice(), &expires_at, &data]).await.map(drop)
    }

    async fn take_sso_state(&self, token_hash: &TokenHash, now: i64) -> StoreResult<Option<String>> {
        // DELETE … RETURNING: of two nodes taking one state at once, one gets the row.
        let sql = "DELETE FROM sso_states WHERE token_hash = $1 RETURNING expires_at, data";
        let taken = self
            .query_opt(sql, &[&token_hash.0.as_slice()], |row| {
                Ok((row.try_get::<_, i64>(0)?, row.try_get::<_, String>(1)?))
            })
            .await?;
        Ok(taken.filter(|(expires_at, _)| *expires_at >= now).map(|(_, data)| data))
    }

    async fn delete_expired_sso_states(&self, now: i64) -> StoreResult<u64> {
        self.execute("DELETE FROM sso_states WHERE expires_at < $1", &[&now]).await
    }
}
