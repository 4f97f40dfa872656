"""The commands that report on targets: status, gap and sources.

Each builds one view and hands it to `views.output.present` with the format asked for: a rich
table for people (the default), JSON for scripts, CSV for spreadsheets, Markdown for reports.
"""

from __future__ import annotations

from typing import Annotated

import typer

from lnrev.cli.options import (
    VERDICT_NAMES,
    AsOfOption,
    ExportOption,
    FileOption,
    FormatOption,
    JsonOption,
    LangOption,
    RawTextOption,
    SchemeOption,
    TargetId,
    check_scheme,
    check_target,
    complete_ids,
    completes,
    environment,
    output_format,
    parse_verdicts,
    read_targets,
    reports_errors,
    today,
)
from lnrev.errors import ExitCode, UsageError

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


@reports_errors
def status(
    ids: Annotated[
        list[str] | None,
        typer.Argument(metavar="ID", help="Only these targets.", autocompletion=complete_ids),
    ] = None,
    file: FileOption = None,
    as_of: AsOfOption = None,
    verdict: Verdicts = None,
    binding: Annotated[
        bool, typer.Option("--binding", help="Only binding (约束性) targets.")
    ] = False,
    expected: Annotated[
        bool, typer.Option("--expected", help="Only targets not marked binding (expected, 预期性).")
    ] = False,
    kind: Annotated[
        str | None,
        typer.Option(
            "--kind",
            metavar="KIND[,KIND...]",
            help="Only these kinds: level, change, growth, bound.",
            autocompletion=completes(KINDS),
        ),
    ] = None,
    sort: Annotated[
        str | None,
        typer.Option(
            "--sort",
            metavar="[" + "|".join(SORT_KEYS) + "]",
            help="verdict (what needs attention first), gap (most still to do first),"
            " deadline or id. Default: file order.",
            callback=_sort_key,
            autocompletion=completes(SORT_KEYS),
        ),
    ] = None,
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
    lnrev status --fail-on missed,deterioration
    lnrev status --format csv > status.csv
    """
    from lnrev.engine.verdicts import Verdict
    from lnrev.model.kinds import KIND_NAMES
    from lnrev.reports import selection
    from lnrev.reports.status import assess_by, rules_of
    from lnrev.views.language import LANGUAGES
    from lnrev.views.output import StatusView, present
    from lnrev.views.wording import status_caption

    shown_format = output_format(format_, json)
    if binding and expected:
        raise UsageError(["error: --binding and --expected exclude each other"])
    kinds = [name.strip() for name in kind.split(",")] if kind else []
    unknown_kinds = [name for name in kinds if name not in KIND_NAMES]
    if unknown_kinds:
        raise UsageError(
            [f"error: --kind: expected {', '.join(KIND_NAMES)}, got {unknown_kinds[0]!r}"]
        )
    location, targets = read_targets(file)
    for target_id in ids or ():
        check_target(target_id, targets, location)
    check_scheme(scheme, targets)
    rules = rules_of(targets, today(as_of), scheme)
    shown = selection.sort(
        selection.select(
            assess_by(targets, rules),
            ids=ids or (),
            verdicts=[Verdict(v) for v in verdict or ()],
            binding=True if binding else False if expected else None,
            kinds=kinds,
        ),
        sort,
    )
    env = environment(lang, wide, raw_text)
    methods = sorted({a.method for a in shown if a.method})
    caption = status_caption(location.label, rules, methods, LANGUAGES[env.lang])
    view = StatusView(shown, caption, targets.plan, rules, location.label)
    present(view, shown_format, env, export)
    if selection.failing(shown, [Verdict(v) for v in fail_on or ()]):
        raise typer.Exit(ExitCode.CHECK_FAILED)


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
    from lnrev.reports.status import assess, rules_of
    from lnrev.views.output import GapView, present

    shown_format = output_format(format_, json)
    location, targets = read_targets(file)
    check_target(target_id, targets, location)
    check_scheme(scheme, targets)
    rules = rules_of(targets, today(as_of), scheme)
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
        check_target(target_id, targets, location)
    found = bibliography(targets, only=target_id, as_of=as_of)
    env = environment(None, raw_text=raw_text)
    present(SourcesView(found, location.label), shown_format, env, export)
