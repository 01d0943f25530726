"""The rule table as people read it (issue "the law in force today"): every rule with its
rows by effective date, what each requires, its legal basis, where it was read and whether it
was. ``GET /api/rules`` is the JSON of the ``/rules`` pages."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
from pydantic import BaseModel, Field

from qcdc_shared.api.schemas import Day
from qcdc_shared.auth import public
from qcdc_shared.law.deadlines import rule_url
from qcdc_shared.law.rulebook import RuleBook
from qcdc_shared.law.rules import Rule

router = APIRouter(prefix="/api", tags=["rules"])


class RowOut(BaseModel):
    effective_from: dt.date
    amount: str | None = Field(
        description="The figure; a share as an exact fraction (numerator/denominator)"
    )
    unit: str
    counted_from: str | None
    direction: str
    comparison: str | None
    period: str | None
    applies_to: list[int]
    extension: dict[str, Any] | None
    max_amount: int | None
    basis: str
    summary: str
    summary_vi: str
    source: str = Field(description="Where the figure was read, or where it is to be read")
    quote: str = Field(description="The passage that states it, in Vietnamese, as read")
    reviewed_on: dt.date | None
    status: str | None = Field(description="confirmed (read in the text) or unconfirmed")
    missing: str = Field(description="For an unconfirmed row: what would confirm it")
    links: list[str] = Field(description="The https addresses in the source, to follow")

    @classmethod
    def of(cls, rule: Rule) -> RowOut:
        return cls(
            **rule.model_dump(exclude={"id", "amount", "applies_to", "extension"}),
            links=[url.rstrip(".,;)") for url in re.findall(r"https://[^\s;]+", rule.source)],
            amount=None if rule.amount is None else str(rule.amount),
            applies_to=list(rule.applies_to),
            extension=rule.extension.model_dump() if rule.extension else None,
        )


class RuleOut(BaseModel):
    id: str
    base_id: str = Field(description="The rule id of DOMAIN.md (the part before the dot)")
    url: str = Field(description="Its entry on the /rules page of this gateway")
    rows: list[RowOut] = Field(description="Oldest first: each in force until the next")


class RulesOut(BaseModel):
    version: str = Field(description="The rule table's version every deadline cites")
    rules: list[RuleOut]


def rule_list(rules: RuleBook, *, changed_since: dt.date | None = None) -> RulesOut:
    """Every rule, or only the rows that took effect on ``changed_since`` or later: what the
    law changed since then (a row read again is not a change of the law)."""
    by_id: dict[str, list[Rule]] = {}
    for row in rules.table.rules:
        if changed_since is None or row.effective_from >= changed_since:
            by_id.setdefault(row.id, []).append(row)
    return RulesOut(
        version=rules.table.version,
        rules=[
            RuleOut(
                id=rule_id,
                base_id=rule_id.split(".")[0],
                url=rule_url(rule_id),
                rows=_oldest_first(rows),
            )
            for rule_id, rows in sorted(by_id.items())
        ],
    )


def _oldest_first(rows: Iterable[Rule]) -> list[RowOut]:
    return [RowOut.of(row) for row in sorted(rows, key=lambda row: row.effective_from)]


@router.get(
    "/rules",
    response_model=RulesOut,
    **public(),
    summary="Bảng quy tắc pháp lý — every legal rule, its rows by date and where it was read",
)
async def list_rules(
    request: Request,
    changed_since: Annotated[
        Day | None,
        Query(
            alias="from",
            description="Chỉ các dòng có hiệu lực từ ngày này — rows in force from this day",
        ),
    ] = None,
) -> RulesOut:
    return rule_list(request.app.state.rules, changed_since=changed_since)
