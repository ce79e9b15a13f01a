"""The prosecution story end to end: minutes written, a prosecutor refused outside the scope, granted inside it."""

from __future__ import annotations

from fastapi.testclient import TestClient
from sqlalchemy import Connection, text

from api.security.crypto import FORMAT_FIELD
from tests.api import payloads
from tests.conftest import Token


def test_minutes_are_sealed_and_only_in_scope_prosecution_gets_them(
    client: TestClient, auth: Token, connection: Connection
) -> None:
    coordinator = auth("coord-1", "coordinator")
    basis = client.post("/v1/legal-bases", json=payloads.decree(), headers=coordinator).json()
    c = client.post("/v1/concertations", json=payloads.concertation(basis["id"]), headers=coordinator).json()
    url = f"/v1/concertations/{c['id']}"
    alice = client.post(f"{url}/participants", json=payloads.participant(), headers=coordinator).json()
    alice_h = auth("sw-alice", "participant")
    assert (
        client.post(
            f"{url}/participants/{alice['id']}/response", json={"answer": "accept"}, headers=alice_h
        ).status_code
        == 200
    )
    for step in ("schedule", "start"):
        assert client.post(f"{url}/{step}", headers=coordinator).status_code == 200
    assert (
        client.post(
            f"{url}/attendance", json={"participant_id": alice["id"], "event": "joined"}, headers=coordinator
        ).status_code
        == 201
    )
    entry = {
        "speaker_id": alice["id"],
        "level": "content",
        "necessity_justification": "Le danger est actuel.",
        "offence_tags": ["cp_398"],
        "about_persons": ["P-001"],
        "content": "L'enfant montre des ecchymoses.",
    }
    r = client.post(f"{url}/minutes", json=entry, headers=coordinator)
    assert r.status_code == 201, r.text
    stored = connection.execute(text("SELECT content_ciphertext FROM minutes_entry")).scalar_one()
    assert bytes(stored).startswith(FORMAT_FIELD) and b"ecchymoses" not in bytes(stored)

    prosecutor = auth("pr-bxl", "prosecutor", org="parquet-bxl")
    ask = {
        "requesting_magistrate": "J. Dupont",
        "criminal_case_reference": "BR.12.34.5678/26",
        "offences": ["cp_393"],
        "persons_named": ["P-001"],
        "motivation": "Enquête pour meurtre.",
    }
    r = client.post(f"{url}/prosecution-requests", json=ask, headers=prosecutor)
    assert r.status_code == 422
    assert [(v["rule"], v["code"]) for v in r.json()["violations"]] == [("R49", "offence_outside_concertation_scope")]
    alerts = client.get("/v1/alerts", headers=coordinator).json()["items"]
    assert [a["offences"] for a in alerts] == [["cp_393"]]

    r = client.post(f"{url}/prosecution-requests", json={**ask, "offences": ["cp_398"]}, headers=prosecutor)
    assert r.status_code == 201, r.text
    d = client.get(f"{url}/prosecution-requests/{r.json()['id']}/disclosure", headers=prosecutor)
    assert d.status_code == 200, d.text
    assert [i["content"] for i in d.json()["items"]] == ["L'enfant montre des ecchymoses."]
    assert client.get(f"{url}/minutes", headers=alice_h).status_code == 403  # not acknowledged (R19)


def test_r33_an_entry_that_may_inform_a_judicial_decision_blocks_closing_until_disclosed(
    client: TestClient, auth: Token
) -> None:
    coordinator = auth("coord-1", "coordinator")
    basis = client.post("/v1/legal-bases", json=payloads.decree(), headers=coordinator).json()
    c = client.post("/v1/concertations", json=payloads.concertation(basis["id"]), headers=coordinator).json()
    url = f"/v1/concertations/{c['id']}"
    informed = payloads.information(c["persons_concerned"][0]["id"], after_session=True)
    assert client.post(f"{url}/person-concerned/information", json=informed, headers=coordinator).status_code == 201
    for step in ("schedule", "start"):
        assert client.post(f"{url}/{step}", headers=coordinator).status_code == 200
    note = {"level": "process", "may_inform_judicial_decision": True, "content": "Rapport au tribunal prévu."}
    entry = client.post(f"{url}/minutes", json=note, headers=coordinator).json()
    assert client.post(f"{url}/end", headers=coordinator).status_code == 200

    r = client.post(f"{url}/close", headers=coordinator)
    assert r.status_code == 409
    assert [(v["rule"], v["code"]) for v in r.json()["violations"]] == [("R33", "contradictoire_at_risk")]
    r = client.post(f"{url}/minutes/{entry['id']}/disclosed-to-person", headers=coordinator)
    assert r.status_code == 200 and r.json()["content"] == ""
    assert client.post(f"{url}/minutes/{entry['id']}/disclosed-to-person", headers=coordinator).status_code == 409
    assert client.post(f"{url}/close", headers=coordinator).status_code == 200


def test_r51_a_grant_never_reaches_beyond_a_scope_narrowed_since(
    client: TestClient, auth: Token, connection: Connection
) -> None:
    coordinator = auth("coord-1", "coordinator")
    basis = client.post("/v1/legal-bases", json=payloads.decree(), headers=coordinator).json()
    body = payloads.concertation(basis["id"], offence_scope=["cp_398", "cp_393"])
    c = client.post("/v1/concertations", json=body, headers=coordinator).json()
    url = f"/v1/concertations/{c['id']}"
    for step in ("schedule", "start"):
        assert client.post(f"{url}/{step}", headers=coordinator).status_code == 200
    note = {"level": "process", "offence_tags": ["cp_393"], "content": "Menaces de mort rapportées."}
    assert client.post(f"{url}/minutes", json=note, headers=coordinator).status_code == 201
    prosecutor = auth("pr-bxl", "prosecutor", org="parquet-bxl")
    ask = {
        "requesting_magistrate": "J. Dupont",
        "criminal_case_reference": "BR.1/26",
        "offences": ["cp_393"],
        "motivation": "Enquête.",
    }
    granted = client.post(f"{url}/prosecution-requests", json=ask, headers=prosecutor).json()
    disclosure = f"{url}/prosecution-requests/{granted['id']}/disclosure"
    assert len(client.get(disclosure, headers=prosecutor).json()["items"]) == 1

    version = client.get(url, headers=coordinator).json()["version"]
    r = client.patch(url, json={"offence_scope": ["cp_398"]}, headers={**coordinator, "If-Match": f'"{version}"'})
    assert r.status_code == 200, r.text
    r = client.get(disclosure, headers=prosecutor)
    assert r.status_code == 409
    assert [(v["rule"], v["code"]) for v in r.json()["violations"]] == [("R49", "offence_outside_concertation_scope")]

    assert client.post(f"{url}/minutes/finalise", headers=coordinator).status_code == 200
    assert client.post(f"{url}/minutes/finalise", headers=coordinator).status_code == 409
    outcomes = (
        connection.execute(text("SELECT outcome FROM audit_event WHERE action = 'minutes.finalise' ORDER BY seq"))
        .scalars()
        .all()
    )
    assert outcomes == ["success", "refused"]
