"""Audited reads (R109) and where their event stands in the chain.

On SQLite a read runs in a snapshot and only its event is written, in a short write transaction: its event may join
the chain only if no change succeeded since the snapshot, so that it stands where the data it saw still held. A
change committed in between makes the read run again inside the write transaction. On PostgreSQL the read and its
event share one write transaction. The writes are real commits, from a second engine, on a database of the test's
own.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine, text
from sqlalchemy.pool import NullPool
from sqlmodel import Session

from api import audit
from api.db import begin_write, make_engine
from api.services.common import audited_read
from models.audit import Outcome
from policies.access import Actor
from policies.vocab import Role
from tests.conftest import fresh_database

READER = Actor("tests", "reader", frozenset({Role.PARTICIPANT}), "org")
OTHER = Actor("tests", "other", frozenset({Role.COORDINATOR}), "org")
NOW = datetime(2026, 12, 2, 12, 0, tzinfo=UTC)


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def engines(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[tuple[Engine, Engine]]:
    """Two engines on one fresh database: the reader's, and another worker's."""
    with fresh_database(request, tmp_path, "reads") as url:
        reader, other = make_engine(url, poolclass=NullPool), make_engine(url, poolclass=NullPool)
        try:
            yield reader, other
        finally:
            reader.dispose()
            other.dispose()


def _append(engine: Engine, action: str, outcome: Outcome = Outcome.SUCCESS) -> None:
    """Another worker's committed event (a change when it is a success that is not a read)."""
    with Session(engine) as session:
        begin_write(session)
        audit.record(session, OTHER, action, outcome, now=NOW, object_type="concertation")
        session.commit()


def _actions(engine: Engine) -> list[str]:
    with engine.connect() as conn:
        return [r[0] for r in conn.execute(text("SELECT action FROM audit_event ORDER BY seq"))]


def _read_with(engine: Engine, meanwhile: Any) -> list[int]:
    """An audited read whose first run lets `meanwhile()` commit; gives the head each run of the read saw."""
    seen: list[int] = []

    with Session(engine) as session:

        def read() -> tuple[str, dict[str, Any]]:
            seen.append(audit.head_seq(session))
            if len(seen) == 1:
                meanwhile()
            return "page", {"now": NOW, "object_type": "minutes", "details": {"run": len(seen)}}

        assert audited_read(session, READER, "minutes.read", read) == "page"
    return seen


def test_a_read_alone_is_read_once_and_its_event_closes_the_chain(engines: tuple[Engine, Engine]) -> None:
    reader, _ = engines
    assert len(_read_with(reader, lambda: None)) == 1
    assert _actions(reader) == ["minutes.read"]
    with reader.connect() as conn:
        assert audit.verify_chain(conn).ok


def test_reads_and_refusals_in_between_change_nothing_the_read_saw(engines: tuple[Engine, Engine]) -> None:
    reader, other = engines

    def meanwhile() -> None:
        _append(other, "minutes.read")
        _append(other, "concertation.update", Outcome.REFUSED)

    assert len(_read_with(reader, meanwhile)) == 1
    assert _actions(reader) == ["minutes.read", "concertation.update", "minutes.read"]


def test_a_change_in_between_makes_the_read_run_again_after_it(engines: tuple[Engine, Engine]) -> None:
    reader, other = engines
    seen = _read_with(reader, lambda: _append(other, "participant.respond"))
    # SQLite: the first run saw the trail before the change, the second (inside the write transaction) after it.
    # PostgreSQL: the read holds its write transaction throughout; the change commits beside it, before its event.
    runs = [0, 1] if reader.dialect.name == "sqlite" else [0]
    assert seen == runs
    assert _actions(reader) == ["participant.respond", "minutes.read"]
    with reader.connect() as conn:
        assert audit.verify_chain(conn).ok
        details = conn.execute(text("SELECT details FROM audit_event WHERE action = 'minutes.read'")).scalar_one()
    assert (json.loads(details) if isinstance(details, str) else details) == {"run": len(runs)}


def test_every_action_the_service_records_as_a_read_is_one() -> None:
    """READS lets events pass as "nothing changed": each must name an action that only reads."""
    for action in audit.READS:
        assert action.split(".", 1)[1].startswith(("read", "disclosure")), action
