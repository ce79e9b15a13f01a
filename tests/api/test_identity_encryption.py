"""SPEC §6, R27: identities are stored only as ciphertext bound to their row; a moved ciphertext fails closed."""

from __future__ import annotations

from fastapi.testclient import TestClient
from sqlalchemy import Connection, text

from tests.api import payloads
from tests.conftest import Token


def _db_id(connection: Connection, value: str) -> str:
    return value.replace("-", "") if connection.dialect.name == "sqlite" else value


def test_identity_is_sealed_and_a_moved_ciphertext_is_an_audited_integrity_error(
    client: TestClient, auth: Token, connection: Connection
) -> None:
    coordinator = auth("coord-1", "coordinator")
    basis = client.post("/v1/legal-bases", json=payloads.decree(), headers=coordinator).json()
    c = client.post("/v1/concertations", json=payloads.concertation(basis["id"]), headers=coordinator).json()
    second = {
        "reference": "P-002",
        "identity": {"kind": "individual", "family_name": "Dubois", "given_names": "Noah", "birth_date": "2012-01-09"},
        "privacy_notice_given_at": "2026-11-18T10:00:00+01:00",
    }
    r = client.post(f"/v1/concertations/{c['id']}/persons-concerned", json=second, headers=coordinator)
    assert r.status_code == 201, r.text
    p1, p2 = c["persons_concerned"][0]["id"], r.json()["id"]

    stored = connection.execute(text("SELECT identity_ciphertext FROM person_concerned")).scalars().all()
    assert len(stored) == 2 and all(b"Martin" not in bytes(x) and b"Dubois" not in bytes(x) for x in stored)

    r = client.get(f"/v1/concertations/{c['id']}/persons-concerned/{p1}", headers=coordinator)
    assert r.status_code == 200
    assert r.json()["identity"]["family_name"] == "Martin"

    # Move P-001's ciphertext onto P-002's row: it must not open there.
    connection.execute(
        text(
            "UPDATE person_concerned SET identity_ciphertext = "
            "(SELECT identity_ciphertext FROM person_concerned WHERE id = :a) WHERE id = :b"
        ),
        {"a": _db_id(connection, p1), "b": _db_id(connection, p2)},
    )
    r = client.get(f"/v1/concertations/{c['id']}/persons-concerned/{p2}", headers=coordinator)
    assert r.status_code == 500
    assert r.json()["code"] == "integrity_error"
    assert "Martin" not in r.text
    outcome = connection.execute(
        text("SELECT outcome, codes FROM audit_event WHERE object_id = :p ORDER BY seq DESC"), {"p": p2}
    ).first()
    assert outcome is not None and outcome[0] == "refused" and "integrity_error" in str(outcome[1])


def test_identity_is_never_in_lists_and_only_managers_read_it(client: TestClient, auth: Token) -> None:
    coordinator = auth("coord-1", "coordinator")
    basis = client.post("/v1/legal-bases", json=payloads.decree(), headers=coordinator).json()
    c = client.post("/v1/concertations", json=payloads.concertation(basis["id"]), headers=coordinator).json()
    listing = client.get("/v1/concertations", headers=coordinator)
    assert listing.status_code == 200 and "Martin" not in listing.text and "P-001" not in listing.text
    person = c["persons_concerned"][0]["id"]
    other_org = auth("coord-2", "coordinator", org="cpas-b")
    r = client.get(f"/v1/concertations/{c['id']}/persons-concerned/{person}", headers=other_org)
    assert r.status_code == 404


def test_r52_narrowing_the_scope_reseals_and_the_old_ciphertext_no_longer_opens(
    client: TestClient, auth: Token, connection: Connection
) -> None:
    coordinator = auth("coord-1", "coordinator")
    basis = client.post("/v1/legal-bases", json=payloads.decree(), headers=coordinator).json()
    body = payloads.concertation(basis["id"], offence_scope=["cp_398", "cp_393"])
    c = client.post("/v1/concertations", json=body, headers=coordinator).json()
    person = c["persons_concerned"][0]["id"]
    select = text("SELECT identity_ciphertext FROM person_concerned WHERE id = :p")
    before = bytes(connection.execute(select, {"p": _db_id(connection, person)}).scalar_one())

    r = client.patch(
        f"/v1/concertations/{c['id']}", json={"offence_scope": ["cp_398"]}, headers={**coordinator, "If-Match": '"1"'}
    )
    assert r.status_code == 200, r.text
    after = bytes(connection.execute(select, {"p": _db_id(connection, person)}).scalar_one())
    assert after != before
    identity_url = f"/v1/concertations/{c['id']}/persons-concerned/{person}"
    assert client.get(identity_url, headers=coordinator).json()["identity"]["family_name"] == "Martin"

    # Put back the ciphertext sealed under the wider scope: it does not open under the concertation's scope.
    connection.execute(
        text("UPDATE person_concerned SET identity_ciphertext = :b WHERE id = :p"),
        {"b": before, "p": _db_id(connection, person)},
    )
    r = client.get(identity_url, headers=coordinator)
    assert r.status_code == 500 and r.json()["code"] == "integrity_error"


def test_the_concertations_free_texts_are_sealed_follow_the_scope_and_go_with_the_keys(
    client: TestClient, auth: Token, connection: Connection
) -> None:
    """SPEC §6: purpose statement, threat, reasons — sealed; the structure the rules need stays readable."""
    coordinator = auth("coord-1", "coordinator")
    basis = client.post("/v1/legal-bases", json=payloads.decree(), headers=coordinator).json()
    body = payloads.concertation(basis["id"], offence_scope=["cp_398", "cp_393"])
    c = client.post("/v1/concertations", json=body, headers=coordinator).json()
    assert c["purpose"]["threat_description"] == body["purpose"]["threat_description"]
    stored = connection.execute(
        text("SELECT purpose, subsidiarity, narrative_ciphertext FROM concertation WHERE id = :c"),
        {"c": _db_id(connection, c["id"])},
    ).one()
    raw = str(stored[0]) + str(stored[1]) + bytes(stored[2]).decode("latin-1")
    for secret in (
        body["purpose"]["statement"],
        body["purpose"]["threat_description"],
        body["why_person_not_present"],
        body["subsidiarity"]["why_concertation_now"],
    ):
        assert secret not in raw
    assert "protect_integrity" in str(stored[0])  # the structure stays in clear for the rules

    url = f"/v1/concertations/{c['id']}"
    r = client.patch(url, json={"offence_scope": ["cp_398"]}, headers={**coordinator, "If-Match": '"1"'})
    assert r.status_code == 200, r.text
    after = client.get(url, headers=coordinator).json()
    assert after["purpose"]["statement"] == body["purpose"]["statement"]
    assert after["subsidiarity"] == body["subsidiarity"]
    assert after["why_person_not_present"] == body["why_person_not_present"]

    r = client.patch(url, json={"why_person_not_present": "Hospitalisée."}, headers={**coordinator, "If-Match": '"2"'})
    assert r.status_code == 200 and r.json()["why_person_not_present"] == "Hospitalisée."
    assert client.get(url, headers=coordinator).json()["purpose"]["statement"] == body["purpose"]["statement"]

    connection.execute(
        text("UPDATE data_key SET wrapped_dek = NULL, destroyed_at = CURRENT_TIMESTAMP WHERE concertation_id = :c"),
        {"c": _db_id(connection, c["id"])},
    )
    gone = client.get(url, headers=coordinator)
    assert gone.status_code == 200
    assert gone.json()["purpose"]["statement"] is None and gone.json()["purpose"]["category"] == "protect_integrity"
