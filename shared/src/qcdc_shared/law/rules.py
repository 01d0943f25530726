"""The rule table: every legal figure of DOMAIN.md as data, one row per rule per period.

The table ships as package data (``rules.toml``) and is read with :mod:`tomllib`. A row is
in force from its ``effective_from`` (a local date, Asia/Ho_Chi_Minh) until a later row of
the same id; :meth:`RuleTable.rule` returns the row in force on the date of the starting
event, so a reception schedule for June 2026 is judged by REC-WEEK's weekly row while one
for July 2026 is judged by the monthly row that took effect on 2026-07-01.

Choices a reader may question:

- Rules that hold several figures have several ids with a dot suffix (``DEC-PASS.money``,
  ``DEC-PASS.other``). The part before the dot is the DOMAIN.md id (:attr:`Rule.base_id`).
- Rules with no number (PUB-REQ, PUB-PERM, DEN-SECRET, OVS-DETECT, CAL-COUNT, CAL-WHY,
  DEC-FORM.meeting) are rows of unit ``count`` with no ``amount``: they exist so every rule
  id resolves to a basis and a summary, and a zero would read as a real figure. Where a rule
  does count something, the amount is that count (PUB-CAT: how many categories; PUB-TTHC:
  how many elements; OVS-BOARD: how many members; PET-ESC: escalations per petition and rule).
- Shares are exact fractions (``"a/b"``), never floats: DEC-PASS compares a household count
  against a share of the register, and a rounded float would pass a vote the law rejects at
  the boundary. Whether the bound is inclusive is data too (``comparison``: at_least,
  more_than, at_most).
- DEC-INIT.validity uses unit ``months``: a consent valid N months ends on the matching
  day of the Nth month (Civil Code Art. 148), which any fixed count of calendar days would
  miss by a day or two.
- Notices due ahead of an event (DEC-NOTICE, DEC-CONV30, REC-WEEK.schedule, OVS-PLAN,
  OVS-INV) carry ``direction = "before"``.
- Extension caps are data: ``extension`` is the largest single extension and how many may be
  granted; ``max_amount`` caps base plus extensions (DEN-RESOLVE: one extension for a complex
  case; DEN-RESOLVE.especially-complex: two, within its cap).

City-wide overrides (``Settings.rule_overrides_file``) are extra rows in a TOML file of the
same shape: a changed law is a new row, never an edit, so a row with the same id and
``effective_from`` as an existing one is an error, and so is an id the table does not know
(a typo would otherwise create a rule nothing reads). The merged table's version is
``<base>+<override version>`` so every deadline still names the data that produced it.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import math
import tomllib
from fractions import Fraction
from functools import lru_cache
from importlib.resources import files
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

Unit = Literal[
    "calendar_days",
    "working_days",
    "working_hours",
    "months",
    "share_of_households",
    "count",
]
PERIOD_UNITS: frozenset[str] = frozenset(
    {"calendar_days", "working_days", "working_hours", "months"}
)

RULE_ID_PATTERN = r"^[A-Z]{2,4}-[A-Z0-9]+(\.[a-z0-9-]+)?$"

# The rule ids of DOMAIN.md, copied by hand so a deleted row fails even where DOMAIN.md is
# absent (shared/tests/unit/test_rules.py keeps the two equal); /rules lists them all.
DOMAIN_RULE_IDS = [
    "PUB-CAT", "PUB-DUE", "PUB-MIN30", "PUB-PERM", "PUB-LOUD", "PUB-QTR", "PUB-REQ",
    "PUB-TTHC", "CON-MIN20", "DEC-TOPIC", "DEC-INIT", "DEC-FORM", "DEC-NOTICE", "DEC-PASS",
    "DEC-RECORD", "DEC-CONV30", "REC-WEEK", "REC-REPLY", "FB-FWD", "CMP-FILE", "CMP-ACCEPT",
    "CMP-RESOLVE", "DEN-INTAKE", "DEN-RESOLVE", "DEN-SECRET", "PET-ESC", "INF-REQ",
    "OVS-BOARD", "OVS-PLAN", "OVS-ANSWER", "OVS-INV", "OVS-YEAR", "OVS-DETECT", "CAL-COUNT",
    "CAL-HOL", "CAL-WHY",
]  # fmt: skip


class RuleTableError(ValueError):
    """The rule table or an override file is malformed or contradicts itself."""


class UnknownRule(LookupError):
    """No row for this id, or none in force on the date asked."""

    def __init__(self, rule_id: str, message: str) -> None:
        super().__init__(message)
        self.rule = rule_id


class ExtensionSpec(BaseModel):
    """The largest single extension a rule allows and how many times it may be granted."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    amount: int = Field(gt=0)
    unit: Unit
    max_times: int = Field(default=1, ge=1)


class Rule(BaseModel):
    """One row of the table: a legal figure in force from ``effective_from``."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    id: str = Field(pattern=RULE_ID_PATTERN)
    amount: int | Fraction | None = None
    unit: Unit
    counted_from: str | None = None
    direction: Literal["after", "before"] = "after"
    comparison: Literal["at_least", "more_than", "at_most"] | None = None
    applies_to: tuple[int, ...] = ()
    extension: ExtensionSpec | None = None
    max_amount: int | None = None
    # A count per period (REC-WEEK: sessions a week, or from 2026-07-01 days a month).
    period: Literal["week", "month"] | None = None
    # For counts of reception sessions: the forms of session the count takes (REC-WEEK: held
    # in person at the reception place, so an online session is not one of its days); empty
    # takes every form.
    session_forms: tuple[Literal["in_person", "online"], ...] = ()
    basis: str = Field(min_length=1)
    effective_from: dt.date
    summary: str = ""
    summary_vi: str = ""
    # Where the figure was read: the page or gazette reference, the passage in Vietnamese that
    # states it, when it was read, and whether it was read there (``confirmed``) or not yet
    # (``unconfirmed``, with what is ``missing``).
    source: str = ""
    quote: str = ""
    reviewed_on: dt.date | None = None
    status: Literal["confirmed", "unconfirmed"] | None = None
    missing: str = ""

    @field_validator("amount", mode="before")
    @classmethod
    def _exact_amount(cls, value: Any) -> Any:
        # A TOML float such as 0.1 is binary; read it through its decimal text.
        if isinstance(value, float):
            return Fraction(str(value))
        return value

    @model_validator(mode="after")
    def _coherent(self) -> Rule:
        if self.unit in PERIOD_UNITS:
            if not isinstance(self.amount, int) or self.amount < 0:
                raise ValueError(f"{self.id}: a period needs a whole, non-negative amount")
            if not self.counted_from:
                raise ValueError(f"{self.id}: a period needs counted_from (its starting event)")
        elif self.extension is not None or self.max_amount is not None:
            raise ValueError(f"{self.id}: only periods can be extended or capped")
        elif self.direction != "after":
            raise ValueError(f"{self.id}: only periods have a direction")
        if self.unit == "share_of_households":
            if self.amount is None or not 0 < self.amount <= 1:
                raise ValueError(f"{self.id}: a share lies in (0, 1]")
            if self.comparison is None:
                raise ValueError(f"{self.id}: a share needs comparison (at_least, more_than...)")
        elif self.amount is not None and not isinstance(self.amount, int):
            raise ValueError(f"{self.id}: only shares may be fractions")
        if self.extension is not None and self.direction == "before":
            raise ValueError(f"{self.id}: a notice given ahead cannot be extended")
        if self.period is not None and self.unit != "count":
            raise ValueError(f"{self.id}: only counts are per period")
        if self.session_forms and self.unit != "count":
            raise ValueError(f"{self.id}: only counts of sessions take session forms")
        if self.status == "unconfirmed" and not self.missing:
            raise ValueError(f"{self.id}: an unconfirmed row says what is missing")
        if self.max_amount is not None:
            if self.extension is None or self.extension.unit != self.unit:
                raise ValueError(f"{self.id}: max_amount needs an extension in the same unit")
            if isinstance(self.amount, int) and self.max_amount < self.amount:
                raise ValueError(f"{self.id}: max_amount is below the amount")
        return self

    @property
    def base_id(self) -> str:
        """The DOMAIN.md rule id, without the dot suffix."""
        return self.id.split(".", 1)[0]

    @property
    def is_period(self) -> bool:
        return self.unit in PERIOD_UNITS

    def days(self) -> int:
        """The amount of a period, for callers that need a plain integer."""
        if not self.is_period or not isinstance(self.amount, int):
            raise TypeError(f"{self.id} is not a period (unit {self.unit})")
        return self.amount

    def share(self) -> Fraction:
        """The exact share of households of a DEC-* threshold."""
        if self.unit != "share_of_households" or self.amount is None:
            raise TypeError(f"{self.id} is not a share of households")
        return Fraction(self.amount)

    def households_needed(self, households: int) -> int:
        """The fewest of ``households`` that meet this share, exactly (no floats): at least
        3/4 of 101 is 76, more than 3/5 of 100 is 61, at least 3/7 of 95 is 41."""
        exact = self.share() * households
        if self.comparison == "at_least":
            return max(1, math.ceil(exact))
        if self.comparison == "more_than":
            return math.floor(exact) + 1
        raise TypeError(f"{self.id}: an upper bound has no fewest households")


class RuleTable(BaseModel):
    """All rows, with the version every computed deadline cites."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    version: str = Field(min_length=1)
    rules: tuple[Rule, ...]

    @model_validator(mode="after")
    def _no_duplicate_period(self) -> RuleTable:
        seen: set[tuple[str, dt.date]] = set()
        for row in self.rules:
            key = (row.id, row.effective_from)
            if key in seen:
                raise ValueError(
                    f"{row.id} has two rows effective from {row.effective_from}: "
                    "a changed law is a new row with a later effective_from"
                )
            seen.add(key)
        return self

    @classmethod
    def from_toml(cls, text: str) -> RuleTable:
        return cls.model_validate(tomllib.loads(text))

    def row_ids(self) -> frozenset[str]:
        """Every id in the table, dot suffixes included."""
        return frozenset(row.id for row in self.rules)

    def rule_ids(self) -> frozenset[str]:
        """The DOMAIN.md rule ids the table covers."""
        return frozenset(row.base_id for row in self.rules)

    def rows(self, rule_id: str) -> tuple[Rule, ...]:
        """Every period of one id, oldest first."""
        return tuple(
            sorted(
                (row for row in self.rules if row.id == rule_id),
                key=lambda row: row.effective_from,
            )
        )

    def rule(self, rule_id: str, on: dt.date) -> Rule:
        """The row in force on ``on``, the local date of the starting event."""
        if isinstance(on, dt.datetime):
            # A datetime is a date subclass; its UTC date may be a different local day.
            raise TypeError("pass the local date of the starting event, not a datetime")
        rows = self.rows(rule_id)
        if not rows:
            variants = sorted(i for i in self.row_ids() if i.split(".", 1)[0] == rule_id)
            hint = f"; this rule has rows {', '.join(variants)}" if variants else ""
            raise UnknownRule(rule_id, f"unknown rule {rule_id!r}{hint}")
        in_force = [row for row in rows if row.effective_from <= on]
        if not in_force:
            raise UnknownRule(
                rule_id,
                f"no row of {rule_id} is in force on {on.isoformat()} "
                f"(the first takes effect {rows[0].effective_from.isoformat()})",
            )
        return in_force[-1]

    def with_overrides(self, text: str, *, source: str = "overrides") -> RuleTable:
        """This table plus the new rows of an override file (a changed law, city-wide)."""
        data = tomllib.loads(text)
        unknown_keys = set(data) - {"version", "rules"}
        if unknown_keys:
            raise RuleTableError(f"{source}: unknown keys {sorted(unknown_keys)}")
        try:
            extra = tuple(Rule.model_validate(row) for row in data.get("rules", []))
        except ValueError as exc:
            raise RuleTableError(f"{source}: {exc}") from exc
        if not extra:
            raise RuleTableError(f"{source}: no [[rules]] rows")
        known = self.row_ids()
        existing = {(row.id, row.effective_from) for row in self.rules}
        for row in extra:
            if row.id not in known:
                raise RuleTableError(
                    f"{source}: {row.id} is not a rule of the table; an override adds a "
                    "period to an existing rule"
                )
            if (row.id, row.effective_from) in existing:
                raise RuleTableError(
                    f"{source}: {row.id} already has a row effective from "
                    f"{row.effective_from}; an override is a new row, never an edit"
                )
        label = data.get("version") or hashlib.sha256(text.encode()).hexdigest()[:8]
        try:
            return RuleTable(version=f"{self.version}+{label}", rules=self.rules + extra)
        except ValueError as exc:
            raise RuleTableError(f"{source}: {exc}") from exc


def default_table_text() -> str:
    """The packaged ``rules.toml``."""
    return files("qcdc_shared.law").joinpath("rules.toml").read_text(encoding="utf-8")


def load_rule_table(overrides_file: str | Path | None = None) -> RuleTable:
    """The packaged table, plus the city's override rows when a file is configured.

    Cached per path: the table is read once per process, and a changed override file takes
    effect at the next start, like every other setting.
    """
    return _load(str(overrides_file) if overrides_file else None)


@lru_cache(maxsize=8)
def _load(overrides_file: str | None) -> RuleTable:
    table = RuleTable.from_toml(default_table_text())
    if overrides_file is None:
        return table
    path = Path(overrides_file)
    return table.with_overrides(path.read_text(encoding="utf-8"), source=str(path))
