"""Audited reads (R109) and where their event stands in the chain.

A read runs in a transaction that writes nothing (SQLite: a snapshot; PostgreSQL: the concertation FOR SHARE) and
its event is group-committed with those of the reads beside it: the event may join the chain only if no change
succeeded since the read began, so that it stands where the data it saw still held. A change committed in between
makes the read run again inside a write transaction. The writes are real commits, from a second engine, on a
database of the test's own; the concurrent reads are threads of one process sharing its group appender.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
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
    # The first run saw the trail before the change, the second (inside the write transaction) after it.
    runs = [0, 1]
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


def test_concurrent_reads_share_commits_and_keep_one_chain(engines: tuple[Engine, Engine]) -> None:
    """Group commit: 24 reads in 8 threads; every event written once, in one chain, in fewer transactions than
    events, and each reader answered only after its own event was committed."""
    reader, _ = engines
    group = audit.appender(reader)
    before = (group.batches, group.events)
    answered: list[tuple[int, int]] = []  # (run, events committed when that read returned)

    def one(run: int) -> None:
        with Session(reader) as session:

            def read() -> tuple[int, dict[str, Any]]:
                audit.head_seq(session)
                return run, {"now": NOW, "object_type": "minutes", "details": {"run": run}}

            assert audited_read(session, READER, "minutes.read", read) == run
        with reader.connect() as conn:
            runs = conn.execute(text("SELECT details FROM audit_event WHERE action = 'minutes.read'")).scalars()
            committed = [json.loads(d) if isinstance(d, str) else d for d in runs]
        assert {"run": run} in committed  # durable before the answer
        answered.append((run, len(committed)))

    with ThreadPoolExecutor(max_workers=8) as pool:
        list(pool.map(one, range(24)))
    assert sorted(run for run, _ in answered) == list(range(24))
    batches, events = group.batches - before[0], group.events - before[1]
    assert events == 24
    assert batches < events, "no two concurrent reads shared a commit"
    with reader.connect() as conn:
        report = audit.verify_chain(conn)
        details = conn.execute(text("SELECT details FROM audit_event ORDER BY seq")).scalars()
        runs = [(json.loads(d) if isinstance(d, str) else d)["run"] for d in details]
    assert report.ok and report.events_checked == 24
    assert sorted(runs) == list(range(24))


def _read_event() -> dict[str, Any]:
    return audit._event(READER, "minutes.read", Outcome.SUCCESS, NOW, "minutes", None, None, (), {})


def test_a_failed_batch_fails_every_read_in_it_and_writes_nothing(
    engines: tuple[Engine, Engine], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A batch whose transaction fails answers its readers with the error (none is told its read was recorded);
    the next batch writes normally."""
    reader, _ = engines
    group = audit.GroupAppender(reader)

    def broken(batch: list[Any]) -> None:
        raise RuntimeError("disk full")

    monkeypatch.setattr(group, "_write", broken)
    with pytest.raises(RuntimeError, match="disk full"):
        group.append(_read_event(), 0)
    assert _actions(reader) == []
    monkeypatch.undo()
    recorded = group.append(_read_event(), 0)
    assert recorded is not None and recorded.seq >= 1
    assert _actions(reader) == ["minutes.read"]


def test_a_follower_gets_the_error_of_the_batch_it_was_in(engines: tuple[Engine, Engine]) -> None:
    """The reads waiting on a batch that fails each raise `AppendFailed`, caused by the database's error (so that a
    transient conflict is retried by the request's retry, which looks through the causes)."""
    reader, _ = engines
    group = audit.GroupAppender(reader)
    started, release = threading.Event(), threading.Event()

    def slow_then_broken(batch: list[Any]) -> None:
        started.set()
        release.wait(5)
        raise RuntimeError("disk full")

    group._write = slow_then_broken  # type: ignore[method-assign]
    with ThreadPoolExecutor(max_workers=3) as pool:
        leader = pool.submit(group.append, _read_event(), 0)
        assert started.wait(5)
        followers = [pool.submit(group.append, _read_event(), 0) for _ in range(2)]
        while len(group._queue) < 2:  # both followers queued behind the leader's batch
            threading.Event().wait(0.01)
        group._write = lambda batch: (_ for _ in ()).throw(RuntimeError("disk still full"))  # type: ignore[method-assign]
        release.set()
        with pytest.raises(RuntimeError, match="disk full"):
            leader.result(5)
        for follower in followers:
            with pytest.raises((audit.AppendFailed, RuntimeError)) as raised:
                follower.result(5)
            cause = raised.value.__cause__ if isinstance(raised.value, audit.AppendFailed) else raised.value
            assert "disk still full" in str(cause)
    assert _actions(reader) == []
