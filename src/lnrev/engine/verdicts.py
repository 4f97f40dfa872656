"""Verdicts and the thresholds that separate them (contract section 3, rule 5 on).

One machine vocabulary for every method. The default thresholds are the Eurostat / Statistics
Canada bands: on track from 0.95 of the pace needed, acceleration needed from 0.6, limited progress
from 0, deterioration below.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


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
class Thresholds:
    """The lower bound of the ratio for each band above deterioration."""

    on_track: float = 0.95
    acceleration_needed: float = 0.6
    limited_progress: float = 0.0

    def band(self, ratio: float) -> Verdict:
        """The verdict a ratio earns: the first band whose threshold it reaches."""
        if ratio >= self.on_track:
            return Verdict.ON_TRACK
        if ratio >= self.acceleration_needed:
            return Verdict.ACCELERATION_NEEDED
        if ratio >= self.limited_progress:
            return Verdict.LIMITED_PROGRESS
        return Verdict.DETERIORATION
