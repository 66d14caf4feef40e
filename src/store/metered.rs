//! A wrapper that counts failed store calls in the metrics (`mm_sessions_store_errors_total`,
//! labelled with the call), whatever the backend and whatever is in front of it. It changes every
//! call (each may fail), so it wraps every capability. A conflict (a taken username) is an
//! answer, not a failure: only backend errors count.

use std::sync::Arc;

use async_trait::async_trait;

use super::{
    AuditStore, Maintenance, MfaState, MfaStore, MfaWrite, RolesSet, SessionStore, StoreError, StoreResult, Stores,
    TokenStore, UserStore, WithSessions,
};
use crate::domain::{AccessToken, Audit, Id, Session, SessionId, TokenHash, TokenId, User};
use crate::metrics::Metrics;

/// `inner`'s capabilities, with their failures counted.
pub struct Metered {
    inner: Stores,
    metrics: Arc<Metrics>,
}

impl Metered {
    /// Wraps `inner`.
    pub fn new(inner: Stores, metrics: Arc<Metrics>) -> Self {
        Metered { inner, metrics }
    }
}

/// Forwards each listed call to the inner capability and counts a failure under its name.
macro_rules! metered {
    ($trait:ident, $field:ident, { $(fn $method:ident(&self $(, $arg:ident: $ty:ty)* $(,)?) -> $ret:ty;)* }) => {
        #[async_trait]
        impl $trait for Metered {
            $(
                async fn $method(&self $(, $arg: $ty)*) -> $ret {
                    let result = self.inner.$field.$method($($arg),*).await;
                    if matches!(result, Err(StoreError::Backend(_))) {
                        self.metrics.store_error(stringify!($method));
                    }
                    result
                }
            )*
        }
    };
}

metered!(UserStore, users, {
    fn create_user(&self, user: &User) -> StoreResult<()>;
    fn user_by_id(&self, id: &Id) -> StoreResult<Option<User>>;
    fn user_by_username(&self, username: &str) -> StoreResult<Option<User>>;
    fn user_by_email(&self, email: &str) -> StoreResult<Option<User>>;
    fn list_users(&self) -> StoreResult<Vec<User>>;
    fn set_password_hash(&self, user_id: &Id, hash: &str, update_at: i64) -> StoreResult<bool>;
    fn set_roles(&self, user_id: &Id, roles: &str, update_at: i64) -> StoreResult<RolesSet>;
    fn deactivate_user(&self, user_id: &Id, delete_at: i64) -> StoreResult<Option<u64>>;
    fn reactivate_user(&self, user_id: &Id, update_at: i64) -> StoreResult<bool>;
});

metered!(SessionStore, sessions, {
    fn create_session(&self, session: &Session, max_per_user: usize) -> StoreResult<u64>;
    fn session_by_token(&self, hash: &TokenHash) -> StoreResult<Option<Session>>;
    fn session_and_user_by_token(&self, hash: &TokenHash) -> StoreResult<Option<(Session, Option<User>)>>;
    fn session_user_and_sessions_by_token(&self, hash: &TokenHash) -> StoreResult<Option<WithSessions>>;
    fn session_by_id(&self, id: &SessionId) -> StoreResult<Option<Session>>;
    fn sessions_for_user(&self, user_id: &Id) -> StoreResult<Vec<Session>>;
    fn count_active_sessions(&self, now: i64) -> StoreResult<u64>;
    fn touch_session(&self, id: &SessionId, last_activity_at: i64) -> StoreResult<()>;
    fn set_session_expiry(&self, id: &SessionId, expires_at: i64) -> StoreResult<()>;
    fn attach_device(&self, id: &SessionId, device_id: &str, expires_at: i64) -> StoreResult<()>;
    fn delete_session(&self, id: &SessionId) -> StoreResult<bool>;
    fn delete_user_session(&self, user_id: &Id, id: &SessionId) -> StoreResult<bool>;
    fn delete_sessions_for_user(&self, user_id: &Id, keep: Option<&SessionId>) -> StoreResult<u64>;
    fn delete_device_sessions(&self, user_id: &Id, device_id: &str, keep: Option<&SessionId>) -> StoreResult<u64>;
    fn delete_all_sessions(&self) -> StoreResult<u64>;
    fn delete_expired(&self, now: i64, limit: usize) -> StoreResult<u64>;
});

metered!(MfaStore, mfa, {
    fn mfa_state(&self, user_id: &Id) -> StoreResult<Option<MfaState>>;
    fn record_failed_code(&self, user_id: &Id) -> StoreResult<Option<u32>>;
    fn set_mfa_secret(&self, user_id: &Id, secret: &str, update_at: i64) -> StoreResult<MfaWrite>;
    fn use_mfa_step(&self, user_id: &Id, step: i64, keep_from: i64) -> StoreResult<MfaWrite>;
    fn activate_mfa(
        &self,
        user_id: &Id,
        secret: &str,
        step: i64,
        keep_from: i64,
        update_at: i64,
    ) -> StoreResult<MfaWrite>;
    fn deactivate_mfa(&self, user_id: &Id, update_at: i64, only_while_off: bool) -> StoreResult<MfaWrite>;
});

metered!(TokenStore, tokens, {
    fn create_token(&self, token: &AccessToken) -> StoreResult<()>;
    fn token_by_id(&self, id: &TokenId) -> StoreResult<Option<AccessToken>>;
    fn token_by_hash(&self, hash: &TokenHash) -> StoreResult<Option<AccessToken>>;
    fn tokens_for_user(&self, user_id: &Id, offset: usize, limit: usize) -> StoreResult<Vec<AccessToken>>;
    fn all_tokens(&self, offset: usize, limit: usize) -> StoreResult<Vec<AccessToken>>;
    fn search_tokens(&self, term: &str) -> StoreResult<Vec<AccessToken>>;
    fn delete_token(&self, token: &AccessToken) -> StoreResult<Option<u64>>;
    fn set_token_active(&self, token: &AccessToken, active: bool) -> StoreResult<Option<u64>>;
    fn create_token_session(
        &self,
        token: &AccessToken,
        session: &Session,
        max_per_user: usize,
    ) -> StoreResult<Option<u64>>;
});

metered!(AuditStore, audits, {
    fn add_audit(&self, audit: &Audit) -> StoreResult<()>;
    fn audits_for_user(&self, user_id: Option<&Id>, offset: usize, limit: usize) -> StoreResult<Vec<Audit>>;
    fn delete_audits_before(&self, before: i64, limit: usize) -> StoreResult<u64>;
});

metered!(Maintenance, maintenance, {
    fn ping(&self) -> StoreResult<()>;
    fn check_writes(&self) -> StoreResult<()>;
    fn import(&self, users: &[User], sessions: &[Session]) -> StoreResult<()>;
});
