"""Shared fixtures: every test runs in its own empty directory, never on the user's files."""

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
