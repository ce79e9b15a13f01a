"""Liveness and readiness (unauthenticated)."""

from __future__ import annotations

from typing import Any, Final

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse

from api.services.health import database_ready, keys_ready

router = APIRouter()

_READINESS: Final = {
    "type": "object",
    "required": ["status", "checks"],
    "properties": {
        "status": {"type": "string", "enum": ["ok", "unavailable"]},
        "checks": {
            "type": "object",
            "required": ["database", "keys"],
            "properties": {"database": {"type": "boolean"}, "keys": {"type": "boolean"}},
        },
    },
}


@router.get("/healthz", operation_id="healthz", tags=["health"], summary="Liveness")
def healthz() -> dict[str, str]:
    """Answers 200 `{"status": "ok"}` while the process serves requests; touches neither the database nor the keys,
    and is never shed under load. Unauthenticated."""
    return {"status": "ok"}


@router.get(
    "/readyz",
    operation_id="readyz",
    tags=["health"],
    summary="Readiness: database reachable and migrated, key ring loaded",
    responses={
        200: {"description": "Ready to serve", "content": {"application/json": {"schema": _READINESS}}},
        503: {"description": "Not ready: a check failed", "content": {"application/json": {"schema": _READINESS}}},
    },
)
def readyz(request: Request) -> Any:
    """200 when the database answers and carries the schema (its migrations ran) and the key ring is loaded; 503
    with the failing check otherwise. Unauthenticated; never shed under load."""
    checks = {"database": database_ready(request.app.state.engine), "keys": keys_ready(request.app.state.keyring)}
    ok = all(checks.values())
    return JSONResponse({"status": "ok" if ok else "unavailable", "checks": checks}, status_code=200 if ok else 503)
