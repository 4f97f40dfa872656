"""How much of the status table a terminal of a given width shows.

The whole table needs about 160 columns. Below that, what matters least gives way first
(`GIVES_WAY`): the bar, then the name wraps narrower, then the dates under Latest and Target,
the age note, progress | time, pace so far, projected and the chance of meeting the target.
The id, gap, required rate and verdict (the answer lnrev exists for) always stay; where even
they do not fit side by side, the table gives way to one block per target that still says all
four. The caption names what was left out, and `--wide` (or a wider terminal) shows
everything. Output that is not a terminal, and has no COLUMNS to follow, is never narrowed.
"""

from __future__ import annotations

from typing import NamedTuple

from lnrev.engine.results import Assessment
from lnrev.views.language import Language
from lnrev.views.status_table import (
    COLUMNS,
    GUTTER,
    TARGET,
    Column,
    Shown,
    cell_lines,
    header_line,
    narrowest_width,
    natural_width,
)

DETAILS = frozenset({"dates", "age"})
GIVES_WAY = ("bar", "name", "dates", "age", "progress", "pace", "projected", "chance")
"""What a narrowing terminal gives up, in order: a detail of the cells, or a whole column."""
LEFT_OUT_AS = {
    "bar": "the bar",
    "dates": "the dates",
    "age": "the age note",
    "progress": "progress | time",
    "pace": "pace so far",
    "projected": "projected",
    "chance": "chance",
}
"""How the caption names what was left out (a narrower name is not left out)."""
EXPANDS_FIRST = ("target", "verdict", "latest", "target_by", "projected")


class Layout(NamedTuple):
    columns: tuple[Column, ...]
    """The columns shown; none for one block per target."""
    shown: Shown
    widths: tuple[int, ...] | None = None
    """Each column's width (None: as wide as its content)."""
    left_out: tuple[str, ...] = ()


def table_width(widths: tuple[int, ...]) -> int:
    """A table's width: its columns, and a gutter between each two."""
    return sum(widths) + GUTTER * (len(widths) - 1)


def choose_layout(
    assessments: list[Assessment],
    lang: Language,
    width: int | None,
    tty: bool,
    chosen: tuple[Column, ...] | None = None,
) -> Layout:
    """The fullest layout that fits `width` (everything when it is None); `chosen` columns
    (--columns) are all kept, only their details give way."""
    full = Shown(bars=tty, details=DETAILS)
    if width is None:
        return Layout(chosen or COLUMNS, full)
    given_up: list[str] = []
    for step in (None, *GIVES_WAY):
        if step is not None:
            given_up.append(step)
        columns, shown = _after(given_up, full, chosen)
        widths = _fitted(columns, assessments, shown, lang, width, squeeze=False)
        if widths is not None:
            return Layout(columns, shown, widths, _left_out(given_up, tty))
    for squeezed in (shown, shown._replace(figures_kept=False)):
        widths = _fitted(columns, assessments, squeezed, lang, width, squeeze=True)
        if widths is not None:
            return Layout(columns, squeezed, widths, _left_out(given_up, tty))
    if chosen:
        return Layout(columns, shown, None, _left_out(given_up, tty))
    return Layout((), shown, None, ("table",))


def _after(
    given_up: list[str], full: Shown, chosen: tuple[Column, ...] | None
) -> tuple[tuple[Column, ...], Shown]:
    shown = Shown(
        bars=full.bars and "bar" not in given_up,
        details=full.details - set(given_up),
        narrow_names="name" in given_up,
    )
    if chosen:
        return chosen, shown
    return tuple(c for c in COLUMNS if c.essential or c.key not in given_up), shown


def _fitted(
    columns: tuple[Column, ...],
    assessments: list[Assessment],
    shown: Shown,
    lang: Language,
    width: int,
    squeeze: bool,
) -> tuple[int, ...] | None:
    """Each column's width, if the table fits in `width`: every column at its comfortable width
    (at its narrowest when squeezed), then the room left given back where it reads best."""
    sizes = [_sizes(column, assessments, shown, lang) for column in columns]
    widths = [size.least if squeeze else size.start for size in sizes]
    if table_width(tuple(widths)) > width:
        return None
    room = width - table_width(tuple(widths))
    for keys, how in GROWTH:
        order = sorted(range(len(columns)), key=lambda i: _expand_rank(columns[i]))
        for index in order:
            if keys and columns[index].key not in keys:
                continue
            grown = min(max(widths[index], _wanted(sizes[index], how)), widths[index] + room)
            room -= grown - widths[index]
            widths[index] = grown
    return tuple(widths)


class Sizes(NamedTuple):
    least: int
    """The narrowest it can be in this layout."""
    kept: int
    """The narrowest with every figure beside its unit."""
    start: int
    """Its comfortable width."""
    natural: int
    """Every line on one line."""
    comfortable: int | None


def _sizes(column: Column, assessments: list[Assessment], shown: Shown, lang: Language) -> Sizes:
    lines = [header_line(column, lang)] + [
        line for a in assessments for line in cell_lines(column, a, lang, shown)
    ]
    floor = _name_floor(column, lines)
    least = max(narrowest_width(lines, shown.figures_kept), floor)
    kept = max(narrowest_width(lines), floor)
    natural = max(natural_width(lines), kept)
    comfortable = _comfortable(column, shown)
    if comfortable == 0:
        start = kept
    else:
        start = natural if comfortable is None else min(natural, max(kept, comfortable))
    return Sizes(least, kept, start, natural, comfortable)


GROWTH = (
    (("gap", "required"), "kept"),
    (("verdict",), "comfortable"),
    (("latest", "target_by"), "kept"),
    (("target", "name"), "comfortable"),
    (("gap", "required"), "natural"),
    (("latest", "target_by"), "natural"),
    (EXPANDS_FIRST, "natural"),
    ((), "natural"),
)
"""Where the room left over goes, in turn: figures beside their units in gap and required, the
verdict, the same in latest and target, the name, then gap and required on one line, latest and
target, and the rest (() is every column)."""


def _wanted(size: Sizes, how: str) -> int:
    if how == "comfortable":
        return min(size.natural, max(size.kept, size.comfortable or size.natural))
    return getattr(size, how)


def _comfortable(column: Column, shown: Shown) -> int | None:
    if column is TARGET and shown.narrow_names:
        return 0
    return column.comfortable


def _name_floor(column: Column, lines: list) -> int:
    """A name wraps no narrower than 16 cells (or its own width), whatever the ids."""
    if column.key not in ("target", "name"):
        return 0
    return min(16, natural_width([line for line in lines if line.detail == "name"]))


def _expand_rank(column: Column) -> int:
    return EXPANDS_FIRST.index(column.key) if column.key in EXPANDS_FIRST else len(EXPANDS_FIRST)


def _left_out(given_up: list[str], tty: bool) -> tuple[str, ...]:
    return tuple(step for step in given_up if step in LEFT_OUT_AS and (tty or step != "bar"))


def left_out_note(layout: Layout, lang: Language, width: int | None) -> str:
    """ " · left out at 80 columns: the dates, pace so far (--wide, or a wider terminal, shows
    them)"."""
    if not layout.left_out:
        return ""
    names = ["the table"] if not layout.columns else [LEFT_OUT_AS[k] for k in layout.left_out]
    shown = lang.say("list").join(lang.say(name) for name in names)
    return lang.say("left out", width=width, names=shown)
