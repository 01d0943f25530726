"""The ward officer's pages under /p/{ward}/can-bo: the home of work queues ordered by the
legal clock, and (in their own modules) the steps on petitions, postings, decisions and tasks.

The queues are read with the officer's own token: the petitions still in the ward's hands
(received, accepted, assigned, suspended) in the order the law presses them — overdue first,
then due today, then escalated to the city, then the rest by their nearest deadline — and the
citizen-reception visits still waiting for the reply REC-REPLY requires.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any, Final

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response

from qcdc_gateway.portal import officer_petitions, officer_plans, officer_postings
from qcdc_gateway.portal.common import now_of, reader_of, unavailable
from qcdc_gateway.portal.rendering import render
from qcdc_gateway.portal.session import session_token
from qcdc_gateway.portal.staff import (
    OFFICER,
    Refusal,
    answering,
    gate,
    instant,
    items_of,
    open_deadlines,
    read,
)
from qcdc_gateway.portal.wards import ServiceUnavailable, WardReader
from qcdc_shared.auth import public
from qcdc_shared.law.deadlines import local_date
from qcdc_shared.registry import Ward

router = APIRouter(prefix="/p/{ward}", tags=["portal"], include_in_schema=False)

# The statuses in which a petition is still the ward's work (the rest are done or closed).
OPEN_STATUSES: Final = ("received", "accepted", "assigned", "suspended")
# Reading bounds, not legal figures: the service's page-size cap, and how many pages of each
# status a queue reads (a ward's open petitions fit many times over).
PAGE: Final = 200
PAGES_PER_STATUS: Final = 5
# How far back the page looks for reception sessions whose visits may still await a reply,
# and how many sessions it opens: a screen's bounds, not a legal period.
RECEPTION_LOOKBACK: Final = dt.timedelta(weeks=26)
RECEPTIONS_OPENED: Final = 60


@dataclass
class Queue:
    overdue: list[dict[str, Any]] = field(default_factory=list)
    due_today: list[dict[str, Any]] = field(default_factory=list)
    escalated: list[dict[str, Any]] = field(default_factory=list)
    rest: list[dict[str, Any]] = field(default_factory=list)

    @property
    def total(self) -> int:
        return len(self.overdue) + len(self.due_today) + len(self.escalated) + len(self.rest)


def queue_item(petition: dict[str, Any]) -> dict[str, Any]:
    """A petition with its nearest running deadline (none while a complaint is suspended)."""
    running = (
        []
        if petition.get("status") == "suspended"
        else open_deadlines(petition.get("deadlines", []))
    )
    return {**petition, "next": running[0] if running else None}


def petition_queue(petitions: list[dict[str, Any]], now: dt.datetime) -> Queue:
    """Each open petition in the first group that fits it, each group soonest deadline first
    (the most overdue first); a petition without a running clock ends the rest."""
    queue = Queue()
    today = local_date(now)
    for petition in petitions:
        item = queue_item(petition)
        due = instant(item["next"]["due_at"]) if item["next"] else None
        if due is not None and due < now:
            queue.overdue.append(item)
        elif due is not None and local_date(due) == today:
            queue.due_today.append(item)
        elif petition.get("escalated"):
            queue.escalated.append(item)
        else:
            queue.rest.append(item)
    for group in (queue.overdue, queue.due_today, queue.escalated, queue.rest):
        group.sort(key=_clock_key)
    return queue


def _clock_key(item: dict[str, Any]) -> tuple[int, dt.datetime, str]:
    due = instant(item["next"]["due_at"]) if item["next"] else None
    if due is None:
        return (1, dt.datetime.max.replace(tzinfo=dt.UTC), str(item.get("received_at", "")))
    return (0, due, str(item.get("received_at", "")))


async def _open_petitions(request: Request, ward: Ward) -> list[dict[str, Any]]:
    """Every open petition (or :class:`Refusal` when the service says no)."""
    found: list[dict[str, Any]] = []
    for status in OPEN_STATUSES:
        cursor: str | None = None
        for _ in range(PAGES_PER_STATUS):
            params: dict[str, Any] = {"status": status, "limit": PAGE}
            if cursor:
                params["cursor"] = cursor
            body = await read(request, ward, "petitions", "/petitions", params=params)
            found.extend(items_of(body))
            cursor = body.get("next_cursor") if isinstance(body, dict) else None
            if not cursor:
                break
    return found


async def awaiting_replies(
    reader: WardReader, ward: str, token: str | None, now: dt.datetime
) -> list[dict[str, Any]] | None:
    """Reception visits of recent sessions with no reply yet, soonest reply deadline first;
    None when the sessions cannot be read."""
    today = local_date(now)
    params = {
        "from": (today - RECEPTION_LOOKBACK).isoformat(),
        "to": today.isoformat(),
        "limit": RECEPTIONS_OPENED,
    }
    listed = await reader.get(ward, "petitions", "/receptions", params=params, token=token)
    if not listed.ok:
        return None
    waiting: list[dict[str, Any]] = []
    for session in items_of(listed):
        detail = await reader.get(ward, "petitions", f"/receptions/{session['id']}", token=token)
        if not detail.ok or not isinstance(detail.body, dict):
            continue
        for entry in detail.body.get("entries", []):
            if isinstance(entry, dict) and entry.get("reply") is None:
                waiting.append({**entry, "session_on": session.get("session_on")})
    far = dt.datetime.max.replace(tzinfo=dt.UTC)
    waiting.sort(key=lambda e: instant((e.get("reply_deadline") or {}).get("due_at")) or far)
    return waiting


@router.get("/can-bo", response_class=HTMLResponse, **public())
@answering
async def officer_home(ward: str, request: Request) -> Response:
    found, _ = gate(request, ward, OFFICER)
    now = now_of(request)
    petitions = await _open_petitions(request, found)
    try:
        entries = await awaiting_replies(reader_of(request), ward, session_token(request), now)
    except ServiceUnavailable as down:
        raise Refusal(unavailable(request, found, down)) from None
    queue = petition_queue(petitions, now)
    return render(
        request,
        "portal_officer_home.html",
        {
            "ward": found,
            "queue": queue,
            "entries": entries,
            "now": now,
            "today": local_date(now),
        },
    )


for area in (officer_petitions, officer_postings, officer_plans):
    router.include_router(area.router)
