"""Configuration: environment variables prefixed `CONCERTATION_` (pydantic-settings). Every setting is in README."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Literal

from limits import parse_many
from pydantic import Field, SecretStr, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

from policies.vocab import Profile

CONSOLE_DIST = Path(__file__).resolve().parent.parent / "console" / "dist"

DEFAULT_CONCERTATION_TYPES: tuple[str, ...] = (
    "csil_r",
    "family_justice_center",
    "intrafamily_violence_chain",
    "child_abuse_protocol",
    "ad_hoc_prosecutor_authorised",
)


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="CONCERTATION_", extra="ignore")

    database_url: str = Field(
        default="sqlite:///var/concertation.db",
        description="SQLAlchemy URL: sqlite:///path (embedded, WAL) or postgresql+psycopg://user@host/db",
    )
    var_dir: Path = Field(default=Path("var"), description="Directory for the embedded database and development keys")

    # Authentication (SPEC §4)
    audience: str = Field(default="concertation", description="Required `aud` of every token")
    dev_issuer: str = Field(default="concertation-dev", description="`iss` of tokens minted by `concertation token`")
    dev_issuer_enabled: bool = Field(default=True, description="Accept the service's own development tokens")
    external_issuer: str | None = Field(default=None, description="`iss` of an external identity provider")
    external_jwks_url: str | None = Field(default=None, description="JWKS URL of the external identity provider")
    external_algorithm: str = Field(
        default="RS256", description="Pinned algorithm of the external issuer (RS256/ES256)"
    )
    token_leeway_seconds: int = Field(default=30, ge=0, le=300)
    dev_token_ttl_seconds: int = Field(
        default=3600, ge=60, le=12 * 3600, description="Lifetime of the tokens the console's development sign-in gets"
    )

    # The web console (/console) and the API documentation (/docs, /redoc), served from console/dist.
    console_dir: Path = Field(default=CONSOLE_DIST, description="The built console (npm --prefix console run build)")
    console_oidc_client_id: str | None = Field(
        default=None, description="OpenID Connect client id of the console at the external issuer (code + PKCE)"
    )
    console_oidc_scope: str = Field(default="openid profile", description="Scopes the console asks the issuer for")

    # Decisions (decisions.md), exposed read-only at GET /v1/policy
    default_profile: Profile = Field(default=Profile.SAFEGUARDS, description="D1: profile of new concertations")
    allow_prosecutor_authorisation_basis: bool = Field(default=True, description="D9/R8")
    min_authorisation_motivation_length: int = Field(default=50, ge=1, le=5000, description="R4")
    default_retention_days: int = Field(default=1825, ge=1, le=36500, description="D18")
    concertation_types: tuple[str, ...] = Field(default=DEFAULT_CONCERTATION_TYPES, description="R7: allowed types")
    consent_lifts_secrecy: Literal[False] = Field(
        default=False, description="D3/R74: consent alone never lifts secrecy"
    )
    shared_secret_consent_mode: Literal["consent_required", "information_only"] = Field(
        default="consent_required", description="D4/R70"
    )
    downstream_use_policy: Literal["view_only", "may_inform_own_decisions_without_citing"] = Field(
        default="view_only", description="D6/R45: stated in the secrecy notice"
    )
    necessity_threshold: Literal["more_compelling", "equal_or_greater"] = Field(
        default="more_compelling", description="D17/R99"
    )
    art_46bis1_household_situation: bool = Field(
        default=True, description="D16/R81: the household situation is administrative data (the circular's reading)"
    )

    # Limits
    max_body_bytes: int = Field(default=256 * 1024, ge=1024, description="Larger request bodies get 413")
    max_in_flight: int = Field(
        default=32, ge=1, le=10000, description="Requests one worker serves at once; more get 503 with Retry-After"
    )
    gc_freeze: bool = Field(
        default=True,
        description="At start-up, move every object the application made into the garbage collector's permanent "
        "generation, so that its collections stop walking them on every request",
    )

    # Partner systems (SPEC §2): client-credentials tokens and rate limits per client. In-memory limits are counted
    # per worker process: with several workers or instances, point the storage at a shared one (redis://…).
    client_token_ttl_seconds: int = Field(
        default=300, ge=30, le=3600, description="Lifetime of the tokens POST /oauth/token issues"
    )
    rate_limit_enabled: bool = Field(default=True, description="Apply the rate limits below")
    rate_limit_storage: str = Field(
        default="memory://", description="`limits` storage URI: memory:// (per worker process) or redis://host:port"
    )
    rate_limit_token: str = Field(
        default="30/minute", description="POST /oauth/token, per client_id (or remote address when absent)"
    )
    rate_limit_write: str = Field(
        default="600/minute", description="POST/PATCH/PUT/DELETE under /v1, per authenticated (iss, sub)"
    )

    @field_validator("rate_limit_token", "rate_limit_write")
    @classmethod
    def _rate_limit(cls, value: str) -> str:
        parse_many(value)  # ValueError on a malformed limit: refused at start-up, not at the first request
        return value

    # Retries (SPEC §2): how long a response is kept for replay under its Idempotency-Key, and after how long a key
    # whose request never finished (a worker killed mid-request) may be taken over by a retry.
    idempotency_ttl_seconds: int = Field(
        default=86400, ge=60, le=30 * 86400, description="Idempotency-Key records expire after this (default 24 h)"
    )
    idempotency_lease_seconds: int = Field(
        default=120, ge=5, le=86400, description="An unfinished Idempotency-Key request is abandoned after this"
    )

    @field_validator("concertation_types", mode="before")
    @classmethod
    def _split(cls, value: object) -> object:
        if isinstance(value, str):
            return tuple(v.strip() for v in value.split(",") if v.strip())
        return value

    keyring_path: Path | None = Field(
        default=None, description="Key-encryption key ring (JSON); default var/keys/keyring.json, created if absent"
    )

    # Key management (SPEC §6): where the key-encryption keys live. `file` is the key ring above (or the whole ring
    # as JSON in CONCERTATION_KEYRING); `pkcs11` is an HSM or cloud HSM through its PKCS#11 module.
    kms: Literal["file", "pkcs11"] = Field(
        default="file", description="Key-encryption keys: `file` (development key ring) or `pkcs11` (HSM token)"
    )
    pkcs11_module: Path = Field(
        default=Path("/usr/lib/softhsm/libsofthsm2.so"), description="PKCS#11 module (shared library) of the HSM"
    )
    pkcs11_token_label: str | None = Field(default=None, description="Label of the token holding the KEKs")
    pkcs11_pin: SecretStr | None = Field(default=None, description="User PIN of that token")

    @property
    def dev_key_dir(self) -> Path:
        return self.var_dir / "keys"

    @property
    def keyring_file(self) -> Path:
        return self.keyring_path or self.var_dir / "keys" / "keyring.json"


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    return Settings()
