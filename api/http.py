"""HTTP conventions shared by the routers: ETags, If-Match, documented error responses, pagination parameters."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import Header, Query, Response

from api.errors import PreconditionFailed, PreconditionRequired
from models.problem import Problem

PROBLEM_JSON = "application/problem+json"


def errors(*statuses: int) -> dict[int | str, dict[str, Any]]:
    """OpenAPI `responses` for the problem+json errors a route can return."""
    common = {401, 422}
    return {
        s: {"model": Problem, "content": {PROBLEM_JSON: {"schema": {"$ref": "#/components/schemas/Problem"}}}}
        for s in sorted(common | set(statuses))
    }


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


IfMatch = Annotated[str | None, Header(alias="If-Match", description="ETag of the version being changed")]
Limit = Annotated[int, Query(ge=1, le=200, description="Page size (≤ 200)")]
Cursor = Annotated[str | None, Query(max_length=512, description="Opaque cursor from `next_cursor`")]
