"""Development sign-in: tokens of the service's own development issuer, for the console and for scripts.

Anyone who reaches it may be anyone, so it answers only while the development issuer is on
(`CONCERTATION_DEV_ISSUER_ENABLED`, which a production deployment switches off) and only to a client on this
machine's loopback interface; elsewhere it answers exactly like an unknown path's problem (404).
"""

from __future__ import annotations

import ipaddress
from collections.abc import Sequence

from api.errors import NotFound
from api.security.keys import DevKey
from api.security.tokens import mint_token
from api.settings import Settings
from models.client import DevTokenRequest, DevTokenResponse


def _loopback(host: str | None) -> bool:
    try:
        return host is not None and ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def mint(settings: Settings, key: DevKey | None, subject: str, roles: Sequence[str], org: str | None, ttl: int) -> str:
    """A token of the development issuer, signed by `key` (None: the issuer is switched off, `NotFound`)."""
    if key is None or not settings.dev_issuer_enabled:
        raise NotFound("dev_sign_in_unavailable")
    return mint_token(
        key.private_key_pem,
        kid=key.kid,
        issuer=settings.dev_issuer,
        audience=settings.audience,
        subject=subject,
        roles=list(roles),
        org=org,
        ttl_seconds=ttl,
    )


def sign_in(
    settings: Settings, key: DevKey | None, request: DevTokenRequest, client_host: str | None
) -> DevTokenResponse:
    """The token a development sign-in asked for, to a loopback client while the development issuer is on."""
    if not _loopback(client_host):
        raise NotFound("dev_sign_in_unavailable")
    roles = list(dict.fromkeys(r.value for r in request.roles))
    ttl = settings.dev_token_ttl_seconds
    token = mint(settings, key, request.sub, roles, request.org, ttl)
    return DevTokenResponse(access_token=token, expires_in=ttl, issuer=settings.dev_issuer)
