"""Use cases of the legal-basis registry (R1–R9). One use case, one transaction, one audit event."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from sqlmodel import Session, col, select

from api.db import begin_write
from api.errors import Forbidden, IntegrityFailure, NotFound, PreconditionFailed
from api.security.crypto import IntegrityError
from api.security.kms import Kms
from api.services.common import (
    audit_alone,
    decode_cursor,
    encode_cursor,
    not_found,
    past,
    principal_key,
    refuse,
    succeed,
)
from api.services.sealed import BasisSealer
from api.settings import Settings
from models.audit import Outcome
from models.legal_basis import BasisStatus, LegalBasis, LegalBasisCreate, LegalBasisPage, LegalBasisPublic
from policies import grounds
from policies.access import Actor, may_read_registry, may_register_basis
from policies.decision import Violation
from policies.legal_basis import RegistrySettings, check_legal_basis


def registry_settings(settings: Settings) -> RegistrySettings:
    return RegistrySettings(
        allow_prosecutor_authorisation_basis=settings.allow_prosecutor_authorisation_basis,
        min_motivation_length=settings.min_authorisation_motivation_length,
    )


def public(row: LegalBasis, texts: dict[str, Any] | None = None) -> LegalBasisPublic:
    """The basis as published; its sealed free texts are put back only when `texts` (opened) is given."""
    values = row.model_dump(exclude={"texts_ciphertext", "legacy_retirement_reason"})
    texts = texts or {}
    authorisation = values["prosecutor_authorisation"]
    if authorisation is not None:
        # A motivation registered before revision 0004 is still in the JSON until `keys seal-registry` runs.
        values["prosecutor_authorisation"] = {
            **authorisation,
            "motivation": texts.get("motivation", authorisation.get("motivation")),
        }
    values["retirement_reason"] = texts.get("retirement_reason", row.legacy_retirement_reason)
    return LegalBasisPublic.model_validate({**values, "democratic_control": row.democratic_control})


def texts_of(session: Session, keyring: Kms, actor: Actor, row: LegalBasis, now: datetime) -> dict[str, Any]:
    """SPEC §6 — the basis's sealed texts; a ciphertext that does not open is an audited integrity error."""
    if row.texts_ciphertext is None:
        return {}
    try:
        return BasisSealer(session, keyring, row.id).open(row.texts_ciphertext)
    except IntegrityError:
        audit_alone(
            session,
            actor,
            "legal_basis.read",
            Outcome.REFUSED,
            now=now,
            object_type="legal_basis",
            object_id=row.id,
            codes=["integrity_error"],
        )
        raise IntegrityFailure() from None


def seal_texts(session: Session, keyring: Kms, row: LegalBasis, texts: dict[str, Any], now: datetime) -> None:
    """Seal the basis's free texts (nothing to seal: no ciphertext), in the caller's transaction."""
    present = {k: v for k, v in texts.items() if v is not None}
    row.texts_ciphertext = BasisSealer(session, keyring, row.id).seal(present, now) if present else None


def register(
    session: Session, actor: Actor, payload: LegalBasisCreate, settings: Settings, keyring: Kms, now: datetime
) -> LegalBasisPublic:
    """Record a basis that satisfies R1–R5, R8 and R113; refuse (and audit) one that does not."""
    begin_write(session)
    basis_id = uuid.uuid4()
    if not may_register_basis(actor):
        audit_alone(session, actor, "legal_basis.create", Outcome.DENIED, now=now, object_type="legal_basis")
        raise Forbidden()
    violations = check_legal_basis(payload, registry_settings(settings))
    if violations:
        refuse(session, actor, "legal_basis.create", violations, now=now, object_type="legal_basis")
    row = LegalBasis(
        id=basis_id,
        type=payload.type.value,
        title=payload.title,
        enabling_norm=payload.enabling_norm.model_dump(mode="json") if payload.enabling_norm else None,
        implementing_act=payload.implementing_act.model_dump(mode="json") if payload.implementing_act else None,
        prosecutor_authorisation=(
            payload.prosecutor_authorisation.model_dump(mode="json", exclude={"motivation"})
            if payload.prosecutor_authorisation
            else None
        ),
        determines=payload.determines.model_dump(mode="json") if payload.determines else None,
        valid_from=payload.valid_from,
        valid_until=payload.valid_until,
        confidential=payload.confidential,
        retention_days=payload.retention_days or settings.default_retention_days,
        created_at=now,
        created_by=principal_key(actor),
    )
    texts = {"motivation": payload.prosecutor_authorisation.motivation if payload.prosecutor_authorisation else None}
    session.add(row)
    session.flush()  # the basis row exists before its data key refers to it
    seal_texts(session, keyring, row, texts, now)
    session.add(row)
    succeed(session, actor, "legal_basis.create", now=now, object_type="legal_basis", object_id=row.id)
    return public(row, texts)


def get(session: Session, actor: Actor, basis_id: uuid.UUID, keyring: Kms, now: datetime) -> LegalBasisPublic:
    row = session.get(LegalBasis, basis_id)
    if row is None:
        raise NotFound()
    if not may_read_registry(actor):  # SPEC §4: a denial, audited, though it looks like a miss
        raise not_found(session, actor, "legal_basis.read", now=now, object_type="legal_basis", object_id=row.id)
    return public(row, texts_of(session, keyring, actor, row, now))


def page(
    session: Session,
    actor: Actor,
    limit: int,
    cursor: str | None,
    status: BasisStatus | None,
    keyring: Kms,
    now: datetime,
) -> LegalBasisPage:
    if not may_read_registry(actor):
        audit_alone(session, actor, "legal_basis.list", Outcome.DENIED, now=now, object_type="legal_basis")
        raise Forbidden()
    query = select(LegalBasis)
    if status is not None:
        query = query.where(LegalBasis.status == status.value)
    position = decode_cursor(cursor)
    if position is not None:
        query = query.where(past(position, LegalBasis.created_at, LegalBasis.id))
    rows = session.exec(query.order_by(col(LegalBasis.created_at), col(LegalBasis.id)).limit(limit + 1)).all()
    more = len(rows) > limit
    rows = rows[:limit]
    return LegalBasisPage(
        items=[public(r, texts_of(session, keyring, actor, r, now)) for r in rows],
        next_cursor=encode_cursor(rows[-1].created_at, rows[-1].id) if more else None,
    )


def retire(
    session: Session,
    actor: Actor,
    basis_id: uuid.UUID,
    reason: str,
    expected_version: int | None,
    keyring: Kms,
    now: datetime,
) -> LegalBasisPublic:
    """A retired basis grounds no new concertation, and fails the compliance of drafts resting on it (R1)."""
    begin_write(session)
    row = session.get(LegalBasis, basis_id)
    if row is None:
        raise NotFound()
    if not may_register_basis(actor):
        audit_alone(
            session, actor, "legal_basis.retire", Outcome.DENIED, now=now, object_type="legal_basis", object_id=row.id
        )
        raise Forbidden()
    if expected_version is not None and expected_version != row.version:
        raise PreconditionFailed()
    if row.status == BasisStatus.RETIRED.value:
        already = Violation(None, "legal_basis_already_retired", grounds.DESIGN, "status")
        refuse(
            session,
            actor,
            "legal_basis.retire",
            [already],
            now=now,
            object_type="legal_basis",
            object_id=row.id,
            status=409,
        )
    texts = {**texts_of(session, keyring, actor, row, now), "retirement_reason": reason}
    row.status = BasisStatus.RETIRED.value
    row.retired_at = now
    seal_texts(session, keyring, row, texts, now)
    row.legacy_retirement_reason = None
    row.version += 1
    session.add(row)
    succeed(session, actor, "legal_basis.retire", now=now, object_type="legal_basis", object_id=row.id)
    return public(row, texts)
