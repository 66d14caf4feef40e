//! The command line: `mm-sessions` (or `mm-sessions serve`) runs the server; `user …` and
//! `session …` are the admin commands, working on the same store (safe while the server runs on
//! SQLite: WAL lets them in beside it).

use std::collections::BTreeMap;
use std::net::SocketAddr;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

use crate::app::{shutdown_signal, Application};
use crate::config::{Database, ServeConfig, DEFAULT_DATABASE, DEFAULT_LISTEN};
use crate::domain::NewUser;
use crate::permissions::{Grant, RolePermissions};
use crate::service::{SessionPolicy, SessionService, DEFAULT_SESSION_DAYS};

/// A spec-first server for Mattermost's user-session API (API v4).
#[derive(Debug, Parser)]
#[command(name = "mm-sessions", version, about)]
pub struct Cli {
    /// The store: a SQLite file path, `memory`, (later) a postgres:// URL.
    #[arg(long, env = "MM_SESSIONS_DATABASE", default_value = DEFAULT_DATABASE, global = true)]
    pub database: Database,

    /// Where the server listens.
    #[arg(long, env = "MM_SESSIONS_LISTEN", default_value = DEFAULT_LISTEN, global = true)]
    pub listen: SocketAddr,

    /// Grant a permission to a role, e.g. `system_user_manager=edit_other_users` (repeatable;
    /// `system_admin` always holds every permission).
    #[arg(
        long = "grant",
        value_name = "ROLE=PERMISSION",
        env = "MM_SESSIONS_GRANTS",
        value_delimiter = ',',
        global = true
    )]
    pub grants: Vec<Grant>,

    /// Serve `GET /metrics` only on this address (default: on the main listener).
    #[arg(long, env = "MM_SESSIONS_METRICS_LISTEN", global = true)]
    pub metrics_listen: Option<SocketAddr>,

    /// Connections served at once; more clients wait in the listen backlog.
    #[arg(long, env = "MM_SESSIONS_MAX_CONNECTIONS", default_value_t = 1024, global = true)]
    pub max_connections: usize,

    /// Lifetime of a web login, in days.
    #[arg(long, env = "MM_SESSIONS_WEB_SESSION_DAYS", default_value_t = SessionPolicy::default().web_days, global = true)]
    pub web_session_days: i64,

    /// Lifetime of a mobile login (one that sends a device id), in days.
    #[arg(long, env = "MM_SESSIONS_MOBILE_SESSION_DAYS", default_value_t = SessionPolicy::default().mobile_days, global = true)]
    pub mobile_session_days: i64,

    /// Sessions one user may hold; a login beyond it revokes the least recently used.
    #[arg(long, env = "MM_SESSIONS_MAX_SESSIONS_PER_USER", default_value_t = SessionPolicy::default().max_per_user, global = true)]
    pub max_sessions_per_user: usize,

    /// Login attempts accepted per minute from one client address (a burst of that many, then
    /// one every 60/N seconds); beyond it, 429 with Retry-After.
    #[arg(long, env = "MM_SESSIONS_LOGIN_RATE_IP", default_value_t = SessionPolicy::default().login_rate_ip, global = true)]
    pub login_rate_ip: u32,

    /// Login attempts accepted per minute for one account (login id).
    #[arg(long, env = "MM_SESSIONS_LOGIN_RATE_ACCOUNT", default_value_t = SessionPolicy::default().login_rate_account, global = true)]
    pub login_rate_account: u32,

    #[command(subcommand)]
    pub command: Option<Command>,
}

impl Cli {
    fn policy(&self) -> anyhow::Result<SessionPolicy> {
        anyhow::ensure!(
            self.web_session_days > 0 && self.mobile_session_days > 0 && self.max_sessions_per_user > 0,
            "session lengths and the per-user session cap must be positive"
        );
        Ok(SessionPolicy {
            web_days: self.web_session_days,
            mobile_days: self.mobile_session_days,
            max_per_user: self.max_sessions_per_user,
            login_rate_ip: self.login_rate_ip,
            login_rate_account: self.login_rate_account,
        })
    }
}

/// What to do (nothing: serve).
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Run the server (the default).
    Serve,
    /// Manage users.
    #[command(subcommand)]
    User(UserCommand),
    /// Manage sessions.
    #[command(subcommand)]
    Session(SessionCommand),
}

/// `mm-sessions user …`
#[derive(Debug, Subcommand)]
pub enum UserCommand {
    /// Create a user; prints the new user's id.
    Create {
        #[arg(long)]
        username: String,
        #[arg(long)]
        email: String,
        /// A role (repeatable); default `system_user`. `system_admin` makes an administrator.
        #[arg(long = "role")]
        roles: Vec<String>,
        /// The password for logging in (8 to 256 characters); without it the user cannot log in
        /// until `user set-password`.
        #[arg(long, env = "MM_SESSIONS_PASSWORD", hide_env_values = true)]
        password: Option<String>,
    },
    /// Set a user's password.
    SetPassword {
        /// Username or user id.
        #[arg(long)]
        user: String,
        #[arg(long, env = "MM_SESSIONS_PASSWORD", hide_env_values = true)]
        password: String,
    },
    /// Replace a user's roles (existing sessions keep theirs: revoke them to apply at once).
    SetRoles {
        /// Username or user id.
        #[arg(long)]
        user: String,
        #[arg(long = "role", required = true)]
        roles: Vec<String>,
    },
    /// List users: id, username, email, roles.
    List,
}

/// `mm-sessions session …`
#[derive(Debug, Subcommand)]
pub enum SessionCommand {
    /// Issue a session for a user; prints only the token (shown this once, never stored).
    Create {
        /// Username or user id.
        #[arg(long)]
        user: String,
        /// Lifetime in days (0: never expires).
        #[arg(long, default_value_t = DEFAULT_SESSION_DAYS)]
        days: i64,
    },
    /// List a user's sessions: id, created, last activity, expires (ms since the epoch), device.
    List {
        #[arg(long)]
        user: String,
    },
    /// Revoke one session by id.
    Revoke {
        #[arg(long)]
        id: String,
    },
    /// Revoke every session of a user.
    RevokeAll {
        #[arg(long)]
        user: String,
    },
}

/// Runs what the command line asks for.
pub async fn run(cli: Cli) -> ExitCode {
    let result = match cli.policy() {
        Err(e) => Err(e),
        Ok(policy) => match cli.command {
            None | Some(Command::Serve) => {
                let mut config = ServeConfig::new(cli.listen, cli.database);
                config.grants = cli.grants;
                config.policy = policy;
                config.metrics_listen = cli.metrics_listen;
                config.max_connections = cli.max_connections.max(1);
                serve(config).await
            }
            Some(Command::User(command)) => admin(&cli.database, &cli.grants, policy, |s| user(s, command)).await,
            Some(Command::Session(command)) => admin(&cli.database, &cli.grants, policy, |s| session(s, command)).await,
        },
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("mm-sessions: {e:#}");
            ExitCode::FAILURE
        }
    }
}

async fn serve(config: ServeConfig) -> anyhow::Result<()> {
    Application::build(config).await?.run_until(shutdown_signal()).await
}

async fn admin<F, Fut>(database: &Database, grants: &[Grant], policy: SessionPolicy, command: F) -> anyhow::Result<()>
where
    F: FnOnce(SessionService) -> Fut,
    Fut: std::future::Future<Output = anyhow::Result<()>>,
{
    if *database == Database::Memory {
        eprintln!("mm-sessions: warning: the `memory` store lives only as long as this command");
    }
    let store = crate::store::open(database).await?;
    command(SessionService::new(store, RolePermissions::with_grants(grants), policy)).await
}

async fn user(service: SessionService, command: UserCommand) -> anyhow::Result<()> {
    match command {
        UserCommand::Create { username, email, roles, password } => {
            if let Some(password) = &password {
                crate::password::validate(password).map_err(anyhow::Error::msg)?;
            }
            let user = service.create_user(NewUser { username, email, roles }).await?;
            if let Some(password) = password {
                service.set_password(&user, &password).await?;
            }
            println!("{}", user.id);
        }
        UserCommand::SetPassword { user, password } => {
            let user = service.find_user(&user).await?;
            service.set_password(&user, &password).await?;
        }
        UserCommand::SetRoles { user, roles } => {
            let user = service.find_user(&user).await?;
            let user = service.set_roles(&user, roles).await?;
            println!("{}", user.roles);
        }
        UserCommand::List => {
            for u in service.store().list_users().await? {
                println!("{}\t{}\t{}\t{}", u.id, u.username, u.email, u.roles);
            }
        }
    }
    Ok(())
}

async fn session(service: SessionService, command: SessionCommand) -> anyhow::Result<()> {
    match command {
        SessionCommand::Create { user, days } => {
            anyhow::ensure!(days >= 0, "--days must be 0 (never expires) or more");
            let user = service.find_user(&user).await?;
            let (token, _) = service.issue_session(&user, days, String::new(), BTreeMap::new()).await?;
            println!("{}", token.expose());
        }
        SessionCommand::List { user } => {
            let user = service.find_user(&user).await?;
            for s in service.store().sessions_for_user(&user.id).await? {
                println!("{}\t{}\t{}\t{}\t{}", s.id, s.create_at, s.last_activity_at, s.expires_at, s.device_id);
            }
        }
        SessionCommand::Revoke { id } => {
            anyhow::ensure!(service.store().delete_session(&id).await?, "no session {id:?}");
        }
        SessionCommand::RevokeAll { user } => {
            let user = service.find_user(&user).await?;
            let n = service.store().delete_sessions_for_user(&user.id).await?;
            eprintln!("revoked {n} session(s) of {}", user.username);
        }
    }
    Ok(())
}
