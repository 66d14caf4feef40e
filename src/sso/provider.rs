//! One provider, as the server talks to it: where a browser is sent to sign in, and the code
//! it comes back with exchanged for the person it names. Every call to the provider is HTTPS (or
//! loopback HTTP), follows no redirect, waits at most [`TIMEOUT`] and reads at most
//! [`MAX_BODY`]; no token or secret is ever logged.

use std::sync::Arc;
use std::time::{Duration, Instant};

use jsonwebtoken::jwk::JwkSet;
use jsonwebtoken::DecodingKey;
use serde::Deserialize;
use tokio::sync::Mutex;
use url::Url;

use super::state::SignIn;
use super::{id_token, Identity, Protocol, Provider, Service};
use crate::config::provider_url;
use crate::error::AppError;

/// The longest a call to the provider may take.
pub const TIMEOUT: Duration = Duration::from_secs(10);
/// The most read of a provider's answer.
pub const MAX_BODY: usize = 256 * 1024;
/// How long a discovery document is kept.
const DISCOVERY_TTL: Duration = Duration::from_secs(3600);
/// How often, at most, the keys are read again for a key id not among them (a rotation).
const KEYS_REFRESH: Duration = Duration::from_secs(60);
/// After the discovery document could not be read, how long sign-ins fail at once instead of
/// each waiting out [`TIMEOUT`] in turn (a provider that is down).
const DISCOVERY_RETRY: Duration = Duration::from_secs(5);
/// How long the keys are trusted without reading them again: a key the provider withdrew (a
/// rotation, a compromise) stops being accepted within this.
const KEYS_TTL: Duration = Duration::from_secs(3600);

/// The HTTP client every provider shares.
pub fn http_client() -> anyhow::Result<reqwest::Client> {
    Ok(reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .timeout(TIMEOUT)
        .user_agent(concat!("mm-sessions/", env!("CARGO_PKG_VERSION")))
        .build()?)
}

/// What an OpenID Connect discovery document says (the parts used).
#[derive(Clone, Debug, Deserialize)]
struct Discovery {
    issuer: String,
    authorization_endpoint: String,
    token_endpoint: String,
    #[serde(default)]
    userinfo_endpoint: Option<String>,
    jwks_uri: String,
    #[serde(default)]
    token_endpoint_auth_methods_supported: Option<Vec<String>>,
}

/// A discovery document, checked: its URLs are provider URLs.
#[derive(Debug)]
struct Endpoints {
    issuer: String,
    authorization: Url,
    token: Url,
    userinfo: Option<Url>,
    jwks: Url,
    /// The client secret goes in an Authorization header (`client_secret_basic`), not the form.
    basic_auth: bool,
}

/// The token endpoint's answer (the parts used).
#[derive(Deserialize)]
struct TokenAnswer {
    #[serde(default)]
    access_token: Option<String>,
    #[serde(default)]
    token_type: Option<String>,
    #[serde(default)]
    id_token: Option<String>,
}

/// A provider's error answer (RFC 6749 §5.2).
#[derive(Deserialize)]
struct ErrorAnswer {
    error: String,
}

/// One provider, with what was learnt of it.
pub struct Client {
    provider: Provider,
    redirect_uri: String,
    http: reqwest::Client,
    endpoints: Mutex<Option<(Instant, Arc<Endpoints>)>>,
    /// When reading the discovery document last failed.
    discovery_failed: std::sync::Mutex<Option<Instant>>,
    keys: Mutex<Option<(Instant, Arc<JwkSet>)>>,
}

/// The provider failed (unreachable, or an answer OAuth does not allow).
fn failed(what: impl std::fmt::Display) -> AppError {
    AppError::SsoProviderFailed(anyhow::anyhow!("{what}"))
}

impl Client {
    /// `provider`, sending people back to `<site_url>/signup/<service>/complete` (Mattermost's
    /// redirect URI, whichever route started the sign-in).
    pub fn new(provider: Provider, site_url: &str, http: reqwest::Client) -> Self {
        let redirect_uri = format!("{}/signup/{}/complete", site_url.trim_end_matches('/'), provider.service);
        let discovery_failed = std::sync::Mutex::new(None);
        Client { provider, redirect_uri, http, endpoints: Mutex::new(None), discovery_failed, keys: Mutex::new(None) }
    }

    pub fn service(&self) -> Service {
        self.provider.service
    }

    /// The service's settings.
    pub fn settings(&self) -> &Provider {
        &self.provider
    }

    /// Where the browser goes to sign in for `sign_in`, whose state is `state`.
    pub async fn authorization_url(&self, state: &str, sign_in: &SignIn, login_hint: &str) -> Result<Url, AppError> {
        let (mut url, oidc) = match &self.provider.protocol {
            Protocol::OpenIdConnect { .. } => (self.endpoints().await?.authorization.clone(), true),
            Protocol::OAuth { auth, .. } => (auth.clone(), false),
        };
        {
            let mut query = url.query_pairs_mut();
            query
                .append_pair("response_type", "code")
                .append_pair("client_id", &self.provider.client_id)
                .append_pair("redirect_uri", &self.redirect_uri)
                .append_pair("scope", &self.provider.scope)
                .append_pair("state", state)
                .append_pair("code_challenge", &sign_in.challenge())
                .append_pair("code_challenge_method", "S256");
            if oidc {
                query.append_pair("nonce", &sign_in.nonce);
            }
            if !login_hint.is_empty() {
                query.append_pair("login_hint", login_hint);
            }
        }
        Ok(url)
    }

    /// The person `code` (the provider's answer to `sign_in`) names; `now` in seconds.
    pub async fn identity(&self, code: &str, sign_in: &SignIn, now: i64) -> Result<Identity, AppError> {
        match &self.provider.protocol {
            Protocol::OpenIdConnect { .. } => {
                let endpoints = self.endpoints().await?;
                let answer = self.exchange(&endpoints.token, endpoints.basic_auth, code, sign_in).await?;
                let token = answer.id_token.ok_or_else(|| failed("the token endpoint sent no id_token"))?;
                let claims = self.check_id_token(&token, &endpoints.issuer, sign_in, now).await?;
                self.oidc_identity(claims, answer.access_token.as_deref(), endpoints.userinfo.as_ref()).await
            }
            Protocol::OAuth { token, user_api, .. } => {
                let answer = self.exchange(token, false, code, sign_in).await?;
                let access = answer.access_token.ok_or_else(|| failed("the token endpoint sent no access_token"))?;
                let body = self.get(user_api, Some(&access)).await?;
                super::gitlab::identity(&body)
            }
        }
    }

    /// The provider's endpoints, from its discovery document (read once an hour).
    async fn endpoints(&self) -> Result<Arc<Endpoints>, AppError> {
        let Protocol::OpenIdConnect { discovery } = &self.provider.protocol else {
            return Err(failed("not an OpenID Connect provider"));
        };
        let recently_failed = || {
            let failed = self.discovery_failed.lock().unwrap_or_else(|e| e.into_inner());
            failed.is_some_and(|at| at.elapsed() < DISCOVERY_RETRY)
        };
        if recently_failed() {
            return Err(failed("the discovery document could not be read moments ago"));
        }
        let mut cached = self.endpoints.lock().await;
        if let Some((_, endpoints)) = cached.as_ref().filter(|(at, _)| at.elapsed() < DISCOVERY_TTL) {
            return Ok(endpoints.clone());
        }
        // Others waited on the lock while one read failed: they fail with it, at once.
        if recently_failed() {
            return Err(failed("the discovery document could not be read moments ago"));
        }
        let read = self.read_discovery(discovery).await;
        let endpoints = match read {
            Ok(endpoints) => endpoints,
            Err(error) => {
                *self.discovery_failed.lock().unwrap_or_else(|e| e.into_inner()) = Some(Instant::now());
                return Err(error);
            }
        };
        *cached = Some((Instant::now(), endpoints.clone()));
        Ok(endpoints)
    }

    /// The discovery document at `discovery`, checked.
    async fn read_discovery(&self, discovery: &Url) -> Result<Arc<Endpoints>, AppError> {
        let body = self.get(discovery, None).await?;
        let document: Discovery =
            serde_json::from_slice(&body).map_err(|e| failed(format!("the discovery document: {e}")))?;
        // OpenID Connect Discovery §4.3: the issuer is where the document is, less its path.
        let expected = discovery.as_str().trim_end_matches("/.well-known/openid-configuration");
        if document.issuer.trim_end_matches('/') != expected.trim_end_matches('/') {
            return Err(failed(format!("the discovery document's issuer {:?} is not {expected:?}", document.issuer)));
        }
        let url = |value: &str| provider_url(value).map_err(|e| failed(format!("the discovery document: {e}")));
        let methods = document.token_endpoint_auth_methods_supported.unwrap_or_default();
        let endpoints = Arc::new(Endpoints {
            authorization: url(&document.authorization_endpoint)?,
            token: url(&document.token_endpoint)?,
            userinfo: document.userinfo_endpoint.as_deref().map(url).transpose()?,
            jwks: url(&document.jwks_uri)?,
            // Discovery's default, when the document lists none, is `client_secret_basic`.
            basic_auth: !methods.iter().any(|m| m == "client_secret_post"),
            issuer: document.issuer,
        });
        Ok(endpoints)
    }

    /// The code exchanged at the token endpoint (with the PKCE verifier).
    async fn exchange(&self, token: &Url, basic: bool, code: &str, sign_in: &SignIn) -> Result<TokenAnswer, AppError> {
        let mut form = vec![
            ("grant_type", "authorization_code"),
            ("code", code),
            ("redirect_uri", self.redirect_uri.as_str()),
            ("code_verifier", sign_in.verifier.as_str()),
            ("client_id", self.provider.client_id.as_str()),
        ];
        let mut request = self.http.post(token.clone()).header("accept", "application/json");
        if basic {
            // RFC 6749 §2.3.1: both form-encoded first.
            let encode = |s: &str| form_urlencoded::byte_serialize(s.as_bytes()).collect::<String>();
            request = request.basic_auth(encode(&self.provider.client_id), Some(encode(self.provider.secret.expose())));
        } else {
            form.push(("client_secret", self.provider.secret.expose()));
        }
        let response = request.form(&form).send().await.map_err(|e| failed(format!("the token endpoint: {e}")))?;
        let status = response.status();
        let body = read_bounded(response).await?;
        if !status.is_success() {
            // Its error code (a short token) says why: a code that is used, expired or not ours
            // is the sign-in's to retry (400); our client refused, or the provider failing, is
            // the operator's to hear of (502).
            let error = serde_json::from_slice::<ErrorAnswer>(&body).map(|e| e.error).unwrap_or_default();
            let error = if is_error_code(&error) { error } else { format!("status {}", status.as_u16()) };
            if status.is_server_error() || matches!(error.as_str(), "invalid_client" | "unauthorized_client") {
                return Err(failed(format!("the token endpoint refused this server: {error}")));
            }
            return Err(AppError::SsoTokenRefused(error));
        }
        let answer: TokenAnswer =
            serde_json::from_slice(&body).map_err(|e| failed(format!("the token endpoint's answer: {e}")))?;
        if !answer.token_type.as_deref().is_some_and(|t| t.eq_ignore_ascii_case("bearer")) {
            return Err(failed("the token endpoint's token_type is not bearer"));
        }
        Ok(answer)
    }

    /// An ID token checked against the provider's published keys (read again once when it
    /// names a key not among them: the provider rotated its keys).
    async fn check_id_token(
        &self,
        token: &str,
        issuer: &str,
        sign_in: &SignIn,
        now: i64,
    ) -> Result<id_token::Claims, AppError> {
        let invalid = AppError::SsoInvalidIdToken;
        let (kid, alg) = id_token::header(token).map_err(invalid)?;
        let mut key = self.key(kid.as_deref(), alg, false).await?;
        if key.is_none() {
            key = self.key(kid.as_deref(), alg, true).await?;
        }
        let key = key.ok_or_else(|| invalid("signed with a key the provider does not publish".to_owned()))?;
        let expected = id_token::Expected { issuer, client_id: &self.provider.client_id, nonce: &sign_in.nonce, now };
        id_token::check(token, alg, &key, &expected).map_err(invalid)
    }

    /// The published key `kid` names (or the only one for `alg` when no `kid`); `refresh` reads
    /// the keys again if they were not read within [`KEYS_REFRESH`].
    async fn key(
        &self,
        kid: Option<&str>,
        alg: jsonwebtoken::Algorithm,
        refresh: bool,
    ) -> Result<Option<DecodingKey>, AppError> {
        let mut cached = self.keys.lock().await;
        let stale = match cached.as_ref() {
            None => true,
            Some((at, _)) => at.elapsed() >= KEYS_TTL || (refresh && at.elapsed() >= KEYS_REFRESH),
        };
        if stale {
            let jwks = self.endpoints().await?.jwks.clone();
            let body = self.get(&jwks, None).await?;
            let set: JwkSet = serde_json::from_slice(&body).map_err(|e| failed(format!("the provider's keys: {e}")))?;
            *cached = Some((Instant::now(), Arc::new(set)));
        }
        let Some((_, set)) = cached.as_ref() else { return Ok(None) };
        let jwk = match kid {
            Some(kid) => set.find(kid),
            None => {
                let fits: Vec<_> = set
                    .keys
                    .iter()
                    .filter(|k| k.common.key_algorithm.is_none_or(|a| a.to_string() == format!("{alg:?}")))
                    .collect();
                if fits.len() == 1 {
                    Some(fits[0])
                } else {
                    None
                }
            }
        };
        Ok(jwk.and_then(|jwk| DecodingKey::from_jwk(jwk).ok()))
    }

    /// The person an OpenID Connect sign-in names: the ID token's subject, its email (or the
    /// user-info endpoint's, for the same subject).
    async fn oidc_identity(
        &self,
        claims: id_token::Claims,
        access_token: Option<&str>,
        userinfo: Option<&Url>,
    ) -> Result<Identity, AppError> {
        let mut email = claims.email.clone();
        let mut verified = claims.email_verified.clone();
        let mut username = claims.preferred_username.clone().or(claims.nickname.clone());
        if let (None, Some(access), Some(userinfo)) = (&email, access_token, userinfo) {
            let body = self.get(userinfo, Some(access)).await?;
            let info: serde_json::Value =
                serde_json::from_slice(&body).map_err(|e| failed(format!("the user-info answer: {e}")))?;
            // OpenID Connect Core §5.3.2: the same subject, or the answer is not used.
            if info["sub"].as_str() != Some(claims.sub.as_str()) {
                return Err(failed("the user-info answer names another subject"));
            }
            email = info["email"].as_str().map(str::to_owned);
            verified = info.get("email_verified").cloned();
            username = username.or(info["preferred_username"].as_str().map(str::to_owned));
        }
        let email = email.map(|e| e.trim().to_lowercase()).filter(|e| !e.is_empty());
        let email = email.ok_or(AppError::SsoMissingField("email"))?;
        // An address the provider says it has not verified does not become an account's.
        if matches!(verified, Some(serde_json::Value::Bool(false))) || verified.as_ref().is_some_and(|v| v == "false") {
            return Err(AppError::SsoMissingField("verified email"));
        }
        Ok(Identity { service: self.provider.service, subject: claims.sub, email, username })
    }

    /// A GET to the provider, with `bearer` as its Authorization if given; the body of a 200.
    async fn get(&self, url: &Url, bearer: Option<&str>) -> Result<Vec<u8>, AppError> {
        let mut request = self.http.get(url.clone()).header("accept", "application/json");
        if let Some(token) = bearer {
            request = request.bearer_auth(token);
        }
        let response = request.send().await.map_err(|e| failed(format!("{}: {e}", url.path())))?;
        if !response.status().is_success() {
            return Err(failed(format!("{} answered {}", url.path(), response.status().as_u16())));
        }
        read_bounded(response).await
    }
}

/// A response's body, at most [`MAX_BODY`] bytes.
async fn read_bounded(mut response: reqwest::Response) -> Result<Vec<u8>, AppError> {
    let mut body = Vec::new();
    while let Some(chunk) = response.chunk().await.map_err(|e| failed(format!("reading the answer: {e}")))? {
        if body.len() + chunk.len() > MAX_BODY {
            return Err(failed("the provider's answer is too large"));
        }
        body.extend_from_slice(&chunk);
    }
    Ok(body)
}

/// An OAuth error code (RFC 6749 §5.2: printable ASCII but `"` and `\`), at most 64 long: safe to
/// show and log.
pub fn is_error_code(value: &str) -> bool {
    (1..=64).contains(&value.len()) && value.bytes().all(|b| (0x20..=0x7e).contains(&b) && b != b'"' && b != b'\\')
}
