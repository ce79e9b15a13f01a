"""Column types and bounded wire types shared by every aggregate."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime
from typing import Annotated, Any, TypeVar

from pydantic import AfterValidator, AwareDatetime, ConfigDict, StringConstraints
from sqlalchemy import DateTime, TypeDecorator
from sqlalchemy.engine import Dialect
from sqlmodel import SQLModel

#: Request bodies forbid unknown fields (STYLE: extra="forbid").
STRICT = ConfigDict(extra="forbid")

_Shown = TypeVar("_Shown", bound=SQLModel)


def validated(cls: type[_Shown], values: Any) -> _Shown:
    """`cls.model_validate(values)` for a schema that is not a table, in one pass of pydantic's core. SQLModel's own
    `model_validate` has pydantic call SQLModel's `__init__` for every nested SQLModel, which validates it a second
    time: for a page of fifty entries, more than the page's own validation. Validate the items with this, then the
    page: items that are already instances pass as they are."""
    shown: _Shown = cls.__new__(cls)
    cls.__pydantic_validator__.validate_python(values, self_instance=shown)
    return shown


class Wire(SQLModel):
    """Base of every request schema: unknown fields are refused."""

    model_config = STRICT  # type: ignore[assignment]


def _utc(value: datetime) -> datetime:
    try:
        return value.astimezone(UTC)
    except OverflowError:  # 9999-12-31T23:00-12:00 has no UTC equivalent: a bad value, not a server error
        raise ValueError("instant out of range") from None


#: A timezone-aware instant, normalised to UTC. Naive datetimes are refused.
Instant = Annotated[AwareDatetime, AfterValidator(_utc)]


def _no_nul(value: str) -> str:
    """U+0000 is in no text a person writes, and PostgreSQL cannot store it: a bad value (422), never a 500."""
    if "\x00" in value:
        raise ValueError("NUL character")
    return value


#: Every free text of a request refuses U+0000 (found by the fuzz: a 500 on PostgreSQL, stored on SQLite).
NoNul = AfterValidator(_no_nul)

Str64 = Annotated[str, StringConstraints(max_length=64), NoNul]
Str200 = Annotated[str, StringConstraints(max_length=200), NoNul]
Str300 = Annotated[str, StringConstraints(max_length=300), NoNul]
Text2k = Annotated[str, StringConstraints(max_length=2000), NoNul]
Text5k = Annotated[str, StringConstraints(max_length=5000), NoNul]
#: A pseudonymous reference chosen by the coordinator (never a name or a national number).
Reference = Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$")]
OffenceCode = Annotated[str, StringConstraints(max_length=64), NoNul]


class UTCDateTime(TypeDecorator[datetime]):
    """Stores aware datetimes as UTC; gives aware datetimes back on SQLite too, which drops the offset."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime refused: timestamps are timezone-aware UTC")
        return value.astimezone(UTC)

    def process_result_value(self, value: Any, dialect: Dialect) -> datetime | None:
        if not isinstance(value, datetime):
            return None
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


def new_id() -> uuid.UUID:
    """Client-side UUIDs, so that a row's id exists before the first flush (it enters the AEAD associated data)."""
    return uuid.uuid4()
