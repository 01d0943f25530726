"""Notices the law asks of the ward while a petition runs, each a deadline of its own row:
the denouncer told of the acceptance (DEN-INTAKE.notice, from the acceptance decision) and the
requester told of the time limit of a complex information request (INF-REQ.complex-notice,
from receipt). Pure; the figures are the rows'.
"""

from __future__ import annotations

import datetime as dt

from qcdc_petitions.domain.petition import (
    Actor,
    Petition,
    PetitionRefused,
    step,
)
from qcdc_petitions.domain.settling import PetitionDeadline, settle
from qcdc_shared.law.rulebook import RuleBook

DENOUNCER_NOTICE = "DEN-INTAKE.notice"
COMPLEX_NOTICE = "INF-REQ.complex-notice"


def denouncer_notice(rules: RuleBook, accepted_at: dt.datetime) -> PetitionDeadline:
    """DEN-INTAKE.notice: opened by the acceptance decision, settled by :func:`notify_denouncer`."""
    return PetitionDeadline(rules.deadline(DENOUNCER_NOTICE, accepted_at))


def complex_notice(petition: Petition, rules: RuleBook, now: dt.datetime) -> PetitionDeadline:
    """INF-REQ.complex-notice, counted from receipt and given at ``now`` (the declaration that
    the request is complex states its time limit): met when on or before its due day."""
    return PetitionDeadline(rules.deadline(COMPLEX_NOTICE, petition.received_at)).settled(now)


def notify_denouncer(
    petition: Petition, *, actor: Actor, now: dt.datetime, notified_at: dt.datetime | None = None
) -> Petition:
    """Record that the denouncer was told of the acceptance, at ``notified_at`` (default: now;
    an officer may record it afterwards): DEN-INTAKE.notice met or late by that instant."""
    notice = petition.deadline(DENOUNCER_NOTICE)
    if petition.kind != "denunciation":
        raise PetitionRefused(
            "Chỉ thông báo thụ lý cho người tố cáo (tố cáo có tên, đã thụ lý).",
            "Only a named denunciation, once accepted, has a denouncer to notify.",
            rule=DENOUNCER_NOTICE,
        )
    if notice is None:
        raise PetitionRefused(
            "Tố cáo chưa được thụ lý: thông báo cho người tố cáo sau quyết định thụ lý.",
            "The denunciation is not accepted yet: the denouncer is notified after acceptance.",
            rule=DENOUNCER_NOTICE,
            conflict=True,
        )
    if not notice.is_open:
        raise PetitionRefused(
            "Việc thông báo thụ lý cho người tố cáo đã được ghi nhận.",
            "The notice to the denouncer is already recorded.",
            rule=DENOUNCER_NOTICE,
            conflict=True,
        )
    given = notified_at or now
    assert petition.accepted_at is not None  # the notice opens with the acceptance
    if given > now or given < petition.accepted_at:
        raise PetitionRefused(
            "Thời điểm thông báo cho người tố cáo phải từ lúc thụ lý đến nay.",
            "The notice to the denouncer lies between the acceptance and now.",
            rule=DENOUNCER_NOTICE,
        )
    deadlines = settle(petition.deadlines, given, [DENOUNCER_NOTICE])
    settled = next(d for d in deadlines if d.rule == DENOUNCER_NOTICE)
    return step(
        petition,
        action="denouncer_notified",
        actor=actor,
        now=now,
        detail={
            "rule": DENOUNCER_NOTICE,
            "on_time": settled.met,
            "notified_at": given.isoformat(),
        },
        deadlines=deadlines,
    )
