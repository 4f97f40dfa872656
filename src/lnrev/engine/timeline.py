"""Points in time and the decimal-year clock every duration is measured on (contract section 1).

A point in a targets file is either a year (`2025`, meaning the END of that year, as a Five-Year
Plan's "by 2025" does) or a calendar date. All arithmetic runs on decimal time, so that year-ends
are whole years apart and a mid-year statistical release sits at its true fraction of the year.
"""

from __future__ import annotations

import calendar
import functools
from datetime import date

Point = int | date
"""A year (its last day) or a date, exactly as written in the targets file."""

FIRST_YEAR, LAST_YEAR = 1, 9999
"""The years a point may name: those whose last day Python's dates can hold."""


def as_date(point: Point) -> date:
    """The calendar date a point stands for: a year Y is the date Y-12-31."""
    if isinstance(point, date):
        return point
    return date(point, 12, 31)


@functools.cache
def decimal_year(point: Point) -> float:
    """t(d) = d.year + day_of_year(d) / days_in_year(d.year).

    2023-12-31 gives 2024.0 and 2024-06-30 gives 2024 + 182/366, so a year Y gives Y + 1.
    Cached: a file of thousands of targets names only a few hundred points in time.
    """
    day = as_date(point)
    days_in_year = 366 if calendar.isleap(day.year) else 365
    return day.year + day.timetuple().tm_yday / days_in_year


def iso(point: Point) -> str:
    """The ISO date a point is written as in JSON: a year Y is "Y-12-31"."""
    return as_date(point).isoformat()


def as_written(value: int | str | date) -> str:
    """A source's date as precise as it was written: 2022, 2023-02 or 2024-04-23."""
    return value.isoformat() if isinstance(value, date) else str(value)
