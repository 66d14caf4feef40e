//! Single sign-on: the server as an OAuth 2.0 / OpenID Connect *client* of the organisation's
//! identity provider, on Mattermost's browser routes (`/oauth/{service}/login`, the provider's
//! return to `/signup/{service}/complete`; [`crate::http::sso`]).
//!
//! - [`state`]: a sign-in in flight — the `state` sent to the provider, bound to the browser by a
//!   cookie and to one use, with the PKCE verifier and the `nonce`; kept in the store, so that
//!   any node can complete it.
//! - [`provider`]: the provider's side — its discovery document and keys, the code exchanged for
//!   tokens, the person it names ([`Identity`]).
//! - [`id_token`]: an OpenID Connect ID token checked (signature by the provider's published
//!   keys, issuer, audience, expiry, nonce).
//! - [`gitlab`]: GitLab's OAuth user API, read as Mattermost reads it.
//!
//! What the person may then do (a new account or an existing one, a session) is the session
//! service's ([`crate::service`]'s `sso` part), whichever provider they came from.
//! docs/security.md says how this is safer than Mattermost's own flow, and docs/compatibility.md
//! where it differs.

use std::sync::Arc;

pub use crate::config::{Protocol, Provider, Service, SsoConfig};

pub mod gitlab;
pub mod id_token;
pub mod provider;
pub mod state;

/// A person as the provider names them.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Identity {
    pub service: Service,
    /// The provider's stable id for them (OpenID Connect's `sub`, GitLab's numeric id): the
    /// account's `auth_data`.
    pub subject: String,
    /// Lower-cased.
    pub email: String,
    /// What they would be called here, if the provider says (cleaned when an account is made).
    pub username: Option<String>,
}

/// Single sign-on's services, with the HTTP client that talks to their providers.
#[derive(Clone)]
pub struct SingleSignOn {
    config: Arc<SsoConfig>,
    providers: Arc<Vec<provider::Client>>,
}

impl SingleSignOn {
    /// The services of `config`, whose provider sends people back under `site_url`.
    pub fn new(config: SsoConfig, site_url: &str) -> anyhow::Result<Self> {
        let http = provider::http_client()?;
        let providers =
            config.providers.iter().map(|p| provider::Client::new(p.clone(), site_url, http.clone())).collect();
        Ok(SingleSignOn { config: Arc::new(config), providers: Arc::new(providers) })
    }

    /// The enabled service named `name` (`None`: unknown or disabled).
    pub fn provider(&self, name: &str) -> Option<&provider::Client> {
        let service = Service::parse(name)?;
        self.providers.iter().find(|p| p.service() == service)
    }

    /// Every enabled service, in [`Service::ALL`]'s order.
    pub fn providers(&self) -> impl Iterator<Item = &provider::Client> {
        self.providers.iter()
    }

    /// `NativeAppSettings.AppCustomURLSchemes`.
    pub fn app_custom_url_schemes(&self) -> &[String] {
        &self.config.app_custom_url_schemes
    }
}
