//! The session service: authentication, the permission rules and the operations, in
//! Mattermost's order of checks. HTTP-free: the `Api` impl and the admin CLI both drive it, so
//! that a revocation is checked, logged and counted the same way whichever way it came.
//! Built and wired (metrics, the counting store wrapper, login budgets) by [`crate::app`].

use std::collections::BTreeMap;
use std::sync::Arc;

use crate::config::SessionPolicy;
use crate::domain::session::{ACCESS_TOKEN_TYPE, PROP_TYPE};
use crate::domain::{Audit, Clock, Id, NewUser, RevokeReason, Session, Token, TokenHash, User};
use crate::error::AppError;
use crate::metrics::Metrics;
use crate::password;
use crate::permissions::{target_is_editable, Access, Permission, RolePermissions, SYSTEM_ADMIN};
use crate::rate_limit::{Account, LoginLimits};
use crate::store::{SessionStore, StoreError};

/// `last_activity_at` is written at most this often per session (Mattermost: 5 minutes), so
/// that authenticated reads do not each become a write.
pub const ACTIVITY_WRITE_INTERVAL_MS: i64 = 5 * 60 * 1000;

/// The literal that stands for the caller's own user id in URLs.
pub const ME: &str = "me";

/// Who acted, in the log line of a revocation made with the admin CLI.
const ADMIN_CLI: &str = "admin-cli";

/// What a login request carries, as the service needs it.
#[derive(Clone, Debug, Default)]
pub struct LoginAttempt {
    pub login_id: String,
    pub password: String,
    /// A mobile device id; "" for web logins.
    pub device_id: String,
    /// `ldap_only: "true"`: this server has no LDAP, so such a login always fails.
    pub ldap_only: bool,
    pub user_agent: String,
    /// Where it came from: the per-address login budget and the audit record.
    pub origin: Origin,
}

/// Where a call came from, for its audit record and the per-address budgets.
#[derive(Clone, Debug, Default)]
pub struct Origin {
    /// The request path (Mattermost's audit `action`), or the admin command that ran.
    pub action: String,
    /// The client's address.
    pub client: Option<std::net::IpAddr>,
}

impl Origin {
    /// An admin CLI command.
    pub fn cli(command: &str) -> Self {
        Origin { action: format!("mm-sessions {command}"), client: None }
    }

    /// Something the server did by itself (the session cap, the idle timeout).
    fn server(what: &str) -> Self {
        Origin { action: format!("mm-sessions: {what}"), client: None }
    }
}

/// Sessions and users over a store.
#[derive(Clone)]
pub struct SessionService {
    store: Arc<dyn SessionStore>,
    roles: Arc<RolePermissions>,
    policy: SessionPolicy,
    metrics: Arc<Metrics>,
    login_limits: Arc<LoginLimits>,
    clock: Clock,
}

/// A session as authentication found it, and whether this request extended it (the cookies
/// then go out again with the new lifetime).
#[derive(Clone, Debug)]
pub struct Authenticated {
    pub session: Session,
    pub extended: bool,
}

/// What `PUT /users/{user_id}/password` carries.
#[derive(Clone, Debug, Default)]
pub struct PasswordChange {
    pub current_password: String,
    pub new_password: String,
}

impl SessionService {
    /// A service over `store` with these parts; [`crate::app::build_service`] wires them.
    pub(crate) fn new(
        store: Arc<dyn SessionStore>,
        roles: RolePermissions,
        policy: SessionPolicy,
        metrics: Arc<Metrics>,
        login_limits: LoginLimits,
        clock: Clock,
    ) -> Self {
        let (roles, login_limits) = (Arc::new(roles), Arc::new(login_limits));
        SessionService { store, roles, policy, metrics, login_limits, clock }
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
        let length = if mobile { self.policy.mobile_length } else { self.policy.web_length };
        i64::try_from(length.as_millis()).unwrap_or(i64::MAX)
    }

    /// The process's metrics.
    pub fn metrics(&self) -> &Arc<Metrics> {
        &self.metrics
    }

    /// The metrics as Prometheus text, with the active sessions counted now.
    pub async fn render_metrics(&self) -> String {
        let active = match self.store.count_active_sessions(self.now()).await {
            Ok(n) => Some(n),
            Err(e) => {
                tracing::warn!(error = %e, "could not count active sessions for the metrics");
                None
            }
        };
        self.metrics.render(active)
    }

    /// The session policy in force.
    pub fn policy(&self) -> &SessionPolicy {
        &self.policy
    }

    /// The store underneath, for tests and the benchmark's seeding; operations go through the
    /// service's own methods.
    pub fn store(&self) -> &Arc<dyn SessionStore> {
        &self.store
    }

    /// The session a presented token stands for, as Mattermost's `GetSession` finds it:
    /// unknown, revoked and expired tokens are all `SessionExpired` (expired ones whether or not
    /// they were purged yet); a web session idle past the idle timeout is ended and refused
    /// (only while extension is off; never a mobile or access-token session); with extension
    /// on, the expiry moves to now + the session length, at most once per threshold.
    /// Refreshes `last_activity_at` when it is older than the write interval.
    pub async fn authenticate(&self, presented: &str) -> Result<Authenticated, AppError> {
        // The first store call of every authenticated request: the session cache, if any,
        // forgets here what another process wrote since the previous request.
        self.store.begin_request().await?;
        let mut session =
            self.store.session_by_token(&TokenHash::of(presented)).await?.ok_or(AppError::SessionExpired)?;
        let now = self.now();
        if session.is_expired(now) {
            return Err(AppError::SessionExpired);
        }
        if let Some(idle) = self.policy.idle_timeout.filter(|_| !self.policy.extend_with_activity) {
            let idle_ms = i64::try_from(idle.as_millis()).unwrap_or(i64::MAX);
            let applies = !session.is_oauth && !session.is_mobile() && !session.is_access_token();
            if applies && now - session.last_activity_at > idle_ms {
                let ended = u64::from(self.store.delete_session(session.id.as_str()).await?);
                self.ended(RevokeReason::Idle, ended, &session.user_id, "idle-timeout");
                let origin = Origin::server("idle timeout");
                self.audit(&origin, session.user_id.as_str(), session.id.as_str(), "session revoked").await;
                return Err(AppError::SessionExpired);
            }
        }
        let extended = self.extend_if_due(&mut session, now).await;
        if now - session.last_activity_at >= ACTIVITY_WRITE_INTERVAL_MS {
            // Losing an activity timestamp is not worth failing the request for.
            match self.store.touch_session(session.id.as_str(), now).await {
                Ok(()) => session.last_activity_at = now,
                Err(e) => tracing::warn!(session_id = %session.id, error = %e, "could not record session activity"),
            }
        }
        Ok(Authenticated { session, extended })
    }

    /// Mattermost's `ExtendSessionExpiryIfNeeded`: with extension on, a session (not an access
    /// token, not a never-expiring one) whose expiry was last set at least a threshold ago —
    /// 1% of the length, at most a day, at least 5 minutes — expires at now + the length.
    async fn extend_if_due(&self, session: &mut Session, now: i64) -> bool {
        if !self.policy.extend_with_activity || session.is_access_token() || session.expires_at == 0 {
            return false;
        }
        let length = self.length_ms(session.is_mobile());
        let threshold = (length / 100).clamp(5 * 60 * 1000, 24 * 3600 * 1000);
        if now - (session.expires_at - length) < threshold {
            return false;
        }
        let expires_at = now.saturating_add(length);
        match self.store.set_session_expiry(session.id.as_str(), expires_at).await {
            Ok(()) => {
                session.expires_at = expires_at;
                true
            }
            // The session keeps its old expiry; not worth failing the request for.
            Err(e) => {
                tracing::warn!(session_id = %session.id, error = %e, "could not extend the session");
                false
            }
        }
    }

    /// `GET /users/{user_id}/sessions`: the user's sessions, newest activity first.
    pub async fn list_sessions(&self, caller: &Session, user_id: &str) -> Result<Vec<Session>, AppError> {
        let user_id = self.authorize(caller, user_id).await?;
        Ok(self.store.sessions_for_user(&user_id).await?)
    }

    /// `POST /users/{user_id}/sessions/revoke`.
    pub async fn revoke_session(
        &self,
        caller: &Session,
        user_id: &str,
        session_id: &str,
        origin: &Origin,
    ) -> Result<(), AppError> {
        let user_id = self.authorize(caller, user_id).await?;
        if session_id.is_empty() {
            return Err(AppError::InvalidBodyParam("session_id"));
        }
        // The common case in one write; only a miss needs a lookup, to say why (Mattermost's
        // answers: no such session, or a session of another user).
        if !self.store.delete_user_session(&user_id, session_id).await? {
            return match self.store.session_by_id(session_id).await? {
                None => Err(AppError::SessionNotFound),
                Some(session) if session.user_id != user_id => Err(AppError::InvalidUrlParam("user_id")),
                // Created between the two calls cannot happen (ids are random); treat as revoked.
                Some(_) => Ok(()),
            };
        }
        self.ended(RevokeReason::Revoke, 1, &user_id, caller.user_id.as_str());
        self.audit(origin, caller.user_id.as_str(), caller.id.as_str(), "").await;
        Ok(())
    }

    /// `POST /users/{user_id}/sessions/revoke/all`, the caller's own session included.
    pub async fn revoke_all_sessions(&self, caller: &Session, user_id: &str, origin: &Origin) -> Result<u64, AppError> {
        let user_id = self.authorize(caller, user_id).await?;
        let revoked = self.store.delete_sessions_for_user(&user_id).await?;
        self.ended(RevokeReason::RevokeAll, revoked, &user_id, caller.user_id.as_str());
        self.audit(origin, caller.user_id.as_str(), caller.id.as_str(), "").await;
        Ok(revoked)
    }

    /// Writes an audit record (a failure to is logged, not the request's failure).
    async fn audit(&self, origin: &Origin, user_id: &str, session_id: &str, extra_info: impl Into<String>) {
        let audit = Audit {
            id: Id::generate(),
            create_at: self.now(),
            user_id: user_id.to_owned(),
            action: origin.action.clone(),
            extra_info: extra_info.into(),
            ip_address: origin.client.map(|ip| ip.to_string()).unwrap_or_default(),
            session_id: session_id.to_owned(),
        };
        if let Err(e) = self.store.add_audit(&audit).await {
            tracing::warn!(error = %e, action = %audit.action, "could not write an audit record");
        }
    }

    /// `GET /users/{user_id}/audits`: the user's audit records, newest first, `per_page` a page
    /// (Mattermost's permission rule, as for the sessions list).
    pub async fn audits(
        &self,
        caller: &Session,
        user_id: &str,
        page: u32,
        per_page: u32,
    ) -> Result<Vec<Audit>, AppError> {
        let user_id = self.authorize(caller, user_id).await?;
        let per_page = per_page as usize;
        Ok(self.store.audits_for_user(user_id.as_str(), page as usize * per_page, per_page).await?)
    }

    /// Counts and logs ended sessions: every revocation path reports through here.
    fn ended(&self, reason: RevokeReason, count: u64, user_id: &Id, by: &str) {
        self.metrics.revoked(reason, count);
        if count > 0 {
            tracing::info!(reason = reason.as_str(), count, user_id = %user_id, by, "sessions ended");
        }
    }

    /// The user id a URL names: `me` is the caller's; anything but an id is 400.
    fn resolve_user_id(&self, caller: &Session, user_id: &str) -> Result<Id, AppError> {
        match user_id {
            ME => Ok(caller.user_id.clone()),
            other => Id::parse(other).ok_or(AppError::InvalidUrlParam("user_id")),
        }
    }

    /// Resolves `me`, validates the id, and applies Mattermost's permission rule.
    async fn authorize(&self, caller: &Session, user_id: &str) -> Result<Id, AppError> {
        let user_id = self.resolve_user_id(caller, user_id)?;
        let allowed = match self.roles.check_user_access(caller, &user_id) {
            Access::Allowed => true,
            Access::Denied => false,
            Access::IfTargetIsEditable => target_is_editable(self.store.user_by_id(&user_id).await?.as_ref()),
        };
        if allowed {
            Ok(user_id)
        } else {
            Err(AppError::Forbidden)
        }
    }

    /// `POST /users/login`: checks the credentials and opens a session. Every failure costs one
    /// password verification, whether or not the user exists.
    pub async fn login(&self, attempt: LoginAttempt) -> Result<(User, Token, Session), AppError> {
        let client = attempt.origin.client;
        if let Err(wait) = self.login_limits.check_address(client) {
            tracing::warn!(client = ?client, "login refused: the address's login budget is spent");
            self.metrics.login_limited("address");
            return Err(AppError::RateLimited(wait));
        }
        if attempt.password.is_empty() {
            return Err(AppError::BlankPassword);
        }
        let user = if attempt.ldap_only || attempt.password.chars().count() > password::MAX_LENGTH {
            None
        } else {
            self.user_by_login_id(&attempt.login_id).await?
        };
        // The login id is what the client typed (sometimes a password, in the wrong box): it is
        // logged only at debug, escaped and cut short; info lines name the user it resolved to.
        let login_id = crate::telemetry::untrusted(&attempt.login_id);
        let user_id = user.as_ref().map(|u| u.id.to_string());
        let account = match &user {
            Some(user) => Account::User(&user.id),
            None => Account::LoginId(&attempt.login_id),
        };
        if let Err(wait) = self.login_limits.check_account(&account) {
            tracing::warn!(user_id, client = ?client, "login refused: the account's login budget is spent");
            tracing::debug!(login_id, "login refused: the account's login budget is spent");
            self.metrics.login_limited("account");
            return Err(AppError::RateLimited(wait));
        }
        let hash = user.as_ref().and_then(|u| u.password_hash.clone());
        let verified = password::verify(attempt.password, hash).await;
        // Mattermost's record of a failure names the login id; it is escaped and bounded here.
        let failure = format!("failure - login_id={login_id}");
        let audited_user = user_id.clone().unwrap_or_default();
        let user = match user {
            // Mattermost answers a deactivated account so whatever the password.
            Some(user) if !user.is_active() => {
                tracing::info!(user_id, "login refused: the user is deactivated");
                self.metrics.login(false);
                self.audit(&attempt.origin, &audited_user, "", failure).await;
                return Err(AppError::InactiveUser);
            }
            Some(user) if verified => user,
            _ => {
                tracing::info!(user_id, client = ?client, "login failed: invalid credentials");
                tracing::debug!(login_id, "login failed: invalid credentials");
                self.metrics.login(false);
                self.audit(&attempt.origin, &audited_user, "", failure).await;
                return Err(AppError::InvalidCredentials);
            }
        };
        self.metrics.login(true);
        let mobile = !attempt.device_id.is_empty();
        let (platform, os, browser) = crate::user_agent::describe(&attempt.user_agent);
        let flag = |b: bool| b.to_string();
        let props = BTreeMap::from([
            ("platform".to_string(), platform),
            ("os".to_string(), os),
            ("browser".to_string(), browser),
            ("csrf".to_string(), Id::generate().into_string()),
            ("isMobile".to_string(), flag(mobile)),
            ("is_guest".to_string(), flag(user.has_role("system_guest"))),
            ("isSaml".to_string(), flag(false)),
            ("isOAuthUser".to_string(), flag(false)),
        ]);
        let (token, session) =
            self.issue_session(&user, self.length_ms(mobile), attempt.device_id, props).await.map_err(|e| match e {
                StoreError::UserInactive => AppError::InactiveUser,
                other => other.into(),
            })?;
        tracing::info!(user_id = %user.id, session_id = %session.id, mobile, "logged in");
        self.audit(&attempt.origin, user.id.as_str(), session.id.as_str(), "success").await;
        Ok((user, token, session))
    }

    async fn user_by_login_id(&self, login_id: &str) -> Result<Option<User>, AppError> {
        let login_id = login_id.trim().to_lowercase();
        if login_id.is_empty() {
            return Ok(None);
        }
        let by_email = login_id.contains('@');
        let first = if by_email {
            self.store.user_by_email(&login_id).await?
        } else {
            self.store.user_by_username(&login_id).await?
        };
        Ok(match first {
            Some(user) => Some(user),
            None if by_email => self.store.user_by_username(&login_id).await?,
            None => self.store.user_by_email(&login_id).await?,
        })
    }

    /// `POST /users/logout`: ends the calling session, if there is one.
    pub async fn logout(&self, caller: Option<&Session>, origin: &Origin) -> Result<(), AppError> {
        if let Some(session) = caller {
            let ended = u64::from(self.store.delete_session(session.id.as_str()).await?);
            self.ended(RevokeReason::Logout, ended, &session.user_id, session.user_id.as_str());
            self.audit(origin, session.user_id.as_str(), session.id.as_str(), "").await;
        }
        Ok(())
    }

    /// `GET /users/me`: the caller's user. A session whose user is gone is no session.
    pub async fn me(&self, caller: &Session) -> Result<User, AppError> {
        self.store.user_by_id(&caller.user_id).await?.ok_or(AppError::SessionExpired)
    }

    /// `GET /users/username/{username}`: any signed-in caller may look a user up.
    pub async fn user_by_username(&self, username: &str) -> Result<User, AppError> {
        let valid = (1..=64).contains(&username.len())
            && username.bytes().all(|b| b.is_ascii_alphanumeric() || b".-_".contains(&b));
        if !valid {
            return Err(AppError::InvalidUrlParam("username"));
        }
        self.store.user_by_username(&username.to_lowercase()).await?.ok_or(AppError::UserNotFound)
    }

    /// `GET /system/ping`: whether the store answers.
    pub async fn ping(&self) -> Result<(), AppError> {
        Ok(self.store.ping().await?)
    }

    /// Forgets rate-limit state of clients and accounts that are back to a full budget.
    pub fn forget_idle_limits(&self) {
        self.login_limits.forget_idle();
    }

    /// Deletes audit records older than the retention, in batches of `batch`; returns how many.
    pub async fn purge_old_audits(&self, batch: usize) -> Result<u64, StoreError> {
        let retention = i64::try_from(self.policy.audit_retention.as_millis()).unwrap_or(i64::MAX);
        let before = self.now().saturating_sub(retention);
        let mut total = 0;
        loop {
            let deleted = self.store.delete_audits_before(before, batch).await?;
            total += deleted;
            if deleted < batch as u64 {
                return Ok(total);
            }
            tokio::task::yield_now().await;
        }
    }

    /// Deletes expired sessions in batches of `batch` (each its own short transaction, so that
    /// logins and revocations interleave); returns how many went.
    pub async fn purge_expired(&self, batch: usize) -> Result<u64, StoreError> {
        let mut total = 0;
        loop {
            let deleted = self.store.delete_expired(self.now(), batch).await?;
            self.metrics.revoked(RevokeReason::Expired, deleted);
            total += deleted;
            if deleted < batch as u64 {
                return Ok(total);
            }
            tokio::task::yield_now().await;
        }
    }

    /// Sets a user's password (the admin CLI; also how the tests seed users). Returns how many
    /// of the user's sessions ended (all of them, with `TerminateSessionsOnPasswordChange`).
    pub async fn set_password(&self, user: &User, new_password: &str) -> anyhow::Result<u64> {
        password::validate(new_password).map_err(anyhow::Error::msg)?;
        self.store_password(user, new_password).await?;
        self.audit(&Origin::cli("user set-password"), user.id.as_str(), "", "completed").await;
        if !self.policy.terminate_on_password_change {
            return Ok(0);
        }
        let ended = self.store.delete_sessions_for_user(&user.id).await?;
        self.ended(RevokeReason::PasswordChange, ended, &user.id, ADMIN_CLI);
        Ok(ended)
    }

    async fn store_password(&self, user: &User, new_password: &str) -> anyhow::Result<()> {
        let hash = password::hash(new_password.to_owned()).await?;
        anyhow::ensure!(self.store.set_password_hash(&user.id, &hash, self.now()).await?, "no user {}", user.id);
        Ok(())
    }

    /// `PUT /users/{user_id}/password`, in Mattermost's order: the user themself must give the
    /// current password (a password guess, so it spends from the login budgets); anyone else
    /// needs `manage_system` for a system admin, else `sysconsole_write_user_management_users`.
    /// With `TerminateSessionsOnPasswordChange` the user's sessions end, all but the caller's.
    pub async fn update_password(
        &self,
        caller: &Session,
        user_id: &str,
        change: PasswordChange,
        origin: &Origin,
    ) -> Result<(), AppError> {
        let user_id = self.resolve_user_id(caller, user_id)?;
        // Mattermost's records of the call: attempted, then completed or failed.
        self.audit(origin, caller.user_id.as_str(), caller.id.as_str(), "attempted").await;
        let changed = self.change_password(caller, user_id, change, origin).await;
        let outcome = if changed.is_ok() { "completed" } else { "failed" };
        self.audit(origin, caller.user_id.as_str(), caller.id.as_str(), outcome).await;
        changed
    }

    async fn change_password(
        &self,
        caller: &Session,
        user_id: Id,
        change: PasswordChange,
        origin: &Origin,
    ) -> Result<(), AppError> {
        let target = self.store.user_by_id(&user_id).await?;
        let target = if user_id == caller.user_id {
            if change.current_password.is_empty() {
                return Err(AppError::InvalidBodyParam("current_password"));
            }
            let user = target.ok_or(AppError::SessionExpired)?;
            self.spend_login_budgets(origin.client, &user)?;
            if !password::verify(change.current_password, user.password_hash.clone()).await {
                tracing::info!(user_id = %user.id, "password change refused: wrong current password");
                return Err(AppError::IncorrectPassword);
            }
            user
        } else {
            let needed = match &target {
                Some(user) if user.has_role(SYSTEM_ADMIN) => Permission::ManageSystem,
                _ => Permission::SysconsoleWriteUserManagementUsers,
            };
            match target {
                Some(user) if self.roles.session_has(caller, needed) => user,
                _ => return Err(AppError::PasswordChangeForbidden),
            }
        };
        let length = change.new_password.chars().count();
        if !(password::MIN_LENGTH..=password::MAX_LENGTH).contains(&length) {
            return Err(AppError::InvalidPassword { too_short: length < password::MIN_LENGTH });
        }
        self.store_password(&target, &change.new_password).await.map_err(AppError::Internal)?;
        tracing::info!(user_id = %target.id, by = %caller.user_id, "password changed");
        if self.policy.terminate_on_password_change {
            let ended = self.store.delete_other_sessions(&target.id, caller.id.as_str()).await?;
            self.ended(RevokeReason::PasswordChange, ended, &target.id, caller.user_id.as_str());
        }
        Ok(())
    }

    /// `PUT /users/{user_id}/active`, in Mattermost's order: deactivating oneself needs
    /// `EnableUserDeactivation`; anything else `sysconsole_write_user_management_users`, and a
    /// system admin target `manage_system` too. Deactivation ends every session of the user at
    /// once; reactivation lets them log in again (their old sessions stay gone).
    pub async fn update_active(
        &self,
        caller: &Session,
        user_id: &str,
        active: bool,
        origin: &Origin,
    ) -> Result<(), AppError> {
        let user_id = self.resolve_user_id(caller, user_id)?;
        let self_deactivation = !active && user_id == caller.user_id;
        if !self_deactivation && !self.roles.session_has(caller, Permission::SysconsoleWriteUserManagementUsers) {
            return Err(AppError::ActivationForbidden);
        }
        if self_deactivation && !self.policy.enable_user_deactivation {
            return Err(AppError::DeactivationNotEnabled);
        }
        let user = self.store.user_by_id(&user_id).await?.ok_or(AppError::NoSuchUser)?;
        if user.has_role(SYSTEM_ADMIN) && !self.roles.session_has(caller, Permission::ManageSystem) {
            return Err(AppError::Forbidden);
        }
        self.set_active(&user, active, caller.user_id.as_str()).await?;
        let record = format!("user_id={} active={active}", user.id);
        self.audit(origin, caller.user_id.as_str(), caller.id.as_str(), record).await;
        Ok(())
    }

    /// (De)activates a user (the admin CLI); returns how many sessions ended.
    pub async fn admin_set_active(&self, user: &User, active: bool) -> anyhow::Result<u64> {
        let ended = self.set_active(user, active, ADMIN_CLI).await?;
        let command = if active { "user activate" } else { "user deactivate" };
        self.audit(&Origin::cli(command), user.id.as_str(), "", format!("user_id={} active={active}", user.id)).await;
        Ok(ended)
    }

    async fn set_active(&self, user: &User, active: bool, by: &str) -> Result<u64, StoreError> {
        if active {
            self.store.reactivate_user(&user.id, self.now()).await?;
            tracing::info!(user_id = %user.id, by, "user reactivated");
            return Ok(0);
        }
        if !user.is_active() {
            return Ok(0);
        }
        let ended = self.store.deactivate_user(&user.id, self.now()).await?.unwrap_or(0);
        self.ended(RevokeReason::Deactivation, ended, &user.id, by);
        tracing::info!(user_id = %user.id, by, "user deactivated");
        Ok(ended)
    }

    /// Spends one attempt from the address's and the account's login budgets.
    fn spend_login_budgets(&self, client: Option<std::net::IpAddr>, user: &User) -> Result<(), AppError> {
        let spent = self.login_limits.check_address(client).map_err(|wait| (wait, "address"));
        let spent = spent
            .and_then(|()| self.login_limits.check_account(&Account::User(&user.id)).map_err(|wait| (wait, "account")));
        spent.map_err(|(wait, budget)| {
            tracing::warn!(user_id = %user.id, client = ?client, budget, "password check refused: login budget spent");
            self.metrics.login_limited(budget);
            AppError::RateLimited(wait)
        })
    }

    /// `POST /users/sessions/revoke/all`: every session of every user, the caller's included
    /// (`manage_system` only).
    pub async fn revoke_everyone(&self, caller: &Session, origin: &Origin) -> Result<u64, AppError> {
        if !self.roles.session_has(caller, Permission::ManageSystem) {
            return Err(AppError::Forbidden);
        }
        let ended = self.store.delete_all_sessions().await?;
        self.metrics.revoked(RevokeReason::RevokeEveryone, ended);
        tracing::info!(count = ended, by = %caller.user_id, "every session of every user ended");
        self.audit(origin, caller.user_id.as_str(), caller.id.as_str(), "").await;
        Ok(ended)
    }

    /// `PUT /users/sessions/device`: the caller's session takes the device id and the mobile
    /// lifetime; the user's other sessions with that device id end (what the mobile app calls
    /// after login).
    pub async fn attach_device(&self, caller: &Session, device_id: &str, origin: &Origin) -> Result<(), AppError> {
        if device_id.is_empty() {
            return Err(AppError::InvalidBodyParam("device_id"));
        }
        let ended = self.store.delete_device_sessions(&caller.user_id, device_id, caller.id.as_str()).await?;
        self.ended(RevokeReason::Device, ended, &caller.user_id, caller.user_id.as_str());
        let expires_at = self.now().saturating_add(self.length_ms(true));
        self.store.attach_device(caller.id.as_str(), device_id, expires_at).await?;
        tracing::info!(session_id = %caller.id, user_id = %caller.user_id, "device attached");
        self.audit(origin, caller.user_id.as_str(), caller.id.as_str(), "").await;
        Ok(())
    }

    /// Replaces a user's roles (the admin CLI). Every session of the user takes the new roles in
    /// the same write, as in Mattermost: a demoted administrator's open sessions lose the power
    /// on their very next request, on every node.
    pub async fn set_roles(&self, user: &User, roles: Vec<String>) -> anyhow::Result<User> {
        let mut user = user.clone();
        user.roles = crate::domain::user::validate_roles(roles).map_err(anyhow::Error::msg)?;
        user.update_at = self.now();
        let sessions = self.store.set_roles(&user.id, &user.roles, user.update_at).await?;
        let sessions = sessions.ok_or_else(|| anyhow::anyhow!("no user {}", user.id))?;
        tracing::info!(user_id = %user.id, roles = %user.roles, sessions, by = ADMIN_CLI, "roles updated");
        self.audit(&Origin::cli("user set-roles"), user.id.as_str(), "", format!("roles={}", user.roles)).await;
        Ok(user)
    }

    /// Creates a user (the admin CLI).
    pub async fn create_user(&self, new: NewUser) -> anyhow::Result<User> {
        let user = new.validate(Id::generate(), self.now()).map_err(anyhow::Error::msg)?;
        match self.store.create_user(&user).await {
            Ok(()) => Ok(user),
            Err(StoreError::Conflict(field)) => anyhow::bail!("a user with that {} already exists", field.as_str()),
            Err(e) => Err(e.into()),
        }
    }

    /// Every user, by username (the admin CLI).
    pub async fn list_users(&self) -> anyhow::Result<Vec<User>> {
        Ok(self.store.list_users().await?)
    }

    /// A user's sessions, most recent activity first (the admin CLI).
    pub async fn sessions_of(&self, user: &User) -> anyhow::Result<Vec<Session>> {
        Ok(self.store.sessions_for_user(&user.id).await?)
    }

    /// Revokes one session by id, whoever holds it (the admin CLI); `false` when there is none.
    pub async fn admin_revoke_session(&self, session_id: &str) -> anyhow::Result<bool> {
        let Some(session) = self.store.session_by_id(session_id).await? else { return Ok(false) };
        let ended = self.store.delete_user_session(&session.user_id, session_id).await?;
        self.ended(RevokeReason::Revoke, u64::from(ended), &session.user_id, ADMIN_CLI);
        let record = format!("session_id={session_id}");
        self.audit(&Origin::cli("session revoke"), session.user_id.as_str(), "", record).await;
        Ok(ended)
    }

    /// Revokes every session of a user (the admin CLI); returns how many.
    pub async fn admin_revoke_all(&self, user: &User) -> anyhow::Result<u64> {
        let revoked = self.store.delete_sessions_for_user(&user.id).await?;
        self.ended(RevokeReason::RevokeAll, revoked, &user.id, ADMIN_CLI);
        self.audit(&Origin::cli("session revoke-all"), user.id.as_str(), "", format!("revoked={revoked}")).await;
        Ok(revoked)
    }

    /// Looks a user up by username, or by id.
    pub async fn find_user(&self, username_or_id: &str) -> anyhow::Result<User> {
        let by_name = self.store.user_by_username(&username_or_id.to_lowercase()).await?;
        let found = match (by_name, Id::parse(username_or_id)) {
            (Some(user), _) => Some(user),
            (None, Some(id)) => self.store.user_by_id(&id).await?,
            (None, None) => None,
        };
        found.ok_or_else(|| anyhow::anyhow!("no user {username_or_id:?}"))
    }

    /// Issues a session for `user`, valid for `length_ms` milliseconds (0: never expires). The token is returned
    /// once and never stored. Sessions beyond the per-user cap are revoked, least recently used
    /// first.
    pub async fn issue_session(
        &self,
        user: &User,
        length_ms: i64,
        device_id: String,
        props: BTreeMap<String, String>,
    ) -> Result<(Token, Session), StoreError> {
        let (token, session) = Session::issue(user, self.now(), length_ms, device_id, props);
        let evicted = self.store.create_session(&session, self.policy.max_per_user.get()).await?;
        self.ended(RevokeReason::Cap, evicted, &user.id, "session-cap");
        if evicted > 0 {
            let record = format!("{evicted} least recently used session(s) revoked");
            self.audit(&Origin::server("session cap"), user.id.as_str(), session.id.as_str(), record).await;
        }
        Ok((token, session))
    }

    /// A session for scripts, from the admin CLI: valid for `days` (0: never expires), never
    /// idle-timed-out nor extended (Mattermost's personal access tokens behave so).
    pub async fn issue_access_token(&self, user: &User, days: u32) -> Result<(Token, Session), StoreError> {
        let props = BTreeMap::from([(PROP_TYPE.to_owned(), ACCESS_TOKEN_TYPE.to_owned())]);
        self.issue_session(user, i64::from(days) * 24 * 3600 * 1000, String::new(), props).await
    }
}
