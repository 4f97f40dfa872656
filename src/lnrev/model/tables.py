"""The tables every target shares: the plan, the assessment settings, observations, expectations,
the common keys of a target, and the rules that tie several keys together.

Rules are checked by each target and reported with the exact key they concern, next to the type
errors of the other targets: every problem at once.
"""

from __future__ import annotations

from pydantic import Field, model_validator
from pydantic_core import PydanticCustomError

from lnrev.engine.timeline import Point, decimal_year, iso
from lnrev.engine.verdicts import Thresholds
from lnrev.model.fields import DateField, Method, PointField, Source, Strict


class Plan(Strict):
    """The `[plan]` table: which plan the targets come from."""

    name: str | None = None
    region: str | None = None
    period: str | None = None
    source: Source | None = None


class AssessmentSettings(Strict):
    """The `[assessment]` table: the default method and the verdict thresholds (Eurostat bands)."""

    method: Method = "linear"
    on_track: float = 0.95
    acceleration_needed: float = 0.6
    limited_progress: float = 0.0

    @model_validator(mode="after")
    def _thresholds_in_order(self) -> AssessmentSettings:
        if not self.on_track >= self.acceleration_needed >= self.limited_progress:
            raise PydanticCustomError(
                "thresholds_order",
                "thresholds must be in order on_track >= acceleration_needed >= limited_progress,"
                " got {on_track} / {acceleration_needed} / {limited_progress}",
                {
                    "on_track": self.on_track,
                    "acceleration_needed": self.acceleration_needed,
                    "limited_progress": self.limited_progress,
                },
            )
        return self

    @property
    def thresholds(self) -> Thresholds:
        return Thresholds(self.on_track, self.acceleration_needed, self.limited_progress)


class Observation(Strict):
    """What every observation records: when, where it was read, and when it was published."""

    at: PointField
    source: Source | None = None
    published: DateField | None = None
    note: str | None = None


class Expectation(Strict):
    """An official projection ("expected to exceed 50% by end 2024"): shown, never assessed."""

    at: PointField
    value: float
    source: Source | None = None
    note: str | None = None


Problems = list[tuple[tuple[str | int, ...], str]]


def refuse(problems: Problems) -> None:
    """Raise the rule violations of one target together, each with the key it concerns."""
    if problems:
        raise PydanticCustomError(
            "target_rules", "{count} rule(s) broken", {"count": len(problems), "problems": problems}
        )


def timing_rules(by: Point, baseline_at: Point | None, observations: list[Observation]) -> Problems:
    """A deadline after the baseline, and no two observations at one point in time."""
    problems: Problems = []
    if baseline_at is not None and decimal_year(by) <= decimal_year(baseline_at):
        problems.append(
            (
                ("target", "by"),
                f"the deadline {iso(by)} is not after the baseline {iso(baseline_at)}",
            )
        )
    seen: dict[float, int] = {}
    for index, observation in enumerate(observations):
        first = seen.setdefault(decimal_year(observation.at), index)
        if first != index:
            problems.append(
                (
                    ("observations", index, "at"),
                    f"a second observation at {iso(observation.at)}"
                    f" (the first is observations[{first}])",
                )
            )
    return problems


def after_baseline_rules(baseline_at: Point, observations: list[Observation]) -> Problems:
    """Change and growth observations are measured against the baseline, so must follow it."""
    start = decimal_year(baseline_at)
    return [
        (
            ("observations", index, "at"),
            f"{iso(obs.at)} is not after the baseline {iso(baseline_at)}",
        )
        for index, obs in enumerate(observations)
        if decimal_year(obs.at) <= start
    ]


class Target(Strict):
    """What every kind of target declares."""

    name: str
    unit: str = ""
    binding: bool = False
    tolerance: float = Field(default=0.0, ge=0)
    source: Source | None = None
    note: str | None = None
    expectations: list[Expectation] = []
