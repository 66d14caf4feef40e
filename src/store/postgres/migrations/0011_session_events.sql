-- Session events as signed webhooks (see the SQLite migration): endpoints, the outbox, and one
-- delivery per (endpoint, event); deliveries are claimed with FOR UPDATE SKIP LOCKED and a lease.
CREATE TABLE webhook_endpoints (
    id              TEXT PRIMARY KEY,
    url             TEXT NOT NULL,
    event_types     TEXT NOT NULL,
    secret          TEXT NOT NULL,
    previous_secret TEXT NOT NULL DEFAULT '',
    previous_until  BIGINT NOT NULL DEFAULT 0,
    enabled         BOOLEAN NOT NULL DEFAULT TRUE,
    state_reason    TEXT NOT NULL DEFAULT '',
    failing_since   BIGINT NOT NULL DEFAULT 0,
    created_at      BIGINT NOT NULL
);
CREATE TABLE session_events (
    seq         BIGSERIAL PRIMARY KEY,
    id          TEXT NOT NULL DEFAULT ('msg_' || replace(gen_random_uuid()::text, '-', '')),
    type        TEXT NOT NULL,
    user_id     TEXT NOT NULL,
    session_id  TEXT NOT NULL DEFAULT '',
    device_id   TEXT NOT NULL DEFAULT '',
    platform    TEXT NOT NULL DEFAULT '',
    reason      TEXT NOT NULL,
    actor_kind  TEXT NOT NULL,
    actor_id    TEXT NOT NULL DEFAULT '',
    occurred_at BIGINT NOT NULL,
    only_endpoint TEXT NOT NULL DEFAULT ''
);
CREATE INDEX session_events_time ON session_events (occurred_at);
CREATE TABLE webhook_deliveries (
    endpoint_id     TEXT NOT NULL,
    event_seq       BIGINT NOT NULL,
    user_id         TEXT NOT NULL,
    attempts        BIGINT NOT NULL DEFAULT 0,
    next_attempt_at BIGINT NOT NULL,
    lease_until     BIGINT NOT NULL DEFAULT 0,
    PRIMARY KEY (endpoint_id, event_seq)
);
CREATE INDEX webhook_deliveries_user ON webhook_deliveries (endpoint_id, user_id, event_seq);
CREATE INDEX webhook_deliveries_due ON webhook_deliveries (next_attempt_at);
-- Deliveries in event order (the claim's ORDER BY, the purge's batches).
CREATE INDEX webhook_deliveries_seq ON webhook_deliveries (event_seq);
CREATE UNIQUE INDEX webhook_endpoints_url ON webhook_endpoints (url);
CREATE FUNCTION session_events_fan_out() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO webhook_deliveries (endpoint_id, event_seq, user_id, next_attempt_at)
    SELECT e.id, NEW.seq, NEW.user_id, NEW.occurred_at FROM webhook_endpoints e
    WHERE NEW.only_endpoint = e.id
       OR (NEW.only_endpoint = '' AND (e.event_types = '' OR strpos(e.event_types, ',' || NEW.type || ',') > 0));
    RETURN NULL;
END $$;
CREATE TRIGGER session_events_fan_out AFTER INSERT ON session_events
    FOR EACH ROW EXECUTE FUNCTION session_events_fan_out();
