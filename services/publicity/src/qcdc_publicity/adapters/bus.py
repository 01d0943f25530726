"""Domain postings and consultations → the published integration events (contracts/)."""

from __future__ import annotations

from typing import Any

from qcdc_publicity.contracts import (
    CommentReceivedV1,
    ConsultationClosedV1,
    ConsultationDeadlineV1,
    ConsultationOpenedV1,
    DeadlineV1,
    LedgerHeadV1,
    PostingAmendedV1,
    PostingExpiredV1,
    PostingPublishedV1,
    PostingWithdrawnV1,
    ResponseItemV1,
    SourceV1,
)
from qcdc_publicity.domain.consultation import Comment, Consultation
from qcdc_publicity.domain.ledger import LedgerEntry
from qcdc_publicity.domain.posting import Posting, is_permanent
from qcdc_shared.envelope import IntegrationEvent
from qcdc_shared.law.rulebook import RuleBook


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
            DeadlineV1.model_validate(d, from_attributes=True) for d in posting.deadlines
        ],
        "violations": list(posting.violations),
        "group_heads_sent_at": posting.group_heads_sent_at,
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


def opened_event(consultation: Consultation) -> ConsultationOpenedV1:
    return ConsultationOpenedV1(
        consultation_id=consultation.id,
        ward=consultation.ward,
        title=consultation.title,
        opened_at=consultation.opened_at,
        minimum_end=ConsultationDeadlineV1.model_validate(
            consultation.minimum_end, from_attributes=True
        ),
        version=consultation.version,
    )


def comment_event(
    consultation: Consultation, comment: Comment, *, comments_received: int
) -> CommentReceivedV1:
    """No text, no name, no pseudonym: only that a comment arrived, and when."""
    return CommentReceivedV1(
        consultation_id=consultation.id,
        ward=consultation.ward,
        comment_id=comment.id,
        received_at=comment.received_at,
        comments_received=comments_received,
        version=1,  # the comment's own version: a comment is never changed
    )


def closed_event(consultation: Consultation) -> ConsultationClosedV1:
    assert consultation.closed_at is not None and consultation.result_posting_id is not None
    return ConsultationClosedV1(
        consultation_id=consultation.id,
        ward=consultation.ward,
        title=consultation.title,
        opened_at=consultation.opened_at,
        closed_at=consultation.closed_at,
        comments_received=consultation.comments_received,
        accepted=[ResponseItemV1(point=i.point, reason=i.reason) for i in consultation.accepted],
        rejected=[ResponseItemV1(point=i.point, reason=i.reason) for i in consultation.rejected],
        result_posting_id=consultation.result_posting_id,
        version=consultation.version,
    )
