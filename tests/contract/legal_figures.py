"""Find legal figures written into code, messages, templates or docs instead of read from the
rule table (issue 18, "no legal figure in code or text").

The figures looked for are the table's own: every ``amount``, extension and cap of every row
(``qcdc_shared.law.rules.load_rule_table``), its shares, and the categories and topics its rows
apply to. A figure is only reported where it reads as a legal one, so a port number or a page
size never trips the scan:

- in text (Python string literals, Jinja templates, Markdown): a table amount followed by a
  legal unit ("20 ngày", "05 ngày làm việc", "5 working days", "3 months", "14 categories",
  "2 days a month"), a table share ("2/3", "50%", "two thirds", "quá nửa"), or a list or range
  of categories or topics ("categories 1–14", "nhóm 7–12", "topics 3–5");
- in Python code: ``timedelta(days=N)``/``relativedelta(months=N)`` with N a table period,
  ``Fraction(2, 3)`` or ``Fraction("2/3")`` equal to a table share, a category or topic
  compared with, assigned, or bounded by a literal (``category in (4, 13)``,
  ``CONVENTION_TOPIC = 3``, ``Field(le=14)`` on a category), a measure compared with a table
  figure (``(due - start).days > 30``, ``len(members) < 5``), and a literal list of element,
  category or topic names as long as a table count (PUB-TTHC's elements).

Comments are not read: they are for the code's readers, and the rule ids they cite lead to the
table. One day, one week, one session are prose, not figures, and never reported.

Each finding names its file, line and the text matched; the test keeps an explicit allowlist.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from fractions import Fraction

from qcdc_shared.law.rules import RuleTable


@dataclass(frozen=True)
class Figures:
    """What the table says, as the scanner compares against it."""

    periods: frozenset[int]  # periods, extensions, caps, and counts per week or month
    counts: frozenset[int]  # counts above one (a single session or escalation reads as prose)
    shares: frozenset[Fraction]
    scopes: tuple[frozenset[int], ...]  # the categories or topics of each row that has some
    scope_sizes: frozenset[int]  # how many categories (PUB-CAT) and topics (DEC-TOPIC) exist

    @property
    def scoped(self) -> frozenset[int]:
        return frozenset().union(*self.scopes)

    @classmethod
    def of(cls, table: RuleTable) -> Figures:
        periods: set[int] = set()
        counts: set[int] = set()
        shares: set[Fraction] = set()
        scopes: set[frozenset[int]] = set()
        for row in table.rules:
            if isinstance(row.amount, Fraction):
                shares.add(row.amount)
            elif isinstance(row.amount, int):
                if row.is_period or row.period is not None:
                    periods.add(row.amount)
                if not row.is_period and row.amount > 1:
                    counts.add(row.amount)
            for extra in (row.extension.amount if row.extension else None, row.max_amount):
                if extra is not None:
                    periods.add(extra)
            if row.applies_to:
                scopes.add(frozenset(row.applies_to))
        # The size of a numbered scope: per family of rules (PUB-, DEC-), the smallest count
        # that covers every number its rows apply to (PUB-CAT for categories, DEC-TOPIC).
        sizes: set[int] = set()
        for family in {row.id.split("-", 1)[0] for row in table.rules}:
            rows = [row for row in table.rules if row.id.startswith(family + "-")]
            highest = max((n for row in rows for n in row.applies_to), default=None)
            fitting = [
                row.amount
                for row in rows
                if row.unit == "count"
                and isinstance(row.amount, int)
                and highest is not None
                and row.amount >= highest
            ]
            if fitting:
                sizes.add(min(fitting))
        return cls(
            frozenset(periods),
            frozenset(counts),
            frozenset(shares),
            tuple(sorted(scopes, key=sorted)),
            frozenset(sizes),
        )

    def is_scope(self, numbers: Iterable[int]) -> bool:
        """Whether numbers name legal categories or topics: one that a row applies to, a set
        within a row's, or 1..N of a whole scope."""
        wanted = set(numbers)
        if not wanted:
            return False
        if len(wanted) == 1:
            return wanted <= self.scoped
        if any(wanted <= scope for scope in self.scopes):
            return True
        return min(wanted) == 1 and max(wanted) in self.scope_sizes


@dataclass(frozen=True)
class Finding:
    path: str  # relative to the repository root, with forward slashes
    line: int
    text: str  # the matched words
    context: str  # the whole line, stripped, for the report

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.text!r}  ({self.context[:120]})"


# --- text ------------------------------------------------------------------------------------

_ENGLISH_NUMBERS = {
    word: n
    for n, word in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve thirteen "
        "fourteen fifteen sixteen seventeen eighteen nineteen twenty".split()
    )
} | {"thirty": 30, "forty-five": 45, "sixty": 60, "ninety": 90}
_DIGITS = r"(?<![\w./,-])(\d{1,3})"
_WORDS = r"(?<![\w-])(" + "|".join(sorted(_ENGLISH_NUMBERS, key=len, reverse=True)) + ")"
# The units a legal figure is written in; longest first, so "ngày làm việc" wins over "ngày".
_PERIOD_UNITS = (
    r"ngày\s+làm\s+việc|ngày|tháng|tuần|"
    r"(?:calendar[\s-]+|working[\s-]+|consecutive[\s-]+)?days?(?:\(s\))?|months?(?:\(s\))?|weeks?"
)
# A number in words is a legal figure only with a unit that is: "five working days" is one,
# "five months ago" or "from one day to the next" is prose.
_QUALIFIED_PERIOD_UNITS = r"(?:calendar|working|consecutive)[\s-]+days?"
_COUNT_UNITS = (
    r"hộ(?:\s+gia\s+đình)?|nhóm|chủ\s+đề|thành\s+viên|thành\s+phần|buổi|"
    r"households?|categor(?:y|ies)|topics?|members?|elements?|sessions?|escalations?"
)


def _amount_unit(number: str, periods: str) -> re.Pattern[str]:
    return re.compile(
        number
        + r"(?:\s*[–-]\s*\d{1,3})?(?:\s+|-)(?:(?P<period>"
        + periods
        + r")|(?P<count>"
        + _COUNT_UNITS
        + r"))(?!\w)",
        re.IGNORECASE,
    )


_AMOUNT_UNITS = (
    _amount_unit(_DIGITS, _PERIOD_UNITS),
    _amount_unit(_WORDS, _QUALIFIED_PERIOD_UNITS),
)
_SLASH_SHARE = re.compile(r"(?<![\d/.])(\d{1,2})\s*/\s*(\d{1,3})(?![\d/])")
_PERCENT = re.compile(r"(?<![\d.])(\d{1,3})\s*%")
_WORD_SHARES: dict[str, Fraction] = {
    "two thirds": Fraction(2, 3),
    "two-thirds": Fraction(2, 3),
    "hai phần ba": Fraction(2, 3),
    "one tenth": Fraction(1, 10),
    "một phần mười": Fraction(1, 10),
    "more than half": Fraction(1, 2),
    "over half": Fraction(1, 2),
    "at least half": Fraction(1, 2),
    "half of all": Fraction(1, 2),
    "half of the households": Fraction(1, 2),
    "một nửa": Fraction(1, 2),
    "quá nửa": Fraction(1, 2),
    "quá bán": Fraction(1, 2),
}
_WORD_SHARE = re.compile(
    r"(?<!\w)(" + "|".join(re.escape(w) for w in _WORD_SHARES) + r")(?!\w)", re.IGNORECASE
)
# "categories 4 and 13", "nhóm 7–12", "topics 1–2", "category 5": the words that scope a list.
_SCOPE = re.compile(
    r"(?<!\w)(?:categor(?:y|ies)|topics?|nhóm(?:\s+nội\s+dung)?|chủ\s+đề)(?:\s+|-)"
    r"(\d{1,2}(?:\s*(?:[,–-]|and|or|và|hoặc|to|đến)\s*\d{1,2}(?!\d))*)(?![\d/])",
    re.IGNORECASE,
)
# "1–14" anywhere: a range that spells a whole scope (every category, every topic).
_RANGE = re.compile(r"(?<![\w./-])(\d{1,2})\s*[–-]\s*(\d{1,2})(?![\w/-]|\.\d)")


def _number(word: str) -> int:
    return int(word) if word.isdigit() else _ENGLISH_NUMBERS[word.lower()]


def _numbers(spec: str) -> list[int]:
    """The numbers of "4 and 13", "1–3, 5–12" (a dash is a range)."""
    found: list[int] = []
    for part in re.split(r"\s*(?:,|and|or|và|hoặc)\s*", spec):
        bounds = re.split(r"\s*(?:[–-]|to|đến)\s*", part.strip())
        if len(bounds) == 2 and all(b.isdigit() for b in bounds):
            low, high = int(bounds[0]), int(bounds[1])
            found.extend(range(low, high + 1) if low <= high else (low, high))
        else:
            found.extend(int(b) for b in bounds if b.isdigit())
    return found


def scan_text(text: str, figures: Figures) -> Iterator[tuple[int, str]]:
    """(offset, matched text) of each legal figure written in ``text``."""
    for pattern in _AMOUNT_UNITS:
        for match in pattern.finditer(text):
            number = _number(match.group(1))
            # One day, one week, one session: prose, and the unit of a count per period.
            if number > 1 and number in (
                figures.periods if match.group("period") else figures.counts
            ):
                yield match.start(), match.group(0)
    for match in _SLASH_SHARE.finditer(text):
        numerator, denominator = int(match.group(1)), int(match.group(2))
        if denominator and Fraction(numerator, denominator) in figures.shares:
            yield match.start(), match.group(0)
    for match in _PERCENT.finditer(text):
        if Fraction(int(match.group(1)), 100) in figures.shares:
            yield match.start(), match.group(0)
    for match in _WORD_SHARE.finditer(text):
        if _WORD_SHARES[match.group(1).lower()] in figures.shares:
            yield match.start(), match.group(0)
    scoped_spans: list[tuple[int, int]] = []
    for match in _SCOPE.finditer(text):
        scoped_spans.append(match.span())
        if figures.is_scope(_numbers(match.group(1))):
            yield match.start(), match.group(0)
    for match in _RANGE.finditer(text):
        if any(start <= match.start() < end for start, end in scoped_spans):
            continue
        low, high = int(match.group(1)), int(match.group(2))
        if low == 1 and high in figures.scope_sizes:
            yield match.start(), match.group(0)


def _line_of(text: str, offset: int) -> int:
    return text.count("\n", 0, offset) + 1


def scan_plain(path: str, text: str, figures: Figures) -> list[Finding]:
    """A template or a Markdown file: every line is text."""
    lines = text.splitlines()
    findings = []
    for offset, matched in scan_text(text, figures):
        line = _line_of(text, offset)
        findings.append(Finding(path, line, matched, lines[line - 1].strip()))
    return findings
