//! Every response the suite receives is checked against `api/`: the status must be declared
//! for the operation, the body must be valid against the declared schema (strictly: an object
//! with a field the spec does not list fails), declared response headers must be present, and
//! `Content-Type` must be exactly `application/json`. A path that matches no operation must be
//! the router's 404 AppError, a method the path lacks a 405 AppError.
//!
//! The checker reads the spec itself (no generated code), so it also catches a spec and a
//! server that drift apart while the generated crate still compiles.

use std::sync::LazyLock;

use serde_json::{json, Value};

const SPEC_PATH: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/api/mattermost-sessions.yaml");

/// The spec, parsed once per test process.
pub static SPEC: LazyLock<Spec> = LazyLock::new(|| {
    let text = std::fs::read_to_string(SPEC_PATH).expect("api/ spec readable");
    Spec::parse(&text)
});

/// The parts of the Swagger document the checker needs.
pub struct Spec {
    base_path: String,
    paths: Vec<(Vec<String>, Value)>,
    definitions: Value,
    responses: Value,
}

/// One operation of the spec.
pub struct Operation<'a> {
    pub id: &'a str,
    pub method: &'a str,
    pub path: String,
}

impl Spec {
    pub fn parse(text: &str) -> Spec {
        let doc: Value = serde_yaml_ng::from_str(text).expect("the spec is YAML");
        let base_path = doc["basePath"].as_str().unwrap_or("").to_string();
        let paths = doc["paths"]
            .as_object()
            .expect("paths")
            .iter()
            .map(|(template, item)| (template.split('/').map(str::to_owned).collect(), item.clone()))
            .collect();
        let mut definitions = doc["definitions"].clone();
        // Strict: an object definition that lists its properties allows no others in responses.
        for definition in definitions.as_object_mut().expect("definitions").values_mut() {
            if definition.get("properties").is_some() && definition.get("additionalProperties").is_none() {
                definition["additionalProperties"] = json!(false);
            }
        }
        Spec { base_path, paths, definitions, responses: doc["responses"].clone() }
    }

    /// Every operation in the spec.
    pub fn operations(&self) -> Vec<Operation<'_>> {
        let mut ops = Vec::new();
        for (segments, item) in &self.paths {
            for (method, op) in item.as_object().unwrap() {
                if let Some(id) = op["operationId"].as_str() {
                    ops.push(Operation { id, method, path: segments.join("/") });
                }
            }
        }
        ops
    }

    /// The path items matching a request path (without the base path).
    fn path_items(&self, path: &str) -> Vec<&Value> {
        let segments: Vec<&str> = path.split('/').collect();
        self.paths
            .iter()
            .filter(|(template, _)| {
                template.len() == segments.len()
                    && template.iter().zip(&segments).all(|(t, s)| t.starts_with('{') || t == s)
            })
            .map(|(_, item)| item)
            .collect()
    }

    /// Whether `body` is valid against the request schema of `definition` (a name under
    /// `definitions`), as a client reading api/ would build it.
    pub fn request_body_is_valid(&self, definition: &str, body: &Value) -> bool {
        let schema = json!({"$ref": format!("#/definitions/{definition}")});
        // Requests are not held to the strictness responses are (extra fields are the client's).
        let mut definitions = self.definitions.clone();
        if let Some(d) = definitions.get_mut(definition).and_then(Value::as_object_mut) {
            d.remove("additionalProperties");
        }
        let root = json!({"definitions": definitions, "allOf": [schema]});
        jsonschema::draft4::new(&root).expect("the spec's schema compiles").is_valid(body)
    }

    /// Checks one response; `Err` says what is wrong.
    pub fn check(
        &self,
        method: &str,
        path: &str,
        status: u16,
        headers: &reqwest::header::HeaderMap,
        body: &str,
    ) -> Result<(), String> {
        let raw = body;
        let content_type = headers.get("content-type").and_then(|v| v.to_str().ok());
        let json = || -> Result<Value, String> {
            if content_type != Some("application/json") {
                return Err(format!("Content-Type {content_type:?}, not exactly application/json"));
            }
            serde_json::from_str(raw).map_err(|e| format!("body is not JSON ({e}): {raw}"))
        };
        // A declared answer without a schema (the check's 302) has no body to speak of; every
        // other answer is JSON.
        let body = if (300..400).contains(&status) && raw.is_empty() { Value::Null } else { json()? };
        let relative = path.strip_prefix(&self.base_path).filter(|p| p.starts_with('/'));
        let items = relative.map(|p| self.path_items(p)).unwrap_or_default();
        if items.is_empty() {
            return match status {
                404 => self.validate(&json!({"$ref": "#/definitions/AppError"}), &body),
                _ => Err(format!("{method} {path} matches no path of the spec, yet answered {status}")),
            };
        }
        // As Mattermost's router: any matching path with the method serves it
        // (`GET /users/tokens/disable` is `GET /users/tokens/{token_id}`).
        let Some(operation) = items.iter().find_map(|item| item.get(method.to_ascii_lowercase())) else {
            return match status {
                405 => self.validate(&json!({"$ref": "#/definitions/AppError"}), &body),
                _ => Err(format!("{method} is not an operation of {path}, yet it answered {status}")),
            };
        };
        let id = operation["operationId"].as_str().unwrap_or("?");
        let mut response = operation["responses"]
            .get(status.to_string())
            .cloned()
            .ok_or_else(|| format!("{id} answered {status}, which api/ does not declare for it; body: {body}"))?;
        if let Some(reference) = response.get("$ref").and_then(Value::as_str) {
            let name = reference.trim_start_matches("#/responses/");
            response = self.responses[name].clone();
        }
        if let Some(declared) = response.get("headers").and_then(Value::as_object) {
            // A header sent only on a condition (`x-present-when`, e.g. ping's status headers)
            // is not required of every answer.
            let always = declared.iter().filter(|(_, h)| h.get("x-present-when").is_none());
            for (name, _) in always {
                if !headers.contains_key(name.to_ascii_lowercase().as_str()) {
                    return Err(format!("{id} {status} lacks the declared header {name}"));
                }
            }
        }
        match response.get("schema") {
            Some(schema) => self.validate(schema, &body).map_err(|e| format!("{id} {status}: {e}")),
            None => Ok(()),
        }
    }

    fn validate(&self, schema: &Value, body: &Value) -> Result<(), String> {
        let root = json!({"definitions": self.definitions, "allOf": [schema]});
        let validator =
            jsonschema::draft4::new(&root).map_err(|e| format!("the spec's schema does not compile: {e}"))?;
        let errors: Vec<String> =
            validator.iter_errors(body).map(|e| format!("{} at {}", e, e.instance_path())).collect();
        if errors.is_empty() {
            Ok(())
        } else {
            Err(format!("body does not match the spec: {}; body: {body}", errors.join("; ")))
        }
    }
}

#[cfg(test)]
mod checker {
    //! The checker must be able to fail: these feed it responses the spec does not allow.
    use super::SPEC;
    use reqwest::header::{HeaderMap, HeaderValue};

    fn json_headers() -> HeaderMap {
        let mut h = HeaderMap::new();
        h.insert("content-type", HeaderValue::from_static("application/json"));
        h
    }

    const ERROR: &str =
        r#"{"id":"x","message":"m","detailed_error":"","request_id":"r","status_code":403,"is_oauth":false}"#;

    #[test]
    fn accepts_what_the_spec_declares() {
        let h = json_headers();
        SPEC.check("GET", "/api/v4/users/me/sessions", 200, &h, "[]").unwrap();
        SPEC.check("GET", "/api/v4/users/me/sessions", 403, &h, ERROR).unwrap();
        SPEC.check("GET", "/api/v4/nowhere", 404, &h, ERROR).unwrap();
        SPEC.check("DELETE", "/api/v4/users/me/sessions", 405, &h, ERROR).unwrap();
    }

    #[test]
    fn refuses_undeclared_statuses_fields_types_and_content_types() {
        let h = json_headers();
        // A status the operation does not declare.
        assert!(SPEC.check("GET", "/api/v4/users/me/sessions", 418, &h, ERROR).unwrap_err().contains("418"));
        assert!(SPEC.check("POST", "/api/v4/users/logout", 403, &h, ERROR).is_err());
        // A missing required field, an undocumented field, a wrong type.
        let missing = r#"{"id":"x","message":"m","request_id":"r","status_code":403,"is_oauth":false}"#;
        assert!(SPEC.check("GET", "/api/v4/users/me/sessions", 403, &h, missing).is_err());
        let extra = r#"{"id":"x","message":"m","detailed_error":"","request_id":"r","status_code":403,"is_oauth":false,"secret":"t"}"#;
        assert!(SPEC.check("GET", "/api/v4/users/me/sessions", 403, &h, extra).is_err());
        assert!(SPEC.check("GET", "/api/v4/users/me/sessions", 200, &h, r#"{"status":"OK"}"#).is_err());
        assert!(SPEC.check("POST", "/api/v4/users/me/sessions/revoke/all", 200, &h, r#"{"status":"ok"}"#).is_err());
        // Not exactly application/json.
        let mut charset = HeaderMap::new();
        charset.insert("content-type", HeaderValue::from_static("application/json; charset=utf-8"));
        assert!(SPEC.check("GET", "/api/v4/users/me/sessions", 200, &charset, "[]").is_err());
        // A declared header missing (login's Token).
        let user = r#"{"id":"i","create_at":1,"update_at":1,"delete_at":0,"username":"u","email":"e","nickname":"","first_name":"","last_name":"","roles":"r","locale":"en","auth_service":""}"#;
        assert!(SPEC.check("POST", "/api/v4/users/login", 200, &h, user).unwrap_err().contains("Token"));
        // An unknown path answering anything but 404.
        assert!(SPEC.check("GET", "/api/v4/nowhere", 200, &h, "[]").is_err());
    }
}

/// Every operation of the spec is called, as an authenticated user and anonymously, and each
/// reply passes the checker (in `Reply`). A new operation in `api/` fails this test until it
/// gets a request here.
#[tokio::test]
async fn every_operation_of_the_spec_is_exercised_and_conforms() {
    use crate::helpers::{spawn_app, Backend};

    let app = spawn_app(Backend::Sqlite).await;
    let alice = app.user_with_password("alice", &[], "alice password").await;
    let mut seen = Vec::new();
    for op in SPEC.operations() {
        let path =
            op.path.replace("{user_id}", &alice.id).replace("{username}", "alice").replace("{token_id}", &alice.id);
        for authenticated in [true, false] {
            let (token, session) = app.issue_session(&alice).await;
            let body = match op.id {
                "GetSessions" | "RevokeAllSessions" | "Logout" | "GetMe" | "Ping" | "GetUserByUsername" => None,
                // The forward-auth check: 200 signed in, 401 not (the rest is in gate.rs).
                "AuthCheck" => None,
                // alice is no admin: 403 (the admin's 200 is in lifecycle.rs).
                "RevokeSessionsForAllUsers" | "GetUserAudits" => None,
                // alice holds none of these permissions: 403 (the 200s are in tokens.rs, roles.rs).
                "GetUserAccessTokensForUser" | "GetUserAccessTokens" | "GetUserAccessToken" => None,
                "UpdateUserRoles" => Some(json!({"roles": "system_user"})),
                "CreateUserAccessToken" => Some(json!({"description": "a script"})),
                "SearchUserAccessTokens" => Some(json!({"term": "alice"})),
                "RevokeUserAccessToken" | "DisableUserAccessToken" | "EnableUserAccessToken" => {
                    Some(json!({"token_id": alice.id.as_str()}))
                }
                // A wrong current password: the later logins keep working.
                "UpdateUserPassword" => Some(json!({"current_password": "not it", "new_password": "whatever new"})),
                "AttachDevice" => Some(json!({"device_id": "android_rn:abc"})),
                // alice may not reactivate herself: 403 (deactivation is in lifecycle.rs).
                "UpdateUserActive" => Some(json!({"active": true})),
                // alice is no system admin: 403 (the 200 is in tests/clients/sso/).
                "UpdateUserAuth" => Some(json!({"auth_service": "openid", "auth_data": "sub-alice"})),
                "RevokeSession" => Some(json!({"session_id": session.id.as_str()})),
                "Login" => Some(json!({"login_id": "alice", "password": "alice password"})),
                // MFA is off here: 501 (the 200s are in mfa.rs); turning it off works anyway.
                "GenerateMfaSecret" => None,
                "UpdateUserMfa" => Some(json!({"activate": false})),
                other => panic!("operation {other} of api/ has no request in this test: add one"),
            };
            let mut request = app.client.request(op.method.to_uppercase().parse().unwrap(), app.url(&path));
            if authenticated {
                request = request.bearer_auth(&token);
            }
            if let Some(body) = body {
                request = request.json(&body);
            }
            let reply = app.send(request).await;
            seen.push(format!("{} {}", op.id, reply.status));
        }
    }
    let ids: Vec<&str> = SPEC.operations().iter().map(|o| o.id).collect();
    assert_eq!(ids.len(), 26, "{ids:?}");
    assert!(seen.contains(&"GetSessions 200".to_string()) && seen.contains(&"GetSessions 401".to_string()), "{seen:?}");
    assert!(seen.contains(&"Login 200".to_string()) && seen.contains(&"Ping 200".to_string()), "{seen:?}");
}

/// A request the spec calls valid is never refused for its body's shape: what the server
/// requires of a body, api/ says (`required`, `minLength`, `maxLength`), so contract tests
/// generating schema-valid bodies meet no 400 the spec did not announce. (Where Mattermost
/// checks a string-map body only after a permission, as a password change's `new_password`, the
/// schema cannot require it: the operation's description and its 400 say so.)
#[tokio::test]
async fn what_a_body_must_hold_the_spec_says() {
    use crate::helpers::{spawn_app, Backend};

    let app = spawn_app(Backend::Memory).await;
    app.user_with_password("alice", &[], "alice password").await;
    let token = app.login_token("alice", "alice password").await;
    let refused = [
        ("AttachDeviceRequest", "PUT", "/users/sessions/device", json!({})),
        ("AttachDeviceRequest", "PUT", "/users/sessions/device", json!({"device_id": ""})),
        ("AttachDeviceRequest", "PUT", "/users/sessions/device", json!({"device_id": "d".repeat(513)})),
        (
            "UpdatePasswordRequest",
            "PUT",
            "/users/me/password",
            json!({"current_password": "alice password", "new_password": "short"}),
        ),
        (
            "LoginRequest",
            "POST",
            "/users/login",
            json!({"login_id": "alice", "password": "x", "device_id": "d".repeat(513)}),
        ),
        // Required fields left out: answered by the handler, in Mattermost's order, as 400s.
        ("CreateUserAccessTokenRequest", "POST", "/users/me/tokens", json!({"expires_at": 0})),
        ("UpdateUserMfaRequest", "PUT", "/users/me/mfa", json!({"code": "123456"})),
    ];
    // A system admin's switch of sign-in method: a field left out, or empty. (A service that is
    // none is answered after the permission check, so the schema cannot refuse it: the
    // operation's description says so; tests/clients/sso/ checks its 400.)
    app.user_with_password("root", &["system_user", "system_admin"], "root password").await;
    let admin = app.login_token("root", "root password").await;
    let alice_id = app.service.find_user("alice").await.unwrap().id;
    for body in [json!({"auth_service": "openid"}), json!({"auth_service": "openid", "auth_data": ""})] {
        let reply = app
            .request("PUT".parse().unwrap(), &format!("/users/{alice_id}/auth"))
            .token(&admin)
            .json(body.clone())
            .await;
        assert_eq!(reply.status, 400, "{body}: {}", reply.text);
        assert!(!SPEC.request_body_is_valid("UserAuth", &body), "api/ calls {body} a valid UserAuth, yet it is 400");
    }
    for (definition, method, path, body) in refused {
        let reply = app.request(method.parse().unwrap(), path).token(&token).json(body.clone()).await;
        assert_eq!(reply.status, 400, "{method} {path} {body}: {}", reply.text);
        assert!(
            !SPEC.request_body_is_valid(definition, &body),
            "api/ calls {body} a valid {definition}, yet it is 400"
        );
    }
    // And what is accepted, the spec accepts.
    let device = json!({"device_id": "d".repeat(512)});
    app.put("/users/sessions/device").token(&token).json(device.clone()).await.assert_ok_status();
    assert!(SPEC.request_body_is_valid("AttachDeviceRequest", &device));
}
