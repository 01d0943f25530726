"""``GET /p/{ward}/lich.ics``: the ward's public calendar as an iCalendar feed a resident (or the
national portal, a newsroom) subscribes to: reception sessions, conferences, the closing days of
consultations and residents' votes. The feed itself is domain/calendar_feed.py's.

Only what the ward's public reads already show goes in: a session's host is an office (the
chair), never a name; no petitioner, comment or account; a vote appears once the public may see
it (the plans service lists closed decisions only to the public).
"""

from __future__ import annotations

import datetime as dt
from typing import Any, Final

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response

from qcdc_gateway.domain.calendar_feed import MEDIA_TYPE, CalendarItem, feed
from qcdc_gateway.portal.common import now_of, reader_of, unavailable, ward_of
from qcdc_gateway.portal.rendering import translator
from qcdc_gateway.portal.texts import HOSTS, SESSION_FORMS
from qcdc_gateway.portal.wards import ServiceUnavailable, WardReader
from qcdc_shared.auth import public
from qcdc_shared.law.deadlines import VN_TZ, local_date

router = APIRouter(prefix="/p/{ward}", tags=["portal"], include_in_schema=False)

# How far back the feed keeps reception sessions (a month of the past stays in a subscriber's
# calendar); the service's page-size cap bounds every list.
PAST_DAYS: Final = 31
LIMIT: Final = 200
CONFERENCE_KINDS: Final[dict[str, tuple[str, str]]] = {
    "thematic": ("Hội nghị chuyên đề", "Thematic conference"),
    "dialogue": ("Đối thoại giữa UBND phường với Nhân dân", "Dialogue with residents"),
    "group_year_end": ("Hội nghị tổ dân phố cuối năm", "Residential group's year-end meeting"),
}
WORDS: Final[dict[str, tuple[str, str]]] = {
    "calendar": ("Lịch công khai — {ward}", "Public calendar — {ward}"),
    "reception": ("Tiếp công dân: {host}", "Citizen reception: {host}"),
    "conference": ("{kind}: {title}", "{kind}: {title}"),
    "consultation": ("Hết hạn lấy ý kiến: {title}", "Consultation closes: {title}"),
    "decision": ("Nhân dân biểu quyết: {title}", "Residents' vote: {title}"),
}


def _instant(value: str) -> dt.datetime:
    return dt.datetime.fromisoformat(value)


def _day(value: str) -> dt.date:
    return dt.date.fromisoformat(value)


def _start_of(day: dt.date) -> dt.datetime:
    return dt.datetime.combine(day, dt.time.min, VN_TZ)


def _word(key: str, en: bool, **values: str) -> str:
    return WORDS[key][en].format(**values)


def reception_item(session: dict[str, Any], en: bool, base: str) -> CalendarItem:
    host = HOSTS.get(session["host"], (session["host"], session["host"]))[en]
    form = SESSION_FORMS.get(session["form"], (session["form"], session["form"]))[en]
    changed = session.get("held_recorded_at")
    return CalendarItem(
        "reception",
        session["id"],
        _word("reception", en, host=host),
        _day(session["session_on"]),
        _instant(changed) if changed else _start_of(_day(session["posted_on"])),
        session["version"],
        cancelled=session["status"] == "not_held",
        location=session.get("location"),
        description=form,
        url=f"{base}/lich-tiep-cong-dan",
    )


def conference_item(conference: dict[str, Any], en: bool, base: str) -> CalendarItem:
    kind = CONFERENCE_KINDS.get(conference["kind"], (conference["kind_vi"], conference["kind"]))
    changed = conference.get("recorded_at") or conference["created_at"]
    return CalendarItem(
        "conference",
        conference["id"],
        _word("conference", en, kind=kind[en], title=conference["title"]),
        _day(conference["held_on"]),
        _instant(changed),
        conference["version"],
        cancelled=conference["status"] == "cancelled",
        url=f"{base}/ke-hoach",
    )


def consultation_item(consultation: dict[str, Any], en: bool, base: str) -> CalendarItem:
    closed = consultation.get("closed_at")
    # Open: the earliest day it may close (CON-MIN20); closed: the day it did.
    day = local_date(_instant(closed)) if closed else _day(consultation["minimum_end"]["due"])
    return CalendarItem(
        "consultation",
        consultation["id"],
        _word("consultation", en, title=consultation["title"]),
        day,
        _instant(closed or consultation["opened_at"]),
        consultation["version"],
        url=f"{base}/gop-y/{consultation['id']}",
    )


def decision_item(decision: dict[str, Any], en: bool, base: str) -> CalendarItem:
    result = decision.get("result") or {}
    changed = result.get("closed_at") or decision["notice_at"]
    return CalendarItem(
        "decision",
        decision["id"],
        _word("decision", en, title=decision["title"]),
        _instant(decision["vote_at"]),
        _instant(changed),
        decision["version"],
        description=decision.get("form_vi") if not en else decision.get("form"),
        url=f"{base}/quyet-dinh/{decision['id']}",
    )


async def _items(reader: WardReader, ward: str, service: str, path: str, **params: Any) -> Any:
    reply = await reader.get(ward, service, path, params={"limit": LIMIT, **params})
    if not reply.ok:
        raise ServiceUnavailable(service)
    items: list[dict[str, Any]] = reply.body.get("items", [])
    return items


async def ward_items(
    reader: WardReader, ward: str, *, today: dt.date, en: bool, base: str
) -> list[CalendarItem]:
    since = today - dt.timedelta(days=PAST_DAYS)
    sessions = await _items(reader, ward, "petitions", "/receptions", **{"from": str(since)})
    conferences = [
        c
        for year in sorted({since.year, today.year, today.year + 1})
        for c in await _items(reader, ward, "plans", "/conferences", year=year)
    ]
    consultations = await _items(reader, ward, "publicity", "/consultations")
    decisions = await _items(reader, ward, "plans", "/decisions")
    return [
        *(reception_item(s, en, base) for s in sessions),
        *(conference_item(c, en, base) for c in conferences),
        *(consultation_item(c, en, base) for c in consultations),
        # The public list has no open vote; a proxy's staff token might: keep to the public's.
        *(decision_item(d, en, base) for d in decisions if d.get("status") != "open"),
    ]


@router.get("/lich.ics", response_class=Response, **public())
async def calendar(ward: str, request: Request) -> Response:
    found = ward_of(request, ward)
    if isinstance(found, HTMLResponse):
        return found
    en = translator(request).lang == "en"
    base = str(request.base_url).rstrip("/") + f"/p/{ward}"
    try:
        items = await ward_items(
            reader_of(request), ward, today=local_date(now_of(request)), en=en, base=base
        )
    except ServiceUnavailable as down:
        return unavailable(request, found, down)
    body = feed(ward=ward, name=_word("calendar", en, ward=found.name), items=items)
    return Response(
        body,
        media_type=MEDIA_TYPE,
        headers={"Content-Disposition": f'inline; filename="{ward}.ics"', "Vary": "Cookie"},
    )
