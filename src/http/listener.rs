//! Serving one listener: accept connections up to its cap; at the cap make room by closing the
//! connection that has waited longest for its request ([`super::connections`]), so that a flood
//! of stalled clients cannot lock everyone else out; close keep-alive connections idle too long,
//! and connections whose request head arrives too slowly (the slow-loris guard, kept here rather
//! than by hyper: see [`super::connections`]); and when accepting fails (out of file
//! descriptors), back off instead of spinning and log it once in a while instead of on every try.

use std::convert::Infallible;
use std::future::Future;
use std::net::SocketAddr;
use std::sync::Arc;
use std::time::{Duration, Instant};

use hyper::body::{Body, Incoming};
use hyper::server::conn::http1;
use hyper::Request;
use hyper_util::rt::TokioIo;
use hyper_util::server::graceful::GracefulShutdown;
use tokio::net::TcpListener;

use super::connections::{Connection, Connections, Overdue, Room};
use super::response::HttpResponse;
use super::watched_io::WatchedIo;
use crate::config::ConnectionLimits;
use crate::metrics::Metrics;

/// What a listener serves: a hyper service, one copy per connection.
pub trait ConnectionService:
    hyper::service::Service<Request<Incoming>, Response = HttpResponse, Error = Infallible> + Clone + Send + 'static
{
    /// The copy that serves the connection from `peer`.
    fn for_connection(&self, peer: Peer) -> Self;
    /// Where the listener counts the connections it closes.
    fn metrics(&self) -> Arc<Metrics>;
}

/// The connection a request came on: its address, and its place in the listener's table.
#[derive(Clone)]
pub struct Peer {
    pub addr: SocketAddr,
    connection: Arc<Connection>,
}

impl Peer {
    /// Its request is in: from now on it is being answered, and never closed to make room.
    pub fn answering(&self) {
        self.connection.answering();
    }

    /// Its answer is handed back: it waits for its next request.
    pub fn waiting(&self) {
        self.connection.waiting();
    }

    /// Its request's body has been read whole (hyper has nothing of it left to drain).
    pub fn body_read(&self) {
        self.connection.body_read();
    }
}

/// The most a request's head (request line and headers) may take; hyper answers a larger one
/// with 431 by itself, before any of our code runs.
const MAX_HEADER_BYTES: usize = 16 * 1024;

/// Serves `listener` with `http` until `shutdown` completes; connections are watched by
/// `graceful`, which the caller drains.
pub async fn serve<S>(
    listener: TcpListener,
    http: S,
    limits: ConnectionLimits,
    graceful: &GracefulShutdown,
    shutdown: impl Future<Output = ()>,
) where
    S: ConnectionService,
    S::Future: Send + 'static,
{
    let table = Connections::new(limits.max_connections);
    let metrics = http.metrics();
    let mut builder = http1::Builder::new();
    // The head's deadline is the sweeper's (`close_overdue`), not hyper's: no timer per request.
    builder.header_read_timeout(None).max_buf_size(MAX_HEADER_BYTES);
    // It outlives this loop while connections drain, then ends (`close_overdue`).
    tokio::spawn(close_overdue(table.clone(), limits.clone(), metrics.clone()));
    let mut backoff = AcceptBackoff::default();
    tokio::pin!(shutdown);
    'accepting: loop {
        let (stream, peer) = tokio::select! {
            accepted = listener.accept() => match accepted {
                Ok(accepted) => {
                    backoff.succeeded();
                    accepted
                }
                Err(e) => {
                    // Out of descriptors: free one by closing the longest-waiting connection
                    // (the pending client is then accepted on the next try).
                    if matches!(e.raw_os_error(), Some(libc::EMFILE | libc::ENFILE))
                        && table.shed_longest_waiting() == Room::Made
                    {
                        metrics.connection_closed("descriptors", 1);
                    }
                    let (log, pause) = backoff.failed();
                    if log {
                        tracing::warn!(error = %e, failures = backoff.failures, "accept failed; backing off");
                    }
                    tokio::time::sleep(pause).await;
                    continue;
                }
            },
            () = &mut shutdown => break,
        };
        // At the cap: close the connection waiting longest for its request; if every one is
        // being answered, this one waits for the first to leave or to wait again.
        let room = tokio::select! {
            room = room_for_one_more(&table) => room,
            () = &mut shutdown => break 'accepting,
        };
        if room == Room::Made {
            metrics.connection_closed("cap", 1);
        }
        let connection = Arc::new(table.open());
        let service = http.for_connection(Peer { addr: peer, connection: connection.clone() });
        // hyper calls the service once a request's head is in: its deadline is over.
        let head_in = connection.clone();
        let service = hyper::service::service_fn(move |request: Request<Incoming>| {
            head_in.head_in(!request.body().is_end_stream());
            hyper::service::Service::call(&service, request)
        });
        let io = TokioIo::new(WatchedIo::new(stream, connection.clone()));
        let served = builder.serve_connection(io, service);
        let served = graceful.watch(served);
        tokio::spawn(async move {
            tokio::select! {
                result = served => if let Err(e) = result {
                    tracing::debug!(error = %e, "connection ended with an error");
                },
                // Dropping the connection closes its socket.
                () = connection.closed() => {}
            }
        });
    }
}

/// How often a full listener whose connections are all being answered looks again. A
/// connection handing its answer back (and so waiting for its next request, to be closed for a
/// newcomer) does not wake the accept loop, which would cost every request a barrier; only one
/// leaving does. So while full, the loop also looks at this pace: else clients that keep every
/// connection busy, none ever leaving, would keep a newcomer out for as long as they liked.
const FULL_RECHECK: Duration = Duration::from_millis(20);

/// Room for one more connection ([`Connections::make_room`]): at once below the cap; at it, by
/// closing the connection waiting longest; when every one is being answered, as soon as one
/// leaves or, looked at every [`FULL_RECHECK`], waits again. Never [`Room::None`].
async fn room_for_one_more(table: &Connections) -> Room {
    loop {
        // Before looking: a connection that leaves in between still wakes the wait.
        let freed = table.freed();
        match table.make_room() {
            Room::None => tokio::select! {
                () = freed => {}
                () = tokio::time::sleep(FULL_RECHECK) => {}
            },
            room => return room,
        }
    }
}

/// Closes connections that waited longer than the idle timeout for a request, or whose request
/// head has taken longer than the head timeout since its first byte; looking a few times per the
/// shorter of the two (so a head may take up to a quarter longer, at most a second). It runs
/// until the listener has stopped and every connection has gone (the table then has no other
/// owner), so connections draining at shutdown still meet their deadlines.
async fn close_overdue(table: Arc<Connections>, limits: ConnectionLimits, metrics: Arc<Metrics>) {
    let (idle, head) = (limits.idle_timeout, limits.header_read_timeout);
    let every = (idle.min(head) / 4).clamp(Duration::from_millis(50), Duration::from_secs(1));
    let mut ticker = tokio::time::interval(every);
    ticker.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    loop {
        ticker.tick().await;
        let Overdue { idle: idle_closed, head: head_closed } = table.close_overdue(idle, head);
        metrics.connection_closed("idle", idle_closed as u64);
        metrics.connection_closed("header_timeout", head_closed as u64);
        if Arc::strong_count(&table) == 1 {
            return;
        }
    }
}

/// Exponential back-off on accept errors, logged when they start and then every 10 s.
#[derive(Default)]
struct AcceptBackoff {
    delay: Duration,
    failures: u64,
    logged_at: Option<Instant>,
}

impl AcceptBackoff {
    const FIRST: Duration = Duration::from_millis(10);
    const MOST: Duration = Duration::from_secs(1);
    const LOG_EVERY: Duration = Duration::from_secs(10);

    /// One more failure: whether to log it, and how long to pause.
    fn failed(&mut self) -> (bool, Duration) {
        self.failures += 1;
        let log = self.logged_at.is_none_or(|at| at.elapsed() >= Self::LOG_EVERY);
        if log {
            self.logged_at = Some(Instant::now());
        }
        self.delay = (self.delay * 2).clamp(Self::FIRST, Self::MOST);
        (log, self.delay)
    }

    fn succeeded(&mut self) {
        if self.failures > 0 {
            tracing::info!(failures = self.failures, "accepting again");
            *self = AcceptBackoff::default();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A full listener whose connections are all being answered admits the next one as soon as
    /// one of them waits again (closing it), though none leaves.
    #[tokio::test]
    async fn a_full_listener_makes_room_once_a_connection_waits_again() {
        let table = Connections::new(std::num::NonZeroUsize::MIN);
        let busy = table.open();
        busy.answering();
        let room = room_for_one_more(&table);
        tokio::pin!(room);
        let short = Duration::from_millis(100);
        assert!(tokio::time::timeout(short, &mut room).await.is_err(), "no room while it is answered");
        // Its answer is handed back: it waits for its next request, and stays open.
        busy.waiting();
        let made = tokio::time::timeout(Duration::from_secs(5), room).await.expect("room once it waits");
        assert_eq!(made, Room::Made);
        tokio::time::timeout(short, busy.closed()).await.expect("the waiting connection is told to close");
        assert!(table.is_empty());
    }

    #[test]
    fn accept_failures_back_off_and_are_logged_once_in_a_while() {
        let mut backoff = AcceptBackoff::default();
        let decisions: Vec<(bool, Duration)> = (0..50).map(|_| backoff.failed()).collect();
        assert_eq!(decisions.iter().filter(|(log, _)| *log).count(), 1, "one line for a burst of failures");
        assert_eq!(decisions[0].1, AcceptBackoff::FIRST);
        assert!(decisions.windows(2).all(|w| w[1].1 >= w[0].1), "pauses never shrink");
        assert_eq!(decisions[49].1, AcceptBackoff::MOST);
        backoff.succeeded();
        assert_eq!(backoff.failed(), (true, AcceptBackoff::FIRST), "a new burst is logged again");
    }
}
