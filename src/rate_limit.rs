//! Login rate limiting, so that passwords cannot be guessed at line rate: a budget of attempts
//! per client address and one per account, both checked before any password is verified. The
//! account is the user a login id resolves to (so `dave` and `DAVE@example.com` share one
//! budget), or the normalised login id when it resolves to none. GCRA via `governor`: a budget
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

/// Whose budget a login attempt spends.
pub enum Account<'a> {
    /// The user the login id resolved to.
    User(&'a crate::domain::Id),
    /// A login id that names no user.
    LoginId(&'a str),
}

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

    /// Spends one attempt from an account's budget; `Err` is how long to wait.
    pub fn check_account(&self, account: &Account<'_>) -> Result<(), Duration> {
        let key = match account {
            Account::User(id) => format!("user:{id}"),
            Account::LoginId(login_id) => format!("login:{}", login_id.trim().to_lowercase()),
        };
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
            assert!(limits.check_account(&Account::LoginId("alice")).is_ok());
        }
        let wait = limits.check_account(&Account::LoginId(" Alice ")).unwrap_err();
        assert!(wait > Duration::ZERO && wait <= Duration::from_secs(20), "{wait:?}");
        for _ in 0..5 {
            assert!(limits.check_address(Some(a)).is_ok());
        }
        assert!(limits.check_address(Some(a)).is_err(), "the address's budget of 5 is spent");
        assert!(limits.check_address(Some(b)).is_ok(), "other addresses are unaffected");
    }

    #[test]
    fn a_user_has_one_budget_whatever_the_login_id() {
        let limits = LoginLimits::new(n(100), n(2));
        let dave = crate::domain::Id::generate();
        assert!(limits.check_account(&Account::User(&dave)).is_ok());
        assert!(limits.check_account(&Account::User(&dave)).is_ok());
        assert!(limits.check_account(&Account::User(&dave)).is_err());
        assert!(limits.check_account(&Account::LoginId("dave")).is_ok(), "a login id naming nobody is its own key");
    }
}
