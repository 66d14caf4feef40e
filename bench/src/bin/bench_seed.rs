//! `bench-seed`: fills a fresh store with users and sessions through the store's own bulk
//! import, and writes what the load generator needs (tokens, session ids) into a folder.
//!
//! ```text
//! bench-seed --database D --out DIR [--users N] [--sessions-per-user M] [--big-users K]
//!            [--login-users L] [--sample S] [--serve ADDR] [--layout interleaved|by-user]
//! ```
//!
//! - `N` users with `M` sessions each (the bulk of the store), `K` users with 500 sessions
//!   each (revoke-all at the cap), `L` users with a password (login), one system admin.
//! - On PostgreSQL the data goes into a fresh schema `mm_sessions_bench` (dropped first); the
//!   URL to serve it is written to `DIR/database.url`.
//! - `--serve ADDR` then serves the seeded store with the real server (`Application`), in this
//!   process: the only way to benchmark the in-memory store, which lives in one process.
//!
//! `--layout interleaved` (the default) writes the bulk users first and their sessions after, in a
//! random order, as logins over weeks leave a table; `--layout by-user` writes each user's sessions
//! together, as this tool did before 2026-12-03 (a list read then finds them on one or two pages).
//!
//! Files: `users.tsv` (`user_id \t token \t id,id,...`: the token of the user's first session and
//! the ids of the others, for at most `S` users spread over the store), `tokens.tsv`
//! (`user_id \t token,token,...`: every session's token, for the same users), `big.tsv`
//! (`user_id \t token`), `login.tsv` (`username \t password`), `admin.token`, `probe.tsv` (two
//! users of the normal shape kept out of the load, for capturing real responses).

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::num::NonZeroU32;
use std::path::PathBuf;
use std::time::Instant;

use anyhow::{bail, Context as _};
use mm_sessions::config::{Database, ServeConfig};
use mm_sessions::domain::{now_millis, Id, Session, User};
use mm_sessions::store::Stores;

/// The password every login user gets.
const PASSWORD: &str = "bench-password-1";
/// The per-user cap the server enforces; the big users sit exactly at it.
const BIG_USER_SESSIONS: usize = 500;
/// Users per import transaction.
const CHUNK_USERS: usize = 2_000;

struct Args {
    database: Database,
    out: PathBuf,
    users: usize,
    sessions_per_user: usize,
    big_users: usize,
    login_users: usize,
    sample: usize,
    serve: Option<std::net::SocketAddr>,
    layout: Layout,
}

/// Where the bulk users' sessions lie in the store.
#[derive(Clone, Copy, PartialEq)]
enum Layout {
    /// Mixed over the whole table, as logins over weeks leave them: a user's sessions each on
    /// their own page, so a list read touches as many pages as the user has sessions.
    Interleaved,
    /// Each user's sessions written together, on one or two pages (the layout before 2026-12-03).
    ByUser,
}

fn parse_args() -> anyhow::Result<Args> {
    let mut args = Args {
        database: Database::Memory,
        out: PathBuf::new(),
        users: 10_000,
        sessions_per_user: 10,
        big_users: 5,
        login_users: 64,
        sample: 20_000,
        serve: None,
        layout: Layout::Interleaved,
    };
    let mut database = None;
    let mut it = std::env::args().skip(1);
    while let Some(flag) = it.next() {
        let value = it.next().with_context(|| format!("{flag} needs a value"))?;
        let number = || value.parse::<usize>().with_context(|| format!("{flag}: not a number: {value}"));
        match flag.as_str() {
            "--database" => database = Some(value.parse::<Database>().map_err(anyhow::Error::msg)?),
            "--out" => args.out = PathBuf::from(&value),
            "--users" => args.users = number()?,
            "--sessions-per-user" => args.sessions_per_user = number()?,
            "--big-users" => args.big_users = number()?,
            "--login-users" => args.login_users = number()?,
            "--sample" => args.sample = number()?,
            "--serve" => args.serve = Some(value.parse().context("--serve: not an address")?),
            "--layout" => {
                args.layout = match value.as_str() {
                    "interleaved" => Layout::Interleaved,
                    "by-user" => Layout::ByUser,
                    other => bail!("--layout: interleaved or by-user, not {other}"),
                }
            }
            other => bail!("unknown flag {other}"),
        }
    }
    args.database = database.context("--database is required")?;
    if args.out.as_os_str().is_empty() {
        bail!("--out is required");
    }
    if args.sessions_per_user < 2 {
        bail!("--sessions-per-user must be at least 2 (one to sign in with, one to revoke)");
    }
    if args.database == Database::Memory && args.serve.is_none() {
        bail!("the memory store lives in this process: give --serve ADDR");
    }
    Ok(args)
}

/// A browser login's lifetime.
const THIRTY_DAYS_MS: i64 = 30 * 24 * 3600 * 1000;

/// A user as the admin CLI would create it.
fn user(name: &str, roles: &str, now: i64, password_hash: Option<String>) -> User {
    User {
        id: Id::generate(),
        username: name.to_owned(),
        email: format!("{name}@bench.example.com"),
        roles: roles.to_owned(),
        create_at: now,
        update_at: now,
        // As `NewUser::validate` (Mattermost's `PreSave`): from the creation.
        last_password_update: now,
        password_hash,
        delete_at: 0,
        mfa_active: false,
        auth_service: String::new(),
        auth_data: None,
        profile: None,
    }
}

/// What [`sessions`] hands back of one user's sessions.
struct Issued {
    /// The first session's token (the uniform load signs in with it).
    first: String,
    /// The ids of the others (the revocation load's targets).
    others: Vec<String>,
    /// Every session's token (the Zipf load draws among them).
    tokens: Vec<String>,
}

/// `count` sessions for `user`, shaped like a browser login's (30 days, UA props).
fn sessions(user: &User, count: usize, now: i64, into: &mut Vec<Session>) -> Issued {
    let props = BTreeMap::from([
        ("browser".to_owned(), "Chrome/131.0".to_owned()),
        ("os".to_owned(), "Linux".to_owned()),
        ("platform".to_owned(), "Linux".to_owned()),
        ("csrf".to_owned(), Id::generate().into_string()),
        ("is_mobile".to_owned(), "false".to_owned()),
    ]);
    let mut issued =
        Issued { first: String::new(), others: Vec::with_capacity(count), tokens: Vec::with_capacity(count) };
    for i in 0..count {
        let (token, session) = Session::issue(user, now, THIRTY_DAYS_MS, String::new(), props.clone());
        if i == 0 {
            issued.first = token.expose().to_owned();
        } else {
            issued.others.push(session.id.as_str().to_owned());
        }
        issued.tokens.push(token.expose().to_owned());
        into.push(session);
    }
    issued
}

/// PostgreSQL: a fresh schema, and the URL that puts the server in it.
async fn fresh_postgres_schema(url: &str) -> anyhow::Result<String> {
    let (client, connection) = tokio_postgres::connect(url, tokio_postgres::NoTls).await.context("connecting")?;
    tokio::spawn(connection);
    client
        .batch_execute("DROP SCHEMA IF EXISTS mm_sessions_bench CASCADE; CREATE SCHEMA mm_sessions_bench")
        .await
        .context("recreating schema mm_sessions_bench")?;
    let separator = if url.contains('?') { '&' } else { '?' };
    Ok(format!("{url}{separator}options=-c%20search_path%3Dmm_sessions_bench"))
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let mut args = parse_args()?;
    std::fs::create_dir_all(&args.out).with_context(|| format!("creating {}", args.out.display()))?;
    if let Database::Postgres(url) = &args.database {
        let url = fresh_postgres_schema(url).await?;
        std::fs::write(args.out.join("database.url"), &url)?;
        args.database = Database::Postgres(url);
    }
    if let Database::Sqlite(path) = &args.database {
        if path.exists() {
            bail!("{} exists: the benchmark seeds a fresh store", path.display());
        }
    }

    let mut config = ServeConfig::new(args.serve.unwrap_or(([127, 0, 0, 1], 0).into()), args.database.clone());
    // The load comes from one address at thousands of logins a minute.
    config.policy.login_rate_ip = NonZeroU32::MAX;
    config.policy.login_rate_account = NonZeroU32::MAX;
    // The server binary's setting, read the same way (scripts/bench --session-cache-size).
    if let Ok(size) = std::env::var("MM_SESSIONS_SESSION_CACHE_SIZE") {
        let size: usize = size.parse().context("MM_SESSIONS_SESSION_CACHE_SIZE: not a number")?;
        config.session_cache = std::num::NonZeroUsize::new(size).map(mm_sessions::config::CacheLimits::for_entries);
    }
    let mut _log = None;
    let app = match args.serve {
        // Served like the binary serves: the same log lines (scripts/bench sends them to a file).
        Some(_) => {
            _log = Some(mm_sessions::telemetry::init("info"));
            Some(mm_sessions::app::Application::build(config.clone()).await?)
        }
        None => None,
    };
    let store: Stores = match &app {
        Some(app) => app.service().stores().clone(),
        None => mm_sessions::app::open_store(&args.database, mm_sessions::app::OpenMode::Create).await?,
    };

    let started = Instant::now();
    let now = now_millis();
    let hash = mm_sessions::password_hash::hash(PASSWORD.to_owned()).await?;
    let mut total_sessions = 0usize;

    // The admin, the login users, the probes and the big users: one transaction.
    let admin = user("bench-admin", "system_user system_admin", now, None);
    let mut users = vec![admin.clone()];
    let mut batch = Vec::new();
    let admin_token = sessions(&admin, 1, now, &mut batch).first;
    let mut login = String::new();
    for i in 0..args.login_users {
        let name = format!("login-{i:04}");
        users.push(user(&name, "system_user", now, Some(hash.clone())));
        writeln!(login, "{name}\t{PASSWORD}")?;
    }
    let mut probe = String::new();
    for i in 0..2 {
        let u = user(&format!("probe-{i}"), "system_user", now, None);
        let issued = sessions(&u, args.sessions_per_user, now, &mut batch);
        writeln!(probe, "{}\t{}\t{}", u.id, issued.first, issued.others.join(","))?;
        users.push(u);
    }
    let mut big = String::new();
    for i in 0..args.big_users {
        let u = user(&format!("big-{i:04}"), "system_user", now, None);
        let first = sessions(&u, BIG_USER_SESSIONS, now, &mut batch).first;
        writeln!(big, "{}\t{first}", u.id)?;
        users.push(u);
    }
    total_sessions += batch.len();
    store.maintenance.import(&users, &batch).await.context("importing the admin, login and big users")?;

    // The bulk, in chunks; every `step`-th user goes into the sample the load generator uses.
    let step = args.users.div_ceil(args.sample.max(1)).max(1);
    let mut sample = String::new();
    let mut tokens = String::new();
    let mut pending = Vec::new();
    let mut next = 0;
    while next < args.users {
        let end = (next + CHUNK_USERS).min(args.users);
        let mut users = Vec::with_capacity(end - next);
        let mut batch = Vec::with_capacity((end - next) * args.sessions_per_user);
        for i in next..end {
            let u = user(&format!("user-{i:07}"), "system_user", now, None);
            let issued = sessions(&u, args.sessions_per_user, now, &mut batch);
            if i % step == 0 {
                writeln!(sample, "{}\t{}\t{}", u.id, issued.first, issued.others.join(","))?;
                writeln!(tokens, "{}\t{}", u.id, issued.tokens.join(","))?;
            }
            users.push(u);
        }
        total_sessions += batch.len();
        if args.layout == Layout::Interleaved {
            // The users now, their sessions once every user is in, in a random order.
            pending.append(&mut batch);
        }
        store.maintenance.import(&users, &batch).await.with_context(|| format!("importing users {next}..{end}"))?;
        next = end;
    }
    // Session ids are random: in their order, no two of a user's sessions are likely neighbours.
    pending.sort_unstable_by(|a, b| a.id.as_str().cmp(b.id.as_str()));
    for chunk in pending.chunks(CHUNK_USERS * args.sessions_per_user) {
        store.maintenance.import(&[], chunk).await.context("importing the sessions")?;
    }

    for (name, text) in [
        ("users.tsv", sample),
        ("tokens.tsv", tokens),
        ("big.tsv", big),
        ("login.tsv", login),
        ("probe.tsv", probe),
        ("admin.token", admin_token),
    ] {
        std::fs::write(args.out.join(name), text).with_context(|| format!("writing {name}"))?;
    }
    let summary = serde_json::json!({
        "users": args.users + args.big_users + args.login_users + 3,
        "sessions": total_sessions,
        "seconds": started.elapsed().as_secs_f64(),
    });
    std::fs::write(args.out.join("seed.json"), summary.to_string())?;
    eprintln!("seeded {summary}");

    if let Some(app) = app {
        // scripts/bench waits for this line.
        println!("listening {}", app.local_addr());
        app.run_until(mm_sessions::app::shutdown_signal()).await?;
    }
    Ok(())
}
