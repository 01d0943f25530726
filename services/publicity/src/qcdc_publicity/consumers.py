"""Facts of other services that publicity must post (DEC-RECORD, FB-FWD)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from qcdc_publicity.domain.caused import CausedPosting, decision_result, public_answer
from qcdc_publicity.domain.posting import Source, SourceKind
from qcdc_publicity.handlers.postings import publish_caused_posting
from qcdc_publicity.unit_of_work import SqlPublicityUnitOfWork
from qcdc_shared.envelope import Envelope
from qcdc_shared.law.rulebook import RuleBook
from qcdc_shared.runtime import Runtime
from qcdc_shared.service import Consumer
from qcdc_shared.subjects import ward_stream

DECISION_RECOGNISED = "vn.qcdc.plans.decision.recognised.v1"
PETITION_ANSWERED = "vn.qcdc.petitions.petition.answered.v1"


def _poster(
    runtime: Runtime,
    rules: RuleBook,
    *,
    name: str,
    subject: str,
    event_type: str,
    kind: SourceKind,
    id_field: str,
    compose: Callable[[dict[str, Any]], CausedPosting | None],
) -> Consumer:
    """A consumer of the ward's ``subject`` posting what ``compose`` makes of each
    ``event_type`` event, once per source (``kind``, the event's ``id_field``)."""

    async def handle(session: AsyncSession, envelope: Envelope) -> None:
        if envelope.type != event_type:  # another version: its own consumer, if any
            return
        caused = compose(envelope.data)
        if caused is None:
            return
        uow = SqlPublicityUnitOfWork.joining(runtime, session)
        source = Source(kind, str(envelope.data[id_field]))
        await publish_caused_posting(uow, rules, source=source, caused=caused)
        await uow.stage()

    ward = runtime.ward
    return Consumer(
        name=name, stream=ward_stream(ward), subject=f"qcdc.{ward}.{subject}", handle=handle
    )


def consumers(runtime: Runtime, rules: RuleBook) -> list[Consumer]:
    return [
        _poster(
            runtime,
            rules,
            name="publicity-decision-results",
            subject="plans.decision.recognised",
            event_type=DECISION_RECOGNISED,
            kind="decision_result",
            id_field="decision_id",
            compose=lambda data: decision_result(data, rules),
        ),
        _poster(
            runtime,
            rules,
            name="publicity-public-answers",
            subject="petitions.petition.answered",
            event_type=PETITION_ANSWERED,
            kind="petition_answer",
            id_field="petition_id",
            compose=public_answer,
        ),
    ]


__all__ = ["Consumer", "consumers"]
