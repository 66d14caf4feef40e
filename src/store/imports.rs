//! What an import hands the store ([`super::ImportStore`]): rows already mapped to this
//! server's types and already decided (new, or an update of a row an earlier import wrote),
//! each with the digest of the source row it came from, kept in the import ledger.

use crate::domain::{AccessToken, Session, User};

/// The kinds of rows an import writes, as the ledger names them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum ImportKind {
    User,
    Session,
    Token,
}

impl ImportKind {
    /// The table whose `id` a ledger entry of this kind names.
    pub fn table(self) -> &'static str {
        match self {
            ImportKind::User => "users",
            ImportKind::Session => "sessions",
            ImportKind::Token => "user_access_tokens",
        }
    }

    /// Its name in the ledger (and in reports).
    pub fn as_str(self) -> &'static str {
        match self {
            ImportKind::User => "user",
            ImportKind::Session => "session",
            ImportKind::Token => "access_token",
        }
    }
}

/// A row an earlier import wrote, as the ledger holds it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Imported {
    pub id: String,
    /// The digest of the source row it was written from.
    pub digest: [u8; 32],
    /// Whether it is still here (not revoked, deleted or purged since).
    pub here: bool,
}

/// One row to write, with the digest of its source row.
#[derive(Clone, Debug)]
pub struct ImportRow<T> {
    pub row: T,
    pub digest: [u8; 32],
    /// An update of a row an earlier import wrote (which is still here); else a new row.
    pub update: bool,
}

/// A user with their second factor, as an import writes them.
#[derive(Clone, Debug)]
pub struct ImportedUser {
    pub user: User,
    /// As stored: sealed or in clear ([`crate::mfa::seal`]); "" for none.
    pub mfa_secret: String,
    /// The TOTP time steps whose codes were accepted (Mattermost's `MfaUsedTimestamps`).
    pub mfa_used_steps: Vec<i64>,
}

/// One batch of an import's writes, written in one transaction by
/// [`super::ImportStore::apply_import`].
///
/// - A new user is added unless their id, username, email or sign-on identity is taken here
///   (then refused). An update rewrites the username, email, sign-in method, profile and
///   times, never the roles (a role taken away here stays away) and never back to active (a
///   deactivation here stands; one in the source carries over as a deactivation here: the
///   user's sessions end, with `user.deactivated` and their `session.revoked` events).
///   The password hash and the second factor are rewritten only while they are as an import
///   wrote them (`credentials_from_import`: no password set or upgraded here, no MFA set up or
///   turned off here, no switch of sign-in method): what was set here is never undone by the
///   source. The MFA steps accepted there
///   are added to those accepted here (never removed).
/// - A new session or token is added only if its user is here (and, for a session, active),
///   the session with **the user's roles here** (not the source's): else refused. An update
///   moves the last activity and expiry forward only, fills a missing device id and takes the
///   props; a token's description and expiry, and its state only towards disabled (which ends
///   its session).
/// - Every row written (and only those) gets its ledger entry.
#[derive(Clone, Debug, Default)]
pub struct ImportBatch {
    pub users: Vec<ImportRow<ImportedUser>>,
    pub sessions: Vec<ImportRow<Session>>,
    pub tokens: Vec<ImportRow<AccessToken>>,
    /// When it is written (the time of the events its revocations record).
    pub at: i64,
}

impl ImportBatch {
    /// Whether there is nothing to write.
    pub fn is_empty(&self) -> bool {
        self.users.is_empty() && self.sessions.is_empty() && self.tokens.is_empty()
    }
}

/// The condition (SQL, on `users`, both dialects) of a user whose credentials the source still
/// owns: as an import wrote them, cleared by every credential write here.
pub const CREDENTIALS_FROM_SOURCE: &str = "credentials_from_import";
