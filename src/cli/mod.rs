//! The command line: `mm-sessions` (or `mm-sessions serve`) runs the server; `user …`,
//! `session …`, `token …`, `webhook …` and `import …` are the admin commands, working on the same store through the same service
//! (safe while the server runs on SQLite: WAL lets them in beside it).
//!
//! Server flags belong to the server: an admin command's help lists only what it takes. The
//! session policy (lifetimes, the per-user cap) is read from the environment by every command,
//! so that `session create` obeys the same cap as the server it runs beside.
//!
//! Its parts: here the command line's shape and `run`; `flags` the server's flags; `serve` the
//! server run from them; `admin` the admin commands.

use std::process::ExitCode;

use clap::{Parser, Subcommand};

use crate::app::OpenMode;
use crate::config::settings;
use crate::config::{Database, DEFAULT_DATABASE};

mod admin;
mod flags;
mod import;
mod serve;
mod webhooks;

pub use admin::{PasswordArgs, SessionCommand, TokenCommand, UserCommand};
use flags::DatabaseParser;
pub use flags::{ClientRequirementsArgs, PolicyArgs, ServerArgs};

/// A spec-first server for Mattermost's user-session API (API v4).
#[derive(Debug, Parser)]
#[command(name = "mm-sessions", version, about)]
pub struct Cli {
    /// The store: a SQLite file path, `memory`, or a postgres:// URL.
    #[arg(long = settings::DATABASE.flag, env = settings::DATABASE.env, default_value = DEFAULT_DATABASE, global = true, value_parser = DatabaseParser)]
    pub database: Database,

    /// Mattermost's config.json: the settings we share with Mattermost are read from it; a flag
    /// or an environment variable wins over it.
    #[arg(long, env = crate::config_file::ENV, global = true, value_name = "PATH")]
    pub config: Option<std::path::PathBuf>,

    #[command(flatten)]
    pub server: ServerArgs,

    #[command(subcommand)]
    pub command: Option<Command>,
}

/// What to do (nothing: serve).
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Run the server (the default).
    Serve(Box<ServerArgs>),
    /// Manage users.
    #[command(subcommand)]
    User(UserCommand),
    /// Manage sessions.
    #[command(subcommand)]
    Session(SessionCommand),
    /// Manage personal access tokens (what scripts and bots authenticate with).
    #[command(subcommand)]
    Token(TokenCommand),
    /// Manage the webhook endpoints session events are delivered to.
    #[command(subcommand)]
    Webhook(webhooks::WebhookCommand),
    /// Import another deployment's users, sessions, access tokens and second factors.
    #[command(subcommand)]
    Import(import::ImportCommand),
}

/// `mm-sessions [SERVER FLAGS] serve [SERVER FLAGS]` as `mm-sessions serve [ALL OF THEM]`:
/// server flags may come before `serve` too (they could when every flag was global, and
/// scripts do it), but clap would give them to the top level and `serve` its defaults. Every
/// flag before `serve` takes a value (`--flag value` or `--flag=value`), which is how `serve`
/// is told from a flag's value; anything else leaves the arguments as they are.
pub fn server_flags_after_serve<I: IntoIterator<Item = std::ffi::OsString>>(args: I) -> Vec<std::ffi::OsString> {
    let mut args: Vec<std::ffi::OsString> = args.into_iter().collect();
    let mut i = 1;
    while i < args.len() {
        let Some(arg) = args[i].to_str() else { return args };
        if arg == "serve" {
            let serve = args.remove(i);
            args.insert(1, serve);
            return args;
        }
        if !arg.starts_with("--") || arg == "--help" || arg == "--version" {
            return args;
        }
        i += if arg.contains('=') { 1 } else { 2 };
    }
    args
}

/// Runs what the command line asks for.
pub async fn run(cli: Cli) -> ExitCode {
    let result = match cli.command {
        None => serve::serve(cli.database, cli.server).await,
        Some(Command::Serve(server)) => serve::serve(cli.database, *server).await,
        Some(Command::User(command)) => {
            let mode =
                if matches!(command, UserCommand::Create { .. }) { OpenMode::Create } else { OpenMode::Existing };
            admin::admin(&cli.database, mode, |s| admin::user(s, command)).await
        }
        Some(Command::Session(command)) => {
            admin::admin(&cli.database, OpenMode::Existing, |s| admin::session(s, command)).await
        }
        Some(Command::Token(command)) => {
            admin::admin(&cli.database, OpenMode::Existing, |s| admin::token(s, command)).await
        }
        Some(Command::Webhook(command)) => webhooks::webhook(&cli.database, command).await,
        Some(Command::Import(command)) => import::import(&cli.database, command).await,
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("mm-sessions: {}", describe_error(&e));
            ExitCode::FAILURE
        }
    }
}

/// An error as one line: each cause once (libraries often repeat their cause in their own
/// message), then a hint for the usual PostgreSQL mistakes.
pub fn describe_error(error: &anyhow::Error) -> String {
    let mut parts: Vec<String> = Vec::new();
    for cause in error.chain() {
        let text = cause.to_string();
        let known = parts.iter().any(|p| p.contains(&text));
        match parts.last_mut() {
            _ if known || text.is_empty() => {}
            Some(last) if text.starts_with(last.as_str()) => *last = text,
            _ => parts.push(text),
        }
    }
    let line = parts.join(": ");
    let hint = if line.contains("Connection refused") {
        Some("is the database server running, and listening on that host and port?")
    } else if line.contains("role \"") && line.contains("does not exist") {
        Some("check the user name in the database URL")
    } else if line.contains("database \"") && line.contains("does not exist") {
        Some("check the database name in the URL, or create it (createdb)")
    } else if line.contains("password authentication failed") {
        Some("check the password in the database URL")
    } else {
        None
    };
    match hint {
        Some(hint) => format!("{line}\n  hint: {hint}"),
        None => line,
    }
}

#[cfg(test)]
mod tests {
    use super::admin::shown;
    use super::*;

    #[test]
    fn server_flags_before_serve_reach_serve() {
        let args = |line: &str| line.split(' ').map(std::ffi::OsString::from).collect::<Vec<_>>();
        let moved = server_flags_after_serve(args(
            "mm --database x.db --listen 127.0.0.1:1 serve --grant system_manager=edit_other_users",
        ));
        assert_eq!(
            moved,
            args("mm serve --database x.db --listen 127.0.0.1:1 --grant system_manager=edit_other_users")
        );
        let cli = Cli::parse_from(moved);
        match cli.command {
            Some(Command::Serve(server)) => assert_eq!(server.listen.to_string(), "127.0.0.1:1"),
            other => panic!("{other:?}"),
        }
        // A flag's value named `serve`, a subcommand, help: untouched.
        for (line, expected) in [
            ("mm --listen serve:1", "mm --listen serve:1"),
            ("mm user list", "mm user list"),
            ("mm --help serve", "mm --help serve"),
            ("mm --database=x serve", "mm serve --database=x"),
        ] {
            assert_eq!(server_flags_after_serve(args(line)), args(expected), "{line}");
        }
    }

    #[test]
    fn shown_values_stay_one_field_of_one_line() {
        assert!(matches!(shown("iPhone 15 — Émile's"), std::borrow::Cow::Borrowed(_)));
        assert_eq!(shown("a\nb\tc\rd"), "a\\nb\\tc\\rd");
        assert_eq!(shown("\x1b[31mred\x1b[0m"), "\\x1b[31mred\\x1b[0m");
        assert_eq!(shown("back\\slash"), "back\\\\slash");
        assert_eq!(shown("\u{7f}\u{9b}"), "\\x7f\\x9b");
        assert_eq!(shown("evil\u{202e}txt.exe\u{2028}"), "evil\\u{202e}txt.exe\\u{2028}");
        // No escape can be forged: the backslash of `\n` typed as text is escaped itself.
        assert_ne!(shown("a\\nb"), shown("a\nb"));
    }

    #[test]
    fn each_cause_is_said_once() {
        #[derive(Debug, thiserror::Error)]
        #[error("error connecting to server: {0}")]
        struct Connect(#[source] std::io::Error);
        let io = std::io::Error::new(std::io::ErrorKind::ConnectionRefused, "Connection refused");
        let error = anyhow::Error::new(Connect(io)).context("error connecting to server");
        let line = describe_error(&error);
        assert!(line.starts_with("error connecting to server: Connection refused\n  hint: "), "{line}");
    }
}
