//! The real binary on SQLite: the admin CLI beside the running server, a clean SIGTERM, and a
//! restart that keeps everything acknowledged (revoked stays revoked). And the file never holds
//! a token.

use std::path::Path;

use serde_json::json;

use crate::process::Node as Server;

fn cli(db: &Path, args: &[&str]) -> String {
    crate::process::cli(db.to_str().unwrap(), args)
}

#[tokio::test]
async fn acknowledged_changes_survive_a_restart_and_no_token_is_stored() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("mm-sessions.db");
    let server = Server::start(db.to_str().unwrap()).await;

    // The CLI works on the same file while the server runs.
    let alice = cli(&db, &["user", "create", "--username", "alice", "--email", "alice@example.com"]);
    assert_eq!(alice.len(), 26, "prints the new user's id: {alice:?}");
    let session_ids = |db: &Path| -> Vec<String> {
        cli(db, &["session", "list", "--user", "alice"])
            .lines()
            .map(|l| l.split('\t').next().unwrap().to_string())
            .collect()
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

    let server = Server::start(db.to_str().unwrap()).await;
    assert_eq!(server.status(reqwest::Method::GET, "/users/me/sessions", &t1, None).await, 200, "kept");
    assert_eq!(
        server.status(reqwest::Method::GET, "/users/me/sessions", &t2, None).await,
        401,
        "revoked stays revoked"
    );
    server.stop();

    // Neither the database nor its WAL holds a token, in any form we handed out.
    for entry in std::fs::read_dir(db.parent().unwrap()).unwrap() {
        let bytes = std::fs::read(entry.unwrap().path()).unwrap();
        for token in [&t1, &t2] {
            assert!(!bytes.windows(token.len()).any(|w| w == token.as_bytes()), "a token is stored in clear");
        }
    }
}
