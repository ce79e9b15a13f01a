"""Rate limits per client (SPEC §5, issue 5 §6): 429 problem+json with an integer `Retry-After`, on both databases.

The app here has low limits (3 per minute). Time is moved by replacing `time.time` for the duration of a test, which
the `limits` storage and `api.ratelimit` read at each call — the token verifier keeps the real clock (its default
argument is bound at import), so the tokens stay valid throughout.
"""

from __future__ import annotations

import base64
import logging
import time
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from limits.errors import ConfigurationError, StorageError
from sqlalchemy import Connection, text

from api.ratelimit import RateLimited, RateLimiter
from api.settings import Settings
from tests.api import payloads
from tests.conftest import ISSUER, Token

PROBLEM = "application/problem+json"
FORM = {"Content-Type": "application/x-www-form-urlencoded"}
GRANT = "grant_type=client_credentials"


@pytest.fixture
def settings(tmp_path: Path, request: pytest.FixtureRequest) -> Settings:
    overrides: dict[str, Any] = getattr(request, "param", {})
    values: dict[str, Any] = {"rate_limit_token": "3/minute", "rate_limit_write": "3/minute", **overrides}
    return Settings(var_dir=tmp_path, database_url="sqlite:///:memory:", dev_issuer=ISSUER, **values)


class FakeTime:
    def __init__(self) -> None:
        self.now = time.time()

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def fake_time(monkeypatch: pytest.MonkeyPatch) -> FakeTime:
    clock = FakeTime()
    monkeypatch.setattr(time, "time", clock)
    return clock


def basic(client_id: str, secret: str = "not-the-secret") -> dict[str, str]:  # noqa: S107
    return {**FORM, "Authorization": "Basic " + base64.b64encode(f"{client_id}:{secret}".encode()).decode()}


def assert_rate_limited(response: Any) -> int:
    assert response.status_code == 429, response.text
    assert response.headers["content-type"].startswith(PROBLEM)
    body = response.json()
    assert (body["status"], body["code"]) == (429, "rate_limited")
    retry_after = response.headers["retry-after"]
    assert retry_after.isdigit(), retry_after
    assert 1 <= int(retry_after) <= 60
    return int(retry_after)


def token_events(connection: Connection) -> int:
    return int(connection.execute(text("SELECT count(*) FROM audit_event WHERE action = 'oauth.token'")).scalar_one())


# ------------------------------------------------------------------------------------------------ POST /oauth/token


def test_token_requests_are_limited_per_client_id_before_the_secret_is_checked(
    client: TestClient, connection: Connection, fake_time: FakeTime
) -> None:
    for _ in range(3):
        assert client.post("/oauth/token", content=GRANT, headers=basic("guesser")).status_code == 401
    audited = token_events(connection)
    retry_after = assert_rate_limited(client.post("/oauth/token", content=GRANT, headers=basic("guesser")))
    assert token_events(connection) == audited  # refused before any work: nothing checked, nothing written
    # another client has its own budget
    assert client.post("/oauth/token", content=GRANT, headers=basic("other")).status_code == 401
    # once Retry-After has passed, the client may try again
    fake_time.now += retry_after
    assert client.post("/oauth/token", content=GRANT, headers=basic("guesser")).status_code == 401


def test_body_credentials_count_against_the_same_client(client: TestClient, fake_time: FakeTime) -> None:
    for _ in range(3):
        r = client.post(
            "/oauth/token", data={"grant_type": "client_credentials", "client_id": "c1", "client_secret": "x"}
        )
        assert r.status_code == 401
    assert_rate_limited(client.post("/oauth/token", content=GRANT, headers=basic("c1")))


def test_token_requests_without_client_id_are_limited_per_remote_address(
    client: TestClient, fake_time: FakeTime
) -> None:
    for _ in range(3):
        assert client.post("/oauth/token", content=GRANT, headers=FORM).status_code == 401
    assert_rate_limited(client.post("/oauth/token", content=GRANT, headers=FORM))
    # a malformed client_id does not buy a fresh budget either
    assert_rate_limited(client.post("/oauth/token", content=GRANT, headers=basic("bad id")))
    # a well-formed client_id has its own
    assert client.post("/oauth/token", content=GRANT, headers=basic("good-id")).status_code == 401


# ------------------------------------------------------------------------------------------------ writes under /v1


def test_writes_are_limited_per_principal_and_reads_are_not(
    client: TestClient, connection: Connection, auth: Token, fake_time: FakeTime
) -> None:
    alice = auth("alice", "coordinator", org="cpas-a")
    for _ in range(3):
        assert client.post("/v1/legal-bases", json=payloads.decree(), headers=alice).status_code == 201
    stored = connection.execute(text("SELECT count(*) FROM legal_basis")).scalar_one()
    retry_after = assert_rate_limited(client.post("/v1/legal-bases", json=payloads.decree(), headers=alice))
    assert connection.execute(text("SELECT count(*) FROM legal_basis")).scalar_one() == stored
    # a refused payload counts too: the budget is spent on the request, not on its success
    assert_rate_limited(client.post("/v1/legal-bases", json={"nonsense": 1}, headers=alice))
    # reads are not limited; another principal has its own budget
    for _ in range(5):
        assert client.get("/v1/legal-bases", headers=alice).status_code == 200
    bob = auth("bob", "coordinator", org="cpas-a")
    assert client.post("/v1/legal-bases", json=payloads.decree(), headers=bob).status_code == 201
    fake_time.now += retry_after
    assert client.post("/v1/legal-bases", json=payloads.decree(), headers=alice).status_code == 201


def test_unauthenticated_writes_get_401_not_a_budget(client: TestClient, fake_time: FakeTime) -> None:
    for _ in range(5):
        r = client.post("/v1/legal-bases", json=payloads.decree())
        assert (r.status_code, r.json()["code"]) == (401, "authentication_required")


def test_the_openapi_documents_429_with_retry_after_on_limited_operations(client: TestClient) -> None:
    paths = client.get("/openapi.json").json()["paths"]
    for path, method in (
        ("/oauth/token", "post"),
        ("/v1/legal-bases", "post"),
        ("/v1/concertations/{concertation_id}", "patch"),
    ):
        documented = paths[path][method]["responses"]["429"]
        assert documented["headers"]["Retry-After"]["schema"] == {"type": "integer"}
        assert PROBLEM in documented["content"]
    assert "429" not in paths["/v1/legal-bases"]["get"]["responses"]


@pytest.mark.parametrize("settings", [{"rate_limit_enabled": False}], indirect=True)
def test_limits_can_be_switched_off(client: TestClient, auth: Token, fake_time: FakeTime) -> None:
    alice = auth("alice", "coordinator", org="cpas-a")
    for _ in range(5):
        assert client.post("/oauth/token", content=GRANT, headers=basic("guesser")).status_code == 401
        assert client.post("/v1/legal-bases", json=payloads.decree(), headers=alice).status_code == 201
    assert "429" not in client.get("/openapi.json").json()["paths"]["/oauth/token"]["post"]["responses"]


# ------------------------------------------------------------------------------------------------ the limiter itself


def test_principals_never_share_a_budget_through_separators(fake_time: FakeTime) -> None:
    limiter = RateLimiter("memory://", "1/minute", "1/minute")
    limiter.check_write("https://idp/a", "b")
    limiter.check_write("https://idp", "a/b")  # would collide if keys were joined with "/"
    limiter.check_write("https://idp/a", "b/")
    with pytest.raises(RateLimited) as refused:
        limiter.check_write("https://idp/a", "b")
    assert (refused.value.status, refused.value.code) == (429, "rate_limited")
    assert refused.value.headers["Retry-After"].isdigit()


def test_several_limits_in_one_setting_all_apply(fake_time: FakeTime) -> None:
    # At a minute's start: the sliding windows weigh the previous minute's count by what is left of it, so a burst
    # that straddled a boundary (the real clock's second ≥ 56) would no longer reach 3/minute four seconds on.
    fake_time.now = 1_800_000_000
    limiter = RateLimiter("memory://", "2/second;3/minute", "1/minute")
    limiter.check_token("c", None)
    limiter.check_token("c", None)
    with pytest.raises(RateLimited):
        limiter.check_token("c", None)  # the per-second limit
    fake_time.now += 2
    limiter.check_token("c", None)
    fake_time.now += 2
    with pytest.raises(RateLimited):
        limiter.check_token("c", None)  # the per-minute limit


@pytest.mark.parametrize("offset", [0.0, 17.5, 59.9], ids=["window_start", "mid_window", "window_end"])
def test_retry_after_is_the_time_until_a_request_passes_again(fake_time: FakeTime, offset: float) -> None:
    fake_time.now = 1_800_000_000 + offset  # a minute boundary, plus where in the window the burst comes
    limiter = RateLimiter("memory://", "1/minute", "3/minute")
    for _ in range(3):
        limiter.check_write("iss", "sub")
    with pytest.raises(RateLimited) as refused:
        limiter.check_write("iss", "sub")
    retry_after = int(refused.value.headers["Retry-After"])
    assert 1 <= retry_after <= 60
    if retry_after > 1:
        fake_time.now += retry_after - 1
        with pytest.raises(RateLimited):
            limiter.check_write("iss", "sub")
    fake_time.now = 1_800_000_000 + offset + retry_after + 0.001  # a client waits at least that long
    limiter.check_write("iss", "sub")


def test_a_failing_storage_lets_requests_through_and_says_so(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    limiter = RateLimiter("memory://", "1/minute", "1/minute")

    def broken(*args: Any, **kwargs: Any) -> bool:
        raise StorageError(ConnectionError("redis down"))

    monkeypatch.setattr(limiter._limiter, "hit", broken)
    with caplog.at_level(logging.WARNING, logger="concertation.ratelimit"):
        limiter.check_write("iss", "sub")
        limiter.check_write("iss", "sub")
    assert [r.getMessage() for r in caplog.records] == [
        "rate-limit storage failed (ConnectionError); request let through"
    ] * 2


def test_an_unknown_storage_is_refused_at_start_up() -> None:
    with pytest.raises(ConfigurationError):
        RateLimiter("nosuch://host", "1/minute", "1/minute")
