//! The PostgreSQL backend's import ledger and import writes ([`crate::store::ImportStore`]): a
//! batch is one transaction.

use anyhow::Context as _;
use async_trait::async_trait;
use deadpool_postgres::Transaction;
use tokio_postgres::Row;

use super::super::imports::{ImportRow, ImportedUser, CREDENTIALS_FROM_SOURCE};
use super::super::rows::{profile_text, SESSION_COLUMNS, TOKEN_COLUMNS, USER_COLUMNS};
use super::super::{ImportBatch, ImportKind, ImportStore, Imported, StoreResult};
use super::events::{end_sessions, record_user};
use super::{execute, PostgresStore};
use crate::domain::event::{kind, reason};
use crate::domain::{AccessToken, Cause, Session};

fn imported_row(row: &Row) -> anyhow::Result<Imported> {
    let digest: Vec<u8> = row.try_get(1)?;
    Ok(Imported {
        id: row.try_get(0)?,
        digest: digest.try_into().map_err(|_| anyhow::anyhow!("a ledger digest is not 32 bytes"))?,
        here: row.try_get(2)?,
    })
}

#[async_trait]
impl ImportStore for PostgresStore {
    async fn imported(&self, kind: ImportKind, ids: &[String]) -> StoreResult<Vec<Imported>> {
        let table = kind.table();
        let sql = format!(
            "SELECT l.id, l.digest, EXISTS (SELECT 1 FROM {table} t WHERE t.id = l.id) FROM import_ledger l \
             WHERE l.kind = $1 AND l.id = ANY($2)"
        );
        self.query(&sql, &[&kind.as_str(), &ids], imported_row).await
    }

    async fn apply_import(&self, batch: &ImportBatch) -> StoreResult<Vec<(ImportKind, String)>> {
        // The users whose sessions and tokens this batch adds are locked first (in id order, so
        // that two batches cannot deadlock): a deactivation or role change on another node waits,
        // or has committed, and each session copies the roles it left.
        let mut owners: Vec<&str> = batch.sessions.iter().map(|s| s.row.user_id.as_str()).collect();
        owners.extend(batch.tokens.iter().map(|t| t.row.user_id.as_str()));
        owners.sort_unstable();
        owners.dedup();
        self.transaction(async |tx| {
            if !owners.is_empty() {
                let sql = "SELECT 1 FROM users WHERE id = ANY($1) ORDER BY id FOR UPDATE";
                tx.query(sql, &[&owners]).await.map_err(super::classify)?;
            }
            let mut refused = Vec::new();
            for row in &batch.users {
                if !import_user(tx, row, batch.at).await? {
                    refused.push((ImportKind::User, row.row.user.id.to_string()));
                }
            }
            for row in &batch.sessions {
                if !import_session(tx, row).await? {
                    refused.push((ImportKind::Session, row.row.id.to_string()));
                }
            }
            for row in &batch.tokens {
                if !import_token(tx, row, batch.at).await? {
                    refused.push((ImportKind::Token, row.row.id.to_string()));
                }
            }
            Ok(refused)
        })
        .await
    }
}

async fn ledger(tx: &Transaction<'_>, kind: ImportKind, id: &str, digest: &[u8; 32]) -> StoreResult<()> {
    let sql = "INSERT INTO import_ledger (kind, id, digest) VALUES ($1, $2, $3) \
               ON CONFLICT (kind, id) DO UPDATE SET digest = excluded.digest";
    execute(tx, sql, &[&kind.as_str(), &id, &&digest[..]]).await.map(drop)
}

/// Writes one user; `false` when refused.
async fn import_user(tx: &Transaction<'_>, row: &ImportRow<ImportedUser>, at: i64) -> StoreResult<bool> {
    let u = &row.row.user;
    let (id, profile) = (u.id.as_str(), profile_text(u));
    let mut values = super::user_values(u, &id, &profile).to_vec();
    // Whether this write deactivates them (an update from active): then as a deactivation here.
    // The row is locked until the transaction ends.
    let was_active = if row.update {
        let sql = "SELECT delete_at = 0 FROM users WHERE id = $1 FOR UPDATE";
        let found = tx.query_opt(sql, &[&id]).await.map_err(super::classify)?;
        found.map(|r| r.try_get::<_, bool>(0)).transpose().map_err(anyhow::Error::from)?.unwrap_or(false)
    } else {
        false
    };
    values.push(&row.row.mfa_secret);
    let written = if row.update {
        // Not onto a username, email or identity another user holds here.
        let sql = format!(
            "UPDATE users SET username = $2, email = $3, create_at = $5, update_at = $6, \
             delete_at = CASE WHEN delete_at <> 0 THEN delete_at ELSE $8 END, \
             auth_service = $11, auth_data = $12, profile = $13, \
             password_hash = CASE WHEN {CREDENTIALS_FROM_SOURCE} THEN $7 ELSE password_hash END, \
             last_password_update = CASE WHEN {CREDENTIALS_FROM_SOURCE} THEN $9 ELSE last_password_update END, \
             mfa_active = CASE WHEN {CREDENTIALS_FROM_SOURCE} THEN $10 ELSE mfa_active END, \
             mfa_secret = CASE WHEN {CREDENTIALS_FROM_SOURCE} THEN $14 ELSE mfa_secret END \
             WHERE id = $1 AND NOT EXISTS (SELECT 1 FROM users o WHERE o.id <> $1 AND (o.username = $2 OR o.email = $3 \
             OR (o.auth_service = $11 AND o.auth_data = $12))) AND $4::text IS NOT NULL"
        );
        // ($4, the roles, only so that both statements take one parameter list: never rewritten.)
        execute(tx, &sql, &values).await? > 0
    } else {
        let sql = format!(
            "INSERT INTO users ({USER_COLUMNS}, mfa_secret, credentials_from_import) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, TRUE) ON CONFLICT DO NOTHING"
        );
        execute(tx, &sql, &values).await? > 0
    };
    if !written {
        return Ok(false);
    }
    if !row.row.mfa_used_steps.is_empty() {
        let sql = "INSERT INTO mfa_used_steps (user_id, step) SELECT $1, unnest($2::bigint[]) ON CONFLICT DO NOTHING";
        execute(tx, sql, &[&u.id.as_str(), &row.row.mfa_used_steps]).await?;
    }
    if !u.is_active() && was_active {
        let cause = Cause::system(reason::DEACTIVATED, at);
        record_user(tx, kind::USER_DEACTIVATED, id, &cause).await?;
        end_sessions(tx, &cause, "user_id = $1", &[&id]).await?;
    }
    ledger(tx, ImportKind::User, u.id.as_str(), &row.digest).await?;
    Ok(true)
}

/// Writes one session; `false` when refused.
async fn import_session(tx: &Transaction<'_>, row: &ImportRow<Session>) -> StoreResult<bool> {
    let s = &row.row;
    let props = serde_json::to_value(&s.props).context("encoding props")?;
    let written = if row.update {
        let sql = "UPDATE sessions SET \
                   expires_at = CASE WHEN expires_at = 0 THEN 0 ELSE GREATEST(expires_at, $3) END, \
                   last_activity_at = GREATEST(last_activity_at, $4), \
                   device_id = CASE WHEN device_id = '' THEN $5 ELSE device_id END, props = $6 \
                   WHERE id = $1 AND user_id = $2";
        let values: [&(dyn tokio_postgres::types::ToSql + Sync); 6] =
            [&s.id.as_str(), &s.user_id.as_str(), &s.expires_at, &s.last_activity_at, &s.device_id, &props];
        execute(tx, sql, &values).await?
    } else {
        // With the user's roles here; the users of the batch are locked (`apply_import`).
        let sql = format!(
            "INSERT INTO sessions ({SESSION_COLUMNS}) \
             SELECT $1::text, $2::bytea, $3::text, $4::bigint, $5::bigint, $6::bigint, $7::text, u.roles, \
             $8::boolean, $9::boolean, $10::boolean, $11::jsonb \
             FROM users u WHERE u.id = $3 AND u.delete_at = 0 ON CONFLICT DO NOTHING"
        );
        let values: [&(dyn tokio_postgres::types::ToSql + Sync); 11] = [
            &s.id.as_str(),
            &&s.token_hash.0[..],
            &s.user_id.as_str(),
            &s.create_at,
            &s.expires_at,
            &s.last_activity_at,
            &s.device_id,
            &s.is_oauth,
            &s.expired_notify,
            &s.local,
            &props,
        ];
        execute(tx, &sql, &values).await?
    };
    if written == 0 {
        return Ok(false);
    }
    ledger(tx, ImportKind::Session, s.id.as_str(), &row.digest).await?;
    Ok(true)
}

/// Writes one personal access token; `false` when refused.
async fn import_token(tx: &Transaction<'_>, row: &ImportRow<AccessToken>, at: i64) -> StoreResult<bool> {
    let t = &row.row;
    let written = if row.update {
        let sql = "UPDATE user_access_tokens SET description = $2, is_active = is_active AND $3, expires_at = $4 \
                   WHERE id = $1";
        execute(tx, sql, &[&t.id.as_str(), &t.description, &t.is_active, &t.expires_at]).await?
    } else {
        let sql = format!(
            "INSERT INTO user_access_tokens ({TOKEN_COLUMNS}) \
             SELECT $1::text, $2::bytea, $3::text, $4::text, $5::boolean, $6::bigint \
             WHERE EXISTS (SELECT 1 FROM users WHERE id = $3) ON CONFLICT DO NOTHING"
        );
        let values: [&(dyn tokio_postgres::types::ToSql + Sync); 6] =
            [&t.id.as_str(), &&t.token_hash.0[..], &t.user_id.as_str(), &t.description, &t.is_active, &t.expires_at];
        execute(tx, &sql, &values).await?
    };
    if written == 0 {
        return Ok(false);
    }
    if !t.is_active {
        let cause = Cause::system(reason::ACCESS_TOKEN_DISABLED, at);
        end_sessions(tx, &cause, "token_hash = $1", &[&&t.token_hash.0[..]]).await?;
    }
    ledger(tx, ImportKind::Token, t.id.as_str(), &row.digest).await?;
    Ok(true)
}
