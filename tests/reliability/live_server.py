"""A real server for tests and benchmarks: `uvicorn --factory api.main:create_app` with N workers, in a process group
of its own, on a free loopback port, configured only by the environment it is given.

    server = live_server.start(db_url, workers=2, var_dir=tmp / "var")
    try:
        server.wait_ready()
        ...  # server.base_url, server.worker_pids()
    finally:
        server.kill()

or `with live_server.serving(db_url, 2, var_dir) as server: ...`, which waits for readiness, retries on another port
if the one it picked was taken meanwhile, and always kills. `kill()` sends SIGKILL to the whole group (the uvicorn
master and its workers), waits until none of them runs any more, and may be called again. Every failure names the
server's log tail (uvicorn's output goes to `var_dir/logs/server-<n>.log`).

Only for POSIX systems with /proc (Linux): worker processes are found there.
"""

from __future__ import annotations

import contextlib
import itertools
import os
import re
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator, Mapping
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[2]
_STARTED = re.compile(r"Started server process \[(\d+)\]")
_READY = "Application startup complete."
_PORT_TAKEN = ("address already in use", "error while attempting to bind")
_starts = itertools.count(1)
KEEP_ALIVE_SECONDS = 5  # the server closes a connection idle this long (uvicorn's --timeout-keep-alive)


def client_limits(connections: int = 100) -> httpx.Limits:
    """Connection limits for a client of the live server. Its idle connections expire well before the server's
    keep-alive does: otherwise a request sent on a connection the server is closing at that very moment fails with a
    `ReadError` (httpx's own default expiry equals uvicorn's 5 s)."""
    return httpx.Limits(
        max_connections=connections, max_keepalive_connections=connections, keepalive_expiry=KEEP_ALIVE_SECONDS / 2
    )


class ServerError(RuntimeError):
    """The server did not start, did not become ready, or did not die; the message ends with its log tail."""


def free_port() -> int:
    """A port the kernel just handed out on 127.0.0.1 (it may be taken again before uvicorn binds it: see
    `serving`, which retries)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class LiveServer:
    """One running `uvicorn` process group."""

    def __init__(self, process: subprocess.Popen[bytes], port: int, workers: int, log: Path) -> None:
        self.process = process
        self.port = port
        self.workers = workers
        self.log = log
        self.base_url = f"http://127.0.0.1:{port}"
        self.pgid = process.pid  # start_new_session: the master leads its own session and group

    # ------------------------------------------------------------------------------------------------ inspection

    def tail(self, lines: int = 40) -> str:
        try:
            text = self.log.read_text(errors="replace")
        except OSError as exc:
            return f"(no log: {exc})"
        return "\n".join(text.splitlines()[-lines:])

    def fail(self, message: str) -> ServerError:
        return ServerError(f"{message}\n--- server log tail ({self.log}) ---\n{self.tail()}")

    def group_pids(self) -> list[int]:
        """Live (non-zombie) processes of the server's process group: the master and its workers."""
        return [pid for pid, _, pgrp, state in _processes() if pgrp == self.pgid and state != "Z"]

    def worker_pids(self) -> list[int]:
        """The worker processes uvicorn spawned (children of the master running `multiprocessing.spawn`); with one
        worker uvicorn serves from the master itself, which is then the only worker."""
        if self.workers == 1:
            return [self.process.pid] if self.process.poll() is None else []
        return [
            pid
            for pid, ppid, _, state in _processes()
            if ppid == self.process.pid and state != "Z" and "spawn_main" in _cmdline(pid)
        ]

    def started_pids(self) -> list[int]:
        """The pids of the server processes that logged `Started server process [pid]`."""
        try:
            return [int(p) for p in _STARTED.findall(self.log.read_text(errors="replace"))]
        except OSError:
            return []

    # ------------------------------------------------------------------------------------------------ lifecycle

    def wait_ready(self, timeout: float = 45.0) -> None:
        """Until `/readyz` answers 200 and every worker has completed its startup; raise `ServerError` if the master
        dies or the time runs out."""
        deadline = time.monotonic() + timeout
        last = "no answer yet"
        with httpx.Client(timeout=2.0) as client:
            while time.monotonic() < deadline:
                if self.process.poll() is not None:
                    raise self.fail(f"the server exited with status {self.process.returncode} before it was ready")
                try:
                    r = client.get(f"{self.base_url}/readyz")
                    last = f"/readyz answered {r.status_code}: {r.text[:200]}"
                    log = self.log.read_text(errors="replace")
                    if r.status_code == 200 and log.count(_READY) >= self.workers:
                        if self.workers == 1 or len(self.worker_pids()) == self.workers:
                            return
                        last = f"{len(self.worker_pids())} worker process(es) of {self.workers} running"
                except httpx.TransportError as exc:
                    last = f"{type(exc).__name__}: {exc}"
                time.sleep(0.1)
        raise self.fail(f"the server was not ready within {timeout:.0f} s ({last})")

    def port_was_taken(self) -> bool:
        return self.process.poll() is not None and any(s in self.tail(200).lower() for s in _PORT_TAKEN)

    def kill(self, timeout: float = 15.0) -> None:
        """SIGKILL the master and every worker at once; return when none of them runs. Idempotent."""
        with contextlib.suppress(ProcessLookupError):
            os.killpg(self.pgid, signal.SIGKILL)
        deadline = time.monotonic() + timeout
        try:
            self.process.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            raise self.fail(f"the server master {self.process.pid} survived SIGKILL for {timeout:.0f} s") from None
        # The workers were the master's children; now orphans, they are reaped by init (a zombie counts as dead).
        while (left := self.group_pids()) and time.monotonic() < deadline:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(self.pgid, signal.SIGKILL)
            time.sleep(0.05)
        if left:
            raise self.fail(f"server process(es) {left} survived SIGKILL for {timeout:.0f} s")

    def stop(self, timeout: float = 10.0) -> None:
        """A graceful shutdown (SIGTERM to the master), then `kill()` whatever is left."""
        if self.process.poll() is None:
            with contextlib.suppress(ProcessLookupError):
                os.kill(self.process.pid, signal.SIGTERM)
            with contextlib.suppress(subprocess.TimeoutExpired):
                self.process.wait(timeout=timeout)
        self.kill()


def server_env(db_url: str, var_dir: Path, extra: Mapping[str, str] | None = None) -> dict[str, str]:
    """This process's environment without any `CONCERTATION_*` setting, then the database, the var dir and `extra`."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("CONCERTATION_")}
    env.update(
        CONCERTATION_DATABASE_URL=db_url,
        CONCERTATION_VAR_DIR=str(var_dir),
        PYTHONUNBUFFERED="1",
        PYTHONDONTWRITEBYTECODE="1",
    )
    env.update(extra or {})
    return env


def start(
    db_url: str,
    workers: int,
    var_dir: Path,
    *,
    port: int | None = None,
    env: Mapping[str, str] | None = None,
    access_log: bool = False,
) -> LiveServer:
    """Start the server (without waiting for it: see `LiveServer.wait_ready`). `env` adds or overrides variables,
    e.g. `CONCERTATION_DEV_ISSUER`. The database must be migrated already."""
    var_dir = Path(var_dir)
    logs = var_dir / "logs"
    logs.mkdir(parents=True, exist_ok=True)
    port = port or free_port()
    log = logs / f"server-{os.getpid()}-{next(_starts)}-{port}.log"
    command = [
        sys.executable,
        "-m",
        "uvicorn",
        "--factory",
        "api.main:create_app",
        "--host",
        "127.0.0.1",
        "--port",
        str(port),
        "--workers",
        str(workers),
        "--timeout-graceful-shutdown",
        "5",
        "--timeout-keep-alive",
        str(KEEP_ALIVE_SECONDS),
    ]
    if not access_log:
        command.append("--no-access-log")
    with log.open("wb") as out:
        process = subprocess.Popen(  # noqa: S603 - our own interpreter and arguments
            command,
            cwd=ROOT,
            env=server_env(db_url, var_dir, env),
            stdin=subprocess.DEVNULL,
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,  # a process group of its own: one killpg reaches master and workers
        )
    return LiveServer(process, port, workers, log)


@contextlib.contextmanager
def serving(
    db_url: str,
    workers: int,
    var_dir: Path,
    *,
    env: Mapping[str, str] | None = None,
    ready_timeout: float = 45.0,
    attempts: int = 3,
) -> Iterator[LiveServer]:
    """A ready server, killed (SIGKILL, whole group) on the way out whatever happens."""
    for attempt in range(1, attempts + 1):
        server = start(db_url, workers, var_dir, env=env)
        try:
            server.wait_ready(ready_timeout)
        except ServerError:
            server.kill()
            if server.port_was_taken() and attempt < attempts:
                continue  # another process bound the free port first: pick another one
            raise
        break
    try:
        yield server
    finally:
        server.kill()


def _processes() -> Iterator[tuple[int, int, int, str]]:
    """(pid, ppid, pgrp, state) of every process, from /proc/<pid>/stat."""
    for entry in os.scandir("/proc"):
        if not entry.name.isdigit():
            continue
        try:
            with open(f"/proc/{entry.name}/stat", "rb") as fh:
                stat = fh.read().decode(errors="replace")
        except OSError:
            continue  # gone meanwhile
        # The command name (2nd field) is in parentheses and may contain spaces: split after its last ')'.
        fields = stat[stat.rfind(")") + 2 :].split()
        yield int(entry.name), int(fields[1]), int(fields[2]), fields[0]


def _cmdline(pid: int) -> str:
    try:
        with open(f"/proc/{pid}/cmdline", "rb") as fh:
            return fh.read().replace(b"\0", b" ").decode(errors="replace")
    except OSError:
        return ""
