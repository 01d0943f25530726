"""The admin's commands on webhook subscriptions, one function each: load, ask the rules,
save, in the unit of work ``run_command`` commits and audits."""

from __future__ import annotations

import base64
import datetime as dt
import secrets
from collections.abc import Collection, Sequence

from qcdc_gateway.unit_of_work import GatewayUnitOfWork
from qcdc_gateway.webhooks.domain import Subscription, check_patterns, check_resumable
from qcdc_gateway.webhooks.sender import Sender
from qcdc_gateway.webhooks.store import WebhookStore
from qcdc_shared.refusals import NotFound, Refused
from qcdc_shared.sealing import Sealer

SECRET_PREFIX = "whsec_"
SECRET_BYTES = 32  # Standard Webhooks: between 24 and 64 random bytes


def new_secret() -> str:
    return SECRET_PREFIX + base64.b64encode(secrets.token_bytes(SECRET_BYTES)).decode()


def _store(uow: GatewayUnitOfWork) -> WebhookStore:
    return WebhookStore(uow.session)  # type: ignore[attr-defined]


async def _existing(store: WebhookStore, subscription_id: str) -> Subscription:
    found = await store.get(subscription_id)
    if found is None:
        raise NotFound("đăng ký webhook", "webhook subscription", subscription_id)
    return found


async def subscribe(
    *,
    uow: GatewayUnitOfWork,
    subscription_id: str,
    url: str,
    event_types: Sequence[str],
    wards: Sequence[str] | None,
    description: str,
    known_wards: Collection[str],
    sender: Sender,
    sealer: Sealer,
    created_by: str,
) -> tuple[Subscription, str]:
    """The new subscription and its secret (shown once: only its sealed form is kept)."""
    check_patterns(event_types)
    unknown = sorted(set(wards or ()) - set(known_wards))
    if unknown:
        raise Refused(
            f"Phường không có trong danh sách của thành phố: {', '.join(unknown)}.",
            f"Wards not in the city's registry: {', '.join(unknown)}.",
        )
    await sender.checked(url)  # SSRF: refused here already, not first at delivery
    subscription = Subscription(
        id=subscription_id,
        url=url,
        event_types=tuple(dict.fromkeys(event_types)),
        wards=tuple(dict.fromkeys(wards)) if wards else None,
        description=description,
        state="active",
        paused_reason=None,
        created_at=uow.clock.now(),
        paused_at=None,
    )
    secret = new_secret()
    await _store(uow).add(
        subscription, sealed_secret=sealer.seal({"secret": secret}), created_by=created_by
    )
    return subscription, secret


async def unsubscribe(*, uow: GatewayUnitOfWork, subscription_id: str) -> None:
    """Deleted: nothing more is recorded or sent; its log stays, waiting deliveries cancelled."""
    store = _store(uow)
    await _existing(store, subscription_id)
    now = uow.clock.now()
    await store.set_state(subscription_id, state="deleted", at=now)
    await store.cancel_pending(subscription_id, at=now)


async def resume(*, uow: GatewayUnitOfWork, subscription_id: str) -> Subscription:
    store = _store(uow)
    check_resumable((await _existing(store, subscription_id)).state)
    now = uow.clock.now()
    await store.set_state(subscription_id, state="active", at=now)
    await store.restart_rounds(subscription_id, at=now)
    return await _existing(store, subscription_id)


async def replay(*, uow: GatewayUnitOfWork, subscription_id: str, since: dt.datetime) -> int:
    store = _store(uow)
    subscription = await _existing(store, subscription_id)
    return await store.replay(subscription, since=since, at=uow.clock.now())
