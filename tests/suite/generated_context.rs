//! The generated `AddContext` (our `context.mustache`): a request's span id is its
//! `X-Span-ID` header as sent, or a new one unique to the request, made without swagger's random
//! UUID per request.

use std::convert::Infallible;
use std::future::{ready, Ready};

use hyper::Request;
use mm_sessions_api::context::AddContext;
use swagger::auth::AuthData;
use swagger::{ContextBuilder, EmptyContext, Has, XSpanIdString};

type Context = ContextBuilder<Option<AuthData>, ContextBuilder<XSpanIdString, EmptyContext>>;

/// The service behind `AddContext`: answers with the span id it was handed.
struct SpanId;

impl hyper::service::Service<(Request<()>, Context)> for SpanId {
    type Response = String;
    type Error = Infallible;
    type Future = Ready<Result<String, Infallible>>;

    fn call(&self, (_, context): (Request<()>, Context)) -> Self::Future {
        ready(Ok(Has::<XSpanIdString>::get(&context).0.clone()))
    }
}

async fn span_id(service: &AddContext<SpanId, EmptyContext>, sent: Option<&str>) -> String {
    use hyper::service::Service;
    let mut request = Request::get("/api/v4/system/ping");
    if let Some(sent) = sent {
        request = request.header("X-Span-ID", sent);
    }
    service.call(request.body(()).unwrap()).await.unwrap()
}

#[tokio::test]
async fn a_span_id_is_kept_as_sent_or_made_unique_per_request() {
    let service = AddContext::<_, EmptyContext>::new(SpanId);
    assert_eq!(span_id(&service, Some("from-the-client")).await, "from-the-client");
    let made: Vec<String> = futures_util::future::join_all((0..100).map(|_| span_id(&service, None))).await;
    let mut distinct = made.clone();
    distinct.sort();
    distinct.dedup();
    assert_eq!(distinct.len(), made.len(), "every request its own id");
    for id in &made {
        let (prefix, count) = id.split_once('-').expect("prefix-count");
        assert_eq!((prefix.len(), count.len()), (16, 16), "{id}");
        assert!(id.bytes().all(|b| b == b'-' || b.is_ascii_hexdigit()), "{id}");
        assert_eq!(prefix, made[0].split_once('-').unwrap().0, "one prefix per process");
    }
}
