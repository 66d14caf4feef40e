//! `mm-sessions webhook …`: the operator's webhook endpoints, managed on the store the server
//! uses (the server's worker sees a change within a second). A new or rotated secret is printed
//! once, as the last line, and stored sealed under the operator key when one is set.

use clap::Subcommand;

use crate::app::{self, OpenMode};
use crate::config::Database;
use crate::domain::{Endpoint, Id};
use crate::webhooks::endpoint;

/// How long the secret before a rotation keeps signing, so that receivers can switch.
const ROTATION_OVERLAP_MS: i64 = 24 * 3600 * 1000;

/// `mm-sessions webhook …`
#[derive(Debug, Subcommand)]
pub enum WebhookCommand {
    /// Add an endpoint; prints its id, then its `whsec_` secret as the last line (shown once).
    Add {
        /// https, or http to a loopback address.
        #[arg(long)]
        url: String,
        /// Event types it wants, comma-separated (default: every type): session.created,
        /// session.revoked, user.deactivated, user.mfa_changed, webhook.test.
        #[arg(long, default_value = "")]
        events: String,
    },
    /// List the endpoints: id, URL (without its query, which may hold a token), event types, state, pending deliveries (tab-separated).
    List,
    /// Stop delivering to an endpoint (its events are kept, and sent when it is enabled).
    Disable { id: String },
    /// Deliver to an endpoint again, its backlog first.
    Enable { id: String },
    /// Give an endpoint a new secret (printed as the last line); the old one signs too for a day.
    Rotate { id: String },
    /// Queue a `webhook.test` event for an endpoint.
    Test { id: String },
    /// Queue again every stored event since a time for an endpoint.
    Replay {
        id: String,
        /// Unix time in milliseconds, or RFC 3339 (2026-12-06T10:00:00Z).
        #[arg(long)]
        since: String,
    },
}

/// The operator key from the environment, saying so when there is none (the secret is then
/// stored in clear; the server given its key by `--mfa-key-file` alone has it, this command not).
fn operator_key() -> anyhow::Result<Option<crate::mfa::SecretKey>> {
    let key = super::serve::mfa_key_from_environment()?;
    if key.is_none() {
        eprintln!(
            "mm-sessions: warning: no operator key in MM_SESSIONS_MFA_KEY_FILE or MM_SESSIONS_MFA_KEY: the secret is \
             stored in clear"
        );
    }
    Ok(key)
}

/// Runs a webhook command on `database`.
pub async fn webhook(database: &Database, command: WebhookCommand) -> anyhow::Result<()> {
    let stores = app::open_store(database, OpenMode::Existing).await?;
    let store = stores.webhooks;
    let now = crate::domain::now_millis();
    match command {
        WebhookCommand::Add { url, events } => {
            let types = endpoint::parse_types(&events).map_err(anyhow::Error::msg)?;
            let key = operator_key()?;
            let (endpoint, secret) =
                endpoint::new_endpoint(&url, types, key.as_ref(), now).map_err(anyhow::Error::msg)?;
            store.add_endpoint(&endpoint).await?;
            println!("endpoint {}", endpoint.id);
            println!("url {}", endpoint.url);
            println!("events {}", types_shown(&endpoint));
            println!("{secret}");
        }
        WebhookCommand::List => {
            let pending = store.pending_deliveries().await?;
            for endpoint in store.endpoints().await? {
                let count = pending.iter().find(|(id, _, _)| *id == endpoint.id).map_or(0, |(_, n, _)| *n);
                let state = if endpoint.enabled {
                    "enabled".to_string()
                } else {
                    format!("disabled ({})", endpoint.state_reason)
                };
                println!(
                    "{}\t{}\t{}\t{state}\t{count}",
                    endpoint.id,
                    endpoint::shown_url(&endpoint.url),
                    types_shown(&endpoint)
                );
            }
        }
        WebhookCommand::Disable { id } => {
            found(store.set_endpoint_enabled(&parse(&id)?, false, "disabled by an operator").await?, &id)?;
            println!("endpoint {id} disabled");
        }
        WebhookCommand::Enable { id } => {
            found(store.set_endpoint_enabled(&parse(&id)?, true, "").await?, &id)?;
            println!("endpoint {id} enabled");
        }
        WebhookCommand::Rotate { id } => {
            let id = parse(&id)?;
            let key = operator_key()?;
            let secret = endpoint::new_secret();
            let stored = crate::mfa::seal::store_form(key.as_ref(), id.as_str(), &secret);
            found(store.rotate_endpoint_secret(&id, &stored, now + ROTATION_OVERLAP_MS).await?, id.as_str())?;
            println!("endpoint {id}: new secret; the previous one signs too for 24 hours");
            println!("{secret}");
        }
        WebhookCommand::Test { id } => {
            found(store.queue_test_event(&parse(&id)?, now).await?, &id)?;
            println!("a webhook.test event is queued for endpoint {id}");
        }
        WebhookCommand::Replay { id, since } => {
            let since = time_arg(&since)?;
            let endpoint_id = parse(&id)?;
            let known = store.endpoints().await?.iter().any(|e| e.id == endpoint_id);
            found(known, &id)?;
            let queued = store.replay_events(&endpoint_id, since, now).await?;
            println!("{queued} event(s) queued again for endpoint {id}");
        }
    }
    Ok(())
}

fn types_shown(endpoint: &Endpoint) -> String {
    if endpoint.event_types.is_empty() {
        "*".into()
    } else {
        endpoint.event_types.join(",")
    }
}

fn parse(id: &str) -> anyhow::Result<Id> {
    Id::parse(id).ok_or_else(|| anyhow::anyhow!("{:?} is not an endpoint id", super::admin::shown(id)))
}

fn found(found: bool, id: &str) -> anyhow::Result<()> {
    anyhow::ensure!(found, "no endpoint {}", super::admin::shown(id));
    Ok(())
}

/// Unix milliseconds, or an RFC 3339 time.
fn time_arg(text: &str) -> anyhow::Result<i64> {
    if let Ok(ms) = text.trim().parse::<i64>() {
        // Before 1973 in milliseconds: surely Unix seconds, which would replay everything.
        anyhow::ensure!(
            ms >= 100_000_000_000,
            "--since {ms}: give Unix milliseconds (this looks like seconds), or an RFC 3339 time"
        );
        return Ok(ms);
    }
    let at = time::OffsetDateTime::parse(text.trim(), &time::format_description::well_known::Rfc3339)
        .map_err(|_| anyhow::anyhow!("--since {text:?}: give Unix milliseconds or an RFC 3339 time"))?;
    Ok(i64::try_from(at.unix_timestamp_nanos() / 1_000_000).unwrap_or(i64::MAX))
}
