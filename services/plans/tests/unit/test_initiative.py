"""Residents' initiatives: the DEC-INIT threshold exactly, consents lapsing across month ends
(DEC-INIT.validity), one valid consent per household, renewal once lapsed."""

from __future__ import annotations

import datetime as dt
from fractions import Fraction

import pytest

from qcdc_plans.domain import initiative as model
from qcdc_plans.domain.groups import ResidentialGroup
from qcdc_plans.domain.initiative import Consent, Initiative
from qcdc_shared.law.calendar import WorkingCalendar
from qcdc_shared.law.deadlines import VN_TZ
from qcdc_shared.law.rulebook import RuleBook
from qcdc_shared.law.rules import load_rule_table
from qcdc_shared.refusals import Refused

pytestmark = pytest.mark.unit

RULES = RuleBook(load_rule_table(), WorkingCalendar())
NOW = dt.datetime(2026, 11, 27, 9, 0, tzinfo=VN_TZ)
TODAY = NOW.date()
GROUPS = [
    ResidentialGroup("TDP-01", "Tổ 1", 100, 0, dt.date(2026, 1, 1)),
    ResidentialGroup("TDP-02", "Tổ 2", 95, 0, dt.date(2026, 1, 1)),
]


def opened(group: str | None = "TDP-01", topic: int = 1) -> Initiative:
    return model.open_initiative(
        initiative_id="i-1",
        ward="ben-thanh",
        topic=topic,
        title="Làm đường hẻm 12",
        group=group,
        groups=GROUPS,
        now=NOW,
        rules=RULES,
    )


def consent(
    initiative: Initiative,
    household: str,
    given_on: dt.date,
    *,
    today: dt.date = TODAY,
    previous: tuple[Consent, ...] = (),
) -> tuple[Initiative, Consent]:
    return model.add_consent(
        initiative,
        household=household,
        given_on=given_on,
        today=today,
        rules=RULES,
        previous=previous,
    )


def test_the_threshold_is_reached_at_exactly_ten_percent() -> None:
    nine = [Consent(f"H{n}", TODAY, dt.date(2027, 2, 26)) for n in range(9)]
    short = model.support(nine, households=100, today=TODAY, rules=RULES)
    assert (short.rule, short.required, short.valid, short.reached) == ("DEC-INIT", 10, 9, False)
    assert short.share == Fraction(1, 10) and short.comparison == "at_least"
    ten = model.support(
        [*nine, Consent("H9", TODAY, dt.date(2027, 2, 26))],
        households=100,
        today=TODAY,
        rules=RULES,
    )
    assert ten.reached and ten.valid == 10

    initiative = opened()
    assert model.mark_reached(initiative, short, now=NOW) is initiative
    reached = model.mark_reached(initiative, ten, now=NOW)
    assert (reached.status, reached.reached_at) == ("reached", NOW)
    # Reached is for good, even when the count later falls.
    assert model.mark_reached(reached, short, now=NOW).reached_at == NOW


def test_a_consent_lasts_three_months_to_the_matching_day_or_the_months_end() -> None:
    # 31 August + 3 months: November has no 31st, so its last day.
    _, august = consent(opened(), "H1", dt.date(2026, 8, 31), today=dt.date(2026, 9, 1))
    assert august.valid_until == dt.date(2026, 11, 30)
    assert august.valid_on(dt.date(2026, 11, 30)) and not august.valid_on(dt.date(2026, 12, 1))
    # 30 November + 3 months is 28 February 2027, a Sunday: it counts to Monday 1 March.
    _, november = consent(opened(), "H2", dt.date(2026, 11, 30), today=dt.date(2026, 11, 30))
    assert november.valid_until == dt.date(2027, 3, 1)

    counted = model.support(
        [august, november], households=100, today=dt.date(2026, 12, 1), rules=RULES
    )
    assert counted.valid == 1  # August's lapsed the day before


def test_a_household_counts_once_and_renews_after_its_consent_lapses() -> None:
    initiative = opened()
    bumped, first = consent(initiative, "H1", dt.date(2026, 8, 31), today=dt.date(2026, 9, 1))
    assert bumped.version == initiative.version + 1
    with pytest.raises(Refused) as twice:
        consent(
            initiative, "H1", dt.date(2026, 11, 30), previous=(first,), today=dt.date(2026, 11, 30)
        )
    assert twice.value.conflict and twice.value.rule == "DEC-INIT"

    _, renewed = consent(
        initiative, "H1", dt.date(2026, 12, 1), previous=(first,), today=dt.date(2026, 12, 1)
    )
    assert renewed.valid_until == dt.date(2027, 3, 1)


def test_consents_from_the_future_or_already_lapsed_are_refused() -> None:
    with pytest.raises(Refused) as future:
        consent(opened(), "H1", TODAY + dt.timedelta(days=1))
    assert not future.value.conflict
    with pytest.raises(Refused) as lapsed:
        consent(opened(), "H1", dt.date(2026, 8, 26))  # counted to 26 November, a Thursday
    assert lapsed.value.rule == "DEC-INIT.validity"
    decided = Initiative(**{**vars(opened()), "decision_id": "d-1"})
    with pytest.raises(Refused) as closed:
        consent(decided, "H1", TODAY)
    assert closed.value.conflict


def test_an_initiative_counts_over_its_group_or_the_whole_ward() -> None:
    assert model.households_of(GROUPS, "TDP-02") == 95
    assert model.households_of(GROUPS, None) == 195
    with pytest.raises(Refused) as unknown:
        opened("TDP-99")
    assert unknown.value.rule == "DEC-INIT"
    with pytest.raises(Refused) as empty_ward:
        model.households_of([], None)
    assert empty_ward.value.rule == "DEC-INIT"
    with pytest.raises(Refused) as topic:
        opened(None, topic=7)
    assert topic.value.rule == "DEC-TOPIC"
