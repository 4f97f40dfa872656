"""Decimal time, contract section 1."""

from datetime import date

import pytest

from lnrev.engine.timeline import as_date, decimal_year, iso


@pytest.mark.parametrize(
    ("point", "expected"),
    [
        (date(2023, 12, 31), 2024.0),  # 2023 + 365/365
        (date(2024, 6, 30), 2024 + 182 / 366),  # 31+29+31+30+31+30 = 182 days of a leap year
        (date(2024, 2, 29), 2024 + 60 / 366),
        (date(2023, 1, 1), 2023 + 1 / 365),
        (date(2024, 12, 31), 2025.0),  # 366/366
        (2025, 2026.0),  # a year is its last day
        (2020, 2021.0),
    ],
)
def test_decimal_year(point, expected):
    assert decimal_year(point) == pytest.approx(expected, abs=1e-12)


def test_year_ends_are_whole_years_apart():
    assert decimal_year(2025) - decimal_year(2020) == 5.0
    assert decimal_year(date(2025, 12, 31)) - decimal_year(2020) == 5.0


def test_a_year_is_written_as_its_last_day():
    assert as_date(2025) == date(2025, 12, 31)
    assert iso(2025) == "2025-12-31"
    assert iso(date(2024, 6, 30)) == "2024-06-30"
