"""Playing the wards' scripts against a running city while the shared clock walks forward.

Each step moves the clock to the step's morning, waits until every service follows, plays
every ward's calls of that week (wards in parallel, a ward's calls in order), and then leaves
the sweepers one sweep at that time. After the last step (real time, offset 0) it waits until
the outboxes are empty and the gateway's event log stops growing, so the counts it reports
are the city's settled counts.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import re
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import httpx

from qcdc_demo.builder import RECEPTION
from qcdc_demo.client import DemoError, WardClient
from qcdc_demo.clock import SharedClock
from qcdc_demo.scenario import ward_script
from qcdc_demo.script import Action, Probe, Ref, Week, paths_with_refs, step_instant, walk_days
from qcdc_shared.clock import LOCAL_TZ
from qcdc_shared.readiness import CityState
from qcdc_shared.settings import Settings

# The services sweep every second: a step lasts at least this long, so that a sweep runs at
# each step's time and escalations are dated in the week they fell due.
SWEEP_SECONDS = 1.2
PROBE_TIMEOUT_SECONDS = 20.0
SETTLE_TIMEOUT_SECONDS = 45.0
_PLACEHOLDER = re.compile(r"\{(\w+)\}")


@dataclass
class WardRun:
    client: WardClient
    weeks: list[Week]
    now: Callable[[], dt.datetime]
    saved: dict[str, dict[str, Any]] = field(default_factory=dict)
    counts: Counter[str] = field(default_factory=Counter)
    errors: list[str] = field(default_factory=list)
    skipped: int = 0
    calls: int = 0

    async def play(self, index: int) -> None:
        for action in self.weeks[index].actions:
            if not paths_with_refs(action) <= self.saved.keys():
                self.skipped += 1  # what it needed was refused; that error is reported
                continue
            try:
                await self.perform(action)
            except DemoError as error:
                self.errors.append(f"{self.weeks[index].day}: {error}")

    async def perform(self, action: Action) -> None:
        if action.after:
            await self.probe(action.after)
        path = _PLACEHOLDER.sub(lambda m: str(self.saved[m.group(1)]["id"]), action.path)
        self.calls += 1
        data = await self.client.call(
            "POST", action.service, path, actor=action.actor, body=self.resolve(action.body)
        )
        if action.saves:
            self.saved[action.saves] = data
        if action.counts:
            self.counts[action.counts] += 1

    def resolve(self, value: Any) -> Any:
        if isinstance(value, Ref):
            return self.saved[value.name][value.field]
        if isinstance(value, dict):
            return {key: self.resolve(item) for key, item in value.items()}
        if isinstance(value, list):
            return [self.resolve(item) for item in value]
        return value

    async def probe(self, probe: Probe) -> None:
        try:
            async with asyncio.timeout(PROBE_TIMEOUT_SECONDS):
                while True:  # polling a read: the sweep happens in another process
                    if await self.swept(probe):
                        return
                    await asyncio.sleep(0.1)
        except TimeoutError:
            raise DemoError(
                f"{self.client.ward}: the sweeper never caught up with {probe}"
            ) from None

    async def swept(self, probe: Probe) -> bool:
        call = self.client.call
        item_id = self.saved[probe.ref]["id"] if probe.ref else ""
        if probe.kind == "board":
            return len((await call("GET", "oversight", "/board"))["groups"]) >= probe.count
        if probe.kind == "task":
            task = await call("GET", "plans", f"/tasks/{item_id}")
            return not task["overdue"] or task["overdue_at"] is not None
        if probe.kind == "recommendation":
            rec = await call("GET", "oversight", f"/recommendations/{item_id}")
            return not rec["overdue"] or rec["escalated_at"] is not None
        # PET-ESC: every open deadline already past its end has been escalated.
        petition = await call("GET", "petitions", f"/petitions/{item_id}", actor=RECEPTION)
        now = self.now()
        return all(
            d["rule"] in petition["escalated"]
            for d in petition["deadlines"]
            if d["met"] is None and dt.datetime.fromisoformat(d["due_at"]) < now
        )


@dataclass
class Summary:
    days: list[dt.date]
    wards: dict[str, Counter[str]]
    errors: list[str]
    skipped: int
    seconds: float
    city: dict[str, Any]

    def lines(self) -> list[str]:
        first, last = self.days[0], self.days[-1]
        out = [
            f"Thành phố mẫu — demo city: {len(self.wards)} phường, {len(self.days)} bước "
            f"từ {first:%d/%m/%Y} đến {last:%d/%m/%Y}, {self.seconds:.0f}s"
        ]
        for ward, c in self.wards.items():
            kinds = ("feedback", "complaint", "denunciation", "information_request", "lead")
            petitions = sum(c[k] for k in kinds)
            out.append(
                f"  {ward:<12} {c['group']} tổ dân phố · {c['task']} nhiệm vụ "
                f"({c['task progress']} báo cáo tiến độ) · {c['decision']} biểu quyết · "
                f"{c['conference']} hội nghị · {c['recommendation']} kiến nghị TTND"
            )
            out.append(
                f"  {'':<12} {c['posting']} tin công khai ({c['withdrawal']} gỡ sớm) · "
                f"{c['consultation']} đợt lấy ý kiến ({c['comment']} ý kiến) · {petitions} đơn "
                f"({c['answered on_time']} trả lời đúng hạn, {c['answered late']} trễ hạn)"
            )
        city = self.city
        if city:
            out.append(
                f"  {'city':<12} {city.get('violations_detected')} vi phạm phát hiện · "
                f"{city.get('petitions_escalated')} đơn chuyển thành phố · "
                f"{city.get('recommendations_overdue')} kiến nghị quá hạn"
            )
        if self.errors:
            out.append(f"  ! {len(self.errors)} lời gọi bị từ chối ({self.skipped} bỏ qua):")
            out += [f"    {error}" for error in self.errors[:10]]
        return out


async def build_city(
    topology: dict[str, Any],
    *,
    wards: list[str] | None = None,
    months: int = 5,
    seed: int = 2026,
    settings: Settings | None = None,
    say: Callable[[str], None] = print,
    builder: CityState | None = None,
) -> Summary:
    """Give the running wards ``months`` of history through their APIs, up to the city's
    present (see module doc)."""
    began = time.monotonic()
    running: dict[str, dict[str, str]] = topology["wards"]
    slugs = wards or list(running)
    unknown = [slug for slug in slugs if slug not in running]
    if unknown:
        raise DemoError(f"wards not running in this city: {', '.join(unknown)}")
    settings = settings or Settings()
    async with httpx.AsyncClient(timeout=30.0) as http:
        health = [url for slug in slugs for url in running[slug].values()]
        clock = await SharedClock.connect(topology, http, health, builder)
        try:
            days = walk_days(clock.now().astimezone(LOCAL_TZ).date(), months)
            names = await ward_names(http, topology["gateway"])
            runs: list[WardRun] = []
            for slug in slugs:
                name = names.get(slug, f"Phường {slug}")
                weeks = ward_script(ward=slug, ward_name=name, seed=seed, days=days)
                client = WardClient(http, slug, running[slug], settings, clock.builder.key)
                runs.append(WardRun(client, weeks, now=clock.now))
            for index, day in enumerate(days):
                final = index == len(days) - 1
                await clock.progress(index, len(days))
                await clock.move_to(None if final else step_instant(day))
                step_began = time.monotonic()
                await asyncio.gather(*(run.play(index) for run in runs))
                await asyncio.sleep(max(0.0, SWEEP_SECONDS - (time.monotonic() - step_began)))
                if final or days[index + 1].month != day.month:
                    calls = sum(run.calls for run in runs)
                    say(f"  … {day:%d/%m/%Y}: {calls} lời gọi API — calls so far")
        finally:
            await clock.close()
        await settle(http, topology["gateway"], health)
        city = (await http.get(f"{topology['gateway']}/api/city/indicators")).json()
    return Summary(
        days=days,
        wards={run.client.ward: run.counts for run in runs},
        errors=[error for run in runs for error in run.errors],
        skipped=sum(run.skipped for run in runs),
        seconds=time.monotonic() - began,
        city=dict(city.get("city") or {}),
    )


async def ward_names(http: httpx.AsyncClient, gateway: str) -> dict[str, str]:
    try:
        items = (await http.get(f"{gateway}/api/wards", params={"limit": 200})).json()["items"]
    except (httpx.HTTPError, ValueError, KeyError):
        return {}  # texts then say "Phường <slug>"
    return {item["slug"]: item["name"] for item in items}


async def settle(http: httpx.AsyncClient, gateway: str, health: list[str]) -> None:
    """Until the outboxes are empty and the city's event log has stopped growing."""
    await asyncio.sleep(SWEEP_SECONDS)  # the sweepers' pass at real time
    previous, stable = -1, 0
    try:
        async with asyncio.timeout(SETTLE_TIMEOUT_SECONDS):
            while stable < 3:
                answers = await asyncio.gather(*(http.get(f"{url}/health") for url in health))
                backlog = sum(a.json()["outbox"]["backlog"] for a in answers)
                events = await http.get(f"{gateway}/api/events", params={"limit": 1})
                total = int(events.json()["total"])
                stable = stable + 1 if backlog == 0 and total == previous else 0
                previous = total
                await asyncio.sleep(0.5)
    except TimeoutError:
        pass  # still busy: the summary's city counts may be a little behind
