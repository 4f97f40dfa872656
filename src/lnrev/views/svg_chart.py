"""The chart of one target as inline SVG, for the HTML report (pure text: no plotting library).

It draws the same `chart.Chart` as the terminal: the observations, the required path, the pace so
far to the deadline, the trend's 80% interval as a band at the deadline, the target as a level
across the plot, and a vertical line at the deadline.
Both axes are linear maps from the data (decimal years, the kind's chart scale) to the drawing;
each series also carries its data unrounded in `data-points`, so that a reader, or a test, can
check every mark against the numbers. The SVG scales with its container (a viewBox, no fixed size).
"""

from __future__ import annotations

import math
import sys
from html import escape
from typing import NamedTuple

from lnrev.views.chart import Chart, Series, year_end_label, year_ticks
from lnrev.views.wording import number, one_line

WIDTH, HEIGHT = 460, 280
LEFT, RIGHT, TOP, BOTTOM = 52, 40, 14, 40
Y_TICKS = 6

SERIES_STYLES = {
    "target": 'stroke="#1d6b36" stroke-width="2.5"',
    "required": 'stroke="#5b3f8c" stroke-width="2" stroke-dasharray="7 5"',
    "projection": 'stroke="#a04a00" stroke-width="2" stroke-dasharray="2 4" stroke-linecap="round"',
    "interval": 'stroke="#a04a00" stroke-width="1.5" fill="#a04a00" fill-opacity="0.18"',
    "observed": 'stroke="#1f4e79" fill="#1f4e79"',
    "deadline": 'stroke="#555555" stroke-width="1.5" stroke-dasharray="10 3 2 3"',
}
"""Each line drawn differently (solid, dashed, dotted, dash-dot, dots), so that no mark is told
apart by its colour alone; every colour has at least 3:1 contrast on white (WCAG 2.1, 1.4.11)."""
DRAWING_ORDER = ("target", "required", "projection", "interval", "observed")
"""Observations on top."""
BAND_HALF_WIDTH = 5
"""Half the width of the interval's band at the deadline, in drawing units."""


class Scale(NamedTuple):
    """A linear map from data to drawing: `low` goes to `start`, `high` to `end`."""

    low: float
    high: float
    start: float
    end: float

    def __call__(self, value: float) -> float:
        return self.start + (value - self.low) * (self.end - self.start) / (self.high - self.low)


def svg(chart: Chart, title: str) -> str:
    """The chart as an `<svg>` element, titled for screen readers; an empty string when it has
    nothing to draw or its values span beyond a float."""
    drawn = sorted((s for s in chart.series if s.points), key=lambda s: DRAWING_ORDER.index(s.role))
    if not drawn or not chart.drawable():
        return ""
    times = [t for s in drawn for t, _ in s.points] + [chart.deadline]
    values = [v for s in drawn for _, v in s.points]
    x = Scale(*_padded(min(times), max(times), 0.02, alone=1.0), LEFT, WIDTH - RIGHT)
    low, high = _padded(min(values), max(values), 0.08, alone=abs(values[0]) * 0.5 or 1.0)
    y = Scale(low, high, HEIGHT - BOTTOM, TOP)
    parts = [
        f'<svg class="chart" viewBox="0 0 {WIDTH} {HEIGHT}" role="img"'
        f' aria-label="{escape(one_line(title))}" xmlns="http://www.w3.org/2000/svg">',
        f"<title>{escape(one_line(title))}</title>",
        *_axes(x, y, chart.y_label),
        *(_series(s, x, y) for s in drawn),
        _deadline(chart.deadline, x, y),
        "</svg>",
    ]
    return "\n".join(parts)


def _padded(low: float, high: float, share: float, alone: float) -> tuple[float, float]:
    """A range with a margin of `share` on both sides; `alone` either side of a single value."""
    span = high - low
    if span == 0 or not math.isfinite(span * (1 + 2 * share)):
        return low - alone, high + alone
    return low - span * share, high + span * share


def _axes(x: Scale, y: Scale, y_label: str) -> list[str]:
    bottom, left = HEIGHT - BOTTOM, LEFT
    parts = [
        f'<g class="axes" stroke="#767676" stroke-width="1">'
        f'<line x1="{left}" y1="{bottom}" x2="{WIDTH - RIGHT}" y2="{bottom}"/>'
        f'<line x1="{left}" y1="{TOP}" x2="{left}" y2="{bottom}"/></g>'
    ]
    ticks = [t for t in year_ticks(x.low, x.high) if x.low <= t <= x.high]
    for t in ticks:
        px = _px(x(t))
        parts.append(
            f'<g class="x-tick"><line x1="{px}" y1="{bottom}" x2="{px}" y2="{bottom + 5}"'
            f' stroke="#767676"/><text x="{px}" y="{bottom + 19}" text-anchor="middle">'
            f"{year_end_label(t)}</text></g>"
        )
    for v in nice_ticks(y.low, y.high):
        py = _px(y(v))
        parts.append(
            f'<g class="y-tick"><line x1="{left}" y1="{py}" x2="{WIDTH - RIGHT}" y2="{py}"'
            f' stroke="#e3e3e3"/><text x="{left - 6}" y="{py}" text-anchor="end"'
            f' dominant-baseline="middle">{escape(number(v))}</text></g>'
        )
    parts.append(
        f'<text class="y-label" x="{left + 4}" y="{TOP + 12}">{escape(one_line(y_label))}</text>'
    )
    return parts


def nice_ticks(low: float, high: float) -> list[float]:
    """Round values (1, 2 or 5 times a power of ten apart) from `low` to `high`, about Y_TICKS."""
    span = high - low
    if not span > 0 or not math.isfinite(span):
        return []
    raw = span / Y_TICKS
    if not raw >= sys.float_info.min:  # a span among the subnormal floats: no round steps
        return []
    magnitude = 10 ** math.floor(math.log10(raw))
    step = next(m * magnitude for m in (1, 2, 5, 10) if m * magnitude >= raw)
    first, last = math.ceil(low / step - 1e-9), math.floor(high / step + 1e-9)
    return [k * step for k in range(first, last + 1)]


def _series(series: Series, x: Scale, y: Scale) -> str:
    """One series: its marks, and its data unrounded in `data-points` ("t,v t,v ...")."""
    data = " ".join(f"{t!r},{v!r}" for t, v in series.points)
    style = SERIES_STYLES[series.role]
    head = f'<g class="series {series.role}" data-points="{data}">'
    if series.role == "observed":
        marks = "".join(
            f'<circle cx="{_px(x(t))}" cy="{_px(y(v))}" r="4.5" {style}/>' for t, v in series.points
        )
    elif series.role == "interval":
        (t, low), (_, high) = series.points
        top, bottom = sorted((y(low), y(high)))
        if bottom - top < 2:  # an exact fit: no spread, drawn as a bar that can be seen
            top, bottom = (top + bottom) / 2 - 1, (top + bottom) / 2 + 1
        marks = (
            f'<rect x="{_px(x(t) - BAND_HALF_WIDTH)}" y="{_px(top)}" width="{2 * BAND_HALF_WIDTH}"'
            f' height="{_px(bottom - top)}" {style}/>'
        )
    else:
        points = " ".join(f"{_px(x(t))},{_px(y(v))}" for t, v in _drawn_points(series, x))
        marks = f'<polyline points="{points}" fill="none" {style}/>'
    return f"{head}{marks}</g>"


def _drawn_points(series: Series, x: Scale) -> tuple[tuple[float, float], ...]:
    """The target is a level: drawn across the whole plot, at its value."""
    if series.role == "target":
        level = series.points[0][1]
        return ((x.low, level), (x.high, level))
    return series.points


def _deadline(deadline: float, x: Scale, y: Scale) -> str:
    px = _px(x(deadline))
    return (
        f'<g class="series deadline" data-points="{deadline!r}">'
        f'<line x1="{px}" y1="{TOP}" x2="{px}" y2="{HEIGHT - BOTTOM}" {SERIES_STYLES["deadline"]}/>'
        "</g>"
    )


def _px(value: float) -> str:
    """A drawing coordinate, to a hundredth of a unit."""
    return f"{value:.2f}"
