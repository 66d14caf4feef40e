//! The SQLite backend, the embedded default: one file, zero set-up.
//!
//! - **Durability**: WAL journal with `synchronous=FULL`, so a write is on disk (WAL fsync'd)
//!   before the call returns: acknowledged revocations survive a process crash and a power loss.
//! - **Group commit**: SQLite has one writer at a time, so writes go to one connection on its own
//!   thread ([`writer`]). It takes every write queued meanwhile into one transaction, each in
//!   its own savepoint (one failing write rolls back alone), commits once (one fsync) and only
//!   then answers them all: under concurrent load a revocation costs a fraction of an fsync,
//!   and none is acknowledged before it is on disk.
//! - **Reads** use a small r2d2 pool of read-only connections, which WAL lets run beside the
//!   writer. They run inline on the async worker: an indexed lookup from cache takes
//!   microseconds, less than a hand-off to the blocking pool and back.
//! - **Schema**: versioned migrations in `sqlite_migrations/`, embedded in the binary and applied
//!   on open (`rusqlite_migration`, which tracks the version in `PRAGMA user_version`).

use std::path::Path;
use std::sync::Arc;
use std::time::Duration;

use anyhow::Context as _;
use async_trait::async_trait;
use r2d2_sqlite::SqliteConnectionManager;
use rusqlite::{params, Connection, OptionalExtension, Row};
use rusqlite_migration::{Migrations, M};

use super::rows::{self, Columns, SESSION_COLUMNS, TOKEN_COLUMNS, USER_COLUMNS};
use super::{
    AuditStore, ChangeSource, Maintenance, MfaState, MfaStore, MfaWrite, OutsideWrites, RolesSet, SessionStore,
    StoreError, StoreResult, TokenStore, Unique, UserStore, WithSessions,
};

mod changes;
mod writer;
use crate::domain::{AccessToken, Audit, Id, Session, SessionId, TokenHash, TokenId, User};
use changes::{Changes, WalIndex};

const MIGRATIONS: &[&str] = &[
    include_str!("sqlite_migrations/0001_users_and_sessions.sql"),
    include_str!("sqlite_migrations/0002_user_passwords.sql"),
    include_str!("sqlite_migrations/0003_user_deactivation.sql"),
    include_str!("sqlite_migrations/0004_audits.sql"),
    include_str!("sqlite_migrations/0005_change_counter.sql"),
    include_str!("sqlite_migrations/0006_access_tokens.sql"),
    include_str!("sqlite_migrations/0007_last_password_update.sql"),
    include_str!("sqlite_migrations/0008_health_checks.sql"),
    include_str!("sqlite_migrations/0009_mfa.sql"),
    include_str!("sqlite_migrations/0010_password_update_from_creation.sql"),
    include_str!("sqlite_migrations/0011_mfa_failed_attempts.sql"),
];

/// A SQLite database file.
#[derive(Clone)]
pub struct SqliteStore {
    // Fields drop in this order: the readers close first, so that the writer's side, closing
    // last, checkpoints the WAL away on a clean exit.
    readers: r2d2::Pool<SqliteConnectionManager>,
    writer: writer::Writer,
    /// Whose commits moved the change counter (see [`changes`]).
    changes: Arc<Changes>,
    /// The WAL index header, which tells most requests that nobody committed without a read
    /// transaction (`None` if it cannot be read: the counter is then read every time).
    wal_index: Option<Arc<WalIndex>>,
}

/// The change counter every write to users or sessions moves (migration 0005).
fn change_counter(conn: &Connection) -> rusqlite::Result<i64> {
    conn.prepare_cached("SELECT n FROM change_counter WHERE id = 1")?.query_row([], |r| r.get(0))
}

fn configure(conn: &Connection) -> rusqlite::Result<()> {
    conn.busy_timeout(Duration::from_secs(5))?;
    conn.pragma_update(None, "foreign_keys", "ON")?;
    conn.pragma_update(None, "synchronous", "FULL")?;
    Ok(())
}

impl SqliteStore {
    /// Opens the database at `path` (creating the file, not its folder, if missing) and brings
    /// its schema up to date. Whether a missing database may be created is the caller's call
    /// ([`crate::app::open_store`]).
    pub fn open(path: &Path) -> anyhow::Result<Self> {
        let mut writer = Connection::open(path).with_context(|| format!("opening {}", path.display()))?;
        let mode: String = writer.pragma_update_and_check(None, "journal_mode", "WAL", |r| r.get(0))?;
        anyhow::ensure!(mode.eq_ignore_ascii_case("wal"), "{} cannot use WAL (journal_mode={mode})", path.display());
        configure(&writer)?;
        // A schema newer than this binary knows would be served wrongly (ignoring what newer
        // versions rely on): refuse it with a message that says so.
        let version: usize = writer.pragma_query_value(None, "user_version", |r| r.get(0))?;
        anyhow::ensure!(
            version <= MIGRATIONS.len(),
            "{}: the database schema is at version {version}, newer than this mm-sessions knows ({}): upgrade mm-sessions",
            path.display(),
            MIGRATIONS.len()
        );
        Migrations::new(MIGRATIONS.iter().map(|sql| M::up(sql)).collect())
            .to_latest(&mut writer)
            .with_context(|| format!("migrating {}", path.display()))?;

        let manager = SqliteConnectionManager::file(path).with_init(|conn| {
            configure(conn)?;
            conn.pragma_update(None, "query_only", "ON")
        });
        // Reads run inline on the async workers (see `read`), so a checkout that waits blocks a
        // worker: with at least one connection per worker no checkout waits on reads alone,
        // and the timeout turns a stuck pool into an error instead of a hung worker.
        let readers = r2d2::Pool::builder()
            .max_size(reader_pool_size())
            .min_idle(Some(1))
            .connection_timeout(Duration::from_secs(5))
            .build(manager)
            .with_context(|| format!("opening read connections to {}", path.display()))?;
        let checkpointer = Connection::open(path).with_context(|| format!("opening {}", path.display()))?;
        configure(&checkpointer)?;
        let changes = Arc::new(Changes::starting_at(change_counter(&writer)?));
        // In WAL mode and opened (the migrations ran), so SQLite has made the index.
        let wal_index = WalIndex::open(path).map(Arc::new);
        if wal_index.is_none() {
            tracing::warn!(database = %path.display(), "cannot read the WAL index: every request reads the change counter");
        }
        let writer = writer::Writer::start(writer, checkpointer, changes.clone())?;
        Ok(SqliteStore { writer, readers, changes, wal_index })
    }

    async fn read<T, F>(&self, f: F) -> StoreResult<T>
    where
        T: Send + 'static,
        F: FnOnce(&Connection) -> rusqlite::Result<T> + Send + 'static,
    {
        // Inline on the calling worker, not on the blocking pool: a read is an index lookup
        // answered from SQLite's page cache or the OS's in microseconds, less than the two
        // thread hand-offs spawn_blocking costs (docs/performance.md has the figures).
        let conn = self.readers.get().context("no read connection")?;
        f(&conn).map_err(classify)
    }

    async fn write<T, F>(&self, f: F) -> StoreResult<T>
    where
        T: Send + 'static,
        F: FnOnce(&Connection) -> rusqlite::Result<T> + Send + 'static,
    {
        self.writer.write(move |c| f(c).map_err(classify)).await
    }
}

/// Read connections: at least the runtime's worker threads (tokio starts one per core), never
/// fewer than 8.
fn reader_pool_size() -> u32 {
    let workers = std::thread::available_parallelism().map_or(1, |n| n.get());
    u32::try_from(workers).unwrap_or(u32::MAX).max(8)
}

impl SqliteStore {
    /// The user whose `column` (a unique one) equals `value`.
    async fn user_where(&self, column: &'static str, value: &str) -> StoreResult<Option<User>> {
        let value = value.to_owned();
        self.read(move |c| {
            c.prepare_cached(&format!("SELECT {USER_COLUMNS} FROM users WHERE {column} = ?1"))?
                .query_row([value], |r| mapped(r, rows::user))
                .optional()
        })
        .await
    }

    /// Runs one write statement; how many rows it changed.
    async fn execute<P>(&self, sql: &'static str, params: P) -> StoreResult<u64>
    where
        P: rusqlite::Params + Send + 'static,
    {
        self.write(move |c| execute(c, sql, params)).await
    }
}

/// Runs one statement, prepared once per connection; how many rows it changed.
fn execute(c: &Connection, sql: &str, params: impl rusqlite::Params) -> rusqlite::Result<u64> {
    Ok(c.prepare_cached(sql)?.execute(params)? as u64)
}

/// Unique-constraint violations become `Conflict`; the rest is a failure. SQLite's errors carry
/// no constraint name, but its message names the column: `UNIQUE constraint failed: users.email`
/// (each unique constraint here is on one column).
fn classify(error: rusqlite::Error) -> StoreError {
    if let rusqlite::Error::SqliteFailure(e, Some(message)) = &error {
        if e.extended_code == rusqlite::ffi::SQLITE_CONSTRAINT_UNIQUE
            || e.extended_code == rusqlite::ffi::SQLITE_CONSTRAINT_PRIMARYKEY
        {
            let column = message.rsplit_once(": ").map_or("", |(_, c)| c);
            if let Some(field) = column.split_once('.').and_then(|(t, c)| Unique::of_column(t, c)) {
                return StoreError::Conflict(field);
            }
        }
    }
    StoreError::Backend(error.into())
}

fn insert_user(c: &Connection, u: &User) -> rusqlite::Result<()> {
    let sql = format!("INSERT INTO users ({USER_COLUMNS}) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)");
    let row = params![
        u.id.as_str(),
        u.username,
        u.email,
        u.roles,
        u.create_at,
        u.update_at,
        u.password_hash,
        u.delete_at,
        u.last_password_update,
        u.mfa_active
    ];
    execute(c, &sql, row).map(drop)
}

fn insert_session(c: &Connection, s: &Session, props: &str) -> rusqlite::Result<()> {
    let sql =
        format!("INSERT INTO sessions ({SESSION_COLUMNS}) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)");
    let row = params![
        s.id.as_str(),
        &s.token_hash.0[..],
        s.user_id.as_str(),
        s.create_at,
        s.expires_at,
        s.last_activity_at,
        s.device_id,
        s.roles,
        s.is_oauth,
        s.expired_notify,
        s.local,
        props
    ];
    execute(c, &sql, row).map(drop)
}

/// Adds a session if its user is active (checked in the same write: a deactivation cannot slip
/// between), with the user's roles as this write finds them, then deletes the least recently
/// used others beyond `max_per_user`; how many.
fn insert_capped(tx: &Connection, s: &Session, props: &str, max_per_user: usize) -> rusqlite::Result<StoreResult<u64>> {
    let user: Option<(i64, String)> = tx
        .prepare_cached("SELECT delete_at, roles FROM users WHERE id = ?1")?
        .query_row([s.user_id.as_str()], |r| Ok((r.get(0)?, r.get(1)?)))
        .optional()?;
    let roles = match user {
        Some((delete_at, _)) if delete_at > 0 => return Ok(Err(StoreError::UserInactive)),
        Some((_, roles)) => roles,
        None => s.roles.clone(),
    };
    // The roles as they are now, in this write: a role change between the caller's read of the
    // user and this insert is not undone by it.
    insert_session(tx, &Session { roles, ..s.clone() }, props)?;
    // Over the cap: the least recently used of the others go (OFFSET skips the ones kept).
    let keep = i64::try_from(max_per_user.saturating_sub(1)).unwrap_or(i64::MAX);
    let evicted = execute(
        tx,
        "DELETE FROM sessions WHERE id IN (SELECT id FROM sessions WHERE user_id = ?1 AND id != ?2 \
         ORDER BY last_activity_at DESC, create_at DESC LIMIT -1 OFFSET ?3)",
        params![s.user_id.as_str(), s.id.as_str(), keep],
    )?;
    Ok(Ok(evicted))
}

/// A row mapped by one of [`rows`]' functions. SQLite's own errors (a column of another type)
/// pass through and name their column; a stored value that is not what it must be (an id that
/// is not one, props that are not JSON) is an error whose message says which. (Both used to
/// read "at index: 0", whatever the column.)
fn mapped<'r, T>(row: &Row<'r>, map: impl FnOnce(&Row<'r>) -> anyhow::Result<T>) -> rusqlite::Result<T> {
    map(row).map_err(|e| match e.downcast::<rusqlite::Error>() {
        Ok(sqlite) => sqlite,
        // `usize::MAX` is rusqlite's "column unknown": its message is then the error's alone.
        Err(other) => rusqlite::Error::FromSqlConversionFailure(usize::MAX, rusqlite::types::Type::Text, other.into()),
    })
}

impl Columns for Row<'_> {
    fn text(&self, i: usize) -> anyhow::Result<String> {
        Ok(self.get(i)?)
    }
    fn optional_text(&self, i: usize) -> anyhow::Result<Option<String>> {
        Ok(self.get(i)?)
    }
    fn int(&self, i: usize) -> anyhow::Result<i64> {
        Ok(self.get(i)?)
    }
    fn flag(&self, i: usize) -> anyhow::Result<bool> {
        Ok(self.get(i)?)
    }
    fn bytes(&self, i: usize) -> anyhow::Result<Vec<u8>> {
        Ok(self.get(i)?)
    }
    fn props(&self, i: usize) -> anyhow::Result<crate::domain::Props> {
        // Borrowed from the row: no String for the text.
        let column = || format!("column {}", self.as_ref().column_name(i).unwrap_or("?"));
        serde_json::from_str(self.get_ref(i)?.as_str()?).with_context(column)
    }
}

/// The id's text, owned, for a statement that runs on the writer's thread.
fn owned(id: &str) -> String {
    id.to_owned()
}

#[async_trait]
impl UserStore for SqliteStore {
    async fn create_user(&self, user: &User) -> StoreResult<()> {
        let u = user.clone();
        self.write(move |c| insert_user(c, &u)).await
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
        self.read(|c| {
            c.prepare_cached(&format!("SELECT {USER_COLUMNS} FROM users ORDER BY username"))?
                .query_map([], |r| mapped(r, rows::user))?
                .collect()
        })
        .await
    }

    async fn set_password_hash(&self, user_id: &Id, hash: &str, update_at: i64) -> StoreResult<bool> {
        let sql = "UPDATE users SET password_hash = ?2, update_at = ?3, last_password_update = ?3, \
                   mfa_failed_attempts = 0 WHERE id = ?1";
        Ok(self.execute(sql, (owned(user_id), owned(hash), update_at)).await? > 0)
    }

    async fn set_roles(&self, user_id: &Id, roles: &str, update_at: i64) -> StoreResult<RolesSet> {
        let (user_id, roles) = (owned(user_id), owned(roles));
        // One write: the writer runs it in a savepoint of its batch, all or nothing; being the
        // only writer, nothing changes between the last-admin check and the update.
        self.write(move |c| {
            let current: Option<String> = c
                .prepare_cached("SELECT roles FROM users WHERE id = ?1")?
                .query_row([&user_id], |r| r.get(0))
                .optional()?;
            let Some(current) = current else { return Ok(RolesSet::NoSuchUser) };
            let admins: i64 = c
                .prepare_cached(&format!("SELECT count(*) FROM users WHERE {}", rows::ACTIVE_ADMIN))?
                .query_row([], |r| r.get(0))?;
            if rows::demotes_last_admin(&current, &roles, admins) {
                return Ok(RolesSet::LastAdmin);
            }
            execute(
                c,
                "UPDATE users SET roles = ?2, update_at = ?3 WHERE id = ?1",
                params![user_id, roles, update_at],
            )?;
            execute(c, "UPDATE sessions SET roles = ?2 WHERE user_id = ?1", params![user_id, roles]).map(RolesSet::Set)
        })
        .await
    }

    async fn deactivate_user(&self, user_id: &Id, delete_at: i64) -> StoreResult<Option<u64>> {
        let user_id = owned(user_id);
        // One write: the writer runs it in a savepoint of its batch, all or nothing.
        self.write(move |c| {
            let sql = "UPDATE users SET delete_at = ?2, update_at = ?2 WHERE id = ?1";
            if execute(c, sql, params![user_id, delete_at])? == 0 {
                return Ok(None);
            }
            execute(c, "DELETE FROM sessions WHERE user_id = ?1", [user_id]).map(Some)
        })
        .await
    }

    async fn reactivate_user(&self, user_id: &Id, update_at: i64) -> StoreResult<bool> {
        let sql = "UPDATE users SET delete_at = 0, update_at = ?2 WHERE id = ?1";
        Ok(self.execute(sql, (owned(user_id), update_at)).await? > 0)
    }
}

#[async_trait]
impl SessionStore for SqliteStore {
    async fn create_session(&self, session: &Session, max_per_user: usize) -> StoreResult<u64> {
        let s = session.clone();
        let props = serde_json::to_string(&s.props).context("encoding props")?;
        // No transaction of its own: the writer runs each write in a savepoint of its batch.
        self.write(move |tx| insert_capped(tx, &s, &props, max_per_user)).await.and_then(|created| created)
    }

    async fn session_by_token(&self, hash: &TokenHash) -> StoreResult<Option<Session>> {
        let hash = *hash;
        self.read(move |c| {
            c.prepare_cached(&format!("SELECT {SESSION_COLUMNS} FROM sessions WHERE token_hash = ?1"))?
                .query_row([&hash.0[..]], |r| mapped(r, rows::session))
                .optional()
        })
        .await
    }

    async fn session_and_user_by_token(&self, hash: &TokenHash) -> StoreResult<Option<(Session, Option<User>)>> {
        // One statement where two would each take a connection and a snapshot.
        let hash = *hash;
        let found = self.read(move |c| {
            c.prepare_cached(rows::session_and_user_by_token_sql())?
                .query_row([&hash.0[..]], |r| mapped(r, rows::session_and_user))
                .optional()
        });
        Ok(found.await?.map(|(session, user)| (session, Some(user))))
    }

    async fn session_user_and_sessions_by_token(&self, hash: &TokenHash) -> StoreResult<Option<WithSessions>> {
        // `GET /users/me/sessions` in one statement, one snapshot.
        let key = *hash;
        let (user, list) = self
            .read(move |c| {
                let mut statement = c.prepare_cached(rows::with_sessions_by_token_sql())?;
                let mut found = statement.query([&key.0[..]])?;
                let (mut user, mut list) = (None, Vec::new());
                while let Some(row) = found.next()? {
                    if user.is_none() {
                        user = Some(mapped(row, rows::user)?);
                    }
                    list.push(mapped(row, rows::listed_session)?);
                }
                Ok((user, list))
            })
            .await?;
        Ok(rows::with_sessions(user, list, hash)?)
    }

    async fn session_by_id(&self, id: &SessionId) -> StoreResult<Option<Session>> {
        let id = owned(id);
        self.read(move |c| {
            c.prepare_cached(&format!("SELECT {SESSION_COLUMNS} FROM sessions WHERE id = ?1"))?
                .query_row([id], |r| mapped(r, rows::session))
                .optional()
        })
        .await
    }

    async fn sessions_for_user(&self, user_id: &Id) -> StoreResult<Vec<Session>> {
        let user_id = owned(user_id);
        self.read(move |c| {
            c.prepare_cached(&format!(
                "SELECT {SESSION_COLUMNS} FROM sessions WHERE user_id = ?1 ORDER BY last_activity_at DESC, id"
            ))?
            .query_map([user_id], |r| mapped(r, rows::session))?
            .collect()
        })
        .await
    }

    async fn count_active_sessions(&self, now: i64) -> StoreResult<u64> {
        self.read(move |c| {
            c.prepare_cached("SELECT count(*) FROM sessions WHERE expires_at = 0 OR expires_at >= ?1")?
                .query_row([now], |r| r.get::<_, i64>(0))
                .map(|n| n as u64)
        })
        .await
    }

    async fn touch_session(&self, id: &SessionId, last_activity_at: i64) -> StoreResult<()> {
        let sql = "UPDATE sessions SET last_activity_at = ?2 WHERE id = ?1";
        self.execute(sql, (owned(id), last_activity_at)).await.map(drop)
    }

    async fn set_session_expiry(&self, id: &SessionId, expires_at: i64) -> StoreResult<()> {
        self.execute("UPDATE sessions SET expires_at = ?2 WHERE id = ?1", (owned(id), expires_at)).await.map(drop)
    }

    async fn attach_device(&self, id: &SessionId, device_id: &str, expires_at: i64) -> StoreResult<()> {
        let sql = "UPDATE sessions SET device_id = ?2, expires_at = ?3 WHERE id = ?1";
        self.execute(sql, (owned(id), owned(device_id), expires_at)).await.map(drop)
    }

    async fn delete_session(&self, id: &SessionId) -> StoreResult<bool> {
        Ok(self.execute("DELETE FROM sessions WHERE id = ?1", [owned(id)]).await? > 0)
    }

    async fn delete_user_session(&self, user_id: &Id, id: &SessionId) -> StoreResult<bool> {
        Ok(self.execute("DELETE FROM sessions WHERE id = ?1 AND user_id = ?2", [owned(id), owned(user_id)]).await? > 0)
    }

    async fn delete_sessions_for_user(&self, user_id: &Id, keep: Option<&SessionId>) -> StoreResult<u64> {
        let keep = keep.map(|k| owned(k)).unwrap_or_default();
        self.execute("DELETE FROM sessions WHERE user_id = ?1 AND id != ?2", [owned(user_id), keep]).await
    }

    async fn delete_device_sessions(
        &self,
        user_id: &Id,
        device_id: &str,
        keep: Option<&SessionId>,
    ) -> StoreResult<u64> {
        let keep = keep.map(|k| owned(k)).unwrap_or_default();
        let sql = "DELETE FROM sessions WHERE user_id = ?1 AND device_id = ?2 AND id != ?3";
        self.execute(sql, [owned(user_id), owned(device_id), keep]).await
    }

    async fn delete_all_sessions(&self) -> StoreResult<u64> {
        self.execute("DELETE FROM sessions", []).await
    }

    async fn delete_expired(&self, now: i64, limit: usize) -> StoreResult<u64> {
        let limit = i64::try_from(limit).unwrap_or(i64::MAX);
        let sql = "DELETE FROM sessions WHERE id IN \
                   (SELECT id FROM sessions WHERE expires_at > 0 AND expires_at < ?1 LIMIT ?2)";
        self.execute(sql, [now, limit]).await
    }
}

#[async_trait]
impl TokenStore for SqliteStore {
    async fn create_token(&self, token: &AccessToken) -> StoreResult<()> {
        let t = token.clone();
        self.write(move |c| {
            let sql = format!("INSERT INTO user_access_tokens ({TOKEN_COLUMNS}) VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
            let row = params![
                t.id.as_str(),
                &t.token_hash.0[..],
                t.user_id.as_str(),
                t.description,
                t.is_active,
                t.expires_at
            ];
            execute(c, &sql, row).map(drop)
        })
        .await
    }

    async fn token_by_id(&self, id: &TokenId) -> StoreResult<Option<AccessToken>> {
        let id = owned(id);
        self.read(move |c| {
            c.prepare_cached(&format!("SELECT {TOKEN_COLUMNS} FROM user_access_tokens WHERE id = ?1"))?
                .query_row([id], |r| mapped(r, rows::access_token))
                .optional()
        })
        .await
    }

    async fn token_by_hash(&self, hash: &TokenHash) -> StoreResult<Option<AccessToken>> {
        let hash = *hash;
        self.read(move |c| {
            c.prepare_cached(&format!("SELECT {TOKEN_COLUMNS} FROM user_access_tokens WHERE token_hash = ?1"))?
                .query_row([&hash.0[..]], |r| mapped(r, rows::access_token))
                .optional()
        })
        .await
    }

    async fn tokens_for_user(&self, user_id: &Id, offset: usize, limit: usize) -> StoreResult<Vec<AccessToken>> {
        let user_id = owned(user_id);
        let (offset, limit) = (i64::try_from(offset).unwrap_or(i64::MAX), i64::try_from(limit).unwrap_or(i64::MAX));
        self.read(move |c| {
            c.prepare_cached(&format!(
                "SELECT {TOKEN_COLUMNS} FROM user_access_tokens WHERE user_id = ?1 ORDER BY id LIMIT ?2 OFFSET ?3"
            ))?
            .query_map(params![user_id, limit, offset], |r| mapped(r, rows::access_token))?
            .collect()
        })
        .await
    }

    async fn all_tokens(&self, offset: usize, limit: usize) -> StoreResult<Vec<AccessToken>> {
        let (offset, limit) = (i64::try_from(offset).unwrap_or(i64::MAX), i64::try_from(limit).unwrap_or(i64::MAX));
        self.read(move |c| {
            c.prepare_cached(&format!("SELECT {TOKEN_COLUMNS} FROM user_access_tokens ORDER BY id LIMIT ?1 OFFSET ?2"))?
                .query_map(params![limit, offset], |r| mapped(r, rows::access_token))?
                .collect()
        })
        .await
    }

    async fn search_tokens(&self, term: &str) -> StoreResult<Vec<AccessToken>> {
        let term = owned(term);
        self.read(move |c| {
            c.prepare_cached(&format!(
                "SELECT {} FROM user_access_tokens t JOIN users u ON u.id = t.user_id \
                 WHERE t.id = ?1 OR t.user_id = ?1 OR u.username = ?1 ORDER BY t.id",
                rows::prefixed(TOKEN_COLUMNS, "t")
            ))?
            .query_map([term], |r| mapped(r, rows::access_token))?
            .collect()
        })
        .await
    }

    async fn delete_token(&self, token: &AccessToken) -> StoreResult<Option<u64>> {
        let (id, hash) = (owned(&token.id), token.token_hash);
        self.write(move |c| {
            if execute(c, "DELETE FROM user_access_tokens WHERE id = ?1", [&id])? == 0 {
                return Ok(None);
            }
            execute(c, "DELETE FROM sessions WHERE token_hash = ?1", [&hash.0[..]]).map(Some)
        })
        .await
    }

    async fn set_token_active(&self, token: &AccessToken, active: bool) -> StoreResult<Option<u64>> {
        let (id, hash) = (owned(&token.id), token.token_hash);
        self.write(move |c| {
            if execute(c, "UPDATE user_access_tokens SET is_active = ?2 WHERE id = ?1", params![id, active])? == 0 {
                return Ok(None);
            }
            if active {
                return Ok(Some(0));
            }
            execute(c, "DELETE FROM sessions WHERE token_hash = ?1", [&hash.0[..]]).map(Some)
        })
        .await
    }

    async fn create_token_session(
        &self,
        token: &AccessToken,
        session: &Session,
        max_per_user: usize,
    ) -> StoreResult<Option<u64>> {
        let (id, s) = (owned(&token.id), session.clone());
        let props = serde_json::to_string(&s.props).context("encoding props")?;
        self.write(move |tx| {
            let sql = "SELECT 1 FROM user_access_tokens WHERE id = ?1 AND is_active";
            if tx.prepare_cached(sql)?.query_row([id], |_| Ok(())).optional()?.is_none() {
                return Ok(Ok(None));
            }
            Ok(insert_capped(tx, &s, &props, max_per_user)?.map(Some))
        })
        .await
        .and_then(|created| created)
    }
}

/// Accepts `step` for `user_id` once (the primary key refuses a second row), forgetting steps
/// before `keep_from`; in the caller's write.
fn use_mfa_step(c: &Connection, user_id: &str, step: i64, keep_from: i64) -> rusqlite::Result<MfaWrite> {
    execute(c, "DELETE FROM mfa_used_steps WHERE user_id = ?1 AND step < ?2", params![user_id, keep_from])?;
    let sql = "INSERT INTO mfa_used_steps (user_id, step) VALUES (?1, ?2) ON CONFLICT DO NOTHING";
    if execute(c, sql, params![user_id, step])? == 0 {
        return Ok(MfaWrite::Replayed);
    }
    execute(c, "UPDATE users SET mfa_failed_attempts = 0 WHERE id = ?1", [user_id])?;
    Ok(MfaWrite::Done)
}

/// Whether the user exists, in the caller's write.
fn user_exists(c: &Connection, user_id: &str) -> rusqlite::Result<bool> {
    c.prepare_cached("SELECT 1 FROM users WHERE id = ?1")?.exists([user_id])
}

#[async_trait]
impl MfaStore for SqliteStore {
    async fn mfa_state(&self, user_id: &Id) -> StoreResult<Option<MfaState>> {
        let user_id = owned(user_id);
        self.read(move |c| {
            c.prepare_cached("SELECT mfa_active, mfa_secret, mfa_failed_attempts FROM users WHERE id = ?1")?
                .query_row([user_id], |r| {
                    Ok(MfaState { active: r.get(0)?, secret: r.get(1)?, failed_attempts: r.get(2)? })
                })
                .optional()
        })
        .await
    }

    async fn record_failed_code(&self, user_id: &Id) -> StoreResult<Option<u32>> {
        let user_id = owned(user_id);
        self.write(move |c| {
            c.prepare_cached(
                "UPDATE users SET mfa_failed_attempts = mfa_failed_attempts + 1 WHERE id = ?1 \
                 RETURNING mfa_failed_attempts",
            )?
            .query_row([user_id], |r| r.get(0))
            .optional()
        })
        .await
    }

    async fn set_mfa_secret(&self, user_id: &Id, secret: &str, update_at: i64) -> StoreResult<MfaWrite> {
        let (user_id, secret) = (owned(user_id), owned(secret));
        self.write(move |c| {
            let sql = "UPDATE users SET mfa_secret = ?2, update_at = ?3 WHERE id = ?1 AND mfa_active = 0";
            if execute(c, sql, params![user_id, secret, update_at])? == 1 {
                return Ok(MfaWrite::Done);
            }
            Ok(if user_exists(c, &user_id)? { MfaWrite::Active } else { MfaWrite::NoSuchUser })
        })
        .await
    }

    async fn use_mfa_step(&self, user_id: &Id, step: i64, keep_from: i64) -> StoreResult<MfaWrite> {
        let user_id = owned(user_id);
        self.write(move |c| {
            if !user_exists(c, &user_id)? {
                return Ok(MfaWrite::NoSuchUser);
            }
            use_mfa_step(c, &user_id, step, keep_from)
        })
        .await
    }

    async fn activate_mfa(
        &self,
        user_id: &Id,
        secret: &str,
        step: i64,
        keep_from: i64,
        update_at: i64,
    ) -> StoreResult<MfaWrite> {
        let (user_id, secret) = (owned(user_id), owned(secret));
        // One write (a savepoint of the writer's batch): the step is taken only with the
        // activation, and the activation only with the secret the code was checked against.
        self.write(move |c| {
            let stored: Option<String> = c
                .prepare_cached("SELECT mfa_secret FROM users WHERE id = ?1")?
                .query_row([&user_id], |r| r.get(0))
                .optional()?;
            match stored {
                None => return Ok(MfaWrite::NoSuchUser),
                Some(stored) if stored != secret => return Ok(MfaWrite::SecretChanged),
                Some(_) => {}
            }
            let used = use_mfa_step(c, &user_id, step, keep_from)?;
            if used == MfaWrite::Done {
                execute(
                    c,
                    "UPDATE users SET mfa_active = 1, update_at = ?2 WHERE id = ?1",
                    params![user_id, update_at],
                )?;
            }
            Ok(used)
        })
        .await
    }

    async fn deactivate_mfa(&self, user_id: &Id, update_at: i64, only_while_off: bool) -> StoreResult<MfaWrite> {
        let user_id = owned(user_id);
        self.write(move |c| {
            let sql = "UPDATE users SET mfa_active = 0, mfa_secret = '', mfa_failed_attempts = 0, update_at = ?2 \
                       WHERE id = ?1 AND (mfa_active = 0 OR NOT ?3)";
            if execute(c, sql, params![user_id, update_at, only_while_off])? == 1 {
                return Ok(MfaWrite::Done);
            }
            Ok(if user_exists(c, &user_id)? { MfaWrite::Active } else { MfaWrite::NoSuchUser })
        })
        .await
    }
}

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

#[async_trait]
impl Maintenance for SqliteStore {
    async fn ping(&self) -> StoreResult<()> {
        self.read(|c| c.query_row("SELECT 1", [], |_| Ok(()))).await
    }

    async fn check_writes(&self) -> StoreResult<()> {
        // Through the writer every write waits for, and a real write (a full disk fails it).
        self.write(|c| c.execute(super::rows::HEALTH_CHECK_WRITE, []).map(drop)).await
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

#[async_trait]
impl ChangeSource for SqliteStore {
    async fn outside_writes(&self) -> StoreResult<Option<OutsideWrites>> {
        // Read before the counter: a commit after it changes the header, not the verdict.
        let header = self.wal_index.as_ref().and_then(|index| index.header());
        if self.changes.quiet_since_last_read(header) {
            return Ok(None);
        }
        let counter = self.read(change_counter).await?;
        Ok(self.changes.outside_commits(counter, header).map(|outside| {
            let changes = self.changes.clone();
            OutsideWrites::new(move || changes.accounted(outside))
        }))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A stored row that does not map says where: SQLite's type errors name their column, and
    /// our own checks say what they found.
    #[test]
    fn a_row_that_does_not_map_names_what_is_wrong() {
        let c = Connection::open_in_memory().unwrap();
        let error =
            |sql: &str| c.query_row(sql, [], |r| mapped(r, |r| Ok((r.int(0)?, r.props(1)?)))).unwrap_err().to_string();
        let typed = error("SELECT 'seven' AS expires_at, '{}' AS props");
        assert!(typed.contains("expires_at"), "{typed}");
        assert!(!typed.contains("Conversion error from type Text at index: 0"), "{typed}");
        let props = error("SELECT 7 AS expires_at, 'not json' AS props");
        assert!(props.contains("column props"), "{props}");
    }

    /// Outside commits are found whether the WAL index or the counter tells, and each finding
    /// stands until it is accounted for.
    #[tokio::test]
    async fn the_wal_index_skips_the_counter_read_only_while_nobody_commits() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("sessions.db");
        let store = SqliteStore::open(&path).unwrap();
        let index = store.wal_index.clone().expect("the WAL index is read");
        let outside = || async { store.outside_writes().await.unwrap() };

        assert!(outside().await.is_none());
        let quiet = index.header();
        assert!(outside().await.is_none());
        assert_eq!(index.header(), quiet, "reads change nothing");
        assert!(store.changes.quiet_since_last_read(quiet), "the counter read is skipped");

        // Our own commit: the header moves, the counter read says it was ours.
        let alice =
            crate::domain::NewUser { username: "alice".into(), email: "alice@example.com".into(), roles: vec![] };
        store.create_user(&alice.validate(Id::generate(), 1).unwrap()).await.unwrap();
        assert_ne!(index.header(), quiet);
        assert!(outside().await.is_none(), "our own commit");

        // Someone else's, as an sqlite3 shell would: found, and again until accounted for.
        let shell = Connection::open(&path).unwrap();
        shell.execute("UPDATE users SET roles = 'system_user system_admin'", []).unwrap();
        let found = outside().await.expect("an outside commit");
        assert!(outside().await.is_some(), "found again before it is accounted for");
        found.accounted();
        assert!(outside().await.is_none());
        assert!(store.changes.quiet_since_last_read(index.header()));
    }
}
