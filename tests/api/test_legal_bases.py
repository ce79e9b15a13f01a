"""The legal-basis registry through HTTP (R1–R5, R8, R113): what it records, what it refuses and how it audits."""

from __future__ import annotations

import copy
import json
import uuid
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Connection, text

from api.settings import Settings
from tests.api import payloads
from tests.conftest import ISSUER, Token

PROBLEM = "application/problem+json"


@pytest.fixture
def settings(tmp_path: Path, request: pytest.FixtureRequest) -> Settings:
    """The harness settings; a test changes a deployment decision with indirect parametrisation."""
    overrides: dict[str, Any] = getattr(request, "param", {})
    return Settings(var_dir=tmp_path, database_url="sqlite:///:memory:", dev_issuer=ISSUER, **overrides)


def rules(body: dict[str, Any]) -> set[str | None]:
    return {v["rule"] for v in body["violations"]}


def violation_codes(body: dict[str, Any]) -> set[str]:
    return {v["code"] for v in body["violations"]}


def audit_rows(connection: Connection, action: str) -> list[tuple[str, list[str], dict[str, Any]]]:
    rows = connection.execute(
        text("SELECT outcome, codes, details FROM audit_event WHERE action = :a ORDER BY seq"), {"a": action}
    ).all()

    def parsed(value: Any) -> Any:
        return json.loads(value) if isinstance(value, str) else value

    return [(r[0], parsed(r[1]), parsed(r[2])) for r in rows]


def count_bases(connection: Connection) -> int:
    return int(connection.execute(text("SELECT count(*) FROM legal_basis")).scalar_one())


@pytest.fixture
def coordinator(auth: Token) -> dict[str, str]:
    return auth("coord-1", "coordinator", org="cpas-a")


# ------------------------------------------------------------------------------------------------ registration


def test_register_decree_returns_201_location_etag_and_stores_it(
    client: TestClient, coordinator: dict[str, str], connection: Connection
) -> None:
    r = client.post("/v1/legal-bases", json=payloads.decree(), headers=coordinator)
    assert r.status_code == 201, r.text
    basis = r.json()
    assert r.headers["Location"] == f"/v1/legal-bases/{basis['id']}"
    assert r.headers["ETag"] == '"1"'
    assert basis["status"] == "active"
    assert basis["democratic_control"] is True
    assert basis["retention_days"] == 1825

    r = client.get(r.headers["Location"], headers=coordinator)
    assert r.status_code == 200
    assert r.json()["determines"]["purposes"] == ["protect_integrity"]
    assert r.headers["ETag"] == '"1"'
    assert count_bases(connection) == 1
    assert audit_rows(connection, "legal_basis.create") == [("success", [], {})]


def test_register_prosecutor_authorisation_has_no_democratic_control(
    client: TestClient, coordinator: dict[str, str]
) -> None:
    r = client.post("/v1/legal-bases", json=payloads.authorisation(), headers=coordinator)
    assert r.status_code == 201, r.text
    assert r.json()["democratic_control"] is False


def _decree_with_norm(**norm: Any) -> dict[str, Any]:
    body = payloads.decree()
    body["enabling_norm"] = {**body["enabling_norm"], **norm}
    return body


def _decree_without_norm_field(name: str) -> dict[str, Any]:
    body = payloads.decree()
    del body["enabling_norm"][name]
    return body


def _authorisation_with(**fields: Any) -> dict[str, Any]:
    body = payloads.authorisation()
    body["prosecutor_authorisation"] = {**body["prosecutor_authorisation"], **fields}
    return body


def _determines_with(**fields: Any) -> dict[str, Any]:
    body = payloads.decree()
    body["determines"] = {**body["determines"], **fields}
    return body


def _decree_without_modalities() -> dict[str, Any]:
    body = payloads.decree()
    del body["determines"]["modalities"]
    return body


_IMPLEMENTING_ACT = {
    "kind": "government_decree",
    "title": "Arrêté du Gouvernement relatif aux concertations",
    "date": "2019-01-10",
    "publication_ref": "M.B. 1 février 2019",
}

REFUSED_BASES: list[tuple[str, dict[str, Any], str, str]] = [
    ("R1-unknown_type", payloads.decree(type="treaty"), "R1", "legal_basis_type_invalid"),
    (
        "R1-prosecutor_block_on_decree",
        payloads.decree(prosecutor_authorisation=copy.deepcopy(payloads.authorisation()["prosecutor_authorisation"])),
        "R1",
        "basis_kind_mismatch",
    ),
    ("R2-missing_publication_ref", _decree_without_norm_field("publication_ref"), "R2", "basis_not_identified"),
    ("R2-blank_publication_ref", _decree_with_norm(publication_ref="  "), "R2", "basis_not_identified"),
    ("R2-decree_by_federal_legislator", _decree_with_norm(legislator="federal"), "R2", "legislator_mismatch"),
    ("R3-circular_type", payloads.decree(type="circular"), "R3", "not_a_legal_basis"),
    (
        "R3-implementing_act_circular",
        payloads.decree(implementing_act={**_IMPLEMENTING_ACT, "kind": "circular"}),
        "R3",
        "not_a_legal_basis",
    ),
    ("R4-oral_form", _authorisation_with(form="oral"), "R4", "authorisation_not_written"),
    ("R4-short_motivation", _authorisation_with(motivation="Urgent."), "R4", "authorisation_not_motivated"),
    (
        "R4-substitut_without_delegation",
        _authorisation_with(issued_by="substitut"),
        "R4",
        "substitute_delegation_missing",
    ),
    ("R5-no_authorised_participants", _determines_with(authorised_participants=[]), "R5", "basis_incomplete"),
    ("R5-no_modalities", _decree_without_modalities(), "R5", "basis_incomplete"),
    ("R5-no_purposes", _determines_with(purposes=[]), "R5", "basis_incomplete"),
    ("R5-determines_nothing", payloads.decree(determines=None), "R5", "basis_incomplete"),
    (
        "R113-valid_until_before_valid_from",
        payloads.decree(valid_from="2020-01-01", valid_until="2019-12-31"),
        "R113",
        "validity_period_invalid",
    ),
]

#: Unknown enum values are refused by the request schema, before the use case (and its audit) runs.
SCHEMA_REFUSALS = {"R1-unknown_type", "R3-circular_type", "R3-implementing_act_circular"}


@pytest.mark.parametrize(("case", "body", "rule", "code"), REFUSED_BASES, ids=[b[0] for b in REFUSED_BASES])
def test_registry_refuses_a_basis_that_cannot_ground_a_concertation(
    client: TestClient,
    coordinator: dict[str, str],
    connection: Connection,
    case: str,
    body: dict[str, Any],
    rule: str,
    code: str,
) -> None:
    r = client.post("/v1/legal-bases", json=body, headers=coordinator)
    assert r.status_code == 422, r.text
    assert r.headers["content-type"].startswith(PROBLEM)
    problem = r.json()
    assert problem["status"] == 422
    assert problem["code"] == problem["violations"][0]["code"]
    assert any(v["rule"] == rule and v["code"] == code for v in problem["violations"]), problem["violations"]
    assert all(v["legal_ground"] for v in problem["violations"])
    assert count_bases(connection) == 0
    if case in SCHEMA_REFUSALS:
        return
    [(outcome, codes, details)] = audit_rows(connection, "legal_basis.create")
    assert (outcome, codes) == ("refused", sorted(violation_codes(problem)))
    assert rule in details["rules"]


def test_substitut_with_recorded_delegation_is_accepted(client: TestClient, coordinator: dict[str, str]) -> None:
    body = _authorisation_with(issued_by="substitut", delegation_ref="Délégation 2026/04 du procureur du Roi")
    r = client.post("/v1/legal-bases", json=body, headers=coordinator)
    assert r.status_code == 201, r.text


def test_implementing_act_adopted_under_the_norm_is_accepted(client: TestClient, coordinator: dict[str, str]) -> None:
    r = client.post("/v1/legal-bases", json=payloads.decree(implementing_act=_IMPLEMENTING_ACT), headers=coordinator)
    assert r.status_code == 201, r.text
    assert r.json()["implementing_act"]["kind"] == "government_decree"


@pytest.mark.parametrize(
    "settings", [{"allow_prosecutor_authorisation_basis": False}], indirect=True, ids=["prosecutor_bases_refused"]
)
def test_deployment_refusing_prosecutor_authorisations_refuses_them_under_r8(
    client: TestClient, coordinator: dict[str, str], connection: Connection
) -> None:
    r = client.post("/v1/legal-bases", json=payloads.authorisation(), headers=coordinator)
    assert r.status_code == 422, r.text
    assert r.json()["code"] == "basis_not_democratically_controlled"
    assert rules(r.json()) == {"R8"}
    assert count_bases(connection) == 0
    assert [o for o, _, _ in audit_rows(connection, "legal_basis.create")] == ["refused"]

    r = client.post("/v1/legal-bases", json=payloads.decree(), headers=coordinator)
    assert r.status_code == 201, r.text


def test_policy_reports_the_r8_setting(client: TestClient, coordinator: dict[str, str]) -> None:
    r = client.get("/v1/policy", headers=coordinator)
    assert r.status_code == 200
    assert r.json()["allow_prosecutor_authorisation_basis"] is True


def test_refusal_is_audited_with_its_rules_and_no_basis_is_kept(
    client: TestClient, coordinator: dict[str, str], connection: Connection
) -> None:
    body = _decree_with_norm(legislator="federal", publication_ref=None)
    r = client.post("/v1/legal-bases", json=body, headers=coordinator)
    assert r.status_code == 422
    assert violation_codes(r.json()) == {"basis_not_identified", "legislator_mismatch"}
    assert count_bases(connection) == 0
    [(outcome, codes, details)] = audit_rows(connection, "legal_basis.create")
    assert outcome == "refused"
    assert codes == ["basis_not_identified", "legislator_mismatch"]
    assert details["rules"] == ["R2"]
    row = connection.execute(
        text("SELECT actor_issuer, actor_subject, object_type FROM audit_event WHERE action = 'legal_basis.create'")
    ).one()
    assert tuple(row) == (ISSUER, "coord-1", "legal_basis")


# ------------------------------------------------------------------------------------------------ access


@pytest.mark.parametrize("role", ["participant", "prosecutor", "auditor", "partner"], ids=lambda r: f"role={r}")
def test_only_a_coordinator_registers_a_basis(
    client: TestClient, auth: Token, connection: Connection, role: str
) -> None:
    r = client.post("/v1/legal-bases", json=payloads.decree(), headers=auth("someone", role))
    assert r.status_code == 403
    assert r.headers["content-type"].startswith(PROBLEM)
    assert r.json()["code"] == "forbidden"
    assert count_bases(connection) == 0
    assert [o for o, _, _ in audit_rows(connection, "legal_basis.create")] == ["denied"]


@pytest.mark.parametrize(
    ("method", "path"),
    [("post", "/v1/legal-bases"), ("get", "/v1/legal-bases"), ("get", f"/v1/legal-bases/{uuid.uuid4()}")],
    ids=["register", "list", "get"],
)
def test_unauthenticated_caller_gets_401_problem(client: TestClient, method: str, path: str) -> None:
    kwargs: dict[str, Any] = {"json": payloads.decree()} if method == "post" else {}
    r = getattr(client, method)(path, **kwargs)
    assert r.status_code == 401
    assert r.headers["content-type"].startswith(PROBLEM)
    assert r.json()["code"] == "authentication_required"
    assert r.headers["WWW-Authenticate"].startswith("Bearer")


def test_invalid_token_gets_401_problem(client: TestClient) -> None:
    r = client.get("/v1/legal-bases", headers={"Authorization": "Bearer not.a.token"})
    assert r.status_code == 401
    assert r.headers["content-type"].startswith(PROBLEM)


def test_any_authenticated_caller_reads_the_registry(
    client: TestClient, coordinator: dict[str, str], auth: Token
) -> None:
    basis = client.post("/v1/legal-bases", json=payloads.decree(), headers=coordinator).json()
    for role in ("participant", "prosecutor", "auditor", "partner"):
        r = client.get(f"/v1/legal-bases/{basis['id']}", headers=auth("reader", role, org="elsewhere"))
        assert r.status_code == 200, role
        assert r.json()["id"] == basis["id"]


def test_unknown_basis_is_404(client: TestClient, coordinator: dict[str, str]) -> None:
    r = client.get(f"/v1/legal-bases/{uuid.uuid4()}", headers=coordinator)
    assert r.status_code == 404
    assert r.json()["code"] == "not_found"


# ------------------------------------------------------------------------------------------------ listing


def test_list_is_paginated_with_an_opaque_cursor(client: TestClient, coordinator: dict[str, str]) -> None:
    created = []
    for i in range(5):
        r = client.post("/v1/legal-bases", json=payloads.decree(title=f"Décret {i}"), headers=coordinator)
        assert r.status_code == 201
        created.append(r.json()["id"])

    seen: list[str] = []
    cursor: str | None = None
    pages = 0
    while True:
        params: dict[str, Any] = {"limit": 2}
        if cursor:
            params["cursor"] = cursor
        r = client.get("/v1/legal-bases", params=params, headers=coordinator)
        assert r.status_code == 200, r.text
        page = r.json()
        assert len(page["items"]) <= 2
        seen += [b["id"] for b in page["items"]]
        pages += 1
        cursor = page["next_cursor"]
        if cursor is None:
            break
    assert pages == 3
    assert sorted(seen) == sorted(created)
    assert len(set(seen)) == 5


def test_list_filters_on_status(client: TestClient, coordinator: dict[str, str]) -> None:
    a = client.post("/v1/legal-bases", json=payloads.decree(), headers=coordinator).json()
    b = client.post("/v1/legal-bases", json=payloads.decree(), headers=coordinator).json()
    r = client.post(f"/v1/legal-bases/{a['id']}/retire", json={"reason": "Décret abrogé."}, headers=coordinator)
    assert r.status_code == 200
    active = client.get("/v1/legal-bases", params={"status": "active"}, headers=coordinator).json()
    retired = client.get("/v1/legal-bases", params={"status": "retired"}, headers=coordinator).json()
    assert [x["id"] for x in active["items"]] == [b["id"]]
    assert [x["id"] for x in retired["items"]] == [a["id"]]


@pytest.mark.parametrize(
    "cursor", ["garbage!", "bm90IGpzb24", "WyJub3QgYSBkYXRlIiwgIngiXQ"], ids=["not_base64", "not_json", "not_a_date"]
)
def test_invalid_cursor_is_422(client: TestClient, coordinator: dict[str, str], cursor: str) -> None:
    r = client.get("/v1/legal-bases", params={"cursor": cursor}, headers=coordinator)
    assert r.status_code == 422
    assert r.headers["content-type"].startswith(PROBLEM)
    assert r.json()["code"] == "invalid_cursor"
    assert violation_codes(r.json()) == {"invalid_cursor"}


@pytest.mark.parametrize("limit", [0, 201], ids=["zero", "over_200"])
def test_limit_out_of_bounds_is_422(client: TestClient, coordinator: dict[str, str], limit: int) -> None:
    r = client.get("/v1/legal-bases", params={"limit": limit}, headers=coordinator)
    assert r.status_code == 422
    assert r.headers["content-type"].startswith(PROBLEM)


# ------------------------------------------------------------------------------------------------ retirement


def test_retired_basis_grounds_no_new_concertation(
    client: TestClient, coordinator: dict[str, str], connection: Connection
) -> None:
    basis = client.post("/v1/legal-bases", json=payloads.decree(), headers=coordinator).json()
    r = client.post(
        f"/v1/legal-bases/{basis['id']}/retire",
        json={"reason": "Décret abrogé."},
        headers={**coordinator, "If-Match": '"1"'},
    )
    assert r.status_code == 200, r.text
    assert r.json()["status"] == "retired"
    assert r.json()["retired_at"] is not None
    assert r.headers["ETag"] == '"2"'

    r = client.post("/v1/concertations", json=payloads.concertation(basis["id"]), headers=coordinator)
    assert r.status_code == 422, r.text
    assert r.json()["code"] == "legal_basis_retired"
    assert {(v["rule"], v["code"]) for v in r.json()["violations"]} == {("R1", "legal_basis_retired")}
    assert connection.execute(text("SELECT count(*) FROM concertation")).scalar_one() == 0
    assert [o for o, _, _ in audit_rows(connection, "legal_basis.retire")] == ["success"]
    assert [(o, c) for o, c, _ in audit_rows(connection, "concertation.create")] == [
        ("refused", ["legal_basis_retired"])
    ]


def test_retiring_twice_is_409(client: TestClient, coordinator: dict[str, str]) -> None:
    basis = client.post("/v1/legal-bases", json=payloads.decree(), headers=coordinator).json()
    url = f"/v1/legal-bases/{basis['id']}/retire"
    assert client.post(url, json={"reason": "Abrogé."}, headers=coordinator).status_code == 200
    r = client.post(url, json={"reason": "Abrogé encore."}, headers=coordinator)
    assert r.status_code == 409
    assert r.json()["code"] == "legal_basis_already_retired"


def test_retire_with_stale_etag_is_412(client: TestClient, coordinator: dict[str, str]) -> None:
    basis = client.post("/v1/legal-bases", json=payloads.decree(), headers=coordinator).json()
    r = client.post(
        f"/v1/legal-bases/{basis['id']}/retire", json={"reason": "Abrogé."}, headers={**coordinator, "If-Match": '"7"'}
    )
    assert r.status_code == 412
    assert r.json()["code"] == "precondition_failed"
    assert client.get(f"/v1/legal-bases/{basis['id']}", headers=coordinator).json()["status"] == "active"


def test_only_a_coordinator_retires_a_basis(
    client: TestClient, coordinator: dict[str, str], auth: Token, connection: Connection
) -> None:
    basis = client.post("/v1/legal-bases", json=payloads.decree(), headers=coordinator).json()
    r = client.post(
        f"/v1/legal-bases/{basis['id']}/retire", json={"reason": "Abrogé."}, headers=auth("p-1", "participant")
    )
    assert r.status_code == 403
    assert r.json()["code"] == "forbidden"
    assert client.get(f"/v1/legal-bases/{basis['id']}", headers=coordinator).json()["status"] == "active"
    assert [o for o, _, _ in audit_rows(connection, "legal_basis.retire")] == ["denied"]


def test_retire_unknown_basis_is_404(client: TestClient, coordinator: dict[str, str]) -> None:
    r = client.post(f"/v1/legal-bases/{uuid.uuid4()}/retire", json={"reason": "Abrogé."}, headers=coordinator)
    assert r.status_code == 404


def test_retiring_fails_the_compliance_of_existing_drafts(client: TestClient, coordinator: dict[str, str]) -> None:
    basis = client.post("/v1/legal-bases", json=payloads.decree(), headers=coordinator).json()
    c = client.post("/v1/concertations", json=payloads.concertation(basis["id"]), headers=coordinator).json()
    client.post(f"/v1/legal-bases/{basis['id']}/retire", json={"reason": "Abrogé."}, headers=coordinator)
    r = client.post(f"/v1/concertations/{c['id']}/schedule", headers=coordinator)
    assert r.status_code == 409
    assert r.json()["code"] == "not_compliant"
    assert ("R1", "legal_basis_retired") in {(v["rule"], v["code"]) for v in r.json()["violations"]}
