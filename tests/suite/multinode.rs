//! Several real server processes on one PostgreSQL database: a token works on every node, a
//! revocation through any node holds on all of them at once, a revoke-all racing logins on
//! another node leaves no session created before it, and killing a node loses nothing it
//! acknowledged. Skipped (loudly) without `MM_SESSIONS_TEST_POSTGRES`.

use std::time::Instant;

use reqwest::Method;
use serde_json::json;

use crate::process::{cli, Node};

const PASSWORD: &str = "correct horse battery";

#[tokio::test]
async fn two_nodes_agree_on_logins_and_revocations() {
    let schema = crate::pg::schema().await;
    let a = Node::start(&schema.url).await;
    let b = Node::start(&schema.url).await;
    cli(
        &schema.url,
        &["user", "create", "--username", "alice", "--email", "alice@example.com", "--password", PASSWORD],
    );

    // Log in on A, use the token on B.
    let token = a.login("alice", PASSWORD).await;
    assert!(b.token_works(&token).await);
    // Revoke it on B (by id): A refuses it on its very next request.
    let sessions = b.get_json("/users/me/sessions", &token).await;
    let id = sessions[0]["id"].as_str().unwrap().to_owned();
    let keeper = b.login("alice", PASSWORD).await;
    assert_eq!(
        b.status(Method::POST, "/users/me/sessions/revoke", &keeper, Some(json!({"session_id": id}))).await,
        200
    );
    assert!(!a.token_works(&token).await, "revoked on B, refused on A");
    assert!(a.token_works(&keeper).await);
    // Logout on A: refused on B.
    assert_eq!(a.status(Method::POST, "/users/logout", &keeper, None).await, 200);
    assert!(!b.token_works(&keeper).await);
}

#[tokio::test]
async fn revoke_all_on_one_node_beats_logins_racing_on_another() {
    let schema = crate::pg::schema().await;
    let a = Node::start(&schema.url).await;
    let b = Node::start(&schema.url).await;
    cli(
        &schema.url,
        &["user", "create", "--username", "alice", "--email", "alice@example.com", "--password", PASSWORD],
    );
    let admin_token = a.login("alice", PASSWORD).await;

    // Logins on B, each recorded with the moment it was acknowledged.
    let racer = {
        let b_base = b.base.clone();
        tokio::spawn(async move {
            let client = reqwest::Client::new();
            let mut acknowledged = Vec::new();
            for _ in 0..40 {
                let response = client
                    .post(format!("{b_base}/users/login"))
                    .json(&json!({"login_id": "alice", "password": PASSWORD}))
                    .send()
                    .await
                    .unwrap();
                assert_eq!(response.status().as_u16(), 200);
                acknowledged.push((Instant::now(), response.headers()["token"].to_str().unwrap().to_owned()));
            }
            acknowledged
        })
    };
    tokio::time::sleep(std::time::Duration::from_millis(300)).await;
    let sent = Instant::now();
    assert_eq!(a.status(Method::POST, "/users/me/sessions/revoke/all", &admin_token, None).await, 200);
    let logins = racer.await.unwrap();

    let before: Vec<&String> = logins.iter().filter(|(at, _)| *at < sent).map(|(_, t)| t).collect();
    assert!(!before.is_empty(), "some logins were acknowledged before the revoke-all");
    for token in before {
        assert!(
            !a.token_works(token).await && !b.token_works(token).await,
            "a session from before the revoke-all survived"
        );
    }
    assert!(!a.token_works(&admin_token).await);
}

#[tokio::test]
async fn killing_a_node_loses_nothing_it_acknowledged() {
    let schema = crate::pg::schema().await;
    let a = Node::start(&schema.url).await;
    let b = Node::start(&schema.url).await;
    cli(
        &schema.url,
        &["user", "create", "--username", "alice", "--email", "alice@example.com", "--password", PASSWORD],
    );
    let kept = b.login("alice", PASSWORD).await;
    let revoked = b.login("alice", PASSWORD).await;
    assert_eq!(b.status(Method::POST, "/users/logout", &revoked, None).await, 200);
    b.kill();
    assert!(a.token_works(&kept).await, "a login B acknowledged survives B's death");
    assert!(!a.token_works(&revoked).await, "a logout B acknowledged survives B's death");
}

#[tokio::test]
async fn a_password_change_or_a_deactivation_on_one_node_ends_sessions_on_the_other() {
    let schema = crate::pg::schema().await;
    let a = Node::start(&schema.url).await;
    let b = Node::start(&schema.url).await;
    for (name, roles) in [("alice", &[][..]), ("admin", &["--role", "system_user", "--role", "system_admin"][..])] {
        let email = format!("{name}@example.com");
        cli(
            &schema.url,
            &[&["user", "create", "--username", name, "--email", &email, "--password", PASSWORD][..], roles].concat(),
        );
    }
    let put = |node: &Node, path: &str, token: &str, body: serde_json::Value| {
        let request = node.client.put(format!("{}{path}", node.base)).bearer_auth(token).json(&body);
        async move { request.send().await.unwrap().status().as_u16() }
    };

    // A password change on A: alice's other session, used on B, is refused at once.
    let changer = a.login("alice", PASSWORD).await;
    let elsewhere = b.login("alice", PASSWORD).await;
    assert!(b.token_works(&elsewhere).await);
    let body = serde_json::json!({"current_password": PASSWORD, "new_password": "a new password"});
    assert_eq!(put(&a, "/users/me/password", &changer, body).await, 200);
    assert!(!b.token_works(&elsewhere).await, "B refuses the ended session on its next request");
    assert!(b.token_works(&changer).await, "the changer's own session works on B too");

    // A deactivation on B: alice's session, used on A, is refused at once, and A refuses her login.
    let admin = b.login("admin", PASSWORD).await;
    let me = a.get_json("/users/me", &changer).await;
    let path = format!("/users/{}/active", me["id"].as_str().unwrap());
    assert_eq!(put(&b, &path, &admin, serde_json::json!({"active": false})).await, 200);
    assert!(!a.token_works(&changer).await);
    let login = a
        .client
        .post(format!("{}/users/login", a.base))
        .json(&serde_json::json!({"login_id": "alice", "password": "a new password"}))
        .send()
        .await
        .unwrap();
    assert_eq!(login.status().as_u16(), 401);
    a.stop();
    b.stop();
}
