//! Which roles carry which permissions: the one table of it, and Mattermost's rule for acting
//! on another user (`SessionHasPermissionToUser`).
//!
//! By default `system_admin` holds every permission and `system_user_access_token` the three
//! personal access token permissions, as in Mattermost's default roles; nothing else holds
//! anything. A deployment can grant more with `--grant ROLE=PERMISSION`, e.g.
//! `system_user_manager=edit_other_users`.

use std::collections::{HashMap, HashSet};
use std::str::FromStr;

use crate::domain::{Id, Session, User};

/// The permissions this service checks.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Permission {
    /// Everything, on everyone.
    ManageSystem,
    /// Act on other (non-admin) users' sessions.
    EditOtherUsers,
    /// Manage users in the System Console: set another (non-admin) user's password.
    SysconsoleWriteUserManagementUsers,
    /// Change users' roles (`PUT /users/{user_id}/roles`).
    ManageRoles,
    /// Make personal access tokens (and enable them).
    CreateUserAccessToken,
    /// Read personal access tokens (never their secrets).
    ReadUserAccessToken,
    /// Revoke and disable personal access tokens.
    RevokeUserAccessToken,
}

impl Permission {
    /// Every permission, by its Mattermost name.
    pub const ALL: [(&'static str, Permission); 7] = [
        ("manage_system", Permission::ManageSystem),
        ("edit_other_users", Permission::EditOtherUsers),
        ("sysconsole_write_user_management_users", Permission::SysconsoleWriteUserManagementUsers),
        ("manage_roles", Permission::ManageRoles),
        ("create_user_access_token", Permission::CreateUserAccessToken),
        ("read_user_access_token", Permission::ReadUserAccessToken),
        ("revoke_user_access_token", Permission::RevokeUserAccessToken),
    ];
}

impl FromStr for Permission {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        Permission::ALL.iter().find(|(name, _)| *name == s).map(|(_, p)| *p).ok_or_else(|| {
            let known: Vec<&str> = Permission::ALL.iter().map(|(name, _)| *name).collect();
            format!("unknown permission {s:?} (known: {})", known.join(", "))
        })
    }
}

/// The role that holds every permission and that `edit_other_users` can never act on.
pub const SYSTEM_ADMIN: &str = "system_admin";
/// The guest role (Mattermost's `system_guest`).
pub const SYSTEM_GUEST: &str = "system_guest";
/// The role that may make, read and revoke personal access tokens (Mattermost's default).
pub const SYSTEM_USER_ACCESS_TOKEN: &str = "system_user_access_token";

/// A grant on the command line: `ROLE=PERMISSION`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Grant {
    pub role: String,
    pub permission: Permission,
}

impl FromStr for Grant {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        let (role, permission) = s.split_once('=').ok_or_else(|| format!("expected ROLE=PERMISSION, got {s:?}"))?;
        let role = crate::domain::user::validate_role(role.trim())?.to_string();
        Ok(Grant { role, permission: permission.trim().parse()? })
    }
}

/// Role name → permissions.
#[derive(Clone, Debug)]
pub struct RolePermissions {
    grants: HashMap<String, HashSet<Permission>>,
}

impl Default for RolePermissions {
    fn default() -> Self {
        let admin = Permission::ALL.iter().map(|(_, p)| *p).collect();
        let tokens = HashSet::from([
            Permission::CreateUserAccessToken,
            Permission::ReadUserAccessToken,
            Permission::RevokeUserAccessToken,
        ]);
        RolePermissions {
            grants: HashMap::from([(SYSTEM_ADMIN.to_string(), admin), (SYSTEM_USER_ACCESS_TOKEN.to_string(), tokens)]),
        }
    }
}

impl RolePermissions {
    /// The defaults plus `extra`.
    pub fn with_grants(extra: &[Grant]) -> Self {
        let mut table = Self::default();
        for grant in extra {
            table.grants.entry(grant.role.clone()).or_default().insert(grant.permission);
        }
        table
    }

    /// Whether any of the session's roles carries `permission`.
    pub fn session_has(&self, session: &Session, permission: Permission) -> bool {
        self.roles_have(&session.roles, permission)
    }

    /// Whether any of `roles` (space-separated) carries `permission`.
    pub fn roles_have(&self, roles: &str, permission: Permission) -> bool {
        roles.split_whitespace().any(|role| self.grants.get(role).is_some_and(|p| p.contains(&permission)))
    }

    /// The first steps of Mattermost's `SessionHasPermissionToUser`, which need no lookup.
    pub fn check_user_access(&self, caller: &Session, target_id: &Id) -> Access {
        if self.session_has(caller, Permission::ManageSystem) || caller.user_id == *target_id {
            Access::Allowed
        } else if self.session_has(caller, Permission::EditOtherUsers) {
            Access::IfTargetIsEditable
        } else {
            Access::Denied
        }
    }
}

/// The outcome of [`RolePermissions::check_user_access`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Access {
    /// Allowed outright.
    Allowed,
    /// Allowed if the target user exists and is not a system admin ([`target_is_editable`]).
    IfTargetIsEditable,
    /// Denied.
    Denied,
}

/// The last steps: `edit_other_users` acts on existing users who are not system admins.
pub fn target_is_editable(target: Option<&User>) -> bool {
    target.is_some_and(|user| !user.has_role(SYSTEM_ADMIN))
}
