-- Mattermost starts LastPasswordUpdate at the user's creation (User.PreSave); users made before
-- this release without a password get that too.
UPDATE users SET last_password_update = create_at WHERE last_password_update = 0;
