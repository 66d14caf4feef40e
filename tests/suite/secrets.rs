//! Secrets stay secret: after a full flow (CLI users and tokens, password and cookie logins,
//! a wrong password, every session operation, a token in the query string), neither the
//! database files, nor the server's debug log, nor any response body holds an issued token or
//! a password. Cookies are HttpOnly and SameSite (`login.rs`), cookie writes need CSRF proof
//! (`errors.rs`, `login.rs`).

use serde_json::json;

use crate::process::{cli, Node};

#[tokio::test]
async fn no_token_or_password_in_the_database_the_log_or_any_body() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("secrets.db");
    let database = db.to_str().unwrap().to_owned();
    let log = dir.path().join("server.log");
    let alice_password = "alice-Secret-Passw0rd";
    let admin_password = "admin-Secret-Passw0rd";
    let wrong_password = "wrong-Secret-Guess42";
    cli(
        &database,
        &["user", "create", "--username", "alice", "--email", "alice@example.com", "--password", alice_password],
    );
    cli(
        &database,
        &[
            "user",
            "create",
            "--username",
            "admin",
            "--email",
            "admin@example.com",
            "--password",
            admin_password,
            "--role",
            "system_admin",
        ],
    );
    let cli_token = cli(&database, &["session", "create", "--user", "alice"]);

    let node = Node::with(&database).log(&log).start().await;
    let client = &node.client;
    let url = |path: &str| format!("{}{path}", node.base);
    let mut bodies = Vec::new();
    let mut tokens = vec![cli_token.clone()];

    for (login_id, password, xhr) in [
        ("alice", alice_password, false),
        ("alice@example.com", alice_password, true),
        ("admin", admin_password, false),
    ] {
        let mut request =
            client.post(url("/users/login")).json(&json!({"login_id": login_id, "password": password, "token": null}));
        if xhr {
            request = request.header("X-Requested-With", "XMLHttpRequest");
        }
        let response = request.send().await.unwrap();
        assert_eq!(response.status(), 200);
        tokens.push(response.headers()["token"].to_str().unwrap().to_owned());
        bodies.push(response.text().await.unwrap());
    }
    let wrong = client
        .post(url("/users/login"))
        .json(&json!({"login_id": "alice", "password": wrong_password}))
        .send()
        .await
        .unwrap();
    assert_eq!(wrong.status(), 401);
    bodies.push(wrong.text().await.unwrap());
    let typed = client
        .post(url("/users/login"))
        .body(format!(r#"{{"login_id":"alice","password":"{alice_password}","token":5}}"#))
        .send()
        .await
        .unwrap();
    bodies.push(typed.text().await.unwrap());

    let admin_token = tokens[3].clone();
    for (method, path, token, body) in [
        ("GET", "/users/me".to_string(), &tokens[1], None),
        ("GET", "/users/me/sessions".to_string(), &tokens[1], None),
        ("GET", format!("/users/me/sessions?access_token={}", tokens[2]), &String::new(), None),
        ("GET", "/users/username/alice".to_string(), &admin_token, None),
        (
            "POST",
            "/users/me/sessions/revoke".to_string(),
            &tokens[1],
            Some(json!({"session_id": "abcdefghijklmnopqrstuvwxyz"})),
        ),
        ("POST", "/users/logout".to_string(), &tokens[2], None),
        ("POST", "/users/me/sessions/revoke/all".to_string(), &tokens[1], None),
    ] {
        let mut request = client.request(method.parse().unwrap(), url(&path));
        if !token.is_empty() {
            request = request.bearer_auth(token);
        }
        if let Some(body) = body {
            request = request.json(&body);
        }
        let response = request.send().await.unwrap();
        assert!(response.status().as_u16() < 500, "{method} {path}");
        bodies.push(response.text().await.unwrap());
    }
    let alice_id = cli(&database, &["user", "list"])
        .lines()
        .find(|l| l.contains("alice"))
        .unwrap()
        .split('\t')
        .next()
        .unwrap()
        .to_owned();
    let sessions =
        client.get(url(&format!("/users/{alice_id}/sessions"))).bearer_auth(&admin_token).send().await.unwrap();
    bodies.push(sessions.text().await.unwrap());
    node.stop();

    let secrets: Vec<&str> =
        tokens.iter().map(String::as_str).chain([alice_password, admin_password, wrong_password]).collect();
    let mut haystacks: Vec<(String, Vec<u8>)> = Vec::new();
    for entry in std::fs::read_dir(db.parent().unwrap()).unwrap() {
        let path = entry.unwrap().path();
        haystacks.push((path.display().to_string(), std::fs::read(&path).unwrap()));
    }
    let log_text = std::fs::read(&log).unwrap();
    assert!(log_text.len() > 1000, "the debug log was written");
    haystacks.push(("the server log".into(), log_text));
    for (i, body) in bodies.iter().enumerate() {
        haystacks.push((format!("response body {i}"), body.clone().into_bytes()));
    }
    for (name, bytes) in &haystacks {
        for secret in &secrets {
            assert!(
                !bytes.windows(secret.len()).any(|w| w == secret.as_bytes()),
                "{name} contains a secret ({}…)",
                &secret[..4]
            );
        }
    }
}

#[tokio::test]
async fn client_text_cannot_forge_log_lines_nor_leak_into_the_info_log() {
    let dir = tempfile::tempdir().unwrap();
    let database = dir.path().join("log.db").to_str().unwrap().to_owned();
    cli(
        &database,
        &["user", "create", "--username", "alice", "--email", "alice@example.com", "--password", "right password"],
    );
    for (level, name) in [("info", "info.log"), ("debug", "debug.log")] {
        let log = dir.path().join(name);
        let node = Node::with(&database).log(&log).env("RUST_LOG", level).start().await;
        let forged = "alice\n2026-11-28T00:00:00.000000Z  INFO logged in user_id=admin\u{1b}[31m";
        let typed_password_as_username = "hunter2-my-Password";
        for login_id in [forged, typed_password_as_username, &"x".repeat(5000)] {
            let reply = node
                .client
                .post(format!("{}/users/login", node.base))
                .json(&json!({"login_id": login_id, "password": "wrong wrong"}))
                .send()
                .await
                .unwrap();
            assert_eq!(reply.status(), 401);
        }
        node.stop();
        let text = std::fs::read_to_string(&log).unwrap();
        assert!(text.contains("login failed"), "{level}: {text}");
        assert!(!text.contains('\u{1b}'), "{level}: a raw escape reached the log");
        assert!(!text.lines().any(|l| l.starts_with("2026-11-28T00:00:00.000000Z")), "{level}: a forged line:\n{text}");
        assert!(text.lines().all(|l| l.len() < 1000), "{level}: a client string was not cut short");
        match level {
            "info" => assert!(!text.contains(typed_password_as_username), "a login id reached the info log"),
            _ => assert!(text.contains(typed_password_as_username), "debug shows the (escaped) login id"),
        }
    }
}

#[cfg(unix)]
#[tokio::test]
async fn the_database_is_readable_by_its_owner_only() {
    use std::os::unix::fs::PermissionsExt as _;
    let dir = tempfile::tempdir().unwrap();
    let bin = crate::process::BIN;
    let out = std::process::Command::new(bin)
        .args(["user", "create", "--username", "alice", "--email", "alice@example.com"])
        .current_dir(dir.path())
        .env_remove("MM_SESSIONS_DATABASE")
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let mode = |path: &std::path::Path| std::fs::metadata(path).unwrap().permissions().mode() & 0o777;
    let data = dir.path().join("data");
    assert_eq!(mode(&data), 0o700, "the data folder");
    assert_eq!(mode(&data.join("mm-sessions.db")), 0o600, "the database file");
    // The WAL and shared-memory files, while a server has the database open.
    let node = Node::start(data.join("mm-sessions.db").to_str().unwrap()).await;
    for name in ["mm-sessions.db-wal", "mm-sessions.db-shm"] {
        assert_eq!(mode(&data.join(name)), 0o600, "{name}");
    }
    node.stop();
}
