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

-- Whether the user's credentials (password hash, second factor) are still as an import wrote
-- them: set by the import, cleared by every credential write here (a password set or upgraded,
-- MFA set up or turned off, a switch of sign-in method). While set, a later import may rewrite
-- them from the source; once cleared, what was set here stands.
ALTER TABLE users ADD COLUMN credentials_from_import boolean NOT NULL DEFAULT false;
