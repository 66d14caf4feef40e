//! Password hashing: argon2id with the `argon2` crate's defaults (RFC 9106's second
//! recommendation), stored as PHC strings. Hashing is deliberately slow, so it runs on tokio's
//! blocking pool, never on an async worker.
//!
//! A login for an unknown user verifies against a dummy hash, so that it costs the same time as
//! a wrong password and response times do not reveal which users exist.
//!
//! Hashes imported from Mattermost (bcrypt, PBKDF2: [`legacy`]) verify too, once: the login that
//! verifies one stores the argon2id hash of the same password in its place ([`needs_rehash`]).
//!
//! Each hash needs a 19 MiB block. At most one hash per core runs at a time (a login flood
//! queues instead of starving everything else), and [`return_memory_to_the_os`] keeps glibc
//! from hoarding the blocks.

use std::sync::LazyLock;

use anyhow::Context as _;
use argon2::password_hash::{rand_core::OsRng, PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use argon2::Argon2;

pub mod legacy;

/// The shortest password the admin CLI accepts.
pub const MIN_LENGTH: usize = 8;
/// The longest: argon2 takes any length, but unbounded input is a denial-of-service lever.
pub const MAX_LENGTH: usize = 256;

/// One hash per core at a time.
static HASHING: LazyLock<tokio::sync::Semaphore> =
    LazyLock::new(|| tokio::sync::Semaphore::new(std::thread::available_parallelism().map_or(2, |n| n.get())));

/// glibc's malloc raises its mmap threshold once such a block is freed; from then on every
/// blocking thread's arena keeps a 19 MiB block it never returns (the soak test saw RSS climb
/// from 35 to 700 MiB in 20 s). Pinning the threshold at 1 MiB makes each block a fresh
/// mapping, unmapped on free. Call once at start-up, before threads start.
pub fn return_memory_to_the_os() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: mallopt only changes a malloc tuning parameter; called before other threads run.
    unsafe {
        libc::mallopt(libc::M_MMAP_THRESHOLD, 1 << 20);
    }
}

static DUMMY_HASH: LazyLock<String> =
    LazyLock::new(|| hash_now("a password nobody has, to spend a verification's time").unwrap_or_default());

fn hash_now(password: &str) -> anyhow::Result<String> {
    let salt = SaltString::generate(&mut OsRng);
    Ok(Argon2::default()
        .hash_password(password.as_bytes(), &salt)
        .map_err(|e| anyhow::anyhow!("argon2: {e}"))?
        .to_string())
}

fn verify_now(password: &str, phc: &str) -> bool {
    if legacy::is_legacy(phc) {
        return legacy::verify(password, phc);
    }
    PasswordHash::new(phc).is_ok_and(|parsed| Argon2::default().verify_password(password.as_bytes(), &parsed).is_ok())
}

/// Hashes a password for storage.
pub async fn hash(password: String) -> anyhow::Result<String> {
    let _turn = HASHING.acquire().await.context("hashing closed")?;
    tokio::task::spawn_blocking(move || hash_now(&password)).await.context("hashing task failed")?
}

/// Whether `password` matches `phc`; with `None` (no such user, or no password set) it spends
/// the same time on a dummy hash and answers `false`.
pub async fn verify(password: String, phc: Option<String>) -> bool {
    let Ok(_turn) = HASHING.acquire().await else { return false };
    tokio::task::spawn_blocking(move || match phc {
        Some(phc) => verify_now(&password, &phc),
        None => {
            verify_now(&password, &DUMMY_HASH);
            false
        }
    })
    .await
    .unwrap_or(false)
}

/// Spends as long as verifying a password against `stored` would, and answers nothing: for a
/// refusal that must take as long as a wrong password for this user. An imported hash costs a
/// bcrypt's or PBKDF2's time, not argon2id's, so it is verified (its answer dropped); anything
/// else spends the dummy argon2id verification.
pub async fn spend(password: String, stored: Option<String>) {
    verify(password, stored.filter(|h| needs_rehash(h))).await;
}

/// Whether a stored hash is not this server's own (an imported one): the login that verifies it
/// hashes the password again ([`hash`]) and stores that instead.
pub fn needs_rehash(stored: &str) -> bool {
    legacy::is_legacy(stored)
}

/// Computes the dummy hash ahead of the first login (at start-up), so that the first unknown
/// user's login does not take twice as long as later ones.
pub fn warm_up() {
    LazyLock::force(&DUMMY_HASH);
}

/// Checks a new password's length, in characters: `Err(true)` when it is too short,
/// `Err(false)` when it is too long.
pub fn check_length(password: &str) -> Result<(), bool> {
    let len = password.chars().count();
    if (MIN_LENGTH..=MAX_LENGTH).contains(&len) {
        Ok(())
    } else {
        Err(len < MIN_LENGTH)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn hashes_verify_and_are_salted() {
        let a = hash("correct horse".into()).await.unwrap();
        let b = hash("correct horse".into()).await.unwrap();
        assert!(a.starts_with("$argon2id$"));
        assert_ne!(a, b, "salted");
        assert!(verify("correct horse".into(), Some(a.clone())).await);
        assert!(!verify("wrong horse".into(), Some(a)).await);
        assert!(!verify("correct horse".into(), None).await);
        assert!(!verify("x".into(), Some("not a phc string".into())).await);
    }
}
