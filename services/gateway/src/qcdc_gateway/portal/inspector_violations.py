"""Violations with the events that show them (OVS-DETECT), and a recommendation the board
makes from one: ``/p/{ward}/giam-sat/vi-pham``."""

from __future__ import annotations

from typing import Any
from urllib.parse import quote

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response

from qcdc_gateway.portal.inspector_common import show
from qcdc_gateway.portal.inspector_events import evidence_events
from qcdc_gateway.portal.rendering import translator
from qcdc_gateway.portal.staff import (
    OVERSIGHT,
    after,
    answering,
    create,
    cursor,
    gate,
    posted,
    read_one,
    read_page,
    refused_status,
    typed_of,
)
from qcdc_gateway.portal.texts import PortalTranslator
from qcdc_gateway.portal.texts_inspector import SUBJECT_KINDS
from qcdc_gateway.web.vocabulary import AGGREGATES
from qcdc_shared.auth import Principal, public
from qcdc_shared.registry import Ward

router = APIRouter()

# The event fields worth a line under an evidence event: public state, never a person.
SHOWN_FIELDS = ("title", "reason")


def evidence_view(
    event_id: str, known: dict[str, dict[str, Any]], t: PortalTranslator
) -> dict[str, Any]:
    """One evidence event as the board reads it: what happened in words, when, to what."""
    event = known.get(event_id)
    if event is None:
        return {"id": event_id, "known": False}
    parts = str(event["type"]).split(".")
    aggregate = parts[3] if len(parts) == 6 else ""
    data = event.get("data") or {}
    return {
        "id": event_id,
        "known": True,
        "what": t.event_type(str(event["type"])),
        "type": event["type"],
        "time": event["time"],
        "aggregate": t.word(AGGREGATES, aggregate) if aggregate else "",
        "subject": event["subject"],
        "fields": {
            key: str(data[key]) for key in SHOWN_FIELDS if isinstance(data.get(key), str | int)
        },
    }


def violation_view(
    violation: dict[str, Any], known: dict[str, dict[str, Any]], t: PortalTranslator
) -> dict[str, Any]:
    subject = violation.get("subject")
    subject = subject if isinstance(subject, dict) else {}
    return {
        **violation,
        "subject": subject,
        "subject_name": t.word(SUBJECT_KINDS, str(subject.get("kind", ""))),
        "events": [evidence_view(e, known, t) for e in violation.get("evidence", [])],
    }


@router.get("/giam-sat/vi-pham", response_class=HTMLResponse, **public())
@answering
async def violations(ward: str, request: Request) -> Response:
    found, _ = gate(request, ward, OVERSIGHT)
    page = await read_page(request, found, "oversight", "/violations", params=cursor(request))
    ids = [e for v in page["items"] for e in v.get("evidence", [])]
    known = await evidence_events(request, ward, ids)
    t = translator(request)
    return show(
        request,
        "portal_oversight_violations.html",
        {
            "ward": found,
            "violations": [violation_view(v, known, t) for v in page["items"]],
            "total": page["total"],
            "next_cursor": page["next_cursor"],
        },
    )


async def _violation_page(
    request: Request,
    found: Ward,
    principal: Principal,
    violation_id: str,
    *,
    typed: dict[str, str] | None = None,
    error: str | None = None,
    status_code: int = 200,
) -> Response:
    violation = await read_one(
        request, found, "oversight", f"/violations/{quote(violation_id, safe='')}"
    )
    known = await evidence_events(request, found.slug, violation.get("evidence", []))
    t = translator(request)
    view = violation_view(violation, known, t)
    if typed is None:
        typed = {
            "title": t("oversight.violation.recommend.title", rule=view["rule"]),
            "body": t(
                "oversight.violation.recommend.body",
                rule=view["rule"],
                subject=view["subject_name"],
                id=view["subject"]["id"],
                detected=t.datetime(view["detected_at"]),
            ),
            "addressed_to": t("oversight.rec.field.to.default"),
        }
    return show(
        request,
        "portal_oversight_violation.html",
        {
            "ward": found,
            "violation": view,
            "may_recommend": principal.role == "inspector",
            "typed": typed,
            "error": error,
        },
        status_code=status_code,
    )


@router.get("/giam-sat/vi-pham/{violation_id}", response_class=HTMLResponse, **public())
@answering
async def violation(ward: str, violation_id: str, request: Request) -> Response:
    found, principal = gate(request, ward, OVERSIGHT)
    return await _violation_page(request, found, principal, violation_id)


@router.post("/giam-sat/vi-pham/{violation_id}/kien-nghi", **public())
@answering
async def recommend(ward: str, violation_id: str, request: Request) -> Response:
    """The board proposes a recommendation from the violation (the Front then confirms it)."""
    found, principal, form = await posted(request, ward, OVERSIGHT)
    typed = typed_of(form, ("title", "body", "addressed_to"))
    made = await create(request, found, "oversight", "/recommendations", typed)
    if isinstance(made, str):
        return after(f"/p/{ward}/giam-sat/kien-nghi", "proposed", f"r-{quote(made, safe='')}")
    return await _violation_page(
        request,
        found,
        principal,
        violation_id,
        typed=typed,
        error=made.message(translator(request).lang),
        status_code=refused_status(made),
    )
