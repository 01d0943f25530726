"""HTTP routes of the visits logged at a reception session (REC-REPLY): log a visit, its reply
clock starting, and record the reply. The visitor's identity, when given, is sealed by the
handler before anything is stored; no answer carries it."""

from __future__ import annotations

import uuid
from collections.abc import Awaitable

from fastapi import APIRouter

from qcdc_petitions.api.common import PetitionsUoW, Rules, SealerDep
from qcdc_petitions.api.reception_views import EntryIn, EntryOut, ReplyIn
from qcdc_petitions.domain.reception import Entry
from qcdc_petitions.handlers import receptions as handlers
from qcdc_shared.api.commands import run_command
from qcdc_shared.auth import CurrentPrincipal, Principal, requires

router = APIRouter(tags=["receptions"])


async def _command(
    call: Awaitable[Entry],
    uow: PetitionsUoW,
    actor: Principal,
    verb: str,
    reception_id: str,
    entry_id: str,
) -> EntryOut:
    """Run a command on one visit, audited as ``reception.entry.<verb>``."""
    target = f"reception:{reception_id}/entry:{entry_id}"
    action = f"reception.entry.{verb}"
    entry = await run_command(call, uow=uow, actor=actor, action=action, target=target)
    return EntryOut.of(entry, now=uow.clock.now())


@router.post(
    "/receptions/{reception_id}/entries",
    status_code=201,
    response_model=EntryOut,
    **requires("officer"),
    summary="Ghi nhận một lượt tiếp công dân — log a visit (REC-REPLY clock starts)",
)
async def add_entry(
    reception_id: str,
    body: EntryIn,
    rules: Rules,
    sealer: SealerDep,
    uow: PetitionsUoW,
    actor: CurrentPrincipal,
) -> EntryOut:
    entry_id = str(uuid.uuid4())
    logged = handlers.add_entry(
        uow=uow,
        rules=rules,
        sealer=sealer,
        reception_id=reception_id,
        entry_id=entry_id,
        created_by=actor.sub,
        # Fields not given are left out: a visitor is sealed with what they gave only.
        **body.model_dump(exclude_none=True),
    )
    return await _command(logged, uow, actor, "add", reception_id, entry_id)


@router.post(
    "/receptions/{reception_id}/entries/{entry_id}/reply",
    response_model=EntryOut,
    **requires("officer"),
    summary="Trả lời lượt tiếp công dân — reply to a visit (REC-REPLY)",
)
async def reply_entry(
    reception_id: str, entry_id: str, body: ReplyIn, uow: PetitionsUoW, actor: CurrentPrincipal
) -> EntryOut:
    replied = handlers.reply_entry(
        uow=uow,
        reception_id=reception_id,
        entry_id=entry_id,
        replied_by=actor.sub,
        **body.model_dump(),
    )
    return await _command(replied, uow, actor, "reply", reception_id, entry_id)
