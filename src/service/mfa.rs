//! Multi-factor authentication (TOTP), as Mattermost runs it (`api4/user.go`
//! `generateMfaSecret` / `updateUserMfa`, `app/authentication.go` `CheckUserMfa`, `web/context.go`
//! `MfaRequired`), except where that is unsafe (docs/security.md):
//!
//! - a new secret is refused while MFA is active (Mattermost overwrites it: a stolen session
//!   could replace the second factor);
//! - a user turning their own active MFA off gives a current code (Mattermost asks none: a stolen
//!   session could remove it); an administrator turning someone else's off needs none — the
//!   lost-phone case, as is the admin CLI's `user mfa-off`.
//!
//! - a user setting up their own MFA does it from a recent sign-in ([`RECENT_SIGN_IN_MS`]; not
//!   through a personal access token): Mattermost lets any session do it, so a stolen session
//!   could enrol the thief's authenticator on an account without MFA and lock the owner out.
//!
//! A code is accepted once: the time step it matches is taken in one atomic write
//! ([`crate::store::MfaStore::use_mfa_step`]), so two nodes cannot both accept it. A code sent
//! at login is part of that login's attempt (its budget is spent once, [`crate::login_budget`]),
//! and a wrong one is counted in the store (every node sees the count): past
//! `MaximumLoginAttempts` the user's code checks are refused until their password changes or MFA
//! is turned off, so a stolen password buys a bounded number of guesses, not one a minute
//! forever. A code sent within a session spends from that session's own code budget
//! (the user's, `MaximumLoginAttempts` a day) and is **not** counted towards that lock: a stolen session
//! sending wrong codes must not lock the owner's login.

use super::audit::Subject;
use super::login::SessionCheck;
use super::{Actor, SessionService};
use crate::domain::event::reason;
use crate::domain::{Id, Session, User};
use crate::error::AppError;
use crate::mfa::{qr, seal, totp};
use crate::permissions::SYSTEM_GUEST;
use crate::store::{MfaState, MfaWrite};

/// Steps kept beyond the window, against clocks that differ between nodes: a step one node may
/// still accept is not forgotten by another whose clock runs a minute ahead.
const CLOCK_MARGIN_STEPS: u64 = 2;

/// How recent a session's sign-in must be for it to set up its own user's MFA: 10 minutes.
pub const RECENT_SIGN_IN_MS: i64 = 10 * 60 * 1000;

/// A new secret, for the user to put in their authenticator app.
#[derive(Clone)]
pub struct NewMfaSecret {
    /// Base32, for typing in.
    pub secret: String,
    /// The QR code of its `otpauth://` URI, a PNG.
    pub qr_png: Vec<u8>,
}

impl SessionService {
    /// `POST /users/{user_id}/mfa/generate`: a new pending secret, stored at once (sealed when
    /// there is a key), active only once a code of it turns MFA on.
    pub async fn generate_mfa_secret(&self, actor: Actor<'_>, user_id: &str) -> Result<NewMfaSecret, AppError> {
        let user_id = self.resolve_user_id(actor, user_id)?;
        refuse_oauth(actor)?;
        let user_id = self.authorize(actor, user_id.as_str()).await?;
        let user = self.stores.users.user_by_id(&user_id).await?.ok_or(AppError::NoSuchUser)?;
        if !self.policy.mfa.enable {
            return Err(AppError::MfaDisabled);
        }
        // Mattermost's: MFA is for email (and LDAP) users; a provider holds an SSO user's.
        if user.is_sso() {
            return Err(AppError::SsoUserMfa);
        }
        self.check_recent_sign_in(actor, &user_id)?;
        let secret = totp::new_secret();
        let stored = seal::store_form(self.mfa_key.as_ref(), user_id.as_str(), &secret);
        match self.stores.mfa.set_mfa_secret(&user_id, &stored, self.now()).await? {
            MfaWrite::Done => {}
            MfaWrite::Active => return Err(AppError::MfaAlreadyActive),
            _ => return Err(AppError::NoSuchUser),
        }
        let uri = totp::otpauth_uri(&self.policy.site_url, &user.email, &secret);
        let qr_png = qr::png(&uri).map_err(|e| AppError::Internal(anyhow::anyhow!(e)))?;
        tracing::info!(user_id = %user_id, by = actor.name(), sealed = self.mfa_key.is_some(), "MFA secret generated");
        Ok(NewMfaSecret { secret, qr_png })
    }

    /// `PUT /users/{user_id}/mfa` (and `user mfa-off`): `activate` (`None`: the body's value
    /// was not a boolean) with `code`. Audited: `attempt`, then `success` when it is done.
    pub async fn update_mfa(
        &self,
        actor: Actor<'_>,
        user_id: &str,
        activate: Option<bool>,
        code: &str,
    ) -> Result<(), AppError> {
        let user_id = self.resolve_user_id(actor, user_id)?;
        refuse_oauth(actor)?;
        let user_id = self.authorize(actor, user_id.as_str()).await?;
        let activate = activate.ok_or(AppError::InvalidBodyParam("activate"))?;
        if activate && code.is_empty() {
            return Err(AppError::InvalidBodyParam("code"));
        }
        if let Some(caller) = actor.caller() {
            self.record(caller.origin, Subject::session(caller.session), "attempt").await;
        }
        let user = self.stores.users.user_by_id(&user_id).await?.ok_or(AppError::NoSuchUser)?;
        if activate {
            self.activate_mfa(actor, &user, code).await?;
        } else {
            self.deactivate_mfa(actor, &user, code).await?;
        }
        self.wake_webhooks();
        tracing::info!(user_id = %user_id, by = actor.name(), active = activate, "MFA turned {}", on_off(activate));
        self.audit(actor, Some(&user_id), "success", || format!("mfa={}", on_off(activate))).await;
        Ok(())
    }

    async fn activate_mfa(&self, actor: Actor<'_>, user: &User, code: &str) -> Result<(), AppError> {
        if !self.policy.mfa.enable {
            return Err(AppError::MfaDisabled);
        }
        if user.is_sso() {
            return Err(AppError::SsoUserMfa);
        }
        self.check_recent_sign_in(actor, &user.id)?;
        let state = self.stores.mfa.mfa_state(&user.id).await?.ok_or(AppError::NoSuchUser)?;
        if state.secret.is_empty() {
            return Err(AppError::MfaNoSecret);
        }
        let step = self.checked_step(actor, user, &state, code).await?;
        let cause = actor.cause(&user.id, reason::MFA_ACTIVATED, self.now());
        let (keep_from, now) = (self.oldest_kept_step(), self.now());
        match self.stores.mfa.activate_mfa(&user.id, &state.secret, step, keep_from, now, &cause).await? {
            MfaWrite::Done => Ok(()),
            MfaWrite::NoSuchUser => Err(AppError::NoSuchUser),
            // A replay, or a code of a secret replaced since it was read.
            _ => Err(AppError::MfaActivateBadCode),
        }
    }

    async fn deactivate_mfa(&self, actor: Actor<'_>, user: &User, code: &str) -> Result<(), AppError> {
        let own = actor.caller().is_some_and(|c| c.session.user_id == user.id);
        let state = self.stores.mfa.mfa_state(&user.id).await?.ok_or(AppError::NoSuchUser)?;
        // Safer than Mattermost: the user's own session must prove the second factor it removes.
        let proved = own && state.active;
        if proved {
            if code.is_empty() {
                return Err(AppError::InvalidBodyParam("code"));
            }
            let step = self.checked_step(actor, user, &state, code).await?;
            if self.stores.mfa.use_mfa_step(&user.id, step, self.oldest_kept_step()).await? != MfaWrite::Done {
                return Err(AppError::MfaActivateBadCode);
            }
        }
        // Without a code, one's own turn-off holds only while MFA is still off: one racing an
        // activation (a stolen session, a moment after the victim turned MFA on) does nothing.
        let cause = actor.cause(&user.id, reason::MFA_DEACTIVATED, self.now());
        match self.stores.mfa.deactivate_mfa(&user.id, self.now(), own && !proved, &cause).await? {
            MfaWrite::Done => Ok(()),
            MfaWrite::Active => Err(AppError::InvalidBodyParam("code")),
            _ => Err(AppError::NoSuchUser),
        }
    }

    /// A user setting up their own MFA through a session must have signed in within
    /// [`RECENT_SIGN_IN_MS`], and not through a personal access token (a token is not a
    /// sign-in). An administrator acting on someone else, and the admin CLI, need not.
    fn check_recent_sign_in(&self, actor: Actor<'_>, user_id: &Id) -> Result<(), AppError> {
        let Some(caller) = actor.caller() else { return Ok(()) };
        let session = caller.session;
        let recent = !session.is_access_token() && self.now().saturating_sub(session.create_at) <= RECENT_SIGN_IN_MS;
        if session.user_id != *user_id || recent {
            return Ok(());
        }
        if let Some(unlogged) = self.refusal_log.admit() {
            tracing::info!(user_id = %user_id, session_id = %session.id, unlogged, "MFA set-up refused: no recent sign-in");
        }
        Err(AppError::MfaSignInAgain)
    }

    /// The step `code` matches for the stored secret, in a session: refused past the wrong-code
    /// limit, spending from the user's in-session code budget. A wrong one is not counted towards the
    /// login lock (a stolen session must not lock the owner's login); the budget bounds it.
    async fn checked_step(&self, actor: Actor<'_>, user: &User, state: &MfaState, code: &str) -> Result<i64, AppError> {
        let secret = self.open_secret(&user.id, &state.secret)?;
        self.check_not_locked(user, state)?;
        if let Some(caller) = actor.caller() {
            self.spend_session_check(caller, SessionCheck::Code)?;
        }
        match totp::check(&secret, code, self.now_secs()).map_err(|e| AppError::Internal(anyhow::anyhow!(e)))? {
            totp::Code::Malformed => Err(AppError::MfaActivateMalformed),
            totp::Code::Wrong => {
                tracing::info!(user_id = %user.id, "wrong MFA code in a session");
                Err(AppError::MfaActivateBadCode)
            }
            totp::Code::Step(step) => Ok(step_value(step)),
        }
    }

    /// Past `MaximumLoginAttempts` wrong codes, no code is checked (Mattermost's lockout).
    fn check_not_locked(&self, user: &User, state: &MfaState) -> Result<(), AppError> {
        if state.failed_attempts < self.policy.mfa.maximum_login_attempts.get() {
            return Ok(());
        }
        tracing::warn!(user_id = %user.id, failed = state.failed_attempts, "MFA code refused: too many wrong codes");
        Err(AppError::TooManyCodeAttempts)
    }

    /// Counts a wrong code, then answers `refusal` (a failure to count is logged, not the
    /// client's: the code was wrong either way).
    async fn wrong_code(&self, user: &User, refusal: AppError) -> AppError {
        match self.stores.mfa.record_failed_code(&user.id).await {
            Ok(count) => tracing::info!(user_id = %user.id, failed = count.unwrap_or(0), "wrong MFA code"),
            Err(e) => tracing::error!(user_id = %user.id, error = %e, "counting a wrong MFA code failed"),
        }
        refusal
    }

    /// At login, after the right password: a user with MFA must send a code of it (Mattermost's
    /// `CheckUserMfa`, when MFA is on): none, or not a code, is `mfa.validate_token…` (the id
    /// clients show the code field for); a wrong or used one `check_user_mfa.bad_code`.
    ///
    /// The login's attempt has spent its budget; a wrong code counts towards the lockout; none
    /// sent is a client asking whether one is needed, as on Mattermost, and costs nothing more.
    pub(super) async fn check_login_code(&self, user: &User, code: &str) -> Result<(), AppError> {
        if !user.mfa_active || !self.policy.mfa.enable {
            return Ok(());
        }
        let state = match self.stores.mfa.mfa_state(&user.id).await? {
            Some(state) if state.active => state,
            // Turned off since the user was read: nothing to check.
            _ => return Ok(()),
        };
        let secret = self.open_secret(&user.id, &state.secret)?;
        self.check_not_locked(user, &state)?;
        if code.trim().is_empty() {
            return Err(AppError::MfaCodeMissing);
        }
        let step =
            match totp::check(&secret, code, self.now_secs()).map_err(|e| AppError::Internal(anyhow::anyhow!(e)))? {
                totp::Code::Malformed => return Err(self.wrong_code(user, AppError::MfaCodeMissing).await),
                totp::Code::Wrong => return Err(self.wrong_code(user, AppError::MfaBadCode).await),
                totp::Code::Step(step) => step_value(step),
            };
        match self.stores.mfa.use_mfa_step(&user.id, step, self.oldest_kept_step()).await? {
            MfaWrite::Done => Ok(()),
            MfaWrite::Replayed => {
                tracing::warn!(user_id = %user.id, "login refused: an MFA code used before (a replay)");
                Err(self.wrong_code(user, AppError::MfaBadCode).await)
            }
            _ => Err(AppError::InvalidCredentials),
        }
    }

    /// `EnforceMultifactorAuthentication` for a request's session (Mattermost's `MfaRequired`,
    /// in its order): nothing unless MFA is on and enforced; OAuth sessions and, unless their
    /// setting says so, guests are exempt; otherwise a user without MFA is 403
    /// `api.context.mfa_required.app_error`. Which operations it applies to is the HTTP layer's
    /// (Mattermost's handler kinds). `user` is the session's user when authentication read it
    /// with the session (PostgreSQL's one round trip); otherwise it is read here.
    pub async fn check_mfa_enforced(&self, session: &Session, user: Option<&User>) -> Result<(), AppError> {
        let mfa = &self.policy.mfa;
        if !(mfa.enable && mfa.enforce) || session.is_oauth {
            return Ok(());
        }
        let user = self.session_user(session, user).await?;
        // Enforcement is for password users (Mattermost's: email and LDAP); the provider holds
        // an SSO user's second factor.
        if user.is_sso() || (user.has_role(SYSTEM_GUEST) && !mfa.enforce_for_guests) {
            return Ok(());
        }
        if user.mfa_active {
            Ok(())
        } else {
            Err(AppError::MfaRequired)
        }
    }

    /// The secret a stored form holds; one that does not open (another key, or none) is a
    /// failure of ours, logged, never the client's.
    fn open_secret(&self, user_id: &Id, stored: &str) -> Result<String, AppError> {
        seal::open(self.mfa_key.as_ref(), user_id.as_str(), stored)
            .map_err(|e| AppError::Internal(anyhow::anyhow!("user {user_id}: {e}")))
    }

    fn now_secs(&self) -> u64 {
        u64::try_from(self.now() / 1000).unwrap_or(0)
    }

    /// Steps before this can no longer match on any node (the window's first step, less a
    /// margin for clocks that differ): their records go.
    fn oldest_kept_step(&self) -> i64 {
        step_value(totp::step_at(self.now_secs()).saturating_sub(totp::SKEW_STEPS + CLOCK_MARGIN_STEPS))
    }
}

/// An OAuth session may not touch MFA (none here: this server issues no OAuth sessions).
fn refuse_oauth(actor: Actor<'_>) -> Result<(), AppError> {
    match actor.caller() {
        Some(caller) if caller.session.is_oauth => Err(AppError::Forbidden),
        _ => Ok(()),
    }
}

fn step_value(step: u64) -> i64 {
    i64::try_from(step).unwrap_or(i64::MAX)
}

fn on_off(active: bool) -> &'static str {
    if active {
        "on"
    } else {
        "off"
    }
}
