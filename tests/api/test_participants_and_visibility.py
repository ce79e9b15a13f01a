"""Participants (R16, R17, R20, R115) and who sees what of a concertation (R27, R45), through HTTP.

The existence of a concertation is itself secret: whoever is not entitled to it gets exactly what an unknown id
gets. A participant reads the invitation, a partner system status metadata, and only the coordinator (or the chair)
reads an identity — every such read, and every denial, is audited.
"""

from __future__ import annotations

import json
import uuid
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Connection, text

from tests.api import payloads
from tests.conftest import ISSUER, Token

#: R36 — the data-protection notice was given at first contact.
NOTICE = {"privacy_notice_given_at": "2026-11-18T10:00:00+01:00"}

PROBLEM = "application/problem+json"
Body = dict[str, Any]

INVITATION_FIELDS = {
    "id",
    "state",
    "legal_basis_id",
    "democratic_control",
    "art_458ter_only",
    "concertation_type",
    "purpose_category",
    "meeting_kind",
    "chair",
    "scheduled_start",
    "scheduled_end",
}
METADATA_FIELDS = {"id", "state", "scheduled_start", "updated_at"}


# ------------------------------------------------------------------------------------------------ helpers


@pytest.fixture
def coordinator(auth: Token) -> dict[str, str]:
    return auth("coord-1", "coordinator", org="cpas-a")


@pytest.fixture
def basis_id(client: TestClient, coordinator: dict[str, str]) -> str:
    r = client.post("/v1/legal-bases", json=payloads.decree(), headers=coordinator)
    assert r.status_code == 201, r.text
    return str(r.json()["id"])


@pytest.fixture
def concertation(client: TestClient, coordinator: dict[str, str], basis_id: str) -> Body:
    r = client.post("/v1/concertations", json=payloads.concertation(basis_id), headers=coordinator)
    assert r.status_code == 201, r.text
    return dict(r.json())


def invite(client: TestClient, headers: dict[str, str], concertation_id: str, body: Body) -> Body:
    r = client.post(f"/v1/concertations/{concertation_id}/participants", json=body, headers=headers)
    assert r.status_code == 201, r.text
    return dict(r.json())


def pairs(problem: Body) -> set[tuple[str | None, str]]:
    return {(v["rule"], v["code"]) for v in problem["violations"]}


def db_id(connection: Connection, value: str) -> str:
    return value.replace("-", "") if connection.dialect.name == "sqlite" else value


def participants_stored(connection: Connection, concertation_id: str) -> int:
    return int(
        connection.execute(
            text("SELECT count(*) FROM participant WHERE concertation_id = :c"),
            {"c": db_id(connection, concertation_id)},
        ).scalar_one()
    )


def audit(connection: Connection, action: str) -> list[tuple[str, str, str | None, list[str]]]:
    rows = connection.execute(
        text("SELECT outcome, actor_subject, object_id, codes FROM audit_event WHERE action = :a ORDER BY seq"),
        {"a": action},
    ).all()
    return [(r[0], r[1], r[2], json.loads(r[3]) if isinstance(r[3], str) else r[3]) for r in rows]


# ------------------------------------------------------------------------------------------------ R16, R17


def test_invite_a_covered_participant_with_a_complete_profile(
    client: TestClient, coordinator: dict[str, str], concertation: Body, connection: Connection
) -> None:
    url = f"/v1/concertations/{concertation['id']}/participants"
    r = client.post(url, json=payloads.participant(), headers=coordinator)
    assert r.status_code == 201, r.text
    p = r.json()
    assert r.headers["Location"] == f"{url}/{p['id']}"
    assert r.headers["ETag"] == '"1"'
    assert (p["sector"], p["subject"], p["role"]) == ("aid_care", "sw-alice", "member")
    assert participants_stored(connection, concertation["id"]) == 1
    assert [a[:3] for a in audit(connection, "participant.create")] == [("success", "coord-1", p["id"])]

    r = client.get(url, headers=coordinator)
    assert r.status_code == 200
    assert [x["id"] for x in r.json()["items"]] == [p["id"]]
    r = client.get(f"{url}/{p['id']}", headers=coordinator)
    assert r.status_code == 200
    assert r.json()["organisation"] == "CPAS de Schaerbeek"


@pytest.mark.parametrize(
    "body",
    [
        payloads.police(),
        payloads.participant(subject="psy-1", sector="health", function="Psychologue", secrecy_source="art_458_cp"),
        payloads.participant(
            subject="teacher",
            person_ref="teacher-17",
            sector="school",
            function="institutrice",
            bound_by_professional_secrecy=False,
            secrecy_source="none_duty_of_discretion",
            works_with=[],
        ),
    ],
    ids=["police_of_the_named_zone", "category_function_case_insensitive", "named_person"],
)
def test_participants_the_basis_names_are_accepted(
    client: TestClient, coordinator: dict[str, str], concertation: Body, body: Body
) -> None:
    invite(client, coordinator, concertation["id"], body)


REFUSED_PARTICIPANTS: list[tuple[Body, str, str]] = [
    (payloads.participant(sector="school", function="enseignant"), "R16", "participant_not_authorised"),
    ({**payloads.police(), "organisation": "Zone de police Anvers"}, "R16", "participant_not_authorised"),
    (
        payloads.participant(person_ref="teacher-99", sector="school", function="enseignant"),
        "R16",
        "participant_not_authorised",
    ),
    (payloads.participant(organisation=None), "R17", "participant_profile_incomplete"),
    (payloads.participant(mission_statement="  "), "R17", "participant_profile_incomplete"),
    (payloads.participant(is_lawyer=None), "R17", "participant_profile_incomplete"),
    (payloads.participant(under_mandate=True), "R17", "participant_profile_incomplete"),
    (payloads.participant(secrecy_source="none_duty_of_discretion"), "R17", "secrecy_source_inconsistent"),
    (payloads.participant(bound_by_professional_secrecy=False), "R17", "secrecy_source_inconsistent"),
    (payloads.participant(works_with=["P-001", "P-404"]), "R17", "works_with_unknown_person"),
    (payloads.participant(magistrate_function="substitut"), "R17", "magistrate_outside_prosecution"),
    (payloads.participant(sector="the_neighbours"), "R115", "unknown_value"),
    (payloads.participant(secrecy_source="gut_feeling"), "R115", "unknown_value"),
    (payloads.participant(role="observer"), "R115", "unknown_value"),
]


@pytest.mark.parametrize(
    ("body", "rule", "code"),
    REFUSED_PARTICIPANTS,
    ids=[
        "R16-category_not_named",
        "R16-other_police_zone",
        "R16-person_not_named",
        "R17-no_organisation",
        "R17-blank_mission",
        "R17-lawyer_flag_missing",
        "R17-mandate_without_authority",
        "R17-bound_without_source",
        "R17-source_without_secrecy",
        "R17-works_with_unknown_person",
        "R17-magistrate_outside_prosecution",
        "R115-unknown_sector",
        "R115-unknown_secrecy_source",
        "R115-unknown_role",
    ],
)
def test_participant_outside_the_basis_or_with_an_incomplete_profile_is_refused(
    client: TestClient,
    coordinator: dict[str, str],
    concertation: Body,
    connection: Connection,
    body: Body,
    rule: str,
    code: str,
) -> None:
    r = client.post(f"/v1/concertations/{concertation['id']}/participants", json=body, headers=coordinator)
    assert r.status_code == 422, r.text
    assert r.headers["content-type"].startswith(PROBLEM)
    assert (rule, code) in pairs(r.json()), r.json()["violations"]
    assert participants_stored(connection, concertation["id"]) == 0
    if rule != "R115":  # an unknown enum value is refused by the request schema, before the use case
        [(outcome, subject, _, codes)] = audit(connection, "participant.create")
        assert (outcome, subject) == ("refused", "coord-1")
        assert code in codes


def test_the_same_login_is_invited_once(
    client: TestClient, coordinator: dict[str, str], concertation: Body, connection: Connection
) -> None:
    invite(client, coordinator, concertation["id"], payloads.participant())
    r = client.post(
        f"/v1/concertations/{concertation['id']}/participants", json=payloads.participant(), headers=coordinator
    )
    assert r.status_code == 422
    assert pairs(r.json()) == {("R16", "participant_already_invited")}
    assert participants_stored(connection, concertation["id"]) == 1


def test_a_login_needs_both_issuer_and_subject(
    client: TestClient, coordinator: dict[str, str], concertation: Body
) -> None:
    r = client.post(
        f"/v1/concertations/{concertation['id']}/participants",
        json=payloads.participant(issuer=None),
        headers=coordinator,
    )
    assert r.status_code == 422
    assert r.json()["code"] == "login_incomplete"


def test_no_participant_is_added_once_closed(
    client: TestClient, coordinator: dict[str, str], concertation: Body
) -> None:
    url = f"/v1/concertations/{concertation['id']}"
    informed = payloads.information(concertation["persons_concerned"][0]["id"], after_session=True)
    assert client.post(f"{url}/person-concerned/information", json=informed, headers=coordinator).status_code == 201
    for step in ("schedule", "start", "end", "close"):
        assert client.post(f"{url}/{step}", headers=coordinator).status_code == 200
    r = client.post(f"{url}/participants", json=payloads.participant(), headers=coordinator)
    assert r.status_code == 409
    assert r.json()["code"] == "concertation_not_editable"


def test_participant_invited_to_a_scheduled_concertation_bumps_its_version(
    client: TestClient, coordinator: dict[str, str], concertation: Body
) -> None:
    url = f"/v1/concertations/{concertation['id']}"
    assert client.post(f"{url}/schedule", headers=coordinator).json()["version"] == 2
    invite(client, coordinator, concertation["id"], payloads.participant())
    r = client.get(url, headers=coordinator)
    assert r.headers["ETag"] == '"3"'


# ------------------------------------------------------------------------------------------------ R20, R67


def test_shared_secrecy_is_refused_with_police_present_under_r20(
    client: TestClient, coordinator: dict[str, str], concertation: Body, connection: Connection
) -> None:
    invite(client, coordinator, concertation["id"], payloads.police())
    url = f"/v1/concertations/{concertation['id']}"
    r = client.patch(
        url, json={"justification": "shared_professional_secrecy"}, headers={**coordinator, "If-Match": '"2"'}
    )
    assert r.status_code == 422, r.text
    assert r.json()["code"] == "police_parquet_not_shared_secrecy"
    assert pairs(r.json()) == {("R20", "police_parquet_not_shared_secrecy")}
    assert [a[0] for a in audit(connection, "concertation.update")] == ["refused"]

    c = client.get(url, headers=coordinator).json()
    assert c["art_458ter_only"] is True
    assert c["version"] == 2
    report = client.get(f"{url}/compliance", headers=coordinator).json()
    assert report["art_458ter_only"] is True
    assert [(x["status"], x["code"]) for x in report["checks"] if x["rule"] == "R20"] == [("pass", "art_458ter_only")]


def test_shared_secrecy_without_police_is_refused_under_r67(
    client: TestClient, coordinator: dict[str, str], concertation: Body
) -> None:
    invite(client, coordinator, concertation["id"], payloads.participant())
    url = f"/v1/concertations/{concertation['id']}"
    r = client.patch(
        url, json={"justification": "shared_professional_secrecy"}, headers={**coordinator, "If-Match": '"2"'}
    )
    assert r.status_code == 422
    assert pairs(r.json()) == {("R67", "shared_secrecy_is_not_a_concertation")}
    report = client.get(f"{url}/compliance", headers=coordinator).json()
    assert report["art_458ter_only"] is False
    assert [(x["status"], x["code"]) for x in report["checks"] if x["rule"] == "R20"] == [
        ("pass", "no_police_or_parquet")
    ]


# ------------------------------------------------------------------------------------------------ R27 visibility


OUTSIDERS = {
    "coordinator_of_another_org": ("coord-b", ("coordinator",), "cpas-b"),
    "prosecutor": ("proc-1", ("prosecutor",), "parquet-bxl"),
    "auditor": ("dpo-1", ("auditor",), "cpas-a"),
    "admin": ("admin-1", ("admin",), "cpas-a"),
    "partner_of_another_org": ("partner-b", ("partner",), "cpas-b"),
    "participant_not_invited": ("sw-bob", ("participant",), "cpas-a"),
}


@pytest.mark.parametrize("who", list(OUTSIDERS), ids=list(OUTSIDERS))
def test_an_outsider_cannot_tell_a_concertation_from_an_unknown_id(
    client: TestClient, auth: Token, coordinator: dict[str, str], concertation: Body, connection: Connection, who: str
) -> None:
    invite(client, coordinator, concertation["id"], payloads.participant())
    sub, roles, org = OUTSIDERS[who]
    outsider = auth(sub, *roles, org=org)
    person_id = concertation["persons_concerned"][0]["id"]
    unknown = str(uuid.uuid4())
    for path in ("", "/compliance", "/participants", f"/persons-concerned/{person_id}"):
        existing = client.get(f"/v1/concertations/{concertation['id']}{path}", headers=outsider)
        missing = client.get(f"/v1/concertations/{unknown}{path}", headers=outsider)
        assert existing.status_code == missing.status_code == 404, path
        assert existing.json() == missing.json(), path
        assert existing.json()["code"] == "not_found"
    for step in ("schedule", "cancel"):
        existing = client.post(f"/v1/concertations/{concertation['id']}/{step}", headers=outsider)
        missing = client.post(f"/v1/concertations/{unknown}/{step}", headers=outsider)
        assert existing.status_code == missing.status_code == 404, step
        assert existing.json() == missing.json()
    existing = client.patch(
        f"/v1/concertations/{concertation['id']}",
        json={"why_person_not_present": "x"},
        headers={**outsider, "If-Match": '"2"'},
    )
    assert existing.status_code == 404
    existing = client.post(
        f"/v1/concertations/{concertation['id']}/participants",
        json=payloads.participant(subject="intruder"),
        headers=outsider,
    )
    assert existing.status_code == 404
    assert participants_stored(connection, concertation["id"]) == 1

    denials = [a for a in audit(connection, "concertation.read") if a[1] == sub]
    assert denials == [("denied", sub, concertation["id"], [])]
    assert client.get(f"/v1/concertations/{concertation['id']}", headers=coordinator).json()["state"] == "draft"


def test_an_invited_participant_reads_the_invitation_only(
    client: TestClient, auth: Token, coordinator: dict[str, str], concertation: Body
) -> None:
    me = invite(client, coordinator, concertation["id"], payloads.participant())
    other = invite(client, coordinator, concertation["id"], payloads.police())
    alice = auth("sw-alice", "participant", org="cpas-a")
    r = client.get(f"/v1/concertations/{concertation['id']}", headers=alice)
    assert r.status_code == 200, r.text
    view = r.json()
    assert set(view) == INVITATION_FIELDS
    assert "persons_concerned" not in view
    assert "offence_scope" not in view
    assert view["purpose_category"] == "protect_integrity"
    assert view["legal_basis_id"] == concertation["legal_basis_id"]
    assert "Martin" not in r.text
    assert "P-001" not in r.text
    assert "ETag" not in r.headers

    base = f"/v1/concertations/{concertation['id']}"
    assert client.get(f"{base}/participants/{me['id']}", headers=alice).status_code == 200
    assert client.get(f"{base}/participants/{other['id']}", headers=alice).status_code == 404
    for path in ("/compliance", "/participants", f"/persons-concerned/{concertation['persons_concerned'][0]['id']}"):
        r = client.get(f"{base}{path}", headers=alice)
        assert r.status_code == 403, path
        assert r.json()["code"] == "forbidden"
    r = client.post(f"{base}/schedule", headers=alice)
    assert r.status_code == 403


def test_the_participant_must_match_issuer_and_subject(
    client: TestClient, auth: Token, coordinator: dict[str, str], concertation: Body
) -> None:
    invite(client, coordinator, concertation["id"], payloads.participant(issuer="https://idp.example"))
    r = client.get(f"/v1/concertations/{concertation['id']}", headers=auth("sw-alice", "participant"))
    assert r.status_code == 404


def test_a_partner_of_the_organising_service_gets_status_metadata_only(
    client: TestClient, auth: Token, concertation: Body
) -> None:
    partner = auth("cms-cpas-a", "partner", org="cpas-a")
    r = client.get(f"/v1/concertations/{concertation['id']}", headers=partner)
    assert r.status_code == 200, r.text
    assert set(r.json()) == METADATA_FIELDS
    assert r.json()["state"] == "draft"

    r = client.get("/v1/concertations", headers=partner)
    assert r.status_code == 200
    assert [set(i) for i in r.json()["items"]] == [METADATA_FIELDS]
    r = client.get(f"/v1/concertations/{concertation['id']}/compliance", headers=partner)
    assert r.status_code == 403


def test_lists_never_contain_identities(
    client: TestClient, auth: Token, coordinator: dict[str, str], basis_id: str, concertation: Body
) -> None:
    second = client.post("/v1/concertations", json=payloads.concertation(basis_id), headers=coordinator).json()
    invite(client, coordinator, concertation["id"], payloads.participant())
    callers = {
        "coordinator": (coordinator, {concertation["id"], second["id"]}),
        "participant": (auth("sw-alice", "participant"), {concertation["id"]}),
        "partner": (auth("cms", "partner", org="cpas-a"), {concertation["id"], second["id"]}),
        "other_org": (auth("coord-b", "coordinator", org="cpas-b"), set()),
        "prosecutor": (auth("proc", "prosecutor", org="parquet"), set()),
    }
    for name, (headers, expected) in callers.items():
        r = client.get("/v1/concertations", headers=headers)
        assert r.status_code == 200, name
        items = r.json()["items"]
        assert {i["id"] for i in items} == expected, name
        for item in items:
            assert "persons_concerned" not in item and "purpose" not in item and "offence_scope" not in item
        for secret in ("Martin", "Léa", "2014-05-02", "P-001"):
            assert secret not in r.text, (name, secret)


def test_the_list_names_the_callers_own_participant_record_and_nobody_elses(
    client: TestClient, auth: Token, coordinator: dict[str, str], basis_id: str, concertation: Body
) -> None:
    """A participant finds his invitations, and the path of his answer, in one call; R40: nothing about the others."""
    other = client.post("/v1/concertations", json=payloads.concertation(basis_id), headers=coordinator).json()
    alice = invite(client, coordinator, concertation["id"], payloads.participant())
    bob = invite(client, coordinator, concertation["id"], payloads.participant(subject="sw-bob", display_name="Bob"))
    assert bob["id"] != alice["id"]
    mine = client.get("/v1/concertations", headers=auth("sw-alice", "participant")).json()["items"]
    assert [(i["id"], i["participant_id"]) for i in mine] == [(concertation["id"], alice["id"])]
    assert bob["id"] not in json.dumps(mine)
    # The coordinator, who is invited to neither, gets null on both.
    listed = client.get("/v1/concertations", headers=coordinator).json()["items"]
    assert {i["id"]: i["participant_id"] for i in listed} == {concertation["id"]: None, other["id"]: None}


def test_list_pagination(client: TestClient, coordinator: dict[str, str], basis_id: str) -> None:
    ids = {
        client.post("/v1/concertations", json=payloads.concertation(basis_id), headers=coordinator).json()["id"]
        for _ in range(3)
    }
    first = client.get("/v1/concertations", params={"limit": 2}, headers=coordinator).json()
    assert len(first["items"]) == 2
    assert first["next_cursor"]
    second = client.get(
        "/v1/concertations", params={"limit": 2, "cursor": first["next_cursor"]}, headers=coordinator
    ).json()
    assert second["next_cursor"] is None
    assert {i["id"] for i in first["items"] + second["items"]} == ids
    r = client.get("/v1/concertations", params={"cursor": "%%%"}, headers=coordinator)
    assert r.status_code == 422
    assert r.json()["code"] == "invalid_cursor"


# ------------------------------------------------------------------------------------------------ identities


def test_only_the_coordinator_reads_an_identity_and_the_read_is_audited(
    client: TestClient, auth: Token, coordinator: dict[str, str], concertation: Body, connection: Connection
) -> None:
    person_id = concertation["persons_concerned"][0]["id"]
    url = f"/v1/concertations/{concertation['id']}/persons-concerned/{person_id}"
    r = client.get(url, headers=coordinator)
    assert r.status_code == 200, r.text
    assert r.json() == {
        "id": person_id,
        "reference": "P-001",
        "identity": {
            "kind": "individual",
            "family_name": "Martin",
            "given_names": "Léa",
            "birth_date": "2014-05-02",
            "national_number": None,
        },
        "privacy_notice_given_at": "2026-11-18T09:00:00Z",
        "privacy_notice_deferred": False,
    }
    reads = audit(connection, "person_concerned.read_identity")
    assert reads == [("success", "coord-1", person_id, [])]
    # The audit trail holds ids, never the identity.
    trail = connection.execute(text("SELECT codes, details FROM audit_event")).all()
    assert "Martin" not in repr(trail)

    r = client.get(url, headers=auth("coord-b", "coordinator", org="cpas-b"))
    assert r.status_code == 404
    r = client.get(url, headers=auth("cms", "partner", org="cpas-a"))
    assert r.status_code == 403
    assert [a[0] for a in audit(connection, "person_concerned.read_identity")] == ["success", "denied", "denied"]

    r = client.get(f"/v1/concertations/{concertation['id']}/persons-concerned/{uuid.uuid4()}", headers=coordinator)
    assert r.status_code == 404


def test_identity_is_stored_encrypted(concertation: Body, connection: Connection) -> None:
    blob = connection.execute(
        text("SELECT identity_ciphertext FROM person_concerned WHERE reference = 'P-001'")
    ).scalar_one()
    assert b"Martin" not in bytes(blob)
    assert len(bytes(blob)) > 16


@pytest.mark.parametrize(
    ("body", "status", "code"),
    [
        (
            {"reference": "P-002", "identity": {"kind": "individual", "national_number": "14050212345"}, **NOTICE},
            201,
            None,
        ),
        (
            {"reference": "P-002", "identity": {"kind": "family", "family_name": "Martin"}, **NOTICE},
            422,
            "person_not_identified",
        ),
        (
            {"reference": "P-001", "identity": {"kind": "individual", "national_number": "14050212345"}, **NOTICE},
            422,
            "person_reference_ambiguous",
        ),
        (
            {"reference": "Martin Léa", "identity": {"kind": "individual", "national_number": "14050212345"}, **NOTICE},
            422,
            "value_invalid",
        ),
    ],
    ids=["individual_by_national_number", "R26-family_label", "R26-duplicate_reference", "reference_not_pseudonym"],
)
def test_add_a_person_concerned(
    client: TestClient,
    coordinator: dict[str, str],
    concertation: Body,
    connection: Connection,
    body: Body,
    status: int,
    code: str | None,
) -> None:
    r = client.post(f"/v1/concertations/{concertation['id']}/persons-concerned", json=body, headers=coordinator)
    assert r.status_code == status, r.text
    persons = connection.execute(
        text("SELECT count(*) FROM person_concerned WHERE concertation_id = :c"),
        {"c": db_id(connection, concertation["id"])},
    ).scalar_one()
    if status == 201:
        assert r.headers["Location"].endswith(f"/persons-concerned/{r.json()['id']}")
        assert set(r.json()) == {"id", "reference", "privacy_notice_given_at", "privacy_notice_deferred"}
        assert persons == 2
    else:
        assert code in {v["code"] for v in r.json()["violations"]}
        assert persons == 1
        if code != "value_invalid":
            assert ("R26", code) in pairs(r.json())


# ------------------------------------------------------------------------------------------------ the chair


def test_the_chair_manages_the_concertation_he_chairs(
    client: TestClient, auth: Token, coordinator: dict[str, str], basis_id: str, connection: Connection
) -> None:
    body = payloads.concertation(basis_id)
    body["chair"] = {**body["chair"], "issuer": ISSUER, "subject": "chair-lambert"}
    c = client.post("/v1/concertations", json=body, headers=coordinator).json()
    chair = auth("chair-lambert", "participant", org="saj-bxl")
    base = f"/v1/concertations/{c['id']}"

    r = client.get(base, headers=chair)
    assert r.status_code == 200
    assert "persons_concerned" in r.json()
    r = client.get(f"{base}/compliance", headers=chair)
    assert r.status_code == 200
    assert r.json()["compliant"] is True
    r = client.post(f"{base}/schedule", headers=chair)
    assert r.status_code == 200, r.text
    assert r.json()["state"] == "scheduled"
    rows = connection.execute(
        text("SELECT actor_subject, outcome FROM audit_event WHERE action = 'concertation.schedule'")
    ).all()
    assert [tuple(x) for x in rows] == [("chair-lambert", "success")]

    r = client.get("/v1/concertations", headers=chair)
    assert [i["id"] for i in r.json()["items"]] == [c["id"]]

    # Someone else of the chair's organisation is not the chair.
    assert client.get(base, headers=auth("chair-deputy", "participant", org="saj-bxl")).status_code == 404
