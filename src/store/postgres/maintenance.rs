//! The PostgreSQL backend's health checks and bulk work ([`crate::store::Maintenance`]).

use anyhow::Context as _;
use async_trait::async_trait;
use deadpool_postgres::GenericClient;

use super::super::rows::{SESSION_COLUMNS, USER_COLUMNS};
use super::super::{Maintenance, StoreResult};
use super::{classify, PostgresStore};
use crate::domain::{Session, User};

#[async_trait]
impl Maintenance for PostgresStore {
    async fn ping(&self) -> StoreResult<()> {
        self.query_opt("SELECT 1", &[], |_| Ok(())).await.map(drop)
    }

    async fn check_writes(&self) -> StoreResult<()> {
        // A real write: refused on a read-only replica, a full disk, a lost primary.
        self.transaction(async |tx| {
            tx.execute(super::super::rows::HEALTH_CHECK_WRITE, &[]).await.map_err(classify).map(drop)
        })
        .await
    }

    async fn import(&self, users: &[User], sessions: &[Session]) -> StoreResult<()> {
        // Column arrays unnested server-side: one statement per chunk instead of one per row.
        const CHUNK: usize = 10_000;
        self.transaction(async |tx| {
            for chunk in users.chunks(CHUNK) {
                let column = |f: fn(&User) -> &str| chunk.iter().map(f).collect::<Vec<_>>();
                tx.execute(
                    &format!(
                        "INSERT INTO users ({USER_COLUMNS}) SELECT * FROM \
                     unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::bigint[], $6::bigint[], $7::text[], \
                     $8::bigint[], $9::bigint[], $10::boolean[], $11::text[], $12::text[], $13::text[])"
                    ),
                    &[
                        &column(|u| u.id.as_str()),
                        &column(|u| &u.username),
                        &column(|u| &u.email),
                        &column(|u| &u.roles),
                        &chunk.iter().map(|u| u.create_at).collect::<Vec<_>>(),
                        &chunk.iter().map(|u| u.update_at).collect::<Vec<_>>(),
                        &chunk.iter().map(|u| u.password_hash.as_deref()).collect::<Vec<_>>(),
                        &chunk.iter().map(|u| u.delete_at).collect::<Vec<_>>(),
                        &chunk.iter().map(|u| u.last_password_update).collect::<Vec<_>>(),
                        &chunk.iter().map(|u| u.mfa_active).collect::<Vec<_>>(),
                        &column(|u| &u.auth_service),
                        &chunk.iter().map(|u| u.auth_data.as_deref()).collect::<Vec<_>>(),
                        &chunk.iter().map(super::super::rows::profile_text).collect::<Vec<_>>(),
                    ],
                )
                .await
                .map_err(classify)?;
            }
            for chunk in sessions.chunks(CHUNK) {
                let text = |f: fn(&Session) -> &str| chunk.iter().map(f).collect::<Vec<_>>();
                let int = |f: fn(&Session) -> i64| chunk.iter().map(f).collect::<Vec<_>>();
                let flag = |f: fn(&Session) -> bool| chunk.iter().map(f).collect::<Vec<_>>();
                let props = chunk
                    .iter()
                    .map(|s| serde_json::to_value(&s.props))
                    .collect::<Result<Vec<_>, _>>()
                    .context("encoding props")?;
                tx.execute(
                    &format!(
                        "INSERT INTO sessions ({SESSION_COLUMNS}) SELECT * FROM \
                     unnest($1::text[], $2::bytea[], $3::text[], $4::bigint[], $5::bigint[], $6::bigint[], \
                     $7::text[], $8::text[], $9::bool[], $10::bool[], $11::bool[], $12::jsonb[])"
                    ),
                    &[
                        &text(|s| s.id.as_str()),
                        &chunk.iter().map(|s| &s.token_hash.0[..]).collect::<Vec<_>>(),
                        &text(|s| s.user_id.as_str()),
                        &int(|s| s.create_at),
                        &int(|s| s.expires_at),
                        &int(|s| s.last_activity_at),
                        &text(|s| &s.device_id),
                        &text(|s| &s.roles),
                        &flag(|s| s.is_oauth),
                        &flag(|s| s.expired_notify),
                        &flag(|s| s.local),
                        &props,
                    ],
                )
                .await
                .map_err(classify)?;
            }
            Ok(())
        })
        .await
    }
}
