//! A session as Mattermost's `model.Session` has it, minus the token: only its hash is kept.

use std::collections::BTreeMap;

use super::{Id, Props, SessionId, Token, TokenHash, User};

/// The prop that says what kind of session it is.
pub const PROP_TYPE: &str = "type";
/// Its value for personal access token sessions (Mattermost's `SessionTypeUserAccessToken`).
pub const ACCESS_TOKEN_TYPE: &str = "UserAccessToken";
/// The prop naming the personal access token a session was opened with.
pub const PROP_ACCESS_TOKEN_ID: &str = "user_access_token_id";

/// A stored session.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Session {
    pub id: SessionId,
    pub token_hash: TokenHash,
    pub user_id: Id,
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
    /// Packed and shared: a copy of a session (from the session cache) does not copy them.
    pub props: Props,
}

impl Session {
    /// A new session for `user` with a fresh token, created at `now` (milliseconds), expiring
    /// after `length_ms` milliseconds (0: never). The token is returned once; the session keeps only its hash.
    pub fn issue(
        user: &User,
        now: i64,
        length_ms: i64,
        device_id: String,
        props: BTreeMap<String, String>,
    ) -> (Token, Self) {
        let token = Token::generate();
        let session = Session {
            id: SessionId::generate(),
            token_hash: token.hash(),
            user_id: user.id.clone(),
            create_at: now,
            expires_at: if length_ms > 0 { now.saturating_add(length_ms) } else { 0 },
            last_activity_at: now,
            device_id,
            roles: user.roles.clone(),
            is_oauth: false,
            expired_notify: false,
            local: false,
            props: props.into(),
        };
        (token, session)
    }

    /// A session a personal access token opened: never idle-timed-out nor extended, and
    /// refused while `EnableUserAccessTokens` is off.
    pub fn is_access_token(&self) -> bool {
        self.props.get(PROP_TYPE).is_some_and(|t| t == ACCESS_TOKEN_TYPE)
    }

    /// Whether it is a mobile session (it has a device id).
    pub fn is_mobile(&self) -> bool {
        !self.device_id.is_empty()
    }

    /// Whether single sign-on opened it (Mattermost's `isOAuthUser` prop).
    pub fn is_sso(&self) -> bool {
        self.props.get("isOAuthUser") == Some("true")
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

/// Why a session ended: the one list of reasons, used by the metrics and the log lines.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum RevokeReason {
    /// One session revoked by id (`POST /users/{user_id}/sessions/revoke`, `session revoke`).
    Revoke,
    /// Every session of a user (`…/sessions/revoke/all`, `session revoke-all`).
    RevokeAll,
    /// The session's own logout.
    Logout,
    /// Evicted by a login beyond the per-user cap (least recently used first).
    Cap,
    /// Expired and purged.
    Expired,
    /// Idle longer than the idle timeout.
    Idle,
    /// The user's password changed (`TerminateSessionsOnPasswordChange`).
    PasswordChange,
    /// Every session of every user (`POST /users/sessions/revoke/all`).
    RevokeEveryone,
    /// Another session of the user took over its device id (`PUT /users/sessions/device`).
    Device,
    /// The user was deactivated.
    Deactivation,
    /// The personal access token it was opened with was revoked.
    TokenRevoked,
    /// The personal access token it was opened with was disabled.
    TokenDisabled,
    /// An administrator switched the user's sign-in method (`PUT /users/{user_id}/auth`).
    SignInMethodChanged,
}

impl RevokeReason {
    /// The `data.reason` of the `session.revoked` events it raises ([`super::event::reason`]).
    pub fn event_reason(self) -> &'static str {
        use super::event::reason;
        match self {
            RevokeReason::Revoke => reason::REVOKED,
            RevokeReason::RevokeAll => reason::REVOKED_ALL,
            RevokeReason::Logout => reason::LOGOUT,
            RevokeReason::Cap => reason::SESSION_LIMIT,
            RevokeReason::Expired => reason::EXPIRED,
            RevokeReason::Idle => reason::IDLE_TIMEOUT,
            RevokeReason::PasswordChange => reason::PASSWORD_CHANGED,
            RevokeReason::RevokeEveryone => reason::REVOKED_EVERYONE,
            RevokeReason::Device => reason::REPLACED_ON_DEVICE,
            RevokeReason::Deactivation => reason::DEACTIVATED,
            RevokeReason::TokenRevoked => reason::ACCESS_TOKEN_REVOKED,
            RevokeReason::TokenDisabled => reason::ACCESS_TOKEN_DISABLED,
            RevokeReason::SignInMethodChanged => reason::SIGN_IN_METHOD_CHANGED,
        }
    }

    /// The label in metrics and logs.
    pub fn as_str(self) -> &'static str {
        match self {
            RevokeReason::Revoke => "revoke",
            RevokeReason::RevokeAll => "revoke_all",
            RevokeReason::Logout => "logout",
            RevokeReason::Cap => "cap",
            RevokeReason::Expired => "expired",
            RevokeReason::Idle => "idle",
            RevokeReason::PasswordChange => "password_change",
            RevokeReason::RevokeEveryone => "revoke_everyone",
            RevokeReason::Device => "device",
            RevokeReason::Deactivation => "deactivation",
            RevokeReason::TokenRevoked => "token_revoke",
            RevokeReason::TokenDisabled => "token_disable",
            RevokeReason::SignInMethodChanged => "sign_in_method_changed",
        }
    }
}
