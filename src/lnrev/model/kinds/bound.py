"""A ceiling or a floor to respect every time: "surveyed unemployment within 5.5%".

Every observation from `from` to the deadline is checked against the bound (contract section 4):
missed at the first breach, met once the deadline is reached without one, on track in between.
"""

from __future__ import annotations

from datetime import date
from typing import Literal

from pydantic import Field, model_validator

from lnrev.engine import formulas
from lnrev.engine.course import Course
from lnrev.engine.results import Assessment, Measures, Reading
from lnrev.engine.timeline import decimal_year, iso
from lnrev.engine.verdicts import Verdict
from lnrev.model.fields import PointField, Strict
from lnrev.model.kinds.base import Kind, assessment, history, in_time_order, is_considered, readings
from lnrev.model.kinds.level import LevelObservation
from lnrev.model.tables import AssessmentSettings, Target, refuse, timing_rules


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
    takes_method = False
    has_course = False

    def method_of(self, target: Target, settings: AssessmentSettings) -> None:
        """A bound is checked, not paced: it has no method."""
        return None

    def assess(
        self, id_: str, target: BoundTarget, settings: AssessmentSettings, as_of: date
    ) -> Assessment:
        goal = target.target
        observations = in_time_order(target.observations)
        counted = [is_considered(obs, as_of, goal.by, since=goal.from_) for obs in observations]
        values = [obs.value for obs in observations]
        considered = readings(observations, values, counted)
        d = -1 if goal.max is not None else 1
        bound = target.bound
        breaches = [obs for obs in considered if d * (obs.value - bound) < -target.tolerance]
        latest = considered[-1] if considered else None
        if breaches:
            side = "above the ceiling" if d < 0 else "below the floor"
            verdict, note = Verdict.MISSED, f"{iso(breaches[0].at)}: {side} of {bound:g}"
        elif latest is None:
            verdict, note = Verdict.INSUFFICIENT_DATA, f"no observation known as of {as_of}"
        elif decimal_year(latest.at) >= decimal_year(goal.by):
            verdict, note = Verdict.MET, None
        else:
            verdict, note = Verdict.ON_TRACK, "within the bound so far"
        measures = Measures()
        if latest is not None:
            measures = Measures(
                gap=formulas.gap(bound, latest.value),
                years_left=formulas.years_left(decimal_year(goal.by), decimal_year(latest.at)),
            )
        course = Course(None, latest, d, measures, verdict, note)
        return assessment(
            id_,
            target,
            None,
            course,
            Reading(goal.by, bound),
            history(observations, values, counted),
        )

    def goal_template(self, a: Assessment) -> str:
        return ("at most" if a.direction == "decrease" else "at least") + " {value} until {by}"

    def chart_target_label(self, a: Assessment) -> str:
        side = "ceiling" if a.direction == "decrease" else "floor"
        return f"{side} {a.target.value:g}"


BOUND = Bound()
