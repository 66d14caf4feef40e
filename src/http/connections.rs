//! The table of open connections and what each is doing, so that a full server makes room by
//! closing the connection that has waited longest for its request to arrive (a slow or stalled
//! client, or an idle keep-alive one) and never one whose request is being answered; and so that
//! idle keep-alive connections can be closed after a while.
//!
//! A connection is *waiting* from the moment it is accepted, or its last answer was handed
//! back, until its request (head and body) is in; then it is *answering* until the handler
//! returns. Closing means waking the connection's task, which drops the connection (and so the
//! socket): see [`super::listener`].

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

/// One connection's state, shared by its [`Connection`] and the table: the phase is an atomic,
/// so that a request's two phase changes take no lock (the table's mutex is for opening,
/// closing and choosing whom to close).
struct Slot {
    /// [`Phase::Answering`] as 0, [`Phase::Waiting`] as the nanoseconds from the table's epoch
    /// plus one.
    phase: AtomicU64,
    close: Notify,
}

impl Slot {
    fn phase(&self, epoch: Instant) -> Phase {
        match self.phase.load(Ordering::Relaxed) {
            0 => Phase::Answering,
            since => Phase::Waiting(epoch + Duration::from_nanos(since - 1)),
        }
    }

    fn set(&self, phase: Phase, epoch: Instant) {
        let encoded = match phase {
            Phase::Answering => 0,
            Phase::Waiting(since) => {
                u64::try_from(since.saturating_duration_since(epoch).as_nanos()).unwrap_or(u64::MAX - 1) + 1
            }
        };
        self.phase.store(encoded, Ordering::Relaxed);
    }
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
        let slot = Arc::new(Slot { phase: AtomicU64::new(0), close: Notify::new() });
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

    /// Closes the connections that have waited longer than `limit` for a request; returns how
    /// many.
    pub fn close_waiting_longer_than(&self, limit: Duration) -> usize {
        let now = Instant::now();
        let mut table = self.table();
        let stale: Vec<u64> = table
            .iter()
            .filter(|(_, slot)| matches!(slot.phase(self.epoch), Phase::Waiting(since) if now.duration_since(since) > limit))
            .map(|(id, _)| *id)
            .collect();
        for id in &stale {
            if let Some(slot) = table.remove(id) {
                slot.close.notify_one();
            }
        }
        stale.len()
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
        self.slot.set(Phase::Waiting(Instant::now()), self.table.epoch);
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
        assert_eq!(table.close_waiting_longer_than(Duration::from_millis(10)), 1);
        tokio::time::timeout(Duration::from_secs(1), idle.closed()).await.expect("the idle one is told");
        assert_eq!(table.len(), 2);
        drop((busy, fresh));
        assert!(table.is_empty());
    }
}
