-- Multi-factor authentication (Mattermost's Users.MfaActive, Users.MfaSecret and
-- MfaUsedTimestamps). The secret is stored as src/mfa/seal.rs says: sealed under the operator's
-- key when one is configured, else in clear, as Mattermost stores it; "" for none.
ALTER TABLE users ADD COLUMN mfa_active INTEGER NOT NULL DEFAULT 0;
ALTER TABLE users ADD COLUMN mfa_secret TEXT NOT NULL DEFAULT '';

-- The time steps whose codes were accepted, per user: a code is accepted once. One row a step,
-- so that "accept this step" is one insert that fails on a replay, atomically, whichever node
-- or process makes it. Steps older than the window are deleted as new ones go in.
CREATE TABLE mfa_used_steps (
    user_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    step    INTEGER NOT NULL,
    PRIMARY KEY (user_id, step)
) STRICT, WITHOUT ROWID;

