"""The pure parts of issue 20's calendars and open data: the iCalendar feed parses back with the
``icalendar`` package, with stable UIDs and stamps from the data; the DCAT catalogue lists every
export with its licence, and snapshots only of finished days."""

from __future__ import annotations

import datetime as dt

import pytest
from icalendar import Calendar

from qcdc_gateway.api.exports import DATASETS
from qcdc_gateway.domain.calendar_feed import CalendarItem, feed
from qcdc_gateway.domain.open_data_catalog import LICENCE_URL, catalogue, end_of
from qcdc_shared.law.deadlines import VN_TZ

pytestmark = pytest.mark.unit

AT = dt.datetime(2026, 11, 2, 9, 0, tzinfo=VN_TZ)


def items(version: int = 1) -> list[CalendarItem]:
    return [
        CalendarItem("decision", "d-1", "Nhân dân biểu quyết: hẻm 12", AT, AT, version),
        CalendarItem("reception", "r-1", "Tiếp công dân", AT.date(), AT, 1, location="Phòng 1"),
    ]


def test_the_feed_parses_back_with_stable_uids_and_no_wall_clock() -> None:
    first = feed(ward="ben-thanh", name="Lịch", items=items())
    assert first == feed(ward="ben-thanh", name="Lịch", items=list(reversed(items())))
    calendar = Calendar.from_ical(first)
    assert (str(calendar["VERSION"]), str(calendar["PRODID"])) == (
        "2.0",
        "-//QCDC//Lich cong khai cua phuong//VI",
    )
    events = {str(e["UID"]): e for e in calendar.walk("VEVENT")}
    assert set(events) == {"reception-r-1@ben-thanh.qcdc", "decision-d-1@ben-thanh.qcdc"}
    vote = events["decision-d-1@ben-thanh.qcdc"]
    assert vote["DTSTART"].dt == AT and vote["DTSTART"].dt.utcoffset() == dt.timedelta(0)
    assert vote["DTSTAMP"].dt == AT and int(vote["SEQUENCE"]) == 0
    day = events["reception-r-1@ben-thanh.qcdc"]
    assert day["DTSTART"].dt == AT.date() and day["DTEND"].dt == AT.date() + dt.timedelta(days=1)
    changed = Calendar.from_ical(feed(ward="ben-thanh", name="Lịch", items=items(version=3)))
    updated = {str(e["UID"]): e for e in changed.walk("VEVENT")}["decision-d-1@ben-thanh.qcdc"]
    assert int(updated["SEQUENCE"]) == 2


def test_a_naive_instant_is_refused() -> None:
    naive = CalendarItem("decision", "d-1", "x", AT.replace(tzinfo=None), AT, 1)
    with pytest.raises(ValueError, match="offset"):
        feed(ward="ben-thanh", name="Lịch", items=[naive])


def test_the_catalogue_lists_every_export_and_only_finished_days() -> None:
    now = dt.datetime(2026, 11, 10, 8, 0, tzinfo=VN_TZ)
    found = catalogue(
        city="Thành phố Hồ Chí Minh", datasets=DATASETS, first_event=AT, last_event=AT, now=now
    )
    assert [d["dct:identifier"] for d in found["dcat:dataset"]] == [d.name for d in DATASETS]
    for dataset in found["dcat:dataset"]:
        assert dataset["dct:license"] == {"@id": LICENCE_URL}
        days = [s["dct:issued"]["@value"] for s in dataset["qcdc:snapshots"]]
        # From the first event's day to yesterday (local), newest first; never today.
        assert days[0] == "2026-11-09" and days[-1] == "2026-11-02" and len(days) == 8
    assert end_of(dt.date(2026, 11, 9)) < now
    empty = catalogue(city="X", datasets=DATASETS, first_event=None, last_event=None, now=now)
    assert all(d["qcdc:snapshots"] == [] for d in empty["dcat:dataset"])
