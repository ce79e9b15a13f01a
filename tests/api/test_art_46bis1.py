"""Art. 46bis/1 C. i. cr. requests through HTTP (issue 14), on SQLite and PostgreSQL.

Only the procureur du Roi's written, motivated decision (R78), only within a terrorism investigation (R79); a staff
"declaration" is refused with the ruling that annulled the active duty (R84). The institution answers, not the
worker (R80), item by item, administrative data only (R81), warned when it refuses an admissible item (R82). The
request is secret (R83): 404 like an unknown id to everyone but its handlers; no list, count or audit detail shows
it.
"""

from __future__ import annotations

import json
import uuid
from typing import Any

import pytest
from fastapi.testclient import TestClient
from httpx import Response
from sqlalchemy import Connection, text

from api.settings import Settings
from tests.conftest import ISSUER, Token

Headers = dict[str, str]
PATH = "/v1/art-46bis1-requests"


@pytest.fixture
def settings(tmp_path: Any, request: pytest.FixtureRequest) -> Settings:
    overrides: dict[str, Any] = getattr(request, "param", {})
    return Settings(
        var_dir=tmp_path,
        database_url="sqlite:///:memory:",
        dev_issuer=ISSUER,
        rate_limit_token="100000/minute",
        rate_limit_write="100000/minute",
        gc_freeze=False,
        **overrides,
    )


@pytest.fixture
def dg(auth: Token) -> Headers:
    return auth("dg-dora", "director_general", org="cpas-a")


@pytest.fixture
def president(auth: Token) -> Headers:
    return auth("pres-paul", "president", org="cpas-a")


@pytest.fixture
def referent(auth: Token) -> Headers:
    return auth("ref-rita", "request_handler", org="cpas-a")


@pytest.fixture
def worker(auth: Token) -> Headers:
    return auth("sw-alice", "participant", org="cpas-a")


def art_46bis1(**changes: Any) -> dict[str, Any]:
    body: dict[str, Any] = {
        "institution": "cpas",
        "addressee": "institution",
        "issued_by": {"role": "procureur_du_roi", "reference": "Parquet de Bruxelles"},
        "decision": {
            "form": "written",
            "document_sha256": "ab" * 32,
            "reference": "BR.12.34.5678/26",
            "issued_on": "2026-11-30",
            "motivation": "Enquête sur des faits de participation aux activités d'un groupe terroriste.",
        },
        "investigation": {"type": "terrorist_offences", "offences": ["cp_140"]},
        "person_ref": "BEN-2026-0042",
        "items": [
            {"reference": "i1", "category": "domicile_address"},
            {"reference": "i2", "category": "allowance_granted_or_refused"},
            {"reference": "i3", "category": "social_reports"},
        ],
    }
    body.update(changes)
    return body


def pairs(r: Response) -> set[tuple[str | None, str]]:
    return {(v["rule"], v["code"]) for v in r.json()["violations"]}


def stored(connection: Connection) -> int:
    return int(connection.execute(text("SELECT count(*) FROM admin_info_request")).scalar_one())


def trail(connection: Connection) -> list[dict[str, Any]]:
    rows = connection.execute(
        text("SELECT action, object_type, object_id, concertation_id, codes, details FROM audit_event ORDER BY seq")
    ).all()
    return [dict(r._mapping) for r in rows]


def loaded(value: Any) -> Any:
    return json.loads(value) if isinstance(value, str) else value


def created(client: TestClient, headers: Headers, **changes: Any) -> dict[str, Any]:
    r = client.post(PATH, json=art_46bis1(**changes), headers=headers)
    assert r.status_code == 201, r.text
    return dict(r.json())


# ------------------------------------------------------------------------------------------------ R78, R79, R84


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        ({"issued_by": {"role": "police", "reference": "Zone de police"}}, ("R78", "art46bis1_not_procureur")),
        (
            {"decision": {"form": "email_only", "motivation": "Urgent.", "issued_on": "2026-11-30"}},
            ("R78", "art46bis1_decision_missing"),
        ),
        (
            {"decision": {"form": "written", "document_sha256": "ab" * 32, "issued_on": "2026-11-30"}},
            ("R78", "art46bis1_not_motivated"),
        ),
        ({"investigation": {"type": "social_fraud", "offences": []}}, ("R79", "art46bis1_not_terrorism")),
        ({"investigation": {"type": "terrorist_offences", "offences": []}}, ("R79", "art46bis1_offence_required")),
        (
            {"investigation": {"type": "terrorist_offences", "offences": ["cp_398"]}},
            ("R79", "art46bis1_offence_not_terrorist"),
        ),
        ({"origin": "staff_declaration"}, ("R84", "active_reporting_duty_annulled")),
        ({"items": []}, ("R81", "art46bis1_items_required")),
    ],
)
def test_a_request_outside_art_46bis1_is_refused_and_nothing_is_stored(
    client: TestClient, connection: Connection, dg: Headers, changes: dict[str, Any], expected: tuple[str, str]
) -> None:
    r = client.post(PATH, json=art_46bis1(**changes), headers=dg)
    assert r.status_code == 422, r.text
    assert r.headers["content-type"].startswith("application/problem+json")
    assert expected in pairs(r)
    assert stored(connection) == 0
    last = trail(connection)[-1]
    assert (last["action"], last["object_type"]) == ("restricted.create", "restricted")
    # R83: the refusal's audit event names no rule, no code, nothing of what was asked.
    assert loaded(last["codes"]) in ([], None)
    assert loaded(last["details"]) in ({}, None)


def test_the_active_duty_refusal_cites_the_constitutional_court(client: TestClient, dg: Headers) -> None:
    r = client.post(PATH, json=art_46bis1(origin="staff_declaration"), headers={**dg, "Accept-Language": "fr"})
    found = next(v for v in r.json()["violations"] if v["code"] == "active_reporting_duty_annulled")
    assert "44/2019" in found["legal_ground"]
    assert "44/2019" in found["message"]


# ----------------------------------------------------------------------------------------------------- R80, R81


def test_a_handler_registers_and_inadmissible_items_are_refused_from_the_start(client: TestClient, dg: Headers) -> None:
    body = created(client, dg)
    items = {i["reference"]: i for i in body["items"]}
    assert items["i1"]["admissible"] and items["i2"]["admissible"]
    assert not items["i3"]["admissible"]
    assert ("R81", "art46bis1_not_administrative") in {(c["rule"], c["code"]) for c in body["conditions"]}
    assert body["state"] == "received" and body["person_ref"] == "BEN-2026-0042"


def test_a_request_received_by_a_worker_is_rerouted_and_he_never_sees_it_again(
    client: TestClient, connection: Connection, worker: Headers, dg: Headers
) -> None:
    r = client.post(PATH, json=art_46bis1(addressee="individual_worker"), headers=worker)
    assert r.status_code == 202, r.text
    assert r.json()["status"] == "routed_to_institution"
    assert "id" not in r.json() and "Location" not in r.headers
    assert stored(connection) == 1
    listed = client.get(PATH, headers=dg).json()["items"]
    assert len(listed) == 1
    shown = client.get(f"{PATH}/{listed[0]['id']}", headers=dg).json()
    assert shown["rerouted_to_institution"] is True
    assert client.get(f"{PATH}/{listed[0]['id']}", headers=worker).status_code == 404


@pytest.mark.parametrize("settings", [{"art_46bis1_household_situation": False}], indirect=True)
def test_household_situation_follows_the_deployment_switch(client: TestClient, dg: Headers) -> None:
    body = created(client, dg, items=[{"reference": "h", "category": "household_situation"}])
    assert body["household_situation_admissible"] is False
    assert body["items"][0]["admissible"] is False


def test_household_situation_is_administrative_by_default(client: TestClient, dg: Headers) -> None:
    body = created(client, dg, items=[{"reference": "h", "category": "household_situation"}])
    assert body["items"][0]["admissible"] is True


# ----------------------------------------------------------------------------------------------- the answer


def answer(client: TestClient, headers: Headers, body: dict[str, Any], decisions: dict[str, str]) -> Response:
    return client.post(
        f"{PATH}/{body['id']}/answer",
        json={"decisions": [{"item": k, "decision": v} for k, v in decisions.items()]},
        headers={**headers, "If-Match": f'"{body["version"]}"'},
    )


def test_the_institution_answers_item_by_item(client: TestClient, dg: Headers, president: Headers) -> None:
    body = created(client, dg)
    r = answer(client, president, body, {"i1": "provided", "i2": "refused_other", "i3": "refused_inadmissible"})
    assert r.status_code == 200, r.text
    shown = r.json()
    assert shown["state"] == "answered"
    assert {i["reference"]: i["decision"] for i in shown["items"]} == {
        "i1": "provided",
        "i2": "refused_other",
        "i3": "refused_inadmissible",
    }
    # R82: refusing an admissible item is accepted, with the warning that the law punishes it.
    assert [(w["rule"], w["code"]) for w in shown["warnings"]] == [("R82", "art46bis1_refusal_punishable")]
    assert "10" in shown["warnings"][0]["message"]
    again = answer(client, dg, shown, {"i1": "provided", "i2": "provided", "i3": "refused_inadmissible"})
    assert again.status_code == 409


def test_an_inadmissible_item_is_never_provided(client: TestClient, connection: Connection, dg: Headers) -> None:
    body = created(client, dg)
    r = answer(client, dg, body, {"i1": "provided", "i2": "provided", "i3": "provided"})
    assert r.status_code == 422
    assert ("R81", "art46bis1_not_administrative") in pairs(r)
    state = connection.execute(text("SELECT state FROM admin_info_request")).scalar_one()
    assert state == "received"


def test_every_item_is_decided_and_only_requested_ones(client: TestClient, dg: Headers) -> None:
    body = created(client, dg)
    r = answer(client, dg, body, {"i1": "provided", "x9": "provided"})
    assert r.status_code == 422
    assert {("R81", "art46bis1_item_decision_missing"), ("R81", "art46bis1_item_not_requested")} <= pairs(r)


def test_a_referent_is_not_the_institution(client: TestClient, referent: Headers) -> None:
    body = created(client, referent)
    r = answer(client, referent, body, {"i1": "provided", "i2": "provided", "i3": "refused_inadmissible"})
    assert r.status_code == 403
    assert ("R80", "answer_not_by_institution") in pairs(r)


def test_the_answer_needs_if_match(client: TestClient, dg: Headers) -> None:
    body = created(client, dg)
    decisions = [{"item": "i1", "decision": "provided"}]
    assert client.post(f"{PATH}/{body['id']}/answer", json={"decisions": decisions}, headers=dg).status_code == 428
    stale = {**dg, "If-Match": '"7"'}
    assert client.post(f"{PATH}/{body['id']}/answer", json={"decisions": decisions}, headers=stale).status_code == 412


def test_unknown_fields_and_free_text_are_rejected(client: TestClient, dg: Headers) -> None:
    body = created(client, dg)
    r = client.post(
        f"{PATH}/{body['id']}/answer",
        json={"decisions": [{"item": "i1", "decision": "provided", "value": "Rue de la Loi 16"}]},
        headers={**dg, "If-Match": '"1"'},
    )
    assert r.status_code == 422
    assert client.post(PATH, json={**art_46bis1(), "note": "x"}, headers=dg).status_code == 422


# ------------------------------------------------------------------------------------------------------ R83


@pytest.mark.parametrize(
    ("sub", "roles", "org"),
    [
        ("sw-alice", ("participant",), "cpas-a"),
        ("coord-carl", ("coordinator",), "cpas-a"),
        ("partner-x", ("partner",), "cpas-a"),
        ("auditor-ann", ("auditor",), "cpas-a"),
        ("admin-al", ("admin",), "cpas-a"),
        ("proc-pia", ("prosecutor",), "cpas-a"),
        ("dg-other", ("director_general",), "cpas-b"),
        ("pres-other", ("president",), "cpas-b"),
    ],
)
def test_the_request_is_invisible_to_all_but_its_handlers(
    client: TestClient, connection: Connection, auth: Token, dg: Headers, sub: str, roles: tuple[str, ...], org: str
) -> None:
    body = created(client, dg)
    other = auth(sub, *roles, org=org)
    unknown = str(uuid.uuid4())
    for target in (body["id"], unknown):
        seen = client.get(f"{PATH}/{target}", headers=other)
        assert seen.status_code == 404
        answered = answer(client, other, {"id": target, "version": 1}, {"i1": "provided"})
        assert answered.status_code == 404
    assert (
        client.get(f"{PATH}/{body['id']}", headers=other).json()
        == client.get(f"{PATH}/{unknown}", headers=other).json()
    )
    listed = client.get(PATH, headers=other)
    if org == "cpas-b":
        assert listed.status_code == 200 and listed.json()["items"] == []
    else:
        assert listed.status_code == 403


def test_no_audit_detail_reveals_the_request(client: TestClient, connection: Connection, dg: Headers) -> None:
    body = created(client, dg)
    client.get(f"{PATH}/{body['id']}", headers=dg)
    answer(client, dg, body, {"i1": "provided", "i2": "provided", "i3": "refused_inadmissible"})
    events = [e for e in trail(connection) if e["action"].startswith("restricted.")]
    assert [e["action"] for e in events] == ["restricted.create", "restricted.read", "restricted.answer"]
    dumped = json.dumps([{k: str(v) for k, v in e.items()} for e in trail(connection)])
    for secret in (body["id"], "46bis", "terror", "BEN-2026-0042", "cp_140", "domicile", "Parquet", "procureur"):
        assert secret not in dumped
    # The handlers keep who did what, sealed with the request itself.
    history = client.get(f"{PATH}/{body['id']}", headers=dg).json()["history"]
    assert [h["action"] for h in history] == ["received", "read", "answered", "read"]


def test_nothing_of_the_request_is_stored_in_the_clear(client: TestClient, connection: Connection, dg: Headers) -> None:
    created(client, dg)
    row = connection.execute(text("SELECT * FROM admin_info_request")).one()
    dumped = str(tuple(row))
    for secret in ("BEN-2026-0042", "Parquet de Bruxelles", "BR.12.34.5678/26", "groupe terroriste"):
        assert secret not in dumped
