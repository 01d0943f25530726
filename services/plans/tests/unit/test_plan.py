"""The annual plan's rules: drafted with the eight groups, adopted by the committee's head
or a deputy, amended by new editions that keep task ids, progress that never goes down, and
the due day that ends at 24:00 local time (CAL-COUNT)."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest

from qcdc_plans.domain.committee import Member
from qcdc_plans.domain.plan import (
    Plan,
    Task,
    TaskChange,
    TaskSpec,
    adopt,
    amend,
    draft_plan,
    edit_draft,
    edition_document,
    report_plan,
    report_progress,
)
from qcdc_plans.domain.plan import add_task as add
from qcdc_plans.domain.task_groups import DEFAULT_PURPOSES, DEFAULT_TASK_GROUPS, GroupEdit
from qcdc_shared.refusals import Refused

pytestmark = pytest.mark.unit

VN = dt.timezone(dt.timedelta(hours=7))
D = dt.date
NOW = dt.datetime(2026, 3, 2, 9, tzinfo=VN)
TODAY = NOW.date()
HEAD = Member("m-head", "Nguyễn Văn Trưởng", "head", "UBND phường", D(2025, 1, 1))
MEMBER = Member("m-1", "Trần Thị Thành Viên", "member", "Ủy ban MTTQ phường", D(2025, 1, 1))
GONE = replace(MEMBER, id="m-gone", joined_on=D(2024, 1, 1), left_on=D(2025, 6, 1))
MEMBERS = [HEAD, MEMBER, GONE]


def spec(**fields: object) -> TaskSpec:
    base = TaskSpec(
        1, "Hội nghị quán triệt Nghị định 59", "m-1", D(2026, 3, 1), D(2026, 3, 31), "x"
    )
    return replace(base, **fields)


def drafted_with_task() -> tuple[Plan, Task]:
    plan = draft_plan(plan_id="p", ward="ben-thanh", year=2026)
    return add(plan, spec(), task_id="t1", members=MEMBERS, today=TODAY)


def adopted() -> tuple[Plan, Task]:
    plan, task = drafted_with_task()
    plan, (task,) = adopt(plan, [task], member=HEAD, at=NOW)
    return plan, task


def test_a_draft_has_the_four_purposes_and_the_eight_groups_of_the_seed_plan() -> None:
    plan = draft_plan(plan_id="p", ward="ben-thanh", year=2026)
    assert plan.title == "Kế hoạch thực hiện Quy chế dân chủ ở cơ sở năm 2026"
    assert plan.purposes == DEFAULT_PURPOSES and len(plan.purposes) == 4
    assert [g.number for g in plan.task_groups] == list(range(1, 9))
    assert plan.task_groups[0].description.startswith("Tập trung đẩy mạnh công tác tuyên truyền")
    assert "Kết luận số 120-KL/TW" in plan.task_groups[0].description
    assert "76/NQ-CP" in plan.task_groups[2].description
    assert "11-QĐ/TW" in plan.task_groups[3].description
    assert (plan.status, plan.edition) == ("draft", 0)
    assert all(len(g.title) < 100 for g in DEFAULT_TASK_GROUPS)


def test_group_titles_are_edited_while_drafted_and_unknown_groups_refused() -> None:
    plan = draft_plan(plan_id="p", ward="w", year=2026, groups=[GroupEdit(2, "Hội nghị chuyên đề")])
    assert plan.task_groups[1].title == "Hội nghị chuyên đề"
    assert plan.task_groups[1].description == DEFAULT_TASK_GROUPS[1].description
    edited = edit_draft(plan, title="Kế hoạch 2026")
    assert (edited.title, edited.version) == ("Kế hoạch 2026", 2)
    with pytest.raises(Refused, match="no task group 9"):
        edit_draft(plan, groups=[GroupEdit(9, "x")])
    with pytest.raises(Refused, match="Nothing changed"):
        edit_draft(plan, title=plan.title)


def test_a_task_is_owned_by_a_sitting_member_and_due_after_it_starts() -> None:
    plan = draft_plan(plan_id="p", ward="w", year=2026)
    with pytest.raises(Refused, match="does not sit on the steering committee"):
        add(plan, spec(owner="m-gone"), task_id="t", members=MEMBERS, today=TODAY)
    with pytest.raises(Refused, match="No steering-committee member"):
        add(plan, spec(owner="m-x"), task_id="t", members=MEMBERS, today=TODAY)
    with pytest.raises(Refused, match="cannot precede the start date"):
        add(plan, spec(due_on=D(2026, 2, 1)), task_id="t", members=MEMBERS, today=TODAY)
    # A member who joins later may own a task that starts before they joined.
    late = replace(MEMBER, id="m-new", joined_on=TODAY)
    _, task = add(plan, spec(owner="m-new"), task_id="t", members=[late], today=TODAY)
    assert task.owner == "m-new"


def test_adoption_needs_a_task_and_makes_edition_1_after_which_drafting_is_refused() -> None:
    empty = draft_plan(plan_id="p", ward="w", year=2026)
    with pytest.raises(Refused, match="no task yet"):
        adopt(empty, [], member=HEAD, at=NOW)
    plan, task = adopted()
    assert (plan.status, plan.edition, plan.adopted_by, task.version) == ("adopted", 1, "m-head", 2)
    with pytest.raises(Refused, match="change it by an amendment") as refused:
        add(plan, spec(), task_id="t2", members=MEMBERS, today=TODAY)
    assert refused.value.conflict
    with pytest.raises(Refused, match="change it by an amendment"):
        edit_draft(plan, title="Khác")
    with pytest.raises(Refused, match="change it by an amendment"):
        adopt(plan, [task], member=HEAD, at=NOW)


def test_an_amendment_is_a_new_edition_keeping_task_ids() -> None:
    plan, task = adopted()
    amendment = amend(
        plan,
        [task],
        add=[("t2", spec(task_group=5, title="Công khai dự án"))],
        changes=[TaskChange("t1", owner="m-head", due_on=D(2026, 4, 30))],
        members=MEMBERS,
        today=TODAY,
    )
    assert (amendment.plan.edition, amendment.plan.version) == (2, plan.version + 1)
    (changed,) = amendment.changed
    assert (changed.id, changed.owner, changed.due_on) == ("t1", "m-head", D(2026, 4, 30))
    assert amendment.reassigned == {"t1"}
    assert [t.id for t in amendment.added] == ["t2"]
    document = edition_document(
        amendment.plan, [changed, *amendment.added], member=HEAD, at=NOW, reason="Bổ sung"
    )
    assert [t["id"] for t in document["tasks"]] == ["t1", "t2"] and document["edition"] == 2

    with pytest.raises(Refused, match="changes at least one thing"):
        amend(plan, [task], members=MEMBERS, today=TODAY)
    with pytest.raises(Refused, match="not part of this plan"):
        amend(plan, [task], changes=[TaskChange("t9", title="x")], members=MEMBERS, today=TODAY)
    draft, draft_task = drafted_with_task()
    with pytest.raises(Refused, match="not been adopted"):
        amend(
            draft,
            [draft_task],
            changes=[TaskChange("t1", cancelled=True)],
            members=MEMBERS,
            today=TODAY,
        )


def test_a_cancelled_task_takes_no_progress_nor_change() -> None:
    plan, task = adopted()
    amendment = amend(
        plan, [task], changes=[TaskChange("t1", cancelled=True)], members=MEMBERS, today=TODAY
    )
    (cancelled,) = amendment.changed
    assert cancelled.status == "cancelled" and not amendment.reassigned
    with pytest.raises(Refused, match="cancelled"):
        report_progress(
            amendment.plan, cancelled, percent=10, note="n", evidence=[], reporter="o", at=NOW
        )
    with pytest.raises(Refused, match="cannot change"):
        amend(
            amendment.plan,
            [cancelled],
            changes=[TaskChange("t1", title="x")],
            members=MEMBERS,
            today=TODAY,
        )


def test_progress_never_goes_down_and_100_completes_on_time_until_the_due_day_ends() -> None:
    plan, task = adopted()
    draft, draft_task = drafted_with_task()
    with pytest.raises(Refused, match="not been adopted"):
        report_progress(draft, draft_task, percent=10, note="n", evidence=[], reporter="o", at=NOW)
    first = report_progress(
        plan, task, percent=40, note="Đã họp", evidence=["https://x.vn/a"], reporter="o", at=NOW
    )
    assert (first.progressed.percent, first.progressed.version, first.completed) == (40, 3, None)
    with pytest.raises(Refused, match="cannot go down") as refused:
        report_progress(
            plan, first.progressed, percent=30, note="n", evidence=[], reporter="o", at=NOW
        )
    assert "không được giảm" in refused.value.detail_vi and not refused.value.conflict
    with pytest.raises(Refused, match="http"):
        report_progress(
            plan, first.progressed, percent=50, note="n", evidence=["ftp://x"], reporter="o", at=NOW
        )

    last_instant = dt.datetime(2026, 3, 31, 23, 59, tzinfo=VN)
    done = report_progress(
        plan, first.progressed, percent=100, note="Xong", evidence=[], reporter="o", at=last_instant
    )
    assert done.completed is not None
    assert (done.completed.status, done.completed.version, done.completed.on_time) == (
        "completed",
        5,
        True,
    )
    late = report_progress(
        plan,
        first.progressed,
        percent=100,
        note="Xong",
        evidence=[],
        reporter="o",
        at=dt.datetime(2026, 4, 1, 0, 1, tzinfo=VN),
    )
    assert late.completed is not None and late.completed.on_time is False


def test_a_task_is_overdue_once_its_due_day_has_ended_in_viet_nam() -> None:
    _, task = adopted()  # due 31 March 2026
    assert not task.overdue(dt.datetime(2026, 3, 31, 23, 59, tzinfo=VN))
    assert task.overdue(dt.datetime(2026, 3, 31, 17, 1, tzinfo=dt.UTC))  # 00:01 on 1 April
    assert not replace(task, status="completed").overdue(dt.datetime(2026, 5, 1, tzinfo=VN))


def test_the_report_closes_the_plan() -> None:
    plan, _ = adopted()
    reported = report_plan(plan, summary="Hoàn thành", results=[(1, "Đã tuyên truyền")], at=NOW)
    assert reported.status == "reported" and reported.report is not None
    with pytest.raises(Refused, match="reported on") as refused:
        report_plan(reported, summary="Lần nữa", results=[], at=NOW)
    assert refused.value.conflict
    with pytest.raises(Refused, match="one result"):
        report_plan(plan, summary="s", results=[(1, "a"), (1, "b")], at=NOW)
