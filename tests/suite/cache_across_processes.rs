//! The session cache against writes it did not make: the admin CLI on the same SQLite file
//! while the server runs, an outside SQLite connection (as an `sqlite3` shell), a second node
//! on the same SQLite file, and nodes on one PostgreSQL database (which run without a cache).
//! Each is a loop of `session_cache::TRIES` with zero stale answers allowed, like `session_cache.rs`.

use reqwest::Method;
use serde_json::json;

use crate::process::{cli, Node};
use crate::session_cache::never_stale;

const PASSWORD: &str = "correct horse battery";

/// A SQLite file in a fresh folder, a node serving it, and alice created by the CLI.
async fn sqlite_node() -> (tempfile::TempDir, String, Node) {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("sessions.db").to_str().unwrap().to_owned();
    create_alice(&db);
    let node = Node::start(&db).await;
    (dir, db, node)
}

fn create_alice(database: &str) {
    cli(database, &["user", "create", "--username", "alice", "--email", "alice@example.com", "--password", PASSWORD]);
}

/// Puts `token`'s session, its user's list and the user in `node`'s cache, and (read twice) the
/// answers kept as bytes: the list's, the user's and the forward-auth check's.
async fn warm(node: &Node, token: &str) {
    for _ in 0..2 {
        assert_eq!(node.status(Method::GET, "/users/me/sessions", token, None).await, 200);
        assert_eq!(node.status(Method::GET, "/users/me", token, None).await, 200);
        assert_eq!(node.status(Method::GET, "/auth/check", token, None).await, 200);
    }
}

/// Whether `node`'s list for `token`'s user holds every session `other` lists.
async fn lists_all_of(node: &Node, token: &str, other: &Node) -> bool {
    let theirs = other.get_json("/users/me/sessions", token).await;
    let ours = node.get_json("/users/me/sessions", token).await;
    let ours: Vec<&str> = ours.as_array().unwrap().iter().filter_map(|s| s["id"].as_str()).collect();
    theirs.as_array().unwrap().iter().filter_map(|s| s["id"].as_str()).all(|id| ours.contains(&id))
}

#[tokio::test]
async fn revocations_by_the_admin_cli_reach_a_running_server_at_once() {
    let (_dir, db, node) = sqlite_node().await;
    let (db, node) = (&db, &node);
    never_stale("CLI session revoke", |_| async {
        let token = cli(db, &["session", "create", "--user", "alice"]);
        warm(node, &token).await;
        // Alice's only session (the loop revokes the rest each time).
        let id = cli(db, &["session", "list", "--user", "alice"])
            .lines()
            .next()
            .unwrap()
            .split('\t')
            .next()
            .unwrap()
            .to_owned();
        cli(db, &["session", "revoke", "--id", &id]);
        let stale = node.token_works(&token).await;
        cli(db, &["session", "revoke-all", "--user", "alice"]);
        stale
    })
    .await;
    never_stale("CLI session revoke-all", |_| async {
        let token = cli(db, &["session", "create", "--user", "alice"]);
        warm(node, &token).await;
        cli(db, &["session", "revoke-all", "--user", "alice"]);
        node.token_works(&token).await
    })
    .await;
}

#[tokio::test]
async fn user_changes_by_the_admin_cli_reach_a_running_server_at_once() {
    let (_dir, db, node) = sqlite_node().await;
    let (db, node) = (&db, &node);
    never_stale("CLI user deactivate", |_| async {
        let token = cli(db, &["session", "create", "--user", "alice"]);
        warm(node, &token).await;
        cli(db, &["user", "deactivate", "--user", "alice"]);
        let stale = node.token_works(&token).await;
        cli(db, &["user", "activate", "--user", "alice"]);
        stale
    })
    .await;
    never_stale("CLI user set-roles", |i| async move {
        let token = cli(db, &["session", "create", "--user", "alice"]);
        warm(node, &token).await;
        let roles = if i % 2 == 0 { "system_user system_user_manager" } else { "system_user" };
        let mut args = vec!["user", "set-roles", "--user", "alice"];
        roles.split(' ').for_each(|role| args.extend(["--role", role]));
        cli(db, &args);
        let stale = node.get_json("/users/me", &token).await["roles"] != roles;
        cli(db, &["session", "revoke-all", "--user", "alice"]);
        stale
    })
    .await;
}

#[tokio::test]
async fn a_password_set_by_the_admin_cli_ends_sessions_on_a_running_server_at_once() {
    let (_dir, db, node) = sqlite_node().await;
    let (db, node) = (&db, &node);
    never_stale("CLI user set-password", |i| async move {
        let token = cli(db, &["session", "create", "--user", "alice"]);
        warm(node, &token).await;
        let password = format!("{PASSWORD} {i}");
        cli(db, &["user", "set-password", "--user", "alice", "--password", &password]);
        node.token_works(&token).await
    })
    .await;
}

#[tokio::test]
async fn a_session_created_by_the_admin_cli_is_listed_at_once() {
    let (_dir, db, node) = sqlite_node().await;
    let (db, node) = (&db, &node);
    let keeper = cli(db, &["session", "create", "--user", "alice", "--days", "0"]);
    never_stale("CLI session create", |_| async {
        warm(node, &keeper).await;
        let before = node.get_json("/users/me/sessions", &keeper).await.as_array().unwrap().len();
        let _new = cli(db, &["session", "create", "--user", "alice"]);
        node.get_json("/users/me/sessions", &keeper).await.as_array().unwrap().len() != before + 1
    })
    .await;
}

#[tokio::test]
async fn an_outside_sqlite_connection_is_seen_at_once() {
    let (_dir, db, node) = sqlite_node().await;
    let (db, node) = (&db, &node);
    // As an `sqlite3` shell would: plain SQL on the same file, from another connection.
    let shell = rusqlite::Connection::open(db).unwrap();
    shell.busy_timeout(std::time::Duration::from_secs(5)).unwrap();
    let shell = &shell;
    never_stale("DELETE FROM sessions in another connection", |_| async {
        let token = cli(db, &["session", "create", "--user", "alice"]);
        warm(node, &token).await;
        shell.execute("DELETE FROM sessions", []).unwrap();
        node.token_works(&token).await
    })
    .await;
    never_stale("UPDATE sessions SET expires_at in another connection", |_| async {
        let token = cli(db, &["session", "create", "--user", "alice"]);
        warm(node, &token).await;
        shell.execute("UPDATE sessions SET expires_at = 1", []).unwrap();
        node.token_works(&token).await
    })
    .await;
}

/// Two nodes on one database: a revocation on one is refused on the other at once, and a
/// login on one is listed on the other at once.
async fn two_nodes_never_stale(database: &str) {
    let a = Node::start(database).await;
    let b = Node::start(database).await;
    let (a, b) = (&a, &b);
    let keeper = a.login("alice", PASSWORD).await;
    let keeper = &keeper;
    never_stale("logout on another node", |_| async {
        let token = a.login("alice", PASSWORD).await;
        warm(b, &token).await;
        assert_eq!(a.status(Method::POST, "/users/logout", &token, None).await, 200);
        b.token_works(&token).await
    })
    .await;
    never_stale("revoke on another node", |_| async {
        let token = a.login("alice", PASSWORD).await;
        warm(b, &token).await;
        warm(b, keeper).await;
        let sessions = a.get_json("/users/me/sessions", &token).await;
        let newest = sessions.as_array().unwrap().iter().max_by_key(|s| s["create_at"].as_i64()).unwrap();
        let body = json!({"session_id": newest["id"]});
        assert_eq!(a.status(Method::POST, "/users/me/sessions/revoke", keeper, Some(body)).await, 200);
        b.token_works(&token).await
    })
    .await;
    never_stale("login on another node", |_| async {
        warm(b, keeper).await;
        let token = a.login("alice", PASSWORD).await;
        let stale = !lists_all_of(b, keeper, a).await;
        assert_eq!(a.status(Method::POST, "/users/logout", &token, None).await, 200);
        stale
    })
    .await;
    never_stale("revoke all on another node", |_| async {
        let (old, caller) = (a.login("alice", PASSWORD).await, a.login("alice", PASSWORD).await);
        warm(b, &old).await;
        assert_eq!(a.status(Method::POST, "/users/me/sessions/revoke/all", &caller, None).await, 200);
        b.token_works(&old).await
    })
    .await;
    never_stale("password change on another node", |i| async move {
        let (current, new) = if i % 2 == 0 { (PASSWORD, "another password") } else { ("another password", PASSWORD) };
        let (old, caller) = (a.login("alice", current).await, a.login("alice", current).await);
        warm(b, &old).await;
        let body = json!({"current_password": current, "new_password": new});
        assert_eq!(
            a.client
                .put(format!("{}/users/me/password", a.base))
                .bearer_auth(&caller)
                .json(&body)
                .send()
                .await
                .unwrap()
                .status(),
            200
        );
        let stale = b.token_works(&old).await;
        assert_eq!(a.status(Method::POST, "/users/logout", &caller, None).await, 200);
        stale
    })
    .await;
}

#[tokio::test]
async fn two_nodes_on_one_sqlite_file_never_answer_stale() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("sessions.db").to_str().unwrap().to_owned();
    create_alice(&db);
    two_nodes_never_stale(&db).await;
}

#[tokio::test]
async fn two_nodes_on_one_postgres_database_never_answer_stale() {
    let schema = crate::pg::schema().await;
    create_alice(&schema.url);
    two_nodes_never_stale(&schema.url).await;
}

/// A demotion by the admin CLI reaches every node serving `database` on the very next request:
/// the demoted administrator's open sessions (warm in each node's cache, where it has one) get
/// 403 on an admin operation.
async fn a_demotion_by_the_cli_reaches_every_node(database: &str) {
    // Two admins: demoting one is not demoting the last.
    for admin in ["root", "another-admin"] {
        let email = format!("{admin}@example.com");
        let args = ["user", "create", "--username", admin, "--email", &email, "--password", PASSWORD];
        cli(database, &[&args[..], &["--role", "system_user", "--role", "system_admin"]].concat());
    }
    let a = Node::start(database).await;
    let b = Node::start(database).await;
    let (a, b) = (&a, &b);
    let alice = a.login("alice", PASSWORD).await;
    let alice_id = a.get_json("/users/me", &alice).await["id"].as_str().unwrap().to_owned();
    let others = format!("/users/{alice_id}/sessions");
    never_stale("CLI user set-roles demoting an admin", |i| {
        let others = others.clone();
        async move {
            let token = a.login("root", PASSWORD).await;
            let admin_check = "/auth/check?role=system_admin";
            for node in [a, b] {
                assert_eq!(node.status(Method::GET, &others, &token, None).await, 200);
                for _ in 0..2 {
                    assert_eq!(node.status(Method::GET, admin_check, &token, None).await, 200);
                }
            }
            cli(database, &["user", "set-roles", "--user", "root", "--role", "system_user"]);
            let node = if i % 2 == 0 { a } else { b };
            let stale = node.status(Method::GET, &others, &token, None).await != 403
                || node.status(Method::POST, "/users/sessions/revoke/all", &token, None).await != 403
                || node.status(Method::GET, admin_check, &token, None).await != 403;
            cli(database, &["user", "set-roles", "--user", "root", "--role", "system_user", "--role", "system_admin"]);
            stale
        }
    })
    .await;
}

#[tokio::test]
async fn a_demotion_by_the_cli_reaches_every_node_on_one_sqlite_file() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("sessions.db").to_str().unwrap().to_owned();
    create_alice(&db);
    a_demotion_by_the_cli_reaches_every_node(&db).await;
}

#[tokio::test]
async fn a_demotion_by_the_cli_reaches_every_node_on_one_postgres_database() {
    let schema = crate::pg::schema().await;
    create_alice(&schema.url);
    a_demotion_by_the_cli_reaches_every_node(&schema.url).await;
}
