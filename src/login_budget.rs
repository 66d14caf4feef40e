//! The login budgets: how many password (and code) checks anyone may make before one is
//! verified, so that nobody can guess at line rate, and nobody can lock an account's owner out.
//!
//! Each check spends from two budgets, both spent before any password is verified:
//!
//! - **a client address's** (`--login-rate-ip`, 60 a minute), which bounds each client whatever
//!   it names. Logins from known devices have an address budget of their own, so that an outsider
//!   spending an address's budget (behind the same NAT as the owner) does not stop the owner's
//!   known devices there;
//! - **one that says who may be guessing**: a login from a device the account signed in from
//!   before (a valid device cookie, [`crate::known_device`]) spends **that device's** budget; any
//!   other login naming an account spends **the account's** (`--login-rate-account`, 20 a
//!   minute, whichever of its names — username, email, id — is typed); a password checked within
//!   a session (a password change) spends **the user's in-session budget**, and an MFA code
//!   within a session **the user's in-session code budget** (`MaximumLoginAttempts` a day). The
//!   in-session budgets are the user's, not each session's: sessions can be made without the
//!   password (a personal access token's first use), so a budget per session would be no bound.
//!
//! So an outsider, who has neither a device cookie nor a session of the account, gets at most
//! 20 guesses a minute at an account through any mix of its names (GCRA: a burst of 20, then one
//! every 3 s); spending them does not stop the owner, whose browser or app holds a device cookie
//! (OWASP's device-cookie pattern); and an unknown device waits at most the budget's window once
//! the outsider stops. Why, and what it costs, is in docs/security.md ("Login budgets").
//!
//! GCRA via `governor`: a budget of N per minute allows a burst of N, then one check every 60/N
//! seconds. Time is the service's [`Clock`]'s monotonic instant, which tests can move.

use std::net::IpAddr;
use std::num::NonZeroU32;
use std::time::Duration;

use governor::middleware::NoOpMiddleware;
use governor::state::keyed::DefaultKeyedStateStore;
use governor::{Quota, RateLimiter};

use crate::domain::{Clock, Id};
use crate::known_device::KnownDevice;

/// Which budget a check spent from, as metrics and log lines name it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Budget {
    Address,
    /// A client address's, for logins from known devices.
    KnownDeviceAddress,
    Account,
    Device,
    InSession,
    InSessionCode,
}

impl Budget {
    /// The `budget` label of `mm_sessions_login_rejections_total`.
    pub fn as_str(self) -> &'static str {
        match self {
            Budget::Address => "address",
            Budget::KnownDeviceAddress => "known_device_address",
            Budget::Account => "account",
            Budget::Device => "device",
            Budget::InSession => "in_session",
            Budget::InSessionCode => "in_session_code",
        }
    }
}

/// A budget found empty, and how long until it holds one check again.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Spent {
    pub budget: Budget,
    pub wait: Duration,
}

/// The sizes of the budgets.
#[derive(Clone, Copy, Debug)]
pub struct BudgetSizes {
    /// Checks a minute per client address (and, apart, per address for known devices).
    pub per_address_per_minute: NonZeroU32,
    /// Checks a minute per account from unknown devices, per known device, and per user within
    /// sessions.
    pub per_account_per_minute: NonZeroU32,
    /// MFA codes a day per user within sessions (`MaximumLoginAttempts`).
    pub in_session_codes_per_day: NonZeroU32,
}

/// The service's clock, as `governor` reads time.
#[derive(Clone, Debug)]
struct BudgetClock(Clock);

impl governor::clock::Clock for BudgetClock {
    type Instant = std::time::Instant;

    fn now(&self) -> Self::Instant {
        self.0.instant()
    }
}

type Limiter<K> = RateLimiter<K, DefaultKeyedStateStore<K>, BudgetClock, NoOpMiddleware<std::time::Instant>>;

fn keyed<K: std::hash::Hash + Eq + Clone>(quota: Quota, clock: &BudgetClock) -> Limiter<K> {
    RateLimiter::new(quota, DefaultKeyedStateStore::default(), clock.clone())
}

/// Every budget, keyed.
pub struct LoginBudgets {
    clock: BudgetClock,
    per_address: Limiter<IpAddr>,
    per_known_device_address: Limiter<IpAddr>,
    per_account: Limiter<Id>,
    per_device: Limiter<String>,
    per_user_in_session: Limiter<Id>,
    per_user_in_session_code: Limiter<Id>,
}

impl LoginBudgets {
    pub fn new(sizes: BudgetSizes, clock: Clock) -> Self {
        let clock = BudgetClock(clock);
        let per_address = Quota::per_minute(sizes.per_address_per_minute);
        let per_minute = Quota::per_minute(sizes.per_account_per_minute);
        // A day's codes: a burst of N, then one every 24/N hours.
        let per_day = Quota::with_period(Duration::from_secs(86_400) / sizes.in_session_codes_per_day.get())
            .expect("a day divided by a u32 is not zero")
            .allow_burst(sizes.in_session_codes_per_day);
        LoginBudgets {
            per_address: keyed(per_address, &clock),
            per_known_device_address: keyed(per_address, &clock),
            per_account: keyed(per_minute, &clock),
            per_device: keyed(per_minute, &clock),
            per_user_in_session: keyed(per_minute, &clock),
            per_user_in_session_code: keyed(per_day, &clock),
            clock,
        }
    }

    /// One check from the client address's budget (none to spend when the address is unknown:
    /// a request that did not come over TCP, such as the admin CLI's).
    pub fn spend_address(&self, client: Option<IpAddr>) -> Result<(), Spent> {
        let Some(ip) = client else { return Ok(()) };
        self.spend(&self.per_address, &ip, Budget::Address)
    }

    /// One login from a device not known to the account: from the account's budget, shared by
    /// all its names.
    pub fn spend_account(&self, user: &Id) -> Result<(), Spent> {
        self.spend(&self.per_account, user, Budget::Account)
    }

    /// One login from a device the account signed in from before: from the client address's
    /// budget for known devices, then from that device's.
    pub fn spend_device(&self, client: Option<IpAddr>, device: &KnownDevice) -> Result<(), Spent> {
        if let Some(ip) = client {
            self.spend(&self.per_known_device_address, &ip, Budget::KnownDeviceAddress)?;
        }
        self.spend(&self.per_device, &device.key().to_owned(), Budget::Device)
    }

    /// One password check within a session of `user` (a password change).
    pub fn spend_in_session(&self, user: &Id) -> Result<(), Spent> {
        self.spend(&self.per_user_in_session, user, Budget::InSession)
    }

    /// One MFA code checked within a session of `user`.
    pub fn spend_in_session_code(&self, user: &Id) -> Result<(), Spent> {
        self.spend(&self.per_user_in_session_code, user, Budget::InSessionCode)
    }

    /// Drops the state of keys that are back to a full budget, so that memory does not grow
    /// with every address, account, device and user ever seen.
    pub fn forget_idle(&self) {
        fn forget<K: std::hash::Hash + Eq + Clone>(limiter: &Limiter<K>) {
            limiter.retain_recent();
            limiter.shrink_to_fit();
        }
        forget(&self.per_address);
        forget(&self.per_known_device_address);
        forget(&self.per_account);
        forget(&self.per_device);
        forget(&self.per_user_in_session);
        forget(&self.per_user_in_session_code);
    }

    fn spend<K: std::hash::Hash + Eq + Clone>(
        &self,
        limiter: &Limiter<K>,
        key: &K,
        budget: Budget,
    ) -> Result<(), Spent> {
        let now = governor::clock::Clock::now(&self.clock);
        limiter.check_key(key).map_err(|not_until| Spent { budget, wait: not_until.wait_time_from(now) })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn n(n: u32) -> NonZeroU32 {
        NonZeroU32::new(n).unwrap()
    }

    fn budgets(address: u32, account: u32) -> (LoginBudgets, Clock) {
        let sizes = BudgetSizes {
            per_address_per_minute: n(address),
            per_account_per_minute: n(account),
            in_session_codes_per_day: n(2),
        };
        let clock = Clock::frozen();
        (LoginBudgets::new(sizes, clock.clone()), clock)
    }

    #[test]
    fn each_budget_runs_out_on_its_own() {
        let (budgets, _) = budgets(5, 3);
        let (a, b): (IpAddr, IpAddr) = ("10.0.0.1".parse().unwrap(), "10.0.0.2".parse().unwrap());
        let alice = Id::generate();
        for _ in 0..3 {
            assert!(budgets.spend_account(&alice).is_ok());
        }
        let spent = budgets.spend_account(&alice).unwrap_err();
        assert_eq!(spent.budget, Budget::Account);
        assert_eq!(spent.wait, Duration::from_secs(20), "one check back every 60/3 seconds");
        assert!(budgets.spend_account(&Id::generate()).is_ok(), "another account is unaffected");
        for _ in 0..5 {
            assert!(budgets.spend_address(Some(a)).is_ok());
        }
        assert_eq!(budgets.spend_address(Some(a)).unwrap_err().budget, Budget::Address);
        assert!(budgets.spend_address(Some(b)).is_ok(), "other addresses are unaffected");
        assert!(budgets.spend_address(None).is_ok(), "no address, no address budget");
    }

    #[test]
    fn a_budget_fills_again_with_time() {
        let (budgets, clock) = budgets(1, 3);
        let alice = Id::generate();
        (0..3).for_each(|_| budgets.spend_account(&alice).unwrap());
        assert!(budgets.spend_account(&alice).is_err());
        clock.advance(19_999);
        assert!(budgets.spend_account(&alice).is_err());
        clock.advance(1);
        assert!(budgets.spend_account(&alice).is_ok(), "one check back after 60/3 seconds");
        assert!(budgets.spend_account(&alice).is_err());
    }

    #[test]
    fn in_session_budgets_are_the_users_and_codes_are_counted_by_the_day() {
        let (budgets, clock) = budgets(100, 1);
        let (alice, bob) = (Id::generate(), Id::generate());
        assert!(budgets.spend_in_session(&alice).is_ok());
        assert_eq!(budgets.spend_in_session(&alice).unwrap_err().budget, Budget::InSession);
        assert!(budgets.spend_in_session(&bob).is_ok(), "one user's guesses do not spend another's");
        assert!(budgets.spend_account(&alice).is_ok(), "nor the login's");
        assert!(budgets.spend_in_session_code(&alice).is_ok());
        assert!(budgets.spend_in_session_code(&alice).is_ok());
        let spent = budgets.spend_in_session_code(&alice).unwrap_err();
        assert_eq!(spent.budget, Budget::InSessionCode);
        assert_eq!(spent.wait, Duration::from_secs(43_200), "two a day: one back every 12 hours");
        clock.advance(43_200_000);
        assert!(budgets.spend_in_session_code(&alice).is_ok());
    }

    #[test]
    fn known_devices_have_an_address_budget_of_their_own() {
        let (budgets, _) = budgets(2, 100);
        let ip: IpAddr = "10.0.0.1".parse().unwrap();
        let device = KnownDevice::for_tests("a nonce");
        (0..2).for_each(|_| budgets.spend_address(Some(ip)).unwrap());
        assert!(budgets.spend_address(Some(ip)).is_err(), "an outsider spent the address's budget");
        assert!(budgets.spend_device(Some(ip), &device).is_ok(), "the owner's known device still checks");
        assert!(budgets.spend_device(Some(ip), &device).is_ok());
        assert_eq!(budgets.spend_device(Some(ip), &device).unwrap_err().budget, Budget::KnownDeviceAddress);
    }
}
