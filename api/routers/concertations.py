"""Concertations: drafts, compliance, state changes, participants and persons concerned."""

from __future__ import annotations

import uuid

from fastapi import APIRouter, Request, Response, status

from api.deps import ActorDep, ClockDep, KeyRingDep, SessionDep, SettingsDep
from api.http import Cursor, IfMatch, IfMatchRequired, Limit, errors, expected_version, set_etag
from api.problems import language
from api.services import concertations
from models.concertation import (
    ComplianceReport,
    ConcertationCreate,
    ConcertationInvitation,
    ConcertationMetadata,
    ConcertationPage,
    ConcertationPublic,
    ConcertationUpdate,
    ParticipantCreate,
    ParticipantPage,
    ParticipantPublic,
    ParticipantUpdate,
    PersonConcernedCreate,
    PersonConcernedIdentity,
    PersonConcernedPublic,
)
from policies import grounds
from policies.decision import Finding
from policies.messages import message
from policies.vocab import Transition

router = APIRouter(prefix="/concertations")


@router.post(
    "",
    operation_id="createConcertation",
    tags=["concertations"],
    status_code=status.HTTP_201_CREATED,
    response_model=ConcertationPublic,
    responses=errors(403),
    summary="Draft a concertation",
)
def create(
    payload: ConcertationCreate,
    response: Response,
    actor: ActorDep,
    session: SessionDep,
    settings: SettingsDep,
    keyring: KeyRingDep,
    clock: ClockDep,
) -> ConcertationPublic:
    """Draft a concertation. What is given is stored even if checks fail — `GET …/compliance` says what is
    missing — but what the law forbids outright (a purpose outside art. 458ter, an offence outside the catalogue,
    an unidentifiable person) is refused with its rule."""
    c = concertations.create(session, actor, payload, settings, keyring, clock())
    response.headers["Location"] = f"/v1/concertations/{c.id}"
    set_etag(response, c.version)
    return c


@router.get(
    "",
    operation_id="listConcertations",
    tags=["concertations"],
    response_model=ConcertationPage,
    responses=errors(),
    summary="List the concertations you may see",
)
def list_concertations(
    actor: ActorDep, session: SessionDep, limit: Limit = 50, cursor: Cursor = None
) -> ConcertationPage:
    """The concertations the caller may see, oldest first; never a person concerned (R27)."""
    return concertations.page(session, actor, limit, cursor)


@router.get(
    "/{concertation_id}",
    operation_id="getConcertation",
    tags=["concertations"],
    response_model=ConcertationPublic | ConcertationInvitation | ConcertationMetadata,
    responses=errors(404),
    summary="Read a concertation",
)
def get_concertation(
    concertation_id: uuid.UUID, response: Response, actor: ActorDep, session: SessionDep, clock: ClockDep
) -> ConcertationPublic | ConcertationInvitation | ConcertationMetadata:
    """The whole concertation for its coordinator or chair, the invitation and basis for a participant, status
    metadata for a partner system (R45); 404 for everyone else, exactly as for an unknown id (R27)."""
    c = concertations.view(session, actor, concertation_id, clock())
    if isinstance(c, ConcertationPublic):
        set_etag(response, c.version)
    return c


@router.patch(
    "/{concertation_id}",
    operation_id="updateConcertation",
    tags=["concertations"],
    response_model=ConcertationPublic,
    responses=errors(403, 404, 409, 412, 428),
    summary="Change a concertation",
)
def update(
    concertation_id: uuid.UUID,
    payload: ConcertationUpdate,
    response: Response,
    actor: ActorDep,
    session: SessionDep,
    keyring: KeyRingDep,
    settings: SettingsDep,
    clock: ClockDep,
    if_match: IfMatchRequired,
) -> ConcertationPublic:
    """Change a concertation; needs `If-Match`. The basis, purpose category and profile are fixed once scheduled;
    the offence scope can only shrink after the first session starts (R51)."""
    version = expected_version(if_match)
    assert version is not None  # noqa: S101 - required above
    c = concertations.update(session, actor, concertation_id, payload, version, keyring, settings, clock())
    set_etag(response, c.version)
    return c


@router.get(
    "/{concertation_id}/compliance",
    operation_id="getComplianceReport",
    tags=["concertations"],
    response_model=ComplianceReport,
    responses=errors(403, 404),
    summary="Compliance report",
)
def compliance(
    concertation_id: uuid.UUID,
    request: Request,
    actor: ActorDep,
    session: SessionDep,
    settings: SettingsDep,
    clock: ClockDep,
) -> ComplianceReport:
    """Every check of the concertation's profile: rule, code, status (pass/fail/warn), legal ground, message."""
    lang = language(request)

    def render(f: Finding) -> str:
        return message(f.code, lang, f.params)

    def cite(ground: str) -> str:
        return grounds.cite(ground, lang)

    return concertations.compliance(session, actor, concertation_id, settings, clock(), render, cite)


def _transition(step: Transition, summary: str) -> None:
    def endpoint(
        concertation_id: uuid.UUID,
        response: Response,
        actor: ActorDep,
        session: SessionDep,
        settings: SettingsDep,
        clock: ClockDep,
        if_match: IfMatch = None,
    ) -> ConcertationPublic:
        c = concertations.transition(
            session, actor, concertation_id, step, expected_version(if_match, required=False), settings, clock()
        )
        set_etag(response, c.version)
        return c

    endpoint.__doc__ = (
        f"{summary} `If-Match` (the concertation's ETag) is optional: with it, the step is taken only on the version "
        "that was read (412 otherwise)."
    )
    router.add_api_route(
        f"/{{concertation_id}}/{step.value}",
        endpoint,
        methods=["POST"],
        response_model=ConcertationPublic,
        responses=errors(403, 404, 409, 412),
        name=f"{step.value}_concertation",
        operation_id=f"{step.value}Concertation",
        tags=["concertations"],
        summary=f"{step.value.capitalize()} the concertation",
    )


_transition(
    Transition.SCHEDULE,
    "`draft` → `scheduled`; refused with 409 `not_compliant` and the failing checks while any fails.",
)
_transition(
    Transition.START, "`scheduled` or `held` → `in_session`; re-runs the checks; freezes the offence scope (R51)."
)
_transition(Transition.END, "`in_session` → `held`: the session is over.")
_transition(Transition.CLOSE, "`held` → `closed`; re-runs the checks (the person informed, or a valid exception).")
_transition(Transition.CANCEL, "Any state before `closed` → `cancelled`.")


@router.post(
    "/{concertation_id}/participants",
    operation_id="addParticipant",
    tags=["participants"],
    status_code=status.HTTP_201_CREATED,
    response_model=ParticipantPublic,
    responses=errors(403, 404, 409),
    summary="Invite a participant",
)
def add_participant(
    concertation_id: uuid.UUID,
    payload: ParticipantCreate,
    response: Response,
    actor: ActorDep,
    session: SessionDep,
    settings: SettingsDep,
    clock: ClockDep,
) -> ParticipantPublic:
    """Invite a participant with a complete profile (R17), covered by the basis (R16)."""
    p = concertations.add_participant(session, actor, concertation_id, payload, settings, clock())
    response.headers["Location"] = f"/v1/concertations/{concertation_id}/participants/{p.id}"
    set_etag(response, p.version)
    return p


@router.get(
    "/{concertation_id}/participants",
    operation_id="listParticipants",
    tags=["participants"],
    response_model=ParticipantPage,
    responses=errors(403, 404),
    summary="List participants",
)
def list_participants(
    concertation_id: uuid.UUID,
    actor: ActorDep,
    session: SessionDep,
    clock: ClockDep,
    limit: Limit = 50,
    cursor: Cursor = None,
) -> ParticipantPage:
    """The participants, in the order they were invited, a page at a time (`next_cursor`). Whether each accepted,
    refused or stays silent is not here: only the participant and the coordinator or chair see it (R40)."""
    return concertations.participants(session, actor, concertation_id, limit, cursor, clock())


@router.get(
    "/{concertation_id}/participants/{participant_id}",
    operation_id="getParticipant",
    tags=["participants"],
    response_model=ParticipantPublic,
    responses=errors(403, 404),
    summary="Read a participant",
)
def get_participant(
    concertation_id: uuid.UUID,
    participant_id: uuid.UUID,
    response: Response,
    actor: ActorDep,
    session: SessionDep,
    clock: ClockDep,
) -> ParticipantPublic:
    """A participant's profile; its `ETag` is the `If-Match` of `PATCH` (a change of profile)."""
    p = concertations.participant(session, actor, concertation_id, participant_id, clock())
    set_etag(response, p.version)
    return p


@router.patch(
    "/{concertation_id}/participants/{participant_id}",
    operation_id="updateParticipant",
    tags=["participants"],
    response_model=ParticipantPublic,
    responses=errors(403, 404, 409, 412, 428),
    summary="Change a participant's profile",
)
def update_participant(
    concertation_id: uuid.UUID,
    participant_id: uuid.UUID,
    payload: ParticipantUpdate,
    response: Response,
    actor: ActorDep,
    session: SessionDep,
    clock: ClockDep,
    if_match: IfMatchRequired,
) -> ParticipantPublic:
    """R16, R17 — while the concertation is a draft or scheduled; needs `If-Match` (the participant's ETag). The
    resulting profile must be complete and covered by the basis, as at the invitation."""
    version = expected_version(if_match)
    assert version is not None  # noqa: S101 - required above
    p = concertations.update_participant(session, actor, concertation_id, participant_id, payload, version, clock())
    set_etag(response, p.version)
    return p


@router.post(
    "/{concertation_id}/persons-concerned",
    operation_id="addPersonConcerned",
    tags=["person concerned"],
    status_code=status.HTTP_201_CREATED,
    response_model=PersonConcernedPublic,
    responses=errors(403, 404, 409),
    summary="Add a person concerned",
)
def add_person(
    concertation_id: uuid.UUID,
    payload: PersonConcernedCreate,
    response: Response,
    actor: ActorDep,
    session: SessionDep,
    keyring: KeyRingDep,
    clock: ClockDep,
) -> PersonConcernedPublic:
    """Add a person concerned (R26): an individual, identity encrypted, known elsewhere only by reference."""
    p = concertations.add_person(session, actor, concertation_id, payload, keyring, clock())
    response.headers["Location"] = f"/v1/concertations/{concertation_id}/persons-concerned/{p.id}"
    return p


@router.get(
    "/{concertation_id}/persons-concerned/{person_id}",
    operation_id="getPersonConcerned",
    tags=["person concerned"],
    response_model=PersonConcernedIdentity,
    responses=errors(403, 404, 500),
    summary="Read the identity of a person concerned (audited)",
)
def get_person(
    concertation_id: uuid.UUID,
    person_id: uuid.UUID,
    actor: ActorDep,
    session: SessionDep,
    keyring: KeyRingDep,
    clock: ClockDep,
) -> PersonConcernedIdentity:
    """The identity of a person concerned, for the coordinator or chair; every read is audited (R27, R109)."""
    return concertations.person_identity(session, actor, concertation_id, person_id, keyring, clock())
