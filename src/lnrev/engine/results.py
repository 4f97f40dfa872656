"""What lnrev says about a target, as plain values: the types every report and view reads."""

from __future__ import annotations

from typing import Any, NamedTuple

from lnrev.engine.timeline import Point
from lnrev.engine.verdicts import Caveat, Label, Outlook, Verdict


class Reading(NamedTuple):
    """A value at a point in time (the value is null where the contract says so)."""

    at: Point
    value: float | None


class HistoryEntry(NamedTuple):
    """One observation as `lnrev gap` lists it, on the target's reporting scale."""

    at: Point
    value: float | None
    recorded: dict[str, float]
    """The observation's value fields as written in the file ({"yoy": -2.5})."""
    considered: bool
    source: Any
    note: str | None


class Measures(NamedTuple):
    """The numbers of contract section 3, on the target's reporting scale."""

    gap: float | None = None
    progress: float | None = None
    time_elapsed: float | None = None
    years_left: float | None = None
    data_age: float | None = None
    actual_change_per_year: float | None = None
    actual_growth_per_year: float | None = None
    required_change_per_year: float | None = None
    required_growth_per_year: float | None = None
    projected: float | None = None
    ratio: float | None = None


MEASURE_NAMES = Measures._fields


class MethodVerdict(NamedTuple):
    """The assessment under one published method and its thresholds (contract section 10)."""

    scheme: str
    method: str | None
    verdict: Verdict
    label: Label
    outlook: Outlook | None
    ratio: float | None
    projected: float | None


class Trend(NamedTuple):
    """The straight-line trend at the deadline, its 80% prediction interval and the probability
    that the deadline's figure meets the target (contract section 11)."""

    points: int
    scale: str
    projected: float
    low: float
    high: float
    probability: float


class Assessment(NamedTuple):
    """Everything lnrev says about one target (contract section 6, plus the history)."""

    id: str
    name: str
    unit: str
    kind: str
    binding: bool
    direction: str | None
    method: str | None
    baseline: Reading | None
    baseline_from: str | None
    latest: Reading | None
    target: Reading
    measures: Measures
    verdict: Verdict
    label: Label
    outlook: Outlook | None
    caveats: tuple[Caveat, ...]
    note: str | None
    history: tuple[HistoryEntry, ...]
    breach: Reading | None = None
    """A bound's first figure beyond it (with tolerance), which makes it missed."""
    methods: tuple[MethodVerdict, ...] = ()
    """The verdict under each published method (contract section 10)."""
    trend: Trend | None = None
    reached_by: int | None = None
    """The year by whose end the pace so far reaches the target (contract section 12)."""
