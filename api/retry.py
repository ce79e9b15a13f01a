"""Transient database conflicts are retried (SPEC §6, Durability: "retries of serialisation failures and deadlocks
(40001, 40P01)").

PostgreSQL aborts one of two transactions that wait for each other (deadlock, 40P01) or that cannot be serialised
(40001); the aborted one changed nothing, and running it again usually succeeds. A request whose use case fails so,
before any byte of its response is sent, is run again from the start — with the same body, which is kept as it is
read — up to `attempts` times in all, after a short random pause that grows with each attempt. If every attempt
fails the client gets 503 `database_conflict` with `Retry-After`: retrying later, with its `Idempotency-Key`, is
safe. Installed inside the idempotency middleware, so a retried request still runs at most once under its key.
"""

from __future__ import annotations

import asyncio
import logging
import random
from collections.abc import Iterator

from starlette.types import ASGIApp, Message, Receive, Scope, Send

log = logging.getLogger("concertation")

#: SQLSTATEs of a transaction the database aborted so that another could go on: serialization_failure,
#: deadlock_detected.
TRANSIENT = frozenset({"40001", "40P01"})


def _causes(exc: BaseException) -> Iterator[BaseException]:
    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        yield current
        current = current.__cause__ or current.__context__


def sqlstate(exc: BaseException) -> str | None:
    """The SQLSTATE of a transient database conflict behind `exc` (SQLAlchemy wraps the driver's error in `orig`)."""
    for cause in _causes(exc):
        for candidate in (cause, getattr(cause, "orig", None)):
            code = getattr(candidate, "sqlstate", None)
            if code in TRANSIENT:
                return str(code)
    return None


class TransientRetry:
    """Run a request again when its transaction was aborted by a deadlock or a serialisation failure."""

    def __init__(self, app: ASGIApp, attempts: int = 3, pause_seconds: float = 0.02) -> None:
        self.app = app
        self.attempts = attempts
        self.pause = pause_seconds

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        received: list[Message] = []  # the request's body messages, as far as an attempt read them
        started = False

        async def sending(message: Message) -> None:
            nonlocal started
            started = started or message["type"] == "http.response.start"
            await send(message)

        for attempt in range(1, self.attempts + 1):
            replay = iter(list(received))

            async def receiving(replay: Iterator[Message] = replay) -> Message:
                for message in replay:
                    return message
                message = await receive()
                if message["type"] == "http.request":
                    received.append(message)
                return message

            try:
                await self.app(scope, receiving, sending)
                return
            except Exception as exc:
                code = sqlstate(exc)
                if code is None or started:
                    raise
                log.warning(
                    "%s %s: transaction aborted by the database (SQLSTATE %s), attempt %d of %d",
                    scope.get("method"),
                    scope.get("path"),
                    code,
                    attempt,
                    self.attempts,
                )
            if attempt < self.attempts:
                await asyncio.sleep(random.uniform(0.5, 1.5) * self.pause * attempt)  # noqa: S311 - not a secret
        await self._give_up(scope, receive, send)

    async def _give_up(self, scope: Scope, receive: Receive, send: Send) -> None:
        # Imported here: api.problems pulls in the services, which this module must not need at import time.
        from api.problems import answer_asgi

        await answer_asgi(scope, receive, send, 503, "database_conflict", {"Retry-After": "1"})
