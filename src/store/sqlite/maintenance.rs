//! The SQLite backend's health checks and bulk work ([`crate::store::Maintenance`]).

use anyhow::Context as _;
use async_trait::async_trait;

use super::super::{Maintenance, StoreResult};
use super::{insert_session, insert_user, SqliteStore};
use crate::domain::{Session, User};

#[async_trait]
impl Maintenance for SqliteStore {
    async fn ping(&self) -> StoreResult<()> {
        self.read(|c| c.query_row("SELECT 1", [], |_| Ok(()))).await
    }

    async fn check_writes(&self) -> StoreResult<()> {
        // Through the writer every write waits for, and a real write (a full disk fails it).
        self.write(|c| c.execute(super::super::rows::HEALTH_CHECK_WRITE, []).map(drop)).await
    }

    async fn import(&self, users: &[User], sessions: &[Session]) -> StoreResult<()> {
        let users = users.to_vec();
        let sessions = sessions
            .iter()
            .map(|s| Ok((s.clone(), serde_json::to_string(&s.props).context("encoding props")?)))
            .collect::<anyhow::Result<Vec<_>>>()?;
        self.write(move |tx| {
            for u in &users {
                insert_user(tx, u)?;
            }
            for (s, props) in &sessions {
                insert_session(tx, s, props)?;
            }
            Ok(())
        })
        .await
    }
}
