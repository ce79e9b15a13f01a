"""Participants' rights and the person concerned (R19–R22, R25, R28–R32, R37–R43).

Refusal and silence are facts about a participant that only he and the coordinator or chair may see (R40): they
live in their own tables, never in a schema returned to anyone else. Free-text reasons and motivations are stored
only as ciphertext (SPEC §6).
"""

from __future__ import annotations

import uuid
from datetime import date, datetime
from typing import Annotated, Any, Literal

from pydantic import Field as PField
from pydantic import StringConstraints
from sqlalchemy import JSON, Column, LargeBinary, UniqueConstraint
from sqlmodel import Field, SQLModel

from models.common import Instant, NoNul, Str200, Text2k, UTCDateTime, Wire
from policies.participation import Answer, InvitationStatus
from policies.person_concerned import (
    ConsentInformation,
    ConsentScope,
    ConsentStatus,
    ConsentSubject,
    ExceptionReason,
    InformationItem,
)

# ---------------------------------------------------------------------------------------------------- wire


class InvitationResponse(Wire):
    """R39 — accept or refuse; a refusal needs no reason. An optional reason is stored encrypted, seen by nobody
    but the participant and the coordinator/chair."""

    answer: Answer
    reason: Text2k | None = None


class SecrecyAcknowledgementCreate(Wire):
    """R19, R43 — the participant acknowledges the notice version he was shown, in the language he read it."""

    notice_version: Annotated[str, PField(max_length=32), NoNul]
    language: Literal["fr", "nl", "en"] | None = PField(
        default=None,
        description="The language of the notice the participant read (the `language` of `GET …/secrecy-notice`); "
        "stored as given. Without it, the language negotiated from `Accept-Language`.",
    )


class SecrecyNotice(SQLModel):
    version: str
    language: str
    text: str


class SecrecyAcknowledgementPublic(SQLModel):
    participant_id: uuid.UUID
    notice_version: str
    language: str
    acknowledged_at: Instant


class SilenceCreate(Wire):
    """R38 — silence for the whole concertation (no agenda item) or for one agenda item."""

    agenda_item_id: uuid.UUID | None = None


class SilencePublic(SQLModel):
    id: uuid.UUID
    participant_id: uuid.UUID
    agenda_item_id: uuid.UUID | None
    invoked_at: Instant
    lifted_at: Instant | None


class AttendanceEvent(Wire):
    """R42 — the chair records who joined and who left; the server's clock is authoritative."""

    participant_id: uuid.UUID
    event: Annotated[str, PField(pattern=r"^(joined|left)$")]


class AttendancePublic(SQLModel):
    id: uuid.UUID
    participant_id: uuid.UUID
    joined_at: Instant
    left_at: Instant | None


class AgendaItemCreate(Wire):
    #: An item with no words puts nothing on the agenda: at least one visible character.
    title: Annotated[str, StringConstraints(min_length=1, max_length=2000, pattern=r"\S"), NoNul]
    is_central_question: bool = False


class AgendaItemPublic(SQLModel):
    id: uuid.UUID
    position: int
    title: str
    is_central_question: bool
    created_at: Instant


class AgendaPage(SQLModel):
    items: list[AgendaItemPublic]
    next_cursor: str | None


class ConsentCreate(Wire):
    """R31, R32 — a consent record of the person concerned (or a legal representative)."""

    person_id: uuid.UUID
    subject: ConsentSubject = ConsentSubject.PERSON
    scope: ConsentScope
    status: ConsentStatus
    information_items: Annotated[list[ConsentInformation], PField(max_length=10)] = []
    method: Str200 | None = None
    given_at: Instant | None = PField(default=None, description="As the person gave it; the server's time prevails")
    motivation: Text2k | None = PField(default=None, description="Required unless given (R31); stored encrypted")


class ConsentPublic(SQLModel):
    id: uuid.UUID
    person_id: uuid.UUID
    subject: ConsentSubject
    scope: ConsentScope
    status: ConsentStatus
    information_items: list[ConsentInformation]
    method: str | None
    given_at: Instant | None
    recorded_at: Instant
    withdrawn_at: Instant | None


class InformationCreate(Wire):
    """R28, R29 — the person was told (at least) that the concertation is held and who takes part."""

    person_id: uuid.UUID
    items: Annotated[list[InformationItem], PField(max_length=4)]
    informed_by: Str200
    informed_at: Instant
    channel: Str200


class InformationPublic(SQLModel):
    id: uuid.UUID
    person_id: uuid.UUID
    items: list[InformationItem]
    informed_by: str
    informed_at: Instant
    channel: str
    recorded_at: Instant


class InformationExceptionCreate(Wire):
    """R30 — a motivated exception: informing would endanger a child, or be contrary to its interest."""

    person_id: uuid.UUID
    reason: ExceptionReason | None = None
    motivation: Text2k | None = PField(default=None, description="Stored encrypted")
    decided_by: Str200 | None = None
    review_at: date | None = None


class InformationExceptionPublic(SQLModel):
    id: uuid.UUID
    person_id: uuid.UUID
    reason: ExceptionReason
    decided_by: str
    review_at: date
    recorded_at: Instant


class ParticipantFlags(SQLModel):
    """R40 — refusal and silence: returned only to the participant himself and to the coordinator or chair."""

    participant_id: uuid.UUID
    invitation_status: InvitationStatus
    answered_at: Instant | None
    secrecy_acknowledged: bool
    silences: list[SilencePublic]


# ---------------------------------------------------------------------------------------------------- tables


class SecrecyAcknowledgement(SQLModel, table=True):
    __tablename__ = "secrecy_acknowledgement"
    __table_args__ = (UniqueConstraint("participant_id", name="uq_secrecy_acknowledgement_participant"),)

    id: uuid.UUID = Field(primary_key=True)
    concertation_id: uuid.UUID = Field(foreign_key="concertation.id", index=True)
    participant_id: uuid.UUID = Field(foreign_key="participant.id")
    notice_version: str = Field(max_length=32)
    language: str = Field(max_length=8)
    acknowledged_at: datetime = Field(sa_type=UTCDateTime)


class Silence(SQLModel, table=True):
    __tablename__ = "silence"

    id: uuid.UUID = Field(primary_key=True)
    concertation_id: uuid.UUID = Field(foreign_key="concertation.id", index=True)
    participant_id: uuid.UUID = Field(foreign_key="participant.id", index=True)
    agenda_item_id: uuid.UUID | None = Field(default=None, foreign_key="agenda_item.id")
    invoked_at: datetime = Field(sa_type=UTCDateTime)
    lifted_at: datetime | None = Field(default=None, sa_type=UTCDateTime)


class Attendance(SQLModel, table=True):
    __tablename__ = "attendance"

    id: uuid.UUID = Field(primary_key=True)
    concertation_id: uuid.UUID = Field(foreign_key="concertation.id", index=True)
    participant_id: uuid.UUID = Field(foreign_key="participant.id", index=True)
    joined_at: datetime = Field(sa_type=UTCDateTime)
    left_at: datetime | None = Field(default=None, sa_type=UTCDateTime)


class AgendaItem(SQLModel, table=True):
    __tablename__ = "agenda_item"

    id: uuid.UUID = Field(primary_key=True)
    concertation_id: uuid.UUID = Field(foreign_key="concertation.id", index=True)
    position: int
    title: str = Field(max_length=2000)
    is_central_question: bool = False
    created_at: datetime = Field(sa_type=UTCDateTime)


class ConsentRecord(SQLModel, table=True):
    __tablename__ = "consent_record"

    id: uuid.UUID = Field(primary_key=True)
    concertation_id: uuid.UUID = Field(foreign_key="concertation.id", index=True)
    person_id: uuid.UUID = Field(foreign_key="person_concerned.id")
    subject: str = Field(max_length=32)
    scope: str = Field(max_length=32)
    status: str = Field(max_length=16)
    information_items: list[str] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    method: str | None = Field(default=None, max_length=200)
    given_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    motivation_ciphertext: bytes | None = Field(default=None, sa_column=Column(LargeBinary))
    recorded_at: datetime = Field(sa_type=UTCDateTime)
    withdrawn_at: datetime | None = Field(default=None, sa_type=UTCDateTime)


class InformationRecord(SQLModel, table=True):
    __tablename__ = "information_record"

    id: uuid.UUID = Field(primary_key=True)
    concertation_id: uuid.UUID = Field(foreign_key="concertation.id", index=True)
    person_id: uuid.UUID = Field(foreign_key="person_concerned.id")
    items: list[str] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    informed_by: str = Field(max_length=200)
    informed_at: datetime = Field(sa_type=UTCDateTime)
    channel: str = Field(max_length=200)
    recorded_at: datetime = Field(sa_type=UTCDateTime)


class InformationException(SQLModel, table=True):
    __tablename__ = "information_exception"

    id: uuid.UUID = Field(primary_key=True)
    concertation_id: uuid.UUID = Field(foreign_key="concertation.id", index=True)
    person_id: uuid.UUID = Field(foreign_key="person_concerned.id")
    reason: str = Field(max_length=64)
    motivation_ciphertext: bytes = Field(sa_column=Column(LargeBinary, nullable=False))
    decided_by: str = Field(max_length=200)
    review_at: date
    recorded_at: datetime = Field(sa_type=UTCDateTime)


def json_items(values: list[Any]) -> list[str]:
    return [str(getattr(v, "value", v)) for v in values]
