"""The key-management interface (SPEC §6): what the service asks of a key-encryption-key store.

A data key is never stored in clear: it is wrapped by the active key-encryption key (KEK), with the concertation id
as associated data, and unwrapped on demand by the KEK whose id the wrapped key records. Any store that can do this
serves: the key ring file (`api.security.crypto.KeyRing`, development) and a PKCS#11 token (hardware or cloud HSMs).
"""

from __future__ import annotations

import uuid
from typing import Protocol


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
