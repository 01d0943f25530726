"""The ward's postings as its officer works on them: /p/{ward}/can-bo/bang-tin lists the drafts
and the postings on display with the clocks the publicity service computed (PUB-DUE: posted in
time after the decision; PUB-MIN30: kept on display at least so long), a form to draft a
posting, and per posting the button to publish it or the form to withdraw it with a reason.
Each form forwards to the publicity service with the officer's token (POST /postings,
/postings/{id}/publish, /postings/{id}/withdraw) and comes back to the list (``?da=``)."""

from __future__ import annotations

from functools import partial
from typing import Any, Final
from urllib.parse import quote

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response

from qcdc_gateway.portal.common import error_page, whole_number
from qcdc_gateway.portal.rendering import render, translator
from qcdc_gateway.portal.staff import (
    OFFICER,
    act,
    answering,
    done,
    gate,
    items_of,
    posted,
    read,
    today,
)
from qcdc_gateway.portal.texts import CATEGORY_NAMES
from qcdc_shared.auth import public
from qcdc_shared.registry import Ward

router = APIRouter(tags=["portal"], include_in_schema=False)

# Where a posting is shown (the publicity service's channels), in the form's order.
CHANNELS: Final = ("notice_board", "community_hall", "portal", "loudspeaker", "group_heads")
ACTIONS: Final = ("publish", "withdraw")
LISTED: Final = ("draft", "published")
PAGE: Final = 200  # the publicity service's page-size cap; a reading bound


def draft_body(form: dict[str, str]) -> dict[str, Any] | None:
    """``PostingIn`` of the publicity service, or None when the category is not a number."""
    category = whole_number(form.get("category", ""))
    if category is None:
        return None
    return {
        "category": category,
        "title": form.get("title", "").strip(),
        "body": form.get("body", "").strip(),
        "decided_on": form.get("decided_on", "").strip(),
        # One checkbox per channel (a form's repeated name would keep only one value).
        "channels": [name for name in CHANNELS if form.get(f"channel_{name}")],
    }


async def _page(
    request: Request,
    ward: Ward,
    *,
    status: int = 200,
    failed: str | None = None,
    message: str | None = None,
    typed: dict[str, str] | None = None,
) -> Response:
    lists: dict[str, list[dict[str, Any]]] = {}
    for listed in LISTED:
        params = {"status": listed, "limit": PAGE}
        lists[listed] = items_of(await read(request, ward, "publicity", "/postings", params=params))
    t = translator(request)
    categories = [
        (number, names[0] if t.lang == "vi" else names[1])
        for number, names in sorted(CATEGORY_NAMES.items())
    ]
    return render(
        request,
        "portal_officer_postings.html",
        {
            "ward": ward,
            "drafts": lists["draft"],
            "published": lists["published"],
            "categories": categories,
            "channels": CHANNELS,
            "done": done(request, ("draft", *ACTIONS)),
            "failed": failed,
            "message": message,
            "typed": typed or {},
            "today": today(request),
        },
        status_code=status,
    )


def _path(ward: str) -> str:
    return f"/p/{ward}/can-bo/bang-tin"


@router.get("/can-bo/bang-tin", response_class=HTMLResponse, **public())
@answering
async def postings_page(ward: str, request: Request) -> Response:
    found, _ = gate(request, ward, OFFICER)
    return await _page(request, found)


@router.post("/can-bo/bang-tin", response_class=HTMLResponse, **public())
@answering
async def draft_posting(ward: str, request: Request) -> Response:
    t = translator(request)
    found, _, form = await posted(request, ward, OFFICER)
    body = draft_body(form)
    if body is None:
        message = t("officer.posting.category.missing")
        return await _page(request, found, status=422, failed="draft", message=message, typed=form)
    return await act(
        request,
        found,
        "publicity",
        "/postings",
        body,
        done_at=_path(ward),
        done_key="draft",
        again=partial(_page, request, found),
        failed="draft",
        typed=form,
    )


@router.post("/can-bo/bang-tin/{posting_id}/{action}", response_class=HTMLResponse, **public())
@answering
async def posting_action(ward: str, posting_id: str, action: str, request: Request) -> Response:
    t = translator(request)
    found, _, form = await posted(request, ward, OFFICER)
    if action not in ACTIONS:
        return error_page(request, found, 404, t("officer.step.unknown"))
    body = {"reason": form.get("reason", "").strip()} if action == "withdraw" else None
    return await act(
        request,
        found,
        "publicity",
        f"/postings/{quote(posting_id, safe='')}/{action}",
        body,
        done_at=_path(ward),
        done_key=action,
        again=partial(_page, request, found),
        failed=f"{action}:{posting_id}",
        typed=form,
    )
