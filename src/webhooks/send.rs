//! One attempt at one delivery: the payload signed as Standard Webhooks sign it, POSTed, and
//! the answer read as the specification reads it.

use std::time::Duration;

use standardwebhooks::{Webhook, HEADER_WEBHOOK_ID, HEADER_WEBHOOK_SIGNATURE, HEADER_WEBHOOK_TIMESTAMP};

use crate::domain::Event;

/// What an attempt came to.
#[derive(Debug, PartialEq, Eq)]
pub enum Outcome {
    /// A 2xx: delivered.
    Delivered,
    /// 410 Gone: the receiver asks to be sent nothing more.
    Gone,
    /// Anything else; try again, not before `retry_after` if the receiver said so.
    Failed { why: String, retry_after: Option<Duration> },
}

/// The HTTP client deliveries go through: no redirect followed (a 3xx is a failure, and an
/// endpoint cannot send signed events elsewhere), the attempt bounded by `timeout`.
pub fn client(timeout: Duration) -> reqwest::Client {
    reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .timeout(timeout)
        .connect_timeout(timeout)
        .user_agent(concat!("mm-sessions/", env!("CARGO_PKG_VERSION"), " (webhooks)"))
        .build()
        .expect("the webhook HTTP client builds (TLS roots load)")
}

/// The `webhook-signature` value: `v1,…` under each secret, space-separated (two during a
/// rotation, so a receiver with either verifies).
pub fn signature(secrets: &[String], id: &str, timestamp: i64, body: &str) -> Result<String, String> {
    let mut signatures = Vec::with_capacity(secrets.len());
    for secret in secrets {
        let webhook = Webhook::new(secret).map_err(|e| format!("an endpoint secret does not decode: {e}"))?;
        signatures.push(webhook.sign(id, timestamp, body.as_bytes()).map_err(|e| e.to_string())?);
    }
    Ok(signatures.join(" "))
}

/// Sends `event` to `url`, signed with `secrets` at `timestamp` (Unix seconds).
pub async fn attempt(
    client: &reqwest::Client,
    url: &str,
    event: &Event,
    secrets: &[String],
    timestamp: i64,
) -> Outcome {
    let body = event.payload();
    let signature = match signature(secrets, &event.id, timestamp, &body) {
        Ok(signature) => signature,
        Err(why) => return Outcome::Failed { why, retry_after: None },
    };
    let sent = client
        .post(url)
        .header(reqwest::header::CONTENT_TYPE, "application/json")
        .header(HEADER_WEBHOOK_ID, &event.id)
        .header(HEADER_WEBHOOK_TIMESTAMP, timestamp.to_string())
        .header(HEADER_WEBHOOK_SIGNATURE, signature)
        .body(body)
        .send()
        .await;
    let response = match sent {
        Ok(response) => response,
        Err(e) if e.is_timeout() => return Outcome::Failed { why: "timed out".into(), retry_after: None },
        Err(e) => return Outcome::Failed { why: format!("not sent: {}", without_url(&e)), retry_after: None },
    };
    let status = response.status();
    if status.is_success() {
        Outcome::Delivered
    } else if status == reqwest::StatusCode::GONE {
        Outcome::Gone
    } else {
        let retry_after =
            response.headers().get(reqwest::header::RETRY_AFTER).and_then(|v| retry_after(v.to_str().ok()?));
        Outcome::Failed { why: format!("answered {status}"), retry_after }
    }
}

/// A `Retry-After` value: seconds, or an HTTP date; at most a day (a receiver cannot park an
/// endpoint for longer than the schedule would).
fn retry_after(value: &str) -> Option<Duration> {
    let wait = match value.trim().parse::<u64>() {
        Ok(seconds) => Duration::from_secs(seconds),
        Err(_) => httpdate::parse_http_date(value.trim()).ok()?.duration_since(std::time::SystemTime::now()).ok()?,
    };
    Some(wait.min(Duration::from_secs(24 * 3600)))
}

/// An error without the URL (whose query could hold a receiver's token): its kind and source.
fn without_url(e: &reqwest::Error) -> String {
    let mut text = if e.is_connect() { "connection failed".to_string() } else { "request failed".to_string() };
    let mut source = std::error::Error::source(e);
    while let Some(cause) = source {
        text = format!("{text}: {cause}");
        source = cause.source();
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn retry_after_reads_seconds_and_dates_and_is_bounded() {
        assert_eq!(retry_after("2"), Some(Duration::from_secs(2)));
        assert_eq!(retry_after("999999999"), Some(Duration::from_secs(24 * 3600)));
        assert_eq!(retry_after("Wed, 21 Oct 2015 07:28:00 GMT"), None, "a past date: no wait");
        assert_eq!(retry_after("soon"), None);
    }

    #[test]
    fn a_signature_verifies_with_the_reference_crate_under_each_secret() {
        let (one, two) = (super::super::endpoint::new_secret(), super::super::endpoint::new_secret());
        let header = signature(&[one.clone(), two.clone()], "msg_1", 1_700_000_000, "{}").unwrap();
        assert_eq!(header.split(' ').count(), 2);
        for secret in [one, two] {
            let own = Webhook::new(&secret).unwrap().sign("msg_1", 1_700_000_000, b"{}").unwrap();
            assert!(header.split(' ').any(|s| s == own));
        }
    }
}
