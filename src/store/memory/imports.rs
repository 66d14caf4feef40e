//! The in-memory backend's import ledger and import writes ([`crate::store::ImportStore`]).

use async_trait::async_trait;

use super::super::imports::{ImportRow, ImportedUser};
use super::super::{ImportBatch, ImportKind, ImportStore, Imported, StoreResult};
use super::{Inner, MemoryStore};
use crate::domain::event::{kind, reason};
use crate::domain::{AccessToken, Cause, Session};

#[async_trait]
impl ImportStore for MemoryStore {
    async fn imported(&self, kind: ImportKind, ids: &[String]) -> StoreResult<Vec<Imported>> {
        let inner = self.read();
        Ok(ids
            .iter()
            .filter_map(|id| {
                let digest = *inner.import_ledger.get(&(kind, id.clone()))?;
                Some(Imported { id: id.clone(), digest, here: inner.holds(kind, id) })
            })
            .collect())
    }

    async fn apply_import(&self, batch: &ImportBatch) -> StoreResult<Vec<(ImportKind, String)>> {
        let mut inner = self.write();
        let mut refused = Vec::new();
        for row in &batch.users {
            inner.import_user(row, batch.at, &mut refused);
        }
        for row in &batch.sessions {
            inner.import_session(row, &mut refused);
        }
        for row in &batch.tokens {
            inner.import_token(row, batch.at, &mut refused);
        }
        Ok(refused)
    }
}

impl Inner {
    /// Whether the row an import wrote is still here.
    fn holds(&self, kind: ImportKind, id: &str) -> bool {
        match kind {
            ImportKind::User => crate::domain::Id::parse(id).is_some_and(|id| self.users.contains_key(&id)),
            ImportKind::Session => {
                crate::domain::SessionId::parse(id).is_some_and(|id| self.sessions.contains_key(&id))
            }
            ImportKind::Token => crate::domain::TokenId::parse(id).is_some_and(|id| self.tokens.contains_key(&id)),
        }
    }

    fn ledger(&mut self, kind: ImportKind, id: &str, digest: [u8; 32]) {
        self.import_ledger.insert((kind, id.to_owned()), digest);
    }

    fn import_user(&mut self, row: &ImportRow<ImportedUser>, at: i64, refused: &mut Vec<(ImportKind, String)>) {
        let new = &row.row.user;
        let clash = self.users.values().any(|u| {
            u.id != new.id
                && (u.username == new.username
                    || u.email == new.email
                    || (new.auth_data.is_some() && u.auth_service == new.auth_service && u.auth_data == new.auth_data))
        });
        let here = self.users.contains_key(&new.id);
        if clash || here != row.update {
            refused.push((ImportKind::User, new.id.to_string()));
            return;
        }
        let credentials_from_source = !here || self.credentials_from_import.contains(&new.id);
        let mut user = new.clone();
        if let Some(current) = self.users.get(&new.id) {
            // Roles and a deactivation made here stand.
            user.roles = current.roles.clone();
            if !current.is_active() {
                user.delete_at = current.delete_at;
            }
            if !credentials_from_source {
                user.password_hash = current.password_hash.clone();
                user.last_password_update = current.last_password_update;
                user.mfa_active = current.mfa_active;
            }
        }
        if credentials_from_source {
            self.credentials_from_import.insert(new.id.clone());
            if row.row.mfa_secret.is_empty() {
                self.mfa_secrets.remove(&new.id);
            } else {
                self.mfa_secrets.insert(new.id.clone(), row.row.mfa_secret.clone());
            }
        }
        self.mfa_steps.entry(new.id.clone()).or_default().extend(row.row.mfa_used_steps.iter().copied());
        // Deactivated by this write (an update from active): as a deactivation here.
        let deactivated = !user.is_active() && self.users.get(&new.id).is_some_and(|u| u.is_active());
        self.users.insert(new.id.clone(), user);
        if deactivated {
            let cause = Cause::system(reason::DEACTIVATED, at);
            self.record_user(kind::USER_DEACTIVATED, &new.id, &cause);
            self.remove_user_sessions(&new.id, |_| true, &cause);
        }
        self.ledger(ImportKind::User, new.id.as_str(), row.digest);
    }

    fn import_session(&mut self, row: &ImportRow<Session>, refused: &mut Vec<(ImportKind, String)>) {
        let s = &row.row;
        let user_active = self.users.get(&s.user_id).is_some_and(|u| u.is_active());
        let ok = if row.update {
            match self.sessions.get_mut(&s.id).filter(|current| current.user_id == s.user_id) {
                Some(current) => {
                    if current.expires_at != 0 {
                        current.expires_at = current.expires_at.max(s.expires_at);
                    }
                    current.last_activity_at = current.last_activity_at.max(s.last_activity_at);
                    if current.device_id.is_empty() {
                        current.device_id = s.device_id.clone();
                    }
                    current.props = s.props.clone();
                    true
                }
                None => false,
            }
        } else if user_active && !self.sessions.contains_key(&s.id) && !self.by_token.contains_key(&s.token_hash) {
            // With the user's roles here.
            let roles = self.users.get(&s.user_id).map(|u| u.roles.clone()).unwrap_or_default();
            self.insert_session(Session { roles, ..s.clone() });
            true
        } else {
            false
        };
        if ok {
            self.ledger(ImportKind::Session, s.id.as_str(), row.digest);
        } else {
            refused.push((ImportKind::Session, s.id.to_string()));
        }
    }

    fn import_token(&mut self, row: &ImportRow<AccessToken>, at: i64, refused: &mut Vec<(ImportKind, String)>) {
        let t = &row.row;
        let ok = if row.update {
            match self.tokens.get_mut(&t.id) {
                Some(current) => {
                    current.description = t.description.clone();
                    current.is_active &= t.is_active;
                    current.expires_at = t.expires_at;
                    true
                }
                None => false,
            }
        } else if self.users.contains_key(&t.user_id)
            && !self.tokens.contains_key(&t.id)
            && !self.tokens.values().any(|other| other.token_hash == t.token_hash)
        {
            self.tokens.insert(t.id.clone(), t.clone());
            true
        } else {
            false
        };
        if !ok {
            refused.push((ImportKind::Token, t.id.to_string()));
            return;
        }
        if !t.is_active {
            let cause = Cause::system(reason::ACCESS_TOKEN_DISABLED, at);
            self.remove_user_sessions(&t.user_id, |s| s.token_hash == t.token_hash, &cause);
        }
        self.ledger(ImportKind::Token, t.id.as_str(), row.digest);
    }
}
