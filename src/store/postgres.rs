//! The PostgreSQL backend: several server nodes on one database.
//!
//! - **No cache**: every request reads the database, so a revocation through any node is
//!   refused by every node on its next request (the guarantee docs/operations.md states).
//! - **Per-user serialisation**: creating a session and revoking all of a user's sessions both
//!   lock the user's row first, so a revoke-all and racing logins on other nodes are ordered:
//!   every session committed before the revoke-all is deleted by it, and the 500-session cap
//!   holds under concurrent logins.
//! - **Migrations**: versioned SQL in `postgres_migrations/`, applied on connect inside one
//!   transaction that holds an advisory lock, so nodes starting at once migrate exactly once.
//! - **Durability**: a call returns after PostgreSQL committed (synchronous_commit as the
//!   server is configured; its default is on).

use anyhow::Context as _;
use async_trait::async_trait;
use deadpool_postgres::{GenericClient, Manager, ManagerConfig, Pool, RecyclingMethod};
use tokio_postgres::error::SqlState;
use tokio_postgres::types::ToSql;
use tokio_postgres::{NoTls, Row};

use super::rows::{self, Columns, AUDIT_COLUMNS, SESSION_COLUMNS, TOKEN_COLUMNS, USER_COLUMNS};
use super::{
    AuditStore, Maintenance, MfaState, MfaStore, MfaWrite, RolesSet, SessionStore, StoreError, StoreResult, TokenStore,
    Unique, UserStore, WithSessions,
};
use crate::domain::{AccessToken, Audit, Id, Session, SessionId, TokenHash, TokenId, User};

const MIGRATIONS: &[(i32, &str)] = &[
    (1, include_str!("postgres_migrations/0001_users_and_sessions.sql")),
    (2, include_str!("postgres_migrations/0002_user_deactivation.sql")),
    (3, include_str!("postgres_migrations/0003_audits.sql")),
    (4, include_str!("postgres_migrations/0004_access_tokens.sql")),
    (5, include_str!("postgres_migrations/0005_last_password_update.sql")),
    (6, include_str!("postgres_migrations/0006_health_checks.sql")),
    (7, include_str!("postgres_migrations/0007_mfa.sql")),
    (8, include_str!("postgres_migrations/0008_password_update_from_creation.sql")),
    (9, include_str!("postgres_migrations/0009_mfa_failed_attempts.sql")),
];

/// The advisory lock key migrations hold ("mm-sess" in ASCII).
const MIGRATION_LOCK: i64 = 0x006d_6d2d_7365_7373;

/// Tables of Mattermost's own schema that are not ours: where one is, the schema is
/// Mattermost's, whose `users`, `sessions` and `audits` our migrations must never touch (a
/// `config.json`'s `SqlSettings` names exactly such a database).
const MATTERMOST_TABLES: [&str; 5] = ["channels", "teams", "posts", "systems", "channelmembers"];

/// Refuses to migrate a schema holding Mattermost's tables.
async fn refuse_mattermost_schema(tx: &deadpool_postgres::Transaction<'_>) -> anyhow::Result<()> {
    let rows = tx
        .query(
            "SELECT table_name::text, current_schema()::text FROM information_schema.tables \
             WHERE table_schema = current_schema() AND table_name = ANY($1) ORDER BY table_name",
            &[&&MATTERMOST_TABLES[..]],
        )
        .await?;
    if let Some(first) = rows.first() {
        let schema: String = first.get(1);
        let found: Vec<String> = rows.iter().map(|r| r.get(0)).collect();
        anyhow::bail!(
            "schema {schema:?} of this PostgreSQL database holds Mattermost's own tables ({}): mm-sessions' tables \
             share names with Mattermost's (users, sessions, audits) and must never be created there; give \
             mm-sessions a database or schema of its own (--database; never config.json's SqlSettings)",
            found.join(", ")
        );
    }
    Ok(())
}

/// A pool of connections to one PostgreSQL database.
#[derive(Clone)]
pub struct PostgresStore {
    pool: Pool,
}

impl PostgresStore {
    /// Connects to `url` (`postgres://user@host:port/db`, libpq-style options allowed) and
    /// brings the schema up to date.
    pub async fn connect(url: &str) -> anyhow::Result<Self> {
        let config: tokio_postgres::Config = url.parse().context("parsing the PostgreSQL URL")?;
        let manager = Manager::from_config(config, NoTls, ManagerConfig { recycling_method: RecyclingMethod::Fast });
        let pool = Pool::builder(manager).max_size(16).build().context("building the PostgreSQL pool")?;
        let store = PostgresStore { pool };
        store.migrate().await?;
        Ok(store)
    }

    async fn migrate(&self) -> anyhow::Result<()> {
        let mut client = self.pool.get().await.context("connecting to PostgreSQL")?;
        let tx = client.transaction().await?;
        tx.execute("SELECT pg_advisory_xact_lock($1)", &[&MIGRATION_LOCK]).await?;
        if let Err(e) = refuse_mattermost_schema(&tx).await {
            tx.rollback().await?;
            return Err(e);
        }
        tx.batch_execute(
            "CREATE TABLE IF NOT EXISTS mm_sessions_migrations (version INTEGER PRIMARY KEY, applied_at TIMESTAMPTZ NOT NULL DEFAULT now())",
        )
        .await?;
        let applied: Vec<i32> =
            tx.query("SELECT version FROM mm_sessions_migrations", &[]).await?.iter().map(|r| r.get(0)).collect();
        // A node must not serve a schema it does not know: it would ignore what newer nodes
        // rely on (a deactivation, say).
        let known = MIGRATIONS.iter().map(|(version, _)| *version).max().unwrap_or(0);
        if let Some(newer) = applied.iter().copied().filter(|v| *v > known).max() {
            // Ended here, not whenever the dropped transaction's connection gets to it.
            tx.rollback().await?;
            anyhow::bail!(
                "the database schema is at version {newer}, newer than this mm-sessions knows ({known}): \
                 upgrade this node"
            );
        }
        for (version, sql) in MIGRATIONS {
            if !applied.contains(version) {
                tx.batch_execute(sql).await.with_context(|| format!("PostgreSQL migration {version}"))?;
                tx.execute("INSERT INTO mm_sessions_migrations (version) VALUES ($1)", &[version]).await?;
                tracing::info!(version, "PostgreSQL migration applied");
            }
        }
        tx.commit().await?;
        Ok(())
    }

    async fn client(&self) -> StoreResult<deadpool_postgres::Object> {
        self.pool.get().await.map_err(|e| StoreError::Backend(anyhow::anyhow!("no PostgreSQL connection: {e}")))
    }

    /// Runs one statement on a pooled connection; how many rows it changed.
    async fn execute(&self, sql: &str, params: &Params<'_>) -> StoreResult<u64> {
        execute(&self.client().await?, sql, params).await
    }

    /// The rows one query answers, each mapped by `map`.
    async fn query<T>(
        &self,
        sql: &str,
        params: &Params<'_>,
        map: fn(&Row) -> anyhow::Result<T>,
    ) -> StoreResult<Vec<T>> {
        let client = self.client().await?;
        let statement = client.prepare_cached(sql).await.map_err(classify)?;
        let rows = client.query(&statement, params).await.map_err(classify)?;
        Ok(rows.iter().map(map).collect::<anyhow::Result<_>>()?)
    }

    /// The row (if any) one query answers, mapped by `map`.
    async fn query_opt<T>(
        &self,
        sql: &str,
        params: &Params<'_>,
        map: fn(&Row) -> anyhow::Result<T>,
    ) -> StoreResult<Option<T>> {
        let client = self.client().await?;
        let statement = client.prepare_cached(sql).await.map_err(classify)?;
        let row = client.query_opt(&statement, params).await.map_err(classify)?;
        Ok(row.as_ref().map(map).transpose()?)
    }

    /// Runs `statements` in one transaction, always ended here: committed when they succeed,
    /// rolled back when they fail. (A transaction merely dropped is rolled back only when its
    /// connection is next used, holding its row locks meanwhile: a login of a deactivated user
    /// would block that user's next change.)
    async fn transaction<T>(
        &self,
        statements: impl AsyncFnOnce(&deadpool_postgres::Transaction<'_>) -> StoreResult<T>,
    ) -> StoreResult<T> {
        let mut client = self.client().await?;
        let tx = client.transaction().await.map_err(classify)?;
        match statements(&tx).await {
            Ok(value) => {
                tx.commit().await.map_err(classify)?;
                Ok(value)
            }
            Err(e) => {
                if let Err(rollback) = tx.rollback().await {
                    tracing::warn!(error = %rollback, "rolling back a failed PostgreSQL transaction failed");
                }
                Err(e)
            }
        }
    }

    /// Runs `statements` in one transaction that first locks the user's row: the per-user
    /// serialisation the module doc describes. `None` when there is no such user.
    async fn locking_user<T>(
        &self,
        user_id: &Id,
        statements: impl AsyncFnOnce(&deadpool_postgres::Transaction<'_>) -> StoreResult<T>,
    ) -> StoreResult<Option<T>> {
        self.transaction(async |tx| {
            let user = tx.query_opt("SELECT 1 FROM users WHERE id = $1 FOR UPDATE", &[&user_id.as_str()]).await;
            if user.map_err(classify)?.is_none() {
                return Ok(None);
            }
            statements(tx).await.map(Some)
        })
        .await
    }
}

/// A statement's parameters.
type Params<'a> = [&'a (dyn ToSql + Sync)];

/// Runs one statement (prepared once per connection) on a connection or in a transaction; how
/// many rows it changed.
async fn execute(client: &impl GenericClient, sql: &str, params: &Params<'_>) -> StoreResult<u64> {
    let statement = client.prepare_cached(sql).await.map_err(classify)?;
    client.execute(&statement, params).await.map_err(classify)
}

impl PostgresStore {
    /// The user whose `column` (a unique one) equals `value`.
    async fn user_where(&self, column: &'static str, value: &str) -> StoreResult<Option<User>> {
        self.query_opt(&format!("SELECT {USER_COLUMNS} FROM users WHERE {column} = $1"), &[&value], user_row).await
    }
}

/// Unique violations become `Conflict`, by constraint name; the rest is a failure.
fn classify(error: tokio_postgres::Error) -> StoreError {
    if error.code() == Some(&SqlState::UNIQUE_VIOLATION) {
        // PostgreSQL's default names, from the CREATE TABLEs in postgres_migrations/.
        let field = match error.as_db_error().and_then(|e| e.constraint()) {
            Some("users_pkey") => Unique::of_column("users", "id"),
            Some("users_username_key") => Unique::of_column("users", "username"),
            Some("users_email_key") => Unique::of_column("users", "email"),
            Some("sessions_pkey") => Unique::of_column("sessions", "id"),
            Some("sessions_token_hash_key") => Unique::of_column("sessions", "token_hash"),
            Some("user_access_tokens_pkey") => Unique::of_column("user_access_tokens", "id"),
            Some("user_access_tokens_token_hash_key") => Unique::of_column("user_access_tokens", "token_hash"),
            _ => None,
        };
        if let Some(field) = field {
            return StoreError::Conflict(field);
        }
    }
    StoreError::Backend(error.into())
}

impl Columns for Row {
    fn text(&self, i: usize) -> anyhow::Result<String> {
        Ok(self.try_get(i)?)
    }
    fn optional_text(&self, i: usize) -> anyhow::Result<Option<String>> {
        Ok(self.try_get(i)?)
    }
    fn int(&self, i: usize) -> anyhow::Result<i64> {
        Ok(self.try_get(i)?)
    }
    fn flag(&self, i: usize) -> anyhow::Result<bool> {
        Ok(self.try_get(i)?)
    }
    fn bytes(&self, i: usize) -> anyhow::Result<Vec<u8>> {
        Ok(self.try_get(i)?)
    }
    fn props(&self, i: usize) -> anyhow::Result<crate::domain::Props> {
        // Read from the jsonb bytes, without a serde_json::Value between.
        Ok(self.try_get::<_, tokio_postgres::types::Json<crate::domain::Props>>(i)?.0)
    }
}

/// Adds a session in `tx`: its user's row is locked first (which serialises this user's logins,
/// revoke-alls and role changes across nodes, see the module docs) and must be active; the
/// session takes the roles the locked row has; then the least recently used others beyond
/// `max_per_user` are deleted; how many.
async fn insert_capped(tx: &deadpool_postgres::Transaction<'_>, s: &Session, max_per_user: usize) -> StoreResult<u64> {
    let props = serde_json::to_value(&s.props).context("encoding props")?;
    let keep = i64::try_from(max_per_user.saturating_sub(1)).unwrap_or(i64::MAX);
    let user = tx
        .query_opt("SELECT delete_at, roles FROM users WHERE id = $1 FOR UPDATE", &[&s.user_id.as_str()])
        .await
        .map_err(classify)?;
    // The roles as the locked row has them: a role change committed after the caller read the
    // user is not undone by this insert.
    let roles: String = match user.map(|row| (row.get::<_, i64>(0), row.get(1))) {
        None => return Err(StoreError::Backend(anyhow::anyhow!("no user {} for the new session", s.user_id))),
        Some((delete_at, _)) if delete_at > 0 => return Err(StoreError::UserInactive),
        Some((_, roles)) => roles,
    };
    let sql =
        format!("INSERT INTO sessions ({SESSION_COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)");
    let row: [&(dyn ToSql + Sync); 12] = [
        &s.id.as_str(),
        &&s.token_hash.0[..],
        &s.user_id.as_str(),
        &s.create_at,
        &s.expires_at,
        &s.last_activity_at,
        &s.device_id,
        &roles,
        &s.is_oauth,
        &s.expired_notify,
        &s.local,
        &props,
    ];
    execute(tx, &sql, &row).await?;
    execute(
        tx,
        "DELETE FROM sessions WHERE id IN (SELECT id FROM sessions WHERE user_id = $1 AND id <> $2 \
         ORDER BY last_activity_at DESC, create_at DESC OFFSET $3)",
        &[&s.user_id.as_str(), &s.id.as_str(), &keep],
    )
    .await
}

fn user_row(row: &Row) -> anyhow::Result<User> {
    rows::user(row)
}

fn session_row(row: &Row) -> anyhow::Result<Session> {
    rows::session(row)
}

fn audit_row(row: &Row) -> anyhow::Result<Audit> {
    rows::audit(row)
}

fn token_row(row: &Row) -> anyhow::Result<AccessToken> {
    rows::access_token(row)
}

#[async_trait]
impl UserStore for PostgresStore {
    async fn create_user(&self, u: &User) -> StoreResult<()> {
        let sql = format!("INSERT INTO users ({USER_COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)");
        let row: [&(dyn ToSql + Sync); 10] = [
            &u.id.as_str(),
            &u.username,
            &u.email,
            &u.roles,
            &u.create_at,
            &u.update_at,
            &u.password_hash,
            &u.delete_at,
            &u.last_password_update,
            &u.mfa_active,
        ];
        self.execute(&sql, &row).await.map(drop)
    }

    async fn user_by_id(&self, id: &Id) -> StoreResult<Option<User>> {
        self.user_where("id", id.as_str()).await
    }

    async fn user_by_username(&self, username: &str) -> StoreResult<Option<User>> {
        self.user_where("username", username).await
    }

    async fn user_by_email(&self, email: &str) -> StoreResult<Option<User>> {
        self.user_where("email", email).await
    }

    async fn list_users(&self) -> StoreResult<Vec<User>> {
        self.query(&format!("SELECT {USER_COLUMNS} FROM users ORDER BY username"), &[], user_row).await
    }

    async fn set_password_hash(&self, user_id: &Id, hash: &str, update_at: i64) -> StoreResult<bool> {
        let sql = "UPDATE users SET password_hash = $2, update_at = $3, last_password_update = $3, \
                   mfa_failed_attempts = 0 WHERE id = $1";
        Ok(self.execute(sql, &[&user_id.as_str(), &hash, &update_at]).await? > 0)
    }

    async fn set_roles(&self, user_id: &Id, roles: &str, update_at: i64) -> StoreResult<RolesSet> {
        // Demoting a system admin may demote the last one: then every active admin's row is
        // locked (in id order, so two demotions at once queue instead of deadlocking; the user's
        // is among them) and the count holds until this commits. Any other change locks the
        // user's row only. Either way the user's row is locked, which orders this against
        // logins racing on other nodes (they copy the roles from the locked row). Which case
        // it is was read before the locks: if the row changed in between, the other case runs.
        // `demotes_last_admin(current, roles, 1)`: an admin losing the role, were they the last.
        let sql = "SELECT roles FROM users WHERE id = $1";
        let current = self.query_opt(sql, &[&user_id.as_str()], |r| Ok(r.try_get::<_, String>(0)?)).await?;
        let Some(mut demoting_an_admin) = current.map(|r| rows::demotes_last_admin(&r, roles, 1)) else {
            return Ok(RolesSet::NoSuchUser);
        };
        loop {
            let outcome = self
                .transaction(async |tx| {
                    let mut admins = i64::MAX;
                    if demoting_an_admin {
                        let sql = format!("SELECT id FROM users WHERE {} ORDER BY id FOR UPDATE", rows::ACTIVE_ADMIN);
                        admins = tx.query(&sql, &[]).await.map_err(classify)?.len() as i64;
                    }
                    let sql = "SELECT roles FROM users WHERE id = $1 FOR UPDATE";
                    let current = tx.query_opt(sql, &[&user_id.as_str()]).await.map_err(classify)?;
                    let Some(current) = current else { return Ok(Some(RolesSet::NoSuchUser)) };
                    let current: String = current.get(0);
                    if !demoting_an_admin && rows::demotes_last_admin(&current, roles, 1) {
                        // Made an admin since it was read: lock as for an admin.
                        return Ok(None);
                    }
                    if rows::demotes_last_admin(&current, roles, admins) {
                        return Ok(Some(RolesSet::LastAdmin));
                    }
                    let sql = "UPDATE users SET roles = $2, update_at = $3 WHERE id = $1";
                    execute(tx, sql, &[&user_id.as_str(), &roles, &update_at]).await?;
                    let sql = "UPDATE sessions SET roles = $2 WHERE user_id = $1";
                    execute(tx, sql, &[&user_id.as_str(), &roles]).await.map(|n| Some(RolesSet::Set(n)))
                })
                .await?;
            match outcome {
                Some(outcome) => return Ok(outcome),
                None => demoting_an_admin = true,
            }
        }
    }

    async fn deactivate_user(&self, user_id: &Id, delete_at: i64) -> StoreResult<Option<u64>> {
        // Under the user-row lock, which orders it against logins racing on other nodes.
        self.locking_user(user_id, async |tx| {
            let sql = "UPDATE users SET delete_at = $2, update_at = $2 WHERE id = $1";
            execute(tx, sql, &[&user_id.as_str(), &delete_at]).await?;
            execute(tx, "DELETE FROM sessions WHERE user_id = $1", &[&user_id.as_str()]).await
        })
        .await
    }

    async fn reactivate_user(&self, user_id: &Id, update_at: i64) -> StoreResult<bool> {
        let sql = "UPDATE users SET delete_at = 0, update_at = $2 WHERE id = $1";
        Ok(self.execute(sql, &[&user_id.as_str(), &update_at]).await? > 0)
    }
}

#[async_trait]
impl SessionStore for PostgresStore {
    async fn create_session(&self, s: &Session, max_per_user: usize) -> StoreResult<u64> {
        self.transaction(async |tx| insert_capped(tx, s, max_per_user).await).await
    }

    async fn session_by_token(&self, hash: &TokenHash) -> StoreResult<Option<Session>> {
        let sql = format!("SELECT {SESSION_COLUMNS} FROM sessions WHERE token_hash = $1");
        self.query_opt(&sql, &[&&hash.0[..]], session_row).await
    }

    async fn session_and_user_by_token(&self, hash: &TokenHash) -> StoreResult<Option<(Session, Option<User>)>> {
        // One round trip: the session and its user in one statement.
        let found =
            self.query_opt(rows::session_and_user_by_token_sql(), &[&&hash.0[..]], rows::session_and_user).await?;
        Ok(found.map(|(session, user)| (session, Some(user))))
    }

    async fn session_user_and_sessions_by_token(&self, hash: &TokenHash) -> StoreResult<Option<WithSessions>> {
        // One round trip for `GET /users/me/sessions`.
        let client = self.client().await?;
        let statement = client.prepare_cached(rows::with_sessions_by_token_sql()).await.map_err(classify)?;
        let found = client.query(&statement, &[&&hash.0[..]]).await.map_err(classify)?;
        let user = found.first().map(rows::user).transpose()?;
        let list = found.iter().map(rows::listed_session).collect::<anyhow::Result<Vec<Session>>>()?;
        Ok(rows::with_sessions(user, list, hash)?)
    }

    async fn session_by_id(&self, id: &SessionId) -> StoreResult<Option<Session>> {
        self.query_opt(&format!("SELECT {SESSION_COLUMNS} FROM sessions WHERE id = $1"), &[&id.as_str()], session_row)
            .await
    }

    async fn sessions_for_user(&self, user_id: &Id) -> StoreResult<Vec<Session>> {
        let sql =
            format!("SELECT {SESSION_COLUMNS} FROM sessions WHERE user_id = $1 ORDER BY last_activity_at DESC, id");
        self.query(&sql, &[&user_id.as_str()], session_row).await
    }

    async fn count_active_sessions(&self, now: i64) -> StoreResult<u64> {
        let sql = "SELECT count(*) FROM sessions WHERE expires_at = 0 OR expires_at >= $1";
        let count = self.query_opt(sql, &[&now], |row| Ok(row.try_get::<_, i64>(0)?)).await?;
        Ok(count.unwrap_or(0) as u64)
    }

    async fn touch_session(&self, id: &SessionId, last_activity_at: i64) -> StoreResult<()> {
        let sql = "UPDATE sessions SET last_activity_at = $2 WHERE id = $1";
        self.execute(sql, &[&id.as_str(), &last_activity_at]).await.map(drop)
    }

    async fn set_session_expiry(&self, id: &SessionId, expires_at: i64) -> StoreResult<()> {
        self.execute("UPDATE sessions SET expires_at = $2 WHERE id = $1", &[&id.as_str(), &expires_at]).await.map(drop)
    }

    async fn attach_device(&self, id: &SessionId, device_id: &str, expires_at: i64) -> StoreResult<()> {
        let sql = "UPDATE sessions SET device_id = $2, expires_at = $3 WHERE id = $1";
        self.execute(sql, &[&id.as_str(), &device_id, &expires_at]).await.map(drop)
    }

    async fn delete_session(&self, id: &SessionId) -> StoreResult<bool> {
        Ok(self.execute("DELETE FROM sessions WHERE id = $1", &[&id.as_str()]).await? > 0)
    }

    async fn delete_user_session(&self, user_id: &Id, id: &SessionId) -> StoreResult<bool> {
        let sql = "DELETE FROM sessions WHERE id = $1 AND user_id = $2";
        Ok(self.execute(sql, &[&id.as_str(), &user_id.as_str()]).await? > 0)
    }

    async fn delete_sessions_for_user(&self, user_id: &Id, keep: Option<&SessionId>) -> StoreResult<u64> {
        let keep = keep.map_or("", |k| k.as_str());
        // Ordered against logins racing on other nodes (see the module docs).
        let deleted = self
            .locking_user(user_id, async |tx| {
                execute(tx, "DELETE FROM sessions WHERE user_id = $1 AND id <> $2", &[&user_id.as_str(), &keep]).await
            })
            .await?;
        Ok(deleted.unwrap_or(0))
    }

    async fn delete_device_sessions(
        &self,
        user_id: &Id,
        device_id: &str,
        keep: Option<&SessionId>,
    ) -> StoreResult<u64> {
        let keep = keep.map_or("", |k| k.as_str());
        let sql = "DELETE FROM sessions WHERE user_id = $1 AND device_id = $2 AND id <> $3";
        self.execute(sql, &[&user_id.as_str(), &device_id, &keep]).await
    }

    async fn delete_all_sessions(&self) -> StoreResult<u64> {
        self.execute("DELETE FROM sessions", &[]).await
    }

    async fn delete_expired(&self, now: i64, limit: usize) -> StoreResult<u64> {
        let limit = i64::try_from(limit).unwrap_or(i64::MAX);
        // SKIP LOCKED: several nodes purging at once share the work instead of waiting.
        let sql = "DELETE FROM sessions WHERE id IN (SELECT id FROM sessions WHERE expires_at > 0 AND expires_at < $1 \
                   LIMIT $2 FOR UPDATE SKIP LOCKED)";
        self.execute(sql, &[&now, &limit]).await
    }
}

#[async_trait]
impl TokenStore for PostgresStore {
    async fn create_token(&self, t: &AccessToken) -> StoreResult<()> {
        let sql = format!("INSERT INTO user_access_tokens ({TOKEN_COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6)");
        let row: [&(dyn ToSql + Sync); 6] =
            [&t.id.as_str(), &&t.token_hash.0[..], &t.user_id.as_str(), &t.description, &t.is_active, &t.expires_at];
        self.execute(&sql, &row).await.map(drop)
    }

    async fn token_by_id(&self, id: &TokenId) -> StoreResult<Option<AccessToken>> {
        let sql = format!("SELECT {TOKEN_COLUMNS} FROM user_access_tokens WHERE id = $1");
        self.query_opt(&sql, &[&id.as_str()], token_row).await
    }

    async fn token_by_hash(&self, hash: &TokenHash) -> StoreResult<Option<AccessToken>> {
        let sql = format!("SELECT {TOKEN_COLUMNS} FROM user_access_tokens WHERE token_hash = $1");
        self.query_opt(&sql, &[&&hash.0[..]], token_row).await
    }

    async fn tokens_for_user(&self, user_id: &Id, offset: usize, limit: usize) -> StoreResult<Vec<AccessToken>> {
        let (offset, limit) = (i64::try_from(offset).unwrap_or(i64::MAX), i64::try_from(limit).unwrap_or(i64::MAX));
        let sql =
            format!("SELECT {TOKEN_COLUMNS} FROM user_access_tokens WHERE user_id = $1 ORDER BY id LIMIT $2 OFFSET $3");
        self.query(&sql, &[&user_id.as_str(), &limit, &offset], token_row).await
    }

    async fn all_tokens(&self, offset: usize, limit: usize) -> StoreResult<Vec<AccessToken>> {
        let (offset, limit) = (i64::try_from(offset).unwrap_or(i64::MAX), i64::try_from(limit).unwrap_or(i64::MAX));
        let sql = format!("SELECT {TOKEN_COLUMNS} FROM user_access_tokens ORDER BY id LIMIT $1 OFFSET $2");
        self.query(&sql, &[&limit, &offset], token_row).await
    }

    async fn search_tokens(&self, term: &str) -> StoreResult<Vec<AccessToken>> {
        let sql = format!(
            "SELECT {} FROM user_access_tokens t JOIN users u ON u.id = t.user_id \
             WHERE t.id = $1 OR t.user_id = $1 OR u.username = $1 ORDER BY t.id",
            rows::prefixed(TOKEN_COLUMNS, "t")
        );
        self.query(&sql, &[&term], token_row).await
    }

    async fn delete_token(&self, token: &AccessToken) -> StoreResult<Option<u64>> {
        // The row lock orders this against a first use opening a session on another node.
        self.transaction(async |tx| {
            if execute(tx, "DELETE FROM user_access_tokens WHERE id = $1", &[&token.id.as_str()]).await? == 0 {
                return Ok(None);
            }
            execute(tx, "DELETE FROM sessions WHERE token_hash = $1", &[&&token.token_hash.0[..]]).await.map(Some)
        })
        .await
    }

    async fn set_token_active(&self, token: &AccessToken, active: bool) -> StoreResult<Option<u64>> {
        self.transaction(async |tx| {
            let sql = "UPDATE user_access_tokens SET is_active = $2 WHERE id = $1";
            if execute(tx, sql, &[&token.id.as_str(), &active]).await? == 0 {
                return Ok(None);
            }
            if active {
                return Ok(Some(0));
            }
            execute(tx, "DELETE FROM sessions WHERE token_hash = $1", &[&&token.token_hash.0[..]]).await.map(Some)
        })
        .await
    }

    async fn create_token_session(
        &self,
        token: &AccessToken,
        session: &Session,
        max_per_user: usize,
    ) -> StoreResult<Option<u64>> {
        self.transaction(async |tx| {
            // Locked for the insert: a revoke or disable on another node waits, or has won.
            let sql = "SELECT 1 FROM user_access_tokens WHERE id = $1 AND is_active FOR SHARE";
            if tx.query_opt(sql, &[&token.id.as_str()]).await.map_err(classify)?.is_none() {
                return Ok(None);
            }
            insert_capped(tx, session, max_per_user).await.map(Some)
        })
        .await
    }
}

/// Accepts `step` for `user_id` once, forgetting steps before `keep_from`, in the caller's
/// transaction. The primary key decides: of two nodes inserting the same step at once, the
/// second waits for the first to commit and then inserts nothing.
async fn use_mfa_step(
    tx: &deadpool_postgres::Transaction<'_>,
    user_id: &Id,
    step: i64,
    keep_from: i64,
) -> StoreResult<MfaWrite> {
    let sql = "DELETE FROM mfa_used_steps WHERE user_id = $1 AND step < $2";
    execute(tx, sql, &[&user_id.as_str(), &keep_from]).await?;
    let sql = "INSERT INTO mfa_used_steps (user_id, step) VALUES ($1, $2) ON CONFLICT DO NOTHING";
    if execute(tx, sql, &[&user_id.as_str(), &step]).await? == 0 {
        return Ok(MfaWrite::Replayed);
    }
    execute(tx, "UPDATE users SET mfa_failed_attempts = 0 WHERE id = $1", &[&user_id.as_str()]).await?;
    Ok(MfaWrite::Done)
}

#[async_trait]
impl MfaStore for PostgresStore {
    async fn mfa_state(&self, user_id: &Id) -> StoreResult<Option<MfaState>> {
        let sql = "SELECT mfa_active, mfa_secret, mfa_failed_attempts FROM users WHERE id = $1";
        self.query_opt(sql, &[&user_id.as_str()], |r| {
            let failed: i32 = r.try_get(2)?;
            Ok(MfaState { active: r.try_get(0)?, secret: r.try_get(1)?, failed_attempts: failed.max(0).unsigned_abs() })
        })
        .await
    }

    async fn record_failed_code(&self, user_id: &Id) -> StoreResult<Option<u32>> {
        let sql = "UPDATE users SET mfa_failed_attempts = mfa_failed_attempts + 1 WHERE id = $1 \
                   RETURNING mfa_failed_attempts";
        let count = self.query_opt(sql, &[&user_id.as_str()], |r| Ok(r.try_get::<_, i32>(0)?)).await?;
        Ok(count.map(|n| n.max(0).unsigned_abs()))
    }

    async fn set_mfa_secret(&self, user_id: &Id, secret: &str, update_at: i64) -> StoreResult<MfaWrite> {
        let written = self
            .locking_user(user_id, async |tx| {
                let sql = "UPDATE users SET mfa_secret = $2, update_at = $3 WHERE id = $1 AND NOT mfa_active";
                execute(tx, sql, &[&user_id.as_str(), &secret, &update_at]).await
            })
            .await?;
        Ok(match written {
            None => MfaWrite::NoSuchUser,
            Some(0) => MfaWrite::Active,
            Some(_) => MfaWrite::Done,
        })
    }

    async fn use_mfa_step(&self, user_id: &Id, step: i64, keep_from: i64) -> StoreResult<MfaWrite> {
        let used = self.transaction(async |tx| {
            let user =
                tx.query_opt("SELECT 1 FROM users WHERE id = $1", &[&user_id.as_str()]).await.map_err(classify)?;
            match user {
                None => Ok(MfaWrite::NoSuchUser),
                Some(_) => use_mfa_step(tx, user_id, step, keep_from).await,
            }
        });
        used.await
    }

    async fn activate_mfa(
        &self,
        user_id: &Id,
        secret: &str,
        step: i64,
        keep_from: i64,
        update_at: i64,
    ) -> StoreResult<MfaWrite> {
        // Under the user-row lock: the secret compared is the one activated, whatever another
        // node generates meanwhile; the step is taken only with the activation.
        let written = self
            .locking_user(user_id, async |tx| {
                let sql = "SELECT mfa_secret FROM users WHERE id = $1";
                let stored: String = tx.query_one(sql, &[&user_id.as_str()]).await.map_err(classify)?.get(0);
                if stored != secret {
                    return Ok(MfaWrite::SecretChanged);
                }
                let used = use_mfa_step(tx, user_id, step, keep_from).await?;
                if used == MfaWrite::Done {
                    let sql = "UPDATE users SET mfa_active = TRUE, update_at = $2 WHERE id = $1";
                    execute(tx, sql, &[&user_id.as_str(), &update_at]).await?;
                }
                Ok(used)
            })
            .await?;
        Ok(written.unwrap_or(MfaWrite::NoSuchUser))
    }

    async fn deactivate_mfa(&self, user_id: &Id, update_at: i64, only_while_off: bool) -> StoreResult<MfaWrite> {
        let sql = "UPDATE users SET mfa_active = FALSE, mfa_secret = '', mfa_failed_attempts = 0, update_at = $2 \
                   WHERE id = $1 AND (NOT mfa_active OR NOT $3)";
        if self.execute(sql, &[&user_id.as_str(), &update_at, &only_while_off]).await? == 1 {
            return Ok(MfaWrite::Done);
        }
        let exists = self.query_opt("SELECT 1 FROM users WHERE id = $1", &[&user_id.as_str()], |_| Ok(())).await?;
        Ok(if exists.is_some() { MfaWrite::Active } else { MfaWrite::NoSuchUser })
    }
}

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

#[async_trait]
impl Maintenance for PostgresStore {
    async fn ping(&self) -> StoreResult<()> {
        self.query_opt("SELECT 1", &[], |_| Ok(())).await.map(drop)
    }

    async fn check_writes(&self) -> StoreResult<()> {
        // A real write: refused on a read-only replica, a full disk, a lost primary.
        self.transaction(async |tx| tx.execute(super::rows::HEALTH_CHECK_WRITE, &[]).await.map_err(classify).map(drop))
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
                     $8::bigint[], $9::bigint[], $10::boolean[])"
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
