"""The commands that report on targets: status, gap, history, changes, sources and report.

Each builds one view and hands it to `views.output.present` with the format asked for: a rich
table for people (the default), JSON for scripts, CSV for spreadsheets, Markdown for reports.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, NamedTuple

import typer

from lnrev.cli.options import (
    VERDICT_NAMES,
    AsOfOption,
    ColorOption,
    ColumnsOption,
    ExportOption,
    FileOption,
    FormatOption,
    JsonOption,
    LangOption,
    OpenOption,
    OutputOption,
    RawTextOption,
    RoundOption,
    SchemeOption,
    TargetId,
    check_round,
    check_target,
    complete_ids,
    completes,
    environment,
    locate,
    one_of,
    output_to,
    parse_as_of,
    parse_verdicts,
    read_targets,
    reports_errors,
    write_output,
)
from lnrev.errors import ExitCode, UsageError
from lnrev.views.output import REPORT_FORMATS

if TYPE_CHECKING:
    from lnrev.engine.results import Assessment
    from lnrev.engine.verdicts import Scheme, Verdict
    from lnrev.targetsfile.loading import TargetsLocation
    from lnrev.views.environment import Environment
    from lnrev.views.output import View

Verdicts = Annotated[
    str | None,
    typer.Option(
        "--verdict",
        metavar="VERDICT[,VERDICT...]",
        help=f"Only targets with these verdicts: {', '.join(VERDICT_NAMES)}, or the scheme's own"
        " words for them (--scheme ndrc --verdict lagging).",
        callback=parse_verdicts,
        autocompletion=completes(VERDICT_NAMES),
    ),
]


KINDS = ("level", "change", "growth", "bound")
SORT_KEYS = ("verdict", "gap", "deadline", "id")
"""For help and completion without loading the models (a test keeps them equal to the registry)."""


def _sort_key(value: str | None) -> str | None:
    if value is not None and value.removeprefix("-") not in SORT_KEYS:
        raise typer.BadParameter(f"expected one of {', '.join(SORT_KEYS)}, got {value!r}")
    return value


Ids = Annotated[
    list[str] | None,
    typer.Argument(
        metavar="ID",
        help="Only these targets: ids, or shell-style patterns ('gdp-growth-*').",
        autocompletion=complete_ids,
    ),
]
Binding = Annotated[bool, typer.Option("--binding", help="Only binding (约束性) targets.")]
Expected = Annotated[
    bool, typer.Option("--expected", help="Only targets not marked binding (expected, 预期性).")
]
Kinds = Annotated[
    str | None,
    typer.Option(
        "--kind",
        metavar="KIND[,KIND...]",
        help="Only these kinds: level, change, growth, bound.",
        autocompletion=completes(KINDS),
    ),
]
Sort = Annotated[
    str | None,
    typer.Option(
        "--sort",
        metavar="[-](" + "|".join(SORT_KEYS) + ")",
        help="verdict (what needs attention first), gap (least still to do first), deadline"
        " or id; a leading - reverses (-gap: most still to do first). Default: file order.",
        callback=_sort_key,
        autocompletion=completes(SORT_KEYS),
    ),
]
Limit = Annotated[
    int | None,
    typer.Option(
        "--limit", metavar="N", min=1, help="Only the first N targets (after --sort).",
        show_default=False,
    ),
]  # fmt: skip


FailOn = Annotated[
    str | None,
    typer.Option(
        "--fail-on",
        metavar="VERDICT[,VERDICT...]",
        help="Exit 1 if any target listed has one of these verdicts (after the change, for"
        " `changes`), for cron and CI.",
        callback=parse_verdicts,
        autocompletion=completes(VERDICT_NAMES),
    ),
]


class Filters(NamedTuple):
    """Which targets a report shows, and in what order (`status` and `report` share them)."""

    ids: list[str] | None
    verdicts: list[str] | None
    binding: bool
    expected: bool
    kind: str | None
    sort: str | None
    open_only: bool = False

    def named(self) -> str:
        """The filters as typed, for a message that nothing matched: "--binding --open"."""
        words = [*(self.ids or ())]
        words += [f"--verdict {','.join(self.verdicts)}"] if self.verdicts else []
        words += ["--binding"] if self.binding else []
        words += ["--expected"] if self.expected else []
        words += [f"--kind {self.kind}"] if self.kind else []
        words += ["--open"] if self.open_only else []
        return " ".join(words)

    limit: int | None = None

    def kinds(self) -> list[str]:
        """The kinds asked for; refused before the file is read, like every usage error."""
        from lnrev.model.kinds import KIND_NAMES

        if self.binding and self.expected:
            raise UsageError(["error: --binding and --expected exclude each other"])
        kinds = [name.strip() for name in self.kind.split(",")] if self.kind else []
        unknown = [name for name in kinds if name not in KIND_NAMES]
        if unknown:
            raise UsageError(
                [f"error: --kind: expected {', '.join(KIND_NAMES)}, got {unknown[0]!r}"]
            )
        return kinds

    def shown(
        self,
        assessments: list[Assessment],
        kinds: list[str],
        location: TargetsLocation,
        scheme: Scheme,
    ) -> list[Assessment]:
        """The assessments these filters (and the `kinds` checked before) let through, in their
        order, the first `limit` of them; an id or pattern that names none of the file's targets
        is a usage error, and so is a verdict word the scheme in use does not have."""
        from lnrev.reports import selection

        ids = [a.id for a in assessments]
        matched, unmatched = selection.matching(self.ids or (), ids)
        for pattern in unmatched:
            if not selection.is_pattern(pattern):
                check_target(pattern, ids, location)
            _no_match(pattern, ids, location)
        sorted_ = selection.sort(
            selection.select(
                assessments,
                ids=matched,
                verdicts=verdicts_in(self.verdicts, "--verdict", scheme),
                binding=True if self.binding else False if self.expected else None,
                kinds=kinds,
                open_only=self.open_only,
            ),
            self.sort,
        )
        return sorted_[: self.limit]


def _no_match(pattern: str, ids: list[str], location: TargetsLocation) -> None:
    from lnrev.reports.selection import nearest

    close = nearest(pattern, ids)
    hint = f"; nearest: {', '.join(close)}" if close else f"; ids: {', '.join(ids)}"
    raise UsageError([f"error: no target matches {pattern!r} in {location.label}{hint}"])


def verdicts_in(words: list[str] | None, option: str, scheme: Scheme) -> list[Verdict]:
    """The verdicts `--verdict` or `--fail-on` name under the scheme in use."""
    from lnrev.reports.selection import verdicts_named

    try:
        return verdicts_named(words or (), scheme)
    except ValueError as error:
        raise UsageError([f"error: {option}: {error}"]) from None


def present_or_write(
    view: View, shown_format: str, env: Environment, export: Path | None, output: Path | None
) -> None:
    """The view to standard output, or whole to `-o FILE` (the table as plain text there); and
    with `--export`, its table as drawn, as SVG or HTML. Files are written by `write_output`:
    a regular file replaced atomically, a FIFO or a device as a stream, a directory refused."""
    from lnrev.views.output import exported, file_text, present

    if output is None:
        present(view, shown_format, env)
    else:
        plain = env._replace(tty=False, colour=False, unicode=True, width=None, encoding="utf-8")
        write_output(file_text(view, shown_format, plain), output)
    if export is not None:
        write_output(exported(view, export.suffix), export)


@reports_errors
def status(
    ids: Ids = None,
    file: FileOption = None,
    as_of: AsOfOption = None,
    verdict: Verdicts = None,
    binding: Binding = False,
    expected: Expected = False,
    kind: Kinds = None,
    open_only: OpenOption = False,
    sort: Sort = None,
    limit: Limit = None,
    fail_on: FailOn = None,
    scheme: SchemeOption = None,
    wide: Annotated[
        bool,
        typer.Option(
            "--wide", help="Every column, however narrow the terminal (lines may then wrap)."
        ),
    ] = False,
    columns: ColumnsOption = None,
    lang: LangOption = None,
    format_: FormatOption = None,
    raw_text: RawTextOption = False,
    round_: RoundOption = None,
    json: JsonOption = False,
    output: OutputOption = None,
    export: ExportOption = None,
    color: ColorOption = "auto",
) -> None:
    """Every target: gap, required and actual annual pace, projection and verdict.

    Examples:

    \b
    lnrev status
    lnrev status 'gdp-growth-*' --as-of 2025-Q2
    lnrev status --open --fail-on deterioration,limited_progress
    lnrev status --sort -gap --limit 5
    lnrev status --columns id,gap,required,verdict
    lnrev status --round 2 -o status.csv
    """
    from lnrev.api import assess
    from lnrev.reports import selection
    from lnrev.views.language import LANGUAGES
    from lnrev.views.output import StatusView
    from lnrev.views.wording import status_caption

    shown_format = output_to(output, format_, json)
    check_round(round_, shown_format)
    filters = Filters(ids, verdict, binding, expected, kind, sort, open_only, limit)
    kinds = filters.kinds()
    location = locate(file)
    assessed = assess(location, as_of=as_of, scheme=scheme)
    shown = filters.shown(assessed.targets, kinds, location, assessed.rules.scheme)
    env = environment(lang, wide, raw_text, color, round_)
    methods = sorted({a.method for a in shown if a.method})
    caption = status_caption(location.label, assessed.rules, methods, LANGUAGES[env.lang])
    view = StatusView(
        shown, caption, assessed.plan, assessed.rules, location.label, filters.named(), columns
    )
    present_or_write(view, shown_format, env, export, output)
    watched = verdicts_in(fail_on, "--fail-on", assessed.rules.scheme)
    if selection.failing(shown, watched):
        raise typer.Exit(ExitCode.CHECK_FAILED)


@reports_errors
def report(
    ids: Ids = None,
    file: FileOption = None,
    as_of: AsOfOption = None,
    verdict: Verdicts = None,
    binding: Binding = False,
    expected: Expected = False,
    kind: Kinds = None,
    open_only: OpenOption = False,
    sort: Sort = None,
    limit: Limit = None,
    scheme: SchemeOption = None,
    lang: LangOption = None,
    format_: Annotated[
        str | None,
        typer.Option(
            "--format",
            metavar="[" + "|".join(REPORT_FORMATS) + "]",
            help="html: one self-contained page; markdown: the same as text and tables, without"
            " charts. Default: the extension of -o (.html, .md), else html.",
            callback=one_of(REPORT_FORMATS, "format"),
            autocompletion=completes(REPORT_FORMATS),
            show_default=False,
        ),
    ] = None,
    output: Annotated[
        Path | None,
        typer.Option(
            "--output",
            "-o",
            metavar="FILE",
            help="Write the report to FILE (replaced whole, never half-written), as HTML or,"
            " for .md, Markdown. Default: standard output.",
            dir_okay=False,
        ),
    ] = None,
) -> None:
    """A progress report to share: the verdict counts, a progress-chart grid of every target, then
    each target with its sentence, key numbers, chart, caveats and sources.

    The HTML page is self-contained: its style and charts are inline and it fetches nothing, so
    it opens offline, prints one target per block and reads on a phone.

    Examples:

    \b
    lnrev report -o report.html
    lnrev report --lang zh --scheme ndrc -o 报告.html
    lnrev report --binding -o report.md
    """
    from lnrev.api import rules_for
    from lnrev.reports.progress import progress_report
    from lnrev.reports.status import assess_by
    from lnrev.views.output import ReportView, file_text, rendered

    page_format = format_ or report_format(output)
    filters = Filters(ids, verdict, binding, expected, kind, sort, open_only, limit)
    kinds = filters.kinds()
    location, targets = read_targets(file)
    rules = rules_for(scheme, as_of or date.today())(targets)
    shown = filters.shown(assess_by(targets, rules), kinds, location, rules.scheme)
    view = ReportView(progress_report(targets, shown, rules, location.label))
    env = environment(lang)
    if output is None:
        env.write("".join(rendered(view, page_format, env)))
    else:
        write_output(file_text(view, page_format, env._replace(encoding="utf-8")), output)


def report_format(output: Path | None) -> str:
    """The report's format when --format is not given: Markdown for `-o FILE.md`, else HTML."""
    markdown = output is not None and output.suffix.lower() in (".md", ".markdown")
    return "markdown" if markdown else "html"


@reports_errors
def gap(
    target_id: TargetId,
    file: FileOption = None,
    as_of: AsOfOption = None,
    chart: Annotated[bool, typer.Option("--chart/--no-chart", help="Draw the trajectory.")] = True,
    scheme: SchemeOption = None,
    lang: LangOption = None,
    format_: FormatOption = None,
    raw_text: RawTextOption = False,
    round_: RoundOption = None,
    json: JsonOption = False,
    output: OutputOption = None,
    export: ExportOption = None,
    color: ColorOption = "auto",
) -> None:
    """One target in depth: the pace it needs in plain words, every number, a chart, the history.

    Examples:

    \b
    lnrev gap clean-energy
    lnrev gap clean-energy --as-of 2024-12 --json
    lnrev gap clean-energy -o clean-energy.md
    lnrev gap clean-energy --export clean-energy.svg
    """
    from lnrev.api import gap_report
    from lnrev.views.output import GapView

    shown_format = output_to(output, format_, json)
    check_round(round_, shown_format)
    found = gap_report(target_id, locate(file), as_of=as_of, scheme=scheme)
    view = GapView(found.assessment, found.target, found.rules, chart)
    env = environment(lang, raw_text=raw_text, color=color, decimals=round_)
    present_or_write(view, shown_format, env, export, output)


@reports_errors
def history(
    target_id: TargetId,
    file: FileOption = None,
    as_of: AsOfOption = None,
    lang: LangOption = None,
    format_: FormatOption = None,
    raw_text: RawTextOption = False,
    json: JsonOption = False,
    output: OutputOption = None,
    export: ExportOption = None,
    color: ColorOption = "auto",
) -> None:
    """One target's verdict over time: on each date one of its figures became known, on its
    deadline and on the as-of date, what `lnrev status --as-of` that date says of it.

    Examples:

    \b
    lnrev history clean-energy
    lnrev history clean-energy --as-of 2025-06-30 --json
    """
    from lnrev.api import rules_for
    from lnrev.reports.over_time import history as timeline
    from lnrev.views.output import HistoryView

    shown_format = output_to(output, format_, json)
    location, targets = read_targets(file)
    check_target(target_id, targets.targets, location)
    rules = rules_for(None, as_of or date.today())(targets)
    view = HistoryView(timeline(targets, target_id, rules.as_of), rules, location.label)
    env = environment(lang, raw_text=raw_text, color=color)
    present_or_write(view, shown_format, env, export, output)


@reports_errors
def changes(
    since: Annotated[
        str,
        typer.Option(
            "--since",
            metavar="DATE",
            help="Compare with what was known on this date (as --as-of takes it); it must be"
            " before the as-of date.",
            callback=parse_as_of,
            show_default=False,
        ),
    ],
    file: FileOption = None,
    as_of: AsOfOption = None,
    fail_on: FailOn = None,
    lang: LangOption = None,
    format_: FormatOption = None,
    raw_text: RawTextOption = False,
    json: JsonOption = False,
    output: OutputOption = None,
    export: ExportOption = None,
    color: ColorOption = "auto",
) -> None:
    """What changed since a date: each target whose verdict, label, outlook, caveats or latest
    figure differ between --since and the as-of date, and why (a new figure, the deadline
    passed, or time passed).

    Examples:

    \b
    lnrev changes --since 2025-01-01
    lnrev changes --since 2024-12-31 --as-of 2025-06-30 --json
    lnrev changes --since yesterday --fail-on deterioration,limited_progress
    """
    from lnrev.api import rules_for
    from lnrev.reports import selection
    from lnrev.reports.over_time import changes as changed
    from lnrev.views.output import ChangesView

    shown_format = output_to(output, format_, json)
    day = as_of or date.today()
    if since >= day:
        raise UsageError(
            [f"error: --since {since.isoformat()} is not before the as-of date {day.isoformat()}"]
        )
    location, targets = read_targets(file)
    rules = rules_for(None, day)(targets)
    found = changed(targets, since, day)
    view = ChangesView(found, rules, location.label)
    env = environment(lang, raw_text=raw_text, color=color)
    present_or_write(view, shown_format, env, export, output)
    watched = verdicts_in(fail_on, "--fail-on", rules.scheme)
    if selection.failing((change.after for change in found.changes), watched):
        raise typer.Exit(ExitCode.CHECK_FAILED)


@reports_errors
def sources(
    target_id: Annotated[
        str | None,
        typer.Argument(
            metavar="[ID]", help="Only this target's sources.", autocompletion=complete_ids
        ),
    ] = None,
    file: FileOption = None,
    as_of: AsOfOption = None,
    format_: FormatOption = None,
    raw_text: RawTextOption = False,
    json: JsonOption = False,
    output: OutputOption = None,
    export: ExportOption = None,
    color: ColorOption = "auto",
) -> None:
    """The bibliography of a targets file: each source once, with what cites it.

    Observations not yet known on --as-of are left out (default: every observation). Anything
    that names no source is listed at the end.

    Examples:

    \b
    lnrev sources
    lnrev sources clean-energy --json
    lnrev sources -o sources.md
    """
    from lnrev.reports.bibliography import bibliography
    from lnrev.views.output import SourcesView

    shown_format = output_to(output, format_, json)
    location, targets = read_targets(file)
    if target_id is not None:
        check_target(target_id, targets.targets, location)
    found = bibliography(targets, only=target_id, as_of=as_of)
    env = environment(None, raw_text=raw_text, color=color)
    present_or_write(SourcesView(found, location.label), shown_format, env, export, output)
