"""`Idempotency-Key` on every mutating request (SPEC §2), as pure ASGI middleware.

A client that may have lost a response sends the same request again with the same key and gets the first response
back, byte for byte, with `Idempotent-Replayed: true`; the use case does not run twice. Keys are scoped per client:
the verified principal `(issuer, subject)` of the bearer token (the verifier's cache makes this cheap; a request
without a valid token passes through and gets its 401 from the route).

How one execution is guaranteed, on any number of workers, on SQLite and PostgreSQL: before the request runs, a
record `(issuer, subject, key)` marked `in_flight` is inserted and committed in a transaction of its own; the unique
constraint decides which of two concurrent requests runs, the other sees the record (409 while it is in flight).
The response is buffered; a response below 500 is stored (status, Location, ETag, Content-Type, and the body sealed
under a data key of its own, SPEC §6) before it is sent, so that a client never sees a response it cannot have
replayed. A 5xx, a 429 (the request was shed, not run) or an exception deletes the record: the key is free for a
retry. A record whose request never finished (its worker was killed) is abandoned after `idempotency_lease_seconds`
and may be taken over by a retry; records expire after `idempotency_ttl_seconds`, purged lazily (the key itself on
reuse, all expired records at most once per hour per worker) or by `concertation idempotency purge`.

The use case commits before its response is stored. So that a worker killed between the two does not let a retry
run the use case again, `succeed` marks the record `committed` (naming the action and the ids it touched) in the use
case's own transaction (`api.services.retry_marker`): once the lease has run out with the response still not
stored, a retry of such a request gets 409 `idempotency_response_lost` with that `outcome`, never a second execution
(within the lease it gets 409 `idempotency_in_flight`: the worker may be storing the response that very moment). A
refused request (4xx) changed nothing but its audit event; if its response was lost, its record stays `in_flight`
and a retry after the lease runs it again, harmlessly.

A request without the header costs one pass over its header list.
"""

from __future__ import annotations

import hashlib
import json
import re
import uuid
from collections.abc import Generator, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

import anyio.to_thread
from fastapi import FastAPI
from sqlalchemy import delete
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, col, select
from starlette.requests import Request
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from api.db import begin_write
from api.deps import Clock, open_session
from api.problems import problem
from api.security.crypto import IntegrityError as SealBroken
from api.security.crypto import new_data_key, open_sealed, seal
from api.security.kms import Kms
from api.security.tokens import AuthenticationError, Principal, TokenVerifier
from api.services.retry_marker import CURRENT_RECORD
from api.settings import Settings
from models.idempotency import IdempotencyRecord, IdempotencyState
from policies.messages import negotiate

HEADER = "Idempotency-Key"
MUTATING = frozenset({"POST", "PUT", "PATCH", "DELETE"})
#: 1 to 255 printable ASCII characters (surrounding blanks are not part of a header value).
KEY_PATTERN = r"^[\x21-\x7e](?:[\x20-\x7e]{0,253}[\x21-\x7e])?$"
_KEY = re.compile(KEY_PATTERN)
_NAME = HEADER.lower().encode()
#: The response headers a replay gives back; the others (dates, lengths) are produced again.
KEPT = frozenset({b"location", b"etag", b"content-type"})
REPLAYED = (b"idempotent-replayed", b"true")
_PURGE_EVERY = timedelta(hours=1)


@dataclass(frozen=True)
class Run:
    record_id: uuid.UUID


@dataclass(frozen=True)
class Replay:
    status: int
    headers: list[tuple[bytes, bytes]]
    body: bytes


@dataclass(frozen=True)
class Refuse:
    status: int
    code: str
    #: Extension members of the problem (ids only), e.g. what a committed request did.
    extra: dict[str, Any] | None = None


Verdict = Run | Replay | Refuse
REUSED = Refuse(422, "idempotency_key_reused")
IN_FLIGHT = Refuse(409, "idempotency_in_flight")
INVALID = Refuse(400, "idempotency_key_invalid")


def fingerprint(method: str, path: str, query: bytes, body: bytes) -> str:
    """sha256 over method, path, query and body, each length-prefixed so that no two requests share one."""
    digest = hashlib.sha256()
    for part in (method.encode(), path.encode(), query, body):
        digest.update(len(part).to_bytes(8, "big"))
        digest.update(part)
    return digest.hexdigest()


def valid_key(raw: bytes) -> str | None:
    try:
        key = raw.decode("ascii").strip(" \t")
    except UnicodeDecodeError:
        return None
    return key if _KEY.match(key) else None


@contextmanager
def _session(scope: Scope) -> Iterator[Session]:
    """A session as the routes get theirs (a test's override of `get_session` included)."""
    sessions = open_session(Request(scope))
    assert isinstance(sessions, Generator)  # noqa: S101 - a generator function: close() ends its session
    try:
        yield next(sessions)
    finally:
        sessions.close()


def claim(
    session: Session,
    principal: Principal,
    key: str,
    print_: str,
    now: datetime,
    settings: Settings,
    kms: Kms,
) -> Verdict:
    """Insert the in-flight record in its own committed transaction, or say what the existing record implies."""
    abandoned = now - timedelta(seconds=settings.idempotency_lease_seconds)
    mine = (
        col(IdempotencyRecord.issuer) == principal.issuer,
        col(IdempotencyRecord.subject) == principal.subject,
        col(IdempotencyRecord.key) == key,
    )
    for _ in range(3):
        begin_write(session)
        row = session.exec(select(IdempotencyRecord).where(*mine)).first()
        if row is not None:
            stale = row.expires_at <= now or (
                row.state == IdempotencyState.IN_FLIGHT.value and row.created_at <= abandoned
            )
            if not stale:
                verdict: Verdict
                if row.fingerprint != print_:
                    verdict = REUSED
                elif row.state == IdempotencyState.COMMITTED.value and row.created_at <= abandoned:
                    # Committed, and its response still not stored after the lease: its worker died between the
                    # two. Never run it again.
                    verdict = Refuse(409, "idempotency_response_lost", {"outcome": row.outcome})
                elif row.state != IdempotencyState.COMPLETED.value or row.status is None:
                    # In flight, or committed and storing its response right now: wait for it.
                    verdict = IN_FLIGHT
                else:
                    verdict = _opened(row, kms)
                session.rollback()
                return verdict
            # Expired, or its worker died mid-request: the key is free again. The condition repeats what was seen,
            # so that of two retries taking over the same record only one deletes it.
            session.execute(
                delete(IdempotencyRecord).where(
                    col(IdempotencyRecord.id) == row.id,
                    col(IdempotencyRecord.state) == row.state,
                    col(IdempotencyRecord.created_at) == row.created_at,
                )
            )
            session.expunge(row)
        record = IdempotencyRecord(
            id=uuid.uuid4(),
            issuer=principal.issuer,
            subject=principal.subject,
            key=key,
            fingerprint=print_,
            created_at=now,
            expires_at=now + timedelta(seconds=settings.idempotency_ttl_seconds),
        )
        session.add(record)
        try:
            session.commit()
        except IntegrityError:  # another request took the key first: look again at what it left
            session.rollback()
            continue
        return Run(record.id)
    return IN_FLIGHT


def _aad(row: IdempotencyRecord) -> bytes:
    """What the sealed body is bound to: its record, the request it answers, its status and kept headers."""
    return "|".join(("idempotency-v1", str(row.id), row.fingerprint, str(row.status), json.dumps(row.headers))).encode()


def _opened(row: IdempotencyRecord, kms: Kms) -> Verdict:
    headers = [(str(n).encode("latin-1"), str(v).encode("latin-1")) for n, v in row.headers]
    body = b""
    if row.body_ciphertext is not None:
        try:
            dek = kms.unwrap(str(row.kek_id), row.wrapped_key or b"", row.id)
            body = open_sealed(dek, row.body_ciphertext, _aad(row))
        except SealBroken:  # SPEC §6: never a fallback; the record is not trusted
            return Refuse(500, "integrity_error")
    assert row.status is not None  # noqa: S101 - completed records have one
    return Replay(row.status, headers, body)


def complete(
    session: Session, record_id: uuid.UUID, status: int, headers: Sequence[Any], body: bytes, kms: Kms
) -> None:
    begin_write(session)
    row = session.get(IdempotencyRecord, record_id)
    if row is None:  # purged meanwhile: nothing to replay, nothing to keep
        session.rollback()
        return
    row.state = IdempotencyState.COMPLETED.value
    row.status = status
    row.headers = [[n.decode("latin-1"), v.decode("latin-1")] for n, v in headers if n.lower() in KEPT]
    if body:
        dek = new_data_key()
        row.kek_id, row.wrapped_key = kms.wrap(dek, row.id)
        row.body_ciphertext = seal(dek, 1, body, _aad(row))
    session.add(row)
    session.commit()


def release(session: Session, record_id: uuid.UUID) -> None:
    """The request failed on our side (5xx, exception): forget the key so that the client may retry — unless its
    use case had already committed, in which case a retry must not run it again."""
    begin_write(session)
    session.execute(
        delete(IdempotencyRecord).where(
            col(IdempotencyRecord.id) == record_id,
            col(IdempotencyRecord.state) == IdempotencyState.IN_FLIGHT.value,
        )
    )
    session.commit()


def purge(session: Session, now: datetime) -> int:
    """Delete every expired record; returns how many."""
    begin_write(session)
    result = session.execute(delete(IdempotencyRecord).where(col(IdempotencyRecord.expires_at) <= now))
    session.commit()
    return int(getattr(result, "rowcount", 0) or 0)


def _bearer(headers: Sequence[tuple[bytes, bytes]]) -> str | None:
    for name, value in headers:
        if name == b"authorization":
            scheme, _, token = value.decode("latin-1").partition(" ")
            return token.strip() if scheme.lower() == "bearer" and token.strip() else None
    return None


def _principal(verifier: TokenVerifier, token: str) -> Principal | None:
    try:
        return verifier.verify(token)
    except AuthenticationError:
        return None


class Idempotency:
    """Pure ASGI middleware; see the module docstring."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app
        self._next_purge: datetime | None = None

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        # Only the API's operations, where the header is documented: `POST /oauth/token` answers RFC 6749 errors.
        if scope["type"] != "http" or scope["method"] not in MUTATING or not scope["path"].startswith("/v1/"):
            await self.app(scope, receive, send)
            return
        raw = [v for n, v in scope["headers"] if n == _NAME]
        if not raw:
            await self.app(scope, receive, send)
            return
        key = valid_key(raw[0]) if len(raw) == 1 else None
        if key is None:
            await self._refuse(scope, receive, send, INVALID)
            return
        token = _bearer(scope["headers"])
        verifier: TokenVerifier = scope["app"].state.verifier
        principal = verifier.cached(token) if token else None  # a token seen before: a dict lookup, as in get_actor
        if token and principal is None:  # a first verification may fetch the issuer's keys: in the thread pool
            principal = await anyio.to_thread.run_sync(_principal, verifier, token)
        if principal is None:  # no valid token: the route answers 401, nothing is kept
            await self.app(scope, receive, send)
            return
        body = await _read_body(receive)
        if body is None:  # the client went away before sending its body
            return
        print_ = fingerprint(scope["method"], scope["path"], scope.get("query_string", b""), body)
        verdict = await anyio.to_thread.run_sync(self._claim, scope, principal, key, print_)
        if isinstance(verdict, Refuse):
            await self._refuse(scope, receive, send, verdict)
        elif isinstance(verdict, Replay):
            await _send(send, verdict.status, [*verdict.headers, REPLAYED], verdict.body)
        else:
            await self._run(scope, receive, send, body, verdict.record_id)

    def _claim(self, scope: Scope, principal: Principal, key: str, print_: str) -> Verdict:
        state = scope["app"].state
        clock: Clock = state.clock
        settings: Settings = state.settings
        now = clock()
        with _session(scope) as session:
            if self._next_purge is None or now >= self._next_purge:
                self._next_purge = now + _PURGE_EVERY
                purge(session, now)
            return claim(session, principal, key, print_, now, settings, state.keyring)

    async def _run(self, scope: Scope, receive: Receive, send: Send, body: bytes, record_id: uuid.UUID) -> None:
        given = False

        async def replay_body() -> Message:
            nonlocal given
            if not given:
                given = True
                return {"type": "http.request", "body": body, "more_body": False}
            return await receive()

        start: Message | None = None
        chunks: list[bytes] = []

        async def buffer(message: Message) -> None:
            nonlocal start
            if message["type"] == "http.response.start":
                start = message
            elif message["type"] == "http.response.body":
                chunks.append(message.get("body", b""))
            else:
                await send(message)

        marker = CURRENT_RECORD.set(record_id)  # the use case marks the record committed with its change
        try:
            await self.app(scope, replay_body, buffer)
        except BaseException:
            await anyio.to_thread.run_sync(self._forget, scope, record_id)
            raise
        finally:
            CURRENT_RECORD.reset(marker)
        if start is None:  # the application answered nothing: nothing to replay
            await anyio.to_thread.run_sync(self._forget, scope, record_id)
            return
        status, headers, content = int(start["status"]), list(start.get("headers", [])), b"".join(chunks)
        if status < 500 and status != 429:
            await anyio.to_thread.run_sync(self._keep, scope, record_id, status, headers, content)
        else:
            await anyio.to_thread.run_sync(self._forget, scope, record_id)
        await send(start)
        await send({"type": "http.response.body", "body": content})

    def _keep(self, scope: Scope, record_id: uuid.UUID, status: int, headers: list[Any], body: bytes) -> None:
        with _session(scope) as session:
            complete(session, record_id, status, headers, body, scope["app"].state.keyring)

    def _forget(self, scope: Scope, record_id: uuid.UUID) -> None:
        with _session(scope) as session:
            release(session, record_id)

    async def _refuse(self, scope: Scope, receive: Receive, send: Send, refusal: Refuse) -> None:
        lang = negotiate(next((v.decode("latin-1") for n, v in scope["headers"] if n == b"accept-language"), None))
        response = problem(refusal.status, refusal.code, lang, params={"header": HEADER}, members=refusal.extra)
        await response(scope, receive, send)


async def _read_body(receive: Receive) -> bytes | None:
    chunks: list[bytes] = []
    while True:
        message = await receive()
        if message["type"] == "http.disconnect":
            return None
        chunks.append(message.get("body", b""))
        if not message.get("more_body", False):
            return b"".join(chunks)


async def _send(send: Send, status: int, headers: list[tuple[bytes, bytes]], body: bytes) -> None:
    headers = [*headers, (b"content-length", str(len(body)).encode())]
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": body})


def install(app: FastAPI) -> None:
    """Serve the header (inside the body limit, which is added after) and document it on every mutating operation."""
    app.add_middleware(Idempotency)
    generate = app.openapi
    documented = False

    def openapi() -> dict[str, Any]:
        nonlocal documented
        doc = generate()
        if not documented:
            _document(doc)
            documented = True
        return doc

    app.openapi = openapi  # type: ignore[method-assign]


_PROBLEM_REF = {"$ref": "#/components/schemas/Problem"}
_RESPONSES = {
    "400": "Bad Request (a malformed Idempotency-Key)",
    "409": (
        "Conflict (a request with the same Idempotency-Key is still in flight, or was carried out but its response "
        "was lost in a crash: `outcome` names what it did; it is not run again)"
    ),
    "422": "Unprocessable Content (an Idempotency-Key reused with another request)",
}


def _document(doc: dict[str, Any]) -> None:
    parameter = {
        "in": "header",
        "name": HEADER,
        "required": False,
        "description": (
            "Makes a retry safe: a repeat with the same key (per client) replays the first response with "
            "`Idempotent-Replayed: true` and changes nothing; the same key with another request is refused (422); "
            "while the first is in flight, 409. Kept 24 hours by default."
        ),
        "schema": {"type": "string", "minLength": 1, "maxLength": 255, "pattern": KEY_PATTERN},
    }
    for path, operations in doc.get("paths", {}).items():
        if not path.startswith("/v1/"):  # where the middleware applies: not `POST /oauth/token` (RFC 6749 errors)
            continue
        for method, operation in operations.items():
            # Only authenticated operations: keys are scoped per verified client.
            if method.upper() not in MUTATING or not operation.get("security"):
                continue
            operation.setdefault("parameters", []).append(parameter)
            responses = operation.setdefault("responses", {})
            for status, description in _RESPONSES.items():
                responses.setdefault(
                    status,
                    {"description": description, "content": {"application/problem+json": {"schema": _PROBLEM_REF}}},
                )
