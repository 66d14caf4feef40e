//! The columns of the `users`, `sessions`, `user_access_tokens` and `audits` tables and the one
//! mapping from a row to a domain value, shared by SQLite and PostgreSQL: their dialects agree on
//! the column names and order; each backend only says how it reads one column ([`Columns`]).
//! Also the SQL both dialects share word for word.

use super::{stored_id, WithSessions};
use crate::domain::{
    AccessToken, Audit, Endpoint, Event, Profile, Props, Session, SessionId, TokenHash, TokenId, User,
};

/// The columns of `users`, in the order [`user`] reads them.
pub const USER_COLUMNS: &str =
    "id, username, email, roles, create_at, update_at, password_hash, delete_at, last_password_update, mfa_active, \
     auth_service, auth_data, profile";
/// The columns of `sessions`, in the order [`session`] reads them.
pub const SESSION_COLUMNS: &str = "id, token_hash, user_id, create_at, expires_at, last_activity_at, \
     device_id, roles, is_oauth, expired_notify, local, props";
/// The columns of `user_access_tokens`, in the order [`access_token`] reads them.
pub const TOKEN_COLUMNS: &str = "id, token_hash, user_id, description, is_active, expires_at";
/// The columns of `audits`, in the order [`audit`] reads them.
pub const AUDIT_COLUMNS: &str = "id, create_at, user_id, action, extra_info, ip_address, session_id";

/// The columns of `session_events`, in the order [`event`] reads them.
pub const EVENT_COLUMNS: &str =
    "seq, id, type, user_id, session_id, device_id, platform, reason, actor_kind, actor_id, occurred_at";
/// The columns of `webhook_endpoints`, in the order [`endpoint`] reads them.
pub const ENDPOINT_COLUMNS: &str = "id, url, event_types, secret, previous_secret, previous_until, enabled, \
     state_reason, failing_since, created_at";

/// The write a health check makes: one row, its count bumped.
pub const HEALTH_CHECK_WRITE: &str = "INSERT INTO health_checks (name, checks) VALUES ('ping', 1) \
     ON CONFLICT (name) DO UPDATE SET checks = health_checks.checks + 1";

/// The condition (on `users`) of an active system admin, as Mattermost counts them for its
/// last-admin rule (its `Count` with `Roles: ["system_admin"]`, bots aside: there are none).
pub const ACTIVE_ADMIN: &str = "delete_at = 0 AND (' ' || roles || ' ') LIKE '% system_admin %'";

/// Mattermost's last-admin rule (`UpdateUserRolesWithUser`): refuse new roles that drop
/// `system_admin` from a system admin when at most one active system admin exists.
pub fn demotes_last_admin(current_roles: &str, new_roles: &str, active_admins: i64) -> bool {
    let is_admin = current_roles.split_whitespace().any(|r| r == crate::permissions::SYSTEM_ADMIN);
    is_admin && !new_roles.contains(crate::permissions::SYSTEM_ADMIN) && active_admins <= 1
}

/// `columns` (a comma-separated list) each qualified by the table alias `table`.
pub fn prefixed(columns: &str, table: &str) -> String {
    columns.split(", ").map(|c| format!("{table}.{c}")).collect::<Vec<_>>().join(", ")
}

/// One row, as a backend reads its columns.
pub trait Columns {
    fn text(&self, i: usize) -> anyhow::Result<String>;
    fn optional_text(&self, i: usize) -> anyhow::Result<Option<String>>;
    fn int(&self, i: usize) -> anyhow::Result<i64>;
    fn flag(&self, i: usize) -> anyhow::Result<bool>;
    fn bytes(&self, i: usize) -> anyhow::Result<Vec<u8>>;
    /// A JSON object of strings (TEXT on SQLite, JSONB on PostgreSQL).
    /// A JSON object of strings.
    fn props(&self, i: usize) -> anyhow::Result<Props>;
}

/// The columns of a row from `offset` on, as a row of their own (a joined row's second table).
pub struct Shifted<'a, C>(pub &'a C, pub usize);

impl<C: Columns> Columns for Shifted<'_, C> {
    fn text(&self, i: usize) -> anyhow::Result<String> {
        self.0.text(i + self.1)
    }
    fn optional_text(&self, i: usize) -> anyhow::Result<Option<String>> {
        self.0.optional_text(i + self.1)
    }
    fn int(&self, i: usize) -> anyhow::Result<i64> {
        self.0.int(i + self.1)
    }
    fn flag(&self, i: usize) -> anyhow::Result<bool> {
        self.0.flag(i + self.1)
    }
    fn bytes(&self, i: usize) -> anyhow::Result<Vec<u8>> {
        self.0.bytes(i + self.1)
    }
    fn props(&self, i: usize) -> anyhow::Result<Props> {
        self.0.props(i + self.1)
    }
}

/// How many columns a list such as [`SESSION_COLUMNS`] names, counted when compiling: a joined
/// row's second table starts there, on every row read (counting at run time cost about 2,500
/// instructions a GET me on PostgreSQL, and 25,000 a list of ten: #40's callgrind counts).
const fn column_count(columns: &str) -> usize {
    let bytes = columns.as_bytes();
    let (mut count, mut i) = (1, 0);
    while i + 1 < bytes.len() {
        if bytes[i] == b',' && bytes[i + 1] == b' ' {
            count += 1;
        }
        i += 1;
    }
    count
}

/// How many columns [`SESSION_COLUMNS`] names.
pub const fn session_column_count() -> usize {
    const COUNT: usize = column_count(SESSION_COLUMNS);
    COUNT
}

/// A user's values in the order of [`USER_COLUMNS`] (`$id` its text, `$profile` its stored
/// text), as an array of references whose type is the dialect's parameter type (each backend's
/// `user_values` says which): the one list of them, beside the columns' one list.
macro_rules! user_values {
    ($u:expr, $id:expr, $profile:expr) => {
        [
            $id,
            &$u.username,
            &$u.email,
            &$u.roles,
            &$u.create_at,
            &$u.update_at,
            &$u.password_hash,
            &$u.delete_at,
            &$u.last_password_update,
            &$u.mfa_active,
            &$u.auth_service,
            &$u.auth_data,
            $profile,
        ]
    };
}
pub(super) use user_values;

/// How many columns [`USER_COLUMNS`] names.
pub const fn user_column_count() -> usize {
    const COUNT: usize = column_count(USER_COLUMNS);
    COUNT
}

/// One statement for a session by its token (`$1`) with its user: the session's columns, then
/// the user's. The user row is always there: sessions reference users, and a deactivation
/// deletes the sessions with it.
pub fn session_and_user_by_token_sql() -> &'static str {
    static SQL: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    SQL.get_or_init(|| {
        format!(
            "SELECT {}, {} FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.token_hash = $1",
            prefixed(SESSION_COLUMNS, "s"),
            prefixed(USER_COLUMNS, "u")
        )
    })
}

/// A row of [`session_and_user_by_token_sql`].
pub fn session_and_user(row: &impl Columns) -> anyhow::Result<(Session, User)> {
    Ok((session(row)?, user(&Shifted(row, session_column_count()))?))
}

/// One statement for `GET /users/me/sessions`: the user of the token's session (`$1`) and every
/// session of theirs, most recent activity first, the user's columns then the session's on each
/// row. The token's session is among them, so it is not read twice; one statement, so the three
/// are one snapshot.
pub fn with_sessions_by_token_sql() -> &'static str {
    static SQL: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    SQL.get_or_init(|| {
        format!(
            "SELECT {}, {} FROM sessions s JOIN users u ON u.id = s.user_id JOIN sessions l ON l.user_id = s.user_id \
             WHERE s.token_hash = $1 ORDER BY l.last_activity_at DESC, l.id",
            prefixed(USER_COLUMNS, "u"),
            prefixed(SESSION_COLUMNS, "l")
        )
    })
}

/// The session of a row of [`with_sessions_by_token_sql`] (every row has one).
pub fn listed_session(row: &impl Columns) -> anyhow::Result<Session> {
    session(&Shifted(row, user_column_count()))
}

/// What [`with_sessions_by_token_sql`] answered, as the store hands it on: `user` read from its
/// first row (`None`: no rows, an unknown token), `list` from all of them.
pub fn with_sessions(user: Option<User>, list: Vec<Session>, hash: &TokenHash) -> anyhow::Result<Option<WithSessions>> {
    let Some(user) = user else { return Ok(None) };
    let session = list
        .iter()
        .find(|s| s.token_hash == *hash)
        .cloned()
        .ok_or_else(|| anyhow::anyhow!("the token's session is not among its user's"))?;
    Ok(Some((session, Some(user), Some(list))))
}

/// A user from the columns of [`USER_COLUMNS`].
pub fn user(row: &impl Columns) -> anyhow::Result<User> {
    Ok(User {
        id: stored_id(row.text(0)?)?,
        username: row.text(1)?,
        email: row.text(2)?,
        roles: row.text(3)?,
        create_at: row.int(4)?,
        update_at: row.int(5)?,
        password_hash: row.optional_text(6)?,
        delete_at: row.int(7)?,
        last_password_update: row.int(8)?,
        mfa_active: row.flag(9)?,
        auth_service: row.text(10)?,
        auth_data: row.optional_text(11)?,
        profile: row.optional_text(12)?.map(|text| profile(&text)).transpose()?,
    })
}

/// A user's stored profile (JSON text, an import's).
fn profile(text: &str) -> anyhow::Result<std::sync::Arc<Profile>> {
    Ok(std::sync::Arc::new(serde_json::from_str(text).map_err(|e| anyhow::anyhow!("a stored profile: {e}"))?))
}

/// A profile as it is stored: JSON text.
pub fn profile_text(user: &User) -> Option<String> {
    user.profile.as_deref().map(|p| serde_json::to_string(p).unwrap_or_default())
}

/// A session from the columns of [`SESSION_COLUMNS`].
pub fn session(row: &impl Columns) -> anyhow::Result<Session> {
    Ok(Session {
        id: SessionId::parse(&row.text(0)?).ok_or_else(|| anyhow::anyhow!("a stored session id is not an id"))?,
        token_hash: hash(row.bytes(1)?)?,
        user_id: stored_id(row.text(2)?)?,
        create_at: row.int(3)?,
        expires_at: row.int(4)?,
        last_activity_at: row.int(5)?,
        device_id: row.text(6)?,
        roles: row.text(7)?,
        is_oauth: row.flag(8)?,
        expired_notify: row.flag(9)?,
        local: row.flag(10)?,
        props: row.props(11)?,
    })
}

/// A personal access token from the columns of [`TOKEN_COLUMNS`].
pub fn access_token(row: &impl Columns) -> anyhow::Result<AccessToken> {
    Ok(AccessToken {
        id: TokenId::parse(&row.text(0)?).ok_or_else(|| anyhow::anyhow!("a stored token id is not an id"))?,
        token_hash: hash(row.bytes(1)?)?,
        user_id: stored_id(row.text(2)?)?,
        description: row.text(3)?,
        is_active: row.flag(4)?,
        expires_at: row.int(5)?,
    })
}

fn hash(bytes: Vec<u8>) -> anyhow::Result<TokenHash> {
    Ok(TokenHash(bytes.try_into().map_err(|_| anyhow::anyhow!("token hash is not 32 bytes"))?))
}

/// An audit record from the columns of [`AUDIT_COLUMNS`].
pub fn audit(row: &impl Columns) -> anyhow::Result<Audit> {
    Ok(Audit {
        id: stored_id(row.text(0)?)?,
        create_at: row.int(1)?,
        user_id: row.text(2)?,
        action: row.text(3)?,
        extra_info: row.text(4)?,
        ip_address: row.text(5)?,
        session_id: row.text(6)?,
    })
}

/// An event from the columns of [`EVENT_COLUMNS`].
pub fn event(row: &impl Columns) -> anyhow::Result<Event> {
    Ok(Event {
        seq: row.int(0)?,
        id: row.text(1)?,
        kind: row.text(2)?,
        user_id: row.text(3)?,
        session_id: row.text(4)?,
        device_id: row.text(5)?,
        platform: row.text(6)?,
        reason: row.text(7)?,
        actor_kind: row.text(8)?,
        actor_id: row.text(9)?,
        occurred_at: row.int(10)?,
    })
}

/// A webhook endpoint from the columns of [`ENDPOINT_COLUMNS`].
pub fn endpoint(row: &impl Columns) -> anyhow::Result<Endpoint> {
    Ok(Endpoint {
        id: stored_id(row.text(0)?)?,
        url: row.text(1)?,
        event_types: Endpoint::types_from_stored(&row.text(2)?),
        secret: row.text(3)?,
        previous_secret: row.text(4)?,
        previous_until: row.int(5)?,
        enabled: row.flag(6)?,
        state_reason: row.text(7)?,
        failing_since: row.int(8)?,
        created_at: row.int(9)?,
    })
}

/// A claimed delivery from [`ENDPOINT_COLUMNS`], then [`EVENT_COLUMNS`], then `attempts`.
pub fn delivery(row: &impl Columns) -> anyhow::Result<super::Delivery> {
    let endpoint_columns = ENDPOINT_COLUMNS.split(", ").count();
    let event_columns = EVENT_COLUMNS.split(", ").count();
    Ok(super::Delivery {
        endpoint: endpoint(row)?,
        event: event(&Shifted(row, endpoint_columns))?,
        attempts: u32::try_from(row.int(endpoint_columns + event_columns)?).unwrap_or(u32::MAX),
    })
}

/// The select list of a claimed delivery ([`delivery`]), over `webhook_endpoints e`,
/// `session_events ev` and `webhook_deliveries d`.
pub fn delivery_columns() -> String {
    format!("{}, {}, d.attempts", prefixed(ENDPOINT_COLUMNS, "e"), prefixed(EVENT_COLUMNS, "ev"))
}

/// Deliveries that may be claimed at a time (both dialects bind it as their first parameter,
/// written here `{now}`): due, not leased, to an enabled endpoint, and the oldest pending one of
/// their (endpoint, user): a user's events reach each endpoint in order.
pub fn due_condition(now: &str) -> String {
    format!(
        "d.next_attempt_at <= {now} AND d.lease_until <= {now} AND e.enabled \
         AND NOT EXISTS (SELECT 1 FROM webhook_deliveries o WHERE o.endpoint_id = d.endpoint_id \
         AND o.user_id = d.user_id AND o.event_seq < d.event_seq)"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn column_counts_made_when_compiling_match_the_lists() {
        for list in [USER_COLUMNS, SESSION_COLUMNS, TOKEN_COLUMNS, AUDIT_COLUMNS, EVENT_COLUMNS, ENDPOINT_COLUMNS] {
            assert_eq!(column_count(list), list.split(", ").count(), "{list}");
        }
        assert_eq!(user_column_count(), 13);
        assert_eq!(session_column_count(), 12);
        assert_eq!(column_count("id"), 1);
    }
}
