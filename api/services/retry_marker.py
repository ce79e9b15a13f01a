"""What a use case leaves for the `Idempotency-Key` middleware (SPEC §2), inside its own transaction.

The middleware stores a request's response only after the use case has committed. Were the worker killed between
the two, a retry would find the key still `in_flight` and, once its lease ran out, run the use case a second time: a
second participant, a second minutes entry. So the request's record is marked `committed`, naming what the use case
did, in the same transaction as the change (`succeed` calls `mark_committed`): the change and the mark are durable
together or not at all, and a retry of a committed request is never run again, even when its response was lost.

The record id travels in a context variable that the middleware sets around the request; Starlette copies the
context into the worker thread that runs a synchronous route, so the use case sees it.
"""

from __future__ import annotations

import uuid
from contextvars import ContextVar
from typing import Any

from sqlalchemy import update
from sqlmodel import Session, col

from models.idempotency import IdempotencyRecord, IdempotencyState

#: The idempotency record of the request being served, if it carries an `Idempotency-Key`.
CURRENT_RECORD: ContextVar[uuid.UUID | None] = ContextVar("concertation_idempotency_record", default=None)


def mark_committed(session: Session, action: str, event: dict[str, Any]) -> None:
    """In the use case's transaction: the request's record is `committed`, with what it did (ids only)."""
    marked = committed_statement(action, event)
    if marked is not None:
        session.execute(marked)


def committed_statement(action: str, event: dict[str, Any]) -> Any:
    """The UPDATE that marks the request's record `committed` (None without an `Idempotency-Key`): read here, in the
    request's own context, for a change that another request's thread commits (`audit.Change`)."""
    record_id = CURRENT_RECORD.get()
    if record_id is None:
        return None
    outcome = {
        "action": action,
        "object_type": event.get("object_type"),
        "object_id": None if event.get("object_id") is None else str(event["object_id"]),
        "concertation_id": None if event.get("concertation_id") is None else str(event["concertation_id"]),
    }
    return (
        update(IdempotencyRecord)
        .where(
            col(IdempotencyRecord.id) == record_id,
            col(IdempotencyRecord.state) == IdempotencyState.IN_FLIGHT.value,
        )
        .values(state=IdempotencyState.COMMITTED.value, outcome=outcome)
    )
