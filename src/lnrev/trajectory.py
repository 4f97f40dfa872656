"""What the chart of `lnrev gap` shows, as plain numbers (pure: no plotting library here).

Four things, on a decimal-year axis: the observations; the path the target requires from its
baseline (straight for the linear method, the compound-growth curve otherwise); the projection from
the latest observation at the pace so far; and the target itself. Level and bound targets are drawn
in their unit, change targets in cumulative % vs the baseline, growth targets on their index
(baseline = 100), the scale on which they compound.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from lnrev.assess import Assessment
from lnrev.formulas import power
from lnrev.timeline import Point, decimal_year, iso

SAMPLES = 24


@dataclass(frozen=True)
class Series:
    role: str  # "observed", "required", "projection" or "target"
    label: str
    points: tuple[tuple[float, float], ...]  # (decimal year, value)


@dataclass(frozen=True)
class Chart:
    title: str
    y_label: str
    series: tuple[Series, ...]


def chart_of(a: Assessment) -> Chart:
    """The chart of one assessment."""
    observed = Series(
        "observed",
        "observed",
        _finite(
            (decimal_year(h.at), _drawn(a, h.value, h.at)) for h in a.history if h.value is not None
        ),
    )
    series = [observed]
    if a.kind == "bound":
        label = f"{'ceiling' if a.direction == 'decrease' else 'floor'} {a.target.value:g}"
        level = a.target.value
    else:
        if a.baseline is not None:
            series.append(_required_path(a))
        projection = _projection(a)
        if projection is not None:
            series.append(projection)
        label = f"target {a.target.value:g}{' % a year' if a.kind == 'growth' else ''}"
        level = _plotted(a, _target_on_scale(a))
    times = [t for line in series for t, _ in line.points] + [decimal_year(a.target.at)]
    series.append(Series("target", label, _finite([(min(times), level), (max(times), level)])))
    return Chart(a.name, _y_label(a), tuple(series))


def _finite(points) -> tuple[tuple[float, float], ...]:
    """Only the points that can be drawn: a course that overflows leaves the chart there."""
    return tuple((t, v) for t, v in points if math.isfinite(v))


def _y_label(a: Assessment) -> str:
    if a.kind == "change":
        return f"% vs {iso(a.baseline.at)}"
    if a.kind == "growth":
        return f"index, {iso(a.baseline.at)} = 100"
    return a.unit or "value"


def _drawn(a: Assessment, value: float, at: Point) -> float:
    """A reported value as drawn: as it is, except growth rates, which become their index."""
    if a.kind == "growth":
        years = decimal_year(at) - decimal_year(a.baseline.at)
        return 100.0 * power(1 + value / 100, years)
    return value


def _assessed(a: Assessment, value: float | None, at: Point) -> float:
    """A reported value on the scale the assessment runs on: the index for change and growth."""
    if a.kind in ("change", "growth") and value is None:
        return 100.0  # the baseline of an index
    if a.kind == "change":
        return 100.0 + value
    return _drawn(a, value, at)


def _target_on_scale(a: Assessment) -> float:
    """The target on the assessment's scale: the value, 100 + change, or the target index."""
    if a.kind == "change":
        return 100.0 + a.target.value
    return _drawn(a, a.target.value, a.target.at) if a.kind == "growth" else a.target.value


def _plotted(a: Assessment, value: float) -> float:
    """From the assessment's scale to the chart's: change targets are drawn in cumulative %."""
    return value - 100.0 if a.kind == "change" else value


def _required_path(a: Assessment) -> Series:
    t_b, t_end = decimal_year(a.baseline.at), decimal_year(a.target.at)
    start, end = _assessed(a, a.baseline.value, a.baseline.at), _target_on_scale(a)
    if a.method == "linear" or start <= 0 or end <= 0:
        points = ((t_b, start), (t_end, end))
    else:
        points = tuple(
            (t_b + k * (t_end - t_b) / SAMPLES, start * power(end / start, k / SAMPLES))
            for k in range(SAMPLES + 1)
        )
    return Series("required", "required path", _finite((t, _plotted(a, v)) for t, v in points))


def _projection(a: Assessment) -> Series | None:
    if a.latest is None:
        return None
    m = a.measures
    t_l, t_end = decimal_year(a.latest.at), decimal_year(a.target.at)
    start = _assessed(a, a.latest.value, a.latest.at)
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
    return Series(
        "projection", "at the pace so far", _finite((t, _plotted(a, v)) for t, v in points)
    )
