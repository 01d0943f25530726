"""Charts of a monthly series as inline SVG strings: no script, no library, nothing fetched.

Each chart is an image to assistive technology (``role="img"``) named by its ``<title>`` and
described by a ``<desc>`` that reads every value, so the numbers are there without the
picture. Texts come from the caller (already translated); every one is escaped here.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from html import escape

Point = tuple[str, float | None]  # (axis label, value); None: nothing to show for that label


@dataclass(frozen=True)
class Frame:
    """The drawing area inside the viewBox; the margins hold the axes' labels."""

    width: int = 320
    height: int = 180
    left: int = 36
    right: int = 8
    top: int = 10
    bottom: int = 36

    @property
    def plot_width(self) -> float:
        return float(self.width - self.left - self.right)

    @property
    def plot_height(self) -> float:
        return float(self.height - self.top - self.bottom)

    @property
    def baseline(self) -> float:
        return float(self.top) + self.plot_height


FRAME = Frame()


def nice_scale(maximum: float) -> tuple[float, float]:
    """An axis top and tick step with at most four steps of 1, 2 or 5 × 10ⁿ: readable ticks."""
    if maximum <= 0:
        return 1.0, 1.0
    magnitude = 10 ** math.floor(math.log10(maximum))
    for factor in (0.1, 0.2, 0.5, 1, 2, 5, 10):
        step = factor * magnitude
        if maximum / step <= 4:
            # Counts have no fractional ticks: a step under 1 would label "0.5 postings".
            step = max(step, 1.0) if maximum >= 1 else step
            return math.ceil(maximum / step) * step, step
    return maximum, maximum  # not reached: factor 10 always fits


def number(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else f"{value:.1f}"


def _x(frame: Frame, index: int, count: int) -> float:
    """The centre of the ``index``-th of ``count`` equal bands."""
    return frame.left + (index + 0.5) * frame.plot_width / count


def _y(frame: Frame, value: float, top: float) -> float:
    return frame.baseline - value / top * frame.plot_height


def _description(points: Sequence[Point], x_caption: str, unit: str, missing: str) -> str:
    return "; ".join(
        f"{x_caption} {label}: {missing if value is None else number(value) + unit}"
        for label, value in points
    )


def _open(chart_id: str, title: str, description: str, frame: Frame, kind: str) -> list[str]:
    return [
        f'<svg class="chart chart-{kind}" role="img" id="{escape(chart_id)}" '
        f'viewBox="0 0 {frame.width} {frame.height}" '
        f'aria-labelledby="{escape(chart_id)}-title {escape(chart_id)}-desc" '
        f'xmlns="http://www.w3.org/2000/svg" focusable="false">',
        f'<title id="{escape(chart_id)}-title">{escape(title)}</title>',
        f'<desc id="{escape(chart_id)}-desc">{escape(description)}</desc>',
    ]


def _axes(
    frame: Frame, points: Sequence[Point], top: float, step: float, x_caption: str, unit: str
) -> list[str]:
    parts = ['<g class="axis" aria-hidden="true">']
    ticks = round(top / step)
    for i in range(ticks + 1):
        value = i * step
        y = _y(frame, value, top)
        parts.append(
            f'<line class="grid" x1="{frame.left}" x2="{frame.width - frame.right}" '
            f'y1="{y:.1f}" y2="{y:.1f}"/>'
        )
        parts.append(
            f'<text class="tick" x="{frame.left - 4}" y="{y + 4:.1f}" text-anchor="end">'
            f"{escape(number(value) + unit)}</text>"
        )
    for index, (label, _) in enumerate(points):
        x = _x(frame, index, len(points))
        parts.append(
            f'<text class="tick" x="{x:.1f}" y="{frame.baseline + 14:.1f}" '
            f'text-anchor="middle">{escape(label)}</text>'
        )
    parts.append(
        f'<text class="caption" x="{frame.left + frame.plot_width / 2:.1f}" '
        f'y="{frame.height - 4}" text-anchor="middle">{escape(x_caption)}</text>'
    )
    parts.append(
        f'<line class="baseline" x1="{frame.left}" x2="{frame.width - frame.right}" '
        f'y1="{frame.baseline:.1f}" y2="{frame.baseline:.1f}"/>'
    )
    parts.append("</g>")
    return parts


def _empty(chart_id: str, title: str, empty_text: str, frame: Frame, kind: str) -> str:
    parts = _open(chart_id, title, empty_text, frame, kind)
    parts.append(
        f'<text class="empty" x="{frame.width / 2:.1f}" y="{frame.height / 2:.1f}" '
        f'text-anchor="middle">{escape(empty_text)}</text>'
    )
    parts.append("</svg>")
    return "".join(parts)


def _has_data(points: Sequence[Point]) -> bool:
    return any(value is not None for _, value in points)


def bar_chart(
    points: Sequence[Point],
    *,
    chart_id: str,
    title: str,
    x_caption: str,
    empty_text: str,
    unit: str = "",
    frame: Frame = FRAME,
) -> str:
    """A count per label as bars from zero."""
    if not _has_data(points):
        return _empty(chart_id, title, empty_text, frame, "bar")
    top, step = nice_scale(max(v for _, v in points if v is not None))
    description = _description(points, x_caption, unit, empty_text)
    parts = _open(chart_id, title, description, frame, "bar")
    parts += _axes(frame, points, top, step, x_caption, unit)
    band = frame.plot_width / len(points)
    width = band * 0.7
    parts.append('<g class="series">')
    for index, (label, value) in enumerate(points):
        if value is None:
            continue
        y = _y(frame, value, top)
        x = _x(frame, index, len(points)) - width / 2
        parts.append(
            f'<rect class="bar" x="{x:.1f}" y="{y:.1f}" width="{width:.1f}" '
            f'height="{frame.baseline - y:.1f}"><title>{escape(label)}: '
            f"{escape(number(value) + unit)}</title></rect>"
        )
    parts.append("</g></svg>")
    return "".join(parts)


def line_chart(
    points: Sequence[Point],
    *,
    chart_id: str,
    title: str,
    x_caption: str,
    empty_text: str,
    unit: str = "",
    top: float | None = None,
    frame: Frame = FRAME,
) -> str:
    """A value per label joined by lines; a label without a value breaks the line there (a
    rate with nothing to divide is unknown, not zero). ``top`` fixes the axis (100 for %)."""
    if not _has_data(points):
        return _empty(chart_id, title, empty_text, frame, "line")
    if top is None:
        axis_top, step = nice_scale(max(v for _, v in points if v is not None))
    else:
        axis_top, step = top, top / 4
    description = _description(points, x_caption, unit, empty_text)
    parts = _open(chart_id, title, description, frame, "line")
    parts += _axes(frame, points, axis_top, step, x_caption, unit)
    parts.append('<g class="series">')
    runs: list[list[tuple[float, float]]] = [[]]
    dots: list[str] = []
    for index, (label, value) in enumerate(points):
        if value is None:
            runs.append([])
            continue
        x, y = _x(frame, index, len(points)), _y(frame, value, axis_top)
        runs[-1].append((x, y))
        dots.append(
            f'<circle class="dot" cx="{x:.1f}" cy="{y:.1f}" r="3"><title>{escape(label)}: '
            f"{escape(number(value) + unit)}</title></circle>"
        )
    for run in runs:
        if len(run) > 1:
            path = " ".join(f"{x:.1f},{y:.1f}" for x, y in run)
            parts.append(f'<polyline class="line" points="{path}"/>')
    parts += dots
    parts.append("</g></svg>")
    return "".join(parts)
