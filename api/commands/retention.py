"""`concertation retention run`: destroy the data keys of concertations past their retention date (D18)."""

from __future__ import annotations

import argparse
from datetime import UTC, datetime
from typing import Any

from sqlmodel import Session

from api.db import make_engine
from api.services import retention
from api.settings import get_settings


def _run(args: argparse.Namespace) -> int:
    engine = make_engine(get_settings().database_url)
    try:
        with Session(engine, expire_on_commit=False) as session:
            done = retention.run(session, datetime.now(UTC))
    finally:
        engine.dispose()
    for concertation_id in done:
        print(f"shredded {concertation_id}")
    print(f"{len(done)} concertation(s) past their retention date; their content is now unrecoverable")
    return 0


def register(sub: Any) -> None:
    parser = sub.add_parser("retention", help="retention of concertations (D18)")
    commands = parser.add_subparsers(dest="retention_command", required=True)
    commands.add_parser("run", help="destroy the data keys of concertations past their retention date").set_defaults(
        run=_run
    )
