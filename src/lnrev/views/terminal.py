"""The rich views: the status table of every target, the in-depth view of one, the sources.

Imported only by the commands that draw, so `--json` never pays for rich. Text from the targets
file is always wrapped in `Text` (never parsed as markup) and stripped of control characters.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich import box
from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text

from lnrev.engine.results import Assessment
from lnrev.engine.rules import Rules
from lnrev.engine.timeline import iso
from lnrev.engine.verdicts import Caveat
from lnrev.model.tables import Target
from lnrev.reports.bibliography import Bibliography
from lnrev.views import wording
from lnrev.views.environment import Environment
from lnrev.views.language import LANGUAGES, Language
from lnrev.views.linebreak import Breaks, wrap
from lnrev.views.status_table import VERDICT_STYLES

if TYPE_CHECKING:  # types only: the reports of history and changes load the file model
    from lnrev.reports.over_time import Changes, Timeline


def box_of(env: Environment) -> box.Box:
    return box.SIMPLE_HEAD if env.unicode else box.ASCII2


def verdict_text(a: Assessment, lang: Language) -> Text:
    """The verdict as the scheme names it (with a pending target's outlook), in its colour."""
    return Text(wording.verdict_words(a, lang), style=VERDICT_STYLES[a.verdict], overflow="fold")


def status_view(
    assessments: list[Assessment],
    caption: str,
    rules: Rules,
    env: Environment,
    columns: tuple[str, ...] | None = None,
) -> Group:
    """The table (or, where even its essential columns do not fit, one block per target), the
    caption, the summary line, and a legend of the caveat marks it shows."""
    from lnrev.views.layout import choose_layout, left_out_note
    from lnrev.views.status_table import CHOSEN, status_cards, status_table

    lang = LANGUAGES[env.lang]
    chosen = tuple(CHOSEN[key] for key in columns) if columns else None
    layout = choose_layout(assessments, lang, env.width, env.tty, chosen)
    if any(a.kind == "bound" for a in assessments):
        caption += lang.say("bound gap note")
    caption += left_out_note(layout, lang, env.width)
    summary = Text(wording.summary_line(assessments, lang), style="bold")
    legend = [_wrapped(line, env, "dim") for line in caveat_legend(assessments, rules, lang)]
    under = [_wrapped(caption, env), summary, *legend]
    if not layout.columns:
        return Group(*status_cards(assessments, lang, env.width or 80), *under)
    table = status_table(
        assessments, layout.columns, layout.widths, layout.shown, lang, box_of(env)
    )
    return Group(table, *under)


def nothing_matched(file_label: str, filters: str, env: Environment) -> Text:
    """ "no target in targets.toml matches --binding", instead of an empty table."""
    lang = LANGUAGES[env.lang]
    return _wrapped(lang.say("nothing matched", file=file_label, filters=filters), env, "bold")


def _wrapped(text: str, env: Environment, style: str = "", indent: int = 0, first: int = 0) -> Text:
    """A line of words wrapped to the terminal as Chinese and English allow (never inside a
    Chinese word, never before a full-width mark), its first line indented by `first` spaces
    and the others by `indent`."""
    text = wording.plain(text)
    if env.width is None:
        return Text(" " * first + text, style=style)
    lines = wrap(text, max(env.width - indent, 20), Breaks.PHRASES)
    shown = [" " * first + lines[0], *(" " * indent + line for line in lines[1:])]
    return Text("\n".join(shown), style=style, no_wrap=True, overflow="ignore")


def caveat_legend(assessments: list[Assessment], rules: Rules, lang: Language) -> list[str]:
    """A line for each caveat mark the rows show: what it means."""
    shown = {caveat for a in assessments for caveat in a.caveats}
    return [
        f"{lang.say(caveat.value)}: {wording.caveat_legend(caveat, rules, lang)}"
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
    outlook = [
        Text(sentence)
        for sentence in (wording.trend_words(a, lang), wording.reached_by_words(a, lang))
        if sentence
    ]
    return Group(
        title,
        *header,
        verdict,
        Text(wording.in_words(a, lang)),
        *outlook,
        *caveats,
        Text(""),
        _measures_table(a, env, lang),
        Text(wording.method_line(a, rules, lang), style="dim"),
        Text(""),
        *_methods_table(a, env, lang),
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

    width = min(env.width or 90, 100)
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


def _methods_table(a: Assessment, env: Environment, lang: Language) -> list[RenderableType]:
    """The verdict under each published method, with its ratio and projection (section 10)."""
    if not a.methods:
        return []
    table = Table(
        title=lang.say("By method"), title_justify="left", box=box_of(env), show_edge=False
    )
    for column in wording.METHOD_COLUMNS:
        numeric = column in ("col ratio", "col projected")
        table.add_column(lang.say(column), justify="right" if numeric else "left")
    for row in wording.method_rows(a, lang):
        table.add_row(*(Text(value) for value in row))
    return [table, Text("")]


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
            Text(wording.with_unit(entry.value, wording.shown_unit(a))),
            *recorded,
            lang.say("yes" if entry.considered else "no"),
            Text(sources.number(entry.source)),
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
            Text(wording.with_unit(expectation.value, target.unit)),
            Text(wording.plain(expectation.note or "")),
            Text(sources.number(expectation.source)),
        )
    return [table]


def rows_view(
    columns: tuple[str, ...], rows: list[tuple[str, ...]], caption: str, env: Environment
) -> Table:
    """A plain table of words (history, changes), its caption under it."""
    lang = LANGUAGES[env.lang]
    table = Table(
        box=box_of(env),
        caption=Text(wording.plain(caption)),
        caption_justify="left",
        show_edge=False,
    )
    for column in columns:
        table.add_column(lang.say(column), justify="right" if column == "col ratio" else "left")
    for row in rows:
        table.add_row(*(Text(wording.plain(value)) for value in row))
    return table


def history_view(timeline: Timeline, caption: str, env: Environment) -> Group:
    """`lnrev history`: the story in sentences, one per date (wrapped under the date), then the
    target's verdict on each date it could have changed as a table."""
    lang = LANGUAGES[env.lang]
    story = [_wrapped(line, env, indent=12) for line in wording.history_story(timeline, lang)]
    rows = wording.history_rows(timeline, lang)
    return Group(*story, Text(""), rows_view(wording.HISTORY_COLUMNS, rows, caption, env))


def changes_view(found: Changes, caption: str, env: Environment) -> RenderableType:
    """`lnrev changes`: each target that changed, before and after, and why."""
    lang = LANGUAGES[env.lang]
    if not found.changes:
        return Group(Text(wording.no_changes(found, lang)), Text(wording.plain(caption)))
    rows = wording.changes_rows(found, lang)
    return rows_view(wording.CHANGES_COLUMNS, rows, caption, env)


def sources_view(bibliography: Bibliography, caption: str, env: Environment) -> Group:
    """Each source once, numbered, with what cites it; then whatever names no source. A list,
    not a table: a title wraps between words and a URL stands whole on a line of its own, at any
    width (a terminal may fold it, but nothing is cut)."""
    parts: list[RenderableType] = []
    for number, reference in enumerate(bibliography.references, start=1):
        source = f"[{number}] {wording.source_text(reference.source, with_url=False)}"
        parts.append(_wrapped(source, env, "bold", indent=len(f"[{number}] ")))
        url = wording.source_url(reference.source)
        if url:
            parts.append(unbroken(f"    {url}", "dim"))
        cited_by = "; ".join(wording.citation_text(c) for c in reference.cited_by)
        parts.append(_wrapped(f"cited by: {cited_by}", env, indent=4, first=4))
    if bibliography.unsourced:
        missing = ", ".join(wording.citation_text(c) for c in bibliography.unsourced)
        parts.append(_wrapped(f"no source: {missing}", env, "bold yellow"))
    parts.append(_wrapped(caption, env, "dim"))
    return Group(*parts)
