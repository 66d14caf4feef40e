//! The `mm-sessions` binary: parse the command line, set up logging, run.

use std::process::ExitCode;

use clap::Parser;
use mm_sessions::cli::{self, Cli, Command};

#[tokio::main]
async fn main() -> ExitCode {
    let cli = Cli::parse();
    let serving = matches!(cli.command, None | Some(Command::Serve));
    mm_sessions::telemetry::init(if serving { "info" } else { "warn" });
    cli::run(cli).await
}
