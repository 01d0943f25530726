"""The ward's residential groups as plans announces them: the board elects one member per
group (OVS-BOARD), so oversight keeps its own copy of the register's codes and names."""

from __future__ import annotations

import logging

from sqlalchemy.ext.asyncio import AsyncSession

from qcdc_oversight.adapters.board import GroupRepository
from qcdc_oversight.domain.board import KnownGroup
from qcdc_shared.envelope import Envelope

log = logging.getLogger(__name__)

# By type name, not by importing plans' contract classes: oversight depends on the published
# contract (contracts/events/plans.group.*), never on the plans package.
GROUP_EVENTS = frozenset({"vn.qcdc.plans.group.registered.v1", "vn.qcdc.plans.group.updated.v1"})


async def project_group(session: AsyncSession, envelope: Envelope) -> None:
    """Upsert ``known_groups``; an older version than the stored one changes nothing, so a
    redelivery or an out-of-order update never rolls the register back. Runs inside the
    consumer's inbox transaction, which commits."""
    if envelope.type not in GROUP_EVENTS:
        return
    data = envelope.data
    group = KnownGroup(
        code=str(data["code"]),
        name=str(data["name"]),
        households=int(data["households"]),
        version=int(data["version"]),
    )
    if not await GroupRepository(session).upsert(group):
        log.info("group %s v%s is not newer than the stored one", group.code, group.version)
