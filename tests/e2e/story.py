"""The data the browser tests stand on, made through the public API as a partner system (or curl) would.

Where the screen is not what a test is about — the legal basis under a participant's invitation, a concertation
ready for its session — it is made here with httpx, from the HTTP tests' own lawful bodies (tests/api/payloads.py),
each with unique names so that tests sharing a server never see each other's data.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from tests.api import payloads
from tests.e2e.conftest import DEV_ISSUER, Api, Body, Headers, tomorrow
from tests.e2e.conftest import unique as unique  # re-exported: the tests name their people with story.unique


@dataclass
class Person:
    """Someone signed in through the development issuer: his login name, organisation and bearer header."""

    sub: str
    org: str
    role: str
    headers: Headers


def person(api: Api, role: str, prefix: str | None = None, org: str | None = None) -> Person:
    sub = unique(prefix or role)
    org = org or unique("org")
    return Person(sub, org, role, api.login(sub, role, org))


def decree(api: Api, who: Person, **overrides: Any) -> Body:
    """A registered youth-aid decree authorising social workers, psychologists, the police zone and substitutes."""
    body = payloads.decree(title=f"Décret aide à la jeunesse — {unique('e2e')}", **overrides)
    return api.post("/v1/legal-bases", who.headers, body)


def concertation_body(basis_id: str, **overrides: Any) -> Body:
    """The HTTP tests' compliant child-abuse concertation, scheduled for tomorrow."""
    body = copy.deepcopy(payloads.concertation(basis_id))
    start = tomorrow()
    body["scheduled_start"] = start.isoformat()
    body["scheduled_end"] = (start + timedelta(hours=1)).isoformat()
    body.update(overrides)
    return body


def concertation(api: Api, who: Person, basis_id: str, **overrides: Any) -> Body:
    return api.post("/v1/concertations", who.headers, concertation_body(basis_id, **overrides))


def invite(api: Api, who: Person, concertation_id: str, subject: str, **overrides: Any) -> Body:
    """Invite a social worker of the CPAS (covered by the decree) who signs in as `subject`."""
    body = payloads.participant(issuer=DEV_ISSUER, subject=subject, display_name=f"Alice {subject}", **overrides)
    return api.post(f"/v1/concertations/{concertation_id}/participants", who.headers, body)


def flags(api: Api, who: Headers, concertation_id: str, participant_id: str) -> Body:
    return api.get(f"/v1/concertations/{concertation_id}/participants/{participant_id}/flags", who)


def acknowledge(api: Api, who: Headers, concertation_id: str, participant_id: str) -> Body:
    url = f"/v1/concertations/{concertation_id}/participants/{participant_id}"
    version = api.get(f"{url}/secrecy-notice", who)["version"]
    return api.post(f"{url}/secrecy-acknowledgement", who, {"notice_version": version})


def answer(api: Api, who: Headers, concertation_id: str, participant_id: str, value: str) -> Body:
    url = f"/v1/concertations/{concertation_id}/participants/{participant_id}/response"
    return api.post(url, who, {"answer": value}, status=200)


def inform(api: Api, who: Person, concertation_id: str) -> Body:
    """Record that the (first) person concerned was told everything (R28/R29, D11: before the concertation closes)."""
    person_id = api.get(f"/v1/concertations/{concertation_id}", who.headers)["persons_concerned"][0]["id"]
    body = payloads.information(person_id, after_session=True)
    return api.post(f"/v1/concertations/{concertation_id}/person-concerned/information", who.headers, body)


def step(api: Api, who: Person, concertation_id: str, *names: str) -> Body:
    """Take lifecycle steps (schedule, start, end, close) in order; the last answer."""
    body: Body = {}
    for name in names:
        body = api.post(f"/v1/concertations/{concertation_id}/{name}", who.headers, status=200)
    return body


def audit_events(api: Api, auditor: Headers, **filters: Any) -> list[Body]:
    """Every audit event matching `filters` (the API's query parameters), all pages."""
    events: list[Body] = []
    cursor = None
    while True:
        params = {**filters, "limit": 100}
        if cursor:
            params["cursor"] = cursor
        page = api.get("/v1/audit-events", auditor, **params)
        events += page["items"]
        cursor = page.get("next_cursor")
        if not cursor:
            return events
