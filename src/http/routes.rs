//! Which route a request is for, as Mattermost's router decides it (`api4/api.go`): the spec's
//! path templates (read from `api/` at build time), where a parameter matches only what
//! Mattermost's pattern for it matches — `{user_id:[A-Za-z0-9]+}`, `{token_id:[A-Za-z0-9]+}`,
//! `{username:[A-Za-z0-9\_\-\.]+}` — and, as its router tries each route in turn, a path is
//! served when any template that matches it has the method (`GET /users/tokens/disable` is
//! `GET /users/tokens/{token_id}` with the id `disable`, a 400 there).
//!
//! It runs before anything else of an API request (no body read, no authentication, as a
//! router does): a path under `/api/v4` that no template matches is 404
//! `api.context.404.app_error`; a path whose templates all lack the request's method is 405
//! with `Allow` listing the methods they have. The generated router, which matches any parameter value, then
//! sees only requests with a route.

use percent_encoding::percent_decode_str;

include!(concat!(env!("OUT_DIR"), "/routes.rs"));

/// The base path every API route is under.
pub const BASE_PATH: &str = "/api/v4";

/// What routing found.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Routed {
    /// A route has the method.
    Found,
    /// No route: 404.
    NoRoute,
    /// Routes, none with this method: 405.
    WrongMethod,
}

/// Whether `value` (a path segment, percent-decoded) matches Mattermost's pattern for the
/// parameter `name`.
fn parameter_matches(name: &str, value: &str) -> bool {
    let allowed = |b: u8| match name {
        "username" => b.is_ascii_alphanumeric() || b"_-.".contains(&b),
        _ => b.is_ascii_alphanumeric(),
    };
    !value.is_empty() && value.bytes().all(allowed)
}

/// Whether `template`'s segments match `segments`. It runs for every route on every request,
/// so it walks both without collecting either (measured: the matcher fell from 4.8% to 4.2% of a
/// cached `GET /users/me`, its string splitting from 1.7% to 0.1%; docs/performance.md).
fn matches(template: &str, segments: &[&str]) -> bool {
    let mut parts = template.split('/').skip(1);
    let mut segments = segments.iter();
    loop {
        match (parts.next(), segments.next()) {
            (None, None) => return true,
            (Some(part), Some(segment)) => {
                let matched = match part.strip_prefix('{').and_then(|p| p.strip_suffix('}')) {
                    Some(name) => {
                        percent_decode_str(segment).decode_utf8().is_ok_and(|decoded| parameter_matches(name, &decoded))
                    }
                    None => part == *segment,
                };
                if !matched {
                    return false;
                }
            }
            _ => return false,
        }
    }
}

/// The methods of every route that matches `path` (the full request path), sorted; `None`:
/// no route does.
fn methods_at(path: &str) -> Option<Vec<&'static str>> {
    let relative = path.strip_prefix(BASE_PATH).filter(|p| p.starts_with('/'))?;
    let segments: Vec<&str> = relative.split('/').skip(1).collect();
    let mut methods: Vec<&'static str> = Vec::new();
    let mut any = false;
    for (template, template_methods) in ROUTES {
        if matches(template, &segments) {
            any = true;
            methods.extend_from_slice(template_methods);
        }
    }
    methods.sort_unstable();
    methods.dedup();
    any.then_some(methods)
}

/// What a 405 for `path` says in `Allow`: the methods its routes have.
pub fn allowed(path: &str) -> String {
    methods_at(path).unwrap_or_default().join(", ")
}

/// The route of `method path` (the full request path, base path included).
pub fn route(method: &str, path: &str) -> Routed {
    match methods_at(path) {
        None => Routed::NoRoute,
        Some(methods) if methods.contains(&method) => Routed::Found,
        Some(_) => Routed::WrongMethod,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn any_route_with_the_method_serves_and_parameters_match_mattermosts_patterns() {
        assert_eq!(route("GET", "/api/v4/users/me/sessions"), Routed::Found);
        assert_eq!(route("GET", "/api/v4/users/abcdefghijklmnopqrstuvwxyz/sessions"), Routed::Found);
        assert_eq!(route("GET", "/api/v4/users/short/sessions"), Routed::Found, "the handler's 400");
        assert_eq!(route("GET", "/api/v4/users/a-b/sessions"), Routed::NoRoute);
        assert_eq!(route("GET", "/api/v4/users/%7C%C2%B0N/sessions"), Routed::NoRoute);
        assert_eq!(route("GET", "/api/v4/users/%ff/sessions"), Routed::NoRoute);
        assert_eq!(route("GET", "/api/v4/users//sessions"), Routed::NoRoute);
        assert_eq!(route("GET", "/api/v4/users/username/a.b_c-d"), Routed::Found);
        assert_eq!(route("GET", "/api/v4/users/username/a%20b"), Routed::NoRoute);
        assert_eq!(route("POST", "/api/v4/users/tokens/revoke"), Routed::Found);
        // As Mattermost's router: the GET of `/users/tokens/{token_id}`, with the id `revoke`.
        assert_eq!(route("GET", "/api/v4/users/tokens/revoke"), Routed::Found);
        assert_eq!(route("PUT", "/api/v4/users/tokens/revoke"), Routed::WrongMethod);
        assert_eq!(allowed("/api/v4/users/tokens/revoke"), "GET, POST");
        assert_eq!(route("GET", "/api/v4/users/tokens/abc"), Routed::Found);
        assert_eq!(route("DELETE", "/api/v4/users/me/tokens"), Routed::WrongMethod);
        assert_eq!(allowed("/api/v4/users/me/tokens"), "GET, POST");
        assert_eq!(route("GET", "/api/v4/nowhere"), Routed::NoRoute);
        assert_eq!(route("GET", "/elsewhere"), Routed::NoRoute);
    }
}
