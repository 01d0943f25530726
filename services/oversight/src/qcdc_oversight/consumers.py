"""What oversight reads from the ward's stream: the residential groups plans announces, and
every event, for violation detection (OVS-DETECT). Each handler runs in the consumer's inbox
transaction (``SqlOversightUnitOfWork.joining``), which commits what it staged."""

from __future__ import annotations

from collections.abc import Awaitable, Callable

from sqlalchemy.ext.asyncio import AsyncSession

from qcdc_oversight.handlers.detection import detect_violations
from qcdc_oversight.handlers.groups import project_group
from qcdc_oversight.unit_of_work import OversightUnitOfWork, SqlOversightUnitOfWork
from qcdc_shared.envelope import Envelope
from qcdc_shared.inbox import Handler
from qcdc_shared.law.rulebook import RuleBook
from qcdc_shared.runtime import Runtime
from qcdc_shared.service import Consumer
from qcdc_shared.subjects import ward_stream

Work = Callable[[OversightUnitOfWork, Envelope], Awaitable[object]]


def _joining(runtime: Runtime, work: Work) -> Handler:
    async def handle(session: AsyncSession, envelope: Envelope) -> None:
        uow = SqlOversightUnitOfWork.joining(runtime, session)
        await work(uow, envelope)
        await uow.stage()

    return handle


def consumers(runtime: Runtime, rules: RuleBook) -> list[Consumer]:
    async def groups(uow: OversightUnitOfWork, envelope: Envelope) -> None:
        await project_group(uow=uow, envelope=envelope)

    async def detect(uow: OversightUnitOfWork, envelope: Envelope) -> None:
        await detect_violations(uow=uow, rules=rules, envelope=envelope)

    ward = runtime.ward
    return [
        Consumer(
            name="oversight-groups",
            stream=ward_stream(ward),
            subject=f"qcdc.{ward}.plans.group.>",
            handle=_joining(runtime, groups),
        ),
        Consumer(
            name="oversight-detector",
            stream=ward_stream(ward),
            subject=f"qcdc.{ward}.>",
            handle=_joining(runtime, detect),
        ),
    ]
