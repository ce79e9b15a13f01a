"""SPEC §6 (Durability) — a request whose transaction the database aborted as a deadlock (40P01) or a serialisation
failure (40001) is run again, whole, with its body; after three attempts the client gets 503 `database_conflict`
with Retry-After. Nothing else is retried, and nothing once the response has begun."""

from __future__ import annotations

import asyncio
import json
import uuid
from typing import Any

import httpx
import psycopg.errors
import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Connection, text
from sqlalchemy.exc import IntegrityError, OperationalError

from api import audit
from api.retry import TransientRetry, sqlstate
from api.services import concertations
from models.audit import Outcome
from tests.api import payloads
from tests.conftest import Token

DEADLOCK = OperationalError("UPDATE …", None, psycopg.errors.DeadlockDetected("deadlock detected"))
SERIALISATION = OperationalError("UPDATE …", None, psycopg.errors.SerializationFailure("could not serialize"))


class Flaky:
    """An ASGI app that reads the whole body, then fails `failures` times with `error` before answering it back."""

    def __init__(self, failures: int, error: Exception, *, after_start: bool = False) -> None:
        self.failures = failures
        self.error = error
        self.after_start = after_start
        self.bodies: list[bytes] = []

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        body = b""
        while True:
            message = await receive()
            body += message.get("body", b"")
            if not message.get("more_body", False):
                break
        self.bodies.append(body)
        if self.after_start:
            await send({"type": "http.response.start", "status": 200, "headers": []})
        if len(self.bodies) <= self.failures:
            raise self.error
        if not self.after_start:
            await send({"type": "http.response.start", "status": 200, "headers": []})
        await send({"type": "http.response.body", "body": body})


def call(app: Any, body: bytes, headers: dict[str, str] | None = None) -> httpx.Response:
    async def run() -> httpx.Response:
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://t") as client:
            return await client.post("/v1/x", content=body, headers=headers or {})

    return asyncio.run(run())


@pytest.mark.parametrize("error", [DEADLOCK, SERIALISATION], ids=["40P01", "40001"])
def test_an_aborted_transaction_is_run_again_with_its_body(error: Exception) -> None:
    inner = Flaky(failures=2, error=error)
    body = json.dumps({"text": "x" * 70_000}).encode()  # read in several messages

    r = call(TransientRetry(inner, pause_seconds=0.001), body)

    assert r.status_code == 200 and r.content == body
    assert inner.bodies == [body] * 3


def test_after_three_aborted_attempts_the_client_is_told_to_retry_later() -> None:
    inner = Flaky(failures=3, error=DEADLOCK)

    r = call(TransientRetry(inner, pause_seconds=0.001), b"{}", {"Accept-Language": "fr"})

    assert len(inner.bodies) == 3
    assert r.status_code == 503 and r.headers["retry-after"] == "1"
    assert r.headers["content-type"].startswith("application/problem+json")
    problem = r.json()
    assert (problem["code"], problem["status"]) == ("database_conflict", 503)
    assert "Idempotency-Key" in problem["detail"] and "rien n'a été modifié" in problem["detail"]


@pytest.mark.parametrize(
    "error",
    [
        ValueError("a bug"),
        OperationalError("SELECT 1", None, psycopg.errors.QueryCanceled("canceling statement")),
        IntegrityError("INSERT …", None, psycopg.errors.UniqueViolation("duplicate key")),
    ],
    ids=["bug", "57014", "23505"],
)
def test_other_failures_are_not_retried(error: Exception) -> None:
    inner = Flaky(failures=1, error=error)
    with pytest.raises(type(error)):
        call(TransientRetry(inner, pause_seconds=0.001), b"{}")
    assert len(inner.bodies) == 1


def test_a_response_already_begun_is_not_retried() -> None:
    inner = Flaky(failures=1, error=DEADLOCK, after_start=True)
    with pytest.raises(OperationalError):
        call(TransientRetry(inner, pause_seconds=0.001), b"{}")
    assert len(inner.bodies) == 1


def test_the_sqlstate_is_found_behind_wrapping_exceptions() -> None:
    try:
        try:
            raise DEADLOCK
        except OperationalError as exc:
            raise RuntimeError("a use case gave up") from exc
    except RuntimeError as wrapped:
        assert sqlstate(wrapped) == "40P01"
    assert sqlstate(psycopg.errors.SerializationFailure("x")) == "40001"
    assert sqlstate(ValueError("x")) is None


def test_a_use_case_aborted_once_is_carried_out_once_through_the_service(
    client: TestClient, auth: Token, connection: Connection, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Through the real application: the first attempt writes an event, then its transaction is aborted; the
    retry creates the concertation once, nothing of the aborted attempt remains, and the key replays it."""
    coordinator = auth("coord-1", "coordinator", org="cpas-a")
    basis = client.post("/v1/legal-bases", json=payloads.decree(), headers=coordinator).json()["id"]
    real = concertations.create
    attempts: list[int] = []

    def create(session: Any, actor: Any, *args: Any) -> Any:
        attempts.append(1)
        if len(attempts) == 1:
            audit.record(session, actor, "test.aborted", Outcome.SUCCESS, now=args[-1], object_type="test")
            raise DEADLOCK
        return real(session, actor, *args)

    monkeypatch.setattr(concertations, "create", create)
    key = {**coordinator, "Idempotency-Key": str(uuid.uuid4())}

    r = client.post("/v1/concertations", json=payloads.concertation(basis), headers=key)

    assert r.status_code == 201, r.text
    assert len(attempts) == 2
    assert connection.execute(text("SELECT count(*) FROM audit_event WHERE action = 'test.aborted'")).scalar() == 0
    assert connection.execute(text("SELECT count(*) FROM concertation")).scalar() == 1
    replay = client.post("/v1/concertations", json=payloads.concertation(basis), headers=key)
    assert (replay.status_code, replay.json()["id"], replay.headers["idempotent-replayed"]) == (
        201,
        r.json()["id"],
        "true",
    )
    assert len(attempts) == 2
