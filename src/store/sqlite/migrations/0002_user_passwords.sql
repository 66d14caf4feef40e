-- Password login: an argon2id PHC string per user (NULL: no password set).
ALTER TABLE users ADD COLUMN password_hash TEXT;
