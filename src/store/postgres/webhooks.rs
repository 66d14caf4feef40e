//! The PostgreSQL backend's webhook endpoints and deliveries ([`crate::store::WebhookStore`]).
//! Several nodes deliver from one outbox: a claim locks the rows it takes with `FOR UPDATE SKIP
//! LOCKED` (two nodes claiming at once take different rows, neither waits) and leases them in
//! the same statement, so each delivery is in flight on one node at a time; a node killed
//! mid-delivery holds no lock, and its lease runs out for the others.

use async_trait::async_trait;

use super::super::rows::{self, ENDPOINT_COLUMNS, EVENT_COLUMNS};
use super::super::{Delivery, StoreResult, WebhookStore};
use super::{execute, PostgresStore};
use crate::domain::event::{kind, reason};
use crate::domain::{ActorKind, Endpoint, Event, Id};

#[async_trait]
impl WebhookStore for PostgresStore {
    async fn add_endpoint(&self, e: &Endpoint) -> StoreResult<()> {
        let sql = "INSERT INTO webhook_endpoints (id, url, event_types, secret, enabled, created_at) \
                   VALUES ($1, $2, $3, $4, $5, $6)";
        let types = e.stored_types();
        self.execute(sql, &[&e.id.as_str(), &e.url, &types, &e.secret, &e.enabled, &e.created_at]).await.map(drop)
    }

    async fn endpoints(&self) -> StoreResult<Vec<Endpoint>> {
        let sql = format!("SELECT {ENDPOINT_COLUMNS} FROM webhook_endpoints ORDER BY created_at, id");
        self.query(&sql, &[], rows::endpoint).await
    }

    async fn update_endpoint(&self, e: &Endpoint) -> StoreResult<bool> {
        let sql = "UPDATE webhook_endpoints SET event_types = $2, secret = $3 WHERE id = $1";
        Ok(self.execute(sql, &[&e.id.as_str(), &e.stored_types(), &e.secret]).await? > 0)
    }

    async fn set_endpoint_enabled(&self, id: &Id, enabled: bool, reason: &str) -> StoreResult<bool> {
        let reason = if enabled { "" } else { reason };
        self.transaction(async |tx| {
            let sql = "UPDATE webhook_endpoints SET enabled = $2, state_reason = $3, \
                       failing_since = CASE WHEN $2 THEN 0 ELSE failing_since END WHERE id = $1";
            let found = execute(tx, sql, &[&id.as_str(), &enabled, &reason]).await? > 0;
            if found && enabled {
                let sql = "UPDATE webhook_deliveries SET next_attempt_at = 0 WHERE endpoint_id = $1";
                execute(tx, sql, &[&id.as_str()]).await?;
            }
            Ok(found)
        })
        .await
    }

    async fn rotate_endpoint_secret(&self, id: &Id, secret: &str, previous_until: i64) -> StoreResult<bool> {
        let sql =
            "UPDATE webhook_endpoints SET previous_secret = secret, previous_until = $3, secret = $2 WHERE id = $1";
        Ok(self.execute(sql, &[&id.as_str(), &secret, &previous_until]).await? > 0)
    }

    async fn queue_test_event(&self, id: &Id, at: i64) -> StoreResult<bool> {
        let sql = "INSERT INTO session_events (type, user_id, reason, actor_kind, occurred_at, only_endpoint) \
                   SELECT $1, '', $2, $3, $4, id FROM webhook_endpoints WHERE id = $5";
        let params: [&(dyn tokio_postgres::types::ToSql + Sync); 5] =
            [&kind::WEBHOOK_TEST, &reason::TEST, &ActorKind::Admin.as_str(), &at, &id.as_str()];
        Ok(self.execute(sql, &params).await? > 0)
    }

    async fn replay_events(&self, id: &Id, since: i64, now: i64) -> StoreResult<u64> {
        let sql = "INSERT INTO webhook_deliveries (endpoint_id, event_seq, user_id, next_attempt_at) \
                   SELECT e.id, ev.seq, ev.user_id, $3 FROM session_events ev JOIN webhook_endpoints e ON e.id = $1 \
                   WHERE ev.occurred_at >= $2 AND ev.only_endpoint = '' \
                   AND (e.event_types = '' OR strpos(e.event_types, ',' || ev.type || ',') > 0) \
                   ON CONFLICT DO NOTHING";
        self.execute(sql, &[&id.as_str(), &since, &now]).await
    }

    async fn claim_deliveries(&self, now: i64, lease_until: i64, limit: usize) -> StoreResult<Vec<Delivery>> {
        let limit = i64::try_from(limit).unwrap_or(i64::MAX);
        // One statement: the rows picked are locked (others skip them) and leased before the
        // lock goes with the statement's commit.
        let sql = format!(
            "WITH due AS (SELECT d.endpoint_id, d.event_seq FROM webhook_deliveries d \
             JOIN webhook_endpoints e ON e.id = d.endpoint_id WHERE {} ORDER BY d.event_seq LIMIT $2 \
             FOR UPDATE OF d SKIP LOCKED), \
             leased AS (UPDATE webhook_deliveries d SET lease_until = $3 FROM due \
             WHERE d.endpoint_id = due.endpoint_id AND d.event_seq = due.event_seq \
             RETURNING d.endpoint_id, d.event_seq, d.attempts) \
             SELECT {} FROM leased d JOIN webhook_endpoints e ON e.id = d.endpoint_id \
             JOIN session_events ev ON ev.seq = d.event_seq ORDER BY ev.seq",
            rows::due_condition("$1"),
            rows::delivery_columns(),
        );
        self.query(&sql, &[&now, &limit, &lease_until], rows::delivery).await
    }

    async fn delivery_done(&self, endpoint_id: &Id, seq: i64, lease: i64) -> StoreResult<()> {
        let sql = "WITH done AS (DELETE FROM webhook_deliveries WHERE endpoint_id = $1 AND event_seq = $2 \
                   AND lease_until = $3) \
                   UPDATE webhook_endpoints SET failing_since = 0 WHERE id = $1 AND failing_since <> 0";
        self.execute(sql, &[&endpoint_id.as_str(), &seq, &lease]).await.map(drop)
    }

    async fn delivery_failed(
        &self,
        endpoint_id: &Id,
        seq: i64,
        lease: i64,
        now: i64,
        next_attempt_at: i64,
    ) -> StoreResult<()> {
        let sql = "WITH failed AS (UPDATE webhook_deliveries SET attempts = attempts + 1, next_attempt_at = $3, \
                   lease_until = 0 WHERE endpoint_id = $1 AND event_seq = $2 AND lease_until = $5 RETURNING 1) \
                   UPDATE webhook_endpoints SET failing_since = $4 WHERE id = $1 AND failing_since = 0 \
                   AND EXISTS (SELECT 1 FROM failed)";
        self.execute(sql, &[&endpoint_id.as_str(), &seq, &next_attempt_at, &now, &lease]).await.map(drop)
    }

    async fn delete_events_before(&self, before: i64, limit: usize) -> StoreResult<u64> {
        let limit = i64::try_from(limit).unwrap_or(i64::MAX);
        let sql = "WITH old AS (SELECT seq FROM session_events WHERE occurred_at < $1 ORDER BY seq LIMIT $2), \
                   gone AS (DELETE FROM webhook_deliveries WHERE event_seq IN (SELECT seq FROM old)) \
                   DELETE FROM session_events WHERE seq IN (SELECT seq FROM old)";
        self.execute(sql, &[&before, &limit]).await
    }

    async fn pending_deliveries(&self) -> StoreResult<Vec<(Id, u64, i64)>> {
        let sql = "SELECT d.endpoint_id, count(*), min(ev.occurred_at) FROM webhook_deliveries d \
                   JOIN session_events ev ON ev.seq = d.event_seq GROUP BY d.endpoint_id ORDER BY d.endpoint_id";
        self.query(sql, &[], |row| {
            let id = super::super::stored_id(row.try_get(0)?)?;
            Ok((id, row.try_get::<_, i64>(1)? as u64, row.try_get(2)?))
        })
        .await
    }

    async fn events_since(&self, since: i64, limit: usize) -> StoreResult<Vec<Event>> {
        let limit = i64::try_from(limit).unwrap_or(i64::MAX);
        let sql = format!("SELECT {EVENT_COLUMNS} FROM session_events WHERE seq > $1 ORDER BY seq LIMIT $2");
        self.query(&sql, &[&since, &limit], rows::event).await
    }
}
