"""Bearer-token verification and minting (SPEC §4) — the only module that imports python-jose.

python-jose does the signature arithmetic and the registered-claim checks, but it is permissive by default: it
accepts a token without ``exp``, ignores ``crit``, will build a key of whatever type the token's ``alg`` names, and
has shipped algorithm-confusion bugs before. So this module treats jose as a primitive and puts a strict pipeline
around it. Every step exists for a reason:

1. **Size, then shape, before any parsing.** A token longer than ``max_token_bytes`` is ``token_too_large``; anything
   that is not exactly three non-empty base64url segments is ``token_invalid``. This bounds the work an anonymous
   caller can make us do, rejects JWE (five segments) outright, and — because ``base64.urlsafe_b64decode`` silently
   skips characters outside its alphabet — stops two different strings from verifying as the same token.
2. **Header policy.** ``crit`` (jose ignores it, so extensions the issuer marked as critical would be silently
   dropped), ``jku``/``x5u`` (the token would tell us where to fetch its own key), and ``jwk``/``x5c`` (the token
   would carry its own key) are ``token_forbidden_header``. ``alg`` must be one of the asymmetric algorithms we
   support, so ``none`` and every ``HS*`` variant die here, before a key is ever looked up. ``kid`` is required:
   keys are selected by it and never by trial.
3. **Issuer first, then its keys only.** ``iss``, ``sub``, ``aud`` and ``exp`` must be present
   (``token_missing_claim``; checked on the unverified payload so the code does not depend on jose's message text —
   refusing early tells the sender nothing he did not know). The unverified ``iss`` then picks the configured issuer
   (unknown → ``token_unknown_issuer``); the header ``alg`` must equal that issuer's single pinned algorithm, and the
   key comes only from that issuer's JWKS by ``kid`` (``token_unknown_key``). A key of one issuer can therefore never
   validate a token claiming another, and an RS256 public key can never be used as an HMAC secret.
4. **JWKS hygiene.** Keys are parsed and validated here with ``cryptography`` and reach jose only as public-key PEM:
   only the public members are read (a JWKS that leaks ``d`` does not turn into a signing key),
   ``kty``/``crv``/``alg``/``use``/``key_ops`` must fit the issuer's algorithm, RSA moduli are at least 2048 bits and
   EC points must lie on the curve. A ``jwks_url`` must be https (plain http only for loopback), is fetched with a
   5-second timeout and a 1 MiB cap, and is refetched at most once per 60 s, and only when an unknown ``kid`` shows
   up — so a flood of random ``kid`` values cannot turn us into a traffic amplifier against the identity provider.
5. **jose with everything explicit.** ``jwt.decode`` always gets a one-element ``algorithms`` list, the audience,
   the issuer, and ``require_exp``/``require_sub``/``require_iss``/``require_aud`` (option names checked against
   python-jose 3.5.0's ``jwt.decode``; setting ``require_x`` also forces ``verify_x`` on).
6. **Re-check after jose.** jose's claim checks are loose (``int("123")`` passes as ``exp``, ``sub`` may be empty,
   and it reads the wall clock rather than our injected one), so the verified claims are checked again here: ``exp``
   and ``nbf`` must be finite numbers and are compared with ``clock()`` and the leeway, ``iss``/``aud`` are compared
   exactly, ``sub`` is a non-empty string, ``roles`` a list of strings and ``org`` a non-empty string if present.
7. **Every failure is a 401 with a stable code.** Every ``JOSEError`` — not only ``JWTError`` — and the
   ``ValueError``/``TypeError``/``KeyError``/``OverflowError``/``RecursionError`` that crafted input can raise inside
   jose or ``json`` become :class:`AuthenticationError`, raised ``from None`` with a fixed detail string: neither the
   token, its signature nor any attacker-chosen header value ever reaches an error message, a traceback or a log.
8. **Verified-token cache.** Verification costs a public-key operation, and one client sends the same token on
   every request. Successful results are cached by the full token string, so a hit is one dict lookup plus one clock
   comparison; an entry is served only while ``clock() < exp`` (no leeway), only successes are cached, and the size
   is bounded by first-in-first-out eviction. The consequence, accepted by design: a token stays valid from cache
   until its ``exp`` even if its key is removed from the JWKS meanwhile — keep token lifetimes short.

The principal is identified by ``(iss, sub)`` (:attr:`Principal.identity`), never by ``sub`` alone, because two
issuers may hand out the same subject string.

Client secrets of the client-credentials grant (RFC 6749 §2.3.1) are handled here too, next to the tokens they buy:
a secret is 256 random bits shown once, stored only as a scrypt digest (memory-hard, a fresh salt per client, the
parameters kept in the stored string so they can be raised later) and compared with ``hmac.compare_digest``.
"""

from __future__ import annotations

import base64
import binascii
import hmac
import json
import logging
import math
import re
import secrets
import threading
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Final, TypeGuard
from urllib.parse import urlsplit

import httpx
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec, rsa
from cryptography.hazmat.primitives.kdf.scrypt import Scrypt
from jose import jwk, jwt
from jose.backends.base import Key
from jose.exceptions import ExpiredSignatureError, JOSEError

from api.security.keys import b64url
from policies.vocab import Role

__all__ = [
    "KNOWN_ROLES",
    "SUPPORTED_ALGORITHMS",
    "AuthenticationError",
    "IssuerConfig",
    "Principal",
    "TokenVerifier",
    "hash_client_secret",
    "mint_token",
    "new_client_secret",
    "verify_client_secret",
]

logger = logging.getLogger(__name__)

KNOWN_ROLES: Final[frozenset[str]] = frozenset(role.value for role in Role)

# EdDSA is not implemented by python-jose; HS* is excluded on purpose (a shared secret cannot be published in a JWKS
# and is the raw material of algorithm-confusion attacks).
SUPPORTED_ALGORITHMS: Final[frozenset[str]] = frozenset({"RS256", "ES256"})

_FORBIDDEN_HEADERS: Final[frozenset[str]] = frozenset({"crit", "jku", "x5u", "jwk", "x5c"})
_REQUIRED_CLAIMS: Final[tuple[str, ...]] = ("iss", "sub", "aud", "exp")
_COMPACT_JWS: Final[re.Pattern[str]] = re.compile(r"[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+")
_B64URL: Final[re.Pattern[str]] = re.compile(r"[A-Za-z0-9_-]+")

# Everything crafted input can make jose or json raise. Anything else is a bug of ours and should surface as one.
_MALFORMED_INPUT_ERRORS: Final = (JOSEError, ValueError, TypeError, KeyError, OverflowError, RecursionError)

_JWKS_TIMEOUT_SECONDS: Final = 5.0
_JWKS_REFETCH_INTERVAL_SECONDS: Final = 60.0
_JWKS_MAX_BYTES: Final = 1 << 20
_MIN_RSA_BITS: Final = 2048
_MAX_RSA_BITS: Final = 8192
_P256_COORDINATE_BYTES: Final = 32
_LOOPBACK_HOSTS: Final[frozenset[str]] = frozenset({"localhost", "127.0.0.1", "::1"})


@dataclass(frozen=True, slots=True)
class Principal:
    """The authenticated caller. Only roles from SPEC §4 survive; unknown role strings are dropped."""

    issuer: str
    subject: str
    roles: frozenset[str]
    org: str | None
    expires_at: int

    @property
    def identity(self) -> tuple[str, str]:
        """``(iss, sub)`` — the stable key of a person or client; ``sub`` alone is only unique per issuer."""
        return (self.issuer, self.subject)


class AuthenticationError(Exception):
    """A token was refused; always a 401. ``code`` is stable snake_case, ``detail`` never quotes the token."""

    def __init__(self, code: str, detail: str) -> None:
        super().__init__(f"{code}: {detail}")
        self.code = code
        self.detail = detail


@dataclass(frozen=True)
class IssuerConfig:
    """One trusted issuer: its exact ``iss``, its single pinned algorithm, and where its public keys come from."""

    issuer: str
    algorithm: str
    jwks: dict[str, Any] | None = None
    jwks_url: str | None = None

    def __post_init__(self) -> None:
        if not isinstance(self.issuer, str) or not self.issuer:
            raise ValueError("issuer must be a non-empty string")
        if self.algorithm not in SUPPORTED_ALGORITHMS:
            raise ValueError(f"algorithm must be one of {sorted(SUPPORTED_ALGORITHMS)}, not {self.algorithm!r}")
        if (self.jwks is None) == (self.jwks_url is None):
            raise ValueError("exactly one of jwks and jwks_url must be given")
        if self.jwks_url is not None:
            parts = urlsplit(self.jwks_url)
            # Whoever can rewrite the JWKS response can mint tokens, so it must come over an authenticated channel.
            if not (parts.scheme == "https" or (parts.scheme == "http" and parts.hostname in _LOOPBACK_HOSTS)):
                raise ValueError("jwks_url must use https (plain http is allowed for loopback hosts only)")
            if not parts.hostname:
                raise ValueError("jwks_url must name a host")


class _IssuerState:
    """Mutable per-issuer key store; ``lock`` serialises refetches so concurrent misses cause one request."""

    __slots__ = ("config", "keys", "last_fetch", "lock")

    def __init__(self, config: IssuerConfig) -> None:
        self.config = config
        self.keys: dict[str, Key] = {}
        self.last_fetch: float | None = None
        self.lock = threading.Lock()


class TokenVerifier:
    """Verifies bearer JWTs against a fixed set of issuers and one audience. Thread-safe."""

    def __init__(
        self,
        issuers: Sequence[IssuerConfig],
        audience: str,
        *,
        leeway_seconds: int = 30,
        max_token_bytes: int = 8192,
        cache_size: int = 10_000,
        clock: Callable[[], float] = time.time,
        http_client: httpx.Client | None = None,
    ) -> None:
        if not isinstance(audience, str) or not audience:
            raise ValueError("audience must be a non-empty string")
        if leeway_seconds < 0 or max_token_bytes <= 0 or cache_size < 0:
            raise ValueError("leeway_seconds and cache_size must be >= 0, max_token_bytes > 0")
        self._audience = audience
        self._leeway = leeway_seconds
        self._max_token_bytes = max_token_bytes
        self._cache_size = cache_size
        self._clock = clock
        self._http_client = http_client
        self._owns_http_client = False
        self._cache: dict[str, Principal] = {}
        self._cache_lock = threading.Lock()
        self._issuers: dict[str, _IssuerState] = {}
        for config in issuers:
            if config.issuer in self._issuers:
                raise ValueError(f"issuer {config.issuer!r} is configured twice")
            state = _IssuerState(config)
            if config.jwks is not None:
                state.keys = _parse_jwks(config.jwks, config.algorithm)
                if not state.keys:
                    raise ValueError(f"the inline JWKS of {config.issuer!r} holds no usable {config.algorithm} key")
            self._issuers[config.issuer] = state
        if not self._issuers:
            raise ValueError("at least one issuer must be configured")
        self._decode_options: dict[str, bool | int] = {
            "verify_signature": True,
            "verify_aud": True,
            "verify_iss": True,
            "verify_sub": True,
            "verify_exp": True,
            "verify_nbf": True,
            "verify_iat": True,
            "verify_jti": True,
            "verify_at_hash": True,
            "require_exp": True,
            "require_iat": False,
            "require_sub": True,
            "require_iss": True,
            "require_aud": True,
            "require_nbf": False,
            "require_jti": False,
            "require_at_hash": False,
            "leeway": leeway_seconds,
        }

    def cached(self, token: str) -> Principal | None:
        """The principal of a token verified before and not yet expired, else None: a dict lookup, never I/O."""
        try:
            cached = self._cache.get(token)
        except TypeError:  # unhashable non-string input; refused by verify()
            return None
        if cached is not None and self._clock() < cached.expires_at:
            return cached
        return None

    def verify(self, token: str) -> Principal:
        """Return the principal a valid token stands for, or raise :class:`AuthenticationError`. A first verification
        may fetch the issuer's keys (JWKS over HTTP)."""
        cached = self.cached(token)
        if cached is not None:
            return cached
        principal = self._verify_uncached(token)
        self._remember(token, principal)
        return principal

    def _remember(self, token: str, principal: Principal) -> None:
        if self._cache_size == 0 or self._clock() >= principal.expires_at:
            return  # inside the leeway window: valid, but the hit path would never serve it
        with self._cache_lock:
            self._cache.pop(token, None)
            while len(self._cache) >= self._cache_size:
                # dicts keep insertion order, so the first key is the oldest entry
                self._cache.pop(next(iter(self._cache)), None)
            self._cache[token] = principal

    def _verify_uncached(self, token: str) -> Principal:
        if not isinstance(token, str):
            raise AuthenticationError("token_invalid", "token must be a string")
        # len() counts characters; every accepted character is ASCII, so it is also the byte count that matters
        if len(token) > self._max_token_bytes:
            raise AuthenticationError("token_too_large", f"token exceeds {self._max_token_bytes} bytes")
        if _COMPACT_JWS.fullmatch(token) is None:
            raise AuthenticationError("token_invalid", "token is not a compact JWS (three base64url segments)")

        try:
            header = jwt.get_unverified_header(token)
            unverified_claims = jwt.get_unverified_claims(token)
        except _MALFORMED_INPUT_ERRORS:
            raise AuthenticationError("token_invalid", "token header or payload is not valid base64url JSON") from None
        if not isinstance(header, Mapping) or not isinstance(unverified_claims, Mapping):
            raise AuthenticationError("token_invalid", "token header and payload must be JSON objects")

        forbidden = sorted(_FORBIDDEN_HEADERS.intersection(header))
        if forbidden:
            raise AuthenticationError(
                "token_forbidden_header", f"token header carries forbidden parameter(s): {', '.join(forbidden)}"
            )
        alg = header.get("alg")
        if not isinstance(alg, str) or alg not in SUPPORTED_ALGORITHMS:
            raise AuthenticationError("token_invalid", "token algorithm is not accepted")
        kid = header.get("kid")
        if not isinstance(kid, str) or not kid:
            raise AuthenticationError("token_invalid", "token header has no kid")

        missing = [name for name in _REQUIRED_CLAIMS if name not in unverified_claims]
        if missing:
            raise AuthenticationError("token_missing_claim", f"token lacks required claim(s): {', '.join(missing)}")
        iss = unverified_claims["iss"]
        if not isinstance(iss, str):
            raise AuthenticationError("token_invalid", "iss claim must be a string")
        state = self._issuers.get(iss)
        if state is None:
            raise AuthenticationError("token_unknown_issuer", "token issuer is not trusted")
        if alg != state.config.algorithm:
            raise AuthenticationError("token_invalid", "token algorithm does not match the issuer's pinned algorithm")
        key = self._key_for(state, kid)

        try:
            claims = jwt.decode(
                token,
                key,
                algorithms=[state.config.algorithm],
                audience=self._audience,
                issuer=state.config.issuer,
                options=self._decode_options,
            )
        except ExpiredSignatureError:
            raise AuthenticationError("token_expired", "token has expired") from None
        except _MALFORMED_INPUT_ERRORS:
            raise AuthenticationError("token_invalid", "token signature or claims are invalid") from None
        if not isinstance(claims, Mapping):
            raise AuthenticationError("token_invalid", "token payload must be a JSON object")
        return self._principal_from(claims, state.config.issuer)

    def _principal_from(self, claims: Mapping[str, Any], issuer: str) -> Principal:
        now = self._clock()
        exp = claims.get("exp")
        if not _is_numeric_date(exp):
            raise AuthenticationError("token_invalid", "exp claim must be a number")
        if now >= exp + self._leeway:
            raise AuthenticationError("token_expired", "token has expired")
        if "nbf" in claims:
            nbf = claims["nbf"]
            if not _is_numeric_date(nbf):
                raise AuthenticationError("token_invalid", "nbf claim must be a number")
            if nbf > now + self._leeway:
                raise AuthenticationError("token_invalid", "token is not valid yet")
        if claims.get("iss") != issuer:
            raise AuthenticationError("token_invalid", "token issuer does not match")
        aud = claims.get("aud")
        audiences = [aud] if isinstance(aud, str) else aud
        if not isinstance(audiences, list) or not all(isinstance(a, str) for a in audiences):
            raise AuthenticationError("token_invalid", "aud claim must be a string or a list of strings")
        if self._audience not in audiences:
            raise AuthenticationError("token_invalid", "token is not meant for this audience")
        sub = claims.get("sub")
        if not isinstance(sub, str) or not sub:
            raise AuthenticationError("token_invalid", "sub claim must be a non-empty string")

        raw_roles = claims.get("roles", [])
        if not isinstance(raw_roles, list) or not all(isinstance(r, str) for r in raw_roles):
            raise AuthenticationError("token_invalid", "roles claim must be a list of strings")
        org = claims.get("org")
        if org is not None and (not isinstance(org, str) or not org):
            raise AuthenticationError("token_invalid", "org claim must be a non-empty string")
        return Principal(
            issuer=issuer,
            subject=sub,
            roles=KNOWN_ROLES.intersection(raw_roles),
            org=org,
            expires_at=math.floor(exp),
        )

    def _key_for(self, state: _IssuerState, kid: str) -> Key:
        key = state.keys.get(kid)
        if key is None and state.config.jwks_url is not None:
            with state.lock:
                key = state.keys.get(kid)  # another thread may have refreshed while we waited
                if key is None and self._may_refetch(state):
                    self._refetch(state, state.config.jwks_url)
                    key = state.keys.get(kid)
        if key is None:
            raise AuthenticationError("token_unknown_key", "no key of the token's issuer matches its kid")
        return key

    def _may_refetch(self, state: _IssuerState) -> bool:
        now = self._clock()
        last = state.last_fetch
        # a clock that went backwards must not block refetching until it catches up again
        return last is None or now < last or now - last >= _JWKS_REFETCH_INTERVAL_SECONDS

    def _refetch(self, state: _IssuerState, url: str) -> None:
        # recorded before the request so that failures are rate-limited too
        state.last_fetch = self._clock()
        client = self._http_client
        if client is None:
            client = self._http_client = httpx.Client(timeout=_JWKS_TIMEOUT_SECONDS, follow_redirects=False)
            self._owns_http_client = True
        try:
            with client.stream("GET", url, timeout=_JWKS_TIMEOUT_SECONDS) as response:
                response.raise_for_status()
                body = bytearray()
                for chunk in response.iter_bytes():
                    body += chunk
                    if len(body) > _JWKS_MAX_BYTES:
                        raise ValueError("JWKS response exceeds the size cap")
            document = json.loads(body)
            keys = _parse_jwks(document, state.config.algorithm)
        except (httpx.HTTPError, ValueError, TypeError, RecursionError) as exc:
            logger.warning("JWKS fetch for issuer %s from %s failed: %s", state.config.issuer, url, type(exc).__name__)
            return
        if not keys:
            logger.warning(
                "JWKS of issuer %s at %s holds no usable %s key", state.config.issuer, url, state.config.algorithm
            )
            return
        # replace rather than merge, so that a key the issuer withdrew stops being trusted
        state.keys = keys

    def close(self) -> None:
        """Close the HTTP client this verifier created; a client passed in belongs to the caller."""
        if self._owns_http_client and self._http_client is not None:
            self._http_client.close()
            self._http_client = None
            self._owns_http_client = False


def _is_numeric_date(value: object) -> TypeGuard[int | float]:
    if isinstance(value, bool):
        return False
    if isinstance(value, int):
        return True
    return isinstance(value, float) and math.isfinite(value)


def _b64url_decode(value: object) -> bytes:
    if not isinstance(value, str) or _B64URL.fullmatch(value) is None:
        raise ValueError("not a base64url string")
    try:
        return base64.urlsafe_b64decode(value + "=" * (-len(value) % 4))
    except binascii.Error:
        raise ValueError("not a base64url string") from None


def _parse_jwks(document: object, algorithm: str) -> dict[str, Key]:
    """Public verification keys of ``document`` usable with ``algorithm``, by kid; unusable entries are skipped."""
    if not isinstance(document, Mapping) or not isinstance(document.get("keys"), list):
        raise ValueError('a JWKS must be an object with a "keys" list')
    keys: dict[str, Key] = {}
    for entry in document["keys"]:
        try:
            kid, key = _parse_jwk(entry, algorithm)
        except (ValueError, TypeError, JOSEError) as exc:
            logger.info("skipping JWKS entry unusable with %s: %s", algorithm, exc)
            continue
        if kid in keys:
            # two keys under one kid would make selection ambiguous; keep the first
            logger.warning("JWKS holds more than one key with kid %r; keeping the first", kid)
            continue
        keys[kid] = key
    return keys


def _parse_jwk(entry: object, algorithm: str) -> tuple[str, Key]:
    if not isinstance(entry, Mapping):
        raise ValueError("JWK must be an object")
    kid = entry.get("kid")
    if not isinstance(kid, str) or not kid:
        raise ValueError("JWK has no kid")
    if entry.get("alg", algorithm) != algorithm:
        raise ValueError(f"JWK {kid!r} is for another algorithm")
    if entry.get("use", "sig") != "sig":
        raise ValueError(f"JWK {kid!r} is not a signature key")
    key_ops = entry.get("key_ops")
    if key_ops is not None and (not isinstance(key_ops, list) or "verify" not in key_ops):
        raise ValueError(f"JWK {kid!r} may not be used to verify")

    public_key: rsa.RSAPublicKey | ec.EllipticCurvePublicKey
    if algorithm == "RS256":
        if entry.get("kty") != "RSA":
            raise ValueError(f"JWK {kid!r} is not an RSA key")
        n = int.from_bytes(_b64url_decode(entry.get("n")), "big")
        e = int.from_bytes(_b64url_decode(entry.get("e")), "big")
        if not _MIN_RSA_BITS <= n.bit_length() <= _MAX_RSA_BITS:
            raise ValueError(f"JWK {kid!r} has an RSA modulus outside {_MIN_RSA_BITS}..{_MAX_RSA_BITS} bits")
        public_key = rsa.RSAPublicNumbers(e, n).public_key()
    else:
        if entry.get("kty") != "EC" or entry.get("crv") != "P-256":
            raise ValueError(f"JWK {kid!r} is not a P-256 key")
        x = _b64url_decode(entry.get("x"))
        y = _b64url_decode(entry.get("y"))
        if len(x) != _P256_COORDINATE_BYTES or len(y) != _P256_COORDINATE_BYTES:
            raise ValueError(f"JWK {kid!r} has malformed coordinates")
        # from_encoded_point rejects points that are not on the curve
        public_key = ec.EllipticCurvePublicKey.from_encoded_point(ec.SECP256R1(), b"\x04" + x + y)
    # handed over as PEM: the one key format both python-jose and its type stubs accept
    pem = public_key.public_bytes(serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo)
    return kid, jwk.construct(pem, algorithm)


@lru_cache(maxsize=8)
def _signing_key(private_key_pem: str, algorithm: str) -> Key:
    # Checked with cryptography because jose would happily sign ES256 with a P-384 key or RS256 with a 1024-bit one,
    # producing tokens that every strict verifier (ours included) rejects.
    private_key = serialization.load_pem_private_key(private_key_pem.encode("ascii"), password=None)
    if algorithm == "ES256":
        if not isinstance(private_key, ec.EllipticCurvePrivateKey) or not isinstance(private_key.curve, ec.SECP256R1):
            raise ValueError("ES256 needs a P-256 private key")
    elif not isinstance(private_key, rsa.RSAPrivateKey) or private_key.key_size < _MIN_RSA_BITS:
        raise ValueError(f"RS256 needs an RSA private key of at least {_MIN_RSA_BITS} bits")
    return jwk.construct(private_key_pem, algorithm)


def mint_token(
    private_key_pem: str,
    *,
    kid: str,
    issuer: str,
    audience: str,
    subject: str,
    roles: Sequence[str],
    org: str | None,
    ttl_seconds: int,
    now: float | None = None,
    algorithm: str = "ES256",
) -> str:
    """Sign a token for the service's own issuer (client credentials, development tokens)."""
    if algorithm not in SUPPORTED_ALGORITHMS:
        raise ValueError(f"algorithm must be one of {sorted(SUPPORTED_ALGORITHMS)}")
    if not all(isinstance(v, str) and v for v in (kid, issuer, audience, subject)):
        raise ValueError("kid, issuer, audience and subject must be non-empty strings")
    if isinstance(roles, str) or not all(isinstance(r, str) for r in roles):
        # a bare string is a Sequence[str] too, and would become one role per character
        raise TypeError("roles must be a sequence of strings, not a string")
    if org is not None and (not isinstance(org, str) or not org):
        raise ValueError("org must be a non-empty string or None")
    if isinstance(ttl_seconds, bool) or not isinstance(ttl_seconds, int) or ttl_seconds <= 0:
        raise ValueError("ttl_seconds must be a positive integer")
    issued_at = math.floor(time.time() if now is None else now)
    claims: dict[str, Any] = {
        "iss": issuer,
        "sub": subject,
        "aud": audience,
        "iat": issued_at,
        "exp": issued_at + ttl_seconds,
        "roles": list(roles),
    }
    if org is not None:
        claims["org"] = org
    token: str = jwt.encode(claims, _signing_key(private_key_pem, algorithm), algorithm=algorithm, headers={"kid": kid})
    return token


# --- client secrets (RFC 6749 §2.3.1) -------------------------------------------------------------------------------

#: scrypt cost: N = 2**14, r = 8 (16 MiB, ~50 ms per check). The secrets are 256 random bits, so the KDF is there
#: for a stolen table, not for guessable passwords; a higher cost would mostly hand attackers CPU and memory to burn.
_SCRYPT_LOG2_N: Final = 14
_SCRYPT_R: Final = 8
_SCRYPT_P: Final = 1
_SCRYPT_LENGTH: Final = 32
_SALT_BYTES: Final = 16
#: Longest secret ever hashed or checked: bounds the work one request can cause.
MAX_CLIENT_SECRET_LENGTH: Final = 256
#: A stored digest names its own cost; anything above N = 2**17, r = 8, p = 2 (128 MiB) is refused as malformed, so
#: a bad row cannot make one token request allocate gigabytes.
_SECRET_HASH: Final[re.Pattern[str]] = re.compile(
    r"\$scrypt\$ln=(1[0-7]),r=([1-8]),p=([12])\$([A-Za-z0-9_-]{16,64})\$([A-Za-z0-9_-]{43})"
)


def new_client_secret() -> str:
    """A fresh client secret: 256 random bits, base64url (43 characters), shown to its owner once."""
    return secrets.token_urlsafe(32)


def _scrypt(secret: str, salt: bytes, log2_n: int, r: int, p: int) -> bytes:
    return Scrypt(salt=salt, length=_SCRYPT_LENGTH, n=2**log2_n, r=r, p=p).derive(secret.encode("utf-8"))


def hash_client_secret(secret: str, *, log2_n: int = _SCRYPT_LOG2_N) -> str:
    """``$scrypt$ln=…,r=…,p=…$salt$digest`` of ``secret`` under a fresh random salt."""
    if not isinstance(secret, str) or not 0 < len(secret) <= MAX_CLIENT_SECRET_LENGTH:
        raise ValueError(f"a client secret is a string of 1 to {MAX_CLIENT_SECRET_LENGTH} characters")
    salt = secrets.token_bytes(_SALT_BYTES)
    digest = _scrypt(secret, salt, log2_n, _SCRYPT_R, _SCRYPT_P)
    return f"$scrypt$ln={log2_n},r={_SCRYPT_R},p={_SCRYPT_P}${b64url(salt)}${b64url(digest)}"


def verify_client_secret(secret: str, stored: str) -> bool:
    """Whether ``secret`` is the one ``stored`` was made from; False (never an exception) for anything malformed."""
    if not isinstance(secret, str) or not 0 < len(secret) <= MAX_CLIENT_SECRET_LENGTH:
        return False
    match = _SECRET_HASH.fullmatch(stored) if isinstance(stored, str) else None
    if match is None:
        return False
    log2_n, r, p = (int(v) for v in match.group(1, 2, 3))
    try:
        salt, expected = _b64url_decode(match.group(4)), _b64url_decode(match.group(5))
        actual = _scrypt(secret, salt, log2_n, r, p)
    except ValueError:
        return False
    return hmac.compare_digest(actual, expected)
