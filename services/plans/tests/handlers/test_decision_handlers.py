"""Residents' decisions' handlers on the fakes, through the pipeline a route uses
(``run_command``): no database, no broker, a fixed clock (Thursday 26 November 2026)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Awaitable
from typing import Any

import pytest

from qcdc_plans.domain.decision import Decision, Tally
from qcdc_plans.domain.initiative import Initiative
from qcdc_plans.domain.opening import Form
from qcdc_plans.fakes import OFFICER, RULES, FakePlansUnitOfWork, refused, run
from qcdc_plans.handlers import decisions
from qcdc_shared.auth import Principal
from qcdc_shared.law.deadlines import start_of_day

pytestmark = [pytest.mark.unit, pytest.mark.usefixtures("tdp_05")]

FRONT = Principal(sub="mttq-1", role="front", ward="ben-thanh")
TODAY = dt.date(2026, 11, 26)
VOTE_AT = start_of_day(TODAY)
NOTICE_AT = start_of_day(RULES.deadline("DEC-NOTICE", VOTE_AT).due)


def opening(
    uow: FakePlansUnitOfWork,
    decision_id: str = "d-1",
    *,
    form: Form = "meeting",
    notice_at: dt.datetime = NOTICE_AT,
    **fields: Any,
) -> Awaitable[Decision]:
    return decisions.open_decision(
        uow=uow,
        rules=RULES,
        actor=OFFICER,
        decision_id=decision_id,
        topic=1,
        title="Góp vốn nâng cấp hẻm 12",
        group="TDP-05",
        form=form,
        notice_at=notice_at,
        vote_at=VOTE_AT,
        **fields,
    )


async def test_a_result_counts_over_all_registered_households_and_is_then_recognised(
    uow: FakePlansUnitOfWork,
) -> None:
    opened = await run(uow, opening(uow), "decision.open", "decision:d-1")
    assert (opened.households_total, opened.rules_checked[-1]) == (90, "DEC-NOTICE")
    tally = Tally(yes=61, no=9, abstain=0, present=72)
    tallied = decisions.record_tally(uow=uow, rules=RULES, decision_id="d-1", tally=tally)
    await run(uow, tallied, "decision.tally", "decision:d-1")
    close = decisions.close_decision(uow=uow, rules=RULES, decision_id="d-1", minutes=None)
    closed = await run(uow, close, "decision.close", "decision:d-1")
    recognise = decisions.recognise_decision(
        uow=uow, actor=FRONT, decision_id="d-1", outcome="recognised", reason=None
    )
    recognised = await run(uow, recognise, "decision.recognise", "decision:d-1", FRONT)

    assert closed.result is not None
    assert (closed.result.passed, closed.result.threshold) == (True, 60)  # 2/3 of 90, not of 72
    assert (recognised.status, recognised.version) == ("recognised", 4)
    assert uow.event_types() == [
        "vn.qcdc.plans.decision.opened.v1",
        "vn.qcdc.plans.decision.closed.v1",
        "vn.qcdc.plans.decision.recognised.v1",
    ]
    assert [e.sequence for e in uow.events] == [1, 3, 4]
    assert uow.events[1].data["yes"] == 61 and uow.events[1].data["rule"] == closed.result.rule
    assert uow.events[2].data["recognition"] == "recognised"
    assert [(a.action, a.target, a.actor) for a in uow.audit_log] == [
        ("decision.open", "decision:d-1", "can-bo-1"),
        ("decision.tally", "decision:d-1", "can-bo-1"),
        ("decision.close", "decision:d-1", "can-bo-1"),
        ("decision.recognise", "decision:d-1", "mttq-1"),
    ]


async def test_notice_later_than_dec_notice_allows_is_refused_and_nothing_opens(
    uow: FakePlansUnitOfWork,
) -> None:
    problem = await refused(uow, opening(uow, notice_at=VOTE_AT), "decision.open", "decision:d-1")
    assert (problem.status, problem.rule) == (422, "DEC-NOTICE")
    assert uow.decisions.items == {} and uow.events == []
    assert (uow.audit_log[-1].outcome, uow.audit_log[-1].detail) == (
        "refused",
        {"rule": "DEC-NOTICE"},
    )


async def test_a_household_votes_once_and_the_answer_says_only_how_many_voted(
    uow: FakePlansUnitOfWork,
) -> None:
    await run(uow, opening(uow, form="ballot"), "decision.open", "decision:d-1")

    def vote(household: str) -> Awaitable[tuple[Decision, Tally]]:
        return decisions.record_vote(
            uow=uow, actor=OFFICER, decision_id="d-1", household=household, choice="yes"
        )

    decision, counts = await run(uow, vote("HO-1"), "decision.vote", "decision:d-1")
    assert (decision.households_total, counts.present) == (90, 1)
    problem = await refused(uow, vote("HO-1"), "decision.vote", "decision:d-1")
    assert problem.status == 409
    assert (await uow.decisions.votes("d-1")).present == 1
    assert [(a.action, a.outcome) for a in uow.audit_log][-2:] == [
        ("decision.vote", "ok"),
        ("decision.vote", "refused"),
    ]
    assert all("HO-1" not in a.target for a in uow.audit_log)  # the decision is the target


async def test_an_unknown_decision_is_a_404_audited_as_refused(uow: FakePlansUnitOfWork) -> None:
    close = decisions.close_decision(uow=uow, rules=RULES, decision_id="d-9", minutes=None)
    problem = await refused(uow, close, "decision.close", "decision:d-9")
    assert problem.status == 404 and "d-9" in problem.detail_en
    assert [(a.target, a.outcome) for a in uow.audit_log] == [("decision:d-9", "refused")]


async def test_an_initiative_that_reached_its_support_leads_to_one_decision_only(
    uow: FakePlansUnitOfWork,
) -> None:
    reached = Initiative(
        "i-1", "ben-thanh", 1, "Nâng cấp hẻm 12", "TDP-05", VOTE_AT, status="reached"
    )
    uow.initiatives.items["i-1"] = reached

    too_late = opening(uow, "d-0", initiative="i-1", notice_at=VOTE_AT)
    assert (await refused(uow, too_late, "decision.open", "decision:d-0")).rule == "DEC-NOTICE"
    assert uow.initiatives.items["i-1"] == reached  # a refused opening leaves it untouched

    await run(uow, opening(uow, initiative="i-1"), "decision.open", "decision:d-1")
    led = uow.initiatives.items["i-1"]
    assert (led.decision_id, led.version) == ("d-1", 2)
    assert uow.decisions.items["d-1"].initiative_id == "i-1"

    second = opening(uow, "d-2", initiative="i-1")
    again = await refused(uow, second, "decision.open", "decision:d-2")
    assert (again.status, again.rule) == (409, "DEC-INIT")
    assert set(uow.decisions.items) == {"d-1"}
