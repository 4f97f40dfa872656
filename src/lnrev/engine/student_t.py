"""Student's t distribution: its distribution function and its quantile (contract section 11).

The distribution function is the regularized incomplete beta function I_x(a, b):
F(t; nu) = 1 - I_x(nu/2, 1/2) / 2 for t > 0, with x = nu / (nu + t^2), and symmetric for t < 0
(Abramowitz and Stegun 26.5.27 and 26.7.1). I_x(a, b) is evaluated by its continued fraction with
the modified Lentz method, on whichever of I_x(a, b) and 1 - I_{1-x}(b, a) converges fast (Press,
Teukolsky, Vetterling and Flannery, Numerical Recipes, 3rd ed., 2007, section 6.4, `betacf`;
Lentz's method: section 5.2). The quantile solves F(t) = p by Newton's method on the density,
kept inside a bracket that bisection narrows whenever a Newton step would leave it.

Pure Python on the math module, so that `lnrev status` starts without loading a numerical library.
"""

from __future__ import annotations

import functools
import math

_TINY = 1e-300
"""Lentz's stand-in for a zero denominator (Numerical Recipes' FPMIN)."""
_PRECISION = 1e-16
"""The relative change of the continued fraction below which it has converged."""
_MAX_TERMS = 100_000


def _beta_continued_fraction(a: float, b: float, x: float) -> float:
    """The continued fraction of I_x(a, b), by the modified Lentz method (Numerical Recipes
    `betacf`); it converges fast for x < (a + 1) / (a + b + 2)."""
    qab, qap, qam = a + b, a + 1.0, a - 1.0
    c = 1.0
    d = 1.0 - qab * x / qap
    d = 1.0 / (d if abs(d) > _TINY else _TINY)
    h = d
    for m in range(1, _MAX_TERMS):
        m2 = 2 * m
        for numerator in (
            m * (b - m) * x / ((qam + m2) * (a + m2)),
            -(a + m) * (qab + m) * x / ((a + m2) * (qap + m2)),
        ):
            d = 1.0 + numerator * d
            d = 1.0 / (d if abs(d) > _TINY else _TINY)
            c = 1.0 + numerator / c
            c = c if abs(c) > _TINY else _TINY
            step = d * c
            h *= step
        if abs(step - 1.0) < _PRECISION:
            return h
    return h


_LARGE = 100.0
"""Above this, ln Gamma(b + a) - ln Gamma(b) is taken from Stirling's series, not from two
large logarithms of Gamma whose difference would lose digits (many degrees of freedom)."""
_STIRLING = (1 / 12, -1 / 360, 1 / 1260, -1 / 1680, 1 / 1188)
"""B_2k / (2k (2k - 1)), the coefficients of Stirling's series for ln Gamma (A&S 6.1.40)."""


def _log_gamma_ratio(a: float, b: float) -> float:
    """ln Gamma(b + a) - ln Gamma(b) for a large b: Stirling's series for each, differenced
    term by term, (b - 1/2) ln(1 + a/b) + a ln(b + a) - a + sum c_k ((b+a)^(1-2k) - b^(1-2k))."""
    if b < _LARGE:
        return math.lgamma(b + a) - math.lgamma(b)
    total = (b - 0.5) * math.log1p(a / b) + a * math.log(b + a) - a
    for k, c in enumerate(_STIRLING, start=1):
        total += c * ((b + a) ** (1 - 2 * k) - b ** (1 - 2 * k))
    return total


def regularized_incomplete_beta(a: float, b: float, x: float) -> float:
    """I_x(a, b) for a, b > 0 and 0 <= x <= 1 (Numerical Recipes `betai`)."""
    if x <= 0.0:
        return 0.0
    if x >= 1.0:
        return 1.0
    small, large = sorted((a, b))
    log_front = (
        _log_gamma_ratio(small, large)  # ln Gamma(a + b) - ln Gamma(large)
        - math.lgamma(small)
        + a * math.log(x)
        + b * math.log1p(-x)
    )
    front = math.exp(log_front)
    if x < (a + 1.0) / (a + b + 2.0):
        return front * _beta_continued_fraction(a, b, x) / a
    return 1.0 - front * _beta_continued_fraction(b, a, 1.0 - x) / b


def cdf(t: float, df: float) -> float:
    """F(t) = P(T <= t) for Student's t with `df` degrees of freedom.

    Near the centre (t^2 < df) through I_{t^2/(df+t^2)}(1/2, df/2), in the tails through
    I_{df/(df+t^2)}(df/2, 1/2): each argument is then the small one, where it is accurate.
    """
    if math.isnan(t):
        return math.nan
    if math.isinf(t):
        return 1.0 if t > 0 else 0.0
    t2 = t * t
    if t2 < df:
        half_central = regularized_incomplete_beta(0.5, df / 2.0, t2 / (df + t2)) / 2.0
        return 0.5 + half_central if t > 0 else 0.5 - half_central
    tail = regularized_incomplete_beta(df / 2.0, 0.5, df / (df + t2)) / 2.0
    return 1.0 - tail if t > 0 else tail


def density(t: float, df: float) -> float:
    """The density of Student's t:
    Gamma((df+1)/2) / (sqrt(df pi) Gamma(df/2)) * (1 + t^2/df) ** -((df+1)/2)."""
    log_scale = _log_gamma_ratio(0.5, df / 2.0) - 0.5 * math.log(df * math.pi)
    return math.exp(log_scale - (df + 1.0) / 2.0 * math.log1p(t * t / df))


@functools.cache
def quantile(p: float, df: float) -> float:
    """The t with F(t) = p (0 < p < 1). Solved in the tail that p lies in, P(T > t) = q with
    q = min(p, 1 - p), so that a small probability keeps its relative precision: Newton's method
    on the density inside a bracket, bisecting where a Newton step would leave it. Cached: a
    trend asks for the 0.90 quantile of a few degrees of freedom only."""
    if not 0.0 < p < 1.0:
        raise ValueError(f"a probability strictly between 0 and 1, got {p}")
    if p == 0.5:
        return 0.0
    tail = min(p, 1.0 - p)
    t = _upper_tail_point(tail, df)
    return t if p > 0.5 else -t


def _upper_tail_point(tail: float, df: float) -> float:
    """The t > 0 with P(T > t) = tail < 1/2."""
    low, high = 0.0, 1.0
    while cdf(-high, df) > tail:
        low, high = high, high * 2.0
    t = (low + high) / 2.0
    for _ in range(400):
        excess = cdf(-t, df) - tail  # decreasing in t
        if excess > 0:
            low = t
        else:
            high = t
        slope = density(t, df)
        candidate = t + excess / slope if slope > 0 else math.nan
        if not low < candidate < high:
            candidate = (low + high) / 2.0
        if abs(candidate - t) <= 4e-16 * abs(t) or high - low <= 4e-16 * high:
            return candidate
        t = candidate
    return t
