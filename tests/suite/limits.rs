//! Limits a hostile client meets: slow headers are cut off, giant headers refused. (Slow bodies,
//! idle connections and the connection cap: `slow_clients.rs`; body size and login rates:
//! `errors.rs`, `login.rs`.)

use std::time::{Duration, Instant};

use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

use crate::helpers::*;

fn addr(app: &TestApp) -> String {
    app.base.trim_start_matches("http://").trim_end_matches("/api/v4").to_string()
}

#[tokio::test]
async fn a_client_that_sends_its_headers_too_slowly_is_cut_off() {
    let app = spawn_app_with(Backend::Memory, |c| c.connections.header_read_timeout = Duration::from_millis(300)).await;
    let mut slow = TcpStream::connect(addr(&app)).await.unwrap();
    slow.write_all(b"GET /api/v4/system/ping HTTP/1.1\r\nHost: x\r\n").await.unwrap();
    let started = Instant::now();
    let mut buf = Vec::new();
    let read = tokio::time::timeout(Duration::from_secs(5), slow.read_to_end(&mut buf)).await;
    assert!(read.is_ok(), "the server closed the connection");
    assert!(started.elapsed() < Duration::from_secs(3), "within the header timeout, not much later");
    assert_eq!(app.get("/system/ping").await.status, 200);
}

#[tokio::test]
async fn giant_headers_are_refused_and_the_server_carries_on() {
    let app = spawn_app(Backend::Memory).await;
    let response =
        app.client.get(app.url("/system/ping")).header("X-Padding", "a".repeat(32 * 1024)).send().await.unwrap();
    assert_eq!(response.status().as_u16(), 431);
    assert_eq!(app.get("/system/ping").await.status, 200);
}
