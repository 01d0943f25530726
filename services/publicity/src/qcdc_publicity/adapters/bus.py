"""Domain postings → the published integration events (contracts/)."""

from __future__ import annotations

from qcdc_publicity.contracts import DeadlineV1, PostingPublishedV1
from qcdc_publicity.domain.model import Posting, RuleBook, is_permanent


def posting_published(posting: Posting, rules: RuleBook) -> PostingPublishedV1:
    assert posting.published_at is not None
    return PostingPublishedV1(
        posting_id=posting.id,
        ward=posting.ward,
        category=posting.category,
        title=posting.title,
        channels=list(posting.channels),
        decided_on=posting.decided_on,
        published_at=posting.published_at,
        status="published",
        permanent=is_permanent(posting, rules),
        deadlines=[
            DeadlineV1(
                rule=deadline.rule,
                due=deadline.due,
                due_at=deadline.due_at,
                explanation=deadline.explanation,
                explanation_en=deadline.explanation_en,
                table_version=deadline.table_version,
            )
            for deadline in posting.deadlines
        ],
        violations=list(posting.violations),
        version=posting.version,
    )
