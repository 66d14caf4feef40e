//! `raw-commit sqlite PATH SECONDS` | `raw-commit postgres URL SECONDS`: the raw rate of
//! single-row durable commits, one after another, on the same database and disk the server uses.
//! SQLite runs with the store's settings (WAL, `synchronous=FULL`: every commit fsyncs the WAL);
//! PostgreSQL with its defaults (`synchronous_commit=on`). Prints one JSON object.
//!
//! This is the yardstick for durable revocations: a server that fsyncs once per request cannot
//! beat it; one that commits concurrent requests together (group commit) can.

use std::time::{Duration, Instant};

use anyhow::{bail, Context as _};

fn sqlite(path: &str, seconds: Duration) -> anyhow::Result<u64> {
    let conn = rusqlite::Connection::open(path).with_context(|| format!("opening {path}"))?;
    conn.pragma_update(None, "journal_mode", "WAL")?;
    conn.pragma_update(None, "synchronous", "FULL")?;
    conn.execute_batch("CREATE TABLE IF NOT EXISTS raw_commits (id INTEGER PRIMARY KEY, at INTEGER NOT NULL)")?;
    let mut insert = conn.prepare("INSERT INTO raw_commits (at) VALUES (?1)")?;
    let (started, mut commits) = (Instant::now(), 0u64);
    while started.elapsed() < seconds {
        // Autocommit: each statement is its own transaction, committed (and fsync'd) on return.
        insert.execute([commits as i64])?;
        commits += 1;
    }
    Ok(commits)
}

async fn postgres(url: &str, seconds: Duration) -> anyhow::Result<u64> {
    let (client, connection) = tokio_postgres::connect(url, tokio_postgres::NoTls).await.context("connecting")?;
    tokio::spawn(connection);
    client
        .batch_execute("DROP TABLE IF EXISTS mm_sessions_raw_commits; CREATE TABLE mm_sessions_raw_commits (id BIGSERIAL PRIMARY KEY, at BIGINT NOT NULL)")
        .await?;
    let insert = client.prepare("INSERT INTO mm_sessions_raw_commits (at) VALUES ($1)").await?;
    let (started, mut commits) = (Instant::now(), 0i64);
    while started.elapsed() < seconds {
        client.execute(&insert, &[&commits]).await?;
        commits += 1;
    }
    client.batch_execute("DROP TABLE mm_sessions_raw_commits").await?;
    Ok(commits as u64)
}

#[tokio::main(flavor = "current_thread")]
async fn main() -> anyhow::Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [kind, target, seconds] = args.as_slice() else {
        bail!("usage: raw-commit sqlite PATH SECONDS | raw-commit postgres URL SECONDS");
    };
    let seconds = Duration::from_secs_f64(seconds.parse().context("SECONDS is not a number")?);
    let started = Instant::now();
    let commits = match kind.as_str() {
        "sqlite" => sqlite(target, seconds)?,
        "postgres" => postgres(target, seconds).await?,
        other => bail!("unknown database kind {other}"),
    };
    let elapsed = started.elapsed().as_secs_f64();
    println!(
        "{}",
        serde_json::json!({ "commits": commits, "seconds": elapsed, "per_second": commits as f64 / elapsed })
    );
    Ok(())
}
