//! The session policy: lifetimes, idle timeout and extension, what ends sessions, personal
//! access tokens, MFA (and its start-up check), the login budgets' sizes.

use std::num::{NonZeroU32, NonZeroUsize};
use std::time::Duration;

use super::{
    days, settings, DEFAULT_AUDIT_RETENTION_DAYS, DEFAULT_ENABLE_MULTIFACTOR_AUTHENTICATION,
    DEFAULT_ENABLE_USER_ACCESS_TOKENS, DEFAULT_ENABLE_USER_DEACTIVATION, DEFAULT_ENFORCE_MULTIFACTOR_AUTHENTICATION,
    DEFAULT_EXTEND_SESSION_LENGTH_WITH_ACTIVITY, DEFAULT_LOGIN_RATE_ACCOUNT, DEFAULT_LOGIN_RATE_IP,
    DEFAULT_MAXIMUM_LOGIN_ATTEMPTS, DEFAULT_MAXIMUM_PERSONAL_ACCESS_TOKEN_LIFETIME_DAYS, DEFAULT_MAX_SESSIONS_PER_USER,
    DEFAULT_SESSION_HOURS, DEFAULT_SESSION_IDLE_TIMEOUT_MINUTES, DEFAULT_TERMINATE_SESSIONS_ON_PASSWORD_CHANGE,
};

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
    /// Single sign-on's accounts and sessions.
    pub sso: super::SsoPolicy,
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
            (false, true, _) => settings::ENFORCE_MULTIFACTOR_AUTHENTICATION,
            (false, false, true) => settings::GUEST_ENFORCE_MULTIFACTOR_AUTHENTICATION,
        };
        Err(format!(
            "{} is on but {} is off: with MFA off nobody can set it up and no login is asked for a code, so the \
             enforcement would enforce nothing, silently (a security gap; Mattermost starts so); turn \
             EnableMultifactorAuthentication on, or the enforcement off",
            enforcement.names(),
            settings::ENABLE_MULTIFACTOR_AUTHENTICATION.names()
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
            sso: super::SsoPolicy::default(),
            site_url: String::new(),
        }
    }
}
