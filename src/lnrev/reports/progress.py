"""The progress report: what `lnrev report` shows, as data (pure: no I/O, no rendering).

In the manner of the UN SDG Progress Chart, a one-page grid of every target by its verdict, and
of Open SDG's indicator pages, then each target in depth with its sources. The report gathers,
for each assessment shown, the target as declared and the sources known on the as-of date.
"""

from __future__ import annotations

from typing import NamedTuple

from lnrev.engine.results import Assessment
from lnrev.engine.rules import Rules
from lnrev.model.tables import Plan, Target
from lnrev.model.targets_file import TargetsFile
from lnrev.reports.bibliography import Bibliography, target_bibliography


class Entry(NamedTuple):
    """One target of the report: its assessment, its declaration, its sources."""

    assessment: Assessment
    target: Target
    sources: Bibliography


class ProgressReport(NamedTuple):
    plan: Plan | None
    rules: Rules
    file_label: str
    entries: tuple[Entry, ...]

    @property
    def assessments(self) -> list[Assessment]:
        return [entry.assessment for entry in self.entries]


def progress_report(
    targets_file: TargetsFile, shown: list[Assessment], rules: Rules, file_label: str
) -> ProgressReport:
    """The report of the assessments `shown` (already filtered and ordered)."""
    entries = []
    for a in shown:
        target = targets_file.targets[a.id]
        entries.append(Entry(a, target, target_bibliography(a.id, target, rules)))
    return ProgressReport(targets_file.plan, rules, file_label, tuple(entries))
