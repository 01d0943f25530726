"""Properties of the petition clocks (CAL-COUNT, CMP-*, DEN-*, INF-REQ, FB-FWD, REC-REPLY),
checked by hypothesis where petitions compute their due dates:

- intake clocks depend on the receipt, never on the day the petition is entered (a paper
  petition typed in weeks later keeps the deadlines of its real receipt), and each due day
  is a working day of the ward's calendar;
- extending a resolution clock (declaring complex, DEN-RESOLVE and INF-REQ.complex
  extensions) never moves its due day earlier; what the law does not allow is refused with
  its rule, never anything else.

Every figure comes from the rule table the service loads; the shared engine's own
properties are in ``shared/tests/unit/test_deadline_properties.py``.
"""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from qcdc_petitions.api.petitions import INPUT_DAYS_BOUND
from qcdc_petitions.domain import workflow
from qcdc_petitions.domain.petition import (
    Actor,
    Channel,
    Petition,
    PetitionRefused,
    SubmittedKind,
    receive,
)
from qcdc_shared.law.calendar import WorkingCalendar
from qcdc_shared.law.deadlines import VN_TZ
from qcdc_shared.law.rulebook import RuleBook
from qcdc_shared.law.rules import load_rule_table
from qcdc_shared.testing.properties import PROPERTY

pytestmark = pytest.mark.unit


RULES = RuleBook(load_rule_table(), WorkingCalendar())
OFFICER = Actor("officer", "can-bo-1")
CITIZEN = Actor("citizen", "p:abc")
KINDS: tuple[SubmittedKind, ...] = ("feedback", "complaint", "denunciation", "information_request")
CHANNELS: tuple[Channel, ...] = ("online", "post", "fax", "in_person", "paper", "reception")
# Every intake rule has a row in force from this day on (the latest first row: DEN-*).
FIRST_DAY = max(
    RULES.table.rows(rule)[0].effective_from
    for rule in ("FB-FWD", "REC-REPLY", "CMP-ACCEPT", "CMP-FILE", "DEN-INTAKE", "INF-REQ.simple")
)

received_instants = st.datetimes(
    min_value=dt.datetime.combine(FIRST_DAY + dt.timedelta(days=1), dt.time()),
    max_value=dt.datetime(2035, 12, 31, 23, 59),
    timezones=st.just(VN_TZ),
)
# How long after the receipt the petition is entered or a step is taken.
lags = st.timedeltas(min_value=dt.timedelta(0), max_value=dt.timedelta(days=400))


def received(
    kind: SubmittedKind,
    channel: Channel,
    received_at: dt.datetime,
    now: dt.datetime,
    act_date: dt.date | None = None,
) -> Petition:
    return receive(
        petition_id="p-1",
        ward="ben-thanh",
        tracking_code="BT-2345-6789",
        kind=kind,
        channel=channel,
        title="t",
        body="b",
        received_at=received_at,
        anonymous=False,
        has_petitioner=True,
        actor=CITIZEN,
        now=now,
        rules=RULES,
        petitioner_pseudonym="p:abc",
        act_date=act_date,
    )


@PROPERTY
@given(
    kind=st.sampled_from(KINDS),
    channel=st.sampled_from(CHANNELS),
    received_at=received_instants,
    entered=st.lists(lags, min_size=2, max_size=2),
    act_before=st.none() | st.timedeltas(dt.timedelta(0), dt.timedelta(days=400)),
)
def test_intake_clocks_come_from_the_receipt_not_from_the_day_it_is_entered(
    kind: SubmittedKind,
    channel: Channel,
    received_at: dt.datetime,
    entered: list[dt.timedelta],
    act_before: dt.timedelta | None,
) -> None:
    act_date = None if act_before is None else received_at.date() - act_before
    petitions = [
        received(kind, channel, received_at, received_at + lag, act_date) for lag in entered
    ]

    first, second = petitions
    assert first.deadlines == second.deadlines
    assert first.flags == second.flags
    assert first.deadlines, "every submitted kind has an intake clock"
    for clock in first.deadlines:
        assert clock.deadline.start_date == received_at.date()
        assert RULES.calendar.is_working_day(clock.deadline.due)
        assert clock.deadline.due > received_at.date()


@PROPERTY
@given(
    kind=st.sampled_from(("complaint", "denunciation", "information_request")),
    channel=st.sampled_from(CHANNELS),
    received_at=received_instants,
    accepted_after=st.timedeltas(dt.timedelta(0), dt.timedelta(days=10)),
    attempts=st.lists(
        st.tuples(st.none() | st.integers(min_value=1, max_value=INPUT_DAYS_BOUND), st.booleans()),
        min_size=1,
        max_size=4,
    ),
)
def test_extending_a_resolution_never_moves_it_earlier(
    kind: SubmittedKind,
    channel: Channel,
    received_at: dt.datetime,
    accepted_after: dt.timedelta,
    attempts: list[tuple[int | None, bool]],
) -> None:
    now = received_at + accepted_after
    petition = received(kind, channel, received_at, now)
    if kind != "information_request":
        petition = workflow.accept(petition, actor=OFFICER, now=now, rules=RULES)
    granted = 0
    for days, especially in attempts:
        before = petition.resolution
        assert before is not None
        try:
            petition = workflow.extend(
                petition,
                actor=OFFICER,
                now=now,
                rules=RULES,
                reason="vụ việc phức tạp",
                days=days,
                # DEN-RESOLVE.especially-complex: a denunciation's further extensions.
                especially_complex=especially and kind == "denunciation",
            )
        except PetitionRefused as refused:
            assert (
                refused.rule is not None
                and refused.rule.split(".")[0] == (before.rule.split(".")[0])
            )
            continue
        granted += 1
        after = petition.resolution
        assert after is not None
        assert after.deadline.due >= before.deadline.due
        assert after.due_at >= before.due_at
        assert after.deadline.start_date == before.deadline.start_date
        assert RULES.calendar.is_working_day(after.deadline.due)
    assert [e.action for e in petition.history].count("extended") == granted
