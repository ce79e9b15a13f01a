"""OAuth2 clients of the client-credentials grant (RFC 6749 §4.4): partner systems that call the API (SPEC §2).

A client's secret is never stored: `secret_hash` holds a memory-hard (scrypt) digest with its parameters and a
per-client salt, and no public schema carries it. A disabled client keeps its row, so that the audit trail's
`client_id`s keep naming something.
"""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Annotated, Literal

from pydantic import Field as PField
from sqlalchemy import JSON, Column
from sqlmodel import Field, SQLModel

from models.common import Instant, NoNul, UTCDateTime, Wire
from models.problem import Problem
from policies.vocab import Role

#: RFC 6749 §2.2 leaves the format to the server; ours fits a log line, a URL and an audit event's `object_id`.
CLIENT_ID_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9._:-]{0,63}$"


class OAuthClient(SQLModel, table=True):
    __tablename__ = "oauth_client"

    id: uuid.UUID = Field(primary_key=True)
    client_id: str = Field(max_length=64, unique=True)
    secret_hash: str = Field(max_length=255)
    roles: list[str] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    org: str = Field(max_length=200)
    created_at: datetime = Field(sa_type=UTCDateTime)
    disabled_at: datetime | None = Field(default=None, sa_type=UTCDateTime)


class OAuthClientPublic(SQLModel):
    """What `concertation client list` shows: never the secret nor its hash."""

    id: uuid.UUID
    client_id: str
    roles: list[str]
    org: str
    created_at: Instant
    disabled_at: Instant | None


class TokenResponse(SQLModel):
    """RFC 6749 §5.1 — a successful client-credentials grant."""

    access_token: str = PField(description="A JWT of the service's own issuer, to send as `Authorization: Bearer`")
    token_type: Literal["Bearer"] = "Bearer"  # noqa: S105 - RFC 6749 §7.1 token type
    expires_in: int = PField(description="Lifetime of the token in seconds (CONCERTATION_CLIENT_TOKEN_TTL_SECONDS)")
    scope: str = PField(description="The roles granted, space-separated")


class DevTokenRequest(Wire):
    """A development sign-in (the console's, or a script's): who to be. Only while the development issuer is on."""

    sub: Annotated[str, PField(min_length=1, max_length=200, pattern=r"^[^\s].*$"), NoNul] = PField(
        description="Subject: a stable person id; a participant signs in as the `subject` he was invited with"
    )
    roles: Annotated[list[Role], PField(min_length=1, max_length=6)] = PField(description="Roles the token carries")
    org: Annotated[str, PField(min_length=1, max_length=200), NoNul] | None = PField(
        default=None, description="Organisation of the signed-in person"
    )


class DevTokenResponse(SQLModel):
    """A development token, to send as `Authorization: Bearer`."""

    access_token: str = PField(description="A JWT of the service's development issuer")
    token_type: Literal["Bearer"] = "Bearer"  # noqa: S105 - RFC 6749 §7.1 token type
    expires_in: int = PField(description="Lifetime of the token in seconds (CONCERTATION_DEV_TOKEN_TTL_SECONDS)")
    issuer: str = PField(description="`iss` of the token: invite a participant with this issuer and his `sub`")


class OAuthProblem(Problem):
    """A problem+json body (RFC 9457) that also carries RFC 6749 §5.2's `error` members for OAuth client libraries."""

    error: Literal["invalid_request", "invalid_client", "unsupported_grant_type", "invalid_scope"]
    error_description: str
