//! A sign-in in flight: what the server must remember between sending the browser to the
//! provider and the provider sending it back (Mattermost's `oauth` row in its Tokens table).
//!
//! Safer than Mattermost's (docs/security.md, "Single sign-on"):
//! - the `state` sent to the provider is 256 random bits and nothing else (Mattermost's is
//!   base64 JSON a return must parse): a return whose state is not exactly that shape is
//!   refused before anything is read;
//! - the store keeps the state's hash, so a copy of the table holds no usable state;
//! - it is bound to the browser that started it by the `MMOAUTH` cookie (its hash kept beside
//!   the state), taken once (deleted as it is read, on any node), and lives 10 minutes;
//! - it carries the PKCE verifier (S256) and the OpenID Connect `nonce`, so a code or an ID
//!   token stolen from another sign-in is useless here.

use data_encoding::BASE64URL_NOPAD;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use crate::domain::TokenHash;

/// How long a sign-in may take at the provider.
pub const LIFETIME_MS: i64 = 10 * 60 * 1000;

/// What the sign-in is for (Mattermost's `action`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Action {
    /// `/oauth/{service}/login`: an account, found or made.
    Login,
    /// `/oauth/{service}/signup`: the same, started from a sign-up link.
    Signup,
    /// `/oauth/{service}/mobile_login`: the mobile app's flow.
    Mobile,
}

/// What is stored for a sign-in in flight.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SignIn {
    pub service: String,
    pub action: Action,
    /// Where the browser goes afterwards, as checked when the sign-in started ("": the page).
    pub redirect_to: String,
    /// SHA-256 of the `MMOAUTH` cookie's value, base64url.
    pub browser: String,
    /// The PKCE code verifier.
    pub verifier: String,
    /// The OpenID Connect `nonce`.
    pub nonce: String,
}

/// A sign-in just started: the state for the provider, the cookie for the browser, what to
/// store.
pub struct Started {
    pub state: String,
    pub cookie: String,
    pub sign_in: SignIn,
}

/// 256 random bits, base64url (43 characters).
fn random() -> String {
    let mut bytes = [0u8; 32];
    getrandom::fill(&mut bytes).expect("the OS random source works");
    BASE64URL_NOPAD.encode(&bytes)
}

fn digest(text: &str) -> String {
    BASE64URL_NOPAD.encode(&Sha256::digest(text.as_bytes()))
}

impl SignIn {
    /// A new sign-in to `service`, for `action`, then to `redirect_to`.
    pub fn start(service: &str, action: Action, redirect_to: String) -> Started {
        let (state, cookie) = (random(), random());
        let sign_in = SignIn {
            service: service.to_owned(),
            action,
            redirect_to,
            browser: digest(&cookie),
            verifier: random(),
            nonce: random(),
        };
        Started { state, cookie, sign_in }
    }

    /// The PKCE code challenge (S256) of the verifier.
    pub fn challenge(&self) -> String {
        digest(&self.verifier)
    }

    /// Whether `cookie` is the browser's that started it (constant time: compared as hashes).
    pub fn started_by(&self, cookie: Option<&str>) -> bool {
        let Some(cookie) = cookie.filter(|c| is_random(c)) else { return false };
        let (a, b) = (digest(cookie), &self.browser);
        a.len() == b.len() && a.bytes().zip(b.bytes()).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
    }

    /// As stored.
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).expect("strings serialise")
    }

    /// As stored; `None` for anything else.
    pub fn from_json(text: &str) -> Option<SignIn> {
        serde_json::from_str(text).ok()
    }
}

/// Whether `value` has the shape [`random`] gives: 43 characters of base64url.
fn is_random(value: &str) -> bool {
    value.len() == 43 && value.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

/// The key a returned `state` is stored under; `None` when it is not a state this server makes.
pub fn key(state: &str) -> Option<TokenHash> {
    is_random(state).then(|| TokenHash::of(state))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn states_are_random_strict_and_bound_to_their_cookie() {
        let a = SignIn::start("openid", Action::Login, "/x".into());
        let b = SignIn::start("openid", Action::Login, String::new());
        assert_ne!(a.state, b.state);
        assert!(key(&a.state).is_some());
        for bad in
            ["", "abc", &format!("{}=", &a.state[..42]), &format!("{} ", &a.state[..42]), &format!("{}A", a.state)]
        {
            assert!(key(bad).is_none(), "{bad:?}");
        }
        assert!(a.sign_in.started_by(Some(&a.cookie)));
        assert!(!a.sign_in.started_by(Some(&b.cookie)));
        assert!(!a.sign_in.started_by(None));
        assert!(!a.sign_in.started_by(Some("")));
        let stored = SignIn::from_json(&a.sign_in.to_json()).unwrap();
        assert_eq!(stored, a.sign_in);
        assert!(SignIn::from_json(&a.sign_in.to_json().replace("\"nonce\"", "\"extra\":1,\"nonce\"")).is_none());
        // RFC 7636's appendix B example.
        let pkce = SignIn { verifier: "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk".into(), ..a.sign_in };
        assert_eq!(pkce.challenge(), "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM");
    }
}
