-- Audit records (Mattermost's Audits table), newest first per user.
CREATE TABLE audits (
    id         TEXT PRIMARY KEY,
    create_at  INTEGER NOT NULL,
    user_id    TEXT NOT NULL,
    action     TEXT NOT NULL,
    extra_info TEXT NOT NULL,
    ip_address TEXT NOT NULL,
    session_id TEXT NOT NULL
);
CREATE INDEX audits_by_user ON audits (user_id, create_at DESC);
CREATE INDEX audits_by_age ON audits (create_at);
