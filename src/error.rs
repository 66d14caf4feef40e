//! The one error type every request path ends in, and its mapping to Mattermost's AppError.
//!
//! Each variant fixes the HTTP status, the AppError `id` (Mattermost's, so that clients that
//! switch on ids keep working) and the message, here and nowhere else. Internal failures carry
//! their cause for the log; the client gets a generic message and `detailed_error: ""`.
//!
//! The service's operations return it whoever called them: a client sees [`AppError::message`],
//! the admin CLI prints the `Display` form, which is written for an operator.

use mm_sessions_api::models;

use crate::store::StoreError;

/// Everything a request can fail with.
#[derive(Debug, thiserror::Error)]
pub enum AppError {
    /// A path or query parameter is missing or malformed.
    #[error("invalid URL parameter {0}")]
    InvalidUrlParam(&'static str),
    /// The body is malformed or a field is missing.
    #[error("invalid body parameter {0}")]
    InvalidBodyParam(&'static str),
    /// No valid session: missing, unknown, expired or revoked token.
    #[error("no valid session")]
    SessionExpired,
    /// Wrong login id or password.
    #[error("invalid credentials")]
    InvalidCredentials,
    /// A login with an empty password.
    #[error("blank password")]
    BlankPassword,
    /// Too many login attempts; retry after the duration.
    #[error("rate limited")]
    RateLimited(std::time::Duration),
    /// The caller may not act on this user.
    #[error("permission denied")]
    Forbidden,
    /// A login (with any password) of a deactivated user.
    #[error("the user is deactivated")]
    InactiveUser,
    /// A user deactivating themselves while `EnableUserDeactivation` is off.
    #[error("self-deactivation is not enabled")]
    DeactivationNotEnabled,
    /// (De)activating another user without `sysconsole_write_user_management_users`.
    #[error("may not change whether that user is active")]
    ActivationForbidden,
    /// The user an operation names does not exist.
    #[error("no such user")]
    NoSuchUser,
    /// No user has this username or id (the admin CLI's `--user`).
    #[error("no user {0:?}")]
    NoUserNamed(String),
    /// A new user's fields are not valid (what is wrong, for the operator).
    #[error("{0}")]
    InvalidUser(String),
    /// A new user's username or email (the field named) is taken.
    #[error("a user with that {0} already exists")]
    UserExists(&'static str),
    /// A role that does not exist (what is wrong, with the known roles, for the operator).
    #[error("{0}")]
    UnknownRole(String),
    /// A role change naming a user that does not exist (Mattermost answers it 400, not 404).
    #[error("no such user")]
    NoUserToUpdate,
    /// New roles that would leave no active system admin.
    #[error("cannot demote the last system admin")]
    LastAdmin,
    /// Roles longer than Mattermost's limit (`UserRolesMaxLength`), as given.
    #[error("roles may be at most {max} bytes (Mattermost's limit); these are {0}", max = crate::domain::user::MAX_ROLES_BYTES)]
    RolesTooLong(usize),
    /// Personal access tokens are off (`EnableUserAccessTokens`).
    #[error("personal access tokens are disabled (EnableUserAccessTokens)")]
    TokensDisabled,
    /// No personal access token has the id asked for.
    #[error("no such personal access token")]
    TokenNotFound,
    /// A token's description longer than Mattermost's 255 bytes.
    #[error("a token's description must be at most 255 bytes")]
    TokenDescriptionTooLong,
    /// A token without an expiry, where `MaximumPersonalAccessTokenLifetimeDays` requires one.
    #[error("a personal access token must expire (MaximumPersonalAccessTokenLifetimeDays)")]
    TokenExpiryRequired,
    /// A token whose expiry is not in the future.
    #[error("the token's expiry is in the past")]
    TokenExpiryInPast,
    /// A token expiring later than `MaximumPersonalAccessTokenLifetimeDays` allows.
    #[error("the token's expiry is more than {days} days away (MaximumPersonalAccessTokenLifetimeDays)")]
    TokenExpiryTooFar { days: u32 },
    /// A password change whose `current_password` is wrong.
    #[error("incorrect current password")]
    IncorrectPassword,
    /// A new password outside the allowed length (`true`: too short).
    #[error("a password must have {} to {} characters", crate::password::MIN_LENGTH, crate::password::MAX_LENGTH)]
    InvalidPassword { too_short: bool },
    /// Changing another user's password without the permission for it.
    #[error("may not change that user's password")]
    PasswordChangeForbidden,
    /// `session_id` names no session (Mattermost answers 400, not 404).
    #[error("session not found")]
    SessionNotFound,
    /// No user has the username asked for.
    #[error("user not found")]
    UserNotFound,
    /// No route for the path.
    #[error("no such route")]
    NotFound,
    /// The path exists, the method does not.
    #[error("method not allowed")]
    MethodNotAllowed,
    /// The body is larger than the server accepts.
    #[error("request body too large")]
    BodyTooLarge,
    /// The request did not arrive in time (the read timeout, or the body's minimum rate).
    #[error("request timed out")]
    RequestTimeout,
    /// A valid session token in the `access_token` query parameter (Mattermost accepts those
    /// only for OAuth sessions).
    #[error("token in the query string")]
    TokenInQuery,
    /// MFA is off (`EnableMultifactorAuthentication`).
    #[error("multi-factor authentication is disabled (EnableMultifactorAuthentication)")]
    MfaDisabled,
    /// A login of a user with MFA without a code, or with one that is not a code.
    #[error("an MFA code is needed")]
    MfaCodeMissing,
    /// A login's MFA code is wrong, or was used before.
    #[error("wrong MFA code")]
    MfaBadCode,
    /// Turning MFA on or off with a wrong (or used) code.
    #[error("wrong MFA code")]
    MfaActivateBadCode,
    /// Turning MFA on or off with a code that is not one (Mattermost answers 500 here).
    #[error("malformed MFA code")]
    MfaActivateMalformed,
    /// Turning MFA on with no secret generated.
    #[error("no MFA secret: generate one first")]
    MfaNoSecret,
    /// A new secret while MFA is active (Mattermost overwrites it: unsafe, docs/security.md).
    #[error("MFA is active: turn it off before generating a new secret")]
    MfaAlreadyActive,
    /// The user's wrong MFA codes reached `MaximumLoginAttempts`.
    #[error("too many wrong MFA codes: locked until the password changes or MFA is turned off")]
    TooManyCodeAttempts,
    /// `EnforceMultifactorAuthentication` is on and the caller's user has no MFA.
    #[error("multi-factor authentication is required")]
    MfaRequired,
    /// Setting up MFA through a session that did not sign in recently (ours: a stolen session
    /// must not enrol its own authenticator; docs/security.md).
    #[error("setting up MFA needs a recent sign-in")]
    MfaSignInAgain,
    /// Anything that is our fault. The cause is logged, not sent.
    #[error("{0:#}")]
    Internal(anyhow::Error),
}

impl AppError {
    /// The HTTP status.
    pub fn status(&self) -> u16 {
        match self {
            AppError::InvalidUrlParam(_)
            | AppError::InvalidBodyParam(_)
            | AppError::SessionNotFound
            | AppError::IncorrectPassword
            | AppError::BlankPassword
            | AppError::InvalidUser(_)
            | AppError::UserExists(_)
            | AppError::UnknownRole(_)
            | AppError::NoUserToUpdate
            | AppError::LastAdmin
            | AppError::RolesTooLong(_)
            | AppError::TokenDescriptionTooLong
            | AppError::TokenExpiryRequired
            | AppError::TokenExpiryInPast
            | AppError::TokenExpiryTooFar { .. }
            | AppError::MfaActivateMalformed
            | AppError::MfaNoSecret
            | AppError::MfaAlreadyActive
            | AppError::InvalidPassword { .. } => 400,
            AppError::SessionExpired
            | AppError::InvalidCredentials
            | AppError::TokenInQuery
            | AppError::InactiveUser
            | AppError::MfaCodeMissing
            | AppError::MfaBadCode
            | AppError::MfaActivateBadCode
            | AppError::TooManyCodeAttempts
            | AppError::DeactivationNotEnabled => 401,
            AppError::Forbidden
            | AppError::PasswordChangeForbidden
            | AppError::ActivationForbidden
            | AppError::MfaRequired
            | AppError::MfaSignInAgain => 403,
            AppError::NotFound
            | AppError::UserNotFound
            | AppError::NoSuchUser
            | AppError::NoUserNamed(_)
            | AppError::TokenNotFound => 404,
            AppError::MethodNotAllowed => 405,
            AppError::RequestTimeout => 408,
            AppError::BodyTooLarge => 413,
            AppError::RateLimited(_) => 429,
            AppError::Internal(_) => 500,
            AppError::TokensDisabled | AppError::MfaDisabled => 501,
        }
    }

    /// Mattermost's error id.
    pub fn id(&self) -> &'static str {
        match self {
            AppError::InvalidUrlParam(_) => "api.context.invalid_url_param.app_error",
            AppError::InvalidBodyParam(_) => "api.context.invalid_body_param.app_error",
            AppError::SessionExpired => "api.context.session_expired.app_error",
            AppError::Forbidden => "api.context.permissions.app_error",
            AppError::InvalidCredentials => "api.user.login.invalid_credentials_email_username",
            AppError::BlankPassword => "api.user.login.blank_pwd.app_error",
            AppError::SessionNotFound => "app.session.get.app_error",
            AppError::IncorrectPassword => "api.user.update_password.incorrect.app_error",
            AppError::InactiveUser => "api.user.login.inactive.app_error",
            AppError::DeactivationNotEnabled => "api.user.update_active.not_enable.app_error",
            AppError::ActivationForbidden => "api.user.update_active.permissions.app_error",
            AppError::NoSuchUser | AppError::NoUserNamed(_) | AppError::NoUserToUpdate => {
                "app.user.missing_account.const"
            }
            AppError::LastAdmin => "app.user.update.lastAdmin.app_error",
            AppError::RolesTooLong(_) => "model.user.is_valid.roles_limit.app_error",
            AppError::TokensDisabled => "app.user_access_token.disabled",
            AppError::TokenNotFound => "app.user_access_token.get_by_user.app_error",
            AppError::TokenDescriptionTooLong => "model.user_access_token.is_valid.description.app_error",
            AppError::TokenExpiryRequired => "app.user_access_token.expires_at_required.app_error",
            AppError::TokenExpiryInPast => "app.user_access_token.expires_at_in_past.app_error",
            AppError::TokenExpiryTooFar { .. } => "app.user_access_token.expires_at_too_far.app_error",
            AppError::InvalidUser(_) => "api.context.invalid_body_param.app_error",
            AppError::UserExists("username") => "app.user.save.username_exists.app_error",
            AppError::UserExists("email") => "app.user.save.email_exists.app_error",
            AppError::UserExists(_) => "app.user.save.existing.app_error",
            AppError::UnknownRole(_) => "app.role.check_roles_exist.role_not_found",
            AppError::InvalidPassword { too_short: true } => "model.user.is_valid.pwd_min_length.app_error",
            AppError::InvalidPassword { too_short: false } => "model.user.is_valid.pwd_max_length.app_error",
            AppError::PasswordChangeForbidden => "api.user.update_password.context.app_error",
            AppError::NotFound => "api.context.404.app_error",
            AppError::UserNotFound => "app.user.get_by_username.app_error",
            AppError::MethodNotAllowed => "api.context.405.app_error",
            AppError::BodyTooLarge => "api.context.body_too_large.app_error",
            AppError::RequestTimeout => "api.context.request_timeout.app_error",
            AppError::TokenInQuery => "api.context.token_provided.app_error",
            AppError::RateLimited(_) => "api.user.login.rate_limited.app_error",
            AppError::MfaDisabled => "mfa.mfa_disabled.app_error",
            AppError::MfaCodeMissing => "mfa.validate_token.authenticate.app_error",
            AppError::MfaBadCode => "api.user.check_user_mfa.bad_code.app_error",
            AppError::MfaActivateBadCode => "mfa.activate.bad_token.app_error",
            AppError::MfaActivateMalformed | AppError::MfaNoSecret => "mfa.activate.app_error",
            AppError::MfaAlreadyActive => "api.user.generate_mfa_secret.mfa_active.app_error",
            AppError::MfaRequired => "api.context.mfa_required.app_error",
            AppError::MfaSignInAgain => "api.user.update_mfa.sign_in_again.app_error",
            AppError::TooManyCodeAttempts => "api.user.check_user_login_attempts.too_many.app_error",
            AppError::Internal(_) => "app.internal_error.app_error",
        }
    }

    /// The human-readable message (Mattermost's English text where it has one).
    pub fn message(&self) -> String {
        match self {
            AppError::InvalidUrlParam(name) => format!("Invalid or missing {name} parameter in request URL."),
            AppError::InvalidBodyParam(name) => format!("Invalid or missing {name} in request body."),
            AppError::SessionExpired => "Invalid or expired session, please login again.".into(),
            AppError::Forbidden => "You do not have the appropriate permissions.".into(),
            AppError::InvalidCredentials => "Enter a valid email or username and/or password.".into(),
            AppError::BlankPassword => "Password field must not be blank".into(),
            AppError::SessionNotFound => "Unable to find the session.".into(),
            AppError::InactiveUser => {
                "Login failed because your account has been deactivated. Please contact an administrator.".into()
            }
            AppError::DeactivationNotEnabled => {
                "You cannot deactivate yourself because this feature is not enabled. Please contact your System \
                 Administrator."
                    .into()
            }
            AppError::ActivationForbidden => "You do not have the appropriate permissions.".into(),
            AppError::NoSuchUser | AppError::NoUserNamed(_) | AppError::NoUserToUpdate => {
                "Unable to find the user.".into()
            }
            AppError::LastAdmin => "Cannot demote last System Admin.".into(),
            AppError::RolesTooLong(_) => {
                format!("Invalid user roles longer than {} characters.", crate::domain::user::MAX_ROLES_BYTES)
            }
            AppError::TokensDisabled => {
                "Personal access tokens are disabled on this server. Please contact your system administrator for \
                 details."
                    .into()
            }
            AppError::TokenNotFound => "Unable to get the personal access tokens by user.".into(),
            AppError::TokenDescriptionTooLong => "Invalid description, must be 255 or less characters.".into(),
            AppError::TokenExpiryRequired => {
                "Personal access tokens must include an expiry date because the server enforces a maximum token \
                 lifetime."
                    .into()
            }
            AppError::TokenExpiryInPast => "The provided expires_at is in the past.".into(),
            AppError::TokenExpiryTooFar { days } => format!(
                "The provided expires_at exceeds the configured maximum personal access token lifetime ({days} days)."
            ),
            AppError::InvalidUser(_) => "Invalid or missing user in request body.".into(),
            AppError::UserExists("username") => "An account with that username already exists.".into(),
            AppError::UserExists("email") => "An account with that email already exists.".into(),
            AppError::UserExists(_) => "This account already exists.".into(),
            AppError::UnknownRole(_) => "The provided role does not exist".into(),
            AppError::IncorrectPassword => {
                "The \"Current Password\" you entered is incorrect. Please check that Caps Lock is off and try again."
                    .into()
            }
            AppError::InvalidPassword { too_short: true } => {
                format!("Your password must contain at least {} characters.", crate::password::MIN_LENGTH)
            }
            AppError::InvalidPassword { too_short: false } => {
                format!("Your password must contain no more than {} characters.", crate::password::MAX_LENGTH)
            }
            AppError::PasswordChangeForbidden => {
                "Update password failed because context user_id did not match props user_id.".into()
            }
            AppError::NotFound => "Sorry, we could not find the page.".into(),
            AppError::UserNotFound => "Unable to find an existing account matching your username.".into(),
            AppError::MethodNotAllowed => "The method is not allowed for this URL.".into(),
            AppError::BodyTooLarge => "The request body is too large.".into(),
            AppError::RequestTimeout => "The request did not arrive in time.".into(),
            AppError::TokenInQuery => "Session is not OAuth but token was provided in the query string.".into(),
            AppError::RateLimited(_) => "Too many login attempts. Please wait and try again.".into(),
            AppError::MfaDisabled => "Multi-factor authentication has been disabled on this server.".into(),
            AppError::MfaCodeMissing | AppError::MfaBadCode | AppError::MfaActivateBadCode => {
                "Invalid MFA token.".into()
            }
            AppError::MfaActivateMalformed => {
                "Unable to activate multi-factor authentication: the code is malformed.".into()
            }
            AppError::MfaNoSecret => "Generate a multi-factor authentication secret first.".into(),
            AppError::MfaAlreadyActive => {
                "Multi-factor authentication is active: turn it off before generating a new secret.".into()
            }
            AppError::MfaRequired => "Multi-factor authentication is required on this server.".into(),
            AppError::MfaSignInAgain => {
                "Sign in again to set up multi-factor authentication: it needs a sign-in within the last 10 minutes."
                    .into()
            }
            AppError::TooManyCodeAttempts => {
                "Your account is locked because of too many failed attempts. Please reset your password.".into()
            }
            AppError::Internal(_) => "An internal error occurred; it has been logged.".into(),
        }
    }

    /// The AppError body, tagged with the request's id.
    pub fn to_model(&self, request_id: &str) -> models::AppError {
        models::AppError::new(
            self.id().to_string(),
            self.message(),
            String::new(),
            request_id.to_string(),
            i32::from(self.status()),
            false,
        )
    }

    /// The AppError body, serialised.
    pub fn to_json(&self, request_id: &str) -> String {
        // A struct of strings, an int and a bool always serialises.
        serde_json::to_string(&self.to_model(request_id)).unwrap_or_default()
    }
}

impl From<StoreError> for AppError {
    fn from(error: StoreError) -> Self {
        AppError::Internal(error.into())
    }
}
