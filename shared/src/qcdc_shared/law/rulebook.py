"""The rule table and the working calendar in force for this city, as one object domains use.

Domains ask it for a deadline or a rule row; they never hold a legal number themselves.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from qcdc_shared.law.calendar import WorkingCalendar
from qcdc_shared.law.deadlines import Deadline, Extension, Suspension, compute_deadline
from qcdc_shared.law.rules import Rule, RuleTable, load_rule_table
from qcdc_shared.settings import Settings


@dataclass(frozen=True)
class RuleBook:
    table: RuleTable
    calendar: WorkingCalendar

    @classmethod
    def from_settings(cls, settings: Settings) -> RuleBook:
        return cls(
            load_rule_table(settings.rule_overrides_file), WorkingCalendar.from_settings(settings)
        )

    def rule(self, rule_id: str, on: dt.date) -> Rule:
        return self.table.rule(rule_id, on)

    def applies(self, rule_id: str, *, to: int, on: dt.date) -> bool:
        """Whether a category- or topic-scoped rule covers ``to`` (e.g. PUB-MIN30 and the
        category of a posting)."""
        return to in self.table.rule(rule_id, on).applies_to

    def row_covering(self, rule_id: str, *, to: int, on: dt.date) -> Rule | None:
        """The row of a rule with several variants (``DEC-PASS`` → ``DEC-PASS.money`` or
        ``DEC-PASS.other``) whose ``applies_to`` covers ``to`` on ``on``; None if none does."""
        variants = sorted(i for i in self.table.row_ids() if i.split(".", 1)[0] == rule_id)
        for variant in variants:
            row = self.table.rule(variant, on)
            if to in row.applies_to:
                return row
        return None

    def deadline(
        self,
        rule_id: str,
        start: dt.datetime | dt.date,
        extensions: Sequence[Extension | tuple[int, str, str]] = (),
        suspensions: Sequence[Suspension] = (),
    ) -> Deadline:
        return compute_deadline(
            rule_id,
            start=start,
            table=self.table,
            calendar=self.calendar,
            extensions=extensions,
            suspensions=suspensions,
        )
