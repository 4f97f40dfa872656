"""The commands that report on targets: status, gap and sources."""

from __future__ import annotations

from typing import Annotated

import typer

from lnrev.options import (
    AsOfOption,
    FileOption,
    JsonOption,
    check_target,
    read_targets,
    reports_errors,
    today,
)


@reports_errors
def status(file: FileOption = None, as_of: AsOfOption = None, json: JsonOption = False) -> None:
    """Every target: gap, required and actual annual pace, projection and verdict.

    Examples: lnrev status; lnrev status --as-of 2024-12-31; lnrev status --json | jq .summary
    """
    from lnrev.assess import assess_file, summarize

    location, targets = read_targets(file)
    when = today(as_of)
    assessments = assess_file(targets, when)
    if json:
        from lnrev.render_json import dumps, status_document

        typer.echo(dumps(status_document(assessments, targets.plan, when, location.label)))
        return
    from lnrev import terminal

    methods = sorted({a.method for a in assessments if a.method})
    caption = (
        f"file: {location.label} · as of {when.isoformat()} · method: {targets.assessment.method}"
        f" (in use: {', '.join(methods) or 'none'})"
    )
    terminal.show(terminal.status_view(assessments, summarize(assessments), caption))


@reports_errors
def gap(
    target_id: Annotated[
        str, typer.Argument(metavar="ID", help="The target's id, as in [targets.ID].")
    ],
    file: FileOption = None,
    as_of: AsOfOption = None,
    json: JsonOption = False,
) -> None:
    """One target in depth: the pace it needs in plain words, every number, the history.

    Examples: lnrev gap clean-energy; lnrev gap clean-energy --as-of 2024-12-31 --json
    """
    from lnrev.assess import assess

    location, targets = read_targets(file)
    check_target(target_id, targets, location)
    when = today(as_of)
    target = targets.targets[target_id]
    assessment = assess(target_id, target, targets.assessment, when)
    if json:
        from lnrev.render_json import dumps, gap_document

        typer.echo(dumps(gap_document(assessment, when)))
        return
    from lnrev import terminal

    terminal.show(terminal.gap_view(assessment, target, targets.assessment))


@reports_errors
def sources(
    target_id: Annotated[
        str | None, typer.Argument(metavar="[ID]", help="Only this target's sources.")
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
    terminal.show(terminal.sources_view(found, caption))
