-- Wrong MFA codes since the last right one (see the SQLite migration).
ALTER TABLE users ADD COLUMN mfa_failed_attempts INTEGER NOT NULL DEFAULT 0;
