//! Known devices: OWASP's device cookies ("Slow Down Online Guessing Attacks with Device
//! Cookies"). A successful login hands the browser or app a cookie that proves it signed in to
//! that account before; a later login that presents it spends the device's own login budget,
//! not the account's, so an outsider who spends the account's budget guessing does not lock the
//! owner out ([`crate::login_budget`]).
//!
//! The cookie is `user id . issued (Unix seconds) . nonce . HMAC-SHA-256`, and the MAC's key is
//! the user's stored password hash (argon2id's PHC string: its salt and output are secret to the
//! server). Why that key:
//!
//! - nothing to set up or share: every node reads the same user row, so a cookie issued by one
//!   node is known to all, across restarts, with no new table and no operator secret;
//! - a password change forgets every known device of the account at once (a device that signed
//!   in while the password was stolen is not trusted after the owner changes it);
//! - an outsider cannot forge one: without the database they do not have the hash, and with
//!   the password alone they do not have its salt. Someone who has a copy of the database can
//!   forge one, which buys them a budget of guesses at a password whose hash they already hold:
//!   nothing they could not do offline.
//!
//! A cookie is good for [`LIFETIME_SECS`]; each login hands out a fresh one. Each account has a
//! cookie of its own name (`MMDEVICE_<user id>`, [`crate::http::cookies::device`]), so signing in
//! to another account in the same browser (or being made to, by a forged cross-site login) does
//! not replace the owner's; a login tries every device cookie it is sent, up to
//! [`MAX_COOKIES_TRIED`].

use hmac::{Hmac, Mac};
use sha2::Sha256;

use crate::domain::{Id, User};

/// How long a device stays known without signing in again: 180 days.
pub const LIFETIME_SECS: i64 = 180 * 86_400;

/// The most device cookies one login tries (a browser signed in to many accounts sends each).
pub const MAX_COOKIES_TRIED: usize = 16;

/// Clocks of nodes may differ: a cookie issued this far in the future still counts.
const CLOCK_MARGIN_SECS: i64 = 300;

/// What the MAC covers before the cookie's fields, so that no other HMAC under the same key
/// could be taken for a device cookie.
const CONTEXT: &[u8] = b"mm-sessions known device v1\0";

/// A device cookie that verified for the account it names.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct KnownDevice {
    nonce: String,
}

impl KnownDevice {
    /// The key of the device's login budget.
    pub fn key(&self) -> &str {
        &self.nonce
    }

    #[cfg(test)]
    pub(crate) fn for_tests(nonce: &str) -> Self {
        KnownDevice { nonce: nonce.to_owned() }
    }
}

/// The device the first of `cookies` (at most [`MAX_COOKIES_TRIED`]) that verifies for `user`
/// proves.
pub fn find(cookies: &[String], user: &User, now_ms: i64) -> Option<KnownDevice> {
    cookies.iter().take(MAX_COOKIES_TRIED).find_map(|cookie| verify(cookie, user, now_ms))
}

/// A new device cookie for `user`, issued at `now_ms`; `None` for a user without a password
/// (nothing to sign with, and no password to guess).
pub fn issue(user: &User, now_ms: i64) -> Option<String> {
    let key = user.password_hash.as_deref()?;
    let issued = now_ms.div_euclid(1000);
    let nonce = Id::generate().into_string();
    let mac = mac(key, user.id.as_str(), issued, &nonce).finalize().into_bytes();
    Some(format!("{}.{issued}.{nonce}.{}", user.id, data_encoding::BASE64URL_NOPAD.encode(&mac)))
}

/// The device `cookie` proves, if it was issued for `user` under their current password, within
/// [`LIFETIME_SECS`] of `now_ms`.
pub fn verify(cookie: &str, user: &User, now_ms: i64) -> Option<KnownDevice> {
    let key = user.password_hash.as_deref()?;
    let mut fields = cookie.split('.');
    let (user_id, issued, nonce, tag) = (fields.next()?, fields.next()?, fields.next()?, fields.next()?);
    if fields.next().is_some() || user_id != user.id.as_str() || !crate::domain::id::is_valid(nonce) {
        return None;
    }
    if issued.is_empty() || !issued.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let issued: i64 = issued.parse().ok()?;
    let age = now_ms.div_euclid(1000).checked_sub(issued)?;
    if !(-CLOCK_MARGIN_SECS..=LIFETIME_SECS).contains(&age) {
        return None;
    }
    let tag = data_encoding::BASE64URL_NOPAD.decode(tag.as_bytes()).ok()?;
    mac(key, user_id, issued, nonce).verify_slice(&tag).ok()?;
    Some(KnownDevice { nonce: nonce.to_owned() })
}

fn mac(key: &str, user_id: &str, issued: i64, nonce: &str) -> Hmac<Sha256> {
    let mut mac = Hmac::<Sha256>::new_from_slice(key.as_bytes()).expect("HMAC takes a key of any length");
    mac.update(CONTEXT);
    mac.update(format!("{user_id}.{issued}.{nonce}").as_bytes());
    mac
}

#[cfg(test)]
mod tests {
    use super::*;

    fn user(hash: &str) -> User {
        let new = crate::domain::user::NewUser {
            username: "alice".into(),
            email: "alice@example.com".into(),
            roles: vec!["system_user".into()],
        };
        let mut user = new.validate(Id::generate(), NOW).unwrap();
        user.password_hash = Some(hash.to_owned());
        user
    }

    const NOW: i64 = 1_800_000_000_000;

    #[test]
    fn a_cookie_verifies_for_its_user_under_their_password_for_its_lifetime() {
        let alice = user("$argon2id$one");
        let cookie = issue(&alice, NOW).unwrap();
        let known = verify(&cookie, &alice, NOW).expect("the cookie just issued");
        assert_eq!(verify(&cookie, &alice, NOW + LIFETIME_SECS * 1000), Some(known.clone()));
        assert_eq!(verify(&cookie, &alice, NOW + (LIFETIME_SECS + 1) * 1000), None, "too old");
        assert_eq!(verify(&cookie, &alice, NOW - 3600 * 1000), None, "from the future");
        let mut changed = alice.clone();
        changed.password_hash = Some("$argon2id$two".into());
        assert_eq!(verify(&cookie, &changed, NOW), None, "a password change forgets the device");
        let mut bob = user("$argon2id$one");
        bob.id = Id::generate();
        assert_eq!(verify(&cookie, &bob, NOW), None, "another user's cookie");
        let other = issue(&alice, NOW).unwrap();
        assert_ne!(verify(&other, &alice, NOW), Some(known.clone()), "each login a device of its own");
        let bobs = issue(&bob, NOW).unwrap();
        assert_eq!(find(&[bobs, "junk".into(), cookie.clone()], &alice, NOW), Some(known), "the account's own");
        let many: Vec<String> = (0..MAX_COOKIES_TRIED).map(|_| "junk".to_owned()).chain([cookie]).collect();
        assert_eq!(find(&many, &alice, NOW), None, "beyond the cookies tried");
    }

    #[test]
    fn a_forged_or_garbled_cookie_is_not_known() {
        let alice = user("$argon2id$one");
        let cookie = issue(&alice, NOW).unwrap();
        let fields: Vec<&str> = cookie.split('.').collect();
        let later = format!("{}.{}.{}.{}", fields[0], NOW / 1000 + 10, fields[2], fields[3]);
        let other_nonce = format!("{}.{}.{}.{}", fields[0], fields[1], Id::generate(), fields[3]);
        let plus = format!("{}.+{}.{}.{}", fields[0], fields[1], fields[2], fields[3]);
        for forged in
            [later, other_nonce, plus, format!("{cookie}.x"), String::new(), "a.b.c.d".into(), cookie[1..].into()]
        {
            assert_eq!(verify(&forged, &alice, NOW), None, "{forged}");
        }
        let mut no_password = alice.clone();
        no_password.password_hash = None;
        assert_eq!(issue(&no_password, NOW), None);
        assert_eq!(verify(&cookie, &no_password, NOW), None);
    }
}
