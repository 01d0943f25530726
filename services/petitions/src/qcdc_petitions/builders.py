"""Petitions as the unit tests build them: instants in the ward's local time and a petition
received by the domain's own intake. For tests only (like fakes.py); the figures always come
from the rule book handed in."""

from __future__ import annotations

import datetime as dt

from qcdc_petitions.domain.petition import Actor, Petition, receive
from qcdc_shared.law.deadlines import VN_TZ
from qcdc_shared.law.rulebook import RuleBook
from qcdc_shared.settings import Settings

RULES = RuleBook.from_settings(Settings())
OFFICER = Actor("officer", "can-bo-1")
CITIZEN = Actor("citizen", "p:abc")
CODE = "BT-2345-6789"


def at(day: dt.date, hour: int = 9) -> dt.datetime:
    """``hour`` o'clock on ``day``, Vietnam time."""
    return dt.datetime.combine(day, dt.time(hour), VN_TZ)


def received(
    kind: str,
    day: dt.date,
    channel: str = "online",
    *,
    anonymous: bool = False,
    rules: RuleBook = RULES,
    hour: int = 9,
    by: Actor = OFFICER,
) -> Petition:
    """A petition of ``kind`` received at ``hour`` on ``day`` (named unless ``anonymous``);
    filed by a citizen (``by=CITIZEN``) it carries their pseudonym."""
    return receive(
        petition_id="p-1",
        ward="ben-thanh",
        tracking_code=CODE,
        kind=kind,  # type: ignore[arg-type]
        channel=channel,  # type: ignore[arg-type]
        title="t",
        body="b",
        received_at=at(day, hour),
        anonymous=anonymous,
        has_petitioner=not anonymous,
        actor=by,
        now=at(day, hour),
        rules=rules,
        petitioner_pseudonym=by.ref if by.role == "citizen" else None,
    )
