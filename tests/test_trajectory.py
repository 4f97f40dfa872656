"""The chart of `lnrev gap`: every kind and method draws, and every point sits where the data says."""

import math
import tomllib
from datetime import date

import pytest
from conftest import kind_example
from hypothesis import given, settings
from hypothesis import strategies as st

from lnrev.engine.timeline import decimal_year
from lnrev.model.targets_file import TargetsFile
from lnrev.reports.status import assess_file
from lnrev.views import plot
from lnrev.views.chart import SAMPLES, chart_of, year_ticks

TOL = 1e-9
AS_OF = date(2026, 11, 23)


def series(chart) -> dict:
    return {s.role: s.points for s in chart.series}


@pytest.mark.parametrize("method", ["linear", "compound", "unsd"])
def test_level_chart(assess_text, method):
    chart = chart_of(assess_text(kind_example("level", method=method), AS_OF))
    lines = series(chart)
    assert lines["observed"] == ((2021.0, 40.0), (2024.0, 46.0))
    assert lines["target"] == ((2021.0, 50.0), (2026.0, 50.0))
    required, projection = lines["required"], lines["projection"]
    assert required[0] == (2021.0, 40.0) and required[-1] == pytest.approx((2026.0, 50.0), abs=TOL)
    assert projection[0] == (2024.0, 46.0)
    if method == "linear":
        assert len(required) == 2  # a straight line
        assert projection[-1] == pytest.approx((2026.0, 46 + 2 * 2), abs=TOL)
    else:
        assert len(required) == SAMPLES + 1  # the compound curve
        # half way in time, the compound path is at the geometric mean of 40 and 50
        assert required[SAMPLES // 2] == pytest.approx((2023.5, (40 * 50) ** 0.5), abs=TOL)
        cagr = (46 / 40) ** (1 / 3) - 1
        assert projection[-1] == pytest.approx((2026.0, 46 * (1 + cagr) ** 2), abs=TOL)
    assert plot.render(chart, width=80, height=16, colour=False)


@pytest.mark.parametrize("method", ["linear", "compound"])
def test_change_chart_is_in_cumulative_percent(assess_text, method):
    chart = chart_of(assess_text(kind_example("change", method=method), AS_OF))
    lines = series(chart)
    assert [p for point in lines["observed"] for p in point] == pytest.approx(
        [2022.0, -2.7, 2025.0, -11.6], abs=TOL
    )
    assert lines["target"][0][1] == pytest.approx(-13.5, abs=TOL)
    assert lines["required"][0] == pytest.approx((2021.0, 0.0), abs=TOL)
    assert lines["required"][-1] == pytest.approx((2026.0, -13.5), abs=TOL)
    assert lines["projection"][0] == pytest.approx((2025.0, -11.6), abs=TOL)
    if method == "linear":  # -11.6 over 4 years, one more year
        assert lines["projection"][-1] == pytest.approx((2026.0, -11.6 - 2.9), abs=TOL)
    assert chart.y_label == "% vs 2020-12-31"
    assert "% vs 2020-12-31" in plot.render(chart, width=80, height=16, colour=False)


def test_growth_chart_is_on_the_index(assess_text):
    chart = chart_of(assess_text(kind_example("growth"), AS_OF))
    lines = series(chart)
    # 5.8% in 2021, then 3.7% a year for two years: index 105.8, then 105.8 * 1.037 ** 2
    observed = [p for point in lines["observed"] for p in point]
    assert observed == pytest.approx([2022.0, 105.8, 2024.0, 105.8 * 1.037**2], abs=TOL)
    assert lines["target"][0][1] == pytest.approx(100 * 1.06**5, abs=TOL)
    assert lines["required"][0] == pytest.approx((2021.0, 100.0), abs=TOL)
    assert lines["required"][SAMPLES // 2][1] == pytest.approx(100 * 1.06**2.5, abs=TOL)
    assert chart.y_label == "index, 2020-12-31 = 100"
    assert plot.render(chart, width=80, height=16, colour=True)


def test_bound_chart_has_the_observations_and_the_ceiling(assess_text):
    chart = chart_of(assess_text(kind_example("bound"), AS_OF))
    lines = series(chart)
    assert set(lines) == {"observed", "target"}
    assert lines["observed"] == ((2023.0, 5.2), (2024.0, 5.3))
    assert lines["target"] == ((2023.0, 5.5), (decimal_year(2025), 5.5))
    drawing = plot.render(chart, width=80, height=16, colour=False)
    assert "─ ceiling 5.5" in drawing and "● observed" in drawing


def test_a_target_with_no_data_still_draws(assess_text):
    chart = chart_of(assess_text(kind_example("level"), date(2019, 1, 1)))
    assert series(chart)["observed"] == ((2021.0, 40.0), (2024.0, 46.0))  # history, not yet known
    assert "required" not in series(chart)
    assert plot.render(chart, width=60, height=12, colour=False)


def test_year_ticks():
    assert year_ticks(2021.3, 2026.0) == [2021.0, 2022.0, 2023.0, 2024.0, 2025.0, 2026.0]
    assert year_ticks(2000.0, 2030.0) == [2000.0, 2006.0, 2012.0, 2018.0, 2024.0, 2030.0]


@given(
    kind=st.sampled_from(["level", "change", "growth"]),
    method=st.sampled_from(["linear", "compound", "unsd"]),
    values=st.lists(
        st.floats(min_value=-1e300, max_value=1e300, allow_nan=False), min_size=1, max_size=4
    ),
    goal=st.floats(min_value=-99.9, max_value=1e300, allow_nan=False),
)
@settings(max_examples=200, deadline=None)
def test_any_target_draws_without_error(kind, method, values, goal):
    observations = ", ".join(
        f"{{ at = {2021 + i}, {'rate' if kind == 'growth' else 'value'} = {max(v, -99.9) if kind == 'growth' else v!r} }}"
        for i, v in enumerate(values)
    )
    target = {
        "level": f"value = {goal!r}",
        "change": f"change = {goal!r}",
        "growth": f"rate = {goal!r}",
    }[kind]
    text = f'[targets.t]\nname = "t"\nkind = "{kind}"\ntarget = {{ {target}, by = 2030 }}\nobservations = [{observations}]\n'
    if kind != "growth":
        text += f'method = "{method}"\n'
    if kind != "level":
        text += "baseline = { at = 2020 }\n"
    targets = TargetsFile.model_validate(tomllib.loads(text))
    assessment = assess_file(targets, AS_OF)[0]
    chart = chart_of(assessment)
    for line in chart.series:
        assert all(math.isfinite(t) and math.isfinite(v) for t, v in line.points), line
    assert plot.render(chart, width=70, height=14, colour=False)
