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

callgrind also simulates one core's caches (`CACHE_SIM`) on the same runs, so a second table
prints the cache lines a request brings in: instruction lines missing from the L1i, data lines
missing from the L1d, and data lines from beyond the core's L2 (the last level simulated). L1i
figures repeat within about 1 %, the spread row's L2 within about 5 % (the other rows' L2, about
one line, within half a line), L1d ones within about 20 % (where a run's allocations land
decides which lines conflict). They price what the instruction count cannot: a request that touches
more code or colder data runs slower per instruction, in user space and (its lines evicting the
kernel's) in the system calls around it. The spread row does what a real load does and one
user's repeated request does not: each request for a session drawn at random from a
10,000-session store, every one of them cached and its answer kept.
"""

import http.client
import random
import re
import subprocess
import time
from pathlib import Path

WARM_UP = 300
COUNTED = 2000
# One core of a current x86 server: 32 KiB L1i, 48 KiB L1d, and its 1 MiB L2 as the last level
# (the L3 shared between cores is not simulated). Fixed, not read off the host: the same figures
# on every machine.
CACHE_SIM = ["--cache-sim=yes", "--I1=32768,8,64", "--D1=49152,12,64", "--LL=1048576,16,64"]
# The spread row's store, and how many times each of its sessions is asked for before counting:
# enough that every one is held with its answer kept (a session's first requests miss until the
# doorkeeper admits it; its first hit keeps the answer).
SPREAD_SESSIONS = 10_000
SPREAD_WARM_PASSES = 3
# callgrind's events with CACHE_SIM, in its order.
EVENTS = ("Ir", "Dr", "Dw", "I1mr", "D1mr", "D1mw", "ILmr", "DLmr", "DLmw")
# (row label, operation id in the captured responses, method, path template)
ROWS = [
    ("GET /users/{id}/sessions (10)", "GetSessions"),
    ("GET /users/me", "GetMe"),
    ("GET /auth/check", "AuthCheck"),
]


def no_randomisation():
    """`setarch -R` where it works (a container's seccomp profile may refuse the personality
    call): then the simulated caches see the same addresses every run."""
    try:
        return ["setarch", "-R"] if subprocess.run(["setarch", "-R", "true"], capture_output=True).returncode == 0 else []
    except FileNotFoundError:
        return []


def callgrind(argv, out_file):
    return no_randomisation() + ["valgrind", "--tool=callgrind", "--instr-atstart=no", f"--callgrind-out-file={out_file}",
            "--dump-instr=no", "--collect-jumps=no"] + CACHE_SIM + argv


def control(pid, *flags):
    subprocess.run(["callgrind_control", *flags, str(pid)], check=True, capture_output=True, text=True)


def totals(out_file):
    """The `totals:` of a callgrind dump, by event as its `events:` line names them (its
    `summary:` line is the run's, not the dump's); callgrind leaves trailing zeros out, so an
    event missing is 0."""
    events = EVENTS
    for line in Path(out_file).read_text().splitlines():
        if line.startswith("events:"):
            events = tuple(line.split()[1:])
        if line.startswith("totals:"):
            found = dict(zip(events, map(int, line.split()[1:])))
            return {event: found.get(event, 0) for event in EVENTS}
    raise SystemExit(f"no totals in {out_file}")


def session_misses(port):
    """The session cache's session-lookup misses so far (`/metrics`)."""
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
    conn.request("GET", "/metrics")
    text = conn.getresponse().read().decode()
    conn.close()
    prefix = 'mm_sessions_session_cache_lookups_total{lookup="session",result="miss"} '
    return next((float(l[len(prefix):]) for l in text.splitlines() if l.startswith(prefix)), 0.0)


def requests(port, path, tokens, n, start=0):
    """`n` GETs of `path` over one keep-alive connection, with `tokens` in turn from `start`
    (one token: a str); each must be a 200."""
    tokens = [tokens] if isinstance(tokens, str) else tokens
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
    for i in range(start, start + n):
        conn.request("GET", path, headers={"Authorization": f"Bearer {tokens[i % len(tokens)]}"})
        response = conn.getresponse()
        response.read()
        if response.status != 200:
            raise SystemExit(f"GET {path}: {response.status}")
    conn.close()


def count(bench, server_cls, argv, port, calls, label, ready_path, warm_up=WARM_UP, all_hits=False):
    """Each event per request ({op: {event: n}}) of each call in `calls` ({op: (path, token or
    tokens)}) on one target; with `all_hits`, the counted requests must all have hit the
    session cache."""
    per_request = {}
    work = bench.work / f"callgrind-{label}"
    work.mkdir(parents=True, exist_ok=True)
    out = work / "callgrind.out"
    server = server_cls(callgrind(argv, out), port, work / "target.log", ready_path=ready_path)
    try:
        pid = server.proc.pid
        for op, (path, token) in calls.items():
            requests(port, path, token, warm_up)
            # Zeroed, then counted: only the COUNTED requests (and whatever the target's other
            # threads do meanwhile) are in the dump.
            misses = session_misses(port) if all_hits else 0
            control(pid, "--zero")
            control(pid, "--instr=on")
            requests(port, path, token, COUNTED, start=warm_up)
            control(pid, "--instr=off")
            if all_hits and session_misses(port) != misses:
                raise SystemExit(f"{label}: {session_misses(port) - misses:.0f} counted requests missed the cache")
            control(pid, f"--dump={op}")
            dumps = sorted(work.glob("callgrind.out.*"), key=lambda p: p.stat().st_mtime)
            per_request[op] = {event: n / COUNTED for event, n in totals(dumps[-1]).items()}
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
    "generated": …, "bare": …, and on SQLite "server_miss": {"GetMe": n, "GetSessions": n}};
    under "events", each of those as {op: {event: n}}, and on SQLite the spread row's
    ("server_spread": {"GetMe": …})."""
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
    results = {"postgres": postgres, "events": {}}
    # On PostgreSQL every request reads already: no separate miss row.
    for label, cache in (("server", None),) if postgres else (("server", None), ("server_miss", "0")):
        port = free_port()
        argv = [bench.tool("mm-sessions"), "serve", "--database", database, "--listen", f"127.0.0.1:{port}"]
        if cache is not None:
            argv += ["--session-cache-size", cache]
        chosen = calls if cache is None else {op: calls[op] for op in ("GetMe", "GetSessions")}
        results["events"][label] = count(bench, server_cls, argv, port, chosen, label, "/api/v4/system/ping")
    if not postgres:
        results["events"]["server_spread"] = spread(bench, server_cls, free_port)
    for kind in ("generated", "bare"):
        port = free_port()
        argv = [bench.tool(f"ceiling-{kind}"), str(responses), f"127.0.0.1:{port}"]
        results["events"][kind] = count(bench, server_cls, argv, port, calls, kind, None)
    for label, ops in results["events"].items():
        if label != "server_spread":
            results[label] = {op: events["Ir"] for op, events in ops.items()}
    return results


def spread(bench, server_cls, free_port):
    """GET me over every session of a SQLite store of SPREAD_SESSIONS, each cached with its
    answer kept before counting: {"GetMe": {event: n}}."""
    server, data = bench.seeded_server(SPREAD_SESSIONS)
    server.stop()
    tokens = [t for line in (data / "tokens.tsv").read_text().splitlines() for t in line.split("\t")[1].split(",")]
    # Warmed in a fixed order, then counted on sessions drawn at random (seeded: the same draws
    # every run), so that a request rarely finds its user's entry warm from a neighbour's.
    draws = random.Random(7919).choices(tokens, k=COUNTED)
    tokens = tokens * SPREAD_WARM_PASSES + draws
    port = free_port()
    argv = [bench.tool("mm-sessions"), "serve", "--database", str(data / "store.db"), "--listen", f"127.0.0.1:{port}"]
    return count(bench, server_cls, argv, port, {"GetMe": ("/api/v4/users/me", tokens)}, "server_spread",
                 "/api/v4/system/ping", warm_up=len(tokens) - COUNTED, all_hits=True)


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
    print_cache_lines(results)


def print_cache_lines(results):
    """The second table: cache lines a request brings in, per target (see the module docs)."""
    events = results.get("events")
    if not events:
        return  # a report from before the cache simulation
    print("\ncache lines a request brings in (callgrind's simulation of one core: 32 KiB L1i, 48 KiB L1d, "
          "1 MiB L2 as the last level; the same runs):")
    kinds = (("L1i", ("I1mr",)), ("L1d", ("D1mr", "D1mw")), ("L2, data", ("DLmr", "DLmw")))
    print(f"{'':40}" + "".join(f"{name + ': server / generated / bare':>38}" for name, _ in kinds))
    rows = [(label, op, "server") for label, op in ROWS]
    rows += [("GET /users/me, cache off (a miss)", "GetMe", "server_miss"),
             (f"GET /users/me, spread ({SPREAD_SESSIONS:,} sessions)", "GetMe", "server_spread")]
    for label, op, target in rows:
        if op not in events.get(target, {}):
            continue
        cells = []
        for _, names in kinds:
            figures = [sum(events[t][op][n] for n in names) for t in (target, "generated", "bare")]
            cells.append(" / ".join(f"{f:,.1f}" for f in figures))
        print(f"{label:40}" + "".join(f"{c:>38}" for c in cells))
