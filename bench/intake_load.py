"""The intake load: petitions posted over HTTP by many clients at once, timed from outside.

One driver for both sides of ``intake_ratio`` (a ward's petitions service and the bare
FastAPI endpoint of ``bare_apps.py``), so they get the same body, the same clients, the same
warm-up and the same failures rule, and only the server differs.
"""

from __future__ import annotations

import asyncio
import itertools
import time
from collections.abc import Callable
from dataclasses import dataclass

import httpx
from figures import Scale, Stopwatch, percentile
from process_tools import cpu_s

from qcdc_shared.auth import mint_development_token
from qcdc_shared.settings import Settings

# As the petitions service's own tests send it (qcdc_petitions.testing).
PETITION = {
    "kind": "feedback",
    "title": "Đèn đường hỏng",
    "body": "Đèn đường trước số 12 Lê Lợi hỏng đã hai tuần.",
    "petitioner": {
        "name": "Nguyễn Thị Tố Cáo",
        "address": "12 Lê Lợi, phường Bến Thành",
        "phone": "0903123456",
        "id_number": "079123456789",
    },
}


@dataclass
class Intake:
    count: int
    seconds: float
    latencies_s: list[float]
    server_cpu_s: float  # what the server process spent on them: the cost, apart from waiting
    busy_retries: int = 0  # 503s (the database busy) sent again after Retry-After, warm-up too

    @property
    def per_second(self) -> float:
        return self.count / self.seconds

    def detail(self) -> dict[str, float]:
        return {
            "per_s": round(self.per_second, 1),
            "p50_ms": round(percentile(self.latencies_s, 0.50) * 1000, 1),
            "p99_ms": round(percentile(self.latencies_s, 0.99) * 1000, 1),
            "server_cpu_ms_each": round(self.server_cpu_s / self.count * 1000, 2),
            "busy_retries": self.busy_retries,
        }


def citizens(clients: int) -> list[dict[str, str]]:
    """A development token per client, signed as the city's services verify them (both read
    QCDC_JWT_KEY from this environment, else the development key)."""
    settings = Settings()
    return [
        {
            "Authorization": "Bearer "
            + mint_development_token(settings, role="citizen", sub=f"bench-{n}")
        }
        for n in range(clients)
    ]


async def intake(url: str, *, server: int, scale: Scale) -> Intake:
    """``scale.intake_petitions`` petitions posted by ``scale.intake_clients`` clients at once,
    each with its own connection and token, to the process ``server``. A 503 (the database
    busy: nothing stored) is sent again after its Retry-After, as the portal's citizen would,
    and its latency runs from the first try; any other answer but 2xx fails the figure."""
    headers = citizens(scale.intake_clients)
    failures: list[str] = []
    busy = itertools.count()

    async def post(http: httpx.AsyncClient) -> float:
        sent = time.perf_counter()
        while True:
            try:
                answer = await http.post("/petitions", json=PETITION)
            except httpx.TransportError as error:  # counted with the others, never retried
                failures.append(f"{type(error).__name__}: {error}")
                break
            if answer.status_code == 503 and "retry-after" in answer.headers:
                next(busy)
                await asyncio.sleep(float(answer.headers["retry-after"]))
                continue
            if not answer.is_success:
                failures.append(f"{answer.status_code} {answer.text[:300]}")
            break
        return time.perf_counter() - sent

    async def clients(quota: Callable[[], bool], latencies: list[float]) -> None:
        async def one(header: dict[str, str]) -> None:
            async with httpx.AsyncClient(base_url=url, headers=header, timeout=60.0) as http:
                while quota():
                    latencies.append(await post(http))

        await asyncio.gather(*(one(header) for header in headers))

    # Untimed, on connections of their own: the first petitions pay for the server's lazy
    # work, not what a steady intake costs. Kept-alive connections waiting for the timed
    # phase would meet the server's keep-alive timeout instead.
    warm_up = itertools.count()
    await clients(lambda: next(warm_up) < len(headers), [])
    taken = itertools.count()
    latencies: list[float] = []
    cpu_began = cpu_s(server)
    with Stopwatch() as watch:
        await clients(lambda: next(taken) < scale.intake_petitions, latencies)
    cpu = cpu_s(server) - cpu_began
    if failures:
        raise RuntimeError(f"{len(failures)} petitions failed, first: {failures[0]}")
    retried = next(busy)
    return Intake(scale.intake_petitions, watch.seconds, latencies, cpu, retried)
