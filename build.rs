//! Refuses to build when `generated/` has drifted from `api/` (see `src/fingerprint.rs`), and
//! writes two tables from the spec: its routes (each path template, its parts and its methods)
//! for `src/http/routes.rs`, and its operations' `x-mm-*` facts for `src/http/operations.rs`.

#[path = "src/fingerprint.rs"]
#[allow(dead_code)]
mod fingerprint;
#[path = "build/operation_facts.rs"]
mod operation_facts;

use std::path::Path;

fn main() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    println!("cargo:rerun-if-changed=api");
    println!("cargo:rerun-if-changed=scripts/generator-requirements.txt");
    println!("cargo:rerun-if-changed={}", fingerprint::RECORDED);
    if let Ok(inputs) = fingerprint::inputs(root) {
        for input in inputs {
            println!("cargo:rerun-if-changed={input}");
        }
    }
    if let Err(message) = fingerprint::check(root) {
        println!("cargo:warning={message}");
        eprintln!("error: {message}");
        std::process::exit(1);
    }
    let spec = match read_spec(root) {
        Ok(spec) => spec,
        Err(message) => {
            eprintln!("error: reading api/mattermost-sessions.yaml: {message}");
            std::process::exit(1);
        }
    };
    let out = std::path::PathBuf::from(std::env::var("OUT_DIR").expect("cargo sets OUT_DIR"));
    if let Err(message) = write_routes(&spec, &out) {
        eprintln!("error: writing the route table: {message}");
        std::process::exit(1);
    }
    if let Err(message) = write_operations(&spec, &out) {
        eprintln!("error: api/mattermost-sessions.yaml: {message}");
        std::process::exit(1);
    }
}

fn read_spec(root: &Path) -> Result<serde_yaml_ng::Value, String> {
    let text = std::fs::read_to_string(root.join("api/mattermost-sessions.yaml")).map_err(|e| e.to_string())?;
    serde_yaml_ng::from_str(&text).map_err(|e| e.to_string())
}

/// Every operation's `x-mm-*` extensions ([`operation_facts`]), as `OPERATIONS: &[Operation]`
/// and `fn find(operation_id) -> Option<&'static Operation>` in `$OUT_DIR/operations.rs`.
fn write_operations(spec: &serde_yaml_ng::Value, out: &Path) -> Result<(), String> {
    let facts = operation_facts::read(spec)?;
    let mut text = String::from(
        "/// Every operation of the spec, with its `x-mm-*` facts.\npub const OPERATIONS: &[Operation] = &[\n",
    );
    for f in &facts {
        text.push_str(&format!(
            "    Operation {{ id: {:?}, body: Body::{}, missing: &[{}], bad_body_field: {:?}, mfa_exempt: {}, \
             reads_own_sessions: {}, forward_auth: {}, answer_kept: {} }},\n",
            f.id,
            f.body,
            f.missing
                .iter()
                .map(|(name, reads_as)| format!("({name:?}, Missing::{reads_as})"))
                .collect::<Vec<_>>()
                .join(", "),
            f.bad_body_field,
            f.mfa_exempt,
            f.reads_own_sessions,
            f.forward_auth,
            f.answer_kept
        ));
    }
    text.push_str(
        "];\n\n/// The facts of the operation with this id.\npub fn find(id: &str) -> Option<&'static Operation> {\n",
    );
    text.push_str("    match id {\n");
    for (i, f) in facts.iter().enumerate() {
        text.push_str(&format!("        {:?} => Some(&OPERATIONS[{i}]),\n", f.id));
    }
    text.push_str("        _ => None,\n    }\n}\n");
    std::fs::write(out.join("operations.rs"), text).map_err(|e| e.to_string())
}

/// The spec's paths, their methods and each method's operation (its place in `OPERATIONS`), as
/// `(template, &[Part, …], &[(METHOD, &Operation), …])` in `$OUT_DIR/routes.rs`.
fn write_routes(spec: &serde_yaml_ng::Value, out: &Path) -> Result<(), String> {
    let facts = operation_facts::read(spec)?;
    let mut routes: Vec<(String, Vec<(String, usize)>)> = Vec::new();
    for (path, item) in operation_facts::paths(spec)? {
        let path = path.as_str().ok_or("a path that is not a string")?;
        let item = item.as_mapping().ok_or_else(|| format!("{path} is not a mapping"))?;
        let mut methods = Vec::new();
        for (method, operation) in item {
            let method = method.as_str().unwrap_or_default().to_ascii_uppercase();
            if !operation_facts::METHODS.contains(&method.as_str()) {
                continue;
            }
            let id = operation.get("operationId").and_then(|v| v.as_str()).unwrap_or_default();
            let index = facts.iter().position(|f| f.id == id).ok_or_else(|| format!("{method} {path}: no facts"))?;
            methods.push((method, index));
        }
        // Sorted, so `Allow` lists them the same way whatever the spec's order.
        methods.sort();
        routes.push((path.to_owned(), methods));
    }
    // Split here, once, so that matching a request compares segments without splitting a
    // template per route per request.
    let mut text = String::from(
        "/// The spec's routes: each path template (under the base path), split into its parts, and its\n\
         /// methods with their operations.\n",
    );
    text.push_str("pub const ROUTES: &[Route] = &[\n");
    for (path, methods) in &routes {
        let parts: Vec<String> = path
            .split('/')
            .skip(1)
            .map(|part| match part.strip_prefix('{').and_then(|p| p.strip_suffix('}')) {
                Some(name) => format!("Part::Param({name:?})"),
                None => format!("Part::Literal({part:?})"),
            })
            .collect();
        let methods: Vec<String> = methods.iter().map(|(m, i)| format!("({m:?}, &OPERATIONS[{i}])")).collect();
        text.push_str(&format!("    ({path:?}, &[{}], &[{}]),\n", parts.join(", "), methods.join(", ")));
    }
    text.push_str("];\n");
    std::fs::write(out.join("routes.rs"), text).map_err(|e| e.to_string())
}
