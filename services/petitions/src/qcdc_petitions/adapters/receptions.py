"""Citizen reception in the petitions database: sessions, visits, and their events.

A visit's identity is stored only sealed (``visitor_sealed``, ``qcdc_shared.sealing``); no
query here selects it for a response, and no event carries it.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    Column,
    Date,
    ForeignKey,
    Index,
    Integer,
    String,
    Table,
    Text,
    func,
    select,
)
from sqlalchemy.ext.asyncio import AsyncSession

from qcdc_petitions.adapters.db import metadata
from qcdc_petitions.contracts import ReceptionHeldV1, ReceptionScheduledV1
from qcdc_petitions.domain.reception import Entry, Host, Reception, Reply
from qcdc_shared.db import UtcDateTime
from qcdc_shared.deadlines import Deadline
from qcdc_shared.refusals import ConcurrentChange

receptions = Table(
    "receptions",
    metadata,
    Column("id", String(36), primary_key=True),
    Column("ward", String(64), nullable=False),
    Column("host", String(32), nullable=False),
    Column("session_on", Date, nullable=False),
    Column("posted_on", Date, nullable=False),
    Column("location", Text, nullable=True),
    Column("schedule_deadline", JSON, nullable=False),
    Column("on_time", Boolean, nullable=False),
    Column("status", String(16), nullable=False),
    Column("held_recorded_at", UtcDateTime(), nullable=True),
    Column("not_held_reason", Text, nullable=True),
    Column("version", Integer, nullable=False),
    Column("created_at", UtcDateTime(), nullable=False),
    Column("created_by", String(128), nullable=False),
    Index("ix_receptions_session_on", "session_on", "host"),
)

reception_entries = Table(
    "reception_entries",
    metadata,
    Column("id", String(36), primary_key=True),
    Column("reception_id", String(36), ForeignKey("receptions.id"), nullable=False),
    Column("subject", Text, nullable=False),
    Column("petition_id", String(64), nullable=True),
    Column("received_at", UtcDateTime(), nullable=False),
    Column("visitor_sealed", Text, nullable=True),
    Column("reply_deadline", JSON, nullable=False),
    Column("due_at", UtcDateTime(), nullable=False),
    Column("reply_text", Text, nullable=True),
    Column("replied_at", UtcDateTime(), nullable=True),
    Column("replied_by", String(128), nullable=True),
    Column("reply_on_time", Boolean, nullable=True),
    Column("overdue_since", UtcDateTime(), nullable=True),
    Column("created_at", UtcDateTime(), nullable=False),
    Column("created_by", String(128), nullable=False),
    Index("ix_reception_entries_reception", "reception_id", "received_at"),
    Index("ix_reception_entries_open", "replied_at", "due_at"),
)


def _reception_row(reception: Reception) -> dict[str, Any]:
    return {
        "ward": reception.ward,
        "host": reception.host,
        "session_on": reception.session_on,
        "posted_on": reception.posted_on,
        "location": reception.location,
        "schedule_deadline": reception.schedule.model_dump(mode="json"),
        "on_time": reception.on_time,
        "status": reception.status,
        "held_recorded_at": reception.held_recorded_at,
        "not_held_reason": reception.not_held_reason,
        "version": reception.version,
        "created_at": reception.created_at,
    }


def to_reception(row: Any) -> Reception:
    return Reception(
        id=row.id,
        ward=row.ward,
        host=row.host,
        session_on=row.session_on,
        posted_on=row.posted_on,
        schedule=Deadline.model_validate(row.schedule_deadline),
        created_at=row.created_at,
        location=row.location,
        status=row.status,
        held_recorded_at=row.held_recorded_at,
        not_held_reason=row.not_held_reason,
        version=row.version,
    )


def _entry_row(entry: Entry) -> dict[str, Any]:
    return {
        "reception_id": entry.reception_id,
        "subject": entry.subject,
        "petition_id": entry.petition_id,
        "received_at": entry.received_at,
        "visitor_sealed": entry.visitor_sealed,
        "reply_deadline": entry.reply_deadline.model_dump(mode="json"),
        "due_at": entry.reply_deadline.due_at,
        "reply_text": entry.reply.text if entry.reply else None,
        "replied_at": entry.reply.replied_at if entry.reply else None,
        "replied_by": entry.reply.replied_by if entry.reply else None,
        "reply_on_time": entry.reply.on_time if entry.reply else None,
        "overdue_since": entry.overdue_since,
        "created_at": entry.created_at,
    }


def to_entry(row: Any) -> Entry:
    mapping = row._mapping
    return Entry(
        id=row.id,
        reception_id=row.reception_id,
        subject=row.subject,
        received_at=row.received_at,
        reply_deadline=Deadline.model_validate(row.reply_deadline),
        created_at=row.created_at,
        petition_id=row.petition_id,
        # Reads select the sealed identity out (ENTRY_PUBLIC_COLUMNS): it is written once.
        visitor_sealed=mapping.get("visitor_sealed"),
        has_visitor=bool(mapping.get("has_visitor", mapping.get("visitor_sealed"))),
        reply=Reply(row.reply_text, row.replied_at, row.replied_by, bool(row.reply_on_time))
        if row.replied_at is not None
        else None,
        overdue_since=row.overdue_since,
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
            .where(
                reception_entries.c.id == entry.id,
                reception_entries.c.replied_at.is_(None),
            )
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


def scheduled_event(reception: Reception) -> ReceptionScheduledV1:
    return ReceptionScheduledV1(
        reception_id=reception.id,
        ward=reception.ward,
        host=reception.host,
        session_on=reception.session_on,
        posted_on=reception.posted_on,
        on_time=reception.on_time,
        version=reception.version,
    )


def held_event(reception: Reception, *, entries: int) -> ReceptionHeldV1:
    assert reception.status != "scheduled"
    return ReceptionHeldV1(
        reception_id=reception.id,
        ward=reception.ward,
        host=reception.host,
        session_on=reception.session_on,
        held=reception.status == "held",
        entries=entries,
        version=reception.version,
    )
