//! The SQLite backend's personal access tokens and the sessions they open
//! ([`crate::store::TokenStore`]).

use anyhow::Context as _;
use async_trait::async_trait;
use rusqlite::{params, OptionalExtension};

use super::super::rows::{self, TOKEN_COLUMNS};
use super::super::{StoreResult, TokenStore};
use super::events::end_sessions;
use super::{execute, insert_capped, mapped, owned, SqliteStore};
use crate::domain::{AccessToken, Cause, Id, Session, TokenHash, TokenId};

#[async_trait]
impl TokenStore for SqliteStore {
    async fn create_token(&self, token: &AccessToken) -> StoreResult<()> {
        let t = token.clone();
        self.write(move |c| {
            let sql = format!("INSERT INTO user_access_tokens ({TOKEN_COLUMNS}) VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
            let row = params![
                t.id.as_str(),
                &t.token_hash.0[..],
                t.user_id.as_str(),
                t.description,
                t.is_active,
                t.expires_at
            ];
            execute(c, &sql, row).map(drop)
        })
        .await
    }

    async fn token_by_id(&self, id: &TokenId) -> StoreResult<Option<AccessToken>> {
        let id = owned(id);
        self.read(move |c| {
            c.prepare_cached(&format!("SELECT {TOKEN_COLUMNS} FROM user_access_tokens WHERE id = ?1"))?
                .query_row([id], |r| mapped(r, rows::access_token))
                .optional()
        })
        .await
    }

    async fn token_by_hash(&self, hash: &TokenHash) -> StoreResult<Option<AccessToken>> {
        let hash = *hash;
        self.read(move |c| {
            c.prepare_cached(&format!("SELECT {TOKEN_COLUMNS} FROM user_access_tokens WHERE token_hash = ?1"))?
                .query_row([&hash.0[..]], |r| mapped(r, rows::access_token))
                .optional()
        })
        .await
    }

    async fn tokens_for_user(&self, user_id: &Id, offset: usize, limit: usize) -> StoreResult<Vec<AccessToken>> {
        let user_id = owned(user_id);
        let (offset, limit) = (i64::try_from(offset).unwrap_or(i64::MAX), i64::try_from(limit).unwrap_or(i64::MAX));
        self.read(move |c| {
            c.prepare_cached(&format!(
                "SELECT {TOKEN_COLUMNS} FROM user_access_tokens WHERE user_id = ?1 ORDER BY id LIMIT ?2 OFFSET ?3"
            ))?
            .query_map(params![user_id, limit, offset], |r| mapped(r, rows::access_token))?
            .collect()
        })
        .await
    }

    async fn all_tokens(&self, offset: usize, limit: usize) -> StoreResult<Vec<AccessToken>> {
        let (offset, limit) = (i64::try_from(offset).unwrap_or(i64::MAX), i64::try_from(limit).unwrap_or(i64::MAX));
        self.read(move |c| {
            c.prepare_cached(&format!("SELECT {TOKEN_COLUMNS} FROM user_access_tokens ORDER BY id LIMIT ?1 OFFSET ?2"))?
                .query_map(params![limit, offset], |r| mapped(r, rows::access_token))?
                .collect()
        })
        .await
    }

    async fn search_tokens(&self, term: &str) -> StoreResult<Vec<AccessToken>> {
        let term = owned(term);
        self.read(move |c| {
            c.prepare_cached(&format!(
                "SELECT {} FROM user_access_tokens t JOIN users u ON u.id = t.user_id \
                 WHERE t.id = ?1 OR t.user_id = ?1 OR u.username = ?1 ORDER BY t.id",
                rows::prefixed(TOKEN_COLUMNS, "t")
            ))?
            .query_map([term], |r| mapped(r, rows::access_token))?
            .collect()
        })
        .await
    }

    async fn delete_token(&self, token: &AccessToken, cause: &Cause) -> StoreResult<Option<u64>> {
        let (id, hash, cause) = (owned(&token.id), token.token_hash, cause.clone());
        self.write(move |c| {
            if execute(c, "DELETE FROM user_access_tokens WHERE id = ?1", [&id])? == 0 {
                return Ok(None);
            }
            end_sessions(c, &cause, "token_hash = ?1", &[&&hash.0[..]]).map(Some)
        })
        .await
    }

    async fn set_token_active(&self, token: &AccessToken, active: bool, cause: &Cause) -> StoreResult<Option<u64>> {
        let (id, hash, cause) = (owned(&token.id), token.token_hash, cause.clone());
        self.write(move |c| {
            if execute(c, "UPDATE user_access_tokens SET is_active = ?2 WHERE id = ?1", params![id, active])? == 0 {
                return Ok(None);
            }
            if active {
                return Ok(Some(0));
            }
            end_sessions(c, &cause, "token_hash = ?1", &[&&hash.0[..]]).map(Some)
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
        let cause = cause.clone();
        let (id, s) = (owned(&token.id), session.clone());
        let props = serde_json::to_string(&s.props).context("encoding props")?;
        self.write(move |tx| {
            let sql = "SELECT 1 FROM user_access_tokens WHERE id = ?1 AND is_active";
            if tx.prepare_cached(sql)?.query_row([id], |_| Ok(())).optional()?.is_none() {
                return Ok(Ok(None));
            }
            Ok(insert_capped(tx, &s, &props, max_per_user, &cause)?.map(Some))
        })
        .await
        .and_then(|created| created)
    }
}
