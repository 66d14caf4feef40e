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
//! - [`config`]: every setting, validated by the type that holds it, and every default, once.
//! - [`http`]: what runs around the generated router: the listener and its connection table,
//!   each request's steps as named functions ([`http::pipeline`]), reading each operation's
//!   facts from the spec's table ([`http::operations`]), the `Api` impl ([`http::api`]),
//!   cookies, trusted proxies, the page, `/metrics`.
//! - [`service`]: the operations, one file per concern, in Mattermost's order of checks; shared
//!   by the `Api` impl and the admin CLI (an [`service::Actor`] says who acts).
//! - [`sso`]: single sign-on as a client of an OpenID Connect / OAuth 2.0 provider: the
//!   sign-in in flight, the provider's side, ID token checks (its browser routes: [`http`]'s
//!   `sso`; its accounts and sessions: [`service`]'s).
//! - [`store`]: one small trait per capability ([`store::UserStore`], [`store::SessionStore`],
//!   …), one folder per backend with a file per capability, the session cache
//!   ([`store::cached`]) and the metrics wrapper.
//! - [`webhooks`]: session events delivered to the operator's endpoints, signed as Standard
//!   Webhooks, at least once (the events themselves are written by [`store`], with each change).
//! - [`import`]: importing a Mattermost database (users, sessions, access tokens, second
//!   factors), read-only on the source, idempotent through the import ledger.
//! - [`domain`]: ids, tokens, sessions, users, audit records, the clock, why sessions end, the
//!   session events that say so.
//! - [`error`]: the one error enum, each variant's status, Mattermost error id and message.
//! - [`permissions`]: the role → permission table and the rule for acting on another user.
//! - [`password_hash`]: argon2id hashing and verification, off the async workers; Mattermost's
//!   bcrypt and PBKDF2 hashes verified once, then replaced.
//! - [`login_budget`]: the login budgets: per address, and per account, known device or session.
//! - [`known_device`]: device cookies, which let an account's owner sign in while an outsider
//!   spends the account's budget.
//! - [`metrics`]: the Prometheus metrics served at `/metrics`.
//! - [`telemetry`]: logging to stderr.
//! - [`user_agent`]: the platform, OS and browser a login's User-Agent names.
//! - [`fingerprint`]: ties `generated/` to `api/` (checked by `build.rs`).
//!
//! # Where a change goes
//!
//! - **A new operation**: the path in `api/mattermost-sessions.yaml`, with the `x-mm-*`
//!   extensions that apply to it (listed at the top of the spec), then `scripts/regenerate`;
//!   its handler in [`http::api`] (the compiler names the missing trait method), thin: it calls a
//!   method of [`service::SessionService`] in the `service/` file of its concern (a new concern
//!   gets a file of its own there), which takes an [`service::Actor`] and returns an
//!   [`error::AppError`]; a new error in [`error`]. If the admin CLI does the same, its command in
//!   [`cli`] calls the same method.
//! - **A new backend**: a folder in `store/` implementing every capability trait, a file each, a line in
//!   [`app::open_store`], and a constructor in `tests/suite/store_behaviour.rs`. If it can tell
//!   writes made by anyone else, it hands its [`store::ChangeSource`] to
//!   [`store::Stores::watching`] and may have the session cache.
//! - **A new setting**: its names in one row of [`config::settings`] (flag, environment
//!   variable, and Mattermost's `config.json` key and type where Mattermost has it: config.json
//!   is then read for it), its default as a `DEFAULT_…` constant in [`config`], its field in the
//!   type it belongs to there (checked by its type), and its flag's field in `cli/flags.rs`
//!   reading the row (`long = settings::X.flag, env = settings::X.env`) and the constant.

pub mod app;
pub mod cli;
pub mod config;
pub mod config_file;
pub mod domain;
pub mod error;
pub mod fingerprint;
pub mod http;
pub mod import;
pub mod known_device;
pub mod login_budget;
pub mod metrics;
pub mod mfa;
pub mod password_hash;
pub mod permissions;
pub mod service;
pub mod sso;
pub mod store;
pub mod telemetry;
pub mod user_agent;
pub mod webhooks;
