//! Authentication: the session a presented token stands for (a personal access token opens one
//! on its first use), with Mattermost's session lifecycle applied on the way (expiry, the idle
//! timeout, extension with activity, the activity timestamp).

use super::audit::Subject;
use super::{SessionService, Whose, ACTIVITY_WRITE_INTERVAL_MS};
use crate::domain::{Cause, RevokeReason, Session, TokenHash, User};
use crate::error::AppError;
use crate::store::{AnswerKind, Ticket};

/// The caller as authentication found it: their session, whether this request extended it (the
/// cookies then go out again with the new lifetime), and what the store read with it. The one
/// shape the caller has from authentication to the handler: the request context holds it, and
/// the service borrows it as a [`super::Caller`].
#[derive(Clone, Debug)]
pub struct Authenticated {
    pub session: Session,
    pub extended: bool,
    /// The session's user, when the store read it with the session (PostgreSQL, one round
    /// trip); `None`: read it where it is needed.
    pub user: Option<User>,
    /// The user's sessions, when asked for and the store read them with the session (PostgreSQL:
    /// `GET /users/me/sessions` in one round trip), with this request's own changes to the
    /// session applied; `None`: list them where they are needed.
    pub own_sessions: Option<Vec<Session>>,
    /// What the session cache handed for an answer it may keep (`keeps`), when this request
    /// changed nothing of the session (an answer kept before a change would not show it).
    pub answer: Option<Ticket>,
}

/// What authentication reads with the session.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Reads {
    /// The session, and its user where the store reads it in the same round trip.
    Session,
    /// Those, and the user's sessions where the store reads them in the same round trip (for a
    /// request that lists them next: `GET /users/me/sessions`).
    OwnSessionsToo,
}

impl SessionService {
    /// The session a presented token stands for, as Mattermost's `GetSession` finds it:
    /// unknown, revoked and expired tokens are all `SessionExpired` (expired ones whether or not
    /// they were purged yet); a web session idle past the idle timeout is ended and refused
    /// (only while extension is off; never a mobile or access-token session); with extension
    /// on, the expiry moves to now + the session length, at most once per threshold.
    /// Refreshes `last_activity_at` when it is older than the write interval.
    pub async fn authenticate(&self, presented: &str) -> Result<Authenticated, AppError> {
        self.authenticate_reading(presented, Reads::Session, None).await
    }

    /// [`Self::authenticate`], reading `reads` with the session: with
    /// [`Reads::OwnSessionsToo`], where the store reads them in the same round trip, the user's
    /// sessions come in [`Authenticated::own_sessions`]; for a request whose answer the session
    /// cache may keep (`keeps`, with the request's query), with its ticket
    /// ([`Authenticated::answer`]).
    pub async fn authenticate_reading(
        &self,
        presented: &str,
        reads: Reads,
        keeps: Option<(AnswerKind, &str)>,
    ) -> Result<Authenticated, AppError> {
        // The first store call of every authenticated request: the session cache, if any,
        // forgets here what another process wrote since the previous request.
        self.stores.begin_request().await?;
        let hash = TokenHash::of(presented);
        let found = self.stores.session_by_token_keeping(&hash, reads == Reads::OwnSessionsToo, keeps).await?;
        let ((mut session, user, mut list), mut answer) = match found {
            Some(found) => found,
            // No session: a personal access token opens one on its first use.
            None => ((self.open_token_session(&hash).await?, None, None), None),
        };
        let now = self.now();
        if session.is_expired(now) {
            // Found before the purge: it ends now, with its `expired` event. The answer is 401
            // whatever the delete does (the purge takes it otherwise).
            match self.stores.sessions.delete_session(&session.id, &Cause::expiry(now)).await {
                Ok(ended) => {
                    self.ended(RevokeReason::Expired, u64::from(ended), Whose::User(&session.user_id), "expiry")
                }
                Err(e) => tracing::warn!(error = %e, "deleting an expired session failed; the purge will"),
            }
            return Err(AppError::SessionExpired);
        }
        // Mattermost refuses the sessions tokens opened while tokens are off.
        if session.is_access_token() && !self.policy.enable_user_access_tokens {
            return Err(AppError::SessionExpired);
        }
        if self.idle_too_long(&session, now) {
            self.end_idle(&session).await?;
            return Err(AppError::SessionExpired);
        }
        let extended = self.extend_if_due(&mut session, now).await;
        let touching = now - session.last_activity_at >= ACTIVITY_WRITE_INTERVAL_MS;
        if touching {
            // Losing an activity timestamp is not worth failing the request for.
            match self.stores.sessions.touch_session(&session.id, now).await {
                Ok(()) => session.last_activity_at = now,
                Err(e) => tracing::warn!(session_id = %session.id, error = %e, "could not record session activity"),
            }
        }
        if extended || touching {
            // This request changed the session (or tried to): an answer kept before is older.
            answer = None;
        }
        // The list was read before this request's own writes to the session: they go in, in
        // the list's order (most recent activity first; a stable sort keeps the store's order
        // of ties).
        if let Some(list) = &mut list {
            if let Some(listed) = list.iter_mut().find(|s| s.id == session.id) {
                if *listed != session {
                    *listed = session.clone();
                    list.sort_by_key(|s| std::cmp::Reverse(s.last_activity_at));
                }
            }
        }
        Ok(Authenticated { session, extended, user, own_sessions: list, answer })
    }

    /// Mattermost's idle timeout: only while extension is off, and never for a mobile, OAuth or
    /// access-token session.
    fn idle_too_long(&self, session: &Session, now: i64) -> bool {
        let Some(idle) = self.policy.idle_timeout.filter(|_| !self.policy.extend_with_activity) else {
            return false;
        };
        let idle_ms = i64::try_from(idle.as_millis()).unwrap_or(i64::MAX);
        let applies = !session.is_oauth && !session.is_mobile() && !session.is_access_token();
        applies && now - session.last_activity_at > idle_ms
    }

    /// Ends a session the idle timeout caught, and records it.
    async fn end_idle(&self, session: &Session) -> Result<(), AppError> {
        let cause = Cause::system(RevokeReason::Idle.event_reason(), self.now());
        let ended = u64::from(self.stores.sessions.delete_session(&session.id, &cause).await?);
        self.ended(RevokeReason::Idle, ended, Whose::User(&session.user_id), "idle-timeout");
        let origin = super::audit::server_origin("idle timeout");
        self.record(&origin, Subject::session(session), "session revoked").await;
        Ok(())
    }

    /// Mattermost's `ExtendSessionExpiryIfNeeded`: with extension on, a session (not an access
    /// token, not a never-expiring one) whose expiry was last set at least a threshold ago —
    /// 1% of the length, at most a day, at least 5 minutes — expires at now + the length.
    async fn extend_if_due(&self, session: &mut Session, now: i64) -> bool {
        if !self.policy.extend_with_activity || session.is_access_token() || session.expires_at == 0 {
            return false;
        }
        let length = self.length_of(session.is_mobile(), session.is_sso());
        let threshold = (length / 100).clamp(5 * 60 * 1000, 24 * 3600 * 1000);
        if now - (session.expires_at - length) < threshold {
            return false;
        }
        let expires_at = now.saturating_add(length);
        match self.stores.sessions.set_session_expiry(&session.id, expires_at).await {
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
}
