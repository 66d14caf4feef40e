//! Personal access tokens (Mattermost's `model.UserAccessToken`): a credential a user makes for
//! a script, a bot or a CI job. Like a session token, the secret is handed out once and only its
//! SHA-256 is kept. Presented as a bearer token, it opens a session of its own on first use
//! ([`Session::for_access_token`]), which lives as long as the token does.

use super::{Id, Session, SessionId, Token, TokenHash, TokenId, User};

/// The longest description Mattermost accepts, in bytes (`model.UserAccessToken.IsValid`).
pub const MAX_DESCRIPTION_BYTES: usize = 255;

/// A stored personal access token.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AccessToken {
    pub id: TokenId,
    pub token_hash: TokenHash,
    pub user_id: Id,
    pub description: String,
    /// `false` while disabled: refused until enabled again.
    pub is_active: bool,
    /// Milliseconds since the epoch; 0: never expires.
    pub expires_at: i64,
}

impl AccessToken {
    /// A new active token for `user_id` with a fresh secret, returned once.
    pub fn issue(user_id: Id, description: String, expires_at: i64) -> (Token, Self) {
        let token = Token::generate();
        let access = AccessToken {
            id: TokenId::generate(),
            token_hash: token.hash(),
            user_id,
            description,
            is_active: true,
            expires_at,
        };
        (token, access)
    }

    /// Mattermost's `IsExpired`: `expires_at > 0 && now >= expires_at`.
    pub fn is_expired(&self, now: i64) -> bool {
        self.expires_at > 0 && now >= self.expires_at
    }
}

/// A personal access token session's lifetime: Mattermost's `SessionUserAccessTokenExpiryHours`,
/// 100 years, cut to the token's own expiry.
const HUNDRED_YEARS_MS: i64 = 100 * 365 * 24 * 3600 * 1000;

impl Session {
    /// The session `token` opens for its `user` at `now` (Mattermost's
    /// `createSessionForUserAccessToken`): the token's secret is its token, the user's roles
    /// its roles, its props say what it is; it expires in 100 years, or when the token does.
    pub fn for_access_token(user: &User, token: &AccessToken, now: i64) -> Session {
        let mut expires_at = now.saturating_add(HUNDRED_YEARS_MS);
        if token.expires_at > 0 {
            expires_at = expires_at.min(token.expires_at);
        }
        let props = [
            (super::session::PROP_TYPE, super::session::ACCESS_TOKEN_TYPE.to_owned()),
            (super::session::PROP_ACCESS_TOKEN_ID, token.id.to_string()),
            ("is_guest", user.has_role("system_guest").to_string()),
        ];
        Session {
            id: SessionId::generate(),
            token_hash: token.token_hash,
            user_id: user.id.clone(),
            create_at: now,
            expires_at,
            last_activity_at: now,
            device_id: String::new(),
            roles: user.roles.clone(),
            is_oauth: false,
            expired_notify: false,
            local: false,
            props: props.into_iter().collect(),
        }
    }
}
