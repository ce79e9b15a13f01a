"""Fuzzing harness: schemathesis against the app built as `tests/conftest.py` builds it, on a seeded world.

Random ids only ever reach the 404 branch, so before fuzzing we seed a world through the API itself: a registered
basis and a retired one, and concertations in every state (draft, scheduled, in session, held, closed, cancelled),
each with participants, a person concerned, an agenda, consents, information records, an exception, attendance,
silences, minutes entries and prosecution requests; and a record of each other regime of disclosure (a
shared-secrecy exchange, an art. 458bis report, a state-of-necessity record). `World.aim` then points a generated
case at one of them: every path parameter (and every id-bearing body field) that holds a well-formed UUID is
replaced by an id of the same kind from one coherent target, so the fuzzer reaches the deep branches — state checks,
R-rule refusals, decryption, disclosure — while negative values (a malformed UUID, a wrong type) are left as
generated. `poison` slips a U+0000
into one string of some cases: valid JSON that plain generation seldom brings to a database column.

Callers are every role of SPEC §4 (and a coordinator of another organisation, the chair, a participant who has not
answered, an anonymous caller): the identity is drawn by Hypothesis with the case, so a failure names it.

Sizes come from the environment: `CONCERTATION_FUZZ_EXAMPLES` (examples per operation; 8 in `make test`, 200 in
`make fuzz`), `CONCERTATION_FUZZ_STEPS` (stateful steps per scenario; 6 and 20) and `CONCERTATION_FUZZ_SCENARIOS`
(stateful scenarios; half the examples, at least 4). Runs are derandomised: the same code
gives the same cases, so CI is reproducible; `CONCERTATION_FUZZ_RANDOM=1` explores afresh (Hypothesis then prints
the seed that reproduces a failure: `pytest --hypothesis-seed=<seed>`).
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import pytest
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, settings
from sqlalchemy import Connection

from tests.api import payloads
from tests.api.test_minutes import Meeting, in_session, open_meeting
from tests.conftest import FakeClock, Token

Headers = dict[str, str]
Body = dict[str, Any]

EXAMPLES = int(os.environ.get("CONCERTATION_FUZZ_EXAMPLES", "8"))
STEPS = int(os.environ.get("CONCERTATION_FUZZ_STEPS", "6"))
SCENARIOS = int(os.environ.get("CONCERTATION_FUZZ_SCENARIOS", str(max(4, EXAMPLES // 2))))
RANDOM = os.environ.get("CONCERTATION_FUZZ_RANDOM", "") not in ("", "0")

#: Derandomised unless asked otherwise; no example database (`-p no:cacheprovider` runs leave no trace).
PROFILE = settings(
    max_examples=EXAMPLES,
    deadline=None,
    derandomize=not RANDOM,
    database=None,
    suppress_health_check=list(HealthCheck),
    print_blob=True,
)

#: The callers of SPEC §4, and the edges of each role that the rules distinguish.
ROLES = (
    "coordinator",
    "coordinator_other_org",
    "chair",
    "participant",
    "participant_unanswered",
    "prosecutor",
    "auditor",
    "partner",
    "anonymous",
)

#: Body fields naming an object of the target, and the path parameter that names the same kind of object.
BODY_IDS = {
    "legal_basis_id": "basis_id",
    "participant_id": "participant_id",
    "speaker_id": "participant_id",
    "person_id": "person_id",
    "agenda_item_id": "agenda_item_id",
}


def _is_uuid(value: object) -> bool:
    if not isinstance(value, str):
        return False
    try:
        uuid.UUID(value)
    except ValueError:
        return False
    return True


@dataclass
class World:
    """What the seed created: who calls, and coherent groups of ids (one per concertation) to aim cases at."""

    headers: dict[str, Headers]
    targets: list[dict[str, list[str]]] = field(default_factory=list)

    def aim(self, case: Any, pick: int, aimed: bool) -> None:
        """Point `case` at target `pick` (when `aimed`), keeping whatever is not a well-formed id as generated."""
        if not aimed or not self.targets:
            return
        target = self.targets[pick % len(self.targets)]

        def choose(kind: str) -> str | None:
            ids = target.get(kind)
            return ids[(pick // len(self.targets)) % len(ids)] if ids else None

        for name, value in list((case.path_parameters or {}).items()):
            replacement = choose(name)
            if replacement is not None and _is_uuid(value):
                case.path_parameters[name] = replacement
        if isinstance(case.body, dict):
            for name, kind in BODY_IDS.items():
                replacement = choose(kind)
                if replacement is not None and _is_uuid(case.body.get(name)):
                    case.body[name] = replacement


def _strings(value: Any, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """The paths of the string leaves of a JSON value, depth first."""
    if isinstance(value, str):
        return [path]
    if isinstance(value, dict):
        return [p for k, v in value.items() for p in _strings(v, (*path, k))]
    if isinstance(value, list):
        return [p for i, v in enumerate(value) for p in _strings(v, (*path, i))]
    return []


def poison(case: Any, pick: int) -> None:
    """Append U+0000 to one string of the body or the query: valid JSON that no database column should meet (it
    found the PostgreSQL 500 of tests/fuzz/test_regressions.py, which plain generation rarely reaches)."""
    targets = [("body", p) for p in _strings(case.body) if p] + [("query", p) for p in _strings(case.query) if p]
    if not targets:
        return
    where, path = targets[pick % len(targets)]
    node = case.body if where == "body" else case.query
    for key in path[:-1]:
        node = node[key]
    node[path[-1]] = f"{node[path[-1]]}\x00"


def _ids(*values: Any) -> list[str]:
    return [str(v) for v in values if v is not None]


def _posted(client: TestClient, url: str, body: Body, headers: Headers) -> str:
    r = client.post(url, json=body, headers=headers)
    assert r.status_code == 201, (url, r.text)
    return str(r.json()["id"])


def _furnish(m: Meeting, *, alice: str, bob: str | None) -> dict[str, list[str]]:
    """Records every sub-resource path can name: agenda, consent, information, exception."""
    c, coord = m.client, m.coordinator
    agenda = _posted(c, f"{m.url}/agenda-items", {"title": "Question centrale"}, coord)
    consent = _posted(c, f"{m.url}/person-concerned/consents", payloads.consent(m.person_id), coord)
    informed = _posted(c, f"{m.url}/person-concerned/information", payloads.information(m.person_id), coord)
    exception = _posted(
        c, f"{m.url}/person-concerned/information-exception", payloads.information_exception(m.person_id), coord
    )
    return {
        "concertation_id": [m.id],
        "basis_id": [str(m.body["legal_basis_id"])],
        "participant_id": _ids(alice, bob),
        "person_id": [m.person_id],
        "agenda_item_id": [agenda],
        "consent_id": [consent],
        "record_id": [consent, informed, exception],
    }


def seed(client: TestClient, auth: Token, clock: FakeClock) -> World:
    """A concertation in each state of SPEC §3, all of one coordinator, with the records their paths name."""
    targets: list[dict[str, list[str]]] = []

    # draft: Alice invited and answered, Bob (police) invited and silent.
    draft = open_meeting(client, auth)
    alice = draft.invite(payloads.participant(), acknowledge=True)
    bob = draft.invite(payloads.police(), answer=None)
    targets.append(_furnish(draft, alice=alice, bob=bob))
    logins = {"participant": draft.logins[alice], "participant_unanswered": draft.logins[bob]}

    # scheduled, then cancelled.
    for steps in (("schedule",), ("schedule", "cancel")):
        m = open_meeting(client, auth)
        a = m.invite(payloads.participant(), acknowledge=True)
        target = _furnish(m, alice=a, bob=None)
        m.step(*steps)
        targets.append(target)

    # in session and held: attendance, a silence, entries (one may inform a judicial decision), requests.
    prosecutor = auth("pr-bxl", "prosecutor", org="parquet-bxl")
    for held in (False, True):
        m, a = in_session(client, auth)
        target = _furnish(m, alice=a, bob=None)
        justified = {"level": "content", "necessity_justification": "Le danger pour l'enfant est actuel."}
        clock.advance(minutes=1)
        entry = _posted(
            client,
            f"{m.url}/minutes",
            payloads.minutes_entry(
                a, offence_tags=["cp_398"], about_persons=["P-001"], may_inform_judicial_decision=True, **justified
            ),
            m.coordinator,
        )
        granted = _posted(client, f"{m.url}/prosecution-requests", payloads.prosecution_request(), prosecutor)
        # R54: refused whole, kept and alerted (what `GET /alerts` lists).
        out_of_scope = payloads.prosecution_request(offences=["cp_433quinquies"])
        r = client.post(f"{m.url}/prosecution-requests", json=out_of_scope, headers=prosecutor)
        assert r.status_code == 422, r.text
        silence = _posted(client, f"{m.url}/participants/{a}/silence", {}, m.logins[a])
        # Alice leaves (R42): the attendance record the `…/attendance/{record_id}` path reads.
        attendance = _posted(client, f"{m.url}/attendance", {"participant_id": a, "event": "left"}, m.coordinator)
        if held:
            m.step("end")
        target.update(
            {
                "record_id": [*target["record_id"], attendance],
                "silence_id": [silence],
                "entry_id": [entry],
                "request_id": [granted],
            }
        )
        targets.append(target)

    # closed: told what was shared and decided, the entry made known to the person (R33).
    m, a = in_session(client, auth)
    target = _furnish(m, alice=a, bob=None)
    entry = _posted(client, f"{m.url}/minutes", payloads.minutes_entry(a), m.coordinator)
    granted = _posted(client, f"{m.url}/prosecution-requests", payloads.prosecution_request(), prosecutor)
    m.step("end")
    m.inform(after_session=True)
    m.step("close")
    target.update({"entry_id": [entry], "request_id": [granted]})
    targets.append(target)

    # a retired basis: the registry's other state.
    coordinator = auth("coord-1", "coordinator", org="cpas-a")
    retired = _posted(client, "/v1/legal-bases", payloads.decree(), coordinator)
    r = client.post(f"/v1/legal-bases/{retired}/retire", json={"reason": "Abrogé."}, headers=coordinator)
    assert r.status_code == 200, r.text
    targets.append({"basis_id": [retired]})

    # the other regimes of disclosure (issue 13): a record of each, by the coordinator's organisation.
    targets.append(
        {
            "shared_secret_exchange_id": [
                _posted(client, "/v1/shared-secret-exchanges", payloads.exchange(), coordinator)
            ],
            "art_458bis_report_id": [_posted(client, "/v1/art-458bis-reports", payloads.report(), coordinator)],
            "necessity_record_id": [_posted(client, "/v1/necessity-records", payloads.necessity(), coordinator)],
        }
    )

    headers = {
        "coordinator": coordinator,
        "coordinator_other_org": auth("coord-9", "coordinator", org="cpas-b"),
        "chair": draft.chair,
        "prosecutor": prosecutor,
        "auditor": auth("dpo-1", "auditor", org="cpas-a"),
        "partner": auth("cms-cpas", "partner", org="cpas-a"),
        "anonymous": {},
        **logins,
    }
    assert set(headers) == set(ROLES)
    return World(headers, targets)


class Live:
    """The ASGI app the schema is bound to: it forwards to the app of the running test (function-scoped in
    `tests/conftest.py`), so that the probes of a check (`ignored_auth` re-sends without credentials) reach it too."""

    def __init__(self) -> None:
        self.target: Any = None

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        assert self.target is not None, "no app under test: request the `live` fixture"
        await self.target(scope, receive, send)


LIVE = Live()


@pytest.fixture
def live(app: Any) -> Iterator[Live]:
    LIVE.target = app
    try:
        yield LIVE
    finally:
        LIVE.target = None


@pytest.fixture(scope="module")
def seeded(connection: Connection) -> dict[str, World]:
    """Filled by the first test that asks for the world; lives as long as `connection` (test_schemathesis.py holds
    it for the module, per database)."""
    return {}


@pytest.fixture
def world(seeded: dict[str, World], client: TestClient, auth: Token, clock: FakeClock) -> World:
    if "world" not in seeded:
        seeded["world"] = seed(client, auth, clock)
    return seeded["world"]
