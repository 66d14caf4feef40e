//! Every setting's names, written once: its flag, its environment variable, and Mattermost's
//! `config.json` key (with the JSON type it must have) where Mattermost has the setting. The
//! command line takes its flags' names from here (`long = settings::X.flag, env =
//! settings::X.env`), config.json is read through the keys here ([`crate::config_file`]), and
//! messages that name a setting print it from here ([`Setting::names`]); `--help` shows the
//! environment names clap reads. A Mattermost setting's environment name is Mattermost's
//! `MM_<SECTION>_<KEY>`, upper-cased (a test checks each), except those in [`OWN_ENV_NAMES`],
//! for which Mattermost's name is taken too ([`mattermost_env_aliases`]).
//!
//! A new setting: its row here, its default in [`super`], its field in the flag struct that
//! holds it (`cli/flags.rs`) reading the row, and its field in the type that holds it.

/// The JSON type a Mattermost setting must have in `config.json`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    Bool,
    /// A whole number, 0 or more.
    Count,
    Text,
}

/// Where a setting stands in Mattermost's `config.json`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Key {
    pub section: &'static str,
    pub key: &'static str,
    pub kind: Kind,
}

/// One setting's names.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Setting {
    /// The flag, without its `--`.
    pub flag: &'static str,
    /// The environment variable.
    pub env: &'static str,
    /// Mattermost's `config.json` key, if Mattermost has the setting.
    pub mattermost: Option<Key>,
}

impl Setting {
    /// The setting as a message names it: Mattermost's key (if any; its section too, but for
    /// `ServiceSettings`), the flag and the environment variable, e.g. `SiteURL (--site-url,
    /// MM_SERVICESETTINGS_SITEURL)`.
    pub fn names(&self) -> String {
        match self.mattermost {
            Some(Key { section: "ServiceSettings", key, .. }) => format!("{key} (--{}, {})", self.flag, self.env),
            Some(Key { section, key, .. }) => format!("{section}.{key} (--{}, {})", self.flag, self.env),
            None => format!("--{} ({})", self.flag, self.env),
        }
    }

    /// Mattermost's own environment name for the setting, `MM_<SECTION>_<KEY>` upper-cased.
    pub fn mattermost_env(&self) -> Option<String> {
        self.mattermost.map(|k| format!("MM_{}_{}", k.section, k.key).to_ascii_uppercase())
    }
}

macro_rules! settings {
    ($($name:ident = $flag:literal, $env:literal $(, $section:ident . $key:ident : $kind:ident)?;)*) => {
        $(
            #[doc = concat!("`--", $flag, "`, `", $env, "`.")]
            pub const $name: Setting = Setting { flag: $flag, env: $env, mattermost: settings!(@key $($section $key $kind)?) };
        )*
        /// Every setting, in the order of the table.
        pub const ALL: &[Setting] = &[$($name),*];
    };
    (@key) => { None };
    (@key $section:ident $key:ident $kind:ident) => {
        Some(Key { section: stringify!($section), key: stringify!($key), kind: Kind::$kind })
    };
}

settings! {
    LISTEN = "listen", "MM_SESSIONS_LISTEN", ServiceSettings.ListenAddress: Text;
    GRANTS = "grant", "MM_SESSIONS_GRANTS";
    METRICS_LISTEN = "metrics-listen", "MM_SESSIONS_METRICS_LISTEN";
    MAX_CONNECTIONS = "max-connections", "MM_SESSIONS_MAX_CONNECTIONS";
    READ_TIMEOUT = "read-timeout", "MM_SERVICESETTINGS_READTIMEOUT", ServiceSettings.ReadTimeout: Count;
    IDLE_TIMEOUT = "idle-timeout", "MM_SERVICESETTINGS_IDLETIMEOUT", ServiceSettings.IdleTimeout: Count;
    TRUSTED_PROXIES = "trusted-proxies", "MM_SESSIONS_TRUSTED_PROXIES";
    SECURE_COOKIES = "secure-cookies", "MM_SESSIONS_SECURE_COOKIES";
    ALLOWED_REDIRECT_HOSTS = "allowed-redirect-hosts", "MM_SESSIONS_ALLOWED_REDIRECT_HOSTS";
    FORWARD_AUTH_CSRF = "forward-auth-csrf", "MM_SESSIONS_FORWARD_AUTH_CSRF";
    ALLOW_COOKIES_FOR_SUBDOMAINS = "allow-cookies-for-subdomains", "MM_SERVICESETTINGS_ALLOWCOOKIESFORSUBDOMAINS", ServiceSettings.AllowCookiesForSubdomains: Bool;
    SESSION_CACHE_SIZE = "session-cache-size", "MM_SESSIONS_SESSION_CACHE_SIZE";
    MFA_KEY_FILE = "mfa-key-file", "MM_SESSIONS_MFA_KEY_FILE";
    ANDROID_LATEST_VERSION = "android-latest-version", "MM_CLIENTREQUIREMENTS_ANDROIDLATESTVERSION", ClientRequirements.AndroidLatestVersion: Text;
    ANDROID_MIN_VERSION = "android-min-version", "MM_CLIENTREQUIREMENTS_ANDROIDMINVERSION", ClientRequirements.AndroidMinVersion: Text;
    IOS_LATEST_VERSION = "ios-latest-version", "MM_CLIENTREQUIREMENTS_IOSLATESTVERSION", ClientRequirements.IosLatestVersion: Text;
    IOS_MIN_VERSION = "ios-min-version", "MM_CLIENTREQUIREMENTS_IOSMINVERSION", ClientRequirements.IosMinVersion: Text;
    SESSION_LENGTH_WEB_HOURS = "session-length-web-hours", "MM_SERVICESETTINGS_SESSIONLENGTHWEBINHOURS", ServiceSettings.SessionLengthWebInHours: Count;
    SESSION_LENGTH_MOBILE_HOURS = "session-length-mobile-hours", "MM_SERVICESETTINGS_SESSIONLENGTHMOBILEINHOURS", ServiceSettings.SessionLengthMobileInHours: Count;
    WEB_SESSION_DAYS = "web-session-days", "MM_SESSIONS_WEB_SESSION_DAYS";
    MOBILE_SESSION_DAYS = "mobile-session-days", "MM_SESSIONS_MOBILE_SESSION_DAYS";
    SESSION_IDLE_TIMEOUT_MINUTES = "session-idle-timeout-minutes", "MM_SERVICESETTINGS_SESSIONIDLETIMEOUTINMINUTES", ServiceSettings.SessionIdleTimeoutInMinutes: Count;
    EXTEND_SESSION_LENGTH_WITH_ACTIVITY = "extend-session-length-with-activity", "MM_SERVICESETTINGS_EXTENDSESSIONLENGTHWITHACTIVITY", ServiceSettings.ExtendSessionLengthWithActivity: Bool;
    TERMINATE_SESSIONS_ON_PASSWORD_CHANGE = "terminate-sessions-on-password-change", "MM_SERVICESETTINGS_TERMINATESESSIONSONPASSWORDCHANGE", ServiceSettings.TerminateSessionsOnPasswordChange: Bool;
    ENABLE_USER_DEACTIVATION = "enable-user-deactivation", "MM_TEAMSETTINGS_ENABLEUSERDEACTIVATION", TeamSettings.EnableUserDeactivation: Bool;
    ENABLE_USER_ACCESS_TOKENS = "enable-user-access-tokens", "MM_SERVICESETTINGS_ENABLEUSERACCESSTOKENS", ServiceSettings.EnableUserAccessTokens: Bool;
    MAXIMUM_PERSONAL_ACCESS_TOKEN_LIFETIME_DAYS = "maximum-personal-access-token-lifetime-days", "MM_SERVICESETTINGS_MAXIMUMPERSONALACCESSTOKENLIFETIMEDAYS", ServiceSettings.MaximumPersonalAccessTokenLifetimeDays: Count;
    AUDIT_RETENTION_DAYS = "audit-retention-days", "MM_SESSIONS_AUDIT_RETENTION_DAYS";
    MAX_SESSIONS_PER_USER = "max-sessions-per-user", "MM_SESSIONS_MAX_SESSIONS_PER_USER";
    LOGIN_RATE_IP = "login-rate-ip", "MM_SESSIONS_LOGIN_RATE_IP";
    LOGIN_RATE_ACCOUNT = "login-rate-account", "MM_SESSIONS_LOGIN_RATE_ACCOUNT";
    ENABLE_MULTIFACTOR_AUTHENTICATION = "enable-multifactor-authentication", "MM_SERVICESETTINGS_ENABLEMULTIFACTORAUTHENTICATION", ServiceSettings.EnableMultifactorAuthentication: Bool;
    ENFORCE_MULTIFACTOR_AUTHENTICATION = "enforce-multifactor-authentication", "MM_SERVICESETTINGS_ENFORCEMULTIFACTORAUTHENTICATION", ServiceSettings.EnforceMultifactorAuthentication: Bool;
    GUEST_ENFORCE_MULTIFACTOR_AUTHENTICATION = "guest-enforce-multifactor-authentication", "MM_GUESTACCOUNTSSETTINGS_ENFORCEMULTIFACTORAUTHENTICATION", GuestAccountsSettings.EnforceMultifactorAuthentication: Bool;
    SITE_URL = "site-url", "MM_SERVICESETTINGS_SITEURL", ServiceSettings.SiteURL: Text;
    MAXIMUM_LOGIN_ATTEMPTS = "maximum-login-attempts", "MM_SERVICESETTINGS_MAXIMUMLOGINATTEMPTS", ServiceSettings.MaximumLoginAttempts: Count;
    DATABASE = "database", "MM_SESSIONS_DATABASE";
}

/// Mattermost settings whose environment variable here is another than Mattermost's: the listen
/// address is ours to name (`MM_SESSIONS_LISTEN`, beside the other `MM_SESSIONS_*` of the
/// listener), and Mattermost's `MM_SERVICESETTINGS_LISTENADDRESS` is read too.
pub const OWN_ENV_NAMES: &[Setting] = &[LISTEN];

/// (Mattermost's environment name, ours) for each of [`OWN_ENV_NAMES`].
pub fn mattermost_env_aliases() -> impl Iterator<Item = (String, &'static str)> {
    OWN_ENV_NAMES.iter().filter_map(|s| Some((s.mattermost_env()?, s.env)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mattermosts_settings_have_mattermosts_environment_names_but_the_listed_ones() {
        for setting in ALL {
            let Some(theirs) = setting.mattermost_env() else {
                assert!(setting.env.starts_with("MM_SESSIONS_"), "{setting:?}: ours are MM_SESSIONS_*");
                continue;
            };
            assert_eq!(setting.env == theirs, !OWN_ENV_NAMES.contains(setting), "{setting:?}");
        }
    }

    #[test]
    fn names_are_unique_and_each_constant_is_its_flag() {
        let mut flags: Vec<&str> = ALL.iter().map(|s| s.flag).collect();
        let mut envs: Vec<&str> = ALL.iter().map(|s| s.env).collect();
        flags.sort_unstable();
        envs.sort_unstable();
        flags.dedup();
        envs.dedup();
        assert_eq!((flags.len(), envs.len()), (ALL.len(), ALL.len()));
        assert_eq!(SITE_URL.names(), "SiteURL (--site-url, MM_SERVICESETTINGS_SITEURL)");
        assert_eq!(LOGIN_RATE_IP.names(), "--login-rate-ip (MM_SESSIONS_LOGIN_RATE_IP)");
    }
}
