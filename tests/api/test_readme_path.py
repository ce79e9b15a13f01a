"""The five-minute path of the README, as a test: register a decree, draft, read the report, fix, schedule."""

from __future__ import annotations

from typing import Any

from fastapi.testclient import TestClient
from sqlalchemy import Connection, text

from tests.api import payloads
from tests.conftest import Token


def codes(body: dict[str, Any], status: str = "fail") -> set[str]:
    return {c["code"] for c in body["checks"] if c["status"] == status}


def test_newcomer_reaches_a_scheduled_concertation(client: TestClient, auth: Token, connection: Connection) -> None:
    coordinator = auth("coord-1", "coordinator", lang="fr")

    r = client.post("/v1/legal-bases", json=payloads.decree(), headers=coordinator)
    assert r.status_code == 201, r.text
    basis = r.json()
    assert r.headers["Location"] == f"/v1/legal-bases/{basis['id']}"
    assert basis["democratic_control"] is True

    draft = payloads.concertation(basis["id"])
    del draft["subsidiarity"]
    draft["offence_scope"] = []
    r = client.post("/v1/concertations", json=draft, headers=coordinator)
    assert r.status_code == 201, r.text
    c = r.json()
    assert c["state"] == "draft"
    assert [(p["reference"], p["privacy_notice_given_at"]) for p in c["persons_concerned"]] == [
        ("P-001", "2026-11-18T09:00:00Z")
    ]
    assert "Martin" not in r.text

    r = client.get(f"/v1/concertations/{c['id']}/compliance", headers=coordinator)
    assert r.status_code == 200
    report = r.json()
    assert report["compliant"] is False
    assert codes(report) == {"last_resort_not_justified"}
    failing = next(x for x in report["checks"] if x["status"] == "fail")
    assert failing["rule"] == "R55"
    assert "alternative" in failing["message"].lower()
    assert {x["rule"] for x in report["checks"] if x["status"] == "pass"} >= {"R1", "R10", "R16", "R23", "R26"}

    r = client.post(f"/v1/concertations/{c['id']}/schedule", headers=coordinator)
    assert r.status_code == 409
    assert r.headers["content-type"].startswith("application/problem+json")
    assert r.json()["code"] == "not_compliant"
    assert [v["rule"] for v in r.json()["violations"]] == ["R55"]

    fix = {"subsidiarity": payloads.concertation(basis["id"])["subsidiarity"]}
    r = client.patch(f"/v1/concertations/{c['id']}", json=fix, headers={**coordinator, "If-Match": '"1"'})
    assert r.status_code == 200, r.text
    assert r.headers["ETag"] == '"2"'

    r = client.post(f"/v1/concertations/{c['id']}/schedule", headers=coordinator)
    assert r.status_code == 200, r.text
    assert r.json()["state"] == "scheduled"

    actions = connection.execute(
        text("SELECT action, outcome FROM audit_event WHERE concertation_id = :c OR object_id = :b ORDER BY seq"),
        {"c": c["id"].replace("-", "") if connection.dialect.name == "sqlite" else c["id"], "b": basis["id"]},
    ).all()
    assert [tuple(a) for a in actions] == [
        ("legal_basis.create", "success"),
        ("concertation.create", "success"),
        ("concertation.schedule", "refused"),
        ("concertation.update", "success"),
        ("concertation.schedule", "success"),
    ]
