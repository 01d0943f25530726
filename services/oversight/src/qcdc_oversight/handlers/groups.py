"""The ward's residential groups as plans announces them: the board elects one member per
group (OVS-BOARD), so oversight keeps its own copy of the register's codes and names."""

from __future__ import annotations

import logging

from qcdc_oversight.domain.board import KnownGroup, supersedes
from qcdc_oversight.unit_of_work import OversightUnitOfWork
from qcdc_shared.envelope import Envelope

log = logging.getLogger(__name__)

# By type name, not by importing plans' contract classes: oversight depends on the published
# contract (contracts/events/plans.group.*), never on the plans package.
GROUP_EVENTS = frozenset({"vn.qcdc.plans.group.registered.v1", "vn.qcdc.plans.group.updated.v1"})


async def project_group(*, uow: OversightUnitOfWork, envelope: Envelope) -> bool:
    """Keep the group ``envelope`` announces; an older version than the stored one changes
    nothing, so a redelivery or an out-of-order update never rolls the register back.
    Returns whether anything was written. Runs inside the consumer's inbox transaction."""
    if envelope.type not in GROUP_EVENTS:
        return False
    data = envelope.data
    group = KnownGroup(
        code=str(data["code"]),
        name=str(data["name"]),
        households=int(data["households"]),
        version=int(data["version"]),
    )
    current = await uow.groups.get(group.code)
    if not supersedes(group, current):
        log.info("group %s v%s is not newer than the stored one", group.code, group.version)
        return False
    if current is None:
        await uow.groups.add(group)
    else:
        await uow.groups.save(group, expected_version=current.version)
    return True
