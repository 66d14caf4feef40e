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
    /// An array of strings (joined with commas in the environment and on the command line).
    TextList,
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
    WEBHOOK_RETRY_SCHEDULE = "webhook-retry-schedule", "MM_SESSIONS_WEBHOOK_RETRY_SCHEDULE";
    WEBHOOK_DISABLE_AFTER_SECONDS = "webhook-disable-after-seconds", "MM_SESSIONS_WEBHOOK_DISABLE_AFTER_SECONDS";
    WEBHOOK_TIMEOUT_SECONDS = "webhook-timeout-seconds", "MM_SESSIONS_WEBHOOK_TIMEOUT_SECONDS";
    WEBHOOK_RETENTION_DAYS = "webhook-retention-days", "MM_SESSIONS_WEBHOOK_RETENTION_DAYS";
    WEBHOOK_ENDPOINTS_FILE = "webhook-endpoints-file", "MM_SESSIONS_WEBHOOK_ENDPOINTS_FILE";
    MAX_SESSIONS_PER_USER = "max-sessions-per-user", "MM_SESSIONS_MAX_SESSIONS_PER_USER";
    LOGIN_RATE_IP = "login-rate-ip", "MM_SESSIONS_LOGIN_RATE_IP";
    LOGIN_RATE_ACCOUNT = "login-rate-account", "MM_SESSIONS_LOGIN_RATE_ACCOUNT";
    ENABLE_MULTIFACTOR_AUTHENTICATION = "enable-multifactor-authentication", "MM_SERVICESETTINGS_ENABLEMULTIFACTORAUTHENTICATION", ServiceSettings.EnableMultifactorAuthentication: Bool;
    ENFORCE_MULTIFACTOR_AUTHENTICATION = "enforce-multifactor-authentication", "MM_SERVICESETTINGS_ENFORCEMULTIFACTORAUTHENTICATION", ServiceSettings.EnforceMultifactorAuthentication: Bool;
    GUEST_ENFORCE_MULTIFACTOR_AUTHENTICATION = "guest-enforce-multifactor-authentication", "MM_GUESTACCOUNTSSETTINGS_ENFORCEMULTIFACTORAUTHENTICATION", GuestAccountsSettings.EnforceMultifactorAuthentication: Bool;
    SITE_URL = "site-url", "MM_SERVICESETTINGS_SITEURL", ServiceSettings.SiteURL: Text;
    MAXIMUM_LOGIN_ATTEMPTS = "maximum-login-attempts", "MM_SERVICESETTINGS_MAXIMUMLOGINATTEMPTS", ServiceSettings.MaximumLoginAttempts: Count;
    DATABASE = "database", "MM_SESSIONS_DATABASE";
    ENABLE_USER_CREATION = "enable-user-creation", "MM_TEAMSETTINGS_ENABLEUSERCREATION", TeamSettings.EnableUserCreation: Bool;
    RESTRICT_CREATION_TO_DOMAINS = "restrict-creation-to-domains", "MM_TEAMSETTINGS_RESTRICTCREATIONTODOMAINS", TeamSettings.RestrictCreationToDomains: Text;
    SESSION_LENGTH_SSO_HOURS = "session-length-sso-hours", "MM_SERVICESETTINGS_SESSIONLENGTHSSOINHOURS", ServiceSettings.SessionLengthSSOInHours: Count;
    APP_CUSTOM_URL_SCHEMES = "app-custom-url-schemes", "MM_NATIVEAPPSETTINGS_APPCUSTOMURLSCHEMES", NativeAppSettings.AppCustomURLSchemes: TextList;
    // Single sign-on: one block per service, Mattermost's `SSOSettings` keys ([`SSO`]).
    GITLAB_ENABLE = "gitlab-enable", "MM_GITLABSETTINGS_ENABLE", GitLabSettings.Enable: Bool;
    GITLAB_ID = "gitlab-id", "MM_GITLABSETTINGS_ID", GitLabSettings.Id: Text;
    GITLAB_SECRET = "gitlab-secret", "MM_GITLABSETTINGS_SECRET", GitLabSettings.Secret: Text;
    GITLAB_SCOPE = "gitlab-scope", "MM_GITLABSETTINGS_SCOPE", GitLabSettings.Scope: Text;
    GITLAB_AUTH_ENDPOINT = "gitlab-auth-endpoint", "MM_GITLABSETTINGS_AUTHENDPOINT", GitLabSettings.AuthEndpoint: Text;
    GITLAB_TOKEN_ENDPOINT = "gitlab-token-endpoint", "MM_GITLABSETTINGS_TOKENENDPOINT", GitLabSettings.TokenEndpoint: Text;
    GITLAB_USER_API_ENDPOINT = "gitlab-user-api-endpoint", "MM_GITLABSETTINGS_USERAPIENDPOINT", GitLabSettings.UserAPIEndpoint: Text;
    GITLAB_DISCOVERY_ENDPOINT = "gitlab-discovery-endpoint", "MM_GITLABSETTINGS_DISCOVERYENDPOINT", GitLabSettings.DiscoveryEndpoint: Text;
    GITLAB_BUTTON_TEXT = "gitlab-button-text", "MM_GITLABSETTINGS_BUTTONTEXT", GitLabSettings.ButtonText: Text;
    GITLAB_BUTTON_COLOR = "gitlab-button-color", "MM_GITLABSETTINGS_BUTTONCOLOR", GitLabSettings.ButtonColor: Text;
    GOOGLE_ENABLE = "google-enable", "MM_GOOGLESETTINGS_ENABLE", GoogleSettings.Enable: Bool;
    GOOGLE_ID = "google-id", "MM_GOOGLESETTINGS_ID", GoogleSettings.Id: Text;
    GOOGLE_SECRET = "google-secret", "MM_GOOGLESETTINGS_SECRET", GoogleSettings.Secret: Text;
    GOOGLE_SCOPE = "google-scope", "MM_GOOGLESETTINGS_SCOPE", GoogleSettings.Scope: Text;
    GOOGLE_AUTH_ENDPOINT = "google-auth-endpoint", "MM_GOOGLESETTINGS_AUTHENDPOINT", GoogleSettings.AuthEndpoint: Text;
    GOOGLE_TOKEN_ENDPOINT = "google-token-endpoint", "MM_GOOGLESETTINGS_TOKENENDPOINT", GoogleSettings.TokenEndpoint: Text;
    GOOGLE_USER_API_ENDPOINT = "google-user-api-endpoint", "MM_GOOGLESETTINGS_USERAPIENDPOINT", GoogleSettings.UserAPIEndpoint: Text;
    GOOGLE_DISCOVERY_ENDPOINT = "google-discovery-endpoint", "MM_GOOGLESETTINGS_DISCOVERYENDPOINT", GoogleSettings.DiscoveryEndpoint: Text;
    GOOGLE_BUTTON_TEXT = "google-button-text", "MM_GOOGLESETTINGS_BUTTONTEXT", GoogleSettings.ButtonText: Text;
    GOOGLE_BUTTON_COLOR = "google-button-color", "MM_GOOGLESETTINGS_BUTTONCOLOR", GoogleSettings.ButtonColor: Text;
    OFFICE365_ENABLE = "office365-enable", "MM_OFFICE365SETTINGS_ENABLE", Office365Settings.Enable: Bool;
    OFFICE365_ID = "office365-id", "MM_OFFICE365SETTINGS_ID", Office365Settings.Id: Text;
    OFFICE365_SECRET = "office365-secret", "MM_OFFICE365SETTINGS_SECRET", Office365Settings.Secret: Text;
    OFFICE365_SCOPE = "office365-scope", "MM_OFFICE365SETTINGS_SCOPE", Office365Settings.Scope: Text;
    OFFICE365_AUTH_ENDPOINT = "office365-auth-endpoint", "MM_OFFICE365SETTINGS_AUTHENDPOINT", Office365Settings.AuthEndpoint: Text;
    OFFICE365_TOKEN_ENDPOINT = "office365-token-endpoint", "MM_OFFICE365SETTINGS_TOKENENDPOINT", Office365Settings.TokenEndpoint: Text;
    OFFICE365_USER_API_ENDPOINT = "office365-user-api-endpoint", "MM_OFFICE365SETTINGS_USERAPIENDPOINT", Office365Settings.UserAPIEndpoint: Text;
    OFFICE365_DISCOVERY_ENDPOINT = "office365-discovery-endpoint", "MM_OFFICE365SETTINGS_DISCOVERYENDPOINT", Office365Settings.DiscoveryEndpoint: Text;
    OFFICE365_BUTTON_TEXT = "office365-button-text", "MM_OFFICE365SETTINGS_BUTTONTEXT", Office365Settings.ButtonText: Text;
    OFFICE365_BUTTON_COLOR = "office365-button-color", "MM_OFFICE365SETTINGS_BUTTONCOLOR", Office365Settings.ButtonColor: Text;
    OPENID_ENABLE = "openid-enable", "MM_OPENIDSETTINGS_ENABLE", OpenIdSettings.Enable: Bool;
    OPENID_ID = "openid-id", "MM_OPENIDSETTINGS_ID", OpenIdSettings.Id: Text;
    OPENID_SECRET = "openid-secret", "MM_OPENIDSETTINGS_SECRET", OpenIdSettings.Secret: Text;
    OPENID_SCOPE = "openid-scope", "MM_OPENIDSETTINGS_SCOPE", OpenIdSettings.Scope: Text;
    OPENID_AUTH_ENDPOINT = "openid-auth-endpoint", "MM_OPENIDSETTINGS_AUTHENDPOINT", OpenIdSettings.AuthEndpoint: Text;
    OPENID_TOKEN_ENDPOINT = "openid-token-endpoint", "MM_OPENIDSETTINGS_TOKENENDPOINT", OpenIdSettings.TokenEndpoint: Text;
    OPENID_USER_API_ENDPOINT = "openid-user-api-endpoint", "MM_OPENIDSETTINGS_USERAPIENDPOINT", OpenIdSettings.UserAPIEndpoint: Text;
    OPENID_DISCOVERY_ENDPOINT = "openid-discovery-endpoint", "MM_OPENIDSETTINGS_DISCOVERYENDPOINT", OpenIdSettings.DiscoveryEndpoint: Text;
    OPENID_BUTTON_TEXT = "openid-button-text", "MM_OPENIDSETTINGS_BUTTONTEXT", OpenIdSettings.ButtonText: Text;
    OPENID_BUTTON_COLOR = "openid-button-color", "MM_OPENIDSETTINGS_BUTTONCOLOR", OpenIdSettings.ButtonColor: Text;
    OFFICE365_DIRECTORY_ID = "office365-directory-id", "MM_OFFICE365SETTINGS_DIRECTORYID", Office365Settings.DirectoryId: Text;
}

/// One single sign-on service's settings: Mattermost's `SSOSettings` section for it.
#[derive(Clone, Copy, Debug)]
pub struct SsoSettings {
    /// The service's name in URLs and in users' `auth_service` (`gitlab`, …).
    pub service: &'static str,
    pub enable: Setting,
    pub id: Setting,
    pub secret: Setting,
    pub scope: Setting,
    pub auth_endpoint: Setting,
    pub token_endpoint: Setting,
    pub user_api_endpoint: Setting,
    pub discovery_endpoint: Setting,
    pub button_text: Setting,
    pub button_color: Setting,
}

macro_rules! sso_block {
    ($service:literal, $enable:ident, $id:ident, $secret:ident, $scope:ident, $auth:ident, $token:ident, $user:ident, $discovery:ident, $text:ident, $color:ident) => {
        SsoSettings {
            service: $service,
            enable: $enable,
            id: $id,
            secret: $secret,
            scope: $scope,
            auth_endpoint: $auth,
            token_endpoint: $token,
            user_api_endpoint: $user,
            discovery_endpoint: $discovery,
            button_text: $text,
            button_color: $color,
        }
    };
}

/// The single sign-on services' settings, one block per service.
pub const SSO: &[SsoSettings] = &[
    sso_block!(
        "gitlab",
        GITLAB_ENABLE,
        GITLAB_ID,
        GITLAB_SECRET,
        GITLAB_SCOPE,
        GITLAB_AUTH_ENDPOINT,
        GITLAB_TOKEN_ENDPOINT,
        GITLAB_USER_API_ENDPOINT,
        GITLAB_DISCOVERY_ENDPOINT,
        GITLAB_BUTTON_TEXT,
        GITLAB_BUTTON_COLOR
    ),
    sso_block!(
        "google",
        GOOGLE_ENABLE,
        GOOGLE_ID,
        GOOGLE_SECRET,
        GOOGLE_SCOPE,
        GOOGLE_AUTH_ENDPOINT,
        GOOGLE_TOKEN_ENDPOINT,
        GOOGLE_USER_API_ENDPOINT,
        GOOGLE_DISCOVERY_ENDPOINT,
        GOOGLE_BUTTON_TEXT,
        GOOGLE_BUTTON_COLOR
    ),
    sso_block!(
        "office365",
        OFFICE365_ENABLE,
        OFFICE365_ID,
        OFFICE365_SECRET,
        OFFICE365_SCOPE,
        OFFICE365_AUTH_ENDPOINT,
        OFFICE365_TOKEN_ENDPOINT,
        OFFICE365_USER_API_ENDPOINT,
        OFFICE365_DISCOVERY_ENDPOINT,
        OFFICE365_BUTTON_TEXT,
        OFFICE365_BUTTON_COLOR
    ),
    sso_block!(
        "openid",
        OPENID_ENABLE,
        OPENID_ID,
        OPENID_SECRET,
        OPENID_SCOPE,
        OPENID_AUTH_ENDPOINT,
        OPENID_TOKEN_ENDPOINT,
        OPENID_USER_API_ENDPOINT,
        OPENID_DISCOVERY_ENDPOINT,
        OPENID_BUTTON_TEXT,
        OPENID_BUTTON_COLOR
    ),
];

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
