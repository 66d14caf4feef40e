//! What the server does by itself, and what operators ask of it: purging expired sessions and
//! old audit records, forgetting idle login budgets, the health check and the metrics.

use super::{SessionService, Whose};
use crate::domain::RevokeReason;
use crate::error::AppError;

impl SessionService {
    /// Deletes expired sessions in batches of `batch` (each its own short transaction, so that
    /// logins and revocations interleave); returns how many went.
    pub async fn purge_expired(&self, batch: usize) -> Result<u64, AppError> {
        // Single sign-ons that never came back go with them (few: one per abandoned sign-in).
        if let Err(error) = self.stores.sso_states.delete_expired_sso_states(self.now()).await {
            tracing::warn!(error = %error, "purging expired single sign-ons failed; expired sessions are purged all the same");
        }
        let mut total = 0;
        loop {
            let deleted = self.stores.sessions.delete_expired(self.now(), batch).await?;
            self.ended(RevokeReason::Expired, deleted, Whose::Expired, "purge");
            total += deleted;
            if deleted < batch as u64 {
                return Ok(total);
            }
            tokio::task::yield_now().await;
        }
    }

    /// Deletes audit records older than the retention, in batches of `batch`; returns how many.
    pub async fn purge_old_audits(&self, batch: usize) -> Result<u64, AppError> {
        let retention = i64::try_from(self.policy.audit_retention.as_millis()).unwrap_or(i64::MAX);
        let before = self.now().saturating_sub(retention);
        let mut total = 0;
        loop {
            let deleted = self.stores.audits.delete_audits_before(before, batch).await?;
            total += deleted;
            if deleted < batch as u64 {
                return Ok(total);
            }
            tokio::task::yield_now().await;
        }
    }

    /// Forgets the login budgets that are full again, and writes the count of refusals the
    /// log left out since its last line of them (the metrics have each).
    pub fn forget_idle_limits(&self) {
        self.login_budgets.forget_idle();
        let unlogged = self.refusal_log.flush();
        if unlogged > 0 {
            tracing::info!(
                unlogged,
                "refused logins and checks not logged one by one (see mm_sessions_login_* metrics)"
            );
        }
        self.logged_once.flush();
    }

    /// `GET /system/ping`: whether the store answers reads, and with `writes` (Mattermost's
    /// `get_server_status`, its database check writing a row) whether it would take a write.
    pub async fn health(&self, writes: bool) -> Result<(), AppError> {
        let maintenance = &self.stores.maintenance;
        let checked = if writes { maintenance.check_writes().await } else { maintenance.ping().await };
        Ok(checked?)
    }

    /// The metrics as Prometheus text, with the active sessions counted now.
    pub async fn render_metrics(&self) -> String {
        let active = match self.stores.sessions.count_active_sessions(self.now()).await {
            Ok(n) => Some(n),
            Err(e) => {
                tracing::warn!(error = %e, "could not count active sessions for the metrics");
                None
            }
        };
        self.metrics.render(active)
    }
}
