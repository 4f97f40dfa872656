"""The lnrev command line: parse options, call the core, render the result (contract section 7).

Every command reads one targets file (see `loader.discover`). Domain errors become their lines on
stderr and an exit code: 0 success, 1 a check matched, 2 usage, 3 bad input. Each command imports
what it needs (rich, tomlkit) inside itself, so `--json` and `--version` stay fast.
"""

from __future__ import annotations

import gc
import os
import sys
from typing import Annotated

import typer

from lnrev import __version__
from lnrev.cli import edit_commands, report_commands
from lnrev.errors import ExitCode

app = typer.Typer(
    name="lnrev",
    no_args_is_help=True,
    add_completion=True,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)


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


app.command()(report_commands.status)
app.command()(report_commands.gap)
app.command()(report_commands.sources)
app.command()(edit_commands.validate)
app.command()(edit_commands.init)
app.command()(edit_commands.add)
app.command(context_settings={"ignore_unknown_options": True})(edit_commands.record)
app.command("import")(edit_commands.import_csv)
app.command()(edit_commands.schema)


def main() -> None:
    """The console script: lnrev never shows a traceback, even for a bug of its own.

    The cyclic garbage collector is off: lnrev is a short-lived process whose objects live until
    it exits, and on a large file the collector walked millions of them again and again (half
    the time of `status --json` on 10,000 targets; see bench/). pydantic plugins are not looked
    for (lnrev uses none), unless PYDANTIC_DISABLE_PLUGINS is set otherwise.
    """
    gc.disable()
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")  # lnrev uses none; saves a scan
    try:
        app()
    except Exception as error:  # the last line of defence: a bug is reported, not dumped
        typer.echo(f"lnrev: internal error: {type(error).__name__}: {error}", err=True)
        sys.exit(ExitCode.BAD_INPUT)
