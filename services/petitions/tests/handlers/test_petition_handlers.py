"""Petitions' handlers on the fakes, through the pipeline a route uses (``run_command``): no
database, no broker, a fixed clock. What they leave behind is read from the fake unit of work:
committed events, audit records, repository contents. Covers the petition commands
(handlers/petitions.py), the escalation sweep (handlers/clocks.py) and the sealed identity
(handlers/identity.py)."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from qcdc_petitions.domain.petition import Actor, Petition
from qcdc_petitions.fakes import EscalationRow, FakePetitionsUnitOfWork
from qcdc_petitions.handlers import petitions
from qcdc_petitions.handlers.clocks import OVERDUE_SWEEP
from qcdc_petitions.handlers.identity import (
    Reader,
    read_identity,
    record_refused_read,
    reseal_identities,
)
from qcdc_shared.api.commands import run_command
from qcdc_shared.api.problems import Problem
from qcdc_shared.audit import pseudonym
from qcdc_shared.auth import Principal
from qcdc_shared.clock import LOCAL_TZ, FixedClock
from qcdc_shared.law.calendar import WorkingCalendar
from qcdc_shared.law.rulebook import RuleBook
from qcdc_shared.law.rules import load_rule_table
from qcdc_shared.sealing import Sealer, new_key
from qcdc_shared.sweeps import sweep_each
from qcdc_shared.unit_of_work import SWEEPER

pytestmark = pytest.mark.unit

WARD = "ben-thanh"
RULES = RuleBook(load_rule_table(), WorkingCalendar())
KEY = new_key()
SEALER = Sealer([KEY])
PSEUDONYM_KEY = "handler-tests"
OFFICER = Principal(sub="can-bo-1", role="officer", ward=WARD)
HANDLER = Principal(sub="can-bo-2", role="officer", ward=WARD)
CITIZEN = Principal(sub="cong-dan-1", role="citizen")
PETITIONER = {"name": "Nguyễn Thị Tố Cáo", "address": "12 Lê Lợi", "phone": "0903123456"}
THURSDAY = dt.datetime(2026, 11, 26, 9, 0, tzinfo=LOCAL_TZ)
RECEIVED = "vn.qcdc.petitions.petition.received.v1"


def fake(at: dt.datetime = THURSDAY) -> FakePetitionsUnitOfWork:
    return FakePetitionsUnitOfWork(ward=WARD, clock=FixedClock(at))


def alias(identity: str) -> str:
    return pseudonym(PSEUDONYM_KEY, identity)


def staff(principal: Principal) -> Actor:
    return Actor(principal.role, principal.sub)


async def submit(
    uow: FakePetitionsUnitOfWork,
    *,
    kind: str = "feedback",
    by: Principal = CITIZEN,
    petition_id: str = "p-1",
    received_at: dt.datetime | None = None,
    anonymous: bool = False,
) -> Petition:
    """As ``POST /petitions`` does it: the alias, the history's actor and the audited one."""
    online = by.role == "citizen"
    petitioner_alias = alias(by.sub if online and not anonymous else f"petition:{petition_id}")
    call = petitions.submit_petition(
        uow=uow,
        rules=RULES,
        sealer=SEALER,
        petition_id=petition_id,
        by=Actor("citizen", petitioner_alias) if online else staff(by),
        online=online,
        petitioner_alias=petitioner_alias,
        kind=kind,  # type: ignore[arg-type]
        title="Đèn đường hỏng",
        body="Đèn đường trước số 12 Lê Lợi hỏng đã hai tuần.",
        petitioner=None if anonymous else dict(PETITIONER),
        anonymous=anonymous,
        received_at=received_at,
    )
    audited = by.model_copy(update={"sub": petitioner_alias, "name": None}) if online else by
    return await run_command(
        call, uow=uow, actor=audited, action="petition.submit", target=f"petition:{petition_id}"
    )


async def act(
    uow: FakePetitionsUnitOfWork,
    verb: str,
    petition_id: str = "p-1",
    by: Principal = OFFICER,
    **fields: Any,
) -> Petition:
    """As ``POST /petitions/{id}/{verb}`` does it, for an officer's step."""
    handler = getattr(petitions, f"{verb}_petition")
    if verb in ("accept", "forward", "extend", "answer"):
        fields["rules"] = RULES
    call = handler(uow=uow, by=staff(by), petition_id=petition_id, **fields)
    petition: Petition = await run_command(
        call, uow=uow, actor=by, action=f"petition.{verb}", target=f"petition:{petition_id}"
    )
    return petition


async def test_a_citizen_submits_online_sealed_and_audited_under_a_pseudonym() -> None:
    uow = fake()
    petition = await submit(uow)
    assert [d.rule for d in petition.deadlines] == ["FB-FWD", "REC-REPLY"]
    assert uow.event_types() == [RECEIVED]
    assert uow.events[0].data["petition_id"] == "p-1" and uow.events[0].sequence == 1
    (audit,) = uow.audit_log
    assert (audit.actor, audit.role, audit.action, audit.target, audit.outcome) == (
        alias(CITIZEN.sub),
        "citizen",
        "petition.submit",
        "petition:p-1",
        "ok",
    )
    stored = await uow.petitions.get("p-1")
    assert stored is not None and stored.history[0].actor == Actor("citizen", alias("cong-dan-1"))
    sealed = await uow.petitions.sealed_identity("p-1")
    assert sealed is not None and SEALER.unseal(sealed) == PETITIONER
    for value in PETITIONER.values():
        assert value not in repr(uow.events) + repr(uow.audit_log)


async def test_paper_before_inf_req_took_effect_is_a_422_naming_the_rule_not_a_crash() -> None:
    uow = fake()
    long_ago = dt.datetime(2010, 1, 1, tzinfo=LOCAL_TZ)  # before every INF-REQ row
    with pytest.raises(Problem) as refused:
        await submit(uow, kind="information_request", by=OFFICER, received_at=long_ago)
    assert refused.value.status == 422 and refused.value.rule == "INF-REQ.post"
    assert "INF-REQ.post" in refused.value.detail_en
    assert uow.petitions.items == {} and uow.events == []
    (audit,) = uow.audit_log
    assert (audit.actor, audit.action, audit.outcome) == ("can-bo-1", "petition.submit", "refused")
    assert audit.detail == {"rule": "INF-REQ.post"}


async def test_an_online_petition_cannot_carry_a_date_of_receipt() -> None:
    uow = fake()
    with pytest.raises(Problem) as refused:
        await submit(uow, received_at=THURSDAY - dt.timedelta(days=3))
    assert refused.value.status == 422
    assert uow.petitions.items == {} and uow.events == []
    assert [(a.outcome, a.detail) for a in uow.audit_log] == [("refused", {"rule": None})]


async def test_a_complaint_from_receipt_to_closing_commits_each_event_in_order() -> None:
    uow = fake()
    await submit(uow, kind="complaint")
    await act(uow, "assign", handler="can-bo-2")
    accepted = await act(uow, "accept", complex_reason="nhiều bên liên quan")
    assert [d.rule for d in accepted.deadlines] == ["CMP-ACCEPT", "CMP-RESOLVE.complex"]
    await act(uow, "answer", text="Giữ nguyên quyết định xử phạt.")
    closed = await act(uow, "close")
    assert (closed.status, closed.version) == ("closed", 5)
    assert [(e.type.split(".")[-2], e.sequence) for e in uow.events] == [
        ("received", 1),
        ("assigned", 2),
        ("accepted", 3),
        ("answered", 4),
        ("closed", 5),
    ]
    assert [(a.action, a.outcome) for a in uow.audit_log][1:] == [
        ("petition.assign", "ok"),
        ("petition.accept", "ok"),
        ("petition.answer", "ok"),
        ("petition.close", "ok"),
    ]
    assert uow.events[3].data["on_time"] is True and uow.events[3].data["public_interest"] is False
    # Event-carried state: the answer says what the petition is now, with its clocks.
    assert uow.events[3].data["status"] == "answered"
    # The answer is the complaint's decision: its publication clock starts (CMP-RESOLVE.publish).
    assert [(d["rule"], d["met"]) for d in uow.events[3].data["deadlines"]] == [
        ("CMP-ACCEPT", True),
        ("CMP-RESOLVE.complex", True),
        ("CMP-RESOLVE.publish", None),
    ]
    assert uow.commits == 5


@pytest.mark.parametrize(
    ("verb", "fields", "status"),
    [
        ("refuse", {"reason": "Không thuộc phạm vi khiếu nại"}, "refused"),
        ("forward", {"to": "UBND thành phố", "reason": "Ngoài thẩm quyền"}, "forwarded"),
    ],
)
async def test_a_refusal_and_a_forwarding_are_their_own_events(
    verb: str, fields: dict[str, Any], status: str
) -> None:
    uow = fake()
    await submit(uow, kind="complaint" if verb == "refuse" else "feedback")
    await act(uow, verb, **fields)
    own, legacy = uow.events[1:]
    assert own.type == f"vn.qcdc.petitions.petition.{status}.v1"
    assert own.data["status"] == status and own.sequence == 2
    # Beside it until 2027-06-30, for subscribers of the old form: the same state.
    assert legacy.type == "vn.qcdc.petitions.petition.accepted.v1"
    assert legacy.data["accepted"] is False and legacy.data["status"] == status
    assert legacy.sequence == own.sequence
    assert "reason" not in own.data and "to" not in own.data  # they stay in the service


async def test_a_refused_step_changes_nothing_and_is_audited_with_its_rule() -> None:
    uow = fake()
    await submit(uow, kind="denunciation")
    accepted = await act(uow, "accept")
    with pytest.raises(Problem) as refused:
        await act(uow, "extend", reason="Vụ việc rất phức tạp", days=200)
    assert refused.value.status == 422 and refused.value.rule == "DEN-RESOLVE"
    stored = await uow.petitions.get("p-1")
    assert stored is not None and stored.version == accepted.version
    assert uow.event_types() == [RECEIVED, "vn.qcdc.petitions.petition.accepted.v1"]
    last = uow.audit_log[-1]
    assert (last.action, last.outcome, last.detail) == (
        "petition.extend",
        "refused",
        {"rule": "DEN-RESOLVE"},
    )


async def test_an_unknown_petition_is_a_404_audited_as_refused() -> None:
    uow = fake()
    with pytest.raises(Problem) as missing:
        await act(uow, "close", petition_id="nope")
    assert missing.value.status == 404 and missing.value.detail_en == "No petition nope."
    assert uow.events == []
    assert [(a.target, a.outcome) for a in uow.audit_log] == [("petition:nope", "refused")]


async def test_the_code_holder_escalates_an_answer_once_under_the_petitioners_alias() -> None:
    uow = fake()
    created = await submit(uow)
    await act(uow, "answer", text="Đã xử lý.")
    stranger = alias("cong-dan-9")

    async def escalate(code: str) -> Petition:
        who = await petitions.code_holder_alias(
            uow=uow, petition_id="p-1", tracking_code=code, caller_alias=stranger
        )
        call = petitions.escalate_petition(
            uow=uow, petition_id="p-1", tracking_code=code, reason="Không đồng ý"
        )
        audited = CITIZEN.model_copy(update={"sub": who})
        return await run_command(
            call, uow=uow, actor=audited, action="petition.escalate", target="petition:p-1"
        )

    with pytest.raises(Problem) as wrong:
        await escalate("BT-2222-2222")
    assert (wrong.value.status, wrong.value.rule) == (422, "PET-ESC")
    assert uow.audit_log[-1].actor == stranger  # a wrong code: the caller, pseudonymous

    typed = created.tracking_code.lower().replace("-", " - ")  # as a citizen may type it
    escalated = await escalate(typed)
    assert escalated.escalated == ("PET-ESC",)
    assert uow.audit_log[-1].actor == alias(CITIZEN.sub)  # the petitioner's own alias
    assert uow.events[-1].type == "vn.qcdc.petitions.petition.escalated.v1"
    assert (uow.events[-1].data["rule"], uow.events[-1].data["by"]) == ("PET-ESC", "citizen")
    assert [(e.rule, e.by) for e in uow.petitions.escalations] == [("PET-ESC", "citizen")]

    with pytest.raises(Problem) as again:
        await escalate(created.tracking_code)
    assert again.value.status == 409
    assert [e.type for e in uow.events].count("vn.qcdc.petitions.petition.escalated.v1") == 1


async def test_the_sweep_escalates_a_passed_deadline_once_whatever_the_ticks() -> None:
    uow = fake()
    forty_days_ago = THURSDAY - dt.timedelta(days=40)
    await submit(uow, kind="denunciation", by=OFFICER, received_at=forty_days_ago)

    assert await sweep_each(lambda: uow, OVERDUE_SWEEP) == 1
    for _ in range(3):  # more ticks, and a restart, find nothing to do
        assert await sweep_each(lambda: uow, OVERDUE_SWEEP) == 0

    assert [(e.type.split(".")[-2], e.sequence, e.data["rule"]) for e in uow.events[1:]] == [
        ("overdue", 2, "DEN-INTAKE"),
        ("escalated", 3, "DEN-INTAKE"),
    ]
    assert uow.events[-1].data["by"] == "sweeper"
    swept = uow.audit_log[-1]
    assert (swept.actor, swept.role, swept.action, swept.target, swept.detail) == (
        SWEEPER.sub,
        "system",
        "petition.escalate",
        "petition:p-1",
        {"rule": "DEN-INTAKE"},
    )
    petition = await uow.petitions.get("p-1")
    assert petition is not None and petition.escalated == ("DEN-INTAKE",)
    assert [h.action for h in petition.history] == ["received", "overdue", "escalated"]
    assert [(e.rule, e.by) for e in uow.petitions.escalations] == [("DEN-INTAKE", "sweeper")]


async def test_a_deadline_another_process_escalated_first_is_skipped_unsent() -> None:
    uow = fake()
    await submit(uow, kind="denunciation", by=OFFICER, received_at=THURSDAY - dt.timedelta(days=40))
    # A second sweeper wrote its escalations row first (the unique pair in the database).
    uow.petitions.escalations.append(EscalationRow("p-1", "DEN-INTAKE", "sweeper", THURSDAY))

    assert await sweep_each(lambda: uow, OVERDUE_SWEEP) == 0
    assert uow.event_types() == [RECEIVED]  # nothing published, nothing audited
    assert [a.action for a in uow.audit_log] == ["petition.submit"]
    petition = await uow.petitions.get("p-1")
    assert petition is not None and petition.version == 1 and petition.escalated == ()


async def test_nothing_is_due_before_a_deadline_ends() -> None:
    uow = fake()
    await submit(uow, kind="denunciation", by=OFFICER)
    assert await sweep_each(lambda: uow, OVERDUE_SWEEP) == 0
    assert uow.event_types() == [RECEIVED]


async def read(
    uow: FakePetitionsUnitOfWork, who: Principal, petition_id: str = "p-1"
) -> dict[str, Any] | None:
    """As ``GET /petitions/{id}/identity`` does it: every attempt logged and audited; a refused
    one is a 403 problem, its access-log row kept by the refusal's own transaction."""
    reader = Reader(ref=who.sub, role=who.role, ward=who.ward)
    call = read_identity(uow=uow, sealer=SEALER, reader=reader, petition_id=petition_id)

    async def keep(problem: Problem) -> None:
        if problem.rule == "DEN-SECRET":
            await record_refused_read(uow=uow, reader=reader, petition_id=petition_id)

    result = await run_command(
        call,
        uow=uow,
        actor=who,
        action="petition.identity.read",
        target=f"petition:{petition_id}",
        on_refusal=keep,
    )
    return result.petitioner


async def test_only_the_assigned_handler_reads_the_identity_and_every_attempt_is_logged() -> None:
    uow = fake()
    await submit(uow, kind="denunciation")
    with pytest.raises(Problem) as refused:
        await read(uow, HANDLER)  # not assigned yet
    assert (refused.value.status, refused.value.rule) == (403, "DEN-SECRET")
    await act(uow, "assign", handler=HANDLER.sub)
    other_ward = Principal(sub=HANDLER.sub, role="officer", ward="tan-dinh")
    for who in (OFFICER, other_ward, Principal(sub="ban-ttnd-1", role="inspector", ward=WARD)):
        with pytest.raises(Problem):
            await read(uow, who)
    assert await read(uow, HANDLER) == PETITIONER

    assert [(r.reader, r.reader_ward, r.outcome) for r in uow.identity_log.rows] == [
        ("can-bo-2", WARD, "refused"),
        ("can-bo-1", WARD, "refused"),
        ("can-bo-2", "tan-dinh", "refused"),
        ("ban-ttnd-1", WARD, "refused"),
        ("can-bo-2", WARD, "granted"),
    ]
    reads = [a for a in uow.audit_log if a.action == "petition.identity.read"]
    # Every attempt committed with its audit record, a refused one audited as refused.
    assert [(a.outcome, a.detail) for a in reads] == [
        *[("refused", {"rule": "DEN-SECRET"})] * 4,
        ("ok", None),
    ]
    assert uow.event_types() == [RECEIVED, "vn.qcdc.petitions.petition.assigned.v2"]


async def test_reading_the_identity_of_an_unknown_petition_is_a_404() -> None:
    uow = fake()
    with pytest.raises(Problem) as missing:
        await read(uow, HANDLER, petition_id="nope")
    assert missing.value.status == 404
    assert uow.identity_log.rows == []
    assert [(a.action, a.outcome) for a in uow.audit_log] == [("petition.identity.read", "refused")]


async def test_a_key_rotation_reseals_every_identity() -> None:
    uow = fake()
    await submit(uow, petition_id="p-1")
    await submit(uow, petition_id="p-2", kind="denunciation", anonymous=True)  # a lead: none
    fresh = new_key()
    assert await reseal_identities(petitions=uow.petitions, sealer=Sealer([fresh, KEY])) == 1
    resealed = await uow.petitions.sealed_identity("p-1")
    assert resealed is not None and Sealer([fresh]).unseal(resealed) == PETITIONER
