"""Citizen reception commands (REC-WEEK, REC-REPLY): load, ask the domain, save, record the
event; the route's ``run_command`` audits and commits. A visitor's identity is sealed here,
before anything is stored, and never reaches an event, an audit record or a log line."""

from __future__ import annotations

import datetime as dt
from typing import Any

from qcdc_petitions.adapters.bus import reception_held, reception_scheduled
from qcdc_petitions.domain import reception as model
from qcdc_petitions.domain.reception import Entry, Host, Reception
from qcdc_petitions.domain.reception_forms import Form
from qcdc_petitions.unit_of_work import PetitionsUnitOfWork
from qcdc_shared.law.deadlines import local_date
from qcdc_shared.law.rulebook import RuleBook
from qcdc_shared.refusals import NotFound
from qcdc_shared.sealing import Sealer


async def _load(uow: PetitionsUnitOfWork, reception_id: str) -> Reception:
    reception = await uow.receptions.get(reception_id)
    if reception is None:
        raise NotFound("buổi tiếp công dân", "reception session", reception_id)
    return reception


async def schedule_reception(
    *,
    uow: PetitionsUnitOfWork,
    rules: RuleBook,
    reception_id: str,
    created_by: str,
    host: Host,
    session_on: dt.date,
    posted_on: dt.date | None = None,
    location: str | None = None,
    form: Form = "in_person",
) -> Reception:
    """Put a session on the schedule; ``posted_on`` defaults to today (REC-WEEK.schedule)."""
    now = uow.clock.now()
    reception = model.schedule(
        reception_id=reception_id,
        ward=uow.ward,
        host=host,
        session_on=session_on,
        posted_on=posted_on or local_date(now),
        now=now,
        rules=rules,
        same_day=await uow.receptions.on_day(session_on, host),
        location=location,
        form=form,
    )
    await uow.receptions.add(reception, created_by=created_by)
    uow.record(
        reception_scheduled(reception), aggregate_id=reception.id, sequence=reception.version
    )
    return reception


async def record_held(
    *, uow: PetitionsUnitOfWork, reception_id: str, held: bool, reason: str | None = None
) -> tuple[Reception, int]:
    """Record whether the session took place; returns it with its number of visits."""
    before = await _load(uow, reception_id)
    entries = await uow.receptions.count_entries(reception_id)
    after = model.record_held(
        before, held=held, entries=entries, now=uow.clock.now(), reason=reason
    )
    await uow.receptions.save(after, expected_version=before.version)
    uow.record(
        reception_held(after, entries=entries), aggregate_id=after.id, sequence=after.version
    )
    return after, entries


async def add_entry(
    *,
    uow: PetitionsUnitOfWork,
    rules: RuleBook,
    sealer: Sealer,
    reception_id: str,
    entry_id: str,
    created_by: str,
    subject: str,
    received_at: dt.datetime | None = None,
    petition_id: str | None = None,
    visitor: dict[str, Any] | None = None,
) -> Entry:
    """Log a visit with its REC-REPLY clock; the visitor, when given, is stored sealed only."""
    before = await _load(uow, reception_id)
    now = uow.clock.now()
    after, entry = model.add_entry(
        before,
        entry_id=entry_id,
        subject=subject,
        received_at=received_at or now,
        now=now,
        rules=rules,
        petition_id=petition_id,
        visitor_sealed=sealer.seal(visitor) if visitor else None,
    )
    await uow.receptions.add_entry(entry, created_by=created_by)
    if after.version != before.version:  # already held: publish the new visit count
        await uow.receptions.save(after, expected_version=before.version)
        entries = await uow.receptions.count_entries(reception_id)
        uow.record(
            reception_held(after, entries=entries), aggregate_id=after.id, sequence=after.version
        )
    return entry


async def reply_entry(
    *,
    uow: PetitionsUnitOfWork,
    reception_id: str,
    entry_id: str,
    replied_by: str,
    text: str,
    replied_at: dt.datetime | None = None,
) -> Entry:
    """Record the reply to a visit (REC-REPLY); a late one is kept and marked late."""
    await _load(uow, reception_id)
    before = await uow.receptions.entry(reception_id, entry_id)
    if before is None:
        raise NotFound("lượt tiếp", "visit", entry_id)
    now = uow.clock.now()
    after = model.reply(
        before, text=text, replied_at=replied_at or now, replied_by=replied_by, now=now
    )
    await uow.receptions.save_reply(after)
    return after


async def sweep_receptions(uow: PetitionsUnitOfWork) -> int:
    """Sweep: visits past REC-REPLY without a reply are marked overdue, once each; commits.

    Idempotent: a marked visit is never selected again, and the mark itself re-checks, so two
    sweepers racing mark a visit once. No event: the contracts publish sessions, not visits;
    the mark is what the ward's pages and counts read. No rule book: each REC-REPLY deadline
    was computed once, when its visit was logged, and is never recomputed.
    """
    now = uow.clock.now()
    marked = 0
    for entry in await uow.receptions.unanswered_past(now):
        overdue = model.mark_overdue(entry, now=now)
        if overdue is not None and await uow.receptions.mark_overdue(overdue):
            marked += 1
    await uow.commit()
    return marked
