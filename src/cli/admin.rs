//! The admin commands (`user …`, `session …`, `token …`): their arguments, and each run through
//! the same service the API calls, as the admin CLI actor. What they print escapes what users
//! chose (`shown`).

use std::io::BufRead as _;
use std::num::NonZeroU32;

use clap::{Args, Subcommand};

use super::PolicyArgs;
use crate::app::{self, OpenMode};
use crate::config::Database;
use crate::domain::NewUser;
use crate::error::AppError;
use crate::service::{Actor, NewToken, PasswordChange, SessionService};

/// The environment variable that may carry a password for `user create` / `user set-password`.
const PASSWORD_ENV: &str = "MM_SESSIONS_PASSWORD";

/// How a password reaches the command: `--password-stdin`, `MM_SESSIONS_PASSWORD`, or (with a
/// warning: it shows in `ps` and shell history) `--password`.
#[derive(Clone, Debug, Args)]
pub struct PasswordArgs {
    /// Read the password from the first line of standard input.
    #[arg(long, conflicts_with = "password")]
    pub password_stdin: bool,
    /// The password (8 to 256 characters). Visible to other local users while the command
    /// runs: prefer --password-stdin or MM_SESSIONS_PASSWORD.
    #[arg(long)]
    pub password: Option<String>,
}

impl PasswordArgs {
    /// The password, if one was given in any of the three ways.
    fn read(self) -> anyhow::Result<Option<String>> {
        if self.password_stdin {
            let mut line = String::new();
            std::io::stdin().lock().read_line(&mut line)?;
            let password = line.trim_end_matches(['\r', '\n']).to_owned();
            anyhow::ensure!(!password.is_empty(), "--password-stdin: standard input held no password");
            return Ok(Some(password));
        }
        if let Some(password) = self.password {
            eprintln!(
                "mm-sessions: warning: a password given with --password shows in `ps` and in shell history; \
                 use --password-stdin or {PASSWORD_ENV}"
            );
            return Ok(Some(password));
        }
        Ok(std::env::var(PASSWORD_ENV).ok().filter(|p| !p.is_empty()))
    }
}

/// `mm-sessions user …`
#[derive(Debug, Subcommand)]
pub enum UserCommand {
    /// Create a user; prints the new user's id.
    #[command(after_help = "Example:\n  printf '%s\\n' 'change me now' | mm-sessions user create --username admin \
        --email admin@example.com --role system_user --role system_admin --password-stdin")]
    Create {
        /// The login name: 1-64 characters of a-z, 0-9, '.', '-', '_', starting with a letter.
        #[arg(long)]
        username: String,
        /// The user's email address (also accepted as the login id).
        #[arg(long)]
        email: String,
        /// A role (repeatable; default system_user). `--role system_user --role system_admin`
        /// makes an administrator.
        #[arg(long = "role", value_name = "ROLE")]
        roles: Vec<String>,
        #[command(flatten)]
        password: PasswordArgs,
    },
    /// Set a user's password.
    #[command(
        after_help = "Example:\n  printf '%s\\n' 'a new password' | mm-sessions user set-password --user alice \
        --password-stdin"
    )]
    SetPassword {
        /// Username or user id.
        #[arg(long)]
        user: String,
        #[command(flatten)]
        password: PasswordArgs,
    },
    /// Replace a user's roles; every session of theirs takes the new roles at once.
    #[command(after_help = "Example:\n  mm-sessions user set-roles --user alice --role system_user")]
    SetRoles {
        /// Username or user id.
        #[arg(long)]
        user: String,
        /// A role (repeatable).
        #[arg(long = "role", value_name = "ROLE", required = true)]
        roles: Vec<String>,
    },
    /// Deactivate a user: every session of theirs ends, and they cannot log in.
    #[command(after_help = "Example:\n  mm-sessions user deactivate --user alice")]
    Deactivate {
        /// Username or user id.
        #[arg(long)]
        user: String,
    },
    /// Turn a user's multi-factor authentication off (for a lost phone): they log in with their
    /// password alone until they set it up again.
    #[command(name = "mfa-off", after_help = "Example:\n  mm-sessions user mfa-off --user alice")]
    MfaOff {
        /// Username or user id.
        #[arg(long)]
        user: String,
    },
    /// Reactivate a deactivated user (their old sessions stay gone).
    #[command(after_help = "Example:\n  mm-sessions user activate --user alice")]
    Activate {
        /// Username or user id.
        #[arg(long)]
        user: String,
    },
    /// List users: id, username, email, roles, then `deactivated` for deactivated ones, `mfa`
    /// for those with multi-factor authentication on, and `sso=SERVICE` for those who sign in
    /// through single sign-on (tab-separated).
    #[command(after_help = "Examples:\n  mm-sessions user list\n  mm-sessions user list --auth-service openid")]
    List {
        /// Only users who sign in this way: a single sign-on service (gitlab, google, office365,
        /// openid) or `password`.
        #[arg(long, value_name = "SERVICE")]
        auth_service: Option<String>,
    },
    /// Switch how a user signs in, ending every session of theirs: through a single sign-on
    /// service as the provider's id for them (their password is cleared), or `--password` back
    /// to a password (then set one with `user set-password`).
    #[command(after_help = "Examples:\n  mm-sessions user set-auth --user ada --service openid --auth-data 2f6c…\n  \
                            mm-sessions user set-auth --user ada --password")]
    SetAuth {
        /// Username or user id.
        #[arg(long)]
        user: String,
        /// The single sign-on service: gitlab, google, office365 or openid.
        #[arg(long, requires = "auth_data", conflicts_with = "password")]
        service: Option<String>,
        /// The provider's stable id for the person (OpenID Connect's `sub`, GitLab's user id).
        #[arg(long, requires = "service")]
        auth_data: Option<String>,
        /// Back to a password.
        #[arg(long, required_unless_present = "service")]
        password: bool,
    },
}

/// `mm-sessions session …`
#[derive(Debug, Subcommand)]
pub enum SessionCommand {
    /// Issue a session for a user, as a login would (without the password); prints only its
    /// token (shown this once, never stored). For a script, make a personal access token
    /// (`token create`) instead.
    #[command(after_help = "Example:\n  TOKEN=$(mm-sessions session create --user alice --days 1)")]
    Create {
        /// Username or user id.
        #[arg(long)]
        user: String,
        /// Lifetime in days (0: never expires); like any session's, use extends it while
        /// ExtendSessionLengthWithActivity is on.
        #[arg(long, default_value_t = crate::config::DEFAULT_CLI_SESSION_DAYS)]
        days: u32,
    },
    /// List a user's sessions: id, created, last activity, expires (ms since the epoch), device.
    #[command(after_help = "Example:\n  mm-sessions session list --user alice")]
    List {
        /// Username or user id.
        #[arg(long)]
        user: String,
    },
    /// Revoke one session by id.
    #[command(after_help = "Example:\n  mm-sessions session revoke --id 8sxm1pk5e3ds9mrbhxq4g6ehfa")]
    Revoke {
        /// The session's id (see `session list`).
        #[arg(long)]
        id: String,
    },
    /// Revoke every session of a user.
    #[command(after_help = "Example:\n  mm-sessions session revoke-all --user alice")]
    RevokeAll {
        /// Username or user id.
        #[arg(long)]
        user: String,
    },
}

/// `mm-sessions token …`
#[derive(Debug, Subcommand)]
pub enum TokenCommand {
    /// Make a personal access token for a user; prints only its secret (shown this once, never
    /// stored). Needs EnableUserAccessTokens, as the API does.
    #[command(
        after_help = "Example:\n  MM_SERVICESETTINGS_ENABLEUSERACCESSTOKENS=true \\\n    mm-sessions token create --user ci-bot --description 'nightly build'"
    )]
    Create {
        /// Username or user id.
        #[arg(long)]
        user: String,
        /// What the token is for (at most 255 bytes).
        #[arg(long)]
        description: String,
        /// Days until it expires (default: never, unless MaximumPersonalAccessTokenLifetimeDays
        /// asks for an expiry).
        #[arg(long, value_name = "DAYS")]
        expires_days: Option<NonZeroU32>,
    },
    /// List a user's tokens: id, active or disabled, expires (ms since the epoch; 0: never),
    /// description (tab-separated).
    #[command(after_help = "Example:\n  mm-sessions token list --user ci-bot")]
    List {
        /// Username or user id.
        #[arg(long)]
        user: String,
    },
    /// Revoke a token: it and its session end at once.
    #[command(after_help = "Example:\n  mm-sessions token revoke --id 8sxm1pk5e3ds9mrbhxq4g6ehfa")]
    Revoke {
        /// The token's id (see `token list`).
        #[arg(long)]
        id: String,
    },
    /// Disable a token: its session ends, and it is refused until enabled again.
    #[command(after_help = "Example:\n  mm-sessions token disable --id 8sxm1pk5e3ds9mrbhxq4g6ehfa")]
    Disable {
        /// The token's id.
        #[arg(long)]
        id: String,
    },
    /// Enable a disabled token.
    #[command(after_help = "Example:\n  mm-sessions token enable --id 8sxm1pk5e3ds9mrbhxq4g6ehfa")]
    Enable {
        /// The token's id.
        #[arg(long)]
        id: String,
    },
}

pub(super) async fn admin<F, Fut>(database: &Database, mode: OpenMode, command: F) -> anyhow::Result<()>
where
    F: FnOnce(SessionService) -> Fut,
    Fut: std::future::Future<Output = anyhow::Result<()>>,
{
    if *database == Database::Memory {
        eprintln!("mm-sessions: warning: the `memory` store lives only as long as this command");
    }
    let store = app::open_store(database, mode).await?;
    let policy = PolicyArgs::from_environment()?;
    // No MFA key: the admin commands turn MFA off, which reads no secret.
    command(app::build_service(store, None, &[], &policy, None, crate::domain::Clock::system())).await
}

/// The admin CLI running `command`, as the actor of an operation.
pub(super) fn cli(command: &'static str) -> Actor<'static> {
    Actor::AdminCli { command }
}

/// A new password, for `user create` and `user set-password`.
pub(super) fn new_password(password: String) -> PasswordChange {
    PasswordChange { current_password: String::new(), new_password: password }
}

pub(super) async fn user(service: SessionService, command: UserCommand) -> anyhow::Result<()> {
    match command {
        UserCommand::Create { username, email, roles, password } => {
            let password = password.read()?;
            if let Some(password) = &password {
                // Checked before the user exists: a refused password leaves no user behind.
                crate::password_hash::check_length(password)
                    .map_err(|too_short| AppError::InvalidPassword { too_short })?;
            }
            let user = service.create_user(NewUser { username, email, roles }).await?;
            match password {
                Some(password) => {
                    service.update_password(cli("user set-password"), &user.id, new_password(password)).await?;
                }
                None => eprintln!(
                    "mm-sessions: note: {} has no password and cannot log in until \
                     `mm-sessions user set-password --user {}`",
                    shown(&user.username),
                    shown(&user.username)
                ),
            }
            println!("{}", user.id);
            eprintln!("created user {} ({})", shown(&user.username), shown(&user.roles));
        }
        UserCommand::SetPassword { user, password } => {
            let password = password
                .read()?
                .ok_or_else(|| anyhow::anyhow!("no password given: use --password-stdin or {PASSWORD_ENV}"))?;
            let user = service.find_user(&user).await?;
            let ended = service.update_password(cli("user set-password"), &user.id, new_password(password)).await?;
            eprintln!("password of {} set; {ended} session(s) ended", shown(&user.username));
        }
        UserCommand::SetRoles { user, roles } => {
            let user = service.find_user(&user).await?;
            let roles = roles.iter().map(|r| r.trim()).collect::<Vec<_>>().join(" ");
            service.update_roles(cli("user set-roles"), &user.id, &roles).await?;
            println!("{}", shown(&roles));
            eprintln!("roles of {} set, on every session of theirs too", shown(&user.username));
        }
        UserCommand::Deactivate { user } => {
            let user = service.find_user(&user).await?;
            let ended = service.update_active(cli("user deactivate"), &user.id, false).await?;
            eprintln!("deactivated {}; {ended} session(s) ended", shown(&user.username));
        }
        UserCommand::Activate { user } => {
            let user = service.find_user(&user).await?;
            service.update_active(cli("user activate"), &user.id, true).await?;
            eprintln!("reactivated {}", shown(&user.username));
        }
        UserCommand::MfaOff { user } => {
            let user = service.find_user(&user).await?;
            service.update_mfa(cli("user mfa-off"), user.id.as_str(), Some(false), "").await?;
            eprintln!("MFA is off for {}", shown(&user.username));
        }
        UserCommand::List { auth_service } => {
            let wanted = match auth_service.as_deref() {
                None => None,
                Some("password") => Some(""),
                Some(name) => Some(
                    crate::config::Service::parse(name)
                        .ok_or_else(|| {
                            anyhow::anyhow!("--auth-service: gitlab, google, office365, openid or password")
                        })?
                        .as_str(),
                ),
            };
            let mut users = service.list_users().await?;
            users.retain(|u| wanted.is_none_or(|w| u.auth_service == w));
            header("id\tusername\temail\troles\t(deactivated, mfa, sso=SERVICE)");
            for u in &users {
                let deactivated = if u.is_active() { "" } else { "\tdeactivated" };
                let mfa = if u.mfa_active { "\tmfa" } else { "" };
                let sso = if u.is_sso() { format!("\tsso={}", shown(&u.auth_service)) } else { String::new() };
                let (id, username, email, roles) =
                    (shown(u.id.as_str()), shown(&u.username), shown(&u.email), shown(&u.roles));
                println!("{id}\t{username}\t{email}\t{roles}{deactivated}{mfa}{sso}");
            }
            eprintln!("{} user(s)", users.len());
        }
        UserCommand::SetAuth { user, service: sso, auth_data, password: _ } => {
            let user = service.find_user(&user).await?;
            let sso = sso.unwrap_or_default();
            let command = cli("user set-auth");
            let (method, _) = service.set_sign_in_method(command, user.id.as_str(), &sso, auth_data.as_deref()).await?;
            let method =
                if method.is_empty() { "a password (set one with `user set-password`)".to_owned() } else { method };
            eprintln!("{} now signs in with {method}; every session of theirs ended", shown(&user.username));
        }
    }
    Ok(())
}

pub(super) async fn session(service: SessionService, command: SessionCommand) -> anyhow::Result<()> {
    match command {
        SessionCommand::Create { user, days } => {
            let user = service.find_user(&user).await?;
            let length_ms = i64::from(days) * 24 * 3600 * 1000;
            let (token, session) = service.issue_session(&user, length_ms, String::new(), Default::default()).await?;
            println!("{}", token.expose());
            let lifetime = if days == 0 { "never expires".to_owned() } else { format!("valid for {days} day(s)") };
            eprintln!("issued session {} for {} ({lifetime})", session.id, shown(&user.username));
        }
        SessionCommand::List { user } => {
            let user = service.find_user(&user).await?;
            let sessions = service.list_sessions(cli("session list"), &user.id).await?;
            header("id\tcreated (ms)\tlast activity (ms)\texpires (ms, 0: never)\tdevice");
            for s in sessions.iter() {
                let (id, device) = (shown(s.id.as_str()), shown(&s.device_id));
                println!("{id}\t{}\t{}\t{}\t{device}", s.create_at, s.last_activity_at, s.expires_at);
            }
            eprintln!("{} session(s) of {}", sessions.len(), shown(&user.username));
        }
        SessionCommand::Revoke { id } => {
            let no_session = || anyhow::anyhow!("no session {id:?}");
            let owner = service.session_owner(&id).await?.ok_or_else(no_session)?;
            match service.revoke_session(cli("session revoke"), &owner, &id).await {
                Err(AppError::SessionNotFound) => return Err(no_session()),
                other => other?,
            }
            eprintln!("revoked session {}", shown(&id));
        }
        SessionCommand::RevokeAll { user } => {
            let user = service.find_user(&user).await?;
            let n = service.revoke_all_sessions(cli("session revoke-all"), &user.id).await?;
            eprintln!("revoked {n} session(s) of {}", shown(&user.username));
        }
    }
    Ok(())
}

pub(super) async fn token(service: SessionService, command: TokenCommand) -> anyhow::Result<()> {
    match command {
        TokenCommand::Create { user, description, expires_days } => {
            let user = service.find_user(&user).await?;
            let now = service.clock().now_millis();
            let expires_at = expires_days.map_or(0, |days| now + i64::from(days.get()) * 24 * 3600 * 1000);
            let new = NewToken { description, expires_at };
            let (secret, token) = service.create_token(cli("token create"), &user.id, new).await?;
            println!("{}", secret.expose());
            eprintln!("created personal access token {} for {}", shown(token.id.as_str()), shown(&user.username));
        }
        TokenCommand::List { user } => {
            let user = service.find_user(&user).await?;
            let mut tokens = Vec::new();
            for page in 0.. {
                let batch = service.tokens_of(cli("token list"), &user.id, page, 200).await?;
                let last = batch.len() < 200;
                tokens.extend(batch);
                if last {
                    break;
                }
            }
            header("id\tstate\texpires (ms, 0: never)\tdescription");
            for t in &tokens {
                let state = if t.is_active { "active" } else { "disabled" };
                let (id, description) = (shown(t.id.as_str()), shown(&t.description));
                println!("{id}\t{state}\t{}\t{description}", t.expires_at);
            }
            eprintln!("{} token(s) of {}", tokens.len(), shown(&user.username));
        }
        TokenCommand::Revoke { id } => {
            service.revoke_token(cli("token revoke"), &id).await?;
            eprintln!("revoked personal access token {}", shown(&id));
        }
        TokenCommand::Disable { id } => {
            service.set_token_active(cli("token disable"), &id, false).await?;
            eprintln!("disabled personal access token {}", shown(&id));
        }
        TokenCommand::Enable { id } => {
            service.set_token_active(cli("token enable"), &id, true).await?;
            eprintln!("enabled personal access token {}", shown(&id));
        }
    }
    Ok(())
}

/// A list's column names, on a terminal only: a person reads them there, while a script piping
/// the list reads rows alone (tab-separated, times in milliseconds since the epoch).
fn header(columns: &str) {
    if std::io::IsTerminal::is_terminal(&std::io::stdout()) {
        println!("{columns}");
    }
}

/// A stored value as the admin commands print it: one field of one line, whatever it holds.
/// Device ids, token descriptions and emails are chosen by users (a device id by any client
/// that logs in), and the output goes to an administrator's terminal and to scripts that split
/// it on tabs and newlines: a newline or a tab there would forge a row or a column, an escape
/// sequence (`ESC [ …`) would drive the terminal, and the Unicode controls that reorder or
/// break a displayed line would make it read as something else. Each of those, and the
/// backslash (so that an escape cannot be forged either), is written as an escape: `\n`, `\t`,
/// `\r`, `\\`, `\x1b`, `\u{202e}`; everything else as stored.
pub(super) fn shown(value: &str) -> std::borrow::Cow<'_, str> {
    fn escaped(c: char) -> bool {
        c == '\\'
            || c.is_control()
            // Bidirectional controls, and the line and paragraph separators.
            || matches!(c, '\u{061c}' | '\u{200e}' | '\u{200f}' | '\u{2028}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
    }
    if !value.chars().any(escaped) {
        return std::borrow::Cow::Borrowed(value);
    }
    let mut out = String::with_capacity(value.len() + 8);
    for c in value.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            c if escaped(c) && u32::from(c) < 0x100 => out.push_str(&format!("\\x{:02x}", u32::from(c))),
            c if escaped(c) => out.push_str(&format!("\\u{{{:x}}}", u32::from(c))),
            c => out.push(c),
        }
    }
    std::borrow::Cow::Owned(out)
}
