//! The in-memory backend's webhook endpoints and outbox ([`crate::store::WebhookStore`]): the
//! same rules as the SQL backends (fan-out on record, per-user order, leases), under the one
//! lock every write takes, so an event is recorded with its change or not at all.

use std::collections::BTreeMap;

use async_trait::async_trait;

use super::super::{Delivery, StoreResult, WebhookStore};
use super::{Inner, MemoryStore};
use crate::domain::event::{kind, reason};
use crate::domain::{ActorKind, Cause, Endpoint, Event, Id, Session};

/// Endpoints, events and pending deliveries.
#[derive(Default)]
pub(super) struct Outbox {
    endpoints: Vec<Endpoint>,
    events: BTreeMap<i64, Event>,
    /// Pending deliveries by (endpoint, event seq).
    deliveries: BTreeMap<(Id, i64), Pending>,
    last_seq: i64,
}

struct Pending {
    user_id: String,
    attempts: u32,
    next_attempt_at: i64,
    lease_until: i64,
}

impl Outbox {
    /// Records an event and fans it out to the endpoints that want it (`only`: that one).
    fn record(&mut self, mut event: Event, only: Option<&Id>) {
        self.last_seq += 1;
        event.seq = self.last_seq;
        let mut id = [0u8; 16];
        getrandom::fill(&mut id).expect("the OS random source");
        event.id = format!("msg_{}", data_encoding::HEXLOWER.encode(&id));
        for endpoint in &self.endpoints {
            let wanted = match only {
                Some(only) => *only == endpoint.id,
                None => endpoint.wants(&event.kind),
            };
            if wanted {
                let pending = Pending {
                    user_id: event.user_id.clone(),
                    attempts: 0,
                    next_attempt_at: event.occurred_at,
                    lease_until: 0,
                };
                self.deliveries.insert((endpoint.id.clone(), event.seq), pending);
            }
        }
        self.events.insert(event.seq, event);
    }

    fn endpoint_mut(&mut self, id: &Id) -> Option<&mut Endpoint> {
        self.endpoints.iter_mut().find(|e| e.id == *id)
    }
}

/// An event of `kind` with `cause`, about `session` or (without one) its user.
fn event(kind: &str, user_id: &str, session: Option<&Session>, cause: &Cause) -> Event {
    Event {
        seq: 0,
        id: String::new(),
        kind: kind.to_owned(),
        user_id: user_id.to_owned(),
        session_id: session.map(|s| s.id.to_string()).unwrap_or_default(),
        device_id: session.map(|s| s.device_id.clone()).unwrap_or_default(),
        platform: session.and_then(|s| s.props.get("platform").map(str::to_owned)).unwrap_or_default(),
        reason: cause.reason.to_owned(),
        actor_kind: cause.actor_kind.as_str().to_owned(),
        actor_id: cause.actor_id.clone(),
        occurred_at: cause.at,
    }
}

impl Inner {
    /// Records a `kind` event about `session` with `cause`.
    pub(super) fn record_session(&mut self, kind: &str, session: &Session, cause: &Cause) {
        self.outbox.record(event(kind, session.user_id.as_str(), Some(session), cause), None);
    }

    /// Records a user's own event.
    pub(super) fn record_user(&mut self, kind: &str, user_id: &Id, cause: &Cause) {
        self.outbox.record(event(kind, user_id.as_str(), None, cause), None);
    }
}

#[async_trait]
impl WebhookStore for MemoryStore {
    async fn add_endpoint(&self, endpoint: &Endpoint) -> StoreResult<()> {
        let mut inner = self.write();
        if inner.outbox.endpoints.iter().any(|e| e.url == endpoint.url) {
            return Err(super::super::StoreError::Conflict(super::super::Unique::EndpointUrl));
        }
        inner.outbox.endpoints.push(endpoint.clone());
        Ok(())
    }

    async fn endpoints(&self) -> StoreResult<Vec<Endpoint>> {
        Ok(self.read().outbox.endpoints.clone())
    }

    async fn update_endpoint(&self, endpoint: &Endpoint) -> StoreResult<bool> {
        let mut inner = self.write();
        let Some(stored) = inner.outbox.endpoint_mut(&endpoint.id) else { return Ok(false) };
        stored.event_types = endpoint.event_types.clone();
        stored.secret = endpoint.secret.clone();
        Ok(true)
    }

    async fn set_endpoint_enabled(&self, id: &Id, enabled: bool, reason: &str) -> StoreResult<bool> {
        let mut inner = self.write();
        let outbox = &mut inner.outbox;
        let Some(endpoint) = outbox.endpoint_mut(id) else { return Ok(false) };
        endpoint.enabled = enabled;
        endpoint.state_reason = if enabled { String::new() } else { reason.to_owned() };
        if enabled {
            endpoint.failing_since = 0;
            for ((endpoint_id, _), pending) in outbox.deliveries.iter_mut() {
                if endpoint_id == id {
                    pending.next_attempt_at = 0;
                }
            }
        }
        Ok(true)
    }

    async fn rotate_endpoint_secret(&self, id: &Id, secret: &str, previous_until: i64) -> StoreResult<bool> {
        let mut inner = self.write();
        let Some(endpoint) = inner.outbox.endpoint_mut(id) else { return Ok(false) };
        endpoint.previous_secret = std::mem::replace(&mut endpoint.secret, secret.to_owned());
        endpoint.previous_until = previous_until;
        Ok(true)
    }

    async fn queue_test_event(&self, id: &Id, at: i64) -> StoreResult<bool> {
        let mut inner = self.write();
        if inner.outbox.endpoint_mut(id).is_none() {
            return Ok(false);
        }
        let cause = Cause::new(reason::TEST, ActorKind::Admin, "", at);
        inner.outbox.record(event(kind::WEBHOOK_TEST, "", None, &cause), Some(id));
        Ok(true)
    }

    async fn replay_events(&self, id: &Id, since: i64, now: i64) -> StoreResult<u64> {
        let mut inner = self.write();
        let outbox = &mut inner.outbox;
        let Some(endpoint) = outbox.endpoints.iter().find(|e| e.id == *id).cloned() else { return Ok(0) };
        let mut queued = 0;
        for event in outbox.events.values().filter(|e| e.occurred_at >= since && endpoint.wants(&e.kind)) {
            let key = (endpoint.id.clone(), event.seq);
            if event.kind == kind::WEBHOOK_TEST || outbox.deliveries.contains_key(&key) {
                continue;
            }
            let pending = Pending { user_id: event.user_id.clone(), attempts: 0, next_attempt_at: now, lease_until: 0 };
            outbox.deliveries.insert(key, pending);
            queued += 1;
        }
        Ok(queued)
    }

    async fn claim_deliveries(&self, now: i64, lease_until: i64, limit: usize) -> StoreResult<Vec<Delivery>> {
        let mut inner = self.write();
        let outbox = &mut inner.outbox;
        // The oldest pending delivery of each (endpoint, user), in event order.
        let mut first_of = std::collections::HashSet::new();
        let mut due = Vec::new();
        for ((endpoint_id, seq), pending) in &outbox.deliveries {
            if !first_of.insert((endpoint_id.clone(), pending.user_id.clone())) {
                continue;
            }
            let enabled = outbox.endpoints.iter().any(|e| e.id == *endpoint_id && e.enabled);
            if enabled && pending.next_attempt_at <= now && pending.lease_until <= now {
                due.push((endpoint_id.clone(), *seq));
            }
        }
        due.sort_by_key(|(_, seq)| *seq);
        due.truncate(limit);
        let mut claimed = Vec::new();
        for key in due {
            let Some(pending) = outbox.deliveries.get_mut(&key) else { continue };
            pending.lease_until = lease_until;
            let attempts = pending.attempts;
            let endpoint = outbox.endpoints.iter().find(|e| e.id == key.0).cloned();
            if let (Some(endpoint), Some(event)) = (endpoint, outbox.events.get(&key.1).cloned()) {
                claimed.push(Delivery { event, endpoint, attempts });
            }
        }
        Ok(claimed)
    }

    async fn delivery_done(&self, endpoint_id: &Id, seq: i64, lease: i64) -> StoreResult<()> {
        let mut inner = self.write();
        let key = (endpoint_id.clone(), seq);
        if inner.outbox.deliveries.get(&key).is_some_and(|p| p.lease_until == lease) {
            inner.outbox.deliveries.remove(&key);
        }
        if let Some(endpoint) = inner.outbox.endpoint_mut(endpoint_id) {
            endpoint.failing_since = 0;
        }
        Ok(())
    }

    async fn delivery_failed(
        &self,
        endpoint_id: &Id,
        seq: i64,
        lease: i64,
        now: i64,
        next_attempt_at: i64,
    ) -> StoreResult<()> {
        let mut inner = self.write();
        let claimed = inner.outbox.deliveries.get_mut(&(endpoint_id.clone(), seq)).filter(|p| p.lease_until == lease);
        let Some(pending) = claimed else { return Ok(()) };
        pending.attempts += 1;
        pending.next_attempt_at = next_attempt_at;
        pending.lease_until = 0;
        if let Some(endpoint) = inner.outbox.endpoint_mut(endpoint_id) {
            if endpoint.failing_since == 0 {
                endpoint.failing_since = now;
            }
        }
        Ok(())
    }

    async fn delete_events_before(&self, before: i64, limit: usize) -> StoreResult<u64> {
        let mut inner = self.write();
        let outbox = &mut inner.outbox;
        let old: Vec<i64> =
            outbox.events.values().filter(|e| e.occurred_at < before).take(limit).map(|e| e.seq).collect();
        for seq in &old {
            outbox.events.remove(seq);
        }
        outbox.deliveries.retain(|(_, seq), _| outbox.events.contains_key(seq));
        Ok(old.len() as u64)
    }

    async fn pending_deliveries(&self) -> StoreResult<Vec<(Id, u64, i64)>> {
        let inner = self.read();
        let mut pending: BTreeMap<Id, (u64, i64)> = BTreeMap::new();
        for (endpoint_id, seq) in inner.outbox.deliveries.keys() {
            let occurred_at = inner.outbox.events.get(seq).map_or(0, |e| e.occurred_at);
            let entry = pending.entry(endpoint_id.clone()).or_insert((0, i64::MAX));
            entry.0 += 1;
            entry.1 = entry.1.min(occurred_at);
        }
        Ok(pending.into_iter().map(|(id, (count, oldest))| (id, count, oldest)).collect())
    }

    async fn events_since(&self, since: i64, limit: usize) -> StoreResult<Vec<Event>> {
        Ok(self.read().outbox.events.range(since + 1..).take(limit).map(|(_, e)| e.clone()).collect())
    }
}
