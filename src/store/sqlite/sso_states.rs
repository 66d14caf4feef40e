//! The SQLite backend's single sign-ons in flight ([`crate::store::SsoStateStore`]).

use async_trait::async_trait;
use rusqlite::OptionalExtension;

use super::super::{SsoStateStore, StoreResult};
use super::{execute, SqliteStore};
use crate::domain::TokenHash;

#[async_trait]
impl SsoStateStore for SqliteStore {
    async fn put_sso_state(&self, token_hash: &TokenHash, expires_at: i64, data: &str) -> StoreResult<()> {
        let sql = "INSERT INTO sso_states (token_hash, expires_at, data) VALUES (?1, ?2, ?3)";
        self.execute(sql, (token_hash.0.to_vec(), expires_at, data.to_owned())).await.map(drop)
    }

    async fn take_sso_state(&self, token_hash: &TokenHash, now: i64) -> StoreResult<Option<String>> {
        let hash = token_hash.0.to_vec();
        // The single writer deletes and reads in one statement: a replay finds nothing.
        let taken: Option<(i64, String)> = self
            .write(move |c| {
                c.prepare_cached("DELETE FROM sso_states WHERE token_hash = ?1 RETURNING expires_at, data")?
                    .query_row([hash], |r| Ok((r.get(0)?, r.get(1)?)))
                    .optional()
            })
            .await?;
        Ok(taken.filter(|(expires_at, _)| *expires_at >= now).map(|(_, data)| data))
    }

    async fn delete_expired_sso_states(&self, now: i64) -> StoreResult<u64> {
        self.write(move |c| execute(c, "DELETE FROM sso_states WHERE expires_at < ?1", [now])).await
    }
}
