"""Writing the audit trail (R109, SPEC §6).

An event is added in the session of the change it records and committed with it. Its hash chains it to the
previous event: `hash = sha256(prev_hash ‖ canonical JSON of the event)`. Two writers must never read the same
head: on SQLite a write transaction starts with BEGIN IMMEDIATE (one writer at a time); on PostgreSQL the writer
takes a transaction-scoped advisory lock before reading the head, so several workers keep one chain.

Events carry ids, rule codes and hashes only. Never a plaintext secret, never an identity, never a token.
"""

from __future__ import annotations

import hashlib
import json
import uuid
from collections.abc import Iterable, Mapping
from datetime import datetime
from typing import Any

from sqlalchemy import select, text
from sqlmodel import Session, col

from models.audit import AuditEvent, Outcome
from policies.access import Actor

GENESIS = "0" * 64
#: Arbitrary constant naming the audit chain's advisory lock on PostgreSQL.
_CHAIN_LOCK = 458_0001


def canonical(event: AuditEvent) -> bytes:
    """The bytes the hash covers: every field but the hashes, in a fixed order and form."""
    doc: dict[str, Any] = {
        "id": str(event.id),
        "occurred_at": event.occurred_at.isoformat(),
        "actor_issuer": event.actor_issuer,
        "actor_subject": event.actor_subject,
        "action": event.action,
        "outcome": event.outcome,
        "object_type": event.object_type,
        "object_id": event.object_id,
        "concertation_id": str(event.concertation_id) if event.concertation_id else None,
        "codes": list(event.codes),
        "details": event.details,
    }
    return json.dumps(doc, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode()


def chain_hash(prev_hash: str, event: AuditEvent) -> str:
    return hashlib.sha256(prev_hash.encode() + canonical(event)).hexdigest()


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
) -> AuditEvent:
    """Append one event to the chain, in the caller's transaction (the caller commits)."""
    bind = session.get_bind()
    if bind.dialect.name == "postgresql":
        session.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": _CHAIN_LOCK})
    head = session.execute(select(col(AuditEvent.hash)).order_by(col(AuditEvent.seq).desc()).limit(1)).scalar()
    event = AuditEvent(
        id=uuid.uuid4(),
        occurred_at=now,
        actor_issuer=actor.issuer,
        actor_subject=actor.subject,
        action=action,
        outcome=outcome.value,
        object_type=object_type,
        object_id=str(object_id) if object_id is not None else None,
        concertation_id=concertation_id,
        codes=sorted(set(codes)),
        details=dict(details or {}),
        prev_hash=head or GENESIS,
        hash="",
    )
    event.hash = chain_hash(event.prev_hash, event)
    session.add(event)
    return event
