"""The benchmark's load generator (`bench/wrk.py`): the Lua script it writes, and a real wrk run against the bare
baseline app served the way the benchmark serves it (two workers, each on its own SO_REUSEPORT socket). Figures
are not asserted — timing belongs to `make bench` — only that every request is counted and checked."""

from __future__ import annotations

import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from bench import wrk
from bench.server import Server
from tests.conftest import IN_CI

needs_wrk = pytest.mark.skipif(shutil.which("wrk") is None and not IN_CI, reason="wrk is not installed")


def test_the_script_sets_method_headers_body_and_takes_the_paths_in_turn(tmp_path: Path) -> None:
    body = tmp_path / "body.json"
    script = wrk.Load("POST", ["/a", "/b"], {"x": 1}, {"Authorization": "Bearer t"}).script(body)
    assert 'wrk.method = "POST"' in script
    assert 'wrk.headers["Authorization"] = "Bearer t"' in script
    assert 'wrk.headers["Content-Type"] = "application/json"' in script
    assert str(body) in script and "wrk.body = f:read('*a')" in script
    assert 'local paths = {"/a", "/b"}' in script and "request = function()" in script
    single = wrk.Load("GET", ["/healthz"]).script(None)
    assert 'wrk.path = "/healthz"' in single and "request = function()" not in single  # formatted once by wrk
    assert "Content-Type" not in single


def test_a_value_wrk_cannot_be_given_is_refused() -> None:
    with pytest.raises(ValueError, match="not ASCII"):
        wrk.Load("GET", ["/café"]).script(None)


#: A row for the baseline's insert: its required fields only (`bench.run.baseline_row` fills every field).
ROW = {"org": "cpas-bench", "group_key": "load", "title": "Concertation 0", "statement": "Mettre fin aux violences."}


@pytest.fixture
def baseline(tmp_path: Path) -> Iterator[Server]:
    url = f"sqlite:///{tmp_path / 'bench.db'}"
    # In a process of its own: importing the baseline app here would add its table to the metadata that the
    # migrations' drift test compares with the database.
    create = (
        "import sys; from bench.baseline_app import create_table, make_baseline_engine; "
        "create_table(make_baseline_engine(sys.argv[1]))"
    )
    subprocess.run([sys.executable, "-c", create, url], check=True, env={"BENCH_BASELINE_DATABASE_URL": url})  # noqa: S603
    server = Server("bench.baseline_app:app", {"BENCH_BASELINE_DATABASE_URL": url})
    try:
        server.wait_ready()
        yield server
    finally:
        server.stop()


@needs_wrk
def test_a_run_counts_requests_latencies_errors_and_its_own_cpu(baseline: Server) -> None:
    inserted = wrk.run(baseline.url, wrk.Load("POST", ["/rows"], ROW), connections=4, seconds=1)
    assert inserted.requests > 0 and inserted.errors == 0
    assert 0 < inserted.p50_ms <= inserted.p99_ms <= inserted.max_ms
    assert inserted.throughput > 0 and inserted.generator_cpu > 0
    # A route that answers 404 is counted as failing: every request was checked, not only sent.
    missing = wrk.run(baseline.url, wrk.Load("GET", ["/nowhere", "/nor-here"]), connections=2, seconds=1)
    assert missing.requests > 0 and missing.errors == missing.requests


@needs_wrk
def test_the_version_is_named() -> None:
    assert wrk.version().startswith("wrk ")
