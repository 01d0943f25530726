"""Webhook subscriptions over HTTP, for the city's admins only: a subscription names where
the city POSTs its events (signed per Standard Webhooks) and which ones; its secret is shown
once, at creation."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, Path, Query, Response
from pydantic import BaseModel, ConfigDict, Field

from qcdc_gateway.api.common import GatewayUoW
from qcdc_gateway.webhooks import handlers
from qcdc_gateway.webhooks.domain import MAX_PATTERNS, MAX_URL, Subscription
from qcdc_gateway.webhooks.service import Webhooks, webhooks_of
from qcdc_gateway.webhooks.store import WebhookStore, subscription_of
from qcdc_gateway.webhooks.tables import webhook_deliveries, webhook_subscriptions
from qcdc_shared.api import Page, PageQuery, not_found, paginate
from qcdc_shared.api.commands import StrictBody, run_command
from qcdc_shared.api.schemas import Instant
from qcdc_shared.auth import CurrentPrincipal, requires
from qcdc_shared.clock import LOCAL_TZ
from qcdc_shared.runtime import Runtime
from qcdc_shared.service import RuntimeDep

router = APIRouter(prefix="/api", tags=["webhooks"])

_UUID = r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$"
IdPath = Annotated[str, Path(pattern=_UUID, description="Mã đăng ký — subscription id.")]
HooksDep = Annotated[Webhooks, Depends(webhooks_of)]
SLUG = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
MAX_DESCRIPTION = 500  # a line or two saying who receives and why


def _local(value: dt.datetime | None) -> dt.datetime | None:
    return value.astimezone(LOCAL_TZ) if value is not None else None


class WebhookIn(StrictBody):
    # An example an outside client can send as is (tests/contract/test_openapi_examples.py).
    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "url": "https://tiepnhan.example.vn/qcdc",
                    "event_types": [
                        "vn.qcdc.petitions.petition.*",
                        "vn.qcdc.plans.decision.closed.v1",
                    ],
                    "wards": ["ben-thanh", "sai-gon"],
                    "description": "Cổng dịch vụ công quốc gia — national public-service portal",
                }
            ]
        }
    )
    url: str = Field(
        min_length=1,
        max_length=MAX_URL,
        description="Địa chỉ nhận (https; http chỉ ngoài môi trường production) — the "
        "receiver's URL; https in production. Loopback, private and link-local hosts are "
        "refused unless QCDC_WEBHOOKS_ALLOW_PRIVATE=true.",
        examples=["https://tiepnhan.example.vn/qcdc"],
    )
    event_types: list[Annotated[str, Field(max_length=160)]] = Field(
        min_length=1,
        max_length=MAX_PATTERNS,
        description="Mẫu loại sự kiện — event-type patterns: a whole type, or segments with "
        "`*` (one segment inside, the rest at the end); `*` alone is every event.",
        examples=[["vn.qcdc.petitions.petition.*", "vn.qcdc.plans.decision.closed.v1"]],
    )
    wards: list[Annotated[str, Field(pattern=SLUG, max_length=64)]] | None = Field(
        default=None,
        max_length=200,
        description="Chỉ các phường này — only these wards (none: every ward).",
    )
    description: str = Field(default="", max_length=MAX_DESCRIPTION)


class WebhookOut(BaseModel):
    id: str
    url: str
    event_types: list[str]
    wards: list[str] | None
    description: str
    state: Literal["active", "paused"] = Field(
        description="paused: a delivery spent its retry schedule; nothing is lost, resume it."
    )
    paused_reason: str | None
    created_at: dt.datetime
    paused_at: dt.datetime | None

    @classmethod
    def of(cls, item: Subscription) -> WebhookOut:
        return cls(
            id=item.id,
            url=item.url,
            event_types=list(item.event_types),
            wards=list(item.wards) if item.wards is not None else None,
            description=item.description,
            state=item.state,  # a deleted one is never shown
            paused_reason=item.paused_reason,
            created_at=item.created_at.astimezone(LOCAL_TZ),
            paused_at=_local(item.paused_at),
        )


class WebhookCreatedOut(WebhookOut):
    secret: str = Field(
        description="Khoá ký, chỉ hiện một lần — the signing secret (whsec_…), shown only now: "
        "verify each delivery with it (Standard Webhooks)."
    )


class DeliveryOut(BaseModel):
    id: int
    event_id: str = Field(description="= webhook-id, stable across retries")
    event_type: str
    ward: str
    subject: str
    sequence: int = Field(description="aggregateversion of the event")
    state: Literal["pending", "delivered", "cancelled"]
    attempts: int
    last_status: int | None
    last_error: str | None
    next_attempt_at: dt.datetime | None = Field(description="While pending.")
    last_attempt_at: dt.datetime | None
    created_at: dt.datetime
    delivered_at: dt.datetime | None
    replayed: bool


def _delivery(row: Any) -> DeliveryOut:
    return DeliveryOut(
        id=row.id,
        event_id=row.event_id,
        event_type=row.event_type,
        ward=row.ward,
        subject=row.subject,
        sequence=row.sequence,
        state=row.state,
        attempts=row.attempts,
        last_status=row.last_status,
        last_error=row.last_error,
        next_attempt_at=_local(row.next_attempt_at) if row.state == "pending" else None,
        last_attempt_at=_local(row.last_attempt_at),
        created_at=row.created_at.astimezone(LOCAL_TZ),
        delivered_at=_local(row.delivered_at),
        replayed=row.replayed,
    )


class ReplayIn(StrictBody):
    model_config = ConfigDict(
        json_schema_extra={"examples": [{"since": "2026-12-01T00:00:00+07:00"}]}
    )
    since: Instant = Field(description="Từ thời điểm này (gồm, theo `time` của sự kiện).")


class ReplayOut(BaseModel):
    queued: int = Field(description="Deliveries queued again, in the log's order.")


async def _get(runtime: Runtime, subscription_id: str) -> Subscription:
    async with runtime.sessionmaker() as session:
        found = await WebhookStore(session).get(subscription_id)
    if found is None:
        raise not_found(
            f"Không có đăng ký webhook {subscription_id}.",
            f"No webhook subscription {subscription_id}.",
        )
    return found


@router.post(
    "/webhooks",
    status_code=201,
    response_model=WebhookCreatedOut,
    **requires("admin"),
    summary="Đăng ký webhook — subscribe an external system (the secret is shown once)",
)
async def create_webhook(
    body: WebhookIn, uow: GatewayUoW, actor: CurrentPrincipal, hooks: HooksDep
) -> Any:
    subscription_id = str(uuid.uuid4())
    subscription, secret = await run_command(
        handlers.subscribe(
            uow=uow,
            subscription_id=subscription_id,
            url=body.url,
            event_types=body.event_types,
            wards=body.wards,
            description=body.description,
            known_wards=hooks.wards,
            sender=hooks.sender,
            sealer=hooks.sealer,
            created_by=actor.sub,
        ),
        uow=uow,
        actor=actor,
        action="webhook.subscribe",
        target=f"webhook:{subscription_id}",
    )
    return WebhookCreatedOut(**WebhookOut.of(subscription).model_dump(), secret=secret)


@router.get(
    "/webhooks",
    response_model=Page[WebhookOut],
    **requires("admin"),
    summary="Các đăng ký webhook — webhook subscriptions (no secrets)",
)
async def list_webhooks(runtime: RuntimeDep, page: PageQuery) -> Any:
    async with runtime.sessionmaker() as session:
        return await paginate(
            session,
            WebhookStore(session).listed(),
            key=webhook_subscriptions.c.id,
            params=page,
            item=lambda row: WebhookOut.of(subscription_of(row)),
        )


@router.get(
    "/webhooks/{subscription_id}",
    response_model=WebhookOut,
    **requires("admin"),
    summary="Một đăng ký webhook — one subscription",
)
async def get_webhook(subscription_id: IdPath, runtime: RuntimeDep) -> Any:
    return WebhookOut.of(await _get(runtime, subscription_id))


@router.delete(
    "/webhooks/{subscription_id}",
    status_code=204,
    **requires("admin"),
    summary="Huỷ đăng ký — unsubscribe (its delivery log is kept)",
)
async def delete_webhook(
    subscription_id: IdPath, uow: GatewayUoW, actor: CurrentPrincipal
) -> Response:
    await run_command(
        handlers.unsubscribe(uow=uow, subscription_id=subscription_id),
        uow=uow,
        actor=actor,
        action="webhook.unsubscribe",
        target=f"webhook:{subscription_id}",
    )
    return Response(status_code=204)


@router.get(
    "/webhooks/{subscription_id}/deliveries",
    response_model=Page[DeliveryOut],
    **requires("admin"),
    summary="Nhật ký gửi — the subscription's delivery log, in the order recorded",
)
async def list_webhook_deliveries(
    subscription_id: IdPath,
    runtime: RuntimeDep,
    page: PageQuery,
    state: Annotated[Literal["pending", "delivered", "cancelled"] | None, Query()] = None,
) -> Any:
    await _get(runtime, subscription_id)
    async with runtime.sessionmaker() as session:
        return await paginate(
            session,
            WebhookStore(session).log(subscription_id, state),
            key=webhook_deliveries.c.id,
            params=page,
            item=_delivery,
        )


@router.post(
    "/webhooks/{subscription_id}/resume",
    response_model=WebhookOut,
    **requires("admin"),
    summary="Tiếp tục gửi — resume a paused subscription (its waiting deliveries go now)",
)
async def resume_webhook(
    subscription_id: IdPath, uow: GatewayUoW, actor: CurrentPrincipal, hooks: HooksDep
) -> Any:
    subscription = await run_command(
        handlers.resume(uow=uow, subscription_id=subscription_id),
        uow=uow,
        actor=actor,
        action="webhook.resume",
        target=f"webhook:{subscription_id}",
    )
    hooks.wake()
    return WebhookOut.of(subscription)


@router.post(
    "/webhooks/{subscription_id}/replay",
    status_code=202,
    response_model=ReplayOut,
    **requires("admin"),
    summary="Gửi lại từ một thời điểm — re-send every matching event of the city's log since",
)
async def replay_webhook(
    subscription_id: IdPath,
    body: ReplayIn,
    uow: GatewayUoW,
    actor: CurrentPrincipal,
    hooks: HooksDep,
) -> Any:
    queued = await run_command(
        handlers.replay(uow=uow, subscription_id=subscription_id, since=body.since),
        uow=uow,
        actor=actor,
        action="webhook.replay",
        target=f"webhook:{subscription_id}",
    )
    hooks.wake()
    return ReplayOut(queued=queued)
