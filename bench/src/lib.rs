//! Shared by the benchmark's programs: the captured responses the ceilings replay, and the
//! open-loop client's [`timeline`].
//!
//! `scripts/bench.py` sends one request of each benchmarked operation to the real server and
//! writes what came back to `responses.json`; both ceilings answer with those bytes, so the three
//! servers are compared on identical responses.

use std::collections::HashMap;

use anyhow::Context as _;
use serde::Deserialize;

pub mod timeline;

/// One captured response.
#[derive(Clone, Debug, Deserialize)]
pub struct Captured {
    pub status: u16,
    /// Header names and values as sent, minus those hyper writes itself (date, content-length).
    pub headers: Vec<(String, String)>,
    pub body: String,
}

/// The operations the benchmark drives, as the spec names them.
pub const OPERATIONS: [&str; 6] = ["GetSessions", "RevokeSession", "RevokeAllSessions", "Login", "GetMe", "AuthCheck"];

/// Reads `responses.json`: operation id → captured response.
pub fn read_responses(path: &str) -> anyhow::Result<HashMap<String, Captured>> {
    let text = std::fs::read_to_string(path).with_context(|| format!("reading {path}"))?;
    let responses: HashMap<String, Captured> =
        serde_json::from_str(&text).with_context(|| format!("parsing {path}"))?;
    for op in OPERATIONS {
        anyhow::ensure!(responses.contains_key(op), "{path} has no response for {op}");
    }
    Ok(responses)
}

/// The operation a request is for, by method and path: the least any router must do.
pub fn operation(method: &hyper::Method, path: &str) -> Option<&'static str> {
    if method == hyper::Method::GET && path == "/api/v4/auth/check" {
        return Some("AuthCheck");
    }
    match (method, path.strip_prefix("/api/v4/users/")?) {
        (&hyper::Method::POST, "login") => Some("Login"),
        (&hyper::Method::GET, "me") => Some("GetMe"),
        (&hyper::Method::GET, p) if p.ends_with("/sessions") => Some("GetSessions"),
        (&hyper::Method::POST, p) if p.ends_with("/sessions/revoke") => Some("RevokeSession"),
        (&hyper::Method::POST, p) if p.ends_with("/sessions/revoke/all") => Some("RevokeAllSessions"),
        _ => None,
    }
}

/// The listen address from the command line (default: a free loopback port).
pub fn listen_arg(position: usize) -> anyhow::Result<std::net::SocketAddr> {
    std::env::args().nth(position).as_deref().unwrap_or("127.0.0.1:0").parse().context("not a listen address")
}

/// Serves `service` on `addr` with hyper's HTTP/1 defaults, one task per connection, printing
/// `listening ADDR` once bound (scripts/bench waits for it).
pub async fn serve<S>(addr: std::net::SocketAddr, service: S) -> anyhow::Result<()>
where
    S: hyper::service::Service<hyper::Request<hyper::body::Incoming>> + Clone + Send + 'static,
    S::Future: Send + 'static,
    S::Response: Into<hyper::Response<http_body_util::combinators::BoxBody<bytes::Bytes, std::convert::Infallible>>>,
    S::Error: Into<Box<dyn std::error::Error + Send + Sync>>,
{
    let listener = tokio::net::TcpListener::bind(addr).await.with_context(|| format!("binding {addr}"))?;
    println!("listening {}", listener.local_addr()?);
    loop {
        let (stream, _) = listener.accept().await?;
        let service = service.clone();
        tokio::spawn(async move {
            let service = hyper::service::service_fn(move |request| {
                let call = service.call(request);
                async move { call.await.map(Into::into) }
            });
            let _ = hyper::server::conn::http1::Builder::new()
                .serve_connection(hyper_util::rt::TokioIo::new(stream), service)
                .await;
        });
    }
}
