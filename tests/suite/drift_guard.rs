//! The drift guard `build.rs` runs, exercised on a copy of the repository's inputs so that it
//! cannot rot: an unchanged copy passes; any change to an input without regenerating is refused
//! with a message naming the regenerate command. (Whether the committed generated/ matches api/
//! needs no test here: `build.rs` refuses to build this suite otherwise, and `.ci/run`
//! regenerates and compares.)

use std::fs;
use std::path::Path;

use mm_sessions::fingerprint;

/// Copies every input the fingerprint lists, and the recorded fingerprint.
fn copy_inputs(to: &Path) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let inputs = fingerprint::inputs(root).unwrap();
    assert!(
        inputs.iter().any(|p| p.starts_with("api/templates/rust-server/")),
        "our templates for the generator are inputs: {inputs:?}"
    );
    for path in inputs.iter().map(String::as_str).chain([fingerprint::RECORDED]) {
        let target = to.join(path);
        fs::create_dir_all(target.parent().unwrap()).unwrap();
        fs::copy(root.join(path), target).unwrap();
    }
}

#[test]
fn a_spec_change_without_regenerating_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    copy_inputs(dir.path());
    assert_eq!(fingerprint::check(dir.path()), Ok(()), "an unchanged copy passes");

    let spec = dir.path().join("api/mattermost-sessions.yaml");
    let text = fs::read_to_string(&spec).unwrap();
    let changed = text.replacen(
        "      local:\n        type: boolean\n",
        "      local:\n        type: boolean\n      nickname:\n        type: string\n",
        1,
    );
    assert_ne!(text, changed, "the test edits a real definition");
    fs::write(&spec, changed).unwrap();
    let message = fingerprint::check(dir.path()).unwrap_err();
    assert!(message.contains("scripts/regenerate"), "{message}");
    assert!(message.contains("api/mattermost-sessions.yaml"), "{message}");

    // Regenerating (here: recording the new fingerprint, as scripts/regenerate does) clears it.
    fs::write(dir.path().join(fingerprint::RECORDED), fingerprint::compute(dir.path()).unwrap()).unwrap();
    assert_eq!(fingerprint::check(dir.path()), Ok(()));
}

#[test]
fn a_generator_version_change_or_a_new_input_is_refused_too() {
    let dir = tempfile::tempdir().unwrap();
    copy_inputs(dir.path());
    fs::write(dir.path().join("scripts/generator-requirements.txt"), "openapi-generator-cli==7.0.0\n").unwrap();
    assert!(fingerprint::check(dir.path()).unwrap_err().contains("scripts/generator-requirements.txt"));

    let dir = tempfile::tempdir().unwrap();
    copy_inputs(dir.path());
    fs::write(dir.path().join("api/extra.yaml"), "x: 1\n").unwrap();
    assert!(fingerprint::check(dir.path()).unwrap_err().contains("api/extra.yaml"));

    // A template of ours for the generator, and a new one in their folder.
    let dir = tempfile::tempdir().unwrap();
    copy_inputs(dir.path());
    let template = dir.path().join("api/templates/rust-server/response.mustache");
    fs::write(&template, fs::read_to_string(&template).unwrap() + "\n").unwrap();
    assert!(fingerprint::check(dir.path()).unwrap_err().contains("api/templates/rust-server/response.mustache"));
    let dir = tempfile::tempdir().unwrap();
    copy_inputs(dir.path());
    fs::write(dir.path().join("api/templates/rust-server/server-mod.mustache"), "").unwrap();
    assert!(fingerprint::check(dir.path()).unwrap_err().contains("api/templates/rust-server/server-mod.mustache"));

    // An editor's lock file (a dangling link) is no input, as scripts/fingerprint.py sees it.
    let dir = tempfile::tempdir().unwrap();
    copy_inputs(dir.path());
    std::os::unix::fs::symlink("nowhere", dir.path().join("api/templates/rust-server/.#json.mustache")).unwrap();
    assert_eq!(fingerprint::check(dir.path()), Ok(()));

    let dir = tempfile::tempdir().unwrap();
    copy_inputs(dir.path());
    fs::remove_file(dir.path().join(fingerprint::RECORDED)).unwrap();
    assert!(fingerprint::check(dir.path()).unwrap_err().contains("scripts/regenerate"));
}

/// The fingerprint the Python side writes must equal the Rust side's, byte for byte.
#[test]
fn python_and_rust_compute_the_same_fingerprint() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let python = std::process::Command::new("python3").arg(root.join("scripts/fingerprint.py")).output();
    match python {
        Ok(out) if out.status.success() => {
            assert_eq!(String::from_utf8(out.stdout).unwrap(), fingerprint::compute(root).unwrap());
        }
        _ => panic!("python3 is needed to check scripts/fingerprint.py"),
    }
}
