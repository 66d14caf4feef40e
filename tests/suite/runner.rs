//! `scripts/test`'s bookkeeping (`scripts/lib/summary.sh`): a stage that cannot run is counted
//! as skipped, said again right above the last line, and a failure under `CI=true`.

use std::process::Command;

/// Sources the bookkeeping, runs `script`, returns (exit code, stdout, stderr).
fn run(script: &str, ci: bool) -> (i32, String, String) {
    let root = env!("CARGO_MANIFEST_DIR");
    let mut command = Command::new("bash");
    command.args(["-c", &format!("set -u; . scripts/lib/summary.sh; {script}")]).current_dir(root);
    command.env_remove("CI");
    if ci {
        command.env("CI", "true");
    }
    let out = command.output().expect("bash runs");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn a_skip_is_counted_and_repeated_above_the_last_line() {
    let (code, out, err) =
        run("suite_passed; suite_skipped 'the browser tests: apt-get install chromium'; suite_passed; summary", false);
    assert_eq!(code, 0, "{out}{err}");
    assert!(err.contains("!!!!! SKIPPED: the browser tests"), "{err}");
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.last(), Some(&"suites: 2 passed, 0 failed, 1 skipped"), "{out}");
    assert_eq!(lines[lines.len() - 2], "skipped: the browser tests: apt-get install chromium", "{out}");
}

#[test]
fn under_ci_a_skip_is_a_failure() {
    let (code, out, err) = run("suite_passed; suite_skipped 'the PostgreSQL tests: set X'; summary", true);
    assert_ne!(code, 0, "{out}");
    assert!(out.ends_with("suites: 1 passed, 1 failed, 0 skipped\n"), "{out}");
    assert!(err.contains("FAILED: skipped under CI: the PostgreSQL tests"), "{err}");
}

#[test]
fn a_failure_fails_the_run() {
    let (code, out, _) = run("suite_failed rust; suite_passed; summary", false);
    assert_ne!(code, 0);
    assert!(out.ends_with("suites: 1 passed, 1 failed, 0 skipped\n"), "{out}");
}
