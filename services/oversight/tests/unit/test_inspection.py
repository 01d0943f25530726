"""Inspections against the real rule table and calendar: OVS-PLAN counted back in working
days (a plan filed 2 working days ahead is late), opening not before the start day,
findings only while open."""

from __future__ import annotations

import datetime as dt

import pytest

from qcdc_oversight.domain.inspection import (
    Evidence,
    Inspection,
    close_inspection,
    file_plan,
    open_inspection,
    record_finding,
)
from qcdc_oversight.testing import RULES
from qcdc_shared.law.deadlines import VN_TZ
from qcdc_shared.refusals import Refused

pytestmark = pytest.mark.unit

START = dt.date(2026, 11, 16)  # a Monday
PLAN_DAYS = RULES.rule("OVS-PLAN", START).days()


def filed(filed_on: dt.date, start_on: dt.date = START) -> Inspection:
    return file_plan(
        inspection_id="i-1",
        title="Kiểm tra thu chi quỹ khuyến học",
        scope="Sổ sách năm 2026",
        start_on=start_on,
        filed_on=filed_on,
        today=filed_on,
        created_by="ban-ttnd-1",
        rules=RULES,
    )


def test_a_plan_filed_the_rules_working_days_ahead_is_on_time_across_a_weekend() -> None:
    latest = RULES.calendar.add_working_days(START, -PLAN_DAYS)
    assert (START - latest).days > PLAN_DAYS  # the weekend is not counted
    inspection = filed(latest)
    assert inspection.status == "planned" and inspection.plan_deadline.due == latest


def test_a_plan_filed_two_working_days_ahead_is_refused_with_ovs_plan() -> None:
    with pytest.raises(Refused) as refused:
        filed(RULES.calendar.add_working_days(START, -2))
    assert refused.value.rule == "OVS-PLAN" and not refused.value.conflict
    assert "OVS-PLAN" in refused.value.detail_vi and "OVS-PLAN" in refused.value.detail_en


def test_a_plan_is_not_filed_in_the_future() -> None:
    with pytest.raises(Refused):
        file_plan(
            inspection_id="i-1",
            title="x",
            scope="y",
            start_on=START,
            filed_on=dt.date(2026, 10, 2),
            today=dt.date(2026, 10, 1),
            created_by="ban-ttnd-1",
            rules=RULES,
        )


def test_open_on_the_start_day_record_findings_then_close() -> None:
    planned = filed(dt.date(2026, 11, 2))
    early = dt.datetime.combine(START - dt.timedelta(days=1), dt.time(23, 0), VN_TZ)
    with pytest.raises(Refused) as refused:
        open_inspection(planned, now=early)
    assert refused.value.rule == "OVS-PLAN" and refused.value.conflict

    with pytest.raises(Refused):
        record_finding(
            planned, finding_id="f-0", title="x", detail="y", evidence=[], now=early, by="a"
        )

    now = dt.datetime.combine(START, dt.time(8, 0), VN_TZ)
    opened = open_inspection(planned, now=now)
    assert opened.status == "open" and opened.version == 2
    after, finding = record_finding(
        opened,
        finding_id="f-1",
        title="Chi không có chứng từ",
        detail="Ba khoản chi tháng 9",
        evidence=[Evidence("document", "so-quy-2026"), Evidence("posting", "p-7")],
        now=now,
        by="ban-ttnd-1",
    )
    assert after.version == 3 and finding.inspection_id == opened.id
    closed = close_inspection(after, report="Đề nghị bổ sung chứng từ", now=now)
    assert closed.status == "closed" and closed.report and closed.version == 4
    for again in (
        lambda: open_inspection(closed, now=now),
        lambda: close_inspection(closed, report="x", now=now),
    ):
        with pytest.raises(Refused) as conflict:
            again()
        assert conflict.value.conflict
