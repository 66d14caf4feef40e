//! The spec's `x-mm-*` facts, as `build.rs` reads them: the spec's own are read, what a left-out
//! required field reads as follows the body's reading, and a misspelt extension or a value of
//! the wrong kind is refused (the build stops) rather than ignored.

#[path = "../../build/operation_facts.rs"]
mod read;

use mm_sessions::http::operations::{self, Body};

fn spec() -> serde_yaml_ng::Value {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/api/mattermost-sessions.yaml");
    serde_yaml_ng::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

/// One operation, with a body of three required fields, and these extension lines.
fn with(extensions: &str) -> serde_yaml_ng::Value {
    let text = format!(
        "paths:\n  /x:\n    post:\n      operationId: X\n{extensions}      parameters:\n        - in: body\n          \
         name: body\n          schema:\n            $ref: '#/definitions/B'\ndefinitions:\n  B:\n    type: object\n    \
         required: [name, flag, count]\n    properties:\n      name: {{type: string}}\n      flag: {{type: boolean}}\n      \
         count: {{type: integer}}\n      other: {{type: string}}\n"
    );
    serde_yaml_ng::from_str(&text).unwrap()
}

#[test]
fn the_table_the_server_runs_on_is_the_spec_s() {
    let read = read::read(&spec()).unwrap();
    assert_eq!(read.len(), operations::OPERATIONS.len());
    for facts in &read {
        let table = operations::find(&facts.id).unwrap_or_else(|| panic!("{} not in the table", facts.id));
        assert_eq!(format!("{:?}", table.body), facts.body, "{}", facts.id);
        let missing: Vec<String> = table.missing.iter().map(|(name, reads)| format!("{name}={reads:?}")).collect();
        let read_missing: Vec<String> = facts.missing.iter().map(|(name, reads)| format!("{name}={reads}")).collect();
        assert_eq!(missing, read_missing, "{}", facts.id);
        assert_eq!(
            (table.bad_body_field, table.mfa_exempt, table.reads_own_sessions, table.forward_auth),
            (facts.bad_body_field.as_str(), facts.mfa_exempt, facts.reads_own_sessions, facts.forward_auth),
            "{}",
            facts.id
        );
    }
    // A few facts the pipeline relies on, by the spec's own word.
    let login = operations::find("Login").unwrap();
    assert!(login.mfa_exempt && login.body == Body::StringMap);
    assert!(operations::find("AuthCheck").unwrap().forward_auth);
    assert!(operations::find("GetSessions").unwrap().reads_own_sessions);
    assert_eq!(operations::find("AttachDevice").unwrap().bad_body_field, "device_id");
    let create = operations::find("CreateUserAccessToken").unwrap();
    assert_eq!(create.missing, [("description", operations::Missing::EmptyString)]);
}

#[test]
fn a_misspelt_or_mistyped_extension_stops_the_build() {
    let ok = read::read(&with("      x-mm-mfa-exempt: true\n      x-mm-body: any-map\n")).unwrap();
    assert!(ok[0].mfa_exempt && ok[0].body == "AnyMap");
    let names = |missing: &[(String, &str)]| missing.iter().map(|(n, m)| format!("{n}={m}")).collect::<Vec<_>>();
    assert_eq!(names(&ok[0].missing), ["name=Null", "flag=Null", "count=Null"], "left out of a map: nothing");
    let decoded = read::read(&with("      x-mm-body: struct\n")).unwrap();
    assert_eq!(names(&decoded[0].missing), ["name=EmptyString", "flag=False", "count=Zero"], "Go's zero values");
    assert!(read::read(&with("")).unwrap()[0].missing.is_empty(), "a strict body is the router's to refuse");
    for (lines, says) in [
        ("      x-mm-mfa-exmept: true\n", "unknown extension x-mm-mfa-exmept"),
        ("      x-mm-mfa-exempt: yes please\n", "must be true or false"),
        ("      x-mm-body: string\n", "x-mm-body must be struct, string-map or any-map"),
        ("      x-mm-bad-body-field: \"a b\"\n", "must be a field name"),
        ("      x-mm-answer-kept: everything\n", "must be user, sessions or session"),
        ("      x-mm-answer-kept: user\n", "not a GET"),
    ] {
        let error = read::read(&with(lines)).unwrap_err();
        assert!(error.contains("POST /x") && error.contains(says), "{lines}: {error}");
    }
    let no_id = serde_yaml_ng::from_str("paths:\n  /x:\n    get: {}\n").unwrap();
    assert!(read::read(&no_id).unwrap_err().contains("GET /x has no operationId"));
    let no_body = serde_yaml_ng::from_str("paths:\n  /x:\n    get: {operationId: X, x-mm-body: struct}\n").unwrap();
    assert!(read::read(&no_body).unwrap_err().contains("without a body"));
    let no_user =
        serde_yaml_ng::from_str("paths:\n  /x:\n    get: {operationId: X, x-mm-answer-kept: sessions}\n").unwrap();
    assert!(read::read(&no_user).unwrap_err().contains("needs a {user_id}"));
}

/// The operation the pipeline's one route match names (whose facts it applies, whose name the
/// metrics and the log carry) is the one the generated router runs when handed that match, and
/// when it matches the path itself: for every template and method of the spec, with each
/// parameter given a value of Mattermost's pattern, and where a fixed route and a parameter's
/// route meet.
#[test]
fn the_route_match_names_the_operation_the_generated_router_runs() {
    use hyper::Method;
    use mm_sessions::http::routes::{self, Routed};
    use mm_sessions_api::server::ApiRequestParser;
    use swagger::RequestParser;

    // From the spec itself, as `build.rs` reads it: every path and each of its methods.
    let spec = spec();
    let mut requests: Vec<(Method, String)> = Vec::new();
    for (template, item) in read::paths(&spec).unwrap() {
        let template = template.as_str().unwrap();
        let path = template.replace("{username}", "alice.b_c-d").replace("{user_id}", "abcdefghijklmnopqrstuvwxyz");
        let path = format!("/api/v4{}", path.replace("{token_id}", "abcdefghijklmnopqrstuvwxyz"));
        assert!(!path.contains('{'), "{template}: a parameter this test gives no value");
        for method in item.as_mapping().unwrap().keys().filter_map(|m| m.as_str()) {
            let method = method.to_ascii_uppercase();
            if read::METHODS.contains(&method.as_str()) {
                requests.push((Method::from_bytes(method.as_bytes()).unwrap(), path.clone()));
            }
        }
    }
    for (method, path) in [
        (Method::GET, "/users/tokens/revoke"),
        (Method::POST, "/users/tokens/revoke"),
        (Method::GET, "/users/me/sessions"),
    ] {
        requests.push((method, format!("/api/v4{path}")));
    }
    assert!(requests.len() > 20);
    for (method, path) in &requests {
        let Routed::Found(found) = routes::route(method, path) else { panic!("{method} {path}: no route") };
        let request = hyper::Request::builder().method(method).uri(path.as_str()).body(()).unwrap();
        assert_eq!(ApiRequestParser::parse_operation_id(&request), Some(found.operation.id), "{method} {path}");
    }
}
