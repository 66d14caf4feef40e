//! Sessions: listing a user's, revoking one, all of a user's or everyone's, issuing them, and a
//! mobile app attaching its device to its session.

use std::borrow::Cow;
use std::collections::BTreeMap;

use super::audit::Subject;
use super::{Actor, Caller, SessionService, Whose};
use crate::domain::event::reason;
use crate::domain::{ActorKind, Cause, Id, RevokeReason, Session, SessionId, Token, User};
use crate::error::AppError;
use crate::permissions::Permission;
use crate::store::StoreError;

impl SessionService {
    /// `GET /users/{user_id}/sessions` (and `session list`): the user's sessions, newest
    /// activity first.
    pub async fn list_sessions<'a>(&self, actor: Actor<'a>, user_id: &str) -> Result<Cow<'a, [Session]>, AppError> {
        let user_id = self.authorize(actor, user_id).await?;
        // The caller's own, read with its session (one round trip on PostgreSQL, one lookup in
        // the session cache), lent rather than copied again.
        let own = actor.caller().filter(|c| c.session.user_id == user_id).and_then(|c| c.own_sessions);
        if let Some(own) = own {
            return Ok(Cow::Borrowed(own));
        }
        Ok(Cow::Owned(self.stores.sessions.sessions_for_user(&user_id).await?))
    }

    /// The user who holds session `session_id`, if any (the admin CLI names sessions alone).
    pub async fn session_owner(&self, session_id: &str) -> Result<Option<Id>, AppError> {
        let Some(id) = SessionId::parse(session_id) else { return Ok(None) };
        Ok(self.stores.sessions.session_by_id(&id).await?.map(|s| s.user_id))
    }

    /// `POST /users/{user_id}/sessions/revoke` (and `session revoke`).
    pub async fn revoke_session(&self, actor: Actor<'_>, user_id: &str, session_id: &str) -> Result<(), AppError> {
        let user_id = self.authorize(actor, user_id).await?;
        if session_id.is_empty() {
            return Err(AppError::InvalidBodyParam("session_id"));
        }
        // Not an id: it names no session.
        let id = SessionId::parse(session_id).ok_or(AppError::SessionNotFound)?;
        // The common case in one write; only a miss needs a lookup, to say why (Mattermost's
        // answers: no such session, or a session of another user).
        let cause = actor.cause(&user_id, RevokeReason::Revoke.event_reason(), self.now());
        if !self.stores.sessions.delete_user_session(&user_id, &id, &cause).await? {
            return match self.stores.sessions.session_by_id(&id).await? {
                None => Err(AppError::SessionNotFound),
                Some(session) if session.user_id != user_id => Err(AppError::InvalidUrlParam("user_id")),
                // Created between the two calls cannot happen (ids are random); treat as revoked.
                Some(_) => Ok(()),
            };
        }
        self.ended(RevokeReason::Revoke, 1, Whose::User(&user_id), actor.name());
        self.audit(actor, Some(&user_id), "", || format!("session_id={session_id}")).await;
        Ok(())
    }

    /// `POST /users/{user_id}/sessions/revoke/all` (and `session revoke-all`): every session
    /// of the user, the caller's own included; how many.
    pub async fn revoke_all_sessions(&self, actor: Actor<'_>, user_id: &str) -> Result<u64, AppError> {
        let user_id = self.authorize(actor, user_id).await?;
        let cause = actor.cause(&user_id, RevokeReason::RevokeAll.event_reason(), self.now());
        let revoked = self.stores.sessions.delete_sessions_for_user(&user_id, None, &cause).await?;
        self.ended(RevokeReason::RevokeAll, revoked, Whose::User(&user_id), actor.name());
        self.audit(actor, Some(&user_id), "", || format!("revoked={revoked}")).await;
        Ok(revoked)
    }

    /// `POST /users/sessions/revoke/all`: every session of every user, the caller's included
    /// (`manage_system` only).
    pub async fn revoke_everyone(&self, caller: Caller<'_>) -> Result<u64, AppError> {
        let actor = Actor::Request(caller);
        if !self.may(actor, Permission::ManageSystem) {
            return Err(AppError::Forbidden);
        }
        // Everyone's, the caller's own included: an administrator's act on every session.
        let cause = Cause::new(
            RevokeReason::RevokeEveryone.event_reason(),
            ActorKind::Admin,
            caller.session.user_id.as_str(),
            self.now(),
        );
        let ended = self.stores.sessions.delete_all_sessions(&cause).await?;
        self.ended(RevokeReason::RevokeEveryone, ended, Whose::Everyone, actor.name());
        self.audit(actor, None, "", String::new).await;
        Ok(ended)
    }

    /// `PUT /users/sessions/device`: the caller's session takes the device id and the mobile
    /// lifetime; the user's other sessions with that device id end (what the mobile app calls
    /// after login).
    pub async fn attach_device(&self, caller: Caller<'_>, device_id: String) -> Result<(), AppError> {
        let device_id = super::login::device_id(device_id)?;
        if device_id.is_none() {
            return Err(AppError::InvalidBodyParam("device_id"));
        }
        let device_id = device_id.as_str();
        let (session, user_id) = (&caller.session.id, &caller.session.user_id);
        let cause = Cause::by_user(RevokeReason::Device.event_reason(), user_id.as_str(), self.now());
        let ended = self.stores.sessions.delete_device_sessions(user_id, device_id, Some(session), &cause).await?;
        self.ended(RevokeReason::Device, ended, Whose::User(user_id), user_id.as_str());
        let mut expires_at = self.now().saturating_add(self.length_ms(true));
        if caller.session.is_access_token() {
            // A token's session ends when its token does: attaching a device never lengthens it.
            expires_at = expires_at.min(caller.session.expires_at);
        }
        self.stores.sessions.attach_device(session, device_id, expires_at).await?;
        tracing::info!(session_id = %session, user_id = %user_id, "device attached");
        self.audit(Actor::Request(caller), Some(user_id), "", String::new).await;
        Ok(())
    }

    /// Issues a session for `user`, valid for `length_ms` milliseconds (0: never expires). The
    /// token is returned once and never stored. Sessions beyond the per-user cap are revoked,
    /// least recently used first. A deactivated user gets none (`InactiveUser`).
    /// Its `session.created` event says an administrator made it (the admin CLI's
    /// `session create`); a login says why with [`Self::issue_session_because`].
    pub async fn issue_session(
        &self,
        user: &User,
        length_ms: i64,
        device_id: String,
        props: BTreeMap<String, String>,
    ) -> Result<(Token, Session), AppError> {
        let cause = Cause::new(reason::ADMIN, ActorKind::Admin, "", self.now());
        self.issue_session_because(user, length_ms, device_id, props, &cause).await
    }

    /// [`Self::issue_session`], its `session.created` event saying why with `cause`.
    pub(super) async fn issue_session_because(
        &self,
        user: &User,
        length_ms: i64,
        device_id: String,
        props: BTreeMap<String, String>,
        cause: &Cause,
    ) -> Result<(Token, Session), AppError> {
        let (token, session) = Session::issue(user, self.now(), length_ms, device_id, props);
        let max = self.policy.max_per_user.get();
        let evicted = match self.stores.sessions.create_session(&session, max, cause).await {
            Ok(evicted) => evicted,
            Err(StoreError::UserInactive) => return Err(AppError::InactiveUser),
            Err(other) => return Err(other.into()),
        };
        // Wakes the webhook worker for the `session.created` event too.
        self.capped(user, &session, evicted).await;
        Ok((token, session))
    }

    /// Reports the sessions the per-user cap ended to make room for `session`.
    pub(super) async fn capped(&self, user: &User, session: &Session, evicted: u64) {
        self.ended(RevokeReason::Cap, evicted, Whose::User(&user.id), "session-cap");
        if evicted > 0 {
            let record = format!("{evicted} least recently used session(s) revoked");
            let origin = super::audit::server_origin("session cap");
            self.record(&origin, Subject { user: Some(&user.id), session: Some(&session.id) }, record).await;
        }
    }
}
