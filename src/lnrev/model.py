"""The targets file as pydantic models: what an analyst may write, what is refused (contract 2, 6).

A target takes one of the four forms of a Five-Year-Plan indicator table: `level` (a value by a
deadline), `change` (a cumulative % change against a base year), `growth` (an average annual growth
rate) and `bound` (a ceiling or floor to respect). Each form has its own model, so a key that
belongs to another form is refused by name. Rules that tie several keys together (no two
observations at one point in time, a deadline after the baseline, ...) are checked by each target
and reported with the exact key they concern, next to the type errors of the other targets: every
problem at once.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from typing import Annotated, Any, Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    Discriminator,
    Field,
    PlainValidator,
    StringConstraints,
    Tag,
    WithJsonSchema,
    model_validator,
)
from pydantic_core import PydanticCustomError

from lnrev.timeline import FIRST_YEAR, LAST_YEAR, Point, decimal_year, iso

KINDS = ("level", "change", "growth", "bound")
METHODS = ("linear", "compound", "unsd")
SLUG_PATTERN = r"^[a-z0-9][a-z0-9-]*$"
_MONTH = re.compile(r"\d{4}-(0[1-9]|1[0-2])")

Method = Literal["linear", "compound", "unsd"]
Direction = Literal["increase", "decrease"]
TargetId = Annotated[str, StringConstraints(pattern=SLUG_PATTERN)]
GrowthRate = Annotated[float, Field(gt=-100)]
"""An annual % growth: -100% leaves nothing, and below it compounding has no real value."""


def describe(value: Any) -> str:
    """How a value from the file is quoted back in an error message, in TOML's own words."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dict):
        return "a table"
    if isinstance(value, list):
        return "an array"
    if isinstance(value, str):
        return repr(value)
    if isinstance(value, datetime):
        return f"the date-time {value.isoformat()}"
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


def _point(value: Any) -> Point:
    """A year (int) or a local date; a date-time, a bool or a year out of range is refused."""
    if isinstance(value, date) and not isinstance(value, datetime):
        return value
    if isinstance(value, int) and not isinstance(value, bool):
        if FIRST_YEAR <= value <= LAST_YEAR:
            return value
        raise PydanticCustomError(
            "point_range", "a year must be between 1 and 9999, got {got}", {"got": value}
        )
    raise PydanticCustomError(
        "point_type",
        "expected a year (2025) or a date (2024-06-30), got {got}",
        {"got": describe(value)},
    )


def _date(value: Any) -> date:
    if isinstance(value, date) and not isinstance(value, datetime):
        return value
    raise PydanticCustomError(
        "date_type", "expected a date (2024-07-16), got {got}", {"got": describe(value)}
    )


PointField = Annotated[
    Point,
    PlainValidator(_point),
    WithJsonSchema(
        {
            "anyOf": [
                {"type": "integer", "minimum": FIRST_YEAR, "maximum": LAST_YEAR},
                {"type": "string", "format": "date"},
            ],
            "description": "A year (its end) or a local date.",
        }
    ),
]
DateField = Annotated[
    date, PlainValidator(_date), WithJsonSchema({"type": "string", "format": "date"})
]


class Strict(BaseModel):
    """Every table of the file: unknown keys, wrong types, NaN and infinite numbers are refused."""

    model_config = ConfigDict(extra="forbid", strict=True, allow_inf_nan=False, frozen=True)


def _publication_date(value: Any) -> int | str | date:
    """A source's date as precise as it is known: a year, a month ("2023-02") or a day."""
    if isinstance(value, str) and _MONTH.fullmatch(value):
        return value
    if isinstance(value, date | int) and not isinstance(value, bool):
        return _point(value)
    raise PydanticCustomError(
        "publication_date",
        "expected a date (2024-04-23), a year (2022) or a month ('2023-02'), got {got}",
        {"got": describe(value)},
    )


PublicationDate = Annotated[
    int | str | date,
    PlainValidator(_publication_date),
    WithJsonSchema(
        {
            "anyOf": [
                {"type": "integer", "minimum": FIRST_YEAR, "maximum": LAST_YEAR},
                {"type": "string", "pattern": r"^\d{4}-(0[1-9]|1[0-2])$"},
                {"type": "string", "format": "date"},
            ]
        }
    ),
]


class SourceRef(Strict):
    """A bibliographic source: publisher, title, date (and URL where one exists)."""

    title: str
    publisher: str | None = None
    date: PublicationDate | None = None
    url: str | None = None


def _source_form(value: Any) -> str | None:
    if isinstance(value, str):
        return "text"
    if isinstance(value, dict | SourceRef):
        return "table"
    return None


Source = Annotated[
    Annotated[str, Tag("text")] | Annotated[SourceRef, Tag("table")],
    Discriminator(
        _source_form,
        custom_error_type="source_type",
        custom_error_message="expected a text or a table {title, publisher, date, url}",
    ),
]


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


class Observation(Strict):
    """What every observation records: when, where it was read, and when it was published."""

    at: PointField
    source: Source | None = None
    published: DateField | None = None
    note: str | None = None


class LevelObservation(Observation):
    """An observed value of the indicator (level and bound targets)."""

    value: float


class ChangeObservation(Observation):
    """A cumulative % change vs the baseline (`value`), or a % change on the previous (`yoy`)."""

    value: float | None = None
    yoy: float | None = None


class GrowthObservation(Observation):
    """The average annual % growth since the previous observation (or the baseline)."""

    rate: GrowthRate


class Expectation(Strict):
    """An official projection ("expected to exceed 50% by end 2024"): shown, never assessed."""

    at: PointField
    value: float
    source: Source | None = None
    note: str | None = None


class LevelBaseline(Strict):
    at: PointField
    value: float
    source: Source | None = None
    note: str | None = None


class IndexBaseline(Strict):
    """The base year of a change or growth target: the index is 100 there, so it has no value."""

    at: PointField
    source: Source | None = None
    note: str | None = None


class LevelGoal(Strict):
    value: float
    by: PointField


class ChangeGoal(Strict):
    change: float
    by: PointField


class GrowthGoal(Strict):
    rate: GrowthRate
    by: PointField


class BoundGoal(Strict):
    max: float | None = None
    min: float | None = None
    by: PointField
    from_: PointField | None = Field(default=None, alias="from")


Problems = list[tuple[tuple[str | int, ...], str]]


def _refuse(problems: Problems) -> None:
    """Raise the rule violations of one target together, each with the key it concerns."""
    if problems:
        raise PydanticCustomError(
            "target_rules", "{count} rule(s) broken", {"count": len(problems), "problems": problems}
        )


def _timing_rules(
    by: Point, baseline_at: Point | None, observations: list[Observation]
) -> Problems:
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


def _after_baseline_rules(baseline_at: Point, observations: list[Observation]) -> Problems:
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
        _refuse(_timing_rules(self.target.by, baseline_at, self.observations))
        return self


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
        problems = _timing_rules(self.target.by, self.baseline.at, self.observations)
        problems += _after_baseline_rules(self.baseline.at, self.observations)
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
        _refuse(problems)
        return self


class GrowthTarget(Target):
    """An average annual growth rate: "GDP grows 6% a year on average 2021-2025"."""

    kind: Literal["growth"]
    target: GrowthGoal
    baseline: IndexBaseline
    observations: list[GrowthObservation] = []

    @model_validator(mode="after")
    def _rules(self) -> GrowthTarget:
        problems = _timing_rules(self.target.by, self.baseline.at, self.observations)
        problems += _after_baseline_rules(self.baseline.at, self.observations)
        _refuse(problems)
        return self


class BoundTarget(Target):
    """A ceiling or a floor to respect every time: "surveyed unemployment within 5.5%"."""

    kind: Literal["bound"]
    target: BoundGoal
    observations: list[LevelObservation] = []

    @model_validator(mode="after")
    def _rules(self) -> BoundTarget:
        problems = _timing_rules(self.target.by, None, self.observations)
        goal = self.target
        if (goal.max is None) == (goal.min is None):
            got = "both" if goal.max is not None else "neither"
            problems.append((("target",), f"give exactly one of max or min, got {got}"))
        if goal.from_ is not None and decimal_year(goal.from_) > decimal_year(goal.by):
            problems.append(
                (("target", "from"), f"{iso(goal.from_)} is after the deadline {iso(goal.by)}")
            )
        _refuse(problems)
        return self

    @property
    def bound(self) -> float:
        """The ceiling (`max`) or the floor (`min`)."""
        return self.target.min if self.target.max is None else self.target.max


def _kind_of(value: Any) -> str | None:
    if isinstance(value, dict):
        kind = value.get("kind", "level")
        return kind if kind in KINDS else None
    return getattr(value, "kind", None)


AnyTarget = Annotated[
    Annotated[LevelTarget, Tag("level")]
    | Annotated[ChangeTarget, Tag("change")]
    | Annotated[GrowthTarget, Tag("growth")]
    | Annotated[BoundTarget, Tag("bound")],
    Discriminator(
        _kind_of,
        custom_error_type="kind",
        custom_error_message="expected a table with kind = 'level', 'change', 'growth' or 'bound'",
    ),
]


class TargetsFile(Strict):
    """A whole targets file: the plan, the assessment settings and the targets, in file order."""

    plan: Plan | None = None
    assessment: AssessmentSettings = AssessmentSettings()
    targets: dict[TargetId, AnyTarget] = {}


def method_of(target: AnyTarget, settings: AssessmentSettings) -> Method | None:
    """The method a target is assessed with: growth is always compound, a bound has none."""
    if isinstance(target, GrowthTarget):
        return "compound"
    if isinstance(target, BoundTarget):
        return None
    return target.method or settings.method
