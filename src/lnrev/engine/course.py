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

from lnrev.engine import formulas, trend
from lnrev.engine.formulas import Trajectory
from lnrev.engine.results import Measures, MethodVerdict, Reading, Trend
from lnrev.engine.rules import Rules
from lnrev.engine.timeline import Point, decimal_year, iso
from lnrev.engine.verdicts import (
    EPSILON,
    SCHEMES,
    Caveat,
    Outlook,
    Scheme,
    Thresholds,
    Verdict,
    at_least,
)

SETTLED = (Verdict.MET, Verdict.MISSED)
"""Verdicts that no later figure can change: a stale caveat does not apply to them."""
OPEN = (
    Verdict.ON_TRACK,
    Verdict.ACCELERATION_NEEDED,
    Verdict.LIMITED_PROGRESS,
    Verdict.DETERIORATION,
    Verdict.PENDING,
)
"""Verdicts whose question is still open: the trend and reached_by speak to them alone."""
FAVOURABLE = (Verdict.MET, Verdict.ON_TRACK)
UNFAVOURABLE = (
    Verdict.ACCELERATION_NEEDED,
    Verdict.LIMITED_PROGRESS,
    Verdict.DETERIORATION,
    Verdict.MISSED,
)


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
    rate: float | None = None
    """A growth target's declared average annual rate, in %: it is met once its index reaches
    `met_level` (within EPSILON, relative), and its outlook holds if the realized rate holds."""


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
    methods: tuple[MethodVerdict, ...] = ()
    """The verdict under each published method, `projected` on the assessment's scale."""
    trend: Trend | None = None
    """The straight-line trend, on the assessment's scale."""
    reached_by: int | None = None


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
            unassessed_methods(goal.rate is not None),
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
            unassessed_methods(goal.rate is not None),
        )
    d = direction_sign(goal.direction) or (1 if start.value <= V else -1)
    path = Trajectory(t_b, start.value, decimal_year(latest.at), latest.value, T, V, d)
    judge = Judge(path, A, goal)
    projected, ratio = judge.figures(goal.method)
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
        projected=projected,
        ratio=ratio,
    )
    verdict, note = judge.verdict(measures.ratio, rules.thresholds, goal.method)
    outlook = judge.outlook(verdict, measures.projected)
    methods = tuple(judge.under(scheme) for scheme in SCHEMES.values())
    caveats = course_caveats(verdict, measures.data_age, path.t_l - t_b, rule, rules)
    caveats += disagreement(methods)
    points = [(t_b, start.value)] + [(decimal_year(o.at), o.value) for o in later]
    return Course(
        start,
        rule,
        latest,
        V,
        d,
        measures,
        verdict,
        outlook,
        caveats,
        note,
        considered,
        methods,
        course_trend(verdict, points, judge),
        course_reached_by(verdict, measures, judge),
    )


class Judge:
    """The tests of contract section 3 on one course: `met`, the verdict, the outlook, and the
    same under another method and thresholds (section 10). What does not depend on the method
    (met, missed, pending) is decided once; each method's projection and ratio are computed once."""

    def __init__(self, path: Trajectory, A: float, goal: Goal) -> None:
        self.path, self.A, self.goal = path, A, goal
        self.aim = path.V - path.d * goal.tolerance if goal.met_level is None else goal.met_level
        """Y*: the value the course must reach, the tolerance taken off (sections 11, 12)."""
        self.early = path.t_l < path.T
        self.settled = self._settled()
        self._figures: dict[str, tuple[float | None, float | None]] = {}

    def met(self, value: float) -> bool:
        """met(v): d * (v - V) >= -tolerance - EPSILON * max(1, |V|). A growth target: its index
        has moved (t_l > t_b) and reached I* * (1 - EPSILON), I* the index of the rate less the
        tolerance."""
        if self.goal.rate is not None:
            return self.path.t_l > self.path.t_b and value >= self.aim * (1 - EPSILON)
        d = self.path.d
        return at_least(d * value, d * self.path.V, self.goal.tolerance)

    def met_projected(self, projected: float) -> bool:
        """met(projected); for a growth target: the realized average rate holds, i.e. it is at
        least the rate less the tolerance (within EPSILON)."""
        if self.goal.rate is None:
            return self.met(projected)
        p = self.path
        realized = formulas.average_annual_growth_percent(p.v_l, p.t_l - p.t_b)
        return realized is not None and at_least(realized, self.goal.rate, self.goal.tolerance)

    def _settled(self) -> tuple[Verdict, str | None] | None:
        """Rules 2-4 of the verdict (met, missed, pending): the same under every method."""
        path = self.path
        if self.met(path.v_l):
            return Verdict.MET, "reached before the deadline" if self.early else None
        if path.t_l >= path.T:
            return Verdict.MISSED, "the deadline has passed short of the target"
        if self.A >= path.T:
            return (
                Verdict.PENDING,
                f"the deadline {iso(self.goal.by)} has passed; its figure is not known yet",
            )
        return None

    def figures(self, method: str) -> tuple[float | None, float | None]:
        """The projection and the ratio of a method (contract section 3's table)."""
        if method not in self._figures:
            self._figures[method] = (
                formulas.PROJECTION[method](self.path),
                formulas.RATIO[method](self.path),
            )
        return self._figures[method]

    def verdict(
        self, ratio: float | None, thresholds: Thresholds, method: str
    ) -> tuple[Verdict, str | None]:
        """The verdict rules of contract section 3, first that applies (rule 1 is in
        assess_course)."""
        if self.settled is not None:
            return self.settled
        if ratio is None:
            return Verdict.INSUFFICIENT_DATA, _why_no_ratio(self.path, method)
        return thresholds.band(ratio), None

    def outlook(self, verdict: Verdict, projected: float | None) -> Outlook | None:
        """For a pending target: likely_met if met(projected), likely_missed if not."""
        if verdict is not Verdict.PENDING or projected is None:
            return None
        return Outlook.LIKELY_MET if self.met_projected(projected) else Outlook.LIKELY_MISSED

    def under(self, scheme: Scheme) -> MethodVerdict:
        """The whole assessment with the scheme's published method and its thresholds."""
        method = published_method(scheme, self.goal.rate is not None)
        projected, ratio = self.figures(method)
        verdict, _ = self.verdict(ratio, scheme.thresholds, method)
        label = scheme.label(verdict, ratio, self.early)
        return MethodVerdict(
            scheme.name, method, verdict, label, self.outlook(verdict, projected), ratio, projected
        )


def published_method(scheme: Scheme, growth: bool) -> str:
    """The method the scheme's publisher uses on a growth target, or on a level or change one."""
    return scheme.published_growth_method if growth else scheme.published_method


def unassessed_methods(growth: bool) -> tuple[MethodVerdict, ...]:
    """`methods` of a course without a baseline or a target value: insufficient data under all."""
    return tuple(
        MethodVerdict(
            scheme.name,
            published_method(scheme, growth),
            Verdict.INSUFFICIENT_DATA,
            scheme.labels[Verdict.INSUFFICIENT_DATA],
            None,
            None,
            None,
        )
        for scheme in SCHEMES.values()
    )


def same_under_every_method(verdict: Verdict, early: bool) -> tuple[MethodVerdict, ...]:
    """`methods` of a bound target: the bound rule's verdict under every scheme, no method."""
    return tuple(
        MethodVerdict(
            scheme.name, None, verdict, scheme.label(verdict, None, early), None, None, None
        )
        for scheme in SCHEMES.values()
    )


def leaning(method: MethodVerdict) -> int:
    """+1 favourable (met, on track, pending likely met), -1 unfavourable (behind, missed,
    pending likely missed), 0 neither (insufficient data, pending without an outlook)."""
    if method.verdict in FAVOURABLE or method.outlook is Outlook.LIKELY_MET:
        return 1
    if method.verdict in UNFAVOURABLE or method.outlook is Outlook.LIKELY_MISSED:
        return -1
    return 0


def disagreement(methods: Sequence[MethodVerdict]) -> tuple[Caveat, ...]:
    """`methods_disagree` when one published method is favourable and another unfavourable."""
    leanings = {leaning(method) for method in methods}
    return (Caveat.METHODS_DISAGREE,) if {1, -1} <= leanings else ()


def course_trend(
    verdict: Verdict, points: Sequence[tuple[float, float]], judge: Judge
) -> Trend | None:
    """The straight-line trend of an open question (contract section 11)."""
    if verdict not in OPEN:
        return None
    times = [t for t, _ in points]
    values = [v for _, v in points]
    scale = trend.trend_scale(judge.goal.method)
    return trend.straight_line_trend(times, values, judge.path.T, judge.aim, judge.path.d, scale)


def course_reached_by(verdict: Verdict, measures: Measures, judge: Judge) -> int | None:
    """The year the pace so far reaches a level or change target (contract section 12)."""
    if verdict not in OPEN or judge.goal.rate is not None:
        return None
    p = judge.path
    return trend.reached_by(
        judge.goal.method,
        p.t_l,
        p.v_l,
        judge.aim,
        p.d,
        measures.actual_change_per_year,
        measures.actual_growth_per_year,
    )


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
