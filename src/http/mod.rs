//! The HTTP side: the generated crate is the transport; this module wraps it.
//!
//! [`listener`] accepts connections and keeps them in a [`connections`] table (the cap, idle
//! timeout). A request passes through [`middleware::HttpService`] (request id, body limit and
//! deadline, credentials from [`credentials`], the client behind a proxy from [`client`],
//! turning every error into an AppError, the log line), then the generated router
//! (`mm_sessions_api::server`), then [`api::Handlers`], a thin `Api` impl over
//! [`crate::service::SessionService`] that takes its per-request details from [`context`] and
//! sets [`cookies`]. [`web`] serves the sessions page at `/`.

pub mod api;
pub mod client;
pub mod connections;
pub mod context;
pub mod cookies;
pub mod credentials;
pub mod listener;
pub mod middleware;
pub mod web;

pub use client::client_address;
pub use middleware::HttpService;
