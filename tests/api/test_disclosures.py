"""The other disclosure regimes through HTTP (issue 13), on SQLite and PostgreSQL.

Which regime lets me speak (R73)? A shared-secrecy exchange (R67–R76, R112), an art. 458bis report (R101–R103,
R21), a state-of-necessity record (R99, R100, R103–R105). Every refused request names its rule in problem+json,
stores nothing and leaves a `refused` audit event that names rules and codes, never the person or a text; an
accepted record keeps its texts sealed; only the discloser's organisation sees it (R27), its partner systems
status metadata only (R45).
"""

from __future__ import annotations

import json
import uuid
from typing import Any

import pytest
from fastapi.testclient import TestClient
from httpx import Response
from sqlalchemy import Connection, func, select, text

from api.settings import Settings
from models.disclosure import DisclosureKey, DisclosureRecord
from tests.api import payloads
from tests.conftest import ISSUER, Token

Headers = dict[str, str]
EXCHANGES, REPORTS, NECESSITY = "/v1/shared-secret-exchanges", "/v1/art-458bis-reports", "/v1/necessity-records"
CLASSIFY = "/v1/disclosures/classify"
RECORD = DisclosureRecord.__table__  # type: ignore[attr-defined]  # SQLModel declares it on table classes
KEY = DisclosureKey.__table__  # type: ignore[attr-defined]


@pytest.fixture
def settings(tmp_path: Any, request: pytest.FixtureRequest) -> Settings:
    """The harness settings; a test changes a deployment decision with indirect parametrisation."""
    overrides: dict[str, Any] = getattr(request, "param", {})
    return Settings(
        var_dir=tmp_path,
        database_url="sqlite:///:memory:",
        dev_issuer=ISSUER,
        rate_limit_token="100000/minute",
        rate_limit_write="100000/minute",
        gc_freeze=False,
        **overrides,
    )


@pytest.fixture
def alice(auth: Token) -> Headers:
    """A CPAS social worker (a professional: the participant role) of cpas-a."""
    return auth("sw-alice", "participant", org="cpas-a")


def pairs(r: Response) -> set[tuple[str | None, str]]:
    return {(v["rule"], v["code"]) for v in r.json()["violations"]}


def records(connection: Connection) -> int:
    return int(connection.execute(text("SELECT count(*) FROM disclosure_record")).scalar_one())


def events(connection: Connection, action: str) -> list[Any]:
    query = text("SELECT outcome, codes, details, object_id FROM audit_event WHERE action = :a ORDER BY seq")
    return list(connection.execute(query, {"a": action}).all())


def _json(value: Any) -> Any:
    return json.loads(value) if isinstance(value, str) else value


def refused(client: TestClient, connection: Connection, headers: Headers, path: str, body: Any, code: str) -> Response:
    """POST `body`, expect a 422 with `code`, nothing stored, and a `refused` audit event naming the rules."""
    before = records(connection)
    r: Response = client.post(path, json=body, headers=headers)
    assert r.status_code == 422, r.text
    assert r.headers["content-type"].startswith("application/problem+json")
    assert r.json()["code"] == code
    assert records(connection) == before
    action = {EXCHANGES: "shared_secret_exchange", REPORTS: "art_458bis_report", NECESSITY: "necessity_record"}[path]
    outcome, codes, details, _ = events(connection, f"{action}.create")[-1]
    assert outcome == "refused"
    assert {v["code"] for v in r.json()["violations"]} <= set(_json(codes))
    assert set(_json(details)["rules"]) == {v["rule"] for v in r.json()["violations"] if v["rule"]}
    return r


# ----------------------------------------------------------------------------------------------- classify


def classify(client: TestClient, headers: Headers, **changes: Any) -> dict[str, Any]:
    r = client.post(CLASSIFY, json=payloads.classification(**changes), headers=headers)
    assert r.status_code == 200, r.text
    return dict(r.json())


def regime(answer: dict[str, Any], name: str) -> dict[str, Any]:
    return next(dict(a) for a in answer["regimes"] if a["regime"] == name)


def failing(answer: dict[str, Any], name: str) -> set[tuple[str | None, str]]:
    return {(c["rule"], c["code"]) for c in regime(answer, name)["conditions"] if c["status"] == "fail"}


def test_all_four_conditions_route_to_shared_secrecy_and_nothing_is_stored(
    client: TestClient, alice: Headers, connection: Connection
) -> None:
    answer = classify(client, alice)
    assert answer["routing"] == "shared_secrecy"
    assert answer["open_regimes"] == ["shared_secrecy"]
    shared = regime(answer, "shared_secrecy")
    assert shared["record_at"] == EXCHANGES
    assert {c["code"] for c in shared["conditions"]} >= {
        "recipients_bound_by_secrecy",
        "same_mission",
        "master_of_secret_agrees",
        "items_strictly_necessary",
    }
    assert all(c["status"] == "pass" for c in shared["conditions"])
    assert records(connection) == 0
    ((outcome, codes, details, object_id),) = events(connection, "disclosure.classify")
    assert outcome == "success" and object_id is None
    assert _json(details) == {"routing": "shared_secrecy", "open_regimes": ["shared_secrecy"]}
    trail = json.dumps([_json(codes), _json(details)])
    assert "sw-alice" not in trail and "psy-karim" not in trail and "M-F12" not in trail


def test_police_at_the_table_requires_458ter_on_the_basis_that_names_them(
    client: TestClient, alice: Headers, auth: Token
) -> None:
    """R20, R73 — never shared secrecy with the police; a registered basis naming both makes it a 458ter matter."""
    coordinator = auth("coord-1", "coordinator", org="cpas-a")
    basis = client.post("/v1/legal-bases", json=payloads.decree(), headers=coordinator).json()["id"]
    police = payloads.recipient(
        reference="insp-bob", sector="police", organisation="Zone de police Bruxelles-Capitale", function="inspecteur"
    )
    answer = classify(
        client,
        alice,
        discloser=payloads.discloser(sector="aid_care"),
        recipients=[police],
        purpose_category="protect_integrity",
    )
    assert answer["routing"] == "requires_458ter"
    assert ("R20", "police_parquet_not_shared_secrecy") in failing(answer, "shared_secrecy")
    concertation = regime(answer, "art_458ter_concertation")
    assert concertation["open"] and concertation["bases"] == [basis]
    assert concertation["record_at"] == "/v1/concertations"


def test_a_teacher_is_no_shared_secrecy_and_without_a_basis_nothing_is_allowed(
    client: TestClient, alice: Headers
) -> None:
    """R72 — school staff are not bound by secrecy; with no registered basis, R73 answers not_allowed."""
    teacher = payloads.recipient(reference="teacher-17", sector="school", function="institutrice")
    answer = classify(client, alice, recipients=[teacher], purpose_category="protect_integrity")
    assert answer["routing"] == "not_allowed" and answer["open_regimes"] == []
    assert ("R72", "shared_secret_recipient_not_bound") in failing(answer, "shared_secrecy")
    assert ("R16", "no_registered_basis_fits") in failing(answer, "art_458ter_concertation")


def test_the_person_concerned_speaking_of_himself_is_not_restricted(client: TestClient, alice: Headers) -> None:
    """R35 — the master of the secret is bound by none of these regimes."""
    answer = classify(client, alice, discloser_is_person_concerned=True)
    assert answer["routing"] == "not_restricted" and answer["regimes"] == []
    assert [(g["rule"], g["code"]) for g in answer["guidance"]] == [("R35", "master_of_secret_not_restricted")]


def test_a_report_to_the_procureur_and_the_state_of_necessity_are_assessed_on_the_same_facts(
    client: TestClient, alice: Headers
) -> None:
    procureur = payloads.recipient(
        reference="pr-bxl", sector="prosecution", function="procureur du Roi", magistrate_function="procureur_du_roi"
    )
    necessity = payloads.necessity()
    answer = classify(
        client,
        alice,
        recipients=[procureur],
        offence="cp_398",
        victim={"is_minor": True},
        danger=payloads.danger(),
        factual_basis=payloads.report()["factual_basis"],
        weighing=necessity["weighing"],
        subsidiarity=necessity["subsidiarity"],
        proportionality=necessity["proportionality"],
        consulted=["lawyer"],
        person_spoken_to=True,
    )
    assert answer["routing"] == "not_allowed"  # R73: neither shared secrecy nor a 458ter basis
    assert answer["open_regimes"] == ["art_458bis_report", "state_of_necessity"]
    assert regime(answer, "art_458bis_report")["record_at"] == REPORTS
    assert "422bis" in answer["art_422bis_guidance"]  # R104: guidance, shown; nothing derived from it


def test_a_rumour_is_no_ground_for_a_report(client: TestClient, alice: Headers) -> None:
    """R102 — real danger, not worry or rumour."""
    answer = classify(
        client,
        alice,
        offence="cp_398",
        victim={"is_minor": True},
        danger=payloads.danger(),
        recipient_of_report="procureur_du_roi",
        factual_basis={"kinds": ["rumour"], "description": "On dit dans le quartier que..."},
    )
    assert ("R102", "danger_not_real") in failing(answer, "art_458bis_report")


@pytest.mark.parametrize(
    ("ground", "rule", "code", "status"),
    [
        ("art_29_cic", "R105", "art_29_does_not_override_secrecy", "fail"),
        ("art_422bis", "R104", "art_422bis_is_guidance_only", "warn"),
        ("consent", "R74", "consent_alone_not_sufficient", "fail"),
    ],
    ids=["R105-art-29", "R104-art-422bis", "R74-consent"],
)
def test_grounds_that_open_no_regime_are_said_beside_the_regimes(
    client: TestClient, alice: Headers, ground: str, rule: str, code: str, status: str
) -> None:
    answer = classify(client, alice, invoked_ground=ground)
    assert [(g["rule"], g["code"], g["status"]) for g in answer["guidance"]] == [(rule, code, status)]
    assert answer["routing"] == "shared_secrecy"  # the regimes are judged on their own conditions


def test_a_suspect_is_told_that_secrecy_does_not_shield_him(client: TestClient, alice: Headers) -> None:
    """R111."""
    answer = classify(client, alice, discloser=payloads.discloser(suspected=True))
    assert ("R111", "secrecy_does_not_shield_suspect", "warn") in {
        (g["rule"], g["code"], g["status"]) for g in answer["guidance"]
    }


def test_the_answer_is_in_the_readers_language(client: TestClient, auth: Token) -> None:
    answer = classify(client, auth("sw-alice", "participant", org="cpas-a", lang="nl"))
    condition = regime(answer, "shared_secrecy")["conditions"][0]
    assert condition["legal_ground"].startswith("gedeeld beroepsgeheim")


def test_only_professionals_and_coordinators_classify(client: TestClient, auth: Token, connection: Connection) -> None:
    r = client.post(CLASSIFY, json=payloads.classification(), headers=auth("cms", "partner", org="cpas-a"))
    assert r.status_code == 403
    assert [e[0] for e in events(connection, "disclosure.classify")] == ["denied"]


def test_classify_rejects_unknown_fields_and_contents(client: TestClient, alice: Headers) -> None:
    """A classification asks about facts; what would be shared is never sent (nor stored) there."""
    body = payloads.classification(items=[payloads.shared_item()])
    r = client.post(CLASSIFY, json=body, headers=alice)
    assert r.status_code == 422
    assert {(v["code"], v["field"]) for v in r.json()["violations"]} == {("unknown_field", "items[0].content")}


# ------------------------------------------------------------------------------------- shared secrecy exchanges


def test_an_exchange_is_recorded_with_what_was_shared_sealed(
    client: TestClient, alice: Headers, auth: Token, connection: Connection
) -> None:
    r = client.post(EXCHANGES, json=payloads.exchange(), headers=alice)
    assert r.status_code == 201, r.text
    body = r.json()
    assert r.headers["location"] == f"{EXCHANGES}/{body['id']}" and r.headers["etag"] == '"1"'
    assert body["regime"] == "shared_secrecy" and body["status"] == "recorded"
    record_id = uuid.UUID(body["id"])
    assert body["consent_mode"] == "consent_required"
    assert body["items"][0]["content"] == payloads.shared_item()["content"]
    row = connection.execute(select(RECORD.c.facts, RECORD.c.texts_ciphertext).where(RECORD.c.id == record_id)).one()
    facts = json.dumps(_json(row.facts))
    for plaintext in (payloads.shared_item()["content"], payloads.recipient()["secrecy_evidence"]):
        assert plaintext not in facts
        assert plaintext.encode() not in bytes(row.texts_ciphertext)
    assert "care_of_person" in facts  # what the rules looked at stays checkable
    keys = connection.execute(select(func.count()).where(KEY.c.record_id == record_id)).scalar_one()
    assert keys == 1
    read = client.get(f"{EXCHANGES}/{body['id']}", headers=alice)
    assert read.status_code == 200 and read.json() == body
    assert [e[0] for e in events(connection, "shared_secret_exchange.read")] == ["success"]


def test_only_the_disclosers_organisation_sees_an_exchange(client: TestClient, alice: Headers, auth: Token) -> None:
    """R27, R45 — the author and his coordinators in full; a partner metadata; a colleague or another org: 404."""
    record = client.post(EXCHANGES, json=payloads.exchange(), headers=alice).json()["id"]
    url = f"{EXCHANGES}/{record}"
    assert client.get(url, headers=auth("coord-1", "coordinator", org="cpas-a")).status_code == 200
    meta = client.get(url, headers=auth("cms-a", "partner", org="cpas-a")).json()
    assert set(meta) == {"id", "regime", "status", "created_at", "updated_at"}
    assert client.get(url, headers=auth("sw-bruno", "participant", org="cpas-a")).status_code == 404
    assert client.get(url, headers=auth("coord-b", "coordinator", org="cpas-b")).status_code == 404
    listed = client.get(EXCHANGES, headers=auth("coord-1", "coordinator", org="cpas-a")).json()["items"]
    assert [i["id"] for i in listed] == [record] and "person_ref" not in listed[0]
    assert client.get(EXCHANGES, headers=auth("sw-bruno", "participant", org="cpas-a")).json()["items"] == []


CASES: list[tuple[str, dict[str, Any], tuple[str, str]]] = [
    (
        "R68-not-bound",
        {"recipients": [payloads.recipient(bound_by_professional_secrecy=False)]},
        ("R68", "shared_secret_recipient_not_bound"),
    ),
    (
        "R68-no-evidence",
        {"recipients": [payloads.recipient(secrecy_evidence=None)]},
        ("R68", "recipient_secrecy_evidence_missing"),
    ),
    (
        "R72-school",
        {"recipients": [payloads.recipient(sector="school", secrecy_source="none_duty_of_discretion")]},
        ("R72", "shared_secret_recipient_not_bound"),
    ),
    ("R20-police", {"recipients": [payloads.recipient(sector="police")]}, ("R20", "police_parquet_not_shared_secrecy")),
    (
        "R112-relative",
        {"recipients": [payloads.recipient(kind="relative", sector=None)]},
        ("R112", "no_exchange_with_relatives"),
    ),
    (
        "R69-other-mission",
        {"recipients": [payloads.recipient(mission_id="M-OTHER")]},
        ("R69", "shared_secret_mission_mismatch"),
    ),
    (
        "R69-judicial-mandate",
        {"recipients": [payloads.recipient(judicial_mandate=True)]},
        ("R69", "shared_secret_mission_mismatch"),
    ),
    ("R70-no-consent", {"master": payloads.master(consent="refused")}, ("R70", "shared_secret_no_consent")),
    (
        "R70-item-not-covered",
        {"master": payloads.master(consent_items=[])},
        ("R70", "shared_secret_no_consent"),
    ),
    (
        "R71-control",
        {"items": [payloads.shared_item(serves="control")]},
        ("R71", "shared_secret_purpose_invalid"),
    ),
    (
        "R71-not-justified",
        {"items": [payloads.shared_item(necessity_justification=" ")]},
        ("R71", "shared_secret_necessity_not_justified"),
    ),
    (
        "R75-team-not-all-bound",
        {
            "recipients": [payloads.recipient(reference="team-sas", kind="team", all_members_bound=False)],
            "master": payloads.master(consent_recipients=["team-sas"], team_sharing_notice_given=True),
        },
        ("R75", "team_member_not_bound"),
    ),
    (
        "R76-hierarchy-demand",
        {
            "recipients": [payloads.recipient(reference="chef", kind="hierarchy", mission_id=None)],
            "master": payloads.master(consent_recipients=["chef"]),
            "hierarchy_purpose": "demand_of_hierarchy",
            "initiated_by_hierarchy": True,
        },
        ("R76", "hierarchy_cannot_compel"),
    ),
]


@pytest.mark.parametrize(("changes", "violation"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_an_exchange_that_fails_a_condition_is_refused_before_anything_is_stored(
    client: TestClient,
    alice: Headers,
    connection: Connection,
    changes: dict[str, Any],
    violation: tuple[str, str],
) -> None:
    r = refused(client, connection, alice, EXCHANGES, payloads.exchange(**changes), "not_shared_secrecy")
    assert violation in pairs(r)
    assert ("R67", "not_shared_secrecy") in pairs(r)  # R67: only a 458ter concertation could justify it


def test_team_and_supervision_sharing_within_their_limits(client: TestClient, alice: Headers) -> None:
    """R75, R76 — a team all bound, the person told; the hierarchy for supervision, pseudonymised."""
    team = payloads.recipient(reference="team-sas", kind="team", all_members_bound=True)
    chef = payloads.recipient(reference="chef", kind="hierarchy", mission_id=None)
    body = payloads.exchange(
        recipients=[team, chef],
        master=payloads.master(consent_recipients=["team-sas", "chef"], team_sharing_notice_given=True),
        hierarchy_purpose="supervision",
        initiated_by_hierarchy=False,
    )
    r = client.post(EXCHANGES, json=body, headers=alice)
    assert r.status_code == 201, r.text


@pytest.mark.parametrize("settings", [{"shared_secret_consent_mode": "information_only"}], indirect=True)
def test_information_only_mode_asks_the_person_to_be_informed(client: TestClient, alice: Headers) -> None:
    """R70, D4 — the CPAS circular's « à tout le moins »: informed suffices, uninformed is refused."""
    informed = payloads.master(consent="not_asked", consent_recipients=[], consent_items=[], informed=True)
    assert client.post(EXCHANGES, json=payloads.exchange(master=informed), headers=alice).status_code == 201
    uninformed = {**informed, "informed": False}
    r = client.post(EXCHANGES, json=payloads.exchange(master=uninformed), headers=alice)
    assert r.status_code == 422 and ("R70", "shared_secret_not_informed") in pairs(r)


def test_an_exchange_is_never_recorded_by_a_partner_system(
    client: TestClient, auth: Token, connection: Connection
) -> None:
    r = client.post(EXCHANGES, json=payloads.exchange(), headers=auth("cms-a", "partner", org="cpas-a"))
    assert r.status_code == 403 and records(connection) == 0
    assert [e[0] for e in events(connection, "shared_secret_exchange.create")] == ["denied"]


def test_an_exchange_replays_under_its_idempotency_key(
    client: TestClient, alice: Headers, connection: Connection
) -> None:
    headers = {**alice, "Idempotency-Key": "exchange-1"}
    first = client.post(EXCHANGES, json=payloads.exchange(), headers=headers)
    again = client.post(EXCHANGES, json=payloads.exchange(), headers=headers)
    assert first.status_code == again.status_code == 201
    assert again.headers["idempotent-replayed"] == "true" and again.json() == first.json()
    assert records(connection) == 1


# ------------------------------------------------------------------------------------------- art. 458bis reports

REPORT_CASES: list[tuple[str, dict[str, Any], tuple[str, str]]] = [
    (
        "R101-not-bound",
        {"discloser": payloads.discloser(bound_by_professional_secrecy=False)},
        ("R101", "discloser_not_bound"),
    ),
    ("R101-offence-not-listed", {"offence": "cp_137"}, ("R101", "offence_not_in_458bis_list")),
    (
        "R101-adult-not-vulnerable",
        {"victim": {"is_minor": False, "vulnerabilities": []}},
        ("R101", "victim_not_minor_or_vulnerable"),
    ),
    (
        "R101-no-danger",
        {"danger": payloads.danger(grave_and_imminent_danger_to_victim=False, serious_danger_to_other_victims=False)},
        ("R101", "danger_not_established"),
    ),
    (
        "R101-could-protect",
        {"danger": payloads.danger(unable_to_protect_alone_or_with_third_parties=False)},
        ("R101", "protection_possible_without_report"),
    ),
    ("R101-to-police", {"recipient": "police"}, ("R101", "recipient_must_be_procureur")),
    (
        "R102-concern-only",
        {"factual_basis": {"kinds": ["concern_only"], "description": "Une inquiétude diffuse."}},
        ("R102", "danger_not_real"),
    ),
    ("R103-no-plan", {"follow_up_plan": None}, ("R103", "follow_up_plan_required")),
    (
        "R21-own-client",
        {"discloser": payloads.discloser(sector="lawyer", is_lawyer=True, information_from_own_client=True)},
        ("R21", "art_458quater_lawyer"),
    ),
]


@pytest.mark.parametrize(("changes", "violation"), [c[1:] for c in REPORT_CASES], ids=[c[0] for c in REPORT_CASES])
def test_a_report_outside_art_458bis_is_refused(
    client: TestClient,
    alice: Headers,
    connection: Connection,
    changes: dict[str, Any],
    violation: tuple[str, str],
) -> None:
    r = refused(client, connection, alice, REPORTS, payloads.report(**changes), "art_458bis_conditions_not_met")
    assert violation in pairs(r)


def test_a_vulnerable_adult_may_be_the_victim(client: TestClient, alice: Headers) -> None:
    body = payloads.report(victim={"is_minor": False, "vulnerabilities": ["partner_violence"]}, offence="cp_399")
    assert client.post(REPORTS, json=body, headers=alice).status_code == 201


def test_reporting_does_not_end_the_duty_to_help(client: TestClient, alice: Headers, connection: Connection) -> None:
    """R103 — the report stays open with its follow-up until someone closes it; no auto-closure."""
    r = client.post(REPORTS, json=payloads.report(), headers=alice)
    assert r.status_code == 201, r.text
    report = r.json()
    assert report["status"] == "follow_up_open" and report["follow_ups"] == []
    assert "422bis" in report["art_422bis_guidance"]
    url = f"{REPORTS}/{report['id']}/follow-ups"
    step = {"outcome": "support_continues", "note": "Visites à domicile maintenues."}
    assert client.post(url, json=step, headers=alice).status_code == 428
    assert client.post(url, json=step, headers={**alice, "If-Match": '"7"'}).status_code == 412
    r = client.post(url, json=step, headers={**alice, "If-Match": '"1"'})
    assert r.status_code == 200 and r.headers["etag"] == '"2"'
    assert r.json()["status"] == "follow_up_open" and r.json()["follow_ups"][0]["note"] == step["note"]
    handed = {"outcome": "handed_over", "note": "Relais effectué.", "close": True}
    r = client.post(url, json=handed, headers={**alice, "If-Match": '"2"'})
    assert r.status_code == 422 and pairs(r) == {("R103", "follow_up_closes_without_plan")}
    r = client.post(url, json={**handed, "handed_over_to": "équipe SOS Enfants"}, headers={**alice, "If-Match": '"2"'})
    assert r.status_code == 200 and r.json()["status"] == "closed"
    r = client.post(url, json=step, headers={**alice, "If-Match": '"3"'})
    assert r.status_code == 409 and pairs(r) == {("R103", "regime_record_not_editable")}
    outcomes = [e[0] for e in events(connection, "art_458bis_report.follow_up")]
    assert outcomes == ["success", "refused", "success", "refused"]
    sealed = connection.execute(text("SELECT texts_ciphertext FROM disclosure_record")).scalar_one()
    assert b"SOS Enfants" not in bytes(sealed)


def test_the_458bis_list_is_published_versioned_and_marked_to_verify(client: TestClient, alice: Headers) -> None:
    r = client.get("/v1/reference/art-458bis-offences", headers=alice)
    assert r.status_code == 200
    body = r.json()
    assert body["version"] and "verify" in body["status"]
    codes = {i["code"]: i for i in body["items"]}
    assert "cp_398" in codes and "cp_137" not in codes
    assert all(i["to_verify"] for i in body["items"])


# ---------------------------------------------------------------------------------------- state of necessity

NECESSITY_CASES: list[tuple[str, dict[str, Any], tuple[str, str], str]] = [
    (
        "R99-past",
        {"danger": payloads.danger(time="past_not_recurring")},
        ("R99", "necessity_conditions_not_met"),
        "danger.time",
    ),
    (
        "R99-unknown-grave",
        {"danger": payloads.danger(grave=None)},
        ("R99", "necessity_conditions_not_met"),
        "danger.grave",
    ),
    (
        "R99-D17-equal-interest",
        {"weighing": {"interest_protected": "La sécurité du voisin.", "weighing": "equal"}},
        ("R99", "necessity_conditions_not_met"),
        "interest_protected",
    ),
    (
        "R99-no-alternative",
        {"subsidiarity": {"no_other_means": True, "alternatives_tried": []}},
        ("R99", "necessity_conditions_not_met"),
        "subsidiarity",
    ),
    (
        "R99-not-proportionate",
        {"proportionality": {"disclosure_limited_to_averting": False}},
        ("R99", "necessity_conditions_not_met"),
        "proportionality",
    ),
    ("R99-not-assessed", {"assessed_by": None}, ("R99", "necessity_conditions_not_met"), "assessed_by"),
    ("R100-alone", {"consulted": []}, ("R100", "necessity_not_consulted"), "consulted"),
    ("R100-person", {"person_spoken_to": None}, ("R100", "person_not_spoken_to"), "person_spoken_to"),
    ("R103-no-plan", {"follow_up_plan": ""}, ("R103", "follow_up_plan_required"), "follow_up_plan"),
    (
        "R105-art-29",
        {"invoked_ground": "art_29_cic"},
        ("R105", "art_29_does_not_override_secrecy"),
        "invoked_ground",
    ),
]


@pytest.mark.parametrize(
    ("changes", "violation", "field"), [c[1:] for c in NECESSITY_CASES], ids=[c[0] for c in NECESSITY_CASES]
)
def test_a_necessity_record_with_a_condition_unmet_is_refused(
    client: TestClient,
    alice: Headers,
    connection: Connection,
    changes: dict[str, Any],
    violation: tuple[str, str],
    field: str,
) -> None:
    r = refused(client, connection, alice, NECESSITY, payloads.necessity(**changes), "necessity_record_refused")
    assert (*violation, field) in {(v["rule"], v["code"], v["field"]) for v in r.json()["violations"]}


@pytest.mark.parametrize("settings", [{"necessity_threshold": "equal_or_greater"}], indirect=True)
def test_a_deployment_may_admit_an_equal_interest(client: TestClient, alice: Headers) -> None:
    """D17 — the threshold is a setting; "equal or greater" admits an equal interest."""
    body = payloads.necessity(weighing={"interest_protected": "La sécurité du voisin.", "weighing": "equal"})
    r = client.post(NECESSITY, json=body, headers=alice)
    assert r.status_code == 201, r.text
    assert r.json()["threshold"] == "equal_or_greater"


@pytest.mark.parametrize("settings", [{"default_profile": "legal_minimum"}], indirect=True)
def test_in_legal_minimum_consulting_nobody_is_a_warning(client: TestClient, alice: Headers) -> None:
    """R100 — a recommendation: a warning in legal_minimum, a refusal in safeguards (above)."""
    r = client.post(NECESSITY, json=payloads.necessity(consulted=[]), headers=alice)
    assert r.status_code == 201, r.text
    assert ("R100", "necessity_not_consulted", "warn") in {
        (c["rule"], c["code"], c["status"]) for c in r.json()["conditions"]
    }


def test_art_422bis_is_guidance_never_a_trigger(client: TestClient, alice: Headers, connection: Connection) -> None:
    """R104 — invoking it neither refuses nor triggers anything: the record is the professional's own act."""
    r = client.post(NECESSITY, json=payloads.necessity(invoked_ground="art_422bis"), headers=alice)
    assert r.status_code == 201, r.text
    assert ("R104", "art_422bis_is_guidance_only", "warn") in {
        (c["rule"], c["code"], c["status"]) for c in r.json()["conditions"]
    }
    assert r.json()["status"] == "follow_up_open" and records(connection) == 1


def test_no_minutes_entry_can_be_marked_privileged(client: TestClient, auth: Token) -> None:
    """R111 — no feature lets a participant mark minutes "privileged" against an investigation of his own conduct."""
    body = {**payloads.minutes_entry(), "privileged": True}
    coordinator = auth("coord-1", "coordinator", org="cpas-a")
    r = client.post(f"/v1/concertations/{uuid.uuid4()}/minutes", json=body, headers=coordinator)
    assert r.status_code == 422
    assert ("unknown_field", "privileged") in {(v["code"], v["field"]) for v in r.json()["violations"]}


def test_a_maltreatment_relay_to_a_specialised_service(
    client: TestClient, alice: Headers, connection: Connection
) -> None:
    """R77 — the FWB decree of 12 May 2004: a specialised service, indispensable items only, the child and family
    informed (or a motivated exception with a review date) instead of an agreement (R70)."""
    sos = payloads.recipient(reference="sos-bxl", specialised_service="sos_enfants")
    item = payloads.shared_item(indispensable_for_care=True)
    told = {"child_and_family_informed_at": "2026-11-21T16:00:00Z"}
    relay = payloads.exchange(fwb_maltreatment_relay=True, recipients=[sos], items=[item], master=told)
    r = client.post(EXCHANGES, json=relay, headers=alice)
    assert r.status_code == 201, r.text
    assert "relay_within_the_decree" in {c["code"] for c in r.json()["conditions"]}
    not_told = {
        **relay,
        "master": {
            "information_exception": {
                "reason": "child_safety_endangered",
                "motivation": "Le père menace l'enfant.",
                "decided_by": "la conseillère",
                "review_at": "2026-11-22",
            }
        },
    }
    r = refused(client, connection, alice, EXCHANGES, not_told, "not_shared_secrecy")
    assert ("R30", "information_exception_invalid") in pairs(r)  # the review date must lie ahead
    anyone = {**relay, "recipients": [payloads.recipient(reference="sos-bxl")]}
    r = refused(client, connection, alice, EXCHANGES, anyone, "not_shared_secrecy")
    assert ("R77", "relay_recipient_not_specialised") in pairs(r)


def test_a_confidential_basis_is_not_offered_by_the_classification(
    client: TestClient, alice: Headers, auth: Token
) -> None:
    """R9 — a confidential basis is read by the concertations resting on it, never offered to whoever asks."""
    coordinator = auth("coord-1", "coordinator", org="cpas-a")
    assert (
        client.post("/v1/legal-bases", json=payloads.decree(confidential=True), headers=coordinator).status_code == 201
    )
    police = payloads.recipient(
        reference="insp-bob", sector="police", organisation="Zone de police Bruxelles-Capitale", function="inspecteur"
    )
    answer = classify(
        client,
        alice,
        discloser=payloads.discloser(sector="aid_care"),
        recipients=[police],
        purpose_category="protect_integrity",
    )
    assert answer["routing"] == "not_allowed" and regime(answer, "art_458ter_concertation")["bases"] == []
