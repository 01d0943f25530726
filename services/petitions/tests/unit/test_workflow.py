"""The steps after intake: what each allows, how clocks are settled, DEN-RESOLVE's caps, and
overdue detection once per petition and rule (PET-ESC)."""

from __future__ import annotations

import datetime as dt

import pytest

from qcdc_petitions import builders as build
from qcdc_petitions.builders import CITIZEN, CODE, OFFICER, RULES, at
from qcdc_petitions.domain import workflow
from qcdc_petitions.domain.petition import Petition, PetitionRefused, escalate_overdue
from qcdc_petitions.domain.settling import newly_overdue

pytestmark = pytest.mark.unit

D = dt.date


MONDAY = D(2026, 8, 3)


def received(
    kind: str, day: dt.date = MONDAY, channel: str = "online", *, anonymous: bool = False
) -> Petition:
    return build.received(kind, day, channel=channel, anonymous=anonymous, by=CITIZEN)


def accepted_denunciation() -> Petition:
    # Accepted Mon 3 Aug 2026: DEN-RESOLVE 30 days → Wed 2 Sep (National Day) → Thu 3 Sep.
    return workflow.accept(
        received("denunciation"), actor=OFFICER, now=at(D(2026, 8, 3), 15), rules=RULES
    )


def test_den_resolve_extends_once_then_only_when_especially_complex() -> None:
    """Art. 30(2)-(3): a complex case is extended once (DEN-RESOLVE); a second extension needs
    the case declared especially complex (DEN-RESOLVE.especially-complex), keeping the first."""
    petition = accepted_denunciation()
    assert petition.deadline("DEN-RESOLVE").deadline.due == D(2026, 9, 3)  # type: ignore[union-attr]
    # + 30 from the unrolled end (Wed 2 Sep) = Fri 2 Oct; + 30 more = Sun 1 Nov → Mon 2 Nov.
    once = workflow.extend(
        petition, actor=OFFICER, now=at(D(2026, 8, 20)), rules=RULES, reason="phức tạp"
    )
    assert once.deadline("DEN-RESOLVE").deadline.due == D(2026, 10, 2)  # type: ignore[union-attr]
    with pytest.raises(PetitionRefused) as plain:
        workflow.extend(once, actor=OFFICER, now=at(D(2026, 9, 20)), rules=RULES, reason="x")
    assert plain.value.rule == "DEN-RESOLVE"
    assert "DEN-RESOLVE.especially-complex" in plain.value.detail_en
    twice = workflow.extend(
        once,
        actor=OFFICER,
        now=at(D(2026, 9, 20)),
        rules=RULES,
        reason="đặc biệt phức tạp",
        especially_complex=True,
    )
    assert twice.deadline("DEN-RESOLVE") is None
    final = twice.deadline("DEN-RESOLVE.especially-complex")
    assert final is not None and final.deadline.due == D(2026, 11, 2)
    assert twice.resolution == final
    assert [e.reason for e in final.deadline.extensions] == ["phức tạp", "đặc biệt phức tạp"]
    with pytest.raises(PetitionRefused) as third:
        workflow.extend(
            twice,
            actor=OFFICER,
            now=at(D(2026, 10, 20)),
            rules=RULES,
            reason="x",
            especially_complex=True,
        )
    assert third.value.rule == "DEN-RESOLVE"
    with pytest.raises(PetitionRefused) as too_long:  # one extension of 31 days: over 30
        workflow.extend(
            petition, actor=OFFICER, now=at(D(2026, 8, 20)), rules=RULES, reason="x", days=31
        )
    assert too_long.value.rule == "DEN-RESOLVE"
    assert twice.version == petition.version + 2
    assert [e.action for e in twice.history[-2:]] == ["extended", "extended"]


def test_an_extension_after_the_period_ended_is_refused() -> None:
    with pytest.raises(PetitionRefused) as late:
        workflow.extend(
            accepted_denunciation(), actor=OFFICER, now=at(D(2026, 9, 4)), rules=RULES, reason="x"
        )
    assert late.value.conflict and late.value.rule == "DEN-RESOLVE"


def test_a_complaint_is_answered_only_after_acceptance_and_its_clocks_are_settled() -> None:
    petition = received("complaint")
    with pytest.raises(PetitionRefused) as early:
        workflow.answer(petition, actor=OFFICER, now=at(D(2026, 8, 4)), text="...")
    assert early.value.conflict
    accepted = workflow.accept(petition, actor=OFFICER, now=at(D(2026, 8, 4)), rules=RULES)
    answered = workflow.answer(
        accepted, actor=OFFICER, now=at(D(2026, 8, 20)), text="Đã giải quyết"
    )
    assert answered.status == "answered" and answered.answer and answered.answer.on_time
    assert [(d.rule, d.met) for d in answered.deadlines] == [
        ("CMP-ACCEPT", True),
        ("CMP-RESOLVE", True),
    ]
    with pytest.raises(PetitionRefused) as published:
        workflow.answer(
            accepted,
            actor=OFFICER,
            now=at(D(2026, 8, 20)),
            text="x",
            public_interest=True,
            public_title="t",
        )
    assert published.value.rule == "DEN-SECRET"
    closed = workflow.close(answered, actor=OFFICER, now=at(D(2026, 8, 21)))
    assert closed.status == "closed" and [e.version for e in closed.history] == [1, 2, 3, 4]


def test_feedback_is_decided_by_assignment_and_may_be_answered_for_publication() -> None:
    petition = received("feedback")
    assigned = workflow.assign(petition, actor=OFFICER, now=at(D(2026, 8, 4)), handler="can-bo-2")
    assert assigned.deadline("FB-FWD").met is True  # type: ignore[union-attr]
    assert assigned.deadline("REC-REPLY").met is None  # type: ignore[union-attr]
    with pytest.raises(PetitionRefused):
        workflow.answer(
            assigned, actor=OFFICER, now=at(D(2026, 8, 5)), text="x", public_interest=True
        )
    answered = workflow.answer(
        assigned,
        actor=OFFICER,
        now=at(D(2026, 8, 5)),
        text="Đã sửa đèn",
        public_interest=True,
        public_title="Đèn đường Lê Lợi",
    )
    assert answered.answer is not None and answered.answer.public_title == "Đèn đường Lê Lợi"
    with pytest.raises(PetitionRefused):
        workflow.accept(petition, actor=OFFICER, now=at(D(2026, 8, 4)), rules=RULES)


def test_refusal_and_forwarding_close_the_intake_clock_late_or_in_time() -> None:
    petition = received("complaint")  # Mon 3 Aug 2026: CMP-ACCEPT 10 days → Thu 13 Aug
    refused = workflow.refuse(
        petition, actor=OFFICER, now=at(D(2026, 8, 14)), reason="không thuộc thẩm quyền"
    )
    assert refused.status == "refused" and refused.deadline("CMP-ACCEPT").met is False  # type: ignore[union-attr]
    with pytest.raises(PetitionRefused) as again:
        workflow.accept(refused, actor=OFFICER, now=at(D(2026, 8, 13)), rules=RULES)
    assert again.value.conflict
    feedback = workflow.forward(
        received("feedback"),
        actor=OFFICER,
        now=at(D(2026, 8, 5)),
        rules=RULES,
        to="Sở GTVT",
        reason="r",
    )
    assert feedback.status == "forwarded" and feedback.history[-1].detail["rule"] == "FB-FWD"
    assert workflow.close(feedback, actor=OFFICER, now=at(D(2026, 8, 6))).status == "closed"


def test_overdue_deadlines_are_found_once_per_petition_and_rule() -> None:
    petition = received("feedback")  # FB-FWD Mon 10 Aug, REC-REPLY Mon 17 Aug 2026
    assert newly_overdue(petition.deadlines, now=at(D(2026, 8, 10), 23), escalated=()) == []
    late = at(D(2026, 8, 18))
    found = newly_overdue(petition.deadlines, now=late, escalated=())
    assert [rule for rule, _ in found] == ["FB-FWD", "REC-REPLY"]
    overdue, escalated = escalate_overdue(petition, rule="FB-FWD", now=late)
    assert (overdue.version, escalated.version) == (2, 3)
    assert [e.action for e in escalated.history[1:]] == ["overdue", "escalated"]
    assert escalated.next_escalation_at == petition.deadline("REC-REPLY").due_at  # type: ignore[union-attr]
    assert [
        r for r, _ in newly_overdue(escalated.deadlines, now=late, escalated=escalated.escalated)
    ] == ["REC-REPLY"]
    with pytest.raises(PetitionRefused):
        escalate_overdue(escalated, rule="FB-FWD", now=late)
    done = workflow.answer(escalated, actor=OFFICER, now=late, text="x")
    assert newly_overdue(done.deadlines, now=late, escalated=done.escalated) == []  # met late
    assert done.next_escalation_at is None and done.answer and not done.answer.on_time


def test_the_citizen_escalates_a_rejected_answer_once_with_the_tracking_code() -> None:
    accepted = workflow.accept(
        received("complaint"), actor=OFFICER, now=at(D(2026, 8, 4)), rules=RULES
    )
    with pytest.raises(PetitionRefused):  # neither answered nor overdue
        workflow.escalate_by_citizen(
            accepted, tracking_code=CODE, now=at(D(2026, 8, 5)), reason=None
        )
    answered = workflow.answer(accepted, actor=OFFICER, now=at(D(2026, 8, 20)), text="x")
    with pytest.raises(PetitionRefused) as wrong:
        workflow.escalate_by_citizen(
            answered, tracking_code="BT-2345-678A", now=at(D(2026, 8, 21)), reason=None
        )
    assert wrong.value.rule == "PET-ESC" and not wrong.value.conflict
    after, rule = workflow.escalate_by_citizen(
        answered, tracking_code=CODE, now=at(D(2026, 8, 21)), reason="không đồng ý"
    )
    assert rule == "PET-ESC" and after.escalated == ("PET-ESC",)
    assert after.history[-1].actor == CITIZEN
    with pytest.raises(PetitionRefused) as twice:
        workflow.escalate_by_citizen(after, tracking_code=CODE, now=at(D(2026, 8, 22)), reason=None)
    assert twice.value.conflict


def test_a_lead_is_assigned_and_closed_but_never_answered() -> None:
    lead = received("denunciation", anonymous=True)
    with pytest.raises(PetitionRefused) as answered:
        workflow.answer(lead, actor=OFFICER, now=at(D(2026, 8, 4)), text="x")
    assert answered.value.rule == "DEN-INTAKE"
    assigned = workflow.assign(lead, actor=OFFICER, now=at(D(2026, 8, 4)), handler="ban-ttnd")
    assert workflow.close(assigned, actor=OFFICER, now=at(D(2026, 8, 5))).status == "closed"
