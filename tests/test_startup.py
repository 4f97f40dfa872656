"""A lean start-up: each command imports only what it uses (timings themselves are in bench/)."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from lnrev.cli.application import COMMANDS, app, application_for

ROOT = Path(__file__).resolve().parents[1]
runner = CliRunner()


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


def test_import_lnrev_and_its_calls_load_no_command_line_or_terminal_library():
    """`import lnrev` is the Python API: assessing a file loads no typer, click or rich, and
    importing it alone loads no model either."""
    script = (
        "import sys, lnrev\n"
        "print(' '.join(sorted(sys.modules)))\n"
        "lnrev.assess('targets.toml', as_of='2025').to_json()\n"
        "lnrev.gap('clean-energy', 'targets.toml')\n"
        "print(' '.join(sorted(sys.modules)))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, check=True,
        env={**os.environ, "LNREV_FILE": ""},
    )  # fmt: skip
    on_import, after_calls = (set(line.split()) for line in done.stdout.splitlines())
    assert "lnrev.model.targets_file" in after_calls  # the file was really read
    assert not {"pydantic", "lnrev.model.targets_file", "lnrev.reports.status"} & on_import
    for heavy in ("typer", "click", "rich", "plotext", "tomlkit", "filelock", "pandas"):
        assert not {m for m in after_calls if m == heavy or m.startswith(heavy + ".")}, heavy


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


@pytest.mark.parametrize("name", list(COMMANDS))
def test_one_command_is_built_as_the_whole_application_builds_it(name):
    """The console script builds only the command it runs: its help and its usage errors read
    exactly as in the application with every command."""
    alone = application_for([name, "--help"])
    assert alone is not app and [c.name for c in alone.registered_commands] == [name]
    for args in ([name, "--help"], [name, "--no-such-option"]):
        whole, one = runner.invoke(app, args), runner.invoke(alone, args)
        assert (one.exit_code, one.stdout, one.stderr) == (
            whole.exit_code, whole.stdout, whole.stderr,
        )  # fmt: skip


def test_help_and_completion_get_every_command(monkeypatch):
    assert application_for(["--help"]) is app
    assert application_for(["stauts"]) is app  # so that the error suggests `status`
    monkeypatch.setenv("_LNREV_COMPLETE", "complete_bash")
    assert application_for(["status"]) is app
