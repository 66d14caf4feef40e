//! Configuration: which store, where to listen, the session policy and the limits. Every
//! setting is checked here, by the type that holds it (a value that parses is valid), so the
//! command line ([`crate::cli`]), the tests and the benchmark all get the same rules.
//!
//! **The one source of defaults**: every default is a named constant below (`DEFAULT_…`), used by
//! the `Default` impls and by the command line's `default_value_t`, so `mm-sessions serve --help`
//! shows the number the server runs with. A new setting gets its constant here, its field in
//! the type it belongs to, and its flag in `cli/flags.rs` reading that constant.
//!
//! Its parts: here the defaults, the store and listen addresses and the server's whole
//! configuration; `policy` the session policy; `proxies` trusted proxies, cookies and
//! forward-auth; `site_url` SiteURL; `limits` requests, connections and the session cache;
//! `sso` single sign-on's services and the rules for the accounts they make.
//!
//! A leaf: this module uses only value types (`domain`, the permission grants), nothing of
//! `http`, `service`, `store`, `cli` or `app`.

use std::num::{NonZeroU32, NonZeroUsize};
use std::path::PathBuf;
use std::str::FromStr;
use std::time::Duration;

use crate::permissions::Grant;

mod limits;
mod policy;
mod proxies;
pub mod settings;
mod site_url;
mod sso;

pub use limits::*;
pub use policy::*;
pub use proxies::*;
pub use site_url::*;
pub use sso::*;

/// The default listen address: Mattermost's port, loopback only.
pub const DEFAULT_LISTEN: &str = "127.0.0.1:8065";
/// The default database: a SQLite file under `./data/`.
pub const DEFAULT_DATABASE: &str = "./data/mm-sessions.db";
/// The largest request body accepted (Mattermost's own limit for these routes is far above what
/// they need; a session id fits in 100 bytes).
pub const DEFAULT_MAX_BODY: usize = 64 * 1024;
/// The default lifetime of a session, web or mobile: Mattermost's `SessionLengthWebInHours` and
/// `SessionLengthMobileInHours`, 720 hours (30 days).
pub const DEFAULT_SESSION_HOURS: NonZeroU32 = nz32(720);
/// The default lifetime of a session `session create` issues, in days.
pub const DEFAULT_CLI_SESSION_DAYS: u32 = 30;
/// Mattermost's `SessionIdleTimeoutInMinutes`: 43,200 minutes (30 days).
pub const DEFAULT_SESSION_IDLE_TIMEOUT_MINUTES: u32 = 43_200;
/// Mattermost's `ExtendSessionLengthWithActivity`.
pub const DEFAULT_EXTEND_SESSION_LENGTH_WITH_ACTIVITY: bool = true;
/// Mattermost's `TerminateSessionsOnPasswordChange` (true on a new install).
pub const DEFAULT_TERMINATE_SESSIONS_ON_PASSWORD_CHANGE: bool = true;
/// Mattermost's `TeamSettings.EnableUserDeactivation`.
pub const DEFAULT_ENABLE_USER_DEACTIVATION: bool = false;
/// Mattermost's `EnableUserAccessTokens`: personal access tokens are off on a new install.
pub const DEFAULT_ENABLE_USER_ACCESS_TOKENS: bool = false;
/// Mattermost's `MaximumPersonalAccessTokenLifetimeDays`: 0, no limit (nor a required expiry).
pub const DEFAULT_MAXIMUM_PERSONAL_ACCESS_TOKEN_LIFETIME_DAYS: u32 = 0;
/// Mattermost's `EnableMultifactorAuthentication`.
pub const DEFAULT_ENABLE_MULTIFACTOR_AUTHENTICATION: bool = false;
/// Mattermost's `EnforceMultifactorAuthentication` (and the guests' setting of that name).
pub const DEFAULT_ENFORCE_MULTIFACTOR_AUTHENTICATION: bool = false;
/// Mattermost's `MaximumLoginAttempts` (here: wrong MFA codes).
pub const DEFAULT_MAXIMUM_LOGIN_ATTEMPTS: NonZeroU32 = nz32(10);
/// Days audit records are kept.
pub const DEFAULT_AUDIT_RETENTION_DAYS: NonZeroU32 = nz32(30);
/// Sessions one user may hold (Mattermost's 500).
pub const DEFAULT_MAX_SESSIONS_PER_USER: NonZeroUsize = nzusize(500);
/// Login attempts a minute from one client address.
pub const DEFAULT_LOGIN_RATE_IP: NonZeroU32 = nz32(60);
/// Login attempts a minute for one account.
pub const DEFAULT_LOGIN_RATE_ACCOUNT: NonZeroU32 = nz32(20);
/// Connections served at once.
pub const DEFAULT_MAX_CONNECTIONS: NonZeroUsize = nzusize(1024);
/// Connections to the metrics listener: a scraper needs a few.
pub const DEFAULT_METRICS_CONNECTIONS: NonZeroUsize = nzusize(8);
/// Seconds a request's body may take to arrive once its head is in (Mattermost's `ReadTimeout`).
pub const DEFAULT_READ_TIMEOUT_SECS: NonZeroU32 = nz32(300);
/// Seconds a connection may wait for its next request (Mattermost's `IdleTimeout`).
pub const DEFAULT_IDLE_TIMEOUT_SECS: NonZeroU32 = nz32(60);
/// Seconds a client may take to send a request's head (the slow-loris guard).
pub const DEFAULT_HEADER_READ_TIMEOUT_SECS: u64 = 10;
/// After this many seconds a body must keep arriving at the minimum rate.
pub const DEFAULT_BODY_GRACE_SECS: u64 = 5;
/// The minimum body rate, in bytes a second (Kestrel's).
pub const DEFAULT_MIN_BODY_RATE: NonZeroU32 = nz32(240);
/// Seconds in-flight requests get to finish on shutdown.
pub const DEFAULT_SHUTDOWN_GRACE_SECS: u64 = 10;
/// Seconds between purges of expired sessions and old audit records.
pub const DEFAULT_PURGE_INTERVAL_SECS: u64 = 60;

/// A compile-time non-zero constant.
const fn nz32(n: u32) -> NonZeroU32 {
    match NonZeroU32::new(n) {
        Some(n) => n,
        None => panic!("zero"),
    }
}

/// A compile-time non-zero constant.
const fn nzusize(n: usize) -> NonZeroUsize {
    match NonZeroUsize::new(n) {
        Some(n) => n,
        None => panic!("zero"),
    }
}

/// Seconds as a duration.
pub fn seconds(n: NonZeroU32) -> Duration {
    Duration::from_secs(u64::from(n.get()))
}

/// Days as a duration.
pub fn days(n: NonZeroU32) -> Duration {
    hours(24 * u64::from(n.get()))
}

/// Which store backs the server.
#[derive(Clone, PartialEq, Eq)]
pub enum Database {
    /// A SQLite file.
    Sqlite(PathBuf),
    /// In process memory: gone when the process ends.
    Memory,
    /// A PostgreSQL URL: several nodes may share the database. Shown only through
    /// [`Database`]'s `Display`, which never includes a password.
    Postgres(String),
}

impl Database {
    /// Whether this is the default SQLite file (`./data/mm-sessions.db`), the only path whose
    /// missing folder is created without asking.
    pub fn is_default(&self) -> bool {
        matches!(self, Database::Sqlite(path) if path.as_path() == std::path::Path::new(DEFAULT_DATABASE))
    }
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
            // Not the parser's own message: it may quote the URL, password and all.
            s.parse::<tokio_postgres::Config>().map_err(|_| "invalid PostgreSQL URL".to_string())?;
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
            // The user, hosts, ports and database name; never the password a URL may carry.
            Database::Postgres(url) => {
                let Ok(c) = url.parse::<tokio_postgres::Config>() else { return f.write_str("postgres://") };
                let hosts: Vec<String> = c
                    .get_hosts()
                    .iter()
                    .enumerate()
                    .map(|(i, host)| {
                        let host = match host {
                            tokio_postgres::config::Host::Tcp(name) => name.clone(),
                            #[cfg(unix)]
                            tokio_postgres::config::Host::Unix(path) => path.display().to_string(),
                        };
                        match c.get_ports().get(i).or(c.get_ports().first()) {
                            Some(port) => format!("{host}:{port}"),
                            None => host,
                        }
                    })
                    .collect();
                let user = c.get_user().map(|u| format!("{u}@")).unwrap_or_default();
                write!(f, "postgres://{user}{}/{}", hosts.join(","), c.get_dbname().unwrap_or(""))
            }
        }
    }
}

// Debug is Display: the derived form would print the URL with its password.
impl std::fmt::Debug for Database {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Database({self})")
    }
}

/// A listen address: `HOST:PORT`, where the host is an IP address (IPv6 in brackets) or a name
/// (`localhost:8066`), resolved when the server binds.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ListenAddr {
    host: String,
    port: u16,
}

impl ListenAddr {
    /// The host part, without brackets; empty for every interface (`:PORT`).
    pub fn host(&self) -> &str {
        &self.host
    }

    /// The port (0: any free port).
    pub fn port(&self) -> u16 {
        self.port
    }
}

impl FromStr for ListenAddr {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        let bad = || {
            format!("invalid listen address {s:?}: expected HOST:PORT, e.g. 127.0.0.1:8065 or localhost:8065, or :PORT")
        };
        let (host, port) = s.trim().rsplit_once(':').ok_or_else(bad)?;
        let port = port.parse::<u16>().map_err(|_| bad())?;
        if host.is_empty() {
            // Mattermost's `ListenAddress` default, ":8065": every interface.
            return Ok(ListenAddr { host: String::new(), port });
        }
        let host = match host.strip_prefix('[').and_then(|h| h.strip_suffix(']')) {
            Some(v6) => v6.parse::<std::net::Ipv6Addr>().map_err(|_| bad())?.to_string(),
            None if host.contains(':') => return Err(bad()),
            None => host.to_owned(),
        };
        let valid_name = !host.is_empty()
            && host.len() <= 253
            && host.bytes().all(|b| b.is_ascii_alphanumeric() || b".-_:".contains(&b));
        if !valid_name {
            return Err(bad());
        }
        Ok(ListenAddr { host, port })
    }
}

impl std::fmt::Display for ListenAddr {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.host.contains(':') {
            write!(f, "[{}]:{}", self.host, self.port)
        } else if self.host.is_empty() {
            write!(f, ":{}", self.port)
        } else {
            write!(f, "{}:{}", self.host, self.port)
        }
    }
}

impl From<std::net::SocketAddr> for ListenAddr {
    fn from(addr: std::net::SocketAddr) -> Self {
        ListenAddr { host: addr.ip().to_string(), port: addr.port() }
    }
}

/// The mobile apps' versions `GET /system/ping` reports (Mattermost's `ClientRequirements`:
/// empty by default, which the apps read as no requirement).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ClientRequirements {
    pub android_latest_version: String,
    pub android_min_version: String,
    pub ios_latest_version: String,
    pub ios_min_version: String,
}

/// Everything the server needs to start.
#[derive(Clone, Debug)]
pub struct ServeConfig {
    pub listen: ListenAddr,
    pub database: Database,
    /// Extra permissions for roles (`--grant`).
    pub grants: Vec<Grant>,
    /// Session lifetimes, the per-user cap and the login budgets.
    pub policy: SessionPolicy,
    /// Limits on each request.
    pub requests: RequestLimits,
    /// Trusted proxies and the cookies' `Secure` flag.
    pub proxies: ProxySettings,
    /// What `GET /system/ping` says of the mobile apps' versions.
    pub client_requirements: ClientRequirements,
    /// Limits on the main listener's connections (the metrics listener has a smaller cap).
    pub connections: ConnectionLimits,
    /// How long in-flight requests get to finish on shutdown.
    pub shutdown_grace: Duration,
    /// How often expired sessions are purged.
    pub purge_interval: Duration,
    /// Where `GET /metrics` is served: `None` on the main listener, else only on this address.
    pub metrics_listen: Option<ListenAddr>,
    /// The time the service reads (tests move it forward).
    pub clock: crate::domain::Clock,
    /// The session cache's bounds; `None` turns it off. Only a store that can tell writes made
    /// by anyone else gets one (`store::Stores::cached`).
    pub session_cache: Option<CacheLimits>,
    /// The operator's key for MFA secrets at rest (`None`: stored in clear, as Mattermost
    /// stores them; `crate::mfa::seal`).
    pub mfa_key: Option<crate::mfa::SecretKey>,
    /// Single sign-on's services (none enabled by default).
    pub sso: SsoConfig,
    /// How session events are delivered to webhook endpoints.
    pub webhooks: crate::webhooks::WebhookSettings,
}

impl ServeConfig {
    /// Defaults on `database`, listening on `listen`.
    pub fn new(listen: impl Into<ListenAddr>, database: Database) -> Self {
        ServeConfig {
            listen: listen.into(),
            database,
            grants: Vec::new(),
            policy: SessionPolicy::default(),
            requests: RequestLimits::default(),
            proxies: ProxySettings::default(),
            client_requirements: ClientRequirements::default(),
            connections: ConnectionLimits::default(),
            shutdown_grace: Duration::from_secs(DEFAULT_SHUTDOWN_GRACE_SECS),
            purge_interval: Duration::from_secs(DEFAULT_PURGE_INTERVAL_SECS),
            metrics_listen: None,
            clock: crate::domain::Clock::system(),
            session_cache: Some(CacheLimits::default()),
            mfa_key: None,
            sso: SsoConfig::default(),
            webhooks: crate::webhooks::WebhookSettings::default(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn listen_addresses_take_names_and_ips() {
        let a: ListenAddr = "localhost:8066".parse().unwrap();
        assert_eq!((a.host(), a.port()), ("localhost", 8066));
        assert_eq!("127.0.0.1:0".parse::<ListenAddr>().unwrap().to_string(), "127.0.0.1:0");
        assert_eq!("[::1]:80".parse::<ListenAddr>().unwrap().to_string(), "[::1]:80");
        // Mattermost's `:PORT`: every interface.
        let every: ListenAddr = ":8065".parse().unwrap();
        assert_eq!((every.host(), every.port(), every.to_string().as_str()), ("", 8065, ":8065"));
        for bad in ["localhost", ":", ":x", "host:99999", "a b:80", "::1:80", "[nope]:80", "host:"] {
            assert!(bad.parse::<ListenAddr>().is_err(), "{bad}");
        }
    }

    #[test]
    fn trusted_proxies_are_addresses_or_ranges() {
        let proxies: TrustedProxies = "10.0.0.0/8, 192.168.1.5,::1".parse().unwrap();
        for trusted in ["10.1.2.3", "192.168.1.5", "::1", "::ffff:10.0.0.1"] {
            assert!(proxies.contains(trusted.parse().unwrap()), "{trusted}");
        }
        for untrusted in ["11.0.0.1", "192.168.1.6", "::2"] {
            assert!(!proxies.contains(untrusted.parse().unwrap()), "{untrusted}");
        }
        assert!("10.0.0.0/33".parse::<TrustedProxies>().is_err());
        assert!("proxy.example".parse::<TrustedProxies>().is_err());
        assert_eq!("".parse::<TrustedProxies>().unwrap(), TrustedProxies::default());
    }

    #[test]
    fn enforcing_mfa_needs_it_enabled() {
        let policy = |enable, enforce, enforce_for_guests| MfaPolicy {
            enable,
            enforce,
            enforce_for_guests,
            ..MfaPolicy::default()
        };
        for ok in [
            policy(false, false, false),
            policy(true, true, true),
            policy(true, false, true),
            policy(true, true, false),
        ] {
            assert_eq!(ok.check(), Ok(()), "{ok:?}");
        }
        let error = policy(false, true, false).check().unwrap_err();
        assert!(
            error.contains("EnforceMultifactorAuthentication") && error.contains("EnableMultifactorAuthentication")
        );
        let error = policy(false, false, true).check().unwrap_err();
        assert!(error.contains("MM_GUESTACCOUNTSSETTINGS_ENFORCEMULTIFACTORAUTHENTICATION"), "{error}");
    }

    #[test]
    fn a_postgres_url_never_shows_its_password() {
        let db: Database = "postgres://mm:s3cret@db.example:5433/sessions?sslmode=disable".parse().unwrap();
        for shown in [db.to_string(), format!("{db:?}")] {
            assert!(!shown.contains("s3cret"), "{shown}");
            assert!(shown.contains("postgres://mm@db.example:5433/sessions"), "{shown}");
        }
        let err = "postgres://mm:s3cret@host:notaport/db".parse::<Database>().unwrap_err();
        assert!(!err.contains("s3cret"), "{err}");
    }
}
