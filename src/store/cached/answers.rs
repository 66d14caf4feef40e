//! Answers kept as bytes: what the HTTP layer sent for an operation whose answer is made from
//! one user's entry alone (`x-mm-answer-kept` in the spec), kept in that entry, and sent again
//! as those bytes while the entry holds the same data: no models built, no lists copied, nothing
//! serialised.
//!
//! Exact because an answer belongs to one version of one entry: every fill of an entry gives it
//! a new `stamp` and drops its answers, every write forgets the entry (answers with it), and
//! [`Ticket`] carries the stamp the request's data was read at, so an answer made from older
//! data is never kept in a newer entry (`Entries::keep_answer` refuses it).
//!
//! Bounded apart from the sessions: answers weigh nothing against the cache's capacity (they
//! would push sessions out: a user's kept list is 4 KB), and have their own budget,
//! `CacheLimits::answer_bytes`; past it `Entries::keep_answer` refuses a new one.

use std::sync::Arc;

use bytes::{Bytes, BytesMut};
use hyper::header::{HeaderName, HeaderValue};
use hyper::StatusCode;

use super::entries::heap;
use crate::domain::{Id, Session, SessionId};

/// Which answer an operation keeps (`x-mm-answer-kept`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AnswerKind {
    /// Made from the caller's user row alone (`GET /users/me`).
    User,
    /// Made from the caller's session list alone, when the path's `user_id` names the caller
    /// (`GET /users/{user_id}/sessions` with `me` or their id).
    Sessions,
    /// Made from the caller's session and user row alone, for the query the request carries
    /// (`GET /auth/check?role=…`): kept per session and query.
    Session,
}

impl AnswerKind {
    /// The kinds kept one per entry (`Session` answers are kept per session and query).
    pub(super) const COUNT: usize = 2;
}

/// A complete answer as the HTTP layer sent it, but for the headers that name the request.
///
/// Laid out for a hit that finds it cold (hits spread over thousands of users, each answer
/// touched once in a while): the body and every header value are slices of one block of bytes,
/// so a response's copies of them (`Bytes` clones) share one count, and the headers are a plain
/// slice (a `HeaderMap` adds an index table of its own, and each value a count of its own).
#[derive(Debug)]
pub struct Answer {
    pub status: StatusCode,
    pub headers: Box<[(HeaderName, HeaderValue)]>,
    pub body: Bytes,
}

impl Answer {
    /// What it takes in the cache: its block (with the `Arc`'s counts), the bytes (body and
    /// values, copied to their exact length: [`Self::new`]) with their shared count, and the
    /// headers' slice.
    pub(super) fn bytes(&self) -> usize {
        let values: usize = self.headers.iter().map(|(_, v)| v.len()).sum();
        // bytes' shared count: the block's pointer, its capacity and the count.
        let shared_count = 3 * std::mem::size_of::<usize>();
        heap(std::mem::size_of::<Self>() + 16)
            + heap(self.body.len() + values)
            + heap(shared_count)
            + heap(std::mem::size_of_val(&*self.headers))
    }

    /// An answer of these parts. The body and the headers' values are copied into one block of
    /// their exact length (the serializer's buffer may be up to twice as long).
    pub fn new<'a>(
        status: StatusCode,
        headers: impl IntoIterator<Item = (&'a HeaderName, &'a HeaderValue)>,
        body: &[u8],
    ) -> Self {
        let headers: Vec<_> = headers.into_iter().collect();
        let mut block = BytesMut::with_capacity(body.len() + headers.iter().map(|(_, v)| v.len()).sum::<usize>());
        block.extend_from_slice(body);
        for (_, value) in &headers {
            block.extend_from_slice(value.as_bytes());
        }
        let block = block.freeze();
        let mut at = body.len();
        let headers = headers
            .into_iter()
            .map(|(name, value)| {
                let bytes = block.slice(at..at + value.len());
                at += value.len();
                // The same bytes, so always a valid value; were it refused, the value's own.
                let shared = HeaderValue::from_maybe_shared(bytes).map_or_else(
                    |_| value.clone(),
                    |mut shared| {
                        shared.set_sensitive(value.is_sensitive());
                        shared
                    },
                );
                (name.clone(), shared)
            })
            .collect();
        Answer { status, headers, body: block.slice(..body.len()) }
    }
}

/// What a cache hit hands a request that may answer from the cache: the entry version its data
/// was read at, and the answer kept there, if any. Without one, the request answers as usual
/// and may keep its answer ([`super::CachedStore::keep_answer`]).
#[derive(Clone, Debug)]
pub struct Ticket {
    pub(super) user_id: Id,
    pub(super) stamp: u64,
    pub kind: AnswerKind,
    /// For a [`AnswerKind::Session`] answer: the session and the query it is for.
    pub(super) key: Option<(SessionId, Box<str>)>,
    pub kept: Option<Arc<Answer>>,
}

impl Ticket {
    /// The ticket for an answer of `kind` to the request of `session` (with its `query`), made
    /// from the entry's version `stamp`, with the answer kept there (`kept`); `None` for a
    /// check whose query is not kept ([`keyable`]).
    pub(super) fn of(
        stamp: u64,
        session: &Session,
        kind: AnswerKind,
        query: &str,
        kept: impl FnOnce() -> Option<Arc<Answer>>,
    ) -> Option<Ticket> {
        if kind == AnswerKind::Session && !keyable(query) {
            return None;
        }
        Some(Ticket {
            user_id: session.user_id.clone(),
            stamp,
            kind,
            key: (kind == AnswerKind::Session).then(|| (session.id.clone(), query.into())),
            kept: kept(),
        })
    }
}

/// The most [`AnswerKind::Session`] answers one entry keeps (sessions × queries): anyone can
/// send a new query each time.
const MAX_SESSION_ANSWERS: usize = 8;

/// The longest query a [`AnswerKind::Session`] answer is kept for (a check's `role` and
/// `permission` are short; a long query would make a large key).
const MAX_QUERY: usize = 256;

/// Whether an answer may be kept for `query`: short, and never one with a token in it (the
/// cache holds tokens only as hashes).
pub(super) fn keyable(query: &str) -> bool {
    query.len() <= MAX_QUERY && !query.contains("access_token")
}

/// What keeping `answer` for `ticket` takes: the answer, and for the check its key and its slot
/// in the list (which grows by doubling: counted at twice a slot).
pub(super) fn cost(ticket: &Ticket, answer: &Answer) -> usize {
    answer.bytes() + ticket.key.as_ref().map_or(0, |(_, q)| heap(q.len()) + 2 * 56)
}

/// An entry's kept answers, by kind.
#[derive(Default)]
pub(super) struct Kept {
    pub(super) answers: [Option<Arc<Answer>>; AnswerKind::COUNT],
    /// [`AnswerKind::Session`] answers, by session and query.
    pub(super) by_session: Vec<(SessionId, Box<str>, Arc<Answer>)>,
    /// Their [`Answer::bytes`].
    pub(super) bytes: usize,
}

impl Kept {
    /// The answer of `kind` kept for `session` and `query`.
    pub(super) fn find(&self, kind: AnswerKind, session: &SessionId, query: &str) -> Option<Arc<Answer>> {
        match kind {
            AnswerKind::Session => {
                self.by_session.iter().find(|(s, q, _)| s == session && **q == *query).map(|(_, _, a)| a.clone())
            }
            _ => self.answers[kind as usize].clone(),
        }
    }

    /// Keeps `answer` for `ticket`, unless [`Self::refuses`] it.
    pub(super) fn keep(&mut self, ticket: &Ticket, answer: Arc<Answer>) {
        if self.refuses(ticket) {
            return;
        }
        self.bytes += cost(ticket, &answer);
        match &ticket.key {
            Some((session, query)) => self.by_session.push((session.clone(), query.clone(), answer)),
            None => self.answers[ticket.kind as usize] = Some(answer),
        }
    }

    /// Whether [`Self::keep`] would refuse an answer for `ticket`: one is kept for it already,
    /// or (for the check) the entry keeps as many as it may, or the ticket is not one of its kind.
    pub(super) fn refuses(&self, ticket: &Ticket) -> bool {
        match (&ticket.key, ticket.kind) {
            (Some((session, query)), AnswerKind::Session) => {
                self.by_session.len() >= MAX_SESSION_ANSWERS || self.find(ticket.kind, session, query).is_some()
            }
            (None, kind) if kind != AnswerKind::Session => self.answers[kind as usize].is_some(),
            _ => true,
        }
    }
}
