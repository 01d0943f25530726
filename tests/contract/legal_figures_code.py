"""Legal figures in Python code (the code half of :mod:`legal_figures`, which explains what is
looked for): ``timedelta(days=N)``, ``Fraction(2, 3)``, categories and topics compared with,
assigned or bounded by literals, measures compared with table figures, literal lists of
element names, and every string literal's text, f-strings included with their literal parts
put back (``f"{7} ngày"`` reads as "7 ngày")."""

from __future__ import annotations

import ast
import re
from collections.abc import Iterable
from fractions import Fraction
from pathlib import Path

from .legal_figures import Figures, Finding, scan_plain, scan_text

_SCOPE_NAME = re.compile(r"categor|topic", re.IGNORECASE)
_MEASURE_NAME = re.compile(
    r"days|months|weeks|members|households|sessions|elements|escalations", re.IGNORECASE
)
_LIST_NAME = re.compile(r"element|categor|topic", re.IGNORECASE)


def _name_of(node: ast.AST) -> str:
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        return node.attr
    if isinstance(node, ast.Subscript):
        return _name_of(node.value) + _name_of(node.slice)
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.Call):
        return _name_of(node.func) + "".join(_name_of(a) for a in node.args)
    return ""


def _ints(node: ast.AST) -> list[int]:
    """The int literals a node spells: 3, (4, 13), {1, 2}, frozenset({4}), range(7, 13)."""
    if isinstance(node, ast.Constant) and type(node.value) is int:
        return [node.value]
    if isinstance(node, ast.Tuple | ast.List | ast.Set):
        return [n for element in node.elts for n in _ints(element)]
    if isinstance(node, ast.Call) and _name_of(node.func) in ("frozenset", "set", "tuple"):
        return [n for arg in node.args for n in _ints(arg)]
    if isinstance(node, ast.Call) and _name_of(node.func) == "range" and node.args:
        bounds = [_ints(arg) for arg in node.args]
        if all(len(b) == 1 for b in bounds):
            low, high = (0, bounds[0][0]) if len(bounds) == 1 else (bounds[0][0], bounds[1][0])
            return list(range(low, high))
    return []


def _share(node: ast.Call) -> Fraction | None:
    args = node.args
    try:
        if len(args) == 2 and all(isinstance(a, ast.Constant) for a in args):
            return Fraction(args[0].value, args[1].value)  # type: ignore[union-attr]
        if len(args) == 1 and isinstance(args[0], ast.Constant):
            return Fraction(args[0].value)  # type: ignore[union-attr]
    except (TypeError, ValueError, ZeroDivisionError):
        return None
    return None


class _CodeScan(ast.NodeVisitor):
    def __init__(self, figures: Figures) -> None:
        self.figures = figures
        self.found: list[tuple[int, str]] = []
        self.strings: list[ast.Constant] = []

    def visit_Constant(self, node: ast.Constant) -> None:
        if isinstance(node.value, str):
            self.strings.append(node)

    def visit_JoinedStr(self, node: ast.JoinedStr) -> None:
        # An f-string is scanned as one text, its literal values put back in place, so
        # f"{7} ngày" is found; any other expression stands as a placeholder.
        parts: list[str] = []
        for value in node.values:
            if isinstance(value, ast.Constant) and isinstance(value.value, str):
                parts.append(value.value)
            elif isinstance(value, ast.FormattedValue):
                inner = value.value
                literal = isinstance(inner, ast.Constant) and type(inner.value) in (int, str)
                parts.append(str(inner.value) if literal else "{…}")  # type: ignore[union-attr]
                self.visit(inner)
        text = ast.Constant(value="".join(parts))
        ast.copy_location(text, node)
        self.strings.append(text)

    def visit_Call(self, node: ast.Call) -> None:
        callee = _name_of(node.func)
        if callee in ("timedelta", "relativedelta"):
            for keyword in node.keywords:
                value = keyword.value
                if (
                    keyword.arg in ("days", "weeks", "months")
                    and isinstance(value, ast.Constant)
                    and value.value in self.figures.periods - {1}
                ):
                    self.found.append((node.lineno, f"{callee}({keyword.arg}={value.value})"))
            if node.args and isinstance(node.args[0], ast.Constant):
                if node.args[0].value in self.figures.periods - {1}:
                    self.found.append((node.lineno, f"{callee}({node.args[0].value})"))
        elif callee == "Fraction":
            share = _share(node)
            if share is not None and share in self.figures.shares:
                self.found.append((node.lineno, f"Fraction({share})"))
        self.generic_visit(node)

    def visit_Compare(self, node: ast.Compare) -> None:
        sides = [node.left, *node.comparators]
        if any(_SCOPE_NAME.search(_name_of(side)) for side in sides):
            for index, side in enumerate(sides):
                numbers = _ints(side)
                if (
                    numbers == [1]
                    and index < len(node.ops)
                    and isinstance(node.ops[index], ast.LtE)
                ):
                    continue  # "1 <= category": numbering starts at one, not a legal figure
                if any(n in self.figures.scoped for n in numbers):
                    self.found.append((node.lineno, f"compared with {numbers}"))
        elif any(_MEASURE_NAME.search(_name_of(side)) for side in sides):
            # "(due - start).days > 30", "len(members) < 5": a period or count of the law.
            for side in sides:
                if isinstance(side, ast.Constant) and type(side.value) is int:
                    if side.value > 1 and side.value in self.figures.periods | self.figures.counts:
                        self.found.append((node.lineno, f"compared with {side.value}"))
        self.generic_visit(node)

    def _assigned(self, targets: Iterable[ast.AST], value: ast.AST | None, line: int) -> None:
        names = " ".join(_name_of(target) for target in targets)
        if value is None:
            return
        if _SCOPE_NAME.search(names):
            numbers = _ints(value)
            if any(n in self.figures.scoped for n in numbers):
                self.found.append((line, f"{names} = {numbers}"))
            if isinstance(value, ast.Call):
                self._bounds(value, line)
        if _LIST_NAME.search(names) and isinstance(value, ast.Tuple | ast.List | ast.Set):
            # PUB-TTHC's elements as a literal list: its length is the table's count.
            if len(value.elts) in self.figures.counts and all(
                isinstance(e, ast.Constant) and isinstance(e.value, str) for e in value.elts
            ):
                self.found.append((line, f"{names}: {len(value.elts)} names"))

    def _bounds(self, call: ast.Call, line: int) -> None:
        # Field(ge=1, le=14) on a category: the upper bound is PUB-CAT's count.
        for keyword in call.keywords:
            if keyword.arg in ("le", "lt") and isinstance(keyword.value, ast.Constant):
                bound = keyword.value.value
                if isinstance(bound, int) and bound - (keyword.arg == "lt") in (
                    self.figures.scope_sizes | self.figures.counts
                ):
                    self.found.append((line, f"{keyword.arg}={bound}"))

    def visit_Assign(self, node: ast.Assign) -> None:
        self._assigned(node.targets, node.value, node.lineno)
        self.generic_visit(node)

    def visit_AnnAssign(self, node: ast.AnnAssign) -> None:
        self._assigned([node.target], node.value, node.lineno)
        if _SCOPE_NAME.search(_name_of(node.target)):
            for sub in ast.walk(node.annotation):
                if isinstance(sub, ast.Call):
                    self._bounds(sub, node.lineno)
        self.generic_visit(node)

    def visit_arg(self, node: ast.arg) -> None:
        if node.annotation is not None and _SCOPE_NAME.search(node.arg):
            for sub in ast.walk(node.annotation):
                if isinstance(sub, ast.Call):
                    self._bounds(sub, node.lineno)
        self.generic_visit(node)


def scan_python(path: str, source: str, figures: Figures) -> list[Finding]:
    """Figures in a module's code and in its string literals (docstrings included)."""
    tree = ast.parse(source, filename=path)
    lines = source.splitlines()
    visitor = _CodeScan(figures)
    visitor.visit(tree)
    hits: list[tuple[int, str]] = list(visitor.found)
    for node in visitor.strings:
        for offset, matched in scan_text(node.value, figures):
            line = node.lineno + node.value.count("\n", 0, offset)
            hits.append((min(line, node.end_lineno or line), matched))
    return [
        Finding(path, line, matched, lines[line - 1].strip() if line <= len(lines) else "")
        for line, matched in sorted(set(hits))
    ]


def scan_file(root: Path, path: Path, figures: Figures) -> list[Finding]:
    relative = path.relative_to(root).as_posix()
    text = path.read_text(encoding="utf-8")
    if path.suffix == ".py":
        return scan_python(relative, text, figures)
    return scan_plain(relative, text, figures)
