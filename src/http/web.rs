//! The "active sessions" page: static files from `web/`, embedded in the binary, served at `/`.
//! The page talks only to the public API of `api/`.

use bytes::Bytes;
use http_body_util::{combinators::BoxBody, Full};
use hyper::header::{HeaderValue, CACHE_CONTROL, CONTENT_TYPE};
use hyper::{Method, Response};

use super::response::HttpResponse;

const INDEX: &str = include_str!("../../web/index.html");
const APP_JS: &str = include_str!("../../web/app.js");
const STYLE: &str = include_str!("../../web/style.css");

/// Where the page sends a browser after signing in: `GET /return?redirect_to=…` answers 302 to
/// the target if it may go there ([`super::redirect::safe_target`]), else to the page. The
/// server decides, whatever the page's script checked.
pub const RETURN_PATH: &str = "/return";

/// The single sign-on services the page offers buttons for (JSON: each one's `service`, `url`,
/// `text` and `color`): on the sessions page and the forward-auth sign-in alike.
pub const SIGN_IN_SERVICES_PATH: &str = "/sign-in-services.json";

/// The answer to `GET /sign-in-services.json`.
pub fn sign_in_services(sso: Option<&crate::sso::SingleSignOn>) -> HttpResponse {
    let services: Vec<serde_json::Value> = sso
        .into_iter()
        .flat_map(|sso| sso.providers())
        .map(|client| {
            let provider = client.settings();
            let text = if provider.button_text.is_empty() {
                format!("Sign in with {}", provider.service.display_name())
            } else {
                provider.button_text.clone()
            };
            serde_json::json!({
                "service": provider.service.as_str(),
                "url": format!("/oauth/{}/login", provider.service),
                "text": text,
                "color": provider.button_color,
            })
        })
        .collect();
    let mut response =
        Response::new(BoxBody::new(Full::new(Bytes::from(serde_json::Value::from(services).to_string()))));
    let headers = response.headers_mut();
    headers.insert(CONTENT_TYPE, super::response::JSON);
    headers.insert(CACHE_CONTROL, HeaderValue::from_static("no-cache"));
    response
}

/// The answer to `GET /return?…`.
pub fn return_to(query: Option<&str>, allowed: &super::redirect::AllowedHosts) -> HttpResponse {
    let target = url::form_urlencoded::parse(query.unwrap_or_default().as_bytes())
        .find(|(name, _)| name == "redirect_to")
        .and_then(|(_, target)| super::redirect::safe_target(&target, allowed))
        .unwrap_or_else(|| "/".to_owned());
    let mut response = Response::new(BoxBody::new(Full::new(Bytes::new())));
    *response.status_mut() = hyper::StatusCode::FOUND;
    let headers = response.headers_mut();
    // A target the url crate serialized: always a valid header value.
    headers.insert(hyper::header::LOCATION, HeaderValue::from_str(&target).unwrap_or(HeaderValue::from_static("/")));
    headers.insert(CACHE_CONTROL, HeaderValue::from_static("no-store"));
    headers.insert("referrer-policy", HeaderValue::from_static("no-referrer"));
    response
}

/// The page's file for `path`, if `method` and `path` ask for one.
pub fn asset(method: &Method, path: &str) -> Option<HttpResponse> {
    if method != Method::GET && method != Method::HEAD {
        return None;
    }
    let (body, content_type) = match path {
        "/" | "/index.html" => (INDEX, "text/html; charset=utf-8"),
        "/app.js" => (APP_JS, "text/javascript; charset=utf-8"),
        "/style.css" => (STYLE, "text/css; charset=utf-8"),
        _ => return None,
    };
    let mut response = Response::new(BoxBody::new(Full::new(Bytes::from_static(body.as_bytes()))));
    let headers = response.headers_mut();
    headers.insert(CONTENT_TYPE, HeaderValue::from_static(content_type));
    headers.insert(CACHE_CONTROL, HeaderValue::from_static("no-cache"));
    headers.insert("x-content-type-options", HeaderValue::from_static("nosniff"));
    // The page's address never leaks to another site.
    headers.insert("referrer-policy", HeaderValue::from_static("no-referrer"));
    // Only our own files (and `data:` images: the MFA QR code comes as one); no framing
    // (clickjacking), no inline script.
    headers.insert(
        "content-security-policy",
        HeaderValue::from_static(
            "default-src 'self'; img-src 'self' data:; frame-ancestors 'none'; base-uri 'none'; form-action 'self'",
        ),
    );
    Some(response)
}
