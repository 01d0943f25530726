"""``/rules``, ``/rules/changes`` and ``GET /api/rules``: every rule id of DOMAIN.md, its rows
by date, where each was read and whether it was, from the rule table itself."""

from __future__ import annotations

import re
from collections.abc import AsyncIterator
from pathlib import Path
from urllib.parse import unquote

import httpx
import pytest

from qcdc_gateway.main import build
from qcdc_shared.api import DeadlineOut
from qcdc_shared.law.deadlines import rule_url
from qcdc_shared.law.rulebook import RuleBook
from qcdc_shared.law.rules import DOMAIN_RULE_IDS, load_rule_table
from qcdc_shared.settings import Settings

pytestmark = pytest.mark.unit

ROOT = Path(__file__).resolve().parents[4]


def domain_rule_ids() -> set[str]:
    """DOMAIN.md's rule ids (shared/tests/unit/test_rules.py keeps the list equal to it)."""
    return set(DOMAIN_RULE_IDS)


@pytest.fixture
async def gateway(tmp_path: Path) -> AsyncIterator[httpx.AsyncClient]:
    settings = Settings(
        env="development",
        database_url=f"sqlite+aiosqlite:///{tmp_path}/{{service}}.db",
        registry_file=str(ROOT / "deploy" / "wards.toml"),
    )
    transport = httpx.ASGITransport(app=build(settings))  # built, never started: no I/O
    async with httpx.AsyncClient(transport=transport, base_url="http://gateway") as http:
        yield http


async def test_the_api_lists_every_rule_with_its_rows_and_sources(
    gateway: httpx.AsyncClient,
) -> None:
    answer = await gateway.get("/api/rules")
    assert answer.status_code == 200, answer.text
    listed = answer.json()
    assert listed["version"] == load_rule_table().version
    assert domain_rule_ids() <= {rule["base_id"] for rule in listed["rules"]}
    reception = next(rule for rule in listed["rules"] if rule["id"] == "REC-WEEK")
    assert reception["url"] == "/rules#REC-WEEK"
    assert [(r["effective_from"], r["period"]) for r in reception["rows"]] == [
        ("2014-07-01", "week"),
        ("2026-07-01", "month"),
    ]
    for rule in listed["rules"]:
        for row in rule["rows"]:
            assert row["source"] and row["status"] in ("confirmed", "unconfirmed"), rule["id"]


async def test_changes_since_a_date_and_the_pages_in_both_languages(
    gateway: httpx.AsyncClient,
) -> None:
    since = (await gateway.get("/api/rules", params={"from": "2026-07-01"})).json()
    rows = {(rule["id"], row["effective_from"]) for rule in since["rules"] for row in rule["rows"]}
    assert ("REC-WEEK", "2026-07-01") in rows and ("REC-WEEK", "2014-07-01") not in rows

    page = await gateway.get("/rules", params={"lang": "vi"})
    assert page.status_code == 200 and "text/html" in page.headers["content-type"]
    anchors = set(re.findall(r'<section class="rule" id="([^"]+)"', page.text))
    assert anchors == {row.id for row in load_rule_table().rules}
    assert domain_rule_ids() <= {anchor.split(".")[0] for anchor in anchors}
    # Only https addresses become links, each one whole (a source may name several).
    assert not re.search(r'href="[^"]*\s', page.text) and 'href="http://' not in page.text
    assert "trước reception_held" in page.text  # a notice given ahead says so
    assert "Từ ngày 01/7/2026" in page.text and "chưa đối chiếu được văn bản" in page.text
    english = await gateway.get("/rules", params={"lang": "en"})
    assert "From 2026-07-01 the ward chair" in english.text
    changes = await gateway.get("/rules/changes", params={"from": "2026-07-01", "lang": "en"})
    assert changes.status_code == 200 and 'id="REC-WEEK"' in changes.text
    assert 'id="PUB-CAT"' not in changes.text  # unchanged since 2023


async def test_every_deadline_links_to_its_rules_entry_on_the_page(
    gateway: httpx.AsyncClient,
) -> None:
    """``rule_url`` of every deadline the table can produce (and of every rule id, dotted or
    not) is an anchor that the ``/rules`` page really has."""
    page = await gateway.get("/rules")
    anchors = set(re.findall(r'\sid="([^"]+)"', page.text))
    rules = RuleBook.from_settings(Settings(env="development"))
    periods = 0
    for row in rules.table.rules:
        link = rule_url(row.id)
        assert link == f"/rules#{row.id}" and unquote(link.split("#", 1)[1]) in anchors, row.id
        if row.is_period and row.unit != "working_hours":
            periods += 1
            shape = rules.deadline(row.id, row.effective_from).to_api()
            assert shape["rule"] == row.id and shape["rule_url"] == link
            # The shape the ward services answer with keeps the link.
            assert DeadlineOut.model_validate(shape).model_dump()["rule_url"] == link
    assert periods > 20
    for rule_id in domain_rule_ids():  # INF-REQ or DEC-PASS have dotted rows only
        assert rule_url(rule_id).split("#", 1)[1] in anchors, rule_id
