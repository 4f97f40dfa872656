"""The JSON documents of contract sections 6 and 13, written with the json module to stdout.

Numbers go out unrounded as plain JSON numbers; every point in time is an ISO date (a year Y is
"Y-12-31"). NaN and Infinity cannot appear: the formulas already turn them into null, and
`allow_nan=False` makes any slip an error rather than invalid JSON.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from datetime import date
from typing import TYPE_CHECKING, Any

from lnrev.engine.results import MEASURE_NAMES, Assessment, HistoryEntry, MethodVerdict, Reading
from lnrev.engine.rules import Rules
from lnrev.engine.timeline import as_written, iso
from lnrev.model.fields import Source, SourceRef
from lnrev.model.tables import Plan
from lnrev.reports.bibliography import Bibliography, Citation
from lnrev.reports.status import summarize

if TYPE_CHECKING:  # types only: the reports of history and changes load the file model
    from lnrev.reports.over_time import Changes, Timeline

SCHEMA_VERSION = 3


def status_document(
    assessments: list[Assessment], plan: Plan | None, rules: Rules, file_label: str
) -> dict[str, Any]:
    """`lnrev status --json`: the plan, the scheme, the verdict counts and every assessment in
    file order (made one at a time as `json_pieces` writes them)."""
    return {
        "schema_version": SCHEMA_VERSION,
        "as_of": rules.as_of.isoformat(),
        "file": file_label,
        "plan": plan_json(plan),
        "scheme": rules.scheme.name,
        "summary": summarize(assessments),
        "targets": (assessment_json(assessment) for assessment in assessments),
    }


def gap_document(assessment: Assessment, as_of: date) -> dict[str, Any]:
    """`lnrev gap ID --json`: one assessment with its schema version, as-of date and history."""
    return {
        "schema_version": SCHEMA_VERSION,
        "as_of": as_of.isoformat(),
        **assessment_json(assessment),
        "history": [history_json(entry) for entry in assessment.history],
    }


def assessment_json(assessment: Assessment) -> dict[str, Any]:
    """One ASSESSMENT object, its keys in the contract's order."""
    return {
        "id": assessment.id,
        "name": assessment.name,
        "unit": assessment.unit,
        "kind": assessment.kind,
        "binding": assessment.binding,
        "direction": assessment.direction,
        "method": assessment.method,
        "baseline": _reading(assessment.baseline),
        "baseline_from": assessment.baseline_from,
        "latest": _reading(assessment.latest),
        "target": {"by": iso(assessment.target.at), "value": assessment.target.value},
        **{name: getattr(assessment.measures, name) for name in MEASURE_NAMES},
        "verdict": assessment.verdict.value,
        "label": assessment.label.en,
        "outlook": None if assessment.outlook is None else assessment.outlook.value,
        "caveats": [caveat.value for caveat in assessment.caveats],
        "note": assessment.note,
        "methods": [method_json(method) for method in assessment.methods],
        "trend": None if assessment.trend is None else assessment.trend._asdict(),
        "reached_by": assessment.reached_by,
    }


def method_json(method: MethodVerdict) -> dict[str, Any]:
    """One METHOD of `methods` (contract section 10)."""
    return {
        "scheme": method.scheme,
        "method": method.method,
        "verdict": method.verdict.value,
        "label": method.label.en,
        "outlook": None if method.outlook is None else method.outlook.value,
        "ratio": method.ratio,
        "projected": method.projected,
    }


def entry_json(assessment: Assessment) -> dict[str, Any]:
    """What `status` says of a target on one date, as `history` and `changes` list it
    (an ENTRY of contract section 13, without its as_of)."""
    return {
        "verdict": assessment.verdict.value,
        "label": assessment.label.en,
        "outlook": None if assessment.outlook is None else assessment.outlook.value,
        "caveats": [caveat.value for caveat in assessment.caveats],
        "latest": _reading(assessment.latest),
        "ratio": assessment.measures.ratio,
    }


def history_document(timeline: Timeline) -> dict[str, Any]:
    """`lnrev history ID --json`: the target's verdict on every date it could have changed."""
    return {
        "schema_version": SCHEMA_VERSION,
        "id": timeline.id,
        "as_of": timeline.as_of.isoformat(),
        "timeline": [
            {"as_of": moment.as_of.isoformat(), **entry_json(moment.assessment)}
            for moment in timeline.moments
        ],
    }


def changes_document(found: Changes, file_label: str) -> dict[str, Any]:
    """`lnrev changes --since DATE --json`: every target whose verdict or latest figure changed."""
    return {
        "schema_version": SCHEMA_VERSION,
        "since": found.since.isoformat(),
        "as_of": found.as_of.isoformat(),
        "file": file_label,
        "changes": [
            {
                "id": change.after.id,
                "name": change.after.name,
                "before": entry_json(change.before),
                "after": entry_json(change.after),
                "reasons": list(change.reasons),
            }
            for change in found.changes
        ],
    }


def sources_document(bibliography: Bibliography, file_label: str) -> dict[str, Any]:
    """`lnrev sources --json`: each source once with what cites it, then what cites nothing."""
    return {
        "schema_version": SCHEMA_VERSION,
        "file": file_label,
        "sources": [
            {
                "source": source_json(reference.source),
                "cited_by": [citation_json(citation) for citation in reference.cited_by],
            }
            for reference in bibliography.references
        ],
        "unsourced": [citation_json(citation) for citation in bibliography.unsourced],
    }


def citation_json(citation: Citation) -> dict[str, Any]:
    at = None if citation.at is None else iso(citation.at)
    return {"target": citation.target, "what": citation.what, "at": at}


def history_json(entry: HistoryEntry) -> dict[str, Any]:
    return {
        "at": iso(entry.at),
        "value": entry.value,
        "recorded": dict(entry.recorded),
        "considered": entry.considered,
        "source": source_json(entry.source),
    }


def plan_json(plan: Plan | None) -> dict[str, Any] | None:
    if plan is None:
        return None
    table = plan.model_dump(exclude_none=True)
    if plan.base is not None:
        table["base"] = iso(plan.base)
    if plan.source is not None:
        table["source"] = source_json(plan.source)
    return table


def source_json(source: Source | None) -> str | dict[str, str] | None:
    """A source as written: a text, or a table whose date keeps its precision (2022, 2023-02,
    2024-04-23)."""
    if not isinstance(source, SourceRef):
        return source
    table = source.model_dump(exclude_none=True)
    if source.date is not None:
        table["date"] = as_written(source.date)
    return table


def dumps(document: dict[str, Any], pretty: bool, ascii_only: bool = False) -> str:
    """The document as JSON: indented for a person at a terminal, compact when piped (the C
    encoder, several times faster on large files), in ASCII escapes where the output cannot take
    UTF-8; the same data every way."""
    indent = 2 if pretty else None
    text = json.dumps(document, ensure_ascii=ascii_only, indent=indent, allow_nan=False)
    return _C1_CONTROL.sub(_escaped, text) if _C1_CONTROL.search(text) else text


_C1_CONTROL = re.compile("[\x80-\x9f]")
"""The C1 control characters (U+0080-U+009F: the 8-bit CSI and OSC among them), which json
leaves as they are and a terminal may obey; escaped as json escapes the C0 ones. They can stand
only inside a string, where the escape means the same character."""


def _escaped(found: re.Match[str]) -> str:
    return f"\\u{ord(found.group()):04x}"


def json_pieces(document: dict[str, Any], pretty: bool, ascii_only: bool = False) -> Iterator[str]:
    """The document as JSON, in pieces that join to what `dumps` writes. A document whose last
    value is an iterator (the targets of `status`) is written compact an item at a time, so that
    a large file's targets are never one list of objects nor one text; indented, it is whole."""
    *others, (key, items) = document.items()
    if not isinstance(items, Iterator):
        yield dumps(document, pretty, ascii_only)
        return
    if pretty:
        yield dumps({**document, key: list(items)}, pretty, ascii_only)
        return
    opening = dumps({**dict(others), key: []}, pretty, ascii_only)
    yield opening.removesuffix("[]}") + "["
    for index, item in enumerate(items):
        yield (", " if index else "") + dumps(item, pretty, ascii_only)
    yield "]}"


def _reading(reading: Reading | None) -> dict[str, Any] | None:
    return None if reading is None else {"at": iso(reading.at), "value": reading.value}
