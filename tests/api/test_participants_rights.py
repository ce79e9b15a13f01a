"""Participants' rights (R19, R37–R43, R48) and the person concerned (R22, R25, R28–R32), through HTTP.

Speaking is a faculty: a participant answers the invitation himself, acknowledges the secrecy notice before reading
anything beyond the invitation, may stay silent and leave; his refusal and his silences are known to himself and to
the coordinator or chair only (R40) — another participant, a partner system and a prosecutor learn nothing, not even
indirectly. The person concerned is asked (R31, R32), informed (R28, R29) or, for a child's sake, not yet (R30); a
magistrate of the parquet comes only with the person's prior informed consent in `safeguards` (R22).
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Callable, Iterator
from datetime import datetime, timedelta
from typing import Any, NamedTuple

import pytest
from fastapi.testclient import TestClient
from httpx import Response
from sqlalchemy import Connection, text

from api.settings import Settings
from models.concertation import ConcertationInvitation
from policies.notices import NOTICE_VERSION, secrecy_notice
from tests.api import payloads
from tests.conftest import ISSUER, NOW, FakeClock, Token

PROBLEM = "application/problem+json"
Body = dict[str, Any]
Headers = dict[str, str]
CHAIR = "chair-lambert"
INVITATION_FIELDS = set(ConcertationInvitation.model_fields)
#: R40 — what only the participant himself and the coordinator or chair may ever read.
FLAG_KEYS = {"invitation_status", "answered_at", "secrecy_acknowledged", "silences", "invoked_at", "lifted_at"}
REASON = "Je ne souhaite pas siéger avec la police dans ce dossier."


# ------------------------------------------------------------------------------------------------ fixtures


@pytest.fixture
def coordinator(auth: Token) -> Headers:
    return auth("coord-1", "coordinator", org="cpas-a")


@pytest.fixture
def chair(auth: Token) -> Headers:
    return auth(CHAIR, "participant", org="saj-bxl")


@pytest.fixture
def alice(auth: Token) -> Headers:
    return auth("sw-alice", "participant", org="cpas-a")


@pytest.fixture
def bob(auth: Token) -> Headers:
    return auth("police-bob", "participant", org="zp-bxl")


@pytest.fixture
def basis_id(client: TestClient, coordinator: Headers) -> str:
    r = client.post("/v1/legal-bases", json=payloads.decree(), headers=coordinator)
    assert r.status_code == 201, r.text
    return str(r.json()["id"])


def create(client: TestClient, coordinator: Headers, basis_id: str, **overrides: Any) -> Body:
    """A compliant concertation whose chair logs in as CHAIR."""
    body = payloads.concertation(basis_id, **overrides)
    body["chair"] = {**body["chair"], "issuer": ISSUER, "subject": CHAIR}
    r = client.post("/v1/concertations", json=body, headers=coordinator)
    assert r.status_code == 201, r.text
    return dict(r.json())


@pytest.fixture
def concertation(client: TestClient, coordinator: Headers, basis_id: str) -> Body:
    return create(client, coordinator, basis_id)


@pytest.fixture
def person_id(concertation: Body) -> str:
    return str(concertation["persons_concerned"][0]["id"])


@pytest.fixture
def alice_id(client: TestClient, coordinator: Headers, concertation: Body) -> str:
    return invite(client, coordinator, concertation, payloads.participant())


@pytest.fixture
def bob_id(client: TestClient, coordinator: Headers, concertation: Body, alice_id: str) -> str:
    return invite(client, coordinator, concertation, payloads.police())


# ------------------------------------------------------------------------------------------------ helpers


def url(c: Body, path: str = "") -> str:
    return f"/v1/concertations/{c['id']}{path}"


def of(c: Body, pid: str, path: str = "") -> str:
    return url(c, f"/participants/{pid}{path}")


def invite(client: TestClient, coordinator: Headers, c: Body, body: Body) -> str:
    r = client.post(url(c, "/participants"), json=body, headers=coordinator)
    assert r.status_code == 201, r.text
    return str(r.json()["id"])


def answer(client: TestClient, who: Headers, c: Body, pid: str, value: str, **extra: Any) -> Response:
    r: Response = client.post(of(c, pid, "/response"), json={"answer": value, **extra}, headers=who)
    return r


def acknowledge(client: TestClient, who: Headers, c: Body, pid: str) -> None:
    version = client.get(of(c, pid, "/secrecy-notice"), headers=who).json()["version"]
    r = client.post(of(c, pid, "/secrecy-acknowledgement"), json={"notice_version": version}, headers=who)
    assert r.status_code == 201, r.text


def add_item(client: TestClient, coordinator: Headers, c: Body, title: str = "Situation à l'école") -> str:
    r = client.post(url(c, "/agenda-items"), json={"title": title}, headers=coordinator)
    assert r.status_code == 201, r.text
    return str(r.json()["id"])


def steps(client: TestClient, who: Headers, c: Body, *names: str) -> None:
    for name in names:
        r = client.post(url(c, f"/{name}"), headers=who)
        assert r.status_code == 200, (name, r.text)


def attend(client: TestClient, who: Headers, c: Body, pid: str, event: str) -> Response:
    r: Response = client.post(url(c, "/attendance"), json={"participant_id": pid, "event": event}, headers=who)
    return r


def pairs(problem: Body) -> set[tuple[str | None, str]]:
    return {(v["rule"], v["code"]) for v in problem["violations"]}


def refused_with(r: Response, status: int, code: str, rule: str | None = None, violation: str | None = None) -> Body:
    """A problem with this status and code, naming (rule, violation) — the violation's code is the problem's unless
    the refusal has its own (`not_compliant`)."""
    assert r.status_code == status, r.text
    assert r.headers["content-type"].startswith(PROBLEM)
    problem = dict(r.json())
    assert problem["code"] == code
    if rule is not None:
        assert (rule, violation or code) in pairs(problem), problem["violations"]
    return problem


def at(value: str | None) -> datetime | None:
    return datetime.fromisoformat(value) if value is not None else None


def db_id(connection: Connection, value: str) -> str:
    return value.replace("-", "") if connection.dialect.name == "sqlite" else value


def count(connection: Connection, table: str, concertation_id: str) -> int:
    return int(
        connection.execute(
            text(f"SELECT count(*) FROM {table} WHERE concertation_id = :c"),  # noqa: S608 - table names are ours
            {"c": db_id(connection, concertation_id)},
        ).scalar_one()
    )


def _json(value: Any) -> Any:
    return json.loads(value) if isinstance(value, str) else value


class Event(NamedTuple):
    outcome: str
    subject: str
    object_id: str | None
    codes: list[str]
    details: dict[str, Any]


def audit(connection: Connection, action: str) -> list[Event]:
    rows = connection.execute(
        text(
            "SELECT outcome, actor_subject, object_id, codes, details FROM audit_event WHERE action = :a ORDER BY seq"
        ),
        {"a": action},
    ).all()
    return [Event(r[0], r[1], r[2], _json(r[3]), _json(r[4])) for r in rows]


def participant_row(connection: Connection, pid: str) -> tuple[str, bytes | None]:
    status, blob = connection.execute(
        text("SELECT invitation_status, refusal_reason_ciphertext FROM participant WHERE id = :p"),
        {"p": db_id(connection, pid)},
    ).one()
    return str(status), bytes(blob) if blob is not None else None


def walk(doc: Any) -> Iterator[str]:
    """Every key and every string value of a JSON document."""
    if isinstance(doc, dict):
        for key, value in doc.items():
            yield str(key)
            yield from walk(value)
    elif isinstance(doc, list):
        for value in doc:
            yield from walk(value)
    elif isinstance(doc, str):
        yield doc


def keys(doc: Any) -> Iterator[str]:
    """Every key of a JSON document, at any depth."""
    if isinstance(doc, dict):
        for key, value in doc.items():
            yield str(key)
            yield from keys(value)
    elif isinstance(doc, list):
        for value in doc:
            yield from keys(value)


def assert_no_flag(doc: Any) -> None:
    """R40 — neither a flag field nor a value naming a refusal or a silence."""
    for token in walk(doc):
        assert token not in FLAG_KEYS, token
        assert "refus" not in token.lower() and "silen" not in token.lower(), token


# ------------------------------------------------------------------------------------------------ R39 answers


@pytest.mark.parametrize("value", ["accept", "refuse"], ids=["accept", "refuse_without_reason"])
def test_the_participant_answers_the_invitation_himself(
    client: TestClient,
    alice: Headers,
    concertation: Body,
    alice_id: str,
    connection: Connection,
    clock: FakeClock,
    value: str,
) -> None:
    clock.advance(minutes=7)
    r = answer(client, alice, concertation, alice_id, value)
    assert r.status_code == 200, r.text
    expected = {"accept": "accepted", "refuse": "refused"}[value]
    assert r.json()["invitation_status"] == expected
    assert at(r.json()["answered_at"]) == clock.now
    assert participant_row(connection, alice_id) == (expected, None)
    assert audit(connection, "participant.respond") == [Event("success", "sw-alice", alice_id, [], {})]
    r = client.get(of(concertation, alice_id, "/flags"), headers=alice)
    assert r.json()["invitation_status"] == expected


def test_an_optional_refusal_reason_is_stored_encrypted_and_forgotten_on_acceptance(
    client: TestClient, alice: Headers, concertation: Body, alice_id: str, connection: Connection
) -> None:
    r = answer(client, alice, concertation, alice_id, "refuse", reason=REASON)
    assert r.status_code == 200, r.text
    assert "reason" not in r.json()
    assert REASON not in r.text
    status, blob = participant_row(connection, alice_id)
    assert status == "refused"
    assert blob is not None and len(blob) > len(REASON.encode())
    assert REASON.encode() not in blob
    assert b"police" not in blob
    trail = connection.execute(text("SELECT codes, details FROM audit_event")).all()
    assert "police dans ce dossier" not in repr(trail)

    r = answer(client, alice, concertation, alice_id, "accept")
    assert r.status_code == 200
    assert participant_row(connection, alice_id) == ("accepted", None)


def test_a_new_acceptance_undoes_a_refusal(
    client: TestClient, alice: Headers, concertation: Body, alice_id: str, connection: Connection
) -> None:
    assert answer(client, alice, concertation, alice_id, "refuse").status_code == 200
    assert answer(client, alice, concertation, alice_id, "accept").status_code == 200
    assert participant_row(connection, alice_id)[0] == "accepted"
    assert [e.outcome for e in audit(connection, "participant.respond")] == ["success", "success"]


def test_an_answer_is_refused_once_the_concertation_is_closed(
    client: TestClient,
    coordinator: Headers,
    alice: Headers,
    concertation: Body,
    alice_id: str,
    person_id: str,
    connection: Connection,
) -> None:
    r = client.post(
        url(concertation, "/person-concerned/information"),
        json=payloads.information(person_id, after_session=True),
        headers=coordinator,
    )
    assert r.status_code == 201, r.text
    steps(client, coordinator, concertation, "schedule", "start", "end", "close")
    refused_with(answer(client, alice, concertation, alice_id, "refuse"), 409, "concertation_not_editable")
    assert participant_row(connection, alice_id)[0] == "pending"
    assert [e.outcome for e in audit(connection, "participant.respond")] == ["refused"]


#: The acts only the participant himself performs, and the audit action each records.
ACTS: dict[str, tuple[str, str, Body | None, str]] = {
    "respond": ("POST", "/response", {"answer": "refuse"}, "participant.respond"),
    "read_notice": ("GET", "/secrecy-notice", None, "participant.read_notice"),
    "acknowledge": (
        "POST",
        "/secrecy-acknowledgement",
        {"notice_version": NOTICE_VERSION},
        "participant.acknowledge_secrecy",
    ),
    "invoke_silence": ("POST", "/silence", {}, "participant.silence"),
    "lift_silence": ("DELETE", "/silence/{silence}", None, "participant.lift_silence"),
}
ACTORS = {"coordinator": "coord-1", "chair": CHAIR, "another_participant": "police-bob"}


@pytest.mark.parametrize("who", list(ACTORS), ids=list(ACTORS))
@pytest.mark.parametrize("act", list(ACTS), ids=list(ACTS))
def test_nobody_acts_for_the_participant(
    client: TestClient,
    coordinator: Headers,
    chair: Headers,
    alice: Headers,
    bob: Headers,
    concertation: Body,
    alice_id: str,
    bob_id: str,
    connection: Connection,
    act: str,
    who: str,
) -> None:
    """R38, R39, R19 — the answer, the acknowledgement and the silence are the participant's own acts."""
    r = client.post(of(concertation, alice_id, "/silence"), json={}, headers=alice)
    assert r.status_code == 201, r.text
    silence_id = r.json()["id"]
    headers = {"coordinator": coordinator, "chair": chair, "another_participant": bob}[who]
    method, path, body, action = ACTS[act]
    r = client.request(method, of(concertation, alice_id, path.format(silence=silence_id)), json=body, headers=headers)
    refused_with(r, 403, "not_your_participation")
    assert audit(connection, action)[-1][:3] == ("denied", ACTORS[who], alice_id)

    flags = client.get(of(concertation, alice_id, "/flags"), headers=alice).json()
    assert flags["invitation_status"] == "pending"
    assert flags["secrecy_acknowledged"] is False
    assert [(s["id"], s["lifted_at"]) for s in flags["silences"]] == [(silence_id, None)]


@pytest.mark.parametrize(
    ("headers", "status", "code"),
    [
        (("cms-cpas-a", "partner", "cpas-a"), 403, "forbidden"),
        (("proc-1", "prosecutor", "parquet-bxl"), 404, "not_found"),
        (("coord-b", "coordinator", "cpas-b"), 404, "not_found"),
    ],
    ids=["partner_of_the_same_org", "prosecutor", "coordinator_of_another_org"],
)
def test_outsiders_cannot_answer_for_the_participant(
    client: TestClient,
    auth: Token,
    concertation: Body,
    alice_id: str,
    connection: Connection,
    headers: tuple[str, str, str],
    status: int,
    code: str,
) -> None:
    sub, role, org = headers
    r = answer(client, auth(sub, role, org=org), concertation, alice_id, "refuse")
    refused_with(r, status, code)
    assert participant_row(connection, alice_id)[0] == "pending"
    assert [(e.outcome, e.subject) for e in audit(connection, "participant.respond")] == [("denied", sub)]


# ------------------------------------------------------------------------------------------------ R19, R43, R48


@pytest.mark.parametrize("lang", ["fr", "nl", "en"], ids=["fr", "nl", "en"])
def test_the_secrecy_notice_states_art_458_in_the_participants_language(
    client: TestClient,
    auth: Token,
    concertation: Body,
    alice_id: str,
    settings: Settings,
    lang: str,
) -> None:
    r = client.get(of(concertation, alice_id, "/secrecy-notice"), headers=auth("sw-alice", "participant", lang=lang))
    assert r.status_code == 200, r.text
    notice = r.json()
    assert (notice["version"], notice["language"]) == (NOTICE_VERSION, lang)
    assert "458" in notice["text"]
    expected = secrecy_notice(
        lang, bound_by_secrecy=True, downstream_use_policy=settings.downstream_use_policy, judicial=False
    )
    assert notice["text"] == expected


def test_the_notice_differs_per_language_and_defaults_to_french(
    client: TestClient, auth: Token, alice: Headers, concertation: Body, alice_id: str
) -> None:
    texts = {
        lang: client.get(
            of(concertation, alice_id, "/secrecy-notice"), headers=auth("sw-alice", "participant", lang=lang)
        ).json()["text"]
        for lang in ("fr", "nl", "en")
    }
    assert len(set(texts.values())) == 3
    default = client.get(of(concertation, alice_id, "/secrecy-notice"), headers=alice).json()
    assert (default["language"], default["text"]) == ("fr", texts["fr"])


@pytest.mark.parametrize("lang", ["fr", "nl", "en"], ids=["fr", "nl", "en"])
def test_the_discretion_paragraph_is_for_participants_not_bound_by_secrecy(
    client: TestClient,
    auth: Token,
    coordinator: Headers,
    concertation: Body,
    alice_id: str,
    settings: Settings,
    lang: str,
) -> None:
    """R48 — a teacher is told of his duty of discretion outside the concertation; a social worker is not."""
    teacher_id = invite(
        client,
        coordinator,
        concertation,
        payloads.participant(
            subject="teacher",
            person_ref="teacher-17",
            sector="school",
            function="institutrice",
            bound_by_professional_secrecy=False,
            secrecy_source="none_duty_of_discretion",
            works_with=[],
        ),
    )
    bound = client.get(
        of(concertation, alice_id, "/secrecy-notice"), headers=auth("sw-alice", "participant", lang=lang)
    ).json()["text"]
    unbound = client.get(
        of(concertation, teacher_id, "/secrecy-notice"), headers=auth("teacher", "participant", lang=lang)
    ).json()["text"]
    extra = set(unbound.split("\n\n")) - set(bound.split("\n\n"))
    assert len(extra) == 1
    assert set(bound.split("\n\n")) < set(unbound.split("\n\n"))
    assert "458" in unbound
    policy = settings.downstream_use_policy
    assert unbound == secrecy_notice(lang, bound_by_secrecy=False, downstream_use_policy=policy, judicial=False)


@pytest.mark.parametrize("read", ["fr", "nl", "en"], ids=["fr", "nl", "en"])
def test_the_acknowledgement_stores_the_language_of_the_notice_read(
    client: TestClient, auth: Token, concertation: Body, alice_id: str, connection: Connection, read: str
) -> None:
    """The console shows the notice in the language the participant chose, whatever his browser's Accept-Language:
    the acknowledgement records the language he read (R19, R43), not the negotiated one."""
    alice = auth("sw-alice", "participant", lang="fr" if read != "fr" else "en")
    notice = client.get(
        of(concertation, alice_id, "/secrecy-notice"), headers=auth("sw-alice", "participant", lang=read)
    ).json()
    body = {"notice_version": notice["version"], "language": notice["language"]}
    r = client.post(of(concertation, alice_id, "/secrecy-acknowledgement"), json=body, headers=alice)
    assert r.status_code == 201, r.text
    assert r.json()["language"] == read
    stored = connection.execute(
        text("SELECT language FROM secrecy_acknowledgement WHERE participant_id = :p"),
        {"p": db_id(connection, alice_id)},
    ).all()
    assert stored == [(read,)]


@pytest.mark.parametrize("language", ["de", "FR", "", "nl-BE"], ids=["de", "upper", "empty", "region"])
def test_an_acknowledgement_in_an_unknown_language_is_refused_and_not_stored(
    client: TestClient, alice: Headers, concertation: Body, alice_id: str, connection: Connection, language: str
) -> None:
    body = {"notice_version": NOTICE_VERSION, "language": language}
    r = client.post(of(concertation, alice_id, "/secrecy-acknowledgement"), json=body, headers=alice)
    assert r.status_code == 422, r.text
    assert [v["field"] for v in r.json()["violations"]] == ["language"]
    assert count(connection, "secrecy_acknowledgement", concertation["id"]) == 0


def test_the_notice_is_acknowledged_once_in_its_current_version(
    client: TestClient,
    auth: Token,
    concertation: Body,
    alice_id: str,
    connection: Connection,
    clock: FakeClock,
) -> None:
    alice = auth("sw-alice", "participant", lang="nl")
    ack = of(concertation, alice_id, "/secrecy-acknowledgement")
    problem = refused_with(
        client.post(ack, json={"notice_version": "2020-01-01.1"}, headers=alice), 409, "notice_version_outdated", "R19"
    )
    assert problem["violations"][0]["field"] == "notice_version"
    assert count(connection, "secrecy_acknowledgement", concertation["id"]) == 0

    clock.advance(minutes=3)
    r = client.post(ack, json={"notice_version": NOTICE_VERSION}, headers=alice)
    assert r.status_code == 201, r.text
    body = r.json()
    assert (body["participant_id"], body["notice_version"], body["language"]) == (alice_id, NOTICE_VERSION, "nl")
    assert at(body["acknowledged_at"]) == clock.now

    refused_with(client.post(ack, json={"notice_version": NOTICE_VERSION}, headers=alice), 409, "already_acknowledged")
    assert count(connection, "secrecy_acknowledgement", concertation["id"]) == 1
    assert client.get(of(concertation, alice_id, "/flags"), headers=alice).json()["secrecy_acknowledged"] is True
    events = audit(connection, "participant.acknowledge_secrecy")
    assert [(e.outcome, e.codes) for e in events] == [
        ("refused", ["notice_version_outdated"]),
        ("success", []),
        ("refused", ["already_acknowledged"]),
    ]


def test_the_acknowledgement_and_the_answer_gate_the_content(
    client: TestClient,
    coordinator: Headers,
    alice: Headers,
    concertation: Body,
    alice_id: str,
    bob_id: str,
    connection: Connection,
) -> None:
    """R19 — the invitation only until secrecy is acknowledged; R39 — back to the invitation after a refusal."""
    item_id = add_item(client, coordinator, concertation)
    full = client.get(url(concertation), headers=coordinator).json()

    def sees_invitation_only() -> None:
        r = client.get(url(concertation), headers=alice)
        assert r.status_code == 200, r.text
        assert set(r.json()) == INVITATION_FIELDS
        for path in ("/agenda-items", "/participants"):
            refused_with(client.get(url(concertation, path), headers=alice), 403, "forbidden")
        assert client.get(of(concertation, alice_id), headers=alice).status_code == 200
        assert client.get(of(concertation, bob_id), headers=alice).status_code == 404

    def sees_everything_but_flags() -> None:
        r = client.get(url(concertation), headers=alice)
        assert r.status_code == 200, r.text
        assert r.json() == full
        r = client.get(url(concertation, "/agenda-items"), headers=alice)
        assert r.status_code == 200, r.text
        assert [i["id"] for i in r.json()["items"]] == [item_id]
        r = client.get(url(concertation, "/participants"), headers=alice)
        assert r.status_code == 200, r.text
        assert {p["id"] for p in r.json()["items"]} == {alice_id, bob_id}
        assert_no_flag(r.json())
        r = client.get(of(concertation, bob_id), headers=alice)
        assert r.status_code == 200
        assert_no_flag(r.json())

    sees_invitation_only()
    denied = [e for e in audit(connection, "agenda_item.list") if e.subject == "sw-alice"]
    assert [e.outcome for e in denied] == ["denied"]
    acknowledge(client, alice, concertation, alice_id)
    sees_everything_but_flags()
    assert answer(client, alice, concertation, alice_id, "refuse").status_code == 200
    sees_invitation_only()
    assert answer(client, alice, concertation, alice_id, "accept").status_code == 200
    sees_everything_but_flags()


# ------------------------------------------------------------------------------------------------ R38 silence


def test_silence_for_the_concertation_or_an_item_is_invoked_and_lifted_by_the_participant(
    client: TestClient,
    coordinator: Headers,
    alice: Headers,
    concertation: Body,
    alice_id: str,
    connection: Connection,
    clock: FakeClock,
) -> None:
    item_id = add_item(client, coordinator, concertation)
    whole = client.post(of(concertation, alice_id, "/silence"), json={}, headers=alice)
    assert whole.status_code == 201, whole.text
    assert whole.headers["Location"] == of(concertation, alice_id, f"/silence/{whole.json()['id']}")
    assert (whole.json()["agenda_item_id"], whole.json()["lifted_at"]) == (None, None)
    one = client.post(of(concertation, alice_id, "/silence"), json={"agenda_item_id": item_id}, headers=alice)
    assert one.status_code == 201, one.text
    assert one.json()["agenda_item_id"] == item_id
    assert count(connection, "silence", concertation["id"]) == 2

    clock.advance(minutes=10)
    lift = of(concertation, alice_id, f"/silence/{whole.json()['id']}")
    r = client.delete(lift, headers=alice)
    assert r.status_code == 200, r.text
    assert at(r.json()["lifted_at"]) == clock.now
    refused_with(client.delete(lift, headers=alice), 409, "silence_already_lifted")

    flags = client.get(of(concertation, alice_id, "/flags"), headers=alice).json()
    assert [(s["agenda_item_id"], s["lifted_at"] is None) for s in flags["silences"]] == [
        (None, False),
        (item_id, True),
    ]
    events = [(e.outcome, e.codes) for e in audit(connection, "participant.lift_silence")]
    assert events == [("success", []), ("refused", ["silence_already_lifted"])]


@pytest.mark.parametrize("whose", ["unknown", "another_concertation"], ids=["unknown_id", "item_of_another"])
def test_silence_on_an_agenda_item_the_concertation_does_not_have_is_refused(
    client: TestClient,
    coordinator: Headers,
    alice: Headers,
    basis_id: str,
    concertation: Body,
    alice_id: str,
    connection: Connection,
    whose: str,
) -> None:
    add_item(client, coordinator, concertation)
    item = str(uuid.uuid4())
    if whose == "another_concertation":
        item = add_item(client, coordinator, create(client, coordinator, basis_id))
    r = client.post(of(concertation, alice_id, "/silence"), json={"agenda_item_id": item}, headers=alice)
    problem = refused_with(r, 422, "agenda_item_unknown", "R38")
    assert problem["violations"][0]["field"] == "agenda_item_id"
    assert count(connection, "silence", concertation["id"]) == 0
    assert [(e.outcome, e.codes) for e in audit(connection, "participant.silence")] == [
        ("refused", ["agenda_item_unknown"])
    ]


def test_a_participant_cannot_lift_another_participants_silence(
    client: TestClient,
    alice: Headers,
    bob: Headers,
    concertation: Body,
    alice_id: str,
    bob_id: str,
) -> None:
    r = client.post(of(concertation, bob_id, "/silence"), json={}, headers=bob)
    assert r.status_code == 201
    bobs = r.json()["id"]
    refused_with(client.delete(of(concertation, alice_id, f"/silence/{bobs}"), headers=alice), 404, "not_found")
    refused_with(
        client.delete(of(concertation, bob_id, f"/silence/{bobs}"), headers=alice), 403, "not_your_participation"
    )
    refused_with(client.delete(of(concertation, alice_id, f"/silence/{uuid.uuid4()}"), headers=alice), 404, "not_found")
    flags = client.get(of(concertation, bob_id, "/flags"), headers=bob).json()
    assert [(s["id"], s["lifted_at"]) for s in flags["silences"]] == [(bobs, None)]


# ------------------------------------------------------------------------------------------------ R37 faculty


#: (endpoint, extra field, value, rule, code)
COMPULSION: list[tuple[str, str, Any, str, str]] = [
    ("agenda", "disclosure_required", True, "R37", "disclosure_cannot_be_compelled"),
    ("agenda", "mandatory_information", ["bulletins scolaires"], "R37", "disclosure_cannot_be_compelled"),
    ("agenda", "cooperative", False, "R38", "negative_inference_forbidden"),
    ("agenda", "cooperation_score", 2, "R38", "negative_inference_forbidden"),
    ("invitation", "must_provide", ["rapport social"], "R37", "disclosure_cannot_be_compelled"),
    ("invitation", "non_cooperation", True, "R38", "negative_inference_forbidden"),
    ("answer", "refused_to_answer", True, "R38", "negative_inference_forbidden"),
]


@pytest.mark.parametrize(
    ("endpoint", "name", "value", "rule", "code"),
    COMPULSION,
    ids=[f"{rule}-{endpoint}-{name}" for endpoint, name, _, rule, _ in COMPULSION],
)
def test_no_payload_compels_disclosure_or_records_a_negative_inference(
    client: TestClient,
    coordinator: Headers,
    alice: Headers,
    concertation: Body,
    alice_id: str,
    connection: Connection,
    endpoint: str,
    name: str,
    value: Any,
    rule: str,
    code: str,
) -> None:
    path, body, headers = {
        "agenda": (url(concertation, "/agenda-items"), {"title": "Scolarité"}, coordinator),
        "invitation": (url(concertation, "/participants"), payloads.participant(subject="psy-dan"), coordinator),
        "answer": (of(concertation, alice_id, "/response"), {"answer": "refuse"}, alice),
    }[endpoint]
    r = client.post(path, json={**body, name: value}, headers=headers)
    problem = refused_with(r, 422, code, rule)
    assert problem["violations"][0]["field"] == name
    assert count(connection, "agenda_item", concertation["id"]) == 0
    assert count(connection, "participant", concertation["id"]) == 1
    assert participant_row(connection, alice_id)[0] == "pending"
    [event] = audit(connection, "request.refused")
    assert (event.outcome, event.codes, event.details["rules"]) == ("refused", [code], [rule])


# ------------------------------------------------------------------------------------------------ R42 attendance


@pytest.mark.parametrize(
    "path",
    [(), ("schedule",), ("schedule", "start", "end"), ("cancel",)],
    ids=["draft", "scheduled", "held", "cancelled"],
)
def test_attendance_is_recorded_only_in_session(
    client: TestClient,
    coordinator: Headers,
    chair: Headers,
    alice: Headers,
    concertation: Body,
    alice_id: str,
    connection: Connection,
    path: tuple[str, ...],
) -> None:
    assert answer(client, alice, concertation, alice_id, "accept").status_code == 200
    steps(client, coordinator, concertation, *path)
    for event in ("joined", "left"):
        problem = refused_with(attend(client, chair, concertation, alice_id, event), 409, "not_in_session")
        assert problem["violations"][0]["code"] == "not_in_session"
    assert count(connection, "attendance", concertation["id"]) == 0
    assert [(e.outcome, e.subject, e.codes) for e in audit(connection, "attendance.record")] == [
        ("refused", CHAIR, ["not_in_session"]),
        ("refused", CHAIR, ["not_in_session"]),
    ]


def test_a_participant_joins_and_leaves_when_he_wants(
    client: TestClient,
    coordinator: Headers,
    chair: Headers,
    alice: Headers,
    bob: Headers,
    concertation: Body,
    alice_id: str,
    bob_id: str,
    connection: Connection,
    clock: FakeClock,
) -> None:
    for who, pid in ((alice, alice_id), (bob, bob_id)):
        assert answer(client, who, concertation, pid, "accept").status_code == 200
    steps(client, coordinator, concertation, "schedule", "start")

    r = attend(client, chair, concertation, alice_id, "joined")
    assert r.status_code == 201, r.text
    assert (r.json()["participant_id"], at(r.json()["joined_at"]), r.json()["left_at"]) == (alice_id, clock.now, None)
    refused_with(attend(client, chair, concertation, alice_id, "joined"), 409, "already_present")
    refused_with(attend(client, coordinator, concertation, bob_id, "left"), 409, "not_present")

    clock.advance(minutes=20)
    r = attend(client, chair, concertation, alice_id, "left")
    assert r.status_code == 201, r.text
    assert (at(r.json()["joined_at"]), at(r.json()["left_at"])) == (NOW, clock.now)
    refused_with(attend(client, chair, concertation, alice_id, "left"), 409, "not_present")
    r = attend(client, chair, concertation, alice_id, "joined")
    assert r.status_code == 201
    assert count(connection, "attendance", concertation["id"]) == 2

    refused_with(attend(client, alice, concertation, bob_id, "joined"), 403, "forbidden")
    refused_with(attend(client, coordinator, concertation, str(uuid.uuid4()), "joined"), 404, "not_found")
    outcomes = [(e.outcome, e.codes) for e in audit(connection, "attendance.record")]
    assert outcomes == [
        ("success", []),
        ("refused", ["already_present"]),
        ("refused", ["not_present"]),
        ("success", []),
        ("refused", ["not_present"]),
        ("success", []),
        ("denied", []),
    ]


def test_a_refused_participant_is_never_marked_present_until_he_accepts_again(
    client: TestClient,
    coordinator: Headers,
    chair: Headers,
    alice: Headers,
    concertation: Body,
    alice_id: str,
    connection: Connection,
) -> None:
    """R39 — the meeting goes on without him; a new acceptance undoes the refusal."""
    assert answer(client, alice, concertation, alice_id, "refuse").status_code == 200
    steps(client, coordinator, concertation, "schedule", "start")
    problem = refused_with(attend(client, chair, concertation, alice_id, "joined"), 409, "participant_refused", "R39")
    assert problem["violations"][0]["field"] == "participant_id"
    assert count(connection, "attendance", concertation["id"]) == 0
    assert [(e.outcome, e.codes) for e in audit(connection, "attendance.record")] == [
        ("refused", ["participant_refused"])
    ]

    assert answer(client, alice, concertation, alice_id, "accept").status_code == 200
    assert attend(client, chair, concertation, alice_id, "joined").status_code == 201


# ------------------------------------------------------------------------------------------------ R40 visibility


def _refuse_and_keep_silent(client: TestClient, coordinator: Headers, alice: Headers, c: Body, alice_id: str) -> None:
    item_id = add_item(client, coordinator, c, "Santé de l'enfant")
    assert client.post(of(c, alice_id, "/silence"), json={}, headers=alice).status_code == 201
    assert client.post(of(c, alice_id, "/silence"), json={"agenda_item_id": item_id}, headers=alice).status_code == 201
    assert answer(client, alice, c, alice_id, "refuse", reason=REASON).status_code == 200


@pytest.mark.parametrize("who", ["himself", "coordinator", "chair"], ids=["himself", "coordinator", "chair"])
def test_the_participant_and_the_managers_read_his_flags(
    client: TestClient,
    coordinator: Headers,
    chair: Headers,
    alice: Headers,
    concertation: Body,
    alice_id: str,
    connection: Connection,
    who: str,
) -> None:
    acknowledge(client, alice, concertation, alice_id)
    _refuse_and_keep_silent(client, coordinator, alice, concertation, alice_id)
    headers = {"himself": alice, "coordinator": coordinator, "chair": chair}[who]
    r = client.get(of(concertation, alice_id, "/flags"), headers=headers)
    assert r.status_code == 200, r.text
    flags = r.json()
    assert (flags["participant_id"], flags["invitation_status"], flags["secrecy_acknowledged"]) == (
        alice_id,
        "refused",
        True,
    )
    assert len(flags["silences"]) == 2
    assert REASON not in r.text


#: (caller, status, code) — R40: refusal and silence are never disclosed to them; R27: nor the concertation.
NOT_DISCLOSED: dict[str, tuple[tuple[str, str, str], int, str]] = {
    "another_participant": (("police-bob", "participant", "zp-bxl"), 403, "flag_not_disclosable"),
    "another_invitee_before_acknowledging": (("psy-dan", "participant", "sante-bxl"), 403, "flag_not_disclosable"),
    "partner_of_the_same_org": (("cms-cpas-a", "partner", "cpas-a"), 403, "flag_not_disclosable"),
    "prosecutor": (("proc-1", "prosecutor", "parquet-bxl"), 404, "not_found"),
    "coordinator_of_another_org": (("coord-b", "coordinator", "cpas-b"), 404, "not_found"),
}


@pytest.mark.parametrize("who", list(NOT_DISCLOSED), ids=list(NOT_DISCLOSED))
def test_nobody_else_reads_a_refusal_or_a_silence_flag(
    client: TestClient,
    auth: Token,
    coordinator: Headers,
    alice: Headers,
    bob: Headers,
    concertation: Body,
    alice_id: str,
    bob_id: str,
    connection: Connection,
    who: str,
) -> None:
    invite(
        client,
        coordinator,
        concertation,
        payloads.participant(subject="psy-dan", sector="health", function="psychologue", secrecy_source="art_458_cp"),
    )
    acknowledge(client, bob, concertation, bob_id)
    _refuse_and_keep_silent(client, coordinator, alice, concertation, alice_id)
    (sub, role, org), status, code = NOT_DISCLOSED[who]
    r = client.get(of(concertation, alice_id, "/flags"), headers=auth(sub, role, org=org))
    problem = refused_with(r, status, code, "R40" if status == 403 else None)
    assert not FLAG_KEYS & set(keys(problem))
    [event] = [e for e in audit(connection, "participant.read_flags") if e.subject == sub]
    assert event.outcome == "denied"
    if status == 403:
        assert (event.object_id, event.codes) == (alice_id, ["flag_not_disclosable"])


#: The callers whose every read must stay the same whatever a participant answers or keeps silent about.
OTHERS = {k: NOT_DISCLOSED[k][0] for k in ("another_participant", "partner_of_the_same_org", "prosecutor")}


@pytest.mark.parametrize("who", list(OTHERS), ids=list(OTHERS))
def test_nothing_else_they_read_betrays_a_refusal_or_a_silence(
    client: TestClient,
    auth: Token,
    coordinator: Headers,
    alice: Headers,
    bob: Headers,
    concertation: Body,
    alice_id: str,
    bob_id: str,
    who: str,
) -> None:
    """R40 — the concertation, the participant list, each profile, the compliance report and the agenda read the
    same before and after a refusal and two silences: no flag, and no trace of one (not even a changed version)."""
    sub, role, org = OTHERS[who]
    headers = auth(sub, role, org=org)
    acknowledge(client, bob, concertation, bob_id)
    acknowledge(client, alice, concertation, alice_id)
    paths = [
        url(concertation),
        url(concertation, "/participants"),
        of(concertation, alice_id),
        of(concertation, bob_id),
        url(concertation, "/compliance"),
        url(concertation, "/agenda-items"),
        "/v1/concertations",
    ]

    def read() -> list[tuple[int, str | None, Any]]:
        out = []
        for path in paths:
            r = client.get(path, headers=headers)
            body = r.json()
            if r.status_code == 200:
                assert_no_flag(body)
            else:
                assert body["code"] in ("forbidden", "not_found"), (path, body)
                body = {"code": body["code"], "violations": body["violations"]}
            out.append((r.status_code, r.headers.get("ETag"), body))
        return out

    add_item(client, coordinator, concertation, "Santé de l'enfant")
    before = read()
    item_id = client.get(url(concertation, "/agenda-items"), headers=coordinator).json()["items"][0]["id"]
    assert client.post(of(concertation, alice_id, "/silence"), json={}, headers=alice).status_code == 201
    r = client.post(of(concertation, alice_id, "/silence"), json={"agenda_item_id": item_id}, headers=alice)
    assert r.status_code == 201, r.text
    assert answer(client, alice, concertation, alice_id, "refuse", reason=REASON).status_code == 200
    after = read()
    assert after == before
    if who == "another_participant":
        assert [s for s, _, _ in after] == [200] * len(paths[:4]) + [403, 200, 200]


def test_the_audit_trail_records_that_a_participant_acted_not_what(
    client: TestClient,
    alice: Headers,
    bob: Headers,
    concertation: Body,
    alice_id: str,
    bob_id: str,
    connection: Connection,
) -> None:
    """R40, R109 — an acceptance and a refusal leave the same kind of event; a silence does not say it is one."""
    assert answer(client, alice, concertation, alice_id, "accept").status_code == 200
    assert answer(client, bob, concertation, bob_id, "refuse", reason=REASON).status_code == 200
    r = client.post(of(concertation, bob_id, "/silence"), json={}, headers=bob)
    assert client.delete(of(concertation, bob_id, f"/silence/{r.json()['id']}"), headers=bob).status_code == 200
    responds = audit(connection, "participant.respond")
    assert [(e.subject, e.object_id) for e in responds] == [("sw-alice", alice_id), ("police-bob", bob_id)]
    assert {(e.outcome, json.dumps(e.codes), json.dumps(e.details)) for e in responds} == {("success", "[]", "{}")}
    for action in ("participant.respond", "participant.silence", "participant.lift_silence"):
        for event in audit(connection, action):
            trace = json.dumps([event.codes, event.details]).lower()
            assert "refus" not in trace and "accept" not in trace and "silen" not in trace, (action, trace)
    assert "police dans ce dossier" not in repr(
        connection.execute(text("SELECT codes, details FROM audit_event")).all()
    )


# ------------------------------------------------------------------------------------------------ R31, R32 consents


BAD_CONSENTS: list[tuple[Body, str, str]] = [
    ({"scope": "concertation", "status": "refused"}, "R31", "no_consent_motivation_required"),
    ({"scope": "concertation", "status": "not_asked"}, "R31", "no_consent_motivation_required"),
    ({"scope": "concertation", "status": "not_asked", "motivation": "   "}, "R31", "no_consent_motivation_required"),
    ({"scope": "concertation", "status": "impossible"}, "R31", "no_consent_motivation_required"),
    ({"information_items": ["purpose", "right_to_refuse"]}, "R32", "consent_not_informed"),
    ({"information_items": []}, "R32", "consent_not_informed"),
]


@pytest.mark.parametrize(
    ("overrides", "rule", "code"),
    BAD_CONSENTS,
    ids=[
        "R31-refused_unmotivated",
        "R31-not_asked_unmotivated",
        "R31-not_asked_blank_motivation",
        "R31-impossible_unmotivated",
        "R32-prosecutor_presence_partly_informed",
        "R32-prosecutor_presence_uninformed",
    ],
)
def test_a_consent_record_is_motivated_or_informed(
    client: TestClient,
    coordinator: Headers,
    concertation: Body,
    person_id: str,
    connection: Connection,
    overrides: Body,
    rule: str,
    code: str,
) -> None:
    r = client.post(
        url(concertation, "/person-concerned/consents"),
        json=payloads.consent(person_id, **overrides),
        headers=coordinator,
    )
    refused_with(r, 422, code, rule)
    assert count(connection, "consent_record", concertation["id"]) == 0
    assert [(e.outcome, e.codes, e.details["rules"]) for e in audit(connection, "consent.create")] == [
        ("refused", [code], [rule])
    ]


def test_a_refused_consent_is_recorded_at_the_servers_time_with_its_motivation_encrypted(
    client: TestClient, coordinator: Headers, concertation: Body, person_id: str, connection: Connection
) -> None:
    motivation = "Mesures pénales déjà en cours contre le père."
    body = payloads.consent(
        person_id, scope="concertation", status="refused", motivation=motivation, given_at="2026-10-01T10:00:00+02:00"
    )
    r = client.post(url(concertation, "/person-concerned/consents"), json=body, headers=coordinator)
    assert r.status_code == 201, r.text
    consent = r.json()
    assert r.headers["Location"] == url(concertation, f"/person-concerned/consents/{consent['id']}")
    assert (consent["status"], consent["scope"], consent["withdrawn_at"]) == ("refused", "concertation", None)
    assert at(consent["recorded_at"]) == NOW
    assert motivation not in r.text
    blob = connection.execute(
        text("SELECT motivation_ciphertext FROM consent_record WHERE id = :i"), {"i": db_id(connection, consent["id"])}
    ).scalar_one()
    assert blob is not None
    assert motivation.encode() not in bytes(blob)
    [event] = audit(connection, "consent.create")
    assert event.details == {"scope": "concertation", "status": "refused"}
    assert "Mesures" not in repr(connection.execute(text("SELECT codes, details FROM audit_event")).all())


def test_a_consent_is_withdrawn_once(
    client: TestClient,
    coordinator: Headers,
    concertation: Body,
    person_id: str,
    connection: Connection,
    clock: FakeClock,
) -> None:
    r = client.post(
        url(concertation, "/person-concerned/consents"), json=payloads.consent(person_id), headers=coordinator
    )
    assert r.status_code == 201, r.text
    withdraw = url(concertation, f"/person-concerned/consents/{r.json()['id']}/withdraw")
    clock.advance(hours=1)
    r = client.post(withdraw, headers=coordinator)
    assert r.status_code == 200, r.text
    assert at(r.json()["withdrawn_at"]) == clock.now
    refused_with(client.post(withdraw, headers=coordinator), 409, "consent_already_withdrawn")
    unknown = url(concertation, f"/person-concerned/consents/{uuid.uuid4()}/withdraw")
    refused_with(client.post(unknown, headers=coordinator), 404, "not_found")
    assert [(e.outcome, e.codes) for e in audit(connection, "consent.withdraw")] == [
        ("success", []),
        ("refused", ["consent_already_withdrawn"]),
    ]


PERSON_RECORDS: dict[str, tuple[str, Callable[[str], Body], str, str]] = {
    "consent": ("/person-concerned/consents", payloads.consent, "consent_record", "consent.create"),
    "information": (
        "/person-concerned/information",
        lambda pid: payloads.information(pid, after_session=True),
        "information_record",
        "information.create",
    ),
    "information_exception": (
        "/person-concerned/information-exception",
        payloads.information_exception,
        "information_exception",
        "information_exception.create",
    ),
}


@pytest.mark.parametrize("record", list(PERSON_RECORDS), ids=list(PERSON_RECORDS))
def test_a_record_about_an_unknown_person_is_refused(
    client: TestClient, coordinator: Headers, basis_id: str, concertation: Body, connection: Connection, record: str
) -> None:
    path, build, table, action = PERSON_RECORDS[record]
    elsewhere = create(client, coordinator, basis_id)["persons_concerned"][0]["id"]
    for person in (str(uuid.uuid4()), elsewhere):
        r = client.post(url(concertation, path), json=build(person), headers=coordinator)
        problem = refused_with(r, 422, "person_unknown", "R26")
        assert problem["violations"][0]["field"] == "person_id"
    assert count(connection, table, concertation["id"]) == 0
    assert [(e.outcome, e.codes) for e in audit(connection, action)] == [("refused", ["person_unknown"])] * 2


@pytest.mark.parametrize("record", list(PERSON_RECORDS), ids=list(PERSON_RECORDS))
def test_only_the_managers_record_what_concerns_the_person(
    client: TestClient,
    auth: Token,
    alice: Headers,
    concertation: Body,
    alice_id: str,
    person_id: str,
    connection: Connection,
    record: str,
) -> None:
    path, build, table, action = PERSON_RECORDS[record]
    acknowledge(client, alice, concertation, alice_id)
    for headers, status, code in (
        (alice, 403, "forbidden"),
        (auth("cms-cpas-a", "partner", org="cpas-a"), 403, "forbidden"),
        (auth("coord-b", "coordinator", org="cpas-b"), 404, "not_found"),
        (auth("proc-1", "prosecutor", org="parquet-bxl"), 404, "not_found"),
    ):
        refused_with(client.post(url(concertation, path), json=build(person_id), headers=headers), status, code)
    assert count(connection, table, concertation["id"]) == 0
    assert [e.outcome for e in audit(connection, action)] == ["denied"] * 4


# ------------------------------------------------------------------------------------------------ R22 prosecutor


NO_VALID_CONSENT: dict[str, Body | None] = {
    "no_consent": None,
    "consent_refused": {"status": "refused", "motivation": "La mère refuse la présence du parquet."},
    "consent_to_the_concertation_only": {"scope": "concertation"},
    "consent_withdrawn": {},
}


@pytest.mark.parametrize("consent", list(NO_VALID_CONSENT), ids=list(NO_VALID_CONSENT))
def test_a_substitute_needs_the_persons_prior_informed_consent_in_safeguards(
    client: TestClient,
    coordinator: Headers,
    concertation: Body,
    person_id: str,
    connection: Connection,
    clock: FakeClock,
    consent: str,
) -> None:
    overrides = NO_VALID_CONSENT[consent]
    if overrides is not None:
        r = client.post(
            url(concertation, "/person-concerned/consents"),
            json=payloads.consent(person_id, **overrides),
            headers=coordinator,
        )
        assert r.status_code == 201, r.text
        if consent == "consent_withdrawn":
            withdraw = url(concertation, f"/person-concerned/consents/{r.json()['id']}/withdraw")
            assert client.post(withdraw, headers=coordinator).status_code == 200
    clock.advance(minutes=5)
    r = client.post(url(concertation, "/participants"), json=payloads.substitute(), headers=coordinator)
    problem = refused_with(r, 422, "prosecutor_presence_no_consent", "R22")
    assert problem["violations"][0]["field"] == "participant.magistrate_function"
    assert count(connection, "participant", concertation["id"]) == 0
    assert [(e.outcome, e.codes) for e in audit(connection, "participant.create")] == [
        ("refused", ["prosecutor_presence_no_consent"])
    ]


def r22(client: TestClient, coordinator: Headers, c: Body) -> list[tuple[str, str]]:
    report = client.get(url(c, "/compliance"), headers=coordinator).json()
    return [(x["status"], x["code"]) for x in report["checks"] if x["rule"] == "R22"]


def test_with_a_prior_consent_the_substitute_is_invited_and_a_withdrawal_stops_the_next_step(
    client: TestClient,
    coordinator: Headers,
    concertation: Body,
    person_id: str,
    clock: FakeClock,
) -> None:
    r = client.post(
        url(concertation, "/person-concerned/consents"), json=payloads.consent(person_id), headers=coordinator
    )
    assert r.status_code == 201, r.text
    consent_id = r.json()["id"]
    clock.advance(minutes=5)
    invite(client, coordinator, concertation, payloads.substitute())
    assert r22(client, coordinator, concertation) == [("pass", "prosecutor_presence_consented")]

    clock.advance(minutes=5)
    withdraw = url(concertation, f"/person-concerned/consents/{consent_id}/withdraw")
    assert client.post(withdraw, headers=coordinator).status_code == 200
    assert r22(client, coordinator, concertation) == [("fail", "prosecutor_presence_no_consent")]
    refused_with(
        client.post(url(concertation, "/schedule"), headers=coordinator),
        409,
        "not_compliant",
        "R22",
        "prosecutor_presence_no_consent",
    )
    assert client.get(url(concertation), headers=coordinator).json()["state"] == "draft"


def test_legal_minimum_accepts_the_substitute_with_a_warning(
    client: TestClient, coordinator: Headers, basis_id: str, connection: Connection
) -> None:
    c = create(client, coordinator, basis_id, policy_profile="legal_minimum")
    invite(client, coordinator, c, payloads.substitute())
    assert count(connection, "participant", c["id"]) == 1
    assert r22(client, coordinator, c) == [("warn", "prosecutor_presence_no_consent")]
    assert client.get(url(c, "/compliance"), headers=coordinator).json()["compliant"] is True
    steps(client, coordinator, c, "schedule")


# ------------------------------------------------------------------------------------------------ R25 mandate


MANDATED = {"under_mandate": True, "mandating_authority": "Tribunal de la jeunesse de Bruxelles", "subject": "sw-eve"}


@pytest.mark.parametrize(
    ("profile", "informed", "status", "r25"),
    [
        ("safeguards", None, 422, None),
        ("safeguards", False, 422, None),
        ("safeguards", True, 201, ("pass", "participants_authorised")),
        ("legal_minimum", None, 201, ("warn", "mandate_not_disclosed")),
    ],
    ids=["safeguards-not_said", "safeguards-not_informed", "safeguards-informed", "legal_minimum-warns"],
)
def test_a_participant_under_mandate_has_told_the_person(
    client: TestClient,
    coordinator: Headers,
    basis_id: str,
    connection: Connection,
    profile: str,
    informed: bool | None,
    status: int,
    r25: tuple[str, str] | None,
) -> None:
    c = create(client, coordinator, basis_id, policy_profile=profile)
    body = payloads.participant(**MANDATED, person_informed_of_mandate=informed)
    r = client.post(url(c, "/participants"), json=body, headers=coordinator)
    assert r.status_code == status, r.text
    if status == 422:
        problem = refused_with(r, 422, "mandate_not_disclosed", "R25")
        assert problem["violations"][0]["field"] == "participant.person_informed_of_mandate"
        assert count(connection, "participant", c["id"]) == 0
        assert [e.outcome for e in audit(connection, "participant.create")] == ["refused"]
    else:
        report = client.get(url(c, "/compliance"), headers=coordinator).json()
        assert [(x["status"], x["code"]) for x in report["checks"] if x["rule"] == "R25"] == [r25]


# ------------------------------------------------------------------------------------------------ R28–R30, D11


def held(client: TestClient, coordinator: Headers, c: Body) -> None:
    steps(client, coordinator, c, "schedule", "start", "end")


@pytest.mark.parametrize("before", [False, True], ids=["no_record", "record_of_the_session_only"])
def test_closing_without_informing_the_person_is_refused(
    client: TestClient,
    coordinator: Headers,
    concertation: Body,
    person_id: str,
    connection: Connection,
    before: bool,
) -> None:
    if before:
        r = client.post(
            url(concertation, "/person-concerned/information"),
            json=payloads.information(person_id),
            headers=coordinator,
        )
        assert r.status_code == 201, r.text
    report = client.get(url(concertation, "/compliance"), headers=coordinator).json()
    assert [(x["status"], x["code"]) for x in report["checks"] if x["rule"] == "R28"] == [
        ("warn", "person_not_informed")
    ]
    held(client, coordinator, concertation)
    r = client.post(url(concertation, "/close"), headers=coordinator)
    refused_with(r, 409, "not_compliant", "R28", "person_not_informed")
    assert client.get(url(concertation), headers=coordinator).json()["state"] == "held"
    [event] = audit(connection, "concertation.close")
    assert event.outcome == "refused" and "person_not_informed" in event.codes and "R28" in event.details["rules"]


def test_a_complete_information_record_allows_closing(
    client: TestClient, coordinator: Headers, concertation: Body, person_id: str, clock: FakeClock
) -> None:
    held(client, coordinator, concertation)
    clock.advance(days=2)
    r = client.post(
        url(concertation, "/person-concerned/information"),
        json=payloads.information(person_id, after_session=True),
        headers=coordinator,
    )
    assert r.status_code == 201, r.text
    assert sorted(r.json()["items"]) == ["concertation_held", "participants", "what_was_decided", "what_was_shared"]
    assert at(r.json()["recorded_at"]) == clock.now
    r = client.post(url(concertation, "/close"), headers=coordinator)
    assert r.status_code == 200, r.text
    assert r.json()["state"] == "closed"


@pytest.mark.parametrize(
    "items",
    [
        ["concertation_held", "what_was_shared", "what_was_decided"],
        ["participants"],
        [],
    ],
    ids=["without_participants", "without_concertation_held", "nothing"],
)
def test_an_incomplete_information_record_is_refused(
    client: TestClient,
    coordinator: Headers,
    concertation: Body,
    person_id: str,
    connection: Connection,
    items: list[str],
) -> None:
    body = {**payloads.information(person_id), "items": items}
    r = client.post(url(concertation, "/person-concerned/information"), json=body, headers=coordinator)
    problem = refused_with(r, 422, "information_incomplete", "R29")
    assert problem["violations"][0]["field"] == "items"
    assert count(connection, "information_record", concertation["id"]) == 0
    assert [(e.outcome, e.codes) for e in audit(connection, "information.create")] == [
        ("refused", ["information_incomplete"])
    ]


BAD_EXCEPTIONS: dict[str, Body] = {
    "reason_investigation": {"reason": "investigation"},
    "reason_convenience": {"reason": "convenience"},
    "no_reason": {"reason": None},
    "no_motivation": {"motivation": None},
    "blank_motivation": {"motivation": "  "},
    "no_decider": {"decided_by": None},
    "no_review_date": {"review_at": None},
    "review_today": {"review_at": NOW.date().isoformat()},
    "review_past": {"review_at": (NOW - timedelta(days=30)).date().isoformat()},
}


@pytest.mark.parametrize("case", list(BAD_EXCEPTIONS), ids=list(BAD_EXCEPTIONS))
def test_an_exception_to_informing_the_person_is_strictly_limited(
    client: TestClient,
    coordinator: Headers,
    concertation: Body,
    person_id: str,
    connection: Connection,
    case: str,
) -> None:
    body = payloads.information_exception(person_id, **BAD_EXCEPTIONS[case])
    r = client.post(url(concertation, "/person-concerned/information-exception"), json=body, headers=coordinator)
    problem = refused_with(r, 422, "information_exception_invalid", "R30")
    assert {v["rule"] for v in problem["violations"]} == {"R30"}
    assert count(connection, "information_exception", concertation["id"]) == 0
    events = audit(connection, "information_exception.create") + audit(connection, "request.refused")
    assert [(e.outcome, e.codes) for e in events] == [("refused", ["information_exception_invalid"])]


def test_a_valid_exception_allows_closing_and_keeps_its_motivation_encrypted(
    client: TestClient, coordinator: Headers, concertation: Body, person_id: str, connection: Connection
) -> None:
    body = payloads.information_exception(person_id)
    r = client.post(url(concertation, "/person-concerned/information-exception"), json=body, headers=coordinator)
    assert r.status_code == 201, r.text
    assert (r.json()["reason"], r.json()["review_at"]) == ("child_safety_endangered", "2026-12-22")
    assert body["motivation"] not in r.text
    blob = connection.execute(
        text("SELECT motivation_ciphertext FROM information_exception WHERE id = :i"),
        {"i": db_id(connection, r.json()["id"])},
    ).scalar_one()
    assert body["motivation"].encode() not in bytes(blob)
    [event] = audit(connection, "information_exception.create")
    assert event.details == {"reason": "child_safety_endangered"}
    held(client, coordinator, concertation)
    r = client.post(url(concertation, "/close"), headers=coordinator)
    assert r.status_code == 200, r.text


def test_an_exception_past_its_review_date_blocks_closing(
    client: TestClient,
    coordinator: Headers,
    concertation: Body,
    person_id: str,
    connection: Connection,
    clock: FakeClock,
) -> None:
    body = payloads.information_exception(person_id, review_at="2026-11-25")
    r = client.post(url(concertation, "/person-concerned/information-exception"), json=body, headers=coordinator)
    assert r.status_code == 201, r.text
    held(client, coordinator, concertation)
    clock.advance(days=3)  # 25 November: the review date itself still counts
    report = client.get(url(concertation, "/compliance"), headers=coordinator).json()
    assert [x["status"] for x in report["checks"] if x["rule"] in ("R28", "R30")] == ["pass", "pass"]
    clock.advance(days=1)
    r = client.post(url(concertation, "/close"), headers=coordinator)
    problem = refused_with(r, 409, "not_compliant", "R30", "information_exception_expired")
    assert "R28" not in {v["rule"] for v in problem["violations"]}
    assert client.get(url(concertation), headers=coordinator).json()["state"] == "held"
    assert [e.outcome for e in audit(connection, "concertation.close")] == ["refused"]

    r = client.post(
        url(concertation, "/person-concerned/information"),
        json=payloads.information(person_id, after_session=True),
        headers=coordinator,
    )
    assert r.status_code == 201
    assert client.post(url(concertation, "/close"), headers=coordinator).status_code == 200


# --- follow-ups: Location headers, the pending invitee, R22 audited in legal_minimum, no id oracle on flags ---------


def test_every_create_has_a_location_that_answers(
    client: TestClient, coordinator: Headers, alice: Headers, concertation: Body, person_id: str, alice_id: str
) -> None:
    acknowledge(client, alice, concertation, alice_id)
    answer(client, alice, concertation, alice_id, "accept")
    created = [
        client.post(
            url(concertation, "/person-concerned/information"),
            json=payloads.information(person_id),
            headers=coordinator,
        ),
        client.post(
            url(concertation, "/person-concerned/information-exception"),
            json=payloads.information_exception(person_id),
            headers=coordinator,
        ),
        client.post(
            url(concertation, "/person-concerned/consents"), json=payloads.consent(person_id), headers=coordinator
        ),
    ]
    steps(client, coordinator, concertation, "schedule", "start")
    created.append(attend(client, coordinator, concertation, alice_id, "joined"))
    for r in created:
        assert r.status_code == 201, r.text
        got = client.get(r.headers["Location"], headers=coordinator)
        assert got.status_code == 200, r.headers["Location"]
        assert got.json()["id"] == r.json()["id"]


def test_an_invitee_who_has_not_answered_is_not_marked_present(
    client: TestClient, coordinator: Headers, concertation: Body, alice_id: str
) -> None:
    steps(client, coordinator, concertation, "schedule", "start")
    refused_with(attend(client, coordinator, concertation, alice_id, "joined"), 409, "participant_not_accepted", "R39")


def test_r22_warning_in_legal_minimum_is_in_the_audit_trail(
    client: TestClient, coordinator: Headers, basis_id: str, connection: Connection
) -> None:
    c = create(client, coordinator, basis_id, policy_profile="legal_minimum")
    r = client.post(url(c, "/participants"), json=payloads.substitute(), headers=coordinator)
    assert r.status_code == 201, r.text
    codes = connection.execute(
        text("SELECT codes FROM audit_event WHERE action = 'participant.create' AND object_id = :p"),
        {"p": r.json()["id"]},
    ).scalar_one()
    assert "prosecutor_presence_no_consent" in str(codes)


def test_a_partner_learns_nothing_about_which_participant_ids_exist(
    client: TestClient, auth: Token, concertation: Body, alice_id: str
) -> None:
    partner = auth("crm-cpas", "partner")
    real = client.get(of(concertation, alice_id, "/flags"), headers=partner)
    unknown = client.get(of(concertation, str(uuid.uuid4()), "/flags"), headers=partner)
    assert real.status_code == unknown.status_code == 403
    assert real.json() == unknown.json()
