"""The commands that report on targets: status, gap and sources.

Each builds one view and hands it to `views.output.present` with the format asked for: a rich
table for people (the default), JSON for scripts, CSV for spreadsheets, Markdown for reports.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, NamedTuple

import typer

from lnrev.cli.options import (
    VERDICT_NAMES,
    AsOfOption,
    ColumnsOption,
    ExportOption,
    FileOption,
    FormatOption,
    JsonOption,
    LangOption,
    OpenOption,
    RawTextOption,
    SchemeOption,
    TargetId,
    check_scheme,
    check_target,
    complete_ids,
    completes,
    environment,
    one_of,
    output_format,
    parse_verdicts,
    read_targets,
    reports_errors,
    today,
)
from lnrev.errors import ExitCode, UsageError
from lnrev.views.output import REPORT_FORMATS

if TYPE_CHECKING:
    from lnrev.engine.results import Assessment
    from lnrev.engine.rules import Rules
    from lnrev.model.targets_file import FileHead
    from lnrev.targetsfile.loading import TargetsLocation

Verdicts = Annotated[
    str | None,
    typer.Option(
        "--verdict",
        metavar="VERDICT[,VERDICT...]",
        help=f"Only targets with these verdicts: {', '.join(VERDICT_NAMES)}.",
        callback=parse_verdicts,
        autocompletion=completes(VERDICT_NAMES),
    ),
]


KINDS = ("level", "change", "growth", "bound")
SORT_KEYS = ("verdict", "gap", "deadline", "id")
"""For help and completion without loading the models (a test keeps them equal to the registry)."""


def _sort_key(value: str | None) -> str | None:
    if value is not None and value not in SORT_KEYS:
        raise typer.BadParameter(f"expected one of {', '.join(SORT_KEYS)}, got {value!r}")
    return value


Ids = Annotated[
    list[str] | None,
    typer.Argument(metavar="ID", help="Only these targets.", autocompletion=complete_ids),
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
        metavar="[" + "|".join(SORT_KEYS) + "]",
        help="verdict (what needs attention first), gap (most still to do first),"
        " deadline or id. Default: file order.",
        callback=_sort_key,
        autocompletion=completes(SORT_KEYS),
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
        self, assessments: list[Assessment], kinds: list[str], location: TargetsLocation
    ) -> list[Assessment]:
        """The assessments these filters (and the `kinds` checked before) let through, in their
        order; an id named that the file does not have is a usage error."""
        from lnrev.engine.verdicts import Verdict
        from lnrev.reports import selection

        known = dict.fromkeys(a.id for a in assessments)
        for target_id in self.ids or ():
            check_target(target_id, known, location)
        return selection.sort(
            selection.select(
                assessments,
                ids=self.ids or (),
                verdicts=[Verdict(v) for v in self.verdicts or ()],
                binding=True if self.binding else False if self.expected else None,
                kinds=kinds,
                open_only=self.open_only,
            ),
            self.sort,
        )


def rules_for(scheme: str | None, as_of: date | None) -> Callable[[FileHead], Rules]:
    """How a file's head (its plan and assessment settings) becomes the rules of this run: the
    scheme asked for, if the file's own thresholds allow it, on the as-of date."""
    from lnrev.reports.status import rules_of

    def rules(head: FileHead) -> Rules:
        check_scheme(scheme, head)
        return rules_of(head, today(as_of), scheme)

    return rules


def without_history(assessment: Assessment) -> Assessment:
    """What `status` keeps of an assessment: all but the observations, which it never shows
    (on a large file they are most of the memory)."""
    return assessment._replace(history=())


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
    fail_on: Annotated[
        str | None,
        typer.Option(
            "--fail-on",
            metavar="VERDICT[,VERDICT...]",
            help="Exit 1 if any target shown has one of these verdicts (for cron and CI).",
            callback=parse_verdicts,
            autocompletion=completes(VERDICT_NAMES),
        ),
    ] = None,
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
    json: JsonOption = False,
    export: ExportOption = None,
) -> None:
    """Every target: gap, required and actual annual pace, projection and verdict.

    Examples:

    \b
    lnrev status
    lnrev status --as-of 2024-12-31 --sort verdict
    lnrev status --open --fail-on deterioration,limited_progress
    lnrev status --columns id,gap,required,verdict
    lnrev status --format csv > status.csv
    """
    from lnrev.engine.verdicts import Verdict
    from lnrev.reports import selection
    from lnrev.targetsfile.loading import discover
    from lnrev.targetsfile.streaming import assess_each
    from lnrev.views.language import LANGUAGES
    from lnrev.views.output import StatusView, present
    from lnrev.views.wording import status_caption

    shown_format = output_format(format_, json)
    filters = Filters(ids, verdict, binding, expected, kind, sort, open_only)
    kinds = filters.kinds()
    location = discover(file)
    assessed = assess_each(location, rules_for(scheme, as_of), keep=without_history)
    shown = filters.shown(assessed.assessments, kinds, location)
    env = environment(lang, wide, raw_text)
    methods = sorted({a.method for a in shown if a.method})
    caption = status_caption(location.label, assessed.rules, methods, LANGUAGES[env.lang])
    view = StatusView(
        shown, caption, assessed.plan, assessed.rules, location.label, filters.named(), columns
    )
    present(view, shown_format, env, export)
    if selection.failing(shown, [Verdict(v) for v in fail_on or ()]):
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
    scheme: SchemeOption = None,
    lang: LangOption = None,
    format_: Annotated[
        str,
        typer.Option(
            "--format",
            metavar="[" + "|".join(REPORT_FORMATS) + "]",
            help="html (default): one self-contained page; markdown: the same as text and"
            " tables, without charts.",
            callback=one_of(REPORT_FORMATS, "format"),
            autocompletion=completes(REPORT_FORMATS),
        ),
    ] = "html",
    output: Annotated[
        Path | None,
        typer.Option(
            "--output",
            "-o",
            metavar="FILE",
            help="Write the report to FILE (replaced whole, never half-written)."
            " Default: standard output.",
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
    lnrev report --binding --format markdown > report.md
    """
    from lnrev.reports.progress import progress_report
    from lnrev.reports.status import assess_by
    from lnrev.views.output import ReportView, rendered

    filters = Filters(ids, verdict, binding, expected, kind, sort, open_only)
    kinds = filters.kinds()
    location, targets = read_targets(file)
    rules = rules_for(scheme, as_of)(targets)
    shown = filters.shown(assess_by(targets, rules), kinds, location)
    view = ReportView(progress_report(targets, shown, rules, location.label))
    env = environment(lang)
    if output is None:
        env.write("".join(rendered(view, format_, env)))
    else:
        from lnrev.targetsfile.atomic import write_atomically

        page = "".join(rendered(view, format_, env._replace(encoding="utf-8")))
        write_atomically(output, page, str(output))


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
    json: JsonOption = False,
    export: ExportOption = None,
) -> None:
    """One target in depth: the pace it needs in plain words, every number, a chart, the history.

    Examples:

    \b
    lnrev gap clean-energy
    lnrev gap clean-energy --as-of 2024-12-31 --json
    lnrev gap clean-energy --export clean-energy.svg
    """
    from lnrev.reports.status import assess
    from lnrev.views.output import GapView, present

    shown_format = output_format(format_, json)
    location, targets = read_targets(file)
    check_target(target_id, targets.targets, location)
    rules = rules_for(scheme, as_of)(targets)
    assessment = assess(targets, target_id, rules)
    view = GapView(assessment, targets.targets[target_id], rules, chart)
    present(view, shown_format, environment(lang, raw_text=raw_text), export)


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
    export: ExportOption = None,
) -> None:
    """The bibliography of a targets file: each source once, with what cites it.

    Observations not yet known on --as-of are left out (default: every observation). Anything
    that names no source is listed at the end.

    Examples:

    \b
    lnrev sources
    lnrev sources clean-energy --json
    """
    from lnrev.reports.bibliography import bibliography
    from lnrev.views.output import SourcesView, present

    shown_format = output_format(format_, json)
    location, targets = read_targets(file)
    if target_id is not None:
        check_target(target_id, targets.targets, location)
    found = bibliography(targets, only=target_id, as_of=as_of)
    env = environment(None, raw_text=raw_text)
    present(SourcesView(found, location.label), shown_format, env, export)
