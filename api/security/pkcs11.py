"""Key-encryption keys on a PKCS#11 token (SPEC §6): hardware security modules, cloud HSMs, SoftHSM2 in tests.

The only module that imports `pkcs11` (python-pkcs11). Every KEK is an AES-256 secret key generated ON the token,
stored there (`CKA_TOKEN`), sensitive and non-extractable, usable only to encrypt and decrypt: its value never leaves
the token, not even wrapped. Wrapping a data key is an AES-GCM encryption on the token with a fresh random 96-bit IV
and the same associated data as the key ring file (`crypto.wrap_aad`: the concertation id), so a wrapped key copied
to another concertation does not open. The blob has the key ring's layout: format byte, IV, ciphertext and tag.

Which KEK is active. A KEK's id is its label, `<prefix><number>` with a zero-padded number (`concertation-kek-000001`),
and the active KEK is the one with the highest number. We chose this over a separate `CKO_DATA` object naming the
active key because generating the key and making it active are then one token operation: a rotation interrupted
between the two cannot leave a marker pointing to a missing key, or a new key that nothing uses. It also needs no
writable object other than the keys. The active id is read from the token on every wrap (wraps are rare: one per new
concertation or data-key rotation), so a rotation made by `concertation keys rotate` in another process takes effect
in the running service at once, and unwrapping looks keys up by label, so old KEKs keep unwrapping.

Errors. A missing KEK, a malformed blob or a failed tag check is an `IntegrityError` (SoftHSM2 reports a failed GCM
tag as `CKR_GENERAL_ERROR`, compliant modules as `CKR_ENCRYPTED_DATA_INVALID`; both mean "does not open"). A lost
session (HSM restarted, network HSM reconnected) is reopened once; any other token failure propagates as it is — an
unavailable HSM is an outage, not evidence of tampering.

Portability note: some HSMs in FIPS mode generate the GCM IV themselves and refuse a caller's IV; this module needs a
module that accepts a caller-supplied 12-byte IV (SoftHSM2, most general-purpose HSMs in non-FIPS policy).
"""

from __future__ import annotations

import contextlib
import os
import re
import threading
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

import pkcs11
from pkcs11 import Attribute, GCMParams, KeyType, Mechanism, MechanismFlag, ObjectClass
from pkcs11 import exceptions as p11
from pkcs11.types import DecryptMixin, EncryptMixin

from api.security.crypto import FORMAT_V1, IntegrityError, wrap_aad
from api.security.kms import KmsUnavailable

DEFAULT_PREFIX = "concertation-kek-"
_IV = 12
_TAG = 16
_DIGITS = 6
_T = TypeVar("_T")

#: The session is gone but the token may be back: reopen and retry once.
_RECONNECT = (
    p11.SessionClosed,
    p11.SessionHandleInvalid,
    p11.DeviceRemoved,
    p11.TokenNotPresent,
    p11.UserNotLoggedIn,
)
#: What a token answers when a ciphertext does not authenticate.
_DOES_NOT_OPEN = (p11.EncryptedDataInvalid, p11.EncryptedDataLenRange, p11.GeneralError)


class Pkcs11Kms:
    """The `Kms` over one PKCS#11 token: wrap and unwrap data keys with KEKs that never leave the token."""

    def __init__(self, module: Path | str, token_label: str, pin: str, *, prefix: str = DEFAULT_PREFIX) -> None:
        if not re.fullmatch(r"[A-Za-z0-9._-]{1,40}", prefix):
            raise ValueError("the KEK label prefix is 1-40 of A-Z a-z 0-9 . _ -")
        self.prefix = prefix
        self._pattern = re.compile(re.escape(prefix) + rf"(\d{{{_DIGITS},}})")
        self._pin = pin
        try:
            self._lib = pkcs11.lib(str(module))
            self._token = self._lib.get_token(token_label=token_label)
        except (OSError, RuntimeError) as exc:  # python-pkcs11 errors are RuntimeErrors; a missing module an OSError
            raise KmsUnavailable(f"PKCS#11 token {token_label!r} via {module}: {type(exc).__name__}") from exc
        # One session, one lock: PKCS#11 sessions are not meant to run two operations at once, and the service
        # calls from a thread pool. Wraps and unwraps are short; serialising them is cheaper than a session each.
        self._lock = threading.RLock()
        self._session: pkcs11.Session | None = None
        self._keys: dict[str, pkcs11.Object] = {}

    # ------------------------------------------------------------------------------------------------ the Kms

    @property
    def active(self) -> str:
        active = self._call(self._active)
        if active is None:
            raise LookupError(f"no key-encryption key labelled {self.prefix}NNNNNN on the token: run `keys rotate`")
        return active

    def wrap(self, dek: bytes, concertation_id: uuid.UUID) -> tuple[str, bytes]:
        def run() -> tuple[str, bytes]:
            # A fresh IV on every attempt, a retry after a reconnect included: an IV is never used twice.
            iv = os.urandom(_IV)
            params = GCMParams(iv, wrap_aad(concertation_id), _TAG * 8)
            kek_id = self._active()
            if kek_id is None:
                raise LookupError(f"no key-encryption key labelled {self.prefix}NNNNNN on the token")
            key = self._key(kek_id)
            if not isinstance(key, EncryptMixin):
                raise TypeError(f"{kek_id} cannot encrypt")
            sealed = _bytes(key.encrypt(dek, mechanism=Mechanism.AES_GCM, mechanism_param=params))
            return kek_id, FORMAT_V1 + iv + sealed

        return self._call(run)

    def unwrap(self, kek_id: str, wrapped: bytes, concertation_id: uuid.UUID) -> bytes:
        if not wrapped.startswith(FORMAT_V1) or len(wrapped) < 1 + _IV + _TAG or not self._pattern.fullmatch(kek_id):
            raise IntegrityError("unknown key-encryption key or format")
        params = GCMParams(wrapped[1 : 1 + _IV], wrap_aad(concertation_id), _TAG * 8)
        sealed = wrapped[1 + _IV :]

        def run() -> bytes:
            try:
                key = self._key(kek_id)
            except p11.NoSuchKey as exc:
                raise IntegrityError("unknown key-encryption key") from exc
            if not isinstance(key, DecryptMixin):
                raise TypeError(f"{kek_id} cannot decrypt")
            try:
                return _bytes(key.decrypt(sealed, mechanism=Mechanism.AES_GCM, mechanism_param=params))
            except _DOES_NOT_OPEN as exc:
                raise IntegrityError("wrapped data key does not open") from exc

        return self._call(run)

    # ------------------------------------------------------------------------------------------------ keys

    def create_kek(self) -> str:
        """Generate the next KEK on the token; being the highest-numbered, it is active from that moment."""

        def run() -> str:
            session = self._open()
            for _ in range(5):
                kek_id = f"{self.prefix}{self._highest() + 1:0{_DIGITS}d}"
                key = session.generate_key(
                    KeyType.AES,
                    256,
                    label=kek_id,
                    store=True,
                    capabilities=MechanismFlag.ENCRYPT | MechanismFlag.DECRYPT,
                    template={
                        Attribute.SENSITIVE: True,
                        Attribute.EXTRACTABLE: False,
                        Attribute.PRIVATE: True,
                        # Nobody may later relax the key's attributes (e.g. make it extractable).
                        Attribute.MODIFIABLE: False,
                    },
                )
                # Two rotations started at once could pick the same number; the loser gives its key up and retries,
                # so that a label always names exactly one key.
                if len(self._find(kek_id)) == 1:
                    self._keys[kek_id] = key
                    return kek_id
                key.destroy()
            raise RuntimeError("could not create a key-encryption key with a unique label")

        return self._call(run)

    def kek_ids(self) -> list[str]:
        """Every KEK of this prefix on the token, oldest first."""
        return self._call(lambda: [label for _, label in self._labels()])

    def close(self) -> None:
        with self._lock:
            if self._session is not None:
                with contextlib.suppress(p11.PKCS11Error):  # a session already gone has nothing to release
                    self._session.close()
                self._session = None
                self._keys.clear()

    # ------------------------------------------------------------------------------------------------ internals

    def _call(self, run: Callable[[], _T]) -> _T:
        with self._lock:
            try:
                try:
                    return run()
                except _RECONNECT:
                    self.close()
                    return run()
                except p11.ObjectHandleInvalid:
                    self._keys.clear()  # a cached key was destroyed on the token: look it up again
                    return run()
            except p11.PKCS11Error as exc:
                # Callers outside this module cannot name python-pkcs11's exceptions (only this module imports it).
                raise KmsUnavailable(f"PKCS#11 token: {type(exc).__name__}") from exc

    def _open(self) -> pkcs11.Session:
        if self._session is None:
            try:
                self._session = self._token.open(rw=True, user_pin=self._pin)
            except p11.UserAlreadyLoggedIn:
                # Login is per application, not per session: another session of this process logged in already.
                self._session = self._token.open(rw=True)
        return self._session

    def _find(self, label: str) -> list[pkcs11.Object]:
        query = {Attribute.CLASS: ObjectClass.SECRET_KEY, Attribute.KEY_TYPE: KeyType.AES, Attribute.LABEL: label}
        return list(self._open().get_objects(query))

    def _key(self, kek_id: str) -> pkcs11.Object:
        key = self._keys.get(kek_id)
        if key is None:
            found = self._find(kek_id)
            if not found:
                raise p11.NoSuchKey(kek_id)
            if len(found) > 1:
                raise p11.MultipleObjectsReturned(f"several keys are labelled {kek_id}")
            key = found[0]
            self._keys[kek_id] = key
        return key

    def _labels(self) -> list[tuple[int, str]]:
        query = {Attribute.CLASS: ObjectClass.SECRET_KEY, Attribute.KEY_TYPE: KeyType.AES}
        found = []
        for obj in self._open().get_objects(query):
            label = obj[Attribute.LABEL]
            match = self._pattern.fullmatch(label) if isinstance(label, str) else None
            if match:
                found.append((int(match.group(1)), label))
        return sorted(found)

    def _highest(self) -> int:
        labels = self._labels()
        return labels[-1][0] if labels else 0

    def _active(self) -> str | None:
        labels = self._labels()
        return labels[-1][1] if labels else None


def _bytes(value: object) -> bytes:
    # python-pkcs11 returns bytes for bytes in, and a generator only for the streaming form, which is not used here.
    if not isinstance(value, bytes):
        raise TypeError("expected the one-shot form of a PKCS#11 operation")
    return value
