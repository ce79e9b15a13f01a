"""`make bench`: the SPEC §7 benchmark, on SQLite and on PostgreSQL.

For each database: a fresh database built by the migrations; the service (`uvicorn --factory api.main:create_app`,
2 workers) and the bare baseline (`bench/baseline_app.py`, 2 workers) on it; the same HTTP load for both, driven by
**wrk** (one C process, 32 keep-alive connections; `bench/wrk.py`) — a warm-up, then measuring windows taken in turns
with the baseline's, the best window of each kept — for `/healthz` (a request that needs nothing), creating a
concertation (its compliance report is evaluated and audited on create), adding a minutes entry (encrypt + audit)
and reading 50 entries (decrypt + audit). wrk's own CPU share is reported beside each figure. Then, still with wrk,
list/read latency once the database is seeded (100 000 concertations, 1 000 000 entries; `bench/seed.py`) against
the same before seeding (4 connections: latency, not queueing). Two scenarios need logic wrk cannot express and keep
the async httpx driver (`bench/load.py`), as the results say: twice the load adding entries, with clients that wait
the `Retry-After` they are given (shedding and recovery), and a read loop running while `concertation keys rotate`
rewraps 10 000 concertations. In process: JWT verification through the app's `TokenVerifier` and the verification
rate of the whole audit chain. A table is printed and written as JSON to `bench/results/`.

`BENCH_QUICK=1` shortens every window and seeds 20 000 concertations / 200 000 entries: a few minutes in all.
`BENCH_DATABASES=sqlite` (or `postgres`) runs one database only; `BENCH_STRICT=1` exits 1 when a target is missed;
`BENCH_PARTS=http,overload,jwt,kek,scale,chain` picks parts. The machine is shared: absolute figures are noisy,
which is why every HTTP figure stands next to the baseline's, measured the same way in the same minute.
"""

from __future__ import annotations

import asyncio
import json
import os
import random
import shutil
import statistics
import sys
import tempfile
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import httpx
from alembic import command
from alembic.config import Config
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url
from sqlalchemy.pool import NullPool

from api import audit
from api.cli import dev_token
from api.db import make_engine
from api.main import build_verifier
from api.security.crypto import KeyRing
from api.security.keys import ensure_dev_signing_key
from api.security.kms import from_settings as kms_from_settings
from api.settings import Settings
from bench import seed as seeding
from bench import wrk
from bench.baseline_app import create_table, make_baseline_engine
from bench.load import KEEPALIVE, LoadResult, drive_until, overload, percentile
from bench.server import ROOT, Server
from tests.api import payloads

QUICK = os.environ.get("BENCH_QUICK", "") not in ("", "0")
PG_URL = os.environ.get(
    "BENCH_POSTGRES_URL",
    os.environ.get("CONCERTATION_TEST_POSTGRES_URL", "postgresql://postgres@127.0.0.1:5432/postgres"),
)
CLIENTS = int(os.environ.get("BENCH_CLIENTS", "32"))
WARMUP = float(os.environ.get("BENCH_WARMUP", 2.0 if QUICK else 5.0))
DURATION = float(os.environ.get("BENCH_DURATION", 8.0 if QUICK else 20.0))
#: Which parts to run (all by default): http (create, add, read 50), overload, jwt, kek, scale, chain.
PARTS = set(os.environ.get("BENCH_PARTS", "http,overload,jwt,kek,scale,chain").split(","))
OVERLOAD_SECONDS = 5.0 if QUICK else 10.0
#: Latency, not throughput, is compared at scale: few clients, so that queueing does not swamp it.
SCALE_CLIENTS = 4
ROUNDS = int(os.environ.get("BENCH_ROUNDS", 2 if QUICK else 4))
KEK_CONCERTATIONS = int(os.environ.get("BENCH_KEK_CONCERTATIONS", 10_000))
SCALE_CONCERTATIONS = max(
    KEK_CONCERTATIONS, int(os.environ.get("BENCH_SCALE_CONCERTATIONS", 20_000 if QUICK else 100_000))
)
ENTRIES_PER_CONCERTATION = 10
TOKEN_REPEATS = 200_000
RESULTS = ROOT / "bench" / "results"
CONCERTATION_BIN = str(Path(sys.executable).with_name("concertation"))


@dataclass
class Row:
    scenario: str
    db: str
    target: str
    met: bool
    service: dict[str, Any] = field(default_factory=dict)
    baseline: dict[str, Any] = field(default_factory=dict)
    ratio: float | None = None
    value: str = ""  # the figure of an in-process scenario
    notes: str = ""
    #: What measured it: wrk (HTTP load), httpx (a scenario wrk cannot express) or in-process.
    driver: str = "wrk"
    #: Every measuring window of an HTTP comparison, service and baseline, not only the best one.
    windows: dict[str, list[dict[str, Any]]] = field(default_factory=dict)


# ------------------------------------------------------------------------------------------------ databases


def _psycopg(url: str) -> str:
    u = make_url(url)
    return str(u.set(drivername="postgresql+psycopg")) if u.drivername in ("postgresql", "postgres") else url


def migrate(url: str) -> None:
    cfg = Config(str(ROOT / "alembic.ini"))
    cfg.set_main_option("script_location", str(ROOT / "migrations"))
    cfg.set_main_option("sqlalchemy.url", url)
    command.upgrade(cfg, "head")


@contextmanager
def fresh_database(kind: str, workdir: Path) -> Iterator[str]:
    """A new, empty database: a file under `workdir`, or a database on the PostgreSQL server dropped at the end."""
    if kind == "sqlite":
        yield f"sqlite:///{workdir / 'bench.db'}"
        return
    admin = create_engine(_psycopg(PG_URL), isolation_level="AUTOCOMMIT", poolclass=NullPool)
    name = f"concertation_bench_{uuid.uuid4().hex[:10]}"
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield str(make_url(_psycopg(PG_URL)).set(database=name).render_as_string(hide_password=False))
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


# ------------------------------------------------------------------------------------------------ helpers


def _ms(result: LoadResult | wrk.WrkResult) -> dict[str, Any]:
    return result.as_dict()


def _check(r: httpx.Response, status: int) -> dict[str, Any]:
    if r.status_code != status:
        raise RuntimeError(f"{r.request.method} {r.request.url}: {r.status_code} {r.text[:500]}")
    body: dict[str, Any] = r.json()
    return body


class Setup:
    """What the scenarios need, made through the API as a user would."""

    def __init__(self, client: httpx.Client, settings: Settings) -> None:
        self.client = client
        self.settings = settings
        self.coordinator = {
            "Authorization": f"Bearer {dev_token(settings, 'bench-coord', ['coordinator'], 'cpas-bench', 8 * 3600)}"
        }
        self.taker = {"Authorization": f"Bearer {dev_token(settings, 'bench-mt', ['participant'], 'other', 8 * 3600)}"}
        self.basis = str(
            _check(self.client.post("/v1/legal-bases", json=payloads.decree(), headers=self.coordinator), 201)["id"]
        )

    def meeting(self) -> str:
        """A concertation in session whose minute-taker (`bench-mt`) accepted and acknowledged secrecy."""
        c = self.client
        cid = str(
            _check(c.post("/v1/concertations", json=payloads.concertation(self.basis), headers=self.coordinator), 201)[
                "id"
            ]
        )
        url = f"/v1/concertations/{cid}"
        body = payloads.participant(
            issuer=self.settings.dev_issuer, subject="bench-mt", display_name="Bench Minute-Taker", role="minute_taker"
        )
        pid = _check(c.post(f"{url}/participants", json=body, headers=self.coordinator), 201)["id"]
        _check(c.post(f"{url}/participants/{pid}/response", json={"answer": "accept"}, headers=self.taker), 200)
        notice = _check(c.get(f"{url}/participants/{pid}/secrecy-notice", headers=self.taker), 200)
        ack = {"notice_version": notice["version"]}
        _check(c.post(f"{url}/participants/{pid}/secrecy-acknowledgement", json=ack, headers=self.taker), 201)
        for step in ("schedule", "start"):
            _check(c.post(f"{url}/{step}", headers=self.coordinator), 200)
        return cid

    def write(self, cid: str, n: int) -> None:
        for _ in range(n):
            _check(
                self.client.post(f"/v1/concertations/{cid}/minutes", json=payloads.minutes_entry(), headers=self.taker),
                201,
            )


def baseline_row(i: int, group: str = "load") -> dict[str, Any]:
    """A row as wide as a concertation's scalar part, with a JSON list, a JSON object and a text body."""
    return {
        "org": "cpas-bench",
        "group_key": group,
        "kind": "child_abuse_protocol",
        "category": "protect_integrity",
        "title": f"Concertation {i}",
        "statement": "Mettre fin aux violences répétées subies par l'enfant au domicile.",
        "chair_name": "A. Lambert",
        "chair_organisation": "SAJ Bruxelles",
        "requester_name": "B. Peeters",
        "scheduled_start": "2026-12-01T09:00:00+01:00",
        "scheduled_end": "2026-12-01T10:00:00+01:00",
        "tags": ["cp_398"],
        "details": {"subsidiarity": {"why": "La famille a rompu l'accompagnement."}, "persons": ["P-001"]},
        "content": "La famille a repris contact avec le service.",
    }


#: SPEC §7's HTTP targets: the least ratio of throughputs, and (writes) the most ratio of p99 latencies.
WRITE_RATIO, WRITE_P99, READ_RATIO, IDLE_RATIO = 0.7, 1.5, 0.9, 0.95
WRITE_TARGET = f"≥ {WRITE_RATIO}× baseline insert, p99 ≤ {WRITE_P99}× baseline p99"


def compare(
    scenario: str,
    db: str,
    service: wrk.WrkResult,
    baseline: wrk.WrkResult,
    *,
    ratio_bound: float,
    p99_bound: float | None,
    target: str,
    windows: dict[str, list[dict[str, Any]]],
) -> Row:
    ratio = service.throughput / baseline.throughput if baseline.throughput else 0.0
    met = ratio >= ratio_bound and service.errors == 0 and baseline.errors == 0
    p99 = service.p99_ms / baseline.p99_ms if baseline.p99_ms else 0.0
    if p99_bound is not None:
        met = met and p99 <= p99_bound
    notes = (
        f"wrk, {CLIENTS} connections, best of {ROUNDS} windows of {DURATION / ROUNDS:.0f} s each, alternating; "
        f"p99 ratio {p99:.2f}; wrk's CPU {service.generator_cpu:.0%} / {baseline.generator_cpu:.0%} of a core "
        f"(service / baseline run)"
    )
    return Row(scenario, db, target, met, _ms(service), _ms(baseline), round(ratio, 2), notes=notes, windows=windows)


# ------------------------------------------------------------------------------------------------ scenarios


def token_rows(settings: Settings, db: str) -> list[Row]:
    """In process, through the app's own TokenVerifier: a repeated token (cache hit) and first verifications."""
    verifier = build_verifier(settings)
    tokens = [dev_token(settings, f"bench-{i}", ["coordinator"], "cpas-bench", 3600) for i in range(300)]
    firsts = []
    for token in tokens:
        t0 = time.perf_counter()
        verifier.verify(token)
        firsts.append(time.perf_counter() - t0)
    token = tokens[0]
    t0 = time.perf_counter()
    for _ in range(TOKEN_REPEATS):
        verifier.verify(token)
    repeated = (time.perf_counter() - t0) / TOKEN_REPEATS * 1e6
    first_us = statistics.median(firsts) * 1e6
    return [
        Row(
            "jwt: repeated token",
            db,
            "≤ 10 µs",
            repeated <= 10,
            value=f"{repeated:.2f} µs",
            notes=f"{TOKEN_REPEATS} verifications of one ES256 token",
            driver="in-process",
        ),
        Row(
            "jwt: first verification",
            db,
            "as python-jose allows",
            True,
            value=f"{first_us:.0f} µs",
            notes=f"median of 300 distinct ES256 tokens; p99 {percentile(firsts, 99) * 1e6:.0f} µs",
            driver="in-process",
        ),
    ]


def chain_row(url: str, db: str) -> Row:
    engine = make_engine(url)
    try:
        with engine.connect() as conn:
            cpu = time.process_time()
            report = audit.verify_chain(conn)
            cpu = time.process_time() - cpu
            conn.rollback()
    finally:
        engine.dispose()
    rate = report.events_checked / report.elapsed_seconds if report.elapsed_seconds else 0.0
    # On a shared machine the wall clock also counts the time other processes held the CPU: say how much.
    cpu_rate = report.events_checked / cpu if cpu else 0.0
    return Row(
        "audit chain verification",
        db,
        "≥ 100 000 events/s",
        report.ok and rate >= 100_000,
        value=f"{rate:,.0f} events/s",
        notes=f"{report.events_checked:,} events in {report.elapsed_seconds:.2f} s; ok={report.ok}; "
        f"{cpu_rate:,.0f} events per second of this process's CPU time",
        driver="in-process",
    )


def kek_rotation_row(service: Server, env: dict[str, str], setup: Setup, ids: list[uuid.UUID], db: str) -> Row:
    """`concertation keys rotate` as an operator runs it, while 4 clients keep reading concertations."""
    sample = [str(i) for i in random.sample(ids, min(500, len(ids)))]

    def read(i: int) -> tuple[str, str, Any, dict[str, str]]:
        return "GET", f"/v1/concertations/{sample[i % len(sample)]}", None, setup.coordinator

    async def run() -> tuple[float, datetime, int, str, LoadResult]:
        stop = asyncio.Event()
        loop = asyncio.create_task(drive_until(service.url, read, stop, clients=4))
        await asyncio.sleep(1.0)
        t0 = time.perf_counter()
        proc = await asyncio.create_subprocess_exec(
            CONCERTATION_BIN,
            "keys",
            "rotate",
            cwd=ROOT,
            env={**os.environ, **env},
            stdout=asyncio.subprocess.PIPE,
            stderr=asyncio.subprocess.STDOUT,
        )
        out, _ = await proc.communicate()
        seconds = time.perf_counter() - t0
        ended = datetime.now(UTC)
        await asyncio.sleep(0.5)
        stop.set()
        return seconds, ended, proc.returncode or 0, out.decode(), await loop

    seconds, ended, code, output, reads = asyncio.run(run())
    # The command's own clock: its audit event is stamped when the rotation begins, after the interpreter has
    # started and imported the application (seconds of the total on a loaded machine, and no part of the rewrap).
    engine = make_engine(env["CONCERTATION_DATABASE_URL"])
    try:
        with engine.connect() as conn:
            began = conn.execute(
                text("SELECT occurred_at FROM audit_event WHERE action = 'keys.rotate' ORDER BY seq DESC LIMIT 1")
            ).scalar()
    finally:
        engine.dispose()
    if isinstance(began, str):
        began = datetime.fromisoformat(began)
    if began is not None and began.tzinfo is None:
        began = began.replace(tzinfo=UTC)
    rotation = (ended - began).total_seconds() if began is not None else seconds
    summary = [line for line in output.splitlines() if "rewrapped under" in line]
    met = code == 0 and rotation <= 10 and reads.errors == 0 and reads.requests > 0
    return Row(
        f"KEK rotation ({len(ids):,} concertations)",
        db,
        "≤ 10 s, service answering",
        met,
        service=_ms(reads),
        value=f"{rotation:.2f} s",
        notes=(summary[0] if summary else output[-300:])
        + f"; exit {code}; the command took {seconds:.2f} s in all, interpreter start-up included; reads meanwhile: "
        f"{reads.requests} requests, {reads.errors} errors, p99 {reads.p99_ms} ms",
        # A read loop that runs exactly as long as a subprocess does: wrk has no way to be told when to stop.
        driver="httpx",
    )


def overload_row(service: Server, add: Any, capacity: wrk.WrkResult | LoadResult, db: str) -> Row:
    """SPEC §7: at twice the load the service sheds with 429/503 and recovers within 10 s. Twice the clients of the
    write measurement (each waits the Retry-After it is given, as partner systems are asked to); then one client
    until five answers in a row come back within the p99 of that measurement. Each worker sheds what it holds beyond
    its limit (32): 64 clients that happen to split evenly over the two workers are held, not shed."""
    clients = 2 * CLIENTS
    _say(f"{db}: overload, {clients} clients adding minutes entries for {OVERLOAD_SECONDS:.0f} s")
    result = overload(service.url, add, clients=clients, duration=OVERLOAD_SECONDS, good_latency=capacity.p99_ms / 1000)
    recovered = result.recovered_seconds
    met = result.admitted.refused > 0 and not result.failed and recovered is not None and recovered <= 10
    admitted = result.admitted
    return Row(
        "overload: 2× write load",
        db,
        "sheds with 429/503, recovers ≤ 10 s",
        met,
        service=_ms(admitted),
        value="never" if recovered is None else f"{recovered:.1f} s",
        notes=f"{clients} clients: {admitted.requests} writes admitted ({admitted.throughput:.0f}/s, p99 "
        f"{admitted.p99_ms:.0f} ms; at {CLIENTS} clients {capacity.throughput:.0f}/s, p99 {capacity.p99_ms:.0f} ms), "
        f"{admitted.refused} shed with Retry-After, failed {result.failed or 'none'}; recovered = five writes in a row "
        f"within the {CLIENTS}-client p99",
        # Clients that wait the Retry-After they are given, then a recovery streak: logic wrk cannot express.
        driver="httpx",
    )


def run_database(kind: str) -> list[Row]:
    rows: list[Row] = []
    workdir = Path(tempfile.mkdtemp(prefix=f"bench-{kind}-"))
    try:
        with fresh_database(kind, workdir) as url:
            rows = _run_on(kind, url, workdir)
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
    return rows


def _say(message: str) -> None:
    print(f"[{datetime.now(UTC):%H:%M:%S}] {message}", flush=True)


@dataclass
class Stack:
    """The two servers on one fresh database, and what the scenarios need, made through the API."""

    db: str
    url: str
    settings: Settings
    env: dict[str, str]
    service: Server
    baseline: Server
    engine: Any
    kms: Any
    setup: Setup
    writers: list[str]  # concertations in session that minutes entries are added to
    reading: str  # a concertation in session with 50 entries
    template: str  # the concertation the seeder clones


@contextmanager
def stack(db: str, url: str, workdir: Path) -> Iterator[Stack]:
    """Migrate `url`, start the service and the baseline on it (2 workers each), set the scenarios up; stop both."""
    _say(f"{db}: migrating a fresh database")
    migrate(url)
    settings = Settings(var_dir=workdir / "var", database_url=url)
    KeyRing.ensure(settings.keyring_file)  # made once, before two workers race to make it
    ensure_dev_signing_key(settings.dev_key_dir)
    baseline_engine = make_baseline_engine(url)
    create_table(baseline_engine)
    baseline_engine.dispose()
    env = {
        "CONCERTATION_DATABASE_URL": url,
        "CONCERTATION_VAR_DIR": str(settings.var_dir),
        "BENCH_BASELINE_DATABASE_URL": url,
        # The per-client write limit (600/minute by default) would measure the limiter, not the service: the
        # middleware still runs on every request, with a limit no load here reaches.
        "CONCERTATION_RATE_LIMIT_WRITE": "1000000/second",
        **{k: v for k, v in os.environ.items() if k.startswith("BENCH_SERVICE_")},
    }
    for name, value in list(env.items()):
        if name.startswith("BENCH_SERVICE_"):  # BENCH_SERVICE_X=… passes CONCERTATION_X=… to the service
            env["CONCERTATION_" + name.removeprefix("BENCH_SERVICE_")] = value
    service = Server("api.main:create_app", env, factory=True)
    baseline = Server("bench.baseline_app:app", env)
    engine = make_engine(url)
    try:
        service.wait_ready()
        baseline.wait_ready()
        _say(f"{db}: setting up through the API")
        setup = Setup(
            httpx.Client(base_url=service.url, timeout=60, limits=httpx.Limits(keepalive_expiry=KEEPALIVE)), settings
        )
        writers = [setup.meeting() for _ in range(4)]
        reading = setup.meeting()
        setup.write(reading, 50)
        template = setup.meeting()
        with httpx.Client(base_url=baseline.url) as bare:
            for i in range(50):
                _check(bare.post("/rows", json=baseline_row(i, "read50")), 201)
        yield Stack(
            db,
            url,
            settings,
            env,
            service,
            baseline,
            engine,
            kms_from_settings(settings),
            setup,
            writers,
            reading,
            template,
        )
    finally:
        service.stop()
        baseline.stop()
        engine.dispose()


def http_loads(st: Stack) -> dict[str, tuple[wrk.Load, wrk.Load]]:
    """The SPEC §7 HTTP scenarios: the service's request and the baseline's that it is compared with."""
    insert = wrk.Load("POST", ["/rows"], baseline_row(0))
    minutes = [f"/v1/concertations/{c}/minutes" for c in st.writers]
    return {
        "healthz": (wrk.Load("GET", ["/healthz"]), wrk.Load("GET", ["/healthz"])),
        "create": (
            wrk.Load("POST", ["/v1/concertations"], payloads.concertation(st.setup.basis), st.setup.coordinator),
            insert,
        ),
        "add": (wrk.Load("POST", minutes, payloads.minutes_entry(), st.setup.taker), insert),
        "read": (
            wrk.Load("GET", [f"/v1/concertations/{st.reading}/minutes"], None, st.setup.taker),
            wrk.Load("GET", ["/rows?group=read50&limit=50"]),
        ),
    }


#: (load, row's name, least throughput ratio, most p99 ratio or None, target as written)
HTTP_SCENARIOS = (
    ("healthz", "/healthz (idle)", IDLE_RATIO, None, f"≥ {IDLE_RATIO}× the bare app's"),
    ("create", "create concertation + compliance", WRITE_RATIO, WRITE_P99, WRITE_TARGET),
    ("add", "add minutes entry (encrypt+audit)", WRITE_RATIO, WRITE_P99, WRITE_TARGET),
    ("read", "read 50 entries (decrypt+audit)", READ_RATIO, None, f"≥ {READ_RATIO}× baseline read"),
)


def _run_on(db: str, url: str, workdir: Path) -> list[Row]:
    rows: list[Row] = []
    with stack(db, url, workdir) as st:
        rows = _scenarios(st)
    if "chain" in PARTS:
        _say(f"{db}: verifying the whole audit chain")
        rows.append(chain_row(url, db))
    return rows


def _scenarios(st: Stack) -> list[Row]:
    db, service, baseline, setup, settings = st.db, st.service, st.baseline, st.setup, st.settings
    engine, kms, writers, template, env = st.engine, st.kms, st.writers, st.template, st.env
    rows: list[Row] = []
    small = seeding.seed(engine, kms, uuid.UUID(template), 200, ENTRIES_PER_CONCERTATION).ids

    def run_pair(name: str, svc: wrk.Load, base: wrk.Load) -> tuple[wrk.WrkResult, wrk.WrkResult, Any]:
        """Service and baseline in alternating windows, so that both see the same background load; the best
        window of each (the machine is shared: a slow window is another process's, not the code's)."""
        _say(f"{db}: {name}")
        s: list[wrk.WrkResult] = []
        b: list[wrk.WrkResult] = []
        for i in range(ROUNDS):
            warm = WARMUP if i == 0 else 1.0
            for server, load, into in ((service, svc, s), (baseline, base, b)):
                wrk.run(server.url, load, connections=CLIENTS, seconds=warm)
                into.append(wrk.run(server.url, load, connections=CLIENTS, seconds=DURATION / ROUNDS))
        best_s = max(s, key=lambda r: r.throughput)
        best_b = max(b, key=lambda r: r.throughput)
        return best_s, best_b, {"service": [r.as_dict() for r in s], "baseline": [r.as_dict() for r in b]}

    capacity: wrk.WrkResult | LoadResult | None = None
    if "http" in PARTS:
        loads = http_loads(st)
        for key, name, ratio_bound, p99_bound, target in HTTP_SCENARIOS:
            s, b, w = run_pair(name, *loads[key])
            rows.append(compare(name, db, s, b, ratio_bound=ratio_bound, p99_bound=p99_bound, target=target, windows=w))
            if key == "add":
                capacity = s

    if "overload" in PARTS:
        entry = payloads.minutes_entry()

        def add(i: int) -> tuple[str, str, Any, dict[str, str]]:
            return "POST", f"/v1/concertations/{writers[i % len(writers)]}/minutes", entry, setup.taker

        if capacity is None:
            _say(f"{db}: add minutes entry, for the capacity the overload doubles")
            add_load = wrk.Load("POST", [f"/v1/concertations/{c}/minutes" for c in writers], entry, setup.taker)
            wrk.run(service.url, add_load, connections=CLIENTS, seconds=WARMUP)
            capacity = wrk.run(service.url, add_load, connections=CLIENTS, seconds=DURATION / ROUNDS)
        rows.append(overload_row(service, add, capacity, db))

    def list_and_read(pool: list[uuid.UUID]) -> tuple[wrk.WrkResult, wrk.WrkResult]:
        listing = wrk.Load("GET", ["/v1/concertations?limit=50"], None, setup.coordinator)
        reads = wrk.Load("GET", [f"/v1/concertations/{i}/minutes" for i in pool], None, setup.coordinator)
        results = []
        for load in (listing, reads):
            wrk.run(service.url, load, connections=SCALE_CLIENTS, seconds=WARMUP)
            results.append(wrk.run(service.url, load, connections=SCALE_CLIENTS, seconds=DURATION))
        return results[0], results[1]

    if "scale" in PARTS:
        _say(f"{db}: list and read, small database")
        small_list, small_read = list_and_read(small)
    if "jwt" in PARTS:
        rows += token_rows(settings, db)
    if not PARTS & {"kek", "scale", "chain"}:
        return rows
    _say(f"{db}: seeding {KEK_CONCERTATIONS} concertations for the KEK rotation")
    first = seeding.seed(engine, kms, uuid.UUID(template), KEK_CONCERTATIONS, ENTRIES_PER_CONCERTATION)
    if "kek" in PARTS:
        _say(f"{db}: seeded {first.summary()}; rotating the KEK under a read loop")
        rows.append(kek_rotation_row(service, env, setup, first.ids, db))

    rest = SCALE_CONCERTATIONS - KEK_CONCERTATIONS
    _say(f"{db}: seeding {rest} more concertations")
    more = seeding.seed(engine, kms, uuid.UUID(template), rest, ENTRIES_PER_CONCERTATION)
    seed_seconds = first.seconds + more.seconds
    seeded = first.concertations + more.concertations
    seed_note = (
        f"seeded {seeded:,} concertations, {first.entries + more.entries:,} entries, "
        f"{first.audit_events + more.audit_events:,} audit events in {seed_seconds:.0f} s"
    )
    if "scale" in PARTS:
        _say(f"{db}: {seed_note}; list and read, large database")
        big_list, big_read = list_and_read(random.sample(first.ids + more.ids, 1000))
        for name, big, little in (
            ("list 50 concertations", big_list, small_list),
            ("read 10 entries", big_read, small_read),
        ):
            ratio = big.p50_ms / little.p50_ms if little.p50_ms else 0.0
            rows.append(
                Row(
                    f"scale: {name}",
                    db,
                    "p50 ≤ 2× small-db p50",
                    ratio <= 2 and big.errors == 0 and little.errors == 0,
                    service=_ms(big),
                    baseline=_ms(little),
                    ratio=round(ratio, 2),
                    notes=f"baseline columns = the same endpoint on the small database; {seed_note}",
                )
            )
    return rows


# ------------------------------------------------------------------------------------------------ output


def _fmt(d: dict[str, Any]) -> tuple[str, str, str]:
    if not d:
        return "", "", ""
    return f"{d['throughput']:.0f}/s", f"{d['p50_ms']:.1f}", f"{d['p99_ms']:.1f}"


def table(rows: list[Row]) -> str:
    head = (
        "scenario",
        "db",
        "svc rps",
        "p50 ms",
        "p99 ms",
        "err",
        "base rps",
        "p50 ms",
        "p99 ms",
        "ratio",
        "wrk cpu",
        "value",
        "target",
        "met",
    )
    lines = [head]
    for r in rows:
        s, b = _fmt(r.service), _fmt(r.baseline)
        err = str(r.service.get("errors", "")) if r.service else ""
        lines.append(
            (
                r.scenario,
                r.db,
                *s,
                err,
                *b,
                "" if r.ratio is None else f"{r.ratio:.2f}",
                f"{r.service['generator_cpu']:.0%}" if "generator_cpu" in r.service else "",
                r.value,
                r.target,
                "yes" if r.met else "NO",
            )
        )
    widths = [max(len(line[i]) for line in lines) for i in range(len(head))]
    out = ["  ".join(cell.ljust(w) for cell, w in zip(line, widths, strict=True)) for line in lines]
    out.insert(1, "  ".join("-" * w for w in widths))
    return "\n".join(out)


def _unreachable(kind: str) -> str | None:
    if kind != "postgres":
        return None
    try:
        admin = create_engine(_psycopg(PG_URL), poolclass=NullPool)
        with admin.connect() as conn:
            conn.execute(text("SELECT 1"))
        admin.dispose()
    except Exception as exc:  # noqa: BLE001 - any failure to reach the server counts
        return f"PostgreSQL unreachable at {PG_URL}: {type(exc).__name__}"
    return None


def main() -> int:
    kinds = [k.strip() for k in os.environ.get("BENCH_DATABASES", "sqlite,postgres").split(",") if k.strip()]
    started = datetime.now(UTC)
    mode = "quick" if QUICK else "full"
    generator = wrk.version(wrk.find())  # installed from Debian packages when missing, or a clear message
    _say(
        f"benchmark ({mode}) on {', '.join(kinds)} with {generator}: {CLIENTS} connections, {WARMUP:.0f} s warm-up, "
        f"{DURATION:.0f} s of windows"
    )
    rows: list[Row] = []
    skipped: list[str] = []
    for kind in kinds:
        reason = _unreachable(kind)
        if reason:
            print(f"\n*** SKIPPING {kind.upper()}: {reason} ***\n", flush=True)
            skipped.append(f"{kind}: {reason}")
            continue
        rows += run_database(kind)
    text_table = table(rows)
    print()
    print(text_table)
    RESULTS.mkdir(parents=True, exist_ok=True)
    path = RESULTS / f"{started:%Y%m%dT%H%M%SZ}.json"
    document = {
        "started_at": started.isoformat(),
        "finished_at": datetime.now(UTC).isoformat(),
        "mode": mode,
        "clients": CLIENTS,
        "warmup_seconds": WARMUP,
        "window_seconds": DURATION,
        "workers": 2,
        "cpus": os.cpu_count(),
        "python": sys.version.split()[0],
        "load_generator": {
            "http": f"{generator} (one process, 1 thread, {CLIENTS} keep-alive connections)",
            "httpx": f"httpx {httpx.__version__}: only the overload (Retry-After) and KEK-rotation read loops",
        },
        "skipped": skipped,
        "rows": [r.__dict__ for r in rows],
        "table": text_table,
    }
    path.write_text(json.dumps(document, indent=2, ensure_ascii=False) + "\n")
    print(f"\nwritten to {path.relative_to(ROOT)}")
    for reason in skipped:
        print(f"SKIPPED {reason}")
    missed = [r for r in rows if not r.met]
    if missed:
        print(f"{len(missed)} target(s) missed: " + "; ".join(f"{r.scenario} ({r.db})" for r in missed))
    # A shared machine makes single misses noise as often as not: failing the run is asked for (BENCH_STRICT=1).
    return 1 if missed and os.environ.get("BENCH_STRICT", "") not in ("", "0") else 0


if __name__ == "__main__":
    raise SystemExit(main())
