-- Session events as signed webhooks (src/webhooks/): the endpoints, the outbox of events that
-- every session-changing write records in its own transaction, and one delivery per
-- (endpoint, event) until it is delivered.
CREATE TABLE webhook_endpoints (
    id              TEXT PRIMARY KEY,
    url             TEXT NOT NULL,
    event_types     TEXT NOT NULL,             -- ',a,b,'; '' for every type
    secret          TEXT NOT NULL,             -- whsec_…, sealed under the operator key if set
    previous_secret TEXT NOT NULL DEFAULT '',  -- signs too until previous_until (a rotation)
    previous_until  INTEGER NOT NULL DEFAULT 0,
    enabled         INTEGER NOT NULL DEFAULT 1,
    state_reason    TEXT NOT NULL DEFAULT '',
    failing_since   INTEGER NOT NULL DEFAULT 0,
    created_at      INTEGER NOT NULL
);
CREATE TABLE session_events (
    seq         INTEGER PRIMARY KEY,           -- the rowid: no AUTOINCREMENT page to write per event
    id          TEXT NOT NULL DEFAULT ('msg_' || lower(hex(randomblob(16)))),
    type        TEXT NOT NULL,
    user_id     TEXT NOT NULL,
    session_id  TEXT NOT NULL DEFAULT '',
    device_id   TEXT NOT NULL DEFAULT '',
    platform    TEXT NOT NULL DEFAULT '',
    reason      TEXT NOT NULL,
    actor_kind  TEXT NOT NULL,
    actor_id    TEXT NOT NULL DEFAULT '',
    occurred_at INTEGER NOT NULL,
    only_endpoint TEXT NOT NULL DEFAULT ''     -- a `webhook test` event: that endpoint alone
);
-- No index on occurred_at: one more page written per event, for the hourly purge and `replay`
-- alone (each a scan, rare).
CREATE TABLE webhook_deliveries (
    endpoint_id     TEXT NOT NULL,
    event_seq       INTEGER NOT NULL,
    user_id         TEXT NOT NULL,
    attempts        INTEGER NOT NULL DEFAULT 0,
    next_attempt_at INTEGER NOT NULL,
    lease_until     INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (endpoint_id, event_seq)
);
-- A user's oldest pending delivery per endpoint (the order rule), and what is due.
CREATE INDEX webhook_deliveries_user ON webhook_deliveries (endpoint_id, user_id, event_seq);
CREATE INDEX webhook_deliveries_due ON webhook_deliveries (next_attempt_at);
-- Deliveries in event order (the claim's ORDER BY, the purge's batches).
CREATE INDEX webhook_deliveries_seq ON webhook_deliveries (event_seq);
-- One endpoint per URL: two nodes syncing the settings file at once cannot add it twice.
CREATE UNIQUE INDEX webhook_endpoints_url ON webhook_endpoints (url);
-- Each event fans out to the endpoints that want it, in the transaction that recorded it
-- (disabled ones too: they get the backlog when enabled again, within the retention).
CREATE TRIGGER session_events_fan_out AFTER INSERT ON session_events
BEGIN
    INSERT INTO webhook_deliveries (endpoint_id, event_seq, user_id, next_attempt_at)
    SELECT e.id, NEW.seq, NEW.user_id, NEW.occurred_at FROM webhook_endpoints e
    WHERE NEW.only_endpoint = e.id
       OR (NEW.only_endpoint = '' AND (e.event_types = '' OR instr(e.event_types, ',' || NEW.type || ',') > 0));
END;
