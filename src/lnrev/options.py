"""What every lnrev command shares: the targets-file options, error reporting, target lookup."""

from __future__ import annotations

import difflib
from collections.abc import Callable
from datetime import date
from functools import wraps
from pathlib import Path
from typing import Annotated, Any

import typer

from lnrev.entries import read_point
from lnrev.errors import LnrevError, UsageError
from lnrev.loader import TargetsLocation, discover, load
from lnrev.model import TargetsFile
from lnrev.timeline import as_date


def parse_as_of(value: str | None) -> date | None:
    """`--as-of`: an ISO date (2025-06-30) or a year, meaning its last day."""
    if value is None:
        return None
    try:
        return as_date(read_point(value))
    except ValueError as error:
        raise typer.BadParameter(str(error)) from None


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


def read_targets(file: Path | None) -> tuple[TargetsLocation, TargetsFile]:
    location = discover(file)
    return location, load(location)


def check_target(target_id: str, targets: TargetsFile, location: TargetsLocation) -> None:
    """An unknown id is a usage error (exit 2) that suggests the closest id."""
    if target_id not in targets.targets:
        close = difflib.get_close_matches(target_id, list(targets.targets), n=1)
        hint = f" (did you mean {close[0]!r}?)" if close else f"; ids: {', '.join(targets.targets)}"
        raise UsageError([f"error: no target {target_id!r} in {location.label}{hint}"])


def today(as_of: date | None) -> date:
    return as_of or date.today()
