"""Load shedding (SPEC §7: "at twice the load the service sheds with 429/503 and recovers within 10 s").

Each worker admits at most `max_in_flight` requests at once; one more is answered at once with 503 `overloaded`
and `Retry-After`, instead of queueing behind the others until every client times out. A queue that grows without
bound is what makes an overloaded service slow to recover: answering the excess at once keeps the latency of the
admitted requests bounded, and the service is back to normal as soon as the load drops. Liveness and readiness
probes are never shed, so that an orchestrator does not restart a worker that is merely busy.
"""

from __future__ import annotations

from starlette.types import ASGIApp, Message, Receive, Scope, Send

#: Never shed: an orchestrator's probes must see a busy worker as alive.
EXEMPT = frozenset({"/healthz", "/readyz"})


class LoadShedder:
    """Admit at most `limit` HTTP requests at once in this worker; answer the excess with 503 and Retry-After.

    The counter is touched only on the event loop (ASGI calls run there), so it needs no lock.
    """

    def __init__(self, app: ASGIApp, limit: int, retry_after_seconds: int = 1) -> None:
        self.app = app
        self.limit = limit
        self.retry_after = str(retry_after_seconds)
        self.in_flight = 0

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope.get("path") in EXEMPT:
            await self.app(scope, receive, send)
            return
        if self.in_flight >= self.limit:
            await self._shed(scope, receive, send)
            return
        # A request counts until its response is sent, not until the app returns: what follows the last byte (the
        # database session closed in the thread pool…) can wait behind busy threads while its client, already
        # answered, sends the next request, and counting it would shed a load the worker is keeping up with.
        self.in_flight += 1
        counted = True

        async def sending(message: Message) -> None:
            nonlocal counted
            await send(message)
            if counted and message["type"] == "http.response.body" and not message.get("more_body", False):
                counted = False
                self.in_flight -= 1

        try:
            await self.app(scope, receive, sending)
        finally:
            if counted:
                self.in_flight -= 1

    async def _shed(self, scope: Scope, receive: Receive, send: Send) -> None:
        # Imported here: api.problems pulls in the services, which this module (installed first) must not need.
        from api.problems import answer_asgi

        await answer_asgi(scope, receive, send, 503, "overloaded", {"Retry-After": self.retry_after})
