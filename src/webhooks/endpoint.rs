//! Endpoints as the operator adds them: their URLs checked, their secrets made and sealed.

use crate::domain::event::kind;
use crate::domain::{Endpoint, Id};
use crate::mfa::{seal, SecretKey};

/// An endpoint's URL: https, or http to a loopback address (a receiver on the same machine);
/// no credentials in it. Anything else would send signed events in clear across a network.
pub fn check_url(text: &str) -> Result<url::Url, String> {
    // Errors name the URL as logs show it (`shown_url`): its query may carry a receiver's token.
    let url = url::Url::parse(text).map_err(|e| format!("an endpoint URL that is not a URL: {e}"))?;
    if !url.username().is_empty() || url.password().is_some() {
        return Err("an endpoint URL must not carry credentials".into());
    }
    let loopback = match url.host() {
        Some(url::Host::Ipv4(ip)) => ip.is_loopback(),
        Some(url::Host::Ipv6(ip)) => ip.is_loopback(),
        Some(url::Host::Domain(name)) => name.eq_ignore_ascii_case("localhost"),
        None => return Err(format!("{:?} names no host", shown_url(text))),
    };
    match url.scheme() {
        "https" => Ok(url),
        "http" if loopback => Ok(url),
        _ => Err(format!("{:?}: an endpoint must be https (or http to a loopback address)", shown_url(text))),
    }
}

/// An endpoint's URL as logs show it: without its query, which may carry a receiver's token.
pub fn shown_url(url: &str) -> String {
    match url::Url::parse(url) {
        Ok(mut parsed) => {
            parsed.set_query(None);
            parsed.set_fragment(None);
            parsed.to_string()
        }
        Err(_) => "(not a URL)".into(),
    }
}

/// The event types an endpoint asks for, from `a,b` ("" or `*`: every type).
pub fn parse_types(text: &str) -> Result<Vec<String>, String> {
    let mut types = Vec::new();
    for name in text.split(',').map(str::trim).filter(|t| !t.is_empty() && *t != "*") {
        if !kind::ALL.contains(&name) {
            return Err(format!("{name:?} is not an event type (known: {})", kind::ALL.join(", ")));
        }
        if !types.iter().any(|t| t == name) {
            types.push(name.to_owned());
        }
    }
    Ok(types)
}

/// A new `whsec_` secret: 32 random bytes, base64 (Standard Webhooks: 24–64 bytes).
pub fn new_secret() -> String {
    let mut bytes = [0u8; 32];
    getrandom::fill(&mut bytes).expect("the OS random source");
    format!("whsec_{}", data_encoding::BASE64.encode(&bytes))
}

/// A new endpoint and its secret in clear (shown once); the stored copy is sealed under `key`
/// when one is set, bound to the endpoint's id.
pub fn new_endpoint(
    url: &str,
    types: Vec<String>,
    key: Option<&SecretKey>,
    now: i64,
) -> Result<(Endpoint, String), String> {
    let url = check_url(url)?;
    let id = Id::generate();
    let secret = new_secret();
    let endpoint = Endpoint {
        secret: seal::store_form(key, id.as_str(), &secret),
        id,
        url: url.to_string(),
        event_types: types,
        previous_secret: String::new(),
        previous_until: 0,
        enabled: true,
        state_reason: String::new(),
        failing_since: 0,
        created_at: now,
    };
    Ok((endpoint, secret))
}

/// The secrets that sign a delivery to `endpoint` at `now`: its own, and the previous one
/// until it runs out; each opened from its stored form.
pub fn signing_secrets(endpoint: &Endpoint, key: Option<&SecretKey>, now: i64) -> Result<Vec<String>, seal::OpenError> {
    let mut secrets = vec![seal::open(key, endpoint.id.as_str(), &endpoint.secret)?];
    if !endpoint.previous_secret.is_empty() && now < endpoint.previous_until {
        secrets.push(seal::open(key, endpoint.id.as_str(), &endpoint.previous_secret)?);
    }
    Ok(secrets)
}

/// An endpoint the operator lists in the settings file (`--webhook-endpoints-file`): its URL,
/// the event types it wants (none: every type) and its `whsec_` secret, which the operator
/// chose and keeps.
#[derive(Clone, PartialEq, Eq, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Configured {
    pub url: String,
    #[serde(default)]
    pub events: Vec<String>,
    pub secret: String,
}

/// Without the secret.
impl std::fmt::Debug for Configured {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Configured").field("url", &self.url).field("events", &self.events).finish_non_exhaustive()
    }
}

/// The settings file's endpoints: a JSON array of `{"url", "events", "secret"}`, each checked as
/// `webhook add` checks its arguments, and the secret as Standard Webhooks reads one.
pub fn parse_file(text: &str) -> Result<Vec<Configured>, String> {
    let listed: Vec<Configured> = serde_json::from_str(text)
        .map_err(|e| format!("not a JSON array of {{\"url\", \"events\", \"secret\"}}: {e}"))?;
    for endpoint in &listed {
        check_url(&endpoint.url)?;
        parse_types(&endpoint.events.join(","))?;
        let readable =
            endpoint.secret.starts_with("whsec_") && standardwebhooks::Webhook::new(&endpoint.secret).is_ok();
        if !readable {
            return Err(format!(
                "{}: the secret must be whsec_ and base64 (e.g. from `openssl rand -base64 32`)",
                shown_url(&endpoint.url)
            ));
        }
    }
    Ok(listed)
}

/// Makes the store hold the settings file's endpoints: one missing (by URL) is added; one whose
/// event types or secret changed is updated. Endpoints the file does not list are left alone
/// (the admin commands manage them).
pub async fn sync(
    store: &dyn crate::store::WebhookStore,
    configured: &[Configured],
    key: Option<&SecretKey>,
    now: i64,
) -> anyhow::Result<()> {
    let stored = store.endpoints().await?;
    for wanted in configured {
        let types = parse_types(&wanted.events.join(",")).map_err(anyhow::Error::msg)?;
        let url = check_url(&wanted.url).map_err(anyhow::Error::msg)?.to_string();
        match stored.iter().find(|e| e.url == url) {
            None => {
                let (mut endpoint, _) = new_endpoint(&url, types, key, now).map_err(anyhow::Error::msg)?;
                endpoint.secret = seal::store_form(key, endpoint.id.as_str(), &wanted.secret);
                match store.add_endpoint(&endpoint).await {
                    Ok(()) => {
                        tracing::info!(endpoint = %endpoint.id, url = %shown_url(&url), "webhook endpoint added from the settings file")
                    }
                    // Another node, starting at the same moment, added it first.
                    Err(crate::store::StoreError::Conflict(_)) => {}
                    Err(e) => return Err(e.into()),
                }
            }
            Some(endpoint) => {
                let same_secret =
                    seal::open(key, endpoint.id.as_str(), &endpoint.secret).is_ok_and(|s| s == wanted.secret);
                if endpoint.event_types != types || !same_secret {
                    let secret = seal::store_form(key, endpoint.id.as_str(), &wanted.secret);
                    store.update_endpoint(&Endpoint { event_types: types, secret, ..endpoint.clone() }).await?;
                    tracing::info!(endpoint = %endpoint.id, url = %shown_url(&url), "webhook endpoint updated from the settings file");
                }
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls_must_be_https_or_loopback() {
        assert!(check_url("https://hooks.example.com/x").is_ok());
        assert!(check_url("http://127.0.0.1:9000/hook").is_ok());
        assert!(check_url("http://[::1]:9000/hook").is_ok());
        assert!(check_url("http://localhost/hook").is_ok());
        assert!(check_url("http://hooks.example.com/x").is_err());
        assert!(check_url("https://user:pw@hooks.example.com/").is_err());
        assert!(check_url("ftp://127.0.0.1/").is_err());
        assert!(check_url("not a url").is_err());
    }

    #[test]
    fn the_settings_file_is_checked_as_the_commands_check_their_arguments() {
        let secret = new_secret();
        let good =
            format!(r#"[{{"url": "https://h.example/x", "events": ["session.revoked"], "secret": "{secret}"}}]"#);
        assert_eq!(parse_file(&good).unwrap()[0].events, ["session.revoked"]);
        let plain = format!(r#"[{{"url": "http://h.example/x", "secret": "{secret}"}}]"#);
        assert!(parse_file(&plain).unwrap_err().contains("https"));
        assert!(parse_file(r#"[{"url": "https://h.example/x", "secret": "hunter2"}]"#).unwrap_err().contains("whsec_"));
        let unknown = format!(r#"[{{"url": "https://h.example/x", "events": ["x"], "secret": "{secret}"}}]"#);
        assert!(parse_file(&unknown).is_err());
        assert!(!format!("{:?}", parse_file(&good).unwrap()).contains(&secret[6..]), "no secret in Debug");
    }

    #[test]
    fn types_are_known_ones() {
        assert_eq!(parse_types("").unwrap(), Vec::<String>::new());
        assert_eq!(parse_types("*").unwrap(), Vec::<String>::new());
        assert_eq!(parse_types("session.revoked, session.revoked").unwrap(), vec!["session.revoked"]);
        assert!(parse_types("session.deleted").is_err());
    }

    #[test]
    fn a_secret_is_sealed_under_the_key_and_opens_for_its_endpoint_only() {
        let key = SecretKey::parse(&data_encoding::BASE64.encode(&[7; 32])).unwrap();
        let (endpoint, secret) = new_endpoint("https://h.example/", vec![], Some(&key), 0).unwrap();
        assert!(secret.starts_with("whsec_"));
        assert!(!endpoint.secret.contains(&secret[6..]), "stored sealed");
        assert_eq!(signing_secrets(&endpoint, Some(&key), 0).unwrap(), vec![secret.clone()]);
        let moved = Endpoint { id: Id::generate(), ..endpoint };
        assert!(signing_secrets(&moved, Some(&key), 0).is_err());
    }
}
