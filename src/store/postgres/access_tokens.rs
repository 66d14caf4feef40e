//! The PostgreSQL backend's personal access tokens and the sessions they open
//! ([`crate::store::TokenStore`]).

use async_trait::async_trait;
use deadpool_postgres::GenericClient;
use tokio_postgres::types::ToSql;

use super::super::rows::{self, TOKEN_COLUMNS};
use super::super::{StoreResult, TokenStore};
use super::events::end_sessions;
use super::{classify, execute, insert_capped, token_row, PostgresStore};
use crate::domain::{AccessToken, Cause, Id, Session, TokenHash, TokenId};

#[async_trait]
impl TokenStore for PostgresStore {
    async fn create_token(&self, t: &AccessToken) -> StoreResult<()> {
        let sql = format!("INSERT INTO user_access_tokens ({TOKEN_COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6)");
        let row: [&(dyn ToSql + Sync); 6] =
            [&t.id.as_str(), &&t.token_hash.0[..], &t.user_id.as_str(), &t.description, &t.is_active, &t.expires_at];
        self.execute(&sql, &row).await.map(drop)
    }

    async fn token_by_id(&self, id: &TokenId) -> StoreResult<Option<AccessToken>> {
        let sql = format!("SELECT {TOKEN_COLUMNS} FROM user_access_tokens WHERE id = $1");
        self.query_opt(&sql, &[&id.as_str()], token_row).await
    }

    async fn token_by_hash(&self, hash: &TokenHash) -> StoreResult<Option<AccessToken>> {
        let sql = format!("SELECT {TOKEN_COLUMNS} FROM user_access_tokens WHERE token_hash = $1");
        self.query_opt(&sql, &[&&hash.0[..]], token_row).await
    }

    async fn tokens_for_user(&self, user_id: &Id, offset: usize, limit: usize) -> StoreResult<Vec<AccessToken>> {
        let (offset, limit) = (i64::try_from(offset).unwrap_or(i64::MAX), i64::try_from(limit).unwrap_or(i64::MAX));
        let sql =
            format!("SELECT {TOKEN_COLUMNS} FROM user_access_tokens WHERE user_id = $1 ORDER BY id LIMIT $2 OFFSET $3");
        self.query(&sql, &[&user_id.as_str(), &limit, &offset], token_row).await
    }

    async fn all_tokens(&self, offset: usize, limit: usize) -> StoreResult<Vec<AccessToken>> {
        let (offset, limit) = (i64::try_from(offset).unwrap_or(i64::MAX), i64::try_from(limit).unwrap_or(i64::MAX));
        let sql = format!("SELECT {TOKEN_COLUMNS} FROM user_access_tokens ORDER BY id LIMIT $1 OFFSET $2");
        self.query(&sql, &[&limit, &offset], token_row).await
    }

    async fn search_tokens(&self, term: &str) -> StoreResult<Vec<AccessToken>> {
        let sql = format!(
            "SELECT {} FROM user_access_tokens t JOIN users u ON u.id = t.user_id \
             WHERE t.id = $1 OR t.user_id = $1 OR u.username = $1 ORDER BY t.id",
            rows::prefixed(TOKEN_COLUMNS, "t")
        );
        self.query(&sql, &[&term], token_row).await
    }

    async fn delete_token(&self, token: &AccessToken, cause: &Cause) -> StoreResult<Option<u64>> {
        // The row lock orders this against a first use opening a session on another node.
        self.transaction(async |tx| {
            if execute(tx, "DELETE FROM user_access_tokens WHERE id = $1", &[&token.id.as_str()]).await? == 0 {
                return Ok(None);
            }
            end_sessions(tx, cause, "token_hash = $1", &[&&token.token_hash.0[..]]).await.map(Some)
        })
        .await
    }

    async fn set_token_active(&self, token: &AccessToken, active: bool, cause: &Cause) -> StoreResult<Option<u64>> {
        self.transaction(async |tx| {
            let sql = "UPDATE user_access_tokens SET is_active = $2 WHERE id = $1";
            if execute(tx, sql, &[&token.id.as_str(), &active]).await? == 0 {
                return Ok(None);
            }
            if active {
                return Ok(Some(0));
            }
            end_sessions(tx, cause, "token_hash = $1", &[&&token.token_hash.0[..]]).await.map(Some)
        })
        .await
    }

    async fn create_token_session(
        &self,
        token: &AccessToken,
        session: &Session,
        max_per_user: usize,
        cause: &Cause,
    ) -> StoreResult<Option<u64>> {
        self.transaction(async |tx| {
            // Locked for the insert: a revoke or disable on another node waits, or has won.
            let sql = "SELECT 1 FROM user_access_tokens WHERE id = $1 AND is_active FOR SHARE";
            if tx.query_opt(sql, &[&token.id.as_str()]).await.map_err(classify)?.is_none() {
                return Ok(None);
            }
            insert_capped(tx, session, max_per_user, cause).await.map(Some)
        })
        .await
    }
}
