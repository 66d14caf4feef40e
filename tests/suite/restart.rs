//! The real binary on SQLite: the admin CLI beside the running server, a clean SIGTERM, and a
//! restart that keeps everything acknowledged (revoked stays revoked). And the file never holds
//! a token.

use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use serde_json::json;

const BIN: &str = env!("CARGO_BIN_EXE_mm-sessions");

fn cli(db: &Path, args: &[&str]) -> String {
    let out = Command::new(BIN).arg("--database").arg(db).args(args).output().expect("CLI runs");
    assert!(out.status.success(), "mm-sessions {args:?} failed: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).unwrap().trim().to_string()
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port()
}

struct Server {
    child: Child,
    base: String,
}

impl Server {
    async fn start(db: &Path) -> Server {
        let port = free_port();
        let child = Command::new(BIN)
            .args(["--listen", &format!("127.0.0.1:{port}")])
            .arg("--database")
            .arg(db)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("server starts");
        let base = format!("http://127.0.0.1:{port}/api/v4");
        let deadline = Instant::now() + Duration::from_secs(20);
        while reqwest::get(format!("{base}/users/me/sessions")).await.is_err() {
            assert!(Instant::now() < deadline, "server did not come up");
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        Server { child, base }
    }

    fn stop(mut self) {
        let pid = self.child.id().to_string();
        assert!(Command::new("kill").args(["-TERM", &pid]).status().unwrap().success());
        let deadline = Instant::now() + Duration::from_secs(15);
        loop {
            if let Some(status) = self.child.try_wait().unwrap() {
                assert!(status.success(), "SIGTERM ends the server cleanly, got {status}");
                return;
            }
            assert!(Instant::now() < deadline, "server did not stop within 15 s of SIGTERM");
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    async fn status(&self, method: reqwest::Method, path: &str, token: &str, body: Option<serde_json::Value>) -> u16 {
        let mut request = reqwest::Client::new().request(method, format!("{}{path}", self.base)).bearer_auth(token);
        if let Some(body) = body {
            request = request.json(&body);
        }
        request.send().await.unwrap().status().as_u16()
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

#[tokio::test]
async fn acknowledged_changes_survive_a_restart_and_no_token_is_stored() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("data").join("mm-sessions.db");
    let server = Server::start(&db).await;

    // The CLI works on the same file while the server runs.
    let alice = cli(&db, &["user", "create", "--username", "alice", "--email", "alice@example.com"]);
    assert_eq!(alice.len(), 26, "prints the new user's id: {alice:?}");
    let session_ids = |db: &Path| -> Vec<String> {
        cli(db, &["session", "list", "--user", "alice"]).lines().map(|l| l.split('\t').next().unwrap().to_string()).collect()
    };
    let t1 = cli(&db, &["session", "create", "--user", "alice"]);
    let before = session_ids(&db);
    let t2 = cli(&db, &["session", "create", "--user", &alice]);
    assert_eq!(t1.len(), 26, "prints only the token: {t1:?}");
    let after = session_ids(&db);
    assert_eq!((before.len(), after.len()), (1, 2));
    let t2_session = after.iter().find(|id| !before.contains(id)).unwrap().clone();

    assert_eq!(server.status(reqwest::Method::GET, "/users/me/sessions", &t1, None).await, 200);
    assert_eq!(server.status(reqwest::Method::GET, "/users/me/sessions", &t2, None).await, 200);
    let status = server
        .status(reqwest::Method::POST, "/users/me/sessions/revoke", &t1, Some(json!({ "session_id": t2_session })))
        .await;
    assert_eq!(status, 200);
    assert_eq!(server.status(reqwest::Method::GET, "/users/me/sessions", &t2, None).await, 401);
    server.stop();

    let server = Server::start(&db).await;
    assert_eq!(server.status(reqwest::Method::GET, "/users/me/sessions", &t1, None).await, 200, "kept");
    assert_eq!(server.status(reqwest::Method::GET, "/users/me/sessions", &t2, None).await, 401, "revoked stays revoked");
    server.stop();

    // Neither the database nor its WAL holds a token, in any form we handed out.
    for entry in std::fs::read_dir(db.parent().unwrap()).unwrap() {
        let bytes = std::fs::read(entry.unwrap().path()).unwrap();
        for token in [&t1, &t2] {
            assert!(!bytes.windows(token.len()).any(|w| w == token.as_bytes()), "a token is stored in clear");
        }
    }
}
