"""What a kind of target is, and what every kind shares when it is assessed.

A kind (level, change, growth, bound) is one module that owns its pydantic tables, how its
observations become readings of the scale it is assessed on, how results go back to the scale it
is reported on, its words and its chart scale, and the value keys its observations and command-line
entries take. Everything else in lnrev asks the registry (`lnrev.model.kinds`) instead of naming a
kind.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, ClassVar, TypeVar

from pydantic import BaseModel

from lnrev.engine.course import Anchor, Course, Goal, Observed, assess_course, direction_name
from lnrev.engine.results import Assessment, HistoryEntry, Reading
from lnrev.engine.rules import Rules
from lnrev.engine.timeline import Point, decimal_year, iso
from lnrev.engine.trend import on_scale
from lnrev.model.tables import Observation, Problems, Target, after_baseline_rules

AnyObservation = TypeVar("AnyObservation", bound=Observation)


class Kind:
    """One form of a Five-Year-Plan indicator (contract section 2), and everything it decides.

    The kinds with a course to a value (level, change, growth) share `assess`: their observations
    become values on the scale the assessment runs on (`assessed_values`), the engine assesses that
    course (`lnrev.engine.course`), and `report` brings the result back to the reporting scale.
    """

    name: ClassVar[str]
    target_model: ClassVar[type[Target]]
    tables: ClassVar[tuple[type[BaseModel], ...]]
    """The target's tables in a fixed order (target, goal, observation, baseline), so that a key
    of another kind can be named as such in a message."""
    observation_fields: ClassVar[tuple[str, ...]]
    """The keys that carry an observation's value; the first is what a bare VALUE records."""
    goal_fields: ClassVar[tuple[str, ...]]
    """The key of the target table that carries the goal (a bound: its ceiling, then its floor)."""
    has_course: ClassVar[bool] = True
    """A course to a value (required path, pace, projection), as opposed to a bound to respect."""
    baseline_form: ClassVar[str | None] = None
    """"figure" (a baseline with its value), "index" (a base year, index 100) or None."""

    # --- the assessment ---------------------------------------------------------------------------

    def assess(self, id_: str, target: Any, rules: Rules) -> Assessment:
        """The target as known on the rules' as-of date (contract section 3)."""
        observations = in_time_order(target.observations)
        values = self.assessed_values(target, observations, rules)
        observed = [
            Observed(obs.at, value, rules.is_known(obs.at, obs.published))
            for obs, value in zip(observations, values, strict=True)
        ]
        method = self.method_of(target, rules.method)
        course = assess_course(
            observed, self.anchor(target, rules), self.goal(target, method, rules), rules
        )
        return self.report(id_, target, method, course, observations, values, rules)

    def assessed_values(self, target: Any, observations: list[Any], rules: Rules) -> list[float]:
        """Each observation on the scale the assessment runs on."""
        raise NotImplementedError

    def anchor(self, target: Any, rules: Rules) -> Anchor | None:
        """The baseline the target itself sets, if any (contract section 3, rules 1 and 2)."""
        raise NotImplementedError

    def goal(self, target: Any, method: str, rules: Rules) -> Goal:
        raise NotImplementedError

    def report(
        self,
        id_: str,
        target: Any,
        method: str | None,
        course: Course,
        observations: list[Any],
        values: list[float],
        rules: Rules,
    ) -> Assessment:
        """The assessment on the reporting scale (for a level target, the scale it runs on)."""
        goal = Reading(target.target.by, course.target)
        entries = self.history(observations, values, course.considered)
        return assessment(id_, target, method, course, goal, entries, rules)

    def method_of(self, target: Any, default: str) -> str | None:
        """The method a target is assessed with: its own, else the file's."""
        return target.method or default

    def history(
        self,
        observations: Sequence[Observation],
        values: Sequence[float | None],
        considered: Sequence[bool],
    ) -> tuple[HistoryEntry, ...]:
        """Every observation in time order, on the reporting scale and as written."""
        return tuple(
            HistoryEntry(obs.at, value, self.recorded(obs), counted, obs.source, obs.note)
            for obs, value, counted in zip(observations, values, considered, strict=True)
        )

    def recorded(self, observation: Observation) -> dict[str, float]:
        """The observation's value fields as written in the file ({"yoy": -2.5})."""
        return {
            key: value
            for key in self.observation_fields
            if (value := getattr(observation, key, None)) is not None
        }

    # --- the rules that need the plan ----------------------------------------------------------

    def plan_rules(self, target: Any, plan_base: Point | None) -> Problems:
        """The rules of a target without a baseline of its own, whose baseline point is the
        plan's base: a deadline after it, and an index needs it (contract sections 2 and 7)."""
        if self.baseline_form is None or target.baseline is not None:
            return []
        if plan_base is None:
            if self.baseline_form == "index":
                return [
                    (("baseline",), "missing required key (or set the plan's base: [plan] base)")
                ]
            return []
        problems: Problems = []
        if decimal_year(target.target.by) <= decimal_year(plan_base):
            problems.append(
                (
                    ("target", "by"),
                    f"the deadline {iso(target.target.by)} is not after the plan's base"
                    f" {iso(plan_base)}",
                )
            )
        if self.baseline_form == "index":
            problems += after_baseline_rules(plan_base, target.observations, "the plan's base")
        return problems

    # --- words and chart ------------------------------------------------------------------------

    def reported_unit(self, unit: str) -> str:
        """The unit values are shown in (change and growth targets report in %)."""
        return unit

    def goal_template(self, a: Assessment) -> str:
        """The target in words, with {value} {signed} {base} {by} left for a view to fill in."""
        return "{value} by {by}"

    def to_index(self, a: Assessment, reported: float | None, at: Point) -> float:
        """A value on the reporting scale, on the scale the assessment runs on."""
        return reported

    def index_to_chart(self, index: float) -> float:
        """A value on the assessment's scale, on the scale the chart draws."""
        return index

    def chart_value(self, a: Assessment, reported: float, at: Point) -> float:
        """An observation as the chart draws it: as reported, unless the kind draws its index."""
        return reported

    def chart_y_label(self, a: Assessment) -> str:
        return a.unit or "value"

    def chart_target_label(self, a: Assessment) -> str:
        return f"target {a.target.value:g}"


def in_time_order(observations: Sequence[AnyObservation]) -> list[AnyObservation]:
    return sorted(observations, key=lambda observation: decimal_year(observation.at))


def rescaled(
    course: Course,
    projected: Callable[[float], float | None],
    trend_value: Callable[[float], float | None],
) -> Course:
    """The course's `methods` and trend on the reporting scale: each method's projection taken
    by `projected`, the trend's values by `trend_value` (null where they would not be finite)."""
    methods = tuple(
        method._replace(projected=None if method.projected is None else projected(method.projected))
        for method in course.methods
    )
    return course._replace(methods=methods, trend=on_scale(course.trend, trend_value))


def index_base_point(target: Any, rules: Rules) -> Point:
    """Where an index is 100: the target's own baseline, else the plan's base."""
    return target.baseline.at if target.baseline is not None else rules.plan_base


def assessment(
    id_: str,
    target: Target,
    method: str | None,
    course: Course,
    goal: Reading,
    entries: tuple[HistoryEntry, ...],
    rules: Rules,
) -> Assessment:
    """An assessment from a course already on the target's reporting scale, named by the
    rules' scheme."""
    latest = course.latest
    early = latest is not None and decimal_year(latest.at) < decimal_year(goal.at)
    return Assessment(
        id=id_,
        name=target.name,
        unit=target.unit,
        kind=target.kind,
        binding=target.binding,
        direction=direction_name(course.d),
        method=method,
        baseline=course.baseline,
        baseline_from=course.baseline_from,
        latest=latest,
        target=goal,
        measures=course.measures,
        verdict=course.verdict,
        label=rules.scheme.label(course.verdict, course.measures.ratio, early),
        outlook=course.outlook,
        caveats=course.caveats,
        note=course.note,
        history=entries,
        methods=course.methods,
        trend=course.trend,
        reached_by=course.reached_by,
    )
