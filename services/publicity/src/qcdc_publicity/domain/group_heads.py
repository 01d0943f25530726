"""PUB-LOUD.group-heads (Law 10/2022 Art. 13(4)): what is read on the loudspeaker is also sent
to the residential-group heads, who pass it on to residents.

A posting of those categories records when it was sent: at publication when "group_heads" is
among its channels, or later by the officer (:func:`send_to_group_heads`). The law names no
period for the sending; the platform expects it within the item's PUB-LOUD period, the days
it is on the loudspeaker. A sending after that period, or none by its end (the sweep's
:func:`flag_unsent`), adds PUB-LOUD to the posting's violations, which its event carries to
oversight.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from qcdc_publicity.domain.posting import GROUP_HEADS, Posting, PostingRefused, goes_to_group_heads
from qcdc_shared.law.deadlines import local_date
from qcdc_shared.law.rulebook import RuleBook

LOUDSPEAKER = "PUB-LOUD"


def _late(posting: Posting, violations: tuple[str, ...]) -> tuple[str, ...]:
    return violations if LOUDSPEAKER in violations else (*violations, LOUDSPEAKER)


def send_to_group_heads(
    posting: Posting, *, sent_at: dt.datetime, now: dt.datetime, rules: RuleBook
) -> Posting:
    """Record that a published posting went to the group heads at ``sent_at``."""
    if posting.status != "published" or posting.published_at is None:
        raise PostingRefused(
            "Chỉ ghi việc gửi Tổ trưởng tổ dân phố cho tin đang công khai.",
            "Only a published posting can be recorded as sent to the group heads.",
            conflict=True,
        )
    if not goes_to_group_heads(posting.category, rules, local_date(posting.published_at)):
        raise PostingRefused(
            f"Nhóm nội dung {posting.category} không thuộc các nhóm phải gửi Tổ trưởng tổ dân "
            f"phố ({GROUP_HEADS}).",
            f"Category {posting.category} is not one sent to the group heads ({GROUP_HEADS}).",
            rule=GROUP_HEADS,
        )
    if posting.group_heads_sent_at is not None or "group_heads" in posting.channels:
        raise PostingRefused(
            "Đã ghi việc gửi Tổ trưởng tổ dân phố.",
            "The sending to the group heads is already recorded.",
            rule=GROUP_HEADS,
            conflict=True,
        )
    if sent_at > now or sent_at < posting.published_at:
        raise PostingRefused(
            "Thời điểm gửi phải từ lúc công khai đến nay.",
            "The sending lies between the publication and now.",
            rule=GROUP_HEADS,
        )
    period = posting.deadline(LOUDSPEAKER)
    late = period is not None and sent_at > period.due_at
    return replace(
        posting,
        channels=(*posting.channels, "group_heads"),
        group_heads_sent_at=sent_at,
        violations=_late(posting, posting.violations) if late else posting.violations,
        version=posting.version + 1,
    )


def flag_unsent(posting: Posting, *, now: dt.datetime, rules: RuleBook) -> Posting | None:
    """The sweep: a posting whose PUB-LOUD period ended unsent to the group heads is flagged
    once (None when there is nothing to flag)."""
    period = posting.deadline(LOUDSPEAKER)
    if (
        posting.status != "published"
        or posting.published_at is None
        or posting.group_heads_sent_at is not None
        # Published with the channel before the sending had its own record: sent then.
        or "group_heads" in posting.channels
        or period is None
        or now <= period.due_at
        or LOUDSPEAKER in posting.violations
        or not goes_to_group_heads(posting.category, rules, local_date(posting.published_at))
    ):
        return None
    return replace(
        posting, violations=_late(posting, posting.violations), version=posting.version + 1
    )
