"""A cumulative % change against a base year: "energy per unit of GDP down 13.5% vs 2020".

Assessed on an index (baseline = 100): a cumulative `value` is the index 100 + value, a `yoy` chains
index = previous * (1 + yoy / 100) (contract section 2). Reported back as % change vs the baseline.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import Literal

from pydantic import model_validator

from lnrev.engine.course import Goal, assess_course
from lnrev.engine.results import Assessment, Reading
from lnrev.engine.timeline import Point, iso
from lnrev.model.fields import Direction, Method, PointField, Source, Strict
from lnrev.model.kinds.base import Kind, assessment, history, in_time_order, is_considered, readings
from lnrev.model.tables import (
    AssessmentSettings,
    Observation,
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
    baseline: IndexBaseline
    direction: Direction | None = None
    method: Method | None = None
    observations: list[ChangeObservation] = []

    @model_validator(mode="after")
    def _rules(self) -> ChangeTarget:
        problems = timing_rules(self.target.by, self.baseline.at, self.observations)
        problems += after_baseline_rules(self.baseline.at, self.observations)
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
    return None if index is None else index - INDEX_BASE


class Change(Kind):
    name = "change"
    target_model = ChangeTarget
    tables = (ChangeTarget, ChangeGoal, ChangeObservation, IndexBaseline)
    observation_fields = ("value", "yoy")
    goal_fields = ("change",)
    baseline_form = "index"

    def assess(
        self, id_: str, target: ChangeTarget, settings: AssessmentSettings, as_of: date
    ) -> Assessment:
        observations = in_time_order(target.observations)
        indexes = change_index(observations)
        by, base_at = target.target.by, target.baseline.at
        counted = [is_considered(obs, as_of, by, base_at) for obs in observations]
        method = self.method_of(target, settings)
        goal = Goal(
            by, INDEX_BASE + target.target.change, target.direction, target.tolerance, method
        )
        course = assess_course(
            readings(observations, indexes, counted),
            Reading(base_at, INDEX_BASE),
            goal,
            settings.thresholds,
            as_of,
        )
        reported = replace(
            course,
            baseline=Reading(base_at, 0.0),
            latest=_minus_base(course.latest),
            measures=replace(course.measures, projected=_shifted(course.measures.projected)),
        )
        return assessment(
            id_,
            target,
            method,
            reported,
            Reading(by, target.target.change),
            history(observations, [index - INDEX_BASE for index in indexes], counted),
        )

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
