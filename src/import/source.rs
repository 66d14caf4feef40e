//! Reading a Mattermost database (PostgreSQL), read-only: one `REPEATABLE READ READ ONLY`
//! transaction, so that users, sessions and tokens are one snapshot, and each table read through
//! a portal a batch at a time, so that memory stays bounded whatever the table's size.
//!
//! The columns of `Users` that Mattermost added over the years (`remoteid`,
//! `mfausedtimestamps`, `position`, `timezone`, …) and `UserAccessTokens.expiresat` are read
//! where the schema has them, and taken as empty where it does not, so that older Mattermost
//! databases import too; the `Sessions` columns read have been there since Mattermost 5. The column facts are in `docs/operations.md`
//! ("Importing a Mattermost database") and `../shared/reference/mattermost-database.md`.

use std::collections::HashSet;

use anyhow::Context as _;
use serde::Serialize;
use tokio_postgres::{Client, NoTls, Portal, Row, Transaction};

/// A row of Mattermost's `Users` (with whether it is a bot), as read. It holds the password
/// hash and MFA secret: it is never logged (no `Debug`).
#[derive(Serialize)]
pub struct MmUser {
    pub id: String,
    pub create_at: i64,
    pub update_at: i64,
    pub delete_at: i64,
    pub username: String,
    pub password: String,
    pub auth_data: String,
    pub auth_service: String,
    pub email: String,
    pub nickname: String,
    pub first_name: String,
    pub last_name: String,
    pub position: String,
    pub roles: String,
    pub locale: String,
    /// JSON text (a map), "" when NULL.
    pub timezone: String,
    pub notify_props: String,
    pub last_password_update: i64,
    pub mfa_active: bool,
    pub mfa_secret: String,
    /// JSON text (an array of TOTP time steps), "" when NULL.
    pub mfa_used_timestamps: String,
    pub remote_id: String,
    pub is_bot: bool,
}

/// A row of Mattermost's `Sessions`, as read; it holds the token in clear (never logged).
#[derive(Serialize)]
pub struct MmSession {
    pub id: String,
    pub token: String,
    pub create_at: i64,
    pub expires_at: i64,
    pub last_activity_at: i64,
    pub user_id: String,
    pub device_id: String,
    pub roles: String,
    pub is_oauth: bool,
    pub props: String,
    pub expired_notify: bool,
}

/// A row of Mattermost's `UserAccessTokens`, as read; it holds the token in clear.
#[derive(Serialize)]
pub struct MmToken {
    pub id: String,
    pub token: String,
    pub user_id: String,
    pub description: String,
    pub is_active: bool,
    pub expires_at: i64,
}

/// A connection to the source database.
pub struct Source {
    client: Client,
}

/// How many rows of each table, for the progress line.
pub struct Totals {
    pub users: i64,
    pub sessions: i64,
    pub tokens: i64,
    /// Sessions already expired (left behind).
    pub expired_sessions: i64,
}

impl Source {
    /// Connects to `url` (a `postgres://` URL; `?options=-csearch_path%3D…` names another schema).
    pub async fn connect(url: &str) -> anyhow::Result<Self> {
        let (client, connection) = tokio_postgres::connect(url, NoTls).await.context("connecting to the source")?;
        tokio::spawn(async move {
            if let Err(e) = connection.await {
                tracing::warn!(error = %e, "the source database connection ended");
            }
        });
        Ok(Source { client })
    }

    /// The read-only snapshot every read below is made in.
    pub async fn snapshot(&mut self) -> anyhow::Result<Snapshot<'_>> {
        let tx = self
            .client
            .build_transaction()
            .isolation_level(tokio_postgres::IsolationLevel::RepeatableRead)
            .read_only(true)
            .start()
            .await
            .context("starting a read-only transaction on the source")?;
        let tables =
            names(&tx, "SELECT table_name::text FROM information_schema.tables WHERE table_schema = current_schema()")
                .await?;
        for table in ["users", "sessions"] {
            anyhow::ensure!(
                tables.contains(table),
                "the source has no `{table}` table in its schema: is it a Mattermost database (and the schema the \
                 URL's search_path names)?"
            );
        }
        Ok(Snapshot { tx, tables })
    }
}

async fn names(tx: &Transaction<'_>, sql: &str) -> anyhow::Result<HashSet<String>> {
    let rows = tx.query(sql, &[]).await.context("reading the source's schema")?;
    rows.iter().map(|r| r.try_get::<_, String>(0).map_err(Into::into)).collect()
}

/// A read-only snapshot of the source.
pub struct Snapshot<'a> {
    tx: Transaction<'a>,
    tables: HashSet<String>,
}

/// A table being read, a batch at a time.
pub struct Reader<'s, 'a> {
    snapshot: &'s Snapshot<'a>,
    portal: Portal,
    done: bool,
}

impl Reader<'_, '_> {
    /// The next rows (at most `n`); empty at the end.
    pub async fn next(&mut self, n: i32) -> anyhow::Result<Vec<Row>> {
        if self.done {
            return Ok(Vec::new());
        }
        let rows = self.snapshot.tx.query_portal(&self.portal, n).await.context("reading the source")?;
        self.done = rows.len() < usize::try_from(n).unwrap_or(0);
        Ok(rows)
    }
}

impl<'a> Snapshot<'a> {
    /// Ends the read-only transaction, waiting for the source to have ended it (a transaction
    /// merely dropped ends only when the connection next runs, keeping its locks meanwhile).
    pub async fn close(self) -> anyhow::Result<()> {
        self.tx.rollback().await.context("ending the read-only transaction on the source")
    }

    async fn columns(&self, table: &str) -> anyhow::Result<HashSet<String>> {
        let rows = self
            .tx
            .query(
                "SELECT column_name::text FROM information_schema.columns \
                 WHERE table_schema = current_schema() AND table_name = $1",
                &[&table],
            )
            .await
            .context("reading the source's columns")?;
        rows.iter().map(|r| r.try_get::<_, String>(0).map_err(Into::into)).collect()
    }

    /// The row counts, and the sessions already expired at `now`.
    pub async fn totals(&self, now: i64) -> anyhow::Result<Totals> {
        let count = async |sql: &str| -> anyhow::Result<i64> {
            Ok(self.tx.query_one(sql, &[]).await.context("counting the source's rows")?.try_get(0)?)
        };
        let expired = self
            .tx
            .query_one("SELECT count(*) FROM sessions WHERE expiresat > 0 AND expiresat <= $1", &[&now])
            .await
            .context("counting the source's rows")?
            .try_get(0)?;
        Ok(Totals {
            users: count("SELECT count(*) FROM users").await?,
            sessions: count("SELECT count(*) FROM sessions").await? - expired,
            tokens: if self.tables.contains("useraccesstokens") {
                count("SELECT count(*) FROM useraccesstokens").await?
            } else {
                0
            },
            expired_sessions: expired,
        })
    }

    async fn reader(
        &self,
        sql: &str,
        params: &[&(dyn tokio_postgres::types::ToSql + Sync)],
    ) -> anyhow::Result<Reader<'_, 'a>> {
        let statement = self.tx.prepare(sql).await.with_context(|| format!("preparing {sql}"))?;
        let portal = self.tx.bind(&statement, params).await.context("opening a portal on the source")?;
        Ok(Reader { snapshot: self, portal, done: false })
    }

    /// Every user, by id.
    pub async fn users(&self) -> anyhow::Result<Reader<'_, 'a>> {
        let have = self.columns("users").await?;
        let text = |column: &str| {
            if have.contains(column) {
                format!("coalesce(u.{column}::text, '')")
            } else {
                "''".to_owned()
            }
        };
        let int =
            |column: &str| if have.contains(column) { format!("coalesce(u.{column}, 0)") } else { "0".to_owned() };
        let flag = |column: &str| {
            if have.contains(column) {
                format!("coalesce(u.{column}, false)")
            } else {
                "false".to_owned()
            }
        };
        let is_bot =
            if self.tables.contains("bots") { "EXISTS (SELECT 1 FROM bots b WHERE b.userid = u.id)" } else { "false" };
        let sql = format!(
            "SELECT u.id, {}, {}, {}, {}, {}, {}, {}, {}, {}, {}, {}, {}, {}, {}, {}, {}, {}, {}, {}, {}, {}, {is_bot} \
             FROM users u ORDER BY u.id",
            int("createat"),
            int("updateat"),
            int("deleteat"),
            text("username"),
            text("password"),
            text("authdata"),
            text("authservice"),
            text("email"),
            text("nickname"),
            text("firstname"),
            text("lastname"),
            text("position"),
            text("roles"),
            text("locale"),
            text("timezone"),
            text("notifyprops"),
            int("lastpasswordupdate"),
            flag("mfaactive"),
            text("mfasecret"),
            text("mfausedtimestamps"),
            text("remoteid"),
        );
        self.reader(&sql, &[]).await
    }

    /// Every session not expired at `now`, by id.
    pub async fn sessions(&self, now: i64) -> anyhow::Result<Reader<'_, 'a>> {
        let sql = "SELECT id, coalesce(token, ''), coalesce(createat, 0), coalesce(expiresat, 0), \
                   coalesce(lastactivityat, 0), coalesce(userid, ''), coalesce(deviceid, ''), coalesce(roles, ''), \
                   coalesce(isoauth, false), coalesce(props::text, ''), coalesce(expirednotify, false) \
                   FROM sessions WHERE expiresat <= 0 OR expiresat > $1 ORDER BY id";
        self.reader(sql, &[&now]).await
    }

    /// Every personal access token, by id (none when the table is missing).
    pub async fn tokens(&self) -> anyhow::Result<Option<Reader<'_, 'a>>> {
        if !self.tables.contains("useraccesstokens") {
            return Ok(None);
        }
        let expires = if self.columns("useraccesstokens").await?.contains("expiresat") {
            "coalesce(expiresat, 0)"
        } else {
            "0::bigint"
        };
        let sql = format!(
            "SELECT id, coalesce(token, ''), coalesce(userid, ''), coalesce(description, ''), coalesce(isactive, false), \
             {expires} FROM useraccesstokens ORDER BY id"
        );
        self.reader(&sql, &[]).await.map(Some)
    }
}

/// A `Users` row as [`Snapshot::users`] selects it.
pub fn user(r: &Row) -> anyhow::Result<MmUser> {
    Ok(MmUser {
        id: r.try_get(0)?,
        create_at: r.try_get(1)?,
        update_at: r.try_get(2)?,
        delete_at: r.try_get(3)?,
        username: r.try_get(4)?,
        password: r.try_get(5)?,
        auth_data: r.try_get(6)?,
        auth_service: r.try_get(7)?,
        email: r.try_get(8)?,
        nickname: r.try_get(9)?,
        first_name: r.try_get(10)?,
        last_name: r.try_get(11)?,
        position: r.try_get(12)?,
        roles: r.try_get(13)?,
        locale: r.try_get(14)?,
        timezone: r.try_get(15)?,
        notify_props: r.try_get(16)?,
        last_password_update: r.try_get(17)?,
        mfa_active: r.try_get(18)?,
        mfa_secret: r.try_get(19)?,
        mfa_used_timestamps: r.try_get(20)?,
        remote_id: r.try_get(21)?,
        is_bot: r.try_get(22)?,
    })
}

/// A `Sessions` row as [`Snapshot::sessions`] selects it.
pub fn session(r: &Row) -> anyhow::Result<MmSession> {
    Ok(MmSession {
        id: r.try_get(0)?,
        token: r.try_get(1)?,
        create_at: r.try_get(2)?,
        expires_at: r.try_get(3)?,
        last_activity_at: r.try_get(4)?,
        user_id: r.try_get(5)?,
        device_id: r.try_get(6)?,
        roles: r.try_get(7)?,
        is_oauth: r.try_get(8)?,
        props: r.try_get(9)?,
        expired_notify: r.try_get(10)?,
    })
}

/// A `UserAccessTokens` row as [`Snapshot::tokens`] selects it.
pub fn token(r: &Row) -> anyhow::Result<MmToken> {
    Ok(MmToken {
        id: r.try_get(0)?,
        token: r.try_get(1)?,
        user_id: r.try_get(2)?,
        description: r.try_get(3)?,
        is_active: r.try_get(4)?,
        expires_at: r.try_get(5)?,
    })
}
