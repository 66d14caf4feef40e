//! The server's flags, each with its environment name and default: the listener and limits,
//! the session policy, what clients must run, and the parsers of values that need one.

use std::num::{NonZeroU32, NonZeroUsize};

use clap::{Args, Parser};

use crate::config::settings;
use crate::config::{
    self, AllowedHosts, CacheLimits, Database, ListenAddr, SecureCookies, SessionPolicy, SiteUrl, TrustedProxies,
    DEFAULT_LISTEN,
};
use crate::permissions::Grant;

/// The server's flags (`mm-sessions [FLAGS]` or `mm-sessions serve [FLAGS]`).
#[derive(Clone, Debug, Args)]
pub struct ServerArgs {
    /// Where the server listens: HOST:PORT, e.g. 127.0.0.1:8065 or localhost:8065.
    #[arg(long = settings::LISTEN.flag, env = settings::LISTEN.env, default_value = DEFAULT_LISTEN)]
    pub listen: ListenAddr,

    /// Grant a permission to a role, e.g. `system_user_manager=edit_other_users` (repeatable;
    /// `system_admin` always holds every permission).
    #[arg(long = settings::GRANTS.flag, value_name = "ROLE=PERMISSION", env = settings::GRANTS.env, value_delimiter = ',')]
    pub grants: Vec<Grant>,

    /// Serve `GET /metrics` only on this address (default: on the main listener).
    #[arg(long = settings::METRICS_LISTEN.flag, env = settings::METRICS_LISTEN.env, value_name = "HOST:PORT")]
    pub metrics_listen: Option<ListenAddr>,

    /// Connections served at once; at the cap, the one that has waited longest for its request
    /// is closed to make room for a new one.
    #[arg(long = settings::MAX_CONNECTIONS.flag, env = settings::MAX_CONNECTIONS.env, default_value_t = config::DEFAULT_MAX_CONNECTIONS, value_parser = positive_usize)]
    pub max_connections: NonZeroUsize,

    /// Seconds a request's body may take to arrive once its head is in (the head has a deadline
    /// of its own); 408 after it (Mattermost's ReadTimeout).
    #[arg(long = settings::READ_TIMEOUT.flag, env = settings::READ_TIMEOUT.env, default_value_t = config::DEFAULT_READ_TIMEOUT_SECS,
        value_name = "SECONDS", value_parser = positive_u32)]
    pub read_timeout: NonZeroU32,

    /// Seconds a connection may wait for its next request before it is closed (Mattermost's
    /// IdleTimeout).
    #[arg(long = settings::IDLE_TIMEOUT.flag, env = settings::IDLE_TIMEOUT.env, default_value_t = config::DEFAULT_IDLE_TIMEOUT_SECS,
        value_name = "SECONDS", value_parser = positive_u32)]
    pub idle_timeout: NonZeroU32,

    /// Reverse proxies whose X-Forwarded-For and X-Forwarded-Proto are believed: addresses or
    /// CIDR ranges, comma-separated (e.g. 10.0.0.0/8). Default: none.
    #[arg(long = settings::TRUSTED_PROXIES.flag, env = settings::TRUSTED_PROXIES.env, default_value_t, value_name = "ADDRS")]
    pub trusted_proxies: TrustedProxies,

    /// When cookies carry Secure: `auto` (when a trusted proxy says X-Forwarded-Proto: https),
    /// `always` or `never`.
    #[arg(long = settings::SECURE_COOKIES.flag, env = settings::SECURE_COOKIES.env, default_value_t = SecureCookies::Auto)]
    pub secure_cookies: SecureCookies,

    /// Hosts a browser may be sent to after signing in (`redirect_to`, the forward-auth check):
    /// host names, comma-separated (e.g. wiki.example.com). Default: none (paths here only).
    #[arg(long = settings::ALLOWED_REDIRECT_HOSTS.flag, env = settings::ALLOWED_REDIRECT_HOSTS.env, default_value_t, value_name = "HOSTS")]
    pub allowed_redirect_hosts: AllowedHosts,

    /// Apply Mattermost's CSRF rule at the forward-auth check: a cookie session with an unsafe
    /// original method needs the CSRF header (true/false; false for apps that do their own).
    #[arg(long = settings::FORWARD_AUTH_CSRF.flag, env = settings::FORWARD_AUTH_CSRF.env, default_value_t = config::DEFAULT_FORWARD_AUTH_CSRF,
        action = clap::ArgAction::Set, value_name = "BOOL")]
    pub forward_auth_csrf: bool,

    /// Send the cookies to SiteURL's host and its subdomains, so that apps on subdomains share
    /// the sign-in (true/false; needs --site-url).
    #[arg(long = settings::ALLOW_COOKIES_FOR_SUBDOMAINS.flag, env = settings::ALLOW_COOKIES_FOR_SUBDOMAINS.env,
        default_value_t = config::DEFAULT_ALLOW_COOKIES_FOR_SUBDOMAINS, action = clap::ArgAction::Set, value_name = "BOOL")]
    pub allow_cookies_for_subdomains: bool,

    /// Sessions the session cache holds (about 600 bytes each); 0 turns it off. Exact after every
    /// write; SQLite only (see docs/operations.md).
    #[arg(long = settings::SESSION_CACHE_SIZE.flag, env = settings::SESSION_CACHE_SIZE.env, default_value_t = CacheLimits::DEFAULT_ENTRIES, value_name = "SESSIONS")]
    pub session_cache_size: usize,

    /// A file holding the key MFA secrets are sealed with: 32 bytes in base64 (`openssl rand
    /// -base64 32`). Or the key itself in MM_SESSIONS_MFA_KEY. Without one, secrets are stored
    /// in clear, as Mattermost stores them.
    #[arg(long = settings::MFA_KEY_FILE.flag, env = settings::MFA_KEY_FILE.env, value_name = "PATH")]
    pub mfa_key_file: Option<std::path::PathBuf>,

    #[command(flatten)]
    pub client_requirements: ClientRequirementsArgs,

    #[command(flatten)]
    pub policy: PolicyArgs,

    #[command(flatten)]
    pub sso: SsoArgs,

    #[command(flatten)]
    pub webhooks: WebhookArgs,
}

/// How session events reach webhook endpoints (`mm-sessions webhook …` manages the endpoints).
#[derive(Clone, Debug, clap::Args)]
pub struct WebhookArgs {
    /// Seconds between a failed delivery's attempts, comma-separated (decimals allowed); the
    /// last repeats. Each wait varies by up to a fifth, and is at least a receiver's Retry-After.
    #[arg(long = settings::WEBHOOK_RETRY_SCHEDULE.flag, env = settings::WEBHOOK_RETRY_SCHEDULE.env,
        default_value = crate::webhooks::DEFAULT_RETRY_SCHEDULE, value_name = "SECONDS,…", value_parser = retry_schedule)]
    pub retry_schedule: RetrySchedule,

    /// An endpoint whose deliveries have failed for this many seconds is disabled.
    #[arg(long = settings::WEBHOOK_DISABLE_AFTER_SECONDS.flag, env = settings::WEBHOOK_DISABLE_AFTER_SECONDS.env,
        default_value_t = crate::webhooks::DEFAULT_DISABLE_AFTER_SECONDS, value_name = "SECONDS")]
    pub disable_after_seconds: u64,

    /// Seconds one delivery attempt may take, connecting included.
    #[arg(long = settings::WEBHOOK_TIMEOUT_SECONDS.flag, env = settings::WEBHOOK_TIMEOUT_SECONDS.env,
        default_value_t = crate::webhooks::DEFAULT_TIMEOUT_SECONDS, value_name = "SECONDS", value_parser = positive_seconds)]
    pub timeout_seconds: f64,

    /// Days session events are kept (for `webhook replay`), then purged with any delivery still
    /// pending.
    #[arg(long = settings::WEBHOOK_RETENTION_DAYS.flag, env = settings::WEBHOOK_RETENTION_DAYS.env,
        default_value_t = crate::webhooks::DEFAULT_RETENTION_DAYS, value_name = "DAYS")]
    pub retention_days: u32,

    /// A JSON file listing endpoints: `[{"url": …, "events": […], "secret": "whsec_…"}]`; at
    /// start, each missing one is added and each changed one updated (the others stay).
    #[arg(long = settings::WEBHOOK_ENDPOINTS_FILE.flag, env = settings::WEBHOOK_ENDPOINTS_FILE.env, value_name = "PATH")]
    pub endpoints_file: Option<std::path::PathBuf>,
}

impl WebhookArgs {
    /// The settings, with the endpoints file read and checked. Events must outlive the time an
    /// endpoint may fail before it is disabled, or a failing endpoint's pending deliveries would
    /// be purged before it is given up on.
    pub fn settings(&self) -> anyhow::Result<crate::webhooks::WebhookSettings> {
        let retention_seconds = u64::from(self.retention_days) * 24 * 3600;
        anyhow::ensure!(
            retention_seconds > self.disable_after_seconds,
            "--{} ({} days) must be longer than --{} ({} s): events would be purged while still pending",
            settings::WEBHOOK_RETENTION_DAYS.flag,
            self.retention_days,
            settings::WEBHOOK_DISABLE_AFTER_SECONDS.flag,
            self.disable_after_seconds
        );
        let configured = match &self.endpoints_file {
            None => Vec::new(),
            Some(path) => {
                let (text, metadata) =
                    crate::config_file::read_regular_file(path, 1 << 20, "the webhook endpoints file")?;
                if let Some(mode) = crate::config_file::readable_by_others(&metadata) {
                    tracing::warn!(
                        "the webhook endpoints file {} is readable by group or others (mode {mode:04o}): it holds the \
                         endpoints' secrets; chmod 600 {}",
                        path.display(),
                        path.display()
                    );
                }
                crate::webhooks::endpoint::parse_file(&text).map_err(|e| anyhow::anyhow!("{}: {e}", path.display()))?
            }
        };
        Ok(crate::webhooks::WebhookSettings {
            retry_schedule: self.retry_schedule.0.clone(),
            disable_after: std::time::Duration::from_secs(self.disable_after_seconds),
            timeout: std::time::Duration::from_secs_f64(self.timeout_seconds),
            retention: std::time::Duration::from_secs(u64::from(self.retention_days) * 24 * 3600),
            configured,
        })
    }
}

/// A checked retry schedule.
#[derive(Clone, Debug)]
pub struct RetrySchedule(Vec<std::time::Duration>);

fn retry_schedule(text: &str) -> Result<RetrySchedule, String> {
    crate::webhooks::schedule::parse(text).map(RetrySchedule)
}

/// A number of seconds above 0 (decimals allowed).
fn positive_seconds(text: &str) -> Result<f64, String> {
    match text.trim().parse::<f64>() {
        Ok(seconds) if seconds > 0.0 && seconds < 1e9 => Ok(seconds),
        _ => Err(format!("{text:?} is not a number of seconds above 0")),
    }
}

/// Single sign-on's services: for each, the rows of [`settings::SSO`] (Mattermost's
/// `SSOSettings` keys) become flags, read from the environment too, with no clap field written
/// per row; then `NativeAppSettings.AppCustomURLSchemes` and Office 365's directory. Checked by
/// [`config::SsoConfig::from_lookup`]. Secrets are never shown (`--help` hides their values).
#[derive(Clone, Debug, Default)]
pub struct SsoArgs {
    /// (environment name, value) of each row given.
    values: Vec<(&'static str, String)>,
}

impl SsoArgs {
    /// Every row these flags read.
    fn rows() -> impl Iterator<Item = &'static settings::Setting> {
        settings::SSO
            .iter()
            .flat_map(|s| {
                [
                    &s.enable,
                    &s.id,
                    &s.secret,
                    &s.scope,
                    &s.auth_endpoint,
                    &s.token_endpoint,
                    &s.user_api_endpoint,
                    &s.discovery_endpoint,
                    &s.button_text,
                    &s.button_color,
                ]
            })
            .chain([&settings::OFFICE365_DIRECTORY_ID, &settings::APP_CUSTOM_URL_SCHEMES])
    }

    /// The services, checked against `site_url`.
    pub fn config(&self, site_url: &str) -> anyhow::Result<config::SsoConfig> {
        let value = |s: &settings::Setting| self.values.iter().find(|(env, _)| *env == s.env).map(|(_, v)| v.clone());
        config::SsoConfig::from_lookup(value, site_url).map_err(anyhow::Error::msg)
    }
}

impl clap::FromArgMatches for SsoArgs {
    fn from_arg_matches(matches: &clap::ArgMatches) -> Result<Self, clap::Error> {
        let mut args = SsoArgs::default();
        args.update_from_arg_matches(matches)?;
        Ok(args)
    }

    fn update_from_arg_matches(&mut self, matches: &clap::ArgMatches) -> Result<(), clap::Error> {
        for row in Self::rows() {
            if let Some(value) = matches.get_one::<String>(row.flag) {
                self.values.retain(|(env, _)| *env != row.env);
                self.values.push((row.env, value.clone()));
            }
        }
        Ok(())
    }
}

impl clap::Args for SsoArgs {
    fn augment_args(mut cmd: clap::Command) -> clap::Command {
        for row in Self::rows() {
            let key = row.mattermost.map_or("", |k| k.key);
            let secret = key == "Secret";
            let help = match row.mattermost {
                Some(k) => format!("Single sign-on: {}.{}", k.section, k.key),
                None => String::new(),
            };
            let value_name = match key {
                "Enable" => "BOOL",
                "Secret" => "SECRET",
                k if k.ends_with("Endpoint") => "URL",
                _ => "TEXT",
            };
            cmd = cmd.arg(
                clap::Arg::new(row.flag)
                    .long(row.flag)
                    .env(row.env)
                    .hide_env_values(secret)
                    .value_name(value_name)
                    .help(help)
                    .hide_short_help(true),
            );
        }
        cmd
    }

    fn augment_args_for_update(cmd: clap::Command) -> clap::Command {
        Self::augment_args(cmd)
    }
}

/// Mattermost's `ClientRequirements`: the mobile apps' versions `GET /system/ping` reports.
#[derive(Clone, Debug, Args)]
pub struct ClientRequirementsArgs {
    /// The newest Android app version (reported by GET /system/ping).
    #[arg(long = settings::ANDROID_LATEST_VERSION.flag, env = settings::ANDROID_LATEST_VERSION.env, default_value = "", value_name = "VERSION")]
    pub android_latest_version: String,
    /// The oldest Android app version that may connect (reported by GET /system/ping).
    #[arg(long = settings::ANDROID_MIN_VERSION.flag, env = settings::ANDROID_MIN_VERSION.env, default_value = "", value_name = "VERSION")]
    pub android_min_version: String,
    /// The newest iOS app version (reported by GET /system/ping).
    #[arg(long = settings::IOS_LATEST_VERSION.flag, env = settings::IOS_LATEST_VERSION.env, default_value = "", value_name = "VERSION")]
    pub ios_latest_version: String,
    /// The oldest iOS app version that may connect (reported by GET /system/ping).
    #[arg(long = settings::IOS_MIN_VERSION.flag, env = settings::IOS_MIN_VERSION.env, default_value = "", value_name = "VERSION")]
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
    #[arg(long = settings::SESSION_LENGTH_WEB_HOURS.flag, env = settings::SESSION_LENGTH_WEB_HOURS.env, value_name = "HOURS",
        help = format!("Lifetime of a web login, in hours [default: {}]", config::DEFAULT_SESSION_HOURS), value_parser = positive_u32)]
    pub session_length_web_hours: Option<NonZeroU32>,

    #[arg(long = settings::SESSION_LENGTH_MOBILE_HOURS.flag, env = settings::SESSION_LENGTH_MOBILE_HOURS.env, value_name = "HOURS",
        help = format!("Lifetime of a mobile login (one that sends a device id), in hours [default: {}]",
            config::DEFAULT_SESSION_HOURS), value_parser = positive_u32)]
    pub session_length_mobile_hours: Option<NonZeroU32>,

    /// Deprecated: use --session-length-web-hours.
    #[arg(long = settings::WEB_SESSION_DAYS.flag, env = settings::WEB_SESSION_DAYS.env, value_name = "DAYS", hide_short_help = true, value_parser = positive_u32)]
    pub web_session_days: Option<NonZeroU32>,

    /// Deprecated: use --session-length-mobile-hours (its default is Mattermost's, shorter than the old
    /// one of 180 days).
    #[arg(long = settings::MOBILE_SESSION_DAYS.flag, env = settings::MOBILE_SESSION_DAYS.env, value_name = "DAYS", hide_short_help = true, value_parser = positive_u32)]
    pub mobile_session_days: Option<NonZeroU32>,

    /// Minutes a web session may go unused before it is ended (0: never); applies only while
    /// extension is off, as in Mattermost.
    #[arg(
        long = settings::SESSION_IDLE_TIMEOUT_MINUTES.flag,
        env = settings::SESSION_IDLE_TIMEOUT_MINUTES.env,
        default_value_t = config::DEFAULT_SESSION_IDLE_TIMEOUT_MINUTES,
        value_name = "MINUTES"
    )]
    pub session_idle_timeout_minutes: u32,

    /// Extend a session's expiry with activity (true/false).
    #[arg(long = settings::EXTEND_SESSION_LENGTH_WITH_ACTIVITY.flag, env = settings::EXTEND_SESSION_LENGTH_WITH_ACTIVITY.env,
        default_value_t = config::DEFAULT_EXTEND_SESSION_LENGTH_WITH_ACTIVITY,
        action = clap::ArgAction::Set, value_name = "BOOL")]
    pub extend_session_length_with_activity: bool,

    /// End a user's other sessions when their password changes (true/false).
    #[arg(long = settings::TERMINATE_SESSIONS_ON_PASSWORD_CHANGE.flag, env = settings::TERMINATE_SESSIONS_ON_PASSWORD_CHANGE.env,
        default_value_t = config::DEFAULT_TERMINATE_SESSIONS_ON_PASSWORD_CHANGE,
        action = clap::ArgAction::Set, value_name = "BOOL")]
    pub terminate_sessions_on_password_change: bool,

    /// Let users deactivate themselves (true/false).
    #[arg(long = settings::ENABLE_USER_DEACTIVATION.flag, env = settings::ENABLE_USER_DEACTIVATION.env, default_value_t = config::DEFAULT_ENABLE_USER_DEACTIVATION,
        action = clap::ArgAction::Set, value_name = "BOOL")]
    pub enable_user_deactivation: bool,

    /// Let users make personal access tokens, and accept them (true/false); off, the sessions
    /// tokens opened are refused too.
    #[arg(long = settings::ENABLE_USER_ACCESS_TOKENS.flag, env = settings::ENABLE_USER_ACCESS_TOKENS.env,
        default_value_t = config::DEFAULT_ENABLE_USER_ACCESS_TOKENS, action = clap::ArgAction::Set, value_name = "BOOL")]
    pub enable_user_access_tokens: bool,

    /// The most days a new personal access token may live; it must then carry an expiry (0: no
    /// limit).
    #[arg(long = settings::MAXIMUM_PERSONAL_ACCESS_TOKEN_LIFETIME_DAYS.flag, env = settings::MAXIMUM_PERSONAL_ACCESS_TOKEN_LIFETIME_DAYS.env,
        default_value_t = config::DEFAULT_MAXIMUM_PERSONAL_ACCESS_TOKEN_LIFETIME_DAYS, value_name = "DAYS")]
    pub maximum_personal_access_token_lifetime_days: u32,

    /// Days audit records are kept (purged with expired sessions).
    #[arg(long = settings::AUDIT_RETENTION_DAYS.flag, env = settings::AUDIT_RETENTION_DAYS.env, default_value_t = config::DEFAULT_AUDIT_RETENTION_DAYS,
        value_name = "DAYS", value_parser = positive_u32)]
    pub audit_retention_days: NonZeroU32,

    /// Sessions one user may hold; a login beyond it revokes the least recently used.
    #[arg(long = settings::MAX_SESSIONS_PER_USER.flag, env = settings::MAX_SESSIONS_PER_USER.env, default_value_t = config::DEFAULT_MAX_SESSIONS_PER_USER, value_parser = positive_usize)]
    pub max_sessions_per_user: NonZeroUsize,

    /// Login attempts accepted per minute from one client address (a burst of that many, then
    /// one every 60/N seconds); beyond it, 429 with Retry-After.
    #[arg(long = settings::LOGIN_RATE_IP.flag, env = settings::LOGIN_RATE_IP.env, default_value_t = config::DEFAULT_LOGIN_RATE_IP, value_parser = positive_u32)]
    pub login_rate_ip: NonZeroU32,

    /// Login attempts accepted per minute for one account.
    #[arg(long = settings::LOGIN_RATE_ACCOUNT.flag, env = settings::LOGIN_RATE_ACCOUNT.env, default_value_t = config::DEFAULT_LOGIN_RATE_ACCOUNT, value_parser = positive_u32)]
    pub login_rate_account: NonZeroU32,

    /// Let users set up multi-factor authentication (TOTP), and ask logins for the code
    /// (true/false).
    #[arg(long = settings::ENABLE_MULTIFACTOR_AUTHENTICATION.flag, env = settings::ENABLE_MULTIFACTOR_AUTHENTICATION.env,
        default_value_t = config::DEFAULT_ENABLE_MULTIFACTOR_AUTHENTICATION, action = clap::ArgAction::Set,
        value_name = "BOOL")]
    pub enable_multifactor_authentication: bool,

    /// Require MFA: a user without it may do nothing but set it up (true/false; needs
    /// --enable-multifactor-authentication).
    #[arg(long = settings::ENFORCE_MULTIFACTOR_AUTHENTICATION.flag, env = settings::ENFORCE_MULTIFACTOR_AUTHENTICATION.env,
        default_value_t = config::DEFAULT_ENFORCE_MULTIFACTOR_AUTHENTICATION, action = clap::ArgAction::Set,
        value_name = "BOOL")]
    pub enforce_multifactor_authentication: bool,

    /// Require MFA of guests too (true/false).
    #[arg(long = settings::GUEST_ENFORCE_MULTIFACTOR_AUTHENTICATION.flag, env = settings::GUEST_ENFORCE_MULTIFACTOR_AUTHENTICATION.env,
        default_value_t = config::DEFAULT_ENFORCE_MULTIFACTOR_AUTHENTICATION, action = clap::ArgAction::Set,
        value_name = "BOOL")]
    pub guest_enforce_multifactor_authentication: bool,

    /// The site's public URL, e.g. https://chat.example.com (http(s), a host, no user name, query
    /// or fragment); its host names the issuer authenticator apps show (default: "Mattermost").
    #[arg(long = settings::SITE_URL.flag, env = settings::SITE_URL.env, default_value = "", value_name = "URL",
        value_parser = SiteUrlParser)]
    pub site_url: SiteUrl,

    /// Wrong MFA codes after which a user's code sign-ins are refused until their password
    /// changes (or MFA is turned off).
    #[arg(long = settings::MAXIMUM_LOGIN_ATTEMPTS.flag, env = settings::MAXIMUM_LOGIN_ATTEMPTS.env, default_value_t = config::DEFAULT_MAXIMUM_LOGIN_ATTEMPTS,
        value_name = "N", value_parser = positive_u32)]
    pub maximum_login_attempts: NonZeroU32,

    /// Let single sign-on make accounts for people who have none here (true/false).
    #[arg(long = settings::ENABLE_USER_CREATION.flag, env = settings::ENABLE_USER_CREATION.env,
        default_value_t = config::DEFAULT_ENABLE_USER_CREATION, action = clap::ArgAction::Set, value_name = "BOOL")]
    pub enable_user_creation: bool,

    /// Email domains new accounts may have, comma-separated (e.g. example.com); default: any.
    #[arg(long = settings::RESTRICT_CREATION_TO_DOMAINS.flag, env = settings::RESTRICT_CREATION_TO_DOMAINS.env,
        default_value = "", value_name = "DOMAINS")]
    pub restrict_creation_to_domains: String,

    /// Lifetime of a single sign-on login, in hours.
    #[arg(long = settings::SESSION_LENGTH_SSO_HOURS.flag, env = settings::SESSION_LENGTH_SSO_HOURS.env,
        default_value_t = config::DEFAULT_SESSION_LENGTH_SSO_HOURS, value_name = "HOURS", value_parser = positive_u32_plain)]
    pub session_length_sso_hours: u32,
}

impl PolicyArgs {
    pub(super) fn policy(&self) -> anyhow::Result<SessionPolicy> {
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
                settings::SESSION_LENGTH_WEB_HOURS.flag,
                settings::WEB_SESSION_DAYS.flag,
            )?,
            mobile_length: length(
                self.session_length_mobile_hours,
                self.mobile_session_days,
                settings::SESSION_LENGTH_MOBILE_HOURS.flag,
                settings::MOBILE_SESSION_DAYS.flag,
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
            sso: config::SsoPolicy {
                enable_user_creation: self.enable_user_creation,
                restrict_creation_to_domains: config::SsoPolicy::parse_domains(&self.restrict_creation_to_domains),
                session_length: config::hours(u64::from(self.session_length_sso_hours)),
                any_enabled: false,
            },
            site_url: self.site_url.as_str().to_owned(),
        })
    }

    /// The policy as the environment sets it (the admin commands take no policy flags).
    pub(super) fn from_environment() -> anyhow::Result<SessionPolicy> {
        PolicyArgs::try_parse_from(["mm-sessions"])?.policy()
    }
}

/// Parses `--database` without ever quoting the value back: a PostgreSQL URL may hold a password,
/// and clap's own message for a bad value repeats it.
#[derive(Clone)]
pub(super) struct DatabaseParser;

impl clap::builder::TypedValueParser for DatabaseParser {
    type Value = Database;

    fn parse_ref(
        &self,
        cmd: &clap::Command,
        _arg: Option<&clap::Arg>,
        value: &std::ffi::OsStr,
    ) -> Result<Database, clap::Error> {
        let invalid = |message: String| {
            clap::Error::raw(
                clap::error::ErrorKind::ValueValidation,
                format!("--{}: {message}\n", settings::DATABASE.flag),
            )
            .with_cmd(cmd)
        };
        value.to_str().ok_or_else(|| invalid("not valid UTF-8".into()))?.parse().map_err(invalid)
    }
}

/// Parses `--site-url` (and `MM_SERVICESETTINGS_SITEURL`, and config.json's `SiteURL`, which
/// arrive through it) with [`SiteUrl`]'s rule. Not clap's own message for a bad value: it
/// repeats the value raw, and a SiteURL may hold a CR LF or a password. The flag is kept in the
/// error's context, so that `main` names config.json's key when the file gave the value.
#[derive(Clone)]
pub(super) struct SiteUrlParser;

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
        let value = value.to_str().ok_or_else(|| invalid(format!("{} is not UTF-8", settings::SITE_URL.names())))?;
        value.parse().map_err(invalid)
    }
}

/// A whole number of at least 1, said so when it is not (clap's own words for `NonZeroU32` are
/// "number would be zero for non-zero type").
fn positive_u32(value: &str) -> Result<NonZeroU32, String> {
    value.trim().parse::<NonZeroU32>().map_err(|_| format!("must be a whole number from 1 to {}", u32::MAX))
}

/// As [`positive_u32`], as a plain number.
fn positive_u32_plain(value: &str) -> Result<u32, String> {
    positive_u32(value).map(NonZeroU32::get)
}

/// As [`positive_u32`], for counts.
fn positive_usize(value: &str) -> Result<NonZeroUsize, String> {
    value.trim().parse::<NonZeroUsize>().map_err(|_| format!("must be a whole number from 1 to {}", usize::MAX))
}
