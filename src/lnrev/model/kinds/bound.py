"""A ceiling or a floor to respect every time: "surveyed unemployment within 5.5%".

Every observation from `from` to the deadline is checked against the bound (contract section 4):
missed at the first breach, met once the deadline is reached without one, on track in between.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import Field, model_validator

from lnrev.engine import formulas
from lnrev.engine.course import Course, course_caveats, disagreement, same_under_every_method
from lnrev.engine.results import Assessment, Measures, Reading
from lnrev.engine.rules import Rules
from lnrev.engine.timeline import decimal_year, iso
from lnrev.engine.verdicts import Verdict, at_least
from lnrev.model.fields import PointField, Strict
from lnrev.model.kinds.base import Kind, assessment, in_time_order
from lnrev.model.kinds.level import LevelObservation
from lnrev.model.tables import Target, refuse, timing_rules


class BoundGoal(Strict):
    max: float | None = None
    min: float | None = None
    by: PointField
    from_: PointField | None = Field(default=None, alias="from")


class BoundTarget(Target):
    """A ceiling or a floor to respect every time: "surveyed unemployment within 5.5%"."""

    kind: Literal["bound"]
    target: BoundGoal
    observations: list[LevelObservation] = []

    @model_validator(mode="after")
    def _rules(self) -> BoundTarget:
        problems = timing_rules(self.target.by, None, self.observations)
        goal = self.target
        if (goal.max is None) == (goal.min is None):
            got = "both" if goal.max is not None else "neither"
            problems.append((("target",), f"give exactly one of max or min, got {got}"))
        if goal.from_ is not None and decimal_year(goal.from_) > decimal_year(goal.by):
            problems.append(
                (("target", "from"), f"{iso(goal.from_)} is after the deadline {iso(goal.by)}")
            )
        refuse(problems)
        return self

    @property
    def bound(self) -> float:
        """The ceiling (`max`) or the floor (`min`)."""
        return self.target.min if self.target.max is None else self.target.max


class Bound(Kind):
    name = "bound"
    target_model = BoundTarget
    tables = (BoundTarget, BoundGoal, LevelObservation)
    observation_fields = ("value",)
    goal_fields = ("max", "min")
    has_course = False

    def method_of(self, target: Target, default: str) -> None:
        """A bound is checked, not paced: it has no method."""
        return None

    def assess(self, id_: str, target: BoundTarget, rules: Rules) -> Assessment:
        """Contract section 4: missed at the first breach beyond tolerance (within EPSILON of it
        is no breach, section 3); met once a figure at or after the deadline respects it; pending
        once the deadline has passed without one; on track in between. The same under every
        published method (`methods`)."""
        goal = target.target
        observations = in_time_order(target.observations)
        T, A = decimal_year(goal.by), decimal_year(rules.as_of)
        start = decimal_year(goal.from_) if goal.from_ is not None else None
        considered = tuple(
            rules.is_known(obs.at, obs.published)
            and decimal_year(obs.at) <= T
            and (start is None or decimal_year(obs.at) >= start)
            for obs in observations
        )
        counted = [o for o, c in zip(observations, considered, strict=True) if c]
        d = -1 if goal.max is not None else 1
        bound = target.bound
        breaches = [
            obs for obs in counted if not at_least(d * obs.value, d * bound, target.tolerance)
        ]
        latest = Reading(counted[-1].at, counted[-1].value) if counted else None
        verdict, note = _verdict(breaches, latest, d, bound, T, A, rules)
        measures = Measures(years_left=formulas.years_left(T, A))
        if latest is not None:
            measures = Measures(
                gap=formulas.gap(bound, latest.value),
                years_left=measures.years_left,
                data_age=formulas.data_age(A, decimal_year(latest.at)),
            )
        early = latest is not None and decimal_year(latest.at) < T
        methods = same_under_every_method(verdict, early)
        caveats = course_caveats(verdict, measures.data_age, None, None, rules)
        caveats += disagreement(methods)
        course = Course(
            None,
            None,
            latest,
            bound,
            d,
            measures,
            verdict,
            None,
            caveats,
            note,
            considered,
            methods,
        )
        values = [obs.value for obs in observations]
        entries = self.history(observations, values, considered)
        result = assessment(id_, target, None, course, Reading(goal.by, bound), entries, rules)
        if breaches:
            result = result._replace(breach=Reading(breaches[0].at, breaches[0].value))
        return result

    def plan_rules(self, target: Any, plan_base: Any) -> list:
        """A bound has no baseline: the plan's base does not concern it."""
        return []

    def goal_template(self, a: Assessment) -> str:
        return ("at most" if a.direction == "decrease" else "at least") + " {value} until {by}"

    def chart_target_label(self, a: Assessment) -> str:
        side = "ceiling" if a.direction == "decrease" else "floor"
        return f"{side} {a.target.value:g}"


BOUND = Bound()


def _verdict(
    breaches: list[Any],
    latest: Reading | None,
    d: int,
    bound: float,
    T: float,
    A: float,
    rules: Rules,
) -> tuple[Verdict, str | None]:
    if breaches:
        side = "above the ceiling" if d < 0 else "below the floor"
        return Verdict.MISSED, f"{iso(breaches[0].at)}: {side} of {bound:g}"
    if latest is None:
        if A >= T:
            return Verdict.PENDING, "the deadline has passed; no figure is known yet"
        return Verdict.INSUFFICIENT_DATA, f"no observation known as of {rules.as_of.isoformat()}"
    if decimal_year(latest.at) >= T:
        return Verdict.MET, None
    if A >= T:
        return Verdict.PENDING, "the deadline has passed; its figure is not known yet"
    return Verdict.ON_TRACK, "within the bound so far"
