"""Every formula of contract section 3 and every null case, with the arithmetic written out."""

import math

import pytest

from lnrev.engine import formulas as f
from lnrev.engine.formulas import Trajectory

TOL = 1e-9

# Baseline 40 at 2020 (t=2021), latest 46 at 2023 (t=2024), target 50 by 2025 (t=2026), increasing.
RISING = Trajectory(t_b=2021.0, v_b=40.0, t_l=2024.0, v_l=46.0, T=2026.0, V=50.0, d=1)
# Energy intensity index: 100 at 2020, 94 at 2023, must reach 86.5 by 2025, decreasing.
FALLING = Trajectory(t_b=2021.0, v_b=100.0, t_l=2024.0, v_l=94.0, T=2026.0, V=86.5, d=-1)


def test_gap_progress_time_and_years_left():
    assert f.gap(RISING.V, RISING.v_l) == pytest.approx(50 - 46, abs=TOL)
    assert f.progress(RISING) == pytest.approx((46 - 40) / (50 - 40), abs=TOL)  # 0.6
    assert f.time_elapsed(RISING) == pytest.approx((2024 - 2021) / (2026 - 2021), abs=TOL)
    assert f.years_left(RISING.T, RISING.t_l) == pytest.approx(2026 - 2024, abs=TOL)


def test_paces_so_far_and_required():
    assert f.actual_change_per_year(RISING) == pytest.approx((46 - 40) / 3, abs=TOL)  # 2.0
    assert f.actual_growth_per_year(RISING) == pytest.approx((46 / 40) ** (1 / 3) - 1, abs=TOL)
    assert f.required_change_per_year(RISING) == pytest.approx((50 - 46) / 2, abs=TOL)
    assert f.required_growth_per_year(RISING) == pytest.approx((50 / 46) ** (1 / 2) - 1, abs=TOL)


def test_projections():
    assert f.projected_linear(RISING) == pytest.approx(46 + 2.0 * 2, abs=TOL)  # exactly 50
    cagr = (46 / 40) ** (1 / 3) - 1
    assert f.projected_compound(RISING) == pytest.approx(46 * (1 + cagr) ** 2, abs=TOL)


def test_ratios_for_an_increase():
    # linear: pace 2.0 a year against the even pace (50 - 40) / 5 = 2.0 a year
    assert f.ratio_linear(RISING) == pytest.approx(1.0, abs=TOL)
    cagr = (46 / 40) ** (1 / 3) - 1
    needed = (50 / 40) ** (1 / 5) - 1
    assert f.ratio_compound(RISING) == pytest.approx(cagr / needed, abs=TOL)
    projected = 46 * (1 + cagr) ** 2
    assert f.ratio_unsd(RISING) == pytest.approx((projected - 40) / (50 - 40), abs=TOL)


def test_ratios_for_a_decrease_use_the_direction():
    # linear: pace (94 - 100) / 3 = -2 a year; even pace |86.5 - 100| / 5 = 2.7; d = -1
    assert f.ratio_linear(FALLING) == pytest.approx(-1 * -2.0 / 2.7, abs=TOL)
    cagr = (94 / 100) ** (1 / 3) - 1
    needed = (86.5 / 100) ** (1 / 5) - 1
    assert f.ratio_compound(FALLING) == pytest.approx(-1 * cagr / abs(needed), abs=TOL)
    projected = 94 * (1 + cagr) ** 2
    assert f.ratio_unsd(FALLING) == pytest.approx((projected - 100) / (86.5 - 100), abs=TOL)


def test_a_single_observation_has_no_pace():
    single = Trajectory(2021.0, 40.0, 2021.0, 40.0, 2026.0, 50.0, 1)
    for formula in (
        f.actual_change_per_year,
        f.actual_growth_per_year,
        f.projected_linear,
        f.projected_compound,
        f.ratio_linear,
        f.ratio_compound,
        f.ratio_unsd,
    ):
        assert formula(single) is None, formula.__name__
    assert f.time_elapsed(single) == 0.0
    assert f.required_change_per_year(single) == pytest.approx(10 / 5, abs=TOL)


def test_baseline_equal_to_target():
    flat = Trajectory(2021.0, 50.0, 2024.0, 52.0, 2026.0, 50.0, 1)
    assert f.progress(flat) is None
    assert f.ratio_linear(flat) is None
    assert f.ratio_compound(flat) is None
    assert f.ratio_unsd(flat) is None
    assert f.actual_change_per_year(flat) == pytest.approx(2 / 3, abs=TOL)


def test_at_the_deadline_nothing_is_required_any_more():
    done = Trajectory(2021.0, 40.0, 2026.0, 48.0, 2026.0, 50.0, 1)
    assert f.required_change_per_year(done) is None
    assert f.required_growth_per_year(done) is None
    assert f.years_left(done.T, done.t_l) == 0.0
    assert f.time_elapsed(done) == 1.0


def test_a_baseline_at_the_deadline():
    late = Trajectory(2026.0, 40.0, 2026.0, 40.0, 2026.0, 50.0, 1)
    assert f.time_elapsed(late) is None
    assert f.ratio_linear(Trajectory(2026.0, 40.0, 2027.0, 45.0, 2026.0, 50.0, 1)) is None


@pytest.mark.parametrize(
    ("v_b", "v_l", "V"),
    [(0.0, 5.0, 10.0), (-2.0, 5.0, 10.0), (2.0, 0.0, 10.0), (2.0, 5.0, 0.0), (2.0, 5.0, -1.0)],
)
def test_compound_needs_positive_values(v_b, v_l, V):
    p = Trajectory(2021.0, v_b, 2024.0, v_l, 2026.0, V, 1)
    if v_b <= 0 or v_l <= 0:
        assert f.actual_growth_per_year(p) is None
        assert f.projected_compound(p) is None
        assert f.ratio_unsd(p) is None
    if v_l <= 0 or V <= 0:
        assert f.required_growth_per_year(p) is None
    assert f.ratio_compound(p) is None
    # the linear method still works on such values
    assert f.ratio_linear(p) == pytest.approx(((v_l - v_b) / 3) / abs((V - v_b) / 5), abs=TOL)


def test_overflow_gives_null_not_infinity():
    huge = Trajectory(2021.0, 1e-300, 2021.0 + 1e-6, 1e300, 2026.0, 1e300, 1)
    assert f.actual_growth_per_year(huge) is None  # (1e600) ** 1e6 overflows
    assert f.projected_compound(huge) is None
    big = Trajectory(2021.0, -1.7e308, 2022.0, 1.7e308, 2026.0, 1.7e308, 1)
    assert f.actual_change_per_year(big) is None  # 3.4e308 is not a finite float
    assert f.gap(1.7e308, -1.7e308) is None


def test_a_baseline_very_close_to_the_target_reports_the_ratio_as_it_is():
    # (V - v_b) / (T - t_b) = 0.01 / 5 = 0.002 a year; the pace is -0.344 / 1 = -0.344 a year
    close = Trajectory(2021.0, 50.0, 2022.0, 49.656, 2026.0, 50.01, 1)
    ratio = f.ratio_linear(close)
    assert ratio == pytest.approx((49.656 - 50.0) / (0.01 / 5), abs=1e-6)
    assert math.isclose(ratio, -172.0, rel_tol=1e-9)


def test_average_annual_growth_percent():
    # 100 -> 110.25 in two years is 5% a year
    assert f.average_annual_growth_percent(110.25, 2.0) == pytest.approx(5.0, abs=TOL)
    assert f.average_annual_growth_percent(110.25, 0.0) is None
