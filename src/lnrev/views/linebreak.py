"""Where a line of text may break, in English and in Chinese, measured in terminal cells.

A terminal line breaks at spaces; Chinese has none, so a renderer that only knows spaces either
cuts a Chinese phrase with "…" or folds it inside a word (`可能已实` / `现`). This module
follows the rules of Chinese typesetting (the Unicode line-breaking classes, simplified to what
lnrev writes): a line may break at a space, after a full-width punctuation mark (，：；。、）),
and, where a text may be broken inside its phrases (a name, never a verdict), between two CJK
characters, but never before a closing mark nor after an opening one (（). A number stays with
the unit or word that follows it ("+4.19 pp/yr", "≤ 5.5%", "45 % of GDP" keeps "45 %"), so a
figure is never split from what it counts.
"""

from __future__ import annotations

import re
import unicodedata
from enum import Enum

from rich.cells import cell_len

CLOSING = set("，。、：；\uff01\uff1f）」』】》〉”\u2019")
"""Marks a line may break after, and never before."""
OPENING = set("（「『【《〈“\u2018")
"""Marks a line never breaks after."""
_FIGURE = re.compile(r"\d")
"""A token that is a figure: it keeps the next token (its unit) on its line."""
_SIGN = re.compile(r"^[≤≥<>=~+\-\u2212]+$")
"""A comparison sign: it always keeps the figure that follows on its line."""


class Breaks(Enum):
    """Where a text may break."""

    NEVER = "never"
    """Not at all: an id, a date, a URL."""
    PHRASES = "phrases"
    """At spaces and after full-width punctuation: verdicts, captions, sentences."""
    CHARACTERS = "characters"
    """Also between CJK characters: names, where a long one must wrap."""


def _wide(char: str) -> bool:
    return unicodedata.east_asian_width(char) in "WF"


def units(text: str, breaks: Breaks, figures_kept: bool = True) -> list[str]:
    """The pieces `text` breaks into, each with the space that follows it (if any), such that
    joining them gives `text` back; a figure keeps its unit unless `figures_kept` is false."""
    if breaks is Breaks.NEVER or not text:
        return [text]
    pieces: list[str] = []
    current = ""
    for index, char in enumerate(text):
        current += char
        following = text[index + 1] if index + 1 < len(text) else ""
        if not following or following == " ":
            continue
        if char == " " or _breaks_between(char, following, breaks):
            pieces.append(current)
            current = ""
    if current:
        pieces.append(current)
    return _kept_with_next(pieces, figures_kept)


def _breaks_between(char: str, following: str, breaks: Breaks) -> bool:
    if following in CLOSING or char in OPENING:
        return False
    if char in CLOSING:
        return True
    return breaks is Breaks.CHARACTERS and _wide(char) and _wide(following)


def _kept_with_next(pieces: list[str], figures_kept: bool) -> list[str]:
    """The pieces with each sign joined to its figure, and each figure to its unit."""
    kept: list[str] = []
    glue = False
    for piece in pieces:
        if glue:
            kept[-1] += piece
        else:
            kept.append(piece)
        word = piece.strip()
        glue = piece.endswith(" ") and (
            bool(_SIGN.match(word)) or (figures_kept and bool(_FIGURE.search(word)))
        )
    return kept


def longest_unit(text: str, breaks: Breaks, figures_kept: bool = True) -> int:
    """The narrowest width `text` can be wrapped to without breaking a piece."""
    pieces = units(text, breaks, figures_kept)
    return max((cell_len(piece.rstrip(" ")) for piece in pieces), default=0)


def wrap(text: str, width: int, breaks: Breaks, figures_kept: bool = True) -> list[str]:
    """`text` in lines of at most `width` cells, broken only where `breaks` allows (a piece wider
    than the line, which only an id, a URL or a too-narrow width makes, stands alone)."""
    lines: list[str] = []
    line = ""
    for piece in units(text, breaks, figures_kept):
        if line and cell_len((line + piece).rstrip(" ")) > width:
            lines.append(line.rstrip(" "))
            line = ""
        line += piece
    lines.append(line.rstrip(" "))
    return lines
