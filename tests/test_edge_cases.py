"""Numerical edge cases (issue 7): each is assessed as the contract says, and never crashes."""

import json
from datetime import date

import pytest
from typer.testing import CliRunner

from lnrev.cli import app
from lnrev.engine.verdicts import Outlook, Verdict

TOL = 1e-9
BEFORE_DEADLINE = date(2025, 6, 30)  # before the 2025 deadlines: a pace still earns a band


def level(observations: str, value: float = 50, by: str = "2025", extra: str = "") -> str:
    return f"""
        [targets.t]
        name = "t"
        target = {{ value = {value}, by = {by} }}
        {extra}
        observations = [{observations}]
    """


@pytest.mark.parametrize("method", ["compound", "unsd"])
@pytest.mark.parametrize(
    ("v_b", "v_l", "V"), [(0, 5, 10), (-5, 5, 10), (5, 0, 10), (5, -1, 10), (5, 8, 0), (5, 8, -3)]
)
def test_zero_and_negative_values_with_compound_methods(assess_text, method, v_b, v_l, V):
    a = assess_text(
        level(
            f"{{ at = 2020, value = {v_b} }}, {{ at = 2023, value = {v_l} }}",
            V,
            extra=f'method = "{method}"',
        ),
        BEFORE_DEADLINE,
    )
    m = a.measures
    positive = v_b > 0 and v_l > 0
    assert (m.actual_growth_per_year is None) == (not positive)
    assert m.gap == pytest.approx(V - v_l, abs=TOL)  # the level numbers still stand
    if method == "unsd" and positive:
        # the projection at the CAGR exists; the contract nulls the unsd ratio only if it does not
        projected = v_l * (v_l / v_b) ** (2 / 3)
        assert m.ratio == pytest.approx((projected - v_b) / (V - v_b), abs=TOL)
    else:
        assert m.ratio is None  # no compound rate through or from zero or below
    reached = (1 if v_b <= V else -1) * (v_l - V) >= 0
    if reached:
        assert a.verdict is Verdict.MET
    elif m.ratio is None:
        assert a.verdict is Verdict.INSUFFICIENT_DATA
        assert a.note == f"the {method} method needs positive values"


def test_baseline_equal_to_target(assess_text):
    a = assess_text(level("{ at = 2020, value = 50 }, { at = 2023, value = 48 }"), BEFORE_DEADLINE)
    assert a.measures.progress is None and a.measures.ratio is None
    assert (
        a.verdict is Verdict.INSUFFICIENT_DATA
        and a.note == "the baseline already equals the target"
    )


def test_a_single_observation(assess_text):
    a = assess_text(level("{ at = 2023, value = 45 }"), BEFORE_DEADLINE)
    assert a.baseline == a.latest
    assert a.measures.required_change_per_year == pytest.approx(5 / 2, abs=TOL)
    assert a.measures.actual_change_per_year is None
    assert a.verdict is Verdict.INSUFFICIENT_DATA


def test_a_deadline_already_passed_without_data_at_it(assess_text):
    # deadline end 2022, last figure end 2021, assessed on 2026-11-23: pending, and the pace so
    # far (4 a year) projects 44 + 4 = 48 at the deadline, short of 50
    a = assess_text(level("{ at = 2020, value = 40 }, { at = 2021, value = 44 }", by="2022"))
    assert a.measures.years_left == pytest.approx(2023 - (2026 + 327 / 365), abs=TOL)
    assert a.measures.ratio == pytest.approx(4 / (10 / 2), abs=TOL)
    assert a.measures.projected == pytest.approx(48, abs=TOL)
    assert a.verdict is Verdict.PENDING and a.outlook is Outlook.LIKELY_MISSED


def test_a_deadline_passed_with_data_at_it(assess_text):
    a = assess_text(level("{ at = 2020, value = 40 }, { at = 2022, value = 44 }", by="2022"))
    assert a.verdict is Verdict.MISSED


def test_as_of_before_all_data(assess_text):
    a = assess_text(level("{ at = 2020, value = 40 }, { at = 2023, value = 46 }"), date(2000, 1, 1))
    assert a.latest is None and a.verdict is Verdict.INSUFFICIENT_DATA


def test_observations_after_the_deadline(assess_text):
    a = assess_text(
        level("{ at = 2020, value = 40 }, { at = 2024, value = 45 }, { at = 2030, value = 90 }")
    )
    assert a.latest.value == 45 and not a.history[-1].considered


def test_leap_day(assess_text):
    # 2024-02-29 is day 60 of 366; 2024-12-31 is t = 2025.0
    a = assess_text(
        level("{ at = 2024-02-29, value = 40 }, { at = 2024-12-31, value = 41 }", by="2025")
    )
    elapsed = 2025.0 - (2024 + 60 / 366)
    assert a.measures.actual_change_per_year == pytest.approx(1 / elapsed, abs=TOL)


def test_observations_one_day_apart(assess_text):
    a = assess_text(
        level("{ at = 2024-06-29, value = 40 }, { at = 2024-06-30, value = 40.01 }"),
        BEFORE_DEADLINE,
    )
    pace = 0.01 * 366  # 0.01 in 1/366 of a year
    assert a.measures.actual_change_per_year == pytest.approx(pace, abs=1e-6)
    t_b = 2024 + 181 / 366
    assert a.measures.ratio == pytest.approx(pace / (10 / (2026 - t_b)), abs=1e-6)  # 0.55
    assert a.verdict is Verdict.LIMITED_PROGRESS  # 0 <= 0.55 < 0.6


def test_a_baseline_very_close_to_its_target_reports_the_ratio_as_it_is(assess_text):
    # even pace (50.01 - 50) / 5 = 0.002 a year; pace (49.656 - 50) / 1 = -0.344: ratio -172
    a = assess_text(
        level("{ at = 2020, value = 50 }, { at = 2021, value = 49.656 }", value=50.01),
        BEFORE_DEADLINE,
    )
    assert a.measures.ratio == pytest.approx(-172.0, rel=1e-9)
    assert a.verdict is Verdict.DETERIORATION


@pytest.mark.parametrize("scale", [1e-8, 1e12, 1e300])
def test_very_large_and_very_small_magnitudes(assess_text, scale):
    a = assess_text(
        level(
            f"{{ at = 2020, value = {40 * scale!r} }}, {{ at = 2023, value = {46 * scale!r} }}",
            50 * scale,
        ),
        BEFORE_DEADLINE,
    )
    assert a.measures.ratio == pytest.approx(1.0, rel=1e-9)  # the same course at any scale
    assert a.verdict is Verdict.ON_TRACK


@pytest.mark.parametrize("scale", [1e-300, 1e-12])
def test_values_within_the_tie_width_of_the_target_meet_it(assess_text, scale):
    """met(v) allows EPSILON * max(1, |V|) (contract section 3): on a scale far below 1, a gap
    smaller than 1e-9 is a tie, decided as met."""
    a = assess_text(
        level(
            f"{{ at = 2020, value = {40 * scale!r} }}, {{ at = 2023, value = {46 * scale!r} }}",
            50 * scale,
        ),
        BEFORE_DEADLINE,
    )
    assert a.measures.ratio == pytest.approx(1.0, rel=1e-9)
    assert a.verdict is Verdict.MET


def test_overflowing_magnitudes_give_null_not_infinity(write_targets):
    write_targets(level("{ at = 2020, value = -1.7e308 }, { at = 2021, value = 1.7e308 }", 1.7e308))
    result = CliRunner().invoke(app, ["status", "--json", "--as-of", "2026-11-23"])
    assert result.exit_code == 0
    target = json.loads(result.stdout)["targets"][0]
    assert target["actual_change_per_year"] is None  # 3.4e308 a year is not a finite number
    assert target["verdict"] == "met"
