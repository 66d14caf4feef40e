//! `mm-sessions import mattermost --from postgres://…`: a Mattermost deployment's users,
//! sessions, access tokens and second factors moved onto this server's store
//! ([`crate::import`]), with a summary of what was imported, skipped and why.

use clap::{Args, Subcommand};

use crate::app::{self, OpenMode};
use crate::config::Database;
use crate::import::{self, Options};
use crate::store::Stores;

/// `mm-sessions import …`
#[derive(Debug, Subcommand)]
pub enum ImportCommand {
    /// Import a Mattermost database (PostgreSQL), read-only on it; run it again to bring over
    /// what changed since (nothing is duplicated, nothing revoked here comes back).
    Mattermost(MattermostArgs),
}

/// `mm-sessions import mattermost`'s flags.
#[derive(Debug, Args)]
pub struct MattermostArgs {
    /// Mattermost's database: a postgres:// URL (Mattermost's `SqlSettings.DataSource`); only
    /// read. A schema other than the default: `?options=-csearch_path%3Dname`. From the
    /// environment, its password stays out of `ps` and shell history. The connection is not
    /// encrypted: run the import on the database's host or over a tunnel.
    #[arg(long, env = "MM_SESSIONS_IMPORT_FROM", value_name = "URL", hide_env_values = true)]
    pub from: String,
    /// Say what an import would do, and write nothing.
    #[arg(long)]
    pub dry_run: bool,
    /// Write every skipped row, and every row imported with a remark, here (JSON lines).
    #[arg(long, value_name = "PATH")]
    pub report: Option<std::path::PathBuf>,
}

/// Runs an import command on `database`.
pub async fn import(database: &Database, command: ImportCommand) -> anyhow::Result<()> {
    let ImportCommand::Mattermost(args) = command;
    anyhow::ensure!(
        args.from.starts_with("postgres://") || args.from.starts_with("postgresql://"),
        "--from takes a postgres:// URL of Mattermost's database (only PostgreSQL is read)"
    );
    let stores = target(database, args.dry_run).await?;
    let operator_key = super::serve::mfa_key_from_environment()?;
    if operator_key.is_none() && !args.dry_run {
        eprintln!(
            "mm-sessions: warning: no operator key in MM_SESSIONS_MFA_KEY_FILE or MM_SESSIONS_MFA_KEY: MFA secrets are \
             stored in clear, as Mattermost stored them"
        );
    }
    let report_file = match &args.report {
        Some(path) => Some(
            std::fs::File::create(path).map_err(|e| anyhow::anyhow!("creating the report {}: {e}", path.display()))?,
        ),
        None => None,
    };
    let options = Options { from: args.from, dry_run: args.dry_run, operator_key, report_file };
    let report = import::run(&stores, options).await?;
    print!("{}", report.summary());
    if !args.dry_run {
        tracing::info!("import from Mattermost finished");
    }
    Ok(())
}

/// The store imported into: created if missing; for a dry run on a SQLite file that does not
/// exist yet, an empty store in memory (every row would be new there), so that nothing is
/// written, not even the file.
async fn target(database: &Database, dry_run: bool) -> anyhow::Result<Stores> {
    if let (true, Database::Sqlite(path)) = (dry_run, database) {
        if !path.exists() {
            return app::open_store(&Database::Memory, OpenMode::Existing).await;
        }
    }
    let mode = if dry_run { OpenMode::Existing } else { OpenMode::Create };
    app::open_store(database, mode).await
}
