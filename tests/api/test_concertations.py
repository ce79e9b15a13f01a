"""Concertation drafts, their compliance and their life, through HTTP (R1, R6–R15, R23–R26, R51, R55, R113, R115).

A draft stores what is given even when checks fail; what the law forbids outright is refused at write time (422,
naming the rule); scheduling, starting and closing refuse while any check fails (409 `not_compliant`, naming the
failing rules). Every payload starts lawful (`tests.api.payloads`) and each case breaks exactly what it tests.
"""

from __future__ import annotations

import copy
import json
import uuid
from collections.abc import Callable
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Connection, text

from api.settings import Settings
from tests.api import payloads
from tests.conftest import Token

PROBLEM = "application/problem+json"
ALL_PURPOSES = ["protect_integrity", "prevent_terrorist_offences", "prevent_criminal_organisation_offences"]

Body = dict[str, Any]
Change = Callable[[Body], None]


# ------------------------------------------------------------------------------------------------ helpers


@pytest.fixture
def coordinator(auth: Token) -> dict[str, str]:
    return auth("coord-1", "coordinator", org="cpas-a")


def register(client: TestClient, headers: dict[str, str], **determines: Any) -> str:
    """A decree covering every purpose unless told otherwise; `determines`/`modalities` keys override."""
    body = payloads.decree()
    modalities = determines.pop("modalities", {})
    extra: dict[str, Any] = {
        k: determines.pop(k) for k in ("confidential", "valid_until", "valid_from") if k in determines
    }
    body["determines"] = {**body["determines"], "purposes": ALL_PURPOSES, **determines}
    body["determines"]["modalities"] = {**body["determines"]["modalities"], **modalities}
    body.update(extra)
    r = client.post("/v1/legal-bases", json=body, headers=headers)
    assert r.status_code == 201, r.text
    return str(r.json()["id"])


@pytest.fixture
def basis_id(client: TestClient, coordinator: dict[str, str]) -> str:
    return register(client, coordinator)


def create(client: TestClient, headers: dict[str, str], body: Body) -> Body:
    r = client.post("/v1/concertations", json=body, headers=headers)
    assert r.status_code == 201, r.text
    return dict(r.json())


def rules(problem: Body) -> set[str | None]:
    return {v["rule"] for v in problem["violations"]}


def pairs(problem: Body) -> set[tuple[str | None, str]]:
    return {(v["rule"], v["code"]) for v in problem["violations"]}


def db_id(connection: Connection, value: str) -> str:
    return value.replace("-", "") if connection.dialect.name == "sqlite" else value


def audit(connection: Connection, action: str, concertation_id: str | None = None) -> list[tuple[str, list[str]]]:
    query = "SELECT outcome, codes FROM audit_event WHERE action = :a"
    params: dict[str, Any] = {"a": action}
    if concertation_id is not None:
        query += " AND concertation_id = :c"
        params["c"] = db_id(connection, concertation_id)
    rows = connection.execute(text(query + " ORDER BY seq"), params).all()
    return [(r[0], json.loads(r[1]) if isinstance(r[1], str) else r[1]) for r in rows]


def stored(connection: Connection, concertation_id: str, column: str) -> Any:
    value = connection.execute(
        text(f"SELECT {column} FROM concertation WHERE id = :i"),  # noqa: S608 - column names are test constants
        {"i": db_id(connection, concertation_id)},
    ).scalar_one()
    return json.loads(value) if isinstance(value, str) and value[:1] in "[{" else value


def count(connection: Connection, table: str) -> int:
    return int(connection.execute(text(f"SELECT count(*) FROM {table}")).scalar_one())  # noqa: S608


def if_match(headers: dict[str, str], version: int) -> dict[str, str]:
    return {**headers, "If-Match": f'"{version}"'}


def check(report: Body, rule: str) -> list[tuple[str, str]]:
    return [(c["status"], c["code"]) for c in report["checks"] if c["rule"] == rule]


# ------------------------------------------------------------------------------------------------ payload edits


def setting(path: str, value: Any) -> Change:
    """Set a dotted path (`purpose.objective`) in a body."""

    def change(body: Body) -> None:
        *parents, leaf = path.split(".")
        target = body
        for p in parents:
            target = target[p]
        target[leaf] = copy.deepcopy(value)  # a case may later edit what it set

    return change


def removing(path: str) -> Change:
    def change(body: Body) -> None:
        *parents, leaf = path.split(".")
        target = body
        for p in parents:
            target = target[p]
        del target[leaf]

    return change


def all_of(*changes: Change) -> Change:
    def change(body: Body) -> None:
        for c in changes:
            c(body)

    return change


TERRORISM_PURPOSE = {
    "category": "prevent_terrorist_offences",
    "statement": "Prévenir le départ annoncé d'un jeune vers une zone de combat.",
    "objective": "prevent",
    "prevention_rationale": "Propos répétés sur un départ imminent ; achat d'un billet.",
}
ORGANISATION_PURPOSE = {
    "category": "prevent_criminal_organisation_offences",
    "statement": "Prévenir l'exploitation de mineurs par un réseau.",
    "objective": "prevent",
    "criminal_organisation": "Réseau structuré recrutant des mineurs pour la vente de stupéfiants.",
}


def terrorism(*scope: str) -> Change:
    return all_of(setting("purpose", copy.deepcopy(TERRORISM_PURPOSE)), setting("offence_scope", list(scope)))


def organisation(*scope: str) -> Change:
    return all_of(setting("purpose", copy.deepcopy(ORGANISATION_PURPOSE)), setting("offence_scope", list(scope)))


def person(kind: str = "individual", reference: str = "P-002", **identity: Any) -> Body:
    return {
        "reference": reference,
        "identity": {"kind": kind, **identity},
        "privacy_notice_given_at": "2026-11-18T10:00:00+01:00",
    }


def adding_person(p: Body) -> Change:
    return lambda body: body["persons_concerned"].append(p)


# ------------------------------------------------------------------------------------------------ the lawful path


def test_lawful_draft_is_created_with_location_etag_and_passes_every_check(
    client: TestClient, coordinator: dict[str, str], basis_id: str, connection: Connection
) -> None:
    r = client.post("/v1/concertations", json=payloads.concertation(basis_id), headers=coordinator)
    assert r.status_code == 201, r.text
    c = r.json()
    assert r.headers["Location"] == f"/v1/concertations/{c['id']}"
    assert r.headers["ETag"] == '"1"'
    assert (c["state"], c["org"], c["policy_profile"], c["version"]) == ("draft", "cpas-a", "safeguards", 1)
    assert "Martin" not in r.text
    assert stored(connection, c["id"], "offence_scope") == ["cp_398"]
    assert stored(connection, c["id"], "purpose_category") == "protect_integrity"
    # D11: in safeguards, a concertation whose person concerned is not yet informed carries a warning (R28)
    assert audit(connection, "concertation.create", c["id"]) == [("success", ["person_not_informed"])]

    r = client.get(f"/v1/concertations/{c['id']}/compliance", headers=coordinator)
    assert r.status_code == 200
    report = r.json()
    assert report["compliant"] is True
    assert {x["status"] for x in report["checks"] if x["rule"] != "R28"} == {"pass"}
    assert [(x["code"], x["status"]) for x in report["checks"] if x["rule"] == "R28"] == [
        ("person_not_informed", "warn")
    ]
    covered = {x["rule"] for x in report["checks"]}
    assert covered >= {"R1", "R6", "R7", "R9", "R10", "R11", "R14", "R16", "R23", "R24", "R26", "R55", "R113"}


# ------------------------------------------------------------------------------------------------ refused at write


WRITE_REFUSALS: list[tuple[str, Change, str, str]] = [
    ("R6-purpose_outside_basis", terrorism("cp_140"), "R6", "outside_basis"),
    ("R7-unknown_type", setting("concertation_type", "barbecue"), "R7", "concertation_type_unknown"),
    ("R10-social_fraud", setting("purpose.category", "social_fraud"), "R10", "purpose_not_allowed"),
    ("R12-integrity_offence_for_terrorism", terrorism("cp_398"), "R12", "offence_ref_not_terrorist"),
    (
        "R13-terrorist_offence_for_organisation",
        organisation("cp_140"),
        "R13",
        "offence_ref_not_criminal_organisation",
    ),
    ("R14-unknown_offence", setting("offence_scope", ["cp_999"]), "R14", "offence_unknown"),
    ("R14-duplicated_offence", setting("offence_scope", ["cp_398", "cp_398"]), "R14", "offence_duplicated"),
    ("R14-terrorist_offence_for_integrity", setting("offence_scope", ["cp_140"]), "R14", "offence_outside_purpose"),
    ("R15-collect_evidence", setting("purpose.objective", "collect_evidence"), "R15", "purpose_not_preventive"),
    ("R24-unknown_meeting_kind", setting("meeting_kind", "dinner"), "R24", "meeting_kind_required"),
    (
        "R26-family_label",
        setting("persons_concerned", [person("family", "P-001", family_name="Martin")]),
        "R26",
        "person_not_identified",
    ),
    (
        "R26-individual_without_birth_date",
        setting("persons_concerned", [person("individual", "P-001", family_name="Martin", given_names="Léa")]),
        "R26",
        "person_not_identified",
    ),
    (
        "R26-duplicate_reference",
        adding_person(person("individual", "P-001", national_number="14050212345")),
        "R26",
        "person_reference_ambiguous",
    ),
    (
        "R113-before_458ter",
        all_of(setting("scheduled_start", "2016-12-01T09:00:00+01:00"), removing("scheduled_end")),
        "R113",
        "before_458ter_in_force",
    ),
    ("R113-schedule_inverted", setting("scheduled_end", "2026-12-01T08:00:00+01:00"), "R113", "schedule_inverted"),
    (
        "R115-unknown_alternative",
        setting("subsidiarity.alternatives_considered", [{"alternative": "prayer", "why_insufficient": "x"}]),
        "R115",
        "unknown_value",
    ),
    ("R115-unknown_initiator", setting("initiator_type", "neighbour"), "R115", "unknown_value"),
    ("R115-unknown_dimension", setting("purpose.integrity_dimensions", ["spiritual"]), "R115", "unknown_value"),
    ("R115-unknown_profile", setting("policy_profile", "lenient"), "R115", "unknown_value"),
    (
        "R67-shared_secrecy",
        setting("justification", "shared_professional_secrecy"),
        "R67",
        "shared_secrecy_is_not_a_concertation",
    ),
]

#: Refused by the request schema (an unknown enum value), before the use case and its audit run.
SCHEMA_REFUSALS = {
    "R10-social_fraud",
    "R24-unknown_meeting_kind",
    "R115-unknown_alternative",
    "R115-unknown_initiator",
    "R115-unknown_dimension",
    "R115-unknown_profile",
}


@pytest.mark.parametrize(("case", "change", "rule", "code"), WRITE_REFUSALS, ids=[w[0] for w in WRITE_REFUSALS])
def test_create_refuses_what_the_law_forbids_outright(
    client: TestClient,
    coordinator: dict[str, str],
    connection: Connection,
    case: str,
    change: Change,
    rule: str,
    code: str,
) -> None:
    # R6: the basis determines the integrity purpose only.
    basis = register(client, coordinator, **({"purposes": ["protect_integrity"]} if rule == "R6" else {}))
    body = payloads.concertation(basis)
    change(body)
    r = client.post("/v1/concertations", json=body, headers=coordinator)
    assert r.status_code == 422, r.text
    assert r.headers["content-type"].startswith(PROBLEM)
    problem = r.json()
    assert (rule, code) in pairs(problem), problem["violations"]
    assert problem["code"] == problem["violations"][0]["code"]
    assert count(connection, "concertation") == 0
    assert count(connection, "person_concerned") == 0
    if case not in SCHEMA_REFUSALS:
        [(outcome, codes)] = audit(connection, "concertation.create")
        assert outcome == "refused"
        assert code in codes


def test_unknown_legal_basis_is_refused_under_r1(
    client: TestClient, coordinator: dict[str, str], connection: Connection
) -> None:
    r = client.post("/v1/concertations", json=payloads.concertation(str(uuid.uuid4())), headers=coordinator)
    assert r.status_code == 422, r.text
    assert r.json()["code"] == "legal_basis_missing"
    assert pairs(r.json()) == {("R1", "legal_basis_missing")}
    assert count(connection, "concertation") == 0
    assert audit(connection, "concertation.create") == [("refused", ["legal_basis_missing"])]


def test_a_deployment_that_stops_accepting_prosecutor_authorisations_refuses_concertations_on_them(
    client: TestClient, coordinator: dict[str, str], settings: Settings, connection: Connection
) -> None:
    r = client.post("/v1/legal-bases", json=payloads.authorisation(), headers=coordinator)
    assert r.status_code == 201, r.text
    basis = r.json()["id"]
    c = create(client, coordinator, payloads.concertation(basis))
    assert c["democratic_control"] is False

    settings.allow_prosecutor_authorisation_basis = False  # D9 changed after the basis was registered
    r = client.post("/v1/concertations", json=payloads.concertation(basis), headers=coordinator)
    assert r.status_code == 422, r.text
    assert pairs(r.json()) == {("R8", "basis_not_democratically_controlled")}
    r = client.post(f"/v1/concertations/{c['id']}/schedule", headers=coordinator)
    assert r.status_code == 409
    assert ("R8", "basis_not_democratically_controlled") in pairs(r.json())
    assert count(connection, "concertation") == 1


@pytest.mark.parametrize(
    ("change", "rule"),
    [
        (terrorism("cp_140"), "R12"),
        (organisation("cp_324ter_par1"), "R13"),
        (organisation("cp_433quinquies", "cp_324ter_par1"), "R13"),
    ],
    ids=["R12-terrorist_offence", "R13-participation_offence", "R13-integrity_and_organisation_offence"],
)
def test_offences_that_serve_the_purpose_are_accepted(
    client: TestClient, coordinator: dict[str, str], basis_id: str, change: Change, rule: str
) -> None:
    body = payloads.concertation(basis_id)
    change(body)
    body["purpose"].pop("protected_persons", None)
    r = client.post("/v1/concertations", json=body, headers=coordinator)
    assert r.status_code == 201, r.text
    report = client.get(f"/v1/concertations/{r.json()['id']}/compliance", headers=coordinator).json()
    assert ("pass", "offence_scope_valid") in check(report, rule)
    assert report["compliant"] is True, [c for c in report["checks"] if c["status"] != "pass"]


def test_terrorism_offence_codes_come_from_the_reference_catalogue(
    client: TestClient, coordinator: dict[str, str], basis_id: str
) -> None:
    catalogue = client.get("/v1/reference/offences", headers=coordinator).json()["items"]
    terrorist = [o["code"] for o in catalogue if o["purposes"] == ["prevent_terrorist_offences"] and o["in_force"]]
    integrity_only = [o["code"] for o in catalogue if o["purposes"] == ["protect_integrity"] and o["in_force"]]
    assert terrorist and integrity_only
    body = payloads.concertation(basis_id)
    terrorism(terrorist[0], integrity_only[0])(body)
    r = client.post("/v1/concertations", json=body, headers=coordinator)
    assert r.status_code == 422
    assert pairs(r.json()) == {("R12", "offence_ref_not_terrorist")}
    assert r.json()["violations"][0]["field"] == "offence_scope[1]"


# ------------------------------------------------------------------------------------------------ refused at schedule


SCHEDULE_REFUSALS: list[tuple[str, Change, dict[str, Any], set[tuple[str, str]]]] = [
    (
        "R1-basis_not_in_force",
        lambda b: None,
        {"valid_until": "2026-06-30"},
        {("R1", "legal_basis_not_in_force")},
    ),
    (
        "R6-chairing_magistrate",
        lambda b: None,
        {"modalities": {"chairing_magistrate_required": True}},
        {("R6", "chairing_magistrate_required")},
    ),
    ("R7-type_missing", removing("concertation_type"), {}, {("R7", "concertation_type_required")}),
    ("R9-confidential_basis", lambda b: None, {"confidential": True}, {("R9", "basis_not_accessible")}),
    ("R10-purpose_missing", removing("purpose"), {}, {("R10", "purpose_required")}),
    (
        "R11-no_protected_persons",
        all_of(setting("purpose.protected_persons", []), removing("purpose.threat_description")),
        {},
        {("R11", "protected_persons_required")},
    ),
    (
        "R11-protected_person_unknown",
        setting("purpose.protected_persons", [{"reference": "P-404", "role": "person_concerned"}]),
        {},
        {("R11", "protected_person_unknown")},
    ),
    (
        "R12-no_rationale_no_offence",
        all_of(terrorism(), removing("purpose.prevention_rationale")),
        {},
        {("R12", "offence_refs_required"), ("R12", "prevention_rationale_required")},
    ),
    (
        "R13-no_organisation_link",
        all_of(organisation("cp_324ter_par1"), removing("purpose.criminal_organisation")),
        {},
        {("R13", "no_criminal_organisation_link")},
    ),
    ("R15-no_statement", removing("purpose.statement"), {}, {("R15", "purpose_statement_required")}),
    ("R15-no_objective", removing("purpose.objective"), {}, {("R15", "objective_required")}),
    ("R23-no_chair", removing("chair"), {}, {("R23", "chair_required")}),
    ("R23-requester_unnamed", setting("requester.name", " "), {}, {("R23", "requester_required")}),
    ("R23-no_initiator", removing("initiator_type"), {}, {("R23", "initiator_required")}),
    ("R24-no_meeting_kind", removing("meeting_kind"), {}, {("R24", "meeting_kind_required")}),
    ("R24-absence_not_justified", removing("why_person_not_present"), {}, {("R24", "absence_not_justified")}),
    (
        "R26-no_person_concerned",
        all_of(
            setting("persons_concerned", []),
            setting("purpose.protected_persons", [{"reference": "child-2", "role": "third_party"}]),
        ),
        {},
        {("R26", "person_concerned_required")},
    ),
    ("R55-no_subsidiarity", removing("subsidiarity"), {}, {("R55", "last_resort_not_justified")}),
    (
        "R55-why_now_missing",
        removing("subsidiarity.why_concertation_now"),
        {},
        {("R55", "last_resort_not_justified")},
    ),
    ("R113-no_date", all_of(removing("scheduled_start"), removing("scheduled_end")), {}, {("R113", "date_required")}),
    ("R113-offence_repealed", setting("offence_scope", ["cp_371_1"]), {}, {("R113", "offence_not_in_force")}),
]


@pytest.mark.parametrize(
    ("case", "change", "basis", "expected"), SCHEDULE_REFUSALS, ids=[s[0] for s in SCHEDULE_REFUSALS]
)
def test_draft_is_stored_but_scheduling_refuses_while_a_check_fails(
    client: TestClient,
    coordinator: dict[str, str],
    connection: Connection,
    case: str,
    change: Change,
    basis: dict[str, Any],
    expected: set[tuple[str, str]],
) -> None:
    body = payloads.concertation(register(client, coordinator, **copy.deepcopy(basis)))
    change(body)
    c = create(client, coordinator, body)

    report = client.get(f"/v1/concertations/{c['id']}/compliance", headers=coordinator).json()
    assert report["compliant"] is False
    assert {(x["rule"], x["code"]) for x in report["checks"] if x["status"] == "fail"} == expected

    r = client.post(f"/v1/concertations/{c['id']}/schedule", headers=coordinator)
    assert r.status_code == 409, r.text
    assert r.headers["content-type"].startswith(PROBLEM)
    assert r.json()["code"] == "not_compliant"
    assert pairs(r.json()) == expected
    assert stored(connection, c["id"], "state") == "draft"
    assert stored(connection, c["id"], "version") == 1
    [(outcome, codes)] = audit(connection, "concertation.schedule", c["id"])
    assert outcome == "refused"
    assert set(codes) == {code for _, code in expected}


def test_chair_from_the_prosecution_satisfies_a_basis_requiring_a_chairing_magistrate(
    client: TestClient, coordinator: dict[str, str]
) -> None:
    basis = register(client, coordinator, modalities={"chairing_magistrate_required": True})
    body = payloads.concertation(basis)
    body["chair"] = {
        "name": "C. Janssens",
        "organisation": "Parquet de Bruxelles",
        "function": "substitut",
        "sector": "prosecution",
    }
    c = create(client, coordinator, body)
    r = client.post(f"/v1/concertations/{c['id']}/schedule", headers=coordinator)
    assert r.status_code == 200, r.text


# ------------------------------------------------------------------------------------------------ profiles


@pytest.mark.parametrize(
    ("change", "basis", "rule", "code"),
    [
        (removing("concertation_type"), {}, "R7", "concertation_type_required"),
        (lambda b: None, {"confidential": True}, "R9", "basis_not_accessible"),
        (removing("subsidiarity"), {}, "R55", "last_resort_not_justified"),
        (removing("why_person_not_present"), {}, "R24", "absence_not_justified"),
    ],
    ids=["R7-type_missing", "R9-confidential_basis", "R55-no_subsidiarity", "R24-absence_not_justified"],
)
def test_recommendations_only_warn_in_legal_minimum(
    client: TestClient,
    coordinator: dict[str, str],
    change: Change,
    basis: dict[str, Any],
    rule: str,
    code: str,
) -> None:
    body = payloads.concertation(register(client, coordinator, **basis), policy_profile="legal_minimum")
    change(body)
    c = create(client, coordinator, body)
    report = client.get(f"/v1/concertations/{c['id']}/compliance", headers=coordinator).json()
    assert report["policy_profile"] == "legal_minimum"
    assert report["compliant"] is True
    assert check(report, rule) == [("warn", code)]
    r = client.post(f"/v1/concertations/{c['id']}/schedule", headers=coordinator)
    assert r.status_code == 200, r.text
    assert r.json()["state"] == "scheduled"


def test_collect_evidence_is_refused_in_safeguards_and_a_warning_in_legal_minimum(
    client: TestClient, coordinator: dict[str, str], basis_id: str
) -> None:
    body = payloads.concertation(basis_id)
    body["purpose"]["objective"] = "collect_evidence"
    r = client.post("/v1/concertations", json=body, headers=coordinator)
    assert r.status_code == 422
    assert pairs(r.json()) == {("R15", "purpose_not_preventive")}

    body["policy_profile"] = "legal_minimum"
    c = create(client, coordinator, body)
    report = client.get(f"/v1/concertations/{c['id']}/compliance", headers=coordinator).json()
    assert check(report, "R15") == [("warn", "purpose_not_preventive")]


@pytest.mark.parametrize(
    ("change", "rule", "code"),
    [
        (removing("chair"), "R23", "chair_required"),
        (removing("purpose"), "R10", "purpose_required"),
        (setting("persons_concerned", []), "R26", "person_concerned_required"),
    ],
    ids=["R23-no_chair", "R10-no_purpose", "R26-no_person"],
)
def test_legal_rules_fail_in_legal_minimum_too(
    client: TestClient, coordinator: dict[str, str], basis_id: str, change: Change, rule: str, code: str
) -> None:
    body = payloads.concertation(basis_id, policy_profile="legal_minimum")
    change(body)
    c = create(client, coordinator, body)
    r = client.post(f"/v1/concertations/{c['id']}/schedule", headers=coordinator)
    assert r.status_code == 409
    assert (rule, code) in pairs(r.json())


# ------------------------------------------------------------------------------------------------ update


def test_patch_needs_if_match(client: TestClient, coordinator: dict[str, str], basis_id: str) -> None:
    c = create(client, coordinator, payloads.concertation(basis_id))
    url = f"/v1/concertations/{c['id']}"
    r = client.patch(url, json={"why_person_not_present": "Autre raison."}, headers=coordinator)
    assert r.status_code == 428
    assert r.json()["code"] == "precondition_required"
    r = client.patch(url, json={"why_person_not_present": "Autre raison."}, headers=if_match(coordinator, 7))
    assert r.status_code == 412
    assert r.json()["code"] == "precondition_failed"
    r = client.patch(url, json={"why_person_not_present": "Autre raison."}, headers=if_match(coordinator, 1))
    assert r.status_code == 200, r.text
    assert r.headers["ETag"] == '"2"'
    assert r.json()["why_person_not_present"] == "Autre raison."
    r = client.patch(url, json={"why_person_not_present": "Encore."}, headers=if_match(coordinator, 1))
    assert r.status_code == 412


def test_get_returns_the_current_etag(client: TestClient, coordinator: dict[str, str], basis_id: str) -> None:
    c = create(client, coordinator, payloads.concertation(basis_id))
    client.patch(f"/v1/concertations/{c['id']}", json={"concertation_type": "csil_r"}, headers=if_match(coordinator, 1))
    r = client.get(f"/v1/concertations/{c['id']}", headers=coordinator)
    assert r.status_code == 200
    assert r.headers["ETag"] == '"2"'
    assert r.json()["concertation_type"] == "csil_r"


@pytest.mark.parametrize(
    ("patch", "rule", "code"),
    [
        (
            {"purpose": {**payloads.concertation("x")["purpose"], "objective": "collect_evidence"}},
            "R15",
            "purpose_not_preventive",
        ),
        ({"offence_scope": ["cp_999"]}, "R14", "offence_unknown"),
        ({"concertation_type": "barbecue"}, "R7", "concertation_type_unknown"),
        ({"scheduled_start": "2016-01-04T09:00:00+01:00", "scheduled_end": None}, "R113", "before_458ter_in_force"),
        ({"legal_basis_id": str(uuid.UUID(int=7))}, "R1", "legal_basis_missing"),
        ({"meeting_kind": "dinner"}, "R24", "meeting_kind_required"),
    ],
    ids=["R15", "R14", "R7", "R113", "R1-unknown_basis", "R24-unknown_enum"],
)
def test_patch_refuses_what_create_refuses(
    client: TestClient,
    coordinator: dict[str, str],
    basis_id: str,
    connection: Connection,
    patch: Body,
    rule: str,
    code: str,
) -> None:
    c = create(client, coordinator, payloads.concertation(basis_id))
    r = client.patch(f"/v1/concertations/{c['id']}", json=patch, headers=if_match(coordinator, 1))
    assert r.status_code == 422, r.text
    assert (rule, code) in pairs(r.json())
    assert stored(connection, c["id"], "version") == 1
    assert stored(connection, c["id"], "legal_basis_id") in (basis_id, basis_id.replace("-", ""), uuid.UUID(basis_id))


def test_patch_can_move_a_draft_to_another_basis(
    client: TestClient, coordinator: dict[str, str], basis_id: str, connection: Connection
) -> None:
    other = register(client, coordinator)
    c = create(client, coordinator, payloads.concertation(basis_id))
    r = client.patch(f"/v1/concertations/{c['id']}", json={"legal_basis_id": other}, headers=if_match(coordinator, 1))
    assert r.status_code == 200, r.text
    assert r.json()["legal_basis_id"] == other
    assert audit(connection, "concertation.update", c["id"]) == [("success", [])]


def test_foundations_are_fixed_once_scheduled(
    client: TestClient, coordinator: dict[str, str], basis_id: str, connection: Connection
) -> None:
    other = register(client, coordinator)
    c = create(client, coordinator, payloads.concertation(basis_id))
    scheduled = client.post(f"/v1/concertations/{c['id']}/schedule", headers=coordinator)
    assert scheduled.status_code == 200
    version = scheduled.json()["version"]
    url = f"/v1/concertations/{c['id']}"

    r = client.patch(url, json={"legal_basis_id": other}, headers=if_match(coordinator, version))
    assert r.status_code == 409
    assert r.json()["code"] == "foundations_fixed"
    organisation_purpose = {"purpose": copy.deepcopy(ORGANISATION_PURPOSE), "offence_scope": ["cp_433quinquies"]}
    r = client.patch(url, json=organisation_purpose, headers=if_match(coordinator, version))
    assert r.status_code == 409
    assert r.json()["code"] == "foundations_fixed"
    assert [o for o, _ in audit(connection, "concertation.update", c["id"])] == ["refused", "refused"]

    r = client.patch(url, json={"why_person_not_present": "Précision."}, headers=if_match(coordinator, version))
    assert r.status_code == 200, r.text


def test_a_scheduled_concertation_stays_compliant(
    client: TestClient, coordinator: dict[str, str], basis_id: str
) -> None:
    c = create(client, coordinator, payloads.concertation(basis_id))
    version = client.post(f"/v1/concertations/{c['id']}/schedule", headers=coordinator).json()["version"]
    r = client.patch(f"/v1/concertations/{c['id']}", json={"chair": None}, headers=if_match(coordinator, version))
    assert r.status_code == 409
    assert r.json()["code"] == "not_compliant"
    assert ("R23", "chair_required") in pairs(r.json())


def test_offence_scope_only_shrinks_after_the_session_starts(
    client: TestClient, coordinator: dict[str, str], basis_id: str, connection: Connection
) -> None:
    c = create(client, coordinator, payloads.concertation(basis_id, offence_scope=["cp_398", "cp_399"]))
    url = f"/v1/concertations/{c['id']}"
    client.post(f"{url}/schedule", headers=coordinator)
    # Before the session, the scope may still grow.
    r = client.patch(url, json={"offence_scope": ["cp_398", "cp_399", "cp_400"]}, headers=if_match(coordinator, 2))
    assert r.status_code == 200, r.text
    started = client.post(f"{url}/start", headers=coordinator)
    assert started.status_code == 200, started.text
    assert started.json()["scope_frozen_at"] is not None
    version = started.json()["version"]

    r = client.patch(url, json={"offence_scope": ["cp_398", "cp_401"]}, headers=if_match(coordinator, version))
    assert r.status_code == 409
    assert r.json()["code"] == "scope_frozen"
    assert pairs(r.json()) == {("R51", "scope_frozen")}
    assert stored(connection, c["id"], "offence_scope") == ["cp_398", "cp_399", "cp_400"]

    r = client.patch(url, json={"offence_scope": ["cp_398"]}, headers=if_match(coordinator, version))
    assert r.status_code == 200, r.text
    assert r.json()["offence_scope"] == ["cp_398"]
    assert stored(connection, c["id"], "offence_scope") == ["cp_398"]
    assert [o for o, _ in audit(connection, "concertation.update", c["id"])] == ["success", "refused", "success"]


def test_null_clears_the_offence_scope_even_after_the_session_starts(
    client: TestClient, coordinator: dict[str, str], basis_id: str, connection: Connection
) -> None:
    c = create(client, coordinator, payloads.concertation(basis_id))
    url = f"/v1/concertations/{c['id']}"
    client.post(f"{url}/schedule", headers=coordinator)
    version = client.post(f"{url}/start", headers=coordinator).json()["version"]
    r = client.patch(url, json={"offence_scope": None}, headers=if_match(coordinator, version))
    assert r.status_code == 200, r.text
    assert r.json()["offence_scope"] == []
    assert stored(connection, c["id"], "offence_scope") == []


# ------------------------------------------------------------------------------------------------ bad requests


def test_unknown_field_is_refused(client: TestClient, coordinator: dict[str, str], basis_id: str) -> None:
    body = payloads.concertation(basis_id, secret_notes="…")
    r = client.post("/v1/concertations", json=body, headers=coordinator)
    assert r.status_code == 422
    assert r.headers["content-type"].startswith(PROBLEM)
    assert [(v["code"], v["field"]) for v in r.json()["violations"]] == [("unknown_field", "secret_notes")]

    body = payloads.concertation(basis_id)
    body["chair"]["phone"] = "0470"
    r = client.post("/v1/concertations", json=body, headers=coordinator)
    assert r.status_code == 422
    assert [(v["code"], v["field"]) for v in r.json()["violations"]] == [("unknown_field", "chair.phone")]


@pytest.mark.parametrize(
    ("change", "field"),
    [
        (setting("why_person_not_present", "x" * 2001), "why_person_not_present"),
        (setting("chair.name", "x" * 201), "chair.name"),
        (setting("concertation_type", "x" * 65), "concertation_type"),
    ],
    ids=["text_2k", "str_200", "str_64"],
)
def test_over_long_string_is_refused(
    client: TestClient, coordinator: dict[str, str], basis_id: str, change: Change, field: str
) -> None:
    body = payloads.concertation(basis_id)
    change(body)
    r = client.post("/v1/concertations", json=body, headers=coordinator)
    assert r.status_code == 422
    assert [(v["code"], v["field"]) for v in r.json()["violations"]] == [("value_too_long", field)]


@pytest.mark.parametrize(
    "instant", ["9999-12-31T23:59:59-12:00", "0001-01-01T00:30:00+01:00"], ids=["after_9999_in_utc", "before_year_1"]
)
def test_instant_without_a_utc_equivalent_is_refused(
    client: TestClient, coordinator: dict[str, str], basis_id: str, instant: str
) -> None:
    body = payloads.concertation(basis_id, scheduled_start=instant, scheduled_end=None)
    r = client.post("/v1/concertations", json=body, headers=coordinator)
    assert r.status_code == 422, r.text
    assert [(v["code"], v["field"]) for v in r.json()["violations"]] == [("value_invalid", "scheduled_start")]


def test_too_many_offences_is_refused(client: TestClient, coordinator: dict[str, str], basis_id: str) -> None:
    r = client.post(
        "/v1/concertations", json=payloads.concertation(basis_id, offence_scope=["cp_398"] * 51), headers=coordinator
    )
    assert r.status_code == 422
    assert {v["code"] for v in r.json()["violations"]} == {"too_many_items"}


def test_body_over_the_limit_is_413(client: TestClient, coordinator: dict[str, str], basis_id: str) -> None:
    body = payloads.concertation(basis_id, why_person_not_present="x" * 300_000)
    r = client.post("/v1/concertations", json=body, headers=coordinator)
    assert r.status_code == 413
    assert r.headers["content-type"].startswith(PROBLEM)
    assert r.json()["code"] == "payload_too_large"


def test_malformed_json_is_400(client: TestClient, coordinator: dict[str, str], connection: Connection) -> None:
    r = client.post(
        "/v1/concertations",
        content=b'{"legal_basis_id": ',
        headers={**coordinator, "Content-Type": "application/json"},
    )
    assert r.status_code == 400
    assert r.headers["content-type"].startswith(PROBLEM)
    assert r.json()["code"] == "malformed_json"
    assert count(connection, "concertation") == 0


def test_unknown_concertation_is_404(client: TestClient, coordinator: dict[str, str]) -> None:
    unknown = uuid.uuid4()
    for method, path in (
        ("get", f"/v1/concertations/{unknown}"),
        ("get", f"/v1/concertations/{unknown}/compliance"),
        ("post", f"/v1/concertations/{unknown}/schedule"),
    ):
        r = getattr(client, method)(path, headers=coordinator)
        assert r.status_code == 404, path
        assert r.json()["code"] == "not_found"


def test_invalid_id_in_path_is_a_client_error(client: TestClient, coordinator: dict[str, str]) -> None:
    r = client.get("/v1/concertations/not-a-uuid", headers=coordinator)
    assert r.status_code == 422
    assert r.headers["content-type"].startswith(PROBLEM)


def test_only_a_coordinator_creates(client: TestClient, auth: Token, basis_id: str, connection: Connection) -> None:
    for headers in (auth("p", "participant"), auth("x", "coordinator", org=None)):
        r = client.post("/v1/concertations", json=payloads.concertation(basis_id), headers=headers)
        assert r.status_code == 403
        assert r.json()["code"] == "forbidden"
    assert count(connection, "concertation") == 0
    assert [o for o, _ in audit(connection, "concertation.create")] == ["denied", "denied"]


# ------------------------------------------------------------------------------------------------ lifecycle


def test_full_lifecycle_schedule_start_end_close(
    client: TestClient, coordinator: dict[str, str], basis_id: str, connection: Connection
) -> None:
    c = create(client, coordinator, payloads.concertation(basis_id))
    url = f"/v1/concertations/{c['id']}"
    states = []
    for step in ("schedule", "start", "end", "start", "end", "close"):
        if step == "close":  # D11: the person is told what was shared and decided before the concertation closes
            informed = payloads.information(c["persons_concerned"][0]["id"], after_session=True)
            r = client.post(f"{url}/person-concerned/information", json=informed, headers=coordinator)
            assert r.status_code == 201, r.text
        r = client.post(f"{url}/{step}", headers=coordinator)
        assert r.status_code == 200, (step, r.text)
        states.append(r.json()["state"])
        assert r.headers["ETag"] == f'"{r.json()["version"]}"'
    assert states == ["scheduled", "in_session", "held", "in_session", "held", "closed"]
    assert stored(connection, c["id"], "state") == "closed"
    assert stored(connection, c["id"], "version") == 7

    r = client.patch(url, json={"why_person_not_present": "Trop tard."}, headers=if_match(coordinator, 7))
    assert r.status_code == 409
    assert r.json()["code"] == "concertation_not_editable"
    r = client.post(f"{url}/cancel", headers=coordinator)
    assert r.status_code == 409
    assert r.json()["code"] == "invalid_transition"
    actions = connection.execute(
        text("SELECT action, outcome FROM audit_event WHERE concertation_id = :c ORDER BY seq"),
        {"c": db_id(connection, c["id"])},
    ).all()
    assert [tuple(a) for a in actions] == [
        ("concertation.create", "success"),
        ("concertation.schedule", "success"),
        ("concertation.start", "success"),
        ("concertation.end", "success"),
        ("concertation.start", "success"),
        ("concertation.end", "success"),
        ("information.create", "success"),
        ("concertation.close", "success"),
        ("concertation.update", "refused"),
        ("concertation.cancel", "refused"),
    ]


@pytest.mark.parametrize(
    "steps",
    [[], ["schedule"], ["schedule", "start"], ["schedule", "start", "end"]],
    ids=["from_draft", "from_scheduled", "from_in_session", "from_held"],
)
def test_cancel_from_any_state_before_closed(
    client: TestClient, coordinator: dict[str, str], basis_id: str, steps: list[str]
) -> None:
    c = create(client, coordinator, payloads.concertation(basis_id))
    for step in steps:
        assert client.post(f"/v1/concertations/{c['id']}/{step}", headers=coordinator).status_code == 200
    r = client.post(f"/v1/concertations/{c['id']}/cancel", headers=coordinator)
    assert r.status_code == 200, r.text
    assert r.json()["state"] == "cancelled"
    r = client.post(f"/v1/concertations/{c['id']}/schedule", headers=coordinator)
    assert r.status_code == 409
    assert r.json()["code"] == "invalid_transition"


def test_a_non_compliant_draft_may_still_be_cancelled(
    client: TestClient, coordinator: dict[str, str], basis_id: str
) -> None:
    body = payloads.concertation(basis_id)
    del body["subsidiarity"]
    c = create(client, coordinator, body)
    r = client.post(f"/v1/concertations/{c['id']}/cancel", headers=coordinator)
    assert r.status_code == 200
    assert r.json()["state"] == "cancelled"


@pytest.mark.parametrize(
    ("steps", "step"),
    [
        ([], "start"),
        ([], "end"),
        ([], "close"),
        (["schedule"], "schedule"),
        (["schedule"], "close"),
        (["schedule", "start"], "close"),
    ],
    ids=["start_draft", "end_draft", "close_draft", "schedule_twice", "close_scheduled", "close_in_session"],
)
def test_invalid_transition_is_409(
    client: TestClient,
    coordinator: dict[str, str],
    basis_id: str,
    connection: Connection,
    steps: list[str],
    step: str,
) -> None:
    c = create(client, coordinator, payloads.concertation(basis_id))
    for s in steps:
        assert client.post(f"/v1/concertations/{c['id']}/{s}", headers=coordinator).status_code == 200
    before = stored(connection, c["id"], "state")
    r = client.post(f"/v1/concertations/{c['id']}/{step}", headers=coordinator)
    assert r.status_code == 409
    assert r.json()["code"] == "invalid_transition"
    assert stored(connection, c["id"], "state") == before
    assert audit(connection, f"concertation.{step}", c["id"])[-1] == ("refused", ["invalid_transition"])


def test_start_rechecks_compliance(client: TestClient, coordinator: dict[str, str], connection: Connection) -> None:
    basis = register(client, coordinator)
    c = create(client, coordinator, payloads.concertation(basis))
    assert client.post(f"/v1/concertations/{c['id']}/schedule", headers=coordinator).status_code == 200
    client.post(f"/v1/legal-bases/{basis}/retire", json={"reason": "Abrogé."}, headers=coordinator)
    r = client.post(f"/v1/concertations/{c['id']}/start", headers=coordinator)
    assert r.status_code == 409
    assert r.json()["code"] == "not_compliant"
    assert ("R1", "legal_basis_retired") in pairs(r.json())
    assert stored(connection, c["id"], "state") == "scheduled"


def test_transition_with_stale_if_match_is_412(client: TestClient, coordinator: dict[str, str], basis_id: str) -> None:
    c = create(client, coordinator, payloads.concertation(basis_id))
    r = client.post(f"/v1/concertations/{c['id']}/schedule", headers=if_match(coordinator, 9))
    assert r.status_code == 412
    r = client.post(f"/v1/concertations/{c['id']}/schedule", headers=if_match(coordinator, 1))
    assert r.status_code == 200


# ------------------------------------------------------------------------------------------------ languages


def test_messages_follow_accept_language(client: TestClient, auth: Token, basis_id: str) -> None:
    body = payloads.concertation(basis_id, offence_scope=["cp_999"])
    answers = {}
    for lang in ("fr", "nl", "en"):
        r = client.post("/v1/concertations", json=body, headers=auth("coord-1", "coordinator", lang=lang))
        assert r.status_code == 422
        answers[lang] = r.json()
    assert {a["code"] for a in answers.values()} == {"offence_unknown"}
    for lang in ("nl", "en"):
        assert answers[lang]["violations"][0]["message"] != answers["fr"]["violations"][0]["message"]
        assert answers[lang]["detail"] != answers["fr"]["detail"]
        assert answers[lang]["title"] != answers["fr"]["title"]
    assert answers["nl"]["violations"][0]["message"] != answers["en"]["violations"][0]["message"]
    # The legal ground too: the Dutch official citation (Sw.), an English one that keeps the French official text.
    grounds = {lang: a["violations"][0]["legal_ground"] for lang, a in answers.items()}
    assert "C. pén." in grounds["fr"] and "Sw." in grounds["nl"] and "C. pén." not in grounds["nl"]
    assert grounds["en"].startswith("Penal Code") and f"[French official text: {grounds['fr']}]" in grounds["en"]


def test_compliance_messages_follow_accept_language(client: TestClient, auth: Token, basis_id: str) -> None:
    body = payloads.concertation(basis_id)
    del body["subsidiarity"]
    coordinator = auth("coord-1", "coordinator")
    c = create(client, coordinator, body)
    messages = {}
    grounds = {}
    for lang in ("fr", "nl", "en"):
        report = client.get(
            f"/v1/concertations/{c['id']}/compliance", headers=auth("coord-1", "coordinator", lang=lang)
        ).json()
        messages[lang] = next(x["message"] for x in report["checks"] if x["rule"] == "R55")
        grounds[lang] = next(x["legal_ground"] for x in report["checks"] if x["rule"] == "R55")
    assert len(set(messages.values())) == 3
    assert len(set(grounds.values())) == 3
    assert grounds["fr"] in grounds["en"], "the English ground names the French official text it renders"


def test_a_refusal_decided_by_schema_validation_is_audited_too(
    client: TestClient, auth: Token, connection: Connection
) -> None:
    """R10 via an unknown purpose category: refused before the use case runs, yet in the audit trail."""
    coordinator = auth("coord-audit", "coordinator")
    basis = client.post("/v1/legal-bases", json=payloads.decree(), headers=coordinator).json()
    body = payloads.concertation(basis["id"])
    body["purpose"]["category"] = "social_fraud_control"
    r = client.post("/v1/concertations", json=body, headers=coordinator)
    assert r.status_code == 422
    assert [v["rule"] for v in r.json()["violations"]] == ["R10"]
    row = connection.execute(
        text(
            "SELECT outcome, codes, details FROM audit_event WHERE action = 'request.refused' "
            "AND actor_subject = 'coord-audit'"
        )
    ).one()
    assert row[0] == "refused" and "purpose_not_allowed" in str(row[1]) and "/v1/concertations" in str(row[2])
