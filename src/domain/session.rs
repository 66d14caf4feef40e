//! A session as Mattermost's `model.Session` has it, minus the token: only its hash is kept.

use std::collections::BTreeMap;

use super::{Id, TokenHash};

/// A stored session.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Session {
    pub id: Id,
    pub token_hash: TokenHash,
    pub user_id: String,
    /// Milliseconds since the epoch, as every timestamp here.
    pub create_at: i64,
    /// 0 means the session never expires.
    pub expires_at: i64,
    pub last_activity_at: i64,
    pub device_id: String,
    /// Space-separated role names, copied from the user when the session was created.
    pub roles: String,
    pub is_oauth: bool,
    pub expired_notify: bool,
    pub local: bool,
    pub props: BTreeMap<String, String>,
}

impl Session {
    /// Mattermost's `IsExpired`: `expires_at > 0 && now > expires_at`.
    pub fn is_expired(&self, now: i64) -> bool {
        self.expires_at > 0 && now > self.expires_at
    }

    /// The session's role names.
    pub fn role_names(&self) -> impl Iterator<Item = &str> {
        self.roles.split_whitespace()
    }
}
