//! Telling our own commits from everyone else's, for the session cache.
//!
//! Every change to `users` or `sessions` moves a counter in the database (triggers, migration
//! 0005), whoever makes it: this store's writer, the admin CLI in another process, an `sqlite3`
//! shell. SQLite's own `PRAGMA data_version` cannot serve here: on our read connections it moves
//! for our writer's commits as much as for anyone else's, and it says only *that* something
//! changed, not how often, so a login would empty the cache.
//!
//! The writer holds the write lock from `BEGIN IMMEDIATE` to `COMMIT`, so nobody else commits in
//! between. It reads the counter when it begins (a value other than the last one it knows means
//! someone else committed since) and when it is about to commit (the value its own commit
//! leaves). A request reads the counter before it trusts the cache: a value other than the last
//! one known, or an outside commit the writer noticed, means the cache must forget everything.
//! What a reader found is accounted for only once the cache has forgotten ([`Outside::accounted`]):
//! until then every other reader finds it too and forgets as well, so no request trusts the cache
//! between the finding and the forgetting. Every race between the two sides ends in a needless
//! forgetting, never in a missed one.
//!
//! Reading the counter is a read transaction (a pooled connection, file locks, a page). Most
//! requests can skip it: [`WalIndex`] reads the header SQLite rewrites on every commit, by
//! anyone, and while it is the header a counter read found nothing new after, nobody has
//! committed since.

use std::os::unix::fs::FileExt;
use std::path::Path;
use std::sync::atomic::{AtomicI64, AtomicU64, Ordering::SeqCst};
use std::sync::Mutex;

/// The last counter value accounted for, shared by the writer and the readers of one store.
#[derive(Debug, Default)]
pub struct Changes {
    /// The counter after the last commit we know of (ours, or one already accounted for).
    known: AtomicI64,
    /// Outside commits the writer found, and how many of them are accounted for.
    noticed: AtomicU64,
    accounted: AtomicU64,
    /// The WAL index header as it was before the last counter read that found nothing new.
    quiet_header: Mutex<Option<Header>>,
}

/// Commits by someone else that a reader found: to be accounted for once the cache forgot.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Outside {
    counter: i64,
    noticed: u64,
    header: Option<Header>,
}

impl Changes {
    /// Starts from the counter as the store found it when it opened.
    pub fn starting_at(counter: i64) -> Self {
        Changes { known: AtomicI64::new(counter), ..Changes::default() }
    }

    /// The writer, holding the write lock, found the counter at `counter`.
    pub fn writer_began(&self, counter: i64) {
        if counter != self.known.load(SeqCst) {
            self.noticed.fetch_add(1, SeqCst);
        }
    }

    /// The writer committed, leaving the counter at `counter`.
    pub fn writer_committed(&self, counter: i64) {
        self.known.store(counter, SeqCst);
    }

    /// Whether the WAL index still has the header a counter read found nothing new after: then
    /// nobody committed since, and the counter need not be read.
    pub fn quiet_since_last_read(&self, header: Option<Header>) -> bool {
        header.is_some() && *self.quiet_header.lock().unwrap_or_else(|e| e.into_inner()) == header
    }

    /// A reader found the counter at `counter`, having read the WAL index `header` just before:
    /// the commits by anyone else not yet accounted for, if any.
    pub fn outside_commits(&self, counter: i64, header: Option<Header>) -> Option<Outside> {
        let noticed = self.noticed.load(SeqCst);
        if noticed == self.accounted.load(SeqCst) && self.known.load(SeqCst) == counter {
            // Every commit up to the counter read, so every one before `header`, is known.
            *self.quiet_header.lock().unwrap_or_else(|e| e.into_inner()) = header;
            return None;
        }
        Some(Outside { counter, noticed, header })
    }

    /// The cache has forgotten everything `outside` may have changed.
    pub fn accounted(&self, outside: Outside) {
        // A commit of ours since makes `known` older than the counter: the next reader forgets
        // once more (needless, never missed). Likewise for a header from before a newer commit.
        self.known.store(outside.counter, SeqCst);
        self.accounted.store(outside.noticed, SeqCst);
        *self.quiet_header.lock().unwrap_or_else(|e| e.into_inner()) = outside.header;
    }
}

/// The WAL index header: two copies of SQLite's 48-byte `WalIndexHdr`.
pub type Header = [u8; 96];

/// The header of the WAL index SQLite keeps beside the database (`<file>-shm`, shared by every
/// connection to the file, in every process), read with one `pread`.
///
/// In WAL mode every commit rewrites it (`iChange`, `mxFrame`, the salts and checksums: SQLite's
/// file format, <https://sqlite.org/walformat.html>), whoever commits; checkpoints do not. The
/// header is kept twice (bytes 0–47 and 48–95); a writer updates the second copy first, so the
/// two differ only while an update is under way, and a read that finds them different counts
/// as "changed". The same 96 bytes again therefore mean that nobody committed in between.
#[derive(Debug)]
pub struct WalIndex {
    file: std::fs::File,
}

impl WalIndex {
    /// The WAL index of the database at `database`, once SQLite has made it (the database is in
    /// WAL mode and was opened); `None` if it cannot be read, and then nothing is skipped.
    pub fn open(database: &Path) -> Option<Self> {
        let mut name = database.as_os_str().to_owned();
        name.push("-shm");
        let file = std::fs::File::open(&name).ok()?;
        let index = WalIndex { file };
        index.header().map(|_| index)
    }

    /// The header now, if both copies agree and the index is initialised (`isInit`, byte 12).
    pub fn header(&self) -> Option<Header> {
        let mut header = [0; 96];
        self.file.read_exact_at(&mut header, 0).ok()?;
        (header[..48] == header[48..] && header[12] != 0).then_some(header)
    }
}

#[cfg(test)]
mod tests {
    use super::{Changes, Header};

    const H1: Option<Header> = Some([1; 96]);
    const H2: Option<Header> = Some([2; 96]);

    fn forgets(changes: &Changes, counter: i64) -> bool {
        match changes.outside_commits(counter, None) {
            Some(outside) => {
                changes.accounted(outside);
                true
            }
            None => false,
        }
    }

    #[test]
    fn own_commits_are_not_outside_commits() {
        let changes = Changes::starting_at(7);
        assert!(!forgets(&changes, 7));
        changes.writer_began(7);
        changes.writer_committed(9);
        assert!(!forgets(&changes, 9), "our own commit moved the counter");
    }

    #[test]
    fn a_commit_seen_by_a_reader_is_reported_until_accounted_for() {
        let changes = Changes::starting_at(7);
        let found = changes.outside_commits(8, None).expect("an outside commit");
        // Another request before the cache forgot: it finds the commit too.
        assert!(changes.outside_commits(8, None).is_some(), "nobody trusts the cache before it forgot");
        changes.accounted(found);
        assert!(changes.outside_commits(8, None).is_none());
    }

    #[test]
    fn a_commit_seen_by_the_writer_is_reported_even_after_ours() {
        let changes = Changes::starting_at(7);
        // Someone committed (8), then our writer (10): the counter alone looks like ours.
        changes.writer_began(8);
        changes.writer_committed(10);
        assert!(forgets(&changes, 10));
        assert!(!forgets(&changes, 10));
    }

    #[test]
    fn a_commit_the_writer_notices_while_one_is_accounted_for_is_not_lost() {
        let changes = Changes::starting_at(7);
        let found = changes.outside_commits(8, None).unwrap();
        changes.writer_began(9);
        changes.writer_committed(10);
        changes.accounted(found);
        assert!(forgets(&changes, 10), "the writer's finding is still to be accounted for");
        assert!(!forgets(&changes, 10));
    }

    #[test]
    fn a_reader_racing_our_commit_forgets_needlessly_rather_than_missing_one() {
        let changes = Changes::starting_at(7);
        changes.writer_began(7);
        // A reader read 7 just before our commit and compares only after it.
        changes.writer_committed(9);
        assert!(forgets(&changes, 7));
        // Its stale value makes the next reader forget once more: needless, never missed.
        assert!(forgets(&changes, 9));
        assert!(!forgets(&changes, 9));
    }

    #[test]
    fn the_counter_read_is_skipped_only_while_the_header_is_the_one_a_quiet_read_followed() {
        let changes = Changes::starting_at(7);
        assert!(!changes.quiet_since_last_read(H1), "nothing read yet");
        assert!(changes.outside_commits(7, H1).is_none());
        assert!(changes.quiet_since_last_read(H1));
        assert!(!changes.quiet_since_last_read(H2), "someone committed");
        assert!(!changes.quiet_since_last_read(None), "an unreadable header is a change");
        // A read that finds an outside commit: the header counts only once accounted for.
        let found = changes.outside_commits(8, H2).unwrap();
        assert!(!changes.quiet_since_last_read(H2));
        changes.accounted(found);
        assert!(changes.quiet_since_last_read(H2));
    }
}
