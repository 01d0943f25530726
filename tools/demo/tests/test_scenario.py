"""The demo's script is pure: a seed gives the same calls, every call's ids come from earlier
calls, and even a one-month history has every kind of petition and fate the dashboard shows."""

from __future__ import annotations

import datetime as dt
import itertools
import tomllib
from collections import Counter
from pathlib import Path

import pytest

from qcdc_demo.cli import main, registry_from_csv
from qcdc_demo.scenario import ward_script
from qcdc_demo.script import Week, paths_with_refs, walk_days
from qcdc_shared.registry import load_registry

pytestmark = pytest.mark.unit

TODAY = dt.date(2026, 11, 27)
UNITS_CSV = Path(__file__).resolve().parents[3].parent / "shared" / "data" / "hcmc_units_2025.csv"


def script(ward: str = "ben-thanh", seed: int = 2026, months: int = 5) -> list[Week]:
    days = walk_days(TODAY, months)
    return ward_script(ward=ward, ward_name="Phường Bến Thành", seed=seed, days=days)


def counted(weeks: list[Week]) -> Counter[str]:
    return Counter(a.counts for week in weeks for a in week.actions if a.counts)


def test_the_walk_goes_monday_by_monday_from_months_ago_to_today() -> None:
    days = walk_days(TODAY, 5)
    assert days[-1] == TODAY and days[0].weekday() == 0
    mondays = days[:-1]
    assert all(b - a == dt.timedelta(days=7) for a, b in itertools.pairwise(mondays))
    assert 145 <= (TODAY - days[0]).days <= 158 and days[-2] < TODAY
    with pytest.raises(ValueError):
        walk_days(TODAY, 0)


def test_the_same_seed_gives_the_same_script_and_another_seed_another() -> None:
    assert script() == script()
    assert script(seed=7) != script()
    assert script(ward="sai-gon") != script()


def test_every_id_a_call_needs_was_saved_by_an_earlier_call() -> None:
    saved: set[str] = set()
    for week in script():
        for action in week.actions:
            assert paths_with_refs(action) <= saved, (week.day, action)
            if action.after and action.after.ref:
                assert action.after.ref in saved
            if action.saves:
                saved.add(action.saves)


def test_a_month_already_has_every_kind_and_fate() -> None:
    weeks = script(months=1)
    counts = counted(weeks)
    for kind in ("feedback", "complaint", "denunciation", "information_request", "lead"):
        assert counts[kind] >= 1, kind
    assert counts["answered on_time"] >= 1 and counts["answered late"] >= 1
    assert counts["withdrawal"] >= 1 and counts["escalated by citizen"] == 1
    assert counts["decision"] >= 1 and counts["task"] >= 10 and counts["recommendation"] == 3
    probes = {a.after.kind for week in weeks for a in week.actions if a.after}
    assert {"board", "petition", "recommendation"} <= probes
    answers = [a for w in weeks for a in w.actions if a.path.endswith("/answer")]
    # One of the three recommendations is never answered: OVS-ANSWER escalates it.
    assert sum(a.service == "oversight" for a in answers) == 2


def test_five_months_are_busy_but_bounded() -> None:
    weeks = script()
    counts = counted(weeks)
    calls = sum(len(week.actions) for week in weeks)
    assert 250 <= calls <= 600, calls  # about a minute for three wards on two cores
    assert counts["posting"] >= 20 and counts["task progress"] >= 20
    assert counts["consultation"] >= 2 and counts["conference"] >= 2
    assert counts["answered late"] >= 3


def test_a_registry_of_hcmc_wards_for_benchmarks(tmp_path: Path) -> None:
    registry = registry_from_csv(UNITS_CSV, 168)
    assert len(registry.wards) == 168 and registry.city == "Thành phố Hồ Chí Minh"
    output = tmp_path / "wards.toml"
    assert main(["--registry-csv", str(UNITS_CSV), "--limit", "5", "--output", str(output)]) == 0
    written = load_registry(output)
    assert [w.slug for w in written.wards] == [w.slug for w in registry.wards[:5]]
    assert tomllib.loads(output.read_text(encoding="utf-8"))["wards"][0]["code"].isdigit()


@pytest.mark.parametrize("today", [dt.date(2026, 12, 31), dt.date(2027, 12, 31)])
def test_a_walk_ending_on_new_years_eve_gives_each_group_one_year_end_conference(
    today: dt.date,
) -> None:
    # OVS-YEAR.conference: a second one for the same group and year is refused (409).
    days = walk_days(today, 5)
    for seed in (2026, 7, 11):
        weeks = ward_script(ward="ben-thanh", ward_name="Phường Bến Thành", seed=seed, days=days)
        year_end = [
            (dt.date.fromisoformat(action.body["held_on"]).year, action.body["group"])
            for week in weeks
            for action in week.actions
            if action.path == "/conferences"
            and action.body
            and action.body["kind"] == "group_year_end"
        ]
        assert len(year_end) >= 4 and len(year_end) == len(set(year_end)), year_end
