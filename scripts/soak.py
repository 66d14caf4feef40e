"""The soak run behind scripts/soak: fixed-rate mixed load, error count, RSS at start and end.

Mix per request: 5% password login, 45% list sessions, 25% GET /users/me, 10% revoke one
session, 5% logout, 10% ping. Logins replenish the pool of tokens that the rest use.
"""
import concurrent.futures
import os
import random
import socket
import subprocess
import sys
import tempfile
import threading
import time

import requests

DURATION, RATE = float(sys.argv[1]), float(sys.argv[2])
BIN = os.environ["MM_SESSIONS_BIN"]
PASSWORD = "soak password 1"


def rss_mib(pid):
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return 0.0


def main():
    work = tempfile.mkdtemp(prefix="mm-soak-")
    db = os.path.join(work, "soak.db")
    cli = lambda *a: subprocess.run([BIN, "--database", db, *a], check=True, capture_output=True, text=True).stdout.strip()
    users = [f"user{i}" for i in range(20)]
    for u in users:
        cli("user", "create", "--username", u, "--email", f"{u}@example.com", "--password", PASSWORD)
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    env = dict(os.environ, RUST_LOG="warn", MM_SESSIONS_LOGIN_RATE_IP="1000000", MM_SESSIONS_LOGIN_RATE_ACCOUNT="1000000")
    server = subprocess.Popen([BIN, "--database", db, "--listen", f"127.0.0.1:{port}"], env=env, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}/api/v4"
    for _ in range(200):
        try:
            if requests.get(f"{base}/system/ping", timeout=1).status_code == 200:
                break
        except requests.RequestException:
            time.sleep(0.05)

    lock = threading.Lock()
    tokens, errors, counts = [], [], {}
    local = threading.local()

    def session():
        if not hasattr(local, "s"):
            local.s = requests.Session()
        return local.s

    def login():
        r = session().post(f"{base}/users/login", json={"login_id": random.choice(users), "password": PASSWORD}, timeout=10)
        if r.status_code != 200:
            return r
        with lock:
            tokens.append(r.headers["Token"])
        return r

    def pick():
        with lock:
            return random.choice(tokens) if tokens else None

    def one():
        roll = random.random()
        token = pick()
        if token is None or roll < 0.05:
            return "login", login(), {200}
        auth = {"Authorization": f"Bearer {token}"}
        s = session()
        if roll < 0.50:
            return "list", s.get(f"{base}/users/me/sessions", headers=auth, timeout=10), {200, 401}
        if roll < 0.75:
            return "me", s.get(f"{base}/users/me", headers=auth, timeout=10), {200, 401}
        if roll < 0.85:
            listed = s.get(f"{base}/users/me/sessions", headers=auth, timeout=10)
            if listed.status_code != 200 or not listed.json():
                return "revoke", listed, {200, 401}
            victim = random.choice(listed.json())["id"]
            return "revoke", s.post(f"{base}/users/me/sessions/revoke", json={"session_id": victim}, headers=auth, timeout=10), {200, 400, 401}
        if roll < 0.90:
            with lock:
                if token in tokens:
                    tokens.remove(token)
            return "logout", s.post(f"{base}/users/logout", headers=auth, timeout=10), {200}
        return "ping", s.get(f"{base}/system/ping", timeout=10), {200}

    def run_one():
        try:
            name, response, expected = one()
            with lock:
                counts[name] = counts.get(name, 0) + 1
                if response.status_code not in expected or response.headers.get("Content-Type") != "application/json":
                    errors.append(f"{name}: {response.status_code} {response.text[:120]}")
        except Exception as e:  # a refused connection, a timeout: an error all the same
            with lock:
                errors.append(f"exception: {e!r}")

    warmup = min(30.0, DURATION / 10)
    start_rss = None
    samples = []
    started = time.monotonic()
    sent = 0
    with concurrent.futures.ThreadPoolExecutor(max_workers=16) as pool:
        while True:
            now = time.monotonic() - started
            if now >= DURATION:
                break
            if start_rss is None and now >= warmup:
                start_rss = rss_mib(server.pid)
            if int(now) % 10 == 0 and (not samples or samples[-1][0] != int(now)):
                samples.append((int(now), rss_mib(server.pid)))
            due = sent / RATE
            if due > now:
                time.sleep(min(due - now, 0.05))
                continue
            pool.submit(run_one)
            sent += 1
    end_rss = rss_mib(server.pid)
    server.terminate()
    server.wait(timeout=15)
    peak = max(r for _, r in samples) if samples else end_rss
    growth = (end_rss - start_rss) / start_rss * 100 if start_rss else 0.0
    flat = end_rss <= (start_rss or end_rss) * 1.2 + 2
    print(f"soak: {DURATION:.0f} s at {RATE:.0f} req/s, {sent} requests {counts}")
    print(f"soak: errors {len(errors)}" + (f" (first: {errors[:3]})" if errors else ""))
    print(f"soak: RSS after warm-up {start_rss:.1f} MiB, at end {end_rss:.1f} MiB ({growth:+.1f}%), peak {peak:.1f} MiB")
    verdict = "PASS" if not errors and flat else "FAIL"
    print(f"soak: {verdict} (zero errors: {not errors}; memory flat within 20% + 2 MiB: {flat})")
    sys.exit(0 if verdict == "PASS" else 1)


main()
