//! The in-memory backend's sessions: issuing, reading by token, listing, extending, revoking,
//! purging ([`crate::store::SessionStore`]).

use async_trait::async_trait;

use super::super::{SessionStore, StoreResult, WithSessions};
use super::MemoryStore;
use crate::domain::{Cause, Id, Session, SessionId, TokenHash, User};

#[async_trait]
impl SessionStore for MemoryStore {
    async fn create_session(&self, session: &Session, max_per_user: usize, cause: &Cause) -> StoreResult<u64> {
        self.write().insert_capped(session, max_per_user, cause)
    }

    async fn session_by_token(&self, hash: &TokenHash) -> StoreResult<Option<Session>> {
        let inner = self.read();
        Ok(inner.by_token.get(hash).and_then(|id| inner.sessions.get(id)).cloned())
    }

    /// Memory reads nothing along: the user is read where it is needed.
    async fn session_and_user_by_token(&self, hash: &TokenHash) -> StoreResult<Option<(Session, Option<User>)>> {
        Ok(self.session_by_token(hash).await?.map(|session| (session, None)))
    }

    /// Memory reads nothing along: the list is read where it is needed.
    async fn session_user_and_sessions_by_token(&self, hash: &TokenHash) -> StoreResult<Option<WithSessions>> {
        Ok(self.session_by_token(hash).await?.map(|session| (session, None, None)))
    }

    async fn session_by_id(&self, id: &SessionId) -> StoreResult<Option<Session>> {
        Ok(self.read().sessions.get(id).cloned())
    }

    async fn sessions_for_user(&self, user_id: &Id) -> StoreResult<Vec<Session>> {
        let mut sessions: Vec<Session> = self.read().user_sessions(user_id).cloned().collect();
        sessions.sort_by(|a, b| b.last_activity_at.cmp(&a.last_activity_at).then_with(|| a.id.cmp(&b.id)));
        Ok(sessions)
    }

    async fn count_active_sessions(&self, now: i64) -> StoreResult<u64> {
        Ok(self.read().sessions.values().filter(|s| !s.is_expired(now)).count() as u64)
    }

    async fn touch_session(&self, id: &SessionId, last_activity_at: i64) -> StoreResult<()> {
        if let Some(session) = self.write().sessions.get_mut(id) {
            session.last_activity_at = last_activity_at;
        }
        Ok(())
    }

    async fn set_session_expiry(&self, id: &SessionId, expires_at: i64) -> StoreResult<()> {
        if let Some(session) = self.write().sessions.get_mut(id) {
            session.expires_at = expires_at;
        }
        Ok(())
    }

    async fn attach_device(&self, id: &SessionId, device_id: &str, expires_at: i64) -> StoreResult<()> {
        if let Some(session) = self.write().sessions.get_mut(id) {
            session.device_id = device_id.to_owned();
            session.expires_at = expires_at;
        }
        Ok(())
    }

    async fn delete_session(&self, id: &SessionId, cause: &Cause) -> StoreResult<bool> {
        Ok(self.write().remove_session(id, cause))
    }

    async fn delete_user_session(&self, user_id: &Id, id: &SessionId, cause: &Cause) -> StoreResult<bool> {
        let mut inner = self.write();
        Ok(inner.sessions.get(id).is_some_and(|s| s.user_id == *user_id) && inner.remove_session(id, cause))
    }

    async fn delete_sessions_for_user(
        &self,
        user_id: &Id,
        keep: Option<&SessionId>,
        cause: &Cause,
    ) -> StoreResult<u64> {
        Ok(self.write().remove_user_sessions(user_id, |s| Some(&s.id) != keep, cause))
    }

    async fn delete_device_sessions(
        &self,
        user_id: &Id,
        device_id: &str,
        keep: Option<&SessionId>,
        cause: &Cause,
    ) -> StoreResult<u64> {
        Ok(self.write().remove_user_sessions(user_id, |s| Some(&s.id) != keep && s.device_id == device_id, cause))
    }

    async fn delete_all_sessions(&self, cause: &Cause) -> StoreResult<u64> {
        let mut inner = self.write();
        let ids: Vec<SessionId> = inner.sessions.keys().cloned().collect();
        for id in &ids {
            inner.remove_session(id, cause);
        }
        Ok(ids.len() as u64)
    }

    async fn delete_expired(&self, now: i64, limit: usize) -> StoreResult<u64> {
        let mut inner = self.write();
        let ids: Vec<SessionId> =
            inner.sessions.values().filter(|s| s.is_expired(now)).take(limit).map(|s| s.id.clone()).collect();
        for id in &ids {
            inner.remove_session(id, &Cause::expiry(now));
        }
        Ok(ids.len() as u64)
    }
}
