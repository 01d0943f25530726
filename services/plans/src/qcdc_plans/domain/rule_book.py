"""The rule book as the domain asks it: a refusal that names the rule, in both languages, where
no row of the rule is in force on the day asked about."""

from __future__ import annotations

import datetime as dt

from qcdc_shared.law.deadlines import Deadline
from qcdc_shared.law.rulebook import RuleBook
from qcdc_shared.law.rules import UnknownRule
from qcdc_shared.refusals import Refused


def deadline_in_force(rules: RuleBook, rule_id: str, start: dt.date) -> Deadline:
    """The deadline ``rule_id`` sets from ``start``, refused (422) if no row of it is in force
    that day."""
    try:
        return rules.deadline(rule_id, start)
    except UnknownRule:
        raise Refused(
            f"Chưa có quy tắc {rule_id} có hiệu lực vào ngày {start:%d/%m/%Y}.",
            f"No row of {rule_id} is in force on {start.isoformat()}.",
            rule=rule_id,
        ) from None
