//! PostgreSQL for the tests: the URL comes from `MM_SESSIONS_TEST_POSTGRES` (`.ci/run` sets it).
//! Every test that needs it has `postgres` in its name (or is in `multinode`): when the variable
//! is unset or empty, `scripts/test` leaves them out with a nextest filter
//! (`.config/nextest.toml`), so that nextest reports them as skipped; run anyway, they fail
//! saying why, never pass without having run. Each test gets a schema of its own, dropped when
//! the test ends, so tests run in parallel on one database.

use mm_sessions::domain::Id;

/// The environment variable naming the test database.
pub const ENV: &str = "MM_SESSIONS_TEST_POSTGRES";

/// A private schema on the test database; dropped with this value.
pub struct PgSchema {
    base: String,
    name: String,
    /// A URL whose connections see only this schema.
    pub url: String,
}

/// The test database's URL; an empty value is no value.
pub fn url() -> Option<String> {
    std::env::var(ENV).ok().filter(|url| !url.trim().is_empty())
}

/// A fresh schema on the test database.
pub async fn schema() -> PgSchema {
    let Some(base) = url() else {
        panic!(
            "this test needs PostgreSQL: set {ENV}=postgres://user@host:port/db (scripts/test leaves it out otherwise)"
        )
    };
    let name = format!("t_{}", Id::generate().as_str().to_lowercase());
    let (client, connection) =
        tokio_postgres::connect(&base, tokio_postgres::NoTls).await.expect("test database reachable");
    tokio::spawn(connection);
    client.batch_execute(&format!("CREATE SCHEMA {name}")).await.expect("schema created");
    let separator = if base.contains('?') { '&' } else { '?' };
    let url = format!("{base}{separator}options=-c%20search_path%3D{name}");
    PgSchema { base, name, url }
}

impl Drop for PgSchema {
    fn drop(&mut self) {
        let (base, name) = (self.base.clone(), self.name.clone());
        // Drop runs outside async code: a thread of its own with a small runtime.
        let _ = std::thread::spawn(move || {
            let runtime = tokio::runtime::Builder::new_current_thread().enable_all().build().ok()?;
            runtime.block_on(async {
                let (client, connection) = tokio_postgres::connect(&base, tokio_postgres::NoTls).await.ok()?;
                tokio::spawn(connection);
                client.batch_execute(&format!("DROP SCHEMA IF EXISTS {name} CASCADE")).await.ok()
            })
        })
        .join();
    }
}
