"""RFC 9457 problem+json rendering for every error, in the caller's language (SPEC §5, D20).

Body: `type`, `title`, `status`, `detail`, `code`, `violations` (each `{rule, code, legal_ground, message, field}`).
Pydantic's validation errors become violations too: an unknown field, a value too long, a missing field; an
unknown enum value is refused under R115 unless a rule speaks more precisely about that field (an unknown basis type
is refused under R1/R3, an unknown purpose under R10: see `policies.strict`).
"""

from __future__ import annotations

import logging
from collections.abc import Mapping, Sequence
from dataclasses import replace
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.responses import JSONResponse
from starlette.types import Receive, Scope, Send

from api.deps import clock_of, open_session
from api.errors import DomainError, Item
from api.services.common import audit_payload_refusal
from policies import grounds
from policies.access import Actor
from policies.decision import Violation
from policies.messages import TITLES, message, negotiate
from policies.participation import check_no_compulsion
from policies.strict import unknown_value

log = logging.getLogger("concertation")

PROBLEM = "application/problem+json"
TYPE_BASE = "https://concertation.example/problems/"


def _violation_json(item: Item, lang: str) -> dict[str, Any]:
    return {
        "rule": item.rule,
        "code": item.code,
        "legal_ground": grounds.cite(item.legal_ground, lang),
        "message": message(item.code, lang, item.params),
        "field": item.field,
    }


def problem(
    status: int,
    code: str,
    lang: str,
    *,
    violations: Sequence[Item] = (),
    params: Mapping[str, str] | None = None,
    headers: Mapping[str, str] | None = None,
    members: Mapping[str, Any] | None = None,
) -> JSONResponse:
    """The problem document; `members` are extension members (RFC 9457 §3.2), ids only, never content."""
    body = {
        "type": TYPE_BASE + code,
        "title": TITLES.get(status, TITLES[400])[lang],
        "status": status,
        "detail": message(code, lang, {**(params or {}), **(violations[0].params if violations else {})}),
        "code": code,
        "violations": [_violation_json(v, lang) for v in violations],
        **(members or {}),
    }
    return JSONResponse(body, status_code=status, media_type=PROBLEM, headers=dict(headers or {}))


def language(request: Request) -> str:
    return negotiate(request.headers.get("accept-language"))


async def answer_asgi(
    scope: Scope, receive: Receive, send: Send, status: int, code: str, headers: Mapping[str, str]
) -> None:
    """Send a problem from an ASGI middleware, where no `Request` exists yet, in the language the request asks."""
    accept = dict(scope.get("headers") or []).get(b"accept-language", b"").decode("latin-1")
    await problem(status, code, negotiate(accept or None), headers=headers)(scope, receive, send)


def _path(loc: Sequence[Any]) -> str:
    parts = [p for p in loc if p not in ("body", "query", "path", "header")]
    out = ""
    for p in parts:
        if isinstance(p, int):
            out += f"[{p}]"
        else:
            out += ("." if out else "") + str(p)
    return out


def _short(value: Any) -> str:
    text = value if isinstance(value, str) else repr(value)
    return text[:64]


_PAGINATION: dict[tuple[str, ...], Violation] = {
    ("query", "limit"): Violation(None, "invalid_limit", grounds.DESIGN, "limit"),
    ("query", "cursor"): Violation(None, "invalid_cursor", grounds.DESIGN, "cursor"),
}


def validation_violation(error: Mapping[str, Any]) -> Violation:
    """Turn one pydantic error into a violation naming the field, and the rule where one applies."""
    kind = str(error.get("type", ""))
    loc = tuple(error.get("loc", ()))
    if loc in _PAGINATION:  # the pagination parameters have codes of their own, whatever the defect
        return _PAGINATION[loc]
    field = _path(loc)
    ctx = error.get("ctx") or {}
    if kind == "extra_forbidden":
        name = field.rsplit(".", 1)[-1]
        compelled = check_no_compulsion([name])
        if compelled:
            return replace(compelled[0], field=field)
        return Violation(None, "unknown_field", grounds.DESIGN, field, {"field": field})
    if kind == "missing":
        return Violation(None, "missing_field", grounds.DESIGN, field, {"field": field})
    if kind in ("string_too_long", "too_long"):
        limit = str(ctx.get("max_length", ""))
        code = "value_too_long" if kind == "string_too_long" else "too_many_items"
        return Violation(None, code, grounds.DESIGN, field, {"field": field, "limit": limit})
    if kind in ("enum", "literal_error"):
        return unknown_value(field, _short(error.get("input")))
    if kind == "json_invalid":
        return Violation(None, "malformed_json", grounds.DESIGN, field or None)
    return Violation(None, "value_invalid", grounds.DESIGN, field, {"field": field})


def _audit_refusal(request: Request, actor: Actor, violations: Sequence[Violation]) -> None:
    """A rule refused the payload before any use case ran (an unknown basis type, purpose…): audit it too."""
    for session in open_session(request):
        audit_payload_refusal(session, actor, request.method, request.url.path, violations, clock_of(request)())


def install(app: FastAPI) -> None:
    @app.exception_handler(DomainError)
    async def _domain(request: Request, exc: DomainError) -> JSONResponse:
        return problem(
            exc.status, exc.code, language(request), violations=exc.violations, params=exc.params, headers=exc.headers
        )

    @app.exception_handler(RequestValidationError)
    async def _validation(request: Request, exc: RequestValidationError) -> JSONResponse:
        violations = [validation_violation(e) for e in exc.errors()][:50]
        malformed = any(v.code == "malformed_json" for v in violations)
        if malformed:
            return problem(400, "malformed_json", language(request), violations=violations)
        # The code of the problem: the first rule's; else, when only the page was wrong, the pagination code the
        # README names (`invalid_limit`, `invalid_cursor`); else the generic one.
        paging = {v.code for v in _PAGINATION.values()}
        only_paging = bool(violations) and all(v.code in paging for v in violations)
        fallback = violations[0].code if only_paging else "invalid_payload"
        code = next((v.code for v in violations if v.rule), fallback)
        ruled = [v for v in violations if v.rule]
        actor = getattr(request.state, "actor", None)
        if ruled and actor is not None:
            _audit_refusal(request, actor, ruled)
        return problem(422, code, language(request), violations=violations)

    @app.exception_handler(StarletteHTTPException)
    async def _http(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        code = {404: "not_found", 405: "method_not_allowed", 413: "payload_too_large", 415: "unsupported_media_type"}
        return problem(
            exc.status_code,
            code.get(exc.status_code, "bad_request"),
            language(request),
            headers=getattr(exc, "headers", None),
        )

    @app.exception_handler(Exception)
    async def _unexpected(request: Request, exc: Exception) -> JSONResponse:
        log.exception("unexpected error on %s %s", request.method, request.url.path)
        return problem(500, "internal_error", language(request))
