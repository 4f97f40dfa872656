"""Contract schema_version 2, rule by rule, with the numbers worked by hand (sections 1-5)."""

import math
from datetime import date, timedelta

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from lnrev.engine.timeline import decimal_year
from lnrev.engine.verdicts import Caveat, Outlook, Verdict
from lnrev.model.targets_file import TargetsFile
from lnrev.reports.status import assess_file

TOL = 1e-9


def level(observations: str, goal: str = "value = 50, by = 2025", extra: str = "") -> str:
    return f"""
        {extra}
        [targets.t]
        name = "t"
        target = {{ {goal} }}
        observations = [{observations}]
    """


ON_COURSE = "{ at = 2020, value = 40 }, { at = 2023, value = 45.7 }"
# baseline 40 at t = 2021, latest 45.7 at t = 2024, target 50 at T = 2026: pace 1.9 a year
# against an even pace of 2: ratio 0.95, projected 45.7 + 1.9 * 2 = 49.5 (short of 50).


# --- section 3, rules 2-4: met, missed, pending around the deadline ----------------------------


@pytest.mark.parametrize(
    ("as_of", "verdict", "years_left"),
    [
        (date(2025, 12, 30), Verdict.ON_TRACK, 2026 - (2025 + 364 / 365)),
        (date(2025, 12, 31), Verdict.PENDING, 0.0),  # A >= T: the deadline has come
        (date(2026, 1, 1), Verdict.PENDING, 2026 - (2026 + 1 / 365)),
    ],
)
def test_pending_from_the_deadline_on_when_its_figure_is_not_known(
    assess_text, as_of, verdict, years_left
):
    a = assess_text(level(ON_COURSE), as_of)
    assert a.verdict is verdict
    assert a.measures.years_left == pytest.approx(years_left, abs=TOL)
    if verdict is Verdict.PENDING:
        assert a.measures.projected == pytest.approx(49.5, abs=TOL)
        assert a.outlook is Outlook.LIKELY_MISSED  # 49.5 < 50
    else:
        assert a.outlook is None


@pytest.mark.parametrize(
    ("as_of", "verdict"),
    [
        (date(2026, 2, 27), Verdict.PENDING),  # the 2025 figure is published on 2026-02-28
        (date(2026, 2, 28), Verdict.MISSED),  # known: t_l >= T and short of 50
    ],
)
def test_missed_once_the_figure_at_the_deadline_is_known(assess_text, as_of, verdict):
    observations = ON_COURSE + ", { at = 2025, value = 49, published = 2026-02-28 }"
    assert assess_text(level(observations), as_of).verdict is verdict


def test_met_at_the_deadline_and_met_early(assess_text):
    at_deadline = assess_text(level(ON_COURSE + ", { at = 2025, value = 50 }"))
    assert at_deadline.verdict is Verdict.MET and at_deadline.note is None
    early = assess_text(level("{ at = 2020, value = 40 }, { at = 2024, value = 51 }"))
    assert early.verdict is Verdict.MET and early.note == "reached before the deadline"


def test_pending_likely_met(assess_text):
    a = assess_text(level("{ at = 2020, value = 40 }, { at = 2023, value = 46 }"))
    assert a.measures.projected == pytest.approx(50, abs=TOL)  # 46 + 2 * 2 reaches 50 exactly
    assert a.verdict is Verdict.PENDING and a.outlook is Outlook.LIKELY_MET


def test_pending_without_a_pace_has_no_outlook(assess_text):
    a = assess_text(level("{ at = 2023, value = 45 }"))  # baseline = latest: no pace
    assert a.verdict is Verdict.PENDING and a.outlook is None
    assert a.measures.projected is None


CHANGE = """
    [targets.c]
    kind = "change"
    name = "c"
    target = {{ change = -10, by = 2025 }}
    baseline = {{ at = 2020 }}
    observations = [{{ at = 2022, value = {value} }}]
"""


@pytest.mark.parametrize(
    ("value", "outlook"),
    [
        # index 100 -> 100 + value over 2 years; linear projection 3 years on: 100 + 2.5 value
        (-4, Outlook.LIKELY_MET),  # 90 <= 90: met exactly
        (-3, Outlook.LIKELY_MISSED),  # 92.5 > 90
    ],
)
def test_outlook_of_a_change_target(assess_text, value, outlook):
    a = assess_text(CHANGE.format(value=value))
    assert a.measures.projected == pytest.approx(2.5 * value, abs=TOL)
    assert a.verdict is Verdict.PENDING and a.outlook is outlook


GROWTH = """
    [targets.g]
    kind = "growth"
    name = "g"
    target = {{ rate = 6, by = 2025 }}
    baseline = {{ at = 2020 }}
    tolerance = {tolerance}
    observations = [{{ at = 2022, rate = {rate} }}]
"""


@pytest.mark.parametrize(
    ("rate", "tolerance", "outlook"),
    [
        (6.0, 0.0, Outlook.LIKELY_MET),  # the realized 6% a year holds: projected = rate
        (5.5, 0.0, Outlook.LIKELY_MISSED),
        (5.5, 0.5, Outlook.LIKELY_MET),  # projected >= rate - tolerance
    ],
)
def test_outlook_of_a_growth_target(assess_text, rate, tolerance, outlook):
    a = assess_text(GROWTH.format(rate=rate, tolerance=tolerance))
    assert a.measures.projected == pytest.approx(rate, abs=TOL)
    assert a.verdict is Verdict.PENDING and a.outlook is outlook


BOUND = """
    [targets.b]
    kind = "bound"
    name = "b"
    target = {{ max = 5.5, by = 2025 }}
    observations = [{observations}]
"""


def test_a_bound_is_pending_without_an_outlook(assess_text):
    within = assess_text(BOUND.format(observations="{ at = 2024, value = 5.2 }"))
    assert within.verdict is Verdict.PENDING and within.outlook is None
    assert within.measures.data_age == pytest.approx(2026 + 327 / 365 - 2025, abs=TOL)
    assert within.baseline_from is None
    nothing = assess_text(BOUND.format(observations=""))
    assert nothing.verdict is Verdict.PENDING and nothing.measures.data_age is None
    before = assess_text(BOUND.format(observations=""), date(2025, 12, 30))
    assert before.verdict is Verdict.INSUFFICIENT_DATA


# --- caveats, each at its threshold ---------------------------------------------------------------


@pytest.mark.parametrize(("stale_after", "stale"), [(2.0, False), (1.999, True)])
def test_stale_is_strictly_older_than_stale_after(assess_text, stale_after, stale):
    # latest at the end of 2023 (t = 2024.0), as of 2025-12-31 (A = 2026.0): 2.0 years old
    text = level(ON_COURSE, extra=f"[assessment]\nstale_after = {stale_after}")
    a = assess_text(text, date(2025, 12, 31))
    assert a.measures.data_age == 2.0
    assert (Caveat.STALE in a.caveats) is stale


def test_settled_verdicts_are_never_stale(assess_text):
    a = assess_text(level("{ at = 2020, value = 40 }, { at = 2021, value = 55 }"))
    assert a.verdict is Verdict.MET and a.measures.data_age > 1.5 and a.caveats == ()


@pytest.mark.parametrize(("min_span", "short"), [(1.0, False), (1.5, True)])
def test_short_span_is_strictly_under_min_span(assess_text, min_span, short):
    # baseline end 2020, latest end 2021: the pace rests on exactly 1 year
    text = level(
        "{ at = 2020, value = 40 }, { at = 2021, value = 42 }",
        extra=f"[assessment]\nmin_span = {min_span}",
    )
    a = assess_text(text, date(2022, 6, 30))
    assert a.caveats == ((Caveat.SHORT_SPAN,) if short else ())


def test_no_span_is_not_a_short_span(assess_text):
    a = assess_text(level("{ at = 2023, value = 45 }"), date(2024, 6, 30))
    assert a.caveats == ()


# --- baselines: declared, plan, first observation -----------------------------------------------

PLAN_2020 = '[plan]\nname = "p"\nbase = 2020\n'


def test_a_declared_baseline(assess_text):
    a = assess_text(level(ON_COURSE, extra="[targets.t.baseline]\nat = 2019\nvalue = 39"))
    assert a.baseline_from == "declared"


def test_a_level_baseline_at_the_plan_base(assess_text):
    observations = "{ at = 2019, value = 1 }, { at = 2020, value = 40 }, { at = 2023, value = 46 }"
    a = assess_text(level(observations, extra=PLAN_2020), date(2024, 6, 30))
    assert a.baseline_from == "plan" and a.baseline.value == 40
    assert [entry.considered for entry in a.history] == [False, True, True]
    assert a.measures.ratio == pytest.approx(1.0, abs=TOL)
    assert a.caveats == ()


def test_a_level_baseline_after_the_plan_base_is_flagged(assess_text):
    # nothing at the base (2020): the earliest observation after it, 2021, is the baseline;
    # the figure from 2019 stays in the history, not assessed
    observations = "{ at = 2019, value = 39 }, { at = 2021, value = 42 }, { at = 2023, value = 46 }"
    a = assess_text(level(observations, extra=PLAN_2020), date(2024, 6, 30))
    assert a.baseline_from == "first_observation" and a.baseline.value == 42
    assert [entry.considered for entry in a.history] == [False, True, True]
    assert a.measures.actual_change_per_year == pytest.approx(2, abs=TOL)  # (46 - 42) / 2
    assert a.caveats == (Caveat.BASELINE_AFTER_PLAN_START,)


def test_a_figure_at_the_plan_base_not_yet_published_is_not_the_baseline(assess_text):
    observations = "{ at = 2020, value = 40, published = 2024-09-01 }, { at = 2022, value = 44 }"
    a = assess_text(level(observations, extra=PLAN_2020), date(2024, 6, 30))
    assert a.baseline_from == "first_observation" and a.baseline.value == 44
    later = assess_text(level(observations, extra=PLAN_2020), date(2024, 9, 1))
    assert later.baseline_from == "plan" and later.baseline.value == 40


def test_a_change_target_takes_the_plan_base(assess_text):
    text = PLAN_2020 + CHANGE.format(value=-4).replace("    baseline = { at = 2020 }\n", "")
    a = assess_text(text, date(2024, 6, 30))
    assert a.baseline_from == "plan"
    assert a.baseline.at == 2020 and a.baseline.value == 0.0
    assert a.measures.actual_change_per_year == pytest.approx(-2, abs=TOL)


def test_a_growth_target_takes_the_plan_base(assess_text):
    text = PLAN_2020 + GROWTH.format(rate=6, tolerance=0).replace(
        "    baseline = { at = 2020 }\n", ""
    )
    a = assess_text(text, date(2024, 6, 30))
    assert a.baseline_from == "plan" and a.baseline.at == 2020
    assert a.latest.value == pytest.approx(6, abs=TOL)


def test_a_declared_baseline_wins_over_the_plan_base(assess_text):
    text = PLAN_2020 + CHANGE.format(value=-4).replace("at = 2020 }", "at = 2021 }")
    a = assess_text(text, date(2024, 6, 30))
    assert a.baseline_from == "declared" and a.baseline.at == 2021


# --- delta ---------------------------------------------------------------------------------------

LIFE = """
    [plan]
    base = 2020

    [targets.life]
    name = "Average life expectancy"
    unit = "years"
    target = { delta = 1.0, by = 2025 }
    observations = [
      { at = 2020, value = 77.93 },
      { at = 2024, value = 79.0, published = 2025-07-09 },
      { at = 2025, value = 79.25, published = 2026-03-07 },
    ]
"""


def test_a_delta_target_is_the_baseline_plus_delta(assess_text):
    a = assess_text(LIFE)
    assert a.target.value == pytest.approx(77.93 + 1.0, abs=TOL)
    assert a.measures.gap == pytest.approx(78.93 - 79.25, abs=TOL)
    assert a.verdict is Verdict.MET and a.label.en == "met"
    early = assess_text(LIFE + "\n[assessment]\nscheme = 'ndrc'\n", date(2025, 8, 1))
    assert early.latest.value == 79.0 and early.verdict is Verdict.MET
    assert early.label.en == "achieved early" and early.label.zh == "提前实现"


def test_a_delta_target_without_a_baseline_has_no_value(assess_text):
    a = assess_text(LIFE, date(2020, 6, 30))
    assert a.baseline is None and a.target.value is None
    assert a.verdict is Verdict.INSUFFICIENT_DATA
    assert a.measures.years_left == pytest.approx(2026 - (2020 + 182 / 366), abs=TOL)


# --- publication_lag --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("as_of", "known"),
    [(date(2025, 2, 27), False), (date(2025, 2, 28), True)],  # 2024-12-31 + 59 days
)
def test_publication_lag_at_the_boundary_day(assess_text, as_of, known):
    text = level(
        "{ at = 2020, value = 40 }, { at = 2024, value = 47 }",
        extra="[assessment]\npublication_lag = 59",
    )
    a = assess_text(text, as_of)
    assert (a.latest.value == 47) is known
    assert a.history[1].considered is known


def test_a_published_date_overrides_the_lag(assess_text):
    text = level(
        "{ at = 2020, value = 40 }, { at = 2024, value = 47, published = 2025-01-05 }",
        extra="[assessment]\npublication_lag = 90",
    )
    assert assess_text(text, date(2025, 1, 5)).latest.value == 47


# --- schemes ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("latest", "label"),
    [
        (46.0, "faster than expected"),  # ratio (6/3) / (10/5) = 1 exactly
        (45.8, "broadly as expected"),  # ratio 0.9667
        (43.6, "lagging"),  # 0.6: acceleration needed
        (39.0, "lagging"),  # deterioration
    ],
)
def test_ndrc_labels(assess_text, latest, label):
    text = level(
        f"{{ at = 2020, value = 40 }}, {{ at = 2023, value = {latest} }}",
        extra="[assessment]\nscheme = 'ndrc'",
    )
    assert assess_text(text, date(2025, 6, 30)).label.en == label


def test_ndrc_names_a_met_deadline_achieved_and_a_missed_one_not_achieved(assess_text):
    met = level(ON_COURSE + ", { at = 2025, value = 50 }", extra="[assessment]\nscheme = 'ndrc'")
    assert assess_text(met).label.en == "achieved"
    missed = met.replace("value = 50 }", "value = 49 }")
    assert assess_text(missed).label.en == "not achieved"
    assert assess_text(missed).label.zh == "未实现"
    pending = level(ON_COURSE, extra="[assessment]\nscheme = 'ndrc'")
    assert assess_text(pending).label.en == "awaiting final figure"


def test_ndrc_names_a_bound_on_track_broadly_as_expected(assess_text):
    text = "[assessment]\nscheme = 'ndrc'\n" + BOUND.format(observations="{ at = 2024, value = 5 }")
    a = assess_text(text, date(2025, 6, 30))
    assert a.verdict is Verdict.ON_TRACK and a.label.en == "broadly as expected"


@pytest.mark.parametrize(
    ("latest", "eurostat", "unsd2022"),
    [
        # ratio (latest - 40) / 3 / 2
        (43.3, Verdict.LIMITED_PROGRESS, Verdict.ACCELERATION_NEEDED),  # 0.55
        (39.7, Verdict.DETERIORATION, Verdict.LIMITED_PROGRESS),  # -0.05
        # -0.1 exactly (less a rounding error): at the cut, so it reaches it (v3, ties within 1e-9)
        (39.4, Verdict.DETERIORATION, Verdict.LIMITED_PROGRESS),
        (39.39, Verdict.DETERIORATION, Verdict.DETERIORATION),  # -0.10167
    ],
)
def test_unsd2022_bands(assess_text, latest, eurostat, unsd2022):
    observations = f"{{ at = 2020, value = 40 }}, {{ at = 2023, value = {latest} }}"
    euro = assess_text(level(observations), date(2025, 6, 30))
    unsd = assess_text(
        level(observations, extra="[assessment]\nscheme = 'unsd2022'"), date(2025, 6, 30)
    )
    assert euro.verdict is eurostat
    if latest == 39.4:  # (39.4 - 40) / 6 is -0.1 less a rounding error, decided as exact
        assert unsd.measures.ratio < -0.1
    assert unsd.verdict is unsd2022
    labels = {
        Verdict.ACCELERATION_NEEDED: "fair progress, acceleration needed",
        Verdict.LIMITED_PROGRESS: "limited or no progress",
        Verdict.DETERIORATION: "deterioration",
    }
    assert unsd.label.en == labels[unsd2022]


def test_explicit_thresholds_override_the_scheme(assess_text):
    observations = "{ at = 2020, value = 40 }, { at = 2023, value = 43.3 }"  # ratio 0.55
    text = level(observations, extra="[assessment]\nscheme = 'unsd2022'\nacceleration_needed = 0.6")
    assert assess_text(text, date(2025, 6, 30)).verdict is Verdict.LIMITED_PROGRESS


def test_unsd2022_names_met_target_achieved(assess_text):
    text = level(
        ON_COURSE + ", { at = 2025, value = 50 }", extra="[assessment]\nscheme = 'unsd2022'"
    )
    assert assess_text(text).label.en == "target achieved"


# --- a file of schema_version 1 keeps its numbers (but for years_left) before its deadlines ------


def v1_reference(observations, V, by, as_of, method):
    """The numbers of contract schema_version 1 for a level target, written out independently."""
    T, A = decimal_year(by), decimal_year(as_of)
    known = sorted((decimal_year(at), v) for at, v in observations if decimal_year(at) <= A)
    considered = [(t, v) for t, v in known if t <= T]
    if not considered:
        return None
    t_b, v_b = considered[0]
    later = [(t, v) for t, v in considered if t > t_b]
    t_l, v_l = later[-1] if later else (t_b, v_b)
    d = 1 if v_b <= V else -1

    def safe(f):
        try:
            x = f()
        except (ZeroDivisionError, OverflowError, ValueError):
            return None
        return None if x is None or isinstance(x, complex) or not math.isfinite(x) else x

    change = safe(lambda: (v_l - v_b) / (t_l - t_b))
    growth = safe(lambda: (v_l / v_b) ** (1 / (t_l - t_b)) - 1 if v_b > 0 and v_l > 0 else None)
    projected = (
        safe(
            lambda: (
                v_l + change * (T - t_l) if method == "linear" else v_l * (1 + growth) ** (T - t_l)
            )
        )
        if (change if method == "linear" else growth) is not None
        else None
    )
    if method == "linear":
        ratio = (
            safe(lambda: d * change / abs((V - v_b) / (T - t_b))) if change is not None else None
        )
    elif method == "compound":
        ratio = (
            safe(lambda: d * growth / abs((V / v_b) ** (1 / (T - t_b)) - 1) if V > 0 else None)
            if growth is not None
            else None
        )
    else:
        ratio = safe(lambda: (projected - v_b) / (V - v_b)) if projected is not None else None
    if v_b == V:
        ratio = None
    return {
        "gap": safe(lambda: V - v_l),
        "progress": safe(lambda: (v_l - v_b) / (V - v_b)),
        "time_elapsed": safe(lambda: (t_l - t_b) / (T - t_b)),
        "actual_change_per_year": change,
        "actual_growth_per_year": growth,
        "required_change_per_year": safe(lambda: (V - v_l) / (T - t_l)),
        "required_growth_per_year": safe(
            lambda: (V / v_l) ** (1 / (T - t_l)) - 1 if V > 0 and v_l > 0 else None
        ),
        "projected": projected,
        "ratio": ratio,
        "years_left": T - A,
    }


@given(
    points=st.lists(
        st.dates(min_value=date(2010, 1, 1), max_value=date(2024, 12, 31)),
        min_size=1, max_size=5, unique_by=decimal_year,
    ),
    values=st.lists(st.floats(min_value=1, max_value=1000), min_size=5, max_size=5),
    goal=st.floats(min_value=1, max_value=1000),
    method=st.sampled_from(["linear", "compound", "unsd"]),
    days_before=st.integers(min_value=1, max_value=400),
)  # fmt: skip
def test_a_version_1_file_before_its_deadline_keeps_its_numbers(
    points, values, goal, method, days_before
):
    by = date(2025, 12, 31)
    as_of = by - timedelta(days=days_before)
    observations = list(zip(points, values, strict=False))
    targets = TargetsFile.model_validate(
        {
            "targets": {
                "t": {
                    "name": "t",
                    "method": method,
                    "target": {"value": goal, "by": by},
                    "observations": [{"at": at, "value": v} for at, v in observations],
                }
            }
        }
    )
    expected = v1_reference(observations, goal, by, as_of, method)
    assume(expected is not None)
    a = assess_file(targets, as_of)[0]
    assert a.verdict is not Verdict.PENDING
    for name, value in expected.items():
        got = getattr(a.measures, name)
        if value is None:
            assert got is None, name
        else:
            assert got == pytest.approx(value, rel=1e-9, abs=1e-9), name
