//! Endpoints as the operator adds them: their URLs checked, their secrets made and sealed.

use crate::domain::event::kind;
use crate::domain::{Endpoint, Id};
use crate::mfa::{seal, SecretKey};

/// An endpoint's URL: https, or http to a loopback address (a receiver on the same machine);
/// no credentials in it. Anything else would send signed events in clear across a network.
pub fn check_url(text: &str) -> Result<url::Url, String> {
    let url = url::Url::parse(text).map_err(|e| format!("{text:?} is not a URL: {e}"))?;
    if !url.username().is_empty() || url.password().is_some() {
        return Err("an endpoint URL must not carry credentials".into());
    }
    let loopback = match url.host() {
        Some(url::Host::Ipv4(ip)) => ip.is_loopback(),
        Some(url::Host::Ipv6(ip)) => ip.is_loopback(),
        Some(url::Host::Domain(name)) => name.eq_ignore_ascii_case("localhost"),
        None => return Err(format!("{text:?} names no host")),
    };
    match url.scheme() {
        "https" => Ok(url),
        "http" if loopback => Ok(url),
        _ => Err(format!("{text:?}: an endpoint must be https (or http to a loopback address)")),
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
