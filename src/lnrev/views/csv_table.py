"""CSV for spreadsheets: one row per target, the JSON fields flattened (latest_at, latest_value).

Numbers are unrounded, as in JSON, unless `--round N` asks for N decimals (6.299999999999997 is
then 6.3); null is an empty cell; booleans are `true` / `false`.
`methods` becomes six columns per scheme, in the contract's order (eurostat_method,
eurostat_verdict, ...), and `trend` its six fields (trend_points ... trend_probability).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Iterator
from itertools import chain
from typing import TYPE_CHECKING, Any

from lnrev.engine.results import Assessment
from lnrev.engine.verdicts import SCHEME_NAMES
from lnrev.reports.bibliography import Bibliography
from lnrev.views.json_document import assessment_json, entry_json
from lnrev.views.wording import citation_text, plain, source_text

if TYPE_CHECKING:  # types only: the reports of history and changes load the file model
    from lnrev.reports.over_time import Changes, Timeline


def flatten(document: dict[str, Any]) -> dict[str, Any]:
    """`{"latest": {"at": ..., "value": ...}}` becomes `latest_at`, `latest_value`."""
    flat: dict[str, Any] = {}
    for key, value in document.items():
        if key == "methods":
            for method in value:
                flat |= {f"{method['scheme']}_{field}": method[field] for field in METHOD_FIELDS}
        elif key == "trend":
            flat |= {f"trend_{field}": value[field] if value else None for field in TREND_FIELDS}
        elif key in ("baseline", "latest", "target"):
            first, second = ("by", "value") if key == "target" else ("at", "value")
            flat[f"{key}_{first}"] = value[first] if value else None
            flat[f"{key}_{second}"] = value[second] if value else None
        else:
            flat[key] = value
    return flat


def assessments_csv(
    assessments: Iterable[Assessment], raw_text: bool = False, decimals: int | None = None
) -> Iterator[str]:
    """One header row of FLAT_COLUMNS, then one row per assessment, a line at a time."""
    rows = (flatten(assessment_json(assessment)) for assessment in assessments)
    cells = ([_cell(row[column], raw_text, decimals) for column in FLAT_COLUMNS] for row in rows)
    return csv_lines(chain([FLAT_COLUMNS], cells))


ENTRY_COLUMNS = ["verdict", "label", "outlook", "caveats", "latest_at", "latest_value", "ratio"]


def history_csv(
    timeline: Timeline, raw_text: bool = False, decimals: int | None = None
) -> Iterator[str]:
    """`lnrev history` as CSV: one row per date, the ENTRY fields flattened."""
    header = ["as_of", *ENTRY_COLUMNS]
    rows = (
        {"as_of": moment.as_of.isoformat(), **flatten(entry_json(moment.assessment))}
        for moment in timeline.moments
    )
    cells = ([_cell(row[column], raw_text, decimals) for column in header] for row in rows)
    return csv_lines(chain([header], cells))


def changes_csv(
    found: Changes, raw_text: bool = False, decimals: int | None = None
) -> Iterator[str]:
    """`lnrev changes` as CSV: one row per target, before_* and after_* the ENTRY fields."""
    sides = ("before", "after")
    header = ["id", "name", *(f"{side}_{c}" for side in sides for c in ENTRY_COLUMNS), "reasons"]
    rows = []
    for change in found.changes:
        row = {"id": change.after.id, "name": change.after.name, "reasons": list(change.reasons)}
        for side, assessment in zip(sides, (change.before, change.after), strict=True):
            row |= {f"{side}_{k}": v for k, v in flatten(entry_json(assessment)).items()}
        rows.append([_cell(row[column], raw_text, decimals) for column in header])
    return csv_lines(chain([header], rows))


def sources_csv(bibliography: Bibliography, raw_text: bool = False) -> Iterator[str]:
    """One row per source (number, source, what cites it); what cites none has no number."""
    rows: list[list[Any]] = [["number", "source", "cited_by"]]
    for number, reference in enumerate(bibliography.references, start=1):
        cited_by = "; ".join(citation_text(c) for c in reference.cited_by)
        source = source_text(reference.source)
        rows.append([number, *(inert(text, raw_text) for text in (source, cited_by))])
    rows += [["", "", citation_text(citation)] for citation in bibliography.unsourced]
    return csv_lines(rows)


def csv_lines(rows: Iterable[list[Any]]) -> Iterator[str]:
    """Rows as CSV text, a line at a time, as the csv module writes them."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    for row in rows:
        writer.writerow(row)
        yield out.getvalue()
        out.seek(0)
        out.truncate()


FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
"""What a spreadsheet reads as the start of a formula in a text cell (CSV injection)."""


def _cell(value: Any, raw_text: bool, decimals: int | None = None) -> Any:
    """A JSON value as a CSV cell; text loses its control characters, as in every text view,
    and a text a spreadsheet would run as a formula gets a leading quote ('=1+1). Numbers are
    written as they are, or rounded to `decimals`."""
    if isinstance(value, float) and decimals is not None:
        return rounded(value, decimals)
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return " ".join(value)  # caveat codes, reasons
    if isinstance(value, str):
        return inert(plain(value), raw_text)
    return "" if value is None else value


def rounded(number: float, decimals: int) -> float | int:
    """`number` to `decimals` places, written as briefly as Python writes it (6.3, not 6.30):
    a whole number for 0 places, and never a negative zero."""
    value = round(number, decimals) + 0.0
    return int(value) if decimals == 0 else value


def inert(text: str, raw_text: bool = False) -> str:
    """The text with a leading quote if a spreadsheet would run it (unless `raw_text`)."""
    return f"'{text}" if not raw_text and text.startswith(FORMULA_STARTS) else text


METHOD_FIELDS = ("method", "verdict", "label", "outlook", "ratio", "projected")
TREND_FIELDS = ("points", "scale", "projected", "low", "high", "probability")
FLAT_COLUMNS = [
    "id", "name", "unit", "kind", "binding", "direction", "method", "baseline_at",
    "baseline_value", "baseline_from", "latest_at", "latest_value", "target_by", "target_value",
    "gap", "progress", "time_elapsed", "years_left", "data_age", "actual_change_per_year",
    "actual_growth_per_year", "required_change_per_year", "required_growth_per_year", "projected",
    "ratio", "verdict", "label", "outlook", "caveats", "note",
    *(f"{scheme}_{field}" for scheme in SCHEME_NAMES for field in METHOD_FIELDS),
    *(f"trend_{field}" for field in TREND_FIELDS), "reached_by",
]  # fmt: skip
