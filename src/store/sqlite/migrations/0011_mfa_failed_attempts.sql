-- Wrong MFA codes since the last right one (Mattermost's Users.FailedAttempts, here for codes
-- only): past MaximumLoginAttempts a user's code logins are refused until a right code is not
-- even asked for any more: a password change, or MFA turned off.
ALTER TABLE users ADD COLUMN mfa_failed_attempts INTEGER NOT NULL DEFAULT 0;
