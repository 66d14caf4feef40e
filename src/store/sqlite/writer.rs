//! The SQLite write path: one connection on its own thread, committing writes in groups.
//!
//! With `synchronous=FULL` every commit waits for an fsync of the WAL, and one fsync takes as
//! long for one changed row as for a hundred. So the thread takes the first queued write, then
//! everything else already queued (up to [`MAX_BATCH`]), runs them in one transaction, each in
//! a savepoint of its own, commits once, and only after that commit answers every caller. A
//! write that fails rolls back to its savepoint and fails alone; a failed commit fails them all
//! (none of them is on disk). With one write queued this is exactly one transaction per write,
//! so a lone request waits no longer than before.
//!
//! Checkpoints (copying the WAL back into the database file) run mostly on a second thread with
//! a connection of their own, in PASSIVE mode, woken after commits: on the writer's thread, as
//! SQLite does by default, they took an eighth of its time under load, with every queued write
//! waiting behind them. The writer keeps a final, now small, checkpoint of its own (below).

use std::panic::AssertUnwindSafe;
use std::sync::{mpsc, Arc};

use anyhow::Context as _;
use rusqlite::Connection;

use super::changes::Changes;
use crate::store::{StoreError, StoreResult};

/// The most writes committed together: bounds how long one transaction holds the write lock.
pub const MAX_BATCH: usize = 256;

/// WAL pages after which the writer checkpoints itself (4 KiB pages: 16 MiB).
const WRITER_CHECKPOINT_PAGES: i64 = 4000;

/// Delivers a write's result once its batch is committed (or failed).
type Reply = Box<dyn FnOnce(Result<(), &rusqlite::Error>) + Send>;
/// A queued write: runs on the writer's connection; says whether it failed, and how to reply.
type Job = Box<dyn FnOnce(&Connection) -> (bool, Reply) + Send>;

/// The handle the store keeps. When the last clone is dropped, the threads finish the queued
/// writes, close their connections (the last close checkpoints the WAL into the database file)
/// and are joined, so that a clean exit leaves no WAL behind.
#[derive(Clone)]
pub struct Writer {
    inner: Arc<Inner>,
}

struct Inner {
    /// `None` only while dropping.
    jobs: Option<mpsc::Sender<Job>>,
    threads: Vec<std::thread::JoinHandle<()>>,
}

impl Drop for Inner {
    fn drop(&mut self) {
        // Closing the queue ends the writer's loop, which ends the checkpoint thread's.
        self.jobs = None;
        for thread in self.threads.drain(..) {
            let _ = thread.join();
        }
    }
}

impl Writer {
    /// Moves `conn` to a new writer thread, and `checkpointer` (another connection to the same
    /// file) to the thread that checkpoints for it. Every batch tells `changes` how it found
    /// the change counter and how it left it.
    pub fn start(conn: Connection, checkpointer: Connection, changes: Arc<Changes>) -> anyhow::Result<Self> {
        // The writer still checkpoints, past a larger WAL than SQLite's default 1000 pages: by then
        // the checkpoint thread has copied nearly everything, and only a checkpoint between two
        // write transactions can finish and let the WAL start over (one racing a stream of
        // commits never catches up, and the WAL would grow without bound).
        conn.pragma_update(None, "wal_autocheckpoint", WRITER_CHECKPOINT_PAGES)?;
        let (jobs, queue) = mpsc::channel();
        // Capacity one: commits while a checkpoint runs leave a single wake-up behind.
        let (wake, wakes) = mpsc::sync_channel::<()>(1);
        let checkpoint = std::thread::Builder::new()
            .name("sqlite-checkpoint".into())
            .spawn(move || checkpoints(&checkpointer, &wakes))
            .context("starting the SQLite checkpoint thread")?;
        let writer = std::thread::Builder::new()
            .name("sqlite-writer".into())
            .spawn(move || run(conn, &queue, &wake, &changes))
            .context("starting the SQLite writer thread")?;
        Ok(Writer { inner: Arc::new(Inner { jobs: Some(jobs), threads: vec![writer, checkpoint] }) })
    }

    /// Runs `f` in the next batch; returns its result once the batch is durable.
    pub async fn write<T, F>(&self, f: F) -> StoreResult<T>
    where
        T: Send + 'static,
        F: FnOnce(&Connection) -> StoreResult<T> + Send + 'static,
    {
        let (tx, rx) = tokio::sync::oneshot::channel();
        let job: Job = Box::new(move |conn| {
            let result = f(conn);
            let failed = result.is_err();
            let reply: Reply = Box::new(move |committed| {
                let _ = tx.send(match committed {
                    Ok(()) => result,
                    Err(e) => Err(StoreError::Backend(anyhow::anyhow!("commit failed: {e}"))),
                });
            });
            (failed, reply)
        });
        let gone = || StoreError::Backend(anyhow::anyhow!("the SQLite writer thread is gone"));
        self.inner.jobs.as_ref().ok_or_else(gone)?.send(job).map_err(|_| gone())?;
        // Dropped without an answer: the write panicked (and was rolled back), or its batch
        // could not begin (the writer logged why). Either way nothing of it was stored.
        rx.await.map_err(|_| StoreError::Backend(anyhow::anyhow!("the write was abandoned; nothing was stored")))?
    }
}

fn run(conn: Connection, queue: &mpsc::Receiver<Job>, wake: &mpsc::SyncSender<()>, changes: &Changes) {
    while let Ok(first) = queue.recv() {
        let mut batch = vec![first];
        batch.extend(queue.try_iter().take(MAX_BATCH - 1));
        commit(&conn, batch, changes);
        let _ = wake.try_send(());
    }
    // Every handle is gone: the store was dropped. Closed last (after the readers, which the
    // store drops first, and the checkpointer, which ends when `wake` goes), this connection
    // checkpoints the WAL and removes it.
    if let Err((_, e)) = conn.close() {
        tracing::warn!(error = %e, "closing the SQLite writer connection failed");
    }
}

/// Checkpoints the WAL after commits, until the writer is gone. PASSIVE never waits for readers
/// or the writer: what it cannot copy now, the next round copies.
fn checkpoints(conn: &Connection, wakes: &mpsc::Receiver<()>) {
    while wakes.recv().is_ok() {
        if let Err(e) = conn.query_row("PRAGMA wal_checkpoint(PASSIVE)", [], |_| Ok(())) {
            tracing::warn!(error = %e, "WAL checkpoint failed; will retry after the next commit");
        }
    }
}

/// Runs one batch in one transaction and answers every write in it.
fn commit(conn: &Connection, batch: Vec<Job>, changes: &Changes) {
    let size = batch.len();
    if let Err(e) = conn.execute_batch("BEGIN IMMEDIATE") {
        // Dropping the jobs unrun answers each caller with a failure.
        tracing::error!(error = %e, writes = size, "cannot begin a write transaction; the writes fail");
        return;
    }
    // Holding the write lock: a counter other than the one we left means someone else committed.
    // Unreadable, it counts as such (the cache forgets; it never trusts a guess).
    changes.writer_began(super::change_counter(conn).unwrap_or(i64::MIN));
    // A savepoint that cannot be opened, rolled back or released leaves the transaction in a
    // state we cannot vouch for: the whole batch is then rolled back and every write fails.
    let mut broken: Option<rusqlite::Error> = None;
    let mut replies = Vec::with_capacity(size);
    for job in batch {
        if broken.is_some() {
            // Dropped unrun: its caller learns that it failed.
            continue;
        }
        if let Err(e) = sql(conn, "SAVEPOINT write") {
            broken = Some(e);
            continue;
        }
        let undo = match std::panic::catch_unwind(AssertUnwindSafe(|| job(conn))) {
            Ok((failed, reply)) => {
                replies.push(reply);
                failed
            }
            // The caller's channel was dropped with the job: it learns the write failed.
            Err(_) => true,
        };
        let rolled_back = if undo { sql(conn, "ROLLBACK TO write") } else { Ok(()) };
        if let Err(e) = rolled_back.and_then(|()| sql(conn, "RELEASE write")) {
            broken = Some(e);
        }
    }
    // What our own commit leaves the counter at; if unreadable, the next reader finds a value
    // it does not know and the cache forgets (needlessly, never wrongly).
    let left_at = if broken.is_none() { super::change_counter(conn).ok() } else { None };
    match broken.map_or_else(|| sql(conn, "COMMIT"), Err) {
        Ok(()) => {
            if let Some(counter) = left_at {
                changes.writer_committed(counter);
            }
            tracing::trace!(writes = size, "group committed");
            replies.into_iter().for_each(|reply| reply(Ok(())));
        }
        Err(e) => {
            tracing::error!(error = %e, writes = size, "a write batch failed; none of it was stored");
            let _ = conn.execute_batch("ROLLBACK");
            replies.into_iter().for_each(|reply| reply(Err(&e)));
        }
    }
}

/// Runs one statement without parameters, prepared once per connection.
fn sql(conn: &Connection, statement: &str) -> rusqlite::Result<()> {
    conn.prepare_cached(statement)?.execute([]).map(drop)
}
