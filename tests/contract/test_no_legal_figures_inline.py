"""No legal figure is written into code, messages, templates or docs: every period, count,
share, category and topic the law sets is read from the rule table (issue 18, item 3).

The scan (``legal_figures``) compares what it reads with the table's own figures, so a figure
the table changes, or a new row, is looked for without editing this test. A finding is either
fixed (read the row in force: ``rules.rule(id, on).amount``; in docs, name the rule id and say
"per the rule table", the gateway's ``/rules#<id>`` showing the figure) or allowed below with
a one-line reason.
"""

from __future__ import annotations

from fractions import Fraction
from pathlib import Path

import pytest

from qcdc_shared.law.rules import RuleTable, load_rule_table

from .legal_figures import Figures, Finding, scan_plain
from .legal_figures_code import scan_file, scan_python

pytestmark = pytest.mark.contract

ROOT = Path(__file__).resolve().parents[2]

# Each entry: (path, the text the scan matched) -> why it is not a legal figure written inline.
# An entry covers that text wherever it occurs in that file.
ALLOWED: dict[tuple[str, str], str] = {
    (
        "services/petitions/src/qcdc_petitions/domain/reception.py",
        "timedelta(days=7)",
    ): "steps from one Monday to the next through a month's calendar weeks; not a legal period",
}


NOT_SCANNED_DOCS = ("law-review-", "access-")


def scanned_files() -> list[Path]:
    """The services' and shared's source and templates, the READMEs and docs/ (decisions too).

    Left out: the rule table itself (rules.toml: the figures' one home), tests, the test
    harness in shared (``qcdc_shared.testing``: fixtures, not behaviour), the law research
    notes (``docs/law-review-*.md``: they quote the texts the table was read from) and the
    access matrix (routes and roles only).
    """
    sources = [
        *ROOT.glob("services/*/src/**/*.py"),
        *ROOT.glob("shared/src/**/*.py"),
        *ROOT.glob("services/*/src/**/templates/*.html"),
    ]
    docs = [
        ROOT / "README.md",
        *ROOT.glob("services/*/README.md"),
        *(p for p in ROOT.glob("docs/**/*.md") if not p.name.startswith(NOT_SCANNED_DOCS)),
    ]
    return sorted(
        path
        for path in sources + docs
        if "qcdc_shared/testing/" not in path.as_posix() and "/tests/" not in path.as_posix()
    )


@pytest.fixture(scope="module")
def figures() -> Figures:
    return Figures.of(load_rule_table())


@pytest.fixture(scope="module")
def findings(figures: Figures) -> list[Finding]:
    return [found for path in scanned_files() for found in scan_file(ROOT, path, figures)]


def test_no_legal_figure_is_written_inline(findings: list[Finding]) -> None:
    offenders = [f for f in findings if (f.path, f.text) not in ALLOWED]
    assert not offenders, (
        "Legal figures written inline; read them from the rule table (or, in docs, name the "
        "rule id, per the rule table), or allow them in this test with a reason:\n"
        + "\n".join(str(f) for f in offenders)
    )


def test_every_allowed_exception_still_matches_and_says_why(findings: list[Finding]) -> None:
    seen = {(f.path, f.text) for f in findings}
    stale = [key for key in ALLOWED if key not in seen]
    assert not stale, f"allowlist entries that match nothing any more: {stale}"
    assert all(reason.strip() for reason in ALLOWED.values())


def test_the_scan_covers_code_templates_and_docs() -> None:
    names = {path.relative_to(ROOT).as_posix() for path in scanned_files()}
    assert "shared/src/qcdc_shared/law/deadlines.py" in names
    assert "services/gateway/src/qcdc_gateway/web/templates/rules.html" in names
    assert {"README.md", "docs/open-data.md", "services/petitions/README.md"} <= names
    assert not any(
        name.endswith("rules.toml") or "/tests/" in name or "law-review" in name for name in names
    )
    for service in ("gateway", "petitions", "plans", "publicity", "oversight"):
        assert any(name.startswith(f"services/{service}/src/") for name in names), service


# --- the scanner itself: it finds figures, and only figures ----------------------------------

TABLE = RuleTable.from_toml(
    """
version = "t"
[[rules]]
id = "PUB-CAT"
amount = 14
unit = "count"
basis = "b"
effective_from = 2023-07-01
[[rules]]
id = "PUB-PERM"
unit = "count"
applies_to = [4, 13]
basis = "b"
effective_from = 2023-07-01
[[rules]]
id = "CON-MIN20"
amount = 20
unit = "calendar_days"
counted_from = "published"
basis = "b"
effective_from = 2023-07-01
[[rules]]
id = "CMP-ACCEPT"
amount = 7
unit = "working_days"
counted_from = "received"
basis = "b"
effective_from = 2026-07-01
[[rules]]
id = "DEC-PASS.money"
amount = "2/3"
unit = "share_of_households"
comparison = "at_least"
applies_to = [1, 2]
basis = "b"
effective_from = 2023-07-01
"""
)
SYNTHETIC = Figures.of(TABLE)


def test_the_figures_are_the_tables() -> None:
    assert SYNTHETIC.periods == {20, 7}
    assert SYNTHETIC.counts == {14}
    assert SYNTHETIC.shares == {Fraction(2, 3)}
    assert SYNTHETIC.scoped == {1, 2, 4, 13}
    assert SYNTHETIC.scope_sizes == {14}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Mở lấy ý kiến ít nhất 20 ngày.", ["20 ngày"]),
        ("thụ lý trong 07 ngày làm việc", ["07 ngày làm việc"]),
        ("10 days, or 7 working days from 2026-07-01", ["7 working days"]),
        ("open for twenty calendar days", ["twenty calendar days"]),
        ("the 20-day minimum", ["20-day"]),
        ("Nhóm nội dung 1–14 (Điều 11)", ["Nhóm nội dung 1–14"]),
        ("draft: `category` 1–14, title", ["1–14"]),
        ("categories 4 and 13 are permanent", ["categories 4 and 13"]),
        ("a category-13 posting", ["category-13"]),
        ("passes with 2/3 of all households", ["2/3"]),
        ("passes with two thirds of the register", ["two thirds"]),
    ],
)
def test_the_scanner_finds_a_figure_written_as_text(text: str, expected: list[str]) -> None:
    assert [found.text for found in scan_plain("doc.md", text, SYNTHETIC)] == expected


@pytest.mark.parametrize(
    "text",
    [
        "Open at least the CON-MIN20 period, per the rule table (/rules#CON-MIN20).",
        "Law 10/2022/QH15 Arts. 11–14; Decree 59/2023 Art. 3; from 01/7/2026",
        "checks 1–3 of the ledger; 8 task groups; 21 days; page 20; port 8000",
        "half a minute for three wards; from one day to the next; 1 working day",
        "rounded to 66.7 percent; SHA-256; 2026-07-01",
    ],
)
def test_the_scanner_leaves_prose_without_a_figure_alone(text: str) -> None:
    assert scan_plain("doc.md", text, SYNTHETIC) == []


def test_the_scanner_reads_python_code_and_its_strings() -> None:
    source = '''
"""Counting: 20 days from publication."""
import datetime as dt
from fractions import Fraction

PERMANENT_CATEGORIES = (4, 13)
REQUIRED = Fraction(2, 3)
WEEK = dt.timedelta(days=7)
NEXT_DAY = dt.timedelta(days=1)


def permanent(category: int) -> bool:
    return category in (4, 13) or category == 99


MESSAGE = f"Đã quá {7} ngày làm việc, nhóm 13"
LATE = (due - start).days > 20 or len(members) < 14 or (due - start).days > 21
'''
    found = {(f.line, f.text) for f in scan_python("m.py", source, SYNTHETIC)}
    assert found == {
        (2, "20 days"),
        (6, "PERMANENT_CATEGORIES = [4, 13]"),
        (7, "Fraction(2/3)"),
        (8, "timedelta(days=7)"),
        (13, "compared with [4, 13]"),
        (16, "7 ngày làm việc"),  # an f-string, read with its literal put back
        (16, "nhóm 13"),
        (17, "compared with 20"),
        (17, "compared with 14"),
    }
    clean = '''
def permanent(category: int, table) -> bool:
    """Whether the row in force covers the category (PUB-PERM)."""
    return category in table.rule("PUB-PERM", on).applies_to and 1 <= category
'''
    assert scan_python("m.py", clean, SYNTHETIC) == []
