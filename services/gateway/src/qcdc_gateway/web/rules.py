"""``/rules`` and ``/rules/changes``: the rule table as a page, in Vietnamese (English on
request), from the same data as ``GET /api/rules``."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse

from qcdc_gateway.api.rules import RulesOut, rule_list
from qcdc_gateway.web.rendering import render
from qcdc_shared.api.schemas import Day
from qcdc_shared.auth import public

router = APIRouter(tags=["dashboard"], include_in_schema=False)


def base_anchors(table: RulesOut) -> dict[str, str]:
    """The DOMAIN.md ids that have no row of their own (INF-REQ, DEC-PASS: only dotted rows),
    each anchored at its first row, so ``/rules#<any rule id>`` lands on the rule."""
    ids = {rule.id for rule in table.rules}
    anchors: dict[str, str] = {}
    for rule in table.rules:
        if rule.base_id not in ids and rule.base_id not in anchors.values():
            anchors[rule.id] = rule.base_id
    return anchors


@router.get("/rules", response_class=HTMLResponse, **public())
async def rules_page(request: Request) -> HTMLResponse:
    table = rule_list(request.app.state.rules)
    return render(
        request, "rules.html", {"table": table, "since": None, "bases": base_anchors(table)}
    )


@router.get("/rules/changes", response_class=HTMLResponse, **public())
async def rule_changes_page(
    request: Request, since: Annotated[Day, Query(alias="from")]
) -> HTMLResponse:
    table = rule_list(request.app.state.rules, changed_since=since)
    return render(
        request, "rules.html", {"table": table, "since": since, "bases": base_anchors(table)}
    )
