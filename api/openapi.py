"""`python -m api.openapi write|check`: the committed openapi/openapi.json is the code's contract."""

from __future__ import annotations

import json
import sys
import tempfile
from pathlib import Path
from typing import Any

from api.security.crypto import KeyRing
from api.settings import Settings

SNAPSHOT = Path(__file__).resolve().parent.parent / "openapi" / "openapi.json"


def generate() -> dict[str, Any]:
    """The OpenAPI document of an app built on a throwaway directory (no database or key is touched)."""
    from api.main import create_app

    with tempfile.TemporaryDirectory() as tmp:
        settings = Settings(var_dir=Path(tmp), database_url=f"sqlite:///{tmp}/openapi.db")
        app = create_app(settings, keyring=KeyRing({"k": bytes(32)}, "k"))
        doc: dict[str, Any] = app.openapi()
        app.state.engine.dispose()
        return doc


def render(doc: dict[str, Any]) -> str:
    return json.dumps(doc, indent=2, sort_keys=True, ensure_ascii=False) + "\n"


def main(argv: list[str]) -> int:
    command = argv[1] if len(argv) > 1 else "check"
    text = render(generate())
    if command == "write":
        SNAPSHOT.parent.mkdir(exist_ok=True)
        SNAPSHOT.write_text(text)
        print(f"wrote {SNAPSHOT}")
        return 0
    if not SNAPSHOT.exists() or SNAPSHOT.read_text() != text:
        print("openapi/openapi.json differs from the code: run `make openapi` and commit it", file=sys.stderr)
        return 1
    print("openapi/openapi.json matches the code")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
