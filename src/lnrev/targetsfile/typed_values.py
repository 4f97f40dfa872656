"""Values a person types (on the command line, in a CSV cell), read the way the file reads them.

Each reader raises ValueError with the complaint in the analyst's words; the caller adds where the
value came from (an option name, a CSV line).
"""

from __future__ import annotations

import math
import re
from datetime import date

from lnrev.engine.timeline import FIRST_YEAR, LAST_YEAR, Point

_YEAR = re.compile(r"[0-9]{4}")
"""A typed year has four ASCII digits: "24" could mean 1924 or 2024, and is refused."""


def read_point(text: str) -> Point:
    """A year (2025, its end) or an ISO date (2024-06-30)."""
    text = text.strip()
    if _YEAR.fullmatch(text) and FIRST_YEAR <= int(text) <= LAST_YEAR:
        return int(text)
    return _iso_date(text, "expected a year (2025) or a date (2024-06-30)")


def read_date(text: str) -> date:
    """An ISO date (2024-07-16)."""
    return _iso_date(text.strip(), "expected a date (2024-07-16)")


def read_number(text: str) -> float:
    """A finite number in ASCII digits (50.5, -2.7, 1e3); other scripts' digits are refused, as
    TOML refuses them."""
    try:
        if not text.isascii():
            raise ValueError
        number = float(text.strip())
    except ValueError:
        raise ValueError(f"expected a number, got {text!r}") from None
    if not math.isfinite(number):
        raise ValueError(f"expected a finite number, got {text!r}")
    return number


def _iso_date(text: str, expected: str) -> date:
    if len(text) == 10:  # YYYY-MM-DD only, not the compact forms fromisoformat also takes
        try:
            return date.fromisoformat(text)
        except ValueError:
            pass
    raise ValueError(f"{expected}, got {text!r}")
