//! The values the service works with, validated where they enter: ids, tokens, sessions,
//! users, personal access tokens. Nothing here knows about HTTP or storage.

pub mod access_token;
pub mod audit;
pub mod clock;
pub mod device_id;
pub mod endpoint;
pub mod event;
pub mod id;
pub mod props;
pub mod session;
pub mod token;
pub mod user;

pub use access_token::AccessToken;
pub use audit::Audit;
pub use clock::Clock;
pub use device_id::DeviceId;
pub use endpoint::Endpoint;
pub use event::{ActorKind, Cause, Event};
pub use id::{Id, SessionId, TokenId};
pub use props::Props;
pub use session::{RevokeReason, Session};
pub use token::{Token, TokenHash};
pub use user::{NewUser, Profile, User};

/// Milliseconds since the Unix epoch, the unit of every Mattermost timestamp.
pub fn now_millis() -> i64 {
    let now = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap_or_default();
    i64::try_from(now.as_millis()).unwrap_or(i64::MAX)
}
