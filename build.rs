//! Refuses to build when `generated/` has drifted from `api/` (see `src/fingerprint.rs`).

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
}
