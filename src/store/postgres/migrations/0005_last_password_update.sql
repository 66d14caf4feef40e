-- When each user's password was last set (see the SQLite migration).
ALTER TABLE users ADD COLUMN last_password_update BIGINT NOT NULL DEFAULT 0;
UPDATE users SET last_password_update = update_at WHERE password_hash IS NOT NULL;
