"""Reading and verifying the audit trail (R109): auditors only, and every reading is itself audited.

The trail is listed newest first: an auditor mostly asks what happened last, and a cursor on `seq` (the chain's
own order) stays stable while new events are appended above it. A list call adds one `audit.list` event naming the
filters used (never their free-text values) and how many events it returned; a verification adds one `audit.verify`
event with its outcome. Anyone else gets 403, audited as a denial.
"""

from __future__ import annotations

import base64
import uuid
from dataclasses import dataclass
from datetime import datetime

from sqlmodel import Session, col, select

from api.audit import verify_chain
from api.db import begin_write
from api.errors import Forbidden, Unprocessable
from api.services.common import audit_alone, succeed
from models.audit import AuditEvent, AuditEventPage, AuditEventPublic, ChainReport, Outcome
from policies import grounds
from policies.access import Actor
from policies.decision import Violation
from policies.vocab import Role

LIST = "audit.list"
VERIFY = "audit.verify"
_CURSOR_PREFIX = "seq:"


@dataclass(frozen=True, slots=True)
class TrailFilter:
    concertation_id: uuid.UUID | None = None
    action: str | None = None
    outcome: Outcome | None = None
    since: datetime | None = None  # inclusive
    until: datetime | None = None  # exclusive

    def names(self) -> list[str]:
        """Which filters were used: what the `audit.list` event records, so no typed-in value reaches the trail."""
        used = {
            "concertation_id": self.concertation_id,
            "action": self.action,
            "outcome": self.outcome,
            "since": self.since,
            "until": self.until,
        }
        return [name for name, value in used.items() if value is not None]


def may_read_trail(actor: Actor) -> bool:
    """SPEC §2: the trail and its verification are for auditors (DPOs) only."""
    return Role.AUDITOR in actor.roles


def encode_cursor(seq: int) -> str:
    return base64.urlsafe_b64encode(f"{_CURSOR_PREFIX}{seq}".encode()).decode().rstrip("=")


def decode_cursor(cursor: str | None) -> int | None:
    """The seq a cursor continues below, or a 422 naming the cursor (never a 500 on garbage)."""
    if cursor is None:
        return None
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)).decode()
        if not raw.startswith(_CURSOR_PREFIX) or not raw[len(_CURSOR_PREFIX) :].isdigit():
            raise ValueError(raw)
        seq = int(raw[len(_CURSOR_PREFIX) :])
        if seq > 2**63 - 1:
            raise ValueError(raw)
        return seq
    except (ValueError, UnicodeDecodeError):
        raise Unprocessable(
            "invalid_cursor", violations=[Violation(None, "invalid_cursor", grounds.DESIGN, "cursor")]
        ) from None


def _deny(session: Session, actor: Actor, action: str, now: datetime) -> Forbidden:
    audit_alone(session, actor, action, Outcome.DENIED, now=now, object_type="audit_event")
    return Forbidden()


def page(
    session: Session, actor: Actor, limit: int, cursor: str | None, where: TrailFilter, now: datetime
) -> AuditEventPage:
    """A page of the trail, newest first, with the `audit.list` event of this reading in the same transaction."""
    begin_write(session)
    if not may_read_trail(actor):
        raise _deny(session, actor, LIST, now)
    below = decode_cursor(cursor)
    query = select(AuditEvent)
    if below is not None:
        query = query.where(col(AuditEvent.seq) < below)
    if where.concertation_id is not None:
        query = query.where(col(AuditEvent.concertation_id) == where.concertation_id)
    if where.action is not None:
        query = query.where(col(AuditEvent.action) == where.action)
    if where.outcome is not None:
        query = query.where(col(AuditEvent.outcome) == where.outcome.value)
    if where.since is not None:
        query = query.where(col(AuditEvent.occurred_at) >= where.since)
    if where.until is not None:
        query = query.where(col(AuditEvent.occurred_at) < where.until)
    rows = list(session.exec(query.order_by(col(AuditEvent.seq).desc()).limit(limit + 1)).all())
    more = len(rows) > limit
    rows = rows[:limit]
    items = [AuditEventPublic.model_validate(r.model_dump()) for r in rows]
    succeed(
        session,
        actor,
        LIST,
        now=now,
        object_type="audit_event",
        concertation_id=where.concertation_id,
        details={"filters": where.names(), "items": len(items), "continued": below is not None},
    )
    last = rows[-1].seq if rows else None
    return AuditEventPage(items=items, next_cursor=encode_cursor(last) if more and last is not None else None)


def verify(session: Session, actor: Actor, now: datetime) -> ChainReport:
    """Recompute the whole chain (read-only), then audit the verification and its outcome in a write of its own, so
    that a long verification never holds the writers' lock."""
    if not may_read_trail(actor):
        raise _deny(session, actor, VERIFY, now)
    report = verify_chain(session)
    audit_alone(
        session,
        actor,
        VERIFY,
        Outcome.SUCCESS,
        now=now,
        object_type="audit_event",
        object_id=report.first_broken_id,
        codes=[report.reason.value] if report.reason else [],
        details={
            "ok": report.ok,
            "events_checked": report.events_checked,
            "last_good_seq": report.last_good_seq,
            "first_broken_seq": report.first_broken_seq,
        },
    )
    return report
