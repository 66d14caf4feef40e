//! The limits of requests, connections and the session cache.

use std::num::{NonZeroU32, NonZeroUsize};
use std::time::Duration;

use super::{
    nzusize, seconds, DEFAULT_BODY_GRACE_SECS, DEFAULT_HEADER_READ_TIMEOUT_SECS, DEFAULT_IDLE_TIMEOUT_SECS,
    DEFAULT_MAX_BODY, DEFAULT_MAX_CONNECTIONS, DEFAULT_METRICS_CONNECTIONS, DEFAULT_MIN_BODY_RATE,
    DEFAULT_READ_TIMEOUT_SECS,
};

/// Limits on each request.
#[derive(Clone, Debug)]
pub struct RequestLimits {
    /// The largest request body accepted (413 beyond it).
    pub max_body: usize,
    /// A request's body must arrive within this once its head is in (Mattermost's `ReadTimeout`,
    /// default 300 s, which Go counts from the head's start; the head has its own deadline,
    /// [`ConnectionLimits::header_read_timeout`]); 408 after it.
    pub read_timeout: Duration,
    /// After this grace, the body must keep arriving at `min_body_rate` on average (Kestrel's
    /// rule: a trickle of bytes cannot hold a connection for the whole read timeout).
    pub body_grace: Duration,
    /// Bytes a second (Kestrel's default: 240).
    pub min_body_rate: NonZeroU32,
}

impl Default for RequestLimits {
    fn default() -> Self {
        RequestLimits {
            max_body: DEFAULT_MAX_BODY,
            read_timeout: seconds(DEFAULT_READ_TIMEOUT_SECS),
            body_grace: Duration::from_secs(DEFAULT_BODY_GRACE_SECS),
            min_body_rate: DEFAULT_MIN_BODY_RATE,
        }
    }
}

/// Limits on the connections of one listener.
#[derive(Clone, Debug)]
pub struct ConnectionLimits {
    /// Connections served at once; at the cap, the one that has waited longest for its request
    /// is closed to make room.
    pub max_connections: NonZeroUsize,
    /// How long a client may take to send a request's head (slow-loris guard).
    pub header_read_timeout: Duration,
    /// How long a connection may wait for its next request (Mattermost's `IdleTimeout`,
    /// default 60 s).
    pub idle_timeout: Duration,
}

impl ConnectionLimits {
    /// The metrics listener's: a scraper needs a few connections.
    pub fn for_metrics(&self) -> Self {
        ConnectionLimits { max_connections: DEFAULT_METRICS_CONNECTIONS, ..self.clone() }
    }
}

impl Default for ConnectionLimits {
    fn default() -> Self {
        ConnectionLimits {
            max_connections: DEFAULT_MAX_CONNECTIONS,
            header_read_timeout: Duration::from_secs(DEFAULT_HEADER_READ_TIMEOUT_SECS),
            idle_timeout: seconds(DEFAULT_IDLE_TIMEOUT_SECS),
        }
    }
}

/// How much the session cache may hold.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CacheLimits {
    /// Sessions held (their users' rows are held beside them, within [`Self::bytes`]).
    pub entries: NonZeroUsize,
    /// The estimated bytes of what is held.
    pub bytes: NonZeroUsize,
}

impl CacheLimits {
    /// Sessions held by default: Mattermost's 35,000. A web session with its props takes about
    /// 600 bytes here (packed props, `crate::domain::Props`), so the cache stays under 28 MiB and
    /// the server under 64 MiB with a million stored sessions (docs/performance.md).
    pub const DEFAULT_ENTRIES: usize = 35_000;
    /// The bytes allowed per entry, by the cache's estimate of what a session takes: a web
    /// session as a login makes it is about 600; this leaves room for larger props without
    /// letting them grow the cache past its share.
    pub const BYTES_PER_ENTRY: usize = 800;

    /// The answers the cache keeps as bytes (#40) have a budget of their own beside the
    /// sessions': a quarter of theirs (6.7 MiB by default). Counted in the sessions' bytes, a
    /// user's kept list (4 KB for ten sessions) cost the cache a tenth of the sessions it held
    /// (30,195 instead of 33,253 at a million stored: docs/performance.md).
    pub fn answer_bytes(&self) -> usize {
        self.bytes.get() / 4
    }

    /// At most `entries` sessions, and [`Self::BYTES_PER_ENTRY`] bytes for each.
    pub fn for_entries(entries: NonZeroUsize) -> Self {
        CacheLimits { entries, bytes: entries.saturating_mul(nzusize(Self::BYTES_PER_ENTRY)) }
    }
}

impl Default for CacheLimits {
    fn default() -> Self {
        Self::for_entries(nzusize(Self::DEFAULT_ENTRIES))
    }
}
