"""mattermostdriver after `mm-sessions import mattermost` (issue #39): a Mattermost database
(tests/clients/mattermost_source.py, on MM_SESSIONS_TEST_POSTGRES) imported by the real binary's
CLI into a fresh SQLite file, then the driver as a script would use it: the *old* session token
and personal access token, the old bcrypt and PBKDF2 passwords (re-hashed at that login), the
old MFA secret's codes. A second import changes nothing; a dry run writes nothing."""
import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import Server
from test_mattermostdriver import driver
from test_mfa import code_at, settled_step

SOURCE_SCRIPT = Path(__file__).resolve().parents[1] / "mattermost_source.py"


@pytest.fixture
def source():
    if not os.environ.get("MM_SESSIONS_TEST_POSTGRES", "").strip():
        pytest.skip("the import tests did not run: set MM_SESSIONS_TEST_POSTGRES=postgres://user@host:port/db")
    made = subprocess.run([sys.executable, str(SOURCE_SCRIPT), "create"], check=True, capture_output=True, text=True)
    data = json.loads(made.stdout)
    yield data
    subprocess.run([sys.executable, str(SOURCE_SCRIPT), "drop", data["schema"]], check=True)


def import_into(database, source, *flags):
    binary = os.environ["MM_SESSIONS_BIN"]
    out = subprocess.run([binary, "--database", str(database), "import", "mattermost", "--from", source["url"], *flags],
                         check=True, capture_output=True, text=True)
    return out.stdout


def hash_of(database, username):
    with sqlite3.connect(database) as db:
        return db.execute("SELECT password_hash FROM users WHERE username = ?", (username,)).fetchone()[0]


@pytest.fixture
def imported(tmp_path, source):
    database = tmp_path / "mm-sessions.db"
    dry = import_into(database, source, "--dry-run")
    assert dry.startswith("dry run"), dry
    assert "user: 2 read, 2 would be new" in dry, dry
    assert not database.exists(), "a dry run made the database file"
    summary = import_into(database, source)
    assert "user: 2 read, 2 new, 0 updated, 0 unchanged, 0 skipped" in summary, summary
    assert "session: 3 read, 3 new" in summary, summary
    assert "access_token: 1 read, 1 new" in summary, summary
    server = Server(tmp_path, MM_SERVICESETTINGS_ENABLEUSERACCESSTOKENS="true",
                    MM_SERVICESETTINGS_ENABLEMULTIFACTORAUTHENTICATION="true")
    server.source = source
    yield server
    server.stop()


def test_the_old_session_token_and_access_token_work(imported):
    alice = imported.source["users"]["alice"]
    old = imported.source["sessions"]["alice"][0]["token"]
    d = driver(imported, token=old)
    d.login()
    assert d.client.userid == alice["id"]
    me = d.users.get_user("me")
    assert (me["username"], me["locale"], me["position"]) == ("alice", "de", "Engineer")
    assert me["timezone"]["manualTimezone"] == "Europe/Berlin"
    ids = {s["id"] for s in d.users.get_user_sessions(alice["id"])}
    assert {s["id"] for s in imported.source["sessions"]["alice"]} <= ids
    pat = driver(imported, token=imported.source["access_token"]["token"])
    pat.login()
    assert pat.client.userid == alice["id"]


def test_old_passwords_log_in_and_are_rehashed(imported):
    database = imported.database
    assert hash_of(database, "alice").startswith("$2a$10$")
    d = driver(imported, login_id="alice", password=imported.source["users"]["alice"]["password"])
    d.login()
    assert d.client.token
    assert hash_of(database, "alice").startswith("$argon2id$"), "the bcrypt hash was replaced in the same login"
    again = driver(imported, login_id="alice", password=imported.source["users"]["alice"]["password"])
    again.login()

    bob = imported.source["users"]["bob"]
    assert hash_of(database, "bob").startswith("$pbkdf2$")
    step = settled_step()
    d = driver(imported, login_id="bob", password=bob["password"], mfa_token=code_at(bob["mfa_secret"], step))
    d.login()
    assert d.client.userid == bob["id"]
    assert hash_of(database, "bob").startswith("$argon2id$")


def test_a_second_import_changes_nothing(imported, tmp_path):
    again = import_into(imported.database, imported.source)
    for kind in ("user", "session", "access_token"):
        line = next(l for l in again.splitlines() if l.startswith(kind + ":"))
        assert " 0 new, 0 updated," in line and " 0 skipped" in line, again
