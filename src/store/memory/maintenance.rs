//! The in-memory backend's health checks and bulk work ([`crate::store::Maintenance`]).

use async_trait::async_trait;
use std::collections::HashSet;

use super::super::{Maintenance, StoreError, StoreResult, Unique};
use super::MemoryStore;
use crate::domain::{Id, Session, User};

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
