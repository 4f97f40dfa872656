"""Finding, reading and validating a targets file; every failure becomes a list of located problems.

Discovery order: `--file`, else `$LNREV_FILE`, else ./targets.toml, else the targets file shipped
inside lnrev (the repository's top-level targets.toml, packed into the wheel).
"""

from __future__ import annotations

import os
import re
import stat
import tomllib
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO, NamedTuple

from lnrev.errors import BadInput, UsageError
from lnrev.targetsfile.parsing import parse

if TYPE_CHECKING:
    from lnrev.model.targets_file import TargetsFile
    from lnrev.targetsfile.messages import Problem

ENV_VARIABLE = "LNREV_FILE"
FILE_NAME = "targets.toml"
EMBEDDED_LABEL = f"embedded:{FILE_NAME}"

_TOML_POSITION = re.compile(r"\s*\(at line (\d+), column (\d+)\)$")


class TargetsLocation(NamedTuple):
    """Where the targets come from, and how to call that place in messages and JSON."""

    path: Path
    label: str
    embedded: bool = False
    data: bytes | None = None
    """The file's bytes when they come from elsewhere than `path` (standard input, text handed
    to the Python API): read as a file's bytes are, never written back."""


def embedded_targets() -> Path:
    """The shipped targets file: packed into the wheel, or at the top of a source checkout."""
    from importlib import resources  # here, so that --version and --help never load it

    packed = resources.files("lnrev").joinpath(FILE_NAME)
    if packed.is_file():
        return Path(str(packed))
    return Path(__file__).resolve().parents[3] / FILE_NAME


STDIN = "-"
"""`-f -`: standard input, which the commands that only read a file take (`cli.options.locate`)."""


def discover(file: Path | None, cwd: Path | None = None) -> TargetsLocation:
    """The targets file to use: `--file`, $LNREV_FILE, ./targets.toml, then the embedded default.
    Standard input (`-f -`) cannot be edited: a command that reaches here with it is refused."""
    if file is not None and str(file) == STDIN:
        raise UsageError(
            ["error: -f -: standard input can be read, not edited; name the file to change"]
        )
    if file is not None:
        return TargetsLocation(file, shown_path(file))
    if os.environ.get(ENV_VARIABLE):
        named = os.environ[ENV_VARIABLE]
        return TargetsLocation(Path(named), shown_path(named))
    local = (cwd or Path.cwd()) / FILE_NAME
    if local.is_file():
        return TargetsLocation(local, FILE_NAME)
    return TargetsLocation(embedded_targets(), EMBEDDED_LABEL, embedded=True)


def shown_path(path: Path | str) -> str:
    """A file name as text that any output takes: bytes that are not UTF-8 (which the system
    hands over undecoded) shown as escapes, `n\\xff.toml`."""
    return str(path).encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")


def load(location: TargetsLocation) -> TargetsFile:
    """Read, parse and validate a targets file; BadInput lists every problem found."""
    text = read_text(location)
    return validate(read_toml(text, location), text, location.label)


def read_toml(text: str, location: TargetsLocation) -> dict:
    """The TOML document as data, or BadInput with the syntax problem and its line: the one
    rule for reading and for editing a file."""
    try:
        return parse(text)
    except tomllib.TOMLDecodeError as error:
        raise BadInput([_syntax_problem(location, error)]) from None


def read_text(location: TargetsLocation) -> str:
    """The file's text; a missing, unreadable, non-regular, too large or non-UTF-8 file is one
    clear line."""
    label = location.label
    raw = location.data if location.data is not None else read_bounded(location.path, label)
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw.count(b"\n", 0, error.start) + 1
        raise BadInput(
            [f"{location.label}:{line}: not UTF-8 text (byte 0x{raw[error.start]:02x})"]
        ) from None


SIZE_VARIABLE = "LNREV_MAX_FILE_SIZE"
DEFAULT_MAX_FILE_SIZE = 200_000_000
"""The largest file lnrev reads, in bytes (200 MB: a targets file of 150,000 targets with 20
observations each), unless $LNREV_MAX_FILE_SIZE says otherwise. It bounds the memory any input
can take, whatever its size claims to be."""


def max_file_size() -> int:
    """The size limit in bytes: $LNREV_MAX_FILE_SIZE if set, else the default."""
    given = os.environ.get(SIZE_VARIABLE, "").strip()
    if not given:
        return DEFAULT_MAX_FILE_SIZE
    if not given.isdigit():
        raise BadInput([f"error: ${SIZE_VARIABLE}: expected a number of bytes, got {given!r}"])
    return int(given)


def read_bounded(path: Path, label: str) -> bytes:
    """A regular file's bytes, up to the size limit; anything else (a directory, a FIFO, a
    device such as /dev/zero) or a larger file is refused in one line, never read."""
    limit = max_file_size()
    try:
        status = path.stat()
        if not stat.S_ISREG(status.st_mode):
            raise BadInput([f"{label}: not a regular file"])
        _within(status.st_size, limit, label)
        with path.open("rb") as stream:
            raw = stream.read(limit + 1)
    except FileNotFoundError:
        raise BadInput([f"{label}: no such file"]) from None
    except PermissionError:
        raise BadInput([f"{label}: permission denied"]) from None
    except OSError as error:
        raise BadInput([f"{label}: cannot read: {error.strerror or error}"]) from None
    _within(len(raw), limit, label)  # a file that grew since, or whose size says nothing
    return raw


def read_stream_bounded(stream: BinaryIO, label: str) -> bytes:
    """Standard input's bytes, up to the same size limit as a file."""
    limit = max_file_size()
    try:
        raw = stream.read(limit + 1)
    except OSError as error:
        raise BadInput([f"{label}: cannot read: {error.strerror or error}"]) from None
    _within(len(raw), limit, label)
    return raw


def _within(size: int, limit: int, label: str) -> None:
    if size > limit:
        raise BadInput(
            [
                f"{label}: larger than {limit:,} bytes, the most lnrev reads;"
                f" set ${SIZE_VARIABLE} to read a larger file"
            ]
        )


def validate(data: dict, text: str, label: str) -> TargetsFile:
    """The validated file model, or BadInput with one `file:line: key.path: message` per problem.

    pydantic and the model are imported here, not at start-up, so that commands which do not
    read a file (`lnrev --version`, `lnrev schema`) never pay for building the models.
    """
    from pydantic import ValidationError

    from lnrev.model.targets_file import TargetsFile
    from lnrev.targetsfile.key_lines import key_lines, line_of
    from lnrev.targetsfile.messages import problems_from

    try:
        return TargetsFile.model_validate(data)
    except ValidationError as error:
        lines = key_lines(text)
        located = [(line_of(lines, problem.path), problem) for problem in problems_from(error)]
        located.sort(key=lambda pair: pair[0] or 0)
        raise BadInput([_format(label, line, problem) for line, problem in located]) from None


def _format(label: str, line: int | None, problem: Problem) -> str:
    from lnrev.targetsfile.key_lines import dotted

    where = f"{label}:{line}" if line else label
    key = f" {dotted(problem.path)}:" if problem.path else ""
    return f"{where}:{key} {problem.message}"


def _syntax_problem(location: TargetsLocation, error: tomllib.TOMLDecodeError) -> str:
    message = str(error)
    position = _TOML_POSITION.search(message)
    if position is None:
        return f"{location.label}: TOML syntax: {message}"
    line, column = position.groups()
    return f"{location.label}:{line}: TOML syntax: {message[: position.start()]} (column {column})"
