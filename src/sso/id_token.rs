//! An OpenID Connect ID token, checked as the specification says (OpenID Connect Core §3.1.3.7):
//! signed by a key the provider publishes (asymmetric algorithms only: `none` and the
//! shared-secret HMAC ones are refused), issued by the provider's issuer, for this client,
//! unexpired, and carrying the `nonce` this sign-in sent. Why a token fails is said (for the
//! log); the browser gets one answer.

use jsonwebtoken::{Algorithm, DecodingKey, Validation};
use serde::Deserialize;

/// The algorithms a provider may sign with.
const ALGORITHMS: &[Algorithm] = &[
    Algorithm::RS256,
    Algorithm::RS384,
    Algorithm::RS512,
    Algorithm::PS256,
    Algorithm::PS384,
    Algorithm::PS512,
    Algorithm::ES256,
    Algorithm::ES384,
    Algorithm::EdDSA,
];

/// Clocks differ: this much slack on `exp` and `iat`.
const LEEWAY_SECS: i64 = 60;

/// The claims read from a checked ID token.
#[derive(Clone, Debug, Deserialize)]
pub struct Claims {
    pub sub: String,
    pub exp: i64,
    #[serde(default)]
    pub iat: Option<i64>,
    #[serde(default)]
    pub nonce: Option<String>,
    /// One audience or several.
    #[serde(default)]
    pub aud: Option<serde_json::Value>,
    #[serde(default)]
    pub azp: Option<String>,
    #[serde(default)]
    pub email: Option<String>,
    #[serde(default)]
    pub email_verified: Option<serde_json::Value>,
    #[serde(default)]
    pub preferred_username: Option<String>,
    #[serde(default)]
    pub nickname: Option<String>,
}

/// What a token is checked against.
pub struct Expected<'a> {
    pub issuer: &'a str,
    pub client_id: &'a str,
    pub nonce: &'a str,
    /// Seconds since the epoch.
    pub now: i64,
}

/// The token's key id and algorithm, read before the key is chosen; refused when the
/// algorithm is not one a provider may sign with.
pub fn header(token: &str) -> Result<(Option<String>, Algorithm), String> {
    let header = jsonwebtoken::decode_header(token).map_err(|e| format!("unreadable header: {e}"))?;
    if !ALGORITHMS.contains(&header.alg) {
        return Err(format!("{:?} is not an algorithm a provider signs ID tokens with here", header.alg));
    }
    Ok((header.kid, header.alg))
}

/// Checks `token`, signed with `alg` by `key`, against `expected`.
pub fn check(token: &str, alg: Algorithm, key: &DecodingKey, expected: &Expected<'_>) -> Result<Claims, String> {
    let mut validation = Validation::new(alg);
    validation.set_issuer(&[expected.issuer]);
    validation.set_audience(&[expected.client_id]);
    validation.set_required_spec_claims(&["iss", "aud", "sub", "exp"]);
    // Expiry against the service's clock (below), not the crate's.
    validation.validate_exp = false;
    let data = jsonwebtoken::decode::<Claims>(token, key, &validation).map_err(|e| format!("{e}"))?;
    let claims = data.claims;
    if claims.exp + LEEWAY_SECS < expected.now {
        return Err("expired".to_owned());
    }
    if claims.iat.is_some_and(|iat| iat > expected.now + LEEWAY_SECS) {
        return Err("issued in the future".to_owned());
    }
    // Core §3.1.3.7: a token for several audiences must name us as the party it was issued to.
    let audiences = claims.aud.as_ref().and_then(|a| a.as_array()).map_or(1, Vec::len);
    if audiences > 1 && claims.azp.as_deref() != Some(expected.client_id) {
        return Err("several audiences and no azp naming this client".to_owned());
    }
    if claims.nonce.as_deref() != Some(expected.nonce) {
        return Err("not this sign-in's nonce".to_owned());
    }
    // The account's `auth_data` (Mattermost's column holds 128).
    if claims.sub.is_empty() || claims.sub.chars().count() > 128 {
        return Err("no usable subject".to_owned());
    }
    Ok(claims)
}

#[cfg(test)]
mod tests {
    use jsonwebtoken::{EncodingKey, Header};
    use serde_json::json;

    use super::*;

    /// Test keys (P-256), made for these tests only.
    const KEY: &str = "-----BEGIN PRIVATE KEY-----
MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQgM1k4RkMoikTYi7Mz
qzFQC+R967lnpTmLXH2l0HfOXTKhRANCAARQh+4xhME3/1InkxBtXwmYmjcX/unK
+4dhDNKzskjE9kz67rxA6k4Te7TJteaNXWGOh4QxTeKYbWWxJ5iKIOt9
-----END PRIVATE KEY-----
";
    const PUBLIC: &str = "-----BEGIN PUBLIC KEY-----
MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAEUIfuMYTBN/9SJ5MQbV8JmJo3F/7p
yvuHYQzSs7JIxPZM+u68QOpOE3u0ybXmjV1hjoeEMU3imG1lsSeYiiDrfQ==
-----END PUBLIC KEY-----
";
    const OTHER_KEY: &str = "-----BEGIN PRIVATE KEY-----
MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQgDj+6mTZ42GYzdSVK
90bryZyBRUizKqgNl6FcLDkC63GhRANCAATc+8to/tSzWdm+jwwINSfDamVogHoq
uVXczlFRBcvYQuHT73cyBYWVIJEUHCu7PcFvW2kPgfVYYL4ZvD3SDA2Y
-----END PRIVATE KEY-----
";
    const NOW: i64 = 1_800_000_000;

    fn claims() -> serde_json::Value {
        json!({"iss": "https://id.example.com", "aud": "client", "sub": "person-1", "exp": NOW + 300,
               "iat": NOW, "nonce": "n-1", "email": "a@example.com"})
    }

    fn signed(claims: &serde_json::Value, key: &str) -> String {
        let key = EncodingKey::from_ec_pem(key.as_bytes()).unwrap();
        jsonwebtoken::encode(&Header::new(Algorithm::ES256), claims, &key).unwrap()
    }

    fn checked(token: &str) -> Result<Claims, String> {
        let (_, alg) = header(token)?;
        let key = DecodingKey::from_ec_pem(PUBLIC.as_bytes()).unwrap();
        let expected = Expected { issuer: "https://id.example.com", client_id: "client", nonce: "n-1", now: NOW };
        check(token, alg, &key, &expected)
    }

    #[test]
    fn a_good_token_passes() {
        let mut several = claims();
        several["aud"] = json!(["client", "another-client"]);
        several["azp"] = json!("client");
        assert!(checked(&signed(&several, KEY)).is_ok());
        let claims = checked(&signed(&claims(), KEY)).unwrap();
        assert_eq!((claims.sub.as_str(), claims.email.as_deref()), ("person-1", Some("a@example.com")));
    }

    #[test]
    fn every_wrong_claim_is_refused() {
        for (field, value, why) in [
            ("iss", json!("https://evil.example.com"), "Issuer"),
            ("aud", json!("another-client"), "Audience"),
            ("exp", json!(NOW - 120), "expired"),
            ("iat", json!(NOW + 600), "future"),
            ("nonce", json!("n-2"), "nonce"),
            ("sub", json!(""), "subject"),
            ("aud", json!(["client", "another-client"]), "azp"),
        ] {
            let mut claims = claims();
            claims[field] = value;
            let error = checked(&signed(&claims, KEY)).unwrap_err();
            assert!(error.contains(why), "{field}: {error}");
        }
        let mut claims = claims();
        claims.as_object_mut().unwrap().remove("nonce");
        assert!(checked(&signed(&claims, KEY)).unwrap_err().contains("nonce"));
    }

    #[test]
    fn unsigned_wrongly_signed_and_shared_secret_tokens_are_refused() {
        let good = signed(&claims(), KEY);
        // Signed by another key.
        assert!(checked(&signed(&claims(), OTHER_KEY)).unwrap_err().contains("Signature"));
        // The payload changed after signing.
        let mut parts: Vec<&str> = good.split('.').collect();
        let forged =
            data_encoding::BASE64URL_NOPAD.encode(serde_json::to_string(&json!({"sub": "admin"})).unwrap().as_bytes());
        parts[1] = &forged;
        assert!(checked(&parts.join(".")).is_err());
        // alg none, and HS256 (a key anyone with the client secret holds).
        let none = format!(
            "{}.{}.",
            data_encoding::BASE64URL_NOPAD.encode(br#"{"alg":"none","typ":"JWT"}"#),
            good.split('.').nth(1).unwrap()
        );
        assert!(checked(&none).is_err());
        let hs =
            jsonwebtoken::encode(&Header::new(Algorithm::HS256), &claims(), &EncodingKey::from_secret(b"s")).unwrap();
        assert!(checked(&hs).unwrap_err().contains("HS256"));
        assert!(checked("not.a.token").is_err());
    }
}
