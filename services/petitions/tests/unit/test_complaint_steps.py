"""A complaint's steps from Law 136/2025/QH15 and Decree 124/2020/NĐ-CP: its resolution
suspended and resumed without counting the days it stood still, withdrawn whole or in part,
its decision published; and the remote-area rows of CMP-RESOLVE. An item started before a
row took effect keeps the earlier rule."""

from __future__ import annotations

import datetime as dt

import pytest

from qcdc_petitions.builders import CITIZEN, OFFICER, RULES, at, received
from qcdc_petitions.domain import complaint_steps as steps
from qcdc_petitions.domain import workflow
from qcdc_petitions.domain.petition import Petition, PetitionRefused

pytestmark = pytest.mark.unit

D = dt.date


def complaint(day: dt.date) -> Petition:
    return received("complaint", day, hour=8, by=CITIZEN)


def accepted(
    day: dt.date, *, remote_area: bool = False, complex_reason: str | None = None
) -> Petition:
    return workflow.accept(
        complaint(day),
        actor=OFFICER,
        now=at(day, 10),
        rules=RULES,
        remote_area=remote_area,
        complex_reason=complex_reason,
    )


def due(petition: Petition) -> dt.date:
    assert petition.resolution is not None
    return petition.resolution.deadline.due


def suspended(petition: Petition, day: dt.date) -> Petition:
    return steps.suspend(
        petition, actor=OFFICER, now=at(day), rules=RULES, reason="chờ kết quả giám định"
    )


MONDAY = D(2026, 7, 6)


def test_the_days_suspended_are_not_counted_in_the_resolution_period() -> None:
    petition = accepted(MONDAY)
    before = due(petition)
    paused = suspended(petition, D(2026, 7, 13))
    assert paused.status == "suspended" and due(paused) == before
    # While suspended nothing is overdue: the clock stands still (not even the old due date).
    assert paused.open_due_at is None and paused.next_escalation_at is None
    resumed = steps.resume(paused, actor=OFFICER, now=at(D(2026, 7, 20), 14), rules=RULES)
    assert resumed.status == "accepted"
    # CMP-RESOLVE counts calendar days: seven days stood still, the due date moves by seven.
    assert RULES.rule("CMP-RESOLVE", MONDAY).unit == "calendar_days"
    assert due(resumed) - before == D(2026, 7, 20) - D(2026, 7, 13)
    explanation = resumed.resolution.deadline.explanation_en  # type: ignore[union-attr]
    assert "Suspended from Monday 2026-07-13 to Monday 2026-07-20" in explanation
    assert [e.action for e in resumed.history][-2:] == ["suspended", "resumed"]
    assert resumed.history[-1].detail["due"] == due(resumed).isoformat()


def test_two_suspensions_add_up_and_survive_declaring_complex() -> None:
    petition = accepted(MONDAY)
    base = due(petition)
    once = steps.resume(
        suspended(petition, D(2026, 7, 7)), actor=OFFICER, now=at(D(2026, 7, 9)), rules=RULES
    )
    twice = steps.resume(
        suspended(once, D(2026, 7, 14)), actor=OFFICER, now=at(D(2026, 7, 17)), rules=RULES
    )
    assert (due(twice) - base).days == 2 + 3  # Wed 5 Aug → Mon 10 Aug, no day off to roll
    complex_ = workflow.extend(
        twice, actor=OFFICER, now=at(D(2026, 7, 16)), rules=RULES, reason="nhiều bên"
    )
    plain_complex = RULES.deadline("CMP-RESOLVE.complex", at(MONDAY, 10)).due
    assert complex_.resolution.rule == "CMP-RESOLVE.complex"  # type: ignore[union-attr]
    assert (due(complex_) - plain_complex).days == 5


def test_a_complaint_accepted_before_the_row_cannot_be_suspended() -> None:
    eve = D(2026, 6, 30)
    row = RULES.table.rows(steps.SUSPENSION)[0]
    assert row.effective_from > eve
    with pytest.raises(PetitionRefused) as refused:
        suspended(accepted(eve), D(2026, 7, 6))
    assert refused.value.rule == steps.SUSPENSION and refused.value.conflict
    assert row.effective_from.isoformat() in refused.value.detail_en


def test_only_a_running_accepted_complaint_is_suspended_and_answering_waits() -> None:
    with pytest.raises(PetitionRefused):
        suspended(complaint(MONDAY), D(2026, 7, 7))  # not accepted
    paused = suspended(accepted(MONDAY), D(2026, 7, 7))
    with pytest.raises(PetitionRefused, match="already suspended"):
        suspended(paused, D(2026, 7, 8))
    with pytest.raises(PetitionRefused) as waits:
        steps.check_running(paused, doing_vi="trả lời", doing_en="answered")
    assert waits.value.rule == steps.SUSPENSION and "Resume it first" in waits.value.detail_en
    with pytest.raises(PetitionRefused, match="not suspended"):
        steps.resume(accepted(MONDAY), actor=OFFICER, now=at(D(2026, 7, 8)), rules=RULES)
    late = accepted(MONDAY)
    with pytest.raises(PetitionRefused, match="has ended"):
        suspended(late, due(late) + dt.timedelta(days=1))


def test_a_suspended_complaint_is_not_escalated_by_its_holder_either() -> None:
    paused = suspended(accepted(MONDAY), D(2026, 7, 13))
    long_after = at(D(2026, 9, 30))
    with pytest.raises(PetitionRefused):
        workflow.escalate_by_citizen(
            paused, tracking_code="BT-2345-6789", now=long_after, reason=None
        )


def test_whole_withdrawal_ends_the_complaint_and_settles_its_clocks() -> None:
    petition = accepted(MONDAY)
    gone = steps.withdraw(
        petition,
        actor=OFFICER,
        now=at(D(2026, 7, 10)),
        rules=RULES,
        whole=True,
        request_on=D(2026, 7, 9),
    )
    assert gone.status == "withdrawn"
    assert all(not d.is_open for d in gone.deadlines)
    assert gone.history[-1].detail == {
        "rule": steps.WITHDRAWAL,
        "whole": True,
        "request_on": "2026-07-09",
    }
    closed = workflow.close(gone, actor=OFFICER, now=at(D(2026, 7, 11)))
    assert closed.status == "closed"
    with pytest.raises(PetitionRefused):
        steps.withdraw(
            gone,
            actor=OFFICER,
            now=at(D(2026, 7, 11)),
            rules=RULES,
            whole=True,
            request_on=D(2026, 7, 11),
        )


def test_whole_withdrawal_is_allowed_before_2026_as_under_the_2011_law() -> None:
    old = complaint(D(2026, 3, 2))
    gone = steps.withdraw(
        old, actor=OFFICER, now=at(D(2026, 3, 3)), rules=RULES, whole=True, request_on=D(2026, 3, 3)
    )
    assert gone.status == "withdrawn"


def test_partial_withdrawal_keeps_the_clock_and_only_from_its_row() -> None:
    petition = accepted(MONDAY)
    part = steps.withdraw(
        petition,
        actor=OFFICER,
        now=at(D(2026, 7, 10)),
        rules=RULES,
        whole=False,
        part="Yêu cầu bồi thường",
        request_on=D(2026, 7, 10),
    )
    assert part.status == petition.status and part.deadlines == petition.deadlines
    assert part.history[-1].action == "withdrawn_in_part"
    assert part.history[-1].detail["part"] == "Yêu cầu bồi thường"
    old = complaint(D(2026, 6, 30))
    with pytest.raises(PetitionRefused) as refused:
        steps.withdraw(
            old,
            actor=OFFICER,
            now=at(D(2026, 7, 2)),
            rules=RULES,
            whole=False,
            part="một phần",
            request_on=D(2026, 7, 1),
        )
    assert refused.value.rule == steps.PARTIAL_WITHDRAWAL


@pytest.mark.parametrize(
    ("whole", "part", "request_on"),
    [
        (False, None, D(2026, 7, 10)),  # a partial withdrawal says which part
        (True, "một phần", D(2026, 7, 10)),  # a whole one gives no part
        (True, None, D(2026, 7, 5)),  # dated before the complaint was received
        (True, None, D(2026, 7, 11)),  # dated in the future
    ],
)
def test_a_withdrawal_that_does_not_add_up_is_refused(
    whole: bool, part: str | None, request_on: dt.date
) -> None:
    with pytest.raises(PetitionRefused):
        steps.withdraw(
            accepted(MONDAY),
            actor=OFFICER,
            now=at(D(2026, 7, 10)),
            rules=RULES,
            whole=whole,
            part=part,
            request_on=request_on,
        )


def test_withdrawing_a_suspended_complaint_does_not_count_the_days_it_stood_still() -> None:
    petition = accepted(MONDAY)
    last_day = petition.resolution.due_at  # type: ignore[union-attr]
    paused = suspended(petition, D(2026, 7, 13))
    # Withdrawn a day after the old due date, but within it once the suspension is left out.
    after = last_day + dt.timedelta(days=1)
    gone = steps.withdraw(
        paused, actor=OFFICER, now=after, rules=RULES, whole=True, request_on=after.date()
    )
    assert gone.resolution.met is True  # type: ignore[union-attr]


def answered(day: dt.date) -> Petition:
    petition = workflow.answer(accepted(MONDAY), actor=OFFICER, now=at(day), text="Giữ nguyên")
    return steps.start_publication(petition, rules=RULES)


def test_a_decision_starts_the_publication_clock_and_publishing_settles_it() -> None:
    decided = answered(D(2026, 7, 20))
    clock = decided.deadline(steps.PUBLISH)
    assert clock is not None and clock.is_open
    assert clock.deadline.due == RULES.deadline(steps.PUBLISH, at(D(2026, 7, 20))).due
    posted = steps.publish_decision(
        decided, actor=OFFICER, now=at(D(2026, 7, 22)), rules=RULES, form="posting"
    )
    assert posted.deadline(steps.PUBLISH).met is True  # type: ignore[union-attr]
    posting = RULES.deadline(steps.POSTING, at(D(2026, 7, 22))).due
    assert steps.posted_until(posted) == posting
    assert posted.history[-1].detail == {
        "rule": steps.PUBLISH,
        "form": "posting",
        "on_time": True,
        "published_at": at(D(2026, 7, 22)).isoformat(),
        "posted_until": posting.isoformat(),
    }
    with pytest.raises(PetitionRefused, match="already published"):
        steps.publish_decision(
            posted, actor=OFFICER, now=at(D(2026, 7, 23)), rules=RULES, form="media"
        )


def test_a_late_publication_is_recorded_late_and_a_meeting_has_no_posting() -> None:
    decided = answered(D(2026, 7, 20))
    late = decided.deadline(steps.PUBLISH).due_at + dt.timedelta(days=1)  # type: ignore[union-attr]
    done = steps.publish_decision(decided, actor=OFFICER, now=late, rules=RULES, form="meeting")
    assert done.deadline(steps.PUBLISH).met is False  # type: ignore[union-attr]
    assert steps.posted_until(done) is None


def test_a_publication_recorded_later_is_timed_by_its_own_day() -> None:
    """Posted on time but recorded after the period: met, and the posting counts from the day
    it went up, not from the day it was recorded."""
    decided = answered(D(2026, 7, 20))
    due = decided.deadline(steps.PUBLISH).deadline.due  # type: ignore[union-attr]
    posted_on = D(2026, 7, 21)
    recorded = at(due + dt.timedelta(days=10))
    posted = steps.publish_decision(
        decided,
        actor=OFFICER,
        now=recorded,
        rules=RULES,
        form="posting",
        published_at=at(posted_on),
    )
    assert posted.deadline(steps.PUBLISH).met is True  # type: ignore[union-attr]
    assert steps.posted_until(posted) == RULES.deadline(steps.POSTING, at(posted_on)).due
    assert steps.posted_until(posted) != RULES.deadline(steps.POSTING, recorded).due
    assert posted.history[-1].at == recorded


@pytest.mark.parametrize(
    "given",
    [at(D(2026, 7, 20), 8), at(D(2026, 7, 23))],
    ids=["before-the-decision", "in-the-future"],
)
def test_a_publication_before_the_decision_or_in_the_future_is_refused(
    given: dt.datetime,
) -> None:
    decided = answered(D(2026, 7, 20))  # decided at 09:00
    with pytest.raises(PetitionRefused) as refused:
        steps.publish_decision(
            decided,
            actor=OFFICER,
            now=at(D(2026, 7, 22)),
            rules=RULES,
            form="media",
            published_at=given,
        )
    assert refused.value.rule == steps.PUBLISH and not refused.value.conflict
    assert refused.value.detail_vi and refused.value.detail_en


def test_closing_the_file_leaves_the_publication_to_be_recorded() -> None:
    decided = answered(D(2026, 7, 20))
    closed = workflow.close(decided, actor=OFFICER, now=at(D(2026, 7, 21)))
    assert closed.deadline(steps.PUBLISH).is_open  # type: ignore[union-attr]
    posted = steps.publish_decision(
        closed, actor=OFFICER, now=at(D(2026, 7, 22)), rules=RULES, form="media"
    )
    assert posted.deadline(steps.PUBLISH).met is True  # type: ignore[union-attr]


def test_a_suspended_complaint_changes_hands_and_stays_suspended() -> None:
    stopped = suspended(accepted(MONDAY), D(2026, 7, 8))
    handed = workflow.assign(stopped, actor=OFFICER, now=at(D(2026, 7, 9)), handler="can-bo-2")
    assert (handed.status, handed.handler) == ("suspended", "can-bo-2")
    assert handed.history[-1].action == "assigned"
    resumed = steps.resume(handed, actor=OFFICER, now=at(D(2026, 7, 13)), rules=RULES)
    assert resumed.status == "assigned"


def test_the_refusal_to_close_names_the_withdrawal_in_both_languages() -> None:
    with pytest.raises(PetitionRefused) as refused:
        workflow.close(accepted(MONDAY), actor=OFFICER, now=at(D(2026, 7, 8)))
    assert "rút" in refused.value.detail_vi
    assert "withdrawn" in refused.value.detail_en


def test_only_a_complaint_decision_is_published() -> None:
    with pytest.raises(PetitionRefused):
        steps.publish_decision(
            accepted(MONDAY), actor=OFFICER, now=at(D(2026, 7, 8)), rules=RULES, form="media"
        )


@pytest.mark.parametrize(
    ("remote_area", "complex_reason", "rule"),
    [
        (False, None, "CMP-RESOLVE"),
        (False, "nhiều bên", "CMP-RESOLVE.complex"),
        (True, None, "CMP-RESOLVE.remote"),
        (True, "nhiều bên", "CMP-RESOLVE.remote-complex"),
    ],
)
def test_a_remote_ward_takes_the_remote_rows(
    remote_area: bool, complex_reason: str | None, rule: str
) -> None:
    petition = accepted(MONDAY, remote_area=remote_area, complex_reason=complex_reason)
    assert petition.resolution.rule == rule  # type: ignore[union-attr]
    assert due(petition) == RULES.deadline(rule, at(MONDAY, 10)).due


def test_declaring_a_remote_complaint_complex_moves_it_to_the_remote_complex_row() -> None:
    petition = accepted(MONDAY, remote_area=True)
    complex_ = workflow.extend(
        petition, actor=OFFICER, now=at(D(2026, 7, 8)), rules=RULES, reason="nhiều bên"
    )
    assert complex_.resolution.rule == "CMP-RESOLVE.remote-complex"  # type: ignore[union-attr]
    with pytest.raises(PetitionRefused):
        workflow.extend(complex_, actor=OFFICER, now=at(D(2026, 7, 9)), rules=RULES, reason="thêm")
