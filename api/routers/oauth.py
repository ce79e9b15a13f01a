"""`POST /oauth/token`: the OAuth2 client-credentials grant for partner systems (RFC 6749 §4.4, SPEC §2).

This module reads the HTTP request — the form body (RFC 6749 §4.4.2, Appendix B) and the client's credentials, by
HTTP Basic or in the body (§2.3.1), never both — and renders the answer: the token with `Cache-Control: no-store`
(§5.1), or problem+json that also carries §5.2's `error` and `error_description` so that OAuth client libraries
understand it. The decisions are `api.services.clients.issue_token`'s.
"""

from __future__ import annotations

import base64
import json
import re
from typing import Annotated, Any, Final
from urllib.parse import parse_qsl, unquote_plus

from fastapi import APIRouter, Depends, Request
from fastapi.responses import JSONResponse
from fastapi.security import HTTPBasic

from api import problems
from api.deps import ClockDep, SessionDep, SettingsDep
from api.http import PROBLEM_JSON
from api.ratelimit import RateLimiter
from api.security.keys import DevKey, ensure_dev_signing_key
from api.services import clients
from api.services.clients import OAuthError, TokenRequest
from models.client import OAuthProblem, TokenResponse
from models.problem import Problem
from policies.messages import message

router = APIRouter()

FORM: Final = "application/x-www-form-urlencoded"
_MAX_FORM_FIELDS: Final = 16
#: RFC 6749 §5.2: error_description is %x20-21 / %x23-5B / %x5D-7E.
_NOT_DESCRIPTION_CHARACTER = re.compile(r"[^\x20\x21\x23-\x5B\x5D-\x7E]")
_NO_STORE: Final = {"Cache-Control": "no-store", "Pragma": "no-cache"}


class _ClientBasic(HTTPBasic):
    """Documents HTTP Basic client authentication in the OpenAPI; the header itself is read by `_basic` below,
    which answers malformed credentials as RFC 6749 requires instead of FastAPI's plain 401."""

    async def __call__(self, request: Request) -> str | None:  # type: ignore[override]
        return request.headers.get("authorization")


client_basic = _ClientBasic(
    scheme_name="clientBasic",
    auto_error=False,
    description="RFC 6749 §2.3.1: client_id and client_secret, each form-urlencoded, as user name and password",
)


async def token_request(request: Request) -> TokenRequest:
    """The token request as the client sent it; a malformed one carries its RFC 6749 §5.2 error as `defect`."""
    body = await request.body()
    media_type = request.headers.get("content-type", "").split(";", 1)[0].strip().lower()
    params: dict[str, str] = {}
    defect = None
    if media_type != FORM:
        defect = "invalid_request"
    else:
        try:
            pairs = parse_qsl(
                body.decode("ascii"), keep_blank_values=True, max_num_fields=_MAX_FORM_FIELDS, errors="strict"
            )
        except (UnicodeDecodeError, ValueError):
            pairs, defect = [], "invalid_request"
        for name, value in pairs:
            if name in params:  # RFC 6749 §3.2: no parameter more than once
                defect = "invalid_request"
            params[name] = value
    client_id, secret = params.get("client_id"), params.get("client_secret")
    authorization = request.headers.get("authorization")
    if authorization is not None:
        basic = _basic(authorization)
        if basic is None:
            defect = defect or "invalid_client"
        elif secret is not None or (client_id is not None and client_id != basic[0]):
            defect = defect or "invalid_request"  # §2.3: one authentication method per request
            client_id = basic[0]
        else:
            client_id, secret = basic
    return TokenRequest(
        grant_type=params.get("grant_type"),
        scope=params.get("scope"),
        client_id=client_id,
        client_secret=secret,
        defect=defect,
    )


def _basic(authorization: str) -> tuple[str, str] | None:
    """`(client_id, secret)` of an `Authorization: Basic` header (RFC 7617, form-decoded per RFC 6749 §2.3.1)."""
    scheme, _, credentials = authorization.strip().partition(" ")
    if scheme.lower() != "basic" or len(credentials) > 1024:
        return None
    try:
        decoded = base64.b64decode(credentials.strip(), validate=True).decode("utf-8")
    except ValueError:  # binascii.Error, UnicodeDecodeError, and non-ASCII text in the header
        return None
    user, colon, password = decoded.partition(":")
    if not colon:
        return None
    return unquote_plus(user), unquote_plus(password)


def signing_key(request: Request) -> DevKey | None:
    """The service's own signing key (the one `build_verifier` trusts), or None when its issuer is disabled."""
    settings = request.app.state.settings
    if not settings.dev_issuer_enabled:
        return None
    key: DevKey | None = getattr(request.app.state, "signing_key", None)
    if key is None:
        key = request.app.state.signing_key = ensure_dev_signing_key(settings.dev_key_dir)
    return key


def _oauth_problem(request: Request, exc: OAuthError) -> JSONResponse:
    rendered = problems.problem(exc.status, exc.code, problems.language(request), headers=exc.headers)
    body: dict[str, Any] = json.loads(bytes(rendered.body))
    description = _NOT_DESCRIPTION_CHARACTER.sub("?", message(exc.code, "en"))
    body.update(error=exc.error, error_description=description)
    return JSONResponse(body, status_code=exc.status, media_type=PROBLEM_JSON, headers={**exc.headers, **_NO_STORE})


def _problem_response(description: str) -> dict[str, Any]:
    return {
        "model": OAuthProblem,
        "description": description,
        "content": {PROBLEM_JSON: {"schema": {"$ref": "#/components/schemas/OAuthProblem"}}},
    }


_FORM_BODY: Final = {
    "required": True,
    "content": {
        FORM: {
            "schema": {
                "type": "object",
                "required": ["grant_type"],
                "properties": {
                    "grant_type": {"type": "string", "enum": ["client_credentials"]},
                    "scope": {
                        "type": "string",
                        "maxLength": 200,
                        "description": "Space-separated roles to restrict the token to (default: all of the client's)",
                    },
                    "client_id": {"type": "string", "description": "When not sent by HTTP Basic"},
                    "client_secret": {"type": "string", "description": "When not sent by HTTP Basic"},
                },
            }
        }
    },
}


@router.post(
    "/oauth/token",
    operation_id="issueToken",
    tags=["partner systems"],
    response_model=TokenResponse,
    responses={
        400: _problem_response("invalid_request, unsupported_grant_type or invalid_scope (RFC 6749 §5.2)"),
        401: _problem_response("invalid_client: unknown client, wrong secret or disabled client"),
        413: {
            "model": Problem,
            "description": "The request body is too large",
            "content": {PROBLEM_JSON: {"schema": {"$ref": "#/components/schemas/Problem"}}},
        },
    },
    summary="Obtain an access token (client credentials)",
    openapi_extra={"requestBody": _FORM_BODY},
    dependencies=[Depends(client_basic)],
)
def token(
    request: Request,
    form: Annotated[TokenRequest, Depends(token_request)],
    key: Annotated[DevKey | None, Depends(signing_key)],
    session: SessionDep,
    settings: SettingsDep,
    clock: ClockDep,
) -> Any:
    """OAuth2 client-credentials grant (RFC 6749 §4.4) for partner systems. Authenticate with HTTP Basic (or
    `client_id`/`client_secret` in the body), send `grant_type=client_credentials` form-encoded, and get a JWT valid
    for `expires_in` seconds, to send as `Authorization: Bearer`. Ask for a new one when it expires (no refresh
    token). Limited per client: 429 with `Retry-After` when over the limit."""
    limiter: RateLimiter | None = getattr(request.app.state, "rate_limiter", None)
    if limiter is not None:
        limiter.check_token(
            form.client_id if clients.well_formed_client_id(form.client_id) else None,
            request.client.host if request.client else None,
        )
    try:
        issued = clients.issue_token(session, form, settings, key, clock())
    except OAuthError as exc:
        return _oauth_problem(request, exc)
    return JSONResponse(issued.model_dump(), headers=_NO_STORE)
