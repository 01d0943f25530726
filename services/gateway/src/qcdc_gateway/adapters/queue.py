"""The city's queue in the gateway database: the city's handling of each escalated item
(``escalation_states``) and its notes, always read joined with the escalation facts.

A fact without a state row is an open item the city has not acted on yet: the consumer never
writes here, so the queue shows an item as soon as the fact exists, and a rebuild of the facts
leaves the city's work untouched (the ids are derived, see ``domain/queue.py``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import replace
from typing import Any

from sqlalchemy import Row, Select, and_, func, select
from sqlalchemy.ext.asyncio import AsyncSession

from qcdc_gateway.adapters.tables import city_facts, escalation_notes, escalation_states
from qcdc_gateway.domain.queue import Escalation, Kind, Note, Status, escalation_id, from_fact
from qcdc_shared.api import Page, PageParams, paginate
from qcdc_shared.db import update_versioned

ESCALATION = "escalation"  # the fact kind (domain/facts.py)

_states = escalation_states.c
_facts = city_facts.c
# Oldest escalation first: the queue is worked from the item that has waited longest.
QUEUE_ORDER = (_facts.first_seen, _facts.ward, _facts.subject)


def queue_select(
    *,
    ward: str | None = None,
    kind: Kind | None = None,
    status: Status | None = None,
    rule: str | None = None,
    assignee: str | None = None,
) -> Select[Any]:
    """Every escalation fact with the city's handling of it (none yet: open, version 0)."""
    status_of = func.coalesce(_states.status, "open")
    notes = (
        select(func.count())
        .where(escalation_notes.c.escalation_id == _states.id)
        .correlate(escalation_states)
        .scalar_subquery()
    )
    query = (
        select(
            _facts.ward,
            _facts.subject,
            _facts.fields,
            _facts.first_seen,
            status_of.label("status"),
            _states.assignee,
            func.coalesce(_states.version, 0).label("version"),
            _states.acknowledged_at,
            _states.resolved_at,
            _states.resolution,
            notes.label("notes"),
        )
        .select_from(
            city_facts.outerjoin(
                escalation_states,
                and_(_states.ward == _facts.ward, _states.subject == _facts.subject),
            )
        )
        .where(_facts.kind == ESCALATION)
    )
    if ward is not None:
        query = query.where(_facts.ward == ward)
    if kind is not None:
        query = query.where(_facts.fields["source"].as_string() == kind)
    if rule is not None:
        query = query.where(_facts.fields["rule"].as_string() == rule)
    if status is not None:
        query = query.where(status_of == status)
    if assignee is not None:
        query = query.where(_states.assignee == assignee)
    return query


def _instant(value: Any) -> dt.datetime | None:
    return dt.datetime.fromisoformat(value) if isinstance(value, str) else None


def to_escalation(row: Row[Any]) -> Escalation:
    return replace(
        from_fact(row.ward, row.subject, row.fields, row.first_seen),
        status=row.status,
        assignee=row.assignee,
        version=row.version,
        acknowledged_at=row.acknowledged_at,
        resolved_at=row.resolved_at,
        resolution=row.resolution,
        notes=row.notes or 0,
    )


class EscalationRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def page(self, *, params: PageParams, **filters: Any) -> Page[Escalation]:
        found = await paginate(
            self.session,
            queue_select(**filters),
            key=QUEUE_ORDER,
            params=params,
            item=to_escalation,
        )
        return Page[Escalation](
            items=await self._with_clocks(found.items),
            total=found.total,
            next_cursor=found.next_cursor,
        )

    async def get(self, item_id: str) -> Escalation | None:
        acted = (
            await self.session.execute(
                select(_states.ward, _states.subject).where(_states.id == item_id)
            )
        ).first()
        key = (acted.ward, acted.subject) if acted is not None else await self._unacted(item_id)
        if key is None:
            return None
        row = (
            await self.session.execute(
                queue_select().where(_facts.ward == key[0], _facts.subject == key[1])
            )
        ).first()
        if row is None:  # the facts are being rebuilt from the stream: not there yet
            return None
        (item,) = await self._with_clocks([to_escalation(row)])
        return item

    async def _unacted(self, item_id: str) -> tuple[str, str] | None:
        # An item the city never acted on has no row to look its id up in: derive the ids of
        # those facts instead. Escalations are exceptions (a city sees hundreds a year, not
        # millions), so this scan stays small; the first action stores the id.
        query = (
            select(_facts.ward, _facts.subject)
            .select_from(
                city_facts.outerjoin(
                    escalation_states,
                    and_(_states.ward == _facts.ward, _states.subject == _facts.subject),
                )
            )
            .where(_facts.kind == ESCALATION, _states.id.is_(None))
        )
        for row in await self.session.execute(query):
            if escalation_id(row.ward, row.subject) == item_id:
                return row.ward, row.subject
        return None

    async def _with_clocks(self, items: Sequence[Escalation]) -> list[Escalation]:
        """A petition's escalation carries no due instant: take it from the petition's fact,
        the deadline of the same rule, as the ward computed it (consumers never recompute)."""
        wanted = [i for i in items if i.kind == "petition" and i.due_at is None]
        if not wanted:
            return list(items)
        rows = await self.session.execute(
            select(_facts.ward, _facts.subject, _facts.fields).where(
                _facts.kind == "petition", _facts.subject.in_(sorted({i.source_id for i in wanted}))
            )
        )
        deadlines = {
            (row.ward, row.subject, d.get("rule")): _instant(d.get("due_at"))
            for row in rows
            for d in row.fields.get("deadlines") or []
        }
        return [
            item
            if item.kind != "petition" or item.due_at is not None
            else replace(item, due_at=deadlines.get((item.ward, item.source_id, item.rule)))
            for item in items
        ]

    async def save(self, item: Escalation, *, expected_version: int, at: dt.datetime) -> None:
        values = {
            "status": item.status,
            "assignee": item.assignee,
            "version": item.version,
            "changed_at": at,
            "acknowledged_at": item.acknowledged_at,
            "resolved_at": item.resolved_at,
            "resolution": item.resolution,
        }
        if expected_version == 0:
            # Two first actions at once: the second insert breaks the primary key (HTTP 409).
            await self.session.execute(
                escalation_states.insert().values(
                    id=item.id, ward=item.ward, subject=item.subject, created_at=at, **values
                )
            )
            return
        await update_versioned(
            self.session,
            escalation_states,
            item.id,
            expected_version=expected_version,
            values=values,
        )

    async def add_note(self, item_id: str, *, author: str, text: str, at: dt.datetime) -> None:
        await self.session.execute(
            escalation_notes.insert().values(escalation_id=item_id, author=author, text=text, at=at)
        )

    async def notes(self, item_id: str) -> list[Note]:
        rows = await self.session.execute(
            select(escalation_notes.c.author, escalation_notes.c.text, escalation_notes.c.at)
            .where(escalation_notes.c.escalation_id == item_id)
            .order_by(escalation_notes.c.id)
        )
        return [Note(author=r.author, text=r.text, at=r.at) for r in rows]
