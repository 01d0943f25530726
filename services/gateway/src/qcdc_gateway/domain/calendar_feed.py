"""A ward's public calendar as iCalendar (RFC 5545): one event per reception session,
conference, consultation closing day and residents' vote.

Pure: the items come in already worded. Each event's UID is ``<kind>-<id>@<ward>.qcdc`` and its
SEQUENCE the record's version, so a calendar application that subscribed updates the event it
has when the ward changes the record, instead of adding a second one. DTSTAMP and LAST-MODIFIED
come from the record's own instants, never the wall clock: the same ward data gives the same
bytes. A day is an all-day event (VALUE=DATE); an instant is written in UTC, so no VTIMEZONE is
needed and every client shows it in its own zone (Asia/Ho_Chi_Minh for the wards' residents).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Final, Literal

from icalendar import Calendar, Event

Kind = Literal["reception", "conference", "consultation", "decision"]
KINDS: Final[tuple[Kind, ...]] = ("reception", "conference", "consultation", "decision")
PRODID: Final = "-//QCDC//Lich cong khai cua phuong//VI"
MEDIA_TYPE: Final = "text/calendar; charset=utf-8"


@dataclass(frozen=True)
class CalendarItem:
    kind: Kind
    id: str
    summary: str
    start: dt.date | dt.datetime  # a date is an all-day event; a datetime must be aware
    changed_at: dt.datetime  # the record's last known change: DTSTAMP and LAST-MODIFIED
    version: int
    cancelled: bool = False
    location: str | None = None
    description: str | None = None
    url: str | None = None

    def uid(self, ward: str) -> str:
        return f"{self.kind}-{self.id}@{ward}.qcdc"


def _utc(instant: dt.datetime) -> dt.datetime:
    if instant.tzinfo is None:
        raise ValueError("a calendar instant must carry its offset")
    return instant.astimezone(dt.UTC)


def _event(item: CalendarItem, ward: str) -> Event:
    event = Event()
    event.add("uid", item.uid(ward))
    event.add("dtstamp", _utc(item.changed_at))
    event.add("last-modified", _utc(item.changed_at))
    # RFC 5545 starts SEQUENCE at 0; the wards' versions start at 1.
    event.add("sequence", max(item.version - 1, 0))
    event.add("summary", item.summary)
    if isinstance(item.start, dt.datetime):
        event.add("dtstart", _utc(item.start))
    else:
        event.add("dtstart", item.start)
        event.add("dtend", item.start + dt.timedelta(days=1))
    event.add("status", "CANCELLED" if item.cancelled else "CONFIRMED")
    event.add("transp", "TRANSPARENT")
    event.add("categories", [item.kind])
    if item.location:
        event.add("location", item.location)
    if item.description:
        event.add("description", item.description)
    if item.url:
        event.add("url", item.url)
    return event


def feed(*, ward: str, name: str, items: Iterable[CalendarItem]) -> bytes:
    """The calendar's bytes, events in a stable order (kind, then id)."""
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", name)
    calendar.add("x-wr-timezone", "Asia/Ho_Chi_Minh")
    calendar.add("name", name)  # RFC 7986
    for item in sorted(items, key=lambda i: (KINDS.index(i.kind), i.id)):
        calendar.add_component(_event(item, ward))
    return bytes(calendar.to_ical())
