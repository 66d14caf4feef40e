//! Login rate limiting, so that passwords cannot be guessed at line rate: a budget of attempts
//! per client address and one per account (the lower-cased login id), both checked before any
//! password is verified. GCRA via `governor`: a budget of N per minute allows a burst of N,
//! then one attempt every 60/N seconds.
//!
//! The client address is the TCP peer. Behind a reverse proxy every client shares the proxy's
//! address, so size `--login-rate-ip` for that (or let the proxy limit per client). The
//! per-account budget also lets anyone slow down logins to an account they name: the price
//! of making guessing slow, as in most login systems.

use std::net::IpAddr;
use std::num::NonZeroU32;
use std::time::Duration;

use governor::clock::{Clock, DefaultClock};
use governor::{DefaultKeyedRateLimiter, Quota, RateLimiter};

/// The two budgets.
pub struct LoginLimits {
    per_ip: DefaultKeyedRateLimiter<IpAddr>,
    per_account: DefaultKeyedRateLimiter<String>,
}

impl LoginLimits {
    /// Budgets of attempts per minute.
    pub fn new(per_ip_per_minute: NonZeroU32, per_account_per_minute: NonZeroU32) -> Self {
        LoginLimits {
            per_ip: RateLimiter::keyed(Quota::per_minute(per_ip_per_minute)),
            per_account: RateLimiter::keyed(Quota::per_minute(per_account_per_minute)),
        }
    }

    /// Spends one attempt from both budgets; `Err` is how long to wait.
    pub fn check(&self, client: Option<IpAddr>, login_id: &str) -> Result<(), Duration> {
        let now = DefaultClock::default().now();
        if let Some(ip) = client {
            self.per_ip.check_key(&ip).map_err(|not_until| not_until.wait_time_from(now))?;
        }
        self.per_account.check_key(&login_id.trim().to_lowercase()).map_err(|not_until| not_until.wait_time_from(now))
    }

    /// Drops the state of keys that are back to a full budget, so that memory does not grow
    /// with every address and login id ever seen.
    pub fn forget_idle(&self) {
        self.per_ip.retain_recent();
        self.per_ip.shrink_to_fit();
        self.per_account.retain_recent();
        self.per_account.shrink_to_fit();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_budget_runs_out_on_its_own() {
        let n = |n| NonZeroU32::new(n).unwrap();
        let limits = LoginLimits::new(n(5), n(3));
        let a: IpAddr = "10.0.0.1".parse().unwrap();
        let b: IpAddr = "10.0.0.2".parse().unwrap();
        for _ in 0..3 {
            assert!(limits.check(Some(a), "alice").is_ok());
        }
        let wait = limits.check(Some(b), "Alice").unwrap_err();
        assert!(wait > Duration::ZERO && wait <= Duration::from_secs(20), "{wait:?}");
        assert!(limits.check(Some(a), "bob").is_ok());
        assert!(limits.check(Some(a), "carol").is_ok());
        assert!(limits.check(Some(a), "dave").is_err(), "the address's budget of 5 is spent");
        assert!(limits.check(Some(b), "erin").is_ok(), "other addresses are unaffected");
    }
}
