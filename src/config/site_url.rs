//! `SiteURL`, checked, and the cookie domain it gives.

use std::str::FromStr;

/// `SiteURL`, checked: empty (Mattermost's default: unset), or an absolute `http://` or
/// `https://` URL with a host, as Mattermost's config check asks
/// (`model.config.is_valid.site_url.app_error`: "Site URL must be a valid URL and start with
/// http:// or https://"), and safer than that check (Go's `url.ParseRequestURI`), which lets
/// `javascript:alert(1)` and `https://evil.com@example.com` through. The value ends up in
/// `Location` headers, cookie domains and the issuer of authenticator apps, so it may not hold:
///
/// - whitespace or a control character: a CR LF would split a header, and the `url` crate
///   (as browsers) silently drops tabs and newlines, so what is checked would not be what is sent;
/// - a character that is not ASCII (a `Location` header takes ASCII only: the host in
///   punycode, the path percent-encoded);
/// - a user name or password (`https://evil.com@example.com` is the host `example.com`, and
///   reads as `evil.com` to a person);
/// - a query or a fragment, which every URL built on it (`SiteURL/?redirect_to=…`) would break;
/// - a backslash, which browsers read as `/` and other parsers do not.
///
/// The text is kept as written (the places that use it trim a trailing `/`).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SiteUrl(String);

impl SiteUrl {
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// What is wrong with `s`, if anything; `echo`: whether the message may quote it (not when
    /// it may carry a password).
    fn problem(s: &str) -> Option<(String, bool)> {
        let problem = |text: &str| Some((text.to_owned(), true));
        if s.is_empty() {
            return None;
        }
        if s.chars().any(char::is_control) {
            return problem("it holds a control character");
        }
        if !s.is_ascii() {
            // It is written into `Location` headers as it is, which take ASCII only.
            return problem(
                "it holds a character that is not ASCII (write the host in punycode, the path percent-encoded)",
            );
        }
        let http = s
            .split_once("://")
            .is_some_and(|(scheme, _)| scheme.eq_ignore_ascii_case("http") || scheme.eq_ignore_ascii_case("https"));
        if !http {
            return problem("it does not start with http:// or https://");
        }
        if s.chars().any(char::is_whitespace) {
            return problem("it holds whitespace");
        }
        let after_scheme = s.split_once("://").map_or("", |(_, rest)| rest);
        let authority = after_scheme.split(['/', '?', '#', '\\']).next().unwrap_or("");
        if authority.is_empty() {
            // `http:///x`, which the `url` crate (as browsers) would read as `http://x/`.
            return problem("it has no host");
        }
        if authority.contains('@') {
            return Some(("it has a user name or password before the host".to_owned(), false));
        }
        if s.contains('\\') {
            return problem("it holds a backslash");
        }
        if s.contains('?') {
            return problem("it has a query (?…)");
        }
        if s.contains('#') {
            return problem("it has a fragment (#…)");
        }
        match url::Url::parse(s) {
            Err(e) => Some((format!("it is not a URL ({e})"), true)),
            Ok(url) if url.host_str().is_none_or(str::is_empty) => problem("it has no host"),
            Ok(url) if !url.username().is_empty() || url.password().is_some() => {
                Some(("it has a user name or password before the host".to_owned(), false))
            }
            Ok(_) => None,
        }
    }
}

impl FromStr for SiteUrl {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        match SiteUrl::problem(s) {
            None => Ok(SiteUrl(s.to_owned())),
            // Quoted with escapes: the value itself may hold what would forge a line.
            Some((problem, true)) => Err(format!(
                "invalid {} {s:?}: {problem}; it must be empty or an absolute http:// or https:// URL with a host, \
                 without user name, query, fragment, whitespace or control characters",
                super::settings::SITE_URL.names()
            )),
            Some((problem, false)) => Err(format!(
                "invalid {}: {problem}; it must be empty or an absolute http:// or https:// URL with a host, \
                 without user name, query, fragment, whitespace or control characters",
                super::settings::SITE_URL.names()
            )),
        }
    }
}

impl std::fmt::Display for SiteUrl {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// The cookies' `Domain`, as Mattermost's `GetCookieDomain`: with `AllowCookiesForSubdomains`,
/// `SiteURL`'s host name (no port, no leading dot); otherwise none (host-only cookies).
pub fn cookie_domain(allow_cookies_for_subdomains: bool, site_url: &str) -> Option<String> {
    if !allow_cookies_for_subdomains {
        return None;
    }
    let url = url::Url::parse(site_url.trim()).ok()?;
    url.host_str().map(|h| h.trim_start_matches('[').trim_end_matches(']').to_owned()).filter(|h| !h.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn site_urls_are_empty_or_absolute_http_urls_with_a_host() {
        for good in ["", "https://chat.example.com", "http://127.0.0.1:8065/mm", "https://[::1]:8443/", "HTTPS://x.y"] {
            assert_eq!(good.parse::<SiteUrl>().unwrap().as_str(), good);
        }
        for (bad, says) in [
            ("not a url", "http://"),
            ("chat.example.com", "http://"),
            ("javascript:alert(1)", "http://"),
            ("ftp://example.com", "http://"),
            ("https://evil.com@example.com", "user name"),
            ("https://user:pass@example.com", "user name"),
            ("https://example.com\r\nSet-Cookie: x=1", "control"),
            ("https://exa\tmple.com", "control"),
            ("https://bücher.example", "ASCII"),
            ("https://x.example/ü", "ASCII"),
            (" https://example.com", "http://"),
            ("https://example.com/?a=1", "query"),
            ("https://example.com/#top", "fragment"),
            ("https://example.com\\@evil.com", "backslash"),
            ("https://example.com/a\\b", "backslash"),
            ("https://", "no host"),
            ("http:///chat.example.com", "no host"),
            ("https://example.com:99999", "not a URL"),
            ("https://exa mple.com", "whitespace"),
        ] {
            let (problem, _) = SiteUrl::problem(bad).unwrap_or_else(|| panic!("{bad:?} passed"));
            assert!(problem.contains(says), "{bad:?}: {problem}");
            let error = bad.parse::<SiteUrl>().unwrap_err();
            assert!(error.contains("MM_SERVICESETTINGS_SITEURL") && error.contains(&problem), "{bad:?}: {error}");
            assert!(!error.contains('\n') && !error.contains('\r') && !error.contains('\t'), "{error}");
            assert!(!error.contains("pass@"), "a password is not repeated: {error}");
        }
    }
}
