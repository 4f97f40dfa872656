"""Which columns of the status table a terminal of a given width shows.

The full table needs about 190 columns. Below that, the least important columns are left out
first (the bar, then projected, pace so far, required, gap and progress), so that every row keeps
what matters: which target it is, its latest value and date, its target and deadline, and its
verdict. Where even those do not fit, the table gives way to one block per target. The caption says
what was left out, and `--wide` (or a wider terminal) shows everything. Output that is not a
terminal, and has no COLUMNS to follow, is never narrowed.
"""

from __future__ import annotations

from typing import NamedTuple

from rich.cells import cell_len

from lnrev.engine.results import Assessment
from lnrev.views.environment import Environment
from lnrev.views.language import LANGUAGES
from lnrev.views.terminal import COLUMNS, Column

LEFT_OUT_FIRST = ("bar", "projected", "pace", "required", "gap", "progress")
"""The order in which a narrow terminal leaves the optional columns out."""


class Layout(NamedTuple):
    columns: tuple[Column, ...]
    """The columns shown; none for one block per target."""
    bars: bool
    left_out: tuple[str, ...]
    widths: tuple[int, ...] | None = None
    """Each column's width in a narrowed table (None: as wide as its content)."""


def choose_layout(assessments: list[Assessment], env: Environment) -> Layout:
    """The widest layout that fits `env.width` (all of it when the width is unbounded)."""
    bars = env.tty
    if env.width is None:
        return Layout(COLUMNS, bars, ())
    for count in range(len(LEFT_OUT_FIRST) + 1):
        left_out = LEFT_OUT_FIRST[:count]
        columns = tuple(column for column in COLUMNS if column.key not in left_out)
        shows_bars = bars and "bar" not in left_out
        widths = tuple(_column_width(column, assessments, shows_bars, env) for column in columns)
        if table_width(widths) <= env.width:
            return Layout(columns, shows_bars, left_out if bars else left_out[1:], widths)
    return Layout((), False, LEFT_OUT_FIRST[1:])


def table_width(widths: tuple[int, ...]) -> int:
    """The width of a table with these column widths: one space of padding on each side of a
    cell, and one between columns."""
    return sum(widths) + 3 * len(widths) - 1


def _column_width(
    column: Column, assessments: list[Assessment], bars: bool, env: Environment
) -> int:
    """Its natural width, or its comfortable width if it wraps, but never less than its longest
    word (an id, a date, a number): those are never broken."""
    lang = LANGUAGES[env.lang]
    lines = [lang.say(column.header)] + [
        line for a in assessments for line in column.cell(a, bars, lang).plain.split("\n")
    ]
    natural = max(cell_len(line) for line in lines)
    if column.comfortable is None:
        return natural
    longest_word = max(_unbreakable(word) for line in lines for word in line.split())
    return max(longest_word, min(natural, column.comfortable))


def _unbreakable(word: str) -> int:
    """The width a word needs on one line: all of it, unless it is written in CJK characters,
    which a line may break between."""
    return cell_len(word) if word.isascii() else 2


def left_out_note(layout: Layout, env: Environment) -> str:
    """ "; left out at 80 columns: ... (--wide, or a wider terminal, shows them)"."""
    if not layout.left_out:
        return ""
    lang = LANGUAGES[env.lang]
    names = ["the bar" if key == "bar" else _named(key) for key in layout.left_out]
    if not layout.columns:
        names = ["the table"]
    shown = lang.say("list").join(lang.say(name) for name in names)
    return lang.say("left out", width=env.width, names=shown)


def _named(key: str) -> str:
    return next(column.left_out_as for column in COLUMNS if column.key == key)
