"""`concertation client add|list|disable`: the OAuth2 clients of partner systems (client-credentials grant).

`add` prints the new client's secret once, on standard output and nowhere else: only its scrypt digest is stored,
so a lost secret is replaced by disabling the client and adding a new one. Each change is an audit event.
Exit status 0 on success, 1 when the client cannot be added or disabled, 2 for usage errors.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any, TextIO

from sqlalchemy import Engine
from sqlmodel import Session

from api.db import make_engine
from api.errors import DomainError
from api.services import clients
from api.settings import get_settings
from policies.vocab import Role


def add(engine: Engine, client_id: str, roles: list[str], org: str, out: TextIO) -> int:
    with Session(engine, expire_on_commit=False) as session:
        try:
            client, secret = clients.register(session, client_id, roles, org, datetime.now(UTC))
        except DomainError as exc:
            fields = ", ".join(sorted({v.field or "" for v in exc.violations})) or client_id
            print(f"client not added: {exc.code} ({fields})", file=sys.stderr)
            return 1
    print(f"client_id:     {client.client_id}", file=out)
    print(f"client_secret: {secret}", file=out)
    print(f"roles:         {' '.join(client.roles)}   org: {client.org}", file=out)
    print("The secret is shown once and stored nowhere: give it to the partner system now.", file=sys.stderr)
    return 0


def list_all(engine: Engine, out: TextIO, *, as_json: bool = False) -> int:
    with Session(engine) as session:
        rows = clients.list_clients(session)
    if as_json:
        print(json.dumps([r.model_dump(mode="json") for r in rows], sort_keys=True), file=out)
        return 0
    for r in rows:
        state = f"disabled {r.disabled_at.isoformat()}" if r.disabled_at else "active"
        print(f"{r.client_id}\t{','.join(r.roles)}\t{r.org}\t{r.created_at.isoformat()}\t{state}", file=out)
    return 0


def disable(engine: Engine, client_id: str, out: TextIO) -> int:
    with Session(engine, expire_on_commit=False) as session:
        try:
            client = clients.disable(session, client_id, datetime.now(UTC))
        except DomainError as exc:
            print(f"client not disabled: {exc.code}", file=sys.stderr)
            return 1
    when = client.disabled_at.isoformat() if client.disabled_at else "?"
    print(f"{client.client_id} disabled at {when}", file=out)
    return 0


def _with_engine(run: Callable[[Engine, argparse.Namespace], int]) -> Callable[[argparse.Namespace], int]:
    def wrapped(args: argparse.Namespace) -> int:
        engine = make_engine(get_settings().database_url)
        try:
            return run(engine, args)
        finally:
            engine.dispose()

    return wrapped


def _roles(value: str) -> list[str]:
    roles = [r.strip() for r in value.split(",") if r.strip()]
    known = {r.value for r in Role}
    unknown = [r for r in roles if r not in known]
    if not roles or unknown:
        raise argparse.ArgumentTypeError(f"roles are comma-separated among {', '.join(sorted(known))}")
    return roles


def register(sub: Any) -> None:
    parser = sub.add_parser("client", help="OAuth2 clients of partner systems (POST /oauth/token)")
    commands = parser.add_subparsers(dest="client_command", required=True)
    add_cmd = commands.add_parser("add", help="register a client and print its secret (once)")
    add_cmd.add_argument("--client-id", required=True, help="1-64 characters: letters, digits, . _ : -")
    add_cmd.add_argument("--roles", required=True, type=_roles, help="comma-separated roles, e.g. partner")
    add_cmd.add_argument("--org", required=True, help="organisation of the partner system")
    add_cmd.set_defaults(run=_with_engine(lambda e, a: add(e, a.client_id, a.roles, a.org, sys.stdout)))
    list_cmd = commands.add_parser("list", help="list the clients (never their secrets)")
    list_cmd.add_argument("--json", action="store_true", help="print JSON")
    list_cmd.set_defaults(run=_with_engine(lambda e, a: list_all(e, sys.stdout, as_json=a.json)))
    disable_cmd = commands.add_parser("disable", help="refuse the client's future token requests")
    disable_cmd.add_argument("client_id")
    disable_cmd.set_defaults(run=_with_engine(lambda e, a: disable(e, a.client_id, sys.stdout)))
