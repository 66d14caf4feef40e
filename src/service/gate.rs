//! The forward-auth gate (`GET /api/v4/auth/check`): may the request a reverse proxy holds go
//! through to the app behind it? Signed in (authentication, with the session's lifecycle and
//! MFA enforcement, is the HTTP layer's, as for every operation), and holding what the proxy's
//! route asks for: a system role, or a permission of the caller's roles.
//!
//! A requirement that names no role or permission this server knows fails closed (403): a
//! typo in a proxy's configuration must not open the route to everyone signed in. It is logged
//! once (at warn) per name, so an operator sees it without a line per request.

use std::collections::HashSet;
use std::sync::Mutex;

use super::{Actor, Caller, SessionService};
use crate::domain::user::KNOWN_ROLES;
use crate::domain::User;
use crate::error::AppError;
use crate::permissions::Permission;

/// What a protected route asks of the caller beyond being signed in.
#[derive(Clone, Copy, Debug, Default)]
pub struct Requirement<'a> {
    pub role: Option<&'a str>,
    pub permission: Option<&'a str>,
}

/// Unknown requirement names already logged; bounded, since they come from requests.
#[derive(Debug, Default)]
pub(super) struct LoggedOnce(Mutex<HashSet<String>>);

/// At most this many distinct names are remembered (beyond it, each is logged again).
const LOGGED_NAMES: usize = 64;

impl LoggedOnce {
    fn first_time(&self, name: &str) -> bool {
        let mut seen = self.0.lock().unwrap_or_else(|e| e.into_inner());
        if seen.contains(name) {
            return false;
        }
        if seen.len() < LOGGED_NAMES {
            seen.insert(name.to_owned());
        }
        true
    }
}

impl SessionService {
    /// The gate's answer for `caller`: the caller's user when signed in and allowed; 401 when
    /// not signed in; 403 when signed in without what `requirement` asks.
    pub async fn check_gate(&self, caller: Option<Caller<'_>>, requirement: Requirement<'_>) -> Result<User, AppError> {
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
        let name = crate::telemetry::untrusted(name);
        if self.logged_once.first_time(&format!("{kind}:{name}")) {
            tracing::warn!(kind, name = %name, "forward-auth check asks for an unknown {kind}: refused (403)");
        }
        AppError::Forbidden
    }
}
