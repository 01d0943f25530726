"""Consultations and their comments, stored in publicity's database.

A comment row keeps the text, the display name only when the resident chose to show it, and a
keyed pseudonym of the commenter (``qcdc_shared.audit.pseudonym``), never the token subject:
the ward can tell that two comments came from one account without being able to say whose.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import (
    JSON,
    Column,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    String,
    Table,
    Text,
    select,
)
from sqlalchemy.ext.asyncio import AsyncSession

from qcdc_publicity.adapters.db import metadata
from qcdc_publicity.contracts import (
    CommentReceivedV1,
    ConsultationClosedV1,
    ConsultationDeadlineV1,
    ConsultationOpenedV1,
    ResponseItemV1,
)
from qcdc_publicity.domain.consultation import Comment, Consultation, ResponseItem
from qcdc_shared.deadlines import Deadline
from qcdc_shared.refusals import ConcurrentChange

consultations = Table(
    "consultations",
    metadata,
    Column("id", String(36), primary_key=True),
    Column("ward", String(64), nullable=False),
    Column("title", Text, nullable=False),
    Column("draft", Text, nullable=False),
    Column("status", String(16), nullable=False, index=True),
    Column("opened_at", DateTime(timezone=True), nullable=False),
    Column("minimum_end", JSON, nullable=False),
    Column("comments_received", Integer, nullable=False),
    Column("accepted", JSON, nullable=False),
    Column("rejected", JSON, nullable=False),
    Column("closed_at", DateTime(timezone=True), nullable=True),
    Column("result_posting_id", String(36), nullable=True),
    Column("version", Integer, nullable=False),
    Column("created_by", String(128), nullable=False),
)

consultation_comments = Table(
    "consultation_comments",
    metadata,
    Column("id", String(36), primary_key=True),
    Column("consultation_id", String(36), ForeignKey("consultations.id"), nullable=False),
    Column("text", Text, nullable=False),
    Column("display_name", String(200), nullable=True),  # only when the resident chose to
    Column("commenter", String(64), nullable=False),  # keyed pseudonym, never the subject
    Column("received_at", DateTime(timezone=True), nullable=False),
    Index("ix_consultation_comments_consultation", "consultation_id", "received_at"),
)


def _utc(value: dt.datetime) -> dt.datetime:
    # SQLite keeps no offset: store UTC and read naive values back as UTC.
    return value.astimezone(dt.UTC)


def _aware(value: dt.datetime | None) -> dt.datetime | None:
    if value is None:
        return None
    return value if value.tzinfo else value.replace(tzinfo=dt.UTC)


def _items(items: tuple[ResponseItem, ...]) -> list[dict[str, str]]:
    return [{"point": i.point, "reason": i.reason} for i in items]


def _row(consultation: Consultation) -> dict[str, Any]:
    return {
        "ward": consultation.ward,
        "title": consultation.title,
        "draft": consultation.draft,
        "status": consultation.status,
        "opened_at": _utc(consultation.opened_at),
        "minimum_end": consultation.minimum_end.model_dump(mode="json"),
        "accepted": _items(consultation.accepted),
        "rejected": _items(consultation.rejected),
        "closed_at": _utc(consultation.closed_at) if consultation.closed_at else None,
        "result_posting_id": consultation.result_posting_id,
        "version": consultation.version,
    }


def to_consultation(row: Any) -> Consultation:
    opened_at = _aware(row.opened_at)
    assert opened_at is not None
    return Consultation(
        id=row.id,
        ward=row.ward,
        title=row.title,
        draft=row.draft,
        opened_at=opened_at,
        minimum_end=Deadline.model_validate(row.minimum_end),
        status=row.status,
        comments_received=row.comments_received,
        accepted=tuple(ResponseItem(**i) for i in row.accepted),
        rejected=tuple(ResponseItem(**i) for i in row.rejected),
        closed_at=_aware(row.closed_at),
        result_posting_id=row.result_posting_id,
        version=row.version,
    )


def to_comment(row: Any) -> Comment:
    received_at = _aware(row.received_at)
    assert received_at is not None
    return Comment(
        id=row.id,
        consultation_id=row.consultation_id,
        text=row.text,
        display_name=row.display_name,
        received_at=received_at,
    )


class ConsultationRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def add(self, consultation: Consultation, *, created_by: str) -> None:
        await self.session.execute(
            consultations.insert().values(
                id=consultation.id,
                created_by=created_by,
                comments_received=consultation.comments_received,
                **_row(consultation),
            )
        )

    async def get(self, consultation_id: str) -> Consultation | None:
        row = (
            await self.session.execute(
                select(consultations).where(consultations.c.id == consultation_id)
            )
        ).first()
        return to_consultation(row) if row else None

    async def save(self, consultation: Consultation, *, expected: Consultation) -> None:
        """Optimistic: fails if the consultation changed, or a comment arrived, since loaded.

        A comment does not move the version, so the count is checked too: a close never
        answers without the comment that came in while the officer was writing it.
        """
        result = await self.session.execute(
            consultations.update()
            .where(
                consultations.c.id == consultation.id,
                consultations.c.version == expected.version,
                consultations.c.comments_received == expected.comments_received,
            )
            .values(**_row(consultation))
        )
        if result.rowcount != 1:  # type: ignore[attr-defined]
            raise ConcurrentChange(consultation.id)

    async def add_comment(self, comment: Comment, *, commenter: str) -> int | None:
        """Store a comment and count it; the count only moves while the consultation is open,
        so a comment racing a close is refused (None) rather than left unanswered.

        The counting UPDATE takes the row's write lock until commit, so concurrent comments
        get distinct counts on PostgreSQL as on SQLite.
        """
        counted = await self.session.execute(
            consultations.update()
            .where(
                consultations.c.id == comment.consultation_id,
                consultations.c.status == "open",
            )
            .values(comments_received=consultations.c.comments_received + 1)
        )
        if counted.rowcount != 1:  # type: ignore[attr-defined]
            return None
        await self.session.execute(
            consultation_comments.insert().values(
                id=comment.id,
                consultation_id=comment.consultation_id,
                text=comment.text,
                display_name=comment.display_name,
                commenter=commenter,
                received_at=_utc(comment.received_at),
            )
        )
        count = await self.session.scalar(
            select(consultations.c.comments_received).where(
                consultations.c.id == comment.consultation_id
            )
        )
        return int(count or 0)

    async def comments(self, consultation_id: str) -> list[Comment]:
        rows = (
            await self.session.execute(
                select(consultation_comments)
                .where(consultation_comments.c.consultation_id == consultation_id)
                .order_by(consultation_comments.c.received_at, consultation_comments.c.id)
            )
        ).all()
        return [to_comment(row) for row in rows]


# The wire format: domain consultations → the published integration events (contracts/).


def _deadline(deadline: Deadline) -> ConsultationDeadlineV1:
    return ConsultationDeadlineV1(
        rule="CON-MIN20",
        due=deadline.due,
        due_at=deadline.due_at,
        explanation=deadline.explanation,
        explanation_en=deadline.explanation_en,
        table_version=deadline.table_version,
    )


def opened_event(consultation: Consultation) -> ConsultationOpenedV1:
    return ConsultationOpenedV1(
        consultation_id=consultation.id,
        ward=consultation.ward,
        title=consultation.title,
        opened_at=consultation.opened_at,
        minimum_end=_deadline(consultation.minimum_end),
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
