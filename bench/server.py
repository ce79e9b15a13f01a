"""Start and stop a real uvicorn server (several workers) in a subprocess, for the benchmark."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Mapping
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parent.parent


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class Server:
    """`uvicorn <target>` with `workers` processes on a free port; `stop()` ends exactly the process it started."""

    def __init__(self, target: str, env: Mapping[str, str], *, workers: int = 2, factory: bool = False) -> None:
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        # Each worker on its own SO_REUSEPORT socket, so that the kernel spreads wrk's connections evenly between
        # them (see bench/reuseport.py: with `uvicorn --workers` one worker often accepted all of them).
        args = [sys.executable, "-m", "bench.reuseport", target, "--port", str(self.port), "--workers", str(workers)]
        if factory:
            args.append("--factory")
        self.process = subprocess.Popen(  # noqa: S603 - our own interpreter's uvicorn, fixed arguments
            args, cwd=ROOT, env={**os.environ, **env}, start_new_session=True
        )

    def wait_ready(self, timeout: float = 60.0) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"server {self.url} exited with {self.process.returncode}")
            try:
                if httpx.get(f"{self.url}/healthz", timeout=2).status_code == 200:
                    return
            except httpx.HTTPError:
                pass
            time.sleep(0.2)
        raise RuntimeError(f"server {self.url} not ready after {timeout} s")

    def stop(self) -> None:
        if self.process.poll() is None:
            # bench.reuseport stops its workers on SIGTERM; its process group is ours alone (new session).
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait(timeout=10)
