"""Several workers, one chain (R109, SPEC §6): two OS processes append audit events at the same time, each in
transactions of its own, and the chain they leave verifies end to end.

Each process has its own engine, as two uvicorn workers would. The writes are committed, so each test runs on a
database of its own (a fresh SQLite file; a fresh database on the PostgreSQL test server, migrated by
`tests.conftest.migrate`) rather than on the shared, rolled-back test database.
"""

from __future__ import annotations

import json
import multiprocessing
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.pool import NullPool

from api import audit
from api.cli import main
from api.db import make_engine
from api.settings import get_settings
from tests.conftest import fresh_database
from tests.reliability.workers import append_events

N = 200
PAUSE = 0.001  # seconds between a worker's transactions
#: Each worker appends its own way: `record` then a commit (the CLI's commands), `record_and_commit` (the API's use
#: cases; on PostgreSQL lock, append and commit in one pipeline). Both take turns on the same chain.
WRITERS = {"worker-a": "record", "worker-b": "record_and_commit"}


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def database(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A migrated database of this test's own, dropped afterwards."""
    with fresh_database(request, tmp_path, "chain") as url:
        yield url


def test_two_processes_appending_at_once_leave_one_valid_chain(
    database: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    ctx = multiprocessing.get_context("spawn")
    start = ctx.Barrier(len(WRITERS))
    workers = [
        ctx.Process(target=append_events, args=(database, who, N, start, PAUSE, how)) for who, how in WRITERS.items()
    ]
    for w in workers:
        w.start()
    for w in workers:
        w.join(timeout=300)
    assert [w.exitcode for w in workers] == [0] * len(WRITERS)

    engine = make_engine(database, poolclass=NullPool)
    try:
        with engine.connect() as conn:
            report = audit.verify_chain(conn, batch=64)
            rows = conn.execute(text("SELECT actor_subject, details FROM audit_event ORDER BY seq")).all()
            hashes = conn.execute(text("SELECT count(DISTINCT prev_hash) FROM audit_event")).scalar_one()
    finally:
        engine.dispose()
    assert report.ok, report
    assert report.events_checked == len(rows) == len(WRITERS) * N
    assert hashes == len(WRITERS) * N  # no two events chained to the same predecessor: the chain never forked
    subjects = [r[0] for r in rows]
    assert {s: subjects.count(s) for s in WRITERS} == dict.fromkeys(WRITERS, N)
    for who in WRITERS:  # each worker's events in the order it committed them
        order = [(json.loads(d) if isinstance(d, str) else d)["i"] for s, d in rows if s == who]
        assert order == list(range(N)), who
    switches = sum(1 for a, b in zip(subjects, subjects[1:], strict=False) if a != b)
    assert switches > 0, "the workers never interleaved: this run proved nothing about concurrency"

    monkeypatch.setenv("CONCERTATION_DATABASE_URL", database)
    get_settings.cache_clear()  # settings are cached per process
    try:
        capsys.readouterr()
        assert main(["audit", "verify"]) == 0
        assert f"audit chain OK: {len(WRITERS) * N} event(s)" in capsys.readouterr().out
    finally:
        get_settings.cache_clear()
