"""``/rules``, ``/rules/changes`` and ``GET /api/rules``: every rule id of DOMAIN.md, its rows
by date, where each was read and whether it was, from the rule table itself."""

from __future__ import annotations

import re
from collections.abc import AsyncIterator
from pathlib import Path

import httpx
import pytest

from qcdc_gateway.main import build
from qcdc_shared.law.rules import load_rule_table
from qcdc_shared.settings import Settings

pytestmark = pytest.mark.unit

ROOT = Path(__file__).resolve().parents[4]
DOMAIN_MD = ROOT.parent / "shared" / "DOMAIN.md"


def domain_rule_ids() -> set[str]:
    if not DOMAIN_MD.is_file():  # the copy CI keeps beside the repository; else the table's
        return {rule_id.split(".")[0] for rule_id in load_rule_table().rule_ids()}
    text = DOMAIN_MD.read_text(encoding="utf-8")
    return set(re.findall(r"^\|\s*([A-Z]{2,4}-[A-Z0-9]+)\s*\|", text, flags=re.MULTILINE))


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
    since = (await gateway.get("/api/rules", params={"changed_since": "2026-07-01"})).json()
    rows = {(rule["id"], row["effective_from"]) for rule in since["rules"] for row in rule["rows"]}
    assert ("REC-WEEK", "2026-07-01") in rows and ("REC-WEEK", "2014-07-01") not in rows

    page = await gateway.get("/rules", params={"lang": "vi"})
    assert page.status_code == 200 and "text/html" in page.headers["content-type"]
    for rule_id in domain_rule_ids():
        assert f'id="{rule_id}' in page.text, rule_id
    assert "Từ ngày 01/7/2026" in page.text and "chưa đối chiếu được văn bản" in page.text
    english = await gateway.get("/rules", params={"lang": "en"})
    assert "From 2026-07-01 the ward chair" in english.text
    changes = await gateway.get("/rules/changes", params={"from": "2026-07-01", "lang": "en"})
    assert changes.status_code == 200 and 'id="REC-WEEK"' in changes.text
    assert 'id="PUB-CAT"' not in changes.text  # unchanged since 2023
