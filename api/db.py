"""Database engines and transactions.

SQLite (the embedded default) runs in WAL mode with `synchronous=FULL`, and write transactions start with
`BEGIN IMMEDIATE` so that two writers never both read the audit chain's head and then collide at commit. pysqlite's
own transaction handling is switched off (SQLAlchemy's documented recipe) so that SQLAlchemy emits BEGIN itself.
PostgreSQL keeps its durable defaults; serialisation failures and deadlocks are retried by the caller.
"""

from __future__ import annotations

import fcntl
import os
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from pydantic_core import from_json
from sqlalchemy import Engine, Table, create_engine, event, insert
from sqlalchemy.engine import make_url
from sqlalchemy.pool import NullPool
from sqlmodel import Session, SQLModel

#: Execution option a write transaction sets on its connection before it begins.
WRITE = "concertation_write"


def is_sqlite(url: str) -> bool:
    return make_url(url).get_backend_name() == "sqlite"


def make_engine(url: str, **kwargs: Any) -> Engine:
    # JSON columns are parsed by pydantic's JSON parser: the same values as `json.loads`, in a single C call instead of
    # three Python frames — a page of fifty minutes entries has 150 JSON columns.
    kwargs.setdefault("json_deserializer", from_json)
    if is_sqlite(url):
        database = make_url(url).database
        if database and database != ":memory:":
            Path(database).parent.mkdir(parents=True, exist_ok=True)
        # As many pooled connections as the thread pool has threads (anyio's default: 40): with SQLAlchemy's default
        # (5, and 10 more made and closed again on demand) a loaded worker kept opening connections and running
        # their PRAGMAs (about 2 % of py-spy's samples reading minutes under wrk). A connection is a file handle.
        if database and database != ":memory:" and "poolclass" not in kwargs:
            kwargs.setdefault("pool_size", 40)
            kwargs.setdefault("max_overflow", 10)
        engine = create_engine(url, connect_args={"check_same_thread": False, "timeout": 30}, **kwargs)
        _sqlite_recipe(engine)
        return engine
    # Twenty kept connections: a loaded worker runs up to 16 requests at once, each holding one for its transaction,
    # besides the group appender's. With SQLAlchemy's 5 + 10 (or 10 + 10) the connections past the pool's size were
    # closed on return and opened again by the next request — under wrk reading the minutes, 20 new PostgreSQL
    # sessions a second (`pg_stat_database.sessions`), each a fork, an authentication and cold catalog caches. Five
    # more on demand; two workers stay well inside PostgreSQL's default 100 connections.
    kwargs.setdefault("pool_size", 20)
    kwargs.setdefault("max_overflow", 5)
    kwargs.setdefault("pool_pre_ping", True)
    if kwargs.get("poolclass") is NullPool:
        kwargs.pop("pool_size")
        kwargs.pop("max_overflow")
    return create_engine(url, **kwargs)


def _sqlite_recipe(engine: Engine) -> None:
    @event.listens_for(engine, "connect")
    def _connect(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.isolation_level = None  # let SQLAlchemy emit BEGIN
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA busy_timeout=30000")
        # WAL is a property of the file: switching needs a lock another process may hold, so only switch once.
        if cursor.execute("PRAGMA journal_mode").fetchone()[0].lower() != "wal":
            cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=FULL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.close()

    # Writers queue before BEGIN IMMEDIATE and are handed the database as soon as the previous one ends: first on a
    # lock of this process, in the order they come, then — one per process — on an advisory lock of the database's
    # own lock file, which the kernel hands over the moment it is released. Without them every waiter polls SQLite's
    # lock with the busy handler's growing sleeps (up to 100 ms each): a writer of one process waits seconds while
    # the writers of the other pass the lock among themselves. SQLite's own lock still decides; the queues only
    # order the contenders (a timeout on this process's queue falls back to SQLite's wait). The file lock has no
    # timeout: whoever holds it is about to hold, or holds, SQLite's write lock as well, and a process that dies
    # releases it with its descriptors.
    queue = threading.Lock()
    turns = _FileTurns(_lock_path(engine.url.database))

    @event.listens_for(engine, "begin")
    def _begin(conn: Any) -> None:
        if not conn.get_execution_options().get(WRITE):
            conn.exec_driver_sql("BEGIN")
            return
        if queue.acquire(timeout=_QUEUE_TIMEOUT):
            turns.take()
            conn.info[_QUEUED] = (queue, turns)
        try:
            conn.exec_driver_sql("BEGIN IMMEDIATE")
        except BaseException:
            _leave_queue(conn)
            raise

    event.listen(engine, "commit", _leave_queue)
    event.listen(engine, "rollback", _leave_queue)

    @event.listens_for(engine, "checkin")
    def _checkin(_dbapi_connection: Any, record: Any) -> None:
        held = record.info.pop(_QUEUED, None)  # a transaction that ended without commit or rollback
        if held is not None:
            _release(held)


_QUEUED = "concertation_write_queue"
_QUEUE_TIMEOUT = 30.0


def _lock_path(database: str | None) -> Path | None:
    """The file whose advisory lock orders the writers of every process: beside the database file."""
    if not database or database == ":memory:" or database.startswith("file:"):
        return None
    return Path(database).with_name(Path(database).name + "-writers")


class _FileTurns:
    """An exclusive `flock` on a file, taken by at most one thread of this process at a time (the holder of the
    process's queue). The file is opened lazily, once per process (never inherited across a fork). Without a file
    (in-memory database, unwritable directory) it does nothing: SQLite's busy wait remains."""

    def __init__(self, path: Path | None) -> None:
        self.path = path
        self.fd: int | None = None
        self.pid = 0
        self.held = False

    def take(self) -> None:
        if self.path is None:
            return
        if self.fd is None or self.pid != os.getpid():
            try:
                self.fd = os.open(self.path, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o600)
            except OSError:
                self.path = None
                return
            self.pid = os.getpid()
        fcntl.flock(self.fd, fcntl.LOCK_EX)
        self.held = True

    def give_back(self) -> None:
        if self.held and self.fd is not None:
            self.held = False
            fcntl.flock(self.fd, fcntl.LOCK_UN)


def _release(held: tuple[threading.Lock, _FileTurns]) -> None:
    queue, turns = held
    turns.give_back()
    queue.release()


def _leave_queue(conn: Any) -> None:
    held = conn.info.pop(_QUEUED, None)
    if held is not None:
        _release(held)


def begin_write(session: Session) -> None:
    """Mark the session's transaction as a write before it begins (SQLite: BEGIN IMMEDIATE)."""
    session.connection(execution_options={WRITE: True})


def insert_rows(session: Session, *rows: SQLModel) -> None:
    """INSERT new table objects as Core statements, one per table (the tables in the order of their first row, so
    that a row comes after the rows it refers to), bypassing the unit of work: for a hot path whose new rows are
    not changed again in the same transaction. The objects stay transient (not in the session); the column types
    convert their values exactly as a flush would. Measured on creating a concertation (py-spy, CPU samples under
    wrk): the flush of its three rows was 15 % of the service's CPU, these statements 7 %."""
    for statement, values in insert_statements(*rows):
        session.execute(statement, values)


def insert_statements(*rows: SQLModel) -> list[tuple[Any, list[dict[str, Any]]]]:
    """The statements of `insert_rows`, with their parameters, to be run later on some connection."""
    by_table: dict[Table, list[dict[str, Any]]] = {}
    for row in rows:
        table: Table = row.__table__  # type: ignore[attr-defined]  # SQLModel declares it on table classes
        by_table.setdefault(table, []).append({c.key: getattr(row, c.key) for c in table.columns})
    return [(insert(table), values) for table, values in by_table.items()]


def session_scope(engine: Engine) -> Iterator[Session]:
    with Session(engine, expire_on_commit=False) as session:
        yield session
