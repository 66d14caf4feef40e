//! The SQLite backend's sessions: issuing, reading by token, listing, extending, revoking, purging
//! ([`crate::store::SessionStore`]).

use anyhow::Context as _;
use async_trait::async_trait;
use rusqlite::OptionalExtension;

use super::super::rows::{self, SESSION_COLUMNS};
use super::super::{SessionStore, StoreResult, WithSessions};
use super::events::end_sessions;
use super::{insert_capped, mapped, owned, SqliteStore};
use crate::domain::{Cause, Id, Session, SessionId, TokenHash, User};

#[async_trait]
impl SessionStore for SqliteStore {
    async fn create_session(&self, session: &Session, max_per_user: usize, cause: &Cause) -> StoreResult<u64> {
        let (s, cause) = (session.clone(), cause.clone());
        let props = serde_json::to_string(&s.props).context("encoding props")?;
        // No transaction of its own: the writer runs each write in a savepoint of its batch.
        self.write(move |tx| insert_capped(tx, &s, &props, max_per_user, &cause)).await.and_then(|created| created)
    }

    async fn session_by_token(&self, hash: &TokenHash) -> StoreResult<Option<Session>> {
        let hash = *hash;
        self.read(move |c| {
            c.prepare_cached(&format!("SELECT {SESSION_COLUMNS} FROM sessions WHERE token_hash = ?1"))?
                .query_row([&hash.0[..]], |r| mapped(r, rows::session))
                .optional()
        })
        .await
    }

    async fn session_and_user_by_token(&self, hash: &TokenHash) -> StoreResult<Option<(Session, Option<User>)>> {
        // One statement where two would each take a connection and a snapshot.
        let hash = *hash;
        let found = self.read(move |c| {
            c.prepare_cached(rows::session_and_user_by_token_sql())?
                .query_row([&hash.0[..]], |r| mapped(r, rows::session_and_user))
                .optional()
        });
        Ok(found.await?.map(|(session, user)| (session, Some(user))))
    }

    async fn session_user_and_sessions_by_token(&self, hash: &TokenHash) -> StoreResult<Option<WithSessions>> {
        // `GET /users/me/sessions` in one statement, one snapshot.
        let key = *hash;
        let (user, list) = self
            .read(move |c| {
                let mut statement = c.prepare_cached(rows::with_sessions_by_token_sql())?;
                let mut found = statement.query([&key.0[..]])?;
                let (mut user, mut list) = (None, Vec::new());
                while let Some(row) = found.next()? {
                    if user.is_none() {
                        user = Some(mapped(row, rows::user)?);
                    }
                    list.push(mapped(row, rows::listed_session)?);
                }
                Ok((user, list))
            })
            .await?;
        Ok(rows::with_sessions(user, list, hash)?)
    }

    async fn session_by_id(&self, id: &SessionId) -> StoreResult<Option<Session>> {
        let id = owned(id);
        self.read(move |c| {
            c.prepare_cached(&format!("SELECT {SESSION_COLUMNS} FROM sessions WHERE id = ?1"))?
                .query_row([id], |r| mapped(r, rows::session))
                .optional()
        })
        .await
    }

    async fn sessions_for_user(&self, user_id: &Id) -> StoreResult<Vec<Session>> {
        let user_id = owned(user_id);
        self.read(move |c| {
            c.prepare_cached(&format!(
                "SELECT {SESSION_COLUMNS} FROM sessions WHERE user_id = ?1 ORDER BY last_activity_at DESC, id"
            ))?
            .query_map([user_id], |r| mapped(r, rows::session))?
            .collect()
        })
        .await
    }

    async fn count_active_sessions(&self, now: i64) -> StoreResult<u64> {
        self.read(move |c| {
            c.prepare_cached("SELECT count(*) FROM sessions WHERE expires_at = 0 OR expires_at >= ?1")?
                .query_row([now], |r| r.get::<_, i64>(0))
                .map(|n| n as u64)
        })
        .await
    }

    async fn touch_session(&self, id: &SessionId, last_activity_at: i64) -> StoreResult<()> {
        let sql = "UPDATE sessions SET last_activity_at = ?2 WHERE id = ?1";
        self.execute(sql, (owned(id), last_activity_at)).await.map(drop)
    }

    async fn set_session_expiry(&self, id: &SessionId, expires_at: i64) -> StoreResult<()> {
        self.execute("UPDATE sessions SET expires_at = ?2 WHERE id = ?1", (owned(id), expires_at)).await.map(drop)
    }

    async fn attach_device(&self, id: &SessionId, device_id: &str, expires_at: i64) -> StoreResult<()> {
        let sql = "UPDATE sessions SET device_id = ?2, expires_at = ?3 WHERE id = ?1";
        self.execute(sql, (owned(id), owned(device_id), expires_at)).await.map(drop)
    }

    async fn delete_session(&self, id: &SessionId, cause: &Cause) -> StoreResult<bool> {
        self.end_sessions(cause, "id = ?1", vec![owned(id)]).await.map(|n| n > 0)
    }

    async fn delete_user_session(&self, user_id: &Id, id: &SessionId, cause: &Cause) -> StoreResult<bool> {
        self.end_sessions(cause, "id = ?1 AND user_id = ?2", vec![owned(id), owned(user_id)]).await.map(|n| n > 0)
    }

    async fn delete_sessions_for_user(
        &self,
        user_id: &Id,
        keep: Option<&SessionId>,
        cause: &Cause,
    ) -> StoreResult<u64> {
        let keep = keep.map(|k| owned(k)).unwrap_or_default();
        self.end_sessions(cause, "user_id = ?1 AND id != ?2", vec![owned(user_id), keep]).await
    }

    async fn delete_device_sessions(
        &self,
        user_id: &Id,
        device_id: &str,
        keep: Option<&SessionId>,
        cause: &Cause,
    ) -> StoreResult<u64> {
        let keep = keep.map(|k| owned(k)).unwrap_or_default();
        let condition = "user_id = ?1 AND device_id = ?2 AND id != ?3";
        self.end_sessions(cause, condition, vec![owned(user_id), owned(device_id), keep]).await
    }

    async fn delete_all_sessions(&self, cause: &Cause) -> StoreResult<u64> {
        self.end_sessions(cause, "1 = 1", vec![]).await
    }

    async fn delete_expired(&self, now: i64, limit: usize) -> StoreResult<u64> {
        let limit = i64::try_from(limit).unwrap_or(i64::MAX);
        // A total order: the event's SELECT and the DELETE must pick the same rows.
        let condition = "id IN (SELECT id FROM sessions WHERE expires_at > 0 AND expires_at < ?1 ORDER BY id LIMIT ?2)";
        self.write(move |c| end_sessions(c, &Cause::expiry(now), condition, &[&now, &limit])).await
    }
}

impl SqliteStore {
    /// Ends the sessions `condition` selects (its parameters: `params`, as text), each with its
    /// event, in one write.
    async fn end_sessions(&self, cause: &Cause, condition: &'static str, params: Vec<String>) -> StoreResult<u64> {
        let cause = cause.clone();
        self.write(move |c| {
            let params: Vec<&dyn rusqlite::ToSql> = params.iter().map(|p| p as &dyn rusqlite::ToSql).collect();
            end_sessions(c, &cause, condition, &params)
        })
        .await
    }
}
