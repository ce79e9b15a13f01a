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


def append_events(url: str, subject: str, n: int, start: Any, pause: float = 0.0, how: str = "record") -> None:
    """One worker, as a uvicorn worker would be: its own pooled engine, `n` events, one transaction each, `pause`
    seconds apart, appended by `api.audit.record` then a commit, or by `api.audit.record_and_commit` (`how`). `start`
    is a barrier shared with the other workers, so that they race from the first event; the connection is opened
    before it, as a worker's pool would be already. Every event carries codes, a concertation id every other time
    and details with characters JSON escapes, so that a hash computed by the database is held to the same bytes."""
    engine = make_engine(url)
    actor = Actor("concertation-test", subject, frozenset({Role.COORDINATOR}), "cpas-a")
    append = getattr(audit, how)
    with engine.connect():
        pass
    start.wait(timeout=120)
    try:
        for i in range(n):
            with Session(engine) as session:
                begin_write(session)
                append(
                    session,
                    actor,
                    "reliability.append",
                    Outcome.SUCCESS,
                    now=datetime.now(UTC),
                    object_type="reliability",
                    object_id=uuid.uuid4(),
                    concertation_id=uuid.uuid4() if i % 2 else None,
                    codes=["R109", "R27"],
                    details={"i": i, "how": how, "text": 'Zoë « ça » \\ "q" \u2028 \t ☂'},
                )
                if how == "record":
                    session.commit()
            if pause:
                time.sleep(pause)  # the rest of a request, during which the other worker's BEGIN gets through
    finally:
        engine.dispose()
