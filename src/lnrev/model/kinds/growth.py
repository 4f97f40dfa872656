"""An average annual growth rate: "GDP grows 6% a year on average 2021-2025".

Assessed on an index (baseline = 100) that compounds each observed rate over the years since the
previous observation: index = previous * (1 + rate / 100) ** years (contract section 2), always with
the compound method. Reported as the realized average annual growth since the baseline, in %.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import Literal

from pydantic import model_validator

from lnrev.engine import formulas
from lnrev.engine.course import Goal, assess_course
from lnrev.engine.results import Assessment, Reading
from lnrev.engine.timeline import Point, decimal_year, iso
from lnrev.model.fields import GrowthRate, PointField, Strict
from lnrev.model.kinds.base import Kind, assessment, history, in_time_order, is_considered, readings
from lnrev.model.kinds.change import INDEX_BASE, IndexBaseline
from lnrev.model.tables import (
    AssessmentSettings,
    Observation,
    Target,
    after_baseline_rules,
    refuse,
    timing_rules,
)


class GrowthObservation(Observation):
    """The average annual % growth since the previous observation (or the baseline)."""

    rate: GrowthRate


class GrowthGoal(Strict):
    rate: GrowthRate
    by: PointField


class GrowthTarget(Target):
    """An average annual growth rate: "GDP grows 6% a year on average 2021-2025"."""

    kind: Literal["growth"]
    target: GrowthGoal
    baseline: IndexBaseline
    observations: list[GrowthObservation] = []

    @model_validator(mode="after")
    def _rules(self) -> GrowthTarget:
        problems = timing_rules(self.target.by, self.baseline.at, self.observations)
        problems += after_baseline_rules(self.baseline.at, self.observations)
        refuse(problems)
        return self


def growth_index(observations: list[GrowthObservation], baseline_at: Point) -> list[float]:
    """The index (baseline = 100) of each growth observation: previous * (1 + rate/100) ** years."""
    indexes, previous, since = [], INDEX_BASE, decimal_year(baseline_at)
    for obs in observations:
        moment = decimal_year(obs.at)
        previous = previous * formulas.power(1 + obs.rate / 100, moment - since)
        indexes.append(previous)
        since = moment
    return indexes


def index_of_rate(rate: float, years: float) -> float:
    """The index that `rate` % a year reaches in `years`: 100 * (1 + rate / 100) ** years."""
    return INDEX_BASE * formulas.power(1 + rate / 100, years)


class Growth(Kind):
    name = "growth"
    target_model = GrowthTarget
    tables = (GrowthTarget, GrowthGoal, GrowthObservation, IndexBaseline)
    observation_fields = ("rate",)
    goal_fields = ("rate",)
    takes_method = False
    baseline_form = "index"

    def method_of(self, target: Target, settings: AssessmentSettings) -> str:
        """A growth rate compounds: always the compound method."""
        return "compound"

    def assess(
        self, id_: str, target: GrowthTarget, settings: AssessmentSettings, as_of: date
    ) -> Assessment:
        observations = in_time_order(target.observations)
        by, base_at, rate = target.target.by, target.baseline.at, target.target.rate
        indexes = growth_index(observations, base_at)
        counted = [is_considered(obs, as_of, by, base_at) for obs in observations]
        since = decimal_year(base_at)
        years = decimal_year(by) - since
        d = 1 if rate >= 0 else -1
        goal = Goal(
            by,
            index_of_rate(rate, years),
            "increase" if d > 0 else "decrease",
            0.0,
            "compound",
            met_level=index_of_rate(rate - d * target.tolerance, years),
        )
        course = assess_course(
            readings(observations, indexes, counted),
            Reading(base_at, INDEX_BASE),
            goal,
            settings.thresholds,
            as_of,
        )
        realized = formulas.average_annual_growth_percent(
            course.latest.value, decimal_year(course.latest.at) - since
        )
        gap = None if realized is None else formulas.gap(rate, realized)
        reported = replace(
            course,
            baseline=Reading(base_at, None),
            latest=Reading(course.latest.at, realized),
            measures=replace(
                course.measures,
                gap=gap,
                projected=realized,
                actual_change_per_year=None,
                required_change_per_year=None,
            ),
        )
        rates = [
            formulas.average_annual_growth_percent(index, decimal_year(obs.at) - since)
            for obs, index in zip(observations, indexes, strict=True)
        ]
        return assessment(
            id_,
            target,
            "compound",
            reported,
            Reading(by, rate),
            history(observations, rates, counted),
        )

    def reported_unit(self, unit: str) -> str:
        return "%"

    def goal_template(self, a: Assessment) -> str:
        return "{value} a year on average from {base} to {by}"

    def to_index(self, a: Assessment, reported: float | None, at: Point) -> float:
        if reported is None:
            return INDEX_BASE
        return index_of_rate(reported, decimal_year(at) - decimal_year(a.baseline.at))

    def chart_value(self, a: Assessment, reported: float, at: Point) -> float:
        return self.to_index(a, reported, at)

    def chart_y_label(self, a: Assessment) -> str:
        return f"index, {iso(a.baseline.at)} = 100"

    def chart_target_label(self, a: Assessment) -> str:
        return f"target {a.target.value:g} % a year"


GROWTH = Growth()
