//! The SQLite backend's outbox writes: the events every session-changing write records in its
//! own savepoint ([`crate::domain::event`]). The fan-out to endpoints is the
//! `session_events_fan_out` trigger (migration 0013).

use rusqlite::{Connection, ToSql};

use super::execute;
use crate::domain::event::kind;
use crate::domain::Cause;

/// Records a `kind` event with `cause` for each session `condition` (a `WHERE` clause on
/// `sessions`, with `?1…` parameters `params`) selects; how many.
pub(super) fn record_sessions(
    c: &Connection,
    kind: &str,
    cause: &Cause,
    condition: &str,
    params: &[&dyn ToSql],
) -> rusqlite::Result<u64> {
    let n = params.len();
    let sql = format!(
        "INSERT INTO session_events \
         (type, user_id, session_id, device_id, platform, reason, actor_kind, actor_id, occurred_at) \
         SELECT ?{}, user_id, id, device_id, coalesce(json_extract(props, '$.platform'), ''), ?{}, ?{}, ?{}, ?{} \
         FROM sessions WHERE {condition}",
        n + 1,
        n + 2,
        n + 3,
        n + 4,
        n + 5,
    );
    let (actor_kind, at) = (cause.actor_kind.as_str(), cause.at);
    let mut all: Vec<&dyn ToSql> = params.to_vec();
    all.extend_from_slice(&[&kind, &cause.reason, &actor_kind, &cause.actor_id, &at]);
    Ok(c.prepare_cached(&sql)?.execute(&all[..])? as u64)
}

/// Deletes the sessions `condition` selects, each with its `session.revoked` event; how many.
/// (One writer: nothing changes between the two statements.)
pub(super) fn end_sessions(
    c: &Connection,
    cause: &Cause,
    condition: &str,
    params: &[&dyn ToSql],
) -> rusqlite::Result<u64> {
    record_sessions(c, kind::SESSION_REVOKED, cause, condition, params)?;
    Ok(c.prepare_cached(&format!("DELETE FROM sessions WHERE {condition}"))?.execute(params)? as u64)
}

/// Records a user's own event (`user.deactivated`, `user.mfa_changed`).
pub(super) fn record_user(c: &Connection, kind: &str, user_id: &str, cause: &Cause) -> rusqlite::Result<()> {
    execute(
        c,
        "INSERT INTO session_events (type, user_id, reason, actor_kind, actor_id, occurred_at) \
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        rusqlite::params![kind, user_id, cause.reason, cause.actor_kind.as_str(), cause.actor_id, cause.at],
    )
    .map(drop)
}
