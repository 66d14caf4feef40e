//! GitLab's OAuth user API (`GET /api/v4/user`), read as Mattermost's GitLab provider reads it
//! (`oauthproviders/gitlab`): the numeric `id` (as a decimal string) is the account's
//! `auth_data`, `username` (else `login`) its name, `email` (required) lower-cased.

use serde::Deserialize;

use super::{Identity, Service};
use crate::error::AppError;

/// The fields of GitLab's user that are read.
#[derive(Deserialize)]
struct GitLabUser {
    id: Option<serde_json::Number>,
    #[serde(default)]
    username: Option<String>,
    #[serde(default)]
    login: Option<String>,
    #[serde(default)]
    email: Option<String>,
}

/// The person GitLab's user JSON names.
pub fn identity(body: &[u8]) -> Result<Identity, AppError> {
    let user: GitLabUser = serde_json::from_slice(body)
        .map_err(|e| AppError::SsoProviderFailed(anyhow::anyhow!("GitLab's user is not the JSON expected: {e}")))?;
    let id = user.id.filter(|n| n.as_u64().is_some()).ok_or(AppError::SsoMissingField("id"))?;
    let email = user.email.map(|e| e.trim().to_lowercase()).filter(|e| !e.is_empty());
    let email = email.ok_or(AppError::SsoMissingField("email"))?;
    let username = user.username.filter(|u| !u.is_empty()).or(user.login);
    Ok(Identity { service: Service::GitLab, subject: id.to_string(), email, username })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gitlabs_user_is_read_as_mattermost_reads_it() {
        let person =
            identity(br#"{"id": 42, "username": "Ada", "email": "Ada@Example.com", "name": "Ada L"}"#).unwrap();
        assert_eq!(
            person,
            Identity {
                service: Service::GitLab,
                subject: "42".into(),
                email: "ada@example.com".into(),
                username: Some("Ada".into())
            }
        );
        let login = identity(br#"{"id": 7, "login": "grace", "email": "g@example.com"}"#).unwrap();
        assert_eq!(login.username.as_deref(), Some("grace"));
        assert!(matches!(identity(br#"{"id": 7, "username": "x"}"#), Err(AppError::SsoMissingField("email"))));
        assert!(matches!(identity(br#"{"id": "7", "email": "a@b"}"#), Err(AppError::SsoProviderFailed(_))));
        assert!(matches!(identity(br#"{"email": "a@b"}"#), Err(AppError::SsoMissingField("id"))));
    }
}
