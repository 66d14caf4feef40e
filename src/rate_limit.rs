//! Login rate limiting, so that passwords cannot be guessed at line rate: a budget of attempts
//! per client address and one per account, both checked before any password is verified. A
//! login's account budget is keyed by the login id as typed (trimmed, lower-cased), whether or
//! not it names a user: keyed by the user it resolves to, a budget spent as `dave` would answer
//! 429 to `dave@example.com` and so tell that both are one account. A password check within a
//! session (a password change) spends from the budget of every login id naming the user. GCRA
//! via `governor`: a budget
//! of N per minute allows a burst of N, then one attempt every 60/N seconds.
//!
//! The client address is the TCP peer, or the address a trusted proxy reports
//! ([`crate::http::client_address`]). The per-account budget also lets anyone slow down logins
//! to an account they name: the price of making guessing slow, as in most login systems.

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

    /// Spends one attempt from the client address's budget; `Err` is how long to wait.
    pub fn check_address(&self, client: Option<IpAddr>) -> Result<(), Duration> {
        let Some(ip) = client else { return Ok(()) };
        let now = DefaultClock::default().now();
        self.per_ip.check_key(&ip).map_err(|not_until| not_until.wait_time_from(now))
    }

    /// Spends one attempt from the budget of a login id (trimmed, lower-cased); `Err` is how
    /// long to wait.
    pub fn check_login_id(&self, login_id: &str) -> Result<(), Duration> {
        let key = login_id.trim().to_lowercase();
        let now = DefaultClock::default().now();
        self.per_account.check_key(&key).map_err(|not_until| not_until.wait_time_from(now))
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

    fn n(n: u32) -> NonZeroU32 {
        NonZeroU32::new(n).unwrap()
    }

    #[test]
    fn each_budget_runs_out_on_its_own() {
        let limits = LoginLimits::new(n(5), n(3));
        let a: IpAddr = "10.0.0.1".parse().unwrap();
        let b: IpAddr = "10.0.0.2".parse().unwrap();
        for _ in 0..3 {
            assert!(limits.check_login_id("alice").is_ok());
        }
        let wait = limits.check_login_id(" Alice ").unwrap_err();
        assert!(wait > Duration::ZERO && wait <= Duration::from_secs(20), "{wait:?}");
        for _ in 0..5 {
            assert!(limits.check_address(Some(a)).is_ok());
        }
        assert!(limits.check_address(Some(a)).is_err(), "the address's budget of 5 is spent");
        assert!(limits.check_address(Some(b)).is_ok(), "other addresses are unaffected");
    }

    #[test]
    fn each_login_id_has_its_own_budget() {
        let limits = LoginLimits::new(n(100), n(2));
        assert!(limits.check_login_id("dave").is_ok());
        assert!(limits.check_login_id(" DAVE ").is_ok());
        assert!(limits.check_login_id("Dave").is_err(), "one login id, however it is cased or padded");
        assert!(limits.check_login_id("dave@example.com").is_ok(), "another login id is another budget");
    }
}
