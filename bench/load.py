"""The httpx load driver, for the two scenarios whose logic wrk cannot express (`bench/wrk.py` drives the others):
patient clients that wait the `Retry-After` they are given, then a recovery streak (`overload`), and a read loop that
runs exactly as long as another operation (`drive_until`)."""

from __future__ import annotations

import asyncio
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from typing import Any

import httpx

#: (method, path, json body or None, headers)
Request = tuple[str, str, Any, dict[str, str]]
MakeRequest = Callable[[int], Request]
#: Idle connections expire before uvicorn's keep-alive (5 s) closes them, so none is reused as the server closes it.
KEEPALIVE = 2.0


@dataclass
class LoadResult:
    requests: int
    errors: int
    seconds: float
    throughput: float
    p50_ms: float
    p99_ms: float
    statuses: dict[str, int] = field(default_factory=dict)
    latencies: list[float] = field(default_factory=list, repr=False)
    #: Answers 429/503 with Retry-After that a patient client waited out: neither latencies, statuses nor errors.
    refused: int = 0

    def as_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d.pop("latencies")
        return d


def summarise(latencies: list[float], errors: int, window: float, statuses: Counter[str]) -> LoadResult:
    return LoadResult(
        requests=len(latencies),
        errors=errors,
        seconds=round(window, 3),
        throughput=round(len(latencies) / window, 1) if window > 0 else 0.0,
        p50_ms=round(percentile(latencies, 50) * 1000, 2),
        p99_ms=round(percentile(latencies, 99) * 1000, 2),
        statuses=dict(statuses),
        latencies=latencies,
    )


def percentile(values: list[float], q: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(q / 100 * len(ordered) + 0.5) - 1))
    return ordered[index]


async def _drive(
    base_url: str,
    make: MakeRequest,
    *,
    clients: int,
    warmup: float,
    duration: float,
    ok: tuple[int, ...],
    stop: asyncio.Event | None,
    patient: bool = False,
    timeout: float = 60.0,
) -> LoadResult:
    """`patient`: clients as partner systems are asked to be — on 429/503 with Retry-After they wait, then ask
    again; such answers are counted in `refused` only."""
    limits = httpx.Limits(max_connections=clients, max_keepalive_connections=clients, keepalive_expiry=KEEPALIVE)
    latencies: list[float] = []
    statuses: Counter[str] = Counter()
    errors = 0
    refused = 0
    counter = 0
    async with httpx.AsyncClient(base_url=base_url, limits=limits, timeout=timeout) as client:
        started = time.perf_counter()
        measure_from = started + warmup
        until = measure_from + duration

        async def worker() -> None:
            nonlocal errors, refused, counter
            while True:
                now = time.perf_counter()
                if (stop is not None and stop.is_set()) or (stop is None and now >= until):
                    return
                counter += 1
                method, path, body, headers = make(counter)
                t0 = time.perf_counter()
                try:
                    response = await client.request(method, path, json=body, headers=headers)
                    status = str(response.status_code)
                    good = response.status_code in ok
                except httpx.HTTPError as exc:
                    status, good = type(exc).__name__, False
                t1 = time.perf_counter()
                wait = response.headers.get("retry-after", "") if not good and status in ("429", "503") else ""
                if patient and wait.isdigit():
                    refused += 1
                    await asyncio.sleep(min(float(wait), max(0.0, until - time.perf_counter())))
                elif t0 >= measure_from:
                    latencies.append(t1 - t0)
                    statuses[status] += 1
                    if not good:
                        errors += 1

        await asyncio.gather(*(worker() for _ in range(clients)))
        window = time.perf_counter() - measure_from
    result = summarise(latencies, errors, window, statuses)
    result.refused = refused
    return result


async def drive_until(
    base_url: str, make: MakeRequest, stop: asyncio.Event, *, clients: int = 4, ok: tuple[int, ...] = (200,)
) -> LoadResult:
    """Run the load until `stop` is set (no warm-up): a read loop alongside a long operation."""
    return await _drive(base_url, make, clients=clients, warmup=0.0, duration=0.0, ok=ok, stop=stop)


@dataclass
class OverloadResult:
    """An overload and what followed it."""

    admitted: LoadResult  # its `refused`: the answers 503 or 429 with Retry-After
    recovered_seconds: float | None  # from the end of the overload to the first of `streak` good answers in a row

    @property
    def failed(self) -> dict[str, int]:
        """Anything but a success or a refusal with Retry-After: other statuses, transport errors, timeouts."""
        return {s: n for s, n in self.admitted.statuses.items() if not (s.isdigit() and 200 <= int(s) < 300)}


async def _recovery(
    base_url: str, make: MakeRequest, *, good_latency: float, streak: int, patience: float
) -> float | None:
    """One client asks again and again until `streak` answers in a row are 2xx within `good_latency`: how long that
    took to begin, or None after `patience` seconds."""
    ended = time.perf_counter()
    good = 0
    first_good = ended
    limits = httpx.Limits(keepalive_expiry=KEEPALIVE)
    async with httpx.AsyncClient(base_url=base_url, timeout=patience, limits=limits) as client:
        while time.perf_counter() - ended < patience:
            method, path, body, headers = make(good)
            t0 = time.perf_counter()
            try:
                response = await client.request(method, path, json=body, headers=headers)
                ok = 200 <= response.status_code < 300 and time.perf_counter() - t0 <= good_latency
            except httpx.HTTPError:
                ok = False
            if not ok:
                good = 0
                continue
            good += 1
            if good == 1:
                first_good = t0
            if good == streak:
                return max(0.0, first_good - ended)
    return None


def overload(
    base_url: str,
    make: MakeRequest,
    *,
    clients: int,
    duration: float,
    good_latency: float,
    streak: int = 5,
    patience: float = 30.0,
) -> OverloadResult:
    """`clients` patient closed-loop clients for `duration` seconds; then how long until the service answers
    normally again."""

    async def run() -> OverloadResult:
        admitted = await _drive(
            base_url,
            make,
            clients=clients,
            warmup=0.0,
            duration=duration,
            ok=(200, 201),
            stop=None,
            patient=True,
            timeout=patience,
        )
        recovered = await _recovery(base_url, make, good_latency=good_latency, streak=streak, patience=patience)
        return OverloadResult(admitted, recovered)

    return asyncio.run(run())
