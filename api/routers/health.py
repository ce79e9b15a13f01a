"""Liveness and readiness (unauthenticated)."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse

from api.services.health import database_ready, keys_ready

router = APIRouter(tags=["health"])


@router.get("/healthz", summary="Liveness")
def healthz() -> dict[str, str]:
    return {"status": "ok"}


@router.get("/readyz", summary="Readiness: database reachable and migrated, key ring loaded")
def readyz(request: Request) -> Any:
    checks = {"database": database_ready(request.app.state.engine), "keys": keys_ready(request.app.state.keyring)}
    ok = all(checks.values())
    return JSONResponse({"status": "ok" if ok else "unavailable", "checks": checks}, status_code=200 if ok else 503)
