"""The rich views: the status table of every target, the in-depth view of one, the sources.

Imported only by the commands that draw, so `--json` never pays for rich. Text from the targets
file is always wrapped in `Text` (never parsed as markup) and stripped of control characters.
"""

from __future__ import annotations

from rich import box
from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text

from lnrev.engine.results import Assessment
from lnrev.engine.rules import Rules
from lnrev.engine.timeline import iso
from lnrev.engine.verdicts import Caveat, Verdict
from lnrev.model.tables import Target
from lnrev.reports.bibliography import Bibliography
from lnrev.views import wording
from lnrev.views.environment import Environment

VERDICT_STYLES = {
    Verdict.MET: "bold green",
    Verdict.ON_TRACK: "green",
    Verdict.ACCELERATION_NEEDED: "yellow",
    Verdict.LIMITED_PROGRESS: "dark_orange",
    Verdict.DETERIORATION: "red",
    Verdict.MISSED: "bold red",
    Verdict.PENDING: "cyan",
    Verdict.INSUFFICIENT_DATA: "dim",
}
BAR_WIDTH = 10


def box_of(env: Environment) -> box.Box:
    return box.SIMPLE_HEAD if env.unicode else box.ASCII2


def verdict_text(a: Assessment) -> Text:
    """The verdict as the scheme names it (with a pending target's outlook), in its colour."""
    return Text(wording.verdict_words(a), style=VERDICT_STYLES[a.verdict])


def verdict_cell(a: Assessment) -> Text:
    """The verdict, and under it the marks of its caveats."""
    cell = verdict_text(a)
    if a.caveats:
        cell.append(f"\n{wording.caveat_marks(a)}", style="yellow")
    return cell


def latest_cell(a: Assessment) -> Text:
    """The latest value and its date; "baseline" when nothing has been observed since, and its
    age when it is stale."""
    unit = wording.shown_unit(a)
    if a.latest is None:
        return Text("—")
    cell = Text(wording.with_unit(a.latest.value, unit))
    is_baseline = a.baseline is not None and a.latest.at == a.baseline.at
    cell.append(f"\n{iso(a.latest.at)}{' baseline' if is_baseline else ''}", style="dim")
    if Caveat.STALE in a.caveats:
        cell.append(f"\n{wording.number(a.measures.data_age)} years old", style="bold yellow")
    return cell


def status_table(assessments: list[Assessment], caption: str, env: Environment) -> Table:
    """Every target in one table: where it is, where it must be, the paces, and the verdict."""
    table = Table(
        box=box_of(env),
        caption=Text(wording.plain(caption)),
        caption_justify="left",
        show_edge=False,
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
        unit = wording.shown_unit(a)
        name = Text(wording.plain(a.name))
        name.append(f"\n{a.id}", style="dim")
        if a.binding:
            name.append(" · binding", style="bold magenta")
        table.add_row(
            name,
            latest_cell(a),
            Text(f"{wording.with_unit(a.target.value, unit)}\n{iso(a.target.at)}"),
            Text(wording.signed(a.measures.gap)),
            progress_bar(a, bars=env.tty),
            Text(wording.required_rate(a)),
            Text(wording.actual_rate(a)),
            Text(wording.with_unit(a.measures.projected, unit)),
            verdict_cell(a),
        )
    return table


def progress_bar(assessment: Assessment, bars: bool) -> Text:
    """NDRC's "half the time, half the task" at a glance: a bar of the task done, both shares."""
    m = assessment.measures
    if m.progress is None:
        return Text("—")
    shares = f"{wording.percent(m.progress)} | {wording.percent(m.time_elapsed)}"
    if not bars:
        return Text(shares)
    filled = round(max(0.0, min(1.0, m.progress)) * BAR_WIDTH)
    bar = Text()
    bar.append("█" * filled, style=VERDICT_STYLES[assessment.verdict])
    bar.append("░" * (BAR_WIDTH - filled), style="dim")
    bar.append(f" {shares}")
    return bar


def status_view(
    assessments: list[Assessment], caption: str, rules: Rules, env: Environment
) -> Group:
    """The table, the summary line, and a legend of the caveat marks it shows."""
    summary = Text(wording.summary_line(assessments), style="bold")
    return Group(
        status_table(assessments, caption, env), summary, *caveat_legend(assessments, rules)
    )


def caveat_legend(assessments: list[Assessment], rules: Rules) -> list[Text]:
    shown = {caveat for a in assessments for caveat in a.caveats}
    return [
        Text(f"{wording.CAVEAT_MARKS[caveat]}: {wording.caveat_legend(caveat, rules)}", style="dim")
        for caveat in Caveat
        if caveat in shown
    ]


def gap_view(
    assessment: Assessment,
    target: Target,
    rules: Rules,
    env: Environment,
    chart: bool,
) -> Group:
    """One target in depth: the sentence, every number, the method, the history and expectations."""
    a = assessment
    title = Text(wording.plain(a.name), style="bold")
    title.append(f"  ({a.id})", style="dim")
    kind = f"{a.kind} target, {'binding (约束性)' if a.binding else 'not marked binding'}"
    header = Text(kind, style="dim")
    if target.source is not None:
        header.append(f"\nsource: {wording.source_text(target.source)}", style="dim")
    if target.note:
        header.append(f"\nnote: {wording.plain(target.note)}", style="dim")
    verdict = Text("verdict: ")
    verdict.append_text(verdict_text(a))
    if a.note:
        verdict.append(f" ({wording.plain(a.note)})", style="dim")
    caveats = [
        Text(f"caveat: {wording.caveat_sentence(a, caveat, rules)}", style="yellow")
        for caveat in a.caveats
    ]
    return Group(
        title,
        header,
        verdict,
        Text(wording.in_words(a)),
        *caveats,
        Text(""),
        _measures_table(a, env),
        Text(_method_line(a, rules), style="dim"),
        Text(""),
        *_chart(a, env, chart),
        _history_table(a, env),
        *_expectations(target, env),
    )


def _chart(a: Assessment, env: Environment, wanted: bool) -> list[Text]:
    """The trajectory drawn with plotext: only where box and braille characters can be written."""
    if not wanted or not env.unicode:
        return []
    from lnrev.views import plot
    from lnrev.views.chart import chart_of

    width = min(env.width or 90, 100) if env.tty else 90
    drawing = plot.render(chart_of(a), width=width, height=18, colour=env.colour)
    return [Text.from_ansi(drawing) if env.colour else Text(drawing), Text("")]


def _measures_table(a: Assessment, env: Environment) -> Table:
    table = Table(
        box=box_of(env), show_header=False, show_edge=False, pad_edge=False, show_lines=False
    )
    table.add_column(style="dim")
    table.add_column()
    for label, value in wording.measure_rows(a):
        table.add_row(label, Text(value))
    return table


def _method_line(a: Assessment, rules: Rules) -> str:
    if a.method is None:
        return "bound: every observation from its start to the deadline is checked against it"
    bands = rules.thresholds
    return (
        f"method: {a.method}; scheme: {rules.scheme.name}; thresholds: on track >="
        f" {wording.number(bands.on_track)}, acceleration needed >="
        f" {wording.number(bands.acceleration_needed)}, limited progress >="
        f" {wording.number(bands.limited_progress)}"
    )


def _listing(title: str, env: Environment, *columns: str) -> Table:
    """A titled list of dated values (observations, expectations), values right-aligned."""
    table = Table(title=title, title_justify="left", box=box_of(env), show_edge=False)
    for column in columns:
        table.add_column(column, justify="right" if column == "value" else "left")
    return table


def _history_table(a: Assessment, env: Environment) -> Table:
    table = _listing("Observations", env, "at", "value", "assessed", "source")
    for entry in a.history:
        table.add_row(
            iso(entry.at),
            wording.with_unit(entry.value, wording.shown_unit(a)),
            "yes" if entry.considered else "no",
            Text(wording.source_text(entry.source)),
        )
    return table


def _expectations(target: Target, env: Environment) -> list[Table]:
    if not target.expectations:
        return []
    table = _listing("Official expectations (not assessed)", env, "at", "value", "note", "source")
    for expectation in target.expectations:
        table.add_row(
            iso(expectation.at),
            wording.with_unit(expectation.value, target.unit),
            Text(wording.plain(expectation.note or "")),
            Text(wording.source_text(expectation.source)),
        )
    return [table]


def sources_view(bibliography: Bibliography, caption: str, env: Environment) -> Group:
    """Each source once, numbered, with what cites it; then whatever names no source."""
    table = Table(
        box=box_of(env),
        caption=Text(wording.plain(caption)),
        caption_justify="left",
        show_edge=False,
    )
    table.add_column("#", justify="right")
    table.add_column("source")
    table.add_column("cited by")
    for number, reference in enumerate(bibliography.references, start=1):
        cited_by = "\n".join(wording.citation_text(c) for c in reference.cited_by)
        table.add_row(str(number), Text(wording.source_text(reference.source)), Text(cited_by))
    parts: list[RenderableType] = [table]
    if bibliography.unsourced:
        missing = ", ".join(wording.citation_text(c) for c in bibliography.unsourced)
        parts.append(Text(f"no source: {missing}", style="bold yellow"))
    return Group(*parts)
