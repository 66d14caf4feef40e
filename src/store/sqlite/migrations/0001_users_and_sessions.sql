-- Users and sessions. Tokens are never stored: only their SHA-256 (token_hash).
CREATE TABLE users (
    id        TEXT PRIMARY KEY NOT NULL,
    username  TEXT NOT NULL UNIQUE,
    email     TEXT NOT NULL UNIQUE,
    roles     TEXT NOT NULL,
    create_at INTEGER NOT NULL,
    update_at INTEGER NOT NULL
) STRICT;

CREATE TABLE sessions (
    id               TEXT PRIMARY KEY NOT NULL,
    token_hash       BLOB NOT NULL UNIQUE,          -- the authentication lookup
    user_id          TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    create_at        INTEGER NOT NULL,
    expires_at       INTEGER NOT NULL,
    last_activity_at INTEGER NOT NULL,
    device_id        TEXT NOT NULL,
    roles            TEXT NOT NULL,
    is_oauth         INTEGER NOT NULL,
    expired_notify   INTEGER NOT NULL,
    local            INTEGER NOT NULL,
    props            TEXT NOT NULL                  -- JSON object of strings
) STRICT;

-- Listing a user's sessions (newest activity first) and revoking them all.
CREATE INDEX sessions_by_user ON sessions (user_id, last_activity_at DESC);
-- The purge of expired sessions.
CREATE INDEX sessions_by_expiry ON sessions (expires_at) WHERE expires_at > 0;
