//! TOTP codes as Mattermost checks them (`platform/shared/mfa/mfa.go`, with `dgoogauth`):
//! HMAC-SHA1 over 30-second steps, 6 digits, the step before and after the current one
//! accepted. The arithmetic is the `totp-rs` crate's; what is Mattermost's here is the reading of
//! a code and the shape of the secret and of the URI.

use data_encoding::BASE32_NOPAD;
use percent_encoding::{utf8_percent_encode, AsciiSet, NON_ALPHANUMERIC};
use totp_rs::{Algorithm, Builder};

/// Seconds a code lives.
pub const STEP_SECS: u64 = 30;
/// Steps accepted either side of the current one (`WindowSize: 3`).
pub const SKEW_STEPS: u64 = 1;
/// Random bytes in a new secret (`mfaSecretSize`).
const SECRET_BYTES: usize = 20;

/// What a code is, checked against a secret at a time.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Code {
    /// Not a code at all (Mattermost: `mfa.validate_token.authenticate.app_error` at login):
    /// empty, or anything but 6 digits or an 8-digit scratch code.
    Malformed,
    /// A code, not the secret's for any accepted step (an 8-digit scratch code is always one:
    /// Mattermost configures none).
    Wrong,
    /// The secret's code for this time step.
    Step(u64),
}

/// A new secret: 20 random bytes in base32, 32 characters (Mattermost's).
pub fn new_secret() -> String {
    let mut bytes = [0u8; SECRET_BYTES];
    getrandom::fill(&mut bytes).expect("the OS random source answers");
    BASE32_NOPAD.encode(&bytes)
}

/// `code` (as typed: surrounding whitespace is ignored) against `secret` (base32) at `now_secs`.
/// `Err`: the secret itself is unusable (a stored value that is not one).
pub fn check(secret: &str, code: &str, now_secs: u64) -> Result<Code, String> {
    let code = code.trim();
    let digits = code.bytes().all(|b| b.is_ascii_digit());
    match (code.len(), code.as_bytes().first()) {
        (6, Some(_)) if digits => {}
        (8, Some(b'1'..=b'9')) if digits => return Ok(Code::Wrong),
        _ => return Ok(Code::Malformed),
    }
    Ok(totp(secret)?.check(code, now_secs).map_or(Code::Wrong, Code::Step))
}

/// The code an authenticator app shows for `secret` at `secs` (the tests' and a script's).
pub fn code_at(secret: &str, secs: u64) -> Result<String, String> {
    Ok(totp(secret)?.generate(secs).to_string())
}

/// Mattermost's TOTP of a base32 secret.
fn totp(secret: &str) -> Result<totp_rs::Totp, String> {
    let bytes = BASE32_NOPAD
        .decode(secret.trim_end_matches('=').as_bytes())
        .map_err(|e| format!("the stored MFA secret is not base32: {e}"))?;
    Builder::new()
        .with_algorithm(Algorithm::SHA1)
        .with_digits(6)
        .with_skew(u16::try_from(SKEW_STEPS).unwrap_or(1))
        .with_step_duration(STEP_SECS)
        .with_secret(bytes)
        .build()
        .map_err(|e| format!("the stored MFA secret is unusable: {e}"))
}

/// The step `now_secs` falls in.
pub fn step_at(now_secs: u64) -> u64 {
    now_secs / STEP_SECS
}

/// Go's `url.QueryEscape`: everything but letters, digits and `-_.~` escaped (a space as `+`).
const QUERY_ESCAPE: &AsciiSet = &NON_ALPHANUMERIC.remove(b'-').remove(b'_').remove(b'.').remove(b'~');

/// The issuer an authenticator app shows, from `SiteURL` (Mattermost's `getIssuerFromURL`):
/// without the scheme and `www.`, query-escaped; `Mattermost` when there is no site URL.
pub fn issuer(site_url: &str) -> String {
    let trimmed = site_url.trim();
    if trimmed.is_empty() {
        return "Mattermost".to_owned();
    }
    let host = trimmed.strip_prefix("https://").unwrap_or(trimmed);
    let host = host.strip_prefix("http://").unwrap_or(host);
    let host = host.strip_prefix("www.").unwrap_or(host);
    utf8_percent_encode(host, QUERY_ESCAPE).to_string().replace("%20", "+")
}

/// The URI the QR code holds, exactly as Mattermost writes it (the email unescaped, no algorithm,
/// digits or period: the defaults are this server's).
pub fn otpauth_uri(site_url: &str, email: &str, secret: &str) -> String {
    let issuer = issuer(site_url);
    format!("otpauth://totp/{issuer}:{email}?secret={secret}&issuer={issuer}")
}

#[cfg(test)]
mod tests {
    use super::*;

    /// RFC 6238's SHA-1 key, "12345678901234567890", in base32.
    const RFC_SECRET: &str = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";

    #[test]
    fn codes_are_rfc_6238_with_one_step_either_side() {
        // RFC 6238 appendix B: at 59 s the 8-digit code is 94287082; its last 6 digits.
        assert_eq!(check(RFC_SECRET, "287082", 59).unwrap(), Code::Step(1));
        assert_eq!(check(RFC_SECRET, " 287082\n", 59 + 30).unwrap(), Code::Step(1), "the step before, trimmed");
        assert_eq!(check(RFC_SECRET, "287082", 59 + 60).unwrap(), Code::Wrong, "two steps late");
        // At 1111111109 s: 07081804.
        assert_eq!(check(RFC_SECRET, "081804", 1_111_111_109).unwrap(), Code::Step(1_111_111_109 / 30));
    }

    #[test]
    fn a_code_is_read_as_mattermost_reads_it() {
        for malformed in ["", "12345", "1234567", "12a456", "+12345", "abcdef", "012345678", "01234567"] {
            assert_eq!(check(RFC_SECRET, malformed, 59).unwrap(), Code::Malformed, "{malformed:?}");
        }
        assert_eq!(check(RFC_SECRET, "12345678", 59).unwrap(), Code::Wrong, "a scratch code: none configured");
        assert_eq!(check(RFC_SECRET, "000000", 59).unwrap(), Code::Wrong);
        assert!(check("not base32!", "123456", 59).is_err());
        assert_eq!(code_at(RFC_SECRET, 59).unwrap(), "287082");
    }

    #[test]
    fn secrets_and_uris_are_mattermosts() {
        let secret = new_secret();
        assert_eq!(secret.len(), 32);
        assert!(BASE32_NOPAD.decode(secret.as_bytes()).unwrap().len() == 20);
        assert_ne!(secret, new_secret());
        assert_eq!((issuer(""), issuer("  ")), ("Mattermost".into(), "Mattermost".into()));
        assert_eq!(issuer(" https://www.chat.example.com/team "), "chat.example.com%2Fteam");
        assert_eq!(issuer("http://example.com:8065"), "example.com%3A8065");
        assert_eq!(
            otpauth_uri("", "a+b@example.com", "ABC"),
            "otpauth://totp/Mattermost:a+b@example.com?secret=ABC&issuer=Mattermost"
        );
    }
}
