//! Password login and logout, and the login budgets every password check spends from (a login,
//! or the current password a password change asks for).

use std::collections::BTreeMap;
use std::net::IpAddr;

use super::{Actor, Caller, Origin, SessionService, Whose};
use crate::domain::{Id, RevokeReason, Session, Token, User};
use crate::error::AppError;
use crate::password;

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
    /// Where it came from: the per-address login budget and the audit record.
    pub origin: Origin,
}

/// What a password check is for, in the log line of a refusal.
#[derive(Clone, Copy, Debug)]
pub(super) enum Budget {
    Login,
    PasswordCheck,
    /// An MFA code checked within a session (turning MFA on or off).
    CodeCheck,
}

impl SessionService {
    /// `POST /users/login`: checks the credentials and opens a session. Every failure costs one
    /// password verification, whether or not the user exists.
    pub async fn login(&self, attempt: LoginAttempt) -> Result<(User, Token, Session), AppError> {
        let client = attempt.origin.client;
        self.spend(Budget::Login, client, None, None)?;
        if attempt.password.is_empty() {
            return Err(AppError::BlankPassword);
        }
        check_device_id(&attempt.device_id)?;
        // Mattermost's `GetUserForLogin`: by id alone when one is given, else by login id.
        let typed = if attempt.id.is_empty() { &attempt.login_id } else { &attempt.id };
        let user = if attempt.password.chars().count() > password::MAX_LENGTH {
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
        let user_id = user.as_ref().map(|u| u.id.to_string());
        // Keyed by what was typed, never by the account it names: a budget spent as `Carol`
        // must not tell that `carol@example.com` is the same account (docs/security.md).
        let spent = self.spend(Budget::Login, client, Some(typed), user.as_ref().map(|u| &u.id));
        if let Err(refused) = spent {
            tracing::debug!(login_id, "login refused: the account's login budget is spent");
            return Err(refused);
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
                self.record(&attempt.origin, &audited_user, "", failure).await;
                return Err(AppError::InactiveUser);
            }
            Some(user) if verified => {
                if let Err(refused) = self.check_login_code(&user, &attempt.mfa_code, client).await {
                    tracing::info!(user_id, code = !attempt.mfa_code.is_empty(), "login refused: {refused}");
                    self.metrics.login(false);
                    self.record(&attempt.origin, &audited_user, "", failure).await;
                    return Err(refused);
                }
                user
            }
            _ => {
                tracing::info!(user_id, client = ?client, "login failed: invalid credentials");
                tracing::debug!(login_id, "login failed: invalid credentials");
                self.metrics.login(false);
                self.record(&attempt.origin, &audited_user, "", failure).await;
                return Err(AppError::InvalidCredentials);
            }
        };
        self.metrics.login(true);
        let mobile = !attempt.device_id.is_empty();
        if mobile {
            // Mattermost's `DoLogin`: the device's earlier sessions of this user end.
            let ended = self.stores.sessions.delete_device_sessions(&user.id, &attempt.device_id, None).await?;
            self.ended(RevokeReason::Device, ended, Whose::User(&user.id), user.id.as_str());
        }
        let props = login_props(&user, &attempt.user_agent, mobile);
        let (token, session) = self.issue_session(&user, self.length_ms(mobile), attempt.device_id, props).await?;
        tracing::info!(user_id = %user.id, session_id = %session.id, mobile, "logged in");
        self.record(&attempt.origin, user.id.as_str(), session.id.as_str(), "success").await;
        Ok((user, token, session))
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

    /// `POST /users/logout`: ends the calling session, if there is one.
    pub async fn logout(&self, caller: Option<Caller<'_>>) -> Result<(), AppError> {
        if let Some(caller) = caller {
            let session = caller.session;
            let ended = u64::from(self.stores.sessions.delete_session(&session.id).await?);
            self.ended(RevokeReason::Logout, ended, Whose::User(&session.user_id), session.user_id.as_str());
            self.audit(Actor::Request(caller), session.user_id.as_str(), "", String::new).await;
        }
        Ok(())
    }

    /// Spends one attempt from the client address's budget (`login_id`: `None`) or from the
    /// login id's; a spent budget is 429, logged (naming `user`, if known) and counted.
    fn spend(
        &self,
        why: Budget,
        client: Option<IpAddr>,
        login_id: Option<&str>,
        user: Option<&Id>,
    ) -> Result<(), AppError> {
        let (budget, spent) = match login_id {
            None => ("address", self.login_limits.check_address(client)),
            Some(login_id) => ("account", self.login_limits.check_login_id(login_id)),
        };
        let Err(wait) = spent else { return Ok(()) };
        match (why, login_id) {
            (Budget::Login, None) => {
                tracing::warn!(client = ?client, "login refused: the address's login budget is spent");
            }
            (Budget::Login, Some(_)) => {
                let user_id = user.map(Id::as_str);
                tracing::warn!(user_id, client = ?client, "login refused: the account's login budget is spent");
            }
            (Budget::PasswordCheck | Budget::CodeCheck, _) => {
                let user_id = user.map(Id::to_string).unwrap_or_default();
                let what = if matches!(why, Budget::CodeCheck) { "MFA code" } else { "password" };
                tracing::warn!(user_id = %user_id, client = ?client, budget, what, "check refused: login budget spent");
            }
        }
        self.metrics.login_limited(budget);
        Err(AppError::RateLimited(wait))
    }

    /// Spends one attempt from the address's budget, then from the budget of every login id
    /// that names the user (their username, email and id): a password guessed within a session
    /// costs what a login guess costs, whichever login id that one would use.
    pub(super) fn spend_budgets(&self, why: Budget, client: Option<IpAddr>, user: &User) -> Result<(), AppError> {
        self.spend(why, client, None, Some(&user.id))?;
        for login_id in [user.username.as_str(), user.email.as_str(), user.id.as_str()] {
            self.spend(why, client, Some(login_id), Some(&user.id))?;
        }
        Ok(())
    }
}

/// The longest device id accepted (Mattermost's column is `varchar(512)`, and a longer one fails
/// its insert; here it is a clear 400).
pub const MAX_DEVICE_ID_CHARS: usize = 512;

/// A device id, at login or attach, is at most [`MAX_DEVICE_ID_CHARS`] characters.
pub(super) fn check_device_id(device_id: &str) -> Result<(), AppError> {
    if device_id.chars().count() > MAX_DEVICE_ID_CHARS {
        return Err(AppError::InvalidBodyParam("device_id"));
    }
    Ok(())
}

/// The props Mattermost gives a login's session: what the User-Agent says, a CSRF token, and
/// flags.
fn login_props(user: &User, user_agent: &str, mobile: bool) -> BTreeMap<String, String> {
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
        ("isOAuthUser".to_string(), flag(false)),
    ])
}
