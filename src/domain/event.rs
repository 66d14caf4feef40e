//! Session events: which session began or ended (or which user changed), why, and who did it.
//!
//! Every store write that begins or ends sessions takes a [`Cause`] and records one event per
//! session it touched, **in the same transaction as the change** (a transactional outbox): a
//! committed revocation always has its event, a rolled-back one never does.
//! [`crate::webhooks`] delivers them to the operator's endpoints; the reasons below are the
//! `data.reason` receivers read (`docs/operations.md`, "Session events").

/// The type of an event (its `type` in the payload).
pub mod kind {
    pub const SESSION_CREATED: &str = "session.created";
    pub const SESSION_REVOKED: &str = "session.revoked";
    pub const USER_DEACTIVATED: &str = "user.deactivated";
    pub const USER_MFA_CHANGED: &str = "user.mfa_changed";
    /// Sent by `webhook test` to one endpoint.
    pub const WEBHOOK_TEST: &str = "webhook.test";
    /// Every type an endpoint may ask for.
    pub const ALL: [&str; 5] = [SESSION_CREATED, SESSION_REVOKED, USER_DEACTIVATED, USER_MFA_CHANGED, WEBHOOK_TEST];
}

/// The reasons events carry (`data.reason`).
pub mod reason {
    // How a session began.
    /// A password login (with its second factor, if any).
    pub const PASSWORD: &str = "password";
    /// A single sign-on.
    pub const SSO: &str = "sso";
    /// A personal access token's first use.
    pub const ACCESS_TOKEN: &str = "access_token";
    /// The admin CLI's `session create`.
    pub const ADMIN: &str = "admin";
    // Why it ended.
    pub const LOGOUT: &str = "logout";
    pub const REVOKED: &str = "revoked";
    pub const REVOKED_ALL: &str = "revoked_all";
    pub const REVOKED_EVERYONE: &str = "revoked_everyone";
    pub const PASSWORD_CHANGED: &str = "password_changed";
    pub const DEACTIVATED: &str = "deactivated";
    /// The session lives on with its user's new roles: what was derived from it (a cached
    /// copy, a minted JWT) must go.
    pub const ROLES_CHANGED: &str = "roles_changed";
    pub const SIGN_IN_METHOD_CHANGED: &str = "sign_in_method_changed";
    pub const EXPIRED: &str = "expired";
    pub const IDLE_TIMEOUT: &str = "idle_timeout";
    pub const ACCESS_TOKEN_REVOKED: &str = "access_token_revoked";
    pub const ACCESS_TOKEN_DISABLED: &str = "access_token_disabled";
    /// Another session of the user took over its device id.
    pub const REPLACED_ON_DEVICE: &str = "replaced_on_device";
    /// Evicted by a newer session beyond the per-user cap.
    pub const SESSION_LIMIT: &str = "session_limit";
    // What changed about a user's second factor.
    pub const MFA_ACTIVATED: &str = "activated";
    pub const MFA_DEACTIVATED: &str = "deactivated";
    /// `webhook test`.
    pub const TEST: &str = "test";
}

/// Who acted.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ActorKind {
    /// The user, on their own sessions.
    User,
    /// Someone else with the permission, or the admin CLI.
    Admin,
    /// The server itself: the purge, the idle timeout, the session cap.
    System,
}

impl ActorKind {
    pub fn as_str(self) -> &'static str {
        match self {
            ActorKind::User => "user",
            ActorKind::Admin => "admin",
            ActorKind::System => "system",
        }
    }
}

/// Why a write begins or ends sessions, who did it and when: what the store records with each
/// session the write touches.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Cause {
    pub reason: &'static str,
    pub actor_kind: ActorKind,
    /// The acting user's id; "" for the admin CLI and the system.
    pub actor_id: String,
    /// Milliseconds since the epoch.
    pub at: i64,
}

impl Cause {
    pub fn new(reason: &'static str, actor_kind: ActorKind, actor_id: &str, at: i64) -> Self {
        Cause { reason, actor_kind, actor_id: actor_id.to_owned(), at }
    }

    /// The user `user_id`, on their own sessions (a login, a logout, a device taken over).
    pub fn by_user(reason: &'static str, user_id: &str, at: i64) -> Self {
        Cause::new(reason, ActorKind::User, user_id, at)
    }

    /// The server's own doing.
    pub fn system(reason: &'static str, at: i64) -> Self {
        Cause::new(reason, ActorKind::System, "", at)
    }

    /// The cause of the evictions a new session causes beyond the per-user cap.
    pub fn eviction(&self) -> Self {
        Cause::system(reason::SESSION_LIMIT, self.at)
    }

    /// The purge's, of sessions expired before `now`.
    pub fn expiry(now: i64) -> Self {
        Cause::system(reason::EXPIRED, now)
    }
}

/// An event as the outbox holds it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Event {
    /// Its place in the outbox: later events have larger numbers.
    pub seq: i64,
    /// The `webhook-id` (the receiver's idempotency key): `msg_` and 32 hex digits.
    pub id: String,
    pub kind: String,
    pub user_id: String,
    /// "" for the user's own events.
    pub session_id: String,
    pub device_id: String,
    pub platform: String,
    pub reason: String,
    pub actor_kind: String,
    pub actor_id: String,
    pub occurred_at: i64,
}

impl Event {
    /// The payload, in the Standard Webhooks shape (`type`, `timestamp`, `data`): thin, no
    /// token, the same bytes on every attempt.
    pub fn payload(&self) -> String {
        // RFC 3339 in UTC, always with milliseconds (the unit events are recorded in).
        const RFC3339_MS: &[time::format_description::BorrowedFormatItem<'_>] =
            time::macros::format_description!("[year]-[month]-[day]T[hour]:[minute]:[second].[subsecond digits:3]Z");
        let timestamp = time::OffsetDateTime::from_unix_timestamp_nanos(i128::from(self.occurred_at) * 1_000_000)
            .ok()
            .and_then(|t| t.format(RFC3339_MS).ok())
            .unwrap_or_default();
        let actor = serde_json::json!({ "kind": self.actor_kind, "id": self.actor_id });
        let data = if self.session_id.is_empty() {
            serde_json::json!({ "user_id": self.user_id, "reason": self.reason, "actor": actor })
        } else {
            serde_json::json!({
                "user_id": self.user_id,
                "session_id": self.session_id,
                "device_id": self.device_id,
                "platform": self.platform,
                "reason": self.reason,
                "actor": actor,
            })
        };
        serde_json::json!({ "type": self.kind, "timestamp": timestamp, "data": data }).to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn event(session_id: &str) -> Event {
        Event {
            seq: 7,
            id: "msg_0123".into(),
            kind: kind::SESSION_REVOKED.into(),
            user_id: "u".into(),
            session_id: session_id.into(),
            device_id: "".into(),
            platform: "Linux".into(),
            reason: reason::LOGOUT.into(),
            actor_kind: "user".into(),
            actor_id: "u".into(),
            occurred_at: 1_765_000_000_123,
        }
    }

    #[test]
    fn a_payload_is_the_standard_webhooks_shape_with_an_rfc3339_timestamp() {
        let payload: serde_json::Value = serde_json::from_str(&event("s").payload()).unwrap();
        assert_eq!(payload["type"], "session.revoked");
        assert_eq!(payload["timestamp"], "2025-12-06T05:46:40.123Z");
        let on_the_second = Event { occurred_at: 1_765_000_000_000, ..event("s") };
        let payload: serde_json::Value = serde_json::from_str(&on_the_second.payload()).unwrap();
        assert_eq!(payload["timestamp"], "2025-12-06T05:46:40.000Z", "always milliseconds");
        assert_eq!(payload["data"]["session_id"], "s");
        assert_eq!(payload["data"]["actor"]["kind"], "user");
    }

    #[test]
    fn a_user_event_names_no_session() {
        let payload: serde_json::Value = serde_json::from_str(&event("").payload()).unwrap();
        assert!(payload["data"].get("session_id").is_none());
        assert_eq!(payload["data"]["reason"], "logout");
    }
}
