//! Audit records, as Mattermost's `Audits`: who did what, from where, with which session; and
//! the user's access history that lists them.
//!
//! For a request the record is Mattermost's (the acting user and their session, the request path
//! as `action`, the client's address). For the admin CLI and for what the server does by itself
//! (the session cap, the idle timeout), which Mattermost does not audit, it is ours: the user
//! acted on, and an `action` that says who acted (`mm-sessions session revoke`,
//! `mm-sessions: session cap`).

use super::{Actor, Origin, SessionService};
use crate::domain::{Audit, Id};
use crate::error::AppError;

/// The origin of an admin CLI command.
fn cli_origin(command: &str) -> Origin {
    Origin { action: format!("mm-sessions {command}"), client: None }
}

/// The origin of something the server did by itself.
pub(super) fn server_origin(what: &str) -> Origin {
    Origin { action: format!("mm-sessions: {what}"), client: None }
}

impl SessionService {
    /// Records what `actor` did to the user `target`: a request's record says `for_request`
    /// (Mattermost's text for the call), the CLI's `for_cli()` (what it did, in our words).
    pub(super) async fn audit(
        &self,
        actor: Actor<'_>,
        target: &str,
        for_request: impl Into<String>,
        for_cli: impl FnOnce() -> String,
    ) {
        match actor {
            Actor::Request(caller) => {
                let (user_id, session_id) = (caller.session.user_id.as_str(), caller.session.id.as_str());
                self.record(caller.origin, user_id, session_id, for_request).await;
            }
            Actor::AdminCli { command } => self.record(&cli_origin(command), target, "", for_cli()).await,
        }
    }

    /// Writes one audit record (a failure to is logged, not the operation's failure).
    pub(super) async fn record(&self, origin: &Origin, user_id: &str, session_id: &str, extra_info: impl Into<String>) {
        let audit = Audit {
            id: Id::generate(),
            create_at: self.now(),
            user_id: user_id.to_owned(),
            action: origin.action.clone(),
            extra_info: extra_info.into(),
            ip_address: origin.client.map(|ip| ip.to_string()).unwrap_or_default(),
            session_id: session_id.to_owned(),
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
