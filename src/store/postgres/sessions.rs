//! The PostgreSQL backend's sessions: issuing, reading by token, listing, extending, revoking,
//! purging ([`crate::store::SessionStore`]).

use async_trait::async_trait;
use deadpool_postgres::GenericClient;

use super::super::rows::{self, SESSION_COLUMNS};
use super::super::{SessionStore, StoreResult, WithSessions};
use super::events::end_sessions;
use super::{classify, insert_capped, session_row, PostgresStore};
use crate::domain::{Cause, Id, Session, SessionId, TokenHash, User};

#[async_trait]
impl SessionStore for PostgresStore {
    async fn create_session(&self, s: &Session, max_per_user: usize, cause: &Cause) -> StoreResult<u64> {
        self.transaction(async |tx| insert_capped(tx, s, max_per_user, cause).await).await
    }

    async fn session_by_token(&self, hash: &TokenHash) -> StoreResult<Option<Session>> {
        let sql = format!("SELECT {SESSION_COLUMNS} FROM sessions WHERE token_hash = $1");
        self.query_opt(&sql, &[&&hash.0[..]], session_row).await
    }

    async fn session_and_user_by_token(&self, hash: &TokenHash) -> StoreResult<Option<(Session, Option<User>)>> {
        // One round trip: the session and its user in one statement.
        let found =
            self.query_opt(rows::session_and_user_by_token_sql(), &[&&hash.0[..]], rows::session_and_user).await?;
        Ok(found.map(|(session, user)| (session, Some(user))))
    }

    async fn session_user_and_sessions_by_token(&self, hash: &TokenHash) -> StoreResult<Option<WithSessions>> {
        // One round trip for `GET /users/me/sessions`.
        let client = self.client().await?;
        let statement = client.prepare_cached(rows::with_sessions_by_token_sql()).await.map_err(classify)?;
        let found = client.query(&statement, &[&&hash.0[..]]).await.map_err(classify)?;
        let user = found.first().map(rows::user).transpose()?;
        let list = found.iter().map(rows::listed_session).collect::<anyhow::Result<Vec<Session>>>()?;
        Ok(rows::with_sessions(user, list, hash)?)
    }

    async fn session_by_id(&self, id: &SessionId) -> StoreResult<Option<Session>> {
        self.query_opt(&format!("SELECT {SESSION_COLUMNS} FROM sessions WHERE id = $1"), &[&id.as_str()], session_row)
            .await
    }

    async fn sessions_for_user(&self, user_id: &Id) -> StoreResult<Vec<Session>> {
        let sql =
            format!("SELECT {SESSION_COLUMNS} FROM sessions WHERE user_id = $1 ORDER BY last_activity_at DESC, id");
        self.query(&sql, &[&user_id.as_str()], session_row).await
    }

    async fn count_active_sessions(&self, now: i64) -> StoreResult<u64> {
        let sql = "SELECT count(*) FROM sessions WHERE expires_at = 0 OR expires_at >= $1";
        let count = self.query_opt(sql, &[&now], |row| Ok(row.try_get::<_, i64>(0)?)).await?;
        Ok(count.unwrap_or(0) as u64)
    }

    async fn touch_session(&self, id: &SessionId, last_activity_at: i64) -> StoreResult<()> {
        let sql = "UPDATE sessions SET last_activity_at = $2 WHERE id = $1";
        self.execute(sql, &[&id.as_str(), &last_activity_at]).await.map(drop)
    }

    async fn set_session_expiry(&self, id: &SessionId, expires_at: i64) -> StoreResult<()> {
        self.execute("UPDATE sessions SET expires_at = $2 WHERE id = $1", &[&id.as_str(), &expires_at]).await.map(drop)
    }

    async fn attach_device(&self, id: &SessionId, device_id: &str, expires_at: i64) -> StoreResult<()> {
        let sql = "UPDATE sessions SET device_id = $2, expires_at = $3 WHERE id = $1";
        self.execute(sql, &[&id.as_str(), &device_id, &expires_at]).await.map(drop)
    }

    async fn delete_session(&self, id: &SessionId, cause: &Cause) -> StoreResult<bool> {
        // One statement, its event with it: no more round trips than the delete alone.
        let client = self.client().await?;
        Ok(end_sessions(&client, cause, "id = $1", &[&id.as_str()]).await? > 0)
    }

    async fn delete_user_session(&self, user_id: &Id, id: &SessionId, cause: &Cause) -> StoreResult<bool> {
        let client = self.client().await?;
        Ok(end_sessions(&client, cause, "id = $1 AND user_id = $2", &[&id.as_str(), &user_id.as_str()]).await? > 0)
    }

    async fn delete_sessions_for_user(
        &self,
        user_id: &Id,
        keep: Option<&SessionId>,
        cause: &Cause,
    ) -> StoreResult<u64> {
        let keep = keep.map_or("", |k| k.as_str());
        // Ordered against logins racing on other nodes (see the module docs).
        let deleted = self
            .locking_user(user_id, async |tx| {
                end_sessions(tx, cause, "user_id = $1 AND id <> $2", &[&user_id.as_str(), &keep]).await
            })
            .await?;
        Ok(deleted.unwrap_or(0))
    }

    async fn delete_device_sessions(
        &self,
        user_id: &Id,
        device_id: &str,
        keep: Option<&SessionId>,
        cause: &Cause,
    ) -> StoreResult<u64> {
        let keep = keep.map_or("", |k| k.as_str());
        let client = self.client().await?;
        let condition = "user_id = $1 AND device_id = $2 AND id <> $3";
        end_sessions(&client, cause, condition, &[&user_id.as_str(), &device_id, &keep]).await
    }

    async fn delete_all_sessions(&self, cause: &Cause) -> StoreResult<u64> {
        let client = self.client().await?;
        end_sessions(&client, cause, "TRUE", &[]).await
    }

    async fn delete_expired(&self, now: i64, limit: usize) -> StoreResult<u64> {
        let limit = i64::try_from(limit).unwrap_or(i64::MAX);
        // SKIP LOCKED: several nodes purging at once share the work instead of waiting.
        let condition = "id IN (SELECT id FROM sessions WHERE expires_at > 0 AND expires_at < $1 \
                         LIMIT $2 FOR UPDATE SKIP LOCKED)";
        let client = self.client().await?;
        end_sessions(&client, &Cause::expiry(now), condition, &[&now, &limit]).await
    }
}
