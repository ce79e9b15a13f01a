"""SPEC §7: schemathesis over the whole live OpenAPI — stateless and stateful, positive and negative data, every
role — finds no 5xx, no response outside the schema, and no error that is not problem+json.

Both run on SQLite and on PostgreSQL (the `engine` fixture), each case in-process against an app built by
`tests/conftest.py`, on the world `tests/fuzz/conftest.py` seeds through the API, inside one transaction per module
and database that is rolled back at the end. A finding is fixed in the code and pinned by a plain test in
`test_regressions.py`.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import pytest
import schemathesis
from hypothesis import Phase, settings
from hypothesis import strategies as st
from hypothesis.stateful import initialize, rule
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    ignored_auth,
    missing_required_header,
    negative_data_rejection,
    response_headers_conformance,
    response_schema_conformance,
    status_code_conformance,
    unsupported_method,
)
from sqlalchemy import Connection, Engine

from api.openapi import generate
from tests.conftest import NOW, FakeClock
from tests.fuzz.conftest import LIVE, PROFILE, ROLES, SCENARIOS, STEPS, Live, World, poison

PROBLEM = "application/problem+json"


def problem_json(ctx: Any, response: Any, case: Any) -> bool | None:
    """SPEC §5: every error is RFC 9457 problem+json carrying its status and a stable snake_case `code`."""
    if response.status_code < 400:
        return None
    media = response.headers.get("content-type", [""])[0].split(";")[0].strip()
    assert media == PROBLEM, f"{response.status_code} answered as {media!r}, not {PROBLEM}"
    body = json.loads(response.content)
    assert body.get("status") == response.status_code, f"`status` {body.get('status')} on a {response.status_code}"
    code = body.get("code")
    assert isinstance(code, str) and code and code == code.lower() and " " not in code, f"bad `code` {code!r}"
    assert isinstance(body.get("violations"), list), "`violations` missing"
    if response.status_code == 401:  # RFC 9110 §15.5.2
        assert response.headers.get("www-authenticate"), "a 401 without WWW-Authenticate"
    if response.status_code == 429:  # SPEC §5/issue 5: the client is told when to come back
        assert response.headers.get("retry-after"), "a 429 without Retry-After"
    return True


def created_with_location(ctx: Any, response: Any, case: Any) -> bool | None:
    """SPEC §2: every create answers 201 with a `Location` the API serves (read with `GET`; a silence, which is
    only lifted, with `DELETE`)."""
    if response.status_code != 201:
        return None
    location = response.headers.get("location", [""])[0]
    assert location.startswith("/"), f"a 201 without a Location (got {location!r})"
    served = [m for m in ("GET", "DELETE") if case.operation.schema.find_operation_by_path(m, location)]
    assert served, f"Location {location} names no operation of the API"
    return True


def credentials(case: Any, login: dict[str, str]) -> dict[str, str]:
    """The caller's token, unless the case is negative precisely in its credentials (then it goes without)."""
    return {} if case.operation.schema.is_security_param_negated(case) else login


#: The built-in checks that hold for this API, and ours. Left out: `positive_data_acceptance` (valid JSON may still
#: break a rule: 409/422 are the point of the service) and the stateful checks that assume REST deletion semantics.
CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
    negative_data_rejection,
    missing_required_header,
    unsupported_method,
    ignored_auth,
    problem_json,
    created_with_location,
]


@pytest.fixture(scope="module")
def connection(engine: Engine) -> Iterator[Connection]:
    """`tests/conftest.py`'s outer transaction, held for the module (per database) and rolled back at its end, so
    that the seeded world serves every operation; each test still gets its own app and client on it."""
    conn = engine.connect()
    outer = conn.begin()
    try:
        yield conn
    finally:
        outer.rollback()
        conn.close()


@pytest.fixture(scope="module")
def clock() -> FakeClock:
    """One clock for the module: time never runs backwards between the seed and the fuzz."""
    return FakeClock(NOW)


#: The OpenAPI the code generates (`tests/test_openapi_snapshot.py` keeps the committed file equal to it); each case
#: is sent in-process to the app under test, built by `tests/conftest.py` on the database of the run.
schema = schemathesis.openapi.from_dict(generate())
schema.app = LIVE  # as `schemathesis.openapi.from_asgi` binds the app it read the schema from


#: The document's examples are not replayed here: they carry no caller (`who`) to send them as; tests/openapi sends
#: each request example to the service.
GENERATED = settings(PROFILE, phases=[p for p in PROFILE.phases if p is not Phase.explicit])


@GENERATED
@schema.parametrize()
@schema.given(
    who=st.sampled_from(ROLES), pick=st.integers(min_value=0, max_value=1 << 16), stray=st.booleans(), nul=st.booleans()
)
def test_every_operation_every_role(
    case: Any, who: str, pick: int, stray: bool, nul: bool, world: World, live: Live
) -> None:
    """`stray` keeps the generated ids (a miss, 404); `nul` slips a U+0000 into one string. Hypothesis tries the
    simplest value, False, first: aimed, clean cases."""
    world.aim(case, pick, aimed=not stray)
    if nul:
        poison(case, pick)
    case.call_and_validate(headers=credentials(case, world.headers[who]), checks=CHECKS)


def test_stateful_sequences_through_the_links(world: World, live: Live) -> None:
    """Sequences that follow the OpenAPI links (a created or listed resource feeds the next call), as callers who
    change along the way — a coordinator creates and schedules, a participant answers, a prosecutor asks."""
    base = schema.as_state_machine()

    class Scenario(base):  # type: ignore[misc, valid-type]
        who = "coordinator"

        @initialize(who=st.sampled_from(ROLES))
        def log_in(self, who: str) -> None:
            self.who = who

        @rule(who=st.sampled_from(ROLES))
        def switch_caller(self, who: str) -> None:
            self.who = who

        def get_call_kwargs(self, case: Any) -> dict[str, Any]:
            return {"headers": credentials(case, world.headers[self.who])}

        def validate_response(self, response: Any, case: Any, additional_checks: Any = None, **kwargs: Any) -> None:
            case.validate_response(response, checks=CHECKS, headers=kwargs.get("headers"), transport_kwargs=kwargs)

    Scenario.run(settings=settings(PROFILE, max_examples=SCENARIOS, stateful_step_count=STEPS))


def test_the_links_resolve_and_chain_the_life_of_a_concertation() -> None:
    """The stateful fuzz follows the document's links: each names an existing operation and fills only parameters it
    has, and they lead from a registered basis to a created, scheduled, started concertation and its records."""
    doc = generate()
    operations = {op["operationId"]: (path, op) for path, item in doc["paths"].items() for op in item.values()}
    links = {}
    for path, item in doc["paths"].items():
        for method, op in item.items():
            for status, response in op["responses"].items():
                for name, link in response.get("links", {}).items():
                    assert status.startswith("2"), (method, path, status)
                    target_path, target = operations[link["operationId"]]
                    declared = {f"{p['in']}.{p['name']}" for p in target.get("parameters", [])}
                    for parameter in link["parameters"]:
                        qualified = parameter if "." in parameter else f"path.{parameter}"
                        assert qualified in declared, (name, parameter)
                    links[(method.upper(), path, name)] = link
    by_target = {(m, p, link["operationId"]): link for (m, p, _), link in links.items()}
    basis_to_draft = by_target[("POST", "/v1/legal-bases", "createConcertation")]
    assert basis_to_draft["requestBody"] == {"legal_basis_id": "$response.body#/id"}
    schedule = by_target[("POST", "/v1/concertations", "scheduleConcertation")]
    assert schedule["parameters"] == {
        "concertation_id": "$response.body#/id",
        "header.If-Match": "$response.header.ETag",
    }
    start = by_target[("POST", "/v1/concertations/{concertation_id}/schedule", "startConcertation")]
    assert start["parameters"]["concertation_id"] == "$response.body#/id"
    listed = by_target[("GET", "/v1/concertations", "getConcertation")]
    assert listed["parameters"] == {"concertation_id": "$response.body#/items/0/id"}
    # The minutes' ETag is not the concertation's: no If-Match is carried over to finalise.
    finalise = by_target[("POST", "/v1/concertations/{concertation_id}/start", "finaliseMinutes")]
    assert "header.If-Match" not in finalise["parameters"]
    consent = by_target[("POST", "/v1/concertations", "recordConsent")]
    assert consent["requestBody"] == {"person_id": "$response.body#/persons_concerned/0/id"}
