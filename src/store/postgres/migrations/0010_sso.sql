-- Single sign-on (see the SQLite migration): the user's sign-in method, and sign-ins in flight.
ALTER TABLE users ADD COLUMN auth_service TEXT NOT NULL DEFAULT '';
ALTER TABLE users ADD COLUMN auth_data TEXT;
CREATE UNIQUE INDEX users_auth ON users (auth_service, auth_data) WHERE auth_data IS NOT NULL;
CREATE TABLE sso_states (
    token_hash BYTEA PRIMARY KEY,
    expires_at BIGINT NOT NULL,
    data TEXT NOT NULL
);
CREATE INDEX sso_states_expiry ON sso_states (expires_at);
