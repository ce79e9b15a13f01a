"""HTTP conventions shared by the routers: ETags, If-Match, documented error responses, pagination parameters."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import Depends, Header, Query, Response

from api.errors import PreconditionFailed, PreconditionRequired
from models.problem import Problem

PROBLEM_JSON = "application/problem+json"


#: What each error status means in this API (the `code` of the problem says which case it is).
ERROR_DESCRIPTIONS: dict[int, str] = {
    401: "No valid bearer token (`WWW-Authenticate` says why)",
    403: "Your role or organisation may not do this (the problem names the rule)",
    404: "No such resource, or one you may not know exists (R27)",
    409: "Refused in the resource's current state, or by a rule (`violations` lists each failing check)",
    410: "The content was destroyed with its data key at the end of its retention (D18)",
    412: "`If-Match` names a version that is no longer the current one: read it again",
    422: "The request is malformed or breaks a rule (`violations`: rule, field and message of each)",
    428: "`If-Match` is required: send the `ETag` of the version you read",
    500: "A stored ciphertext did not open in its place (`integrity_error`): audited, never a fallback",
}
WWW_AUTHENTICATE: dict[str, Any] = {
    "description": 'The Bearer challenge (RFC 6750 §3), with `error="invalid_token"` for a token that was refused',
    "schema": {"type": "string"},
    "required": True,
}


def errors(*statuses: int) -> dict[int | str, dict[str, Any]]:
    """OpenAPI `responses` for the problem+json errors a route can return (401 and 422 on every route)."""
    documented: dict[int | str, dict[str, Any]] = {}
    for status in sorted({401, 422} | set(statuses)):
        response: dict[str, Any] = {
            "model": Problem,
            "description": ERROR_DESCRIPTIONS.get(status, "Error"),
            "content": {PROBLEM_JSON: {"schema": {"$ref": "#/components/schemas/Problem"}}},
        }
        if status == 401:
            response["headers"] = {"WWW-Authenticate": WWW_AUTHENTICATE}
        documented[status] = response
    return documented


def etag(version: int) -> str:
    return f'"{version}"'


def set_etag(response: Response, version: int) -> None:
    response.headers["ETag"] = etag(version)


def expected_version(if_match: str | None, *, required: bool = True) -> int | None:
    """The version an If-Match names: 428 when required and absent, 412 when it cannot name a version."""
    if if_match is None:
        if required:
            raise PreconditionRequired()
        return None
    value = if_match.strip()
    if value.startswith("W/"):
        value = value[2:]
    value = value.strip('"')
    if not value.isdigit() or len(value) > 18:
        raise PreconditionFailed()
    return int(value)


def set_tag(response: Response, tag: str) -> None:
    """The ETag of a record without a version counter: a digest of its representation (`content_tag`)."""
    response.headers["ETag"] = f'"{tag}"'


def expected_tag(if_match: str | None, *, required: bool = False) -> str | None:
    """The opaque ETag an If-Match names (`*`: any current one, i.e. None): 428 when required and absent."""
    if if_match is None:
        if required:
            raise PreconditionRequired()
        return None
    value = if_match.strip()
    if value == "*":
        return None
    return value.removeprefix("W/").strip('"')


IfMatch = Annotated[
    str | None,
    Header(
        alias="If-Match",
        description="Optional: the `ETag` of the version read; the change is made only on that version (412 otherwise)",
    ),
]


def if_match_required(
    if_match: Annotated[
        str | None,
        Header(
            alias="If-Match",
            description="The `ETag` of the version read: 412 when it is no longer the current one, 428 without it",
        ),
    ] = None,
) -> str:
    """The `If-Match` of a change that needs one: 428 problem+json when it is absent. A dependency, and optional for
    FastAPI, so that the absence is answered 428 (not FastAPI's 422); `api.openapi` marks it required in the
    document of every operation that depends on this."""
    if if_match is None:
        raise PreconditionRequired()
    return if_match


IfMatchRequired = Annotated[str, Depends(if_match_required)]
Limit = Annotated[int, Query(ge=1, le=200, description="Page size (≤ 200)")]
Cursor = Annotated[str | None, Query(max_length=512, description="Opaque cursor from `next_cursor`")]
