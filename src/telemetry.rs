//! Logging: `tracing` to stderr, filtered by `RUST_LOG` (default `info` for the server, `warn`
//! for the admin commands so that their output stays clean). Tokens never reach a log line: the
//! request line logs the path without its query, and `Token`'s `Debug` is redacted.
//!
//! Lines are formatted on the thread that logs them and written by a background thread
//! (`tracing-appender`): one `write` per request line on the serving threads cost the server
//! 30% of its GET throughput (scripts/bench, in-memory store). The writer is not lossy: when it
//! falls behind, logging threads wait rather than drop lines. Keep the returned guard alive
//! until exit; dropping it flushes what is queued.

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
    // once, escaped, at debug (`http::generated::quiet_unknown_fields`).
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

#[cfg(test)]
mod tests {
    use super::*;

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
