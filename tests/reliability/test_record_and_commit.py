"""`audit.record_and_commit` (R109, SPEC §6): the last act of a use case's transaction appends its event and commits.
On PostgreSQL the chain's lock, the append (head and hash computed by the server) and the COMMIT go in one pipeline;
these tests hold it to what `audit.record` then a commit does: the same hash, the whole transaction or nothing.

Real commits, so each test runs on a database of its own (`tests.conftest.fresh_database`).
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from types import SimpleNamespace
from typing import Any, cast

import pytest
from sqlalchemy import Engine, text
from sqlalchemy.exc import DataError
from sqlalchemy.pool import NullPool
from sqlmodel import Session

from api import audit
from api.db import begin_write, make_engine
from models.audit import AuditEvent, Outcome
from policies.access import Actor
from policies.vocab import Role
from tests.conftest import fresh_database

ACTOR = Actor("concertation-test", "coord-1", frozenset({Role.COORDINATOR}), "cpas-a")
NOW = datetime(2026, 12, 3, 8, 30, 0, 123456, tzinfo=UTC)


def fresh_engine(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Engine]:
    with fresh_database(request, tmp_path, "append") as url:
        bind = make_engine(url, poolclass=NullPool)
        try:
            yield bind
        finally:
            bind.dispose()


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def engine(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Engine]:
    yield from fresh_engine(request, tmp_path)


def append(engine: Engine, **event: Any) -> audit.Recorded:
    fields: dict[str, Any] = {"now": NOW, "object_type": "reliability", **event}
    with Session(engine) as session:
        begin_write(session)
        return audit.record_and_commit(session, ACTOR, "reliability.append", Outcome.SUCCESS, **fields)


def stored(engine: Engine) -> list[Any]:
    with engine.connect() as conn:
        return list(conn.execute(text("SELECT seq, id, prev_hash, hash FROM audit_event ORDER BY seq")))


def test_the_events_chain_as_record_would_chain_them(engine: Engine) -> None:
    cases: list[dict[str, Any]] = [
        {},
        {"object_id": uuid.uuid4(), "concertation_id": uuid.uuid4(), "codes": ["R27", "R109", "R27"]},
        {"object_id": "a-b", "details": {"text": 'Zoë « ça » \\ "q" \u2028 \t ☂ \U0001f600', "n": [1, 2.5, None]}},
        {"details": {"nested": {"z": True, "a": {}}, "empty": ""}},
    ]
    recorded = [append(engine, **case) for case in cases]

    rows = stored(engine)
    assert [(r.seq, uuid.UUID(str(r.id)), r.prev_hash, r.hash) for r in rows] == [
        (r.seq, r.id, r.prev_hash, r.hash) for r in recorded
    ]
    assert recorded[0].prev_hash == audit.GENESIS
    assert [r.prev_hash for r in recorded[1:]] == [r.hash for r in recorded[:-1]]
    for case, r in zip(cases, recorded, strict=True):
        # The hash the service computed (on PostgreSQL: the database) is the one Python computes for the event.
        event = SimpleNamespace(
            id=r.id,
            occurred_at=r.occurred_at,
            actor_issuer=ACTOR.issuer,
            actor_subject=ACTOR.subject,
            action="reliability.append",
            outcome="success",
            object_type="reliability",
            object_id=None if case.get("object_id") is None else str(case["object_id"]),
            concertation_id=case.get("concertation_id"),
            codes=sorted(set(case.get("codes", []))),
            details=case.get("details", {}),
        )
        assert audit.chain_hash(r.prev_hash, cast(AuditEvent, event)) == r.hash
    with engine.connect() as conn:
        report = audit.verify_chain(conn)
    assert report.ok and report.events_checked == len(cases) and report.last_good_hash == recorded[-1].hash


def test_record_then_commit_and_record_and_commit_share_one_chain(engine: Engine) -> None:
    first = append(engine)
    with Session(engine) as session:
        begin_write(session)
        middle = audit.record(session, ACTOR, "reliability.append", Outcome.SUCCESS, now=NOW, object_type="x")
        session.commit()
    last = append(engine)
    assert (middle.prev_hash, last.prev_hash) == (first.hash, middle.hash)
    with engine.connect() as conn:
        assert audit.verify_chain(conn).ok


def change_aside(session: Session) -> None:
    """Begin a write transaction holding a change of its own: a row in a table `side`."""
    begin_write(session)
    session.execute(text("CREATE TABLE IF NOT EXISTS side (v INTEGER)"))
    session.commit()
    begin_write(session)
    session.execute(text("INSERT INTO side VALUES (1)"))


def test_the_transaction_commits_whole_with_its_event(engine: Engine) -> None:
    with Session(engine) as session:
        change_aside(session)
        audit.record_and_commit(session, ACTOR, "reliability.append", Outcome.SUCCESS, now=NOW, object_type="x")
        # The session goes on: a new transaction, as after any commit.
        assert session.execute(text("SELECT count(*) FROM side")).scalar_one() == 1
    with engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM side")).scalar_one() == 1


@pytest.fixture(params=[pytest.param("postgres", marks=pytest.mark.postgres)])
def pg_engine(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Engine]:
    """PostgreSQL only: SQLite does not hold a text to its column's length, the failure the test below provokes."""
    yield from fresh_engine(request, tmp_path)


def test_an_append_that_fails_leaves_nothing_of_its_transaction(pg_engine: Engine) -> None:
    engine = pg_engine
    before = append(engine)
    with Session(engine) as session:
        change_aside(session)
        with pytest.raises(DataError, match="too long"):  # a 65-character action does not fit its column
            audit.record_and_commit(session, ACTOR, "x" * 65, Outcome.SUCCESS, now=NOW, object_type="x")
        session.rollback()
        # The session is usable again, and the chain goes on from the last event that was committed.
        begin_write(session)
        after = audit.record_and_commit(session, ACTOR, "reliability.append", Outcome.SUCCESS, now=NOW, object_type="x")
    assert after.prev_hash == before.hash
    with engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM side")).scalar_one() == 0
        assert audit.verify_chain(conn).events_checked == 2
