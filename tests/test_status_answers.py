"""The status table answers "how far, how fast, on track?": bounds read as bounds, units where the
column does not say them, past deadlines as past, settled targets left out on request, and the
shipped file never edited by a newcomer."""

import os
import re
import subprocess
import sys
from pathlib import Path

from typer.testing import CliRunner

from lnrev.cli import app

ROOT = Path(__file__).resolve().parents[1]
LNREV = str(Path(sys.executable).with_name("lnrev"))
runner = CliRunner()

BOUNDS = """
    [plan]
    name = "Bounds"

    [targets.jobless]
    name = "Surveyed urban unemployment"
    unit = "%"
    kind = "bound"
    target = { max = 5.5, by = 2025 }
    observations = [
      { at = 2021, value = 5.1, source = "NBS" },
      { at = 2022, value = 5.6, source = "NBS" },
      { at = 2023, value = 5.2, source = "NBS" },
    ]

    [targets.grain]
    name = "Grain output"
    unit = "Mt"
    kind = "bound"
    target = { min = 650, by = 2025 }
    observations = [{ at = 2023, value = 695, source = "NBS" }]

    [targets.share]
    name = "A share"
    unit = "%"
    target = { value = 50, by = 2025 }
    observations = [
      { at = 2020, value = 40, source = "Bureau" },
      { at = 2025, value = 51, source = "Bureau" },
    ]

    [targets.gdp]
    name = "GDP growth"
    unit = "%"
    kind = "growth"
    baseline = { at = 2022 }
    target = { rate = 5, by = 2027 }
    observations = [{ at = 2023, rate = 5.2, source = "NBS" }]

    [targets.intensity]
    name = "Energy intensity"
    unit = "%"
    kind = "change"
    baseline = { at = 2020 }
    target = { change = -13.5, by = 2025 }
"""
AS_OF = "2024-06-30"


def invoke(*args: str, **env: str):
    return runner.invoke(app, list(args), env={"COLUMNS": "", **env})


def test_a_bound_reads_as_a_bound_and_its_breach_is_named(write_targets):
    write_targets(BOUNDS)
    out = invoke("status", "--as-of", AS_OF).stdout
    assert re.search(r"^jobless\s+5\.2%\s+≤ 5\.5%\s+\+0\.3 pp\s", out, re.M)
    assert re.search(r"^grain\s+695 Mt\s+≥ 650 Mt\s+-45 Mt\s", out, re.M)
    assert "missed" in out and "5.6% on 2022-12-31, above the ceiling" in out
    assert "the gap of a bound (≤, ≥) is the headroom left to it" in out
    markdown = invoke("status", "--as-of", AS_OF, "--format", "markdown").stdout
    assert "| ≤ 5.5% by 2025-12-31 | +0.3 pp |" in markdown
    assert "missed (5.6% on 2022-12-31, above the ceiling)" in markdown


def test_bounds_in_ascii_output(write_targets):
    write_targets(BOUNDS)
    done = subprocess.run(
        [LNREV, "status", "--as-of", AS_OF], capture_output=True, cwd=write_targets("", "x").parent,
        env={**os.environ, "PYTHONIOENCODING": "ascii", "COLUMNS": ""},
    )  # fmt: skip
    out = done.stdout.decode("ascii")
    assert "<= 5.5%" in out and ">= 650 Mt" in out and "≤" not in out


def test_the_gap_says_its_unit(write_targets):
    write_targets(BOUNDS)
    out = invoke("status", "--as-of", AS_OF).stdout
    assert re.search(r"^gdp\s+5\.2%\s+5%\s+-0\.2 pp\s", out, re.M)  # points of a growth rate
    assert re.search(r"^intensity\s+—\s+-13\.5%\s+-13\.5 pp\s", out, re.M)  # of a cumulative change
    json_out = invoke("status", "--as-of", AS_OF, "--json").stdout
    assert '"gap": -13.5' in json_out  # JSON keeps the plain number


def test_a_baseline_is_not_a_figure(write_targets):
    write_targets(BOUNDS)
    out = invoke("status", "--as-of", AS_OF, "intensity").stdout
    assert "no figure since the 2020 baseline" in out
    assert not re.search(r"^intensity\s+0%", out, re.M)


def test_a_past_deadline_reads_as_past(write_targets):
    write_targets(BOUNDS)
    out = invoke("gap", "intensity", "--as-of", "2026-11-24", "--no-chart").stdout
    assert re.search(r"^deadline\s+passed 0\.9\d? years ago$", out, re.M)
    assert "years left" not in out and "-0.9" not in out
    zh = invoke("gap", "intensity", "--as-of", "2026-11-24", "--no-chart", "--lang", "zh").stdout
    assert re.search(r"截止日期\s+已过去 0\.9\d? 年", zh)
    before = invoke("gap", "intensity", "--as-of", AS_OF, "--no-chart").stdout
    assert re.search(r"^years left\s+1\.5", before, re.M)


def test_open_leaves_out_settled_targets(write_targets):
    write_targets(BOUNDS)
    all_ids = [t["id"] for t in _targets(invoke("status", "--json", "--as-of", AS_OF).stdout)]
    assert all_ids == ["jobless", "grain", "share", "gdp", "intensity"]
    shown = _targets(invoke("status", "--open", "--json", "--as-of", AS_OF).stdout)
    assert [t["id"] for t in shown] == ["grain", "share", "gdp", "intensity"]
    assert {t["verdict"] for t in shown}.isdisjoint({"met", "missed"})
    # a watch on open targets does not fire for the bound missed in 2022
    watch = invoke("status", "--open", "--fail-on", "missed,deterioration", "--as-of", AS_OF)
    assert watch.exit_code == 0
    assert invoke("status", "--fail-on", "missed", "--as-of", AS_OF).exit_code == 1
    report = invoke("report", "--open", "--format", "markdown", "--as-of", AS_OF).stdout
    assert "(grain)" in report and "(jobless)" not in report


def _targets(text: str) -> list[dict]:
    import json

    return json.loads(text)["targets"]


def test_nothing_matched_says_so(write_targets):
    write_targets(BOUNDS)
    result = invoke("status", "--binding")
    assert result.exit_code == 0
    assert result.stdout == "no target in targets.toml matches --binding\n"
    zh = invoke("status", "--binding", "--open", "--lang", "zh")
    assert zh.stdout == "targets.toml 中没有符合 --binding --open 的目标\n"
    json_out = invoke("status", "--binding", "--json").stdout
    assert '"targets": []' in json_out


def test_the_shipped_file_is_never_edited_from_a_source_checkout():
    before = (ROOT / "targets.toml").read_bytes()
    for args in (["record", "clean-energy", "51", "--at", "2024-12-31", "--source", "x"],
                 ["remove", "cpi-2026", "--yes"],
                 ["record", "-f", str(ROOT / "targets.toml"), "clean-energy", "51", "--at", "2024-12-31", "--source", "x"]):  # fmt: skip
        done = subprocess.run([LNREV, *args], capture_output=True, text=True, cwd=ROOT)
        assert done.returncode == 3, done.stderr
        assert "the targets file shipped with lnrev is read-only; run `lnrev init`" in done.stderr
    assert (ROOT / "targets.toml").read_bytes() == before
