"""The lnrev command line: parse options, call the core, render the result (contract section 7).

Every command reads one targets file (see `loader.discover`), assesses it as known on `--as-of`,
and prints either a rich view or JSON. Domain errors become their lines on stderr and an exit code:
0 success, 1 a check matched, 2 usage, 3 bad input. rich is imported only by the commands that draw.
"""

from __future__ import annotations

import difflib
import sys
from collections.abc import Callable
from datetime import date
from functools import wraps
from pathlib import Path
from typing import Annotated, Any

import typer

from lnrev import __version__
from lnrev.errors import ExitCode, LnrevError, UsageError
from lnrev.loader import TargetsLocation, discover, load
from lnrev.model import TargetsFile

app = typer.Typer(
    name="lnrev",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def parse_as_of(value: str | None) -> date | None:
    """`--as-of`: an ISO date (2025-06-30) or a year, meaning its last day."""
    if value is None:
        return None
    try:
        return (
            date(int(value), 12, 31)
            if value.isdigit() and len(value) == 4
            else date.fromisoformat(value)
        )
    except ValueError:
        raise typer.BadParameter(
            f"expected a date such as 2025-06-30 or a year such as 2025, got {value!r}"
        ) from None


FileOption = Annotated[
    Path | None,
    typer.Option(
        "--file",
        "-f",
        help="Targets file. Default: $LNREV_FILE, else ./targets.toml,"
        " else the shipped Liaoning file.",
        show_default=False,
        dir_okay=True,
    ),
]
AsOfOption = Annotated[
    str | None,
    typer.Option(
        "--as-of",
        help="Assess with what was known on this date (YYYY-MM-DD, or a year for its last day)."
        " Default: today.",
        callback=parse_as_of,
        show_default=False,
        metavar="DATE",
    ),
]
JsonOption = Annotated[
    bool, typer.Option("--json", help="Print JSON (schema_version 1) for scripts.")
]


def reports_errors(command: Callable[..., None]) -> Callable[..., None]:
    """Turn lnrev's domain errors into their lines on stderr and the matching exit code."""

    @wraps(command)
    def run(*args: Any, **kwargs: Any) -> None:
        try:
            command(*args, **kwargs)
        except LnrevError as error:
            for line in error.lines:
                typer.echo(line, err=True)
            raise typer.Exit(error.exit_code) from None

    return run


def _version(show: bool) -> None:
    if show:
        typer.echo(f"lnrev {__version__}")
        raise typer.Exit()


@app.callback()
def main_options(
    version: Annotated[
        bool,
        typer.Option(
            "--version", "-V", callback=_version, is_eager=True, help="Show the version and exit."
        ),
    ] = False,
) -> None:
    """Are declared policy targets on track? Gaps, required annual rates and verdicts by the
    UNSD, Eurostat and NDRC methods, from a plain TOML targets file.

    Examples: lnrev status; lnrev gap clean-energy; lnrev status --json | jq .summary
    """


def _read(file: Path | None) -> tuple[TargetsLocation, TargetsFile]:
    location = discover(file)
    return location, load(location)


def _check_target(target_id: str, targets: TargetsFile, location: TargetsLocation) -> None:
    """An unknown id is a usage error (exit 2) that suggests the closest id."""
    if target_id not in targets.targets:
        close = difflib.get_close_matches(target_id, list(targets.targets), n=1)
        hint = f" (did you mean {close[0]!r}?)" if close else f"; ids: {', '.join(targets.targets)}"
        raise UsageError([f"error: no target {target_id!r} in {location.label}{hint}"])


def _today(as_of: date | None) -> date:
    return as_of or date.today()


@app.command()
@reports_errors
def status(file: FileOption = None, as_of: AsOfOption = None, json: JsonOption = False) -> None:
    """Every target: gap, required and actual annual pace, projection and verdict.

    Examples: lnrev status; lnrev status --as-of 2024-12-31; lnrev status --json | jq .summary
    """
    from lnrev.assess import assess_file, summarize

    location, targets = _read(file)
    when = _today(as_of)
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


@app.command()
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

    location, targets = _read(file)
    _check_target(target_id, targets, location)
    when = _today(as_of)
    target = targets.targets[target_id]
    assessment = assess(target_id, target, targets.assessment, when)
    if json:
        from lnrev.render_json import dumps, gap_document

        typer.echo(dumps(gap_document(assessment, when)))
        return
    from lnrev import terminal

    terminal.show(terminal.gap_view(assessment, target, targets.assessment))


@app.command()
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

    location, targets = _read(file)
    if target_id is not None:
        _check_target(target_id, targets, location)
    found = bibliography(targets, only=target_id, as_of=as_of)
    if json:
        from lnrev.render_json import dumps, sources_document

        typer.echo(dumps(sources_document(found, location.label)))
        return
    from lnrev import terminal

    count = len(found.references)
    caption = f"file: {location.label} · {count} source{'s' if count != 1 else ''}"
    terminal.show(terminal.sources_view(found, caption))


def main() -> None:
    """The console script: lnrev never shows a traceback, even for a bug of its own."""
    try:
        app()
    except Exception as error:  # the last line of defence: a bug is reported, not dumped
        typer.echo(f"lnrev: internal error: {type(error).__name__}: {error}", err=True)
        sys.exit(ExitCode.BAD_INPUT)
