//! The README's quick start, run as written: every `$ ` command of its transcript in one bash
//! session (so that functions and variables carry over), each output checked against the
//! lines the README shows, where `…` stands for anything (ids, tokens, times). The only changes
//! are the ones a test needs: `cargo run -q --` is the built binary, and the port is a free one
//! instead of 8065. The server runs on its default database, `./data/` in a fresh folder.

use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use crate::process::BIN;

const MARKER: &str = "<!-- quick start: checked by tests/suite/readme.rs -->";

/// One step of the transcript: a command (with its continuation lines) and what it prints.
struct Step {
    command: String,
    expected: Vec<String>,
}

fn transcript() -> Vec<Step> {
    let readme = include_str!("../../README.md");
    let start = readme.find(MARKER).expect("the README marks its quick start");
    let block = &readme[start..];
    let block = &block[block.find("```console\n").expect("a console block") + "```console\n".len()..];
    let block = &block[..block.find("\n```").expect("the block ends")];
    let mut steps: Vec<Step> = Vec::new();
    let mut continuing = false;
    for line in block.lines() {
        if continuing {
            let step = steps.last_mut().unwrap();
            step.command.push('\n');
            step.command.push_str(line);
            continuing = line.ends_with('\\');
        } else if let Some(command) = line.strip_prefix("$ ") {
            steps.push(Step { command: command.to_owned(), expected: Vec::new() });
            continuing = line.ends_with('\\');
        } else {
            steps.last_mut().expect("output follows a command").expected.push(line.to_owned());
        }
    }
    steps
}

/// Whether `line` fits `pattern`, in which `…` stands for any text.
fn fits(pattern: &str, line: &str) -> bool {
    let pieces: Vec<&str> = pattern.split('…').collect();
    let (first, last) = (pieces[0], pieces[pieces.len() - 1]);
    if pieces.len() == 1 {
        return pattern == line;
    }
    if !line.starts_with(first) || !line[first.len()..].ends_with(last) {
        return false;
    }
    let mut rest = &line[first.len()..line.len() - last.len()];
    for piece in &pieces[1..pieces.len() - 1] {
        match rest.find(piece) {
            Some(at) => rest = &rest[at + piece.len()..],
            None => return false,
        }
    }
    true
}

#[test]
fn fits_matches_the_ellipsis_as_any_text() {
    assert!(fits("a…c", "abbbc"));
    assert!(fits("…", "anything"));
    assert!(fits("{\"id\":\"…\",…}", "{\"id\":\"x\",\"y\":1}"));
    assert!(!fits("a…c", "abd"));
    assert!(!fits("exact", "exactly"));
}

#[tokio::test]
async fn the_quick_start_works_as_written() {
    let steps = transcript();
    assert!(steps.len() >= 5, "the quick start has its steps");
    let dir = tempfile::tempdir().unwrap();
    let port = std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
    let mut server = Command::new(BIN)
        .env("MM_SESSIONS_LISTEN", format!("127.0.0.1:{port}"))
        .env_remove("MM_SESSIONS_DATABASE")
        .current_dir(dir.path())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("the server starts");
    let ping = format!("http://127.0.0.1:{port}/api/v4/system/ping");
    let deadline = Instant::now() + Duration::from_secs(60);
    while reqwest::get(&ping).await.is_err() {
        assert!(Instant::now() < deadline, "the server did not come up");
        tokio::time::sleep(Duration::from_millis(50)).await;
    }

    // One bash session; a marker line before each step splits the output (on a line of its
    // own: curl's JSON ends without a newline, which a terminal shows before the next prompt).
    let mut script = String::new();
    for (i, step) in steps.iter().enumerate() {
        let command =
            step.command.replace("cargo run -q --", BIN).replace("127.0.0.1:8065", &format!("127.0.0.1:{port}"));
        script.push_str(&format!("printf '\\n@@step {i}\\n'\n{command}\n"));
    }
    let out = Command::new("bash")
        .args(["-c", &format!("exec 2>&1\n{script}")])
        .current_dir(dir.path())
        .env_remove("MM_SESSIONS_DATABASE")
        .env_remove("MM_SESSIONS_PASSWORD")
        .env_remove("RUST_LOG")
        .output()
        .expect("bash runs");
    server.kill().unwrap();
    server.wait().unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    let mut outputs: Vec<Vec<&str>> = Vec::new();
    for line in text.lines() {
        if line.starts_with("@@step ") {
            outputs.push(Vec::new());
        } else if !line.is_empty() {
            outputs.last_mut().expect("output after a marker").push(line);
        }
    }
    assert_eq!(outputs.len(), steps.len(), "every step ran:\n{text}");
    for (step, got) in steps.iter().zip(&outputs) {
        let fits_all = step.expected.len() == got.len() && step.expected.iter().zip(got).all(|(p, l)| fits(p, l));
        assert!(
            fits_all,
            "`{}`\nprinted:\n{}\nthe README shows:\n{}",
            step.command,
            got.join("\n"),
            step.expected.join("\n")
        );
    }
}
