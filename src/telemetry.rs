//! Logging: `tracing` to stderr, filtered by `RUST_LOG` (default `info` for the server, `warn`
//! for the admin commands so that their output stays clean). Tokens never reach a log line: the
//! request line logs the path without its query, and `Token`'s `Debug` is redacted.

use tracing_subscriber::EnvFilter;

/// Installs the global subscriber once.
pub fn init(default_level: &str) {
    // The generated router warns (via `log`) about every body field it does not model, such as
    // the JS client's `deviceId` on each login: noise in a server log, so only its errors pass.
    let filter = EnvFilter::try_from_default_env()
        .unwrap_or_else(|_| EnvFilter::new(format!("{default_level},mm_sessions_api::server=error")));
    let _ = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr)
        .with_ansi(std::io::IsTerminal::is_terminal(&std::io::stderr()))
        .with_target(false)
        .try_init();
}
