//! Who the client is when a reverse proxy stands in between: its address (for the per-address
//! login budget) and whether it spoke TLS to the proxy (for the cookies' `Secure` flag).
//!
//! Only a trusted proxy's word counts (`--trusted-proxies`). From a trusted peer,
//! `X-Forwarded-For` is read right to left, skipping trusted proxies: the first untrusted
//! address is the client. The leftmost entries are whatever the client wrote (nginx's
//! `$proxy_add_x_forwarded_for` appends to them), so they are never believed past an untrusted
//! hop. From any other peer the headers are ignored.

use std::net::IpAddr;

use hyper::HeaderMap;

use crate::config::{ProxySettings, SecureCookies};

/// The client's address as far as the trusted proxies vouch for it.
pub fn client_address(peer: IpAddr, headers: &HeaderMap, proxies: &ProxySettings) -> IpAddr {
    if !proxies.trusted.contains(peer) {
        return peer;
    }
    let hops: Vec<&str> = headers
        .get_all("x-forwarded-for")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(','))
        .map(str::trim)
        .collect();
    let mut client = peer;
    for hop in hops.iter().rev() {
        // Something that is not an address is no hop to believe: the last trusted one stands.
        let Ok(addr) = hop.parse::<IpAddr>() else { break };
        client = addr;
        if !proxies.trusted.contains(addr) {
            break;
        }
    }
    client
}

/// The URL a trusted proxy says the request it holds was for: `X-Forwarded-Proto` (`http` or
/// `https`), `X-Forwarded-Host`, `X-Forwarded-Uri` (a path); `None` from any other peer, or
/// when one is missing or malformed. The host is still the client's word (a proxy forwards the
/// `Host` it was sent): only an allowed one is ever used ([`super::redirect`]).
pub fn forwarded_url(peer: IpAddr, headers: &HeaderMap, proxies: &ProxySettings) -> Option<String> {
    if !proxies.trusted.contains(peer) {
        return None;
    }
    // UTF-8, not only visible ASCII: a proxy may forward a path's raw bytes (nginx's
    // `$request_uri` is as the client sent it); the URL parser percent-encodes them later.
    let header = |name: &str| headers.get(name).and_then(|v| std::str::from_utf8(v.as_bytes()).ok()).map(str::trim);
    let proto =
        header("x-forwarded-proto").filter(|p| p.eq_ignore_ascii_case("http") || p.eq_ignore_ascii_case("https"))?;
    let host = header("x-forwarded-host").filter(|h| !h.is_empty())?;
    let uri = header("x-forwarded-uri").filter(|u| u.starts_with('/')).unwrap_or("/");
    Some(format!("{}://{host}{uri}", proto.to_ascii_lowercase()))
}

/// The original method of the request a trusted proxy holds (`X-Forwarded-Method`), if any.
pub fn forwarded_method(peer: IpAddr, headers: &HeaderMap, proxies: &ProxySettings) -> Option<String> {
    if !proxies.trusted.contains(peer) {
        return None;
    }
    headers.get("x-forwarded-method").and_then(|v| v.to_str().ok()).map(|m| m.trim().to_ascii_uppercase())
}

/// Whether the cookies set on this answer carry `Secure`.
pub fn secure_cookies(peer: IpAddr, headers: &HeaderMap, proxies: &ProxySettings) -> bool {
    match proxies.secure_cookies {
        SecureCookies::Always => true,
        SecureCookies::Never => false,
        SecureCookies::Auto => {
            proxies.trusted.contains(peer)
                && headers
                    .get("x-forwarded-proto")
                    .and_then(|v| v.to_str().ok())
                    .is_some_and(|proto| proto.trim().eq_ignore_ascii_case("https"))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn settings(trusted: &str) -> ProxySettings {
        ProxySettings { trusted: trusted.parse().unwrap(), secure_cookies: SecureCookies::Auto, ..Default::default() }
    }

    fn headers(pairs: &[(&'static str, &str)]) -> HeaderMap {
        let mut map = HeaderMap::new();
        for (name, value) in pairs {
            map.append(*name, value.parse().unwrap());
        }
        map
    }

    fn ip(s: &str) -> IpAddr {
        s.parse().unwrap()
    }

    #[test]
    fn only_a_trusted_peer_is_believed_and_only_up_to_the_first_untrusted_hop() {
        let proxies = settings("10.0.0.0/8");
        let forwarded = headers(&[("x-forwarded-for", "6.6.6.6, 203.0.113.9, 10.0.0.7")]);
        // The client wrote 6.6.6.6 itself; 203.0.113.9 is who the trusted proxies saw.
        assert_eq!(client_address(ip("10.0.0.2"), &forwarded, &proxies), ip("203.0.113.9"));
        // An untrusted peer's header is ignored.
        assert_eq!(client_address(ip("198.51.100.1"), &forwarded, &proxies), ip("198.51.100.1"));
        // No header: the proxy itself.
        assert_eq!(client_address(ip("10.0.0.2"), &HeaderMap::new(), &proxies), ip("10.0.0.2"));
        // Several headers are one list; garbage stops the walk at the last trusted hop.
        let split = headers(&[("x-forwarded-for", "203.0.113.9"), ("x-forwarded-for", "10.0.0.9")]);
        assert_eq!(client_address(ip("10.0.0.2"), &split, &proxies), ip("203.0.113.9"));
        let garbage = headers(&[("x-forwarded-for", "203.0.113.9, nonsense, 10.0.0.9")]);
        assert_eq!(client_address(ip("10.0.0.2"), &garbage, &proxies), ip("10.0.0.9"));
        // Nothing trusted: the peer, whatever it says.
        assert_eq!(client_address(ip("10.0.0.2"), &forwarded, &settings("")), ip("10.0.0.2"));
    }

    #[test]
    fn cookies_are_secure_behind_a_trusted_tls_proxy_or_when_forced() {
        let proxies = settings("10.0.0.0/8");
        let https = headers(&[("x-forwarded-proto", "https")]);
        assert!(secure_cookies(ip("10.0.0.2"), &https, &proxies));
        assert!(!secure_cookies(ip("198.51.100.1"), &https, &proxies), "an untrusted peer's word");
        assert!(!secure_cookies(ip("10.0.0.2"), &headers(&[("x-forwarded-proto", "http")]), &proxies));
        let always = ProxySettings { secure_cookies: SecureCookies::Always, ..settings("") };
        assert!(secure_cookies(ip("198.51.100.1"), &HeaderMap::new(), &always));
        let never = ProxySettings { secure_cookies: SecureCookies::Never, ..settings("10.0.0.0/8") };
        assert!(!secure_cookies(ip("10.0.0.2"), &https, &never));
    }
}
