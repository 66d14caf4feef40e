//! `pgbench-script URL OP DRAWS`: PostgreSQL's own ceiling for one hot operation, `P_op`, as
//! `pgbench -f` measures it: the statement the server runs for an uncached request of `OP`
//! (`get`: `GET /users/{id}/sessions`; `me` and `check`: the session with its user), taken from
//! the store itself, with the load's draws.
//!
//! `DRAWS` is a file of tokens, one per line, in the order `scripts/bench` drew them for the
//! load (Zipf or uniform, as wrk draws them). Their hashes go into a table `mm_bench_draws (i, token_hash)`
//! in the schema `URL` names (bench-seed's `database.url`); the script draws `i` uniformly and
//! runs the server's statement with `$1` read from that table inside the same statement (one
//! round trip, as the server's; the draw's primary-key lookup is the only work beyond the
//! server's, and it makes `P_op` a little lower, not higher).
//!
//! Prints `{"script", "pool"}`: the script, and the most statements the server has in flight at
//! once (its pool's size), which caps pgbench's clients: at more, pgbench would measure more
//! database backends contending for the cores than the server ever runs.

use anyhow::{bail, ensure, Context as _};
use mm_sessions::domain::TokenHash;
use mm_sessions::store::{session_and_user_by_token_sql, with_sessions_by_token_sql};

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let args: Vec<String> = std::env::args().collect();
    let [_, url, op, draws] = args.as_slice() else {
        bail!("usage: pgbench-script URL get|me|check DRAWS");
    };
    let statement = match op.as_str() {
        "get" => with_sessions_by_token_sql(),
        "me" | "check" => session_and_user_by_token_sql(),
        other => bail!("pgbench-script measures get, me or check, not {other}"),
    };
    ensure!(statement.matches("$1").count() == 1, "the statement takes one parameter, the token's hash");
    let hashes: Vec<Vec<u8>> = std::fs::read_to_string(draws)
        .with_context(|| format!("reading {draws}"))?
        .lines()
        .map(|token| TokenHash::of(token).0.to_vec())
        .collect();
    ensure!(!hashes.is_empty(), "{draws} holds no tokens");
    let numbers: Vec<i32> = (1..=i32::try_from(hashes.len())?).collect();

    let (client, connection) = tokio_postgres::connect(url, tokio_postgres::NoTls).await.context("connecting")?;
    tokio::spawn(connection);
    client
        .batch_execute(
            "DROP TABLE IF EXISTS mm_bench_draws; \
             CREATE TABLE mm_bench_draws (i integer PRIMARY KEY, token_hash bytea NOT NULL)",
        )
        .await
        .context("creating mm_bench_draws")?;
    client
        .execute("INSERT INTO mm_bench_draws SELECT * FROM unnest($1::integer[], $2::bytea[])", &[&numbers, &hashes])
        .await
        .context("filling mm_bench_draws")?;
    client.batch_execute("ANALYZE mm_bench_draws").await?;

    let script = format!(
        "\\set i random(1, {})\n{};\n",
        hashes.len(),
        statement.replace("$1", "(SELECT token_hash FROM mm_bench_draws WHERE i = :i)")
    );
    println!("{}", serde_json::json!({ "script": script, "pool": mm_sessions::store::postgres::POOL_SIZE }));
    Ok(())
}
