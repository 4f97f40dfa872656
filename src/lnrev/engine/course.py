"""The level assessment of contract section 3, on observations in time order.

A level target is assessed on its own values; change and growth targets are first turned into
readings of an index (baseline = 100) by their kind, assessed here the same way, and reported back
in their own terms by their kind. Here are the baseline rules (declared, plan, first observation),
which observations are considered, every measure, the verdict with its outlook, and the caveats.
Nothing here reads files or prints.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple

from lnrev.engine import formulas
from lnrev.engine.formulas import Trajectory
from lnrev.engine.results import Measures, Reading
from lnrev.engine.rules import Rules
from lnrev.engine.timeline import Point, decimal_year, iso
from lnrev.engine.verdicts import Caveat, Outlook, Verdict

SETTLED = (Verdict.MET, Verdict.MISSED)
"""Verdicts that no later figure can change: a stale caveat does not apply to them."""


class Observed(NamedTuple):
    """An observation on the scale the assessment runs on, and whether it was known on as-of."""

    at: Point
    value: float
    known: bool


class Anchor(NamedTuple):
    """A baseline the target itself sets: `declared`, or `plan` (the plan base of an index)."""

    reading: Reading
    rule: str


class Goal(NamedTuple):
    """Where a course must arrive, and how it is judged."""

    by: Point
    value: float | None
    direction: str | None
    tolerance: float
    method: str
    delta: float | None = None
    """A level target's change from its baseline: V = v_b + delta (when `value` is None)."""
    met_level: float | None = None
    """Replaces the target value in the `met` test where a kind defines it otherwise (growth)."""


class Course(NamedTuple):
    """A level assessment before it is reported in the target's own terms."""

    baseline: Reading | None
    baseline_from: str | None
    latest: Reading | None
    target: float | None
    d: int | None
    measures: Measures
    verdict: Verdict
    outlook: Outlook | None
    caveats: tuple[Caveat, ...]
    note: str | None
    considered: tuple[bool, ...]


def direction_sign(direction: str | None) -> int | None:
    """+1 for "increase", -1 for "decrease", None when not declared."""
    return {"increase": 1, "decrease": -1}.get(direction or "")


def direction_name(d: int | None) -> str | None:
    return {1: "increase", -1: "decrease"}.get(d or 0)


def assess_course(
    observed: Sequence[Observed], anchor: Anchor | None, goal: Goal, rules: Rules
) -> Course:
    """The level assessment of contract section 3 (`observed` in time order)."""
    T, A = decimal_year(goal.by), decimal_year(rules.as_of)
    baseline, considered = _baseline(observed, anchor, T, rules.plan_base)
    years_left = formulas.years_left(T, A)
    if baseline is None:
        return Course(
            None,
            None,
            None,
            goal.value,
            direction_sign(goal.direction),
            Measures(years_left=years_left),
            Verdict.INSUFFICIENT_DATA,
            None,
            (),
            _why_no_baseline(observed, goal, rules),
            considered,
        )
    start, rule = baseline
    t_b = decimal_year(start.at)
    later = [o for o, counted in zip(observed, considered, strict=True) if counted]
    later = [o for o in later if decimal_year(o.at) > t_b]
    latest = Reading(later[-1].at, later[-1].value) if later else start
    V = goal.value if goal.value is not None else formulas.delta_target(start.value, goal.delta)
    if V is None:
        note = "the target value (baseline + delta) is too large to compute"
        return Course(
            start,
            rule,
            latest,
            None,
            direction_sign(goal.direction),
            Measures(years_left=years_left),
            Verdict.INSUFFICIENT_DATA,
            None,
            (),
            note,
            considered,
        )
    d = direction_sign(goal.direction) or (1 if start.value <= V else -1)
    path = Trajectory(t_b, start.value, decimal_year(latest.at), latest.value, T, V, d)
    measures = Measures(
        gap=formulas.gap(path.V, path.v_l),
        progress=formulas.progress(path),
        time_elapsed=formulas.time_elapsed(path),
        years_left=years_left,
        data_age=formulas.data_age(A, path.t_l),
        actual_change_per_year=formulas.actual_change_per_year(path),
        actual_growth_per_year=formulas.actual_growth_per_year(path),
        required_change_per_year=formulas.required_change_per_year(path),
        required_growth_per_year=formulas.required_growth_per_year(path),
        projected=formulas.PROJECTION[goal.method](path),
        ratio=formulas.RATIO[goal.method](path),
    )
    level = V if goal.met_level is None else goal.met_level

    def met(value: float) -> bool:
        return d * (value - level) >= -goal.tolerance

    verdict, note = _verdict(path, A, measures.ratio, met(path.v_l), goal, rules)
    outlook = None
    if verdict is Verdict.PENDING and measures.projected is not None:
        outlook = Outlook.LIKELY_MET if met(measures.projected) else Outlook.LIKELY_MISSED
    caveats = course_caveats(verdict, measures.data_age, path.t_l - t_b, rule, rules)
    return Course(start, rule, latest, V, d, measures, verdict, outlook, caveats, note, considered)


def _baseline(
    observed: Sequence[Observed], anchor: Anchor | None, T: float, plan_base: Point | None
) -> tuple[tuple[Reading, str] | None, tuple[bool, ...]]:
    """The baseline by the first rule that applies, and which observations are considered.

    1. declared (or, for an index, the plan base): the target's own; 2. plan: the known
    observation at exactly the plan base; 3. first_observation: the earliest considered one.
    Considered: known, not after the deadline, and after the baseline point (the declared one, else
    the plan base). A baseline taken from an observation is itself considered.
    """
    if anchor is not None:
        point = decimal_year(anchor.reading.at)
    elif plan_base is not None:
        point = decimal_year(plan_base)
    else:
        point = None
    considered = [
        o.known and decimal_year(o.at) <= T and (point is None or decimal_year(o.at) > point)
        for o in observed
    ]
    if anchor is not None:
        return (anchor.reading, anchor.rule), tuple(considered)
    if point is not None:
        for index, o in enumerate(observed):
            if o.known and decimal_year(o.at) == point:
                considered[index] = True
                return (Reading(o.at, o.value), "plan"), tuple(considered)
    first = next((index for index, counted in enumerate(considered) if counted), None)
    if first is None:
        return None, tuple(considered)
    return (Reading(observed[first].at, observed[first].value), "first_observation"), tuple(
        considered
    )


def _verdict(
    path: Trajectory, A: float, ratio: float | None, reached: bool, goal: Goal, rules: Rules
) -> tuple[Verdict, str | None]:
    """The verdict rules of contract section 3, first that applies (rule 1 is in assess_course)."""
    if reached:
        return Verdict.MET, "reached before the deadline" if path.t_l < path.T else None
    if path.t_l >= path.T:
        return Verdict.MISSED, "the deadline has passed short of the target"
    if A >= path.T:
        return (
            Verdict.PENDING,
            f"the deadline {iso(goal.by)} has passed; its figure is not known yet",
        )
    if ratio is None:
        return Verdict.INSUFFICIENT_DATA, _why_no_ratio(path, goal.method)
    return rules.thresholds.band(ratio), None


def course_caveats(
    verdict: Verdict, data_age: float | None, span: float | None, rule: str | None, rules: Rules
) -> tuple[Caveat, ...]:
    """The caveats of contract section 3, in the contract's order."""
    caveats = []
    if verdict not in SETTLED and data_age is not None and data_age > rules.stale_after:
        caveats.append(Caveat.STALE)
    if span is not None and 0 < span < rules.min_span:
        caveats.append(Caveat.SHORT_SPAN)
    if rules.plan_base is not None and rule == "first_observation":
        caveats.append(Caveat.BASELINE_AFTER_PLAN_START)
    return tuple(caveats)


def _why_no_baseline(observed: Sequence[Observed], goal: Goal, rules: Rules) -> str:
    known = [decimal_year(o.at) for o in observed if o.known]
    if known and min(known) > decimal_year(goal.by):
        return f"every observation known is after the deadline {iso(goal.by)}"
    if known and rules.plan_base is not None:
        return f"no observation known after the plan's base {iso(rules.plan_base)}"
    return f"no observation known as of {rules.as_of.isoformat()}"


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
