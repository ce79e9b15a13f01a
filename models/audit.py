"""The audit trail (R109, SPEC §6): append-only, hash-chained, written in the transaction of the change it records.

`hash = sha256(prev_hash ‖ canonical event)`; the first event chains from 64 zeros. Events hold ids, codes and
hashes only — never a plaintext secret, never an identity. Update and delete are refused by database triggers.
"""

from __future__ import annotations

import uuid
from datetime import datetime
from enum import StrEnum
from typing import Any

from sqlalchemy import JSON, BigInteger, Column, Integer
from sqlmodel import Field, SQLModel

from models.common import Instant, UTCDateTime


class Outcome(StrEnum):
    SUCCESS = "success"
    REFUSED = "refused"  # a rule refused the request
    DENIED = "denied"  # access control refused the request


class AuditEvent(SQLModel, table=True):
    __tablename__ = "audit_event"

    seq: int | None = Field(
        default=None,
        sa_column=Column(BigInteger().with_variant(Integer(), "sqlite"), primary_key=True, autoincrement=True),
    )
    id: uuid.UUID = Field(unique=True)
    occurred_at: datetime = Field(sa_type=UTCDateTime)
    actor_issuer: str = Field(max_length=300)
    actor_subject: str = Field(max_length=200)
    action: str = Field(max_length=64, index=True)
    outcome: str = Field(max_length=16)
    object_type: str = Field(max_length=64)
    object_id: str | None = Field(default=None, max_length=64)
    concertation_id: uuid.UUID | None = Field(default=None, index=True)
    codes: list[str] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    details: dict[str, Any] = Field(default_factory=dict, sa_column=Column(JSON, nullable=False))
    prev_hash: str = Field(max_length=64)
    hash: str = Field(max_length=64, unique=True)


class AuditEventPublic(SQLModel):
    seq: int
    id: uuid.UUID
    occurred_at: Instant
    actor_issuer: str
    actor_subject: str
    action: str
    outcome: Outcome
    object_type: str
    object_id: str | None
    concertation_id: uuid.UUID | None
    codes: list[str]
    details: dict[str, Any]
    prev_hash: str
    hash: str


class AuditEventPage(SQLModel):
    """A page of the trail, newest first; `next_cursor` continues towards older events."""

    items: list[AuditEventPublic]
    next_cursor: str | None


class ChainBreak(StrEnum):
    """Why a link of the chain does not hold."""

    HASH_MISMATCH = "hash_mismatch"  # the event's content no longer gives its hash: the row was edited
    BROKEN_LINK = "broken_link"  # prev_hash is not the previous event's hash: an event was deleted or inserted


class ChainReport(SQLModel):
    """The result of recomputing the whole chain, from the first event to the head seen when verification began.

    `last_good_seq`/`last_good_hash` name the last event whose link and hash hold (the head when `ok`): compare the
    head hash with a copy kept elsewhere to detect a truncated tail, which no chain can reveal by itself.
    """

    ok: bool
    events_checked: int
    last_good_seq: int | None
    last_good_hash: str | None
    first_broken_seq: int | None
    first_broken_id: uuid.UUID | None
    reason: ChainBreak | None
    elapsed_seconds: float
