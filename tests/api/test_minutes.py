"""Minutes through HTTP (issue 4): who writes, when, what may be attributed to whom, what is never stored, who reads.

Minutes are written only while the concertation meets or has met (SPEC §3), by the coordinator or chair or a
minute-taker who acknowledged secrecy; an entry is refused when it is attributed to someone who stays silent (R38),
refused (R39) or had left (R42); a lawyer's client-incriminating contribution is refused and leaves no trace (R21);
a youth-protection report never reaches police or parquet (R34); police and parquet say whether a contribution
comes from a judicial investigation (R47); content is justified (R65); offence tags stay in the scope (R53). The
first entry freezes the scope (R51); minutes are finalised once; every read is audited; content is stored only as
ciphertext bound to the scope (R52).

The helpers here (`Meeting`, `open_meeting`, `audit_events`, `tables_containing`, `db_id`) are shared with
`test_prosecution.py` and `test_retention.py`.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import pytest
from fastapi.testclient import TestClient
from httpx import Response
from sqlalchemy import Connection, Row, inspect, select, text

from api.security.crypto import FORMAT_FIELD
from models.audit import AuditEvent
from models.concertation import Concertation
from models.minutes import MinutesEntry
from tests.api import payloads
from tests.conftest import ISSUER, FakeClock, Token

Body = dict[str, Any]
Headers = dict[str, str]
CHAIR = "chair-lambert"
SECRET = "MARKER-7f3a Le client a avoue avoir frappe l'enfant."  # ASCII: found verbatim wherever it is stored

# ------------------------------------------------------------------------------------------------ shared helpers


@dataclass
class Meeting:
    """A concertation driven through HTTP by its coordinator, with the logins of its participants."""

    client: TestClient
    auth: Token
    coordinator: Headers
    body: Body
    logins: dict[str, Headers] = field(default_factory=dict)

    @property
    def id(self) -> str:
        return str(self.body["id"])

    @property
    def url(self) -> str:
        return f"/v1/concertations/{self.id}"

    @property
    def chair(self) -> Headers:
        return self.auth(CHAIR, "participant", org="saj-bxl")

    @property
    def person_id(self) -> str:
        return str(self.body["persons_concerned"][0]["id"])

    def invite(self, body: Body, *, answer: str | None = "accept", acknowledge: bool = False) -> str:
        r = self.client.post(f"{self.url}/participants", json=body, headers=self.coordinator)
        assert r.status_code == 201, r.text
        pid = str(r.json()["id"])
        self.logins[pid] = self.auth(body["subject"], "participant", org="other-service")
        if acknowledge:
            self.acknowledge(pid)
        if answer:
            self.answer(pid, answer)
        return pid

    def answer(self, pid: str, value: str) -> None:
        r = self.client.post(
            f"{self.url}/participants/{pid}/response", json={"answer": value}, headers=self.logins[pid]
        )
        assert r.status_code == 200, r.text

    def acknowledge(self, pid: str) -> None:
        who = self.logins[pid]
        version = self.client.get(f"{self.url}/participants/{pid}/secrecy-notice", headers=who).json()["version"]
        r = self.client.post(
            f"{self.url}/participants/{pid}/secrecy-acknowledgement", json={"notice_version": version}, headers=who
        )
        assert r.status_code == 201, r.text

    def step(self, *names: str) -> None:
        for name in names:
            r = self.client.post(f"{self.url}/{name}", headers=self.coordinator)
            assert r.status_code == 200, (name, r.text)

    def attend(self, pid: str, event: str = "joined") -> None:
        r = self.client.post(
            f"{self.url}/attendance", json={"participant_id": pid, "event": event}, headers=self.coordinator
        )
        assert r.status_code == 201, r.text

    def write(self, entry: Body, headers: Headers | None = None) -> Response:
        return self.client.post(f"{self.url}/minutes", json=entry, headers=headers or self.coordinator)

    def written(self, entry: Body) -> str:
        r = self.write(entry)
        assert r.status_code == 201, r.text
        return str(r.json()["id"])

    def read(self, headers: Headers | None = None) -> Response:
        return self.client.get(f"{self.url}/minutes", headers=headers or self.coordinator)

    def patch(self, **changes: Any) -> Response:
        current = self.client.get(self.url, headers=self.coordinator)
        assert current.status_code == 200, current.text
        headers = {**self.coordinator, "If-Match": current.headers["ETag"]}
        return self.client.patch(self.url, json=changes, headers=headers)

    def inform(self, *, after_session: bool = True) -> None:
        body = payloads.information(self.person_id, after_session=after_session)
        r = self.client.post(f"{self.url}/person-concerned/information", json=body, headers=self.coordinator)
        assert r.status_code == 201, r.text


def open_meeting(
    client: TestClient,
    auth: Token,
    *,
    categories: tuple[Body, ...] = (),
    retention_days: int | None = None,
    persons: tuple[Body, ...] = (),
    **overrides: Any,
) -> Meeting:
    """A compliant draft whose chair logs in as CHAIR; `categories` widen the basis, `persons` are added."""
    coordinator = auth("coord-1", "coordinator", org="cpas-a")
    basis_body = payloads.decree_authorising(*categories)
    if retention_days is not None:
        basis_body["retention_days"] = retention_days
    basis = client.post("/v1/legal-bases", json=basis_body, headers=coordinator)
    assert basis.status_code == 201, basis.text
    body = payloads.concertation(basis.json()["id"], **overrides)
    body["chair"] = {**body["chair"], "issuer": ISSUER, "subject": CHAIR}
    r = client.post("/v1/concertations", json=body, headers=coordinator)
    assert r.status_code == 201, r.text
    meeting = Meeting(client, auth, coordinator, dict(r.json()))
    for person in persons:
        p = client.post(f"{meeting.url}/persons-concerned", json=person, headers=coordinator)
        assert p.status_code == 201, p.text
    return meeting


def db_id(connection: Connection, value: str) -> str:
    """How a uuid column stores `value`: 32 hex digits on SQLite, the usual text on PostgreSQL."""
    return value.replace("-", "") if connection.dialect.name == "sqlite" else value


def audit_events(connection: Connection, action: str, concertation_id: str | None = None) -> list[Row[Any]]:
    """(outcome, codes, details, object_id, actor_subject) of every event of `action`, oldest first."""
    t = AuditEvent.__table__  # type: ignore[attr-defined]
    query = select(t.c.outcome, t.c.codes, t.c.details, t.c.object_id, t.c.actor_subject).where(t.c.action == action)
    if concertation_id is not None:
        query = query.where(t.c.concertation_id == uuid.UUID(concertation_id))
    return list(connection.execute(query.order_by(t.c.seq)).all())


def entry_rows(connection: Connection, concertation_id: str) -> list[Row[Any]]:
    t = MinutesEntry.__table__  # type: ignore[attr-defined]
    query = select(t.c.id, t.c.content_ciphertext, t.c.necessity_ciphertext, t.c.penal_use_forbidden)
    return list(connection.execute(query.where(t.c.concertation_id == uuid.UUID(concertation_id))).all())


def tables_containing(connection: Connection, needle: str) -> list[str]:
    """Every table holding `needle` in any column, as text or inside bytes (the audit trail included)."""
    raw = needle.encode()
    found = []
    for name in sorted(inspect(connection).get_table_names()):
        for row in connection.execute(text(f'SELECT * FROM "{name}"')):  # noqa: S608 - names from the schema
            if any(raw in (bytes(v) if isinstance(v, bytes | memoryview) else str(v).encode()) for v in row):
                found.append(name)
                break
    return found


def violations(r: Response) -> list[tuple[str | None, str]]:
    return [(v["rule"], v["code"]) for v in r.json()["violations"]]


def in_session(client: TestClient, auth: Token, **kwargs: Any) -> tuple[Meeting, str]:
    """A concertation in session with Alice (a social worker) accepted, acknowledged and present."""
    m = open_meeting(client, auth, **kwargs)
    alice = m.invite(payloads.participant(), acknowledge=True)
    m.step("schedule", "start")
    m.attend(alice)
    return m, alice


# ------------------------------------------------------------------------------------------------ fixtures


@pytest.fixture
def meeting(client: TestClient, auth: Token) -> Meeting:
    return open_meeting(client, auth)


# ------------------------------------------------------------------------------------------------ when (SPEC §3)


@pytest.mark.parametrize(
    ("steps", "status", "code"),
    [
        ((), 409, "minutes_not_writable"),
        (("schedule",), 409, "minutes_not_writable"),
        (("schedule", "start"), 201, None),
        (("schedule", "start", "end"), 201, None),
        (("schedule", "start", "cancel"), 409, "minutes_not_writable"),
    ],
    ids=["draft", "scheduled", "in_session", "held", "cancelled"],
)
def test_minutes_are_written_only_in_session_or_held(
    meeting: Meeting, connection: Connection, steps: tuple[str, ...], status: int, code: str | None
) -> None:
    meeting.step(*steps)
    r = meeting.write(payloads.minutes_entry())
    assert r.status_code == status, r.text
    assert len(entry_rows(connection, meeting.id)) == (1 if status == 201 else 0)
    if code:
        assert r.json()["code"] == code
        assert violations(r) == [(None, code)]
        (event,) = audit_events(connection, "minutes.create", meeting.id)
        assert (event.outcome, event.codes) == ("refused", [code])


# ------------------------------------------------------------------------------------------------ who writes


WRITERS: list[tuple[str, Callable[[Meeting], Headers], int]] = [
    ("coordinator", lambda m: m.coordinator, 201),
    ("chair", lambda m: m.chair, 201),
    ("acknowledged-minute-taker", lambda m: m.logins["taker"], 201),
    ("unacknowledged-minute-taker", lambda m: m.logins["new-taker"], 403),
    ("acknowledged-member", lambda m: m.logins["alice"], 403),
    ("coordinator-of-another-org", lambda m: m.auth("coord-9", "coordinator", org="cpas-b"), 404),
    ("prosecutor", lambda m: m.auth("pr-bxl", "prosecutor", org="parquet-bxl"), 404),
]


@pytest.mark.parametrize(("who", "status"), [(w, s) for w, _, s in WRITERS], ids=[w for w, _, _ in WRITERS])
def test_only_the_coordinator_chair_or_an_acknowledged_minute_taker_writes(
    meeting: Meeting, connection: Connection, who: str, status: int
) -> None:
    alice = meeting.invite(payloads.participant(), acknowledge=True)
    taker = meeting.invite(
        payloads.participant(subject="mt-emma", display_name="Emma Smet", role="minute_taker"), acknowledge=True
    )
    new_taker = meeting.invite(
        payloads.participant(subject="mt-noor", display_name="Noor Haddad", role="minute_taker"), acknowledge=False
    )
    meeting.logins.update(alice=meeting.logins[alice], taker=meeting.logins[taker], **{"new-taker": meeting.logins[new_taker]})
    meeting.step("schedule", "start")
    headers = dict(WRITERS)[who] if False else next(h for w, h, _ in WRITERS if w == who)(meeting)
    r = meeting.write(payloads.minutes_entry(), headers)
    assert r.status_code == status, r.text
    assert len(entry_rows(connection, meeting.id)) == (1 if status == 201 else 0)
    events = audit_events(connection, "minutes.create", meeting.id)
    assert [e.outcome for e in events] == ["success" if status == 201 else "denied"]
