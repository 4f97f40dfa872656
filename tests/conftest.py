"""Shared fixtures: every test runs in its own empty directory, never on the user's files; one
example target of each kind, in TOML, for the tests that need a target of every kind."""

from __future__ import annotations

import textwrap
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
from hypothesis import settings

from lnrev.engine.results import Assessment
from lnrev.reports.status import assess_file
from lnrev.targetsfile.loading import TargetsLocation, load

# Property tests run the whole loader and CLI: the first example of a run also pays for imports,
# so a per-example deadline measures the machine, not lnrev. Speed is measured in bench/.
settings.register_profile("lnrev", deadline=None)
settings.load_profile("lnrev")


@pytest.fixture(autouse=True)
def _isolated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Run in an empty temporary directory with no $LNREV_FILE, so discovery is predictable."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("LNREV_FILE", raising=False)
    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.delenv("COLUMNS", raising=False)  # piped output is then as wide as its content


@pytest.fixture
def write_targets(tmp_path: Path) -> Callable[..., Path]:
    """Write TOML text (dedented) to a real file and return its path."""

    def write(text: str, name: str = "targets.toml") -> Path:
        path = tmp_path / name
        path.write_text(textwrap.dedent(text), encoding="utf-8")
        return path

    return write


@pytest.fixture
def assess_text(write_targets: Callable[..., Path]) -> Callable[..., Assessment]:
    """Load TOML text through the real loader and assess its first target as of a date."""

    def run(text: str, as_of: date = date(2026, 11, 23)) -> Assessment:
        path = write_targets(text, name="case.toml")
        return assess_file(load(TargetsLocation(path, path.name)), as_of)[0]

    return run


KIND_EXAMPLES = {
    "level": """
[targets.{id}]
name = "Share"
unit = "%"
method = "{method}"
target = {{ value = 50, by = 2025 }}
observations = [{{ at = 2020, value = 40 }}, {{ at = 2023, value = 46 }}]
""",
    "change": """
[targets.{id}]
kind = "change"
name = "Energy per GDP"
method = "{method}"
target = {{ change = -13.5, by = 2025 }}
baseline = {{ at = 2020 }}
observations = [{{ at = 2021, yoy = -2.7 }}, {{ at = 2024, value = -11.6 }}]
""",
    "growth": """
[targets.{id}]
kind = "growth"
name = "GDP"
target = {{ rate = 6, by = 2025 }}
baseline = {{ at = 2020 }}
observations = [{{ at = 2021, rate = 5.8 }}, {{ at = 2023, rate = 3.7 }}]
""",
    "bound": """
[targets.{id}]
kind = "bound"
name = "Unemployment"
unit = "%"
target = {{ max = 5.5, by = 2025, from = 2021 }}
observations = [{{ at = 2022, value = 5.2 }}, {{ at = 2023, value = 5.3 }}]
""",
}
"""One target of each kind, worked through by hand in tests/test_trajectory.py: a share from 40 to
46 against 50; energy per GDP -2.7% then -11.6% against -13.5%; GDP 5.8% then 3.7% a year
against 6%; unemployment 5.2% then 5.3% within 5.5%."""


def kind_example(kind: str, id_: str = "t", method: str = "linear") -> str:
    """The TOML of the example target of a kind, under `[targets.ID]`."""
    return KIND_EXAMPLES[kind].format(id=id_, method=method)


@pytest.fixture
def one_of_each_kind() -> str:
    """A valid file with the example target of each kind, ids level, change, growth, bound."""
    return "".join(kind_example(kind, kind) for kind in KIND_EXAMPLES)
