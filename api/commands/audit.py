"""`concertation audit verify`: recompute the audit chain of the configured database and name its first broken link.

Exit status 0 when the chain holds, 1 when it does not (so that cron or CI can alert), 2 for usage errors.
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any, TextIO

from sqlalchemy import Connection, Engine

from api.audit import verify_chain
from api.db import make_engine
from api.settings import get_settings
from models.audit import ChainBreak, ChainReport

_WHY = {
    ChainBreak.HASH_MISMATCH: "its content no longer gives its hash: the row was edited",
    ChainBreak.BROKEN_LINK: "its prev_hash is not the hash of the event before: an event was deleted or inserted",
}


def describe(report: ChainReport) -> str:
    """The report in words, naming the first broken link (seq, event id, reason) when there is one."""
    rate = report.events_checked / report.elapsed_seconds if report.elapsed_seconds > 0 else 0.0
    checked = f"{report.events_checked} event(s) checked in {report.elapsed_seconds:.3f} s ({rate:,.0f}/s)"
    if report.ok:
        head = f"head seq {report.last_good_seq} hash {report.last_good_hash}" if report.last_good_seq else "empty"
        return f"audit chain OK: {checked}; {head}"
    why = f"{report.reason.value} — {_WHY[report.reason]}" if report.reason else "unknown"
    return (
        f"audit chain BROKEN at seq {report.first_broken_seq} (event {report.first_broken_id}): {why}; {checked}; "
        f"last good seq {report.last_good_seq} hash {report.last_good_hash}"
    )


def verify(bind: Engine | Connection, *, batch: int = 10_000, as_json: bool = False, out: TextIO | None = None) -> int:
    """Verify the chain through `bind` and print the report; 1 when the chain is broken."""
    if isinstance(bind, Engine):
        with bind.connect() as connection:
            report = verify_chain(connection, batch=batch)
    else:
        report = verify_chain(bind, batch=batch)
    text = json.dumps(report.model_dump(mode="json"), sort_keys=True) if as_json else describe(report)
    print(text, file=out or sys.stdout)
    return 0 if report.ok else 1


def _verify(args: argparse.Namespace) -> int:
    engine = make_engine(get_settings().database_url)
    try:
        return verify(engine, batch=args.batch, as_json=args.json)
    finally:
        engine.dispose()


def _positive(value: str) -> int:
    number = int(value)
    if number < 1:
        raise argparse.ArgumentTypeError("must be at least 1")
    return number


def register(sub: Any) -> None:
    parser = sub.add_parser("audit", help="the audit trail (R109)")
    commands = parser.add_subparsers(dest="audit_command", required=True)
    verify_cmd = commands.add_parser(
        "verify",
        help="recompute the hash chain of CONCERTATION_DATABASE_URL; exit 1 and name the first broken link if any",
    )
    verify_cmd.add_argument("--batch", type=_positive, default=10_000, help="events read per query")
    verify_cmd.add_argument("--json", action="store_true", help="print the report as JSON")
    verify_cmd.set_defaults(run=_verify)
