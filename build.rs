//! Refuses to build when `generated/` has drifted from `api/` (see `src/fingerprint.rs`), and
//! writes the spec's operations' `x-mm-*` facts into a table for `src/http/operations.rs`. (Its
//! paths are the generated router's own segment table, which `src/http/routes.rs` matches by.)

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
