"""The consultation repository (consultations and their comments) over publicity's
database; comments are stored under the commenter's pseudonym (see ``adapters.tables``)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from qcdc_publicity.adapters.tables import consultation_comments, consultations
from qcdc_publicity.domain.consultation import Comment, Consultation, ResponseItem
from qcdc_shared.law.deadlines import Deadline
from qcdc_shared.refusals import ConcurrentChange


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
            .where(consultations.c.id == comment.consultation_id, consultations.c.status == "open")
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
