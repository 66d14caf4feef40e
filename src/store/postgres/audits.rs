//! The PostgreSQL backend's audit records ([`crate::store::AuditStore`]).

use async_trait::async_trait;
use tokio_postgres::types::ToSql;

use super::super::rows::AUDIT_COLUMNS;
use super::super::{AuditStore, StoreResult};
use super::{audit_row, PostgresStore};
use crate::domain::{Audit, Id};

#[async_trait]
impl AuditStore for PostgresStore {
    async fn add_audit(&self, a: &Audit) -> StoreResult<()> {
        let sql = format!("INSERT INTO audits ({AUDIT_COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7)");
        let row: [&(dyn ToSql + Sync); 7] =
            [&a.id.as_str(), &a.create_at, &a.user_id, &a.action, &a.extra_info, &a.ip_address, &a.session_id];
        self.execute(&sql, &row).await.map(drop)
    }

    async fn audits_for_user(&self, user_id: Option<&Id>, offset: usize, limit: usize) -> StoreResult<Vec<Audit>> {
        let (offset, limit) = (i64::try_from(offset).unwrap_or(i64::MAX), i64::try_from(limit).unwrap_or(i64::MAX));
        let sql = format!(
            "SELECT {AUDIT_COLUMNS} FROM audits WHERE user_id = $1 ORDER BY create_at DESC, id DESC LIMIT $2 OFFSET $3"
        );
        let user_id = user_id.map_or("", |id| id.as_str());
        self.query(&sql, &[&user_id, &limit, &offset], audit_row).await
    }

    async fn delete_audits_before(&self, before: i64, limit: usize) -> StoreResult<u64> {
        let limit = i64::try_from(limit).unwrap_or(i64::MAX);
        let sql = "DELETE FROM audits WHERE id IN (SELECT id FROM audits WHERE create_at < $1 LIMIT $2 \
                   FOR UPDATE SKIP LOCKED)";
        self.execute(sql, &[&before, &limit]).await
    }
}
