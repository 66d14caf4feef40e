//! The `mm-sessions` binary: read Mattermost's config.json if given, parse the command line,
//! set up logging, run.

use std::ffi::OsString;
use std::process::ExitCode;

use clap::{CommandFactory, FromArgMatches};
use mm_sessions::cli::{self, Cli, Command};
use mm_sessions::config_file::{self, Applied};

fn main() -> ExitCode {
    mm_sessions::password_hash::return_memory_to_the_os();
    let args = cli::server_flags_after_serve(std::env::args_os());
    // Before any thread exists: Mattermost's names, then the file's settings, become
    // environment variables.
    config_file::apply_env_aliases();
    let mut applied = match config_file::path(&args).map(|path| config_file::read(&path)).transpose() {
        Ok(applied) => applied,
        Err(e) => {
            eprintln!("mm-sessions: {e:#}");
            return ExitCode::FAILURE;
        }
    };
    if let Some(applied) = &mut applied {
        applied.fill_environment(&args);
    }
    let cli = match parse(args, applied.as_ref()) {
        Ok(cli) => cli,
        Err(code) => return code,
    };
    let runtime = match tokio::runtime::Runtime::new() {
        Ok(runtime) => runtime,
        Err(e) => {
            eprintln!("mm-sessions: cannot start the async runtime: {e}");
            return ExitCode::FAILURE;
        }
    };
    runtime.block_on(run(cli, applied))
}

/// The command line; a value the file gave that a flag's parser refuses is reported under the
/// file's key, since that is the name the administrator wrote.
fn parse(args: Vec<OsString>, applied: Option<&Applied>) -> Result<Cli, ExitCode> {
    let command = Cli::command();
    let matches = command.clone().try_get_matches_from(args);
    let result = matches.and_then(|m| Cli::from_arg_matches(&m));
    result.map_err(|e| {
        let from_file = applied.and_then(|applied| {
            let flag = e.get(clap::error::ContextKind::InvalidArg)?.to_string();
            let long = flag.trim_start_matches("--").split([' ', '=']).next()?.to_owned();
            let arg = command
                .get_arguments()
                .chain(command.get_subcommands().flat_map(|s| s.get_arguments()))
                .find(|a| a.get_long() == Some(long.as_str()))?;
            applied.key_for_env(arg.get_env()?.to_str()?)
        });
        match from_file {
            Some(key) => {
                eprintln!("mm-sessions: config.json {key}: {}", e.to_string().trim_start_matches("error: ").trim_end());
                ExitCode::FAILURE
            }
            _ => {
                let _ = e.print();
                ExitCode::from(u8::try_from(e.exit_code()).unwrap_or(2))
            }
        }
    })
}

async fn run(cli: Cli, applied: Option<Applied>) -> ExitCode {
    let serving = matches!(cli.command, None | Some(Command::Serve(_)));
    let _log = mm_sessions::telemetry::init(if serving { "info" } else { "warn" });
    if let Some(applied) = applied {
        applied.log();
    }
    cli::run(cli).await
}
