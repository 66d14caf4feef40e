-- Personal access tokens (Mattermost's UserAccessTokens). The secret is never stored: only its
-- SHA-256, which the session a token opens also carries as its own token_hash.
CREATE TABLE user_access_tokens (
    id          TEXT PRIMARY KEY NOT NULL,
    token_hash  BLOB NOT NULL UNIQUE,
    user_id     TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    description TEXT NOT NULL,
    is_active   INTEGER NOT NULL,
    expires_at  INTEGER NOT NULL              -- ms since the epoch; 0: never
) STRICT;
CREATE INDEX user_access_tokens_by_user ON user_access_tokens (user_id, id);

-- The session cache's change counter (migration 0005) sees the tokens too.
CREATE TRIGGER user_access_tokens_insert_counted AFTER INSERT ON user_access_tokens
BEGIN UPDATE change_counter SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER user_access_tokens_update_counted AFTER UPDATE ON user_access_tokens
BEGIN UPDATE change_counter SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER user_access_tokens_delete_counted AFTER DELETE ON user_access_tokens
BEGIN UPDATE change_counter SET n = n + 1 WHERE id = 1; END;

-- Sessions the admin CLI issued for scripts before there were personal access tokens carry
-- type=UserAccessToken with no token behind them. They become ordinary sessions (they keep
-- working until they expire); scripts now use personal access tokens.
UPDATE sessions SET props = json_remove(props, '$.type')
WHERE json_extract(props, '$.type') = 'UserAccessToken'
  AND json_extract(props, '$.user_access_token_id') IS NULL;
