//! mm-sessions: a spec-first server for Mattermost's user-session API.
//!
//! `api/` holds the Swagger spec; `generated/` the crate openapi-generator makes from it (the
//! transport: router, models, the `Api` trait). This crate implements that trait:
//!
//! - [`http`]: the service hyper runs, wrapping the generated router, and the `Api` impl;
//! - [`service`]: authentication, permissions and the operations, in Mattermost's order;
//! - [`store`]: the [`store::SessionStore`] trait, one module per backend;
//! - [`domain`]: ids, tokens, sessions, users;
//! - [`error`]: the one error enum and its AppError mapping;
//! - [`app`], [`config`], [`cli`]: building, configuring and running the binary.

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
pub mod rate_limit;
pub mod service;
pub mod store;
pub mod telemetry;
pub mod user_agent;
