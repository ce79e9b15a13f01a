"""Rate limits per client (SPEC §5: 429 with `Retry-After`), counted with the `limits` library.

Two budgets: `POST /oauth/token` per `client_id` (or per remote address when the request names none), checked
before the secret, so that guessing costs the guesser and not our scrypt; and every write under `/v1` per
authenticated principal `(iss, sub)`, checked in the actor dependency right after the token is verified (the
verifier's cache makes that a dict lookup), so no token is ever parsed twice.

Windows are sliding-window counters: the count of the current window plus the previous one's weighted by how much
of it still overlaps, so a client never gets the double burst a fixed window allows at its boundary, while memory
and time per hit stay constant whatever the limit (a moving window keeps one entry per hit: 600 per principal at
600/minute). `Retry-After` is the time until the weighted count drops below the limit again, rounded up.
Identities are hashed into fixed-size keys: no separator can make two principals share a budget, and a very long
`sub` costs no more memory than a short one.

The default storage (`memory://`) counts per worker process: with W workers a client may get up to W × N. Several
workers or instances share their counts through a shared storage (`CONCERTATION_RATE_LIMIT_STORAGE=redis://…`;
the `redis` package must then be installed). A storage that fails is logged and lets the request through: the
limits protect capacity, and losing them for a while is better than refusing every partner.
"""

from __future__ import annotations

import hashlib
import logging
import math
import time
from collections.abc import Sequence
from typing import Any, Final

from fastapi import FastAPI
from limits import RateLimitItem, parse_many
from limits.errors import StorageError
from limits.storage import storage_from_string
from limits.strategies import SlidingWindowCounterRateLimiter

from api.errors import DomainError
from api.http import PROBLEM_JSON
from api.settings import Settings

log = logging.getLogger("concertation.ratelimit")

#: The methods that count against the write budget.
WRITE_METHODS: Final[frozenset[str]] = frozenset({"POST", "PATCH", "PUT", "DELETE"})
TOKEN_PATH: Final = "/oauth/token"  # noqa: S105 - a path, not a password


class RateLimited(DomainError):
    status, code = 429, "rate_limited"


def _key(*parts: str) -> str:
    digest = hashlib.blake2b(digest_size=16)
    for part in parts:
        data = part.encode("utf-8", "surrogatepass")
        digest.update(len(data).to_bytes(8, "big"))
        digest.update(data)
    return digest.hexdigest()


class RateLimiter:
    """The two budgets over one `limits` storage. Thread-safe (the storage is)."""

    def __init__(self, storage_uri: str, token: str, write: str) -> None:
        #: The counts live in this process (no I/O): a check may run on the event loop.
        self.in_process = storage_uri.startswith("memory://")
        self._limiter = SlidingWindowCounterRateLimiter(storage_from_string(storage_uri, wrap_exceptions=True))
        self._token: tuple[RateLimitItem, ...] = tuple(parse_many(token))
        self._write: tuple[RateLimitItem, ...] = tuple(parse_many(write))

    @classmethod
    def from_settings(cls, settings: Settings) -> RateLimiter | None:
        if not settings.rate_limit_enabled:
            return None
        return cls(settings.rate_limit_storage, settings.rate_limit_token, settings.rate_limit_write)

    def check_token(self, client_id: str | None, remote: str | None) -> None:
        """One hit on the token budget of `client_id`, or of the remote address when there is no client id."""
        if client_id is not None:
            self._check(self._token, "token", _key("client", client_id))
        else:
            self._check(self._token, "token", _key("remote", remote or "unknown"))

    def check_write(self, issuer: str, subject: str) -> None:
        """One hit on the write budget of the principal `(issuer, subject)`."""
        self._check(self._write, "write", _key(issuer, subject))

    def _check(self, items: Sequence[RateLimitItem], budget: str, key: str) -> None:
        try:
            for item in items:
                if not self._limiter.hit(item, budget, key):
                    wait = self._limiter.get_window_stats(item, budget, key).reset_time - time.time()
                    # `limits` reports 0 when the refusal falls exactly on a window boundary: a whole window is due
                    retry_after = max(1, math.ceil(wait) if wait > 0 else item.get_expiry())
                    raise RateLimited(headers={"Retry-After": str(retry_after)})
        except StorageError as exc:
            log.warning("rate-limit storage failed (%s); request let through", type(exc.storage_error).__name__)


def _documented_429(description: str) -> dict[str, Any]:
    return {
        "description": description,
        "headers": {
            "Retry-After": {"description": "Seconds to wait before trying again", "schema": {"type": "integer"}}
        },
        "content": {PROBLEM_JSON: {"schema": {"$ref": "#/components/schemas/Problem"}}},
    }


def install(app: FastAPI, settings: Settings) -> None:
    """Put the limiter on `app.state` (None when disabled) and document the 429 on the operations it limits."""
    limiter = RateLimiter.from_settings(settings)
    app.state.rate_limiter = limiter
    if limiter is None:
        return
    generate = app.openapi

    def openapi() -> dict[str, Any]:
        doc = generate()  # FastAPI caches the document: this adds the 429s once
        for path, operations in doc.get("paths", {}).items():
            for method, operation in operations.items():
                if path == TOKEN_PATH:
                    operation["responses"].setdefault("429", _documented_429("Too many token requests for this client"))
                elif path.startswith("/v1/") and method.upper() in WRITE_METHODS:
                    operation["responses"].setdefault("429", _documented_429("Too many writes by this caller"))
        return doc

    app.openapi = openapi  # type: ignore[method-assign]
