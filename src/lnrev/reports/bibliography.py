"""The bibliography of a targets file: each source once, with everything that cites it.

Every figure lnrev ships must name its source; this module gathers them (and lists what names
none), so that an analyst can check a file's sourcing at a glance. Pure: no I/O, no rendering.
"""

from __future__ import annotations

from datetime import date
from typing import NamedTuple

from lnrev.engine.rules import Rules
from lnrev.engine.timeline import Point
from lnrev.model.fields import Source
from lnrev.model.kinds import kind_of
from lnrev.model.tables import Target
from lnrev.model.targets_file import TargetsFile


class Citation(NamedTuple):
    """One thing in the file that cites a source: the plan, a target, or one of its figures."""

    target: str | None
    what: str  # "plan", "target", "baseline", "observation" or "expectation"
    at: Point | None = None


class Reference(NamedTuple):
    """A source and everything that cites it, in file order."""

    source: Source
    cited_by: tuple[Citation, ...]


class Bibliography(NamedTuple):
    references: tuple[Reference, ...]
    unsourced: tuple[Citation, ...]


def bibliography(
    targets_file: TargetsFile, only: str | None = None, as_of: date | None = None
) -> Bibliography:
    """Each source once, in order of first citation; `only` keeps one target, and `as_of` leaves
    out observations that were not yet known on that date (by their `at` and `published`)."""
    return _gathered(_citations(targets_file, only, as_of))


def target_bibliography(id_: str, target: Target, rules: Rules) -> Bibliography:
    """One target's sources, as known by `rules.as_of`."""
    return _gathered(_target_citations(id_, target, rules))


def _gathered(citations) -> Bibliography:
    cited: dict[Source, list[Citation]] = {}
    unsourced: list[Citation] = []
    for citation, source in citations:
        if source is None:
            unsourced.append(citation)
        else:
            cited.setdefault(source, []).append(citation)
    references = tuple(Reference(source, tuple(cites)) for source, cites in cited.items())
    return Bibliography(references, tuple(unsourced))


def _citations(targets_file: TargetsFile, only: str | None, as_of: date | None):
    if only is None and targets_file.plan is not None and targets_file.plan.source is not None:
        yield Citation(None, "plan"), targets_file.plan.source
    rules = None if as_of is None else targets_file.assessment.rules(as_of, targets_file.plan_base)
    for id_, target in targets_file.targets.items():
        if only is None or id_ == only:
            yield from _target_citations(id_, target, rules)


def _target_citations(id_: str, target: Target, rules: Rules | None):
    yield Citation(id_, "target"), target.source
    baseline = getattr(target, "baseline", None)
    is_figure = kind_of(target.kind).baseline_form == "figure"
    if baseline is not None and (is_figure or baseline.source):
        yield Citation(id_, "baseline", baseline.at), baseline.source
    for observation in target.observations:
        if rules is None or rules.is_known(observation.at, observation.published):
            yield Citation(id_, "observation", observation.at), observation.source
    for expectation in target.expectations:
        yield Citation(id_, "expectation", expectation.at), expectation.source
