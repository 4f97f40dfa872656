"""The commands that report on targets: status, gap and sources.

Each prints one view in the format asked for: a rich table for people (the default), JSON for
scripts, CSV for spreadsheets, Markdown for reports. Renderers are imported where they are used,
so `--format json` never loads rich and `--format table` never loads plotext unless it draws.
"""

from __future__ import annotations

from typing import Annotated

import typer

from lnrev.errors import ExitCode, UsageError
from lnrev.options import (
    AsOfOption,
    ExportOption,
    FileOption,
    FormatOption,
    JsonOption,
    check_target,
    complete_ids,
    output_format,
    parse_verdicts,
    read_targets,
    reports_errors,
    today,
)

Verdicts = Annotated[
    str | None,
    typer.Option(
        "--verdict",
        metavar="VERDICT[,VERDICT...]",
        help="Only targets with these verdicts (met, on_track, acceleration_needed,"
        " limited_progress, deterioration, missed, insufficient_data).",
        callback=parse_verdicts,
    ),
]


def _sort_key(value: str | None) -> str | None:
    from lnrev.selection import SORT_KEYS

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
        bool, typer.Option("--expected", help="Only expected (预期性) targets.")
    ] = False,
    kind: Annotated[
        str | None,
        typer.Option(
            "--kind", metavar="KIND[,KIND...]", help="Only level, change, growth or bound."
        ),
    ] = None,
    sort: Annotated[
        str | None,
        typer.Option(
            "--sort",
            help="verdict (what needs attention first), gap (most still to do first),"
            " deadline or id. Default: file order.",
            callback=_sort_key,
        ),
    ] = None,
    fail_on: Annotated[
        str | None,
        typer.Option(
            "--fail-on",
            metavar="VERDICT[,VERDICT...]",
            help="Exit 1 if any target shown has one of these verdicts (for cron and CI).",
            callback=parse_verdicts,
        ),
    ] = None,
    format_: FormatOption = None,
    json: JsonOption = False,
    export: ExportOption = None,
) -> None:
    """Every target: gap, required and actual annual pace, projection and verdict.

    Examples: lnrev status; lnrev status --as-of 2024-12-31 --sort verdict;
    lnrev status --fail-on missed,deterioration; lnrev status --format csv > status.csv
    """
    from lnrev import selection
    from lnrev.assess import Verdict, assess_file, summarize
    from lnrev.model import KINDS

    shown_format = output_format(format_, json)
    if binding and expected:
        raise UsageError(["error: --binding and --expected exclude each other"])
    kinds = [name.strip() for name in kind.split(",")] if kind else []
    unknown_kinds = [name for name in kinds if name not in KINDS]
    if unknown_kinds:
        raise UsageError([f"error: --kind: expected {', '.join(KINDS)}, got {unknown_kinds[0]!r}"])
    location, targets = read_targets(file)
    for target_id in ids or ():
        check_target(target_id, targets, location)
    when = today(as_of)
    shown = selection.sort(
        selection.select(
            assess_file(targets, when),
            ids=ids or (),
            verdicts=[Verdict(v) for v in verdict or ()],
            binding=True if binding else False if expected else None,
            kinds=kinds,
        ),
        sort,
    )
    counts = summarize(shown)
    methods = sorted({a.method for a in shown if a.method})
    caption = (
        f"file: {location.label} · as of {when.isoformat()} · method: {targets.assessment.method}"
        f" (in use: {', '.join(methods) or 'none'})"
    )
    if shown_format == "json":
        from lnrev.render_json import dumps, status_document

        typer.echo(dumps(status_document(shown, targets.plan, when, location.label)))
    elif shown_format == "csv":
        from lnrev.render_csv import assessments_csv

        typer.echo(assessments_csv(shown), nl=False)
    elif shown_format == "markdown":
        from lnrev.display import summary_line
        from lnrev.render_markdown import status_markdown

        typer.echo(status_markdown(shown, f"{caption} · {summary_line(counts)}"), nl=False)
    if shown_format == "table" or export is not None:
        from lnrev import terminal

        def view(where: terminal.Screen):
            return terminal.status_view(shown, counts, caption, where)

        terminal.present(view, shown_format == "table", export)
    if selection.failing(shown, [Verdict(v) for v in fail_on or ()]):
        raise typer.Exit(ExitCode.CHECK_FAILED)


@reports_errors
def gap(
    target_id: Annotated[
        str,
        typer.Argument(
            metavar="ID", help="The target's id, as in [targets.ID].", autocompletion=complete_ids
        ),
    ],
    file: FileOption = None,
    as_of: AsOfOption = None,
    chart: Annotated[bool, typer.Option("--chart/--no-chart", help="Draw the trajectory.")] = True,
    format_: FormatOption = None,
    json: JsonOption = False,
    export: ExportOption = None,
) -> None:
    """One target in depth: the pace it needs in plain words, every number, a chart, the history.

    Examples: lnrev gap clean-energy; lnrev gap clean-energy --as-of 2024-12-31 --json;
    lnrev gap clean-energy --export clean-energy.svg
    """
    from lnrev.assess import assess

    shown_format = output_format(format_, json)
    location, targets = read_targets(file)
    check_target(target_id, targets, location)
    when = today(as_of)
    target = targets.targets[target_id]
    assessment = assess(target_id, target, targets.assessment, when)
    if shown_format == "json":
        from lnrev.render_json import dumps, gap_document

        typer.echo(dumps(gap_document(assessment, when)))
    elif shown_format == "csv":
        from lnrev.render_csv import assessments_csv

        typer.echo(assessments_csv([assessment]), nl=False)
    elif shown_format == "markdown":
        from lnrev.render_markdown import gap_markdown

        typer.echo(gap_markdown(assessment), nl=False)
    if shown_format == "table" or export is not None:
        from lnrev import terminal

        def view(where: terminal.Screen):
            return terminal.gap_view(assessment, target, targets.assessment, where, chart)

        terminal.present(view, shown_format == "table", export)


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
    json: JsonOption = False,
) -> None:
    """The bibliography of a targets file: each source once, with what cites it.

    Observations not yet known on --as-of are left out (default: every observation). Anything
    that names no source is listed at the end.

    Examples: lnrev sources; lnrev sources clean-energy --json
    """
    from lnrev.bibliography import bibliography

    location, targets = read_targets(file)
    if target_id is not None:
        check_target(target_id, targets, location)
    found = bibliography(targets, only=target_id, as_of=as_of)
    if json:
        from lnrev.render_json import dumps, sources_document

        typer.echo(dumps(sources_document(found, location.label)))
        return
    from lnrev import terminal

    count = len(found.references)
    caption = f"file: {location.label} · {count} source{'s' if count != 1 else ''}"
    where = terminal.screen()
    terminal.show(terminal.sources_view(found, caption, where), where)
