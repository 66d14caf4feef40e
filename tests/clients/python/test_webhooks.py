"""Session events as Standard Webhooks, end to end: the real binary (conftest's Server) posts to a
receiver here (webhook_receiver.py) that checks every request with the reference verifier (PyPI
`standardwebhooks`). What each session change sends and whom it names as the actor; retries,
Retry-After, 410, timeouts and the disable-after limit; the admin CLI's `webhook …` commands; no
acknowledged revocation lost across 20 SIGKILLs; two nodes on one PostgreSQL database sending each
event once, in order per user. Retries are shortened from minutes to tenths of a second
(MM_SESSIONS_WEBHOOK_RETRY_SCHEDULE)."""
import json
import os
import random
import re
import signal
import subprocess
import threading
import time
import urllib.error
import urllib.request
from collections import Counter, namedtuple
from concurrent.futures import ThreadPoolExecutor
from datetime import datetime

import pytest

from conftest import PASSWORD, Server
from webhook_receiver import Receiver, wait_for

# Seconds between attempts; past the end, the last step repeats.
SCHEDULE = "0.2,0.2,0.5,1"
ID = re.compile(r"[a-z0-9]{26}")
# RFC 3339 in UTC, to the millisecond (a fraction's trailing zeros may be left out).
TIMESTAMP = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d{1,3})?Z")
SESSION_DATA = {"user_id", "session_id", "device_id", "platform", "reason", "actor"}
# The command-line admin: an administrator with no user id.
CLI = {"kind": "admin", "id": ""}

Login = namedtuple("Login", "token session")


# --- the API, as a script calls it ----------------------------------------------------------


def api(server, method, path, token=None, body=None, timeout=10):
    """One API v4 call: (status, headers, JSON body or None)."""
    data = None if body is None else json.dumps(body).encode()
    request = urllib.request.Request(f"http://127.0.0.1:{server.port}/api/v4{path}", data=data, method=method)
    if token:
        request.add_header("Authorization", f"Bearer {token}")
    if data is not None:
        request.add_header("Content-Type", "application/json")
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            return response.status, response.headers, _json(response.read())
    except urllib.error.HTTPError as e:
        return e.code, e.headers, _json(e.read())


def _json(raw):
    return json.loads(raw) if raw else None


class Person:
    """A user logging in through the API. A login answers with a token, not the session's id:
    the id is the one new in the user's session list."""

    def __init__(self, server, name, *roles):
        self.name, self.id, self.seen = name, server.create_user(name, *roles), set()

    def log_in(self, server):
        status, headers, body = api(server, "POST", "/users/login", body={"login_id": self.name, "password": PASSWORD})
        assert status == 200, body
        token = headers["Token"]
        status, _, sessions = api(server, "GET", f"/users/{self.id}/sessions", token)
        assert status == 200, sessions
        ids = {s["id"] for s in sessions}
        new = ids - self.seen
        assert len(new) == 1, f"one new session after a login: {new}"
        self.seen |= ids
        return Login(token, new.pop())

    def revoke(self, server, token, session):
        return api(server, "POST", f"/users/{self.id}/sessions/revoke", token, {"session_id": session})[0]


def cli_sessions(server, name):
    """The session ids `session list` shows for a user (rows only: no header off a terminal)."""
    rows = server.cli("session", "list", "--user", name).splitlines()
    return {row.split("\t")[0] for row in rows if ID.match(row)}


# --- the webhook CLI ------------------------------------------------------------------------


def add_endpoint(server, receiver, *flags):
    """`webhook add` for this receiver, which is given the secret: (endpoint id, secret)."""
    lines = server.cli("webhook", "add", "--url", receiver.url, *flags).splitlines()
    first, secret = lines[0].split(), lines[-1].strip()
    assert first[0] == "endpoint" and ID.fullmatch(first[1]), lines
    assert secret.startswith("whsec_"), lines
    receiver.set_secrets(secret)
    return first[1], secret


def endpoint_row(server, endpoint):
    """The endpoint's line of `webhook list`, by column."""
    for line in server.cli("webhook", "list").splitlines():
        fields = line.split("\t")
        if fields[0] == endpoint:
            assert len(fields) == 5, line
            return dict(zip(("id", "url", "events", "state", "pending"), fields))
    raise AssertionError(f"endpoint {endpoint} is not in `webhook list`")


def disabled(server, endpoint):
    return endpoint_row(server, endpoint)["state"].startswith("disabled")


# --- what the receiver got ------------------------------------------------------------------


def one(receiver, type, timeout=10, **data):
    """Waits for the delivered event of this type with this data; there is one only."""
    found = wait_for(lambda: receiver.find(type, **data), timeout, what=f"{type} {data}")
    assert len(found) == 1, [d.body for d in found]
    return found[0]


def created_event(receiver, session):
    return one(receiver, "session.created", session_id=session)


def revoked_event(receiver, session):
    return one(receiver, "session.revoked", session_id=session)


def by_user(user_id):
    return {"kind": "user", "id": user_id}


def assert_says(delivery, user_id, reason, actor):
    said = (delivery.data["user_id"], delivery.data["reason"], delivery.data["actor"])
    assert said == (user_id, reason, actor), delivery.body


def assert_clean(receiver, tokens=()):
    """How every test ends: each request verified, each body in the documented shape, and no
    token in any body (the session id names a session; the token would let a reader use it)."""
    assert receiver.failures == 0, [why for why, _, _ in receiver.rejected]
    for d in receiver.attempts():
        assert d.headers.get("content-type", "").startswith("application/json"), d.headers
        assert set(d.body) == {"type", "timestamp", "data"}, d.body
        assert TIMESTAMP.fullmatch(d.body["timestamp"]), d.body
        if d.type.startswith("session."):
            assert SESSION_DATA <= set(d.data), d.body
            assert d.data["actor"]["kind"] in ("user", "admin", "system"), d.body
        if d.type.startswith("user."):
            assert {"user_id", "reason", "actor"} <= set(d.data) and "session_id" not in d.data, d.body
        for token in tokens:
            assert token.encode() not in d.raw, f"a token in a {d.type} body"


# --- fixtures -------------------------------------------------------------------------------


@pytest.fixture
def receivers():
    """Makes receivers; each is closed at the end."""
    made = []

    def make():
        made.append(Receiver())
        return made[-1]

    yield make
    for r in made:
        r.close()


@pytest.fixture
def launch(tmp_path):
    """Starts the server on the test's SQLite file, with the short retry schedule; whatever is
    still running at the end is stopped."""
    started = []

    def launch(**settings):
        started.append(Server(tmp_path, **{"MM_SESSIONS_WEBHOOK_RETRY_SCHEDULE": SCHEDULE, **settings}))
        return started[-1]

    yield launch
    for s in started:
        if s.process.poll() is None:
            s.stop()


@pytest.fixture
def hooked(launch, receivers):
    """A server with alice and an admin, and one endpoint taking every event: (server, receiver)."""
    server = launch()
    server.alice, server.admin = Person(server, "alice"), Person(server, "admin", "system_user", "system_admin")
    receiver = receivers()
    server.endpoint, server.secret = add_endpoint(server, receiver)
    return server, receiver


# --- what each change sends -----------------------------------------------------------------


def test_a_login_and_its_logout_are_signed_events_naming_the_user(hooked):
    server, receiver = hooked
    alice = server.alice
    login = alice.log_in(server)
    created = created_event(receiver, login.session)
    assert_says(created, alice.id, "password", by_user(alice.id))
    assert created.signatures == 1
    assert api(server, "POST", "/users/logout", login.token)[0] == 200
    revoked = revoked_event(receiver, login.session)
    assert_says(revoked, alice.id, "logout", by_user(alice.id))
    assert created.webhook_id != revoked.webhook_id
    assert_clean(receiver, [login.token])


def test_revocations_through_the_api_name_who_made_them(hooked):
    server, receiver = hooked
    alice, admin = server.alice, server.admin
    first, second, third, fourth = (alice.log_in(server) for _ in range(4))
    by_admin = admin.log_in(server)
    # Alice ends another session of hers: she is the actor.
    assert alice.revoke(server, first.token, second.session) == 200
    assert_says(revoked_event(receiver, second.session), alice.id, "revoked", by_user(alice.id))
    # An administrator ends one of hers: the administrator, by id.
    assert alice.revoke(server, by_admin.token, third.session) == 200
    assert_says(revoked_event(receiver, third.session), alice.id, "revoked", {"kind": "admin", "id": admin.id})
    # Revoke-all ends the rest, the caller's own session too.
    assert api(server, "POST", f"/users/{alice.id}/sessions/revoke/all", first.token)[0] == 200
    for login in first, fourth:
        revoked = revoked_event(receiver, login.session)
        assert_says(revoked, alice.id, "revoked_all", by_user(alice.id))
    assert_clean(receiver, [l.token for l in (first, second, third, fourth, by_admin)])


def test_cli_revocations_name_the_admin_with_no_id(hooked):
    server, receiver = hooked
    alice = server.alice
    first, second = alice.log_in(server), alice.log_in(server)
    # The ids the CLI shows are the API's, and the events'.
    assert cli_sessions(server, "alice") == {first.session, second.session}
    server.cli("session", "revoke", "--id", first.session)
    # Written by another process: the server finds it on its next poll (once a second).
    assert_says(revoked_event(receiver, first.session), alice.id, "revoked", CLI)
    server.cli("session", "revoke-all", "--user", "alice")
    assert_says(revoked_event(receiver, second.session), alice.id, "revoked_all", CLI)
    assert_clean(receiver, [first.token, second.token])


def test_deactivation_sends_the_user_event_and_one_per_session(hooked):
    server, receiver = hooked
    bob = Person(server, "bob")
    logins = [bob.log_in(server), bob.log_in(server)]
    server.cli("user", "deactivate", "--user", "bob")
    deactivated = one(receiver, "user.deactivated", user_id=bob.id)
    assert_says(deactivated, bob.id, "deactivated", CLI)
    for login in logins:
        assert_says(revoked_event(receiver, login.session), bob.id, "deactivated", CLI)
    assert_clean(receiver, [l.token for l in logins])


def test_a_role_change_ends_the_sessions_with_an_event(hooked):
    server, receiver = hooked
    # An administrator demoted: what their sessions carried is no longer theirs to use.
    carol = Person(server, "carol", "system_user", "system_admin")
    login = carol.log_in(server)
    server.cli("user", "set-roles", "--user", "carol", "--role", "system_user")
    assert_says(revoked_event(receiver, login.session), carol.id, "roles_changed", CLI)
    assert_clean(receiver, [login.token])


# --- failing endpoints ----------------------------------------------------------------------


def test_a_failing_endpoint_gets_the_same_webhook_id_until_it_answers_2xx(hooked):
    server, receiver = hooked
    receiver.answer_next(2, 500)
    login = server.alice.log_in(server)
    delivered = created_event(receiver, login.session)
    attempts = receiver.attempts(delivered.webhook_id)
    assert [a.status for a in attempts] == [500, 500, 200]
    # Each retry waits its step (0.2 s), less at most 20 % of jitter.
    for before, after in zip(attempts, attempts[1:]):
        assert after.arrived - before.answered >= 0.15, [a.arrived for a in attempts]
    time.sleep(1.5)
    assert len(receiver.attempts()) == 3, "nothing more once delivered"
    assert_clean(receiver, [login.token])


@pytest.mark.parametrize("status", [429, 503])
def test_retry_after_is_waited_out(hooked, status):
    server, receiver = hooked
    receiver.answer_next(1, status, retry_after="2")
    login = server.alice.log_in(server)
    delivered = created_event(receiver, login.session)
    first, second = receiver.attempts(delivered.webhook_id)
    # Not the schedule's 0.2 s: the 2 s asked for.
    assert second.arrived - first.answered >= 2.0
    assert_clean(receiver, [login.token])


def test_410_gone_disables_the_endpoint_at_once(hooked):
    server, receiver = hooked
    receiver.always(410)
    server.alice.log_in(server)
    wait_for(receiver.attempts, what="the first attempt")
    wait_for(lambda: disabled(server, server.endpoint), timeout=5, what="the endpoint disabled")
    later = server.alice.log_in(server)
    assert api(server, "POST", "/users/logout", later.token)[0] == 200
    time.sleep(1.5)
    assert len(receiver.attempts()) == 1, "no retry, and nothing later"
    assert_clean(receiver)


def test_an_endpoint_slower_than_the_timeout_has_failed_and_is_retried(launch, receivers):
    server = launch(MM_SESSIONS_WEBHOOK_TIMEOUT_SECONDS="1")
    alice = Person(server, "alice")
    receiver = receivers()
    add_endpoint(server, receiver)
    receiver.answer_next(1, 200, sleep=4)
    login = alice.log_in(server)
    first = wait_for(receiver.attempts, what="the first attempt")[0]
    wait_for(lambda: len(receiver.attempts(first.webhook_id)) >= 2, timeout=10, what="the retry")
    second = receiver.attempts(first.webhook_id)[1]
    # Given up after 1 s, retried 0.2 s later: long before the held request would have answered.
    assert 1.0 <= second.arrived - first.arrived < 3.0
    wait_for(lambda: second.ok, timeout=5, what="the retry answered")
    time.sleep(1)
    assert len(receiver.attempts(first.webhook_id)) == 2
    assert_clean(receiver, [login.token])


def test_an_endpoint_failing_longer_than_disable_after_is_disabled(launch, receivers):
    server = launch(MM_SESSIONS_WEBHOOK_DISABLE_AFTER_SECONDS="2")
    alice = Person(server, "alice")
    receiver = receivers()
    endpoint, _ = add_endpoint(server, receiver)
    receiver.always(500)
    alice.log_in(server)
    first = wait_for(receiver.attempts, what="the first attempt")[0]
    wait_for(lambda: disabled(server, endpoint), timeout=10, interval=0.1, what="the endpoint disabled")
    failing_for = time.monotonic() - first.arrived
    # Not before its 2 s of failing; soon after (the schedule's 1 s step, jitter, the CLI's time).
    assert 1.9 <= failing_for < 6, failing_for
    time.sleep(0.3)
    attempts = len(receiver.attempts())
    assert attempts >= 4, "retried on the schedule until then"
    time.sleep(1.5)
    assert len(receiver.attempts()) == attempts, "nothing once disabled"
    assert_clean(receiver)


# --- the webhook commands -------------------------------------------------------------------


def test_webhook_add_refuses_a_url_neither_https_nor_loopback(launch):
    server = launch()
    refused = ["http://example.com/hook", "http://10.0.0.1/hook", "ftp://127.0.0.1/hook", "127.0.0.1/hook"]
    for url in refused:
        command = [server.bin, "--database", server.database, "webhook", "add", "--url", url]
        run = subprocess.run(command, capture_output=True, text=True)
        assert run.returncode != 0, url
    listed = server.cli("webhook", "list")
    assert not any(url in listed for url in refused), listed


def test_an_endpoint_for_some_types_gets_only_those(hooked, receivers):
    server, everything = hooked
    revoked_only = receivers()
    endpoint, _ = add_endpoint(server, revoked_only, "--events", "session.revoked")
    events = endpoint_row(server, endpoint)["events"]
    assert "session.revoked" in events and "session.created" not in events, events
    login = server.alice.log_in(server)
    assert api(server, "POST", "/users/logout", login.token)[0] == 200
    for type in "session.created", "session.revoked":
        one(everything, type, session_id=login.session)
    revoked_event(revoked_only, login.session)
    # The created event went out first, to the other endpoint: long past, had it come here too.
    time.sleep(0.5)
    assert [d.type for d in revoked_only.attempts()] == ["session.revoked"]
    assert_clean(everything, [login.token])
    assert_clean(revoked_only, [login.token])


def test_webhook_test_sends_a_test_event(hooked):
    server, receiver = hooked
    server.cli("webhook", "test", server.endpoint)
    one(receiver, "webhook.test")
    assert [d.type for d in receiver.attempts()] == ["webhook.test"]
    assert_clean(receiver)


def test_after_a_rotation_both_secrets_sign(hooked):
    server, receiver = hooked
    old = server.secret
    before = created_event(receiver, server.alice.log_in(server).session)
    assert before.signatures == 1 and before.verified_by == (old,)
    new = server.cli("webhook", "rotate", server.endpoint).splitlines()[-1].strip()
    assert new.startswith("whsec_") and new != old
    receiver.set_secrets(old, new)
    after = created_event(receiver, server.alice.log_in(server).session)
    # Two signatures; each secret alone verifies the request, so receivers can move at leisure.
    assert after.signatures == 2
    assert set(after.verified_by) == {old, new}
    assert_clean(receiver)


def test_replay_resends_the_events_since_a_time(hooked):
    server, receiver = hooked
    alice = server.alice
    first = alice.log_in(server)
    early = created_event(receiver, first.session)
    # A gap either side of `since` on the millisecond timestamps (the server's clock is ours).
    time.sleep(0.05)
    since = int(time.time() * 1000)
    time.sleep(0.05)
    assert api(server, "POST", "/users/logout", first.token)[0] == 200
    second = alice.log_in(server)
    later = [revoked_event(receiver, first.session), created_event(receiver, second.session)]
    server.cli("webhook", "replay", server.endpoint, "--since", str(since))

    def sent(event):
        return sum(d.body == event.body for d in receiver.ok())

    wait_for(lambda: all(sent(e) == 2 for e in later), timeout=10, what="the replayed events")
    time.sleep(0.5)
    assert sent(early) == 1, "not the event before --since"
    assert [sent(e) for e in later] == [2, 2]
    assert_clean(receiver, [first.token, second.token])


def test_a_disabled_endpoint_queues_and_gets_everything_once_enabled(hooked):
    server, receiver = hooked
    server.cli("webhook", "disable", server.endpoint)
    assert disabled(server, server.endpoint)
    login = server.alice.log_in(server)
    assert api(server, "POST", "/users/logout", login.token)[0] == 200
    # Past the worker's once-a-second poll.
    time.sleep(1.5)
    assert receiver.attempts() == []
    assert int(endpoint_row(server, server.endpoint)["pending"]) >= 2
    server.cli("webhook", "enable", server.endpoint)
    assert endpoint_row(server, server.endpoint)["state"] == "enabled"
    created = created_event(receiver, login.session)
    revoked = revoked_event(receiver, login.session)
    assert created.arrived < revoked.arrived, "in order"
    assert_clean(receiver, [login.token])


# --- crashes --------------------------------------------------------------------------------


def test_endpoints_from_the_settings_file_are_added_then_updated_at_start(launch, receivers, tmp_path):
    import base64

    receiver = receivers()
    secrets = ["whsec_" + base64.b64encode(os.urandom(32)).decode() for _ in range(2)]
    listed = tmp_path / "endpoints.json"
    listed.write_text(json.dumps([{"url": receiver.url, "secret": secrets[0]}]))
    server = launch(MM_SESSIONS_WEBHOOK_ENDPOINTS_FILE=str(listed))
    alice = Person(server, "alice")
    receiver.set_secrets(secrets[0])
    login = alice.log_in(server)
    created_event(receiver, login.session)
    # Changed types and secret: the same endpoint, updated at the next start.
    server.stop()
    listed.write_text(json.dumps([{"url": receiver.url, "events": ["session.revoked"], "secret": secrets[1]}]))
    server = launch(MM_SESSIONS_WEBHOOK_ENDPOINTS_FILE=str(listed))
    rows = server.cli("webhook", "list").splitlines()
    assert len(rows) == 1 and rows[0].split("\t")[2] == "session.revoked", rows
    receiver.set_secrets(secrets[1])
    again = alice.log_in(server)
    assert api(server, "POST", "/users/logout", again.token)[0] == 200
    revoked_event(receiver, again.session)
    assert not receiver.find("session.created", session_id=again.session), "not a type it wants"
    assert_clean(receiver)
    # A file with a URL that is neither https nor loopback: the server does not start, and says why.
    listed.write_text(json.dumps([{"url": "http://hooks.example.com/x", "secret": secrets[0]}]))
    env = dict(os.environ, MM_SESSIONS_WEBHOOK_ENDPOINTS_FILE=str(listed))
    out = subprocess.run([server.bin, "--database", server.database, "--listen", "127.0.0.1:0"], env=env,
                         capture_output=True, text=True, timeout=30)
    assert out.returncode != 0 and "endpoints.json" in out.stderr and "https" in out.stderr, out.stderr


def test_no_acknowledged_revocation_is_lost_across_20_sigkills(launch, receivers):
    # One SQLite file, one receiver; 20 times a server is killed -9 while revocations are in
    # flight. A revocation answered 200 must reach the receiver (once a server runs again); a
    # session still there must never have been announced as revoked.
    seed = random.randrange(1 << 32)
    rng = random.Random(seed)
    # A delivery cut short by a kill stays claimed for its lease (the timeout and some seconds)
    # and holds back that user's later events: a short timeout (this receiver answers at once)
    # keeps the wait after the last kill short.
    settings = {"MM_SESSIONS_WEBHOOK_TIMEOUT_SECONDS": "2"}
    server = launch(**settings)
    # A user per round, so that each round's sessions are its own.
    people = [Person(server, f"kill{i}") for i in range(20)]
    receiver = receivers()
    add_endpoint(server, receiver)
    acknowledged = []

    def revoke(server, person, revoker, sessions):
        for session in sessions:
            try:
                status = person.revoke(server, revoker.token, session)
            except Exception:  # the server died before answering: not acknowledged
                return
            if status == 200:
                acknowledged.append(session)
            # Spread over the 150 ms the kill may come in: a revocation takes a few ms, and
            # unpaced they would all be done before most kills.
            time.sleep(0.025)

    for i, person in enumerate(people):
        if i:
            server = launch(**settings)
        revoker = person.log_in(server)
        targets = [person.log_in(server).session for _ in range(6)]
        thread = threading.Thread(target=revoke, args=(server, person, revoker, targets))
        thread.start()
        time.sleep(rng.uniform(0, 0.150))
        server.process.send_signal(signal.SIGKILL)
        server.process.wait()
        thread.join()

    server = launch(**settings)

    def revoked():
        return {d.data["session_id"] for d in receiver.find("session.revoked")}

    deadline = time.monotonic() + 30
    while set(acknowledged) - revoked() and time.monotonic() < deadline:
        time.sleep(0.1)
    missing = set(acknowledged) - revoked()
    remaining = set().union(*(cli_sessions(server, p.name) for p in people))
    spurious = remaining & revoked()
    counts = (
        f"kill -9 x20 (seed {seed}): {len(acknowledged)} revocations acknowledged, {len(remaining)} sessions left, "
        f"{len(missing)} missing, {len(spurious)} spurious"
    )
    print(counts)
    assert not missing and not spurious, counts
    assert not remaining & set(acknowledged), "a revocation answered 200 was undone by the crash"
    assert_clean(receiver)


# --- two nodes ------------------------------------------------------------------------------


class _On:
    """conftest's Server opens `tmp_path / "mm-sessions.db"`: this stands in for tmp_path so that
    it opens a PostgreSQL URL instead."""

    def __init__(self, database):
        self.database = database

    def __truediv__(self, _name):
        return self.database


@pytest.fixture
def postgres_url():
    """A private schema on MM_SESSIONS_TEST_POSTGRES, dropped after the test."""
    base = os.environ.get("MM_SESSIONS_TEST_POSTGRES", "").strip()
    if not base:
        pytest.skip("the two-node webhook test did not run: set MM_SESSIONS_TEST_POSTGRES=postgres://user@host:port/db")
    schema = f"webhooks_{int(time.time())}_{os.getpid()}"
    subprocess.run(["psql", base, "-qc", f"CREATE SCHEMA {schema}"], check=True)
    yield f"{base}{'&' if '?' in base else '?'}options=-c%20search_path%3D{schema}"
    subprocess.run(["psql", base, "-qc", f"DROP SCHEMA {schema} CASCADE"], check=True)


def test_two_nodes_on_postgresql_send_each_event_once_in_order_per_user(postgres_url, receivers):
    receiver = receivers()
    # Slow enough that both nodes' workers have events of one user to send at the same time.
    receiver.always(sleep=0.03)
    nodes = []
    try:
        nodes.append(Server(_On(postgres_url), MM_SESSIONS_WEBHOOK_RETRY_SCHEDULE=SCHEDULE))
        people = [Person(nodes[0], f"node{i}") for i in range(4)]
        add_endpoint(nodes[0], receiver)
        nodes.append(Server(_On(postgres_url), MM_SESSIONS_WEBHOOK_RETRY_SCHEDULE=SCHEDULE))

        def churn(person):
            # Sessions made on alternate nodes, then each ended on the other one: half by the
            # user's API revoke, half by their own logout.
            keeper = person.log_in(nodes[0])
            made = [person.log_in(nodes[i % 2]) for i in range(12)]
            for i, login in enumerate(made):
                node = nodes[(i + 1) % 2]
                if i % 2:
                    assert api(node, "POST", "/users/logout", login.token)[0] == 200
                else:
                    assert person.revoke(node, keeper.token, login.session) == 200
            assert api(nodes[1], "POST", "/users/logout", keeper.token)[0] == 200
            return [keeper.session] + [login.session for login in made]

        with ThreadPoolExecutor(len(people)) as pool:
            sessions = dict(zip((p.id for p in people), pool.map(churn, people)))

        types = ("session.created", "session.revoked")
        expected = {(type, s) for ids in sessions.values() for s in ids for type in types}

        def delivered():
            return {(d.type, d.data.get("session_id")) for d in receiver.events()}

        wait_for(lambda: expected <= delivered(), timeout=30, interval=0.2, what=f"{len(expected)} events")
        events = receiver.events()
        assert receiver.overlaps == [], "a webhook-id in flight on two requests at once"
        twice = [i for i, n in Counter(d.webhook_id for d in receiver.ok()).items() if n > 1]
        assert twice == [], "delivered twice"
        again = [k for k, n in Counter((d.type, d.data.get("session_id")) for d in events).items() if n > 1]
        assert again == [], "one change sent as two events"
        for person in people:
            mine = [d for d in events if d.data.get("user_id") == person.id]
            stamps = [datetime.fromisoformat(d.body["timestamp"]) for d in mine]
            assert stamps == sorted(stamps), f"{person.name}'s events out of order"
            # A user's next event only once the previous one was answered.
            attempts = [d for d in receiver.attempts() if d.data.get("user_id") == person.id]
            attempts.sort(key=lambda d: d.arrived)
            for before, after in zip(attempts, attempts[1:]):
                assert after.arrived >= before.answered, f"two of {person.name}'s events in flight at once"
            arrived = {(d.type, d.data.get("session_id")): d.arrived for d in mine}
            for session in sessions[person.id]:
                assert arrived["session.created", session] < arrived["session.revoked", session], session
        assert_clean(receiver)
    finally:
        for node in nodes:
            node.process.terminate()
        assert [node.process.wait(timeout=15) for node in nodes] == [0] * len(nodes), "SIGTERM ends each node cleanly"
