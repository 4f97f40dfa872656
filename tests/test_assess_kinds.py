"""Change, growth and bound targets (contract sections 2-4), with the index arithmetic by hand."""

from datetime import date

import pytest

from lnrev.engine.verdicts import Outlook, Verdict

TOL = 1e-9
BEFORE_DEADLINE = date(2025, 6, 30)  # before the 2025 deadlines: a pace still earns a band
AFTER_DEADLINE = date(2026, 11, 23)  # 2026 + 327/365

ENERGY_INTENSITY = """
    [targets.energy-intensity]
    kind = "change"
    name = "Energy consumption per unit of GDP"
    unit = "%"
    binding = true
    target = { change = -13.5, by = 2025 }
    baseline = { at = 2020 }
    observations = [
      { at = 2021, yoy = -2.7 },
      { at = 2023, value = -7.3 },
      { at = 2024, value = -11.6 },
    ]
"""


def test_change_target_on_its_index(assess_text):
    a = assess_text(ENERGY_INTENSITY, BEFORE_DEADLINE)
    # index: 2021 100 * (1 - 0.027) = 97.3; 2023 92.7; 2024 88.4. Target index 86.5.
    # t_b = 2021 (end 2020), t_l = 2025 (end 2024), T = 2026 (end 2025); direction decrease.
    assert a.direction == "decrease"
    assert a.baseline.value == 0.0
    assert a.latest.at == 2024 and a.latest.value == pytest.approx(88.4 - 100, abs=TOL)
    assert a.target.value == -13.5
    m = a.measures
    assert m.gap == pytest.approx(86.5 - 88.4, abs=TOL)  # -1.9 points still to cut
    assert m.progress == pytest.approx((88.4 - 100) / (86.5 - 100), abs=TOL)  # 0.859
    assert m.time_elapsed == pytest.approx(4 / 5, abs=TOL)
    assert m.actual_change_per_year == pytest.approx(-11.6 / 4, abs=TOL)  # -2.9 pp a year
    assert m.required_change_per_year == pytest.approx(-1.9 / 1, abs=TOL)
    assert m.actual_growth_per_year == pytest.approx((88.4 / 100) ** (1 / 4) - 1, abs=TOL)
    assert m.required_growth_per_year == pytest.approx(86.5 / 88.4 - 1, abs=TOL)
    assert m.projected == pytest.approx(88.4 - 2.9 * 1 - 100, abs=TOL)  # -14.5 %
    assert m.ratio == pytest.approx(-1 * -2.9 / (13.5 / 5), abs=TOL)  # 2.9 / 2.7 = 1.074
    assert a.verdict is Verdict.ON_TRACK
    assert a.baseline_from == "declared"
    assert [entry.value for entry in a.history] == pytest.approx([-2.7, -7.3, -11.6], abs=TOL)
    assert [entry.recorded for entry in a.history] == [
        {"yoy": -2.7},
        {"value": -7.3},
        {"value": -11.6},
    ]


def test_change_target_pending_after_its_deadline(assess_text):
    a = assess_text(ENERGY_INTENSITY, AFTER_DEADLINE)
    # the projection at the pace so far: 88.4 - 2.9 = 85.5 <= 86.5, so likely met
    assert a.measures.projected == pytest.approx(-14.5, abs=TOL)
    assert a.verdict is Verdict.PENDING and a.outlook is Outlook.LIKELY_MET


def test_yoy_chains_over_every_observation_whatever_as_of_says(assess_text):
    text = """
        [targets.e]
        kind = "change"
        name = "e"
        target = { change = -13.5, by = 2025 }
        baseline = { at = 2020 }
        observations = [
          { at = 2021, yoy = -2.7, published = 2025-01-01 },
          { at = 2022, yoy = -0.1, published = 2023-02-28 },
        ]
    """
    a = assess_text(text, date(2024, 1, 1))
    # The 2021 figure is not yet published on 2024-01-01, but the 2022 yoy still chains on it:
    # index 100 * 0.973 * 0.999 = 97.2027, not 99.9.
    assert [entry.considered for entry in a.history] == [False, True]
    assert a.latest.value == pytest.approx(100 * 0.973 * 0.999 - 100, abs=TOL)
    # pace (97.2027 - 100) / 2 a year against the even pace 13.5 / 5
    assert a.measures.ratio == pytest.approx((2.7973 / 2) / 2.7, abs=TOL)


def test_change_with_the_compound_method(assess_text):
    a = assess_text(ENERGY_INTENSITY.replace("binding = true", 'method = "compound"'))
    cagr = (88.4 / 100) ** (1 / 4) - 1
    assert a.measures.projected == pytest.approx(88.4 * (1 + cagr) - 100, abs=TOL)
    assert a.measures.ratio == pytest.approx(-cagr / abs((86.5 / 100) ** (1 / 5) - 1), abs=TOL)


GDP_2021_2025 = """
    [targets.gdp]
    kind = "growth"
    name = "GDP, real growth"
    unit = "%"
    target = { rate = 6, by = 2025 }
    baseline = { at = 2020 }
    observations = [
      { at = 2021, rate = 5.8 },
      { at = 2022, rate = 2.1 },
      { at = 2023, rate = 5.3 },
    ]
"""


def test_growth_target_on_its_index(assess_text):
    a = assess_text(GDP_2021_2025, BEFORE_DEADLINE)
    index = 100 * 1.058 * 1.021 * 1.053  # 113.7470 at the end of 2023
    years = 3  # t_l - t_b = 2024 - 2021
    realized = ((index / 100) ** (1 / years) - 1) * 100  # 4.384 % a year on average
    assert a.method == "compound"
    assert a.direction == "increase"
    assert a.baseline.value is None
    assert a.latest.value == pytest.approx(realized, abs=TOL)
    assert a.target.value == 6
    m = a.measures
    assert m.gap == pytest.approx(6 - realized, abs=TOL)
    assert m.projected == pytest.approx(realized, abs=TOL)
    assert m.actual_change_per_year is None and m.required_change_per_year is None
    assert m.actual_growth_per_year == pytest.approx(realized / 100, abs=TOL)
    target_index = 100 * 1.06**5  # 133.82
    assert m.required_growth_per_year == pytest.approx(
        (target_index / index) ** (1 / 2) - 1, abs=TOL
    )
    assert m.progress == pytest.approx((index - 100) / (target_index - 100), abs=TOL)
    assert m.ratio == pytest.approx((realized / 100) / 0.06, abs=TOL)  # 0.7307
    assert a.verdict is Verdict.ACCELERATION_NEEDED
    history = [5.8, ((1.058 * 1.021) ** 0.5 - 1) * 100, realized]
    assert [entry.value for entry in a.history] == pytest.approx(history, abs=TOL)
    assert [entry.recorded for entry in a.history] == [{"rate": 5.8}, {"rate": 2.1}, {"rate": 5.3}]
    # after the deadline, with no figure for 2024 or 2025: 4.38% a year holds short of 6%
    late = assess_text(GDP_2021_2025, AFTER_DEADLINE)
    assert late.verdict is Verdict.PENDING and late.outlook is Outlook.LIKELY_MISSED


def test_growth_tolerance_loosens_the_rate(assess_text):
    full = GDP_2021_2025.replace(
        "{ at = 2023, rate = 5.3 },",
        "{ at = 2023, rate = 5.3 }, { at = 2024, rate = 5.1 }, { at = 2025, rate = 3.7 },",
    )
    # index at the end of 2025: 100 * 1.058 * 1.021 * 1.053 * 1.051 * 1.037 = 123.97, short of
    # 100 * 1.06 ** 5 = 133.82 but above 100 * 1.04 ** 5 = 121.67 (rate 6 less tolerance 2)
    assert assess_text(full).verdict is Verdict.MISSED
    assert (
        assess_text(full.replace('unit = "%"', 'unit = "%"\ntolerance = 2')).verdict is Verdict.MET
    )


def test_one_year_growth_target(assess_text):
    text = """
        [targets.gdp-2023]
        kind = "growth"
        name = "GDP growth 2023"
        target = { rate = 5, by = 2023 }
        baseline = { at = 2022 }
        observations = [{ at = 2023, rate = 5.3 }]
    """
    a = assess_text(text)
    assert a.latest.value == pytest.approx(5.3, abs=TOL)  # (105.3 / 100) ** 1 - 1
    assert a.measures.gap == pytest.approx(5 - 5.3, abs=TOL)
    assert a.measures.ratio == pytest.approx(0.053 / 0.05, abs=TOL)
    assert a.verdict is Verdict.MET


def test_growth_rate_over_several_years(assess_text):
    text = """
        [targets.g]
        kind = "growth"
        name = "g"
        target = { rate = 5, by = 2025 }
        baseline = { at = 2020 }
        observations = [{ at = 2022, rate = 4 }]
    """
    a = assess_text(text)
    # 4% a year over the two years since the baseline: index 100 * 1.04 ** 2
    assert a.latest.value == pytest.approx(4.0, abs=TOL)
    assert a.measures.ratio == pytest.approx(0.04 / 0.05, abs=TOL)


def test_growth_without_observations_is_insufficient_data(assess_text):
    a = assess_text(GDP_2021_2025, date(2021, 6, 1))  # before the first figure (end 2021)
    assert a.latest.at == 2020 and a.latest.value is None
    assert a.measures.gap is None
    assert a.verdict is Verdict.INSUFFICIENT_DATA


UNEMPLOYMENT = """
    [targets.unemployment]
    kind = "bound"
    name = "Surveyed urban unemployment"
    unit = "%"
    target = {{ max = 5.5, by = 2025, from = 2021 }}
    observations = [{observations}]
"""


def test_bound_within_so_far_is_on_track(assess_text):
    a = assess_text(
        UNEMPLOYMENT.format(observations="{ at = 2020, value = 5.9 }, { at = 2022, value = 5.2 }"),
        BEFORE_DEADLINE,
    )
    # 2020 lies before `from`, so its 5.9 does not count
    assert [entry.considered for entry in a.history] == [False, True]
    assert a.direction == "decrease"
    assert a.method is None and a.baseline is None
    assert a.latest.value == 5.2
    assert a.target.value == 5.5
    assert a.measures.gap == pytest.approx(5.5 - 5.2, abs=TOL)
    assert a.measures.years_left == pytest.approx(2026 - (2025 + 181 / 365), abs=TOL)
    assert a.measures.data_age == pytest.approx(2025 + 181 / 365 - 2023, abs=TOL)
    assert a.measures.ratio is None and a.measures.progress is None and a.measures.projected is None
    assert a.verdict is Verdict.ON_TRACK


def test_bound_breached_is_missed(assess_text):
    a = assess_text(
        UNEMPLOYMENT.format(observations="{ at = 2022, value = 5.6 }, { at = 2023, value = 5.2 }")
    )
    assert a.verdict is Verdict.MISSED
    assert a.note == "2022-12-31: above the ceiling of 5.5"


def test_bound_kept_to_the_deadline_is_met(assess_text):
    a = assess_text(
        UNEMPLOYMENT.format(observations="{ at = 2023, value = 5.2 }, { at = 2025, value = 5.2 }")
    )
    assert a.verdict is Verdict.MET


def test_bound_without_observations_is_insufficient_data_then_pending(assess_text):
    empty = UNEMPLOYMENT.format(observations="")
    assert assess_text(empty, BEFORE_DEADLINE).verdict is Verdict.INSUFFICIENT_DATA
    late = assess_text(empty, AFTER_DEADLINE)
    assert late.verdict is Verdict.PENDING and late.outlook is None


def test_bound_within_so_far_is_pending_once_the_deadline_has_passed(assess_text):
    a = assess_text(UNEMPLOYMENT.format(observations="{ at = 2023, value = 5.2 }"), AFTER_DEADLINE)
    assert a.verdict is Verdict.PENDING and a.outlook is None
    assert a.caveats == ("stale",)  # 2026.896 - 2024 = 2.9 years > 1.5


def test_a_floor(assess_text):
    text = """
        [targets.grain]
        kind = "bound"
        name = "Grain output"
        unit = "Mt"
        target = {{ min = 650, by = 2025 }}
        observations = [{{ at = 2023, value = {value} }}]
    """
    above = assess_text(text.format(value=660), BEFORE_DEADLINE)
    assert above.direction == "increase" and above.verdict is Verdict.ON_TRACK
    assert above.measures.gap == pytest.approx(650 - 660, abs=TOL)
    assert assess_text(text.format(value=640)).verdict is Verdict.MISSED
