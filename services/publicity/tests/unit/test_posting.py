"""Posting rules: categories, dates, deadlines chosen by category, lateness (PUB-*)."""

from __future__ import annotations

import datetime as dt

import pytest

from qcdc_publicity.domain.posting import (
    PROCEDURE_ELEMENTS,
    Posting,
    PostingRefused,
    draft_posting,
    is_permanent,
    publish,
)
from qcdc_shared.law.calendar import WorkingCalendar
from qcdc_shared.law.rulebook import RuleBook
from qcdc_shared.law.rules import load_rule_table

pytestmark = pytest.mark.unit

VN = dt.timezone(dt.timedelta(hours=7))
RULES = RuleBook(load_rule_table(), WorkingCalendar())
NOW = dt.datetime(2026, 11, 27, 9, 0, tzinfo=VN)  # a Friday


def draft(category: int = 1, decided_on: dt.date = dt.date(2026, 11, 20), **kw: object) -> Posting:
    fields: dict[str, object] = {
        "posting_id": "p-1",
        "ward": "ben-thanh",
        "category": category,
        "title": "T",
        "body": "B",
        "decided_on": decided_on,
        "channels": ("notice_board",),
        "now": NOW,
        "rules": RULES,
        **kw,
    }
    return draft_posting(**fields)  # type: ignore[arg-type]


@pytest.mark.parametrize("category", [0, 15, -1])
def test_only_the_fourteen_categories_of_art_11(category: int) -> None:
    with pytest.raises(PostingRefused) as refused:
        draft(category)
    assert refused.value.rule == "PUB-CAT"


def test_a_decision_cannot_be_dated_in_the_future() -> None:
    with pytest.raises(PostingRefused):
        draft(decided_on=NOW.date() + dt.timedelta(days=1))


@pytest.mark.parametrize("channels", [(), ("portal", "portal")])
def test_channels_are_given_once_each(channels: tuple[str, ...]) -> None:
    with pytest.raises(PostingRefused):
        draft(channels=channels)


def test_publishing_computes_due_and_minimum_end_for_an_ordinary_category() -> None:
    posting = publish(draft(1), published_at=NOW, now=NOW, rules=RULES)
    assert posting.status == "published" and posting.version == 2
    due = posting.deadline("PUB-DUE")
    minimum = posting.deadline("PUB-MIN30")
    assert due is not None and minimum is not None
    # Decided Fri 20 Nov 2026: Mon 23, (Tue 24 is Vietnam Culture Day), Wed 25, Thu 26, Fri 27,
    # Mon 30 — the fifth working day.
    assert due.due == dt.date(2026, 11, 30)
    # Published Fri 27 Nov: 30 calendar days end Sun 27 Dec, which rolls to Mon 28 Dec.
    assert minimum.due == dt.date(2026, 12, 28)
    assert posting.deadline("PUB-LOUD") is None
    assert posting.violations == ()


def test_categories_7_to_12_are_also_read_on_the_loudspeaker() -> None:
    posting = publish(draft(7), published_at=NOW, now=NOW, rules=RULES)
    assert {d.rule for d in posting.deadlines} == {"PUB-DUE", "PUB-MIN30", "PUB-LOUD"}


@pytest.mark.parametrize("category", [4, 13])
def test_permanent_categories_have_no_minimum_end(category: int) -> None:
    procedure = {element: "…" for element in PROCEDURE_ELEMENTS} if category == 13 else None
    posting = publish(draft(category, procedure=procedure), published_at=NOW, now=NOW, rules=RULES)
    assert {d.rule for d in posting.deadlines} == {"PUB-DUE"}
    assert is_permanent(posting.category, RULES, posting.decided_on)


def test_publishing_after_the_due_date_is_a_pub_due_violation() -> None:
    late = dt.datetime(2026, 12, 1, 8, 0, tzinfo=VN)  # the day after Mon 30 Nov
    posting = publish(draft(1), published_at=late, now=late, rules=RULES)
    assert posting.violations == ("PUB-DUE",)


def test_publishing_on_the_last_evening_is_still_on_time() -> None:
    last_evening = dt.datetime(2026, 11, 30, 23, 30, tzinfo=VN)
    posting = publish(draft(1), published_at=last_evening, now=last_evening, rules=RULES)
    assert posting.violations == ()


def test_a_past_physical_posting_keeps_its_real_date() -> None:
    earlier = dt.datetime(2026, 11, 23, 7, 30, tzinfo=VN)
    posting = publish(draft(1), published_at=earlier, now=NOW, rules=RULES)
    assert posting.published_at == earlier


def test_publication_is_never_in_the_future_nor_before_the_decision() -> None:
    with pytest.raises(PostingRefused):
        publish(draft(1), published_at=NOW + dt.timedelta(minutes=1), now=NOW, rules=RULES)
    with pytest.raises(PostingRefused):
        publish(
            draft(1), published_at=dt.datetime(2026, 11, 19, 9, tzinfo=VN), now=NOW, rules=RULES
        )


def test_a_posting_is_published_once() -> None:
    posting = publish(draft(1), published_at=NOW, now=NOW, rules=RULES)
    with pytest.raises(PostingRefused) as refused:
        publish(posting, published_at=NOW, now=NOW, rules=RULES)
    assert refused.value.conflict
