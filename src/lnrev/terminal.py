"""The rich views: the status table of every target and the in-depth view of one.

Imported only by the commands that draw, so `--json` never pays for rich. Text from the targets
file is always wrapped in `Text` (never parsed as markup) and stripped of control characters.
"""

from __future__ import annotations

import os
import sys

from rich import box
from rich.console import Console, Group, RenderableType
from rich.table import Table
from rich.text import Text

from lnrev import display
from lnrev.assess import Assessment, Verdict
from lnrev.bibliography import Bibliography
from lnrev.model import AnyTarget, AssessmentSettings
from lnrev.timeline import iso

VERDICT_STYLES = {
    Verdict.MET: "bold green",
    Verdict.ON_TRACK: "green",
    Verdict.ACCELERATION_NEEDED: "yellow",
    Verdict.LIMITED_PROGRESS: "dark_orange",
    Verdict.DETERIORATION: "red",
    Verdict.MISSED: "bold red",
    Verdict.INSUFFICIENT_DATA: "dim",
}
BAR_WIDTH = 10
PIPED_WIDTH = 240


def show(renderable: RenderableType) -> None:
    """Print to stdout: colour only on a terminal (never with NO_COLOR); piped output is plain
    text, as wide as it needs to be, without the padding rich adds at the ends of lines."""
    terminal = sys.stdout.isatty()
    console = Console(
        width=None if terminal else PIPED_WIDTH,
        no_color=bool(os.environ.get("NO_COLOR")) or None,
        highlight=False,
    )
    if terminal:
        console.print(renderable)
        return
    with console.capture() as captured:
        console.print(renderable)
    sys.stdout.write("".join(line.rstrip() + "\n" for line in captured.get().splitlines()))


def verdict_text(verdict: Verdict) -> Text:
    return Text(display.VERDICT_LABELS[verdict], style=VERDICT_STYLES[verdict])


def status_table(assessments: list[Assessment], caption: str) -> Table:
    """Every target in one table: where it is, where it must be, the paces, and the verdict."""
    table = Table(box=box.SIMPLE_HEAD, caption=caption, caption_justify="left", show_edge=False)
    table.add_column("Target")
    table.add_column("Latest", justify="right")
    table.add_column("Target by", justify="right")
    table.add_column("Gap", justify="right")
    table.add_column("Progress | time", no_wrap=True)
    table.add_column("Required", justify="right", no_wrap=True)
    table.add_column("Pace so far", justify="right", no_wrap=True)
    table.add_column("Projected", justify="right")
    table.add_column("Verdict", no_wrap=True)
    for a in assessments:
        unit = display.shown_unit(a)
        latest = Text(display.with_unit(a.latest.value, unit) if a.latest else "—")
        if a.latest:
            is_baseline = a.baseline is not None and a.latest.at == a.baseline.at
            latest.append(f"\n{iso(a.latest.at)}{' baseline' if is_baseline else ''}", style="dim")
        name = Text(display.plain(a.name))
        name.append(f"\n{a.id}", style="dim")
        if a.binding:
            name.append(" · binding", style="bold magenta")
        table.add_row(
            name,
            latest,
            Text(f"{display.with_unit(a.target.value, unit)}\n{iso(a.target.at)}"),
            Text(display.signed(a.measures.gap)),
            progress_bar(a),
            Text("—" if a.verdict is Verdict.MET else display.required_rate(a)),
            Text(display.actual_rate(a)),
            Text(display.with_unit(a.measures.projected, unit)),
            verdict_text(a.verdict),
        )
    return table


def progress_bar(assessment: Assessment) -> Text:
    """NDRC's "half the time, half the task" at a glance: a bar of the task done, both shares."""
    m = assessment.measures
    if m.progress is None:
        return Text("—")
    filled = round(max(0.0, min(1.0, m.progress)) * BAR_WIDTH)
    bar = Text()
    bar.append("█" * filled, style=VERDICT_STYLES[assessment.verdict])
    bar.append("░" * (BAR_WIDTH - filled), style="dim")
    bar.append(f" {display.percent(m.progress)} | {display.percent(m.time_elapsed)}")
    return bar


def status_view(assessments: list[Assessment], counts: dict[str, int], caption: str) -> Group:
    return Group(
        status_table(assessments, caption), Text(display.summary_line(counts), style="bold")
    )


def gap_view(assessment: Assessment, target: AnyTarget, settings: AssessmentSettings) -> Group:
    """One target in depth: the sentence, every number, the method, the history and expectations."""
    a = assessment
    title = Text(display.plain(a.name), style="bold")
    title.append(f"  ({a.id})", style="dim")
    kind = f"{a.kind} target, {'binding (约束性)' if a.binding else 'expected (预期性)'}"
    header = Text(kind, style="dim")
    if target.source is not None:
        header.append(f"\nsource: {display.source_text(target.source)}", style="dim")
    if target.note:
        header.append(f"\nnote: {display.plain(target.note)}", style="dim")
    verdict = Text("verdict: ")
    verdict.append_text(verdict_text(a.verdict))
    if a.note:
        verdict.append(f" ({display.plain(a.note)})", style="dim")
    return Group(
        title,
        header,
        verdict,
        Text(display.in_words(a)),
        Text(""),
        _measures_table(a),
        Text(_method_line(a, settings), style="dim"),
        Text(""),
        _history_table(a),
        *_expectations(target),
    )


def _measures_table(a: Assessment) -> Table:
    m, unit = a.measures, display.shown_unit(a)
    rows = [
        ("baseline", _reading(a.baseline, unit)),
        ("latest", _reading(a.latest, unit)),
        ("target", f"{display.with_unit(a.target.value, unit)} by {iso(a.target.at)}"),
        ("gap", display.signed(m.gap)),
        ("progress (task done)", display.percent(m.progress)),
        ("time elapsed", display.percent(m.time_elapsed)),
        ("years left", display.number(m.years_left)),
        ("pace so far", _both(m.actual_change_per_year, m.actual_growth_per_year, a)),
        ("required from now", _both(m.required_change_per_year, m.required_growth_per_year, a)),
        ("projected at the deadline", display.with_unit(m.projected, unit)),
        ("ratio", display.number(m.ratio)),
    ]
    table = Table(box=box.SIMPLE, show_header=False, show_edge=False, pad_edge=False)
    table.add_column(style="dim")
    table.add_column()
    for label, value in rows:
        table.add_row(label, Text(value))
    return table


def _both(change: float | None, growth: float | None, a: Assessment) -> str:
    linear = f"{display.signed(change)} {display.change_unit(a)}/yr" if change is not None else None
    compound = f"{display.signed(growth * 100)} %/yr" if growth is not None else None
    return " or ".join(part for part in (linear, compound) if part) or "—"


def _reading(reading, unit: str) -> str:
    if reading is None:
        return "—"
    return f"{display.with_unit(reading.value, unit)} at {iso(reading.at)}"


def _method_line(a: Assessment, settings: AssessmentSettings) -> str:
    if a.method is None:
        return "bound: every observation from its start to the deadline is checked against it"
    return (
        f"method: {a.method}; thresholds: on track >= {display.number(settings.on_track)},"
        f" acceleration needed >= {display.number(settings.acceleration_needed)},"
        f" limited progress >= {display.number(settings.limited_progress)}"
    )


def _listing(title: str, *columns: str) -> Table:
    """A titled list of dated values (observations, expectations), values right-aligned."""
    table = Table(title=title, title_justify="left", box=box.SIMPLE_HEAD, show_edge=False)
    for column in columns:
        table.add_column(column, justify="right" if column == "value" else "left")
    return table


def _history_table(a: Assessment) -> Table:
    table = _listing("Observations", "at", "value", "assessed", "source")
    for entry in a.history:
        table.add_row(
            iso(entry.at),
            display.with_unit(entry.value, display.shown_unit(a)),
            "yes" if entry.considered else "no",
            Text(display.source_text(entry.source)),
        )
    return table


def _expectations(target: AnyTarget) -> list[Table]:
    if not target.expectations:
        return []
    table = _listing("Official expectations (not assessed)", "at", "value", "note", "source")
    for expectation in target.expectations:
        table.add_row(
            iso(expectation.at),
            display.with_unit(expectation.value, target.unit),
            Text(display.plain(expectation.note or "")),
            Text(display.source_text(expectation.source)),
        )
    return [table]


def sources_view(bibliography: Bibliography, caption: str) -> Group:
    """Each source once, numbered, with what cites it; then whatever names no source."""
    table = Table(box=box.SIMPLE_HEAD, caption=caption, caption_justify="left", show_edge=False)
    table.add_column("#", justify="right")
    table.add_column("source")
    table.add_column("cited by")
    for number, reference in enumerate(bibliography.references, start=1):
        cited_by = "\n".join(display.citation_text(c) for c in reference.cited_by)
        table.add_row(str(number), Text(display.source_text(reference.source)), Text(cited_by))
    parts: list[RenderableType] = [table]
    if bibliography.unsourced:
        missing = ", ".join(display.citation_text(c) for c in bibliography.unsourced)
        parts.append(Text(f"no source: {missing}", style="bold yellow"))
    return Group(*parts)
