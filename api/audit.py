"""Writing and verifying the audit trail (R109, SPEC §6).

An event is added in the session of the change it records and committed with it. Its hash chains it to the
previous event: `hash = sha256(prev_hash ‖ canonical JSON of the event)`. Two writers must never read the same
head: on SQLite a write transaction starts with BEGIN IMMEDIATE (one writer at a time); on PostgreSQL the writer
takes a transaction-scoped advisory lock before reading the head, so several workers keep one chain. The lock is
held until the commit; `record_and_commit`, which use cases end with, sends the lock, the append and the commit to
the server in one pipeline, so that the lock is never held while the client is busy elsewhere.

Verification walks the chain in seq order, in keyset batches of raw column values (no ORM objects), and recomputes
every hash: an edited row no longer gives its hash (`hash_mismatch`); a deleted or inserted row leaves the next
event's `prev_hash` pointing elsewhere (`broken_link`). Gaps in `seq` alone prove nothing (a rolled-back insert
consumes a sequence value on PostgreSQL); only the hashes do. A truncated tail is invisible to the chain itself:
compare the head hash a report gives with a copy kept elsewhere.

Events carry ids, rule codes and hashes only. Never a plaintext secret, never an identity, never a token.
"""

from __future__ import annotations

import functools
import hashlib
import json
import threading
import uuid
import weakref
from collections.abc import Iterable, Mapping
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from datetime import UTC, datetime
from operator import itemgetter
from time import perf_counter
from types import SimpleNamespace
from typing import Any, cast

import psycopg
from sqlalchemy import Connection, Engine, and_, bindparam, func, insert, or_, select, text, true
from sqlalchemy.exc import DBAPIError
from sqlmodel import Session

from api.db import WRITE
from models.audit import AuditEvent, ChainBreak, ChainReport, Outcome
from models.concertation import Concertation
from policies.access import Actor

GENESIS = "0" * 64
#: Arbitrary constant naming the audit chain's advisory lock on PostgreSQL.
_CHAIN_LOCK = 458_0001
_CHAIN_LOCK_STATEMENT = text("SELECT pg_advisory_xact_lock(:k)").bindparams(k=_CHAIN_LOCK)

#: `json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False)`, with the encoder built once.
_encode = json.JSONEncoder(sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode
#: The JSON string literal of a str, as that encoder writes it (`ensure_ascii=False`).
_quote = json.encoder.encode_basestring


def _document(
    event_id: str,
    occurred_at: str,
    actor_issuer: str,
    actor_subject: str,
    action: str,
    outcome: str,
    object_type: str,
    object_id: str | None,
    concertation_id: str | None,
    codes_json: str,
    details_json: str,
) -> str:
    """`_encode` of the event's document, written out for speed: the keys in sorted order, each string escaped by
    json's own encoder, `codes` and `details` already encoded. The pinned-hash tests hold it to `json.dumps`."""
    q = _quote
    return (
        f'{{"action":{q(action)},"actor_issuer":{q(actor_issuer)},"actor_subject":{q(actor_subject)},'
        f'"codes":{codes_json},"concertation_id":{"null" if concertation_id is None else q(concertation_id)},'
        f'"details":{details_json},"id":{q(event_id)},"object_id":{"null" if object_id is None else q(object_id)},'
        f'"object_type":{q(object_type)},"occurred_at":{q(occurred_at)},"outcome":{q(outcome)}}}'
    )


def canonical(event: AuditEvent) -> bytes:
    """The bytes the hash covers: every field but the hashes, in a fixed order and form."""
    return _document(
        str(event.id),
        event.occurred_at.isoformat(),
        event.actor_issuer,
        event.actor_subject,
        event.action,
        event.outcome,
        event.object_type,
        event.object_id,
        str(event.concertation_id) if event.concertation_id else None,
        _encode(list(event.codes)),
        _encode(event.details),
    ).encode()


def chain_hash(prev_hash: str, event: AuditEvent) -> str:
    return hashlib.sha256(prev_hash.encode() + canonical(event)).hexdigest()


@dataclass(frozen=True, slots=True)
class Recorded:
    """An event as `record` appended it."""

    seq: int
    id: uuid.UUID
    occurred_at: datetime
    prev_hash: str
    hash: str


_EVENTS = AuditEvent.__table__  # type: ignore[attr-defined]  # SQLModel declares it on table classes
# Core statements on the table, built once: every request runs some of them, and an ORM select of the same costs
# its compile state on each execution.
_INSERT = insert(_EVENTS).returning(_EVENTS.c.seq)
_HEAD = select(_EVENTS.c.hash).order_by(_EVENTS.c.seq.desc()).limit(1)


def _event(
    actor: Actor,
    action: str,
    outcome: Outcome,
    now: datetime,
    object_type: str,
    object_id: uuid.UUID | str | None,
    concertation_id: uuid.UUID | None,
    codes: Iterable[str],
    details: Mapping[str, Any] | None,
) -> dict[str, Any]:
    """An event's columns but its hashes."""
    return {
        "id": uuid.uuid4(),
        # Stored as UTC and read back as UTC: hash the instant in the form verification will see.
        "occurred_at": now.astimezone(UTC) if now.tzinfo is not None else now,
        "actor_issuer": actor.issuer,
        "actor_subject": actor.subject,
        "action": action,
        "outcome": outcome.value,
        "object_type": object_type,
        "object_id": str(object_id) if object_id is not None else None,
        "concertation_id": concertation_id,
        "codes": sorted(set(codes)),
        "details": dict(details or {}),
    }


def record(
    session: Session,
    actor: Actor,
    action: str,
    outcome: Outcome,
    *,
    now: datetime,
    object_type: str,
    object_id: uuid.UUID | str | None = None,
    concertation_id: uuid.UUID | None = None,
    codes: Iterable[str] = (),
    details: Mapping[str, Any] | None = None,
) -> Recorded:
    """Append one event to the chain, in the caller's transaction (the caller commits). A plain INSERT of the row,
    not an ORM object: every request records an event, and the unit of work's flush cost more than the hashing.
    A use case that commits right after should call `record_and_commit`."""
    return _append(
        session, _event(actor, action, outcome, now, object_type, object_id, concertation_id, codes, details)
    )


def _append(session: Session, event: dict[str, Any]) -> Recorded:
    if session.get_bind().dialect.name == "postgresql":
        session.execute(_CHAIN_LOCK_STATEMENT)
    event["prev_hash"] = session.execute(_HEAD).scalar() or GENESIS
    event["hash"] = chain_hash(event["prev_hash"], cast(AuditEvent, SimpleNamespace(**event)))
    seq = session.execute(_INSERT, event).scalar_one()
    return Recorded(seq, event["id"], event["occurred_at"], event["prev_hash"], event["hash"])


#: PostgreSQL: the append as one statement that reads the head and hashes on the server. Sent right after the lock
#: in the same pipeline, it runs once the lock is granted, with a snapshot taken then (READ COMMITTED): it sees the
#: event of the transaction that held the lock before.
_PG_APPEND = """
INSERT INTO audit_event (id, occurred_at, actor_issuer, actor_subject, action, outcome, object_type, object_id,
                         concertation_id, codes, details, prev_hash, hash)
SELECT %(id)s::uuid, %(occurred_at)s::timestamptz, %(actor_issuer)s::text, %(actor_subject)s::text,
       %(action)s::text, %(outcome)s::text, %(object_type)s::text, %(object_id)s::text, %(concertation_id)s::uuid,
       %(codes)s::json, %(details)s::json, head.prev,
       encode(sha256(convert_to(head.prev, 'UTF8') || %(document)s::bytea), 'hex')
FROM (SELECT coalesce((SELECT hash FROM audit_event ORDER BY seq DESC LIMIT 1), %(genesis)s::text) AS prev) AS head
RETURNING seq, prev_hash, hash
"""


def record_and_commit(
    session: Session,
    actor: Actor,
    action: str,
    outcome: Outcome,
    *,
    now: datetime,
    object_type: str,
    object_id: uuid.UUID | str | None = None,
    concertation_id: uuid.UUID | None = None,
    codes: Iterable[str] = (),
    details: Mapping[str, Any] | None = None,
) -> Recorded:
    """Append one event to the chain as the last act of the caller's transaction, and commit it.

    On PostgreSQL every transaction that records an event takes turns on the chain's lock from the head it reads to
    its commit. Taken by `record`, the lock is held over three round trips, between which this process must be
    scheduled and get the GIL back — under load most of the time the lock is held is spent waiting for the client.
    Here the session's changes are flushed first, then the lock, the append (head read and hash on the server, see
    `_PG_APPEND`) and the COMMIT go to the server in one pipeline: the lock is held only while the server appends
    and commits. Elsewhere (SQLite: one writer at a time anyway), and inside a savepoint (a transaction the session
    joined: only the session's own may be committed here), it is `record`, then commit."""
    event = _event(actor, action, outcome, now, object_type, object_id, concertation_id, codes, details)
    if session.get_bind().dialect.name != "postgresql" or session.connection().in_nested_transaction():
        recorded = _append(session, event)
        session.commit()
        return recorded
    codes_json, details_json = _encode(event["codes"]), _encode(event["details"])
    document = canonical(cast(AuditEvent, SimpleNamespace(**event)))  # the bytes `chain_hash` would hash
    params = {**event, "codes": codes_json, "details": details_json, "document": document, "genesis": GENESIS}
    session.flush()
    driver = cast(psycopg.Connection[Any], session.connection().connection.driver_connection)
    try:
        with driver.cursor() as lock, driver.cursor() as append:
            with driver.pipeline():
                lock.execute("SELECT pg_advisory_xact_lock(%s)", (_CHAIN_LOCK,))
                append.execute(_PG_APPEND, params)
                driver.commit()
            seq, prev_hash, digest = cast(tuple[int, str, str], append.fetchone())
    except psycopg.Error as exc:  # nothing was committed; raised as SQLAlchemy would have (DataError, …)
        raise DBAPIError.instance(_PG_APPEND, None, exc, psycopg.Error) from exc
    session.commit()  # the server has committed: this ends the session's transaction (psycopg sends nothing)
    return Recorded(seq, event["id"], event["occurred_at"], prev_hash, digest)


#: The actions that only read: their success changes nothing a reader could see.
READS = frozenset(
    {
        "minutes.read",
        "participant.read",
        "participant.read_flags",
        "person_concerned.read_identity",
        "prosecution_request.disclosure",
    }
)


def head_seq(session: Session, *, locks_only: bool = False) -> int:
    """The seq of the last event the session's transaction sees (0 when the trail is empty).

    `locks_only`: the transaction will write nothing but row locks (an audited read's FOR SHARE). On PostgreSQL a
    row lock gives the transaction an id, and its commit then waits for the WAL to reach the disk like any write's —
    an fsync per read, measured under wrk as a fifth of a reading request's time. Such a commit need not be durable
    (a crash before the flush loses only locks that the crash releases anyway), so the same statement turns
    `synchronous_commit` off for this transaction alone; the read's audit event is still committed durably, in the
    appender's transaction."""
    if locks_only and session.get_bind().dialect.name == "postgresql":
        return int(session.execute(_HEAD_SEQ_LOCKS_ONLY).scalar_one())
    return int(session.execute(_HEAD_SEQ).scalar_one())


def changed_since(session: Session, seq: int) -> bool:
    """Whether a change succeeded after event `seq`: an event past it that is neither a read nor a refusal. Every
    change of the service is recorded in the transaction that makes it, so none means the data are as they were."""
    return session.execute(_CHANGED_AFTER, {"after": seq}).first() is not None


_HEAD_SEQ = select(func.coalesce(func.max(_EVENTS.c.seq), 0))
_HEAD_SEQ_LOCKS_ONLY = select(
    func.coalesce(func.max(_EVENTS.c.seq), 0), func.set_config("synchronous_commit", "off", True)
)
#: A change after event `after`: a success that is not a read.
_A_CHANGE_AFTER = and_(
    _EVENTS.c.seq > bindparam("after"), _EVENTS.c.outcome == Outcome.SUCCESS.value, _EVENTS.c.action.not_in(READS)
)
_CHANGED_AFTER = select(_EVENTS.c.seq).where(_A_CHANGE_AFTER).limit(1)
#: The head's hash and the seq of the last change after event `after` (None: no change since), in one statement.
_HEAD_AND_LAST_CHANGE = select(
    _HEAD.scalar_subquery(), select(func.max(_EVENTS.c.seq)).where(_A_CHANGE_AFTER).scalar_subquery()
)


# ------------------------------------------------------------------------------------------------ group commit


class AppendFailed(Exception):
    """The batch this event was in could not be committed: the cause is the database's error (a retry may work)."""


@dataclass(frozen=True, slots=True)
class Change:
    """A change decided outside the write lock, to be group-committed with its success event (`record_success`).

    `statements` are Core statements with their parameters, run in order inside the batch's transaction, before the
    event. `concertation_id` and `tolerated` say what the decision still needs: it was made on what the trail showed
    up to `as_of`, and stands if no change has succeeded since on that concertation (its id, or None: one outside
    every concertation — a basis, a client, the key ring), other than the `tolerated` actions (those that cannot undo
    it: another minutes entry does not change whether this one may be written). `independent`: the decision rests
    on nothing a later change could undo, and is written whatever happened meanwhile (a new concertation: its basis
    was read outside the lock by design, see `concertations.create`). `lock`: on PostgreSQL, the concertation row is
    locked FOR NO KEY UPDATE in the batch before the chain, as the locked path locks it, so that a writer that took
    it first (a finalisation reading the entries) commits before the batch writes, and its event is seen."""

    statements: tuple[tuple[Any, Any], ...]
    concertation_id: uuid.UUID | None = None
    tolerated: frozenset[str] = frozenset()
    independent: bool = False
    lock: bool = False


@dataclass(eq=False, slots=True)
class _Pending:
    event: dict[str, Any]
    as_of: int
    change: Change | None = None  # None: a read, which changes nothing
    done: bool = False
    recorded: Recorded | None = None  # None once done: a change succeeded since `as_of`
    error: BaseException | None = None


class GroupAppender:
    """Group commit of the events that are a transaction of their own: the audited reads (R109).

    Every audited read writes its event, and each event alone costs a write transaction: the chain's lock (SQLite:
    the database's single writer; PostgreSQL: the advisory lock) and a durable commit (an fsync). Concurrent reads
    of one process would take turns on that lock, one commit each. Here the first of them to arrive leads: it
    takes every event queued so far, writes them in one transaction, in the order they came, and commits once; the
    others wait until their event is durable, then answer. Events that arrive meanwhile form the next batch, led
    by the first of them. No thread of its own: the leader is a request thread that would have waited anyway.

    Each event carries the head of the trail its read saw (`as_of`): inside the batch's transaction, an event after
    which a change has succeeded is not written (its read may have seen data that no longer hold) and its reader
    reads again inside a write transaction of its own (`audited_read`). The chain stays one chain: the batch's
    events chain to each other from the head read under the lock, as consecutive single appends would.

    Writes join the same batches (`record_success`): a use case that decided and sealed outside the write lock hands
    over its statements and its event (`Change`); in the batch, in the order they came, each is checked against the
    changes that succeeded since its decision — those of earlier batches and of the same batch, which its own
    transaction sees — and written, or skipped (its request decides again under the lock). Many writes then share
    one lock, one transaction and one durable commit, and the lock is held only while the batch writes: on SQLite a
    request that held the single writer's lock from its first statement to its commit, sharing the GIL with every
    other request thread of its process all the while, made the writers of both processes queue behind it."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self._cond = threading.Condition()
        self._queue: list[_Pending] = []
        self._busy = False
        #: Batches written and events in them (for tests and the benchmark's notes).
        self.batches = 0
        self.events = 0

    def append(self, event: dict[str, Any], as_of: int, change: Change | None = None) -> Recorded | None:
        """Write `event` (and `change`) unless a change it depends on succeeded after event `as_of`; once durable,
        what was appended (or None: nothing was written)."""
        item = _Pending(event, as_of, change)
        with self._cond:
            self._queue.append(item)
            while self._busy and not item.done:
                self._cond.wait()
            if not item.done:  # nobody is writing: lead, with every event queued so far (this one included)
                self._busy = True
                batch, self._queue = self._queue, []
        if not item.done:
            try:
                self._write(batch)
            except BaseException as exc:
                for pending in batch:
                    pending.recorded, pending.error = None, exc
            finally:
                with self._cond:
                    for pending in batch:
                        pending.done = True
                    self._busy = False
                    self._cond.notify_all()
            if item.error is not None:
                raise item.error
        elif item.error is not None:
            raise AppendFailed() from item.error  # the leader raises the original; each follower its own
        return item.recorded

    def _write(self, batch: list[_Pending]) -> None:
        with self.engine.connect() as conn:
            conn.execution_options(**{WRITE: True})  # SQLite: BEGIN IMMEDIATE, in the writers' queue
            with conn.begin():
                if conn.dialect.name == "postgresql":
                    # The locked path's order: the concertation rows (here all of them, in one order), then the chain.
                    locks = {c.concertation_id for p in batch if (c := p.change) and c.lock and c.concertation_id}
                    if locks:
                        conn.execute(_LOCK_CONCERTATIONS, {"ids": sorted(locks)}).all()
                    conn.execute(_CHAIN_LOCK_STATEMENT)
                reads = [p.as_of for p in batch if p.change is None]
                last_change, wrote = None, False
                if reads:  # the head, and the last change since the earliest read: one statement for every read
                    head, last_change = conn.execute(_HEAD_AND_LAST_CHANGE, {"after": min(reads)}).one()
                else:
                    head = conn.execute(_HEAD).scalar()
                head = head or GENESIS
                written: list[tuple[_Pending, int]] = []
                for pending in batch:
                    change = pending.change
                    if change is None:
                        # A write earlier in the batch is a change after every read's head.
                        stale = wrote or (last_change is not None and last_change > pending.as_of)
                    elif change.independent:
                        stale = False
                    else:
                        params = {"after": pending.as_of, "concertation": change.concertation_id}
                        stale = conn.execute(_changed_for(change.tolerated), params).first() is not None
                    if stale:
                        continue
                    if change is not None:
                        for statement, params in change.statements:
                            conn.execute(statement, params)
                        wrote = True
                    event = pending.event
                    event["prev_hash"] = head
                    event["hash"] = head = chain_hash(head, cast(AuditEvent, SimpleNamespace(**event)))
                    written.append((pending, conn.execute(_INSERT, event).scalar_one()))
            for pending, seq in written:  # committed: now, and only now, they are recorded
                e = pending.event
                pending.recorded = Recorded(seq, e["id"], e["occurred_at"], e["prev_hash"], e["hash"])
        self.batches += 1
        self.events += len(batch)


_CONCERTATIONS = Concertation.__table__  # type: ignore[attr-defined]  # SQLModel declares it on table classes
#: FOR NO KEY UPDATE, as `concertations.load` locks a concertation in a write transaction; one statement for the
#: batch, the rows locked in id order (PostgreSQL locks the rows as the sort hands them over).
_LOCK_CONCERTATIONS = (
    select(_CONCERTATIONS.c.id)
    .where(_CONCERTATIONS.c.id.in_(bindparam("ids", expanding=True)))
    .order_by(_CONCERTATIONS.c.id)
    .with_for_update(key_share=True)
)


@functools.cache
def _changed_for(tolerated: frozenset[str]) -> Any:
    """Whether a change other than `tolerated` succeeded after event `after` on concertation `concertation`, or
    outside every concertation (built once per set of tolerated actions)."""
    return _CHANGED_AFTER.where(_EVENTS.c.action.not_in(sorted(tolerated)) if tolerated else true()).where(
        or_(_EVENTS.c.concertation_id == bindparam("concertation"), _EVENTS.c.concertation_id.is_(None))
    )


_APPENDERS: weakref.WeakKeyDictionary[Engine, GroupAppender] = weakref.WeakKeyDictionary()
_APPENDERS_LOCK = threading.Lock()


def appender(engine: Engine) -> GroupAppender:
    """The group appender of `engine` in this process."""
    with _APPENDERS_LOCK:
        found = _APPENDERS.get(engine)
        if found is None:
            found = _APPENDERS[engine] = GroupAppender(engine)
        return found


def record_success(
    engine: Engine,
    actor: Actor,
    action: str,
    as_of: int,
    change: Change | None = None,
    *,
    now: datetime,
    object_type: str,
    object_id: uuid.UUID | str | None = None,
    concertation_id: uuid.UUID | None = None,
    codes: Iterable[str] = (),
    details: Mapping[str, Any] | None = None,
) -> Recorded | None:
    """The success event of a use case decided on the trail up to event `as_of` — a read (no `change`), or a change
    decided outside the write lock, written with it — group-committed (`GroupAppender`). None when a change it
    depends on succeeded since: nothing was written; read again, or decide again, in a write transaction."""
    event = _event(actor, action, Outcome.SUCCESS, now, object_type, object_id, concertation_id, codes, details)
    return appender(engine).append(event, as_of, change)


# ------------------------------------------------------------------------------------------------ verification

_COLUMNS = (
    "seq, id, occurred_at, actor_issuer, actor_subject, action, outcome, object_type, object_id, concertation_id, "
    "codes, details, prev_hash, hash"
)
#: On PostgreSQL the server renders uuids, instants (in UTC) and JSON as text: cheaper than building UUID, datetime
#: and parsed JSON objects in the driver, and the same values (a `json` column keeps the text it was given).
_PG_COLUMNS = (
    "seq, id::text, to_char(occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS.US'), actor_issuer, "
    "actor_subject, action, outcome, object_type, object_id, concertation_id::text, codes::text, details::text, "
    "prev_hash, hash"
)


_by_seq = itemgetter(0)


def _page_query(dialect: str) -> str:
    """The events with `after < seq ≤ upto`, in the driver's own parameter style (verification reads through the
    DB-API cursor). A seq range rather than `ORDER BY seq LIMIT n`: each page touches its own rows only, whatever
    plan the statistics of a freshly filled table lead to, and the rows are put in order in memory."""
    if dialect == "postgresql":
        return f"SELECT {_PG_COLUMNS} FROM audit_event WHERE seq > %(after)s AND seq <= %(upto)s"  # noqa: S608
    return f"SELECT {_COLUMNS} FROM audit_event WHERE seq > :after AND seq <= :upto"  # noqa: S608


def _uuid_text(value: Any) -> str:
    """`str(uuid)` of a driver value: PostgreSQL's text form, the 32 hex digits SQLAlchemy stores on SQLite, or a
    UUID. A value no ORM would have written comes out as it is, and so fails its hash."""
    if value.__class__ is str:
        if len(value) == 36:
            return str(value)
        if len(value) == 32:
            return f"{value[:8]}-{value[8:12]}-{value[12:16]}-{value[16:20]}-{value[20:]}"
        try:
            return str(uuid.UUID(value))
        except ValueError:
            return str(value)
    return str(value)


def _instant_text(value: Any) -> str:
    """`isoformat()` of the UTC instant a driver value holds: SQLite's naive UTC text (SQLAlchemy writes it with six
    fraction digits; the fast path skips `datetime`), the text `_PG_COLUMNS` renders, or a datetime."""
    if value.__class__ is str:
        if len(value) == 26 and value[10] == " " and value[19] == ".":
            fraction = value[20:]
            return f"{value[:10]}T{value[11:19]}{'' if fraction == '000000' else '.' + fraction}+00:00"
        try:
            value = datetime.fromisoformat(value)
        except ValueError:
            return str(value)
    instant: datetime = value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)
    return instant.isoformat()


class _CanonicalJson:
    """A JSON column's stored text → its canonical encoding, memoised: events share a handful of codes and details."""

    def __init__(self, limit: int = 4096) -> None:
        self.seen: dict[str, str] = {}
        self.limit = limit

    def __call__(self, value: Any) -> str:
        if value.__class__ is not str:
            return _encode(value)  # a driver that parses JSON itself
        encoded = self.seen.get(value)
        if encoded is None:
            if len(self.seen) >= self.limit:
                self.seen.clear()
            try:
                encoded = _encode(json.loads(value))
            except ValueError:
                encoded = value  # not JSON: cannot match the hash, which is the finding
            self.seen[value] = encoded
        return encoded


class _Walk:
    """The state of one verification: the hash the next event must chain to, and where it stopped."""

    def __init__(self) -> None:
        self.expected = GENESIS
        self.checked = 0
        self.last_seq: int | None = None
        self.broken: tuple[int, Any, ChainBreak] | None = None
        self.canonical_json = _CanonicalJson()

    def check(self, rows: list[Any]) -> None:
        """Check a page of rows in seq order; stop at the first broken link. The hot loop: locals only."""
        sha256, document, uuid_text, instant_text = hashlib.sha256, _document, _uuid_text, _instant_text
        canonical_json = self.canonical_json
        expected, checked, last_seq = self.expected, self.checked, self.last_seq
        for seq, event_id, at, issuer, subject, action, outcome, otype, oid, cid, codes, details, prev, digest in rows:
            checked += 1
            if prev != expected:
                self.broken = (seq, event_id, ChainBreak.BROKEN_LINK)
                break
            doc = document(
                uuid_text(event_id),
                instant_text(at),
                issuer,
                subject,
                action,
                outcome,
                otype,
                oid,
                None if cid is None else uuid_text(cid),
                canonical_json(codes),
                canonical_json(details),
            )
            if sha256((prev + doc).encode()).hexdigest() != digest:
                self.broken = (seq, event_id, ChainBreak.HASH_MISMATCH)
                break
            expected = digest
            last_seq = seq
        self.expected, self.checked, self.last_seq = expected, checked, last_seq


def verify_chain(bind: Connection | Session, *, batch: int = 10_000) -> ChainReport:
    """Recompute the chain from its first event to the head seen when verification begins; stop at the first
    broken link. Reads pages of at most `batch` consecutive seq values, so memory stays flat however long the chain
    is; events appended meanwhile wait for the next verification.

    Raw column values come straight from the DB-API cursor of the caller's connection (in its transaction): no ORM
    objects, no SQLAlchemy rows, nothing parsed twice — a few µs per event, most of it fetching and hashing.
    """
    started = perf_counter()
    connection = bind.connection() if isinstance(bind, Session) else bind
    # Also begins the transaction (SQLite: one snapshot for the whole walk). Every seq ≤ head that will ever be
    # committed already is: a writer holds the chain's lock from its nextval to its commit.
    low, head = connection.execute(text("SELECT min(seq), max(seq) FROM audit_event")).one()
    next_seq = text("SELECT min(seq) FROM audit_event WHERE seq > :after")
    page = _page_query(connection.dialect.name)
    walk = _Walk()
    cursor = connection.connection.cursor()

    def fetch(after: int, upto: int) -> list[Any]:
        cursor.execute(page, {"after": after, "upto": upto})
        return sorted(cursor.fetchall(), key=_by_seq)

    # On PostgreSQL the next page is asked for while this one is hashed: the server selects and renders it in its own
    # process, and the driver waits for it without the GIL. SQLite runs in this process: it would only take turns.
    ahead = (
        ThreadPoolExecutor(1, thread_name_prefix="audit-verify") if connection.dialect.name == "postgresql" else None
    )
    pending: Future[list[Any]] | None = None
    try:
        after = None if low is None else int(low) - 1
        while after is not None and after < head and walk.broken is None:
            upto = min(after + batch, head)
            rows = pending.result() if pending is not None else fetch(after, upto)
            pending = None
            if rows:
                after = upto
                if ahead is not None and after < head:
                    pending = ahead.submit(fetch, after, min(after + batch, head))
                walk.check(rows)
            else:  # a gap wider than a page (rolled-back inserts, or a row forged far ahead): jump it
                following = connection.execute(next_seq, {"after": after}).scalar()
                after = None if following is None else int(following) - 1
    finally:
        if ahead is not None:
            ahead.shutdown(wait=True)  # a page still being fetched is let finish: the cursor is closed after it
        cursor.close()
    broken = walk.broken
    first_broken_id: uuid.UUID | None = None
    if broken is not None:
        try:
            first_broken_id = uuid.UUID(str(broken[1]))
        except ValueError:
            first_broken_id = None  # the id itself was forged into something that is not a uuid
    return ChainReport(
        ok=broken is None,
        events_checked=walk.checked,
        last_good_seq=walk.last_seq,
        last_good_hash=walk.expected if walk.last_seq is not None else None,
        first_broken_seq=broken[0] if broken else None,
        first_broken_id=first_broken_id,
        reason=broken[2] if broken else None,
        elapsed_seconds=perf_counter() - started,
    )
