"""Inspections on the fakes, through the pipeline a route uses (``run_command``): the plan
filed OVS-PLAN's working days ahead, opened on its start day, findings with their evidence,
the closing report; the events committed and the audit trail each leaves."""

from __future__ import annotations

import datetime as dt
from collections.abc import Awaitable
from typing import TypeVar

import pytest

from qcdc_oversight.domain.inspection import Evidence, Finding
from qcdc_oversight.fakes import FakeOversightUnitOfWork
from qcdc_oversight.handlers import inspections
from qcdc_oversight.testing import INSPECTOR, RULES
from qcdc_shared.api.commands import run_command
from qcdc_shared.api.problems import Problem
from qcdc_shared.clock import LOCAL_TZ

pytestmark = pytest.mark.unit

START = dt.date(2026, 12, 10)  # a Thursday, two weeks after the fakes' Thursday
T = TypeVar("T")


async def command(uow: FakeOversightUnitOfWork, call: Awaitable[T], action: str) -> T:
    return await run_command(call, uow=uow, actor=INSPECTOR, action=action, target="inspection:i-1")


async def filed(uow: FakeOversightUnitOfWork, start_on: dt.date = START) -> object:
    filing = inspections.file_inspection(
        uow=uow,
        rules=RULES,
        inspection_id="i-1",
        created_by=INSPECTOR.sub,
        title="Kiểm tra việc công khai dự toán ngân sách",
        scope="Các tin công khai nhóm 2 năm 2026",
        start_on=start_on,
    )
    return await command(uow, filing, "inspection.file")


def finding(uow: FakeOversightUnitOfWork, *evidence: Evidence) -> Awaitable[Finding]:
    return inspections.record_finding(
        uow=uow,
        inspection_id="i-1",
        finding_id="f-1",
        recorded_by=INSPECTOR.sub,
        title="Dự toán niêm yết muộn",
        detail="Niêm yết sau 5 ngày làm việc.",
        evidence=list(evidence),
    )


async def test_an_inspection_filed_opened_found_and_closed() -> None:
    uow = FakeOversightUnitOfWork()
    await filed(uow)
    planned = await uow.inspections.get("i-1")
    assert planned is not None and planned.status == "planned"
    assert planned.filed_on == dt.date(2026, 11, 26) and planned.plan_deadline.rule == "OVS-PLAN"

    uow.clock.at = dt.datetime.combine(START, dt.time(8), tzinfo=LOCAL_TZ)
    opened = await command(
        uow, inspections.open_inspection(uow=uow, inspection_id="i-1"), "inspection.open"
    )
    evidence = Evidence("posting", "post-2"), Evidence("event", "e-1")
    found = await command(uow, finding(uow, *evidence), "inspection.finding")
    closed = await command(
        uow,
        inspections.close_inspection(uow=uow, inspection_id="i-1", report="Đã kiến nghị."),
        "inspection.close",
    )

    assert (opened.status, opened.version) == ("open", 2)
    assert found.evidence == evidence
    assert uow.inspections.findings == [found]
    assert (closed.status, closed.report, closed.version) == ("closed", "Đã kiến nghị.", 4)
    assert await uow.inspections.get("i-1") == closed
    assert uow.event_types() == [
        "vn.qcdc.oversight.inspection.opened.v1",
        "vn.qcdc.oversight.finding.recorded.v1",
    ]
    assert (uow.events[0].subject, uow.events[0].sequence) == ("i-1", 2)
    assert uow.events[1].data["evidence"] == [
        {"kind": "posting", "id": "post-2"},
        {"kind": "event", "id": "e-1"},
    ]
    assert [(a.action, a.target, a.outcome) for a in uow.audit_log] == [
        ("inspection.file", "inspection:i-1", "ok"),
        ("inspection.open", "inspection:i-1", "ok"),
        ("inspection.finding", "inspection:i-1", "ok"),
        ("inspection.close", "inspection:i-1", "ok"),
    ]


async def test_a_plan_filed_too_late_is_refused_by_ovs_plan_and_nothing_is_kept() -> None:
    uow = FakeOversightUnitOfWork()
    with pytest.raises(Problem) as late:
        await filed(uow, start_on=dt.date(2026, 11, 30))  # the Monday after
    assert late.value.status == 422 and late.value.rule == "OVS-PLAN"
    assert uow.inspections.items == {} and uow.events == []
    assert [(a.outcome, a.detail) for a in uow.audit_log] == [("refused", {"rule": "OVS-PLAN"})]


async def test_an_inspection_opens_no_earlier_than_its_start_day_and_records_while_open() -> None:
    uow = FakeOversightUnitOfWork()
    await filed(uow)
    with pytest.raises(Problem) as early:
        await command(
            uow, inspections.open_inspection(uow=uow, inspection_id="i-1"), "inspection.open"
        )
    assert early.value.status == 409 and early.value.rule == "OVS-PLAN"
    with pytest.raises(Problem) as not_open:
        await command(uow, finding(uow), "inspection.finding")
    assert not_open.value.status == 409
    inspection = await uow.inspections.get("i-1")
    assert inspection is not None and (inspection.status, inspection.version) == ("planned", 1)
    assert uow.inspections.findings == [] and uow.events == []
    assert [a.outcome for a in uow.audit_log] == ["ok", "refused", "refused"]


async def test_an_unknown_inspection_is_a_404_problem() -> None:
    uow = FakeOversightUnitOfWork()
    with pytest.raises(Problem) as missing:
        await command(
            uow, inspections.open_inspection(uow=uow, inspection_id="nope"), "inspection.open"
        )
    assert missing.value.status == 404 and "nope" in missing.value.detail_en
    assert [(a.action, a.outcome) for a in uow.audit_log] == [("inspection.open", "refused")]
