//! What the spec says of each operation beyond what the generator reads: its `x-mm-*`
//! extensions (documented at the top of `api/mattermost-sessions.yaml`), read by `build.rs`
//! into one table. The pipeline asks this table, never an operation's name: adding an operation
//! to `api/` with its extensions needs no edit here or in the pipeline, and a misspelt
//! extension is a build error.

pub use crate::store::AnswerKind;

/// How the server reads an operation's body before the generated router parses it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Body {
    /// As the generated model parses it, strictly.
    Strict,
    /// As Go decodes it into Mattermost's struct: a required field left out reads as its zero
    /// value (so the handler answers it in Mattermost's order); a value of the wrong type makes
    /// the body unusable.
    Struct,
    /// As Mattermost's `model.MapFromJSON`: string values only; any other value, or a body that
    /// is not an object, reads as absent.
    StringMap,
    /// As Mattermost's `model.StringInterfaceFromJSON`: values as they are (the handler checks
    /// their types); a body that is not an object reads as `{}`.
    AnyMap,
}

/// What a required body field a client left out reads as (Mattermost's reading of the body).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Missing {
    EmptyString,
    False,
    Zero,
    /// Absent from a map of any values: the handler's type check refuses it.
    Null,
}

impl Missing {
    pub fn value(self) -> serde_json::Value {
        match self {
            Missing::EmptyString => serde_json::Value::String(String::new()),
            Missing::False => serde_json::Value::Bool(false),
            Missing::Zero => serde_json::Value::from(0),
            Missing::Null => serde_json::Value::Null,
        }
    }
}

/// One operation's facts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Operation {
    /// Its `operationId` (the metrics' and the log's `operation`).
    pub id: &'static str,
    pub body: Body,
    /// The body's required fields, and what each reads as when left out (bodies not `Strict`).
    pub missing: &'static [(&'static str, Missing)],
    /// The field a 400 for an unusable body names (`x-mm-bad-body-field`, else `body`).
    pub bad_body_field: &'static str,
    /// Allowed to a user without MFA where MFA is enforced (`x-mm-mfa-exempt`).
    pub mfa_exempt: bool,
    /// Authentication may read the caller's own sessions with theirs (`x-mm-reads-own-sessions`).
    pub reads_own_sessions: bool,
    /// The forward-auth check (`x-mm-forward-auth`): its CSRF rule reads the original method, and
    /// an extended session gets its token cookie alone.
    pub forward_auth: bool,
    /// Its 200 is made from one entry of the session cache alone, and kept there as the bytes
    /// sent (`x-mm-answer-kept`; [`super::answers`]).
    pub answer_kept: Option<AnswerKind>,
}

include!(concat!(env!("OUT_DIR"), "/operations.rs"));

/// What is served outside the spec has a name for the metrics and the log, and no other fact.
const fn outside_the_spec(id: &'static str) -> Operation {
    Operation {
        id,
        body: Body::Strict,
        missing: &[],
        bad_body_field: "body",
        mfa_exempt: false,
        reads_own_sessions: false,
        forward_auth: false,
        answer_kept: None,
    }
}

/// A request no operation of the spec is for.
pub const UNKNOWN: Operation = outside_the_spec("unknown");
/// The sessions page and its files.
pub const PAGE: Operation = outside_the_spec("Page");
/// The page's return to where forward-auth sent a person from.
pub const RETURN: Operation = outside_the_spec("Return");
/// Single sign-on's browser routes (`/oauth/…`, `/signup/…/complete`).
pub const SSO: Operation = outside_the_spec("SingleSignOn");
/// `GET /metrics`.
pub const METRICS: Operation = outside_the_spec("Metrics");

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_operation_is_found_by_its_id() {
        assert!(OPERATIONS.len() > 20, "the spec's operations");
        for operation in OPERATIONS {
            assert_eq!(find(operation.id), Some(operation));
        }
        assert_eq!(find("NoSuchOperation"), None);
    }
}
