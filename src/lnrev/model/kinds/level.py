"""A value to reach by a deadline: "clean energy reaches 56.8% of capacity by 2025".

Assessed as it is, on its own values (contract section 3).
"""

from __future__ import annotations

from typing import Literal

from pydantic import model_validator

from lnrev.engine.course import Anchor, Goal
from lnrev.engine.results import Reading
from lnrev.engine.rules import Rules
from lnrev.model.fields import Direction, Method, PointField, Source, Strict
from lnrev.model.kinds.base import Kind
from lnrev.model.tables import Observation, Target, refuse, timing_rules


class LevelObservation(Observation):
    """An observed value of the indicator (level and bound targets)."""

    value: float


class LevelBaseline(Strict):
    at: PointField
    value: float
    source: Source | None = None
    note: str | None = None


class LevelGoal(Strict):
    """The value to reach (`value`), or how far to move from the baseline (`delta`)."""

    value: float | None = None
    delta: float | None = None
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
        problems = timing_rules(self.target.by, baseline_at, self.observations)
        given = [key for key in ("value", "delta") if getattr(self.target, key) is not None]
        if len(given) != 1:
            got = " and ".join(given) or "neither"
            problems.append((("target",), f"give exactly one of value or delta, got {got}"))
        refuse(problems)
        return self


class Level(Kind):
    name = "level"
    target_model = LevelTarget
    tables = (LevelTarget, LevelGoal, LevelObservation, LevelBaseline)
    observation_fields = ("value",)
    goal_fields = ("value",)
    baseline_form = "figure"

    def assessed_values(
        self, target: LevelTarget, observations: list[LevelObservation], rules: Rules
    ) -> list[float]:
        return [obs.value for obs in observations]

    def anchor(self, target: LevelTarget, rules: Rules) -> Anchor | None:
        if target.baseline is None:
            return None
        return Anchor(Reading(target.baseline.at, target.baseline.value), "declared")

    def goal(self, target: LevelTarget, method: str, rules: Rules) -> Goal:
        goal = target.target
        return Goal(
            goal.by, goal.value, target.direction, target.tolerance, method, delta=goal.delta
        )


LEVEL = Level()
