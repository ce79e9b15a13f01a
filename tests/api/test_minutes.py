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

import json
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import pytest
from fastapi.testclient import TestClient
from httpx import Response
from sqlalchemy import Connection, inspect, select, text

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
        r: Response = self.client.post(f"{self.url}/minutes", json=entry, headers=headers or self.coordinator)
        return r

    def written(self, entry: Body) -> str:
        r = self.write(entry)
        assert r.status_code == 201, r.text
        return str(r.json()["id"])

    def read(self, headers: Headers | None = None) -> Response:
        r: Response = self.client.get(f"{self.url}/minutes", headers=headers or self.coordinator)
        return r

    def patch(self, **changes: Any) -> Response:
        current = self.client.get(self.url, headers=self.coordinator)
        assert current.status_code == 200, current.text
        headers = {**self.coordinator, "If-Match": current.headers["ETag"]}
        r: Response = self.client.patch(self.url, json=changes, headers=headers)
        return r

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


def audit_events(connection: Connection, action: str, concertation_id: str | None = None) -> list[Any]:
    """(outcome, codes, details, object_id, actor_subject) of every event of `action`, oldest first."""
    t = AuditEvent.__table__  # type: ignore[attr-defined]
    query = select(t.c.outcome, t.c.codes, t.c.details, t.c.object_id, t.c.actor_subject).where(t.c.action == action)
    if concertation_id is not None:
        query = query.where(t.c.concertation_id == uuid.UUID(concertation_id))
    return list(connection.execute(query.order_by(t.c.seq)).all())


def entry_rows(connection: Connection, concertation_id: str) -> list[Any]:
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


WRITERS: dict[str, Callable[[Meeting], Headers]] = {
    "coordinator": lambda m: m.coordinator,
    "chair": lambda m: m.chair,
    "acknowledged-minute-taker": lambda m: m.logins["taker"],
    "unacknowledged-minute-taker": lambda m: m.logins["new-taker"],
    "acknowledged-member": lambda m: m.logins["alice"],
    "coordinator-of-another-org": lambda m: m.auth("coord-9", "coordinator", org="cpas-b"),
    "prosecutor": lambda m: m.auth("pr-bxl", "prosecutor", org="parquet-bxl"),
}


@pytest.mark.parametrize(
    ("who", "status"),
    [
        ("coordinator", 201),
        ("chair", 201),
        ("acknowledged-minute-taker", 201),
        ("unacknowledged-minute-taker", 403),
        ("acknowledged-member", 403),
        ("coordinator-of-another-org", 404),
        ("prosecutor", 404),
    ],
    ids=lambda v: str(v),
)
def test_only_the_coordinator_chair_or_an_acknowledged_minute_taker_writes(
    meeting: Meeting, connection: Connection, who: str, status: int
) -> None:
    alice = meeting.invite(payloads.participant(), acknowledge=True)
    taker = meeting.invite(
        payloads.participant(subject="mt-emma", display_name="Emma Smet", role="minute_taker"), acknowledge=True
    )
    new_taker = meeting.invite(payloads.participant(subject="mt-noor", display_name="Noor Haddad", role="minute_taker"))
    meeting.logins |= {"alice": meeting.logins[alice], "taker": meeting.logins[taker]}
    meeting.logins["new-taker"] = meeting.logins[new_taker]
    meeting.step("schedule", "start")
    r = meeting.write(payloads.minutes_entry(), WRITERS[who](meeting))
    assert r.status_code == status, r.text
    assert len(entry_rows(connection, meeting.id)) == (1 if status == 201 else 0)
    if status == 404:  # R27: the denial is audited without tying the caller to the concertation
        (event,) = audit_events(connection, "minutes.create")
        assert (event.outcome, event.object_id) == ("denied", meeting.id)
    else:
        (event,) = audit_events(connection, "minutes.create", meeting.id)
        assert event.outcome == ("success" if status == 201 else "denied")


# ------------------------------------------------------------------------------------------------ attribution


def refused_entry(m: Meeting, connection: Connection, entry: Body, rule: str | None, code: str) -> None:
    """The entry is refused with `rule`/`code`, nothing is stored, and the refusal is audited with its code."""
    before = len(entry_rows(connection, m.id))
    r = m.write(entry)
    assert r.status_code == 422, r.text
    assert r.json()["code"] == code
    assert (rule, code) in violations(r)
    assert len(entry_rows(connection, m.id)) == before
    last = audit_events(connection, "minutes.create", m.id)[-1]
    assert last.outcome == "refused" and code in last.codes


def test_r38_nothing_is_attributed_to_a_silent_participant_and_lifting_is_prospective(
    client: TestClient, auth: Token, connection: Connection, clock: FakeClock
) -> None:
    m, alice = in_session(client, auth)
    silence = client.post(f"{m.url}/participants/{alice}/silence", json={}, headers=m.logins[alice])
    assert silence.status_code == 201, silence.text
    clock.advance(minutes=1)
    refused_entry(m, connection, payloads.minutes_entry(alice), "R38", "participant_invoked_silence")
    refused_entry(
        m,
        connection,
        payloads.minutes_entry(None, attributed_to=[alice]),
        "R38",
        "participant_invoked_silence",
    )
    lifted = client.delete(f"{m.url}/participants/{alice}/silence/{silence.json()['id']}", headers=m.logins[alice])
    assert lifted.status_code == 200, lifted.text
    clock.advance(minutes=1)
    assert m.write(payloads.minutes_entry(alice)).status_code == 201


@pytest.mark.parametrize("title", ["", "   ", "\n\t"], ids=["empty", "spaces", "whitespace"])
def test_an_agenda_item_without_words_is_refused_and_not_stored(
    client: TestClient, auth: Token, connection: Connection, title: str
) -> None:
    m, _ = in_session(client, auth)
    r = client.post(f"{m.url}/agenda-items", json={"title": title}, headers=m.coordinator)
    assert r.status_code == 422, r.text
    assert [v["field"] for v in r.json()["violations"]] == ["title"]
    assert client.get(f"{m.url}/agenda-items", headers=m.coordinator).json()["items"] == []


def test_r38_a_silence_on_one_agenda_item_covers_that_item_only(
    client: TestClient, auth: Token, connection: Connection, clock: FakeClock
) -> None:
    m, alice = in_session(client, auth)
    items = []
    for title in ("Situation à l'école", "Suivi médical"):
        r = client.post(f"{m.url}/agenda-items", json={"title": title}, headers=m.coordinator)
        assert r.status_code == 201, r.text
        items.append(r.json()["id"])
    r = client.post(f"{m.url}/participants/{alice}/silence", json={"agenda_item_id": items[0]}, headers=m.logins[alice])
    assert r.status_code == 201, r.text
    clock.advance(minutes=1)
    refused_entry(
        m, connection, payloads.minutes_entry(alice, agenda_item_id=items[0]), "R38", "participant_invoked_silence"
    )
    assert m.write(payloads.minutes_entry(alice, agenda_item_id=items[1])).status_code == 201


def test_r39_nothing_is_attributed_to_a_participant_who_refused(
    client: TestClient, auth: Token, connection: Connection
) -> None:
    m, _ = in_session(client, auth)
    refused = m.invite(payloads.participant(subject="sw-dan", display_name="Dan Wouters"), answer="refuse")
    refused_entry(m, connection, payloads.minutes_entry(refused), "R39", "participant_refused")
    refused_entry(m, connection, payloads.minutes_entry(None, attributed_to=[refused]), "R39", "participant_refused")


def test_r42_nothing_said_after_a_participant_left_is_his(
    client: TestClient, auth: Token, connection: Connection, clock: FakeClock
) -> None:
    m, alice = in_session(client, auth)
    clock.advance(minutes=5)
    assert m.write(payloads.minutes_entry(alice)).status_code == 201
    clock.advance(minutes=5)
    m.attend(alice, "left")
    clock.advance(minutes=1)
    refused_entry(m, connection, payloads.minutes_entry(alice), "R42", "participant_not_present")
    assert m.write(payloads.minutes_entry(None)).status_code == 201  # the meeting goes on without her


def test_r42_nothing_is_attributed_to_an_invitee_who_never_joined(
    client: TestClient, auth: Token, connection: Connection
) -> None:
    m, _ = in_session(client, auth)
    absent = m.invite(payloads.participant(subject="sw-dan", display_name="Dan Wouters"))
    refused_entry(m, connection, payloads.minutes_entry(absent), "R42", "participant_not_present")


def test_r16_an_entry_names_only_participants_of_the_concertation(
    client: TestClient, auth: Token, connection: Connection
) -> None:
    m, _ = in_session(client, auth)
    refused_entry(m, connection, payloads.minutes_entry(str(uuid.uuid4())), "R16", "speaker_not_a_participant")


# ------------------------------------------------------------------------------------------------ R21 lawyers


@pytest.fixture
def with_lawyer(client: TestClient, auth: Token) -> tuple[Meeting, str]:
    m = open_meeting(client, auth, categories=(payloads.LAWYER_CATEGORY,))
    lawyer = m.invite(payloads.lawyer(), acknowledge=True)
    m.step("schedule", "start")
    m.attend(lawyer)
    return m, lawyer


@pytest.mark.parametrize(
    ("flags", "code"),
    [
        ({}, "lawyer_flags_required"),
        ({"lawyer_client_confidential": True}, "lawyer_flags_required"),
        ({"may_expose_client_to_prosecution": "no"}, "lawyer_flags_required"),
        ({"lawyer_client_confidential": True, "may_expose_client_to_prosecution": "unknown"}, "art_458quater_lawyer"),
        ({"lawyer_client_confidential": True, "may_expose_client_to_prosecution": "yes"}, "art_458quater_lawyer"),
    ],
    ids=["untagged", "confidential-only", "exposure-only", "confidential-may-expose-unknown", "confidential-exposes"],
)
def test_r21_a_lawyers_refused_contribution_is_stored_nowhere(
    with_lawyer: tuple[Meeting, str], connection: Connection, flags: Body, code: str
) -> None:
    m, lawyer = with_lawyer
    assert tables_containing(connection, "Xavier Lenoir") == ["participant"]  # the scan does find stored text
    entry = payloads.minutes_entry(
        lawyer, level="content", necessity_justification="Éclaire la situation.", content=SECRET, **flags
    )
    refused_entry(m, connection, entry, "R21", code)
    assert SECRET not in m.write(entry).text
    assert entry_rows(connection, m.id) == []
    assert tables_containing(connection, SECRET) == []
    assert tables_containing(connection, SECRET.split()[0]) == []
    trail = connection.execute(text("SELECT action, codes, details FROM audit_event")).all()
    assert trail and all(SECRET.split()[0] not in str(row) for row in trail)  # not even audited
    events = audit_events(connection, "minutes.create", m.id)
    assert [(e.outcome, e.codes, e.details["rules"]) for e in events] == [("refused", [code], ["R21"])] * 2


def test_r21_r47_the_flags_bind_a_contribution_attributed_otherwise_than_as_speaker(
    client: TestClient, auth: Token, connection: Connection
) -> None:
    m = open_meeting(client, auth, categories=(payloads.LAWYER_CATEGORY,))
    lawyer = m.invite(payloads.lawyer(), acknowledge=True)
    bob = m.invite(payloads.police(), acknowledge=True)
    m.step("schedule", "start")
    m.attend(lawyer)
    m.attend(bob)
    exposing = {"lawyer_client_confidential": True, "may_expose_client_to_prosecution": "yes"}
    entry = payloads.minutes_entry(None, attributed_to=[lawyer], content=SECRET, **exposing)
    refused_entry(m, connection, entry, "R21", "art_458quater_lawyer")
    refused_entry(m, connection, payloads.minutes_entry(None, attributed_to=[lawyer]), "R21", "lawyer_flags_required")
    assert tables_containing(connection, SECRET) == []
    refused_entry(
        m, connection, payloads.minutes_entry(None, attributed_to=[bob]), "R47", "judicial_investigation_flag_required"
    )
    shareable = {"from_judicial_investigation": False}
    assert m.write(payloads.minutes_entry(None, attributed_to=[bob], **shareable)).status_code == 201


@pytest.mark.parametrize(
    "flags",
    [
        {"lawyer_client_confidential": False, "may_expose_client_to_prosecution": "yes"},
        {"lawyer_client_confidential": False, "may_expose_client_to_prosecution": "unknown"},
        {"lawyer_client_confidential": True, "may_expose_client_to_prosecution": "no"},
    ],
    ids=["not-confidential-exposing", "not-confidential-unknown", "confidential-not-exposing"],
)
def test_r21_a_lawyer_still_contributes_what_cannot_incriminate_his_client(
    with_lawyer: tuple[Meeting, str], connection: Connection, flags: Body
) -> None:
    m, lawyer = with_lawyer
    r = m.write(payloads.minutes_entry(lawyer, content=SECRET, **flags))
    assert r.status_code == 201, r.text
    (row,) = entry_rows(connection, m.id)
    assert bytes(row.content_ciphertext).startswith(FORMAT_FIELD)
    assert tables_containing(connection, SECRET) == []  # sealed, not in clear


def test_r21_does_not_apply_to_a_participant_who_is_not_a_lawyer(
    client: TestClient, auth: Token, connection: Connection
) -> None:
    m, alice = in_session(client, auth)
    assert m.write(payloads.minutes_entry(alice)).status_code == 201


# ------------------------------------------------------------------------------------------------ R34 youth reports


def youth_report(speaker: str | None = None) -> Body:
    return payloads.minutes_entry(
        speaker,
        entry_type="youth_protection_report",
        level="content",
        necessity_justification="Le rapport d'étude sociale éclaire le danger.",
        offence_tags=["cp_398"],
        about_persons=["P-001"],
        content="Rapport d'étude sociale du SPJ, pages 3 à 5.",
    )


def _police(m: Meeting) -> None:
    m.invite(payloads.police())


def _substitute(m: Meeting) -> None:
    r = m.client.post(f"{m.url}/person-concerned/consents", json=payloads.consent(m.person_id), headers=m.coordinator)
    assert r.status_code == 201, r.text
    m.invite(payloads.substitute())


@pytest.mark.parametrize("invite", [_police, _substitute], ids=["police", "substitute"])
def test_r34_no_youth_protection_report_with_police_or_parquet_present(
    client: TestClient, auth: Token, connection: Connection, invite: Callable[[Meeting], None]
) -> None:
    m = open_meeting(client, auth)
    invite(m)
    m.step("schedule", "start")
    refused_entry(m, connection, youth_report(), "R34", "youth_report_penal_exposure")


def test_r34_a_youth_protection_report_is_stored_with_penal_use_forbidden(
    client: TestClient, auth: Token, connection: Connection
) -> None:
    m, _ = in_session(client, auth)
    r = m.write(youth_report())
    assert r.status_code == 201, r.text
    assert r.json()["penal_use_forbidden"] is True
    (row,) = entry_rows(connection, m.id)
    assert row.penal_use_forbidden is True or row.penal_use_forbidden == 1


@pytest.mark.parametrize(
    ("body", "consent"),
    [(payloads.police(), False), (payloads.substitute(), True)],
    ids=["police", "substitute"],
)
def test_r34_police_or_parquet_are_not_invited_once_a_youth_protection_report_is_in_the_minutes(
    client: TestClient, auth: Token, connection: Connection, body: Body, consent: bool
) -> None:
    m, _ = in_session(client, auth)
    if consent:
        r = client.post(f"{m.url}/person-concerned/consents", json=payloads.consent(m.person_id), headers=m.coordinator)
        assert r.status_code == 201, r.text
    before = client.post(f"{m.url}/participants", json=body, headers=m.coordinator)
    assert before.status_code == 201, before.text  # without the report, they may come
    m2, _ = in_session(client, auth)
    if consent:
        r = client.post(
            f"{m2.url}/person-concerned/consents", json=payloads.consent(m2.person_id), headers=m2.coordinator
        )
        assert r.status_code == 201, r.text
    m2.written(youth_report())
    r = client.post(f"{m2.url}/participants", json=body, headers=m2.coordinator)
    assert r.status_code == 409, r.text
    assert r.json()["code"] == "youth_report_penal_exposure"
    assert violations(r) == [("R34", "youth_report_penal_exposure")]
    listed = client.get(f"{m2.url}/participants", headers=m2.coordinator).json()["items"]
    assert [p["sector"] for p in listed] == ["aid_care"]
    last = audit_events(connection, "participant.create", m2.id)[-1]
    assert (last.outcome, last.codes) == ("refused", ["youth_report_penal_exposure"])


# ------------------------------------------------------------------------------------------------ R47 police


@pytest.mark.parametrize(
    ("flags", "status", "code"),
    [
        ({}, 422, "judicial_investigation_flag_required"),
        ({"from_judicial_investigation": True}, 422, "investigation_secrecy_not_confirmed"),
        (
            {"from_judicial_investigation": True, "investigation_shareable_confirmed": False},
            422,
            "investigation_secrecy_not_confirmed",
        ),
        ({"from_judicial_investigation": True, "investigation_shareable_confirmed": True}, 201, None),
        ({"from_judicial_investigation": False}, 201, None),
    ],
    ids=[
        "no-flag",
        "investigation-unconfirmed",
        "investigation-not-shareable",
        "investigation-confirmed",
        "not-investigation",
    ],
)
def test_r47_police_say_whether_it_comes_from_a_judicial_investigation(
    client: TestClient, auth: Token, connection: Connection, flags: Body, status: int, code: str | None
) -> None:
    m = open_meeting(client, auth)
    bob = m.invite(payloads.police(), acknowledge=True)
    m.step("schedule", "start")
    m.attend(bob)
    entry = payloads.minutes_entry(bob, content="Deux interventions au domicile en octobre.", **flags)
    if code is None:
        assert m.write(entry).status_code == status
        assert len(entry_rows(connection, m.id)) == 1
    else:
        refused_entry(m, connection, entry, "R47", code)


# ------------------------------------------------------------------------------------------------ R65, R53, R26


@pytest.mark.parametrize(
    ("changes", "status", "rule", "code"),
    [
        ({"level": "content"}, 422, "R65", "necessity_justification_required"),
        ({"level": "content", "necessity_justification": "   "}, 422, "R65", "necessity_justification_required"),
        ({"level": "content", "necessity_justification": "Le danger est actuel."}, 201, None, None),
        ({"level": "process"}, 201, None, None),
        ({"offence_tags": ["cp_393"]}, 422, "R53", "offence_tag_outside_scope"),
        ({"offence_tags": ["cp_398"]}, 201, None, None),
        ({"about_persons": ["P-404"]}, 422, "R26", "person_unknown"),
    ],
    ids=[
        "content-unjustified",
        "content-blank-justification",
        "content-justified",
        "process",
        "tag-outside-scope",
        "tag-in-scope",
        "about-unknown-person",
    ],
)
def test_entry_content_and_tags(
    client: TestClient, auth: Token, connection: Connection, changes: Body, status: int, rule: str, code: str
) -> None:
    m, alice = in_session(client, auth)
    entry = payloads.minutes_entry(alice, **changes)
    if code is None:
        r = m.write(entry)
        assert r.status_code == status, r.text
        assert len(entry_rows(connection, m.id)) == 1
    else:
        refused_entry(m, connection, entry, rule, code)


@pytest.mark.parametrize("which", ["own", "unknown", "of-another-concertation"], ids=lambda v: str(v))
def test_an_entry_names_only_an_agenda_item_of_its_concertation(
    client: TestClient, auth: Token, connection: Connection, which: str
) -> None:
    m, alice = in_session(client, auth)
    other = open_meeting(client, auth)
    items = {}
    for name, meeting in (("own", m), ("of-another-concertation", other)):
        r = client.post(f"{meeting.url}/agenda-items", json={"title": "Situation à l'école"}, headers=m.coordinator)
        assert r.status_code == 201, r.text
        items[name] = r.json()["id"]
    items["unknown"] = str(uuid.uuid4())
    entry = payloads.minutes_entry(alice, agenda_item_id=items[which])
    if which == "own":
        assert m.write(entry).status_code == 201
    else:
        refused_entry(m, connection, entry, None, "agenda_item_unknown")


# ------------------------------------------------------------------------------------------------ R51 scope


def test_r51_after_the_first_entry_the_scope_can_shrink_but_not_widen(
    client: TestClient, auth: Token, connection: Connection
) -> None:
    m, alice = in_session(client, auth, offence_scope=["cp_398", "cp_399"])
    m.written(payloads.minutes_entry(alice, offence_tags=["cp_398"]))
    frozen = connection.execute(
        select(Concertation.__table__.c.scope_frozen_at).where(  # type: ignore[attr-defined]
            Concertation.__table__.c.id == uuid.UUID(m.id)  # type: ignore[attr-defined]
        )
    ).scalar_one()
    assert frozen is not None
    r = m.patch(offence_scope=["cp_398", "cp_399", "cp_393"])
    assert r.status_code == 409, r.text
    assert r.json()["code"] == "scope_frozen"
    assert ("R51", "scope_frozen") in violations(r)
    assert audit_events(connection, "concertation.update", m.id)[-1].outcome == "refused"
    r = m.patch(offence_scope=["cp_398"])
    assert r.status_code == 200, r.text
    assert r.json()["offence_scope"] == ["cp_398"]
    r = m.patch(offence_scope=["cp_398", "cp_399"])  # what was dropped does not come back
    assert r.status_code == 409 and r.json()["code"] == "scope_frozen"


# ------------------------------------------------------------------------------------------------ finalising


def test_minutes_are_finalised_once_and_read_only_afterwards(
    client: TestClient, auth: Token, connection: Connection
) -> None:
    m, alice = in_session(client, auth)
    entry = m.written(payloads.minutes_entry(alice))
    finalised = client.post(f"{m.url}/minutes/finalise", headers=m.coordinator)
    assert finalised.status_code == 200, finalised.text
    assert finalised.json()["finalised_at"] is not None
    again = client.post(f"{m.url}/minutes/finalise", headers=m.coordinator)
    assert again.status_code == 409 and again.json()["code"] == "minutes_finalised"
    r = m.write(payloads.minutes_entry(alice))
    assert r.status_code == 409, r.text
    assert r.json()["code"] == "minutes_finalised"
    assert len(entry_rows(connection, m.id)) == 1
    read = m.read()
    assert read.status_code == 200
    assert read.json()["finalised_at"] is not None
    assert [i["id"] for i in read.json()["items"]] == [entry]
    # The answer to finalise is the minutes as finalised, not an empty page, with the ETag a read then gives.
    assert finalised.json() == read.json()
    assert finalised.headers["ETag"] == read.headers["ETag"]
    events = connection.execute(
        text("SELECT details FROM audit_event WHERE action = 'minutes.finalise' AND outcome = 'success'")
    ).all()
    assert [json.loads(d) if isinstance(d, str) else d for (d,) in events] == [{"entries": [entry]}]


def test_finalising_long_minutes_answers_their_first_page(client: TestClient, auth: Token) -> None:
    m, alice = in_session(client, auth)
    written = {m.written(payloads.minutes_entry(alice)) for _ in range(3)}
    order = [i["id"] for i in m.read().json()["items"]]  # recorded_at, then id: the order of every page
    assert set(order) == written
    r = client.post(f"{m.url}/minutes/finalise?limit=2", headers=m.coordinator)
    assert r.status_code == 200, r.text
    assert [i["id"] for i in r.json()["items"]] == order[:2]
    rest = client.get(f"{m.url}/minutes", params={"cursor": r.json()["next_cursor"]}, headers=m.coordinator)
    assert [i["id"] for i in rest.json()["items"]] == order[2:]


def test_minutes_cannot_be_finalised_before_the_session_nor_by_a_participant(
    client: TestClient, auth: Token, meeting: Meeting
) -> None:
    alice = meeting.invite(payloads.participant(), acknowledge=True)
    meeting.step("schedule")
    r = client.post(f"{meeting.url}/minutes/finalise", headers=meeting.coordinator)
    assert r.status_code == 409 and r.json()["code"] == "minutes_not_writable"
    meeting.step("start")
    r = client.post(f"{meeting.url}/minutes/finalise", headers=meeting.logins[alice])
    assert r.status_code == 403


# ------------------------------------------------------------------------------------------------ reading


READERS: dict[str, Callable[[Meeting], Headers]] = {
    "coordinator": lambda m: m.coordinator,
    "chair": lambda m: m.chair,
    "acknowledged-participant": lambda m: m.logins["alice"],
    "unacknowledged-participant": lambda m: m.logins["dan"],
    "acknowledged-then-refused": lambda m: m.logins["eva"],
    "coordinator-of-another-org": lambda m: m.auth("coord-9", "coordinator", org="cpas-b"),
    "prosecutor": lambda m: m.auth("pr-bxl", "prosecutor", org="parquet-bxl"),
    "auditor": lambda m: m.auth("dpo-1", "auditor", org="cpas-a"),
}


@pytest.mark.parametrize(
    ("who", "status"),
    [
        ("coordinator", 200),
        ("chair", 200),
        ("acknowledged-participant", 200),
        ("unacknowledged-participant", 403),
        ("acknowledged-then-refused", 403),
        ("coordinator-of-another-org", 404),
        ("prosecutor", 404),
        ("auditor", 404),
    ],
    ids=lambda v: str(v),
)
def test_who_reads_the_minutes_and_every_read_is_audited(
    client: TestClient, auth: Token, connection: Connection, clock: FakeClock, who: str, status: int
) -> None:
    m = open_meeting(client, auth)
    alice = m.invite(payloads.participant(), acknowledge=True)
    dan = m.invite(payloads.participant(subject="sw-dan", display_name="Dan Wouters"))
    eva = m.invite(payloads.participant(subject="sw-eva", display_name="Eva Maes"), acknowledge=True)
    m.answer(eva, "refuse")
    m.logins |= {"alice": m.logins[alice], "dan": m.logins[dan], "eva": m.logins[eva]}
    m.step("schedule", "start")
    m.attend(alice)
    ids = [m.written(payloads.minutes_entry(alice))]
    clock.advance(minutes=1)  # minutes read in the order they were recorded
    ids.append(m.written(payloads.minutes_entry(None, level="content", necessity_justification="Danger actuel.")))
    r = m.read(READERS[who](m))
    assert r.status_code == status, r.text
    events = audit_events(connection, "minutes.read", m.id if status != 404 else None)
    (event,) = events
    if status == 200:
        assert [i["id"] for i in r.json()["items"]] == ids
        assert r.json()["items"][0]["content"] == "La famille a repris contact avec le service."
        assert r.json()["items"][1]["necessity_justification"] == "Danger actuel."
        assert event.outcome == "success"
        assert event.details["entries"] == ids
    else:
        assert "items" not in r.json()
        assert event.outcome == "denied"
        assert event.object_id == m.id


# ------------------------------------------------------------------------------------------------ sealing (R52)


def test_content_and_justification_are_stored_only_as_ciphertext(
    client: TestClient, auth: Token, connection: Connection
) -> None:
    m, alice = in_session(client, auth)
    m.written(
        payloads.minutes_entry(alice, level="content", necessity_justification="JUSTIF-41c9 danger.", content=SECRET)
    )
    (row,) = entry_rows(connection, m.id)
    for column in (row.content_ciphertext, row.necessity_ciphertext):
        assert bytes(column).startswith(FORMAT_FIELD)
    assert tables_containing(connection, SECRET) == []
    assert tables_containing(connection, "JUSTIF-41c9") == []
    assert [i["content"] for i in m.read().json()["items"]] == [SECRET]


def test_r52_narrowing_the_scope_reseals_the_minutes_and_an_old_ciphertext_fails_closed(
    client: TestClient, auth: Token, connection: Connection
) -> None:
    m, alice = in_session(client, auth, offence_scope=["cp_398", "cp_399"])
    entry = m.written(
        payloads.minutes_entry(
            alice, level="content", necessity_justification="Danger actuel.", offence_tags=["cp_398"], content=SECRET
        )
    )
    (before,) = entry_rows(connection, m.id)
    r = m.patch(offence_scope=["cp_398"])
    assert r.status_code == 200, r.text
    (after,) = entry_rows(connection, m.id)
    assert bytes(after.content_ciphertext) != bytes(before.content_ciphertext)
    assert bytes(after.necessity_ciphertext) != bytes(before.necessity_ciphertext)
    read = m.read()
    assert read.status_code == 200, read.text
    assert [(i["content"], i["necessity_justification"]) for i in read.json()["items"]] == [(SECRET, "Danger actuel.")]

    # The ciphertext sealed under the wider scope, copied back, does not open under the concertation's scope.
    connection.execute(
        text("UPDATE minutes_entry SET content_ciphertext = :b WHERE id = :i"),
        {"b": bytes(before.content_ciphertext), "i": db_id(connection, entry)},
    )
    r = m.read()
    assert r.status_code == 500
    assert r.json()["code"] == "integrity_error"
    assert SECRET not in r.text
    last = audit_events(connection, "minutes.read", m.id)[-1]
    assert (last.outcome, last.codes, last.object_id) == ("refused", ["integrity_error"], entry)


def test_r52_a_ciphertext_moved_to_another_entry_fails_closed(
    client: TestClient, auth: Token, connection: Connection
) -> None:
    m, alice = in_session(client, auth)
    first = m.written(payloads.minutes_entry(alice, content="Première note."))
    second = m.written(payloads.minutes_entry(alice, content="Seconde note."))
    connection.execute(
        text(
            "UPDATE minutes_entry SET content_ciphertext = "
            "(SELECT content_ciphertext FROM minutes_entry WHERE id = :a) WHERE id = :b"
        ),
        {"a": db_id(connection, first), "b": db_id(connection, second)},
    )
    r = m.read()
    assert r.status_code == 500 and r.json()["code"] == "integrity_error"
    assert "Première note." not in r.text
