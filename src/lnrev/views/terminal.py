"""The rich views: the status table of every target, the in-depth view of one, the sources.

Imported only by the commands that draw, so `--json` never pays for rich. Text from the targets
file is always wrapped in `Text` (never parsed as markup) and stripped of control characters.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, NamedTuple

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
from lnrev.views.language import LANGUAGES, Language

if TYPE_CHECKING:
    from lnrev.views.layout import Layout

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


def verdict_text(a: Assessment, lang: Language) -> Text:
    """The verdict as the scheme names it (with a pending target's outlook), in its colour."""
    return Text(wording.verdict_words(a, lang), style=VERDICT_STYLES[a.verdict], overflow="fold")


def verdict_cell(a: Assessment, lang: Language) -> Text:
    """The verdict, and under it the marks of its caveats."""
    cell = verdict_text(a, lang)
    if a.caveats:
        cell.append(f"\n{wording.caveat_marks(a, lang)}", style="yellow")
    return cell


def latest_cell(a: Assessment, lang: Language) -> Text:
    """The latest value and its date; "baseline" when nothing has been observed since, and its
    age when it is stale."""
    unit = wording.shown_unit(a)
    if a.latest is None:
        return Text("—")
    cell = Text(wording.with_unit(a.latest.value, unit))
    is_baseline = a.baseline is not None and a.latest.at == a.baseline.at
    mark = f" {lang.say('baseline')}" if is_baseline else ""
    cell.append(f"\n{iso(a.latest.at)}{mark}", style="dim")
    if Caveat.STALE in a.caveats:
        age = lang.say("years old", years=wording.number(a.measures.data_age))
        cell.append(f"\n{age}", style="bold yellow")
    return cell


def target_cell(a: Assessment, lang: Language) -> Text:
    """The target's name, then its id (and "binding")."""
    cell = Text(wording.one_line(a.name))
    cell.append(f"\n{a.id}", style="dim")
    if a.binding:
        cell.append(f" · {lang.say('binding')}", style="bold magenta")
    return cell


def goal_cell(a: Assessment) -> Text:
    return Text(f"{wording.with_unit(a.target.value, wording.shown_unit(a))}\n{iso(a.target.at)}")


def projected_cell(a: Assessment) -> Text:
    return Text(wording.with_unit(a.measures.projected, wording.shown_unit(a)))


class Column(NamedTuple):
    """A column of the status table: its header, how it aligns, and how a row fills it."""

    key: str
    header: str
    cell: Callable[[Assessment, bool, Language], Text]
    justify: str = "left"
    no_wrap: bool = False
    comfortable: int | None = None
    """The width it may be narrowed to, wrapping its text at spaces (None: it never wraps)."""
    left_out_as: str = ""
    """How the caption names the column when a narrow terminal leaves it out."""


COLUMNS = (
    Column("target", "Target", lambda a, bars, lang: target_cell(a, lang), comfortable=24),
    Column("latest", "Latest", lambda a, bars, lang: latest_cell(a, lang), "right", comfortable=13),
    Column("target_by", "Target by", lambda a, bars, lang: goal_cell(a), "right", comfortable=12),
    Column("gap", "Gap", lambda a, bars, lang: Text(wording.signed(a.measures.gap)), "right",
           left_out_as="gap"),
    Column("progress", "Progress | time", lambda a, bars, lang: progress_bar(a, bars), no_wrap=True,
           left_out_as="progress | time"),
    Column("required", "Required", lambda a, bars, lang: Text(wording.required_rate(a)), "right",
           no_wrap=True, left_out_as="required"),
    Column("pace", "Pace so far", lambda a, bars, lang: Text(wording.actual_rate(a)), "right",
           no_wrap=True, left_out_as="pace so far"),
    Column("projected", "Projected", lambda a, bars, lang: projected_cell(a), "right",
           left_out_as="projected"),
    Column("verdict", "Verdict", lambda a, bars, lang: verdict_cell(a, lang), comfortable=20),
)  # fmt: skip


def status_table(
    assessments: list[Assessment], caption: str, env: Environment, layout: Layout
) -> Table:
    lang = LANGUAGES[env.lang]
    """Every target in one table: where it is, where it must be, the paces, and the verdict,
    with the columns that fit the terminal."""
    table = Table(
        box=box_of(env),
        caption=Text(wording.plain(caption)),
        caption_justify="left",
        show_edge=False,
    )
    widths = layout.widths or (None,) * len(layout.columns)
    for column, width in zip(layout.columns, widths, strict=True):
        wraps = width is not None and column.comfortable is not None
        table.add_column(
            lang.say(column.header),
            justify=column.justify,
            no_wrap=column.no_wrap,
            min_width=width if wraps else None,
            max_width=width if wraps and column.key != "target" else None,
        )
    for a in assessments:
        table.add_row(*(column.cell(a, layout.bars, lang) for column in layout.columns))
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
    """The table (or, where even its essential columns do not fit, one block per target), the
    summary line, and a legend of the caveat marks it shows."""
    from lnrev.views.layout import choose_layout, left_out_note

    lang = LANGUAGES[env.lang]
    summary = Text(wording.summary_line(assessments, lang), style="bold")
    legend = caveat_legend(assessments, rules, lang)
    layout = choose_layout(assessments, env)
    caption = caption + left_out_note(layout, env)
    if layout.columns:
        return Group(status_table(assessments, caption, env, layout), summary, *legend)
    cards = status_cards(assessments, lang)
    return Group(*cards, Text(wording.plain(caption)), summary, *legend)


def status_cards(assessments: list[Assessment], lang: Language) -> list[Text]:
    """One block per target, for a terminal too narrow for columns: the id and name, then where
    it is and where it must be, then the verdict and its caveats."""
    cards = []
    for a in assessments:
        card = Text(a.id, style="bold")
        if a.binding:
            card.append(f" · {lang.say('binding')}", style="bold magenta")
        card.append(f" · {wording.one_line(a.name)}")
        card.append(f"\n  {wording.position_words(a, lang)}")
        card.append("\n  ")
        card.append_text(verdict_text(a, lang))
        if a.caveats:
            card.append(f" · {wording.caveat_marks(a, lang)}", style="yellow")
        cards.append(card)
    return cards


def caveat_legend(assessments: list[Assessment], rules: Rules, lang: Language) -> list[Text]:
    shown = {caveat for a in assessments for caveat in a.caveats}
    return [
        Text(f"{lang.say(caveat.value)}: {wording.caveat_legend(caveat, rules, lang)}", style="dim")
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
    lang = LANGUAGES[env.lang]
    title = Text(wording.one_line(a.name), style="bold")
    title.append(f"  ({a.id})", style="dim")
    kind = lang.say("kind binding" if a.binding else "kind not binding", kind=a.kind)
    header = [Text(kind, style="dim")]
    if target.source is not None:
        source = wording.source_text(target.source, with_url=False)
        header.append(Text(lang.say("source:", source=source), style="dim"))
        url = wording.source_url(target.source)
        if url:
            header.append(unbroken(f"        {url}", "dim"))
    if target.note:
        header.append(Text(lang.say("note:", note=wording.plain(target.note)), style="dim"))
    verdict = Text(lang.say("verdict:"))
    verdict.append_text(verdict_text(a, lang))
    if a.note:
        verdict.append(f" ({wording.plain(a.note)})", style="dim")
    caveats = [
        Text(lang.say("caveat:", caveat=wording.caveat_sentence(a, caveat, rules, lang)), "yellow")
        for caveat in a.caveats
    ]
    sources = SourceNumbers()
    return Group(
        title,
        *header,
        verdict,
        Text(wording.in_words(a, lang)),
        *caveats,
        Text(""),
        _measures_table(a, env, lang),
        Text(wording.method_line(a, rules, lang), style="dim"),
        Text(""),
        *_chart(a, env, chart),
        _history_table(a, env, sources, lang),
        *_expectations(target, env, sources, lang),
        *sources.listing(lang),
    )


def unbroken(text: str, style: str = "") -> Text:
    """A line never wrapped or cut, such as a URL: a terminal may fold it, but it stays whole."""
    return Text(text, style=style, no_wrap=True, overflow="ignore")


class SourceNumbers:
    """The sources of a target's figures, numbered in order of first citation, so that a table
    cites "[1]" and the source, with its URL whole, is listed once below."""

    def __init__(self) -> None:
        self.sources: list = []

    def number(self, source) -> str:
        if source is None:
            return "—"
        if source not in self.sources:
            self.sources.append(source)
        return f"[{self.sources.index(source) + 1}]"

    def listing(self, lang: Language) -> list[Text]:
        if not self.sources:
            return []
        lines = [Text(lang.say("Sources"), style="bold")]
        for number, source in enumerate(self.sources, start=1):
            lines.append(Text(f"[{number}] {wording.source_text(source, with_url=False)}"))
            url = wording.source_url(source)
            if url:
                lines.append(unbroken(f"    {url}", "dim"))
        return lines


def _chart(a: Assessment, env: Environment, wanted: bool) -> list[Text]:
    """The trajectory drawn with plotext: only where box and braille characters can be written."""
    if not wanted or not env.unicode:
        return []
    from lnrev.views import plot
    from lnrev.views.chart import chart_of

    width = min(env.width or 90, 100) if env.tty else 90
    drawing = plot.render(chart_of(a), width=width, height=18, colour=env.colour)
    return [Text.from_ansi(drawing) if env.colour else Text(drawing), Text("")]


def _measures_table(a: Assessment, env: Environment, lang: Language) -> Table:
    table = Table(
        box=box_of(env), show_header=False, show_edge=False, pad_edge=False, show_lines=False
    )
    table.add_column(style="dim")
    table.add_column()
    for label, value in wording.measure_rows(a, lang):
        table.add_row(label, Text(value))
    return table


def _listing(title: str, env: Environment, lang: Language, *columns: str) -> Table:
    """A titled list of dated values (observations, expectations), values right-aligned."""
    table = Table(title=lang.say(title), title_justify="left", box=box_of(env), show_edge=False)
    for column in columns:
        table.add_column(lang.say(column), justify="right" if column == "value" else "left")
    return table


def _history_table(
    a: Assessment, env: Environment, sources: SourceNumbers, lang: Language
) -> Table:
    """Every observation: its value on the reporting scale, as recorded where that differs
    (a yoy, a rate), whether it was assessed, and its source's number."""
    as_recorded = any(set(entry.recorded) - {"value"} for entry in a.history)
    columns = ["at", "value", *(["recorded"] if as_recorded else []), "assessed", "source"]
    table = _listing("Observations", env, lang, *columns)
    for index, entry in enumerate(a.history):
        recorded = [Text(wording.recorded_text(a, index))] if as_recorded else []
        table.add_row(
            iso(entry.at),
            wording.with_unit(entry.value, wording.shown_unit(a)),
            *recorded,
            lang.say("yes" if entry.considered else "no"),
            sources.number(entry.source),
        )
    return table


def _expectations(
    target: Target, env: Environment, sources: SourceNumbers, lang: Language
) -> list[Table]:
    if not target.expectations:
        return []
    title = "Official expectations (not assessed)"
    table = _listing(title, env, lang, "at", "value", "note", "source")
    for expectation in target.expectations:
        table.add_row(
            iso(expectation.at),
            wording.with_unit(expectation.value, target.unit),
            Text(wording.plain(expectation.note or "")),
            sources.number(expectation.source),
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
