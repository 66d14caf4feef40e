//! The delivery worker: one task per server process. It claims due deliveries (on PostgreSQL,
//! alongside the other nodes' workers), sends each batch concurrently, settles every attempt in
//! the store, keeps the per-endpoint metrics current and purges events past their retention.
//! It wakes when this process records an event, and at least once a second for events other
//! processes record (another node, the admin CLI).

use std::sync::atomic::{AtomicI64, Ordering};
use std::sync::Arc;
use std::time::Duration;

use tokio::sync::Notify;

use super::send::{self, Outcome};
use super::{endpoint, schedule, WebhookSettings};
use crate::domain::{Clock, Endpoint};
use crate::metrics::Metrics;
use crate::mfa::SecretKey;
use crate::store::{Delivery, WebhookStore};

/// Deliveries in flight at once, per worker (and so per node).
const IN_FLIGHT: usize = 32;
/// How often the worker looks for events recorded by other processes.
const POLL: Duration = Duration::from_secs(1);
/// How often the per-endpoint metrics are refreshed.
const HOUSEKEEPING: Duration = Duration::from_secs(5);
/// How often events past their retention are purged (a scan on SQLite, which keeps no index on
/// their time: one page fewer written per revocation).
const PURGE: Duration = Duration::from_secs(3600);
/// Events deleted per purge write.
const PURGE_BATCH: usize = 1000;
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
    /// Delivers until the task is aborted. Each delivery is a task of its own, at most
    /// [`IN_FLIGHT`] at once, and the worker claims again as soon as one finishes: a slow or dead
    /// endpoint holds its own slots only, never a batch of everyone else's. A delivery cut short
    /// stays claimed until its lease runs out, then goes again (at least once: receivers
    /// deduplicate by `webhook-id`).
    pub async fn run(self) {
        let worker = Arc::new(self);
        let client = send::client(worker.settings.timeout);
        let lease = millis(worker.settings.timeout + LEASE_MARGIN);
        let slots = Arc::new(tokio::sync::Semaphore::new(IN_FLIGHT));
        // Notified when a delivery finishes: a slot is free.
        let finished = Arc::new(Notify::new());
        // The soonest retry a delivery scheduled: the worker wakes for it, not a poll later.
        let soonest_retry = Arc::new(AtomicI64::new(i64::MAX));
        // Due at once: the metrics from the start, events past their retention purged at start.
        let (mut refreshed, mut purged) = (None::<std::time::Instant>, None::<std::time::Instant>);
        loop {
            // Checked on every turn, so that a long backlog (when operators look) keeps them current.
            if refreshed.is_none_or(|at| at.elapsed() >= HOUSEKEEPING) {
                worker.refresh_metrics().await;
                refreshed = Some(std::time::Instant::now());
            }
            if purged.is_none_or(|at| at.elapsed() >= PURGE) {
                worker.purge().await;
                purged = Some(std::time::Instant::now());
            }
            let now = worker.clock.now_millis();
            let free = slots.available_permits();
            if free > 0 {
                match worker.store.claim_deliveries(now, now + lease, free).await {
                    Ok(batch) if !batch.is_empty() => {
                        for delivery in batch {
                            let slot = slots.clone().acquire_owned().await.expect("the semaphore is never closed");
                            let (worker, client) = (worker.clone(), client.clone());
                            let (finished, soonest_retry) = (finished.clone(), soonest_retry.clone());
                            tokio::spawn(async move {
                                if let Some(at) = worker.deliver(&client, delivery, now + lease).await {
                                    soonest_retry.fetch_min(at, Ordering::Relaxed);
                                }
                                drop(slot);
                                finished.notify_one();
                            });
                        }
                        continue;
                    }
                    Ok(_) => {}
                    Err(e) => tracing::warn!(error = %e, "claiming webhook deliveries failed; trying again"),
                }
            }
            let retry_at = soonest_retry.load(Ordering::Relaxed);
            if retry_at <= now {
                soonest_retry.store(i64::MAX, Ordering::Relaxed);
            }
            let until_retry = Duration::from_millis(u64::try_from(retry_at.saturating_sub(now)).unwrap_or(0));
            tokio::select! {
                () = worker.recorded.notified() => tokio::time::sleep(GATHER).await,
                () = finished.notified() => {}
                () = tokio::time::sleep(POLL.min(until_retry)) => {}
            }
        }
    }

    /// One attempt at one delivery, settled in the store; when it is to be tried again, if it
    /// is.
    async fn deliver(&self, client: &reqwest::Client, delivery: Delivery, lease: i64) -> Option<i64> {
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
                    tracing::info!(endpoint = %endpoint.id, url = %endpoint::shown_url(&endpoint.url), "webhook endpoint delivering again");
                }
                self.store.delivery_done(&endpoint.id, event.seq, lease).await
            }
            Outcome::Gone => {
                self.metrics.webhook_attempt(endpoint.id.as_str(), "gone");
                // Disabled first, so that no worker sends to it again; the delivery is kept
                // pending: an operator who enables the endpoint again gets it.
                self.disable(&endpoint, "it answered 410 Gone").await;
                self.store.delivery_failed(&endpoint.id, event.seq, lease, now, now).await
            }
            Outcome::Failed { why, retry_after } => {
                self.metrics.webhook_attempt(endpoint.id.as_str(), "failed");
                let wait =
                    schedule::next_wait(&self.settings.retry_schedule, attempts + 1, schedule::jitter(), retry_after);
                let failing_since = if endpoint.failing_since == 0 { now } else { endpoint.failing_since };
                if endpoint.failing_since == 0 {
                    tracing::warn!(endpoint = %endpoint.id, url = %endpoint::shown_url(&endpoint.url), why, "webhook endpoint failing");
                } else {
                    tracing::debug!(endpoint = %endpoint.id, why, attempts = attempts + 1, "webhook delivery failed");
                }
                let failed = self.store.delivery_failed(&endpoint.id, event.seq, lease, now, now + millis(wait)).await;
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
            Ok(_) => {
                tracing::warn!(endpoint = %endpoint.id, url = %endpoint::shown_url(&endpoint.url), why, "webhook endpoint disabled")
            }
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

    /// Purges events past their retention, a batch at a time.
    async fn purge(&self) {
        let before = self.clock.now_millis() - millis(self.settings.retention);
        let mut purged = 0;
        loop {
            match self.store.delete_events_before(before, PURGE_BATCH).await {
                Ok(n) => {
                    purged += n;
                    if n < PURGE_BATCH as u64 {
                        break;
                    }
                }
                Err(e) => {
                    tracing::warn!(error = %e, "purging old session events failed");
                    break;
                }
            }
            // Requests' writes go between the batches.
            tokio::task::yield_now().await;
        }
        if purged > 0 {
            tracing::info!(purged, "session events past their retention purged");
        }
    }
}

fn millis(duration: Duration) -> i64 {
    i64::try_from(duration.as_millis()).unwrap_or(i64::MAX)
}
