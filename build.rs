//! Refuses to build when `generated/` has drifted from `api/` (see `src/fingerprint.rs`), and
//! writes the spec's route table (each path template, its parts and its methods) for
//! `src/http/routes.rs`.

#[path = "src/fingerprint.rs"]
#[allow(dead_code)]
mod fingerprint;

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
    if let Err(message) = write_routes(root) {
        eprintln!("error: writing the route table: {message}");
        std::process::exit(1);
    }
}

/// The spec's paths and their methods, as `(template, &[Part, …], &[METHOD, …])` in
/// `$OUT_DIR/routes.rs`.
fn write_routes(root: &Path) -> Result<(), String> {
    let text = std::fs::read_to_string(root.join("api/mattermost-sessions.yaml")).map_err(|e| e.to_string())?;
    let spec: serde_yaml_ng::Value = serde_yaml_ng::from_str(&text).map_err(|e| e.to_string())?;
    let paths = spec.get("paths").and_then(|p| p.as_mapping()).ok_or("the spec has no `paths`")?;
    let mut routes: Vec<(String, Vec<String>)> = Vec::new();
    for (path, item) in paths {
        let path = path.as_str().ok_or("a path that is not a string")?;
        let item = item.as_mapping().ok_or_else(|| format!("{path} is not a mapping"))?;
        // Sorted, so `Allow` lists them the same way whatever the spec's order.
        let mut methods: Vec<String> = item
            .keys()
            .filter_map(|key| key.as_str())
            .map(str::to_ascii_uppercase)
            .filter(|m| ["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"].contains(&m.as_str()))
            .collect();
        methods.sort();
        routes.push((path.to_owned(), methods));
    }
    // Split here, once, so that matching a request compares segments without splitting a
    // template per route per request.
    let mut out = String::from("/// The spec's routes: each path template (under the base path), split into its parts, and its\n/// methods.\n");
    out.push_str("pub const ROUTES: &[(&str, &[Part], &[&str])] = &[\n");
    for (path, methods) in &routes {
        let parts: Vec<String> = path
            .split('/')
            .skip(1)
            .map(|part| match part.strip_prefix('{').and_then(|p| p.strip_suffix('}')) {
                Some(name) => format!("Part::Param({name:?})"),
                None => format!("Part::Literal({part:?})"),
            })
            .collect();
        let methods: Vec<String> = methods.iter().map(|m| format!("{m:?}")).collect();
        out.push_str(&format!("    ({path:?}, &[{}], &[{}]),\n", parts.join(", "), methods.join(", ")));
    }
    out.push_str("];\n");
    let dir = std::env::var("OUT_DIR").map_err(|e| e.to_string())?;
    std::fs::write(Path::new(&dir).join("routes.rs"), out).map_err(|e| e.to_string())
}
