//! Mattermost's rows as this server's: each either mapped (with the digest of the source row,
//! which the ledger keeps) or skipped with the reason the report gives. Nothing is guessed: a
//! role this server does not know is dropped and said, a hash it cannot read is dropped and said.

use std::collections::BTreeMap;
use std::sync::Arc;

use sha2::{Digest, Sha256};

use super::source::{MmSession, MmToken, MmUser};
use crate::domain::session::{ACCESS_TOKEN_TYPE, PROP_TYPE};
use crate::domain::user::{is_valid_username, roles_are_well_formed, KNOWN_ROLES};
use crate::domain::{AccessToken, Id, Profile, Session, SessionId, TokenHash, TokenId, User};
use crate::mfa::SecretKey;
use crate::password_hash::legacy;
use crate::store::imports::ImportedUser;

/// Why a source row is not imported (as the report says it).
pub mod skip {
    pub const BOT: &str = "a bot account (bots are not imported)";
    pub const REMOTE: &str = "a remote user of a shared channel (not imported)";
    pub const BAD_ID: &str = "its id is not a Mattermost id";
    pub const BAD_USERNAME: &str = "its username is not one Mattermost accepts";
    pub const NO_KNOWN_ROLE: &str = "none of its roles is one this server knows";
    pub const OAUTH_PROVIDER: &str = "a session of Mattermost acting as an OAuth provider (isoauth)";
    pub const ACCESS_TOKEN_SESSION: &str = "a personal access token's session (made again at the token's first use)";
    pub const NO_TOKEN: &str = "it has no token";
    pub const USER_REFUSED: &str = "its username, email or sign-on identity is held by another user here";
    pub const SESSION_REFUSED: &str = "its user is not here or is deactivated";
    pub const TOKEN_REFUSED: &str = "its user is not here, or its token is another token's here";
    pub const GONE_HERE: &str = "imported before and since revoked or deleted here (not brought back)";
}

/// What the report says about an imported row without skipping it.
pub mod note {
    pub const ROLES_DROPPED: &str = "roles this server does not know were dropped";
    pub const UNREADABLE_HASH: &str =
        "its password hash is neither a well-formed bcrypt nor PBKDF2 hash: its password must be set again";
    pub const PROPS_NOT_JSON: &str = "its props are not a JSON object: imported without them (no csrf)";
    pub const MFA_WITHOUT_SECRET: &str = "MFA was on without a secret: imported with MFA off";
}

/// A mapped row, with the digest of its source row.
pub struct Mapped<T> {
    pub row: T,
    pub digest: [u8; 32],
    /// Said in the report, the row imported all the same.
    pub notes: Vec<String>,
}

fn digest(row: &impl serde::Serialize) -> [u8; 32] {
    Sha256::digest(serde_json::to_vec(row).unwrap_or_default()).into()
}

/// A JSON object read as a map of strings (Mattermost's `StringMap`s; anything else in a value
/// as its JSON text); `None` when it is not an object.
fn string_map(text: &str) -> Option<BTreeMap<String, String>> {
    if text.trim().is_empty() {
        return Some(BTreeMap::new());
    }
    let serde_json::Value::Object(map) = serde_json::from_str(text).ok()? else { return None };
    Some(
        map.into_iter()
            .map(|(k, v)| {
                let v = match v {
                    serde_json::Value::String(s) => s,
                    serde_json::Value::Null => String::new(),
                    other => other.to_string(),
                };
                (k, v)
            })
            .collect(),
    )
}

/// A Mattermost user as ours, with their second factor (sealed under `key` when there is one).
pub fn user(mm: &MmUser, key: Option<&SecretKey>) -> Result<Mapped<ImportedUser>, &'static str> {
    if mm.is_bot {
        return Err(skip::BOT);
    }
    if !mm.remote_id.is_empty() {
        return Err(skip::REMOTE);
    }
    let id = Id::parse(&mm.id).ok_or(skip::BAD_ID)?;
    let username = mm.username.to_lowercase();
    if !is_valid_username(&username) {
        return Err(skip::BAD_USERNAME);
    }
    let mut notes = Vec::new();
    let (known, unknown): (Vec<&str>, Vec<&str>) = mm.roles.split_whitespace().partition(|r| KNOWN_ROLES.contains(r));
    let roles = known.join(" ");
    if roles.is_empty() || !roles_are_well_formed(&roles) {
        return Err(skip::NO_KNOWN_ROLE);
    }
    if !unknown.is_empty() {
        notes.push(format!("{}: {}", note::ROLES_DROPPED, unknown.join(" ")));
    }
    let sso = !mm.auth_service.is_empty() && mm.auth_service != "email";
    let password_hash = match mm.password.as_str() {
        _ if sso => None,
        "" => None,
        hash if legacy::is_readable(hash) => Some(hash.to_owned()),
        _ => {
            notes.push(note::UNREADABLE_HASH.to_owned());
            None
        }
    };
    let mfa_active = mm.mfa_active && !mm.mfa_secret.is_empty();
    if mm.mfa_active && !mfa_active {
        notes.push(note::MFA_WITHOUT_SECRET.to_owned());
    }
    let mfa_secret = if mm.mfa_secret.is_empty() {
        String::new()
    } else {
        crate::mfa::seal::store_form(key, id.as_str(), &mm.mfa_secret)
    };
    let mfa_used_steps: Vec<i64> = serde_json::from_str(&mm.mfa_used_timestamps).unwrap_or_default();
    let profile = Profile {
        nickname: mm.nickname.clone(),
        first_name: mm.first_name.clone(),
        last_name: mm.last_name.clone(),
        position: mm.position.clone(),
        locale: mm.locale.clone(),
        timezone: string_map(&mm.timezone).unwrap_or_default(),
        notify_props: string_map(&mm.notify_props).unwrap_or_default(),
    };
    let user = User {
        id,
        username,
        email: mm.email.trim().to_lowercase(),
        roles,
        create_at: mm.create_at,
        update_at: mm.update_at,
        password_hash,
        delete_at: mm.delete_at,
        last_password_update: mm.last_password_update,
        mfa_active,
        auth_service: if sso { mm.auth_service.clone() } else { String::new() },
        auth_data: Some(mm.auth_data.clone()).filter(|d| sso && !d.is_empty()),
        profile: Some(Arc::new(profile)),
    };
    // Whether the secret was sealed is part of what was imported: a later run with the key set
    // (after one without) rewrites the user, sealing it.
    Ok(Mapped { row: ImportedUser { user, mfa_secret, mfa_used_steps }, digest: digest(&(mm, key.is_some())), notes })
}

/// A Mattermost session as ours: the token hashed, the props (`csrf` among them) kept.
pub fn session(mm: &MmSession) -> Result<Mapped<Session>, &'static str> {
    if mm.is_oauth {
        return Err(skip::OAUTH_PROVIDER);
    }
    let mut notes = Vec::new();
    let props = string_map(&mm.props).unwrap_or_else(|| {
        notes.push(note::PROPS_NOT_JSON.to_owned());
        BTreeMap::new()
    });
    if props.get(PROP_TYPE).is_some_and(|t| t == ACCESS_TOKEN_TYPE) {
        return Err(skip::ACCESS_TOKEN_SESSION);
    }
    if mm.token.is_empty() {
        return Err(skip::NO_TOKEN);
    }
    let (Some(id), Some(user_id)) = (SessionId::parse(&mm.id), Id::parse(&mm.user_id)) else {
        return Err(skip::BAD_ID);
    };
    let session = Session {
        id,
        token_hash: TokenHash::of(&mm.token),
        user_id,
        create_at: mm.create_at,
        expires_at: mm.expires_at.max(0),
        last_activity_at: mm.last_activity_at,
        device_id: mm.device_id.clone(),
        // The user's roles here, taken when it is written (`ImportBatch`), never the source's.
        roles: String::new(),
        is_oauth: false,
        expired_notify: mm.expired_notify,
        local: false,
        props: props.into(),
    };
    Ok(Mapped { row: session, digest: digest(mm), notes })
}

/// A Mattermost personal access token as ours: the token hashed.
pub fn token(mm: &MmToken) -> Result<Mapped<AccessToken>, &'static str> {
    if mm.token.is_empty() {
        return Err(skip::NO_TOKEN);
    }
    let (Some(id), Some(user_id)) = (TokenId::parse(&mm.id), Id::parse(&mm.user_id)) else {
        return Err(skip::BAD_ID);
    };
    let token = AccessToken {
        id,
        token_hash: TokenHash::of(&mm.token),
        user_id,
        description: mm.description.clone(),
        is_active: mm.is_active,
        expires_at: mm.expires_at.max(0),
    };
    Ok(Mapped { row: token, digest: digest(mm), notes: Vec::new() })
}
