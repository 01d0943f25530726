"""The dashboard's charts: well-formed SVG an XML parser reads, points placed to scale, gaps
where a rate has nothing to divide, and a chart without data that says so to everyone."""

from __future__ import annotations

import itertools
import xml.etree.ElementTree as ET

import pytest

from qcdc_gateway.web.charts import FRAME, Point, bar_chart, line_chart, nice_scale

pytestmark = pytest.mark.unit

SVG = "{http://www.w3.org/2000/svg}"
MONTHS: list[Point] = [(str(m), float(v)) for m, v in enumerate([0, 2, 4, 1] + [0] * 8, start=1)]
TEXTS = {"x_caption": "Tháng", "empty_text": "Không có dữ liệu"}


def parse(svg: str) -> ET.Element:
    root = ET.fromstring(svg)  # raises on anything not well-formed
    assert root.tag == f"{SVG}svg"
    return root


def accessible_name(root: ET.Element) -> str:
    """What assistive technology reads: the elements ``aria-labelledby`` names, in order."""
    assert root.get("role") == "img"
    by_id = {el.get("id"): el for el in root.iter() if el.get("id")}
    return " ".join((by_id[ref].text or "") for ref in root.get("aria-labelledby", "").split())


def test_a_bar_chart_is_well_formed_named_and_described_value_by_value() -> None:
    root = parse(bar_chart(MONTHS, chart_id="c1", title="Tin công khai, 2026", **TEXTS))
    name = accessible_name(root)
    assert name.startswith("Tin công khai, 2026")
    assert "Tháng 3: 4" in name and "Tháng 12: 0" in name
    assert "chart" in (root.get("class") or "").split()
    bars = root.findall(f".//{SVG}rect[@class='bar']")
    assert len(bars) == 12
    # Each bar has its own tooltip, and the axis labels every month.
    assert bars[2].find(f"{SVG}title").text == "3: 4"  # type: ignore[union-attr]
    ticks = [t for t in root.iter(f"{SVG}text") if t.get("class") == "tick"]
    assert [t.text for t in ticks if t.get("text-anchor") == "middle"] == [
        str(m) for m in range(1, 13)
    ]
    assert [t.text for t in ticks if t.get("text-anchor") == "end"] == ["0", "1", "2", "3", "4"]


def test_bars_are_drawn_to_scale_from_the_baseline() -> None:
    root = parse(bar_chart(MONTHS, chart_id="c2", title="t", **TEXTS))
    bars = root.findall(f".//{SVG}rect[@class='bar']")
    heights = [float(bar.get("height", "nan")) for bar in bars]
    # Axis top for a maximum of 4 is 4: the tallest bar spans the whole plot, 2 spans half.
    assert heights[2] == pytest.approx(FRAME.plot_height, abs=0.1)
    assert heights[1] == pytest.approx(FRAME.plot_height / 2, abs=0.1)
    assert heights[3] == pytest.approx(FRAME.plot_height / 4, abs=0.1)
    assert heights[0] == 0
    for bar, height in zip(bars, heights, strict=True):
        assert float(bar.get("y", "nan")) + height == pytest.approx(FRAME.baseline, abs=0.1)
    xs = [float(bar.get("x", "nan")) for bar in bars]
    steps = [b - a for a, b in itertools.pairwise(xs)]
    # Months evenly spaced, in order (coordinates are written to 0.1).
    assert steps == pytest.approx([FRAME.plot_width / 12] * 11, abs=0.15)


def test_a_line_chart_scales_to_its_fixed_top_and_breaks_where_a_rate_is_unknown() -> None:
    points: list[Point] = [("1", 100.0), ("2", 50.0), ("3", None), ("4", 0.0), ("5", 25.0)]
    root = parse(
        line_chart(points, chart_id="c3", title="Đúng hạn (%)", unit="%", top=100.0, **TEXTS)
    )
    dots = root.findall(f".//{SVG}circle")
    ys = [float(dot.get("cy", "nan")) for dot in dots]
    assert len(dots) == 4  # none for the month without a value
    assert ys[0] == pytest.approx(FRAME.top, abs=0.1)
    assert ys[1] == pytest.approx(FRAME.top + FRAME.plot_height / 2, abs=0.1)
    assert ys[2] == pytest.approx(FRAME.baseline, abs=0.1)
    lines = root.findall(f".//{SVG}polyline")
    assert [len((line.get("points") or "").split()) for line in lines] == [2, 2]
    name = accessible_name(root)
    assert "Tháng 1: 100%" in name and "Tháng 3: Không có dữ liệu" in name
    tick_labels = {t.text for t in root.iter(f"{SVG}text") if t.get("class") == "tick"}
    assert {"0%", "50%", "100%"} <= tick_labels


@pytest.mark.parametrize("draw", [bar_chart, line_chart])
@pytest.mark.parametrize("points", [[], [("1", None), ("2", None)]])
def test_a_chart_without_data_says_so_to_eyes_and_to_screen_readers(
    draw: object, points: list[Point]
) -> None:
    svg = draw(points, chart_id="empty", title="Vi phạm, 2026", **TEXTS)  # type: ignore[operator]
    root = parse(svg)
    assert "Không có dữ liệu" in accessible_name(root)
    shown = [t.text for t in root.iter(f"{SVG}text")]
    assert shown == ["Không có dữ liệu"]
    assert root.find(f".//{SVG}rect") is None and root.find(f".//{SVG}circle") is None


def test_texts_are_escaped_so_the_svg_stays_well_formed() -> None:
    points: list[Point] = [("<1>", 1.0), ("&2", 2.0)]
    svg = bar_chart(points, chart_id='x"y', title="A < B & C", x_caption="M&M", empty_text="-")
    root = parse(svg)
    assert accessible_name(root).startswith("A < B & C")


@pytest.mark.parametrize(
    ("maximum", "top", "step"),
    [(0, 1, 1), (1, 1, 1), (3, 3, 1), (4, 4, 1), (7, 8, 2), (19, 20, 5), (100, 100, 50)],
)
def test_axes_end_on_a_round_number_in_at_most_four_steps(
    maximum: float, top: float, step: float
) -> None:
    assert nice_scale(maximum) == (top, step)
