"""How sure a verdict is, and when the pace so far reaches the target (contract sections 11, 12).

`straight_line_trend` is the classical prediction interval of an ordinary least-squares line
(e.g. Montgomery, Peck and Vining, Introduction to Linear Regression Analysis, section 2.5): fitted
on the baseline and every considered observation, on the values (linear scale) or their logarithm
(log scale, a constant growth rate), it gives the figure at the deadline, an 80% interval for it and
the probability that it meets the target, under the model's assumptions (independent errors of one
variance around a straight line, Student's t for the estimated variance). `reached_by` extends the
pace so far, linear or compound, to the year it reaches the target.

Everything here runs on the scale the assessment runs on (the index for change and growth targets);
the kinds take the values back to their reporting scale.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence

from lnrev.engine import student_t
from lnrev.engine.results import Trend
from lnrev.engine.verdicts import EPSILON

INTERVAL = 0.80
"""The coverage of the prediction interval: from the 0.10 to the 0.90 quantile."""


def trend_scale(method: str) -> str:
    """A straight line on the values for the linear method; on their logarithm (a constant
    growth rate) for compound and unsd."""
    return "linear" if method == "linear" else "log"


def straight_line_trend(
    times: Sequence[float],
    values: Sequence[float],
    T: float,
    aim: float,
    d: int,
    scale: str,
) -> Trend | None:
    """The OLS line of y (v, or ln v on the log scale) on decimal time through the points, at the
    deadline T, with its 80% prediction interval and the probability that the figure at T meets
    `aim` (Y*, the target less the tolerance, in direction d), on the assessment's scale. None with
    fewer than 3 points, on the log scale with a value or the aim <= 0, and wherever a number
    would not be finite."""
    n = len(times)
    if n < 3:
        return None
    if scale == "log":
        if aim <= 0 or min(values) <= 0:
            return None
        ys = [math.log(v) for v in values]
        y_aim = math.log(aim)
    else:
        ys, y_aim = list(values), aim
    try:
        t_m, y_m = sum(times) / n, sum(ys) / n
        dts = [t - t_m for t in times]
        dys = [y - y_m for y in ys]
        s_xx = sum(dt * dt for dt in dts)
        slope = sum(dt * dy for dt, dy in zip(dts, dys, strict=True)) / s_xx
        residuals = sum((dy - slope * dt) ** 2 for dt, dy in zip(dts, dys, strict=True))
        s = math.sqrt(residuals / (n - 2))
        y_T = y_m + slope * (T - t_m)
        se = s * math.sqrt(1 + 1 / n + (T - t_m) ** 2 / s_xx)
    except (OverflowError, ZeroDivisionError, ValueError):
        return None
    if not all(math.isfinite(x) for x in (y_T, se, y_aim)):
        return None
    if se <= EPSILON * max(1.0, abs(y_T)):
        low = high = y_T
        meets = d * (y_T - y_aim) >= -EPSILON * max(1.0, abs(y_aim))
        probability = 1.0 if meets else 0.0
    else:
        q = student_t.quantile(0.5 + INTERVAL / 2, n - 2)
        low, high = y_T - q * se, y_T + q * se
        z = (y_aim - y_T) / se
        probability = student_t.cdf(-z, n - 2) if d > 0 else student_t.cdf(z, n - 2)
    try:
        on_values = [math.exp(y) for y in (y_T, low, high)] if scale == "log" else [y_T, low, high]
    except OverflowError:
        return None
    if not all(math.isfinite(value) for value in on_values):
        return None
    return Trend(n, scale, *on_values, probability)


def on_scale(trend: Trend | None, reported: Callable[[float], float | None]) -> Trend | None:
    """The trend's values taken by `reported` (an increasing transform) to another scale; None
    if any of them would not be a finite number there."""
    if trend is None:
        return None
    shown = [reported(value) for value in (trend.projected, trend.low, trend.high)]
    if any(value is None or not math.isfinite(value) for value in shown):
        return None
    return trend._replace(projected=shown[0], low=shown[1], high=shown[2])


def reached_by(
    method: str,
    t_l: float,
    v_l: float,
    aim: float,
    d: int,
    change_per_year: float | None,
    growth_per_year: float | None,
) -> int | None:
    """The year by whose end the pace so far reaches `aim` (Y* = V - d * tolerance):
    t* = t_l + (Y* - v_l) / change (linear), t_l + ln(Y* / v_l) / ln(1 + growth) (compound,
    unsd); the year is ceil(t* - EPSILON) - 1, since decimal time Y + 1 is the end of year Y.
    None when the pace does not move toward the target or t* is not finite."""
    try:
        if method == "linear":
            if change_per_year is None or d * change_per_year <= 0:
                return None
            moment = t_l + (aim - v_l) / change_per_year
        else:
            if growth_per_year is None or d * growth_per_year <= 0 or 1 + growth_per_year <= 0:
                return None
            if aim <= 0 or v_l <= 0:
                return None
            moment = t_l + math.log(aim / v_l) / math.log(1 + growth_per_year)
    except (OverflowError, ZeroDivisionError, ValueError):
        return None
    if not math.isfinite(moment):
        return None
    return math.ceil(moment - EPSILON) - 1
