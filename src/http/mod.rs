//! The HTTP side: the generated crate is the transport; this module runs around it.
//!
//! - [`listener`] accepts connections and keeps them in a [`connections`] table (the cap, the
//!   idle timeout); it serves any [`listener::ConnectionService`].
//! - [`pipeline::HttpService`] is the API listener's service: each request's steps, in order, as
//!   named functions (its module doc lists them), using [`routes`] (which route a request is
//!   for, as Mattermost's router decides it), [`body`] (the body under its limits),
//!   [`operations`] (each operation's facts, from the spec), [`credentials`] (where a token comes
//!   from, CSRF), [`forwarded`] (the client behind a trusted proxy), [`around_router`] (bodies
//!   read as Mattermost reads them, the generated router's own answers as AppErrors) and
//!   [`response`] (error rendering, the final headers, the log line), [`answers`] (answers the
//!   session cache keeps as bytes).
//! - The generated router (`mm_sessions_api::server`) calls [`api::Handlers`], a thin `Api` impl
//!   over [`crate::service::SessionService`] that takes its per-request details from
//!   [`context`], speaks the JSON of [`json`] and sets [`cookies`].
//! - [`web`] serves the sessions page at `/`; [`sso`] single sign-on's browser routes; [`metrics_endpoint`] `GET /metrics`, on the API
//!   listener or on a listener of its own.
//!
//! A new operation needs only a handler in [`api`]; a new step of every request, a function in
//! [`pipeline`] and a line in its doc.

pub mod answers;
pub mod api;
pub mod around_router;
pub mod body;
pub mod connections;
pub mod context;
pub mod cookies;
pub mod credentials;
pub mod forwarded;
pub mod json;
pub mod listener;
pub mod metrics_endpoint;
pub mod operations;
pub mod pipeline;
pub mod redirect;
pub mod response;
pub mod routes;
pub mod sso;
pub mod watched_io;
pub mod web;

pub use forwarded::client_address;
pub use metrics_endpoint::MetricsService;
pub use pipeline::HttpService;
