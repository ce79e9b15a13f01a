"""Token attacks through HTTP (SPEC §4, issue 5 §3): one table, every row a 401 problem+json with its stable code
from a real protected endpoint, and no log record carrying the token or its signature.

`tests/security/test_tokens.py` proves each refusal of the verifier at unit level; this table proves that the API
wires it in: the route's actor dependency, the problem rendering and the logging never turn a hostile token into a
200, a 500 or a leak. The app trusts two issuers, as a deployment does: the service's own ES256 issuer and an
external RS256 identity provider with a JWKS, so that algorithm confusion has a real RSA public key to abuse.
Tokens are crafted with `cryptography`, `hmac` and `base64` (the helpers of test_tokens.py), not with python-jose.
"""

from __future__ import annotations

import json
import logging
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec, rsa
from fastapi.testclient import TestClient

from api.security.tokens import IssuerConfig, TokenVerifier
from tests.conftest import AUDIENCE, ISSUER
from tests.security.test_tokens import b64u, public_pem_of, rsa_jwk, segment, sign_es256, sign_hs256, sign_rs256

IDP_ISSUER = "https://idp.test/realms/justice"
IDP_KID = "idp-rsa-1"
PROBLEM = "application/problem+json"
PROTECTED = "/v1/concertations"


@pytest.fixture(scope="module")
def idp_key() -> rsa.RSAPrivateKey:
    return rsa.generate_private_key(public_exponent=65537, key_size=2048)


@pytest.fixture(scope="module")
def rogue_rsa_key() -> rsa.RSAPrivateKey:
    return rsa.generate_private_key(public_exponent=65537, key_size=2048)


@dataclass
class Keys:
    dev: ec.EllipticCurvePrivateKey
    dev_kid: str
    idp: rsa.RSAPrivateKey
    rogue: rsa.RSAPrivateKey

    def claims(self, issuer: str = ISSUER, **overrides: Any) -> dict[str, Any]:
        now = int(time.time())
        claims: dict[str, Any] = {
            "iss": issuer,
            "sub": "coord-1",
            "aud": AUDIENCE,
            "iat": now,
            "exp": now + 600,
            "roles": ["coordinator"],
            "org": "cpas-a",
        }
        for name, value in overrides.items():
            if value is None:
                claims.pop(name, None)
            else:
                claims[name] = value
        return claims

    def es256(self, header: dict[str, Any] | None = None, **claims: Any) -> str:
        return sign_es256(
            self.dev, {"alg": "ES256", "typ": "JWT", "kid": self.dev_kid, **(header or {})}, self.claims(**claims)
        )

    def rs256(
        self, header: dict[str, Any] | None = None, *, key: rsa.RSAPrivateKey | None = None, **claims: Any
    ) -> str:
        head = {"alg": "RS256", "typ": "JWT", "kid": IDP_KID, **(header or {})}
        return sign_rs256(key or self.idp, head, self.claims(IDP_ISSUER, **claims))


@pytest.fixture
def keys(dev_key: Any, idp_key: rsa.RSAPrivateKey, rogue_rsa_key: rsa.RSAPrivateKey) -> Keys:
    private = serialization.load_pem_private_key(dev_key.private_key_pem.encode(), password=None)
    assert isinstance(private, ec.EllipticCurvePrivateKey)
    return Keys(dev=private, dev_kid=dev_key.kid, idp=idp_key, rogue=rogue_rsa_key)


@pytest.fixture
def api(app: Any, client: TestClient, dev_key: Any, idp_key: rsa.RSAPrivateKey) -> TestClient:
    """The harness app, trusting the service's ES256 issuer and an RS256 identity provider (inline JWKS)."""
    app.state.verifier = TokenVerifier(
        [
            IssuerConfig(issuer=ISSUER, algorithm="ES256", jwks=dev_key.jwks),
            IssuerConfig(issuer=IDP_ISSUER, algorithm="RS256", jwks={"keys": [rsa_jwk(idp_key, IDP_KID)]}),
        ],
        AUDIENCE,
    )
    return client


def _tampered(k: Keys) -> str:
    """A valid token's header and signature around another payload (a promotion to auditor)."""
    header, _, signature = k.es256().split(".")
    return f"{header}.{segment(k.claims(roles=['auditor', 'admin']))}.{signature}"


def _jwe(k: Keys) -> str:
    header = segment({"alg": "RSA-OAEP-256", "enc": "A256GCM", "kid": IDP_KID})
    return ".".join([header, b64u(b"k" * 256), b64u(b"i" * 12), b64u(b"c" * 64), b64u(b"t" * 16)])


def _oversized(k: Keys) -> str:
    token = k.es256(padding="x" * (64 * 1024))
    assert len(token) > 64 * 1024
    return token


Build = Callable[[Keys], str]

ATTACKS: list[tuple[str, Build, str]] = [
    ("alg_none", lambda k: f"{segment({'alg': 'none', 'typ': 'JWT'})}.{segment(k.claims())}.", "token_invalid"),
    (
        "alg_none_with_signature",
        lambda k: f"{segment({'alg': 'none', 'kid': k.dev_kid})}.{segment(k.claims())}.{b64u(b'x' * 32)}",
        "token_invalid",
    ),
    (
        "hs256_keyed_with_the_rs256_public_key_pem",
        lambda k: sign_hs256(
            public_pem_of(k.idp), {"alg": "HS256", "typ": "JWT", "kid": IDP_KID}, k.claims(IDP_ISSUER)
        ),
        "token_invalid",
    ),
    (
        "es256_token_claiming_the_rs256_issuer",
        lambda k: sign_es256(k.dev, {"alg": "ES256", "kid": IDP_KID}, k.claims(IDP_ISSUER)),
        "token_invalid",
    ),
    ("rs256_signed_by_a_rogue_key", lambda k: k.rs256(key=k.rogue), "token_invalid"),
    ("expired", lambda k: k.es256(iat=int(time.time()) - 7200, exp=int(time.time()) - 3600), "token_expired"),
    ("not_yet_valid", lambda k: k.es256(nbf=int(time.time()) + 3600), "token_invalid"),
    ("wrong_audience", lambda k: k.es256(aud="another-service"), "token_invalid"),
    ("wrong_issuer", lambda k: k.es256(iss="https://evil.example"), "token_unknown_issuer"),
    ("unknown_kid", lambda k: k.es256({"kid": "no-such-key"}), "token_unknown_key"),
    ("rs256_unknown_kid", lambda k: k.rs256({"kid": "rotated-away"}), "token_unknown_key"),
    ("tampered_payload", _tampered, "token_invalid"),
    ("oversized_64_kib", _oversized, "token_too_large"),
    ("missing_sub", lambda k: k.es256(sub=None), "token_missing_claim"),
    ("missing_exp", lambda k: k.es256(exp=None), "token_missing_claim"),
    ("crit_header", lambda k: k.es256({"crit": ["exp"]}), "token_forbidden_header"),
    ("jku_header", lambda k: k.es256({"jku": "https://evil.example/jwks.json"}), "token_forbidden_header"),
    ("x5u_header", lambda k: k.es256({"x5u": "https://evil.example/cert.pem"}), "token_forbidden_header"),
    (
        "embedded_jwk_header",
        lambda k: k.rs256({"jwk": rsa_jwk(k.rogue, IDP_KID)}, key=k.rogue),
        "token_forbidden_header",
    ),
    ("jwe_compact", _jwe, "token_invalid"),
    ("garbage", lambda k: "this is not a token at all", "token_invalid"),
    ("two_segments", lambda k: ".".join(k.es256().split(".")[:2]), "token_invalid"),
    ("header_not_json", lambda k: f"{b64u(b'{not json')}.{segment(k.claims())}.{b64u(b'x' * 64)}", "token_invalid"),
]


def _leaks(token: str, caplog: pytest.LogCaptureFixture) -> list[str]:
    """Log records mentioning the token or its signature segment, however they are rendered."""
    needles = [token]
    parts = token.split(".")
    if len(parts) >= 3 and len(parts[-1]) >= 16:
        needles.append(parts[-1])
    found = []
    for record in caplog.records:
        rendered = " ".join(
            [record.getMessage(), repr(record.args), record.exc_text or "", json.dumps(record.__dict__, default=repr)]
        )
        found += [f"{record.name}: {record.getMessage()[:80]}" for n in needles if n in rendered]
    return found


@pytest.mark.parametrize(("build", "code"), [a[1:] for a in ATTACKS], ids=[a[0] for a in ATTACKS])
def test_hostile_token_is_a_401_problem_and_never_logged(
    api: TestClient, keys: Keys, build: Build, code: str, caplog: pytest.LogCaptureFixture
) -> None:
    token = build(keys)
    with caplog.at_level(logging.DEBUG):
        r = api.get(PROTECTED, headers={"Authorization": f"Bearer {token}"})
    assert r.status_code == 401, r.text
    assert r.headers["content-type"].startswith(PROBLEM)
    body = r.json()
    assert (body["status"], body["code"]) == (401, code)
    assert r.headers["www-authenticate"] == 'Bearer realm="concertation", error="invalid_token"'
    assert token not in r.text
    assert caplog.records, "nothing was logged at DEBUG: the leak check would prove nothing"
    assert _leaks(token, caplog) == []


@pytest.mark.parametrize(
    "build", [lambda k: k.es256(), lambda k: k.rs256()], ids=["es256_service_issuer", "rs256_identity_provider"]
)
def test_the_same_endpoint_accepts_a_genuine_token_of_each_issuer(
    api: TestClient, keys: Keys, build: Build, caplog: pytest.LogCaptureFixture
) -> None:
    """The control rows: without them, a table of 401s could come from an endpoint that refuses everything."""
    token = build(keys)
    with caplog.at_level(logging.DEBUG):
        r = api.get(PROTECTED, headers={"Authorization": f"Bearer {token}"})
    assert r.status_code == 200, r.text
    assert _leaks(token, caplog) == []


def test_a_write_refuses_a_hostile_token_before_touching_anything(api: TestClient, keys: Keys) -> None:
    r = api.post("/v1/legal-bases", json={"type": "decree"}, headers={"Authorization": f"Bearer {_tampered(keys)}"})
    assert (r.status_code, r.json()["code"]) == (401, "token_invalid")
