"""What the chart of `lnrev gap` shows, as plain numbers (pure: no plotting library here).

Five things, on a decimal-year axis: the observations; the path the target requires from its
baseline (straight for the linear method, the compound-growth curve otherwise); the projection from
the latest observation at the pace so far; the 80% interval of the straight-line trend at the
deadline (contract section 11), where there is one; and the target itself. Each kind says on
which scale it is drawn: level and bound targets in their unit, change targets in cumulative % vs
the baseline, growth targets on their index (baseline = 100), the scale on which they compound.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from lnrev.engine.formulas import power
from lnrev.engine.results import Assessment
from lnrev.engine.timeline import decimal_year
from lnrev.model.kinds import kind_of

SAMPLES = 24
MAX_TICKS = 6


@dataclass(frozen=True)
class Series:
    role: str  # "observed", "required", "projection", "interval" or "target"
    label: str
    points: tuple[tuple[float, float], ...]  # (decimal year, value)


@dataclass(frozen=True)
class Chart:
    title: str
    y_label: str
    series: tuple[Series, ...]
    deadline: float
    """The target's deadline, in decimal years."""

    def drawable(self) -> bool:
        """False when its values span more than a float can hold (the chart is then left out)."""
        values = [value for series in self.series for _, value in series.points]
        return not values or math.isfinite(max(values) - min(values))


def chart_of(a: Assessment) -> Chart:
    """The chart of one assessment."""
    kind = kind_of(a.kind)
    observed = Series(
        "observed",
        "observed",
        _finite(
            (decimal_year(h.at), kind.chart_value(a, h.value, h.at))
            for h in a.history
            if h.value is not None
        ),
    )
    series = [observed]
    target_index = kind.to_index(a, a.target.value, a.target.at)
    if kind.has_course:
        if a.baseline is not None:
            series.append(_required_path(a, target_index))
        projection = _projection(a)
        if projection is not None:
            series.append(projection)
        if a.trend is not None:
            series.append(_interval(a))
    times = [t for line in series for t, _ in line.points] + [decimal_year(a.target.at)]
    level = kind.index_to_chart(target_index)
    series.append(
        Series(
            "target",
            kind.chart_target_label(a),
            _finite([(min(times), level), (max(times), level)]),
        )
    )
    return Chart(a.name, kind.chart_y_label(a), tuple(series), decimal_year(a.target.at))


def year_ticks(start: float, end: float) -> list[float]:
    """Year-ends (whole decimal years) from `start` to `end`, at most MAX_TICKS of them."""
    first, last = math.floor(start), math.ceil(end)
    step = max(1, math.ceil((last - first) / (MAX_TICKS - 1)))
    return [float(year) for year in range(first, last + 1, step)]


def year_end_label(tick: float) -> str:
    """A whole decimal year as the ISO date lnrev writes for it: 2025.0 is 2024-12-31."""
    return f"{int(tick) - 1}-12-31"


def _finite(points) -> tuple[tuple[float, float], ...]:
    """Only the points that can be drawn: a course that overflows leaves the chart there."""
    return tuple((t, v) for t, v in points if math.isfinite(v))


def _on_chart(a: Assessment, points) -> tuple[tuple[float, float], ...]:
    to_chart = kind_of(a.kind).index_to_chart
    return _finite((t, to_chart(v)) for t, v in points)


def _required_path(a: Assessment, end: float) -> Series:
    t_b, t_end = decimal_year(a.baseline.at), decimal_year(a.target.at)
    start = kind_of(a.kind).to_index(a, a.baseline.value, a.baseline.at)
    if a.method == "linear" or start <= 0 or end <= 0:
        points = ((t_b, start), (t_end, end))
    else:
        points = tuple(
            (t_b + k * (t_end - t_b) / SAMPLES, start * power(end / start, k / SAMPLES))
            for k in range(SAMPLES + 1)
        )
    return Series("required", "required path", _on_chart(a, points))


def _interval(a: Assessment) -> Series:
    """The trend's 80% prediction interval at the deadline: from its low to its high end."""
    kind = kind_of(a.kind)
    ends = (kind.to_index(a, value, a.target.at) for value in (a.trend.low, a.trend.high))
    deadline = decimal_year(a.target.at)
    return Series("interval", "80% interval", _on_chart(a, ((deadline, end) for end in ends)))


def _projection(a: Assessment) -> Series | None:
    if a.latest is None:
        return None
    m = a.measures
    t_l, t_end = decimal_year(a.latest.at), decimal_year(a.target.at)
    start = kind_of(a.kind).to_index(a, a.latest.value, a.latest.at)
    if a.method == "linear" and m.actual_change_per_year is not None:
        points = ((t_l, start), (t_end, start + m.actual_change_per_year * (t_end - t_l)))
    elif a.method in ("compound", "unsd") and m.actual_growth_per_year is not None:
        growth = m.actual_growth_per_year
        points = tuple(
            (
                t_l + k * (t_end - t_l) / SAMPLES,
                start * power(1 + growth, k * (t_end - t_l) / SAMPLES),
            )
            for k in range(SAMPLES + 1)
        )
    else:
        return None
    return Series("projection", "at the pace so far", _on_chart(a, points))
