//! The SQLite backend's webhook endpoints and deliveries ([`crate::store::WebhookStore`]). One
//! writer: a claim is a read and its leases in one write, so no two claims overlap.

use async_trait::async_trait;
use rusqlite::params;

use super::super::rows::{self, ENDPOINT_COLUMNS, EVENT_COLUMNS};
use super::super::{Delivery, StoreResult, WebhookStore};
use super::{execute, mapped, owned, SqliteStore};
use crate::domain::event::{kind, reason};
use crate::domain::{ActorKind, Endpoint, Event, Id};

#[async_trait]
impl WebhookStore for SqliteStore {
    async fn add_endpoint(&self, e: &Endpoint) -> StoreResult<()> {
        let sql = "INSERT INTO webhook_endpoints (id, url, event_types, secret, enabled, created_at) \
                   VALUES (?1, ?2, ?3, ?4, ?5, ?6)";
        let row = (owned(&e.id), e.url.clone(), e.stored_types(), e.secret.clone(), e.enabled, e.created_at);
        self.execute(sql, row).await.map(drop)
    }

    async fn endpoints(&self) -> StoreResult<Vec<Endpoint>> {
        self.read(|c| {
            c.prepare_cached(&format!("SELECT {ENDPOINT_COLUMNS} FROM webhook_endpoints ORDER BY created_at, id"))?
                .query_map([], |r| mapped(r, rows::endpoint))?
                .collect()
        })
        .await
    }

    async fn update_endpoint(&self, e: &Endpoint) -> StoreResult<bool> {
        let sql = "UPDATE webhook_endpoints SET event_types = ?2, secret = ?3 WHERE id = ?1";
        Ok(self.execute(sql, (owned(&e.id), e.stored_types(), e.secret.clone())).await? > 0)
    }

    async fn set_endpoint_enabled(&self, id: &Id, enabled: bool, reason: &str) -> StoreResult<bool> {
        let (id, reason) = (owned(id), owned(reason));
        self.write(move |c| {
            let sql = "UPDATE webhook_endpoints SET enabled = ?2, state_reason = ?3, \
                       failing_since = CASE WHEN ?2 THEN 0 ELSE failing_since END WHERE id = ?1";
            let found = execute(c, sql, params![id, enabled, if enabled { "" } else { &reason }])? > 0;
            if found && enabled {
                // The backlog goes at once, not at the retry time it had when the endpoint failed.
                execute(c, "UPDATE webhook_deliveries SET next_attempt_at = 0 WHERE endpoint_id = ?1", [&id])?;
            }
            Ok(found)
        })
        .await
    }

    async fn rotate_endpoint_secret(&self, id: &Id, secret: &str, previous_until: i64) -> StoreResult<bool> {
        let sql =
            "UPDATE webhook_endpoints SET previous_secret = secret, previous_until = ?3, secret = ?2 WHERE id = ?1";
        Ok(self.execute(sql, (owned(id), owned(secret), previous_until)).await? > 0)
    }

    async fn queue_test_event(&self, id: &Id, at: i64) -> StoreResult<bool> {
        let id = owned(id);
        self.write(move |c| {
            let exists: bool = c
                .prepare_cached("SELECT count(*) > 0 FROM webhook_endpoints WHERE id = ?1")?
                .query_row([&id], |r| r.get(0))?;
            if exists {
                execute(
                    c,
                    "INSERT INTO session_events (type, user_id, reason, actor_kind, occurred_at, only_endpoint) \
                     VALUES (?1, '', ?2, ?3, ?4, ?5)",
                    params![kind::WEBHOOK_TEST, reason::TEST, ActorKind::Admin.as_str(), at, id],
                )?;
            }
            Ok(exists)
        })
        .await
    }

    async fn replay_events(&self, id: &Id, since: i64, now: i64) -> StoreResult<u64> {
        let sql = "INSERT INTO webhook_deliveries (endpoint_id, event_seq, user_id, next_attempt_at) \
                   SELECT e.id, ev.seq, ev.user_id, ?3 FROM session_events ev JOIN webhook_endpoints e ON e.id = ?1 \
                   WHERE ev.occurred_at >= ?2 AND ev.only_endpoint = '' \
                   AND (e.event_types = '' OR instr(e.event_types, ',' || ev.type || ',') > 0) \
                   ON CONFLICT DO NOTHING";
        self.execute(sql, (owned(id), since, now)).await
    }

    async fn claim_deliveries(&self, now: i64, lease_until: i64, limit: usize) -> StoreResult<Vec<Delivery>> {
        let limit = i64::try_from(limit).unwrap_or(i64::MAX);
        // Asked first on a reader: the worker wakes after every revocation, and with nothing
        // due (no endpoint, say) it must not queue a write behind the requests' own.
        let due_sql = format!(
            "SELECT 1 FROM webhook_deliveries d JOIN webhook_endpoints e ON e.id = d.endpoint_id WHERE {} LIMIT 1",
            rows::due_condition("?1")
        );
        let any_due = self.read(move |c| c.prepare_cached(&due_sql)?.exists([now])).await?;
        if !any_due {
            return Ok(Vec::new());
        }
        self.write(move |c| {
            let sql = format!(
                "SELECT {} FROM webhook_deliveries d JOIN webhook_endpoints e ON e.id = d.endpoint_id \
                 JOIN session_events ev ON ev.seq = d.event_seq WHERE {} ORDER BY d.event_seq LIMIT ?2",
                rows::delivery_columns(),
                rows::due_condition("?1"),
            );
            let claimed: Vec<Delivery> = c
                .prepare_cached(&sql)?
                .query_map(params![now, limit], |r| mapped(r, rows::delivery))?
                .collect::<Result<_, _>>()?;
            let lease = "UPDATE webhook_deliveries SET lease_until = ?3 WHERE endpoint_id = ?1 AND event_seq = ?2";
            for d in &claimed {
                execute(c, lease, params![d.endpoint.id.as_str(), d.event.seq, lease_until])?;
            }
            Ok(claimed)
        })
        .await
    }

    async fn delivery_done(&self, endpoint_id: &Id, seq: i64, lease: i64) -> StoreResult<()> {
        let id = owned(endpoint_id);
        self.write(move |c| {
            let sql = "DELETE FROM webhook_deliveries WHERE endpoint_id = ?1 AND event_seq = ?2 AND lease_until = ?3";
            execute(c, sql, params![id, seq, lease])?;
            execute(c, "UPDATE webhook_endpoints SET failing_since = 0 WHERE id = ?1 AND failing_since <> 0", [&id])
                .map(drop)
        })
        .await
    }

    async fn delivery_failed(
        &self,
        endpoint_id: &Id,
        seq: i64,
        lease: i64,
        now: i64,
        next_attempt_at: i64,
    ) -> StoreResult<()> {
        let id = owned(endpoint_id);
        self.write(move |c| {
            let held = execute(
                c,
                "UPDATE webhook_deliveries SET attempts = attempts + 1, next_attempt_at = ?3, lease_until = 0 \
                 WHERE endpoint_id = ?1 AND event_seq = ?2 AND lease_until = ?4",
                params![id, seq, next_attempt_at, lease],
            )?;
            if held == 0 {
                // A stale claim: the delivery is another worker's now, and so is its verdict.
                return Ok(());
            }
            execute(
                c,
                "UPDATE webhook_endpoints SET failing_since = ?2 WHERE id = ?1 AND failing_since = 0",
                params![id, now],
            )
            .map(drop)
        })
        .await
    }

    async fn delete_events_before(&self, before: i64, limit: usize) -> StoreResult<u64> {
        let limit = i64::try_from(limit).unwrap_or(i64::MAX);
        // Oldest first by seq (which rises with time): only what is deleted is read.
        let oldest = "SELECT seq FROM session_events WHERE occurred_at < ?1 ORDER BY seq LIMIT ?2";
        self.write(move |c| {
            execute(c, &format!("DELETE FROM webhook_deliveries WHERE event_seq IN ({oldest})"), [before, limit])?;
            execute(c, &format!("DELETE FROM session_events WHERE seq IN ({oldest})"), [before, limit])
        })
        .await
    }

    async fn pending_deliveries(&self) -> StoreResult<Vec<(Id, u64, i64)>> {
        self.read(|c| {
            c.prepare_cached(
                "SELECT d.endpoint_id, count(*), min(ev.occurred_at) FROM webhook_deliveries d \
                 JOIN session_events ev ON ev.seq = d.event_seq GROUP BY d.endpoint_id ORDER BY d.endpoint_id",
            )?
            .query_map([], |r| {
                mapped(r, |r| Ok((super::super::stored_id(r.get(0)?)?, r.get::<_, i64>(1)? as u64, r.get(2)?)))
            })?
            .collect()
        })
        .await
    }

    async fn events_since(&self, since: i64, limit: usize) -> StoreResult<Vec<Event>> {
        let limit = i64::try_from(limit).unwrap_or(i64::MAX);
        self.read(move |c| {
            c.prepare_cached(&format!(
                "SELECT {EVENT_COLUMNS} FROM session_events WHERE seq > ?1 ORDER BY seq LIMIT ?2"
            ))?
            .query_map([since, limit], |r| mapped(r, rows::event))?
            .collect()
        })
        .await
    }
}
