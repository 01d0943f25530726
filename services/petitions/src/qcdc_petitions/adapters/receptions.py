"""The SQL repository of citizen reception: sessions and the visits logged at them.

A visit's identity is stored only sealed (``visitor_sealed``, ``qcdc_shared.sealing``); no
query here selects it for a response (``ENTRY_PUBLIC_COLUMNS``).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from qcdc_petitions.adapters.tables import reception_entries, receptions
from qcdc_petitions.domain.reception import Entry, Host, Reception, Reply
from qcdc_shared.law.deadlines import Deadline
from qcdc_shared.refusals import ConcurrentChange

# The columns holding the session's (the visit's) attribute of the same name, unchanged.
_RECEPTION_AS_IS = (
    "ward",
    "host",
    "session_on",
    "posted_on",
    "location",
    "form",
    "status",
    "held_recorded_at",
    "not_held_reason",
    "version",
    "created_at",
)
_ENTRY_AS_IS = (
    "reception_id",
    "subject",
    "petition_id",
    "received_at",
    "overdue_since",
    "created_at",
)


def _reception_row(reception: Reception) -> dict[str, Any]:
    return {
        **{name: getattr(reception, name) for name in _RECEPTION_AS_IS},
        "schedule_deadline": reception.schedule.model_dump(mode="json"),
        "on_time": reception.on_time,
    }


def to_reception(row: Any) -> Reception:
    return Reception(
        id=row.id,
        **{name: getattr(row, name) for name in _RECEPTION_AS_IS},
        schedule=Deadline.model_validate(row.schedule_deadline),
    )


def _entry_row(entry: Entry) -> dict[str, Any]:
    reply = entry.reply
    return {
        **{name: getattr(entry, name) for name in _ENTRY_AS_IS},
        "visitor_sealed": entry.visitor_sealed,
        "reply_deadline": entry.reply_deadline.model_dump(mode="json"),
        "due_at": entry.reply_deadline.due_at,
        "reply_text": reply.text if reply else None,
        "replied_at": reply.replied_at if reply else None,
        "replied_by": reply.replied_by if reply else None,
        "reply_on_time": reply.on_time if reply else None,
    }


def to_entry(row: Any) -> Entry:
    mapping = row._mapping
    return Entry(
        id=row.id,
        **{name: getattr(row, name) for name in _ENTRY_AS_IS},
        reply_deadline=Deadline.model_validate(row.reply_deadline),
        # Reads select the sealed identity out (ENTRY_PUBLIC_COLUMNS): it is written once.
        visitor_sealed=mapping.get("visitor_sealed"),
        has_visitor=bool(mapping.get("has_visitor", mapping.get("visitor_sealed"))),
        reply=Reply(row.reply_text, row.replied_at, row.replied_by, bool(row.reply_on_time))
        if row.replied_at is not None
        else None,
    )


# Every column of an entry but the sealed identity: what reads for responses select.
ENTRY_PUBLIC_COLUMNS = [c for c in reception_entries.c if c.name != "visitor_sealed"]
HAS_VISITOR = reception_entries.c.visitor_sealed.is_not(None).label("has_visitor")


class ReceptionRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def add(self, reception: Reception, *, created_by: str) -> None:
        await self.session.execute(
            receptions.insert().values(
                id=reception.id, created_by=created_by, **_reception_row(reception)
            )
        )

    async def get(self, reception_id: str) -> Reception | None:
        row = (
            await self.session.execute(select(receptions).where(receptions.c.id == reception_id))
        ).first()
        return to_reception(row) if row else None

    async def on_day(self, session_on: dt.date, host: Host) -> list[Reception]:
        rows = await self.session.execute(
            select(receptions).where(
                receptions.c.session_on == session_on, receptions.c.host == host
            )
        )
        return [to_reception(row) for row in rows]

    async def between(self, first: dt.date, last: dt.date) -> list[Reception]:
        rows = await self.session.execute(
            select(receptions)
            .where(receptions.c.session_on >= first, receptions.c.session_on <= last)
            .order_by(receptions.c.session_on, receptions.c.id)
        )
        return [to_reception(row) for row in rows]

    async def save(self, reception: Reception, *, expected_version: int) -> None:
        """Optimistic: a concurrent change of the same session makes this one fail."""
        result = await self.session.execute(
            receptions.update()
            .where(receptions.c.id == reception.id, receptions.c.version == expected_version)
            .values(**_reception_row(reception))
        )
        if result.rowcount != 1:  # type: ignore[attr-defined]
            raise ConcurrentChange(reception.id)

    async def add_entry(self, entry: Entry, *, created_by: str) -> None:
        await self.session.execute(
            reception_entries.insert().values(
                id=entry.id, created_by=created_by, **_entry_row(entry)
            )
        )

    async def entry(self, reception_id: str, entry_id: str) -> Entry | None:
        row = (
            await self.session.execute(
                select(*ENTRY_PUBLIC_COLUMNS, HAS_VISITOR).where(
                    reception_entries.c.id == entry_id,
                    reception_entries.c.reception_id == reception_id,
                )
            )
        ).first()
        return to_entry(row) if row else None

    async def count_entries(self, reception_id: str) -> int:
        count = await self.session.scalar(
            select(func.count())
            .select_from(reception_entries)
            .where(reception_entries.c.reception_id == reception_id)
        )
        return int(count or 0)

    async def save_reply(self, entry: Entry) -> None:
        """One reply per visit: a second one, even concurrent, changes nothing."""
        assert entry.reply is not None
        result = await self.session.execute(
            reception_entries.update()
            .where(reception_entries.c.id == entry.id, reception_entries.c.replied_at.is_(None))
            .values(
                reply_text=entry.reply.text,
                replied_at=entry.reply.replied_at,
                replied_by=entry.reply.replied_by,
                reply_on_time=entry.reply.on_time,
            )
        )
        if result.rowcount != 1:  # type: ignore[attr-defined]
            raise ConcurrentChange(entry.id)

    async def unanswered_past(self, now: dt.datetime) -> list[Entry]:
        """Visits without a reply whose REC-REPLY instant has passed and are not marked yet."""
        rows = await self.session.execute(
            select(*ENTRY_PUBLIC_COLUMNS, HAS_VISITOR).where(
                reception_entries.c.replied_at.is_(None),
                reception_entries.c.overdue_since.is_(None),
                reception_entries.c.due_at < now,
            )
        )
        return [to_entry(row) for row in rows]

    async def mark_overdue(self, entry: Entry) -> bool:
        result = await self.session.execute(
            reception_entries.update()
            .where(
                reception_entries.c.id == entry.id,
                reception_entries.c.replied_at.is_(None),
                reception_entries.c.overdue_since.is_(None),
            )
            .values(overdue_since=entry.overdue_since)
        )
        return bool(result.rowcount == 1)  # type: ignore[attr-defined]
