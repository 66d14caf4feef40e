//! The real `mm-sessions` binary as a child process: a server node on a given database, and the
//! admin CLI beside it. For what only a process boundary shows: restarts, SIGTERM, SIGKILL,
//! several nodes on one database.

use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

pub const BIN: &str = env!("CARGO_BIN_EXE_mm-sessions");

/// Runs the admin CLI on `database`; returns its trimmed standard output.
pub fn cli(database: &str, args: &[&str]) -> String {
    let out = Command::new(BIN).args(["--database", database]).args(args).output().expect("CLI runs");
    assert!(out.status.success(), "mm-sessions {args:?} failed: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).unwrap().trim().to_string()
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port()
}

/// A running server process.
pub struct Node {
    child: Child,
    /// `http://127.0.0.1:PORT/api/v4`
    pub base: String,
    pub client: reqwest::Client,
}

/// How to start a node: [`Node::with`], then `log`, `flags`, `env`, and `start`.
pub struct NodeOptions<'a> {
    database: &'a str,
    log: Option<&'a std::path::Path>,
    flags: Vec<&'a str>,
    env: Vec<(&'a str, &'a str)>,
}

impl<'a> NodeOptions<'a> {
    /// Its log (at `RUST_LOG=debug`, unless `env` says otherwise) goes to this file.
    pub fn log(self, path: &'a std::path::Path) -> Self {
        NodeOptions { log: Some(path), ..self }
    }

    /// Extra server flags.
    pub fn flags(mut self, flags: &[&'a str]) -> Self {
        self.flags.extend_from_slice(flags);
        self
    }

    /// Extra environment (e.g. a Mattermost setting, or its `RUST_LOG`).
    pub fn env(mut self, name: &'a str, value: &'a str) -> Self {
        self.env.push((name, value));
        self
    }

    /// Starts the node and waits until it answers.
    pub async fn start(self) -> Node {
        let port = free_port();
        let stderr = match self.log {
            Some(path) => Stdio::from(std::fs::File::create(path).expect("log file")),
            None => Stdio::null(),
        };
        let child = Command::new(BIN)
            .args(["--listen", &format!("127.0.0.1:{port}"), "--database", self.database])
            .args(&self.flags)
            // Tests log in far faster than people do.
            .env("MM_SESSIONS_LOGIN_RATE_IP", "1000000")
            .env("MM_SESSIONS_LOGIN_RATE_ACCOUNT", "1000000")
            .env("RUST_LOG", if self.log.is_some() { "debug" } else { "warn" })
            .envs(self.env.iter().copied())
            .stdout(Stdio::null())
            .stderr(stderr)
            .spawn()
            .expect("server starts");
        let base = format!("http://127.0.0.1:{port}/api/v4");
        let deadline = Instant::now() + Duration::from_secs(60);
        let mut child = child;
        while reqwest::get(format!("{base}/system/ping")).await.is_err() {
            if let Ok(Some(status)) = child.try_wait() {
                panic!("the server exited before answering ({status}); its log, if kept, says why");
            }
            assert!(Instant::now() < deadline, "server did not come up within a minute");
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        Node { child, base, client: reqwest::Client::new() }
    }
}

impl Node {
    /// Starts a node on `database` with the defaults and waits until it answers.
    pub async fn start(database: &str) -> Node {
        Node::with(database).start().await
    }

    /// A node on `database`, to be configured, then started.
    pub fn with(database: &str) -> NodeOptions<'_> {
        NodeOptions { database, log: None, flags: Vec::new(), env: Vec::new() }
    }

    /// `127.0.0.1:PORT`
    pub fn addr(&self) -> String {
        self.base.trim_start_matches("http://").trim_end_matches("/api/v4").to_string()
    }

    /// Sends SIGTERM without waiting.
    pub fn terminate(&self) {
        let pid = self.child.id().to_string();
        assert!(Command::new("kill").args(["-TERM", &pid]).status().unwrap().success());
    }

    /// SIGTERM, and the exit must be clean and prompt.
    pub fn stop(self) {
        self.terminate();
        self.wait_for_clean_exit();
    }

    /// Waits for the process to exit 0, at most 15 s.
    pub fn wait_for_clean_exit(mut self) {
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

    /// SIGKILL: no chance to clean up.
    pub fn kill(mut self) {
        self.child.kill().unwrap();
        self.child.wait().unwrap();
    }

    /// The status of a request with a bearer token.
    pub async fn status(
        &self,
        method: reqwest::Method,
        path: &str,
        token: &str,
        body: Option<serde_json::Value>,
    ) -> u16 {
        let mut request = self.client.request(method, format!("{}{path}", self.base)).bearer_auth(token);
        if let Some(body) = body {
            request = request.json(&body);
        }
        request.send().await.unwrap().status().as_u16()
    }

    /// Whether `token` authenticates on this node.
    pub async fn token_works(&self, token: &str) -> bool {
        match self.status(reqwest::Method::GET, "/users/me", token, None).await {
            200 => true,
            401 => false,
            other => panic!("unexpected status {other}"),
        }
    }

    /// The JSON a GET with a bearer token answers.
    pub async fn get_json(&self, path: &str, token: &str) -> serde_json::Value {
        let response = self.client.get(format!("{}{path}", self.base)).bearer_auth(token).send().await.unwrap();
        response.json().await.unwrap()
    }

    /// Logs in; the token.
    pub async fn login(&self, login_id: &str, password: &str) -> String {
        let response = self
            .client
            .post(format!("{}/users/login", self.base))
            .json(&serde_json::json!({"login_id": login_id, "password": password}))
            .send()
            .await
            .unwrap();
        assert_eq!(response.status().as_u16(), 200);
        response.headers()["token"].to_str().unwrap().to_owned()
    }
}

impl Drop for Node {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}
