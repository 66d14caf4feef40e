//! The SQLite backend's audit records ([`crate::store::AuditStore`]).

use async_trait::async_trait;
use rusqlite::params;

use super::super::rows::{self};
use super::super::{AuditStore, StoreResult};
use super::{execute, mapped, owned, SqliteStore};
use crate::domain::{Audit, Id};

#[async_trait]
impl AuditStore for SqliteStore {
    async fn add_audit(&self, audit: &Audit) -> StoreResult<()> {
        let a = audit.clone();
        self.write(move |c| {
            let sql = format!("INSERT INTO audits ({}) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)", rows::AUDIT_COLUMNS);
            let row =
                params![a.id.as_str(), a.create_at, a.user_id, a.action, a.extra_info, a.ip_address, a.session_id];
            execute(c, &sql, row).map(drop)
        })
        .await
    }

    async fn audits_for_user(&self, user_id: Option<&Id>, offset: usize, limit: usize) -> StoreResult<Vec<Audit>> {
        let user_id = user_id.map(|id| owned(id)).unwrap_or_default();
        let (offset, limit) = (i64::try_from(offset).unwrap_or(i64::MAX), i64::try_from(limit).unwrap_or(i64::MAX));
        self.read(move |c| {
            c.prepare_cached(&format!(
                "SELECT {} FROM audits WHERE user_id = ?1 ORDER BY create_at DESC, id DESC LIMIT ?2 OFFSET ?3",
                rows::AUDIT_COLUMNS
            ))?
            .query_map(params![user_id, limit, offset], |r| mapped(r, rows::audit))?
            .collect()
        })
        .await
    }

    async fn delete_audits_before(&self, before: i64, limit: usize) -> StoreResult<u64> {
        let limit = i64::try_from(limit).unwrap_or(i64::MAX);
        let sql = "DELETE FROM audits WHERE id IN (SELECT id FROM audits WHERE create_at < ?1 LIMIT ?2)";
        self.execute(sql, [before, limit]).await
    }
}
