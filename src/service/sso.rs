//! Single sign-on's side of the session service: sign-ins in flight, the account a provider's
//! person signs in to (found by their provider identity, or made under
//! `TeamSettings.EnableUserCreation` and `RestrictCreationToDomains`), the session it opens, and
//! an administrator switching a user's sign-in method. The provider itself is talked to by
//! [`crate::sso`]; what reaches here is a checked [`Identity`].
//!
//! Where this is stricter than Mattermost (docs/compatibility.md): no account is linked by email
//! (an account with the email but another sign-in method is Mattermost's `already_attached`
//! refusal, whatever the method), and a deactivated account stays deactivated (Mattermost
//! reactivates it: an identity provider would undo an administrator's decision).

use super::audit::Subject;
use super::login::{login_props, LoggedIn};
use super::{Actor, Origin, SessionService, Whose};
use crate::config::Service;
use crate::domain::event::reason;
use crate::domain::user::is_valid_username;
use crate::domain::{Cause, Id, NewUser, RevokeReason, User};
use crate::error::AppError;
use crate::permissions::Permission;
use crate::sso::state::{self, SignIn};
use crate::sso::Identity;
use crate::store::{StoreError, Unique};

/// How many numbered usernames are tried when the provider's is taken (Mattermost appends
/// digits until one is free).
const USERNAME_TRIES: u32 = 100;

impl SessionService {
    /// Keeps a sign-in in flight under its `state`, for every node, for [`state::LIFETIME_MS`].
    /// A sign-in costs the client address's login budget: each one writes a row that lives 10
    /// minutes, and anyone can start them.
    pub async fn begin_sign_in(
        &self,
        state: &str,
        sign_in: &SignIn,
        client: Option<std::net::IpAddr>,
    ) -> Result<(), AppError> {
        self.login_budgets.spend_address(client).map_err(|spent| self.budget_refusal(spent, client, None))?;
        let key = state::key(state).ok_or_else(|| AppError::Internal(anyhow::anyhow!("a state not of our making")))?;
        let expires_at = self.now() + state::LIFETIME_MS;
        self.stores.sso_states.put_sso_state(&key, expires_at, &sign_in.to_json()).await?;
        Ok(())
    }

    /// Takes the sign-in a returned `state` names, once, if the browser that started it
    /// (`cookie`) brings it back in time and for `service`: `SsoInvalidState` otherwise, one
    /// answer for every way it fails.
    pub async fn take_sign_in(&self, state: &str, cookie: Option<&str>, service: &str) -> Result<SignIn, AppError> {
        let key = state::key(state).ok_or(AppError::SsoInvalidState)?;
        let stored = self.stores.sso_states.take_sso_state(&key, self.now()).await?;
        let sign_in = stored.as_deref().and_then(SignIn::from_json).ok_or(AppError::SsoInvalidState)?;
        if !sign_in.started_by(cookie) || sign_in.service != service {
            if let Some(unlogged) = self.refusal_log.admit() {
                tracing::info!(
                    service,
                    unlogged,
                    "single sign-on return refused: not the browser or service that started it"
                );
            }
            return Err(AppError::SsoInvalidState);
        }
        Ok(sign_in)
    }

    /// The person `identity` names signs in: their account, found or made, and a session
    /// (`isOAuthUser`; `SessionLengthSSOInHours`, or the mobile length for the mobile flow).
    pub async fn sso_login(
        &self,
        identity: &Identity,
        mobile: bool,
        user_agent: &str,
        origin: &Origin,
    ) -> Result<LoggedIn, AppError> {
        let user = match self.sso_user(identity).await {
            Ok(user) => user,
            Err(refused) => {
                self.metrics.login(false);
                if let Some(unlogged) = self.refusal_log.admit() {
                    let service = identity.service.as_str();
                    tracing::info!(service, unlogged, "single sign-on refused: {refused}");
                }
                let failure = format!("failure - sso={}", identity.service);
                self.record(origin, Subject { user: None, session: None }, failure).await;
                return Err(refused);
            }
        };
        let props = login_props(&user, user_agent, mobile, true);
        let length = self.length_of(mobile, true);
        let cause = Cause::by_user(reason::SSO, user.id.as_str(), self.now());
        let (token, session) = self.issue_session_because(&user, length, String::new(), props, &cause).await?;
        // An administrator's switch of sign-in method that committed while this sign-in found
        // the account: its session goes, as the switch's own would have taken it (read from the
        // store itself, past any cache).
        let service = identity.service.as_str();
        let still = self.stores.users.user_by_auth(service, &identity.subject).await?;
        if still.as_ref().is_none_or(|u| u.id != user.id) {
            let cause = Cause::system(RevokeReason::SignInMethodChanged.event_reason(), self.now());
            self.stores.sessions.delete_session(&session.id, &cause).await?;
            tracing::info!(user_id = %user.id, "single sign-on undone: the user's sign-in method changed meanwhile");
            return Err(AppError::SsoInvalidState);
        }
        self.metrics.login(true);
        tracing::info!(user_id = %user.id, session_id = %session.id, service, mobile, "signed in through single sign-on");
        self.record(origin, Subject::session(&session), format!("success - sso={service}")).await;
        Ok(LoggedIn { user, token, session, device_cookie: None })
    }

    /// The account `identity` signs in to.
    async fn sso_user(&self, identity: &Identity) -> Result<User, AppError> {
        let service = identity.service.as_str();
        if let Some(user) = self.stores.users.user_by_auth(service, &identity.subject).await? {
            // Not reactivated: an administrator's deactivation stands (Mattermost's differs).
            if !user.is_active() {
                return Err(AppError::InactiveUser);
            }
            return Ok(user);
        }
        // No account is taken over by its email: an account that has it signs in its own way.
        if self.stores.users.user_by_email(&identity.email).await?.is_some() {
            return Err(AppError::SsoAlreadyAttached);
        }
        if !self.policy.sso.enable_user_creation {
            return Err(AppError::UserCreationDisabled);
        }
        if !self.policy.sso.allows_email(&identity.email) {
            return Err(AppError::DomainNotAllowed);
        }
        let wanted = identity
            .username
            .clone()
            .unwrap_or_else(|| identity.email.split('@').next().unwrap_or_default().to_owned());
        let base = clean_username(&wanted);
        for attempt in 0..=USERNAME_TRIES {
            let username = if attempt == 0 { base.clone() } else { numbered(&base, attempt) };
            match self.create_sso_user(identity, &username).await {
                Err(AppError::UserExists(Unique::Username)) => continue,
                Err(AppError::UserExists(Unique::Email)) => return Err(AppError::SsoAlreadyAttached),
                Err(AppError::UserExists(Unique::SsoIdentity)) => {
                    // Another sign-in of the same person made it first.
                    let user = self.stores.users.user_by_auth(service, &identity.subject).await?;
                    return user.ok_or_else(|| AppError::Internal(anyhow::anyhow!("an identity taken by no one")));
                }
                other => return other,
            }
        }
        self.create_sso_user(identity, &format!("a{}", Id::generate())).await
    }

    async fn create_sso_user(&self, identity: &Identity, username: &str) -> Result<User, AppError> {
        let new = NewUser { username: username.to_owned(), email: identity.email.clone(), roles: Vec::new() };
        let mut user = new.validate(Id::generate(), self.now()).map_err(AppError::InvalidUser)?;
        user.auth_service = identity.service.as_str().to_owned();
        user.auth_data = Some(identity.subject.clone());
        match self.stores.users.create_user(&user).await {
            Ok(()) => {}
            Err(StoreError::Conflict(field)) => return Err(AppError::UserExists(field)),
            Err(other) => return Err(other.into()),
        }
        let service = identity.service.as_str();
        tracing::info!(user_id = %user.id, username = %user.username, service, "user created by single sign-on");
        let origin = super::audit::server_origin("single sign-on");
        self.record(&origin, Subject { user: Some(&user.id), session: None }, format!("created - sso={service}")).await;
        Ok(user)
    }

    /// `PUT /users/{user_id}/auth` (system admins) and `user auth`: the user signs in through
    /// `auth_service` as `auth_data` from now on ("" and `None`: with a password, which the
    /// admin CLI must then set), and **every session of theirs ends** in the same write, on every
    /// node (Mattermost does so since 2026). Returns the new method.
    pub async fn set_sign_in_method(
        &self,
        actor: Actor<'_>,
        user_id: &str,
        auth_service: &str,
        auth_data: Option<&str>,
    ) -> Result<(String, String), AppError> {
        let user_id = self.resolve_user_id(actor, user_id)?;
        if !self.may(actor, Permission::ManageSystem) {
            return Err(AppError::Forbidden);
        }
        // As Mattermost: only an empty one is refused (the provider's ids are opaque).
        let auth_data = auth_data.filter(|d| !d.is_empty());
        match (auth_service, auth_data) {
            ("", None) if actor.caller().is_none() => {}
            ("", _) => return Err(AppError::InvalidAuth("auth_service")),
            (_, None) => return Err(AppError::InvalidAuth("auth_data")),
            (service, Some(data)) => {
                if Service::parse(service).is_none() {
                    return Err(AppError::InvalidAuth("auth_service"));
                }
                if data.chars().count() > 128 {
                    return Err(AppError::InvalidAuth("auth_data"));
                }
            }
        }
        let cause = actor.cause(&user_id, RevokeReason::SignInMethodChanged.event_reason(), self.now());
        let ended = match self.stores.users.set_auth(&user_id, auth_service, auth_data, self.now(), &cause).await {
            Ok(Some(ended)) => ended,
            Ok(None) => return Err(AppError::NoSuchUser),
            Err(StoreError::Conflict(field)) => return Err(AppError::UserExists(field)),
            Err(other) => return Err(other.into()),
        };
        self.ended(RevokeReason::SignInMethodChanged, ended, Whose::User(&user_id), actor.name());
        let method = if auth_service.is_empty() { "password" } else { auth_service };
        tracing::info!(user_id = %user_id, by = actor.name(), method, sessions_ended = ended, "sign-in method changed");
        self.audit(actor, Some(&user_id), format!("updated user auth to service={auth_service}"), || {
            format!("sign-in method set to {method}")
        })
        .await;
        Ok((auth_service.to_owned(), auth_data.unwrap_or_default().to_owned()))
    }
}

/// Mattermost's `CleanUsername`: lower-cased, spaces and other characters a username may not
/// hold made `-`, trimmed of `-`; if that is still no username, `a` and a new id.
fn clean_username(name: &str) -> String {
    let cleaned: String = name
        .trim()
        .to_lowercase()
        .chars()
        .map(|c| if c.is_ascii_lowercase() || c.is_ascii_digit() || ".-_".contains(c) { c } else { '-' })
        .collect();
    let cleaned = cleaned.trim_matches('-');
    let starts_with_letter = cleaned.starts_with(|c: char| c.is_ascii_lowercase());
    if is_valid_username(cleaned) && starts_with_letter && cleaned.len() <= 60 {
        cleaned.to_owned()
    } else {
        format!("a{}", Id::generate())
    }
}

/// `base` with `n` appended (within the 64-character limit).
fn numbered(base: &str, n: u32) -> String {
    let suffix = n.to_string();
    let keep = base.len().min(64 - suffix.len());
    format!("{}{suffix}", &base[..keep])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn usernames_are_cleaned_as_mattermost_cleans_them() {
        assert_eq!(clean_username("Ada Lovelace"), "ada-lovelace");
        assert_eq!(clean_username("grace.hopper_1"), "grace.hopper_1");
        assert_eq!(clean_username("--x--"), "x");
        assert_eq!(clean_username("jürgen"), "j-rgen");
        for reserved in ["all", "", "1abc", "---"] {
            let cleaned = clean_username(reserved);
            assert!(cleaned.starts_with('a') && cleaned.len() == 27, "{reserved:?} -> {cleaned}");
        }
        assert_eq!(numbered("ada", 2), "ada2");
        assert_eq!(numbered(&"a".repeat(60), 123).len(), 63);
    }
}
