"""Intake rules: the CMP-ACCEPT row in force on the local date of receipt, the CMP-FILE flag,
anonymous denunciations kept as leads, and dates that cannot be."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from qcdc_petitions.domain.petition import Actor, Petition, PetitionRefused, receive
from qcdc_petitions.domain.tracking import ALPHABET, PATTERN, new_tracking_code, normalise
from qcdc_shared.law.deadlines import VN_TZ
from qcdc_shared.law.rulebook import RuleBook
from qcdc_shared.settings import Settings

pytestmark = pytest.mark.unit

D = dt.date
RULES = RuleBook.from_settings(Settings())
# A change of CMP-ACCEPT's unit on 2026-07-01, as a city override file would add it: the packaged
# table has none (the proposed 7-working-day row had no source), and intake must still pick
# the row in force on the local date of receipt when a law does change.
AMENDED = RuleBook(
    RULES.table.with_overrides(
        'version = "amended"\n[[rules]]\nid = "CMP-ACCEPT"\namount = 7\n'
        'unit = "working_days"\ncounted_from = "complaint_received"\nbasis = "amendment"\n'
        "effective_from = 2026-07-01\n"
    ),
    RULES.calendar,
)
CITIZEN = Actor("citizen", "p:abc")


def local(day: dt.date, hour: int = 9, minute: int = 0) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(hour, minute), VN_TZ)


def complaint(received_at: dt.datetime, rules: RuleBook = RULES, **fields: Any) -> Petition:
    values: dict[str, Any] = {
        "petition_id": "p-1",
        "ward": "ben-thanh",
        "tracking_code": "BT-2345-6789",
        "kind": "complaint",
        "channel": "paper",
        "title": "t",
        "body": "b",
        "received_at": received_at,
        "anonymous": False,
        "has_petitioner": True,
        "actor": Actor("officer", "can-bo-1"),
        "now": received_at + dt.timedelta(hours=1),
        "rules": rules,
        **fields,
    }
    return receive(**values)


def test_cmp_accept_switches_rows_on_the_local_date_of_receipt() -> None:
    # Tue 30 Jun 2026, old row: 10 calendar days → Fri 10 Jul (a working day).
    before = complaint(local(D(2026, 6, 30), 23, 30), AMENDED).deadline("CMP-ACCEPT")
    # Wed 1 Jul 2026 00:30 in Viet Nam is still 30 June in UTC: the local date decides.
    # New row, 7 working days: Thu 2, Fri 3, Mon 6, Tue 7, Wed 8, Thu 9, Fri 10 Jul.
    after = complaint(local(D(2026, 7, 1), 0, 30), AMENDED).deadline("CMP-ACCEPT")
    assert before is not None and after is not None
    assert (before.deadline.amount, before.deadline.unit) == (10, "calendar_days")
    assert (after.deadline.amount, after.deadline.unit) == (7, "working_days")
    assert after.deadline.start_date == D(2026, 7, 1)
    assert before.deadline.due == after.deadline.due == D(2026, 7, 10)


def test_cmp_accept_new_row_differs_where_weekends_intervene() -> None:
    # Fri 3 Jul 2026: 7 working days → Mon 6 … Fri 10 (5), Mon 13 (6), Tue 14 Jul (7).
    # Fri 26 Jun 2026 (old row): + 10 days → Mon 6 Jul.
    assert complaint(local(D(2026, 7, 3)), AMENDED).deadlines[0].deadline.due == D(2026, 7, 14)
    assert complaint(local(D(2026, 6, 26)), AMENDED).deadlines[0].deadline.due == D(2026, 7, 6)
    # The packaged table keeps 10 days: Fri 3 Jul + 10 = Mon 13 Jul.
    packaged = complaint(local(D(2026, 7, 3))).deadlines[0].deadline
    assert (packaged.amount, packaged.due) == (10, D(2026, 7, 13))


@pytest.mark.parametrize(
    ("received", "flagged"),
    [
        # Act on Sun 4 Jan 2026: + 90 days = Sat 4 Apr → rolls to Mon 6 Apr (CAL-COUNT).
        (D(2026, 4, 6), False),
        (D(2026, 4, 7), True),
    ],
)
def test_cmp_file_flags_a_late_complaint_without_refusing_it(
    received: dt.date, flagged: bool
) -> None:
    petition = complaint(local(received, 16), act_date=D(2026, 1, 4))
    assert ("CMP-FILE" in petition.flags) is flagged
    assert petition.status == "received"  # taken down, never silently rejected
    assert [d.rule for d in petition.deadlines] == ["CMP-ACCEPT"]


def test_an_anonymous_denunciation_is_kept_as_a_lead() -> None:
    lead = complaint(
        local(D(2026, 7, 1)),
        kind="denunciation",
        anonymous=True,
        has_petitioner=False,
        channel="online",
        actor=CITIZEN,
    )
    assert lead.kind == "lead"
    assert lead.deadlines == ()
    assert lead.history[0].detail["kind"] == "lead"


@pytest.mark.parametrize(
    ("fields", "words"),
    [
        ({"received_at": local(D(2026, 7, 2))}, "future"),
        ({"act_date": D(2026, 7, 5)}, "after the date of receipt"),
        ({"anonymous": True}, "anonymous petition carries no petitioner"),
        ({"has_petitioner": False}, "Give the petitioner"),
        ({"anonymous": True, "has_petitioner": False}, "Law on Complaints Art. 8"),
    ],
)
def test_impossible_intakes_are_refused(fields: dict[str, Any], words: str) -> None:
    now = local(D(2026, 7, 1), 12)
    fields = dict(fields)
    with pytest.raises(PetitionRefused) as refused:
        complaint(fields.pop("received_at", local(D(2026, 7, 1))), **{"now": now, **fields})
    assert words in refused.value.detail_en


def test_the_first_history_entry_names_the_channel_and_the_pseudonymous_petitioner() -> None:
    petition = complaint(local(D(2026, 7, 1)), channel="online", actor=CITIZEN)
    (entry,) = petition.history
    assert (entry.version, entry.action, entry.actor) == (1, "received", CITIZEN)
    assert petition.version == 1


def test_tracking_codes_are_readable_unique_enough_and_normalised() -> None:
    codes = {new_tracking_code("ben-thanh") for _ in range(2000)}
    assert len(codes) == 2000
    for code in list(codes)[:50]:
        assert PATTERN.match(code) and code.startswith("BT-")
        assert len(code[3:].replace("-", "")) == 16  # ~79 bits: see domain/tracking.py
        assert not set(code[3:].replace("-", "")) - set(ALPHABET)
    assert PATTERN.match("BT-7K4M-Q9XD")  # codes issued before 2026-12 stay valid
    assert not set("01OIL") & set(ALPHABET)
    assert normalise(" bt-7k4m -q9xd ") == "BT-7K4M-Q9XD"
