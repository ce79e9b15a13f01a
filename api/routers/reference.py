"""Reference data and the deployment's policy (any authenticated caller)."""

from __future__ import annotations

from fastapi import APIRouter

from api.deps import ActorDep, ClockDep, SettingsDep
from api.http import errors
from api.services import reference
from models.reference import Art458bisOffenceList, OffenceCatalogue, PolicyPublic, PurposePublic

router = APIRouter()


@router.get(
    "/reference/purposes",
    operation_id="listPurposes",
    tags=["reference"],
    response_model=list[PurposePublic],
    responses=errors(),
    summary="The purposes of art. 458ter",
)
def purposes(actor: ActorDep) -> list[PurposePublic]:
    """R10 — the three purposes art. 458ter allows, with what each requires."""
    return reference.purposes()


@router.get(
    "/reference/offences",
    operation_id="listOffences",
    tags=["reference"],
    response_model=OffenceCatalogue,
    responses=errors(),
    summary="The offence catalogue",
)
def offences(actor: ActorDep, clock: ClockDep) -> OffenceCatalogue:
    """R12–R14, R113 — the versioned offence catalogue (reference data to verify on Justel)."""
    return reference.offences(clock().date())


@router.get(
    "/reference/art-458bis-offences",
    operation_id="listArt458bisOffences",
    tags=["reference"],
    response_model=Art458bisOffenceList,
    responses=errors(),
    summary="The offences art. 458bis lists",
)
def art_458bis_offences(actor: ActorDep, clock: ClockDep) -> Art458bisOffenceList:
    """R101 — the offences against a minor or a vulnerable person that an art. 458bis report may name (versioned
    reference data, to verify on Justel)."""
    return reference.art_458bis_offences(clock().date())


@router.get(
    "/policy",
    operation_id="getPolicy",
    tags=["reference"],
    response_model=PolicyPublic,
    responses=errors(),
    summary="The deployment's policy",
)
def policy(actor: ActorDep, settings: SettingsDep) -> PolicyPublic:
    """The deployment's settings of decisions.md, the profiles and how each weighs the rules."""
    return reference.policy(settings)
