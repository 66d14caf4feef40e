//! `ceiling-bare RESPONSES [ADDR]`: the bare-hyper ceiling. It reads each request's body, finds
//! the operation from the method and path, and answers the captured response: the best any
//! server on this machine could do for the same bytes.

use std::collections::HashMap;
use std::convert::Infallible;
use std::sync::Arc;

use bytes::Bytes;
use http_body_util::{combinators::BoxBody, BodyExt, Empty, Full};
use hyper::header::{HeaderName, HeaderValue};
use hyper::{Request, Response, StatusCode};

type Reply = Response<BoxBody<Bytes, Infallible>>;

/// A captured response, pre-built: each request clones only reference counts.
struct Canned {
    status: StatusCode,
    headers: Vec<(HeaderName, HeaderValue)>,
    body: Bytes,
}

async fn answer(
    canned: Arc<HashMap<&'static str, Canned>>,
    request: Request<hyper::body::Incoming>,
) -> Result<Reply, Infallible> {
    let op = mm_sessions_bench::operation(request.method(), request.uri().path());
    // Read the body as any real server must.
    let _ = request.into_body().collect().await;
    let Some(canned) = op.and_then(|op| canned.get(op)) else {
        let mut reply = Response::new(BoxBody::new(Empty::new()));
        *reply.status_mut() = StatusCode::NOT_FOUND;
        return Ok(reply);
    };
    let mut reply = Response::new(BoxBody::new(Full::new(canned.body.clone())));
    *reply.status_mut() = canned.status;
    for (name, value) in &canned.headers {
        reply.headers_mut().append(name.clone(), value.clone());
    }
    Ok(reply)
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let path = std::env::args().nth(1).ok_or_else(|| anyhow::anyhow!("usage: ceiling-bare RESPONSES [ADDR]"))?;
    let mut canned = HashMap::new();
    for (op, captured) in mm_sessions_bench::read_responses(&path)? {
        let op = mm_sessions_bench::OPERATIONS.into_iter().find(|known| *known == op);
        let Some(op) = op else { continue };
        let headers = captured
            .headers
            .iter()
            .map(|(n, v)| Ok((HeaderName::try_from(n.as_str())?, HeaderValue::try_from(v.as_str())?)))
            .collect::<anyhow::Result<Vec<_>>>()?;
        canned.insert(
            op,
            Canned { status: StatusCode::from_u16(captured.status)?, headers, body: Bytes::from(captured.body) },
        );
    }
    let canned = Arc::new(canned);
    let service = hyper::service::service_fn(move |request| answer(canned.clone(), request));
    mm_sessions_bench::serve(mm_sessions_bench::listen_arg(2)?, service).await
}
