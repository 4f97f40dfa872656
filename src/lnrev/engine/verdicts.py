"""Verdicts, the thresholds that separate them, and the schemes that name them (contract 3 and 5).

One machine vocabulary for every method. A scheme sets the default thresholds of the ratio bands and
the label of each verdict:
- `eurostat` (Eurostat SDG monitoring, Statistics Canada / Open SDG): 0.95 / 0.6 / 0;
- `unsd2022` (UN Statistics Division, SDG Progress Chart 2017-2022, as UNDP's SDG Accelerator
  implements it): 0.95 / 0.5 / -0.1;
- `unsd2023` (UN Statistics Division, SDG Progress Chart from 2023: the value projected at the
  actual CAGR as a share of the change required, method `unsd`), read in three levels at 0.95 and
  0.10 as the Basque statistics office EUSTAT applies the 2023 Technical Note
  (EUSTAT-DES/site, `_pages/en/metodologia.md`);
- `sdsn` (SDSN Sustainable Development Report trend arrows: the linear annual rate against the
  linear rate needed): 1.0 / 0.5 / 0;
- `ndrc` (the NDRC's reviews of Five-Year Plan indicators, "half the time, half the task"): the
  Eurostat bands, named as the NDRC names results: 提前实现 achieved early, 快于预期 faster than
  expected, 基本符合预期 broadly as expected, 滞后 lagging.

Every comparison at a cut is decided as exact arithmetic would decide it, within EPSILON (contract
section 3): decimal inputs often land exactly on a cut, where the last bit of a double would decide.
"""

from __future__ import annotations

from enum import StrEnum
from typing import NamedTuple

EPSILON = 1e-9
"""The width within which a comparison at a cut is decided as exact arithmetic would (section 3)."""


def reaches(value: float, cut: float) -> bool:
    """A ratio reaches a threshold when it is at least the threshold less EPSILON."""
    return value >= cut - EPSILON


def at_least(value: float, level: float, allowance: float = 0.0) -> bool:
    """value >= level - allowance, within EPSILON relative to the level (at least 1 in size):
    the `met` test of contract section 3 with the direction already applied."""
    return value - level >= -allowance - EPSILON * max(1.0, abs(level))


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
    METHODS_DISAGREE = "methods_disagree"


class Thresholds(NamedTuple):
    """The lower bound of the ratio for each band above deterioration."""

    on_track: float = 0.95
    acceleration_needed: float = 0.6
    limited_progress: float = 0.0

    def in_order(self) -> bool:
        return self.on_track >= self.acceleration_needed >= self.limited_progress

    def band(self, ratio: float) -> Verdict:
        """The verdict a ratio earns: the first band whose threshold it reaches."""
        if reaches(ratio, self.on_track):
            return Verdict.ON_TRACK
        if reaches(ratio, self.acceleration_needed):
            return Verdict.ACCELERATION_NEEDED
        if reaches(ratio, self.limited_progress):
            return Verdict.LIMITED_PROGRESS
        return Verdict.DETERIORATION


class Label(NamedTuple):
    """A verdict's name in a scheme, in English (the JSON `label`) and in Chinese."""

    en: str
    zh: str


class Scheme(NamedTuple):
    """Default thresholds, the name of each verdict, and the methods the scheme stands for."""

    name: str
    thresholds: Thresholds
    labels: dict[Verdict, Label]
    default_method: str
    """The method of a level or change target when neither it nor the file names one (section 2)."""
    published_method: str
    """The method its publisher uses on a level or change target (section 10, `methods`)."""
    published_growth_method: str
    """The method its publisher uses on a growth target (section 10, `methods`)."""
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
            and reaches(ratio, 1.0)
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


def _labels(chinese: dict[Verdict, str] | None = None, **english: str) -> dict[Verdict, Label]:
    """Each verdict's English name, with lnrev's Chinese one unless the scheme's own is given."""
    zh = {**_CHINESE, **(chinese or {})}
    return {verdict: Label(english[verdict.value], zh[verdict]) for verdict in Verdict}


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
    default_method="linear",
    published_method="compound",
    published_growth_method="compound",
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
    default_method="linear",
    published_method="compound",
    published_growth_method="compound",
)
UNSD2023 = Scheme(
    "unsd2023",
    Thresholds(0.95, 0.10, 0.10),
    _labels(
        {
            Verdict.ACCELERATION_NEEDED: "进展中等，需加快",
            Verdict.LIMITED_PROGRESS: "停滞或倒退",
            Verdict.DETERIORATION: "停滞或倒退",
        },
        met="target met",
        on_track="on track",
        acceleration_needed="moderate progress, acceleration needed",
        limited_progress="stagnation or regression",
        deterioration="stagnation or regression",
        missed="missed",
        pending="pending",
        insufficient_data="insufficient data",
    ),
    default_method="unsd",
    published_method="unsd",
    published_growth_method="unsd",
)
SDSN = Scheme(
    "sdsn",
    Thresholds(1.0, 0.5, 0.0),
    _labels(
        {
            Verdict.ACCELERATION_NEEDED: "温和改善",
            Verdict.LIMITED_PROGRESS: "停滞",
            Verdict.DETERIORATION: "下降",
        },
        met="achieved",
        on_track="on track",
        acceleration_needed="moderately improving",
        limited_progress="stagnating",
        deterioration="decreasing",
        missed="missed",
        pending="pending",
        insufficient_data="insufficient data",
    ),
    default_method="linear",
    published_method="linear",
    published_growth_method="compound",
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
    default_method="linear",
    published_method="linear",
    published_growth_method="compound",
    achieved_early=Label("achieved early", "提前实现"),
    faster_than_expected=Label("faster than expected", "快于预期"),
)
SCHEMES = {scheme.name: scheme for scheme in (EUROSTAT, UNSD2022, UNSD2023, SDSN, NDRC)}
"""The five published methods, in the order `methods` lists them (contract section 10)."""
SCHEME_NAMES = tuple(SCHEMES)
