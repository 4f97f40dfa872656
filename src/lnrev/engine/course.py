"""The level assessment of contract section 3, on readings in time order.

A level target is assessed on its own values; change and growth targets are first turned into
readings of an index (baseline = 100) by their kind, assessed here the same way, and reported back
in their own terms by their kind. Nothing here reads files or prints.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from lnrev.engine import formulas
from lnrev.engine.formulas import Trajectory
from lnrev.engine.results import Measures, Reading
from lnrev.engine.timeline import Point, decimal_year
from lnrev.engine.verdicts import Thresholds, Verdict


@dataclass(frozen=True)
class Goal:
    """Where a course must arrive, and how it is judged."""

    by: Point
    value: float
    direction: str | None
    tolerance: float
    method: str
    met_level: float | None = None
    """Replaces the target value in the `met` test where a kind defines it otherwise (growth)."""


@dataclass(frozen=True)
class Course:
    """A level assessment before it is reported in the target's own terms."""

    baseline: Reading | None
    latest: Reading | None
    d: int | None
    measures: Measures
    verdict: Verdict
    note: str | None


def direction_sign(direction: str | None) -> int | None:
    """+1 for "increase", -1 for "decrease", None when not declared."""
    return {"increase": 1, "decrease": -1}.get(direction or "")


def direction_name(d: int | None) -> str | None:
    return {1: "increase", -1: "decrease"}.get(d or 0)


def assess_course(
    considered: list[Reading],
    declared_baseline: Reading | None,
    goal: Goal,
    thresholds: Thresholds,
    as_of: date,
) -> Course:
    """The level assessment of contract section 3.

    The baseline is the declared one, else the earliest considered reading; the latest is the last
    considered reading after the baseline, else the baseline itself.
    """
    baseline = declared_baseline or (considered[0] if considered else None)
    if baseline is None:
        note = f"no observation known as of {as_of.isoformat()}"
        return Course(
            None, None, direction_sign(goal.direction), Measures(), Verdict.INSUFFICIENT_DATA, note
        )
    t_b = decimal_year(baseline.at)
    later = [reading for reading in considered if decimal_year(reading.at) > t_b]
    latest = later[-1] if later else baseline
    value = goal.value
    d = direction_sign(goal.direction) or (1 if value >= baseline.value else -1)
    path = Trajectory(
        t_b, baseline.value, decimal_year(latest.at), latest.value, decimal_year(goal.by), value, d
    )
    measures = Measures(
        gap=formulas.gap(path.V, path.v_l),
        progress=formulas.progress(path),
        time_elapsed=formulas.time_elapsed(path),
        years_left=formulas.years_left(path.T, path.t_l),
        actual_change_per_year=formulas.actual_change_per_year(path),
        actual_growth_per_year=formulas.actual_growth_per_year(path),
        required_change_per_year=formulas.required_change_per_year(path),
        required_growth_per_year=formulas.required_growth_per_year(path),
        projected=formulas.PROJECTION[goal.method](path),
        ratio=formulas.RATIO[goal.method](path),
    )
    met_level = value if goal.met_level is None else goal.met_level
    reached = d * (path.v_l - met_level) >= -goal.tolerance
    verdict, note = _verdict(path, measures.ratio, reached, goal.method, thresholds)
    return Course(baseline, latest, d, measures, verdict, note)


def _verdict(
    path: Trajectory, ratio: float | None, reached: bool, method: str, thresholds: Thresholds
) -> tuple[Verdict, str | None]:
    """The verdict rules of contract section 3, first that applies (rule 1 is in assess_course)."""
    if reached:
        return Verdict.MET, "reached before the deadline" if path.t_l < path.T else None
    if path.t_l >= path.T:
        return Verdict.MISSED, "the deadline has passed short of the target"
    if ratio is None:
        return Verdict.INSUFFICIENT_DATA, _why_no_ratio(path, method)
    return thresholds.band(ratio), None


def _why_no_ratio(path: Trajectory, method: str) -> str:
    if path.t_l == path.t_b:
        return "nothing observed after the baseline yet: no pace"
    if path.v_b == path.V:
        return "the baseline already equals the target"
    if path.t_b >= path.T:
        return "the baseline is at the deadline"
    if method != "linear" and min(path.v_b, path.v_l, path.V) <= 0:
        return f"the {method} method needs positive values"
    return "the pace is too large to compute"
