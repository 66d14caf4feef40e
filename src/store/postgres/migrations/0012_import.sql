-- Imports from Mattermost (`mm-sessions import mattermost`).
-- An imported user's profile (names, position, locale, timezone, notification settings), as
-- JSON text; NULL for users made here.
ALTER TABLE users ADD COLUMN profile text;

-- What each import wrote: one row per user, session or access token, with the digest of the
-- source row it came from. A later import skips a row whose digest is unchanged, updates one
-- that changed, and never brings back one that is gone here (revoked or deleted since).
CREATE TABLE import_ledger (
    kind   text NOT NULL,
    id     text NOT NULL,
    digest bytea NOT NULL,
    PRIMARY KEY (kind, id)
);
