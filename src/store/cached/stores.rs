//! The store traits over the cache: the three hot reads go through it, every write goes to the
//! backend and then forgets what it changed.

use async_trait::async_trait;

use super::super::{
    Maintenance, MfaState, MfaStore, MfaWrite, RolesSet, SessionStore, StoreResult, TokenStore, UserStore, WithSessions,
};
use super::entries::{session_bytes, user_bytes, Fill};
use super::{Along, CachedStore};
use crate::domain::{AccessToken, Id, Session, SessionId, TokenHash, TokenId, User};
use crate::metrics::CacheLookup;

/// Runs a write on the inner store, then forgets what it changed: whether it succeeded or not
/// (a failed write may have changed something before it failed).
macro_rules! write_then {
    ($self:ident . $inner:ident . $method:ident ( $($arg:expr),* ) ; $forget:expr) => {{
        let result = $self.$inner.$method($($arg),*).await;
        $forget;
        result
    }};
}

#[async_trait]
impl UserStore for CachedStore {
    async fn create_user(&self, user: &User) -> StoreResult<()> {
        // A "no such user" may be cached under this id.
        write_then!(self.users.create_user(user); self.forget_user(&user.id))
    }
    async fn user_by_id(&self, id: &Id) -> StoreResult<Option<User>> {
        let generation = {
            let entries = self.lookup();
            if let Some(user) = entries.users.get(id).and_then(|e| e.user.clone()) {
                drop(entries);
                self.metrics.cache_lookup(CacheLookup::User, true);
                return Ok(user);
            }
            entries.generation
        };
        self.metrics.cache_lookup(CacheLookup::User, false);
        let user = self.users.user_by_id(id).await?;
        self.fill(generation, id, CacheLookup::User, || Fill::User(user.clone(), user.as_ref().map_or(0, user_bytes)));
        Ok(user)
    }
    async fn user_by_username(&self, username: &str) -> StoreResult<Option<User>> {
        self.users.user_by_username(username).await
    }
    async fn user_by_email(&self, email: &str) -> StoreResult<Option<User>> {
        self.users.user_by_email(email).await
    }
    async fn list_users(&self) -> StoreResult<Vec<User>> {
        self.users.list_users().await
    }
    async fn set_password_hash(&self, user_id: &Id, hash: &str, update_at: i64) -> StoreResult<bool> {
        write_then!(self.users.set_password_hash(user_id, hash, update_at); self.forget_user(user_id))
    }
    async fn set_roles(&self, user_id: &Id, roles: &str, update_at: i64) -> StoreResult<RolesSet> {
        // The user row and every session of the user changed.
        write_then!(self.users.set_roles(user_id, roles, update_at); self.forget_user(user_id))
    }
    async fn deactivate_user(&self, user_id: &Id, delete_at: i64) -> StoreResult<Option<u64>> {
        write_then!(self.users.deactivate_user(user_id, delete_at); self.forget_user(user_id))
    }
    async fn reactivate_user(&self, user_id: &Id, update_at: i64) -> StoreResult<bool> {
        write_then!(self.users.reactivate_user(user_id, update_at); self.forget_user(user_id))
    }
}

#[async_trait]
impl SessionStore for CachedStore {
    async fn create_session(&self, session: &Session, max_per_user: usize) -> StoreResult<u64> {
        // The new session joins the user's list; the cap may have ended others of theirs.
        write_then!(self.sessions.create_session(session, max_per_user); self.forget_user(&session.user_id))
    }
    async fn session_by_token(&self, hash: &TokenHash) -> StoreResult<Option<Session>> {
        Ok(self.by_token(hash, Along::Nothing).await?.map(|(session, _, _)| session))
    }
    async fn session_and_user_by_token(&self, hash: &TokenHash) -> StoreResult<Option<(Session, Option<User>)>> {
        Ok(self.by_token(hash, Along::User).await?.map(|(session, user, _)| (session, user)))
    }
    async fn session_user_and_sessions_by_token(&self, hash: &TokenHash) -> StoreResult<Option<WithSessions>> {
        self.by_token(hash, Along::UserAndSessions).await
    }
    async fn session_by_id(&self, id: &SessionId) -> StoreResult<Option<Session>> {
        self.sessions.session_by_id(id).await
    }
    async fn sessions_for_user(&self, user_id: &Id) -> StoreResult<Vec<Session>> {
        let generation = {
            let entries = self.lookup();
            if let Some(list) = entries.users.get(user_id).and_then(|e| e.list.clone()) {
                drop(entries);
                self.metrics.cache_lookup(CacheLookup::Sessions, true);
                return Ok(list.to_vec());
            }
            entries.generation
        };
        self.metrics.cache_lookup(CacheLookup::Sessions, false);
        let list = self.sessions.sessions_for_user(user_id).await?;
        self.fill(generation, user_id, CacheLookup::Sessions, || {
            Fill::List(list.as_slice().into(), list.iter().map(session_bytes).sum())
        });
        Ok(list)
    }
    async fn count_active_sessions(&self, now: i64) -> StoreResult<u64> {
        self.sessions.count_active_sessions(now).await
    }
    async fn touch_session(&self, id: &SessionId, last_activity_at: i64) -> StoreResult<()> {
        write_then!(self.sessions.touch_session(id, last_activity_at); self.forget_session(id))
    }
    async fn set_session_expiry(&self, id: &SessionId, expires_at: i64) -> StoreResult<()> {
        write_then!(self.sessions.set_session_expiry(id, expires_at); self.forget_session(id))
    }
    async fn attach_device(&self, id: &SessionId, device_id: &str, expires_at: i64) -> StoreResult<()> {
        write_then!(self.sessions.attach_device(id, device_id, expires_at); self.forget_session(id))
    }
    async fn delete_session(&self, id: &SessionId) -> StoreResult<bool> {
        write_then!(self.sessions.delete_session(id); self.forget_session(id))
    }
    async fn delete_user_session(&self, user_id: &Id, id: &SessionId) -> StoreResult<bool> {
        write_then!(self.sessions.delete_user_session(user_id, id); self.forget_user(user_id))
    }
    async fn delete_sessions_for_user(&self, user_id: &Id, keep: Option<&SessionId>) -> StoreResult<u64> {
        write_then!(self.sessions.delete_sessions_for_user(user_id, keep); self.forget_user(user_id))
    }
    async fn delete_device_sessions(
        &self,
        user_id: &Id,
        device_id: &str,
        keep: Option<&SessionId>,
    ) -> StoreResult<u64> {
        write_then!(self.sessions.delete_device_sessions(user_id, device_id, keep); self.forget_user(user_id))
    }
    async fn delete_all_sessions(&self) -> StoreResult<u64> {
        write_then!(self.sessions.delete_all_sessions(); self.forget_all())
    }
    async fn delete_expired(&self, now: i64, limit: usize) -> StoreResult<u64> {
        let result = self.sessions.delete_expired(now, limit).await;
        // Which sessions went is not returned: any at all, and every list may have changed.
        if !matches!(result, Ok(0)) {
            self.forget_all();
        }
        result
    }
}

/// MFA writes change the user row (`mfa_active`, `update_at`): the user is forgotten. The secret
/// and the accepted steps are never cached.
#[async_trait]
impl MfaStore for CachedStore {
    async fn mfa_state(&self, user_id: &Id) -> StoreResult<Option<MfaState>> {
        self.mfa.mfa_state(user_id).await
    }
    async fn record_failed_code(&self, user_id: &Id) -> StoreResult<Option<u32>> {
        self.mfa.record_failed_code(user_id).await
    }
    async fn set_mfa_secret(&self, user_id: &Id, secret: &str, update_at: i64) -> StoreResult<MfaWrite> {
        write_then!(self.mfa.set_mfa_secret(user_id, secret, update_at); self.forget_user(user_id))
    }
    async fn use_mfa_step(&self, user_id: &Id, step: i64, keep_from: i64) -> StoreResult<MfaWrite> {
        self.mfa.use_mfa_step(user_id, step, keep_from).await
    }
    async fn activate_mfa(
        &self,
        user_id: &Id,
        secret: &str,
        step: i64,
        keep_from: i64,
        update_at: i64,
    ) -> StoreResult<MfaWrite> {
        write_then!(self.mfa.activate_mfa(user_id, secret, step, keep_from, update_at); self.forget_user(user_id))
    }
    async fn deactivate_mfa(&self, user_id: &Id, update_at: i64, only_while_off: bool) -> StoreResult<MfaWrite> {
        write_then!(self.mfa.deactivate_mfa(user_id, update_at, only_while_off); self.forget_user(user_id))
    }
}

#[async_trait]
impl TokenStore for CachedStore {
    async fn create_token(&self, token: &AccessToken) -> StoreResult<()> {
        self.tokens.create_token(token).await
    }
    async fn token_by_id(&self, id: &TokenId) -> StoreResult<Option<AccessToken>> {
        self.tokens.token_by_id(id).await
    }
    async fn token_by_hash(&self, hash: &TokenHash) -> StoreResult<Option<AccessToken>> {
        self.tokens.token_by_hash(hash).await
    }
    async fn tokens_for_user(&self, user_id: &Id, offset: usize, limit: usize) -> StoreResult<Vec<AccessToken>> {
        self.tokens.tokens_for_user(user_id, offset, limit).await
    }
    async fn all_tokens(&self, offset: usize, limit: usize) -> StoreResult<Vec<AccessToken>> {
        self.tokens.all_tokens(offset, limit).await
    }
    async fn search_tokens(&self, term: &str) -> StoreResult<Vec<AccessToken>> {
        self.tokens.search_tokens(term).await
    }
    async fn delete_token(&self, token: &AccessToken) -> StoreResult<Option<u64>> {
        // The token's sessions are its user's.
        write_then!(self.tokens.delete_token(token); self.forget_user(&token.user_id))
    }
    async fn set_token_active(&self, token: &AccessToken, active: bool) -> StoreResult<Option<u64>> {
        write_then!(self.tokens.set_token_active(token, active); self.forget_user(&token.user_id))
    }
    async fn create_token_session(
        &self,
        token: &AccessToken,
        session: &Session,
        max_per_user: usize,
    ) -> StoreResult<Option<u64>> {
        write_then!(self.tokens.create_token_session(token, session, max_per_user); self.forget_user(&session.user_id))
    }
}

#[async_trait]
impl Maintenance for CachedStore {
    async fn ping(&self) -> StoreResult<()> {
        self.maintenance.ping().await
    }
    async fn check_writes(&self) -> StoreResult<()> {
        self.maintenance.check_writes().await
    }
    async fn import(&self, users: &[User], sessions: &[Session]) -> StoreResult<()> {
        write_then!(self.maintenance.import(users, sessions); self.forget_all())
    }
}
