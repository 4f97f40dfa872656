"""Level targets (contract section 3), starting from Liaoning's clean-energy share."""

from datetime import date

import pytest

from lnrev.engine.verdicts import Caveat, Outlook, Verdict

TOL = 1e-9
BEFORE_DEADLINE = date(2025, 6, 30)
"""An as-of date before the 2025 deadlines, when a pace still earns a band."""
A_BEFORE = 2025 + 181 / 365

CLEAN_ENERGY = """
    [targets.clean-energy]
    name = "Clean-energy share of installed generating capacity"
    unit = "%"
    target = { value = 56.8, by = 2025 }
    observations = [
      { at = 2024-04-23, value = 49.5, published = 2024-04-23 },
      { at = 2024-06-30, value = 50.5, published = 2024-07-16 },
    ]
"""
# 2024 is a leap year: 2024-04-23 is day 31+29+31+23 = 114, 2024-06-30 is day 182.
T_B = 2024 + 114 / 366
T_L = 2024 + 182 / 366
T = 2026.0  # the end of 2025
A = 2026 + 327 / 365  # 2026-11-23 is day 327 of 365


def test_clean_energy_by_hand(assess_text):
    a = assess_text(CLEAN_ENERGY, BEFORE_DEADLINE)
    assert a.baseline.at == date(2024, 4, 23) and a.baseline.value == 49.5
    assert a.baseline_from == "first_observation"
    assert a.latest.at == date(2024, 6, 30) and a.latest.value == 50.5
    assert a.direction == "increase"  # 56.8 >= 49.5
    assert a.method == "linear"
    m = a.measures
    assert m.gap == pytest.approx(56.8 - 50.5, abs=TOL)  # 6.3 points to go
    assert m.progress == pytest.approx((50.5 - 49.5) / (56.8 - 49.5), abs=TOL)  # 0.1370
    assert m.time_elapsed == pytest.approx((T_L - T_B) / (T - T_B), abs=TOL)  # 0.1100
    assert m.years_left == pytest.approx(T - A_BEFORE, abs=TOL)  # 0.5041: calendar time left
    assert m.data_age == pytest.approx(A_BEFORE - T_L, abs=TOL)  # 0.9986
    pace = (50.5 - 49.5) / (T_L - T_B)  # 1 point in 68/366 of a year = 5.3824
    assert m.actual_change_per_year == pytest.approx(pace, abs=TOL)
    assert m.actual_change_per_year == pytest.approx(366 / 68, abs=TOL)
    assert m.actual_growth_per_year == pytest.approx(
        (50.5 / 49.5) ** (1 / (T_L - T_B)) - 1, abs=TOL
    )
    assert m.required_change_per_year == pytest.approx(6.3 / (T - T_L), abs=TOL)  # 4.1924
    assert m.required_growth_per_year == pytest.approx(
        (56.8 / 50.5) ** (1 / (T - T_L)) - 1, abs=TOL
    )
    assert m.projected == pytest.approx(50.5 + pace * (T - T_L), abs=TOL)  # 58.59
    even_pace = (56.8 - 49.5) / (T - T_B)  # 4.3233 a year from the baseline
    assert m.ratio == pytest.approx(pace / even_pace, abs=TOL)  # 1.2450
    assert a.verdict is Verdict.ON_TRACK
    assert a.label.en == "on track"
    assert a.outlook is None
    assert a.caveats == (Caveat.SHORT_SPAN,)  # 68 days of data, under min_span 1.0
    assert a.note is None


def test_clean_energy_on_2026_11_23_is_pending_and_likely_met(assess_text):
    """Eleven months after its deadline, with no figure for it: pending, not "on track"."""
    a = assess_text(CLEAN_ENERGY, date(2026, 11, 23))
    m = a.measures
    assert m.years_left == pytest.approx(T - A, abs=TOL)  # -0.8959: the deadline has passed
    assert m.data_age == pytest.approx(A - T_L, abs=TOL)  # 2.4051 years since 2024-06-30
    pace = 366 / 68
    assert m.projected == pytest.approx(50.5 + pace * (T - T_L), abs=TOL)  # 58.59 >= 56.8
    assert m.required_change_per_year == pytest.approx(6.3 / (T - T_L), abs=TOL)
    assert a.verdict is Verdict.PENDING
    assert a.outlook is Outlook.LIKELY_MET
    assert a.caveats == (Caveat.STALE, Caveat.SHORT_SPAN)  # 2.41 > 1.5; 68/366 < 1
    assert a.label.en == "pending"
    assert a.note == "the deadline 2025-12-31 has passed; its figure is not known yet"


def test_clean_energy_before_the_june_figure_was_published(assess_text):
    # On 2024-07-01 the 50.5% of end June was not yet published (2024-07-16).
    a = assess_text(CLEAN_ENERGY, date(2024, 7, 1))
    assert a.latest.value == 49.5 and a.latest == a.baseline
    assert [entry.considered for entry in a.history] == [True, False]
    assert a.measures.ratio is None
    assert a.measures.required_change_per_year == pytest.approx(7.3 / (T - T_B), abs=TOL)
    assert a.verdict is Verdict.INSUFFICIENT_DATA
    assert a.note == "nothing observed after the baseline yet: no pace"


def test_as_of_before_every_observation_is_insufficient_data(assess_text):
    a = assess_text(CLEAN_ENERGY, date(2024, 1, 1))
    assert a.baseline is None and a.latest is None
    assert a.measures.gap is None and a.measures.ratio is None
    assert a.verdict is Verdict.INSUFFICIENT_DATA
    assert a.note == "no observation known as of 2024-01-01"


def _level(observations: str, extra: str = "", target: str = "{ value = 50, by = 2025 }") -> str:
    return f"""
        [targets.t]
        name = "t"
        target = {target}
        {extra}
        observations = [{observations}]
    """


def test_met_before_the_deadline(assess_text):
    a = assess_text(_level("{ at = 2020, value = 40 }, { at = 2023, value = 51 }"))
    assert a.verdict is Verdict.MET
    assert a.note == "reached before the deadline"


def test_met_takes_precedence_over_a_low_ratio(assess_text):
    # reached 50 exactly, even though the pace was slow (rule 2 before rule 5)
    a = assess_text(
        _level(
            "{ at = 2020, value = 49 }, { at = 2024, value = 50 }",
            target="{ value = 50, by = 2030 }",
        )
    )
    assert a.verdict is Verdict.MET


def test_missed_at_the_deadline(assess_text):
    a = assess_text(_level("{ at = 2020, value = 40 }, { at = 2025, value = 49 }"))
    assert a.measures.years_left == pytest.approx(T - A, abs=TOL)
    assert a.measures.data_age == pytest.approx(A - T, abs=TOL)
    assert a.verdict is Verdict.MISSED


def test_tolerance_counts_as_met(assess_text):
    # met(v) is d * (v - V) >= -tolerance: 49.6 - 50 = -0.4 >= -0.5
    a = assess_text(
        _level("{ at = 2020, value = 40 }, { at = 2025, value = 49.6 }", "tolerance = 0.5")
    )
    assert a.verdict is Verdict.MET
    b = assess_text(
        _level("{ at = 2020, value = 40 }, { at = 2025, value = 49.4 }", "tolerance = 0.5")
    )
    assert b.verdict is Verdict.MISSED


@pytest.mark.parametrize(
    ("latest", "verdict"),
    [
        # baseline 40 at 2020 (t=2021), target 50 by 2025 (t=2026): even pace 2 a year.
        # latest at 2023 (t=2024): pace (v - 40) / 3, ratio pace / 2.
        (45.7, Verdict.ON_TRACK),  # pace 1.9, ratio 0.95 (boundary is on track)
        (43.6, Verdict.ACCELERATION_NEEDED),  # pace 1.2, ratio 0.6
        (41.0, Verdict.LIMITED_PROGRESS),  # pace 1/3, ratio 1/6
        (40.0, Verdict.LIMITED_PROGRESS),  # ratio 0.0 is still limited progress
        (39.0, Verdict.DETERIORATION),  # ratio -1/6
    ],
)
def test_verdict_bands(assess_text, latest, verdict):
    a = assess_text(
        _level(f"{{ at = 2020, value = 40 }}, {{ at = 2023, value = {latest} }}"), BEFORE_DEADLINE
    )
    assert a.measures.ratio == pytest.approx((latest - 40) / 3 / 2, abs=TOL)
    assert a.verdict is verdict


def test_custom_thresholds(assess_text):
    text = (
        "[assessment]\non_track = 1.2\nacceleration_needed = 0.9\nlimited_progress = 0.1\n"
        + _level("{ at = 2020, value = 40 }, { at = 2023, value = 45.7 }")
    )
    assert assess_text(text, BEFORE_DEADLINE).verdict is Verdict.ACCELERATION_NEEDED  # 0.95


def test_declared_baseline_and_observations_at_or_before_it(assess_text):
    a = assess_text(
        _level(
            "{ at = 2019, value = 1 }, { at = 2020, value = 2 }, { at = 2022, value = 44 }",
            "baseline = { at = 2020, value = 40 }",
        )
    )
    assert a.baseline.value == 40  # the declared baseline, not the observation at 2020
    assert [entry.considered for entry in a.history] == [False, False, True]
    assert a.measures.actual_change_per_year == pytest.approx((44 - 40) / 2, abs=TOL)


def test_observations_after_the_deadline_are_kept_but_not_assessed(assess_text):
    a = assess_text(
        _level("{ at = 2020, value = 40 }, { at = 2023, value = 46 }, { at = 2026, value = 60 }")
    )
    assert a.latest.value == 46
    assert [entry.considered for entry in a.history] == [True, True, False]


def test_declared_direction_overrides_the_derived_one(assess_text):
    # target 50 above the baseline 40 would be an increase; declared a decrease it is met at once
    a = assess_text(
        _level("{ at = 2020, value = 40 }, { at = 2023, value = 45 }", 'direction = "decrease"')
    )
    assert a.direction == "decrease"
    assert a.verdict is Verdict.MET


def test_a_decrease_is_derived_from_a_target_below_the_baseline(assess_text):
    a = assess_text(_level("{ at = 2020, value = 60 }, { at = 2023, value = 57 }"), BEFORE_DEADLINE)
    assert a.direction == "decrease"
    # pace -1 a year against the even pace |50 - 60| / 5 = 2: ratio -1 * -1 / 2
    assert a.measures.ratio == pytest.approx(0.5, abs=TOL)
    assert a.verdict is Verdict.LIMITED_PROGRESS


@pytest.mark.parametrize("method", ["compound", "unsd"])
def test_compound_and_unsd_methods(assess_text, method):
    a = assess_text(
        _level("{ at = 2020, value = 40 }, { at = 2023, value = 46 }", f'method = "{method}"')
    )
    cagr = (46 / 40) ** (1 / 3) - 1
    projected = 46 * (1 + cagr) ** 2
    assert a.method == method
    assert a.measures.projected == pytest.approx(projected, abs=TOL)
    if method == "compound":
        assert a.measures.ratio == pytest.approx(cagr / ((50 / 40) ** (1 / 5) - 1), abs=TOL)
    else:
        assert a.measures.ratio == pytest.approx((projected - 40) / 10, abs=TOL)


def test_the_file_default_method_applies_unless_a_target_sets_its_own(assess_text):
    text = '[assessment]\nmethod = "unsd"\n' + _level(
        "{ at = 2020, value = 40 }, { at = 2023, value = 46 }"
    )
    assert assess_text(text).method == "unsd"
    text = '[assessment]\nmethod = "unsd"\n' + _level(
        "{ at = 2020, value = 40 }, { at = 2023, value = 46 }", 'method = "linear"'
    )
    assert assess_text(text).method == "linear"


def test_compound_method_with_a_zero_baseline_is_insufficient_data(assess_text):
    a = assess_text(
        _level("{ at = 2020, value = 0 }, { at = 2023, value = 6 }", 'method = "compound"'),
        BEFORE_DEADLINE,
    )
    assert a.measures.ratio is None
    assert a.verdict is Verdict.INSUFFICIENT_DATA
    assert a.note == "the compound method needs positive values"


def test_baseline_equal_to_target_is_insufficient_data_unless_met(assess_text):
    a = assess_text(_level("{ at = 2020, value = 50 }, { at = 2023, value = 49 }"), BEFORE_DEADLINE)
    # direction +1 (50 >= 50); 49 is short of 50; V == v_b leaves the ratio null
    assert a.measures.progress is None and a.measures.ratio is None
    assert a.verdict is Verdict.INSUFFICIENT_DATA
    assert a.note == "the baseline already equals the target"
