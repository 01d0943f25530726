"""Residents' initiatives' handlers on the fakes, through the pipeline a route uses
(``run_command``): no database, no broker, a fixed clock (Thursday 26 November 2026)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Awaitable

import pytest

from qcdc_plans.domain.groups import ResidentialGroup
from qcdc_plans.domain.initiative import Consent, Initiative, Support
from qcdc_plans.fakes import OFFICER, RULES, FakePlansUnitOfWork, refused, run
from qcdc_plans.handlers import initiatives

pytestmark = pytest.mark.unit

TODAY = dt.date(2026, 11, 26)
I_1 = "initiative:i-1"  # the audit's target: the initiative, never a household


async def opened(uow: FakePlansUnitOfWork, households: int = 20) -> tuple[Initiative, Support]:
    uow.groups.items["TDP-05"] = ResidentialGroup("TDP-05", "Tổ 5", households, 0, TODAY)
    call = initiatives.open_initiative(
        uow=uow, rules=RULES, initiative_id="i-1", topic=1, title="Nâng cấp hẻm 12", group="TDP-05"
    )
    return await run(uow, call, "initiative.open", I_1)


def consenting(
    uow: FakePlansUnitOfWork, household: str, given_on: dt.date = TODAY
) -> Awaitable[tuple[Initiative, Consent, Support]]:
    return initiatives.add_consent(
        uow=uow,
        rules=RULES,
        actor=OFFICER,
        initiative_id="i-1",
        household=household,
        given_on=given_on,
    )


async def test_an_initiative_reaches_dec_init_at_a_tenth_of_the_groups_households(
    uow: FakePlansUnitOfWork,
) -> None:
    initiative, backing = await opened(uow)
    assert (initiative.status, backing.required, backing.valid) == ("collecting", 2, 0)

    first, consent, backing = await run(uow, consenting(uow, "HO-1"), "initiative.consent", I_1)
    assert (first.status, backing.valid, consent.valid_until) == (
        "collecting",
        1,
        dt.date(2027, 2, 26),  # DEC-INIT.validity: three months
    )
    reached, _, backing = await run(uow, consenting(uow, "HO-2"), "initiative.consent", I_1)
    assert (reached.status, backing.reached, reached.version) == ("reached", True, 3)
    assert uow.initiatives.items["i-1"] == reached
    assert [(c.household, actor) for _, c, actor in uow.initiatives.consent_rows] == [
        ("HO-1", "can-bo-1"),
        ("HO-2", "can-bo-1"),
    ]
    assert uow.events == []  # no household id ever leaves in an event
    assert [(a.action, a.target) for a in uow.audit_log] == [
        ("initiative.open", "initiative:i-1"),
        ("initiative.consent", "initiative:i-1"),
        ("initiative.consent", "initiative:i-1"),
    ]


async def test_a_household_with_a_valid_consent_cannot_consent_again(
    uow: FakePlansUnitOfWork,
) -> None:
    await opened(uow)
    await run(uow, consenting(uow, "HO-1"), "initiative.consent", I_1)
    again = consenting(uow, "HO-1", TODAY - dt.timedelta(days=1))
    problem = await refused(uow, again, "initiative.consent", I_1)

    assert (problem.status, problem.rule) == (409, "DEC-INIT")
    assert len(uow.initiatives.consent_rows) == 1
    assert uow.initiatives.items["i-1"].version == 2
    assert (uow.audit_log[-1].outcome, uow.audit_log[-1].detail) == (
        "refused",
        {"rule": "DEC-INIT"},
    )


async def test_an_initiative_for_an_unregistered_group_is_refused_by_dec_init(
    uow: FakePlansUnitOfWork,
) -> None:
    call = initiatives.open_initiative(
        uow=uow, rules=RULES, initiative_id="i-1", topic=1, title="Hẻm 12", group="TDP-99"
    )
    problem = await refused(uow, call, "initiative.open", I_1)
    assert (problem.status, problem.rule) == (422, "DEC-INIT")
    assert uow.initiatives.items == {}


async def test_a_consent_to_an_unknown_initiative_is_a_404_audited_as_refused(
    uow: FakePlansUnitOfWork,
) -> None:
    problem = await refused(uow, consenting(uow, "HO-1"), "initiative.consent", I_1)
    assert problem.status == 404 and uow.initiatives.consent_rows == []
    assert [(a.action, a.outcome) for a in uow.audit_log] == [("initiative.consent", "refused")]
