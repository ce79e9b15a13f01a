"""The key-management interface (SPEC §6): what the service asks of a key-encryption-key store.

A data key is never stored in clear: it is wrapped by the active key-encryption key (KEK), with the concertation id
as associated data, and unwrapped on demand by the KEK whose id the wrapped key records. Any store that can do this
serves: the key ring file (`api.security.crypto.KeyRingFile`, development) and a PKCS#11 token (hardware or cloud
HSMs, `api.security.pkcs11.Pkcs11Kms`).
"""

from __future__ import annotations

import uuid
from typing import Protocol, runtime_checkable

from api.security.crypto import KeyRing, KeyRingFile
from api.settings import Settings


class KmsUnavailable(Exception):
    """The key store cannot serve: module missing, token absent, login refused, device error. An outage, not a sign
    of tampering: never reported as an `IntegrityError`."""


class Kms(Protocol):
    @property
    def active(self) -> str:
        """The id of the KEK that wraps new data keys."""
        ...

    def wrap(self, dek: bytes, concertation_id: uuid.UUID) -> tuple[str, bytes]:
        """Wrap a data key under the active KEK; returns the KEK id and the wrapped key."""
        ...

    def unwrap(self, kek_id: str, wrapped: bytes, concertation_id: uuid.UUID) -> bytes:
        """Unwrap with the named KEK, or raise `IntegrityError`."""
        ...


@runtime_checkable
class KekStore(Protocol):
    """A `Kms` that can create key-encryption keys itself (the key ring file, a PKCS#11 token): `keys rotate`.

    Only the method: `isinstance` against a runtime protocol reads every member, and reading `active` may ask the
    token (and raise on an empty one).
    """

    def create_kek(self) -> str:
        """Create a new KEK and make it the active one; returns its id."""
        ...


def from_settings(settings: Settings) -> Kms:
    """The deployment's KMS: a PKCS#11 token when `kms=pkcs11`, else the key ring from the environment or the file.

    The environment key ring wins over the file so that a container can run without a writable key volume.
    """
    if settings.kms == "pkcs11":
        # Imported here so that the PKCS#11 extension is loaded only where a token is configured.
        from api.security.pkcs11 import Pkcs11Kms

        if not settings.pkcs11_token_label or settings.pkcs11_pin is None:
            raise ValueError("kms=pkcs11 needs CONCERTATION_PKCS11_TOKEN_LABEL and CONCERTATION_PKCS11_PIN")
        return Pkcs11Kms(settings.pkcs11_module, settings.pkcs11_token_label, settings.pkcs11_pin.get_secret_value())
    from_env = KeyRing.from_env()
    if from_env is not None:
        return from_env
    return KeyRingFile.ensure(settings.keyring_file)
