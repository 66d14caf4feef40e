-- When each user's password was last set (ms since the epoch; 0: never), as Mattermost's
-- Users.LastPasswordUpdate. Passwords set before this release count from the user's last update.
ALTER TABLE users ADD COLUMN last_password_update INTEGER NOT NULL DEFAULT 0;
UPDATE users SET last_password_update = update_at WHERE password_hash IS NOT NULL;
