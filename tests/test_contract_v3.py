"""Contract schema_version 3, rule by rule, with numbers worked by hand: ties at a cut (section 3),
the schemes unsd2023 and sdsn and their default methods (sections 2, 5), `methods` and
`methods_disagree` (section 10), the trend (section 11) and reached_by (section 12)."""

import math
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from lnrev.engine.verdicts import Caveat, Outlook, Verdict

TOL = 1e-9
BEFORE = date(2024, 6, 30)  # before every deadline below (2025: T = 2026.0)
AFTER = date(2026, 6, 30)  # after it


def level(
    observations: str,
    goal: str = "value = 50, by = 2025",
    extra: str = "",
    baseline: str = "",
    head: str = "",
) -> str:
    return f"""
        {head}
        [targets.t]
        name = "t"
        target = {{ {goal} }}
        {baseline}
        {extra}
        observations = [{observations}]
    """


def scheme(name: str) -> str:
    return f"[assessment]\nscheme = '{name}'"


def by_scheme(a) -> dict:
    return {m.scheme: m for m in a.methods}


# --- section 5: the thresholds of unsd2023 and sdsn, at their cuts ---------------------------
# Decimal inputs whose ratio lands exactly on a cut, where the last bit of a double falls short:
# baseline v_b at t = 2021, latest v_l at t = 2024, target V at T = 2026.
# linear ratio = ((v_l - v_b) / 3) / ((V - v_b) / 5).


@pytest.mark.parametrize(
    ("name", "latest", "target", "exact", "verdict", "label"),
    [
        # (0.7 - 0.1) / 3 = 0.2 against (1.1 - 0.1) / 5 = 0.2: exactly 1 (sdsn's on_track cut)
        ("sdsn", 0.7, 1.1, 1.0, Verdict.ON_TRACK, "on track"),
        # 0.2 against (2.1 - 0.1) / 5 = 0.4: exactly 0.5 (sdsn's acceleration_needed cut)
        ("sdsn", 0.7, 2.1, 0.5, Verdict.ACCELERATION_NEEDED, "moderately improving"),
        # 0.2 against (10.1 - 0.1) / 5 = 2: exactly 0.1 (unsd2023's lower cuts)
        (
            "unsd2023",
            0.7,
            10.1,
            0.1,
            Verdict.ACCELERATION_NEEDED,
            "moderate progress, acceleration needed",
        ),
        # the same exact 1 under ndrc: "faster than expected" from a ratio of 1 on
        ("ndrc", 0.7, 1.1, 1.0, Verdict.ON_TRACK, "faster than expected"),
    ],
)
def test_a_ratio_landing_on_a_cut_reaches_it(
    assess_text, name, latest, target, exact, verdict, label
):
    text = level(
        f"{{ at = 2020, value = 0.1 }}, {{ at = 2023, value = {latest} }}",
        f"value = {target}, by = 2025",
        extra="method = 'linear'",
        head=scheme(name),
    )
    a = assess_text(text, BEFORE)
    assert a.measures.ratio < exact  # a plain comparison would fall short by the last bit
    assert a.measures.ratio == pytest.approx(exact, abs=1e-15)
    assert a.verdict is verdict and a.label.en == label


@pytest.mark.parametrize(
    ("latest", "target", "exact", "verdict"),
    [
        # half the time gone (t_b 2021, t_l 2023, T 2025): projected = v_l^2 / v_b.
        # 1.8^2 / 0.1 = 32.4; (32.4 - 0.1) / (34.1 - 0.1) = 32.3 / 34 = 0.95 exactly
        (1.8, 34.1, 0.95, Verdict.ON_TRACK),
        # 0.3^2 / 0.1 = 0.9; (0.9 - 0.1) / (8.1 - 0.1) = 0.1 exactly
        (0.3, 8.1, 0.1, Verdict.ACCELERATION_NEEDED),
    ],
)
def test_unsd2023_by_its_own_method_at_its_cuts(assess_text, latest, target, exact, verdict):
    text = level(
        f"{{ at = 2020, value = 0.1 }}, {{ at = 2022, value = {latest} }}",
        f"value = {target}, by = 2024",
        head=scheme("unsd2023"),
    )
    a = assess_text(text, date(2023, 6, 30))
    assert a.method == "unsd"  # the scheme's default method (section 2)
    assert a.measures.ratio < exact
    assert a.measures.ratio == pytest.approx(exact, abs=1e-14)
    assert a.verdict is verdict


@pytest.mark.parametrize(
    ("latest", "eurostat", "unsd2023", "sdsn"),
    [
        # ratio = (latest - 40) / 3 / 2 (linear, the file's method)
        (46.0, "on track", "on track", "on track"),  # 1.0
        (45.7, "on track", "on track", "moderately improving"),  # 0.95
        (
            43.0,
            "limited progress",
            "moderate progress, acceleration needed",
            "moderately improving",
        ),  # 0.5
        (41.0, "limited progress", "moderate progress, acceleration needed", "stagnating"),  # 1/6
        (40.3, "limited progress", "stagnation or regression", "stagnating"),  # 0.05
        (39.7, "deterioration", "stagnation or regression", "decreasing"),  # -0.05
    ],
)
def test_the_bands_and_labels_of_each_scheme(assess_text, latest, eurostat, unsd2023, sdsn):
    observations = f"{{ at = 2020, value = 40 }}, {{ at = 2023, value = {latest} }}"
    for name, label in (("eurostat", eurostat), ("unsd2023", unsd2023), ("sdsn", sdsn)):
        head = f"[assessment]\nscheme = '{name}'\nmethod = 'linear'"
        a = assess_text(level(observations, head=head), BEFORE)
        assert a.label.en == label, name


def test_unsd2023_reaches_limited_progress_only_with_thresholds_of_its_own(assess_text):
    observations = "{ at = 2020, value = 40 }, { at = 2023, value = 40.3 }"  # ratio 0.05
    head = "[assessment]\nscheme = 'unsd2023'\nmethod = 'linear'\nlimited_progress = 0.0"
    a = assess_text(level(observations, head=head), BEFORE)
    assert a.verdict is Verdict.LIMITED_PROGRESS and a.label.en == "stagnation or regression"
    assert a.label.zh == "停滞或倒退"


def test_chinese_labels_of_the_new_schemes(assess_text):
    observations = "{ at = 2020, value = 40 }, { at = 2023, value = 43 }"  # linear ratio 0.5
    a = assess_text(level(observations, head=scheme("sdsn")), BEFORE)
    assert (a.label.en, a.label.zh) == ("moderately improving", "温和改善")
    methods = by_scheme(a)
    assert methods["unsd2023"].label.zh in ("进展中等，需加快", "停滞或倒退", "进度正常")


# --- section 2: each scheme's default method --------------------------------------------------


@pytest.mark.parametrize(
    ("name", "method"),
    [
        ("eurostat", "linear"),
        ("unsd2022", "linear"),
        ("unsd2023", "unsd"),
        ("sdsn", "linear"),
        ("ndrc", "linear"),
    ],
)
def test_without_a_method_a_level_target_takes_its_schemes_default(assess_text, name, method):
    observations = "{ at = 2020, value = 40 }, { at = 2023, value = 46 }"
    assert assess_text(level(observations, head=scheme(name)), BEFORE).method == method


def test_the_files_method_and_the_targets_own_win_over_the_schemes_default(assess_text):
    observations = "{ at = 2020, value = 40 }, { at = 2023, value = 46 }"
    head = "[assessment]\nscheme = 'unsd2023'\nmethod = 'compound'"
    assert assess_text(level(observations, head=head), BEFORE).method == "compound"
    own = level(observations, head=scheme("unsd2023"), extra="method = 'linear'")
    assert assess_text(own, BEFORE).method == "linear"


def test_a_growth_target_is_compound_under_unsd2023_but_for_its_unsd2023_method(assess_text):
    text = f"""
        {scheme("unsd2023")}
        [targets.t]
        kind = "growth"
        name = "GDP"
        target = {{ rate = 6, by = 2025 }}
        baseline = {{ at = 2020 }}
        observations = [{{ at = 2021, rate = 5.8 }}, {{ at = 2023, rate = 3.7 }}]
    """
    a = assess_text(text, BEFORE)
    assert a.method == "compound"
    assert [(m.scheme, m.method) for m in a.methods] == [
        ("eurostat", "compound"), ("unsd2022", "compound"), ("unsd2023", "unsd"),
        ("sdsn", "compound"), ("ndrc", "compound"),
    ]  # fmt: skip


def test_the_scheme_on_the_command_line_sets_the_default_method(write_targets):
    import json

    from typer.testing import CliRunner

    from lnrev.cli import app

    write_targets(level("{ at = 2020, value = 40 }, { at = 2023, value = 46 }"))
    result = CliRunner().invoke(
        app, ["status", "--json", "--as-of", "2024-06-30", "--scheme", "unsd2023"]
    )
    assert result.exit_code == 0, result.output
    document = json.loads(result.stdout)
    assert document["scheme"] == "unsd2023" and document["targets"][0]["method"] == "unsd"


# --- section 3: ties at met, missed and bounds --------------------------------------------------


def test_a_value_equal_to_the_target_less_the_tolerance_is_met(assess_text):
    # 0.9 - 1.1 is -0.20000000000000007 in doubles: a plain test says short of -0.2
    text = level(
        "{ at = 2020, value = 0.1 }, { at = 2025, value = 0.9 }",
        "value = 1.1, by = 2025",
        extra="tolerance = 0.2",
    )
    assert 0.9 - 1.1 < -0.2
    a = assess_text(text, AFTER)
    assert a.verdict is Verdict.MET


def test_a_value_just_beyond_the_tolerance_is_missed(assess_text):
    text = level(
        "{ at = 2020, value = 0.1 }, { at = 2025, value = 0.8999 }",
        "value = 1.1, by = 2025",
        extra="tolerance = 0.2",
    )
    assert assess_text(text, AFTER).verdict is Verdict.MISSED


BOUND = """
    [targets.t]
    kind = "bound"
    name = "Unemployment"
    tolerance = {tolerance}
    target = {{ max = {bound}, by = 2025 }}
    observations = [{{ at = 2022, value = {value} }}]
"""


def test_a_bound_value_equal_to_the_bound_plus_tolerance_is_no_breach(assess_text):
    # 0.4 - 0.3 is 0.10000000000000003 in doubles: a plain test says beyond the tolerance 0.1
    assert 0.4 - 0.3 > 0.1
    a = assess_text(BOUND.format(tolerance=0.1, bound=0.3, value=0.4), BEFORE)
    assert a.verdict is Verdict.ON_TRACK
    beyond = assess_text(BOUND.format(tolerance=0.1, bound=0.3, value=0.40001), BEFORE)
    assert beyond.verdict is Verdict.MISSED


GROWTH = """
    [targets.t]
    kind = "growth"
    name = "GDP"
    target = {{ rate = {rate}, by = 2025 }}
    baseline = {{ at = 2020 }}
    {extra}
    observations = [{observations}]
"""


def test_a_growth_rate_equal_to_its_target_is_met(assess_text):
    # five years at 5.5% chain to 130.69600064093746, just under 100 * 1.055 ** 5 =
    # 130.69600064093748: a plain comparison reads "missed" by the last bit
    observations = ", ".join(f"{{ at = {year}, rate = 5.5 }}" for year in range(2021, 2026))
    a = assess_text(GROWTH.format(rate=5.5, extra="", observations=observations), AFTER)
    assert a.verdict is Verdict.MET
    assert a.latest.value == pytest.approx(5.5, abs=1e-12)


def test_a_growth_rate_equal_to_its_target_less_the_tolerance_is_met(assess_text):
    observations = ", ".join(f"{{ at = {year}, rate = 5.3 }}" for year in range(2021, 2026))
    text = GROWTH.format(rate=5.5, extra="tolerance = 0.2", observations=observations)
    assert assess_text(text, AFTER).verdict is Verdict.MET
    below = ", ".join(f"{{ at = {year}, rate = 5.29 }}" for year in range(2021, 2026))
    text = GROWTH.format(rate=5.5, extra="tolerance = 0.2", observations=below)
    assert assess_text(text, AFTER).verdict is Verdict.MISSED


def test_a_pending_growth_target_at_its_rate_is_likely_met(assess_text):
    observations = ", ".join(f"{{ at = {year}, rate = 5.5 }}" for year in range(2021, 2025))
    a = assess_text(GROWTH.format(rate=5.5, extra="", observations=observations), AFTER)
    assert a.verdict is Verdict.PENDING and a.outlook is Outlook.LIKELY_MET


def test_a_negative_growth_target_is_judged_upward(assess_text):
    # the rate -2% a year must hold: -1% a year is better than asked, -3% worse
    better = assess_text(
        GROWTH.format(rate=-2, extra="", observations="{ at = 2025, rate = -1 }"), AFTER
    )
    worse = assess_text(
        GROWTH.format(rate=-2, extra="", observations="{ at = 2025, rate = -3 }"), AFTER
    )
    assert better.direction == worse.direction == "increase"
    assert better.verdict is Verdict.MET
    assert worse.verdict is Verdict.MISSED


def test_a_growth_target_without_a_figure_after_its_base_is_not_met(assess_text):
    # index 100 at the base is above the index of -2% a year, but nothing has been realized yet
    a = assess_text(
        GROWTH.format(rate=-2, extra="", observations="{ at = 2026, rate = 1 }"), BEFORE
    )
    assert a.verdict is Verdict.INSUFFICIENT_DATA


def test_direction_on_a_growth_target_and_a_rate_of_minus_100_are_refused(write_targets):
    from typer.testing import CliRunner

    from lnrev.cli import app

    write_targets(
        "[targets.t]\nkind = 'growth'\nname = 'GDP'\ndirection = 'decrease'\n"
        "target = { rate = -100, by = 2025 }\nbaseline = { at = 2020 }\n"
        "observations = [{ at = 2021, rate = -100.5 }]\n"
    )
    result = CliRunner().invoke(app, ["status"])
    assert result.exit_code == 3
    assert result.stderr.splitlines() == [
        "targets.toml:4: targets.t.direction: 'direction' does not belong to a growth target: it is"
        " always judged upward (the average rate must at least hold)",
        "targets.toml:5: targets.t.target.rate: must be greater than -100, got -100",
        "targets.toml:7: targets.t.observations[0].rate: must be greater than -100, got -100.5",
    ]


# --- section 10: the published methods side by side ----------------------------------------------

ENERGY = """
    [plan]
    base = 2020
    [assessment]
    scheme = "ndrc"
    [targets.t]
    kind = "change"
    name = "Energy per unit of GDP"
    target = {{ change = -13.5, by = 2025 }}
    observations = [{observations}]
"""


def test_methods_side_by_side_on_energy_intensity_at_the_mid_term_review(assess_text):
    """-2.7% in 2021 against -13.5% by 2025: linear pace 2.7 pp a year against an even 2.7 (ratio
    1); compound: 0.973 a year against 0.865 ** (1/5) = 0.97142 (ratio 0.027 / 0.028575)."""
    a = assess_text(ENERGY.format(observations="{ at = 2021, yoy = -2.7 }"), date(2023, 12, 26))
    methods = by_scheme(a)
    assert list(methods) == ["eurostat", "unsd2022", "unsd2023", "sdsn", "ndrc"]
    compound = 0.027 / (1 - 0.865**0.2)
    assert methods["eurostat"].ratio == pytest.approx(compound, abs=TOL)
    assert methods["eurostat"].verdict is Verdict.ACCELERATION_NEEDED
    assert methods["unsd2022"].label.en == "fair progress, acceleration needed"
    # unsd: projected index 97.3 * 0.973 ** 4 = 87.2096; (87.2096 - 100) / (86.5 - 100)
    projected = 97.3 * 0.973**4
    assert methods["unsd2023"].ratio == pytest.approx((projected - 100) / -13.5, abs=TOL)
    assert methods["unsd2023"].projected == pytest.approx(projected - 100, abs=TOL)
    assert methods["unsd2023"].verdict is Verdict.ACCELERATION_NEEDED
    assert methods["sdsn"].verdict is Verdict.ON_TRACK and methods["sdsn"].ratio == pytest.approx(
        1.0
    )
    assert methods["ndrc"].label.en == "faster than expected"
    assert methods["sdsn"].projected == pytest.approx(-13.5, abs=TOL)
    assert a.caveats == (Caveat.STALE, Caveat.METHODS_DISAGREE)


def test_a_bound_has_the_bound_rule_under_every_scheme_and_never_disagrees(assess_text):
    a = assess_text(BOUND.format(tolerance=0, bound=5.5, value=5.2), BEFORE)
    assert [(m.method, m.verdict, m.ratio, m.projected) for m in a.methods] == [
        (None, Verdict.ON_TRACK, None, None)
    ] * 5
    assert by_scheme(a)["ndrc"].label.en == "broadly as expected"
    assert Caveat.METHODS_DISAGREE not in a.caveats


def test_insufficient_data_under_every_method_does_not_disagree(assess_text):
    a = assess_text(level("{ at = 2020, value = 40 }"), BEFORE)
    assert {m.verdict for m in a.methods} == {Verdict.INSUFFICIENT_DATA}
    assert Caveat.METHODS_DISAGREE not in a.caveats


def test_no_baseline_gives_insufficient_data_under_every_method(assess_text):
    a = assess_text(level("{ at = 2026, value = 40 }"), BEFORE)
    assert [m.verdict for m in a.methods] == [Verdict.INSUFFICIENT_DATA] * 5
    assert [m.method for m in a.methods] == ["compound", "compound", "unsd", "linear", "linear"]


def test_insufficient_data_beside_a_favourable_method_does_not_disagree(assess_text):
    # a baseline of 0: the compound methods have no ratio, the linear ones say on track
    a = assess_text(
        level("{ at = 2020, value = 0 }, { at = 2023, value = 30 }", "value = 50, by = 2025"),
        BEFORE,
    )
    verdicts = {m.scheme: m.verdict for m in a.methods}
    assert verdicts["eurostat"] is Verdict.INSUFFICIENT_DATA
    assert verdicts["sdsn"] is Verdict.ON_TRACK
    assert Caveat.METHODS_DISAGREE not in a.caveats


@pytest.mark.parametrize(
    ("latest", "outlooks", "disagree"),
    [
        # pending, latest 45 at t = 2024 from 40 at 2021, target 47.9 at 2026:
        # linear projects 45 + 5/3 * 2 = 48.33 (likely met); compound 45 * (45/40) ** (2/3)
        # = 48.67 (likely met): all agree
        (45.0, {"likely_met"}, False),
        # target 48.5: linear 48.33 likely missed, compound 48.67 likely met: they disagree
        (45.0, {"likely_met", "likely_missed"}, True),
    ],
)
def test_pending_outlooks_under_each_method(assess_text, latest, outlooks, disagree):
    target = 47.9 if not disagree else 48.5
    text = level(
        f"{{ at = 2020, value = 40 }}, {{ at = 2023, value = {latest} }}",
        f"value = {target}, by = 2025",
    )
    a = assess_text(text, AFTER)
    assert {m.verdict for m in a.methods} == {Verdict.PENDING}
    assert {m.outlook.value for m in a.methods} == outlooks
    assert (Caveat.METHODS_DISAGREE in a.caveats) is disagree


def test_pending_without_an_outlook_is_neither_favourable_nor_not(assess_text):
    # nothing after the baseline: pending with no projection under every method
    a = assess_text(level("{ at = 2020, value = 40 }"), AFTER)
    assert {(m.verdict, m.outlook) for m in a.methods} == {(Verdict.PENDING, None)}
    assert Caveat.METHODS_DISAGREE not in a.caveats


# --- section 11: the trend ---------------------------------------------------------------------

THREE = level(
    "{ at = 2021, value = 12 }, { at = 2022, value = 13 }",
    "value = 20, by = 2025",
    baseline="baseline = { at = 2020, value = 10 }",
)


def test_a_trend_on_three_points_worked_by_hand(assess_text):
    """Points (2021, 10), (2022, 12), (2023, 13): t_m = 2022, y_m = 35/3, Sxx = 2, b = 3/2,
    y_T = 35/3 + 4 * 3/2 = 53/3 at T = 2026. Residuals -1/6, 1/3, -1/6: s^2 = 1/6 on 1 degree of
    freedom; se = sqrt(1/6 * (1 + 1/3 + 16/2)) = sqrt(14) / 3. q = tan(0.4 pi) (Cauchy).
    z = (20 - 53/3) / se = sqrt(14) / 2; probability 1 - F(z) = 1/2 - atan(z) / pi."""
    a = assess_text(THREE, BEFORE)
    assert a.verdict is Verdict.ACCELERATION_NEEDED  # 1.5 a year against 2
    trend = a.trend
    se, q = math.sqrt(14) / 3, math.tan(0.4 * math.pi)
    assert (trend.points, trend.scale) == (3, "linear")
    assert trend.projected == pytest.approx(53 / 3, abs=TOL)
    assert trend.low == pytest.approx(53 / 3 - q * se, abs=TOL)
    assert trend.high == pytest.approx(53 / 3 + q * se, abs=TOL)
    assert trend.probability == pytest.approx(0.5 - math.atan(math.sqrt(14) / 2) / math.pi, abs=TOL)


def test_a_trend_on_four_points_worked_by_hand(assess_text):
    """Points 10, 12, 13, 15 at t = 2021..2024: t_m = 2022.5, y_m = 12.5, Sxx = 5, b = 1.6,
    y_T = 12.5 + 3.5 * 1.6 = 18.1. Residuals -0.1, 0.3, -0.3, 0.1: s^2 = 0.2 / 2 = 0.1;
    se = sqrt(0.1 * (1 + 1/4 + 12.25/5)) = sqrt(0.37). q = 0.8 sqrt(2) / 0.6 (2 degrees of
    freedom: F(t) = 1/2 + t / (2 sqrt(2 + t^2))); z = (20 - 18.1) / se."""
    text = level(
        "{ at = 2021, value = 12 }, { at = 2022, value = 13 }, { at = 2023, value = 15 }",
        "value = 20, by = 2025",
        baseline="baseline = { at = 2020, value = 10 }",
    )
    a = assess_text(text, BEFORE)
    se, q = math.sqrt(0.37), 0.8 * math.sqrt(2) / 0.6
    z = 1.9 / se
    assert a.trend.projected == pytest.approx(18.1, abs=TOL)
    assert (a.trend.low, a.trend.high) == pytest.approx((18.1 - q * se, 18.1 + q * se), abs=TOL)
    assert a.trend.probability == pytest.approx(0.5 - z / (2 * math.sqrt(2 + z * z)), abs=TOL)


def test_two_points_give_no_trend(assess_text):
    a = assess_text(level("{ at = 2020, value = 40 }, { at = 2023, value = 45 }"), BEFORE)
    assert a.verdict is Verdict.LIMITED_PROGRESS or a.verdict is Verdict.ACCELERATION_NEEDED
    assert a.trend is None


def test_an_exact_fit_has_no_spread_and_a_certain_answer(assess_text):
    # 40, 42, 44, 46 on a line: s = 0; y_T = 50 at 2026 meets 50 exactly (probability 1)
    on_line = "{ at = 2020, value = 40 }, { at = 2021, value = 42 }, { at = 2022, value = 44 }, { at = 2023, value = 46 }"
    a = assess_text(level(on_line), BEFORE)
    assert (a.trend.low, a.trend.projected, a.trend.high) == pytest.approx((50, 50, 50), abs=TOL)
    assert a.trend.probability == 1.0
    short = assess_text(level(on_line, "value = 50.5, by = 2025"), BEFORE)
    assert short.trend.probability == 0.0


def test_an_exact_fit_of_decimals_is_an_exact_fit(assess_text):
    # 0.1, 0.2, 0.3, 0.4 are on a line only up to rounding
    on_line = "{ at = 2020, value = 0.1 }, { at = 2021, value = 0.2 }, { at = 2022, value = 0.3 }, { at = 2023, value = 0.4 }"
    a = assess_text(level(on_line, "value = 0.6, by = 2025"), BEFORE)
    assert a.trend.low == a.trend.high == a.trend.projected
    assert a.trend.probability == 1.0  # y_T = 0.6 on the line


def test_the_log_scale_of_the_compound_method(assess_text):
    """ln of 100, 110, 121, 133.1 lies on a line of slope ln 1.1: exact fit, y_T = 100 * 1.1 ** 5."""
    text = level(
        "{ at = 2020, value = 100 }, { at = 2021, value = 110 }, { at = 2022, value = 121 }, { at = 2023, value = 133.1 }",
        "value = 170, by = 2025",
        extra="method = 'compound'",
    )
    a = assess_text(text, BEFORE)
    assert a.trend.scale == "log"
    assert a.trend.projected == pytest.approx(100 * 1.1**5, rel=1e-12)
    assert a.trend.probability == 0.0  # 161.05 < 170


def test_the_log_scale_with_a_point_at_or_below_zero_gives_no_trend(assess_text):
    text = level(
        "{ at = 2020, value = -1 }, { at = 2021, value = 2 }, { at = 2022, value = 4 }, { at = 2023, value = 6 }",
        "value = 10, by = 2025",
        extra="method = 'compound'",
    )
    a = assess_text(text, BEFORE)
    assert a.trend is None
    linear = assess_text(text.replace("'compound'", "'linear'"), BEFORE)
    assert linear.trend is not None and linear.trend.scale == "linear"


def test_a_pending_target_has_a_trend_and_a_settled_one_none(assess_text):
    pending = assess_text(THREE, AFTER)
    assert pending.verdict is Verdict.PENDING and pending.trend is not None
    met = level(
        "{ at = 2021, value = 12 }, { at = 2022, value = 21 }",
        "value = 20, by = 2025",
        baseline="baseline = { at = 2020, value = 10 }",
    )
    assert assess_text(met, BEFORE).trend is None


def test_a_change_target_reports_its_trend_in_cumulative_percent(assess_text):
    """Index 100, 97.3, 96, 94 at 2021..2024 (linear): y_T by hand, reported as index - 100."""
    text = ENERGY.format(
        observations="{ at = 2021, value = -2.7 }, { at = 2022, value = -4 }, { at = 2023, value = -6 }"
    ).replace('scheme = "ndrc"', 'scheme = "ndrc"\nmethod = "linear"')
    a = assess_text(text, BEFORE)
    ts, ys = [2021, 2022, 2023, 2024], [100, 97.3, 96, 94]
    t_m, y_m = sum(ts) / 4, sum(ys) / 4
    b = sum((t - t_m) * (y - y_m) for t, y in zip(ts, ys, strict=True)) / sum(
        (t - t_m) ** 2 for t in ts
    )
    assert a.trend.projected == pytest.approx(y_m + b * (2026 - t_m) - 100, abs=TOL)
    assert a.trend.low < a.trend.projected < a.trend.high


def test_a_growth_target_reports_its_trend_as_an_average_rate(assess_text):
    """Index 100, 105, 110.25, 115.7625 (5% a year): an exact fit on the log scale, 5% a year
    at the deadline, probability 1 against 5%."""
    observations = "{ at = 2021, rate = 5 }, { at = 2022, rate = 5 }, { at = 2023, rate = 5 }"
    a = assess_text(GROWTH.format(rate=5, extra="", observations=observations), BEFORE)
    assert a.trend.scale == "log" and a.trend.points == 4
    assert a.trend.projected == pytest.approx(5.0, abs=1e-9)
    assert a.trend.probability == 1.0
    assert a.reached_by is None  # not for growth targets


# --- section 12: reached_by ---------------------------------------------------------------------


def test_reached_by_under_the_linear_method(assess_text):
    # 13 at t = 2023, 1.5 a year since 10 at 2021: 20 at 2023 + 7 / 1.5 = 2027.67, in 2027
    assert assess_text(THREE, BEFORE).reached_by == 2027


def test_reached_by_at_a_year_boundary(assess_text):
    # 19 at 2023 + 6 / 1.5 = 2027.0 exactly: the end of 2026
    text = THREE.replace("value = 20, by", "value = 19, by")
    assert assess_text(text, BEFORE).reached_by == 2026
    # decimals: 1.1 to 1.2 in 3 years (1/30 a year), 7.7 at 2024 + 6.5 * 30 = 2219.0 exactly;
    # in doubles t* is 2219.0000000000005, which a plain ceiling would put in 2219
    decimals = level(
        "{ at = 2023, value = 1.2 }",
        "value = 7.7, by = 2300",
        baseline="baseline = { at = 2020, value = 1.1 }",
    )
    a = assess_text(decimals, BEFORE)
    assert a.verdict is Verdict.ON_TRACK
    t_star = 2024 + (7.7 - 1.2) / a.measures.actual_change_per_year
    assert t_star > 2219.0  # the double misses the boundary
    assert a.reached_by == 2218


def test_reached_by_under_the_compound_and_unsd_methods(assess_text):
    # 100 to 121 in two years is 10% a year: 146.41 = 121 * 1.1 ** 2 two years on, at 2025.0
    for method in ("compound", "unsd"):
        text = level(
            "{ at = 2022, value = 121 }",
            "value = 146.41, by = 2026",
            baseline="baseline = { at = 2020, value = 100 }",
            extra=f"method = '{method}'",
        )
        a = assess_text(text, BEFORE)
        assert a.reached_by == 2024, method


def test_reached_by_with_a_tolerance_aims_at_the_target_less_it(assess_text):
    text = THREE.replace(
        "target = { value = 20, by = 2025 }",
        "target = { value = 20.5, by = 2025 }\n        tolerance = 0.5",
    )
    assert assess_text(text, BEFORE).reached_by == 2027


def test_no_reached_by_for_a_pace_away_from_the_target_or_a_settled_verdict(assess_text):
    away = level("{ at = 2020, value = 40 }, { at = 2023, value = 39 }")
    assert assess_text(away, BEFORE).reached_by is None
    met = level("{ at = 2020, value = 40 }, { at = 2023, value = 51 }")
    assert assess_text(met, BEFORE).reached_by is None
    bound = assess_text(BOUND.format(tolerance=0, bound=5.5, value=5.2), BEFORE)
    assert bound.reached_by is None and bound.trend is None


def test_a_pending_target_has_a_reached_by(assess_text):
    a = assess_text(THREE, AFTER)
    assert a.verdict is Verdict.PENDING and a.reached_by == 2027


def test_a_decreasing_change_target_is_reached_on_the_index(assess_text):
    # index 97.3 after a year from 100 (linear): 86.5 at 2022 + 10.8 / 2.7 = 2026.0: end of 2025
    text = ENERGY.format(observations="{ at = 2021, yoy = -2.7 }").replace(
        'scheme = "ndrc"', 'scheme = "ndrc"\nmethod = "linear"'
    )
    assert assess_text(text, BEFORE).reached_by == 2025


@given(rate=st.floats(max_value=-100, allow_nan=False, allow_infinity=False))
def test_any_growth_rate_of_minus_100_or_less_is_refused_with_its_line(rate):
    from pydantic import ValidationError

    from lnrev.model.targets_file import TargetsFile

    table = {
        "kind": "growth",
        "name": "GDP",
        "target": {"rate": 5.0, "by": 2025},
        "baseline": {"at": 2020},
        "observations": [{"at": 2021, "rate": rate}],
    }
    with pytest.raises(ValidationError) as refused:
        TargetsFile.model_validate({"targets": {"t": table}})
    assert [error["loc"][-1] for error in refused.value.errors()] == ["rate"]


@given(rate=st.floats(min_value=-99.999, max_value=1000))
def test_a_growth_rate_above_minus_100_is_accepted_and_judged_upward(rate):
    from lnrev.model.targets_file import TargetsFile
    from lnrev.reports.status import assess_file

    table = {
        "kind": "growth",
        "name": "GDP",
        "target": {"rate": rate, "by": 2025},
        "baseline": {"at": 2020},
        "observations": [{"at": 2025, "rate": rate}],
    }
    a = assess_file(TargetsFile.model_validate({"targets": {"t": table}}), AFTER)[0]
    assert a.direction == "increase"
    assert a.verdict is Verdict.MET  # its own rate, realized over the whole period
