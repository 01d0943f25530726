"""The city's queue over HTTP: escalated petitions (PET-ESC) and unanswered recommendations
(OVS-ANSWER) of every ward, with their clocks, and what a city monitor does with them.

Only city monitors (and admins) read it: the queue is the city's work list, and its notes are
free text that may name people. The items themselves carry no petitioner data (the facts
they come from have none).
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any

from fastapi import APIRouter, Path, Query
from pydantic import BaseModel, ConfigDict, Field

from qcdc_gateway.adapters.queue import EscalationRepository
from qcdc_gateway.api.common import GatewayUoW
from qcdc_gateway.domain.queue import STATUS_VI, Action, Escalation, Kind, Note, Status
from qcdc_gateway.handlers import queue as handlers
from qcdc_gateway.unit_of_work import GatewayUnitOfWork
from qcdc_shared.api import Page, PageQuery, not_found
from qcdc_shared.api.commands import StrictBody, run_command
from qcdc_shared.auth import CurrentPrincipal, requires
from qcdc_shared.clock import LOCAL_TZ
from qcdc_shared.law.deadlines import rule_url
from qcdc_shared.runtime import Runtime
from qcdc_shared.service import RuntimeDep
from qcdc_shared.unit_of_work import Actor

router = APIRouter(prefix="/api", tags=["escalations"])

_UUID = r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$"
IdPath = Annotated[str, Path(pattern=_UUID, description="Mã mục trong hàng đợi — item id.")]
# Input bounds, not laws: a note is a paragraph or two, an account id a short token.
MAX_TEXT = 5000
ACCOUNT = r"^\S{1,128}$"


def _local(value: dt.datetime | None) -> dt.datetime | None:
    return value.astimezone(LOCAL_TZ) if value is not None else None


class EscalationOut(BaseModel):
    id: str
    ward: str
    kind: Kind = Field(description="petition: PET-ESC; recommendation: OVS-ANSWER.")
    subject: str = Field(description="Mã kiến nghị / khuyến nghị tại phường — its id in the ward.")
    since: dt.datetime = Field(description="Thời điểm phường chuyển lên — when it was escalated.")
    rule: str
    rule_url: str = Field(
        description="Mục của quy tắc trên trang /rules — the rule's entry on /rules."
    )
    status: Status
    status_vi: str
    assignee: str | None = Field(description="Tài khoản thành phố xử lý — the city handler.")
    due_at: dt.datetime | None = Field(
        description="Hạn đã quá, do phường tính — the deadline that passed, as the ward set it."
    )
    petition_kind: str | None
    version: int = Field(description="0 until the city first acts on the item.")
    acknowledged_at: dt.datetime | None
    resolved_at: dt.datetime | None
    note_count: int

    @classmethod
    def fields_of(cls, item: Escalation) -> dict[str, Any]:
        return {
            "id": item.id,
            "ward": item.ward,
            "kind": item.kind,
            "subject": item.source_id,
            "since": _local(item.since),
            "rule": item.rule,
            "rule_url": rule_url(item.rule),
            "status": item.status,
            "status_vi": STATUS_VI[item.status],
            "assignee": item.assignee,
            "due_at": _local(item.due_at),
            "petition_kind": item.petition_kind,
            "version": item.version,
            "acknowledged_at": _local(item.acknowledged_at),
            "resolved_at": _local(item.resolved_at),
            "note_count": item.notes,
        }

    @classmethod
    def of(cls, item: Escalation) -> EscalationOut:
        return cls(**cls.fields_of(item))


class NoteOut(BaseModel):
    author: str
    text: str
    at: dt.datetime

    @classmethod
    def of(cls, note: Note) -> NoteOut:
        return cls(author=note.author, text=note.text, at=note.at.astimezone(LOCAL_TZ))


class EscalationDetailOut(EscalationOut):
    resolution: str | None
    notes: list[NoteOut]


def _example(body: dict[str, Any]) -> ConfigDict:
    """A body an outside client can send as is, shown in the OpenAPI (issue 20): invented
    accounts and facts, held to the model by tests/contract/test_openapi_examples.py."""
    return ConfigDict(json_schema_extra={"examples": [body]})


class AssignIn(StrictBody):
    model_config = _example({"assignee": "giam-sat-thanh-pho-1"})
    assignee: str = Field(pattern=ACCOUNT, description="Tài khoản thành phố — a city account id.")


class NoteIn(StrictBody):
    model_config = _example(
        {"text": "Đã gọi điện cho UBND phường; phường hẹn trả lời đơn trước ngày 15/01/2027."}
    )
    text: str = Field(min_length=1, max_length=MAX_TEXT, description="Chỉ lưu tại thành phố.")


class ResolveIn(StrictBody):
    model_config = _example(
        {"resolution": "UBND phường đã ban hành văn bản trả lời ngày 14/01/2027; hồ sơ đóng."}
    )
    resolution: str = Field(
        min_length=1, max_length=MAX_TEXT, description="Kết quả xử lý; chỉ lưu tại thành phố."
    )


async def run_queue_command(
    uow: GatewayUnitOfWork, actor: Actor, action: Action, escalation_id: str, value: str = ""
) -> Escalation:
    """A queue command from the API or the dashboard's forms alike (``value``: what the action
    takes, see :func:`handlers.act`): audited as ``escalation.<action>`` on
    ``escalation:<id>`` and committed by ``run_command``; a refusal is raised as problem+json."""
    return await run_command(
        handlers.act(uow=uow, actor=actor, escalation_id=escalation_id, action=action, value=value),
        uow=uow,
        actor=actor,
        action=f"escalation.{action}",
        target=f"escalation:{escalation_id}",
    )


async def _detail(runtime: Runtime, escalation_id: str) -> EscalationDetailOut:
    async with runtime.sessionmaker() as session:
        repository = EscalationRepository(session)
        item = await repository.get(escalation_id)
        if item is None:
            raise not_found(
                f"Không có mục chuyển lên thành phố {escalation_id}.",
                f"No escalation {escalation_id}.",
            )
        notes = await repository.notes(escalation_id)
    return EscalationDetailOut(
        **EscalationOut.fields_of(item),
        resolution=item.resolution,
        notes=[NoteOut.of(n) for n in notes],
    )


@router.get(
    "/escalations",
    response_model=Page[EscalationOut],
    **requires("city_monitor"),
    summary="Hàng đợi của thành phố — escalated items of every ward, oldest first",
)
async def list_escalations(
    runtime: RuntimeDep,
    page: PageQuery,
    ward: Annotated[str | None, Query(pattern=r"^[a-z0-9]+(?:-[a-z0-9]+)*$")] = None,
    kind: Kind | None = None,
    status: Status | None = None,
    rule: Annotated[str | None, Query(pattern=r"^[A-Z]+-[A-Z0-9]+(?:\.[a-z0-9-]+)?$")] = None,
    assignee: Annotated[str | None, Query(pattern=ACCOUNT)] = None,
) -> Any:
    async with runtime.sessionmaker() as session:
        found = await EscalationRepository(session).page(
            params=page, ward=ward, kind=kind, status=status, rule=rule, assignee=assignee
        )
    return Page[EscalationOut](
        items=[EscalationOut.of(i) for i in found.items],
        total=found.total,
        next_cursor=found.next_cursor,
    )


@router.get(
    "/escalations/{escalation_id}",
    response_model=EscalationDetailOut,
    **requires("city_monitor"),
    summary="Một mục và ghi chú — one item with its notes",
)
async def get_escalation(escalation_id: IdPath, runtime: RuntimeDep) -> Any:
    return await _detail(runtime, escalation_id)


@router.post(
    "/escalations/{escalation_id}/acknowledge",
    response_model=EscalationDetailOut,
    **requires("city_monitor"),
    summary="Tiếp nhận — the city takes the item on",
)
async def acknowledge(
    escalation_id: IdPath, uow: GatewayUoW, actor: CurrentPrincipal, runtime: RuntimeDep
) -> Any:
    await run_queue_command(uow, actor, "acknowledge", escalation_id)
    return await _detail(runtime, escalation_id)


@router.post(
    "/escalations/{escalation_id}/assign",
    response_model=EscalationDetailOut,
    **requires("city_monitor"),
    summary="Giao cho cán bộ thành phố — assign to a city handler",
)
async def assign(
    escalation_id: IdPath,
    body: AssignIn,
    uow: GatewayUoW,
    actor: CurrentPrincipal,
    runtime: RuntimeDep,
) -> Any:
    await run_queue_command(uow, actor, "assign", escalation_id, body.assignee)
    return await _detail(runtime, escalation_id)


@router.post(
    "/escalations/{escalation_id}/notes",
    status_code=201,
    response_model=EscalationDetailOut,
    **requires("city_monitor"),
    summary="Thêm ghi chú — add a note (kept in the city's database only)",
)
async def add_note(
    escalation_id: IdPath,
    body: NoteIn,
    uow: GatewayUoW,
    actor: CurrentPrincipal,
    runtime: RuntimeDep,
) -> Any:
    await run_queue_command(uow, actor, "note", escalation_id, body.text)
    return await _detail(runtime, escalation_id)


@router.post(
    "/escalations/{escalation_id}/resolve",
    response_model=EscalationDetailOut,
    **requires("city_monitor"),
    summary="Kết thúc xử lý — resolve the item",
)
async def resolve(
    escalation_id: IdPath,
    body: ResolveIn,
    uow: GatewayUoW,
    actor: CurrentPrincipal,
    runtime: RuntimeDep,
) -> Any:
    await run_queue_command(uow, actor, "resolve", escalation_id, body.resolution)
    return await _detail(runtime, escalation_id)
