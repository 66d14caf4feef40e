//! Answers the session cache keeps as bytes (`x-mm-answer-kept` in the spec; the cache's side,
//! and why it is exact, is [`crate::store::cached::answers`]): whether a kept answer answers a
//! request, the response made from one, and the answer kept from a response the generated
//! layer made. A kept answer is the generated model's own serialisation, as first sent: no JSON
//! is written here.

use bytes::Bytes;
use http_body_util::{combinators::BoxBody, BodyExt, Full};
use hyper::header::{HeaderName, HeaderValue};
use hyper::{Response, StatusCode};

use super::response::{self, HttpResponse};
use super::routes::Found;
use crate::domain::Session;
use crate::store::{Answer, AnswerKind};

/// The header the generated layer puts on every answer: the request's id (the request context
/// hands it as the span id). It names one request: never kept, set again for each.
const SPAN_ID: HeaderName = HeaderName::from_static("x-span-id");

/// The span id, and the headers `response::finish_headers` adds to a JSON answer (the request
/// id, `Cache-Control`, `X-Content-Type-Options`).
const FINAL_HEADERS: usize = 4;

/// Whether an answer of `kind`, made from the caller's entry, is the answer to this request:
/// always for the caller's user and for their session (kept per query); for their sessions, when
/// the path's `user_id` names them (`me` or their id, as sent).
pub fn applies(kind: AnswerKind, route: &Found, path: &str, caller: &Session) -> bool {
    match kind {
        AnswerKind::User | AnswerKind::Session => true,
        AnswerKind::Sessions => {
            route.param(path, "user_id").is_some_and(|id| id == crate::service::ME || id == caller.user_id.as_str())
        }
    }
}

/// The response to send for a kept answer: its status, headers and bytes, and this request's id.
pub fn respond(answer: &Answer, request_id: &str) -> HttpResponse {
    let mut response = response::with_body(answer.body.clone());
    *response.status_mut() = answer.status;
    // Room for the kept headers, the span id and the final headers (`response::finish_headers`)
    // from the start: growing the map costs more than filling it.
    let headers = response.headers_mut();
    headers.reserve(answer.headers.len() + FINAL_HEADERS);
    for (name, value) in &*answer.headers {
        headers.append(name.clone(), value.clone());
    }
    if let Ok(id) = HeaderValue::from_str(request_id) {
        headers.insert(SPAN_ID, id);
    }
    response
}

/// What to keep of `response` (a 200 only: a refusal is never kept), and the response to send,
/// around the same bytes.
pub async fn capture(response: HttpResponse) -> (HttpResponse, Option<Answer>) {
    if response.status() != StatusCode::OK {
        return (response, None);
    }
    let (parts, body) = response.into_parts();
    let body: Bytes = match body.collect().await {
        Ok(collected) => collected.to_bytes(),
        Err(never) => match never {},
    };
    let kept = parts.headers.iter().filter(|(name, _)| **name != SPAN_ID);
    let answer = Answer::new(parts.status, kept, &body);
    (Response::from_parts(parts, BoxBody::new(Full::new(body))), Some(answer))
}
