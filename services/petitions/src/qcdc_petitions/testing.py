"""A harness for tests of the petitions service: HTTP through the ASGI app, tokens as users
hold them, the ward stream as subscribers see it, and the sweeps run by hand as the sweeper
runs them (each in units of work of the service's own kind)."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

import httpx

from qcdc_petitions.handlers.clocks import OVERDUE_SWEEP
from qcdc_petitions.handlers.receptions import sweep_receptions
from qcdc_petitions.unit_of_work import SqlPetitionsUnitOfWork
from qcdc_shared.envelope import Envelope
from qcdc_shared.settings import Settings
from qcdc_shared.sweeps import sweep_each
from qcdc_shared.testing.service import Harness
from qcdc_shared.testing.service import running as running_service
from qcdc_shared.testing.service import stream_events as shared_stream_events

WARD = "ben-thanh"
OFFICER = "can-bo-1"
CITIZEN = "cong-dan-1"
PETITIONER = {
    "name": "Nguyễn Thị Tố Cáo",
    "address": "12 Lê Lợi, phường Bến Thành",
    "phone": "0903123456",
    "id_number": "079123456789",
}


class Petitions(Harness):
    def officer(self, sub: str = OFFICER, ward: str = WARD) -> dict[str, str]:
        return self.token("officer", ward, sub=sub)

    def inspector(self, sub: str = "ban-ttnd-1") -> dict[str, str]:
        return self.token("inspector", WARD, sub=sub)

    def front(self, sub: str = "mttq-1") -> dict[str, str]:
        return self.token("front", WARD, sub=sub)

    def citizen(self, sub: str = CITIZEN) -> dict[str, str]:
        return self.token("citizen", None, sub=sub)

    async def submit(
        self, *, headers: dict[str, str] | None = None, **fields: Any
    ) -> httpx.Response:
        """A petition as a citizen sends it online (or an officer on paper, given headers)."""
        body = {
            "kind": "feedback",
            "title": "Đèn đường hỏng",
            "body": "Đèn đường trước số 12 Lê Lợi hỏng đã hai tuần.",
            "petitioner": PETITIONER,
            **fields,
        }
        return await self.http.post("/petitions", headers=headers or self.citizen(), json=body)

    async def submitted(self, **fields: Any) -> dict[str, Any]:
        response = await self.submit(**fields)
        assert response.status_code == 201, response.text
        return dict(response.json())

    async def command(
        self, petition_id: str, action: str, body: dict[str, Any] | None = None, **kw: Any
    ) -> dict[str, Any]:
        """``POST /petitions/{id}/{action}`` as an officer (or ``headers=``); expects 200."""
        response = await self.http.post(
            f"/petitions/{petition_id}/{action}",
            headers=kw.get("headers") or self.officer(),
            json=body,
        )
        assert response.status_code == 200, response.text
        return dict(response.json())

    def uow(self) -> SqlPetitionsUnitOfWork:
        """A unit of work of the running service, as its routes and sweeps get one."""
        uow = self.runtime.uow()
        assert isinstance(uow, SqlPetitionsUnitOfWork)
        return uow

    async def sweep_overdue(self) -> int:
        """One tick of the escalation sweep (PET-ESC); returns how many deadlines escalated."""
        return await sweep_each(self.uow, OVERDUE_SWEEP)

    async def sweep_receptions(self) -> int:
        """One tick of the REC-REPLY sweep; returns how many visits it marked overdue."""
        async with self.uow() as uow:
            return await sweep_receptions(uow)

    async def get(self, petition_id: str) -> dict[str, Any]:
        response = await self.http.get(f"/petitions/{petition_id}", headers=self.officer())
        assert response.status_code == 200, response.text
        return dict(response.json())


async def stream_events(nats_url: str, subject: str) -> list[Envelope]:
    return await shared_stream_events(nats_url, WARD, subject)


@asynccontextmanager
async def running(settings: Settings, nats_url: str) -> AsyncIterator[Petitions]:
    """The service started as the launcher starts it, linked to NATS, then stopped."""
    from qcdc_petitions.main import build

    async with running_service(Petitions, build, settings, nats_url) as petitions:
        yield petitions
