//! The generated router's segment table (our `server-paths.mustache`) matches paths exactly as
//! the generator's own `RegexSet` did: every template `^{base}{path}$` with each parameter
//! `[^/?#]*` (the pattern the pinned generator wrote, rebuilt here), and the same parameter
//! values as that regex's captures. Checked over every
//! template of the spec, filled with values that fit, values a parameter must refuse, and paths
//! one edit away (a segment more or less, a slash doubled or trailing).

use mm_sessions_api::server::paths;
use regex::Regex;

/// The generator's regex for `template` (`scripts/regenerate`'s pinned version writes
/// `(?P<name>[^/?#]*)` for each `{name}`).
fn generator_regex(template: &str) -> Regex {
    let mut pattern = String::from("^");
    for (i, part) in template.split('/').enumerate() {
        if i > 0 {
            pattern.push('/');
        }
        match part.strip_prefix('{').and_then(|p| p.strip_suffix('}')) {
            Some(name) => pattern.push_str(&format!("(?P<{name}>[^/?#]*)")),
            None => pattern.push_str(&regex::escape(part)),
        }
    }
    pattern.push('$');
    Regex::new(&pattern).unwrap()
}

/// Paths to try: each template with each value in every parameter, and edits of those.
fn paths_to_try() -> Vec<String> {
    let values = ["abcdefghijklmnopqrstuvwxyz", "me", "", "a-b.c_d", "a%2Fb", "%ff", "a?b", "a#b", "tokens", "revoke"];
    let mut paths = vec!["/".to_owned(), String::new(), "api/v4/users/me".to_owned(), "/api/v4".to_owned()];
    for template in paths::TEMPLATES {
        for value in values {
            let mut path = String::new();
            for (i, part) in template.split('/').enumerate() {
                if i > 0 {
                    path.push('/');
                }
                path.push_str(if part.starts_with('{') { value } else { part });
            }
            paths.push(format!("{path}/"));
            paths.push(format!("{path}/x"));
            paths.push(path.replacen('/', "//", 2));
            paths.push(path.rsplit_once('/').map(|(head, _)| head.to_owned()).unwrap_or_default());
            paths.push(path.to_uppercase());
            paths.push(path);
        }
    }
    paths
}

#[test]
fn the_segment_table_matches_as_the_generators_regexes_did() {
    let regexes: Vec<Regex> = paths::TEMPLATES.iter().map(|t| generator_regex(t)).collect();
    let mut matched_somewhere = 0;
    for path in paths_to_try() {
        let matched = paths::matches(&path);
        let expected: Vec<usize> = (0..regexes.len()).filter(|&id| regexes[id].is_match(&path)).collect();
        assert_eq!(matched.ids().collect::<Vec<_>>(), expected, "{path:?}");
        assert_eq!(matched.is_empty(), expected.is_empty(), "{path:?}");
        for id in 0..regexes.len() {
            assert_eq!(matched.matched(id), expected.contains(&id), "{path:?} against {}", paths::TEMPLATES[id]);
        }
        for &id in &expected {
            matched_somewhere += 1;
            let captures = regexes[id].captures(&path).unwrap();
            let params = matched.params(id, &path);
            let names: Vec<&str> = regexes[id].capture_names().flatten().collect();
            assert_eq!(params.iter().map(|(name, _)| name).collect::<Vec<_>>(), names, "{path:?}");
            for name in names {
                assert_eq!(params.get(name), Some(&captures[name]), "{path:?}: {name}");
                assert_eq!(&params[name], &captures[name], "{path:?}: {name}");
            }
            assert_eq!(params.get("no_such_parameter"), None);
        }
        // A template the path does not match has no parameters to read.
        if let Some(other) = (0..regexes.len()).find(|id| !expected.contains(id)) {
            assert_eq!(matched.params(other, &path).iter().count(), 0, "{path:?}");
        }
    }
    assert!(matched_somewhere > 100, "the paths tried exercise the matches ({matched_somewhere})");
}

#[test]
fn removing_a_template_takes_it_out_of_the_match_alone() {
    let path = "/api/v4/users/tokens/revoke";
    let mut matched = paths::matches(path);
    let ids: Vec<usize> = matched.ids().collect();
    assert_eq!(ids.len(), 2, "`tokens/revoke` and `tokens/{{token_id}}`");
    matched.remove(ids[0]);
    assert_eq!(matched.ids().collect::<Vec<_>>(), &ids[1..]);
    matched.remove(ids[1]);
    assert!(matched.is_empty());
    // Removing a template the path does not match, or no template at all, changes nothing.
    let mut again = paths::matches(path);
    again.remove(usize::MAX);
    again.remove((0..paths::TEMPLATES.len()).find(|id| !ids.contains(id)).unwrap());
    assert_eq!(again, paths::matches(path));
}

/// `Service::call_matched` routes by the match it is handed, not by matching the request's path
/// again: the pipeline's match (Mattermost's patterns applied) is the one the router runs.
#[tokio::test]
async fn the_generated_router_routes_by_the_match_it_is_handed() {
    use http_body_util::{BodyExt, Full};
    use hyper::{Request, StatusCode};
    use mm_sessions::http::api::Handlers;
    use mm_sessions::http::context::{RequestContext, RequestDetails};

    let app = crate::helpers::spawn_app(crate::helpers::Backend::Memory).await;
    let handlers = Handlers::new(app.service.clone(), Default::default(), Default::default());
    let router = mm_sessions_api::server::Service::new(handlers, false);
    // `GET /system/ping` needs no credentials; `GET /users/me` does (the generated 403 without).
    let ping = "/api/v4/system/ping";
    let call = |matched: paths::Matched| {
        let request = Request::get(ping).body(Full::new(bytes::Bytes::new())).unwrap();
        let context = RequestContext::new("req".into(), None, RequestDetails::default());
        router.call_matched((request, context), matched)
    };
    let answer = call(paths::matches(ping)).await.unwrap();
    assert_eq!(answer.status(), StatusCode::OK);
    let body = answer.into_body().collect().await.unwrap().to_bytes();
    assert!(String::from_utf8_lossy(&body).contains("\"status\":\"OK\""), "{body:?}");
    // The same request handed GET me's match runs GET me; handed no match, the router's 404.
    assert_eq!(call(paths::matches("/api/v4/users/me")).await.unwrap().status(), StatusCode::FORBIDDEN);
    assert_eq!(call(paths::Matched::NONE).await.unwrap().status(), StatusCode::NOT_FOUND);
}
