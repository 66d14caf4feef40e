//! The PostgreSQL backend's outbox writes: the events every session-changing write records in
//! its own transaction ([`crate::domain::event`]), each in the same statement as the change
//! where it can be (a data-modifying `WITH`), so that a revocation costs no extra round trip.
//! The fan-out to endpoints is the `session_events_fan_out` trigger (migration 0011).

use deadpool_postgres::GenericClient;

use super::{execute, Params};
use crate::domain::event::kind;
use crate::domain::{Cause, Session};
use crate::store::StoreResult;

/// `change` (an `UPDATE sessions …` or `DELETE FROM sessions …` whose parameters are `$1…$n`),
/// recording a `kind` event per row it touched: one statement whose count is the rows touched.
/// The kind and cause are `$n+1…$n+5`.
fn recording(change: &str, n: usize) -> String {
    format!(
        "WITH changed AS ({change} RETURNING id, user_id, device_id, props) \
         INSERT INTO session_events \
         (type, user_id, session_id, device_id, platform, reason, actor_kind, actor_id, occurred_at) \
         SELECT ${}::text, user_id, id, device_id, coalesce(props->>'platform', ''), ${}::text, ${}::text, ${}::text, \
         ${}::bigint FROM changed",
        n + 1,
        n + 2,
        n + 3,
        n + 4,
        n + 5,
    )
}

/// Runs `change` (see [`recording`]) with its events; how many sessions it touched.
pub(super) async fn change_sessions(
    client: &impl GenericClient,
    kind: &str,
    cause: &Cause,
    change: &str,
    params: &Params<'_>,
) -> StoreResult<u64> {
    let actor_kind = cause.actor_kind.as_str();
    let mut all = params.to_vec();
    all.extend_from_slice(&[&kind, &cause.reason, &actor_kind, &cause.actor_id, &cause.at]);
    execute(client, &recording(change, params.len()), &all).await
}

/// Deletes the sessions `condition` selects, each with its `session.revoked` event; how many.
pub(super) async fn end_sessions(
    client: &impl GenericClient,
    cause: &Cause,
    condition: &str,
    params: &Params<'_>,
) -> StoreResult<u64> {
    let change = format!("DELETE FROM sessions WHERE {condition}");
    change_sessions(client, kind::SESSION_REVOKED, cause, &change, params).await
}

/// Records a `kind` event about `session`.
pub(super) async fn record_session(
    client: &impl GenericClient,
    kind: &str,
    s: &Session,
    cause: &Cause,
) -> StoreResult<()> {
    let platform = s.props.get("platform").unwrap_or("");
    execute(
        client,
        "INSERT INTO session_events \
         (type, user_id, session_id, device_id, platform, reason, actor_kind, actor_id, occurred_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
        &[
            &kind,
            &s.user_id.as_str(),
            &s.id.as_str(),
            &s.device_id,
            &platform,
            &cause.reason,
            &cause.actor_kind.as_str(),
            &cause.actor_id,
            &cause.at,
        ],
    )
    .await
    .map(drop)
}

/// Records a user's own event (`user.deactivated`, `user.mfa_changed`).
pub(super) async fn record_user(
    client: &impl GenericClient,
    kind: &str,
    user_id: &str,
    cause: &Cause,
) -> StoreResult<()> {
    execute(
        client,
        "INSERT INTO session_events (type, user_id, reason, actor_kind, actor_id, occurred_at) \
         VALUES ($1, $2, $3, $4, $5, $6)",
        &[&kind, &user_id, &cause.reason, &cause.actor_kind.as_str(), &cause.actor_id, &cause.at],
    )
    .await
    .map(drop)
}
