"""The audit trail and the verification of its hash chain (R109), for auditors."""

from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter, Query

from api.deps import ActorDep, ClockDep, SessionDep
from api.http import Cursor, Limit, errors
from api.services import audit_trail
from models.audit import AuditEventPage, ChainReport, Outcome
from models.common import Instant, Str64

router = APIRouter(prefix="/audit-events")


@router.get(
    "",
    operation_id="listAuditEvents",
    tags=["audit"],
    response_model=AuditEventPage,
    responses=errors(403),
    summary="List the audit trail",
)
def list_events(
    actor: ActorDep,
    session: SessionDep,
    clock: ClockDep,
    limit: Limit = 50,
    cursor: Cursor = None,
    concertation_id: Annotated[uuid.UUID | None, Query(description="Events about this concertation")] = None,
    action: Annotated[Str64 | None, Query(description="e.g. `concertation.create`")] = None,
    outcome: Annotated[Outcome | None, Query()] = None,
    since: Annotated[Instant | None, Query(description="Events at or after this instant")] = None,
    until: Annotated[Instant | None, Query(description="Events before this instant")] = None,
) -> AuditEventPage:
    """The trail, newest first (by `seq`, the chain's order); `next_cursor` continues towards older events. Events
    hold ids, rule codes and hashes, never a plaintext. Each call is itself recorded as an `audit.list` event."""
    where = audit_trail.TrailFilter(concertation_id, action, outcome, since, until)
    return audit_trail.page(session, actor, limit, cursor, where, clock())


@router.get(
    "/verify",
    operation_id="verifyAuditChain",
    tags=["audit"],
    response_model=ChainReport,
    responses=errors(403),
    summary="Verify the hash chain",
)
def verify(actor: ActorDep, session: SessionDep, clock: ClockDep) -> ChainReport:
    """Recompute every hash from the first event to the current head. `ok` is false at the first event whose
    content no longer gives its hash (`hash_mismatch`: edited) or whose `prev_hash` is not the previous event's hash
    (`broken_link`: an event deleted or inserted before it). Keep `last_good_hash` elsewhere to detect a truncated
    tail later. Each call is recorded as an `audit.verify` event."""
    return audit_trail.verify(session, actor, clock())
