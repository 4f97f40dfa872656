"""A lean start-up: each command imports only what it uses (timings themselves are in bench/)."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def imported(*args: str) -> set[str]:
    """The modules a real `python -m lnrev ...` process imports, read from -X importtime."""
    done = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "lnrev", *args],
        cwd=ROOT, capture_output=True, text=True, env={**os.environ, "LNREV_FILE": ""}, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr[-2000:]
    return {
        line.rsplit("|", 1)[1].strip()
        for line in done.stderr.splitlines()
        if line.startswith("import time:")
    }


@pytest.mark.parametrize(
    "args",
    [
        ("status", "--json", "-f", "targets.toml"),
        ("status", "--format", "csv", "-f", "targets.toml"),
        ("gap", "clean-energy", "--json", "-f", "targets.toml"),
    ],
)
def test_scripts_never_pay_for_rich_tomlkit_or_plotting(args):
    modules = imported(*args)
    assert "lnrev.model.targets_file" in modules  # the file was really read and validated
    for heavy in ("rich", "rich.table", "tomlkit", "plotext", "filelock", "playwright"):
        assert heavy not in modules, heavy


def test_the_report_loads_no_terminal_plotting_editing_or_browser_library():
    modules = imported("report", "-f", "targets.toml", "--as-of", "2026-12-01")
    assert "lnrev.views.html_report" in modules and "lnrev.views.svg_chart" in modules
    for heavy in ("rich", "tomlkit", "plotext", "filelock", "playwright"):
        assert heavy not in modules, heavy


def test_version_builds_no_model():
    modules = imported("--version")
    assert (
        not {"lnrev.model.targets_file", "lnrev.reports.status", "rich", "tomlkit", "plotext"}
        & modules
    )


def test_the_table_draws_no_chart():
    modules = imported("status", "-f", "targets.toml")
    assert "rich.table" in modules
    assert "plotext" not in modules and "tomlkit" not in modules
