"""Sealed fields: every encrypted column of the service, and how a concertation's fields are opened and re-sealed.

Each field is sealed under the concertation's current data key with associated data naming its place (concertation,
table, column, row) and the prosecution scope the concertation had when the field was written (R52). When the scope
narrows (R51), every field is re-sealed under the new scope in the same transaction, so that reading under a scope
that is not the concertation's own fails closed. A data-key rotation re-seals field by field under a new key
version; each field's header says which version opens it, so an interrupted rotation leaves every field readable
and a re-run finishes it. Destroying every version of the key (retention, D18) makes the content unrecoverable.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import bindparam
from sqlmodel import Session, col, select

from api.db import begin_write
from api.security.crypto import (
    IntegrityError,
    field_aad,
    new_data_key,
    open_sealed,
    scope_digest,
    seal,
    sealed_version,
)
from api.security.kms import Kms
from models.concertation import Concertation, DataKey, Participant, PersonConcerned
from models.disclosure import DisclosureKey
from models.legal_basis import BasisKey
from models.minutes import MinutesEntry, ProsecutionRequest
from models.participation import ConsentRecord, InformationException
from models.request_desk import AdminInfoKey


class ContentDestroyed(Exception):
    """The data key is destroyed (retention): the content is gone, by design."""


@dataclass(frozen=True)
class SealedField:
    model: Any
    attribute: str
    table: str
    column: str


#: Every encrypted column (SPEC §6). A column missing here would not follow a scope change or a key rotation.
SEALED_FIELDS: tuple[SealedField, ...] = (
    SealedField(Concertation, "narrative_ciphertext", "concertation", "narrative"),
    SealedField(PersonConcerned, "identity_ciphertext", "person_concerned", "identity"),
    SealedField(Participant, "refusal_reason_ciphertext", "participant", "refusal_reason"),
    SealedField(ConsentRecord, "motivation_ciphertext", "consent_record", "motivation"),
    SealedField(InformationException, "motivation_ciphertext", "information_exception", "motivation"),
    SealedField(MinutesEntry, "content_ciphertext", "minutes_entry", "content"),
    SealedField(MinutesEntry, "necessity_ciphertext", "minutes_entry", "necessity"),
    SealedField(ProsecutionRequest, "motivation_ciphertext", "prosecution_request", "motivation"),
)


def scope_of(row: Concertation) -> str:
    return scope_digest(row.purpose_category, row.legal_basis_id, row.offence_scope)


def create_data_key(keyring: Kms, concertation_id: uuid.UUID, now: datetime) -> tuple[DataKey, bytes]:
    """A new concertation's first data key (for the caller to store with the concertation); with its plaintext,
    for the sealer that follows (so that it need not be read back and unwrapped again)."""
    dek = new_data_key()
    kek_id, wrapped = keyring.wrap(dek, concertation_id)
    key = DataKey(concertation_id=concertation_id, version=1, kek_id=kek_id, wrapped_dek=wrapped, created_at=now)
    return key, dek


#: What a Sealer reads of a data key (`DataKey` attributes of the same names).
_KEYS = DataKey.__table__  # type: ignore[attr-defined]  # SQLModel declares it on table classes
#: The columns opening needs, in a Core select built once: a reader builds a Sealer on every request.
_KEY_QUERY = select(
    *(_KEYS.c[name] for name in ("version", "kek_id", "wrapped_dek", "retired_at", "destroyed_at"))
).where(_KEYS.c.concertation_id == bindparam("concertation"))


class Sealer:
    """Seals and opens the fields of one concertation, under its current scope and data keys."""

    def __init__(
        self,
        session: Session,
        keyring: Kms,
        row: Concertation,
        scope: str | None = None,
        *,
        new_key: tuple[DataKey, bytes] | None = None,
    ) -> None:
        """`new_key`: the data key `create_data_key` just made (the concertation has no other)."""
        self.row = row
        self.scope = scope if scope is not None else scope_of(row)
        self._plain: dict[int, bytes] = {}
        if new_key is not None:
            key, dek = new_key
            self._keys: dict[int, Any] = {key.version: key}
            self._plain[key.version] = dek
        else:
            keys: Sequence[Any] = session.execute(_KEY_QUERY, {"concertation": row.id}).all()
            self._keys = {k.version: k for k in keys}
        self._keyring = keyring

    @property
    def current(self) -> int:
        live = [v for v, k in self._keys.items() if k.retired_at is None and k.destroyed_at is None]
        if not live:
            raise ContentDestroyed()
        return max(live)

    def _dek(self, version: int) -> bytes:
        if version not in self._plain:
            key = self._keys.get(version)
            if key is None:
                raise IntegrityError("no data key of that version")
            if key.destroyed_at is not None or key.wrapped_dek is None:
                raise ContentDestroyed()
            self._plain[version] = self._keyring.unwrap(key.kek_id, key.wrapped_dek, self.row.id)
        return self._plain[version]

    def seal(self, table: str, column: str, row_id: uuid.UUID, plaintext: bytes, *, scope: str | None = None) -> bytes:
        version = self.current
        aad = field_aad(self.row.id, table, column, row_id, scope if scope is not None else self.scope)
        return seal(self._dek(version), version, plaintext, aad)

    def open(self, table: str, column: str, row_id: uuid.UUID, ciphertext: bytes) -> bytes:
        """The plaintext, or IntegrityError (moved, altered, read under another scope) or ContentDestroyed."""
        dek = self._dek(sealed_version(ciphertext))
        return open_sealed(dek, ciphertext, field_aad(self.row.id, table, column, row_id, self.scope))


def _rows(session: Session, concertation_id: uuid.UUID) -> Iterator[tuple[SealedField, Any]]:
    for f in SEALED_FIELDS:
        owner = f.model.id if f.model is Concertation else f.model.concertation_id
        query = select(f.model).where(owner == concertation_id)
        for obj in session.exec(query.where(col(getattr(f.model, f.attribute)).is_not(None))).all():
            yield f, obj


def reseal(session: Session, keyring: Kms, row: Concertation, *, old_scope: str, new_scope: str) -> int:
    """R51, R52 — re-seal every field of the concertation under its new scope, in the caller's transaction."""
    if old_scope == new_scope:
        return 0
    lock(session, row.id)
    reader = Sealer(session, keyring, row, scope=old_scope)
    count = 0
    for f, obj in _rows(session, row.id):
        plaintext = reader.open(f.table, f.column, obj.id, getattr(obj, f.attribute))
        setattr(obj, f.attribute, reader.seal(f.table, f.column, obj.id, plaintext, scope=new_scope))
        session.add(obj)
        count += 1
    return count


def rotate_data_key(session: Session, keyring: Kms, row: Concertation, now: datetime, *, batch: int = 500) -> int:
    """SPEC §6 — re-encrypt one concertation under a new data key; safe to interrupt and re-run.

    A new version becomes current (unless a rotation is already under way); fields still sealed under an older
    version are re-sealed in batches, each committed; when none is left the older versions are retired and their
    wrapped keys erased. Returns the number of fields re-sealed by this run.
    """
    keys = session.exec(select(DataKey).where(DataKey.concertation_id == row.id)).all()
    live = sorted(k.version for k in keys if k.retired_at is None and k.destroyed_at is None)
    if not live:
        raise ContentDestroyed()
    if len(live) == 1:
        kek_id, wrapped = keyring.wrap(new_data_key(), row.id)
        session.add(
            DataKey(
                concertation_id=row.id,
                version=max(k.version for k in keys) + 1,
                kek_id=kek_id,
                wrapped_dek=wrapped,
                created_at=now,
            )
        )
        session.commit()
    target = Sealer(session, keyring, row).current
    session.commit()  # end the read, so that each batch below begins as a write transaction (SQLite)
    done = 0
    while True:
        # Each batch: a short write transaction holding the concertation, so a scope change (which re-seals under
        # the same lock) never interleaves with it; fields, scope and keys are read afresh under the lock.
        begin_write(session)
        lock(session, row.id)
        session.refresh(row)
        sealer = Sealer(session, keyring, row)
        pending = [(f, o) for f, o in _rows(session, row.id) if sealed_version(getattr(o, f.attribute)) != target]
        if not pending:
            # Nothing is left under an older version: only now may the older keys go.
            for key in session.exec(select(DataKey).where(DataKey.concertation_id == row.id)).all():
                if key.version != target and key.retired_at is None:
                    key.retired_at = now
                    key.wrapped_dek = None
                    session.add(key)
            session.commit()
            return done
        for f, obj in pending[:batch]:
            plaintext = sealer.open(f.table, f.column, obj.id, getattr(obj, f.attribute))
            setattr(obj, f.attribute, sealer.seal(f.table, f.column, obj.id, plaintext))
            session.add(obj)
            done += 1
        session.commit()


def lock(session: Session, concertation_id: uuid.UUID) -> None:
    """Serialise the re-sealing of one concertation (PostgreSQL row lock; SQLite writers are serialised anyway)."""
    session.exec(select(Concertation.id).where(Concertation.id == concertation_id).with_for_update()).first()


def shred(session: Session, concertation_id: uuid.UUID, now: datetime) -> int:
    """D18 — destroy every data key of the concertation: its sealed content becomes unrecoverable."""
    count = 0
    for key in session.exec(select(DataKey).where(DataKey.concertation_id == concertation_id)).all():
        if key.destroyed_at is None:
            key.wrapped_dek = None
            key.destroyed_at = now
            session.add(key)
            count += 1
    return count


# ------------------------------------------------------------------------------- records with a data key of their own

#: A basis's data key is wrapped with this id as associated data instead of the basis id itself, so that a wrapped
#: key can never be taken for a concertation's (or the reverse) even if two ids were ever equal.
_BASIS_KEY_NAMESPACE = uuid.UUID("7c1b6f0e-5d1a-4a53-9d43-3f0a3c2b8e11")
#: The same for a disclosure record's data key (shared secrecy, art. 458bis, state of necessity).
_DISCLOSURE_KEY_NAMESPACE = uuid.UUID("3b8e2f64-0a57-4f5e-8d0e-6c1f2a9d7b40")
#: The same for an art. 46bis/1 request's data key (R83: its own key, its own owner id).
_ADMIN_REQUEST_KEY_NAMESPACE = uuid.UUID("9e4d7a21-6c3b-4f08-a5e2-1b7f0c8d3e96")
#: The registry has no prosecution scope: its fields are bound to their place only.
REGISTRY_SCOPE = "registry-v1"
#: Nor has a disclosure record: it is no concertation (R67, R101, R99).
DISCLOSURE_SCOPE = "disclosure-v1"
#: Nor has an art. 46bis/1 request: it can never reach minutes or social files (rule book section J).
ADMIN_REQUEST_SCOPE = "art-46bis1-v1"


def basis_key_owner(basis_id: uuid.UUID) -> uuid.UUID:
    """The id a basis's data key is wrapped under (domain-separated from concertation ids)."""
    return uuid.uuid5(_BASIS_KEY_NAMESPACE, f"legal-basis|{basis_id}")


def disclosure_key_owner(record_id: uuid.UUID) -> uuid.UUID:
    """The id a disclosure record's data key is wrapped under (domain-separated from every other owner)."""
    return uuid.uuid5(_DISCLOSURE_KEY_NAMESPACE, f"disclosure|{record_id}")


def admin_request_key_owner(request_id: uuid.UUID) -> uuid.UUID:
    """The id an art. 46bis/1 request's data key is wrapped under (domain-separated from every other owner)."""
    return uuid.uuid5(_ADMIN_REQUEST_KEY_NAMESPACE, f"art-46bis1|{request_id}")


class _OwnKeySealer:
    """Seals and opens the free texts of one record under the record's own data key (SPEC §6), created on first use.

    Subclasses name the key table, the key's owner column and the place the texts are bound to."""

    KEY: Any
    OWNER: str
    TABLE: str
    COLUMN: str
    SCOPE: str

    def __init__(self, session: Session, keyring: Kms, record_id: uuid.UUID) -> None:
        self.record_id = record_id
        self._session = session
        self._keyring = keyring
        self._key = session.get(self.KEY, (record_id, 1))
        self._dek: bytes | None = None

    def owner(self) -> uuid.UUID:
        raise NotImplementedError

    def _data_key(self, now: datetime | None) -> bytes:
        if self._dek is None:
            owner = self.owner()
            if self._key is None:
                if now is None:
                    raise IntegrityError("the record has sealed texts but no data key")
                self._dek = new_data_key()
                kek_id, wrapped = self._keyring.wrap(self._dek, owner)
                self._key = self.KEY(
                    **{self.OWNER: self.record_id}, version=1, kek_id=kek_id, wrapped_dek=wrapped, created_at=now
                )
                self._session.add(self._key)
            elif self._key.wrapped_dek is None:
                raise IntegrityError("the record's data key is gone")
            else:
                self._dek = self._keyring.unwrap(self._key.kek_id, self._key.wrapped_dek, owner)
        return self._dek

    def _aad(self) -> bytes:
        return field_aad(self.record_id, self.TABLE, self.COLUMN, self.record_id, self.SCOPE)

    def seal(self, texts: dict[str, Any], now: datetime) -> bytes:
        """Seal the texts (creating the record's data key on first use, in the caller's transaction)."""
        return seal(self._data_key(now), 1, json.dumps(texts).encode(), self._aad())

    def open(self, ciphertext: bytes) -> dict[str, Any]:
        """The texts, or IntegrityError when the ciphertext does not open in this place."""
        texts: dict[str, Any] = json.loads(open_sealed(self._data_key(None), ciphertext, self._aad()))
        return texts


class BasisSealer(_OwnKeySealer):
    """The free texts of one legal basis, under the basis's own data key."""

    KEY, OWNER, TABLE, COLUMN, SCOPE = BasisKey, "basis_id", "legal_basis", "texts", REGISTRY_SCOPE

    def owner(self) -> uuid.UUID:
        return basis_key_owner(self.record_id)


class DisclosureSealer(_OwnKeySealer):
    """The free texts of one disclosure record, under the record's own data key."""

    KEY, OWNER, TABLE, COLUMN, SCOPE = DisclosureKey, "record_id", "disclosure_record", "texts", DISCLOSURE_SCOPE

    def owner(self) -> uuid.UUID:
        return disclosure_key_owner(self.record_id)


class AdminRequestSealer(_OwnKeySealer):
    """The texts of one art. 46bis/1 request and its history, under the request's own data key."""

    KEY, OWNER, TABLE, COLUMN, SCOPE = AdminInfoKey, "request_id", "admin_info_request", "texts", ADMIN_REQUEST_SCOPE

    def owner(self) -> uuid.UUID:
        return admin_request_key_owner(self.record_id)
