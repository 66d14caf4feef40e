"""A Mattermost database for the import tests of the real clients (Python, JS, Chromium): a
PostgreSQL schema of its own on MM_SESSIONS_TEST_POSTGRES holding Mattermost's tables
(tests/fixtures/mattermost-schema.sql, written from the column facts) and rows made as Mattermost
makes them: bcrypt cost 10 ($2a$) and PBKDF2-SHA256 (600,000 rounds, 16-byte salt, base64
without padding) password hashes, 26-character tokens in clear, the CSRF token in the session's
props, an MFA secret in base32 with its used time steps, a personal access token.

    python mattermost_source.py create   prints JSON: the source's URL, schema and credentials
    python mattermost_source.py drop SCHEMA

psql runs the SQL (every value here is made by this script: ids, hashes, fixed text)."""
import base64
import hashlib
import json
import os
import secrets
import subprocess
import sys
import time
from pathlib import Path

import bcrypt

SCHEMA_SQL = Path(__file__).resolve().parents[1] / "fixtures" / "mattermost-schema.sql"
DAY_MS = 24 * 3600 * 1000
ALPHABET = "abcdefghijkmnopqrstuwxyz13456789"


def new_id():
    """A Mattermost id: 26 characters of its base32 alphabet."""
    return "".join(secrets.choice(ALPHABET) for _ in range(26))


def pbkdf2_hash(password):
    salt = secrets.token_bytes(16)
    derived = hashlib.pbkdf2_hmac("sha256", password.encode(), salt, 600_000, 32)
    encode = lambda b: base64.b64encode(b).decode().rstrip("=")
    return f"$pbkdf2$f=SHA256,w=600000,l=32${encode(salt)}${encode(derived)}"


def bcrypt_hash(password):
    return bcrypt.hashpw(password.encode(), bcrypt.gensalt(rounds=10, prefix=b"2a")).decode()


def base_url():
    url = os.environ.get("MM_SESSIONS_TEST_POSTGRES", "").strip()
    if not url:
        raise SystemExit("MM_SESSIONS_TEST_POSTGRES is not set")
    return url


def psql(sql):
    subprocess.run(["psql", base_url(), "-q", "-v", "ON_ERROR_STOP=1"], input=sql, text=True, check=True,
                   stdout=subprocess.DEVNULL)


def quote(text):
    return "'" + text.replace("'", "''") + "'"


def create():
    now = int(time.time() * 1000)
    schema = "mmsrc_" + new_id()
    people = {
        "alice": {"id": new_id(), "password": "alice old password 1", "roles": "system_user system_admin"},
        "bob": {"id": new_id(), "password": "bob old password 2", "roles": "system_user",
                "mfa_secret": base64.b32encode(secrets.token_bytes(20)).decode()},
    }
    people["alice"]["hash"] = bcrypt_hash(people["alice"]["password"])
    people["bob"]["hash"] = pbkdf2_hash(people["bob"]["password"])
    sql = [f"CREATE SCHEMA {schema};", f"SET search_path TO {schema};", SCHEMA_SQL.read_text()]
    for name, p in people.items():
        mfa = "mfa_secret" in p
        sql.append(
            "INSERT INTO users (id, createat, updateat, deleteat, username, password, authservice, email, emailverified, "
            "nickname, firstname, lastname, roles, props, notifyprops, lastpasswordupdate, locale, mfaactive, mfasecret, "
            f"position, timezone, mfausedtimestamps) VALUES ({quote(p['id'])}, {now - 90 * DAY_MS}, {now - DAY_MS}, 0, "
            f"{quote(name)}, {quote(p['hash'])}, '', {quote(name + '@example.com')}, true, {quote(name.title())}, "
            f"{quote(name.title())}, 'Imported', {quote(p['roles'])}, '{{}}', '{{\"push\": \"all\"}}', {now - 30 * DAY_MS}, "
            f"'de', {str(mfa).lower()}, {quote(p.get('mfa_secret', ''))}, 'Engineer', "
            "'{\"useAutomaticTimezone\": \"false\", \"manualTimezone\": \"Europe/Berlin\", \"automaticTimezone\": \"\"}', "
            "'[]');"
        )
    sessions = {}
    for name, device, agent in [("alice", "", "Chrome/120.0"), ("alice", "android_rn-v2:imported-phone", "Mobile App"),
                                ("bob", "", "Firefox/121.0")]:
        session = {"id": new_id(), "token": new_id(), "csrf": new_id(), "user": people[name]["id"]}
        props = {"csrf": session["csrf"], "platform": "Linux", "os": "Linux", "browser": agent,
                 "isMobile": str(bool(device)).lower(), "isOAuthUser": "false", "isSaml": "false", "is_guest": "false"}
        sql.append(
            "INSERT INTO sessions (id, token, createat, expiresat, lastactivityat, userid, deviceid, roles, isoauth, props, "
            f"expirednotify) VALUES ({quote(session['id'])}, {quote(session['token'])}, {now - DAY_MS}, "
            f"{now + 30 * DAY_MS}, {now - 3600 * 1000}, {quote(session['user'])}, {quote(device)}, "
            f"{quote(people[name]['roles'])}, false, {quote(json.dumps(props))}, false);"
        )
        sessions.setdefault(name, []).append(session)
    pat = {"id": new_id(), "token": new_id()}
    sql.append(
        "INSERT INTO useraccesstokens (id, token, userid, description, isactive) VALUES "
        f"({quote(pat['id'])}, {quote(pat['token'])}, {quote(people['alice']['id'])}, 'nightly build', true);"
    )
    psql("\n".join(sql))
    separator = "&" if "?" in base_url() else "?"
    url = f"{base_url()}{separator}options=-c%20search_path%3D{schema}"
    for p in people.values():
        p.pop("hash")
    print(json.dumps({"url": url, "schema": schema, "users": people, "sessions": sessions, "access_token": pat}))


def drop(schema):
    psql(f"SET client_min_messages TO warning; DROP SCHEMA IF EXISTS {schema} CASCADE;")


if __name__ == "__main__":
    if sys.argv[1:2] == ["create"]:
        create()
    elif sys.argv[1:2] == ["drop"] and len(sys.argv) == 3:
        drop(sys.argv[2])
    else:
        raise SystemExit(__doc__)
