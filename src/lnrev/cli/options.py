"""What every lnrev command shares: the targets-file options, error reporting, target lookup."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Collection
from datetime import date
from functools import wraps
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from lnrev.errors import LnrevError, UsageError, no_such_target
from lnrev.suggestions import check_choice
from lnrev.targetsfile.typed_values import read_day
from lnrev.views.environment import COLOR_CHOICES, Environment
from lnrev.views.output import FILE_FORMATS, FORMATS

if TYPE_CHECKING:
    from lnrev.model.targets_file import TargetsFile
    from lnrev.targetsfile.loading import TargetsLocation


def parse_as_of(value: str | None) -> date | None:
    """`--as-of`: a date as people type it (2025-06-30, 2025, 2025-06, 2025-Q2, today,
    yesterday); a year, a month or a quarter means its last day."""
    if value is None:
        return None
    try:
        return read_day(value, date.today())
    except ValueError as error:
        raise typer.BadParameter(str(error)) from None


FileOption = Annotated[
    Path | None,
    typer.Option(
        "--file",
        "-f",
        help="Targets file ('-' for standard input, read-only commands). Default: $LNREV_FILE,"
        " else ./targets.toml, else the shipped Liaoning file.",
        show_default=False,
        dir_okay=True,
    ),
]
AsOfOption = Annotated[
    str | None,
    typer.Option(
        "--as-of",
        help="Assess with what was known on this date: YYYY-MM-DD, today, yesterday, or a year,"
        " month (2025-06) or quarter (2025-Q2) for its last day. Default: today.",
        callback=parse_as_of,
        show_default=False,
        metavar="DATE",
    ),
]
JsonOption = Annotated[
    bool, typer.Option("--json", help="Print JSON (schema_version 3) for scripts.")
]


def reports_errors(command: Callable[..., None]) -> Callable[..., None]:
    """Turn lnrev's domain errors into their lines on stderr and the matching exit code."""

    @wraps(command)
    def run(*args: Any, **kwargs: Any) -> None:
        try:
            command(*args, **kwargs)
        except LnrevError as error:
            from lnrev.views.wording import plain

            for line in error.lines:  # a message may quote the file: shown as safely as a table
                complain(plain(line))
            raise typer.Exit(error.exit_code) from None

    return run


def complain(line: str) -> None:
    """Write a line on stderr. A stderr that cannot be written (a full disk, a closed pipe) loses
    the line, never the exit code that says what happened."""
    import contextlib

    with contextlib.suppress(OSError, ValueError):  # ValueError: a closed stream
        typer.echo(line, err=True)


def confirmed(question: str) -> bool:
    """Ask a yes/no question on the terminal, "no" unless the answer is yes. The end of input
    (Ctrl-D) is a "no" as well; Ctrl-C interrupts lnrev (exit 130)."""
    while True:
        typer.echo(f"{question} [y/N]: ", nl=False)
        try:
            answer = input().strip().lower()
        except EOFError:
            typer.echo()
            return False
        if answer in ("y", "yes", "n", "no", ""):
            return answer.startswith("y")
        typer.echo("answer y or n")


def tell_done(message: str) -> None:
    """Say on stdout what an edit did. The edit is made by then: an output that cannot be
    written is reported on stderr and the command still succeeds (exit 0)."""
    try:
        typer.echo(message)
        sys.stdout.flush()
    except OSError as error:
        complain(f"lnrev: {message}; but cannot write the output ({error.strerror or error})")
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())  # what is buffered


def locate(file: Path | None) -> TargetsLocation:
    """The targets file a read-only command reads: `-f -` is standard input, read whole."""
    from lnrev.targetsfile.loading import STDIN, TargetsLocation, discover, read_stream_bounded

    if file is not None and str(file) == STDIN:
        data = read_stream_bounded(sys.stdin.buffer, "<stdin>")
        return TargetsLocation(Path(STDIN), "<stdin>", data=data)
    return discover(file)


def read_targets(file: Path | None) -> tuple[TargetsLocation, TargetsFile]:
    from lnrev.targetsfile.loading import load

    location = locate(file)
    return location, load(location)


def check_target(target_id: str, ids: Collection[str], location: TargetsLocation) -> None:
    """An unknown id is a usage error (exit 2) that suggests the closest of the file's `ids`."""
    if target_id not in ids:
        raise no_such_target(target_id, ids, location.label)


def one_of(choices: tuple[str, ...], what: str) -> Callable[[str | None], str | None]:
    """An option callback that accepts only `choices` (and suggests the closest)."""

    def check(value: str | None) -> str | None:
        if value is None:
            return None
        try:
            return check_choice(value, choices, what)
        except ValueError as error:
            raise typer.BadParameter(str(error)) from None

    return check


def parse_verdicts(value: str | None) -> list[str] | None:
    """A comma-separated list of verdicts: machine names (met, on_track, ...) or a scheme's own
    words (`lagging`, `achieved early`, 滞后), which name verdicts once the scheme in use is
    known (`reports.selection.verdicts_named`)."""
    if value is None:
        return None
    from lnrev.reports.selection import known_verdict_word

    names = [name.strip() for name in value.split(",") if name.strip()]
    if not names:
        raise typer.BadParameter("expected one or more verdicts, got nothing")
    check = one_of(VERDICT_NAMES, "verdicts")
    return [name if known_verdict_word(name) else check(name) for name in names]


def completes(choices: tuple[str, ...]) -> Callable[[str], list[str]]:
    """Shell completion of a choice, or of the last choice of a comma-separated list."""

    def complete(incomplete: str) -> list[str]:
        done, _, last = incomplete.rpartition(",")
        prefix = f"{done}," if done else ""
        return [prefix + choice for choice in choices if choice.startswith(last)]

    return complete


VERDICT_NAMES = (
    "met", "on_track", "acceleration_needed", "limited_progress", "deterioration", "missed",
    "pending", "insufficient_data",
)  # fmt: skip
"""The verdicts, for help and completion (lnrev.engine.verdicts.Verdict, without importing it)."""


TABLE_COLUMNS = (
    "id", "name", "latest", "target", "gap", "progress", "time", "required", "pace",
    "projected", "chance", "verdict",
)  # fmt: skip
"""The columns `status --columns` may name (lnrev.views.status_table.COLUMN_NAMES, without
importing rich)."""


def parse_columns(value: str | None) -> tuple[str, ...] | None:
    """A comma-separated list of the status table's columns, in the order to show them."""
    if value is None:
        return None
    names = [name.strip().lower() for name in value.split(",") if name.strip()]
    if not names:
        raise typer.BadParameter(f"expected one or more of {', '.join(TABLE_COLUMNS)}")
    check = one_of(TABLE_COLUMNS, "columns")
    return tuple(dict.fromkeys(check(name) for name in names))


ColumnsOption = Annotated[
    str | None,
    typer.Option(
        "--columns",
        metavar="COLUMN[,COLUMN...]",
        help="The table's columns, in this order: " + ", ".join(TABLE_COLUMNS) + ".",
        callback=parse_columns,
        autocompletion=completes(TABLE_COLUMNS),
    ),
]
OpenOption = Annotated[
    bool,
    typer.Option(
        "--open",
        help="Only targets whose verdict is not settled (neither met nor missed): for a"
        " --fail-on watch that should not fire for ever on a target missed years ago.",
    ),
]


def parse_export(value: Path | None) -> Path | None:
    if value is not None and value.suffix.lower() not in (".svg", ".html"):
        raise typer.BadParameter(
            f"expected a file name ending in .svg or .html, got {str(value)!r}"
        )
    return value


def complete_ids(ctx: typer.Context, incomplete: str) -> list[str]:
    """Shell completion of target ids, read from the targets file the command line names."""
    from lnrev.targetsfile.loading import discover, read_text
    from lnrev.targetsfile.parsing import parse

    file = ctx.params.get("file")
    try:  # during completion the file is the text typed, not yet a Path
        location = discover(Path(file) if file else None)
        targets = parse(read_text(location)).get("targets", {})  # a regular file, bounded
    except (LnrevError, ValueError, TypeError, AttributeError):
        return []
    if not isinstance(targets, dict):
        return []
    return [target_id for target_id in targets if target_id.startswith(incomplete)]


TargetId = Annotated[
    str,
    typer.Argument(
        metavar="ID", help="The target's id, as in [targets.ID].", autocompletion=complete_ids
    ),
]

FormatOption = Annotated[
    str | None,
    typer.Option(
        "--format",
        metavar="[" + "|".join(FORMATS) + "]",
        help="table (default), json, csv or markdown.",
        callback=one_of(FORMATS, "format"),
        autocompletion=completes(FORMATS),
        show_default=False,
    ),
]
ExportOption = Annotated[
    Path | None,
    typer.Option(
        "--export",
        metavar="FILE.svg|FILE.html",
        help="Also save the table view to an SVG or HTML file, for a report.",
        callback=parse_export,
    ),
]


def output_format(format_: str | None, json: bool) -> str:
    """`--json` is `--format json`; asking for two different formats is a usage error."""
    if json and format_ not in (None, "json"):
        raise UsageError([f"error: --json and --format {format_} ask for two formats; choose one"])
    return "json" if json else format_ or "table"


def _scheme(value: str | None) -> str | None:
    return one_of(SCHEMES, "scheme")(value)


SCHEMES = ("eurostat", "unsd2022", "unsd2023", "sdsn", "ndrc")
"""The schemes, for help and completion (lnrev.engine.verdicts.SCHEME_NAMES, checked by a test)."""

SchemeOption = Annotated[
    str | None,
    typer.Option(
        "--scheme",
        metavar="[" + "|".join(SCHEMES) + "]",
        autocompletion=completes(SCHEMES),
        help="Name verdicts and set default thresholds (and, for a file that names no method,"
        " the default method) as eurostat, unsd2022, unsd2023, sdsn or ndrc, for this run"
        " (default: the file's [assessment] scheme, else eurostat).",
        callback=_scheme,
        show_default=False,
    ),
]


LANGUAGES = ("en", "zh")
"""The languages, for help and completion (views.language.LANGUAGE_CODES, checked by a test)."""

LangOption = Annotated[
    str | None,
    typer.Option(
        "--lang",
        metavar="[" + "|".join(LANGUAGES) + "]",
        help="The language of tables and sentences (JSON and CSV stay in English)."
        " Default: $LNREV_LANG, else en.",
        callback=one_of(LANGUAGES, "language"),
        autocompletion=completes(LANGUAGES),
        show_default=False,
    ),
]


def environment(
    lang: str | None,
    wide: bool = False,
    raw_text: bool = False,
    color: str = "auto",
    decimals: int | None = None,
) -> Environment:
    """The terminal environment of this command, in the language asked for (--lang, else
    $LNREV_LANG), unbounded with --wide, coloured as --color says, CSV text exactly as written
    with --raw-text and CSV numbers rounded with --round."""
    env = Environment.of_process(color)
    chosen = lang or env.lang
    if chosen not in LANGUAGES:
        raise UsageError([f"error: LNREV_LANG: expected {', '.join(LANGUAGES)}, got {chosen!r}"])
    width = None if wide else env.width
    return env._replace(lang=chosen, width=width, raw_text=raw_text, decimals=decimals)


RawTextOption = Annotated[
    bool,
    typer.Option(
        "--raw-text",
        help="CSV: text cells exactly as in the file. By default a text a spreadsheet would run"
        " as a formula (=, +, -, @) gets a leading quote.",
    ),
]


OutputOption = Annotated[
    Path | None,
    typer.Option(
        "--output",
        "-o",
        metavar="FILE",
        help="Write to FILE (replaced whole, never half-written), in the format its extension"
        " names (.json .csv .md .html .txt) unless --format says otherwise.",
        dir_okay=False,
        show_default=False,
    ),
]
ColorOption = Annotated[
    str,
    typer.Option(
        "--color",
        metavar="[" + "|".join(COLOR_CHOICES) + "]",
        help="Colour: auto (on a terminal, unless NO_COLOR; FORCE_COLOR or CLICOLOR_FORCE force"
        " it), always (also in a pipe: `| less -R`) or never.",
        callback=one_of(COLOR_CHOICES, "color"),
        autocompletion=completes(COLOR_CHOICES),
    ),
]
RoundOption = Annotated[
    int | None,
    typer.Option(
        "--round",
        metavar="N",
        min=0,
        max=15,
        help="CSV: numbers rounded to N decimals (JSON keeps every digit).",
        show_default=False,
    ),
]


def output_to(output: Path | None, format_: str | None, json: bool) -> str:
    """The format of a command's output: `--json` or `--format`, else the extension of `-o FILE`
    (`.txt` is the table as plain text), else the table."""
    if output is None or json or format_ is not None:
        return output_format(format_, json)
    chosen = FILE_FORMATS.get(output.suffix.lower())
    if chosen is None:
        raise UsageError(
            [
                f"error: -o {output}: no format is known by the extension"
                f" {output.suffix or '(none)'}; use {', '.join(FILE_FORMATS)} or --format"
            ]
        )
    return chosen


def check_round(decimals: int | None, shown_format: str) -> None:
    """`--round` is for CSV: JSON keeps every digit the contract computes."""
    if decimals is not None and shown_format != "csv":
        raise UsageError(
            [f"error: --round rounds CSV only, not {shown_format} (JSON keeps every digit)"]
        )


def write_output(text: str, output: Path) -> None:
    """Write a command's whole output to `-o FILE` through the one atomic writer."""
    from lnrev.targetsfile.atomic import write_atomically
    from lnrev.targetsfile.loading import shown_path

    write_atomically(output, text, shown_path(output))
