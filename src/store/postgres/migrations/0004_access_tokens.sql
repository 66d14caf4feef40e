-- Personal access tokens, as in the SQLite schema: only the SHA-256 of the secret is stored,
-- which the session a token opens also carries as its own token_hash.
CREATE TABLE user_access_tokens (
    id          TEXT PRIMARY KEY,
    token_hash  BYTEA NOT NULL UNIQUE,
    user_id     TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    description TEXT NOT NULL,
    is_active   BOOLEAN NOT NULL,
    expires_at  BIGINT NOT NULL
);
CREATE INDEX user_access_tokens_by_user ON user_access_tokens (user_id, id);

-- Script sessions the admin CLI issued before there were personal access tokens become
-- ordinary sessions (see the SQLite migration).
UPDATE sessions SET props = props - 'type'
WHERE props->>'type' = 'UserAccessToken' AND NOT props ? 'user_access_token_id';
