//! The table of open connections and what each is doing, so that a full server makes room by
//! closing the connection that has waited longest for its request to arrive (a slow or stalled
//! client, or an idle keep-alive one) and never one whose request is being answered; and so that
//! idle keep-alive connections can be closed after a while.
//!
//! A connection is *waiting* from the moment it is accepted, or its last answer was handed
//! back, until its request (head and body) is in; then it is *answering* until the handler
//! returns. Closing means waking the connection's task, which drops the connection (and so the
//! socket): see [`super::listener`].
//!
//! The table also keeps each request head's deadline, outside hyper, as Go's server keeps
//! Mattermost's: a connection waits for a request under the idle timeout until the first byte of
//! its head (its reads report it, [`Connection::head_byte`]); from then the head has its own,
//! shorter deadline until hyper hands it over ([`Connection::head_in`]); its body has the
//! request's limits ([`super::body`]). The listener's sweeper closes a connection past either
//! deadline. hyper's own `header_read_timeout` would box and register a timer for every request,
//! and it runs from the moment a connection is ready for its next request, so it also closed idle
//! keep-alive connections long before the idle timeout.

use std::collections::HashMap;
use std::num::NonZeroUsize;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use tokio::sync::Notify;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Phase {
    /// Waiting for (or still receiving) a request, since this instant.
    Waiting(Instant),
    /// A handler is working on its request.
    Answering,
}

/// Where a connection's current request is, as [`Slot::head`] holds it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Head {
    /// Waiting for a request's first byte: the idle timeout applies.
    None,
    /// Its first byte was read at this instant: the head's deadline applies.
    Arriving(Instant),
    /// Handed over by hyper, without a body or with its body read: the request's own limits
    /// apply, and bytes read meanwhile (a pipelined request's) start no deadline.
    In,
    /// Handed over with a body nobody has read yet.
    BodyPending,
    /// Answered with its body left unread: hyper may still drain it, so bytes read now cannot be
    /// told from the next head's, and only the idle timeout applies until the next request.
    Unread,
}

const HEAD_NONE: u64 = 0;
const HEAD_IN: u64 = u64::MAX;
const HEAD_BODY_PENDING: u64 = u64::MAX - 1;
const HEAD_UNREAD: u64 = u64::MAX - 2;

/// One connection's state, shared by its [`Connection`] and the table: atomics, so that a
/// request's phase changes take no lock (the table's mutex is for opening, closing and choosing
/// whom to close). Only the connection's own task writes them.
struct Slot {
    /// [`Phase::Answering`] as 0, [`Phase::Waiting`] as the nanoseconds from the table's epoch
    /// plus one.
    phase: AtomicU64,
    /// [`Head`]: [`HEAD_NONE`], [`HEAD_IN`], [`HEAD_BODY_PENDING`], [`HEAD_UNREAD`], or when an
    /// arriving head's first byte was read (nanoseconds from the table's epoch, plus one).
    head: AtomicU64,
    close: Notify,
}

impl Slot {
    fn phase(&self, epoch: Instant) -> Phase {
        decode_phase(self.phase.load(Ordering::Acquire), epoch)
    }

    fn set(&self, phase: Phase, epoch: Instant) {
        let encoded = match phase {
            Phase::Answering => 0,
            Phase::Waiting(since) => encode(since, epoch),
        };
        self.phase.store(encoded, Ordering::Release);
    }

    /// Its phase and head state as they were together: `None` if it moved on while they were
    /// read (the next sweep sees it again). Acquire: a connection seen waiting again shows the
    /// head state it stored before (`waiting` stores the head, then the phase, with Release).
    fn snapshot(&self, epoch: Instant) -> Option<(Phase, Head)> {
        let phase = self.phase.load(Ordering::Acquire);
        let head = self.head(epoch);
        (self.phase.load(Ordering::Acquire) == phase).then(|| (decode_phase(phase, epoch), head))
    }

    fn head(&self, epoch: Instant) -> Head {
        match self.head.load(Ordering::Acquire) {
            HEAD_NONE => Head::None,
            HEAD_IN => Head::In,
            HEAD_BODY_PENDING => Head::BodyPending,
            HEAD_UNREAD => Head::Unread,
            since => Head::Arriving(epoch + Duration::from_nanos(since - 1)),
        }
    }
}

fn decode_phase(raw: u64, epoch: Instant) -> Phase {
    match raw {
        0 => Phase::Answering,
        since => Phase::Waiting(epoch + Duration::from_nanos(since - 1)),
    }
}

/// `at` as the nanoseconds from `epoch` plus one: never [`HEAD_NONE`] (0), and below
/// [`HEAD_UNREAD`], so an instant is never read back as one of the head's states.
fn encode(at: Instant, epoch: Instant) -> u64 {
    u64::try_from(at.saturating_duration_since(epoch).as_nanos())
        .map_or(HEAD_UNREAD - 1, |n| n.min(HEAD_UNREAD - 2) + 1)
}

/// What [`Connections::close_overdue`] closed.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Overdue {
    /// Connections that waited longer than the idle timeout for a request.
    pub idle: usize,
    /// Connections whose request head took longer than the head timeout to arrive, from its
    /// first byte.
    pub head: usize,
}

/// What [`Connections::make_room`] found.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Room {
    /// Below the cap.
    Free,
    /// At the cap: the connection waiting longest was told to close.
    Made,
    /// At the cap, and every connection is being answered.
    None,
}

/// The open connections of one listener, and its cap.
pub struct Connections {
    table: Mutex<HashMap<u64, Arc<Slot>>>,
    next_id: AtomicU64,
    cap: usize,
    /// Woken whenever a connection leaves the table.
    freed: Notify,
    /// What the slots' waiting instants count from.
    epoch: Instant,
}

impl Connections {
    /// An empty table for a listener that serves at most `cap` connections at once.
    pub fn new(cap: NonZeroUsize) -> Arc<Self> {
        Arc::new(Connections {
            table: Mutex::default(),
            next_id: AtomicU64::new(0),
            cap: cap.get(),
            freed: Notify::new(),
            epoch: Instant::now(),
        })
    }

    fn table(&self) -> std::sync::MutexGuard<'_, HashMap<u64, Arc<Slot>>> {
        // Plain data: still consistent after a panic elsewhere.
        self.table.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Connections open now.
    pub fn len(&self) -> usize {
        self.table().len()
    }

    /// Whether no connection is open.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Registers a just-accepted connection (waiting for its first request).
    pub fn open(self: &Arc<Self>) -> Connection {
        let id = self.next_id.fetch_add(1, Ordering::Relaxed);
        let slot = Arc::new(Slot { phase: AtomicU64::new(0), head: AtomicU64::new(HEAD_NONE), close: Notify::new() });
        slot.set(Phase::Waiting(Instant::now()), self.epoch);
        self.table().insert(id, slot.clone());
        Connection { id, table: self.clone(), slot }
    }

    /// Makes room for one more connection: below the cap there is room; at it, the connection
    /// that has waited longest for its request is told to close (and leaves the table now).
    pub fn make_room(&self) -> Room {
        let mut table = self.table();
        if table.len() < self.cap {
            return Room::Free;
        }
        self.close_longest_waiting(&mut table)
    }

    /// Closes the connection that has waited longest for its request, whatever the count (the
    /// process is out of file descriptors).
    pub fn shed_longest_waiting(&self) -> Room {
        self.close_longest_waiting(&mut self.table())
    }

    fn close_longest_waiting(&self, table: &mut HashMap<u64, Arc<Slot>>) -> Room {
        let oldest = table
            .iter()
            .filter_map(|(id, slot)| match slot.phase(self.epoch) {
                Phase::Waiting(since) => Some((since, *id)),
                Phase::Answering => None,
            })
            .min();
        match oldest.and_then(|(_, id)| table.remove(&id)) {
            Some(slot) => {
                slot.close.notify_one();
                Room::Made
            }
            None => Room::None,
        }
    }

    /// Completes when a connection leaves the table after this call: create it before
    /// [`Self::make_room`], so that one leaving in between is not missed (a `Notified` receives
    /// `notify_waiters` from its creation, polled or not).
    pub fn freed(&self) -> tokio::sync::futures::Notified<'_> {
        self.freed.notified()
    }

    /// Closes the connections that have waited longer than `idle` for a request's first byte (since
    /// they opened or their last answer), and those whose request head has taken longer than
    /// `head` since its first byte.
    pub fn close_overdue(&self, idle: Duration, head: Duration) -> Overdue {
        let now = Instant::now();
        let mut table = self.table();
        let mut overdue = Overdue::default();
        table.retain(|_, slot| {
            let Some((Phase::Waiting(since), state)) = slot.snapshot(self.epoch) else { return true };
            let closed = match state {
                Head::None | Head::Unread if now.saturating_duration_since(since) > idle => &mut overdue.idle,
                Head::Arriving(first) if now.saturating_duration_since(first) > head => &mut overdue.head,
                _ => return true,
            };
            *closed += 1;
            slot.close.notify_one();
            false
        });
        overdue
    }
}

/// One open connection's place in the table; leaving it when dropped.
pub struct Connection {
    id: u64,
    table: Arc<Connections>,
    slot: Arc<Slot>,
}

impl Connection {
    /// Its request is in; a handler is answering it.
    pub fn answering(&self) {
        self.slot.set(Phase::Answering, self.table.epoch);
    }

    /// Its answer is handed back; it waits for the next request.
    pub fn waiting(&self) {
        let head = match self.slot.head.load(Ordering::Relaxed) {
            HEAD_BODY_PENDING => HEAD_UNREAD,
            _ => HEAD_NONE,
        };
        self.slot.head.store(head, Ordering::Relaxed);
        self.slot.set(Phase::Waiting(Instant::now()), self.table.epoch);
    }

    /// Bytes came in: while it waits for a request's first byte, its head starts arriving now.
    /// One load per read; the clock only for a head's first byte.
    pub fn head_byte(&self) {
        if self.slot.head.load(Ordering::Relaxed) == HEAD_NONE {
            self.slot.head.store(encode(Instant::now(), self.table.epoch), Ordering::Relaxed);
        }
    }

    /// Its request head is in (hyper hands the request over), with a body to read or not: the
    /// head's deadline is over.
    pub fn head_in(&self, body: bool) {
        self.slot.head.store(if body { HEAD_BODY_PENDING } else { HEAD_IN }, Ordering::Relaxed);
    }

    /// Its request's body has been read whole.
    pub fn body_read(&self) {
        self.slot.head.store(HEAD_IN, Ordering::Relaxed);
    }

    /// Completes when the table asks this connection to close.
    pub async fn closed(&self) {
        self.slot.close.notified().await;
    }
}

impl Drop for Connection {
    fn drop(&mut self) {
        self.table.table().remove(&self.id);
        self.table.freed.notify_waiters();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn at_the_cap_the_longest_waiting_goes_and_never_one_being_answered() {
        let table = Connections::new(NonZeroUsize::new(3).unwrap());
        let oldest = table.open();
        tokio::time::sleep(Duration::from_millis(2)).await;
        let busy = table.open();
        busy.answering();
        tokio::time::sleep(Duration::from_millis(2)).await;
        let younger = table.open();
        assert_eq!(table.make_room(), Room::Made);
        assert_eq!(table.len(), 2);
        tokio::time::timeout(Duration::from_secs(1), oldest.closed()).await.expect("the oldest waiting one is told");
        // Next the younger waiting one goes, never the busy one, however old.
        let _newest = table.open();
        assert_eq!(table.make_room(), Room::Made);
        tokio::time::timeout(Duration::from_secs(1), younger.closed()).await.expect("the younger one is told next");
        assert_eq!(table.len(), 2);
        drop(busy);
    }

    #[tokio::test]
    async fn a_connection_answered_waits_from_its_answer_not_from_its_opening() {
        let table = Connections::new(NonZeroUsize::new(2).unwrap());
        let first = table.open();
        tokio::time::sleep(Duration::from_millis(2)).await;
        let second = table.open();
        tokio::time::sleep(Duration::from_millis(2)).await;
        first.answering();
        first.waiting();
        // The first was opened earlier, but has waited less since its last answer.
        assert_eq!(table.make_room(), Room::Made);
        tokio::time::timeout(Duration::from_secs(1), second.closed()).await.expect("the longest waiting is told");
        assert_eq!(table.len(), 1);
        drop(first);
    }

    #[tokio::test]
    async fn when_everything_is_being_answered_no_room_is_made() {
        let table = Connections::new(NonZeroUsize::new(2).unwrap());
        let a = table.open();
        let b = table.open();
        a.answering();
        b.answering();
        assert_eq!(table.make_room(), Room::None);
        assert_eq!(table.len(), 2);
        drop(a);
        assert_eq!(table.make_room(), Room::Free, "a slot freed");
    }

    #[tokio::test]
    async fn a_connection_leaving_between_the_look_and_the_wait_still_wakes_the_waiter() {
        let table = Connections::new(NonZeroUsize::new(1).unwrap());
        let busy = table.open();
        busy.answering();
        let freed = table.freed();
        assert_eq!(table.make_room(), Room::None);
        // It leaves before anyone polls `freed`.
        drop(busy);
        tokio::time::timeout(Duration::from_secs(1), freed).await.expect("the waiter is woken");
        assert_eq!(table.make_room(), Room::Free);
    }

    #[tokio::test]
    async fn connections_waiting_too_long_are_closed() {
        let table = Connections::new(NonZeroUsize::new(10).unwrap());
        let idle = table.open();
        let busy = table.open();
        busy.answering();
        tokio::time::sleep(Duration::from_millis(20)).await;
        let fresh = table.open();
        let long = Duration::from_secs(60);
        assert_eq!(table.close_overdue(Duration::from_millis(10), long), Overdue { idle: 1, head: 0 });
        tokio::time::timeout(Duration::from_secs(1), idle.closed()).await.expect("the idle one is told");
        assert_eq!(table.len(), 2);
        drop((busy, fresh));
        assert!(table.is_empty());
    }

    #[tokio::test]
    async fn a_head_has_its_deadline_from_its_first_byte_until_it_is_in() {
        let table = Connections::new(NonZeroUsize::new(10).unwrap());
        let (idle, head) = (Duration::from_secs(60), Duration::from_millis(10));
        let silent = table.open();
        let slow = table.open();
        slow.head_byte();
        let quick = table.open();
        quick.head_byte();
        quick.head_in(false);
        tokio::time::sleep(Duration::from_millis(20)).await;
        // Later bytes of the same head do not move its deadline.
        slow.head_byte();
        assert_eq!(table.close_overdue(idle, head), Overdue { idle: 0, head: 1 });
        tokio::time::timeout(Duration::from_secs(1), slow.closed()).await.expect("the slow head's connection is told");
        assert_eq!(table.len(), 2, "a silent connection has the idle timeout; a head in, none");
        // Bytes read once the head is in (a pipelined request's) start no deadline; once
        // answered, the next head's do.
        quick.head_byte();
        tokio::time::sleep(Duration::from_millis(20)).await;
        assert_eq!(table.close_overdue(idle, head), Overdue::default());
        quick.answering();
        quick.waiting();
        quick.head_byte();
        tokio::time::sleep(Duration::from_millis(20)).await;
        assert_eq!(table.close_overdue(idle, head), Overdue { idle: 0, head: 1 });
        drop(silent);
        assert_eq!(table.len(), 0);
    }

    #[tokio::test]
    async fn a_request_on_its_way_in_has_its_own_limits_not_the_idle_timeout() {
        let table = Connections::new(NonZeroUsize::new(10).unwrap());
        let (idle, head) = (Duration::from_millis(10), Duration::from_secs(60));
        // A head arriving, and a body being read: neither is idle, however long since the last
        // answer (the head's deadline and the body's limits hold them).
        let arriving = table.open();
        arriving.head_byte();
        let uploading = table.open();
        uploading.head_byte();
        uploading.head_in(true);
        let uploaded = table.open();
        uploaded.head_in(true);
        uploaded.body_read();
        // Beside them, a silent connection does idle out.
        let silent = table.open();
        tokio::time::sleep(Duration::from_millis(20)).await;
        assert_eq!(table.close_overdue(idle, head), Overdue { idle: 1, head: 0 });
        tokio::time::timeout(Duration::from_secs(1), silent.closed()).await.expect("the silent one is told");
        assert_eq!(table.len(), 3);
        drop((arriving, uploading, uploaded));
    }

    #[tokio::test]
    async fn after_an_unread_body_bytes_start_no_head_deadline_and_the_idle_timeout_holds() {
        let table = Connections::new(NonZeroUsize::new(10).unwrap());
        let head = Duration::from_millis(10);
        // Answered without its body read: hyper may drain the body after the answer, and those
        // bytes are not a head.
        let unread = table.open();
        unread.head_in(true);
        unread.answering();
        unread.waiting();
        unread.head_byte();
        // Its body read, the next request's bytes start the head's deadline as usual.
        let read = table.open();
        read.head_in(true);
        read.body_read();
        read.answering();
        read.waiting();
        read.head_byte();
        tokio::time::sleep(Duration::from_millis(20)).await;
        assert_eq!(table.close_overdue(Duration::from_secs(60), head), Overdue { idle: 0, head: 1 });
        tokio::time::timeout(Duration::from_secs(1), read.closed()).await.expect("the read one's next head is late");
        assert_eq!(table.close_overdue(Duration::from_millis(10), head), Overdue { idle: 1, head: 0 });
        tokio::time::timeout(Duration::from_secs(1), unread.closed()).await.expect("the unread one idles out");
        assert!(table.is_empty());
    }
}
