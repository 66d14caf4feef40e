-- Users and sessions, as in the SQLite schema. Tokens are never stored: only their SHA-256.
CREATE TABLE users (
    id            TEXT PRIMARY KEY,
    username      TEXT NOT NULL UNIQUE,
    email         TEXT NOT NULL UNIQUE,
    roles         TEXT NOT NULL,
    create_at     BIGINT NOT NULL,
    update_at     BIGINT NOT NULL,
    password_hash TEXT
);

CREATE TABLE sessions (
    id               TEXT PRIMARY KEY,
    token_hash       BYTEA NOT NULL UNIQUE,
    user_id          TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    create_at        BIGINT NOT NULL,
    expires_at       BIGINT NOT NULL,
    last_activity_at BIGINT NOT NULL,
    device_id        TEXT NOT NULL,
    roles            TEXT NOT NULL,
    is_oauth         BOOLEAN NOT NULL,
    expired_notify   BOOLEAN NOT NULL,
    local            BOOLEAN NOT NULL,
    props            JSONB NOT NULL
);

CREATE INDEX sessions_by_user ON sessions (user_id, last_activity_at DESC);
CREATE INDEX sessions_by_expiry ON sessions (expires_at) WHERE expires_at > 0;
