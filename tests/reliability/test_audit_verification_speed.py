"""A micro-benchmark of audit chain verification (SPEC §7: ≥ 100 000 events/s). It asserts that 20 000 synthetic
events verify, not how fast: timing belongs to the benchmark (`make bench`); run with `-s` to see the figure."""

from __future__ import annotations

import random
import uuid
from datetime import timedelta
from typing import Any

from sqlalchemy import Connection, insert, text

from api import audit
from models.audit import AuditEvent
from tests.conftest import NOW

EVENTS = 20_000


def synthetic_chain(prev_hash: str, n: int, *, seed: int = 458) -> list[dict[str, Any]]:
    """`n` events shaped like the service's own (ids, codes, small details), chained from `prev_hash`."""
    rnd = random.Random(seed)
    concertations = [uuid.UUID(int=rnd.getrandbits(128), version=4) for _ in range(100)]
    actions = ["concertation.read", "minutes.create", "minutes.read", "participant.read", "concertation.update"]
    shapes: list[tuple[list[str], dict[str, Any]]] = [
        ([], {}),
        (["person_not_informed"], {"compliant": True, "profile": "safeguards", "rules": ["R22"]}),
        (["offence_outside_concertation_scope"], {"rules": ["R49"]}),
    ]
    rows = []
    for i in range(n):
        concertation = rnd.choice(concertations)
        codes, details = rnd.choice(shapes)
        event = AuditEvent(
            id=uuid.UUID(int=rnd.getrandbits(128), version=4),
            occurred_at=NOW + timedelta(microseconds=173 * i),
            actor_issuer="https://idp.example.org/realms/cpas",
            actor_subject=f"user-{i % 97}",
            action=rnd.choice(actions),
            outcome="success",
            object_type="concertation",
            object_id=str(concertation),
            concertation_id=concertation,
            codes=codes,
            details=details,
            prev_hash=prev_hash,
            hash="",
        )
        event.hash = prev_hash = audit.chain_hash(prev_hash, event)
        rows.append(event.model_dump(exclude={"seq"}))
    return rows


def test_twenty_thousand_events_verify(connection: Connection) -> None:
    head = connection.execute(text("SELECT hash FROM audit_event ORDER BY seq DESC LIMIT 1")).scalar()
    before = int(connection.execute(text("SELECT count(*) FROM audit_event")).scalar_one())
    connection.execute(insert(AuditEvent), synthetic_chain(head or audit.GENESIS, EVENTS))

    report = audit.verify_chain(connection)
    assert report.ok, report
    assert report.events_checked == before + EVENTS
    rate = report.events_checked / report.elapsed_seconds
    print(
        f"\naudit chain verification on {connection.dialect.name}: {report.events_checked} events in "
        f"{report.elapsed_seconds:.3f} s = {rate:,.0f} events/s (target ≥ 100,000)"
    )
