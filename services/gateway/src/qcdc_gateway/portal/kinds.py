"""What a resident reads before filing: for each kind of petition, the clocks that will run
and their figures from the rule table in force on the day (the rows the petitions service
applies to a petition received that day online; domain/petition.py there names them)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Final

from qcdc_gateway.web.i18n import RULE_UNITS
from qcdc_shared.law.rulebook import RuleBook
from qcdc_shared.law.rules import UnknownRule

# Kinds a resident may send without name and address. A complaint names the complainant (Law
# on Complaints Art. 8; the service refuses it anonymous). An information request names the
# requester (Law on Access to Information Art. 24), though the service would take it. An
# anonymous denunciation is kept as an inspection lead, not a denunciation (DEN-INTAKE).
ANONYMOUS_KINDS: Final = frozenset({"feedback", "denunciation"})
# The fields a kind's form shows beyond title, body, group and the petitioner.
ONLY_FOR: Final[dict[str, str]] = {"act_date": "complaint", "location": "feedback"}

# Kinds a resident files, in the order the form lists them, each with the rows of the clocks
# that run for it: from receipt, and after acceptance where the kind is accepted first.
KIND_RULES: Final[dict[str, tuple[str, ...]]] = {
    "feedback": ("FB-FWD", "REC-REPLY"),
    "complaint": ("CMP-FILE", "CMP-ACCEPT", "CMP-RESOLVE", "CMP-RESOLVE.complex"),
    "denunciation": ("DEN-INTAKE", "DEN-RESOLVE"),
    "information_request": ("INF-REQ.simple", "INF-REQ.complex"),
}


@dataclass(frozen=True)
class ClockHelp:
    rule: str
    figure: str  # "10 ngày", "5 working days": the row's amount and unit
    summary: str


def figure(amount: object, unit: str, lang: str) -> str:
    words = RULE_UNITS.get(unit, ("", ""))
    word = words[0] if lang == "vi" else words[1]
    return f"{amount} {word}".strip() if amount is not None else ""


def clocks(kind: str, *, rules: RuleBook, on: dt.date, lang: str) -> list[ClockHelp]:
    """The clocks of ``kind`` with the rows in force ``on``; a row not yet in force is left
    out rather than guessed."""
    found = []
    for rule_id in KIND_RULES[kind]:
        try:
            row = rules.rule(rule_id, on)
        except UnknownRule:
            continue
        found.append(
            ClockHelp(
                rule=rule_id,
                figure=figure(row.amount, row.unit, lang),
                summary=row.summary_vi if lang == "vi" else row.summary,
            )
        )
    return found
