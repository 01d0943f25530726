"""Domain postings → the published integration events (contracts/)."""

from __future__ import annotations

from typing import Any

from qcdc_publicity.contracts import (
    DeadlineV1,
    LedgerHeadV1,
    PostingAmendedV1,
    PostingExpiredV1,
    PostingPublishedV1,
    PostingWithdrawnV1,
    SourceV1,
)
from qcdc_publicity.domain.ledger import LedgerEntry
from qcdc_publicity.domain.model import Posting, RuleBook, is_permanent
from qcdc_shared.envelope import IntegrationEvent


def _state(posting: Posting, rules: RuleBook, entry: LedgerEntry) -> dict[str, Any]:
    assert posting.published_at is not None
    return {
        "posting_id": posting.id,
        "ward": posting.ward,
        "category": posting.category,
        "title": posting.title,
        "channels": list(posting.channels),
        "decided_on": posting.decided_on,
        "published_at": posting.published_at,
        "permanent": is_permanent(posting.category, rules, posting.decided_on),
        "deadlines": [
            DeadlineV1(
                rule=d.rule,
                due=d.due,
                due_at=d.due_at,
                explanation=d.explanation,
                explanation_en=d.explanation_en,
                table_version=d.table_version,
            )
            for d in posting.deadlines
        ],
        "violations": list(posting.violations),
        "version": posting.version,
        "ledger": LedgerHeadV1(sequence=entry.sequence, hash=entry.hash),
        "source": SourceV1(kind=posting.source.kind, id=posting.source.id)
        if posting.source
        else None,
    }


def posting_event(
    posting: Posting, rules: RuleBook, entry: LedgerEntry, *, amended: bool = False
) -> IntegrationEvent:
    """The event of the posting's newest state."""
    state = _state(posting, rules, entry)
    if posting.status == "withdrawn":
        assert posting.changed_at and posting.withdrawal_reason
        return PostingWithdrawnV1(
            **state,
            status="withdrawn",
            withdrawn_at=posting.changed_at,
            reason=posting.withdrawal_reason,
        )
    if posting.status == "expired":
        assert posting.changed_at
        return PostingExpiredV1(**state, status="expired", expired_at=posting.changed_at)
    if amended:
        assert posting.changed_at
        return PostingAmendedV1(**state, status="published", amended_at=posting.changed_at)
    return PostingPublishedV1(**state, status="published")
