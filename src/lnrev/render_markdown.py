"""Markdown for reports: a pipe table with the numbers rounded as in the terminal table."""

from __future__ import annotations

from lnrev import display
from lnrev.assess import Assessment
from lnrev.timeline import iso

STATUS_COLUMNS = (
    "Target", "Latest", "Target by", "Gap", "Progress", "Time elapsed", "Required", "Pace so far",
    "Projected", "Verdict",
)  # fmt: skip


def cell(text: str) -> str:
    """Text safe inside a pipe table: no pipes, no line breaks, no control characters."""
    return display.plain(text).replace("\\", "\\\\").replace("|", "\\|").replace("\n", " ")


def table(header: tuple[str, ...], rows: list[tuple[str, ...]]) -> str:
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join("---" for _ in header) + "|"]
    lines += ["| " + " | ".join(cell(value) for value in row) + " |" for row in rows]
    return "\n".join(lines) + "\n"


def status_markdown(assessments: list[Assessment], caption: str) -> str:
    """The status table as Markdown, then its caption and summary in italics."""
    rows = [_status_row(a) for a in assessments]
    return table(STATUS_COLUMNS, rows) + f"\n*{cell(caption)}*\n"


def _status_row(a: Assessment) -> tuple[str, ...]:
    unit = display.shown_unit(a)
    name = f"{a.name} ({a.id}{', binding' if a.binding else ''})"
    latest = f"{display.with_unit(a.latest.value, unit)} ({iso(a.latest.at)})" if a.latest else "—"
    return (
        name,
        latest,
        f"{display.with_unit(a.target.value, unit)} by {iso(a.target.at)}",
        display.signed(a.measures.gap),
        display.percent(a.measures.progress),
        display.percent(a.measures.time_elapsed),
        display.required_rate(a),
        display.actual_rate(a),
        display.with_unit(a.measures.projected, unit),
        display.VERDICT_LABELS[a.verdict],
    )


def gap_markdown(a: Assessment) -> str:
    """One target: its numbers as a field / value table, then its observations."""
    fields = display.measure_rows(a)
    unit = display.shown_unit(a)
    history = [
        (
            iso(h.at),
            display.with_unit(h.value, unit),
            "yes" if h.considered else "no",
            display.source_text(h.source),
        )
        for h in a.history
    ]
    heading = f"### {cell(a.name)} ({a.id})\n\n{cell(display.in_words(a))}\n\n"
    return (
        heading
        + table(("Field", "Value"), [("verdict", display.VERDICT_LABELS[a.verdict]), *fields])
        + "\n"
        + table(("At", "Value", "Assessed", "Source"), history)
    )
