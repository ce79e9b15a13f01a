"""Health, readiness, reference data, the deployment's policy, and the development-token CLI."""

from __future__ import annotations

from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from api import cli
from api.security.keys import ensure_dev_signing_key
from api.security.tokens import IssuerConfig, TokenVerifier
from api.settings import Settings, get_settings
from policies.offences import OFFENCES
from tests.conftest import Token


def test_health_needs_no_token(client: TestClient) -> None:
    assert client.get("/healthz").json() == {"status": "ok"}
    r = client.get("/readyz")
    assert r.status_code == 200
    assert r.json()["checks"] == {"database": True, "keys": True}


@pytest.mark.parametrize(
    "path", ["/v1/reference/purposes", "/v1/reference/offences", "/v1/policy", "/v1/legal-bases", "/v1/concertations"]
)
def test_every_v1_route_needs_a_token(client: TestClient, path: str) -> None:
    r = client.get(path)
    assert r.status_code == 401
    assert r.headers["content-type"].startswith("application/problem+json")
    assert r.json()["code"] == "authentication_required"
    assert r.headers["WWW-Authenticate"].startswith("Bearer")


def test_a_bad_token_is_a_401_with_its_code(client: TestClient) -> None:
    r = client.get("/v1/policy", headers={"Authorization": "Bearer not.a.token"})
    assert r.status_code == 401
    assert r.json()["code"].startswith("token_")


def test_purposes_are_the_three_of_art_458ter(client: TestClient, auth: Token) -> None:
    r = client.get("/v1/reference/purposes", headers=auth("u", "participant"))
    assert [p["code"] for p in r.json()] == [
        "protect_integrity",
        "prevent_terrorist_offences",
        "prevent_criminal_organisation_offences",
    ]


def test_offence_catalogue_is_versioned_and_marked_to_verify(client: TestClient, auth: Token) -> None:
    body = client.get("/v1/reference/offences", headers=auth("u", "partner")).json()
    assert body["version"] and "verify" in body["status"]
    assert len(body["items"]) == len(OFFENCES)
    by_code = {o["code"]: o for o in body["items"]}
    assert by_code["cp_398"]["in_force"] is True
    assert all(o["to_verify"] for o in body["items"])


def test_policy_exposes_the_decisions(client: TestClient, auth: Token) -> None:
    body = client.get("/v1/policy", headers=auth("u", "auditor")).json()
    assert body["default_profile"] == "safeguards"
    profiles = {p["name"]: p["rules"] for p in body["profiles"]}
    assert profiles["safeguards"]["R55"] == "fail"
    assert profiles["legal_minimum"]["R55"] == "warn"
    assert body["consent_lifts_secrecy"] is False


def test_a_caller_without_any_role_reads_no_registry(client: TestClient, auth: Token) -> None:
    assert client.get("/v1/legal-bases", headers=auth("nobody")).status_code == 403


def test_cli_mints_a_token_the_service_accepts(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("CONCERTATION_VAR_DIR", str(tmp_path))
    get_settings.cache_clear()
    try:
        assert cli.main(["token", "--sub", "alice", "--roles", "participant,coordinator", "--org", "cpas-x"]) == 0
        token = capsys.readouterr().out.strip()
        key = ensure_dev_signing_key(tmp_path / "keys")
        verifier = TokenVerifier(
            [IssuerConfig(issuer="concertation-dev", algorithm="ES256", jwks=key.jwks)], "concertation"
        )
        principal = verifier.verify(token)
        assert (principal.subject, principal.org) == ("alice", "cpas-x")
        assert principal.roles == frozenset({"participant", "coordinator"})
        assert cli.main(["welcome"]) == 0
        assert "export TOKEN=" in capsys.readouterr().err
        assert (tmp_path / "keys" / "keyring.json").exists()
    finally:
        get_settings.cache_clear()


def test_cli_refuses_when_the_development_issuer_is_off(tmp_path: Path) -> None:
    with pytest.raises(SystemExit):
        cli.dev_token(Settings(var_dir=tmp_path, dev_issuer_enabled=False), "a", ["coordinator"], None, 60)
