//! The integration suite: one test binary, one module per feature, all driving the real server
//! (in process on a random port via [`helpers::spawn_app`], or the real binary where a process
//! boundary matters: restarts, the CLI).

mod auth_matrix;
mod drift_guard;
mod errors;
mod helpers;
mod login;
mod restart;
mod sessions;
mod store_behaviour;
