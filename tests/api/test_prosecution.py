"""The prosecution path through HTTP (R49–R54, D7, D13).

A magistrate of the parquet asks to use the minutes for named offences. The request is granted only when every
offence is in the concertation's scope and the use is penal; otherwise it is refused whole (R49), kept, audited and
alerted to the coordinator and the DPO (R54). Nobody else may ask (R50). A granted request discloses only what R53
allows — never a youth-protection report, an entry tagged with another offence, an untagged entry or an entry about
a person the request does not name — and every disclosure is audited with the entry ids (R52). A prosecutor never
reads the minutes directly.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pytest
from fastapi.testclient import TestClient
from httpx import Response
from sqlalchemy import Connection, select

from models.minutes import ProsecutionRequest
from tests.api import payloads
from tests.api.test_minutes import Meeting, audit_events, open_meeting, violations
from tests.conftest import NOW, FakeClock, Token

Body = dict[str, Any]
Headers = dict[str, str]
NON_PENAL = [
    "administrative_sanction",
    "social_fraud_recovery",
    "residence_or_immigration",
    "civil_proceedings",
    "disciplinary_proceedings",
]


@dataclass
class Story:
    """A concertation in session, scope {cp_398, cp_399}, persons P-001 and P-002, with five entries:

    a — tagged cp_398, about P-001 (what a cp_398 request about P-001 may use);
    b — the same, but a youth-protection report (R34: never);
    c — tagged cp_399 (another offence of the scope), about P-001;
    d — untagged, about P-001;
    e — tagged cp_398, about P-002 (a person the request may not name).
    """

    meeting: Meeting
    entries: dict[str, str]
    prosecutor: Headers

    @property
    def url(self) -> str:
        return f"{self.meeting.url}/prosecution-requests"

    def ask(self, headers: Headers | None = None, **changes: Any) -> Response:
        body = payloads.prosecution_request(**changes)
        r: Response = self.meeting.client.post(self.url, json=body, headers=headers or self.prosecutor)
        return r

    def granted(self, **changes: Any) -> str:
        r = self.ask(**changes)
        assert r.status_code == 201, r.text
        assert (r.json()["decision"], r.json()["codes"]) == ("granted", [])
        return str(r.json()["id"])

    def disclosure(self, request_id: str, headers: Headers | None = None) -> Response:
        r: Response = self.meeting.client.get(f"{self.url}/{request_id}/disclosure", headers=headers or self.prosecutor)
        return r


def content(tag: str) -> str:
    return f"Entrée {tag} : l'enfant décrit les coups reçus."


@pytest.fixture
def story(client: TestClient, auth: Token, clock: FakeClock) -> Story:
    m = open_meeting(client, auth, offence_scope=["cp_398", "cp_399"], persons=(payloads.person_concerned("P-002"),))
    alice = m.invite(payloads.participant(), acknowledge=True)
    m.step("schedule", "start")
    m.attend(alice)
    justified = {"level": "content", "necessity_justification": "Le danger pour l'enfant est actuel."}
    shapes: dict[str, Body] = {
        "a": {"offence_tags": ["cp_398"], "about_persons": ["P-001"]},
        "b": {"offence_tags": ["cp_398"], "about_persons": ["P-001"], "entry_type": "youth_protection_report"},
        "c": {"offence_tags": ["cp_399"], "about_persons": ["P-001"]},
        "d": {"offence_tags": [], "about_persons": ["P-001"]},
        "e": {"offence_tags": ["cp_398"], "about_persons": ["P-002"]},
    }
    entries = {}
    for tag, shape in shapes.items():
        clock.advance(minutes=1)
        entries[tag] = m.written(payloads.minutes_entry(alice, content=content(tag), **justified, **shape))
    return Story(m, entries, auth("pr-bxl", "prosecutor", org="parquet-bxl"))


def request_rows(connection: Connection) -> list[Any]:
    t = ProsecutionRequest.__table__  # type: ignore[attr-defined]
    query = select(
        t.c.id, t.c.decision, t.c.codes, t.c.offences, t.c.use, t.c.requester_subject, t.c.decided_at
    ).order_by(t.c.decided_at)
    return list(connection.execute(query).all())


# ------------------------------------------------------------------------------------------------ granted (R53)


def test_in_scope_request_discloses_exactly_the_entry_on_that_offence_and_person(
    story: Story, connection: Connection
) -> None:
    rid = story.granted(offences=["cp_398"], persons_named=["P-001"])
    r = story.disclosure(rid)
    assert r.status_code == 200, r.text
    body = r.json()
    assert [i["id"] for i in body["items"]] == [story.entries["a"]]
    assert [i["content"] for i in body["items"]] == [content("a")]
    assert body["withheld"] == 4
    assert (body["request_id"], body["offences"]) == (rid, ["cp_398"])
    for tag in "bcde":
        assert content(tag) not in r.text and story.entries[tag] not in r.text
    (event,) = audit_events(connection, "prosecution_request.disclosure", story.meeting.id)
    assert (event.outcome, event.object_id, event.actor_subject) == ("success", rid, "pr-bxl")
    assert event.details["entries"] == [story.entries["a"]]
    assert (event.details["withheld"], event.details["offences"]) == (4, ["cp_398"])
    (created,) = audit_events(connection, "prosecution_request.create", story.meeting.id)
    assert (created.outcome, created.codes, created.object_id) == ("success", [], rid)


@pytest.mark.parametrize(
    ("offences", "persons", "disclosed"),
    [
        (["cp_398", "cp_399"], ["P-001"], "ac"),
        (["cp_398"], ["P-001", "P-002"], "ae"),
        (["cp_398", "cp_399"], ["P-001", "P-002"], "ace"),
        (["cp_399"], ["P-002"], ""),
        (["cp_398"], [], ""),
    ],
    ids=["both-offences", "both-persons", "both-offences-and-persons", "other-offence-other-person", "nobody-named"],
)
def test_a_disclosure_never_holds_a_youth_report_an_untagged_entry_or_anything_outside_the_request(
    story: Story, connection: Connection, offences: list[str], persons: list[str], disclosed: str
) -> None:
    rid = story.granted(offences=offences, persons_named=persons)
    r = story.disclosure(rid)
    assert r.status_code == 200, r.text
    assert [i["id"] for i in r.json()["items"]] == [story.entries[t] for t in disclosed]
    assert r.json()["withheld"] == 5 - len(disclosed)
    assert story.entries["b"] not in r.text and story.entries["d"] not in r.text
    (event,) = audit_events(connection, "prosecution_request.disclosure", story.meeting.id)
    assert event.details["entries"] == [story.entries[t] for t in disclosed]


def test_every_disclosure_is_audited(story: Story, connection: Connection) -> None:
    rid = story.granted()
    for _ in range(2):
        assert story.disclosure(rid).status_code == 200
    events = audit_events(connection, "prosecution_request.disclosure", story.meeting.id)
    assert [(e.outcome, e.details["entries"]) for e in events] == [("success", [story.entries["a"]])] * 2


# ------------------------------------------------------------------------------------------------ refused (R49, R54)


REFUSALS: list[tuple[str, list[str], Body, str]] = [
    (
        "partly-out-of-scope",
        ["cp_398", "cp_399"],
        {"offences": ["cp_398", "cp_393"]},
        "offence_outside_concertation_scope",
    ),
    ("wholly-out-of-scope", ["cp_398", "cp_399"], {"offences": ["cp_393"]}, "offence_outside_concertation_scope"),
    ("empty-scope", [], {"offences": ["cp_398"]}, "empty_prosecution_scope"),
    *[(f"non-penal-{use}", ["cp_398"], {"use": use}, "non_penal_use_not_allowed") for use in NON_PENAL],
]


@pytest.mark.parametrize(("scope", "changes", "code"), [r[1:] for r in REFUSALS], ids=[r[0] for r in REFUSALS])
def test_a_request_outside_the_scope_or_for_a_non_penal_use_is_refused_whole_kept_audited_and_alerted(
    client: TestClient, auth: Token, connection: Connection, scope: list[str], changes: Body, code: str
) -> None:
    m = open_meeting(client, auth, offence_scope=scope)
    prosecutor = auth("pr-bxl", "prosecutor", org="parquet-bxl")
    body = payloads.prosecution_request(**changes)
    r = client.post(f"{m.url}/prosecution-requests", json=body, headers=prosecutor)
    assert r.status_code == 422, r.text
    assert r.json()["code"] == code
    assert violations(r) == [("R49", code)]

    (row,) = request_rows(connection)
    assert (row.decision, row.codes, row.offences) == ("refused", [code], body["offences"])
    assert (row.use, row.requester_subject) == (body.get("use", "criminal_prosecution"), "pr-bxl")
    assert row.decided_at.replace(tzinfo=None) == NOW.replace(tzinfo=None)
    (event,) = audit_events(connection, "prosecution_request.create", m.id)
    assert (event.outcome, event.codes, event.object_id) == ("refused", [code], str(row.id))
    assert event.details["alert"] is True

    def alerted(headers: Headers) -> list[tuple[str, list[str]]]:
        a = client.get("/v1/alerts", headers=headers)
        assert a.status_code == 200, a.text
        return [(x["request_id"], x["codes"]) for x in a.json()["items"]]

    expected = [(str(row.id), [code])]
    assert alerted(auth("dpo-1", "auditor", org="apd")) == expected
    assert alerted(m.coordinator) == expected
    assert alerted(auth("coord-9", "coordinator", org="cpas-b")) == []

    d = client.get(f"{m.url}/prosecution-requests/{row.id}/disclosure", headers=prosecutor)
    assert d.status_code == 409 and d.json()["code"] == "prosecution_request_refused"


def test_a_partly_out_of_scope_request_is_never_trimmed(story: Story, connection: Connection) -> None:
    r = story.ask(offences=["cp_398", "cp_393"])
    assert r.status_code == 422
    assert [row.decision for row in request_rows(connection)] == ["refused"]
    assert audit_events(connection, "prosecution_request.disclosure") == []


def test_alerts_are_for_auditors_and_coordinators_only(story: Story, auth: Token) -> None:
    assert story.ask(offences=["cp_393"]).status_code == 422
    for who in (story.prosecutor, story.meeting.logins[next(iter(story.meeting.logins))]):
        assert story.meeting.client.get("/v1/alerts", headers=who).status_code == 403


def test_granted_requests_raise_no_alert(story: Story) -> None:
    story.granted()
    assert story.meeting.client.get("/v1/alerts", headers=story.meeting.coordinator).json()["items"] == []


# ------------------------------------------------------------------------------------------------ who asks (R50)


ASKERS: dict[str, Callable[[Story, Token], Headers]] = {
    "coordinator-of-the-org": lambda s, auth: s.meeting.coordinator,
    "chair": lambda s, auth: s.meeting.chair,
    "acknowledged-participant": lambda s, auth: next(iter(s.meeting.logins.values())),
    "coordinator-of-another-org": lambda s, auth: auth("coord-9", "coordinator", org="cpas-b"),
    "stranger-participant": lambda s, auth: auth("sw-zoe", "participant", org="cpas-a"),
    "auditor": lambda s, auth: auth("dpo-1", "auditor", org="cpas-a"),
}


@pytest.mark.parametrize(
    ("who", "status"),
    [
        ("coordinator-of-the-org", 403),
        ("chair", 403),
        ("acknowledged-participant", 403),
        ("coordinator-of-another-org", 404),
        ("stranger-participant", 404),
        ("auditor", 404),
    ],
    ids=lambda v: str(v),
)
def test_only_a_prosecutor_asks(story: Story, auth: Token, connection: Connection, who: str, status: int) -> None:
    r = story.ask(ASKERS[who](story, auth))
    assert r.status_code == status, r.text
    if status == 403:
        assert r.json()["code"] == "requester_not_prosecutor"
        assert violations(r) == [("R50", "requester_not_prosecutor")]
        (event,) = audit_events(connection, "prosecution_request.create", story.meeting.id)
        assert (event.outcome, event.codes) == ("denied", ["requester_not_prosecutor"])
    else:
        assert r.json()["code"] == "not_found"
        assert "violations" not in r.json() or r.json()["violations"] == []
    assert request_rows(connection) == []


def test_a_request_on_an_unknown_concertation_is_a_miss(client: TestClient, auth: Token) -> None:
    prosecutor = auth("pr-bxl", "prosecutor", org="parquet-bxl")
    r = client.post(
        f"/v1/concertations/{uuid.uuid4()}/prosecution-requests",
        json=payloads.prosecution_request(),
        headers=prosecutor,
    )
    assert r.status_code == 404


# ----------------------------------------------------------------------------------------- what a prosecutor reaches


def test_a_prosecutor_never_reads_the_minutes_directly(story: Story, connection: Connection) -> None:
    story.granted()
    r = story.meeting.read(story.prosecutor)
    assert r.status_code == 404
    assert "items" not in r.json()
    (event,) = audit_events(connection, "minutes.read")
    assert (event.outcome, event.object_id) == ("denied", story.meeting.id)


def test_a_prosecutor_reaches_neither_another_prosecutors_request_nor_its_disclosure(
    story: Story, auth: Token, connection: Connection
) -> None:
    rid = story.granted()
    other = auth("pr-lg", "prosecutor", org="parquet-liege")
    assert story.disclosure(rid, other).status_code == 404
    assert story.meeting.client.get(f"{story.url}/{rid}", headers=other).status_code == 404
    assert story.meeting.client.get(f"{story.url}/{rid}", headers=story.prosecutor).status_code == 200
    assert audit_events(connection, "prosecution_request.disclosure")[-1].outcome == "denied"
    assert [
        e.outcome for e in audit_events(connection, "prosecution_request.disclosure") if e.outcome == "success"
    ] == []


def test_the_coordinator_reads_the_request_but_not_its_disclosure(story: Story) -> None:
    rid = story.granted()
    r = story.meeting.client.get(f"{story.url}/{rid}", headers=story.meeting.coordinator)
    assert r.status_code == 200 and r.json()["decision"] == "granted"
    assert story.disclosure(rid, story.meeting.coordinator).status_code == 404


def test_a_refused_request_discloses_nothing(story: Story, connection: Connection) -> None:
    r = story.ask(offences=["cp_393"])
    assert r.status_code == 422
    (row,) = request_rows(connection)
    d = story.disclosure(str(row.id))
    assert d.status_code == 409
    assert d.json()["code"] == "prosecution_request_refused"
    assert all(story.entries[t] not in d.text for t in "abcde")
    (event,) = audit_events(connection, "prosecution_request.disclosure", story.meeting.id)
    assert (event.outcome, event.codes) == ("refused", ["prosecution_request_refused"])


def test_a_disclosure_of_an_unknown_request_or_of_another_concertation_is_a_miss(
    story: Story, client: TestClient, auth: Token
) -> None:
    rid = story.granted()
    assert story.disclosure(str(uuid.uuid4())).status_code == 404
    other = open_meeting(client, auth)
    r = client.get(f"{other.url}/prosecution-requests/{rid}/disclosure", headers=story.prosecutor)
    assert r.status_code == 404


def test_d13_a_police_officer_of_the_concertation_does_not_open_the_prosecution_path(
    client: TestClient, auth: Token, connection: Connection
) -> None:
    m = open_meeting(client, auth)
    bob = m.invite(payloads.police(), acknowledge=True)
    r = client.post(f"{m.url}/prosecution-requests", json=payloads.prosecution_request(), headers=m.logins[bob])
    assert r.status_code == 403, r.text
    assert violations(r) == [("R50", "requester_not_prosecutor")]
    assert request_rows(connection) == []
