"""SQLite's writers take turns through a lock file beside the database (api.db): the kernel hands the turn over the
moment it is released, instead of every waiter polling SQLite's lock with growing sleeps. SQLite's own lock still
decides; these tests show the turn is taken before BEGIN IMMEDIATE and given back at commit, rollback or check-in."""

from __future__ import annotations

import fcntl
import os
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine, text
from sqlmodel import Session

from api.db import _lock_path, begin_write, make_engine


@pytest.fixture
def engine(tmp_path: Path) -> Iterator[Engine]:
    e = make_engine(f"sqlite:///{tmp_path / 'w.db'}")
    with e.begin() as conn:
        conn.execute(text("CREATE TABLE t (x INTEGER)"))
    yield e
    e.dispose()


def _other_process_holds(path: Path) -> int:
    """The turn held through a descriptor of its own, as another worker process would hold it."""
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
    fcntl.flock(fd, fcntl.LOCK_EX)
    return fd


def _write(engine: Engine, done: threading.Event) -> None:
    with Session(engine) as session:
        begin_write(session)
        session.execute(text("INSERT INTO t VALUES (1)"))
        session.commit()
    done.set()


def test_a_writer_waits_for_the_turn_and_goes_the_moment_it_is_given_back(engine: Engine, tmp_path: Path) -> None:
    path = _lock_path(str(tmp_path / "w.db"))
    assert path == tmp_path / "w.db-writers"
    fd = _other_process_holds(path)
    done = threading.Event()
    writer = threading.Thread(target=_write, args=(engine, done))
    writer.start()
    try:
        assert not done.wait(0.3), "the writer began while another process had the turn"
    finally:
        released = time.monotonic()
        fcntl.flock(fd, fcntl.LOCK_UN)
        os.close(fd)
    assert done.wait(5)
    assert time.monotonic() - released < 1.0  # handed over, not polled for
    writer.join()


@pytest.mark.parametrize("end", ["commit", "rollback", "close"])
def test_the_turn_is_given_back_however_the_transaction_ends(engine: Engine, tmp_path: Path, end: str) -> None:
    with Session(engine) as session:
        begin_write(session)
        session.execute(text("INSERT INTO t VALUES (1)"))
        if end == "commit":
            session.commit()
        elif end == "rollback":
            session.rollback()
    # Whatever the end, another process can take the turn at once.
    lock = _lock_path(str(tmp_path / "w.db"))
    assert lock is not None
    fd = os.open(lock, os.O_RDWR)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    finally:
        os.close(fd)


def test_readers_never_take_the_turn(engine: Engine, tmp_path: Path) -> None:
    fd = _other_process_holds(tmp_path / "w.db-writers")
    try:
        with Session(engine) as session:
            assert session.execute(text("SELECT count(*) FROM t")).scalar_one() == 0
    finally:
        os.close(fd)


@pytest.mark.parametrize("database", [None, ":memory:", "file:x?mode=memory"])
def test_a_database_without_a_file_has_no_lock_file(database: str | None) -> None:
    assert _lock_path(database) is None
