"""The rule table as data: coverage of DOMAIN.md, rows in force, exact shares, overrides."""

from __future__ import annotations

import datetime as dt
import os
import re
from fractions import Fraction
from importlib.resources import files
from pathlib import Path

import pytest
from pydantic import ValidationError

from qcdc_shared.law.rules import (
    DOMAIN_RULE_IDS,
    Rule,
    RuleTable,
    RuleTableError,
    UnknownRule,
    load_rule_table,
)

pytestmark = pytest.mark.unit


# shared/tests/unit/test_rules.py -> the repository root is three levels up;
# CI copies the design documents beside it as ../shared.
REPO_ROOT = Path(__file__).resolve().parents[3]
DOMAIN_MD = REPO_ROOT.parent / "shared" / "DOMAIN.md"


@pytest.fixture(scope="module")
def table() -> RuleTable:
    return load_rule_table()


def _row(**overrides: object) -> dict[str, object]:
    row: dict[str, object] = {
        "id": "CMP-ACCEPT",
        "amount": 5,
        "unit": "working_days",
        "counted_from": "complaint_received",
        "basis": "Law on Complaints, amended again",
        "effective_from": dt.date(2027, 1, 1),
    }
    row.update(overrides)
    return row


@pytest.mark.parametrize("rule_id", DOMAIN_RULE_IDS)
def test_every_domain_rule_is_in_the_table(table: RuleTable, rule_id: str) -> None:
    assert rule_id in table.rule_ids()


def test_domain_md_rule_ids_are_all_in_the_table(table: RuleTable) -> None:
    if not DOMAIN_MD.is_file():
        message = f"{DOMAIN_MD} not found: CI must copy shared/ beside the repository"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    text = DOMAIN_MD.read_text(encoding="utf-8")
    ids = set(re.findall(r"^\|\s*([A-Z]{2,4}-[A-Z0-9]+)\s*\|", text, flags=re.MULTILINE))
    assert len(ids) >= 30, "the rule tables of DOMAIN.md were not parsed"
    assert ids - table.rule_ids() == set()
    assert ids == set(DOMAIN_RULE_IDS), "DOMAIN.md changed: update DOMAIN_RULE_IDS"


def test_table_has_a_version_and_ships_as_package_data(table: RuleTable) -> None:
    assert re.fullmatch(r"\d{4}\.\d+\.\d+", table.version)
    assert files("qcdc_shared.law").joinpath("rules.toml").is_file()


def test_every_row_cites_a_basis_and_says_what_it_means(table: RuleTable) -> None:
    for row in table.rules:
        assert row.basis and row.summary and row.summary_vi, row.id
        if row.is_period:
            assert row.counted_from, row.id


def test_every_row_says_where_it_was_read_and_whether_it_was(table: RuleTable) -> None:
    """Issue "the law in force today": a row with no source or status fails, a confirmed row
    quotes the passage it was read in, an unconfirmed one says what would confirm it."""
    text = re.compile(r"Law|Luật|Decree|Nghị định|Công báo|Regulation|Code|Bộ luật|Conclusion")
    for rule in table.rules:
        where = f"{rule.id} from {rule.effective_from}"
        assert rule.source and rule.status and rule.reviewed_on, where
        # A page read, or the text the figure is to be read in: never a bare "not found".
        assert re.match(r"https?://", rule.source) or text.search(rule.source), where
        if rule.status == "confirmed":
            assert rule.quote, where
        else:
            assert rule.missing, where
    with pytest.raises(ValidationError, match="says what is missing"):
        Rule(
            id="REC-WEEK",
            unit="count",
            basis="b",
            effective_from=dt.date(2026, 7, 1),
            source="s",
            status="unconfirmed",
        )


def test_rec_week_switches_on_2026_07_01(table: RuleTable) -> None:
    before = table.rule("REC-WEEK", on=dt.date(2026, 6, 30))
    after = table.rule("REC-WEEK", on=dt.date(2026, 7, 1))
    assert (before.amount, before.period) == (1, "week")
    assert (after.amount, after.period) == (2, "month")
    assert table.rule("REC-WEEK", on=dt.date(2030, 1, 1)) == after
    assert len(table.rows("REC-WEEK")) == 2


def test_cmp_accept_keeps_one_row_until_a_source_shows_a_change(table: RuleTable) -> None:
    # A 7-working-day row from 2026-07-01 was proposed and removed: no text supports it.
    (row,) = table.rows("CMP-ACCEPT")
    assert (row.amount, row.unit, row.status) == (10, "calendar_days", "confirmed")


def test_no_row_in_force_before_the_first_is_a_clear_error(table: RuleTable) -> None:
    with pytest.raises(UnknownRule, match="2012-07-01") as caught:
        table.rule("CMP-ACCEPT", on=dt.date(2012, 6, 30))
    assert caught.value.rule == "CMP-ACCEPT"


def test_unknown_rule_is_a_clear_error(table: RuleTable) -> None:
    with pytest.raises(UnknownRule, match="NOPE-1"):
        table.rule("NOPE-1", on=dt.date(2026, 1, 1))
    # A rule held only in dotted rows points the caller at them.
    with pytest.raises(UnknownRule, match=r"DEC-PASS\.money"):
        table.rule("DEC-PASS", on=dt.date(2026, 1, 1))


def test_rule_lookup_refuses_a_datetime(table: RuleTable) -> None:
    with pytest.raises(TypeError):
        table.rule("CMP-ACCEPT", on=dt.datetime(2026, 7, 1, tzinfo=dt.UTC))


def test_decision_thresholds_are_exact_fractions(table: RuleTable) -> None:
    on = dt.date(2026, 1, 1)
    money = table.rule("DEC-PASS.money", on=on)
    other = table.rule("DEC-PASS.other", on=on)
    assert (money.share(), money.comparison, money.applies_to) == (
        Fraction(2, 3),
        "at_least",
        (1, 2),
    )
    assert (other.share(), other.comparison, other.applies_to) == (
        Fraction(1, 2),
        "more_than",
        (3, 4, 5, 6),
    )
    # 67 of 100 households pass 2/3 exactly; 66 do not (0.6667 as a float would say 66.67).
    assert Fraction(67, 100) >= money.share() > Fraction(66, 100)
    assert table.rule("DEC-INIT", on=on).share() == Fraction(1, 10)


def test_publicity_categories_are_data(table: RuleTable) -> None:
    on = dt.date(2026, 1, 1)
    min30 = set(table.rule("PUB-MIN30", on=on).applies_to)
    perm = set(table.rule("PUB-PERM", on=on).applies_to)
    assert min30 | perm == set(range(1, 14)) and not min30 & perm
    assert table.rule("PUB-LOUD", on=on).applies_to == (7, 8, 9, 10, 11, 12)
    assert table.rule("PUB-CAT", on=on).amount == 14


def test_complex_rows_agree_with_extension_caps(table: RuleTable) -> None:
    on = dt.date(2026, 1, 1)
    for base, complex_id in [
        ("CMP-RESOLVE", "CMP-RESOLVE.complex"),
        ("CMP-RESOLVE.remote", "CMP-RESOLVE.remote-complex"),
    ]:
        row = table.rule(base, on=on)
        assert row.extension is not None
        assert row.days() + row.extension.amount == row.max_amount
        assert table.rule(complex_id, on=on).days() == row.max_amount
    # Art. 30(2)-(3): one extension for a complex denunciation, two only when especially
    # complex (a row of its own), each of the same length.
    den = table.rule("DEN-RESOLVE", on=on)
    special = table.rule("DEN-RESOLVE.especially-complex", on=on)
    assert den.extension is not None and special.extension is not None
    assert (den.days(), den.extension.amount, den.extension.max_times, den.max_amount) == (
        30,
        30,
        1,
        60,
    )
    assert special.days() == den.days() and special.extension.amount == den.extension.amount
    assert special.extension.max_times == den.extension.max_times + 1
    assert special.max_amount == special.days() + 2 * special.extension.amount


def test_only_counts_of_sessions_take_session_forms(table: RuleTable) -> None:
    # REC-WEEK counts sessions at the reception place (in person) in both of its rows.
    for row in table.rows("REC-WEEK"):
        assert row.session_forms == ("in_person",)
    with pytest.raises(ValidationError, match="session forms"):
        Rule.model_validate(_row(session_forms=["online"]))


def test_rows_that_count_nothing_have_no_amount(table: RuleTable) -> None:
    for rule_id in ["PUB-REQ", "DEN-SECRET", "OVS-DETECT", "CAL-COUNT", "CAL-WHY", "PUB-PERM"]:
        row = table.rule(rule_id, on=dt.date(2026, 1, 1))
        assert (row.unit, row.amount) == ("count", None)


@pytest.mark.parametrize(
    "overrides",
    [
        {"unit": "weeks"},
        {"counted_from": None},
        {"amount": -1},
        {"amount": None},
        {"unit": "share_of_households", "amount": "3/2", "comparison": "at_least"},
        {"unit": "share_of_households", "amount": "1/2"},  # no comparison
        {"unit": "count", "amount": "1/2"},
        {"max_amount": 10},  # a cap without an extension
        {"direction": "before", "extension": {"amount": 5, "unit": "working_days"}},
        {"id": "cmp-accept"},
        {"colour": "red"},
    ],
)
def test_malformed_rows_are_refused(overrides: dict[str, object]) -> None:
    with pytest.raises(ValidationError):
        Rule.model_validate(_row(**overrides))


def test_a_float_share_is_read_through_its_decimal_text() -> None:
    row = Rule.model_validate(
        _row(unit="share_of_households", amount=0.1, comparison="at_least", counted_from=None)
    )
    assert row.share() == Fraction(1, 10)


def test_the_table_refuses_two_rows_for_one_period() -> None:
    row = Rule.model_validate(_row())
    with pytest.raises(ValidationError, match="two rows"):
        RuleTable(version="t", rules=(row, row.model_copy(update={"amount": 6})))


def test_an_override_row_takes_effect_from_its_date(tmp_path: Path, table: RuleTable) -> None:
    path = tmp_path / "overrides.toml"
    path.write_text(
        'version = "hcm-2027.1"\n'
        "[[rules]]\n"
        'id = "CMP-ACCEPT"\namount = 5\nunit = "working_days"\n'
        'counted_from = "complaint_received"\nbasis = "A 2027 amendment"\n'
        "effective_from = 2027-01-01\n",
        encoding="utf-8",
    )
    merged = load_rule_table(path)
    assert merged.version == f"{table.version}+hcm-2027.1"
    assert merged.rule("CMP-ACCEPT", on=dt.date(2026, 12, 31)).amount == 10
    assert merged.rule("CMP-ACCEPT", on=dt.date(2027, 1, 1)).amount == 5
    assert merged.rule("CMP-ACCEPT", on=dt.date(2012, 7, 1)).amount == 10
    # The packaged table is untouched.
    assert load_rule_table().rule("CMP-ACCEPT", on=dt.date(2027, 1, 1)).amount == 10


def test_an_override_without_version_is_labelled_by_its_content(table: RuleTable) -> None:
    text = (
        '[[rules]]\nid = "OVS-ANSWER"\namount = 10\nunit = "calendar_days"\n'
        'counted_from = "recommendation_issued"\nbasis = "x"\neffective_from = 2027-01-01\n'
    )
    merged = table.with_overrides(text)
    assert re.fullmatch(rf"{re.escape(table.version)}\+[0-9a-f]{{8}}", merged.version)
    assert merged.rule("OVS-ANSWER", on=dt.date(2027, 1, 1)).amount == 10


@pytest.mark.parametrize(
    ("text", "match"),
    [
        # Same id and effective_from as a packaged row: an edit, not a new row.
        (
            '[[rules]]\nid = "CMP-ACCEPT"\namount = 5\nunit = "working_days"\n'
            'counted_from = "complaint_received"\nbasis = "x"\neffective_from = 2012-07-01\n',
            "never an edit",
        ),
        (
            '[[rules]]\nid = "XYZ-NEW"\namount = 5\nunit = "working_days"\n'
            'counted_from = "x"\nbasis = "x"\neffective_from = 2027-01-01\n',
            "not a rule of the table",
        ),
        ('version = "x"\n', "no \\[\\[rules\\]\\] rows"),
        ('[[rules]]\nid = "CMP-ACCEPT"\nunit = "working_days"\n', "CMP-ACCEPT"),
        ('wards = ["ben-thanh"]\n[[rules]]\n', "unknown keys"),
    ],
)
def test_bad_override_files_are_refused(table: RuleTable, text: str, match: str) -> None:
    with pytest.raises(RuleTableError, match=match):
        table.with_overrides(text)


def test_two_override_rows_for_one_period_conflict(table: RuleTable) -> None:
    row = (
        '[[rules]]\nid = "CMP-ACCEPT"\namount = {n}\nunit = "working_days"\n'
        'counted_from = "complaint_received"\nbasis = "x"\neffective_from = 2027-01-01\n'
    )
    with pytest.raises(RuleTableError, match="two rows"):
        table.with_overrides(row.format(n=5) + row.format(n=6))


def test_the_default_table_is_read_once(table: RuleTable) -> None:
    assert load_rule_table() is load_rule_table()
    assert load_rule_table(None) is table


@pytest.mark.parametrize(
    ("households", "share", "comparison", "needed"),
    [
        (100, "1/10", "at_least", 10),  # exactly 10% is enough
        (95, "1/10", "at_least", 10),  # 9.5 rounds up, never down
        (90, "1/10", "at_least", 9),
        (1, "1/10", "at_least", 1),
        (100, "1/2", "more_than", 51),  # exactly half is not more than half
        (99, "1/2", "more_than", 50),
        (3, "2/3", "at_least", 2),  # a float 0.6667 * 3 would ask for 3
        (300, "2/3", "at_least", 200),
    ],
)
def test_households_needed_by_a_share_is_exact(
    households: int, share: str, comparison: str, needed: int
) -> None:
    row = Rule(
        id="DEC-PASS.money",
        amount=Fraction(share),
        unit="share_of_households",
        comparison=comparison,  # type: ignore[arg-type]
        basis="test",
        effective_from=dt.date(2023, 7, 1),
    )
    assert row.households_needed(households) == needed
