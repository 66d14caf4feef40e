//! The in-memory backend's audit records ([`crate::store::AuditStore`]).

use async_trait::async_trait;

use super::super::{AuditStore, StoreResult};
use super::MemoryStore;
use crate::domain::{Audit, Id};

#[async_trait]
impl AuditStore for MemoryStore {
    async fn add_audit(&self, audit: &Audit) -> StoreResult<()> {
        self.write().audits.push(audit.clone());
        Ok(())
    }

    async fn audits_for_user(&self, user_id: Option<&Id>, offset: usize, limit: usize) -> StoreResult<Vec<Audit>> {
        let inner = self.read();
        let mut audits: Vec<Audit> =
            inner.audits.iter().filter(|a| a.user_id == user_id.map_or("", |id| id.as_str())).cloned().collect();
        audits.sort_by(|a, b| b.create_at.cmp(&a.create_at).then_with(|| b.id.cmp(&a.id)));
        Ok(audits.into_iter().skip(offset).take(limit).collect())
    }

    async fn delete_audits_before(&self, before: i64, limit: usize) -> StoreResult<u64> {
        let mut inner = self.write();
        let mut deleted = 0;
        inner.audits.retain(|a| {
            let expired = a.create_at < before && deleted < limit;
            deleted += usize::from(expired);
            !expired
        });
        Ok(deleted as u64)
    }
}
