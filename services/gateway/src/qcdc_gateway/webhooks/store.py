"""The webhooks' SQL repository: subscriptions, the deliveries the consumer records, what the
dispatcher asks (the first pending delivery per subscription and aggregate) and records."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from sqlalchemy import and_, exists, or_, select, update
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.sql import Select

from qcdc_gateway.adapters.tables import city_events
from qcdc_gateway.webhooks.cloudevent import body_of, cloudevent_body
from qcdc_gateway.webhooks.domain import Pending, Subscription
from qcdc_gateway.webhooks.tables import webhook_deliveries as deliveries
from qcdc_gateway.webhooks.tables import webhook_subscriptions as subscriptions
from qcdc_shared.envelope import Envelope

SUBSCRIPTION_COLUMNS = tuple(c for c in subscriptions.c if c.name != "secret")
DELIVERY_COLUMNS = tuple(c for c in deliveries.c if c.name != "body")
# Log rows a replay reads and queues per statement.
REPLAY_CHUNK = 500


def subscription_of(row: Any) -> Subscription:
    return Subscription(
        id=row.id,
        url=row.url,
        event_types=tuple(row.event_types),
        wards=tuple(row.wards) if row.wards is not None else None,
        description=row.description,
        state=row.state,
        paused_reason=row.paused_reason,
        created_at=row.created_at,
        paused_at=row.paused_at,
    )


def _delivery(
    subscription_id: str,
    *,
    event_id: str,
    event_type: str,
    ward: str,
    subject: str,
    sequence: int,
    body: str,
    at: dt.datetime,
    replayed: bool,
) -> dict[str, Any]:
    return {
        "subscription_id": subscription_id,
        "event_id": event_id,
        "event_type": event_type,
        "ward": ward,
        "subject": subject,
        "sequence": sequence,
        "body": body,
        "state": "pending",
        "attempts": 0,
        "step": 0,
        "next_attempt_at": at,
        "replayed": replayed,
        "created_at": at,
    }


class WebhookStore:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    # -- subscriptions ----------------------------------------------------------------------

    async def add(
        self,
        subscription: Subscription,
        *,
        sealed_secret: str,
        created_by: str,
    ) -> None:
        await self.session.execute(
            subscriptions.insert().values(
                id=subscription.id,
                url=subscription.url,
                event_types=list(subscription.event_types),
                wards=list(subscription.wards) if subscription.wards is not None else None,
                description=subscription.description,
                secret=sealed_secret,
                state=subscription.state,
                created_by=created_by,
                created_at=subscription.created_at,
                changed_at=subscription.created_at,
            )
        )

    async def get(self, subscription_id: str) -> Subscription | None:
        row = (
            await self.session.execute(
                select(*SUBSCRIPTION_COLUMNS).where(
                    subscriptions.c.id == subscription_id, subscriptions.c.state != "deleted"
                )
            )
        ).first()
        return subscription_of(row) if row is not None else None

    def listed(self) -> Select[Any]:
        return select(*SUBSCRIPTION_COLUMNS).where(subscriptions.c.state != "deleted")

    async def secrets(self) -> dict[str, str]:
        """The sealed secret of every subscription still delivering."""
        rows = await self.session.execute(
            select(subscriptions.c.id, subscriptions.c.secret).where(
                subscriptions.c.state != "deleted"
            )
        )
        return {row.id: row.secret for row in rows}

    async def receiving(self) -> list[Subscription]:
        """Those that take new events: active and paused ones (a paused one keeps its
        deliveries for when it resumes)."""
        rows = await self.session.execute(
            select(*SUBSCRIPTION_COLUMNS).where(subscriptions.c.state.in_(("active", "paused")))
        )
        return [subscription_of(row) for row in rows]

    async def set_state(
        self, subscription_id: str, *, state: str, at: dt.datetime, reason: str | None = None
    ) -> bool:
        """Move a subscription that is not deleted; false when there was none to move."""
        values: dict[str, Any] = {"state": state, "changed_at": at}
        if state == "paused":
            values |= {"paused_at": at, "paused_reason": reason}
        elif state == "active":
            values |= {"paused_at": None, "paused_reason": None}
        elif state == "deleted":
            values |= {"deleted_at": at}
        result = await self.session.execute(
            update(subscriptions)
            .where(subscriptions.c.id == subscription_id, subscriptions.c.state != "deleted")
            .values(**values)
        )
        return bool(result.rowcount)  # type: ignore[attr-defined]

    # -- deliveries --------------------------------------------------------------------------

    async def record(
        self, envelopes: Sequence[Envelope], wanting: Sequence[Subscription], *, at: dt.datetime
    ) -> int:
        rows = [
            _delivery(
                subscription.id,
                event_id=envelope.id,
                event_type=envelope.type,
                ward=envelope.ward,
                subject=envelope.subject,
                sequence=envelope.version,
                body=body_of(envelope),
                at=at,
                replayed=False,
            )
            for envelope in envelopes
            for subscription in wanting
            if subscription.wants(event_type=envelope.type, ward=envelope.ward)
        ]
        if rows:
            await self.session.execute(deliveries.insert(), rows)
        return len(rows)

    async def replay(
        self, subscription: Subscription, *, since: dt.datetime, at: dt.datetime
    ) -> int:
        """Every event of the city's log from ``since`` (its ``time``) that the subscription
        wants, queued again, in the log's order; an event already waiting is not queued twice."""
        waiting = set(
            await self.session.scalars(
                select(deliveries.c.event_id).where(
                    deliveries.c.subscription_id == subscription.id,
                    deliveries.c.state == "pending",
                )
            )
        )
        query = select(
            city_events.c.position,
            city_events.c.id,
            city_events.c.ward,
            city_events.c.type,
            city_events.c.subject,
            city_events.c.sequence,
            city_events.c.time,
            city_events.c.data,
        ).where(city_events.c.time >= since)
        if subscription.wards:
            query = query.where(city_events.c.ward.in_(subscription.wards))
        count, after = 0, 0
        while True:  # a page at a time: a replay from long ago may cover the whole log
            page = (
                await self.session.execute(
                    query.where(city_events.c.position > after)
                    .order_by(city_events.c.position)
                    .limit(REPLAY_CHUNK)
                )
            ).all()
            if not page:
                return count
            after = page[-1].position
            count += await self._insert(
                [
                    _delivery(
                        subscription.id,
                        event_id=row.id,
                        event_type=row.type,
                        ward=row.ward,
                        subject=row.subject,
                        sequence=row.sequence,
                        body=cloudevent_body(
                            event_id=row.id,
                            ward=row.ward,
                            event_type=row.type,
                            subject=row.subject,
                            sequence=row.sequence,
                            time=row.time,
                            data=row.data,
                        ),
                        at=at,
                        replayed=True,
                    )
                    for row in page
                    if row.id not in waiting
                    and subscription.wants(event_type=row.type, ward=row.ward)
                ]
            )

    async def _insert(self, rows: list[dict[str, Any]]) -> int:
        if rows:
            await self.session.execute(deliveries.insert(), rows)
        return len(rows)

    def log(self, subscription_id: str, state: str | None = None) -> Select[Any]:
        query = select(*DELIVERY_COLUMNS).where(deliveries.c.subscription_id == subscription_id)
        return query.where(deliveries.c.state == state) if state else query

    async def cancel_pending(self, subscription_id: str, *, at: dt.datetime) -> None:
        await self.session.execute(
            update(deliveries)
            .where(deliveries.c.subscription_id == subscription_id, deliveries.c.state == "pending")
            .values(state="cancelled", last_error="subscription deleted", last_attempt_at=at)
        )

    async def restart_rounds(self, subscription_id: str, *, at: dt.datetime) -> None:
        """A resumed subscription: every waiting delivery due now, on a fresh schedule."""
        await self.session.execute(
            update(deliveries)
            .where(deliveries.c.subscription_id == subscription_id, deliveries.c.state == "pending")
            .values(step=0, next_attempt_at=at)
        )

    # -- the dispatcher ----------------------------------------------------------------------

    async def firsts(self, limit: int) -> list[Pending]:
        """The first pending delivery of each (active subscription, ward, subject), due or
        not, soonest due first: nothing behind one of them may go before it."""
        earlier = deliveries.alias("earlier")
        before = exists().where(
            earlier.c.subscription_id == deliveries.c.subscription_id,
            earlier.c.state == "pending",
            earlier.c.ward == deliveries.c.ward,
            earlier.c.subject == deliveries.c.subject,
            or_(
                earlier.c.sequence < deliveries.c.sequence,
                and_(earlier.c.sequence == deliveries.c.sequence, earlier.c.id < deliveries.c.id),
            ),
        )
        active = select(subscriptions.c.id).where(subscriptions.c.state == "active")
        rows = await self.session.execute(
            select(
                deliveries.c.id,
                deliveries.c.subscription_id,
                deliveries.c.ward,
                deliveries.c.subject,
                deliveries.c.sequence,
                deliveries.c.next_attempt_at,
            )
            .where(
                deliveries.c.state == "pending",
                deliveries.c.subscription_id.in_(active),
                ~before,
            )
            .order_by(deliveries.c.next_attempt_at, deliveries.c.id)
            .limit(limit)
        )
        return [
            Pending(
                id=row.id,
                subscription_id=row.subscription_id,
                ward=row.ward,
                subject=row.subject,
                sequence=row.sequence,
                due=row.next_attempt_at,
            )
            for row in rows
        ]

    async def attempt_of(self, delivery_id: int) -> Any:
        """What an attempt needs: the body, the event id, the target and where it stands."""
        return (
            await self.session.execute(
                select(
                    deliveries.c.id,
                    deliveries.c.event_id,
                    deliveries.c.body,
                    deliveries.c.state,
                    deliveries.c.step,
                    deliveries.c.subscription_id,
                    subscriptions.c.url,
                    subscriptions.c.state.label("subscription_state"),
                )
                .join(subscriptions, subscriptions.c.id == deliveries.c.subscription_id)
                .where(deliveries.c.id == delivery_id)
            )
        ).first()

    async def claim(self, delivery_id: int, *, due: dt.datetime, until: dt.datetime) -> bool:
        """Take a delivery for one attempt: its due time moves to ``until``, if nobody moved it
        since it was read (another gateway process, another round). False: someone else has it.
        A process that dies mid-attempt leaves it due again at ``until``: sent again then."""
        result = await self.session.execute(
            update(deliveries)
            .where(
                deliveries.c.id == delivery_id,
                deliveries.c.state == "pending",
                deliveries.c.next_attempt_at == due,
            )
            .values(next_attempt_at=until)
        )
        return bool(result.rowcount)  # type: ignore[attr-defined]

    async def delivered(self, delivery_id: int, *, status: int, at: dt.datetime) -> None:
        await self.session.execute(
            update(deliveries)
            .where(deliveries.c.id == delivery_id, deliveries.c.state == "pending")
            .values(
                state="delivered",
                attempts=deliveries.c.attempts + 1,
                last_attempt_at=at,
                last_status=status,
                last_error=None,
                delivered_at=at,
            )
        )

    async def failed(
        self,
        delivery_id: int,
        *,
        status: int | None,
        error: str,
        at: dt.datetime,
        step: int,
        next_at: dt.datetime,
    ) -> None:
        await self.session.execute(
            update(deliveries)
            .where(deliveries.c.id == delivery_id, deliveries.c.state == "pending")
            .values(
                attempts=deliveries.c.attempts + 1,
                last_attempt_at=at,
                last_status=status,
                last_error=error,
                step=step,
                next_attempt_at=next_at,
            )
        )
