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

use super::operations::{Operation, OPERATIONS};

/// One part of a path template, as `build.rs` splits the spec's paths.
#[derive(Clone, Copy, Debug)]
pub enum Part {
    /// A fixed segment (`users`).
    Literal(&'static str),
    /// A parameter, by its name (`user_id`).
    Param(&'static str),
}

/// A route of the spec: its path template, split into parts, and its methods with their
/// operations.
pub type Route = (&'static str, &'static [Part], &'static [(&'static str, &'static Operation)]);

include!(concat!(env!("OUT_DIR"), "/routes.rs"));

/// The base path every API route is under.
pub const BASE_PATH: &str = "/api/v4";

/// What routing found.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Routed {
    /// A route has the method: this operation.
    Found(&'static Operation),
    /// Two routes with the method match the path.
    Ambiguous,
    /// No route: 404.
    NoRoute,
    /// Routes, none with this method: 405.
    WrongMethod,
}

/// The most segments a path under the base path may have and still match a route (a test checks
/// every template has no more); a longer path is no route.
const MAX_SEGMENTS: usize = 8;

/// One segment of a request path, and which of Mattermost's parameter patterns its decoded
/// value matches (decided once per request, not once per template).
#[derive(Clone, Copy, Default)]
struct Segment<'a> {
    raw: &'a str,
    /// `[A-Za-z0-9]+`: `{user_id}`, `{token_id}`.
    id: bool,
    /// `[A-Za-z0-9\_\-\.]+`: `{username}`.
    name: bool,
}

impl<'a> Segment<'a> {
    fn of(raw: &'a str) -> Self {
        // Without a `%` (most paths, and every hot one) the segment is its value: no decoding,
        // one pass over its bytes.
        let (id, name) = match classify(raw) {
            Some(patterns) => patterns,
            None => match percent_decode_str(raw).decode_utf8() {
                Ok(decoded) => classify(&decoded).unwrap_or((false, false)),
                Err(_) => (false, false),
            },
        };
        Segment { raw, id, name }
    }

    /// Whether this segment matches a template's part: a literal exactly, a parameter by its
    /// pattern.
    fn matches(&self, part: &Part) -> bool {
        match part {
            Part::Literal(literal) => *literal == self.raw,
            Part::Param("username") => self.name,
            Part::Param(_) => self.id,
        }
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

/// The segments of `path` (the full request path) under the base path; `None`: not under it, or
/// more than [`MAX_SEGMENTS`] segments (more than any route has).
fn segments(path: &str) -> Option<([Segment<'_>; MAX_SEGMENTS], usize)> {
    let relative = path.strip_prefix(BASE_PATH).filter(|p| p.starts_with('/'))?;
    let mut segments = [Segment::default(); MAX_SEGMENTS];
    let mut count = 0;
    // By the bytes: `str::split` costs more than the few segments it finds here.
    let mut start = 1;
    loop {
        let end = relative.as_bytes()[start..].iter().position(|&b| b == b'/').map_or(relative.len(), |i| start + i);
        *segments.get_mut(count)? = Segment::of(&relative[start..end]);
        count += 1;
        if end == relative.len() {
            return Some((segments, count));
        }
        start = end + 1;
    }
}

/// The routes whose templates match `path`: their methods and operations, one slice each.
fn matching(path: &str) -> impl Iterator<Item = &'static [(&'static str, &'static Operation)]> + '_ {
    let found = segments(path);
    ROUTES.iter().filter_map(move |(_, parts, methods)| {
        let (segments, count) = found.as_ref()?;
        let segments = &segments[..*count];
        let matched = parts.len() == segments.len() && parts.iter().zip(segments).all(|(p, s)| s.matches(p));
        matched.then_some(*methods)
    })
}

/// What a 405 for `path` says in `Allow`: the methods its routes have, sorted.
pub fn allowed(path: &str) -> String {
    let mut methods: Vec<&str> = matching(path).flatten().map(|(method, _)| *method).collect();
    methods.sort_unstable();
    methods.dedup();
    methods.join(", ")
}

/// The route of `method path` (the full request path, base path included), and the operation
/// the spec has there: the request's one route match. A path two routes with the method match
/// (`/users/tokens/audits`: `{user_id}` = `tokens`, or `{token_id}` = `audits`) is
/// [`Routed::Ambiguous`]: which of them runs is the generated router's choice
/// ([`super::around_router::route_request`] asks it).
pub fn route(method: &str, path: &str) -> Routed {
    let mut any = false;
    let mut found = None;
    for methods in matching(path) {
        any = true;
        if let Some((_, operation)) = methods.iter().find(|(m, _)| *m == method) {
            if found.is_some() {
                return Routed::Ambiguous;
            }
            found = Some(*operation);
        }
    }
    match found {
        Some(operation) => Routed::Found(operation),
        None if any => Routed::WrongMethod,
        None => Routed::NoRoute,
    }
}

/// The value of parameter `name` in `path` (as sent, not decoded) under the first route with
/// `method` whose template matches it.
pub fn param<'a>(method: &str, path: &'a str, name: &str) -> Option<&'a str> {
    let (segments, count) = segments(path)?;
    let segments = &segments[..count];
    let (_, parts, _) = ROUTES.iter().find(|(_, parts, methods)| {
        methods.iter().any(|(m, _)| *m == method)
            && parts.len() == count
            && parts.iter().zip(segments).all(|(p, s)| s.matches(p))
    })?;
    parts
        .iter()
        .zip(segments)
        .find_map(|(part, segment)| matches!(part, Part::Param(n) if *n == name).then_some(segment.raw))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The operation `method path` is routed to, by its id.
    fn found(method: &str, path: &str) -> Option<&'static str> {
        match route(method, path) {
            Routed::Found(operation) => Some(operation.id),
            Routed::Ambiguous => Some("ambiguous"),
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
        // Eight segments fill the matcher's array, nine overflow it: no route either way.
        assert_eq!(route("GET", "/api/v4/users/me/sessions/revoke/all/a/b/c"), Routed::NoRoute);
        assert_eq!(route("GET", "/api/v4/users/me/sessions/revoke/all/a/b/c/d"), Routed::NoRoute);
        assert_eq!(allowed("/api/v4/nowhere"), "");
        // `{user_id}` = `tokens` or `{token_id}` = `audits`: the generated router decides.
        assert_eq!(route("GET", "/api/v4/users/tokens/audits"), Routed::Ambiguous);
    }

    #[test]
    fn a_parameter_is_read_from_the_route_that_serves_the_path() {
        assert_eq!(param("GET", "/api/v4/users/me/sessions", "user_id"), Some("me"));
        assert_eq!(param("GET", "/api/v4/users/abc123/sessions", "user_id"), Some("abc123"));
        assert_eq!(param("GET", "/api/v4/users/abc123/sessions", "token_id"), None);
        assert_eq!(param("PUT", "/api/v4/users/abc123/sessions", "user_id"), None, "no route with the method");
        assert_eq!(param("GET", "/api/v4/users/a-b/sessions", "user_id"), None, "no route");
    }

    #[test]
    fn every_route_fits_the_matchers_segment_limit() {
        for (template, parts, _) in ROUTES {
            assert!(parts.len() <= MAX_SEGMENTS, "{template}");
        }
    }
}
