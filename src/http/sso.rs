//! Single sign-on's browser routes, outside `/api/v4` as Mattermost has them (`web/oauth.go`),
//! all `GET`:
//!
//! - `/oauth/{service}/login` and `/signup` start a sign-in: `redirect_to` checked (the same
//!   rule as the page's return, [`super::redirect::safe_target`]), the sign-in kept in the store
//!   ([`crate::sso::state`]), the `MMOAUTH` cookie set, and a 302 to the provider;
//! - `/oauth/{service}/mobile_login` is the mobile app's (its `redirect_to` one of
//!   `NativeAppSettings.AppCustomURLSchemes`, e.g. `mmauth://callback`);
//! - `/signup/{service}/complete` (the redirect URI the provider is given), `/login/…/complete`
//!   and `/oauth/…/complete` finish it: the state taken (once, by the browser that started it),
//!   the code exchanged, the person's account found or made, a session opened with the three
//!   cookies (and the `Token` header), and a 307 to `redirect_to` — checked again on the way
//!   out. The mobile flow gets Mattermost's page that hands the token to the app instead.
//!
//! Every refusal is a small page with the error's status and Mattermost's id
//! ([`super::response::render_error_page`]); no token, code or state is logged.

use std::net::IpAddr;

use bytes::Bytes;
use http_body_util::{combinators::BoxBody, Full};
use hyper::header::{HeaderValue, CACHE_CONTROL, CONTENT_TYPE, LOCATION, SET_COOKIE};
use hyper::{Response, StatusCode};

use super::cookies::{self, Scope};
use super::redirect::{safe_target, AllowedHosts};
use super::response::HttpResponse;
use crate::error::AppError;
use crate::service::{Origin, SessionService};
use crate::sso::provider::is_error_code;
use crate::sso::state::{Action, SignIn};
use crate::sso::SingleSignOn;

/// What a browser route asks for.
#[derive(Debug, PartialEq, Eq)]
pub enum Route<'a> {
    Start { service: &'a str, action: Action },
    Complete { service: &'a str },
}

/// The route a path names, if it is one of single sign-on's.
pub fn route(path: &str) -> Option<Route<'_>> {
    let mut parts = path.strip_prefix('/')?.split('/');
    let (first, service, last) = (parts.next()?, parts.next()?, parts.next()?);
    if parts.next().is_some() || service.is_empty() {
        return None;
    }
    match (first, last) {
        ("oauth", "login") => Some(Route::Start { service, action: Action::Login }),
        ("oauth", "signup") => Some(Route::Start { service, action: Action::Signup }),
        ("oauth", "mobile_login") => Some(Route::Start { service, action: Action::Mobile }),
        ("signup" | "login" | "oauth", "complete") => Some(Route::Complete { service }),
        _ => None,
    }
}

/// What the routes need of the request beyond its path.
pub struct Request<'a> {
    pub uri: &'a hyper::Uri,
    pub headers: &'a hyper::HeaderMap,
    pub client: Option<IpAddr>,
    pub scope: Scope,
    pub allowed_hosts: &'a AllowedHosts,
}

/// Answers a single sign-on route.
pub async fn answer(
    route: Route<'_>,
    request: Request<'_>,
    sso: Option<&SingleSignOn>,
    service: &SessionService,
) -> Result<HttpResponse, AppError> {
    let query = query_pairs(request.uri.query());
    let provider_name = match &route {
        Route::Start { service, .. } | Route::Complete { service } => *service,
    };
    let sso = sso.ok_or(AppError::SsoUnsupported)?;
    let provider = sso.provider(provider_name).ok_or(AppError::SsoUnsupported)?;
    match route {
        Route::Start { action, .. } => {
            let redirect_to = query.get("redirect_to");
            let redirect_to = match action {
                Action::Mobile => mobile_target(redirect_to, sso.app_custom_url_schemes())?,
                _ if redirect_to.is_empty() => String::new(),
                _ => safe_target(redirect_to, request.allowed_hosts).ok_or(AppError::InvalidRedirect)?,
            };
            if action == Action::Signup && !service.policy().sso.enable_user_creation {
                return Err(AppError::UserCreationDisabled);
            }
            let started = SignIn::start(provider.service().as_str(), action, redirect_to);
            let url = provider.authorization_url(&started.state, &started.sign_in, query.get("login_hint")).await?;
            service.begin_sign_in(&started.state, &started.sign_in, request.client).await?;
            let cookie = cookies::sign_in(&started.cookie, &request.scope, &service.policy().site_url);
            Ok(redirect(StatusCode::FOUND, url.as_str(), &[cookie]))
        }
        Route::Complete { .. } => {
            let error = query.get("error");
            if error == "access_denied" {
                return Err(AppError::SsoAccessDenied);
            }
            if !error.is_empty() {
                let code = if is_error_code(error) { error.to_owned() } else { "invalid".to_owned() };
                return Err(AppError::SsoProviderError(code));
            }
            let code = query.get("code");
            if code.is_empty() {
                return Err(AppError::SsoMissingCode);
            }
            let name = cookies::sign_in_name(&request.scope, &service.policy().site_url);
            let browser = super::credentials::cookie_in(request.headers, name);
            let sign_in =
                service.take_sign_in(query.get("state"), browser.as_deref(), provider.service().as_str()).await?;
            let now_secs = service.clock().now_millis() / 1000;
            let identity = provider.identity(code, &sign_in, now_secs).await?;
            let user_agent = request.headers.get(hyper::header::USER_AGENT).and_then(|v| v.to_str().ok());
            let origin = Origin { action: request.uri.path().to_owned(), client: request.client };
            let mobile = sign_in.action == Action::Mobile;
            let logged_in = service.sso_login(&identity, mobile, user_agent.unwrap_or_default(), &origin).await?;
            let now = service.clock().now_millis();
            let cleared = cookies::sign_in_cleared(&request.scope, &service.policy().site_url);
            let mut set =
                cookies::for_session(logged_in.token.expose(), &logged_in.session, now, &request.scope).to_vec();
            if mobile && !sign_in.redirect_to.is_empty() {
                // The session goes to the app in the URL only.
                return Ok(mobile_complete(&sign_in.redirect_to, &logged_in, service, vec![cleared]));
            }
            set.push(cleared);
            if mobile {
                // No target: the older app reads the session from the cookies (Mattermost's "old
                // mobile version").
                return Ok(mobile_complete("", &logged_in, service, set));
            }
            // Checked again on the way out: the allow-list may have changed since it started.
            let target = safe_target(&sign_in.redirect_to, request.allowed_hosts).unwrap_or_else(|| "/".to_owned());
            let mut response = redirect(StatusCode::TEMPORARY_REDIRECT, &target, &set);
            if let Ok(token) = HeaderValue::from_str(logged_in.token.expose()) {
                response.headers_mut().insert("token", token);
            }
            Ok(response)
        }
    }
}

/// The query's parameters, first value of each.
struct Query(Vec<(String, String)>);

impl Query {
    fn get(&self, name: &str) -> &str {
        self.0.iter().find(|(n, _)| n == name).map_or("", |(_, v)| v.as_str())
    }
}

fn query_pairs(query: Option<&str>) -> Query {
    Query(form_urlencoded::parse(query.unwrap_or_default().as_bytes()).into_owned().collect())
}

/// A mobile sign-in's `redirect_to`: exactly `<scheme>://callback` for one of the app's schemes
/// (what Mattermost's mobile app sends, and all Mattermost follows).
fn mobile_target(target: &str, schemes: &[String]) -> Result<String, AppError> {
    if target.is_empty() {
        return Ok(String::new());
    }
    let allowed = schemes.iter().any(|scheme| target.eq_ignore_ascii_case(&format!("{scheme}callback")));
    if allowed {
        Ok(target.to_owned())
    } else {
        Err(AppError::InvalidCustomUrlScheme)
    }
}

/// A redirect with these cookies; never cached, never a referrer.
fn redirect(status: StatusCode, location: &str, set: &[String]) -> HttpResponse {
    let mut response = Response::new(BoxBody::new(Full::new(Bytes::new())));
    *response.status_mut() = status;
    let headers = response.headers_mut();
    headers.insert(LOCATION, HeaderValue::from_str(location).unwrap_or(HeaderValue::from_static("/")));
    headers.insert(CACHE_CONTROL, HeaderValue::from_static("no-store"));
    headers.insert("referrer-policy", HeaderValue::from_static("no-referrer"));
    for cookie in set {
        if let Ok(value) = HeaderValue::from_str(cookie) {
            headers.append(SET_COOKIE, value);
        }
    }
    response
}

/// Mattermost's page for the mobile app: it sends the browser to
/// `redirect_to?MMAUTHTOKEN=…&MMCSRF=…&srv=<SiteURL>`, handing the app its session (a token in a
/// URL: docs/security.md says what that risks, and why it is kept).
fn mobile_complete(
    target: &str,
    logged_in: &crate::service::LoggedIn,
    service: &SessionService,
    set: Vec<String>,
) -> HttpResponse {
    let csrf = logged_in.session.props.get("csrf").unwrap_or_default();
    let mut html = String::from("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>Signed in</title>");
    if target.is_empty() {
        html.push_str("</head><body><p>Signed in. You can close this window.</p></body></html>");
    } else {
        let url = format!(
            "{target}?{}",
            form_urlencoded::Serializer::new(String::new())
                .append_pair(cookies::COOKIE_TOKEN, logged_in.token.expose())
                .append_pair(cookies::COOKIE_CSRF, csrf)
                .append_pair("srv", &service.policy().site_url)
                .finish()
        );
        let link = escape_html(&url);
        html.push_str(&format!(
            "<meta http-equiv=\"refresh\" content=\"0; url={link}\"></head><body><h2>Authentication complete</h2>\
             <p><a href=\"{link}\">Open the app</a></p></body></html>"
        ));
    }
    let mut response = Response::new(BoxBody::new(Full::new(Bytes::from(html))));
    let headers = response.headers_mut();
    headers.insert(CONTENT_TYPE, HeaderValue::from_static("text/html; charset=utf-8"));
    headers.insert(CACHE_CONTROL, HeaderValue::from_static("no-store"));
    headers.insert("referrer-policy", HeaderValue::from_static("no-referrer"));
    for cookie in set {
        if let Ok(value) = HeaderValue::from_str(&cookie) {
            headers.append(SET_COOKIE, value);
        }
    }
    response
}

/// Text made safe inside HTML (element content and quoted attributes).
pub fn escape_html(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_routes_are_mattermosts() {
        assert_eq!(route("/oauth/openid/login"), Some(Route::Start { service: "openid", action: Action::Login }));
        assert_eq!(route("/oauth/gitlab/signup"), Some(Route::Start { service: "gitlab", action: Action::Signup }));
        assert_eq!(
            route("/oauth/google/mobile_login"),
            Some(Route::Start { service: "google", action: Action::Mobile })
        );
        for complete in ["/signup/openid/complete", "/login/openid/complete", "/oauth/openid/complete"] {
            assert_eq!(route(complete), Some(Route::Complete { service: "openid" }), "{complete}");
        }
        for other in ["/oauth//login", "/oauth/openid/login/x", "/signup/openid/login", "/api/v4/users/login", "/"] {
            assert_eq!(route(other), None, "{other}");
        }
    }

    #[test]
    fn mobile_targets_are_the_apps_callback_only() {
        let schemes = vec!["mmauth://".to_owned(), "mmauthbeta://".to_owned()];
        assert_eq!(mobile_target("mmauth://callback", &schemes).unwrap(), "mmauth://callback");
        for bad in ["https://evil.example/", "mmauth://evil.example/", "javascript:alert(1)", "mmauth://callback?x=1"] {
            assert!(mobile_target(bad, &schemes).is_err(), "{bad}");
        }
        assert_eq!(escape_html("<a href=\"x\">&'"), "&lt;a href=&quot;x&quot;&gt;&amp;&#39;");
    }
}
