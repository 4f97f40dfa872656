"""Markdown for reports: a pipe table with the numbers rounded as in the terminal table."""

from __future__ import annotations

import re

from lnrev.engine.results import Assessment
from lnrev.engine.timeline import iso
from lnrev.reports.bibliography import Bibliography
from lnrev.views import wording

STATUS_COLUMNS = (
    "Target", "Latest", "Target by", "Gap", "Progress", "Time elapsed", "Required", "Pace so far",
    "Projected", "Verdict",
)  # fmt: skip


MARKDOWN_SYNTAX = re.compile(r"([\\`\[\]|])")


def cell(text: str) -> str:
    """Text from the file, inert in Markdown: on one line, with no raw HTML (`<b>` is shown as
    written) and no Markdown syntax (links, emphasis, pipes are escaped)."""
    text = wording.one_line(text).replace("<", "&lt;").replace(">", "&gt;")
    return MARKDOWN_SYNTAX.sub(r"\\\1", text)


def table(header: tuple[str, ...], rows: list[tuple[str, ...]]) -> str:
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join("---" for _ in header) + "|"]
    lines += ["| " + " | ".join(cell(value) for value in row) + " |" for row in rows]
    return "\n".join(lines) + "\n"


def status_markdown(assessments: list[Assessment], caption: str) -> str:
    """The status table as Markdown, then its caption and summary in italics."""
    rows = [_status_row(a) for a in assessments]
    return table(STATUS_COLUMNS, rows) + f"\n*{cell(caption)}*\n"


def _status_row(a: Assessment) -> tuple[str, ...]:
    unit = wording.shown_unit(a)
    name = f"{a.name} ({a.id}{', binding' if a.binding else ''})"
    latest = f"{wording.with_unit(a.latest.value, unit)} ({iso(a.latest.at)})" if a.latest else "—"
    return (
        name,
        latest,
        f"{wording.with_unit(a.target.value, unit)} by {iso(a.target.at)}",
        wording.signed(a.measures.gap),
        wording.percent(a.measures.progress),
        wording.percent(a.measures.time_elapsed),
        wording.required_rate(a),
        wording.actual_rate(a),
        wording.with_unit(a.measures.projected, unit),
        _verdict(a),
    )


def _verdict(a: Assessment) -> str:
    """The verdict as the scheme names it, with its caveats in brackets."""
    caveats = wording.caveat_marks(a)
    return wording.verdict_words(a) + (f" [{caveats}]" if caveats else "")


def gap_markdown(a: Assessment) -> str:
    """One target: its numbers as a field / value table, then its observations."""
    fields = wording.measure_rows(a)
    unit = wording.shown_unit(a)
    history = [
        (
            iso(h.at),
            wording.with_unit(h.value, unit),
            wording.recorded_text(a, index),
            "yes" if h.considered else "no",
            wording.source_text(h.source),
        )
        for index, h in enumerate(a.history)
    ]
    heading = f"### {cell(a.name)} ({a.id})\n\n{cell(wording.in_words(a))}\n\n"
    return (
        heading
        + table(("Field", "Value"), [("verdict", _verdict(a)), *fields])
        + "\n"
        + table(("At", "Value", "Recorded", "Assessed", "Source"), history)
    )


def sources_markdown(bibliography: Bibliography, caption: str) -> str:
    """The bibliography as a numbered table, then what names no source, then the caption."""
    rows = [
        (
            str(number),
            wording.source_text(reference.source),
            "; ".join(wording.citation_text(c) for c in reference.cited_by),
        )
        for number, reference in enumerate(bibliography.references, start=1)
    ]
    text = table(("#", "Source", "Cited by"), rows)
    if bibliography.unsourced:
        missing = ", ".join(wording.citation_text(c) for c in bibliography.unsourced)
        text += f"\n**No source:** {cell(missing)}\n"
    return text + f"\n*{cell(caption)}*\n"
