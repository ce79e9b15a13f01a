"""What the service sends matches what the document promises, on SQLite and PostgreSQL: the request-body examples of
`api.examples` are accepted by the service itself (not only by the schema), and along the walk of every operation
(`walk.py`) each response carries exactly the `ETag` and `Location` the document declares, with a documented status
and a body valid against its schema; `If-Match` is required where its absence gives 428 (problem+json, not 422);
429 and 503 carry `Retry-After`."""

from __future__ import annotations

from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Connection
from sqlmodel import Session

from api import examples
from api.http import PROBLEM_JSON
from api.openapi import generate
from api.ratelimit import RateLimiter
from api.services import clients
from api.shedding import LoadShedder
from tests.api import payloads
from tests.conftest import ISSUER, NOW, FakeClock, Token
from tests.openapi.test_document import operations, resolve, validator
from tests.openapi.walk import Walk, walk


@pytest.fixture(scope="module")
def doc() -> dict[str, Any]:
    return generate()


@pytest.fixture
def walked(client: TestClient, auth: Token, clock: FakeClock, connection: Connection) -> Walk:
    def register(client_id: str, roles: list[str], org: str) -> str:
        with Session(bind=connection, join_transaction_mode="create_savepoint", expire_on_commit=False) as s:
            _, secret = clients.register(s, client_id, roles, org, NOW)
        return secret

    return walk(
        client, auth, examples.REQUESTS, issuer=ISSUER, tick=lambda: clock.advance(minutes=1), register_client=register
    )


def by_id(doc: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {op["operationId"]: op for _, _, op in operations(doc)}


def test_every_request_body_example_is_accepted_and_every_operation_walked(doc: dict[str, Any], walked: Walk) -> None:
    accepted = {e.operation_id for e in walked.exchanges if e.status < 300 and e.request is not None}
    with_body = {op["operationId"] for _, _, op in operations(doc) if "requestBody" in op}
    assert with_body == set(examples.REQUESTS) == accepted
    assert {e.operation_id for e in walked.exchanges} == set(by_id(doc))


def test_each_response_sends_the_headers_its_documentation_declares_and_no_other_etag_or_location(
    doc: dict[str, Any], walked: Walk
) -> None:
    ops = by_id(doc)
    checked = 0
    for e in walked.exchanges:
        response = ops[e.operation_id]["responses"].get(str(e.status))
        assert response is not None, (e.operation_id, e.status)
        response = resolve(doc, response)
        declared = {name: resolve(doc, h) for name, h in response.get("headers", {}).items()}
        for name in ("ETag", "Location"):
            sent = e.response.headers.get(name)
            if sent is not None:
                assert name in declared, (e.operation_id, e.status, name, "sent, not documented")
            elif name in declared:
                assert not declared[name]["required"], (e.operation_id, e.status, name, "documented, not sent")
        media = e.response.headers["content-type"].split(";")[0]
        schema = response["content"][media]["schema"]
        errors = [f"{x.instance_path}: {x.message}" for x in validator(doc, schema).iter_errors(e.response.json())]
        assert not errors, (e.operation_id, errors[:3])
        checked += 1
    assert checked == len(walked.exchanges) > len(ops)
    etags = {e.operation_id for e in walked.exchanges if "ETag" in e.response.headers}
    assert etags >= {"createConcertation", "getLegalBasis", "readMinutes", "recordConsent", "liftSilence"}


def test_if_match_optional_in_the_document_is_optional_in_the_service(doc: dict[str, Any], walked: Walk) -> None:
    ops = by_id(doc)
    optional = {
        name
        for name, op in ops.items()
        for p in op.get("parameters", [])
        if p["name"] == "If-Match" and not p["required"]
    }
    without = {e.operation_id for e in walked.exchanges if "If-Match" not in e.headers and e.status < 300}
    assert optional & without >= {"endConcertation", "closeConcertation", "cancelConcertation", "withdrawConsent"}


@pytest.mark.parametrize("invalid_body", [False, True], ids=["valid-body", "invalid-body"])
def test_a_required_if_match_absent_is_428_problem_json(client: TestClient, auth: Token, invalid_body: bool) -> None:
    coordinator = auth("coord-1", "coordinator", org="cpas-a")
    basis = client.post("/v1/legal-bases", json=payloads.decree(), headers=coordinator).json()
    c = client.post("/v1/concertations", json=payloads.concertation(basis["id"]), headers=coordinator).json()
    p = client.post(f"/v1/concertations/{c['id']}/participants", json=payloads.participant(), headers=coordinator)
    for url in (f"/v1/concertations/{c['id']}", f"/v1/concertations/{c['id']}/participants/{p.json()['id']}"):
        body = {"display_name": 7, "meeting_kind": 7} if invalid_body else {}
        r = client.patch(url, json=body, headers=coordinator)
        assert r.status_code == 428, r.text
        assert r.headers["content-type"].startswith(PROBLEM_JSON)
        assert r.json()["code"] == "precondition_required"


def test_429_and_503_carry_the_retry_after_the_document_declares(doc: dict[str, Any], app: Any, auth: Token) -> None:
    coordinator = auth("coord-1", "coordinator", org="cpas-a")
    app.state.rate_limiter = RateLimiter("memory://", "1/minute", "1/minute")
    operation = doc["paths"]["/v1/legal-bases"]["post"]
    with TestClient(app, raise_server_exceptions=False) as client:
        assert client.post("/v1/legal-bases", json=payloads.decree(), headers=coordinator).status_code == 201
        r = client.post("/v1/legal-bases", json=payloads.decree(), headers=coordinator)
    assert r.status_code == 429
    assert "Retry-After" in operation["responses"]["429"]["headers"]
    assert int(r.headers["Retry-After"]) >= 1
    with TestClient(LoadShedder(app, limit=0), raise_server_exceptions=False) as shed:
        r = shed.get("/v1/concertations", headers=coordinator)
        assert shed.get("/healthz").status_code == 200  # not shed, and documented without a 503
    assert r.status_code == 503
    unavailable = resolve(doc, doc["paths"]["/v1/concertations"]["get"]["responses"]["503"])
    assert resolve(doc, unavailable["headers"]["Retry-After"])["required"] and int(r.headers["Retry-After"]) >= 1
    problem = unavailable["content"][PROBLEM_JSON]
    assert validator(doc, problem["schema"]).is_valid(r.json()) and r.json()["code"] == problem["example"]["code"]
    assert "503" not in doc["paths"]["/healthz"]["get"]["responses"]
