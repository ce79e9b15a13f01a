"""What the fuzz found (tests/fuzz/test_schemathesis.py), each pinned as a plain HTTP test on both databases.

Each test names the schemathesis failure it reproduces, asserts the exact status, problem `code` and what is (not)
stored, and fails on the code as it was before its fix.
"""

from __future__ import annotations

from fastapi.testclient import TestClient
from sqlalchemy import Connection, text

from tests.api import payloads
from tests.api.test_minutes import in_session, open_meeting
from tests.conftest import Token

PROBLEM = "application/problem+json"
FORM = {"Content-Type": "application/x-www-form-urlencoded"}


def count(connection: Connection, table: str) -> int:
    return int(connection.execute(text(f'SELECT count(*) FROM "{table}"')).scalar_one())  # noqa: S608 - fixed names


def test_token_endpoint_answers_rfc6749_errors_whatever_idempotency_key_it_is_sent(
    client: TestClient, auth: Token, connection: Connection
) -> None:
    """Found: `POST /oauth/token` with a malformed `Idempotency-Key` answered the middleware's 400
    `idempotency_key_invalid`, outside its documented `OAuthProblem` (no RFC 6749 `error`): ST108 Response violates
    schema. The header is documented, and served, on the API's operations only; the token endpoint ignores it."""
    for key in ("", "two words\tand a tab", "x" * 300):
        for headers in ({**FORM}, {**FORM, **auth("coord-1", "coordinator")}):
            r = client.post(
                "/oauth/token", content="grant_type=client_credentials", headers={**headers, "Idempotency-Key": key}
            )
            assert r.status_code == 401, r.text
            assert r.headers["content-type"].startswith(PROBLEM)
            body = r.json()
            assert body["error"] == "invalid_client", body
            assert body["code"] != "idempotency_key_invalid"
    assert count(connection, "idempotency_record") == 0


def test_a_malformed_idempotency_key_is_still_refused_on_the_api(client: TestClient, auth: Token) -> None:
    """The other side of the fix above: on `/v1/…` the header keeps its documented 400."""
    r = client.post("/v1/legal-bases", json={}, headers={**auth("coord-1", "coordinator"), "Idempotency-Key": ""})
    assert r.status_code == 400, r.text
    assert r.json()["code"] == "idempotency_key_invalid"


def test_a_nul_character_in_any_free_text_is_a_bad_value_not_a_server_error(
    client: TestClient, auth: Token, connection: Connection
) -> None:
    """Found: a U+0000 in a free text (a basis title, an agenda item, a participant's name, minutes content, the
    audit trail's `action` filter) was stored on SQLite and was a 500 on PostgreSQL, which cannot store it
    (ST100 Server error). Every free text now refuses it: 422 `invalid_payload`, `value_invalid` on the field."""
    coordinator = auth("coord-1", "coordinator", org="cpas-a")
    m, alice = in_session(client, auth)
    before = {t: count(connection, t) for t in ("legal_basis", "agenda_item", "participant", "minutes_entry")}
    attempts = [
        ("/v1/legal-bases", payloads.decree(title="Décret\x00"), "title"),
        (f"{m.url}/agenda-items", {"title": "Question\x00centrale"}, "title"),
        (f"{m.url}/participants", {**payloads.police(), "display_name": "Bob\x00"}, "display_name"),
        (f"{m.url}/minutes", payloads.minutes_entry(alice, content="La famille\x00"), "content"),
        (f"{m.url}/prosecution-requests", payloads.prosecution_request(offences=["cp_398\x00"]), "offences[0]"),
    ]
    prosecutor = auth("pr-bxl", "prosecutor", org="parquet-bxl")
    for url, body, field in attempts:
        r = client.post(url, json=body, headers=prosecutor if "prosecution" in url else coordinator)
        assert r.status_code == 422, (url, r.text)
        assert r.headers["content-type"].startswith(PROBLEM)
        assert r.json()["code"] == "invalid_payload", r.text
        assert [(v["code"], v["field"]) for v in r.json()["violations"]] == [("value_invalid", field)], r.text
    assert {t: count(connection, t) for t in before} == before
    r = client.get("/v1/audit-events", params={"action": "concertation.\x00"}, headers=auth("dpo-1", "auditor"))
    assert r.status_code == 422, r.text
    assert [(v["code"], v["field"]) for v in r.json()["violations"]] == [("value_invalid", "action")]


def test_a_new_agenda_item_is_located_on_the_agenda_that_lists_it(client: TestClient, auth: Token) -> None:
    """Found: `POST …/agenda-items` answered 201 with `Location: …/agenda-items/{id}`, a URI no operation serves
    (ST901 `created_with_location`: SPEC §2, every create has a Location). It now names the agenda, which lists it."""
    m = open_meeting(client, auth)
    r = client.post(f"{m.url}/agenda-items", json={"title": "Question centrale"}, headers=m.coordinator)
    assert r.status_code == 201, r.text
    assert r.headers["Location"] == f"{m.url}/agenda-items"
    listed = client.get(r.headers["Location"], headers=m.coordinator)
    assert listed.status_code == 200, listed.text
    assert [i["id"] for i in listed.json()["items"]] == [r.json()["id"]]
