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
//! Every race between the two sides ends in a needless forgetting, never in a missed one.

use std::sync::atomic::{AtomicBool, AtomicI64, Ordering::SeqCst};

/// The last counter value accounted for, shared by the writer and the readers of one store.
#[derive(Debug, Default)]
pub struct Changes {
    /// The counter after the last commit we know of (ours, or one already reported).
    known: AtomicI64,
    /// The writer found a commit that was not ours and nobody has reported it yet.
    outside: AtomicBool,
}

impl Changes {
    /// Starts from the counter as the store found it when it opened.
    pub fn starting_at(counter: i64) -> Self {
        Changes { known: AtomicI64::new(counter), outside: AtomicBool::new(false) }
    }

    /// The writer, holding the write lock, found the counter at `counter`.
    pub fn writer_began(&self, counter: i64) {
        if counter != self.known.load(SeqCst) {
            self.outside.store(true, SeqCst);
        }
    }

    /// The writer committed, leaving the counter at `counter`.
    pub fn writer_committed(&self, counter: i64) {
        self.known.store(counter, SeqCst);
    }

    /// A reader found the counter at `counter`: whether anyone else may have committed since the
    /// previous call.
    pub fn outside_commits(&self, counter: i64) -> bool {
        let noticed_by_writer = self.outside.swap(false, SeqCst);
        let known = self.known.swap(counter, SeqCst);
        noticed_by_writer || known != counter
    }
}

#[cfg(test)]
mod tests {
    use super::Changes;

    #[test]
    fn own_commits_are_not_outside_commits() {
        let changes = Changes::starting_at(7);
        assert!(!changes.outside_commits(7));
        changes.writer_began(7);
        changes.writer_committed(9);
        assert!(!changes.outside_commits(9), "our own commit moved the counter");
    }

    #[test]
    fn a_commit_seen_by_a_reader_is_reported_once() {
        let changes = Changes::starting_at(7);
        assert!(changes.outside_commits(8));
        assert!(!changes.outside_commits(8));
    }

    #[test]
    fn a_commit_seen_by_the_writer_is_reported_even_after_ours() {
        let changes = Changes::starting_at(7);
        // Someone committed (8), then our writer (10): the counter alone looks like ours.
        changes.writer_began(8);
        changes.writer_committed(10);
        assert!(changes.outside_commits(10));
        assert!(!changes.outside_commits(10));
    }

    #[test]
    fn a_reader_racing_our_commit_forgets_needlessly_rather_than_missing_one() {
        let changes = Changes::starting_at(7);
        changes.writer_began(7);
        // A reader read 7 just before our commit and compares only after it.
        changes.writer_committed(9);
        assert!(changes.outside_commits(7));
        // Its stale value makes the next reader forget once more: needless, never missed.
        assert!(changes.outside_commits(9));
        assert!(!changes.outside_commits(9));
    }
}
