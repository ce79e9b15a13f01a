"""POST /oauth/token (SPEC §2; RFC 6749 §4.4): the client-credentials grant of partner systems, on both databases.

Clients are registered with the service the CLI uses (there is no HTTP endpoint for it), inside the test's rolled-back
transaction; everything else goes through HTTP. Every refusal is checked for its status, problem+json body with
RFC 6749 §5.2's `error`, its headers and its audit event.
"""

from __future__ import annotations

import base64
import json
import logging
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Connection, create_engine, text
from sqlalchemy.pool import NullPool
from sqlmodel import Session

from api.commands import clients as client_commands
from api.security.tokens import hash_client_secret, verify_client_secret
from api.services import clients
from api.settings import Settings
from tests.conftest import AUDIENCE, ISSUER, NOW, migrate

PROBLEM = "application/problem+json"
FORM = {"Content-Type": "application/x-www-form-urlencoded"}
GRANT = "grant_type=client_credentials"
#: RFC 6749 §5.2: error_description is printable ASCII without `"` and `\`.
DESCRIPTION_CHARACTERS = set(chr(c) for c in range(0x20, 0x7F)) - {'"', "\\"}

Register = Callable[..., str]


@pytest.fixture
def register(connection: Connection) -> Register:
    """Register a client in the test's transaction; returns its secret."""

    def make(client_id: str = "cpas-sync", roles: tuple[str, ...] = ("partner",), org: str = "cpas-a") -> str:
        with Session(bind=connection, join_transaction_mode="create_savepoint", expire_on_commit=False) as s:
            _, secret = clients.register(s, client_id, list(roles), org, NOW)
        return secret

    return make


def basic(client_id: str, secret: str) -> dict[str, str]:
    return {**FORM, "Authorization": "Basic " + base64.b64encode(f"{client_id}:{secret}".encode()).decode()}


def claims(token: str) -> dict[str, Any]:
    payload = token.split(".")[1]
    parsed: dict[str, Any] = json.loads(base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4)))
    return parsed


def audit(connection: Connection) -> list[tuple[str, str, str, str | None, list[str], dict[str, Any]]]:
    rows = connection.execute(
        text(
            "SELECT actor_subject, action, outcome, object_id, codes, details FROM audit_event "
            "WHERE action = 'oauth.token' ORDER BY seq"
        )
    ).all()

    def parsed(value: Any) -> Any:
        return json.loads(value) if isinstance(value, str) else value

    return [(r[0], r[1], r[2], r[3], parsed(r[4]), parsed(r[5])) for r in rows]


def all_audit_text(connection: Connection) -> str:
    return json.dumps([list(map(str, r)) for r in connection.execute(text("SELECT * FROM audit_event")).all()])


# ------------------------------------------------------------------------------------------------ issuance


def test_basic_authentication_issues_a_short_lived_token_the_api_accepts(
    client: TestClient, connection: Connection, register: Register
) -> None:
    secret = register("cpas-sync", ("partner",), "cpas-a")
    r = client.post("/oauth/token", content=GRANT, headers=basic("cpas-sync", secret))
    assert r.status_code == 200, r.text
    assert r.headers["cache-control"] == "no-store"
    body = r.json()
    assert set(body) == {"access_token", "token_type", "expires_in", "scope"}
    assert body["token_type"] == "Bearer"
    assert body["expires_in"] == 300
    assert body["scope"] == "partner"
    c = claims(body["access_token"])
    assert (c["iss"], c["sub"], c["aud"], c["roles"], c["org"]) == (
        ISSUER,
        "cpas-sync",
        AUDIENCE,
        ["partner"],
        "cpas-a",
    )
    assert c["exp"] - c["iat"] == 300
    # the token of the service's own issuer opens the API
    listed = client.get("/v1/concertations", headers={"Authorization": f"Bearer {body['access_token']}"})
    assert listed.status_code == 200, listed.text
    assert audit(connection) == [
        ("cpas-sync", "oauth.token", "success", "cpas-sync", [], {"roles": ["partner"], "expires_in": 300})
    ]
    stored = all_audit_text(connection)
    assert secret not in stored
    assert body["access_token"].split(".")[2] not in stored


def test_body_credentials_are_accepted(client: TestClient, register: Register) -> None:
    secret = register("youth-aid", ("partner",), "aj-b")
    r = client.post(
        "/oauth/token", data={"grant_type": "client_credentials", "client_id": "youth-aid", "client_secret": secret}
    )
    assert r.status_code == 200, r.text
    assert claims(r.json()["access_token"])["sub"] == "youth-aid"


def test_form_encoded_basic_credentials_are_decoded(client: TestClient, register: Register) -> None:
    """RFC 6749 §2.3.1: the user name and password are form-urlencoded before Basic encoding."""
    secret = register("police:zone-5340", ("partner",), "pz-5340")
    r = client.post("/oauth/token", content=GRANT, headers=basic("police%3Azone-5340", secret))
    assert r.status_code == 200, r.text
    assert claims(r.json()["access_token"])["sub"] == "police:zone-5340"


def test_scope_restricts_the_roles_granted(client: TestClient, register: Register) -> None:
    secret = register("multi", ("partner", "coordinator"), "cpas-a")
    r = client.post("/oauth/token", content=GRANT + "&scope=partner", headers=basic("multi", secret))
    assert r.status_code == 200, r.text
    assert (r.json()["scope"], claims(r.json()["access_token"])["roles"]) == ("partner", ["partner"])
    r = client.post("/oauth/token", content=GRANT, headers=basic("multi", secret))
    assert claims(r.json()["access_token"])["roles"] == ["coordinator", "partner"]


def test_token_ttl_follows_the_setting(app: Any, client: TestClient, register: Register) -> None:
    app.state.settings.client_token_ttl_seconds = 120
    secret = register()
    r = client.post("/oauth/token", content=GRANT, headers=basic("cpas-sync", secret))
    assert r.json()["expires_in"] == 120
    c = claims(r.json()["access_token"])
    assert c["exp"] - c["iat"] == 120


# ------------------------------------------------------------------------------------------------ refusals

Request = Callable[[str], dict[str, Any]]  # secret -> httpx request kwargs

REFUSALS: list[tuple[str, Request, int, str, str]] = [
    (
        "wrong_secret",
        lambda s: {"content": GRANT, "headers": basic("cpas-sync", s + "x")},
        401,
        "invalid_client",
        "DENIED",
    ),
    ("unknown_client", lambda s: {"content": GRANT, "headers": basic("nobody", s)}, 401, "invalid_client", "DENIED"),
    ("no_credentials", lambda s: {"content": GRANT, "headers": FORM}, 401, "invalid_client", "DENIED"),
    (
        "client_id_without_secret",
        lambda s: {"content": GRANT + "&client_id=cpas-sync", "headers": FORM},
        401,
        "invalid_client",
        "DENIED",
    ),
    (
        "malformed_basic",
        lambda s: {"content": GRANT, "headers": {**FORM, "Authorization": "Basic !!!not-base64"}},
        401,
        "invalid_client",
        "DENIED",
    ),
    (
        "basic_not_ascii",
        lambda s: {
            "content": GRANT,
            "headers": {**FORM, "Authorization": "Basic Y2xpZW50OnPDqWNyZXQ=é".encode("latin-1")},
        },
        401,
        "invalid_client",
        "DENIED",
    ),
    (
        "bearer_instead_of_basic",
        lambda s: {"content": GRANT, "headers": {**FORM, "Authorization": "Bearer abc.def.ghi"}},
        401,
        "invalid_client",
        "DENIED",
    ),
    (
        "oversized_client_id",
        lambda s: {"content": GRANT, "headers": basic("c" * 500, s)},
        401,
        "invalid_client",
        "DENIED",
    ),
    (
        "two_authentication_methods",
        lambda s: {"content": f"{GRANT}&client_secret={s}", "headers": basic("cpas-sync", s)},
        400,
        "invalid_request",
        "REFUSED",
    ),
    (
        "missing_grant_type",
        lambda s: {"content": "scope=partner", "headers": basic("cpas-sync", s)},
        400,
        "invalid_request",
        "REFUSED",
    ),
    (
        "repeated_parameter",
        lambda s: {"content": f"{GRANT}&{GRANT}", "headers": basic("cpas-sync", s)},
        400,
        "invalid_request",
        "REFUSED",
    ),
    (
        "json_body",
        lambda s: {
            "json": {"grant_type": "client_credentials"},
            "headers": {"Authorization": basic("cpas-sync", s)["Authorization"]},
        },
        400,
        "invalid_request",
        "REFUSED",
    ),
    (
        "not_utf8_form",
        lambda s: {"content": b"grant_type=client_credentials&scope=%FF", "headers": basic("cpas-sync", s)},
        400,
        "invalid_request",
        "REFUSED",
    ),
    (
        "password_grant",
        lambda s: {"content": "grant_type=password&username=a&password=b", "headers": basic("cpas-sync", s)},
        400,
        "unsupported_grant_type",
        "REFUSED",
    ),
    (
        "scope_beyond_the_client",
        lambda s: {"content": f"{GRANT}&scope=partner%20auditor", "headers": basic("cpas-sync", s)},
        400,
        "invalid_scope",
        "REFUSED",
    ),
    (
        "scope_unknown_role",
        lambda s: {"content": f"{GRANT}&scope=superuser", "headers": basic("cpas-sync", s)},
        400,
        "invalid_scope",
        "REFUSED",
    ),
    (
        "scope_malformed",
        lambda s: {"content": f"{GRANT}&scope=partner%20%20partner", "headers": basic("cpas-sync", s)},
        400,
        "invalid_scope",
        "REFUSED",
    ),
]


@pytest.mark.parametrize(
    ("build", "status", "error", "outcome"), [c[1:] for c in REFUSALS], ids=[c[0] for c in REFUSALS]
)
def test_refusals_are_rfc6749_errors_in_problem_json_and_audited(
    client: TestClient,
    connection: Connection,
    register: Register,
    build: Request,
    status: int,
    error: str,
    outcome: str,
) -> None:
    secret = register("cpas-sync", ("partner",), "cpas-a")
    r = client.post("/oauth/token", **build(secret))
    assert r.status_code == status, r.text
    assert r.headers["content-type"].startswith(PROBLEM)
    assert r.headers["cache-control"] == "no-store"
    body = r.json()
    assert (body["status"], body["code"], body["error"]) == (status, error, error)
    assert body["error_description"] and set(body["error_description"]) <= DESCRIPTION_CHARACTERS
    assert "access_token" not in body
    if status == 401:
        assert r.headers["www-authenticate"].startswith("Basic")
    else:
        assert "www-authenticate" not in r.headers
    events = audit(connection)
    assert [(e[2], e[4]) for e in events] == [(outcome.lower(), [error])]
    assert secret not in all_audit_text(connection)


def test_disabled_client_is_refused_like_an_unknown_one(
    client: TestClient, connection: Connection, register: Register
) -> None:
    secret = register()
    with Session(bind=connection, join_transaction_mode="create_savepoint", expire_on_commit=False) as s:
        disabled = clients.disable(s, "cpas-sync", NOW)
    assert disabled.disabled_at == NOW
    r = client.post("/oauth/token", content=GRANT, headers=basic("cpas-sync", secret))
    assert (r.status_code, r.json()["error"]) == (401, "invalid_client")
    assert audit(connection)[-1][2:6] == ("denied", "cpas-sync", ["invalid_client"], {"reason": "client_disabled"})


def test_a_disabled_issuer_says_so_instead_of_minting(
    app: Any, client: TestClient, connection: Connection, register: Register
) -> None:
    secret = register()
    app.state.settings.dev_issuer_enabled = False
    r = client.post("/oauth/token", content=GRANT, headers=basic("cpas-sync", secret))
    assert r.status_code == 400, r.text
    body = r.json()
    assert (body["code"], body["error"]) == ("client_credentials_disabled", "unsupported_grant_type")
    assert audit(connection)[-1][4] == ["client_credentials_disabled"]


def test_problem_detail_follows_accept_language(client: TestClient) -> None:
    r = client.post("/oauth/token", content=GRANT, headers={**FORM, "Accept-Language": "nl"})
    assert r.status_code == 401
    assert "client" in r.json()["detail"] and r.json()["detail"] != r.json()["error_description"]


def test_neither_secret_nor_token_reaches_a_log(
    client: TestClient, register: Register, caplog: pytest.LogCaptureFixture
) -> None:
    secret = register()
    with caplog.at_level(logging.DEBUG):
        ok = client.post("/oauth/token", content=GRANT, headers=basic("cpas-sync", secret))
        bad = client.post("/oauth/token", content=GRANT, headers=basic("cpas-sync", secret[:-1]))
    assert (ok.status_code, bad.status_code) == (200, 401)
    signature = ok.json()["access_token"].split(".")[2]
    for record in caplog.records:
        text_ = record.getMessage() + repr(record.args) + repr(record.__dict__)
        assert secret not in text_ and secret[:-1] not in text_ and signature not in text_


def test_openapi_documents_the_form_body_and_errors(client: TestClient) -> None:
    op = client.get("/openapi.json").json()["paths"]["/oauth/token"]["post"]
    schema = op["requestBody"]["content"]["application/x-www-form-urlencoded"]["schema"]
    assert schema["properties"]["grant_type"]["enum"] == ["client_credentials"]
    assert {"400", "401", "429"} <= set(op["responses"])
    assert op["responses"]["401"]["content"][PROBLEM]["schema"]["$ref"].endswith("/OAuthProblem")
    assert op["security"] == [{"clientBasic": []}]


# ------------------------------------------------------------------------------------------------ the CLI


@pytest.fixture
def cli_engine(tmp_path: Path) -> Iterator[Any]:
    url = f"sqlite:///{tmp_path / 'cli.db'}"
    migrate(url)
    engine = create_engine(url, poolclass=NullPool)
    yield engine
    engine.dispose()


def test_cli_adds_lists_and_disables_clients_and_prints_the_secret_once(
    cli_engine: Any, capsys: pytest.CaptureFixture[str]
) -> None:
    assert client_commands.add(cli_engine, "parquet-bxl", ["partner"], "parquet-bruxelles", out=sys.stdout) == 0
    printed = capsys.readouterr().out
    secret = next(line.split()[-1] for line in printed.splitlines() if line.startswith("client_secret:"))
    with cli_engine.connect() as conn:
        stored = conn.execute(text("SELECT secret_hash FROM oauth_client WHERE client_id = 'parquet-bxl'")).scalar_one()
        assert secret not in stored and stored.startswith("$scrypt$")
        assert verify_client_secret(secret, stored) and not verify_client_secret(secret + "x", stored)
        assert secret not in all_audit_text(conn)
        actions = conn.execute(text("SELECT action FROM audit_event ORDER BY seq")).scalars().all()
    assert client_commands.add(cli_engine, "parquet-bxl", ["partner"], "x", out=sys.stdout) == 1
    assert "client_exists" in capsys.readouterr().err
    assert client_commands.list_all(cli_engine, sys.stdout, as_json=True) == 0
    listed = json.loads(capsys.readouterr().out)
    assert [(c["client_id"], c["roles"], c["org"], c["disabled_at"]) for c in listed] == [
        ("parquet-bxl", ["partner"], "parquet-bruxelles", None)
    ]
    assert all("secret" not in key for c in listed for key in c)
    assert client_commands.disable(cli_engine, "parquet-bxl", sys.stdout) == 0
    assert client_commands.disable(cli_engine, "nobody", sys.stdout) == 1
    with cli_engine.connect() as conn:
        assert conn.execute(text("SELECT disabled_at FROM oauth_client")).scalar_one() is not None
        actions = conn.execute(text("SELECT action FROM audit_event ORDER BY seq")).scalars().all()
    assert actions == ["oauth_client.create", "oauth_client.disable"]


@pytest.mark.parametrize(
    ("client_id", "roles", "org"),
    [
        ("", ["partner"], "o"),
        ("bad id", ["partner"], "o"),
        ("ok", [], "o"),
        ("ok", ["root"], "o"),
        ("ok", ["partner"], ""),
    ],
    ids=["empty_id", "space_in_id", "no_role", "unknown_role", "no_org"],
)
def test_cli_refuses_malformed_clients(
    cli_engine: Any, client_id: str, roles: list[str], org: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert client_commands.add(cli_engine, client_id, roles, org, out=sys.stdout) == 1
    assert "invalid_payload" in capsys.readouterr().err
    with cli_engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM oauth_client")).scalar_one() == 0


def test_settings_refuse_a_malformed_limit() -> None:
    with pytest.raises(ValueError, match="rate_limit_write"):
        Settings(rate_limit_write="lots per minute")
    assert Settings(rate_limit_write="10/second;600/minute").rate_limit_write == "10/second;600/minute"


# ------------------------------------------------------------------------------------------------ stored secrets


def test_secret_hashes_are_salted_scrypt_and_malformed_ones_never_match() -> None:
    secret = "s" * 43
    first, second = hash_client_secret(secret), hash_client_secret(secret)
    assert first != second and first.startswith("$scrypt$ln=14,r=8,p=1$")  # a fresh salt per client
    assert verify_client_secret(secret, first) and verify_client_secret(secret, second)
    assert not verify_client_secret(secret[:-1], first)
    head, _, digest = first.rpartition("$")
    for stored in ("", "plain", first.replace("scrypt", "bcrypt"), f"{head}$", first.replace("ln=14", "ln=40")):
        assert not verify_client_secret(secret, stored), stored
    assert not verify_client_secret("", first)
    assert not verify_client_secret("x" * 257, first)  # bounded before any work
    with pytest.raises(ValueError):
        hash_client_secret("")
