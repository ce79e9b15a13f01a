"""Envelope encryption: round trip, and every displacement of a ciphertext or wrapped key fails closed."""

from __future__ import annotations

import multiprocessing
import stat
import uuid
from pathlib import Path

import pytest

from api.security.crypto import (
    FORMAT_FIELD,
    IntegrityError,
    KeyRing,
    field_aad,
    new_data_key,
    open_sealed,
    scope_digest,
    seal,
    sealed_version,
)

C1, C2 = uuid.uuid4(), uuid.uuid4()
ROW1, ROW2 = uuid.uuid4(), uuid.uuid4()
RING = KeyRing({"k1": bytes(range(32)), "k2": bytes(range(1, 33))}, "k1")
BASIS = uuid.uuid4()
SCOPE = scope_digest("protect_integrity", BASIS, ["cp_398", "cp_392"])


def test_round_trip_with_fresh_nonces() -> None:
    dek = new_data_key()
    aad = field_aad(C1, "person_concerned", "identity", ROW1, SCOPE)
    a, b = seal(dek, 1, b"Martin, Lea", aad), seal(dek, 1, b"Martin, Lea", aad)
    assert a != b and a.startswith(FORMAT_FIELD) and sealed_version(a) == 1
    assert open_sealed(dek, a, aad) == b"Martin, Lea"
    assert b"Martin" not in a


@pytest.mark.parametrize(
    "aad",
    [
        field_aad(C1, "person_concerned", "identity", ROW2, SCOPE),
        field_aad(C2, "person_concerned", "identity", ROW1, SCOPE),
        field_aad(C1, "person_concerned", "reference", ROW1, SCOPE),
        field_aad(C1, "minutes_entry", "identity", ROW1, SCOPE),
    ],
    ids=["other row", "other concertation", "other column", "other table"],
)
def test_a_moved_ciphertext_does_not_open(aad: bytes) -> None:
    dek = new_data_key()
    sealed = seal(dek, 1, b"secret", field_aad(C1, "person_concerned", "identity", ROW1, SCOPE))
    with pytest.raises(IntegrityError):
        open_sealed(dek, sealed, aad)


@pytest.mark.parametrize(
    "mangle",
    [lambda b: b[:-1] + bytes([b[-1] ^ 1]), lambda b: b"\x01" + b[1:], lambda b: b[:10]],
    ids=["flipped bit", "unknown version", "truncated"],
)
def test_a_tampered_ciphertext_does_not_open(mangle: object) -> None:
    dek = new_data_key()
    aad = field_aad(C1, "t", "c", ROW1, SCOPE)
    with pytest.raises(IntegrityError):
        open_sealed(dek, mangle(seal(dek, 7, b"secret", aad)), aad)  # type: ignore[operator]


def test_data_keys_are_wrapped_for_one_concertation() -> None:
    dek = new_data_key()
    kid, wrapped = RING.wrap(dek, C1)
    assert kid == "k1" and dek not in wrapped
    assert RING.unwrap(kid, wrapped, C1) == dek
    with pytest.raises(IntegrityError):
        RING.unwrap(kid, wrapped, C2)
    with pytest.raises(IntegrityError):
        RING.unwrap("k2", wrapped, C1)
    with pytest.raises(IntegrityError):
        RING.unwrap("unknown", wrapped, C1)


def test_a_key_ring_is_256_bit_with_a_known_active_key() -> None:
    with pytest.raises(ValueError, match="active"):
        KeyRing({"k1": bytes(32)}, "k2")
    with pytest.raises(ValueError, match="256"):
        KeyRing({"k1": bytes(16)}, "k1")


def test_development_key_ring_is_created_private_and_reused(tmp_path: Path) -> None:
    path = tmp_path / "keys" / "keyring.json"
    first = KeyRing.ensure(path)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert KeyRing.ensure(path) == first
    assert len(first.keys[first.active]) == 32


def _ensure_active(path: str) -> str:
    return KeyRing.ensure(Path(path)).active


def test_workers_starting_at_once_on_an_empty_directory_agree_on_one_key_ring(tmp_path: Path) -> None:
    """Several uvicorn workers create the development key ring at once: one wins, none reads a torn file."""
    with multiprocessing.get_context("fork").Pool(6) as pool:
        for attempt in range(3):
            path = tmp_path / str(attempt) / "keys" / "keyring.json"
            actives = set(pool.map(_ensure_active, [str(path)] * 12))
            assert actives == {KeyRing.load(path).active}
            assert [p.name for p in path.parent.iterdir()] == ["keyring.json"]  # no candidate left behind
            assert stat.S_IMODE(path.stat().st_mode) == 0o600


@pytest.mark.parametrize(
    "scope",
    [
        scope_digest("protect_integrity", BASIS, ["cp_398"]),
        scope_digest("protect_integrity", uuid.uuid4(), ["cp_398", "cp_392"]),
        scope_digest("prevent_terrorist_offences", BASIS, ["cp_398", "cp_392"]),
    ],
    ids=["narrowed offences", "another legal basis", "another purpose"],
)
def test_r52_a_field_read_under_another_scope_does_not_open(scope: str) -> None:
    dek = new_data_key()
    sealed = seal(dek, 1, b"secret", field_aad(C1, "minutes_entry", "content", ROW1, SCOPE))
    with pytest.raises(IntegrityError):
        open_sealed(dek, sealed, field_aad(C1, "minutes_entry", "content", ROW1, scope))


def test_scope_digest_ignores_the_order_of_offences() -> None:
    assert scope_digest("p", BASIS, ["b", "a"]) == scope_digest("p", BASIS, ["a", "b"])


def test_the_key_version_is_authenticated() -> None:
    dek = new_data_key()
    aad = field_aad(C1, "t", "c", ROW1, SCOPE)
    sealed = seal(dek, 1, b"secret", aad)
    forged = sealed[:1] + (2).to_bytes(4, "big") + sealed[5:]
    assert sealed_version(forged) == 2
    with pytest.raises(IntegrityError):
        open_sealed(dek, forged, aad)
