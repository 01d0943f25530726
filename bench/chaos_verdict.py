"""One drill run and judged: the load, the fault, the watch on the gateway's recovery,
the wait until it holds everything, then what was lost or doubled (the verdict ``chaos.py``
describes).
"""

from __future__ import annotations

import asyncio
import time
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from chaos_city import City
from chaos_drills import Inject, Scale
from chaos_ledger import Event, Ledger
from chaos_load import Load

PUBLISHED = "vn.qcdc.publicity.posting.published.v1"
DETECTED = "vn.qcdc.oversight.violation.detected.v1"
SHOWN = 20  # ids and reasons kept per drill in the results
SAMPLES = 5  # kinds of failed answers kept per drill
RETRY_WAIT = 150.0  # Load.stop's default: the retries under way end by then


def unanswered_late_postings(ledger: Ledger, load: Load) -> set[str]:
    """Late postings whose publication the ward committed and oversight has not answered."""
    late = {write.key for write in load.writes if write.kind == "posting" and write.late}
    events = ledger.committed.values()
    published = {e.aggregate for e in events if e.type == PUBLISHED and e.aggregate in late}
    return published - {e.about for e in events if e.type == DETECTED}


@dataclass
class Recovery:
    seconds: float | None = None
    # [seconds after the fault's end, how many of those events the gateway lacked then], at
    # most one a second.
    behind: list[list[float]] = field(default_factory=list)


async def recovery(
    ledger: Ledger, ended_at: float, limit: float, found: Recovery, *, lost_before: set[str]
) -> None:
    """Seconds from ``ended_at`` until the gateway holds what the wards had committed then
    (but what an earlier drill lost)."""
    await ledger.refresh()
    wanted = set(ledger.committed) - lost_before
    while missing := ledger.missing(wanted):
        elapsed = time.monotonic() - ended_at
        if elapsed > limit:
            return
        last = found.behind[-1] if found.behind else [-1.0, -1]
        if last[1] != len(missing) and elapsed - last[0] >= 1.0:
            found.behind.append([round(elapsed, 1), len(missing)])
        await asyncio.sleep(0.2)
        await ledger.refresh()
    found.seconds = round(time.monotonic() - ended_at, 2)


async def settle(ledger: Ledger, load: Load, before: set[str], limit: float) -> bool:
    """Until the gateway holds every event of the drill and oversight has answered every late
    posting (whose violations are events of the drill too)."""
    deadline = time.monotonic() + limit
    while True:
        await ledger.refresh()
        drill = set(ledger.committed) - before
        if not ledger.missing(drill) and not unanswered_late_postings(ledger, load):
            return True
        if time.monotonic() > deadline:
            return False
        await asyncio.sleep(0.5)


async def run_drill(
    city: City, ledger: Ledger, index: int, inject: Inject, scale: Scale, rate: float
) -> dict[str, Any]:
    await ledger.refresh()
    before = set(ledger.committed)
    lost_before = ledger.missing()  # empty unless an earlier drill failed
    load = Load(city, tag=f"d{index}", rate=rate)
    load.start()
    try:
        await asyncio.sleep(scale.warm)
        fault = await inject(city, scale)
        limit = scale.after + RETRY_WAIT + scale.settle_limit
        found = Recovery()
        recovering = asyncio.create_task(
            recovery(ledger, fault.ended_at, limit, found, lost_before=lost_before)
        )
        await asyncio.sleep(scale.after)
    except BaseException:  # Ctrl-C: no waiting for retries
        await load.stop(limit=0)
        raise
    await load.stop()
    settled = await settle(ledger, load, before, scale.settle_limit)
    if not settled:
        recovering.cancel()
    await asyncio.gather(recovering, return_exceptions=True)
    await ledger.refresh()
    verdict = await asyncio.to_thread(judge, ledger, load, before)
    return {
        "fault": fault.what,
        "passed": fault.applied
        and settled
        and found.seconds is not None
        and not verdict["lost"]
        and not verdict["doubled"],
        "committed": verdict.pop("committed"),
        "lost": verdict.pop("lost"),
        "doubled": verdict.pop("doubled"),
        "recovery_s": found.seconds,
        "settled": settled,
        "behind": found.behind,
        **verdict,
        **fault.notes,
    }


def effect(event: Event) -> tuple[str, str, str, int | None]:
    return (event.database, event.aggregate, event.type, event.sequence)


def judge(ledger: Ledger, load: Load, before: set[str]) -> dict[str, Any]:
    drill = {eid: event for eid, event in ledger.committed.items() if eid not in before}
    lost: list[str] = [f"event {eid} ({drill[eid].type})" for eid in ledger.missing(set(drill))]
    doubled = [f"event {eid} held {n} times" for eid in drill if (n := ledger.held[eid]) > 1]
    # One aggregate's event of one type and sequence committed twice: an effect applied twice.
    effects = Counter(effect(event) for event in ledger.committed.values())
    for key in sorted({effect(event) for event in drill.values()}, key=str):
        if effects[key] > 1:
            database, aggregate, type_, sequence = key
            doubled.append(f"{database} {aggregate}: {type_} #{sequence} x{effects[key]}")
    writes = {kind: Counter[str]() for kind in ("petition", "group", "posting")}
    for ward in load.city.wards:
        filed = ledger.petitions(ward, f"chaos {load.tag} {ward} ")
        groups = ledger.groups(ward, f"CX-{load.tag}-")
        writes["petition"]["in_wards"] += sum(filed.values())
        writes["group"]["in_wards"] += len(groups)
        for write in (w for w in load.writes if w.ward == ward):
            tally = writes[write.kind]
            tally[write.outcome if write.key else "not_created"] += 1
            tally["retried"] += write.attempts > 1
            if write.kind == "petition":
                times = filed.get(write.key, 0)
                if times > 1:
                    doubled.append(f"petition {write.key!r} filed {times} times")
                if write.outcome == "acked" and not times:
                    lost.append(f"petition {write.key!r}: answered 201, not in the ward")
                if write.outcome != "acked" and times:
                    tally[f"{write.outcome}_yet_committed"] += 1
            elif write.kind == "group" and write.outcome == "acked" and write.key not in groups:
                lost.append(f"group {write.key}: answered, not in the ward")
    published = {e.aggregate for e in drill.values() if e.type == PUBLISHED}
    writes["posting"]["published_in_wards"] = len(published)
    for write in load.writes:
        if write.kind == "posting" and write.outcome == "acked" and write.key not in published:
            lost.append(f"posting {write.key}: published over HTTP, no posting.published")
    lost += [
        f"late posting {key}: no violation detected"
        for key in sorted(unanswered_late_postings(ledger, load))
    ]
    return {
        "committed": len(drill),
        "lost": len(lost),
        "doubled": len(doubled),
        "lost_detail": lost[:SHOWN],
        "doubled_detail": doubled[:SHOWN],
        "unsent_outbox_rows": ledger.unsent(),
        "writes": {f"{kind}s": dict(sorted(tally.items())) for kind, tally in writes.items()},
        "failures_seen": dict(
            Counter(w.detail for w in load.writes if w.detail).most_common(SAMPLES)
        ),
    }
