"""The OpenAPI document is complete enough for a generated client (issue 11, item 3): operationIds, tags, servers,
descriptions, `If-Match` where 428 needs it, the 503 with `Retry-After`, and examples valid against their schemas.
What the service actually sends (headers, accepted examples) is checked in test_live.py."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import jsonschema_rs
import pytest

from api import examples
from api.http import PROBLEM_JSON
from api.openapi import TAGS, generate

#: issue 11 / notes common.md §1: the operationIds generated clients (and the console) are built on.
OPERATION_IDS = """
createLegalBasis listLegalBases getLegalBasis retireLegalBasis createConcertation listConcertations getConcertation
updateConcertation getComplianceReport scheduleConcertation startConcertation endConcertation closeConcertation
cancelConcertation addParticipant listParticipants getParticipant updateParticipant respondToInvitation
getSecrecyNotice acknowledgeSecrecy getParticipantFlags invokeSilence liftSilence recordAttendance getAttendance
addAgendaItem listAgendaItems addPersonConcerned getPersonConcerned recordConsent withdrawConsent getConsent
recordInformation getInformation recordInformationException getInformationException addMinutesEntry readMinutes
finaliseMinutes markDisclosedToPerson fileProsecutionRequest getProsecutionRequest getDisclosure listAlerts
listAuditEvents verifyAuditChain listPurposes listOffences getPolicy issueToken createDevelopmentToken healthz readyz
""".split()  # noqa: SIM905 - a paragraph to read, not a list to diff
#: The newcomer's order of issue 11.
TAG_ORDER = [
    "legal bases",
    "concertations",
    "participants",
    "person concerned",
    "minutes",
    "prosecution",
    "disclosures",
    "audit",
    "reference",
    "partner systems",
    "health",
]
#: Where an absent If-Match is answered 428 (`expected_version(required=True)`): tests/api/test_etags.py.
IF_MATCH_REQUIRED = {
    "updateConcertation",
    "updateParticipant",
    "addFollowUpToArt458bisReport",
    "addFollowUpToNecessityRecord",
}
HEALTH = {"/healthz", "/readyz"}
#: Operations with neither a body, a path parameter nor a `limit`: no 422 to give an example of.
NOTHING_TO_MALFORM = {"listPurposes", "listOffences", "listArt458bisOffences", "getPolicy", "verifyAuditChain"}

Operation = tuple[str, str, dict[str, Any]]


@pytest.fixture(scope="module")
def doc() -> dict[str, Any]:
    return generate()


def operations(doc: dict[str, Any]) -> Iterator[Operation]:
    for path, item in doc["paths"].items():
        for method, operation in item.items():
            yield path, method, operation


def resolve(doc: dict[str, Any], node: dict[str, Any]) -> dict[str, Any]:
    while "$ref" in node:
        target: Any = doc
        for part in node["$ref"].removeprefix("#/").split("/"):
            target = target[part]
        node = target
    return node


def validator(doc: dict[str, Any], schema: dict[str, Any]) -> Any:
    """A JSON Schema 2020-12 validator of `schema` whose `#/components/…` references resolve in `doc`."""
    return jsonschema_rs.Draft202012Validator(
        {**schema, "components": doc["components"]}, validate_formats=True, ignore_unknown_formats=False
    )


def test_every_operation_has_a_short_unique_camel_case_id_and_the_agreed_ones_exist(doc: dict[str, Any]) -> None:
    ids = [op.get("operationId") for _, _, op in operations(doc)]
    assert all(isinstance(i, str) and re.fullmatch(r"[a-z][a-zA-Z0-9]{2,39}", i) for i in ids), ids
    assert len(ids) == len(set(ids))
    assert set(OPERATION_IDS) <= set(ids), sorted(set(OPERATION_IDS) - set(ids))


def test_global_tags_in_the_newcomers_order_each_described_and_each_operation_in_one(doc: dict[str, Any]) -> None:
    assert [t["name"] for t in doc["tags"]] == TAG_ORDER == [t["name"] for t in TAGS]
    assert all(len(t["description"]) > 40 for t in doc["tags"])
    used = set()
    for path, method, op in operations(doc):
        assert len(op["tags"]) == 1 and op["tags"][0] in TAG_ORDER, (method, path, op["tags"])
        used.add(op["tags"][0])
    assert used == set(TAG_ORDER)


def test_every_operation_has_a_summary_and_a_description_and_the_document_a_server(doc: dict[str, Any]) -> None:
    for path, method, op in operations(doc):
        assert op.get("summary") and len(op.get("description", "")) > 20, (method, path)
    assert doc["servers"] == [{"url": "/", "description": "This service: the host that serves this document"}]
    assert doc["info"]["contact"]["name"]


def test_if_match_is_required_exactly_where_its_absence_gives_428(doc: dict[str, Any]) -> None:
    required: set[str] = set()
    optional: set[str] = set()
    for _, _, op in operations(doc):
        for p in op.get("parameters", []):
            if p["in"] == "header" and p["name"] == "If-Match":
                (required if p["required"] else optional).add(op["operationId"])
                assert ("428" in op["responses"]) is p["required"], op["operationId"]
                assert "412" in op["responses"], op["operationId"]
    assert required == IF_MATCH_REQUIRED
    assert optional >= {"scheduleConcertation", "retireLegalBasis", "liftSilence", "withdrawConsent", "finaliseMinutes"}


def test_errors_are_problem_json_and_503_and_429_say_when_to_come_back(doc: dict[str, Any]) -> None:
    unavailable = doc["components"]["responses"]["ServiceUnavailable"]
    assert resolve(doc, unavailable["headers"]["Retry-After"])["required"] is True
    assert unavailable["content"][PROBLEM_JSON]["example"]["code"] == "overloaded"
    for path, method, op in operations(doc):
        for status, response in op["responses"].items():
            if status[0] in "45" and not (path == "/readyz" and status == "503"):
                assert list(resolve(doc, response)["content"]) == [PROBLEM_JSON], (method, path, status)
        if path not in HEALTH:
            assert op["responses"]["503"] == {"$ref": "#/components/responses/ServiceUnavailable"}, (method, path)
        if "429" in op["responses"]:
            assert "Retry-After" in op["responses"]["429"]["headers"], (method, path)
    writes = [op for path, method, op in operations(doc) if path.startswith("/v1/") and method != "get"]
    assert writes and all("429" in op["responses"] for op in writes)


def test_201s_document_location_and_resources_their_etag(doc: dict[str, Any]) -> None:
    for path, method, op in operations(doc):
        for status, response in op["responses"].items():
            if status == "201":
                assert resolve(doc, response["headers"]["Location"])["required"] is True, (method, path)
    assert doc["components"]["headers"]["ETag"]["required"] is True
    get_concertation = doc["paths"]["/v1/concertations/{concertation_id}"]["get"]["responses"]["200"]
    assert get_concertation["headers"]["ETag"]["required"] is False  # not with the invitation or metadata views


def examples_of(doc: dict[str, Any]) -> Iterator[tuple[str, dict[str, Any], Any]]:
    """(where, schema, example) of every example in the document."""
    for _, _, op in operations(doc):
        for media, content in op.get("requestBody", {}).get("content", {}).items():
            if "example" in content:
                yield f"{op['operationId']} request {media}", content["schema"], content["example"]
        for status, response in op["responses"].items():
            for media, content in resolve(doc, response).get("content", {}).items():
                if "example" in content:
                    yield f"{op['operationId']} {status} {media}", content["schema"], content["example"]


def test_every_example_is_valid_against_its_schema(doc: dict[str, Any]) -> None:
    found = list(examples_of(doc))
    assert len(found) > 100
    for where, schema, example in found:
        errors = [f"{e.instance_path}: {e.message}" for e in validator(doc, schema).iter_errors(example)]
        assert not errors, (where, errors[:3])


def test_an_invalid_example_would_be_caught(doc: dict[str, Any]) -> None:
    """The validation above is not vacuous: a wrong type, a missing required field, a malformed id all fail."""
    schema = doc["paths"]["/v1/concertations"]["post"]["requestBody"]["content"]["application/json"]["schema"]
    good = examples.REQUESTS["createConcertation"]
    assert validator(doc, schema).is_valid(good)
    assert not validator(doc, schema).is_valid({**good, "legal_basis_id": "basis-1"})
    assert not validator(doc, schema).is_valid({k: v for k, v in good.items() if k != "legal_basis_id"})
    problem = {"$ref": "#/components/schemas/Problem"}
    assert not validator(doc, problem).is_valid({**examples.NOT_COMPLIANT, "status": "409"})


def test_every_request_body_and_success_has_an_example_and_the_main_errors_too(doc: dict[str, Any]) -> None:
    for _, _, op in operations(doc):
        name = op["operationId"]
        for media, content in op.get("requestBody", {}).get("content", {}).items():
            assert "example" in content, (name, media)
        successes = [s for s in op["responses"] if s.startswith("2")]
        assert successes, name
        for status in successes:
            assert "example" in op["responses"][status]["content"]["application/json"], (name, status)
        for status in ("422", "428"):
            if status in op["responses"] and name not in NOTHING_TO_MALFORM:
                assert "example" in op["responses"][status]["content"][PROBLEM_JSON], (name, status)
        if name in NOTHING_TO_MALFORM:
            names = {(p["in"], p["name"]) for p in op.get("parameters", [])}
            assert "requestBody" not in op and not any(w == "path" or n == "limit" for w, n in names), name
    for name in ("scheduleConcertation", "startConcertation", "closeConcertation"):
        response = next(op for _, _, op in operations(doc) if op["operationId"] == name)["responses"]["409"]
        assert response["content"][PROBLEM_JSON]["example"]["code"] == "not_compliant", name
    refused = doc["paths"]["/v1/concertations/{concertation_id}/prosecution-requests"]["post"]["responses"]["422"]
    assert refused["content"][PROBLEM_JSON]["example"]["violations"][0]["legal_ground"].startswith("art. 458ter §2")


def test_examples_name_only_operations_of_the_api(doc: dict[str, Any]) -> None:
    ids = {op["operationId"] for _, _, op in operations(doc)}
    assert set(examples.REQUESTS) <= ids and set(examples.RESPONSES) <= ids
