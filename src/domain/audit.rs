//! Audit records, as Mattermost's `model.Audit`: who did what, from where, with which session.
//! The user's "access history" lists them newest first.

use super::Id;

/// One audit record.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Audit {
    pub id: Id,
    /// Milliseconds since the epoch.
    pub create_at: i64,
    /// The acting user (Mattermost's `LogAudit`) or the user acted on where Mattermost names it
    /// (`LogAuditWithUserId`); "" when nobody is known (a failed login naming no user).
    pub user_id: String,
    /// The request path, as Mattermost records it; for what happens outside a request (the
    /// admin CLI, the session cap, the idle timeout) a name that says so.
    pub action: String,
    /// What Mattermost writes for the call (`attempted`, `success`, `failure - login_id=…`).
    /// Never a token or a password; client text escaped and bounded.
    pub extra_info: String,
    pub ip_address: String,
    pub session_id: String,
}
