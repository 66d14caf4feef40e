//! Personal access tokens and role changes across processes and nodes: the admin CLI on the same
//! SQLite file while a server runs, and two server processes on one database (SQLite or
//! PostgreSQL). A token revoked or disabled anywhere, or a demotion made anywhere, is refused on
//! every node on the very next request (`session_cache::TRIES` times, none stale).

use reqwest::Method;
use serde_json::json;

use crate::process::{cli, Node};
use crate::session_cache::never_stale;

const PASSWORD: &str = "correct horse battery";
const TOKENS_ON: (&str, &str) = ("MM_SERVICESETTINGS_ENABLEUSERACCESSTOKENS", "true");

/// alice (who may make tokens) and an admin, made by the CLI on `database`.
fn create_users(database: &str) {
    for (name, role) in [("alice", "system_user_access_token"), ("root", "system_admin")] {
        let email = format!("{name}@example.com");
        let args = ["user", "create", "--username", name, "--email", &email, "--password", PASSWORD];
        cli(database, &[&args[..], &["--role", "system_user", "--role", role]].concat());
    }
}

/// The CLI with tokens on.
fn token_cli(database: &str, args: &[&str]) -> String {
    let out = std::process::Command::new(crate::process::BIN)
        .args(["--database", database])
        .args(args)
        .env(TOKENS_ON.0, TOKENS_ON.1)
        .output()
        .expect("CLI runs");
    assert!(out.status.success(), "mm-sessions {args:?} failed: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).unwrap().trim().to_owned()
}

async fn node(database: &str) -> Node {
    Node::with(database).env(TOKENS_ON.0, TOKENS_ON.1).start().await
}

/// The id of the token whose secret is `secret`, as `token list` shows it (its newest).
fn newest_token_id(database: &str) -> String {
    let list = token_cli(database, &["token", "list", "--user", "alice"]);
    list.lines().last().unwrap().split('\t').next().unwrap().to_owned()
}

async fn tokens_changed_anywhere_are_refused_everywhere(database: &str) {
    create_users(database);
    let a = node(database).await;
    let b = node(database).await;
    let (a, b) = (&a, &b);
    let admin = a.login("root", PASSWORD).await;
    let admin = &admin;
    never_stale("CLI token revoke while nodes run", |_| async {
        let secret = token_cli(database, &["token", "create", "--user", "alice", "--description", "ci"]);
        let id = newest_token_id(database);
        assert!(a.token_works(&secret).await && b.token_works(&secret).await);
        token_cli(database, &["token", "revoke", "--id", &id]);
        a.token_works(&secret).await || b.token_works(&secret).await
    })
    .await;
    never_stale("disable on one node, enable on the other", |i| async move {
        let secret = token_cli(database, &["token", "create", "--user", "alice", "--description", "ci"]);
        let id = newest_token_id(database);
        let (here, there) = if i % 2 == 0 { (a, b) } else { (b, a) };
        assert!(there.token_works(&secret).await);
        let body = json!({"token_id": id});
        assert_eq!(here.status(Method::POST, "/users/tokens/disable", admin, Some(body.clone())).await, 200);
        let stale = there.token_works(&secret).await;
        assert_eq!(there.status(Method::POST, "/users/tokens/enable", admin, Some(body.clone())).await, 200);
        let enabled = here.token_works(&secret).await;
        assert_eq!(here.status(Method::POST, "/users/tokens/revoke", admin, Some(body)).await, 200);
        stale || !enabled || there.token_works(&secret).await
    })
    .await;
}

async fn a_role_change_by_api_reaches_the_other_node(database: &str) {
    create_users(database);
    let a = node(database).await;
    let b = node(database).await;
    let (a, b) = (&a, &b);
    let admin = a.login("root", PASSWORD).await;
    let alice_id = a.get_json("/users/me", &a.login("alice", PASSWORD).await).await["id"].as_str().unwrap().to_owned();
    let (admin, alice_id) = (&admin, &alice_id);
    never_stale("PUT roles on one node, a token of alice's on the other", |i| async move {
        let secret = token_cli(database, &["token", "create", "--user", "alice", "--description", "ci"]);
        assert_eq!(b.status(Method::GET, "/users/me/tokens", &secret, None).await, 200, "alice may read tokens");
        let path = format!("/users/{alice_id}/roles");
        let demoted = json!({"roles": "system_user"});
        assert_eq!(a.status(Method::PUT, &path, admin, Some(demoted)).await, 200);
        let (node, other) = if i % 2 == 0 { (b, a) } else { (a, b) };
        let stale = node.status(Method::GET, "/users/me/tokens", &secret, None).await != 403
            || other.status(Method::GET, "/users/me/tokens", &secret, None).await != 403;
        let restored = json!({"roles": "system_user system_user_access_token"});
        assert_eq!(a.status(Method::PUT, &path, admin, Some(restored)).await, 200);
        stale
    })
    .await;
}

#[tokio::test]
async fn tokens_changed_anywhere_are_refused_everywhere_on_one_sqlite_file() {
    let dir = tempfile::tempdir().unwrap();
    tokens_changed_anywhere_are_refused_everywhere(dir.path().join("s.db").to_str().unwrap()).await;
}

#[tokio::test]
async fn tokens_changed_anywhere_are_refused_everywhere_on_one_postgres_database() {
    let schema = crate::pg::schema().await;
    tokens_changed_anywhere_are_refused_everywhere(&schema.url).await;
}

#[tokio::test]
async fn a_role_change_by_api_reaches_the_other_node_on_one_sqlite_file() {
    let dir = tempfile::tempdir().unwrap();
    a_role_change_by_api_reaches_the_other_node(dir.path().join("s.db").to_str().unwrap()).await;
}

#[tokio::test]
async fn a_role_change_by_api_reaches_the_other_node_on_one_postgres_database() {
    let schema = crate::pg::schema().await;
    a_role_change_by_api_reaches_the_other_node(&schema.url).await;
}

/// A node with tokens off refuses the session a token opened on a node with them on (as
/// Mattermost refuses existing token sessions once the setting is off).
#[tokio::test]
async fn a_node_with_tokens_off_refuses_token_sessions() {
    let dir = tempfile::tempdir().unwrap();
    let database = dir.path().join("s.db");
    let database = database.to_str().unwrap();
    create_users(database);
    let on = node(database).await;
    let off = Node::start(database).await;
    let secret = token_cli(database, &["token", "create", "--user", "alice", "--description", "ci"]);
    assert!(on.token_works(&secret).await);
    assert!(!off.token_works(&secret).await);
    assert!(on.token_works(&secret).await, "refused there, not ended");
}

/// Two nodes making the same token's first session at once (the token hash is unique): both
/// answer 200, and one session stands.
async fn a_tokens_first_use_on_two_nodes_at_once(database: &str) {
    create_users(database);
    let a = node(database).await;
    let b = node(database).await;
    let alice = a.login("alice", PASSWORD).await;
    for _ in 0..20 {
        let secret = token_cli(database, &["token", "create", "--user", "alice", "--description", "ci"]);
        let (x, y) = tokio::join!(
            a.status(Method::GET, "/users/me", &secret, None),
            b.status(Method::GET, "/users/me", &secret, None)
        );
        assert_eq!((x, y), (200, 200), "no 500 for the one that lost the insert");
        let sessions = a.get_json("/users/me/sessions", &alice).await;
        let opened = sessions.as_array().unwrap().iter().filter(|s| s["props"]["type"] == "UserAccessToken").count();
        let id = newest_token_id(database);
        token_cli(database, &["token", "revoke", "--id", &id]);
        assert_eq!(opened, 1, "one session for the token");
    }
}

#[tokio::test]
async fn a_tokens_first_use_on_two_nodes_at_once_on_one_sqlite_file() {
    let dir = tempfile::tempdir().unwrap();
    a_tokens_first_use_on_two_nodes_at_once(dir.path().join("s.db").to_str().unwrap()).await;
}

#[tokio::test]
async fn a_tokens_first_use_on_two_nodes_at_once_on_one_postgres_database() {
    let schema = crate::pg::schema().await;
    a_tokens_first_use_on_two_nodes_at_once(&schema.url).await;
}
