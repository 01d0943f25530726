"""Properties of residents' vote counting (DEC-PASS), checked by hypothesis on generated
registers, topics and ballots, through the handlers a route calls (``run_command`` on the
in-memory unit of work, whose votes table keeps the SQL one's unique (decision, household)):

- the order in which ballots arrive never changes the result;
- one household never counts twice: its first ballot counts, a second one is refused (409)
  and changes nothing; nor do more households vote than the register holds;
- the threshold is over ALL registered households, never over those who voted: whatever
  the turnout, a result passes exactly when the yes votes meet the row's share of the
  register.

Every figure (the share, its comparison, the topics, the notice and posting periods) comes
from the rule table; the law is applied below with exact fractions, independently of
``Rule.households_needed``.
"""

from __future__ import annotations

import asyncio
import datetime as dt
from collections import Counter
from collections.abc import Sequence
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from qcdc_plans.domain.decision import Choice, Result, Tally
from qcdc_plans.domain.groups import ResidentialGroup
from qcdc_plans.fakes import OFFICER, RULES, FakePlansUnitOfWork, run
from qcdc_plans.handlers import decisions
from qcdc_shared.api.problems import Problem
from qcdc_shared.law.deadlines import start_of_day
from qcdc_shared.law.rules import Rule
from qcdc_shared.testing.properties import PROPERTY

pytestmark = pytest.mark.unit


# The fake unit of work's fixed clock reads Thursday 26 November 2026: the vote is that day.
TODAY = FakePlansUnitOfWork().clock.now().date()
VOTE_AT = start_of_day(TODAY)
NOTICE_AT = start_of_day(RULES.deadline("DEC-NOTICE", VOTE_AT).due)
DRAFT_POSTED_ON = RULES.deadline("DEC-CONV30", VOTE_AT).due
TOPICS = range(1, int(RULES.rule("DEC-TOPIC", TODAY).amount or 0) + 1)
CHOICES: tuple[Choice, ...] = ("yes", "no", "abstain")
GROUP = "TDP-01"

Ballot = tuple[str, Choice]


def household(number: int) -> str:
    return f"HO-{number:03d}"


async def count(
    households: int, topic: int, ballots: Sequence[Ballot] = (), tally: Tally | None = None
) -> tuple[Result, list[bool], FakePlansUnitOfWork]:
    """Opens a decision over a group of ``households``, casts ``ballots`` one by one (or
    records a meeting's ``tally``) and closes it: the result and which ballots were taken."""
    uow = FakePlansUnitOfWork()
    uow.groups.items[GROUP] = ResidentialGroup(GROUP, "Tổ 1", households, 0, dt.date(2026, 1, 1))
    opening = decisions.open_decision(
        uow=uow,
        rules=RULES,
        actor=OFFICER,
        decision_id="d-1",
        topic=topic,
        title="Biểu quyết của tổ",
        group=GROUP,
        form="ballot",
        notice_at=NOTICE_AT,
        vote_at=VOTE_AT,
        ballot_reason="không tổ chức được cuộc họp",
        draft_posted_on=DRAFT_POSTED_ON,
    )
    await run(uow, opening, "decision.open", "decision:d-1")
    taken: list[bool] = []
    for who, choice in ballots:
        vote = decisions.record_vote(
            uow=uow, actor=OFFICER, decision_id="d-1", household=who, choice=choice
        )
        try:
            await run(uow, vote, "decision.vote", "decision:d-1")
        except Problem as problem:
            assert problem.status == 409, problem
            taken.append(False)
        else:
            taken.append(True)
    if tally is not None:
        recording = decisions.record_tally(uow=uow, rules=RULES, decision_id="d-1", tally=tally)
        await run(uow, recording, "decision.tally", "decision:d-1")
    closing = decisions.close_decision(uow=uow, rules=RULES, decision_id="d-1", minutes=None)
    closed = await run(uow, closing, "decision.close", "decision:d-1")
    assert closed.result is not None
    return closed.result, taken, uow


def passes_by_law(row: Rule, yes: int, households: int) -> bool:
    """DEC-PASS applied as written: the yes votes' share of ALL registered households."""
    share = Fraction(yes, households)
    if row.comparison == "at_least":
        return share >= row.share()
    assert row.comparison == "more_than"
    return share > row.share()


def pass_row(topic: int) -> Rule:
    row: Rule | None = RULES.row_covering("DEC-PASS", to=topic, on=TODAY)
    assert row is not None
    return row


@st.composite
def distinct_ballots(draw: st.DrawFn, households: int) -> list[Ballot]:
    """At most one ballot per registered household, at least one ballot."""
    voters = draw(
        st.lists(
            st.integers(min_value=0, max_value=households - 1),
            min_size=1,
            max_size=households,
            unique=True,
        )
    )
    return [(household(n), draw(st.sampled_from(CHOICES))) for n in voters]


registers = st.integers(min_value=1, max_value=40)


@PROPERTY
@given(data=st.data(), households=registers, topic=st.sampled_from(TOPICS))
def test_the_order_of_ballots_never_changes_the_result(
    data: st.DataObject, households: int, topic: int
) -> None:
    ballots = data.draw(distinct_ballots(households), label="ballots")
    shuffled = data.draw(st.permutations(ballots), label="shuffled")

    first, taken, _ = asyncio.run(count(households, topic, ballots))
    second, taken_shuffled, _ = asyncio.run(count(households, topic, shuffled))

    assert all(taken) and all(taken_shuffled)
    assert first == second
    chosen = Counter(choice for _, choice in ballots)
    assert (first.tally.yes, first.tally.no, first.tally.abstain, first.tally.present) == (
        chosen["yes"],
        chosen["no"],
        chosen["abstain"],
        len(ballots),
    )


@PROPERTY
@given(
    data=st.data(),
    households=registers,
    topic=st.sampled_from(TOPICS),
    outsiders=st.integers(min_value=0, max_value=5),
)
def test_one_household_never_counts_twice_nor_more_than_the_register(
    data: st.DataObject, households: int, topic: int, outsiders: int
) -> None:
    # Few households, many ballots: repeats are the rule; a few ids beyond the register's
    # count try to push the turnout over it (the register holds counts, not ids).
    pool = st.integers(min_value=0, max_value=min(households, 8) - 1 + outsiders)
    ballots = data.draw(
        st.lists(
            st.tuples(pool.map(household), st.sampled_from(CHOICES)),
            min_size=1,
            max_size=3 * min(households, 8) + outsiders,
        ),
        label="ballots",
    )

    result, taken, uow = asyncio.run(count(households, topic, ballots))

    # The model: a household's first ballot counts while the register has room; any later
    # ballot of the same household is refused, and so is one past the register's count.
    counted: dict[str, Choice] = {}
    expected: list[bool] = []
    for who, choice in ballots:
        fits = who not in counted and len(counted) < households
        if fits:
            counted[who] = choice
        expected.append(fits)
    assert taken == expected
    assert sorted(h for d, h in uow.decisions.ballots if d == "d-1") == sorted(counted)
    chosen = Counter(counted.values())
    assert (result.tally.yes, result.tally.no, result.tally.abstain) == (
        chosen["yes"],
        chosen["no"],
        chosen["abstain"],
    )
    assert result.tally.present == len(counted) <= households


@PROPERTY
@given(
    data=st.data(),
    households=registers,
    topic=st.sampled_from(TOPICS),
    at_a_meeting=st.booleans(),
)
def test_the_threshold_is_over_all_registered_households_not_those_who_voted(
    data: st.DataObject, households: int, topic: int, at_a_meeting: bool
) -> None:
    row = pass_row(topic)
    if at_a_meeting:
        present = data.draw(st.integers(min_value=1, max_value=households), label="present")
        yes = data.draw(st.integers(min_value=0, max_value=present), label="yes")
        no = data.draw(st.integers(min_value=0, max_value=present - yes), label="no")
        tally = Tally(yes=yes, no=no, abstain=present - yes - no, present=present)
        result, _, _ = asyncio.run(count(households, topic, tally=tally))
    else:
        ballots = data.draw(distinct_ballots(households), label="ballots")
        result, _, _ = asyncio.run(count(households, topic, ballots))
        yes = sum(choice == "yes" for _, choice in ballots)

    assert (result.rule, result.households_total) == (row.id, households)
    assert result.tally.yes == yes
    assert result.passed == passes_by_law(row, yes, households)
    # The threshold is the fewest yes votes that pass over the register, whatever the turnout.
    assert passes_by_law(row, result.threshold, households)
    assert not passes_by_law(row, result.threshold - 1, households)
    # Unanimity among those who voted is not enough when they are too few of the register.
    if result.tally.present == yes and not passes_by_law(row, yes, households):
        assert not result.passed
