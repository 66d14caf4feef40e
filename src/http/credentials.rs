//! Where a request's token comes from, in Mattermost's order (`app/authentication.go`,
//! `ParseAuthTokenFromRequest`): the `MMAUTHTOKEN` cookie; an `Authorization` header whose first
//! six characters are `bearer` in any case (token from the 8th character on); one whose first five
//! are `token` in any case (from the 7th on); the `access_token` query parameter, which the
//! pipeline then refuses for every session we issue (as Mattermost does for non-OAuth ones).

use hyper::header::{AUTHORIZATION, COOKIE};
use hyper::http::request::Parts;

use super::cookies::{COOKIE_CSRF, COOKIE_TOKEN, COOKIE_USER_ID};

/// Where the token was found; cookie-borne tokens need CSRF protection on writes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Location {
    Cookie,
    Header,
    Query,
}

/// The presented token and where it came from, if any.
pub fn presented_token(parts: &Parts) -> Option<(String, Location)> {
    if let Some(token) = cookie(parts, COOKIE_TOKEN) {
        return Some((token, Location::Cookie));
    }
    if let Some(header) = parts.headers.get(AUTHORIZATION).and_then(|v| v.to_str().ok()) {
        if header.len() > 6 && header.get(..6).is_some_and(|s| s.eq_ignore_ascii_case("bearer")) {
            return Some((header.get(7..).unwrap_or_default().to_owned(), Location::Header));
        }
        if header.len() > 5 && header.get(..5).is_some_and(|s| s.eq_ignore_ascii_case("token")) {
            return Some((header.get(6..).unwrap_or_default().to_owned(), Location::Header));
        }
    }
    let query = parts.uri.query()?;
    form_urlencoded::parse(query.as_bytes())
        .find(|(k, v)| k == "access_token" && !v.is_empty())
        .map(|(_, v)| (v.into_owned(), Location::Query))
}

/// Whether the browser still holds the page's two companion cookies (`MMUSERID`, `MMCSRF`).
/// They can outlive their session's token cookie only when a proxy passed on a refreshed token
/// cookie alone (see [`super::cookies::token_only`]); a request without them gets all three again.
pub fn has_companion_cookies(parts: &Parts) -> bool {
    cookie(parts, COOKIE_USER_ID).is_some() && cookie(parts, COOKIE_CSRF).is_some()
}

/// Every cookie a request sent, as (name, value), over every `Cookie` header.
fn cookies(parts: &Parts) -> impl Iterator<Item = (&str, &str)> {
    cookies_in(&parts.headers)
}

/// The same, from the headers alone.
fn cookies_in(headers: &hyper::HeaderMap) -> impl Iterator<Item = (&str, &str)> {
    headers
        .get_all(COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .map(|(name, value)| (name, value.trim_matches('"')))
}

/// The values of the cookies whose names start with `prefix`, at most `most` of them.
pub(super) fn cookies_starting(parts: &Parts, prefix: &str, most: usize) -> Vec<String> {
    cookies(parts).filter(|(name, _)| name.starts_with(prefix)).take(most).map(|(_, v)| v.to_owned()).collect()
}

/// A cookie's value (first match over every `Cookie` header).
fn cookie(parts: &Parts, name: &str) -> Option<String> {
    cookie_in(&parts.headers, name)
}

/// A cookie's value, from the headers alone.
pub(super) fn cookie_in(headers: &hyper::HeaderMap, name: &str) -> Option<String> {
    cookies_in(headers).find(|(k, _)| *k == name).map(|(_, v)| v.to_owned())
}

/// Mattermost's CSRF rule for cookie-authenticated writes: `X-Requested-With: XMLHttpRequest`,
/// or `X-CSRF-Token` equal to the session's `csrf` prop.
pub fn passes_csrf(parts: &Parts, session_csrf: Option<&str>) -> bool {
    let header = |name: &str| parts.headers.get(name).and_then(|v| v.to_str().ok());
    header("x-requested-with") == Some("XMLHttpRequest")
        || matches!((header("x-csrf-token"), session_csrf), (Some(a), Some(b)) if !b.is_empty() && a == b)
}

#[cfg(test)]
mod tests {
    use super::*;
    use hyper::Request;

    fn parts(builder: hyper::http::request::Builder) -> Parts {
        builder.body(()).unwrap().into_parts().0
    }

    #[test]
    fn schemes_are_matched_case_insensitively() {
        for header in ["Bearer abc", "BEARER abc", "bearer abc", "Token abc", "TOKEN abc"] {
            let p = parts(Request::get("/").header("Authorization", header));
            assert_eq!(presented_token(&p), Some(("abc".into(), Location::Header)), "{header}");
        }
    }

    #[test]
    fn cookie_wins_then_header_then_query() {
        let p = parts(
            Request::get("/?access_token=q").header("Cookie", "a=b; MMAUTHTOKEN=c").header("Authorization", "Bearer h"),
        );
        assert_eq!(presented_token(&p), Some(("c".into(), Location::Cookie)));
        let p = parts(Request::get("/?access_token=q").header("Authorization", "Bearer h"));
        assert_eq!(presented_token(&p), Some(("h".into(), Location::Header)));
        let p = parts(Request::get("/?x=1&access_token=q"));
        assert_eq!(presented_token(&p), Some(("q".into(), Location::Query)));
    }

    #[test]
    fn no_or_unknown_credentials() {
        assert_eq!(presented_token(&parts(Request::get("/"))), None);
        assert_eq!(presented_token(&parts(Request::get("/").header("Authorization", "Basic abc"))), None);
        assert_eq!(presented_token(&parts(Request::get("/").header("Authorization", "Bearer"))), None);
        assert_eq!(presented_token(&parts(Request::get("/").header("Authorization", "Beareré"))).map(|t| t.1), None);
    }
}
