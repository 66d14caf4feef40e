//! The time the service reads: the system clock, plus an offset that tests move forward to
//! drive idle timeouts and extensions without sleeping for minutes.

use std::sync::atomic::{AtomicI64, Ordering};
use std::sync::Arc;

/// Milliseconds since the Unix epoch, as every Mattermost timestamp.
#[derive(Clone, Debug, Default)]
pub struct Clock {
    /// Added to the system time; shared with whoever moves it.
    offset_ms: Arc<AtomicI64>,
}

impl Clock {
    /// The system clock.
    pub fn system() -> Self {
        Clock::default()
    }

    /// Now, in milliseconds since the epoch.
    pub fn now_millis(&self) -> i64 {
        super::now_millis().saturating_add(self.offset_ms.load(Ordering::Relaxed))
    }

    /// Moves this clock (and every copy of it) forward by `ms`.
    pub fn advance(&self, ms: i64) {
        self.offset_ms.fetch_add(ms, Ordering::Relaxed);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn copies_share_the_advance() {
        let clock = Clock::system();
        let copy = clock.clone();
        let before = copy.now_millis();
        clock.advance(3_600_000);
        assert!(copy.now_millis() - before >= 3_600_000);
    }
}
