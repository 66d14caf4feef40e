//! Mattermost's own password hashes, as an import carries them over
//! (`server/channels/app/password/hashers/`): bcrypt (`$2a$10$…`, every Mattermost before v11)
//! and PBKDF2-SHA256 (`$pbkdf2$f=SHA256,w=600000,l=32$<salt>$<hash>`, v11 on, salt and hash in
//! standard base64 without padding). Such a hash is only ever verified, once: the login that
//! verifies it re-hashes the password to argon2id ([`super::hash`]).
//!
//! Both of Mattermost's hashers refuse a password over 72 bytes (bcrypt's limit), so no such
//! password can match one of these hashes; it is refused without the work.

use data_encoding::BASE64_NOPAD;
use sha2::Sha256;
use subtle::ConstantTimeEq;

/// The longest password Mattermost's hashers take, in bytes.
const MAX_PASSWORD_BYTES: usize = 72;
/// More PBKDF2 rounds than this in a stored hash is not Mattermost's (600,000): refused, so that
/// a damaged or planted hash cannot make one login take minutes.
const MAX_ROUNDS: u32 = 10_000_000;

/// Whether `stored` is one of Mattermost's hashes (and not this server's own PHC string).
pub fn is_legacy(stored: &str) -> bool {
    stored.starts_with("$pbkdf2$") || is_bcrypt(stored)
}

fn is_bcrypt(stored: &str) -> bool {
    ["$2a$", "$2b$", "$2y$"].iter().any(|prefix| stored.starts_with(prefix))
}

/// Whether `password` matches Mattermost's hash `stored`; `false` for anything that is not one
/// (Mattermost reads a hash it cannot parse as bcrypt, which then fails too).
pub fn verify(password: &str, stored: &str) -> bool {
    let matched = match stored.strip_prefix("$pbkdf2$") {
        Some(rest) => verify_pbkdf2(password, rest).unwrap_or(false),
        // Up to 72 bytes, bcrypt's own cut drops only the NUL it appends (as Go's does): a
        // 72-byte password verifies, as in Mattermost (the crate's non-truncating check refuses
        // it).
        None => is_bcrypt(stored) && bcrypt::verify(password, stored).unwrap_or(false),
    };
    // Over 72 bytes is refused, after the same work: a quick refusal would tell which login
    // names hold an imported hash.
    matched && password.len() <= MAX_PASSWORD_BYTES
}

/// Whether `stored` is one of Mattermost's hashes in a form its hasher reads: what an import
/// keeps (anything else would lock its user out unseen: the import reports it instead).
pub fn is_readable(stored: &str) -> bool {
    match stored.strip_prefix("$pbkdf2$") {
        Some(rest) => parse_pbkdf2(rest).is_some(),
        None => is_bcrypt(stored) && bcrypt_is_well_formed(stored),
    }
}

/// `$2a$NN$` then 53 characters of bcrypt's base64 (22 of salt, 31 of hash), cost 4 to 31.
fn bcrypt_is_well_formed(stored: &str) -> bool {
    let cost = stored.get(4..6).and_then(|c| c.parse::<u32>().ok());
    stored.len() == 60
        && cost.is_some_and(|c| (4..=31).contains(&c))
        && stored.as_bytes()[6] == b'$'
        && stored[7..].bytes().all(|b| b.is_ascii_alphanumeric() || b == b'.' || b == b'/')
}

/// A PBKDF2 hash's parts: rounds, salt, expected key.
struct Pbkdf2 {
    rounds: u32,
    salt: Vec<u8>,
    expected: Vec<u8>,
}

/// `f=SHA256,w=<rounds>,l=<length>$<salt>$<hash>`; `None` when it does not parse.
fn parse_pbkdf2(rest: &str) -> Option<Pbkdf2> {
    let mut parts = rest.split('$');
    let (params, salt, hash) = (parts.next()?, parts.next()?, parts.next()?);
    if parts.next().is_some() {
        return None;
    }
    let (mut function, mut rounds, mut length) = (None, None, None);
    for pair in params.split(',') {
        match pair.split_once('=')? {
            ("f", f) => function = Some(f),
            ("w", w) => rounds = w.parse::<u32>().ok(),
            ("l", l) => length = l.parse::<usize>().ok(),
            _ => return None,
        }
    }
    let (rounds, length) = (rounds?, length?);
    if function? != "SHA256" || rounds == 0 || rounds > MAX_ROUNDS {
        return None;
    }
    let salt = BASE64_NOPAD.decode(salt.as_bytes()).ok()?;
    let expected = BASE64_NOPAD.decode(hash.as_bytes()).ok()?;
    if expected.len() != length || !(16..=64).contains(&length) {
        return None;
    }
    Some(Pbkdf2 { rounds, salt, expected })
}

/// Verifies a PBKDF2 hash (after `$pbkdf2$`); `None` when it does not parse.
fn verify_pbkdf2(password: &str, rest: &str) -> Option<bool> {
    let Pbkdf2 { rounds, salt, expected } = parse_pbkdf2(rest)?;
    let mut derived = vec![0u8; expected.len()];
    pbkdf2::pbkdf2_hmac::<Sha256>(password.as_bytes(), &salt, rounds, &mut derived);
    Some(bool::from(derived.ct_eq(&expected)))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A PBKDF2 hash made as Mattermost's hasher makes it.
    fn pbkdf2_hash(password: &str, salt: &[u8], rounds: u32) -> String {
        let mut out = [0u8; 32];
        pbkdf2::pbkdf2_hmac::<Sha256>(password.as_bytes(), salt, rounds, &mut out);
        format!("$pbkdf2$f=SHA256,w={rounds},l=32${}${}", BASE64_NOPAD.encode(salt), BASE64_NOPAD.encode(&out))
    }

    #[test]
    fn bcrypt_hashes_verify() {
        let stored = bcrypt::hash("old password", 4).unwrap().replacen("$2b$", "$2a$", 1);
        assert!(is_legacy(&stored) && is_readable(&stored));
        assert!(!is_readable(&stored[..59]) && !is_readable(&stored.replace("$04$", "$99$")));
        assert!(verify("old password", &stored));
        assert!(!verify("old passwore", &stored));
        // bcrypt would cut this at 72 bytes and match; Mattermost refuses it.
        let long = "x".repeat(80);
        let stored = bcrypt::hash(&long[..72], 4).unwrap();
        assert!(!verify(&long, &stored));
        assert!(verify(&long[..72], &stored));
    }

    #[test]
    fn pbkdf2_hashes_verify() {
        let stored = pbkdf2_hash("old password", b"sixteen byte slt", 1000);
        assert!(is_legacy(&stored));
        assert!(verify("old password", &stored));
        assert!(!verify("old passwore", &stored));
        for damaged in [
            stored.replace("SHA256", "SHA1"),
            stored.replace("l=32", "l=31"),
            stored.replace("w=1000", "w=0"),
            stored.replace("w=1000", "w=99999999"),
            format!("{stored}$"),
            "$pbkdf2$".to_owned(),
        ] {
            assert!(!verify("old password", &damaged), "{damaged}");
            assert!(!is_readable(&damaged), "{damaged}");
        }
        assert!(is_readable(&stored));
    }

    #[test]
    fn own_hashes_are_not_legacy() {
        assert!(!is_legacy("$argon2id$v=19$m=19456,t=2,p=1$abc$def"));
        assert!(!verify("x", "$argon2id$v=19$m=19456,t=2,p=1$abc$def"));
    }
}
