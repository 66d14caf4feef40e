//! The SQLite backend's import ledger and import writes ([`crate::store::ImportStore`]): a
//! batch is one write of the single writer, all or nothing.

use anyhow::Context as _;
use async_trait::async_trait;
use rusqlite::{params, Connection, OptionalExtension};

use super::super::imports::{ImportRow, ImportedUser, CREDENTIALS_FROM_SOURCE};
use super::super::rows::{profile_text, SESSION_COLUMNS, TOKEN_COLUMNS, USER_COLUMNS};
use super::super::{ImportBatch, ImportKind, ImportStore, Imported, StoreResult};
use super::events::{end_sessions, record_user};
use super::{execute, user_values, SqliteStore};
use crate::domain::event::{kind, reason};
use crate::domain::{AccessToken, Cause, Session};

#[async_trait]
impl ImportStore for SqliteStore {
    async fn imported(&self, kind: ImportKind, ids: &[String]) -> StoreResult<Vec<Imported>> {
        let ids = serde_json::to_string(ids).context("encoding ids")?;
        self.read(move |c| {
            let sql = format!(
                "SELECT l.id, l.digest, EXISTS (SELECT 1 FROM {} t WHERE t.id = l.id) FROM import_ledger l \
                 WHERE l.kind = ?1 AND l.id IN (SELECT value FROM json_each(?2))",
                kind.table()
            );
            c.prepare_cached(&sql)?
                .query_map(params![kind.as_str(), ids], |r| {
                    let digest: Vec<u8> = r.get(1)?;
                    Ok(Imported { id: r.get(0)?, digest: digest.try_into().unwrap_or([0; 32]), here: r.get(2)? })
                })?
                .collect()
        })
        .await
    }

    async fn apply_import(&self, batch: &ImportBatch) -> StoreResult<Vec<(ImportKind, String)>> {
        let batch = batch.clone();
        let sessions = batch
            .sessions
            .iter()
            .map(|s| serde_json::to_string(&s.row.props).context("encoding props"))
            .collect::<anyhow::Result<Vec<_>>>()?;
        self.write(move |c| {
            let mut refused = Vec::new();
            for row in &batch.users {
                if !import_user(c, row, batch.at)? {
                    refused.push((ImportKind::User, row.row.user.id.to_string()));
                }
            }
            for (row, props) in batch.sessions.iter().zip(&sessions) {
                if !import_session(c, row, props)? {
                    refused.push((ImportKind::Session, row.row.id.to_string()));
                }
            }
            for row in &batch.tokens {
                if !import_token(c, row, batch.at)? {
                    refused.push((ImportKind::Token, row.row.id.to_string()));
                }
            }
            Ok(refused)
        })
        .await
    }
}

fn ledger(c: &Connection, kind: ImportKind, id: &str, digest: &[u8; 32]) -> rusqlite::Result<()> {
    let sql = "INSERT INTO import_ledger (kind, id, digest) VALUES (?1, ?2, ?3) \
               ON CONFLICT (kind, id) DO UPDATE SET digest = excluded.digest";
    execute(c, sql, params![kind.as_str(), id, &digest[..]]).map(drop)
}

/// Writes one user; `false` when refused.
fn import_user(c: &Connection, row: &ImportRow<ImportedUser>, at: i64) -> rusqlite::Result<bool> {
    let u = &row.row.user;
    let (id, profile) = (u.id.as_str(), profile_text(u));
    let mut values = user_values(u, &id, &profile).to_vec();
    values.push(&row.row.mfa_secret);
    let values = &values[..];
    // Whether this write deactivates them (an update from active): then as a deactivation here.
    let was_active = row.update
        && c.prepare_cached("SELECT delete_at = 0 FROM users WHERE id = ?1")?
            .query_row([id], |r| r.get::<_, bool>(0))
            .optional()?
            .unwrap_or(false);
    let written = if row.update {
        // Not onto a username, email or identity another user holds here.
        let sql = format!(
            "UPDATE users SET username = ?2, email = ?3, create_at = ?5, update_at = ?6, \
             delete_at = CASE WHEN delete_at <> 0 THEN delete_at ELSE ?8 END, \
             auth_service = ?11, auth_data = ?12, profile = ?13, \
             password_hash = CASE WHEN {CREDENTIALS_FROM_SOURCE} THEN ?7 ELSE password_hash END, \
             last_password_update = CASE WHEN {CREDENTIALS_FROM_SOURCE} THEN ?9 ELSE last_password_update END, \
             mfa_active = CASE WHEN {CREDENTIALS_FROM_SOURCE} THEN ?10 ELSE mfa_active END, \
             mfa_secret = CASE WHEN {CREDENTIALS_FROM_SOURCE} THEN ?14 ELSE mfa_secret END \
             WHERE id = ?1 AND NOT EXISTS (SELECT 1 FROM users o WHERE o.id <> ?1 AND (o.username = ?2 OR o.email = ?3 \
             OR (o.auth_service = ?11 AND o.auth_data = ?12)))"
        );
        execute(c, &sql, values)? > 0
    } else {
        let sql = format!(
            "INSERT INTO users ({USER_COLUMNS}, mfa_secret, credentials_from_import) \
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, 1) ON CONFLICT DO NOTHING"
        );
        execute(c, &sql, values)? > 0
    };
    if !written {
        return Ok(false);
    }
    let sql = "INSERT INTO mfa_used_steps (user_id, step) VALUES (?1, ?2) ON CONFLICT DO NOTHING";
    for step in &row.row.mfa_used_steps {
        execute(c, sql, params![u.id.as_str(), step])?;
    }
    if !u.is_active() && was_active {
        let cause = Cause::system(reason::DEACTIVATED, at);
        record_user(c, kind::USER_DEACTIVATED, id, &cause)?;
        end_sessions(c, &cause, "user_id = ?1", &[&id])?;
    }
    ledger(c, ImportKind::User, u.id.as_str(), &row.digest)?;
    Ok(true)
}

/// Writes one session; `false` when refused.
fn import_session(c: &Connection, row: &ImportRow<Session>, props: &str) -> rusqlite::Result<bool> {
    let s = &row.row;
    let written = if row.update {
        let sql = "UPDATE sessions SET \
                   expires_at = CASE WHEN expires_at = 0 THEN 0 ELSE max(expires_at, ?3) END, \
                   last_activity_at = max(last_activity_at, ?4), \
                   device_id = CASE WHEN device_id = '' THEN ?5 ELSE device_id END, props = ?6 \
                   WHERE id = ?1 AND user_id = ?2";
        let values = params![s.id.as_str(), s.user_id.as_str(), s.expires_at, s.last_activity_at, s.device_id, props];
        execute(c, sql, values)?
    } else {
        // With the user's roles here.
        let sql = format!(
            "INSERT INTO sessions ({SESSION_COLUMNS}) \
             SELECT ?1, ?2, ?3, ?4, ?5, ?6, ?7, u.roles, ?8, ?9, ?10, ?11 \
             FROM users u WHERE u.id = ?3 AND u.delete_at = 0 ON CONFLICT DO NOTHING"
        );
        let values = params![
            s.id.as_str(),
            &s.token_hash.0[..],
            s.user_id.as_str(),
            s.create_at,
            s.expires_at,
            s.last_activity_at,
            s.device_id,
            s.is_oauth,
            s.expired_notify,
            s.local,
            props,
        ];
        execute(c, &sql, values)?
    };
    if written == 0 {
        return Ok(false);
    }
    ledger(c, ImportKind::Session, s.id.as_str(), &row.digest)?;
    Ok(true)
}

/// Writes one personal access token; `false` when refused.
fn import_token(c: &Connection, row: &ImportRow<AccessToken>, at: i64) -> rusqlite::Result<bool> {
    let t = &row.row;
    let written = if row.update {
        let sql = "UPDATE user_access_tokens SET description = ?2, is_active = is_active AND ?3, expires_at = ?4 \
                   WHERE id = ?1";
        execute(c, sql, params![t.id.as_str(), t.description, t.is_active, t.expires_at])?
    } else {
        let sql = format!(
            "INSERT INTO user_access_tokens ({TOKEN_COLUMNS}) SELECT ?1, ?2, ?3, ?4, ?5, ?6 \
             WHERE EXISTS (SELECT 1 FROM users WHERE id = ?3) ON CONFLICT DO NOTHING"
        );
        let values =
            params![t.id.as_str(), &t.token_hash.0[..], t.user_id.as_str(), t.description, t.is_active, t.expires_at];
        execute(c, &sql, values)?
    };
    if written == 0 {
        return Ok(false);
    }
    if !t.is_active {
        let cause = Cause::system(reason::ACCESS_TOKEN_DISABLED, at);
        end_sessions(c, &cause, "token_hash = ?1", &[&&t.token_hash.0[..]])?;
    }
    ledger(c, ImportKind::Token, t.id.as_str(), &row.digest)?;
    Ok(true)
}
