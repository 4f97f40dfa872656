"""The lnrev command line: parse options, call the core, render the result (contract section 8).

Every command reads one targets file (see `targetsfile.loading.discover`). Errors become their lines
on stderr, one line each and never a box, with an exit code: 0 success, 1 a check matched,
2 usage, 3 bad input. Each command imports what it needs (rich, tomlkit) inside itself, so `--json`
and `--version` stay fast. Help is plain text: nothing in it is read as markup.
"""

from __future__ import annotations

import gc
import os
import sys
from typing import Annotated

import typer
from typer._click.exceptions import ClickException, UsageError  # typer's own click (pinned)
from typer.core import TyperGroup

from lnrev.cli import edit_commands, report_commands
from lnrev.cli.options import complain
from lnrev.errors import ExitCode, OutputClosed
from lnrev.version import __version__


class LnrevGroup(TyperGroup):
    """The command group, with usage errors from the option parser on one line, like lnrev's own."""

    def main(self, *args, standalone_mode: bool = True, **kwargs):
        if not standalone_mode:
            return super().main(*args, standalone_mode=False, **kwargs)
        try:
            result = super().main(*args, standalone_mode=False, **kwargs)
        except UsageError as error:
            complain(usage_line(error))
            sys.exit(ExitCode.USAGE)
        except ClickException as error:
            complain(f"error: {error.format_message()}")
            sys.exit(error.exit_code)
        except typer.Abort:
            complain("lnrev: interrupted")
            sys.exit(130)
        sys.exit(result if isinstance(result, int) else ExitCode.OK)


def usage_line(error: UsageError) -> str:
    """ "error: --sort: expected one of ...; see 'lnrev status --help'"."""
    if isinstance(error, typer.BadParameter) and error.param is not None and error.message:
        name = error.param.opts[0] if error.param.opts else error.param.human_readable_name
        message = f"{name}: {error.message}"
    else:
        message = error.format_message()
    command = error.ctx.command_path if error.ctx is not None else "lnrev"
    return f"error: {' '.join(message.split()).rstrip('.')}; see '{command} --help'"


def _version(show: bool) -> None:
    if show:
        typer.echo(f"lnrev {__version__}")
        raise typer.Exit()


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

    Examples:

    \b
    lnrev status
    lnrev gap clean-energy
    lnrev status --json | jq .summary
    """


COMMANDS = {
    "status": (report_commands.status, {}),
    "gap": (report_commands.gap, {}),
    "history": (report_commands.history, {}),
    "changes": (report_commands.changes, {}),
    "sources": (report_commands.sources, {}),
    "report": (report_commands.report, {}),
    "validate": (edit_commands.validate, {}),
    "init": (edit_commands.init, {}),
    "add": (edit_commands.add, {}),
    "record": (edit_commands.record, {"context_settings": {"ignore_unknown_options": True}}),
    "import": (edit_commands.import_csv, {}),
    "remove": (edit_commands.remove, {}),
    "edit": (edit_commands.edit, {}),
    "schema": (edit_commands.schema, {}),
}
"""Every command, by name, with its typer settings, in the order help lists them."""


def application(names: tuple[str, ...] = tuple(COMMANDS)) -> typer.Typer:
    """The lnrev application with these commands (all of them by default)."""
    built = typer.Typer(
        name="lnrev",
        cls=LnrevGroup,
        no_args_is_help=True,
        add_completion=True,
        pretty_exceptions_enable=False,
        rich_markup_mode=None,
        context_settings={"help_option_names": ["-h", "--help"]},
    )
    built.callback()(main_options)
    for name in names:
        command, settings = COMMANDS[name]
        built.command(name, **settings)(command)
    return built


app = application()


def application_for(args: list[str]) -> typer.Typer:
    """The application a command line needs: only the command it names, if it names one (typer
    builds the options of every command it holds, 17 ms for all twelve, 3 ms for one); all of
    them for `lnrev --help`, a mistyped command and shell completion."""
    if args and args[0] in COMMANDS and "_LNREV_COMPLETE" not in os.environ:
        return application((args[0],))
    return app


def main() -> None:
    """The console script: lnrev never shows a traceback, even for a bug of its own.

    The cyclic garbage collector is off: lnrev is a short-lived process whose objects live until
    it exits, and on a large file the collector walked millions of them again and again (half
    the time of `status --json` on 10,000 targets; see bench/). pydantic plugins are not looked
    for (lnrev uses none), unless PYDANTIC_DISABLE_PLUGINS is set otherwise.
    """
    gc.disable()
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")  # lnrev uses none; saves a scan
    if sys.stdout is None:  # started with its standard output closed (`lnrev status >&-`)
        complain("lnrev: error: standard output is closed")
        sys.exit(ExitCode.BAD_INPUT)
    try:
        application_for(sys.argv[1:])()
    except OutputClosed:  # the reader has all it wanted; what is still buffered goes nowhere
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        sys.exit(ExitCode.OK)
    except OSError as error:  # the output itself failed: a full disk, a closed terminal
        complain(f"lnrev: error: cannot write the output ({error.strerror or error})")
        sys.exit(ExitCode.BAD_INPUT)
    except KeyboardInterrupt:
        complain("lnrev: interrupted")
        sys.exit(130)
    except Exception as error:  # the last line of defence: a bug is reported, not dumped
        complain(f"lnrev: internal error: {type(error).__name__}: {error}")
        sys.exit(ExitCode.BAD_INPUT)
