"""A concertation, its persons concerned and its participants (R10–R27, R55, R113).

The identity of a person concerned is stored only as AES-256-GCM ciphertext (SPEC §6) and never appears in any
public schema; lists show the pseudonymous reference only (R27).
"""

from __future__ import annotations

import uuid
from datetime import date, datetime
from enum import StrEnum
from typing import Annotated, Any

from pydantic import ConfigDict
from pydantic import Field as PField
from sqlalchemy import JSON, Column, ForeignKey, LargeBinary, UniqueConstraint
from sqlmodel import Field, SQLModel

from models.common import Instant, OffenceCode, Reference, Str64, Str200, Str300, Text2k, UTCDateTime, Wire
from policies.vocab import (
    Alternative,
    ConcertationState,
    IdentityKind,
    InitiatorType,
    IntegrityDimension,
    MagistrateFunction,
    MeetingKind,
    Objective,
    ParticipantRole,
    Profile,
    ProtectedPersonRole,
    PurposeCategory,
    SecrecySource,
    Sector,
    Status,
)


class Justification(StrEnum):
    """R20, R67 — what justifies the exchange. A concertation is always art. 458ter."""

    ART_458TER = "art_458ter"
    SHARED_PROFESSIONAL_SECRECY = "shared_professional_secrecy"


class Party(Wire):
    """R23 — the chair or the requester. `subject`/`issuer` link the chair to his login (he manages the meeting)."""

    name: Str200 | None = None
    organisation: Str200 | None = None
    function: Str200 | None = None
    sector: Sector | None = None
    issuer: Str300 | None = None
    subject: Str200 | None = None


class ProtectedPerson(Wire):
    """R11, D5 — a person whose integrity the concertation protects: a person concerned or a third party."""

    reference: Reference
    role: ProtectedPersonRole


class Purpose(Wire):
    """R10–R15 — the purpose category and what it requires."""

    category: PurposeCategory
    statement: Text2k | None = None
    objective: Objective | None = None
    protected_persons: Annotated[list[ProtectedPerson], PField(max_length=20)] = []
    integrity_dimensions: Annotated[list[IntegrityDimension], PField(max_length=2)] = []
    threat_description: Text2k | None = None
    prevention_rationale: Text2k | None = None
    criminal_organisation: Text2k | None = None


class AlternativeConsidered(Wire):
    alternative: Alternative
    why_insufficient: Text2k | None = None


class Subsidiarity(Wire):
    """R55 — why a concertation, a last resort, is needed now."""

    alternatives_considered: Annotated[list[AlternativeConsidered], PField(max_length=12)] = []
    why_concertation_now: Text2k | None = None


class Identity(Wire):
    """R26 — who the person concerned is. Stored encrypted; never returned in lists."""

    kind: IdentityKind
    family_name: Str200 | None = None
    given_names: Str200 | None = None
    birth_date: date | None = None
    national_number: Annotated[str, PField(pattern=r"^[0-9]{11}$")] | None = None


class PersonConcernedCreate(Wire):
    reference: Reference = PField(description="Pseudonymous reference, unique in the concertation")
    identity: Identity
    privacy_notice_given_at: Instant | None = PField(
        default=None, description="R36: when the person received the data-protection notice"
    )
    privacy_notice_deferred: bool = PField(default=False, description="R36, R30: deferred for a child's safety")


class PersonConcernedPublic(SQLModel):
    id: uuid.UUID
    reference: str
    privacy_notice_given_at: Instant | None = None
    privacy_notice_deferred: bool = False


class PersonConcernedIdentity(PersonConcernedPublic):
    """The one schema that carries an identity: returned only to whoever manages the concertation, audited."""

    identity: Identity


class _ConcertationFields(Wire):
    concertation_type: Str64 | None = PField(default=None, description="R7: one of the deployment's types")
    purpose: Purpose | None = None
    offence_scope: Annotated[list[OffenceCode], PField(max_length=50)] = PField(
        default=[], description="R14, D7: offence codes from /v1/reference/offences; empty = no prosecution use"
    )
    subsidiarity: Subsidiarity | None = None
    meeting_kind: MeetingKind | None = None
    why_person_not_present: Text2k | None = None
    chair: Party | None = None
    requester: Party | None = None
    initiator_type: InitiatorType | None = None
    scheduled_start: Instant | None = None
    scheduled_end: Instant | None = None


class ConcertationCreate(_ConcertationFields):
    legal_basis_id: uuid.UUID
    persons_concerned: Annotated[list[PersonConcernedCreate], PField(max_length=20)] = []
    policy_profile: Profile | None = PField(default=None, description="D1: fixed at creation; default from settings")
    justification: Justification = Justification.ART_458TER


class ConcertationUpdate(Wire):
    """Every field optional; `null` clears a field. The basis and purpose category are fixed once scheduled."""

    legal_basis_id: uuid.UUID | None = None
    concertation_type: Str64 | None = None
    purpose: Purpose | None = None
    offence_scope: Annotated[list[OffenceCode], PField(max_length=50)] | None = None
    subsidiarity: Subsidiarity | None = None
    meeting_kind: MeetingKind | None = None
    why_person_not_present: Text2k | None = None
    chair: Party | None = None
    requester: Party | None = None
    initiator_type: InitiatorType | None = None
    scheduled_start: Instant | None = None
    scheduled_end: Instant | None = None
    justification: Justification | None = None


class ConcertationPublic(_ConcertationFields):
    model_config = ConfigDict(extra="ignore")  # type: ignore[assignment]

    id: uuid.UUID
    legal_basis_id: uuid.UUID
    org: str
    state: ConcertationState
    policy_profile: Profile
    persons_concerned: list[PersonConcernedPublic]
    art_458ter_only: bool = PField(description="R20: police or parquet take part; never shared secrecy")
    democratic_control: bool = PField(description="R8: false when the basis is a prosecutor's authorisation")
    scope_frozen_at: Instant | None
    created_at: Instant
    updated_at: Instant
    version: int


class ConcertationInvitation(SQLModel):
    """R9, R19 — what an invitee reads before acknowledging secrecy: the invitation and its legal basis."""

    id: uuid.UUID
    state: ConcertationState
    legal_basis_id: uuid.UUID
    democratic_control: bool
    art_458ter_only: bool
    concertation_type: str | None
    purpose_category: PurposeCategory | None
    meeting_kind: MeetingKind | None
    chair: Party | None
    scheduled_start: Instant | None
    scheduled_end: Instant | None

    @classmethod
    def of(cls, full: ConcertationPublic) -> ConcertationInvitation:
        return cls(
            **full.model_dump(include=set(cls.model_fields) - {"purpose_category"}),
            purpose_category=full.purpose.category if full.purpose else None,
        )


class ConcertationMetadata(SQLModel):
    """R45, R107 — what a partner system may know: status metadata only."""

    id: uuid.UUID
    state: ConcertationState
    scheduled_start: Instant | None
    updated_at: Instant


class ConcertationSummary(SQLModel):
    """A list item: never a person concerned, never a free text (R27)."""

    id: uuid.UUID
    state: ConcertationState
    concertation_type: str | None
    purpose_category: PurposeCategory | None
    meeting_kind: MeetingKind | None
    scheduled_start: Instant | None
    updated_at: Instant
    participant_id: Annotated[
        uuid.UUID | None,
        PField(
            description="Your own participant record in this concertation when you are invited to it (the path "
            "of your answer, secrecy acknowledgement and silences: `…/participants/{participant_id}/…`); null "
            "otherwise. Nothing about any other participant (R40).",
        ),
    ]


class ConcertationPage(SQLModel):
    items: list[ConcertationSummary | ConcertationMetadata]
    next_cursor: str | None


class CheckPublic(SQLModel):
    rule: str | None
    code: str
    status: Status
    legal_ground: str
    message: str
    field: str | None


class ComplianceReport(SQLModel):
    concertation_id: uuid.UUID
    state: ConcertationState
    policy_profile: Profile
    compliant: bool
    art_458ter_only: bool
    checks: list[CheckPublic]
    evaluated_at: Instant


class Concertation(SQLModel, table=True):
    __tablename__ = "concertation"

    id: uuid.UUID = Field(primary_key=True)
    org: str = Field(max_length=200, index=True)
    legal_basis_id: uuid.UUID = Field(foreign_key="legal_basis.id", index=True)
    state: str = Field(default=ConcertationState.DRAFT.value, max_length=16, index=True)
    policy_profile: str = Field(max_length=32)
    justification: str = Field(default=Justification.ART_458TER.value, max_length=32)
    concertation_type: str | None = Field(default=None, max_length=64)
    purpose_category: str | None = Field(default=None, max_length=64)
    purpose: dict[str, Any] | None = Field(default=None, sa_column=Column(JSON))
    offence_scope: list[str] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    subsidiarity: dict[str, Any] | None = Field(default=None, sa_column=Column(JSON))
    meeting_kind: str | None = Field(default=None, max_length=32)
    # SPEC §6: the free texts (purpose statement, threat, rationale, organisation, why each alternative fails, why
    # now, why the person is absent) are sealed together here; `purpose` and `subsidiarity` keep only structure.
    narrative_ciphertext: bytes | None = Field(default=None, sa_column=Column(LargeBinary))
    chair: dict[str, Any] | None = Field(default=None, sa_column=Column(JSON))
    chair_issuer: str | None = Field(default=None, max_length=300)
    chair_subject: str | None = Field(default=None, max_length=200, index=True)
    requester: dict[str, Any] | None = Field(default=None, sa_column=Column(JSON))
    initiator_type: str | None = Field(default=None, max_length=32)
    scheduled_start: datetime | None = Field(default=None, sa_type=UTCDateTime)
    scheduled_end: datetime | None = Field(default=None, sa_type=UTCDateTime)
    scope_frozen_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    minutes_finalised_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    closed_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    created_by_issuer: str = Field(max_length=300)
    created_by_subject: str = Field(max_length=200)
    created_at: datetime = Field(sa_type=UTCDateTime, index=True)
    updated_at: datetime = Field(sa_type=UTCDateTime, index=True)
    version: int = 1


class DataKey(SQLModel, table=True):
    """SPEC §6 — a concertation's data key, stored only wrapped by a key-encryption key of the key ring.

    Versions let a data-key rotation re-encrypt a concertation field by field while every field stays readable; a
    destroyed key (retention, D18) leaves only its row: the content it sealed is gone for good.
    """

    __tablename__ = "data_key"

    concertation_id: uuid.UUID = Field(
        sa_column=Column(ForeignKey("concertation.id", ondelete="CASCADE"), primary_key=True)
    )
    version: int = Field(primary_key=True)
    kek_id: str = Field(max_length=64)
    wrapped_dek: bytes | None = Field(default=None, sa_column=Column(LargeBinary, nullable=True))
    created_at: datetime = Field(sa_type=UTCDateTime)
    retired_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    destroyed_at: datetime | None = Field(default=None, sa_type=UTCDateTime)


class PersonConcerned(SQLModel, table=True):
    __tablename__ = "person_concerned"
    __table_args__ = (UniqueConstraint("concertation_id", "reference", name="uq_person_concerned_reference"),)

    id: uuid.UUID = Field(primary_key=True)
    concertation_id: uuid.UUID = Field(foreign_key="concertation.id", index=True)
    reference: str = Field(max_length=64)
    identity_ciphertext: bytes = Field(sa_column=Column(LargeBinary, nullable=False))
    privacy_notice_given_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    privacy_notice_deferred: bool = False
    created_at: datetime = Field(sa_type=UTCDateTime)


class ParticipantCreate(Wire):
    """R17 — the participant's profile. Every field the rule requires is checked (and named) by the policy."""

    issuer: Str300 | None = PField(default=None, description="`iss` of the participant's login")
    subject: Str200 | None = PField(default=None, description="`sub` of the participant's login")
    person_ref: Reference | None = PField(default=None, description="R16: reference of a person the basis names")
    display_name: Str200 | None = None
    organisation: Str200 | None = None
    sector: Sector | None = None
    function: Str200 | None = None
    mission_statement: Text2k | None = None
    bound_by_professional_secrecy: bool | None = None
    secrecy_source: SecrecySource | None = None
    is_lawyer: bool | None = None
    under_mandate: bool | None = None
    mandating_authority: Str200 | None = None
    person_informed_of_mandate: bool | None = PField(
        default=None, description="R25: a participant under mandate has told the person of it"
    )
    works_with: Annotated[list[Reference], PField(max_length=20)] = PField(
        default=[], description="R17: references of the persons concerned who are this participant's clients"
    )
    magistrate_function: MagistrateFunction | None = None
    role: ParticipantRole = ParticipantRole.MEMBER


class ParticipantUpdate(Wire):
    """R16, R17 — the coordinator changes a participant's profile; only the fields sent change. The login
    (`issuer`, `subject`) is who was invited and cannot change: invite that person instead. `works_with: null`
    empties the list; `role: null` keeps the role."""

    person_ref: Reference | None = None
    display_name: Str200 | None = None
    organisation: Str200 | None = None
    sector: Sector | None = None
    function: Str200 | None = None
    mission_statement: Text2k | None = None
    bound_by_professional_secrecy: bool | None = None
    secrecy_source: SecrecySource | None = None
    is_lawyer: bool | None = None
    under_mandate: bool | None = None
    mandating_authority: Str200 | None = None
    person_informed_of_mandate: bool | None = None
    works_with: Annotated[list[Reference], PField(max_length=20)] | None = None
    magistrate_function: MagistrateFunction | None = None
    role: ParticipantRole | None = None


class ParticipantPublic(ParticipantCreate):
    model_config = ConfigDict(extra="ignore")  # type: ignore[assignment]

    id: uuid.UUID
    concertation_id: uuid.UUID
    created_at: Instant
    version: int


class ParticipantPage(SQLModel):
    items: list[ParticipantPublic]
    next_cursor: str | None


class Participant(SQLModel, table=True):
    __tablename__ = "participant"
    __table_args__ = (UniqueConstraint("concertation_id", "issuer", "subject", name="uq_participant_login"),)

    id: uuid.UUID = Field(primary_key=True)
    concertation_id: uuid.UUID = Field(foreign_key="concertation.id", index=True)
    issuer: str | None = Field(default=None, max_length=300)
    subject: str | None = Field(default=None, max_length=200, index=True)
    person_ref: str | None = Field(default=None, max_length=64)
    display_name: str | None = Field(default=None, max_length=200)
    organisation: str = Field(max_length=200)
    sector: str = Field(max_length=32)
    function: str = Field(max_length=200)
    mission_statement: str = Field(max_length=2000)
    bound_by_professional_secrecy: bool
    secrecy_source: str = Field(max_length=64)
    is_lawyer: bool
    under_mandate: bool
    mandating_authority: str | None = Field(default=None, max_length=200)
    person_informed_of_mandate: bool | None = None
    works_with: list[str] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    magistrate_function: str | None = Field(default=None, max_length=32)
    role: str = Field(max_length=32)
    # R39, R40 — the answer to the invitation: never in a schema returned to anyone but himself and the managers.
    invitation_status: str = Field(default="pending", max_length=16)
    answered_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    refusal_reason_ciphertext: bytes | None = Field(default=None, sa_column=Column(LargeBinary))
    created_at: datetime = Field(sa_type=UTCDateTime)
    version: int = 1
