"""DEN-SECRET: the identity is sealed at rest, opened only for the assigned handler, and every
attempt, granted or refused, is in the access log the inspection board and the front read."""

from __future__ import annotations

import pytest
from pydantic import SecretStr
from sqlalchemy import select, text

from qcdc_petitions.adapters.tables import petitions as petitions_table
from qcdc_petitions.reseal import reseal
from qcdc_petitions.testing import PETITIONER, Petitions
from qcdc_shared.sealing import Sealer, new_key
from qcdc_shared.settings import DEVELOPMENT_IDENTITY_KEY
from qcdc_shared.tables import audit_log

pytestmark = pytest.mark.integration


async def test_only_the_assigned_handler_reads_the_identity_and_every_attempt_is_logged(
    petitions: Petitions,
) -> None:
    created = await petitions.submitted(kind="denunciation")
    pid = created["id"]
    http = petitions.http
    url = f"/petitions/{pid}/identity"

    unassigned = await http.get(url, headers=petitions.officer("can-bo-2"))
    assert unassigned.status_code == 403
    assert unassigned.headers["content-type"] == "application/problem+json"
    assert unassigned.json()["rule"] == "DEN-SECRET"

    # Assignment opens the identity, so an officer cannot assign a petition to themselves.
    self_assigned = await http.post(
        f"/petitions/{pid}/assign",
        json={"handler": "can-bo-2"},
        headers=petitions.officer("can-bo-2"),
    )
    assert self_assigned.status_code == 422 and self_assigned.json()["rule"] == "DEN-SECRET"
    assert (await http.get(url, headers=petitions.officer("can-bo-2"))).status_code == 403

    await petitions.command(pid, "assign", {"handler": "can-bo-2"})
    not_theirs = await http.get(url, headers=petitions.officer("can-bo-3"))
    inspector = await http.get(url, headers=petitions.inspector())
    other_ward = await http.get(url, headers=petitions.token("officer", "tan-dinh", sub="can-bo-2"))
    admin = await http.get(url, headers=petitions.token("admin", None, sub="quan-tri"))
    assert {r.status_code for r in (not_theirs, inspector, other_ward, admin)} == {403}
    assert all(PETITIONER["name"] not in r.text for r in (not_theirs, inspector, admin))

    handler = await http.get(url, headers=petitions.officer("can-bo-2"))
    assert handler.status_code == 200, handler.text
    assert handler.json()["petitioner"] == PETITIONER
    assert handler.headers["cache-control"] == "no-store"

    log = await http.get(f"/identity-access-log?petition_id={pid}", headers=petitions.inspector())
    assert log.status_code == 200, log.text
    rows = [(r["reader"], r["role"], r["outcome"]) for r in reversed(log.json()["items"])]
    assert rows == [
        ("can-bo-2", "officer", "refused"),
        ("can-bo-2", "officer", "refused"),  # after trying to assign it to themselves
        ("can-bo-3", "officer", "refused"),
        ("ban-ttnd-1", "inspector", "refused"),
        ("can-bo-2", "officer", "refused"),  # same account name, another ward's token
        ("quan-tri", "admin", "refused"),
        ("can-bo-2", "officer", "granted"),
    ]
    async with petitions.runtime.sessionmaker() as session:
        audited = (
            await session.execute(
                select(audit_log.c.actor, audit_log.c.target)
                .where(audit_log.c.action == "petition.identity.read")
                .order_by(audit_log.c.id)
            )
        ).all()
    assert [(actor, target) for actor, target in audited] == [
        (reader, f"petition:{pid}") for reader, _, _ in rows
    ]  # every attempt in the audit trail too, committed with its access-log row
    assert (await http.get("/identity-access-log", headers=petitions.front())).status_code == 200
    for forbidden in (petitions.officer(), petitions.citizen()):
        assert (await http.get("/identity-access-log", headers=forbidden)).status_code == 403


async def test_the_identity_is_stored_only_sealed_and_survives_a_key_rotation(
    petitions: Petitions,
) -> None:
    pid = (await petitions.submitted(kind="complaint"))["id"]
    async with petitions.runtime.sessionmaker() as session:
        sealed = await session.scalar(
            select(petitions_table.c.identity_sealed).where(petitions_table.c.id == pid)
        )
        dump = ""
        for table in ("petitions", "petition_history", "outbox", "audit_log"):
            dump += str((await session.execute(text(f"SELECT * FROM {table}"))).all())
    assert sealed and PETITIONER["name"] not in sealed
    for value in PETITIONER.values():
        assert value not in dump

    fresh = new_key()
    rotated = petitions.settings.model_copy(
        update={
            "identity_key": SecretStr(fresh),
            "identity_old_keys": [SecretStr(DEVELOPMENT_IDENTITY_KEY)],
        }
    )
    assert await reseal(rotated) == 1  # the operator's command, on the same database
    async with petitions.runtime.sessionmaker() as session:
        resealed = await session.scalar(
            select(petitions_table.c.identity_sealed).where(petitions_table.c.id == pid)
        )
    assert resealed != sealed
    assert Sealer([fresh]).unseal(resealed) == PETITIONER
    with pytest.raises(ValueError):  # sealed under the new key: the old one alone cannot open it
        Sealer([DEVELOPMENT_IDENTITY_KEY]).unseal(resealed)
