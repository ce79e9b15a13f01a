"""Minutes entries and prosecution requests (R21, R33, R34, R47, R49–R54, R65).

The content of an entry, its necessity justification and a request's motivation are stored only as ciphertext
sealed under the concertation's data key and bound to its prosecution scope (SPEC §6, R52).
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from datetime import datetime
from typing import Annotated, Any

from pydantic import Field as PField
from sqlalchemy import JSON, Column, Index, LargeBinary
from sqlmodel import Field, SQLModel

from models.common import Instant, NoNul, OffenceCode, Reference, Str200, Text2k, UTCDateTime, Wire
from policies.minutes import EntryType, Level
from policies.participation import Tristate
from policies.prosecution import Use

ContentText = Annotated[str, PField(max_length=20_000), NoNul]


class MinutesEntryCreate(Wire):
    """One entry. Attributed entries name their speaker (a participant); process notes of the chair need not."""

    agenda_item_id: uuid.UUID | None = None
    speaker_id: uuid.UUID | None = PField(default=None, description="The participant who said it")
    attributed_to: Annotated[list[uuid.UUID], PField(max_length=20)] = []
    entry_type: EntryType = EntryType.STATEMENT
    level: Level
    necessity_justification: Text2k | None = PField(default=None, description="R65: required for content")
    offence_tags: Annotated[list[OffenceCode], PField(max_length=20)] = PField(
        default=[],
        description="R53: offences of the scope this entry bears on; untagged entries never go to a prosecutor",
    )
    about_persons: Annotated[list[Reference], PField(max_length=20)] = []
    may_inform_judicial_decision: bool = PField(default=False, description="R33")
    from_judicial_investigation: bool | None = PField(default=None, description="R47: police/parquet speakers")
    investigation_shareable_confirmed: bool | None = PField(default=None, description="R47")
    lawyer_client_confidential: bool | None = PField(default=None, description="R21: lawyer speakers")
    may_expose_client_to_prosecution: Tristate | None = PField(default=None, description="R21: lawyer speakers")
    content: ContentText


class MinutesEntryPublic(SQLModel):
    id: uuid.UUID
    agenda_item_id: uuid.UUID | None
    speaker_id: uuid.UUID | None
    attributed_to: list[uuid.UUID]
    entry_type: EntryType
    level: Level
    necessity_justification: str | None
    offence_tags: list[str]
    about_persons: list[str]
    may_inform_judicial_decision: bool
    disclosed_to_person_at: Instant | None
    penal_use_forbidden: bool
    recorded_at: Instant
    content: str


class MinutesPage(SQLModel):
    finalised_at: Instant | None
    items: list[MinutesEntryPublic]
    next_cursor: str | None


class MinutesEntry(SQLModel, table=True):
    __tablename__ = "minutes_entry"
    #: Every reading of the minutes (a page, the ETag's facts, finalisation) asks one concertation's entries in the
    #: order they were recorded: one index answers it in that order and stops at the page's end. With an index on
    #: each column alone, the planner walked `recorded_at` and filtered on the concertation — through every entry of
    #: the database when a page asks one more than there are (3.6 ms a read of 50 after 8 000 other entries,
    #: `pg_stat_statements` under `make bench`, against 0.17 ms for the bare app's select).
    __table_args__ = (Index("ix_minutes_entry_concertation_order", "concertation_id", "recorded_at", "id"),)

    id: uuid.UUID = Field(primary_key=True)
    concertation_id: uuid.UUID = Field(foreign_key="concertation.id")
    agenda_item_id: uuid.UUID | None = Field(default=None, foreign_key="agenda_item.id")
    speaker_id: uuid.UUID | None = Field(default=None, foreign_key="participant.id")
    attributed_to: list[str] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    entry_type: str = Field(max_length=32)
    level: str = Field(max_length=16)
    offence_tags: list[str] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    about_persons: list[str] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    may_inform_judicial_decision: bool = False
    disclosed_to_person_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    from_judicial_investigation: bool | None = None
    penal_use_forbidden: bool = False
    content_ciphertext: bytes = Field(sa_column=Column(LargeBinary, nullable=False))
    necessity_ciphertext: bytes | None = Field(default=None, sa_column=Column(LargeBinary))
    recorded_at: datetime = Field(sa_type=UTCDateTime)
    recorded_by: str = Field(max_length=600)


class ProsecutionRequestCreate(Wire):
    """R49 — a magistrate's request to use the minutes for named offences in a criminal case."""

    requesting_magistrate: Str200
    criminal_case_reference: Str200
    use: Use = Use.CRIMINAL_PROSECUTION
    offences: Annotated[list[OffenceCode], PField(max_length=50)]
    persons_named: Annotated[list[Reference], PField(max_length=20)] = []
    motivation: Text2k


class ProsecutionRequestPublic(SQLModel):
    id: uuid.UUID
    concertation_id: uuid.UUID
    requesting_magistrate: str
    criminal_case_reference: str
    use: Use
    offences: list[str]
    persons_named: list[str]
    decision: str
    codes: list[str]
    decided_at: Instant


class Disclosure(SQLModel):
    """R53 — the entries a granted request may use, decrypted; everything else is withheld and counted."""

    request_id: uuid.UUID
    offences: list[str]
    items: list[MinutesEntryPublic]
    withheld: int


class AlertPublic(SQLModel):
    """R54 — a refused out-of-scope (or non-penal) request: for the coordinator and the DPO."""

    request_id: uuid.UUID
    concertation_id: uuid.UUID
    requester: str
    offences: list[str]
    use: Use
    codes: list[str]
    at: Instant


class AlertPage(SQLModel):
    items: list[AlertPublic]
    next_cursor: str | None


class ProsecutionRequest(SQLModel, table=True):
    __tablename__ = "prosecution_request"

    id: uuid.UUID = Field(primary_key=True)
    concertation_id: uuid.UUID = Field(foreign_key="concertation.id", index=True)
    requester_issuer: str = Field(max_length=300)
    requester_subject: str = Field(max_length=200)
    requesting_magistrate: str = Field(max_length=200)
    criminal_case_reference: str = Field(max_length=200)
    use: str = Field(max_length=32)
    offences: list[str] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    persons_named: list[str] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    motivation_ciphertext: bytes | None = Field(default=None, sa_column=Column(LargeBinary))
    decision: str = Field(max_length=16, index=True)
    codes: list[str] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    decided_at: datetime = Field(sa_type=UTCDateTime)


#: The stored columns an entry shows as they are (content and justification are opened separately).
ENTRY_COLUMNS = tuple(n for n in MinutesEntryPublic.model_fields if n not in ("content", "necessity_justification"))


def entry_fields(row: Any, content: str, necessity: str | None) -> dict[str, Any]:
    """What readers see of an entry, unvalidated, from a `MinutesEntry` or a row of at least its `ENTRY_COLUMNS`:
    a page validates its items at once (one pass of pydantic's core over the whole list, not one model per entry)."""
    # Read the columns directly: a whole `model_dump` of the row per entry costs more than the decryption.
    values: dict[str, Any] = {name: getattr(row, name) for name in ENTRY_COLUMNS}
    values["content"] = content
    values["necessity_justification"] = necessity
    return values


def row_fields(row: Sequence[Any], content: str, necessity: str | None) -> dict[str, Any]:
    """`entry_fields` of a row whose first columns are `ENTRY_COLUMNS`, in that order: zipped, not looked up by name
    (a page of fifty entries: 0.7 µs an entry instead of 4.8)."""
    values = dict(zip(ENTRY_COLUMNS, row, strict=False))
    values["content"] = content
    values["necessity_justification"] = necessity
    return values


def public_entry(row: Any, content: str, necessity: str | None) -> MinutesEntryPublic:
    return MinutesEntryPublic.model_validate(entry_fields(row, content, necessity))
