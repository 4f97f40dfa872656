"""The shipped targets files: valid, every figure sourced, and assessed as the arithmetic says."""

import re
import shutil
import tomllib
from datetime import date
from pathlib import Path

import pytest
from typer.testing import CliRunner

from lnrev.cli import app
from lnrev.engine.verdicts import Caveat, Outlook, Verdict
from lnrev.reports.bibliography import bibliography
from lnrev.reports.status import assess_file
from lnrev.targetsfile.loading import TargetsLocation, load

ROOT = Path(__file__).resolve().parents[1]
LIAONING = ROOT / "targets.toml"
NATIONAL = ROOT / "examples" / "china-14th-fyp.toml"
FIFTEENTH = ROOT / "examples" / "china-15th-fyp.toml"
SHIPPED = [LIAONING, NATIONAL, FIFTEENTH]
FACTS = ROOT.parent / "shared" / "data" / "FACTS.md"
AS_OF = date(2026, 11, 24)
A = 2026 + 328 / 365  # 2026-11-24
TOL = 1e-9
REPRINT = "seen in a reprint; original not checked"

# Grade B in FACTS.md: (target, observation year or None for the target itself).
LIAONING_GRADE_B = {
    ("non-fossil-share", None),
    ("energy-intensity", None),
    ("gdp-growth-2021", None),
    ("gdp-growth-2021", 2021),
    ("gdp-growth-2025", None),
    ("gdp-growth-2025", 2025),
    ("gdp-growth-2026", None),
    ("rd-spending-growth", None),
    ("digital-economy-share", None),
    ("urban-unemployment-2026", None),
    ("cpi-2026", None),
}
# Grade A among the national figures: the life expectancy of 2020 and 2025 (Xinhua, 2026-03-07).
NATIONAL_GRADE_A = {("life-expectancy", 2020), ("life-expectancy", 2025)}


def shipped(path: Path):
    return load(TargetsLocation(path, path.name))


def assessed(path: Path) -> dict:
    return {a.id: a for a in assess_file(shipped(path), AS_OF)}


@pytest.mark.parametrize("path", SHIPPED, ids=lambda p: p.stem)
def test_every_target_observation_and_expectation_names_its_source(path):
    found = bibliography(shipped(path))
    assert found.unsourced == ()
    assert found.references
    assert all(target.source for target in shipped(path).targets.values())


def _numbers(table) -> list[float]:
    """Every number in a TOML table, however deep (dates and years of points excepted)."""
    found = []
    for key, value in table.items() if isinstance(table, dict) else enumerate(table):
        if key in ("at", "by", "from", "base", "date", "published", "tolerance"):
            continue
        if isinstance(value, dict | list):
            found += _numbers(value)
        elif isinstance(value, int | float) and not isinstance(value, bool):
            found.append(value)
    return found


@pytest.mark.skipif(not FACTS.is_file(), reason="the sourcing list lies outside the repository")
@pytest.mark.parametrize("path", SHIPPED, ids=lambda p: p.stem)
def test_every_shipped_number_is_in_the_sourcing_list(path):
    facts = FACTS.read_text(encoding="utf-8")
    table = tomllib.loads(path.read_text(encoding="utf-8"))
    numbers = _numbers(table["targets"])
    assert numbers
    for number in numbers:
        text = f"{abs(number):g}"
        assert re.search(rf"(?<![\d.]){re.escape(text)}(?![\d])", facts), (path.name, number)


def _figures(path: Path):
    """(target id, observation year or None, note) for every target and observation."""
    for id_, target in shipped(path).targets.items():
        yield id_, None, target.note or ""
        for observation in target.observations:
            at = observation.at
            yield id_, at if isinstance(at, int) else at.year, observation.note or ""


def test_liaoning_grade_b_figures_and_only_those_say_so():
    for id_, year, note in _figures(LIAONING):
        key = (id_, year)
        assert (REPRINT in note.lower()) == (key in LIAONING_GRADE_B), (key, note)


@pytest.mark.parametrize("path", [NATIONAL, FIFTEENTH], ids=lambda p: p.stem)
def test_national_grade_b_figures_and_only_those_say_so(path):
    for id_, year, note in _figures(path):
        grade_a = year is not None and (id_, year) in NATIONAL_GRADE_A
        assert (REPRINT in note.lower()) != grade_a, (id_, year, note)


def test_liaoning_assessed_by_hand():
    a = assessed(LIAONING)
    assert list(a) == [
        "clean-energy", "non-fossil-share", "energy-intensity", "gdp-growth-2021",
        "gdp-growth-2023", "gdp-growth-2025", "gdp-growth-2026", "rd-spending-growth",
        "digital-economy-share", "urban-unemployment-2026", "cpi-2026",
    ]  # fmt: skip

    # 49.5% on 2024-04-23 (day 114 of 366), 50.5% on 2024-06-30 (day 182), 56.8% by end 2025.
    t_b, t_l = 2024 + 114 / 366, 2024 + 182 / 366
    clean = a["clean-energy"]
    assert clean.baseline_from == "first_observation"  # nothing sourced at the plan base, 2020
    assert clean.measures.ratio == pytest.approx((1 / (t_l - t_b)) / (7.3 / (2026 - t_b)), abs=TOL)
    assert clean.measures.required_change_per_year == pytest.approx(6.3 / (2026 - t_l), abs=TOL)
    assert clean.measures.years_left == pytest.approx(2026 - A, abs=TOL)  # -0.899
    assert clean.measures.data_age == pytest.approx(A - t_l, abs=TOL)  # 2.401
    assert clean.measures.projected == pytest.approx(50.5 + 366 / 68 * (2026 - t_l), abs=TOL)
    assert clean.verdict is Verdict.PENDING  # its deadline has passed, no 2025 figure yet
    assert clean.outlook is Outlook.LIKELY_MET  # 58.59 >= 56.8
    assert clean.caveats == (
        Caveat.STALE,  # 2.40 > 1.5 years
        Caveat.SHORT_SPAN,  # 68 days
        Caveat.BASELINE_AFTER_PLAN_START,  # 2024 after 2020
    )

    # Targets with no sourced observation and no baseline: nothing to assess.
    for id_ in ("non-fossil-share", "digital-economy-share"):
        assert a[id_].latest is None and a[id_].verdict is Verdict.INSUFFICIENT_DATA

    # Energy intensity -14.5% vs 2020 by 2025, nothing observed: the index must fall
    # from 100 to 85.5 in 5 years, 2.9 points a year; the deadline has passed.
    energy = a["energy-intensity"]
    assert energy.latest.value == 0.0
    assert energy.measures.gap == pytest.approx(85.5 - 100, abs=TOL)
    assert energy.measures.required_change_per_year == pytest.approx(-14.5 / 5, abs=TOL)
    assert energy.verdict is Verdict.PENDING and energy.outlook is None

    # One-year GDP targets: index 100 * (1 + rate/100) after one year against 100 * (1 + target/100).
    gdp_2021 = a["gdp-growth-2021"]  # 5.8% against above 6%
    assert gdp_2021.latest.value == pytest.approx(5.8, abs=TOL)
    assert gdp_2021.measures.gap == pytest.approx(6.0 - 5.8, abs=TOL)
    assert gdp_2021.verdict is Verdict.MISSED
    gdp_2023 = a["gdp-growth-2023"]  # 5.3% against about 5%
    assert gdp_2023.measures.ratio == pytest.approx(0.053 / 0.05, abs=TOL)
    assert gdp_2023.verdict is Verdict.MET
    gdp_2025 = a["gdp-growth-2025"]  # 3.7% against above 5%
    assert gdp_2025.measures.gap == pytest.approx(5.0 - 3.7, abs=TOL)
    assert gdp_2025.measures.progress == pytest.approx(3.7 / 5.0, abs=TOL)  # (103.7-100)/(105-100)
    assert gdp_2025.verdict is Verdict.MISSED
    gdp_2026 = a["gdp-growth-2026"]  # about 4.5% in 2026, no figure yet on 2026-11-24
    assert gdp_2026.measures.required_growth_per_year == pytest.approx(0.045, abs=TOL)
    assert gdp_2026.measures.years_left == pytest.approx(2027 - A, abs=TOL)
    assert gdp_2026.verdict is Verdict.INSUFFICIENT_DATA

    # R&D above 9% a year over 2023-2025: (1.09 ** 3) ** (1/3) - 1 still to do, nothing observed.
    rd = a["rd-spending-growth"]
    assert rd.measures.required_growth_per_year == pytest.approx(0.09, abs=TOL)
    assert rd.verdict is Verdict.PENDING

    for id_, ceiling in (("urban-unemployment-2026", 5.5), ("cpi-2026", 2)):
        assert a[id_].target.value == ceiling and a[id_].direction == "decrease"
        assert a[id_].verdict is Verdict.INSUFFICIENT_DATA  # no 2026 figure yet


def test_national_final_review_assessed_by_hand():
    a = assessed(NATIONAL)

    # Energy intensity: index 97.3 (2021), 92.7 (2023), 88.4 (2024); -13.5% by 2025; no 2025 figure.
    energy = a["energy-intensity"]
    assert energy.binding is True and energy.baseline_from == "plan"
    assert energy.measures.ratio == pytest.approx(2.9 / 2.7, abs=TOL)  # -11.6/4 a year vs -13.5/5
    assert energy.measures.projected == pytest.approx(-11.6 - 2.9, abs=TOL)  # -14.5 <= -13.5
    assert energy.verdict is Verdict.PENDING and energy.outlook is Outlook.LIKELY_MET
    assert energy.label.en == "awaiting final figure"
    assert energy.caveats == (Caveat.STALE,)  # the end of 2024 is 1.9 years before 2026-11-24

    # CO2 intensity: -12% over 2021-2025 against -18%: index 88 against 82.
    co2 = a["co2-intensity"]
    assert co2.latest.value == pytest.approx(-12, abs=TOL)
    assert co2.measures.gap == pytest.approx(82 - 88, abs=TOL)
    assert co2.measures.progress == pytest.approx(12 / 18, abs=TOL)
    assert co2.verdict is Verdict.MISSED and co2.label.en == "not achieved"

    forest = a["forest-coverage"]  # 25.09% in 2025 against 24.1%
    assert forest.measures.gap == pytest.approx(24.1 - 25.09, abs=TOL)
    assert forest.baseline.value == 23.04  # March 2021: the first figure after the base
    assert forest.verdict is Verdict.MET and forest.label.en == "achieved"

    non_fossil = a["non-fossil-share"]  # 15.8% (2020, the base) to 21.7% (2025) against 20%
    assert non_fossil.baseline_from == "plan" and non_fossil.baseline.value == 15.8
    assert non_fossil.measures.progress == pytest.approx((21.7 - 15.8) / (20 - 15.8), abs=TOL)
    assert non_fossil.verdict is Verdict.MET

    urbanization = a["urbanization"]  # 67.89% in 2025 against 65%
    assert urbanization.baseline.value == 63.89
    assert urbanization.measures.gap == pytest.approx(65 - 67.89, abs=TOL)
    assert urbanization.verdict is Verdict.MET

    unemployment = a["urban-unemployment"]  # 5.2% in 2025 within 5.5%
    assert unemployment.measures.gap == pytest.approx(5.5 - 5.2, abs=TOL)
    assert unemployment.history[0].considered  # no `from`: every figure up to the deadline
    assert unemployment.verdict is Verdict.MET

    rd = a["rd-spending-growth"]  # 10% a year over 2021-2025 against above 7%
    assert rd.latest.value == pytest.approx(10, abs=TOL)
    assert rd.measures.ratio == pytest.approx(0.10 / 0.07, abs=TOL)
    assert rd.verdict is Verdict.MET

    life = a["life-expectancy"]  # 77.93 in 2020 + 1 year = 78.93; 79.25 in 2025
    assert life.target.value == pytest.approx(78.93, abs=TOL)
    assert life.measures.gap == pytest.approx(78.93 - 79.25, abs=TOL)
    assert life.verdict is Verdict.MET

    patents = a["invention-patents"]  # 16 against 12, the only figure
    assert patents.baseline == patents.latest and patents.direction == "increase"
    assert patents.verdict is Verdict.MET

    assert [v.verdict for v in a.values()].count(Verdict.MET) == 7


def test_the_15th_plan_is_honestly_insufficient_data_but_shows_the_pace_needed():
    a = assessed(FIFTEENTH)
    assert {v.verdict for v in a.values()} == {Verdict.INSUFFICIENT_DATA}
    non_fossil = a["non-fossil-share"]  # 21.7% in 2025 (the base) to 25% by 2030
    assert non_fossil.baseline_from == "plan"
    assert non_fossil.measures.required_change_per_year == pytest.approx(3.3 / 5, abs=TOL)
    life = a["life-expectancy"]  # 79.25 in 2025 to 80 by 2030
    assert life.measures.required_change_per_year == pytest.approx(0.75 / 5, abs=TOL)
    co2 = a["co2-intensity"]  # -17% over 2026-2030 from an index of 100 at the end of 2025
    assert co2.baseline_from == "plan"
    assert co2.measures.required_change_per_year == pytest.approx(-17 / 5, abs=TOL)
    rd = a["rd-spending-growth"]
    assert rd.measures.required_growth_per_year == pytest.approx(0.07, abs=TOL)


def _readme_block(command: str) -> str:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    return readme.split(f"$ {command}\n", 1)[1].split("```", 1)[0]


def _at_80_columns(*args: str) -> str:
    """What `lnrev ARGS` prints in the README: 80 columns wide, as in an ordinary terminal."""
    return CliRunner().invoke(app, list(args), env={"COLUMNS": "80"}).stdout


def test_the_readme_shows_real_status_output(tmp_path):
    shutil.copy(LIAONING, tmp_path / "targets.toml")
    screen = _at_80_columns("status", "--as-of", "2026-11-24")
    assert _readme_block("lnrev status --as-of 2026-11-24") == screen


@pytest.mark.parametrize("lang", [(), ("--lang", "zh")], ids=["en", "zh"])
def test_the_readme_shows_the_real_final_review(monkeypatch, lang):
    monkeypatch.chdir(ROOT)
    args = ["status", "-f", "examples/china-14th-fyp.toml", "--scheme", "ndrc", *lang]
    screen = _at_80_columns(*args, "--as-of", "2026-11-24")
    assert _readme_block(f"lnrev {' '.join(args)} --as-of 2026-11-24") == screen
