//! The `mm-sessions` binary: parse the command line, set up logging, run.

use std::process::ExitCode;

use clap::Parser;
use mm_sessions::cli::{self, Cli, Command};

fn main() -> ExitCode {
    mm_sessions::password::return_memory_to_the_os();
    let runtime = match tokio::runtime::Runtime::new() {
        Ok(runtime) => runtime,
        Err(e) => {
            eprintln!("mm-sessions: cannot start the async runtime: {e}");
            return ExitCode::FAILURE;
        }
    };
    runtime.block_on(run())
}

async fn run() -> ExitCode {
    let cli = Cli::parse_from(cli::server_flags_after_serve(std::env::args_os()));
    let serving = matches!(cli.command, None | Some(Command::Serve(_)));
    let _log = mm_sessions::telemetry::init(if serving { "info" } else { "warn" });
    cli::run(cli).await
}
