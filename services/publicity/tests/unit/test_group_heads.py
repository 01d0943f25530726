"""PUB-LOUD.group-heads: loudspeaker items also go to the residential-group heads, within the
item's PUB-LOUD period, or the posting is flagged."""

from __future__ import annotations

import datetime as dt

import pytest

from qcdc_publicity.domain.group_heads import flag_unsent, send_to_group_heads
from qcdc_publicity.domain.posting import (
    Channel,
    Posting,
    PostingRefused,
    draft_posting,
    publish,
    version_document,
)
from qcdc_shared.law.calendar import WorkingCalendar
from qcdc_shared.law.rulebook import RuleBook
from qcdc_shared.law.rules import load_rule_table

pytestmark = pytest.mark.unit

VN = dt.timezone(dt.timedelta(hours=7))
RULES = RuleBook(load_rule_table(), WorkingCalendar())
AT = dt.datetime(2026, 11, 2, 9, tzinfo=VN)  # a Monday
LOUD = sorted(RULES.rule("PUB-LOUD", AT.date()).applies_to)


def published(category: int, channels: tuple[Channel, ...], rules: RuleBook = RULES) -> Posting:
    draft = draft_posting(
        posting_id="p",
        ward="ben-thanh",
        category=category,
        title="T",
        body="B",
        decided_on=AT.date(),
        channels=channels,
        now=AT,
        rules=rules,
    )
    return publish(draft, published_at=AT, now=AT, rules=rules)


def loud_end(posting: Posting) -> dt.datetime:
    period = posting.deadline("PUB-LOUD")
    assert period is not None
    return period.due_at


def test_published_with_the_group_heads_channel_it_is_sent_then() -> None:
    posting = published(LOUD[0], ("loudspeaker", "group_heads"))
    assert posting.group_heads_sent_at == AT
    assert version_document(posting)["group_heads_sent_at"] == "2026-11-02T02:00:00+00:00"
    later = loud_end(posting) + dt.timedelta(days=1)
    assert flag_unsent(posting, now=later, rules=RULES) is None


def test_unsent_by_the_end_of_pub_loud_it_is_flagged_once() -> None:
    posting = published(LOUD[0], ("loudspeaker",))
    assert posting.group_heads_sent_at is None
    assert "group_heads_sent_at" not in version_document(posting)
    assert flag_unsent(posting, now=loud_end(posting), rules=RULES) is None
    flagged = flag_unsent(posting, now=loud_end(posting) + dt.timedelta(seconds=1), rules=RULES)
    assert flagged is not None and flagged.violations == ("PUB-LOUD",)
    assert flagged.version == posting.version + 1
    assert flag_unsent(flagged, now=loud_end(posting) + dt.timedelta(days=9), rules=RULES) is None


def test_sent_within_the_period_is_kept_and_late_is_a_violation() -> None:
    posting = published(LOUD[-1], ("loudspeaker",))
    on_time = send_to_group_heads(
        posting, sent_at=loud_end(posting), now=loud_end(posting), rules=RULES
    )
    assert on_time.group_heads_sent_at == loud_end(posting) and on_time.violations == ()
    assert on_time.channels == ("loudspeaker", "group_heads")
    with pytest.raises(PostingRefused) as twice:
        send_to_group_heads(on_time, sent_at=AT, now=AT, rules=RULES)
    assert twice.value.conflict and twice.value.rule == "PUB-LOUD.group-heads"
    late_at = loud_end(posting) + dt.timedelta(hours=1)
    late = send_to_group_heads(posting, sent_at=late_at, now=late_at, rules=RULES)
    assert late.violations == ("PUB-LOUD",) and late.group_heads_sent_at == late_at


def test_the_sending_lies_between_publication_and_now() -> None:
    posting = published(LOUD[0], ("loudspeaker",))
    for sent_at in (AT - dt.timedelta(minutes=1), AT + dt.timedelta(hours=2)):
        with pytest.raises(PostingRefused):
            send_to_group_heads(
                posting, sent_at=sent_at, now=AT + dt.timedelta(hours=1), rules=RULES
            )


def test_other_categories_are_not_sent_unless_the_table_says_so() -> None:
    categories = int(RULES.rule("PUB-CAT", AT.date()).amount or 0)
    permanent = RULES.rule("PUB-PERM", AT.date()).applies_to
    quiet = next(c for c in range(1, categories + 1) if c not in (*LOUD, *permanent))
    posting = published(quiet, ("notice_board",))
    with pytest.raises(PostingRefused) as refused:
        send_to_group_heads(posting, sent_at=AT, now=AT, rules=RULES)
    assert refused.value.rule == "PUB-LOUD.group-heads"
    assert flag_unsent(posting, now=AT + dt.timedelta(days=60), rules=RULES) is None
    rows = tuple(
        row.model_copy(update={"applies_to": (*row.applies_to, quiet)})
        if row.id == "PUB-LOUD"
        else row
        for row in RULES.table.rules
    )
    wider = RuleBook(RULES.table.model_copy(update={"rules": rows}), RULES.calendar)
    covered = published(quiet, ("notice_board",), rules=wider)
    assert flag_unsent(covered, now=loud_end(covered) + dt.timedelta(days=1), rules=wider)
