"""The gateway's durable consumer of QCDC_CITY: every ward's events into city projections."""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncSession

from qcdc_gateway.adapters.db import apply_posting
from qcdc_gateway.domain.projection import POSTING_PUBLISHED, posting_fact
from qcdc_shared.envelope import Envelope
from qcdc_shared.runtime import Runtime
from qcdc_shared.service import Consumer
from qcdc_shared.streams import CITY_STREAM


async def project(session: AsyncSession, envelope: Envelope) -> None:
    if envelope.type == POSTING_PUBLISHED:
        await apply_posting(session, posting_fact(envelope.ward, envelope.data, envelope.sequence))
    # Other types (and other versions) are not projected yet: acknowledged and ignored.


def consumers(runtime: Runtime) -> list[Consumer]:
    return [
        Consumer(name="gateway-projections", stream=CITY_STREAM, subject="qcdc.>", handle=project)
    ]
