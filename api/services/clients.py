"""OAuth2 clients and the client-credentials grant (RFC 6749 §4.4; SPEC §2, §4).

A partner system authenticates with its `client_id` and secret and receives a short-lived JWT of the service's own
issuer — the issuer the verifier already trusts, signed with the same key — carrying `sub` = client_id, the roles
granted and the client's organisation. The secret is checked against its scrypt digest in constant time; it is never
stored, logged or audited. Every issuance and every refusal is an audit event naming the client_id only.

Refusals answer RFC 6749 §5.2: `invalid_request` (malformed), `invalid_client` (authentication failed — an unknown
client, a wrong secret and a disabled client look alike), `unsupported_grant_type`, `invalid_scope`. The HTTP layer
renders them as problem+json carrying the `error` member too.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Final

from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, col, select

from api.db import begin_write
from api.errors import Conflict, DomainError, NotFound, Unprocessable
from api.security.keys import DevKey
from api.security.tokens import (
    MAX_CLIENT_SECRET_LENGTH,
    hash_client_secret,
    mint_token,
    new_client_secret,
    verify_client_secret,
)
from api.services.common import audit_alone, succeed
from api.settings import Settings
from models.audit import Outcome
from models.client import CLIENT_ID_PATTERN, OAuthClient, OAuthClientPublic, TokenResponse
from policies import grounds
from policies.access import Actor
from policies.decision import Violation
from policies.vocab import Role

GRANT_TYPE: Final = "client_credentials"
TOKEN_ACTION: Final = "oauth.token"  # noqa: S105 - an audit action name
#: Client administration runs from the command line, as the service itself.
CLIENT_ADMIN: Final = Actor(issuer="concertation", subject="client-admin", roles=frozenset(), org=None)
#: Who a refusal is audited under when the request named no well-formed client_id.
UNIDENTIFIED: Final = "unidentified"

_CLIENT_ID = re.compile(CLIENT_ID_PATTERN)
#: RFC 6749 §3.3: scope tokens are NQCHAR (printable ASCII but space, `"` and `\`), separated by single spaces.
_SCOPE = re.compile(r"[\x21\x23-\x5B\x5D-\x7E]+(?: [\x21\x23-\x5B\x5D-\x7E]+)*")
_MAX_SCOPE_LENGTH: Final = 200
_ROLES: Final = {role.value: role for role in Role}


class OAuthError(DomainError):
    """A refusal of the token endpoint: `error` is RFC 6749 §5.2's, `code` the problem's (usually the same)."""

    def __init__(self, error: str, code: str | None = None) -> None:
        status = 401 if error == "invalid_client" else 400
        headers = {"WWW-Authenticate": 'Basic realm="concertation"'} if status == 401 else {}
        super().__init__(code or error, headers=headers)
        self.status = status
        self.error = error


@dataclass(frozen=True)
class TokenRequest:
    """What the HTTP layer read from a token request; `defect` is its RFC 6749 §5.2 error when it is malformed."""

    grant_type: str | None
    scope: str | None
    client_id: str | None
    client_secret: str | None = None
    defect: str | None = None


def well_formed_client_id(client_id: str | None) -> bool:
    return client_id is not None and _CLIENT_ID.fullmatch(client_id) is not None


def public(row: OAuthClient) -> OAuthClientPublic:
    return OAuthClientPublic.model_validate(row.model_dump())


# --- the grant --------------------------------------------------------------------------------------------------


def issue_token(
    session: Session, request: TokenRequest, settings: Settings, key: DevKey | None, now: datetime
) -> TokenResponse:
    """RFC 6749 §4.4: authenticate the client, grant the roles asked for (all of its roles when no scope is given)
    and sign a token of the service's own issuer. Refusals are audited and raised as :class:`OAuthError`."""
    client_id = request.client_id if well_formed_client_id(request.client_id) else None
    actor = Actor(issuer=settings.dev_issuer, subject=client_id or UNIDENTIFIED, roles=frozenset(), org=None)

    def refuse(error: str, reason: str, code: str | None = None) -> OAuthError:
        audit_alone(
            session,
            actor,
            TOKEN_ACTION,
            Outcome.REFUSED if error != "invalid_client" else Outcome.DENIED,
            now=now,
            object_type="oauth_client",
            object_id=client_id,
            codes=[code or error],
            details={"reason": reason},
        )
        return OAuthError(error, code)

    if key is None:
        # Tokens of a disabled issuer would be refused by our own verifier: say so instead of minting them.
        raise refuse("unsupported_grant_type", "issuer_disabled", "client_credentials_disabled")
    if request.defect is not None:
        raise refuse(request.defect, "malformed_request")
    if request.grant_type is None:
        raise refuse("invalid_request", "grant_type_missing")
    if request.grant_type != GRANT_TYPE:
        raise refuse("unsupported_grant_type", "grant_type_unsupported")
    asked = _scope(request.scope)
    if asked is None:
        raise refuse("invalid_scope", "scope_malformed")
    secret = request.client_secret
    if client_id is None or secret is None or len(secret) > MAX_CLIENT_SECRET_LENGTH:
        raise refuse("invalid_client", "credentials_missing_or_malformed")

    begin_write(session)
    row = session.exec(select(OAuthClient).where(col(OAuthClient.client_id) == client_id)).first()
    if row is None:
        raise refuse("invalid_client", "unknown_client")
    if not verify_client_secret(secret, row.secret_hash):
        raise refuse("invalid_client", "wrong_secret")
    if row.disabled_at is not None:
        raise refuse("invalid_client", "client_disabled")
    roles = [r for r in row.roles if r in _ROLES]
    if asked:
        if not asked <= set(roles):
            raise refuse("invalid_scope", "scope_beyond_client")
        roles = [r for r in roles if r in asked]

    ttl = settings.client_token_ttl_seconds
    # iat/exp come from the wall clock, as does the verifier's: an injected clock would mint unverifiable tokens.
    token = mint_token(
        key.private_key_pem,
        kid=key.kid,
        issuer=settings.dev_issuer,
        audience=settings.audience,
        subject=row.client_id,
        roles=roles,
        org=row.org,
        ttl_seconds=ttl,
    )
    succeed(
        session,
        actor,
        TOKEN_ACTION,
        now=now,
        object_type="oauth_client",
        object_id=row.client_id,
        details={"roles": roles, "expires_in": ttl},
    )
    return TokenResponse(access_token=token, expires_in=ttl, scope=" ".join(roles))


def _scope(scope: str | None) -> set[str] | None:
    """The roles a `scope` asks for (empty: all of the client's), or None when it is malformed or names no role."""
    if scope is None or scope == "":
        return set()
    if len(scope) > _MAX_SCOPE_LENGTH or _SCOPE.fullmatch(scope) is None:
        return None
    asked = set(scope.split(" "))
    return asked if asked <= _ROLES.keys() else None


# --- administration (CLI) -----------------------------------------------------------------------------------------


def register(
    session: Session, client_id: str, roles: Sequence[str], org: str, now: datetime
) -> tuple[OAuthClientPublic, str]:
    """Create a client; returns it with its secret, which exists nowhere else from then on."""
    violations: list[Violation] = []
    if not well_formed_client_id(client_id):
        violations.append(Violation(None, "value_invalid", grounds.DESIGN, "client_id", {"field": "client_id"}))
    if not roles or not set(roles) <= _ROLES.keys():
        violations.append(Violation(None, "value_invalid", grounds.DESIGN, "roles", {"field": "roles"}))
    if not org or len(org) > 200:
        violations.append(Violation(None, "value_invalid", grounds.DESIGN, "org", {"field": "org"}))
    if violations:
        raise Unprocessable(violations=violations)
    secret = new_client_secret()
    begin_write(session)
    if session.exec(select(OAuthClient).where(col(OAuthClient.client_id) == client_id)).first() is not None:
        session.rollback()
        raise Conflict("client_exists")
    row = OAuthClient(
        id=uuid.uuid4(),
        client_id=client_id,
        secret_hash=hash_client_secret(secret),
        roles=sorted(set(roles)),
        org=org,
        created_at=now,
    )
    session.add(row)
    try:
        succeed(
            session,
            CLIENT_ADMIN,
            "oauth_client.create",
            now=now,
            object_type="oauth_client",
            object_id=client_id,
            details={"roles": row.roles, "org": org},
        )
    except IntegrityError:  # registered concurrently under the same client_id
        session.rollback()
        raise Conflict("client_exists") from None
    return public(row), secret


def list_clients(session: Session) -> list[OAuthClientPublic]:
    rows = session.exec(select(OAuthClient).order_by(col(OAuthClient.created_at), col(OAuthClient.client_id))).all()
    return [public(r) for r in rows]


def disable(session: Session, client_id: str, now: datetime) -> OAuthClientPublic:
    """Refuse the client's future token requests; tokens already issued live until their `exp` (a few minutes)."""
    begin_write(session)
    row = session.exec(select(OAuthClient).where(col(OAuthClient.client_id) == client_id)).first()
    if row is None:
        session.rollback()
        raise NotFound()
    if row.disabled_at is None:
        row.disabled_at = now
        session.add(row)
        succeed(session, CLIENT_ADMIN, "oauth_client.disable", now=now, object_type="oauth_client", object_id=client_id)
    else:
        session.rollback()
    return public(row)
