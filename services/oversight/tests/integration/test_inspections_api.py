"""Inspections over HTTP with a real database and nats-server: OVS-PLAN refuses a late plan,
an inspection opens on its start day on the shared clock, findings and their events."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from qcdc_oversight.testing import Oversight
from qcdc_shared.law.deadlines import local_date
from qcdc_shared.law.rulebook import RuleBook
from qcdc_shared.tooling.contracts import validate_envelope

pytestmark = pytest.mark.integration


def plan(start_on: dt.date, **changes: Any) -> dict[str, Any]:
    return {
        "title": "Kiểm tra thu chi quỹ khuyến học",
        "scope": "Sổ sách, chứng từ năm 2026",
        "start_on": start_on.isoformat(),
        **changes,
    }


def rules_and_today(oversight: Oversight) -> tuple[RuleBook, dt.date]:
    return oversight.app.state.rules, local_date(oversight.runtime.clock.now())


async def test_an_inspection_planned_2_working_days_ahead_is_refused_with_ovs_plan(
    oversight: Oversight,
) -> None:
    rules, today = rules_and_today(oversight)
    start = rules.calendar.add_working_days(today, 2)
    refused = await oversight.post("/inspections", plan(start), headers=oversight.inspector())
    assert refused.status_code == 422
    assert refused.headers["content-type"] == "application/problem+json"
    problem = refused.json()
    assert problem["rule"] == "OVS-PLAN"
    assert "OVS-PLAN" in problem["detail"] and "OVS-PLAN" in problem["detail_en"]
    listed = (await oversight.http.get("/inspections")).json()
    assert listed["total"] == 0


async def test_an_inspection_opens_on_its_start_day_records_findings_and_closes(
    oversight: Oversight,
) -> None:
    rules, today = rules_and_today(oversight)
    # One working day of margin: counted back from the start, the plan is due on a working
    # day, and today may be a weekend.
    start = rules.calendar.add_working_days(today, rules.rule("OVS-PLAN", today).days() + 1)
    inspector = oversight.inspector()
    filed = await oversight.ok("POST", "/inspections", plan(start), headers=inspector, status=201)
    assert filed["status"] == "planned" and filed["filed_on"] == today.isoformat()
    assert filed["plan_deadline"]["rule"] == "OVS-PLAN"
    url = f"/inspections/{filed['id']}"

    early = await oversight.post(f"{url}/open", headers=inspector)
    assert early.status_code == 409 and early.json()["rule"] == "OVS-PLAN"
    finding = {
        "title": "Ba khoản chi không có chứng từ",
        "detail": "Các khoản chi tháng 9 thiếu hóa đơn",
        "evidence": [{"kind": "document", "id": "so-quy-2026"}, {"kind": "posting", "id": "p-7"}],
    }
    not_open = await oversight.post(f"{url}/findings", finding, headers=inspector)
    assert not_open.status_code == 409

    await oversight.advance_clock(dt.timedelta(days=(start - today).days))
    assert (await oversight.post(f"{url}/open", headers=oversight.officer())).status_code == 403
    opened = await oversight.ok("POST", f"{url}/open", headers=inspector)
    assert opened["status"] == "open" and opened["opened_at"] is not None
    recorded = await oversight.ok("POST", f"{url}/findings", finding, headers=inspector, status=201)
    assert recorded["evidence"][1] == {"kind": "posting", "id": "p-7"}
    bad_kind = {**finding, "evidence": [{"kind": "rumour", "id": "x"}]}
    assert (await oversight.post(f"{url}/findings", bad_kind, headers=inspector)).status_code == 422

    closed = await oversight.ok(
        "POST", f"{url}/close", {"report": "Đề nghị bổ sung chứng từ"}, headers=inspector
    )
    assert closed["status"] == "closed"
    late = await oversight.post(f"{url}/findings", finding, headers=inspector)
    assert late.status_code == 409

    detail = (await oversight.http.get(url)).json()  # public
    assert [f["title"] for f in detail["findings"]] == [finding["title"]]
    assert detail["created_by"] is None and detail["findings"][0]["recorded_by"] is None
    staff = (await oversight.http.get(url, headers=oversight.front())).json()
    assert staff["created_by"] == "ban-ttnd-1"
    assert (await oversight.http.get("/inspections/nope")).status_code == 404
    listed = (await oversight.http.get("/inspections", params={"status": "closed"})).json()
    assert [i["id"] for i in listed["items"]] == [filed["id"]]

    events = await oversight.ward_messages(f"qcdc.{oversight.ward}.oversight.*.*")
    kinds = [(e.type, e.sequence) for e in events]
    assert kinds == [
        ("vn.qcdc.oversight.inspection.opened.v1", 2),
        ("vn.qcdc.oversight.finding.recorded.v1", 1),
    ]
    assert events[0].data["filed_on"] == today.isoformat()
    assert events[1].data["inspection_id"] == filed["id"]
    for event in events:
        validate_envelope(event.model_dump(mode="json"))
