//! The PostgreSQL backend: several server nodes on one database.
//!
//! - **No cache**: every request reads the database, so a revocation through any node is
//!   refused by every node on its next request (the guarantee docs/operations.md states).
//! - **Per-user serialisation**: creating a session and revoking all of a user's sessions both
//!   lock the user's row first, so a revoke-all and racing logins on other nodes are ordered:
//!   every session committed before the revoke-all is deleted by it, and the 500-session cap
//!   holds under concurrent logins.
//! - **Migrations**: versioned SQL in `migrations/`, applied on connect inside one
//!   transaction that holds an advisory lock, so nodes starting at once migrate exactly once.
//! - **Durability**: a call returns after PostgreSQL committed (synchronous_commit as the
//!   server is configured; its default is on).

use anyhow::Context as _;
use deadpool_postgres::{GenericClient, Manager, ManagerConfig, Pool, RecyclingMethod};
use tokio_postgres::error::SqlState;
use tokio_postgres::types::ToSql;
use tokio_postgres::{NoTls, Row};

use super::rows::{self, Columns, SESSION_COLUMNS, USER_COLUMNS};
use super::{StoreError, StoreResult, Unique};
use crate::domain::event::kind;
use crate::domain::{AccessToken, Audit, Cause, Id, Session, User};

mod access_tokens;
mod audits;
mod events;
mod imports;
mod maintenance;
mod mfa;
mod sessions;
mod sso_states;
mod users;
mod webhooks;

const MIGRATIONS: &[(i32, &str)] = &[
    (1, include_str!("migrations/0001_users_and_sessions.sql")),
    (2, include_str!("migrations/0002_user_deactivation.sql")),
    (3, include_str!("migrations/0003_audits.sql")),
    (4, include_str!("migrations/0004_access_tokens.sql")),
    (5, include_str!("migrations/0005_last_password_update.sql")),
    (6, include_str!("migrations/0006_health_checks.sql")),
    (7, include_str!("migrations/0007_mfa.sql")),
    (8, include_str!("migrations/0008_password_update_from_creation.sql")),
    (9, include_str!("migrations/0009_mfa_failed_attempts.sql")),
    (10, include_str!("migrations/0010_sso.sql")),
    (11, include_str!("migrations/0011_session_events.sql")),
    (12, include_str!("migrations/0012_import.sql")),
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

/// The most connections a node keeps to PostgreSQL: so many statements in flight at once,
/// however many requests are (the benchmark's P_op runs pgbench at no more clients than this).
pub const POOL_SIZE: usize = 16;

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
        let pool = Pool::builder(manager).max_size(POOL_SIZE).build().context("building the PostgreSQL pool")?;
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

/// A user's values in the order of [`USER_COLUMNS`] (`id` is its text, `profile` its stored text).
fn user_values<'a>(u: &'a User, id: &'a &'a str, profile: &'a Option<String>) -> [&'a (dyn ToSql + Sync); 13] {
    super::rows::user_values!(u, id, profile)
}

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
        // PostgreSQL's default names, from the CREATE TABLEs in migrations/.
        let field = match error.as_db_error().and_then(|e| e.constraint()) {
            Some("users_pkey") => Unique::of_column("users", "id"),
            Some("users_username_key") => Unique::of_column("users", "username"),
            Some("users_email_key") => Unique::of_column("users", "email"),
            Some("users_auth") => Unique::of_column("users", "auth_service"),
            Some("sessions_pkey") => Unique::of_column("sessions", "id"),
            Some("sessions_token_hash_key") => Unique::of_column("sessions", "token_hash"),
            Some("user_access_tokens_pkey") => Unique::of_column("user_access_tokens", "id"),
            Some("user_access_tokens_token_hash_key") => Unique::of_column("user_access_tokens", "token_hash"),
            Some("webhook_endpoints_url") => Unique::of_column("webhook_endpoints", "url"),
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
async fn insert_capped(
    tx: &deadpool_postgres::Transaction<'_>,
    s: &Session,
    max_per_user: usize,
    cause: &Cause,
) -> StoreResult<u64> {
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
    events::record_session(tx, kind::SESSION_CREATED, s, cause).await?;
    events::end_sessions(
        tx,
        &cause.eviction(),
        "id IN (SELECT id FROM sessions WHERE user_id = $1 AND id <> $2 \
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
