//! Password login and logout, and the login budgets every password or code check spends from
//! ([`crate::login_budget`]: which budget a check spends, and why; docs/security.md, "Login
//! budgets").

use std::collections::BTreeMap;
use std::net::IpAddr;

use super::audit::Subject;
use super::{Actor, Caller, Origin, SessionService, Whose};
use crate::domain::event::reason;
use crate::domain::{Cause, DeviceId, Id, RevokeReason, Session, Token, User};
use crate::error::AppError;
use crate::known_device;
use crate::login_budget::{Budget, Spent};
use crate::password_hash;

/// What a login request carries, as the service needs it.
#[derive(Clone, Debug, Default)]
pub struct LoginAttempt {
    /// A user id: when given, the user is looked up by it alone (the Go driver's `LoginById`).
    pub id: String,
    pub login_id: String,
    pub password: String,
    /// A mobile device id; "" for web logins.
    pub device_id: String,
    /// The MFA code (the body's `token`); "" for none.
    pub mfa_code: String,
    pub user_agent: String,
    /// The device cookies the client sent ([`known_device`]).
    pub device_cookies: Vec<String>,
    /// Where it came from: the per-address login budget and the audit record.
    pub origin: Origin,
}

/// A login that opened a session.
#[derive(Debug)]
pub struct LoggedIn {
    pub user: User,
    pub token: Token,
    pub session: Session,
    /// A fresh device cookie for the client to keep ([`known_device`]).
    pub device_cookie: Option<String>,
}

/// What a check within a session is of, for the budget it spends.
#[derive(Clone, Copy, Debug)]
pub(super) enum SessionCheck {
    /// The current password (a password change).
    Password,
    /// An MFA code (turning MFA on or off).
    Code,
}

impl SessionService {
    /// `POST /users/login`: checks the credentials and opens a session. Every failure costs one
    /// password verification, whether or not the user exists.
    pub async fn login(&self, attempt: LoginAttempt) -> Result<LoggedIn, AppError> {
        let client = attempt.origin.client;
        // Without a device cookie, the address's budget comes first, before anything is read.
        let address_spent = attempt.device_cookies.is_empty();
        if address_spent {
            self.login_budgets.spend_address(client).map_err(|spent| self.budget_refusal(spent, client, None))?;
        }
        if attempt.password.is_empty() {
            return Err(AppError::BlankPassword);
        }
        let device_id = device_id(attempt.device_id)?;
        // Mattermost's `GetUserForLogin`: by id alone when one is given, else by login id.
        let typed = if attempt.id.is_empty() { &attempt.login_id } else { &attempt.id };
        let user = if attempt.password.chars().count() > password_hash::MAX_LENGTH {
            None
        } else if attempt.id.is_empty() {
            self.user_by_login_id(&attempt.login_id).await?
        } else {
            match Id::parse(&attempt.id) {
                Some(id) => self.stores.users.user_by_id(&id).await?,
                None => None,
            }
        };
        // The login id is what the client typed (sometimes a password, in the wrong box): it is
        // logged only at debug, escaped and cut short; info lines name the user it resolved to.
        let login_id = crate::telemetry::untrusted(typed);
        // The user it names, kept for the log lines and the audit record once `user` is moved.
        let named = user.as_ref().map(|u| u.id.clone());
        let user_id = named.as_ref().map(Id::as_str);
        let audited = Subject { user: named.as_ref(), session: None };
        // Mattermost's record of a failure names the login id; it is escaped and bounded here.
        let failure = format!("failure - login_id={login_id}");
        let device = user.as_ref().and_then(|u| known_device::find(&attempt.device_cookies, u, self.now()));
        // A known device has an address budget of its own (spent with the device's, below).
        if device.is_none() && !address_spent {
            self.login_budgets.spend_address(client).map_err(|spent| self.budget_refusal(spent, client, None))?;
        }
        if let Some(user) = user.as_ref().filter(|u| !u.is_active()) {
            // Mattermost answers a deactivated account so whatever the password; answered before
            // the account's budget, so that the answer does not change when it runs out.
            password_hash::spend(attempt.password, user.password_hash.clone()).await;
            if let Some(unlogged) = self.refusal_log.admit() {
                tracing::info!(user_id = %user.id, unlogged, "login refused: the user is deactivated");
            }
            self.metrics.login(false);
            self.record(&attempt.origin, audited, failure).await;
            return Err(AppError::InactiveUser);
        }
        if let Some(user) = &user {
            let spent = match &device {
                Some(device) => self.login_budgets.spend_device(client, device),
                None => self.login_budgets.spend_account(&user.id),
            };
            match spent {
                Ok(()) => {}
                // An unknown device past the account's budget: the password is not checked, and
                // the answer is a wrong password's, after as long, with the same audit record.
                // A 429 would tell an outsider that the name they typed shares an account with
                // the one they spent the budget on, and which of their guesses was right.
                Err(spent @ Spent { budget: Budget::Account, .. }) => {
                    tracing::debug!(login_id, "login refused: the account's login budget is spent");
                    self.count_refusal(spent, client, Some(&user.id));
                    password_hash::spend(attempt.password, user.password_hash.clone()).await;
                    self.record(&attempt.origin, audited, failure).await;
                    return Err(self.wrong_credentials(AppError::InvalidCredentials));
                }
                Err(spent) => return Err(self.budget_refusal(spent, client, Some(&user.id))),
            }
        }
        let hash = user.as_ref().and_then(|u| u.password_hash.clone());
        // An imported hash (Mattermost's): the password is kept for the re-hash, once verified.
        let rehash = hash.as_deref().is_some_and(password_hash::needs_rehash).then(|| attempt.password.clone());
        let verified = password_hash::verify(attempt.password, hash).await;
        let user = match user {
            // Before a verified password: an SSO account's hash (an import's, say) signs in nowhere.
            Some(user) if user.is_sso() => {
                // Checked after a verification, as every refusal here: as long as any other.
                tracing::debug!(user_id, "login refused: the user signs in through single sign-on");
                self.metrics.login(false);
                self.record(&attempt.origin, audited, failure).await;
                return Err(self.wrong_credentials(AppError::InvalidCredentials));
            }
            Some(user) if verified => {
                if let Err(refused) = self.check_login_code(&user, &attempt.mfa_code).await {
                    if let Some(unlogged) = self.refusal_log.admit() {
                        let code = !attempt.mfa_code.is_empty();
                        tracing::info!(user_id, code, unlogged, "login refused: {refused}");
                    }
                    self.metrics.login(false);
                    self.record(&attempt.origin, audited, failure).await;
                    return Err(refused);
                }
                user
            }
            _ => {
                if let Some(unlogged) = self.refusal_log.admit() {
                    tracing::info!(user_id, client = ?client, unlogged, "login failed: invalid credentials");
                }
                tracing::debug!(login_id, "login failed: invalid credentials");
                self.metrics.login(false);
                self.record(&attempt.origin, audited, failure).await;
                return Err(self.wrong_credentials(AppError::InvalidCredentials));
            }
        };
        self.metrics.login(true);
        let mobile = !device_id.is_none();
        if mobile {
            // Mattermost's `DoLogin`: the device's earlier sessions of this user end.
            let cause = Cause::by_user(RevokeReason::Device.event_reason(), user.id.as_str(), self.now());
            let ended = self.stores.sessions.delete_device_sessions(&user.id, device_id.as_str(), None, &cause).await?;
            self.ended(RevokeReason::Device, ended, Whose::User(&user.id), user.id.as_str());
        }
        let props = login_props(&user, &attempt.user_agent, mobile, false);
        let cause = Cause::by_user(reason::PASSWORD, user.id.as_str(), self.now());
        let (token, session) =
            self.issue_session_because(&user, self.length_ms(mobile), device_id.into_string(), props, &cause).await?;
        // A switch of sign-in method (or a new password) that committed while this login checked
        // the old one: its session goes, as the switch's own would have taken it.
        let now_user = self.stores.users.user_by_username(&user.username).await?;
        let same = now_user.as_ref().is_some_and(|u| {
            u.id == user.id && u.password_hash == user.password_hash && u.auth_service == user.auth_service
        });
        if !same {
            let cause = Cause::system(RevokeReason::SignInMethodChanged.event_reason(), self.now());
            self.stores.sessions.delete_session(&session.id, &cause).await?;
            tracing::info!(user_id = %user.id, "login undone: the user's sign-in method changed meanwhile");
            return Err(self.wrong_credentials(AppError::InvalidCredentials));
        }
        if let (Some(password), Some(old)) = (rehash, user.password_hash.as_deref()) {
            self.upgrade_password_hash(&user.id, old, password).await;
        }
        tracing::info!(user_id = %user.id, session_id = %session.id, mobile, "logged in");
        self.record(&attempt.origin, Subject::session(&session), "success").await;
        let device_cookie = known_device::issue(&user, self.now());
        Ok(LoggedIn { user, token, session, device_cookie })
    }

    /// Stores the argon2id hash of a password that just verified against an imported hash
    /// (Mattermost's bcrypt or PBKDF2) in its place. The login stands whatever happens here: a
    /// failure leaves the old hash, which the next login upgrades.
    async fn upgrade_password_hash(&self, user_id: &Id, old: &str, password: String) {
        let upgraded = match password_hash::hash(password).await {
            Ok(new) => self.stores.users.upgrade_password_hash(user_id, old, &new).await.map_err(anyhow::Error::from),
            Err(e) => Err(e),
        };
        match upgraded {
            Ok(true) => tracing::info!(%user_id, "imported password hash replaced by argon2id"),
            Ok(false) => tracing::debug!(%user_id, "imported password hash changed meanwhile; not replaced"),
            Err(e) => tracing::warn!(%user_id, error = %e, "could not replace an imported password hash"),
        }
    }

    /// The user a login id names: by email if it looks like one, else by username; then the
    /// other way round (Mattermost looks both up).
    async fn user_by_login_id(&self, login_id: &str) -> Result<Option<User>, AppError> {
        let login_id = login_id.trim().to_lowercase();
        if login_id.is_empty() {
            return Ok(None);
        }
        let users = &self.stores.users;
        let by_email = login_id.contains('@');
        let first =
            if by_email { users.user_by_email(&login_id).await? } else { users.user_by_username(&login_id).await? };
        Ok(match first {
            Some(user) => Some(user),
            None if by_email => users.user_by_username(&login_id).await?,
            None => users.user_by_email(&login_id).await?,
        })
    }

    /// The answer to wrong credentials: with single sign-on on, Mattermost answers every failed
    /// password login `invalid_credentials_sso`, so the answer never tells an SSO account from
    /// a wrong password or an unknown name.
    fn wrong_credentials(&self, error: AppError) -> AppError {
        if self.policy.sso.any_enabled {
            AppError::SsoUserPasswordLogin
        } else {
            error
        }
    }

    /// `POST /users/logout`: ends the calling session, if there is one.
    pub async fn logout(&self, caller: Option<Caller<'_>>) -> Result<(), AppError> {
        if let Some(caller) = caller {
            let session = caller.session;
            let cause = Cause::by_user(reason::LOGOUT, session.user_id.as_str(), self.now());
            let ended = u64::from(self.stores.sessions.delete_session(&session.id, &cause).await?);
            self.ended(RevokeReason::Logout, ended, Whose::User(&session.user_id), session.user_id.as_str());
            self.audit(Actor::Request(caller), Some(&session.user_id), "", String::new).await;
        }
        Ok(())
    }

    /// A check within `caller`'s session spends from the client address's budget, then from
    /// the user's in-session budget (their in-session code budget for an MFA code): a stolen
    /// session guesses at a bounded rate, however many sessions it makes, and its guesses spend
    /// nothing of the login's.
    pub(super) fn spend_session_check(&self, caller: Caller<'_>, check: SessionCheck) -> Result<(), AppError> {
        let (client, user) = (caller.origin.client, &caller.session.user_id);
        self.login_budgets.spend_address(client).map_err(|spent| self.budget_refusal(spent, client, Some(user)))?;
        let spent = match check {
            SessionCheck::Password => self.login_budgets.spend_in_session(user),
            SessionCheck::Code => self.login_budgets.spend_in_session_code(user),
        };
        spent.map_err(|spent| self.budget_refusal(spent, client, Some(user)))
    }

    /// A spent budget: counted, logged (a few lines a window: anyone can cause these), and
    /// answered 429 with how long to wait.
    pub(super) fn budget_refusal(&self, spent: Spent, client: Option<IpAddr>, user: Option<&Id>) -> AppError {
        self.count_refusal(spent, client, user);
        AppError::RateLimited(spent.wait)
    }

    /// A spent budget counted and logged (a few lines a window), whatever the answer says.
    fn count_refusal(&self, spent: Spent, client: Option<IpAddr>, user: Option<&Id>) {
        self.metrics.login_limited(spent.budget.as_str());
        if let Some(unlogged) = self.refusal_log.admit() {
            let (user_id, budget) = (user.map(Id::as_str), spent.budget.as_str());
            tracing::warn!(user_id, client = ?client, budget, unlogged, "password or code check refused: budget spent");
        }
    }
}

/// A device id from a request, or the 400 naming it.
pub(super) fn device_id(value: String) -> Result<DeviceId, AppError> {
    DeviceId::parse(value).ok_or(AppError::InvalidBodyParam("device_id"))
}

/// The props Mattermost gives a login's session: what the User-Agent says, a CSRF token, and
/// flags.
pub(super) fn login_props(user: &User, user_agent: &str, mobile: bool, sso: bool) -> BTreeMap<String, String> {
    let (platform, os, browser) = crate::user_agent::describe(user_agent);
    let flag = |b: bool| b.to_string();
    BTreeMap::from([
        ("platform".to_string(), platform),
        ("os".to_string(), os),
        ("browser".to_string(), browser),
        ("csrf".to_string(), Id::generate().into_string()),
        ("isMobile".to_string(), flag(mobile)),
        ("is_guest".to_string(), flag(user.has_role("system_guest"))),
        ("isSaml".to_string(), flag(false)),
        ("isOAuthUser".to_string(), flag(sso)),
    ])
}
