//! Who the server trusts to say where a request came from, when cookies are `Secure`, the
//! forward-auth settings, and where the sign-in may send people back to.

use std::str::FromStr;

/// The reverse proxies whose `X-Forwarded-For` and `X-Forwarded-Proto` are believed: addresses
/// or CIDR ranges, comma-separated (`10.0.0.0/8,192.168.1.5`). Empty: none (the default).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct TrustedProxies(Vec<ipnet::IpNet>);

impl TrustedProxies {
    /// Whether `addr` is one of them.
    pub fn contains(&self, addr: std::net::IpAddr) -> bool {
        // An IPv4 peer may arrive as an IPv4-mapped IPv6 address on a dual-stack socket.
        let addr = match addr {
            std::net::IpAddr::V6(v6) => v6.to_ipv4_mapped().map_or(addr, std::net::IpAddr::V4),
            v4 => v4,
        };
        self.0.iter().any(|net| net.contains(&addr))
    }
}

impl FromStr for TrustedProxies {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        let mut nets = Vec::new();
        for item in s.split(',').map(str::trim).filter(|i| !i.is_empty()) {
            let net = match item.parse::<ipnet::IpNet>() {
                Ok(net) => net,
                Err(_) => item
                    .parse::<std::net::IpAddr>()
                    .map(ipnet::IpNet::from)
                    .map_err(|_| format!("{item:?} is not an IP address or a CIDR range"))?,
            };
            nets.push(net);
        }
        Ok(TrustedProxies(nets))
    }
}

impl std::fmt::Display for TrustedProxies {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let nets: Vec<String> = self.0.iter().map(ToString::to_string).collect();
        f.write_str(&nets.join(","))
    }
}

/// When session cookies carry `Secure`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum SecureCookies {
    /// When the request came through a trusted proxy that says `X-Forwarded-Proto: https`
    /// (Mattermost marks cookies `Secure` for requests over TLS).
    #[default]
    Auto,
    /// Always (the server is only ever reached over TLS).
    Always,
    /// Never.
    Never,
}

impl FromStr for SecureCookies {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        match s.trim() {
            "auto" => Ok(SecureCookies::Auto),
            "always" => Ok(SecureCookies::Always),
            "never" => Ok(SecureCookies::Never),
            other => Err(format!("{other:?}: expected auto, always or never")),
        }
    }
}

impl std::fmt::Display for SecureCookies {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            SecureCookies::Auto => "auto",
            SecureCookies::Always => "always",
            SecureCookies::Never => "never",
        })
    }
}

/// What the server believes of the proxies in front of it, and what it lets them do.
#[derive(Clone, Debug)]
pub struct ProxySettings {
    pub trusted: TrustedProxies,
    pub secure_cookies: SecureCookies,
    /// Hosts a browser may be sent to after signing in (`--allowed-redirect-hosts`): the
    /// forward-auth check's `redirect_to`, the page's.
    pub allowed_redirect_hosts: AllowedHosts,
    /// Mattermost's CSRF rule at the forward-auth check: a cookie session with an unsafe
    /// original method needs the CSRF header (on by default; off for apps that do their own).
    pub forward_auth_csrf: bool,
    /// Mattermost's `AllowCookiesForSubdomains` (false): the cookies go to `SiteURL`'s host and
    /// its subdomains (`Domain=`), so that apps on subdomains share the sign-in.
    pub allow_cookies_for_subdomains: bool,
}

impl Default for ProxySettings {
    fn default() -> Self {
        ProxySettings {
            trusted: TrustedProxies::default(),
            secure_cookies: SecureCookies::default(),
            allowed_redirect_hosts: AllowedHosts::default(),
            forward_auth_csrf: DEFAULT_FORWARD_AUTH_CSRF,
            allow_cookies_for_subdomains: DEFAULT_ALLOW_COOKIES_FOR_SUBDOMAINS,
        }
    }
}

/// The forward-auth check applies Mattermost's CSRF rule by default.
pub const DEFAULT_FORWARD_AUTH_CSRF: bool = true;
/// Mattermost's `AllowCookiesForSubdomains`.
pub const DEFAULT_ALLOW_COOKIES_FOR_SUBDOMAINS: bool = false;

/// The hosts a browser may be sent to after signing in, as ASCII (IDN hosts in punycode),
/// comma-separated in the setting (`wiki.example.com,grafana.example.com`).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct AllowedHosts(Vec<String>);

impl AllowedHosts {
    /// Each entry a host name, without scheme, port or path.
    pub fn parse(list: &str) -> Result<Self, String> {
        let mut hosts = Vec::new();
        for name in list.split(',').map(str::trim).filter(|n| !n.is_empty()) {
            match url::Host::parse(name) {
                Ok(url::Host::Domain(domain)) if !name.contains(['/', ':', '@', '?', '#']) => hosts.push(domain),
                Ok(url::Host::Ipv4(ip)) => hosts.push(ip.to_string()),
                Ok(url::Host::Ipv6(ip)) => hosts.push(format!("[{ip}]")),
                _ => return Err(format!("{name:?} is not a host name (no scheme, port or path)")),
            }
        }
        Ok(AllowedHosts(hosts))
    }

    /// Whether `host` (as a parsed URL writes it) is allowed.
    pub fn allows(&self, host: &str) -> bool {
        self.0.iter().any(|allowed| allowed == host)
    }
}

impl std::str::FromStr for AllowedHosts {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        AllowedHosts::parse(s)
    }
}

impl std::fmt::Display for AllowedHosts {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0.join(","))
    }
}
