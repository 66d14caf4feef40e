//! A `SessionStore` decorator that counts failed calls in the metrics, whatever the backend.
//! A conflict (a taken username) is an answer, not a failure: only backend errors count.

use std::sync::Arc;

use async_trait::async_trait;

use super::{OutsideWrites, SessionStore, StoreError, StoreResult};
use crate::domain::{Audit, Id, Session, TokenHash, User};
use crate::metrics::Metrics;

/// `inner`, with its failures counted.
pub struct MeteredStore {
    inner: Arc<dyn SessionStore>,
    metrics: Arc<Metrics>,
}

impl MeteredStore {
    /// Wraps `inner`.
    pub fn new(inner: Arc<dyn SessionStore>, metrics: Arc<Metrics>) -> Self {
        MeteredStore { inner, metrics }
    }
}

/// Calls the inner store and counts a failure under the method's name.
macro_rules! metered {
    ($self:ident . $method:ident ( $($arg:expr),* )) => {{
        let result = $self.inner.$method($($arg),*).await;
        if matches!(result, Err(StoreError::Backend(_))) {
            $self.metrics.store_error(stringify!($method));
        }
        result
    }};
}

#[async_trait]
impl SessionStore for MeteredStore {
    async fn create_user(&self, user: &User) -> StoreResult<()> {
        metered!(self.create_user(user))
    }
    async fn user_by_id(&self, id: &Id) -> StoreResult<Option<User>> {
        metered!(self.user_by_id(id))
    }
    async fn user_by_username(&self, username: &str) -> StoreResult<Option<User>> {
        metered!(self.user_by_username(username))
    }
    async fn user_by_email(&self, email: &str) -> StoreResult<Option<User>> {
        metered!(self.user_by_email(email))
    }
    async fn set_password_hash(&self, user_id: &Id, hash: &str, update_at: i64) -> StoreResult<bool> {
        metered!(self.set_password_hash(user_id, hash, update_at))
    }
    async fn set_roles(&self, user_id: &Id, roles: &str, update_at: i64) -> StoreResult<Option<u64>> {
        metered!(self.set_roles(user_id, roles, update_at))
    }
    async fn deactivate_user(&self, user_id: &Id, delete_at: i64) -> StoreResult<Option<u64>> {
        metered!(self.deactivate_user(user_id, delete_at))
    }
    async fn reactivate_user(&self, user_id: &Id, update_at: i64) -> StoreResult<bool> {
        metered!(self.reactivate_user(user_id, update_at))
    }
    async fn list_users(&self) -> StoreResult<Vec<User>> {
        metered!(self.list_users())
    }
    async fn create_session(&self, session: &Session, max_per_user: usize) -> StoreResult<u64> {
        metered!(self.create_session(session, max_per_user))
    }
    async fn session_by_token(&self, hash: &TokenHash) -> StoreResult<Option<Session>> {
        metered!(self.session_by_token(hash))
    }
    async fn session_by_id(&self, id: &str) -> StoreResult<Option<Session>> {
        metered!(self.session_by_id(id))
    }
    async fn sessions_for_user(&self, user_id: &Id) -> StoreResult<Vec<Session>> {
        metered!(self.sessions_for_user(user_id))
    }
    async fn touch_session(&self, id: &str, last_activity_at: i64) -> StoreResult<()> {
        metered!(self.touch_session(id, last_activity_at))
    }
    async fn delete_session(&self, id: &str) -> StoreResult<bool> {
        metered!(self.delete_session(id))
    }
    async fn delete_user_session(&self, user_id: &Id, id: &str) -> StoreResult<bool> {
        metered!(self.delete_user_session(user_id, id))
    }
    async fn delete_sessions_for_user(&self, user_id: &Id) -> StoreResult<u64> {
        metered!(self.delete_sessions_for_user(user_id))
    }
    async fn delete_other_sessions(&self, user_id: &Id, keep: &str) -> StoreResult<u64> {
        metered!(self.delete_other_sessions(user_id, keep))
    }
    async fn delete_device_sessions(&self, user_id: &Id, device_id: &str, keep: &str) -> StoreResult<u64> {
        metered!(self.delete_device_sessions(user_id, device_id, keep))
    }
    async fn delete_all_sessions(&self) -> StoreResult<u64> {
        metered!(self.delete_all_sessions())
    }
    async fn set_session_expiry(&self, id: &str, expires_at: i64) -> StoreResult<()> {
        metered!(self.set_session_expiry(id, expires_at))
    }
    async fn attach_device(&self, id: &str, device_id: &str, expires_at: i64) -> StoreResult<()> {
        metered!(self.attach_device(id, device_id, expires_at))
    }
    async fn delete_expired(&self, now: i64, limit: usize) -> StoreResult<u64> {
        metered!(self.delete_expired(now, limit))
    }
    async fn count_active_sessions(&self, now: i64) -> StoreResult<u64> {
        metered!(self.count_active_sessions(now))
    }
    async fn import(&self, users: &[User], sessions: &[Session]) -> StoreResult<()> {
        metered!(self.import(users, sessions))
    }
    async fn add_audit(&self, audit: &Audit) -> StoreResult<()> {
        metered!(self.add_audit(audit))
    }
    async fn audits_for_user(&self, user_id: &str, offset: usize, limit: usize) -> StoreResult<Vec<Audit>> {
        metered!(self.audits_for_user(user_id, offset, limit))
    }
    async fn delete_audits_before(&self, before: i64, limit: usize) -> StoreResult<u64> {
        metered!(self.delete_audits_before(before, limit))
    }
    async fn ping(&self) -> StoreResult<()> {
        metered!(self.ping())
    }
    async fn outside_writes(&self) -> StoreResult<OutsideWrites> {
        metered!(self.outside_writes())
    }
    async fn begin_request(&self) -> StoreResult<()> {
        metered!(self.begin_request())
    }
}
