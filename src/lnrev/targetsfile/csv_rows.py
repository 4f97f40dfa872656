"""Observations from a CSV file: all rows or none, every bad row reported with its line.

Columns: id, at, one of value | yoy | rate, source, and optionally published and note. Cells are
read like the command line of `lnrev record` (a year or an ISO date, a finite number).
"""

from __future__ import annotations

import csv
import io
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from lnrev.errors import BadInput
from lnrev.model.kinds import OBSERVATION_FIELDS
from lnrev.suggestions import did_you_mean, either
from lnrev.targetsfile.loading import read_bounded, read_stream_bounded
from lnrev.targetsfile.typed_values import read_date, read_number, read_point

REQUIRED = ("id", "at", "source")
VALUE_COLUMNS = OBSERVATION_FIELDS
OPTIONAL = ("published", "note")
COLUMNS = (*REQUIRED, *VALUE_COLUMNS, *OPTIONAL)


@dataclass(frozen=True)
class Row:
    """One CSV row, read: the target it belongs to and the observation to record."""

    line: int
    target_id: str
    observation: dict[str, Any]


@dataclass(frozen=True)
class CsvRows:
    """The rows that could be read, and a (line, problem) for each that could not."""

    rows: list[Row]
    problems: list[tuple[int, str]]


DELIMITERS = (",", ";", "\t")


def read_csv_text(path: Path | None, label: str) -> str:
    """A CSV file's text, or standard input's if `path` is None (a UTF-8 byte-order mark
    dropped), or BadInput naming the problem: not a regular file, too large, not UTF-8."""
    if path is None:
        raw = read_stream_bounded(sys.stdin.buffer, label)
    else:
        raw = read_bounded(path, label)
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw.count(b"\n", 0, error.start) + 1
        raise BadInput(
            [f"{label}:{line}: not UTF-8 text (byte 0x{raw[error.start]:02x})"]
        ) from None


def read_rows(text: str, label: str) -> CsvRows:
    """The rows of a CSV text and its row problems; a bad header is BadInput. The delimiter
    (comma, semicolon or tab) is the one the header line uses most; header names match whatever
    their case and surrounding spaces."""
    text = text.removeprefix("\ufeff")
    header_line = text.split("\n", 1)[0]
    delimiter = max(DELIMITERS, key=header_line.count)
    reader = csv.DictReader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    rows, problems = [], []
    try:
        reader.fieldnames = [name.strip().lower() for name in reader.fieldnames or []]
        _check_header(reader.fieldnames, label)
        for cells in reader:
            try:
                rows.append(_row(cells, reader.line_num))
            except ValueError as error:
                problems.append((reader.line_num, str(error)))
    except csv.Error as error:  # an unclosed quote, a cell beyond the csv module's limit
        raise BadInput([f"{label}:{reader.line_num}: not readable as CSV ({error})"]) from None
    if not rows and not problems:
        raise BadInput([f"{label}: no rows to import"])
    return CsvRows(rows, problems)


def _check_header(header: list[str], label: str) -> None:
    problems = [f"{label}:1: missing column {name!r}" for name in REQUIRED if name not in header]
    twice = sorted({name for name in header if header.count(name) > 1})
    problems += [f"{label}:1: column {name!r} appears twice" for name in twice]
    if not any(name in header for name in VALUE_COLUMNS):
        problems.append(f"{label}:1: missing a value column ({either(VALUE_COLUMNS)})")
    for name in header:
        if name not in COLUMNS:
            hint = did_you_mean(name, COLUMNS) or f"; columns: {', '.join(COLUMNS)}"
            problems.append(f"{label}:1: unknown column {name!r}{hint}")
    if problems:
        raise BadInput(problems)


def _row(cells: dict[str | None, Any], line: int) -> Row:
    if None in cells:
        raise ValueError("more cells than columns")
    text = {key: (value or "").strip() for key, value in cells.items()}
    problems = [
        f"{column}: empty" + (" (every figure needs its source)" if column == "source" else "")
        for column in REQUIRED
        if not text[column]
    ]
    observation: dict[str, Any] = {}
    given = [column for column in VALUE_COLUMNS if text.get(column)]
    if len(given) != 1:
        problems.append(
            f"give exactly one of {either(VALUE_COLUMNS)}, got {' and '.join(given) or 'none'}"
        )
    readers = {
        "at": read_point,
        "published": read_date,
        **dict.fromkeys(VALUE_COLUMNS, read_number),
    }
    for column, reader in readers.items():
        if text.get(column):
            try:
                observation[column] = reader(text[column])
            except ValueError as error:
                problems.append(f"{column}: {error}")
    if problems:
        raise ValueError("; ".join(problems))
    observation["source"] = text["source"]
    if text.get("note"):
        observation["note"] = text["note"]
    return Row(line, text["id"], observation)
