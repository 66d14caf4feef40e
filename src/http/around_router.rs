//! The generated router's own answers, translated into Mattermost's AppError JSON.
//!
//! openapi-generator's rust-server router answers some requests before any handler runs, in
//! plain text: 403 "Unauthenticated" for an operation with `security` and no credentials, 400
//! for a body or parameter it cannot parse (its text names a path parameter, a query parameter
//! or the body), empty 404 for no route and 405 for a wrong method, and a plain 500 when a
//! handler returns `Err`; and it names body fields it does not model in a `Warning` header. This
//! module turns each error into the AppError it means (docs/generator.md
//! lists them): the 403 is Mattermost's 401, a 500 is the error the handler left in the
//! request context ([`super::context::RequestContext::fail`]).

use http_body_util::BodyExt;
use hyper::header::CONTENT_TYPE;
use hyper::StatusCode;

use super::context::RequestContext;
use super::operations::{Body, Operation};
use super::response::{HttpResponse, JSON};
use crate::error::AppError;

/// A generated-layer error (anything 4xx/5xx that is not already JSON) as the AppError it means:
/// the error the handler left in the context, or what the generated layer's own answer says.
/// Anything else passes through.
pub async fn translate(
    response: HttpResponse,
    context: &RequestContext,
    operation: &Operation,
) -> Result<HttpResponse, AppError> {
    let status = response.status();
    if !(status.is_client_error() || status.is_server_error()) || response.headers().get(CONTENT_TYPE) == Some(&JSON) {
        return Ok(response);
    }
    if let Some(failure) = context.take_failure() {
        return Err(failure);
    }
    let request_id = context.request_id();
    let text = match response.into_body().collect().await {
        Ok(body) => String::from_utf8_lossy(&body.to_bytes()).into_owned(),
        Err(never) => match never {},
    };
    tracing::debug!(request_id, operation = operation.id, status = status.as_u16(), generated = %text, "rewriting a generated error");
    Err(match status {
        // The generated check for operations with `security`: no valid credentials.
        StatusCode::FORBIDDEN => AppError::SessionExpired,
        // A path parameter that does not decode (`%ff`; src/http/routes.rs answers these first,
        // this is the same answer should the two ever disagree): as Mattermost's router, which matches
        // ids and names against letters, digits and `._-` only, no route.
        StatusCode::BAD_REQUEST if text.contains("path parameter") => AppError::NotFound,
        StatusCode::BAD_REQUEST if text.contains("query parameter per_page") => AppError::InvalidUrlParam("per_page"),
        StatusCode::BAD_REQUEST if text.contains("query parameter page") => AppError::InvalidUrlParam("page"),
        // The string-map operations never get here: [`as_mattermost_reads`] hands the router a
        // body it parses.
        StatusCode::BAD_REQUEST => AppError::InvalidBodyParam(operation.bad_body_field),
        StatusCode::NOT_FOUND => AppError::NotFound,
        StatusCode::METHOD_NOT_ALLOWED => AppError::MethodNotAllowed,
        StatusCode::PAYLOAD_TOO_LARGE => AppError::BodyTooLarge,
        _ => AppError::Internal(anyhow::anyhow!("generated layer answered {status}: {text}")),
    })
}

/// The generated router names the body fields it does not model in a `Warning` header of its
/// answer (and logs each, raw, through `log` at WARN: `telemetry` keeps its target at `error`,
/// since a client's field names would forge log lines). The header goes; what it said is logged
/// here once, at debug, escaped and cut short (it is client text).
pub fn quiet_unknown_fields(response: &mut HttpResponse, request_id: &str, operation: &str) {
    let Some(warning) = response.headers_mut().remove(hyper::header::WARNING) else { return };
    let warning = String::from_utf8_lossy(warning.as_bytes());
    // "Ignoring unknown fields in body: [...]": the list is what the client wrote.
    let fields = warning.split_once(": ").map_or(&*warning, |(_, fields)| fields);
    tracing::debug!(request_id, operation, fields = %crate::telemetry::untrusted(fields), "body fields ignored");
}

/// The body the generated router parses, as Mattermost reads it. For an operation whose body
/// Mattermost reads as a map of strings, Go's decoder keeps the string values, skips the others
/// (which then read as ""), and leaves the map empty when the body is not a JSON object; so the
/// generated router gets exactly those strings, and never refuses such a body before the
/// handler has checked, in Mattermost's order, what comes first (a permission, a user).
///
/// For an operation whose body Mattermost reads as a map of any values
/// (`model.StringInterfaceFromJSON`), the values stay as they are, and a body that is not an
/// object is `{}` too. For one Mattermost decodes into a struct, an object stays as it is and
/// anything else goes to the router as sent (which refuses it, naming the operation's field).
///
/// Then each required field a client left out is given what Mattermost reads it as (`""`, its
/// zero value, or `null` in a map of any values): `api/` marks the fields a request must carry
/// `required` (the truth a client generator needs), yet a request without one is answered by the
/// handler, in Mattermost's order of checks, not refused by the router first.
pub fn as_mattermost_reads(operation: &Operation, body: bytes::Bytes) -> bytes::Bytes {
    if operation.body == Body::Strict {
        return body;
    }
    let mut map = match serde_json::from_slice(&body) {
        Ok(serde_json::Value::Object(map)) if operation.body == Body::StringMap => {
            map.into_iter().filter(|(_, value)| value.is_string()).collect()
        }
        Ok(serde_json::Value::Object(map)) => map,
        _ if operation.body == Body::Struct => return body,
        _ => serde_json::Map::new(),
    };
    for (name, missing) in operation.missing {
        map.entry(*name).or_insert_with(|| missing.value());
    }
    serde_json::to_vec(&map).map_or(body, bytes::Bytes::from)
}
