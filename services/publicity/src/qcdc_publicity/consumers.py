"""Facts of other services that publicity must post (DEC-RECORD, FB-FWD)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from qcdc_publicity.domain.caused import CausedPosting, decision_result, public_answer
from qcdc_publicity.domain.model import RuleBook, Source, SourceKind
from qcdc_publicity.handlers.postings import publish_caused_posting
from qcdc_shared.envelope import Envelope
from qcdc_shared.inbox import Handler
from qcdc_shared.runtime import Runtime, UnitOfWork
from qcdc_shared.service import Consumer
from qcdc_shared.subjects import ward_stream

DECISION_RECOGNISED = "vn.qcdc.plans.decision.recognised.v1"
PETITION_ANSWERED = "vn.qcdc.petitions.petition.answered.v1"


def _poster(
    runtime: Runtime,
    rules: RuleBook,
    *,
    event_type: str,
    kind: SourceKind,
    id_field: str,
    compose: Callable[[dict[str, Any]], CausedPosting | None],
) -> Handler:
    async def handle(session: AsyncSession, envelope: Envelope) -> None:
        if envelope.type != event_type:  # another version: its own consumer, if any
            return
        caused = compose(envelope.data)
        if caused is None:
            return
        uow = UnitOfWork.joining(runtime, session)
        await publish_caused_posting(
            uow,
            rules,
            source=Source(kind, str(envelope.data[id_field])),
            category=caused.category,
            title=caused.title,
            body=caused.body,
            decided_on=caused.decided_on,
        )
        await uow.stage()

    return handle


def consumers(runtime: Runtime, rules: RuleBook) -> list[Consumer]:
    ward = runtime.ward
    return [
        Consumer(
            name="publicity-decision-results",
            stream=ward_stream(ward),
            subject=f"qcdc.{ward}.plans.decision.recognised",
            handle=_poster(
                runtime,
                rules,
                event_type=DECISION_RECOGNISED,
                kind="decision_result",
                id_field="decision_id",
                compose=decision_result,
            ),
        ),
        Consumer(
            name="publicity-public-answers",
            stream=ward_stream(ward),
            subject=f"qcdc.{ward}.petitions.petition.answered",
            handle=_poster(
                runtime,
                rules,
                event_type=PETITION_ANSWERED,
                kind="petition_answer",
                id_field="petition_id",
                compose=public_answer,
            ),
        ),
    ]


__all__ = ["Consumer", "consumers"]
