"""Rule ids on the dashboard's pages link to their entry on ``/rules``, so a reader can see
what the rule requires, its figure in force and where it was read (issue "the law in force
today": a deadline's explanation links to its rule's page).

The link is the one every deadline carries in the API (:func:`qcdc_shared.law.deadlines.
rule_url`); the ``/rules`` page has an anchor for every row id and every DOMAIN.md rule id.
Only ids the table knows become links: ``SHA-256`` in a sentence stays text. City override
files add rows to existing ids only, so the packaged table knows every id there is.
"""

from __future__ import annotations

import re
from functools import cache

from markupsafe import Markup, escape

from qcdc_shared.law.deadlines import rule_url
from qcdc_shared.law.rules import DOMAIN_RULE_IDS, load_rule_table

# A rule id in running text: "PUB-DUE", "CMP-RESOLVE.complex" (rules.RULE_ID_PATTERN).
_RULE_ID = re.compile(r"(?<![\w.-])([A-Z]{2,4}-[A-Z0-9]+(?:\.[a-z0-9-]+)?)(?![\w-])")


@cache
def known_ids() -> frozenset[str]:
    """Every row id of the table and every rule id of DOMAIN.md."""
    table = load_rule_table()
    return table.row_ids() | table.rule_ids() | frozenset(DOMAIN_RULE_IDS)


def _anchor(rule_id: str) -> str:
    return f'<a class="rule-link" href="{escape(rule_url(rule_id))}">{escape(rule_id)}</a>'


def rule_link(rule_id: object) -> Markup:
    """One rule id as a link to its entry on ``/rules``; anything else as escaped text."""
    if rule_id is None or rule_id == "":
        return Markup("—")
    text = str(rule_id)
    return Markup(_anchor(text)) if text in known_ids() else escape(text)


def link_rules(text: object) -> Markup:
    """``text``, escaped, with each rule id the table knows linked to its entry."""
    plain = "" if text is None else str(text)
    parts: list[str] = []
    last = 0
    for match in _RULE_ID.finditer(plain):
        if match.group(1) not in known_ids():
            continue
        parts.append(str(escape(plain[last : match.start()])))
        parts.append(_anchor(match.group(1)))
        last = match.end()
    parts.append(str(escape(plain[last:])))
    return Markup("".join(parts))
