"""Publicity's handlers on the fakes, through the pipeline a route uses (``run_command``): no
database, no broker, a fixed clock. What they leave behind is read from the fake unit of work:
committed events, audit records, repository contents."""

from __future__ import annotations

import datetime as dt
from collections.abc import Awaitable
from typing import TypeVar

import pytest

from qcdc_publicity.domain.consultation import Comment
from qcdc_publicity.domain.posting import Posting
from qcdc_publicity.fakes import FakePublicityUnitOfWork
from qcdc_publicity.handlers import consultations, postings
from qcdc_publicity.handlers.quarterly import publish_quarterly_list
from qcdc_shared.api.commands import run_command
from qcdc_shared.api.problems import Problem
from qcdc_shared.auth import Principal
from qcdc_shared.clock import LOCAL_TZ, FixedClock
from qcdc_shared.law.calendar import WorkingCalendar
from qcdc_shared.law.rulebook import RuleBook
from qcdc_shared.law.rules import load_rule_table

pytestmark = pytest.mark.unit

T = TypeVar("T")

RULES = RuleBook(load_rule_table(), WorkingCalendar())
OFFICER = Principal(sub="can-bo-1", role="officer", ward="ben-thanh")
THURSDAY = dt.datetime(2026, 11, 26, 9, 0, tzinfo=LOCAL_TZ)


def fake(at: dt.datetime = THURSDAY) -> FakePublicityUnitOfWork:
    return FakePublicityUnitOfWork(clock=FixedClock(at))


async def as_officer(
    uow: FakePublicityUnitOfWork, call: Awaitable[T], action: str, target: str = "p-1"
) -> T:
    """As a route runs a command: in its unit of work, audited as the officer."""
    return await run_command(call, uow=uow, actor=OFFICER, action=action, target=target)


async def published(
    uow: FakePublicityUnitOfWork, posting_id: str = "p-1", category: int = 2, **fields: object
) -> Posting:
    draft = postings.create_posting(
        uow=uow,
        rules=RULES,
        posting_id=posting_id,
        created_by=OFFICER.sub,
        category=category,
        title=str(fields.get("title", "Dự toán ngân sách 2027")),
        body="…",
        decided_on=uow.clock.now().date() - dt.timedelta(days=1),
        channels=("notice_board",),
    )
    await as_officer(uow, draft, "posting.create", posting_id)
    publish = postings.publish_posting(
        uow=uow, rules=RULES, posting_id=posting_id, published_at=None
    )
    return await as_officer(uow, publish, "posting.publish", posting_id)


async def test_publishing_commits_the_version_its_ledger_entry_its_event_and_the_audit() -> None:
    uow = fake()
    posting = await published(uow)
    assert posting.status == "published" and posting.violations == ()
    assert [d.rule for d in posting.deadlines] == ["PUB-DUE", "PUB-MIN30"]
    assert uow.event_types() == ["vn.qcdc.publicity.posting.published.v1"]
    assert uow.events[0].data["ledger"] == {"sequence": 1, "hash": uow.ledger.entries[0].hash}
    assert [(a.action, a.outcome) for a in uow.audit_log] == [
        ("posting.create", "ok"),
        ("posting.publish", "ok"),
    ]


async def test_a_refused_command_changes_nothing_and_is_audited_with_its_rule() -> None:
    uow = fake()
    await published(uow)
    early = postings.withdraw_posting(uow=uow, rules=RULES, posting_id="p-1", reason="  ")
    with pytest.raises(Problem) as refused:
        await as_officer(uow, early, "posting.withdraw")
    assert refused.value.status == 422
    assert (await uow.postings.get("p-1")).status == "published"  # type: ignore[union-attr]
    assert uow.event_types() == ["vn.qcdc.publicity.posting.published.v1"]
    assert uow.audit_log[-1].outcome == "refused"
    assert uow.audit_log[-1].detail == {"rule": None}


async def test_withdrawing_a_budget_posting_after_three_days_breaks_pub_min30() -> None:
    uow = fake()
    await published(uow)
    uow.clock.advance(dt.timedelta(days=3))
    withdraw = postings.withdraw_posting(uow=uow, rules=RULES, posting_id="p-1", reason="Sai số")
    posting = await as_officer(uow, withdraw, "posting.withdraw")
    assert posting.violations == ("PUB-MIN30",)
    assert uow.events[-1].type == "vn.qcdc.publicity.posting.withdrawn.v1"
    assert [e.hash for e in uow.ledger.entries][-1] == uow.events[-1].data["ledger"]["hash"]


async def test_an_unknown_posting_is_a_404_problem() -> None:
    uow = fake()
    missing = postings.publish_posting(uow=uow, rules=RULES, posting_id="nope", published_at=None)
    with pytest.raises(Problem) as not_found:
        await as_officer(uow, missing, "posting.publish", "x")
    assert not_found.value.status == 404 and "nope" in not_found.value.detail_en


async def test_the_quarterly_list_is_posted_once_on_time_by_pub_qtr() -> None:
    uow = fake(dt.datetime(2026, 12, 30, 16, 0, tzinfo=LOCAL_TZ))
    await published(uow, "p-1", title="Kế hoạch kinh tế - xã hội")
    await published(uow, "p-2", category=3, title="Quy hoạch sử dụng đất")
    uow.clock.at = dt.datetime(2027, 1, 4, 8, 0, tzinfo=LOCAL_TZ)  # first working day of Q1

    assert await publish_quarterly_list(uow, RULES) is True
    assert await publish_quarterly_list(uow, RULES) is False  # one list a quarter
    listed = [p for p in uow.postings.items.values() if p.source]
    assert len(listed) == 1
    (quarterly,) = listed
    assert quarterly.title == "Danh mục thông tin đã công khai quý 4/2026"
    assert "Kế hoạch kinh tế" in quarterly.body and "Quy hoạch sử dụng đất" in quarterly.body
    assert [d.rule for d in quarterly.deadlines] == ["PUB-QTR.due"]
    assert quarterly.deadlines[0].due == dt.date(2027, 1, 8) and quarterly.violations == ()


async def test_a_sweep_expires_a_posting_once_its_thirty_days_are_over() -> None:
    uow = fake()
    posting = await published(uow)
    uow.clock.advance(dt.timedelta(days=29))
    assert await postings.expire_postings(uow, RULES) == 0
    minimum = posting.deadline("PUB-MIN30")
    assert minimum is not None
    uow.clock.at = minimum.due_at + dt.timedelta(seconds=1)
    assert await postings.expire_postings(uow, RULES) == 1
    assert (await uow.postings.get("p-1")).status == "expired"  # type: ignore[union-attr]
    assert uow.events[-1].type == "vn.qcdc.publicity.posting.expired.v1"


async def test_a_comment_shows_a_name_only_when_asked_and_is_kept_under_a_pseudonym() -> None:
    uow = fake()
    opened = consultations.open_consultation(
        uow=uow,
        rules=RULES,
        consultation_id="c-1",
        created_by="can-bo-1",
        title="Dự thảo",
        draft="…",
    )
    await as_officer(uow, opened, "consultation.open", "c-1")
    resident = Principal(sub="cong-dan-1", role="citizen", name="Nguyễn Thị Lan")

    async def comment(comment_id: str, show_name: bool, name: str | None) -> Comment:
        call = consultations.comment(
            uow=uow,
            consultation_id="c-1",
            comment_id=comment_id,
            commenter="pseudonym-1",
            text="Đồng ý",
            show_name=show_name,
            name=name,
        )
        action = "consultation.comment"
        return await run_command(call, uow=uow, actor=resident, action=action, target="c-1")

    named = await comment("k-1", True, resident.name)
    hidden = await comment("k-2", False, resident.name)
    assert (named.display_name, hidden.display_name) == ("Nguyễn Thị Lan", None)
    assert {commenter for _, commenter in uow.consultations.comment_rows} == {"pseudonym-1"}
    with pytest.raises(Problem):
        await comment("k-3", True, None)
    assert (await uow.consultations.get("c-1")).comments_received == 2  # type: ignore[union-attr]
