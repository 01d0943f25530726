"""The steady load the drills run under: citizens' and officers' writes over HTTP, each
kept with its outcome, so the verdict can set what was answered against what the wards hold.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import itertools
import time
from dataclasses import dataclass, field
from typing import Any

import httpx
from chaos_city import City

from qcdc_shared.auth import mint_development_token
from qcdc_shared.settings import Settings

VN = dt.timezone(dt.timedelta(hours=7))
RETRY_LIMIT_SECONDS = 120.0  # an idempotent write is retried this long, then given up

# Per ward, five writes in turn: three petitions, a residential group, a posting (every other
# one late, so oversight's detector answers it with a violation.detected of its own).
MIX = ("petition", "petition", "posting", "petition", "group")


@dataclass
class Write:
    kind: str
    ward: str
    key: str  # the petition's title, the group's code, the posting's id
    outcome: str = "pending"  # acked | not_sent | unknown | refused | given_up
    attempts: int = 0
    late: bool = False
    detail: str = ""


def _failure(error: httpx.HTTPError) -> str:
    """Nothing was sent when the connection could not be made; otherwise the request may have
    committed before the answer was lost, and only the database can say."""
    if isinstance(error, httpx.ConnectError | httpx.ConnectTimeout | httpx.PoolTimeout):
        return "not_sent"
    return "unknown"


@dataclass
class Load:
    """Writes at a steady rate, open loop: a dead or slow service does not slow the schedule,
    its writes fail and are counted. A petition has no idempotency key, so it is never retried
    (a blind retry could file it twice, the very doubling the drills look for); a group (its
    code) and a posting's publication are idempotent by nature (409 once done), so they are
    retried until answered."""

    city: City
    tag: str
    rate: float
    writes: list[Write] = field(default_factory=list)
    _tasks: set[asyncio.Task[None]] = field(default_factory=set)
    _running: asyncio.Task[None] | None = None

    def __post_init__(self) -> None:
        settings = Settings()
        citizen = mint_development_token(settings, role="citizen", sub="chaos-citizen")
        self._citizen = {"Authorization": f"Bearer {citizen}"}
        self._officer = {
            ward: {
                "Authorization": "Bearer "
                + mint_development_token(settings, role="officer", ward=ward, sub="chaos-officer")
            }
            for ward in self.city.wards
        }
        self._client = httpx.AsyncClient(timeout=10.0, limits=httpx.Limits(max_connections=200))

    def start(self) -> None:
        self._running = asyncio.create_task(self._schedule())

    async def stop(self, limit: float = RETRY_LIMIT_SECONDS + 30) -> None:
        """No new writes; the ones under way (retries included) end or are given up."""
        if self._running is not None:
            self._running.cancel()
            await asyncio.gather(self._running, return_exceptions=True)
        if self._tasks:
            _, late = await asyncio.wait(self._tasks, timeout=limit)
            for task in late:
                task.cancel()
            await asyncio.gather(*late, return_exceptions=True)
        await self._client.aclose()

    async def _schedule(self) -> None:
        began = time.monotonic()
        for tick in itertools.count():
            await asyncio.sleep(max(0.0, began + tick / self.rate - time.monotonic()))
            ward = self.city.wards[tick % len(self.city.wards)]
            kind = MIX[(tick // len(self.city.wards)) % len(MIX)]
            write = Write(kind, ward, key="", late=kind == "posting" and tick % 4 < 2)
            self.writes.append(write)
            task = asyncio.create_task(self._write(write, tick))
            self._tasks.add(task)
            task.add_done_callback(self._tasks.discard)

    async def _write(self, write: Write, tick: int) -> None:
        try:
            if write.kind == "petition":
                await self._petition(write, tick)
            elif write.kind == "group":
                await self._group(write, tick)
            else:
                await self._posting(write, tick)
        except asyncio.CancelledError:
            write.outcome = "given_up" if write.outcome == "pending" else write.outcome
            raise

    async def _post(self, write: Write, url: str, headers: dict[str, str], body: Any) -> Any:
        """One attempt: the response, or the outcome the failure implies."""
        write.attempts += 1
        try:
            return await self._client.post(url, headers=headers, json=body)
        except httpx.HTTPError as error:
            write.detail = type(error).__name__
            return _failure(error)

    async def _petition(self, write: Write, tick: int) -> None:
        write.key = f"chaos {self.tag} {write.ward} {tick}"
        body = {
            "kind": "feedback",
            "title": write.key,
            "body": "Đèn đường hỏng — a chaos drill's petition.",
            "petitioner": {"name": "Người Thử Nghiệm", "address": "1 Lê Lợi"},
        }
        url = self.city.url(write.ward, "petitions") + "/petitions"
        answer = await self._post(write, url, self._citizen, body)
        write.outcome = _outcome(write, answer, done=(201,))

    async def _group(self, write: Write, tick: int) -> None:
        write.key = f"CX-{self.tag}-{tick}"
        body = {"code": write.key, "name": f"Tổ {tick}", "households": 10 + tick % 90}
        url = self.city.url(write.ward, "plans") + "/groups"
        await self._until_answered(write, url, body, done=(201, 409))

    async def _posting(self, write: Write, tick: int) -> None:
        today = dt.datetime.now(VN).date()
        body = {
            "category": 1,
            "title": f"chaos {self.tag} {tick}",
            "body": "Kế hoạch — a chaos drill's posting.",
            "channels": ["portal"],
            "decided_on": (today - dt.timedelta(days=90) if write.late else today).isoformat(),
        }
        base = self.city.url(write.ward, "publicity")
        answer = await self._post(write, base + "/postings", self._officer[write.ward], body)
        if not isinstance(answer, httpx.Response) or answer.status_code != 201:
            # A draft publishes nothing: one whose creation failed is simply not published.
            write.outcome = "given_up"
            return
        write.key = answer.json()["id"]
        write.attempts = 0  # what is retried is the publication
        await self._until_answered(write, f"{base}/postings/{write.key}/publish", None, (200, 409))

    async def _until_answered(
        self, write: Write, url: str, body: Any, done: tuple[int, ...]
    ) -> None:
        deadline = time.monotonic() + RETRY_LIMIT_SECONDS
        pause = 0.5
        while True:
            answer = await self._post(write, url, self._officer[write.ward], body)
            write.outcome = _outcome(write, answer, done)
            if write.outcome in ("acked", "refused") or time.monotonic() > deadline:
                return
            await asyncio.sleep(pause)
            pause = min(pause * 2, 4.0)


def _outcome(write: Write, answer: Any, done: tuple[int, ...]) -> str:
    if not isinstance(answer, httpx.Response):
        return str(answer)
    if answer.status_code in done:
        return "acked"
    write.detail = f"{answer.status_code} {answer.text[:160]}"
    # 5xx: the service failed somewhere, perhaps after its commit; the database will say.
    return "unknown" if answer.status_code >= 500 else "refused"
