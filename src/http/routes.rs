//! Which route a request is for, as Mattermost's router decides it (`api4/api.go`): the
//! generated router's segment table of the spec's path templates
//! ([`mm_sessions_api::server::paths`]), where a parameter then matches only what Mattermost's
//! pattern for it matches — `{user_id:[A-Za-z0-9]+}`, `{token_id:[A-Za-z0-9]+}`,
//! `{username:[A-Za-z0-9\_\-\.]+}` — and, as its router tries each route in turn, a path is
//! served when any template that matches it has the method (`GET /users/tokens/disable` is
//! `GET /users/tokens/{token_id}` with the id `disable`, a 400 there).
//!
//! It runs before anything else of an API request (no body read, no authentication, as a
//! router does): a path under `/api/v4` that no template matches is 404
//! `api.context.404.app_error`; a path whose templates all lack the request's method is 405
//! with `Allow` listing the methods they have. This is the request's one route match: the
//! generated router is handed it ([`Found::matched`], `Service::call_matched`), and routes and
//! reads its path parameters by it, without matching the path again.

use hyper::Method;
use mm_sessions_api::server::{operation_of, paths};
use percent_encoding::percent_decode_str;

use super::operations::{self, Operation};

/// What routing found.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Routed {
    /// A route has the method.
    Found(Found),
    /// No route: 404.
    NoRoute,
    /// Routes, none with this method: 405.
    WrongMethod,
}

/// A route with the request's method: its operation, and the match that found it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Found {
    pub operation: &'static Operation,
    /// The template the operation runs under (its id in the generated table).
    template: usize,
    /// The templates the path matches, Mattermost's patterns applied: what the generated router
    /// is handed.
    pub matched: paths::Matched,
}

impl Found {
    /// The value of the path parameter `name` in `path` (the request's path, as matched): as
    /// sent, not decoded.
    pub fn param<'a>(&self, path: &'a str, name: &str) -> Option<&'a str> {
        self.matched.params(self.template, path).get(name)
    }
}

/// Whether a parameter's value (as sent) matches Mattermost's pattern for it: `username`'s
/// `[A-Za-z0-9\_\-\.]+`, every other's `[A-Za-z0-9]+`, decoded.
fn fits_pattern(name: &str, raw: &str) -> bool {
    // Without a `%` (most paths, and every hot one) the segment is its value: no decoding, one
    // pass over its bytes.
    let (id, username) = match classify(raw) {
        Some(patterns) => patterns,
        None => match percent_decode_str(raw).decode_utf8() {
            Ok(decoded) => classify(&decoded).unwrap_or((false, false)),
            Err(_) => (false, false),
        },
    };
    if name == "username" {
        username
    } else {
        id
    }
}

/// Whether `value` matches `[A-Za-z0-9]+` and `[A-Za-z0-9\_\-\.]+`, in one pass; `None` if it
/// holds a `%` (to be decoded first, and then a literal `%` matches neither).
fn classify(value: &str) -> Option<(bool, bool)> {
    let (mut id, mut name) = (!value.is_empty(), !value.is_empty());
    for b in value.bytes() {
        match b {
            b'%' => return None,
            b if b.is_ascii_alphanumeric() => {}
            b'_' | b'-' | b'.' => id = false,
            _ => (id, name) = (false, false),
        }
    }
    Some((id, name))
}

/// The templates `path` (the full request path) matches with Mattermost's patterns: the
/// generated table's match, less each template whose parameters' values do not fit them.
fn matching(path: &str) -> paths::Matched {
    let mut matched = paths::matches(path);
    for id in matched.ids() {
        if !matched.params(id, path).iter().all(|(name, raw)| fits_pattern(name, raw)) {
            matched.remove(id);
        }
    }
    matched
}

/// The methods Swagger 2.0 lets a path have, sorted: what a 405's `Allow` may list.
const METHODS: [Method; 7] =
    [Method::DELETE, Method::GET, Method::HEAD, Method::OPTIONS, Method::PATCH, Method::POST, Method::PUT];

/// What a 405 for `path` says in `Allow`: the methods its routes have, sorted.
pub fn allowed(path: &str) -> String {
    let matched = matching(path);
    let methods: Vec<&str> =
        METHODS.iter().filter(|m| operation_of(m, &matched).is_some()).map(Method::as_str).collect();
    methods.join(", ")
}

/// The route of `method path` (the full request path, base path included), and the operation
/// the spec has there: the request's one route match. Where two routes with the method match
/// the path (`/users/tokens/audits`: `{user_id}` = `tokens`, or `{token_id}` = `audits`), the
/// one the generated router runs ([`operation_of`]).
pub fn route(method: &Method, path: &str) -> Routed {
    let matched = matching(path);
    match operation_of(method, &matched) {
        Some((template, id)) => match operations::find(id) {
            Some(operation) => Routed::Found(Found { operation, template, matched }),
            // The generated router and `build.rs` read the same spec: not reached.
            None => Routed::NoRoute,
        },
        None if matched.is_empty() => Routed::NoRoute,
        None => Routed::WrongMethod,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn route(method: &str, path: &str) -> Routed {
        super::route(&Method::from_bytes(method.as_bytes()).unwrap(), path)
    }

    /// The operation `method path` is routed to, by its id.
    fn found(method: &str, path: &str) -> Option<&'static str> {
        match route(method, path) {
            Routed::Found(found) => Some(found.operation.id),
            _ => None,
        }
    }

    #[test]
    fn any_route_with_the_method_serves_and_parameters_match_mattermosts_patterns() {
        assert_eq!(found("GET", "/api/v4/users/me/sessions"), Some("GetSessions"));
        assert_eq!(found("GET", "/api/v4/users/abcdefghijklmnopqrstuvwxyz/sessions"), Some("GetSessions"));
        assert_eq!(found("GET", "/api/v4/users/short/sessions"), Some("GetSessions"), "the handler's 400");
        assert_eq!(route("GET", "/api/v4/users/a-b/sessions"), Routed::NoRoute);
        assert_eq!(route("GET", "/api/v4/users/%7C%C2%B0N/sessions"), Routed::NoRoute);
        assert_eq!(route("GET", "/api/v4/users/%ff/sessions"), Routed::NoRoute);
        assert_eq!(route("GET", "/api/v4/users//sessions"), Routed::NoRoute);
        // A segment is matched decoded: `%61bc` is `abc`; `%25` is a `%`, which no pattern has.
        assert_eq!(found("GET", "/api/v4/users/%61bc/sessions"), Some("GetSessions"));
        assert_eq!(route("GET", "/api/v4/users/ab%25/sessions"), Routed::NoRoute);
        assert_eq!(found("GET", "/api/v4/users/username/a%2Eb"), Some("GetUserByUsername"));
        assert_eq!(route("GET", "/api/v4/users/me/sessions/"), Routed::NoRoute);
        assert_eq!(found("GET", "/api/v4/users/username/a.b_c-d"), Some("GetUserByUsername"));
        assert_eq!(route("GET", "/api/v4/users/username/a%20b"), Routed::NoRoute);
        assert_eq!(found("POST", "/api/v4/users/tokens/revoke"), Some("RevokeUserAccessToken"));
        // As Mattermost's router: the GET of `/users/tokens/{token_id}`, with the id `revoke`.
        assert_eq!(found("GET", "/api/v4/users/tokens/revoke"), Some("GetUserAccessToken"));
        assert_eq!(route("PUT", "/api/v4/users/tokens/revoke"), Routed::WrongMethod);
        assert_eq!(allowed("/api/v4/users/tokens/revoke"), "GET, POST");
        assert_eq!(found("GET", "/api/v4/users/tokens/abc"), Some("GetUserAccessToken"));
        assert_eq!(route("DELETE", "/api/v4/users/me/tokens"), Routed::WrongMethod);
        assert_eq!(allowed("/api/v4/users/me/tokens"), "GET, POST");
        assert_eq!(route("GET", "/api/v4/nowhere"), Routed::NoRoute);
        assert_eq!(route("GET", "/elsewhere"), Routed::NoRoute);
        // The longest template's segments fill the match; one more is no route.
        assert_eq!(paths::MAX_SEGMENTS, 7, "/api/v4/users/{{user_id}}/sessions/revoke/all");
        assert_eq!(found("POST", "/api/v4/users/me/sessions/revoke/all"), Some("RevokeAllSessions"));
        assert_eq!(route("POST", "/api/v4/users/me/sessions/revoke/al"), Routed::NoRoute);
        assert_eq!(route("POST", "/api/v4/users/me/sessions/revoke/all/x"), Routed::NoRoute);
        assert_eq!(route("GET", "/api/v4/users/me/sessions/revoke/all/a/b/c/d"), Routed::NoRoute);
        assert_eq!(route("GET", ""), Routed::NoRoute);
        assert_eq!(allowed("/api/v4/nowhere"), "");
        // `{user_id}` = `tokens` or `{token_id}` = `audits`: the generated router's choice, the
        // first of its operations (in the spec's order) with the method.
        assert_eq!(found("GET", "/api/v4/users/tokens/audits"), Some("GetUserAccessToken"));
    }

    #[test]
    fn a_parameter_is_read_from_the_route_that_serves_the_path() {
        fn param(method: &str, path: &str, name: &str) -> Option<String> {
            match route(method, path) {
                Routed::Found(found) => found.param(path, name).map(str::to_owned),
                _ => None,
            }
        }
        assert_eq!(param("GET", "/api/v4/users/me/sessions", "user_id").as_deref(), Some("me"));
        assert_eq!(param("GET", "/api/v4/users/abc123/sessions", "user_id").as_deref(), Some("abc123"));
        assert_eq!(param("GET", "/api/v4/users/abc123/sessions", "token_id"), None);
        assert_eq!(param("GET", "/api/v4/users/%61bc/sessions", "user_id").as_deref(), Some("%61bc"), "as sent");
        assert_eq!(param("PUT", "/api/v4/users/abc123/sessions", "user_id"), None, "no route with the method");
        assert_eq!(param("GET", "/api/v4/users/a-b/sessions", "user_id"), None, "no route");
        // Under the template that serves: `tokens/{token_id}`, not `{user_id}/audits`.
        assert_eq!(param("GET", "/api/v4/users/tokens/audits", "token_id").as_deref(), Some("audits"));
        assert_eq!(param("GET", "/api/v4/users/tokens/audits", "user_id"), None);
    }

    #[test]
    fn the_match_handed_on_holds_only_the_templates_mattermosts_patterns_allow() {
        // `tokens/{token_id}` matches the path generically; `a-b` is not Mattermost's id, so the
        // match handed to the generated router is empty.
        let generic = paths::matches("/api/v4/users/tokens/a-b");
        assert!(!generic.is_empty());
        assert!(matching("/api/v4/users/tokens/a-b").is_empty());
        // `tokens/revoke` (fixed) and `tokens/{token_id}` both stay.
        assert_eq!(matching("/api/v4/users/tokens/revoke").ids().count(), 2);
    }
}
