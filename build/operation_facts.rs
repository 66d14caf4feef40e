//! Reads each operation's `x-mm-*` extensions from the spec (what they mean is written at the
//! top of `api/mattermost-sessions.yaml`). Compiled into `build.rs`, which writes the table
//! `src/http/operations.rs` includes, and into the test suite, which checks that a misspelt
//! extension or a value of the wrong kind is refused: a fact the server would silently ignore
//! must stop the build instead.

/// The HTTP methods an operation may stand under.
pub const METHODS: [&str; 7] = ["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"];

/// One operation's facts, as the table spells them.
#[derive(Debug, PartialEq, Eq)]
pub struct Facts {
    pub id: String,
    /// `Strict`, `Struct`, `StringMap` or `AnyMap` (the variants of `operations::Body`).
    pub body: &'static str,
    /// For a body read as Mattermost reads it (not `Strict`): each required property of its
    /// schema and what it reads as when missing (a variant of `operations::Missing`).
    pub missing: Vec<(String, &'static str)>,
    pub bad_body_field: String,
    pub mfa_exempt: bool,
    pub reads_own_sessions: bool,
    pub forward_auth: bool,
    /// `None`, `Some(User)` or `Some(Sessions)` (an `Option` of `store::AnswerKind`).
    pub answer_kept: &'static str,
}

/// The spec's paths, as a mapping.
pub fn paths(spec: &serde_yaml_ng::Value) -> Result<&serde_yaml_ng::Mapping, String> {
    spec.get("paths").and_then(|p| p.as_mapping()).ok_or_else(|| "the spec has no `paths`".to_owned())
}

/// Every operation's facts, in the spec's order; an error names the operation and what is wrong.
pub fn read(spec: &serde_yaml_ng::Value) -> Result<Vec<Facts>, String> {
    let mut all = Vec::new();
    for (path, item) in paths(spec)? {
        let path = path.as_str().unwrap_or_default();
        for (method, operation) in item.as_mapping().into_iter().flatten() {
            let method = method.as_str().unwrap_or_default().to_ascii_uppercase();
            if METHODS.contains(&method.as_str()) {
                all.push(facts(spec, &format!("{method} {path}"), operation)?);
            }
        }
    }
    Ok(all)
}

fn facts(spec: &serde_yaml_ng::Value, at: &str, operation: &serde_yaml_ng::Value) -> Result<Facts, String> {
    let id = operation.get("operationId").and_then(|v| v.as_str()).ok_or(format!("{at} has no operationId"))?;
    let mut facts = Facts {
        id: id.to_owned(),
        body: "Strict",
        missing: Vec::new(),
        bad_body_field: "body".to_owned(),
        mfa_exempt: false,
        reads_own_sessions: false,
        forward_auth: false,
        answer_kept: "None",
    };
    for (key, value) in operation.as_mapping().into_iter().flatten() {
        let key = key.as_str().unwrap_or_default();
        if !key.starts_with("x-mm-") {
            continue;
        }
        let flag = || value.as_bool().ok_or(format!("{at}: {key} must be true or false"));
        match key {
            "x-mm-body" => {
                facts.body = match value.as_str() {
                    Some("struct") => "Struct",
                    Some("string-map") => "StringMap",
                    Some("any-map") => "AnyMap",
                    _ => return Err(format!("{at}: x-mm-body must be struct, string-map or any-map")),
                }
            }
            "x-mm-bad-body-field" => {
                let field = value
                    .as_str()
                    .filter(|f| !f.is_empty() && f.chars().all(|c| c.is_ascii_alphanumeric() || c == '_'));
                facts.bad_body_field = field.ok_or(format!("{at}: {key} must be a field name"))?.to_owned();
            }
            "x-mm-mfa-exempt" => facts.mfa_exempt = flag()?,
            "x-mm-reads-own-sessions" => facts.reads_own_sessions = flag()?,
            "x-mm-forward-auth" => facts.forward_auth = flag()?,
            "x-mm-answer-kept" => {
                facts.answer_kept = match value.as_str() {
                    Some("user") => "Some(AnswerKind::User)",
                    Some("sessions") => "Some(AnswerKind::Sessions)",
                    Some("session") => "Some(AnswerKind::Session)",
                    _ => return Err(format!("{at}: x-mm-answer-kept must be user, sessions or session")),
                }
            }
            other => return Err(format!("{at}: unknown extension {other} (the top of the spec lists them)")),
        }
    }
    if facts.body != "Strict" {
        facts.missing = missing_required(spec, at, operation, facts.body)?;
    }
    // A kept answer is a read's, and the caller's own list is named by the path's `user_id`.
    if facts.answer_kept != "None" && !at.starts_with("GET ") {
        return Err(format!("{at}: x-mm-answer-kept on an operation that is not a GET"));
    }
    if facts.answer_kept == "Some(AnswerKind::Sessions)" && !at.contains("{user_id}") {
        return Err(format!("{at}: x-mm-answer-kept: sessions needs a {{user_id}} in the path"));
    }
    Ok(facts)
}

/// The required properties of an operation's body schema, and what each reads as when a client
/// leaves it out, as Mattermost's reading makes it: Go's zero value of its type for a struct
/// ("", false, 0), "" in a map of strings, nothing (null) in a map of any values.
fn missing_required(
    spec: &serde_yaml_ng::Value,
    at: &str,
    operation: &serde_yaml_ng::Value,
    body: &str,
) -> Result<Vec<(String, &'static str)>, String> {
    let parameters = operation.get("parameters").and_then(|p| p.as_sequence());
    let Some(schema) = parameters.into_iter().flatten().find(|p| p.get("in").and_then(|i| i.as_str()) == Some("body"))
    else {
        return Err(format!("{at}: x-mm-body on an operation without a body"));
    };
    let schema = resolve(spec, schema.get("schema").ok_or(format!("{at}: a body without a schema"))?)?;
    let required = schema.get("required").and_then(|r| r.as_sequence()).into_iter().flatten();
    let mut missing = Vec::new();
    for name in required.filter_map(|n| n.as_str()) {
        let property = schema.get("properties").and_then(|p| p.get(name)).map(|p| resolve(spec, p)).transpose()?;
        let kind = property.and_then(|p| p.get("type")).and_then(|t| t.as_str());
        let reads_as = match (body, kind) {
            ("AnyMap", _) => "Null",
            ("StringMap", _) | ("Struct", Some("string")) => "EmptyString",
            ("Struct", Some("boolean")) => "False",
            ("Struct", Some("integer" | "number")) => "Zero",
            _ => return Err(format!("{at}: required `{name}` has no zero value Mattermost would read it as")),
        };
        missing.push((name.to_owned(), reads_as));
    }
    Ok(missing)
}

/// A schema, its `$ref` (to `#/definitions/…`) followed.
fn resolve<'a>(
    spec: &'a serde_yaml_ng::Value,
    schema: &'a serde_yaml_ng::Value,
) -> Result<&'a serde_yaml_ng::Value, String> {
    match schema.get("$ref").and_then(|r| r.as_str()) {
        None => Ok(schema),
        Some(reference) => reference
            .strip_prefix("#/definitions/")
            .and_then(|name| spec.get("definitions")?.get(name))
            .ok_or(format!("unresolvable $ref {reference}")),
    }
}
