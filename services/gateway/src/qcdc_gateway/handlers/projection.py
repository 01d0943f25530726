"""The fold of every ward's event into the city's projections: the city's event log, one fact
per ward aggregate (domain/facts.py) and the city's copy of each ward's ledger heads.

The durable consumer of QCDC_CITY runs it in its inbox transaction (consumers.py) and
``qcdc gateway rebuild`` runs it again over the whole stream (rebuild.py): one fold, so a
rebuild gives the numbers the live consumer gave.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from qcdc_gateway.domain.facts import EVENT_FIELDS, Change, Fact, changes
from qcdc_gateway.domain.projection import (
    POSTING_EVENT_PREFIX,
    LedgerHead,
    Outcome,
    ledger_head,
    receive,
)
from qcdc_gateway.unit_of_work import ProjectionBatch, Projections
from qcdc_shared.envelope import Envelope


def changes_of(envelope: Envelope) -> list[Change]:
    # The attributes as they are: a model_dump would copy every event's data once more.
    return changes(**{name: getattr(envelope, name) for name in EVENT_FIELDS})


async def project(
    *,
    uow: Projections,
    envelope: Envelope,
    at: dt.datetime,
    refold: bool = False,
    said: Sequence[Change] | None = None,
) -> bool:
    """Append an event to the log (``at``: when the city received it) and merge it into the
    facts and ledger heads; False if the log had it, a redelivery or a replay after a restart
    (unless ``refold``: a rebuild merges it again, keeping its place in the log). ``said``:
    the event's changes, when the caller has them already."""
    known = await uow.log.has(envelope.id)
    if known and not refold:
        return False
    if not known:
        await uow.log.append(envelope, received_at=at)
    for change in said if said is not None else changes_of(envelope):
        await _merge(uow, change)
    if envelope.type.startswith(POSTING_EVENT_PREFIX):
        # Any version of any posting event: the head is the city's evidence, whatever the shape.
        head = ledger_head(envelope.ward, envelope.data)
        if head is not None:
            await record_ledger_head(uow=uow, head=head, at=at)
    return True


async def project_batch(
    *,
    uow: ProjectionBatch,
    envelopes: Sequence[Envelope],
    at: dt.datetime | None,
    refold: bool = False,
) -> int:
    """:func:`project` for each event, in order, over projections read once before and written
    once after (adapters/batch.py); ``at`` None: each event's own time (a rebuild, which
    cannot know when the city first received it). Returns how many were folded."""
    said = [changes_of(envelope) for envelope in envelopes]
    keys = [(change.ward, change.kind, change.subject) for found in said for change in found]
    await uow.load([envelope.id for envelope in envelopes], keys)
    folded = 0
    for envelope, found in zip(envelopes, said, strict=True):
        received = at or envelope.time
        folded += await project(uow=uow, envelope=envelope, at=received, refold=refold, said=found)
    await uow.flush()
    return folded


async def _merge(uow: Projections, change: Change) -> None:
    held = await uow.facts.get(change.ward, change.kind, change.subject)
    fact = held or Fact(change.ward, change.kind, change.subject)
    if not fact.apply(change):
        return
    if held is None:
        await uow.facts.add(fact)
    else:
        await uow.facts.save(fact)


async def record_ledger_head(*, uow: Projections, head: LedgerHead, at: dt.datetime) -> Outcome:
    """Keep a head the ward announced; a redelivery changes nothing, a second hash for the
    same entry is kept beside the first (the first such one), never in its place."""
    receipt = receive(await uow.ledger_heads.get(head.ward, head.sequence), head)
    if receipt.keep == "head":
        await uow.ledger_heads.add(head, at=at)
    elif receipt.keep == "conflict":
        await uow.ledger_heads.add_conflict(head, at=at)
    return receipt.outcome
