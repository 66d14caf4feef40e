//! mm-sessions: a spec-first server for Mattermost's user-session API.
//!
//! `api/` holds the Swagger spec; `generated/` the crate openapi-generator makes from it (the
//! transport: router, models, the `Api` trait). This crate implements that trait. Dependencies
//! point one way: transport ([`http`]) → [`service`] → [`store`] → [`domain`] and [`config`].
//!
//! # Layout
//!
//! - [`app`]: the application builder; opens the store, wires the service, binds, serves, drains.
//! - [`cli`]: the command line: the server's flags and the admin commands (`user`, `session`).
//! - [`config`]: every setting, validated by the type that holds it.
//! - [`http`]: what runs around the generated router: the listener and its connection table
//!   ([`http::listener`], [`http::connections`]), request ids, body deadlines, credentials,
//!   errors as AppError JSON ([`http::middleware`]), the `Api` impl ([`http::api`]), cookies,
//!   trusted proxies ([`http::client`]), the page.
//! - [`service`]: authentication, permissions and the operations, in Mattermost's order.
//! - [`store`]: the [`store::SessionStore`] trait, one module per backend, the session cache
//!   ([`store::cached`]) and the metrics wrapper.
//! - [`domain`]: ids, tokens, sessions, users, audit records, the clock, why sessions end.
//! - [`error`]: the one error enum, each variant's status, Mattermost error id and message.
//! - [`permissions`]: the role → permission table and the rule for acting on another user.
//! - [`password`]: argon2id hashing and verification, off the async workers.
//! - [`rate_limit`]: the login budgets, per address and per account.
//! - [`metrics`]: the Prometheus metrics served at `/metrics`.
//! - [`telemetry`]: logging to stderr.
//! - [`user_agent`]: the platform, OS and browser a login's User-Agent names.
//! - [`fingerprint`]: ties `generated/` to `api/` (checked by `build.rs`).

pub mod app;
pub mod cli;
pub mod config;
pub mod domain;
pub mod error;
pub mod fingerprint;
pub mod http;
pub mod metrics;
pub mod password;
pub mod permissions;
mod rate_limit;
pub mod service;
pub mod store;
pub mod telemetry;
pub mod user_agent;
