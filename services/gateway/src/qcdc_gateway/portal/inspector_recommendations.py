"""Recommendations and their answers with the OVS-ANSWER clock: ``/p/{ward}/giam-sat/kien-nghi``.

Who does what is the oversight service's (api/recommendations.py): the board (inspector)
proposes; the Front confirms, which issues it and starts the clock; the Front (or an officer)
records the committee's receipt, from which the clock counts again; an officer answers. The
page offers each role its own forms only; the service still decides.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, Final
from urllib.parse import quote

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response

from qcdc_gateway.portal.inspector_common import show
from qcdc_gateway.portal.rendering import translator
from qcdc_gateway.portal.staff import (
    OVERSIGHT,
    after,
    answering,
    create,
    cursor,
    gate,
    posted,
    read_page,
    refused_status,
    rule_figure,
    send,
    today,
    typed_of,
    with_optional,
)
from qcdc_shared.auth import Principal, public
from qcdc_shared.law.deadlines import VN_TZ
from qcdc_shared.registry import Ward

router = APIRouter()

ANSWER: Final = "OVS-ANSWER"
FIELDS: Final = ("title", "body", "addressed_to", "inspection_id")
# What the oversight service may leave out of a recommendation; the templates test each.
OPTIONAL: Final = (
    "title",
    "body",
    "addressed_to",
    "status",
    "inspection_id",
    "issued_at",
    "received_at",
    "answer_deadline",
    "escalated_at",
    "answer",
    "accepted",
    "answered_at",
)


def _day(value: object) -> dt.date | None:
    if not isinstance(value, str):
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        return None


def clock(item: dict[str, Any], on: dt.date) -> dict[str, Any]:
    """Where a recommendation's OVS-ANSWER clock stands ``on`` a day (the shared clock's
    today): not running (proposed, or no readable deadline), days left, due today, overdue
    (past its due day even before the service's sweep sets ``overdue``), or answered on time
    or late (the service's verdicts)."""
    deadline = item.get("answer_deadline")
    due = _day(deadline.get("due")) if isinstance(deadline, dict) else None
    if item.get("status") == "proposed" or due is None:
        return {"state": "waiting", "days": None, "due": None}
    if item.get("status") == "answered":
        return {"state": "on_time" if item.get("on_time") else "late", "days": None, "due": due}
    left = (due - on).days
    if item.get("overdue") or left < 0:
        return {"state": "overdue", "days": None, "due": due}
    return {"state": "today" if left == 0 else "days_left", "days": left, "due": due}


def recommendation_view(item: dict[str, Any], on: dt.date) -> dict[str, Any]:
    return {**with_optional(item, OPTIONAL), "clock": clock(item, on)}


async def recommendations_page(
    request: Request,
    found: Ward,
    principal: Principal,
    *,
    typed: dict[str, str] | None = None,
    error: dict[str, str] | None = None,
    status_code: int = 200,
) -> Response:
    page = await read_page(request, found, "oversight", "/recommendations", params=cursor(request))
    on = today(request)
    if typed is None:
        typed = {
            "title": "",
            "body": "",
            "addressed_to": translator(request)("oversight.rec.field.to.default"),
            "inspection_id": request.query_params.get("kiem-tra", "")[:64],
        }
    return show(
        request,
        "portal_oversight_recommendations.html",
        {
            "ward": found,
            "recommendations": [recommendation_view(r, on) for r in page["items"]],
            "total": page["total"],
            "next_cursor": page["next_cursor"],
            "figure": rule_figure(request, ANSWER),
            "role": principal.role,
            "typed": typed,
            "error": error,
        },
        status_code=status_code,
    )


@router.get("/giam-sat/kien-nghi", response_class=HTMLResponse, **public())
@answering
async def recommendations(ward: str, request: Request) -> Response:
    found, principal = gate(request, ward, OVERSIGHT)
    return await recommendations_page(request, found, principal)


@router.post("/giam-sat/kien-nghi", **public())
@answering
async def propose(ward: str, request: Request) -> Response:
    found, principal, form = await posted(request, ward, OVERSIGHT)
    typed = typed_of(form, FIELDS)
    path = "/recommendations"
    made = await create(request, found, "oversight", path, typed, optional={"inspection_id"})
    if isinstance(made, str):
        return after(f"/p/{ward}/giam-sat/kien-nghi", "proposed", f"r-{quote(made, safe='')}")
    return await recommendations_page(
        request,
        found,
        principal,
        typed=typed,
        error={"form": "propose", "message": made.message(translator(request).lang)},
        status_code=refused_status(made),
    )


@router.post("/giam-sat/kien-nghi/{recommendation_id}/xac-nhan", **public())
@answering
async def confirm(ward: str, recommendation_id: str, request: Request) -> Response:
    """The Front confirms: the recommendation is issued and OVS-ANSWER starts."""
    found, principal, _ = await posted(request, ward, OVERSIGHT)
    path = f"/recommendations/{quote(recommendation_id, safe='')}/confirm"
    reply = await send(request, found, "oversight", path)
    if reply.ok:
        return after(f"/p/{ward}/giam-sat/kien-nghi", "confirmed", f"r-{recommendation_id}")
    return await recommendations_page(
        request,
        found,
        principal,
        error={
            "form": f"confirm-{recommendation_id}",
            "message": reply.message(translator(request).lang),
        },
        status_code=refused_status(reply),
    )


def received_at(typed: str) -> str:
    """A ``datetime-local`` value as the ward's local time (Asia/Ho_Chi_Minh), ISO 8601."""
    moment = dt.datetime.fromisoformat(typed)
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=VN_TZ)
    return moment.isoformat()


@router.post("/giam-sat/kien-nghi/{recommendation_id}/da-nhan", **public())
@answering
async def receive(ward: str, recommendation_id: str, request: Request) -> Response:
    """The committee's receipt (the Front records it): OVS-ANSWER counts from it."""
    found, principal, form = await posted(request, ward, OVERSIGHT)
    typed = form.get("received_at", "").strip()
    t = translator(request)
    message: str | None = None
    body: dict[str, str] = {}
    if typed:
        try:
            body["received_at"] = received_at(typed)
        except ValueError:
            message = t("oversight.rec.receipt.malformed")
    status_code = 422
    if message is None:
        path = f"/recommendations/{quote(recommendation_id, safe='')}/received"
        reply = await send(request, found, "oversight", path, body)
        if reply.ok:
            return after(f"/p/{ward}/giam-sat/kien-nghi", "received", f"r-{recommendation_id}")
        message, status_code = reply.message(t.lang), refused_status(reply)
    return await recommendations_page(
        request,
        found,
        principal,
        error={"form": f"receipt-{recommendation_id}", "message": message, "typed": typed},
        status_code=status_code,
    )
