"""The institution's request desk: art. 46bis/1 C. i. cr. requests of the procureur du Roi (R78–R84, D16).

A request is secret (R83): its row holds the closed vocabularies the rules look at (issuer, form, investigation,
offences, item categories and decisions); every text — who issued it, the motivation, the decision's reference, the
person — is sealed under the request's own data key. There is no free-text field in an answer (R81).
"""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Annotated, Any

from pydantic import Field as PField
from sqlalchemy import JSON, Column, ForeignKey, Index, LargeBinary
from sqlmodel import Field, SQLModel

from models.common import OffenceCode, Reference, Str200, Text5k, UTCDateTime, Wire
from models.concertation import CheckPublic
from policies.vocab import (
    AdminDataCategory,
    Art46bis1Issuer,
    Art46bis1Origin,
    Art46bis1State,
    DecisionForm,
    InstitutionKind,
    InvestigationType,
    ItemDecision,
    RequestAddressee,
)

Sha256 = Annotated[str, PField(pattern=r"^[0-9a-f]{64}$")]


class Issuer(Wire):
    role: Art46bis1Issuer = PField(description="R78 — only the procureur du Roi issues the request")
    reference: Str200 = PField(description="The issuing office (e.g. 'Parquet de Bruxelles'), sealed")
    relayed_by_police: bool = PField(
        default=False, description="R78 — the police may relay the procureur's written decision, never replace it"
    )


class WrittenDecision(Wire):
    form: DecisionForm = PField(description="R78 — written; an oral or e-mail-only request is not a decision")
    document_sha256: Sha256 | None = PField(default=None, description="R78 — SHA-256 of the decision document")
    reference: Str200 | None = PField(default=None, description="The decision's reference number, sealed")
    issued_on: dt.date | None = None
    motivation: Text5k | None = PField(default=None, description="R78 — the decision's motivation, sealed")


class Investigation(Wire):
    type: InvestigationType = PField(description="R79 — only an investigation into terrorist offences")
    offences: list[OffenceCode] = PField(
        default_factory=list, max_length=20, description="R79 — offences of Book II, Title I ter (offence catalogue)"
    )


class RequestedItem(Wire):
    reference: Reference
    category: AdminDataCategory = PField(description="R81, D16 — administrative data only")


class Art46bis1RequestCreate(Wire):
    origin: Art46bis1Origin = PField(
        default=Art46bis1Origin.PROCUREUR_DECISION,
        description="R84 — a staff declaration (the annulled active duty) is refused",
    )
    institution: InstitutionKind = PField(description="R80 — the social-security institution addressed")
    addressee: RequestAddressee = PField(
        description="R80 — a request naming an individual worker is re-routed to the institution's handlers"
    )
    issued_by: Issuer
    decision: WrittenDecision
    investigation: Investigation
    person_ref: Reference = PField(description="The person the request is about, sealed (R83)")
    items: list[RequestedItem] = PField(max_length=50, description="R81 — item by item")


class ItemPublic(SQLModel):
    reference: str
    category: AdminDataCategory
    admissible: bool = PField(description="R81, D16 — administrative data the institution may provide")
    decision: ItemDecision | None = PField(description="R82 — the institution's decision, once answered")


class ItemDecisionCreate(Wire):
    item: Reference
    decision: ItemDecision


class Art46bis1AnswerCreate(Wire):
    """R80–R82 — the institution's decision on each item; no free text (R81)."""

    decisions: list[ItemDecisionCreate] = PField(min_length=1, max_length=50)


class HistoryEntry(SQLModel):
    action: str
    at: dt.datetime
    by: str


class Art46bis1RequestPublic(SQLModel):
    id: uuid.UUID
    state: Art46bis1State
    origin: Art46bis1Origin
    institution: InstitutionKind
    addressee: RequestAddressee
    rerouted_to_institution: bool = PField(
        description="R80 — it named an individual worker; the institution's handlers answer it"
    )
    issued_by: Issuer
    decision: WrittenDecision
    investigation: Investigation
    person_ref: str
    items: list[ItemPublic]
    household_situation_admissible: bool = PField(description="D16 — the deployment's switch")
    conditions: list[CheckPublic] = PField(description="R81 — the items refused because they are not administrative")
    warnings: list[CheckPublic] = PField(description="R82 — refusing an admissible item is punishable")
    answered_at: dt.datetime | None
    answered_by: str | None
    history: list[HistoryEntry] = PField(description="R83 — who acted on it (the audit trail does not say)")
    created_at: dt.datetime
    version: int


class Art46bis1Routed(SQLModel):
    """R80, R83 — what a worker who received a request sees: it went to the institution's handlers, and nothing
    more (not even its id)."""

    status: str = "routed_to_institution"
    message: str


class Art46bis1Summary(SQLModel):
    id: uuid.UUID
    state: Art46bis1State
    created_at: dt.datetime
    updated_at: dt.datetime
    version: int


class Art46bis1Page(SQLModel):
    items: list[Art46bis1Summary]
    next_cursor: str | None


class AdminInfoRequest(SQLModel, table=True):
    __tablename__ = "admin_info_request"
    __table_args__ = (Index("ix_admin_info_request_org_created", "org", "created_at", "id"),)

    id: uuid.UUID = Field(primary_key=True)
    org: str = Field(max_length=200)
    state: str = Field(max_length=32)
    #: What the rules look at, in the clear: closed vocabularies, offence codes and item references only.
    facts: dict[str, Any] = Field(sa_column=Column(JSON, nullable=False))
    #: Every text of the request and its history, sealed under its own data key (SPEC §6, R83).
    texts_ciphertext: bytes = Field(sa_column=Column(LargeBinary, nullable=False))
    created_at: dt.datetime = Field(sa_type=UTCDateTime)
    updated_at: dt.datetime = Field(sa_type=UTCDateTime)
    version: int = 1


class AdminInfoKey(SQLModel, table=True):
    """SPEC §6 — an art. 46bis/1 request's own data key, stored only wrapped by a key-encryption key."""

    __tablename__ = "admin_info_key"

    request_id: uuid.UUID = Field(
        sa_column=Column(ForeignKey("admin_info_request.id", ondelete="CASCADE"), primary_key=True)
    )
    version: int = Field(default=1, primary_key=True)
    kek_id: str = Field(max_length=64)
    wrapped_dek: bytes | None = Field(default=None, sa_column=Column(LargeBinary, nullable=True))
    created_at: dt.datetime = Field(sa_type=UTCDateTime)
