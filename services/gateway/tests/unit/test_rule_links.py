"""Rule ids on the dashboard link to their entry on ``/rules``: the queue's row of a deadline
that passed, and rule ids named in the indicators' definitions."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from qcdc_gateway.domain.queue import ALLOWED, Escalation, escalation_id
from qcdc_gateway.web.i18n import Translator
from qcdc_gateway.web.rendering import ENVIRONMENT
from qcdc_gateway.web.rule_links import link_rules, rule_link
from qcdc_shared.auth import Principal

pytestmark = pytest.mark.unit

VN = dt.timezone(dt.timedelta(hours=7))
DUE = dt.datetime(2026, 11, 30, 23, 59, 59, tzinfo=VN)


class CityState:
    ready = True
    text = text_en = ""


def queue_page(lang: str, *items: Escalation) -> str:
    return ENVIRONMENT.get_template("queue.html").render(
        t=Translator(lang),  # type: ignore[arg-type]
        lang=lang,
        path="/queue",
        city_state=CityState(),
        principal=Principal(sub="monitor-1", role="city_monitor"),
        items=list(items),
        total=len(items),
        next_cursor=None,
        allowed=ALLOWED,
        csrf="token",
        flash=None,
    )


def escalated(rule: str, due_at: dt.datetime | None) -> Escalation:
    subject = f"petition/p-1/{rule}"
    return Escalation(
        id=escalation_id("ben-thanh", subject),
        ward="ben-thanh",
        subject=subject,
        kind="petition",
        source_id="p-1",
        rule=rule,
        since=DUE + dt.timedelta(days=1),
        due_at=due_at,
        petition_kind="complaint",
    )


def test_the_queue_shows_the_deadline_that_passed_with_its_rule_linked() -> None:
    html = queue_page("vi", escalated("CMP-RESOLVE.complex", DUE))
    (row,) = re.findall(r"<tr data-escalation=.*?</tr>", html, flags=re.DOTALL)
    assert '<a class="rule-link" href="/rules#CMP-RESOLVE.complex">CMP-RESOLVE.complex</a>' in row
    assert '<time datetime="2026-11-30T23:59:59+07:00">30/11/2026</time>' in row
    # The intro names its rules too, and links them.
    assert '<a class="rule-link" href="/rules#PET-ESC">PET-ESC</a>' in html
    english = queue_page("en", escalated("DEN-INTAKE", None))
    assert 'href="/rules#DEN-INTAKE"' in english and 'class="due"' not in english


def test_only_rule_ids_the_table_knows_become_links_and_text_stays_escaped() -> None:
    linked = str(link_rules("Published by their PUB-DUE day; a SHA-256 hash <b>; INF-REQ."))
    assert linked == (
        'Published by their <a class="rule-link" href="/rules#PUB-DUE">PUB-DUE</a> day; a '
        'SHA-256 hash &lt;b&gt;; <a class="rule-link" href="/rules#INF-REQ">INF-REQ</a>.'
    )
    assert str(rule_link("NOT-ARULE")) == "NOT-ARULE"
    assert str(rule_link("<x>")) == "&lt;x&gt;"
    assert str(rule_link(None)) == "—"
