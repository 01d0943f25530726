"""Withdrawal (PUB-MIN30), amendment of permanent postings (PUB-PERM), procedures (PUB-TTHC),
expiry, and the deadlines across Tết and weekends."""

from __future__ import annotations

import datetime as dt

import pytest

from qcdc_publicity.domain.posting import (
    PROCEDURE_ELEMENTS,
    Posting,
    PostingRefused,
    amend,
    draft_posting,
    expire_if_due,
    procedure_elements,
    publish,
    version_document,
    withdraw,
)
from qcdc_shared.law.calendar import WorkingCalendar
from qcdc_shared.law.rulebook import RuleBook
from qcdc_shared.law.rules import load_rule_table

pytestmark = pytest.mark.unit

VN = dt.timezone(dt.timedelta(hours=7))
RULES = RuleBook(load_rule_table(), WorkingCalendar())
PROCEDURE = {element: f"{element} …" for element in PROCEDURE_ELEMENTS}


def published(
    category: int,
    at: dt.datetime,
    decided_on: dt.date | None = None,
    rules: RuleBook = RULES,
    **kw: object,
) -> Posting:
    draft = draft_posting(
        posting_id="p",
        ward="ben-thanh",
        category=category,
        title="T",
        body="B",
        decided_on=decided_on or at.date(),
        channels=("notice_board",),
        now=at,
        rules=rules,
        **kw,  # type: ignore[arg-type]
    )
    return publish(draft, published_at=at, now=at, rules=rules)


def test_withdrawing_a_category_2_posting_after_three_days_breaks_pub_min30() -> None:
    posting = published(2, dt.datetime(2026, 11, 2, 9, tzinfo=VN))
    three_days_later = dt.datetime(2026, 11, 5, 9, tzinfo=VN)
    with pytest.raises(PostingRefused):
        withdraw(posting, reason="  ", now=three_days_later, rules=RULES)
    withdrawn = withdraw(posting, reason="Văn bản bị thay thế", now=three_days_later, rules=RULES)
    assert withdrawn.status == "withdrawn" and withdrawn.violations == ("PUB-MIN30",)
    assert withdrawn.withdrawal_reason == "Văn bản bị thay thế"
    assert withdrawn.version == posting.version + 1


def test_withdrawing_after_the_minimum_end_is_lawful() -> None:
    posting = published(2, dt.datetime(2026, 11, 2, 9, tzinfo=VN))
    # 30 days from Mon 2 Nov end Wed 2 Dec; the next morning is past the minimum end.
    after = dt.datetime(2026, 12, 3, 8, tzinfo=VN)
    assert withdraw(posting, reason="Hết thời hạn", now=after, rules=RULES).violations == ()


@pytest.mark.parametrize("category", [4, 13])
def test_permanent_postings_are_amended_never_withdrawn(category: int) -> None:
    extra = {"procedure": PROCEDURE} if category == 13 else {}
    posting = published(category, dt.datetime(2026, 11, 2, 9, tzinfo=VN), **extra)
    later = dt.datetime(2026, 11, 20, 9, tzinfo=VN)
    with pytest.raises(PostingRefused) as refused:
        withdraw(posting, reason="thay đổi", now=later, rules=RULES)
    assert refused.value.rule == "PUB-PERM"
    amended = amend(
        posting,
        title="T2",
        body="B2",
        channels=("portal",),
        attachments=(),
        procedure=extra.get("procedure"),
        now=later,
        rules=RULES,
    )
    assert (amended.title, amended.version, amended.status) == (
        "T2",
        posting.version + 1,
        "published",
    )
    assert amended.changed_at == later


def test_an_ordinary_posting_cannot_be_amended() -> None:
    posting = published(1, dt.datetime(2026, 11, 2, 9, tzinfo=VN))
    with pytest.raises(PostingRefused) as refused:
        amend(
            posting,
            title="x",
            body="y",
            channels=("portal",),
            attachments=(),
            procedure=None,
            now=posting.published_at,
            rules=RULES,
        )  # type: ignore[arg-type]
    assert refused.value.rule == "PUB-PERM"


def test_a_procedure_posting_needs_the_basic_pub_tthc_elements_only() -> None:
    at = dt.datetime(2026, 11, 2, 9, tzinfo=VN)
    basic, conditional = procedure_elements(RULES, at.date())
    assert len(basic) == RULES.rule("PUB-TTHC", at.date()).amount == 7
    assert len(conditional) == RULES.rule("PUB-TTHC.conditional", at.date()).amount == 4
    assert set(conditional) == {"forms", "result", "conditions", "fees"}
    without_agency = {k: v for k, v in PROCEDURE.items() if k != "agency"}
    with pytest.raises(PostingRefused) as refused:
        published(13, at, procedure=without_agency)
    assert refused.value.rule == "PUB-TTHC" and "agency" in refused.value.detail_en
    assert "7" in refused.value.detail_en  # the count is the row's
    # The conditional elements are stated where a procedure has them, never required.
    only_basic = {k: v for k, v in PROCEDURE.items() if k in basic}
    assert published(13, at, procedure=only_basic).procedure == only_basic
    assert published(13, at, procedure=PROCEDURE).procedure == PROCEDURE


def test_how_many_elements_are_basic_is_the_tables() -> None:
    # The article's original reading (8 basic, the result among them) is one row away.
    at = dt.datetime(2026, 11, 2, 9, tzinfo=VN)
    rows = tuple(
        row.model_copy(update={"amount": row.amount + 1 if row.id == "PUB-TTHC" else 3})
        if row.id in ("PUB-TTHC", "PUB-TTHC.conditional")
        else row
        for row in RULES.table.rules
    )
    eight = RuleBook(RULES.table.model_copy(update={"rules": rows}), RULES.calendar)
    without_result = {k: v for k, v in PROCEDURE.items() if k != "result"}
    assert published(13, at, procedure=without_result).procedure == without_result
    with pytest.raises(PostingRefused) as refused:
        published(13, at, procedure=without_result, rules=eight)
    assert "result" in refused.value.detail_en


def test_expiry_comes_only_after_the_minimum_end() -> None:
    posting = published(1, dt.datetime(2026, 11, 2, 9, tzinfo=VN))
    end = posting.deadline("PUB-MIN30")
    assert end is not None
    assert expire_if_due(posting, now=end.due_at) is None
    expired = expire_if_due(posting, now=end.due_at + dt.timedelta(microseconds=1))
    assert expired is not None and expired.status == "expired"
    assert (
        expire_if_due(
            published(4, dt.datetime(2026, 11, 2, tzinfo=VN)),
            now=dt.datetime(2030, 1, 1, tzinfo=VN),
        )
        is None
    )  # permanent


def test_pub_due_crosses_tet_2027() -> None:
    # Decided Wed 3 Feb 2027; Tết 2027 gives Thu 4, Fri 5, Mon 8, Tue 9, Wed 10 Feb off:
    # working days Thu 11, Fri 12, Mon 15, Tue 16, Wed 17 → due Wed 17 Feb.
    at = dt.datetime(2027, 2, 17, 20, tzinfo=VN)
    posting = published(1, at, decided_on=dt.date(2027, 2, 3))
    due = posting.deadline("PUB-DUE")
    assert due is not None and due.due == dt.date(2027, 2, 17) and posting.violations == ()
    late = published(1, dt.datetime(2027, 2, 18, 8, tzinfo=VN), decided_on=dt.date(2027, 2, 3))
    assert late.violations == ("PUB-DUE",)


def test_pub_loud_and_pub_min30_roll_past_tet_and_weekends() -> None:
    # Published Sat 6 Feb 2027 (during Tết): 3 days end Tue 9 Feb, a Tết day off → rolls to
    # Thu 11 Feb; 30 days end Mon 8 Mar, a working day.
    posting = published(8, dt.datetime(2027, 2, 6, 9, tzinfo=VN), decided_on=dt.date(2027, 2, 1))
    loud, minimum = posting.deadline("PUB-LOUD"), posting.deadline("PUB-MIN30")
    assert loud is not None and loud.due == dt.date(2027, 2, 11)
    assert minimum is not None and minimum.due == dt.date(2027, 3, 8)


def test_the_version_document_is_plain_json_without_private_fields() -> None:
    posting = published(1, dt.datetime(2026, 11, 2, 9, tzinfo=VN))
    document = version_document(posting)
    assert document["version"] == 2 and document["status"] == "published"
    assert document["published_at"] == "2026-11-02T02:00:00+00:00"
    assert "created_at" not in document and "created_by" not in document


def test_pub_min30_ending_in_tet_rolls_to_the_first_working_day_after() -> None:
    # Published Wed 6 Jan 2027: 30 days end Fri 5 Feb 2027, a Tết day off; Sat 6, Sun 7,
    # Mon 8 – Wed 10 are off too → due Thu 11 Feb 2027.
    posting = published(1, dt.datetime(2027, 1, 6, 9, tzinfo=VN))
    minimum = posting.deadline("PUB-MIN30")
    assert minimum is not None and minimum.due == dt.date(2027, 2, 11)
    assert "Tết" in minimum.explanation or "Tet" in minimum.explanation_en
