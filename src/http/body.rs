//! Reading a request's body under its limits: the size (413 beyond it) and the deadline (408),
//! so that a client trickling a byte now and then cannot hold a connection.

use std::time::Duration;

use bytes::{Bytes, BytesMut};
use http_body_util::BodyExt;
use hyper::body::Incoming;

use crate::config::RequestLimits;
use crate::error::AppError;

/// Reads the whole body: at most `max_body` bytes (413 beyond), arriving within the read
/// timeout and, after the grace, at the minimum rate (408 otherwise): each byte received moves
/// the deadline by 1/rate seconds, so a client sending a byte now and then runs out of time.
pub async fn read(mut body: Incoming, declared: Option<u64>, limits: &RequestLimits) -> Result<Bytes, AppError> {
    if declared.is_some_and(|len| len > limits.max_body as u64) {
        return Err(AppError::BodyTooLarge);
    }
    let started = tokio::time::Instant::now();
    let hard_deadline = started + limits.read_timeout;
    let per_byte = 1.0 / f64::from(limits.min_body_rate.get());
    let mut received = BytesMut::new();
    loop {
        let earned = Duration::from_secs_f64(received.len() as f64 * per_byte);
        let deadline = (started + limits.body_grace + earned).min(hard_deadline);
        let frame = match tokio::time::timeout_at(deadline, body.frame()).await {
            Err(_) => return Err(AppError::RequestTimeout),
            Ok(None) => return Ok(received.freeze()),
            Ok(Some(Err(_))) => return Err(AppError::InvalidBodyParam("body")),
            Ok(Some(Ok(frame))) => frame,
        };
        if let Ok(data) = frame.into_data() {
            if received.len() + data.len() > limits.max_body {
                return Err(AppError::BodyTooLarge);
            }
            received.extend_from_slice(&data);
        }
    }
}
