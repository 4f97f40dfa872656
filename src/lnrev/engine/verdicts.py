"""Verdicts, the thresholds that separate them, and the schemes that name them (contract 3 and 5).

One machine vocabulary for every method. A scheme sets the default thresholds of the ratio bands and
the label of each verdict:
- `eurostat` (Eurostat SDG monitoring, Statistics Canada / Open SDG): 0.95 / 0.6 / 0;
- `unsd2022` (UN Statistics Division, SDG Progress Chart 2017-2022, as UNDP's SDG Accelerator
  implements it): 0.95 / 0.5 / -0.1;
- `ndrc` (the NDRC's reviews of Five-Year Plan indicators, "half the time, half the task"): the
  Eurostat bands, named as the NDRC names results: 提前实现 achieved early, 快于预期 faster than
  expected, 基本符合预期 broadly as expected, 滞后 lagging.
"""

from __future__ import annotations

from enum import StrEnum
from typing import NamedTuple


class Verdict(StrEnum):
    """One vocabulary for every method, in the order the summary lists them."""

    MET = "met"
    ON_TRACK = "on_track"
    ACCELERATION_NEEDED = "acceleration_needed"
    LIMITED_PROGRESS = "limited_progress"
    DETERIORATION = "deterioration"
    MISSED = "missed"
    PENDING = "pending"
    INSUFFICIENT_DATA = "insufficient_data"


class Outlook(StrEnum):
    """For a pending target: would the pace so far have reached the target by the deadline?"""

    LIKELY_MET = "likely_met"
    LIKELY_MISSED = "likely_missed"


class Caveat(StrEnum):
    """Why a verdict deserves a second look; never changes it (contract section 3)."""

    STALE = "stale"
    SHORT_SPAN = "short_span"
    BASELINE_AFTER_PLAN_START = "baseline_after_plan_start"


class Thresholds(NamedTuple):
    """The lower bound of the ratio for each band above deterioration."""

    on_track: float = 0.95
    acceleration_needed: float = 0.6
    limited_progress: float = 0.0

    def in_order(self) -> bool:
        return self.on_track >= self.acceleration_needed >= self.limited_progress

    def band(self, ratio: float) -> Verdict:
        """The verdict a ratio earns: the first band whose threshold it reaches."""
        if ratio >= self.on_track:
            return Verdict.ON_TRACK
        if ratio >= self.acceleration_needed:
            return Verdict.ACCELERATION_NEEDED
        if ratio >= self.limited_progress:
            return Verdict.LIMITED_PROGRESS
        return Verdict.DETERIORATION


class Label(NamedTuple):
    """A verdict's name in a scheme, in English (the JSON `label`) and in Chinese."""

    en: str
    zh: str


class Scheme(NamedTuple):
    """Default thresholds and the name of each verdict."""

    name: str
    thresholds: Thresholds
    labels: dict[Verdict, Label]
    achieved_early: Label | None = None
    """The name of `met` reached before the deadline, where the scheme has one."""
    faster_than_expected: Label | None = None
    """The name of `on_track` at a ratio of 1 or more, where the scheme has one."""

    def label(self, verdict: Verdict, ratio: float | None, early: bool) -> Label:
        """The name of a verdict: `early` when met before the deadline (t_l < T)."""
        if verdict is Verdict.MET and early and self.achieved_early:
            return self.achieved_early
        if (
            verdict is Verdict.ON_TRACK
            and ratio is not None
            and ratio >= 1
            and self.faster_than_expected
        ):
            return self.faster_than_expected
        return self.labels[verdict]


_CHINESE = {
    Verdict.MET: "已实现",
    Verdict.ON_TRACK: "进度正常",
    Verdict.ACCELERATION_NEEDED: "需加快",
    Verdict.LIMITED_PROGRESS: "进展有限",
    Verdict.DETERIORATION: "倒退",
    Verdict.MISSED: "未实现",
    Verdict.PENDING: "待最终数据",
    Verdict.INSUFFICIENT_DATA: "数据不足",
}
"""lnrev's own Chinese names for the verdicts where a scheme has no official wording."""


def _labels(**english: str) -> dict[Verdict, Label]:
    return {verdict: Label(english[verdict.value], _CHINESE[verdict]) for verdict in Verdict}


EUROSTAT = Scheme(
    "eurostat",
    Thresholds(0.95, 0.6, 0.0),
    _labels(
        met="met",
        on_track="on track",
        acceleration_needed="acceleration needed",
        limited_progress="limited progress",
        deterioration="deterioration",
        missed="missed",
        pending="pending",
        insufficient_data="insufficient data",
    ),
)
UNSD2022 = Scheme(
    "unsd2022",
    Thresholds(0.95, 0.5, -0.1),
    _labels(
        met="target achieved",
        on_track="on track",
        acceleration_needed="fair progress, acceleration needed",
        limited_progress="limited or no progress",
        deterioration="deterioration",
        missed="missed",
        pending="pending",
        insufficient_data="insufficient data",
    ),
)
_LAGGING = Label("lagging", "滞后")
NDRC = Scheme(
    "ndrc",
    Thresholds(0.95, 0.6, 0.0),
    {
        Verdict.MET: Label("achieved", "已实现"),
        Verdict.ON_TRACK: Label("broadly as expected", "基本符合预期"),
        Verdict.ACCELERATION_NEEDED: _LAGGING,
        Verdict.LIMITED_PROGRESS: _LAGGING,
        Verdict.DETERIORATION: _LAGGING,
        Verdict.MISSED: Label("not achieved", "未实现"),
        Verdict.PENDING: Label("awaiting final figure", "待最终数据"),
        Verdict.INSUFFICIENT_DATA: Label("insufficient data", "数据不足"),
    },
    achieved_early=Label("achieved early", "提前实现"),
    faster_than_expected=Label("faster than expected", "快于预期"),
)
SCHEMES = {scheme.name: scheme for scheme in (EUROSTAT, UNSD2022, NDRC)}
SCHEME_NAMES = tuple(SCHEMES)
