//! The session cookies, as Mattermost sets them for its web app: `MMAUTHTOKEN` (the token,
//! HttpOnly), `MMUSERID` and `MMCSRF` (read by the page's script), whole site, SameSite=Lax,
//! `Secure` when the request came over TLS ([`super::forwarded::secure_cookies`]), and with
//! `AllowCookiesForSubdomains` for `SiteURL`'s host and its subdomains
//! ([`crate::config::cookie_domain`]). Set on a browser login, sent again when a request
//! extends its session, cleared on logout.
//!
//! A login also sets `MMDEVICE_<user id>`, the account's device cookie
//! ([`crate::known_device`]): HttpOnly, SameSite=Strict, this host only, and sent back only to
//! the login endpoint (its path, under `SiteURL`'s), so no other operation, page or app behind
//! forward-auth receives it. One name per account: a login to another account does not replace
//! it.
//!
//! The forward-auth check refreshes the token cookie alone: nginx 1.22's `auth_request_set`
//! reads only the first `Set-Cookie` of the check and Caddy's `{rp.header.Set-Cookie}` joins
//! several into one unusable line, so one cookie is all a proxy can pass on. The companions
//! follow on the browser's next request here without them (the sessions page's first call).

use cookie::{time::Duration, Cookie, SameSite};

use crate::domain::Session;

/// The cookie that carries the token for browsers (HttpOnly).
pub const COOKIE_TOKEN: &str = "MMAUTHTOKEN";
/// The cookie naming the logged-in user, for the web app's scripts.
pub const COOKIE_USER_ID: &str = "MMUSERID";
/// The cookie carrying the CSRF token the web app echoes in `X-CSRF-Token`.
pub const COOKIE_CSRF: &str = "MMCSRF";
/// The cookie that binds a single sign-on in flight to the browser that started it
/// (Mattermost's name; [`crate::sso::state`]).
pub const COOKIE_SIGN_IN: &str = "MMOAUTH";
/// The start of each account's device cookie's name ([`crate::known_device`]).
pub const COOKIE_DEVICE_PREFIX: &str = "MMDEVICE_";
/// The path the device cookie is sent to, under `SiteURL`'s path.
const LOGIN_PATH: &str = "/api/v4/users/login";
/// The lifetime given to the cookies of a session that never expires.
const TEN_YEARS_SECS: i64 = 10 * 365 * 86400;

/// Where a request's cookies go: over TLS only or not, to which domain.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Scope {
    pub secure: bool,
    /// `Domain=`; `None`: this host only.
    pub domain: Option<String>,
}

fn cookie(name: &str, value: String, max_age_secs: i64, http_only: bool, scope: &Scope) -> String {
    let mut cookie = Cookie::build((name, value))
        .path("/")
        .max_age(Duration::seconds(max_age_secs.max(0)))
        .http_only(http_only)
        .secure(scope.secure)
        .same_site(SameSite::Lax);
    if let Some(domain) = &scope.domain {
        cookie = cookie.domain(domain.clone());
    }
    cookie.build().to_string()
}

/// The three cookies of `session` (whose token is `token`), living as long as it does.
pub fn for_session(token: &str, session: &Session, now: i64, scope: &Scope) -> [String; 3] {
    let max_age = if session.expires_at > 0 { (session.expires_at - now) / 1000 } else { TEN_YEARS_SECS };
    let csrf = session.props.get("csrf").unwrap_or_default().to_owned();
    [
        cookie(COOKIE_TOKEN, token.to_owned(), max_age, true, scope),
        cookie(COOKIE_USER_ID, session.user_id.to_string(), max_age, false, scope),
        cookie(COOKIE_CSRF, csrf, max_age, false, scope),
    ]
}

/// The token cookie of `session` alone, living as long as it does (what the forward-auth check
/// sends when it extends a session: the one cookie a proxy can pass on).
pub fn token_only(token: &str, session: &Session, now: i64, scope: &Scope) -> String {
    let [token_cookie, _, _] = for_session(token, session, now, scope);
    token_cookie
}

/// `user_id`'s device cookie holding `value`, for as long as it stays valid, sent to the login
/// endpoint under `site_url`'s path (a server behind a proxy at `https://host/chat`).
pub fn device(user_id: &str, value: String, scope: &Scope, site_url: &str) -> String {
    Cookie::build((format!("{COOKIE_DEVICE_PREFIX}{user_id}"), value))
        .path(format!("{}{LOGIN_PATH}", site_prefix(site_url)))
        .max_age(Duration::seconds(crate::known_device::LIFETIME_SECS))
        .http_only(true)
        .secure(scope.secure)
        .same_site(SameSite::Strict)
        .build()
        .to_string()
}

/// The single sign-on cookie holding `value`: HttpOnly, for the sign-in's lifetime, sent back
/// under `site_url`'s path (where the provider returns the browser). SameSite=Lax: the
/// provider's redirect back is a top-level GET from another site, which Lax lets through.
pub fn sign_in(value: &str, scope: &Scope, site_url: &str) -> String {
    sign_in_cookie(value.to_owned(), crate::sso::state::LIFETIME_MS / 1000, scope, site_url)
}

/// The single sign-on cookie's name: `__Host-MMOAUTH` where the browser allows it (over TLS, for
/// the whole host), so that no sibling subdomain can plant one (a login CSRF); else Mattermost's
/// `MMOAUTH`. Only this server reads it.
pub fn sign_in_name(scope: &Scope, site_url: &str) -> &'static str {
    if scope.secure && site_path(site_url) == "/" {
        "__Host-MMOAUTH"
    } else {
        COOKIE_SIGN_IN
    }
}

/// `site_url`'s path without its last `/` ("" for a site at the root): what paths here start with.
fn site_prefix(site_url: &str) -> String {
    url::Url::parse(site_url.trim()).map(|url| url.path().trim_end_matches('/').to_owned()).unwrap_or_default()
}

/// `site_url`'s path as a cookie's `Path` (`/` for a site at the root).
fn site_path(site_url: &str) -> String {
    let prefix = site_prefix(site_url);
    if prefix.is_empty() {
        "/".to_owned()
    } else {
        prefix
    }
}

/// The single sign-on cookie, cleared (its sign-in is over).
pub fn sign_in_cleared(scope: &Scope, site_url: &str) -> String {
    sign_in_cookie(String::new(), 0, scope, site_url)
}

fn sign_in_cookie(value: String, max_age_secs: i64, scope: &Scope, site_url: &str) -> String {
    Cookie::build((sign_in_name(scope, site_url), value))
        .path(site_path(site_url))
        .max_age(Duration::seconds(max_age_secs))
        .http_only(true)
        .secure(scope.secure)
        .same_site(SameSite::Lax)
        .build()
        .to_string()
}

/// The three cookies, cleared.
pub fn cleared(scope: &Scope) -> [String; 3] {
    [
        cookie(COOKIE_TOKEN, String::new(), 0, true, scope),
        cookie(COOKIE_USER_ID, String::new(), 0, false, scope),
        cookie(COOKIE_CSRF, String::new(), 0, false, scope),
    ]
}
