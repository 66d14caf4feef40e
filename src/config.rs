//! Configuration: which store, where to listen, which extra grants. Parsed from flags and the
//! environment by [`crate::cli`]; validated here.

use std::net::SocketAddr;
use std::path::PathBuf;
use std::str::FromStr;
use std::time::Duration;

use crate::permissions::Grant;
use crate::service::SessionPolicy;

/// The default listen address: Mattermost's port, loopback only.
pub const DEFAULT_LISTEN: &str = "127.0.0.1:8065";
/// The default database: a SQLite file under `./data/`.
pub const DEFAULT_DATABASE: &str = "./data/mm-sessions.db";

/// Which store backs the server.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Database {
    /// A SQLite file (created if missing).
    Sqlite(PathBuf),
    /// In process memory: gone when the process ends.
    Memory,
    /// A PostgreSQL URL: several nodes may share the database.
    Postgres(String),
}

impl FromStr for Database {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        let s = s.trim();
        if s.is_empty() {
            return Err("the database may not be empty".into());
        }
        if s == "memory" {
            return Ok(Database::Memory);
        }
        if s.starts_with("postgres://") || s.starts_with("postgresql://") {
            s.parse::<tokio_postgres::Config>().map_err(|e| format!("invalid PostgreSQL URL: {e}"))?;
            return Ok(Database::Postgres(s.to_owned()));
        }
        Ok(Database::Sqlite(PathBuf::from(s.strip_prefix("sqlite://").unwrap_or(s))))
    }
}

impl std::fmt::Display for Database {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Database::Sqlite(path) => write!(f, "sqlite:{}", path.display()),
            Database::Memory => f.write_str("memory"),
            // Never the password a URL may carry.
            Database::Postgres(url) => match url.parse::<tokio_postgres::Config>() {
                Ok(c) => write!(f, "postgres:{:?}/{}", c.get_hosts().first(), c.get_dbname().unwrap_or("")),
                Err(_) => f.write_str("postgres"),
            },
        }
    }
}

/// Everything the server needs to start.
#[derive(Clone, Debug)]
pub struct ServeConfig {
    pub listen: SocketAddr,
    pub database: Database,
    pub grants: Vec<Grant>,
    /// The largest request body accepted.
    pub max_body: usize,
    /// How long in-flight requests get to finish on shutdown.
    pub shutdown_grace: Duration,
    /// Session lifetimes and the per-user cap.
    pub policy: SessionPolicy,
    /// How often expired sessions are purged.
    pub purge_interval: Duration,
    /// Where `GET /metrics` is served: `None` on the main listener, else only on this address.
    pub metrics_listen: Option<SocketAddr>,
    /// Connections served at once; further clients wait in the listen backlog.
    pub max_connections: usize,
    /// How long a client may take to send its request headers (slow-loris guard).
    pub header_read_timeout: Duration,
}

impl ServeConfig {
    /// Defaults on `database`, listening on `listen`.
    pub fn new(listen: SocketAddr, database: Database) -> Self {
        ServeConfig {
            listen,
            database,
            grants: Vec::new(),
            max_body: crate::http::middleware::DEFAULT_MAX_BODY,
            shutdown_grace: Duration::from_secs(10),
            policy: SessionPolicy::default(),
            purge_interval: Duration::from_secs(60),
            metrics_listen: None,
            max_connections: 1024,
            header_read_timeout: Duration::from_secs(10),
        }
    }
}
