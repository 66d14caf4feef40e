//! Logging: `tracing` to stderr, filtered by `RUST_LOG` (default `info` for the server, `warn`
//! for the admin commands so that their output stays clean). Tokens never reach a log line: the
//! request line logs the path without its query, and `Token`'s `Debug` is redacted.
//!
//! Lines are formatted on the thread that logs them and written by a background thread
//! (`tracing-appender`): one `write` per request line on the serving threads cost the server
//! 30% of its GET throughput (scripts/bench, in-memory store). The writer is not lossy: when it
//! falls behind, logging threads wait rather than drop lines. Keep the returned guard alive
//! until exit; dropping it flushes what is queued.

use std::sync::Mutex;
use std::time::{Duration, Instant};

use tracing_subscriber::EnvFilter;

/// The generated router's log, capped (see [`init`]).
const GENERATED_ROUTER_LOG: &str = "mm_sessions_api::server=error";

/// Installs the global subscriber once; the guard flushes the log when dropped.
#[must_use = "dropping the guard stops the log writer"]
pub fn init(default_level: &str) -> tracing_appender::non_blocking::WorkerGuard {
    let (writer, guard) = tracing_appender::non_blocking::NonBlockingBuilder::default()
        .lossy(false)
        .thread_name("log-writer")
        .finish(std::io::stderr());
    // The generated router warns (via `log`) about every body field it does not model, with the
    // field's name raw: a client could forge log lines with a newline in a key, and write one
    // line per key. Only its errors pass, whatever RUST_LOG says; our layer logs the fields
    // once, escaped, at debug (`http::around_router::quiet_unknown_fields`).
    let filter = EnvFilter::try_from_default_env()
        .unwrap_or_else(|_| EnvFilter::new(default_level))
        .add_directive(GENERATED_ROUTER_LOG.parse().expect("a valid directive"));
    let _ = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(writer)
        .with_ansi(std::io::IsTerminal::is_terminal(&std::io::stderr()))
        .with_target(false)
        .try_init();
    guard
}

/// The longest client-supplied text a log line quotes.
const UNTRUSTED_MAX_CHARS: usize = 64;

/// Client-supplied text made safe for a log line: quoted and escaped (a newline cannot start a
/// forged line, an ANSI escape cannot reach a terminal) and cut to a bounded length.
pub fn untrusted(text: &str) -> String {
    let mut shown: String = text.chars().take(UNTRUSTED_MAX_CHARS).collect();
    if shown.len() < text.len() {
        shown.push('…');
    }
    format!("{shown:?}")
}

/// A kind of log line that anyone can cause at will (a refused login, a forward-auth check
/// naming an unknown role): at most `most` of them are written per `window`, the others are
/// counted and the count is written with the next line that is (or by [`Throttle::flush`]).
/// What each refusal was stays in the metrics, one count each; the log keeps its examples and
/// its totals, so that 3,000 refusals a second cost a few lines, not 3,000.
#[derive(Debug)]
pub struct Throttle {
    window: Duration,
    most: u32,
    state: Mutex<ThrottleState>,
}

#[derive(Debug, Default)]
struct ThrottleState {
    started: Option<Instant>,
    written: u32,
    /// Lines not written since the last one that was.
    unlogged: u64,
}

impl Throttle {
    pub const fn new(window: Duration, most: u32) -> Self {
        Throttle { window, most, state: Mutex::new(ThrottleState { started: None, written: 0, unlogged: 0 }) }
    }

    /// Whether to write this line: `Some(n)` to write it, saying that `n` like it were not
    /// written since the last one; `None` to leave it out (counted).
    pub fn admit(&self) -> Option<u64> {
        let mut state = self.state.lock().unwrap_or_else(|e| e.into_inner());
        let now = Instant::now();
        if state.started.is_none_or(|started| now.duration_since(started) >= self.window) {
            state.started = Some(now);
            state.written = 0;
        }
        if state.written >= self.most {
            state.unlogged += 1;
            return None;
        }
        state.written += 1;
        Some(std::mem::take(&mut state.unlogged))
    }

    /// The lines left out since the last one written, taken (for a periodic summary line).
    pub fn flush(&self) -> u64 {
        std::mem::take(&mut self.state.lock().unwrap_or_else(|e| e.into_inner()).unlogged)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_throttle_writes_a_few_lines_a_window_and_counts_the_rest() {
        let throttle = Throttle::new(Duration::from_millis(200), 3);
        let admitted: Vec<Option<u64>> = (0..10).map(|_| throttle.admit()).collect();
        assert_eq!(admitted[..4], [Some(0), Some(0), Some(0), None]);
        assert!(admitted[3..].iter().all(Option::is_none));
        std::thread::sleep(Duration::from_millis(250));
        assert_eq!(throttle.admit(), Some(7), "the next window's first line says how many were left out");
        throttle.admit();
        throttle.admit();
        throttle.admit();
        assert_eq!(throttle.flush(), 1);
        assert_eq!(throttle.flush(), 0);
    }

    #[test]
    fn untrusted_text_is_escaped_and_bounded() {
        let forged = "x\n2026-11-28T00:00:00Z  INFO logged in user_id=admin\u{1b}[31m";
        let shown = untrusted(forged);
        assert!(!shown.contains('\n') && !shown.contains('\u{1b}'), "{shown}");
        assert!(shown.starts_with('"') && shown.contains("\\n"), "{shown}");
        let long = untrusted(&"a".repeat(1000));
        assert!(long.chars().count() <= UNTRUSTED_MAX_CHARS + 3, "{long}");
    }
}
