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
import fcntl
import hashlib
import json
import os
import secrets
import threading
import uuid
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

FORMAT_V1 = b"\x01"  # wrapped data keys
FORMAT_FIELD = b"\x02"  # sealed fields: format, data-key version (4 bytes, big-endian), nonce, ciphertext
_NONCE = 12
_KEY = 32
_VERSION = 4
_HEADER = 1 + _VERSION

#: Environment variable holding a whole key ring as JSON (development, containers without a writable volume).
KEYRING_ENV = "CONCERTATION_KEYRING"


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
        return KeyRing._from_document(json.loads(path.read_text()))

    @staticmethod
    def from_env(environ: Mapping[str, str] | None = None) -> KeyRing | None:
        """The key ring in `CONCERTATION_KEYRING` (same JSON as the file), or None when the variable is unset.

        Read-only by nature: `keys rotate` cannot add a key to a process environment, so rotating an environment key
        ring means adding a key there, making it active, restarting, then `keys rotate --rewrap-only`.
        """
        raw = (os.environ if environ is None else environ).get(KEYRING_ENV)
        if not raw:
            return None
        try:
            return KeyRing._from_document(json.loads(raw))
        except (ValueError, KeyError, TypeError) as exc:
            # Never echo the value: it is the key material itself.
            raise ValueError(f"{KEYRING_ENV} is not a key ring document ({type(exc).__name__})") from None

    @staticmethod
    def _from_document(doc: Any) -> KeyRing:
        keys = {kid: base64.b64decode(value) for kid, value in doc["keys"].items()}
        return KeyRing(keys, doc["active"])

    def to_document(self) -> dict[str, Any]:
        return {"active": self.active, "keys": {kid: base64.b64encode(k).decode() for kid, k in self.keys.items()}}

    def with_new_key(self) -> KeyRing:
        """This key ring plus a fresh random KEK, made active. Old keys stay: data keys (and backups of them) still
        wrapped under them must keep unwrapping until they are rewrapped."""
        kid = _new_kek_id()
        while kid in self.keys:
            kid = _new_kek_id()
        return KeyRing({**self.keys, kid: os.urandom(_KEY)}, kid)

    def save(self, path: Path) -> None:
        """Replace the key ring file atomically (mode 0600, fsynced, then renamed over the old one).

        A crash leaves either the old or the new file, never a torn one; and the new key is on disk before any data
        key is wrapped under it, since losing a KEK would lose every data key it wraps.
        """
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        tmp = path.with_name(f".{path.name}.{secrets.token_hex(4)}.tmp")
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        try:
            with os.fdopen(fd, "w") as handle:
                json.dump(self.to_document(), handle)
                handle.flush()
                os.fsync(handle.fileno())
            os.replace(tmp, path)
        except BaseException:
            tmp.unlink(missing_ok=True)
            raise
        directory = os.open(path.parent, os.O_RDONLY)
        try:
            os.fsync(directory)  # make the rename itself durable
        finally:
            os.close(directory)

    @staticmethod
    def ensure(path: Path) -> KeyRing:
        """The development key ring at `path`, created (mode 0600) with one random KEK if absent.

        Several workers may start at once on an empty directory: each writes a complete candidate to a private file
        and links it into place; `link` fails if the name exists, so exactly one candidate wins, and nobody ever
        reads a half-written file.
        """
        if not path.exists():
            path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
            kid = _new_kek_id()
            candidate = KeyRing({kid: os.urandom(_KEY)}, kid)
            tmp = path.with_name(f".{path.name}.{secrets.token_hex(4)}.new")
            candidate.save(tmp)
            try:
                os.link(tmp, path)
            except FileExistsError:
                pass  # another process created it first: use theirs
            finally:
                tmp.unlink(missing_ok=True)
        return KeyRing.load(path)


class KeyRingFile:
    """The key ring file as a `Kms` that follows the file: what the service runs on with the file key ring.

    `keys rotate` replaces the file (new active KEK) while the service keeps running; each operation checks whether
    the file changed (one `stat`) and reloads it, and an unknown KEK id forces a reload before failing, so that a data
    key rewrapped under the new KEK by the rotation opens in a process that loaded the ring before the rotation.
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        self._lock = threading.Lock()
        self._stamp = self._stat()
        self._ring = KeyRing.load(path)

    @staticmethod
    def ensure(path: Path) -> KeyRingFile:
        KeyRing.ensure(path)
        return KeyRingFile(path)

    def _stat(self) -> tuple[int, int, int]:
        st = os.stat(self.path)
        return st.st_ino, st.st_mtime_ns, st.st_size

    def _current(self, *, force: bool = False) -> KeyRing:
        stamp = self._stat()
        if force or stamp != self._stamp:
            with self._lock:
                self._ring, self._stamp = KeyRing.load(self.path), stamp
        return self._ring

    @property
    def active(self) -> str:
        return self._current().active

    def wrap(self, dek: bytes, concertation_id: uuid.UUID) -> tuple[str, bytes]:
        return self._current().wrap(dek, concertation_id)

    def unwrap(self, kek_id: str, wrapped: bytes, concertation_id: uuid.UUID) -> bytes:
        ring = self._current()
        if kek_id not in ring.keys:
            ring = self._current(force=True)
        return ring.unwrap(kek_id, wrapped, concertation_id)

    def create_kek(self) -> str:
        """Add a fresh KEK to the file and make it active; returns its id.

        Serialised by an exclusive lock on a sibling lock file, so that two rotations started at once cannot both
        read the old ring and the second write lose the first one's key (and every data key wrapped under it).
        """
        with _locked(self.path.with_name(self.path.name + ".lock")):
            ring = KeyRing.load(self.path).with_new_key()
            ring.save(self.path)
        return self._current(force=True).active


@contextmanager
def _locked(lock_path: Path) -> Iterator[None]:
    fd = os.open(lock_path, os.O_RDWR | os.O_CREAT, 0o600)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)  # closing the descriptor releases the lock


def _new_kek_id() -> str:
    return "kek-" + secrets.token_hex(4)


def _wrap_aad(concertation_id: uuid.UUID) -> bytes:
    return b"concertation-dek|" + concertation_id.bytes


def wrap_aad(concertation_id: uuid.UUID) -> bytes:
    """Associated data of a wrapped data key: binds it to its concertation, whichever store wraps it."""
    return _wrap_aad(concertation_id)


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
