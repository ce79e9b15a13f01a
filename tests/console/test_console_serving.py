"""The console and the documentation pages as the service serves them, and the development sign-in behind them.

The browser walks them in tests/e2e; here each HTTP behaviour is pinned on its own: the development sign-in's
guards, the console's files, fallback and Content-Security-Policy, and documentation pages that name no remote
asset.
"""

from __future__ import annotations

import re
import socket
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from api.cli import main as cli_main
from api.cli import port_free
from api.main import create_app
from api.security.crypto import KeyRing
from api.settings import Settings

LOOPBACK = ("127.0.0.1", 50123)


def _dist(root: Path) -> Path:
    dist = root / "dist"
    (dist / "assets").mkdir(parents=True)
    (dist / "vendor" / "swagger-ui").mkdir(parents=True)
    (dist / "index.html").write_text('<!doctype html><div id="root"></div><script type="module" src="/console/x.js">')
    (dist / "assets" / "index-abc123.js").write_text("console.log('console');" * 200)
    (dist / "vendor" / "swagger-ui" / "swagger-ui.css").write_text("body{}")
    (root / "secret.txt").write_text("outside the console")
    return dist


def _app(tmp_path: Path, **overrides: Any) -> Any:
    values: dict[str, Any] = {
        "var_dir": tmp_path / "var",
        "database_url": f"sqlite:///{tmp_path}/console.db",
        "console_dir": tmp_path / "dist",
    }
    return create_app(Settings(**(values | overrides)), keyring=KeyRing({"k": bytes(32)}, "k"))


@pytest.fixture
def built(tmp_path: Path) -> Iterator[TestClient]:
    _dist(tmp_path)
    app = _app(tmp_path)
    with TestClient(app, client=LOOPBACK) as client:
        yield client
    app.state.engine.dispose()


# --- POST /oauth/dev-token --------------------------------------------------------------------------------------


def test_dev_sign_in_gives_a_token_the_api_accepts(built: TestClient) -> None:
    r = built.post("/oauth/dev-token", json={"sub": "coordinator-1", "roles": ["coordinator"], "org": "saj-bxl"})
    assert r.status_code == 200, r.text
    body = r.json()
    assert body["token_type"] == "Bearer" and body["issuer"] == "concertation-dev" and body["expires_in"] == 3600
    assert r.headers["cache-control"] == "no-store"
    # the token is one the service's own verifier trusts: the policy endpoint needs an authenticated caller
    listed = built.get("/v1/policy", headers={"Authorization": f"Bearer {body['access_token']}"})
    assert listed.status_code == 200, listed.text
    anonymous = built.get("/v1/policy")
    assert anonymous.status_code == 401


@pytest.mark.parametrize(
    ("body", "code"),
    [
        ({"sub": "a", "roles": ["wizard"]}, "unknown_value"),
        ({"sub": "a", "roles": []}, None),
        ({"sub": "", "roles": ["coordinator"]}, None),
        ({"sub": "a", "roles": ["coordinator"], "admin": True}, "unknown_field"),
        ({"roles": ["coordinator"]}, "missing_field"),
    ],
    ids=["unknown role", "no role", "empty subject", "unknown field", "no subject"],
)
def test_dev_sign_in_refuses_a_malformed_request(built: TestClient, body: dict[str, Any], code: str | None) -> None:
    r = built.post("/oauth/dev-token", json=body)
    assert r.status_code == 422, r.text
    assert r.headers["content-type"].startswith("application/problem+json")
    if code:
        assert code in {r.json()["code"], *(v["code"] for v in r.json()["violations"])}


def test_dev_sign_in_is_refused_off_loopback(tmp_path: Path) -> None:
    app = _app(tmp_path)
    with TestClient(app, client=("203.0.113.7", 40000)) as remote:
        r = remote.post("/oauth/dev-token", json={"sub": "mallory", "roles": ["admin"]})
    assert r.status_code == 404 and r.json()["code"] == "dev_sign_in_unavailable"
    assert "access_token" not in r.text


def test_dev_sign_in_is_refused_when_the_development_issuer_is_off(tmp_path: Path) -> None:
    _dist(tmp_path)
    app = _app(
        tmp_path,
        dev_issuer_enabled=False,
        external_issuer="https://idp.example.be/realms/cpas",
        external_jwks_url="https://idp.example.be/realms/cpas/protocol/openid-connect/certs",
    )
    with TestClient(app, client=LOOPBACK) as client:
        r = client.post(
            "/oauth/dev-token", json={"sub": "alice", "roles": ["coordinator"]}, headers={"Accept-Language": "nl"}
        )
        config = client.get("/console/config.json").json()
    assert r.status_code == 404 and r.json()["code"] == "dev_sign_in_unavailable"
    assert "ontwikkeling" in r.json()["detail"]
    assert config["dev_sign_in"] is False


# --- /console ---------------------------------------------------------------------------------------------------


def test_console_serves_its_index_with_a_strict_policy(built: TestClient) -> None:
    r = built.get("/console/")
    assert r.status_code == 200 and '<div id="root">' in r.text
    policy = r.headers["content-security-policy"]
    directives = dict(d.strip().split(" ", 1) for d in policy.split(";"))
    assert directives["script-src"] == "'self'" and directives["style-src"] == "'self'"
    assert directives["connect-src"] == "'self'" and directives["frame-ancestors"] == "'none'"
    assert "unsafe" not in policy and "*" not in policy
    assert r.headers["cache-control"] == "no-cache"


def test_console_routes_fall_back_to_the_index(built: TestClient) -> None:
    r = built.get("/console/concertations/8c1e2f7a-0000-4000-8000-000000000000/compliance")
    assert r.status_code == 200 and '<div id="root">' in r.text


def test_console_redirects_its_bare_path(built: TestClient) -> None:
    r = built.get("/console", follow_redirects=False)
    assert r.status_code in (307, 308) and r.headers["location"].endswith("/console/")


def test_console_assets_are_cached_and_compressed(built: TestClient) -> None:
    r = built.get("/console/assets/index-abc123.js", headers={"Accept-Encoding": "gzip"})
    assert r.status_code == 200 and r.headers["content-encoding"] == "gzip"
    assert "immutable" in r.headers["cache-control"]
    assert "content-security-policy" in r.headers


@pytest.mark.parametrize(
    "path",
    [
        "/console/assets/missing.js",
        "/console/vendor/redoc/none.js",
        "/console/favicon.ico",
        "/console/%2e%2e/secret.txt",
    ],
    ids=["missing asset", "missing vendor file", "missing file", "outside the console"],
)
def test_console_answers_404_for_a_missing_file(built: TestClient, path: str) -> None:
    r = built.get(path)
    assert r.status_code == 404
    assert "outside the console" not in r.text


def test_console_not_built_says_how_to_build_it(tmp_path: Path) -> None:
    app = _app(tmp_path)  # no dist/
    with TestClient(app, client=LOOPBACK) as client:
        r = client.get("/console/")
    assert r.status_code == 503 and "npm --prefix console run build" in r.text


def test_console_config_names_the_oidc_issuer_and_allows_only_it(tmp_path: Path) -> None:
    _dist(tmp_path)
    app = _app(
        tmp_path,
        external_issuer="https://idp.example.be/realms/cpas",
        external_jwks_url="https://idp.example.be/realms/cpas/protocol/openid-connect/certs",
        console_oidc_client_id="concertation-console",
    )
    with TestClient(app, client=LOOPBACK) as client:
        config = client.get("/console/config.json").json()
        policy = client.get("/console/").headers["content-security-policy"]
    assert config["oidc"] == {
        "authority": "https://idp.example.be/realms/cpas",
        "client_id": "concertation-console",
        "scope": "openid profile",
    }
    assert "connect-src 'self' https://idp.example.be;" in policy


# --- /docs and /redoc -------------------------------------------------------------------------------------------


@pytest.mark.parametrize("path", ["/docs", "/redoc"])
def test_documentation_pages_load_only_local_assets(built: TestClient, path: str) -> None:
    r = built.get(path)
    assert r.status_code == 200
    remote = re.findall(r"""(?:src|href)=["'](https?:)?//""", r.text)
    assert remote == [], f"{path} names a remote asset"
    assert "/console/vendor/" in r.text and "/openapi.json" in r.text
    assert "fonts.googleapis" not in r.text and "cdn." not in r.text


# --- make run's banner ------------------------------------------------------------------------------------------


def test_welcome_refuses_a_taken_port_before_printing_a_token(capsys: pytest.CaptureFixture[str]) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        assert not port_free("127.0.0.1", port)
        code = cli_main(["welcome", "--host", "127.0.0.1", "--port", str(port)])
    err = capsys.readouterr().err
    assert code == 1
    assert f"PORT={port + 1}" in err and "TOKEN" not in err
