"""Find a lever by measurement: one SPEC §7 scenario under wrk load, the service's workers sampled by py-spy.

    python -m bench.profile create            # SQLite; also add, read, healthz
    python -m bench.profile add --db postgres --seconds 20 --out /tmp/add.svg

Starts the same stack as `make bench` (fresh database, service and baseline with 2 workers each, the scenarios set
up through the API), runs the scenario against the service and the baseline once each (a quick ratio, not the
benchmark's figure), then again against the service while `py-spy record --subprocesses` samples every worker and
writes a flame graph (or `--format speedscope`). `--idle` samples nothing: the figures only. On PostgreSQL the
backends' wait events are sampled from `pg_stat_activity` during the service's run (what the workers wait for).
"""

from __future__ import annotations

import argparse
import collections
import contextlib
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from sqlalchemy import text

from bench import wrk
from bench.run import CLIENTS, _unreachable, fresh_database, http_loads, stack
from bench.server import ROOT

PY_SPY = str(Path(sys.executable).with_name("py-spy"))


def _waits(url: str, seconds: float, into: collections.Counter[str]) -> None:
    """Sample the wait events of the service's database backends, every 50 ms."""
    from api.db import make_engine

    engine = make_engine(url)
    deadline = time.monotonic() + seconds
    query = text(
        "SELECT coalesce(wait_event_type || ':' || wait_event, state) FROM pg_stat_activity "
        "WHERE datname = current_database() AND pid <> pg_backend_pid() AND state <> 'idle'"
    )
    try:
        with engine.connect() as conn:
            while time.monotonic() < deadline:
                into.update(str(w) for (w,) in conn.execute(query))
                into["(samples)"] += 1
                conn.rollback()
                time.sleep(0.05)
    finally:
        engine.dispose()


def _cpu_seconds(root: int) -> float:
    """User + system CPU seconds of a process and its children (the workers), from /proc."""
    ticks = os.sysconf("SC_CLK_TCK")
    total = 0.0
    pids = [root]
    with contextlib.suppress(OSError):
        pids += [int(c) for c in Path(f"/proc/{root}/task/{root}/children").read_text().split()]
    for pid in pids:
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        total += (int(fields[11]) + int(fields[12])) / ticks  # utime, stime
    return total


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("scenario", choices=["healthz", "create", "add", "read"])
    parser.add_argument("--db", choices=["sqlite", "postgres"], default="sqlite")
    parser.add_argument("--seconds", type=float, default=15.0)
    parser.add_argument("--connections", type=int, default=CLIENTS)
    parser.add_argument("--rounds", type=int, default=1, help="service and baseline in turns, the best of each")
    parser.add_argument("--out", type=Path, default=None, help="default: var/profiles/<scenario>-<db>.svg")
    parser.add_argument("--format", choices=["flamegraph", "speedscope", "raw"], default="flamegraph")
    parser.add_argument("--idle", action="store_true", help="no sampling: the two figures only")
    parser.add_argument("--gil", action="store_true", help="sample only the thread holding the GIL: CPU, not waits")
    parser.add_argument("--rate", type=int, default=100, help="samples per second")
    args = parser.parse_args()
    reason = _unreachable(args.db)
    if reason:
        raise SystemExit(reason)
    workdir = Path(tempfile.mkdtemp(prefix=f"bench-profile-{args.db}-"))
    try:
        with fresh_database(args.db, workdir) as url, stack(args.db, url, workdir) as st:
            svc, base = http_loads(st)[args.scenario]
            best: dict[str, float] = {}
            for i in range(args.rounds):
                for name, server, load in (("service", st.service, svc), ("baseline", st.baseline, base)):
                    if i == 0:
                        wrk.run(server.url, load, connections=args.connections, seconds=3)
                    cpu = _cpu_seconds(server.process.pid)
                    r = wrk.run(server.url, load, connections=args.connections, seconds=args.seconds)
                    per_request = (_cpu_seconds(server.process.pid) - cpu) / r.requests * 1e6 if r.requests else 0.0
                    best[name] = max(best.get(name, 0.0), r.throughput)
                    print(
                        f"{name:9} {r.throughput:8.1f} req/s  p50 {r.p50_ms:6.1f} ms  p99 {r.p99_ms:6.1f} ms  "
                        f"errors {r.errors} {r.socket_errors or ''}  wrk cpu {r.generator_cpu:.0%}  "
                        f"server cpu {per_request:5.0f} µs/request",
                        flush=True,
                    )
            print(f"best of {args.rounds}: ratio {best['service'] / best['baseline']:.2f}", flush=True)
            if args.idle:
                return 0
            suffix = "svg" if args.format == "flamegraph" else "json"
            out = args.out or ROOT / "var" / "profiles" / f"{args.scenario}-{args.db}.{suffix}"
            out.parent.mkdir(parents=True, exist_ok=True)
            if not Path(PY_SPY).exists() and not shutil.which("py-spy"):
                raise SystemExit("py-spy is not installed: `.venv/bin/pip install py-spy`")
            spy = subprocess.Popen(  # noqa: S603 - our own py-spy, fixed arguments
                [
                    PY_SPY if Path(PY_SPY).exists() else "py-spy",
                    "record",
                    "--subprocesses",
                    "--pid",
                    str(st.service.process.pid),
                    "--duration",
                    str(round(args.seconds)),
                    "--rate",
                    str(args.rate),
                    *(["--gil"] if args.gil else []),
                    "--format",
                    args.format,
                    "--output",
                    str(out),
                    "--nonblocking",
                ],
            )
            waits: collections.Counter[str] = collections.Counter()
            sampler = None
            if args.db == "postgres":
                sampler = threading.Thread(target=_waits, args=(url, args.seconds, waits))
                sampler.start()
            r = wrk.run(st.service.url, svc, connections=args.connections, seconds=args.seconds)
            spy.wait()
            if sampler is not None:
                sampler.join()
                samples = waits.pop("(samples)", 1)
                print("backends per sample, by wait event:")
                for event, n in waits.most_common(12):
                    print(f"  {n / samples:5.2f}  {event}")
            print(f"sampled  {r.throughput:8.1f} req/s  p99 {r.p99_ms:6.1f} ms  → {out}")
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
