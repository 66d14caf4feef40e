//! PostgreSQL for the tests: the URL comes from `MM_SESSIONS_TEST_POSTGRES` (scripts/test says
//! loudly when it is unset, and `.ci/run` sets it). Each test gets a schema of its own, dropped
//! when the test ends, so tests run in parallel on one database.

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

/// A fresh schema, or `None` (with a loud line on stderr) when no database is configured.
pub async fn schema() -> Option<PgSchema> {
    let Ok(base) = std::env::var(ENV) else {
        eprintln!("!!!!! SKIPPED: PostgreSQL test ({ENV} is not set)");
        return None;
    };
    let name = format!("t_{}", Id::generate().as_str().to_lowercase());
    let (client, connection) =
        tokio_postgres::connect(&base, tokio_postgres::NoTls).await.expect("test database reachable");
    tokio::spawn(connection);
    client.batch_execute(&format!("CREATE SCHEMA {name}")).await.expect("schema created");
    let separator = if base.contains('?') { '&' } else { '?' };
    let url = format!("{base}{separator}options=-c%20search_path%3D{name}");
    Some(PgSchema { base, name, url })
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
