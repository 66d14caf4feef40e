//! Slow and stalled clients cannot lock others out: a request must arrive in time (408), idle
//! connections close, and at the connection cap a new client gets in by displacing the
//! connection that has waited longest for its request — never one being answered. The main
//! attack runs against the real binary; the metrics listener has a cap of its own; a process
//! out of file descriptors backs off quietly.

use std::time::{Duration, Instant};

use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

use crate::helpers::*;
use crate::process::Node;

/// A request head announcing a 100-byte body, and the body's first byte.
const SLOW_BODY: &[u8] =
    b"POST /api/v4/users/login HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{";

/// Whether the server has closed `stream` (within `wait`).
async fn closed_by_server(stream: &mut TcpStream, wait: Duration) -> bool {
    let mut buf = [0u8; 4096];
    let deadline = Instant::now() + wait;
    loop {
        match tokio::time::timeout_at(deadline.into(), stream.read(&mut buf)).await {
            Ok(Ok(0)) | Ok(Err(_)) => return true,
            Ok(Ok(_)) => continue, // an answer first (a 408), then the close
            Err(_) => return false,
        }
    }
}

/// A client that makes a new connection for every request.
fn fresh_client() -> reqwest::Client {
    reqwest::Client::builder().pool_max_idle_per_host(0).timeout(Duration::from_secs(1)).build().unwrap()
}

#[tokio::test]
async fn a_body_that_does_not_arrive_in_time_gets_408_and_the_connection_closes() {
    let app = spawn_app_with(Backend::Memory, |c| {
        c.requests.body_grace = Duration::from_millis(300);
        c.requests.read_timeout = Duration::from_secs(2);
    })
    .await;
    // Head and one byte, then nothing.
    let mut stalled = TcpStream::connect(app.addr()).await.unwrap();
    stalled.write_all(SLOW_BODY).await.unwrap();
    let started = Instant::now();
    let mut answer = Vec::new();
    tokio::time::timeout(Duration::from_secs(5), stalled.read_to_end(&mut answer)).await.unwrap().unwrap();
    let answer = String::from_utf8_lossy(&answer);
    assert!(answer.starts_with("HTTP/1.1 408"), "{answer}");
    assert!(answer.contains("api.context.request_timeout.app_error"), "{answer}");
    assert!(answer.to_ascii_lowercase().contains("connection: close"), "{answer}");
    assert!(started.elapsed() < Duration::from_secs(2), "the minimum rate, not the read timeout, ended it");

    // A byte every 100 ms: under the minimum rate (240 bytes/s) once the grace is over.
    let mut trickle = TcpStream::connect(app.addr()).await.unwrap();
    trickle.write_all(SLOW_BODY).await.unwrap();
    let started = Instant::now();
    let mut cut_off = false;
    while started.elapsed() < Duration::from_secs(3) {
        tokio::time::sleep(Duration::from_millis(100)).await;
        if trickle.write_all(b" ").await.is_err() || closed_by_server(&mut trickle, Duration::from_millis(1)).await {
            cut_off = true;
            break;
        }
    }
    assert!(cut_off, "a trickling body must not hold its connection");
    let metrics = app.metrics().await;
    assert!(metrics.contains(r#"mm_sessions_connections_closed_total{reason="request_timeout"}"#), "{metrics}");
    // A whole body sent at once is unaffected.
    assert_eq!(app.post("/users/login").json(serde_json::json!({"login_id": "x", "password": "y"})).await.status, 401);
}

#[tokio::test]
async fn idle_connections_are_closed() {
    let app = spawn_app_with(Backend::Memory, |c| c.connections.idle_timeout = Duration::from_millis(300)).await;
    let mut silent = TcpStream::connect(app.addr()).await.unwrap();
    let mut kept_alive = TcpStream::connect(app.addr()).await.unwrap();
    kept_alive.write_all(b"GET /api/v4/system/ping HTTP/1.1\r\nHost: x\r\n\r\n").await.unwrap();
    let mut buf = [0u8; 1024];
    let n = kept_alive.read(&mut buf).await.unwrap();
    assert!(String::from_utf8_lossy(&buf[..n]).starts_with("HTTP/1.1 200"));
    assert!(closed_by_server(&mut silent, Duration::from_secs(3)).await, "a connection that never sends is closed");
    assert!(closed_by_server(&mut kept_alive, Duration::from_secs(3)).await, "an idle keep-alive connection is closed");
}

#[tokio::test]
async fn at_the_cap_a_new_client_displaces_the_longest_waiting_never_one_being_answered() {
    let app = spawn_app_with(Backend::Memory, |c| c.connections.max_connections = std::num::NonZeroUsize::MIN).await;
    // One connection holds the only place, sending nothing: a new client displaces it.
    let mut held = TcpStream::connect(app.addr()).await.unwrap();
    tokio::time::sleep(Duration::from_millis(100)).await;
    let reply = fresh_client().get(app.url("/system/ping")).send().await.expect("the new client is served");
    assert_eq!(reply.status(), 200);
    assert!(closed_by_server(&mut held, Duration::from_secs(2)).await, "the waiting connection made room");

    // A request being answered keeps its place: a login (a password hash takes a while).
    app.user_with_password("alice", &[], "alice password").await;
    let login = {
        let url = app.url("/users/login");
        tokio::spawn(async move {
            reqwest::Client::new()
                .post(url)
                .json(&serde_json::json!({"login_id": "alice", "password": "wrong password"}))
                .send()
                .await
                .map(|r| r.status().as_u16())
        })
    };
    tokio::time::sleep(Duration::from_millis(20)).await;
    let patient =
        reqwest::Client::builder().pool_max_idle_per_host(0).timeout(Duration::from_secs(10)).build().unwrap();
    assert_eq!(patient.get(app.url("/system/ping")).send().await.unwrap().status(), 200);
    assert_eq!(login.await.unwrap().expect("the login was answered, not cut off"), 401);
}

#[tokio::test]
async fn slow_bodies_beyond_the_cap_from_one_address_do_not_lock_out_a_new_client() {
    // The real binary with a small cap, and more stalled connections than the cap, all from
    // 127.0.0.1 like the client that pings throughout.
    const CAP: usize = 20;
    let node = Node::with("memory").flags(&["--max-connections", &CAP.to_string()]).start().await;
    let mut attackers = Vec::new();
    let mut answered = 0;
    let mut slowest = Duration::ZERO;
    for round in 0..12 {
        for _ in 0..5 {
            if let Ok(mut stream) = TcpStream::connect(node.addr()).await {
                if stream.write_all(SLOW_BODY).await.is_ok() {
                    attackers.push(stream);
                }
            }
        }
        let started = Instant::now();
        let ping = fresh_client().get(format!("{}/system/ping", node.base)).send().await;
        let took = started.elapsed();
        assert!(
            ping.as_ref().is_ok_and(|r| r.status() == 200),
            "round {round}: ping not answered within a second ({took:?}) with {} slow connections open: {ping:?}",
            attackers.len()
        );
        answered += 1;
        slowest = slowest.max(took);
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    let mut held = 0;
    for stream in &mut attackers {
        if !closed_by_server(stream, Duration::from_millis(1)).await {
            held += 1;
        }
    }
    eprintln!(
        "slow-body attack: {} connections opened, {held} still held (cap {CAP}); {answered}/12 pings answered, slowest {slowest:?}",
        attackers.len()
    );
    assert!(held <= CAP, "the server holds at most its cap: {held}");
    node.stop();
}

#[tokio::test]
async fn the_metrics_listener_has_a_small_cap_of_its_own() {
    let app = spawn_app_with(Backend::Memory, |c| c.metrics_listen = Some("127.0.0.1:0".parse().unwrap())).await;
    let metrics = app.metrics_base.clone().unwrap();
    let metrics_addr = metrics.trim_start_matches("http://").to_string();
    let mut idle = Vec::new();
    for _ in 0..30 {
        idle.push(TcpStream::connect(&metrics_addr).await.unwrap());
    }
    tokio::time::sleep(Duration::from_millis(200)).await;
    let mut open = 0;
    for stream in &mut idle {
        if !closed_by_server(stream, Duration::from_millis(1)).await {
            open += 1;
        }
    }
    assert!(open <= 8, "the metrics listener holds {open} idle connections");
    // Scrapes still get in, and the API is untouched.
    let text = fresh_client().get(format!("{metrics}/metrics")).send().await.unwrap().text().await.unwrap();
    assert!(text.contains(r#"mm_sessions_connections_closed_total{reason="cap"}"#), "{text}");
    assert_eq!(app.get("/system/ping").await.status, 200);
}

#[tokio::test]
async fn under_a_low_open_files_limit_the_cap_fits_it_and_new_clients_still_get_in() {
    let dir = tempfile::tempdir().unwrap();
    let log = dir.path().join("server.log");
    let port = std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
    // 64 descriptors in all (soft and hard), against the default cap of 1024.
    let mut child = std::process::Command::new("bash")
        .args([
            "-c",
            &format!("ulimit -n 64 && exec {} --database memory --listen 127.0.0.1:{port}", crate::process::BIN),
        ])
        .env("RUST_LOG", "warn")
        .stderr(std::fs::File::create(&log).unwrap())
        .spawn()
        .unwrap();
    let base = format!("http://127.0.0.1:{port}/api/v4");
    let deadline = Instant::now() + Duration::from_secs(60);
    while reqwest::get(format!("{base}/system/ping")).await.is_err() {
        assert!(Instant::now() < deadline, "the server did not come up");
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    // More idle connections than the process has descriptors for; pings get in throughout.
    let mut hogs = Vec::new();
    for round in 0..10 {
        for _ in 0..10 {
            if let Ok(Ok(stream)) =
                tokio::time::timeout(Duration::from_millis(200), TcpStream::connect(format!("127.0.0.1:{port}"))).await
            {
                hogs.push(stream);
            }
        }
        let ping = fresh_client().get(format!("{base}/system/ping")).send().await;
        assert!(ping.is_ok_and(|r| r.status() == 200), "round {round}: no answer with {} idle connections", hogs.len());
    }
    child.kill().unwrap();
    child.wait().unwrap();
    let text = std::fs::read_to_string(&log).unwrap();
    assert!(text.contains("the connection cap is lowered"), "{text}");
    assert!(text.matches("accept failed").count() <= 2, "accept failures flooded the log:\n{text}");
}
