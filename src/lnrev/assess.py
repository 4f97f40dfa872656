"""Is a target on track? The assessment of contract sections 1-4, as pure functions.

A level target is assessed directly. Change and growth targets are turned into a level problem on an
index (baseline = 100), assessed the same way, and reported back in their own terms (cumulative %
change, average annual growth). Bound targets ("within 5.5% every year") are a check of every
observation against the bound. Nothing here reads files or prints.
"""

from __future__ import annotations

from dataclasses import dataclass, fields, replace
from datetime import date
from enum import StrEnum
from typing import TypeVar

from lnrev import formulas
from lnrev.formulas import Trajectory
from lnrev.model import (
    AnyTarget,
    AssessmentSettings,
    BoundTarget,
    ChangeTarget,
    GrowthTarget,
    LevelTarget,
    Method,
    Observation,
    Source,
    TargetsFile,
    method_of,
)
from lnrev.timeline import Point, decimal_year, iso

AnyObservation = TypeVar("AnyObservation", bound=Observation)


class Verdict(StrEnum):
    """One vocabulary for every method, in the order the summary lists them."""

    MET = "met"
    ON_TRACK = "on_track"
    ACCELERATION_NEEDED = "acceleration_needed"
    LIMITED_PROGRESS = "limited_progress"
    DETERIORATION = "deterioration"
    MISSED = "missed"
    INSUFFICIENT_DATA = "insufficient_data"


@dataclass(frozen=True)
class Reading:
    """A value at a point in time (the value is null where the contract says so)."""

    at: Point
    value: float | None


@dataclass(frozen=True)
class HistoryEntry:
    """One observation as `lnrev gap` lists it, on the target's reporting scale."""

    at: Point
    value: float | None
    considered: bool
    source: Source | None
    note: str | None


@dataclass(frozen=True)
class Measures:
    """The numbers of contract section 3, on the target's reporting scale."""

    gap: float | None = None
    progress: float | None = None
    time_elapsed: float | None = None
    years_left: float | None = None
    actual_change_per_year: float | None = None
    actual_growth_per_year: float | None = None
    required_change_per_year: float | None = None
    required_growth_per_year: float | None = None
    projected: float | None = None
    ratio: float | None = None


@dataclass(frozen=True)
class Assessment:
    """Everything lnrev says about one target (contract section 5, plus the history)."""

    id: str
    name: str
    unit: str
    kind: str
    binding: bool
    direction: str | None
    method: Method | None
    baseline: Reading | None
    latest: Reading | None
    target: Reading
    measures: Measures
    verdict: Verdict
    note: str | None
    history: tuple[HistoryEntry, ...]


@dataclass(frozen=True)
class Course:
    """A level assessment before it is reported in the target's own terms."""

    baseline: Reading | None
    latest: Reading | None
    d: int | None
    measures: Measures
    verdict: Verdict
    note: str | None


def assess_file(targets_file: TargetsFile, as_of: date) -> list[Assessment]:
    """Every target of a file, in file order."""
    return [
        assess(id_, target, targets_file.assessment, as_of)
        for id_, target in targets_file.targets.items()
    ]


def summarize(assessments: list[Assessment]) -> dict[str, int]:
    """How many targets have each verdict, every verdict listed (zero included)."""
    counts = {verdict.value: 0 for verdict in Verdict}
    for assessment in assessments:
        counts[assessment.verdict.value] += 1
    return counts


def assess(id_: str, target: AnyTarget, settings: AssessmentSettings, as_of: date) -> Assessment:
    """Assess one target as known on `as_of`, by the method of its kind."""
    if isinstance(target, LevelTarget):
        return _assess_level(id_, target, settings, as_of)
    if isinstance(target, ChangeTarget):
        return _assess_change(id_, target, settings, as_of)
    if isinstance(target, GrowthTarget):
        return _assess_growth(id_, target, settings, as_of)
    return _assess_bound(id_, target, as_of)


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


def was_known(observation: Observation, as_of: date) -> bool:
    """Was the observation known on `as_of`: not after it, and published by then if given?"""
    return decimal_year(observation.at) <= decimal_year(as_of) and (
        observation.published is None or observation.published <= as_of
    )


def in_time_order(observations: list[AnyObservation]) -> list[AnyObservation]:
    return sorted(observations, key=lambda observation: decimal_year(observation.at))


def _direction_sign(direction: str | None) -> int | None:
    return {"increase": 1, "decrease": -1}.get(direction or "")


def _direction_name(d: int | None) -> str | None:
    return {1: "increase", -1: "decrease"}.get(d or 0)


def assess_course(
    considered: list[Reading],
    declared_baseline: Reading | None,
    by: Point,
    value: float,
    direction: str | None,
    tolerance: float,
    method: Method,
    settings: AssessmentSettings,
    as_of: date,
    met_level: float | None = None,
) -> Course:
    """The level assessment of contract section 3 on readings in time order.

    The baseline is the declared one, else the earliest considered reading; the latest is the last
    considered reading after the baseline, else the baseline itself. `met_level` replaces the target
    value in the `met` test where a kind defines it otherwise (growth targets).
    """
    baseline = declared_baseline or (considered[0] if considered else None)
    if baseline is None:
        note = f"no observation known as of {as_of.isoformat()}"
        return Course(
            None, None, _direction_sign(direction), Measures(), Verdict.INSUFFICIENT_DATA, note
        )
    t_b = decimal_year(baseline.at)
    later = [reading for reading in considered if decimal_year(reading.at) > t_b]
    latest = later[-1] if later else baseline
    d = _direction_sign(direction) or (1 if value >= baseline.value else -1)
    path = Trajectory(
        t_b, baseline.value, decimal_year(latest.at), latest.value, decimal_year(by), value, d
    )
    measures = Measures(
        gap=formulas.gap(path.V, path.v_l),
        progress=formulas.progress(path),
        time_elapsed=formulas.time_elapsed(path),
        years_left=formulas.years_left(path.T, path.t_l),
        actual_change_per_year=formulas.actual_change_per_year(path),
        actual_growth_per_year=formulas.actual_growth_per_year(path),
        required_change_per_year=formulas.required_change_per_year(path),
        required_growth_per_year=formulas.required_growth_per_year(path),
        projected=formulas.PROJECTION[method](path),
        ratio=formulas.RATIO[method](path),
    )
    reached = d * (path.v_l - (value if met_level is None else met_level)) >= -tolerance
    verdict, note = _verdict(path, measures.ratio, reached, method, settings)
    return Course(baseline, latest, d, measures, verdict, note)


def _verdict(
    path: Trajectory,
    ratio: float | None,
    reached: bool,
    method: Method,
    settings: AssessmentSettings,
) -> tuple[Verdict, str | None]:
    """The verdict rules of contract section 3, first that applies (rule 1 is in assess_course)."""
    if reached:
        return Verdict.MET, "reached before the deadline" if path.t_l < path.T else None
    if path.t_l >= path.T:
        return Verdict.MISSED, "the deadline has passed short of the target"
    if ratio is None:
        return Verdict.INSUFFICIENT_DATA, _why_no_ratio(path, method)
    bands = (
        (settings.on_track, Verdict.ON_TRACK),
        (settings.acceleration_needed, Verdict.ACCELERATION_NEEDED),
        (settings.limited_progress, Verdict.LIMITED_PROGRESS),
    )
    return next(
        (verdict for floor, verdict in bands if ratio >= floor), Verdict.DETERIORATION
    ), None


def _why_no_ratio(path: Trajectory, method: Method) -> str:
    if path.t_l == path.t_b:
        return "nothing observed after the baseline yet: no pace"
    if path.v_b == path.V:
        return "the baseline already equals the target"
    if path.t_b >= path.T:
        return "the baseline is at the deadline"
    if method != "linear" and min(path.v_b, path.v_l, path.V) <= 0:
        return f"the {method} method needs positive values"
    return "the pace is too large to compute"


def _readings(
    observations: list[Observation], values: list[float], counted: list[bool]
) -> list[Reading]:
    """The considered observations as readings on the assessment's scale, in time order."""
    return [
        Reading(obs.at, value)
        for obs, value, considered in zip(observations, values, counted, strict=True)
        if considered
    ]


def _history(observations: list[Observation], values: list[float | None], considered: list[bool]):
    return tuple(
        HistoryEntry(obs.at, value, counted, obs.source, obs.note)
        for obs, value, counted in zip(observations, values, considered, strict=True)
    )


def _assessment(
    id_: str,
    target: AnyTarget,
    method: Method | None,
    course: Course,
    goal: Reading,
    history: tuple[HistoryEntry, ...],
) -> Assessment:
    return Assessment(
        id=id_,
        name=target.name,
        unit=target.unit,
        kind=target.kind,
        binding=target.binding,
        direction=_direction_name(course.d),
        method=method,
        baseline=course.baseline,
        latest=course.latest,
        target=goal,
        measures=course.measures,
        verdict=course.verdict,
        note=course.note,
        history=history,
    )


def _assess_level(
    id_: str, target: LevelTarget, settings: AssessmentSettings, as_of: date
) -> Assessment:
    """A value by a deadline, assessed as it is (contract section 3)."""
    observations = in_time_order(target.observations)
    after = target.baseline.at if target.baseline else None
    counted = [is_considered(obs, as_of, target.target.by, after) for obs in observations]
    method = method_of(target, settings)
    course = assess_course(
        _readings(observations, [obs.value for obs in observations], counted),
        Reading(target.baseline.at, target.baseline.value) if target.baseline else None,
        target.target.by,
        target.target.value,
        target.direction,
        target.tolerance,
        method,
        settings,
        as_of,
    )
    return _assessment(
        id_,
        target,
        method,
        course,
        goal=Reading(target.target.by, target.target.value),
        history=_history(observations, [obs.value for obs in observations], counted),
    )


def change_index(observations: list[Observation]) -> list[float]:
    """The index (baseline = 100) of each change observation, chained in time order.

    A `value` is a cumulative % change: index = 100 + value. A `yoy` is a % change on the previous
    observation (or the baseline): index = previous * (1 + yoy / 100).
    """
    indexes, previous = [], 100.0
    for obs in observations:
        previous = 100.0 + obs.value if obs.value is not None else previous * (1 + obs.yoy / 100)
        indexes.append(previous)
    return indexes


def growth_index(observations: list[Observation], baseline_at: Point) -> list[float]:
    """The index (baseline = 100) of each growth observation: previous * (1 + rate/100) ** years."""
    indexes, previous, since = [], 100.0, decimal_year(baseline_at)
    for obs in observations:
        moment = decimal_year(obs.at)
        previous = previous * formulas.power(1 + obs.rate / 100, moment - since)
        indexes.append(previous)
        since = moment
    return indexes


def _assess_change(
    id_: str, target: ChangeTarget, settings: AssessmentSettings, as_of: date
) -> Assessment:
    """A cumulative % change, assessed on its index and reported as % change vs the baseline."""
    observations = in_time_order(target.observations)
    indexes = change_index(observations)
    by, base_at = target.target.by, target.baseline.at
    counted = [is_considered(obs, as_of, by, base_at) for obs in observations]
    method = method_of(target, settings)
    course = assess_course(
        _readings(observations, indexes, counted),
        Reading(base_at, 100.0),
        by,
        100.0 + target.target.change,
        target.direction,
        target.tolerance,
        method,
        settings,
        as_of,
    )
    shifted = replace(
        course,
        baseline=Reading(base_at, 0.0),
        latest=_minus_100(course.latest),
        measures=replace(course.measures, projected=_minus_100_value(course.measures.projected)),
    )
    return _assessment(
        id_,
        target,
        method,
        shifted,
        goal=Reading(by, target.target.change),
        history=_history(observations, [index - 100 for index in indexes], counted),
    )


def _minus_100_value(index: float | None) -> float | None:
    return None if index is None else index - 100.0


def _minus_100(reading: Reading | None) -> Reading | None:
    return None if reading is None else Reading(reading.at, _minus_100_value(reading.value))


def _assess_growth(
    id_: str, target: GrowthTarget, settings: AssessmentSettings, as_of: date
) -> Assessment:
    """An average annual growth rate, assessed on its index with the compound method and reported
    as the realized average growth since the baseline, in % a year."""
    observations = in_time_order(target.observations)
    by, base_at, rate = target.target.by, target.baseline.at, target.target.rate
    indexes = growth_index(observations, base_at)
    counted = [is_considered(obs, as_of, by, base_at) for obs in observations]
    years = decimal_year(by) - decimal_year(base_at)
    d = 1 if rate >= 0 else -1
    course = assess_course(
        _readings(observations, indexes, counted),
        Reading(base_at, 100.0),
        by,
        100.0 * formulas.power(1 + rate / 100, years),
        "increase" if d > 0 else "decrease",
        0.0,
        "compound",
        settings,
        as_of,
        met_level=100.0 * formulas.power(1 + (rate - d * target.tolerance) / 100, years),
    )
    since = decimal_year(base_at)
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
    history = [
        formulas.average_annual_growth_percent(index, decimal_year(obs.at) - since)
        for obs, index in zip(observations, indexes, strict=True)
    ]
    return _assessment(
        id_,
        target,
        "compound",
        reported,
        goal=Reading(by, rate),
        history=_history(observations, history, counted),
    )


def _assess_bound(id_: str, target: BoundTarget, as_of: date) -> Assessment:
    """A ceiling or a floor (contract section 4): missed at the first breach, met once the
    deadline is reached without one, on track in between."""
    goal = target.target
    observations = in_time_order(target.observations)
    counted = [is_considered(obs, as_of, goal.by, since=goal.from_) for obs in observations]
    considered = _readings(observations, [obs.value for obs in observations], counted)
    d = -1 if goal.max is not None else 1
    bound = target.bound
    breaches = [obs for obs in considered if d * (obs.value - bound) < -target.tolerance]
    latest = considered[-1] if considered else None
    if breaches:
        side = "above the ceiling" if d < 0 else "below the floor"
        verdict, note = Verdict.MISSED, f"{iso(breaches[0].at)}: {side} of {bound:g}"
    elif latest is None:
        verdict, note = Verdict.INSUFFICIENT_DATA, f"no observation known as of {as_of.isoformat()}"
    elif decimal_year(latest.at) >= decimal_year(goal.by):
        verdict, note = Verdict.MET, None
    else:
        verdict, note = Verdict.ON_TRACK, "within the bound so far"
    measures = Measures()
    if latest is not None:
        measures = Measures(
            gap=formulas.gap(bound, latest.value),
            years_left=formulas.years_left(decimal_year(goal.by), decimal_year(latest.at)),
        )
    course = Course(None, latest, d, measures, verdict, note)
    return _assessment(
        id_,
        target,
        None,
        course,
        goal=Reading(goal.by, bound),
        history=_history(observations, [obs.value for obs in observations], counted),
    )


MEASURE_NAMES = tuple(field.name for field in fields(Measures))
