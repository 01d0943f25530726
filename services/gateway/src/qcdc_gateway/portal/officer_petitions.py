"""One petition as its ward's officer works on it: /p/{ward}/can-bo/don/{petition_id} shows the
petition, its deadlines and history, and one small form per step the petitions service may
take now; each form posts to .../{step}, which forwards to ``POST /petitions/{id}/{step}`` with
the officer's token and comes back to the page (``?da=<step>``), or shows the service's reason.

The page never reads the petitioner's identity: the service's petition read has none, and
this module never calls its identity route (DEN-SECRET).
"""

from __future__ import annotations

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
    posted,
    read,
    whole,
)
from qcdc_shared.auth import public
from qcdc_shared.registry import Ward

router = APIRouter(tags=["portal"], include_in_schema=False)

# The steps the page offers, in the order a petition meets them.
STEPS: Final = ("accept", "refuse", "forward", "assign", "extend", "answer", "close")
ACCEPTED_KINDS: Final = frozenset({"complaint", "denunciation"})
EXTENDED_KINDS: Final = frozenset({"complaint", "denunciation", "information_request"})
WORKING: Final = ("received", "accepted", "assigned")
DONE: Final = ("answered", "refused", "forwarded", "withdrawn")


def allowed_steps(petition: dict[str, Any]) -> list[str]:
    """The steps worth offering for the petition as it stands (the service decides anyway:
    a step it refuses comes back with its reason)."""
    kind, status = petition.get("kind"), petition.get("status")
    accepted = petition.get("accepted_at") is not None
    intake = status in ("received", "assigned") and not accepted
    working = status in WORKING
    offered = {
        "accept": kind in ACCEPTED_KINDS and intake,
        "refuse": kind != "lead" and intake,
        "forward": kind != "lead" and intake,
        "assign": status in (*WORKING, "suspended"),
        "extend": kind in EXTENDED_KINDS and working and (accepted or kind not in ACCEPTED_KINDS),
        "answer": kind != "lead" and working and (accepted or kind not in ACCEPTED_KINDS),
        "close": status in DONE or (kind == "lead" and status != "closed"),
    }
    return [step for step in STEPS if offered[step]]


def step_body(step: str, form: dict[str, str]) -> dict[str, Any] | None:
    """The JSON the petitions service's request model for ``step`` takes (``api/petitions.py``):
    required text is sent as typed, even empty, so the service says what is missing."""
    typed = {key: value.strip() for key, value in form.items()}
    if step == "accept":
        return clean(form, "complex_reason")
    if step == "refuse":
        return {"reason": typed.get("reason", "")}
    if step == "forward":
        return {"to": typed.get("to", ""), "reason": typed.get("reason", "")}
    if step == "assign":
        return {"handler": typed.get("handler", "")}
    if step == "extend":
        body: dict[str, Any] = {"reason": typed.get("reason", "")}
        if typed.get("days"):
            body["days"] = whole(typed["days"])
        if typed.get("especially_complex"):
            body["especially_complex"] = True
        return body
    if step == "answer":
        body = {"text": typed.get("text", "")}
        if typed.get("public_interest"):
            body["public_interest"] = True
        body |= clean(form, "public_title")
        return body
    return None  # close takes no body


def _path(ward: str, petition_id: str) -> str:
    return f"/p/{ward}/can-bo/don/{quote(petition_id, safe='')}"


async def _petition(request: Request, ward: Ward, petition_id: str) -> dict[str, Any]:
    path = f"/petitions/{quote(petition_id, safe='')}"
    petition: dict[str, Any] = await read(request, ward, "petitions", path)
    return petition


def _page(
    request: Request,
    ward: Ward,
    petition: dict[str, Any],
    *,
    status: int = 200,
    failed: str | None = None,
    message: str | None = None,
    typed: dict[str, str] | None = None,
) -> HTMLResponse:
    return render(
        request,
        "portal_officer_petition.html",
        {
            "ward": ward,
            "petition": petition,
            "steps": allowed_steps(petition),
            "done": done(request, STEPS),
            "failed": failed,
            "message": message,
            "typed": typed or {},
            "action": _path(ward.slug, petition["id"]),
        },
        status_code=status,
    )


@router.get("/can-bo/don/{petition_id}", response_class=HTMLResponse, **public())
@answering
async def petition_page(ward: str, petition_id: str, request: Request) -> Response:
    found, _ = gate(request, ward, OFFICER)
    return _page(request, found, await _petition(request, found, petition_id))


@router.post("/can-bo/don/{petition_id}/{step}", response_class=HTMLResponse, **public())
@answering
async def petition_step(ward: str, petition_id: str, step: str, request: Request) -> Response:
    t = translator(request)
    found, _, form = await posted(request, ward, OFFICER)
    if step not in STEPS:
        return error_page(request, found, 404, t("officer.step.unknown"))
    try:
        body = step_body(step, form)
    except Unreadable:
        petition = await _petition(request, found, petition_id)
        message = t("officer.days.unreadable")
        return _page(request, found, petition, status=422, failed=step, message=message, typed=form)

    async def again(**failure: Any) -> Response:
        return _page(request, found, await _petition(request, found, petition_id), **failure)

    return await act(
        request,
        found,
        "petitions",
        f"/petitions/{quote(petition_id, safe='')}/{step}",
        body,
        done_at=_path(ward, petition_id),
        done_key=step,
        again=again,
        failed=step,
        typed=form,
    )
