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
//! anyone, from the WAL index SQLite maps into every process, mapped here too (no syscall), and
//! while it is the header a counter read found nothing new after ([`QuietHeader`], read without
//! a lock), nobody has committed since.

use std::mem::ManuallyDrop;
use std::path::Path;
use std::sync::atomic::{fence, AtomicBool, AtomicI64, AtomicU64, Ordering, Ordering::SeqCst};
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
    quiet_header: QuietHeader,
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
        header.is_some_and(|header| self.quiet_header.is(&header))
    }

    /// A reader found the counter at `counter`, having read the WAL index `header` just before:
    /// the commits by anyone else not yet accounted for, if any.
    pub fn outside_commits(&self, counter: i64, header: Option<Header>) -> Option<Outside> {
        let noticed = self.noticed.load(SeqCst);
        if noticed == self.accounted.load(SeqCst) && self.known.load(SeqCst) == counter {
            // Every commit up to the counter read, so every one before `header`, is known.
            self.quiet_header.set(header);
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
        self.quiet_header.set(outside.header);
    }
}

/// The WAL index header: two copies of SQLite's 48-byte `WalIndexHdr`.
pub type Header = [u8; 96];

/// The header a quiet counter read followed, compared on every request without a lock: a
/// sequence lock over six words (the header's first copy; a header is only kept when both
/// copies agree). Setting it (after a counter read: rare) takes a mutex among setters; a
/// comparison that overlaps a setting answers "not the same", which costs a needless counter
/// read, never a missed commit.
#[derive(Debug, Default)]
struct QuietHeader {
    /// Even while the words are stable, odd while a setter writes them.
    sequence: AtomicU64,
    present: AtomicBool,
    words: [AtomicU64; 6],
    setters: Mutex<()>,
}

impl QuietHeader {
    fn set(&self, header: Option<Header>) {
        let _alone = self.setters.lock().unwrap_or_else(|e| e.into_inner());
        let sequence = self.sequence.load(Ordering::Relaxed);
        self.sequence.store(sequence + 1, Ordering::Relaxed);
        fence(Ordering::Release);
        self.present.store(header.is_some(), Ordering::Relaxed);
        for (word, value) in self.words.iter().zip(header.map(|h| first_copy(&h)).unwrap_or_default()) {
            word.store(value, Ordering::Relaxed);
        }
        self.sequence.store(sequence + 2, Ordering::Release);
    }

    /// Whether `header` is the one set last (false while a setter is at work).
    fn is(&self, header: &Header) -> bool {
        let before = self.sequence.load(Ordering::Acquire);
        let same = before % 2 == 0
            && self.present.load(Ordering::Relaxed)
            && self.words.iter().zip(first_copy(header)).all(|(word, value)| word.load(Ordering::Relaxed) == value);
        fence(Ordering::Acquire);
        same && self.sequence.load(Ordering::Relaxed) == before
    }
}

/// A header's first copy as six words (the comparison's unit).
fn first_copy(header: &Header) -> [u64; 6] {
    std::array::from_fn(|i| u64::from_ne_bytes(header[i * 8..i * 8 + 8].try_into().expect("eight bytes")))
}

/// The header of the WAL index SQLite keeps beside the database (`<file>-shm`, shared by every
/// connection to the file, in every process), mapped read-only and read without a syscall.
///
/// In WAL mode every commit rewrites it (`iChange`, `mxFrame`, the salts and checksums: SQLite's
/// file format, <https://sqlite.org/walformat.html>), whoever commits; checkpoints do not. The
/// header is kept twice (bytes 0–47 and 48–95); a writer updates the second copy first, then the
/// first (`walIndexWriteHdr`), so reading the first copy before the second (as SQLite's own
/// readers do) finds them different while an update is under way, and such a read counts as
/// "changed". The same 96 bytes again therefore mean that nobody committed in between.
///
/// The mapping lives as long as the store, whose writer keeps a connection open all along: SQLite
/// truncates a WAL index only when it opens one no connection anywhere has open, so the
/// mapped page never goes away under a read (SQLite's own connections map the same file the same
/// way).
///
/// The descriptor it was mapped through is never closed: closing *any* descriptor of a file
/// drops every POSIX lock the process holds on it, SQLite's included (its shared lock on the
/// index, which tells other processes the index is in use; without it the next process to open
/// the database resets the index under our connections, and a mapped read of it faults).
#[derive(Debug)]
pub struct WalIndex {
    map: memmap2::MmapRaw,
    _file: ManuallyDrop<std::fs::File>,
}

impl WalIndex {
    /// The WAL index of the database at `database`, once SQLite has made it (the database is in
    /// WAL mode and was opened); `None` if it cannot be read, and then nothing is skipped.
    pub fn open(database: &Path) -> Option<Self> {
        let mut name = database.as_os_str().to_owned();
        name.push("-shm");
        // Never closed, on every path (above).
        let file = ManuallyDrop::new(std::fs::File::open(&name).ok()?);
        if file.metadata().ok()?.len() < 96 {
            return None;
        }
        // A raw mapping: its bytes change under us, so they are only ever read as volatile
        // words (`header`), never borrowed as a slice. The file is at least as long as the
        // mapping, and stays so while the store lives (see above).
        let map = memmap2::MmapOptions::new().len(96).map_raw_read_only(&*file).ok()?;
        let index = WalIndex { map, _file: file };
        index.header().map(|_| index)
    }

    /// The header now, if both copies agree and the index is initialised (`isInit`, byte 12).
    pub fn header(&self) -> Option<Header> {
        let words = self.map.as_ptr().cast::<u32>();
        let mut header = [0; 96];
        for (i, chunk) in header.chunks_exact_mut(4).enumerate() {
            // SAFETY: in bounds (24 words of the 96 mapped bytes), aligned (a mapping starts on
            // a page); volatile, in order, because other processes write these bytes.
            let word = unsafe { words.add(i).read_volatile() };
            chunk.copy_from_slice(&word.to_ne_bytes());
            if i == 11 {
                // The first copy before the second, on every CPU (SQLite's `walShmBarrier`).
                fence(Ordering::Acquire);
            }
        }
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
    fn a_header_differing_in_any_byte_is_not_the_quiet_one() {
        let changes = Changes::starting_at(7);
        let quiet = [5; 96];
        assert!(changes.outside_commits(7, Some(quiet)).is_none());
        for i in 0..48 {
            let mut moved = quiet;
            moved[i] ^= 1;
            moved[48 + i] ^= 1;
            assert!(!changes.quiet_since_last_read(Some(moved)), "byte {i}");
        }
        assert!(changes.quiet_since_last_read(Some(quiet)));
    }

    /// Compared while another thread sets it, the quiet header is one whole header or none:
    /// never half of one and half of the other.
    #[test]
    fn a_comparison_racing_a_setting_never_sees_half_of_each() {
        let quiet = std::sync::Arc::new(super::QuietHeader::default());
        let (a, b) = ([1; 96], [2; 96]);
        let mut torn = a;
        torn[24..48].copy_from_slice(&b[24..48]);
        torn[72..96].copy_from_slice(&b[72..96]);
        let setter = {
            let quiet = quiet.clone();
            std::thread::spawn(move || {
                for i in 0..200_000 {
                    quiet.set(Some(if i % 2 == 0 { a } else { b }));
                }
            })
        };
        while !setter.is_finished() {
            assert!(!quiet.is(&torn), "half of each");
        }
        setter.join().unwrap();
        assert!(quiet.is(&b), "the last one set");
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
