"""Every kind's clocks across Tết 2027, on the base calendar and on one where the city's
configuration makes Saturday 6 February 2027 a working day (a swapped day, CAL-HOL).

Counted by hand on a printed calendar, never by the code. February 2027 starts on a Monday:
  Mon 1 · Tue 2 · Wed 3 · [Thu 4 · Fri 5 Tết] · Sat 6 · Sun 7 · [Mon 8 · Tue 9 · Wed 10 Tết]
  Thu 11 · Fri 12 · Sat 13 · Sun 14 · Mon 15 · ... · Fri 19 · ... · Wed 24 · ... · Sun 28;
  March: Mon 1 · Tue 2 · Wed 3 · ... · Mon 8.
Working days after Wed 3 Feb (the receipt day itself never counts):
  base:    Thu 11 (1), Fri 12 (2), Mon 15 (3), Tue 16 (4), Wed 17 (5), Thu 18 (6), Fri 19 (7),
           Mon 22 (8), Tue 23 (9), Wed 24 (10), Thu 25, Fri 26, Mon 1, Tue 2, Wed 3 Mar (15)
  swapped: Sat 6 (1), Thu 11 (2), Fri 12 (3), Mon 15 (4), Tue 16 (5), Wed 17 (6), Thu 18 (7),
           Fri 19 (8), Mon 22 (9), Tue 23 (10), ..., Mon 1 (14), Tue 2 Mar (15)
"""

from __future__ import annotations

import datetime as dt

import pytest

from qcdc_petitions import builders as build
from qcdc_petitions.builders import OFFICER, at
from qcdc_petitions.domain import workflow
from qcdc_petitions.domain.petition import Petition, PetitionRefused
from qcdc_shared.law.rulebook import RuleBook
from qcdc_shared.settings import Settings

pytestmark = pytest.mark.unit

D = dt.date
SWAPPED_SATURDAY = D(2027, 2, 6)
BASE = RuleBook.from_settings(Settings())
# The swap comes from configuration, exactly as an operator sets QCDC_CALENDAR_EXTRA_WORKING_DAYS.
SWAPPED = RuleBook.from_settings(Settings(calendar_extra_working_days=[SWAPPED_SATURDAY]))
CALENDARS = {"base": BASE, "swapped": SWAPPED}


def submitted(
    kind: str,
    received: dt.date,
    rules: RuleBook,
    *,
    channel: str = "paper",
    anonymous: bool = False,
) -> Petition:
    return build.received(kind, received, channel=channel, anonymous=anonymous, rules=rules)


def dues(petition: Petition) -> dict[str, dt.date]:
    return {d.rule: d.deadline.due for d in petition.deadlines}


@pytest.mark.parametrize(
    ("calendar", "expected"),
    [
        # FB-FWD 5 working days: base Wed 17, swapped Tue 16; REC-REPLY 10: Wed 24 / Tue 23.
        ("base", {"FB-FWD": D(2027, 2, 17), "REC-REPLY": D(2027, 2, 24)}),
        ("swapped", {"FB-FWD": D(2027, 2, 16), "REC-REPLY": D(2027, 2, 23)}),
    ],
)
def test_feedback_forward_and_reply_clocks_cross_tet(
    calendar: str, expected: dict[str, dt.date]
) -> None:
    assert dues(submitted("feedback", D(2027, 2, 3), CALENDARS[calendar])) == expected


@pytest.mark.parametrize(
    ("calendar", "accept_due", "resolve_due"),
    [
        # CMP-ACCEPT, 10 days from Wed 3 Feb 2027, ends Sat 13 Feb: rolls to Mon 15 Feb in
        # both calendars (only Sat 6 is worked in the swapped one).
        # CMP-RESOLVE, 30 days from acceptance on Tue 5 Jan 2027, ends Thu 4 Feb (Tết): rolls
        # over Fri 5, Sat 6, Sun 7, Mon 8 – Wed 10 to Thu 11; with Sat 6 worked, to Sat 6.
        ("base", D(2027, 2, 15), D(2027, 2, 11)),
        ("swapped", D(2027, 2, 15), D(2027, 2, 6)),
    ],
)
def test_complaint_clocks_cross_tet_and_resolution_runs_from_acceptance(
    calendar: str, accept_due: dt.date, resolve_due: dt.date
) -> None:
    rules = CALENDARS[calendar]
    assert dues(submitted("complaint", D(2027, 2, 3), rules)) == {"CMP-ACCEPT": accept_due}

    early = submitted("complaint", D(2027, 1, 4), rules)
    accepted = workflow.accept(early, actor=OFFICER, now=at(D(2027, 1, 5)), rules=rules)
    assert dues(accepted)["CMP-RESOLVE"] == resolve_due
    # Declared complex with a reason: 45 days from Tue 5 Jan = Fri 19 Feb, a working day.
    declared = workflow.extend(
        accepted, actor=OFFICER, now=at(D(2027, 1, 20)), rules=rules, reason="nhiều bên liên quan"
    )
    assert dues(declared)["CMP-RESOLVE.complex"] == D(2027, 2, 19)
    assert "CMP-RESOLVE" not in dues(declared)


@pytest.mark.parametrize(
    ("calendar", "intake", "forward", "resolve"),
    [
        # DEN-INTAKE 7 working days: Fri 19 / Thu 18; DEN-INTAKE.forward 5: Wed 17 / Tue 16.
        # DEN-RESOLVE 30 days from acceptance Tue 5 Jan: Thu 4 Feb (Tết) → Thu 11 / Sat 6.
        ("base", D(2027, 2, 19), D(2027, 2, 17), D(2027, 2, 11)),
        ("swapped", D(2027, 2, 18), D(2027, 2, 16), D(2027, 2, 6)),
    ],
)
def test_denunciation_clocks_cross_tet(
    calendar: str, intake: dt.date, forward: dt.date, resolve: dt.date
) -> None:
    rules = CALENDARS[calendar]
    received = submitted("denunciation", D(2027, 2, 3), rules)
    assert dues(received) == {"DEN-INTAKE": intake}
    forwarded = workflow.forward(
        received, actor=OFFICER, now=at(D(2027, 2, 11)), rules=rules, to="UBND TP", reason="r"
    )
    assert dues(forwarded) == {"DEN-INTAKE": intake, "DEN-INTAKE.forward": forward}
    assert all(d.met for d in forwarded.deadlines)  # forwarded on Thu 11: in time for both

    early = submitted("denunciation", D(2027, 1, 4), rules)
    accepted = workflow.accept(early, actor=OFFICER, now=at(D(2027, 1, 5)), rules=rules)
    assert dues(accepted)["DEN-RESOLVE"] == resolve


@pytest.mark.parametrize(
    ("calendar", "simple", "complex_", "extended"),
    [
        # INF-REQ.simple 3 working days: Mon 15 / Fri 12. INF-REQ.complex 15: Wed 3 / Tue 2
        # Mar; + 15 days from that end: Thu 18 / Wed 17 Mar.
        ("base", D(2027, 2, 15), D(2027, 3, 3), D(2027, 3, 18)),
        ("swapped", D(2027, 2, 12), D(2027, 3, 2), D(2027, 3, 17)),
    ],
)
def test_information_request_clocks_cross_tet(
    calendar: str, simple: dt.date, complex_: dt.date, extended: dt.date
) -> None:
    rules = CALENDARS[calendar]
    online = submitted("information_request", D(2027, 2, 3), rules, channel="online")
    assert dues(online) == {"INF-REQ.simple": simple}
    paper = submitted("information_request", D(2027, 2, 3), rules)
    assert set(dues(paper)) == {"INF-REQ.post"}  # its own simple period (below)
    declared_paper = workflow.extend(
        paper, actor=OFFICER, now=at(D(2027, 2, 11)), rules=rules, reason="nhiều tài liệu"
    )
    # INF-REQ.complex-notice, 3 working days from receipt like INF-REQ.simple, is given by
    # the declaration on Thu 11 Feb: in time.
    assert dues(declared_paper) == {"INF-REQ.complex": complex_, "INF-REQ.complex-notice": simple}
    assert declared_paper.deadline("INF-REQ.complex-notice").met is True  # type: ignore[union-attr]
    # Declaring the online request complex replaces its clock, still counted from receipt.
    declared = workflow.extend(
        online, actor=OFFICER, now=at(D(2027, 2, 11)), rules=rules, reason="nhiều tài liệu"
    )
    assert dues(declared) == {"INF-REQ.complex": complex_, "INF-REQ.complex-notice": simple}
    more = workflow.extend(
        declared, actor=OFFICER, now=at(D(2027, 2, 12)), rules=rules, reason="cần tra cứu", days=15
    )
    assert dues(more) == {"INF-REQ.complex": extended, "INF-REQ.complex-notice": simple}
    with pytest.raises(PetitionRefused) as refused:  # one extension only
        workflow.extend(more, actor=OFFICER, now=at(D(2027, 2, 15)), rules=rules, reason="x")
    assert refused.value.rule == "INF-REQ"


@pytest.mark.parametrize("channel", ["post", "fax", "in_person", "paper"])
def test_a_simple_request_on_paper_is_due_by_the_post_row_and_online_keeps_its_own(
    channel: str,
) -> None:
    """INF-REQ by channel (Law 104/2016 Arts. 30–31): received on Monday 2026-11-30. Fax is
    Art. 31(1) like post; in person (Art. 29, not read) and the "paper" of records made before
    the channel was kept get the post row too."""
    by_paper = submitted("information_request", D(2026, 11, 30), BASE, channel=channel)
    assert dues(by_paper) == {"INF-REQ.post": D(2026, 12, 7)}
    online = submitted("information_request", D(2026, 11, 30), BASE, channel="online")
    assert dues(online) == {"INF-REQ.simple": D(2026, 12, 3)}


@pytest.mark.parametrize("calendar", ["base", "swapped"])
def test_an_anonymous_denunciation_is_a_lead_without_a_clock(calendar: str) -> None:
    lead = submitted(
        "denunciation", D(2027, 2, 3), CALENDARS[calendar], channel="online", anonymous=True
    )
    assert lead.kind == "lead" and lead.deadlines == ()
