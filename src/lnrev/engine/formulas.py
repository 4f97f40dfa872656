"""The level-assessment formulas of contract section 3, one function each, on a `Trajectory`.

Every function returns None where its formula is undefined (the contract's null cases), and also
where the result would not be a finite real number, so that neither NaN nor Infinity ever reaches
the output. Rates are per year of decimal time; growth rates are fractions (0.0712 = 7.12 % a year).
"""

from __future__ import annotations

import math
from collections.abc import Callable
from functools import wraps
from typing import NamedTuple


class Trajectory(NamedTuple):
    """Where an indicator started, where it is, and where it must be.

    (t_b, v_b) is the baseline, (t_l, v_l) the latest considered observation, (T, V) the
    deadline and target value, and d the direction: +1 to increase, -1 to decrease. Times are
    decimal years.
    """

    t_b: float
    v_b: float
    t_l: float
    v_l: float
    T: float
    V: float
    d: int


def finite_or_none(formula: Callable[..., float | None]) -> Callable[..., float | None]:
    """Null instead of an overflow, a division by zero, or a non-finite or complex result."""

    @wraps(formula)
    def guarded(*args: object) -> float | None:
        try:
            result = formula(*args)
        except (OverflowError, ZeroDivisionError):
            return None
        if result is None or isinstance(result, complex) or not math.isfinite(result):
            return None
        return float(result)

    return guarded


def power(base: float, exponent: float) -> float:
    """base ** exponent for a positive base, with infinity instead of an overflow."""
    try:
        return base**exponent
    except OverflowError:
        return math.inf


@finite_or_none
def gap(V: float, v_l: float) -> float | None:
    """How far the latest value is from the target (or a bound): V - v_l."""
    return V - v_l


@finite_or_none
def delta_target(v_b: float, delta: float) -> float | None:
    """A level target declared as a change from its baseline ("life expectancy up 1 year"):
    V = v_b + delta."""
    return v_b + delta


@finite_or_none
def progress(p: Trajectory) -> float | None:
    """Share of the task done (NDRC's "half the task"): (v_l - v_b) / (V - v_b)."""
    if p.v_b == p.V:
        return None
    return (p.v_l - p.v_b) / (p.V - p.v_b)


@finite_or_none
def time_elapsed(p: Trajectory) -> float | None:
    """Share of the time gone, NDRC's "time": (t_l - t_b) / (T - t_b)."""
    if p.t_b >= p.T:
        return None
    return (p.t_l - p.t_b) / (p.T - p.t_b)


@finite_or_none
def years_left(T: float, A: float) -> float | None:
    """Calendar years from the as-of date to the deadline: T - A (negative once it has passed)."""
    return T - A


@finite_or_none
def data_age(A: float, t_l: float) -> float | None:
    """Years from the latest figure to the as-of date: A - t_l."""
    return A - t_l


@finite_or_none
def actual_change_per_year(p: Trajectory) -> float | None:
    """The pace so far in units a year: (v_l - v_b) / (t_l - t_b)."""
    if p.t_l == p.t_b:
        return None
    return (p.v_l - p.v_b) / (p.t_l - p.t_b)


@finite_or_none
def actual_growth_per_year(p: Trajectory) -> float | None:
    """The compound annual growth rate so far (CAGR): (v_l / v_b) ** (1 / (t_l - t_b)) - 1."""
    if p.t_l == p.t_b or p.v_b <= 0 or p.v_l <= 0:
        return None
    return (p.v_l / p.v_b) ** (1 / (p.t_l - p.t_b)) - 1


@finite_or_none
def required_change_per_year(p: Trajectory) -> float | None:
    """The pace still needed in units a year: (V - v_l) / (T - t_l)."""
    if p.t_l >= p.T:
        return None
    return (p.V - p.v_l) / (p.T - p.t_l)


@finite_or_none
def required_growth_per_year(p: Trajectory) -> float | None:
    """The compound annual growth still needed: (V / v_l) ** (1 / (T - t_l)) - 1."""
    if p.t_l >= p.T or p.V <= 0 or p.v_l <= 0:
        return None
    return (p.V / p.v_l) ** (1 / (p.T - p.t_l)) - 1


@finite_or_none
def projected_linear(p: Trajectory) -> float | None:
    """The value at the deadline if the linear pace so far holds: v_l + pace * (T - t_l)."""
    pace = actual_change_per_year(p)
    if pace is None:
        return None
    return p.v_l + pace * (p.T - p.t_l)


@finite_or_none
def projected_compound(p: Trajectory) -> float | None:
    """The value at the deadline if the CAGR so far holds: v_l * (1 + CAGR) ** (T - t_l)."""
    growth = actual_growth_per_year(p)
    if growth is None:
        return None
    return p.v_l * (1 + growth) ** (p.T - p.t_l)


@finite_or_none
def ratio_linear(p: Trajectory) -> float | None:
    """NDRC's yardstick as a rate ratio: pace so far over the even pace the whole task needs.

    d * actual_change_per_year / |(V - v_b) / (T - t_b)|; 1.0 means "half the time, half the task".
    """
    pace = actual_change_per_year(p)
    if pace is None or p.v_b == p.V or p.t_b >= p.T:
        return None
    return p.d * pace / abs((p.V - p.v_b) / (p.T - p.t_b))


@finite_or_none
def ratio_compound(p: Trajectory) -> float | None:
    """Eurostat, Statistics Canada, UNSD (2017-2022): actual CAGR over the CAGR needed.

    d * actual_growth_per_year / |(V / v_b) ** (1 / (T - t_b)) - 1|.
    """
    growth = actual_growth_per_year(p)
    if growth is None or p.V <= 0 or p.v_b == p.V or p.t_b >= p.T:
        return None
    return p.d * growth / abs((p.V / p.v_b) ** (1 / (p.T - p.t_b)) - 1)


@finite_or_none
def ratio_unsd(p: Trajectory) -> float | None:
    """UNSD SDG Progress Chart (2023 on): the change projected at the current CAGR, as a share of
    the change required: (projected - v_b) / (V - v_b)."""
    projected = projected_compound(p)
    if projected is None or p.v_b == p.V:
        return None
    return (projected - p.v_b) / (p.V - p.v_b)


@finite_or_none
def average_annual_growth_percent(index: float, years: float) -> float | None:
    """The average annual growth, in %, that took an index from 100 to `index` in `years`:
    ((index / 100) ** (1 / years) - 1) * 100 (the reporting scale of growth targets)."""
    if years == 0 or index <= 0:
        return None
    return ((index / 100) ** (1 / years) - 1) * 100


PROJECTION = {
    "linear": projected_linear,
    "compound": projected_compound,
    "unsd": projected_compound,
}
RATIO = {"linear": ratio_linear, "compound": ratio_compound, "unsd": ratio_unsd}
