"""What a kind of target is, and what every kind shares when it is assessed.

A kind (level, change, growth, bound) is one module that owns its pydantic tables, how its
observations become readings of the scale it is assessed on, how results go back to the scale it
is reported on, its words and its chart scale, and the value keys its observations and command-line
entries take. Everything else in lnrev asks the registry (`lnrev.model.kinds`) instead of naming a
kind.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import ClassVar, TypeVar

from pydantic import BaseModel

from lnrev.engine.course import Course, direction_name
from lnrev.engine.results import Assessment, HistoryEntry, Reading
from lnrev.engine.timeline import Point, decimal_year
from lnrev.model.tables import AssessmentSettings, Observation, Target

AnyObservation = TypeVar("AnyObservation", bound=Observation)


class Kind:
    """One form of a Five-Year-Plan indicator (contract section 2), and everything it decides."""

    name: ClassVar[str]
    target_model: ClassVar[type[Target]]
    tables: ClassVar[tuple[type[BaseModel], ...]]
    """The target's tables in a fixed order (target, goal, observation, baseline), so that a key
    of another kind can be named as such in a message."""
    observation_fields: ClassVar[tuple[str, ...]]
    """The keys that carry an observation's value; the first is what a bare VALUE records."""
    goal_fields: ClassVar[tuple[str, ...]]
    """The key of the target table that carries the goal (a bound: its ceiling, then its floor)."""
    takes_method: ClassVar[bool] = True
    has_course: ClassVar[bool] = True
    """A course to a value (required path, pace, projection), as opposed to a bound to respect."""
    baseline_form: ClassVar[str | None] = None
    """"figure" (a baseline with its value), "index" (a base year, index 100) or None."""

    def assess(
        self, id_: str, target: Target, settings: AssessmentSettings, as_of: date
    ) -> Assessment:
        raise NotImplementedError

    def method_of(self, target: Target, settings: AssessmentSettings) -> str | None:
        """The method a target is assessed with: its own, else the file's."""
        return target.method or settings.method

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


def was_known(observation: Observation, as_of: date) -> bool:
    """Was the observation known on `as_of`: not after it, and published by then if given?"""
    return decimal_year(observation.at) <= decimal_year(as_of) and (
        observation.published is None or observation.published <= as_of
    )


def is_considered(
    observation: Observation,
    as_of: date,
    by: Point,
    after: Point | None = None,
    since: Point | None = None,
) -> bool:
    """Was this observation known on `as_of` and does it count? (contract sections 1 and 4)

    It must lie on or before `as_of` and have been published by then; it must not lie after the
    deadline; it must lie after `after` (a declared baseline) and not before `since`
    (a bound's `from`).
    """
    moment = decimal_year(observation.at)
    return (
        was_known(observation, as_of)
        and moment <= decimal_year(by)
        and (after is None or moment > decimal_year(after))
        and (since is None or moment >= decimal_year(since))
    )


def readings(
    observations: Sequence[Observation], values: Sequence[float], counted: Sequence[bool]
) -> list[Reading]:
    """The considered observations as readings on the assessment's scale, in time order."""
    return [
        Reading(obs.at, value)
        for obs, value, considered in zip(observations, values, counted, strict=True)
        if considered
    ]


def history(
    observations: Sequence[Observation],
    values: Sequence[float | None],
    counted: Sequence[bool],
) -> tuple[HistoryEntry, ...]:
    return tuple(
        HistoryEntry(obs.at, value, considered, obs.source, obs.note)
        for obs, value, considered in zip(observations, values, counted, strict=True)
    )


def assessment(
    id_: str,
    target: Target,
    method: str | None,
    course: Course,
    goal: Reading,
    entries: tuple[HistoryEntry, ...],
) -> Assessment:
    """An assessment from a course already on the target's reporting scale."""
    return Assessment(
        id=id_,
        name=target.name,
        unit=target.unit,
        kind=target.kind,
        binding=target.binding,
        direction=direction_name(course.d),
        method=method,
        baseline=course.baseline,
        latest=course.latest,
        target=goal,
        measures=course.measures,
        verdict=course.verdict,
        note=course.note,
        history=entries,
    )
