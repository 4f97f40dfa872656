"""The shipped targets files: valid, every figure sourced, and assessed as the arithmetic says."""

import shutil
from datetime import date
from pathlib import Path

import pytest
from typer.testing import CliRunner

from lnrev.cli import app
from lnrev.engine.verdicts import Outlook, Verdict
from lnrev.reports.bibliography import bibliography
from lnrev.reports.status import assess_file
from lnrev.targetsfile.loading import TargetsLocation, load

ROOT = Path(__file__).resolve().parents[1]
LIAONING = ROOT / "targets.toml"
NATIONAL = ROOT / "examples" / "china-14th-fyp.toml"
AS_OF = date(2026, 11, 23)
TOL = 1e-9
REPRINT = "seen in a reprint; original not checked"

# Grade B in shared/data/FACTS.md: (target, observation date or None for the target itself).
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
}


def shipped(path: Path):
    return load(TargetsLocation(path, path.name))


def assessed(path: Path) -> dict:
    return {a.id: a for a in assess_file(shipped(path), AS_OF)}


@pytest.mark.parametrize("path", [LIAONING, NATIONAL], ids=["liaoning", "national"])
def test_every_target_observation_and_expectation_names_its_source(path):
    found = bibliography(shipped(path))
    assert found.unsourced == ()
    assert found.references


def _figures(path: Path):
    """(target id, observation point or None, note) for every target and observation."""
    for id_, target in shipped(path).targets.items():
        yield id_, None, target.note or ""
        for observation in target.observations:
            yield id_, observation.at, observation.note or ""


def test_liaoning_grade_b_figures_and_only_those_say_so():
    for id_, at, note in _figures(LIAONING):
        key = (id_, at if at is None or isinstance(at, int) else at.year)
        assert (REPRINT in note.lower()) == (key in LIAONING_GRADE_B), (key, note)


def test_every_national_figure_is_grade_b_and_says_so():
    for id_, at, note in _figures(NATIONAL):
        assert REPRINT in note.lower(), (id_, at)


def test_liaoning_assessed_by_hand():
    a = assessed(LIAONING)
    assert list(a) == [
        "clean-energy", "non-fossil-share", "energy-intensity", "gdp-growth-2021",
        "gdp-growth-2023", "gdp-growth-2025", "gdp-growth-2026", "rd-spending-growth",
        "digital-economy-share",
    ]  # fmt: skip

    # 49.5% on 2024-04-23 (day 114 of 366), 50.5% on 2024-06-30 (day 182), 56.8% by end 2025.
    t_b, t_l = 2024 + 114 / 366, 2024 + 182 / 366
    clean = a["clean-energy"]
    assert clean.measures.ratio == pytest.approx((1 / (t_l - t_b)) / (7.3 / (2026 - t_b)), abs=TOL)
    assert clean.measures.required_change_per_year == pytest.approx(6.3 / (2026 - t_l), abs=TOL)
    assert clean.verdict is Verdict.PENDING  # its deadline has passed, no 2025 figure yet
    assert clean.outlook is Outlook.LIKELY_MET  # 50.5 + 366/68 * (2026 - t_l) = 58.59 >= 56.8

    # Targets with no sourced observation: nothing to assess.
    for id_ in ("non-fossil-share", "digital-economy-share"):
        assert a[id_].latest is None and a[id_].verdict is Verdict.INSUFFICIENT_DATA

    # Energy intensity -14.5% vs 2020 by 2025, nothing observed: the index must fall
    # from 100 to 85.5 in 5 years, 2.9 points a year.
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
    gdp_2026 = a["gdp-growth-2026"]  # about 4.5% in 2026, no figure yet on 2026-11-23
    assert gdp_2026.measures.required_growth_per_year == pytest.approx(0.045, abs=TOL)
    assert gdp_2026.verdict is Verdict.INSUFFICIENT_DATA

    # R&D above 9% a year over 2023-2025: (1.09 ** 3) ** (1/3) - 1 still to do, nothing observed.
    rd = a["rd-spending-growth"]
    assert rd.measures.required_growth_per_year == pytest.approx(0.09, abs=TOL)
    assert rd.verdict is Verdict.PENDING and rd.outlook is None


def test_national_plan_assessed_by_hand():
    a = assessed(NATIONAL)

    # Energy intensity: index 97.3 (2021), 92.7 (2023), 88.4 (2024); -13.5% by 2025.
    energy = a["energy-intensity"]
    assert energy.binding is True
    assert energy.measures.ratio == pytest.approx(2.9 / 2.7, abs=TOL)  # -11.6/4 a year vs -13.5/5
    assert energy.measures.projected == pytest.approx(-11.6 - 2.9, abs=TOL)
    assert energy.verdict is Verdict.PENDING and energy.outlook is Outlook.LIKELY_MET

    # CO2 intensity: -3.8% in 2021 against -18% by 2025: 3.8 a year vs 18/5 = 3.6 a year.
    co2 = a["co2-intensity"]
    assert co2.measures.ratio == pytest.approx(3.8 / 3.6, abs=TOL)
    assert co2.measures.required_change_per_year == pytest.approx((82 - 96.2) / 4, abs=TOL)
    assert co2.measures.projected == pytest.approx(-3.8 - 3.8 * 4, abs=TOL)
    assert co2.verdict is Verdict.PENDING and co2.outlook is Outlook.LIKELY_MET

    forest = a["forest-coverage"]  # 25.09% reported 2025-10-02 against 24.1%
    assert forest.measures.gap == pytest.approx(24.1 - 25.09, abs=TOL)
    assert forest.verdict is Verdict.MET

    non_fossil = a["non-fossil-share"]  # only the 2020 figure: 15.8% to 20% in 5 years
    assert non_fossil.measures.required_change_per_year == pytest.approx(4.2 / 5, abs=TOL)
    assert non_fossil.verdict is Verdict.PENDING and non_fossil.outlook is None

    urbanization = a["urbanization"]  # 67% in 2024 against 65%
    assert urbanization.baseline.value == 63.89
    assert urbanization.measures.gap == pytest.approx(65 - 67, abs=TOL)
    assert urbanization.verdict is Verdict.MET

    unemployment = a["urban-unemployment"]  # 5.2% in 2025 within 5.5%
    assert unemployment.measures.gap == pytest.approx(5.5 - 5.2, abs=TOL)
    assert unemployment.measures.years_left == pytest.approx(2026 - (2026 + 327 / 365), abs=TOL)
    assert unemployment.verdict is Verdict.MET

    assert a["rd-spending-growth"].verdict is Verdict.PENDING


def test_the_readme_shows_real_status_output(tmp_path):
    shutil.copy(LIAONING, tmp_path / "targets.toml")
    result = CliRunner().invoke(app, ["status", "--as-of", "2026-11-23"])
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    block = readme.split("$ lnrev status --as-of 2026-11-23\n", 1)[1].split("```", 1)[0]
    assert block == result.stdout
