//! Users: what sessions, permission checks and password login need.

use std::collections::BTreeMap;
use std::sync::Arc;

use super::Id;

/// A stored user.
#[derive(Clone, PartialEq, Eq)]
pub struct User {
    pub id: Id,
    /// Lower-cased, as Mattermost stores usernames.
    pub username: String,
    /// Lower-cased.
    pub email: String,
    /// Space-separated role names, e.g. `system_user` or `system_user system_admin`.
    pub roles: String,
    pub create_at: i64,
    pub update_at: i64,
    /// The argon2id PHC string; `None` for a user who cannot log in with a password. Never
    /// leaves the server: the HTTP layer builds the user's JSON field by field.
    pub password_hash: Option<String>,
    /// When the user was deactivated (0: active), as Mattermost's `DeleteAt`.
    pub delete_at: i64,
    /// When the password was last set, as Mattermost's `LastPasswordUpdate`: from the user's
    /// creation (its `PreSave`) until a password is.
    pub last_password_update: i64,
    /// Whether the user logs in with a second factor (Mattermost's `MfaActive`). The secret is
    /// not here: only the MFA store reads it ([`crate::store::MfaStore`]), so that no copy of a
    /// user (the cache's, a log line's) holds it.
    pub mfa_active: bool,
    /// How the user signs in, as Mattermost's `AuthService`: "" for a password, else the single
    /// sign-on service ([`crate::sso::Service`]: `gitlab`, `google`, `office365`, `openid`).
    pub auth_service: String,
    /// The provider's stable id for the person (Mattermost's `AuthData`); `None` for a
    /// password user. (auth_service, auth_data) is unique.
    pub auth_data: Option<String>,
    /// What Mattermost keeps of the person beyond signing in, for a user an import carried over;
    /// `None` for one made here (answered with Mattermost's defaults for a new user). Shared: a
    /// copy of the user (the session cache's) does not copy it.
    pub profile: Option<Arc<Profile>>,
}

/// A Mattermost user's profile as an import carries it (`nickname`, `first_name`, …,
/// `timezone`, `notify_props`), stored as one JSON value and answered as Mattermost answers it.
#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(default)]
pub struct Profile {
    pub nickname: String,
    pub first_name: String,
    pub last_name: String,
    pub position: String,
    /// "" answers Mattermost's default, `en`.
    pub locale: String,
    /// Empty answers Mattermost's default timezone.
    pub timezone: BTreeMap<String, String>,
    /// Empty answers Mattermost's default notification settings.
    pub notify_props: BTreeMap<String, String>,
}

/// Without the password hash: a user in a log line or a test failure must not carry it.
impl std::fmt::Debug for User {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("User")
            .field("id", &self.id)
            .field("username", &self.username)
            .field("email", &self.email)
            .field("roles", &self.roles)
            .field("create_at", &self.create_at)
            .field("update_at", &self.update_at)
            .field("password_hash", &self.password_hash.as_ref().map(|_| ".."))
            .field("delete_at", &self.delete_at)
            .field("last_password_update", &self.last_password_update)
            .field("mfa_active", &self.mfa_active)
            .field("auth_service", &self.auth_service)
            .field("auth_data", &self.auth_data)
            .field("profile", &self.profile)
            .finish()
    }
}

impl User {
    /// Whether the user is active (not deactivated).
    pub fn is_active(&self) -> bool {
        self.delete_at == 0
    }

    /// Whether the user signs in through single sign-on (and not with a password).
    pub fn is_sso(&self) -> bool {
        !self.auth_service.is_empty()
    }

    /// Whether the user holds `role`.
    pub fn has_role(&self, role: &str) -> bool {
        self.roles.split_whitespace().any(|r| r == role)
    }
}

/// What it takes to create a user; [`NewUser::validate`] turns it into a [`User`].
#[derive(Clone, Debug)]
pub struct NewUser {
    pub username: String,
    pub email: String,
    pub roles: Vec<String>,
}

impl NewUser {
    /// Checks the fields as Mattermost does (loosely: 1–64 characters of `a-z0-9.-_` starting with
    /// a letter for usernames, an `@` in emails) and fills in the rest.
    pub fn validate(self, id: Id, now: i64) -> Result<User, String> {
        let username = self.username.trim().to_lowercase();
        let valid_name = (1..=64).contains(&username.len())
            && username.starts_with(|c: char| c.is_ascii_lowercase())
            && username.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || ".-_".contains(c));
        if !valid_name {
            return Err(format!(
                "invalid username {:?}: 1-64 characters of a-z, 0-9, '.', '-', '_', starting with a letter",
                self.username
            ));
        }
        let email = self.email.trim().to_lowercase();
        if email.len() > 128 || !email.contains('@') || email.chars().any(char::is_whitespace) {
            return Err(format!("invalid email {:?}", self.email));
        }
        let roles = validate_roles(self.roles)?;
        Ok(User {
            id,
            username,
            email,
            roles,
            create_at: now,
            update_at: now,
            password_hash: None,
            delete_at: 0,
            // Mattermost's `PreSave` starts it at the creation time.
            last_password_update: now,
            mfa_active: false,
            auth_service: String::new(),
            auth_data: None,
            profile: None,
        })
    }
}

/// The system roles Mattermost defines (`server/public/model/role.go`); a user holds some of
/// these and nothing else. Only `system_admin` and `system_user_access_token` carry permissions
/// by default (`crate::permissions`); `--grant` gives the others theirs.
pub const KNOWN_ROLES: &[&str] = &[
    "system_user",
    "system_admin",
    "system_guest",
    "system_user_manager",
    "system_manager",
    "system_read_only_admin",
    "system_custom_group_admin",
    "system_user_access_token",
];

/// Checks that `role` is one of [`KNOWN_ROLES`].
pub fn validate_role(role: &str) -> Result<&str, String> {
    KNOWN_ROLES
        .iter()
        .find(|known| **known == role)
        .copied()
        .ok_or_else(|| format!("unknown role {role:?} (known: {})", KNOWN_ROLES.join(", ")))
}

/// Checks role names against [`KNOWN_ROLES`] and joins them; no roles means `system_user`.
pub fn validate_roles(mut roles: Vec<String>) -> Result<String, String> {
    roles.retain(|r| !r.trim().is_empty());
    if roles.is_empty() {
        roles.push("system_user".to_string());
    }
    for role in &mut roles {
        *role = validate_role(role.trim())?.to_owned();
    }
    roles.dedup();
    Ok(roles.join(" "))
}

/// The usernames Mattermost reserves (`restrictedUsernames`, `model/user.go`).
const RESTRICTED_USERNAMES: [&str; 4] = ["all", "channel", "matterbot", "system"];

/// Mattermost's `IsValidUsername`: 1 to 64 of `a-z`, `0-9`, `.`, `-`, `_`, and not a restricted
/// name.
pub fn is_valid_username(name: &str) -> bool {
    (1..=64).contains(&name.len())
        && name.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b".-_".contains(&b))
        && !RESTRICTED_USERNAMES.contains(&name)
}

/// The longest roles string a user may hold, in bytes: Mattermost's `UserRolesMaxLength`
/// (`User.IsValid`, `model.user.is_valid.roles_limit.app_error`). Every session copies its
/// user's roles, every list of sessions repeats them and the forward-auth check sends them in a
/// header, so they must stay small.
pub const MAX_ROLES_BYTES: usize = 256;

/// Mattermost's `IsValidUserRoles` (`model/user.go`): every space-separated role is 1 to 64 of
/// `a-z`, `0-9`, `_`, and `system_admin` does not stand alone. The empty string passes.
pub fn roles_are_well_formed(roles: &str) -> bool {
    let names: Vec<&str> = roles.split_whitespace().collect();
    let valid_name =
        |r: &str| r.len() <= 64 && r.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_');
    names.iter().all(|r| valid_name(r)) && names != ["system_admin"]
}

/// Mattermost's `CheckRolesExist`: the first role of `roles` that is not one of [`KNOWN_ROLES`].
pub fn unknown_role(roles: &str) -> Option<&str> {
    roles.split_whitespace().find(|role| !KNOWN_ROLES.contains(role))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_known_roles_are_accepted() {
        assert_eq!(validate_roles(vec![]).unwrap(), "system_user");
        assert_eq!(
            validate_roles(vec!["system_user".into(), "system_admin".into()]).unwrap(),
            "system_user system_admin"
        );
        let error = validate_roles(vec!["superuser".into()]).unwrap_err();
        assert!(error.contains("superuser") && error.contains("system_admin"), "{error}");
    }

    #[test]
    fn role_strings_follow_is_valid_user_roles() {
        for good in ["", "  ", "system_user", "system_user system_admin", "system_admin system_user", "a_1"] {
            assert!(roles_are_well_formed(good), "{good:?}");
        }
        for bad in ["system_admin", " system_admin ", "System_user", "system-user", &"a".repeat(65)] {
            assert!(!roles_are_well_formed(bad), "{bad:?}");
        }
        assert_eq!(unknown_role("system_user superuser system_admin"), Some("superuser"));
        assert_eq!(unknown_role("system_user system_user_access_token"), None);
    }
}
