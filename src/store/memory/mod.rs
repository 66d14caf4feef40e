//! The in-memory backend: for tests and throwaway runs. Nothing survives the process.

use std::collections::{BTreeSet, HashMap, HashSet};
use std::sync::RwLock;

use super::{MfaWrite, StoreError, StoreResult, Unique};
use crate::domain::event::kind;
use crate::domain::{AccessToken, Audit, Cause, Id, Session, SessionId, TokenHash, TokenId, User};

mod access_tokens;
mod audits;
mod imports;
mod maintenance;
mod mfa;
mod sessions;
mod sso_states;
mod users;
mod webhooks;

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
    /// Single sign-ons in flight: (expiry, data) by the state token's hash.
    sso_states: HashMap<TokenHash, (i64, String)>,
    /// Webhook endpoints, session events and their deliveries.
    outbox: webhooks::Outbox,
    /// What imports wrote: the digest of each row's source, by (kind, id).
    import_ledger: HashMap<(super::ImportKind, String), [u8; 32]>,
    /// The users whose credentials are still as an import wrote them (`credentials_from_import`).
    credentials_from_import: HashSet<Id>,
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

    /// Removes a session, recording its `session.revoked` event with `cause`.
    fn remove_session(&mut self, id: &SessionId, cause: &Cause) -> bool {
        match self.sessions.remove(id) {
            Some(session) => {
                self.record_session(kind::SESSION_REVOKED, &session, cause);
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
    fn insert_capped(&mut self, session: &Session, max_per_user: usize, cause: &Cause) -> StoreResult<u64> {
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
        self.record_session(kind::SESSION_CREATED, session, cause);
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
            self.remove_session(id, &cause.eviction());
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
    fn remove_user_sessions(&mut self, user_id: &Id, doomed: impl Fn(&Session) -> bool, cause: &Cause) -> u64 {
        let ids: Vec<SessionId> = self.user_sessions(user_id).filter(|s| doomed(s)).map(|s| s.id.clone()).collect();
        for id in &ids {
            self.remove_session(id, cause);
        }
        ids.len() as u64
    }
}
