"""SPEC §6 — the registry's free texts (a prosecutor authorisation's motivation, a retirement reason) are sealed
under the basis's own data key: never stored in clear, bound to their basis, rewrapped by `keys rotate`, and the
plaintext left from before revision 0004 is sealed by `keys seal-registry`."""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Connection, text
from sqlmodel import Session, select

from api.commands.keys import rotate_keks, seal_registry
from api.security.crypto import KeyRingFile
from api.security.kms import Kms
from api.services.sealed import basis_key_owner, disclosure_key_owner
from models.audit import AuditEvent
from models.disclosure import DisclosureKey
from models.legal_basis import BasisKey, LegalBasis
from tests.api import payloads
from tests.conftest import NOW, Token

MOTIVATION = payloads.authorisation()["prosecutor_authorisation"]["motivation"]
REASON = "Remplacé par le décret du 3 mai 2026, qui organise désormais ces concertations."


@pytest.fixture
def keyring(tmp_path: Path) -> Kms:
    """A key ring that can rotate (overrides the harness's static one)."""
    return KeyRingFile.ensure(tmp_path / "keys" / "keyring.json")


@contextmanager
def db(connection: Connection) -> Iterator[Session]:
    with Session(bind=connection, join_transaction_mode="create_savepoint", expire_on_commit=False) as session:
        yield session


def stored(connection: Connection, basis_id: str) -> dict[str, Any]:
    row = connection.execute(
        text(
            "SELECT prosecutor_authorisation, retirement_reason, texts_ciphertext FROM legal_basis WHERE id = :i"
        ).bindparams(i=uuid.UUID(basis_id) if connection.dialect.name == "postgresql" else uuid.UUID(basis_id).hex),
    ).one()
    authorisation = row[0] if not isinstance(row[0], str) else json.loads(row[0])
    return {"authorisation": authorisation, "legacy_reason": row[1], "ciphertext": bytes(row[2]) if row[2] else None}


def register_authorisation(client: TestClient, coordinator: dict[str, str]) -> dict[str, Any]:
    r = client.post("/v1/legal-bases", json=payloads.authorisation(), headers=coordinator)
    assert r.status_code == 201, r.text
    body: dict[str, Any] = r.json()
    return body


def test_motivation_and_retirement_reason_are_sealed_and_read_back(
    client: TestClient, auth: Token, connection: Connection
) -> None:
    coordinator = auth("coord-1", "coordinator")
    basis = register_authorisation(client, coordinator)
    assert basis["prosecutor_authorisation"]["motivation"] == MOTIVATION

    row = stored(connection, basis["id"])
    assert "motivation" not in row["authorisation"]
    assert row["ciphertext"] is not None and MOTIVATION.encode() not in row["ciphertext"]
    assert MOTIVATION.encode()[:40] not in row["ciphertext"]

    r = client.post(
        f"/v1/legal-bases/{basis['id']}/retire", json={"reason": REASON}, headers={**coordinator, "If-Match": '"1"'}
    )
    assert r.status_code == 200, r.text
    assert r.json()["retirement_reason"] == REASON
    row = stored(connection, basis["id"])
    assert row["legacy_reason"] is None
    assert REASON.encode()[:30] not in row["ciphertext"]

    # Every reader of the registry reads them back (R9: invitees must be able to read the basis).
    reader = auth("someone", "participant", org="other-org")
    got = client.get(f"/v1/legal-bases/{basis['id']}", headers=reader).json()
    assert (got["prosecutor_authorisation"]["motivation"], got["retirement_reason"]) == (MOTIVATION, REASON)
    listed = client.get("/v1/legal-bases", headers=reader).json()["items"]
    assert [(b["id"], b["retirement_reason"]) for b in listed] == [(basis["id"], REASON)]


def test_a_decree_without_free_texts_has_no_ciphertext_and_no_key(
    client: TestClient, auth: Token, connection: Connection
) -> None:
    r = client.post("/v1/legal-bases", json=payloads.decree(), headers=auth("coord-1", "coordinator"))
    assert r.status_code == 201
    assert stored(connection, r.json()["id"])["ciphertext"] is None
    with db(connection) as session:
        assert session.exec(select(BasisKey)).all() == []


def test_a_sealed_text_moved_to_another_basis_fails_closed_and_is_audited(
    client: TestClient, auth: Token, connection: Connection
) -> None:
    coordinator = auth("coord-1", "coordinator")
    first, second = register_authorisation(client, coordinator), register_authorisation(client, coordinator)
    with db(connection) as session:
        a = session.get(LegalBasis, uuid.UUID(first["id"]))
        b = session.get(LegalBasis, uuid.UUID(second["id"]))
        assert a is not None and b is not None
        b.texts_ciphertext = a.texts_ciphertext
        session.add(b)
        session.commit()

    r = client.get(f"/v1/legal-bases/{second['id']}", headers=coordinator)
    assert r.status_code == 500 and r.json()["code"] == "integrity_error"
    assert MOTIVATION not in r.text
    assert client.get(f"/v1/legal-bases/{first['id']}", headers=coordinator).status_code == 200
    with db(connection) as session:
        events = session.exec(select(AuditEvent).where(AuditEvent.action == "legal_basis.read")).all()
        assert [(e.outcome, e.codes, e.object_id) for e in events] == [("refused", ["integrity_error"], second["id"])]


def test_a_basis_key_is_wrapped_for_its_basis_only(client: TestClient, auth: Token, connection: Connection) -> None:
    basis = register_authorisation(client, auth("coord-1", "coordinator"))
    with db(connection) as session:
        key = session.exec(select(BasisKey)).one()
    assert key.wrapped_dek is not None and str(key.basis_id) == basis["id"]
    kms = client.app.state.keyring  # type: ignore[attr-defined]
    assert len(kms.unwrap(key.kek_id, key.wrapped_dek, basis_key_owner(key.basis_id))) == 32
    with pytest.raises(Exception, match="does not open"):
        kms.unwrap(key.kek_id, key.wrapped_dek, key.basis_id)  # not under the bare basis id (nor a concertation's)


def test_kek_rotation_rewraps_the_registry_keys_too(
    client: TestClient, auth: Token, connection: Connection, keyring: Kms
) -> None:
    coordinator = auth("coord-1", "coordinator")
    basis = register_authorisation(client, coordinator)
    client.post("/v1/concertations", json=payloads.concertation(basis["id"]), headers=coordinator)
    old = keyring.active
    with db(connection) as session:
        report = rotate_keks(session, keyring, NOW)
        key = session.exec(select(BasisKey)).one()
    assert report.rewrapped == 2 and report.failed == []  # the concertation's data key and the basis's
    assert key.kek_id == keyring.active != old
    got = client.get(f"/v1/legal-bases/{basis['id']}", headers=coordinator).json()
    assert got["prosecutor_authorisation"]["motivation"] == MOTIVATION


def test_seal_registry_seals_plaintext_left_from_before_0004_and_is_idempotent(
    client: TestClient, auth: Token, connection: Connection, keyring: Kms
) -> None:
    coordinator = auth("coord-1", "coordinator")
    basis = register_authorisation(client, coordinator)
    decree = client.post("/v1/legal-bases", json=payloads.decree(), headers=coordinator).json()
    # What revision 0003 stored: the motivation inside the JSON, the retirement reason in clear, no key.
    with db(connection) as session:
        for key in session.exec(select(BasisKey)).all():
            session.delete(key)
        old = session.get(LegalBasis, uuid.UUID(basis["id"]))
        retired = session.get(LegalBasis, uuid.UUID(decree["id"]))
        assert old is not None and retired is not None
        old.prosecutor_authorisation = {**(old.prosecutor_authorisation or {}), "motivation": MOTIVATION}
        old.texts_ciphertext = None
        retired.status, retired.retired_at, retired.legacy_retirement_reason = "retired", NOW, REASON
        session.add_all([old, retired])
        session.commit()
    legacy = client.get(f"/v1/legal-bases/{basis['id']}", headers=coordinator).json()
    assert legacy["prosecutor_authorisation"]["motivation"] == MOTIVATION  # still readable before sealing

    with db(connection) as session:
        assert seal_registry(session, keyring, NOW) == 2
        assert seal_registry(session, keyring, NOW) == 0
        events = session.exec(select(AuditEvent).where(AuditEvent.action == "keys.seal_registry")).all()
        assert [e.details["sealed"] for e in events] == [2]

    for basis_id in (basis["id"], decree["id"]):
        row = stored(connection, basis_id)
        assert row["legacy_reason"] is None and row["ciphertext"] is not None
        assert "motivation" not in (row["authorisation"] or {})
    got = client.get(f"/v1/legal-bases/{basis['id']}", headers=coordinator).json()
    assert got["prosecutor_authorisation"]["motivation"] == MOTIVATION
    assert client.get(f"/v1/legal-bases/{decree['id']}", headers=coordinator).json()["retirement_reason"] == REASON


def test_kek_rotation_rewraps_the_disclosure_records_keys_and_they_stay_readable(
    client: TestClient, auth: Token, connection: Connection, keyring: Kms
) -> None:
    """A disclosure record's own data key (shared secrecy, art. 458bis, necessity) follows the KEK rotation; it is
    wrapped under an id of its own namespace, never under the bare record id."""
    alice = auth("sw-alice", "participant", org="cpas-a")
    exchange = client.post("/v1/shared-secret-exchanges", json=payloads.exchange(), headers=alice).json()
    old = keyring.active
    with db(connection) as session:
        key = session.exec(select(DisclosureKey)).one()
        assert key.wrapped_dek is not None
        assert len(keyring.unwrap(key.kek_id, key.wrapped_dek, disclosure_key_owner(key.record_id))) == 32
        with pytest.raises(Exception):  # noqa: B017 - any failure: not under the bare record id
            keyring.unwrap(key.kek_id, key.wrapped_dek, key.record_id)
        report = rotate_keks(session, keyring, NOW)
        key = session.exec(select(DisclosureKey)).one()
    assert report.rewrapped == 1 and report.failed == []
    assert key.kek_id == keyring.active != old
    got = client.get(f"/v1/shared-secret-exchanges/{exchange['id']}", headers=alice).json()
    assert got["items"][0]["content"] == payloads.shared_item()["content"]
