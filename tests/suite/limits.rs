//! Limits a hostile client meets: slow headers are cut off, giant headers refused. (Slow bodies,
//! idle connections and the connection cap: `slow_clients.rs`; body size and login rates:
//! `errors.rs`, `login.rs`.)

use std::time::{Duration, Instant};

use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

use crate::helpers::*;

/// Sends a header byte every 50 ms (bytes keep coming, the head never ends) until the server
/// closes the connection, or 5 s; how long that took.
async fn trickle_until_closed(stream: &mut TcpStream) -> Duration {
    let started = Instant::now();
    let mut buf = [0u8; 1024];
    while started.elapsed() < Duration::from_secs(5) {
        if stream.write_all(b"X").await.is_err() {
            break;
        }
        let read = tokio::time::timeout(Duration::from_millis(50), stream.read(&mut buf)).await;
        if matches!(read, Ok(Ok(0) | Err(_))) {
            break;
        }
    }
    started.elapsed()
}

#[tokio::test]
async fn a_client_that_sends_its_headers_too_slowly_is_cut_off() {
    let app = spawn_app_with(Backend::Memory, |c| c.connections.header_read_timeout = Duration::from_millis(300)).await;
    let mut slow = TcpStream::connect(app.addr()).await.unwrap();
    slow.write_all(b"GET /api/v4/system/ping HTTP/1.1\r\nHost: x\r\n").await.unwrap();
    let cut_off_after = trickle_until_closed(&mut slow).await;
    assert!(cut_off_after < Duration::from_secs(2), "within the header timeout, not much later");
    assert_eq!(app.get("/system/ping").await.status, 200);
    let metrics = app.metrics().await;
    assert!(metrics.contains(r#"mm_sessions_connections_closed_total{reason="header_timeout"} 1"#), "{metrics}");
}

/// The head's deadline runs from its first byte: a keep-alive connection waiting for its next
/// request has the idle timeout, however short the head's (as Mattermost's `IdleTimeout`).
#[tokio::test]
async fn an_idle_keep_alive_connection_outlives_the_header_timeout() {
    let app = spawn_app_with(Backend::Memory, |c| {
        c.connections.header_read_timeout = Duration::from_millis(200);
        c.connections.idle_timeout = Duration::from_secs(30);
    })
    .await;
    let mut kept = TcpStream::connect(app.addr()).await.unwrap();
    let mut buf = [0u8; 4096];
    for round in 0..2 {
        // Silent for several head timeouts, before the first request and between the two.
        tokio::time::sleep(Duration::from_millis(800)).await;
        kept.write_all(b"GET /api/v4/system/ping HTTP/1.1\r\nHost: x\r\n\r\n").await.unwrap();
        let n = tokio::time::timeout(Duration::from_secs(5), kept.read(&mut buf)).await.unwrap().unwrap();
        assert!(String::from_utf8_lossy(&buf[..n]).starts_with("HTTP/1.1 200"), "round {round}: {n} bytes");
    }
}

/// The head's deadline ends once the head is in: a body may take longer, within its own limits
/// (`slow_clients.rs`), and the next head on the same connection has the deadline again.
#[tokio::test]
async fn a_body_may_take_longer_than_the_header_timeout_and_the_next_head_has_it_again() {
    let app = spawn_app_with(Backend::Memory, |c| c.connections.header_read_timeout = Duration::from_millis(200)).await;
    let body = br#"{"login_id": "nobody", "password": "not a password"}"#;
    let mut client = TcpStream::connect(app.addr()).await.unwrap();
    let head = format!(
        "POST /api/v4/users/login HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: {}\r\n\r\n",
        body.len()
    );
    client.write_all(head.as_bytes()).await.unwrap();
    // The body in three parts over 600 ms: three times the head's deadline.
    for part in body.chunks(body.len().div_ceil(3)) {
        tokio::time::sleep(Duration::from_millis(200)).await;
        client.write_all(part).await.unwrap();
    }
    let mut buf = [0u8; 4096];
    let n = tokio::time::timeout(Duration::from_secs(5), client.read(&mut buf)).await.unwrap().unwrap();
    let answer = String::from_utf8_lossy(&buf[..n]);
    assert!(answer.starts_with("HTTP/1.1 401"), "answered, not cut off: {answer}");
    // The next head, trickled on the same connection, is cut off.
    client.write_all(b"GET /api/v4/system/ping HTTP/1.1\r\n").await.unwrap();
    assert!(trickle_until_closed(&mut client).await < Duration::from_secs(2), "the next head has the deadline again");
    let metrics = app.metrics().await;
    assert!(metrics.contains(r#"mm_sessions_connections_closed_total{reason="header_timeout"} 1"#), "{metrics}");
}

#[tokio::test]
async fn giant_headers_are_refused_and_the_server_carries_on() {
    let app = spawn_app(Backend::Memory).await;
    let response =
        app.client.get(app.url("/system/ping")).header("X-Padding", "a".repeat(32 * 1024)).send().await.unwrap();
    assert_eq!(response.status().as_u16(), 431);
    assert_eq!(app.get("/system/ping").await.status, 200);
}
