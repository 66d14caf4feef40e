"""Starts the real mm-sessions binary (MM_SESSIONS_BIN, set by scripts/test) on a free loopback
port over a fresh SQLite file, with users made by its admin CLI."""
import os
import socket
import subprocess
import time
import urllib.request

import pytest

PASSWORD = "correct horse battery"


def _free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server:
    def __init__(self, tmp_path, **settings):
        self.bin = os.environ.get("MM_SESSIONS_BIN")
        if not self.bin:
            raise RuntimeError("MM_SESSIONS_BIN is not set: run these tests through scripts/test")
        self.database = str(tmp_path / "mm-sessions.db")
        self.port = _free_port()
        # Tests log in far faster than people do: lift the login rate limits.
        env = dict(
            os.environ,
            RUST_LOG="warn,mm_sessions_api=error",
            MM_SESSIONS_LOGIN_RATE_IP="1000000",
            MM_SESSIONS_LOGIN_RATE_ACCOUNT="1000000",
            **settings,
        )
        self.process = subprocess.Popen(
            [self.bin, "--listen", f"127.0.0.1:{self.port}", "--database", self.database],
            stdout=subprocess.DEVNULL,
            env=env,
        )
        deadline = time.time() + 20
        while True:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{self.port}/api/v4/system/ping") as r:
                    if r.status == 200:
                        break
            except OSError:
                pass
            if time.time() > deadline:
                self.process.kill()
                raise RuntimeError("mm-sessions did not come up")
            time.sleep(0.05)

    def cli(self, *args, stdin=None):
        out = subprocess.run([self.bin, "--database", self.database, *args], check=True, capture_output=True, text=True, input=stdin)
        return out.stdout.strip()

    def create_user(self, name, *roles):
        # The password goes in on stdin, as the README recommends.
        role_args = [a for r in roles for a in ("--role", r)]
        return self.cli("user", "create", "--username", name, "--email", f"{name}@example.com", "--password-stdin", *role_args, stdin=PASSWORD + "\n")

    def stop(self):
        self.process.terminate()
        assert self.process.wait(timeout=15) == 0, "SIGTERM ends the server cleanly"


@pytest.fixture
def server(tmp_path):
    s = Server(tmp_path)
    s.ids = {"alice": s.create_user("alice"), "bob": s.create_user("bob"), "admin": s.create_user("admin", "system_user", "system_admin")}
    yield s
    s.stop()


@pytest.fixture
def token_server(tmp_path):
    """A server with personal access tokens on, a user who may make them, and an admin."""
    s = Server(tmp_path, MM_SERVICESETTINGS_ENABLEUSERACCESSTOKENS="true")
    s.ids = {"bot": s.create_user("ci-bot", "system_user", "system_user_access_token"), "admin": s.create_user("admin", "system_user", "system_admin")}
    yield s
    s.stop()


@pytest.fixture
def mfa_server(tmp_path):
    """A server with multi-factor authentication on, and a user."""
    s = Server(tmp_path, MM_SERVICESETTINGS_ENABLEMULTIFACTORAUTHENTICATION="true")
    s.ids = {"alice": s.create_user("alice")}
    yield s
    s.stop()
