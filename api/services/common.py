"""What every use case shares: opaque keyset cursors, and refusals that are audited before they are raised."""

from __future__ import annotations

import base64
import hashlib
import json
import uuid
from collections.abc import Callable, Iterable
from datetime import UTC, datetime
from typing import Any, NoReturn, TypeVar

from sqlalchemy import Engine, and_, or_
from sqlmodel import Session, SQLModel, col

from api import audit
from api.db import begin_write, insert_statements
from api.errors import DomainError, NotFound, PreconditionFailed, Unprocessable, refused
from api.services.retry_marker import committed_statement, mark_committed
from models.audit import Outcome
from models.concertation import CheckPublic
from policies import grounds
from policies.access import Actor
from policies.decision import Finding, Violation

MAX_LIMIT = 200

T = TypeVar("T")

#: A finding's message, and a legal ground's citation, in the reader's language.
Render = Callable[[Finding], str]
Cite = Callable[[str], str]


def principal_key(actor: Actor) -> str:
    """How a row names the person who acted: his (issuer, subject) pair."""
    return f"{actor.issuer}|{actor.subject}"


def check_public(f: Finding, render: Render, cite: Cite) -> CheckPublic:
    """A finding as the API shows it: its rule, code and status, the ground cited and the message rendered."""
    return CheckPublic(
        rule=f.rule, code=f.code, status=f.status, legal_ground=cite(f.legal_ground), message=render(f), field=f.field
    )


def _pack(value: Any) -> str:
    """An opaque cursor: base64url of the JSON of the position it names."""
    return base64.urlsafe_b64encode(json.dumps(value).encode()).decode().rstrip("=")


def _unpack(cursor: str) -> Any:
    """The JSON a `_pack` cursor holds; ValueError (or TypeError) on garbage, for the caller to answer 422."""
    return json.loads(base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)))


def encode_cursor(at: datetime, row_id: uuid.UUID) -> str:
    return _pack([at.isoformat(), str(row_id)])


def decode_cursor(cursor: str | None) -> tuple[datetime, uuid.UUID] | None:
    """The position a cursor names, or a 422 naming the cursor (never a 500 on garbage)."""
    if cursor is None:
        return None
    try:
        at, row_id = _unpack(cursor)
        if not isinstance(at, str) or not isinstance(row_id, str):
            raise TypeError("cursor members are strings")  # uuid.UUID(5) raises AttributeError, not a 500 here
        instant = datetime.fromisoformat(at)
        if instant.tzinfo is None:
            raise ValueError("naive cursor")
        return instant.astimezone(UTC), uuid.UUID(row_id)  # year 1 at +14:00 has no UTC: OverflowError
    except (ValueError, TypeError, OverflowError):
        raise Unprocessable(
            "invalid_cursor", violations=[Violation(None, "invalid_cursor", grounds.DESIGN, "cursor")]
        ) from None


def past(position: tuple[Any, Any], at: Any, row_id: Any, *, newest_first: bool = False) -> Any:
    """The keyset condition for the rows after `position` in (`at`, `row_id`) order (before it, newest first): an
    instant and an id, or the bound parameters a statement built once will be given."""
    when, last = position
    if newest_first:
        return or_(col(at) < when, and_(col(at) == when, col(row_id) < last))
    return or_(col(at) > when, and_(col(at) == when, col(row_id) > last))


def encode_position_cursor(position: int) -> str:
    """A cursor for lists kept in an order of their own (the agenda's positions)."""
    return _pack(["position", position])


def decode_position_cursor(cursor: str | None) -> int | None:
    """The position an `encode_position_cursor` cursor names, or a 422 naming the cursor."""
    if cursor is None:
        return None
    try:
        kind, position = _unpack(cursor)
        if kind != "position" or type(position) is not int or not 0 <= position < 2**31:
            raise ValueError("not a position cursor")
        return position
    except (ValueError, TypeError):
        raise Unprocessable(
            "invalid_cursor", violations=[Violation(None, "invalid_cursor", grounds.DESIGN, "cursor")]
        ) from None


def content_tag(public: SQLModel) -> str:
    """The ETag of a record that has no version counter: a digest of what the client reads of it. Such records
    change once (a consent withdrawn, a silence lifted, an attendance closed), so a state never comes back."""
    return hashlib.sha256(public.model_dump_json().encode()).hexdigest()[:32]


def check_tag(expected: str | None, current: str) -> None:
    """412 when the caller's If-Match names another state than the current one (None: no precondition)."""
    if expected is not None and expected != current:
        raise PreconditionFailed()


def refuse(
    session: Session,
    actor: Actor,
    action: str,
    violations: Iterable[Violation | Finding],
    *,
    now: datetime,
    object_type: str,
    object_id: uuid.UUID | None = None,
    concertation_id: uuid.UUID | None = None,
    status: int = 422,
    code: str | None = None,
    details: dict[str, Any] | None = None,
) -> NoReturn:
    """Audit a refusal in its own transaction (nothing of the refused change is kept), then raise it. A 403 is an
    access denial and is audited as such."""
    items = tuple(violations)
    audit_alone(
        session,
        actor,
        action,
        Outcome.DENIED if status == 403 else Outcome.REFUSED,
        now=now,
        object_type=object_type,
        object_id=object_id,
        concertation_id=concertation_id,
        codes=[i.code for i in items],
        details={"rules": sorted({i.rule for i in items if i.rule}), **(details or {})},
    )
    raise refused(items, status=status, code=code)


def not_found(
    session: Session,
    actor: Actor,
    action: str,
    *,
    now: datetime,
    object_type: str,
    object_id: uuid.UUID | None,
) -> DomainError:
    """A denial looks exactly like a miss to the caller (R27) but is audited (SPEC §4: every denial is audited)."""
    audit_alone(session, actor, action, Outcome.DENIED, now=now, object_type=object_type, object_id=object_id)
    return NotFound()


def not_here(
    session: Session,
    actor: Actor,
    action: str,
    model: type[SQLModel],
    object_id: uuid.UUID,
    *,
    now: datetime,
    object_type: str,
) -> DomainError:
    """An id the concertation at hand does not hold: a plain miss when nothing has it, an audited denial when it
    names another concertation's object (SPEC §4) — the caller gets the same 404 either way (R27)."""
    if session.get(model, object_id) is None:
        return NotFound()
    return not_found(session, actor, action, now=now, object_type=object_type, object_id=object_id)


def audit_payload_refusal(
    session: Session, actor: Actor, method: str, path: str, violations: Iterable[Violation], now: datetime
) -> None:
    """Audit a payload refused by a rule at validation time; the request names the object only by its path."""
    items = tuple(violations)
    audit_alone(
        session,
        actor,
        "request.refused",
        Outcome.REFUSED,
        now=now,
        object_type="request",
        codes=[i.code for i in items],
        details={"method": method, "path": path, "rules": sorted({i.rule for i in items if i.rule})},
    )


def succeed(session: Session, actor: Actor, action: str, **event: Any) -> None:
    """Close a use case: its success event joins the chain in the same transaction as the change, then commit.

    A request carrying an `Idempotency-Key` is marked committed in that same transaction (see `retry_marker`)."""
    mark_committed(session, action, event)
    audit.record_and_commit(session, actor, action, Outcome.SUCCESS, **event)


def grouped(session: Session) -> bool:
    """Whether the session's changes may be group-committed (`commit_change`): it is bound to an engine, not to a
    connection whose transaction someone else ends (a test's outer transaction)."""
    return isinstance(session.get_bind(), Engine)


def commit_change(
    session: Session,
    actor: Actor,
    action: str,
    as_of: int,
    rows: Iterable[SQLModel],
    statements: Iterable[tuple[Any, Any]] = (),
    *,
    tolerated: frozenset[str] = frozenset(),
    independent: bool = False,
    lock: bool = False,
    **event: Any,
) -> bool:
    """Close a use case decided in a read transaction that saw the trail up to event `as_of`: end the read, then
    write its new `rows`, its `statements` and its success event in a group commit (`audit.Change`, which says what
    `tolerated`, `independent` and `lock` mean; the guard is the event's concertation). False when a change it
    depends on succeeded meanwhile: nothing was written, decide again in a write transaction. The request's
    `Idempotency-Key` record is marked committed in the same transaction, as `succeed` does."""
    session.commit()  # nothing written: ends the read (SQLite: the snapshot; PostgreSQL: nothing held)
    planned = [*insert_statements(*rows), *statements]
    marked = committed_statement(action, event)
    if marked is not None:
        planned.append((marked, None))
    change = audit.Change(
        tuple(planned),
        concertation_id=event.get("concertation_id"),
        tolerated=tolerated,
        independent=independent,
        lock=lock,
    )
    bind = session.get_bind()
    assert isinstance(bind, Engine)  # noqa: S101 - callers ask `grouped` first
    if audit.record_success(bind, actor, action, as_of, change, **event) is not None:
        return True
    session.expunge_all()  # what the decision loaded is out of date: the next one loads afresh
    return False


def audited_read(session: Session, actor: Actor, action: str, read: Callable[[], tuple[T, dict[str, Any]]]) -> T:
    """Run a read that is audited (R109): `read()` decides, reads and decrypts, and gives back its result and the
    fields of its success event, which joins the chain before the result is returned.

    The read runs in a transaction that writes nothing — SQLite: a snapshot (a deferred transaction), so readers
    never wait for the single writer; PostgreSQL: the concertation locked FOR SHARE (`load(..., reading=True)`), so
    that a change of its scope or keys cannot re-seal its fields in the middle of the read. Its event is then
    group-committed with the events of the reads running beside it (`audit.GroupAppender`: one transaction and one
    durable commit for all of them), and written only if no change has succeeded since the read began (only reads
    and refusals were recorded meanwhile), so that it stands in the chain exactly where the data it saw still held.
    Otherwise the read is done again inside a write transaction, with its event. A session bound to a connection
    (a test's outer transaction) writes its event in that connection instead, after the same check."""
    bind = session.get_bind()
    if bind.dialect.name == "postgresql":
        begin_write(session)  # FOR SHARE on the concertation; nothing is written in this transaction
    as_of = audit.head_seq(session, locks_only=True)  # the first statement: on SQLite it fixes the snapshot
    result, event = read()
    session.commit()  # nothing written: ends the snapshot, releases the FOR SHARE
    if isinstance(bind, Engine):
        if audit.record_success(bind, actor, action, as_of, **event) is not None:
            return result
    else:
        begin_write(session)
        if not audit.changed_since(session, as_of):
            succeed(session, actor, action, **event)
            return result
        session.rollback()
    session.expunge_all()  # what the read loaded is out of date: the second run loads afresh
    begin_write(session)
    result, event = read()
    succeed(session, actor, action, **event)
    return result


def audit_alone(session: Session, actor: Actor, action: str, outcome: Outcome, **event: Any) -> None:
    """Drop whatever the use case had started and commit only its audit event, in a write transaction of its own."""
    session.rollback()
    begin_write(session)
    audit.record_and_commit(session, actor, action, outcome, **event)
