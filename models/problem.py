"""The problem+json body (RFC 9457) every error carries, as a schema for the OpenAPI document."""

from __future__ import annotations

from sqlmodel import SQLModel


class ViolationPublic(SQLModel):
    rule: str | None
    code: str
    legal_ground: str
    message: str
    field: str | None


class Problem(SQLModel):
    type: str
    title: str
    status: int
    detail: str
    code: str
    violations: list[ViolationPublic]
