"""Participants' rights (answer, secrecy, silence, attendance, agenda) and the person concerned (issue 3)."""

from __future__ import annotations

import uuid
from typing import Any

from fastapi import APIRouter, Request, Response, status

from api.deps import ActorDep, ClockDep, KeyRingDep, SessionDep, SettingsDep
from api.http import Cursor, IfMatch, Limit, errors, expected_tag, set_tag
from api.problems import language
from api.services import participation
from api.services.common import content_tag
from models.participation import (
    AgendaItemCreate,
    AgendaItemPublic,
    AgendaPage,
    Attendance,
    AttendanceEvent,
    AttendancePublic,
    ConsentCreate,
    ConsentPublic,
    ConsentRecord,
    InformationCreate,
    InformationException,
    InformationExceptionCreate,
    InformationExceptionPublic,
    InformationPublic,
    InformationRecord,
    InvitationResponse,
    ParticipantFlags,
    SecrecyAcknowledgementCreate,
    SecrecyAcknowledgementPublic,
    SecrecyNotice,
    SilenceCreate,
    SilencePublic,
)

router = APIRouter(prefix="/concertations/{concertation_id}")
_P = "/participants/{participant_id}"


@router.post(
    f"{_P}/response",
    operation_id="respondToInvitation",
    tags=["participants"],
    response_model=ParticipantFlags,
    responses=errors(403, 404, 409),
    summary="Accept or refuse the invitation (the participant himself)",
)
def respond(
    concertation_id: uuid.UUID,
    participant_id: uuid.UUID,
    payload: InvitationResponse,
    actor: ActorDep,
    session: SessionDep,
    keyring: KeyRingDep,
    clock: ClockDep,
) -> ParticipantFlags:
    """R39 — one call; a refusal needs no reason. Nobody but you and the coordinator or chair will know."""
    return participation.respond(session, actor, concertation_id, participant_id, payload, keyring, clock())


@router.get(
    f"{_P}/flags",
    operation_id="getParticipantFlags",
    tags=["participants"],
    response_model=ParticipantFlags,
    responses=errors(403, 404),
    summary="Answer, acknowledgement and silences of a participant (himself, coordinator, chair)",
)
def flags(
    concertation_id: uuid.UUID, participant_id: uuid.UUID, actor: ActorDep, session: SessionDep, clock: ClockDep
) -> ParticipantFlags:
    """R40 — refusal and silence are visible to the participant and the coordinator/chair only; 403 otherwise."""
    return participation.flags(session, actor, concertation_id, participant_id, clock())


@router.get(
    f"{_P}/secrecy-notice",
    operation_id="getSecrecyNotice",
    tags=["participants"],
    response_model=SecrecyNotice,
    responses=errors(403, 404),
    summary="The secrecy notice to acknowledge",
)
def secrecy_notice(
    concertation_id: uuid.UUID,
    participant_id: uuid.UUID,
    request: Request,
    actor: ActorDep,
    session: SessionDep,
    settings: SettingsDep,
    clock: ClockDep,
) -> SecrecyNotice:
    """R19, R43, R48 — the duty of secrecy, the art. 458 penalties, and for participants not bound by professional
    secrecy their duty of discretion; in French, Dutch or English (`Accept-Language`)."""
    return participation.notice(session, actor, concertation_id, participant_id, language(request), settings, clock())


@router.post(
    f"{_P}/secrecy-acknowledgement",
    operation_id="acknowledgeSecrecy",
    tags=["participants"],
    status_code=status.HTTP_201_CREATED,
    response_model=SecrecyAcknowledgementPublic,
    responses=errors(403, 404, 409),
    summary="Acknowledge the secrecy notice (the participant himself)",
)
def acknowledge(
    concertation_id: uuid.UUID,
    participant_id: uuid.UUID,
    payload: SecrecyAcknowledgementCreate,
    request: Request,
    response: Response,
    actor: ActorDep,
    session: SessionDep,
    clock: ClockDep,
) -> SecrecyAcknowledgementPublic:
    """R19 — required before reading anything beyond the invitation and its legal basis. Send the `language` of the
    notice that was read (fr, nl, en): it is stored as given."""
    ack = participation.acknowledge(
        session, actor, concertation_id, participant_id, payload, language(request), clock()
    )
    response.headers["Location"] = f"/v1/concertations/{concertation_id}/participants/{participant_id}/flags"
    return ack


@router.post(
    f"{_P}/silence",
    operation_id="invokeSilence",
    tags=["participants"],
    status_code=status.HTTP_201_CREATED,
    response_model=SilencePublic,
    responses=errors(403, 404),
    summary="Invoke the right to remain silent (the participant himself)",
)
def invoke_silence(
    concertation_id: uuid.UUID,
    participant_id: uuid.UUID,
    payload: SilenceCreate,
    response: Response,
    actor: ActorDep,
    session: SessionDep,
    clock: ClockDep,
) -> SilencePublic:
    """R38 — for the whole concertation, or one agenda item; nothing can then be attributed to you."""
    s = participation.invoke_silence(session, actor, concertation_id, participant_id, payload, clock())
    response.headers["Location"] = f"/v1/concertations/{concertation_id}/participants/{participant_id}/silence/{s.id}"
    set_tag(response, content_tag(s))
    return s


@router.delete(
    f"{_P}/silence/{{silence_id}}",
    operation_id="liftSilence",
    tags=["participants"],
    response_model=SilencePublic,
    responses=errors(403, 404, 409, 412),
    summary="Lift the right to remain silent (the participant himself)",
)
def lift_silence(
    concertation_id: uuid.UUID,
    participant_id: uuid.UUID,
    silence_id: uuid.UUID,
    response: Response,
    actor: ActorDep,
    session: SessionDep,
    clock: ClockDep,
    if_match: IfMatch = None,
) -> SilencePublic:
    """R38 — lifting is prospective: what was silent stays silent. `If-Match` (the ETag the silence was given) is
    optional: a silence is lifted once."""
    s = participation.lift_silence(
        session, actor, concertation_id, participant_id, silence_id, clock(), expected_tag(if_match)
    )
    set_tag(response, content_tag(s))
    return s


@router.post(
    "/attendance",
    operation_id="recordAttendance",
    tags=["minutes"],
    status_code=status.HTTP_201_CREATED,
    response_model=AttendancePublic,
    responses=errors(403, 404, 409),
    summary="Record who joined or left (chair)",
)
def attendance(
    concertation_id: uuid.UUID,
    payload: AttendanceEvent,
    response: Response,
    actor: ActorDep,
    session: SessionDep,
    clock: ClockDep,
) -> AttendancePublic:
    """R39, R42 — during a session; a participant who refused is never marked present; the server's clock rules."""
    a = participation.record_attendance(session, actor, concertation_id, payload, clock())
    response.headers["Location"] = f"/v1/concertations/{concertation_id}/attendance/{a.id}"
    set_tag(response, content_tag(a))
    return a


@router.post(
    "/agenda-items",
    operation_id="addAgendaItem",
    tags=["concertations"],
    status_code=status.HTTP_201_CREATED,
    response_model=AgendaItemPublic,
    responses=errors(403, 404, 409),
    summary="Add an agenda item",
)
def add_agenda_item(
    concertation_id: uuid.UUID,
    payload: AgendaItemCreate,
    response: Response,
    actor: ActorDep,
    session: SessionDep,
    clock: ClockDep,
) -> AgendaItemPublic:
    """An agenda item, or the central question. No item can make disclosure compulsory (R37)."""
    item = participation.add_agenda_item(session, actor, concertation_id, payload, clock())
    response.headers["Location"] = f"/v1/concertations/{concertation_id}/agenda-items"  # the agenda it is on
    return item


@router.get(
    "/agenda-items",
    operation_id="listAgendaItems",
    tags=["concertations"],
    response_model=AgendaPage,
    responses=errors(403, 404),
    summary="The agenda",
)
def list_agenda(
    concertation_id: uuid.UUID,
    actor: ActorDep,
    session: SessionDep,
    clock: ClockDep,
    limit: Limit = 50,
    cursor: Cursor = None,
) -> AgendaPage:
    """The agenda in the order of its items, a page at a time (`next_cursor`)."""
    return participation.list_agenda(session, actor, concertation_id, clock(), limit, cursor)


@router.post(
    "/person-concerned/consents",
    operation_id="recordConsent",
    tags=["person concerned"],
    status_code=status.HTTP_201_CREATED,
    response_model=ConsentPublic,
    responses=errors(403, 404),
    summary="Record a consent of the person concerned",
)
def record_consent(
    concertation_id: uuid.UUID,
    payload: ConsentCreate,
    response: Response,
    actor: ActorDep,
    session: SessionDep,
    keyring: KeyRingDep,
    clock: ClockDep,
) -> ConsentPublic:
    """R31, R32, R22 — given, refused (motivated), not asked (motivated) or impossible; a consent to a prosecutor's
    presence lists what the person was told. The server's time is authoritative."""
    c = participation.record_consent(session, actor, concertation_id, payload, keyring, clock())
    response.headers["Location"] = f"/v1/concertations/{concertation_id}/person-concerned/consents/{c.id}"
    set_tag(response, content_tag(c))
    return c


@router.post(
    "/person-concerned/consents/{consent_id}/withdraw",
    operation_id="withdrawConsent",
    tags=["person concerned"],
    response_model=ConsentPublic,
    responses=errors(403, 404, 409, 412),
    summary="Withdraw a consent",
)
def withdraw_consent(
    concertation_id: uuid.UUID,
    consent_id: uuid.UUID,
    response: Response,
    actor: ActorDep,
    session: SessionDep,
    clock: ClockDep,
    if_match: IfMatch = None,
) -> ConsentPublic:
    """R32 — always allowed; takes effect for the future only. `If-Match` (the record's ETag) is optional: a
    consent is withdrawn once."""
    c = participation.withdraw_consent(session, actor, concertation_id, consent_id, clock(), expected_tag(if_match))
    set_tag(response, content_tag(c))
    return c


@router.post(
    "/person-concerned/information",
    operation_id="recordInformation",
    tags=["person concerned"],
    status_code=status.HTTP_201_CREATED,
    response_model=InformationPublic,
    responses=errors(403, 404),
    summary="Record that the person was informed",
)
def record_information(
    concertation_id: uuid.UUID,
    payload: InformationCreate,
    response: Response,
    actor: ActorDep,
    session: SessionDep,
    clock: ClockDep,
) -> InformationPublic:
    """R28, R29 — that the concertation is held and who takes part; after the session, what was shared and
    decided. Closing needs a complete record or a valid exception (D11)."""
    i = participation.record_information(session, actor, concertation_id, payload, clock())
    response.headers["Location"] = f"/v1/concertations/{concertation_id}/person-concerned/information/{i.id}"
    return i


@router.post(
    "/person-concerned/information-exception",
    operation_id="recordInformationException",
    tags=["person concerned"],
    status_code=status.HTTP_201_CREATED,
    response_model=InformationExceptionPublic,
    responses=errors(403, 404),
    summary="Record a motivated exception to informing the person",
)
def record_information_exception(
    concertation_id: uuid.UUID,
    payload: InformationExceptionCreate,
    response: Response,
    actor: ActorDep,
    session: SessionDep,
    keyring: KeyRingDep,
    clock: ClockDep,
) -> InformationExceptionPublic:
    """R30 — only for a child's safety or interest, motivated, with a review date."""
    e = participation.record_information_exception(session, actor, concertation_id, payload, keyring, clock())
    response.headers["Location"] = f"/v1/concertations/{concertation_id}/person-concerned/information-exception/{e.id}"
    return e


def _reader(path: str, model: type[Any], public: type[Any], operation_id: str, tag: str, summary: str) -> None:
    def endpoint(
        concertation_id: uuid.UUID,
        record_id: uuid.UUID,
        response: Response,
        actor: ActorDep,
        session: SessionDep,
        clock: ClockDep,
    ) -> Any:
        record = participation.read_record(session, actor, concertation_id, model, record_id, clock())
        set_tag(response, content_tag(record))
        return record

    endpoint.__doc__ = (
        f"{summary}, for whoever manages the concertation (its coordinator or chair). The `ETag` is a digest of the "
        "record: the `If-Match` of the change it allows, if any (withdrawing a consent)."
    )
    router.add_api_route(
        f"{path}/{{record_id}}",
        endpoint,
        methods=["GET"],
        response_model=public,
        responses=errors(403, 404),
        summary=summary,
        operation_id=operation_id,
        tags=[tag],
        name=f"read_{model.__tablename__}",
    )


_reader("/attendance", Attendance, AttendancePublic, "getAttendance", "minutes", "Read an attendance record")
_reader(
    "/person-concerned/consents",
    ConsentRecord,
    ConsentPublic,
    "getConsent",
    "person concerned",
    "Read a consent record",
)
_reader(
    "/person-concerned/information",
    InformationRecord,
    InformationPublic,
    "getInformation",
    "person concerned",
    "Read an information record",
)
_reader(
    "/person-concerned/information-exception",
    InformationException,
    InformationExceptionPublic,
    "getInformationException",
    "person concerned",
    "Read an exception to informing the person",
)
