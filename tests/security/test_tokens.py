"""SPEC §4 — bearer-token verification: every refusal is an AuthenticationError with an exact code.

Tokens are built here with ``cryptography``, ``hmac`` and ``base64`` directly — not with python-jose — so that the
tests can craft what a well-behaved library refuses to produce (``alg: none``, HS256 keyed with an RSA public key,
forbidden headers, tampered payloads) and do not share the implementation's blind spots.

The fake clock is anchored on the wall clock when each test starts and then stands still unless a test moves it:
python-jose checks ``exp``/``nbf`` against the real clock too, so the two must agree at the start.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import logging
import math
import random
import time
import timeit
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
import pytest
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, padding, rsa
from cryptography.hazmat.primitives.asymmetric.utils import decode_dss_signature

from api.security import tokens
from api.security.keys import DevKey, ensure_dev_signing_key
from api.security.tokens import (
    AuthenticationError,
    IssuerConfig,
    Principal,
    TokenVerifier,
    mint_token,
)

AUDIENCE = "https://concertation.example/api"
DEV_ISSUER = "https://concertation.example/dev"
IDP_ISSUER = "https://idp.example/realms/justice"
PARTNER_ISSUER = "https://partner.example/sts"  # a second ES256 issuer: keys must never cross issuers
IDP_KID = "idp-rsa-1"
PARTNER_KID = "partner-ec-1"
JWKS_URL = "https://idp.example/realms/justice/certs"
LEEWAY = 30
JOSE_JWT: Any = vars(tokens)["jwt"]  # python-jose's jwt module as tokens.py sees it, for spying on decode()
DROP = object()  # claim override meaning "leave this claim out"


# --- crafting tokens ------------------------------------------------------------------------------------------------


def b64u(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def segment(obj: Any) -> str:
    return b64u(json.dumps(obj, separators=(",", ":")).encode())


def sign_es256(key: ec.EllipticCurvePrivateKey, header: dict[str, Any], claims: dict[str, Any]) -> str:
    signing_input = f"{segment(header)}.{segment(claims)}"
    r, s = decode_dss_signature(key.sign(signing_input.encode(), ec.ECDSA(hashes.SHA256())))
    return f"{signing_input}.{b64u(r.to_bytes(32, 'big') + s.to_bytes(32, 'big'))}"


def sign_rs256(key: rsa.RSAPrivateKey, header: dict[str, Any], claims: dict[str, Any]) -> str:
    signing_input = f"{segment(header)}.{segment(claims)}"
    return f"{signing_input}.{b64u(key.sign(signing_input.encode(), padding.PKCS1v15(), hashes.SHA256()))}"


def sign_hs256(secret: bytes, header: dict[str, Any], claims: dict[str, Any]) -> str:
    signing_input = f"{segment(header)}.{segment(claims)}"
    return f"{signing_input}.{b64u(hmac.new(secret, signing_input.encode(), hashlib.sha256).digest())}"


def unsigned(header: dict[str, Any], claims: dict[str, Any], signature: str = "") -> str:
    return f"{segment(header)}.{segment(claims)}.{signature}"


def rsa_jwk(key: rsa.RSAPrivateKey | rsa.RSAPublicKey, kid: str, **extra: Any) -> dict[str, Any]:
    public = key.public_key() if isinstance(key, rsa.RSAPrivateKey) else key
    numbers = public.public_numbers()
    n = numbers.n.to_bytes((numbers.n.bit_length() + 7) // 8, "big")
    e = numbers.e.to_bytes((numbers.e.bit_length() + 7) // 8, "big")
    return {"kty": "RSA", "kid": kid, "alg": "RS256", "use": "sig", "n": b64u(n), "e": b64u(e), **extra}


def ec_jwk(key: ec.EllipticCurvePrivateKey, kid: str, **extra: Any) -> dict[str, Any]:
    numbers = key.public_key().public_numbers()
    size = (key.curve.key_size + 7) // 8
    return {
        "kty": "EC",
        "kid": kid,
        "crv": {256: "P-256", 384: "P-384"}[key.curve.key_size],
        "x": b64u(numbers.x.to_bytes(size, "big")),
        "y": b64u(numbers.y.to_bytes(size, "big")),
        **extra,
    }


def without(mapping: dict[str, Any], *names: str) -> dict[str, Any]:
    return {k: v for k, v in mapping.items() if k not in names}


def pem_of(key: rsa.RSAPrivateKey | ec.EllipticCurvePrivateKey) -> str:
    return key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    ).decode()


def public_pem_of(key: rsa.RSAPrivateKey) -> bytes:
    return key.public_key().public_bytes(serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo)


def parts(token: str) -> list[Any]:
    head, body, _ = token.split(".")
    return [json.loads(base64.urlsafe_b64decode(p + "=" * (-len(p) % 4))) for p in (head, body)]


# --- fixtures -------------------------------------------------------------------------------------------------------


class FakeClock:
    def __init__(self, now: float) -> None:
        self.now = now

    def __call__(self) -> float:
        return self.now


@pytest.fixture(scope="module")
def idp_key() -> rsa.RSAPrivateKey:
    return rsa.generate_private_key(public_exponent=65537, key_size=2048)


@pytest.fixture(scope="module")
def rogue_rsa_key() -> rsa.RSAPrivateKey:
    return rsa.generate_private_key(public_exponent=65537, key_size=2048)


@pytest.fixture(scope="module")
def partner_key() -> ec.EllipticCurvePrivateKey:
    return ec.generate_private_key(ec.SECP256R1())


@dataclass
class Env:
    clock: FakeClock
    dev: DevKey
    dev_key: ec.EllipticCurvePrivateKey
    idp_key: rsa.RSAPrivateKey
    partner_key: ec.EllipticCurvePrivateKey
    rogue_rsa_key: rsa.RSAPrivateKey
    rogue_ec_key: ec.EllipticCurvePrivateKey
    verifier: TokenVerifier

    @property
    def now(self) -> int:
        return int(self.clock.now)

    def claims(self, issuer: str, **overrides: Any) -> dict[str, Any]:
        claims: dict[str, Any] = {
            "iss": issuer,
            "sub": "person-42",
            "aud": AUDIENCE,
            "iat": self.now,
            "exp": self.now + 600,
            "roles": ["coordinator"],
            "org": "cpas-brussels",
        }
        for name, value in overrides.items():
            if value is DROP:
                claims.pop(name, None)
            else:
                claims[name] = value
        return claims

    def dev_token(self, header: dict[str, Any] | None = None, **overrides: Any) -> str:
        head = {"alg": "ES256", "typ": "JWT", "kid": self.dev.kid, **(header or {})}
        return sign_es256(self.dev_key, head, self.claims(DEV_ISSUER, **overrides))

    def idp_token(self, header: dict[str, Any] | None = None, **overrides: Any) -> str:
        head = {"alg": "RS256", "typ": "JWT", "kid": IDP_KID, **(header or {})}
        return sign_rs256(self.idp_key, head, self.claims(IDP_ISSUER, **overrides))

    def partner_token(self, header: dict[str, Any] | None = None, **overrides: Any) -> str:
        head = {"alg": "ES256", "typ": "JWT", "kid": PARTNER_KID, **(header or {})}
        return sign_es256(self.partner_key, head, self.claims(PARTNER_ISSUER, **overrides))


def make_issuers(
    dev: DevKey, idp_key: rsa.RSAPrivateKey, partner_key: ec.EllipticCurvePrivateKey
) -> list[IssuerConfig]:
    return [
        IssuerConfig(DEV_ISSUER, "ES256", jwks=dev.jwks),
        IssuerConfig(IDP_ISSUER, "RS256", jwks={"keys": [rsa_jwk(idp_key, IDP_KID)]}),
        IssuerConfig(PARTNER_ISSUER, "ES256", jwks={"keys": [ec_jwk(partner_key, PARTNER_KID)]}),
    ]


@pytest.fixture
def env(
    tmp_path: Path,
    idp_key: rsa.RSAPrivateKey,
    rogue_rsa_key: rsa.RSAPrivateKey,
    partner_key: ec.EllipticCurvePrivateKey,
) -> Env:
    clock = FakeClock(float(int(time.time())))
    dev = ensure_dev_signing_key(tmp_path / "keys")
    dev_key = serialization.load_pem_private_key(dev.private_key_pem.encode(), password=None)
    assert isinstance(dev_key, ec.EllipticCurvePrivateKey)
    verifier = TokenVerifier(make_issuers(dev, idp_key, partner_key), AUDIENCE, leeway_seconds=LEEWAY, clock=clock)
    return Env(
        clock=clock,
        dev=dev,
        dev_key=dev_key,
        idp_key=idp_key,
        partner_key=partner_key,
        rogue_rsa_key=rogue_rsa_key,
        rogue_ec_key=ec.generate_private_key(ec.SECP256R1()),
        verifier=verifier,
    )


@pytest.fixture
def decode_calls(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    """Counts the calls that reach python-jose's signature check, i.e. that were not served from the cache."""
    calls: list[str] = []
    real_decode = JOSE_JWT.decode

    def counting_decode(token: str, *args: Any, **kwargs: Any) -> Any:
        calls.append(token)
        return real_decode(token, *args, **kwargs)

    monkeypatch.setattr(JOSE_JWT, "decode", counting_decode)
    yield calls


# --- accepted tokens ------------------------------------------------------------------------------------------------

Build = Callable[[Env], str]

ACCEPTED: list[tuple[str, Build, Callable[[Env], Principal]]] = [
    (
        "es256_dev_token",
        lambda e: e.dev_token(),
        lambda e: Principal(DEV_ISSUER, "person-42", frozenset({"coordinator"}), "cpas-brussels", e.now + 600),
    ),
    (
        "rs256_external_idp_token",
        lambda e: e.idp_token(roles=["prosecutor", "auditor"]),
        lambda e: Principal(
            IDP_ISSUER, "person-42", frozenset({"prosecutor", "auditor"}), "cpas-brussels", e.now + 600
        ),
    ),
    (
        "es256_second_issuer_token",
        lambda e: e.partner_token(roles=["partner"], org=DROP),
        lambda e: Principal(PARTNER_ISSUER, "person-42", frozenset({"partner"}), None, e.now + 600),
    ),
    (
        "minted_dev_token",
        lambda e: mint_token(
            e.dev.private_key_pem,
            kid=e.dev.kid,
            issuer=DEV_ISSUER,
            audience=AUDIENCE,
            subject="client-7",
            roles=["admin"],
            org=None,
            ttl_seconds=300,
            now=e.clock.now,
        ),
        lambda e: Principal(DEV_ISSUER, "client-7", frozenset({"admin"}), None, e.now + 300),
    ),
    (
        "unknown_roles_dropped",
        lambda e: e.dev_token(roles=["admin", "superuser", "ADMIN", "partner", ""]),
        lambda e: Principal(DEV_ISSUER, "person-42", frozenset({"admin", "partner"}), "cpas-brussels", e.now + 600),
    ),
    (
        "no_roles_no_org",
        lambda e: e.dev_token(roles=DROP, org=DROP),
        lambda e: Principal(DEV_ISSUER, "person-42", frozenset(), None, e.now + 600),
    ),
    (
        "org_null_is_absent",
        lambda e: e.dev_token(org=None),
        lambda e: Principal(DEV_ISSUER, "person-42", frozenset({"coordinator"}), None, e.now + 600),
    ),
    (
        "aud_list_containing_ours",
        lambda e: e.dev_token(aud=["https://other.example", AUDIENCE]),
        lambda e: Principal(DEV_ISSUER, "person-42", frozenset({"coordinator"}), "cpas-brussels", e.now + 600),
    ),
    (
        "nbf_within_leeway",
        lambda e: e.dev_token(nbf=e.now + LEEWAY - 5),
        lambda e: Principal(DEV_ISSUER, "person-42", frozenset({"coordinator"}), "cpas-brussels", e.now + 600),
    ),
    (
        "exp_passed_within_leeway",
        lambda e: e.dev_token(exp=e.now - 5),
        lambda e: Principal(DEV_ISSUER, "person-42", frozenset({"coordinator"}), "cpas-brussels", e.now - 5),
    ),
    (
        "fractional_exp_rounded_down",
        lambda e: e.dev_token(exp=e.now + 600.9),
        lambda e: Principal(DEV_ISSUER, "person-42", frozenset({"coordinator"}), "cpas-brussels", e.now + 600),
    ),
    (
        "no_iat",
        lambda e: e.idp_token(iat=DROP),
        lambda e: Principal(IDP_ISSUER, "person-42", frozenset({"coordinator"}), "cpas-brussels", e.now + 600),
    ),
]


@pytest.mark.parametrize(("build", "expected"), [c[1:] for c in ACCEPTED], ids=[c[0] for c in ACCEPTED])
def test_accepts(env: Env, build: Build, expected: Callable[[Env], Principal]) -> None:
    assert env.verifier.verify(build(env)) == expected(env)


# --- refused tokens -------------------------------------------------------------------------------------------------


def _tampered_payload(e: Env) -> str:
    head, _, sig = e.dev_token().split(".")
    return f"{head}.{segment(e.claims(DEV_ISSUER, roles=['admin']))}.{sig}"


def _tampered_header(e: Env) -> str:
    _, body, sig = e.dev_token().split(".")
    return f"{segment({'alg': 'ES256', 'typ': 'JWT', 'kid': e.dev.kid, 'cty': 'x'})}.{body}.{sig}"


def _flipped_signature(e: Env) -> str:
    head, body, sig = e.idp_token().split(".")
    raw = bytearray(base64.urlsafe_b64decode(sig + "=" * (-len(sig) % 4)))
    raw[10] ^= 0x01
    return f"{head}.{body}.{b64u(bytes(raw))}"


def _truncated_signature(e: Env) -> str:
    head, body, sig = e.dev_token().split(".")
    return f"{head}.{body}.{sig[:40]}"


def _deeply_nested_payload(e: Env) -> str:
    head = segment({"alg": "ES256", "kid": e.dev.kid})
    body = b64u(('{"iss":' + "[" * 2500 + "]" * 2500 + "}").encode())
    return f"{head}.{body}.{b64u(b'x' * 64)}"


def _deeply_nested_header(e: Env) -> str:
    return f"{b64u(('[' * 2500 + ']' * 2500).encode())}.{segment(e.claims(DEV_ISSUER))}.{b64u(b'x' * 64)}"


def _payload_not_an_object(e: Env) -> str:
    return sign_es256(e.dev_key, {"alg": "ES256", "kid": e.dev.kid}, ["iss", DEV_ISSUER])  # type: ignore[arg-type]


def _oversized(e: Env) -> str:
    return e.dev_token(padding="A" * 8192)


REFUSED: list[tuple[str, Callable[[Env], Any], str]] = [
    # algorithm policy
    (
        "alg_none_empty_signature",
        lambda e: unsigned({"alg": "none", "kid": e.dev.kid}, e.claims(DEV_ISSUER)),
        "token_invalid",
    ),
    (
        "alg_none_with_signature",
        lambda e: unsigned({"alg": "none", "kid": e.dev.kid}, e.claims(DEV_ISSUER), "c2ln"),
        "token_invalid",
    ),
    (
        "alg_None_mixed_case",
        lambda e: unsigned({"alg": "None", "kid": e.dev.kid}, e.claims(DEV_ISSUER), "c2ln"),
        "token_invalid",
    ),
    ("alg_missing", lambda e: unsigned({"kid": e.dev.kid}, e.claims(DEV_ISSUER), "c2ln"), "token_invalid"),
    (
        "alg_not_a_string",
        lambda e: unsigned({"alg": ["ES256"], "kid": e.dev.kid}, e.claims(DEV_ISSUER), "c2ln"),
        "token_invalid",
    ),
    (
        "hs256_keyed_with_rsa_public_pem",
        lambda e: sign_hs256(public_pem_of(e.idp_key), {"alg": "HS256", "kid": IDP_KID}, e.claims(IDP_ISSUER)),
        "token_invalid",
    ),
    (
        "hs256_keyed_with_rsa_public_pem_no_kid",
        lambda e: sign_hs256(public_pem_of(e.idp_key), {"alg": "HS256"}, e.claims(IDP_ISSUER)),
        "token_invalid",
    ),
    (
        "rs256_token_to_es256_issuer",
        lambda e: sign_rs256(e.idp_key, {"alg": "RS256", "kid": e.dev.kid}, e.claims(DEV_ISSUER)),
        "token_invalid",
    ),
    (
        "rs256_token_to_es256_issuer_with_rsa_kid",
        lambda e: sign_rs256(e.idp_key, {"alg": "RS256", "kid": IDP_KID}, e.claims(DEV_ISSUER)),
        "token_invalid",
    ),
    (
        "es256_token_to_rs256_issuer",
        lambda e: sign_es256(e.dev_key, {"alg": "ES256", "kid": IDP_KID}, e.claims(IDP_ISSUER)),
        "token_invalid",
    ),
    # time
    ("expired", lambda e: e.dev_token(iat=e.now - 4000, exp=e.now - 3600), "token_expired"),
    ("expired_just_beyond_leeway", lambda e: e.idp_token(exp=e.now - LEEWAY - 2), "token_expired"),
    ("not_yet_valid_nbf", lambda e: e.dev_token(nbf=e.now + 3600), "token_invalid"),
    ("not_yet_valid_just_beyond_leeway", lambda e: e.dev_token(nbf=e.now + LEEWAY + 5), "token_invalid"),
    ("exp_numeric_string", lambda e: e.dev_token(exp=str(e.now + 600)), "token_invalid"),
    ("exp_word", lambda e: e.dev_token(exp="tomorrow"), "token_invalid"),
    ("exp_null", lambda e: e.dev_token(exp=None), "token_invalid"),
    ("exp_infinite", lambda e: e.dev_token(exp=math.inf), "token_invalid"),
    ("nbf_numeric_string", lambda e: e.dev_token(nbf=str(e.now)), "token_invalid"),
    ("nbf_boolean", lambda e: e.dev_token(nbf=True), "token_invalid"),
    # audience and issuer
    ("wrong_audience", lambda e: e.dev_token(aud="https://other.example"), "token_invalid"),
    ("aud_list_without_ours", lambda e: e.dev_token(aud=["https://a.example", "https://b.example"]), "token_invalid"),
    ("aud_not_a_string", lambda e: e.dev_token(aud=42), "token_invalid"),
    ("unknown_issuer", lambda e: e.dev_token(iss="https://evil.example"), "token_unknown_issuer"),
    ("issuer_differs_by_trailing_slash", lambda e: e.dev_token(iss=DEV_ISSUER + "/"), "token_unknown_issuer"),
    ("issuer_not_a_string", lambda e: e.dev_token(iss=[DEV_ISSUER]), "token_invalid"),
    # keys
    ("unknown_kid", lambda e: e.dev_token(header={"kid": "no-such-key"}), "token_unknown_key"),
    ("missing_kid", lambda e: sign_es256(e.dev_key, {"alg": "ES256"}, e.claims(DEV_ISSUER)), "token_invalid"),
    ("kid_not_a_string", lambda e: e.dev_token(header={"kid": 7}), "token_invalid"),
    ("kid_of_another_issuer", lambda e: e.partner_token(header={"kid": e.dev.kid}), "token_unknown_key"),
    (
        "signed_by_dev_key_claiming_partner_issuer",
        lambda e: sign_es256(e.dev_key, {"alg": "ES256", "kid": PARTNER_KID}, e.claims(PARTNER_ISSUER)),
        "token_invalid",
    ),
    (
        "signed_by_rogue_ec_key_with_dev_kid",
        lambda e: sign_es256(e.rogue_ec_key, {"alg": "ES256", "kid": e.dev.kid}, e.claims(DEV_ISSUER)),
        "token_invalid",
    ),
    (
        "signed_by_rogue_rsa_key_with_idp_kid",
        lambda e: sign_rs256(e.rogue_rsa_key, {"alg": "RS256", "kid": IDP_KID}, e.claims(IDP_ISSUER)),
        "token_invalid",
    ),
    # integrity
    ("tampered_payload", _tampered_payload, "token_invalid"),
    ("tampered_header", _tampered_header, "token_invalid"),
    ("flipped_signature_bit", _flipped_signature, "token_invalid"),
    ("truncated_signature", _truncated_signature, "token_invalid"),
    # required claims
    ("missing_exp", lambda e: e.dev_token(exp=DROP), "token_missing_claim"),
    ("missing_sub", lambda e: e.dev_token(sub=DROP), "token_missing_claim"),
    ("missing_aud", lambda e: e.idp_token(aud=DROP), "token_missing_claim"),
    ("missing_iss", lambda e: e.dev_token(iss=DROP), "token_missing_claim"),
    ("empty_sub", lambda e: e.dev_token(sub=""), "token_invalid"),
    ("sub_not_a_string", lambda e: e.dev_token(sub=42), "token_invalid"),
    ("roles_a_string", lambda e: e.dev_token(roles="admin"), "token_invalid"),
    ("roles_with_non_string", lambda e: e.dev_token(roles=["admin", 1]), "token_invalid"),
    ("org_not_a_string", lambda e: e.dev_token(org=["cpas"]), "token_invalid"),
    ("org_empty", lambda e: e.dev_token(org=""), "token_invalid"),
    # forbidden headers (validly signed by the right key)
    ("header_crit", lambda e: e.dev_token(header={"crit": ["exp"], "exp": 1}), "token_forbidden_header"),
    ("header_jku", lambda e: e.dev_token(header={"jku": "https://evil.example/jwks"}), "token_forbidden_header"),
    ("header_x5u", lambda e: e.dev_token(header={"x5u": "https://evil.example/cert.pem"}), "token_forbidden_header"),
    ("header_jwk", lambda e: e.dev_token(header={"jwk": ec_jwk(e.rogue_ec_key, "self")}), "token_forbidden_header"),
    ("header_x5c", lambda e: e.idp_token(header={"x5c": ["MIIB"]}), "token_forbidden_header"),
    # shape and size
    (
        "jwe_five_parts",
        lambda e: ".".join(["eyJhbGciOiJSU0EtT0FFUCIsImVuYyI6IkEyNTZHQ00ifQ", "a", "b", "c", "d"]),
        "token_invalid",
    ),
    ("oversized", _oversized, "token_too_large"),
    ("oversized_garbage", lambda e: "x" * 8193, "token_too_large"),
    ("garbage_at_size_limit", lambda e: "x" * 8192, "token_invalid"),
    ("empty", lambda e: "", "token_invalid"),
    ("one_word", lambda e: "hello", "token_invalid"),
    ("two_parts", lambda e: "eyJhbGciOiJFUzI1NiJ9.e30", "token_invalid"),
    ("dots_only", lambda e: "..", "token_invalid"),
    ("bearer_prefix_left_in", lambda e: "Bearer " + e.dev_token(), "token_invalid"),
    ("trailing_newline", lambda e: e.dev_token() + "\n", "token_invalid"),
    ("padding_characters", lambda e: e.dev_token() + "==", "token_invalid"),
    ("standard_base64_alphabet", lambda e: e.dev_token().replace("-", "+").replace("_", "/") + "+/", "token_invalid"),
    ("non_ascii", lambda e: "é.é.é", "token_invalid"),
    ("header_not_json", lambda e: f"{b64u(b'not json')}.{segment(e.claims(DEV_ISSUER))}.c2ln", "token_invalid"),
    ("header_json_array", lambda e: f"{segment(['ES256'])}.{segment(e.claims(DEV_ISSUER))}.c2ln", "token_invalid"),
    ("header_bad_base64_length", lambda e: f"a.{segment(e.claims(DEV_ISSUER))}.c2ln", "token_invalid"),
    ("payload_not_json", lambda e: f"{segment({'alg': 'ES256', 'kid': e.dev.kid})}.{b64u(b'{')}.c2ln", "token_invalid"),
    ("payload_not_an_object", _payload_not_an_object, "token_invalid"),
    ("deeply_nested_payload", _deeply_nested_payload, "token_invalid"),
    ("deeply_nested_header", _deeply_nested_header, "token_invalid"),
    ("not_a_string_bytes", lambda e: e.dev_token().encode(), "token_invalid"),
    ("not_a_string_none", lambda e: None, "token_invalid"),
    ("not_a_string_list", lambda e: ["a", "b"], "token_invalid"),
]


@pytest.mark.parametrize(("build", "code"), [c[1:] for c in REFUSED], ids=[c[0] for c in REFUSED])
def test_refuses(env: Env, build: Callable[[Env], Any], code: str, caplog: pytest.LogCaptureFixture) -> None:
    token = build(env)
    with caplog.at_level(logging.DEBUG), pytest.raises(AuthenticationError) as excinfo:
        env.verifier.verify(token)
    assert excinfo.value.code == code
    # neither the token nor any of its segments (notably the signature) may leak into messages or logs
    leaked = (
        f"{excinfo.value} {excinfo.value.detail} {excinfo.value.__cause__} {excinfo.value.__context__} {caplog.text}"
    )
    if isinstance(token, str):
        for part in token.split("."):
            if len(part) >= 12:
                assert part not in leaked
    assert excinfo.value.__suppress_context__ or excinfo.value.__context__ is None


def test_jose_gets_one_pinned_algorithm_and_required_claims(env: Env, monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[dict[str, Any]] = []
    real_decode = JOSE_JWT.decode

    def spying_decode(token: str, key: Any, **kwargs: Any) -> Any:
        seen.append(kwargs)
        return real_decode(token, key, **kwargs)

    monkeypatch.setattr(JOSE_JWT, "decode", spying_decode)
    env.verifier.verify(env.idp_token())
    env.verifier.verify(env.dev_token())
    assert [s["algorithms"] for s in seen] == [["RS256"], ["ES256"]]
    assert [s["issuer"] for s in seen] == [IDP_ISSUER, DEV_ISSUER]
    for kwargs in seen:
        assert kwargs["audience"] == AUDIENCE
        options = kwargs["options"]
        assert {name: options[name] for name in ("require_exp", "require_sub", "require_iss", "require_aud")} == {
            "require_exp": True,
            "require_sub": True,
            "require_iss": True,
            "require_aud": True,
        }
        assert options["verify_signature"] and options["verify_nbf"] and options["leeway"] == LEEWAY


def test_injected_clock_governs_nbf_and_exp(env: Env) -> None:
    # python-jose only knows the wall clock; these tokens pass its checks and must still follow ours
    not_yet = env.dev_token(nbf=env.now)
    expired = env.dev_token(sub="other", exp=env.now + 600)
    env.clock.now -= 3600
    with pytest.raises(AuthenticationError) as excinfo:
        env.verifier.verify(not_yet)
    assert excinfo.value.code == "token_invalid"
    env.clock.now += 3600 + 600 + LEEWAY
    with pytest.raises(AuthenticationError) as excinfo:
        env.verifier.verify(expired)
    assert excinfo.value.code == "token_expired"


def test_refusal_is_not_cached(env: Env) -> None:
    token = env.dev_token(exp=env.now - 3600)
    for _ in range(2):
        with pytest.raises(AuthenticationError) as excinfo:
            env.verifier.verify(token)
        assert excinfo.value.code == "token_expired"


def test_mutated_tokens_only_ever_raise_authentication_error(env: Env) -> None:
    rng = random.Random(458)
    alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.=+/ {}\"'\x00é"
    originals = [env.dev_token(), env.idp_token(), env.partner_token()]
    for _ in range(600):
        chars = list(rng.choice(originals))
        for _ in range(rng.randint(1, 4)):
            action = rng.randrange(3)
            at = rng.randrange(len(chars))
            if action == 0:
                chars[at] = rng.choice(alphabet)
            elif action == 1:
                del chars[at]
            else:
                chars.insert(at, rng.choice(alphabet))
        mutated = "".join(chars)
        if mutated in originals:
            continue
        try:
            env.verifier.verify(mutated)
        except AuthenticationError:
            continue
        # a mutation may only be accepted if it decodes to the very same header, claims and signature
        assert any(parts(mutated) == parts(o) for o in originals)


# --- cache ----------------------------------------------------------------------------------------------------------


def test_cache_serves_the_same_principal_without_verifying_again(env: Env, decode_calls: list[str]) -> None:
    token = env.idp_token()
    first = env.verifier.verify(token)
    second = env.verifier.verify(token)
    assert second is first
    assert len(decode_calls) == 1


def test_cache_stops_serving_at_exp(env: Env, decode_calls: list[str]) -> None:
    token = env.dev_token(exp=env.now + 60)
    first = env.verifier.verify(token)
    env.clock.now += 59
    assert env.verifier.verify(token) is first
    assert len(decode_calls) == 1

    env.clock.now += 1  # exactly exp: no longer served from the cache, re-verified within the leeway
    again = env.verifier.verify(token)
    assert again == first and again is not first
    assert len(decode_calls) == 2

    env.clock.now += LEEWAY
    with pytest.raises(AuthenticationError) as excinfo:
        env.verifier.verify(token)
    assert excinfo.value.code == "token_expired"


def test_failures_are_not_cached(env: Env, decode_calls: list[str]) -> None:
    token = _tampered_payload(env)
    for _ in range(3):
        with pytest.raises(AuthenticationError):
            env.verifier.verify(token)
    assert len(decode_calls) == 3


def test_cache_is_bounded_and_evicts_the_oldest(env: Env, decode_calls: list[str]) -> None:
    verifier = TokenVerifier(
        make_issuers(env.dev, env.idp_key, env.partner_key), AUDIENCE, cache_size=2, clock=env.clock
    )
    t1, t2, t3 = (env.dev_token(sub=f"person-{i}") for i in range(3))
    for t in (t1, t2, t3):
        verifier.verify(t)
    assert len(decode_calls) == 3
    verifier.verify(t3)
    verifier.verify(t2)
    assert len(decode_calls) == 3
    verifier.verify(t1)  # evicted when t3 came in
    assert len(decode_calls) == 4


def test_cache_can_be_disabled(env: Env, decode_calls: list[str]) -> None:
    verifier = TokenVerifier(
        make_issuers(env.dev, env.idp_key, env.partner_key), AUDIENCE, cache_size=0, clock=env.clock
    )
    token = env.dev_token()
    assert verifier.verify(token) == verifier.verify(token)
    assert len(decode_calls) == 2


def test_cached_verification_is_a_dict_lookup(env: Env) -> None:
    token = env.idp_token()
    env.verifier.verify(token)
    best = min(timeit.repeat(lambda: env.verifier.verify(token), number=2000, repeat=5)) / 2000
    assert best < 10e-6, f"cached verify took {best * 1e6:.2f} µs"


def test_concurrent_verification(env: Env) -> None:
    verifier = TokenVerifier(
        make_issuers(env.dev, env.idp_key, env.partner_key), AUDIENCE, cache_size=5, clock=env.clock
    )
    batch = [env.dev_token(sub=f"p-{i}") for i in range(10)] + [env.idp_token(sub=f"q-{i}") for i in range(10)]
    with ThreadPoolExecutor(max_workers=8) as pool:
        results = list(pool.map(verifier.verify, batch * 10))
    assert [p.subject for p in results] == [parts(t)[1]["sub"] for t in batch * 10]


# --- JWKS fetched from a URL ----------------------------------------------------------------------------------------


@dataclass
class FakeIdp:
    """Serves a JWKS document through httpx.MockTransport and records each request."""

    documents: list[Any]
    requests: list[httpx.Request]

    def handler(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        document = self.documents[min(len(self.requests), len(self.documents)) - 1]
        if isinstance(document, httpx.Response):
            return document
        if isinstance(document, Exception):
            raise document
        return httpx.Response(200, json=document)


def url_verifier(env: Env, idp: FakeIdp) -> TokenVerifier:
    client = httpx.Client(transport=httpx.MockTransport(idp.handler))
    return TokenVerifier(
        [IssuerConfig(IDP_ISSUER, "RS256", jwks_url=JWKS_URL), IssuerConfig(DEV_ISSUER, "ES256", jwks=env.dev.jwks)],
        AUDIENCE,
        clock=env.clock,
        http_client=client,
    )


def test_jwks_url_is_fetched_lazily_once_with_a_timeout(env: Env) -> None:
    idp = FakeIdp([{"keys": [rsa_jwk(env.idp_key, IDP_KID)]}], [])
    verifier = url_verifier(env, idp)
    assert idp.requests == []
    verifier.verify(env.dev_token())  # an inline issuer never triggers a fetch
    assert idp.requests == []

    assert verifier.verify(env.idp_token(sub="a")).subject == "a"
    assert verifier.verify(env.idp_token(sub="b")).subject == "b"
    assert len(idp.requests) == 1
    assert str(idp.requests[0].url) == JWKS_URL
    assert idp.requests[0].extensions["timeout"]["read"] == 5.0


def test_unknown_kid_refetches_at_most_once_a_minute(env: Env) -> None:
    idp = FakeIdp([{"keys": [rsa_jwk(env.idp_key, IDP_KID)]}], [])
    verifier = url_verifier(env, idp)
    verifier.verify(env.idp_token())
    assert len(idp.requests) == 1

    for expected_requests in (1, 1, 1):  # within the first minute the fetch already made counts
        with pytest.raises(AuthenticationError) as excinfo:
            verifier.verify(env.idp_token(header={"kid": "rotated-in"}))
        assert excinfo.value.code == "token_unknown_key"
        assert len(idp.requests) == expected_requests

    env.clock.now += 60
    with pytest.raises(AuthenticationError):
        verifier.verify(env.idp_token(header={"kid": "rotated-in"}))
    assert len(idp.requests) == 2
    with pytest.raises(AuthenticationError):
        verifier.verify(env.idp_token(header={"kid": "another"}))
    assert len(idp.requests) == 2


def test_key_rotation_is_picked_up_and_withdrawn_keys_are_dropped(env: Env) -> None:
    new_key = env.rogue_rsa_key  # plays the identity provider's next key
    idp = FakeIdp([{"keys": [rsa_jwk(env.idp_key, IDP_KID)]}, {"keys": [rsa_jwk(new_key, "idp-rsa-2")]}], [])
    verifier = url_verifier(env, idp)
    verifier.verify(env.idp_token())
    env.clock.now += 61

    rotated = sign_rs256(new_key, {"alg": "RS256", "kid": "idp-rsa-2"}, env.claims(IDP_ISSUER))
    assert verifier.verify(rotated).issuer == IDP_ISSUER
    assert len(idp.requests) == 2

    with pytest.raises(AuthenticationError) as excinfo:
        verifier.verify(env.idp_token(sub="not-cached"))
    assert excinfo.value.code == "token_unknown_key"


FETCH_FAILURES: list[tuple[str, Any]] = [
    ("http_500", httpx.Response(500, text="oops")),
    ("not_json", httpx.Response(200, text="<html>")),
    ("json_without_keys", httpx.Response(200, json={"issuer": IDP_ISSUER})),
    ("keys_not_a_list", httpx.Response(200, json={"keys": {"kid": IDP_KID}})),
    ("only_unusable_keys", httpx.Response(200, json={"keys": [{"kty": "oct", "kid": IDP_KID, "k": "c2VjcmV0"}]})),
    ("oversized", httpx.Response(200, content=b'{"keys": [' + b" " * (1 << 20) + b"]}")),
    ("redirect_not_followed", httpx.Response(302, headers={"location": "https://evil.example/jwks"})),
    ("connect_error", httpx.ConnectError("refused")),
    ("timeout", httpx.ReadTimeout("slow")),
]


@pytest.mark.parametrize("failure", [f[1] for f in FETCH_FAILURES], ids=[f[0] for f in FETCH_FAILURES])
def test_jwks_fetch_failure_is_a_401_and_is_rate_limited(env: Env, failure: Any) -> None:
    idp = FakeIdp([failure], [])
    verifier = url_verifier(env, idp)
    for _ in range(2):
        with pytest.raises(AuthenticationError) as excinfo:
            verifier.verify(env.idp_token())
        assert excinfo.value.code == "token_unknown_key"
    assert len(idp.requests) == 1


def test_jwks_recovers_after_a_failed_fetch(env: Env) -> None:
    idp = FakeIdp([httpx.Response(503), {"keys": [rsa_jwk(env.idp_key, IDP_KID)]}], [])
    verifier = url_verifier(env, idp)
    with pytest.raises(AuthenticationError):
        verifier.verify(env.idp_token())
    env.clock.now += 60
    assert verifier.verify(env.idp_token()).issuer == IDP_ISSUER


def test_default_http_client_failure_is_a_401(env: Env) -> None:
    # nothing listens on port 9 of the loopback interface; the verifier builds and later closes its own client
    verifier = TokenVerifier(
        [IssuerConfig(IDP_ISSUER, "RS256", jwks_url="http://127.0.0.1:9/certs")], AUDIENCE, clock=env.clock
    )
    with pytest.raises(AuthenticationError) as excinfo:
        verifier.verify(env.idp_token())
    assert excinfo.value.code == "token_unknown_key"
    verifier.close()
    verifier.close()


def test_verifier_closes_only_its_own_client(env: Env) -> None:
    idp = FakeIdp([{"keys": [rsa_jwk(env.idp_key, IDP_KID)]}], [])
    client = httpx.Client(transport=httpx.MockTransport(idp.handler))
    verifier = TokenVerifier([IssuerConfig(IDP_ISSUER, "RS256", jwks_url=JWKS_URL)], AUDIENCE, http_client=client)
    verifier.close()
    assert not client.is_closed


# --- configuration --------------------------------------------------------------------------------------------------

INLINE: dict[str, Any] = {"keys": []}
BAD_ISSUER_CONFIGS: list[tuple[str, dict[str, Any]]] = [
    ("alg_hs256", {"issuer": DEV_ISSUER, "algorithm": "HS256", "jwks": INLINE}),
    ("alg_none", {"issuer": DEV_ISSUER, "algorithm": "none", "jwks": INLINE}),
    ("alg_eddsa_unsupported_by_jose", {"issuer": DEV_ISSUER, "algorithm": "EdDSA", "jwks": INLINE}),
    ("alg_rs512", {"issuer": DEV_ISSUER, "algorithm": "RS512", "jwks": INLINE}),
    ("both_sources", {"issuer": DEV_ISSUER, "algorithm": "ES256", "jwks": INLINE, "jwks_url": JWKS_URL}),
    ("no_source", {"issuer": DEV_ISSUER, "algorithm": "ES256"}),
    ("empty_issuer", {"issuer": "", "algorithm": "ES256", "jwks": INLINE}),
    ("plain_http_url", {"issuer": IDP_ISSUER, "algorithm": "RS256", "jwks_url": "http://idp.example/certs"}),
    ("file_url", {"issuer": IDP_ISSUER, "algorithm": "RS256", "jwks_url": "file:///etc/jwks.json"}),
    ("url_without_host", {"issuer": IDP_ISSUER, "algorithm": "RS256", "jwks_url": "https:///certs"}),
]


@pytest.mark.parametrize("kwargs", [c[1] for c in BAD_ISSUER_CONFIGS], ids=[c[0] for c in BAD_ISSUER_CONFIGS])
def test_issuer_config_rejects(kwargs: dict[str, Any]) -> None:
    with pytest.raises(ValueError):
        IssuerConfig(**kwargs)


def test_issuer_config_allows_plain_http_on_loopback() -> None:
    assert IssuerConfig(IDP_ISSUER, "RS256", jwks_url="http://localhost:8080/certs").jwks_url


def test_inline_jwks_keeps_only_usable_public_keys(env: Env) -> None:
    small = rsa.generate_private_key(public_exponent=65537, key_size=1024)  # noqa: S505 - the weak key under test
    private_numbers = env.idp_key.private_numbers()
    jwks = {
        "keys": [
            {"kty": "oct", "kid": "k-oct", "k": b64u(public_pem_of(env.idp_key))},
            rsa_jwk(small, "k-small"),
            rsa_jwk(env.rogue_rsa_key, "k-enc", use="enc"),
            rsa_jwk(env.rogue_rsa_key, "k-other-alg", alg="RS512"),
            rsa_jwk(env.rogue_rsa_key, "k-sign-only", key_ops=["sign"]),
            {"kty": "RSA", "alg": "RS256", "n": "AQAB", "e": "AQAB"},  # no kid
            rsa_jwk(env.idp_key, IDP_KID, d=b64u(private_numbers.d.to_bytes(256, "big"))),  # leaked private part
        ]
    }
    verifier = TokenVerifier([IssuerConfig(IDP_ISSUER, "RS256", jwks=jwks)], AUDIENCE, clock=env.clock)
    assert verifier.verify(env.idp_token()).issuer == IDP_ISSUER
    for kid, key in [
        ("k-small", small),
        ("k-enc", env.rogue_rsa_key),
        ("k-other-alg", env.rogue_rsa_key),
        ("k-sign-only", env.rogue_rsa_key),
    ]:
        token = sign_rs256(key, {"alg": "RS256", "kid": kid}, env.claims(IDP_ISSUER))
        with pytest.raises(AuthenticationError) as excinfo:
            verifier.verify(token)
        assert excinfo.value.code == "token_unknown_key", kid
    hs = sign_hs256(public_pem_of(env.idp_key), {"alg": "HS256", "kid": "k-oct"}, env.claims(IDP_ISSUER))
    with pytest.raises(AuthenticationError) as excinfo:
        verifier.verify(hs)
    assert excinfo.value.code == "token_invalid"


UNUSABLE_INLINE_JWKS: list[tuple[str, str, Callable[[Env], Any]]] = [
    ("empty", "ES256", lambda e: {"keys": []}),
    ("not_a_jwks", "ES256", lambda e: [ec_jwk(e.partner_key, "k")]),
    ("rsa_key_for_es256", "ES256", lambda e: {"keys": [without(rsa_jwk(e.idp_key, "k"), "alg")]}),
    ("p384_key_for_es256", "ES256", lambda e: {"keys": [ec_jwk(ec.generate_private_key(ec.SECP384R1()), "k")]}),
    ("point_not_on_curve", "ES256", lambda e: {"keys": [{**ec_jwk(e.partner_key, "k"), "y": b64u(b"\x01" * 32)}]}),
    ("ec_key_for_rs256", "RS256", lambda e: {"keys": [ec_jwk(e.partner_key, "k")]}),
    ("malformed_base64", "RS256", lambda e: {"keys": [{**rsa_jwk(e.idp_key, "k"), "n": "not base64!"}]}),
    ("impossible_base64_length", "RS256", lambda e: {"keys": [{**rsa_jwk(e.idp_key, "k"), "n": "AAAAA"}]}),
    ("entry_not_an_object", "RS256", lambda e: {"keys": ["k"]}),
    ("short_ec_coordinate", "ES256", lambda e: {"keys": [{**ec_jwk(e.partner_key, "k"), "x": b64u(b"\x01" * 31)}]}),
    ("key_ops_not_a_list", "ES256", lambda e: {"keys": [ec_jwk(e.partner_key, "k", key_ops="verify")]}),
]


@pytest.mark.parametrize(
    ("algorithm", "jwks"), [c[1:] for c in UNUSABLE_INLINE_JWKS], ids=[c[0] for c in UNUSABLE_INLINE_JWKS]
)
def test_inline_jwks_without_a_usable_key_is_a_configuration_error(
    env: Env, algorithm: str, jwks: Callable[[Env], Any]
) -> None:
    with pytest.raises(ValueError):
        TokenVerifier([IssuerConfig(DEV_ISSUER, algorithm, jwks=jwks(env))], AUDIENCE)


def test_verifier_configuration_errors(env: Env) -> None:
    issuers = make_issuers(env.dev, env.idp_key, env.partner_key)
    with pytest.raises(ValueError):
        TokenVerifier([*issuers, issuers[0]], AUDIENCE)
    with pytest.raises(ValueError):
        TokenVerifier(issuers, "")
    with pytest.raises(ValueError):
        TokenVerifier([], AUDIENCE)
    with pytest.raises(ValueError):
        TokenVerifier(issuers, AUDIENCE, leeway_seconds=-1)
    with pytest.raises(ValueError):
        TokenVerifier(issuers, AUDIENCE, max_token_bytes=0)


def test_duplicate_kid_in_a_jwks_keeps_the_first(env: Env) -> None:
    jwks = {"keys": [rsa_jwk(env.idp_key, IDP_KID), rsa_jwk(env.rogue_rsa_key, IDP_KID)]}
    verifier = TokenVerifier([IssuerConfig(IDP_ISSUER, "RS256", jwks=jwks)], AUDIENCE, clock=env.clock)
    assert verifier.verify(env.idp_token()).issuer == IDP_ISSUER
    rogue = sign_rs256(env.rogue_rsa_key, {"alg": "RS256", "kid": IDP_KID}, env.claims(IDP_ISSUER))
    with pytest.raises(AuthenticationError) as excinfo:
        verifier.verify(rogue)
    assert excinfo.value.code == "token_invalid"


# --- minting --------------------------------------------------------------------------------------------------------


def test_mint_token_round_trip_es256(env: Env) -> None:
    token = mint_token(
        env.dev.private_key_pem,
        kid=env.dev.kid,
        issuer=DEV_ISSUER,
        audience=AUDIENCE,
        subject="client-1",
        roles=["partner", "unknown"],
        org="police-zone-5339",
        ttl_seconds=120,
        now=env.clock.now,
    )
    header, claims = parts(token)
    assert header == {"alg": "ES256", "kid": env.dev.kid, "typ": "JWT"}
    assert claims == {
        "iss": DEV_ISSUER,
        "sub": "client-1",
        "aud": AUDIENCE,
        "iat": env.now,
        "exp": env.now + 120,
        "roles": ["partner", "unknown"],
        "org": "police-zone-5339",
    }
    assert env.verifier.verify(token) == Principal(
        DEV_ISSUER, "client-1", frozenset({"partner"}), "police-zone-5339", env.now + 120
    )


def test_mint_token_round_trip_rs256(env: Env) -> None:
    token = mint_token(
        pem_of(env.idp_key),
        kid=IDP_KID,
        issuer=IDP_ISSUER,
        audience=AUDIENCE,
        subject="person-1",
        roles=("auditor",),
        org=None,
        ttl_seconds=60,
        now=env.clock.now,
        algorithm="RS256",
    )
    assert parts(token)[0]["alg"] == "RS256"
    assert env.verifier.verify(token) == Principal(IDP_ISSUER, "person-1", frozenset({"auditor"}), None, env.now + 60)


def test_mint_token_defaults_to_the_wall_clock(env: Env) -> None:
    token = mint_token(
        env.dev.private_key_pem,
        kid=env.dev.kid,
        issuer=DEV_ISSUER,
        audience=AUDIENCE,
        subject="s",
        roles=[],
        org=None,
        ttl_seconds=60,
    )
    assert abs(parts(token)[1]["iat"] - time.time()) < 5


BAD_MINTS: list[tuple[str, Callable[[Env], dict[str, Any]], type[Exception]]] = [
    ("roles_as_a_string", lambda e: {"roles": "admin"}, TypeError),
    ("ttl_zero", lambda e: {"ttl_seconds": 0}, ValueError),
    ("ttl_negative", lambda e: {"ttl_seconds": -5}, ValueError),
    ("empty_subject", lambda e: {"subject": ""}, ValueError),
    ("empty_kid", lambda e: {"kid": ""}, ValueError),
    ("empty_org", lambda e: {"org": ""}, ValueError),
    ("hs256", lambda e: {"algorithm": "HS256"}, ValueError),
    ("none", lambda e: {"algorithm": "none"}, ValueError),
    ("es256_with_rsa_key", lambda e: {"private_key_pem": pem_of(e.idp_key)}, ValueError),
    ("rs256_with_ec_key", lambda e: {"algorithm": "RS256"}, ValueError),
    (
        "es256_with_p384_key",
        lambda e: {"private_key_pem": pem_of(ec.generate_private_key(ec.SECP384R1()))},
        ValueError,
    ),
    (
        "public_key_pem",
        lambda e: {"private_key_pem": public_pem_of(e.idp_key).decode(), "algorithm": "RS256"},
        ValueError,
    ),
]


@pytest.mark.parametrize(("overrides", "error"), [c[1:] for c in BAD_MINTS], ids=[c[0] for c in BAD_MINTS])
def test_mint_token_rejects(env: Env, overrides: Callable[[Env], dict[str, Any]], error: type[Exception]) -> None:
    kwargs: dict[str, Any] = {
        "private_key_pem": env.dev.private_key_pem,
        "kid": env.dev.kid,
        "issuer": DEV_ISSUER,
        "audience": AUDIENCE,
        "subject": "s",
        "roles": ["admin"],
        "org": None,
        "ttl_seconds": 60,
        **overrides(env),
    }
    pem = kwargs.pop("private_key_pem")
    with pytest.raises(error):
        mint_token(pem, **kwargs)


# --- small contracts ------------------------------------------------------------------------------------------------


def test_principal_identity_is_issuer_and_subject() -> None:
    principal = Principal(IDP_ISSUER, "person-42", frozenset(), None, 0)
    assert principal.identity == (IDP_ISSUER, "person-42")
    assert principal != Principal(DEV_ISSUER, "person-42", frozenset(), None, 0)


def test_authentication_error_carries_code_and_detail() -> None:
    error = AuthenticationError("token_expired", "token has expired")
    assert (error.code, error.detail, str(error)) == (
        "token_expired",
        "token has expired",
        "token_expired: token has expired",
    )


def test_known_roles_match_the_spec() -> None:
    spec = {"coordinator", "participant", "prosecutor", "auditor", "admin", "partner"}
    request_desk = {"president", "director_general", "request_handler"}  # issue 14: R80, R83, R87, R90
    assert spec | request_desk == tokens.KNOWN_ROLES
