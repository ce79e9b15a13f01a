"""Command line: `concertation token …` mints development tokens; `concertation welcome` prints how to start."""

from __future__ import annotations

import argparse
import socket
import sys
from collections.abc import Sequence

from api.commands import audit as audit_commands
from api.commands import clients as client_commands
from api.commands import idempotency as idempotency_commands
from api.commands import keys as key_commands
from api.commands import retention
from api.security.crypto import KeyRing
from api.security.keys import ensure_dev_signing_key
from api.services import dev_tokens
from api.settings import Settings, get_settings
from policies.vocab import Role


def dev_token(settings: Settings, subject: str, roles: Sequence[str], org: str | None, ttl: int) -> str:
    """A token of the service's own development issuer; refused when that issuer is switched off."""
    if not settings.dev_issuer_enabled:
        raise SystemExit("the development issuer is disabled (CONCERTATION_DEV_ISSUER_ENABLED=false)")
    return dev_tokens.mint(settings, ensure_dev_signing_key(settings.dev_key_dir), subject, roles, org, ttl)


def _token(args: argparse.Namespace) -> int:
    print(dev_token(get_settings(), args.sub, args.roles.split(","), args.org, args.ttl))
    return 0


def port_free(host: str, port: int) -> bool:
    """Whether a server could listen on `host:port` now (checked before the banner, not after uvicorn fails)."""
    with socket.socket(socket.AF_INET6 if ":" in host else socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as uvicorn binds: TIME_WAIT is no obstacle
        try:
            probe.bind((host, port))
        except OSError:
            return False
    return True


def _welcome(args: argparse.Namespace) -> int:
    if not port_free(args.host, int(args.port)):
        print(
            f"Port {args.port} on {args.host} is already in use (another `make run`?). Stop that server, or choose "
            f"another port: make run PORT={int(args.port) + 1}",
            file=sys.stderr,
        )
        return 1
    settings = get_settings()
    KeyRing.ensure(settings.keyring_file)
    token = dev_token(settings, "coordinator@example.org", [Role.COORDINATOR.value], "cpas-example", 8 * 3600)
    base = f"http://{args.host}:{args.port}"
    print(
        f"""
Concertation is starting on {base}

  Open {base}/console  — the web console (sign in as a coordinator, participant, prosecutor or auditor)
  API documentation: {base}/docs (Swagger UI) and {base}/redoc (ReDoc)

For curl, a coordinator token (8 hours; org "cpas-example") — also for "Authorize" in /docs:

export TOKEN={token}
export BASE={base}/v1

Try it:
  curl -s $BASE/reference/purposes -H "Authorization: Bearer $TOKEN"

More tokens: .venv/bin/concertation token --sub alice --roles participant --org cpas-example
The five-minute path (register a decree, draft, read the compliance report, fix, schedule) is in README.md.
""",
        file=sys.stderr,
    )
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="concertation", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)
    token = sub.add_parser("token", help="mint a development token")
    token.add_argument("--sub", required=True, help="subject: a stable person or client id")
    token.add_argument("--roles", default="coordinator", help=f"comma-separated: {', '.join(r.value for r in Role)}")
    token.add_argument("--org", default=None, help="organisation of the caller")
    token.add_argument("--ttl", type=int, default=3600, help="lifetime in seconds")
    token.set_defaults(run=_token)
    welcome = sub.add_parser("welcome", help="create development keys and print a coordinator token")
    welcome.add_argument("--host", default="127.0.0.1")
    welcome.add_argument("--port", default="8000", type=int)
    welcome.set_defaults(run=_welcome)
    retention.register(sub)
    idempotency_commands.register(sub)
    audit_commands.register(sub)
    key_commands.register(sub)
    client_commands.register(sub)
    args = parser.parse_args(argv)
    code: int = args.run(args)
    return code


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
