"""`concertation idempotency purge`: delete the Idempotency-Key records past their expiry (SPEC §2)."""

from __future__ import annotations

import argparse
from datetime import UTC, datetime
from typing import Any

from sqlmodel import Session

from api import idempotency
from api.db import make_engine
from api.settings import get_settings


def _purge(args: argparse.Namespace) -> int:
    engine = make_engine(get_settings().database_url)
    try:
        with Session(engine, expire_on_commit=False) as session:
            count = idempotency.purge(session, datetime.now(UTC))
    finally:
        engine.dispose()
    print(f"{count} expired idempotency record(s) deleted")
    return 0


def register(sub: Any) -> None:
    parser = sub.add_parser("idempotency", help="Idempotency-Key records (SPEC §2)")
    commands = parser.add_subparsers(dest="idempotency_command", required=True)
    commands.add_parser("purge", help="delete the records past their expiry").set_defaults(run=_purge)
