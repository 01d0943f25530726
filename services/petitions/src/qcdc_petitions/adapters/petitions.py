"""The SQL repositories of the petition aggregate: petitions with their history, escalations,
sealed identities, and the DEN-SECRET identity access log.

No read for a response selects the sealed identity (``PUBLIC_COLUMNS``); only
:meth:`PetitionRepository.sealed_identity` does, for the assigned handler's read.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict
from typing import Any

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from qcdc_petitions.adapters.tables import (
    escalations,
    identity_access_log,
    petition_history,
    petitions,
)
from qcdc_petitions.domain.petition import (
    Actor,
    Answer,
    HistoryEntry,
    IdentityAccess,
    Petition,
)
from qcdc_petitions.domain.settling import PetitionDeadline
from qcdc_shared.law.deadlines import Deadline
from qcdc_shared.refusals import ConcurrentChange


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


# The columns holding the petition's attribute of the same name, unchanged.
_AS_IS = (
    "ward",
    "tracking_code",
    "kind",
    "status",
    "channel",
    "title",
    "body",
    "location",
    "residential_group",
    "act_date",
    "received_at",
    "anonymous",
    "petitioner_pseudonym",
    "handler",
    "accepted_at",
    "version",
)


def _row(petition: Petition) -> dict[str, Any]:
    return {
        **{name: getattr(petition, name) for name in _AS_IS},
        "deadlines": [_deadline_json(d) for d in petition.deadlines],
        "flags": list(petition.flags),
        "escalated": list(petition.escalated),
        "answer": _answer_json(petition.answer),
        "open_due_at": petition.open_due_at,
        "next_escalation_at": petition.next_escalation_at,
        "changed_at": petition.changed_at,
    }


def to_petition(row: Any, history: tuple[HistoryEntry, ...] = ()) -> Petition:
    return Petition(
        id=row.id,
        **{name: getattr(row, name) for name in _AS_IS},
        deadlines=tuple(_deadline(d) for d in row.deadlines),
        flags=tuple(row.flags),
        escalated=tuple(row.escalated),
        answer=_answer(row.answer),
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
_INSERT_PETITION = petitions.insert()
_INSERT_HISTORY = petition_history.insert()


class PetitionRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def add(self, petition: Petition, *, identity_sealed: str | None) -> None:
        # One constant statement with its values as parameters: built and compiled once, not
        # a new ``.values()`` construct (and its cache key) per petition.
        await self.session.execute(
            _INSERT_PETITION,
            {
                "id": petition.id,
                "identity_sealed": identity_sealed,
                "created_at": petition.changed_at,  # when recorded, not the paper's date
                **_row(petition),
            },
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
        """PET-ESC's guard: the unique (petition, rule) row makes a second escalation of the
        same deadline fail with an integrity error, rolling its transaction back."""
        await self.session.execute(
            escalations.insert().values(petition_id=petition_id, rule=rule, by=by, at=at)
        )

    async def due_for_escalation(self, now: dt.datetime) -> list[str]:
        """Ids of petitions with an open, unescalated deadline ended before ``now``, the
        earliest first (the indexed ``next_escalation_at``)."""
        found = await self.session.scalars(
            select(petitions.c.id)
            .where(petitions.c.next_escalation_at < now)
            .order_by(petitions.c.next_escalation_at, petitions.c.id)
        )
        return list(found.all())

    async def sealed_identities(self) -> list[tuple[str, str]]:
        """(petition id, sealed identity) of every petition with one: for a key rotation."""
        rows = await self.session.execute(
            select(petitions.c.id, petitions.c.identity_sealed).where(
                petitions.c.identity_sealed.is_not(None)
            )
        )
        return [(row.id, row.identity_sealed) for row in rows]

    async def reseal(self, petition_id: str, identity_sealed: str) -> None:
        """Replace a sealed identity by the same identity sealed under another key."""
        await self.session.execute(
            petitions.update()
            .where(petitions.c.id == petition_id)
            .values(identity_sealed=identity_sealed)
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
        if rows:  # one row (a command's usual) as a plain execute, not the executemany path
            await self.session.execute(_INSERT_HISTORY, rows[0] if len(rows) == 1 else rows)


class IdentityAccessLog:
    """DEN-SECRET: every attempt to read an identity, granted or refused; append-only."""

    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def add(self, access: IdentityAccess) -> None:
        await self.session.execute(identity_access_log.insert().values(**asdict(access)))
