//! Importing a Mattermost database (`mm-sessions import mattermost --from postgres://…`): its
//! users (with their profile, roles, sign-in method, password hashes and second factor), every
//! unexpired session and every personal access token, so that nobody signs in again.
//!
//! The parts: [`source`] reads the Mattermost database, read-only, in one snapshot, a batch at
//! a time; [`mapping`] turns each row into ours or says why not; here each batch is decided
//! against the import ledger ([`crate::store::ImportStore`]) and written in one transaction;
//! [`report`] counts it all.
//!
//! Idempotent: the ledger keeps the digest of every source row written, so a second run skips
//! what is unchanged, updates what changed and never brings back what was revoked here since.
//! Tokens are stored as SHA-256, as ours are; the source keeps them in clear (the operator's
//! migration steps say how to wipe them).

use std::collections::{HashMap, HashSet};
use std::io::IsTerminal as _;

use crate::domain::now_millis;
use crate::mfa::SecretKey;
use crate::store::imports::ImportRow;
use crate::store::{ImportBatch, ImportKind, Stores};

pub mod mapping;
pub mod report;
pub mod source;

pub use report::Report;

/// Rows per batch: per transaction on the store, per read from the source.
const BATCH: usize = 1000;

/// What an import is asked.
pub struct Options {
    /// The source: a `postgres://` URL of Mattermost's database.
    pub from: String,
    /// Decide everything, write nothing.
    pub dry_run: bool,
    /// Seals MFA secrets, when set.
    pub operator_key: Option<SecretKey>,
    /// Where every skipped or noted row is written (JSON lines).
    pub report_file: Option<std::fs::File>,
}

/// Imports what `options` names into `stores`.
pub async fn run(stores: &Stores, options: Options) -> anyhow::Result<Report> {
    let mut source = source::Source::connect(&options.from).await?;
    let snapshot = source.snapshot().await?;
    let now = now_millis();
    let totals = snapshot.totals(now).await?;
    let mut run = Run {
        stores,
        report: Report::new(options.dry_run, options.report_file),
        dry_run: options.dry_run,
        progress: std::io::stderr().is_terminal(),
        at: now,
        users_not_imported: HashSet::new(),
    };
    run.report.expired_sessions = u64::try_from(totals.expired_sessions).unwrap_or(0);
    let key = options.operator_key.as_ref();

    {
        let mut users = snapshot.users().await?;
        loop {
            let rows = users.next(BATCH as i32).await?;
            if rows.is_empty() {
                break;
            }
            let mapped = rows
                .iter()
                .map(|r| source::user(r).map(|u| (u.id.clone(), mapping::user(&u, key))))
                .collect::<anyhow::Result<Vec<_>>>()?;
            run.batch(ImportKind::User, mapped, totals.users, |b, row| b.users.push(row)).await?;
        }
        run.done(ImportKind::User);

        let mut sessions = snapshot.sessions(now).await?;
        loop {
            let rows = sessions.next(BATCH as i32).await?;
            if rows.is_empty() {
                break;
            }
            let mapped = rows
                .iter()
                .map(|r| source::session(r).map(|s| (s.id.clone(), mapping::session(&s))))
                .collect::<anyhow::Result<Vec<_>>>()?;
            run.batch(ImportKind::Session, mapped, totals.sessions, |b, row| b.sessions.push(row)).await?;
        }
        run.done(ImportKind::Session);

        if let Some(mut tokens) = snapshot.tokens().await? {
            loop {
                let rows = tokens.next(BATCH as i32).await?;
                if rows.is_empty() {
                    break;
                }
                let mapped = rows
                    .iter()
                    .map(|r| source::token(r).map(|t| (t.id.clone(), mapping::token(&t))))
                    .collect::<anyhow::Result<Vec<_>>>()?;
                run.batch(ImportKind::Token, mapped, totals.tokens, |b, row| b.tokens.push(row)).await?;
            }
            run.done(ImportKind::Token);
        }
    }
    snapshot.close().await?;
    run.report.finish()?;
    Ok(run.report)
}

/// What a batch asks of a row of each kind.
trait Row {
    /// The user whose row it is (a session's, a token's).
    fn owner(&self) -> Option<&str> {
        None
    }
    /// The user it is (a user's row).
    fn user(&self) -> Option<&crate::domain::User> {
        None
    }
}

impl Row for crate::store::imports::ImportedUser {
    fn user(&self) -> Option<&crate::domain::User> {
        Some(&self.user)
    }
}

impl Row for crate::domain::Session {
    fn owner(&self) -> Option<&str> {
        Some(self.user_id.as_str())
    }
}

impl Row for crate::domain::AccessToken {
    fn owner(&self) -> Option<&str> {
        Some(self.user_id.as_str())
    }
}

/// Why the store refused a row of `kind`.
fn refusal(kind: ImportKind) -> &'static str {
    match kind {
        ImportKind::User => mapping::skip::USER_REFUSED,
        ImportKind::Session => mapping::skip::SESSION_REFUSED,
        ImportKind::Token => mapping::skip::TOKEN_REFUSED,
    }
}

/// An import under way.
struct Run<'s> {
    stores: &'s Stores,
    report: Report,
    dry_run: bool,
    /// Whether a progress line is drawn (stderr is a terminal).
    progress: bool,
    at: i64,
    /// The users skipped or refused: their sessions and tokens are refused too (which a dry run
    /// says without asking the store). As many as there are such users, no more.
    users_not_imported: HashSet<String>,
}

impl Run<'_> {
    /// Decides one batch of `kind` against the ledger and writes it (unless a dry run).
    async fn batch<T: Row>(
        &mut self,
        kind: ImportKind,
        mapped: Vec<(String, Result<mapping::Mapped<T>, &'static str>)>,
        total: i64,
        put: impl Fn(&mut ImportBatch, ImportRow<T>),
    ) -> anyhow::Result<()> {
        let ids: Vec<String> = mapped.iter().filter(|(_, m)| m.is_ok()).map(|(id, _)| id.clone()).collect();
        let ledger: HashMap<String, _> =
            self.stores.imports.imported(kind, &ids).await?.into_iter().map(|i| (i.id.clone(), i)).collect();
        let mut batch = ImportBatch { at: self.at, ..ImportBatch::default() };
        let mut decided = Vec::new();
        for (id, result) in mapped {
            self.report.count(kind).read += 1;
            let m = match result {
                Ok(m) => m,
                Err(reason) => {
                    if kind == ImportKind::User {
                        self.users_not_imported.insert(id.clone());
                    }
                    self.report.skipped(kind, &id, reason)?;
                    continue;
                }
            };
            if m.row.owner().is_some_and(|user| self.users_not_imported.contains(user)) {
                self.report.skipped(kind, &id, refusal(kind))?;
                continue;
            }
            let update = match ledger.get(&id) {
                None => false,
                Some(before) if !before.here => {
                    if kind == ImportKind::User {
                        self.users_not_imported.insert(id.clone());
                    }
                    self.report.skipped(kind, &id, mapping::skip::GONE_HERE)?;
                    continue;
                }
                Some(before) if before.digest == m.digest => {
                    self.report.count(kind).unchanged += 1;
                    continue;
                }
                Some(_) => true,
            };
            if self.dry_run && !update && self.clashes(&id, &m.row).await? {
                self.users_not_imported.insert(id.clone());
                self.report.skipped(kind, &id, refusal(kind))?;
                continue;
            }
            for note in &m.notes {
                self.report.noted(kind, &id, note)?;
            }
            decided.push((id, update));
            put(&mut batch, ImportRow { row: m.row, digest: m.digest, update });
        }
        let refused = if self.dry_run || batch.is_empty() {
            Vec::new()
        } else {
            self.stores.imports.apply_import(&batch).await?
        };
        let refused: HashSet<&str> = refused.iter().filter(|(k, _)| *k == kind).map(|(_, id)| id.as_str()).collect();
        for (id, update) in decided {
            if refused.contains(id.as_str()) {
                if kind == ImportKind::User {
                    self.users_not_imported.insert(id.clone());
                }
                self.report.skipped(kind, &id, refusal(kind))?;
            } else if update {
                self.report.count(kind).updated += 1;
            } else {
                self.report.count(kind).new += 1;
            }
        }
        if self.progress {
            eprint!("\r{}: {} of {total}", kind.as_str(), self.report.count(kind).read);
        }
        Ok(())
    }

    /// Whether a new user clashes with one here: the same id, or another user with its username,
    /// email or sign-on identity (what a dry run asks, as the write would find it).
    async fn clashes(&self, id: &str, row: &impl Row) -> anyhow::Result<bool> {
        let Some(user) = row.user() else { return Ok(false) };
        let users = &self.stores.users;
        if users.user_by_id(&user.id).await?.is_some() {
            return Ok(true);
        }
        let taken = |other: Option<crate::domain::User>| other.is_some_and(|o| o.id.as_str() != id);
        if taken(users.user_by_username(&user.username).await?) || taken(users.user_by_email(&user.email).await?) {
            return Ok(true);
        }
        Ok(match &user.auth_data {
            Some(data) => taken(users.user_by_auth(&user.auth_service, data).await?),
            None => false,
        })
    }

    /// A kind is done: the progress line ends.
    fn done(&mut self, kind: ImportKind) {
        if self.progress && self.report.counts.contains_key(&kind) {
            eprintln!();
        }
    }
}
