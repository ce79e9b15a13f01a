"""Pagination bounds (SPEC §2, issue 5 §6): every paginated list takes `limit` in 1..200 and a bounded opaque
`cursor`; anything else is a 422 problem+json naming the parameter, never a 500. Paging through with `next_cursor`
returns every item exactly once, also when many items share one creation instant (the harness clock stands still).
"""

from __future__ import annotations

import base64
import json
from collections.abc import Callable
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Connection, text

from tests.api import payloads
from tests.conftest import FakeClock, Token

PROBLEM = "application/problem+json"

Caller = Callable[[TestClient, Token], tuple[str, dict[str, str]]]  # -> (url, headers)


def _coordinator(auth: Token) -> dict[str, str]:
    return auth("coord-1", "coordinator", org="cpas-a")


def _basis(client: TestClient, auth: Token) -> str:
    r = client.post("/v1/legal-bases", json=payloads.decree(), headers=_coordinator(auth))
    assert r.status_code == 201, r.text
    basis_id: str = r.json()["id"]
    return basis_id


def _concertation(client: TestClient, auth: Token, basis_id: str | None = None) -> str:
    r = client.post(
        "/v1/concertations",
        json=payloads.concertation(basis_id or _basis(client, auth)),
        headers=_coordinator(auth),
    )
    assert r.status_code == 201, r.text
    concertation_id: str = r.json()["id"]
    return concertation_id


LISTS: list[tuple[str, Caller]] = [
    ("legal_bases", lambda c, a: ("/v1/legal-bases", _coordinator(a))),
    ("concertations", lambda c, a: ("/v1/concertations", _coordinator(a))),
    (
        "participants",
        lambda c, a: (f"/v1/concertations/{_concertation(c, a)}/participants", _coordinator(a)),
    ),
    ("audit_events", lambda c, a: ("/v1/audit-events", a("dpo-1", "auditor", org="apd"))),
    ("alerts", lambda c, a: ("/v1/alerts", a("dpo-1", "auditor", org="apd"))),
    ("agenda", lambda c, a: (f"/v1/concertations/{_concertation(c, a)}/agenda-items", _coordinator(a))),
    ("minutes", lambda c, a: (f"/v1/concertations/{_concertation(c, a)}/minutes", _coordinator(a))),
]
#: Lists bounded by `limit` alone (none left: every list pages with a cursor, SPEC §2).
LIMIT_ONLY: list[tuple[str, Caller]] = []


def _b64(raw: bytes) -> str:
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


BAD_LIMITS: list[tuple[str, str]] = [
    ("zero", "0"),
    ("negative", "-1"),
    ("above_200", "201"),
    ("huge", "9" * 40),
    ("not_an_integer", "ten"),
    ("fraction", "2.5"),
    ("empty", ""),
]

BAD_CURSORS: list[tuple[str, str]] = [
    ("garbage", "%%%not-base64%%%"),
    ("oversized", "A" * 513),
    ("base64_of_nonsense", _b64(b"\xff\xfe\x00garbage")),
    ("json_number", _b64(b"12345")),
    ("json_three_members", _b64(json.dumps(["2026-01-01T00:00:00+00:00", "x", "y"]).encode())),
    ("integer_id", _b64(json.dumps(["2026-01-01T00:00:00+00:00", 5]).encode())),
    ("object_id", _b64(json.dumps(["2026-01-01T00:00:00+00:00", {"a": 1}]).encode())),
    ("naive_instant", _b64(json.dumps(["2026-01-01T00:00:00", "6f1b0b7e-8e8e-4e8e-8e8e-8e8e8e8e8e8e"]).encode())),
    (
        "instant_without_utc",
        _b64(json.dumps(["0001-01-01T00:00:00+14:00", "6f1b0b7e-8e8e-4e8e-8e8e-8e8e8e8e8e8e"]).encode()),
    ),
    ("audit_seq_overflow", _b64(b"seq:" + b"9" * 30)),
    ("unicode_digits", _b64("seq:²³".encode())),
]


def _assert_422_naming(response: Any, field: str) -> None:
    assert response.status_code == 422, response.text
    assert response.headers["content-type"].startswith(PROBLEM)
    body = response.json()
    assert body["status"] == 422
    assert field in {v["field"] for v in body["violations"]}, body


@pytest.mark.parametrize("limit", [v for _, v in BAD_LIMITS], ids=[n for n, _ in BAD_LIMITS])
@pytest.mark.parametrize("caller", [c for _, c in LISTS + LIMIT_ONLY], ids=[n for n, _ in LISTS + LIMIT_ONLY])
def test_limit_outside_1_to_200_is_422(client: TestClient, auth: Token, caller: Caller, limit: str) -> None:
    url, headers = caller(client, auth)
    r = client.get(url, params={"limit": limit}, headers=headers)
    _assert_422_naming(r, "limit")
    assert {v["code"] for v in r.json()["violations"]} == {"invalid_limit"}
    # The problem itself says what was wrong (README "Sizes and pages"), not a generic invalid_payload.
    assert r.json()["code"] == "invalid_limit"
    assert r.json()["type"].endswith("/invalid_limit")


@pytest.mark.parametrize("cursor", [v for _, v in BAD_CURSORS], ids=[n for n, _ in BAD_CURSORS])
@pytest.mark.parametrize("caller", [c for _, c in LISTS], ids=[n for n, _ in LISTS])
def test_garbage_or_oversized_cursor_is_422(client: TestClient, auth: Token, caller: Caller, cursor: str) -> None:
    url, headers = caller(client, auth)
    r = client.get(url, params={"cursor": cursor}, headers=headers)
    _assert_422_naming(r, "cursor")
    assert {v["code"] for v in r.json()["violations"]} == {"invalid_cursor"}
    assert r.json()["code"] == "invalid_cursor"


@pytest.mark.parametrize("limit", ["1", "200"], ids=["one", "two_hundred"])
@pytest.mark.parametrize("caller", [c for _, c in LISTS + LIMIT_ONLY], ids=[n for n, _ in LISTS + LIMIT_ONLY])
def test_limits_at_the_bounds_are_accepted(client: TestClient, auth: Token, caller: Caller, limit: str) -> None:
    url, headers = caller(client, auth)
    r = client.get(url, params={"limit": limit}, headers=headers)
    assert r.status_code == 200, r.text


def test_the_openapi_states_the_bounds(client: TestClient) -> None:
    paths = client.get("/openapi.json").json()["paths"]
    for path in ("/v1/legal-bases", "/v1/concertations", "/v1/concertations/{concertation_id}/participants"):
        parameters = {p["name"]: p["schema"] for p in paths[path]["get"]["parameters"]}
        assert (parameters["limit"]["minimum"], parameters["limit"]["maximum"]) == (1, 200), path
        assert parameters["cursor"]["anyOf"][0]["maxLength"] == 512, path


# ------------------------------------------------------------------------------------------------ paging through


def _page_through(client: TestClient, url: str, headers: dict[str, str], limit: int) -> list[list[Any]]:
    pages: list[list[Any]] = []
    cursor: str | None = None
    while True:
        r = client.get(url, params={"limit": limit, **({"cursor": cursor} if cursor else {})}, headers=headers)
        assert r.status_code == 200, r.text
        body = r.json()
        assert set(body) >= {"items", "next_cursor"}
        assert len(body["items"]) <= limit
        pages.append(body["items"])
        cursor = body["next_cursor"]
        if cursor is None:
            return pages
        assert len(pages) < 100, "next_cursor never ends"


def test_paging_through_legal_bases_returns_each_once(
    client: TestClient, auth: Token, connection: Connection, clock: FakeClock
) -> None:
    created = set()
    for i in range(7):
        created.add(_basis(client, auth))
        if i % 3 == 2:
            clock.advance(seconds=1)  # some share an instant, some do not
    pages = _page_through(client, "/v1/legal-bases", _coordinator(auth), limit=3)
    assert [len(p) for p in pages] == [3, 3, 1]
    ids = [item["id"] for page in pages for item in page]
    assert len(ids) == len(set(ids)) and set(ids) == created
    assert connection.execute(text("SELECT count(*) FROM legal_basis")).scalar_one() == 7


def test_paging_through_concertations_returns_each_once(client: TestClient, auth: Token) -> None:
    basis_id = _basis(client, auth)
    created = {_concertation(client, auth, basis_id) for _ in range(5)}
    # another organisation's concertation is never in the pages
    other = auth("coord-9", "coordinator", org="cpas-z")
    foreign = client.post("/v1/concertations", json=payloads.concertation(basis_id), headers=other)
    assert foreign.status_code == 201, foreign.text
    pages = _page_through(client, "/v1/concertations", _coordinator(auth), limit=2)
    assert [len(p) for p in pages] == [2, 2, 1]
    ids = [item["id"] for page in pages for item in page]
    assert len(ids) == len(set(ids)) and set(ids) == created


def test_paging_through_participants_returns_each_once(client: TestClient, auth: Token) -> None:
    concertation_id = _concertation(client, auth)
    url = f"/v1/concertations/{concertation_id}/participants"
    created = set()
    for i in range(5):
        r = client.post(url, json=payloads.participant(subject=f"sw-{i}"), headers=_coordinator(auth))
        assert r.status_code == 201, r.text
        created.add(r.json()["id"])
    pages = _page_through(client, url, _coordinator(auth), limit=2)
    ids = [item["id"] for page in pages for item in page]
    assert len(ids) == len(set(ids)) and set(ids) == created
    assert [len(p) for p in pages] == [2, 2, 1]


def test_paging_through_the_audit_trail_returns_each_event_once(
    client: TestClient, auth: Token, connection: Connection
) -> None:
    for _ in range(3):
        _basis(client, auth)
    before = set(connection.execute(text("SELECT seq FROM audit_event")).scalars().all())
    assert len(before) >= 3
    pages = _page_through(client, "/v1/audit-events", auth("dpo-1", "auditor", org="apd"), limit=2)
    seqs = [item["seq"] for page in pages for item in page]
    assert seqs == sorted(seqs, reverse=True)
    # each page's own `audit.list` event comes after the position it reads from: the walk sees the trail as it was
    assert len(seqs) == len(set(seqs)) and set(seqs) == before


def test_paging_through_the_agenda_keeps_its_order(client: TestClient, auth: Token) -> None:
    url = f"/v1/concertations/{_concertation(client, auth)}/agenda-items"
    made = []
    for i in range(5):
        r = client.post(url, json={"title": f"Point {i}"}, headers=_coordinator(auth))
        assert r.status_code == 201, r.text
        made.append(r.json()["id"])
    pages = _page_through(client, url, _coordinator(auth), limit=2)
    assert [len(p) for p in pages] == [2, 2, 1]
    assert [item["id"] for page in pages for item in page] == made  # the agenda's order, each item once
    assert [item["position"] for page in pages for item in page] == [1, 2, 3, 4, 5]


def test_paging_through_the_minutes_decrypts_and_audits_only_the_page(
    client: TestClient, auth: Token, connection: Connection, clock: FakeClock
) -> None:
    from tests.api.test_minutes import audit_events, open_meeting

    m = open_meeting(client, auth)
    m.step("schedule", "start")
    written = []
    for i in range(5):
        written.append(m.written(payloads.minutes_entry(None, content=f"Point {i} discuté.")))
        clock.advance(seconds=1)
    pages = _page_through(client, f"{m.url}/minutes", m.coordinator, limit=2)
    assert [len(p) for p in pages] == [2, 2, 1]
    assert [item["id"] for page in pages for item in page] == written
    assert [item["content"] for page in pages for item in page] == [f"Point {i} discuté." for i in range(5)]
    # each read audits the entries it decrypted, no more
    reads = audit_events(connection, "minutes.read", m.id)
    assert [e.details["entries"] for e in reads] == [[i["id"] for i in page] for page in pages]
    # the ETag is the whole minutes', whichever page carried it
    tags = {client.get(f"{m.url}/minutes", params={"limit": n}, headers=m.coordinator).headers["ETag"] for n in (1, 5)}
    assert len(tags) == 1


def test_paging_through_alerts_newest_first(client: TestClient, auth: Token, clock: FakeClock) -> None:
    from tests.api.test_minutes import open_meeting

    m = open_meeting(client, auth)
    m.step("schedule", "start")
    prosecutor = auth("pr-bxl", "prosecutor", org="parquet-bxl")
    refused = []
    for i in range(3):
        body = payloads.prosecution_request(offences=["cp_393"], criminal_case_reference=f"BR.12.34.{i}/26")
        r = client.post(f"{m.url}/prosecution-requests", json=body, headers=prosecutor)
        assert r.status_code == 422, r.text
        refused.append(r.json())
        clock.advance(seconds=1)
    pages = _page_through(client, "/v1/alerts", auth("dpo-1", "auditor", org="apd"), limit=2)
    assert [len(p) for p in pages] == [2, 1]
    ats = [item["at"] for page in pages for item in page]
    assert ats == sorted(ats, reverse=True) and len(set(ats)) == 3
