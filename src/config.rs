//! Configuration: which store, where to listen, the session policy and the limits. Every
//! setting is checked here, by the type that holds it (a value that parses is valid), so the
//! command line ([`crate::cli`]), the tests and the benchmark all get the same rules.
//!
//! **The one source of defaults**: every default is a named constant below (`DEFAULT_…`), used by
//! the `Default` impls and by the command line's `default_value_t`, so `mm-sessions serve --help`
//! shows the number the server runs with. A new setting gets its constant here, its field in
//! the type it belongs to, and its flag in `cli.rs` reading that constant.
//!
//! A leaf: this module uses only value types (`domain`, the permission grants), nothing of
//! `http`, `service`, `store`, `cli` or `app`.

use std::num::{NonZeroU32, NonZeroUsize};
use std::path::PathBuf;
use std::str::FromStr;
use std::time::Duration;

use crate::permissions::Grant;

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
/// Seconds a whole request may take to arrive (Mattermost's `ReadTimeout`).
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

/// Session lifetimes and lifecycle rules, the per-user cap and the login budgets. The
/// lifecycle settings are Mattermost's (`ServiceSettings`), with its defaults for a new install.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SessionPolicy {
    /// Lifetime of a login without a device id (`SessionLengthWebInHours`, 720).
    pub web_length: Duration,
    /// Lifetime of a login with a device id (`SessionLengthMobileInHours`, 720).
    pub mobile_length: Duration,
    /// A web session unused this long is ended (`SessionIdleTimeoutInMinutes`, 43200; `None`:
    /// never). Applies only while extension is off, as in Mattermost.
    pub idle_timeout: Option<Duration>,
    /// Each authenticated request pushes the expiry to now + the length, at most once per
    /// threshold (`ExtendSessionLengthWithActivity`, true).
    pub extend_with_activity: bool,
    /// A password change ends the user's other sessions (`TerminateSessionsOnPasswordChange`,
    /// true).
    pub terminate_on_password_change: bool,
    /// Users may deactivate themselves (`TeamSettings.EnableUserDeactivation`, false).
    pub enable_user_deactivation: bool,
    /// Personal access tokens may be made and used (`EnableUserAccessTokens`, false); off, the
    /// sessions they opened are refused too.
    pub enable_user_access_tokens: bool,
    /// The longest a personal access token may live, in days; a new token must then carry an
    /// expiry (`MaximumPersonalAccessTokenLifetimeDays`; `None`: no limit).
    pub max_token_lifetime_days: Option<NonZeroU32>,
    /// How long audit records are kept (30 days): failed logins write them unauthenticated, so
    /// the table must be bounded.
    pub audit_retention: Duration,
    /// Sessions a user may hold; a login beyond it revokes the least recently used (Mattermost: 500).
    pub max_per_user: NonZeroUsize,
    /// Login attempts per minute from one client address.
    pub login_rate_ip: NonZeroU32,
    /// Login attempts per minute for one account.
    pub login_rate_account: NonZeroU32,
    /// Multi-factor authentication.
    pub mfa: MfaPolicy,
    /// `SiteURL` (""): the address people reach the server at. Its host is the issuer an
    /// authenticator app shows (`Mattermost` when ""), the domain of the cookies with
    /// `AllowCookiesForSubdomains`, and the sign-in page the forward-auth check sends people to.
    /// Checked by [`SiteUrl`] on its way in (a flag, the environment or config.json alike).
    pub site_url: String,
}

/// Multi-factor authentication, as Mattermost's settings have it (`ServiceSettings`, and
/// `GuestAccountsSettings.EnforceMultifactorAuthentication`). The key its secrets are sealed with
/// is apart ([`ServeConfig::mfa_key`]): a secret, not a setting to compare or print.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MfaPolicy {
    /// Users may set up MFA, and logins ask for the code (`EnableMultifactorAuthentication`).
    pub enable: bool,
    /// A user without MFA may do nothing but set it up (`EnforceMultifactorAuthentication`;
    /// Mattermost enforces it only under a licence, here the setting alone does). Needs `enable`.
    pub enforce: bool,
    /// Guests (`system_guest`) too (`GuestAccountsSettings.EnforceMultifactorAuthentication`).
    pub enforce_for_guests: bool,
    /// Wrong codes after which a user's code checks are refused until their password changes or
    /// MFA is turned off (`MaximumLoginAttempts`, 10; Mattermost counts wrong passwords too,
    /// which the login budgets hold here).
    pub maximum_login_attempts: NonZeroU32,
}

impl MfaPolicy {
    /// Enforcement needs MFA enabled. Mattermost starts with `EnforceMultifactorAuthentication`
    /// on and `EnableMultifactorAuthentication` off and then enforces nothing (nobody can set MFA
    /// up, no login is asked for a code): an administrator who asked for enforcement would
    /// believe in a protection that is not there. So here it is a start error, not a warning
    /// in a log nobody reads.
    pub fn check(&self) -> Result<(), String> {
        let enforcement = match (self.enable, self.enforce, self.enforce_for_guests) {
            (true, ..) | (false, false, false) => return Ok(()),
            (false, true, _) => {
                "EnforceMultifactorAuthentication (--enforce-multifactor-authentication, \
                 MM_SERVICESETTINGS_ENFORCEMULTIFACTORAUTHENTICATION)"
            }
            (false, false, true) => {
                "GuestAccountsSettings.EnforceMultifactorAuthentication (--guest-enforce-multifactor-authentication, \
                 MM_GUESTACCOUNTSSETTINGS_ENFORCEMULTIFACTORAUTHENTICATION)"
            }
        };
        Err(format!(
            "{enforcement} is on but EnableMultifactorAuthentication (--enable-multifactor-authentication, \
             MM_SERVICESETTINGS_ENABLEMULTIFACTORAUTHENTICATION) is off: with MFA off nobody can set it up and no \
             login is asked for a code, so the enforcement would enforce nothing, silently (a security gap; \
             Mattermost starts so); turn EnableMultifactorAuthentication on, or the enforcement off"
        ))
    }
}

impl Default for MfaPolicy {
    fn default() -> Self {
        MfaPolicy {
            enable: DEFAULT_ENABLE_MULTIFACTOR_AUTHENTICATION,
            enforce: DEFAULT_ENFORCE_MULTIFACTOR_AUTHENTICATION,
            enforce_for_guests: DEFAULT_ENFORCE_MULTIFACTOR_AUTHENTICATION,
            maximum_login_attempts: DEFAULT_MAXIMUM_LOGIN_ATTEMPTS,
        }
    }
}

/// Hours as a duration.
pub const fn hours(n: u64) -> Duration {
    Duration::from_secs(n * 3600)
}

/// An idle timeout in minutes as the setting has it: 0 is none.
pub fn idle_timeout(minutes: u32) -> Option<Duration> {
    (minutes > 0).then(|| Duration::from_secs(u64::from(minutes) * 60))
}

impl Default for SessionPolicy {
    fn default() -> Self {
        SessionPolicy {
            web_length: hours(u64::from(DEFAULT_SESSION_HOURS.get())),
            mobile_length: hours(u64::from(DEFAULT_SESSION_HOURS.get())),
            idle_timeout: idle_timeout(DEFAULT_SESSION_IDLE_TIMEOUT_MINUTES),
            extend_with_activity: DEFAULT_EXTEND_SESSION_LENGTH_WITH_ACTIVITY,
            terminate_on_password_change: DEFAULT_TERMINATE_SESSIONS_ON_PASSWORD_CHANGE,
            enable_user_deactivation: DEFAULT_ENABLE_USER_DEACTIVATION,
            enable_user_access_tokens: DEFAULT_ENABLE_USER_ACCESS_TOKENS,
            max_token_lifetime_days: NonZeroU32::new(DEFAULT_MAXIMUM_PERSONAL_ACCESS_TOKEN_LIFETIME_DAYS),
            audit_retention: days(DEFAULT_AUDIT_RETENTION_DAYS),
            max_per_user: DEFAULT_MAX_SESSIONS_PER_USER,
            login_rate_ip: DEFAULT_LOGIN_RATE_IP,
            login_rate_account: DEFAULT_LOGIN_RATE_ACCOUNT,
            mfa: MfaPolicy::default(),
            site_url: String::new(),
        }
    }
}

/// The reverse proxies whose `X-Forwarded-For` and `X-Forwarded-Proto` are believed: addresses
/// or CIDR ranges, comma-separated (`10.0.0.0/8,192.168.1.5`). Empty: none (the default).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct TrustedProxies(Vec<ipnet::IpNet>);

impl TrustedProxies {
    /// Whether `addr` is one of them.
    pub fn contains(&self, addr: std::net::IpAddr) -> bool {
        // An IPv4 peer may arrive as an IPv4-mapped IPv6 address on a dual-stack socket.
        let addr = match addr {
            std::net::IpAddr::V6(v6) => v6.to_ipv4_mapped().map_or(addr, std::net::IpAddr::V4),
            v4 => v4,
        };
        self.0.iter().any(|net| net.contains(&addr))
    }
}

impl FromStr for TrustedProxies {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        let mut nets = Vec::new();
        for item in s.split(',').map(str::trim).filter(|i| !i.is_empty()) {
            let net = match item.parse::<ipnet::IpNet>() {
                Ok(net) => net,
                Err(_) => item
                    .parse::<std::net::IpAddr>()
                    .map(ipnet::IpNet::from)
                    .map_err(|_| format!("{item:?} is not an IP address or a CIDR range"))?,
            };
            nets.push(net);
        }
        Ok(TrustedProxies(nets))
    }
}

impl std::fmt::Display for TrustedProxies {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let nets: Vec<String> = self.0.iter().map(ToString::to_string).collect();
        f.write_str(&nets.join(","))
    }
}

/// When session cookies carry `Secure`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum SecureCookies {
    /// When the request came through a trusted proxy that says `X-Forwarded-Proto: https`
    /// (Mattermost marks cookies `Secure` for requests over TLS).
    #[default]
    Auto,
    /// Always (the server is only ever reached over TLS).
    Always,
    /// Never.
    Never,
}

impl FromStr for SecureCookies {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        match s.trim() {
            "auto" => Ok(SecureCookies::Auto),
            "always" => Ok(SecureCookies::Always),
            "never" => Ok(SecureCookies::Never),
            other => Err(format!("{other:?}: expected auto, always or never")),
        }
    }
}

impl std::fmt::Display for SecureCookies {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            SecureCookies::Auto => "auto",
            SecureCookies::Always => "always",
            SecureCookies::Never => "never",
        })
    }
}

/// What the server believes of the proxies in front of it, and what it lets them do.
#[derive(Clone, Debug)]
pub struct ProxySettings {
    pub trusted: TrustedProxies,
    pub secure_cookies: SecureCookies,
    /// Hosts a browser may be sent to after signing in (`--allowed-redirect-hosts`): the
    /// forward-auth check's `redirect_to`, the page's.
    pub allowed_redirect_hosts: AllowedHosts,
    /// Mattermost's CSRF rule at the forward-auth check: a cookie session with an unsafe
    /// original method needs the CSRF header (on by default; off for apps that do their own).
    pub forward_auth_csrf: bool,
    /// Mattermost's `AllowCookiesForSubdomains` (false): the cookies go to `SiteURL`'s host and
    /// its subdomains (`Domain=`), so that apps on subdomains share the sign-in.
    pub allow_cookies_for_subdomains: bool,
}

impl Default for ProxySettings {
    fn default() -> Self {
        ProxySettings {
            trusted: TrustedProxies::default(),
            secure_cookies: SecureCookies::default(),
            allowed_redirect_hosts: AllowedHosts::default(),
            forward_auth_csrf: DEFAULT_FORWARD_AUTH_CSRF,
            allow_cookies_for_subdomains: DEFAULT_ALLOW_COOKIES_FOR_SUBDOMAINS,
        }
    }
}

/// The forward-auth check applies Mattermost's CSRF rule by default.
pub const DEFAULT_FORWARD_AUTH_CSRF: bool = true;
/// Mattermost's `AllowCookiesForSubdomains`.
pub const DEFAULT_ALLOW_COOKIES_FOR_SUBDOMAINS: bool = false;

/// `SiteURL`, checked: empty (Mattermost's default: unset), or an absolute `http://` or
/// `https://` URL with a host, as Mattermost's config check asks
/// (`model.config.is_valid.site_url.app_error`: "Site URL must be a valid URL and start with
/// http:// or https://"), and safer than that check (Go's `url.ParseRequestURI`), which lets
/// `javascript:alert(1)` and `https://evil.com@example.com` through. The value ends up in
/// `Location` headers, cookie domains and the issuer of authenticator apps, so it may not hold:
///
/// - whitespace or a control character: a CR LF would split a header, and the `url` crate
///   (as browsers) silently drops tabs and newlines, so what is checked would not be what is sent;
/// - a character that is not ASCII (a `Location` header takes ASCII only: the host in
///   punycode, the path percent-encoded);
/// - a user name or password (`https://evil.com@example.com` is the host `example.com`, and
///   reads as `evil.com` to a person);
/// - a query or a fragment, which every URL built on it (`SiteURL/?redirect_to=…`) would break;
/// - a backslash, which browsers read as `/` and other parsers do not.
///
/// The text is kept as written (the places that use it trim a trailing `/`).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SiteUrl(String);

impl SiteUrl {
    /// The setting's names, for messages: Mattermost's, and its environment variable.
    const NAMES: &'static str = "SiteURL (--site-url, MM_SERVICESETTINGS_SITEURL)";

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// What is wrong with `s`, if anything; `echo`: whether the message may quote it (not when
    /// it may carry a password).
    fn problem(s: &str) -> Option<(String, bool)> {
        let problem = |text: &str| Some((text.to_owned(), true));
        if s.is_empty() {
            return None;
        }
        if s.chars().any(char::is_control) {
            return problem("it holds a control character");
        }
        if !s.is_ascii() {
            // It is written into `Location` headers as it is, which take ASCII only.
            return problem(
                "it holds a character that is not ASCII (write the host in punycode, the path percent-encoded)",
            );
        }
        let http = s
            .split_once("://")
            .is_some_and(|(scheme, _)| scheme.eq_ignore_ascii_case("http") || scheme.eq_ignore_ascii_case("https"));
        if !http {
            return problem("it does not start with http:// or https://");
        }
        if s.chars().any(char::is_whitespace) {
            return problem("it holds whitespace");
        }
        let after_scheme = s.split_once("://").map_or("", |(_, rest)| rest);
        let authority = after_scheme.split(['/', '?', '#', '\\']).next().unwrap_or("");
        if authority.is_empty() {
            // `http:///x`, which the `url` crate (as browsers) would read as `http://x/`.
            return problem("it has no host");
        }
        if authority.contains('@') {
            return Some(("it has a user name or password before the host".to_owned(), false));
        }
        if s.contains('\\') {
            return problem("it holds a backslash");
        }
        if s.contains('?') {
            return problem("it has a query (?…)");
        }
        if s.contains('#') {
            return problem("it has a fragment (#…)");
        }
        match url::Url::parse(s) {
            Err(e) => Some((format!("it is not a URL ({e})"), true)),
            Ok(url) if url.host_str().is_none_or(str::is_empty) => problem("it has no host"),
            Ok(url) if !url.username().is_empty() || url.password().is_some() => {
                Some(("it has a user name or password before the host".to_owned(), false))
            }
            Ok(_) => None,
        }
    }
}

impl FromStr for SiteUrl {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        match SiteUrl::problem(s) {
            None => Ok(SiteUrl(s.to_owned())),
            // Quoted with escapes: the value itself may hold what would forge a line.
            Some((problem, true)) => Err(format!(
                "invalid {} {s:?}: {problem}; it must be empty or an absolute http:// or https:// URL with a host, \
                 without user name, query, fragment, whitespace or control characters",
                SiteUrl::NAMES
            )),
            Some((problem, false)) => Err(format!(
                "invalid {}: {problem}; it must be empty or an absolute http:// or https:// URL with a host, \
                 without user name, query, fragment, whitespace or control characters",
                SiteUrl::NAMES
            )),
        }
    }
}

impl std::fmt::Display for SiteUrl {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// The cookies' `Domain`, as Mattermost's `GetCookieDomain`: with `AllowCookiesForSubdomains`,
/// `SiteURL`'s host name (no port, no leading dot); otherwise none (host-only cookies).
pub fn cookie_domain(allow_cookies_for_subdomains: bool, site_url: &str) -> Option<String> {
    if !allow_cookies_for_subdomains {
        return None;
    }
    let url = url::Url::parse(site_url.trim()).ok()?;
    url.host_str().map(|h| h.trim_start_matches('[').trim_end_matches(']').to_owned()).filter(|h| !h.is_empty())
}

/// The hosts a browser may be sent to after signing in, as ASCII (IDN hosts in punycode),
/// comma-separated in the setting (`wiki.example.com,grafana.example.com`).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct AllowedHosts(Vec<String>);

impl AllowedHosts {
    /// Each entry a host name, without scheme, port or path.
    pub fn parse(list: &str) -> Result<Self, String> {
        let mut hosts = Vec::new();
        for name in list.split(',').map(str::trim).filter(|n| !n.is_empty()) {
            match url::Host::parse(name) {
                Ok(url::Host::Domain(domain)) if !name.contains(['/', ':', '@', '?', '#']) => hosts.push(domain),
                Ok(url::Host::Ipv4(ip)) => hosts.push(ip.to_string()),
                Ok(url::Host::Ipv6(ip)) => hosts.push(format!("[{ip}]")),
                _ => return Err(format!("{name:?} is not a host name (no scheme, port or path)")),
            }
        }
        Ok(AllowedHosts(hosts))
    }

    /// Whether `host` (as a parsed URL writes it) is allowed.
    pub fn allows(&self, host: &str) -> bool {
        self.0.iter().any(|allowed| allowed == host)
    }
}

impl std::str::FromStr for AllowedHosts {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        AllowedHosts::parse(s)
    }
}

impl std::fmt::Display for AllowedHosts {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0.join(","))
    }
}

/// Limits on each request.
#[derive(Clone, Debug)]
pub struct RequestLimits {
    /// The largest request body accepted (413 beyond it).
    pub max_body: usize,
    /// The whole request, head and body, must arrive within this (Mattermost's `ReadTimeout`,
    /// default 300 s); 408 after it.
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
    /// Sessions held (a user row counts as one).
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
    fn site_urls_are_empty_or_absolute_http_urls_with_a_host() {
        for good in ["", "https://chat.example.com", "http://127.0.0.1:8065/mm", "https://[::1]:8443/", "HTTPS://x.y"] {
            assert_eq!(good.parse::<SiteUrl>().unwrap().as_str(), good);
        }
        for (bad, says) in [
            ("not a url", "http://"),
            ("chat.example.com", "http://"),
            ("javascript:alert(1)", "http://"),
            ("ftp://example.com", "http://"),
            ("https://evil.com@example.com", "user name"),
            ("https://user:pass@example.com", "user name"),
            ("https://example.com\r\nSet-Cookie: x=1", "control"),
            ("https://exa\tmple.com", "control"),
            ("https://bücher.example", "ASCII"),
            ("https://x.example/ü", "ASCII"),
            (" https://example.com", "http://"),
            ("https://example.com/?a=1", "query"),
            ("https://example.com/#top", "fragment"),
            ("https://example.com\\@evil.com", "backslash"),
            ("https://example.com/a\\b", "backslash"),
            ("https://", "no host"),
            ("http:///chat.example.com", "no host"),
            ("https://example.com:99999", "not a URL"),
            ("https://exa mple.com", "whitespace"),
        ] {
            let (problem, _) = SiteUrl::problem(bad).unwrap_or_else(|| panic!("{bad:?} passed"));
            assert!(problem.contains(says), "{bad:?}: {problem}");
            let error = bad.parse::<SiteUrl>().unwrap_err();
            assert!(error.contains("MM_SERVICESETTINGS_SITEURL") && error.contains(&problem), "{bad:?}: {error}");
            assert!(!error.contains('\n') && !error.contains('\r') && !error.contains('\t'), "{error}");
            assert!(!error.contains("pass@"), "a password is not repeated: {error}");
        }
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
