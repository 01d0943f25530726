"""The residents' decisions and the plan's tasks as the ward's officer works on them, through
the plans service with the officer's token:

- /p/{ward}/can-bo/quyet-dinh: the open decisions (a meeting's tally, then closing, which
  counts the result on all households, DEC-PASS) and the latest closed ones with their
  clocks; a form to open a decision (POST /decisions, /decisions/{id}/tally, /close);
- /p/{ward}/can-bo/ke-hoach: the plan's open tasks by due date with their progress, and per
  task a form to report progress (POST /tasks/{id}/progress).
"""

from __future__ import annotations

from functools import partial
from typing import Any, Final
from urllib.parse import quote

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response

from qcdc_gateway.portal.common import error_page
from qcdc_gateway.portal.rendering import render, translator
from qcdc_gateway.portal.staff import (
    OFFICER,
    Unreadable,
    act,
    answering,
    clean,
    done,
    gate,
    items_of,
    posted,
    read,
    today,
    whole,
)
from qcdc_gateway.portal.texts_civic import DECISION_TOPICS
from qcdc_shared.auth import public
from qcdc_shared.registry import Ward

router = APIRouter(tags=["portal"], include_in_schema=False)

DECISION_ACTIONS: Final = ("tally", "close")
DECISION_FORMS: Final = ("meeting", "ballot", "online")
TALLY: Final = ("yes", "no", "abstain", "present")
PAGE: Final = 200  # the plans service's page-size cap; a reading bound
CLOSED_SHOWN: Final = 20


def decision_body(form: dict[str, str]) -> dict[str, Any]:
    """``DecisionIn`` of the plans service; text as typed, so the service says what is wrong."""
    body: dict[str, Any] = {
        "topic": whole(form.get("topic", "")),
        "title": form.get("title", "").strip(),
        "form": form.get("form", "").strip(),
        "notice_at": form.get("notice_at", "").strip(),
        "vote_at": form.get("vote_at", "").strip(),
    }
    if form.get("households_total", "").strip():
        body["households_total"] = whole(form["households_total"])
    return body | clean(form, "group", "ballot_reason")


def action_body(action: str, form: dict[str, str]) -> dict[str, Any]:
    if action == "tally":
        return {name: whole(form.get(name, "") or "0") for name in TALLY}
    return clean(form, "minutes", "record_received_at")


def progress_body(form: dict[str, str]) -> dict[str, Any]:
    body: dict[str, Any] = {
        "percent": whole(form.get("percent", "")),
        "note": form.get("note", "").strip(),
    }
    evidence = form.get("evidence", "").strip()
    return body | ({"evidence": [evidence]} if evidence else {})


async def _read(
    request: Request, ward: Ward, path: str, params: dict[str, Any]
) -> list[dict[str, Any]]:
    return items_of(await read(request, ward, "plans", path, params=params))


async def _decisions_page(
    request: Request, ward: Ward, *, status: int = 200, **failure: Any
) -> Response:
    opened = await _read(request, ward, "/decisions", {"status": "open", "limit": PAGE})
    closed = await _read(request, ward, "/decisions", {"status": "closed", "limit": CLOSED_SHOWN})
    return render(
        request,
        "portal_officer_decisions.html",
        {
            "ward": ward,
            "opened": opened,
            "closed": closed,
            "topics": DECISION_TOPICS,
            "forms": DECISION_FORMS,
            "tally": TALLY,
            "done": done(request, ("open", *DECISION_ACTIONS)),
            "failed": failure.get("failed"),
            "message": failure.get("message"),
            "typed": failure.get("typed") or {},
            "today": today(request),
        },
        status_code=status,
    )


async def _tasks_page(
    request: Request, ward: Ward, *, status: int = 200, **failure: Any
) -> Response:
    tasks = await _read(request, ward, "/tasks", {"status": "open", "limit": PAGE})
    return render(
        request,
        "portal_officer_tasks.html",
        {
            "ward": ward,
            "tasks": tasks,
            "done": done(request, ("progress",)),
            "failed": failure.get("failed"),
            "message": failure.get("message"),
            "typed": failure.get("typed") or {},
        },
        status_code=status,
    )


@router.get("/can-bo/quyet-dinh", response_class=HTMLResponse, **public())
@answering
async def decisions_page(ward: str, request: Request) -> Response:
    found, _ = gate(request, ward, OFFICER)
    return await _decisions_page(request, found)


@router.post("/can-bo/quyet-dinh", response_class=HTMLResponse, **public())
@answering
async def open_decision(ward: str, request: Request) -> Response:
    t = translator(request)
    found, _, form = await posted(request, ward, OFFICER)
    try:
        body = decision_body(form)
    except Unreadable:
        message = t("officer.number.unreadable")
        return await _decisions_page(
            request, found, status=422, failed="open", message=message, typed=form
        )
    return await act(
        request,
        found,
        "plans",
        "/decisions",
        body,
        done_at=f"/p/{ward}/can-bo/quyet-dinh",
        done_key="open",
        again=partial(_decisions_page, request, found),
        failed="open",
        typed=form,
    )


@router.post("/can-bo/quyet-dinh/{decision_id}/{action}", response_class=HTMLResponse, **public())
@answering
async def decision_action(ward: str, decision_id: str, action: str, request: Request) -> Response:
    t = translator(request)
    found, _, form = await posted(request, ward, OFFICER)
    if action not in DECISION_ACTIONS:
        return error_page(request, found, 404, t("officer.step.unknown"))
    failed = f"{action}:{decision_id}"
    try:
        body = action_body(action, form)
    except Unreadable:
        message = t("officer.number.unreadable")
        return await _decisions_page(
            request, found, status=422, failed=failed, message=message, typed=form
        )
    return await act(
        request,
        found,
        "plans",
        f"/decisions/{quote(decision_id, safe='')}/{action}",
        body,
        done_at=f"/p/{ward}/can-bo/quyet-dinh",
        done_key=action,
        again=partial(_decisions_page, request, found),
        failed=failed,
        typed=form,
    )


@router.get("/can-bo/ke-hoach", response_class=HTMLResponse, **public())
@answering
async def tasks_page(ward: str, request: Request) -> Response:
    found, _ = gate(request, ward, OFFICER)
    return await _tasks_page(request, found)


@router.post("/can-bo/ke-hoach/{task_id}/tien-do", response_class=HTMLResponse, **public())
@answering
async def report_progress(ward: str, task_id: str, request: Request) -> Response:
    t = translator(request)
    found, _, form = await posted(request, ward, OFFICER)
    try:
        body = progress_body(form)
    except Unreadable:
        message = t("officer.number.unreadable")
        return await _tasks_page(
            request, found, status=422, failed=task_id, message=message, typed=form
        )
    return await act(
        request,
        found,
        "plans",
        f"/tasks/{quote(task_id, safe='')}/progress",
        body,
        done_at=f"/p/{ward}/can-bo/ke-hoach",
        done_key="progress",
        again=partial(_tasks_page, request, found),
        failed=task_id,
        typed=form,
    )
