"""A value to reach by a deadline: "clean energy reaches 56.8% of capacity by 2025".

Assessed as it is, on its own values (contract section 3).
"""

from __future__ import annotations

from datetime import date
from typing import Literal

from pydantic import model_validator

from lnrev.engine.course import Goal, assess_course
from lnrev.engine.results import Assessment, Reading
from lnrev.model.fields import Direction, Method, PointField, Source, Strict
from lnrev.model.kinds.base import Kind, assessment, history, in_time_order, is_considered, readings
from lnrev.model.tables import AssessmentSettings, Observation, Target, refuse, timing_rules


class LevelObservation(Observation):
    """An observed value of the indicator (level and bound targets)."""

    value: float


class LevelBaseline(Strict):
    at: PointField
    value: float
    source: Source | None = None
    note: str | None = None


class LevelGoal(Strict):
    value: float
    by: PointField


class LevelTarget(Target):
    """A value to reach by a deadline: "clean energy reaches 56.8% of capacity by 2025"."""

    kind: Literal["level"] = "level"
    target: LevelGoal
    baseline: LevelBaseline | None = None
    direction: Direction | None = None
    method: Method | None = None
    observations: list[LevelObservation] = []

    @model_validator(mode="after")
    def _rules(self) -> LevelTarget:
        baseline_at = self.baseline.at if self.baseline else None
        refuse(timing_rules(self.target.by, baseline_at, self.observations))
        return self


class Level(Kind):
    name = "level"
    target_model = LevelTarget
    tables = (LevelTarget, LevelGoal, LevelObservation, LevelBaseline)
    observation_fields = ("value",)
    goal_fields = ("value",)
    baseline_form = "figure"

    def assess(
        self, id_: str, target: LevelTarget, settings: AssessmentSettings, as_of: date
    ) -> Assessment:
        observations = in_time_order(target.observations)
        after = target.baseline.at if target.baseline else None
        counted = [is_considered(obs, as_of, target.target.by, after) for obs in observations]
        values = [obs.value for obs in observations]
        method = self.method_of(target, settings)
        goal = Goal(
            target.target.by, target.target.value, target.direction, target.tolerance, method
        )
        declared = Reading(target.baseline.at, target.baseline.value) if target.baseline else None
        course = assess_course(
            readings(observations, values, counted), declared, goal, settings.thresholds, as_of
        )
        return assessment(
            id_,
            target,
            method,
            course,
            Reading(target.target.by, target.target.value),
            history(observations, values, counted),
        )


LEVEL = Level()
