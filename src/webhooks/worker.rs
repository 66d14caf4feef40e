//! The delivery worker: one task per server process. It claims due deliveries (on PostgreSQL,
//! alongside the other nodes' workers), sends each batch concurrently, settles every attempt in
//! the store, keeps the per-endpoint metrics current and purges events past their retention.
//! It wakes when this process records an event, and at least once a second for events other
//! processes record (another node, the admin CLI).

use std::sync::Arc;
use std::time::Duration;

use tokio::sync::Notify;

use super::send::{self, Outcome};
use super::{endpoint, schedule, WebhookSettings};
use crate::domain::{Clock, Endpoint};
use crate::metrics::Metrics;
use crate::mfa::SecretKey;
use crate::store::{Delivery, WebhookStore};

/// Deliveries claimed (and sent concurrently) at a time.
const BATCH: usize = 64;
/// How often the worker looks for events recorded by other processes.
const POLL: Duration = Duration::from_secs(1);
/// How often the per-endpoint metrics are refreshed.
const HOUSEKEEPING: Duration = Duration::from_secs(5);
/// How often events past their retention are purged (a scan on SQLite, which keeps no index on
/// their time: one page fewer written per revocation).
const PURGE: Duration = Duration::from_secs(3600);
/// After a wake, the worker waits this long for more events before it claims: under a burst of
/// revocations it claims once per batch, not once per revocation.
const GATHER: Duration = Duration::from_millis(20);
/// A claim outlives the attempt by this much before another worker may take the delivery.
const LEASE_MARGIN: Duration = Duration::from_secs(5);

/// What the worker needs.
pub struct Worker {
    pub store: Arc<dyn WebhookStore>,
    pub settings: WebhookSettings,
    /// The operator key endpoint secrets are sealed under, if set.
    pub key: Option<SecretKey>,
    pub clock: Clock,
    pub metrics: Arc<Metrics>,
    /// Notified when this process records an event.
    pub recorded: Arc<Notify>,
}

impl Worker {
    /// Delivers until the task is aborted. A delivery cut short stays claimed until its lease
    /// runs out, then goes again (at least once: receivers deduplicate by `webhook-id`).
    pub async fn run(self) {
        let client = send::client(self.settings.timeout);
        let lease = millis(self.settings.timeout + LEASE_MARGIN);
        // Due at once: the metrics from the start, events past their retention purged at start.
        let (mut refreshed, mut purged) = (None::<std::time::Instant>, None::<std::time::Instant>);
        // The soonest retry this worker scheduled: it wakes for it, not a poll later.
        let mut soonest_retry = i64::MAX;
        loop {
            // Checked on every turn, so that a long backlog (when operators look) keeps them current.
            if refreshed.is_none_or(|at| at.elapsed() >= HOUSEKEEPING) {
                self.refresh_metrics().await;
                refreshed = Some(std::time::Instant::now());
            }
            if purged.is_none_or(|at| at.elapsed() >= PURGE) {
                self.purge().await;
                purged = Some(std::time::Instant::now());
            }
            let now = self.clock.now_millis();
            match self.store.claim_deliveries(now, now + lease, BATCH).await {
                Ok(batch) if !batch.is_empty() => {
                    let attempts = batch.into_iter().map(|delivery| self.deliver(&client, delivery));
                    for retry_at in futures_util::future::join_all(attempts).await.into_iter().flatten() {
                        soonest_retry = soonest_retry.min(retry_at);
                    }
                    continue;
                }
                Ok(_) => {}
                Err(e) => tracing::warn!(error = %e, "claiming webhook deliveries failed; trying again"),
            }
            if soonest_retry <= now {
                soonest_retry = i64::MAX;
            }
            let until_retry = Duration::from_millis(u64::try_from(soonest_retry.saturating_sub(now)).unwrap_or(0));
            tokio::select! {
                () = self.recorded.notified() => tokio::time::sleep(GATHER).await,
                () = tokio::time::sleep(POLL.min(until_retry)) => {}
            }
        }
    }

    /// One attempt at one delivery, settled in the store; when it is to be tried again, if it
    /// is.
    async fn deliver(&self, client: &reqwest::Client, delivery: Delivery) -> Option<i64> {
        let Delivery { event, endpoint, attempts } = delivery;
        let now = self.clock.now_millis();
        let secrets = match endpoint::signing_secrets(&endpoint, self.key.as_ref(), now) {
            Ok(secrets) => secrets,
            Err(e) => {
                self.disable(&endpoint, &format!("its secret does not open: {e}")).await;
                return None;
            }
        };
        let outcome = send::attempt(client, &endpoint.url, &event, &secrets, now.div_euclid(1000)).await;
        let now = self.clock.now_millis();
        let mut retry_at = None;
        let settled = match outcome {
            Outcome::Delivered => {
                self.metrics.webhook_attempt(endpoint.id.as_str(), "delivered");
                if endpoint.failing_since != 0 {
                    tracing::info!(endpoint = %endpoint.id, url = %endpoint.url, "webhook endpoint delivering again");
                }
                self.store.delivery_done(&endpoint.id, event.seq).await
            }
            Outcome::Gone => {
                self.metrics.webhook_attempt(endpoint.id.as_str(), "gone");
                // Kept pending: an operator who enables the endpoint again gets it.
                let kept = self.store.delivery_failed(&endpoint.id, event.seq, now, now).await;
                self.disable(&endpoint, "it answered 410 Gone").await;
                kept
            }
            Outcome::Failed { why, retry_after } => {
                self.metrics.webhook_attempt(endpoint.id.as_str(), "failed");
                let wait =
                    schedule::next_wait(&self.settings.retry_schedule, attempts + 1, schedule::jitter(), retry_after);
                let failing_since = if endpoint.failing_since == 0 { now } else { endpoint.failing_since };
                if endpoint.failing_since == 0 {
                    tracing::warn!(endpoint = %endpoint.id, url = %endpoint.url, why, "webhook endpoint failing");
                } else {
                    tracing::debug!(endpoint = %endpoint.id, why, attempts = attempts + 1, "webhook delivery failed");
                }
                let failed = self.store.delivery_failed(&endpoint.id, event.seq, now, now + millis(wait)).await;
                if now - failing_since >= millis(self.settings.disable_after) {
                    self.disable(&endpoint, &format!("failing for {} s: {why}", (now - failing_since) / 1000)).await;
                } else {
                    retry_at = Some(now + millis(wait));
                }
                failed
            }
        };
        if let Err(e) = settled {
            // The lease runs out and the delivery goes again: at least once, never lost.
            tracing::warn!(error = %e, endpoint = %endpoint.id, "recording a webhook attempt failed");
        }
        retry_at
    }

    /// Disables an endpoint, saying why in the store and the log.
    async fn disable(&self, endpoint: &Endpoint, why: &str) {
        match self.store.set_endpoint_enabled(&endpoint.id, false, why).await {
            Ok(_) => tracing::warn!(endpoint = %endpoint.id, url = %endpoint.url, why, "webhook endpoint disabled"),
            Err(e) => tracing::warn!(error = %e, endpoint = %endpoint.id, "disabling a webhook endpoint failed"),
        }
        self.metrics.webhook_endpoint(endpoint.id.as_str(), false, 0, 0);
    }

    /// Refreshes the per-endpoint metrics.
    async fn refresh_metrics(&self) {
        let now = self.clock.now_millis();
        if let (Ok(endpoints), Ok(pending)) = (self.store.endpoints().await, self.store.pending_deliveries().await) {
            for endpoint in endpoints {
                let (count, oldest) = pending
                    .iter()
                    .find(|(id, _, _)| *id == endpoint.id)
                    .map_or((0, 0), |(_, count, oldest)| (*count, ((now - oldest) / 1000).max(0)));
                self.metrics.webhook_endpoint(endpoint.id.as_str(), endpoint.enabled, count, oldest);
            }
        }
    }

    /// Purges events past their retention.
    async fn purge(&self) {
        let now = self.clock.now_millis();
        match self.store.delete_events_before(now - millis(self.settings.retention)).await {
            Ok(0) => {}
            Ok(purged) => tracing::info!(purged, "session events past their retention purged"),
            Err(e) => tracing::warn!(error = %e, "purging old session events failed"),
        }
    }
}

fn millis(duration: Duration) -> i64 {
    i64::try_from(duration.as_millis()).unwrap_or(i64::MAX)
}
