"""Code run in spawned worker processes: importable without the test harness (no pytest, no TestClient)."""

from __future__ import annotations

import time
import uuid
from datetime import UTC, datetime
from typing import Any

from sqlmodel import Session

from api import audit
from api.db import begin_write, make_engine
from models.audit import Outcome
from policies.access import Actor
from policies.vocab import Role


def append_events(url: str, subject: str, n: int, start: Any, pause: float = 0.0) -> None:
    """One worker, as a uvicorn worker would be: its own pooled engine, `n` events through `api.audit.record`, one
    transaction each, `pause` seconds apart. `start` is a barrier shared with the other workers, so that they race
    from the first event; the connection is opened before it, as a worker's pool would be already."""
    engine = make_engine(url)
    actor = Actor("concertation-test", subject, frozenset({Role.COORDINATOR}), "cpas-a")
    with engine.connect():
        pass
    start.wait(timeout=120)
    try:
        for i in range(n):
            with Session(engine) as session:
                begin_write(session)
                audit.record(
                    session,
                    actor,
                    "reliability.append",
                    Outcome.SUCCESS,
                    now=datetime.now(UTC),
                    object_type="reliability",
                    object_id=uuid.uuid4(),
                    details={"i": i},
                )
                session.commit()
            if pause:
                time.sleep(pause)  # the rest of a request, during which the other worker's BEGIN gets through
    finally:
        engine.dispose()
