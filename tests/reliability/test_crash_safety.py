"""Crash safety (SPEC §6 "Durability", §7): a server killed with SIGKILL during concurrent writes loses no
acknowledged write, leaves nothing half-written, and its audit chain verifies after restart.

The real server runs: `uvicorn --factory api.main:create_app --workers 2` in a process group of its own, on a
database of this test's own (a fresh SQLite file; a fresh, migrated database on the PostgreSQL test server). Thirty-two
clients write at once — concertation drafts with a sealed person identity, participants, minutes entries — and every
write answered 201 is recorded with its id and what was sent. After `KILL_AFTER` acknowledgements, while the other
requests are in flight, the whole group (master and workers) gets SIGKILL. Then:

* right after the crash, directly in the database: every concertation has its wrapped data key, its sealed narrative,
  its person concerned and exactly one creation event; every participant and minutes entry belongs to a concertation
  and has its creation event; every success event names an object that exists; every acknowledged id is there;
* the server restarts on the same database and var dir; every acknowledged write, sent again with its
  Idempotency-Key, replays its first response (same id) and runs nothing; every write the kill cut off is retried
  with its key, as a client would, and either replays (it had committed and stored its response), is reported lost
  (it had committed in the same transaction as its `committed` mark, but its response was not stored: 409 naming
  what it did) or runs anew (it had not committed) — never twice; every write, acknowledged or retried,
  reads back equal over HTTP, the decrypted identity and minutes content included; the first event after the restart
  chains to the last before the crash; new writes are accepted; the chain verifies through
  `GET /v1/audit-events/verify` and through `concertation audit verify` (exit 0), and the database checks hold again.

Run with `-s` to see the figures.
"""

from __future__ import annotations

import asyncio
import itertools
import random
import re
import secrets
import subprocess
import sys
import time
import uuid
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
import pytest
from sqlalchemy import text
from sqlalchemy.engine import make_url
from sqlalchemy.pool import NullPool

from api.db import make_engine
from api.security.crypto import KeyRing
from api.security.keys import DevKey, ensure_dev_signing_key
from api.security.tokens import mint_token
from tests.api import payloads
from tests.conftest import fresh_database
from tests.reliability import live_server
from tests.reliability.live_server import LiveServer

WORKERS = 2
CONCURRENCY = 32
KILL_AFTER = 300  # acknowledgements before the SIGKILL
PLANNED = 2_000  # upper bound on the writes issued; the kill comes long before
SESSIONS = 4  # concertations in session, for the minutes entries
LOAD_TIMEOUT = 60.0  # seconds for the load to reach KILL_AFTER
LEASE = 5  # seconds after which a retry may take over an Idempotency-Key its dead worker left in flight
KINDS = ("concertation", "participant", "minutes")
ISSUER = "concertation-crash-test"
ORG = "cpas-crash"


# ------------------------------------------------------------------------------------------------ fixtures


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def database(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A migrated database of this test's own, dropped afterwards. PostgreSQL comes through the `postgres_server`
    fixture: skipped loudly when unreachable, a failure under CI=true."""
    with fresh_database(request, tmp_path, "crash") as url:
        yield url


@pytest.fixture
def var_dir(tmp_path: Path) -> Path:
    """The server's var dir, with its development signing key and key ring created before any worker starts."""
    var = tmp_path / "var"
    ensure_dev_signing_key(var / "keys")
    KeyRing.ensure(var / "keys" / "keyring.json")
    return var


def headers(key: DevKey, subject: str, role: str) -> dict[str, str]:
    token = mint_token(
        key.private_key_pem,
        kid=key.kid,
        issuer=ISSUER,
        audience="concertation",
        subject=subject,
        roles=[role],
        org=ORG,
        ttl_seconds=3600,
    )
    return {"Authorization": f"Bearer {token}"}


# ------------------------------------------------------------------------------------------------ the load


@dataclass
class Write:
    """One write: what it is, where it goes, what it sends, under which client and Idempotency-Key."""

    kind: str  # concertation | participant | minutes
    path: str
    body: dict[str, Any]
    concertation_id: str  # the target ("" for a new concertation)
    who: int  # index of the coordinator's token
    key: str  # Idempotency-Key


@dataclass
class Ack:
    """A write the server acknowledged (201), with what was sent."""

    write: Write
    id: str
    concertation_id: str
    person_id: str | None = None  # a concertation's person concerned

    @property
    def kind(self) -> str:
        return self.write.kind

    @property
    def sent(self) -> dict[str, Any]:
        return self.write.body

    @staticmethod
    def of(write: Write, answer: dict[str, Any]) -> Ack:
        if write.kind == "concertation":
            return Ack(write, answer["id"], answer["id"], answer["persons_concerned"][0]["id"])
        return Ack(write, answer["id"], write.concertation_id)


@dataclass
class Load:
    acks: list[Ack] = field(default_factory=list)
    cut_off: list[Write] = field(default_factory=list)  # in flight when the server died: fate unknown to the client
    unexpected: list[str] = field(default_factory=list)
    issued: int = 0
    in_flight: int = 0
    in_flight_at_kill: int = -1
    acks_at_kill: int = -1
    retried_429: int = 0
    seconds_to_kill: float = 0.0


@dataclass
class Setup:
    basis_id: str
    sessions: list[str]  # concertations in session


def _concertation_body(basis_id: str, i: int) -> dict[str, Any]:
    body = payloads.concertation(basis_id)
    body["purpose"]["statement"] = f"Mettre fin aux violences subies par l'enfant — dossier {i}."
    body["persons_concerned"][0]["identity"] = {
        "kind": "individual",
        "family_name": f"Martin-{i}",
        "given_names": f"Léa {secrets.token_hex(3)}",
        "birth_date": f"20{10 + i % 10:02d}-0{1 + i % 9}-1{i % 10}",
    }
    return body


async def _setup(client: httpx.AsyncClient, coordinator: dict[str, str], server: LiveServer) -> Setup:
    r = await client.post("/v1/legal-bases", json=payloads.decree(), headers=coordinator)
    _expect(r, 201, server)
    basis_id = r.json()["id"]
    sessions = []
    for n in range(SESSIONS):
        r = await client.post("/v1/concertations", json=_concertation_body(basis_id, -1 - n), headers=coordinator)
        _expect(r, 201, server)
        url = f"/v1/concertations/{r.json()['id']}"
        for step in ("schedule", "start"):
            _expect(await client.post(f"{url}/{step}", headers=coordinator), 200, server)
        sessions.append(r.json()["id"])
    return Setup(basis_id, sessions)


async def _post(
    client: httpx.AsyncClient, write: Write, coordinators: list[dict[str, str]], load: Load
) -> httpx.Response:
    """POST the write under its client's token and Idempotency-Key; a 429 (rate limit) is waited out, not failed."""
    headers = {**coordinators[write.who], "Idempotency-Key": write.key}
    while True:
        r = await client.post(write.path, json=write.body, headers=headers)
        if r.status_code != 429:
            return r
        load.retried_429 += 1
        await asyncio.sleep(min(float(r.headers.get("Retry-After", "1")), 1.0))


async def _drive(server: LiveServer, coordinators: list[dict[str, str]], setup: Setup) -> Load:
    """CONCURRENCY writers until KILL_AFTER acknowledgements; then SIGKILL the server with the rest in flight."""
    load = Load()
    killed = asyncio.Event()
    counter = itertools.count()
    rnd = random.Random(458)
    drafts: list[str] = []  # acknowledged draft concertations, for participants
    started = time.monotonic()

    def plan(i: int) -> Write:
        kind = ("concertation", "concertation", "participant", "minutes")[i % 4]
        who, key = i % len(coordinators), f"crash-{i}-{secrets.token_hex(4)}"
        if kind == "participant" and drafts:
            target = rnd.choice(drafts)
            body = payloads.participant(subject=f"sw-{i}", display_name=f"Alice Renard {i}")
            return Write(kind, f"/v1/concertations/{target}/participants", body, target, who, key)
        if kind == "minutes":
            target = setup.sessions[i % SESSIONS]
            body = payloads.minutes_entry(content=f"Entrée {i} : la famille a repris contact ({secrets.token_hex(4)}).")
            return Write(kind, f"/v1/concertations/{target}/minutes", body, target, who, key)
        return Write("concertation", "/v1/concertations", _concertation_body(setup.basis_id, i), "", who, key)

    async def writer(client: httpx.AsyncClient) -> None:
        while not killed.is_set():
            i = next(counter)
            if i >= PLANNED:
                return
            write = plan(i)
            load.issued += 1
            load.in_flight += 1
            try:
                r = await _post(client, write, coordinators, load)
            except httpx.TransportError as exc:
                if killed.is_set():
                    load.cut_off.append(write)
                else:
                    load.unexpected.append(f"{write.kind} #{i} {write.path}: {type(exc).__name__}: {exc}")
                continue
            finally:
                load.in_flight -= 1
            if r.status_code != 201:
                load.unexpected.append(f"{write.kind} #{i} {write.path}: {r.status_code} {r.text[:300]}")
                continue
            ack = Ack.of(write, r.json())
            if write.kind == "concertation":
                drafts.append(ack.id)
            load.acks.append(ack)  # a 201 read after the kill was still sent by the server before it died
            if len(load.acks) >= KILL_AFTER and not killed.is_set():
                load.acks_at_kill, load.in_flight_at_kill = len(load.acks), load.in_flight
                load.seconds_to_kill = time.monotonic() - started
                server.kill()  # master and workers at once, mid-flight; returns once none of them runs
                killed.set()

    limits = live_server.client_limits(CONCURRENCY)
    async with httpx.AsyncClient(base_url=server.base_url, timeout=30.0, limits=limits) as client:
        writers = [asyncio.create_task(writer(client)) for _ in range(CONCURRENCY)]
        try:
            await asyncio.wait_for(asyncio.gather(*writers), LOAD_TIMEOUT)
        except TimeoutError:
            pytest.fail(
                f"{len(load.acks)} of {KILL_AFTER} writes acknowledged in {LOAD_TIMEOUT:.0f} s\n{server.tail()}",
                pytrace=False,
            )
    return load


# ------------------------------------------------------------------------------------------------ the checks


def _expect(r: httpx.Response, status: int, server: LiveServer) -> None:
    assert r.status_code == status, (
        f"{r.request.method} {r.request.url.path}: {r.status_code} {r.text[:500]}\n"
        f"--- server log tail ---\n{server.tail()}"
    )


def _uuid(value: Any) -> uuid.UUID:
    return value if isinstance(value, uuid.UUID) else uuid.UUID(str(value))


@dataclass
class Stored:
    """What the database holds, read directly with SQLAlchemy."""

    concertations: set[uuid.UUID]
    participants: set[uuid.UUID]
    minutes: set[uuid.UUID]
    events: int
    head: tuple[int, str]
    idempotency: dict[str, int]  # Idempotency-Key records by state
    logins: dict[tuple[uuid.UUID, str], uuid.UUID]  # (concertation, participant subject) → participant

    def of(self, kind: str) -> set[uuid.UUID]:
        return {"concertation": self.concertations, "participant": self.participants, "minutes": self.minutes}[kind]


def check_database(url: str, acks: Sequence[Ack], setup: Setup) -> Stored:
    """Nothing half-written and every acknowledged write present, asked of the database itself."""
    engine = make_engine(url, poolclass=NullPool)
    try:
        with engine.connect() as conn:

            def ids(sql: str) -> list[uuid.UUID]:
                return [_uuid(v) for v in conn.execute(text(sql)).scalars()]

            def pairs(sql: str) -> dict[uuid.UUID, uuid.UUID]:
                return {_uuid(a): _uuid(b) for a, b in conn.execute(text(sql)).all()}

            concertations = set(ids("SELECT id FROM concertation"))
            keyed = set(ids("SELECT concertation_id FROM data_key WHERE wrapped_dek IS NOT NULL"))
            sealed = set(ids("SELECT id FROM concertation WHERE narrative_ciphertext IS NOT NULL"))
            persons = pairs("SELECT id, concertation_id FROM person_concerned")
            participants = pairs("SELECT id, concertation_id FROM participant")
            minutes = pairs("SELECT id, concertation_id FROM minutes_entry")
            bases = set(ids("SELECT id FROM legal_basis"))
            events = conn.execute(
                text("SELECT action, object_id, concertation_id FROM audit_event WHERE outcome = 'success'")
            ).all()
            count = int(conn.execute(text("SELECT count(*) FROM audit_event")).scalar_one())
            head = conn.execute(text("SELECT seq, hash FROM audit_event ORDER BY seq DESC LIMIT 1")).one()
            states = conn.execute(text("SELECT state, count(*) FROM idempotency_record GROUP BY state")).all()
            logins = conn.execute(text("SELECT concertation_id, subject, id FROM participant")).all()
    finally:
        engine.dispose()

    assert concertations - keyed == set(), "concertation(s) without a wrapped data key"
    assert concertations - sealed == set(), "concertation(s) without their sealed narrative"
    assert set(persons.values()) == concertations, "a concertation without its person concerned, or the reverse"
    assert set(participants.values()) <= concertations, "participant(s) of a concertation that is not there"
    assert set(minutes.values()) <= {_uuid(s) for s in setup.sessions}, "minutes entries outside the sessions"

    created: dict[str, Counter[uuid.UUID]] = {}
    for action, object_id, concertation_id in events:
        if action.endswith(".create") and object_id is not None:
            created.setdefault(action, Counter())[_uuid(object_id)] += 1
        if concertation_id is not None:  # a success event about a concertation that is not there
            assert _uuid(concertation_id) in concertations, f"{action} event of a missing concertation"
    for action, rows in (
        ("legal_basis.create", bases),
        ("concertation.create", concertations),
        ("participant.create", set(participants)),
        ("minutes.create", set(minutes)),
    ):
        seen = created.get(action, Counter())
        assert set(seen) == rows, f"{action}: rows without their event, or events without their row"
        assert set(seen.values()) <= {1}, f"{action}: an object created twice"

    by_kind = {"concertation": concertations, "participant": set(participants), "minutes": set(minutes)}
    missing = [f"{a.kind} {a.id}" for a in acks if _uuid(a.id) not in by_kind[a.kind]]
    assert not missing, f"{len(missing)} acknowledged write(s) lost: {missing[:10]}"
    return Stored(
        concertations,
        set(participants),
        set(minutes),
        count,
        (int(head[0]), str(head[1])),
        {str(state): int(n) for state, n in states},
        {(_uuid(c), str(sub)): _uuid(i) for c, sub, i in logins},
    )


async def _read_back(
    client: httpx.AsyncClient, acks: Sequence[Ack], setup: Setup, coordinator: dict[str, str]
) -> list[str]:
    """Every acknowledged write, read over HTTP and compared with what was sent; returns the differences."""
    wrong: list[str] = []
    gate = asyncio.Semaphore(16)

    async def get(path: str) -> Any:
        async with gate:
            r = await client.get(path, headers=coordinator)
        if r.status_code != 200:
            wrong.append(f"GET {path}: {r.status_code} {r.text[:200]}")
            return None
        return r.json()

    async def concertation(a: Ack) -> None:
        url = f"/v1/concertations/{a.id}"
        c = await get(url)
        if c is None:
            return
        sent = a.sent
        for key in ("concertation_type", "offence_scope", "legal_basis_id", "why_person_not_present"):
            if c[key] != sent[key]:
                wrong.append(f"{url} {key}: {c[key]!r} != {sent[key]!r}")
        if c["purpose"]["statement"] != sent["purpose"]["statement"]:
            wrong.append(f"{url} purpose.statement: {c['purpose']['statement']!r}")
        if [(p["id"], p["reference"]) for p in c["persons_concerned"]] != [(a.person_id, "P-001")]:
            wrong.append(f"{url} persons_concerned: {c['persons_concerned']}")
        person = await get(f"{url}/persons-concerned/{a.person_id}")
        if person is not None:
            identity = sent["persons_concerned"][0]["identity"]
            got = {k: person["identity"].get(k) for k in identity}
            if got != identity:
                wrong.append(f"{url} identity: {got} != {identity}")

    async def participant(a: Ack) -> None:
        url = f"/v1/concertations/{a.concertation_id}/participants/{a.id}"
        p = await get(url)
        if p is not None:
            wrong.extend(f"{url} {k}: {p.get(k)!r} != {v!r}" for k, v in a.sent.items() if p.get(k) != v)

    async def minutes(session: str) -> None:
        content: dict[str, str] = {}
        cursor = ""
        while True:  # every page (SPEC §2: at most 200 entries a page)
            page = await get(f"/v1/concertations/{session}/minutes?limit=200{cursor}")
            if page is None:
                return
            content |= {e["id"]: e["content"] for e in page["items"]}
            if page["next_cursor"] is None:
                break
            cursor = f"&cursor={page['next_cursor']}"
        for a in acks:
            if a.kind == "minutes" and a.concertation_id == session and content.get(a.id) != a.sent["content"]:
                wrong.append(f"minutes entry {a.id}: {content.get(a.id)!r} != {a.sent['content']!r}")

    jobs = [concertation(a) for a in acks if a.kind == "concertation"]
    jobs += [participant(a) for a in acks if a.kind == "participant"]
    jobs += [minutes(s) for s in setup.sessions]
    await asyncio.gather(*jobs)
    return wrong


async def _replay(
    client: httpx.AsyncClient, acks: Sequence[Ack], coordinators: list[dict[str, str]], load: Load
) -> list[str]:
    """Every acknowledged write sent again with its Idempotency-Key: its first response comes back (the record that
    makes the replay was committed before the response was sent), and nothing runs again."""
    wrong: list[str] = []
    gate = asyncio.Semaphore(16)

    async def one(a: Ack) -> None:
        async with gate:
            r = await _post(client, a.write, coordinators, load)
        replayed = r.headers.get("Idempotent-Replayed") == "true"
        if r.status_code != 201 or not replayed or r.json()["id"] != a.id:
            wrong.append(f"replay of {a.kind} {a.id}: {r.status_code} replayed={replayed} {r.text[:200]}")

    await asyncio.gather(*(one(a) for a in acks))
    return wrong


@dataclass
class Retried:
    """A cut-off write retried with its Idempotency-Key: `replayed` (its response had been stored), `lost` (it had
    committed but its response was lost: 409 `idempotency_response_lost` names what it did) or `ran` (it had not
    committed, and ran now)."""

    write: Write
    outcome: str
    ack: Ack | None = None
    lost_id: uuid.UUID | None = None


async def _retry(
    client: httpx.AsyncClient, cut_off: Sequence[Write], coordinators: list[dict[str, str]], load: Load
) -> tuple[list[Retried], list[str]]:
    """Every write the crash cut off, retried with its Idempotency-Key as a client would, and what went wrong. A key
    the dead worker left `in_flight` answers 409 until its lease runs out."""
    done: list[Retried] = []
    wrong: list[str] = []
    deadline = time.monotonic() + LEASE + 20

    async def one(w: Write) -> None:
        while True:
            r = await _post(client, w, coordinators, load)
            if r.status_code == 409 and r.json().get("code") == "idempotency_in_flight" and time.monotonic() < deadline:
                await asyncio.sleep(0.5)
                continue
            break
        if r.status_code == 409 and r.json().get("code") == "idempotency_response_lost":
            done.append(Retried(w, "lost", lost_id=_uuid(r.json()["outcome"]["object_id"])))
        elif r.status_code == 201:
            replayed = r.headers.get("Idempotent-Replayed") == "true"
            done.append(Retried(w, "replayed" if replayed else "ran", Ack.of(w, r.json())))
        else:
            wrong.append(f"retry of {w.kind} {w.path}: {r.status_code} {r.text[:200]}")

    await asyncio.gather(*(one(w) for w in cut_off))
    return done, wrong


def _cli_verify(url: str, var: Path) -> tuple[int, str]:
    done = subprocess.run(  # noqa: S603 - our own interpreter and command
        [sys.executable, "-m", "api.cli", "audit", "verify"],
        cwd=live_server.ROOT,
        env=live_server.server_env(url, var),
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    return done.returncode, done.stdout + done.stderr


# ------------------------------------------------------------------------------------------------ the test


def test_sigkill_during_concurrent_writes_loses_no_acknowledged_write(database: str, var_dir: Path) -> None:
    key = ensure_dev_signing_key(var_dir / "keys")
    coordinators = [headers(key, f"coord-{n}", "coordinator") for n in range(4)]
    coordinator, auditor = coordinators[0], headers(key, "auditor-1", "auditor")
    env = {"CONCERTATION_DEV_ISSUER": ISSUER, "CONCERTATION_IDEMPOTENCY_LEASE_SECONDS": str(LEASE)}
    began = time.monotonic()

    # 1. Load, and SIGKILL mid-way.
    with live_server.serving(database, WORKERS, var_dir, env=env) as server:
        workers = server.worker_pids()
        assert len(workers) == WORKERS, f"expected {WORKERS} worker processes, found {workers}\n{server.tail()}"
        assert sorted(server.started_pids()) == sorted(workers), server.tail()

        async def first_run() -> tuple[Setup, Load]:
            async with httpx.AsyncClient(
                base_url=server.base_url, timeout=30.0, limits=live_server.client_limits()
            ) as client:
                setup = await _setup(client, coordinator, server)
            return setup, await _drive(server, coordinators, setup)

        setup, load = asyncio.run(first_run())
        killed_at = time.monotonic()
        assert server.process.returncode == -9, f"the master was not killed by SIGKILL\n{server.tail()}"
        assert server.group_pids() == [], "server processes outlived the SIGKILL"
    assert not load.unexpected, (
        f"{len(load.unexpected)} write(s) failed before the kill: {load.unexpected[:5]}\n{server.tail()}"
    )
    assert load.acks_at_kill >= KILL_AFTER, f"the server was never killed: {len(load.acks)} acknowledgements"
    assert load.in_flight_at_kill > 0, "nothing was in flight when the server was killed: this proved nothing"
    assert load.cut_off, "no request was cut off by the kill: this proved nothing"

    # 2. Right after the crash, before anything restarts: the database alone.
    crashed = check_database(database, load.acks, setup)
    acked = {kind: {_uuid(a.id) for a in load.acks if a.kind == kind} for kind in KINDS}
    setup_ids = {_uuid(c) for c in setup.sessions}
    committed_unacked = {kind: crashed.of(kind) - acked[kind] - setup_ids for kind in KINDS}

    # 3. Restart on the same database and var dir; a client retries what the crash cut off.
    with live_server.serving(database, WORKERS, var_dir, env=env) as server:
        assert len(server.worker_pids()) == WORKERS, server.tail()
        restarted = time.monotonic() - killed_at

        async def second_run() -> tuple[list[str], list[str], list[Retried], list[str], dict[str, Any]]:
            async with httpx.AsyncClient(
                base_url=server.base_url, timeout=30.0, limits=live_server.client_limits()
            ) as client:
                replays = await _replay(client, load.acks, coordinators, load)
                await asyncio.sleep(max(0.0, killed_at + LEASE - time.monotonic()))
                retried, failed = await _retry(client, load.cut_off, coordinators, load)
                wrong = await _read_back(client, [*load.acks, *(r.ack for r in retried if r.ack)], setup, coordinator)
                # New writes are accepted and read back after the crash.
                body = _concertation_body(setup.basis_id, 10**6)
                r = await client.post("/v1/concertations", json=body, headers=coordinator)
                _expect(r, 201, server)
                url = f"/v1/concertations/{r.json()['id']}"
                _expect(
                    await client.post(f"{url}/participants", json=payloads.participant(), headers=coordinator),
                    201,
                    server,
                )
                note = payloads.minutes_entry(content="Après le redémarrage.")
                minutes_url = f"/v1/concertations/{setup.sessions[0]}/minutes"
                r = await client.post(minutes_url, json=note, headers=coordinator)
                _expect(r, 201, server)
                entry = r.json()["id"]
                read: dict[str, str] = {}
                page_url = f"{minutes_url}?limit=200"
                while True:  # the new entry is the last one recorded: on the last page
                    r = await client.get(page_url, headers=coordinator)
                    _expect(r, 200, server)
                    read |= {e["id"]: e["content"] for e in r.json()["items"]}
                    if r.json()["next_cursor"] is None:
                        break
                    page_url = f"{minutes_url}?limit=200&cursor={r.json()['next_cursor']}"
                assert read[entry] == "Après le redémarrage."
                r = await client.get("/v1/audit-events/verify", headers=auditor)
                _expect(r, 200, server)
                return replays, failed, retried, wrong, r.json()

        try:
            replays, failed, retried, wrong, report = asyncio.run(second_run())
        except httpx.TransportError as e:  # nothing kills this server: a dropped connection is a finding
            live = server.worker_pids()
            raise AssertionError(f"after the restart: {e!r}; workers now {live}\n{server.tail()}") from e
    assert not replays, f"{len(replays)} acknowledged write(s) did not replay: {replays[:5]}"
    assert not failed, f"{len(failed)} cut-off write(s) could not be retried: {failed[:5]}"
    assert not wrong, f"{len(wrong)} write(s) read back different: {wrong[:10]}"
    assert report["ok"] is True, report
    for retry in retried:
        if retry.outcome == "lost":  # committed before the crash, its response lost: named, never run again
            assert retry.lost_id in committed_unacked[retry.write.kind], f"lost {retry.lost_id} was never committed"
            continue
        assert retry.ack is not None
        kind, got = retry.ack.kind, _uuid(retry.ack.id)
        if retry.outcome == "replayed":  # a replay is of a write that committed and stored its response
            assert got in committed_unacked[kind], f"replayed {kind} {got} was never committed"
        else:
            assert got not in crashed.of(kind), f"retried {kind} {got} existed before"

    # 4. The chain went on from the crash's head; the database holds together; the CLI agrees.
    engine = make_engine(database, poolclass=NullPool)
    try:
        with engine.connect() as conn:
            first_after = conn.execute(
                text("SELECT prev_hash FROM audit_event WHERE seq > :s ORDER BY seq LIMIT 1"), {"s": crashed.head[0]}
            ).scalar_one()
    finally:
        engine.dispose()
    assert first_after == crashed.head[1], "the first event after the restart does not chain to the crash's head"
    final = check_database(database, [*load.acks, *(r.ack for r in retried if r.ack)], setup)
    ran = Counter(r.write.kind for r in retried if r.outcome == "ran")
    grown = {kind: len(final.of(kind)) - len(crashed.of(kind)) for kind in KINDS}
    assert grown == {kind: ran[kind] + 1 for kind in KINDS}, "a replay wrote something, or a write went missing"
    assert report["events_checked"] > crashed.events
    code, out = _cli_verify(database, var_dir)
    assert code == 0, out
    checked = re.search(r"audit chain OK: (\d+) event\(s\)", out)
    assert checked is not None, out
    assert int(checked.group(1)) == final.events, out

    outcomes = Counter(r.outcome for r in retried)
    committed = sum(len(v) for v in committed_unacked.values())
    # Exactly once: every write that committed before the crash is, on retry, either replayed (its response was
    # stored) or reported lost (marked committed in its own transaction) — none ran a second time.
    assert committed == outcomes["replayed"] + outcomes["lost"], (committed, dict(outcomes), crashed.idempotency)
    print(
        f"\ncrash safety on {make_url(database).get_backend_name()}, {WORKERS} workers, {CONCURRENCY} clients: "
        f"SIGKILL after {load.acks_at_kill} acknowledged writes ({load.seconds_to_kill:.1f} s of load) with "
        f"{load.in_flight_at_kill} in flight; {len(load.acks)} acknowledged in all "
        f"({ {k: len(v) for k, v in acked.items()} }), all present, whole and equal after restart "
        f"({restarted:.1f} s to ready), all replayed by Idempotency-Key; {len(load.cut_off)} cut off, of which "
        f"{committed} had committed unacknowledged; retried with their keys: {dict(outcomes)} "
        f"(none ran twice); idempotency records at the "
        f"crash: {crashed.idempotency}; {crashed.events} audit events at the crash, {final.events} verified after "
        f"restart (HTTP and CLI); {load.retried_429} rate-limited retries; {time.monotonic() - began:.1f} s in all"
    )
