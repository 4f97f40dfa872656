"""The status table: every target's gap, required rate and verdict, at any width.

A reader opens `lnrev status` to learn, for each target, how far it is (gap), how fast it must
go (required) and whether it is on track (verdict). Those columns, with the id that names the
target, are never left out. The rest gives way, least important first, as the terminal narrows
(`layout.choose_layout`): the bar, then the name wraps narrower under the id, the dates under
Latest and Target, the age note, progress | time, pace so far, projected and the chance of
meeting the target (the trend's probability, contract section 11). Every cell is
broken into lines here (`views.linebreak`), so that a Chinese phrase is never cut or broken
inside a word, and an id, a date or a figure with its unit is never broken at all.

`--columns` chooses and orders the columns by name (`COLUMN_NAMES`).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import NamedTuple

from rich import box
from rich.cells import cell_len
from rich.table import Table
from rich.text import Text

from lnrev.engine.results import Assessment
from lnrev.engine.timeline import iso
from lnrev.engine.verdicts import Caveat, Verdict
from lnrev.views import wording
from lnrev.views.language import Language
from lnrev.views.linebreak import Breaks, longest_unit, wrap

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
GUTTER = 2
"""Spaces between two columns."""


class Line(NamedTuple):
    """One line of a cell: its text, its style, where it may break, and the detail it belongs to
    (None: always shown; "dates", "age": left out as the terminal narrows; "name": the name,
    which wraps)."""

    text: str
    style: str = ""
    breaks: Breaks = Breaks.NEVER
    detail: str | None = None


class Shown(NamedTuple):
    """What a layout shows of each cell: the bar, the details not left out, and whether names
    wrap as narrow as the ids."""

    bars: bool
    details: frozenset[str]
    narrow_names: bool = False
    figures_kept: bool = True
    """False in the narrowest table: a figure's unit may go to the next line ("79.25" /
    "years")."""


Cell = Callable[[Assessment, Language, bool], list[Line]]


class Column(NamedTuple):
    """A column of the status table: its header, how it aligns, how a row fills it, and how
    wide it likes to be when it wraps (None: as wide as its widest line)."""

    key: str
    header: str
    cell: Cell
    justify: str = "left"
    comfortable: int | None = None
    essential: bool = False
    """Never left out: the id, gap, required and verdict."""


def _id_lines(a: Assessment, lang: Language) -> list[Line]:
    lines = [Line(a.id, "bold")]
    if a.binding:
        lines.append(Line(lang.say("binding"), "bold magenta", Breaks.PHRASES))
    return lines


def _name_lines(a: Assessment, lang: Language) -> list[Line]:
    return [Line(wording.one_line(wording.name_in(a, lang)), "", Breaks.CHARACTERS, "name")]


def target_cell(a: Assessment, lang: Language, bars: bool) -> list[Line]:
    """The id (and "binding"), then the name, which wraps under it."""
    return _id_lines(a, lang) + [line._replace(style="dim") for line in _name_lines(a, lang)]


def latest_cell(a: Assessment, lang: Language, bars: bool) -> list[Line]:
    """The latest figure and its date, and its age when it is stale; "—" with "no figure since
    the baseline" when nothing has been observed since the baseline."""
    if a.latest is None:
        return [Line("—")]
    if wording.only_baseline(a):
        since = lang.say("no figure since", base=wording.point_words(a.baseline.at))
        return [Line("—"), Line(since, "dim", Breaks.PHRASES, "dates")]
    lines = [
        Line(wording.with_unit(a.latest.value, wording.shown_unit(a)), "", Breaks.PHRASES),
        Line(iso(a.latest.at), "dim", detail="dates"),
    ]
    if Caveat.STALE in a.caveats:
        age = lang.say("years old", years=wording.number(a.measures.data_age))
        lines.append(Line(age, "bold yellow", Breaks.PHRASES, "age"))
    return lines


def goal_cell(a: Assessment, lang: Language, bars: bool) -> list[Line]:
    """The target value (a bound as "≤ 5.5%") and its deadline."""
    return [
        Line(wording.goal_value(a), "", Breaks.PHRASES),
        Line(iso(a.target.at), "dim", detail="dates"),
    ]


def gap_cell(a: Assessment, lang: Language, bars: bool) -> list[Line]:
    return [Line(wording.gap_with_unit(a), "", Breaks.PHRASES)]


def required_cell(a: Assessment, lang: Language, bars: bool) -> list[Line]:
    return [Line(wording.required_rate(a), "", Breaks.PHRASES)]


def pace_cell(a: Assessment, lang: Language, bars: bool) -> list[Line]:
    return [Line(wording.actual_rate(a), "", Breaks.PHRASES)]


def projected_cell(a: Assessment, lang: Language, bars: bool) -> list[Line]:
    projected = wording.with_unit(a.measures.projected, wording.shown_unit(a))
    return [Line(projected, "", Breaks.PHRASES)]


def chance_cell(a: Assessment, lang: Language, bars: bool) -> list[Line]:
    """The probability that the deadline's figure meets the target, on the straight-line trend
    (contract section 11): "57%", or "—" where there is no trend to judge by."""
    trend = a.trend
    if trend is None or trend.probability is None:
        return [Line("—")]
    return [Line(wording.percent(trend.probability))]


def progress_cell(a: Assessment, lang: Language, bars: bool) -> list[Line]:
    return [Line(wording.percent(a.measures.progress))]


def time_cell(a: Assessment, lang: Language, bars: bool) -> list[Line]:
    return [Line(wording.percent(a.measures.time_elapsed))]


def progress_time_cell(a: Assessment, lang: Language, bars: bool) -> list[Line]:
    """NDRC's "half the time, half the task": the share of the task done against the share of
    the time gone, and in a terminal a bar of the first."""
    m = a.measures
    if m.progress is None:
        return [Line("—")]
    shares = f"{wording.percent(m.progress)} | {wording.percent(m.time_elapsed)}"
    if not bars:
        return [Line(shares)]
    filled = round(max(0.0, min(1.0, m.progress)) * BAR_WIDTH)
    return [Line("█" * filled + "░" * (BAR_WIDTH - filled) + " " + shares, "bar")]


def verdict_cell(a: Assessment, lang: Language, bars: bool) -> list[Line]:
    """The verdict as the scheme names it, the marks of its caveats, and for a missed bound the
    figure that breached it."""
    lines = [Line(wording.verdict_words(a, lang), VERDICT_STYLES[a.verdict], Breaks.PHRASES)]
    if a.caveats:
        lines.append(Line(wording.caveat_marks(a, lang), "yellow", Breaks.PHRASES))
    breach = wording.breach_words(a, lang)
    if breach:
        lines.append(Line(breach, "red", Breaks.PHRASES))
    return lines


TARGET = Column("target", "Target", target_cell, comfortable=30, essential=True)
COLUMNS = (
    TARGET,
    Column("latest", "Latest", latest_cell, "right", comfortable=12),
    Column("target_by", "Target by", goal_cell, "right", comfortable=12),
    Column("gap", "Gap", gap_cell, "right", essential=True),
    Column("progress", "Progress | time", progress_time_cell),
    Column("required", "Required", required_cell, "right", essential=True),
    Column("pace", "Pace so far", pace_cell, "right"),
    Column("projected", "Projected", projected_cell, "right", comfortable=12),
    Column("chance", "Chance", chance_cell, "right"),
    Column("verdict", "Verdict", verdict_cell, comfortable=20, essential=True),
)
"""The table as it is drawn by default, in order."""

CHOSEN = {
    "id": Column("id", "Id", lambda a, lang, bars: _id_lines(a, lang)),
    "name": Column("name", "Name", lambda a, lang, bars: _name_lines(a, lang), comfortable=30),
    "latest": COLUMNS[1],
    "target": COLUMNS[2]._replace(header="Target"),
    "gap": COLUMNS[3],
    "progress": Column("progress", "Progress", progress_cell, "right"),
    "time": Column("time", "Time", time_cell, "right"),
    "required": COLUMNS[5],
    "pace": COLUMNS[6],
    "projected": COLUMNS[7],
    "chance": COLUMNS[8],
    "verdict": COLUMNS[9],
}
"""The columns `--columns` may name, each on its own."""
COLUMN_NAMES = tuple(CHOSEN)


def cell_lines(column: Column, a: Assessment, lang: Language, shown: Shown) -> list[Line]:
    """The lines of a cell that a layout shows."""
    return [
        line
        for line in column.cell(a, lang, shown.bars)
        if line.detail in (None, "name") or line.detail in shown.details
    ]


def header_line(column: Column, lang: Language) -> Line:
    return Line(lang.say(column.header))


def natural_width(lines: list[Line]) -> int:
    return max((cell_len(line.text) for line in lines), default=0)


def narrowest_width(lines: list[Line], figures_kept: bool = True) -> int:
    return max((longest_unit(line.text, line.breaks, figures_kept) for line in lines), default=0)


def drawn(lines: list[Line], width: int | None, shown: Shown, style_of_bar: str) -> Text:
    """A cell's lines as one Text, each wrapped to `width` where it may break."""
    cell = Text()
    for line in lines:
        if width is None:
            pieces = [line.text]
        else:
            pieces = wrap(line.text, width, line.breaks, shown.figures_kept)
        for piece in pieces:
            if cell:
                cell.append("\n")
            if line.style == "bar":
                _append_bar(cell, piece, style_of_bar)
            else:
                cell.append(piece, style=line.style)
    return cell


def _append_bar(cell: Text, text: str, style: str) -> None:
    bar, shares = text[:BAR_WIDTH], text[BAR_WIDTH:]
    filled = bar.count("█")
    cell.append(bar[:filled], style=style)
    cell.append(bar[filled:], style="dim")
    cell.append(shares)


def status_table(
    assessments: list[Assessment],
    columns: tuple[Column, ...],
    widths: tuple[int, ...] | None,
    shown: Shown,
    lang: Language,
    table_box: box.Box,
) -> Table:
    """The rows of every target in the columns and widths a layout chose (None: as wide as
    their content)."""
    table = Table(box=table_box, show_edge=False, pad_edge=False, padding=(0, GUTTER - 1, 0, 0))
    sized = widths or (None,) * len(columns)
    for column, width in zip(columns, sized, strict=True):
        table.add_column(
            lang.say(column.header),
            justify=column.justify,
            no_wrap=True,
            overflow="ignore",
            min_width=width,
            max_width=width,
        )
    for a in assessments:
        style = VERDICT_STYLES[a.verdict]
        table.add_row(
            *(
                drawn(cell_lines(column, a, lang, shown), width, shown, style)
                for column, width in zip(columns, sized, strict=True)
            )
        )
    return table


def status_cards(assessments: list[Assessment], lang: Language, width: int) -> list[Text]:
    """One block per target, for a terminal too narrow for columns: the id, gap, required rate
    and verdict first, then the name and where the target is and must be."""
    cards = []
    for a in assessments:
        card = Text(a.id, style="bold")
        if a.binding:
            card.append(f" · {lang.say('binding')}", style="bold magenta")
        numbers = lang.say(
            "card numbers", gap=wording.gap_with_unit(a), required=wording.required_rate(a)
        )
        _append_wrapped(card, numbers, width, "")
        _append_wrapped(card, wording.verdict_words(a, lang), width, VERDICT_STYLES[a.verdict])
        if a.caveats:
            _append_wrapped(card, wording.caveat_marks(a, lang), width, "yellow")
        breach = wording.breach_words(a, lang)
        if breach:
            _append_wrapped(card, breach, width, "red")
        name = wording.one_line(wording.name_in(a, lang))
        _append_wrapped(card, name, width, "dim", Breaks.CHARACTERS)
        _append_wrapped(card, wording.position_words(a, lang), width, "dim")
        cards.append(card)
    return cards


def _append_wrapped(
    card: Text, text: str, width: int, style: str, breaks: Breaks = Breaks.PHRASES
) -> None:
    for piece in wrap(text, width - 2, breaks):
        card.append(f"\n  {piece}", style=style)
