"""The webhooks' wiring in the gateway: the sender and sealer the routes use, the dispatcher
task (``main.build`` calls :meth:`Webhooks.start`; the consumer that feeds it is among the
gateway's consumers, ``qcdc_gateway.consumers``)."""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
from collections.abc import Collection

from fastapi import FastAPI, Request

from qcdc_gateway.webhooks.dispatcher import Dispatcher
from qcdc_gateway.webhooks.domain import STANDARD_SCHEDULE
from qcdc_gateway.webhooks.sender import Sender
from qcdc_shared.runtime import Runtime
from qcdc_shared.sealing import Sealer
from qcdc_shared.settings import Settings


class Webhooks:
    def __init__(self, settings: Settings, *, wards: Collection[str]) -> None:
        self.wards = frozenset(wards)  # the registry's: a subscription names only these
        self.schedule = (
            tuple(dt.timedelta(seconds=s) for s in settings.webhooks_retry_schedule)
            or STANDARD_SCHEDULE
        )
        # Production sends over https only: the body is public, but a receiver must be able
        # to trust that it comes from the city and was not read or held on the way.
        self.sender = Sender(
            allow_private=settings.webhooks_allow_private,
            require_https=settings.env == "production",
        )
        # The secrets are sealed with the key that seals petitioners' identities (rotated the
        # same way, qcdc_shared.sealing): one key for the operator to keep, none in the code.
        self.sealer = Sealer.from_settings(settings)
        self.dispatcher: Dispatcher | None = None
        self._task: asyncio.Task[None] | None = None

    def start(self, runtime: Runtime) -> None:
        """Start the dispatcher as one of the runtime's tasks (cancelled when the service
        stops); the consumer's ``recorded`` is :meth:`wake`."""
        self.dispatcher = Dispatcher(
            runtime, sender=self.sender, sealer=self.sealer, schedule=self.schedule
        )
        self._task = asyncio.create_task(self.dispatcher.run(), name="webhooks")
        runtime.tasks.append(self._task)

    def wake(self) -> None:
        if self.dispatcher is not None:
            self.dispatcher.wake()

    async def stop(self, app: FastAPI) -> None:
        """Before the runtime stops: an attempt under way ends unrecorded (its delivery stays
        pending and is sent again, same webhook-id), then the HTTP client closes."""
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task
            self._task = None
        await self.sender.close()


def webhooks_of(request: Request) -> Webhooks:
    hooks: Webhooks = request.app.state.webhooks
    return hooks
