"""The README's curl path, run as written: its bash blocks, in order, against a live server on a port of its own.

A newcomer copies these commands; if one of them stops working (a changed field, a hard-coded port, an ETag that
is not where the text says), this test fails on the same line the newcomer would.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT, migrate
from tests.reliability import live_server

SECTION = "## The five-minute path with curl"


def readme_blocks() -> list[str]:
    text = (ROOT / "README.md").read_text()
    section = text[text.index(SECTION) :]
    section = section[: section.index("\n## ", len(SECTION))]
    return re.findall(r"```bash\n(.*?)```", section, flags=re.S)


def test_the_readme_path_runs_as_written(tmp_path: Path) -> None:
    if shutil.which("curl") is None:
        pytest.skip("curl is not installed")
    blocks = readme_blocks()
    assert len(blocks) >= 6, "the README's curl path lost its blocks"
    var_dir = tmp_path / "var"
    database = f"sqlite:///{tmp_path}/readme.db"
    migrate(database)
    env = {"CONCERTATION_VAR_DIR": str(var_dir), "CONCERTATION_DATABASE_URL": database}
    token = subprocess.run(  # noqa: S603 - our own CLI
        [
            sys.executable,
            "-m",
            "api.cli",
            "token",
            "--sub",
            "coordinator@example.org",
            "--roles",
            "coordinator",
            "--org",
            "cpas-example",
        ],
        cwd=ROOT,
        env={**os.environ, **env},
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    with live_server.serving(database, 1, var_dir) as server:
        script = "set -euo pipefail\n" + "\n".join(blocks)
        done = subprocess.run(  # noqa: S603 - bash running the README's own blocks
            ["/bin/bash", "-c", script],
            cwd=tmp_path,
            env={**os.environ, "TOKEN": token, "PORT": str(server.port)},
            capture_output=True,
            text=True,
            timeout=120,
        )
    out = done.stdout
    assert done.returncode == 0, f"exit {done.returncode}\n{out}\n{done.stderr}"
    assert re.search(r"etag: \"1\"", out, flags=re.I), out  # the draft's headers show where the ETag comes from
    assert '"not_compliant"' in out and "R55" in out  # the refused schedule
    assert '"2"' in out  # the PATCH's new ETag
    assert out.rstrip().endswith("scheduled"), out
