"""Group-committed writes (`audit.Change`, `commit_change`): a minutes entry and a new concertation are decided in a
read transaction and written in the audit appender's batches, with the audited reads of the moment.

An entry's decision stands only if no change of its concertation, or outside every concertation, succeeded between
its read and its batch (other entries aside): otherwise it is decided again in a write transaction of its own, and
answered by what that decision says. The app runs on a database of the test's own with the real session dependency
(no shared test transaction), so that the requests' threads commit for real and share the process's appender.
"""

from __future__ import annotations

import threading
import uuid
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine, select, text, update
from sqlmodel import Session, col

from api import audit, idempotency
from api.db import begin_write
from api.services import common, minutes
from models.audit import Outcome
from models.concertation import Concertation
from models.idempotency import IdempotencyState
from policies.access import Actor
from policies.vocab import Role
from tests.api import payloads
from tests.conftest import ISSUER, NOW, Token

OTHER = Actor(ISSUER, "other-worker", frozenset({Role.COORDINATOR}), "cpas-a")


class Meeting:
    """A concertation in session whose minute-taker accepted and acknowledged secrecy, made through the API."""

    def __init__(self, client: TestClient, auth: Token) -> None:
        tag = uuid.uuid4().hex[:8]
        self.client = client
        self.coordinator = auth(f"coord-{tag}", "coordinator", org="cpas-a")
        self.taker = auth(f"mt-{tag}", "participant", org="other")
        self.basis = self._ok(client.post("/v1/legal-bases", json=payloads.decree(), headers=self.coordinator), 201)
        body = payloads.concertation(self.basis["id"])
        self.id = self._ok(client.post("/v1/concertations", json=body, headers=self.coordinator), 201)["id"]
        url = f"/v1/concertations/{self.id}"
        who = payloads.participant(subject=f"mt-{tag}", display_name="Minute-Taker", role="minute_taker")
        pid = self._ok(client.post(f"{url}/participants", json=who, headers=self.coordinator), 201)["id"]
        self._ok(client.post(f"{url}/participants/{pid}/response", json={"answer": "accept"}, headers=self.taker), 200)
        notice = self._ok(client.get(f"{url}/participants/{pid}/secrecy-notice", headers=self.taker), 200)
        ack = {"notice_version": notice["version"]}
        self._ok(client.post(f"{url}/participants/{pid}/secrecy-acknowledgement", json=ack, headers=self.taker), 201)
        for step in ("schedule", "start"):
            self._ok(client.post(f"{url}/{step}", headers=self.coordinator), 200)

    @staticmethod
    def _ok(r: Any, status: int) -> dict[str, Any]:
        assert r.status_code == status, r.text
        return dict(r.json())

    def add(self, content: str, headers: dict[str, str] | None = None) -> Any:
        body = payloads.minutes_entry(content=content)
        return self.client.post(f"/v1/concertations/{self.id}/minutes", json=body, headers=headers or self.taker)

    def contents(self) -> list[str]:
        page = self._ok(self.client.get(f"/v1/concertations/{self.id}/minutes", headers=self.taker), 200)
        return [e["content"] for e in page["items"]]


def _count(engine: Engine, sql: str, **params: Any) -> int:
    with engine.connect() as conn:
        return int(conn.execute(text(sql), params).scalar_one())


def _set(concertation_id: uuid.UUID | str, **values: Any) -> Any:
    return update(Concertation).where(col(Concertation.id) == uuid.UUID(str(concertation_id))).values(**values)


def _record(engine: Engine, action: str, concertation_id: uuid.UUID | None, change: Any = None) -> None:
    """Another worker's committed change (and its event): the statement `change` in the same transaction."""
    with Session(engine) as session:
        begin_write(session)
        if change is not None:
            session.execute(change)
        audit.record(session, OTHER, action, Outcome.SUCCESS, now=NOW, object_type="x", concertation_id=concertation_id)
        session.commit()


def _chain_ok(engine: Engine) -> None:
    with engine.connect() as conn:
        assert audit.verify_chain(conn).ok


@pytest.fixture
def decisions(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Counts how many times an entry was decided (once grouped; twice when decided again under the lock)."""
    seen: list[int] = []
    real = minutes._decide_entry

    def counted(*args: Any, **kwargs: Any) -> Any:
        seen.append(1)
        return real(*args, **kwargs)

    monkeypatch.setattr(minutes, "_decide_entry", counted)
    return seen


def _meanwhile(monkeypatch: pytest.MonkeyPatch, change: Callable[[], None]) -> None:
    """Let `change` commit between an entry's decision and its batch."""
    real = common.commit_change

    def late(*args: Any, **kwargs: Any) -> bool:
        change()
        return real(*args, **kwargs)

    monkeypatch.setattr(minutes, "commit_change", late)


def test_concurrent_entries_share_commits_and_keep_one_chain(
    live_client: TestClient, live_engine: Engine, auth: Token, decisions: list[int]
) -> None:
    """24 entries on two concertations from 8 threads: every one stored once, readable, in one verified chain, in
    fewer transactions than events, none decided twice."""
    meetings = [Meeting(live_client, auth), Meeting(live_client, auth)]
    group = audit.appender(live_engine)
    before = (group.batches, group.events)

    def one(i: int) -> None:
        r = meetings[i % 2].add(f"entrée {i}")
        assert r.status_code == 201, r.text

    with ThreadPoolExecutor(max_workers=8) as pool:
        list(pool.map(one, range(24)))
    batches, events = group.batches - before[0], group.events - before[1]
    assert events == 24 and len(decisions) == 24
    assert batches < events, "no two concurrent entries shared a commit"
    for k, meeting in enumerate(meetings):
        assert sorted(meeting.contents()) == sorted(f"entrée {i}" for i in range(k, 24, 2))
    _chain_ok(live_engine)


def test_a_change_of_the_concertation_in_between_makes_the_entry_decided_again(
    live_client: TestClient, live_engine: Engine, auth: Token, decisions: list[int], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The minutes are finalised between the entry's decision and its batch: decided again under the lock, it is
    refused as the finalised minutes require (409), and nothing of it is stored."""
    meeting = Meeting(live_client, auth)
    cid = uuid.UUID(meeting.id)
    finalise = _set(cid, minutes_finalised_at=NOW)
    _meanwhile(monkeypatch, lambda: _record(live_engine, "minutes.finalise", cid, finalise))

    r = meeting.add("trop tard")

    assert r.status_code == 409, r.text
    assert r.json()["code"] == "minutes_finalised"
    assert len(decisions) == 2
    assert meeting.contents() == []
    _chain_ok(live_engine)


def test_other_entries_and_other_concertations_in_between_change_nothing(
    live_client: TestClient, live_engine: Engine, auth: Token, decisions: list[int], monkeypatch: pytest.MonkeyPatch
) -> None:
    meeting, elsewhere = Meeting(live_client, auth), Meeting(live_client, auth)

    def meanwhile() -> None:
        _record(live_engine, "minutes.create", uuid.UUID(meeting.id))
        _record(live_engine, "concertation.update", uuid.UUID(elsewhere.id))

    _meanwhile(monkeypatch, meanwhile)
    r = meeting.add("rien n'a changé")

    assert r.status_code == 201, r.text
    assert len(decisions) == 1
    assert meeting.contents() == ["rien n'a changé"]
    _chain_ok(live_engine)


def test_a_change_outside_every_concertation_in_between_makes_the_entry_decided_again(
    live_client: TestClient, live_engine: Engine, auth: Token, decisions: list[int], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A change no concertation names (a basis, a client, the key ring) may bear on any decision: decided again."""
    meeting = Meeting(live_client, auth)
    _meanwhile(monkeypatch, lambda: _record(live_engine, "legal_basis.update", None))

    r = meeting.add("après")

    assert r.status_code == 201, r.text
    assert len(decisions) == 2
    with live_engine.connect() as conn:
        tail = conn.execute(text("SELECT action FROM audit_event ORDER BY seq DESC LIMIT 2")).scalars().all()
    assert list(tail) == ["minutes.create", "legal_basis.update"]  # the entry stands after what it was decided on
    assert meeting.contents() == ["après"]
    _chain_ok(live_engine)


def test_the_first_entry_freezes_the_scope_in_its_batch(
    live_client: TestClient, live_engine: Engine, auth: Token, decisions: list[int]
) -> None:
    """R51: an entry on a concertation whose scope is not frozen yet freezes it, in the same transaction."""
    meeting = Meeting(live_client, auth)
    with live_engine.begin() as conn:  # as if the meeting had started before its start froze the scope
        conn.execute(_set(meeting.id, scope_frozen_at=None))

    assert meeting.add("première").status_code == 201

    assert len(decisions) == 1
    with live_engine.connect() as conn:
        frozen = conn.execute(
            select(col(Concertation.scope_frozen_at)).where(col(Concertation.id) == uuid.UUID(meeting.id))
        )
        assert frozen.scalar_one() is not None


def test_a_keyed_entry_is_marked_committed_in_its_batch(
    live_client: TestClient, live_engine: Engine, auth: Token, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The `Idempotency-Key` record of a group-committed entry is marked committed in the batch's transaction, from
    the request's own context (the batch may be written by another request's thread)."""
    meeting = Meeting(live_client, auth)
    monkeypatch.setattr(idempotency, "complete", lambda *args, **kwargs: None)  # the response is never stored
    key = f"entry-{uuid.uuid4().hex[:8]}"

    r = meeting.add("une fois", {**meeting.taker, "Idempotency-Key": key})

    assert r.status_code == 201, r.text
    with live_engine.connect() as conn:
        state, outcome = conn.execute(
            text("SELECT state, outcome FROM idempotency_record WHERE key = :k"), {"k": key}
        ).one()
    assert state == IdempotencyState.COMMITTED.value
    assert "minutes.create" in str(outcome) and r.json()["id"] in str(outcome)


def test_concurrent_creations_are_group_committed(live_client: TestClient, live_engine: Engine, auth: Token) -> None:
    coordinator = auth(f"coord-{uuid.uuid4().hex[:8]}", "coordinator", org="cpas-a")
    basis = live_client.post("/v1/legal-bases", json=payloads.decree(), headers=coordinator).json()["id"]
    before = _count(live_engine, "SELECT count(*) FROM concertation")
    made: list[str] = []
    lock = threading.Lock()

    def one(_: int) -> None:
        r = live_client.post("/v1/concertations", json=payloads.concertation(basis), headers=coordinator)
        assert r.status_code == 201, r.text
        with lock:
            made.append(r.json()["id"])

    with ThreadPoolExecutor(max_workers=6) as pool:
        list(pool.map(one, range(12)))
    assert _count(live_engine, "SELECT count(*) FROM concertation") == before + 12
    for cid in made:  # each readable whole: its row, its data key and its persons were written together
        r = live_client.get(f"/v1/concertations/{cid}", headers=coordinator)
        assert r.status_code == 200, r.text
        assert r.json()["persons_concerned"]
    _chain_ok(live_engine)
