"""`POST /oauth/dev-token`: the development sign-in of the console (and of scripts), beside `/oauth/token`."""

from __future__ import annotations

from typing import Annotated, Final

from fastapi import APIRouter, Depends, Request
from fastapi.responses import JSONResponse

from api.deps import SettingsDep
from api.http import errors
from api.routers.oauth import signing_key
from api.security.keys import DevKey
from api.services import dev_tokens
from models.client import DevTokenRequest, DevTokenResponse

router = APIRouter(tags=["partner systems"])

_NO_STORE: Final = {"Cache-Control": "no-store", "Pragma": "no-cache"}


@router.post(
    "/oauth/dev-token",
    operation_id="createDevelopmentToken",
    response_model=DevTokenResponse,
    responses=errors(404),
    summary="Development sign-in: a token for any subject and roles (development issuer only)",
)
def dev_token(
    payload: DevTokenRequest,
    request: Request,
    settings: SettingsDep,
    key: Annotated[DevKey | None, Depends(signing_key)],
) -> JSONResponse:
    """A token of the service's development issuer for the subject, roles and organisation asked — what the
    console's sign-in page uses in development. Answers only while `CONCERTATION_DEV_ISSUER_ENABLED=true` and only
    to a client on the loopback interface; otherwise 404 `dev_sign_in_unavailable`. Production deployments switch
    the development issuer off and sign people in with their OpenID Connect provider."""
    issued = dev_tokens.sign_in(settings, key, payload, request.client.host if request.client else None)
    return JSONResponse(issued.model_dump(), headers=_NO_STORE)
