//! Which route a request is for, as Mattermost's router decides it (`api4/api.go`): the spec's
//! path templates (read from `api/` at build time), where a parameter matches only what
//! Mattermost's pattern for it matches — `{user_id:[A-Za-z0-9]+}`, `{token_id:[A-Za-z0-9]+}`,
//! `{username:[A-Za-z0-9\_\-\.]+}` — and the most literal template wins (`/users/tokens/revoke`
//! over `/users/tokens/{token_id}`).
//!
//! It runs before anything else of an API request (no body read, no authentication, as a
//! router does): a path under `/api/v4` that no template matches is 404
//! `api.context.404.app_error`; a template that lacks the request's method is 405 with `Allow`
//! listing the methods it has. The generated router, which matches any parameter value, then
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
    /// A route, without this method: 405, and the methods it has.
    WrongMethod(&'static [&'static str]),
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

/// Whether `template`'s segments match `segments`; how many of them are literal.
fn matches(template: &str, segments: &[&str]) -> Option<usize> {
    let parts: Vec<&str> = template.split('/').skip(1).collect();
    if parts.len() != segments.len() {
        return None;
    }
    let mut literal = 0;
    for (part, segment) in parts.iter().zip(segments) {
        match part.strip_prefix('{').and_then(|p| p.strip_suffix('}')) {
            Some(name) => {
                let decoded = percent_decode_str(segment).decode_utf8().ok()?;
                if !parameter_matches(name, &decoded) {
                    return None;
                }
            }
            None if part == segment => literal += 1,
            None => return None,
        }
    }
    Some(literal)
}

/// The methods of the most literal route for `path` (the full request path), if any.
fn methods_at(path: &str) -> Option<&'static [&'static str]> {
    let relative = path.strip_prefix(BASE_PATH).filter(|p| p.starts_with('/'))?;
    let segments: Vec<&str> = relative.split('/').skip(1).collect();
    ROUTES
        .iter()
        .filter_map(|(template, methods)| matches(template, &segments).map(|literal| (literal, *methods)))
        .max_by_key(|(literal, _)| *literal)
        .map(|(_, methods)| methods)
}

/// What a 405 for `path` says in `Allow`: the methods its route has.
pub fn allowed(path: &str) -> String {
    methods_at(path).unwrap_or_default().join(", ")
}

/// The route of `method path` (the full request path, base path included).
pub fn route(method: &str, path: &str) -> Routed {
    match methods_at(path) {
        None => Routed::NoRoute,
        Some(methods) if methods.contains(&method) => Routed::Found,
        Some(methods) => Routed::WrongMethod(methods),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_most_literal_route_wins_and_parameters_match_mattermosts_patterns() {
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
        assert_eq!(route("GET", "/api/v4/users/tokens/revoke"), Routed::WrongMethod(&["POST"]));
        assert_eq!(route("GET", "/api/v4/users/tokens/abc"), Routed::Found);
        assert_eq!(route("DELETE", "/api/v4/users/me/tokens"), Routed::WrongMethod(&["GET", "POST"]));
        assert_eq!(route("GET", "/api/v4/nowhere"), Routed::NoRoute);
        assert_eq!(route("GET", "/elsewhere"), Routed::NoRoute);
    }
}
