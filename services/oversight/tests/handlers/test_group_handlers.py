"""The projection of plans' residential groups on the fakes: the board elects one member
per group it holds, and an older announcement never rolls the copy back."""

from __future__ import annotations

import datetime as dt
import uuid

import pytest

from qcdc_oversight.domain.board import KnownGroup
from qcdc_oversight.fakes import FakeOversightUnitOfWork
from qcdc_oversight.handlers.groups import project_group
from qcdc_shared.envelope import Envelope
from qcdc_shared.testing.fakes import DEFAULT_NOW
from qcdc_shared.tooling.contracts import validate_envelope

pytestmark = pytest.mark.unit


def announced(event: str, *, version: int, households: int, code: str = "TDP-01") -> Envelope:
    """``plans.group.<event>`` as plans publishes it (checked against its contract)."""
    return validate_envelope(
        {
            "specversion": "1.0",
            "id": str(uuid.uuid4()),
            "source": "/wards/ben-thanh/plans",
            "type": f"vn.qcdc.plans.group.{event}.v1",
            "subject": code,
            "time": DEFAULT_NOW.isoformat(),
            "datacontenttype": "application/json",
            "dataschema": f"urn:qcdc:contracts:events:plans.group.{event}:v1",
            "data": {
                "ward": "ben-thanh",
                "code": code,
                "name": "Tổ dân phố 1",
                "households": households,
                "online_optin": 0,
                "effective_on": dt.date(2026, 11, 26).isoformat(),
                "version": version,
            },
            "ward": "ben-thanh",
            "sequence": version,
        }
    )


async def project(uow: FakeOversightUnitOfWork, envelope: Envelope) -> bool:
    """As the consumer runs it: in the inbox transaction, which commits what is staged."""
    written = await project_group(uow=uow, envelope=envelope)
    await uow.stage()
    return written


async def test_a_registered_group_is_kept_and_a_newer_update_replaces_it() -> None:
    uow = FakeOversightUnitOfWork()
    assert await project(uow, announced("registered", version=1, households=50))
    assert await project(uow, announced("updated", version=3, households=60))
    assert await uow.groups.all() == [KnownGroup("TDP-01", "Tổ dân phố 1", 60, 3)]
    assert uow.events == [] and uow.audit_log == []  # a projection announces nothing


async def test_an_older_or_repeated_announcement_never_rolls_the_copy_back() -> None:
    uow = FakeOversightUnitOfWork()
    await project(uow, announced("updated", version=3, households=60))  # arrived first
    assert not await project(uow, announced("updated", version=2, households=10))
    assert not await project(uow, announced("registered", version=1, households=50))
    assert not await project(uow, announced("updated", version=3, households=60))
    assert await uow.groups.all() == [KnownGroup("TDP-01", "Tổ dân phố 1", 60, 3)]


async def test_another_event_on_the_group_subjects_is_ignored() -> None:
    uow = FakeOversightUnitOfWork()
    other = announced("registered", version=1, households=50).model_copy(
        update={"type": "vn.qcdc.plans.group.registered.v2"}
    )
    assert not await project(uow, other)
    assert await uow.groups.all() == []
