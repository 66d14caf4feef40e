//! Single sign-on's settings: the services (Mattermost's `GitLabSettings`, `GoogleSettings`,
//! `Office365Settings`, `OpenIdSettings`), checked when the server starts, and the rules for
//! the accounts they make (`TeamSettings.EnableUserCreation`, `RestrictCreationToDomains`,
//! `ServiceSettings.SessionLengthSSOInHours`, `NativeAppSettings.AppCustomURLSchemes`).
//!
//! Every value comes through [`super::settings`]'s rows (flag, environment, config.json), read
//! here by a lookup, so that the rules are the same whatever gave them.

use std::fmt;
use std::time::Duration;

use url::Url;

use super::settings::{self, Setting, SsoSettings};

/// Mattermost's `SessionLengthSSOInHours` (720).
pub const DEFAULT_SESSION_LENGTH_SSO_HOURS: u32 = 720;
/// Mattermost's `TeamSettings.EnableUserCreation` (true).
pub const DEFAULT_ENABLE_USER_CREATION: bool = true;
/// Mattermost's `NativeAppSettings.AppCustomURLSchemes`.
pub const DEFAULT_APP_CUSTOM_URL_SCHEMES: &str = "mmauth://,mmauthbeta://";
/// Mattermost's `OpenIdSettings.ButtonColor`.
const DEFAULT_OPENID_BUTTON_COLOR: &str = "#145DBF";

/// A single sign-on service, as Mattermost names it (`model.GetSSOService`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Service {
    GitLab,
    Google,
    Office365,
    OpenId,
}

impl Service {
    pub const ALL: [Service; 4] = [Service::GitLab, Service::Google, Service::Office365, Service::OpenId];

    /// The name in URLs (`/oauth/{service}/login`) and in users' `auth_service`.
    pub fn as_str(self) -> &'static str {
        match self {
            Service::GitLab => "gitlab",
            Service::Google => "google",
            Service::Office365 => "office365",
            Service::OpenId => "openid",
        }
    }

    /// The service a name stands for (exactly, lower-case).
    pub fn parse(name: &str) -> Option<Service> {
        Service::ALL.into_iter().find(|s| s.as_str() == name)
    }

    /// What a button names it by default.
    pub fn display_name(self) -> &'static str {
        match self {
            Service::GitLab => "GitLab",
            Service::Google => "Google",
            Service::Office365 => "Microsoft",
            Service::OpenId => "OpenID Connect",
        }
    }

    /// Its settings' rows.
    pub fn settings(self) -> &'static SsoSettings {
        settings::SSO.iter().find(|s| s.service == self.as_str()).expect("a row block per service")
    }
}

impl fmt::Display for Service {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A client secret: never printed (its `Debug` says only whether it is set).
#[derive(Clone, Default, PartialEq, Eq)]
pub struct ClientSecret(String);

impl ClientSecret {
    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for ClientSecret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(if self.0.is_empty() { "ClientSecret(unset)" } else { "ClientSecret(..)" })
    }
}

/// How the server learns a provider's endpoints and who signed in.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Protocol {
    /// OpenID Connect: endpoints and keys from the discovery document; the person from the ID
    /// token, checked against the provider's published keys.
    OpenIdConnect { discovery: Url },
    /// OAuth 2.0 with a user-info API (GitLab's, as Mattermost reads it).
    OAuth { auth: Url, token: Url, user_api: Url },
}

/// One enabled service, checked.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Provider {
    pub service: Service,
    pub client_id: String,
    pub secret: ClientSecret,
    /// Space-separated scopes sent to the provider (`openid` included for OpenID Connect).
    pub scope: String,
    pub protocol: Protocol,
    /// The button's text ("Sign in with …" when empty).
    pub button_text: String,
    /// The button's colour, a CSS hex colour, or `None`.
    pub button_color: Option<String>,
}

/// The services and the rules for the accounts they make.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SsoConfig {
    /// Enabled services, in [`Service::ALL`]'s order.
    pub providers: Vec<Provider>,
    /// `NativeAppSettings.AppCustomURLSchemes`: where the mobile flow may send its token.
    pub app_custom_url_schemes: Vec<String>,
}

impl SsoConfig {
    /// The enabled provider of `service`.
    pub fn provider(&self, service: Service) -> Option<&Provider> {
        self.providers.iter().find(|p| p.service == service)
    }

    /// The services from `value`, the setting `setting` looks up (`None`: not set).
    /// `site_url` must be set when one is enabled: the provider sends the browser back to it.
    pub fn from_lookup(value: impl Fn(&Setting) -> Option<String>, site_url: &str) -> Result<SsoConfig, String> {
        let text = |s: &Setting| value(s).map(|v| v.trim().to_owned()).unwrap_or_default();
        let mut providers = Vec::new();
        for service in Service::ALL {
            let rows = service.settings();
            let enabled = match text(&rows.enable).to_ascii_lowercase().as_str() {
                "" | "false" => false,
                "true" => true,
                _ => return Err(format!("{}: expected true or false", rows.enable.names())),
            };
            if enabled {
                providers.push(provider(service, &text, rows)?);
            }
        }
        if !providers.is_empty() && site_url.is_empty() {
            return Err(format!(
                "single sign-on needs {}: the identity provider sends people back to <SiteURL>/signup/<service>/complete",
                settings::SITE_URL.names()
            ));
        }
        let schemes = value(&settings::APP_CUSTOM_URL_SCHEMES).unwrap_or_else(|| DEFAULT_APP_CUSTOM_URL_SCHEMES.into());
        let app_custom_url_schemes: Vec<String> =
            schemes.split(',').map(str::trim).filter(|s| !s.is_empty()).map(str::to_owned).collect();
        for scheme in &app_custom_url_schemes {
            let name = scheme.strip_suffix("://").unwrap_or_default();
            let valid = name.starts_with(|c: char| c.is_ascii_alphabetic())
                && name.chars().all(|c| c.is_ascii_alphanumeric() || "+-.".contains(c))
                && !matches!(name.to_ascii_lowercase().as_str(), "http" | "https" | "javascript" | "data" | "vbscript");
            if !valid {
                return Err(format!(
                    "{}: {scheme:?} is not a custom URL scheme such as mmauth://",
                    settings::APP_CUSTOM_URL_SCHEMES.names()
                ));
            }
        }
        Ok(SsoConfig { providers, app_custom_url_schemes })
    }
}

/// One enabled service's settings, checked.
fn provider(service: Service, text: &impl Fn(&Setting) -> String, rows: &SsoSettings) -> Result<Provider, String> {
    let required = |s: &Setting| {
        let value = text(s);
        if value.is_empty() {
            Err(format!("{} is enabled: {} must be set", rows.enable.names(), s.names()))
        } else {
            Ok(value)
        }
    };
    let client_id = required(&rows.id)?;
    let secret = ClientSecret(required(&rows.secret)?);
    let endpoint = |s: &Setting| -> Result<Option<Url>, String> {
        let value = text(s);
        if value.is_empty() {
            return Ok(None);
        }
        provider_url(&value).map(Some).map_err(|why| format!("{}: {why}", s.names()))
    };
    let mut scope = text(&rows.scope);
    if scope.is_empty() {
        // Mattermost's defaults; Office 365's `User.Read` is for its Graph API, which this
        // server does not call: OpenID Connect's own scopes instead.
        scope = match service {
            Service::GitLab => "read_user",
            Service::Google => "profile email",
            Service::Office365 => "openid profile email",
            Service::OpenId => "profile openid email",
        }
        .to_owned();
    }
    let discovery = endpoint(&rows.discovery_endpoint)?;
    let protocol = match service {
        Service::GitLab if discovery.is_none() && !scope.split_whitespace().any(|s| s == "openid") => {
            let need = |s: &Setting| endpoint(s)?.ok_or_else(|| format!("{} must be set", s.names()));
            Protocol::OAuth {
                auth: need(&rows.auth_endpoint)?,
                token: need(&rows.token_endpoint)?,
                user_api: need(&rows.user_api_endpoint)?,
            }
        }
        _ => {
            // Google's and Microsoft's documents are where their specifications put them; another
            // provider's must be given.
            let discovery = match (discovery, service) {
                (Some(url), _) => url,
                (None, Service::Google) => {
                    provider_url("https://accounts.google.com/.well-known/openid-configuration")?
                }
                (None, Service::Office365) => {
                    // The tenant's own id: `common` and a domain name give documents whose issuer
                    // is not the ID tokens' (Microsoft's puts the tenant's id there), so no sign-in
                    // could pass the issuer check.
                    let tenant = text(&settings::OFFICE365_DIRECTORY_ID);
                    if !is_guid(&tenant) {
                        return Err(format!(
                            "{} is enabled: {} must be the tenant's id (a GUID such as \
                             72f988bf-86f1-41af-91ab-2d7cd011db47), or set {}",
                            rows.enable.names(),
                            settings::OFFICE365_DIRECTORY_ID.names(),
                            rows.discovery_endpoint.names()
                        ));
                    }
                    provider_url(&format!(
                        "https://login.microsoftonline.com/{tenant}/v2.0/.well-known/openid-configuration"
                    ))?
                }
                (None, _) => {
                    return Err(format!(
                        "{} is enabled: {} must be set (the provider's .well-known/openid-configuration)",
                        rows.enable.names(),
                        rows.discovery_endpoint.names()
                    ))
                }
            };
            if !scope.split_whitespace().any(|s| s == "openid") {
                scope = format!("openid {scope}").trim().to_owned();
            }
            Protocol::OpenIdConnect { discovery }
        }
    };
    if scope.chars().any(|c| c.is_control() || c == '"' || c == '\\') {
        return Err(format!("{}: not a list of scopes", rows.scope.names()));
    }
    let button_text = text(&rows.button_text);
    if button_text.chars().count() > 100 {
        return Err(format!("{}: at most 100 characters", rows.button_text.names()));
    }
    let mut color = text(&rows.button_color);
    if color.is_empty() && service == Service::OpenId {
        color = DEFAULT_OPENID_BUTTON_COLOR.to_owned();
    }
    let button_color = if color.is_empty() {
        None
    } else if is_hex_color(&color) {
        Some(color)
    } else {
        return Err(format!("{}: a colour such as #145DBF", rows.button_color.names()));
    };
    Ok(Provider { service, client_id, secret, scope, protocol, button_text, button_color })
}

/// A GUID: 8-4-4-4-12 hexadecimal digits.
fn is_guid(value: &str) -> bool {
    let groups: Vec<&str> = value.split('-').collect();
    groups.iter().map(|g| g.len()).eq([8, 4, 4, 4, 12])
        && groups.iter().all(|g| g.chars().all(|c| c.is_ascii_hexdigit()))
}

/// `#rgb` or `#rrggbb`.
fn is_hex_color(value: &str) -> bool {
    value.strip_prefix('#').is_some_and(|hex| matches!(hex.len(), 3 | 6) && hex.chars().all(|c| c.is_ascii_hexdigit()))
}

/// A provider's URL: https, or http to a loopback address (a provider on this machine, as in the
/// tests); no user name or password in it. Tokens and client secrets travel to it.
pub fn provider_url(value: &str) -> Result<Url, String> {
    let url = Url::parse(value).map_err(|e| format!("{value:?} is not a URL ({e})"))?;
    if !url.username().is_empty() || url.password().is_some() {
        return Err("a provider URL carries no user name or password".to_owned());
    }
    let loopback = match url.host() {
        Some(url::Host::Ipv4(ip)) => ip.is_loopback(),
        Some(url::Host::Ipv6(ip)) => ip.is_loopback(),
        Some(url::Host::Domain(name)) => name == "localhost",
        None => return Err(format!("{value:?} has no host")),
    };
    match url.scheme() {
        "https" => Ok(url),
        "http" if loopback => Ok(url),
        _ => Err(format!("{value:?} must be https (http only to a loopback address)")),
    }
}

/// How accounts made by single sign-on are governed (part of the session policy: the admin
/// commands obey it too).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SsoPolicy {
    /// `TeamSettings.EnableUserCreation` (true): single sign-on may make new accounts.
    pub enable_user_creation: bool,
    /// `TeamSettings.RestrictCreationToDomains` (""): new accounts' email domains, lower-case;
    /// empty: any.
    pub restrict_creation_to_domains: Vec<String>,
    /// `ServiceSettings.SessionLengthSSOInHours` (720).
    pub session_length: Duration,
    /// Whether any single sign-on service is enabled: a failed password login then answers
    /// `invalid_credentials_sso`, whoever the account is (Mattermost's mask). Derived from the
    /// services by `app::Application::build`, never set by hand.
    pub any_enabled: bool,
}

impl Default for SsoPolicy {
    fn default() -> Self {
        SsoPolicy {
            enable_user_creation: DEFAULT_ENABLE_USER_CREATION,
            restrict_creation_to_domains: Vec::new(),
            session_length: super::hours(u64::from(DEFAULT_SESSION_LENGTH_SSO_HOURS)),
            any_enabled: false,
        }
    }
}

impl SsoPolicy {
    /// The domains of `RestrictCreationToDomains` ("a.com, b.org"), as Mattermost splits them.
    pub fn parse_domains(value: &str) -> Vec<String> {
        value.split([',', ' ']).map(|d| d.trim().to_ascii_lowercase()).filter(|d| !d.is_empty()).collect()
    }

    /// Whether a new account with `email` may be made (Mattermost's `isTeamEmailAllowed`: the
    /// part after the last `@`, one of the domains).
    pub fn allows_email(&self, email: &str) -> bool {
        if self.restrict_creation_to_domains.is_empty() {
            return true;
        }
        let domain = email.rsplit_once('@').map_or("", |(_, d)| d).to_ascii_lowercase();
        self.restrict_creation_to_domains.contains(&domain)
    }
}

#[cfg(test)]
mod tests {
    use std::collections::HashMap;

    use super::*;

    fn config(values: &[(&Setting, &str)], site_url: &str) -> Result<SsoConfig, String> {
        let map: HashMap<&str, String> = values.iter().map(|(s, v)| (s.env, (*v).to_owned())).collect();
        SsoConfig::from_lookup(|s| map.get(s.env).cloned(), site_url)
    }

    #[test]
    fn an_enabled_service_needs_its_client_and_endpoints() {
        use settings::*;
        let site = "https://chat.example.com";
        assert_eq!(config(&[], site).unwrap().providers, []);
        let error = config(&[(&OPENID_ENABLE, "true"), (&OPENID_ID, "x")], site).unwrap_err();
        assert!(error.contains("OpenIdSettings.Secret"), "{error}");
        let error = config(&[(&OPENID_ENABLE, "true"), (&OPENID_ID, "x"), (&OPENID_SECRET, "s")], site).unwrap_err();
        assert!(error.contains("DiscoveryEndpoint"), "{error}");
        let openid = [
            (&OPENID_ENABLE, "true"),
            (&OPENID_ID, "x"),
            (&OPENID_SECRET, "s"),
            (&OPENID_SCOPE, "profile email"),
            (&OPENID_DISCOVERY_ENDPOINT, "https://id.example.com/.well-known/openid-configuration"),
        ];
        let sso = config(&openid, site).unwrap();
        let provider = sso.provider(Service::OpenId).unwrap();
        assert_eq!(provider.scope, "openid profile email");
        assert_eq!(provider.button_color.as_deref(), Some("#145DBF"));
        assert!(!format!("{provider:?}").contains("\"s\""), "the secret is never printed");
        assert!(config(&openid, "").unwrap_err().contains("SiteURL"));
        let gitlab = [
            (&GITLAB_ENABLE, "true"),
            (&GITLAB_ID, "x"),
            (&GITLAB_SECRET, "s"),
            (&GITLAB_AUTH_ENDPOINT, "https://gitlab.example.com/oauth/authorize"),
            (&GITLAB_TOKEN_ENDPOINT, "https://gitlab.example.com/oauth/token"),
        ];
        assert!(config(&gitlab, site).unwrap_err().contains("UserAPIEndpoint"));
        let office = |tenant: &'static str| {
            config(
                &[
                    (&OFFICE365_ENABLE, "true"),
                    (&OFFICE365_ID, "x"),
                    (&OFFICE365_SECRET, "s"),
                    (&OFFICE365_DIRECTORY_ID, tenant),
                ],
                site,
            )
        };
        for refused in ["", "common", "contoso.onmicrosoft.com", "72f988bf-86f1-41af-91ab-2d7cd011db4"] {
            assert!(office(refused).unwrap_err().contains("DirectoryId"), "{refused:?}");
        }
        let tenant = office("72f988bf-86f1-41af-91ab-2d7cd011db47").unwrap();
        assert_eq!(
            tenant.provider(Service::Office365).unwrap().protocol,
            Protocol::OpenIdConnect {
                discovery: Url::parse(
                    "https://login.microsoftonline.com/72f988bf-86f1-41af-91ab-2d7cd011db47/v2.0/.well-known/openid-configuration"
                )
                .unwrap()
            }
        );
    }

    #[test]
    fn provider_urls_are_https_but_on_loopback() {
        assert!(provider_url("https://id.example.com/x").is_ok());
        assert!(provider_url("http://127.0.0.1:9000/x").is_ok());
        assert!(provider_url("http://[::1]:9000/x").is_ok());
        assert!(provider_url("http://localhost:9000/x").is_ok());
        for bad in ["http://id.example.com/", "ftp://id.example.com/", "https://u:p@id.example.com/", "nope"] {
            assert!(provider_url(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn domains_restrict_new_accounts() {
        let policy = SsoPolicy {
            restrict_creation_to_domains: SsoPolicy::parse_domains("Example.com, corp.org"),
            ..Default::default()
        };
        assert!(policy.allows_email("a@example.com"));
        assert!(policy.allows_email("a@CORP.org"));
        assert!(!policy.allows_email("a@evil.com"));
        assert!(!policy.allows_email("a@example.com.evil.com"));
        assert!(SsoPolicy::default().allows_email("anyone@anywhere"));
    }
}
