"""A cumulative % change against a base year: "energy per unit of GDP down 13.5% vs 2020".

Assessed on an index (baseline = 100): a cumulative `value` is the index 100 + value, a `yoy` chains
index = previous * (1 + yoy / 100) (contract section 2). Reported back as % change vs the baseline.
"""

from __future__ import annotations

import math
from typing import Any, Literal

from pydantic import model_validator

from lnrev.engine.course import Anchor, Course, Goal
from lnrev.engine.results import Assessment, Reading
from lnrev.engine.rules import Rules
from lnrev.engine.timeline import Point, iso
from lnrev.model.fields import Direction, Method, PointField, Source, Strict
from lnrev.model.kinds.base import Kind, assessment, index_base_point, rescaled
from lnrev.model.tables import (
    Observation,
    Problems,
    Target,
    after_baseline_rules,
    refuse,
    timing_rules,
)

INDEX_BASE = 100.0


class ChangeObservation(Observation):
    """A cumulative % change vs the baseline (`value`), or a % change on the previous (`yoy`)."""

    value: float | None = None
    yoy: float | None = None


class IndexBaseline(Strict):
    """The base year of a change or growth target: the index is 100 there, so it has no value."""

    at: PointField
    source: Source | None = None
    note: str | None = None


class ChangeGoal(Strict):
    change: float
    by: PointField


class ChangeTarget(Target):
    """A cumulative % change against a base year: "energy per unit of GDP down 13.5% vs 2020"."""

    kind: Literal["change"]
    target: ChangeGoal
    baseline: IndexBaseline | None = None
    direction: Direction | None = None
    method: Method | None = None
    observations: list[ChangeObservation] = []

    @model_validator(mode="after")
    def _rules(self) -> ChangeTarget:
        problems = index_rules(self.target.by, self.baseline, self.observations)
        for index, observation in enumerate(self.observations):
            given = [key for key in ("value", "yoy") if getattr(observation, key) is not None]
            if len(given) != 1:
                problems.append(
                    (
                        ("observations", index),
                        "give exactly one of value (cumulative % change) or yoy (% on the"
                        f" previous), got {' and '.join(given) or 'neither'}",
                    )
                )
        refuse(problems)
        return self


def index_rules(by: Point, baseline: IndexBaseline | None, observations: list[Any]) -> Problems:
    """A deadline after a declared base year, and observations after it (with the plan's base
    instead, the file checks them: `Kind.plan_rules`)."""
    baseline_at = baseline.at if baseline is not None else None
    problems = timing_rules(by, baseline_at, observations)
    if baseline_at is not None:
        problems += after_baseline_rules(baseline_at, observations)
    return problems


def index_anchor(target: Any, rules: Rules) -> Anchor:
    """An index is 100 at its base year: the target's own (declared), else the plan's base."""
    rule = "declared" if target.baseline is not None else "plan"
    return Anchor(Reading(index_base_point(target, rules), INDEX_BASE), rule)


def change_index(observations: list[ChangeObservation]) -> list[float]:
    """The index (baseline = 100) of each change observation, chained in time order.

    A `value` is a cumulative % change: index = 100 + value. A `yoy` is a % change on the previous
    observation (or the baseline): index = previous * (1 + yoy / 100).
    """
    indexes, previous = [], INDEX_BASE
    for obs in observations:
        if obs.value is not None:
            previous = INDEX_BASE + obs.value
        else:
            previous = previous * (1 + obs.yoy / 100)
        indexes.append(previous)
    return indexes


def _minus_base(reading: Reading | None) -> Reading | None:
    return None if reading is None else Reading(reading.at, _shifted(reading.value))


def _shifted(index: float | None) -> float | None:
    """An index as a cumulative % change; null where the index overflowed (a chain of huge
    yoy figures), like every result that is not a finite number."""
    if index is None or not math.isfinite(index):
        return None
    return index - INDEX_BASE


class Change(Kind):
    name = "change"
    target_model = ChangeTarget
    tables = (ChangeTarget, ChangeGoal, ChangeObservation, IndexBaseline)
    observation_fields = ("value", "yoy")
    goal_fields = ("change",)
    baseline_form = "index"

    def assessed_values(
        self, target: ChangeTarget, observations: list[ChangeObservation], rules: Rules
    ) -> list[float]:
        return change_index(observations)

    def anchor(self, target: ChangeTarget, rules: Rules) -> Anchor:
        return index_anchor(target, rules)

    def goal(self, target: ChangeTarget, method: str, rules: Rules) -> Goal:
        change = target.target.change
        return Goal(
            target.target.by, INDEX_BASE + change, target.direction, target.tolerance, method
        )

    def report(
        self,
        id_: str,
        target: ChangeTarget,
        method: str | None,
        course: Course,
        observations: list[ChangeObservation],
        values: list[float],
        rules: Rules,
    ) -> Assessment:
        """Back from the index to the cumulative % change vs the baseline (index - 100)."""
        reported = rescaled(course, _shifted, _shifted)._replace(
            baseline=Reading(course.baseline.at, 0.0),
            latest=_minus_base(course.latest),
            measures=course.measures._replace(projected=_shifted(course.measures.projected)),
        )
        entries = self.history(observations, [_shifted(v) for v in values], course.considered)
        goal = Reading(target.target.by, target.target.change)
        return assessment(id_, target, method, reported, goal, entries, rules)

    def reported_unit(self, unit: str) -> str:
        return "%"

    def goal_template(self, a: Assessment) -> str:
        return "{signed}% vs {base} by {by}"

    def to_index(self, a: Assessment, reported: float | None, at: Point) -> float:
        return INDEX_BASE if reported is None else INDEX_BASE + reported

    def index_to_chart(self, index: float) -> float:
        return index - INDEX_BASE

    def chart_y_label(self, a: Assessment) -> str:
        return f"% vs {iso(a.baseline.at)}"


CHANGE = Change()
