"""Citizen reception commands (REC-WEEK, REC-REPLY): load, ask the domain, save, record the
event, audit. A visitor's identity is sealed here, before anything is stored, and never
reaches an event, an audit record or a log line."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

from qcdc_petitions.adapters.receptions import (
    ReceptionRepository,
    held_event,
    scheduled_event,
)
from qcdc_petitions.domain import reception as model
from qcdc_petitions.domain.reception import Entry, Host, Reception, ReceptionRefused, RuleBook
from qcdc_shared.auth import Principal
from qcdc_shared.deadlines import local_date
from qcdc_shared.runtime import UnitOfWork, audited
from qcdc_shared.sealing import Sealer


class ReceptionNotFound(LookupError):
    pass


class EntryNotFound(LookupError):
    pass


async def _load(uow: UnitOfWork, reception_id: str) -> Reception:
    reception = await ReceptionRepository(uow.session).get(reception_id)
    if reception is None:
        raise ReceptionNotFound(reception_id)
    return reception


async def schedule_reception(
    *,
    uow: UnitOfWork,
    rules: RuleBook,
    actor: Principal,
    host: Host,
    session_on: dt.date,
    posted_on: dt.date | None = None,
    location: str | None = None,
) -> Reception:
    """Put a session on the schedule; ``posted_on`` defaults to today (REC-WEEK.schedule)."""
    reception_id = str(uuid.uuid4())

    async def work() -> Reception:
        repository = ReceptionRepository(uow.session)
        now = uow.runtime.clock.now()
        reception = model.schedule(
            reception_id=reception_id,
            ward=uow.runtime.ward,
            host=host,
            session_on=session_on,
            posted_on=posted_on or local_date(now),
            now=now,
            rules=rules,
            same_day=await repository.on_day(session_on, host),
            location=location,
        )
        await repository.add(reception, created_by=actor.sub)
        uow.record(
            scheduled_event(reception), aggregate_id=reception.id, sequence=reception.version
        )
        return reception

    return await audited(
        uow,
        actor,
        action="reception.schedule",
        target=f"reception:{reception_id}",
        work=work,
        refusals=(ReceptionRefused,),
    )


async def record_held(
    *,
    uow: UnitOfWork,
    actor: Principal,
    reception_id: str,
    held: bool,
    reason: str | None = None,
) -> tuple[Reception, int]:
    """Record whether the session took place; returns it with its number of visits."""

    async def work() -> tuple[Reception, int]:
        repository = ReceptionRepository(uow.session)
        before = await _load(uow, reception_id)
        entries = await repository.count_entries(reception_id)
        after = model.record_held(
            before, held=held, entries=entries, now=uow.runtime.clock.now(), reason=reason
        )
        await repository.save(after, expected_version=before.version)
        uow.record(
            held_event(after, entries=entries), aggregate_id=after.id, sequence=after.version
        )
        return after, entries

    return await audited(
        uow,
        actor,
        action="reception.held" if held else "reception.not_held",
        target=f"reception:{reception_id}",
        work=work,
        refusals=(ReceptionRefused,),
    )


async def add_entry(
    *,
    uow: UnitOfWork,
    rules: RuleBook,
    actor: Principal,
    reception_id: str,
    subject: str,
    received_at: dt.datetime | None = None,
    petition_id: str | None = None,
    visitor: dict[str, Any] | None = None,
) -> Entry:
    """Log a visit with its REC-REPLY clock; the visitor, when given, is stored sealed only."""
    entry_id = str(uuid.uuid4())

    async def work() -> Entry:
        repository = ReceptionRepository(uow.session)
        before = await _load(uow, reception_id)
        now = uow.runtime.clock.now()
        sealed = Sealer.from_settings(uow.runtime.settings).seal(visitor) if visitor else None
        after, entry = model.add_entry(
            before,
            entry_id=entry_id,
            subject=subject,
            received_at=received_at or now,
            now=now,
            rules=rules,
            petition_id=petition_id,
            visitor_sealed=sealed,
        )
        await repository.add_entry(entry, created_by=actor.sub)
        if after.version != before.version:  # already held: publish the new visit count
            await repository.save(after, expected_version=before.version)
            entries = await repository.count_entries(reception_id)
            uow.record(
                held_event(after, entries=entries), aggregate_id=after.id, sequence=after.version
            )
        return entry

    return await audited(
        uow,
        actor,
        action="reception.entry.add",
        target=f"reception:{reception_id}/entry:{entry_id}",
        work=work,
        refusals=(ReceptionRefused,),
    )


async def reply_entry(
    *,
    uow: UnitOfWork,
    actor: Principal,
    reception_id: str,
    entry_id: str,
    text: str,
    replied_at: dt.datetime | None = None,
) -> Entry:
    """Record the reply to a visit (REC-REPLY); a late one is kept and marked late."""

    async def work() -> Entry:
        repository = ReceptionRepository(uow.session)
        await _load(uow, reception_id)
        before = await repository.entry(reception_id, entry_id)
        if before is None:
            raise EntryNotFound(entry_id)
        now = uow.runtime.clock.now()
        after = model.reply(
            before, text=text, replied_at=replied_at or now, replied_by=actor.sub, now=now
        )
        await repository.save_reply(after)
        return after

    return await audited(
        uow,
        actor,
        action="reception.entry.reply",
        target=f"reception:{reception_id}/entry:{entry_id}",
        work=work,
        refusals=(ReceptionRefused,),
    )


async def sweep_receptions(uow: UnitOfWork, rules: RuleBook) -> None:
    """Sweep: visits past REC-REPLY without a reply are marked overdue, once each.

    Idempotent: a marked visit is never selected again, and the update itself re-checks, so
    two sweepers racing mark a visit once. No event: the contracts publish sessions, not
    visits; the mark is what the ward's pages and counts read. ``rules`` is unused: each
    REC-REPLY deadline was computed once, when its visit was logged, and is never recomputed.
    """
    repository = ReceptionRepository(uow.session)
    now = uow.runtime.clock.now()
    for entry in await repository.unanswered_past(now):
        marked = model.mark_overdue(entry, now=now)
        if marked is not None:
            await repository.mark_overdue(marked)
    await uow.commit()
