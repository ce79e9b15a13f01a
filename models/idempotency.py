"""Idempotency keys (SPEC §2): the first response to a mutating request, kept to be replayed on a repeat.

A record belongs to one client, the verified principal `(issuer, subject)`; the unique constraint on
`(issuer, subject, key)` decides which of several concurrent requests (on any worker) runs. A record is `in_flight`
while its request runs, `committed` once its use case has committed (marked in that same transaction), `completed`
once its response (below 500) is stored, its body sealed. It never holds a token.
"""

from __future__ import annotations

import uuid
from datetime import datetime
from enum import StrEnum
from typing import Any

from sqlalchemy import JSON, Column, LargeBinary, UniqueConstraint
from sqlmodel import Field, SQLModel

from models.common import UTCDateTime


class IdempotencyState(StrEnum):
    IN_FLIGHT = "in_flight"
    #: The use case committed its change (marked in the same transaction); its response is not stored yet.
    COMMITTED = "committed"
    COMPLETED = "completed"


class IdempotencyRecord(SQLModel, table=True):
    __tablename__ = "idempotency_record"
    __table_args__ = (UniqueConstraint("issuer", "subject", "key", name="uq_idempotency_record_client_key"),)

    id: uuid.UUID = Field(primary_key=True)
    issuer: str = Field(max_length=300)
    subject: str = Field(max_length=200)
    key: str = Field(max_length=255)
    #: sha256 (hex) of method, path, query and body: the same key with another request is refused.
    fingerprint: str = Field(max_length=64)
    state: str = Field(default=IdempotencyState.IN_FLIGHT.value, max_length=16)
    status: int | None = None
    #: The response headers that matter to a replay: `[[name, value], …]` (Location, ETag, Content-Type).
    headers: list[Any] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    #: SPEC §6: a response may carry sealed free texts, so its body is kept only as AES-GCM ciphertext, under a
    #: data key of its own wrapped by the key ring (bound to the record, its request and its status and headers).
    body_ciphertext: bytes | None = Field(default=None, sa_column=Column(LargeBinary))
    kek_id: str | None = Field(default=None, max_length=64)
    wrapped_key: bytes | None = Field(default=None, sa_column=Column(LargeBinary))
    #: What a committed request did (action and ids, never content): told to a retry whose response was lost.
    outcome: dict[str, Any] | None = Field(default=None, sa_column=Column(JSON, nullable=True))
    created_at: datetime = Field(sa_type=UTCDateTime)
    expires_at: datetime = Field(sa_type=UTCDateTime, index=True)
