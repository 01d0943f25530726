"""The denouncer's notice of acceptance (DEN-INTAKE.notice), the notice of a complex
information request's time limit (INF-REQ.complex-notice), and information requests by
channel (online, post, fax, in_person; Law 104/2016 Arts. 29–31). Figures are read from the
rows; the dates are counted by hand in the comments."""

from __future__ import annotations

import datetime as dt

import pytest

from qcdc_petitions.adapters import bus
from qcdc_petitions.builders import OFFICER, RULES, at, received
from qcdc_petitions.domain import workflow
from qcdc_petitions.domain.notices import notify_denouncer
from qcdc_petitions.domain.petition import Actor, Petition, PetitionRefused
from qcdc_petitions.domain.settling import newly_overdue
from qcdc_petitions.fakes import FakePetitionsUnitOfWork
from qcdc_petitions.handlers import petitions as handlers
from qcdc_shared.clock import FixedClock
from qcdc_shared.refusals import Refused
from qcdc_shared.sealing import Sealer, new_key

pytestmark = pytest.mark.unit

D = dt.date
NOTICE = "DEN-INTAKE.notice"


def accepted_on(day: dt.date) -> Petition:
    return workflow.accept(
        received("denunciation", day - dt.timedelta(days=1)),
        actor=OFFICER,
        now=at(day, 15),
        rules=RULES,
    )


# ---- DEN-INTAKE.notice -----------------------------------------------------------------------


def test_acceptance_starts_the_denouncers_notice_from_the_decision() -> None:
    # Accepted Thu 3 Dec 2026: 5 working days → Fri 4, Mon 7, Tue 8, Wed 9, Thu 10 Dec.
    petition = accepted_on(D(2026, 12, 3))
    notice = petition.deadline(NOTICE)
    assert notice is not None and notice.is_open
    assert RULES.rule(NOTICE, D(2026, 12, 3)).amount == 5
    assert notice.deadline.due == D(2026, 12, 10)
    assert notice.deadline.start_date == D(2026, 12, 3)
    # It is no resolution clock: the answer still stops DEN-RESOLVE.
    assert petition.resolution is not None and petition.resolution.rule == "DEN-RESOLVE"
    # And it rides in the acceptance event with the others, open.
    (event,) = bus.accepted(petition)
    assert [(d.rule, d.met) for d in event.deadlines if d.rule == NOTICE] == [(NOTICE, None)]  # type: ignore[attr-defined]


def test_a_complaints_acceptance_has_no_denouncers_notice() -> None:
    complaint = workflow.accept(
        received("complaint", D(2026, 12, 2)), actor=OFFICER, now=at(D(2026, 12, 3)), rules=RULES
    )
    assert complaint.deadline(NOTICE) is None
    with pytest.raises(PetitionRefused) as refused:
        notify_denouncer(complaint, actor=OFFICER, now=at(D(2026, 12, 4)))
    assert refused.value.rule == NOTICE


@pytest.mark.parametrize(
    ("notified_on", "met"),
    [(D(2026, 12, 10), True), (D(2026, 12, 11), False)],
)
def test_notifying_the_denouncer_settles_the_notice_met_or_late(
    notified_on: dt.date, met: bool
) -> None:
    petition = accepted_on(D(2026, 12, 3))
    notified = notify_denouncer(petition, actor=OFFICER, now=at(notified_on, 16))
    assert notified.deadline(NOTICE).met is met  # type: ignore[union-attr]
    assert notified.deadline("DEN-RESOLVE").is_open  # type: ignore[union-attr]
    last = notified.history[-1]
    assert (last.action, dict(last.detail)) == (
        "denouncer_notified",
        {"rule": NOTICE, "on_time": met, "notified_at": at(notified_on, 16).isoformat()},
    )
    assert notified.status == petition.status and notified.version == petition.version + 1
    with pytest.raises(PetitionRefused) as again:
        notify_denouncer(notified, actor=OFFICER, now=at(notified_on, 17))
    assert again.value.conflict and again.value.rule == NOTICE


def test_a_notice_recorded_after_its_day_is_timed_by_when_it_was_given() -> None:
    # Accepted Thu 3 Dec; notice due Thu 10 Dec. Given on the 9th, recorded on the 14th: met.
    petition = accepted_on(D(2026, 12, 3))
    notified = notify_denouncer(
        petition, actor=OFFICER, now=at(D(2026, 12, 14)), notified_at=at(D(2026, 12, 9))
    )
    assert notified.deadline(NOTICE).met is True  # type: ignore[union-attr]
    assert notified.history[-1].at == at(D(2026, 12, 14))
    assert notified.history[-1].detail["notified_at"] == at(D(2026, 12, 9)).isoformat()


@pytest.mark.parametrize(
    "given",
    [at(D(2026, 12, 3), 14), at(D(2026, 12, 5), 10)],
    ids=["before-acceptance", "in-the-future"],
)
def test_a_notice_before_the_acceptance_or_in_the_future_is_refused(given: dt.datetime) -> None:
    petition = accepted_on(D(2026, 12, 3))  # accepted at 15:00
    with pytest.raises(PetitionRefused) as refused:
        notify_denouncer(petition, actor=OFFICER, now=at(D(2026, 12, 4)), notified_at=given)
    assert refused.value.rule == NOTICE and not refused.value.conflict
    assert refused.value.detail_vi and refused.value.detail_en


def test_answering_the_denunciation_leaves_the_notice_to_its_own_step() -> None:
    """The answer is not the notice of acceptance: DEN-INTAKE.notice stays open (and runs, so
    it can be overdue) until the notice is recorded, then settles by its own instant."""
    petition = accepted_on(D(2026, 12, 3))
    answered = workflow.answer(petition, actor=OFFICER, now=at(D(2026, 12, 4)), text="Kết luận")
    assert answered.deadline("DEN-RESOLVE").met is True  # type: ignore[union-attr]
    assert answered.deadline(NOTICE).is_open  # type: ignore[union-attr]
    closed = workflow.close(answered, actor=OFFICER, now=at(D(2026, 12, 7)))
    assert closed.deadline(NOTICE).is_open  # type: ignore[union-attr]
    notified = notify_denouncer(closed, actor=OFFICER, now=at(D(2026, 12, 11)))
    assert notified.deadline(NOTICE).met is False  # type: ignore[union-attr]


def test_a_denunciation_not_accepted_yet_has_no_one_to_notify() -> None:
    with pytest.raises(PetitionRefused) as refused:
        notify_denouncer(
            received("denunciation", D(2026, 12, 2)), actor=OFFICER, now=at(D(2026, 12, 3))
        )
    assert refused.value.conflict and refused.value.rule == NOTICE


def test_an_unsent_notice_is_overdue_like_any_deadline() -> None:
    petition = accepted_on(D(2026, 12, 3))
    assert newly_overdue(petition.deadlines, now=at(D(2026, 12, 10), 23), escalated=()) == []
    passed = newly_overdue(petition.deadlines, now=at(D(2026, 12, 11)), escalated=())
    assert [rule for rule, _ in passed] == [NOTICE]
    # Once sent (late), it is no longer open and never escalated.
    late = notify_denouncer(petition, actor=OFFICER, now=at(D(2026, 12, 14)))
    assert newly_overdue(late.deadlines, now=at(D(2026, 12, 15)), escalated=()) == []


# ---- DEN-RESOLVE: especially complex ------------------------------------------------------------


def test_declaring_especially_complex_at_the_first_extension_moves_to_its_row() -> None:
    petition = accepted_on(D(2026, 12, 3))
    special = workflow.extend(
        petition,
        actor=OFFICER,
        now=at(D(2026, 12, 20)),
        rules=RULES,
        reason="đặc biệt phức tạp",
        especially_complex=True,
    )
    resolution = special.resolution
    assert resolution is not None and resolution.rule == "DEN-RESOLVE.especially-complex"
    assert len(resolution.deadline.extensions) == 1
    assert special.history[-1].detail["rule"] == "DEN-RESOLVE.especially-complex"


def test_only_a_denunciation_is_declared_especially_complex() -> None:
    request = received("information_request", D(2026, 11, 30))
    with pytest.raises(PetitionRefused) as refused:
        workflow.extend(
            request,
            actor=OFFICER,
            now=at(D(2026, 12, 1)),
            rules=RULES,
            reason="x",
            especially_complex=True,
        )
    assert refused.value.rule == "DEN-RESOLVE"


# ---- INF-REQ.complex-notice ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("declared_on", "met"),
    # Received Mon 30 Nov 2026 by post: 3 working days → Tue 1, Wed 2, Thu 3 Dec.
    [(D(2026, 12, 3), True), (D(2026, 12, 4), False)],
)
def test_declaring_complex_records_the_notice_counted_from_receipt(
    declared_on: dt.date, met: bool
) -> None:
    request = received("information_request", D(2026, 11, 30), "post")
    declared = workflow.extend(
        request, actor=OFFICER, now=at(declared_on, 16), rules=RULES, reason="nhiều tài liệu"
    )
    notice = declared.deadline("INF-REQ.complex-notice")
    assert notice is not None and notice.met is met
    assert notice.deadline.due == D(2026, 12, 3) and notice.deadline.start_date == D(2026, 11, 30)
    assert RULES.rule("INF-REQ.complex-notice", D(2026, 11, 30)).amount == 3
    assert declared.resolution is not None and declared.resolution.rule == "INF-REQ.complex"
    detail = declared.history[-1].detail
    assert (detail["notice"], detail["notice_on_time"]) == ("INF-REQ.complex-notice", met)
    # The notice is given once: a further extension adds no second one.
    more = workflow.extend(
        declared, actor=OFFICER, now=at(D(2026, 12, 7)), rules=RULES, reason="tra cứu", days=5
    )
    assert [d.rule for d in more.deadlines].count("INF-REQ.complex-notice") == 1


# ---- channels -----------------------------------------------------------------------------------


def fake() -> FakePetitionsUnitOfWork:
    return FakePetitionsUnitOfWork(ward="ben-thanh", clock=FixedClock(at(D(2026, 11, 30), 10)))


async def submit(online: bool, channel: str | None) -> Petition:
    uow = fake()
    return await handlers.submit_petition(
        uow=uow,
        rules=RULES,
        sealer=Sealer([new_key()]),
        petition_id="p-1",
        by=Actor("citizen", "p:x") if online else OFFICER,
        online=online,
        petitioner_alias="p:x",
        kind="information_request",
        title="Xin thông tin quy hoạch",
        body="Đề nghị cung cấp bản đồ quy hoạch.",
        petitioner={"name": "Trần Văn A", "address": "1 Lê Lợi"},
        channel=channel,
    )


@pytest.mark.parametrize(
    ("online", "given", "stored", "rule"),
    [
        (True, None, "online", "INF-REQ.simple"),
        (True, "online", "online", "INF-REQ.simple"),
        (False, "post", "post", "INF-REQ.post"),
        (False, "fax", "fax", "INF-REQ.post"),
        (False, "in_person", "in_person", "INF-REQ.post"),
        # An officer's record without a channel keeps what was stored before.
        (False, None, "paper", "INF-REQ.post"),
    ],
)
async def test_the_channel_is_stored_and_chooses_the_row(
    online: bool, given: str | None, stored: str, rule: str
) -> None:
    petition = await submit(online, given)
    assert petition.channel == stored
    assert [d.rule for d in petition.deadlines] == [rule]
    assert petition.history[0].detail["channel"] == stored
    event = bus.received(petition)
    assert event.channel == stored  # type: ignore[attr-defined]
    assert "Trần" not in event.model_dump_json()


@pytest.mark.parametrize(
    ("online", "given"), [(True, "post"), (True, "fax"), (False, "online"), (False, "telegram")]
)
async def test_a_channel_the_caller_cannot_use_is_refused(online: bool, given: str) -> None:
    with pytest.raises(Refused) as refused:
        await submit(online, given)
    assert refused.value.rule == "INF-REQ" and not refused.value.conflict
