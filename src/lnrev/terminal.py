"""The rich views: the status table of every target and the in-depth view of one.

Imported only by the commands that draw, so `--json` never pays for rich. Text from the targets
file is always wrapped in `Text` (never parsed as markup) and stripped of control characters.
"""

from __future__ import annotations

import io
import os
import shutil
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from rich import box
from rich.console import Console, Group, RenderableType
from rich.table import Table
from rich.text import Text

from lnrev import display
from lnrev.assess import Assessment, Verdict
from lnrev.bibliography import Bibliography
from lnrev.errors import BadInput
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
UNBOUNDED = 100_000  # piped output is as wide as its content: never wrapped or cut short
ASCII_FALLBACK = str.maketrans(
    {"—": "-", "·": "|", "“": '"', "”": '"', "█": "#", "░": ".", "●": "o"}
)


@dataclass(frozen=True)
class Screen:
    """What stdout can show: colour and bars only on a terminal (and never with NO_COLOR), box
    characters only where its encoding can write them."""

    tty: bool
    colour: bool
    unicode: bool

    @property
    def box(self) -> box.Box:
        return box.SIMPLE_HEAD if self.unicode else box.ASCII2


REPORT = Screen(tty=True, colour=True, unicode=True)
"""How an exported view is drawn: as on a colour terminal, whatever stdout is."""


def screen() -> Screen:
    tty = sys.stdout.isatty()
    encoding = getattr(sys.stdout, "encoding", None) or "ascii"
    try:
        "─█░●—·“”".encode(encoding)
        unicode = True
    except (UnicodeEncodeError, LookupError):
        unicode = False
    return Screen(tty=tty, colour=tty and not os.environ.get("NO_COLOR"), unicode=unicode)


def show(renderable: RenderableType, where: Screen) -> None:
    """Print a view to stdout as `where` allows: without colour no escape code at all (rich's
    no_color would still send bold and dim)."""
    console = Console(
        width=None if where.tty else UNBOUNDED,
        color_system="auto" if where.colour else None,
        highlight=False,
        legacy_windows=False,
    )
    if where.tty and where.unicode:
        console.print(renderable)
        return
    with console.capture() as captured:
        console.print(renderable)
    text = "".join(line.rstrip() + "\n" for line in captured.get().splitlines())
    if not where.unicode:
        encoding = getattr(sys.stdout, "encoding", None) or "ascii"
        text = text.translate(ASCII_FALLBACK).encode(encoding, "replace").decode(encoding)
    sys.stdout.write(text)


def present(build: Callable[[Screen], RenderableType], show_it: bool, export: Path | None) -> None:
    """Print a view for this stdout if asked, and save it as drawn for a report if asked."""
    if show_it:
        where = screen()
        show(build(where), where)
    if export is not None:
        save(build(REPORT), export)


def save(renderable: RenderableType, path: Path) -> None:
    """Save a view, in colour at its natural width, as SVG or HTML (rich's console export)."""
    measuring = Console(width=UNBOUNDED, file=io.StringIO())
    width = min(measuring.measure(renderable).maximum, 240)
    recorder = Console(width=width, record=True, file=io.StringIO(), force_terminal=True)
    recorder.print(renderable)
    try:
        if path.suffix.lower() == ".svg":
            recorder.save_svg(str(path), title="lnrev")
        else:
            recorder.save_html(str(path))
    except OSError as error:
        raise BadInput([f"{path}: cannot write the export ({error.strerror or error})"]) from None


def verdict_text(verdict: Verdict) -> Text:
    return Text(display.VERDICT_LABELS[verdict], style=VERDICT_STYLES[verdict])


def status_table(assessments: list[Assessment], caption: str, where: Screen) -> Table:
    """Every target in one table: where it is, where it must be, the paces, and the verdict."""
    table = Table(
        box=where.box, caption=Text(display.plain(caption)), caption_justify="left", show_edge=False
    )
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
            progress_bar(a, bars=where.tty),
            Text(display.required_rate(a)),
            Text(display.actual_rate(a)),
            Text(display.with_unit(a.measures.projected, unit)),
            verdict_text(a.verdict),
        )
    return table


def progress_bar(assessment: Assessment, bars: bool) -> Text:
    """NDRC's "half the time, half the task" at a glance: a bar of the task done, both shares."""
    m = assessment.measures
    if m.progress is None:
        return Text("—")
    shares = f"{display.percent(m.progress)} | {display.percent(m.time_elapsed)}"
    if not bars:
        return Text(shares)
    filled = round(max(0.0, min(1.0, m.progress)) * BAR_WIDTH)
    bar = Text()
    bar.append("█" * filled, style=VERDICT_STYLES[assessment.verdict])
    bar.append("░" * (BAR_WIDTH - filled), style="dim")
    bar.append(f" {shares}")
    return bar


def status_view(
    assessments: list[Assessment], counts: dict[str, int], caption: str, where: Screen
) -> Group:
    summary = Text(display.summary_line(counts), style="bold")
    return Group(status_table(assessments, caption, where), summary)


def gap_view(
    assessment: Assessment,
    target: AnyTarget,
    settings: AssessmentSettings,
    where: Screen,
    chart: bool,
) -> Group:
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
        _measures_table(a, where),
        Text(_method_line(a, settings), style="dim"),
        Text(""),
        *_chart(a, where, chart),
        _history_table(a, where),
        *_expectations(target, where),
    )


def _chart(a: Assessment, where: Screen, wanted: bool) -> list[Text]:
    """The trajectory drawn with plotext: only where box and braille characters can be written."""
    if not wanted or not where.unicode:
        return []
    from lnrev import plot
    from lnrev.trajectory import chart_of

    width = min(shutil.get_terminal_size().columns, 100) if where.tty else 90
    drawing = plot.render(chart_of(a), width=width, height=18, colour=where.colour)
    return [Text.from_ansi(drawing) if where.colour else Text(drawing), Text("")]


def _measures_table(a: Assessment, where: Screen) -> Table:
    table = Table(
        box=where.box, show_header=False, show_edge=False, pad_edge=False, show_lines=False
    )
    table.add_column(style="dim")
    table.add_column()
    for label, value in display.measure_rows(a):
        table.add_row(label, Text(value))
    return table


def _method_line(a: Assessment, settings: AssessmentSettings) -> str:
    if a.method is None:
        return "bound: every observation from its start to the deadline is checked against it"
    return (
        f"method: {a.method}; thresholds: on track >= {display.number(settings.on_track)},"
        f" acceleration needed >= {display.number(settings.acceleration_needed)},"
        f" limited progress >= {display.number(settings.limited_progress)}"
    )


def _listing(title: str, where: Screen, *columns: str) -> Table:
    """A titled list of dated values (observations, expectations), values right-aligned."""
    table = Table(title=title, title_justify="left", box=where.box, show_edge=False)
    for column in columns:
        table.add_column(column, justify="right" if column == "value" else "left")
    return table


def _history_table(a: Assessment, where: Screen) -> Table:
    table = _listing("Observations", where, "at", "value", "assessed", "source")
    for entry in a.history:
        table.add_row(
            iso(entry.at),
            display.with_unit(entry.value, display.shown_unit(a)),
            "yes" if entry.considered else "no",
            Text(display.source_text(entry.source)),
        )
    return table


def _expectations(target: AnyTarget, where: Screen) -> list[Table]:
    if not target.expectations:
        return []
    table = _listing("Official expectations (not assessed)", where, "at", "value", "note", "source")
    for expectation in target.expectations:
        table.add_row(
            iso(expectation.at),
            display.with_unit(expectation.value, target.unit),
            Text(display.plain(expectation.note or "")),
            Text(display.source_text(expectation.source)),
        )
    return [table]


def sources_view(bibliography: Bibliography, caption: str, where: Screen) -> Group:
    """Each source once, numbered, with what cites it; then whatever names no source."""
    table = Table(
        box=where.box, caption=Text(display.plain(caption)), caption_justify="left", show_edge=False
    )
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
