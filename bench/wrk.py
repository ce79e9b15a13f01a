"""The HTTP load generator of `make bench`: wrk (one C process), never Python clients on the same cores (SPEC §7).

Each measurement runs `wrk` with a Lua script written for it: the method, the headers (the bearer token), the JSON
body read from a file, the paths taken in turn, and a `done()` that prints the figures as one JSON line. wrk's own
CPU time is read from the kernel when it exits (`os.wait4`), so that the results say what share of the two cores the
load generator took.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import tempfile
import time
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

#: The marker of the line `done()` prints.
MARK = "WRKJSON "
INSTALL_HINT = (
    "wrk is not installed: `make bench` installs the Debian package when it can (`apt-get install wrk`, as root or "
    "with passwordless sudo); otherwise install it yourself (Debian/Ubuntu: `sudo apt-get install wrk`; macOS: "
    "`brew install wrk`)"
)

_DONE = r"""
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    'WRKJSON {"requests":%d,"duration_us":%d,"status_errors":%d,"connect":%d,"read":%d,"write":%d,"timeout":%d,' ..
    '"p50_us":%d,"p90_us":%d,"p99_us":%d,"max_us":%d,"mean_us":%.1f}\n',
    summary.requests, summary.duration, e.status, e.connect, e.read, e.write, e.timeout,
    latency:percentile(50), latency:percentile(90), latency:percentile(99), latency.max, latency.mean))
end
"""


@dataclass(frozen=True)
class Load:
    """One kind of request: `paths` are taken in turn (one per request), all with the same method, body, headers."""

    method: str
    paths: Sequence[str]
    body: Any = None
    headers: dict[str, str] = field(default_factory=dict)

    def script(self, body_file: Path | None) -> str:
        lines = [f"wrk.method = {_lua(self.method)}"]
        for name, value in self.headers.items():
            lines.append(f"wrk.headers[{_lua(name)}] = {_lua(value)}")
        if body_file is not None:
            lines.append('wrk.headers["Content-Type"] = "application/json"')
            opened = f"assert(io.open({_lua(str(body_file))}, 'rb'))"
            lines.append(f"do local f = {opened}; wrk.body = f:read('*a'); f:close() end")
        if len(self.paths) > 1:
            # A request() function costs wrk a Lua call per request; a single path lets it format the request once.
            lines.append("local paths = {" + ", ".join(_lua(p) for p in self.paths) + "}")
            lines.append("local turn = 0")
            lines.append("request = function()")
            lines.append("  turn = turn % #paths + 1")
            lines.append("  return wrk.format(nil, paths[turn])")
            lines.append("end")
        else:
            lines.append(f"wrk.path = {_lua(self.paths[0])}")
        return "\n".join(lines) + "\n" + _DONE


@dataclass
class WrkResult:
    """One wrk run: counts, latency percentiles and the CPU the load generator took."""

    requests: int
    errors: int
    seconds: float
    throughput: float
    p50_ms: float
    p90_ms: float
    p99_ms: float
    max_ms: float
    #: wrk's own CPU time (user + system) over the run's wall time: 1.0 = one whole core.
    generator_cpu: float
    socket_errors: dict[str, int] = field(default_factory=dict)

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


def find() -> str:
    """The wrk binary, installed from Debian packages when missing and possible; a clear error otherwise."""
    found = shutil.which("wrk")
    if found:
        return found
    sudo = [] if os.geteuid() == 0 else ["sudo", "-n"]
    if shutil.which("apt-get") and (not sudo or shutil.which("sudo")):
        env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
        for args in (["apt-get", "update", "-qq"], ["apt-get", "install", "-y", "-qq", "wrk"]):
            if subprocess.run([*sudo, *args], env=env, check=False).returncode != 0:  # noqa: S603 - fixed arguments
                break
        found = shutil.which("wrk")
        if found:
            return found
    raise SystemExit(INSTALL_HINT)


def version(binary: str | None = None) -> str:
    """`wrk -v` prints its version on the first line (and exits 1)."""
    out = subprocess.run([binary or find(), "-v"], capture_output=True, text=True, check=False)  # noqa: S603
    first = (out.stdout or out.stderr).splitlines()[0] if (out.stdout or out.stderr) else "wrk (unknown version)"
    match = re.match(r"(wrk \S+)", first)
    return match.group(1) if match else first.strip()


#: After a run, the requests wrk left in flight when it closed its connections are still being served (a sync
#: endpoint is not cancelled): the next run waits for them, or its first connections are shed as an overload (503)
#: and share the CPU with work nobody waits for. Measured: up to 600 shed requests in a run started at once.
SETTLE_SECONDS = 1.5


def run(base_url: str, load: Load, *, connections: int, seconds: float, threads: int = 1) -> WrkResult:
    """wrk against `base_url` for `seconds` with `connections` keep-alive connections; its figures as a result,
    once the server has finished what wrk left in flight (`SETTLE_SECONDS`)."""
    binary = find()
    with tempfile.TemporaryDirectory(prefix="bench-wrk-") as tmp:
        body_file = None
        if load.body is not None:
            body_file = Path(tmp) / "body.json"
            body_file.write_bytes(json.dumps(load.body, separators=(",", ":"), ensure_ascii=False).encode())
        script = Path(tmp) / "load.lua"
        script.write_text(load.script(body_file))
        args = [binary, "-t", str(threads), "-c", str(connections), "-d", f"{max(1, round(seconds))}s"]
        args += ["--timeout", "30s", "-s", str(script), base_url + load.paths[0]]
        started = time.perf_counter()
        proc = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)  # noqa: S603
        assert proc.stdout is not None and proc.stderr is not None  # noqa: S101 - pipes asked for just above
        out = proc.stdout.read()
        err = proc.stderr.read()
        _, status, usage = os.wait4(proc.pid, 0)
        proc.returncode = os.waitstatus_to_exitcode(status)
        wall = time.perf_counter() - started
    time.sleep(SETTLE_SECONDS)
    line = next((x for x in out.splitlines() if x.startswith(MARK)), None)
    if proc.returncode != 0 or line is None:
        raise RuntimeError(f"wrk failed ({proc.returncode}): {err.strip() or out.strip()}")
    figures = json.loads(line.removeprefix(MARK))
    duration = figures["duration_us"] / 1e6
    sockets = {k: figures[k] for k in ("connect", "read", "write", "timeout") if figures[k]}
    return WrkResult(
        requests=figures["requests"],
        errors=figures["status_errors"] + sum(sockets.values()),
        seconds=round(duration, 3),
        throughput=round(figures["requests"] / duration, 1) if duration else 0.0,
        p50_ms=figures["p50_us"] / 1000,
        p90_ms=figures["p90_us"] / 1000,
        p99_ms=figures["p99_us"] / 1000,
        max_ms=figures["max_us"] / 1000,
        generator_cpu=round((usage.ru_utime + usage.ru_stime) / wall, 3) if wall else 0.0,
        socket_errors=sockets,
    )


def _lua(value: str) -> str:
    """A Lua string literal: JSON's quoting is valid Lua for ASCII (Lua 5.1 has no `\\u` escape, hence the check)."""
    if not value.isascii():
        raise ValueError(f"not ASCII, cannot be written in wrk's script: {value!r}")
    return json.dumps(value)
