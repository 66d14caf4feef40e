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
//! - **Schema**: versioned migrations in `migrations/`, embedded in the binary and applied
//!   on open (`rusqlite_migration`, which tracks the version in `PRAGMA user_version`).

use std::path::Path;
use std::sync::Arc;
use std::time::Duration;

use anyhow::Context as _;
use async_trait::async_trait;
use r2d2_sqlite::SqliteConnectionManager;
use rusqlite::{params, Connection, OptionalExtension, Row};
use rusqlite_migration::{Migrations, M};

use super::rows::{self, Columns, SESSION_COLUMNS, USER_COLUMNS};
use super::{ChangeSource, OutsideWrites, StoreError, StoreResult, Unique};

mod access_tokens;
mod audits;
mod changes;
mod events;
mod imports;
mod maintenance;
mod mfa;
mod sessions;
mod sso_states;
mod users;
mod webhooks;
mod writer;
use crate::domain::event::kind;
use crate::domain::{Cause, Session, User};
use changes::{Changes, WalIndex};

const MIGRATIONS: &[&str] = &[
    include_str!("migrations/0001_users_and_sessions.sql"),
    include_str!("migrations/0002_user_passwords.sql"),
    include_str!("migrations/0003_user_deactivation.sql"),
    include_str!("migrations/0004_audits.sql"),
    include_str!("migrations/0005_change_counter.sql"),
    include_str!("migrations/0006_access_tokens.sql"),
    include_str!("migrations/0007_last_password_update.sql"),
    include_str!("migrations/0008_health_checks.sql"),
    include_str!("migrations/0009_mfa.sql"),
    include_str!("migrations/0010_password_update_from_creation.sql"),
    include_str!("migrations/0011_mfa_failed_attempts.sql"),
    include_str!("migrations/0012_sso.sql"),
    include_str!("migrations/0013_session_events.sql"),
    include_str!("migrations/0014_import.sql"),
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
        // user_version is a 32-bit integer (rusqlite reads no usize: its width varies).
        let version: i64 = writer.pragma_query_value(None, "user_version", |r| r.get(0))?;
        anyhow::ensure!(
            usize::try_from(version).is_ok_and(|v| v <= MIGRATIONS.len()),
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
            // A constraint on several columns is named by its first: `users.auth_service, …`.
            let columns = message.rsplit_once(": ").map_or("", |(_, c)| c);
            let column = columns.split(", ").next().unwrap_or("");
            if let Some(field) = column.split_once('.').and_then(|(t, c)| Unique::of_column(t, c)) {
                return StoreError::Conflict(field);
            }
        }
    }
    StoreError::Backend(error.into())
}

/// A user's values in the order of [`USER_COLUMNS`] (`id` is its text, `profile` its stored text).
fn user_values<'a>(u: &'a User, id: &'a &'a str, profile: &'a Option<String>) -> [&'a dyn rusqlite::ToSql; 13] {
    super::rows::user_values!(u, id, profile)
}

fn insert_user(c: &Connection, u: &User) -> rusqlite::Result<()> {
    let sql =
        format!("INSERT INTO users ({USER_COLUMNS}) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)");
    let (id, profile) = (u.id.as_str(), super::rows::profile_text(u));
    let row = &user_values(u, &id, &profile)[..];
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
fn insert_capped(
    tx: &Connection,
    s: &Session,
    props: &str,
    max_per_user: usize,
    cause: &Cause,
) -> rusqlite::Result<StoreResult<u64>> {
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
    events::record_sessions(tx, kind::SESSION_CREATED, cause, "id = ?1", &[&s.id.as_str()])?;
    // Over the cap: the least recently used of the others go (OFFSET skips the ones kept).
    let keep = i64::try_from(max_per_user.saturating_sub(1)).unwrap_or(i64::MAX);
    let evicted = events::end_sessions(
        tx,
        &cause.eviction(),
        "id IN (SELECT id FROM sessions WHERE user_id = ?1 AND id != ?2 \
         ORDER BY last_activity_at DESC, create_at DESC, id LIMIT -1 OFFSET ?3)",
        &[&s.user_id.as_str(), &s.id.as_str(), &keep],
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
    use crate::domain::Id;
    use crate::store::UserStore;

    /// SQLite before 3.51.3 (3.50.7 and 3.44.6 on their lines) has the WAL-reset race: a
    /// checkpoint that starts just after another, while a third connection resets the WAL, can
    /// lose committed writes (sqlite.org/wal.html#walresetbug). Our design is exactly that shape
    /// (a checkpoint thread after every batch, a writer, readers): a lost revocation would bring a
    /// session back. The bundled library must be a fixed one.
    #[test]
    fn the_linked_sqlite_has_the_wal_reset_fix() {
        let version = rusqlite::version_number();
        assert!(version >= 3_051_003, "SQLite {} has the WAL-reset bug: bundle 3.51.3 or later", rusqlite::version());
    }

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

    /// Mapping the WAL index leaves SQLite's shared lock on it (the "DMS" byte at offset 128)
    /// in place: closing any descriptor of the file would drop every POSIX lock of the
    /// process on it, and the next process to open the database would reset the index under
    /// our connections. Asked with an open-file-description lock, which conflicts with the
    /// process's own POSIX locks (Linux's).
    #[cfg(target_os = "linux")]
    #[test]
    fn mapping_the_wal_index_keeps_sqlites_lock_on_it() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("sessions.db");
        let store = SqliteStore::open(&path).unwrap();
        assert!(store.wal_index.as_ref().and_then(|index| index.header()).is_some());
        // Never closed either, for the same reason.
        let probe = std::mem::ManuallyDrop::new(std::fs::File::open(dir.path().join("sessions.db-shm")).unwrap());
        let mut lock: libc::flock = unsafe { std::mem::zeroed() };
        lock.l_type = libc::F_WRLCK as _;
        lock.l_whence = libc::SEEK_SET as _;
        lock.l_start = 128;
        lock.l_len = 1;
        use std::os::fd::AsRawFd;
        // SAFETY: a valid descriptor and a flock the call fills in.
        assert_eq!(unsafe { libc::fcntl(probe.as_raw_fd(), libc::F_OFD_GETLK, &mut lock) }, 0);
        assert_ne!(i32::from(lock.l_type), libc::F_UNLCK, "SQLite's lock on the WAL index is gone");
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
