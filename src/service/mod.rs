//! The session service: authentication, the permission rules and the operations, in
//! Mattermost's order of checks. HTTP-free: the `Api` impl and the admin CLI both drive it.
//!
//! # Where things are
//!
//! One file per concern, each an `impl SessionService` block:
//!
//! - [`auth`]: a presented token → its session (expiry, idle timeout, extension, activity).
//! - [`forward_auth`]: the forward-auth check reverse proxies ask: signed in, and allowed.
//! - [`login`]: password login and logout, and the login budgets every password check spends.
//! - [`sessions`]: listing, revoking and issuing sessions; attaching a device.
//! - [`access_tokens`]: personal access tokens, and the session one opens on its first use.
//! - [`users`]: looking users up, creating them, their roles, (de)activation.
//! - [`passwords`]: changing a password.
//! - [`mfa`]: the second factor: secrets, turning it on and off, the login's code, enforcement.
//! - [`sso`]: single sign-on's accounts and sessions, sign-ins in flight, switching a user's
//!   sign-in method.
//! - [`audit`]: writing audit records and listing them.
//! - [`maintenance`]: what the server does by itself (purges, health, metrics).
//!
//! A new operation goes in the file of its concern (a new concern gets a file of its own),
//! returns [`AppError`], and takes an [`Actor`] (a [`Caller`] where only a request can do it):
//! the HTTP handler and the admin
//! command that do the same thing call the same method, so that a revocation is checked,
//! audited, counted and logged the same way whichever way it came. What differs by who acts
//! (permission checks, what the audit record says) is decided by the actor, in one place each.

use std::sync::Arc;

use crate::config::SessionPolicy;
use crate::domain::{ActorKind, Cause, Clock, Id, RevokeReason, Session, User};
use crate::error::AppError;
use crate::login_budget::LoginBudgets;
use crate::metrics::Metrics;
use crate::permissions::{target_is_editable, Access, Permission, RolePermissions};
use crate::store::Stores;
use crate::telemetry::Throttle;

mod access_tokens;
mod audit;
mod auth;
mod forward_auth;
mod login;
mod maintenance;
mod mfa;
mod passwords;
mod sessions;
mod sso;
mod users;

pub use access_tokens::NewToken;
pub use auth::{Authenticated, Reads};
pub use forward_auth::Requirement;
pub use login::{LoggedIn, LoginAttempt};
pub use mfa::NewMfaSecret;
pub use passwords::PasswordChange;

/// `last_activity_at` is written at most this often per session (Mattermost: 5 minutes), so
/// that authenticated reads do not each become a write.
pub const ACTIVITY_WRITE_INTERVAL_MS: i64 = 5 * 60 * 1000;

/// The literal that stands for the caller's own user id in URLs.
pub const ME: &str = "me";

/// Who acted, in the log line of something the admin CLI did.
const ADMIN_CLI: &str = "admin-cli";

/// Where a request came from, for its audit record and the per-address budgets.
#[derive(Clone, Debug, Default)]
pub struct Origin {
    /// The request path (Mattermost's audit `action`).
    pub action: String,
    /// The client's address.
    pub client: Option<std::net::IpAddr>,
}

/// A request's authenticated session and where the request came from.
#[derive(Clone, Copy, Debug)]
pub struct Caller<'a> {
    pub session: &'a Session,
    pub origin: &'a Origin,
    /// The session's user, if authentication read it with the session (as fresh as it).
    pub user: Option<&'a User>,
    /// The user's sessions, if authentication read them with the session (as fresh as it).
    pub own_sessions: Option<&'a [Session]>,
}

/// Who performs an operation.
#[derive(Clone, Copy, Debug)]
pub enum Actor<'a> {
    /// A request, with the permissions of its session's roles.
    Request(Caller<'a>),
    /// The admin CLI on the server's machine, running `command` (e.g. `session revoke`): it holds
    /// every permission (whoever runs it can open the database anyway).
    AdminCli { command: &'static str },
}

impl<'a> Actor<'a> {
    /// The request's caller, if a request acts.
    pub fn caller(&self) -> Option<Caller<'a>> {
        match self {
            Actor::Request(caller) => Some(*caller),
            Actor::AdminCli { .. } => None,
        }
    }

    /// Why and by whom, for the events of a write on `target`'s sessions: the user themself,
    /// or an administrator (another user, or the admin CLI, which has no id).
    fn cause(&self, target: &Id, reason: &'static str, at: i64) -> Cause {
        match self {
            Actor::Request(caller) if caller.session.user_id == *target => {
                Cause::by_user(reason, caller.session.user_id.as_str(), at)
            }
            Actor::Request(caller) => Cause::new(reason, ActorKind::Admin, caller.session.user_id.as_str(), at),
            Actor::AdminCli { .. } => Cause::new(reason, ActorKind::Admin, "", at),
        }
    }

    /// Who acted, as the log lines name them: the caller's user id, or `admin-cli`.
    fn name(&self) -> &'a str {
        match self {
            Actor::Request(caller) => caller.session.user_id.as_str(),
            Actor::AdminCli { .. } => ADMIN_CLI,
        }
    }
}

/// Whose sessions ended, for [`SessionService::ended`].
#[derive(Clone, Copy, Debug)]
enum Whose<'a> {
    User(&'a Id),
    /// Every user's (revoke everyone).
    Everyone,
    /// Expired ones, purged (the purge logs its total once).
    Expired,
}

/// Sessions and users over a store.
#[derive(Clone)]
pub struct SessionService {
    stores: Stores,
    roles: Arc<RolePermissions>,
    policy: SessionPolicy,
    /// The key MFA secrets are sealed with, if the operator gave one.
    mfa_key: Option<crate::mfa::SecretKey>,
    metrics: Arc<Metrics>,
    login_budgets: Arc<LoginBudgets>,
    clock: Clock,
    /// The forward-auth check's unknown requirement names already logged.
    logged_once: Arc<forward_auth::LoggedOnce>,
    /// Refused logins and checks: anyone can cause them, so few lines are written for many.
    refusal_log: Arc<Throttle>,
    /// Notified when a write recorded session events: the webhook worker wakes at once.
    recorded: Arc<tokio::sync::Notify>,
}

/// At most this many lines of one kind that anyone can cause, per [`THROTTLE_WINDOW`].
const THROTTLED_LINES: u32 = 5;
/// The window of [`THROTTLED_LINES`].
const THROTTLE_WINDOW: std::time::Duration = std::time::Duration::from_secs(10);

/// A throttle for a kind of log line that anyone can cause.
fn throttle() -> Arc<Throttle> {
    Arc::new(Throttle::new(THROTTLE_WINDOW, THROTTLED_LINES))
}

impl SessionService {
    /// A service over `stores` with these parts; [`crate::app::build_service`] wires them.
    pub(crate) fn new(
        stores: Stores,
        roles: RolePermissions,
        policy: SessionPolicy,
        mfa_key: Option<crate::mfa::SecretKey>,
        metrics: Arc<Metrics>,
        login_budgets: LoginBudgets,
        clock: Clock,
    ) -> Self {
        let (roles, login_budgets) = (Arc::new(roles), Arc::new(login_budgets));
        let logged_once = Arc::new(forward_auth::LoggedOnce::new(throttle()));
        let refusal_log = throttle();
        let recorded = Arc::new(tokio::sync::Notify::new());
        SessionService {
            stores,
            roles,
            policy,
            mfa_key,
            metrics,
            login_budgets,
            clock,
            logged_once,
            refusal_log,
            recorded,
        }
    }

    /// The time the service reads.
    pub fn clock(&self) -> &Clock {
        &self.clock
    }

    fn now(&self) -> i64 {
        self.clock.now_millis()
    }

    /// The lifetime of a new or extended session, in milliseconds.
    fn length_ms(&self, mobile: bool) -> i64 {
        self.length_of(mobile, false)
    }

    /// The lifetime of a session, in milliseconds, as Mattermost's `SetSessionExpireInHours`
    /// picks it: mobile first, then single sign-on's (`SessionLengthSSOInHours`), then web.
    fn length_of(&self, mobile: bool, sso: bool) -> i64 {
        let length = match (mobile, sso) {
            (true, _) => self.policy.mobile_length,
            (false, true) => self.policy.sso.session_length,
            (false, false) => self.policy.web_length,
        };
        i64::try_from(length.as_millis()).unwrap_or(i64::MAX)
    }

    /// Notified whenever this process records session events ([`crate::webhooks::worker`]).
    pub fn events_recorded(&self) -> Arc<tokio::sync::Notify> {
        self.recorded.clone()
    }

    /// Wakes the webhook worker: a write recorded events.
    fn wake_webhooks(&self) {
        self.recorded.notify_one();
    }

    /// The process's metrics.
    pub fn metrics(&self) -> &Arc<Metrics> {
        &self.metrics
    }

    /// The session policy in force.
    pub fn policy(&self) -> &SessionPolicy {
        &self.policy
    }

    /// The stores underneath, for tests and the benchmark's seeding; operations go through the
    /// service's own methods.
    pub fn stores(&self) -> &Stores {
        &self.stores
    }

    /// Counts and logs ended sessions: every path that ends sessions reports through here.
    /// Also wakes the webhook worker for the events the write recorded.
    fn ended(&self, reason: RevokeReason, count: u64, whose: Whose<'_>, by: &str) {
        self.wake_webhooks();
        self.metrics.revoked(reason, count);
        match whose {
            Whose::User(user_id) if count > 0 => {
                tracing::info!(reason = reason.as_str(), count, user_id = %user_id, by, "sessions ended");
            }
            Whose::Everyone => tracing::info!(count, by = %by, "every session of every user ended"),
            Whose::User(_) | Whose::Expired => {}
        }
    }

    /// Whether `actor` holds `permission` (the admin CLI holds every one).
    fn may(&self, actor: Actor<'_>, permission: Permission) -> bool {
        match actor {
            Actor::Request(caller) => self.roles.session_has(caller.session, permission),
            Actor::AdminCli { .. } => true,
        }
    }

    /// The user id a URL names: `me` is the caller's; anything but an id is 400.
    fn resolve_user_id(&self, actor: Actor<'_>, user_id: &str) -> Result<Id, AppError> {
        match (user_id, actor) {
            (ME, Actor::Request(caller)) => Ok(caller.session.user_id.clone()),
            (other, _) => Id::parse(other).ok_or(AppError::InvalidUrlParam("user_id")),
        }
    }

    /// Resolves `me`, validates the id, and applies Mattermost's rule for acting on a user
    /// (`SessionHasPermissionToUser`).
    async fn authorize(&self, actor: Actor<'_>, user_id: &str) -> Result<Id, AppError> {
        let user_id = self.resolve_user_id(actor, user_id)?;
        let Actor::Request(caller) = actor else { return Ok(user_id) };
        let allowed = match self.roles.check_user_access(caller.session, &user_id) {
            Access::Allowed => true,
            Access::Denied => false,
            Access::IfTargetIsEditable => target_is_editable(self.stores.users.user_by_id(&user_id).await?.as_ref()),
        };
        if allowed {
            Ok(user_id)
        } else {
            Err(AppError::Forbidden)
        }
    }
}
