//! A webhook endpoint: where session events go, which types it wants, and the secrets that sign
//! them.

use super::Id;

/// An endpoint as stored.
#[derive(Clone, PartialEq, Eq)]
pub struct Endpoint {
    pub id: Id,
    /// https, or http to a loopback address ([`crate::webhooks::endpoint::check_url`]).
    pub url: String,
    /// The event types it wants; empty for every type.
    pub event_types: Vec<String>,
    /// The `whsec_` secret, as stored: sealed under the operator key when one is set
    /// ([`crate::mfa::seal`]).
    pub secret: String,
    /// The secret before the last rotation, which signs too until `previous_until`; "" for none.
    pub previous_secret: String,
    pub previous_until: i64,
    pub enabled: bool,
    /// Why it was disabled (by an operator, a 410, failing too long); "" while enabled.
    pub state_reason: String,
    /// When its deliveries began failing (0: they are not).
    pub failing_since: i64,
    pub created_at: i64,
}

impl Endpoint {
    /// The event types as stored: `,a,b,` (so that a type is found with one `instr`/`LIKE`),
    /// "" for every type.
    pub fn stored_types(&self) -> String {
        if self.event_types.is_empty() {
            String::new()
        } else {
            format!(",{},", self.event_types.join(","))
        }
    }

    /// The event types from their stored form.
    pub fn types_from_stored(stored: &str) -> Vec<String> {
        stored.split(',').filter(|t| !t.is_empty()).map(str::to_owned).collect()
    }

    /// Whether it wants events of `kind`.
    pub fn wants(&self, kind: &str) -> bool {
        self.event_types.is_empty() || self.event_types.iter().any(|t| t == kind)
    }
}

/// Without the secrets.
impl std::fmt::Debug for Endpoint {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Endpoint")
            .field("id", &self.id)
            .field("url", &self.url)
            .field("event_types", &self.event_types)
            .field("enabled", &self.enabled)
            .field("state_reason", &self.state_reason)
            .field("failing_since", &self.failing_since)
            .finish_non_exhaustive()
    }
}
