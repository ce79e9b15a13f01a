"""Envelope encryption: round trip, and every displacement of a ciphertext or wrapped key fails closed."""

from __future__ import annotations

import stat
import uuid
from pathlib import Path

import pytest

from api.security.crypto import FORMAT_V1, IntegrityError, KeyRing, field_aad, new_data_key, open_sealed, seal

C1, C2 = uuid.uuid4(), uuid.uuid4()
ROW1, ROW2 = uuid.uuid4(), uuid.uuid4()
RING = KeyRing({"k1": bytes(range(32)), "k2": bytes(range(1, 33))}, "k1")


def test_round_trip_with_fresh_nonces() -> None:
    dek = new_data_key()
    aad = field_aad(C1, "person_concerned", "identity", ROW1)
    a, b = seal(dek, b"Martin, Lea", aad), seal(dek, b"Martin, Lea", aad)
    assert a != b and a.startswith(FORMAT_V1)
    assert open_sealed(dek, a, aad) == b"Martin, Lea"
    assert b"Martin" not in a


@pytest.mark.parametrize(
    "aad",
    [
        field_aad(C1, "person_concerned", "identity", ROW2),
        field_aad(C2, "person_concerned", "identity", ROW1),
        field_aad(C1, "person_concerned", "reference", ROW1),
        field_aad(C1, "minutes_entry", "identity", ROW1),
    ],
    ids=["other row", "other concertation", "other column", "other table"],
)
def test_a_moved_ciphertext_does_not_open(aad: bytes) -> None:
    dek = new_data_key()
    sealed = seal(dek, b"secret", field_aad(C1, "person_concerned", "identity", ROW1))
    with pytest.raises(IntegrityError):
        open_sealed(dek, sealed, aad)


@pytest.mark.parametrize(
    "mangle",
    [lambda b: b[:-1] + bytes([b[-1] ^ 1]), lambda b: b"\x02" + b[1:], lambda b: b[:10]],
    ids=["flipped bit", "unknown version", "truncated"],
)
def test_a_tampered_ciphertext_does_not_open(mangle: object) -> None:
    dek = new_data_key()
    aad = field_aad(C1, "t", "c", ROW1)
    with pytest.raises(IntegrityError):
        open_sealed(dek, mangle(seal(dek, b"secret", aad)), aad)  # type: ignore[operator]


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
