"""lnrev from Python: a targets file assessed as report values, the front door the commands use.

`assess` is what `lnrev status` shows, `gap` what `lnrev gap ID` shows, `history` and `changes`
what `lnrev history ID` and `lnrev changes --since DATE` show, as Python values:

    >>> import lnrev
    >>> report = lnrev.assess("examples/china-14th-fyp.toml", as_of="2026-11", scheme="ndrc")
    >>> report.summary["met"]
    >>> report.to_dataframe()  # with the extra `lnrev[pandas]`

A file is a path, TOML text (any text with a line break in it), or None for the command line's
discovery ($LNREV_FILE, ./targets.toml, the shipped file). Nothing is printed: every problem is
raised as `LnrevError` (`BadInput` for the file, `UsageError` for an argument) whose message is
the command line's. Nothing here loads typer, click or rich; pydantic and the models are loaded
on the first call, pandas only by `to_dataframe`.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from lnrev.errors import UsageError

if TYPE_CHECKING:  # named for readers; importing them would load pydantic
    import pandas

    from lnrev.engine.results import Assessment
    from lnrev.engine.rules import Rules
    from lnrev.model.tables import Plan, Target
    from lnrev.model.targets_file import FileHead
    from lnrev.targetsfile.loading import TargetsLocation

File = str | os.PathLike[str] | None
"""A path, TOML text (a text with a line break), or None for the command line's discovery."""

TEXT_LABEL = "<text>"
"""How TOML text handed to the API is named in messages and in the JSON `file`."""


@dataclass(frozen=True, slots=True)
class Report:
    """A targets file assessed on a date: every target, in file order, as `lnrev status` shows it.

    `targets` are typed `Assessment` values (lnrev.engine.results: `.verdict`, `.measures.gap`,
    `.latest.value`, ...) without their observations (those are `gap`'s); `to_dicts` and `to_json`
    are exactly what `lnrev status --json` prints.
    """

    file: str
    """The file as messages and the JSON name it: its path as given, `<text>`, or
    `embedded:targets.toml`."""
    as_of: date
    scheme: str
    plan: Plan | None
    rules: Rules
    targets: list[Assessment]

    @property
    def summary(self) -> dict[str, int]:
        """How many targets have each verdict, every verdict listed (zero included)."""
        from lnrev.reports.status import summarize

        return summarize(self.targets)

    def to_dicts(self) -> list[dict[str, Any]]:
        """The targets as the `"targets"` of `lnrev status --json`: one dict each, in order."""
        from lnrev.views.json_document import assessment_json

        return [assessment_json(assessment) for assessment in self.targets]

    def to_document(self) -> dict[str, Any]:
        """The whole `lnrev status --json` document as Python values."""
        from lnrev.views.json_document import status_document

        document = status_document(self.targets, self.plan, self.rules, self.file)
        return {**document, "targets": self.to_dicts()}

    def to_json(self, indent: int | None = None) -> str:
        """The whole `lnrev status --json` document as JSON text (numbers unrounded)."""
        from lnrev.views.json_document import dumps

        return (
            dumps(self.to_document(), pretty=False)
            if indent is None
            else json.dumps(self.to_document(), ensure_ascii=False, indent=indent, allow_nan=False)
        )

    def to_dataframe(self) -> pandas.DataFrame:
        """One row per target, the columns of `lnrev status --format csv` (`latest_at`,
        `latest_value`, ...), the dates as datetimes and the caveats as lists. Needs pandas:
        `pip install 'lnrev[pandas]'`."""
        try:
            import pandas
        except ImportError:
            raise ImportError(
                "Report.to_dataframe needs pandas: pip install 'lnrev[pandas]'"
            ) from None
        from lnrev.views.csv_table import FLAT_COLUMNS, flatten

        frame = pandas.DataFrame(
            [flatten(document) for document in self.to_dicts()], columns=FLAT_COLUMNS
        )
        for column in ("baseline_at", "latest_at", "target_by"):
            frame[column] = pandas.to_datetime(frame[column])
        return frame


@dataclass(frozen=True, slots=True)
class GapReport:
    """One target in depth, as `lnrev gap ID` shows it: its assessment with every observation."""

    file: str
    assessment: Assessment
    target: Target
    rules: Rules

    def to_dict(self) -> dict[str, Any]:
        """Exactly what `lnrev gap ID --json` prints, as Python values."""
        from lnrev.views.json_document import gap_document

        return gap_document(self.assessment, self.rules.as_of)


def assess(
    file: File | TargetsLocation = None,
    *,
    as_of: date | str | None = None,
    scheme: str | None = None,
) -> Report:
    """Every target of a targets file assessed as known on `as_of` (default: today).

    `as_of` is a date, or text as `--as-of` takes it: `2025-06-30`, `2025` (its last day),
    `2025-06` (the month's last day), `2025-Q2` (the quarter's), `today`, `yesterday`.
    `scheme` names the verdicts and sets default thresholds for this call (`eurostat`,
    `unsd2022`, `unsd2023`, `sdsn`, `ndrc`; default: the file's own). Raises `BadInput` for a
    file that cannot be read or validated and `UsageError` for an argument lnrev cannot use.
    """
    from lnrev.targetsfile.streaming import assess_each

    location = locate(file)
    day = read_as_of(as_of)
    checked = known_scheme(scheme)
    assessed = assess_each(location, rules_for(checked, day), keep=without_history)
    return Report(
        location.label,
        assessed.rules.as_of,
        assessed.rules.scheme.name,
        assessed.plan,
        assessed.rules,
        assessed.assessments,
    )


def gap_report(
    target_id: str,
    file: File | TargetsLocation = None,
    *,
    as_of: date | str | None = None,
    scheme: str | None = None,
) -> GapReport:
    """One target of a file assessed in depth, with every observation (`lnrev gap ID`). An id the
    file does not have raises `UsageError` naming the closest."""
    from lnrev.reports.status import assess as assess_one

    location, targets, rules = _one_target(target_id, file, as_of, known_scheme(scheme))
    assessment = assess_one(targets, target_id, rules)
    return GapReport(location.label, assessment, targets.targets[target_id], rules)


def _one_target(
    target_id: str, file: File | TargetsLocation, as_of: date | str | None, scheme: str | None
) -> tuple[TargetsLocation, Any, Any]:
    """The file read whole, its rules on the as-of date, and a check that it has `target_id`
    (`UsageError` naming the closest id if not): what every one-target call starts with."""
    from lnrev.errors import no_such_target
    from lnrev.targetsfile.loading import load

    location = locate(file)
    day = read_as_of(as_of)
    targets = load(location)
    if target_id not in targets.targets:
        raise no_such_target(target_id, targets.targets, location.label)
    return location, targets, rules_for(scheme, day)(targets)


def gap(
    target_id: str,
    file: File | TargetsLocation = None,
    *,
    as_of: date | str | None = None,
    scheme: str | None = None,
) -> dict[str, Any]:
    """One target in depth as a dict: exactly what `lnrev gap ID --json` prints (its assessment,
    the schema version, the as-of date and every observation under `history`)."""
    return gap_report(target_id, file, as_of=as_of, scheme=scheme).to_dict()


def history(
    target_id: str, file: File | TargetsLocation = None, *, as_of: date | str | None = None
) -> dict[str, Any]:
    """One target's verdict over time as a dict: exactly what `lnrev history ID --json` prints
    (contract section 13): the assessment on each day one of its figures became known, on its
    deadline and on `as_of`. An id the file does not have raises `UsageError` naming the closest."""
    from lnrev.reports.over_time import history as timeline
    from lnrev.views.json_document import history_document

    _, targets, rules = _one_target(target_id, file, as_of, None)
    return history_document(timeline(targets, target_id, rules.as_of))


def changes(
    since: date | str,
    file: File | TargetsLocation = None,
    *,
    as_of: date | str | None = None,
) -> dict[str, Any]:
    """What changed between two dates as a dict: exactly what `lnrev changes --since DATE --json`
    prints (contract section 13). `since` is read as `as_of` is and must come before it
    (`UsageError` otherwise)."""
    from lnrev.reports.over_time import changes as changed
    from lnrev.targetsfile.loading import load
    from lnrev.views.json_document import changes_document

    day = read_as_of(as_of)
    start = read_as_of(since, "since")
    if start >= day:
        raise UsageError(
            [f"error: --since {start.isoformat()} is not before the as-of date {day.isoformat()}"]
        )
    location = locate(file)
    targets = load(location)
    rules = rules_for(None, day)(targets)
    return changes_document(changed(targets, start, rules.as_of), location.label)


def locate(file: File | TargetsLocation) -> TargetsLocation:
    """Where the targets come from: a path, TOML text (a text with a line break in it), or the
    command line's discovery for None."""
    from lnrev.targetsfile.loading import TargetsLocation, discover

    if isinstance(file, TargetsLocation):
        return file
    if isinstance(file, str) and "\n" in file:
        return TargetsLocation(Path(TEXT_LABEL), TEXT_LABEL, data=file.encode("utf-8"))
    return discover(None if file is None else Path(file))


def read_as_of(as_of: date | str | None, argument: str = "as_of") -> date:
    """The as-of date: a date (a datetime's day), text as `--as-of` reads it, or today; a text
    lnrev cannot read is a `UsageError` naming the `argument`."""
    from lnrev.targetsfile.typed_values import read_day

    if as_of is None:
        return date.today()
    if isinstance(as_of, datetime):
        return as_of.date()
    if isinstance(as_of, date):
        return as_of
    try:
        return read_day(str(as_of), date.today())
    except ValueError as error:
        raise UsageError([f"error: {argument}: {error}"]) from None


def known_scheme(scheme: str | None) -> str | None:
    """A scheme lnrev knows, or `UsageError` suggesting the closest."""
    from lnrev.engine.verdicts import SCHEME_NAMES
    from lnrev.suggestions import check_choice

    if scheme is None:
        return None
    try:
        return check_choice(scheme, SCHEME_NAMES, "scheme")
    except ValueError as error:
        raise UsageError([f"error: scheme: {error}"]) from None


def rules_for(scheme: str | None, as_of: date) -> Callable[[FileHead], Rules]:
    """How a file's head (its plan and assessment settings) becomes the rules of this run: the
    scheme asked for, if the file's own thresholds allow it, on the as-of date."""
    from lnrev.reports.status import rules_of

    def rules(head: FileHead) -> Rules:
        check_scheme(scheme, head)
        return rules_of(head, as_of, scheme)

    return rules


def check_scheme(scheme: str | None, head: FileHead) -> None:
    """A scheme asked for must leave the file's own thresholds in order."""
    if scheme is None:
        return
    thresholds = head.assessment.thresholds_for(scheme)
    if not thresholds.in_order():
        raise UsageError(
            [
                f"error: --scheme {scheme}: with the file's own thresholds the bands would be out"
                f" of order ({thresholds.on_track:g} / {thresholds.acceleration_needed:g} /"
                f" {thresholds.limited_progress:g})"
            ]
        )


def without_history(assessment: Assessment) -> Assessment:
    """What a report of every target keeps of an assessment: all but the observations, which
    it never shows (on a large file they are most of the memory)."""
    return assessment._replace(history=())
