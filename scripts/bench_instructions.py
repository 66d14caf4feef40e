"""`scripts/bench --instructions` (issue #40): instructions per request, counted by callgrind.

Wall-clock figures move ±15 % here; an instruction count is the same on every run of the same
binary with the same inputs, whatever else the machine does. For each target (the real server
on SQLite with its default session cache, the generated-crate ceiling, bare hyper) and each hot
read (GET sessions of a user with ten, GET me, GET auth/check), the target runs under
`valgrind --tool=callgrind` with instrumentation off; one keep-alive connection sends 300
requests to warm it (every answer cached), then instrumentation goes on for 2,000 more and the
dump's total (user space, all threads) divided by 2,000 is the figure. The miss rows measure GET
me and GET sessions with a session cache of 0 (every request reads the store: a uniform load's
misses). With `--database postgres://…`
the server runs on PostgreSQL, which it never caches: every request reads (the ceilings are the
same; the server's targets, set for SQLite's cached requests, are not judged). Only the standard library, valgrind and
callgrind_control.
"""

import http.client
import re
import subprocess
import time
from pathlib import Path

WARM_UP = 300
COUNTED = 2000
# (row label, operation id in the captured responses, method, path template)
ROWS = [
    ("GET /users/{id}/sessions (10)", "GetSessions"),
    ("GET /users/me", "GetMe"),
    ("GET /auth/check", "AuthCheck"),
]


def callgrind(argv, out_file):
    return ["valgrind", "--tool=callgrind", "--instr-atstart=no", f"--callgrind-out-file={out_file}",
            "--dump-instr=no", "--collect-jumps=no"] + argv


def control(pid, *flags):
    subprocess.run(["callgrind_control", *flags, str(pid)], check=True, capture_output=True, text=True)


def totals(out_file):
    """The `totals:` Ir of a callgrind dump (its `summary:` line is the run's, not the dump's)."""
    for line in Path(out_file).read_text().splitlines():
        if line.startswith("totals:"):
            return int(line.split()[1])
    raise SystemExit(f"no totals in {out_file}")


def requests(port, path, token, n):
    """`n` GETs of `path` over one keep-alive connection; each must be a 200."""
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
    headers = {"Authorization": f"Bearer {token}"}
    for _ in range(n):
        conn.request("GET", path, headers=headers)
        response = conn.getresponse()
        response.read()
        if response.status != 200:
            raise SystemExit(f"GET {path}: {response.status}")
    conn.close()


def count(bench, server_cls, argv, port, calls, label, ready_path):
    """Instructions per request of each call in `calls` ({op: (path, token)}) on one target."""
    per_request = {}
    work = bench.work / f"callgrind-{label}"
    work.mkdir(parents=True, exist_ok=True)
    out = work / "callgrind.out"
    server = server_cls(callgrind(argv, out), port, work / "target.log", ready_path=ready_path)
    try:
        pid = server.proc.pid
        for op, (path, token) in calls.items():
            requests(port, path, token, WARM_UP)
            # Zeroed, then counted: only the COUNTED requests (and whatever the target's other
            # threads do meanwhile) are in the dump.
            control(pid, "--zero")
            control(pid, "--instr=on")
            requests(port, path, token, COUNTED)
            control(pid, "--instr=off")
            control(pid, f"--dump={op}")
            dumps = sorted(work.glob("callgrind.out.*"), key=lambda p: p.stat().st_mtime)
            per_request[op] = totals(dumps[-1]) / COUNTED
            if bench.args.keep:
                # For `callgrind_annotate --inclusive=yes callgrind-<label>/<op>.callgrind`.
                dumps.pop().rename(work / f"{op}.callgrind")
            for d in dumps:
                d.unlink()
    finally:
        server.stop()
    return per_request


def run(bench, server_cls, free_port):
    """Every target's instructions per request: {"postgres": bool, "server": {op: n},
    "generated": …, "bare": …, and on SQLite "server_miss": {"GetMe": n, "GetSessions": n}}."""
    # A small store: the figures are per cached request, and a user's ten sessions.
    server, data = bench.seeded_server(1_000)
    try:
        responses, _ = bench.capture(server.port, data)
    finally:
        server.stop()
    probes = [l.split("\t") for l in (data / "probe.tsv").read_text().splitlines()]
    uid, token, _ = probes[0]
    calls = {
        "GetSessions": (f"/api/v4/users/{uid}/sessions", token),
        "GetMe": ("/api/v4/users/me", token),
        "AuthCheck": ("/api/v4/auth/check", token),
    }
    postgres = bench.backend.startswith(("postgres://", "postgresql://"))
    database = (data / "database.url").read_text() if postgres else str(data / "store.db")
    results = {"postgres": postgres}
    # On PostgreSQL every request reads already: no separate miss row.
    for label, cache in (("server", None),) if postgres else (("server", None), ("server_miss", "0")):
        port = free_port()
        argv = [bench.tool("mm-sessions"), "serve", "--database", database, "--listen", f"127.0.0.1:{port}"]
        if cache is not None:
            argv += ["--session-cache-size", cache]
        chosen = calls if cache is None else {op: calls[op] for op in ("GetMe", "GetSessions")}
        results[label] = count(bench, server_cls, argv, port, chosen, label, "/api/v4/system/ping")
    for kind in ("generated", "bare"):
        port = free_port()
        argv = [bench.tool(f"ceiling-{kind}"), str(responses), f"127.0.0.1:{port}"]
        results[kind] = count(bench, server_cls, argv, port, calls, kind, None)
    return results


# #40's targets, as ratios to bare hyper: the server's per cached request, and the generated
# ceiling's for GET me.
SERVER_TARGETS = {"GetSessions": 3.5, "GetMe": 2.5, "AuthCheck": 2.0}
GENERATED_TARGETS = {"GetMe": 1.8}


def verdict(ratio, target):
    if target is None:
        return ""
    return f"≤ {target:.1f}× {'holds' if ratio <= target else 'MISSED'}"


def print_table(results):
    postgres = results.get("postgres")
    print("\ninstructions per request (callgrind, user space, all threads; one keep-alive connection, "
          f"{COUNTED:,} requests after {WARM_UP} of warm-up, "
          + ("the server on PostgreSQL: every request reads it, the server's targets not judged):" if postgres else "every answer cached):"))
    print(f"{'':32} {'server':>10} {'generated':>10} {'bare':>10} {'server/bare':>12} {'target':>15} "
          f"{'generated/bare':>15} {'target':>15}")
    for label, op in ROWS:
        s, g, b = (results[k][op] for k in ("server", "generated", "bare"))
        print(f"{label:32} {s:>10,.0f} {g:>10,.0f} {b:>10,.0f} {s / b:>11.1f}× "
              f"{verdict(s / b, None if postgres else SERVER_TARGETS.get(op)):>15} {g / b:>14.1f}× "
              f"{verdict(g / b, GENERATED_TARGETS.get(op)):>15}")
    for label, op in (("GET /users/me, cache off (a miss)", "GetMe"), ("GET sessions, cache off (a miss)", "GetSessions")):
        miss = results.get("server_miss", {}).get(op)
        if miss:
            b = results["bare"][op]
            print(f"{label:32} {miss:>10,.0f} {'':>10} {b:>10,.0f} {miss / b:>11.1f}×")
