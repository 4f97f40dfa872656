"""Every target of a file assessed as known on a date, and the count of each verdict."""

from __future__ import annotations

from datetime import date

from lnrev.engine.results import Assessment
from lnrev.engine.verdicts import Verdict
from lnrev.model.kinds import kind_of
from lnrev.model.tables import AssessmentSettings, Target
from lnrev.model.targets_file import TargetsFile


def assess(id_: str, target: Target, settings: AssessmentSettings, as_of: date) -> Assessment:
    """Assess one target as known on `as_of`, by the rules of its kind."""
    return kind_of(target.kind).assess(id_, target, settings, as_of)


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
