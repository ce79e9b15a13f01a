"""Envelope encryption of sensitive fields (SPEC §6).

Each concertation has its own 256-bit data key (DEK). The DEK is stored only wrapped (AES-256-GCM) by a
key-encryption key (KEK) of the key ring, with the concertation id as associated data, so a wrapped key copied to
another concertation does not unwrap. Each field is sealed with AES-256-GCM under the DEK, a fresh 96-bit random
nonce, and associated data naming its place — concertation, table, column, row — so that a ciphertext moved to
another row or column fails to open. Ciphertexts start with a format version byte so that later formats (the
prosecution-scope digest of issue 4, other KMS back-ends) can be read side by side.

A failure to open is an `IntegrityError`: callers report and audit it, never fall back to returning anything.
"""

from __future__ import annotations

import base64
import json
import os
import secrets
import uuid
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

FORMAT_V1 = b"\x01"
_NONCE = 12
_KEY = 32


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


def field_aad(concertation_id: uuid.UUID, table: str, column: str, row_id: uuid.UUID) -> bytes:
    """The place a field belongs to; part of the authentication, never stored."""
    return "|".join(("v1", str(concertation_id), table, column, str(row_id))).encode()


def seal(dek: bytes, plaintext: bytes, aad: bytes) -> bytes:
    nonce = os.urandom(_NONCE)
    return FORMAT_V1 + nonce + AESGCM(dek).encrypt(nonce, plaintext, aad)


def open_sealed(dek: bytes, ciphertext: bytes, aad: bytes) -> bytes:
    if not ciphertext.startswith(FORMAT_V1) or len(ciphertext) < 1 + _NONCE + 16:
        raise IntegrityError("unknown ciphertext format")
    nonce, sealed = ciphertext[1 : 1 + _NONCE], ciphertext[1 + _NONCE :]
    try:
        return AESGCM(dek).decrypt(nonce, sealed, aad)
    except InvalidTag as exc:
        raise IntegrityError("ciphertext does not open in this place") from exc
