"""Retention (D18, R108): at the end of its retention period a concertation's data keys are destroyed.

The period is the legal basis's `retention_days`, counted from closure. Destroying the keys (crypto-shredding)
makes every sealed field unrecoverable at once — identities, reasons, motivations, minutes — while the metadata the
audit chain refers to stays, so the chain still verifies. Each shredding is an audit event of its own.
"""

from __future__ import annotations

import uuid
from datetime import datetime, timedelta

from sqlmodel import Session, col, select

from api.db import begin_write
from api.services.common import succeed
from api.services.sealed import shred
from models.concertation import Concertation, DataKey
from models.legal_basis import LegalBasis
from policies.access import Actor

#: The retention job acts as the service itself, not as a person.
RETENTION_JOB = Actor(issuer="concertation", subject="retention-job", roles=frozenset(), org=None)


def due(session: Session, now: datetime) -> list[uuid.UUID]:
    """Closed concertations past their retention date whose keys still exist."""
    live_keys = select(DataKey.concertation_id).where(col(DataKey.destroyed_at).is_(None))
    query = select(Concertation, LegalBasis).where(
        col(Concertation.closed_at).is_not(None),
        Concertation.legal_basis_id == LegalBasis.id,
        col(Concertation.id).in_(live_keys),
    )
    return [
        c.id
        for c, basis in session.exec(query).all()
        if c.closed_at is not None and c.closed_at + timedelta(days=basis.retention_days) <= now
    ]


def run(session: Session, now: datetime) -> list[uuid.UUID]:
    """Shred every concertation that is due, one transaction each; safe to interrupt and re-run."""
    done = []
    pending = due(session, now)
    session.rollback()  # end the read, so that each shredding begins as a write (SQLite: BEGIN IMMEDIATE)
    for concertation_id in pending:
        begin_write(session)
        keys = shred(session, concertation_id, now)
        succeed(
            session,
            RETENTION_JOB,
            "retention.shred",
            now=now,
            object_type="concertation",
            object_id=concertation_id,
            concertation_id=concertation_id,
            details={"keys_destroyed": keys},
        )
        done.append(concertation_id)
    return done
