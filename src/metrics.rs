//! Metrics for operators, in Prometheus text format (`prometheus-client`), served at
//! `GET /metrics` (outside `/api/v4`; on its own address with `--metrics-listen`).
//!
//! - `mm_sessions_http_requests_total{operation,status}` and
//!   `mm_sessions_http_request_duration_seconds{operation,status}` (histogram);
//! - `mm_sessions_logins_total{outcome}` (`success`, `invalid_credentials`, `rate_limited`);
//! - `mm_sessions_sessions_revoked_total{reason}` (`revoke`, `revoke_all`, `logout`, `cap`,
//!   `expired`);
//! - `mm_sessions_store_errors_total{call}`: failed store calls, by trait method;
//! - `mm_sessions_connections_closed_total{reason}`: connections the server closed (`cap`: to
//!   make room at the connection cap, `descriptors`: to free a file descriptor when accepting
//!   failed for lack of one, `idle`, `header_timeout`: a request head too slow to arrive,
//!   `request_timeout`);
//! - `mm_sessions_login_rejections_total{budget}`: checks refused by a login budget
//!   ([`crate::login_budget::Budget`]: `address`, `known_device_address`, `account`, `device`,
//!   `in_session`, `in_session_code`);
//! - `mm_sessions_forward_auth_unknown_requirements_total{kind}`: forward-auth checks refused for
//!   naming a `role` or `permission` this server does not know (logged once per name, a few
//!   lines a window beyond the names remembered);
//! - `mm_sessions_active_sessions`: unexpired sessions in the store, counted at scrape time;
//! - the session cache ([`crate::store::cached`]; SQLite only):
//!   `mm_sessions_session_cache_lookups_total{lookup,result}` (`session` by token, a user's
//!   `sessions`, a `user`; `hit` or `miss`), `mm_sessions_session_cache_invalidations_total{scope}`
//!   (`user`: one user's entry forgotten after a write; `all`: everything, after a write by
//!   another process or a purge), `mm_sessions_session_cache_evictions_total` (users dropped to
//!   stay within the bounds), `mm_sessions_session_cache_entries` and
//!   `mm_sessions_session_cache_bytes` (sessions held and their estimated size).

use std::sync::{PoisonError, RwLock};

use prometheus_client::encoding::EncodeLabelSet;
use prometheus_client::metrics::counter::Counter;
use prometheus_client::metrics::family::Family;
use prometheus_client::metrics::gauge::Gauge;
use prometheus_client::metrics::histogram::{exponential_buckets, Histogram};
use prometheus_client::registry::Registry;

use rustc_hash::FxHashMap;

use crate::domain::RevokeReason;

/// An operation name's address and length, and a status.
type RequestKey = (usize, usize, u16);

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
struct RequestLabels {
    operation: &'static str,
    status: u16,
}

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
struct OutcomeLabels {
    outcome: &'static str,
}

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
struct ReasonLabels {
    reason: &'static str,
}

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
struct KindLabels {
    kind: &'static str,
}

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
struct BudgetLabels {
    budget: &'static str,
}

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
struct CallLabels {
    call: &'static str,
}

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
struct LookupLabels {
    lookup: &'static str,
    result: &'static str,
}

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
struct ScopeLabels {
    scope: &'static str,
}

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
struct EndpointLabels {
    endpoint: String,
}

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
struct DeliveryLabels {
    endpoint: String,
    outcome: &'static str,
}

/// Session events' webhooks (src/webhooks/), per endpoint.
struct WebhookMetrics {
    deliveries: Family<DeliveryLabels, Counter>,
    pending: Family<EndpointLabels, Gauge>,
    oldest_pending: Family<EndpointLabels, Gauge>,
    enabled: Family<EndpointLabels, Gauge>,
}

impl WebhookMetrics {
    fn register(registry: &mut Registry) -> Self {
        let metrics = WebhookMetrics {
            deliveries: Family::default(),
            pending: Family::default(),
            oldest_pending: Family::default(),
            enabled: Family::default(),
        };
        registry.register(
            "webhook_attempts",
            "Webhook delivery attempts, by endpoint and outcome (delivered, failed, gone)",
            metrics.deliveries.clone(),
        );
        registry.register("webhook_pending", "Webhook deliveries not yet made, by endpoint", metrics.pending.clone());
        registry.register(
            "webhook_oldest_pending_seconds",
            "Age of the oldest event not yet delivered, by endpoint",
            metrics.oldest_pending.clone(),
        );
        registry.register(
            "webhook_endpoint_enabled",
            "1 while an endpoint is enabled, 0 once disabled",
            metrics.enabled.clone(),
        );
        metrics
    }
}

type LatencyFamily = Family<RequestLabels, Histogram, fn() -> Histogram>;

/// What the session cache was asked for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CacheLookup {
    /// A session by its token.
    Session,
    /// A user's sessions.
    Sessions,
    /// A user by id.
    User,
}

impl CacheLookup {
    pub const ALL: [CacheLookup; 3] = [CacheLookup::Session, CacheLookup::Sessions, CacheLookup::User];

    fn as_str(self) -> &'static str {
        match self {
            CacheLookup::Session => "session",
            CacheLookup::Sessions => "sessions",
            CacheLookup::User => "user",
        }
    }
}

/// The session cache's counters, resolved once: a lookup is a hot-path atomic add, not a
/// family lookup.
struct CacheMetrics {
    /// `[lookup][hit as usize]`.
    lookups: [[Counter; 2]; 3],
    forgot_user: Counter,
    forgot_all: Counter,
    /// Answers sent as the bytes the cache kept, and answers kept.
    answers_served: Counter,
    answers_kept: Counter,
    evictions: Counter,
    entries: Gauge,
    bytes: Gauge,
}

/// The server's metrics; one per process, shared by every request.
pub struct Metrics {
    registry: Registry,
    requests: Family<RequestLabels, Counter>,
    latency: LatencyFamily,
    /// Each (operation, status)'s counter and histogram, taken from the two families above the
    /// first time: a family looks its labels up by their text under a lock (about 340
    /// instructions, twice a request, #40), this map by the operation name's address and
    /// length (its names are `&'static str`) and the status. Bounded by operations × statuses.
    per_request: RwLock<FxHashMap<RequestKey, (Counter, Histogram)>>,
    logins: Family<OutcomeLabels, Counter>,
    revoked: Family<ReasonLabels, Counter>,
    store_errors: Family<CallLabels, Counter>,
    connections_closed: Family<ReasonLabels, Counter>,
    login_rejections: Family<BudgetLabels, Counter>,
    forward_auth_unknown: Family<KindLabels, Counter>,
    active_sessions: Gauge,
    cache: CacheMetrics,
    webhooks: WebhookMetrics,
}

fn latency_histogram() -> Histogram {
    // 50 µs .. ~6.5 s, doubling.
    Histogram::new(exponential_buckets(0.000_05, 2.0, 18))
}

impl Default for Metrics {
    fn default() -> Self {
        let mut registry = Registry::with_prefix("mm_sessions");
        let requests = Family::<RequestLabels, Counter>::default();
        let latency: LatencyFamily = Family::new_with_constructor(latency_histogram);
        let logins = Family::<OutcomeLabels, Counter>::default();
        let revoked = Family::<ReasonLabels, Counter>::default();
        let store_errors = Family::<CallLabels, Counter>::default();
        let connections_closed = Family::<ReasonLabels, Counter>::default();
        let login_rejections = Family::<BudgetLabels, Counter>::default();
        let forward_auth_unknown = Family::<KindLabels, Counter>::default();
        let active_sessions = Gauge::default();
        registry.register("http_requests", "HTTP requests, by operation and status", requests.clone());
        registry.register(
            "http_request_duration_seconds",
            "Time to answer a request, by operation and status",
            latency.clone(),
        );
        registry.register("logins", "Password logins, by outcome", logins.clone());
        registry.register("sessions_revoked", "Sessions ended, by reason", revoked.clone());
        registry.register("store_errors", "Failed store calls, by call", store_errors.clone());
        registry.register(
            "connections_closed",
            "Connections the server closed, by reason (cap, descriptors, idle, header_timeout, request_timeout)",
            connections_closed.clone(),
        );
        registry.register(
            "login_rejections",
            "Password and code checks refused by a login budget, by budget",
            login_rejections.clone(),
        );
        registry.register(
            "forward_auth_unknown_requirements",
            "Forward-auth checks refused for naming an unknown role or permission, by kind",
            forward_auth_unknown.clone(),
        );
        registry.register("active_sessions", "Unexpired sessions in the store", active_sessions.clone());
        let cache = CacheMetrics::register(&mut registry);
        let webhooks = WebhookMetrics::register(&mut registry);
        Metrics {
            registry,
            requests,
            latency,
            per_request: RwLock::default(),
            logins,
            revoked,
            store_errors,
            connections_closed,
            login_rejections,
            forward_auth_unknown,
            active_sessions,
            cache,
            webhooks,
        }
    }
}

impl CacheMetrics {
    fn register(registry: &mut Registry) -> Self {
        let lookups = Family::<LookupLabels, Counter>::default();
        let invalidations = Family::<ScopeLabels, Counter>::default();
        let answers = Family::<OutcomeLabels, Counter>::default();
        let evictions = Counter::default();
        let (entries, bytes) = (Gauge::default(), Gauge::default());
        let lookup =
            |kind: CacheLookup, result| lookups.get_or_create(&LookupLabels { lookup: kind.as_str(), result }).clone();
        let scope = |scope| invalidations.get_or_create(&ScopeLabels { scope }).clone();
        // One at a time: the family's guard lives to the end of the statement that takes it.
        let answers_served = answers.get_or_create(&OutcomeLabels { outcome: "served" }).clone();
        let answers_kept = answers.get_or_create(&OutcomeLabels { outcome: "kept" }).clone();
        let cache = CacheMetrics {
            lookups: CacheLookup::ALL.map(|kind| [lookup(kind, "miss"), lookup(kind, "hit")]),
            forgot_user: scope("user"),
            forgot_all: scope("all"),
            answers_served,
            answers_kept,
            evictions: evictions.clone(),
            entries: entries.clone(),
            bytes: bytes.clone(),
        };
        registry.register("session_cache_lookups", "Session cache lookups, by lookup and result", lookups);
        registry.register(
            "session_cache_invalidations",
            "Session cache entries forgotten after writes, by scope (user, all)",
            invalidations,
        );
        registry.register(
            "session_cache_answers",
            "Answers the session cache kept as bytes (kept), and requests answered with them (served)",
            answers,
        );
        registry.register(
            "session_cache_evictions",
            "Users dropped from the session cache to stay in bounds",
            evictions,
        );
        registry.register("session_cache_entries", "Sessions held by the session cache", entries);
        registry.register("session_cache_bytes", "Estimated bytes held by the session cache", bytes);
        cache
    }
}

impl Metrics {
    /// One answered request.
    pub fn request(&self, operation: &'static str, status: u16, seconds: f64) {
        let key = (operation.as_ptr() as usize, operation.len(), status);
        if let Some((count, latency)) = self.per_request.read().unwrap_or_else(PoisonError::into_inner).get(&key) {
            count.inc();
            latency.observe(seconds);
            return;
        }
        let labels = RequestLabels { operation, status };
        let count = self.requests.get_or_create(&labels).clone();
        let latency = self.latency.get_or_create(&labels).clone();
        count.inc();
        latency.observe(seconds);
        self.per_request.write().unwrap_or_else(PoisonError::into_inner).insert(key, (count, latency));
    }

    /// One login attempt.
    pub fn login(&self, success: bool) {
        let outcome = if success { "success" } else { "invalid_credentials" };
        self.logins.get_or_create(&OutcomeLabels { outcome }).inc();
    }

    /// One password or code check refused by a login budget (its label).
    pub fn login_limited(&self, budget: &'static str) {
        self.logins.get_or_create(&OutcomeLabels { outcome: "rate_limited" }).inc();
        self.login_rejections.get_or_create(&BudgetLabels { budget }).inc();
    }

    /// One forward-auth check refused for naming an unknown `role` or `permission`.
    pub fn forward_auth_unknown(&self, kind: &'static str) {
        self.forward_auth_unknown.get_or_create(&KindLabels { kind }).inc();
    }

    /// `count` connections closed by the server for `reason` (`cap`, `descriptors`, `idle`,
    /// `header_timeout`, `request_timeout`).
    pub fn connection_closed(&self, reason: &'static str, count: u64) {
        if count > 0 {
            self.connections_closed.get_or_create(&ReasonLabels { reason }).inc_by(count);
        }
    }

    /// `count` sessions ended for `reason`.
    pub fn revoked(&self, reason: RevokeReason, count: u64) {
        if count > 0 {
            self.revoked.get_or_create(&ReasonLabels { reason: reason.as_str() }).inc_by(count);
        }
    }

    /// A failed store call.
    pub fn store_error(&self, call: &'static str) {
        self.store_errors.get_or_create(&CallLabels { call }).inc();
    }

    /// A session cache lookup and whether it hit.
    pub fn cache_lookup(&self, lookup: CacheLookup, hit: bool) {
        // Variants are in `CacheLookup::ALL`'s order, which is the array's.
        self.cache.lookups[lookup as usize][usize::from(hit)].inc();
    }

    /// The session cache forgot one user's entry, or everything (`all`).
    pub fn cache_forgot(&self, all: bool) {
        let counter = if all { &self.cache.forgot_all } else { &self.cache.forgot_user };
        counter.inc();
    }

    /// An answer kept as bytes by the session cache (`served`: one sent from those bytes).
    pub fn cache_answer(&self, served: bool) {
        let counter = if served { &self.cache.answers_served } else { &self.cache.answers_kept };
        counter.inc();
    }

    /// The session cache's size after a fill, and how many users it evicted to stay in bounds.
    pub fn cache_size(&self, entries: usize, bytes: usize, evicted: u64) {
        self.cache.entries.set(i64::try_from(entries).unwrap_or(i64::MAX));
        self.cache.bytes.set(i64::try_from(bytes).unwrap_or(i64::MAX));
        if evicted > 0 {
            self.cache.evictions.inc_by(evicted);
        }
    }

    /// One webhook delivery attempt to `endpoint`: `delivered`, `failed` or `gone`.
    pub fn webhook_attempt(&self, endpoint: &str, outcome: &'static str) {
        self.webhooks.deliveries.get_or_create(&DeliveryLabels { endpoint: endpoint.to_owned(), outcome }).inc();
    }

    /// An endpoint's state as the worker last read it: enabled, pending deliveries, and the age
    /// of the oldest pending event in seconds.
    pub fn webhook_endpoint(&self, endpoint: &str, enabled: bool, pending: u64, oldest_seconds: i64) {
        let labels = EndpointLabels { endpoint: endpoint.to_owned() };
        self.webhooks.enabled.get_or_create(&labels).set(i64::from(enabled));
        self.webhooks.pending.get_or_create(&labels).set(i64::try_from(pending).unwrap_or(i64::MAX));
        self.webhooks.oldest_pending.get_or_create(&labels).set(oldest_seconds);
    }

    /// The text exposition, with the active-session count measured just now.
    pub fn render(&self, active_sessions: Option<u64>) -> String {
        if let Some(n) = active_sessions {
            self.active_sessions.set(i64::try_from(n).unwrap_or(i64::MAX));
        }
        let mut text = String::new();
        // Writing into a String cannot fail.
        let _ = prometheus_client::encoding::text::encode(&mut text, &self.registry);
        text
    }
}

#[cfg(test)]
mod tests {
    use super::Metrics;

    fn line<'a>(text: &'a str, start: &str) -> Option<&'a str> {
        text.lines().find(|l| l.starts_with(start))
    }

    /// The handles kept per (operation, status) count into the families `/metrics` shows, each
    /// pair its own, each `Metrics` its own.
    #[test]
    fn requests_are_counted_per_operation_and_status_once_resolved() {
        let (a, b) = (Metrics::default(), Metrics::default());
        for _ in 0..3 {
            a.request("GetMe", 200, 0.001);
        }
        a.request("GetMe", 401, 0.001);
        let owned = String::from("GetMe");
        let other_address: &'static str = Box::leak(owned.into_boxed_str());
        a.request(other_address, 200, 0.001);
        b.request("GetMe", 200, 0.001);

        let text = a.render(None);
        let ok = r#"mm_sessions_http_requests_total{operation="GetMe",status="200"}"#;
        assert_eq!(line(&text, ok), Some(format!("{ok} 4").as_str()), "{text}");
        let refused = r#"mm_sessions_http_requests_total{operation="GetMe",status="401"}"#;
        assert_eq!(line(&text, refused), Some(format!("{refused} 1").as_str()));
        let timed = r#"mm_sessions_http_request_duration_seconds_count{operation="GetMe",status="200"}"#;
        assert_eq!(line(&text, timed), Some(format!("{timed} 4").as_str()));
        assert_eq!(line(&b.render(None), ok), Some(format!("{ok} 1").as_str()));
    }
}
