"""SPEC §7 — an overloaded worker sheds the excess at once (503 `overloaded`, Retry-After) and recovers as soon as
the load drops; probes are never shed."""

from __future__ import annotations

import asyncio
from typing import Any, cast

import httpx
import pytest
from fastapi.testclient import TestClient

from api.main import create_app
from api.settings import Settings
from api.shedding import LoadShedder
from tests.conftest import ISSUER


class Held:
    """An ASGI app whose requests wait until released, so that a test controls how many are in flight."""

    def __init__(self) -> None:
        self.release = asyncio.Event()
        self.entered = 0

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        self.entered += 1
        if scope["path"] == "/slow":
            await self.release.wait()
        await send({"type": "http.response.start", "status": 200, "headers": [(b"content-type", b"text/plain")]})
        await send({"type": "http.response.body", "body": b"ok"})


def test_the_excess_is_shed_at_once_and_the_worker_recovers() -> None:
    async def scenario() -> None:
        inner = Held()
        shedder = LoadShedder(inner, limit=2, retry_after_seconds=3)
        async with httpx.AsyncClient(transport=httpx.ASGITransport(app=shedder), base_url="http://t") as client:
            slow = [asyncio.create_task(client.get("/slow")) for _ in range(2)]
            while inner.entered < 2:
                await asyncio.sleep(0)
            assert shedder.in_flight == 2

            shed = await client.get("/v1/concertations", headers={"Accept-Language": "nl"})
            assert shed.status_code == 503
            assert shed.headers["retry-after"] == "3"
            assert shed.headers["content-type"].startswith("application/problem+json")
            body = shed.json()
            assert (body["code"], body["status"], body["title"]) == ("overloaded", 503, "Dienst niet beschikbaar")
            assert inner.entered == 2  # the shed request never reached the application

            probe = await client.get("/healthz")  # probes pass even at the limit
            assert probe.status_code == 200

            inner.release.set()
            assert [r.status_code for r in await asyncio.gather(*slow)] == [200, 200]
            assert shedder.in_flight == 0
            recovered = await client.get("/v1/concertations")
            assert recovered.status_code == 200

    asyncio.run(scenario())


def test_a_request_already_answered_no_longer_counts() -> None:
    """What runs after the last byte (closing the session in a busy thread pool) must not shed the client's next
    request: it waits for nobody."""
    cleanup = asyncio.Event()

    async def answers_then_cleans_up(scope: Any, receive: Any, send: Any) -> None:
        await send({"type": "http.response.start", "status": 200, "headers": []})
        await send({"type": "http.response.body", "body": b"ok"})
        await cleanup.wait()

    async def scenario() -> None:
        shedder = LoadShedder(answers_then_cleans_up, limit=1)
        sent: list[Any] = []

        async def send(message: Any) -> None:
            sent.append(message)

        async def receive() -> Any:
            return {"type": "http.request", "body": b"", "more_body": False}

        scope = {"type": "http", "method": "GET", "path": "/v1/x", "headers": []}
        first = asyncio.create_task(shedder(scope, receive, send))
        while len(sent) < 2:
            await asyncio.sleep(0)
        assert shedder.in_flight == 0  # answered, still cleaning up
        second = asyncio.create_task(shedder(scope, receive, send))
        while len(sent) < 4:
            await asyncio.sleep(0)
        assert [m.get("status") for m in sent if m["type"] == "http.response.start"] == [200, 200]
        cleanup.set()
        await asyncio.gather(first, second)
        assert shedder.in_flight == 0

    asyncio.run(scenario())


def test_a_failing_request_releases_its_slot() -> None:
    async def boom(scope: Any, receive: Any, send: Any) -> None:
        raise RuntimeError("the application failed")

    async def scenario() -> None:
        shedder = LoadShedder(boom, limit=1)
        transport = httpx.ASGITransport(app=shedder, raise_app_exceptions=False)
        async with httpx.AsyncClient(transport=transport, base_url="http://t") as client:
            for _ in range(3):
                assert (await client.get("/x")).status_code == 500
            assert shedder.in_flight == 0

    asyncio.run(scenario())


@pytest.mark.parametrize("limit", [1, 64])
def test_the_service_is_built_with_the_configured_limit(tmp_path: Any, limit: int) -> None:
    settings = Settings(var_dir=tmp_path, database_url="sqlite:///:memory:", dev_issuer=ISSUER, max_in_flight=limit)
    app = create_app(settings)
    with TestClient(app) as client:
        assert client.get("/healthz").status_code == 200
    shedders = [m for m in app.user_middleware if m.cls is cast(Any, LoadShedder)]
    assert [m.kwargs["limit"] for m in shedders] == [limit]
