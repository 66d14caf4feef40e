//! Where a browser may be sent after signing in (`redirect_to`): a path on this server, or a
//! URL on a host the operator allows (`--allowed-redirect-hosts`). Anything else — another host,
//! a protocol-relative `//evil`, `/\evil`, userinfo (`https://allowed@evil`), `javascript:`, a
//! tab or newline hidden in the scheme — is no target.
//!
//! The target is parsed by the `url` crate, which follows the URL standard browsers follow
//! (backslashes, tabs and newlines, IDN hosts are read as a browser reads them), and what is
//! sent back is the crate's own serialization of it, never the text as it came: what was checked
//! is what the browser is told.

use url::Url;

pub use crate::config::AllowedHosts;

/// A base that no target can name: a relative target resolved against it keeps this host.
const BASE: &str = "http://mm-sessions.invalid/";

/// Where `target` may send the browser, as it should be written in `Location`: a path (with
/// query and fragment) on this server, or an `http(s)` URL without userinfo on an allowed host.
pub fn safe_target(target: &str, allowed: &AllowedHosts) -> Option<String> {
    let base = Url::parse(BASE).expect("the base parses");
    let url = base.join(target).ok()?;
    if !url.username().is_empty() || url.password().is_some() {
        return None;
    }
    if url.host_str() == base.host_str() && url.scheme() == base.scheme() && url.port().is_none() {
        // A path here: written as one, so that it cannot be read as another host.
        let mut path = url.path().to_owned();
        if let Some(query) = url.query() {
            path.push('?');
            path.push_str(query);
        }
        if let Some(fragment) = url.fragment() {
            path.push('#');
            path.push_str(fragment);
        }
        return path.starts_with('/').then_some(path).filter(|p| !p.starts_with("//"));
    }
    let allowed_host = matches!(url.scheme(), "http" | "https") && url.host_str().is_some_and(|h| allowed.allows(h));
    allowed_host.then(|| url.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn allowed() -> AllowedHosts {
        AllowedHosts::parse("wiki.example.com, ёлка.example").unwrap()
    }

    #[test]
    fn paths_here_and_allowed_hosts_pass_as_their_canonical_form() {
        let ok = |target: &str, expected: &str| {
            assert_eq!(safe_target(target, &allowed()).as_deref(), Some(expected), "{target:?}")
        };
        ok("/dashboard?x=1#top", "/dashboard?x=1#top");
        ok("/a/../b", "/b");
        ok(" /spaces ", "/spaces");
        ok("/x y", "/x%20y");
        ok("/%2F%2Fevil.example", "/%2F%2Fevil.example");
        ok("https://wiki.example.com/page?q=1", "https://wiki.example.com/page?q=1");
        ok("https://WIKI.example.com:8443/", "https://wiki.example.com:8443/");
        ok("http://xn--80atc1g.example/", "http://xn--80atc1g.example/");
        ok("https://ёлка.example/", "https://xn--80atc1g.example/");
        // Read as a relative path on this server, as a browser would read it here.
        ok("http:page", "/page");
    }

    #[test]
    fn the_open_redirect_corpus_goes_nowhere() {
        for target in [
            "//evil.example",
            "///evil.example",
            "/\\evil.example",
            "\\\\evil.example",
            "/\t/evil.example",
            "https:evil.example",
            "https://evil.example/",
            "https://wiki.example.com@evil.example/",
            "https://user:pass@wiki.example.com/",
            "https://user@wiki.example.com/",
            "javascript:alert(1)",
            "java\tscript:alert(1)",
            "java\nscript:alert(1)",
            "JAVASCRIPT:alert(1)",
            "data:text/html,<script>alert(1)</script>",
            "ftp://wiki.example.com/",
            "https://wiki.example.com./",
            "https://wiki.example.com.evil.example/",
            "https://evilwiki.example.com/",
            "https://аllowed.example/",
            "https://xn--80ak6aa92e.com/",
            "https:/\\evil.example",
            "http://mm-sessions.invalid:80@evil.example/",
            "%2F%2Fevil.example",
            "",
        ] {
            let kept = safe_target(target, &allowed());
            assert!(
                kept.as_deref().is_none_or(|k| k.starts_with('/') && !k.starts_with("//") && !k.contains('\\')),
                "{target:?} -> {kept:?}"
            );
            assert!(!kept.as_deref().is_some_and(|k| k.contains("evil.example") && !k.starts_with('/')), "{target:?}");
        }
        assert_eq!(safe_target("//evil.example", &allowed()), None);
        assert_eq!(safe_target("/\\evil.example", &allowed()), None);
        assert_eq!(safe_target("javascript:alert(1)", &allowed()), None);
    }

    #[test]
    fn allowed_hosts_are_host_names_only() {
        assert!(AllowedHosts::parse("https://wiki.example.com").is_err());
        assert!(AllowedHosts::parse("wiki.example.com:443").is_err());
        assert!(AllowedHosts::parse("wiki.example.com/path").is_err());
        assert_eq!(AllowedHosts::parse("").unwrap(), AllowedHosts::default());
        assert_eq!(AllowedHosts::parse("A.example,b.example").unwrap().to_string(), "a.example,b.example");
    }
}
