"""The terminal as an input: everything a view needs to know about where its output goes.

Built once per command (`Environment.of_process()`) and passed down, so that no renderer asks
stdout or the terminal itself, and tests hand in whatever terminal they want to see through.
"""

from __future__ import annotations

import os
import shutil
import sys
from typing import NamedTuple, TextIO

from lnrev.errors import OutputClosed

BOX_AND_BARS = "─█░●—·“”→≤≥"
"""The characters the table views draw with, beyond ASCII."""


COLOR_CHOICES = ("auto", "always", "never")
"""`--color`: as the environment says (below), or always, or never."""


def wants_colour(color: str, tty: bool, environ: dict[str, str] | os._Environ[str]) -> bool:
    """Colour as `--color` asks; for `auto`, NO_COLOR (no-color.org) turns it off, else
    FORCE_COLOR or CLICOLOR_FORCE (other than 0) turn it on even in a pipe, else colour only on
    a terminal. NO_COLOR wins over the two: a reader who asks for no colour gets none."""
    if color != "auto":
        return color == "always"
    if environ.get("NO_COLOR"):
        return False
    if any(environ.get(name, "0") not in ("", "0") for name in ("FORCE_COLOR", "CLICOLOR_FORCE")):
        return True
    return tty


class Environment(NamedTuple):
    """Where output goes: colour and bars only on a terminal (colour as `wants_colour` says), box
    characters only where the output's encoding can write them, and the terminal's width."""

    tty: bool
    colour: bool
    unicode: bool
    width: int | None = None
    """The columns to draw within: the terminal's, or COLUMNS when set; None when the output is
    not a terminal and COLUMNS is not set (then as wide as its content, never cut)."""
    encoding: str = "utf-8"
    raw_text: bool = False
    """CSV text cells exactly as in the file, even those a spreadsheet would run as formulas."""
    decimals: int | None = None
    """CSV numbers rounded to this many decimals (`--round`); None: every digit, as in JSON."""
    lang: str = "en"
    """The language people are spoken to in (`views.language`): --lang, else LNREV_LANG."""
    stdout: TextIO | None = None
    """None: the process's stdout at the moment of writing."""

    @classmethod
    def of_process(cls, color: str = "auto") -> Environment:
        stdout = sys.stdout
        tty = stdout.isatty()
        encoding = getattr(stdout, "encoding", None) or "ascii"
        try:
            BOX_AND_BARS.encode(encoding)
            unicode = True
        except (UnicodeEncodeError, LookupError):
            unicode = False
        return cls(
            tty=tty,
            colour=wants_colour(color, tty, os.environ),
            unicode=unicode,
            width=shutil.get_terminal_size().columns if tty else _columns(),
            encoding=encoding,
            lang=os.environ.get("LNREV_LANG", "en"),
        )

    @property
    def utf(self) -> bool:
        return self.encoding.lower().replace("-", "").startswith("utf")

    def write(self, text: str) -> None:
        """Write text as the output's encoding allows: what it cannot encode (a Chinese name
        where the encoding is Latin-1) is written as an escape (\\u4e2d), never lost."""
        stream = self.stdout or sys.stdout
        if not self.utf:
            text = text.encode(self.encoding, "backslashreplace").decode(self.encoding)
        try:
            stream.write(text)
        except BrokenPipeError:
            raise OutputClosed from None


def _columns() -> int | None:
    """COLUMNS, when it is set to a sensible width."""
    value = os.environ.get("COLUMNS", "")
    return int(value) if value.isdigit() and 20 <= int(value) <= 100_000 else None


REPORT = Environment(tty=True, colour=True, unicode=True)
"""How an exported view is drawn: as on a colour terminal, whatever stdout is."""
