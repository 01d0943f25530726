"""compute_deadline (CAL-COUNT, CAL-WHY) against due dates counted by hand.

Every expected date below was counted on a printed calendar, not taken from the code:
July 2026 starts on a Wednesday (Sat 4/Sun 5, Sat 11/Sun 12, ...); Tết 2026 keeps Mon 16 to
Fri 20 Feb off; Tết 2027 keeps Thu 4, Fri 5, Mon 8, Tue 9, Wed 10 Feb off (Sat 6 is the
first day); Feb 2027 has 28 days. The day of the event is never counted.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from pathlib import Path

import pytest
from pydantic import ValidationError

from qcdc_shared.law.calendar import WorkingCalendar
from qcdc_shared.law.deadlines import (
    VN_TZ,
    Deadline,
    DeadlineError,
    Extension,
    ExtensionRefused,
    NotADeadline,
    Suspension,
    compute_deadline,
    is_overdue,
)
from qcdc_shared.law.rules import Rule, RuleTable, UnknownRule, load_rule_table

pytestmark = pytest.mark.unit

D = dt.date
UTC = dt.UTC
COMPLEX = (30, "calendar_days", "vụ việc phức tạp")

# (rule, starting event, due, what the period crosses). Working days:
#   from Thu 2 Jul 2026: 3 -> Tue 7; 5 -> Thu 9; 7 -> Mon 13; 10 -> Thu 16; 15 -> Thu 23 Jul
#   from Wed 3 Feb 2027: 3 -> Mon 15; 5 -> Wed 17; 7 -> Fri 19; 10 -> Wed 24 Feb; 15 -> Wed 3 Mar
#   from Thu 12 Feb 2026: 3 -> Tue 24; 5 -> Thu 26 Feb; 7 -> Mon 2; 10 -> Thu 5; 15 -> Thu 12 Mar
#   5 before Wed 8 Jul 2026 -> Wed 1 Jul; before Mon 15 Feb 2027 -> Mon 1 Feb;
#   before Mon 23 Feb 2026 -> Mon 9 Feb.
#   5 from Wed 30 Sep 2026 (a quarter's last day) -> Thu 1, Fri 2, Mon 5, Tue 6, Wed 7 Oct.
WORKING_DAY_CASES = [
    ("PUB-DUE", D(2026, 7, 2), D(2026, 7, 9), "weekend"),
    ("PUB-DUE", D(2027, 2, 3), D(2027, 2, 17), "tet"),
    ("PUB-DUE", D(2026, 2, 12), D(2026, 2, 26), "tet"),
    ("PUB-QTR.due", D(2026, 9, 30), D(2026, 10, 7), "weekend"),
    ("PUB-QTR.due", D(2027, 2, 3), D(2027, 2, 17), "tet"),
    ("DEC-RECORD", D(2026, 7, 2), D(2026, 7, 9), "weekend"),
    ("DEC-RECORD", D(2027, 2, 3), D(2027, 2, 17), "tet"),
    ("DEC-RECORD.recognition", D(2026, 7, 2), D(2026, 7, 9), "weekend"),
    ("DEC-RECORD.recognition", D(2026, 2, 12), D(2026, 2, 26), "tet"),
    ("REC-WEEK.schedule", D(2026, 7, 8), D(2026, 7, 1), "weekend"),
    ("REC-WEEK.schedule", D(2027, 2, 15), D(2027, 2, 1), "tet"),
    ("REC-REPLY", D(2026, 7, 2), D(2026, 7, 16), "weekend"),
    ("REC-REPLY", D(2027, 2, 3), D(2027, 2, 24), "tet"),
    ("REC-REPLY", D(2026, 2, 12), D(2026, 3, 5), "tet"),
    ("FB-FWD", D(2026, 7, 2), D(2026, 7, 9), "weekend"),
    ("FB-FWD", D(2027, 2, 3), D(2027, 2, 17), "tet"),
    ("DEN-INTAKE", D(2026, 7, 2), D(2026, 7, 13), "weekend"),
    ("DEN-INTAKE", D(2027, 2, 3), D(2027, 2, 19), "tet"),
    ("DEN-INTAKE", D(2026, 2, 12), D(2026, 3, 2), "tet"),
    ("DEN-INTAKE.forward", D(2026, 7, 2), D(2026, 7, 9), "weekend"),
    ("DEN-INTAKE.forward", D(2027, 2, 3), D(2027, 2, 17), "tet"),
    ("DEN-INTAKE.notice", D(2026, 7, 2), D(2026, 7, 9), "weekend"),
    ("DEN-INTAKE.notice", D(2027, 2, 3), D(2027, 2, 17), "tet"),
    ("INF-REQ.simple", D(2026, 7, 2), D(2026, 7, 7), "weekend"),
    ("INF-REQ.simple", D(2027, 2, 3), D(2027, 2, 15), "tet"),
    ("INF-REQ.simple", D(2026, 2, 12), D(2026, 2, 24), "tet"),
    ("INF-REQ.post", D(2026, 7, 2), D(2026, 7, 9), "weekend"),
    ("INF-REQ.post", D(2026, 11, 30), D(2026, 12, 7), "weekend"),
    ("INF-REQ.post", D(2027, 2, 3), D(2027, 2, 17), "tet"),
    ("INF-REQ.complex", D(2026, 7, 2), D(2026, 7, 23), "weekend"),
    ("INF-REQ.complex", D(2027, 2, 3), D(2027, 3, 3), "tet"),
    ("INF-REQ.complex", D(2026, 2, 12), D(2026, 3, 12), "tet"),
    ("INF-REQ.complex-notice", D(2026, 7, 2), D(2026, 7, 7), "weekend"),
    ("INF-REQ.complex-notice", D(2027, 2, 3), D(2027, 2, 15), "tet"),
    ("OVS-PLAN", D(2026, 7, 8), D(2026, 7, 1), "weekend"),
    ("OVS-PLAN", D(2027, 2, 15), D(2027, 2, 1), "tet"),
    ("OVS-PLAN", D(2026, 2, 23), D(2026, 2, 9), "tet"),
]
TET_FIRST_DAYS = [D(2026, 2, 17), D(2027, 2, 6)]


@pytest.fixture(scope="module")
def table() -> RuleTable:
    return load_rule_table()


@pytest.fixture(scope="module")
def cal() -> WorkingCalendar:
    return WorkingCalendar()


# A law that changes a period's unit on a date, as a city override file would add it: the
# packaged table has no such change of a period today (CMP-ACCEPT's proposed 2026 row had no
# source and was removed), and these tests are about choosing the row, not about that law.
AMENDED = load_rule_table().with_overrides(
    'version = "amended"\n[[rules]]\nid = "CMP-ACCEPT"\namount = 7\nunit = "working_days"\n'
    'counted_from = "complaint_received"\nbasis = "a hypothetical amendment, Art. 27"\n'
    "effective_from = 2026-07-01\n",
    source="test",
)


def deadline(
    rule_id: str,
    start: dt.date | dt.datetime,
    *,
    table: RuleTable | None = None,
    calendar: WorkingCalendar | None = None,
    extensions: Sequence[Extension | tuple[int, str, str]] = (),
) -> Deadline:
    return compute_deadline(
        rule_id,
        start=start,
        table=table or load_rule_table(),
        calendar=calendar or WorkingCalendar(),
        extensions=extensions,
    )


def test_every_working_day_rule_has_a_weekend_and_a_tet_case(table: RuleTable) -> None:
    working = {row.id for row in table.rules if row.unit == "working_days"}
    covered = {(rule, crosses) for rule, _, _, crosses in WORKING_DAY_CASES}
    missing = {(rule, c) for rule in working for c in ("weekend", "tet")} - covered
    assert not missing, f"add hand-counted cases for {sorted(missing)}"


@pytest.mark.parametrize(("rule_id", "start", "due", "crosses"), WORKING_DAY_CASES)
def test_working_day_deadlines(
    table: RuleTable,
    cal: WorkingCalendar,
    rule_id: str,
    start: dt.date,
    due: dt.date,
    crosses: str,
) -> None:
    lo, hi = min(start, due), max(start, due)
    if crosses == "tet":
        assert any(lo < tet < hi for tet in TET_FIRST_DAYS), "the case must span Tết"
    else:
        assert any((lo + dt.timedelta(days=n)).weekday() == 5 for n in range((hi - lo).days))
    result = compute_deadline(rule_id, start=start, table=table, calendar=cal)
    assert (result.unit, result.due) == ("working_days", due)
    if crosses == "tet":
        assert "Tết Nguyên Đán" in result.explanation
        assert "Lunar New Year" in result.explanation_en


def test_cmp_accept_before_the_switch_gets_ten_calendar_days() -> None:
    result = deadline("CMP-ACCEPT", D(2026, 6, 30), table=AMENDED)
    assert (result.amount, result.unit, result.due) == (10, "calendar_days", D(2026, 7, 10))
    # Mon 29 Jun + 10 days = Thu 9 Jul (7 working days would give Wed 8 Jul).
    assert deadline("CMP-ACCEPT", D(2026, 6, 29), table=AMENDED).due == D(2026, 7, 9)
    # Wed 24 Jun + 10 days = Sat 4 Jul, rolled to Mon 6 Jul.
    rolled = deadline("CMP-ACCEPT", D(2026, 6, 24), table=AMENDED)
    assert rolled.due == D(2026, 7, 6)
    assert "thứ Bảy 04/07/2026" in rolled.explanation and "cuối tuần" in rolled.explanation


def test_cmp_accept_from_the_switch_gets_seven_working_days() -> None:
    result = deadline("CMP-ACCEPT", D(2026, 7, 1), table=AMENDED)
    assert (result.amount, result.unit, result.due) == (7, "working_days", D(2026, 7, 10))
    # Fri 3 Jul: Mon 6 .. Fri 10, Mon 13, Tue 14 (10 calendar days would give Mon 13).
    assert deadline("CMP-ACCEPT", D(2026, 7, 3), table=AMENDED).due == D(2026, 7, 14)


def test_the_packaged_table_keeps_ten_days_after_2026_07_01() -> None:
    # Fri 3 Jul + 10 days = Mon 13 Jul: no source supports a 2026 change of CMP-ACCEPT.
    result = deadline("CMP-ACCEPT", D(2026, 7, 3))
    assert (result.amount, result.unit, result.due) == (10, "calendar_days", D(2026, 7, 13))


def test_the_row_is_chosen_by_the_local_date_of_the_event() -> None:
    # 17:00 UTC on 30 June is midnight in Ho Chi Minh City: the new row applies.
    late = deadline("CMP-ACCEPT", dt.datetime(2026, 6, 30, 17, 0, tzinfo=UTC), table=AMENDED)
    early = deadline("CMP-ACCEPT", dt.datetime(2026, 6, 30, 16, 59, 59, tzinfo=UTC), table=AMENDED)
    assert (late.start_date, late.unit) == (D(2026, 7, 1), "working_days")
    assert (early.start_date, early.unit) == (D(2026, 6, 30), "calendar_days")


def test_calendar_days_ending_in_tet_roll_past_it() -> None:
    # Fri 6 Feb 2026 + 10 days = Mon 16 Feb (Tết eve); next working day Mon 23 Feb.
    result = deadline("CMP-ACCEPT", D(2026, 2, 6))
    assert result.due == D(2026, 2, 23)
    assert "Giao thừa Tết Nguyên Đán" in result.explanation
    assert "next working day" in result.explanation_en


def test_calendar_days_ending_on_national_day_roll() -> None:
    # Mon 3 Aug 2026 + 30 days = Wed 2 Sep (holiday); Thu 3 Sep works.
    assert deadline("DEN-RESOLVE", D(2026, 8, 3)).due == D(2026, 9, 3)


def test_den_resolve_extensions_up_to_ninety_days() -> None:
    start = D(2026, 3, 2)  # Monday
    assert deadline("DEN-RESOLVE", start).due == D(2026, 4, 1)  # Wed
    # 60 days: Fri 1 May (holiday), weekend, Mon 4 May.
    once = deadline("DEN-RESOLVE", start, extensions=[COMPLEX])
    assert once.due == D(2026, 5, 4)
    assert "Gia hạn thêm 30 ngày" in once.explanation and "Lao động" in once.explanation
    # The reason is kept with the extension, not written into the explanation every role sees.
    assert once.extensions[0].reason == "vụ việc phức tạp"
    assert "vụ việc phức tạp" not in once.explanation
    # Art. 30(3): a second extension only for an especially complex case, its own row.
    # 90 days: Sun 31 May, rolled to Mon 1 Jun.
    twice = deadline("DEN-RESOLVE.especially-complex", start, extensions=[COMPLEX, COMPLEX])
    assert twice.due == D(2026, 6, 1)
    assert len(twice.extensions) == 2


@pytest.mark.parametrize(
    ("rule", "extensions", "match"),
    [
        ("DEN-RESOLVE", [COMPLEX, COMPLEX], "at most 1"),
        ("DEN-RESOLVE.especially-complex", [COMPLEX, COMPLEX, COMPLEX], "at most 2"),
        ("DEN-RESOLVE", [(31, "calendar_days", "too long")], "at most 30"),
        ("DEN-RESOLVE", [(30, "working_days", "wrong unit")], "at most 30"),
    ],
)
def test_den_resolve_never_beyond_ninety_days(
    rule: str, extensions: list[tuple[int, str, str]], match: str
) -> None:
    with pytest.raises(ExtensionRefused, match=match) as caught:
        deadline(rule, D(2026, 3, 2), extensions=extensions)
    assert caught.value.rule == rule
    assert "Art. 30" in str(caught.value) and caught.value.detail_vi


def test_the_total_cap_holds_even_when_more_extensions_are_allowed() -> None:
    row = load_rule_table().rule("DEN-RESOLVE.especially-complex", on=D(2026, 1, 1))
    assert row.extension is not None
    loose = row.model_copy(update={"extension": row.extension.model_copy(update={"max_times": 3})})
    table = RuleTable(version="test", rules=(loose,))
    with pytest.raises(ExtensionRefused, match="cap of 90"):
        deadline(
            "DEN-RESOLVE.especially-complex", D(2026, 3, 2), table=table, extensions=[COMPLEX] * 3
        )


def test_cmp_resolve_extension_matches_the_complex_row() -> None:
    start = D(2026, 3, 2)
    extended = deadline(
        "CMP-RESOLVE",
        start,
        extensions=[Extension(amount=15, unit="calendar_days", reason="phức tạp")],
    )
    # 45 days from Mon 2 Mar = Thu 16 Apr 2026.
    assert extended.due == deadline("CMP-RESOLVE.complex", start).due == D(2026, 4, 16)
    with pytest.raises(ExtensionRefused):
        deadline("CMP-RESOLVE", start, extensions=[(16, "calendar_days", "x")])
    with pytest.raises(ExtensionRefused, match="cannot be extended"):
        deadline("PUB-DUE", start, extensions=[(1, "working_days", "x")])


def test_an_extension_needs_a_reason() -> None:
    with pytest.raises(ValidationError):
        deadline("CMP-RESOLVE", D(2026, 3, 2), extensions=[(15, "calendar_days", "")])


def test_inf_req_complex_extension_in_calendar_days() -> None:
    # 15 working days from Thu 2 Jul = Thu 23 Jul; + 15 days = Fri 7 Aug 2026.
    result = deadline("INF-REQ.complex", D(2026, 7, 2), extensions=[(15, "calendar_days", "x")])
    assert result.due == D(2026, 8, 7)


def test_notices_ahead_move_back_to_a_working_day() -> None:
    # Meeting Mon 13 Jul: 2 days before is Sat 11, moved back to Fri 10.
    notice = deadline("DEC-NOTICE", D(2026, 7, 13))
    assert notice.due == D(2026, 7, 10)
    assert "previous working day" in notice.explanation_en
    assert deadline("DEC-NOTICE.year-end", D(2026, 12, 15)).due == D(2026, 12, 10)
    assert deadline("DEC-CONV30", D(2026, 8, 30)).due == D(2026, 7, 31)


def test_a_period_in_months_ends_on_the_matching_day_or_the_month_end() -> None:
    # 30 Nov 2026 + 3 months: no 30 Feb, so Sun 28 Feb 2027, rolled to Mon 1 Mar.
    assert deadline("DEC-INIT.validity", D(2026, 11, 30)).due == D(2027, 3, 1)
    # 15 Jan 2026 + 3 months = Wed 15 Apr 2026.
    assert deadline("DEC-INIT.validity", D(2026, 1, 15)).due == D(2026, 4, 15)


def test_configured_days_change_deadlines() -> None:
    # PUB-DUE from Thu 2 Jul: Fri 3, Mon 6, Tue 7, Wed 8, Thu 9 without configuration.
    off = WorkingCalendar(extra_days_off=[D(2026, 7, 6)])
    worked = WorkingCalendar(extra_working_days=[D(2026, 7, 4)])
    with_off = deadline("PUB-DUE", D(2026, 7, 2), calendar=off)
    assert with_off.due == D(2026, 7, 10)
    assert "1 day(s) off" in with_off.explanation_en
    assert deadline("PUB-DUE", D(2026, 7, 2), calendar=worked).due == D(2026, 7, 8)


def test_an_override_row_changes_deadlines_from_its_date(tmp_path: Path) -> None:
    path = tmp_path / "overrides.toml"
    path.write_text(
        'version = "hcm-1"\n[[rules]]\nid = "CMP-ACCEPT"\namount = 5\nunit = "working_days"\n'
        'counted_from = "complaint_received"\nbasis = "x"\neffective_from = 2027-01-01\n',
        encoding="utf-8",
    )
    table = load_rule_table(path)
    # Mon 4 Jan 2027: Tue 5 .. Fri 8, Mon 11.
    result = deadline("CMP-ACCEPT", D(2027, 1, 4), table=table)
    assert (result.due, result.amount) == (D(2027, 1, 11), 5)
    assert result.table_version.endswith("+hcm-1") and "+hcm-1" in result.explanation
    assert deadline("CMP-ACCEPT", D(2026, 12, 30), table=table).amount == 10


def test_due_at_is_the_end_of_the_due_day_in_vietnam() -> None:
    result = deadline("CMP-ACCEPT", dt.datetime(2026, 7, 1, 9, 30, tzinfo=VN_TZ), table=AMENDED)
    assert result.due_at.utcoffset() == dt.timedelta(hours=7)
    assert result.due_at.date() == result.due == D(2026, 7, 10)
    assert result.due_at.astimezone(UTC) == dt.datetime(2026, 7, 10, 16, 59, 59, 999999, tzinfo=UTC)


def test_is_overdue_once_the_local_day_has_ended() -> None:
    result = deadline("CMP-ACCEPT", D(2026, 7, 1), table=AMENDED)  # due Fri 10 Jul
    assert not is_overdue(result, dt.datetime(2026, 7, 10, 23, 59, 59, tzinfo=VN_TZ))
    assert is_overdue(result, dt.datetime(2026, 7, 11, 0, 0, tzinfo=VN_TZ))
    assert not is_overdue(result, dt.datetime(2026, 7, 10, 16, 59, 59, tzinfo=UTC))
    assert is_overdue(result, dt.datetime(2026, 7, 10, 17, 0, tzinfo=UTC))
    with pytest.raises(ValueError):
        is_overdue(result, dt.datetime(2026, 7, 11))


def test_to_api_has_the_design_shape() -> None:
    api = deadline("CMP-ACCEPT", D(2026, 7, 1), table=AMENDED).to_api()
    assert set(api) == {"rule", "rule_url", "due", "due_at", "explanation", "explanation_en"}
    assert (api["rule"], api["due"]) == ("CMP-ACCEPT", "2026-07-10")
    # The rule's entry on the city gateway's /rules page (its anchors: the gateway's tests).
    assert api["rule_url"] == "/rules#CMP-ACCEPT"
    assert api["due_at"].startswith("2026-07-10T23:59:59") and api["due_at"].endswith("+07:00")


def test_the_explanation_states_rule_start_calendar_and_version() -> None:
    result = deadline("CMP-ACCEPT", D(2026, 7, 1), table=AMENDED)
    for text in (result.explanation, result.explanation_en):
        assert "CMP-ACCEPT" in text and AMENDED.version in text and "CAL-COUNT" in text
        assert "holidays" in text and "Art. 27" in text
    assert "01/07/2026" in result.explanation and "10/07/2026" in result.explanation
    assert "2 ngày thứ Bảy, Chủ nhật" in result.explanation
    assert (
        "2026-07-01" in result.explanation_en and "2 Saturday(s)/Sunday(s)" in result.explanation_en
    )


def test_the_deadline_is_frozen() -> None:
    result = deadline("PUB-DUE", D(2026, 7, 2))
    with pytest.raises(ValidationError):
        result.due = D(2030, 1, 1)  # type: ignore[misc]


@pytest.mark.parametrize("rule_id", ["DEC-PASS.money", "PUB-CAT", "DEN-SECRET"])
def test_shares_and_counts_are_not_deadlines(rule_id: str) -> None:
    with pytest.raises(NotADeadline):
        deadline(rule_id, D(2026, 7, 1))


def test_working_hours_are_refused_not_guessed() -> None:
    row = Rule(
        id="REC-REPLY",
        amount=8,
        unit="working_hours",
        counted_from="x",
        basis="x",
        effective_from=D(2020, 1, 1),
    )
    with pytest.raises(NotADeadline, match="working_hours"):
        deadline("REC-REPLY", D(2026, 7, 1), table=RuleTable(version="t", rules=(row,)))


def test_bad_starts_are_refused() -> None:
    with pytest.raises(DeadlineError, match="timezone"):
        deadline("PUB-DUE", dt.datetime(2026, 7, 1, 9, 0))
    with pytest.raises(UnknownRule):
        deadline("PUB-DUE", D(2020, 1, 1))  # before Law 10/2022 took effect


# CMP-RESOLVE.suspension: the suspended span, in the row's unit, is not counted.
def suspended(since: dt.date, until: dt.date) -> Suspension:
    return Suspension(suspended_on=since, resumed_on=until, reason="chờ kết quả liên quan")


def test_a_suspension_moves_a_calendar_day_period_by_its_span() -> None:
    start = D(2026, 7, 6)  # Mon: CMP-RESOLVE ends Wed 5 Aug
    plain = deadline("CMP-RESOLVE", start)
    moved = compute_deadline(
        "CMP-RESOLVE",
        start=start,
        table=load_rule_table(),
        calendar=WorkingCalendar(),
        suspensions=[suspended(D(2026, 7, 13), D(2026, 7, 20))],
    )
    assert (moved.due - plain.due).days == (D(2026, 7, 20) - D(2026, 7, 13)).days
    assert moved.due == D(2026, 8, 12)
    assert moved.suspensions[0].reason == "chờ kết quả liên quan"
    assert "Suspended from Monday 2026-07-13 to Monday 2026-07-20" in moved.explanation_en
    assert "7 day(s) not counted" in moved.explanation_en
    assert "Tạm đình chỉ từ thứ Hai 13/07/2026" in moved.explanation


def test_a_suspension_of_a_working_day_period_counts_working_days() -> None:
    # REC-REPLY from Thu 2 Jul 2026 ends Thu 16 Jul; suspended Fri 3, resumed Mon 6 Jul:
    # one working day (Mon) in the span, the weekend is not a working day anyway → Fri 17.
    moved = compute_deadline(
        "REC-REPLY",
        start=D(2026, 7, 2),
        table=load_rule_table(),
        calendar=WorkingCalendar(),
        suspensions=[suspended(D(2026, 7, 3), D(2026, 7, 6))],
    )
    assert moved.due == D(2026, 7, 17)
    assert "1 working day(s) not counted" in moved.explanation_en


def test_suspensions_run_after_extensions_and_only_the_last_day_rolls() -> None:
    # CMP-RESOLVE from Mon 2 Mar 2026 + its extension = Thu 16 Apr; two days suspended →
    # Sat 18 Apr, rolled to Mon 20 Apr.
    moved = compute_deadline(
        "CMP-RESOLVE",
        start=D(2026, 3, 2),
        table=load_rule_table(),
        calendar=WorkingCalendar(),
        extensions=[(15, "calendar_days", "phức tạp")],
        suspensions=[suspended(D(2026, 3, 10), D(2026, 3, 12))],
    )
    assert moved.due == D(2026, 4, 20)
    assert "next working day" in moved.explanation_en


def test_a_suspension_begun_in_the_days_off_after_the_end_moves_the_rolled_day() -> None:
    # CMP-RESOLVE from Thu 6 Aug 2026 ends Sat 5 Sep, due Mon 7 Sep. Suspended Sun 6 Sep
    # (still within the period, which runs to Mon), resumed Tue 8 Sep: what was left (Mon)
    # runs after the resumption, so the due day is Wed 9 Sep, never before the resumption.
    moved = compute_deadline(
        "CMP-RESOLVE",
        start=D(2026, 8, 6),
        table=load_rule_table(),
        calendar=WorkingCalendar(),
        suspensions=[suspended(D(2026, 9, 6), D(2026, 9, 8))],
    )
    assert deadline("CMP-RESOLVE", D(2026, 8, 6)).due == D(2026, 9, 7)
    assert moved.due == D(2026, 9, 9)
    assert "chờ kết quả" not in moved.explanation + moved.explanation_en  # officers' words


def test_a_suspension_resumed_the_same_day_moves_nothing() -> None:
    same = compute_deadline(
        "CMP-RESOLVE",
        start=D(2026, 7, 6),
        table=load_rule_table(),
        calendar=WorkingCalendar(),
        suspensions=[suspended(D(2026, 7, 13), D(2026, 7, 13))],
    )
    assert same.due == deadline("CMP-RESOLVE", D(2026, 7, 6)).due


def test_suspensions_that_make_no_sense_are_refused() -> None:
    with pytest.raises(ValidationError):
        suspended(D(2026, 7, 13), D(2026, 7, 12))
    table, cal = load_rule_table(), WorkingCalendar()
    stop = [suspended(D(2026, 7, 1), D(2026, 7, 3))]
    for rule_id, match in (("DEC-NOTICE", "ahead"), ("DEC-INIT.validity", "months")):
        with pytest.raises(DeadlineError, match=match):
            compute_deadline(
                rule_id, start=D(2026, 7, 13), table=table, calendar=cal, suspensions=stop
            )
