-- Deactivation: when a user was deactivated (ms since the epoch; 0: active), as Mattermost's
-- Users.DeleteAt.
ALTER TABLE users ADD COLUMN delete_at INTEGER NOT NULL DEFAULT 0;
