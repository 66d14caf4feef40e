//! The in-memory backend: for tests and throwaway runs. Nothing survives the process.

use std::collections::{BTreeSet, HashMap, HashSet};
use std::sync::RwLock;

use async_trait::async_trait;

use super::{
    AuditStore, Maintenance, MfaState, MfaStore, MfaWrite, RolesSet, SessionStore, StoreError, StoreResult, TokenStore,
    Unique, UserStore,
};
use crate::domain::{AccessToken, Audit, Id, Session, SessionId, TokenHash, TokenId, User};

/// Users and sessions in hash maps behind one lock (the lock is never held across an await).
#[derive(Default)]
pub struct MemoryStore {
    inner: RwLock<Inner>,
}

#[derive(Default)]
struct Inner {
    users: HashMap<Id, User>,
    sessions: HashMap<SessionId, Session>,
    by_token: HashMap<TokenHash, SessionId>,
    /// Audit records, oldest first.
    audits: Vec<Audit>,
    /// Session ids per user id, so that a user's sessions are found without a scan.
    by_user: HashMap<Id, HashSet<SessionId>>,
    tokens: HashMap<TokenId, AccessToken>,
    /// Each user's stored MFA secret (absent: none).
    mfa_secrets: HashMap<Id, String>,
    /// Each user's accepted MFA steps.
    mfa_steps: HashMap<Id, BTreeSet<i64>>,
    /// Each user's wrong MFA codes since the last right one.
    mfa_failed: HashMap<Id, u32>,
}

impl Inner {
    /// Accepts `step` for `user_id` once, forgetting steps before `keep_from`.
    fn use_mfa_step(&mut self, user_id: &Id, step: i64, keep_from: i64) -> MfaWrite {
        let steps = self.mfa_steps.entry(user_id.clone()).or_default();
        steps.retain(|s| *s >= keep_from);
        if steps.insert(step) {
            self.mfa_failed.remove(user_id);
            MfaWrite::Done
        } else {
            MfaWrite::Replayed
        }
    }
}

impl MemoryStore {
    /// An empty store.
    pub fn new() -> Self {
        Self::default()
    }

    fn read(&self) -> std::sync::RwLockReadGuard<'_, Inner> {
        // A panic while holding the lock leaves plain maps behind, still consistent enough to read.
        self.inner.read().unwrap_or_else(|e| e.into_inner())
    }

    fn write(&self) -> std::sync::RwLockWriteGuard<'_, Inner> {
        self.inner.write().unwrap_or_else(|e| e.into_inner())
    }
}

impl Inner {
    fn insert_session(&mut self, session: Session) {
        let id = session.id.clone();
        self.by_token.insert(session.token_hash, id.clone());
        self.by_user.entry(session.user_id.clone()).or_default().insert(id.clone());
        self.sessions.insert(id, session);
    }

    fn remove_session(&mut self, id: &SessionId) -> bool {
        match self.sessions.remove(id) {
            Some(session) => {
                self.by_token.remove(&session.token_hash);
                if let Some(ids) = self.by_user.get_mut(&session.user_id) {
                    ids.remove(id);
                    if ids.is_empty() {
                        self.by_user.remove(&session.user_id);
                    }
                }
                true
            }
            None => false,
        }
    }

    fn user_sessions(&self, user_id: &Id) -> impl Iterator<Item = &Session> {
        self.by_user.get(user_id).into_iter().flatten().filter_map(|id| self.sessions.get(id))
    }

    /// Adds a session of an active user, then removes the least recently used others beyond
    /// `max_per_user`; how many.
    fn insert_capped(&mut self, session: &Session, max_per_user: usize) -> StoreResult<u64> {
        match self.users.get(&session.user_id) {
            None => {
                return Err(StoreError::Backend(anyhow::anyhow!("no user {} for the new session", session.user_id)))
            }
            Some(user) if !user.is_active() => return Err(StoreError::UserInactive),
            Some(_) => {}
        }
        if self.sessions.contains_key(&session.id) {
            return Err(StoreError::Conflict(Unique::SessionId));
        }
        if self.by_token.contains_key(&session.token_hash) {
            return Err(StoreError::Conflict(Unique::TokenHash));
        }
        self.insert_session(session.clone());
        let mut others: Vec<(i64, i64, SessionId)> = self
            .user_sessions(&session.user_id)
            .filter(|s| s.id != session.id)
            .map(|s| (s.last_activity_at, s.create_at, s.id.clone()))
            .collect();
        let keep = max_per_user.saturating_sub(1);
        if others.len() <= keep {
            return Ok(0);
        }
        // Most recently used first; everything past the ones we keep goes.
        others.sort_by_key(|s| std::cmp::Reverse((s.0, s.1)));
        let evicted = others.split_off(keep);
        for (_, _, id) in &evicted {
            self.remove_session(id);
        }
        Ok(evicted.len() as u64)
    }

    /// The tokens `pick` picks, by id.
    fn tokens_where(&self, pick: impl Fn(&AccessToken) -> bool) -> Vec<AccessToken> {
        let mut tokens: Vec<AccessToken> = self.tokens.values().filter(|t| pick(t)).cloned().collect();
        tokens.sort_by(|a, b| a.id.cmp(&b.id));
        tokens
    }

    /// Removes the user's sessions that `doomed` picks; how many.
    fn remove_user_sessions(&mut self, user_id: &Id, doomed: impl Fn(&Session) -> bool) -> u64 {
        let ids: Vec<SessionId> = self.user_sessions(user_id).filter(|s| doomed(s)).map(|s| s.id.clone()).collect();
        for id in &ids {
            self.remove_session(id);
        }
        ids.len() as u64
    }
}

#[async_trait]
impl UserStore for MemoryStore {
    async fn create_user(&self, user: &User) -> StoreResult<()> {
        let mut inner = self.write();
        if let Some(taken) = inner.users.values().find_map(|u| {
            if u.id == user.id {
                Some(Unique::UserId)
            } else if u.username == user.username {
                Some(Unique::Username)
            } else if u.email == user.email {
                Some(Unique::Email)
            } else {
                None
            }
        }) {
            return Err(StoreError::Conflict(taken));
        }
        inner.users.insert(user.id.clone(), user.clone());
        Ok(())
    }

    async fn user_by_id(&self, id: &Id) -> StoreResult<Option<User>> {
        Ok(self.read().users.get(id).cloned())
    }

    async fn user_by_username(&self, username: &str) -> StoreResult<Option<User>> {
        Ok(self.read().users.values().find(|u| u.username == username).cloned())
    }

    async fn user_by_email(&self, email: &str) -> StoreResult<Option<User>> {
        Ok(self.read().users.values().find(|u| u.email == email).cloned())
    }

    async fn list_users(&self) -> StoreResult<Vec<User>> {
        let mut users: Vec<User> = self.read().users.values().cloned().collect();
        users.sort_by(|a, b| a.username.cmp(&b.username));
        Ok(users)
    }

    async fn set_password_hash(&self, user_id: &Id, hash: &str, update_at: i64) -> StoreResult<bool> {
        let mut inner = self.write();
        let Some(stored) = inner.users.get_mut(user_id) else { return Ok(false) };
        stored.password_hash = Some(hash.to_owned());
        stored.update_at = update_at;
        stored.last_password_update = update_at;
        inner.mfa_failed.remove(user_id);
        Ok(true)
    }

    async fn set_roles(&self, user_id: &Id, roles: &str, update_at: i64) -> StoreResult<RolesSet> {
        let mut inner = self.write();
        let Some(current) = inner.users.get(user_id).map(|u| u.roles.clone()) else { return Ok(RolesSet::NoSuchUser) };
        let admins =
            inner.users.values().filter(|u| u.is_active() && u.has_role(crate::permissions::SYSTEM_ADMIN)).count();
        if super::rows::demotes_last_admin(&current, roles, admins as i64) {
            return Ok(RolesSet::LastAdmin);
        }
        if let Some(user) = inner.users.get_mut(user_id) {
            user.roles = roles.to_owned();
            user.update_at = update_at;
        }
        let ids: Vec<SessionId> = inner.by_user.get(user_id).into_iter().flatten().cloned().collect();
        for id in &ids {
            if let Some(session) = inner.sessions.get_mut(id) {
                session.roles = roles.to_owned();
            }
        }
        Ok(RolesSet::Set(ids.len() as u64))
    }

    async fn deactivate_user(&self, user_id: &Id, delete_at: i64) -> StoreResult<Option<u64>> {
        let mut inner = self.write();
        let Some(user) = inner.users.get_mut(user_id) else { return Ok(None) };
        user.delete_at = delete_at;
        user.update_at = delete_at;
        Ok(Some(inner.remove_user_sessions(user_id, |_| true)))
    }

    async fn reactivate_user(&self, user_id: &Id, update_at: i64) -> StoreResult<bool> {
        Ok(match self.write().users.get_mut(user_id) {
            Some(user) => {
                user.delete_at = 0;
                user.update_at = update_at;
                true
            }
            None => false,
        })
    }
}

#[async_trait]
impl SessionStore for MemoryStore {
    async fn create_session(&self, session: &Session, max_per_user: usize) -> StoreResult<u64> {
        self.write().insert_capped(session, max_per_user)
    }

    async fn session_by_token(&self, hash: &TokenHash) -> StoreResult<Option<Session>> {
        let inner = self.read();
        Ok(inner.by_token.get(hash).and_then(|id| inner.sessions.get(id)).cloned())
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

    async fn delete_session(&self, id: &SessionId) -> StoreResult<bool> {
        Ok(self.write().remove_session(id))
    }

    async fn delete_user_session(&self, user_id: &Id, id: &SessionId) -> StoreResult<bool> {
        let mut inner = self.write();
        Ok(inner.sessions.get(id).is_some_and(|s| s.user_id == *user_id) && inner.remove_session(id))
    }

    async fn delete_sessions_for_user(&self, user_id: &Id, keep: Option<&SessionId>) -> StoreResult<u64> {
        Ok(self.write().remove_user_sessions(user_id, |s| Some(&s.id) != keep))
    }

    async fn delete_device_sessions(
        &self,
        user_id: &Id,
        device_id: &str,
        keep: Option<&SessionId>,
    ) -> StoreResult<u64> {
        Ok(self.write().remove_user_sessions(user_id, |s| Some(&s.id) != keep && s.device_id == device_id))
    }

    async fn delete_all_sessions(&self) -> StoreResult<u64> {
        let mut inner = self.write();
        let count = inner.sessions.len() as u64;
        inner.sessions.clear();
        inner.by_token.clear();
        inner.by_user.clear();
        Ok(count)
    }

    async fn delete_expired(&self, now: i64, limit: usize) -> StoreResult<u64> {
        let mut inner = self.write();
        let ids: Vec<SessionId> =
            inner.sessions.values().filter(|s| s.is_expired(now)).take(limit).map(|s| s.id.clone()).collect();
        for id in &ids {
            inner.remove_session(id);
        }
        Ok(ids.len() as u64)
    }
}

#[async_trait]
impl TokenStore for MemoryStore {
    async fn create_token(&self, token: &AccessToken) -> StoreResult<()> {
        let mut inner = self.write();
        if inner.tokens.contains_key(&token.id) {
            return Err(StoreError::Conflict(Unique::AccessTokenId));
        }
        if inner.tokens.values().any(|t| t.token_hash == token.token_hash) {
            return Err(StoreError::Conflict(Unique::AccessTokenHash));
        }
        if !inner.users.contains_key(&token.user_id) {
            return Err(StoreError::Backend(anyhow::anyhow!("no user {} for the new token", token.user_id)));
        }
        inner.tokens.insert(token.id.clone(), token.clone());
        Ok(())
    }

    async fn token_by_id(&self, id: &TokenId) -> StoreResult<Option<AccessToken>> {
        Ok(self.read().tokens.get(id).cloned())
    }

    async fn token_by_hash(&self, hash: &TokenHash) -> StoreResult<Option<AccessToken>> {
        Ok(self.read().tokens.values().find(|t| t.token_hash == *hash).cloned())
    }

    async fn tokens_for_user(&self, user_id: &Id, offset: usize, limit: usize) -> StoreResult<Vec<AccessToken>> {
        Ok(self.read().tokens_where(|t| t.user_id == *user_id).into_iter().skip(offset).take(limit).collect())
    }

    async fn all_tokens(&self, offset: usize, limit: usize) -> StoreResult<Vec<AccessToken>> {
        Ok(self.read().tokens_where(|_| true).into_iter().skip(offset).take(limit).collect())
    }

    async fn search_tokens(&self, term: &str) -> StoreResult<Vec<AccessToken>> {
        let inner = self.read();
        let username = |t: &AccessToken| inner.users.get(&t.user_id).map(|u| u.username.as_str());
        Ok(inner.tokens_where(|t| t.id.as_str() == term || t.user_id.as_str() == term || username(t) == Some(term)))
    }

    async fn delete_token(&self, token: &AccessToken) -> StoreResult<Option<u64>> {
        let mut inner = self.write();
        if inner.tokens.remove(&token.id).is_none() {
            return Ok(None);
        }
        Ok(Some(inner.remove_user_sessions(&token.user_id, |s| s.token_hash == token.token_hash)))
    }

    async fn set_token_active(&self, token: &AccessToken, active: bool) -> StoreResult<Option<u64>> {
        let mut inner = self.write();
        let Some(stored) = inner.tokens.get_mut(&token.id) else { return Ok(None) };
        stored.is_active = active;
        if active {
            return Ok(Some(0));
        }
        Ok(Some(inner.remove_user_sessions(&token.user_id, |s| s.token_hash == token.token_hash)))
    }

    async fn create_token_session(
        &self,
        token: &AccessToken,
        session: &Session,
        max_per_user: usize,
    ) -> StoreResult<Option<u64>> {
        let mut inner = self.write();
        if !inner.tokens.get(&token.id).is_some_and(|t| t.is_active) {
            return Ok(None);
        }
        inner.insert_capped(session, max_per_user).map(Some)
    }
}

#[async_trait]
impl MfaStore for MemoryStore {
    async fn mfa_state(&self, user_id: &Id) -> StoreResult<Option<MfaState>> {
        let inner = self.read();
        Ok(inner.users.get(user_id).map(|u| MfaState {
            active: u.mfa_active,
            secret: inner.mfa_secrets.get(user_id).cloned().unwrap_or_default(),
            failed_attempts: inner.mfa_failed.get(user_id).copied().unwrap_or(0),
        }))
    }

    async fn record_failed_code(&self, user_id: &Id) -> StoreResult<Option<u32>> {
        let mut inner = self.write();
        if !inner.users.contains_key(user_id) {
            return Ok(None);
        }
        let count = inner.mfa_failed.entry(user_id.clone()).or_insert(0);
        *count = count.saturating_add(1);
        Ok(Some(*count))
    }

    async fn set_mfa_secret(&self, user_id: &Id, secret: &str, update_at: i64) -> StoreResult<MfaWrite> {
        let mut inner = self.write();
        let Some(user) = inner.users.get_mut(user_id) else { return Ok(MfaWrite::NoSuchUser) };
        if user.mfa_active {
            return Ok(MfaWrite::Active);
        }
        user.update_at = update_at;
        inner.mfa_secrets.insert(user_id.clone(), secret.to_owned());
        Ok(MfaWrite::Done)
    }

    async fn use_mfa_step(&self, user_id: &Id, step: i64, keep_from: i64) -> StoreResult<MfaWrite> {
        let mut inner = self.write();
        if !inner.users.contains_key(user_id) {
            return Ok(MfaWrite::NoSuchUser);
        }
        Ok(inner.use_mfa_step(user_id, step, keep_from))
    }

    async fn activate_mfa(
        &self,
        user_id: &Id,
        secret: &str,
        step: i64,
        keep_from: i64,
        update_at: i64,
    ) -> StoreResult<MfaWrite> {
        let mut inner = self.write();
        if !inner.users.contains_key(user_id) {
            return Ok(MfaWrite::NoSuchUser);
        }
        if inner.mfa_secrets.get(user_id).map(String::as_str) != Some(secret) {
            return Ok(MfaWrite::SecretChanged);
        }
        let used = inner.use_mfa_step(user_id, step, keep_from);
        if used == MfaWrite::Done {
            let user = inner.users.get_mut(user_id).expect("checked above, under the same lock");
            user.mfa_active = true;
            user.update_at = update_at;
        }
        Ok(used)
    }

    async fn deactivate_mfa(&self, user_id: &Id, update_at: i64, only_while_off: bool) -> StoreResult<MfaWrite> {
        let mut inner = self.write();
        let Some(user) = inner.users.get_mut(user_id) else { return Ok(MfaWrite::NoSuchUser) };
        if only_while_off && user.mfa_active {
            return Ok(MfaWrite::Active);
        }
        user.mfa_active = false;
        user.update_at = update_at;
        inner.mfa_secrets.remove(user_id);
        inner.mfa_failed.remove(user_id);
        Ok(MfaWrite::Done)
    }
}

#[async_trait]
impl AuditStore for MemoryStore {
    async fn add_audit(&self, audit: &Audit) -> StoreResult<()> {
        self.write().audits.push(audit.clone());
        Ok(())
    }

    async fn audits_for_user(&self, user_id: Option<&Id>, offset: usize, limit: usize) -> StoreResult<Vec<Audit>> {
        let inner = self.read();
        let mut audits: Vec<Audit> =
            inner.audits.iter().filter(|a| a.user_id == user_id.map_or("", |id| id.as_str())).cloned().collect();
        audits.sort_by(|a, b| b.create_at.cmp(&a.create_at).then_with(|| b.id.cmp(&a.id)));
        Ok(audits.into_iter().skip(offset).take(limit).collect())
    }

    async fn delete_audits_before(&self, before: i64, limit: usize) -> StoreResult<u64> {
        let mut inner = self.write();
        let mut deleted = 0;
        inner.audits.retain(|a| {
            let expired = a.create_at < before && deleted < limit;
            deleted += usize::from(expired);
            !expired
        });
        Ok(deleted as u64)
    }
}

#[async_trait]
impl Maintenance for MemoryStore {
    async fn ping(&self) -> StoreResult<()> {
        Ok(())
    }

    async fn check_writes(&self) -> StoreResult<()> {
        drop(self.write());
        Ok(())
    }

    async fn import(&self, users: &[User], sessions: &[Session]) -> StoreResult<()> {
        let mut inner = self.write();
        // All or nothing: check everything before changing anything.
        let mut ids: HashSet<&Id> = inner.users.keys().collect();
        let mut names: HashSet<&str> = inner.users.values().map(|u| u.username.as_str()).collect();
        let mut emails: HashSet<&str> = inner.users.values().map(|u| u.email.as_str()).collect();
        for user in users {
            let clash = if !ids.insert(&user.id) {
                Some(Unique::UserId)
            } else if !names.insert(&user.username) {
                Some(Unique::Username)
            } else if !emails.insert(&user.email) {
                Some(Unique::Email)
            } else {
                None
            };
            if let Some(field) = clash {
                return Err(StoreError::Conflict(field));
            }
        }
        let mut session_ids = HashSet::new();
        let mut hashes = HashSet::new();
        for session in sessions {
            if !ids.contains(&session.user_id) {
                return Err(StoreError::Backend(anyhow::anyhow!(
                    "no user {} for an imported session",
                    session.user_id
                )));
            }
            if inner.sessions.contains_key(&session.id) || !session_ids.insert(&session.id) {
                return Err(StoreError::Conflict(Unique::SessionId));
            }
            if inner.by_token.contains_key(&session.token_hash) || !hashes.insert(session.token_hash) {
                return Err(StoreError::Conflict(Unique::TokenHash));
            }
        }
        drop((ids, names, emails));
        for user in users {
            inner.users.insert(user.id.clone(), user.clone());
        }
        for session in sessions {
            inner.insert_session(session.clone());
        }
        Ok(())
    }
}
