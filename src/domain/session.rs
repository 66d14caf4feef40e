//! A session as Mattermost's `model.Session` has it, minus the token: only its hash is kept.

use std::collections::BTreeMap;

use super::{Id, Token, TokenHash, User};

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
    /// A new session for `user` with a fresh token, created at `now` (milliseconds), expiring
    /// after `days` (0: never). The token is returned once; the session keeps only its hash.
    pub fn issue(
        user: &User,
        now: i64,
        days: i64,
        device_id: String,
        props: BTreeMap<String, String>,
    ) -> (Token, Self) {
        let token = Token::generate();
        let session = Session {
            id: Id::generate(),
            token_hash: token.hash(),
            user_id: user.id.clone(),
            create_at: now,
            expires_at: if days > 0 { now.saturating_add(days.saturating_mul(24 * 3600 * 1000)) } else { 0 },
            last_activity_at: now,
            device_id,
            roles: user.roles.clone(),
            is_oauth: false,
            expired_notify: false,
            local: false,
            props,
        };
        (token, session)
    }

    /// Mattermost's `IsExpired`: `expires_at > 0 && now > expires_at`.
    pub fn is_expired(&self, now: i64) -> bool {
        self.expires_at > 0 && now > self.expires_at
    }

    /// The session's role names.
    pub fn role_names(&self) -> impl Iterator<Item = &str> {
        self.roles.split_whitespace()
    }
}
