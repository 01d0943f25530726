"""The portal's citizen read pages at ``/p/{ward}/``: the ward's home, its notice board,
tracking a petition by code (status, deadlines, steps and the ward's answer), and the
citizen-reception schedule. The filing forms and their receipt are ``filing.py``'s.

An unknown ward is a 404 page and a ward service that does not answer a 503 page naming it,
never a 500: a resident reads what to do next in their language.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from typing import Any, Final

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from qcdc_gateway.api.wards import RegistryDep
from qcdc_gateway.portal.common import now_of, reader_of, rules_of, unavailable, unknown_ward
from qcdc_gateway.portal.rendering import render, translator
from qcdc_gateway.portal.texts import CATEGORY_NAMES
from qcdc_gateway.portal.wards import ServiceUnavailable, TooManyLookups
from qcdc_shared.api.limits import address_of
from qcdc_shared.auth import public
from qcdc_shared.law.deadlines import local_date
from qcdc_shared.law.rulebook import RuleBook
from qcdc_shared.registry import Ward

router = APIRouter(prefix="/p/{ward}", tags=["portal"], include_in_schema=False)

# A tracking code as a resident may type it once spaces are gone and letters raised: the
# ward's initials, then groups of four; the petitions service decides whether it exists.
CODE: Final = re.compile(r"^[A-Z0-9]{1,4}(?:-[A-Z0-9]{4}){2,8}$")
CODE_MAX: Final = 40
SHOWN_ON_HOME: Final = 20


def posting_view(posting: dict[str, Any], rules: RuleBook, lang: str) -> dict[str, Any]:
    """A posting as a resident reads it: its category in words, on display since when, and
    until when its legal period keeps it there (PUB-PERM, or PUB-MIN30's end, or none)."""
    category = int(posting["category"])
    names = CATEGORY_NAMES.get(category)
    published = posting.get("published_at")
    on = local_date(dt.datetime.fromisoformat(published)) if published else None
    minimum = next((d for d in posting.get("deadlines", []) if d["rule"] == "PUB-MIN30"), None)
    if on is not None and rules.applies("PUB-PERM", to=category, on=on):
        until, rule = None, "PUB-PERM"
    elif minimum is not None:
        until, rule = minimum["due"], "PUB-MIN30"
    else:
        until, rule = None, None
    return {
        "id": posting["id"],
        "title": posting["title"],
        "category": category,
        "category_name": (names[0] if lang == "vi" else names[1]) if names else str(category),
        "published_at": published,
        "until": until,
        "permanent": rule == "PUB-PERM",
        "rule": rule,
    }


async def _current_postings(
    ward: str, request: Request, registry: RegistryDep
) -> tuple[Ward, list[dict[str, Any]]] | HTMLResponse:
    """The ward and its current postings as residents read them, or the page that says why
    not (an unknown ward, a publicity service that does not answer)."""
    found = registry.ward(ward)
    if found is None:
        return unknown_ward(request, ward)
    try:
        postings = await reader_of(request).current_postings(ward)
    except ServiceUnavailable as down:
        return unavailable(request, found, down)
    lang = translator(request).lang
    return found, [posting_view(p, rules_of(request), lang) for p in postings]


@router.get("/", response_class=HTMLResponse, **public())
async def home(ward: str, request: Request, registry: RegistryDep) -> HTMLResponse:
    read = await _current_postings(ward, request, registry)
    if isinstance(read, HTMLResponse):
        return read
    found, shown = read
    return render(
        request,
        "portal_home.html",
        {"ward": found, "postings": shown[:SHOWN_ON_HOME], "total": len(shown)},
    )


@router.get("/bang-tin", response_class=HTMLResponse, **public())
async def notice_board(ward: str, request: Request, registry: RegistryDep) -> HTMLResponse:
    read = await _current_postings(ward, request, registry)
    if isinstance(read, HTMLResponse):
        return read
    found, shown = read
    by_category: dict[int, list[dict[str, Any]]] = defaultdict(list)
    for view in shown:
        by_category[view["category"]].append(view)
    groups = [
        {"category": number, "name": items[0]["category_name"], "postings": items}
        for number, items in sorted(by_category.items())
    ]
    return render(
        request, "portal_board.html", {"ward": found, "groups": groups, "total": len(shown)}
    )


def normalise(code: str) -> str:
    return re.sub(r"\s+", "", code).upper()


@router.get("/tra-cuu", response_class=HTMLResponse, **public())
async def track(ward: str, request: Request, registry: RegistryDep) -> HTMLResponse:
    found = registry.ward(ward)
    if found is None:
        return unknown_ward(request, ward)
    t = translator(request)
    typed = request.query_params.get("ma", "")
    context: dict[str, Any] = {"ward": found, "code": typed[:CODE_MAX], "petition": None}
    if not typed.strip():
        return render(request, "portal_track.html", context | {"message": None})
    code = normalise(typed)
    if len(code) > CODE_MAX or not CODE.match(code):
        context["message"] = t("track.malformed")
        return render(request, "portal_track.html", context, status_code=422)
    try:
        petition = await reader_of(request).tracked_petition(ward, code, client=address_of(request))
    except ServiceUnavailable as down:
        return unavailable(request, found, down)
    except TooManyLookups as limited:
        context["message"] = t("track.limited")
        headers = {"Retry-After": limited.retry_after} if limited.retry_after else {}
        return render(request, "portal_track.html", context, status_code=429, headers=headers)
    if petition is None:
        context["message"] = t("track.unknown", code=code)
        return render(request, "portal_track.html", context, status_code=404)
    return render(request, "portal_track.html", context | {"message": None, "petition": petition})


@router.get("/lich-tiep-cong-dan", response_class=HTMLResponse, **public())
async def reception_schedule(ward: str, request: Request, registry: RegistryDep) -> HTMLResponse:
    found = registry.ward(ward)
    if found is None:
        return unknown_ward(request, ward)
    today = local_date(now_of(request))
    try:
        sessions = await reader_of(request).reception_schedule(ward, start=today)
    except ServiceUnavailable as down:
        return unavailable(request, found, down)
    return render(
        request, "portal_reception.html", {"ward": found, "sessions": sessions, "today": today}
    )
