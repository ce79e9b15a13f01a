"""Minutes, prosecution requests and their alerts (issue 4)."""

from __future__ import annotations

import uuid

from fastapi import APIRouter, Response, status

from api.deps import ActorDep, ClockDep, KeyRingDep, SessionDep
from api.http import Cursor, IfMatch, Limit, errors, expected_tag, set_tag
from api.services import minutes
from models.minutes import (
    AlertPage,
    Disclosure,
    MinutesEntryCreate,
    MinutesEntryPublic,
    MinutesPage,
    ProsecutionRequestCreate,
    ProsecutionRequestPublic,
)

router = APIRouter()
_C = "/concertations/{concertation_id}"


@router.post(
    f"{_C}/minutes",
    operation_id="addMinutesEntry",
    tags=["minutes"],
    status_code=status.HTTP_201_CREATED,
    response_model=MinutesEntryPublic,
    responses=errors(403, 404, 409),
    summary="Write a minutes entry (chair or minute-taker)",
)
def add_entry(
    concertation_id: uuid.UUID,
    payload: MinutesEntryCreate,
    response: Response,
    actor: ActorDep,
    session: SessionDep,
    keyring: KeyRingDep,
    clock: ClockDep,
) -> MinutesEntryPublic:
    """In session or held, until finalised. Refused: an entry attributed to someone who refused, is silent or was
    not there (R38, R39, R42); a lawyer's client-incriminating content — never stored (R21); a youth-protection report
    with police or parquet present (R34); an unconfirmed judicial-investigation secret (R47); unjustified content
    (R65); an offence tag outside the scope (R53). The content is sealed under the concertation's scope (R52)."""
    entry = minutes.add_entry(session, actor, concertation_id, payload, keyring, clock())
    response.headers["Location"] = f"/v1/concertations/{concertation_id}/minutes"
    return entry


@router.get(
    f"{_C}/minutes",
    operation_id="readMinutes",
    tags=["minutes"],
    response_model=MinutesPage,
    responses=errors(403, 404, 410, 500),
    summary="Read the minutes (audited)",
)
def read_minutes(
    concertation_id: uuid.UUID,
    response: Response,
    actor: ActorDep,
    session: SessionDep,
    keyring: KeyRingDep,
    clock: ClockDep,
    limit: Limit = 50,
    cursor: Cursor = None,
) -> MinutesPage:
    """For the coordinator, the chair and participants who acknowledged secrecy (R19, R44); every read is audited.
    Entries in the order they were recorded, a page at a time (`next_cursor`). The ETag is the whole minutes': it
    changes when an entry is added or made known to the person, and when the minutes are finalised."""
    page, tag = minutes.read_minutes(session, actor, concertation_id, keyring, clock(), limit, cursor)
    set_tag(response, tag)
    return page


@router.post(
    f"{_C}/minutes/{{entry_id}}/disclosed-to-person",
    operation_id="markDisclosedToPerson",
    tags=["minutes"],
    response_model=MinutesEntryPublic,
    responses=errors(403, 404, 409),
    summary="Record that an entry was made known to the person (R33)",
)
def mark_disclosed(
    concertation_id: uuid.UUID, entry_id: uuid.UUID, actor: ActorDep, session: SessionDep, clock: ClockDep
) -> MinutesEntryPublic:
    """R33 — an entry that may inform a judicial or mandating decision must be knowable by the person before the
    concertation closes (or a valid R30 exception is in force). Returns the entry's metadata, not its content."""
    return minutes.mark_disclosed(session, actor, concertation_id, entry_id, clock())


@router.post(
    f"{_C}/minutes/finalise",
    operation_id="finaliseMinutes",
    tags=["minutes"],
    response_model=MinutesPage,
    responses=errors(403, 404, 409, 410, 412, 500),
    summary="Finalise the minutes",
)
def finalise(
    concertation_id: uuid.UUID,
    response: Response,
    actor: ActorDep,
    session: SessionDep,
    keyring: KeyRingDep,
    clock: ClockDep,
    if_match: IfMatch = None,
    limit: Limit = 50,
) -> MinutesPage:
    """Once; the minutes are read-only afterwards. `If-Match` (the ETag of `GET …/minutes`) is optional: with it,
    the minutes are finalised only as they were read (412 if an entry was added or marked since). The answer is the
    first page of the finalised minutes (`next_cursor` continues with `GET …/minutes`), with their new ETag."""
    page, tag = minutes.finalise(session, actor, concertation_id, expected_tag(if_match), keyring, clock(), limit)
    set_tag(response, tag)
    return page


@router.post(
    f"{_C}/prosecution-requests",
    operation_id="fileProsecutionRequest",
    tags=["prosecution"],
    status_code=status.HTTP_201_CREATED,
    response_model=ProsecutionRequestPublic,
    responses=errors(403, 404, 410),
    summary="Ask to use the minutes for named offences (prosecutor)",
)
def file_request(
    concertation_id: uuid.UUID,
    payload: ProsecutionRequestCreate,
    response: Response,
    actor: ActorDep,
    session: SessionDep,
    keyring: KeyRingDep,
    clock: ClockDep,
) -> ProsecutionRequestPublic:
    """R49–R54 — granted only if every offence is in the concertation's scope and the use is penal; otherwise
    refused whole (422, with art. 458ter §2), kept, audited and alerted to the coordinator and the DPO."""
    r = minutes.file_request(session, actor, concertation_id, payload, keyring, clock())
    response.headers["Location"] = f"/v1/concertations/{concertation_id}/prosecution-requests/{r.id}"
    return r


@router.get(
    f"{_C}/prosecution-requests/{{request_id}}",
    operation_id="getProsecutionRequest",
    tags=["prosecution"],
    response_model=ProsecutionRequestPublic,
    responses=errors(403, 404),
    summary="Read a prosecution request",
)
def read_request(
    concertation_id: uuid.UUID, request_id: uuid.UUID, actor: ActorDep, session: SessionDep, clock: ClockDep
) -> ProsecutionRequestPublic:
    """A prosecution request and its decision: granted, or refused with its rule and art. 458ter §2 (R49–R54)."""
    return minutes.read_request(session, actor, concertation_id, request_id, clock())


@router.get(
    f"{_C}/prosecution-requests/{{request_id}}/disclosure",
    operation_id="getDisclosure",
    tags=["prosecution"],
    response_model=Disclosure,
    responses=errors(404, 409, 410, 500),
    summary="The entries a granted request may use (audited)",
)
def disclosure(
    concertation_id: uuid.UUID,
    request_id: uuid.UUID,
    actor: ActorDep,
    session: SessionDep,
    keyring: KeyRingDep,
    clock: ClockDep,
) -> Disclosure:
    """R53 — never a youth-protection report, never an entry tagged outside the request or untagged, never an entry
    about a person the request does not name. Each decryption is audited."""
    return minutes.disclosure(session, actor, concertation_id, request_id, keyring, clock())


@router.get(
    "/alerts",
    operation_id="listAlerts",
    tags=["prosecution"],
    response_model=AlertPage,
    responses=errors(403),
    summary="Refused prosecution requests (coordinator, DPO)",
)
def alerts(
    actor: ActorDep, session: SessionDep, clock: ClockDep, limit: Limit = 50, cursor: Cursor = None
) -> AlertPage:
    """R54 — every refused out-of-scope or non-penal request, newest first: for auditors/DPO, and coordinators of the
    concertation."""
    return minutes.alerts(session, actor, limit, cursor, clock())
