//! Session events as signed webhooks: every session that begins or ends (and every user
//! deactivated, every second factor turned on or off) is told to the operator's endpoints,
//! at least once, signed as Standard Webhooks sign.
//!
//! # How an event travels
//!
//! 1. **Recorded with its change.** The store writes the event in the transaction of the change
//!    it describes (a transactional outbox, [`crate::domain::event`]), and a trigger adds one
//!    delivery per endpoint that wants its type. A committed revocation always has its event;
//!    a rolled-back one never does; a crash loses neither.
//! 2. **Claimed.** The [`worker`] takes due deliveries with a lease: only the oldest pending one
//!    of each (endpoint, user), so a user's events reach each endpoint in order; on
//!    PostgreSQL, with `FOR UPDATE SKIP LOCKED`, so that each is in flight on one node at a
//!    time, and a node killed mid-delivery leaves it to the others when the lease runs out.
//! 3. **Signed and sent** ([`send`]): `webhook-id` (the same on every attempt), `webhook-timestamp`
//!    and `webhook-signature` (`v1,` HMAC-SHA256 under the endpoint's `whsec_` secret, and under
//!    the previous one too for a day after a rotation); no redirect followed.
//! 4. **Settled.** 2xx: delivered. 410: the endpoint is disabled at once. Anything else (3xx,
//!    4xx, 5xx, a timeout, a refused connection): tried again after the [`schedule`]'s next
//!    step with jitter, and no sooner than a `Retry-After` says; an endpoint failing for longer
//!    than the disable-after setting is disabled. Each endpoint's change of state is one log line.
//!
//! Endpoints are managed with the admin CLI ([`endpoint`] checks their URLs and makes their
//! secrets); events are purged after the retention. `docs/operations.md` has a receiver.

pub mod endpoint;
pub mod schedule;
pub mod send;
pub mod worker;

use std::time::Duration;

/// How deliveries are made: from the settings (`MM_SESSIONS_WEBHOOK_*`).
#[derive(Clone, Debug, PartialEq)]
pub struct WebhookSettings {
    /// The waits between attempts; the last repeats.
    pub retry_schedule: Vec<Duration>,
    /// An endpoint failing this long is disabled.
    pub disable_after: Duration,
    /// One attempt's limit, connection included.
    pub timeout: Duration,
    /// Events are kept this long, then purged (with any delivery still pending).
    pub retention: Duration,
    /// The endpoints of the settings file, made to match in the store at start.
    pub configured: Vec<endpoint::Configured>,
}

/// Svix's schedule, which Standard Webhooks suggests: 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h.
pub const DEFAULT_RETRY_SCHEDULE: &str = "5,300,1800,7200,18000,36000,36000";
/// Five days failing (Svix disables after about that).
pub const DEFAULT_DISABLE_AFTER_SECONDS: u64 = 5 * 24 * 3600;
/// Within Standard Webhooks' suggested 15–30 s.
pub const DEFAULT_TIMEOUT_SECONDS: f64 = 15.0;
/// A week of events, for `webhook replay`.
pub const DEFAULT_RETENTION_DAYS: u32 = 7;

impl Default for WebhookSettings {
    fn default() -> Self {
        WebhookSettings {
            retry_schedule: schedule::parse(DEFAULT_RETRY_SCHEDULE).expect("the default schedule parses"),
            disable_after: Duration::from_secs(DEFAULT_DISABLE_AFTER_SECONDS),
            timeout: Duration::from_secs_f64(DEFAULT_TIMEOUT_SECONDS),
            retention: Duration::from_secs(u64::from(DEFAULT_RETENTION_DAYS) * 24 * 3600),
            configured: Vec::new(),
        }
    }
}
