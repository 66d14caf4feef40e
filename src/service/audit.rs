//! Audit records, as Mattermost's `Audits`: who did what, from where, with which session; and
//! the user's access history that lists them.
//!
//! For a request the record is Mattermost's (the acting user and their session, the request path
//! as `action`, the client's address). For the admin CLI and for what the server does by itself
//! (the session cap, the idle timeout), which Mattermost does not audit, it is ours: the user
//! acted on, and an `action` that says who acted (`mm-sessions session revoke`,
//! `mm-sessions: session cap`).

use super::{Actor, Origin, SessionService};
use crate::domain::{Audit, Id, Session, SessionId};
use crate::error::AppError;

/// The origin of an admin CLI command.
fn cli_origin(command: &str) -> Origin {
    Origin { action: format!("mm-sessions {command}"), client: None }
}

/// The origin of something the server did by itself.
pub(super) fn server_origin(what: &str) -> Origin {
    Origin { action: format!("mm-sessions: {what}"), client: None }
}

/// Whom a record is about: the user (none for a login that named nobody, or for revoke-everyone)
/// and the session that acted (none when no session did: a failed login, the admin CLI).
#[derive(Clone, Copy, Debug, Default)]
pub(super) struct Subject<'a> {
    pub user: Option<&'a Id>,
    pub session: Option<&'a SessionId>,
}

impl<'a> Subject<'a> {
    /// A session, and its user.
    pub fn session(session: &'a Session) -> Self {
        Subject { user: Some(&session.user_id), session: Some(&session.id) }
    }

    /// A user, without a session.
    pub fn user(user: &'a Id) -> Self {
        Subject { user: Some(user), session: None }
    }
}

impl SessionService {
    /// Records what `actor` did to the user `target`: a request's record says `for_request`
    /// (Mattermost's text for the call), the CLI's `for_cli()` (what it did, in our words).
    pub(super) async fn audit(
        &self,
        actor: Actor<'_>,
        target: Option<&Id>,
        for_request: impl Into<String>,
        for_cli: impl FnOnce() -> String,
    ) {
        match actor {
            Actor::Request(caller) => self.record(caller.origin, Subject::session(caller.session), for_request).await,
            Actor::AdminCli { command } => {
                let subject = Subject { user: target, session: None };
                self.record(&cli_origin(command), subject, for_cli()).await;
            }
        }
    }

    /// Writes one audit record (a failure to is logged, not the operation's failure).
    pub(super) async fn record(&self, origin: &Origin, subject: Subject<'_>, extra_info: impl Into<String>) {
        // Mattermost's columns hold "" for none.
        let audit = Audit {
            id: Id::generate(),
            create_at: self.now(),
            user_id: subject.user.map(|id| id.to_string()).unwrap_or_default(),
            action: origin.action.clone(),
            extra_info: extra_info.into(),
            ip_address: origin.client.map(|ip| ip.to_string()).unwrap_or_default(),
            session_id: subject.session.map(|id| id.to_string()).unwrap_or_default(),
        };
        if let Err(e) = self.stores.audits.add_audit(&audit).await {
            // Refused logins write records too, so a failing store would write a line for each.
            if let Some(unlogged) = self.refusal_log.admit() {
                tracing::warn!(error = %e, action = %audit.action, unlogged, "could not write an audit record");
            }
        }
    }

    /// `GET /users/{user_id}/audits`: the user's audit records, newest first, `per_page` a page
    /// (Mattermost's permission rule, as for the sessions list).
    pub async fn audits(
        &self,
        actor: Actor<'_>,
        user_id: &str,
        page: u32,
        per_page: u32,
    ) -> Result<Vec<Audit>, AppError> {
        let user_id = self.authorize(actor, user_id).await?;
        let per_page = per_page as usize;
        Ok(self.stores.audits.audits_for_user(Some(&user_id), page as usize * per_page, per_page).await?)
    }
}
