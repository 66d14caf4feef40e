//! The fingerprint that ties `generated/` to the inputs it was generated from.
//!
//! `scripts/regenerate` writes it (via `scripts/fingerprint.py`) into
//! `generated/.spec-fingerprint`; `build.rs` recomputes it with this module and refuses to build
//! when the two differ, so a stale `generated/` can never compile silently, and a fresh clone
//! builds without Java. The text is one line per input (`<sha256>  <path>`, sorted by path):
//! every file under `api/` (the spec, the generator's options, our templates for it) and the
//! pinned generator's requirements file. This file is
//! compiled twice: into `build.rs` (via `#[path]`) and into the library, where the tests use it.

use std::fmt::Write as _;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use sha2::{Digest, Sha256};

/// Where the recorded fingerprint lives, relative to the repository root.
pub const RECORDED: &str = "generated/.spec-fingerprint";

/// The command that brings `generated/` back in step with `api/`.
pub const REGENERATE: &str = "scripts/regenerate";

const HEADER: &str = "# Fingerprint of the inputs of generated/, written by scripts/regenerate, checked by build.rs.";

/// The inputs, relative to `root`, sorted as the fingerprint lists them.
pub fn inputs(root: &Path) -> io::Result<Vec<String>> {
    let mut paths = vec!["scripts/generator-requirements.txt".to_string()];
    collect(root, "api", &mut paths)?;
    paths.sort();
    Ok(paths)
}

/// Every file under `dir` (relative to `root`), at any depth: the spec and the generator's
/// options directly in `api/`, our templates for the generator in `api/templates/`.
fn collect(root: &Path, dir: &str, paths: &mut Vec<String>) -> io::Result<()> {
    for entry in fs::read_dir(root.join(dir))? {
        let entry = entry?;
        let path = format!("{dir}/{}", entry.file_name().to_string_lossy());
        // As scripts/fingerprint.py's `rglob` and `is_file`: real folders are walked, files
        // (or links to one) listed; a dangling link (an editor's lock file) or a pipe is not.
        if entry.file_type()?.is_dir() {
            collect(root, &path, paths)?;
        } else if fs::metadata(entry.path()).is_ok_and(|m| m.is_file()) {
            paths.push(path);
        }
    }
    Ok(())
}

/// Computes the fingerprint of the inputs as they are now under `root`.
pub fn compute(root: &Path) -> io::Result<String> {
    let mut text = format!("{HEADER}\n");
    for path in inputs(root)? {
        let digest = Sha256::digest(fs::read(root.join(&path))?);
        let hex = digest.iter().fold(String::new(), |mut s, b| {
            let _ = write!(s, "{b:02x}");
            s
        });
        let _ = writeln!(text, "{hex}  {path}");
    }
    Ok(text)
}

/// Compares the recorded fingerprint with the inputs under `root`. The error is the message a
/// developer sees from `cargo build`: what changed, and the command that fixes it.
pub fn check(root: &Path) -> Result<(), String> {
    let recorded_path: PathBuf = root.join(RECORDED);
    let recorded = fs::read_to_string(&recorded_path).map_err(|e| {
        format!("generated/ has no readable fingerprint ({}: {e}); run `{REGENERATE}`", recorded_path.display())
    })?;
    let current = compute(root).map_err(|e| format!("cannot read the inputs of generated/: {e}"))?;
    if recorded == current {
        return Ok(());
    }
    let changed: Vec<&str> = current
        .lines()
        .chain(recorded.lines())
        .filter(|line| !line.starts_with('#'))
        .filter(|line| !(recorded.lines().any(|l| l == *line) && current.lines().any(|l| l == *line)))
        .filter_map(|line| line.split_once("  ").map(|(_, path)| path))
        .fold(Vec::new(), |mut acc, path| {
            if !acc.contains(&path) {
                acc.push(path);
            }
            acc
        });
    Err(format!(
        "generated/ is stale: it was not generated from the current {}. Run `{REGENERATE}` \
         (needs Java 17 and python3), then build again; the compiler will point at the handlers \
         that must change.",
        changed.join(", ")
    ))
}
