//! The one error type every request path ends in, and its mapping to Mattermost's AppError.
//!
//! Each variant fixes the HTTP status, the AppError `id` (Mattermost's, so that clients that
//! switch on ids keep working) and the message, in one row of [`AppError::answer`], and nowhere
//! else; [`crate::http::response::render_error`] is the one place they become a response. Internal failures carry
//! their cause for the log; the client gets a generic message and `detailed_error: ""`.
//!
//! The service's operations return it whoever called them: a client sees [`AppError::message`],
//! the admin CLI prints the `Display` form, which is written for an operator.

use std::borrow::Cow;

use mm_sessions_api::models;

use crate::store::{StoreError, Unique};

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
    #[error("a user with that {} already exists", .0.as_str())]
    UserExists(Unique),
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
    #[error(
        "a password must have {} to {} characters",
        crate::password_hash::MIN_LENGTH,
        crate::password_hash::MAX_LENGTH
    )]
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
    /// A single sign-on service that does not exist or is not enabled.
    #[error("single sign-on service not enabled")]
    SsoUnsupported,
    /// A sign-in's return whose state is missing, malformed, unknown, used, expired, or not
    /// this browser's.
    #[error("invalid single sign-on state")]
    SsoInvalidState,
    /// A `redirect_to` that may not be followed (another host, another site path).
    #[error("invalid redirect URL")]
    InvalidRedirect,
    /// A mobile sign-in's `redirect_to` outside `NativeAppSettings.AppCustomURLSchemes`.
    #[error("invalid custom URL scheme")]
    InvalidCustomUrlScheme,
    /// The person declined at the provider (`error=access_denied`).
    #[error("the sign-in was declined at the identity provider")]
    SsoAccessDenied,
    /// The provider's return carried neither a code nor an error.
    #[error("the identity provider sent no code")]
    SsoMissingCode,
    /// The provider's return carried an error other than `access_denied` (its code, checked to
    /// be a token of OAuth's error charset).
    #[error("the identity provider answered {0}")]
    SsoProviderError(String),
    /// The provider refused to exchange the code (used, expired, not this client's).
    #[error("the identity provider refused the code: {0}")]
    SsoTokenRefused(String),
    /// The provider could not be reached, or answered what OAuth does not allow (the cause is
    /// for the log).
    #[error("the identity provider failed: {0:#}")]
    SsoProviderFailed(anyhow::Error),
    /// An ID token that fails a check (signature, issuer, audience, expiry, nonce): why, for the
    /// log.
    #[error("the ID token was refused: {0}")]
    SsoInvalidIdToken(String),
    /// The provider's user info lacks a field the account needs (its name).
    #[error("the identity provider's user info has no {0}")]
    SsoMissingField(&'static str),
    /// A new single sign-on account whose email an account with another sign-in method holds.
    #[error("an account with another sign-in method has this email")]
    SsoAlreadyAttached,
    /// A new account while `TeamSettings.EnableUserCreation` is off.
    #[error("user creation is disabled (EnableUserCreation)")]
    UserCreationDisabled,
    /// A new account whose email is outside `TeamSettings.RestrictCreationToDomains`.
    #[error("the email's domain is not accepted (RestrictCreationToDomains)")]
    DomainNotAllowed,
    /// A password login of a single sign-on user.
    #[error("the user signs in through single sign-on")]
    SsoUserPasswordLogin,
    /// A password change or set for a single sign-on user.
    #[error("the user signs in through single sign-on: no password")]
    SsoUserPassword,
    /// Turning MFA on for a single sign-on user (their provider holds the second factor).
    #[error("MFA is for password users only")]
    SsoUserMfa,
    /// A switch of sign-in method to a service that is not one, or without the provider's id.
    #[error("invalid sign-in method: {0}")]
    InvalidAuth(&'static str),
    /// Anything that is our fault. The cause is logged, not sent.
    #[error("{0:#}")]
    Internal(anyhow::Error),
}

/// What a client is told of an error: its HTTP status, Mattermost's error id and the message.
pub struct Answer {
    pub status: u16,
    pub id: &'static str,
    pub message: Cow<'static, str>,
}

/// One row of the table below.
fn row(status: u16, id: &'static str, message: impl Into<Cow<'static, str>>) -> Answer {
    Answer { status, id, message: message.into() }
}

impl AppError {
    /// The error's answer: one row per error, each with its status, Mattermost's id and message
    /// (Mattermost's English text where it has one). Everything a client sees of an error comes
    /// from here; `#[error]` above is what an operator sees (the admin CLI, the log).
    pub fn answer(&self) -> Answer {
        use AppError::*;
        match self {
            InvalidUrlParam(name) => row(
                400,
                "api.context.invalid_url_param.app_error",
                format!("Invalid or missing {name} parameter in request URL."),
            ),
            InvalidBodyParam(name) => row(
                400,
                "api.context.invalid_body_param.app_error",
                format!("Invalid or missing {name} in request body."),
            ),
            SessionExpired => {
                row(401, "api.context.session_expired.app_error", "Invalid or expired session, please login again.")
            }
            Forbidden => row(403, "api.context.permissions.app_error", "You do not have the appropriate permissions."),
            InvalidCredentials => row(
                401,
                "api.user.login.invalid_credentials_email_username",
                "Enter a valid email or username and/or password.",
            ),
            BlankPassword => row(400, "api.user.login.blank_pwd.app_error", "Password field must not be blank"),
            SessionNotFound => row(400, "app.session.get.app_error", "Unable to find the session."),
            IncorrectPassword => row(
                400,
                "api.user.update_password.incorrect.app_error",
                "The \"Current Password\" you entered is incorrect. Please check that Caps Lock is off and try again.",
            ),
            InactiveUser => row(
                401,
                "api.user.login.inactive.app_error",
                "Login failed because your account has been deactivated. Please contact an administrator.",
            ),
            DeactivationNotEnabled => row(
                401,
                "api.user.update_active.not_enable.app_error",
                "You cannot deactivate yourself because this feature is not enabled. Please contact your System \
                 Administrator.",
            ),
            ActivationForbidden => {
                row(403, "api.user.update_active.permissions.app_error", "You do not have the appropriate permissions.")
            }
            NoSuchUser | NoUserNamed(_) => row(404, "app.user.missing_account.const", "Unable to find the user."),
            NoUserToUpdate => row(400, "app.user.missing_account.const", "Unable to find the user."),
            LastAdmin => row(400, "app.user.update.lastAdmin.app_error", "Cannot demote last System Admin."),
            RolesTooLong(_) => row(
                400,
                "model.user.is_valid.roles_limit.app_error",
                format!("Invalid user roles longer than {} characters.", crate::domain::user::MAX_ROLES_BYTES),
            ),
            TokensDisabled => row(
                501,
                "app.user_access_token.disabled",
                "Personal access tokens are disabled on this server. Please contact your system administrator for \
                 details.",
            ),
            TokenNotFound => row(
                404,
                "app.user_access_token.get_by_user.app_error",
                "Unable to get the personal access tokens by user.",
            ),
            TokenDescriptionTooLong => row(
                400,
                "model.user_access_token.is_valid.description.app_error",
                "Invalid description, must be 255 or less characters.",
            ),
            TokenExpiryRequired => row(
                400,
                "app.user_access_token.expires_at_required.app_error",
                "Personal access tokens must include an expiry date because the server enforces a maximum token \
                 lifetime.",
            ),
            TokenExpiryInPast => row(
                400,
                "app.user_access_token.expires_at_in_past.app_error",
                "The provided expires_at is in the past.",
            ),
            TokenExpiryTooFar { days } => row(
                400,
                "app.user_access_token.expires_at_too_far.app_error",
                format!(
                    "The provided expires_at exceeds the configured maximum personal access token lifetime ({days} \
                     days)."
                ),
            ),
            InvalidUser(_) => {
                row(400, "api.context.invalid_body_param.app_error", "Invalid or missing user in request body.")
            }
            UserExists(Unique::Username) => {
                row(400, "app.user.save.username_exists.app_error", "An account with that username already exists.")
            }
            UserExists(Unique::Email) => {
                row(400, "app.user.save.email_exists.app_error", "An account with that email already exists.")
            }
            UserExists(_) => row(400, "app.user.save.existing.app_error", "This account already exists."),
            UnknownRole(_) => row(400, "app.role.check_roles_exist.role_not_found", "The provided role does not exist"),
            InvalidPassword { too_short: true } => row(
                400,
                "model.user.is_valid.pwd_min_length.app_error",
                format!("Your password must contain at least {} characters.", crate::password_hash::MIN_LENGTH),
            ),
            InvalidPassword { too_short: false } => row(
                400,
                "model.user.is_valid.pwd_max_length.app_error",
                format!("Your password must contain no more than {} characters.", crate::password_hash::MAX_LENGTH),
            ),
            PasswordChangeForbidden => row(
                403,
                "api.user.update_password.context.app_error",
                "Update password failed because context user_id did not match props user_id.",
            ),
            NotFound => row(404, "api.context.404.app_error", "Sorry, we could not find the page."),
            UserNotFound => row(
                404,
                "app.user.get_by_username.app_error",
                "Unable to find an existing account matching your username.",
            ),
            MethodNotAllowed => row(405, "api.context.405.app_error", "The method is not allowed for this URL."),
            RequestTimeout => row(408, "api.context.request_timeout.app_error", "The request did not arrive in time."),
            BodyTooLarge => row(413, "api.context.body_too_large.app_error", "The request body is too large."),
            TokenInQuery => row(
                401,
                "api.context.token_provided.app_error",
                "Session is not OAuth but token was provided in the query string.",
            ),
            RateLimited(_) => {
                row(429, "api.user.login.rate_limited.app_error", "Too many login attempts. Please wait and try again.")
            }
            MfaDisabled => {
                row(501, "mfa.mfa_disabled.app_error", "Multi-factor authentication has been disabled on this server.")
            }
            MfaCodeMissing => row(401, "mfa.validate_token.authenticate.app_error", "Invalid MFA token."),
            MfaBadCode => row(401, "api.user.check_user_mfa.bad_code.app_error", "Invalid MFA token."),
            MfaActivateBadCode => row(401, "mfa.activate.bad_token.app_error", "Invalid MFA token."),
            MfaActivateMalformed => row(
                400,
                "mfa.activate.app_error",
                "Unable to activate multi-factor authentication: the code is malformed.",
            ),
            MfaNoSecret => row(400, "mfa.activate.app_error", "Generate a multi-factor authentication secret first."),
            MfaAlreadyActive => row(
                400,
                "api.user.generate_mfa_secret.mfa_active.app_error",
                "Multi-factor authentication is active: turn it off before generating a new secret.",
            ),
            MfaRequired => row(
                403,
                "api.context.mfa_required.app_error",
                "Multi-factor authentication is required on this server.",
            ),
            MfaSignInAgain => row(
                403,
                "api.user.update_mfa.sign_in_again.app_error",
                "Sign in again to set up multi-factor authentication: it needs a sign-in within the last 10 minutes.",
            ),
            TooManyCodeAttempts => row(
                401,
                "api.user.check_user_login_attempts.too_many.app_error",
                "Your account is locked because of too many failed attempts. Please reset your password.",
            ),
            SsoUnsupported => row(
                400,
                "api.user.authorize_oauth_user.unsupported.app_error",
                "Unsupported or disabled single sign-on service.",
            ),
            SsoInvalidState => row(400, "api.user.authorize_oauth_user.invalid_state.app_error", "Invalid state"),
            InvalidRedirect => row(400, "api.invalid_redirect_url", "Invalid redirect URL."),
            InvalidCustomUrlScheme => row(400, "api.invalid_custom_url_scheme", "Invalid custom URL scheme."),
            SsoAccessDenied => row(403, "oauth_access_denied", "The sign-in was cancelled at the identity provider."),
            SsoMissingCode => row(400, "oauth_missing_code", "The identity provider sent no authorization code."),
            // The provider's code goes to the log only: a crafted link must not put words on our page.
            SsoProviderError(_) => row(
                400,
                "api.user.authorize_oauth_user.response.app_error",
                "The identity provider refused the sign-in.",
            ),
            SsoTokenRefused(_) => row(
                400,
                "api.user.authorize_oauth_user.token_failed.app_error",
                "The identity provider refused the sign-in's code: sign in again.",
            ),
            SsoProviderFailed(_) => row(
                502,
                "api.user.authorize_oauth_user.service.app_error",
                "The identity provider could not be reached or gave an invalid answer.",
            ),
            SsoInvalidIdToken(_) => row(
                400,
                "api.user.authorize_oauth_user.invalid_id_token.app_error",
                "The identity provider's ID token was refused: sign in again.",
            ),
            SsoMissingField(field) => row(
                400,
                "api.user.authorize_oauth_user.missing.app_error",
                format!("The identity provider's user info has no {field}."),
            ),
            SsoAlreadyAttached => row(
                400,
                "api.user.create_oauth_user.already_attached.app_error",
                "There is already an account associated with that email address using a sign in method other than \
                 this one. Please sign in using that method.",
            ),
            UserCreationDisabled => row(403, "api.user.create_user.disabled.app_error", "User creation is disabled."),
            DomainNotAllowed => row(
                400,
                "api.user.create_user.accepted_domain.app_error",
                "The email you provided does not belong to an accepted domain. Please contact your administrator or \
                 sign up with a different email.",
            ),
            SsoUserPasswordLogin => row(
                401,
                "api.user.login.invalid_credentials_sso",
                "Enter a valid email or username and/or password, or sign in using another method.",
            ),
            SsoUserPassword => row(
                400,
                "api.user.update_password.oauth.app_error",
                "Update password failed because the user is logged in through an OAuth service.",
            ),
            SsoUserMfa => row(
                400,
                "api.user.activate_mfa.email_and_ldap_only.app_error",
                "MFA is not available for this account type.",
            ),
            InvalidAuth(_) => row(
                400,
                "api.user.update_user_auth.invalid_request",
                "Invalid request: auth_data and auth_service (a single sign-on service) are required.",
            ),
            Internal(_) => row(500, "app.internal_error.app_error", "An internal error occurred; it has been logged."),
        }
    }

    /// The HTTP status.
    pub fn status(&self) -> u16 {
        self.answer().status
    }

    /// Mattermost's error id.
    pub fn id(&self) -> &'static str {
        self.answer().id
    }

    /// The message a client reads.
    pub fn message(&self) -> String {
        self.answer().message.into_owned()
    }

    /// The AppError body, tagged with the request's id.
    pub fn to_model(&self, request_id: &str) -> models::AppError {
        let Answer { status, id, message } = self.answer();
        models::AppError::new(
            id.to_owned(),
            message.into_owned(),
            String::new(),
            request_id.to_owned(),
            status.into(),
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
