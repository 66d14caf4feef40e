//! Where in an open-loop run its tail came from (#40).
//!
//! A p99 over ten seconds does not say whether one request in a hundred was slow all along or
//! the server (or the machine) stalled once for a tenth of a second and everything due meanwhile
//! waited. `open-loop` therefore cuts its run into intervals by when each request was due and
//! reports the worst few, with the share of the run's slowest hundredth that fell in them: a
//! share near 1 says the tail is those few stalls, and an interval's start (from the run's start,
//! whose wall-clock time is printed too) says when to look at what else ran. Each interval also
//! says how late the load generator itself sent its requests: a stall of the generator (its core
//! taken, its process paused) shows there, where a p99 of the whole run's lateness hides it.

use serde::Serialize;

/// One interval of a run: the requests due in it and how long they took.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Interval {
    /// When the interval starts, in milliseconds from the run's first due time.
    pub from_ms: u64,
    pub requests: usize,
    /// Taken as the whole run's percentiles are (`percentile`): in an interval of fewer than
    /// 100 requests, its slowest.
    pub p99_us: u64,
    pub max_us: u64,
    /// The most late the generator sent a request due in the interval.
    pub sent_late_max_us: u64,
}

/// What the timeline says about a run's tail.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Tail {
    /// The `worst` intervals whose slowest request was slowest, worst first.
    pub worst_intervals: Vec<Interval>,
    /// Of the requests at or above the run's p99, the share that was due in those intervals.
    pub p99_share_in_worst: f64,
}

/// `samples` are (due, latency) pairs in microseconds, due counted from the run's start, in any
/// order; `late` (due, how late it was sent) pairs for every request sent; `width_us` the
/// interval's width.
pub fn tail(samples: &[(u64, u64)], late: &[(u64, u64)], width_us: u64, worst: usize) -> Tail {
    assert!(width_us > 0, "an interval has a width");
    let Some(last) = samples.iter().map(|&(due, _)| due / width_us).max() else {
        return Tail { worst_intervals: Vec::new(), p99_share_in_worst: 0.0 };
    };
    let mut by_interval: Vec<Vec<u64>> = vec![Vec::new(); last as usize + 1];
    for &(due, latency) in samples {
        by_interval[(due / width_us) as usize].push(latency);
    }
    let mut intervals: Vec<(u64, Interval)> = by_interval
        .iter_mut()
        .enumerate()
        .filter(|(_, latencies)| !latencies.is_empty())
        .map(|(index, latencies)| {
            latencies.sort_unstable();
            let interval = Interval {
                from_ms: index as u64 * width_us / 1000,
                requests: latencies.len(),
                p99_us: percentile(latencies, 0.99),
                max_us: latencies[latencies.len() - 1],
                sent_late_max_us: 0,
            };
            (index as u64, interval)
        })
        .collect();
    // Worst first; of equal ones, the earlier.
    intervals.sort_by(|(a, x), (b, y)| y.max_us.cmp(&x.max_us).then(a.cmp(b)));
    intervals.truncate(worst);

    let mut latencies: Vec<u64> = samples.iter().map(|&(_, latency)| latency).collect();
    latencies.sort_unstable();
    let p99 = percentile(&latencies, 0.99);
    let in_worst = |due: u64| intervals.iter().any(|&(index, _)| due / width_us == index);
    let slow = samples.iter().filter(|&&(_, latency)| latency >= p99);
    let (all, inside) =
        slow.fold((0usize, 0usize), |(all, inside), &(due, _)| (all + 1, inside + in_worst(due) as usize));
    for &(due, late) in late {
        if let Some((_, interval)) = intervals.iter_mut().find(|(index, _)| due / width_us == *index) {
            interval.sent_late_max_us = interval.sent_late_max_us.max(late);
        }
    }
    let intervals = intervals.into_iter().map(|(_, interval)| interval).collect();
    Tail { worst_intervals: intervals, p99_share_in_worst: inside as f64 / all as f64 }
}

/// The `q` quantile of sorted, non-empty latencies, as the whole run's percentiles take it.
pub fn percentile(sorted: &[u64], q: f64) -> u64 {
    sorted[((sorted.len() as f64 * q) as usize).min(sorted.len() - 1)]
}

#[cfg(test)]
mod tests {
    use super::*;

    /// 1,000 requests 100 µs apart, 50 µs each, but for a stall from 40 to 41.5 ms: what was
    /// due then waits until 41.5 ms (the slowest hundredth: the ten due from 40 ms on).
    fn one_stall() -> Vec<(u64, u64)> {
        (0..1000u64).map(|i| (i * 100, if (400..415).contains(&i) { 41_500 - i * 100 + 50 } else { 50 })).collect()
    }

    /// Each request sent 10 µs late, but for the one due at 42 ms: 3 ms late.
    fn sent() -> Vec<(u64, u64)> {
        (0..1000u64).map(|i| (i * 100, if i == 420 { 3000 } else { 10 })).collect()
    }

    #[test]
    fn one_stall_is_one_interval_holding_the_whole_tail() {
        let tail = tail(&one_stall(), &sent(), 10_000, 2);
        assert_eq!(
            tail.worst_intervals[0],
            Interval { from_ms: 40, requests: 100, p99_us: 1550, max_us: 1550, sent_late_max_us: 3000 },
            "the stall's interval comes first, with how late the generator was in it"
        );
        assert_eq!(tail.worst_intervals[1].max_us, 50, "every other interval is quiet");
        assert_eq!(tail.worst_intervals[1].sent_late_max_us, 10);
        assert_eq!(tail.worst_intervals[1].from_ms, 0, "of equal intervals, the earliest");
        assert_eq!(tail.p99_share_in_worst, 1.0);
    }

    #[test]
    fn a_tail_spread_over_the_run_is_not_blamed_on_its_worst_intervals() {
        // Every hundredth request slow, the same everywhere: the two worst hold only their share.
        let samples: Vec<(u64, u64)> = (0..1000u64).map(|i| (i * 100, if i % 100 == 0 { 900 } else { 50 })).collect();
        let tail = tail(&samples, &sent(), 10_000, 2);
        assert_eq!(tail.worst_intervals.len(), 2);
        assert_eq!(tail.p99_share_in_worst, 0.2);
    }

    #[test]
    fn a_run_without_answers_has_no_intervals() {
        assert_eq!(tail(&[], &sent(), 100_000, 3), Tail { worst_intervals: Vec::new(), p99_share_in_worst: 0.0 });
    }
}
