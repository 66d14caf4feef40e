//! `store-reads DATABASE DATA_DIR OP SECONDS CONCURRENCY`: what the store's own reads for one
//! request cost, in this process, without HTTP: the statements a request of `OP` runs when
//! nothing is cached (`get`: the session by token, the user, the user's sessions; `me` and
//! `check`: the session by token and the user; in one statement where the backend reads them
//! together, as the server does), over the users the load uses (`users.tsv`), on
//! the store `bench-seed` filled, by `CONCURRENCY` tasks at once (the load's connection count:
//! PostgreSQL's round trips overlap as the server's do). Prints `{"op", "requests",
//! "per_request_us"}`, the elapsed time over the requests: the reads' inverse throughput.
//!
//! `scripts/bench` composes it with the generated ceiling, `1 / (1/R_generated + t_reads)`: the
//! rate a server could reach if the generated layer and these reads were all it did.

use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use anyhow::{bail, Context as _};
use mm_sessions::app::{open_store, OpenMode};
use mm_sessions::config::Database;
use mm_sessions::domain::{Id, TokenHash};

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let args: Vec<String> = std::env::args().collect();
    let [_, database, data, op, seconds, concurrency] = args.as_slice() else {
        bail!("usage: store-reads DATABASE DATA_DIR get|me|check SECONDS CONCURRENCY");
    };
    let concurrency: usize = concurrency.parse().context("CONCURRENCY: not a number")?;
    let database: Database = database.parse().map_err(anyhow::Error::msg)?;
    let seconds: f64 = seconds.parse().context("SECONDS: not a number")?;
    let with_list = match op.as_str() {
        "get" => true,
        "me" | "check" => false,
        other => bail!("store-reads measures get, me or check, not {other}"),
    };
    let users: Vec<(Id, TokenHash)> = std::fs::read_to_string(format!("{data}/users.tsv"))
        .context("reading users.tsv")?
        .lines()
        .filter_map(|line| {
            let mut fields = line.split('\t');
            Some((Id::parse(fields.next()?)?, TokenHash::of(fields.next()?)))
        })
        .collect();
    if users.is_empty() {
        bail!("users.tsv names no users");
    }
    // Uncached: the backend itself, as a miss reaches it.
    let stores = open_store(&database, OpenMode::Existing).await?;
    let users = Arc::new(users);
    let next = Arc::new(AtomicU64::new(0));
    let deadline = Instant::now() + Duration::from_secs_f64(seconds);
    let started = Instant::now();
    let mut tasks = Vec::new();
    for _ in 0..concurrency.max(1) {
        let (stores, users, next) = (stores.clone(), users.clone(), next.clone());
        tasks.push(tokio::spawn(async move {
            while Instant::now() < deadline {
                let i = next.fetch_add(1, Ordering::Relaxed) as usize;
                let (user_id, hash) = &users[i % users.len()];
                // As authentication reads: the session with its user (and for `get` the list)
                // where the backend reads them together, the rest apart.
                let sessions = &stores.sessions;
                let found = if with_list {
                    sessions.session_user_and_sessions_by_token(hash).await?
                } else {
                    sessions.session_and_user_by_token(hash).await?.map(|(session, user)| (session, user, None))
                };
                let (session, user, list) = found.context("a seeded token is unknown")?;
                anyhow::ensure!(&session.user_id == user_id, "a token of another user");
                if user.is_none() {
                    stores.users.user_by_id(user_id).await?.context("a seeded user is missing")?;
                }
                if with_list && list.is_none() {
                    std::hint::black_box(sessions.sessions_for_user(user_id).await?);
                }
            }
            anyhow::Ok(())
        }));
    }
    for task in tasks {
        task.await??;
    }
    let requests = next.load(Ordering::Relaxed);
    let per_request_us = started.elapsed().as_secs_f64() * 1e6 / requests as f64;
    println!("{}", serde_json::json!({ "op": op, "requests": requests, "per_request_us": per_request_us }));
    Ok(())
}
