"""lnrev against a small independent implementation of contract v3, written here from the
contract alone: the verdict under each published method, the trend (with scipy's Student's t)
and reached_by, on random level targets with a declared baseline and dated observations."""

import math
from datetime import date

from hypothesis import given
from hypothesis import strategies as st
from scipy import stats

from lnrev.model.targets_file import TargetsFile
from lnrev.reports.status import assess_file

EPS = 1e-9
SCHEMES = {  # scheme: (method of a level target, thresholds)
    "eurostat": ("compound", (0.95, 0.6, 0.0)),
    "unsd2022": ("compound", (0.95, 0.5, -0.1)),
    "unsd2023": ("unsd", (0.95, 0.10, 0.10)),
    "sdsn": ("linear", (1.0, 0.5, 0.0)),
    "ndrc": ("linear", (0.95, 0.6, 0.0)),
}
OPEN = ("on_track", "acceleration_needed", "limited_progress", "deterioration", "pending")


def t_of(day: date) -> float:
    days = 366 if day.year % 4 == 0 and (day.year % 100 or day.year % 400 == 0) else 365
    return day.year + day.timetuple().tm_yday / days


def reference(baseline, observations, V, by, as_of, method, tol):
    """Contract sections 3, 10, 11 and 12 for a level target with a declared baseline; every
    observation is published on its own date. Returns what the checks below compare."""
    t_b, v_b = t_of(baseline[0]), baseline[1]
    T, A = t_of(by), t_of(as_of)
    later = [(t_of(at), v) for at, v in observations if at <= as_of and t_b < t_of(at) <= T]
    t_l, v_l = later[-1] if later else (t_b, v_b)
    d = 1 if v_b <= V else -1

    def met(v):
        return d * (v - V) >= -tol - EPS * max(1, abs(V))

    change = (v_l - v_b) / (t_l - t_b) if t_l != t_b else None
    growth = (v_l / v_b) ** (1 / (t_l - t_b)) - 1 if t_l != t_b and v_b > 0 and v_l > 0 else None

    def ratio_and_projected(m):
        if m == "linear":
            projected = None if change is None else v_l + change * (T - t_l)
            ratio = None if change is None or v_b == V else d * change / abs((V - v_b) / (T - t_b))
            return ratio, projected
        projected = None if growth is None else v_l * (1 + growth) ** (T - t_l)
        if m == "compound":
            ok = growth is not None and V > 0 and v_b != V
            return (d * growth / abs((V / v_b) ** (1 / (T - t_b)) - 1) if ok else None), projected
        return (None if projected is None or v_b == V else (projected - v_b) / (V - v_b)), projected

    def verdict(m, cuts):
        ratio, projected = ratio_and_projected(m)
        if met(v_l):
            return "met", None, ratio
        if t_l >= T:
            return "missed", None, ratio
        if A >= T:
            outlook = (
                None if projected is None else ("likely_met" if met(projected) else "likely_missed")
            )
            return "pending", outlook, ratio
        if ratio is None:
            return "insufficient_data", None, ratio
        for name, cut in zip(
            ("on_track", "acceleration_needed", "limited_progress"), cuts, strict=True
        ):
            if ratio >= cut - EPS:
                return name, None, ratio
        return "deterioration", None, ratio

    own = verdict(method, (0.95, 0.6, 0.0))[0]
    methods = {name: verdict(m, cuts) for name, (m, cuts) in SCHEMES.items()}

    aim = V - d * tol
    trend = None
    points = [(t_b, v_b), *later]
    if own in OPEN and len(points) >= 3:
        log = method != "linear"
        if not log or (min(v for _, v in points) > 0 and aim > 0):
            ts = [t for t, _ in points]
            ys = [math.log(v) if log else v for _, v in points]
            y_aim = math.log(aim) if log else aim
            n = len(points)
            t_m, y_m = sum(ts) / n, sum(ys) / n
            sxx = sum((t - t_m) ** 2 for t in ts)
            b = sum((t - t_m) * (y - y_m) for t, y in zip(ts, ys, strict=True)) / sxx
            a = y_m - b * t_m
            s = math.sqrt(sum((y - a - b * t) ** 2 for t, y in zip(ts, ys, strict=True)) / (n - 2))
            y_T = a + b * T
            se = s * math.sqrt(1 + 1 / n + (T - t_m) ** 2 / sxx)
            if se <= EPS * max(1, abs(y_T)):
                low = high = y_T
                probability = 1.0 if d * (y_T - y_aim) >= -EPS * max(1, abs(y_aim)) else 0.0
            else:
                q = stats.t.ppf(0.9, n - 2)
                low, high = y_T - q * se, y_T + q * se
                z = (y_aim - y_T) / se
                probability = stats.t.sf(z, n - 2) if d == 1 else stats.t.cdf(z, n - 2)
            back = math.exp if log else (lambda y: y)
            trend = (n, back(y_T), back(low), back(high), probability, se)

    reached = None
    if own in OPEN:
        moment = None
        if method == "linear" and change is not None and d * change > 0:
            moment = t_l + (aim - v_l) / change
        elif method != "linear" and growth is not None and d * growth > 0 and aim > 0 and v_l > 0:
            moment = t_l + math.log(aim / v_l) / math.log(1 + growth)
        if moment is not None and math.isfinite(moment):
            reached = math.ceil(moment - EPS) - 1
    return own, methods, trend, reached


YEARS = st.integers(min_value=2011, max_value=2024)


@given(
    years=st.lists(YEARS, min_size=0, max_size=7, unique=True),
    values=st.lists(st.floats(min_value=1, max_value=200), min_size=7, max_size=7),
    start=st.floats(min_value=1, max_value=200),
    goal=st.floats(min_value=1, max_value=200),
    deadline=st.integers(min_value=2012, max_value=2030),
    as_of=st.dates(min_value=date(2011, 1, 1), max_value=date(2032, 12, 31)),
    method=st.sampled_from(["linear", "compound", "unsd"]),
    tolerance=st.sampled_from([0.0, 0.5]),
)
def test_lnrev_agrees_with_an_independent_implementation(
    years, values, start, goal, deadline, as_of, method, tolerance
):
    years = sorted(year for year in years if year > 2010)
    observations = [(date(year, 12, 31), value) for year, value in zip(years, values, strict=False)]
    baseline = (date(2010, 12, 31), start)
    targets = TargetsFile.model_validate(
        {
            "targets": {
                "t": {
                    "name": "t",
                    "method": method,
                    "tolerance": tolerance,
                    "baseline": {"at": baseline[0], "value": start},
                    "target": {"value": goal, "by": deadline},
                    "observations": [{"at": at, "value": v} for at, v in observations],
                }
            }
        }
    )
    a = assess_file(targets, as_of)[0]
    own, methods, trend, reached = reference(
        baseline, observations, goal, date(deadline, 12, 31), as_of, method, tolerance
    )
    assert a.verdict.value == own
    for m in a.methods:
        verdict, outlook, ratio = methods[m.scheme]
        assert m.verdict.value == verdict, m.scheme
        assert (m.outlook.value if m.outlook else None) == outlook, m.scheme
        assert (m.ratio is None) == (ratio is None)
        if ratio is not None:
            assert math.isclose(m.ratio, ratio, rel_tol=1e-9, abs_tol=1e-12)
    if trend is None:
        assert a.trend is None
    else:
        n, projected, low, high, probability, _ = trend
        assert a.trend.points == n
        for ours, theirs in (
            (a.trend.projected, projected),
            (a.trend.low, low),
            (a.trend.high, high),
        ):
            assert math.isclose(ours, theirs, rel_tol=1e-8, abs_tol=1e-8)
        assert math.isclose(a.trend.probability, probability, abs_tol=1e-6)
    assert a.reached_by == reached
