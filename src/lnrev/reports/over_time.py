"""A target's verdict over time, and what changed between two dates (contract section 13).

Both are the one engine run at several as-of dates: a verdict can change only on the day a figure
becomes known, on the deadline, or with the passage of time (a figure turning stale), so `history`
assesses the target on each day one of its figures became known, on its deadline and on the as-of
date, and `changes` compares every target on two dates.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import NamedTuple

from lnrev.engine.results import Assessment
from lnrev.engine.timeline import as_date
from lnrev.model.tables import Observation, Target
from lnrev.model.targets_file import TargetsFile
from lnrev.reports.status import assess_target, rules_of


class Moment(NamedTuple):
    """What `status --as-of` said of a target on one date."""

    as_of: date
    assessment: Assessment


class Timeline(NamedTuple):
    """`lnrev history ID`: the target's verdict on every date it could have changed."""

    id: str
    as_of: date
    moments: tuple[Moment, ...]


class Change(NamedTuple):
    """A target whose verdict, label, outlook, caveats or latest figure differ between two dates,
    and why: `new_figure`, `deadline_passed`, else `aged`."""

    before: Assessment
    after: Assessment
    reasons: tuple[str, ...]


class Changes(NamedTuple):
    """`lnrev changes --since DATE`: every target that changed, in file order."""

    since: date
    as_of: date
    changes: tuple[Change, ...]


def became_known(observation: Observation, publication_lag: int) -> date | None:
    """The day a figure became known: its `published` date, else its own date plus the
    publication lag (None beyond the calendar)."""
    if observation.published is not None:
        return observation.published
    try:
        return as_date(observation.at) + timedelta(days=publication_lag)
    except OverflowError:
        return None


def turning_points(target: Target, publication_lag: int, as_of: date) -> list[date]:
    """The dates a target's verdict could change, up to `as_of`, in order, once each: the day
    each observation became known, its deadline, and the as-of date itself."""
    days = {became_known(obs, publication_lag) for obs in target.observations}
    days |= {as_date(target.target.by), as_of}
    return sorted(day for day in days if day is not None and day <= as_of)


def assessed_on(targets_file: TargetsFile, id_: str, day: date, scheme: str | None) -> Assessment:
    """The target as `status --as-of day` assesses it (without its observations)."""
    rules = rules_of(targets_file, day, scheme)
    return assess_target(id_, targets_file.targets[id_], rules)._replace(history=())


def history(
    targets_file: TargetsFile, id_: str, as_of: date, scheme: str | None = None
) -> Timeline:
    """The target's verdict on every date it could have changed, up to `as_of`."""
    lag = targets_file.assessment.publication_lag
    days = turning_points(targets_file.targets[id_], lag, as_of)
    moments = tuple(Moment(day, assessed_on(targets_file, id_, day, scheme)) for day in days)
    return Timeline(id_, as_of, moments)


def differs(before: Assessment, after: Assessment) -> bool:
    """A change worth reporting: the verdict, its label, the outlook, the caveats or the latest
    figure (its date or its value); the ratio alone does not count."""

    def seen(a: Assessment) -> tuple:
        return (a.verdict, a.label.en, a.outlook, a.caveats, a.latest)

    return seen(before) != seen(after)


def reasons(target: Target, publication_lag: int, since: date, as_of: date) -> tuple[str, ...]:
    """Why a target changed: a figure dated by `as_of` became known after `since` (new_figure);
    the deadline fell after `since`, by `as_of` (deadline_passed); else only time passed (aged)."""
    found = []
    for obs in target.observations:
        known = became_known(obs, publication_lag)
        if as_date(obs.at) <= as_of and known is not None and since < known <= as_of:
            found.append("new_figure")
            break
    if since < as_date(target.target.by) <= as_of:
        found.append("deadline_passed")
    return tuple(found) or ("aged",)


def changes(
    targets_file: TargetsFile, since: date, as_of: date, scheme: str | None = None
) -> Changes:
    """Every target, in file order, whose verdict or latest figure differ between two dates."""
    lag = targets_file.assessment.publication_lag
    found = []
    for id_, target in targets_file.targets.items():
        before = assessed_on(targets_file, id_, since, scheme)
        after = assessed_on(targets_file, id_, as_of, scheme)
        if differs(before, after):
            found.append(Change(before, after, reasons(target, lag, since, as_of)))
    return Changes(since, as_of, tuple(found))
