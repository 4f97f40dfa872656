"""The tables every target shares: the plan, the assessment settings, observations, expectations,
the common keys of a target, and the rules that tie several keys together.

Rules are checked by each target and reported with the exact key they concern, next to the type
errors of the other targets: every problem at once.
"""

from __future__ import annotations

from datetime import date
from typing import Literal

from pydantic import Field, model_validator
from pydantic_core import PydanticCustomError

from lnrev.engine.rules import Rules
from lnrev.engine.timeline import Point, as_date, decimal_year, iso
from lnrev.engine.verdicts import SCHEMES, Thresholds
from lnrev.model.fields import DateField, Method, PointField, Source, Strict


class Plan(Strict):
    """The `[plan]` table: which plan the targets come from, and its base point.

    `base` is the plan's base point (2020 for the 14th Five-Year Plan, whose indicator table has a
    "2020" column): the baseline point of every level, change and growth target that does not
    declare its own (contract section 2).
    """

    name: str | None = None
    region: str | None = None
    period: str | None = None
    base: PointField | None = None
    source: Source | None = None


SchemeName = Literal["eurostat", "unsd2022", "unsd2023", "sdsn", "ndrc"]


class AssessmentSettings(Strict):
    """The `[assessment]` table: the default method, the scheme that names verdicts and sets the
    default thresholds, explicit thresholds that override the scheme's, when a figure without a
    `published` date is known, and when a caveat is raised.

    Without a `method`, level and change targets take the default of the scheme in effect
    (contract section 2): `unsd` under unsd2023, `linear` under the others."""

    method: Method | None = None
    scheme: SchemeName = "eurostat"
    on_track: float | None = None
    acceleration_needed: float | None = None
    limited_progress: float | None = None
    publication_lag: int = Field(default=0, ge=0)
    stale_after: float = Field(default=1.5, ge=0)
    min_span: float = Field(default=1.0, ge=0)

    @model_validator(mode="after")
    def _thresholds_in_order(self) -> AssessmentSettings:
        thresholds = self.thresholds_for(self.scheme)
        if not thresholds.in_order():
            raise PydanticCustomError(
                "thresholds_order",
                "thresholds must be in order on_track >= acceleration_needed >= limited_progress,"
                " got {on_track} / {acceleration_needed} / {limited_progress}",
                {
                    "on_track": thresholds.on_track,
                    "acceleration_needed": thresholds.acceleration_needed,
                    "limited_progress": thresholds.limited_progress,
                },
            )
        return self

    def thresholds_for(self, scheme: str) -> Thresholds:
        """The scheme's thresholds, each replaced by the file's own where it declares one."""
        defaults = SCHEMES[scheme].thresholds
        return Thresholds(
            defaults.on_track if self.on_track is None else self.on_track,
            defaults.acceleration_needed
            if self.acceleration_needed is None
            else self.acceleration_needed,
            defaults.limited_progress if self.limited_progress is None else self.limited_progress,
        )

    def rules(self, as_of: date, plan_base: Point | None, scheme: str | None = None) -> Rules:
        """These settings for the engine, on `as_of`, with another scheme if one is asked for."""
        scheme = scheme or self.scheme
        return Rules(
            as_of=as_of,
            method=self.method or SCHEMES[scheme].default_method,
            scheme=SCHEMES[scheme],
            thresholds=self.thresholds_for(scheme),
            publication_lag=self.publication_lag,
            stale_after=self.stale_after,
            min_span=self.min_span,
            plan_base=plan_base,
        )


class Observation(Strict):
    """What every observation records: when, where it was read, and when it was published."""

    at: PointField
    source: Source | None = None
    published: DateField | None = None
    note: str | None = None

    @model_validator(mode="after")
    def _published_after_its_date(self) -> Observation:
        if self.published is not None and self.published < as_date(self.at):
            refuse(
                [
                    (
                        ("published",),
                        f"{self.published.isoformat()} is before the observation's own date"
                        f" {iso(self.at)}",
                    )
                ]
            )
        return self


class Expectation(Strict):
    """An official projection ("expected to exceed 50% by end 2024"): shown, never assessed."""

    model_config = {**Strict.model_config, "defer_build": False}

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


def after_baseline_rules(
    baseline_at: Point, observations: list[Observation], what: str = "the baseline"
) -> Problems:
    """Change and growth observations are measured against the baseline, so must follow it."""
    start = decimal_year(baseline_at)
    return [
        (
            ("observations", index, "at"),
            f"{iso(obs.at)} is not after {what} {iso(baseline_at)}",
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
