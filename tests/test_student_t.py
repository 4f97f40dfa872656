"""Student's t distribution function and quantile, checked against scipy (a test tool only) over
many degrees of freedom and points, and against the closed forms for 1 and 2 degrees of freedom."""

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st
from scipy import stats

from lnrev.engine import student_t

DEGREES = [1, 1.5, 2, 3, 4, 5, 6, 8, 10, 13, 20, 30, 50, 100, 250, 1000, 10_000, 1e6]
POINTS = [
    -1e6, -1000, -100, -30, -12.5, -7, -4, -3, -2.5, -2, -1.5, -1, -0.75, -0.5, -0.25, -0.1,
    -1e-3, -1e-9, 0, 1e-9, 1e-3, 0.1, 0.25, 0.5, 0.75, 1, 1.5, 2, 2.5, 3, 4, 7, 12.5, 30, 100,
    1000, 1e6,
]  # fmt: skip
PROBABILITIES = [1e-9, 1e-6, 1e-3, 0.01, 0.05, 0.1, 0.2, 0.3, 0.5, 0.7, 0.8, 0.9, 0.95, 0.99, 0.999]


@pytest.mark.parametrize("df", DEGREES)
def test_the_distribution_function_agrees_with_scipy(df):
    """To 1e-9: scipy's own value at 1 degree of freedom next to 0 is 3e-10 off the closed form
    (0.5 at t = -1e-9, where 1/2 + atan(t) / pi is 0.49999999968); elsewhere they agree to 1e-13."""
    for t in POINTS:
        assert student_t.cdf(t, df) == pytest.approx(stats.t.cdf(t, df), abs=1e-9), t


@pytest.mark.parametrize("df", DEGREES)
def test_the_quantile_agrees_with_scipy(df):
    for p in PROBABILITIES:
        expected = stats.t.ppf(p, df)
        assert student_t.quantile(p, df) == pytest.approx(expected, rel=1e-9, abs=1e-12), p


@given(
    t=st.floats(min_value=-1e4, max_value=1e4, allow_nan=False),
    df=st.integers(min_value=1, max_value=500),
)
def test_the_distribution_function_agrees_with_scipy_anywhere(t, df):
    assert student_t.cdf(t, df) == pytest.approx(stats.t.cdf(t, df), abs=1e-9)


@given(
    p=st.floats(min_value=1e-6, max_value=1 - 1e-6),
    df=st.integers(min_value=1, max_value=500),
)
def test_the_quantile_inverts_the_distribution_function(p, df):
    t = student_t.quantile(p, df)
    assert student_t.cdf(t, df) == pytest.approx(p, abs=1e-12)
    assert t == pytest.approx(stats.t.ppf(p, df), rel=1e-8, abs=1e-10)


def test_one_degree_of_freedom_is_the_cauchy_distribution():
    # F(t) = 1/2 + atan(t) / pi; its 0.9 quantile is tan(0.4 pi) = 3.0776835371752536
    for t in (-5.0, -1.0, 0.3, 1.8708286933869707, 40.0):
        assert student_t.cdf(t, 1) == pytest.approx(0.5 + math.atan(t) / math.pi, abs=1e-14)
    assert student_t.quantile(0.9, 1) == pytest.approx(math.tan(0.4 * math.pi), rel=1e-13)


def test_two_degrees_of_freedom_have_a_closed_form():
    # F(t) = 1/2 + t / (2 sqrt(2 + t^2)); the 0.9 quantile solves it: 0.8 sqrt(2) / 0.6
    for t in (-3.0, -0.5, 0.0, 1.2, 9.0):
        assert student_t.cdf(t, 2) == pytest.approx(0.5 + t / (2 * math.sqrt(2 + t * t)), abs=1e-14)
    assert student_t.quantile(0.9, 2) == pytest.approx(0.8 * math.sqrt(2) / 0.6, rel=1e-13)


def test_the_regularized_incomplete_beta_function_at_its_ends_and_a_known_value():
    assert student_t.regularized_incomplete_beta(2.0, 3.0, 0.0) == 0.0
    assert student_t.regularized_incomplete_beta(2.0, 3.0, 1.0) == 1.0
    # I_x(1, 1) = x; I_x(2, 1) = x^2; I_x(a, b) = 1 - I_{1-x}(b, a)
    assert student_t.regularized_incomplete_beta(1.0, 1.0, 0.37) == pytest.approx(0.37, abs=1e-15)
    assert student_t.regularized_incomplete_beta(2.0, 1.0, 0.6) == pytest.approx(0.36, abs=1e-15)
    assert student_t.regularized_incomplete_beta(
        2.5, 4.0, 0.3
    ) + student_t.regularized_incomplete_beta(4.0, 2.5, 0.7) == pytest.approx(1.0, abs=1e-14)


def test_a_quantile_outside_zero_and_one_is_refused():
    for p in (0.0, 1.0, -0.1, 1.5):
        with pytest.raises(ValueError):
            student_t.quantile(p, 3)
