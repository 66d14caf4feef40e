//! `mm-sessions serve`: the flags made into the server's configuration, checked, and the server
//! run until a signal.

use std::num::NonZeroUsize;

use super::ServerArgs;
use crate::app::{shutdown_signal, Application};
use crate::config::{self, CacheLimits, Database, ProxySettings, ServeConfig};

/// The environment variable that may carry the MFA key itself (never a flag: a flag's value is
/// in every process listing).
const MFA_KEY_ENV: &str = "MM_SESSIONS_MFA_KEY";

/// The most an MFA key file may hold: the key is 44 characters of base64.
const MAX_MFA_KEY_FILE_BYTES: u64 = 4096;

/// The operator key as the server would read it from the environment alone
/// (`MM_SESSIONS_MFA_KEY_FILE` or `MM_SESSIONS_MFA_KEY`): what `webhook add` seals with.
pub(super) fn mfa_key_from_environment() -> anyhow::Result<Option<crate::mfa::SecretKey>> {
    let file = std::env::var_os(config::settings::MFA_KEY_FILE.env).filter(|f| !f.is_empty());
    mfa_key(file.as_deref().map(std::path::Path::new))
}

/// The MFA key, from `--mfa-key-file` or `MM_SESSIONS_MFA_KEY` (not both). The file is read as
/// config.json is (a regular file, bounded), and a key file others may read gets a warning:
/// whoever reads the key opens every sealed secret.
fn mfa_key(file: Option<&std::path::Path>) -> anyhow::Result<Option<crate::mfa::SecretKey>> {
    let text = match (file, std::env::var(MFA_KEY_ENV).ok().filter(|k| !k.trim().is_empty())) {
        (Some(_), Some(_)) => {
            anyhow::bail!("--{} and {MFA_KEY_ENV} both give the MFA key: keep one", config::settings::MFA_KEY_FILE.flag)
        }
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

pub(super) async fn serve(database: Database, args: ServerArgs) -> anyhow::Result<()> {
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
        anyhow::bail!(
            "{} needs {} with a host",
            config::settings::ALLOW_COOKIES_FOR_SUBDOMAINS.names(),
            config::settings::SITE_URL.names()
        );
    }
    config.client_requirements = args.client_requirements.into();
    config.sso = args.sso.config(&config.policy.site_url)?;
    config.webhooks = args.webhooks.settings()?;
    config.session_cache = NonZeroUsize::new(args.session_cache_size).map(CacheLimits::for_entries);
    config.mfa_key = mfa_key(args.mfa_key_file.as_deref())?;
    if config.policy.mfa.enable && config.mfa_key.is_none() {
        let file = config::settings::MFA_KEY_FILE.flag;
        tracing::warn!("MFA secrets are stored in clear (no --{file} or {MFA_KEY_ENV}): see docs/security.md");
    }
    Application::build(config).await?.run_until(shutdown_signal()).await
}
