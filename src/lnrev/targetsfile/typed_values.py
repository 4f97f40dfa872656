"""Values a person types (on the command line, in a CSV cell), read the way the file reads them.

Each reader raises ValueError with the complaint in the analyst's words; the caller adds where the
value came from (an option name, a CSV line).
"""

from __future__ import annotations

import calendar
import math
import re
from datetime import date, timedelta

from lnrev.engine.timeline import FIRST_YEAR, LAST_YEAR, Point, as_date

_YEAR = re.compile(r"[0-9]{4}")
"""A typed year has four ASCII digits: "24" could mean 1924 or 2024, and is refused."""


def read_point(text: str) -> Point:
    """A year (2025, its end) or an ISO date (2024-06-30)."""
    text = text.strip()
    if _YEAR.fullmatch(text) and FIRST_YEAR <= int(text) <= LAST_YEAR:
        return int(text)
    return _iso_date(text, "expected a year (2025) or a date (2024-06-30)")


_MONTH = re.compile(r"([0-9]{4})-([0-9]{2})")
_QUARTER = re.compile(r"([0-9]{4})-[Qq]([1-4])")
DAYS_BACK = {"today": 0, "yesterday": 1}
"""The days people name by a word, as days before today."""


def read_when(text: str, today: date) -> Point:
    """A point as people type it: a year (2025, its end), a date (2024-06-30), a month (2025-06)
    or a quarter (2025-Q2) meaning its last day, as a year means its end, `today` or
    `yesterday`. A month or a quarter is a date, so the contract's time rules hold unchanged."""
    text = text.strip()
    if text.lower() in DAYS_BACK:
        return today - timedelta(days=DAYS_BACK[text.lower()])
    month, quarter = _MONTH.fullmatch(text), _QUARTER.fullmatch(text)
    if month and 1 <= int(month[2]) <= 12 and int(month[1]) >= FIRST_YEAR:
        return _last_day(int(month[1]), int(month[2]))
    if quarter and int(quarter[1]) >= FIRST_YEAR:
        return _last_day(int(quarter[1]), 3 * int(quarter[2]))
    try:
        return read_point(text)
    except ValueError:
        raise ValueError(
            "expected a year (2025), a date (2024-06-30), a month (2025-06), a quarter (2025-Q2),"
            f" today or yesterday, got {text!r}"
        ) from None


def read_day(text: str, today: date) -> date:
    """The date a point typed as `read_when` reads it stands for (a year is its last day)."""
    return as_date(read_when(text, today))


def read_published(text: str, today: date) -> date:
    """A publication date: an ISO date, `today` or `yesterday`."""
    word = text.strip().lower()
    if word in DAYS_BACK:
        return today - timedelta(days=DAYS_BACK[word])
    try:
        return read_date(text)
    except ValueError:
        raise ValueError(
            f"expected a date (2024-07-16), today or yesterday, got {text!r}"
        ) from None


def _last_day(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


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
