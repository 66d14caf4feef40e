//! The integration suite: one test binary, one module per feature, all driving the real server
//! (in process on a random port via [`helpers::spawn_app`], or the real binary where a process
//! boundary matters: restarts, the CLI). Every response any test receives is checked against
//! the spec by [`contract`].

#[macro_use]
mod helpers;

mod answers;
mod audits;
mod auth_matrix;
mod cache_across_processes;
mod cli;
mod config_file;
mod contract;
mod crash;
mod drift_guard;
mod errors;
mod gate;
mod generated_context;
mod generated_paths;
mod hostile;
mod import_from_postgres;
mod lifecycle;
mod limits;
mod login;
mod login_budgets;
mod metrics;
mod mfa;
mod multinode;
mod operation_facts;
mod pg;
mod probe;
mod process;
mod readme;
mod restart;
mod roles;
mod runner;
mod secrets;
mod session_cache;
mod session_events;
mod sessions;
mod slow_clients;
mod sso;
mod store_behaviour;
mod tokens;
mod tokens_across_processes;
