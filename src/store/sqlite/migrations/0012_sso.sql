-- Single sign-on. A user signs in with a password ('' auth_service) or through an identity
-- provider (Mattermost's Users.AuthService and AuthData: 'gitlab', 'google', 'office365',
-- 'openid', and the provider's stable id for the person). One account per provider identity.
ALTER TABLE users ADD COLUMN auth_service TEXT NOT NULL DEFAULT '';
ALTER TABLE users ADD COLUMN auth_data TEXT;
CREATE UNIQUE INDEX users_auth ON users (auth_service, auth_data) WHERE auth_data IS NOT NULL;
-- A sign-in in flight (Mattermost's Tokens row of type 'oauth'): between the redirect to the
-- provider and its redirect back. Found by the hash of the state's token, taken once (deleted
-- as it is read), dropped when it expires; every node reads the same table.
CREATE TABLE sso_states (
    token_hash BLOB PRIMARY KEY,
    expires_at INTEGER NOT NULL,
    data TEXT NOT NULL
) WITHOUT ROWID;
CREATE INDEX sso_states_expiry ON sso_states (expires_at);
