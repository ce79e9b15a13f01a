"""Envelope encryption of sensitive fields (SPEC §6).

Each concertation has its own 256-bit data key (DEK). The DEK is stored only wrapped (AES-256-GCM) by a
key-encryption key (KEK) of the key ring, with the concertation id as associated data, so a wrapped key copied to
another concertation does not unwrap. Each field is sealed with AES-256-GCM under the DEK, a fresh 96-bit random
nonce, and associated data naming its place — concertation, table, column, row — so that a ciphertext moved to
another row or column fails to open — and the prosecution scope the field was written under (R52): a digest of the
purpose category, the legal basis and the sorted offence codes, so that content read under a changed scope fails
closed. A sealed field starts with its format byte and the version of the data key that sealed it, so that a
concertation whose data key is being rotated stays readable field by field.

A failure to open is an `IntegrityError`: callers report and audit it, never fall back to returning anything.
"""

from __future__ import annotations

import base64
import hashlib
import json
import os
import secrets
import uuid
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

FORMAT_V1 = b"\x01"  # wrapped data keys
FORMAT_FIELD = b"\x02"  # sealed fields: format, data-key version (4 bytes, big-endian), nonce, ciphertext
_NONCE = 12
_KEY = 32
_VERSION = 4
_HEADER = 1 + _VERSION


class IntegrityError(Exception):
    """A ciphertext or wrapped key does not open under its key and associated data."""


@dataclass(frozen=True)
class KeyRing:
    """Key-encryption keys by id; `active` wraps new data keys, every key unwraps."""

    keys: Mapping[str, bytes]
    active: str

    def __post_init__(self) -> None:
        if self.active not in self.keys:
            raise ValueError("the active key id is not in the key ring")
        if any(len(k) != _KEY for k in self.keys.values()):
            raise ValueError("key-encryption keys are 256-bit")

    def wrap(self, dek: bytes, concertation_id: uuid.UUID) -> tuple[str, bytes]:
        nonce = os.urandom(_NONCE)
        sealed = AESGCM(self.keys[self.active]).encrypt(nonce, dek, _wrap_aad(concertation_id))
        return self.active, FORMAT_V1 + nonce + sealed

    def unwrap(self, kek_id: str, wrapped: bytes, concertation_id: uuid.UUID) -> bytes:
        key = self.keys.get(kek_id)
        if key is None or not wrapped.startswith(FORMAT_V1):
            raise IntegrityError("unknown key-encryption key or format")
        nonce, sealed = wrapped[1 : 1 + _NONCE], wrapped[1 + _NONCE :]
        try:
            return AESGCM(key).decrypt(nonce, sealed, _wrap_aad(concertation_id))
        except InvalidTag as exc:
            raise IntegrityError("wrapped data key does not open") from exc

    @staticmethod
    def load(path: Path) -> KeyRing:
        doc = json.loads(path.read_text())
        keys = {kid: base64.b64decode(value) for kid, value in doc["keys"].items()}
        return KeyRing(keys, doc["active"])

    @staticmethod
    def ensure(path: Path) -> KeyRing:
        """The development key ring at `path`, created (mode 0600) with one random KEK if absent."""
        if not path.exists():
            path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
            kid = "kek-" + secrets.token_hex(4)
            doc = {"active": kid, "keys": {kid: base64.b64encode(os.urandom(_KEY)).decode()}}
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
            with os.fdopen(fd, "w") as handle:
                json.dump(doc, handle)
        return KeyRing.load(path)


def _wrap_aad(concertation_id: uuid.UUID) -> bytes:
    return b"concertation-dek|" + concertation_id.bytes


def new_data_key() -> bytes:
    return AESGCM.generate_key(bit_length=256)


def scope_digest(purpose_category: str | None, legal_basis_id: uuid.UUID, offence_codes: Iterable[str]) -> str:
    """R52 — the prosecution scope a field is bound to: purpose category, legal basis, sorted offence codes."""
    canonical = "|".join(("scope-v1", purpose_category or "", str(legal_basis_id), ",".join(sorted(offence_codes))))
    return hashlib.sha256(canonical.encode()).hexdigest()


def field_aad(concertation_id: uuid.UUID, table: str, column: str, row_id: uuid.UUID, scope: str) -> bytes:
    """The place and scope a field belongs to; part of the authentication, never stored."""
    return "|".join(("v2", str(concertation_id), table, column, str(row_id), scope)).encode()


def sealed_version(ciphertext: bytes) -> int:
    """The data-key version that sealed a field, or IntegrityError if it is not a sealed field."""
    if not ciphertext.startswith(FORMAT_FIELD) or len(ciphertext) < _HEADER + _NONCE + 16:
        raise IntegrityError("unknown ciphertext format")
    return int.from_bytes(ciphertext[1:_HEADER], "big")


def seal(dek: bytes, version: int, plaintext: bytes, aad: bytes) -> bytes:
    nonce = os.urandom(_NONCE)
    header = FORMAT_FIELD + version.to_bytes(_VERSION, "big")
    return header + nonce + AESGCM(dek).encrypt(nonce, plaintext, header + aad)


def open_sealed(dek: bytes, ciphertext: bytes, aad: bytes) -> bytes:
    sealed_version(ciphertext)
    header, nonce, sealed = ciphertext[:_HEADER], ciphertext[_HEADER : _HEADER + _NONCE], ciphertext[_HEADER + _NONCE :]
    try:
        return AESGCM(dek).decrypt(nonce, sealed, header + aad)
    except InvalidTag as exc:
        raise IntegrityError("ciphertext does not open in this place") from exc
