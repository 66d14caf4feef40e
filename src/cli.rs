//! The command line: `mm-sessions` (or `mm-sessions serve`) runs the server; `user …`,
//! `session …` and `token …` are the admin commands, working on the same store through the same service
//! (safe while the server runs on SQLite: WAL lets them in beside it).
//!
//! Server flags belong to the server: an admin command's help lists only what it takes. The
//! session policy (lifetimes, the per-user cap) is read from the environment by every command,
//! so that `session create` obeys the same cap as the server it runs beside.

use std::io::BufRead as _;
use std::num::{NonZeroU32, NonZeroUsize};
use std::process::ExitCode;

use clap::{Args, Parser, Subcommand};

use crate::app::{self, shutdown_signal, Application, OpenMode};
use crate::config::{
    self, AllowedHosts, CacheLimits, Database, ListenAddr, ProxySettings, SecureCookies, ServeConfig, SessionPolicy,
    SiteUrl, TrustedProxies, DEFAULT_DATABASE, DEFAULT_LISTEN,
};
use crate::domain::NewUser;
use crate::error::AppError;
use crate::permissions::Grant;
use crate::service::{Actor, NewToken, PasswordChange, SessionService};

/// The environment variable that may carry a password for `user create` / `user set-password`.
const PASSWORD_ENV: &str = "MM_SESSIONS_PASSWORD";

/// A spec-first server for Mattermost's user-session API (API v4).
#[derive(Debug, Parser)]
#[command(name = "mm-sessions", version, about)]
pub struct Cli {
    /// The store: a SQLite file path, `memory`, or a postgres:// URL.
    #[arg(long, env = "MM_SESSIONS_DATABASE", default_value = DEFAULT_DATABASE, global = true, value_parser = DatabaseParser)]
    pub database: Database,

    /// Mattermost's config.json: the settings we share with Mattermost are read from it; a flag
    /// or an environment variable wins over it. Read before the rest (`main`).
    #[arg(long, env = crate::config_file::ENV, global = true, value_name = "PATH")]
    pub config: Option<std::path::PathBuf>,

    #[command(flatten)]
    pub server: ServerArgs,

    #[command(subcommand)]
    pub command: Option<Command>,
}

/// The server's flags (`mm-sessions [FLAGS]` or `mm-sessions serve [FLAGS]`).
#[derive(Clone, Debug, Args)]
pub struct ServerArgs {
    /// Where the server listens: HOST:PORT, e.g. 127.0.0.1:8065 or localhost:8065.
    #[arg(long, env = "MM_SESSIONS_LISTEN", default_value = DEFAULT_LISTEN)]
    pub listen: ListenAddr,

    /// Grant a permission to a role, e.g. `system_user_manager=edit_other_users` (repeatable;
    /// `system_admin` always holds every permission).
    #[arg(long = "grant", value_name = "ROLE=PERMISSION", env = "MM_SESSIONS_GRANTS", value_delimiter = ',')]
    pub grants: Vec<Grant>,

    /// Serve `GET /metrics` only on this address (default: on the main listener).
    #[arg(long, env = "MM_SESSIONS_METRICS_LISTEN", value_name = "HOST:PORT")]
    pub metrics_listen: Option<ListenAddr>,

    /// Connections served at once; at the cap, the one that has waited longest for its request
    /// is closed to make room for a new one.
    #[arg(long, env = "MM_SESSIONS_MAX_CONNECTIONS", default_value_t = config::DEFAULT_MAX_CONNECTIONS)]
    pub max_connections: NonZeroUsize,

    /// Seconds a whole request (head and body) may take to arrive; 408 after it (Mattermost's
    /// ReadTimeout).
    #[arg(long, env = "MM_SERVICESETTINGS_READTIMEOUT", default_value_t = config::DEFAULT_READ_TIMEOUT_SECS,
        value_name = "SECONDS")]
    pub read_timeout: NonZeroU32,

    /// Seconds a connection may wait for its next request before it is closed (Mattermost's
    /// IdleTimeout).
    #[arg(long, env = "MM_SERVICESETTINGS_IDLETIMEOUT", default_value_t = config::DEFAULT_IDLE_TIMEOUT_SECS,
        value_name = "SECONDS")]
    pub idle_timeout: NonZeroU32,

    /// Reverse proxies whose X-Forwarded-For and X-Forwarded-Proto are believed: addresses or
    /// CIDR ranges, comma-separated (e.g. 10.0.0.0/8). Default: none.
    #[arg(long, env = "MM_SESSIONS_TRUSTED_PROXIES", default_value_t, value_name = "ADDRS")]
    pub trusted_proxies: TrustedProxies,

    /// When cookies carry Secure: `auto` (when a trusted proxy says X-Forwarded-Proto: https),
    /// `always` or `never`.
    #[arg(long, env = "MM_SESSIONS_SECURE_COOKIES", default_value_t = SecureCookies::Auto)]
    pub secure_cookies: SecureCookies,

    /// Hosts a browser may be sent to after signing in (`redirect_to`, the forward-auth check):
    /// host names, comma-separated (e.g. wiki.example.com). Default: none (paths here only).
    #[arg(long, env = "MM_SESSIONS_ALLOWED_REDIRECT_HOSTS", default_value_t, value_name = "HOSTS")]
    pub allowed_redirect_hosts: AllowedHosts,

    /// Apply Mattermost's CSRF rule at the forward-auth check: a cookie session with an unsafe
    /// original method needs the CSRF header (true/false; false for apps that do their own).
    #[arg(long, env = "MM_SESSIONS_FORWARD_AUTH_CSRF", default_value_t = config::DEFAULT_FORWARD_AUTH_CSRF,
        action = clap::ArgAction::Set, value_name = "BOOL")]
    pub forward_auth_csrf: bool,

    /// Send the cookies to SiteURL's host and its subdomains, so that apps on subdomains share
    /// the sign-in (true/false; needs --site-url).
    #[arg(long, env = "MM_SERVICESETTINGS_ALLOWCOOKIESFORSUBDOMAINS",
        default_value_t = config::DEFAULT_ALLOW_COOKIES_FOR_SUBDOMAINS, action = clap::ArgAction::Set, value_name = "BOOL")]
    pub allow_cookies_for_subdomains: bool,

    /// Sessions the session cache holds (about 600 bytes each); 0 turns it off. Exact after every
    /// write; SQLite only (see docs/operations.md).
    #[arg(long, env = "MM_SESSIONS_SESSION_CACHE_SIZE", default_value_t = CacheLimits::DEFAULT_ENTRIES, value_name = "SESSIONS")]
    pub session_cache_size: usize,

    /// A file holding the key MFA secrets are sealed with: 32 bytes in base64 (`openssl rand
    /// -base64 32`). Or the key itself in MM_SESSIONS_MFA_KEY. Without one, secrets are stored
    /// in clear, as Mattermost stores them.
    #[arg(long, env = "MM_SESSIONS_MFA_KEY_FILE", value_name = "PATH")]
    pub mfa_key_file: Option<std::path::PathBuf>,

    #[command(flatten)]
    pub client_requirements: ClientRequirementsArgs,

    #[command(flatten)]
    pub policy: PolicyArgs,
}

/// The environment variable that may carry the MFA key itself (never a flag: a flag's value is
/// in every process listing).
const MFA_KEY_ENV: &str = "MM_SESSIONS_MFA_KEY";

/// The most an MFA key file may hold: the key is 44 characters of base64.
const MAX_MFA_KEY_FILE_BYTES: u64 = 4096;

/// The MFA key, from `--mfa-key-file` or `MM_SESSIONS_MFA_KEY` (not both). The file is read as
/// config.json is (a regular file, bounded), and a key file others may read gets a warning:
/// whoever reads the key opens every sealed secret.
fn mfa_key(file: Option<&std::path::Path>) -> anyhow::Result<Option<crate::mfa::SecretKey>> {
    let text = match (file, std::env::var(MFA_KEY_ENV).ok().filter(|k| !k.trim().is_empty())) {
        (Some(_), Some(_)) => anyhow::bail!("--mfa-key-file and {MFA_KEY_ENV} both give the MFA key: keep one"),
        (Some(path), None) => {
            let (text, metadata) =
                crate::config_file::read_regular_file(path, MAX_MFA_KEY_FILE_BYTES, "the MFA key file")?;
            if let Some(mode) = crate::config_file::readable_by_others(&metadata) {
                tracing::warn!(
                    "the MFA key file {} is readable by group or others (mode {mode:04o}): whoever reads it can open \
                     every sealed MFA secret; chmod 600 {}",
                    path.display(),
                    path.display()
                );
            }
            text
        }
        (None, Some(key)) => key,
        (None, None) => return Ok(None),
    };
    crate::mfa::SecretKey::parse(&text).map(Some).map_err(anyhow::Error::msg)
}

/// Mattermost's `ClientRequirements`: the mobile apps' versions `GET /system/ping` reports.
#[derive(Clone, Debug, Args)]
pub struct ClientRequirementsArgs {
    /// The newest Android app version (reported by GET /system/ping).
    #[arg(long, env = "MM_CLIENTREQUIREMENTS_ANDROIDLATESTVERSION", default_value = "", value_name = "VERSION")]
    pub android_latest_version: String,
    /// The oldest Android app version that may connect (reported by GET /system/ping).
    #[arg(long, env = "MM_CLIENTREQUIREMENTS_ANDROIDMINVERSION", default_value = "", value_name = "VERSION")]
    pub android_min_version: String,
    /// The newest iOS app version (reported by GET /system/ping).
    #[arg(long, env = "MM_CLIENTREQUIREMENTS_IOSLATESTVERSION", default_value = "", value_name = "VERSION")]
    pub ios_latest_version: String,
    /// The oldest iOS app version that may connect (reported by GET /system/ping).
    #[arg(long, env = "MM_CLIENTREQUIREMENTS_IOSMINVERSION", default_value = "", value_name = "VERSION")]
    pub ios_min_version: String,
}

impl From<ClientRequirementsArgs> for config::ClientRequirements {
    fn from(args: ClientRequirementsArgs) -> Self {
        config::ClientRequirements {
            android_latest_version: args.android_latest_version,
            android_min_version: args.android_min_version,
            ios_latest_version: args.ios_latest_version,
            ios_min_version: args.ios_min_version,
        }
    }
}

/// Session lifetimes and lifecycle, the cap and the login budgets: server flags, and read from
/// the environment by the admin commands too (so `user set-password` obeys the same rules).
/// The lifecycle settings take Mattermost's names in the environment, with its defaults.
#[derive(Clone, Debug, Parser)]
pub struct PolicyArgs {
    // No default_value: an explicit value must be told from the default (the deprecated
    // --web-session-days conflicts with an explicit one); the help shows the default.
    #[arg(long, env = "MM_SERVICESETTINGS_SESSIONLENGTHWEBINHOURS", value_name = "HOURS",
        help = format!("Lifetime of a web login, in hours [default: {}]", config::DEFAULT_SESSION_HOURS))]
    pub session_length_web_hours: Option<NonZeroU32>,

    #[arg(long, env = "MM_SERVICESETTINGS_SESSIONLENGTHMOBILEINHOURS", value_name = "HOURS",
        help = format!("Lifetime of a mobile login (one that sends a device id), in hours [default: {}]",
            config::DEFAULT_SESSION_HOURS))]
    pub session_length_mobile_hours: Option<NonZeroU32>,

    /// Deprecated: use --session-length-web-hours.
    #[arg(long, env = "MM_SESSIONS_WEB_SESSION_DAYS", value_name = "DAYS", hide_short_help = true)]
    pub web_session_days: Option<NonZeroU32>,

    /// Deprecated: use --session-length-mobile-hours (its default is Mattermost's, shorter than the old
    /// one of 180 days).
    #[arg(long, env = "MM_SESSIONS_MOBILE_SESSION_DAYS", value_name = "DAYS", hide_short_help = true)]
    pub mobile_session_days: Option<NonZeroU32>,

    /// Minutes a web session may go unused before it is ended (0: never); applies only while
    /// extension is off, as in Mattermost.
    #[arg(
        long,
        env = "MM_SERVICESETTINGS_SESSIONIDLETIMEOUTINMINUTES",
        default_value_t = config::DEFAULT_SESSION_IDLE_TIMEOUT_MINUTES,
        value_name = "MINUTES"
    )]
    pub session_idle_timeout_minutes: u32,

    /// Extend a session's expiry with activity (true/false).
    #[arg(long, env = "MM_SERVICESETTINGS_EXTENDSESSIONLENGTHWITHACTIVITY",
        default_value_t = config::DEFAULT_EXTEND_SESSION_LENGTH_WITH_ACTIVITY,
        action = clap::ArgAction::Set, value_name = "BOOL")]
    pub extend_session_length_with_activity: bool,

    /// End a user's other sessions when their password changes (true/false).
    #[arg(long, env = "MM_SERVICESETTINGS_TERMINATESESSIONSONPASSWORDCHANGE",
        default_value_t = config::DEFAULT_TERMINATE_SESSIONS_ON_PASSWORD_CHANGE,
        action = clap::ArgAction::Set, value_name = "BOOL")]
    pub terminate_sessions_on_password_change: bool,

    /// Let users deactivate themselves (true/false).
    #[arg(long, env = "MM_TEAMSETTINGS_ENABLEUSERDEACTIVATION", default_value_t = config::DEFAULT_ENABLE_USER_DEACTIVATION,
        action = clap::ArgAction::Set, value_name = "BOOL")]
    pub enable_user_deactivation: bool,

    /// Let users make personal access tokens, and accept them (true/false); off, the sessions
    /// tokens opened are refused too.
    #[arg(long, env = "MM_SERVICESETTINGS_ENABLEUSERACCESSTOKENS",
        default_value_t = config::DEFAULT_ENABLE_USER_ACCESS_TOKENS, action = clap::ArgAction::Set, value_name = "BOOL")]
    pub enable_user_access_tokens: bool,

    /// The most days a new personal access token may live; it must then carry an expiry (0: no
    /// limit).
    #[arg(long, env = "MM_SERVICESETTINGS_MAXIMUMPERSONALACCESSTOKENLIFETIMEDAYS",
        default_value_t = config::DEFAULT_MAXIMUM_PERSONAL_ACCESS_TOKEN_LIFETIME_DAYS, value_name = "DAYS")]
    pub maximum_personal_access_token_lifetime_days: u32,

    /// Days audit records are kept (purged with expired sessions).
    #[arg(long, env = "MM_SESSIONS_AUDIT_RETENTION_DAYS", default_value_t = config::DEFAULT_AUDIT_RETENTION_DAYS,
        value_name = "DAYS")]
    pub audit_retention_days: NonZeroU32,

    /// Sessions one user may hold; a login beyond it revokes the least recently used.
    #[arg(long, env = "MM_SESSIONS_MAX_SESSIONS_PER_USER", default_value_t = config::DEFAULT_MAX_SESSIONS_PER_USER)]
    pub max_sessions_per_user: NonZeroUsize,

    /// Login attempts accepted per minute from one client address (a burst of that many, then
    /// one every 60/N seconds); beyond it, 429 with Retry-After.
    #[arg(long, env = "MM_SESSIONS_LOGIN_RATE_IP", default_value_t = config::DEFAULT_LOGIN_RATE_IP)]
    pub login_rate_ip: NonZeroU32,

    /// Login attempts accepted per minute for one account.
    #[arg(long, env = "MM_SESSIONS_LOGIN_RATE_ACCOUNT", default_value_t = config::DEFAULT_LOGIN_RATE_ACCOUNT)]
    pub login_rate_account: NonZeroU32,

    /// Let users set up multi-factor authentication (TOTP), and ask logins for the code
    /// (true/false).
    #[arg(long, env = "MM_SERVICESETTINGS_ENABLEMULTIFACTORAUTHENTICATION",
        default_value_t = config::DEFAULT_ENABLE_MULTIFACTOR_AUTHENTICATION, action = clap::ArgAction::Set,
        value_name = "BOOL")]
    pub enable_multifactor_authentication: bool,

    /// Require MFA: a user without it may do nothing but set it up (true/false; needs
    /// --enable-multifactor-authentication).
    #[arg(long, env = "MM_SERVICESETTINGS_ENFORCEMULTIFACTORAUTHENTICATION",
        default_value_t = config::DEFAULT_ENFORCE_MULTIFACTOR_AUTHENTICATION, action = clap::ArgAction::Set,
        value_name = "BOOL")]
    pub enforce_multifactor_authentication: bool,

    /// Require MFA of guests too (true/false).
    #[arg(long, env = "MM_GUESTACCOUNTSSETTINGS_ENFORCEMULTIFACTORAUTHENTICATION",
        default_value_t = config::DEFAULT_ENFORCE_MULTIFACTOR_AUTHENTICATION, action = clap::ArgAction::Set,
        value_name = "BOOL")]
    pub guest_enforce_multifactor_authentication: bool,

    /// The site's public URL, e.g. https://chat.example.com (http(s), a host, no user name, query
    /// or fragment); its host names the issuer authenticator apps show (default: "Mattermost").
    #[arg(long, env = "MM_SERVICESETTINGS_SITEURL", default_value = "", value_name = "URL",
        value_parser = SiteUrlParser)]
    pub site_url: SiteUrl,

    /// Wrong MFA codes after which a user's code sign-ins are refused until their password
    /// changes (or MFA is turned off).
    #[arg(long, env = "MM_SERVICESETTINGS_MAXIMUMLOGINATTEMPTS", default_value_t = config::DEFAULT_MAXIMUM_LOGIN_ATTEMPTS,
        value_name = "N")]
    pub maximum_login_attempts: NonZeroU32,
}

impl PolicyArgs {
    fn policy(&self) -> anyhow::Result<SessionPolicy> {
        let length = |hours: Option<NonZeroU32>, days: Option<NonZeroU32>, new: &str, old: &str| match (hours, days) {
            (Some(_), Some(_)) => anyhow::bail!("--{old} and --{new} set the same thing: keep --{new} only"),
            (Some(hours), None) => Ok(config::hours(u64::from(hours.get()))),
            (None, Some(days)) => {
                eprintln!("mm-sessions: warning: --{old} is deprecated: use --{new} (hours)");
                Ok(config::hours(24 * u64::from(days.get())))
            }
            (None, None) => Ok(config::hours(u64::from(config::DEFAULT_SESSION_HOURS.get()))),
        };
        Ok(SessionPolicy {
            web_length: length(
                self.session_length_web_hours,
                self.web_session_days,
                "session-length-web-hours",
                "web-session-days",
            )?,
            mobile_length: length(
                self.session_length_mobile_hours,
                self.mobile_session_days,
                "session-length-mobile-hours",
                "mobile-session-days",
            )?,
            idle_timeout: config::idle_timeout(self.session_idle_timeout_minutes),
            extend_with_activity: self.extend_session_length_with_activity,
            terminate_on_password_change: self.terminate_sessions_on_password_change,
            enable_user_deactivation: self.enable_user_deactivation,
            enable_user_access_tokens: self.enable_user_access_tokens,
            max_token_lifetime_days: NonZeroU32::new(self.maximum_personal_access_token_lifetime_days),
            audit_retention: config::days(self.audit_retention_days),
            max_per_user: self.max_sessions_per_user,
            login_rate_ip: self.login_rate_ip,
            login_rate_account: self.login_rate_account,
            mfa: config::MfaPolicy {
                enable: self.enable_multifactor_authentication,
                enforce: self.enforce_multifactor_authentication,
                enforce_for_guests: self.guest_enforce_multifactor_authentication,
                maximum_login_attempts: self.maximum_login_attempts,
            },
            site_url: self.site_url.as_str().to_owned(),
        })
    }

    /// The policy as the environment sets it (the admin commands take no policy flags).
    fn from_environment() -> anyhow::Result<SessionPolicy> {
        PolicyArgs::try_parse_from(["mm-sessions"])?.policy()
    }
}

/// Parses `--database` without ever quoting the value back: a PostgreSQL URL may hold a password,
/// and clap's own message for a bad value repeats it.
#[derive(Clone)]
struct DatabaseParser;

impl clap::builder::TypedValueParser for DatabaseParser {
    type Value = Database;

    fn parse_ref(
        &self,
        cmd: &clap::Command,
        _arg: Option<&clap::Arg>,
        value: &std::ffi::OsStr,
    ) -> Result<Database, clap::Error> {
        let invalid = |message: String| {
            clap::Error::raw(clap::error::ErrorKind::ValueValidation, format!("--database: {message}\n")).with_cmd(cmd)
        };
        value.to_str().ok_or_else(|| invalid("not valid UTF-8".into()))?.parse().map_err(invalid)
    }
}

/// Parses `--site-url` (and `MM_SERVICESETTINGS_SITEURL`, and config.json's `SiteURL`, which
/// arrive through it) with [`SiteUrl`]'s rule. Not clap's own message for a bad value: it
/// repeats the value raw, and a SiteURL may hold a CR LF or a password. The flag is kept in the
/// error's context, so that `main` names config.json's key when the file gave the value.
#[derive(Clone)]
struct SiteUrlParser;

impl clap::builder::TypedValueParser for SiteUrlParser {
    type Value = SiteUrl;

    fn parse_ref(
        &self,
        cmd: &clap::Command,
        arg: Option<&clap::Arg>,
        value: &std::ffi::OsStr,
    ) -> Result<SiteUrl, clap::Error> {
        let invalid = |message: String| {
            let mut error =
                clap::Error::raw(clap::error::ErrorKind::ValueValidation, format!("{message}\n")).with_cmd(cmd);
            if let Some(arg) = arg {
                let flag = clap::error::ContextValue::String(arg.to_string());
                error.insert(clap::error::ContextKind::InvalidArg, flag);
            }
            error
        };
        let value = value
            .to_str()
            .ok_or_else(|| invalid("SiteURL (--site-url, MM_SERVICESETTINGS_SITEURL) is not UTF-8".into()))?;
        value.parse().map_err(invalid)
    }
}

/// What to do (nothing: serve).
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Run the server (the default).
    Serve(Box<ServerArgs>),
    /// Manage users.
    #[command(subcommand)]
    User(UserCommand),
    /// Manage sessions.
    #[command(subcommand)]
    Session(SessionCommand),
    /// Manage personal access tokens (what scripts and bots authenticate with).
    #[command(subcommand)]
    Token(TokenCommand),
}

/// How a password reaches the command: `--password-stdin`, `MM_SESSIONS_PASSWORD`, or (with a
/// warning: it shows in `ps` and shell history) `--password`.
#[derive(Clone, Debug, Args)]
pub struct PasswordArgs {
    /// Read the password from the first line of standard input.
    #[arg(long, conflicts_with = "password")]
    pub password_stdin: bool,
    /// The password (8 to 256 characters). Visible to other local users while the command
    /// runs: prefer --password-stdin or MM_SESSIONS_PASSWORD.
    #[arg(long)]
    pub password: Option<String>,
}

impl PasswordArgs {
    /// The password, if one was given in any of the three ways.
    fn read(self) -> anyhow::Result<Option<String>> {
        if self.password_stdin {
            let mut line = String::new();
            std::io::stdin().lock().read_line(&mut line)?;
            let password = line.trim_end_matches(['\r', '\n']).to_owned();
            anyhow::ensure!(!password.is_empty(), "--password-stdin: standard input held no password");
            return Ok(Some(password));
        }
        if let Some(password) = self.password {
            eprintln!(
                "mm-sessions: warning: a password given with --password shows in `ps` and in shell history; \
                 use --password-stdin or {PASSWORD_ENV}"
            );
            return Ok(Some(password));
        }
        Ok(std::env::var(PASSWORD_ENV).ok().filter(|p| !p.is_empty()))
    }
}

/// `mm-sessions user …`
#[derive(Debug, Subcommand)]
pub enum UserCommand {
    /// Create a user; prints the new user's id.
    #[command(after_help = "Example:\n  printf '%s\\n' 'change me now' | mm-sessions user create --username admin \
        --email admin@example.com --role system_user --role system_admin --password-stdin")]
    Create {
        /// The login name: 1-64 characters of a-z, 0-9, '.', '-', '_', starting with a letter.
        #[arg(long)]
        username: String,
        /// The user's email address (also accepted as the login id).
        #[arg(long)]
        email: String,
        /// A role (repeatable; default system_user). `--role system_user --role system_admin`
        /// makes an administrator.
        #[arg(long = "role", value_name = "ROLE")]
        roles: Vec<String>,
        #[command(flatten)]
        password: PasswordArgs,
    },
    /// Set a user's password.
    #[command(
        after_help = "Example:\n  printf '%s\\n' 'a new password' | mm-sessions user set-password --user alice \
        --password-stdin"
    )]
    SetPassword {
        /// Username or user id.
        #[arg(long)]
        user: String,
        #[command(flatten)]
        password: PasswordArgs,
    },
    /// Replace a user's roles; every session of theirs takes the new roles at once.
    #[command(after_help = "Example:\n  mm-sessions user set-roles --user alice --role system_user")]
    SetRoles {
        /// Username or user id.
        #[arg(long)]
        user: String,
        /// A role (repeatable).
        #[arg(long = "role", value_name = "ROLE", required = true)]
        roles: Vec<String>,
    },
    /// Deactivate a user: every session of theirs ends, and they cannot log in.
    #[command(after_help = "Example:\n  mm-sessions user deactivate --user alice")]
    Deactivate {
        /// Username or user id.
        #[arg(long)]
        user: String,
    },
    /// Turn a user's multi-factor authentication off (for a lost phone): they log in with their
    /// password alone until they set it up again.
    #[command(name = "mfa-off", after_help = "Example:\n  mm-sessions user mfa-off --user alice")]
    MfaOff {
        /// Username or user id.
        #[arg(long)]
        user: String,
    },
    /// Reactivate a deactivated user (their old sessions stay gone).
    #[command(after_help = "Example:\n  mm-sessions user activate --user alice")]
    Activate {
        /// Username or user id.
        #[arg(long)]
        user: String,
    },
    /// List users: id, username, email, roles, then `deactivated` for deactivated ones and `mfa`
    /// for those with multi-factor authentication on (tab-separated).
    #[command(after_help = "Example:\n  mm-sessions user list")]
    List,
}

/// `mm-sessions session …`
#[derive(Debug, Subcommand)]
pub enum SessionCommand {
    /// Issue a session for a user, as a login would (without the password); prints only its
    /// token (shown this once, never stored). For a script, make a personal access token
    /// (`token create`) instead.
    #[command(after_help = "Example:\n  TOKEN=$(mm-sessions session create --user alice --days 1)")]
    Create {
        /// Username or user id.
        #[arg(long)]
        user: String,
        /// Lifetime in days (0: never expires); like any session's, use extends it while
        /// ExtendSessionLengthWithActivity is on.
        #[arg(long, default_value_t = crate::config::DEFAULT_CLI_SESSION_DAYS)]
        days: u32,
    },
    /// List a user's sessions: id, created, last activity, expires (ms since the epoch), device.
    #[command(after_help = "Example:\n  mm-sessions session list --user alice")]
    List {
        /// Username or user id.
        #[arg(long)]
        user: String,
    },
    /// Revoke one session by id.
    #[command(after_help = "Example:\n  mm-sessions session revoke --id 8sxm1pk5e3ds9mrbhxq4g6ehfa")]
    Revoke {
        /// The session's id (see `session list`).
        #[arg(long)]
        id: String,
    },
    /// Revoke every session of a user.
    #[command(after_help = "Example:\n  mm-sessions session revoke-all --user alice")]
    RevokeAll {
        /// Username or user id.
        #[arg(long)]
        user: String,
    },
}

/// `mm-sessions token …`
#[derive(Debug, Subcommand)]
pub enum TokenCommand {
    /// Make a personal access token for a user; prints only its secret (shown this once, never
    /// stored). Needs EnableUserAccessTokens, as the API does.
    #[command(
        after_help = "Example:\n  MM_SERVICESETTINGS_ENABLEUSERACCESSTOKENS=true \\\n    mm-sessions token create --user ci-bot --description 'nightly build'"
    )]
    Create {
        /// Username or user id.
        #[arg(long)]
        user: String,
        /// What the token is for (at most 255 bytes).
        #[arg(long)]
        description: String,
        /// Days until it expires (default: never, unless MaximumPersonalAccessTokenLifetimeDays
        /// asks for an expiry).
        #[arg(long, value_name = "DAYS")]
        expires_days: Option<NonZeroU32>,
    },
    /// List a user's tokens: id, active or disabled, expires (ms since the epoch; 0: never),
    /// description (tab-separated).
    #[command(after_help = "Example:\n  mm-sessions token list --user ci-bot")]
    List {
        /// Username or user id.
        #[arg(long)]
        user: String,
    },
    /// Revoke a token: it and its session end at once.
    #[command(after_help = "Example:\n  mm-sessions token revoke --id 8sxm1pk5e3ds9mrbhxq4g6ehfa")]
    Revoke {
        /// The token's id (see `token list`).
        #[arg(long)]
        id: String,
    },
    /// Disable a token: its session ends, and it is refused until enabled again.
    #[command(after_help = "Example:\n  mm-sessions token disable --id 8sxm1pk5e3ds9mrbhxq4g6ehfa")]
    Disable {
        /// The token's id.
        #[arg(long)]
        id: String,
    },
    /// Enable a disabled token.
    #[command(after_help = "Example:\n  mm-sessions token enable --id 8sxm1pk5e3ds9mrbhxq4g6ehfa")]
    Enable {
        /// The token's id.
        #[arg(long)]
        id: String,
    },
}

/// `mm-sessions [SERVER FLAGS] serve [SERVER FLAGS]` as `mm-sessions serve [ALL OF THEM]`:
/// server flags may come before `serve` too (they could when every flag was global, and
/// scripts do it), but clap would give them to the top level and `serve` its defaults. Every
/// flag before `serve` takes a value (`--flag value` or `--flag=value`), which is how `serve`
/// is told from a flag's value; anything else leaves the arguments as they are.
pub fn server_flags_after_serve<I: IntoIterator<Item = std::ffi::OsString>>(args: I) -> Vec<std::ffi::OsString> {
    let mut args: Vec<std::ffi::OsString> = args.into_iter().collect();
    let mut i = 1;
    while i < args.len() {
        let Some(arg) = args[i].to_str() else { return args };
        if arg == "serve" {
            let serve = args.remove(i);
            args.insert(1, serve);
            return args;
        }
        if !arg.starts_with("--") || arg == "--help" || arg == "--version" {
            return args;
        }
        i += if arg.contains('=') { 1 } else { 2 };
    }
    args
}

/// Runs what the command line asks for.
pub async fn run(cli: Cli) -> ExitCode {
    let result = match cli.command {
        None => serve(cli.database, cli.server).await,
        Some(Command::Serve(server)) => serve(cli.database, *server).await,
        Some(Command::User(command)) => {
            let mode =
                if matches!(command, UserCommand::Create { .. }) { OpenMode::Create } else { OpenMode::Existing };
            admin(&cli.database, mode, |s| user(s, command)).await
        }
        Some(Command::Session(command)) => admin(&cli.database, OpenMode::Existing, |s| session(s, command)).await,
        Some(Command::Token(command)) => admin(&cli.database, OpenMode::Existing, |s| token(s, command)).await,
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("mm-sessions: {}", describe_error(&e));
            ExitCode::FAILURE
        }
    }
}

async fn serve(database: Database, args: ServerArgs) -> anyhow::Result<()> {
    let mut config = ServeConfig::new(args.listen, database);
    config.grants = args.grants;
    config.policy = args.policy.policy()?;
    config.metrics_listen = args.metrics_listen;
    config.connections.max_connections = args.max_connections;
    config.connections.idle_timeout = config::seconds(args.idle_timeout);
    config.requests.read_timeout = config::seconds(args.read_timeout);
    config.proxies = ProxySettings {
        trusted: args.trusted_proxies,
        secure_cookies: args.secure_cookies,
        allowed_redirect_hosts: args.allowed_redirect_hosts,
        forward_auth_csrf: args.forward_auth_csrf,
        allow_cookies_for_subdomains: args.allow_cookies_for_subdomains,
    };
    config.policy.mfa.check().map_err(anyhow::Error::msg)?;
    if config.proxies.allow_cookies_for_subdomains && config::cookie_domain(true, &config.policy.site_url).is_none() {
        // As Mattermost's config check: the domain is SiteURL's host.
        anyhow::bail!("--allow-cookies-for-subdomains needs --site-url (MM_SERVICESETTINGS_SITEURL) with a host");
    }
    config.client_requirements = args.client_requirements.into();
    config.session_cache = NonZeroUsize::new(args.session_cache_size).map(CacheLimits::for_entries);
    config.mfa_key = mfa_key(args.mfa_key_file.as_deref())?;
    if config.policy.mfa.enable && config.mfa_key.is_none() {
        tracing::warn!(
            "MFA secrets are stored in clear (no --mfa-key-file or MM_SESSIONS_MFA_KEY): see docs/security.md"
        );
    }
    Application::build(config).await?.run_until(shutdown_signal()).await
}

async fn admin<F, Fut>(database: &Database, mode: OpenMode, command: F) -> anyhow::Result<()>
where
    F: FnOnce(SessionService) -> Fut,
    Fut: std::future::Future<Output = anyhow::Result<()>>,
{
    if *database == Database::Memory {
        eprintln!("mm-sessions: warning: the `memory` store lives only as long as this command");
    }
    let store = app::open_store(database, mode).await?;
    let policy = PolicyArgs::from_environment()?;
    // No MFA key: the admin commands turn MFA off, which reads no secret.
    command(app::build_service(store, None, &[], &policy, None, crate::domain::Clock::system())).await
}

/// The admin CLI running `command`, as the actor of an operation.
fn cli(command: &'static str) -> Actor<'static> {
    Actor::AdminCli { command }
}

/// A new password, for `user create` and `user set-password`.
fn new_password(password: String) -> PasswordChange {
    PasswordChange { current_password: String::new(), new_password: password }
}

async fn user(service: SessionService, command: UserCommand) -> anyhow::Result<()> {
    match command {
        UserCommand::Create { username, email, roles, password } => {
            let password = password.read()?;
            if let Some(password) = &password {
                // Checked before the user exists: a refused password leaves no user behind.
                crate::password_hash::check_length(password)
                    .map_err(|too_short| AppError::InvalidPassword { too_short })?;
            }
            let user = service.create_user(NewUser { username, email, roles }).await?;
            match password {
                Some(password) => {
                    service.update_password(cli("user set-password"), &user.id, new_password(password)).await?;
                }
                None => eprintln!(
                    "mm-sessions: note: {} has no password and cannot log in until \
                     `mm-sessions user set-password --user {}`",
                    shown(&user.username),
                    shown(&user.username)
                ),
            }
            println!("{}", user.id);
            eprintln!("created user {} ({})", shown(&user.username), shown(&user.roles));
        }
        UserCommand::SetPassword { user, password } => {
            let password = password
                .read()?
                .ok_or_else(|| anyhow::anyhow!("no password given: use --password-stdin or {PASSWORD_ENV}"))?;
            let user = service.find_user(&user).await?;
            let ended = service.update_password(cli("user set-password"), &user.id, new_password(password)).await?;
            eprintln!("password of {} set; {ended} session(s) ended", shown(&user.username));
        }
        UserCommand::SetRoles { user, roles } => {
            let user = service.find_user(&user).await?;
            let roles = roles.iter().map(|r| r.trim()).collect::<Vec<_>>().join(" ");
            service.update_roles(cli("user set-roles"), &user.id, &roles).await?;
            println!("{}", shown(&roles));
            eprintln!("roles of {} set, on every session of theirs too", shown(&user.username));
        }
        UserCommand::Deactivate { user } => {
            let user = service.find_user(&user).await?;
            let ended = service.update_active(cli("user deactivate"), &user.id, false).await?;
            eprintln!("deactivated {}; {ended} session(s) ended", shown(&user.username));
        }
        UserCommand::Activate { user } => {
            let user = service.find_user(&user).await?;
            service.update_active(cli("user activate"), &user.id, true).await?;
            eprintln!("reactivated {}", shown(&user.username));
        }
        UserCommand::MfaOff { user } => {
            let user = service.find_user(&user).await?;
            service.update_mfa(cli("user mfa-off"), user.id.as_str(), Some(false), "").await?;
            eprintln!("MFA is off for {}", shown(&user.username));
        }
        UserCommand::List => {
            let users = service.list_users().await?;
            for u in &users {
                let deactivated = if u.is_active() { "" } else { "\tdeactivated" };
                let mfa = if u.mfa_active { "\tmfa" } else { "" };
                let (id, username, email, roles) =
                    (shown(u.id.as_str()), shown(&u.username), shown(&u.email), shown(&u.roles));
                println!("{id}\t{username}\t{email}\t{roles}{deactivated}{mfa}");
            }
            eprintln!("{} user(s)", users.len());
        }
    }
    Ok(())
}

async fn session(service: SessionService, command: SessionCommand) -> anyhow::Result<()> {
    match command {
        SessionCommand::Create { user, days } => {
            let user = service.find_user(&user).await?;
            let length_ms = i64::from(days) * 24 * 3600 * 1000;
            let (token, session) = service.issue_session(&user, length_ms, String::new(), Default::default()).await?;
            println!("{}", token.expose());
            let lifetime = if days == 0 { "never expires".to_owned() } else { format!("valid for {days} day(s)") };
            eprintln!("issued session {} for {} ({lifetime})", session.id, shown(&user.username));
        }
        SessionCommand::List { user } => {
            let user = service.find_user(&user).await?;
            let sessions = service.list_sessions(cli("session list"), &user.id).await?;
            for s in sessions.iter() {
                let (id, device) = (shown(s.id.as_str()), shown(&s.device_id));
                println!("{id}\t{}\t{}\t{}\t{device}", s.create_at, s.last_activity_at, s.expires_at);
            }
            eprintln!("{} session(s) of {}", sessions.len(), shown(&user.username));
        }
        SessionCommand::Revoke { id } => {
            let no_session = || anyhow::anyhow!("no session {id:?}");
            let owner = service.session_owner(&id).await?.ok_or_else(no_session)?;
            match service.revoke_session(cli("session revoke"), &owner, &id).await {
                Err(AppError::SessionNotFound) => return Err(no_session()),
                other => other?,
            }
            eprintln!("revoked session {}", shown(&id));
        }
        SessionCommand::RevokeAll { user } => {
            let user = service.find_user(&user).await?;
            let n = service.revoke_all_sessions(cli("session revoke-all"), &user.id).await?;
            eprintln!("revoked {n} session(s) of {}", shown(&user.username));
        }
    }
    Ok(())
}

async fn token(service: SessionService, command: TokenCommand) -> anyhow::Result<()> {
    match command {
        TokenCommand::Create { user, description, expires_days } => {
            let user = service.find_user(&user).await?;
            let now = service.clock().now_millis();
            let expires_at = expires_days.map_or(0, |days| now + i64::from(days.get()) * 24 * 3600 * 1000);
            let new = NewToken { description, expires_at };
            let (secret, token) = service.create_token(cli("token create"), &user.id, new).await?;
            println!("{}", secret.expose());
            eprintln!("created personal access token {} for {}", shown(token.id.as_str()), shown(&user.username));
        }
        TokenCommand::List { user } => {
            let user = service.find_user(&user).await?;
            let mut tokens = Vec::new();
            for page in 0.. {
                let batch = service.tokens_of(cli("token list"), &user.id, page, 200).await?;
                let last = batch.len() < 200;
                tokens.extend(batch);
                if last {
                    break;
                }
            }
            for t in &tokens {
                let state = if t.is_active { "active" } else { "disabled" };
                let (id, description) = (shown(t.id.as_str()), shown(&t.description));
                println!("{id}\t{state}\t{}\t{description}", t.expires_at);
            }
            eprintln!("{} token(s) of {}", tokens.len(), shown(&user.username));
        }
        TokenCommand::Revoke { id } => {
            service.revoke_token(cli("token revoke"), &id).await?;
            eprintln!("revoked personal access token {}", shown(&id));
        }
        TokenCommand::Disable { id } => {
            service.set_token_active(cli("token disable"), &id, false).await?;
            eprintln!("disabled personal access token {}", shown(&id));
        }
        TokenCommand::Enable { id } => {
            service.set_token_active(cli("token enable"), &id, true).await?;
            eprintln!("enabled personal access token {}", shown(&id));
        }
    }
    Ok(())
}

/// A stored value as the admin commands print it: one field of one line, whatever it holds.
/// Device ids, token descriptions and emails are chosen by users (a device id by any client
/// that logs in), and the output goes to an administrator's terminal and to scripts that split
/// it on tabs and newlines: a newline or a tab there would forge a row or a column, an escape
/// sequence (`ESC [ …`) would drive the terminal, and the Unicode controls that reorder or
/// break a displayed line would make it read as something else. Each of those, and the
/// backslash (so that an escape cannot be forged either), is written as an escape: `\n`, `\t`,
/// `\r`, `\\`, `\x1b`, `\u{202e}`; everything else as stored.
fn shown(value: &str) -> std::borrow::Cow<'_, str> {
    fn escaped(c: char) -> bool {
        c == '\\'
            || c.is_control()
            // Bidirectional controls, and the line and paragraph separators.
            || matches!(c, '\u{061c}' | '\u{200e}' | '\u{200f}' | '\u{2028}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
    }
    if !value.chars().any(escaped) {
        return std::borrow::Cow::Borrowed(value);
    }
    let mut out = String::with_capacity(value.len() + 8);
    for c in value.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            c if escaped(c) && u32::from(c) < 0x100 => out.push_str(&format!("\\x{:02x}", u32::from(c))),
            c if escaped(c) => out.push_str(&format!("\\u{{{:x}}}", u32::from(c))),
            c => out.push(c),
        }
    }
    std::borrow::Cow::Owned(out)
}

/// An error as one line: each cause once (libraries often repeat their cause in their own
/// message), then a hint for the usual PostgreSQL mistakes.
pub fn describe_error(error: &anyhow::Error) -> String {
    let mut parts: Vec<String> = Vec::new();
    for cause in error.chain() {
        let text = cause.to_string();
        let known = parts.iter().any(|p| p.contains(&text));
        match parts.last_mut() {
            _ if known || text.is_empty() => {}
            Some(last) if text.starts_with(last.as_str()) => *last = text,
            _ => parts.push(text),
        }
    }
    let line = parts.join(": ");
    let hint = if line.contains("Connection refused") {
        Some("is the database server running, and listening on that host and port?")
    } else if line.contains("role \"") && line.contains("does not exist") {
        Some("check the user name in the database URL")
    } else if line.contains("database \"") && line.contains("does not exist") {
        Some("check the database name in the URL, or create it (createdb)")
    } else if line.contains("password authentication failed") {
        Some("check the password in the database URL")
    } else {
        None
    };
    match hint {
        Some(hint) => format!("{line}\n  hint: {hint}"),
        None => line,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn server_flags_before_serve_reach_serve() {
        let args = |line: &str| line.split(' ').map(std::ffi::OsString::from).collect::<Vec<_>>();
        let moved = server_flags_after_serve(args(
            "mm --database x.db --listen 127.0.0.1:1 serve --grant system_manager=edit_other_users",
        ));
        assert_eq!(
            moved,
            args("mm serve --database x.db --listen 127.0.0.1:1 --grant system_manager=edit_other_users")
        );
        let cli = Cli::parse_from(moved);
        match cli.command {
            Some(Command::Serve(server)) => assert_eq!(server.listen.to_string(), "127.0.0.1:1"),
            other => panic!("{other:?}"),
        }
        // A flag's value named `serve`, a subcommand, help: untouched.
        for (line, expected) in [
            ("mm --listen serve:1", "mm --listen serve:1"),
            ("mm user list", "mm user list"),
            ("mm --help serve", "mm --help serve"),
            ("mm --database=x serve", "mm serve --database=x"),
        ] {
            assert_eq!(server_flags_after_serve(args(line)), args(expected), "{line}");
        }
    }

    #[test]
    fn shown_values_stay_one_field_of_one_line() {
        assert!(matches!(shown("iPhone 15 — Émile's"), std::borrow::Cow::Borrowed(_)));
        assert_eq!(shown("a\nb\tc\rd"), "a\\nb\\tc\\rd");
        assert_eq!(shown("\x1b[31mred\x1b[0m"), "\\x1b[31mred\\x1b[0m");
        assert_eq!(shown("back\\slash"), "back\\\\slash");
        assert_eq!(shown("\u{7f}\u{9b}"), "\\x7f\\x9b");
        assert_eq!(shown("evil\u{202e}txt.exe\u{2028}"), "evil\\u{202e}txt.exe\\u{2028}");
        // No escape can be forged: the backslash of `\n` typed as text is escaped itself.
        assert_ne!(shown("a\\nb"), shown("a\nb"));
    }

    #[test]
    fn each_cause_is_said_once() {
        #[derive(Debug, thiserror::Error)]
        #[error("error connecting to server: {0}")]
        struct Connect(#[source] std::io::Error);
        let io = std::io::Error::new(std::io::ErrorKind::ConnectionRefused, "Connection refused");
        let error = anyhow::Error::new(Connect(io)).context("error connecting to server");
        let line = describe_error(&error);
        assert!(line.starts_with("error connecting to server: Connection refused\n  hint: "), "{line}");
    }
}
