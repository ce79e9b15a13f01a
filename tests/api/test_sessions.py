"""The route session (`get_session`): made and closed on the event loop, a half-done transaction rolled back off it.

The other API tests override `get_session` with a session joined to a test transaction; this one drives the real
dependency, on a database file of its own."""

from __future__ import annotations

import asyncio
import threading
from collections.abc import AsyncGenerator
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
from sqlalchemy import Engine, event, text
from sqlmodel import Session
from starlette.requests import Request

from api.db import make_engine
from api.deps import get_session


@pytest.fixture
def engine(tmp_path: Path) -> Any:
    engine = make_engine(f"sqlite:///{tmp_path / 'sessions.db'}")
    with engine.begin() as conn:
        conn.execute(text("CREATE TABLE note (body TEXT NOT NULL)"))
    yield engine
    engine.dispose()


def _request() -> Request:
    app = SimpleNamespace(state=SimpleNamespace(keyring="the key ring"))
    return Request({"type": "http", "app": app, "headers": []})


def _rollbacks(engine: Engine) -> list[int]:
    """The threads on which connections of `engine` were rolled back."""
    threads: list[int] = []
    event.listen(engine, "rollback", lambda _conn: threads.append(threading.get_ident()))
    return threads


def _notes(engine: Engine) -> list[str]:
    with engine.connect() as conn:
        return list(conn.execute(text("SELECT body FROM note")).scalars())


def test_a_committed_use_case_leaves_nothing_to_close(engine: Engine) -> None:
    rollbacks = _rollbacks(engine)

    async def route() -> None:
        sessions: AsyncGenerator[Session] = get_session(_request(), engine)  # type: ignore[assignment]
        session = await anext(sessions)
        assert session.info["kms"] == "the key ring"
        session.execute(text("INSERT INTO note VALUES ('kept')"))
        session.commit()
        assert not session.in_transaction()
        with pytest.raises(StopAsyncIteration):
            await anext(sessions)

    asyncio.run(route())
    assert rollbacks == []  # committed: closing had nothing to roll back
    assert engine.pool.checkedout() == 0  # type: ignore[attr-defined]
    assert _notes(engine) == ["kept"]


def test_a_failed_use_case_is_rolled_back_off_the_event_loop(engine: Engine) -> None:
    rollbacks = _rollbacks(engine)
    loop_thread: list[int] = []

    async def route() -> None:
        loop_thread.append(threading.get_ident())
        sessions: AsyncGenerator[Session] = get_session(_request(), engine)  # type: ignore[assignment]
        session = await anext(sessions)
        session.execute(text("INSERT INTO note VALUES ('half-done')"))
        assert session.in_transaction()
        with pytest.raises(RuntimeError):
            await sessions.athrow(RuntimeError("the route failed"))

    asyncio.run(route())
    assert len(rollbacks) == 1, "the half-done transaction was not rolled back"
    assert rollbacks[0] != loop_thread[0], "the rollback ran on the event loop"
    assert engine.pool.checkedout() == 0  # type: ignore[attr-defined]
    assert _notes(engine) == []
