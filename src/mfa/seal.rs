//! MFA secrets at rest. Mattermost stores a user's TOTP secret in clear, so a copy of its
//! database (a backup, a replica, a dump) lets anyone compute every user's codes. With an
//! operator key configured, this server stores each secret sealed instead: AES-256-GCM under
//! the key, a fresh random nonce per secret, and the user's id as associated data, so that a
//! sealed secret copied onto another user's row does not open. Without a key, secrets are
//! stored as Mattermost stores them (docs/security.md says so).
//!
//! Stored forms: a sealed secret is `sealed:v1:` then base64 of nonce ‖ ciphertext ‖ tag; any
//! other value is a secret in clear (so a key can be added to a running deployment: secrets
//! stored before it stay readable, and each is sealed when it is next generated).

use aes_gcm::aead::{Aead, Generate, KeyInit, Payload};
use aes_gcm::{Aes256Gcm, Nonce};
use data_encoding::BASE64;

/// The prefix of a sealed secret (and the version of its format).
const SEALED: &str = "sealed:v1:";
/// AES-GCM's nonce length.
const NONCE_BYTES: usize = 12;

/// The operator's key for MFA secrets: 32 bytes.
#[derive(Clone)]
pub struct SecretKey(Aes256Gcm);

impl std::fmt::Debug for SecretKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("SecretKey(..)")
    }
}

/// Why a stored secret could not be read.
#[derive(Debug, thiserror::Error)]
pub enum OpenError {
    #[error("the MFA secret is sealed, and no MFA key is configured")]
    NoKey,
    #[error("the MFA secret does not open with the configured key (another key, or altered)")]
    Refused,
}

impl SecretKey {
    /// A key from its text: 32 bytes in standard base64 (`openssl rand -base64 32`), surrounding
    /// whitespace ignored.
    pub fn parse(text: &str) -> Result<Self, String> {
        let bytes = BASE64
            .decode(text.trim().as_bytes())
            .map_err(|_| "the MFA key is not base64 (make one with `openssl rand -base64 32`)".to_string())?;
        let cipher = Aes256Gcm::new_from_slice(&bytes)
            .map_err(|_| format!("the MFA key is {} bytes; it must be 32", bytes.len()))?;
        Ok(SecretKey(cipher))
    }

    /// `secret` sealed for `user_id`.
    pub fn seal(&self, user_id: &str, secret: &str) -> String {
        let nonce = Nonce::generate();
        let payload = Payload { msg: secret.as_bytes(), aad: user_id.as_bytes() };
        // Encryption fails only past AES-GCM's length limit (64 GiB), far beyond a secret.
        let sealed = self.0.encrypt(&nonce, payload).expect("a short secret encrypts");
        let mut bytes = nonce.to_vec();
        bytes.extend_from_slice(&sealed);
        format!("{SEALED}{}", BASE64.encode(&bytes))
    }

    fn open_sealed(&self, user_id: &str, encoded: &str) -> Result<String, OpenError> {
        let bytes = BASE64.decode(encoded.as_bytes()).map_err(|_| OpenError::Refused)?;
        if bytes.len() < NONCE_BYTES {
            return Err(OpenError::Refused);
        }
        let (nonce, sealed) = bytes.split_at(NONCE_BYTES);
        let nonce = Nonce::try_from(nonce).map_err(|_| OpenError::Refused)?;
        let opened =
            self.0.decrypt(&nonce, Payload { msg: sealed, aad: user_id.as_bytes() }).map_err(|_| OpenError::Refused)?;
        String::from_utf8(opened).map_err(|_| OpenError::Refused)
    }
}

/// How a secret is stored for `user_id`: sealed under `key`, or (without one) in clear.
pub fn store_form(key: Option<&SecretKey>, user_id: &str, secret: &str) -> String {
    match key {
        Some(key) => key.seal(user_id, secret),
        None => secret.to_owned(),
    }
}

/// The secret a stored form holds.
pub fn open(key: Option<&SecretKey>, user_id: &str, stored: &str) -> Result<String, OpenError> {
    match (stored.strip_prefix(SEALED), key) {
        (None, _) => Ok(stored.to_owned()),
        (Some(_), None) => Err(OpenError::NoKey),
        (Some(encoded), Some(key)) => key.open_sealed(user_id, encoded),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(byte: u8) -> SecretKey {
        SecretKey::parse(&BASE64.encode(&[byte; 32])).unwrap()
    }

    #[test]
    fn a_sealed_secret_opens_only_for_its_user_under_its_key() {
        let stored = store_form(Some(&key(1)), "alice", "JBSWY3DPEHPK3PXP");
        assert!(stored.starts_with(SEALED) && !stored.contains("JBSWY3DPEHPK3PXP"));
        assert_eq!(open(Some(&key(1)), "alice", &stored).unwrap(), "JBSWY3DPEHPK3PXP");
        assert!(matches!(open(Some(&key(1)), "bob", &stored), Err(OpenError::Refused)));
        assert!(matches!(open(Some(&key(2)), "alice", &stored), Err(OpenError::Refused)));
        assert!(matches!(open(None, "alice", &stored), Err(OpenError::NoKey)));
        // A fresh nonce each time: the same secret never seals the same way twice.
        assert_ne!(stored, store_form(Some(&key(1)), "alice", "JBSWY3DPEHPK3PXP"));
    }

    #[test]
    fn secrets_in_clear_stay_readable_and_keys_are_checked() {
        assert_eq!(open(Some(&key(1)), "alice", "JBSWY3DPEHPK3PXP").unwrap(), "JBSWY3DPEHPK3PXP");
        assert_eq!(store_form(None, "alice", "JBSWY3DPEHPK3PXP"), "JBSWY3DPEHPK3PXP");
        assert!(SecretKey::parse("not base64!").is_err());
        assert!(SecretKey::parse(&BASE64.encode(&[0; 16])).unwrap_err().contains("16 bytes"));
        let tampered = format!("{SEALED}{}", BASE64.encode(&[0; 40]));
        assert!(matches!(open(Some(&key(1)), "alice", &tampered), Err(OpenError::Refused)));
    }
}
