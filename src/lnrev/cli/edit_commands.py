"""The commands that keep a targets file: validate, init, add, record, import, schema.

Values given to an editing command are input to the file: a target that does not exist, a value of
the wrong kind, a non-number or a bad date exit 3 (bad input), with one line naming the problem,
and nothing is written.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from lnrev.cli.options import (
    FileOption,
    TargetId,
    confirmed,
    locate,
    reports_errors,
    tell_done,
)
from lnrev.engine.timeline import as_date, iso
from lnrev.errors import BadInput, ExitCode, UsageError
from lnrev.targetsfile.loading import (
    FILE_NAME,
    TargetsLocation,
    discover,
    embedded_targets,
    load,
    read_text,
    shown_path,
)
from lnrev.targetsfile.typed_values import read_number, read_point, read_published, read_when

if TYPE_CHECKING:
    from lnrev.model.kinds.base import Kind

Replace = Annotated[
    bool, typer.Option("--replace", help="Overwrite an observation at the same point in time.")
]
When = Annotated[
    str,
    typer.Option(
        "--at",
        metavar="WHEN",
        help="A year (its end), a date, a month (2025-06) or a quarter (2025-Q2) for its last"
        " day, today or yesterday.",
    ),
]


def _typed_when(text: str) -> Any:
    """--at as people type it (`read_when`), today being the day the command runs."""
    return read_when(text, date.today())


def _typed_published(text: str) -> date:
    return read_published(text, date.today())


def _entered(reader: Callable[[str], Any], text: str | None, what: str) -> Any:
    """A value typed on the command line, or BadInput naming where it was typed."""
    if text is None:
        return None
    _utf8(text, what)
    try:
        return reader(text)
    except ValueError as error:
        raise BadInput([f"error: {what}: {error}"]) from None


@reports_errors
def validate(
    path: Annotated[
        Path | None,
        typer.Argument(
            metavar="[FILE]", help="Default: $LNREV_FILE, ./targets.toml, the shipped file."
        ),
    ] = None,
    file: FileOption = None,
) -> None:
    """Check a targets file: "ok" with its counts, or every problem with its line (exit 3).

    Examples:

    \b
    lnrev validate
    lnrev validate examples/china-14th-fyp.toml
    """
    if path is not None and file is not None and path != file:
        raise UsageError([f"error: two files to validate ({path} and --file {file}); give one"])
    location = locate(path or file)
    targets = load(location)
    observations = sum(len(target.observations) for target in targets.targets.values())
    typer.echo(
        f"ok: {_count(len(targets.targets), 'target')}, {_count(observations, 'observation')}"
    )


def _utf8(text: str | None, what: str) -> str | None:
    """Text typed on the command line, to be written into the file: refused in one line if it
    holds bytes that are not UTF-8 (which the shell hands over undecoded)."""
    if text is not None and any("\udc80" <= char <= "\udcff" for char in text):
        raise BadInput([f"error: {what}: not UTF-8 text; nothing was written"])
    return text


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}{'' if number == 1 else 's'}"


@reports_errors
def init(
    path: Annotated[Path, typer.Argument(metavar="[PATH]", help="Where to write it.")] = Path(
        FILE_NAME
    ),
    empty: Annotated[
        bool, typer.Option("--empty", help="A commented template with one target of each kind.")
    ] = False,
) -> None:
    """Start a targets file: a copy of the shipped Liaoning targets, or a commented template.

    Never overwrites a file. Also writes targets.schema.json beside it, if absent, for editors.

    Examples:

    \b
    lnrev init
    lnrev init my-plan.toml --empty
    """
    from lnrev.targetsfile.atomic import create_all_exclusively
    from lnrev.targetsfile.schema import SCHEMA_FILE, schema_text

    if empty:
        from importlib import resources  # here, so that --version and --help never load it

        template = resources.files("lnrev.targetsfile").joinpath("template.toml")
        text = template.read_text(encoding="utf-8")
    else:
        text = read_text(TargetsLocation(embedded_targets(), "embedded targets"))
    if not path.name or path.is_dir():
        raise UsageError(
            [
                f"error: PATH: {shown_path(path)!r} is a directory;"
                " give the name of the file to write"
            ]
        )
    files = [(path, text, shown_path(path))]
    schema = path.with_name(SCHEMA_FILE)
    if not schema.exists():  # a link to a missing file counts as missing, and is refused
        files.append((schema, schema_text(), shown_path(schema)))
    create_all_exclusively(files)
    written = " and ".join(label for _, _, label in files)
    tell_done(f"wrote {written}; edit it, then run: lnrev status -f {shown_path(path)}")


@reports_errors
def add(
    target_id: TargetId,
    name: Annotated[str, typer.Option("--name", help="What the indicator is.")],
    target: Annotated[
        str,
        typer.Option(
            "--target",
            metavar="NUMBER",
            help="level: the value; change: the cumulative %; growth: % a year; bound: the bound.",
        ),
    ],
    by: Annotated[
        str, typer.Option("--by", metavar="WHEN", help="The deadline: a year or a date.")
    ],
    kind: Annotated[str, typer.Option("--kind", help="level, change, growth or bound.")] = "level",
    baseline: Annotated[
        str | None, typer.Option("--baseline", metavar="VALUE", help="Baseline value (level).")
    ] = None,
    baseline_at: Annotated[
        str | None,
        typer.Option(
            "--baseline-at", metavar="WHEN", help="Baseline year or date (level, change, growth)."
        ),
    ] = None,
    unit: Annotated[str | None, typer.Option("--unit", help="e.g. %, GW, years.")] = None,
    binding: Annotated[bool, typer.Option("--binding", help="A binding (约束性) target.")] = False,
    source: Annotated[
        str | None, typer.Option("--source", help="Where the target is declared.")
    ] = None,
    floor: Annotated[
        bool, typer.Option("--floor", help="bound: a minimum (default: a maximum).")
    ] = False,
    note: Annotated[str | None, typer.Option("--note")] = None,
    file: FileOption = None,
) -> None:
    """Add a target to the targets file (comments and layout kept).

    Examples:

    \b
    lnrev add forest --name "Forest coverage" --unit % --target 24.1 --by 2025
    lnrev add energy --kind change --name "Energy per GDP" --target -13.5 --by 2025
    """
    from lnrev.model.kinds import DEFAULT_KIND, KIND_NAMES, KINDS
    from lnrev.suggestions import either
    from lnrev.targetsfile import editing as editor

    if kind not in KINDS:
        raise BadInput([f"error: --kind: expected {either(KIND_NAMES)}, got {kind!r}"])
    form = KINDS[kind]
    if floor and len(form.goal_fields) < 2:
        raise BadInput([f"error: --floor applies to bound targets, not to a {kind} target"])
    for text, what in ((name, "--name"), (unit, "--unit"), (source, "--source"), (note, "--note")):
        _utf8(text, what)
    fields: dict[str, Any] = {} if kind == DEFAULT_KIND else {"kind": kind}
    fields["name"] = name
    if unit is not None:
        fields["unit"] = unit
    if binding:
        fields["binding"] = True
    fields["target"] = {
        form.goal_fields[-1 if floor else 0]: _entered(read_number, target, "--target"),
        "by": _entered(read_point, by, "--by"),
    }
    if baseline_at is not None or baseline is not None:
        fields["baseline"] = _baseline(form, baseline, baseline_at)
    if source is not None:
        fields["source"] = source
    if note is not None:
        fields["note"] = note
    location = discover(file)
    editor.edit(location, lambda document: editor.add_target(document, target_id, fields, form))
    tell_done(f"added targets.{target_id} to {location.label}")


def _baseline(form: Kind, value: str | None, at: str | None) -> dict[str, Any]:
    """The baseline table a kind takes: a figure (at, value), a base year (at), or none."""
    if form.baseline_form is None:
        raise BadInput([f"error: a {form.name} target has no baseline (use the bound's --by)"])
    if at is None:
        raise BadInput(["error: --baseline needs --baseline-at"])
    if form.baseline_form == "figure" and value is None:
        raise BadInput(
            [f"error: a {form.name} baseline needs --baseline VALUE as well as --baseline-at"]
        )
    if form.baseline_form == "index" and value is not None:
        raise BadInput(
            [f"error: a {form.name} target's baseline is its index 100: give only --baseline-at"]
        )
    baseline: dict[str, Any] = {"at": _entered(read_point, at, "--baseline-at")}
    if value is not None:
        baseline["value"] = _entered(read_number, value, "--baseline")
    return baseline


@reports_errors
def record(
    target_id: TargetId,
    value: Annotated[
        str,
        typer.Argument(
            metavar="VALUE",
            help="The observed figure: the level (level and bound targets), the cumulative %"
            " change since the baseline (change targets), or the average annual % growth since"
            " the previous observation (growth targets).",
        ),
    ],
    at: When,
    source: Annotated[str, typer.Option("--source", help="Where the figure was read.")],
    published: Annotated[
        str | None,
        typer.Option(
            "--published", metavar="DATE", help="When it was published (a date, today, yesterday)."
        ),
    ] = None,
    note: Annotated[str | None, typer.Option("--note")] = None,
    yoy: Annotated[
        bool,
        typer.Option(
            "--yoy",
            help="Change targets: VALUE is the % change since the previous observation (or the"
            " baseline), not since the baseline.",
        ),
    ] = False,
    rate: Annotated[
        bool,
        typer.Option(
            "--rate",
            help="Growth targets: VALUE is the average annual % growth since the previous"
            " observation (or the baseline); what a bare VALUE means for them anyway.",
        ),
    ] = False,
    replace: Replace = False,
    file: FileOption = None,
) -> None:
    """Record an observation of a target (comments and layout kept).

    Examples:

    \b
    lnrev record clean-energy 50.5 --at 2024-06-30 --source "Xinhua"
    lnrev record energy-intensity -2.7 --yoy --at 2021 --source "NBS"
    lnrev record cpi-2026 0.8 --at 2026-06 --published today --source "NBS"
    """
    from lnrev.targetsfile import editing as editor

    if yoy and rate:
        raise BadInput(["error: --yoy and --rate exclude each other"])
    number = _entered(read_number, value, "VALUE")
    _utf8(source, "--source")
    _utf8(note, "--note")
    observation: dict[str, Any] = {"at": _entered(_typed_when, at, "--at")}
    if published is not None:
        observation["published"] = _entered(_typed_published, published, "--published")
        if observation["published"] < as_date(observation["at"]):
            raise BadInput(
                [
                    f"error: --published {published} is before the observation's own date"
                    f" {iso(observation['at'])} (--at {at})"
                ]
            )
    observation["source"] = source
    if note is not None:
        observation["note"] = note
    location = discover(file)

    def change(document: editor.Document) -> None:
        field = "yoy" if yoy else "rate" if rate else editor.plain_value_field(document, target_id)
        editor.record_observation(document, target_id, {**observation, field: number}, replace)

    editor.edit(location, change, only=target_id)
    tell_done(f"recorded targets.{target_id} at {observation['at']} in {location.label}")


OnExisting = Annotated[
    bool,
    typer.Option("--skip-existing", help="Leave an observation already in the file as it is."),
]


@reports_errors
def import_csv(
    csv_file: Annotated[
        str,
        typer.Argument(
            metavar="FILE.csv",
            help="Columns id, at, one of value / yoy / rate, source, and optionally published and"
            " note, separated by commas, semicolons or tabs; - reads standard input.",
        ),
    ],
    replace: Replace = False,
    skip_existing: OnExisting = False,
    dry_run: Annotated[
        bool, typer.Option("--dry-run", help="Say what would be added, replaced or skipped.")
    ] = False,
    file: FileOption = None,
) -> None:
    """Record observations from a CSV file: all rows, or none if any row is bad.

    A row's value is read as a `record` VALUE is: value is the level (level and bound targets)
    or the cumulative % change (change targets); yoy is the % change since the previous
    observation; rate is the average annual % growth since the previous observation (growth
    targets). Importing a file again refuses the rows already recorded, unless --skip-existing
    or --replace says what to do with them.

    Examples:

    \b
    lnrev import communique-2025.csv
    lnrev import communique-2025.csv --skip-existing --dry-run
    """
    from lnrev.targetsfile import editing as editor
    from lnrev.targetsfile.csv_rows import read_csv_text, read_rows

    if replace and skip_existing:
        raise UsageError(["error: --replace and --skip-existing exclude each other"])
    label = "standard input" if csv_file == "-" else shown_path(Path(csv_file))
    text = read_csv_text(None if csv_file == "-" else Path(csv_file), label)
    csv_rows = read_rows(text, label)
    on_existing = "replace" if replace else "skip" if skip_existing else "refuse"
    outcomes = {"added": 0, "replaced": 0, "skipped": 0}

    def change(document: editor.Document) -> None:
        problems = list(csv_rows.problems)
        with editor.Recorder(document) as recorder:
            for row in csv_rows.rows:
                try:
                    outcomes[recorder.record(row.target_id, row.observation, on_existing)] += 1
                except editor.Refusal as refusal:
                    problems.append((row.line, str(refusal)))
        if problems:
            lines = [f"{label}:{line}: {problem}" for line, problem in sorted(problems)]
            raise BadInput([*lines, f"{label}: nothing was imported"])

    location = discover(file)
    editor.edit(location, change, write=not dry_run)
    done = ", ".join(f"{_count(n, 'observation')} {what}" for what, n in outcomes.items() if n)
    verb = "would import into" if dry_run else "imported into"
    tell_done(f"{verb} {location.label}: {done or 'nothing'}")


@reports_errors
def remove(
    target_id: TargetId,
    at: Annotated[
        str | None,
        typer.Option(
            "--at", metavar="WHEN", help="Only the observation at this point (as record --at)."
        ),
    ] = None,
    yes: Annotated[bool, typer.Option("--yes", "-y", help="Do not ask (for scripts).")] = False,
    file: FileOption = None,
) -> None:
    """Remove a target, or one observation of it (comments and layout of the rest kept).

    On a terminal lnrev asks first; --yes removes without asking.

    Examples:

    \b
    lnrev remove gdp-growth-2021
    lnrev remove clean-energy --at 2024-06-30 --yes
    """
    import sys

    from lnrev.targetsfile import editing as editor

    point = _entered(_typed_when, at, "--at")
    location = discover(file)
    removed: list[str] = []

    def change(document: editor.Document) -> None:
        if point is None:
            removed.append(editor.remove_target(document, target_id))
        else:
            removed.append(editor.remove_observation(document, target_id, point))

    if not yes:
        editor.edit(location, change, write=False, only=target_id)  # what is named must exist
        if not sys.stdin.isatty():
            raise UsageError(["error: remove asks first on a terminal; add --yes in a script"])
        if not confirmed(f"remove {removed.pop()} from {location.label}?"):
            raise typer.Exit(ExitCode.OK)
    editor.edit(location, change, only=target_id)
    tell_done(f"removed {removed[0]} from {location.label}")


@reports_errors
def edit(file: FileOption = None) -> None:
    """Edit the targets file in $VISUAL or $EDITOR, never leaving it half-edited.

    The editor works on a copy. When it closes, the copy is checked: if it is valid it replaces
    the file in one step, under the file's lock; if not, its problems are shown and you may edit
    it again (as visudo and crontab -e do) or abandon it, and the file is left as it was.

    Examples:

    \b
    lnrev edit
    EDITOR=nano lnrev edit -f my-plan.toml
    """
    import os
    import shlex
    import subprocess
    import sys
    import tempfile

    from lnrev.targetsfile import editing as editor
    from lnrev.targetsfile.loading import read_toml, validate

    location = discover(file)
    editor.refuse_embedded(location)
    before = read_text(location)
    command = shlex.split(os.environ.get("VISUAL") or os.environ.get("EDITOR") or "vi")
    handle, name = tempfile.mkstemp(prefix="lnrev-", suffix=".toml")
    copy = Path(name)
    keep = False
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="") as stream:
            stream.write(before)
        while True:
            try:
                done = subprocess.run([*command, str(copy)], check=False)
            except OSError as error:
                raise BadInput(
                    [f"error: cannot start the editor {command[0]!r} ({error})"]
                ) from None
            if done.returncode != 0:
                raise BadInput([f"the editor exited with {done.returncode}; nothing was written"])
            checked = location._replace(label=f"{location.label} (as edited)")
            try:
                after = read_text(checked._replace(path=copy))  # as saved: no newline changed
                if after == before:
                    typer.echo(f"no change to {location.label}")
                    return
                validate(read_toml(after, checked), after, checked.label)
                break
            except BadInput as problems:
                for line in problems.lines:
                    typer.echo(line, err=True)
                if not sys.stdin.isatty() or not typer.confirm(
                    "edit again?", default=True, err=True
                ):
                    raise BadInput([f"{location.label}: left as it was"]) from None
        try:
            editor.replace_text(location, before, after)
        except editor.ChangedMeanwhile as changed:
            keep = True
            raise BadInput(
                [f"{changed.lines[0]}; not written; your edited copy is kept in {copy}"]
            ) from None
        tell_done(f"saved {location.label}")
    except typer.Abort:
        raise BadInput([f"{location.label}: left as it was"]) from None
    finally:
        if not keep:
            copy.unlink(missing_ok=True)


def schema() -> None:
    """Print the JSON Schema of the targets file (as committed in targets.schema.json).

    Examples:

    \b
    lnrev schema > targets.schema.json
    """
    from lnrev.targetsfile.schema import schema_text

    typer.echo(schema_text(), nl=False)
