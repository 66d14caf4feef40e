-- Multi-factor authentication (see the SQLite migration).
ALTER TABLE users ADD COLUMN mfa_active BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE users ADD COLUMN mfa_secret TEXT NOT NULL DEFAULT '';

CREATE TABLE mfa_used_steps (
    user_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    step    BIGINT NOT NULL,
    PRIMARY KEY (user_id, step)
);

