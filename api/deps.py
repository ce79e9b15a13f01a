"""FastAPI dependencies as `Annotated` aliases. Clock, key ring, engine and verifier are overridable in tests."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable, Iterator
from datetime import UTC, datetime
from typing import Annotated

from fastapi import Depends, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from sqlalchemy import Engine
from sqlmodel import Session

from api.errors import Unauthenticated
from api.ratelimit import WRITE_METHODS, RateLimiter
from api.security.kms import Kms
from api.security.tokens import AuthenticationError, TokenVerifier
from api.settings import Settings
from policies.access import Actor
from policies.vocab import Role

Clock = Callable[[], datetime]


def system_clock() -> datetime:
    return datetime.now(UTC)


# Dependencies that only look something up, or compute briefly, are `async def`: FastAPI runs them on the event
# loop, where a plain `def` would be a hop to the thread pool and back for each of them, on every request.


async def get_settings(request: Request) -> Settings:
    settings: Settings = request.app.state.settings
    return settings


def clock_of(request: Request) -> Clock:
    clock: Clock = request.app.state.clock
    return clock


async def get_clock(request: Request) -> Clock:
    return clock_of(request)


async def get_keyring(request: Request) -> Kms:
    keyring: Kms = request.app.state.keyring
    return keyring


def engine_of(request: Request) -> Engine:
    engine: Engine = request.app.state.engine
    return engine


async def get_engine(request: Request) -> Engine:
    return engine_of(request)


def new_session(request: Request, engine: Engine) -> Session:
    session = Session(engine, expire_on_commit=False)
    session.info["kms"] = request.app.state.keyring  # loaded concertations open their sealed free texts with it
    return session


async def get_session(request: Request, engine: Annotated[Engine, Depends(get_engine)]) -> AsyncIterator[Session]:
    """A session for the route, made and closed on the event loop (two hops to the thread pool saved per request).
    Making one does no I/O: it connects at its first statement. A use case ends with commit or rollback, which gives
    the connection back to the pool; closing is then only forgetting objects. A session still in a transaction (the
    route failed half-way) rolls back, in the thread pool, off the event loop."""
    session = new_session(request, engine)
    try:
        yield session
    finally:
        if session.in_transaction():
            await run_in_threadpool(session.close)
        else:
            session.close()


_ROLES = {r.value: r for r in Role}


#: Shows the "Authorize" button in /docs; missing credentials are answered by us, as problem+json.
bearer = HTTPBearer(auto_error=False, bearerFormat="JWT", description="`make run` prints a development token")


async def get_actor(
    request: Request,
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)],
) -> Actor:
    if credentials is None or credentials.scheme.lower() != "bearer":
        raise Unauthenticated(headers={"WWW-Authenticate": 'Bearer realm="concertation"'})
    verifier: TokenVerifier = request.app.state.verifier
    token = credentials.credentials
    # A token seen before is a dict lookup, done here on the event loop; a first one is verified in the thread pool,
    # since its issuer's keys may have to be fetched.
    principal = verifier.cached(token)
    if principal is None:
        try:
            principal = await run_in_threadpool(verifier.verify, token)
        except AuthenticationError as exc:
            raise Unauthenticated(
                exc.code, headers={"WWW-Authenticate": 'Bearer realm="concertation", error="invalid_token"'}
            ) from None
    limiter: RateLimiter | None = getattr(request.app.state, "rate_limiter", None)
    if limiter is not None and request.method in WRITE_METHODS and request.scope["path"].startswith("/v1/"):
        # 429 with Retry-After when over the budget; a shared storage (redis…) is asked from the thread pool.
        if limiter.in_process:
            limiter.check_write(principal.issuer, principal.subject)
        else:
            await run_in_threadpool(limiter.check_write, principal.issuer, principal.subject)
    roles = frozenset(_ROLES[r] for r in principal.roles if r in _ROLES)
    actor = Actor(issuer=principal.issuer, subject=principal.subject, roles=roles, org=principal.org)
    request.state.actor = actor  # so that a refusal decided by schema validation can still be audited
    return actor


def open_session(request: Request) -> Iterator[Session]:
    """A session outside route dependencies (error handlers), honouring a test's override of `get_session`."""
    override = request.app.dependency_overrides.get(get_session)
    if override is not None:
        yield from override()
    else:
        with new_session(request, engine_of(request)) as session:
            yield session


SettingsDep = Annotated[Settings, Depends(get_settings)]
ClockDep = Annotated[Clock, Depends(get_clock)]
KeyRingDep = Annotated[Kms, Depends(get_keyring)]
SessionDep = Annotated[Session, Depends(get_session)]
ActorDep = Annotated[Actor, Depends(get_actor)]
