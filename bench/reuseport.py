"""Serve an ASGI app with N uvicorn worker processes, each on its own `SO_REUSEPORT` socket.

    python -m bench.reuseport api.main:create_app --factory --port 8000 --workers 2

`uvicorn --workers N` shares one listening socket between its workers, and the first worker whose event loop wakes
accepts every connection pending (asyncio accepts up to a backlog's worth per wake-up). wrk opens its 32 keep-alive
connections at once, so one worker often got all of them and the other none — measured with `ss` during runs:
31/2, 32/0, 23/9, 5/27 — and a run's throughput depended on that draw (reading 50 entries: 84 to 196 req/s on the
same code). With a socket per worker the kernel spreads connections by their address hash, for the service and the
baseline alike. The benchmark starts both this way; uvicorn itself is unchanged (`Config` and `Server.run`).
"""

from __future__ import annotations

import argparse
import multiprocessing
import signal
import socket
import sys
from types import FrameType

import uvicorn


def _listen(host: str, port: int) -> socket.socket:
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEPORT, 1)
    sock.bind((host, port))
    sock.listen(2048)
    sock.set_inheritable(True)
    return sock


def _worker(target: str, factory: bool, host: str, port: int) -> None:
    config = uvicorn.Config(target, factory=factory, host=host, port=port, log_level="warning", access_log=False)
    uvicorn.Server(config).run(sockets=[_listen(host, port)])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("target")
    parser.add_argument("--factory", action="store_true")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()
    context = multiprocessing.get_context("spawn")
    workers = [
        context.Process(target=_worker, args=(args.target, args.factory, args.host, args.port))
        for _ in range(args.workers)
    ]
    for w in workers:
        w.start()

    def stop(signum: int, _frame: FrameType | None) -> None:
        for w in workers:
            if w.is_alive():
                w.terminate()  # SIGTERM: uvicorn finishes what it is serving, then exits

    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)
    for w in workers:
        w.join()
    return max((w.exitcode or 0 for w in workers), default=0)


if __name__ == "__main__":
    sys.exit(main())
