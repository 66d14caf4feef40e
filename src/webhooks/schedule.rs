//! When a failed delivery is tried again: the schedule's next step, with jitter, and no sooner
//! than the receiver's `Retry-After`.

use std::time::Duration;

/// A schedule from its setting: seconds (decimals allowed), comma-separated, each above 0.
pub fn parse(text: &str) -> Result<Vec<Duration>, String> {
    let steps: Result<Vec<Duration>, String> = text
        .split(',')
        .map(str::trim)
        .map(|step| match step.parse::<f64>() {
            Ok(seconds) if seconds > 0.0 && seconds.is_finite() => Ok(Duration::from_secs_f64(seconds)),
            _ => Err(format!("{step:?} is not a number of seconds above 0")),
        })
        .collect();
    let steps = steps?;
    if steps.is_empty() {
        return Err("the retry schedule is empty".into());
    }
    Ok(steps)
}

/// The wait before the attempt after `attempts` failed ones: the schedule's step (its last one
/// once it runs out) scaled by `jitter` (0.8–1.2: endpoints that failed together are not all
/// tried again at the same instant), and at least `retry_after`.
pub fn next_wait(schedule: &[Duration], attempts: u32, jitter: f64, retry_after: Option<Duration>) -> Duration {
    let index = usize::try_from(attempts.saturating_sub(1)).unwrap_or(usize::MAX).min(schedule.len() - 1);
    let step = schedule[index].mul_f64(jitter.clamp(0.8, 1.2));
    step.max(retry_after.unwrap_or_default())
}

/// A jitter factor in 0.8–1.2.
pub fn jitter() -> f64 {
    let mut byte = [0u8; 2];
    getrandom::fill(&mut byte).expect("the OS random source");
    0.8 + 0.4 * f64::from(u16::from_le_bytes(byte)) / f64::from(u16::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_schedule_runs_out_on_its_last_step() {
        let schedule = parse("5, 300,1.5").unwrap();
        assert_eq!(next_wait(&schedule, 1, 1.0, None), Duration::from_secs(5));
        assert_eq!(next_wait(&schedule, 2, 1.0, None), Duration::from_secs(300));
        assert_eq!(next_wait(&schedule, 9, 1.0, None), Duration::from_millis(1500));
    }

    #[test]
    fn jitter_stays_within_a_fifth_and_retry_after_is_a_floor() {
        let schedule = parse("10").unwrap();
        assert_eq!(next_wait(&schedule, 1, 5.0, None), Duration::from_secs(12));
        assert_eq!(next_wait(&schedule, 1, 0.0, None), Duration::from_secs(8));
        assert_eq!(next_wait(&schedule, 1, 1.0, Some(Duration::from_secs(60))), Duration::from_secs(60));
        assert!((0.8..=1.2).contains(&jitter()));
    }

    #[test]
    fn a_bad_schedule_is_refused() {
        assert!(parse("").is_err());
        assert!(parse("5,0").is_err());
        assert!(parse("5,x").is_err());
    }
}
