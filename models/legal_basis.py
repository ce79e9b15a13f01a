"""The legal-basis registry (R1–R9): laws, decrees, ordinances (and acts adopted under them) and motivated
authorisations of the procureur du Roi, each stating who may participate, the purposes and the modalities."""

from __future__ import annotations

import datetime as dt
import uuid
from enum import StrEnum
from typing import Annotated, Any

from pydantic import Field as PField
from sqlalchemy import JSON, Column, ForeignKey, LargeBinary, String
from sqlmodel import Field, SQLModel

from models.common import Instant, Reference, Str64, Str200, Str300, Text2k, Text5k, UTCDateTime, Wire
from policies.vocab import (
    AuthorisationForm,
    AuthorisedParticipantKind,
    AuthorisingMagistrate,
    BasisType,
    ImplementingActKind,
    Legislator,
    PurposeCategory,
    Sector,
)


class BasisStatus(StrEnum):
    ACTIVE = "active"
    RETIRED = "retired"


class NormRef(Wire):
    """R2 — the enabling law, decree or ordinance."""

    title: Str300 | None = None
    date: dt.date | None = None
    articles: Annotated[list[Str64], PField(max_length=50)] = []
    legislator: Legislator | None = None
    publication_ref: Str200 | None = PField(default=None, description="Moniteur belge / Belgisch Staatsblad reference")
    text_url: Str300 | None = None
    text_sha256: Annotated[str, PField(pattern=r"^[0-9a-f]{64}$")] | None = None


class ImplementingAct(Wire):
    """R1 — the act adopted *under* the norm, when the concertation is organised « en vertu de » it."""

    kind: ImplementingActKind | None = None
    title: Str300 | None = None
    date: dt.date | None = None
    publication_ref: Str200 | None = None


class ProsecutorAuthorisation(Wire):
    """R4, D8 — a written, motivated authorisation of the procureur du Roi (or a substitute in his name)."""

    issued_by: AuthorisingMagistrate | None = None
    issued_by_name: Str200 | None = None
    delegation_ref: Str200 | None = None
    issuing_office: Str200 | None = None
    issued_at: dt.date | None = None
    form: AuthorisationForm | None = None
    document_sha256: Str64 | None = None
    motivation: Text5k | None = None


class AuthorisedParticipant(Wire):
    """R5, R16 — a named person (by reference) or a category (sector, organisation and/or function)."""

    kind: AuthorisedParticipantKind
    person_ref: Reference | None = None
    sector: Sector | None = None
    organisation: Str200 | None = None
    function: Str200 | None = None


class Modalities(Wire):
    """R5, R6 — how the concertation takes place."""

    convened_by: Str300 | None = None
    chaired_by: Str300 | None = None
    chairing_magistrate_required: bool = False
    frequency: Str300 | None = None
    information_of_person: Text2k | None = None
    minutes: Text2k | None = None


class Determines(Wire):
    """R5 — what the basis determines: who, for what purpose, how."""

    authorised_participants: Annotated[list[AuthorisedParticipant], PField(max_length=100)] = []
    purposes: Annotated[list[PurposeCategory], PField(max_length=3)] = []
    finalite: Text2k | None = None
    modalities: Modalities | None = None


class LegalBasisCreate(Wire):
    type: BasisType
    title: Str300
    enabling_norm: NormRef | None = None
    implementing_act: ImplementingAct | None = None
    prosecutor_authorisation: ProsecutorAuthorisation | None = None
    determines: Determines | None = None
    valid_from: dt.date
    valid_until: dt.date | None = None
    confidential: bool = PField(default=False, description="R9: a confidential basis cannot be read by invitees")
    retention_days: int | None = PField(default=None, ge=1, le=36500, description="D18; default from settings")


class LegalBasisRetire(Wire):
    reason: Text2k


class LegalBasisPublic(SQLModel):
    id: uuid.UUID
    type: BasisType
    title: str
    enabling_norm: NormRef | None
    implementing_act: ImplementingAct | None
    prosecutor_authorisation: ProsecutorAuthorisation | None
    determines: Determines | None
    valid_from: dt.date
    valid_until: dt.date | None
    confidential: bool
    retention_days: int
    democratic_control: bool = PField(description="R8, D9: false for a prosecutor's authorisation")
    status: BasisStatus
    retired_at: Instant | None
    retirement_reason: str | None
    created_at: Instant
    version: int


class LegalBasisPage(SQLModel):
    items: list[LegalBasisPublic]
    next_cursor: str | None


class LegalBasis(SQLModel, table=True):
    __tablename__ = "legal_basis"

    id: uuid.UUID = Field(primary_key=True)
    type: str = Field(max_length=32)
    title: str = Field(max_length=300)
    enabling_norm: dict[str, Any] | None = Field(default=None, sa_column=Column(JSON))
    implementing_act: dict[str, Any] | None = Field(default=None, sa_column=Column(JSON))
    prosecutor_authorisation: dict[str, Any] | None = Field(default=None, sa_column=Column(JSON))
    determines: dict[str, Any] | None = Field(default=None, sa_column=Column(JSON))
    valid_from: dt.date
    valid_until: dt.date | None = None
    confidential: bool = False
    retention_days: int
    status: str = Field(default=BasisStatus.ACTIVE.value, max_length=16)
    retired_at: dt.datetime | None = Field(default=None, sa_type=UTCDateTime)
    #: SPEC §6 — the registry's free texts (the authorisation's motivation, the retirement reason), sealed under
    #: the basis's own data key (`BasisKey`); never stored in clear.
    texts_ciphertext: bytes | None = Field(default=None, sa_column=Column(LargeBinary, nullable=True))
    #: Plaintext retirement reason written before revision 0004; `concertation keys seal-registry` seals and
    #: empties it. Nothing writes it any more.
    legacy_retirement_reason: str | None = Field(
        default=None, sa_column=Column("retirement_reason", String(2000), nullable=True)
    )
    created_at: dt.datetime = Field(sa_type=UTCDateTime, index=True)
    created_by: str = Field(max_length=300)
    version: int = 1

    @property
    def democratic_control(self) -> bool:
        return self.type != BasisType.PROSECUTOR_AUTHORISATION.value


class BasisKey(SQLModel, table=True):
    """SPEC §6 — a legal basis's own data key, stored only wrapped by a key-encryption key, like a concertation's.

    The registry belongs to no concertation, so its free texts cannot be sealed under a concertation's key; each
    basis has one of its own, which `keys rotate` rewraps with the others. It is never shredded: a basis outlives the
    concertations resting on it.
    """

    __tablename__ = "basis_key"

    basis_id: uuid.UUID = Field(sa_column=Column(ForeignKey("legal_basis.id", ondelete="CASCADE"), primary_key=True))
    version: int = Field(default=1, primary_key=True)
    kek_id: str = Field(max_length=64)
    wrapped_dek: bytes | None = Field(default=None, sa_column=Column(LargeBinary, nullable=True))
    created_at: dt.datetime = Field(sa_type=UTCDateTime)
