"""`Idempotency-Key` (SPEC §2): a repeat replays the first response and writes nothing new; the same key with another
request is refused (422); while the first runs, 409; a 5xx frees the key; keys are scoped per client.

Most tests run in the rolled-back test transaction (the middleware's sessions join it like the routes'). The
concurrent pair needs real commits seen by two connections at once, so it runs on a database of its own
(`live_engine`, in tests/conftest.py).
"""

from __future__ import annotations

import json
import uuid
from functools import partial
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from httpx import Response
from sqlalchemy import Connection, Engine, text
from sqlmodel import Session

from api import idempotency
from api.cli import main as cli
from api.db import make_engine
from api.security.crypto import FORMAT_FIELD
from api.settings import Settings, get_settings
from models.idempotency import IdempotencyRecord, IdempotencyState
from tests.api import payloads
from tests.conftest import ISSUER, NOW, FakeClock, Token, migrate, race

PROBLEM = "application/problem+json"
Headers = dict[str, str]


# ------------------------------------------------------------------------------------------------ helpers


@pytest.fixture
def coordinator(auth: Token) -> Headers:
    return auth("coord-1", "coordinator", org="cpas-a")


@pytest.fixture
def basis_id(client: TestClient, coordinator: Headers) -> str:
    r = client.post("/v1/legal-bases", json=payloads.decree(), headers=coordinator)
    assert r.status_code == 201, r.text
    return str(r.json()["id"])


def keyed(headers: Headers, key: str) -> Headers:
    return {**headers, "Idempotency-Key": key}


def count(connection: Connection, table: str) -> int:
    return int(connection.execute(text(f"SELECT count(*) FROM {table}")).scalar_one())  # noqa: S608 - our names


def writes(connection: Connection) -> tuple[int, int, int]:
    """What a create of a concertation leaves behind: the row, its data key, its audit events."""
    return count(connection, "concertation"), count(connection, "data_key"), count(connection, "audit_event")


def records(connection: Connection) -> list[tuple[str, str, str]]:
    rows = connection.execute(text("SELECT subject, key, state FROM idempotency_record ORDER BY subject, key")).all()
    return [(r[0], r[1], r[2]) for r in rows]


def refused(r: Response, status: int, code: str) -> None:
    assert r.status_code == status, r.text
    assert r.headers["content-type"].startswith(PROBLEM)
    assert r.json()["code"] == code
    assert "idempotent-replayed" not in r.headers


def insert_record(connection: Connection, **values: Any) -> None:
    with Session(bind=connection, join_transaction_mode="create_savepoint") as s:
        s.add(IdempotencyRecord(**values))
        s.commit()


# ------------------------------------------------------------------------------------------------ replay


def test_a_repeat_replays_the_first_response_byte_for_byte_and_writes_nothing(
    client: TestClient, connection: Connection, coordinator: Headers, basis_id: str
) -> None:
    body = payloads.concertation(basis_id)
    first = client.post("/v1/concertations", json=body, headers=keyed(coordinator, "create-1"))
    assert first.status_code == 201, first.text
    assert "idempotent-replayed" not in first.headers
    after_first = writes(connection)

    again = client.post("/v1/concertations", json=body, headers=keyed(coordinator, "create-1"))

    assert again.status_code == 201
    assert again.headers["idempotent-replayed"] == "true"
    assert again.content == first.content
    for name in ("location", "etag", "content-type"):
        assert again.headers[name] == first.headers[name]
    assert writes(connection) == after_first  # no second concertation, data key or audit event
    assert records(connection) == [("coord-1", "create-1", IdempotencyState.COMPLETED.value)]


def test_the_kept_body_is_sealed_and_a_tampered_one_is_never_replayed(
    client: TestClient, connection: Connection, coordinator: Headers, basis_id: str
) -> None:
    """SPEC §6: the response carries the concertation's sealed free texts; the record holds only ciphertext."""
    body = payloads.concertation(basis_id)
    first = client.post("/v1/concertations", json=body, headers=keyed(coordinator, "sealed"))
    assert first.status_code == 201, first.text
    assert body["purpose"]["statement"] in first.text
    stored = bytes(connection.execute(text("SELECT body_ciphertext FROM idempotency_record")).scalar_one())
    assert stored.startswith(FORMAT_FIELD)
    assert body["purpose"]["statement"].encode() not in stored and b"Martin" not in stored

    tampered = stored[:-1] + bytes([stored[-1] ^ 1])
    connection.execute(text("UPDATE idempotency_record SET body_ciphertext = :b"), {"b": tampered})
    again = client.post("/v1/concertations", json=body, headers=keyed(coordinator, "sealed"))

    refused(again, 500, "integrity_error")
    assert body["purpose"]["statement"] not in again.text


def test_a_refusal_below_500_is_kept_and_replayed_too(
    client: TestClient, connection: Connection, coordinator: Headers, basis_id: str
) -> None:
    body = payloads.concertation(basis_id, purpose={**payloads.concertation(basis_id)["purpose"], "category": "x"})
    first = client.post("/v1/concertations", json=body, headers=keyed(coordinator, "bad-1"))
    assert first.status_code == 422, first.text
    events = count(connection, "audit_event")

    again = client.post("/v1/concertations", json=body, headers=keyed(coordinator, "bad-1"))

    assert (again.status_code, again.content) == (422, first.content)
    assert again.headers["idempotent-replayed"] == "true"
    assert count(connection, "audit_event") == events  # the refusal was audited once, not twice


def test_a_patch_is_replayed_even_though_the_version_has_moved_on(
    client: TestClient, connection: Connection, coordinator: Headers, basis_id: str
) -> None:
    c = client.post("/v1/concertations", json=payloads.concertation(basis_id), headers=coordinator).json()
    headers = {**keyed(coordinator, "patch-1"), "If-Match": '"1"'}
    first = client.patch(f"/v1/concertations/{c['id']}", json={"meeting_kind": "case_concertation"}, headers=headers)
    assert first.status_code == 200, first.text
    assert first.headers["etag"] == '"2"'

    again = client.patch(f"/v1/concertations/{c['id']}", json={"meeting_kind": "case_concertation"}, headers=headers)

    assert (again.status_code, again.content, again.headers["etag"]) == (200, first.content, '"2"')
    assert again.headers["idempotent-replayed"] == "true"
    current = client.get(f"/v1/concertations/{c['id']}", headers=coordinator)
    assert current.headers["etag"] == '"2"'  # not bumped a second time


# ------------------------------------------------------------------------------------------------ refusals


def test_the_same_key_with_another_body_is_refused_and_runs_nothing(
    client: TestClient, connection: Connection, coordinator: Headers, basis_id: str
) -> None:
    first = client.post("/v1/concertations", json=payloads.concertation(basis_id), headers=keyed(coordinator, "k"))
    assert first.status_code == 201, first.text
    before = writes(connection)

    other = payloads.concertation(basis_id, meeting_kind="network_meeting")
    refused(
        client.post("/v1/concertations", json=other, headers=keyed(coordinator, "k")), 422, "idempotency_key_reused"
    )
    # Same body on another path, or with another query, is another request too.
    refused(
        client.post("/v1/legal-bases", json=payloads.concertation(basis_id), headers=keyed(coordinator, "k")),
        422,
        "idempotency_key_reused",
    )
    refused(
        client.post("/v1/concertations?x=1", json=payloads.concertation(basis_id), headers=keyed(coordinator, "k")),
        422,
        "idempotency_key_reused",
    )
    assert writes(connection) == before


def test_a_key_whose_first_request_is_in_flight_answers_409(
    client: TestClient, connection: Connection, coordinator: Headers, basis_id: str
) -> None:
    raw = json.dumps(payloads.concertation(basis_id)).encode()
    insert_record(
        connection,
        id=uuid.uuid4(),
        issuer=ISSUER,
        subject="coord-1",
        key="busy",
        fingerprint=idempotency.fingerprint("POST", "/v1/concertations", b"", raw),
        state=IdempotencyState.IN_FLIGHT.value,
        created_at=NOW,
        expires_at=NOW + idempotency_ttl(),
    )
    before = writes(connection)
    headers = {**keyed(coordinator, "busy"), "Content-Type": "application/json"}

    refused(client.post("/v1/concertations", content=raw, headers=headers), 409, "idempotency_in_flight")
    # Another body under the busy key is a reuse, whatever the first is doing.
    refused(client.post("/v1/concertations", content=raw + b" ", headers=headers), 422, "idempotency_key_reused")
    assert writes(connection) == before


def test_a_request_abandoned_in_flight_is_taken_over_after_its_lease(
    client: TestClient, connection: Connection, coordinator: Headers, basis_id: str, clock: FakeClock
) -> None:
    """A worker killed mid-request leaves its record in flight: after the lease a retry runs."""
    raw = json.dumps(payloads.concertation(basis_id)).encode()
    insert_record(
        connection,
        id=uuid.uuid4(),
        issuer=ISSUER,
        subject="coord-1",
        key="orphan",
        fingerprint=idempotency.fingerprint("POST", "/v1/concertations", b"", raw),
        state=IdempotencyState.IN_FLIGHT.value,
        created_at=NOW,
        expires_at=NOW + idempotency_ttl(),
    )
    headers = {**keyed(coordinator, "orphan"), "Content-Type": "application/json"}
    clock.advance(seconds=Settings().idempotency_lease_seconds - 1)
    refused(client.post("/v1/concertations", content=raw, headers=headers), 409, "idempotency_in_flight")

    clock.advance(seconds=2)
    r = client.post("/v1/concertations", content=raw, headers=headers)

    assert r.status_code == 201, r.text
    assert records(connection) == [("coord-1", "orphan", IdempotencyState.COMPLETED.value)]


def test_a_committed_request_whose_response_was_lost_never_runs_again(
    client: TestClient,
    connection: Connection,
    coordinator: Headers,
    basis_id: str,
    clock: FakeClock,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The worker dies after the use case committed but before the response was stored (the crash test's window):
    the record was marked `committed` in the use case's own transaction, so a retry after the lease is told what
    happened (ids only) instead of creating a second concertation. Within the lease the worker may still be storing
    the response (a concurrent pair on one key meets exactly this): the retry is asked to wait."""
    monkeypatch.setattr(idempotency, "complete", lambda *args, **kwargs: None)  # the response is never stored
    body = payloads.concertation(basis_id)
    first = client.post("/v1/concertations", json=body, headers=keyed(coordinator, "lost"))
    assert first.status_code == 201, first.text
    assert records(connection) == [("coord-1", "lost", IdempotencyState.COMMITTED.value)]
    after_first = writes(connection)

    clock.advance(seconds=Settings().idempotency_lease_seconds - 1)
    refused(
        client.post("/v1/concertations", json=body, headers=keyed(coordinator, "lost")), 409, "idempotency_in_flight"
    )
    clock.advance(seconds=61)
    again = client.post("/v1/concertations", json=body, headers=keyed(coordinator, "lost"))

    refused(again, 409, "idempotency_response_lost")
    assert again.json()["outcome"] == {
        "action": "concertation.create",
        "object_type": "concertation",
        "object_id": first.json()["id"],
        "concertation_id": first.json()["id"],
    }
    assert writes(connection) == after_first  # nothing ran a second time
    assert count(connection, "concertation") == 1


def test_a_refusal_does_not_mark_the_record_committed(
    client: TestClient, connection: Connection, coordinator: Headers, basis_id: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Only a use case that succeeded marks its record: a refused request changed nothing and may simply run again."""
    monkeypatch.setattr(idempotency, "complete", lambda *args, **kwargs: None)
    body = payloads.concertation(basis_id, purpose={**payloads.concertation(basis_id)["purpose"], "category": "x"})
    r = client.post("/v1/concertations", json=body, headers=keyed(coordinator, "refused"))
    assert r.status_code == 422, r.text
    assert records(connection) == [("coord-1", "refused", IdempotencyState.IN_FLIGHT.value)]


def idempotency_ttl() -> Any:
    from datetime import timedelta

    return timedelta(seconds=Settings().idempotency_ttl_seconds)


@pytest.mark.parametrize(
    "value",
    [b"", b"   ", b"x" * 256, "clé".encode("latin-1"), b"tab\there", b"nul\x00"],
    ids=["empty", "blank", "too-long", "non-ascii", "control-tab", "control-nul"],
)
def test_a_malformed_key_is_refused_with_400_before_anything_runs(
    app: Any, connection: Connection, coordinator: Headers, basis_id: str, value: bytes
) -> None:
    before = writes(connection)
    r = _raw_post(app, "/v1/concertations", json.dumps(payloads.concertation(basis_id)).encode(), coordinator, value)
    assert r["status"] == 400
    assert json.loads(r["body"])["code"] == "idempotency_key_invalid"
    assert writes(connection) == before
    assert records(connection) == []


def _raw_post(app: Any, path: str, body: bytes, headers: Headers, key: bytes) -> dict[str, Any]:
    """Drive the ASGI app directly: httpx would refuse to send some of these header values at all."""
    import anyio

    raw_headers = [(k.lower().encode(), v.encode()) for k, v in headers.items()]
    raw_headers += [(b"content-type", b"application/json"), (b"idempotency-key", key)]
    scope = {
        "type": "http",
        "asgi": {"version": "3.0"},
        "http_version": "1.1",
        "method": "POST",
        "scheme": "http",
        "path": path,
        "raw_path": path.encode(),
        "root_path": "",
        "query_string": b"",
        "headers": raw_headers,
        "client": ("127.0.0.1", 1),
        "server": ("testserver", 80),
    }
    out: dict[str, Any] = {"body": b""}

    async def receive() -> dict[str, Any]:
        return {"type": "http.request", "body": body, "more_body": False}

    async def send(message: dict[str, Any]) -> None:
        if message["type"] == "http.response.start":
            out["status"] = message["status"]
        elif message["type"] == "http.response.body":
            out["body"] += message.get("body", b"")

    anyio.run(app, scope, receive, send)
    return out


def test_two_key_headers_are_refused(client: TestClient, coordinator: Headers, basis_id: str) -> None:
    headers = [*coordinator.items(), ("Idempotency-Key", "a"), ("Idempotency-Key", "b")]
    r = client.post("/v1/concertations", json=payloads.concertation(basis_id), headers=headers)
    refused(r, 400, "idempotency_key_invalid")


def test_without_a_valid_token_the_request_gets_its_401_and_no_key_is_kept(
    client: TestClient, connection: Connection, basis_id: str
) -> None:
    for headers in ({}, {"Authorization": "Bearer not-a-token"}):
        r = client.post(
            "/v1/concertations", json=payloads.concertation(basis_id), headers={**headers, "Idempotency-Key": "k"}
        )
        assert r.status_code == 401, r.text
    assert records(connection) == []


def test_without_the_header_nothing_is_kept(
    client: TestClient, connection: Connection, coordinator: Headers, basis_id: str
) -> None:
    for _ in range(2):
        assert client.post("/v1/concertations", json=payloads.concertation(basis_id), headers=coordinator).is_success
    assert count(connection, "concertation") == 2
    assert records(connection) == []


# ------------------------------------------------------------------------------------------ release, scope, expiry


def test_a_server_error_frees_the_key_so_that_a_retry_runs(
    client: TestClient,
    connection: Connection,
    coordinator: Headers,
    basis_id: str,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from api.services import concertations

    real = concertations.create

    def broken(*args: Any, **kwargs: Any) -> Any:
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(concertations, "create", broken)
    body = payloads.concertation(basis_id)
    failed = client.post("/v1/concertations", json=body, headers=keyed(coordinator, "retry-me"))
    assert failed.status_code == 500
    assert records(connection) == []

    monkeypatch.setattr(concertations, "create", real)
    retried = client.post("/v1/concertations", json=body, headers=keyed(coordinator, "retry-me"))

    assert retried.status_code == 201, retried.text
    assert "idempotent-replayed" not in retried.headers
    assert count(connection, "concertation") == 1
    assert records(connection) == [("coord-1", "retry-me", IdempotencyState.COMPLETED.value)]


def test_keys_are_scoped_per_client(
    client: TestClient, connection: Connection, auth: Token, coordinator: Headers, basis_id: str
) -> None:
    other = auth("coord-2", "coordinator", org="cpas-a")
    body = payloads.concertation(basis_id)
    a = client.post("/v1/concertations", json=body, headers=keyed(coordinator, "shared"))
    b = client.post("/v1/concertations", json=body, headers=keyed(other, "shared"))

    assert (a.status_code, b.status_code) == (201, 201)
    assert "idempotent-replayed" not in b.headers
    assert a.json()["id"] != b.json()["id"]
    assert count(connection, "concertation") == 2
    assert records(connection) == [
        ("coord-1", "shared", IdempotencyState.COMPLETED.value),
        ("coord-2", "shared", IdempotencyState.COMPLETED.value),
    ]


def test_an_expired_key_runs_again_and_purge_deletes_expired_records(
    client: TestClient, connection: Connection, coordinator: Headers, basis_id: str, clock: FakeClock
) -> None:
    body = payloads.concertation(basis_id)
    assert client.post("/v1/concertations", json=body, headers=keyed(coordinator, "old")).status_code == 201
    assert client.post("/v1/concertations", json=body, headers=keyed(coordinator, "older")).status_code == 201
    clock.advance(seconds=Settings().idempotency_ttl_seconds)

    again = client.post("/v1/concertations", json=body, headers=keyed(coordinator, "old"))

    assert again.status_code == 201
    assert "idempotent-replayed" not in again.headers
    assert count(connection, "concertation") == 3
    # The worker purges expired records lazily (at most once an hour): "older" is gone, "old" was run anew.
    assert records(connection) == [("coord-1", "old", IdempotencyState.COMPLETED.value)]
    insert_record(
        connection,
        id=uuid.uuid4(),
        issuer=ISSUER,
        subject="coord-1",
        key="stale",
        fingerprint="0" * 64,
        created_at=NOW,
        expires_at=clock(),
    )
    with Session(bind=connection, join_transaction_mode="create_savepoint") as s:
        assert idempotency.purge(s, clock()) == 1
    assert records(connection) == [("coord-1", "old", IdempotencyState.COMPLETED.value)]


def test_the_purge_command(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    url = f"sqlite:///{tmp_path / 'purge.db'}"
    migrate(url)
    engine = make_engine(url)
    now = NOW.replace(year=2020)  # long expired whatever the date the command runs on
    with Session(engine) as s:
        for key in ("a", "b"):
            s.add(
                IdempotencyRecord(
                    id=uuid.uuid4(),
                    issuer=ISSUER,
                    subject="s",
                    key=key,
                    fingerprint="0" * 64,
                    created_at=now,
                    expires_at=now,
                )
            )
        s.commit()
    monkeypatch.setenv("CONCERTATION_DATABASE_URL", url)
    get_settings.cache_clear()
    try:
        assert cli(["idempotency", "purge"]) == 0
    finally:
        get_settings.cache_clear()
    assert "2 expired idempotency record(s) deleted" in capsys.readouterr().out
    with engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM idempotency_record")).scalar_one() == 0
    engine.dispose()


def test_the_header_is_documented_on_every_authenticated_mutating_operation(app: Any) -> None:
    doc = app.openapi()
    seen = 0
    for path, operations in doc["paths"].items():
        for method, operation in operations.items():
            names = [p["name"] for p in operation.get("parameters", [])]
            # Under /v1 only: `POST /oauth/token` answers RFC 6749 errors and its responses are never stored.
            if method in ("post", "put", "patch", "delete") and operation.get("security") and path.startswith("/v1/"):
                assert names.count("Idempotency-Key") == 1, (method, path)
                assert {"400", "409", "422"} <= set(operation["responses"]), (method, path)
                seen += 1
            else:
                assert "Idempotency-Key" not in names, (method, path)
    assert seen >= 20


# ------------------------------------------------------------------------------------------------ concurrency


def live_count(engine: Engine, sql: str, **params: Any) -> int:
    with engine.connect() as conn:
        return int(conn.execute(text(sql), params).scalar_one())


def test_a_concurrent_pair_on_the_same_key_runs_once(live_client: TestClient, live_engine: Engine, auth: Token) -> None:
    coordinator = auth(f"coord-{uuid.uuid4().hex[:8]}", "coordinator", org="cpas-a")
    r = live_client.post("/v1/legal-bases", json=payloads.decree(), headers=coordinator)
    assert r.status_code == 201, r.text
    body = payloads.concertation(r.json()["id"])
    for round_ in range(5):
        key = f"pair-{round_}"
        before = live_count(live_engine, "SELECT count(*) FROM concertation")
        events = live_count(live_engine, "SELECT count(*) FROM audit_event WHERE action = 'concertation.create'")

        pair = race(2, partial(live_client.post, "/v1/concertations", json=body, headers=keyed(coordinator, key)))

        created = [p for p in pair if p.status_code == 201 and "idempotent-replayed" not in p.headers]
        assert len(created) == 1, [(p.status_code, p.text) for p in pair]
        (other,) = [p for p in pair if p is not created[0]]
        if other.status_code == 201:  # it came after the first finished: a replay of the same response
            assert other.headers["idempotent-replayed"] == "true"
            assert other.content == created[0].content
        else:
            refused(other, 409, "idempotency_in_flight")
        assert live_count(live_engine, "SELECT count(*) FROM concertation") == before + 1
        assert (
            live_count(live_engine, "SELECT count(*) FROM audit_event WHERE action = 'concertation.create'")
            == events + 1
        )
