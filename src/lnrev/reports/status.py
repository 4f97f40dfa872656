"""Every target of a file assessed as known on a date, and the count of each verdict."""

from __future__ import annotations

from datetime import date

from lnrev.engine.results import Assessment
from lnrev.engine.rules import Rules
from lnrev.engine.verdicts import Verdict
from lnrev.model.kinds import kind_of
from lnrev.model.tables import Target
from lnrev.model.targets_file import FileHead, TargetsFile


def rules_of(targets_file: TargetsFile | FileHead, as_of: date, scheme: str | None = None) -> Rules:
    """The file's assessment settings and plan base on `as_of`, with another scheme if asked."""
    return targets_file.assessment.rules(as_of, targets_file.plan_base, scheme)


def assess(targets_file: TargetsFile, id_: str, rules: Rules) -> Assessment:
    """Assess one target of a file by these rules and those of its kind."""
    return assess_target(id_, targets_file.targets[id_], rules)


def assess_target(id_: str, target: Target, rules: Rules) -> Assessment:
    """Assess a target by these rules and those of its kind."""
    return kind_of(target.kind).assess(id_, target, rules)


def assess_file(
    targets_file: TargetsFile, as_of: date, scheme: str | None = None
) -> list[Assessment]:
    """Every target of a file, in file order."""
    return assess_by(targets_file, rules_of(targets_file, as_of, scheme))


def assess_by(targets_file: TargetsFile, rules: Rules) -> list[Assessment]:
    """Every target of a file by these rules, in file order."""
    return [assess_target(id_, target, rules) for id_, target in targets_file.targets.items()]


def summarize(assessments: list[Assessment]) -> dict[str, int]:
    """How many targets have each verdict, every verdict listed (zero included)."""
    counts = {verdict.value: 0 for verdict in Verdict}
    for assessment in assessments:
        counts[assessment.verdict.value] += 1
    return counts
