"""The legal-basis registry (R1–R9)."""

from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter, Query, Response, status

from api.deps import ActorDep, ClockDep, KeyRingDep, SessionDep, SettingsDep
from api.http import Cursor, IfMatch, Limit, errors, expected_version, set_etag
from api.services import legal_bases
from models.legal_basis import BasisStatus, LegalBasisCreate, LegalBasisPage, LegalBasisPublic, LegalBasisRetire

router = APIRouter(prefix="/legal-bases")


@router.post(
    "",
    operation_id="createLegalBasis",
    tags=["legal bases"],
    status_code=status.HTTP_201_CREATED,
    response_model=LegalBasisPublic,
    responses=errors(403),
    summary="Register a legal basis",
)
def register(
    payload: LegalBasisCreate,
    response: Response,
    actor: ActorDep,
    session: SessionDep,
    settings: SettingsDep,
    keyring: KeyRingDep,
    clock: ClockDep,
) -> LegalBasisPublic:
    """Register a law, decree or ordinance (or an act adopted under one), or a motivated authorisation of the
    procureur du Roi. Refused with the rule (R1–R5, R8, R113) when it cannot ground a concertation."""
    basis = legal_bases.register(session, actor, payload, settings, keyring, clock())
    response.headers["Location"] = f"/v1/legal-bases/{basis.id}"
    set_etag(response, basis.version)
    return basis


@router.get(
    "",
    operation_id="listLegalBases",
    tags=["legal bases"],
    response_model=LegalBasisPage,
    responses=errors(403),
    summary="List the registry",
)
def list_bases(
    actor: ActorDep,
    session: SessionDep,
    keyring: KeyRingDep,
    clock: ClockDep,
    limit: Limit = 50,
    cursor: Cursor = None,
    status_: Annotated[BasisStatus | None, Query(alias="status")] = None,
) -> LegalBasisPage:
    """The registry, oldest first. Every authenticated caller may read it (R9)."""
    return legal_bases.page(session, actor, limit, cursor, status_, keyring, clock())


@router.get(
    "/{basis_id}",
    operation_id="getLegalBasis",
    tags=["legal bases"],
    response_model=LegalBasisPublic,
    responses=errors(404),
    summary="Read a legal basis",
)
def get_basis(
    basis_id: uuid.UUID,
    response: Response,
    actor: ActorDep,
    session: SessionDep,
    keyring: KeyRingDep,
    clock: ClockDep,
) -> LegalBasisPublic:
    """A registered basis with its enabling norm, what it determines and its status; readable by every
    authenticated caller (R9). Its `ETag` is the `If-Match` of `…/retire`."""
    basis = legal_bases.get(session, actor, basis_id, keyring, clock())
    set_etag(response, basis.version)
    return basis


@router.post(
    "/{basis_id}/retire",
    operation_id="retireLegalBasis",
    tags=["legal bases"],
    response_model=LegalBasisPublic,
    responses=errors(403, 404, 409, 412),
    summary="Retire a legal basis",
)
def retire(
    basis_id: uuid.UUID,
    payload: LegalBasisRetire,
    response: Response,
    actor: ActorDep,
    session: SessionDep,
    keyring: KeyRingDep,
    clock: ClockDep,
    if_match: IfMatch = None,
) -> LegalBasisPublic:
    """Retire a basis: it grounds no new concertation, and drafts resting on it fail R1."""
    basis = legal_bases.retire(
        session, actor, basis_id, payload.reason, expected_version(if_match, required=False), keyring, clock()
    )
    set_etag(response, basis.version)
    return basis
