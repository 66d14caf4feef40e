//! Session tokens and the only form in which they are stored: their SHA-256.
//!
//! A token is 128 random bits written like a Mattermost id (26 characters), so clients that
//! check its shape accept it. The server keeps `sha256(token)` only: a copy of the database holds
//! nothing that authenticates. This is stricter than Mattermost, which stores tokens in clear.

use std::fmt;

use sha2::{Digest, Sha256};

use super::id::{encode, random_bytes};

/// A bearer token, as handed to the client once. Its `Debug` never shows the secret.
#[derive(Clone, PartialEq, Eq)]
pub struct Token(String);

impl Token {
    /// A fresh random token.
    pub fn generate() -> Self {
        Token(encode(&random_bytes()))
    }

    /// The secret text, for the one response (or CLI output) that hands it out.
    pub fn expose(&self) -> &str {
        &self.0
    }

    /// The hash under which the session is stored.
    pub fn hash(&self) -> TokenHash {
        TokenHash::of(&self.0)
    }
}

impl fmt::Debug for Token {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Token(<redacted>)")
    }
}

/// SHA-256 of a token's text.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct TokenHash(pub [u8; 32]);

impl TokenHash {
    /// Hashes whatever a client presented (valid or not).
    pub fn of(presented: &str) -> Self {
        TokenHash(Sha256::digest(presented.as_bytes()).into())
    }
}

impl fmt::Debug for TokenHash {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("TokenHash(..)")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_are_random_and_hash_stably() {
        let (a, b) = (Token::generate(), Token::generate());
        assert_ne!(a, b);
        assert_eq!(a.expose().len(), 26);
        assert_eq!(a.hash(), TokenHash::of(a.expose()));
        assert_ne!(a.hash(), b.hash());
        assert!(!format!("{a:?}").contains(a.expose()));
    }
}
