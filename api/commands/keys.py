"""`concertation keys rotate` and `concertation keys rotate-data-key <concertation>` (SPEC §6).

`keys rotate` rotates the key-encryption key: it creates a new KEK (added to the key ring file, or generated on the
PKCS#11 token), which becomes active at once, then rewraps every data key still wrapped under an older KEK. No field is
re-encrypted: a data key's value does not change, only its wrapping. Old KEKs are kept, so data keys wrapped under them
(a backup, a data key created by a process that had not seen the new KEK yet) still open.

It never holds a long lock, so the service keeps answering: each batch of data keys is read in a short transaction,
rewrapped with no transaction open (the KMS may be a network HSM), then written in a short write transaction of its
own (`BEGIN IMMEDIATE` on SQLite) with a compare-and-swap on the old wrapping — a data key changed meanwhile (destroyed
by retention, rotated by someone else) is left alone rather than brought back. Interrupted, it is re-run as is: a run
creates a new KEK only when every data key is already under the active one, and otherwise finishes the rotation under
way (`--rewrap-only` never creates one; that is how an environment key ring, which cannot be written, is rotated).

`keys rotate-data-key` re-encrypts one concertation under a new data key (`api.services.sealed.rotate_data_key`):
field by field, in committed batches, resumable; when done, the old data key's wrapped value is erased, so what it
sealed (a copy in a backup included) no longer opens.

Both record their outcome in the audit trail and exit non-zero on any failure.
"""

from __future__ import annotations

import argparse
import sys
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import and_, bindparam, func, or_, update
from sqlmodel import Session, col, select

from api.db import WRITE, begin_write, make_engine
from api.security.crypto import IntegrityError, KeyRing
from api.security.kms import KekStore, Kms, KmsUnavailable, from_settings
from api.services.common import succeed
from api.services.legal_bases import seal_texts
from api.services.sealed import (
    BasisSealer,
    ContentDestroyed,
    admin_request_key_owner,
    basis_key_owner,
    disclosure_key_owner,
    rotate_data_key,
)
from api.settings import Settings, get_settings
from models.concertation import Concertation, DataKey
from models.disclosure import DisclosureKey
from models.legal_basis import BasisKey, LegalBasis
from models.request_desk import AdminInfoKey
from policies.access import Actor
from policies.vocab import BasisType

#: Key rotations act as the service itself, not as a person.
KEY_JOB = Actor(issuer="concertation", subject="key-rotation", roles=frozenset(), org=None)
DEFAULT_BATCH = 200

#: Called after each committed batch with (data keys rewrapped so far, data keys pending when the run started).
Progress = Callable[[int, int], None]


class RotationError(Exception):
    """The rotation cannot run as asked (read-only key ring, unknown concertation…)."""


@dataclass
class KekRotation:
    active: str
    created: str | None = None  # the KEK this run created; None when it finished a rotation already under way
    pending: int = 0
    rewrapped: int = 0
    failed: list[tuple[uuid.UUID, int]] = field(default_factory=list)


@dataclass
class DataKeyRotation:
    concertation_id: uuid.UUID
    version: int
    resealed: int


@dataclass(frozen=True)
class _KeyTable:
    """A table of wrapped data keys: the concertations' (`data_key`), the registry's (`basis_key`) and the
    disclosure records' (`disclosure_key`)."""

    model: Any
    owner: Any  # the column naming the key's owner
    wrapped_for: Callable[[uuid.UUID], uuid.UUID]  # the id the key is wrapped under (associated data)


_KEY_TABLES = (
    _KeyTable(DataKey, DataKey.concertation_id, lambda owner: owner),
    _KeyTable(BasisKey, BasisKey.basis_id, basis_key_owner),
    _KeyTable(DisclosureKey, DisclosureKey.record_id, disclosure_key_owner),
    _KeyTable(AdminInfoKey, AdminInfoKey.request_id, admin_request_key_owner),
)


def _not_under(table: _KeyTable, active: str) -> Any:
    return and_(col(table.model.wrapped_dek).is_not(None), col(table.model.kek_id) != active)


def pending_rewraps(session: Session, active: str) -> int:
    """Data keys (of concertations and of legal bases) that still exist and are wrapped under another KEK."""
    return sum(
        session.exec(select(func.count()).select_from(t.model).where(_not_under(t, active))).one() for t in _KEY_TABLES
    )


def rotate_keks(
    session: Session,
    kms: Kms,
    now: datetime,
    *,
    batch_size: int = DEFAULT_BATCH,
    rewrap_only: bool = False,
    progress: Progress | None = None,
) -> KekRotation:
    """Create a new KEK unless a rotation is under way (or `rewrap_only`), then rewrap every data key under it."""
    try:
        active: str | None = kms.active
    except LookupError:
        active = None  # an empty PKCS#11 token: the first rotation creates its first KEK
    created = None
    if active is None or (not rewrap_only and pending_rewraps(session, active) == 0):
        if rewrap_only or not isinstance(kms, KekStore):
            raise RotationError(
                "no key-encryption key can be created here: for CONCERTATION_KEYRING add a key, make it active, restart"
                " the service, then run `keys rotate --rewrap-only`"
            )
        created = active = kms.create_kek()
    report = KekRotation(active=active, created=created, pending=pending_rewraps(session, active))
    session.rollback()  # end the read transaction before the KMS work starts
    # A pass walks the table once; another pass picks up data keys that a process still on the old KEK wrapped
    # meanwhile. Stop when a pass moves nothing (what is left then is only what failed).
    while True:
        # Re-read the active KEK: should another rotation have started meanwhile, its key is the target, and data
        # keys already under it must not be rewrapped again pass after pass.
        report.active = kms.active
        moved, report.failed = 0, []
        for table in _KEY_TABLES:
            table_moved, table_failed = _rewrap_pass(session, kms, table, report, batch_size, progress)
            moved += table_moved
            report.failed += table_failed
        if moved == 0:
            break
    begin_write(session)
    succeed(
        session,
        KEY_JOB,
        "keys.rotate",
        now=now,
        object_type="key_encryption_key",
        object_id=report.active,
        details={"created": report.created, "rewrapped": report.rewrapped, "failed": len(report.failed)},
    )
    return report


def _compare_and_swap(table: _KeyTable) -> Any:
    """UPDATE one wrapped key to its new wrapping, only if it still holds the wrapping that was read."""
    model = table.model
    return (
        update(model.__table__)
        .where(
            col(table.owner) == bindparam("b_owner"),
            col(model.version) == bindparam("b_version"),
            col(model.kek_id) == bindparam("b_kek"),
            col(model.wrapped_dek) == bindparam("b_wrapped"),
        )
        .values(kek_id=bindparam("n_kek"), wrapped_dek=bindparam("n_wrapped"))
    )


def _rewrap_pass(
    session: Session, kms: Kms, table: _KeyTable, report: KekRotation, batch_size: int, progress: Progress | None
) -> tuple[int, list[tuple[uuid.UUID, int]]]:
    moved = 0
    failed: list[tuple[uuid.UUID, int]] = []
    after: tuple[uuid.UUID, int] | None = None
    while True:
        model = table.model
        query = select(table.owner, model.version, model.kek_id, model.wrapped_dek).where(
            _not_under(table, report.active)
        )
        if after is not None:
            # Keyset pagination: a data key that fails is passed over instead of being read again forever.
            query = query.where(
                or_(
                    col(table.owner) > after[0],
                    and_(col(table.owner) == after[0], col(model.version) > after[1]),
                )
            )
        rows = session.exec(query.order_by(col(table.owner), col(model.version)).limit(batch_size)).all()
        session.rollback()  # nothing is held while the KMS (possibly a network HSM) works
        if not rows:
            return moved, failed
        after = rows[-1][0], rows[-1][1]
        rewrapped = []
        for owner, version, kek_id, wrapped in rows:
            if wrapped is None:  # the query excludes it; the check narrows the type
                continue
            wrapped_for = table.wrapped_for(owner)
            try:
                dek = kms.unwrap(kek_id, wrapped, wrapped_for)
                new_kek, new_wrapped = kms.wrap(dek, wrapped_for)
                # Check the new wrapping before the old one is overwritten: a data key lost here is data lost.
                if kms.unwrap(new_kek, new_wrapped, wrapped_for) != dek:
                    raise IntegrityError("the rewrapped data key does not unwrap to the same key")
            except IntegrityError:
                failed.append((owner, version))
                continue
            rewrapped.append((owner, version, kek_id, wrapped, new_kek, new_wrapped))
        begin_write(session)
        written = 0
        if rewrapped:
            # One statement for the batch, executed many times (a statement built per row cost more than the KMS).
            result = session.connection().execute(
                _compare_and_swap(table),
                [
                    {"b_owner": o, "b_version": v, "b_kek": k, "b_wrapped": w, "n_kek": nk, "n_wrapped": nw}
                    for o, v, k, w, nk, nw in rewrapped
                ],
            )
            written = result.rowcount  # rows changed meanwhile (retention, another rotation) are left as they are
        session.commit()
        moved += written
        report.rewrapped += written
        if progress is not None:
            progress(report.rewrapped, report.pending)


def rotate_concertation_key(
    session: Session, kms: Kms, concertation_id: uuid.UUID, now: datetime, *, batch_size: int = 500
) -> DataKeyRotation:
    """Re-encrypt one concertation under a new data key (resumable), then audit it."""
    begin_write(session)
    row = session.get(Concertation, concertation_id)
    if row is None:
        session.rollback()
        raise RotationError(f"no concertation {concertation_id}")
    resealed = rotate_data_key(session, kms, row, now, batch=batch_size)
    begin_write(session)
    live = select(func.max(DataKey.version)).where(
        DataKey.concertation_id == concertation_id,
        col(DataKey.retired_at).is_(None),
        col(DataKey.destroyed_at).is_(None),
    )
    version = session.exec(live).one() or 0
    succeed(
        session,
        KEY_JOB,
        "keys.rotate_data_key",
        now=now,
        object_type="concertation",
        object_id=concertation_id,
        concertation_id=concertation_id,
        details={"version": version, "fields_resealed": resealed},
    )
    return DataKeyRotation(concertation_id, version, resealed)


def _legacy_bases(session: Session) -> list[uuid.UUID]:
    """Bases that may hold plaintext from before revision 0004 (checked one by one under lock)."""
    legacy = or_(
        col(LegalBasis.legacy_retirement_reason).is_not(None),
        col(LegalBasis.type) == BasisType.PROSECUTOR_AUTHORISATION.value,
    )
    return list(session.exec(select(LegalBasis.id).where(legacy).order_by(col(LegalBasis.id))).all())


def seal_registry(session: Session, kms: Kms, now: datetime) -> int:
    """Seal the registry's plaintext left from before revision 0004 (motivation, retirement reason); idempotent.

    Each basis is sealed and emptied in one write transaction of its own; returns how many were sealed.
    """
    ids = _legacy_bases(session)
    session.rollback()
    sealed = 0
    for basis_id in ids:
        begin_write(session)
        row = session.get(LegalBasis, basis_id, with_for_update=True)
        authorisation = dict(row.prosecutor_authorisation or {}) if row is not None else {}
        if row is None or (row.legacy_retirement_reason is None and authorisation.get("motivation") is None):
            session.rollback()
            continue
        sealer = BasisSealer(session, kms, row.id)
        texts = sealer.open(row.texts_ciphertext) if row.texts_ciphertext is not None else {}
        texts.setdefault("motivation", authorisation.pop("motivation", None))
        authorisation.pop("motivation", None)
        if row.legacy_retirement_reason is not None:
            texts.setdefault("retirement_reason", row.legacy_retirement_reason)
        seal_texts(session, kms, row, texts, now)
        row.prosecutor_authorisation = authorisation or None
        row.legacy_retirement_reason = None
        session.add(row)
        session.commit()
        sealed += 1
    if sealed:
        begin_write(session)
        succeed(session, KEY_JOB, "keys.seal_registry", now=now, object_type="legal_basis", details={"sealed": sealed})
    return sealed


# ------------------------------------------------------------------------------------------------ command line


def _kms(settings: Settings) -> Kms:
    # The service creates a missing key ring file on start; a key command must not: a fresh ring here would hold none
    # of the KEKs the data keys are wrapped under.
    if settings.kms == "file" and KeyRing.from_env() is None and not settings.keyring_file.exists():
        raise RotationError(f"no key ring at {settings.keyring_file} (CONCERTATION_KEYRING_PATH, CONCERTATION_KMS)")
    return from_settings(settings)


@contextmanager
def _write_session(settings: Settings) -> Iterator[Session]:
    # Every transaction of these commands writes: on SQLite each starts as BEGIN IMMEDIATE (see api.db), also the
    # ones `rotate_data_key` opens after each of its commits.
    engine = make_engine(settings.database_url)
    try:
        with Session(engine.execution_options(**{WRITE: True})) as session:
            yield session
    finally:
        engine.dispose()


def _rotate(args: argparse.Namespace) -> int:
    settings = get_settings()

    def show(done: int, total: int) -> None:
        print(f"rewrapped {done}/{total} data keys", flush=True)

    try:
        kms = _kms(settings)
        with _write_session(settings) as session:
            report = rotate_keks(
                session,
                kms,
                datetime.now(UTC),
                batch_size=args.batch_size,
                rewrap_only=args.rewrap_only,
                progress=show,
            )
    except (RotationError, KmsUnavailable, IntegrityError, ValueError, LookupError) as exc:
        print(f"keys rotate: {exc}", file=sys.stderr)
        return 1
    if report.created:
        print(f"created key-encryption key {report.created}; it is now the active one")
    else:
        print(f"finishing the rotation to the active key-encryption key {report.active}")
    print(f"{report.rewrapped} data key(s) rewrapped under {report.active}; no data was re-encrypted")
    for concertation_id, version in report.failed:
        print(f"FAILED: data key {concertation_id} v{version} does not unwrap with its KEK", file=sys.stderr)
    if report.failed:
        print(f"{len(report.failed)} data key(s) left under their old KEK; fix and re-run", file=sys.stderr)
        return 1
    return 0


def _rotate_data_key(args: argparse.Namespace) -> int:
    settings = get_settings()
    try:
        kms = _kms(settings)
        with _write_session(settings) as session:
            done = rotate_concertation_key(session, kms, args.concertation_id, datetime.now(UTC))
    except ContentDestroyed:
        print(f"keys rotate-data-key: the data keys of {args.concertation_id} are destroyed", file=sys.stderr)
        return 1
    except (RotationError, KmsUnavailable, IntegrityError, ValueError, LookupError) as exc:
        print(f"keys rotate-data-key: {type(exc).__name__}: {exc}", file=sys.stderr)
        return 1
    print(
        f"concertation {done.concertation_id}: {done.resealed} field(s) re-encrypted under data key "
        f"v{done.version}; older versions retired and erased"
    )
    return 0


def _seal_registry(_args: argparse.Namespace) -> int:
    settings = get_settings()
    try:
        with _write_session(settings) as session:
            # A fresh database (no key ring yet on a new machine) has nothing to seal and needs no key.
            sealed = seal_registry(session, _kms(settings), datetime.now(UTC)) if _legacy_bases(session) else 0
    except (RotationError, KmsUnavailable, IntegrityError, ValueError, LookupError) as exc:
        print(f"keys seal-registry: {type(exc).__name__}: {exc}", file=sys.stderr)
        return 1
    print(f"{sealed} legal bas{'is' if sealed == 1 else 'es'} sealed; no plaintext free text is left in the registry")
    return 0


def _positive(value: str) -> int:
    number = int(value)
    if number < 1:
        raise argparse.ArgumentTypeError("must be at least 1")
    return number


def register(sub: Any) -> None:
    parser = sub.add_parser("keys", help="key management: KEK and data-key rotation (SPEC §6)")
    commands = parser.add_subparsers(dest="keys_command", required=True)
    rotate = commands.add_parser(
        "rotate", help="new key-encryption key, rewrap every data key (resumable; the service keeps answering)"
    )
    rotate.add_argument(
        "--rewrap-only", action="store_true", help="never create a KEK: rewrap every data key under the active one"
    )
    rotate.add_argument("--batch-size", type=_positive, default=DEFAULT_BATCH, help="data keys per transaction")
    rotate.set_defaults(run=_rotate)
    one = commands.add_parser("rotate-data-key", help="re-encrypt one concertation under a new data key (resumable)")
    one.add_argument("concertation_id", type=uuid.UUID, help="the concertation's id")
    one.set_defaults(run=_rotate_data_key)
    registry = commands.add_parser(
        "seal-registry", help="seal the registry's free texts written before revision 0004 (idempotent)"
    )
    registry.set_defaults(run=_seal_registry)
