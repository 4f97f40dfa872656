"""An average annual growth rate: "GDP grows 6% a year on average 2021-2025".

Assessed on an index (baseline = 100) that compounds each observed rate over the years since the
previous observation: index = previous * (1 + rate / 100) ** years (contract section 2), always with
the compound method. Reported as the realized average annual growth since the baseline, in %.
"""

from __future__ import annotations

from typing import Literal

from pydantic import model_validator

from lnrev.engine import formulas
from lnrev.engine.course import Anchor, Course, Goal
from lnrev.engine.results import Assessment, Reading
from lnrev.engine.rules import Rules
from lnrev.engine.timeline import Point, decimal_year, iso
from lnrev.model.fields import GrowthRate, PointField, Strict
from lnrev.model.kinds.base import Kind, assessment, index_base_point, rescaled
from lnrev.model.kinds.change import INDEX_BASE, IndexBaseline, index_anchor, index_rules
from lnrev.model.tables import Observation, Target, refuse


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
    baseline: IndexBaseline | None = None
    observations: list[GrowthObservation] = []

    @model_validator(mode="after")
    def _rules(self) -> GrowthTarget:
        refuse(index_rules(self.target.by, self.baseline, self.observations))
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
    baseline_form = "index"

    def method_of(self, target: Target, default: str) -> str:
        """A growth rate compounds: always the compound method."""
        return "compound"

    def assessed_values(
        self, target: GrowthTarget, observations: list[GrowthObservation], rules: Rules
    ) -> list[float]:
        return growth_index(observations, index_base_point(target, rules))

    def anchor(self, target: GrowthTarget, rules: Rules) -> Anchor:
        return index_anchor(target, rules)

    def goal(self, target: GrowthTarget, method: str, rules: Rules) -> Goal:
        """The index the rate reaches by the deadline; met once the index reaches what the rate
        less the tolerance gives. Judged upward whatever the rate's sign (contract section 3):
        the realized average rate must hold."""
        rate, by = target.target.rate, target.target.by
        years = decimal_year(by) - decimal_year(index_base_point(target, rules))
        return Goal(
            by,
            index_of_rate(rate, years),
            "increase",
            target.tolerance,
            "compound",
            met_level=index_of_rate(rate - target.tolerance, years),
            rate=rate,
        )

    def report(
        self,
        id_: str,
        target: GrowthTarget,
        method: str | None,
        course: Course,
        observations: list[GrowthObservation],
        values: list[float],
        rules: Rules,
    ) -> Assessment:
        """Back from the index to the realized average annual growth since the base, in %."""
        rate = target.target.rate
        since = decimal_year(course.baseline.at)
        realized = formulas.average_annual_growth_percent(
            course.latest.value, decimal_year(course.latest.at) - since
        )
        years = decimal_year(target.target.by) - since

        def average_rate(index: float) -> float | None:
            return formulas.average_annual_growth_percent(index, years)

        reported = rescaled(course, lambda _: realized, average_rate)._replace(
            baseline=Reading(course.baseline.at, None),
            latest=Reading(course.latest.at, realized),
            measures=course.measures._replace(
                gap=None if realized is None else formulas.gap(rate, realized),
                projected=realized,
                actual_change_per_year=None,
                required_change_per_year=None,
            ),
        )
        rates = [
            formulas.average_annual_growth_percent(index, decimal_year(obs.at) - since)
            for obs, index in zip(observations, values, strict=True)
        ]
        entries = self.history(observations, rates, course.considered)
        return assessment(
            id_, target, "compound", reported, Reading(target.target.by, rate), entries, rules
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
