"""CSV for spreadsheets: one row per target, the JSON fields flattened (latest_at, latest_value).

Numbers are unrounded, as in JSON; null is an empty cell; booleans are `true` / `false`.
"""

from __future__ import annotations

import csv
import io
from typing import Any

from lnrev.engine.results import Assessment
from lnrev.reports.bibliography import Bibliography
from lnrev.views.json_document import assessment_json
from lnrev.views.wording import citation_text, plain, source_text


def flatten(document: dict[str, Any]) -> dict[str, Any]:
    """`{"latest": {"at": ..., "value": ...}}` becomes `latest_at`, `latest_value`."""
    flat: dict[str, Any] = {}
    for key, value in document.items():
        if key in ("baseline", "latest", "target"):
            first, second = ("by", "value") if key == "target" else ("at", "value")
            flat[f"{key}_{first}"] = value[first] if value else None
            flat[f"{key}_{second}"] = value[second] if value else None
        else:
            flat[key] = value
    return flat


def assessments_csv(assessments: list[Assessment], raw_text: bool = False) -> str:
    """One header row of FLAT_COLUMNS, then one row per assessment."""
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=FLAT_COLUMNS, lineterminator="\n")
    writer.writeheader()
    for assessment in assessments:
        row = flatten(assessment_json(assessment))
        writer.writerow({key: _cell(value, raw_text) for key, value in row.items()})
    return out.getvalue()


def sources_csv(bibliography: Bibliography, raw_text: bool = False) -> str:
    """One row per source (number, source, what cites it); what cites none has no number."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["number", "source", "cited_by"])
    for number, reference in enumerate(bibliography.references, start=1):
        cited_by = "; ".join(citation_text(c) for c in reference.cited_by)
        source = source_text(reference.source)
        writer.writerow([number, *(inert(text, raw_text) for text in (source, cited_by))])
    for citation in bibliography.unsourced:
        writer.writerow(["", "", citation_text(citation)])
    return out.getvalue()


FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
"""What a spreadsheet reads as the start of a formula in a text cell (CSV injection)."""


def _cell(value: Any, raw_text: bool) -> Any:
    """A JSON value as a CSV cell; text loses its control characters, as in every text view,
    and a text a spreadsheet would run as a formula gets a leading quote ('=1+1). Numbers are
    written as they are."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return " ".join(value)  # caveat codes
    if isinstance(value, str):
        return inert(plain(value), raw_text)
    return "" if value is None else value


def inert(text: str, raw_text: bool = False) -> str:
    """The text with a leading quote if a spreadsheet would run it (unless `raw_text`)."""
    return f"'{text}" if not raw_text and text.startswith(FORMULA_STARTS) else text


FLAT_COLUMNS = [
    "id", "name", "unit", "kind", "binding", "direction", "method", "baseline_at",
    "baseline_value", "baseline_from", "latest_at", "latest_value", "target_by", "target_value",
    "gap", "progress", "time_elapsed", "years_left", "data_age", "actual_change_per_year",
    "actual_growth_per_year", "required_change_per_year", "required_growth_per_year", "projected",
    "ratio", "verdict", "label", "outlook", "caveats", "note",
]  # fmt: skip
