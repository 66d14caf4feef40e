//! The time the service reads: the system clock, plus an offset that tests move forward to
//! drive idle timeouts and extensions without sleeping for minutes; or, for tests that count
//! what happens within a window (the login budgets), a clock that moves only when moved.

use std::sync::atomic::{AtomicI64, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

/// Milliseconds since the Unix epoch, as every Mattermost timestamp; and a monotonic instant,
/// for what measures intervals (the login budgets).
#[derive(Clone, Debug, Default)]
pub struct Clock {
    /// Added to the system time; shared with whoever moves it.
    offset_ms: Arc<AtomicI64>,
    /// For a frozen clock: the system time and the instant it was frozen at.
    frozen: Option<(i64, Instant)>,
}

impl Clock {
    /// The system clock.
    pub fn system() -> Self {
        Clock::default()
    }

    /// A clock stopped at the system's time now, which moves only by [`Clock::advance`].
    pub fn frozen() -> Self {
        Clock { offset_ms: Arc::default(), frozen: Some((super::now_millis(), Instant::now())) }
    }

    /// Now, in milliseconds since the epoch.
    pub fn now_millis(&self) -> i64 {
        let base = self.frozen.map_or_else(super::now_millis, |(ms, _)| ms);
        base.saturating_add(self.offset_ms.load(Ordering::Relaxed))
    }

    /// Now, as a monotonic instant (moved by [`Clock::advance`] too).
    pub fn instant(&self) -> Instant {
        let base = self.frozen.map_or_else(Instant::now, |(_, at)| at);
        let offset = u64::try_from(self.offset_ms.load(Ordering::Relaxed)).unwrap_or(0);
        base + Duration::from_millis(offset)
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

    #[test]
    fn a_frozen_clock_moves_only_when_moved() {
        let clock = Clock::frozen();
        let (ms, instant) = (clock.now_millis(), clock.instant());
        std::thread::sleep(Duration::from_millis(5));
        assert_eq!((clock.now_millis(), clock.instant()), (ms, instant));
        clock.advance(1500);
        assert_eq!(clock.now_millis(), ms + 1500);
        assert_eq!(clock.instant(), instant + Duration::from_millis(1500));
    }
}
