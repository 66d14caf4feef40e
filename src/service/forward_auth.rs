//! The forward-auth check (`GET /api/v4/auth/check`): may the request a reverse proxy holds go
//! through to the app behind it? Signed in (authentication, with the session's lifecycle and
//! MFA enforcement, is the HTTP layer's, as for every operation), and holding what the proxy's
//! route asks for: a system role, or a permission of the caller's roles.
//!
//! A requirement that names no role or permission this server knows fails closed (403): a
//! typo in a proxy's configuration must not open the route to everyone signed in. It is logged
//! once (at warn) per name, so an operator sees it without a line per request; since the names
//! come from requests, only the first [`LOGGED_NAMES`] are remembered, and names beyond them are
//! logged as any line anyone can cause is (a few a window, the rest counted): a signed-in user
//! asking for `?role=r1…r150` cannot make every check write a line.

use std::collections::HashSet;
use std::sync::{Arc, Mutex};

use super::{Actor, Caller, SessionService};
use crate::domain::user::KNOWN_ROLES;
use crate::domain::User;
use crate::error::AppError;
use crate::permissions::Permission;
use crate::telemetry::Throttle;

/// What a protected route asks of the caller beyond being signed in.
#[derive(Clone, Copy, Debug, Default)]
pub struct Requirement<'a> {
    pub role: Option<&'a str>,
    pub permission: Option<&'a str>,
}

/// Unknown requirement names already logged; bounded, since they come from requests.
#[derive(Debug)]
pub(super) struct LoggedOnce {
    seen: Mutex<HashSet<String>>,
    /// Names beyond the first [`LOGGED_NAMES`].
    beyond: Arc<Throttle>,
}

/// At most this many distinct names are remembered (beyond it, names share a throttle).
const LOGGED_NAMES: usize = 64;

/// Whether to log a name, and what is known of the names not logged.
enum Seen {
    /// Logged before: not again.
    Before,
    /// Log it; `unlogged` names beyond the remembered ones were left out since the last line.
    Log { unlogged: u64 },
}

impl LoggedOnce {
    pub(super) fn new(beyond: Arc<Throttle>) -> Self {
        LoggedOnce { seen: Mutex::default(), beyond }
    }

    fn check(&self, name: &str) -> Seen {
        let mut seen = self.seen.lock().unwrap_or_else(|e| e.into_inner());
        if seen.contains(name) {
            return Seen::Before;
        }
        if seen.len() < LOGGED_NAMES {
            seen.insert(name.to_owned());
            return Seen::Log { unlogged: 0 };
        }
        drop(seen);
        match self.beyond.admit() {
            Some(unlogged) => Seen::Log { unlogged },
            None => Seen::Before,
        }
    }

    /// Writes the count of names left out since the last line, if any (periodically).
    pub(super) fn flush(&self) {
        let unlogged = self.beyond.flush();
        if unlogged > 0 {
            tracing::warn!(
                unlogged,
                "forward-auth checks asked for unknown roles or permissions not logged one by one"
            );
        }
    }
}

impl SessionService {
    /// The forward-auth check's answer for `caller`: the caller's user when signed in and allowed; 401 when
    /// not signed in; 403 when signed in without what `requirement` asks.
    pub async fn check_forward_auth(
        &self,
        caller: Option<Caller<'_>>,
        requirement: Requirement<'_>,
    ) -> Result<User, AppError> {
        let caller = caller.ok_or(AppError::SessionExpired)?;
        let user = self.caller_user(caller).await?;
        if let Some(role) = requirement.role.filter(|r| !r.is_empty()) {
            if !KNOWN_ROLES.contains(&role) {
                return Err(self.unknown_requirement("role", role));
            }
            if !caller.session.role_names().any(|r| r == role) {
                return Err(AppError::Forbidden);
            }
        }
        if let Some(name) = requirement.permission.filter(|p| !p.is_empty()) {
            let Ok(permission) = name.parse::<Permission>() else {
                return Err(self.unknown_requirement("permission", name));
            };
            if !self.may(Actor::Request(caller), permission) {
                return Err(AppError::Forbidden);
            }
        }
        Ok(user)
    }

    fn unknown_requirement(&self, kind: &'static str, name: &str) -> AppError {
        self.metrics.forward_auth_unknown(kind);
        let name = crate::telemetry::untrusted(name);
        if let Seen::Log { unlogged } = self.logged_once.check(&format!("{kind}:{name}")) {
            tracing::warn!(kind, name = %name, unlogged, "forward-auth check asks for an unknown {kind}: refused (403)");
        }
        AppError::Forbidden
    }
}
