"""The petitions service's tables and the petition repository.

The petitioner's identity lives only in ``petitions.identity_sealed`` (``Sealer.seal`` of name,
address, phone, ID number; DEN-SECRET): no other column, table, history entry or log holds it.
``petition_history`` and ``identity_access_log`` are append-only: nothing here updates or
deletes their rows.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    Column,
    Date,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
    select,
)
from sqlalchemy.ext.asyncio import AsyncSession

from qcdc_petitions.domain.petition import (
    Actor,
    Answer,
    HistoryEntry,
    Petition,
    PetitionDeadline,
)
from qcdc_shared.db import UtcDateTime
from qcdc_shared.deadlines import Deadline
from qcdc_shared.refusals import ConcurrentChange

metadata = MetaData()
# SQLite only auto-increments INTEGER PRIMARY KEY; PostgreSQL gets a 64-bit identity.
Position = BigInteger().with_variant(Integer(), "sqlite")

petitions = Table(
    "petitions",
    metadata,
    Column("id", String(36), primary_key=True),
    Column("ward", String(64), nullable=False),
    Column("tracking_code", String(32), nullable=False),
    Column("kind", String(32), nullable=False),
    Column("status", String(16), nullable=False),
    Column("channel", String(16), nullable=False),
    Column("title", Text, nullable=False),
    Column("body", Text, nullable=False),
    Column("location", Text, nullable=True),
    Column("residential_group", String(64), nullable=True),
    Column("act_date", Date, nullable=True),
    Column("received_at", UtcDateTime(), nullable=False),
    Column("anonymous", Boolean, nullable=False),
    Column("identity_sealed", Text, nullable=True),
    Column("petitioner_pseudonym", String(64), nullable=True),
    Column("handler", String(128), nullable=True),
    Column("accepted_at", UtcDateTime(), nullable=True),
    Column("deadlines", JSON, nullable=False),
    Column("flags", JSON, nullable=False),
    Column("escalated", JSON, nullable=False),
    Column("answer", JSON, nullable=True),
    # Derived from deadlines on every save, so lists and the sweeper query an indexed column.
    Column("open_due_at", UtcDateTime(), nullable=True),
    Column("next_escalation_at", UtcDateTime(), nullable=True),
    Column("version", Integer, nullable=False),
    Column("created_at", UtcDateTime(), nullable=False),
    Column("changed_at", UtcDateTime(), nullable=False),
    Index("ux_petitions_tracking_code", "tracking_code", unique=True),
    Index("ix_petitions_status", "status"),
    Index("ix_petitions_received", "received_at", "id"),
    Index("ix_petitions_next_escalation", "next_escalation_at"),
)

petition_history = Table(
    "petition_history",
    metadata,
    Column("id", Position, primary_key=True, autoincrement=True),
    Column("petition_id", String(36), ForeignKey("petitions.id"), nullable=False),
    Column("version", Integer, nullable=False),
    Column("at", UtcDateTime(), nullable=False),
    Column("action", String(32), nullable=False),
    Column("status", String(16), nullable=False),
    Column("actor_role", String(32), nullable=False),
    Column("actor", String(128), nullable=False),
    Column("detail", JSON, nullable=False),
    UniqueConstraint("petition_id", "version", name="ux_petition_history_version"),
)

# PET-ESC: one row per petition and rule; the unique pair is what makes a second escalation
# (a repeated sweep, a restart, a concurrent sweeper) fail inside its own transaction.
escalations = Table(
    "escalations",
    metadata,
    Column("id", Position, primary_key=True, autoincrement=True),
    Column("petition_id", String(36), ForeignKey("petitions.id"), nullable=False),
    Column("rule", String(64), nullable=False),
    Column("by", String(16), nullable=False),
    Column("at", UtcDateTime(), nullable=False),
    UniqueConstraint("petition_id", "rule", name="ux_escalations_petition_rule"),
)

identity_access_log = Table(
    "identity_access_log",
    metadata,
    Column("id", Position, primary_key=True, autoincrement=True),
    Column("at", UtcDateTime(), nullable=False),
    Column("petition_id", String(36), nullable=False),
    # Staff by account id; a citizen reader only by keyed pseudonym.
    Column("reader", String(128), nullable=False),
    Column("role", String(32), nullable=False),
    Column("reader_ward", String(64), nullable=True),
    Column("outcome", String(16), nullable=False),
    Index("ix_identity_access_log_petition", "petition_id"),
)


def _deadline_json(item: PetitionDeadline) -> dict[str, Any]:
    return {**item.deadline.model_dump(mode="json"), "met": item.met}


def _deadline(value: dict[str, Any]) -> PetitionDeadline:
    data = dict(value)
    met = data.pop("met", None)
    return PetitionDeadline(Deadline.model_validate(data), met)


def _answer_json(answer: Answer | None) -> dict[str, Any] | None:
    if answer is None:
        return None
    return {
        "text": answer.text,
        "answered_at": answer.answered_at.astimezone(dt.UTC).isoformat(),
        "public_interest": answer.public_interest,
        "public_title": answer.public_title,
        "on_time": answer.on_time,
    }


def _answer(value: dict[str, Any] | None) -> Answer | None:
    if value is None:
        return None
    return Answer(**{**value, "answered_at": dt.datetime.fromisoformat(value["answered_at"])})


def _row(petition: Petition) -> dict[str, Any]:
    return {
        "ward": petition.ward,
        "tracking_code": petition.tracking_code,
        "kind": petition.kind,
        "status": petition.status,
        "channel": petition.channel,
        "title": petition.title,
        "body": petition.body,
        "location": petition.location,
        "residential_group": petition.residential_group,
        "act_date": petition.act_date,
        "received_at": petition.received_at,
        "anonymous": petition.anonymous,
        "petitioner_pseudonym": petition.petitioner_pseudonym,
        "handler": petition.handler,
        "accepted_at": petition.accepted_at,
        "deadlines": [_deadline_json(d) for d in petition.deadlines],
        "flags": list(petition.flags),
        "escalated": list(petition.escalated),
        "answer": _answer_json(petition.answer),
        "open_due_at": petition.open_due_at,
        "next_escalation_at": petition.next_escalation_at,
        "version": petition.version,
        "changed_at": petition.changed_at,
    }


def to_petition(row: Any, history: tuple[HistoryEntry, ...] = ()) -> Petition:
    return Petition(
        id=row.id,
        ward=row.ward,
        tracking_code=row.tracking_code,
        kind=row.kind,
        channel=row.channel,
        title=row.title,
        body=row.body,
        received_at=row.received_at,
        anonymous=row.anonymous,
        status=row.status,
        location=row.location,
        residential_group=row.residential_group,
        act_date=row.act_date,
        petitioner_pseudonym=row.petitioner_pseudonym,
        handler=row.handler,
        accepted_at=row.accepted_at,
        deadlines=tuple(_deadline(d) for d in row.deadlines),
        flags=tuple(row.flags),
        escalated=tuple(row.escalated),
        answer=_answer(row.answer),
        version=row.version,
        history=history,
    )


def _entry(row: Any) -> HistoryEntry:
    return HistoryEntry(
        version=row.version,
        at=row.at,
        action=row.action,
        status=row.status,
        actor=Actor(row.actor_role, row.actor),
        detail=row.detail,
    )


# Every column but the sealed identity: reads for responses never load it.
PUBLIC_COLUMNS = [c for c in petitions.c if c.name != "identity_sealed"]


class PetitionRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def add(self, petition: Petition, *, identity_sealed: str | None) -> None:
        await self.session.execute(
            petitions.insert().values(
                id=petition.id,
                identity_sealed=identity_sealed,
                created_at=petition.changed_at,  # when recorded, not the paper's date
                **_row(petition),
            )
        )
        await self._append_history(petition, after=0)

    async def get(self, petition_id: str) -> Petition | None:
        row = (
            await self.session.execute(select(*PUBLIC_COLUMNS).where(petitions.c.id == petition_id))
        ).first()
        if row is None:
            return None
        entries = (
            await self.session.execute(
                select(petition_history)
                .where(petition_history.c.petition_id == petition_id)
                .order_by(petition_history.c.version)
            )
        ).all()
        return to_petition(row, tuple(_entry(e) for e in entries))

    async def by_tracking_code(self, code: str) -> Petition | None:
        petition_id = await self.session.scalar(
            select(petitions.c.id).where(petitions.c.tracking_code == code)
        )
        return await self.get(petition_id) if petition_id else None

    async def tracking_code_taken(self, code: str) -> bool:
        found = await self.session.scalar(
            select(petitions.c.id).where(petitions.c.tracking_code == code)
        )
        return found is not None

    async def sealed_identity(self, petition_id: str) -> str | None:
        sealed: str | None = await self.session.scalar(
            select(petitions.c.identity_sealed).where(petitions.c.id == petition_id)
        )
        return sealed

    async def save(self, petition: Petition, *, expected_version: int) -> None:
        """Optimistic: a concurrent change of the same petition makes this one fail."""
        result = await self.session.execute(
            petitions.update()
            .where(petitions.c.id == petition.id, petitions.c.version == expected_version)
            .values(**_row(petition))
        )
        if result.rowcount != 1:  # type: ignore[attr-defined]
            raise ConcurrentChange(petition.id)
        await self._append_history(petition, after=expected_version)

    async def add_escalation(
        self, petition_id: str, *, rule: str, by: str, at: dt.datetime
    ) -> None:
        await self.session.execute(
            escalations.insert().values(petition_id=petition_id, rule=rule, by=by, at=at)
        )

    async def _append_history(self, petition: Petition, *, after: int) -> None:
        rows = [
            {
                "petition_id": petition.id,
                "version": entry.version,
                "at": entry.at,
                "action": entry.action,
                "status": entry.status,
                "actor_role": entry.actor.role,
                "actor": entry.actor.ref,
                "detail": dict(entry.detail),
            }
            for entry in petition.history
            if entry.version > after
        ]
        if rows:
            await self.session.execute(petition_history.insert(), rows)
