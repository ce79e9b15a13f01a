"""ETag / If-Match on every resource that changes after its creation (SPEC §2): a stale If-Match gets 412 and changes
nothing; an update (PATCH) without one gets 428; a one-way action (schedule, withdraw, lift, finalise…) takes an
optional If-Match. Two concurrent updates of one version: exactly one wins, the other gets 412.

The participant's profile is changed by the coordinator (R16, R17, checked as at the invitation) while the concertation
is a draft or scheduled; answering the invitation never moves the ETag others see (R40).
"""

from __future__ import annotations

import json
import uuid
from typing import Any

import pytest
from fastapi.testclient import TestClient
from httpx import Response
from sqlalchemy import Connection, Engine, text

from tests.api import payloads
from tests.conftest import ISSUER, Token, race

PROBLEM = "application/problem+json"
Body = dict[str, Any]
Headers = dict[str, str]
CHAIR = "chair-lambert"
STALE = '"0123456789abcdef0123456789abcdef"'


# ------------------------------------------------------------------------------------------------ fixtures, helpers


@pytest.fixture
def coordinator(auth: Token) -> Headers:
    return auth("coord-1", "coordinator", org="cpas-a")


@pytest.fixture
def alice(auth: Token) -> Headers:
    return auth("sw-alice", "participant", org="cpas-a")


def setup(client: TestClient, coordinator: Headers) -> tuple[str, str]:
    """A compliant draft (chair logs in as CHAIR) and its invited participant alice: (concertation url, alice id)."""
    basis = client.post("/v1/legal-bases", json=payloads.decree(), headers=coordinator)
    assert basis.status_code == 201, basis.text
    body = payloads.concertation(basis.json()["id"])
    body["chair"] = {**body["chair"], "issuer": ISSUER, "subject": CHAIR}
    c = client.post("/v1/concertations", json=body, headers=coordinator)
    assert c.status_code == 201, c.text
    url = f"/v1/concertations/{c.json()['id']}"
    p = client.post(f"{url}/participants", json=payloads.participant(), headers=coordinator)
    assert p.status_code == 201, p.text
    return url, str(p.json()["id"])


@pytest.fixture
def world(client: TestClient, coordinator: Headers) -> tuple[str, str]:
    return setup(client, coordinator)


def refused_with(r: Response, status: int, code: str, rule: str | None = None) -> Body:
    assert r.status_code == status, r.text
    assert r.headers["content-type"].startswith(PROBLEM)
    problem = dict(r.json())
    assert problem["code"] == code
    if rule is not None:
        assert (rule, code) in {(v["rule"], v["code"]) for v in problem["violations"]}, problem
    return problem


def with_tag(headers: Headers, tag: str) -> Headers:
    return {**headers, "If-Match": tag}


def events(connection: Connection, action: str) -> list[tuple[str, list[str], dict[str, Any]]]:
    rows = connection.execute(
        text("SELECT outcome, codes, details FROM audit_event WHERE action = :a ORDER BY seq"), {"a": action}
    ).all()

    def parsed(v: Any) -> Any:
        return json.loads(v) if isinstance(v, str) else v

    return [(r[0], parsed(r[1]), parsed(r[2])) for r in rows]


def go(client: TestClient, who: Headers, url: str, *steps: str) -> None:
    for step in steps:
        r = client.post(f"{url}/{step}", headers=who)
        assert r.status_code == 200, (step, r.text)


# ------------------------------------------------------------------------------------------------ participants


def test_the_coordinator_changes_a_participant_profile_with_if_match(
    client: TestClient, connection: Connection, coordinator: Headers, world: tuple[str, str]
) -> None:
    url, pid = world
    read = client.get(f"{url}/participants/{pid}", headers=coordinator)
    assert read.headers["etag"] == '"1"'
    concertation_tag = client.get(url, headers=coordinator).headers["etag"]

    r = client.patch(
        f"{url}/participants/{pid}",
        json={"organisation": "CPAS d'Evere", "display_name": None},
        headers=with_tag(coordinator, read.headers["etag"]),
    )

    assert r.status_code == 200, r.text
    assert r.headers["etag"] == '"2"'
    assert (r.json()["organisation"], r.json()["display_name"], r.json()["version"]) == ("CPAS d'Evere", None, 2)
    assert r.json()["function"] == payloads.participant()["function"]  # what was not sent is kept
    stored = connection.execute(
        text("SELECT organisation, display_name, version FROM participant WHERE organisation = :o"),
        {"o": "CPAS d'Evere"},
    ).one()
    assert tuple(stored) == ("CPAS d'Evere", None, 2)
    assert client.get(f"{url}/participants/{pid}", headers=coordinator).headers["etag"] == '"2"'
    # The concertation's compliance rests on its participants: its ETag moves too.
    assert client.get(url, headers=coordinator).headers["etag"] != concertation_tag
    assert events(connection, "participant.update") == [("success", [], {"fields": ["display_name", "organisation"]})]


def test_a_participant_update_needs_if_match_and_a_stale_one_changes_nothing(
    client: TestClient, connection: Connection, coordinator: Headers, world: tuple[str, str]
) -> None:
    url, pid = world
    change = {"function": "assistant social"}
    refused_with(
        client.patch(f"{url}/participants/{pid}", json=change, headers=coordinator), 428, "precondition_required"
    )
    assert client.patch(f"{url}/participants/{pid}", json=change, headers=with_tag(coordinator, '"1"')).is_success

    for tag in ('"1"', '"99"', STALE, "garbage"):
        stale = client.patch(
            f"{url}/participants/{pid}", json={"organisation": "X"}, headers=with_tag(coordinator, tag)
        )
        refused_with(stale, 412, "precondition_failed")
    assert client.get(f"{url}/participants/{pid}", headers=coordinator).json()["organisation"] != "X"
    assert [e[0] for e in events(connection, "participant.update")] == ["success"]


def test_a_changed_profile_is_checked_as_at_the_invitation(
    client: TestClient, connection: Connection, coordinator: Headers, world: tuple[str, str]
) -> None:
    url, pid = world
    tag = with_tag(coordinator, '"1"')
    incomplete = client.patch(f"{url}/participants/{pid}", json={"mission_statement": None}, headers=tag)
    refused_with(incomplete, 422, "participant_profile_incomplete", "R17")
    uncovered = {"sector": "school", "function": "enseignant"}
    refused_with(
        client.patch(f"{url}/participants/{pid}", json=uncovered, headers=tag), 422, "participant_not_authorised", "R16"
    )
    login = client.patch(f"{url}/participants/{pid}", json={"subject": "someone-else"}, headers=tag)
    refused_with(login, 422, "invalid_payload")
    assert login.json()["violations"][0]["code"] == "unknown_field"

    assert client.get(f"{url}/participants/{pid}", headers=coordinator).json()["version"] == 1
    assert [(e[0], e[1]) for e in events(connection, "participant.update")] == [
        ("refused", ["participant_profile_incomplete"]),
        ("refused", ["participant_not_authorised"]),
    ]


def test_a_profile_no_longer_changes_once_the_concertation_has_met(
    client: TestClient, connection: Connection, coordinator: Headers, alice: Headers, world: tuple[str, str]
) -> None:
    url, pid = world
    assert client.post(f"{url}/participants/{pid}/response", json={"answer": "accept"}, headers=alice).is_success
    go(client, coordinator, url, "schedule")
    scheduled = client.patch(
        f"{url}/participants/{pid}", json={"function": "assistant social"}, headers=with_tag(coordinator, '"1"')
    )
    assert scheduled.status_code == 200, scheduled.text

    go(client, coordinator, url, "start")
    r = client.patch(
        f"{url}/participants/{pid}", json={"function": "assistant social"}, headers=with_tag(coordinator, '"2"')
    )

    refused_with(r, 409, "concertation_not_editable")
    assert [e[0] for e in events(connection, "participant.update")] == ["success", "refused"]


def test_only_the_coordinator_changes_a_profile(
    client: TestClient, auth: Token, alice: Headers, world: tuple[str, str]
) -> None:
    url, pid = world
    change = {"function": "assistant social"}
    himself = client.patch(f"{url}/participants/{pid}", json=change, headers=with_tag(alice, '"1"'))
    refused_with(himself, 403, "forbidden")
    stranger = auth("coord-9", "coordinator", org="cpas-z")
    refused_with(
        client.patch(f"{url}/participants/{pid}", json=change, headers=with_tag(stranger, '"1"')), 404, "not_found"
    )
    unknown = client.patch(f"{url}/participants/{uuid.uuid4()}", json=change, headers=with_tag(alice, '"1"'))
    refused_with(unknown, 403, "forbidden")


def test_r40_answering_never_moves_the_participant_etag(
    client: TestClient, coordinator: Headers, alice: Headers, world: tuple[str, str]
) -> None:
    url, pid = world
    before = client.get(f"{url}/participants/{pid}", headers=coordinator).headers["etag"]
    assert client.post(f"{url}/participants/{pid}/response", json={"answer": "refuse"}, headers=alice).is_success
    assert client.post(f"{url}/participants/{pid}/silence", json={}, headers=alice).status_code == 201

    assert client.get(f"{url}/participants/{pid}", headers=coordinator).headers["etag"] == before
    # …so the coordinator's update made on what he read before still goes through.
    r = client.patch(
        f"{url}/participants/{pid}", json={"function": "assistant social"}, headers=with_tag(coordinator, before)
    )
    assert r.status_code == 200, r.text


# ------------------------------------------------------------------------------------------------ concertation, basis


def test_concertation_patch_and_actions(client: TestClient, coordinator: Headers, world: tuple[str, str]) -> None:
    url, _ = world
    tag = client.get(url, headers=coordinator).headers["etag"]
    refused_with(
        client.patch(url, json={"meeting_kind": "case_concertation"}, headers=coordinator), 428, "precondition_required"
    )
    refused_with(
        client.patch(url, json={"meeting_kind": "case_concertation"}, headers=with_tag(coordinator, '"1"')),
        412,
        "precondition_failed",
    )
    # An action takes an optional If-Match: a stale one is refused and changes nothing…
    refused_with(client.post(f"{url}/schedule", headers=with_tag(coordinator, '"1"')), 412, "precondition_failed")
    assert client.get(url, headers=coordinator).json()["state"] == "draft"
    # …the current one, or none at all (README's five-minute path), goes through.
    scheduled = client.post(f"{url}/schedule", headers=with_tag(coordinator, tag))
    assert scheduled.status_code == 200, scheduled.text
    assert scheduled.headers["etag"] != tag
    refused_with(client.post(f"{url}/cancel", headers=with_tag(coordinator, tag)), 412, "precondition_failed")
    assert client.post(f"{url}/cancel", headers=coordinator).status_code == 200


def test_retiring_a_basis_with_a_stale_etag(client: TestClient, coordinator: Headers) -> None:
    basis = client.post("/v1/legal-bases", json=payloads.decree(), headers=coordinator)
    url = basis.headers["location"]
    assert client.get(url, headers=coordinator).headers["etag"] == '"1"'
    retire = {"reason": "Abrogé par le décret du 1er décembre 2026."}
    refused_with(
        client.post(f"{url}/retire", json=retire, headers=with_tag(coordinator, '"7"')), 412, "precondition_failed"
    )
    assert client.get(url, headers=coordinator).json()["status"] == "active"
    assert client.post(f"{url}/retire", json=retire, headers=with_tag(coordinator, '"1"')).status_code == 200


# ------------------------------------------------------------------------------------------------ records


def test_a_consent_withdrawal_takes_an_if_match(
    client: TestClient, connection: Connection, coordinator: Headers, world: tuple[str, str]
) -> None:
    url, _ = world
    person = client.get(url, headers=coordinator).json()["persons_concerned"][0]["id"]
    created = client.post(f"{url}/person-concerned/consents", json=payloads.consent(person), headers=coordinator)
    assert created.status_code == 201, created.text
    tag = created.headers["etag"]
    assert client.get(created.headers["location"], headers=coordinator).headers["etag"] == tag
    withdraw = f"{created.headers['location']}/withdraw"

    refused_with(client.post(withdraw, headers=with_tag(coordinator, STALE)), 412, "precondition_failed")
    assert client.get(created.headers["location"], headers=coordinator).json()["withdrawn_at"] is None

    done = client.post(withdraw, headers=with_tag(coordinator, tag))
    assert done.status_code == 200, done.text
    assert done.json()["withdrawn_at"] is not None
    assert done.headers["etag"] not in (tag, None)
    assert client.get(created.headers["location"], headers=coordinator).headers["etag"] == done.headers["etag"]
    # A second withdrawal made on what was read before: the record has changed since.
    refused_with(client.post(withdraw, headers=with_tag(coordinator, tag)), 412, "precondition_failed")
    assert [e[0] for e in events(connection, "consent.withdraw")] == ["success"]


def test_lifting_a_silence_takes_an_if_match(
    client: TestClient, connection: Connection, alice: Headers, world: tuple[str, str]
) -> None:
    url, pid = world
    invoked = client.post(f"{url}/participants/{pid}/silence", json={}, headers=alice)
    assert invoked.status_code == 201, invoked.text
    tag = invoked.headers["etag"]
    lift = f"{url}/participants/{pid}/silence/{invoked.json()['id']}"

    refused_with(client.delete(lift, headers=with_tag(alice, STALE)), 412, "precondition_failed")
    lifted = client.delete(lift, headers=with_tag(alice, tag))
    assert lifted.status_code == 200, lifted.text
    assert lifted.json()["lifted_at"] is not None
    assert lifted.headers["etag"] != tag
    refused_with(client.delete(lift, headers=with_tag(alice, tag)), 412, "precondition_failed")
    assert [e[0] for e in events(connection, "participant.lift_silence")] == ["success"]


def test_attendance_and_minutes_carry_etags_and_finalising_takes_an_if_match(
    client: TestClient, connection: Connection, coordinator: Headers, alice: Headers, world: tuple[str, str]
) -> None:
    url, pid = world
    assert client.post(f"{url}/participants/{pid}/response", json={"answer": "accept"}, headers=alice).is_success
    go(client, coordinator, url, "schedule", "start")
    joined = client.post(f"{url}/attendance", json={"participant_id": pid, "event": "joined"}, headers=coordinator)
    assert joined.status_code == 201, joined.text
    record = joined.headers["location"]
    assert client.get(record, headers=coordinator).headers["etag"] == joined.headers["etag"]

    empty = client.get(f"{url}/minutes", headers=coordinator)
    assert empty.status_code == 200, empty.text
    entry = client.post(f"{url}/minutes", json=payloads.minutes_entry(pid), headers=coordinator)
    assert entry.status_code == 201, entry.text
    read = client.get(f"{url}/minutes", headers=coordinator)
    assert read.headers["etag"] != empty.headers["etag"]  # an entry was added since

    left = client.post(f"{url}/attendance", json={"participant_id": pid, "event": "left"}, headers=coordinator)
    assert left.status_code == 201, left.text
    assert client.get(record, headers=coordinator).headers["etag"] != joined.headers["etag"]

    refused_with(
        client.post(f"{url}/minutes/finalise", headers=with_tag(coordinator, empty.headers["etag"])),
        412,
        "precondition_failed",
    )
    assert client.get(f"{url}/minutes", headers=coordinator).json()["finalised_at"] is None
    final = client.post(f"{url}/minutes/finalise", headers=with_tag(coordinator, read.headers["etag"]))
    assert final.status_code == 200, final.text
    assert (
        client.get(f"{url}/minutes", headers=coordinator).headers["etag"]
        == final.headers["etag"]
        != read.headers["etag"]
    )
    assert [e[0] for e in events(connection, "minutes.finalise")] == ["success"]


# ------------------------------------------------------------------------------------------------ races


def test_two_concurrent_updates_of_one_version_exactly_one_wins(
    live_client: TestClient,
    live_engine: Engine,
    auth: Token,
) -> None:
    """Real commits on a database of its own: two threads PATCH the same version at once, round after round."""
    subject = f"coord-{uuid.uuid4().hex[:8]}"
    coordinator = auth(subject, "coordinator", org="cpas-a")
    url, pid = setup(live_client, coordinator)
    for round_ in range(4):
        tag = live_client.get(url, headers=coordinator).headers["etag"]
        ends = ["2026-12-01T10:30:00+01:00", "2026-12-01T11:00:00+01:00"]

        def patch_end(t: str = tag, e: list[str] = ends) -> Response:
            r: Response = live_client.patch(url, json={"scheduled_end": e.pop()}, headers=with_tag(coordinator, t))
            return r

        pair = race(2, patch_end)

        assert sorted(r.status_code for r in pair) == [200, 412], [(r.status_code, r.text) for r in pair]
        (winner,) = [r for r in pair if r.status_code == 200]
        after = live_client.get(url, headers=coordinator)
        assert after.headers["etag"] == winner.headers["etag"] == f'"{int(tag.strip(chr(34))) + 1}"', round_
        assert after.json()["scheduled_end"] == winner.json()["scheduled_end"]

        ptag = live_client.get(f"{url}/participants/{pid}", headers=coordinator).headers["etag"]
        names = ["Alice R.", "A. Renard"]

        def patch_name(t: str = ptag, n: list[str] = names) -> Response:
            r: Response = live_client.patch(
                f"{url}/participants/{pid}", json={"display_name": n.pop()}, headers=with_tag(coordinator, t)
            )
            return r

        pair = race(2, patch_name)
        assert sorted(r.status_code for r in pair) == [200, 412], [(r.status_code, r.text) for r in pair]
        (winner,) = [r for r in pair if r.status_code == 200]
        stored = live_client.get(f"{url}/participants/{pid}", headers=coordinator)
        assert stored.json()["display_name"] == winner.json()["display_name"]
        assert stored.headers["etag"] == f'"{int(ptag.strip(chr(34))) + 1}"'
    with live_engine.connect() as conn:
        updates = conn.execute(
            text("SELECT count(*) FROM audit_event WHERE action = 'participant.update' AND actor_subject = :s"),
            {"s": subject},
        ).scalar_one()
    assert updates == 4
