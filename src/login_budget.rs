//! The login budgets: how many password (and code) checks anyone may make before one is
//! verified, so that nobody can guess at line rate, and nobody can lock an account's owner out.
//!
//! Each check spends from two budgets, both spent before any password is verified:
//!
//! - **the client address's** (`--login-rate-ip`, 60 a minute): bounds each client, whatever it
//!   names;
//! - **one that says who may be guessing**: a login from a device the account signed in from
//!   before (a valid device cookie, [`crate::known_device`]) spends **that device's** budget; any
//!   other login naming an account spends **the account's** (`--login-rate-account`, 20 a
//!   minute, whichever of its names — username, email, id — is typed); a check within a session
//!   (a password change) spends **that session's**, and an MFA code within a session **the
//!   session's code budget** (`MaximumLoginAttempts` an hour).
//!
//! So an outsider, who has neither a device cookie nor a session of the account, gets at most
//! 20 guesses a minute at an account through any mix of its names; spending them does not stop
//! the owner, whose browser or app holds a device cookie (OWASP's device-cookie pattern); and an
//! unknown device waits at most the budget's window once the outsider stops. Why, and what it
//! costs, is in docs/security.md ("Login budgets").
//!
//! GCRA via `governor`: a budget of N per minute allows a burst of N, then one check every 60/N
//! seconds. Time is the service's [`Clock`]'s monotonic instant, which tests can move.

use std::net::IpAddr;
use std::num::NonZeroU32;
use std::time::Duration;

use governor::middleware::NoOpMiddleware;
use governor::state::keyed::DefaultKeyedStateStore;
use governor::{Quota, RateLimiter};

use crate::domain::{Clock, Id, SessionId};
use crate::known_device::KnownDevice;

/// Which budget a check spent from, as metrics and log lines name it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Budget {
    Address,
    Account,
    Device,
    Session,
    SessionCode,
}

impl Budget {
    /// The `budget` label of `mm_sessions_login_rejections_total`.
    pub fn as_str(self) -> &'static str {
        match self {
            Budget::Address => "address",
            Budget::Account => "account",
            Budget::Device => "device",
            Budget::Session => "session",
            Budget::SessionCode => "session_code",
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
    /// Checks a minute per client address.
    pub per_address_per_minute: NonZeroU32,
    /// Checks a minute per account from unknown devices, per known device, and per session.
    pub per_account_per_minute: NonZeroU32,
    /// MFA codes an hour per session (`MaximumLoginAttempts`).
    pub session_codes_per_hour: NonZeroU32,
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
    per_account: Limiter<Id>,
    per_device: Limiter<String>,
    per_session: Limiter<SessionId>,
    per_session_code: Limiter<SessionId>,
}

impl LoginBudgets {
    pub fn new(sizes: BudgetSizes, clock: Clock) -> Self {
        let clock = BudgetClock(clock);
        let per_minute = Quota::per_minute(sizes.per_account_per_minute);
        LoginBudgets {
            per_address: keyed(Quota::per_minute(sizes.per_address_per_minute), &clock),
            per_account: keyed(per_minute, &clock),
            per_device: keyed(per_minute, &clock),
            per_session: keyed(per_minute, &clock),
            per_session_code: keyed(Quota::per_hour(sizes.session_codes_per_hour), &clock),
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

    /// One login from a device the account signed in from before: from that device's budget.
    pub fn spend_device(&self, device: &KnownDevice) -> Result<(), Spent> {
        self.spend(&self.per_device, &device.key().to_owned(), Budget::Device)
    }

    /// One password check within a session (a password change): from the session's budget.
    pub fn spend_session(&self, session: &SessionId) -> Result<(), Spent> {
        self.spend(&self.per_session, session, Budget::Session)
    }

    /// One MFA code checked within a session: from the session's code budget.
    pub fn spend_session_code(&self, session: &SessionId) -> Result<(), Spent> {
        self.spend(&self.per_session_code, session, Budget::SessionCode)
    }

    /// Drops the state of keys that are back to a full budget, so that memory does not grow
    /// with every address, account, device and session ever seen.
    pub fn forget_idle(&self) {
        fn forget<K: std::hash::Hash + Eq + Clone>(limiter: &Limiter<K>) {
            limiter.retain_recent();
            limiter.shrink_to_fit();
        }
        forget(&self.per_address);
        forget(&self.per_account);
        forget(&self.per_device);
        forget(&self.per_session);
        forget(&self.per_session_code);
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

    fn budgets(address: u32, account: u32) -> LoginBudgets {
        let sizes = BudgetSizes {
            per_address_per_minute: n(address),
            per_account_per_minute: n(account),
            session_codes_per_hour: n(2),
        };
        LoginBudgets::new(sizes, Clock::frozen())
    }

    #[test]
    fn each_budget_runs_out_on_its_own() {
        let budgets = budgets(5, 3);
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
        let clock = Clock::frozen();
        let sizes =
            BudgetSizes { per_address_per_minute: n(1), per_account_per_minute: n(3), session_codes_per_hour: n(1) };
        let budgets = LoginBudgets::new(sizes, clock.clone());
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
    fn a_session_has_budgets_of_its_own() {
        let budgets = budgets(100, 1);
        let (mine, stolen) = (SessionId::generate(), SessionId::generate());
        assert!(budgets.spend_session(&stolen).is_ok());
        assert_eq!(budgets.spend_session(&stolen).unwrap_err().budget, Budget::Session);
        assert!(budgets.spend_session(&mine).is_ok(), "one session's guesses do not spend another's");
        assert!(budgets.spend_session_code(&stolen).is_ok());
        assert!(budgets.spend_session_code(&stolen).is_ok());
        let spent = budgets.spend_session_code(&stolen).unwrap_err();
        assert_eq!(spent.budget, Budget::SessionCode);
        assert!(spent.wait > Duration::from_secs(60), "codes are counted by the hour: {spent:?}");
    }
}
